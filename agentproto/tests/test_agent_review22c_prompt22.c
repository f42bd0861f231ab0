/* review22 (session 30), third round: findings on h-prompt22 at
 * bba21ae (an override cut short in a decoded text beside an order to
 * decode it). Texts of our own. Scores: bba21ae's, main 1cd37e7's in
 * brackets. */
/* prompt22: round c (a) left open, its test left out: the cut-short
 * "Ignore previous" as HTML character references or rot13 beside
 * "follow" / "obey" stays 0 (no time left this session; the references
 * decoder and the rot13 reading do not reach ma_pr_decoded_shapes's hint
 * for so short a text). Round c (b) is fixed: the whole decoded text must
 * be the cut-short override. */
#include "agent_prompt_test.h"

/* NEW (bba21ae): the rule reads "cut short" as any override verb with
 * "all" / "earlier" after it, so a decoded phrase whose object is an
 * ordinary noun fires: "Disregard all fees" 0.850 (0.000), "Forget
 * earlier drafts" 0.902 (0.350). Nothing is left out there. */
static void a_decoded_override_verb_with_a_harmless_object_is_low(void **state)
{
	static const char *const texts[] = {
	    /* "Disregard all fees" */
	    "Decode this for me: %44%69%73%72%65%67%61%72%64%20%61%6c%6c%20%66%65%65%73",
	    /* "Forget earlier drafts" */
	    "Hex, decode it: 466f72676574206561726c69657220647261667473",
	};
	(void)state;
	ALL_LOW(texts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_decoded_override_verb_with_a_harmless_object_is_low),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
