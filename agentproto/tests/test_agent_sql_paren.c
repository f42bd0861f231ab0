/* review13 (session 21): sqli.column inside the statement's own
 * parentheses. Each statement was run on sqlite3 3.40 (a table users of 3
 * rows: the count each comment gives). */
#include "agent_sql_test.h"

#include <stdio.h>

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES

static void says(int d, const char *pre, const char *input, const char *post, int want)
{
	char sql[512];
	int got;

	snprintf(sql, sizeof sql, "%s%s%s", pre, input, post);
	got = check_sql_text(d, sql, input);
	if (got != want)
		fail_msg("dialect %d: [%s] with input [%s]: %s, want %s", d, sql, input,
		         got == MOAT_BLOCK ? "block" : "allow",
		         want == MOAT_BLOCK ? "block" : "allow");
}

/* The application's own parentheses around the place: `WHERE id = (?)`
 * written with the input inside: id = (id) is every row (3 of 3), as the
 * input `(id)` is, which fires. */
static void a_column_inside_the_applications_parentheses_fires(void **state)
{
	(void)state;
	says(SQLITE, "SELECT * FROM users WHERE id = (", "id", ")", MOAT_BLOCK);
	says(PG, "SELECT * FROM users WHERE id = (", "id", ") LIMIT 1", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM users WHERE id = ((", "id", "))", MOAT_BLOCK);
	/* a value there stays data */
	says(SQLITE, "SELECT * FROM users WHERE id = (", "7", ")", MOAT_ALLOW);
	says(PG, "SELECT * FROM users WHERE id = ( ", "-7", " )", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM users WHERE id IN (", "7", ")", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM users WHERE id = (SELECT max(id) FROM t WHERE name = ", "7",
	     ")", MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_column_inside_the_applications_parentheses_fires),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
