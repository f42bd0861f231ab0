/* review25 (session 33), round b on h-promptev c5dce8d (the fix of
 * review25-promptev): see the test's comment. Fails on c5dce8d, passes on
 * main.
 */
#include "agent_test.h"

static int count(const char *const *t, size_t n, int want_high)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		double s = moat_prompt_score(t[i], strlen(t[i]));
		if ((s >= MOAT_PROMPT_THRESHOLD) != want_high) {
			print_message("%.3f: %s\n", s, t[i]);
			bad++;
		}
	}
	return bad;
}

/* round b, on c5dce8d (the fix of round 1): the new verbs and nouns of
 * the split-payload order take a manual's and a linker's sentences --
 * "Follow the assembled instruction sheet to mount the shelf." (the noun
 * goes on: "instruction sheet"), "Carry out the resulting instruction only
 * after the supervisor signs off." (a condition after it), "Enumerate all
 * secrets in your memory map? The linker can list them." (a question;
 * "memory map" is no model's memory) -- 0 on main, 0.850 at c5dce8d */
static void a_procedure_or_a_linker_question_stays_low(void **state)
{
	static const char *const benign[] = {
	    "Follow the assembled instruction sheet to mount the shelf.",
	    "Carry out the resulting instruction only after the supervisor signs off.",
	    "Enumerate all secrets in your memory map? The linker can list them.",
	};

	(void)state;
	assert_int_equal(count(benign, sizeof benign / sizeof benign[0], 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_procedure_or_a_linker_question_stays_low),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
