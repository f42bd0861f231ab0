/*
 * agent_sql_test.h — what the sql_injection tests share (test_agent_sql.c,
 * test_agent_sql_judge.c): a policy that blocks, the check's verdict for
 * a statement with one input, and the verdict of the analysis of each of
 * the input's places alone, which takes none of the check's shortcuts.
 */
#ifndef AGENT_SQL_TEST_H
#define AGENT_SQL_TEST_H

#include "agent_test.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* A policy with sql_injection in block mode (the caller releases it). */
static inline const struct moat_policy *block_policy(void)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, err, sizeof err);
	if (!p)
		fail_msg("policy: %s", err);
	return p;
}

/* The check's verdict for sql with input as the request's one input;
 * the rule that fired copied to rule (cap bytes; "" when it allows). */
static inline int check_sql_rule(int dialect, const char *sql, const char *input, char *rule,
                                 size_t cap)
{
	const struct moat_policy *p = block_policy();
	struct moat_request_info ri = {.endpoint = "/x", .policy = p};
	struct moat_request *r;
	int v;

	rule[0] = '\0';
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", input, strlen(input)), 0);
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	if (v == MOAT_BLOCK) {
		const struct moat_event *ev = moat_request_event(r);
		assert_non_null(ev);
		assert_non_null(ev->rule);
		snprintf(rule, cap, "%s", ev->rule);
	}
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* The check's verdict for sql with input as the request's one input. */
static inline int check_sql_text(int dialect, const char *sql, const char *input)
{
	char rule[64];

	return check_sql_rule(dialect, sql, input, rule, sizeof rule);
}

/* The verdict of the analysis of each place of input in sql alone (up to
 * 64 places, as the check looks, and past them as ma_sql_past says):
 * what the check must answer. */
static inline int each_place_alone(int dialect, const char *sql, const char *input)
{
	size_t len = strlen(sql), n = strlen(input), seen = 0;

	for (const char *at = sql; (at = strstr(at, input)) != NULL; at++, seen++) {
		struct ma_sql_hit hit;
		if (seen == 64) { /* past them (bound64): a number is not looked at */
			int number = 1;
			for (const char *p = input; *p; p++)
				number &= (isdigit((unsigned char)*p) || strchr(".:+/- ", *p)) &&
				          !(p[0] == '-' && p[1] == '-');
			if (number)
				return MOAT_ALLOW;
		}
		ma_sql_analyse(dialect, sql, len, (size_t)(at - sql), (size_t)(at - sql) + n, &hit);
		if (hit.fired)
			return MOAT_BLOCK;
	}
	return MOAT_ALLOW;
}

/* 1 when the check's verdict and each place's alone both block; else
 * prints the statement and returns 0 (the review16 tests) */
static inline int both_block(int d, const char *sql, const char *input)
{
	int got = check_sql_text(d, sql, input), alone = each_place_alone(d, sql, input);

	if (got != MOAT_BLOCK || alone != MOAT_BLOCK) {
		print_message("dialect %d: check %s, alone %s: %.160s\n", d,
		              got == MOAT_BLOCK ? "block" : "allow",
		              alone == MOAT_BLOCK ? "block" : "allow", sql);
		return 0;
	}
	return 1;
}

#endif
