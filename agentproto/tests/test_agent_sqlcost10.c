/* libmoatagent: a place judged as another was (sqlcost10, session 32).
 *
 * An ORM's `IN (1, 2, 1, 2, ...)` with the input `1, 2` at ~680 places
 * of a 4 KB statement was judged at each (~1.5 K instructions a place,
 * sqlworst's numlist 1.17 M). ma_sql_place_same keeps the last place
 * judged whole whose judgement read nothing past its key (its cursor
 * state, prev, its window of plain tokens, the token after it, their
 * bytes) and allowed; a later place of the same form with the same key
 * takes that answer. ma_sql.c is compiled here with MA_SQL_PLACEMEMO
 * switched at run time and a count of the places that took an answer
 * (libmoatagent's copy is not linked): every verdict, with and without
 * the memo, must be the same, on generated statements whose places are
 * alike but for one token (left or right), a second input, three
 * dialects; and the memo must answer most of numlist's places.
 */
static int placememo = 1;
static unsigned long placereused;
#define MA_SQL_PLACEMEMO       placememo
#define MA_SQL_PLACEMEMO_COUNT placereused
#include "../lib/ma_sql.c"

#include "agent_sql_test.h"

#include <stdint.h>
#include <stdio.h>

static const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};

/* the verdict and rule with one or two inputs (in2 may be NULL) */
static int verdict(int d, const char *sql, const char *in, const char *in2, char *rule, size_t cap)
{
	const struct moat_policy *p = block_policy();
	struct moat_request_info ri = {.endpoint = "/y", .policy = p};
	struct moat_request *r;
	int v;

	rule[0] = '\0';
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "ids", in, strlen(in)), 0);
	if (in2)
		assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "k", in2, strlen(in2)),
		                 0);
	v = moat_check_sql(r, d, sql, strlen(sql));
	if (v == MOAT_BLOCK)
		snprintf(rule, cap, "%s", moat_request_event(r)->rule);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* the same verdict and rule with the memo and without; returns the places
 * that took an answer */
static unsigned long same_both_ways(int d, const char *sql, const char *in, const char *in2)
{
	char r1[64], r0[64];
	unsigned long before = placereused, got;
	int v1, v0;

	placememo = 1;
	v1 = verdict(d, sql, in, in2, r1, sizeof r1);
	got = placereused - before;
	placememo = 0;
	v0 = verdict(d, sql, in, in2, r0, sizeof r0);
	placememo = 1;
	if (v1 != v0 || strcmp(r1, r0) != 0)
		fail_msg("dialect %d, input '%s': memo %s %s, none %s %s: %.200s", d, in,
		         v1 == MOAT_BLOCK ? "block" : "allow", r1,
		         v0 == MOAT_BLOCK ? "block" : "allow", r0, sql);
	return got;
}

static size_t put(char *s, size_t o, size_t max, const char *t)
{
	size_t n = strlen(t);

	assert_true(o + n < max);
	memcpy(s + o, t, n);
	s[o + n] = '\0';
	return o + n;
}

/* A list of numbers an ORM writes, the input at hundreds of places: most
 * places take the answer of the one before, and it allows. */
static void a_list_of_numbers_takes_the_answer_of_the_place_before(void **state)
{
	static const struct {
		const char *head, *unit, *input, *tail;
	} c[] = {
	    {"SELECT * FROM orders WHERE customer_id IN (1, 2", ", 1, 2", "1, 2", ")"},
	    {"select name from Kunden where nr in (7,8", ",7,8", "7,8", ") order by name"},
	    {"DELETE FROM cart WHERE item IN (-3, 4", ", -3, 4", "-3, 4", ") AND owner = 5"},
	    {"UPDATE t SET seen = 1 WHERE id IN (2.5, 9", ", 2.5, 9", "2.5, 9", ")"},
	};
	static char sql[4200];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t di = 0; di < 3; di++) {
			size_t o = put(sql, 0, sizeof sql, c[k].head);
			unsigned long got;
			char rule[64];
			int places = 1;
			while (o + strlen(c[k].unit) + strlen(c[k].tail) < 4096) {
				o = put(sql, o, sizeof sql, c[k].unit);
				places++;
			}
			put(sql, o, sizeof sql, c[k].tail);
			got = same_both_ways(dialects[di], sql, c[k].input, NULL);
			assert_int_equal(
			    verdict(dialects[di], sql, c[k].input, NULL, rule, sizeof rule),
			    MOAT_ALLOW);
			if (got + 8 < (unsigned long)places) /* (a few judged whole) */
				fail_msg("'%s': %lu of %d places took an answer", c[k].input, got,
				         places);
		}
}

/* Places alike but for one token: the 65th (or 3rd, or 200th) copy of
 * the list's unit followed or preceded by something else is judged, and
 * an attack there fires as without the memo. */
static void a_place_that_differs_by_one_token_is_judged(void **state)
{
	static const struct {
		const char *input, *other;
	} c[] = {
	    /* the input's copy with an attack after it */
	    {"1, 2) OR 1=1 -- ", NULL},
	    {"1, 2", "5) OR 1=1 -- "},
	    /* one token more to the left or right of one copy */
	    {"1, 2", NULL},
	    {"3, 4", "x"},
	    /* MySQL's || after an operand is OR (it fires there), after '('
	     * or ',' a start written to follow one: the left token decides */
	    {"|| 1", NULL},
	    {"|| 'a'", NULL},
	    {"&& 2", NULL},
	};
	static const char *const vary[] = {") OR 1=1 -- ", "(", " id, ", ", (", ";",
	                                   " x ",          "'", " 5 "};
	static char sql[4200];
	static const int at[] = {2, 63, 64, 65, 200};

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t v = 0; v < sizeof vary / sizeof vary[0]; v++)
			for (size_t ai = 0; ai < sizeof at / sizeof at[0]; ai++)
				for (size_t di = 0; di < 3; di++) {
					size_t o = put(sql, 0, sizeof sql,
					               "SELECT * FROM t WHERE id IN (");
					for (int i = 0; i < 300 && o + 40 < 4096; i++) {
						o = put(sql, o, sizeof sql, i ? ", " : "");
						if (i == at[ai] && v % 2)
							o = put(sql, o, sizeof sql, vary[v]);
						o = put(sql, o, sizeof sql, c[k].input);
						if (i == at[ai] && !(v % 2))
							o = put(sql, o, sizeof sql, vary[v]);
					}
					put(sql, o, sizeof sql, ")");
					(void)same_both_ways(dialects[di], sql, c[k].input,
					                     c[k].other);
				}
	/* the brief's case: 64 benign copies, the 65th with the attack */
	{
		char rule[64];
		size_t o = put(sql, 0, sizeof sql, "SELECT * FROM t WHERE id IN (");
		for (int i = 0; i < 64; i++)
			o = put(sql, o, sizeof sql, "1, 2) OR 1=1 -- , ");
		put(sql, o, sizeof sql, "1, 2) OR 1=1 -- )");
		for (size_t di = 0; di < 3; di++) {
			(void)same_both_ways(dialects[di], sql, "1, 2) OR 1=1 -- ", NULL);
			assert_int_equal(
			    verdict(dialects[di], sql, "1, 2) OR 1=1 -- ", NULL, rule, sizeof rule),
			    MOAT_BLOCK);
		}
	}
}

/* The statement head, count copies of unit (each with the input at '@'),
 * the tail; returns the places the input has. */
static int build_units(char *sql, size_t cap, const char *head, const char *unit, const char *in,
                       int count, const char *tail)
{
	size_t o = put(sql, 0, cap, head);
	int places = 0;

	for (int k = 0; k < count && o + strlen(unit) + strlen(in) + strlen(tail) + 2 < 4096; k++)
		for (const char *p = unit; *p; p++) {
			char one[2] = {*p, '\0'};
			o = put(sql, o, cap, *p == '@' ? in : one);
			places += *p == '@';
		}
	put(sql, o, cap, tail);
	return places;
}

/* sqlcost11: only a form whose bytes may be a list of numbers (digits,
 * commas, + - . e E, white space) is looked at. Lists of strings, of
 * tuples, of hex numbers, of products, repeated as often, take no
 * answer (sqlcost10 kept any window of plain tokens: each such place paid
 * the key's test and writing, +1 to +13 % on other worst cases) and
 * answer as without the memo. */
static void a_form_of_other_bytes_takes_no_answer(void **state)
{
	static const struct {
		const char *head, *unit, *input, *tail;
	} c[] = {
	    {"SELECT * FROM users WHERE login IN ('a', 'b'", ", @", "'a', 'b'", ")"},
	    {"select * from Kunden where ort in ('Köln','Bonn'", ",@", "'Köln','Bonn'", ")"},
	    {"SELECT * FROM pts WHERE (x, y) IN ((1, 2)", ", @", "(1, 2)", ")"},
	    {"SELECT * FROM t WHERE flags IN (0x1F, 0x2A", ", @", "0x1F, 0x2A", ")"},
	    {"SELECT * FROM t WHERE v IN (2 * 3", ", @", "2 * 3", ")"},
	    {"UPDATE t SET n = n WHERE k IN (1/2", ", @", "1/2", ") AND 1 = 1"},
	};
	static char sql[4200];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t di = 0; di < 3; di++) {
			int places = build_units(sql, sizeof sql, c[k].head, c[k].unit, c[k].input,
			                         1000, c[k].tail);
			unsigned long got = same_both_ways(dialects[di], sql, c[k].input, NULL);
			assert_true(places > 100);
			if (got != 0)
				fail_msg("'%s' (dialect %d): %lu places took an answer", c[k].input,
				         dialects[di], got);
		}
}

/* sqlcost11: the key kept only where the judgement read nothing past it
 * is now decided after it (ma_sql_analyse_kept, ma_sql_place_quiet: the
 * number-place and column passes' conditions from the key, relaxed taken
 * as 0). Forms of number-list bytes that are not plain lists of numbers
 * (an exponent's letter: the number-place pass reads them), where a
 * value or a column pass goes (after =, <, LIMIT, BETWEEN, SET), in a
 * statement that ends at the input (no token after it), at the 65th place
 * followed by an attack: the same verdicts with and without the memo. */
static void a_number_list_form_is_kept_only_where_nothing_reads_further(void **state)
{
	static const char *const inputs[] = {"1e1, 2e2", "1E3,4", "-1, +2", "1.5, 2.5e-3",
	                                     "1 , 2",    "7,\t8", "1 - 2",  "3e, 4",
	                                     "1, 2",     "1--2",  "-",      "2, -"};
	static const struct {
		const char *head, *unit, *tail;
	} s[] = {
	    {"SELECT * FROM t WHERE id IN (0", ", @", ")"},
	    {"SELECT * FROM t WHERE id = 0", " OR id = @", ""},
	    {"SELECT * FROM t WHERE id < 9", " AND id < @", " ORDER BY id"},
	    {"SELECT * FROM t WHERE id BETWEEN 0 AND 9", " OR id BETWEEN @ AND 9", ""},
	    {"UPDATE t SET a = 1", ", a = @", " WHERE id = 2"},
	    {"INSERT INTO t VALUES (0)", ", (@)", ""},
	    {"SELECT * FROM t LIMIT 0", " UNION SELECT * FROM t LIMIT @", ""},
	    {"SELECT * FROM t WHERE id IN (0", ", @", ""},
	    {"SELECT * FROM t WHERE id IN (0", ", @", ") OR 1=1 -- "},
	};
	static char sql[4200];

	(void)state;
	for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
		for (size_t j = 0; j < sizeof s / sizeof s[0]; j++)
			for (size_t di = 0; di < 3; di++) {
				build_units(sql, sizeof sql, s[j].head, s[j].unit, inputs[k], 1000,
				            s[j].tail);
				(void)same_both_ways(dialects[di], sql, inputs[k], NULL);
				/* the same with the 64th copy followed by an attack and
				 * copies after it */
				{
					size_t o;
					build_units(sql, sizeof sql, s[j].head, s[j].unit,
					            inputs[k], 64, ") OR 1=1 -- ");
					o = strlen(sql);
					for (int r = 0; r < 100 && o + 40 < 4096; r++) {
						o = put(sql, o, sizeof sql, ", ");
						o = put(sql, o, sizeof sql, inputs[k]);
					}
					put(sql, o, sizeof sql, s[j].tail);
					(void)same_both_ways(dialects[di], sql, inputs[k], NULL);
				}
			}
}

/* The column pass reads past the key (the column compared, before prev):
 * places alike from the '=' on but for the column before it -- another
 * column at the other places, the one after the input at one -- answer
 * as without the memo (ma_sql_place_quiet: not kept where that pass
 * runs; a list of numbers writes no name, so it allows either way). */
static void the_column_before_the_key_is_read(void **state)
{
	static const struct {
		const char *input, *other, *self, *after;
	} c[] = {
	    {"1 - 1 +", " OR a = ", " OR id = ", " id"},
	    {"0 +", " or price = ", " or qty = ", " qty"},
	    {"2 * 0 +", " OR a = ", " OR id = ", " id"},
	    {"-0 +", " AND b <> ", " AND n <> ", " n"},
	};
	static const int at[] = {1, 64, 65, 300};
	static char sql[4200];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t ai = 0; ai < sizeof at / sizeof at[0]; ai++)
			for (size_t di = 0; di < 3; di++) {
				size_t o = put(sql, 0, sizeof sql, "SELECT * FROM t WHERE 1 = 0");
				for (int i = 0; i < 400 && o + 60 < 4096; i++) {
					o = put(sql, o, sizeof sql,
					        i == at[ai] ? c[k].self : c[k].other);
					o = put(sql, o, sizeof sql, c[k].input);
					o = put(sql, o, sizeof sql, c[k].after);
				}
				(void)same_both_ways(dialects[di], sql, c[k].input, NULL);
			}
}

static uint32_t rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

/* Generated statements: a unit of the application's tokens around the
 * input repeated 1..1000 times, one copy varied, a tail; the input
 * benign or attacking; a second input sometimes; verdicts with and
 * without the memo the same, and the memo used. */
static void generated_places_answer_as_without_the_memo(void **state)
{
	static const char *const inputs[] = {
	    "1, 2",     "1,2",   "-1",    "3.5, 4e2", "(1)",  "(2), (3)", "1) OR (1=1",
	    "1, 2)",    "(1, 2", "1 + 1", "', '",     "), (", "1)=(1",    "'x'",
	    "1e3, 2e3", "1||1",  "1 = 1", "1, -2",    "0x1F", "1 <> 2",   "(-",
	    "-",        "1.5",   "2; 3",  "|| 1",     "&& 1", "|| 'a'",   "| 1"};
	static const char *const units[] = {
	    "@, ", "@,",  "(@), ",     "@ + ",   "'@', ", "@ OR x = ", "@), (",
	    "@ ",  "@; ", "@ = @ OR ", "@, @, ", "@ - ",  "5 @, ",     "x @ OR y = "};
	static const char *const heads[] = {
	    "SELECT * FROM t WHERE id IN (", "INSERT INTO t (a) VALUES (",
	    "SELECT * FROM t WHERE (", "SELECT * FROM t WHERE s = '", "DELETE FROM t WHERE n = "};
	static const char *const tails[] = {"0)", ")", "0) OR 1=1", "'", "1", "0); DROP TABLE t"};
	static const char *const vary[] = {"",     ") OR 1=1 -- ", "(", ")",   "'",
	                                   ", id", " OR ",         ";", " 5 ", " x "};
	static char sql[4200];
	uint64_t s = 10;
	unsigned long reused = 0;

	(void)state;
	for (int c = 0; c < 600; c++) {
		const char *in = inputs[rnd(&s) % (sizeof inputs / sizeof inputs[0])];
		const char *unit = units[rnd(&s) % (sizeof units / sizeof units[0])];
		const char *var = vary[rnd(&s) % (sizeof vary / sizeof vary[0])];
		int copies = 1 + (int)(rnd(&s) % 1000), at = (int)(rnd(&s) % 130);
		size_t o =
		    put(sql, 0, sizeof sql, heads[rnd(&s) % (sizeof heads / sizeof heads[0])]);
		const char *tail = tails[rnd(&s) % (sizeof tails / sizeof tails[0])];
		for (int k = 0; k < copies && o + 40 < 4096; k++) {
			for (const char *p = unit; *p; p++) {
				char one[2] = {*p, '\0'};
				o = put(sql, o, sizeof sql, *p == '@' ? in : one);
			}
			if (k == at)
				o = put(sql, o, sizeof sql, var);
		}
		put(sql, o, sizeof sql, tail);
		reused += same_both_ways(
		    dialects[rnd(&s) % 3], sql, in,
		    rnd(&s) % 4 ? NULL : inputs[rnd(&s) % (sizeof inputs / sizeof inputs[0])]);
	}
	assert_true(reused > 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_list_of_numbers_takes_the_answer_of_the_place_before),
	    cmocka_unit_test(a_place_that_differs_by_one_token_is_judged),
	    cmocka_unit_test(generated_places_answer_as_without_the_memo),
	    cmocka_unit_test(a_form_of_other_bytes_takes_no_answer),
	    cmocka_unit_test(a_number_list_form_is_kept_only_where_nothing_reads_further),
	    cmocka_unit_test(the_column_before_the_key_is_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
