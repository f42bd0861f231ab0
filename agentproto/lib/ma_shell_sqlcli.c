/*
 * ma_shell_sqlcli.c — what a database client makes of a statement given
 * on its command line (psql -c/--command, mysql -e/--execute, sqlite3's
 * operands after the database and -cmd), for the argv check
 * (ma_shell_argv.c): the client's own commands, some of which run a
 * shell or read or write a file (psql's backslash commands: \! runs a
 * shell, \o |cmd, \copy ... program; mysql's \! and "system" ...;
 * sqlite3's dot-commands: .shell, .system, .output |cmd, .import ...),
 * and SQL, judged by the sql_injection check's own analysis
 * (ma_sql_analyse, ma_sql.c) in the client's dialect: an input that
 * changes the statement's structure there fires as it would in
 * moat_check_sql.
 *
 * How each client reads its argument (their manuals and, where
 * installed, the programs themselves): psql -c takes a string that
 * starts with a backslash as one backslash command and sends any other
 * to the server as it is (a backslash later in it is SQL's: "select 1;
 * \! id" is a syntax error); mysql reads -e as its input lines: a
 * backslash command (\! \. \T ...) anywhere outside quotes and comments,
 * a long one (system, source, tee ...) as a line's first word when no
 * statement is pending; sqlite3 3.40 runs an argument that starts with
 * '.' as one dot-command and any other as SQL.
 *
 * Pure: reads the statement, allocates nothing; the SQL analysis takes
 * about 12 KB of stack. Any thread.
 */
#include "ma_int.h"
#include "ma_shell.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

static int ma_sh_sqlcli_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* 1 when [a, b) of a psql \copy line (s[0] is '\') brings the word
 * "program" (\copy t to program 'cmd': a command run with sh -c)
 * outside quotes, or a quote that may end the one it stands in. \copy
 * takes the whole rest of its line as its arguments (psql(1)): a
 * backslash or '|' there starts nothing, and a value inside the line's
 * own '...' or "..." is data ('my program', 'a|b'). */
static int ma_sh_psql_copy(const char *s, size_t n, size_t a, size_t b)
{
	char q = 0;

	if (memchr(s + a, '\'', b - a) || memchr(s + a, '"', b - a))
		return 1;
	for (size_t k = 0; k < b; k++) {
		if (q) {
			if (s[k] == q)
				q = 0;
		} else if (s[k] == '\'' || s[k] == '"') {
			q = s[k];
		} else if (k + 7 > a && k + 7 <= n && !strncasecmp(s + k, "program", 7)) {
			return 1;
		}
	}
	return 0;
}

/* 1 when [a, b) of a psql backslash command line (s[0] is '\') names the
 * command, or brings another backslash command, a pipe (\o |cmd, \g
 * |cmd, \w |cmd) or \copy's "program" (a command run with sh -c). */
static int ma_sh_psql_meta(const char *s, size_t n, size_t a, size_t b)
{
	if (a == 0)
		return 1;
	if (n > 6 && !strncasecmp(s, "\\copy", 5) && ma_sh_sqlcli_blank(s[5]) && a > 5)
		return ma_sh_psql_copy(s, n, a, b);
	for (size_t k = a; k < b; k++) {
		if (s[k] == '\\' || s[k] == '|')
			return 1;
		if (k + 7 <= b && !strncasecmp(s + k, "program", 7))
			return 1;
	}
	return 0;
}

/* 1 when [a, b) of a sqlite3 dot-command (s[0] is '.') names the command
 * or brings a '|' that starts an argument (.output |cmd, .once |cmd,
 * .import |cmd, .read |cmd: a command run with popen). */
static int ma_sh_sqlite_dot(const char *s, size_t a, size_t b)
{
	if (a == 0)
		return 1;
	for (size_t k = a; k < b; k++)
		if (s[k] == '|' &&
		    (ma_sh_sqlcli_blank(s[k - 1]) || s[k - 1] == '"' || s[k - 1] == '\''))
			return 1;
	return 0;
}

/* The mysql client's long commands that run a command, read or write a
 * file or connect elsewhere (mysql(1): system, source, tee, pager, edit,
 * connect), compared case-insensitively. */
static int ma_sh_mysql_command(const char *w, size_t n)
{
	static const char *const names[] = {"system", "source",  "tee", "pager",
	                                    "edit",   "connect", NULL};

	for (int k = 0; names[k]; k++)
		if (strlen(names[k]) == n && !strncasecmp(w, names[k], n))
			return 1;
	return 0;
}

/* 1 when [a, b) of mysql's -e input s (n bytes) brings one of the
 * client's commands: a backslash command outside quotes and comments
 * (\! id runs a shell) or a long command as the first word of a line
 * when no statement is pending (after a ';' that ended the last). */
static int ma_sh_mysql_client(const char *s, size_t n, size_t a, size_t b)
{
	struct ma_sql_lexer lx;
	struct ma_sql_tok t;
	size_t prev_end = 0;
	int pending = 0, first = 1;

	ma_sql_lex_init(&lx, MOAT_SQL_MYSQL, s, n);
	while (ma_sql_lex_next(&lx, &t)) {
		int line_start = first || memchr(s + prev_end, '\n', t.start - prev_end) != NULL;
		if (t.start >= b)
			break;
		first = 0;
		prev_end = t.end;
		if (t.type == MA_SQL_T_COMMENT)
			continue;
		if (t.end > a && t.type != MA_SQL_T_STRING && t.type != MA_SQL_T_QIDENT) {
			const char *bs = memchr(s + t.start, '\\', t.end - t.start);
			/* the backslash itself, and the command letter after it */
			if (bs && (size_t)(bs - s) + 1 < n && (size_t)(bs - s) + 1 >= a &&
			    (size_t)(bs - s) < b && !ma_sh_sqlcli_blank(bs[1]))
				return 1;
			if (t.type == MA_SQL_T_WORD && !pending && line_start &&
			    ma_sh_mysql_command(s + t.start, t.end - t.start))
				return 1;
		}
		pending = t.type != MA_SQL_T_SEMI;
	}
	return 0;
}

int ma_sh_sqlcli_judge(int client, const char *s, size_t n, size_t a, size_t b)
{
	struct ma_sql_hit hit;
	int dialect = MOAT_SQL_MYSQL;

	if (client == MA_SH_SQL_PSQL) {
		if (n && s[0] == '\\')
			return ma_sh_psql_meta(s, n, a, b);
		dialect = MOAT_SQL_POSTGRES;
	} else if (client == MA_SH_SQL_SQLITE) {
		if (n && s[0] == '.')
			return ma_sh_sqlite_dot(s, a, b);
		dialect = MOAT_SQL_SQLITE;
	} else if (ma_sh_mysql_client(s, n, a, b)) {
		return 1;
	}
	ma_sql_analyse(dialect, s, n, a, b, &hit);
	return hit.fired ? 2 : 0;
}

size_t ma_sh_sqlcli_shell(int client, const char *s, size_t n)
{
	size_t w = 1;

	if (client == MA_SH_SQL_PSQL && n >= 2 && s[0] == '\\' && s[1] == '!')
		w = 2;
	else if (client == MA_SH_SQL_SQLITE && n >= 3 && s[0] == '.') {
		while (w < n && !ma_sh_sqlcli_blank(s[w]))
			w++;
		/* sqlite3 takes a prefix of a dot-command's name: .sh, .sys */
		if (!((w - 1 >= 2 && !strncmp(s + 1, "shell", w - 1) && w - 1 <= 5) ||
		      (w - 1 >= 3 && !strncmp(s + 1, "system", w - 1) && w - 1 <= 6)))
			return 0;
	} else
		return 0;
	while (w < n && ma_sh_sqlcli_blank(s[w]))
		w++;
	return w < n ? w : 0;
}
