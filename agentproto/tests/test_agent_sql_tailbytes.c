/* libmoatagent: the sql_injection tail walk's shortcut read from the
 * statement's bytes (ma_sql.c's ma_sql_tail_bytes: sixteen bytes at a
 * time with SSE2 here) against the byte loop (its bytes_only reference)
 * and a plain count, on random statements and random orders of places;
 * and against the lexer's tokens: where it says a walk cannot close its
 * parentheses, no ';' token and fewer '(' ')' '{' '}' tokens than are
 * open follow. ma_sql.c is compiled here (its functions are static), so
 * libmoatagent's copy is not linked; test_agent_sql_tailbytes_swar.c
 * builds it with MA_SQL_SWAR. */
#include "../lib/ma_sql.c"

#include "agent_test.h"

static uint64_t seed = 88172645463325252ULL;

static size_t rnd(size_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (size_t)(seed % n);
}

static struct ma_sql_cache cx, cy;

/* A statement of n bytes: mostly SQL-looking filler, a few of the bytes
 * the reading looks for, quotes and comments that hide some of them. */
static void statement(char *b, size_t n, unsigned sparse)
{
	static const char filler[] = "ab1 =',\"xyz 'AND' -0.5\n\t";
	static const char specials[] = "(){};'\"/*-#`[]$\\";

	for (size_t i = 0; i < n; i++)
		b[i] = rnd(sparse) == 0 ? specials[rnd(sizeof specials - 1)]
		                        : filler[rnd(sizeof filler - 1)];
}

/* The plain count: 1 when from x on there is a ';' byte, need or more of
 * '(' ')' '{' '}', or MA_SQL_BAL of them. */
static int count_from(const char *b, size_t n, size_t x, long need)
{
	long k = 0;

	for (size_t i = x; i < n; i++) {
		if (b[i] == ';')
			return 1;
		k += b[i] == '(' || b[i] == ')' || b[i] == '{' || b[i] == '}';
	}
	return k >= need || k >= MA_SQL_BAL;
}

static void the_reading_by_sixteen_bytes_agrees_with_the_byte_loop_and_a_count(void **state)
{
	static char b[6000];

	(void)state;
	for (int round = 0; round < 4000; round++) {
		size_t n = rnd(10) == 0 ? 1000 + rnd(5000) : rnd(300);
		unsigned sparse = 1 + (unsigned)rnd(rnd(2) ? 8 : 400);
		statement(b, n, sparse);
		ma_sql_cache_fill(&cx, MOAT_SQL_MYSQL, b, n);
		ma_sql_cache_fill(&cy, MOAT_SQL_MYSQL, b, n);
		/* places mostly in order (as the checks meet them), some not */
		size_t x = rnd(n + 1);
		for (int q = 0; q < 24; q++) {
			int depth = (int)rnd(40) + 1;
			if (rnd(4) == 0)
				depth = -depth;
			int want = count_from(b, n, x, depth < 0 ? -(long)depth : depth);
			int ref = ma_sql_tail_bytes_in(&cy, x, depth, 1);
			int got = ma_sql_tail_bytes(&cx, x, depth);
			if (got != want || ref != want)
				fail_msg("round %d, %zu bytes, place %zu, depth %d: %d (bytes %d), "
				         "not %d",
				         round, n, x, depth, got, ref, want);
			x = rnd(3) ? x + rnd(n - x + 1) : rnd(n + 1);
		}
	}
}

/* Where the bytes say no, the tokens say no: no ';' token and fewer of
 * the tokens that change a walk's depth than need, from each token on. */
static void where_the_bytes_say_no_the_tokens_say_no(void **state)
{
	static char b[3000];
	static struct ma_sql_tok t[4096];
	static const int dialects[] = {MOAT_SQL_MYSQL, MOAT_SQL_POSTGRES, MOAT_SQL_SQLITE};

	(void)state;
	for (int round = 0; round < 1500; round++) {
		size_t n = rnd(8) == 0 ? 500 + rnd(2500) : rnd(200);
		int dialect = dialects[rnd(3)];
		struct ma_sql_lexer lx;
		size_t nt;
		statement(b, n, 1 + (unsigned)rnd(rnd(2) ? 6 : 100));
		ma_sql_lex_init(&lx, dialect, b, n);
		nt = ma_sql_lex_run(&lx, t, sizeof t / sizeof t[0]);
		ma_sql_cache_fill(&cx, dialect, b, n);
		for (size_t g = nt; g-- > 0;) {
			long semi = 0, par = 0;
			for (size_t k = g; k < nt; k++) {
				semi += t[k].type == MA_SQL_T_SEMI;
				par += t[k].type == MA_SQL_T_LPAREN ||
				       t[k].type == MA_SQL_T_RPAREN ||
				       (t[k].type == MA_SQL_T_OTHER &&
				        (b[t[k].start] == '{' || b[t[k].start] == '}'));
			}
			for (int need = 1; need <= MA_SQL_BAL + 2; need++) {
				int depth = rnd(2) ? need : -need;
				if (!ma_sql_tail_bytes(&cx, t[g].start, depth) &&
				    (semi > 0 || par >= need))
					fail_msg(
					    "dialect %d, %zu bytes, token %zu at %u, depth %d: "
					    "no, with %ld ';' and %ld parentheses after",
					    dialect, n, g, t[g].start, depth, semi, par);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_reading_by_sixteen_bytes_agrees_with_the_byte_loop_and_a_count),
	    cmocka_unit_test(where_the_bytes_say_no_the_tokens_say_no),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
