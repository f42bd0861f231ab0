/* review16, second round (session 24): findings on h-sql13 after
 * a75035c closed the first three (test_agent_review16_sql13.c): the
 * negated group is still read over a ')' that is no parenthesis of the
 * statement. Each statement returned every row (6 of 6, t holding ids -2
 * to 3) on the engine named (PostgreSQL 15, sqlite3 3.40.1) and is
 * allowed on h-sql13 ecd531a; the same group without the ')' blocks. The
 * input is the request's one input ("id"). */
#include "agent_sql_test.h"

#include <stdio.h>
#include <string.h>

/* PostgreSQL's dollar-quoted string (an application that quotes another
 * input as $$...$$ lets the attacker put a ')' there): ma_col_open_at
 * reads its ')' as the group's end. PG 15: 6 rows for both. */
static void a_dollar_quoted_string_in_the_group_blocks(void **state)
{
	int bad = 0;

	(void)state;
	bad += !both_block(MOAT_SQL_POSTGRES,
	                   "SELECT * FROM t WHERE NOT (name = $$a)$$ AND id <> id)", "id");
	bad += !both_block(MOAT_SQL_POSTGRES,
	                   "SELECT * FROM t WHERE NOT (name = $q$a)'$q$ AND id <> id)", "id");
	if (bad)
		fail_msg("%d statements allowed", bad);
}

/* A comment inside the group holding a ')' (the statement's own, or an
 * ORM's annotation): read as the group's end. PG 15 and sqlite3: 6 rows
 * for each. */
static void a_comment_in_the_group_blocks(void **state)
{
	int bad = 0;

	(void)state;
	bad += !both_block(MOAT_SQL_SQLITE,
	                   "SELECT * FROM t WHERE NOT (a = 1 /* ) */ AND id <> id)", "id");
	bad += !both_block(MOAT_SQL_POSTGRES,
	                   "SELECT * FROM t WHERE NOT (a = 1 /* ) */ AND id <> id)", "id");
	bad += !both_block(MOAT_SQL_SQLITE, "SELECT * FROM t WHERE NOT (a = 1 -- )\nAND id <> id)",
	                   "id");
	/* MySQL's # comment (no MySQL here: its manual) */
	bad += !both_block(MOAT_SQL_MYSQL, "SELECT * FROM t WHERE NOT (a = 1 # )\nAND id <> id)",
	                   "id");
	if (bad)
		fail_msg("%d statements allowed", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_dollar_quoted_string_in_the_group_blocks),
	    cmocka_unit_test(a_comment_in_the_group_blocks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
