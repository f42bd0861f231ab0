/* libmoatagent: a statement of up to 4 KB is lexed once (sqlcost12,
 * session 34).
 *
 * The token cache held a statement's first 2,048 tokens; the places of
 * an input past them lexed the rest again, from the cursor and for each
 * window (sqlworst's numlist: ~0.13 M instructions of 1.03 M). The cache
 * now holds 4,096 tokens -- every token of a statement of 4,096 bytes or
 * fewer, since a token is one byte at least -- in the request's scratch
 * block. ma_sql.c is compiled here (libmoatagent's copy is not linked)
 * so that the test can read the cache the check left in the scratch
 * block: after a check whose last place is at the statement's end, the
 * cache must hold every token and know the statement is complete; and
 * the verdicts of places past the 2,048th token must be those of each
 * place judged alone.
 *
 * And ma_num_breakout (sqlfix2) is called only at the places of a form
 * that holds a ')' or a ',' (struct ma_sql_reuse's brk, set once a form):
 * its calls are counted here (MA_SQL_BRK_COUNT), and its verdicts must
 * stay each place's alone.
 */
static unsigned long brkcalls;
#define MA_SQL_BRK_COUNT brkcalls
#include "../lib/ma_sql.c"

#include "agent_sql_test.h"

#include <stdio.h>

static const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};

/* the tokens of sql by the lexer alone */
static size_t count_tokens(int d, const char *sql, size_t len)
{
	struct ma_sql_lexer lx;
	struct ma_sql_tok t;
	size_t n = 0;

	ma_sql_lex_init(&lx, d, sql, len);
	while (ma_sql_lex_next(&lx, &t))
		n++;
	return n;
}

/* Checks sql with one input; *n and *complete: the cache the check left. */
static int check_and_cache(int d, const char *sql, const char *in, int *n, int *complete)
{
	const struct moat_policy *p = block_policy();
	struct moat_request_info ri = {.endpoint = "/lists", .policy = p};
	struct moat_request *r;
	const struct ma_sql_scan *c;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "sel", in, strlen(in)), 0);
	v = moat_check_sql(r, d, sql, strlen(sql));
	c = ma_request_scratch(r);
	*n = c->cache.filled ? c->cache.n : -1;
	*complete = c->cache.filled ? c->cache.complete : 0;
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* head, then unit repeated until the statement is about `size` bytes,
 * then the input's last copy and tail */
static size_t build(char *sql, size_t cap, const char *head, const char *unit, const char *last,
                    const char *tail, size_t size)
{
	size_t o = (size_t)snprintf(sql, cap, "%s", head);

	while (o + strlen(unit) + strlen(last) + strlen(tail) <= size)
		o += (size_t)snprintf(sql + o, cap - o, "%s", unit);
	o += (size_t)snprintf(sql + o, cap - o, "%s%s", last, tail);
	assert_true(o < cap);
	return o;
}

/* Statements of 2,500 to 4,096 tokens, 4,096 bytes at most, whose
 * input's last place is at the end: the cache holds every token. */
static void a_four_kilobyte_statement_is_lexed_whole(void **state)
{
	static const struct {
		const char *head, *unit, *last, *tail, *input;
	} c[] = {
	    /* an ORM's list; the input once at the end */
	    {"SELECT id FROM parts WHERE id IN (9", ",1", ",77,88", ")", "77,88"},
	    {"select * from Bestellung where nr in (0", ", 3", ", 5, 6", ")", "5, 6"},
	    /* one-byte tokens: 4,000 and more */
	    {"SELECT 1 FROM t WHERE a = (((", "(", "4 + 5", ")", "4 + 5"},
	    {"INSERT INTO pts VALUES (0)", ",(1)", ",(8 - 9)", "", "8 - 9"},
	    {"UPDATE stock SET n = n", "+1", "+2*3", " WHERE k = 1", "2*3"},
	};
	static char sql[4200];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t di = 0; di < 3; di++) {
			int d = dialects[di], n, complete, v;
			size_t len = build(sql, sizeof sql, c[k].head, c[k].unit, c[k].last,
			                   c[k].tail, 4096);
			size_t want = count_tokens(d, sql, len);
			assert_true(len <= 4096);
			if (want <= 2048)
				fail_msg("case %zu: only %zu tokens", k, want);
			v = check_and_cache(d, sql, c[k].input, &n, &complete);
			if (n < 0)
				continue; /* (no place needed the cache: nothing to see) */
			if (!complete || (size_t)n != want)
				fail_msg(
				    "case %zu (dialect %d): the cache holds %d of %zu tokens%s", k,
				    d, n, want, complete ? "" : ", not complete");
			assert_int_equal(v, each_place_alone(d, sql, c[k].input));
		}
}

/* Places past the 2,048th token of a statement under 4 KB, judged as
 * each place alone: lists of numbers (kept places), strings, and an
 * attack at the last place or in the middle. */
static void places_past_the_old_cache_are_judged_alike(void **state)
{
	static const struct {
		const char *head, *unit, *last, *tail, *input;
	} c[] = {
	    {"SELECT * FROM t WHERE id IN (1, 2", ", 1, 2", ", 1, 2", ")", "1, 2"},
	    {"SELECT * FROM t WHERE id IN (1,2", ",1,2", ",1,2) OR 1=1 -- ", "", "1,2) OR 1=1 -- "},
	    {"DELETE FROM t WHERE k IN (4", ",4", ",4) OR 2>1", "", "4) OR 2>1"},
	    {"SELECT a FROM t WHERE b IN ('q'", ",'q'", ",'q') OR 'a'='a'", ")", "q') OR 'a'='a"},
	    {"SELECT a FROM t WHERE b IN ('q'", ",'q'", ",'q'", ")", "q"},
	    {"INSERT INTO t VALUES (7,", "7,", "7", ")", "7"},
	    {"SELECT v FROM t WHERE w = 0", "+0", " OR 0=0", "", "0 OR 0=0"},
	};
	static char sql[4200];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t size = 3000; size <= 4096; size += 548)
			for (size_t di = 0; di < 3; di++) {
				int d = dialects[di];
				build(sql, sizeof sql, c[k].head, c[k].unit, c[k].last, c[k].tail,
				      size);
				int v = check_sql_text(d, sql, c[k].input);
				int w = each_place_alone(d, sql, c[k].input);
				if (v != w)
					fail_msg(
					    "case %zu, %zu bytes (dialect %d): the check says %d, "
					    "each place alone %d",
					    k, size, d, v, w);
			}
}

/* Forms without ')' or ',' inside the application's parentheses or a
 * SET clause: ma_num_breakout is never called; forms with them are still
 * judged by it (sqli.value_breakout, sqli.assignment) and their twins
 * allowed, as each place alone. */
static void the_breakout_rule_is_asked_only_for_forms_that_can_close(void **state)
{
	static const struct {
		const char *sql, *input;
		int calls; /* 0: none may be made; 1: some must be; 2: either (a list
		            * of numbers: the plain window's path may answer first) */
	} c[] = {
	    {"SELECT id FROM t WHERE id = (-(-(-(-(-(-(-(-(-(-(-(-(-(-1", "(-", 0},
	    {"UPDATE acct SET limit_eur = 5, note = 'x' WHERE k = (7 + 1)", "7 + 1", 0},
	    {"INSERT INTO notes (a, b) VALUES (3 * 4, 5)", "3 * 4", 0},
	    {"UPDATE konto SET saldo = -12.5 WHERE nr = 9", "-12.5", 0},
	    {"INSERT INTO scores (uid, pts) VALUES (42, 3),(42, 1)", "3),(42, 1", 1},
	    {"UPDATE members SET age = 30, is_admin = 1 WHERE id = 8", "30, is_admin = 1", 1},
	    {"SELECT a FROM t WHERE b IN (1, 2, 3)", "1, 2", 2},
	    {"UPDATE pos SET centre = point(1, 2) WHERE id = 3", "1, 2", 2},
	};

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t di = 0; di < 3; di++) {
			int d = dialects[di];
			unsigned long before = brkcalls;
			int v = check_sql_text(d, c[k].sql, c[k].input);
			unsigned long made = brkcalls - before;
			int w = each_place_alone(d, c[k].sql, c[k].input);
			if (v != w)
				fail_msg(
				    "case %zu (dialect %d): the check says %d, each place alone %d",
				    k, d, v, w);
			if ((c[k].calls == 0 && made != 0) || (c[k].calls == 1 && made == 0))
				fail_msg("case %zu (dialect %d): ma_num_breakout called %lu times",
				         k, d, made);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_four_kilobyte_statement_is_lexed_whole),
	    cmocka_unit_test(places_past_the_old_cache_are_judged_alike),
	    cmocka_unit_test(the_breakout_rule_is_asked_only_for_forms_that_can_close),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
