/* sqlfix2 (session 33): the one-byte forms '-', '*', '/' (review25i) are
 * judged wherever the byte makes a comment's opener with its neighbour,
 * however many of the byte the application's own text holds before the
 * input's place (dates written 2026/12/07, paths, a string of dashes,
 * SELECT *), and only there: the same byte elsewhere stays allowed.
 */
#include "agent_test.h"

static int check(int dialect, const char *input, const char *before, int reps, const char *mid,
                 const char *after)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/invoices"};
	struct moat_request *r = NULL;
	static char sql[16384];
	size_t o = 0;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "op", input, strlen(input)),
	                 0);
	o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", before);
	for (int k = 0; k < reps; k++)
		o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", mid);
	{
		/* after's "@" is the input's place */
		const char *at = strchr(after, '@');
		assert_non_null(at);
		o += (size_t)snprintf(sql + o, sizeof sql - o, "%.*s%s%s", (int)(at - after), after,
		                      input, at + 1);
	}
	assert_true(o < sizeof sql);
	v = moat_check_sql(r, dialect, sql, o);
	moat_request_end(r);
	return v;
}

/* the application's bytes before the place: 160 products with '*', 200
 * globs' '*' in strings, a string of 300 dashes; the input completes
 * "/" + "*" or "-" + "-" */
static void a_one_byte_opener_after_many_of_its_byte_fires(void **state)
{
	(void)state;
	assert_int_equal(check(MOAT_SQL_SQLITE, "*", "SELECT count(*)", 80, ", 2 * price * qty",
	                       " FROM invoices WHERE amount > limit_/@ AND owner = 7"),
	                 MOAT_BLOCK);
	assert_int_equal(check(MOAT_SQL_SQLITE, "*", "SELECT id FROM files WHERE path IN ('/'", 100,
	                       ", '/srv/*/b/*'", ") OR size > quota/@ AND owner = 7"),
	                 MOAT_BLOCK);
	assert_int_equal(check(MOAT_SQL_POSTGRES, "-", "SELECT * FROM notes WHERE banner <> '", 300,
	                       "-", "' AND total < credit-@ AND user_id = 5"),
	                 MOAT_BLOCK);
	assert_int_equal(check(MOAT_SQL_MYSQL, "-", "SELECT * FROM notes WHERE banner <> '", 300,
	                       "-", "' AND total < credit-@ AND user_id = 5"),
	                 MOAT_BLOCK);
}

/* the same bytes, the input's byte in none of an opener: allowed */
static void a_one_byte_that_opens_nothing_is_allowed(void **state)
{
	(void)state;
	/* SELECT * after many dates */
	assert_int_equal(check(MOAT_SQL_SQLITE, "*", "SELECT ", 0, "",
	                       "@ FROM invoices WHERE issued IN ('2026/12/07', '2026/12/08')"),
	                 MOAT_ALLOW);
	/* a date's dash, a path's slash, a product's star inside strings */
	assert_int_equal(check(MOAT_SQL_POSTGRES, "-", "SELECT id FROM t WHERE d IN ('x'", 90,
	                       ", '2026-12-07'", ", '2026@12-08')"),
	                 MOAT_ALLOW);
	assert_int_equal(
	    check(MOAT_SQL_MYSQL, "/", "SELECT id FROM t WHERE p = '/srv", 70, "/a", "/b@c'"),
	    MOAT_ALLOW);
	/* arithmetic the application writes: a - b, a / b, a * b */
	assert_int_equal(check(MOAT_SQL_SQLITE, "-", "SELECT a ", 0, "", "@ b FROM t WHERE id = 4"),
	                 MOAT_ALLOW);
	assert_int_equal(check(MOAT_SQL_MYSQL, "/", "SELECT total ", 0, "", "@ 3 FROM t"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_one_byte_opener_after_many_of_its_byte_fires),
	    cmocka_unit_test(a_one_byte_that_opens_nothing_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
