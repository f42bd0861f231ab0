/* libmoatagent: the searches of the sql_injection check's token cache
 * (ma_sql.c's ma_sql_gallop: the first token that starts at or after a
 * byte, or ends after it, searched outward from a hint) against a scan
 * of every token, on statements lexed in each dialect, from every hint,
 * for every byte. ma_sql.c is compiled here (its functions are static),
 * so libmoatagent's copy is not linked. */
#include "../lib/ma_sql.c"

#include "agent_test.h"

/* The first i in [lo, n] where t[i] starts at or after x (by_start) or
 * ends after it, token by token. */
static int scan_cut(const struct ma_sql_tok *t, int lo, int n, size_t x, int by_start)
{
	for (int i = lo; i < n; i++)
		if (by_start ? t[i].start >= x : t[i].end > x)
			return i;
	return n;
}

static void the_search_from_any_hint_finds_the_first_token(void **state)
{
	static const char *const sqls[] = {
	    "SELECT * FROM t WHERE a = 'x' AND b = 1 + 1 + (2) OR c LIKE '%a%' -- c\n"
	    "AND d = \"q\" /* c */ ORDER BY 1",
	    "x'*'' AND b = 'x'*'' AND c = ---1;#\n(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-1",
	    "",
	    "1",
	    "  ",
	    "a  b   c"};
	static struct ma_sql_tok t[512];

	(void)state;
	for (size_t si = 0; si < sizeof sqls / sizeof sqls[0]; si++)
		for (int d = 1; d <= 3; d++) {
			struct ma_sql_lexer lx;
			size_t len = strlen(sqls[si]);
			int n;
			ma_sql_lex_init(&lx, d, sqls[si], len);
			n = (int)ma_sql_lex_run(&lx, t, sizeof t / sizeof t[0]);
			for (int lo = 0; lo <= n; lo++)
				for (int hint = lo; hint <= n; hint++)
					for (size_t x = 0; x <= len + 1; x++)
						for (int by = 0; by <= 1; by++) {
							int want = scan_cut(t, lo, n, x, by);
							int got =
							    ma_sql_gallop(t, lo, n, hint, x, by);
							if (got != want)
								fail_msg(
								    "\"%s\" (dialect %d), tokens "
								    "[%d, %d), hint %d, byte %zu, "
								    "%s: %d, not %d",
								    sqls[si], d, lo, n, hint, x,
								    by ? "start" : "end", got,
								    want);
						}
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_search_from_any_hint_finds_the_first_token),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
