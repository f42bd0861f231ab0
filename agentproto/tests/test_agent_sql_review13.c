/* review13 (session 21): findings on h-sqlcol8's sqli.column. Each
 * statement was run on sqlite3 3.40 (a table users of 3 rows: the count
 * each comment gives). These failed on h-sqlcol8 103b128 (main a58c0ad). */
#include "agent_sql_test.h"

#include <stdio.h>

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES
#define MYSQL  MOAT_SQL_MYSQL

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

/* The column followed by a comment or a statement's end inside the input
 * (the attacker's habitual tail): `id = id--`, `id = id/ * * /`, `id = id;`
 * return every row (3 of 3 on sqlite3), yet pass; bare `id` fires. The
 * comment/terminator must be skipped as the rest of the check skips it. */
static void a_column_followed_by_a_comment_or_terminator_fires(void **state)
{
	/* MySQL reads -- as a comment only before whitespace: id-- is a
	 * syntax error there */
	static const char *const inputs[] = {"id --",  "id -- x", "id/**/",
	                                     "/**/id", "id/*x*/", "id;"};
	static const char *const not_mysql[] = {"id--", "(id)--", "id;--"};
	static const int dialects[] = {SQLITE, PG, MYSQL};

	(void)state;
	for (size_t di = 0; di < 3; di++)
		for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
			says(dialects[di], "SELECT * FROM users WHERE id = ", inputs[k], "",
			     MOAT_BLOCK);
	for (size_t k = 0; k < sizeof not_mysql / sizeof not_mysql[0]; k++) {
		says(SQLITE, "SELECT * FROM users WHERE id = ", not_mysql[k], "", MOAT_BLOCK);
		says(PG, "SELECT * FROM users WHERE id = ", not_mysql[k], "", MOAT_BLOCK);
	}
	/* MySQL's # comment; the rest of the statement commented out */
	says(MYSQL, "SELECT * FROM users WHERE id = ", "id#", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM users WHERE id = ", "id -- ", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM users WHERE id = ", "id --", " AND active = 1", MOAT_BLOCK);
	/* a number with a comment stays a number */
	says(SQLITE, "SELECT * FROM users WHERE id = ", "5 -- x", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM users WHERE id = ", "5/**/", "", MOAT_ALLOW);
}

/* The column inside a conversion the test's list does not name: CAST(id AS
 * INTEGER) (3 of 3 on sqlite3), id COLLATE NOCASE (3), MySQL's BINARY id,
 * id DIV 1; coalesce/abs/ifnull fire, so these are the same family. */
static void a_column_inside_cast_or_collate_fires(void **state)
{
	(void)state;
	says(SQLITE, "SELECT * FROM users WHERE id = ", "cast(id as int)", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM users WHERE id = ", "CAST(id AS INTEGER)", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM users WHERE id = ", "cast(id as int)", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM users WHERE id = ", "binary id", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM users WHERE id = ", "id DIV 1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM users WHERE id = ", "id COLLATE NOCASE", "", MOAT_BLOCK);
}

/* Found by review13 on main (session 21), fixed by the lead (8f8bb8b). */
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
	    cmocka_unit_test(a_column_followed_by_a_comment_or_terminator_fires),
	    cmocka_unit_test(a_column_inside_the_applications_parentheses_fires),
	    cmocka_unit_test(a_column_inside_cast_or_collate_fires),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
