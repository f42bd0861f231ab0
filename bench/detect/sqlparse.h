/*
 * bench/detect/sqlparse.h — does a statement parse at all? SQLite's own
 * parser (sqlite3_prepare_v2 on an in-memory database holding the sinks'
 * tables) as the bench's second witness, beside the lexical facts of
 * sink_broken in detect.c, for telling an input that only breaks the
 * statement ("%28" or "order by" where a number goes: a syntax error in
 * every dialect) from one the check missed. It is never the check's own
 * grammar: the check does not decide what counts as a miss.
 *
 * Only the first statement is compiled (what sqlite3_prepare_v2 and
 * MySQL's multi-statement mode run before they read the rest): a
 * statement that compiles up to an input's ';' still runs, and counts.
 * A semantic error (no such column, no such function) is not a syntax
 * error: "(x)" or "now()" where a number goes makes a statement that
 * runs against another schema, and counts.
 *
 * For MySQL and PostgreSQL, SQLite's verdict is used only where it can
 * speak for them: the statement's tokens under the dialect's lexical rules
 * and under SQLite's are the same up to the token SQLite's parser stopped
 * at (sqlite3_error_offset; MySQL's "--x", "#", "/ *!" and
 * PostgreSQL's dollar quotes read otherwise), and no token is one of the
 * places where their expression grammar is wider than SQLite's (DIV, MOD,
 * XOR, SOUNDS LIKE, RLIKE, ILIKE, SIMILAR TO, BINARY, INTERVAL, ANY/SOME/
 * ALL, MySQL's ! := <=> && ^ and @@variables, PostgreSQL's :: ~ ~* !~ and
 * ARRAY, CONVERT ... USING, SEPARATOR, MATCH ... AGAINST, SELECT ... INTO
 * OUTFILE, PROCEDURE, WITH ROLLUP, FOR UPDATE, FETCH FIRST, LATERAL). Elsewhere
 * the statement counts as it did.
 *
 * One thread (the bench's). Needs sqlite3.
 */
#ifndef BENCH_SQLPARSE_H
#define BENCH_SQLPARSE_H

#include <sqlite3.h>
#include <string.h>
#include <strings.h>

#include "ma_int.h"

/* An in-memory database with the tables the SQL sinks name, or NULL. */
static sqlite3 *sqlparse_open(void)
{
	sqlite3 *db = NULL;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(
	        db,
	        "CREATE TABLE products (id INTEGER, name TEXT, price REAL, visible INTEGER);"
	        "CREATE TABLE comments (product_id INTEGER, author TEXT, body TEXT);",
	        NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* A token class for comparing two dialects' readings: a "..." string
 * (MySQL) and a "..." name (SQLite) are both an operand. */
static int sqlparse_class(int type)
{
	return type == MA_SQL_T_QIDENT ? MA_SQL_T_STRING : type;
}

/* 1 when t is one of the places where MySQL's or PostgreSQL's grammar
 * accepts what SQLite's does not (the file comment). */
static int sqlparse_wider(const char *sql, const struct ma_sql_tok *t)
{
	static const char *const words[] = {
	    "div",       "mod",       "xor",     "sounds", "rlike",   "ilike", "similar",
	    "binary",    "interval",  "any",     "some",   "all",     "array", "using",
	    "separator", "against",   "unknown", "for",    "lateral", "fetch", "outfile",
	    "dumpfile",  "procedure", "rollup",  NULL};
	static const char *const ops[] = {"!",   ":=", "<=>", "&&", "^", "::", "~*",  "!~",
	                                  "!~*", "~~", "~",   "@",  "#", "|/", "||/", NULL};
	size_t n = t->end - t->start;

	if (t->flags & (MA_SQL_F_SYSVAR | MA_SQL_F_EXEC))
		return 1;
	if (t->type == MA_SQL_T_WORD) {
		for (int i = 0; words[i]; i++)
			if (strlen(words[i]) == n && strncasecmp(sql + t->start, words[i], n) == 0)
				return 1;
	} else if (t->type == MA_SQL_T_OP) {
		for (int i = 0; ops[i]; i++)
			if (strlen(ops[i]) == n && memcmp(sql + t->start, ops[i], n) == 0)
				return 1;
	}
	return 0;
}

/* 1 when SQLite's verdict speaks for dialect on sql (the file comment):
 * the two readings agree on every token up to the one SQLite's parser
 * stopped at (the byte offset err; -1: the whole statement). */
static int sqlparse_applies(int dialect, const char *sql, size_t len, long err, int illegal)
{
	struct ma_sql_lexer a, b;
	struct ma_sql_tok ta, tb;
	int ma, mb;

	if (dialect == MOAT_SQL_SQLITE)
		return 1;
	ma_sql_lex_init(&a, dialect, sql, len);
	ma_sql_lex_init(&b, MOAT_SQL_SQLITE, sql, len);
	for (;;) {
		ma = ma_sql_lex_next(&a, &ta);
		mb = ma_sql_lex_next(&b, &tb);
		if (!ma || !mb)
			return ma == mb;
		if (ta.start != tb.start || ta.end != tb.end ||
		    sqlparse_class(ta.type) != sqlparse_class(tb.type) || sqlparse_wider(sql, &ta))
			return 0;
		if (err >= 0 && ta.end > (size_t)err) {
			/* the token the parser stopped at, read alike (a byte
			 * SQLite's tokenizer refuses: the dialect's refuses it too),
			 * and the one after it not a wider construct's second word
			 * (INTO OUTFILE, WITH ROLLUP, FOR UPDATE, FETCH FIRST) */
			if (illegal && ta.type != MA_SQL_T_OTHER)
				return 0;
			return !ma_sql_lex_next(&a, &ta) || !sqlparse_wider(sql, &ta);
		}
	}
}

/* 1 when the first statement of sql (len bytes) is a syntax error to
 * SQLite's parser and that verdict holds for dialect; 0 otherwise. */
static int sqlparse_rejects(sqlite3 *db, int dialect, const char *sql, size_t len)
{
	sqlite3_stmt *st = NULL;
	const char *msg;
	long err;
	int rc, illegal;

	if (!db || len > (size_t)1 << 30 || memchr(sql, '\0', len))
		return 0;
	rc = sqlite3_prepare_v2(db, sql, (int)len, &st, NULL);
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		return 0;
	/* the parser's own messages (SQLite's parse.y and tokenize.c) */
	msg = sqlite3_errmsg(db);
	/* SQLite's tokenizer refuses what MySQL splits (".1or", "1.e",
	 * "0xUNION"): for the others, an unrecognized token counts only where
	 * the dialect's lexer finds no token either (a backslash outside a
	 * MySQL string) */
	illegal = strstr(msg, "unrecognized token") != NULL;
	if (!illegal && !strstr(msg, "syntax error") && !strstr(msg, "incomplete input"))
		return 0;
	err = (long)sqlite3_error_offset(db);
	if (illegal && err < 0 && dialect != MOAT_SQL_SQLITE)
		return 0;
	return sqlparse_applies(dialect, sql, len, err, illegal);
}

#endif
