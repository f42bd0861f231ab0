/* review27 (session 34) on main a020085: MySQL, an application that
 * escapes a value by doubling its quotes (`s.replace("'", "''")`, the
 * standard SQL escape, hand-rolled) and an input that puts a backslash
 * before its quote: `x\' OR 1=1#` reaches MySQL as `'x\'' OR 1=1#'`,
 * where `\'` is an escaped quote and the next `'` ends the string
 * (MySQL's string literal rules, backslash escapes on by default): the
 * OR and the comment are the input's. No form of the input is in the
 * statement (each quote doubled), so nothing is judged: 3 of 3 allowed.
 * The same text under PostgreSQL or SQLite (no backslash escapes) is one
 * string -- data -- and stays allowed; an application that escapes the
 * quote with a backslash and forgets the backslash is caught (through the
 * LIKE form, by chance). Not run (no MySQL server on this machine). Twins:
 * O'Brien doubled, and the pg/sqlite readings of the attack, allowed.
 */
#include "agent_test.h"

static int check(int dialect, const char *value, const char *sql)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/people"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "name", value, strlen(value)),
	                 0);
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

/* the statement with value's quotes doubled */
static int doubled(int dialect, const char *value)
{
	char sql[512];
	size_t o;

	o = (size_t)snprintf(sql, sizeof sql, "SELECT id, email FROM people WHERE name = '");
	for (const char *p = value; *p && o + 4 < sizeof sql; p++) {
		sql[o++] = *p;
		if (*p == '\'')
			sql[o++] = '\'';
	}
	snprintf(sql + o, sizeof sql - o, "' AND team_id = 7");
	return check(dialect, value, sql);
}

static void a_backslash_before_a_doubled_quote_fires_in_mysql(void **state)
{
	static const char *const in[] = {
	    "x\\' OR 1=1#",
	    "x\\' UNION SELECT password, email FROM users#",
	    "x\\' OR SLEEP(5)#",
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		if (doubled(MOAT_SQL_MYSQL, in[i]) != MOAT_BLOCK) {
			print_message("allowed: %s\n", in[i]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_doubled_quote_that_stays_in_its_string_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(doubled(MOAT_SQL_MYSQL, "O'Brien"), MOAT_ALLOW);
	assert_int_equal(doubled(MOAT_SQL_MYSQL, "Rock 'n' Roll"), MOAT_ALLOW);
	assert_int_equal(doubled(MOAT_SQL_POSTGRES, "x\\' OR 1=1-- "), MOAT_ALLOW);
	assert_int_equal(doubled(MOAT_SQL_SQLITE, "x\\' OR 1=1-- "), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_backslash_before_a_doubled_quote_fires_in_mysql),
	    cmocka_unit_test(a_doubled_quote_that_stays_in_its_string_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
