/*
 * ma_sql.c — the sql_injection check: does a user input change the
 * structure of the statement it was put into?
 *
 * For one place [a, b) where an input occurs in a statement, the statement
 * is tokenized (ma_sql_lex.c) from its start up to the input's end, and
 *   1. an input inside one token (a string literal, a number, a comment,
 *      an identifier) changes nothing: it is data, whatever words it holds;
 *   2. an input that spans tokens is judged on the tokens it covers, with
 *      the token before it for context: a small expression grammar
 *      (operand / operator alternation, clause keywords, function calls,
 *      IS, parentheses, aliases where the clause allows them) says whether
 *      the statement could still run. Text that only breaks the statement
 *      (O'Brien in a string, "7 and a half" in a number's place) cannot
 *      inject anything, and does not fire;
 *   3. a runnable span fires when it carries one of the structures an
 *      injection needs: a second statement, UNION SELECT, a condition
 *      after OR/AND, a subquery, time/error/file/information functions,
 *      WAITFOR, system variables, a comment cutting the statement's tail
 *      after a value or a closed literal, comments used as whitespace or
 *      MySQL's executable comments, CASE, an injected ORDER BY / GROUP BY /
 *      HAVING / LIMIT / INTO / PROCEDURE clause that ends the statement,
 *      any operator after the input closed the literal it was put in, or
 *      an expression naming the column compared at a value's place
 *      (id = id, (id), users.id: ma_col_judge; also for an input that is
 *      one name token, the only exception to point 1);
 *      Comments are whitespace to every rule that looks at neighbouring
 *      tokens (ma_next_sig, the leading-operator rule, the tail), except
 *      where one cuts the statement's tail;
 *   4. a span that fires on none of these is judged once more alone, as
 *      the literal its own quotes close and URL-decoded (a payload written
 *      for another place: the attempt rule, above ma_sql_analyse), and in
 *      MySQL, where its tokens read otherwise than the standard's (a '#'
 *      comment, 1or, --x), as PostgreSQL reads it, in PostgreSQL, where
 *      it holds a '#', as MySQL reads it (written for another database).
 *
 * Pure, no allocation: the window of tokens and the statement the attempt
 * rule builds live on the stack. Any thread. The public check
 * (moat_check_sql_at) lexes the statement once, as far as it reads it
 * (ma_sql_cache), reads the
 * tokens before each occurrence from where the previous one stopped
 * (ma_sql_cursor), judges an attempt once per input (ma_sql_memo), with
 * the input's URL decodings read from the request where it holds them
 * (ma_sql_decoded_find: its forms "url" and "url2"), and
 * walks the rest of the statement after a place only when a verdict hangs
 * on it (ma_sql_analyse_in), only until it meets the state an earlier
 * walk met there (the cache's checkpoints), and not at all inside
 * parentheses that can no longer close (ma_sql_tail_closable): its cost
 * is linear in the statement and the input. Keywords are looked up once
 * per token of the cache. The windows of an input that
 * occurs at many overlapping places (a periodic input in a run of
 * itself: up to 64 windows of up to MA_SQL_WIN tokens) judge the tokens
 * they share once (ma_sql_reuse): each still reads its first tokens
 * (up to the first state kept that it meets) and those the window before
 * it did not have, and takes the rest of the shared ones in one step
 * where they are all plain; a window at the place of one judged whole
 * whose tokens were all plain (an input that starts as another does)
 * takes that one's state after them at once. Runs of plain tokens are
 * judged with the grammar's state in registers (ma_sql_plain_run).
 */
#include "ma_int.h"
#include "ma_sql_lex.h"
#include "ma_sql_col.h"
#include "ma_sql_lit.h"

#include <assert.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>
#ifdef MA_SQL_TRACE
#include <stdio.h>
#endif
/* SSE2 (every x86-64) reads the attempt rule's pre-scan sixteen bytes at
 * a time; elsewhere, or with MA_SQL_SWAR (the unit tests build both),
 * eight at a time in a 64-bit register. */
#if defined(__SSE2__) && !defined(MA_SQL_SWAR)
#define MA_SQL_SSE2 1
#include <emmintrin.h>
#endif

#define MA_SQL_WIN 512 /* tokens of one input occurrence judged (the rest is cut) */

enum {
	KW_NONE = 0,
	KW_ALL,
	KW_ALTER,
	KW_AND,
	KW_ANY,
	KW_AS,
	KW_ASC,
	KW_ATTACH,
	KW_BEGIN,
	KW_BETWEEN,
	KW_BINARY,
	KW_BY,
	KW_CALL,
	KW_CASE,
	KW_COLLATE,
	KW_COMMIT,
	KW_COPY,
	KW_CREATE,
	KW_CROSS,
	KW_DECLARE,
	KW_DELETE,
	KW_DESC,
	KW_DETACH,
	KW_DISTINCT,
	KW_DIV,
	KW_DROP,
	KW_DUMPFILE,
	KW_ELSE,
	KW_END,
	KW_ESCAPE,
	KW_EXCEPT,
	KW_EXEC,
	KW_EXECUTE,
	KW_EXISTS,
	KW_FALSE,
	KW_FOR,
	KW_FROM,
	KW_GLOB,
	KW_GRANT,
	KW_GROUP,
	KW_HANDLER,
	KW_HAVING,
	KW_IF,
	KW_ILIKE,
	KW_IN,
	KW_INNER,
	KW_INSERT,
	KW_INTERSECT,
	KW_INTERVAL,
	KW_INTO,
	KW_IS,
	KW_ISNULL,
	KW_JOIN,
	KW_KILL,
	KW_LEFT,
	KW_LIKE,
	KW_LIMIT,
	KW_LOAD,
	KW_LOCK,
	KW_MINUS,
	KW_MOD,
	KW_NATURAL,
	KW_NOT,
	KW_NOTNULL,
	KW_NULL,
	KW_OFFSET,
	KW_ON,
	KW_OR,
	KW_ORDER,
	KW_OUTER,
	KW_OUTFILE,
	KW_PARTITION,
	KW_PRAGMA,
	KW_PROCEDURE,
	KW_REGEXP,
	KW_RENAME,
	KW_REPLACE,
	KW_RETURNING,
	KW_REVOKE,
	KW_RIGHT,
	KW_RLIKE,
	KW_ROLLBACK,
	KW_SELECT,
	KW_SEPARATOR,
	KW_SET,
	KW_SHOW,
	KW_SHUTDOWN,
	KW_SIMILAR,
	KW_SOME,
	KW_SOUNDS,
	KW_THEN,
	KW_TO,
	KW_TOP,
	KW_TRUE,
	KW_TRUNCATE,
	KW_UNION,
	KW_UNKNOWN,
	KW_UPDATE,
	KW_USE,
	KW_USING,
	KW_VACUUM,
	KW_VALUES,
	KW_WAITFOR,
	KW_WHEN,
	KW_WHERE,
	KW_WITH,
	KW_XOR,
};

/* Sorted by name (ma_kw_id's binary search). The names are zero-padded
 * to 10 bytes: the search compares 8 of them at once. */
static const struct ma_kw {
	char name[10];
	int id;
} ma_kws[] = {
    {"all", KW_ALL},
    {"alter", KW_ALTER},
    {"and", KW_AND},
    {"any", KW_ANY},
    {"as", KW_AS},
    {"asc", KW_ASC},
    {"attach", KW_ATTACH},
    {"begin", KW_BEGIN},
    {"between", KW_BETWEEN},
    {"binary", KW_BINARY},
    {"by", KW_BY},
    {"call", KW_CALL},
    {"case", KW_CASE},
    {"collate", KW_COLLATE},
    {"commit", KW_COMMIT},
    {"copy", KW_COPY},
    {"create", KW_CREATE},
    {"cross", KW_CROSS},
    {"declare", KW_DECLARE},
    {"delete", KW_DELETE},
    {"desc", KW_DESC},
    {"detach", KW_DETACH},
    {"distinct", KW_DISTINCT},
    {"div", KW_DIV},
    {"drop", KW_DROP},
    {"dumpfile", KW_DUMPFILE},
    {"else", KW_ELSE},
    {"end", KW_END},
    {"escape", KW_ESCAPE},
    {"except", KW_EXCEPT},
    {"exec", KW_EXEC},
    {"execute", KW_EXECUTE},
    {"exists", KW_EXISTS},
    {"false", KW_FALSE},
    {"for", KW_FOR},
    {"from", KW_FROM},
    {"glob", KW_GLOB},
    {"grant", KW_GRANT},
    {"group", KW_GROUP},
    {"handler", KW_HANDLER},
    {"having", KW_HAVING},
    {"if", KW_IF},
    {"ilike", KW_ILIKE},
    {"in", KW_IN},
    {"inner", KW_INNER},
    {"insert", KW_INSERT},
    {"intersect", KW_INTERSECT},
    {"interval", KW_INTERVAL},
    {"into", KW_INTO},
    {"is", KW_IS},
    {"isnull", KW_ISNULL},
    {"join", KW_JOIN},
    {"kill", KW_KILL},
    {"left", KW_LEFT},
    {"like", KW_LIKE},
    {"limit", KW_LIMIT},
    {"load", KW_LOAD},
    {"lock", KW_LOCK},
    {"minus", KW_MINUS},
    {"mod", KW_MOD},
    {"natural", KW_NATURAL},
    {"not", KW_NOT},
    {"notnull", KW_NOTNULL},
    {"null", KW_NULL},
    {"offset", KW_OFFSET},
    {"on", KW_ON},
    {"or", KW_OR},
    {"order", KW_ORDER},
    {"outer", KW_OUTER},
    {"outfile", KW_OUTFILE},
    {"partition", KW_PARTITION},
    {"pragma", KW_PRAGMA},
    {"procedure", KW_PROCEDURE},
    {"regexp", KW_REGEXP},
    {"rename", KW_RENAME},
    {"replace", KW_REPLACE},
    {"returning", KW_RETURNING},
    {"revoke", KW_REVOKE},
    {"right", KW_RIGHT},
    {"rlike", KW_RLIKE},
    {"rollback", KW_ROLLBACK},
    {"select", KW_SELECT},
    {"separator", KW_SEPARATOR},
    {"set", KW_SET},
    {"show", KW_SHOW},
    {"shutdown", KW_SHUTDOWN},
    {"similar", KW_SIMILAR},
    {"some", KW_SOME},
    {"sounds", KW_SOUNDS},
    {"then", KW_THEN},
    {"to", KW_TO},
    {"top", KW_TOP},
    {"true", KW_TRUE},
    {"truncate", KW_TRUNCATE},
    {"union", KW_UNION},
    {"unknown", KW_UNKNOWN},
    {"update", KW_UPDATE},
    {"use", KW_USE},
    {"using", KW_USING},
    {"vacuum", KW_VACUUM},
    {"values", KW_VALUES},
    {"waitfor", KW_WAITFOR},
    {"when", KW_WHEN},
    {"where", KW_WHERE},
    {"with", KW_WITH},
    {"xor", KW_XOR},
};

/* Functions an injection calls and ordinary text does not: time delays,
 * error-based extraction, files, commands, information about the server,
 * and the string surgery of blind extraction. Sorted. */
static const char *const ma_sql_funcs[] = {
    "ascii",
    "benchmark",
    "char",
    "chr",
    "concat",
    "concat_ws",
    "current_database",
    "current_setting",
    "current_user",
    "database",
    "dbms_pipe",
    "elt",
    "extractvalue",
    "floor",
    "geometrycollection",
    "get_host_address",
    "get_host_name",
    "group_concat",
    "gtid_subset",
    "hex",
    "iif",
    "json_keys",
    "length",
    "linestring",
    "lo_export",
    "lo_import",
    "load_file",
    "make_set",
    "mid",
    "multilinestring",
    "multipoint",
    "multipolygon",
    "name_const",
    "ord",
    "pg_ls_dir",
    "pg_read_file",
    "pg_sleep",
    "pg_sleep_for",
    "pg_sleep_until",
    "polygon",
    "randomblob",
    "receive_message",
    "schema",
    "session_user",
    "sleep",
    "string_agg",
    "substr",
    "substring",
    "sys_eval",
    "sys_exec",
    "system_user",
    "unhex",
    "updatexml",
    "user",
    "utl_http",
    "utl_inaddr",
    "version",
    "xp_cmdshell",
    "xp_dirtree",
    "xp_fileexist",
};

/* Where ma_kws's names of each first letter start ('a' .. 'z', then its
 * end): ma_kw_id searches only those of its word's first letter
 * (sqlcost2; test_agent_sql_search.c checks it against the names). */
static const uint8_t ma_kw_first[27] = {0,  7,  11, 18, 26, 33, 36, 39, 41,  51,  52,  53,  58, 60,
                                        64, 70, 73, 73, 81, 89, 94, 99, 101, 105, 106, 106, 106};

/* Compares the word w (n bytes) with the lowercase name s. */
static int ma_word_cmp(const char *w, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (!s[i] || c != (unsigned char)s[i])
			return s[i] ? (int)c - (unsigned char)s[i] : 1;
	}
	return s[n] ? -1 : 0;
}

/* The first 8 bytes at p as a number that orders as the bytes do. */
static uint64_t ma_kw_key(const char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof v);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

/* The keyword the word w (n bytes) is, KW_NONE when none: the word is
 * lowercased and zero-padded once (a NUL byte of it, which no name has,
 * becomes 0xff) and compared with the names 8 bytes and 1 at a time.
 * Every name starts with a letter: a word that starts otherwise (MySQL's
 * 1or, _x, a UTF-8 name) is none, without the search. */
static int ma_kw_id(const char *w, size_t n)
{
	size_t lo, hi;
	char b[10] = {0};
	uint64_t k;

	if (n < 2 || n > 9 || (unsigned)(((unsigned char)w[0] | 0x20) - 'a') > 25)
		return KW_NONE;
	if (n == 2) {
		/* Two-byte words (AS, BY, IN, IS, ON, OR, and the short names
		 * statements repeat: id, x1) are the commonest: ma_kws's
		 * two-letter names as one switch, not the search (sqlcost4;
		 * test_agent_sql_search.c compares every pair of bytes with the
		 * names: a two-letter name added to ma_kws goes here too). */
		unsigned c1 = (unsigned char)w[1];
		switch (((unsigned char)w[0] | 0x20u) << 8 | (c1 - 'A' < 26u ? c1 | 0x20u : c1)) {
		case 'a' << 8 | 's':
			return KW_AS;
		case 'b' << 8 | 'y':
			return KW_BY;
		case 'i' << 8 | 'f':
			return KW_IF;
		case 'i' << 8 | 'n':
			return KW_IN;
		case 'i' << 8 | 's':
			return KW_IS;
		case 'o' << 8 | 'n':
			return KW_ON;
		case 'o' << 8 | 'r':
			return KW_OR;
		case 't' << 8 | 'o':
			return KW_TO;
		default:
			return KW_NONE;
		}
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c == 0)
			c = 0xff;
		b[i] = (char)c;
	}
	k = ma_kw_key(b);
	lo = ma_kw_first[(unsigned char)b[0] - 'a'];
	hi = ma_kw_first[(unsigned char)b[0] - 'a' + 1];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		uint64_t m = ma_kw_key(ma_kws[mid].name);
		int c = k != m ? (k < m ? -1 : 1)
		               : (int)(unsigned char)b[8] - (unsigned char)ma_kws[mid].name[8];
		if (c == 0)
			return ma_kws[mid].id;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return KW_NONE;
}

/* Functions of the server's identity that take no argument: USER(),
 * VERSION() ... called with one is somebody's word in parentheses. */
static int ma_is_noarg_func(const char *w, size_t n)
{
	static const char *const f[] = {
	    "current_database", "current_user", "database", "schema", "session_user",
	    "system_user",      "user",         "version",  NULL};
	for (int i = 0; f[i]; i++)
		if (ma_word_cmp(w, n, f[i]) == 0)
			return 1;
	return 0;
}

static int ma_is_danger_func(const char *w, size_t n)
{
	size_t lo = 0, hi = sizeof ma_sql_funcs / sizeof ma_sql_funcs[0];

	if (n < 3 || n > 18)
		return 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = ma_word_cmp(w, n, ma_sql_funcs[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* SQL's niladic functions of the session's identity, called without
 * parentheses: SELECT current_user. */
static int ma_is_niladic(const char *w, size_t n)
{
	return ma_word_cmp(w, n, "current_user") == 0 || ma_word_cmp(w, n, "session_user") == 0 ||
	       ma_word_cmp(w, n, "system_user") == 0;
}

/* T-SQL's system procedures: sp_ and xp_ names (after EXEC). */
static int ma_is_sys_proc(const char *w, size_t n)
{
	return n >= 3 && (w[0] == 's' || w[0] == 'S' || w[0] == 'x' || w[0] == 'X') &&
	       (w[1] == 'p' || w[1] == 'P') && w[2] == '_';
}

/* Names of system catalogs and procedures: reading or calling them is what
 * an injection is for, and no user types them between tokens. */
static int ma_is_catalog(const char *w, size_t n)
{
	static const char *const f[] = {"information_schema",
	                                "sqlite_master",
	                                "sqlite_schema",
	                                "sqlite_temp_master",
	                                "pg_catalog",
	                                "pg_shadow",
	                                "pg_user",
	                                "pg_database",
	                                "sysobjects",
	                                "syscolumns",
	                                "sysusers",
	                                "sysdatabases",
	                                "sysservers",
	                                "all_tables",
	                                "all_users",
	                                "dba_users",
	                                "xp_cmdshell",
	                                "xp_regread",
	                                "sp_executesql",
	                                "sp_oacreate",
	                                "sp_makewebtask",
	                                "sp_password",
	                                NULL};
	if (n < 7 || n > 18)
		return 0; /* pg_user ... information_schema */
	for (int i = 0; f[i]; i++)
		if (ma_word_cmp(w, n, f[i]) == 0)
			return 1;
	return 0;
}

static int ma_word_in(const char *sql, const struct ma_sql_tok *t, const char *const *set)
{
	if (!t || t->type != MA_SQL_T_WORD)
		return 0;
	for (int i = 0; set[i]; i++)
		if (ma_word_cmp(sql + t->start, t->end - t->start, set[i]) == 0)
			return 1;
	return 0;
}

/* Keywords that start a statement of their own (after ';' or at the start). */
static int ma_kw_statement(int kw)
{
	switch (kw) {
	case KW_ALTER:
	case KW_ATTACH:
	case KW_BEGIN:
	case KW_CALL:
	case KW_COMMIT:
	case KW_COPY:
	case KW_CREATE:
	case KW_DECLARE:
	case KW_DELETE:
	case KW_DETACH:
	case KW_DROP:
	case KW_EXEC:
	case KW_EXECUTE:
	case KW_GRANT:
	case KW_HANDLER:
	case KW_IF:
	case KW_INSERT:
	case KW_KILL:
	case KW_LOAD:
	case KW_LOCK:
	case KW_PRAGMA:
	case KW_RENAME:
	case KW_REPLACE:
	case KW_REVOKE:
	case KW_ROLLBACK:
	case KW_SET:
	case KW_SHOW:
	case KW_SHUTDOWN:
	case KW_TRUNCATE:
	case KW_UPDATE:
	case KW_USE:
	case KW_VACUUM:
	case KW_WAITFOR:
		return 1;
	default:
		return 0;
	}
}

/* PostgreSQL: whether t (the token after a ';') starts a statement of its
 * grammar (gram.y's stmt) that ma_stmt_plausible does not read: PostgreSQL
 * parses a whole query string before it runs any of it, so only a
 * statement it knows can follow an injected ';' (CHECKPOINT, NOTIFY x,
 * COMMENT ON ..., TABLE name, SET ROLE x). DROP, CREATE, INSERT ... are
 * read there (DROP TABLE x fires, "DROP members" cannot run). */
static int ma_pg_stmt_start(const char *sql, const struct ma_sql_tok *t)
{
	static const char *const f[] = {
	    "abort",   "analyse", "analyze",  "begin",    "call",       "checkpoint", "close",
	    "cluster", "comment", "commit",   "copy",     "deallocate", "discard",    "end",
	    "explain", "fetch",   "grant",    "import",   "listen",     "load",       "lock",
	    "merge",   "move",    "notify",   "prepare",  "reassign",   "refresh",    "reindex",
	    "release", "reset",   "revoke",   "rollback", "savepoint",  "security",   "set",
	    "start",   "table",   "unlisten", "vacuum",   "values",     NULL};

	return t && (t->type == MA_SQL_T_LPAREN || ma_word_in(sql, t, f));
}

/* Binary operators spelled as words. */
static int ma_kw_binop(int kw)
{
	switch (kw) {
	case KW_AND:
	case KW_OR:
	case KW_XOR:
	case KW_LIKE:
	case KW_ILIKE:
	case KW_RLIKE:
	case KW_REGEXP:
	case KW_GLOB:
	case KW_SIMILAR:
	case KW_SOUNDS:
	case KW_TO:
	case KW_IN:
	case KW_BETWEEN:
	case KW_DIV:
	case KW_MOD:
	case KW_COLLATE:
	case KW_ESCAPE:
		return 1;
	default:
		return 0;
	}
}

enum { CL_NONE = 0, CL_SELECT, CL_FROM, CL_WHERE, CL_ORDER, CL_LIMIT, CL_VALUES, CL_SET, CL_INTO };

static int ma_tok_kw(const char *sql, const struct ma_sql_tok *t)
{
	if (t->type != MA_SQL_T_WORD)
		return KW_NONE;
	if (sql[t->start] == '\\')
		return KW_NULL; /* MySQL's \N: the only word the lexer starts with a backslash */
	return ma_kw_id(sql + t->start, t->end - t->start);
}

/* The clause a keyword opens, or -1 when it opens none. */
static int ma_kw_clause(int kw)
{
	switch (kw) {
	case KW_SELECT:
		return CL_SELECT;
	case KW_FROM:
	case KW_JOIN:
	case KW_UPDATE:
		return CL_FROM;
	case KW_INTO:
		return CL_INTO;
	case KW_WHERE:
	case KW_HAVING:
	case KW_ON:
		return CL_WHERE;
	case KW_ORDER:
	case KW_GROUP:
		return CL_ORDER;
	case KW_LIMIT:
	case KW_OFFSET:
		return CL_LIMIT;
	case KW_VALUES:
		return CL_VALUES;
	case KW_SET:
		return CL_SET;
	default:
		return -1;
	}
}

static int ma_op_is(const char *sql, const struct ma_sql_tok *t, const char *op)
{
	size_t n = strlen(op);

	return t->type == MA_SQL_T_OP && t->end - t->start == n &&
	       memcmp(sql + t->start, op, n) == 0;
}

/* = == < > <= >= <> != <=> */
static inline __attribute__((always_inline)) int ma_op_comparison(const char *sql,
                                                                  const struct ma_sql_tok *t)
{
	const char *o = sql + t->start;

	if (t->type != MA_SQL_T_OP)
		return 0;
	switch (t->end - t->start) {
	case 1:
		return o[0] == '=' || o[0] == '<' || o[0] == '>';
	case 2:
		return (o[1] == '=' &&
		        (o[0] == '=' || o[0] == '<' || o[0] == '>' || o[0] == '!')) ||
		       (o[0] == '<' && o[1] == '>');
	case 3:
		return o[0] == '<' && o[1] == '=' && o[2] == '>';
	default:
		return 0;
	}
}

/* A logical operator: AND, OR, XOR, and && / || where MySQL means them. */
static int ma_is_logical(int dialect, const char *sql, const struct ma_sql_tok *t, int kw)
{
	if (kw == KW_AND || kw == KW_OR || kw == KW_XOR)
		return 1;
	return MA_SQL_MY(dialect) && t->type == MA_SQL_T_OP && t->end - t->start == 2 &&
	       sql[t->start] == sql[t->start + 1] && (sql[t->start] == '&' || sql[t->start] == '|');
}

static int ma_has_text(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
		    s[i] != '\v')
			return 1;
	return 0;
}

/* Operand-like tokens (values and names), for the state before the span. */
static inline __attribute__((always_inline)) int ma_is_operand_tok(const struct ma_sql_tok *t,
                                                                   int kw)
{
	switch (t->type) {
	case MA_SQL_T_STRING:
	case MA_SQL_T_NUMBER:
	case MA_SQL_T_QIDENT:
	case MA_SQL_T_PARAM:
	case MA_SQL_T_RPAREN:
		return 1;
	case MA_SQL_T_WORD:
		return kw == KW_NONE || kw == KW_NULL || kw == KW_TRUE || kw == KW_FALSE ||
		       kw == KW_UNKNOWN || kw == KW_END || kw == KW_ASC || kw == KW_DESC;
	default:
		return 0;
	}
}

/* The structures found in the span (see the file comment, point 3). */
struct ma_sql_flags {
	int closed;   /* the span starts by closing a literal opened before the input */
	int stacked;  /* ; then a statement */
	int uni;      /* UNION / INTERSECT / EXCEPT then SELECT, ALL, DISTINCT or ( */
	int select;   /* SELECT introduced (a subquery) */
	int logic;    /* OR / AND / XOR followed by a condition */
	int func;     /* a listed function call, WAITFOR, @@variable */
	int cut;      /* a comment cutting the tail after a value */
	int obfus;    /* comments inside the input between tokens, / *! */
	int clause;   /* ORDER BY, GROUP BY, HAVING, LIMIT, INTO, PROCEDURE */
	int cond;     /* CASE */
	int active;   /* an operator, keyword or punctuation after a closed literal */
	int tail_cut; /* nothing of the statement's own text runs after the input */
	int catalog;  /* a system catalog or procedure named */
	int sysvar;   /* @@version ... */
	int semicut;  /* a ';' after a value ends a runnable statement, a comment cuts the tail */
};

struct ma_sql_state {
	int expect_op; /* 1: an operator is expected (an operand came last) */
	int stmt_start;
	int lenient; /* inside a statement this grammar does not follow (DROP ...) */
	int clause, depth;
	uint8_t cstack[32]; /* the clause outside each open parenthesis */
	int after_is;
	int valid;
	const struct ma_sql_tok *prev; /* the previous significant token */
	int prev_kw;
	/* PostgreSQL's '[' open since the place (ma_sql_step) and the clause
	 * outside the outermost: inside, the clause is none (ARRAY[1, 2]'s
	 * commas separate elements, not WHERE a, b; in the struct's padding) */
	uint8_t bracket, bclause;
};

static const struct ma_sql_tok *ma_next_sig(const struct ma_sql_tok *w, int n, int i)
{
	for (i++; i < n; i++)
		if (w[i].type != MA_SQL_T_COMMENT)
			return &w[i];
	return NULL;
}

/*
 * What one scan of an input's bytes tells the rules that ask before they
 * lex it (session 18: one table and one scan for both): whether the
 * attempt rule can fire on any reading of it (ma_sql_attempt, strictly
 * and loosely) and whether the number-place pass can (ma_num_judge). The
 * public check keeps the answer per form of an input (ma_sql_memo's sum),
 * made at the first place that asks.
 *
 * The attempt rule cannot fire without a word of two letters or more
 * (every keyword, listed function and catalog name has two adjacent
 * letters), ';', @@ or a / * comment (MySQL's / *!) -- or, loosely, ||
 * or && with a comparison, a '(' or a '{' (a condition that compares or
 * calls after them: f.logic 2; without a word, '(' starts none of the
 * structures). The number-place pass cannot fire without a letter (the
 * first byte of a word it takes) or the first byte of a comparison or of
 * MySQL's || (= < > ! |): 2+2, -1, 19.99 add none.
 */
#define MA_SQL_B_SIGN    1u /* a word, ';', @@, / *: the attempt, strictly */
#define MA_SQL_B_LOOSE   2u /* SIGN, or || / && with = < > ! ( {: the attempt, loosely */
#define MA_SQL_B_NUM     4u /* a letter, '_', = < > ! |: the number-place pass */
#define MA_SQL_B_ALL     (MA_SQL_B_SIGN | MA_SQL_B_LOOSE | MA_SQL_B_NUM)
#define MA_SQL_B_UNKNOWN (8u | MA_SQL_B_ALL) /* not scanned yet: every answer may hold */
/* Kept beside them once the bits are known (session 19, ma_num_names):
 * whether the names the input adds in a number place are all written by
 * the statement before the input's first place (YES) or not (NO). */
#define MA_SQL_B_NAMES_YES 16u
#define MA_SQL_B_NAMES_NO  32u

/* The bytes the scan looks at, a bit per question (the byte loop's table;
 * the number-place pass asks it of a token's first byte). */
#define MA_SQL_C_WORD 1  /* a letter or '_' */
#define MA_SQL_C_CMP  2  /* = < > ! (the first bytes of comparisons) */
#define MA_SQL_C_PIPE 4  /* | */
#define MA_SQL_C_OPEN 8  /* ( { */
#define MA_SQL_C_PAIR 16 /* ; @ / & (looked at with the byte after) */
static const unsigned char ma_sql_byte[256] = {
    [';'] = MA_SQL_C_PAIR, ['@'] = MA_SQL_C_PAIR, ['/'] = MA_SQL_C_PAIR, ['&'] = MA_SQL_C_PAIR,
    ['('] = MA_SQL_C_OPEN, ['{'] = MA_SQL_C_OPEN, ['|'] = MA_SQL_C_PIPE, ['='] = MA_SQL_C_CMP,
    ['<'] = MA_SQL_C_CMP,  ['>'] = MA_SQL_C_CMP,  ['!'] = MA_SQL_C_CMP,  ['_'] = MA_SQL_C_WORD,
    ['a'] = MA_SQL_C_WORD, ['b'] = MA_SQL_C_WORD, ['c'] = MA_SQL_C_WORD, ['d'] = MA_SQL_C_WORD,
    ['e'] = MA_SQL_C_WORD, ['f'] = MA_SQL_C_WORD, ['g'] = MA_SQL_C_WORD, ['h'] = MA_SQL_C_WORD,
    ['i'] = MA_SQL_C_WORD, ['j'] = MA_SQL_C_WORD, ['k'] = MA_SQL_C_WORD, ['l'] = MA_SQL_C_WORD,
    ['m'] = MA_SQL_C_WORD, ['n'] = MA_SQL_C_WORD, ['o'] = MA_SQL_C_WORD, ['p'] = MA_SQL_C_WORD,
    ['q'] = MA_SQL_C_WORD, ['r'] = MA_SQL_C_WORD, ['s'] = MA_SQL_C_WORD, ['t'] = MA_SQL_C_WORD,
    ['u'] = MA_SQL_C_WORD, ['v'] = MA_SQL_C_WORD, ['w'] = MA_SQL_C_WORD, ['x'] = MA_SQL_C_WORD,
    ['y'] = MA_SQL_C_WORD, ['z'] = MA_SQL_C_WORD, ['A'] = MA_SQL_C_WORD, ['B'] = MA_SQL_C_WORD,
    ['C'] = MA_SQL_C_WORD, ['D'] = MA_SQL_C_WORD, ['E'] = MA_SQL_C_WORD, ['F'] = MA_SQL_C_WORD,
    ['G'] = MA_SQL_C_WORD, ['H'] = MA_SQL_C_WORD, ['I'] = MA_SQL_C_WORD, ['J'] = MA_SQL_C_WORD,
    ['K'] = MA_SQL_C_WORD, ['L'] = MA_SQL_C_WORD, ['M'] = MA_SQL_C_WORD, ['N'] = MA_SQL_C_WORD,
    ['O'] = MA_SQL_C_WORD, ['P'] = MA_SQL_C_WORD, ['Q'] = MA_SQL_C_WORD, ['R'] = MA_SQL_C_WORD,
    ['S'] = MA_SQL_C_WORD, ['T'] = MA_SQL_C_WORD, ['U'] = MA_SQL_C_WORD, ['V'] = MA_SQL_C_WORD,
    ['W'] = MA_SQL_C_WORD, ['X'] = MA_SQL_C_WORD, ['Y'] = MA_SQL_C_WORD, ['Z'] = MA_SQL_C_WORD,
};

/* The MA_SQL_B_* bits of the n bytes at x, a byte at a time (short
 * inputs, and the unit tests' reference for ma_sql_bytes_sum below). */
static unsigned ma_sql_bytes_sum_bytes(const char *x, size_t n)
{
	const unsigned char *u = (const unsigned char *)x;
	unsigned bits = 0;
	int word = 0, logical = 0, compare = 0;

	for (size_t i = 0; i < n; i++) {
		const unsigned char c = u[i], k = ma_sql_byte[c];
		unsigned char d;
		if (k & MA_SQL_C_WORD) {
			if (word)
				return MA_SQL_B_ALL; /* two letters in a row */
			word = 1;
			bits |= MA_SQL_B_NUM;
			continue;
		}
		word = 0;
		if (!k)
			continue;
		if (k & (MA_SQL_C_CMP | MA_SQL_C_PIPE))
			bits |= MA_SQL_B_NUM;
		if (k & (MA_SQL_C_CMP | MA_SQL_C_OPEN))
			compare = 1;
		d = i + 1 < n ? u[i + 1] : 0;
		switch (c) {
		case ';':
			bits |= MA_SQL_B_SIGN;
			break;
		case '@':
		case '/':
			if (d == (c == '@' ? '@' : '*'))
				bits |= MA_SQL_B_SIGN;
			break;
		case '|':
		case '&':
			logical |= d == c;
			break;
		default:
			break;
		}
	}
	if ((bits & MA_SQL_B_SIGN) || (logical && compare))
		bits |= MA_SQL_B_LOOSE;
	return bits;
}

/* ma_sql_bytes_sum_bytes many bytes at a time: windows of sixteen (SSE2)
 * or eight (SWAR) bytes, each beside the bytes one further on (the byte
 * after each), and the masks of letters carried from one window to the
 * next; the last window ends with x (it may overlap the one before).
 * Inputs shorter than one window go a byte at a time. */
#ifdef MA_SQL_SSE2
/* One window: the sixteen bytes at p (last: they end the input, the byte
 * after the last is none; else it is read). carry: 1 when the byte before
 * p is a letter or '_' (the window's last is returned in it). 1 when two
 * letters stand in a row (every answer holds); else what it holds is
 * added to the accumulators, as bytes of all ones, where a byte of
 * 0x3b..0x7c (; < = > @, letters, _, { | and a few more) or one of ! & /
 * says there is anything (a window of digits, spaces, quotes, %-escapes,
 * + - ( costs that test alone), and past the letters only where a byte
 * other than a letter does. ('(' is looked for by the caller, only where
 * it counts: after || or &&.) */
static inline __attribute__((always_inline)) int ma_sql_sum16(const unsigned char *p, int last,
                                                              unsigned *carry, __m128i *sign,
                                                              __m128i *logical, __m128i *compare,
                                                              __m128i *num)
{
	const __m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i bang = _mm_cmpeq_epi8(w, _mm_set1_epi8('!'));
	const __m128i amp = _mm_cmpeq_epi8(w, _mm_set1_epi8('&'));
	const __m128i slash = _mm_cmpeq_epi8(w, _mm_set1_epi8('/'));
	__m128i t, any, let, nx, same, cmp, pipe;
	unsigned l;

	t = _mm_add_epi8(w, _mm_set1_epi8((char)(0x80 - 0x3b)));
	any = _mm_or_si128(_mm_cmplt_epi8(t, _mm_set1_epi8((char)(0x80 + 0x7c - 0x3b + 1))),
	                   _mm_or_si128(bang, _mm_or_si128(amp, slash)));
	if (!_mm_movemask_epi8(any)) {
		*carry = 0;
		return 0;
	}
	/* a letter: (b | 0x20) - 'a' below 26, as signed bytes from -128 */
	t = _mm_add_epi8(_mm_or_si128(w, _mm_set1_epi8(0x20)), _mm_set1_epi8((char)(0x80 - 'a')));
	let = _mm_or_si128(_mm_cmplt_epi8(t, _mm_set1_epi8((char)(0x80 + 26))),
	                   _mm_cmpeq_epi8(w, _mm_set1_epi8('_')));
	l = (unsigned)_mm_movemask_epi8(let);
	if (l & ((l << 1) | *carry))
		return 1;
	*carry = l >> 15;
	*num = _mm_or_si128(*num, let);
	if (!_mm_movemask_epi8(_mm_andnot_si128(let, any)))
		return 0;
	nx = last ? _mm_srli_si128(w, 1) : _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	same = _mm_cmpeq_epi8(w, nx); /* a byte twice: @@ || && */
	pipe = _mm_cmpeq_epi8(w, _mm_set1_epi8('|'));
	*sign = _mm_or_si128(
	    *sign, _mm_or_si128(
	               _mm_cmpeq_epi8(w, _mm_set1_epi8(';')),
	               _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('@')), same),
	                            _mm_and_si128(slash, _mm_cmpeq_epi8(nx, _mm_set1_epi8('*'))))));
	*logical = _mm_or_si128(*logical, _mm_and_si128(_mm_or_si128(pipe, amp), same));
	/* < = > are 0x3c..0x3e */
	t = _mm_add_epi8(w, _mm_set1_epi8((char)(0x80 - '<')));
	cmp = _mm_or_si128(_mm_cmplt_epi8(t, _mm_set1_epi8((char)(0x80 + 3))), bang);
	*compare = _mm_or_si128(*compare, _mm_or_si128(cmp, _mm_cmpeq_epi8(w, _mm_set1_epi8('{'))));
	*num = _mm_or_si128(*num, _mm_or_si128(cmp, pipe));
	return 0;
}

static unsigned ma_sql_bytes_sum(const char *x, size_t n)
{
	const unsigned char *u = (const unsigned char *)x;
	__m128i sign = _mm_setzero_si128(), logical = sign, compare = sign, num = sign;
	unsigned carry = 0, bits;
	size_t i;

	if (n < 16)
		return ma_sql_bytes_sum_bytes(x, n);
	/* (i < n - 16: the byte after the window's last is read) */
	for (i = 0; i < n - 16; i += 16)
		if (ma_sql_sum16(u + i, 0, &carry, &sign, &logical, &compare, &num))
			return MA_SQL_B_ALL;
	/* the last window, from n - 16 (i, or before it: the letters before
	 * it were carried only when it starts at i) */
	if (i != n - 16)
		carry = 0;
	if (ma_sql_sum16(u + n - 16, 1, &carry, &sign, &logical, &compare, &num))
		return MA_SQL_B_ALL;
	bits = _mm_movemask_epi8(num) ? MA_SQL_B_NUM : 0;
	if (_mm_movemask_epi8(sign))
		bits |= MA_SQL_B_SIGN | MA_SQL_B_LOOSE;
	else if (_mm_movemask_epi8(logical) &&
	         (_mm_movemask_epi8(compare) || memchr(x, '(', n) != NULL))
		bits |= MA_SQL_B_LOOSE;
	return bits;
}
#else
#define MA_SQL_ONES  0x0101010101010101ULL
#define MA_SQL_HIGHS 0x8080808080808080ULL

/* The high bit of each byte of the result is set where the byte of the
 * 7-bit bytes y7 is c (exactly: no borrow crosses bytes), among the bytes
 * whose high bit lo holds (those below 0x80). */
static inline uint64_t ma_sql_swar_eq(uint64_t y7, uint64_t lo, unsigned char c)
{
	return ~((y7 ^ (MA_SQL_ONES * c)) + MA_SQL_ONES * 0x7f) & lo;
}

/* The same where the byte is in [a, b] (b < 0x80). */
static inline uint64_t ma_sql_swar_in(uint64_t y7, uint64_t lo, unsigned char a, unsigned char b)
{
	return (y7 + MA_SQL_ONES * (0x80 - a)) & ~(y7 + MA_SQL_ONES * (0x7f - b)) & lo;
}

/* ma_sql_sum16 on the eight bytes at p, the first in the lowest bits
 * (b >> 8: the byte after each; the byte after the last is next, or 0).
 * carry: the high bit of the letters' mask of the window before. */
static inline __attribute__((always_inline)) int ma_sql_sum8(const unsigned char *p, uint64_t next,
                                                             uint64_t *carry, uint64_t *sign,
                                                             uint64_t *logical, uint64_t *compare,
                                                             uint64_t *num)
{
	uint64_t w, y7, lo, let, at, sl, pipe, amp, cmp, nw;

	memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	nw = w >> 8 | next << 56; /* the byte after each */
	y7 = w & ~MA_SQL_HIGHS;
	lo = ~w & MA_SQL_HIGHS;
	let = ma_sql_swar_in(y7 | MA_SQL_ONES * 0x20, lo, 'a', 'z') | ma_sql_swar_eq(y7, lo, '_');
	if (let & ((let << 8) | *carry))
		return 1;
	*carry = let >> 56;
	at = ma_sql_swar_eq(y7, lo, '@');
	sl = ma_sql_swar_eq(y7, lo, '/');
	pipe = ma_sql_swar_eq(y7, lo, '|');
	amp = ma_sql_swar_eq(y7, lo, '&');
	cmp = ma_sql_swar_in(y7, lo, '<', '>') | ma_sql_swar_eq(y7, lo, '!');
	*compare |= cmp | ma_sql_swar_eq(y7, lo, '(') | ma_sql_swar_eq(y7, lo, '{');
	*sign |= ma_sql_swar_eq(y7, lo, ';');
	/* the byte after each */
	y7 = nw & ~MA_SQL_HIGHS;
	lo = ~nw & MA_SQL_HIGHS;
	*sign |= (at & ma_sql_swar_eq(y7, lo, '@')) | (sl & ma_sql_swar_eq(y7, lo, '*'));
	*logical |= (pipe & ma_sql_swar_eq(y7, lo, '|')) | (amp & ma_sql_swar_eq(y7, lo, '&'));
	*num |= let | cmp | pipe;
	return 0;
}

static unsigned ma_sql_bytes_sum(const char *x, size_t n)
{
	const unsigned char *u = (const unsigned char *)x;
	uint64_t carry = 0, sign = 0, logical = 0, compare = 0, num = 0;
	unsigned bits;
	size_t i;

	if (n < 8)
		return ma_sql_bytes_sum_bytes(x, n);
	for (i = 0; i + 8 < n; i += 8)
		if (ma_sql_sum8(u + i, u[i + 8], &carry, &sign, &logical, &compare, &num))
			return MA_SQL_B_ALL;
	/* the last window, from n - 8 (as ma_sql_bytes_sum's SSE2 one) */
	if (i + 8 != n)
		carry = 0;
	if (ma_sql_sum8(u + n - 8, 0, &carry, &sign, &logical, &compare, &num))
		return MA_SQL_B_ALL;
	bits = num ? MA_SQL_B_NUM : 0;
	if (sign)
		bits |= MA_SQL_B_SIGN | MA_SQL_B_LOOSE;
	else if (logical && compare)
		bits |= MA_SQL_B_LOOSE;
	return bits;
}
#endif

/* The bits of the n bytes at x, kept in *sum (MA_SQL_B_UNKNOWN until the
 * first call; NULL: none kept). */
static inline unsigned ma_sql_sum_of(unsigned *sum, const char *x, size_t n)
{
	if (!sum)
		return ma_sql_bytes_sum(x, n);
	if (*sum == MA_SQL_B_UNKNOWN)
		*sum = ma_sql_bytes_sum(x, n);
	return *sum;
}

/*
 * Number places (session 17). Where a number goes (id = _, IN (_),
 * VALUES (_), BETWEEN _), an input that starts with a number of its own
 * (since session 18 also the name compared there) and adds
 * a comparison, IS, NOT, LIKE, IN, BETWEEN, OR, XOR or MySQL's ||
 * changes the condition's structure: id = 1<>2 is (id = 1) <> 2, true for
 * every row in SQLite and MySQL; 1 or id is every row whose id is not 0.
 * Judged by ma_num_judge in a pass of its own, after the window's loop
 * (its state final), only where the cheap preconditions hold, so that
 * the loop itself carries no state for it.
 */

/* A word that compares, or joins a condition that can widen the one
 * before it, where it follows an operand: LIKE, IN, BETWEEN, IS, NOT (NOT
 * LIKE, SQLite's NOT NULL), ISNULL ..., OR and XOR. (AND only narrows the
 * statement's own comparison it binds to: 1 AND id selects what 1 does;
 * AND before a comparison or a call is a condition already, f.logic.) */
static int ma_kw_condition(int kw)
{
	switch (kw) {
	case KW_OR:
	case KW_XOR:
	case KW_NOT:
	case KW_LIKE:
	case KW_ILIKE:
	case KW_RLIKE:
	case KW_REGEXP:
	case KW_GLOB:
	case KW_SIMILAR:
	case KW_SOUNDS:
	case KW_IN:
	case KW_BETWEEN:
	case KW_IS:
	case KW_ISNULL:
	case KW_NOTNULL:
		return 1;
	default:
		return 0;
	}
}

/* 1 when c can start a comparison (= < > ! <> <=>) or MySQL's || */
static inline int ma_num_op_byte(char c)
{
	return (ma_sql_byte[(unsigned char)c] & (MA_SQL_C_CMP | MA_SQL_C_PIPE)) != 0;
}

/* A name (a word that is no keyword, or a quoted name) t of an input in a
 * number place is one the statement compares there: the name written
 * right before the comparison prev before the place (id in "id = 1 or
 * id", "t.id = ", "`id` = "), compared without case, read from the
 * statement's bytes (whitespace between; a comment there makes it
 * unknown). Any other name (10 OR LESS, 5/TARGET="_BLANK", a query
 * string's a=1&b=2) may be English or a pasted URL: the number place's
 * rule then does not apply. */
static int ma_num_name_known(const char *sql, const struct ma_sql_tok *t,
                             const struct ma_sql_tok *prev)
{
	size_t e = prev->start, p, n = t->end - t->start;

	if (prev->type != MA_SQL_T_OP || !ma_op_comparison(sql, prev))
		return 0;
	while (e > 0 && (sql[e - 1] == ' ' || sql[e - 1] == '\t' || sql[e - 1] == '\n' ||
	                 sql[e - 1] == '\r'))
		e--;
	p = e;
	if (p > 0 && (sql[p - 1] == '"' || sql[p - 1] == '`')) {
		const char q = sql[--p];
		while (p > 0 && sql[p - 1] != q)
			p--;
		if (p == 0)
			return 0;
		p--;
	} else {
		while (p > 0 && (((sql[p - 1] | 0x20) >= 'a' && (sql[p - 1] | 0x20) <= 'z') ||
		                 (sql[p - 1] >= '0' && sql[p - 1] <= '9') || sql[p - 1] == '_'))
			p--;
	}
	return e - p == n && n > 0 && strncasecmp(sql + t->start, sql + p, n) == 0;
}

/* 1 when c may continue a name (letters, digits, '_', '$', bytes of
 * UTF-8 beyond ASCII) */
static inline int ma_sql_name_byte(char c)
{
	const unsigned char u = (unsigned char)c;
	return ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || (u >= '0' && u <= '9') || u == '_' ||
	       u == '$' || u >= 0x80;
}

/* 1 when the n bytes at w are a word of sql's first end bytes, without
 * case (not part of a longer name: sql[end] is read when end < len). */
static int ma_num_word_before(const char *sql, size_t len, size_t end, const char *w, size_t n)
{
	const char lo = (char)tolower((unsigned char)w[0]), up = (char)toupper((unsigned char)w[0]);
	const char *pl = NULL, *pu = NULL;
	size_t from = 0;

	if (n > end)
		return 0;
	/* the candidates: each case of the first byte, found by memchr */
	while (from + n <= end) {
		const char *c;
		size_t p;
		if (!pl || pl < sql + from)
			pl = memchr(sql + from, lo, end - n + 1 - from);
		if (!pu || pu < sql + from)
			pu = lo == up ? pl : memchr(sql + from, up, end - n + 1 - from);
		c = !pl ? pu : !pu ? pl : pl < pu ? pl : pu;
		if (!c)
			return 0;
		p = (size_t)(c - sql);
		if (!(p > 0 && ma_sql_name_byte(sql[p - 1])) &&
		    !(p + n < len && ma_sql_name_byte(sql[p + n])) && strncasecmp(c, w, n) == 0)
			return 1;
		from = p + 1;
	}
	return 0;
}

/* The names nm (k of them, at most two: tokens of the window w) that an
 * input [a, b) adds in a number place besides the one compared there
 * (1 or price after id =) are columns when the statement itself writes
 * each before the input's first place (SELECT id, name, price FROM ...
 * WHERE id = 1 or price: every row whose price is not 0); English (10 or
 * less) and a pasted URL's names (42&page=2) are words it does not
 * write. The answer depends on the input's bytes alone (its first place
 * is the first occurrence of them), so it is kept per form in *sum (may
 * be NULL: made here) and the statement is searched once per form. */
static __attribute__((noinline)) int ma_num_names(const char *sql, size_t len, size_t a, size_t b,
                                                  const struct ma_sql_tok *w, const int *nm, int k,
                                                  unsigned *sum)
{
	const char *first;
	size_t end;
	int yes = 1;

	if (sum && (*sum & (MA_SQL_B_NAMES_YES | MA_SQL_B_NAMES_NO)))
		return (*sum & MA_SQL_B_NAMES_YES) != 0;
	first = memmem(sql, b, sql + a, b - a);
	end = first ? (size_t)(first - sql) : a;
	for (int j = 0; j < k && yes; j++) {
		const struct ma_sql_tok *t = &w[nm[j]];
		size_t s = t->start, e = t->end;
		if (t->type == MA_SQL_T_QIDENT && e - s >= 2) {
			s++;
			e--;
		}
		yes = e > s && ma_num_word_before(sql, len, end, sql + s, e - s);
	}
	if (sum)
		*sum |= yes ? MA_SQL_B_NAMES_YES : MA_SQL_B_NAMES_NO;
	return yes;
}

/* A word t of an input that starts with a literal in a number place
 * (ma_num_place's 2) may stand there: a word of the condition (OR, IS,
 * NOT, LIKE, IN ..., AND, IS DISTINCT FROM), NULL, TRUE, FALSE or the
 * name compared there. */
static int ma_num_str_word(const char *sql, const struct ma_sql_tok *t,
                           const struct ma_sql_tok *prev)
{
	const int kw = ma_tok_kw(sql, t);

	return ma_kw_condition(kw) || kw == KW_AND || kw == KW_NULL || kw == KW_TRUE ||
	       kw == KW_FALSE || kw == KW_DISTINCT || kw == KW_FROM ||
	       (kw == KW_NONE && ma_num_name_known(sql, t, prev));
}

/* 1 when t is a sign: a one-byte '-' or '+' */
static inline int ma_sign_tok(const char *sql, const struct ma_sql_tok *t)
{
	return t->type == MA_SQL_T_OP && t->end - t->start == 1 &&
	       (sql[t->start] == '-' || sql[t->start] == '+');
}

/* 1 when an input whose first significant token is w[i] (starting at or
 * after its place, where a value is expected: not after a relaxed start)
 * stands in a number place: after a comparison, '(' or ',' (id = _, IN
 * (_), VALUES (_), f(_)) or a word that takes a value (BETWEEN, LIKE,
 * LIMIT, THEN ...), not after a word that starts a condition (WHERE,
 * AND, NOT: an application may put a condition there), and its first
 * operand, after at most three of '(' '-' '+', is a number it writes or
 * the name compared there (session 18: id = id>0 in MySQL, id = id<>0 in
 * SQLite and MySQL: every row) (b: its end); 2 when it is a string the
 * input opens and closes (session 19: id = 'a'<>'b', judged stricter by
 * ma_num_judge: a tautology of the input's own literals), or NULL, TRUE,
 * FALSE or CAST( (session 20: id = NULL IS NULL). */
static __attribute__((noinline)) int ma_num_place(const char *sql, const struct ma_sql_tok *prev,
                                                  int prev_kw, const struct ma_sql_tok *w, int n,
                                                  int i, size_t b)
{
	switch (prev->type) {
	case MA_SQL_T_OP:
		if (!ma_num_op_byte(sql[prev->start]) || !ma_op_comparison(sql, prev))
			return 0; /* (x + _: arithmetic the statement does) */
		break;
	case MA_SQL_T_LPAREN:
	case MA_SQL_T_COMMA:
		break;
	case MA_SQL_T_WORD:
		if (prev_kw == KW_AND || prev_kw == KW_OR || prev_kw == KW_XOR ||
		    prev_kw == KW_NOT ||
		    !(ma_kw_binop(prev_kw) || prev_kw == KW_LIMIT || prev_kw == KW_OFFSET ||
		      prev_kw == KW_THEN || prev_kw == KW_ELSE))
			return 0;
		break;
	default:
		return 0;
	}
	for (int k = 0; k < 4 && i < n && w[i].start < b; k++) {
		const struct ma_sql_tok *t = &w[i];
		int kw;
		if (t->type == MA_SQL_T_NUMBER)
			return 1;
		if (t->type == MA_SQL_T_STRING) /* a string the input opens and closes */
			return t->end <= b && !(t->flags & MA_SQL_F_UNTERMINATED) ? 2 : 0;
		kw = t->type == MA_SQL_T_WORD ? ma_tok_kw(sql, t) : KW_NONE;
		/* another literal of its own: NULL, TRUE, FALSE, CAST(... AS ...) */
		if (kw == KW_NULL || kw == KW_TRUE || kw == KW_FALSE)
			return t->end <= b ? 2 : 0;
		if (t->type == MA_SQL_T_WORD && kw == KW_NONE && t->end - t->start == 4 &&
		    strncasecmp(sql + t->start, "cast", 4) == 0) {
			const struct ma_sql_tok *u = ma_next_sig(w, n, i);
			return u && u->type == MA_SQL_T_LPAREN && u->end <= b ? 2 : 0;
		}
		if (t->type == MA_SQL_T_QIDENT || (t->type == MA_SQL_T_WORD && kw == KW_NONE))
			return ma_num_name_known(sql, t, prev);
		if (t->type != MA_SQL_T_LPAREN && !ma_sign_tok(sql, t))
			return 0;
		t = ma_next_sig(w, n, i);
		if (!t)
			return 0;
		i = (int)(t - w);
	}
	return 0;
}

/* The number-place pass: 1 when the input [a, b), whose first significant
 * token is one of the window w's (n tokens) and not after a relaxed start,
 * stands in a number place after prev (ma_num_place), adds a comparison,
 * one of ma_kw_condition's words or MySQL's || and holds no name but the
 * one compared there and at most two more the statement writes before
 * the input (ma_num_names: 1 or price; SQLite's rowid, oid, _rowid_
 * always). Starting with a literal, it must write a comparison whose
 * value its literals fix and that holds for every row
 * (ma_sql_lit_holds), every token its own and no word but a condition's.
 * Called after the window's loop (its state final), only where nothing
 * else fired, behind a test of prev's type in the caller (the caller
 * checks that the rest of the statement runs). sum (may be NULL): the
 * input's MA_SQL_B_* kept (made here when unknown). */
static __attribute__((noinline)) int ma_num_judge(int dialect, const char *sql, size_t len,
                                                  size_t a, size_t b, const struct ma_sql_tok *w,
                                                  int n, const struct ma_sql_tok *prev,
                                                  unsigned *sum)
{
	const struct ma_sql_tok *first =
	    w[0].type == MA_SQL_T_COMMENT ? ma_next_sig(w, n, 0) : &w[0];
	int hit = 0, i, prev_kw, place, nm[2], k = 0;

	/* (a cursor without a previous token has a zeroed one: no type here) */
	if ((sum && !(*sum & MA_SQL_B_NUM)) || !first || first->start < a ||
	    (prev->type == MA_SQL_T_OP
	         ? !ma_num_op_byte(sql[prev->start])
	         : prev->type != MA_SQL_T_LPAREN && prev->type != MA_SQL_T_COMMA &&
	               prev->type != MA_SQL_T_WORD))
		return 0;
	prev_kw = ma_tok_kw(sql, prev);
	i = (int)(first - w);
	if (ma_is_operand_tok(prev, prev_kw))
		return 0;
	place = ma_num_place(sql, prev, prev_kw, w, n, i, b);
	if (!place || !(ma_sql_sum_of(sum, sql + a, b - a) & MA_SQL_B_NUM))
		return 0;
	/* a literal first: the comparison it writes must hold for every row
	 * (ma_sql_lit_holds); its tokens (a CAST's words) are the input's own,
	 * and the loop reads those after it */
	if (place == 2) {
		if (!ma_sql_lit_holds(dialect, sql, len, w, n, i, b, prev, &i))
			return 0;
		hit = 1;
	}
	for (; i < n && w[i].start < b; i++) {
		const struct ma_sql_tok *tk = &w[i];
		int kw;
		/* a string first (id = 'a'<>'b'): every token of the input's
		 * own making, none that runs past it, and no word but the
		 * condition's own (prose that quotes a word writes others) */
		if (place == 2 &&
		    (tk->end > b || (tk->type == MA_SQL_T_WORD && !ma_num_str_word(sql, tk, prev))))
			return 0;
		if (tk->type == MA_SQL_T_OP) {
			if (ma_num_op_byte(sql[tk->start]) &&
			    (ma_op_comparison(sql, tk) ||
			     (sql[tk->start] == '|' && ma_is_logical(dialect, sql, tk, KW_NONE))))
				hit = 1;
			continue;
		}
		if (tk->type == MA_SQL_T_QIDENT) {
			/* SQLite's "b" after a literal: a text there (ma_sql_lit) */
			if (place == 2 && dialect == MOAT_SQL_SQLITE && sql[tk->start] == '"' &&
			    tk->end <= b)
				continue;
			/* a name the statement does not compare here: another
			 * column only where the statement writes it (ma_num_names) */
			if (!ma_num_name_known(sql, tk, prev)) {
				if (place == 2 || k == 2 || tk->end > b)
					return 0;
				nm[k++] = i;
			}
			continue;
		}
		if (tk->type != MA_SQL_T_WORD)
			continue;
		kw = ma_tok_kw(sql, tk);
		if (kw == KW_NONE) {
			const struct ma_sql_tok *next = ma_next_sig(w, n, i);
			/* SQLite's rowid, oid, _rowid_: columns of every rowid
			 * table, written or not (1 or rowid: every row) */
			if (!(next && next->type == MA_SQL_T_LPAREN) &&
			    !ma_num_name_known(sql, tk, prev) &&
			    !(dialect == MOAT_SQL_SQLITE &&
			      ma_sql_lit_rowid(sql + tk->start, tk->end - tk->start))) {
				if (k == 2 || tk->end > b)
					return 0;
				nm[k++] = i;
			}
		} else if (ma_kw_condition(kw)) {
			hit = 1;
		}
	}
	return hit && (k == 0 || ma_num_names(sql, len, a, b, w, nm, k, sum));
}

/*
 * A number that closes the application's value (sqlfix2, session 33;
 * review25b). An input whose first operand is a number it writes (after
 * at most three of '(' '-' '+'), pasted where a value goes (after a
 * comparison or '=', '(' or ','), that
 *   1. in a SET clause, writes at its own depth ',' then a name and '='
 *      (`30, is_admin = 1` in "SET age = _": an assignment of its own), or
 *   2. closes a parenthesis the application opened before it (its depth
 *      drops below the place's) and then writes more tokens of its own
 *      (`3),(42, 1` in "VALUES (42, _)": rows of its own; `3) ON CONFLICT
 *      ... DO UPDATE SET role_id = (1`, MySQL's ON DUPLICATE KEY UPDATE:
 *      an upsert)
 * changes the statement's structure with no comment, UNION, subquery or
 * condition. A number, a sum, `(1+2)*3`, a list `1, 2, 3` (no '=' after a
 * comma, no parenthesis closed below the place) and `3)` with nothing
 * after it write none. Reads prev, the clause at the place and the
 * window's tokens inside [a, b) only (the place memo's key holds all
 * three: sqlcost11's ma_sql_place_same) and depth, the application's
 * parentheses open at the place (the cursor's; 0: a ')' of the input's
 * closes none of them -- `1),(1` after "id = " is a syntax error, which
 * libinjection's false positives hold). Returns 1 (assignment), 2
 * (structure after a closed parenthesis) or 0.
 */
static __attribute__((noinline)) int ma_num_breakout(const char *sql, size_t a, size_t b,
                                                     const struct ma_sql_tok *w, int n,
                                                     const struct ma_sql_tok *prev, int clause,
                                                     int depth)
{
	const struct ma_sql_tok *first =
	    w[0].type == MA_SQL_T_COMMENT ? ma_next_sig(w, n, 0) : &w[0];
	int i, d = 0, closed = 0, k;

#ifdef MA_SQL_BRK_COUNT /* (test_agent_sqlcost12: the calls) */
	MA_SQL_BRK_COUNT++;
#endif
	if (!first || first->start < a ||
	    !(prev->type == MA_SQL_T_LPAREN || prev->type == MA_SQL_T_COMMA ||
	      (prev->type == MA_SQL_T_OP && ma_op_comparison(sql, prev))) ||
	    !((depth > 0 && memchr(sql + a, ')', b - a)) ||
	      (clause == CL_SET && memchr(sql + a, ',', b - a))))
		return 0;
	/* the first operand: a number, after at most three of ( - + */
	i = (int)(first - w);
	for (k = 0; k < 4 && i < n && w[i].start < b && w[i].type != MA_SQL_T_NUMBER; k++) {
		const struct ma_sql_tok *t = &w[i];
		if (t->type == MA_SQL_T_LPAREN)
			d++;
		else if (!ma_sign_tok(sql, t))
			return 0;
		t = ma_next_sig(w, n, i);
		if (!t)
			return 0;
		i = (int)(t - w);
	}
	if (i >= n || w[i].type != MA_SQL_T_NUMBER || w[i].end > b)
		return 0;
	for (i++; i < n && w[i].start < b; i++) {
		const struct ma_sql_tok *t = &w[i];
		if (t->type == MA_SQL_T_COMMENT)
			continue;
		if (t->end > b)
			return 0; /* (a token that runs on past the input) */
		if (closed)
			return 2; /* a token of its own after the closed value */
		if (t->type == MA_SQL_T_LPAREN) {
			d++;
		} else if (t->type == MA_SQL_T_RPAREN) {
			if (--d < 0) {
				if (depth <= 0)
					return 0; /* (none of the application's open) */
				closed = 1;
			}
		} else if (t->type == MA_SQL_T_COMMA && d == 0 && clause == CL_SET) {
			/* , name [. name] = */
			const struct ma_sql_tok *u = ma_next_sig(w, n, i);
			int names = 0;
			while (u && u->end <= b &&
			       ((u->type == MA_SQL_T_WORD && ma_tok_kw(sql, u) == KW_NONE) ||
			        u->type == MA_SQL_T_QIDENT || (names && u->type == MA_SQL_T_DOT))) {
				names++;
				u = ma_next_sig(w, n, (int)(u - w));
			}
			if (names && u && u->end <= b && u->type == MA_SQL_T_OP &&
			    u->end - u->start == 1 && sql[u->start] == '=')
				return 1;
		}
	}
	return 0;
}

/* Columns where a value goes: ma_sql_col.c (ma_sql_col_judge). */

/* 1 when prev (prev_kw its keyword) may be a place where a value goes
 * after a column: a comparison, LIKE, ILIKE, RLIKE, REGEXP, GLOB, BETWEEN
 * or IN, IS [NOT], IS [NOT] DISTINCT FROM, AND (ma_col_left reads whether
 * it is BETWEEN's), or a '(' or '[' (ma_col_left reads whether IN, or
 * PostgreSQL's op ANY (ARRAY, is before it). */
static inline int ma_col_place(const char *sql, const struct ma_sql_tok *prev, int prev_kw)
{
	switch (prev->type) {
	case MA_SQL_T_OP:
		return ma_op_comparison(sql, prev);
	case MA_SQL_T_LPAREN:
		return 1;
	case MA_SQL_T_OTHER:
		return sql[prev->start] == '[';
	case MA_SQL_T_WORD:
		return prev_kw == KW_LIKE || prev_kw == KW_ILIKE || prev_kw == KW_RLIKE ||
		       prev_kw == KW_REGEXP || prev_kw == KW_GLOB || prev_kw == KW_BETWEEN ||
		       prev_kw == KW_IN || prev_kw == KW_IS || prev_kw == KW_NOT ||
		       prev_kw == KW_FROM || prev_kw == KW_AND; /* (BETWEEN _ AND: session 24) */
	default:
		return 0;
	}
}

/* 1 when the statement's token after an input (NULL: none) ends the
 * operand the input made: ')', ']', ',', ';', a comment or a keyword (AND,
 * ORDER, LIMIT ...), or the statement's end. */
static int ma_col_ends(const char *sql, const struct ma_sql_tok *after)
{
	if (!after)
		return 1;
	switch (after->type) {
	case MA_SQL_T_RPAREN:
	case MA_SQL_T_COMMA:
	case MA_SQL_T_SEMI:
	case MA_SQL_T_COMMENT:
		return 1;
	case MA_SQL_T_WORD:
		return ma_tok_kw(sql, after) != KW_NONE;
	case MA_SQL_T_OTHER:
		return sql[after->start] == ']'; /* (PostgreSQL's ARRAY[_]) */
	default:
		return 0;
	}
}

/* 1 when the input [a, b), whose first significant token is w[i] (of the
 * window w, n tokens), right after prev (prev_kw its keyword), is an
 * expression of the operand compared there that makes the comparison
 * hold for (nearly) every row (ma_sql_col_judge); after: the statement's
 * first token after it (NULL: none). The caller checks that the
 * statement still runs where it needs to. */
static __attribute__((noinline)) int ma_col_judge(int dialect, const char *sql, size_t a, size_t b,
                                                  const struct ma_sql_tok *w, int n, int i,
                                                  const struct ma_sql_tok *prev, int prev_kw,
                                                  const struct ma_sql_tok *after,
                                                  struct ma_col_memo *memo)
{
	return ma_col_place(sql, prev, prev_kw) && ma_col_ends(sql, after) &&
	       ma_sql_col_judge(dialect, sql, a, b, w, n, i, prev->end, memo);
}

int ma_sql_keyword(const char *w, size_t n)
{
	return ma_kw_id(w, n) != KW_NONE;
}
/* MySQL's ODBC escape { identifier expr } ({d '2020-01-01'}, {fn f()}):
 * '{' and '}' stand for parentheses there (sql_yacc.yy's simple_expr). */
static int ma_odbc_brace(int dialect, const char *sql, const struct ma_sql_tok *t, char c)
{
	return MA_SQL_MY(dialect) && t->type == MA_SQL_T_OTHER && t->end - t->start == 1 &&
	       sql[t->start] == c;
}

/* '{' that opens an ODBC escape: an identifier follows. */
static int ma_odbc_open(int dialect, const char *sql, const struct ma_sql_tok *t,
                        const struct ma_sql_tok *next)
{
	return ma_odbc_brace(dialect, sql, t, '{') && next && next->type == MA_SQL_T_WORD;
}

/* A word that makes one operand with the literal after it: MySQL's
 * character set introducers (_utf8mb4 'x', _binary 0x41: the names of
 * SHOW CHARACTER SET) and the standard typed literals DATE 'x', TIME 'x',
 * TIMESTAMP 'x' (MySQL, PostgreSQL; a name before a string in SQLite). */
static int ma_literal_prefix(int dialect, const char *sql, const struct ma_sql_tok *t,
                             const struct ma_sql_tok *next)
{
	static const char *const charsets[] = {
	    "armscii8", "ascii",   "big5",    "binary", "cp1250", "cp1251",  "cp1256",   "cp1257",
	    "cp850",    "cp852",   "cp866",   "cp932",  "dec8",   "eucjpms", "euckr",    "gb18030",
	    "gb2312",   "gbk",     "geostd8", "greek",  "hebrew", "hp8",     "keybcs2",  "koi8r",
	    "koi8u",    "latin1",  "latin2",  "latin5", "latin7", "macce",   "macroman", "sjis",
	    "swe7",     "tis620",  "ucs2",    "ujis",   "utf16",  "utf16le", "utf32",    "utf8",
	    "utf8mb3",  "utf8mb4", NULL};
	const char *w = sql + t->start;
	size_t n = t->end - t->start;

	if (!next || t->type != MA_SQL_T_WORD || dialect == MOAT_SQL_SQLITE)
		return 0;
	if (MA_SQL_MY(dialect) && n > 1 && w[0] == '_' &&
	    (next->type == MA_SQL_T_STRING || next->type == MA_SQL_T_NUMBER)) {
		for (int i = 0; charsets[i]; i++)
			if (ma_word_cmp(w + 1, n - 1, charsets[i]) == 0)
				return 1;
		return 0;
	}
	return next->type == MA_SQL_T_STRING &&
	       (ma_word_cmp(w, n, "date") == 0 || ma_word_cmp(w, n, "time") == 0 ||
	        ma_word_cmp(w, n, "timestamp") == 0);
}

/* 1 when the window loop's step over t reads only its state and t: no
 * keyword, name, parameter, comment or ';' (their rules look at the
 * tokens after them, up to the input's end), nor a byte no rule knows
 * (MySQL's '{' opens an ODBC escape when a name follows it: where the
 * window before ended after it, it did not). Their keyword is KW_NONE. */
#define MA_SQL_PLAIN_TYPES                                                                         \
	(1u << MA_SQL_T_STRING | 1u << MA_SQL_T_NUMBER | 1u << MA_SQL_T_OP |                       \
	 1u << MA_SQL_T_LPAREN | 1u << MA_SQL_T_RPAREN | 1u << MA_SQL_T_COMMA |                    \
	 1u << MA_SQL_T_DOT)
_Static_assert(MA_SQL_T_OTHER < 32, "a token type's bit fits in MA_SQL_PLAIN_TYPES");
static inline int ma_sql_tok_plain(const struct ma_sql_tok *t)
{
	return MA_SQL_PLAIN_TYPES >> t->type & 1u;
}

/* The grammar's step over an operand (a literal, a name, a parameter):
 * two operands in a row are an alias or literals put together, or
 * nothing that runs. */
static void ma_step_operand(struct ma_sql_state *st, int dialect, const struct ma_sql_tok *t,
                            int is_call)
{
	if (t->flags & MA_SQL_F_UNTERMINATED)
		st->valid = 0;
	if (st->expect_op) {
		int alias = (st->clause == CL_SELECT || st->clause == CL_FROM) &&
		            (t->type == MA_SQL_T_WORD || t->type == MA_SQL_T_QIDENT ||
		             (t->type == MA_SQL_T_STRING && MA_SQL_MY(dialect))) &&
		            !is_call;
		int concat =
		    t->type == MA_SQL_T_STRING && st->prev && st->prev->type == MA_SQL_T_STRING;
		if (!alias && !concat)
			st->valid = 0;
	}
	st->expect_op = 1;
}

static void ma_step_lparen(struct ma_sql_state *st)
{
	if (st->expect_op &&
	    !(st->prev && (st->prev->type == MA_SQL_T_WORD || st->prev->type == MA_SQL_T_QIDENT)))
		st->valid = 0;
	if (st->depth >= 0 && st->depth < 32)
		st->cstack[st->depth] = (uint8_t)st->clause;
	st->depth++;
	st->clause = CL_NONE;
	st->expect_op = 0;
}

static void ma_step_rparen(struct ma_sql_state *st)
{
	if (!st->expect_op && !(st->prev && st->prev->type == MA_SQL_T_LPAREN))
		st->valid = 0;
	st->depth--;
	st->clause = st->depth >= 0 && st->depth < 32 ? st->cstack[st->depth] : CL_NONE;
	st->expect_op = 1;
}

/* ma_sql_step for a plain token (ma_sql_tok_plain): the same changes of
 * the state, without the rules of words, ';' and the bytes no rule knows,
 * which cannot apply (no keyword, no call, no ODBC brace). The windows'
 * and the tail walks' most frequent step. */
static inline __attribute__((always_inline)) void
ma_sql_step_plain(struct ma_sql_state *st, int dialect, const char *sql, const struct ma_sql_tok *t)
{
	if (st->lenient)
		return; /* (only ';' ends it) */
	if (st->stmt_start && t->type != MA_SQL_T_LPAREN)
		st->valid = 0;
	if (st->after_is) {
		st->after_is = 0;
		if (dialect == MOAT_SQL_SQLITE &&
		    (t->type == MA_SQL_T_NUMBER || t->type == MA_SQL_T_STRING ||
		     ma_op_is(sql, t, "-") || ma_op_is(sql, t, "+"))) {
			st->expect_op = 0; /* SQLite's IS expr (ma_sql_step) */
		} else {
			st->valid = 0; /* not NULL, TRUE, FALSE, UNKNOWN, DISTINCT */
			st->expect_op = 1;
			return;
		}
	}
	switch (t->type) {
	case MA_SQL_T_STRING:
	case MA_SQL_T_NUMBER:
		ma_step_operand(st, dialect, t, 0);
		break;
	case MA_SQL_T_LPAREN:
		ma_step_lparen(st);
		break;
	case MA_SQL_T_RPAREN:
		ma_step_rparen(st);
		break;
	case MA_SQL_T_COMMA:
		if (!st->expect_op)
			st->valid = 0;
		if (st->clause == CL_WHERE)
			st->valid = 0; /* WHERE a, b */
		st->expect_op = 0;
		break;
	case MA_SQL_T_DOT:
		if (!st->expect_op)
			st->valid = 0;
		st->expect_op = 0;
		break;
	default: /* MA_SQL_T_OP */
		if (st->clause == CL_LIMIT)
			st->valid = 0; /* LIMIT 1 + 1 */
		if (!st->expect_op) {
			/* (ma_op_is of each: the one-byte operators) */
			char c = t->end - t->start == 1 ? sql[t->start] : 0;
			if (c == '*')
				st->expect_op = 1; /* SELECT *, COUNT(*), t.* */
			else if (!(c == '-' || c == '+' || c == '~' || c == '!' || c == '@'))
				st->valid = 0;
		} else {
			st->expect_op = 0;
		}
		break;
	}
	st->stmt_start = 0;
}

/* One significant token through the expression grammar. */
/* PostgreSQL's '[' (c) opens a bracket: inside, the clause is none (an
 * array's commas are its elements'); ']' closes one, and the outermost
 * gives back the clause outside it (*bclause). *bracket counts them up
 * to 255 and then stays there: past that many the count is lost, and the
 * rest of the statement reads as inside a bracket (its commas are
 * elements: a statement that runs, the reading under which the rules
 * that need one may fire), never as outside one too soon. */
static void ma_sql_bracket(uint8_t *bracket, uint8_t *bclause, int *clause, char c)
{
	if (c == '[') {
		if (*bracket == 0)
			*bclause = (uint8_t)*clause;
		if (*bracket < UINT8_MAX)
			++*bracket;
		*clause = CL_NONE;
	} else if (c == ']' && *bracket > 0 && *bracket < UINT8_MAX && --*bracket == 0) {
		*clause = *bclause;
	}
}

static void ma_sql_step(struct ma_sql_state *st, int dialect, const char *sql,
                        const struct ma_sql_tok *t, int kw, const struct ma_sql_tok *next)
{
	/* a name before '(' is a call; of the keywords only those that are
	 * also functions (IF(), LEFT(), REPLACE(), INSERT(), MOD(), SQLite's
	 * LIKE()); of those, the operators are the operator after an operand,
	 * parenthesis or not ('a' LIKE(0), 7 MOD(2): no call follows a value)
	 * (names only: other tokens are neither, and their kw is KW_NONE) */
	int is_call = 0, prev_binkw = 0;

	if (ma_sql_tok_plain(t)) {
		ma_sql_step_plain(st, dialect, sql, t);
		return;
	}
	if (t->type == MA_SQL_T_WORD || t->type == MA_SQL_T_QIDENT) {
		int op_fn = kw == KW_MOD || kw == KW_LIKE || kw == KW_GLOB || kw == KW_REGEXP ||
		            kw == KW_ISNULL; /* MySQL's ISNULL(x) */
		is_call = next && next->type == MA_SQL_T_LPAREN &&
		          (t->type == MA_SQL_T_QIDENT ||
		           (kw == KW_NONE || kw == KW_IF || kw == KW_LEFT || kw == KW_RIGHT ||
		            kw == KW_REPLACE || kw == KW_INSERT || (op_fn && !st->expect_op)));
		/* NOT LIKE, NOT IN, SOUNDS LIKE, SIMILAR TO: a word operator after another */
		prev_binkw = (st->prev_kw == KW_NOT || st->prev_kw == KW_SOUNDS ||
		              st->prev_kw == KW_SIMILAR) &&
		             (kw == KW_LIKE || kw == KW_ILIKE || kw == KW_RLIKE ||
		              kw == KW_REGEXP || kw == KW_GLOB || kw == KW_IN || kw == KW_BETWEEN ||
		              kw == KW_TO || kw == KW_SIMILAR);
	}
	(void)dialect;
	if (st->lenient) {
		if (t->type == MA_SQL_T_SEMI) {
			st->lenient = 0;
			st->expect_op = 0;
			st->stmt_start = 1;
			st->clause = CL_NONE;
		}
		return;
	}
	/* a statement starts with its keyword (or a parenthesis, or nothing) */
	if (st->stmt_start && t->type != MA_SQL_T_SEMI && t->type != MA_SQL_T_LPAREN &&
	    !(t->type == MA_SQL_T_WORD &&
	      (ma_kw_statement(kw) || kw == KW_SELECT || kw == KW_WITH || kw == KW_VALUES)))
		st->valid = 0;
	/* the word of a literal's prefix, and the identifier of an ODBC
	 * escape, change nothing: the literal or expression after them is
	 * the operand */
	if (!st->expect_op && t->type == MA_SQL_T_WORD &&
	    (ma_literal_prefix(dialect, sql, t, next) ||
	     (st->prev && ma_odbc_brace(dialect, sql, st->prev, '{')))) {
		st->stmt_start = 0;
		return;
	}
	if (st->prev_kw == KW_AS && t->type == MA_SQL_T_WORD) {
		st->expect_op = 1; /* AS BINARY, AS CHAR, AS "name": a type or an alias */
		st->stmt_start = 0;
		return;
	}
	if (st->after_is) {
		if (kw == KW_NOT)
			return;
		st->after_is = 0;
		if (dialect == MOAT_SQL_SQLITE &&
		    (t->type == MA_SQL_T_NUMBER || t->type == MA_SQL_T_STRING ||
		     ma_op_is(sql, t, "-") || ma_op_is(sql, t, "+"))) {
			/* SQLite: expr IS [NOT] expr, any expression; read here
			 * when it starts with a literal (IS 0, IS 'x', IS -1: on
			 * through the grammar). A name after IS stays English
			 * ("there is no", "apt is gated"), as in the others. */
			st->expect_op = 0;
		} else {
			if (kw != KW_NULL && kw != KW_TRUE && kw != KW_FALSE && kw != KW_UNKNOWN &&
			    kw != KW_DISTINCT)
				st->valid = 0;
			st->expect_op = 1;
			return;
		}
	}
	if (t->type == MA_SQL_T_WORD && kw != KW_NONE && !is_call) {
		int cl = ma_kw_clause(kw);
		if (ma_kw_statement(kw)) {
			if (!st->stmt_start && !(kw == KW_SET && st->expect_op))
				st->valid = 0;
			if (kw != KW_SET || st->stmt_start)
				st->lenient = 1;
		}
		switch (kw) {
		case KW_NULL:
		case KW_TRUE:
		case KW_FALSE:
		case KW_UNKNOWN:
			/* (SQLite's postfix x NOT NULL: NOT after an operand) */
			if (st->expect_op &&
			    !(kw == KW_NULL && dialect == MOAT_SQL_SQLITE && st->prev_kw == KW_NOT))
				st->valid = 0;
			st->expect_op = 1;
			break;
		case KW_ISNULL:
		case KW_NOTNULL:
			/* PostgreSQL's and SQLite's postfix x ISNULL, x NOTNULL
			 * (MySQL's ISNULL is a function: a call, above) */
			if (!st->expect_op || MA_SQL_MY(dialect))
				st->valid = 0;
			st->expect_op = 1;
			break;
		case KW_NOT:
		case KW_INTERVAL:
		case KW_BINARY:
		case KW_EXISTS:
		case KW_ALL:
		case KW_ANY:
		case KW_SOME:
		case KW_DISTINCT:
			if (!st->expect_op)
				break;
			if (kw == KW_NOT)
				break; /* NOT LIKE, NOT IN, NOT BETWEEN */
			if (kw == KW_BINARY)
				break;
			st->valid = 0;
			break;
		case KW_IS:
			if (!st->expect_op)
				st->valid = 0;
			st->after_is = 1;
			st->expect_op = 0;
			break;
		case KW_CASE:
			if (st->expect_op)
				st->valid = 0;
			break;
		case KW_WHEN:
		case KW_THEN:
		case KW_ELSE:
		case KW_AS:
		case KW_BY:
		case KW_USING:
		case KW_VALUES:
		case KW_OUTFILE:
		case KW_DUMPFILE:
		case KW_PARTITION:
		case KW_FOR:
		case KW_SEPARATOR:
		case KW_TOP:
			st->expect_op = 0;
			break;
		case KW_END:
		case KW_ASC:
		case KW_DESC:
			if (!st->expect_op)
				st->valid = 0;
			st->expect_op = 1;
			break;
		case KW_SELECT:
			if (st->expect_op ||
			    !(st->stmt_start || (st->prev && st->prev->type == MA_SQL_T_LPAREN) ||
			      st->prev_kw == KW_UNION || st->prev_kw == KW_ALL ||
			      st->prev_kw == KW_DISTINCT || st->prev_kw == KW_INTERSECT ||
			      st->prev_kw == KW_EXCEPT || st->prev_kw == KW_MINUS ||
			      st->prev_kw == KW_AS || st->prev_kw == KW_EXISTS))
				st->valid = 0;
			st->expect_op = 0;
			break;
		case KW_WITH:
			if (!st->stmt_start && st->expect_op == 0)
				st->valid = 0;
			st->expect_op = 0;
			break;
		case KW_UNION:
		case KW_INTERSECT:
		case KW_EXCEPT:
		case KW_MINUS: {
			int nk = next ? ma_tok_kw(sql, next) : KW_NONE;
			if (!next || !(next->type == MA_SQL_T_LPAREN || nk == KW_SELECT ||
			               nk == KW_ALL || nk == KW_DISTINCT))
				st->valid = 0;
			if (!st->expect_op)
				st->valid = 0;
			st->expect_op = 0;
			break;
		}
		case KW_ORDER:
		case KW_GROUP:
			if (!next || ma_tok_kw(sql, next) != KW_BY)
				st->valid = 0;
			if (!st->expect_op)
				st->valid = 0;
			st->expect_op = 0;
			break;
		case KW_ON:
			if (st->expect_op && st->clause == CL_VALUES && st->depth == 0 && next &&
			    (ma_word_cmp(sql + next->start, next->end - next->start, "conflict") ==
			         0 ||
			     ma_word_cmp(sql + next->start, next->end - next->start, "duplicate") ==
			         0)) {
				/* INSERT's ON CONFLICT ... (PostgreSQL, SQLite) and ON
				 * DUPLICATE KEY UPDATE ... (MySQL) after its VALUES: the
				 * rest of the statement is not read */
				st->lenient = 1;
				break;
			}
			if (!st->expect_op || st->clause != CL_FROM)
				st->valid = 0; /* ON only after a join */
			st->expect_op = 0;
			break;
		case KW_LIMIT:
		case KW_OFFSET:
			/* LIMIT takes numbers (or a parameter) only */
			if (!next ||
			    (next->type != MA_SQL_T_NUMBER && next->type != MA_SQL_T_PARAM))
				st->valid = 0;
			if (!st->expect_op && !st->lenient)
				st->valid = 0;
			st->expect_op = 0;
			break;
		case KW_FROM:
		case KW_WHERE:
		case KW_HAVING:
		case KW_INTO:
		case KW_JOIN:
		case KW_PROCEDURE:
		case KW_RETURNING:
			if (!st->expect_op && !st->lenient)
				st->valid = 0;
			st->expect_op = 0;
			break;
		case KW_INNER:
		case KW_LEFT:
		case KW_RIGHT:
		case KW_OUTER:
		case KW_CROSS:
		case KW_NATURAL: {
			int nk = next ? ma_tok_kw(sql, next) : KW_NONE;
			if (!st->expect_op || st->clause != CL_FROM ||
			    !(nk == KW_JOIN || nk == KW_OUTER || nk == KW_INNER || nk == KW_LEFT ||
			      nk == KW_RIGHT))
				st->valid = 0;
			break;
		}
		default:
			if (ma_kw_binop(kw)) {
				if ((!st->expect_op && !prev_binkw) || st->clause == CL_LIMIT)
					st->valid = 0;
				st->expect_op = 0;
			} else if (!ma_kw_statement(kw)) {
				st->expect_op = 0;
			}
			break;
		}
		if (cl >= 0)
			st->clause = cl;
		st->stmt_start = 0;
		return;
	}
	switch (ma_odbc_open(dialect, sql, t, next)   ? MA_SQL_T_LPAREN
	        : ma_odbc_brace(dialect, sql, t, '}') ? MA_SQL_T_RPAREN
	                                              : t->type) {
	case MA_SQL_T_WORD:
	case MA_SQL_T_QIDENT:
	case MA_SQL_T_PARAM:
		ma_step_operand(st, dialect, t, is_call);
		break;
	case MA_SQL_T_LPAREN: /* an ODBC '{' */
		ma_step_lparen(st);
		break;
	case MA_SQL_T_RPAREN: /* an ODBC '}' */
		ma_step_rparen(st);
		break;
	case MA_SQL_T_SEMI:
		if (!st->expect_op && !st->stmt_start)
			st->valid = 0;
		st->expect_op = 0;
		st->stmt_start = 1;
		st->clause = CL_NONE;
		return;
	case MA_SQL_T_OTHER:
		/* PostgreSQL's ARRAY[1, 2] and subscripts a[1], (x)[1:2],
		 * int[] (ARRAY is a name here): '[' after an operand or
		 * opening a nested list ([[1], [2]]), ']' after an operand or
		 * its '['. Not a parenthesis (the depth, which the tail's
		 * ')' bytes must close, stays), but inside, the clause is none:
		 * a top-level WHERE a = ARRAY[1, 2] does not read as WHERE a, b
		 * (session 18; a '[' opened before the input's place is not
		 * known here). */
		if (dialect == MOAT_SQL_POSTGRES && t->end - t->start == 1 &&
		    (sql[t->start] == '[' || sql[t->start] == ']')) {
			/* a slice's ':' (a[1:2], a[:2], a[1:], a[:]) stands
			 * beside a bound or a bracket */
			int after_open =
			    st->prev &&
			    ((st->prev->type == MA_SQL_T_OTHER && sql[st->prev->start] == '[') ||
			     (st->prev->type == MA_SQL_T_OP &&
			      st->prev->end - st->prev->start == 1 && sql[st->prev->start] == ':'));
			if (sql[t->start] == '[') {
				if (!st->expect_op && !after_open &&
				    !(st->prev && st->prev->type == MA_SQL_T_COMMA))
					st->valid = 0;
				ma_sql_bracket(&st->bracket, &st->bclause, &st->clause, '[');
				/* a[:2]: the ':' after '[' reads as after a lower bound */
				st->expect_op = next && next->type == MA_SQL_T_OP &&
				                next->end - next->start == 1 &&
				                sql[next->start] == ':';
			} else {
				if (!st->expect_op && !after_open)
					st->valid = 0;
				st->expect_op = 1;
				ma_sql_bracket(&st->bracket, &st->bclause, &st->clause, ']');
			}
		}
		break; /* any other: a byte no rule knows, neither way */
	default:
		break;
	}
	st->stmt_start = 0;
}

/*
 * After a ';' of the input, is win[j] the start of a statement? 1: one
 * that reads as SQL (SELECT, DECLARE @x, DROP TABLE, INSERT INTO, UPDATE
 * t SET, DELETE FROM, EXEC name, WAITFOR DELAY, SET x = ..., IF x = y
 * SELECT ..., DO (1=1), DO 'code'); 2: a
 * statement keyword whose statement this check does not read (judged with
 * the grammar); 0: none ("hi; show me more" is not a second statement).
 */
static int ma_stmt_plausible(const char *sql, const struct ma_sql_tok *w, int n, int j)
{
	static const char *const objects[] = {
	    "table",   "database", "schema", "user",      "view", "index",  "procedure", "function",
	    "trigger", "login",    "role",   "temporary", "temp", "unique", "or",        NULL};
	static const char *const shows[] = {"tables",    "databases", "grants",
	                                    "variables", "columns",   "processlist",
	                                    "schemas",   "status",    NULL};
	static const char *const delays[] = {"delay", "time", NULL};
	const struct ma_sql_tok *t = &w[j];
	const struct ma_sql_tok *a1 = ma_next_sig(w, n, j);
	const struct ma_sql_tok *a2 = a1 ? ma_next_sig(w, n, (int)(a1 - w)) : NULL;
	int kw = ma_tok_kw(sql, t);

	switch (kw) {
	case KW_SELECT:
	case KW_WITH:
	case KW_SHUTDOWN:
		return 1;
	case KW_IF: {
		/* T-SQL's IF condition statement, and the procedural IF
		 * condition THEN (PL/SQL, PL/pgSQL, MySQL's stored programs):
		 * IF EXISTS, or a condition that compares, then at its depth a
		 * statement's keyword or THEN. An "if" of prose compares
		 * nothing. */
		int depth = 0, cmp = 0, seen = 0;
		if (a1 && ma_tok_kw(sql, a1) == KW_EXISTS)
			return 1; /* IF EXISTS (SELECT ...) */
		for (int k = j + 1; k < n; k++) {
			const struct ma_sql_tok *u = &w[k];
			int ku = ma_tok_kw(sql, u);
			if (u->type == MA_SQL_T_COMMENT)
				continue;
			if (u->type == MA_SQL_T_SEMI)
				break;
			if (u->type == MA_SQL_T_LPAREN) {
				depth++;
			} else if (u->type == MA_SQL_T_RPAREN) {
				if (--depth < 0)
					break;
			} else if (ma_op_comparison(sql, u) || ku == KW_EXISTS) {
				cmp = 1;
			} else if (depth == 0 && seen && cmp &&
			           (ku == KW_THEN || ku == KW_SELECT || ku == KW_BEGIN ||
			            ma_kw_statement(ku))) {
				return 1;
			}
			seen = 1;
		}
		return cmp ? 2 : 0; /* a condition cut short: the grammar judges */
	}
	case KW_DECLARE:
		return a1 && a1->type == MA_SQL_T_PARAM;
	case KW_EXEC:
	case KW_EXECUTE:
		if (a1 && a1->type == MA_SQL_T_LPAREN)
			return 1;
		if (!a1 || (a1->type != MA_SQL_T_WORD && a1->type != MA_SQL_T_QIDENT &&
		            a1->type != MA_SQL_T_PARAM))
			return 0;
		for (const struct ma_sql_tok *p = a1, *q = ma_next_sig(w, n, (int)(a1 - w));
		     q && (q->type == MA_SQL_T_DOT || q->type == MA_SQL_T_WORD ||
		           q->type == MA_SQL_T_QIDENT);
		     p = q, q = ma_next_sig(w, n, (int)(q - w)))
			if (q->type != MA_SQL_T_DOT && p->type != MA_SQL_T_DOT)
				return 0; /* EXEC name word: English */
		return 1;
	case KW_SET:
		for (j = j + 1; j < n; j++)
			if (ma_op_is(sql, &w[j], "=") || ma_op_is(sql, &w[j], ":="))
				return 1;
		return 0;
	case KW_TRUNCATE:
		/* TRUNCATE name: MySQL and PostgreSQL take the name alone
		 * (PostgreSQL's ONLY, a schema, a list, CASCADE too), ended by
		 * the statement, a ';' or ',' ("truncate it to fit" is text) */
		if (a1 && ma_word_cmp(sql + a1->start, a1->end - a1->start, "only") == 0)
			a1 = ma_next_sig(w, n, (int)(a1 - w));
		if (a1 && ((a1->type == MA_SQL_T_WORD && ma_tok_kw(sql, a1) == KW_NONE) ||
		           a1->type == MA_SQL_T_QIDENT)) {
			const struct ma_sql_tok *q = ma_next_sig(w, n, (int)(a1 - w));
			if (q && q->type == MA_SQL_T_DOT) {
				q = ma_next_sig(w, n, (int)(q - w)); /* schema.name */
				q = q ? ma_next_sig(w, n, (int)(q - w)) : NULL;
			}
			if (!q || q->type == MA_SQL_T_SEMI || q->type == MA_SQL_T_COMMA ||
			    ma_word_in(sql, q, (const char *const[]){"cascade", "restrict", NULL}))
				return 1;
		}
		return ma_word_in(sql, a1, objects) ? 1 : 0;
	case KW_DROP:
	case KW_CREATE:
	case KW_ALTER:
	case KW_RENAME:
		return ma_word_in(sql, a1, objects) ? 1 : 0;
	case KW_INSERT:
	case KW_REPLACE:
	case KW_DELETE:
		/* INTO / FROM, after at most two modifiers (IGNORE, LOW_PRIORITY, QUICK) */
		for (int k = 0; a1 && k < 3; k++) {
			int ka = ma_tok_kw(sql, a1);
			if (ka == (kw == KW_DELETE ? KW_FROM : KW_INTO))
				return 1;
			if (a1->type != MA_SQL_T_WORD)
				return 0;
			a1 = ma_next_sig(w, n, (int)(a1 - w));
		}
		return 0;
	case KW_UPDATE:
		return a2 && ma_tok_kw(sql, a2) == KW_SET;
	case KW_WAITFOR:
		return ma_word_in(sql, a1, delays);
	case KW_SHOW:
		return ma_word_in(sql, a1, shows);
	default:
		if (kw == KW_NONE && ma_word_cmp(sql + t->start, t->end - t->start, "do") == 0) {
			/* MySQL's DO expr, PostgreSQL's DO 'code' (an anonymous
			 * block): a string, or an expression that compares or
			 * calls a listed function; "do you ..." is English */
			if (a1 && a1->type == MA_SQL_T_STRING)
				return 1;
			for (int k = j + 1; k < n && w[k].type != MA_SQL_T_SEMI; k++) {
				const struct ma_sql_tok *nx = ma_next_sig(w, n, k);
				if (ma_op_comparison(sql, &w[k]) ||
				    (w[k].type == MA_SQL_T_WORD && nx &&
				     nx->type == MA_SQL_T_LPAREN &&
				     ma_is_danger_func(sql + w[k].start, w[k].end - w[k].start)))
					return 1;
			}
			return 0;
		}
		return ma_kw_statement(kw) ? 2 : 0;
	}
}

/* What the core analysis knows beyond its verdict, for the attempt rule. */
struct ma_sql_judgement {
	struct ma_sql_flags f;
	int valid;    /* the input's own tokens read as SQL (the grammar) */
	int runnable; /* the whole statement reads as SQL (when nothing fired) */
	int inside;   /* the input starts inside a token (a literal, a name) */
	int lexdiff;  /* MySQL read the input's tokens otherwise than the
	               * standard's lexical rules do: a '#' comment, a name
	               * that starts with a digit (1or), a word after "--" */
};

/* The tokens of a statement, lexed at most once per check
 * (moat_check_sql_at) and only as far as its readers go: to the token at
 * each place an input occurs (ma_sql_cache_reach), the windows, the walks
 * (ma_sql_cache_more, ma_sql_cache_upto): most occurrences (inside one
 * literal) then cost a search from the token the occurrence before was
 * in (ma_sql_gallop: a few steps when they come in order, log n at
 * most), and the others read the statement's
 * tokens before them from here instead of lexing it again; what follows
 * the last place read is not lexed. A statement with more tokens keeps
 * the first MA_SQL_CACHE and lx, the lexer after them. MA_SQL_CACHE is
 * 4,096 (sqlcost12, session 34; 2,048 before): a token is one byte at
 * least, so a statement of up to 4 KB (the issue's cost goal) is lexed
 * once, and the places past its 2,048th token no longer lex the rest
 * again from the cursor and for each window (sqlworst's numlist: 1.03 M
 * -> 0.89 M instructions). The price: 26,624 bytes more in every
 * request's scratch block (t and kw), written only as far as a statement's
 * tokens go. In the request's scratch block: no allocation. */
#define MA_SQL_CACHE       4096
#define MA_SQL_CACHE_FIRST 1024 /* lexed for a walk that needs the whole statement */
#define MA_SQL_CKPT        32   /* checkpoints of the tail walks over a statement */
#define MA_SQL_NEAR        32   /* and near the start of each walk */
#define MA_SQL_NEAR_STEP   8
#define MA_SQL_BAL         32 /* parenthesis-like tokens kept of the statement's end */
struct ma_sql_cache {
	int filled, n, complete;
	/* the column pass's memo of the comments' openings (ma_sql_col.h) */
	struct ma_col_memo colmemo;
	int hint; /* where ma_sql_cache_inside found the last place */
	/* 0 when no token can be flagged MA_SQL_F_EXEC (MySQL's / *! ... * /,
	 * opened by a "/" "*": none in the statement, or not MySQL) */
	int exec;
	struct ma_sql_lexer lx; /* after t[n - 1] */
	struct ma_sql_tok t[MA_SQL_CACHE];
	/* t[i]'s keyword (ma_tok_kw) + 1, looked up the first time a rule
	 * asks (0: not yet): the windows and tail walks of many places read
	 * the same words */
	uint8_t kw[MA_SQL_CACHE];
	/* The tail walks' checkpoints (ma_sql_tail_runs): the statement is
	 * cut into MA_SQL_CKPT stretches of ckpt_step bytes; at the first
	 * token a walk meets in a stretch, the grammar's state of the last
	 * walk that met the same token there and what that walk concluded.
	 * A walk that comes by in the same state concludes the same, so each
	 * walk stops at the first checkpoint where the input's effect has
	 * worn off. */
	size_t ckpt_step;
	struct ma_sql_ckpt {
		uint32_t start;   /* the token it was met at */
		int8_t prev_type; /* st.prev's type (-1: none); st.prev is NULL */
		uint8_t set;      /* 0: none, or the walk that stored st is not done */
		uint8_t result;   /* the conclusion of the walk that stored st */
		uint8_t in_exec;  /* the lexer's state after it */
		struct ma_sql_state st;
	} ckpt[MA_SQL_CKPT];
	/* The same at every MA_SQL_NEAR_STEP-th token of the statement for
	 * the first MA_SQL_NEAR of them a walk meets: the walk of a place
	 * just after another's (the places of an input in a run of its
	 * copies) meets the state of that walk within a few tokens, not at
	 * the next stretch. start is the token's index there. */
	struct ma_sql_ckpt near[MA_SQL_NEAR];
	/* What can still close a tail walk's parentheses (ma_sql_tail_closable),
	 * read from the end the first time a walk inside some asks, once the
	 * cache holds the whole statement, down to t[bal_low]: the last ';'
	 * (-1: none) and the indices of the last MA_SQL_BAL tokens that may
	 * open or close one (LPAREN, RPAREN, and OTHER: MySQL's ODBC braces),
	 * the last first. */
	int bal_known, bal_low, bal_semi, bal_n;
	uint16_t bal_par[MA_SQL_BAL];
	/* The same read from the statement's bytes before any walk lexes on
	 * (ma_sql_tail_bytes): from byt_low to the end, the last ';' byte
	 * (byt_semi, SIZE_MAX: none) and the places of the last MA_SQL_BAL
	 * bytes '(' ')' '{' '}', the last first. */
	int byt_known, byt_n;
	size_t byt_low, byt_semi;
	uint32_t byt_par[MA_SQL_BAL];
};

/* Lexes more tokens of the statement into the cache (up to
 * MA_SQL_CACHE_MORE at once: one lexer run, not one call per token): 1,
 * or 0 (the statement ends, or the cache is full). */
#define MA_SQL_CACHE_MORE 64
static int ma_sql_cache_more(struct ma_sql_cache *c)
{
	size_t want = MA_SQL_CACHE - c->n, got;

	if (c->complete || c->n == MA_SQL_CACHE)
		return 0;
	if (want > MA_SQL_CACHE_MORE)
		want = MA_SQL_CACHE_MORE;
	got = ma_sql_lex_run(&c->lx, c->t + c->n, want);
	c->complete = got < want;
	memset(c->kw + c->n, 0, got);
	c->n += (int)got;
	return got > 0;
}

static int ma_sql_cache_upto(struct ma_sql_cache *c, size_t b, int cap);
static void ma_sql_cache_reach(struct ma_sql_cache *c, size_t b);

_Static_assert(sizeof ma_kws / sizeof ma_kws[0] < 255, "a keyword's id + 1 fits in a byte");

/* ma_tok_kw of the cache's token i (i < c->n). */
static int ma_sql_cache_kw(struct ma_sql_cache *c, const char *sql, int i)
{
	const struct ma_sql_tok *t = &c->t[i];

	if (t->type != MA_SQL_T_WORD)
		return KW_NONE;
	if (!c->kw[i])
		c->kw[i] = (uint8_t)(ma_tok_kw(sql, t) + 1);
	return c->kw[i] - 1;
}

/* What the statement's tokens before a place say (the clause, the open
 * parentheses, the token before it), kept between the occurrences of one
 * check: an occurrence after the last one continues from it, so the
 * tokens before the inputs are read once per form of an input, not once
 * per occurrence. */
struct ma_sql_cursor {
	struct ma_sql_lexer lx; /* after the last token taken */
	int idx;                /* the next token of the cache */
	/* PostgreSQL's '[' open before the place and the clause outside the
	 * outermost, as ma_sql_state's (session 19: a = ARRAY[_, 2]; in the
	 * struct's padding) */
	uint8_t bracket, bclause;
	size_t a; /* the place it was advanced to */
	int have_prev, prev_kw, clause, depth;
	struct ma_sql_tok prev;
	uint8_t cstack[32];
};

static void ma_sql_cursor_init(struct ma_sql_cursor *c, int dialect, const char *sql, size_t len)
{
	memset(c, 0, sizeof *c);
	ma_sql_lex_init(&c->lx, dialect, sql, len);
	c->prev_kw = KW_NONE;
	c->clause = CL_NONE;
}

/* The next token of the statement after the cursor (from the cache while
 * it lasts), without taking it: 1, or 0 at the end. *lx is where the
 * lexer stands after it. */
static int ma_sql_cursor_peek(const struct ma_sql_cursor *c, struct ma_sql_cache *cache,
                              struct ma_sql_tok *t, struct ma_sql_lexer *lx)
{
	*lx = c->lx;
	if (cache && (c->idx < cache->n || (c->idx == cache->n && ma_sql_cache_more(cache)))) {
		*t = cache->t[c->idx];
		lx->pos = t->end;
		if (t->flags & MA_SQL_F_EXEC)
			lx->in_exec = lx->s[t->start] == '/';
		return 1;
	}
	if (cache && cache->complete)
		return 0;
	return ma_sql_lex_next(lx, t); /* past the cache: the cursor's lexer stands there */
}

/* 1 when a word starting with c may be a keyword that opens a clause
 * (ma_kw_clause: SELECT FROM JOIN UPDATE INTO WHERE HAVING ON ORDER GROUP
 * LIMIT OFFSET VALUES SET). */
static int ma_may_open_clause(char c)
{
	switch (c | 0x20) {
	case 's':
	case 'f':
	case 'j':
	case 'u':
	case 'i':
	case 'w':
	case 'h':
	case 'o':
	case 'g':
	case 'l':
	case 'v':
		return 1;
	default:
		return 0;
	}
}

/* 1 for the first bytes of the tokens whose step the cursor takes (a
 * word that may open a clause, ma_may_open_clause; '(' ')' ';', which
 * only start their own one-byte tokens): every token that starts with
 * another byte changes no state of the cursor's (a word that opens no
 * clause, or a token of a type ma_sql_cursor_advance passes by). */
static const unsigned char ma_sql_cursor_rel[256] = {
    ['('] = 1, [')'] = 1, [';'] = 1, ['S'] = 1, ['s'] = 1, ['F'] = 1, ['f'] = 1,
    ['J'] = 1, ['j'] = 1, ['U'] = 1, ['u'] = 1, ['I'] = 1, ['i'] = 1, ['W'] = 1,
    ['w'] = 1, ['H'] = 1, ['h'] = 1, ['O'] = 1, ['o'] = 1, ['G'] = 1, ['g'] = 1,
    ['L'] = 1, ['l'] = 1, ['V'] = 1, ['v'] = 1};
/* PostgreSQL's: the same and its brackets ([ and ], ma_sql_bracket) */
static const unsigned char ma_sql_cursor_rel_pg[256] = {
    ['('] = 1, [')'] = 1, [';'] = 1, ['S'] = 1, ['s'] = 1, ['F'] = 1, ['f'] = 1,
    ['J'] = 1, ['j'] = 1, ['U'] = 1, ['u'] = 1, ['I'] = 1, ['i'] = 1, ['W'] = 1,
    ['w'] = 1, ['H'] = 1, ['h'] = 1, ['O'] = 1, ['o'] = 1, ['G'] = 1, ['g'] = 1,
    ['L'] = 1, ['l'] = 1, ['V'] = 1, ['v'] = 1, ['['] = 1, [']'] = 1};

/* Takes the next token of the statement after the cursor when it ends at
 * or before a (from the cache while it lasts, without copying the lexer):
 * 1 and *t set, or 0 (the end, or a token that ends after a). */
static int ma_sql_cursor_take(struct ma_sql_cursor *c, struct ma_sql_cache *cache, const char *sql,
                              size_t a, struct ma_sql_tok *t)
{
	if (cache && (c->idx < cache->n || (c->idx == cache->n && ma_sql_cache_more(cache)))) {
		*t = cache->t[c->idx];
		if (t->end > a)
			return 0;
		c->lx.pos = t->end;
		if (t->flags & MA_SQL_F_EXEC)
			c->lx.in_exec = sql[t->start] == '/';
	} else {
		struct ma_sql_lexer lx;
		if (!ma_sql_cursor_peek(c, cache, t, &lx) || t->end > a)
			return 0;
		c->lx = lx;
	}
	c->idx++;
	return 1;
}

/* ma_sql_cursor_take with no bound: the next token after the cursor,
 * read in place while the cache holds it (the tail walks' loop). */
static inline int ma_sql_cursor_next(struct ma_sql_cursor *c, struct ma_sql_cache *cache,
                                     const char *sql, struct ma_sql_tok *t)
{
	if (cache && c->idx < cache->n) {
		*t = cache->t[c->idx++];
		c->lx.pos = t->end;
		if (t->flags & MA_SQL_F_EXEC)
			c->lx.in_exec = sql[t->start] == '/';
		return 1;
	}
	return ma_sql_cursor_take(c, cache, sql, (size_t)-1, t);
}

/* Takes the cache's tokens up to t[last] (from c->idx on) as
 * ma_sql_cursor_take would, one by one: c stands after t[last]. */
static void ma_sql_cursor_skip(struct ma_sql_cursor *c, const struct ma_sql_cache *cache,
                               const char *sql, int last)
{
	c->lx.pos = cache->t[last].end;
	if (cache->exec)
		for (int k = last; k >= c->idx; k--)
			if (cache->t[k].flags & MA_SQL_F_EXEC) {
				c->lx.in_exec = sql[cache->t[k].start] == '/';
				break;
			}
	c->idx = last + 1;
}

/* The cursor's step over the cache's token i, one that
 * ma_sql_cursor_rel names (a word that may open a clause, a parenthesis,
 * ';'; any other passes). */
static inline __attribute__((always_inline)) void
ma_sql_cursor_step(struct ma_sql_cursor *c, struct ma_sql_cache *cache, const char *sql, int i)
{
	switch (cache->t[i].type) {
	case MA_SQL_T_WORD: {
		int kw = ma_sql_cache_kw(cache, sql, i);
		if (kw != KW_NONE && ma_kw_clause(kw) >= 0)
			c->clause = ma_kw_clause(kw);
		break;
	}
	case MA_SQL_T_LPAREN:
		if (c->depth >= 0 && c->depth < 32)
			c->cstack[c->depth] = (uint8_t)c->clause;
		c->depth++;
		c->clause = CL_NONE;
		break;
	case MA_SQL_T_RPAREN:
		c->depth--;
		c->clause = c->depth >= 0 && c->depth < 32 ? c->cstack[c->depth] : CL_NONE;
		break;
	case MA_SQL_T_SEMI:
		c->clause = CL_NONE;
		break;
	case MA_SQL_T_OTHER: /* PostgreSQL's [ and ] (ma_sql_bracket) */
		if (c->lx.dialect == MOAT_SQL_POSTGRES)
			ma_sql_bracket(&c->bracket, &c->bclause, &c->clause,
			               sql[cache->t[i].start]);
		break;
	default:
		break;
	}
}

#define MA_SQL_CURSOR_FAR 16 /* tokens to a place from which its bound is searched */

/* ma_sql_cursor_advance's steps from the cache's token i, far from a
 * (the first place: the statement's head; out of line, so that the
 * window loop it is inlined into keeps its registers): the tokens that
 * end at or before a found first by bisection (their ends grow), each
 * then passed by one test of its first byte, four at a time (most pass).
 * Returns the index after the last one taken. */
static __attribute__((noinline)) int ma_sql_cursor_far(struct ma_sql_cursor *c,
                                                       struct ma_sql_cache *cache, const char *sql,
                                                       int i, size_t a)
{
	const struct ma_sql_tok *const tt = cache->t;
	const unsigned char *const rel =
	    c->lx.dialect == MOAT_SQL_POSTGRES ? ma_sql_cursor_rel_pg : ma_sql_cursor_rel;
	int lim = i + MA_SQL_CURSOR_FAR + 1, hi = cache->n;

	while (lim < hi) { /* (tt[lim - 1] ends at or before a) */
		int mid = lim + (hi - lim) / 2;
		if (tt[mid].end > a)
			hi = mid;
		else
			lim = mid + 1;
	}
	for (; i + 4 <= lim; i += 4)
		if (rel[(unsigned char)sql[tt[i].start]] |
		    rel[(unsigned char)sql[tt[i + 1].start]] |
		    rel[(unsigned char)sql[tt[i + 2].start]] |
		    rel[(unsigned char)sql[tt[i + 3].start]])
			for (int k = i; k < i + 4; k++)
				if (rel[(unsigned char)sql[tt[k].start]])
					ma_sql_cursor_step(c, cache, sql, k);
	for (; i < lim; i++)
		if (rel[(unsigned char)sql[tt[i].start]])
			ma_sql_cursor_step(c, cache, sql, i);
	return i;
}

/* Takes the tokens that end at or before a into the cursor's state. */
static void ma_sql_cursor_advance(struct ma_sql_cursor *c, struct ma_sql_cache *cache,
                                  const char *sql, size_t a)
{
	struct ma_sql_tok t;

	c->a = a;
	if (cache) {
		/* the cache's tokens in place, as the loop below takes them:
		 * the state of each, the previous token copied once; the
		 * tokens that change no state (all but words that may open a
		 * clause, parentheses and ';') passed by a test of their type
		 * or first byte, the last that is no comment found afterwards */
		const unsigned still =
		    1u << MA_SQL_T_QIDENT | 1u << MA_SQL_T_STRING | 1u << MA_SQL_T_NUMBER |
		    1u << MA_SQL_T_PARAM | 1u << MA_SQL_T_OP | 1u << MA_SQL_T_COMMA |
		    1u << MA_SQL_T_DOT | 1u << MA_SQL_T_COMMENT | 1u << MA_SQL_T_OTHER;
		/* (PostgreSQL's brackets are OTHER tokens that change state) */
		const int pg = c->lx.dialect == MOAT_SQL_POSTGRES;
		int first = c->idx, last = -1;
		for (;;) {
			/* (n and t in registers: the keyword memo's byte stores
			 * below could otherwise alias them) */
			int i = c->idx, n = cache->n;
			const struct ma_sql_tok *const tt = cache->t;
			/* far from a (the first place: the statement's head),
			 * the tokens that end at or before it found first
			 * (their ends grow), each then passed by one test of
			 * its first byte; the last few one by one */
			if (i + MA_SQL_CURSOR_FAR < n && tt[i + MA_SQL_CURSOR_FAR].end <= a)
				i = ma_sql_cursor_far(c, cache, sql, i, a);
			if (pg) {
				for (; i < n && tt[i].end <= a; i++)
					if (ma_sql_cursor_rel_pg[(unsigned char)sql[tt[i].start]])
						ma_sql_cursor_step(c, cache, sql, i);
			} else {
				for (; i < n && tt[i].end <= a; i++)
					if (!(still >> tt[i].type & 1u) &&
					    ma_sql_cursor_rel[(unsigned char)sql[tt[i].start]])
						ma_sql_cursor_step(c, cache, sql, i);
			}
			if (i > c->idx)
				ma_sql_cursor_skip(c, cache, sql, i - 1);
			if (i < cache->n || !ma_sql_cache_more(cache))
				break;
		}
		for (int k = c->idx - 1; k >= first; k--)
			if (cache->t[k].type != MA_SQL_T_COMMENT) {
				last = k;
				break;
			}
		if (last >= 0) {
			c->prev = cache->t[last];
			c->have_prev = 1;
			c->prev_kw = -1; /* looked up when it is the token before an input */
			if (c->prev.type == MA_SQL_T_WORD && ma_may_open_clause(sql[c->prev.start]))
				c->prev_kw = ma_sql_cache_kw(cache, sql, last);
		}
	}
	/* past the cache (or without one) */
	while (ma_sql_cursor_take(c, cache, sql, a, &t)) {
		if (t.type == MA_SQL_T_COMMENT)
			continue;
		c->prev = t;
		c->have_prev = 1;
		c->prev_kw = -1; /* looked up when it is the token before an input */
		if (t.type == MA_SQL_T_WORD && ma_may_open_clause(sql[t.start])) {
			c->prev_kw = ma_tok_kw(sql, &t);
			if (c->prev_kw != KW_NONE && ma_kw_clause(c->prev_kw) >= 0)
				c->clause = ma_kw_clause(c->prev_kw);
		}
		if (t.type == MA_SQL_T_LPAREN) {
			if (c->depth >= 0 && c->depth < 32)
				c->cstack[c->depth] = (uint8_t)c->clause;
			c->depth++;
			c->clause = CL_NONE;
		} else if (t.type == MA_SQL_T_OTHER && c->lx.dialect == MOAT_SQL_POSTGRES) {
			ma_sql_bracket(&c->bracket, &c->bclause, &c->clause, sql[t.start]);
		} else if (t.type == MA_SQL_T_RPAREN) {
			c->depth--;
			c->clause = c->depth >= 0 && c->depth < 32 ? c->cstack[c->depth] : CL_NONE;
		} else if (t.type == MA_SQL_T_SEMI) {
			c->clause = CL_NONE;
		}
	}
}

/* 1 when the grammar states x and y lead to the same conclusion over the
 * same tokens: the fields ma_sql_step reads (of the previous token, its
 * type px / py and its keyword; of the clause stack, the part in use). */
static int ma_sql_state_same(const struct ma_sql_state *x, int px, const struct ma_sql_state *y,
                             int py)
{
	int d = x->depth < 0 ? 0 : x->depth > 32 ? 32 : x->depth;

	return px == py && x->expect_op == y->expect_op && x->stmt_start == y->stmt_start &&
	       x->lenient == y->lenient && x->clause == y->clause && x->depth == y->depth &&
	       x->after_is == y->after_is && x->valid == y->valid && x->prev_kw == y->prev_kw &&
	       x->bracket == y->bracket && (!x->bracket || x->bclause == y->bclause) &&
	       memcmp(x->cstack, y->cstack, (size_t)d) == 0;
}

_Static_assert(MA_SQL_CACHE <= 65536, "a token's index in the cache fits in bal_par");

/* 0 when a tail walk from the cache's token g (the cache holds the whole
 * statement), in a state neither lenient nor at a statement's start and
 * depth parentheses deep (not 0), can no longer conclude that the
 * statement runs. It would need its parentheses closed (depth changes,
 * by one, only at a parenthesis-like token: '(', ')', and a byte no rule
 * knows, as MySQL's ODBC braces) or to end in a statement this grammar
 * does not read (lenient, entered only at a statement keyword where a
 * statement starts, as only a ';' starts one, the walk being valid:
 * ma_sql_step), and fewer such tokens are left than are open, and no ';'.
 * 1: it may. The tokens are read backwards from the end once per check,
 * as far down as a walk's answer needs (the cache's bal_*). */
static int ma_sql_tail_closable(struct ma_sql_cache *c, int g, int depth)
{
	long need = depth < 0 ? -(long)depth : depth;
	int left = 0;

	if (!c->bal_known) {
		c->bal_known = 1;
		c->bal_low = c->n;
		c->bal_semi = -1;
		c->bal_n = 0;
	}
	/* (down to g, or to where the answer is 1: a ';', or need of them,
	 * all at or after bal_low, which stays at or after g) */
	while (c->bal_low > g && c->bal_semi < 0 && c->bal_n < need && c->bal_n < MA_SQL_BAL) {
		int i = --c->bal_low;
		switch (c->t[i].type) {
		case MA_SQL_T_SEMI:
			if (c->bal_semi < 0)
				c->bal_semi = i;
			break;
		case MA_SQL_T_LPAREN:
		case MA_SQL_T_RPAREN:
		case MA_SQL_T_OTHER:
			if (c->bal_n < MA_SQL_BAL)
				c->bal_par[c->bal_n++] = (uint16_t)i;
			break;
		default:
			break;
		}
	}
	if (c->bal_semi >= g)
		return 1;
	while (left < c->bal_n && c->bal_par[left] >= g)
		left++;
	return left == MA_SQL_BAL || left >= need;
}

/* One step of ma_sql_tail_bytes's reading from the end: the byte before
 * c->byt_low, or (with SSE2, unless bytes_only) the sixteen before it at
 * once when none of them is one it looks for (the usual stretch), the
 * ones it looks for then taken from the last down. c->byt_n is below
 * MA_SQL_BAL and no ';' is met yet. */
static void ma_sql_tail_bytes_down(struct ma_sql_cache *c, int bytes_only)
{
	const unsigned char *s = (const unsigned char *)c->lx.s;
	size_t pos;

#ifdef MA_SQL_SSE2
	if (!bytes_only && c->byt_low >= 16) {
		size_t p = c->byt_low - 16;
		const __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
		/* '(' ')' are 0x28 0x29, '{' '}' 0x7b 0x7d */
		__m128i par = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('(')),
		                                        _mm_cmpeq_epi8(w, _mm_set1_epi8(')'))),
		                           _mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('{')),
		                                        _mm_cmpeq_epi8(w, _mm_set1_epi8('}'))));
		unsigned pm = (unsigned)_mm_movemask_epi8(par);
		unsigned sm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, _mm_set1_epi8(';')));
		unsigned m = pm | sm;

		while (m) {
			unsigned k = 31u - (unsigned)__builtin_clz(m);
			pos = p + k;
			if (sm >> k & 1u) {
				c->byt_semi = pos;
				c->byt_low = pos;
				return;
			}
			if (c->byt_n == MA_SQL_BAL) {
				c->byt_low = pos + 1;
				return;
			}
			c->byt_par[c->byt_n++] = (uint32_t)pos;
			m &= ~(1u << k);
		}
		c->byt_low = p;
		return;
	}
#endif
	(void)bytes_only;
	pos = c->byt_low - 1;
	switch (s[pos]) {
	case ';':
		c->byt_semi = pos;
		break;
	case '(':
	case ')':
	case '{':
	case '}':
		c->byt_par[c->byt_n++] = (uint32_t)pos;
		break;
	default:
		break;
	}
	c->byt_low = pos;
}

/* ma_sql_tail_closable for the token that starts at x, read from the
 * statement's bytes instead of its tokens, so that the statement after
 * the windows need not be lexed for it: 0 when the bytes from x on hold
 * no ';' and fewer '(' ')' '{' '}' than depth's (the only tokens that
 * change a walk's depth are '(', ')' and MySQL's ODBC braces, and a token
 * starts with its byte; only a ';' starts a statement). 1: they may (ask
 * ma_sql_tail_closable). Read from the end once per check, as far down as
 * the answers need (the cache's byt_*); bytes_only: a byte at a time (the
 * unit tests' reference). */
static int ma_sql_tail_bytes_in(struct ma_sql_cache *c, size_t x, int depth, int bytes_only)
{
	long need = depth < 0 ? -(long)depth : depth;
	int left = 0;

	if (c->lx.len > UINT32_MAX)
		return 1;
	if (!c->byt_known) {
		c->byt_known = 1;
		c->byt_low = c->lx.len;
		c->byt_semi = SIZE_MAX;
		c->byt_n = 0;
	}
	while (c->byt_low > x && c->byt_semi == SIZE_MAX && c->byt_n < need &&
	       c->byt_n < MA_SQL_BAL)
		ma_sql_tail_bytes_down(c, bytes_only);
	if (c->byt_semi != SIZE_MAX && c->byt_semi >= x)
		return 1;
	while (left < c->byt_n && c->byt_par[left] >= x)
		left++;
	return left == MA_SQL_BAL || left >= need;
}

static int ma_sql_tail_bytes(struct ma_sql_cache *c, size_t x, int depth)
{
	return ma_sql_tail_bytes_in(c, x, depth, 0);
}

/* Runs the grammar on to the end of the statement from the first token
 * after the input (first, when have_first; c stands after it): 1 when
 * the whole statement still reads as valid. Comments are whitespace; a
 * line comment runs to the end, so nothing follows it. With a cache, the
 * walk stops at a checkpoint an earlier walk passed in the same state
 * (its conclusion is this one's): the walks of many places of an input
 * cost about one walk over the statement, not one each. */
static int ma_sql_tail_runs(const struct ma_sql_state *st0, int dialect, const char *sql,
                            struct ma_sql_cursor *c, struct ma_sql_cache *cache,
                            const struct ma_sql_tok *first, int have_first)
{
	struct ma_sql_state st = *st0;
	struct ma_sql_tok cur, nxt, prevtok;
	int more = have_first, result, nidx = 0, nnear = 0, nearby = 0;
	int stored[MA_SQL_CKPT], stored_near[MA_SQL_NEAR];
	size_t region_end = 0; /* the stretch after the last one met starts here */

	if (more) {
		cur = *first;
		while (more && cur.type == MA_SQL_T_COMMENT)
			more = ma_sql_cursor_next(c, cache, sql, &cur);
	}
	if (st.prev) {
		prevtok = *st.prev;
		st.prev = &prevtok;
	}
	/* a walk inside parentheses that can no longer close concludes now:
	 * first by the statement's bytes (nothing more lexed), then by its
	 * tokens (which need the cache complete: the cache is lexed on first to
	 * MA_SQL_CACHE_FIRST tokens, where it would have been complete from the
	 * start before its lexing followed its readers) */
	if (more && st.valid && cache && !st.lenient && !st.stmt_start && st.depth != 0 &&
	    !ma_sql_tail_bytes(cache, cur.start, st.depth)) {
		result = 0;
		goto done;
	}
	if (more && st.valid && cache && !cache->complete && !st.lenient && !st.stmt_start &&
	    st.depth != 0)
		while (ma_sql_cache_upto(cache, cache->lx.len, MA_SQL_CACHE_FIRST))
			;
	if (more && st.valid && cache && cache->complete && !st.lenient && !st.stmt_start &&
	    st.depth != 0 && c->idx >= 1 && c->idx <= cache->n &&
	    cache->t[c->idx - 1].start == cur.start &&
	    !ma_sql_tail_closable(cache, c->idx - 1, st.depth)) {
		result = 0;
		goto done;
	}
	while (more && st.valid) {
		int gi = c->idx - 1; /* cur's index */
		int kw =
		    cache && gi < cache->n ? ma_sql_cache_kw(cache, sql, gi) : ma_tok_kw(sql, &cur);
		/* (nnear: the comments a step skips can bring more than
		 * MA_SQL_NEAR of these tokens within the first steps) */
		if (gi % MA_SQL_NEAR_STEP == 0 && cache &&
		    nearby < MA_SQL_NEAR * MA_SQL_NEAR_STEP && nnear < MA_SQL_NEAR) {
			int slot = (gi / MA_SQL_NEAR_STEP) % MA_SQL_NEAR;
			struct ma_sql_ckpt *k = &cache->near[slot];
			int pt = st.prev ? st.prev->type : -1;
			if (k->set && k->start == (uint32_t)gi && k->in_exec == c->lx.in_exec &&
			    ma_sql_state_same(&k->st, k->prev_type, &st, pt)) {
				result = k->result;
				goto done;
			}
			k->set = 0;
			k->st = st;
			k->st.prev = NULL;
			k->prev_type = (int8_t)pt;
			k->start = (uint32_t)gi;
			k->in_exec = (uint8_t)c->lx.in_exec;
			stored_near[nnear++] = slot;
		}
		nearby++;
		if (cache && cur.start >= region_end &&
		    (size_t)cur.start / cache->ckpt_step < MA_SQL_CKPT) {
			/* the first token met in a stretch (starts only grow) */
			int r = (int)(cur.start / cache->ckpt_step);
			struct ma_sql_ckpt *k = &cache->ckpt[r];
			int pt = st.prev ? st.prev->type : -1;
			region_end = (size_t)(r + 1) * cache->ckpt_step;
			if (k->set && k->start == cur.start && k->in_exec == c->lx.in_exec &&
			    ma_sql_state_same(&k->st, k->prev_type, &st, pt)) {
				result = k->result;
				goto done;
			}
			k->set = 0;
			k->st = st;
			k->st.prev = NULL; /* only its type counts */
			k->prev_type = (int8_t)pt;
			k->start = cur.start;
			k->in_exec = (uint8_t)c->lx.in_exec;
			stored[nidx++] = r;
		}
		do {
			more = ma_sql_cursor_next(c, cache, sql, &nxt);
		} while (more && nxt.type == MA_SQL_T_COMMENT);
		if (ma_sql_tok_plain(&cur))
			ma_sql_step_plain(&st, dialect, sql, &cur);
		else
			ma_sql_step(&st, dialect, sql, &cur, kw, more ? &nxt : NULL);
		prevtok = cur;
		st.prev = &prevtok;
		st.prev_kw = kw;
		cur = nxt;
	}
	if (!st.valid)
		result = 0;
	else if (!st.lenient && !st.expect_op && !st.stmt_start)
		result = 0; /* ends expecting an operand */
	else
		result = st.lenient || st.depth == 0;
done:
	for (int i = 0; i < nidx; i++) {
		cache->ckpt[stored[i]].set = 1;
		cache->ckpt[stored[i]].result = (uint8_t)result;
	}
	for (int i = 0; i < nnear; i++) {
		cache->near[stored_near[i]].set = 1;
		cache->near[stored_near[i]].result = (uint8_t)result;
	}
	return result;
}

/* The first i in [lo, n] (n: none) where t[i] starts at or after x
 * (by_start) or ends after x: the tokens' starts and ends grow, so that
 * is a cut. Searched outward from hint (in [lo, n]) in steps that double,
 * then halved: a place near the last one costs a few steps, not log n. */
static int ma_sql_gallop(const struct ma_sql_tok *t, int lo, int n, int hint, size_t x,
                         int by_start)
{
	int hi, probe, step = 1;

#define MA_SQL_CUT(i) (by_start ? t[i].start >= x : t[i].end > x)
	if (hint < n && !MA_SQL_CUT(hint)) { /* the cut is after hint */
		lo = hint + 1;
		for (probe = hint + 1;; probe += step, step *= 2) {
			if (probe >= n) {
				hi = n;
				break;
			}
			if (MA_SQL_CUT(probe)) {
				hi = probe;
				break;
			}
			lo = probe + 1;
		}
	} else { /* at or before hint */
		int floor = lo;
		hi = hint;
		for (probe = hint - 1;; probe -= step, step *= 2) {
			if (probe < floor) {
				lo = floor;
				break;
			}
			if (!MA_SQL_CUT(probe)) {
				lo = probe + 1;
				break;
			}
			hi = probe;
		}
	}
	while (lo < hi) { /* every i < lo is before the cut, hi is at or after it */
		int mid = lo + (hi - lo) / 2;
		if (MA_SQL_CUT(mid))
			hi = mid;
		else
			lo = mid + 1;
	}
#undef MA_SQL_CUT
	return lo;
}

#define MA_SQL_WIN_SHORT 8 /* tokens at most, a window's end searched in turn */

/* The window of a place read from the cache where it holds it: the
 * tokens from the cursor's (c) that start before b, at most MA_SQL_WIN,
 * in place (*win, *n), and the token after them taken too (*t; *have_tail
 * when it starts at or after b), as the loop over ma_sql_cursor_take in
 * ma_sql_judge leaves them; c stands after the last token taken. 0: the
 * cache does not reach that far (that loop reads them). */
static int ma_sql_cache_window(struct ma_sql_cache *cache, struct ma_sql_cursor *c, const char *sql,
                               size_t b, const struct ma_sql_tok **win, int *n,
                               struct ma_sql_tok *t, int *have_tail)
{
	int i0 = c->idx, lo, end, last;

	if (!cache || i0 > cache->n)
		return 0;
	while (cache->n <= i0 + MA_SQL_WIN &&
	       (cache->n == i0 || cache->t[cache->n - 1].start < b) &&
	       ma_sql_cache_upto(cache, b,
	                         i0 + MA_SQL_WIN + 1 > cache->n + MA_SQL_CACHE_MORE
	                             ? i0 + MA_SQL_WIN + 1
	                             : cache->n + MA_SQL_CACHE_MORE))
		;
	end = cache->n - i0 > MA_SQL_WIN + 1 ? i0 + MA_SQL_WIN + 1 : cache->n;
	/* the first token that starts at or after b: at most b - t[i0].start
	 * tokens after i0 (each starts a byte or more after the one before) */
	lo = end;
	if (end > i0) {
		size_t s0 = cache->t[i0].start;
		size_t d = b > s0 ? b - s0 : 0;
		int hi = d < (size_t)(end - i0) ? i0 + (int)d : end;
		if (hi - i0 <= MA_SQL_WIN_SHORT) /* (a short window: from its start) */
			for (lo = i0; lo < hi && cache->t[lo].start < b; lo++)
				;
		else
			lo = ma_sql_gallop(cache->t, i0, hi, hi, b, 1);
	}
	if (lo < end) { /* it ends the window */
		*have_tail = 1;
		last = lo;
	} else if (end == i0 + MA_SQL_WIN + 1) { /* the window is full: one more taken */
		*have_tail = 0;
		last = end - 1;
	} else if (cache->complete) { /* the statement ends */
		*have_tail = 0;
		*win = cache->t + i0;
		*n = end - i0;
		if (end > i0)
			ma_sql_cursor_skip(c, cache, sql, end - 1);
		return 1;
	} else {
		return 0;
	}
	*win = cache->t + i0;
	*n = last - i0;
	*t = cache->t[last];
	ma_sql_cursor_skip(c, cache, sql, last);
	return 1;
}

/* The one-byte operators that may stand where an operand is expected:
 * 1, unary (- + ~ ! and MySQL's @); 2, '*', an operand there (SELECT *,
 * COUNT(*)). */
static const unsigned char ma_sql_unary[256] = {
    ['-'] = 1, ['+'] = 1, ['~'] = 1, ['!'] = 1, ['@'] = 1, ['*'] = 2};

/* The grammar's state in ma_sql_plain_run, in registers. */
struct ma_sql_prun {
	int expect_op, valid, depth, clause, prev_type, lp;
};

/* ma_sql_plain_run's loop over win[i] up to the first token that is not
 * plain or lim: the state in *r (the clause stack in cstack). with_flags
 * 0: the input closed no literal and no logical operator is pending, so
 * that the flags cannot change (each of their rules needs one of them):
 * the loop stops after the first logical operator (r->lp is then set) for
 * the loop with_flags 1 to go on. Returns the index it stopped at. */
static inline __attribute__((always_inline)) int
ma_sql_plain_steps(struct ma_sql_prun *r, uint8_t *cstack, struct ma_sql_flags *f, int relaxed,
                   int dialect, const char *sql, const struct ma_sql_tok *win, int i, int lim,
                   const int with_flags)
{
	int expect_op = r->expect_op, valid = r->valid, depth = r->depth, clause = r->clause;
	int prev_type = r->prev_type, lp = r->lp, closed = f->closed;

	for (; i < lim; i++) {
		const struct ma_sql_tok *tk = &win[i];
		unsigned type = tk->type;
		int nlp = lp;
		/* (the plain types, MA_SQL_PLAIN_TYPES, by the switch: any
		 * other ends the run) */
		switch (type) {
		case MA_SQL_T_OP: {
			uint32_t len = tk->end - tk->start;
			unsigned char c = (unsigned char)sql[tk->start];
			if (clause == CL_LIMIT)
				valid = 0; /* LIMIT 1 + 1 */
			if (expect_op) {
				expect_op = 0;
			} else if (len == 1) {
				if (ma_sql_unary[c] == 2)
					expect_op = 1; /* SELECT *, COUNT(*), t.* */
				else if (!ma_sql_unary[c])
					valid = 0;
			} else {
				valid = 0;
			}
			/* && and || where MySQL means them (ma_is_logical) */
			if (len == 2 && MA_SQL_MY(dialect) && (c == '&' || c == '|') &&
			    (unsigned char)sql[tk->start + 1] == c)
				nlp = c == '|' ? 2 : 1;
			break;
		}
		case MA_SQL_T_LPAREN:
			if (expect_op && prev_type != MA_SQL_T_WORD && prev_type != MA_SQL_T_QIDENT)
				valid = 0;
			if (depth >= 0 && depth < 32)
				cstack[depth] = (uint8_t)clause;
			depth++;
			clause = CL_NONE;
			expect_op = 0;
			break;
		case MA_SQL_T_RPAREN:
			if (!expect_op && prev_type != MA_SQL_T_LPAREN)
				valid = 0;
			depth--;
			clause = depth >= 0 && depth < 32 ? cstack[depth] : CL_NONE;
			expect_op = 1;
			break;
		case MA_SQL_T_STRING:
		case MA_SQL_T_NUMBER: /* ma_step_operand */
			if (tk->flags & MA_SQL_F_UNTERMINATED)
				valid = 0;
			if (expect_op &&
			    !(type == MA_SQL_T_STRING &&
			      (prev_type == MA_SQL_T_STRING ||
			       ((clause == CL_SELECT || clause == CL_FROM) && MA_SQL_MY(dialect)))))
				valid = 0; /* two operands: no alias, no literals put together */
			expect_op = 1;
			break;
		case MA_SQL_T_COMMA:
			if (!expect_op || clause == CL_WHERE)
				valid = 0; /* (WHERE a, b) */
			expect_op = 0;
			break;
		case MA_SQL_T_DOT:
			if (!expect_op)
				valid = 0;
			expect_op = 0;
			break;
		default: /* not plain */
			goto out;
		}
		prev_type = (int)type;
		if (with_flags) {
			if (closed && i > 0)
				f->active |= type != MA_SQL_T_STRING && type != MA_SQL_T_NUMBER;
			if (lp == 2 && !f->logic && !relaxed &&
			    (type == MA_SQL_T_STRING || type == MA_SQL_T_NUMBER))
				f->logic = 1; /* OR 1, OR 'x' */
			if (lp && (type == MA_SQL_T_LPAREN || ma_op_comparison(sql, tk)))
				f->logic = 2;
		}
		lp = nlp;
		if (!with_flags && lp) {
			i++;
			break;
		}
	}
out:
	r->expect_op = expect_op;
	r->valid = valid;
	r->depth = depth;
	r->clause = clause;
	r->prev_type = prev_type;
	r->lp = lp;
	return i;
}

/* The window loop (ma_sql_judge) over a run of plain tokens of the input,
 * win[i] up to the first that is not plain or lim: the changes its plain
 * branch makes token by token (ma_sql_step_plain, then the flags), with
 * the grammar's state in registers; where the input closed no literal,
 * until a logical operator, without the flags' rules. st is neither
 * lenient nor after IS (a plain step leaves both so). Returns the index
 * after the run (> i: win[i] is plain); the caller sets st->prev and
 * lastsig to its last. */
static int ma_sql_plain_run(struct ma_sql_state *st, struct ma_sql_flags *f, int *logic_pending,
                            int relaxed, int dialect, const char *sql, const struct ma_sql_tok *win,
                            int i, int lim)
{
	struct ma_sql_prun r = {.expect_op = st->expect_op,
	                        .valid = st->valid,
	                        .depth = st->depth,
	                        .clause = st->clause,
	                        .prev_type = st->prev ? st->prev->type : -1,
	                        .lp = *logic_pending};

	/* (only the first token can stand where a statement starts) */
	if (i < lim && ma_sql_tok_plain(&win[i])) {
		if (st->stmt_start && win[i].type != MA_SQL_T_LPAREN)
			r.valid = 0;
		st->stmt_start = 0;
	}
	if (!f->closed && !r.lp) {
		i = ma_sql_plain_steps(&r, st->cstack, f, relaxed, dialect, sql, win, i, lim, 0);
		if (!r.lp)
			goto out;
	}
	i = ma_sql_plain_steps(&r, st->cstack, f, relaxed, dialect, sql, win, i, lim, 1);
out:
	st->expect_op = r.expect_op;
	st->valid = r.valid;
	st->depth = r.depth;
	st->clause = r.clause;
	*logic_pending = r.lp;
	return i;
}

/* The windows of one check share their judgement where they overlap (a
 * periodic input that occurs at many overlapping places: up to 64
 * windows of up to MA_SQL_WIN tokens each, the same tokens judged again
 * and again). The window loop's whole state (the grammar's, the flags,
 * the pending logic) is stored before every MA_SQL_JSTEP-th token of the
 * statement; a later window that comes to such a token in the same state
 * as the window before it, where the tokens up to a later stored one are
 * "plain" (ma_sql_tok_plain: their step reads neither the tokens after
 * them nor the window's ends), takes that later state instead of judging
 * the tokens again: the loop is deterministic in its state and the
 * tokens, so the state it would have reached is that one. Where every
 * token the window before judged from there to its end is plain (none
 * after its lastnp) and that end is not after this window's, it takes
 * the window before's state after its last token (fin) at once, not
 * stored state after stored state; the states it passes become its own
 * (their serial, or, where it takes fin at its first state kept, the
 * window before's serial becomes its own), so the window after it meets
 * them as this one met them. A state is taken only from the window judged last (the serial
 * in its key), the same statement token (the index in its key) and
 * with every field the loop reads equal (ma_sql_jstate_same). */
/* The cost bound of one check (sqlcost, session 24): each place's window
 * is judged token by token, and the windows of one input's places share
 * their states only across plain tokens (above), so an input of names
 * and keywords that occurs at many places (a 1 KB input of `) = id OR `
 * at 64 places of a 4 KB statement made of it: 64 windows of ~400 tokens,
 * ~6.8 M instructions) is judged again at each. When the tokens that are
 * not plain judged in the check so far pass MA_SQL_JUDGE_MAX, a further
 * place whose window spans tokens is not judged: the check fails closed
 * (sqli.too_complex, a block; a later window that passes it is not
 * judged on either), as it does past ten levels of parentheses
 * -- stopping there (fail open) would let an attacker put its payload
 * after enough costly places. The first window is always judged whole
 * (MA_SQL_WIN tokens at most); inputs inside one token (a string, a
 * number, one name: the n == 1 answer above it) and windows of literals
 * and punctuation only (an ORM's IN (1, 2, ...) with "1" or "-1" at
 * every place) never count. */
#ifndef MA_SQL_JUDGE_MAX /* (test_agent_sql_state.c lifts it to compare every place) */
#define MA_SQL_JUDGE_MAX 512
#endif
/* Past an input's 64th place (bound64, ma_sql_past), a one-word input
 * is judged at every place where it is a whole name where a value goes,
 * the column compared there written again (x <> x: ma_col_plain_may,
 * ma_col_judge), each a column judgement (~3.5 K instructions: a 4 KB
 * statement of `id <> id OR ` was ~1.3 M, sqlcost8). Past
 * MA_SQL_COLPAST_MAX such places past the 64th in one check, the check
 * fails closed (sqli.too_complex) -- a statement that compares the
 * request's word with itself that often is not one an application
 * writes; places inside a token, in SET, or not after a comparison
 * never count. */
#ifndef MA_SQL_COLPAST_MAX
#define MA_SQL_COLPAST_MAX 16
#endif
/* Past an input's 64th place, an input that spans tokens is judged at
 * every place; where its window holds names or keywords, MA_SQL_JUDGE_MAX
 * counts them, but a window of plain tokens only (literals, operators,
 * parentheses, commas, dots) never counts there, and a 512-byte input of
 * `(-` at 257 overlapping places of a 4 KB statement was judged whole at
 * each (~2 K instructions a place, 557 K a check: sqlworst's overlap,
 * sqlcost9). Past MA_SQL_PLAINPAST_MAX such windows past the 64th place
 * in one check, the check fails closed (sqli.too_complex) at the next one,
 * without judging it, where the window holds no value (operators and
 * punctuation only: no number, no string) or is long (MA_SQL_PLAINLONG
 * tokens or more). Never counted: a form's first 64 places, a place
 * inside one token (a string, a number, one name), a window that holds
 * a name, keyword, parameter, comment or ';' (`lower(x)` at 215 places:
 * MA_SQL_JUDGE_MAX's), a short window with a literal (a user's "(2)",
 * "3*4", "(1,2)", "~1" in every row of a bulk insert: review23), a
 * window of numbers, commas and one-byte signs only (an ORM's IN (1, 2,
 * 1, 2 ...) with "1, 2" or "-1.5e3" at every place), all judged at each
 * place as before, and numbers, dates and sums, which are not looked at
 * past the 64th place (ma_sql_past). */
#ifndef MA_SQL_PLAINPAST_MAX
#define MA_SQL_PLAINPAST_MAX 16
#endif
#define MA_SQL_JSTEP 16
/* 1: a window whose tokens that are not plain pass the bound fails closed
 * before its loop (sqlcost3; test_agent_sqlcost3.c switches it to compare) */
#ifndef MA_SQL_PRECOUNT
#define MA_SQL_PRECOUNT 1
#endif

/* 1 when win[i0, n) holds more than left tokens that are not plain (out
 * of line: the window loop it is called before keeps its registers). */
static __attribute__((noinline)) int ma_sql_past_bound(const struct ma_sql_tok *win, int i0, int n,
                                                       unsigned left)
{
	unsigned k = 0;

	for (int i = i0; i < n && k <= left; i++)
		k += !ma_sql_tok_plain(&win[i]);
	return k > left;
}

/* The window before's states across tokens that are not plain (sqlcost5,
 * session 28). A window that stands at a kept state of the window before
 * (the same state before the same statement token: the join above) meets
 * the same tokens after it; their step reads the state, the token, and of
 * the tokens after it at most the next two that are not comments (the
 * next one, a call's argument, INTO OUTFILE's name) and whether they start
 * before the input's end -- except UNION, INTERSECT and EXCEPT (a query
 * after them, a value before them), SELECT (FROM up to the input's end),
 * ';' (the statement after it), a comment (its end against the input's,
 * and the next token past it), NULL (NOT two tokens before: the token
 * before the previous, which a join does not keep) and the tokens after
 * a comment (the previous token past it). Where the MA_SQL_JSTEP tokens
 * from the state on are none of those, nor the token before them a
 * comment, and the window before judged them with MA_SQL_NPJOIN_AHEAD
 * tokens after them of its own (so the next two are in both windows,
 * before both ends; this window ends no sooner), its state kept after
 * them is the one this window would reach: it is taken, with what the
 * loop keeps beside the state (the count of tokens not plain, the last
 * one's index, MySQL's lexdiff) as the loop would have left it. Where
 * the count would pass MA_SQL_JUDGE_MAX the loop judges them (it fails
 * closed at the token that passes it). A window of names and keywords
 * at overlapping places (rep-input) is then judged whole once. */
#ifndef MA_SQL_NPJOIN
#define MA_SQL_NPJOIN 1
#endif
#define MA_SQL_NPJOIN_AHEAD 3
/* Where a window's own tokens repeat (the period above: the MA_SQL_JSTEP
 * tokens, the one before and MA_SQL_NPJOIN_AHEAD after repeat those
 * MA_SQL_JSTEP before, types, lengths and bytes, the two bytes before
 * them too) and ma_sql_np_span answered for the span before, its answer
 * holds for this one (sqlcost6, session 28): it reads the tokens' types,
 * lengths, first bytes and the two bytes before each, their distance from
 * i, and whether a word starts 2 bytes or more after the place -- which
 * the span before's words do where its first token starts there (later
 * starts are further on): then its count and lexdiff, its last index 16
 * on. (test_agent_sqlcost6.c switches it off to compare.) */
#ifndef MA_SQL_NPMEMO
#define MA_SQL_NPMEMO 1
#endif
#ifndef MA_SQL_NPMEMO_TOOK /* (the test compares each answer taken) */
#define MA_SQL_NPMEMO_TOOK(dialect, sql, a, win, i, wbase, lastnp, k, last, lex) ((void)0)
#endif
#ifndef MA_SQL_NPJOIN_TOOK /* (test_agent_sqlcost5.c counts the states taken) */
#define MA_SQL_NPJOIN_TOOK(period) ((void)(period))
#endif

/* For the MA_SQL_JSTEP tokens win[i, ...) (the window from the cache's
 * token wbase, at least MA_SQL_JSTEP + MA_SQL_NPJOIN_AHEAD of them from
 * i, i > 0): -1 when one of them is a token whose step reads further
 * (above), else how many are not plain, with the last one's statement
 * index in *last and *lexdiff set where the loop sets MySQL's lexdiff. */
static __attribute__((noinline)) int ma_sql_np_span(int dialect, const char *sql, size_t a,
                                                    const struct ma_sql_tok *win, int i, int wbase,
                                                    int *last, int *lexdiff)
{
	unsigned seen = 0;
	int k = 0;

	for (int j = i - 1; j < i + MA_SQL_JSTEP + MA_SQL_NPJOIN_AHEAD; j++)
		seen |= 1u << win[j].type;
	if (seen & (1u << MA_SQL_T_COMMENT))
		return -1;
	for (int j = i; j < i + MA_SQL_JSTEP; j++) {
		const struct ma_sql_tok *tk = &win[j];
		if (ma_sql_tok_plain(tk))
			continue;
		if (tk->type == MA_SQL_T_SEMI)
			return -1;
		if (tk->type == MA_SQL_T_WORD) {
			/* UNION, INTERSECT, EXCEPT, SELECT, NULL: by their
			 * length and first letter (a keyword is its name) */
			unsigned char c = (unsigned char)sql[tk->start] | 0x20;
			uint32_t n = tk->end - tk->start;
			if ((n == 5 && c == 'u') || (n == 9 && c == 'i') ||
			    (n == 6 && (c == 'e' || c == 's')) || (n == 4 && c == 'n' && j < i + 2))
				return -1;
			if (MA_SQL_MY(dialect) &&
			    ((c >= '0' && c <= '9') ||
			     (tk->start >= a + 2 && sql[tk->start - 1] == '-' &&
			      sql[tk->start - 2] == '-')))
				*lexdiff = 1;
		}
		k++;
		*last = wbase + j;
	}
	return k;
}

/* 1 when the tokens win[i - 1, i + MA_SQL_JSTEP + MA_SQL_NPJOIN_AHEAD)
 * repeat win[i - MA_SQL_JSTEP - 1, i + MA_SQL_NPJOIN_AHEAD) (i >
 * MA_SQL_JSTEP): the same types, flags, lengths and bytes (and the two
 * bytes before the first: a word's "--" before it), at one distance. A
 * window whose state before win[i] is the one it had before
 * win[i - MA_SQL_JSTEP] (a fixed point of a repeated unit) then has it
 * again before win[i + MA_SQL_JSTEP]: each step reads its state and those
 * tokens alone (ma_sql_np_span: none reads further back or ahead), in the
 * window both times (before its end, after its place). */
static __attribute__((noinline)) int ma_sql_np_period(const char *sql, const struct ma_sql_tok *win,
                                                      int i)
{
	const struct ma_sql_tok *x = &win[i - MA_SQL_JSTEP - 1], *y = &win[i - 1];
	uint32_t d = y->start - x->start, s0 = x->start;
	int m = MA_SQL_JSTEP + 1 + MA_SQL_NPJOIN_AHEAD;

	if (s0 < 2)
		return 0;
	for (int k = 0; k < m; k++)
		if (x[k].type != y[k].type || x[k].flags != y[k].flags ||
		    y[k].start - x[k].start != d || y[k].end - x[k].end != d)
			return 0;
	return memcmp(sql + s0 - 2, sql + s0 - 2 + d, x[m - 1].end - s0 + 2) == 0;
}

/* The bound's finding (MA_SQL_JUDGE_MAX): the check fails closed. */
static void ma_sql_too_complex(struct ma_sql_hit *hit)
{
	hit->rule = "sqli.too_complex";
	hit->sev = "high";
	hit->confidence = 0.8;
	hit->fired = 1;
}

/* 1 when tk, a comment, was opened by the application's byte just before
 * the input and the input's first byte (credit- + -1: credit--1; credit/
 * + *2: a block comment) and runs on over the application's text after
 * the input (b), which it cuts (review24). Without its first byte the
 * input is an operand after an operator (credit-1), so the input changed
 * the kind of the token it ends; an input after "credit - " or whose
 * first byte opens no comment there (MySQL's --1 is no comment) is not. */
static int ma_sql_opened_before(const char *sql, const struct ma_sql_tok *tk, size_t a, size_t b)
{
	if (tk->type != MA_SQL_T_COMMENT || tk->start + 1 != a || tk->end <= b ||
	    !((sql[tk->start] == '-' && sql[a] == '-') || (sql[tk->start] == '/' && sql[a] == '*')))
		return 0;
	for (size_t i = b; i < tk->end; i++)
		if (!isspace((unsigned char)sql[i]))
			return 1;
	return 0;
}

/* ma_sql_rest_inert's bytes: 1 inert, 2 inert unless a comment opens */
static const unsigned char ma_sql_inert_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,  ['4'] = 1,  ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, [' '] = 1, ['\n'] = 1, ['\t'] = 1, [','] = 1, ['('] = 1, [')'] = 1,
    ['+'] = 1, ['*'] = 1, ['%'] = 1, ['.'] = 1,  ['-'] = 2,  ['/'] = 2};

/* 1 when the input's tokens after the window's last (win_end, up to b)
 * are all inert: numbers, strings the input holds whole, commas,
 * parentheses and the arithmetic signs + - * / % (the rest of a long list
 * of ids or a long sum). A window is MA_SQL_WIN tokens at most; what an
 * input holds past it is not judged, so an input whose rest is not inert
 * fails closed (sqli.too_complex: 256 ids then ") OR 1=1 -- ", review24i)
 * -- allowing it would let an attacker put its payload after enough
 * tokens. Linear in the input; read only for an input past the window. */
static int ma_sql_rest_inert(int dialect, const char *sql, size_t len, size_t win_end, size_t a,
                             size_t b)
{
	struct ma_sql_lexer lx;
	struct ma_sql_tok t;
	size_t i = win_end;

	/* bytes first (ma_sql_inert_byte): digits, spaces and , ( ) + * % .
	 * and - or / but where it opens a comment (-- or / *, with the byte
	 * after the input too) */
	for (; i < b; i++) {
		unsigned char k = ma_sql_inert_byte[(unsigned char)sql[i]];
		if (!k || (k == 2 && (i + 1 >= len || sql[i + 1] == '-' || sql[i + 1] == '*')))
			break;
	}
	if (i == b)
		return 1;
	ma_sql_lex_init(&lx, dialect, sql, len);
	lx.pos = win_end;
	while (ma_sql_lex_next(&lx, &t) && t.start < b) {
		switch (t.type) {
		case MA_SQL_T_NUMBER:
		case MA_SQL_T_COMMA:
		case MA_SQL_T_LPAREN:
		case MA_SQL_T_RPAREN:
			break;
		case MA_SQL_T_STRING:
			if (t.start < a || t.end > b || (t.flags & MA_SQL_F_UNTERMINATED))
				return 0;
			break;
		case MA_SQL_T_OP:
			if (t.end - t.start != 1 || !strchr("+-*/%", sql[t.start]))
				return 0;
			break;
		default:
			return 0;
		}
	}
	return 1;
}

/* Its finding: the comment cuts the statement after the input (whose
 * first byte joins the application's: it spans tokens). */
static void ma_sql_cut_hit(struct ma_sql_hit *hit)
{
	hit->spans = 1;
	hit->rule = "sqli.comment_truncation";
	hit->sev = "high";
	hit->confidence = 0.95;
	hit->fired = 1;
}
/* The tokens of a window whose place's answer another place may take
 * (ma_sql_place_same); MA_SQL_PLACEMEMO 0: every place judged (the tests
 * compare both). */
#define MA_SQL_PLACE_N    8
#define MA_SQL_PLACE_MISS 4
#ifndef MA_SQL_PLACEMEMO
#define MA_SQL_PLACEMEMO 1
#endif
#define MA_SQL_JSLOTS           (MA_SQL_WIN / MA_SQL_JSTEP + 8)
#define MA_SQL_BRK_RPAR         1u /* struct ma_sql_reuse's brk */
#define MA_SQL_BRK_COMMA        2u
#define MA_SQL_BRK_UNKNOWN      4u /* not read yet (the form's first place that asks) */
#define MA_SQL_JKEY(serial, gi) ((uint64_t)(serial) << 32 | (uint32_t)(gi))
struct ma_sql_jstate {
	struct ma_sql_state st; /* st.prev NULL: prev_type */
	struct ma_sql_flags f;
	int logic_pending, relaxed, semi_end, prev_type, lastsig_type;
};
struct ma_sql_reuse {
	unsigned *sum; /* the input's MA_SQL_B_* (the memo's: struct ma_sql_memo) */
	/* The form judged now holds a ')' (MA_SQL_BRK_RPAR) or a ','
	 * (MA_SQL_BRK_COMMA), read at its first place that asks
	 * (ma_sql_brk_may; MA_SQL_BRK_UNKNOWN from ma_sql_scan_form until
	 * then): every place of a form is its bytes, so ma_num_breakout,
	 * which wants a ')' below the application's parentheses or a ',' in a
	 * SET clause among them, is not called at the places of a form
	 * without (sqlcost12). */
	unsigned brk;
	unsigned serial; /* windows judged (0: none yet) */
	size_t a;        /* the last one's place */
	/* The last window's end (the statement's token after its last one),
	 * the last token it judged that is not plain (-1: none), and its
	 * state after its last token. */
	int end, lastnp;
	/* The window's last ma_sql_np_span answer (MA_SQL_NPMEMO): for the
	 * span at its token span_i (-1: none yet), the count, the last index
	 * and lexdiff. */
	int span_i, span_k, span_last, span_lex;
	struct ma_sql_jstate fin;
	/* The last window judged whole at its place whose tokens were all
	 * plain (none when same_a is (size_t)-1): its place, whether its
	 * first token was a literal it closed, its end and its state after
	 * its last token. Another window at the same place (an input that
	 * starts as another does) starts with the same state and tokens:
	 * where it ends no sooner, it takes that state after them at once. */
	size_t same_a;
	int same_closed, same_end;
	struct ma_sql_jstate same_fin;
	/* The cursor at the check's first place judged (have_cur): a place
	 * before the last one but not before it (another input) reads the
	 * tokens before it from there, not from the statement's start. */
	int have_cur;
	struct ma_sql_cursor cur;
	/* Tokens judged by the window loop that are not plain (names,
	 * keywords, parameters, comments, ';': their windows are not shared
	 * between places), in this check so far: MA_SQL_JUDGE_MAX. */
	unsigned np;
	unsigned windows; /* windows judged that span tokens (the first whole) */
	/* Set by the check past a form's 64th place (ma_sql_past), cleared
	 * at each form; colpast: the places judged past them, in this check,
	 * where a one-word input is a whole name where a value goes
	 * (ma_col_judge's): MA_SQL_COLPAST_MAX. Not reset with the cache. */
	int past;
	unsigned colpast;
	/* plainpast: the windows judged past a form's 64th place whose tokens
	 * are all plain (MA_SQL_PLAIN_TYPES: no name, keyword, parameter,
	 * comment or ';') but not a list of numbers, in this check:
	 * MA_SQL_PLAINPAST_MAX. Not reset with the cache. The cache's tokens
	 * [pl_lo, pl_hi) were read for it: pl_last the last one that is not
	 * plain, pl_other the last one that is none of a number, a comma, a
	 * one-byte + or -, pl_lit the last literal (a number or a string) (-1:
	 * none; reset with the cache: ma_sql_win_plain). */
	unsigned plainpast;
	int pl_lo, pl_hi, pl_last, pl_other, pl_lit;
	/* a slot's key: the window whose state it is (its serial) << 32 |
	 * the statement's token (its index) it stands before */
	uint64_t key[MA_SQL_JSLOTS];
	struct ma_sql_jslot {
		int plain; /* the MA_SQL_JSTEP tokens before the token are all plain */
		struct ma_sql_jstate s;
	} slot[MA_SQL_JSLOTS];
	/* The last place judged whole whose answer another place may take
	 * (ma_sql_place_same, sqlcost10): valid, or written at the place
	 * judged now and not valid until ma_sql_analyse_kept confirms it. */
	struct ma_sql_pkey {
		int valid, n, prev_kw, clause, depth;
		struct ma_sql_tok prev; /* the key's prev (ma_sql_place_quiet) */
		/* the form's bytes are those of a list of numbers (digits, , + -
		 * . e E, white space): 1, or 2 not, 0 not known yet (a form of
		 * other bytes has no window ma_sql_place_same takes: its places
		 * cost a test of this alone, sqlcost11) */
		int numform;
		/* the places of the kind ma_sql_place_same takes since the last
		 * that took an answer: past MA_SQL_PLACE_MISS, one in 16 is kept
		 * (a key kept costs more than a place that never matches) */
		unsigned miss;
		size_t a, b, lo, hi; /* the place, the bytes [lo, hi) compared */
		uint8_t bracket, bclause, cstack[32];
		/* prev, the window's n tokens, the token after it: start and end
		 * less a (wrapped; pos: start << 32 | end) and type << 8 | flags */
		uint64_t pos[MA_SQL_PLACE_N + 2];
		uint16_t tf[MA_SQL_PLACE_N + 2];
	} pk;
};

/* 0 when ma_num_breakout's first test answers 0 from the form's bytes
 * alone (no ')' where the application's parentheses are open, no ',' in
 * a SET clause): read once a form, at [a, b), its bytes. */
static __attribute__((noinline)) int ma_sql_brk_read(struct ma_sql_reuse *ru, const char *sql,
                                                     size_t a, size_t b)
{
	ru->brk = (memchr(sql + a, ')', b - a) ? MA_SQL_BRK_RPAR : 0u) |
	          (memchr(sql + a, ',', b - a) ? MA_SQL_BRK_COMMA : 0u);
	return (int)ru->brk;
}

static inline int ma_sql_brk_may(struct ma_sql_reuse *ru, const char *sql, size_t a, size_t b,
                                 int depth, int clause)
{
	unsigned k =
	    ru->brk == MA_SQL_BRK_UNKNOWN ? (unsigned)ma_sql_brk_read(ru, sql, a, b) : ru->brk;

	return ((k & MA_SQL_BRK_RPAR) && depth > 0) || ((k & MA_SQL_BRK_COMMA) && clause == CL_SET);
}

static inline __attribute__((always_inline)) int ma_sql_jstate_same(const struct ma_sql_jstate *x,
                                                                    const struct ma_sql_jstate *y)
{
	return x->logic_pending == y->logic_pending && x->relaxed == y->relaxed &&
	       x->semi_end == y->semi_end && x->lastsig_type == y->lastsig_type &&
	       memcmp(&x->f, &y->f, sizeof x->f) == 0 &&
	       ma_sql_state_same(&x->st, x->prev_type, &y->st, y->prev_type);
}

/* 1 when the state y a window has before win[i] is the one x it had
 * before win[i - MA_SQL_JSTEP] (ma_sql_jstate_same), or that but for its
 * depth, both below 0 and staying there over the MA_SQL_JSTEP tokens
 * from win[i] (fewer '(' and bytes no rule knows -- MySQL's '{' -- among
 * them than the depth is below 0): the loop reads the depth only where it
 * is 0 or more (the clause outside a parenthesis, a ';' that ends a
 * statement), so the tokens' steps go as they went, the depth changed by
 * as much; *delta: y's depth less x's. */
static __attribute__((noinline)) int ma_sql_jstate_period(const struct ma_sql_jstate *x,
                                                          const struct ma_sql_jstate *y,
                                                          const struct ma_sql_tok *win, int i,
                                                          int *delta)
{
	struct ma_sql_jstate t;
	int nl = 0, hi = x->st.depth > y->st.depth ? x->st.depth : y->st.depth;

	*delta = 0;
	if (x->st.depth == y->st.depth)
		return ma_sql_jstate_same(x, y);
	if (hi >= 0)
		return 0;
	for (int k = i; k < i + MA_SQL_JSTEP; k++)
		nl += win[k].type == MA_SQL_T_LPAREN || win[k].type == MA_SQL_T_OTHER;
	if (hi + nl >= 0)
		return 0;
	t = *x;
	t.st.depth = y->st.depth;
	if (!ma_sql_jstate_same(&t, y))
		return 0;
	*delta = y->st.depth - x->st.depth;
	return 1;
}

/* 1 when t is a number, a comma or a one-byte sign (+ -): the tokens of
 * a list of numbers (an ORM's IN (1, 2, -1.5e3 ...)). */
static inline int ma_sql_tok_numlist(const char *sql, const struct ma_sql_tok *t)
{
	return t->type == MA_SQL_T_NUMBER || t->type == MA_SQL_T_COMMA ||
	       (t->type == MA_SQL_T_OP && t->end - t->start == 1 &&
	        (sql[t->start] == '+' || sql[t->start] == '-'));
}

/* The bytes of a list of numbers (struct ma_sql_pkey's numform) */
static const unsigned char ma_sql_numform_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1,  ['4'] = 1,  ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1, [','] = 1,  ['+'] = 1,  ['-'] = 1, ['.'] = 1,
    ['e'] = 1, ['E'] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1};

/* t's start and end less a (ma_sql_pkey's pos) and its type and flags
 * (tf) */
static inline uint64_t ma_sql_pk_pos(const struct ma_sql_tok *t, size_t a)
{
	return (uint64_t)(uint32_t)(t->start - a) << 32 | (uint32_t)(t->end - a);
}
static inline uint16_t ma_sql_pk_tf(const struct ma_sql_tok *t)
{
	return (uint16_t)(t->type << 8 | t->flags);
}

/* 1 when the clause stacks x and y (32 bytes each) are the same */
static inline int ma_sql_pk_cstack(const uint8_t *x, const uint8_t *y)
{
	uint64_t d = 0;

	for (int i = 0; i < 32; i += 8) {
		uint64_t u, v;
		memcpy(&u, x + i, 8);
		memcpy(&v, y + i, 8);
		d |= u ^ v;
	}
	return d == 0;
}

/*
 * A place judged as another was (sqlcost10; sqlcost11: only a window of
 * a list of numbers, ma_sql_tok_numlist, of a form whose bytes may be one,
 * pk.numform). ma_sql_judge, past its bounds (MA_SQL_JUDGE_MAX's entry
 * test, MA_SQL_PLAINPAST_MAX's, ru->windows counted: all done at every
 * place), reads for a window of plain tokens only (MA_SQL_PLAIN_TYPES;
 * a list of numbers' are) that ends before the statement's next token t:
 *
 *   - the cursor's state before the place: have_prev, prev, prev_kw,
 *     clause, depth, bracket, bclause, cstack (cur->idx only picks the
 *     slots of ru's window states, and those answer as the loop would:
 *     sqlcost5's proof);
 *   - the window's tokens (type, flags, start and end against a and b)
 *     and their bytes, t's type (tail_live) and t itself (the walk's
 *     first token, ma_col_judge's after);
 *   - the loop over plain tokens (ma_sql_plain_run, ma_sql_step_plain):
 *     the state, the token and its bytes, ma_next_sig within the window;
 *     ru->np and ru->windows only for tokens that are not plain (the loop's
 *     bound, ma_sql_past_bound's count, ma_sql_np_span's count: 0 here);
 *     len only for a comment token (not plain);
 *   - after the loop: the flags, prev and its bytes; then three readers
 *     that may read further: ma_num_judge (the bytes before prev, the
 *     statement before the input's first place), ma_col_judge (up to 512
 *     bytes back and more) and the tail walk (the rest of the
 *     statement). A place whose judgement calls ma_col_judge or
 *     ma_sql_tail_runs, or ma_num_judge where the form's *sum may hold
 *     MA_SQL_B_NUM (where it does not, ma_num_judge reads *sum and
 *     answers 0: the form's, the same at every place of it), is not
 *     kept (ma_sql_analyse_kept decides it after the judgement: its
 *     grammar's "not valid" is before all three, and where the walk
 *     would go ma_sql_place_quiet asks the two passes' conditions);
 *   - ma_sql_analyse_in's attempt: the form's bytes and decodings, bare
 *     (jd->inside: win[0] against a), jd->runnable (set only by the
 *     walk), jd->lexdiff (set by the loop's steps over tokens that are
 *     not plain: 0 here) and strict; a place whose loose attempt fires
 *     runs the walk and is not kept either.
 *
 * So two places of one form (ma_sql_scan_form clears the key: the same
 * input bytes, decodings and *sum) whose prev, window and t are the same
 * tokens at the same offsets from their places, whose bytes from prev's
 * start to t's end are the same (the input's among them, and b's offset
 * the same), and whose cursor states are the same, get the same answer
 * from the bounds on: the place kept (the last judged whole, valid only
 * when it did not fire and read nothing further) answers for the other.
 * Only an answer that allows is taken; a place that differs in any byte
 * or token read, or in its state coming in (one token more to its left
 * changes prev or the clause stack), is judged.
 *
 * Returns 1 when the place [a, b) is the kept one's (hit->spans 0:
 * ma_sql_analyse_in has nothing more to do); else 0, with the place's key
 * written when it is a window of the kind above to keep (hit->spans 2;
 * valid once ma_sql_analyse_kept finds that its judgement read nothing
 * further and it allowed; k->miss: which places are kept changes only the
 * cost), the key cleared either way. Cold: for the other places the call
 * is not there (sqlcost11: a call in ma_sql_judge's hot path cost
 * sqlworst's overlap +1 % in registers).
 */
static __attribute__((noinline, cold)) int
ma_sql_place_same(struct ma_sql_reuse *ru, struct ma_sql_hit *hit, const char *sql, size_t a,
                  size_t b, const struct ma_sql_tok *win, int n, const struct ma_sql_tok *prev,
                  int prev_kw, const struct ma_sql_cursor *cur, const struct ma_sql_tok *t)
{
	struct ma_sql_pkey *k = &ru->pk;
	size_t lo, hi;
	int same;

	if (k->numform == 0) {
		/* (once a form: a place's bytes are the form's) */
		k->numform = 1;
		for (size_t i = a; i < b && k->numform == 1; i++)
			if (!ma_sql_numform_byte[(unsigned char)sql[i]])
				k->numform = 2;
		if (k->numform == 2) {
			k->valid = 0;
			return 0;
		}
	}
	if (n > MA_SQL_PLACE_N || !t || !cur->have_prev || prev->start > a || t->start < b) {
		k->valid = 0;
		return 0;
	}
	for (int i = 0; i < n; i++)
		if (!ma_sql_tok_numlist(sql, &win[i])) {
			k->valid = 0;
			return 0;
		}
	lo = prev->start;
	hi = t->end;
	same = k->valid && k->n == n && k->b - k->a == b - a && k->a - k->lo == a - lo &&
	       k->hi - k->lo == hi - lo && k->prev_kw == prev_kw && k->clause == cur->clause &&
	       k->depth == cur->depth && k->bracket == cur->bracket && k->bclause == cur->bclause &&
	       k->pos[0] == ma_sql_pk_pos(prev, a) && k->tf[0] == ma_sql_pk_tf(prev) &&
	       k->pos[n + 1] == ma_sql_pk_pos(t, a) && k->tf[n + 1] == ma_sql_pk_tf(t) &&
	       ma_sql_pk_cstack(k->cstack, cur->cstack);
	for (int i = 0; same && i < n; i++)
		same = k->pos[i + 1] == ma_sql_pk_pos(&win[i], a) &&
		       k->tf[i + 1] == ma_sql_pk_tf(&win[i]);
	if (same && memcmp(sql + k->lo, sql + lo, hi - lo) == 0) {
		k->miss = 0;
		hit->spans = 0; /* (ma_sql_analyse_in has nothing more to do) */
		return 1;
	}
	k->valid = 0;
	k->miss++;
	if (!(k->miss < MA_SQL_PLACE_MISS || k->miss % 16 == 0))
		return 0;
	/* the key written now (valid once ma_sql_analyse_kept confirms it;
	 * prev and t stay as they are through the judgement): the judge need
	 * not hold cur to its end (sqlcost11: a register its loop lacked) */
	k->n = n;
	k->a = a;
	k->b = b;
	k->lo = prev->start;
	k->hi = t->end;
	k->prev_kw = prev_kw;
	k->clause = cur->clause;
	k->depth = cur->depth;
	k->bracket = cur->bracket;
	k->bclause = cur->bclause;
	memcpy(k->cstack, cur->cstack, sizeof k->cstack);
	k->pos[0] = ma_sql_pk_pos(prev, a);
	k->tf[0] = ma_sql_pk_tf(prev);
	k->prev = *prev;
	for (int i = 0; i < n; i++) {
		k->pos[i + 1] = ma_sql_pk_pos(&win[i], a);
		k->tf[i + 1] = ma_sql_pk_tf(&win[i]);
	}
	k->pos[n + 1] = ma_sql_pk_pos(t, a);
	k->tf[n + 1] = ma_sql_pk_tf(t);
	hit->spans = 2; /* (ma_sql_analyse_kept) */
	return 0;
}

/* For the place ma_sql_place_same answered 2 for (its key written)
 * whose judgement ended where the walk goes (ma_sql_judge's num and col 0,
 * walk->pending), inside: jd.inside (win[0] starts before a; no comment in
 * such a window). 1 when neither ma_num_judge nor ma_col_judge read past
 * the key: ma_num_judge not called, or called where the form's *sum lacks
 * MA_SQL_B_NUM (made once for the form: it answers 0 at each of its places
 * from *sum alone), and ma_col_judge not called -- the conditions before
 * each as ma_sql_judge's, from the key's prev, prev_kw and clause (the
 * judge's, have_prev 1 there), relaxed taken as 0 (relaxed 1 calls neither:
 * a place then is not kept, only its cost). Asked only here: ma_sql_judge's
 * expressions stay as they were (sqlcost11: flags cleared inside them cost
 * the other places ~1 %). */
static __attribute__((noinline)) int ma_sql_place_quiet(const struct ma_sql_reuse *ru,
                                                        const char *sql, int inside)
{
	const struct ma_sql_pkey *k = &ru->pk;
	const struct ma_sql_tok *prev = &k->prev;

	if (inside)
		return 1; /* (neither: both need win[0] at or after a) */
	if ((prev->type == MA_SQL_T_OP
	         ? ma_num_op_byte(sql[prev->start])
	         : prev->type == MA_SQL_T_LPAREN || prev->type == MA_SQL_T_COMMA ||
	               prev->type == MA_SQL_T_WORD) &&
	    !(ru->sum && !(*ru->sum & MA_SQL_B_NUM)))
		return 0;
	return !(k->clause != CL_SET && ma_col_place(sql, prev, k->prev_kw));
}

/* 1 when the window win (n tokens; win[i] the cache's token wbase + i
 * where wbase >= 0) counts for MA_SQL_PLAINPAST_MAX: it holds only plain
 * tokens, is not a list of numbers (ma_sql_tok_numlist: one token at
 * least is none of those), and holds no literal (a number or a string:
 * operators and punctuation only, no value) or is long (MA_SQL_PLAINLONG
 * tokens or more). Through ru's reading of the cache (pl_lo, pl_hi,
 * pl_last, pl_other, pl_lit): the places of a form come in order, and a
 * window that starts in the stretch read and ends at or after its end
 * reads only its tokens after it (each token read once a form); any
 * other window is read whole and replaces the stretch. */
#define MA_SQL_PLAINLONG 32
static int ma_sql_win_plain(struct ma_sql_reuse *ru, const char *sql, const struct ma_sql_tok *win,
                            int wbase, int n)
{
	int lo = wbase, hi = wbase + n, from, other = 0, lit = 0;

	if (wbase < 0) {
		for (int i = 0; i < n; i++) {
			if (!ma_sql_tok_plain(&win[i]))
				return 0;
			other |= !ma_sql_tok_numlist(sql, &win[i]);
			lit |= win[i].type == MA_SQL_T_NUMBER || win[i].type == MA_SQL_T_STRING;
		}
		return other && (!lit || n >= MA_SQL_PLAINLONG);
	}
	if (ru->pl_lo <= lo && lo <= ru->pl_hi && ru->pl_hi <= hi) {
		from = ru->pl_hi;
	} else {
		from = lo;
		ru->pl_lo = lo;
		ru->pl_last = -1;
		ru->pl_other = -1;
		ru->pl_lit = -1;
	}
	for (int g = from; g < hi; g++) {
		const struct ma_sql_tok *t = &win[g - wbase];
		if (!ma_sql_tok_plain(t))
			ru->pl_last = g;
		if (!ma_sql_tok_numlist(sql, t))
			ru->pl_other = g;
		if (t->type == MA_SQL_T_NUMBER || t->type == MA_SQL_T_STRING)
			ru->pl_lit = g;
	}
	ru->pl_hi = hi;
	return ru->pl_last < lo && ru->pl_other >= lo && (ru->pl_lit < lo || n >= MA_SQL_PLAINLONG);
}

/* After UNION, INTERSECT or EXCEPT (next: the token after it), a query
 * without SELECT: MySQL 8's and PostgreSQL's TABLE name, VALUES (...)
 * (SQLite, PostgreSQL, MariaDB 10.3) and MySQL 8's VALUES ROW(...). TABLE's name ([schema.]name)
 * ends the input's words: nothing of the input after it but a comment, ';', ')', ORDER, LIMIT or
 * UNION
 * ("union table games" is English). */
static int ma_union_query(int dialect, const char *sql, const struct ma_sql_tok *w, int n,
                          const struct ma_sql_tok *next, size_t b)
{
	const struct ma_sql_tok *a1, *a2;
	int k2;

	if (!next || next->type != MA_SQL_T_WORD || next->start >= b)
		return 0;
	a1 = ma_next_sig(w, n, (int)(next - w));
	if (!a1)
		return 0;
	a2 = ma_next_sig(w, n, (int)(a1 - w));
	if (ma_tok_kw(sql, next) == KW_VALUES)
		return a1->type == MA_SQL_T_LPAREN ||
		       (MA_SQL_MY(dialect) &&
		        ma_word_cmp(sql + a1->start, a1->end - a1->start, "row") == 0 && a2 &&
		        a2->type == MA_SQL_T_LPAREN);
	if (dialect == MOAT_SQL_SQLITE ||
	    ma_word_cmp(sql + next->start, next->end - next->start, "table") != 0 ||
	    (a1->type != MA_SQL_T_WORD && a1->type != MA_SQL_T_QIDENT))
		return 0;
	if (a2 && a2->type == MA_SQL_T_DOT) {
		a1 = ma_next_sig(w, n, (int)(a2 - w));
		if (!a1 || (a1->type != MA_SQL_T_WORD && a1->type != MA_SQL_T_QIDENT))
			return 0;
		a2 = ma_next_sig(w, n, (int)(a1 - w));
	}
	if (!a2 || a2->start >= b)
		return 1;
	k2 = ma_tok_kw(sql, a2);
	return a2->type == MA_SQL_T_SEMI || a2->type == MA_SQL_T_RPAREN || k2 == KW_ORDER ||
	       k2 == KW_LIMIT || k2 == KW_UNION;
}

/* A tail walk left for later (ma_sql_judge with a walk): where the rest
 * of the statement starts and the grammar's state there. */
struct ma_sql_walk {
	int pending; /* 1: jd->runnable is the walk's, not yet known */
	int dialect, have_first, have_prev;
	struct ma_sql_state st; /* st.prev: prev when have_prev */
	struct ma_sql_tok prev, first;
	struct ma_sql_cursor c; /* stands after first */
	struct ma_sql_cache *cache;
	const char *sql;
};

/* The walk left in w: 1 when the rest of the statement runs. */
static int ma_sql_walk_run(struct ma_sql_walk *w)
{
	w->pending = 0;
	w->st.prev = w->have_prev ? &w->prev : NULL;
	return ma_sql_tail_runs(&w->st, w->dialect, w->sql, &w->c, w->cache, &w->first,
	                        w->have_first);
}

/* The analysis of [a, b) in sql as it stands (the file comment). cur and
 * cache (either may be NULL) carry what earlier occurrences of the same
 * check read; cur is reset when a comes before its place. ru (may be
 * NULL): the states of the windows judged before (above). walk (may be
 * NULL): where the tail walk is left when only jd->runnable hangs on it
 * (no weaker sign; walk->pending then, ma_sql_walk_run does it), instead
 * of walking now. */
static void ma_sql_judge(int dialect, const char *sql, size_t len, size_t a, size_t b,
                         struct ma_sql_hit *hit, struct ma_sql_judgement *jd,
                         struct ma_sql_cursor *cur, struct ma_sql_cache *cache,
                         struct ma_sql_reuse *ru, struct ma_sql_walk *walk)
{
	struct ma_sql_tok winbuf[MA_SQL_WIN], t, prev;
	const struct ma_sql_tok *win = winbuf;
	struct ma_sql_state st;
	struct ma_sql_flags f;
	/* the cursor after the window: in the walk left to the caller when
	 * there is one (not copied into it) */
	struct ma_sql_cursor own, wcbuf, *const wc = walk ? &walk->c : &wcbuf;
	int n = 0, have_prev, prev_kw, clause, depth;
	int tail_live = 0, logic_pending = 0, have_tail = 0, relaxed = 0, semi_end = 0;
	int g0 = 0, plain_run = 0, wbase = -1; /* win[i] is the cache's wbase + i */
	int lastnp = -1;       /* the last token judged that is not plain (its index) */
	int ns = -1, ns0 = -1; /* the next i where a state of ru is (-1: none), the first */
	unsigned ser = 0, pser = 0;
	int i0 = 0, whole = 1; /* the first token judged; every token judged here */
	const struct ma_sql_tok *lastsig = NULL, *lastsig_before = NULL, *first;

	memset(hit, 0, sizeof *hit);
	memset(jd, 0, sizeof *jd);
	memset(&f, 0, sizeof f);
	if (!cur) {
		cur = &own;
		ma_sql_cursor_init(cur, dialect, sql, len);
	} else if (a < cur->a) {
		if (ru && ru->have_cur && ru->cur.a <= a)
			*cur = ru->cur;
		else
			ma_sql_cursor_init(cur, dialect, sql, len);
	}
	ma_sql_cursor_advance(cur, cache, sql, a);
	if (ru && !ru->have_cur) {
		ru->cur = *cur;
		ru->have_cur = 1;
	}
	have_prev = cur->have_prev;
	prev = cur->prev;
	prev_kw = cur->prev_kw >= 0 ? cur->prev_kw : ma_tok_kw(sql, &cur->prev);
	clause = cur->clause;
	depth = cur->depth;
	/* the window and the first token after it: the statement's tokens
	 * from the first that ends after a (lx stands after the last read) */
	*wc = *cur;
	if (ma_sql_cache_window(cache, wc, sql, b, &win, &n, &t, &have_tail)) {
		wbase = cur->idx;
	} else {
		while (ma_sql_cursor_take(wc, cache, sql, (size_t)-1, &t)) {
			if (t.start >= b) {
				have_tail = 1;
				break;
			}
			if (n == MA_SQL_WIN)
				break;
			winbuf[n++] = t;
		}
	}
	tail_live = have_tail && t.type != MA_SQL_T_COMMENT;
	if (n == 0 || (n == 1 && win[0].start <= a && win[0].end >= b)) {
		/* inside one token (or only whitespace): data, unless it is a
		 * comment the input's first byte opened (ma_sql_opened_before)
		 * or a whole name where a value goes (id = id: ma_col_judge;
		 * the statement runs as it does with a value there) */
		if (n == 1 && ma_sql_opened_before(sql, &win[0], a, b)) {
			ma_sql_cut_hit(hit);
			return;
		}
		if (n == 1 && win[0].start == a && win[0].end == b &&
		    (win[0].type == MA_SQL_T_WORD || win[0].type == MA_SQL_T_QIDENT) && have_prev &&
		    clause != CL_SET) { /* (SET's = assigns: n = n changes nothing) */
			if (ru && ru->past && ma_col_place(sql, &prev, prev_kw) &&
			    ++ru->colpast > MA_SQL_COLPAST_MAX) {
				/* past the 64th place, one column judgement too
				 * many (MA_SQL_COLPAST_MAX): fail closed */
				ma_sql_too_complex(hit);
				return;
			}
			if (ma_col_judge(dialect, sql, a, b, win, 1, 0, &prev, prev_kw,
			                 have_tail ? &t : NULL, cache ? &cache->colmemo : NULL)) {
				hit->rule = "sqli.column";
				hit->sev = "high";
				hit->confidence = 0.85;
				hit->fired = 1;
			}
		}
		return;
	}
	hit->spans = 1;
	jd->inside = win[0].start < a;
	if (n == MA_SQL_WIN && !have_tail &&
	    !ma_sql_rest_inert(dialect, sql, len, win[n - 1].end, a, b)) {
		/* the input goes on past the window and its rest is not
		 * inert: fail closed, not allowed unread (ma_sql_rest_inert) */
		ma_sql_too_complex(hit);
		return;
	}
	if (ru && ru->np > MA_SQL_JUDGE_MAX) {
		/* the windows judged so far were costly and a further place
		 * has one to judge: fail closed (MA_SQL_JUDGE_MAX) */
		ma_sql_too_complex(hit);
		return;
	}
	if (ru && ru->past && ma_sql_win_plain(ru, sql, win, wbase, n) &&
	    ++ru->plainpast > MA_SQL_PLAINPAST_MAX) {
		/* past the 64th place, one window of plain tokens only too
		 * many (MA_SQL_PLAINPAST_MAX): fail closed, not judged */
		ma_sql_too_complex(hit);
		return;
	}
	if (ru) {
		ru->windows++;
		/* (only a form whose bytes may be a list of numbers is looked
		 * at, pk.numform; a place whose key is written has hit->spans 2,
		 * kept or not by ma_sql_analyse_kept) */
		if (MA_SQL_PLACEMEMO && __builtin_expect(ru->pk.numform != 2, 0) &&
		    ma_sql_place_same(ru, hit, sql, a, b, win, n, &prev, prev_kw, cur,
		                      have_tail ? &t : NULL)) {
			/* the place kept answered for this one: it allowed */
#ifdef MA_SQL_PLACEMEMO_COUNT
			MA_SQL_PLACEMEMO_COUNT++;
#endif
			return;
		}
	}

	memset(&st, 0, sizeof st);
	st.valid = 1;
	st.clause = clause;
	st.depth = depth;
	st.bracket = cur->bracket; /* (a = ARRAY[_, 2]: the '[' before the place) */
	st.bclause = cur->bclause;
	memcpy(st.cstack, cur->cstack, sizeof st.cstack);
	st.stmt_start = !have_prev || prev.type == MA_SQL_T_SEMI;
	if (have_prev) {
		st.expect_op = ma_is_operand_tok(&prev, prev_kw);
		st.prev = &prev;
		st.prev_kw = prev_kw;
	}
	/* An input that starts with an operator or a clause (" OR 1=1", "ORDER
	 * BY 2") where a value is expected was written to follow one: judge it
	 * as if it did (the statement fails as it is, the attempt is the same). */
	/* (Comments the input writes before it are whitespace: / * * / OR 1=1.) */
	first = win[0].type == MA_SQL_T_COMMENT ? ma_next_sig(win, n, 0) : &win[0];
	if (!st.expect_op && first && first->start >= a) {
		int k0 = ma_tok_kw(sql, first);
		if (ma_kw_binop(k0) || k0 == KW_ORDER || k0 == KW_GROUP || k0 == KW_HAVING ||
		    k0 == KW_LIMIT || k0 == KW_UNION || k0 == KW_WHERE ||
		    (first->type == MA_SQL_T_OP && !ma_op_is(sql, first, "-") &&
		     !ma_op_is(sql, first, "+") && !ma_op_is(sql, first, "~") &&
		     !ma_op_is(sql, first, "!")))
			st.expect_op = relaxed = 1;
	}
	f.closed = (win[0].type == MA_SQL_T_STRING || win[0].type == MA_SQL_T_QIDENT) &&
	           win[0].start < a && win[0].end <= b && !(win[0].flags & MA_SQL_F_UNTERMINATED);
	if (ru) {
		pser = ru->serial && ru->a <= a ? ru->serial : 0;
		ser = ++ru->serial ? ru->serial : ++ru->serial;
		ru->a = a;
		g0 = cur->idx;
		ns = MA_SQL_JSTEP - g0 % MA_SQL_JSTEP; /* the first i > 0 at a multiple */
		if (ru->same_a == a && ru->same_closed == f.closed && ru->same_end - g0 <= n) {
			/* a window judged whole at this place, all plain: the
			 * same state after the same tokens */
			i0 = ru->same_end - g0;
			st = ru->same_fin.st;
			st.prev = &win[i0 - 1];
			f = ru->same_fin.f;
			logic_pending = ru->same_fin.logic_pending;
			relaxed = ru->same_fin.relaxed;
			semi_end = ru->same_fin.semi_end;
			lastsig_before = i0 > 1 ? &win[i0 - 2] : NULL;
			lastsig = &win[i0 - 1];
			whole = 0;
			if (ns < i0)
				ns = i0 + (MA_SQL_JSTEP - (g0 + i0) % MA_SQL_JSTEP) % MA_SQL_JSTEP;
		}
		ns0 = ns;
		ru->span_i = -1;
		if (__builtin_expect(ru->np + (unsigned)(n - i0) > MA_SQL_JUDGE_MAX, 0) &&
		    ru->windows > 1 && MA_SQL_PRECOUNT &&
		    ma_sql_past_bound(win, i0, n, MA_SQL_JUDGE_MAX - ru->np)) {
			/* The loop below counts every token of win[i0, n) that
			 * is not plain (the states it takes from the windows
			 * before pass plain tokens only) and fails closed at
			 * the one that passes the bound, before any rule of the
			 * window is concluded: where they pass it, the window's
			 * answer is that, known without judging it (sqlcost3;
			 * np left as the loop leaves it) */
			ru->np = MA_SQL_JUDGE_MAX;
			ru->np++;
			ma_sql_too_complex(hit);
			return;
		}
	}
	for (int i = i0; i < n; i++) {
		const struct ma_sql_tok *tk = &win[i];
		const struct ma_sql_tok *next;
		int intro = tk->start >= a;
		int kw;

		if (i == ns) { /* (g0 + i) % MA_SQL_JSTEP == 0, i > 0, with ru */
			int gi = g0 + i, to = gi, plain = plain_run, join = 0, matched = 0;
			int judged_np = !plain_run; /* (a token not plain since the last) */
			int si0 = (gi / MA_SQL_JSTEP) % MA_SQL_JSLOTS;
			struct ma_sql_jslot *sl = &ru->slot[si0];
			struct ma_sql_jstate now;
			now.st = st;
			now.st.prev = NULL;
			now.f = f;
			now.logic_pending = logic_pending;
			now.relaxed = relaxed;
			now.semi_end = semi_end;
			now.prev_type = st.prev ? st.prev->type : -1;
			now.lastsig_type = lastsig ? lastsig->type : -1;
			if (pser && intro && ru->key[si0] == MA_SQL_JKEY(pser, gi) &&
			    ma_sql_jstate_same(&sl->s, &now)) {
				/* the window before judged the same from here */
				matched = 1;
				if (gi > ru->lastnp && ru->end - g0 <= n) {
					/* only plain tokens up to its end: its last state */
					to = ru->end;
					now = ru->fin;
					plain |= to - gi >= MA_SQL_JSTEP;
					join = i == ns0;
				} else {
					/* the last of its states past plain tokens only */
					for (int si = si0;;) {
						int gj = to + MA_SQL_JSTEP;
						si = si + 1 == MA_SQL_JSLOTS ? 0 : si + 1;
						if (gj - g0 >= n ||
						    ru->key[si] != MA_SQL_JKEY(pser, gj) ||
						    !ru->slot[si].plain)
							break;
						to = gj;
						plain = 1;
					}
					if (to != gi)
						now =
						    ru->slot[(to / MA_SQL_JSTEP) % MA_SQL_JSLOTS].s;
				}
				if (to != gi && join) {
					/* at its first state kept, nothing kept under
					 * its own serial yet: this window takes the
					 * serial of the window before (its states from
					 * gi on are that one's, and past that one's
					 * end its own, kept under it) */
					ser = pser;
					ru->serial = pser;
				} else if (to != gi) {
					/* the window before's states in between are
					 * this one's too */
					uint64_t from = MA_SQL_JKEY(pser, gi),
					         into = MA_SQL_JKEY(ser, gi);
					for (int si = si0,
					         k = (to - gi + MA_SQL_JSTEP - 1) / MA_SQL_JSTEP;
					     k > 0; k--) {
						if (ru->key[si] == from)
							ru->key[si] = into;
						from += MA_SQL_JSTEP; /* (the token's index) */
						into += MA_SQL_JSTEP;
						if (++si == MA_SQL_JSLOTS)
							si = 0;
					}
				}
				if (to != gi) {
					i = to - g0;
					whole = 0;
					st = now.st;
					st.prev = &win[i - 1];
					f = now.f;
					logic_pending = now.logic_pending;
					relaxed = now.relaxed;
					semi_end = now.semi_end;
					lastsig = &win[i - 1];
				}
			}
			if (to % MA_SQL_JSTEP == 0 && i < n) {
				int sj = (to / MA_SQL_JSTEP) % MA_SQL_JSLOTS;
				sl = &ru->slot[sj];
				ru->key[sj] = MA_SQL_JKEY(ser, to);
				sl->plain = plain;
				sl->s = now;
			}
			plain_run = 1;
			ns = i + MA_SQL_JSTEP - to % MA_SQL_JSTEP;
			if (i == n)
				break;
			tk = &win[i];
			intro = 1;
			if (MA_SQL_NPJOIN && (matched || judged_np) && wbase >= 0 &&
			    ns == i + MA_SQL_JSTEP && i + MA_SQL_JSTEP + MA_SQL_NPJOIN_AHEAD <= n) {
				/* the state MA_SQL_JSTEP tokens on, where it is known
				 * (above: ma_sql_np_span): the window before's, or
				 * this one's own where its tokens repeat */
				const struct ma_sql_jstate *take = NULL;
				int period = 0, delta = 0;
				if (matched && ru->end - g0 <= n &&
				    to + MA_SQL_JSTEP + MA_SQL_NPJOIN_AHEAD <= ru->end &&
				    ru->key[((to + MA_SQL_JSTEP) / MA_SQL_JSTEP) % MA_SQL_JSLOTS] ==
				        MA_SQL_JKEY(pser, to + MA_SQL_JSTEP))
					take = &ru->slot[((to + MA_SQL_JSTEP) / MA_SQL_JSTEP) %
					                 MA_SQL_JSLOTS]
					            .s;
				else if (judged_np && i > MA_SQL_JSTEP &&
				         win[i - MA_SQL_JSTEP].start >= a &&
				         ru->key[((to - MA_SQL_JSTEP) / MA_SQL_JSTEP) %
				                 MA_SQL_JSLOTS] ==
				             MA_SQL_JKEY(ser, to - MA_SQL_JSTEP) &&
				         ma_sql_jstate_period(
				             &ru->slot[((to - MA_SQL_JSTEP) / MA_SQL_JSTEP) %
				                       MA_SQL_JSLOTS]
				                  .s,
				             &now, win, i, &delta) &&
				         ma_sql_np_period(sql, win, i))
					period = 1;
				if (take || period) {
					int last = lastnp, lex = 0, k;
					if (period && MA_SQL_NPMEMO &&
					    ru->span_i == i - MA_SQL_JSTEP &&
					    win[i - MA_SQL_JSTEP].start >= a + 2) {
						/* the span before's answer, 16 tokens on */
						k = ru->span_k;
						lex = ru->span_lex;
						if (k > 0)
							last = ru->span_last + MA_SQL_JSTEP;
						MA_SQL_NPMEMO_TOOK(dialect, sql, a, win, i, wbase,
						                   lastnp, k, last, lex);
					} else {
						k = ma_sql_np_span(dialect, sql, a, win, i, wbase,
						                   &last, &lex);
					}
					ru->span_i = i;
					ru->span_k = k;
					ru->span_last = last;
					ru->span_lex = lex;
					if (k >= 0 && !(ru->np + (unsigned)k > MA_SQL_JUDGE_MAX &&
					                ru->windows > 1)) {
						MA_SQL_NPJOIN_TOOK(period);
						ru->np += (unsigned)k;
						if (k)
							plain_run = 0;
						lastnp = last;
						jd->lexdiff |= lex;
						i = ns;
						if (take) {
							st = take->st;
							f = take->f;
							logic_pending = take->logic_pending;
							relaxed = take->relaxed;
							semi_end = take->semi_end;
						}
						st.depth += delta;
						st.prev = &win[i - 1];
						lastsig = &win[i - 1];
						lastsig_before = &win[i - 2];
						i--; /* (the state kept at ns next) */
						continue;
					}
				}
			}
		}
		if (ma_sql_tok_plain(tk)) {
			/* the loop below for a plain token, where no rule of a
			 * word, a comment, ';' or what follows can apply (its
			 * keyword is KW_NONE, no call, no ODBC brace, no rule
			 * reads next); a run of them of the input at once, up
			 * to the next state kept */
			if (intro && !st.lenient && !st.after_is) {
				int j = ma_sql_plain_run(&st, &f, &logic_pending, relaxed, dialect,
				                         sql, win, i, ns > i && ns < n ? ns : n);
				st.prev = &win[j - 1];
				st.prev_kw = KW_NONE;
				lastsig_before = j - 1 > i ? &win[j - 2] : lastsig;
				lastsig = &win[j - 1];
				i = j - 1;
				continue;
			}
			ma_sql_step_plain(&st, dialect, sql, tk);
			st.prev = tk;
			st.prev_kw = KW_NONE;
			lastsig_before = lastsig;
			lastsig = tk;
			if (!intro)
				continue;
			if (f.closed || logic_pending) {
				if (f.closed && i > 0)
					f.active |= tk->type != MA_SQL_T_STRING &&
					            tk->type != MA_SQL_T_NUMBER;
				if (logic_pending == 2 && !f.logic && !relaxed &&
				    (tk->type == MA_SQL_T_STRING || tk->type == MA_SQL_T_NUMBER))
					f.logic = 1; /* OR 1, OR 'x' */
				if (logic_pending &&
				    (tk->type == MA_SQL_T_LPAREN || ma_op_comparison(sql, tk)))
					f.logic = 2;
			}
			if (tk->type == MA_SQL_T_OP && tk->end - tk->start == 2 &&
			    ma_is_logical(dialect, sql, tk, KW_NONE))
				logic_pending = ma_op_is(sql, tk, "||") ? 2 : 1;
			continue;
		}
		plain_run = 0;
		lastnp = g0 + i;
		if (ru && ++ru->np > MA_SQL_JUDGE_MAX && ru->windows > 1) {
			/* a later window that passes the bound: not judged
			 * on (MA_SQL_JUDGE_MAX) */
			ma_sql_too_complex(hit);
			return;
		}
		next = ma_next_sig(win, n, i);

		if (tk->type == MA_SQL_T_COMMENT) {
			if (!intro)
				continue;
			if (MA_SQL_MY(dialect) && sql[tk->start] == '#')
				jd->lexdiff = 1;
			if (tk->flags & MA_SQL_F_EXEC) {
				f.obfus = 2;
			} else if (tk->end > b && ma_has_text(sql, b, tk->end)) {
				if (f.closed || (lastsig && (lastsig->type == MA_SQL_T_NUMBER ||
				                             lastsig->type == MA_SQL_T_STRING ||
				                             lastsig->type == MA_SQL_T_RPAREN)))
					f.cut = 1;
				if (semi_end)
					f.semicut = 1; /* value; anything -- */
			} else if (next && lastsig && sql[tk->start] == '/') {
				f.obfus = 1; /* / * * / as whitespace between the input's tokens */
			}
			if (tk->end >= len || (tk->end > b && sql[tk->start] != '/'))
				f.tail_cut = 1;
			continue;
		}
		kw = wbase >= 0 ? ma_sql_cache_kw(cache, sql, wbase + i) : ma_tok_kw(sql, tk);
		/* a ';' of the input after a value, where the statement so far
		 * runs: SQLite (prepare_v2 compiles up to it, exec runs it
		 * first) and MySQL's multi-statement mode run the statement
		 * without its own tail; PostgreSQL parses the whole string
		 * first, so there the next statement has to be one of its
		 * grammar's (CHECKPOINT, NOTIFY x, COMMENT ON ...). It counts when the input's own
		 * comment then cuts the tail (below): a bare ';' after a quote is a common slip of
		 * the finger (the keys are neighbours) and "1;2;3" a list */
		if (tk->type == MA_SQL_T_SEMI && intro &&
		    (dialect != MOAT_SQL_POSTGRES || ma_pg_stmt_start(sql, next)) && st.valid &&
		    !st.lenient && st.expect_op && !st.after_is && st.depth == 0 &&
		    (f.closed || (lastsig && (lastsig->type == MA_SQL_T_NUMBER ||
		                              lastsig->type == MA_SQL_T_STRING ||
		                              lastsig->type == MA_SQL_T_RPAREN))))
			semi_end = 1;
		ma_sql_step(&st, dialect, sql, tk, kw, next);
#ifdef MA_SQL_TRACE
		fprintf(stderr, "tok %.*s type=%d kw=%d valid=%d expect_op=%d clause=%d\n",
		        (int)(tk->end - tk->start), sql + tk->start, tk->type, kw, st.valid,
		        st.expect_op, st.clause);
#endif
		st.prev = tk;
		st.prev_kw = kw;
		lastsig_before = lastsig;
		lastsig = tk;
		if (!intro)
			continue;
		if (MA_SQL_MY(dialect) && tk->type == MA_SQL_T_WORD &&
		    ((sql[tk->start] >= '0' && sql[tk->start] <= '9') ||
		     (tk->start >= a + 2 && sql[tk->start - 1] == '-' &&
		      sql[tk->start - 2] == '-')))
			jd->lexdiff = 1;
		/* after a closed literal: any operator, keyword or punctuation (MySQL
		 * compares and computes across types: 'x'='' is true for most rows) */
		if (f.closed && i > 0)
			f.active |= tk->type != MA_SQL_T_STRING && tk->type != MA_SQL_T_NUMBER &&
			            tk->type != MA_SQL_T_QIDENT && tk->type != MA_SQL_T_OTHER &&
			            !(tk->type == MA_SQL_T_WORD && kw == KW_NONE);
		if (logic_pending == 2 && !f.logic &&
		    (((tk->type == MA_SQL_T_STRING || tk->type == MA_SQL_T_NUMBER) && !relaxed) ||
		     kw == KW_TRUE))
			f.logic = 1; /* OR 1, OR 'x': true whatever the row */
		if (logic_pending &&
		    (tk->type == MA_SQL_T_LPAREN || ma_odbc_open(dialect, sql, tk, next) ||
		     ma_op_comparison(sql, tk) || kw == KW_LIKE || kw == KW_RLIKE ||
		     kw == KW_REGEXP || kw == KW_IN || kw == KW_BETWEEN || kw == KW_IS ||
		     kw == KW_ISNULL || kw == KW_NOTNULL ||
		     (kw == KW_NULL && lastsig_before &&
		      ma_tok_kw(sql, lastsig_before) == KW_NOT) ||
		     kw == KW_EXISTS || kw == KW_SELECT || kw == KW_CASE ||
		     (tk->type == MA_SQL_T_PARAM && (tk->flags & MA_SQL_F_SYSVAR)) ||
		     (next && next->type == MA_SQL_T_LPAREN && tk->type == MA_SQL_T_WORD)))
			f.logic = 2; /* a condition that compares or calls */
		if ((tk->type == MA_SQL_T_WORD || tk->type == MA_SQL_T_OP) &&
		    ma_is_logical(dialect, sql, tk, kw))
			logic_pending =
			    (kw == KW_OR || kw == KW_XOR || ma_op_is(sql, tk, "||")) ? 2 : 1;
		switch (kw) {
		case KW_UNION:
		case KW_INTERSECT:
		case KW_EXCEPT:
			if (next &&
			    (next->type == MA_SQL_T_LPAREN || ma_tok_kw(sql, next) == KW_SELECT ||
			     ma_tok_kw(sql, next) == KW_ALL ||
			     ma_tok_kw(sql, next) == KW_DISTINCT ||
			     (lastsig_before &&
			      (lastsig_before->type == MA_SQL_T_NUMBER ||
			       lastsig_before->type == MA_SQL_T_STRING ||
			       lastsig_before->type == MA_SQL_T_RPAREN) &&
			      ma_union_query(dialect, sql, win, n, next, b))))
				f.uni = 1;
			else if (kw == KW_UNION &&
			         (!next || next->start >= b || next->type == MA_SQL_T_NUMBER ||
			          ma_op_is(sql, next, "*"))) {
				/* a fragment made for another sink: a value, then UNION
				 * with the input's end or a select list after it */
				for (int j = i - 1; j >= 0; j--) {
					if (win[j].type == MA_SQL_T_COMMENT)
						continue;
					if (win[j].start >= a && (win[j].type == MA_SQL_T_NUMBER ||
					                          win[j].type == MA_SQL_T_STRING ||
					                          win[j].type == MA_SQL_T_RPAREN))
						f.uni = 1;
					break;
				}
			}
			break;
		case KW_SELECT:
			/* a query of its own: ( SELECT, UNION SELECT (the UNION rule) */
			for (int j = i - 1; j >= 0; j--) {
				if (win[j].type == MA_SQL_T_COMMENT)
					continue;
				if (win[j].type == MA_SQL_T_LPAREN)
					f.select = 1;
				break;
			}
			/* SELECT ... FROM written by the input where a value goes */
			for (int j = i + 1, list = 0; j < n && win[j].start < b && !f.select; j++) {
				if (win[j].type == MA_SQL_T_COMMENT)
					continue;
				if (ma_tok_kw(sql, &win[j]) == KW_FROM && list)
					f.select = 2;
				list = 1;
			}
			/* SELECT reading the server there: an information or file
			 * function first (niladic ones without parentheses) */
			if (!f.select && next && next->start < b && next->type == MA_SQL_T_WORD) {
				const char *w = sql + next->start;
				size_t wl = next->end - next->start;
				const struct ma_sql_tok *p = ma_next_sig(win, n, (int)(next - win));
				const struct ma_sql_tok *arg =
				    p ? ma_next_sig(win, n, (int)(p - win)) : NULL;
				if (p && p->type == MA_SQL_T_LPAREN && ma_is_danger_func(w, wl) &&
				    (!ma_is_noarg_func(w, wl) ||
				     (arg && arg->type == MA_SQL_T_RPAREN)))
					f.select = 2;
				else if (ma_is_niladic(w, wl) && (!p || p->type != MA_SQL_T_WORD))
					f.select = 2;
			}
			break;
		case KW_WAITFOR:
			if (next &&
			    ma_word_in(sql, next, (const char *const[]){"delay", "time", NULL}))
				f.catalog = 1; /* T-SQL's delay: no text says it */
			else
				f.func = 1;
			break;
		case KW_CASE:
			f.cond = 1;
			break;
		case KW_ORDER:
		case KW_GROUP:
			if (next && ma_tok_kw(sql, next) == KW_BY)
				f.clause = 1;
			break;
		case KW_INTO:
			/* MySQL's INTO OUTFILE / DUMPFILE 'name' writes a server file */
			if (next && next->start < b &&
			    (ma_tok_kw(sql, next) == KW_OUTFILE ||
			     ma_tok_kw(sql, next) == KW_DUMPFILE)) {
				const struct ma_sql_tok *fn =
				    ma_next_sig(win, n, (int)(next - win));
				if (fn && fn->type == MA_SQL_T_STRING)
					f.catalog = 1;
			}
			f.clause = 1;
			break;
		case KW_HAVING:
		case KW_LIMIT:
		case KW_PROCEDURE:
		case KW_OFFSET:
			f.clause = 1;
			break;
		default:
			break;
		}
		if (tk->type == MA_SQL_T_SEMI && next) {
			int sv = ma_stmt_plausible(sql, win, n, (int)(next - win));
			if (sv > f.stacked)
				f.stacked = sv;
		}
		if (tk->type == MA_SQL_T_WORD &&
		    ma_is_catalog(sql + tk->start, tk->end - tk->start))
			f.catalog = 1;
		if ((kw == KW_EXEC || kw == KW_EXECUTE) && next && next->start < b &&
		    next->type == MA_SQL_T_WORD &&
		    ma_is_sys_proc(sql + next->start, next->end - next->start))
			f.catalog = 1; /* EXEC sp_..., EXEC xp_... */
		if (kw == KW_WHEN && f.cond == 1)
			f.cond = 2;
		if (tk->type == MA_SQL_T_PARAM && (tk->flags & MA_SQL_F_SYSVAR))
			f.sysvar = 1;
		if (tk->type == MA_SQL_T_WORD && next && next->type == MA_SQL_T_LPAREN &&
		    (ma_is_danger_func(sql + tk->start, tk->end - tk->start) || kw == KW_IF)) {
			const struct ma_sql_tok *arg = ma_next_sig(win, n, (int)(next - win));
			if (!ma_is_noarg_func(sql + tk->start, tk->end - tk->start) ||
			    (arg && arg->type == MA_SQL_T_RPAREN))
				f.func = 1;
		}
	}
	if (ru) { /* this window's run, for the next window (after its loop) */
		ru->end = g0 + n;
		ru->lastnp = lastnp;
	}
	if (ru && whole && lastnp < 0 && n >= MA_SQL_JSTEP) {
		/* (all plain, judged here; a shorter window costs less to
		 * judge again than its state to keep) */
		ru->same_a = a;
		ru->same_closed = f.closed;
		ru->same_end = g0 + n;
		ru->same_fin.st = st;
		ru->same_fin.st.prev = NULL;
		ru->same_fin.f = f;
		ru->same_fin.logic_pending = logic_pending;
		ru->same_fin.relaxed = relaxed;
		ru->same_fin.semi_end = semi_end;
	}
	if (ru && ns0 < n) { /* (no state of its own: fin is never taken) */
		ru->fin.st = st;
		ru->fin.st.prev = NULL;
		ru->fin.f = f;
		ru->fin.logic_pending = logic_pending;
		ru->fin.relaxed = relaxed;
		ru->fin.semi_end = semi_end;
		ru->fin.prev_type = st.prev ? st.prev->type : -1;
		ru->fin.lastsig_type = lastsig ? lastsig->type : -1;
	}
	if (!tail_live)
		f.tail_cut = 1;
	/* Structures no text makes by chance fire whether or not the statement
	 * would run as it is here (the payload may be made for another sink). */
	if (f.stacked == 1) {
		hit->rule = "sqli.stacked_query";
		hit->sev = "critical";
		hit->confidence = 0.99;
	} else if (f.uni) {
		hit->rule = "sqli.union";
		hit->sev = "high";
		hit->confidence = 0.99;
	} else if (f.select) {
		hit->rule = "sqli.subquery";
		hit->sev = "high";
		hit->confidence = 0.97;
	} else if (f.catalog) {
		hit->rule = "sqli.catalog";
		hit->sev = "high";
		hit->confidence = 0.95;
	} else if (f.obfus == 2) {
		hit->rule = "sqli.comment_obfuscation";
		hit->sev = "high";
		hit->confidence = 0.95;
	} else if (f.sysvar) {
		hit->rule = "sqli.function";
		hit->sev = "high";
		hit->confidence = 0.95;
	} else if (f.semicut) {
		hit->rule = "sqli.statement_truncation";
		hit->sev = "high";
		hit->confidence = 0.95;
	}
	jd->f = f;
	jd->valid = st.valid;
	if (hit->rule) {
		hit->fired = 1;
		return;
	}
	if (!st.valid)
		return;
	if (f.stacked) {
		hit->rule = "sqli.stacked_query";
		hit->sev = "critical";
		hit->confidence = 0.99;
	} else if (f.uni) {
		hit->rule = "sqli.union";
		hit->sev = "high";
		hit->confidence = 0.99;
	} else if (f.select) {
		hit->rule = "sqli.subquery";
		hit->sev = "high";
		hit->confidence = 0.97;
	} else if (f.func) {
		hit->rule = "sqli.function";
		hit->sev = "high";
		hit->confidence = 0.97;
	} else if (f.logic) {
		hit->rule = "sqli.boolean";
		hit->sev = "high";
		hit->confidence = 0.95;
	} else if (f.cut) {
		hit->rule = "sqli.comment_truncation";
		hit->sev = "high";
		hit->confidence = 0.95;
	} else if (f.obfus) {
		hit->rule = "sqli.comment_obfuscation";
		hit->sev = "high";
		hit->confidence = 0.9;
	} else {
		/* a number place given a comparison or OR (id = 1<>2, 1 or id):
		 * its own pass, where nothing else fired (the loop's state final) */
		int num = (win[0].start >= a || win[0].type == MA_SQL_T_COMMENT) &&
		          (prev.type == MA_SQL_T_OP
		               ? ma_num_op_byte(sql[prev.start])
		               : prev.type == MA_SQL_T_LPAREN || prev.type == MA_SQL_T_COMMA ||
		                     prev.type == MA_SQL_T_WORD) &&
		          !relaxed &&
		          ma_num_judge(dialect, sql, len, a, b, win, n, &prev, ru ? ru->sum : NULL);
		/* a number that closes the application's value and writes an
		 * assignment or more structure of its own (sqlfix2) */
		int brk = !num && (depth > 0 || clause == CL_SET) && have_prev && !relaxed &&
		          (prev.type == MA_SQL_T_LPAREN || prev.type == MA_SQL_T_COMMA ||
		           prev.type == MA_SQL_T_OP) &&
		          (!ru || ma_sql_brk_may(ru, sql, a, b, depth, clause)) &&
		          ma_num_breakout(sql, a, b, win, n, &prev, clause, depth);
		/* a column where a value goes (id = (id), 1 - 1 + id): its own
		 * pass too, on an input that starts there and writes no structure */
		int col = !num && !brk && have_prev && !relaxed && win[0].start >= a &&
		          clause != CL_SET && ma_col_place(sql, &prev, prev_kw) &&
		          ma_col_judge(dialect, sql, a, b, win, n, 0, &prev, prev_kw,
		                       have_tail ? &t : NULL, cache ? &cache->colmemo : NULL);
		/* the weaker signs count only in a statement that still runs */
		if (walk &&
		    !(f.cond == 2 || f.clause || (f.closed && f.active) || num || col || brk)) {
			walk->pending = 1;
			walk->dialect = dialect;
			walk->have_first = have_tail;
			walk->have_prev = st.prev != NULL;
			if (st.prev)
				walk->prev = *st.prev;
			walk->st = st;
			walk->st.prev = NULL;
			if (have_tail)
				walk->first = t;
			walk->cache = cache; /* (walk->c: wc) */
			walk->sql = sql;
			return;
		}
		if (!ma_sql_tail_runs(&st, dialect, sql, wc, cache, &t, have_tail))
			return;
		jd->runnable = 1;
		if (f.cond == 2) {
			hit->rule = "sqli.conditional";
			hit->sev = "high";
			hit->confidence = 0.9;
		} else if (f.clause) {
			hit->rule = "sqli.clause";
			hit->sev = "medium";
			hit->confidence = 0.9;
		} else if (f.closed && f.active) {
			hit->rule = "sqli.literal_breakout";
			hit->sev = "high";
			hit->confidence = 0.9;
		} else if (num) {
			hit->rule = "sqli.boolean"; /* a condition where a number goes */
			hit->sev = "high";
			hit->confidence = 0.9;
		} else if (col) {
			hit->rule = "sqli.column"; /* a column where a value goes */
			hit->sev = "high";
			hit->confidence = 0.85;
		} else if (brk) {
			/* an assignment of its own in SET, or rows / an upsert after
			 * the value it closes (ma_num_breakout) */
			hit->rule = brk == 1 ? "sqli.assignment" : "sqli.value_breakout";
			hit->sev = "high";
			hit->confidence = 0.9;
		} else {
			return;
		}
	}
	hit->fired = 1;
}

/*
 * The attempt rule. An input that spans tokens and leaves a statement that
 * cannot run was written for another place: a literal its own quotes
 * close ("..." payloads in a '...' string or where a number goes, '...'
 * payloads where a number goes), or a decoding the application did not do
 * (%20 reaching the SQL as it was sent). The input alone is put, as the
 * literal its quotes close and decoded as the application might have,
 * into a statement of its own,
 *
 *     SELECT a FROM t WHERE b = ((q<input>q)) AND c = 1
 *
 * with as many parentheses as it closes, and judged there. It fires when
 * it carries a structure no text makes by chance (a second statement,
 * UNION, a parenthesized subquery, a catalog, WAITFOR DELAY, INTO
 * OUTFILE 'name', / *!, an @@variable) or, where its own tokens read as SQL, a listed function
 * call or a condition that compares or calls (in a statement that cannot
 * run as it is; where it runs, the input's tokens being operands there,
 * only the structures no text makes count). The weaker signs -- a
 * comment cut, an operator after a literal, a clause, SELECT ... FROM
 * without parentheses, OR before a bare literal -- never count here:
 * ordinary text with quotes makes them. Where the statement cannot run,
 * blocking costs the application nothing: the database would refuse it.
 */
#define MA_SQL_ATTEMPT_MAX 1024 /* bytes of input judged out of place */
#define MA_SQL_ATTEMPT_PAR 16   /* parentheses it may close (and open) */

/* The input x (n bytes) as the literal quoted with q (0: bare): 1 when it
 * fires there (hit set); strict: only the structures no text makes. */
static int ma_sql_attempt_in(int dialect, const char *x, size_t n, char q, int strict,
                             size_t rparens, struct ma_sql_hit *hit)
{
	static const char pre[] = "SELECT a FROM t WHERE b = ";
	static const char post[] = " AND c = 1";
	char buf[sizeof pre + MA_SQL_ATTEMPT_PAR + MA_SQL_ATTEMPT_MAX + 2 + 2 * MA_SQL_ATTEMPT_PAR +
	         sizeof post];
	size_t frag = sizeof pre - 1 + MA_SQL_ATTEMPT_PAR, e = frag, start, at, open, close;
	struct ma_sql_lexer lx;
	struct ma_sql_tok t, tk[64];
	size_t nt = 0, ti = 0;
	struct ma_sql_judgement jd;
	struct ma_sql_hit h;
	struct ma_sql_walk w; /* (never walked: only the flags and jd.valid count here) */
	const struct ma_sql_flags *f = &jd.f;
	long depth = 0, low = 0;
	int sign = 0, logical = 0, compare = 0;

	assert(n <= MA_SQL_ATTEMPT_MAX);
	if (q)
		buf[e++] = q;
	memcpy(buf + e, x, n);
	e += n;
	if (q)
		buf[e++] = q;
	ma_sql_lex_init(&lx, dialect, buf + frag, e - frag);
	for (;;) {
		if (ti == nt) { /* the next tokens, many at a time */
			nt = ma_sql_lex_run(&lx, tk, sizeof tk / sizeof tk[0]);
			ti = 0;
			if (nt == 0)
				break;
		}
		t = tk[ti++];
		/* a literal it opens and leaves open: its quotes do not close this
		 * one (the closing quote left dangling after it is its business) */
		if ((t.flags & MA_SQL_F_UNTERMINATED) && t.type != MA_SQL_T_COMMENT &&
		    t.start < e - frag - (q ? 1 : 0))
			return 0;
		if (t.type == MA_SQL_T_LPAREN) {
			/* more parentheses open than the ')' bytes left could
			 * close to within the limit below: it is judged nowhere */
			if (++depth - low - (long)rparens > 2 * MA_SQL_ATTEMPT_PAR)
				return 0;
		} else if (t.type == MA_SQL_T_RPAREN) {
			rparens--;
			if (--depth < low && (low = depth) < -MA_SQL_ATTEMPT_PAR)
				return 0; /* it closes more than the limit below */
		}
		/* the tokens without which none of the structures below can be */
		if (t.type == MA_SQL_T_WORD) {
			int kw = ma_tok_kw(buf + frag, &t);
			if (kw == KW_UNION || kw == KW_INTERSECT || kw == KW_EXCEPT ||
			    kw == KW_WAITFOR || kw == KW_EXEC || kw == KW_EXECUTE ||
			    kw == KW_OUTFILE || kw == KW_DUMPFILE ||
			    ma_is_catalog(buf + frag + t.start, t.end - t.start))
				sign = 1;
			else if (kw == KW_OR || kw == KW_AND || kw == KW_XOR)
				logical = 1;
			else if (kw == KW_LIKE || kw == KW_RLIKE || kw == KW_REGEXP ||
			         kw == KW_IN || kw == KW_BETWEEN || kw == KW_IS ||
			         kw == KW_ISNULL || kw == KW_NOTNULL || kw == KW_EXISTS ||
			         kw == KW_SELECT || kw == KW_CASE)
				compare = 1;
		} else if (t.type == MA_SQL_T_OP) {
			char c = buf[frag + t.start];
			if (c == '=' || c == '<' || c == '>' || c == '!')
				compare = 1; /* (and !, !~: running the grammar is never wrong) */
			else if (ma_is_logical(dialect, buf + frag, &t, KW_NONE))
				logical = 1;
		} else if (t.type == MA_SQL_T_SEMI || t.type == MA_SQL_T_LPAREN ||
		           (t.flags & (MA_SQL_F_SYSVAR | MA_SQL_F_EXEC))) {
			sign = 1;
		}
	}
	if (!sign && !(logical && compare && !strict))
		return 0;
	open = (size_t)-low;
	close = (size_t)(depth - low);
	if (open > MA_SQL_ATTEMPT_PAR || close > 2 * MA_SQL_ATTEMPT_PAR)
		return 0;
	start = frag - open - (sizeof pre - 1);
	memcpy(buf + start, pre, sizeof pre - 1);
	memset(buf + frag - open, '(', open);
	memset(buf + e, ')', close);
	e += close;
	memcpy(buf + e, post, sizeof post - 1);
	e += sizeof post - 1;
	at = frag + (q ? 1 : 0) - start;
	ma_sql_judge(dialect, buf + start, e - start, at, at + n, &h, &jd, NULL, NULL, NULL, &w);
	if (!h.spans)
		return 0;
	if (!(f->stacked == 1 || f->uni || f->select == 1 || f->catalog || f->obfus == 2 ||
	      f->sysvar || (!strict && jd.valid && (f->stacked || f->func || f->logic == 2))))
		return 0;
	hit->fired = 1;
	hit->rule = "sqli.attempt";
	hit->sev = "medium";
	hit->confidence = 0.85;
	return 1;
}

/* 1 when x holds a '+' or a '%' with two bytes after it: what a URL
 * decoding may change (two memchr passes instead of a loop a byte). */
static int ma_has_url_escape(const char *x, size_t n)
{
	return memchr(x, '+', n) != NULL || (n > 2 && memchr(x, '%', n - 2) != NULL);
}

/* The input judged now URL-decoded once (p[0], n[0]) and twice (p[1],
 * n[1]) where the request already holds it so, NULL where it does not:
 * found in the request's inputs (ma_sql_decoded_find) only when the
 * attempt rule decodes, not at every form. */
struct ma_sql_decoded {
	const struct ma_input *in; /* the request's inputs (NULL: none) */
	size_t nin, at;            /* at: the input of the last form found */
	const char *v;             /* the form whose places are judged (vl bytes) */
	size_t vl;
	int found; /* p and n are v's */
	const char *p[2];
	size_t n[2];
};

/* The index of in's form named name, or -1. */
static int ma_sql_form_named(const struct ma_input *in, const char *name)
{
	for (int j = 0; j < in->nforms; j++)
		if (strcmp(in->form_name[j], name) == 0)
			return j;
	return -1;
}

/* The decodings of in's form k that in holds: ma_add_input (ma_request.c)
 * makes the form "url" by ma_url_decode of the form "raw", and "url2" by
 * ma_url_decode of "url" (test_agent_sql_state holds it to that); none of
 * any other form. */
static void ma_sql_decoded_of(const struct ma_input *in, int k, struct ma_sql_decoded *d)
{
	int j[2] = {-1, -1};

	if (strcmp(in->form_name[k], "raw") == 0) {
		j[0] = ma_sql_form_named(in, "url");
		if (j[0] >= 0)
			j[1] = ma_sql_form_named(in, "url2");
	} else if (strcmp(in->form_name[k], "url") == 0) {
		j[0] = ma_sql_form_named(in, "url2");
	}
	for (int i = 0; i < 2; i++) {
		d->p[i] = j[i] >= 0 ? in->form[j[i]] : NULL;
		d->n[i] = j[i] >= 0 ? in->form_len[j[i]] : 0;
	}
}

/* d's decodings of its form v: those of the input that holds v (pointer
 * and length; the inputs come in order, from the one found last on). */
static void ma_sql_decoded_find(struct ma_sql_decoded *d)
{
	d->found = 1;
	d->p[0] = NULL;
	d->p[1] = NULL;
	for (size_t i = d->at; i < d->nin; i++)
		for (int k = 0; k < d->in[i].nforms; k++)
			if (d->in[i].form[k] == d->v && d->in[i].form_len[k] == d->vl) {
				d->at = i;
				ma_sql_decoded_of(&d->in[i], k, d);
				return;
			}
}

/* The input x (n bytes, at most MA_SQL_ATTEMPT_MAX) as written and
 * URL-decoded once and twice, bare and as a '...' and a "..." literal
 * (those its quotes hold). bare: it already stood bare in the statement;
 * strict: the statement runs as it is (the input's tokens are operands
 * and operators there), so only the structures no text makes count.
 * known (may be NULL): x's decodings that the request holds, read instead
 * of decoding x again. sum (may be NULL): x's MA_SQL_B_* kept (made here
 * when unknown). */
static void ma_sql_attempt(int dialect, const char *x, size_t n, int bare, int strict, int other,
                           struct ma_sql_decoded *known, unsigned *sum, struct ma_sql_hit *hit)
{
	const unsigned want = strict ? MA_SQL_B_SIGN : MA_SQL_B_LOOSE;

	static const char quotes[] = {0, '\'', '"'};
	char dec[2][MA_SQL_ATTEMPT_MAX];
	size_t rparens;

	for (int k = 0; k < 3; k++) {
		int possible = -1; /* (-1: not known yet) */
		if (k > 0) {
			if (!ma_has_url_escape(x, n))
				return;
			/* only '+' to decode (no '%', no overlong C0 / C1 pair
			 * the decoder rewrites): the decoding differs from x by
			 * spaces, which, as '+', are in none of the pre-scan's
			 * signs, and holds nothing to decode again */
			if (!memchr(x, '%', n) && !memchr(x, 0xC0, n) && !memchr(x, 0xC1, n)) {
				possible = (ma_sql_sum_of(sum, x, n) & want) != 0;
				if (!possible)
					return;
			}
			if (known && !known->found)
				ma_sql_decoded_find(known);
			if (known && known->p[k - 1]) {
				n = known->n[k - 1];
				x = known->p[k - 1];
			} else {
				n = ma_url_decode(x, n, dec[k - 1]);
				x = dec[k - 1];
			}
			sum = NULL; /* (x's decoding, not x) */
		} else if (bare && !other && !memchr(x, '\'', n) && !memchr(x, '"', n)) {
			continue; /* no reading as written: it stood bare, and no quote */
		}
		if (possible < 0 && !(ma_sql_sum_of(sum, x, n) & want))
			continue;
		rparens = 0; /* (a bound on the ')' tokens of every reading) */
		for (const char *p = x; (p = memchr(p, ')', n - (size_t)(p - x))) != NULL; p++)
			rparens++;
		for (int qi = 0; qi < 3; qi++) {
			char q = quotes[qi];
			if (q && !memchr(x, q, n))
				continue;
			if (!(!q && k == 0 && bare) &&
			    ma_sql_attempt_in(dialect, x, n, q, strict, rparens, hit))
				return;
			if (k == 0 && other &&
			    ma_sql_attempt_in(other, x, n, q, strict, rparens, hit))
				return;
		}
	}
}

/* The last attempt judged in a check, loosely and strictly (e[strict]):
 * the same input at another place (or another input of the same bytes)
 * is not judged again. form: the form whose places are judged now
 * (ma_request_scan's begin_form: a serial, 0 when unknown); an entry of
 * the same form has the same bytes (both are places of it), which are
 * then not compared. */
struct ma_sql_memo {
	struct ma_sql_memo_entry {
		int valid, bare, lexdiff;
		unsigned form;
		size_t a, n; /* the input's bytes: sql + a, n */
		struct ma_sql_hit hit;
	} e[2];
	unsigned form;
	struct ma_sql_decoded dec; /* the form's decodings (ma_sql_scan_form) */
	unsigned sum;              /* the form's MA_SQL_B_* (ma_sql_sum_of) */
};

/* ma_sql_attempt of [a, b) through the memo (may be NULL). lexdiff:
 * MySQL read the input otherwise than the standard: it may have been
 * written for those rules (1or sleep(5), x#<newline>y); MySQL refuses
 * what it got, and the input is read once more as PostgreSQL reads it.
 * And the other way round: a '#' (an operator in PostgreSQL, a comment in
 * MySQL) may be a payload written for MySQL. */
static void ma_sql_attempt_judge(int dialect, const char *sql, size_t a, size_t b, int bare,
                                 int strict, int lexdiff, struct ma_sql_memo *memo,
                                 struct ma_sql_hit *hit);

static inline void ma_sql_attempt_memo(int dialect, const char *sql, size_t a, size_t b, int bare,
                                       int strict, int lexdiff, struct ma_sql_memo *memo,
                                       struct ma_sql_hit *hit)
{
	const struct ma_sql_memo_entry *m = memo ? &memo->e[strict] : NULL;

	/* (the memo's answer in the caller, without a call: one per place) */
	if (m && m->valid && m->n == b - a && m->bare == bare && m->lexdiff == lexdiff &&
	    ((memo->form != 0 && m->form == memo->form) ||
	     memcmp(sql + m->a, sql + a, b - a) == 0)) {
		if (m->hit.fired)
			*hit = m->hit;
		return;
	}
	ma_sql_attempt_judge(dialect, sql, a, b, bare, strict, lexdiff, memo, hit);
}

/* ma_sql_attempt_memo's attempt judged, and kept in the memo. */
static void ma_sql_attempt_judge(int dialect, const char *sql, size_t a, size_t b, int bare,
                                 int strict, int lexdiff, struct ma_sql_memo *memo,
                                 struct ma_sql_hit *hit)
{
	struct ma_sql_memo_entry *m = memo ? &memo->e[strict] : NULL;
	int other;

	other = lexdiff                                                       ? MOAT_SQL_POSTGRES
	        : dialect == MOAT_SQL_POSTGRES && memchr(sql + a, '#', b - a) ? MOAT_SQL_MYSQL
	                                                                      : 0;
	ma_sql_attempt(dialect, sql + a, b - a, bare, strict, other, m ? &memo->dec : NULL,
	               m ? &memo->sum : NULL, hit);
	if (m) {
		m->valid = 1;
		m->a = a;
		m->n = b - a;
		m->bare = bare;
		m->lexdiff = lexdiff;
		m->form = memo->form;
		m->hit = *hit;
	}
}

/* ma_sql_analyse with what earlier occurrences of one check read (any of
 * cur, cache, memo may be NULL). Whether the rest of the statement runs
 * (the tail walk) decides, where no weaker sign hangs on it, only how
 * strictly the attempt rule judges, and strictly it fires on a subset of
 * what it fires on loosely (ma_sql_attempt_in: strict only adds reasons
 * not to fire): the attempt is judged loosely first, and the walk is made
 * only when that fires. */
/* The attempt rule at a place whose judgement allowed and spans tokens
 * (ma_sql_analyse_in): strictly, or loosely with the walk made where it
 * fires loosely (the weaker signs count only in a statement that runs).
 * Returns 1 when the walk was made. */
static inline __attribute__((always_inline)) int
ma_sql_attempts(int dialect, const char *sql, size_t a, size_t b, const struct ma_sql_judgement *jd,
                struct ma_sql_walk *walk, struct ma_sql_memo *memo, struct ma_sql_hit *hit)
{
	struct ma_sql_hit h0;
	int bare = !jd->inside;

	if (!walk->pending) {
		ma_sql_attempt_memo(dialect, sql, a, b, bare, jd->runnable, jd->lexdiff, memo, hit);
		return 0;
	}
	h0 = *hit;
	ma_sql_attempt_memo(dialect, sql, a, b, bare, 0, jd->lexdiff, memo, hit);
	if (!hit->fired)
		return 0;
	if (!ma_sql_walk_run(walk))
		return 1; /* (the statement does not run: loosely is the rule) */
	*hit = h0;
	ma_sql_attempt_memo(dialect, sql, a, b, bare, 1, jd->lexdiff, memo, hit);
	return 1;
}

/* ma_sql_analyse_in's end at a place whose key ma_sql_place_same wrote
 * (ma_sql_judge's hit->spans 2, set back to 1 here): the attempts, and the
 * key kept when the place's judgement read nothing past it and it
 * allowed, its attempt not firing (the walk not made) -- the judgement
 * ended at its grammar's "not valid" (jd->valid 0 and nothing fired:
 * before ma_num_judge, ma_col_judge and the walk) or where the walk goes
 * with neither of those two reading further (ma_sql_place_quiet). Apart:
 * the other places pay nothing for it (sqlcost11). */
static __attribute__((noinline)) void
ma_sql_analyse_kept(int dialect, const char *sql, size_t a, size_t b,
                    const struct ma_sql_judgement *jd, struct ma_sql_walk *walk,
                    struct ma_sql_memo *memo, struct ma_sql_hit *hit, struct ma_sql_reuse *ru)
{
	hit->spans = 1;
	if (!ma_sql_attempts(dialect, sql, a, b, jd, walk, memo, hit) && !hit->fired &&
	    (walk->pending ? ma_sql_place_quiet(ru, sql, jd->inside) : !jd->valid))
		ru->pk.valid = 1;
}

static void ma_sql_analyse_in(int dialect, const char *sql, size_t len, size_t a, size_t b,
                              struct ma_sql_hit *hit, struct ma_sql_cursor *cur,
                              struct ma_sql_cache *cache, struct ma_sql_memo *memo,
                              struct ma_sql_reuse *ru)
{
	struct ma_sql_judgement jd;
	struct ma_sql_walk walk;

	walk.pending = 0;
	ma_sql_judge(dialect, sql, len, a, b, hit, &jd, cur, cache, ru, &walk);
	if (hit->fired || !hit->spans || b - a > MA_SQL_ATTEMPT_MAX)
		return; /* (spans 2 stays: only ma_sql_analyse_kept reads it) */
	if (__builtin_expect(hit->spans == 2, 0)) {
		ma_sql_analyse_kept(dialect, sql, a, b, &jd, &walk, memo, hit, ru);
		return;
	}
	ma_sql_attempts(dialect, sql, a, b, &jd, &walk, memo, hit);
}

void ma_sql_analyse(int dialect, const char *sql, size_t len, size_t a, size_t b,
                    struct ma_sql_hit *hit)
{
	ma_sql_analyse_in(dialect, sql, len, a, b, hit, NULL, NULL, NULL, NULL);
}

/* ---- the public check ---- */

static const char *ma_dialect_name(int dialect)
{
	switch (dialect) {
	case MOAT_SQL_SQLITE:
		return "sqlite";
	case MOAT_SQL_POSTGRES:
		return "postgresql";
	case MOAT_SQL_MYSQL_NBE:
		return "mysql_no_backslash_escapes";
	default:
		return "mysql";
	}
}

static void ma_sql_cache_fill(struct ma_sql_cache *c, int dialect, const char *sql, size_t len)
{
	c->filled = 1;
	c->n = 0;
	c->complete = 0;
	c->exec = 0;
	if (MA_SQL_MY(dialect)) /* (memchr: memmem's set-up costs more) */
		for (const char *p = sql; !c->exec && len > 1 &&
		                          (p = memchr(p, '/', len - 1 - (size_t)(p - sql))) != NULL;
		     p++)
			c->exec = p[1] == '*';
	c->ckpt_step = len / MA_SQL_CKPT + 1;
	if (c->ckpt_step < 128)
		c->ckpt_step = 128;
	for (size_t k = 0; k < MA_SQL_CKPT; k++)
		c->ckpt[k].set = 0;
	for (size_t k = 0; k < MA_SQL_NEAR; k++)
		c->near[k].set = 0;
	c->bal_known = 0;
	c->byt_known = 0;
	c->hint = 0;
	ma_sql_lex_init(&c->lx, dialect, sql, len);
}

/* Lexes the statement into the cache until its tokens reach b (the last
 * one ends at or after b), the statement ends or the cache is full, in
 * runs of as many tokens as the bytes up to b hold at one token in four
 * bytes (and MA_SQL_CACHE_MORE more). The rest of the statement is lexed
 * only when a reader asks for it (ma_sql_cache_more): a check whose
 * places end early does not lex what follows them. */
static void ma_sql_cache_reach(struct ma_sql_cache *c, size_t b)
{
	while ((c->n == 0 || c->t[c->n - 1].end < b) && ma_sql_cache_upto(c, b, MA_SQL_CACHE))
		;
}

/* One lexer run into the cache towards b: as many tokens as the bytes up
 * to b hold at one token in four bytes, and MA_SQL_CACHE_MORE more, the
 * cache holding at most cap: 1, or 0 (the statement ends, or the cache
 * holds cap tokens or is full). */
static int ma_sql_cache_upto(struct ma_sql_cache *c, size_t b, int cap)
{
	size_t want, got, guess = (b > c->lx.pos ? (b - c->lx.pos) / 4 : 0) + MA_SQL_CACHE_MORE;

	if (cap > MA_SQL_CACHE)
		cap = MA_SQL_CACHE;
	if (c->complete || c->n >= cap)
		return 0;
	want = (size_t)(cap - c->n);
	if (want > guess)
		want = guess;
	got = ma_sql_lex_run(&c->lx, c->t + c->n, want);
	c->complete = got < want;
	memset(c->kw + c->n, 0, got);
	c->n += (int)got;
	return got > 0;
}

/* 1 when [a, b) is inside one token or only whitespace (nothing to judge),
 * 0 when it needs the analysis. */
static int ma_sql_cache_inside(struct ma_sql_cache *c, size_t a, size_t b)
{
	int lo;

	if (!c->complete && (c->n == 0 || a >= c->t[c->n - 1].end))
		return 0; /* (the token that ends after a is not lexed yet) */
	/* the first token that ends after a (from where the last place's
	 * was: the places come in order) */
	lo = ma_sql_gallop(c->t, 0, c->n, c->hint < c->n ? c->hint : c->n, a, 0);
	c->hint = lo;
	if (lo == c->n || c->t[lo].start >= b)
		return 1; /* whitespace */
	return c->t[lo].start <= a && c->t[lo].end >= b;
}

/* 1 when the token ma_sql_cache_inside found last (the first that ends
 * after a) is a name (a word or quoted name) that is exactly [a, b). */
static int ma_sql_cache_name_at(const struct ma_sql_cache *c, size_t a, size_t b)
{
	const struct ma_sql_tok *t = c->hint < c->n ? &c->t[c->hint] : NULL;

	return t && t->start == a && t->end == b &&
	       (t->type == MA_SQL_T_WORD || t->type == MA_SQL_T_QIDENT);
}

/* What moat_check_sql_at's callbacks share. */
struct ma_sql_scan {
	int dialect;
	const char *sql;
	size_t len;
	struct ma_sql_cache cache;   /* filled at the first occurrence */
	struct ma_sql_cursor cursor; /* set up with the cache */
	struct ma_sql_memo memo;
	struct ma_sql_reuse reuse; /* set up with the cache */
	int plain;                 /* the input judged now is one word (ma_sql_skip_input) */
};

_Static_assert(sizeof(struct ma_sql_scan) <= MA_REQUEST_SCRATCH,
               "the SQL check's state fits in the request's scratch block");

static int ma_sql_skip_input(void *ctx, const struct ma_input *in)
{
	struct ma_sql_scan *c = ctx;

	/* one word: inside one token wherever it lands, judged only where it
	 * is a whole name (a column where a value goes: ma_col_judge), so
	 * not when it starts with a digit (a number; MySQL's names that
	 * start with one are not judged); JSON objects are the NoSQL
	 * check's (ctx NULL: only the answer) */
	if (c)
		c->plain = in->plain;
	return (in->plain && (in->nforms < 1 || in->form_len[0] == 0 ||
	                      (in->form[0][0] >= '0' && in->form[0][0] <= '9'))) ||
	       in->structured;
}

/* The places judged next are those of a new form v (the attempt memo's
 * key: struct ma_sql_memo), whose decodings the attempt rule finds in the
 * request when it needs them. */
static void ma_sql_scan_form(void *ctx, const char *v, size_t vl)
{
	struct ma_sql_scan *c = ctx;

	c->memo.form++;
	if (c->memo.form == 0) /* (0: unknown) */
		c->memo.form = 1;
	c->memo.dec.v = v;
	c->memo.dec.vl = vl;
	c->memo.dec.found = 0;
	c->memo.sum = MA_SQL_B_UNKNOWN;
	c->reuse.past = 0;
	c->reuse.pk.valid = 0; /* (a place kept is of one form) */
	c->reuse.pk.miss = 0;
	c->reuse.pk.numform = 0;
	c->reuse.brk = MA_SQL_BRK_UNKNOWN;
}

/* For a one-word input (c->plain) at [a, b): whether ma_col_judge can
 * fire there, from the bytes alone: a whole word, and the column compared
 * at the place before it, or SQLite's rowid. */
static int ma_col_plain_may(struct ma_sql_scan *c, size_t a, size_t b)
{
	return ma_sql_col_plain(c->dialect, c->sql, c->len, a, b, &c->cache.colmemo);
}

/* The places of a form past the 64 judged in full (bound64): judged
 * (analyse) at every place -- a word only where it may be the column
 * compared there (ma_col_plain_may), an input that spans tokens under the
 * check's cost bound, which fails closed (sqli.too_complex) -- but for a
 * number, date, time or sum (digits, spaces and . : + / -, no "--"),
 * which is one literal or an arithmetic of literals wherever it lands:
 * its other places are not looked at (a value repeated in a long IN list,
 * a date in every row of a bulk insert). */
static int ma_sql_past(void *ctx, const char *v, size_t vl, size_t a, size_t b)
{
	struct ma_sql_scan *c = ctx;

	(void)a;
	(void)b;
	for (size_t i = 0; i < vl; i++) {
		char ch = v[i];
		if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == ':' || ch == '+' ||
		      ch == '/' || ch == '-' || ch == ' ') ||
		    (ch == '-' && i + 1 < vl && v[i + 1] == '-')) {
			c->reuse.past = 1; /* (MA_SQL_COLPAST_MAX counts from here) */
			return MA_PAST_JUDGE;
		}
	}
	return MA_PAST_STOP;
}

static int ma_sql_scan_analyse(void *ctx, size_t a, size_t b, struct ma_scan_hit *out)
{
	struct ma_sql_scan *c = ctx;
	struct ma_sql_hit hit;

	/* one word: judged only where it may be the column compared there */
	if (c->plain && !ma_col_plain_may(c, a, b))
		return 0;
	if (!c->cache.filled) {
		ma_sql_cache_fill(&c->cache, c->dialect, c->sql, c->len);
		ma_sql_cursor_init(&c->cursor, c->dialect, c->sql, c->len);
		c->memo.e[0].valid = 0;
		c->memo.e[1].valid = 0;
		c->reuse.serial = 0;
		c->reuse.same_a = (size_t)-1;
		c->reuse.have_cur = 0;
		c->reuse.np = 0;
		c->reuse.windows = 0;
		c->reuse.pl_lo = 0;
		c->reuse.pl_hi = 0;
		c->reuse.pl_last = -1;
		c->reuse.pl_other = -1;
		c->reuse.pl_lit = -1;
		c->reuse.pk.valid = 0;
		c->reuse.pk.miss = 0;
		c->reuse.pk.numform = 0;
		c->reuse.sum = &c->memo.sum;
		for (int k = 0; k < MA_SQL_JSLOTS; k++)
			c->reuse.key[k] = 0;
	}
	ma_sql_cache_reach(&c->cache, a + 1);
	if (ma_sql_cache_inside(&c->cache, a, b) && !ma_sql_cache_name_at(&c->cache, a, b)) {
		/* (a comment the input's first byte opened: judged) */
		if (c->cache.hint >= c->cache.n ||
		    !ma_sql_opened_before(c->sql, &c->cache.t[c->cache.hint], a, b))
			return 0;
	}
	ma_sql_analyse_in(c->dialect, c->sql, c->len, a, b, &hit, &c->cursor, &c->cache, &c->memo,
	                  &c->reuse);
	if (!hit.fired)
		return 0;
	/* a one-byte '*' or '/' (ma_sql_one) completes a block comment's
	 * opener: the input's only when the comment never closes (the
	 * application's own comments do: "SELECT ... /" + "*" + " app note
	 * * /" is the application's sqlcommenter tag) */
	if (b - a == 1 && (c->sql[a] == '*' || c->sql[a] == '/') &&
	    memmem(c->sql + b, c->len - b, "*/", 2))
		return 0;
	out->rule = hit.rule;
	out->sev = hit.sev;
	out->confidence = hit.confidence;
	return 1;
}

/* The one-byte inputs the SQL check judges (review25d): a comment's
 * second byte after the application's first ("total < credit-" + "-",
 * "credit/" + "*": sqlfix's comment begun by the byte before the input,
 * from a one-byte input). */
static const unsigned char ma_sql_one[256] = {['-'] = 1, ['*'] = 1, ['/'] = 1};

/* The places of a one-byte form judged (review25i): only where the byte
 * makes a comment's opener with its neighbour -- '-' beside '-', '*'
 * after '/', '/' before '*'; a dash of a UUID or a date, a '/' of a path
 * or a '*' of SELECT * is skipped and not counted, so that the
 * application's own bytes never use up the places before the input's.
 * Every place taken is judged: most are inside a string or a comment the
 * application wrote (ma_sql_scan_analyse's cheap return); at most one of
 * each comment token is its second byte. */
static int ma_sql_one_place(void *ctx, size_t a)
{
	const struct ma_sql_scan *c = ctx;
	const char *q = c->sql;

	switch (q[a]) {
	case '-':
		return (a > 0 && q[a - 1] == '-') || (a + 1 < c->len && q[a + 1] == '-');
	case '*':
		return a > 0 && q[a - 1] == '/';
	case '/':
		return a + 1 < c->len && q[a + 1] == '*';
	default:
		return 0;
	}
}

int moat_check_sql_at(struct moat_request *r, int dialect, const char *sql, size_t len,
                      const char *file, int line, const char *function)
{
	const struct ma_input *in;
	struct ma_sql_scan *c;
	size_t nin;

	if (!r || !sql)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(sql);
	if (dialect != MOAT_SQL_SQLITE && dialect != MOAT_SQL_POSTGRES &&
	    dialect != MOAT_SQL_MYSQL_NBE)
		dialect = MOAT_SQL_MYSQL;
	in = ma_request_inputs(r, &nin);
	if (nin == 0 || ma_request_mode(r, "sql_injection", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	/* the token cache and what goes with it (about 66 KB) live in the
	 * request, not on the caller's stack (moatagent.h: threads) */
	c = ma_request_scratch(r);
	c->dialect = dialect;
	c->sql = sql;
	c->len = len;
	c->cache.filled = 0;
	c->cache.colmemo.sql = NULL; /* (another statement may sit at sql) */
	c->cache.colmemo.left_sql = NULL;
	c->cache.colmemo.grp_sql = NULL;
	c->cache.colmemo.par_sql = NULL;
	c->memo.form = 0;
	c->memo.dec.in = in;
	c->memo.dec.nin = nin;
	c->memo.dec.at = 0;
	c->memo.dec.found = 1; /* (no form yet: none) */
	c->memo.sum = MA_SQL_B_UNKNOWN;
	c->memo.dec.p[0] = NULL;
	c->memo.dec.p[1] = NULL;
	c->plain = 0;
	c->reuse.past = 0;
	c->reuse.colpast = 0;
	c->reuse.plainpast = 0;
	c->reuse.brk = MA_SQL_BRK_UNKNOWN; /* (ma_sql_scan_form's) */
	struct ma_scan s = {
	    .interceptor = "sql_injection",
	    .text = sql,
	    .len = len,
	    .max_occ = 64, /* judged in full; past them .past */
	    .skip_input = ma_sql_skip_input,
	    .analyse = ma_sql_scan_analyse,
	    .past = ma_sql_past,
	    .begin_form = ma_sql_scan_form,
	    .one = ma_sql_one,
	    .one_place = ma_sql_one_place,
	    .like_escape = 1,
	    .ctx = c,
	    .operation = sql,
	    .operation_len = len,
	    .extra_key = "dialect",
	    .extra_value = ma_dialect_name(dialect),
	    .file = file,
	    .line = line,
	    .function = function,
	};
	return ma_request_scan(r, &s);
}
