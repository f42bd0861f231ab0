/* review16 (session 24): findings on h-sql13's column pass (NOT before
 * the statement's group, BETWEEN's upper end). Each statement returned
 * every row of t(id, name, ...) holding ids -2 to 3 on the engine the
 * comment names (sqlite3 3.40.1, PostgreSQL 15), as the same statement
 * without the part at issue does and is blocked; each is allowed on
 * h-sql13 8a0e285. The input is the request's one input ("id"). */
#include "agent_sql_test.h"

#include <stdio.h>
#include <string.h>

/* ma_col_open_at reads a string to its next quote: a backslash-escaped
 * quote (MySQL's default, PostgreSQL's E'') ends it there, the rest of
 * the string is read as SQL and the group is no longer open at the place.
 * PostgreSQL 15: NOT (name = E'O\'Reilly' AND id <> id) and NOT (name =
 * E'a\')' AND id <> id) return all 6 rows; with 'O''Reilly' the check
 * blocks. */
static void a_backslash_escaped_quote_in_the_group_blocks(void **state)
{
	int bad = 0;

	(void)state;
	bad += !both_block(MOAT_SQL_POSTGRES,
	                   "SELECT * FROM t WHERE NOT (name = E'O\\'Reilly' AND id <> id)", "id");
	bad += !both_block(MOAT_SQL_POSTGRES,
	                   "SELECT * FROM t WHERE NOT (name = E'a\\')' AND id <> id)", "id");
	/* MySQL reads '\'' as a quote in a string unless NO_BACKSLASH_ESCAPES */
	bad += !both_block(MOAT_SQL_MYSQL,
	                   "SELECT * FROM t WHERE NOT (name = 'O\\'Reilly' AND id <> id)", "id");
	if (bad)
		fail_msg("%d statements allowed", bad);
}

/* ma_col_not_group looks for the NOT's '(' within MA_COL_GROUP (1,024)
 * bytes: another input of the same request (a 1,100-byte search word)
 * inside the group puts it out of reach, while comments and lines are
 * read back 4 KB (MA_COL_REACH). sqlite3: all 6 rows; with 900 bytes the
 * check blocks. */
static void a_long_value_inside_the_negated_group_blocks(void **state)
{
	static char sql[2048];
	char pad[1101];

	(void)state;
	memset(pad, 'x', 1100);
	pad[1100] = '\0';
	snprintf(sql, sizeof sql, "SELECT * FROM t WHERE NOT (name <> '%s' AND id <> id)", pad);
	if (!both_block(MOAT_SQL_SQLITE, sql, "id"))
		fail_msg("a NOT group 1,100 bytes before the place is not read");
}

/* ma_col_between_and gives up at a keyword in BETWEEN's lower end: a
 * CASE ... END there (an application's report query) leaves the upper
 * end unread. sqlite3: id BETWEEN CASE WHEN 1 = 1 THEN -100 END AND id
 * returns all 6 rows, as id BETWEEN -100 AND id (blocked). */
static void a_case_as_betweens_lower_end_blocks(void **state)
{
	int bad = 0;

	(void)state;
	bad += !both_block(MOAT_SQL_SQLITE,
	                   "SELECT * FROM t WHERE id BETWEEN CASE WHEN 1 = 1 THEN -100 END AND id",
	                   "id");
	bad += !both_block(MOAT_SQL_POSTGRES,
	                   "SELECT * FROM t WHERE id BETWEEN CASE WHEN 1 = 1 THEN -100 END AND id",
	                   "id");
	if (bad)
		fail_msg("%d statements allowed", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_backslash_escaped_quote_in_the_group_blocks),
	    cmocka_unit_test(a_long_value_inside_the_negated_group_blocks),
	    cmocka_unit_test(a_case_as_betweens_lower_end_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
