/* bench/detect/sqlparse.h: the bench's witness of statements that cannot
 * run (SQLite's parser, used for MySQL and PostgreSQL only where it can
 * speak for them). Statements written from the three grammars: an input
 * that is a syntax error in every dialect is set apart; one that runs
 * somewhere, or that only a semantic error stops, is not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "sqlparse.h"

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES
#define MYSQL  MOAT_SQL_MYSQL

static int rejects(sqlite3 *db, int dialect, const char *where)
{
	char sql[512];

	snprintf(sql, sizeof sql, "SELECT id, name FROM products WHERE id = %s AND visible = 1",
	         where);
	return sqlparse_rejects(db, dialect, sql, strlen(sql));
}

static int setup(void **state)
{
	*state = sqlparse_open();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

static void syntax_errors_in_every_dialect_are_rejected(void **state)
{
	sqlite3 *db = *state;

	for (int d = 0; d < 3; d++) {
		int dialect = d == 0 ? SQLITE : d == 1 ? PG : MYSQL;
		assert_true(rejects(db, dialect, "%28"));           /* a binary operator first */
		assert_true(rejects(db, dialect, "21 %"));          /* and last */
		assert_true(rejects(db, dialect, "order by"));      /* a clause for a value */
		assert_true(rejects(db, dialect, ", @v"));          /* a list for a value */
		assert_true(rejects(db, dialect, "1 or (exists)")); /* EXISTS without a query */
	}
	/* a run of statements: only the first is judged, and here it fails */
	assert_true(rejects(db, MYSQL, "; or 1=1"));
}

static void statements_that_parse_are_not(void **state)
{
	sqlite3 *db = *state;

	for (int d = 0; d < 3; d++) {
		int dialect = d == 0 ? SQLITE : d == 1 ? PG : MYSQL;
		assert_false(rejects(db, dialect, "1 or 1=1"));
		assert_false(rejects(db, dialect, "(x)"));   /* no such column: semantic */
		assert_false(rejects(db, dialect, "now()")); /* no such function: semantic */
		/* the first statement compiles (what prepare_v2 and MySQL's
		 * multi-statement mode run): the rest does not matter */
		assert_false(rejects(db, dialect, "1; and"));
	}
}

static void sqlite_speaks_only_where_the_dialect_reads_alike(void **state)
{
	sqlite3 *db = *state;

	/* MySQL's "-- x" needs the space: --x is two minus signs there */
	assert_true(rejects(db, SQLITE, "--x"));
	assert_false(rejects(db, MYSQL, "--x"));
	/* # is a comment in MySQL only */
	assert_true(rejects(db, SQLITE, "1 # x"));
	assert_false(rejects(db, MYSQL, "1 # x"));
	/* operators MySQL and PostgreSQL have and SQLite has not */
	assert_true(rejects(db, SQLITE, "1 div 2"));
	assert_false(rejects(db, MYSQL, "1 div 2"));
	assert_false(rejects(db, MYSQL, "1 xor 1"));
	assert_false(rejects(db, MYSQL, "!1"));
	assert_false(rejects(db, MYSQL, "@@version"));
	assert_false(rejects(db, PG, "1::int"));
	assert_false(rejects(db, PG, "any(array[1])"));
	assert_false(rejects(db, PG, "1 AND name ~ 'x'")); /* a regular expression there */
	assert_false(rejects(db, MYSQL, "1 into outfile '/tmp/x'"));
	/* the readings differ only after the token the parser stopped at */
	assert_true(rejects(db, MYSQL, "%20or%201=1"));
	/* and before it: MySQL's 2b is a name, SQLite's an error */
	assert_false(rejects(db, MYSQL, "a % 2b"));
	/* SQLite's tokenizer refuses a number glued to letters, which MySQL
	 * splits: .1or-UTC_DATE is a condition there */
	assert_true(rejects(db, SQLITE, ".1or-UTC_DATE"));
	assert_false(rejects(db, MYSQL, ".1or-UTC_DATE"));
	assert_false(rejects(db, MYSQL, "1 or 1.e(1)"));
	/* a byte neither reads as a token: a backslash outside a string */
	assert_true(rejects(db, MYSQL, "\\x27 or 1"));
	assert_false(rejects(db, MYSQL, "\\N"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(syntax_errors_in_every_dialect_are_rejected),
	    cmocka_unit_test(statements_that_parse_are_not),
	    cmocka_unit_test(sqlite_speaks_only_where_the_dialect_reads_alike),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
