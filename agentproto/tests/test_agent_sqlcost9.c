/* libmoatagent: the SQL check's cost on sqlworst's worst cases after
 * bound64 (sqlcost9, session 31).
 *
 * 1. The column pass reads back from each place of a one-word input for
 *    a '(' within 512 bytes (ma_sql_col.c's ma_col_atom_back, an operand
 *    that ends with ')'); the places of one check read over the same
 *    bytes, and the memo of the '(' it read (MA_COL_PARMEMO,
 *    ma_col_paren_in) reads only the bytes after the stretch it knows.
 *    Every search, in the check's order and scrambled, must answer as
 *    memchr does, and ma_sql_col_plain at every word of generated
 *    statements as without the memo. ma_sql_col.c is compiled here
 *    (MA_COL_PARMEMO switched at run time); libmoatagent's copy is not
 *    linked.
 * 2. Past a form's 64th place, windows of plain tokens only (literals,
 *    operators, parentheses, commas, dots: no name, keyword, parameter,
 *    comment or ';'), which MA_SQL_JUDGE_MAX never counts, are counted
 *    when they hold no value (operators and punctuation only) or are
 *    long (32 tokens or more), unless they are a list of numbers:
 *    past MA_SQL_PLAINPAST_MAX (16) of them in one check the next fails
 *    closed (sqli.too_complex). A 512-byte input of `(-` at 257
 *    overlapping places was judged whole at each (557 K instructions a
 *    check). The benign twins -- numbers, dates, a word, a call with
 *    names, punctuation inside literals, at hundreds of places -- stay
 *    allowed.
 */
static int parmemo = 1; /* MA_COL_PARMEMO: 0, memchr at every search */
#define MA_COL_PARMEMO parmemo
#include "../lib/ma_sql_col.c"

#include "agent_sql_test.h"

#include <stdint.h>
#include <stdio.h>

static uint32_t rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

/* n bytes of text where '(' is rare or common (by seed), with ')' and
 * words and spaces around */
static void gen_text(uint64_t *s, char *out, size_t n)
{
	static const char bytes[] = "ab ) =_x'\n";
	uint32_t rate = 1 + rnd(s) % 700; /* one '(' in about rate bytes */

	for (size_t i = 0; i < n; i++)
		out[i] = rnd(s) % rate == 0 ? '(' : bytes[rnd(s) % (sizeof bytes - 1)];
	out[n] = '\0';
}

/* Every search for a '(' the memo answers -- the check's order (ends
 * going up, each 512 bytes back), then scrambled ends and starts -- is
 * memchr's answer. */
static void every_paren_search_answers_as_memchr(void **state)
{
	uint64_t seed = 0x5eed9ULL;
	static char text[4097];
	unsigned searches = 0, yes = 0;

	(void)state;
	for (int round = 0; round < 300; round++) {
		struct ma_col_memo m;
		size_t n = 64 + rnd(&seed) % 4000;
		gen_text(&seed, text, n);
		memset(&m, 0, sizeof m);
		for (size_t hi = 0; hi <= n; hi += 1 + rnd(&seed) % 12) {
			size_t lo = hi > 512 ? hi - 512 : 0;
			int want = hi > lo && memchr(text + lo, '(', hi - lo) != NULL;
			int got = ma_col_paren_in(&m, text, lo, hi);
			if (got != want)
				fail_msg("round %d [%zu, %zu): memo %d, memchr %d", round, lo, hi,
				         got, want);
			searches++;
			yes += (unsigned)want;
		}
		for (int k = 0; k < 400; k++) {
			size_t hi = rnd(&seed) % (n + 1), lo = hi ? rnd(&seed) % (hi + 1) : 0;
			int want = hi > lo && memchr(text + lo, '(', hi - lo) != NULL;
			if (ma_col_paren_in(&m, text, lo, hi) != want)
				fail_msg("round %d scrambled [%zu, %zu): want %d", round, lo, hi,
				         want);
			searches++;
		}
	}
	assert_true(yes > 1000 && yes < searches - 1000); /* (both answers met) */
}

/* Pieces of the statements the column pass reads back over: operands
 * that end with ')' with or without their '(' within 512 bytes, calls,
 * subscripts, strings holding parentheses, comments. */
static const char *const pieces[] = {
    ") = id OR ",      "(id) = id AND ",  "lower(id) = id OR ", "f(x) = id OR ",
    "a[1] = id OR ",   "'(' = id OR ",    "'x)' = id OR ",      "(b) = id OR ",
    "( (id) ) = id ",  "/* ( */ ) = id ", "coalesce(id, 1) = ", "id = (id) OR ",
    "x IN (id) OR ",   "(1 + id) <> id ", "padding words ",     "data->>'id' = id OR ",
    "((id)) = id OR ", ")) = id AND ",    "Id = ID or ",        "(\n) = id OR ",
};

/* ma_sql_col_plain at every word of generated statements (one memo for
 * the statement, as the check keeps it) answers as without the memo. */
static void the_column_pass_answers_as_without_the_memo(void **state)
{
	static const int dialects[] = {MOAT_SQL_MYSQL, MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES,
	                               MOAT_SQL_MYSQL_NBE};
	uint64_t seed = 0xc0105ULL;
	static char sql[8192];
	unsigned places = 0, yes = 0;

	(void)state;
	for (int round = 0; round < 400; round++) {
		size_t o = (size_t)snprintf(sql, sizeof sql, "SELECT a FROM t WHERE ");
		int d = dialects[rnd(&seed) % 4];
		struct ma_col_memo m;
		size_t np = sizeof pieces / sizeof pieces[0];
		int uniform = rnd(&seed) % 3 == 0;
		const char *u = pieces[rnd(&seed) % np];
		while (o + 64 < 4096) {
			const char *pc = uniform ? u : pieces[rnd(&seed) % np];
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", pc);
		}
		o += (size_t)snprintf(sql + o, sizeof sql - o, "1");
		memset(&m, 0, sizeof m);
		for (size_t a = 0; a < o; a++) {
			size_t b = a;
			if (!col_name_byte(sql[a]) || (a > 0 && col_name_byte(sql[a - 1])))
				continue;
			while (b < o && col_name_byte(sql[b]))
				b++;
			parmemo = 0;
			int want = ma_sql_col_plain(d, sql, o, a, b, NULL);
			parmemo = 1;
			int got = ma_sql_col_plain(d, sql, o, a, b, &m);
			if (got != want)
				fail_msg("dialect %d at %zu: memo %d, without %d: %.80s", d, a, got,
				         want, sql + (a > 60 ? a - 60 : 0));
			places++;
			yes += (unsigned)want;
		}
	}
	assert_true(yes > 100 && places > 10 * yes);
}

/* The check's verdict and rule with the memo and without it, on the
 * column cases of sqlworst and their neighbours (a word at hundreds of
 * places). */
static void the_check_decides_as_without_the_memo(void **state)
{
	static const struct {
		const char *head, *unit, *input;
	} c[] = {
	    {"SELECT id FROM t WHERE ", ") = id OR ", "id"},
	    {"SELECT id FROM t WHERE ", "(id) = id AND ", "id"},
	    {"SELECT id FROM t WHERE ", "lower(name) = name OR ", "name"},
	    {"SELECT id FROM t WHERE (", "qty <> qty OR ", "qty"},
	    {"SELECT id FROM t WHERE ", "f(x) = price AND ", "price"},
	};
	static char sql[4200];
	char r0[64], r1[64];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (int d = 0; d < 3; d++) {
			static const int ds[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES,
			                         MOAT_SQL_MYSQL};
			size_t o = (size_t)snprintf(sql, sizeof sql, "%s", c[k].head);
			while (o + strlen(c[k].unit) + 4 < 4096)
				o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", c[k].unit);
			snprintf(sql + o, sizeof sql - o, "1");
			parmemo = 0;
			int v0 = check_sql_rule(ds[d], sql, c[k].input, r0, sizeof r0);
			parmemo = 1;
			int v1 = check_sql_rule(ds[d], sql, c[k].input, r1, sizeof r1);
			assert_int_equal(v0, v1);
			assert_string_equal(r0, r1);
		}
}

/* unit count times after head, then tail */
static void build(char *sql, size_t max, const char *head, const char *unit, int count,
                  const char *tail)
{
	size_t o = (size_t)snprintf(sql, max, "%s", head);

	for (int i = 0; i < count; i++) {
		int w = snprintf(sql + o, max - o, "%s", unit);
		assert_true(w > 0 && (size_t)w < max - o);
		o += (size_t)w;
	}
	assert_true((size_t)snprintf(sql + o, max - o, "%s", tail) < max - o);
}

static const int dialects3[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};

/* An input of punctuation and literals only that spans tokens at
 * hundreds of places (overlapping or not) fails closed: each window was
 * judged whole (no place is skipped: the check stops at the bound). */
static void punctuation_at_hundreds_of_places_fails_closed(void **state)
{
	static const struct {
		const char *head, *unit, *tail;
		int count;
		const char *input; /* NULL: the unit repeated 128 times */
	} c[] = {
	    {"SELECT id FROM products WHERE id = ", "(-", "1", 600, NULL},
	    /* (a long window, MA_SQL_PLAINLONG tokens or more: literals too) */
	    {"SELECT id FROM products WHERE id = ", "(1-", "1", 600, NULL},
	    {"SELECT * FROM t WHERE x IN ((1", "),(1", "))", 300, "),("},
	    {"select 1 from Konten where saldo = 2", "*-2", "", 300, "*-"},
	    {"SELECT a FROM t WHERE b = 1", " * (1)", "", 300, ") * ("},
	    {"DELETE FROM t WHERE n > 0", "+(0)", "", 300, ")+("},
	};
	static char sql[8192], input[1024];
	char rule[64];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++) {
		const char *in = c[k].input;
		if (!in) {
			build(input, sizeof input, "", c[k].unit, 128, "");
			in = input;
		}
		build(sql, sizeof sql, c[k].head, c[k].unit, c[k].count, c[k].tail);
		for (size_t d = 0; d < 3; d++) {
			assert_int_equal(check_sql_rule(dialects3[d], sql, in, rule, sizeof rule),
			                 MOAT_BLOCK);
			if (strcmp(rule, "sqli.too_complex") != 0)
				fail_msg("[%s] dialect %d: rule %s", c[k].unit, dialects3[d], rule);
		}
	}
}

/* The bound: 64 places judged in full and 16 more windows of plain tokens
 * are judged (allowed here: no place fires alone); the 81st place fails
 * closed. */
static void the_bound_is_the_sixteenth_window_past_the_64th_place(void **state)
{
	static char sql[4096];
	char rule[64];

	(void)state;
	for (size_t d = 0; d < 3; d++) {
		build(sql, sizeof sql, "SELECT * FROM t WHERE x IN ((1", "),(1", 80, "))");
		assert_int_equal(check_sql_text(dialects3[d], sql, "),("), MOAT_ALLOW);
		assert_int_equal(each_place_alone(dialects3[d], sql, "),("), MOAT_ALLOW);
		build(sql, sizeof sql, "SELECT * FROM t WHERE x IN ((1", "),(1", 81, "))");
		assert_int_equal(check_sql_rule(dialects3[d], sql, "),(", rule, sizeof rule),
		                 MOAT_BLOCK);
		assert_string_equal(rule, "sqli.too_complex");
	}
}

/* Benign twins at hundreds of places: numbers, dates and sums (not
 * looked at past the 64th place), lists of numbers (judged, not
 * counted), a word, a call that names a column
 * (its window holds names: MA_SQL_JUDGE_MAX's), punctuation inside
 * string literals (one token), a value in every row of a bulk insert. */
static void benign_inputs_at_hundreds_of_places_stay_allowed(void **state)
{
	static const struct {
		const char *head, *unit, *tail, *input;
	} c[] = {
	    {"SELECT * FROM t WHERE id IN (0", ", -42", ")", "-42"},
	    {"SELECT * FROM t WHERE id IN (0", ", -1, -2", ")", "-1, -2"},
	    {"SELECT * FROM t WHERE v IN (0", ", 3.5, +4e2", ")", "3.5, +4e2"},
	    {"INSERT INTO ev (d, n) VALUES ('x', 0)", ", ('2026-12-07', 1)", "", "2026-12-07"},
	    {"SELECT * FROM t WHERE n IN (0", ", 3 + 4", ")", "3 + 4"},
	    {"SELECT * FROM t WHERE c IN ('a'", ", ':-)'", ")", ":-)"},
	    {"SELECT * FROM t WHERE c IN ('a'", ", '(-, ), (-'", ")", "(-, ), (-"},
	    {"SELECT ", "lower(x), ", "1 FROM t", "lower(x)"},
	    {"INSERT INTO m (who, txt) VALUES ('a', 'b')", ", ('Zoë', 'ça va?')", "", "ça va?"},
	};
	static char sql[16384];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t d = 0; d < 3; d++) {
			build(sql, sizeof sql, c[k].head, c[k].unit, 215, c[k].tail);
			if (check_sql_text(dialects3[d], sql, c[k].input) != MOAT_ALLOW)
				fail_msg("[%s] dialect %d: blocked", c[k].unit, dialects3[d]);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_paren_search_answers_as_memchr),
	    cmocka_unit_test(the_column_pass_answers_as_without_the_memo),
	    cmocka_unit_test(the_check_decides_as_without_the_memo),
	    cmocka_unit_test(punctuation_at_hundreds_of_places_fails_closed),
	    cmocka_unit_test(the_bound_is_the_sixteenth_window_past_the_64th_place),
	    cmocka_unit_test(benign_inputs_at_hundreds_of_places_stay_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
