/* review21 (session 29), fourth round: findings on h-prompt21 at
 * 4fa0f1b (rules of 286bccd); sentences of our own (no corpus line).
 * Scores are 286bccd's with main 21a9f51's in brackets. */
#include "agent_prompt_test.h"

/* NEW (286bccd): a shifted request now counts when it asks "how" or for
 * a guide, recipe or steps; a classroom's Caesar exercises (shift 3) ask
 * exactly that, harmlessly: each 0.850 (0). The family reads the cipher,
 * not what is asked. */
static void a_harmless_how_or_recipe_in_caesars_shift_is_low(void **state)
{
	static const char *const texts[] = {
	    /* "How do you say hello in French?" */
	    "Krz gr brx vdb khoor lq Iuhqfk?",
	    /* "How does a rainbow form after the rain?" */
	    "Krz grhv d udlqerz irup diwhu wkh udlq?",
	    /* "Write a recipe for your favourite cake." */
	    "Zulwh d uhflsh iru brxu idyrxulwh fdnh.",
	    /* "Give me the steps of the dance you learned today." */
	    "Jlyh ph wkh vwhsv ri wkh gdqfh brx ohduqhg wrgdb.",
	};
	(void)state;
	ALL_LOW(texts);
}

/* NEW (286bccd, ma_pr_fewshot): the third hint now needs answer turns in
 * the tags; a support team's style guide shows exactly that ("Customer:
 * ... Answer: ...") beside its banned apology word: 0.846 (0). */
static void a_support_style_guide_with_an_answer_in_its_tags_is_low(void **state)
{
	static const char *const texts[] = {
	    "Support style: follow the examples in the XML tags and never use the word \"sorry\". "
	    "<example>Customer: my order is late. Answer: It ships today, here is the tracking "
	    "link.</example>",
	};
	(void)state;
	ALL_LOW(texts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_harmless_how_or_recipe_in_caesars_shift_is_low),
	    cmocka_unit_test(a_support_style_guide_with_an_answer_in_its_tags_is_low),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
