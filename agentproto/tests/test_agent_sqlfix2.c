/* sqlfix2 (session 33). 1. A number pasted unquoted that closes the
 * application's value and writes an assignment (SET), rows or an upsert
 * (VALUES) of its own fires (review25b); numbers, sums and lists where the
 * application expects them stay allowed. 2. The one-byte forms '-', '*', '/' (review25i) are
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

/* review25b's family (sqlfix2): a number pasted unquoted that closes the
 * application's value and writes an assignment, rows or an upsert of its
 * own. "@" is the input's place. */
static int at(int dialect, const char *input, const char *stmt)
{
	return check(dialect, input, "", 0, "", stmt);
}

static void a_number_that_writes_its_own_structure_fires(void **state)
{
	static const char *const c[][2] = {
	    {"18, role = 'owner'", "UPDATE members SET shoe_size = @ WHERE id = 3"},
	    {"1,\"is_staff\"=1", "UPDATE people SET floor = @ WHERE id = 3"},
	    {"0, w.credit = 99999", "UPDATE wallets w SET w.pin_tries = @ WHERE w.id = 3"},
	    {"(4), verified = 1", "UPDATE accounts SET level = @ WHERE id = 3"},
	    {"-2,quota=0", "UPDATE plans SET discount = @"},
	    {"5), (1, 2", "INSERT INTO scores(player, pts) VALUES (9, @)"},
	    {"1.5),(2, 900),(3, 900", "INSERT INTO bids(item, amount) VALUES (7, @)"},
	    {"0) ON CONFLICT (id) DO UPDATE SET owner = (5",
	     "INSERT INTO pets(id, age) VALUES (4, @)"},
	};
	static const int ds[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		for (size_t d = 0; d < 3; d++) {
			/* (ON CONFLICT is SQLite's and PostgreSQL's) */
			if (d == 2 && strstr(c[i][0], "CONFLICT"))
				continue;
			if (at(ds[d], c[i][0], c[i][1]) != MOAT_BLOCK) {
				print_message("allowed, dialect %d: %s | %s\n", ds[d], c[i][1],
				              c[i][0]);
				bad++;
			}
		}
	if (at(MOAT_SQL_MYSQL, "2) ON DUPLICATE KEY UPDATE is_admin = (1",
	       "INSERT INTO prefs(uid, font) VALUES (4, @)") != MOAT_BLOCK)
		bad++;
	assert_int_equal(bad, 0);
}

static void numbers_and_lists_where_they_go_are_allowed(void **state)
{
	static const char *const c[][2] = {
	    {"42", "UPDATE members SET shoe_size = @ WHERE id = 3"},
	    {"7 * 3", "UPDATE members SET shoe_size = @ WHERE id = 3"},
	    {"(2+3)*4", "UPDATE plans SET discount = @"},
	    {"1, 2", "UPDATE shapes SET centre = point(@) WHERE id = 3"},
	    {"1, 2, 3", "SELECT * FROM t WHERE id IN (@)"},
	    {"2, 3", "SELECT a, b, c FROM t ORDER BY @"},
	    {"5, 6", "INSERT INTO t(a, b, c) VALUES (9, @)"},
	    {"-0.5", "INSERT INTO bids(item, amount) VALUES (7, @)"},
	    {"1e-3", "INSERT INTO bids(item, amount) VALUES (7, @)"},
	    {"3", "UPDATE t SET a = (@), b = 4 WHERE id = 1"},
	    /* a ')' that closes none of the application's: a syntax error */
	    {"1),(1", "SELECT id FROM t WHERE id = @ AND visible = 1"},
	    {"2) (3", "SELECT id FROM t WHERE id = @"},
	};
	static const int ds[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		for (size_t d = 0; d < 3; d++)
			if (at(ds[d], c[i][0], c[i][1]) != MOAT_ALLOW) {
				print_message("blocked, dialect %d: %s | %s\n", ds[d], c[i][1],
				              c[i][0]);
				bad++;
			}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_number_that_writes_its_own_structure_fires),
	    cmocka_unit_test(numbers_and_lists_where_they_go_are_allowed),
	    cmocka_unit_test(a_one_byte_opener_after_many_of_its_byte_fires),
	    cmocka_unit_test(a_one_byte_that_opens_nothing_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
