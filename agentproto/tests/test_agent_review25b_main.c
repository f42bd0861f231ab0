/* review25 (session 33), round b on main 20a87f3: sql, every dialect.
 * A number the application pastes unquoted (an age, a role id, a choice)
 * whose input closes the application's value and writes one of its own
 * is allowed where it adds no comment, UNION, subquery or condition:
 *
 * 1. UPDATE's SET: `30, is_admin = 1` in "UPDATE users SET age = <n>
 *    WHERE id = 42" -- a second assignment, the mass assignment the
 *    application's column list was to prevent (is_admin, balance,
 *    password_hash = NULL, owner_id = 1): allowed in SQLite, PostgreSQL
 *    and MySQL. The same in a string (`bob', role = 'admin`) blocks.
 * 2. INSERT's VALUES: `3),(42, 1` in "INSERT INTO user_roles(user_id,
 *    role_id) VALUES (42, <n>)" -- a row of the attacker's (the admin
 *    role, votes in other users' names, a ledger line of -1000): allowed.
 *    The same after a string (`x'),(1, 'pwned`) blocks.
 *
 * Run here: sqlite3 3.40.1 ran "UPDATE users SET age = 30, is_admin = 1
 * WHERE id = 42" and "INSERT INTO user_roles(user_id, role_id) VALUES (42,
 * 3),(42, 1)": the user is an admin and holds role 1. Twins: numbers, a
 * sum, a negative, a decimal in the same places stay allowed.
 */
#include "agent_test.h"

static const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};

static int check(int dialect, const char *input, const char *fmt)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/account"};
	struct moat_request *r = NULL;
	char sql[512];
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "n", input, strlen(input)), 0);
	{
		const char *at = strstr(fmt, "%s");
		assert_non_null(at);
		assert_true(strlen(fmt) + strlen(input) < sizeof sql);
		memcpy(sql, fmt, (size_t)(at - fmt));
		memcpy(sql + (at - fmt), input, strlen(input));
		memcpy(sql + (at - fmt) + strlen(input), at + 2, strlen(at + 2) + 1);
	}
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static int count_allowed(const char *const (*c)[2], size_t n, int want)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t d = 0; d < sizeof dialects / sizeof dialects[0]; d++)
			if (check(dialects[d], c[i][0], c[i][1]) != want) {
				print_message("dialect %d: %s | %s\n", dialects[d], c[i][1],
				              c[i][0]);
				bad++;
			}
	return bad;
}

static void a_number_that_adds_an_assignment_fires(void **state)
{
	static const char *const c[][2] = {
	    {"30, is_admin = 1", "UPDATE users SET age = %s WHERE id = 42"},
	    {"30,balance=1000000", "UPDATE accounts SET age = %s WHERE id = 42"},
	    {"2, password_hash = NULL", "UPDATE users SET theme = %s WHERE id = 42"},
	    {"5, owner_id = 1", "UPDATE documents SET rating = %s WHERE id = 9 AND owner_id = 42"},
	};

	(void)state;
	assert_int_equal(count_allowed(c, sizeof c / sizeof c[0], MOAT_BLOCK), 0);
}

static void a_number_that_adds_rows_fires(void **state)
{
	static const char *const c[][2] = {
	    {"3),(42, 1", "INSERT INTO user_roles(user_id, role_id) VALUES (42, %s)"},
	    {"1), (7, 43, 1), (7, 44, 1",
	     "INSERT INTO votes(poll_id, user_id, choice) VALUES (7, 42, %s)"},
	    {"2.5),(42,-1000", "INSERT INTO ledger(user_id, amount) VALUES (42, %s)"},
	    {"3),(1, 'admin'", "INSERT INTO grants(user_id, role) VALUES (42, %s)"},
	};

	(void)state;
	assert_int_equal(count_allowed(c, sizeof c / sizeof c[0], MOAT_BLOCK), 0);
}

/* the same row closed and an upsert of the attacker's after it: README
 * says ON CONFLICT / ON DUPLICATE KEY UPDATE after a VALUES (...) the
 * input closes are read, but only where a comment cuts the tail
 * (`x') on conflict (id) do update set pw='z'--`); here the application's
 * own ')' closes it. Run here: sqlite3 3.40.1 set role_id 1. */
static void a_number_that_adds_an_upsert_fires(void **state)
{
	static const char *const pg[] = {"3) ON CONFLICT (user_id) DO UPDATE SET role_id = (1",
	                                 "3) ON CONFLICT DO UPDATE SET role_id = (1"};
	static const char *const my = "3) ON DUPLICATE KEY UPDATE role_id = (1";
	static const char *const fmt = "INSERT INTO user_roles(user_id, role_id) VALUES (42, %s)";
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof pg / sizeof pg[0]; i++)
		for (int d = MOAT_SQL_SQLITE; d <= MOAT_SQL_POSTGRES; d++)
			if (check(d, pg[i], fmt) != MOAT_BLOCK) {
				print_message("dialect %d: %s\n", d, pg[i]);
				bad++;
			}
	if (check(MOAT_SQL_MYSQL, my, fmt) != MOAT_BLOCK) {
		print_message("mysql: %s\n", my);
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void numbers_in_those_places_are_allowed(void **state)
{
	static const char *const c[][2] = {
	    {"30", "UPDATE users SET age = %s WHERE id = 42"},
	    {"30 + 1", "UPDATE users SET age = %s WHERE id = 42"},
	    {"-12.5", "UPDATE accounts SET delta = %s WHERE id = 42"},
	    {"3", "INSERT INTO user_roles(user_id, role_id) VALUES (42, %s)"},
	    {"2.5", "INSERT INTO ledger(user_id, amount) VALUES (42, %s)"},
	    {"1e3", "INSERT INTO ledger(user_id, amount) VALUES (42, %s)"},
	};

	(void)state;
	assert_int_equal(count_allowed(c, sizeof c / sizeof c[0], MOAT_ALLOW), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_number_that_adds_an_assignment_fires),
	    cmocka_unit_test(a_number_that_adds_rows_fires),
	    cmocka_unit_test(a_number_that_adds_an_upsert_fires),
	    cmocka_unit_test(numbers_in_those_places_are_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
