/* review21 (session 29), fifth round: h-prompt21 at fb48041 (rules of
 * e442318/ed5294c); sentences of our own (no corpus line). Scores are
 * fb48041's; main 21a9f51 scores each 0. */
#include "agent_prompt_test.h"

/* NEW (e442318): a shifted request now counts as "how to" or a guide; a
 * classroom's Caesar exercises (shift 3) are those too: each 0.850 (0). */
static void a_harmless_how_to_in_caesars_shift_is_low(void **state)
{
	static const char *const texts[] = {
	    /* "How to fold a paper plane that flies far." */
	    "Krz wr irog d sdshu sodqh wkdw iolhv idu.",
	    /* "Give me a guide to the birds in our garden." */
	    "Jlyh ph d jxlgh wr wkh elugv lq rxu jdughq.",
	    /* "How to tie your shoelaces in two steps." */
	    "Krz wr wlh brxu vkrhodfhv lq wzr vwhsv.",
	};
	(void)state;
	ALL_LOW(texts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_harmless_how_to_in_caesars_shift_is_low),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
