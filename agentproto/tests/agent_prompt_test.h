/*
 * agent_prompt_test.h — the prompt scorer's "it returns" frame, shared by
 * the tests that feed it a text that once made it loop forever
 * (test_agent_prompt_lang10, test_agent_prompt_lang_review13), and the
 * false-positive tests' sides (test_agent_prompt_fp11, fp12).
 */
#ifndef AGENT_PROMPT_TEST_H
#define AGENT_PROMPT_TEST_H

#include "agent_test.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

/* 1 if moat_prompt_score(text) returns in a child given `seconds` (the
 * alarm kills it otherwise), 0 if it did not; fails the test if the child
 * cannot be forked or waited for. */
static inline int prompt_score_returns(const char *text, unsigned seconds)
{
	int st = 0;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		alarm(seconds);
		(void)moat_prompt_score(text, (size_t)-1);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* HIGH / LOW: the score on the threshold's side (agent_test.h);
 * CLEAR_LOW: a benign line well clear of it, below CLEAR (the
 * false-positive tests, test_agent_prompt_fp11 and fp12) */
#define HIGH(s) at_prompt_side((s), 1, __LINE__)
#define LOW(s)  at_prompt_side((s), 0, __LINE__)

#define CLEAR 0.7

static inline void clear_below(const char *s, int line)
{
	double v = moat_prompt_score(s, (size_t)-1);

	if (v >= CLEAR)
		fail_msg("line %d: want below %.2f, score %.3f: %s", line, CLEAR, v, s);
}
#define CLEAR_LOW(s) clear_below((s), __LINE__)

/* ALL_HIGH / ALL_LOW: every text of a list on its side of
 * MOAT_PROMPT_THRESHOLD: each wrong one printed with its score, then one
 * failure for the list (the review16 tests). */
static inline void prompt_sides(const char *const *texts, size_t n, int high, int line)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		double v = moat_prompt_score(texts[i], (size_t)-1);
		if ((v >= MOAT_PROMPT_THRESHOLD - 1e-9) != high) {
			print_message("want %s, score %.3f: %s\n", high ? "high" : "low", v,
			              texts[i]);
			bad++;
		}
	}
	if (bad)
		fail_msg("line %d: %d of %zu texts on the wrong side", line, bad, n);
}
#define ALL_HIGH(a) prompt_sides((a), sizeof(a) / sizeof(a)[0], 1, __LINE__)
#define ALL_LOW(a)  prompt_sides((a), sizeof(a) / sizeof(a)[0], 0, __LINE__)

#endif
