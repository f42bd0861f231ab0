/* libmoatagent: the sql_injection check on a column named where the
 * statement's author put a value (review12, session 21): after `WHERE id
 * =` the input `id` makes `id = id`, true for every row; `(id)`, `+id`,
 * `users.id`, `coalesce(id,1)`, `1 - 1 + id`, a quoted name of the
 * dialect and SQLite's rowid do the same (each checked on sqlite3 3.40:
 * every row of the table). Names where the application puts names (ORDER
 * BY, a select list, an INSERT's column list, a call's arguments), a word
 * inside a string, numbers, a name the statement does not write, and a
 * name the application itself compares to the input's place (b.id), and
 * another column than the one compared there (id = price: the rows where
 * they agree; and as likely a user's word, Name, where a number goes)
 * pass.
 * Each verdict is the check's and each place's alone (ma_sql_analyse). */
#include "agent_sql_test.h"

#include <stdio.h>
#include <string.h>

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES
#define MYSQL  MOAT_SQL_MYSQL

static const int dialects[] = {SQLITE, PG, MYSQL};

/* pre + input + post, checked with input as the request's one input:
 * the check's verdict and each place's alone must both be want. */
static void says(int d, const char *pre, const char *input, const char *post, int want)
{
	static char sql[5000];
	int got, alone;

	assert_true((size_t)snprintf(sql, sizeof sql, "%s%s%s", pre, input, post) < sizeof sql);
	got = check_sql_text(d, sql, input);
	alone = each_place_alone(d, sql, input);
	if (got != want || alone != want)
		fail_msg("dialect %d: [%s] with input [%s]: check %s, alone %s, want %s", d, sql,
		         input, got == MOAT_BLOCK ? "block" : "allow",
		         alone == MOAT_BLOCK ? "block" : "allow",
		         want == MOAT_BLOCK ? "block" : "allow");
}

static void a_column_where_a_number_goes_fires_in_every_dialect(void **state)
{
	static const char *const inputs[] = {
	    "id",     "(id)",    "+id", "users.id", "coalesce(id,1)", "1 - 1 + id",
	    "((id))", "abs(id)", "ID",  "id*1",     "users . id",     "0 + id"};
	static const char *const posts[] = {"", " AND active = 1", " LIMIT 10", ")", " OR 1 = 0"};

	(void)state;
	for (size_t di = 0; di < 3; di++)
		for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
			for (size_t p = 0; p < sizeof posts / sizeof posts[0]; p++) {
				const char *pre = posts[p][0] == ')'
				                      ? "SELECT * FROM users WHERE (id = "
				                      : "SELECT * FROM users WHERE id = ";
				says(dialects[di], pre, inputs[k], posts[p], MOAT_BLOCK);
			}
}

static void quoted_names_fire_where_the_dialect_reads_a_name(void **state)
{
	const char *pre = "SELECT * FROM users WHERE id = ";

	(void)state;
	says(SQLITE, pre, "\"id\"", "", MOAT_BLOCK);
	says(SQLITE, pre, "[id]", "", MOAT_BLOCK);
	says(SQLITE, pre, "`id`", "", MOAT_BLOCK);
	says(PG, pre, "\"id\"", "", MOAT_BLOCK);
	says(MYSQL, pre, "`id`", "", MOAT_BLOCK);
	says(MYSQL, pre, "`users`.`id`", " AND active = 1", MOAT_BLOCK);
	/* MySQL's "id" is a string: id = 'id' is id = 0 */
	says(MYSQL, pre, "\"id\"", "", MOAT_ALLOW);
}

static void sqlites_hidden_rowid_fires_though_the_statement_never_writes_it(void **state)
{
	const char *pre = "SELECT * FROM users WHERE id = ";

	(void)state;
	says(SQLITE, pre, "rowid", "", MOAT_BLOCK);
	says(SQLITE, pre, "oid", " AND active = 1", MOAT_BLOCK);
	says(SQLITE, pre, "_rowid_", "", MOAT_BLOCK);
	says(SQLITE, pre, "(rowid)", "", MOAT_BLOCK);
}

static void other_places_where_a_value_goes_fire_too(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM users WHERE id IN (", "id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE id IN (", "1, id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE id IN (", "1,2,users.id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE id IN (", "7, id", ") AND 1 = 1", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE id IN ", "(id)", "", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE name LIKE ", "name", "", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE users.name LIKE ", "(name)", "", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE id <= ", "id", " AND 1 = 1", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE id >= ", "(id)", "", MOAT_BLOCK);
		says(d, "SELECT * FROM users WHERE id BETWEEN ", "id", " AND 5", MOAT_BLOCK);
		says(d, "SELECT a FROM t JOIN users u ON u.uid = t.uid WHERE id = ", "u.id", "",
		     MOAT_BLOCK);
		says(d, "SELECT a FROM t JOIN users u ON u.id = t.uid WHERE u.id = ", "u.id", "",
		     MOAT_BLOCK);
	}
	says(SQLITE, "SELECT * FROM users WHERE \"id\" = ", "\"id\"", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM users WHERE [id] = ", "id", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM users WHERE `id` = ", "id", "", MOAT_BLOCK);
}

static void names_where_the_application_puts_names_pass(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT id, name FROM users ORDER BY ", "name", " LIMIT 20", MOAT_ALLOW);
		says(d, "SELECT id, name FROM users ORDER BY ", "name desc", "", MOAT_ALLOW);
		says(d, "SELECT id, name FROM users ORDER BY name ", "desc", "", MOAT_ALLOW);
		says(d, "SELECT id, name FROM users ORDER BY ", "name, id", "", MOAT_ALLOW);
		says(d, "SELECT id, name FROM users GROUP BY ", "name", "", MOAT_ALLOW);
		says(d, "SELECT ", "id, name", " FROM users WHERE id = 1", MOAT_ALLOW);
		says(d, "SELECT id, ", "name", " FROM users WHERE name = 'x'", MOAT_ALLOW);
		says(d, "INSERT INTO users (id, ", "name", ") VALUES (1, 'x')", MOAT_ALLOW);
		says(d, "SELECT max(", "id", ") FROM users WHERE id > 1", MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE lower(", "name", ") = 'x' AND name <> ''",
		     MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE ", "name", " = 'x' AND name <> ''", MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE a = 1 AND ", "name", " = 'x' AND name <> ''",
		     MOAT_ALLOW);
		says(d, "SELECT ", "name", " FROM users WHERE id = 1 AND name <> 'x'", MOAT_ALLOW);
	}
}

static void words_inside_literals_and_numbers_pass(void **state)
{
	static const char *const numbers[] = {"-1", "1e3", "0x10", "19.99", "2+2", "(5)", "-(3)"};

	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM users WHERE name = '", "id", "' AND id = 1", MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE name LIKE '%", "id", "%' ORDER BY id",
		     MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE name LIKE '%", "user id", "%' AND id = 2",
		     MOAT_ALLOW);
		says(d, "INSERT INTO users (id, name) VALUES (1, '", "name", "')", MOAT_ALLOW);
		for (size_t k = 0; k < sizeof numbers / sizeof numbers[0]; k++)
			says(d, "SELECT * FROM users WHERE id = ", numbers[k], " AND name = 'x'",
			     MOAT_ALLOW);
	}
}

/* A name other than the column compared there is not judged (English in
 * a number place breaks the statement, no such column; another column
 * selects the rows where the two agree); and the application's own
 * comparison of two columns, where the input's value is the name of its
 * second (ON b.id = a.id, SET n = n + 1), is the statement's text, not a
 * place the input took. */
static void names_the_statement_does_not_write_or_writes_itself_pass(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM users WHERE id = ", "foo", "", MOAT_ALLOW);
		/* another column: the rows where the two agree, and as likely
		 * a user's word (Name, Price) where a number goes */
		says(d, "SELECT id, name, price FROM products WHERE id = ", "name", " AND a = 1",
		     MOAT_ALLOW);
		says(d, "SELECT id, name, price FROM products WHERE id = ", "Price", "",
		     MOAT_ALLOW);
		says(d, "SELECT id, name FROM products WHERE id = ", "(name)", "", MOAT_ALLOW);
		says(d, "SELECT id, name FROM products WHERE id = ", "products", "", MOAT_ALLOW);
		says(d, "UPDATE users SET pw = 'x', nick = ", "pw", " WHERE id = 5", MOAT_ALLOW);
		/* SET's = assigns: nick = nick changes nothing */
		says(d, "UPDATE users SET nick = ", "nick", " WHERE id = 5", MOAT_ALLOW);
		says(d, "UPDATE users SET nick = ", "(nick)", " WHERE id = 5", MOAT_ALLOW);
		says(d, "UPDATE users SET nick = 'x' WHERE id = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT a FROM t JOIN users u ON u.id = t.uid WHERE t.x = ", "u.uid", "",
		     MOAT_ALLOW);
		/* a configuration's SET: a word where a value goes, no column */
		says(d, "SET search_path = ", "public", "; SELECT 'public'", MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE id = ", "(foo)", "", MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE id = ", "coalesce(foo,1)", "", MOAT_ALLOW);
		says(d, "SELECT * FROM users WHERE id = ", "now()", "", MOAT_ALLOW);
		says(d, "SELECT * FROM a JOIN b ON b.aid = a.", "id", " WHERE a.x = 1", MOAT_ALLOW);
		says(d, "UPDATE t SET hits = ", "hits", " + 1 WHERE id = 2", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id = ", "id", ".x AND 1 = 1", MOAT_ALLOW);
		/* LIMIT takes no column: a syntax error in all three */
		says(d, "SELECT * FROM users WHERE id > 1 LIMIT ", "id", "", MOAT_ALLOW);
	}
	says(PG, "SELECT * FROM users WHERE id = ", "rowid", "", MOAT_ALLOW);
	says(MYSQL, "SELECT * FROM users WHERE id = ", "rowid", "", MOAT_ALLOW);
}

/* Session 22 (sql9): the column compared with an expression of itself,
 * judged per operator. x OP f(x) where f is x scaled and shifted (a*x + c:
 * + - * / by numbers, signs, parentheses, CAST, COLLATE, coalesce's first
 * argument) holds for every row when OP is = <=> LIKE IN and f is x, for
 * every row but one when OP is <> or != and f is not x, and for every
 * positive value (ids, prices, counts) when x < f, x > f ... holds there
 * (x < x + 1, x > -x, x <= 2 * x). It holds for no row with <> != < >
 * and f = x (id <> id, id < id), and for one row at most with = and
 * f not x (id = -id, id = id * 2: id 0; id = id + 1: none). Each checked
 * on sqlite3 3.40.1 and PostgreSQL 15 with ids 0 to 3. MySQL compares a
 * text column with a number as numbers, its text 0: name = -name and
 * name = name * 2 are 0 = 0 there, every row, so f = a*x fires in MySQL
 * after = <=> <= >= IN whatever a (the manual, type-conversion.html; no
 * MySQL here). Another expression of the column (abs(id), id % 2) is
 * judged as the column itself after = <=> <= >= LIKE BETWEEN IN, as
 * before, and passes after <> != < >. */
static void a_column_compared_with_an_expression_of_itself_is_judged_per_operator(void **state)
{
	static const char *const fire[][2] = {
	    {"id = ", "id+0"},
	    {"id < ", "id+1"},
	    {"id <= ", "id + 1"},
	    {"id > ", "id-1"},
	    {"id >= ", "id - 2"},
	    {"id <> ", "id+1"},
	    {"id != ", "id*2"},
	    {"id <> ", "-id"},
	    {"id > ", "-id"},
	    {"id < ", "id*2"},
	    {"id <= ", "2 * id"},
	    {"id >= ", "id / 2"},
	    {"price < ", "price + 0.5"},
	    {"id NOT IN (", "id+1"},
	    {"id IN (", "3, id + 0"},
	    {"id <> ", "(id) - 1"},
	    {"id < ", "cast(id as int) + 1"},
	    {"id <> ", "coalesce(id, 0) + 1"},
	};
	static const char *const pass[][2] = {
	    {"id <> ", "id"},
	    {"id != ", "id"},
	    {"id < ", "id"},
	    {"id > ", "id"},
	    {"id > ", "+id"},
	    {"id < ", "(id)"},
	    {"id = ", "id+1"},
	    {"id < ", "-id"},
	    {"id < ", "id - 1"},
	    {"id <> ", "coalesce(id,1)"},
	    {"id NOT IN (", "1, id"},
	    {"id = ", "id * 0 + 2"},
	    {"name NOT LIKE ", "name"},
	    {"id = ", "id / 0"},
	    {"id = ", "id * 2 + 1"},
	};
	char pre[128];

	(void)state;
	for (size_t di = 0; di < 3; di++) {
		for (size_t k = 0; k < sizeof fire / sizeof fire[0]; k++) {
			snprintf(pre, sizeof pre, "SELECT * FROM t WHERE %s", fire[k][0]);
			says(dialects[di], pre, fire[k][1],
			     strchr(fire[k][0], '(') ? ") AND a = 1" : " AND a = 1", MOAT_BLOCK);
		}
		for (size_t k = 0; k < sizeof pass / sizeof pass[0]; k++) {
			snprintf(pre, sizeof pre, "SELECT * FROM t WHERE %s", pass[k][0]);
			says(dialects[di], pre, pass[k][1],
			     strchr(pass[k][0], '(') ? ") AND a = 1" : " AND a = 1", MOAT_ALLOW);
		}
	}
	/* a multiple of the column alone: one row, id 0, in SQLite and
	 * PostgreSQL; every row of a text column in MySQL */
	says(SQLITE, "SELECT * FROM t WHERE id = ", "-id", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id = ", "-id", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE id = ", "id*2", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id IN (", "-id", ")", MOAT_ALLOW);
	says(MYSQL, "SELECT * FROM t WHERE name = ", "-name", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE name = ", "name*2", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE name <= ", "-name", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE id = ", "id+1", "", MOAT_ALLOW);
	says(MYSQL, "SELECT * FROM t WHERE name LIKE ", "-name", "", MOAT_ALLOW);
}

/* Session 22 (sql9): the statement's own comments between the column, its
 * operator and the input's place are whitespace there: WHERE id /+c+/ =
 * id, WHERE id = /+c+/ id, WHERE id -- c (line feed) = id return every row
 * (sqlite3 3.40.1, PostgreSQL 15) as WHERE id = id does. */
static void a_comment_beside_the_place_is_whitespace_there(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM t WHERE /*c*/ id = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id /*c*/ = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id = /*c*/ ", "id", " AND a = 1", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id /* a */ = /* b */ ", "(id)", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id -- the key\n= ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id = -- the key\n", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id /*c*/ <> ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE x = 1 /* id */ AND y = ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE y -- id\n= ", "id", "", MOAT_ALLOW);
	}
	says(MYSQL, "SELECT * FROM t WHERE id # the key\n= ", "id", "", MOAT_BLOCK);
}

/* Session 22 (sql9): the compared operand is an expression the statement
 * writes -- a JSON path (->, ->>, PostgreSQL's #>>), a call, a cast --
 * and the input writes the same expression: data->>'id' =
 * data->>'id', lower(name) = lower(name), (data->>'id')::int =
 * (data->>'id')::int return every row (sqlite3 3.40.1, PostgreSQL 15,
 * where the dialect has them). Another path or call of the same column
 * (data->>'name', upper(name)) passes: the rows where the two agree. */
static void an_expression_the_statement_compares_is_a_column_there_too(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		const char *path = d == MYSQL ? "data->>'$.id'" : "data->>'id'";
		char pre[128];
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE %s = ", path);
		says(d, pre, path, " AND a = 1", MOAT_BLOCK);
		says(d, pre, d == MYSQL ? "t.data->>'$.id'" : "t.data->>'id'", "", MOAT_BLOCK);
		says(d, pre, d == MYSQL ? "(data->>'$.id')" : "(data ->> 'id')", "", MOAT_BLOCK);
		says(d, pre, d == MYSQL ? "data->>'$.name'" : "data->>'name'", "", MOAT_ALLOW);
		says(d, pre, "data", "", MOAT_ALLOW);
		says(d, pre, "'5'", "", MOAT_ALLOW);
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE t.%s = ", path);
		says(d, pre, path, "", MOAT_BLOCK);
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE %s IN (", path);
		says(d, pre, path, ")", MOAT_BLOCK);
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE %s <> ", path);
		says(d, pre, path, "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE lower(name) = ", "lower(name)", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE lower(name) = ", "LOWER( name )", " AND a = 1",
		     MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE lower(name) = ", "upper(name)", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE lower(name) = ", "name", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE a + id = ", "id", "", MOAT_ALLOW);
	}
	says(SQLITE,
	     "SELECT * FROM t WHERE json_extract(data, '$.id') = ", "json_extract(data, '$.id')",
	     "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE data #>> '{id}' = ", "data #>> '{id}'", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE data->'id' = ", "data->'id'", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE (data->>'id')::int = ", "(data->>'id')::int", "",
	     MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE (data->>'id')::int = ", "(data->>'id')::int + 1", "",
	     MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE (data->>'id')::int < ", "(data->>'id')::int + 1", "",
	     MOAT_BLOCK);
	/* a NUL byte before the column is no operator of an arithmetic the
	 * column ends (found by scripts/fuzz_diff.sh: strchr matched it) */
	{
		static const char sql[] = "SELECT * FROM t WHERE\0 id <> id + 1";
		const size_t len = sizeof sql - 1;
		struct ma_sql_hit hit;
		ma_sql_analyse(SQLITE, sql, len, len - 6, len, &hit);
		assert_true(hit.fired);
	}
}

/* review14: an expression of the column that is never the column itself
 * but that the affine reading takes for one: ~id (= -id-1), id % 1 (= 0),
 * id||1 (text '11', '21' ... compared as a number in SQLite). With
 * t(id integer primary key) holding 1, 2, 3, sqlite3 3.40 returned all
 * three rows for each line below; main e980286 blocked each, h-sql9
 * 2722672 allows them. */
static void a_bitwise_not_modulo_or_concatenation_of_the_column_is_not_itself(void **state)
{
	(void)state;
	says(SQLITE, "SELECT * FROM t WHERE id <> ", "~id", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id > ", "~id", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id <> ", "id % 1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id > ", "id % 1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id <> ", "id||1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id < ", "id||1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id NOT IN (", "~id", ")", MOAT_BLOCK);
}

/* Session 22 (sql10, review14): the reading a*x + c is exact only for
 * signs, parentheses and + - * with numbers. Any other operator or call
 * of the column -- ~ % / DIV MOD << >> & | ^ ||, round, nullif,
 * CASE, a cast -- gives a value the judge cannot tell from the
 * statement: it fires after every operator, as before session 22 (with
 * t(id integer primary key, name text, price real) holding 1, 2, 3,
 * sqlite3 3.40.1 returns every row for id <> ~id, id <> id / 2, id < id |
 * 4, and rows 1, 3 for price <> CAST(price AS integer)). In SQLite a
 * text column read through arithmetic is a number beside text: name >
 * name + 1 and name <> name * 1 return every row of letters; in MySQL
 * text reads 0 (name < 1 - name: 0 < 1). */
static void
an_expression_of_the_column_the_judge_cannot_tell_fires_after_every_operator(void **state)
{
	static const char *const ops[] = {"=", "<>", "!=", "<", ">", "<=", ">="};
	static const char *const all[] = {
	    "~id",
	    "-~id",
	    "id % 1",
	    "id % 2",
	    "id / 2",
	    "id / 3 + 1",
	    "id << 1",
	    "id >> 1",
	    "id & 1",
	    "id | 4",
	    "round(id)",
	    "round(id, 0)",
	    "nullif(id, 0)",
	    "coalesce(id % 2, 0)",
	    "CASE WHEN id > 1 THEN id ELSE 0 END",
	    "case id when 1 then 2 else id end",
	    "CAST(id AS integer)",
	    "(~id)",
	};
	char pre[128];

	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
			snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id %s ", ops[o]);
			for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
				says(d, pre, all[k], " AND a = 1", MOAT_BLOCK);
		}
		says(d, "SELECT * FROM t WHERE id NOT IN (", "~id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id NOT IN (", "1, round(id)", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id IN (", "id % 2", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE name NOT LIKE ", "lower(name)", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE price <> ", "cast(price as int)", "", MOAT_BLOCK);
		/* the model's own cases are unchanged */
		says(d, "SELECT * FROM t WHERE id <> ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id <> ", "(+id)", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id = ", "id + 1", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id <> ", "coalesce(id, 1)", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id <> ", "~5", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id <> ", "abs(price)", "", MOAT_ALLOW);
		/* (NULL in SQLite and MySQL, an error in PostgreSQL: no row) */
		says(d, "SELECT * FROM t WHERE id > ", "id % 0", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id <> ", "(id + 1) / 0", "", MOAT_ALLOW);
	}
	says(SQLITE, "SELECT * FROM t WHERE id <> ", "id||1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id < ", "id || 'x'", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id > ", "id # 1", "", MOAT_BLOCK);
	for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id %s ", ops[o]);
		says(MYSQL, pre, "id DIV 2", "", MOAT_BLOCK);
		says(MYSQL, pre, "id MOD 2", "", MOAT_BLOCK);
		says(MYSQL, pre, "id ^ 1", "", MOAT_BLOCK);
		says(MYSQL, pre, "ifnull(id, 0) % 3", "", MOAT_BLOCK);
	}
	/* a text column through arithmetic */
	says(SQLITE, "SELECT * FROM t WHERE name > ", "name + 1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE name <> ", "name * 1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE name >= ", "-name + 5", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE name NOT IN (", "name - 0", ")", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE name < ", "name - 1", "", MOAT_ALLOW);
	says(MYSQL, "SELECT * FROM t WHERE name < ", "1 - name", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE name > ", "-name - 1", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE name > ", "name + 1", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE name > ", "name + 1", "", MOAT_ALLOW);
}

/* Session 22 (sql10, review14): IS NOT and IS DISTINCT FROM are <>, IS
 * and IS NOT DISTINCT FROM are <=> (sqlite3 3.40.1: id IS NOT -id, id IS
 * NOT id+1, id IS DISTINCT FROM 2*id, id IS id, id IS NOT DISTINCT FROM
 * id return every row; id IS NOT id and id IS NOT DISTINCT FROM id+1
 * none). PostgreSQL's ALL and ANY over an array are NOT IN and IN:
 * id <> ALL(ARRAY[-id]), id = ANY(ARRAY[id]) return every row. */
static void is_distinct_from_and_quantified_comparisons_are_comparisons_too(void **state)
{
	(void)state;
	says(SQLITE, "SELECT * FROM t WHERE id IS NOT ", "-id", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id IS NOT ", "id+1", " AND a = 1", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id IS NOT ", "2*id", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id IS NOT ", "id-id", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id IS NOT ", "~id", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id IS ", "id", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE t.id is ", "(t.id)", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE id IS NOT ", "id", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE id IS ", "id + 1", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE id IS NOT ", "NULL", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE id IS ", "NULL", "", MOAT_ALLOW);
	for (size_t di = 0; di < 2; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM t WHERE id IS DISTINCT FROM ", "-id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id IS DISTINCT FROM ", "2*id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id is not distinct from ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id IS DISTINCT FROM ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id IS NOT DISTINCT FROM ", "id+1", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id IS DISTINCT FROM ", "5", "", MOAT_ALLOW);
	}
	says(PG, "SELECT * FROM t WHERE id <> ", "ALL(ARRAY[-id])", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id <> ", "all (array[id + 1, 7])", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id = ", "ANY(ARRAY[id])", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id = ", "SOME(ARRAY[1, id])", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id < ", "ANY(ARRAY[id + 1])", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id <> ALL(ARRAY[", "-id", "])", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id = ANY(ARRAY[", "id", "])", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id <> ", "ALL(ARRAY[id])", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id = ", "ANY(ARRAY[1, 2])", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id = ANY(ARRAY[", "1, 2", "])", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id = ", "ANY(ARRAY[id + 1])", "", MOAT_ALLOW);
}

/* Session 23 (sql11): an operand in parentheses of its own is its inside
 * ((id) = id, ((id)) = id: every row, sqlite3 3.40.1 and PostgreSQL 15,
 * as id = id), and PostgreSQL's subscript is part of the operand (a[1] =
 * a[1]: every row whose a[1] is not NULL). An arithmetic inside the
 * parentheses ((a + id) = id) or another subscript (a[2]) passes. */
static void a_parenthesized_operand_or_a_subscript_is_the_column_too(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM t WHERE (id) = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE (id) = ", "(id)", " AND a = 1", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE ( (t.id) ) = ", "id + 0", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE a = 1 AND (id) <= ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE (id) IN (", "1, id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE (id) <> ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE (a + id) = ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE (id) = ", "price", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE (id, a) = ", "(id, a)", "", MOAT_ALLOW);
	}
	says(PG, "SELECT * FROM t WHERE a[1] = ", "a[1]", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE t.a[1] = ", "a [1]", " AND b = 2", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE a[1] IN (", "a[1]", ")", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE a[1] = ", "a[2]", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE a[1] = ", "a", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE a[1] <> ", "a[1]", "", MOAT_ALLOW);
	/* SQLite's [id] is a quoted name */
	says(SQLITE, "SELECT * FROM t WHERE [id] = ", "id", "", MOAT_BLOCK);
}

/* Session 23 (sql11): a comment or a line longer than 512 bytes before
 * the place no longer stops the backward reading (a statement of 4 KB is
 * in scope): WHERE id /+ 600 bytes +/ = id returns every row as WHERE id
 * = id does (sqlite3 3.40.1, PostgreSQL 15). */
static void a_long_comment_or_line_before_the_place_is_read_back_too(void **state)
{
	static char fill[3200], pre[4200];

	(void)state;
	memset(fill, 'x', sizeof fill - 1);
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id /* %.600s */ = ", fill);
		says(d, pre, "id", "", MOAT_BLOCK);
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id /* %s */ = ", fill);
		says(d, pre, "id", " AND a = 1", MOAT_BLOCK);
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id -- %.1000s\n= ", fill);
		says(d, pre, "id", "", MOAT_BLOCK);
		snprintf(pre, sizeof pre, "SELECT '%.900s', a FROM t WHERE id -- c\n= ", fill);
		says(d, pre, "id", "", MOAT_BLOCK);
		/* twins: the comment holds the column; the place compares y */
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE y -- id %.1000s\n= ", fill);
		says(d, pre, "id", "", MOAT_ALLOW);
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE y /* id %.2000s */ = ", fill);
		says(d, pre, "id", "", MOAT_ALLOW);
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id /* %.900s */ <> ", fill);
		says(d, pre, "id", "", MOAT_ALLOW);
	}
}

/* Session 23 (sql11, then sql12 after review15): abs() and the bitwise
 * operators. abs(x) is x for x >= 0 only, and SQLite and MySQL make an
 * integer of any value before | & << >> ^ (sqlite3 3.40.1: -5.5 | 0 is
 * -5, 'bob' | 0 is 0; MySQL: 1.5 | 0 is 2): an input that puts the column
 * through them chooses rows of its own (accounts holding -5.5, 10, -1:
 * balance <> abs(balance) returns 2 of 3 rows in PostgreSQL 15), so they
 * fire after every operator, as on main before sql11. PostgreSQL's | &
 * << >> # take integers (and bit strings, for << >>) alone: numeric,
 * float, text, inet, boolean have no such operator (an error, no row),
 * so x | 0, 0 | x, x & -1, x << 0, x >> 0, x # 0 and x ^ 1 (a power;
 * NaN ^ 1 is NaN, equal in PostgreSQL) are x there, x ^ 0 is 1 (PG 15:
 * no row of int, smallint, bigint, bit, varbit, numeric, float8, real
 * holding negatives, NaN, -2^63 differs). */
static void a_call_or_operator_the_reading_models_is_judged_per_operator(void **state)
{
	static const char *const ops[] = {"=", "<>", "<", ">", "<=", ">="};
	char pre[128];

	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
			snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id %s ", ops[o]);
			says(d, pre, "abs(id)", "", MOAT_BLOCK);
			says(d, pre, "abs(-id)", " AND a = 1", MOAT_BLOCK);
			says(d, pre, "abs(id) + 1", "", MOAT_BLOCK);
			says(d, pre, "abs(id - 1)", "", MOAT_BLOCK);
			says(d, pre, "id | 2", "", MOAT_BLOCK);
			says(d, pre, "id & 1", "", MOAT_BLOCK);
			if (d != PG) {
				says(d, pre, "id | 0", "", MOAT_BLOCK);
				says(d, pre, "0 | id", "", MOAT_BLOCK);
				says(d, pre, "id & -1", "", MOAT_BLOCK);
				says(d, pre, "id << 0", " AND a = 1", MOAT_BLOCK);
				says(d, pre, "id >> 0", "", MOAT_BLOCK);
			}
		}
		says(d, "SELECT * FROM t WHERE id IN (", "id << 0", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id = ", "abs(price)", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id <> ", "abs(5)", "", MOAT_ALLOW);
	}
	/* PostgreSQL: the identities hold for every value its operators take */
	says(PG, "SELECT * FROM t WHERE id = ", "id | 0", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id >= ", "0 | id", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id <> ", "id | 0", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id < ", "id << 0", " AND a = 1", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id > ", "-1 & id", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id < ", "id | 0 + 1", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id = ", "id ^ 1", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id <> ", "id ^ 1", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id = ", "id ^ 0", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id < ", "id ^ 0", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id < ", "id ^ 0 + id", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id <> ", "id ^ 2", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id <> ", "id # 0", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id = ", "id # 0", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE id > ", "id # 1", "", MOAT_BLOCK);
	/* SQLite: no ^ (a syntax error); a text column through arithmetic */
	says(SQLITE, "SELECT * FROM t WHERE id < ", "id ^ 0", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE id = ", "id ^ 0", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE name <> ", "abs(name)", "", MOAT_BLOCK);
	/* MySQL's ^ is XOR: 2^64 - 1 for -1 ^ 0 */
	for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
		snprintf(pre, sizeof pre, "SELECT * FROM t WHERE id %s ", ops[o]);
		says(MYSQL, pre, "id ^ 0", "", MOAT_BLOCK);
		says(MYSQL, pre, "id ^ 0 * 2 + 1", "", MOAT_BLOCK);
	}
}

/* Session 23 (sql11), decisions kept: a subquery's select list is where
 * the application puts a name, and its names range over the subquery's
 * own rows, not the compared row (PostgreSQL 15, ids -2 to 3: id <>
 * ALL(SELECT id + 1 FROM t) returns row -2 only, id <> ALL(SELECT -id FROM
 * t) row 3 only); another column (id = price) is written the same way as
 * an application's own comparison of two columns (stock < reorder_level)
 * beside a request that names that column elsewhere (sort=reorder_level). */
static void a_subquerys_select_list_and_another_column_pass(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM t WHERE id IN (SELECT ", "id", " FROM t)", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id NOT IN (SELECT ", "id + 1", " FROM t)",
		     MOAT_ALLOW);
		says(d, "SELECT * FROM items WHERE stock < reorder_level ORDER BY ",
		     "reorder_level", "", MOAT_ALLOW);
		says(d, "SELECT * FROM items WHERE updated_at > created_at ORDER BY ", "created_at",
		     " DESC", MOAT_ALLOW);
	}
	says(PG, "SELECT * FROM t WHERE id <> ALL(SELECT ", "-id", " FROM t)", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE id = ANY(SELECT ", "id", " FROM u)", MOAT_ALLOW);
}

/* review15 (session 23): abs(x) and x | 0 are x only for x >= 0; a
 * column that holds negative or fractional values (a balance) returns
 * those rows. accounts(id, balance) holding (1, -5.5), (2, 10), (3, -1):
 * PostgreSQL 15 returns 2 of 3 rows for balance <> abs(balance) and for
 * balance < abs(balance); sqlite3 3.40.1 returns 2 of 3 for balance <
 * abs(balance) and 1 for balance < balance | 0 (-5.5 | 0 is -5). Each
 * fired on main 8d2c2e2 (abs and | were values the judge cannot tell). */
static void abs_and_bitwise_identities_hold_for_non_negative_values_only(void **state)
{
	(void)state;
	says(PG, "SELECT * FROM accounts WHERE balance <> ", "abs(balance)", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM accounts WHERE balance < ", "abs(balance)", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM accounts WHERE balance < ", "abs(balance)", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM accounts WHERE balance < ", "balance | 0", "", MOAT_BLOCK);
}

/* Session 23 (sql12, review15's limits): the statement's operand deeper
 * than the reading follows, a unary plus before it, NOT before it, and
 * BETWEEN with the column on both ends. sqlite3 3.40.1 and PostgreSQL
 * 15, t(id) holding 1 to 3: (((((id))))) = id, (+id) = id, +id = id, NOT
 * (id) <> id, NOT id <> id, id BETWEEN id AND id, (id) BETWEEN id AND id,
 * id BETWEEN id - 1 AND id + 1 and id NOT BETWEEN id + 1 AND 5 return
 * every row; NOT id = id, id BETWEEN id AND id - 1 and id NOT BETWEEN id
 * AND id return none. An operand nested deeper than the reading follows
 * fires when the input names its first column, whatever the operator
 * (fail-closed); so does an input nested deeper than that. */
static void deep_parentheses_unary_plus_not_and_between_both_ends(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM t WHERE (((((id))))) = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE ((((((((((id)))))))))) = ", "id", " AND a = 1",
		     MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE ((((( id ))))) <> ", "id + 1", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE (((((id))))) = ", "5", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE (((((id))))) = ", "price", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id = ", "((((((((((id))))))))))", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id = ", "((((((((((5))))))))))", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE (+id) = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE ( + + id) >= ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE +id = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE a = 1 AND +id < ", "id + 1", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE (+id) <> ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE a + id = ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE NOT (id) <> ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT id <> ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE a = 1 OR NOT id = ", "id + 1", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT id < ", "id", "", MOAT_BLOCK);
		/* MySQL: HIGH_NOT_PRECEDENCE's (NOT id) too (session 24) */
		says(d, "SELECT * FROM t WHERE NOT id = ", "id", "",
		     d == MYSQL ? MOAT_BLOCK : MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE NOT NOT id <> ", "id", "",
		     d == MYSQL ? MOAT_BLOCK : MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE NOT id IN (", "id", ")",
		     d == MYSQL ? MOAT_BLOCK : MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE NOT id NOT IN (", "id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id BETWEEN ", "id AND id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE (id) BETWEEN ", "id AND id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id BETWEEN ", "id - 1 AND id + 1", " LIMIT 5",
		     MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id NOT BETWEEN ", "id + 1 AND 5", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id BETWEEN ", "id AND id - 1", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id NOT BETWEEN ", "id AND id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id BETWEEN ", "1 AND 5", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id BETWEEN ", "1 AND id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE NOT id BETWEEN ", "id AND id", "",
		     d == MYSQL ? MOAT_BLOCK : MOAT_ALLOW);
	}
}

/* Session 24 (sql13): NOT with the statement's own parentheses between
 * it and the place, BETWEEN's upper end as the place, MySQL's ! and the
 * HIGH_NOT_PRECEDENCE reading of NOT, NOT and ! written by the input.
 * sqlite3 3.40.1 and PostgreSQL 15, t(id) holding -2 to 3: NOT (id <>
 * id), NOT ((id) <> id), NOT (a = 1 AND id <> id) and id NOT BETWEEN 0
 * AND id - 1 return every row, id BETWEEN 0 AND id and id BETWEEN 0 AND
 * id + 1 rows 0 to 3 (every row of an id), NOT (id <> id OR a = 1) the
 * rows where a <> 1; SQLite's id <> NOT id every row (PostgreSQL: NOT
 * takes a boolean, active <> NOT active every row). MySQL's ! binds
 * tighter than a comparison: !id <> id is (!id) <> id, every row (!id is
 * 1 for 0, else 0); with HIGH_NOT_PRECEDENCE NOT is !, and the dialect
 * cannot know the server's sql_mode: both readings, fire if either does. */
static void not_before_parentheses_between_upper_end_and_mysql_not(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM t WHERE NOT (id <> ", "id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT ((t.id) <> ", "id", ") AND a = 1", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT ( (id < ", "id", ")) LIMIT 3", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT (id <> ", "id", " OR a = 1)", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT (id = ", "id + 1", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT (id NOT IN (", "id", "))", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT (a = 1 AND id <> ", "id", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT (b = 'x)' OR (a = 1 AND id <> ", "id", "))",
		     MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE NOT (a = 1) AND id <> ", "id", "", MOAT_ALLOW);
		/* a NOT's group more than 512 bytes back: fail-closed (review16) */
		{
			char far[700], pad[601];
			memset(pad, 'x', 600);
			pad[600] = '\0';
			snprintf(far, sizeof far,
			         "SELECT * FROM t WHERE NOT (a = 1) AND b = '%s' AND id <> ", pad);
			says(d, far, "id", "", MOAT_BLOCK);
		}
		says(d, "SELECT * FROM t WHERE NOT (a = 1) AND b = 'x' AND id <> ", "5", "",
		     MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE (a = 1 AND id <> ", "id", ")", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE NOT (id <> ", "5", ")", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE NOT (id <> ", "price", ")", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id BETWEEN 0 AND ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id BETWEEN 0 AND ", "id + 1", " LIMIT 5",
		     MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE (id BETWEEN -5 AND ", "(id)", ")", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE price BETWEEN 1.5 * 2 AND ", "price", "",
		     MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id NOT BETWEEN 0 AND ", "id - 1", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id BETWEEN 0 AND ", "5", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id BETWEEN 0 AND ", "id - 1", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id NOT BETWEEN 0 AND ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE a = 1 AND ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE a BETWEEN 1 AND 2 AND id = ", "5", "", MOAT_ALLOW);
	}
	says(PG, "SELECT * FROM t WHERE id BETWEEN SYMMETRIC 0 AND ", "id", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE day BETWEEN date '2020-01-01' AND ", "day", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE day BETWEEN DATE '2020-01-01' AND ", "day", "",
	     MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE day BETWEEN now() - interval '1 day' AND ", "day", "",
	     MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE day BETWEEN now() - interval '1 day' AND ", "now()", "",
	     MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE id <> ", "NOT id", "", MOAT_BLOCK);
	says(PG, "SELECT * FROM t WHERE active <> ", "NOT active", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE id <> ", "!id", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE !id <> ", "id", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE !(id) < ", "id + 1", " AND a = 1", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE !id = ", "5", "", MOAT_ALLOW);
	/* NOT id = id: no row by either reading, but (NOT id) against
	 * another expression of id is not modelled: MySQL fires */
	says(MYSQL, "SELECT * FROM t WHERE NOT id = ", "id", "", MOAT_BLOCK);
	says(MYSQL, "SELECT * FROM t WHERE NOT id = ", "5", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE NOT id = ", "id", "", MOAT_ALLOW);
	says(PG, "SELECT * FROM t WHERE NOT id = ", "id", "", MOAT_ALLOW);
}

/* Session 24 (sql13): the numeric-place assumption. sqlite3 3.40.1,
 * c(i integer, r real, tx text, n numeric, b) holding 5/1.5/'bob',
 * -2/2.0/'12', 0/-5.5/'012', 3/3/'1.5': x = x*1 returns every row of i,
 * r and n, and the rows of tx and b whose text is a number as SQLite
 * writes it ('12', '1.5'; TEXT affinity makes text of x*1); x = x | 0
 * every row of i, the whole values of r ('2.0', '3.0'), the integers of
 * tx. A bare place is where the application puts a number, and on the
 * columns it compares with numbers these are every row: kept firing
 * (attacks). x = x * 2 and x = x | 1 are no row's. */
static void the_numeric_place_reading_of_sqlite_arithmetic(void **state)
{
	(void)state;
	says(SQLITE, "SELECT * FROM t WHERE name = ", "name*1", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE price = ", "price | 0", "", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE zip = ", "zip * 1.0", " LIMIT 1", MOAT_BLOCK);
	says(SQLITE, "SELECT * FROM t WHERE name = ", "name * 2", "", MOAT_ALLOW);
	says(SQLITE, "SELECT * FROM t WHERE name = ", "name + 1", "", MOAT_ALLOW);
}

/* Session 24 (sql13): ten levels of parentheses are read (MA_COL_NEST,
 * MA_COL_DEPTH 12; 8 before): an operand or an input ten deep is judged per
 * operator as at one (id <> id: no row), nine deep after = fires; deeper
 * than twelve still fails closed. */
static void ten_levels_of_parentheses_are_read(void **state)
{
	(void)state;
	for (size_t di = 0; di < 3; di++) {
		int d = dialects[di];
		says(d, "SELECT * FROM t WHERE ((((((((((id)))))))))) <> ", "id", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE id <> ", "((((((((((id))))))))))", "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE ((((((((((id)))))))))) < ", "((((((((((id))))))))))",
		     "", MOAT_ALLOW);
		says(d, "SELECT * FROM t WHERE (((((((((id))))))))) = ", "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id = ", "(((((((((id)))))))))", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE ((((((((((id)))))))))) <> ",
		     "((((((((((id + 1))))))))))", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE ((((((((((((((((((((id)))))))))))))))))))) <> ",
		     "id", "", MOAT_BLOCK);
		says(d, "SELECT * FROM t WHERE id <> ",
		     "((((((((((((((((((((id))))))))))))))))))))", "", MOAT_BLOCK);
	}
}

/* sqlcost2: the column pass keeps, across the places of one check, the
 * stretch it found holds no opening of a block comment (struct
 * ma_col_memo), and reads each byte once per check. An input at many
 * places of a statement of closings with no opening, where only the last
 * place's comment opens: the last place still reads back over it to
 * the compared column (id = / * n * / id) and fires; without that
 * opening it passes. */
static void comment_openings_read_once_per_check_still_find_the_last(void **state)
{
	static char pre[5000];

	(void)state;
	for (size_t k = 0; k <= 60; k++) {
		size_t o = (size_t)snprintf(pre, sizeof pre, "SELECT * FROM t WHERE ");
		for (size_t j = 0; j < k; j++)
			o += (size_t)snprintf(pre + o, sizeof pre - o, "a = 'x' */ id OR ");
		for (size_t di = 0; di < sizeof dialects / sizeof dialects[0]; di++) {
			snprintf(pre + o, sizeof pre - o, "id = /* n */ ");
			says(dialects[di], pre, "id", "", MOAT_BLOCK);
			snprintf(pre + o, sizeof pre - o, "id = n */ ");
			says(dialects[di], pre, "id", "", MOAT_ALLOW);
		}
	}
}

/* The same memo against the analysis of each place alone (which keeps
 * nothing), on statements made of units that open, close and compare
 * around the input's places in every order: the check's verdict must be
 * every place's alone, and both verdicts must occur. */
static void comment_openings_memo_agrees_with_each_place_alone(void **state)
{
	static const char *const unit[] = {
	    "a = 'x' */ id OR ", "b = /* c */ 'y' */ id OR ", "/* k */ ",           "c = 1 */ ",
	    "e = 2 OR ",         "id = /* n */ id OR ",       "id = 'z' */ id OR ", "g = /* p ",
	    "id */ id OR "};
	static char sql[5000];
	unsigned x = 12345;
	int blocks = 0, allows = 0;

	(void)state;
	for (int s = 0; s < 400; s++) {
		size_t o = (size_t)snprintf(sql, sizeof sql, "SELECT * FROM t WHERE ");
		const int d = dialects[s % 3];
		x = x * 1103515245u + 12345u;
		for (unsigned j = 0, n = 2 + (x >> 16) % 40; j < n; j++) {
			x = x * 1103515245u + 12345u;
			/* (the unit that fires, rarely) */
			unsigned u = (x >> 16) % 9;
			if (u == 5 && (x >> 8) % 4 != 0)
				u = 0;
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", unit[u]);
		}
		snprintf(sql + o, sizeof sql - o, "f = 3");
		const int got = check_sql_text(d, sql, "id"),
		          alone = each_place_alone(d, sql, "id");
		if (got != alone)
			fail_msg("dialect %d: check %s, alone %s: %s", d,
			         got == MOAT_BLOCK ? "block" : "allow",
			         alone == MOAT_BLOCK ? "block" : "allow", sql);
		blocks += got == MOAT_BLOCK;
		allows += got != MOAT_BLOCK;
	}
	assert_true(blocks > 20);
	assert_true(allows > 20);
}

/* The memo belongs to one check: the same buffer, checked again in the
 * same request after the application wrote another statement into it,
 * is read afresh (a comment's opening where the first statement had
 * none). */
static void comment_openings_memo_is_one_checks(void **state)
{
	const struct moat_policy *p = block_policy();
	struct moat_request_info ri = {.endpoint = "/x", .policy = p};
	struct moat_request *r;
	static char sql[4096];
	static const char first[] = "SELECT * FROM t WHERE a = 'x' */ id OR id = n */ id";
	static const char second[] = "SELECT * FROM t WHERE a = 'x' */ id OR id = /* n */ id";

	(void)state;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "id", 2), 0);
	snprintf(sql, sizeof sql, "%s", first);
	assert_int_equal(moat_check_sql(r, SQLITE, sql, strlen(sql)), MOAT_ALLOW);
	snprintf(sql, sizeof sql, "%s", second);
	assert_int_equal(moat_check_sql(r, SQLITE, sql, strlen(sql)), MOAT_BLOCK);
	moat_request_end(r);
	moat_policy_release(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_column_where_a_number_goes_fires_in_every_dialect),
	    cmocka_unit_test(quoted_names_fire_where_the_dialect_reads_a_name),
	    cmocka_unit_test(sqlites_hidden_rowid_fires_though_the_statement_never_writes_it),
	    cmocka_unit_test(other_places_where_a_value_goes_fire_too),
	    cmocka_unit_test(names_where_the_application_puts_names_pass),
	    cmocka_unit_test(words_inside_literals_and_numbers_pass),
	    cmocka_unit_test(names_the_statement_does_not_write_or_writes_itself_pass),
	    cmocka_unit_test(a_column_compared_with_an_expression_of_itself_is_judged_per_operator),
	    cmocka_unit_test(a_comment_beside_the_place_is_whitespace_there),
	    cmocka_unit_test(an_expression_the_statement_compares_is_a_column_there_too),
	    cmocka_unit_test(a_bitwise_not_modulo_or_concatenation_of_the_column_is_not_itself),
	    cmocka_unit_test(
	        an_expression_of_the_column_the_judge_cannot_tell_fires_after_every_operator),
	    cmocka_unit_test(is_distinct_from_and_quantified_comparisons_are_comparisons_too),
	    cmocka_unit_test(a_parenthesized_operand_or_a_subscript_is_the_column_too),
	    cmocka_unit_test(a_long_comment_or_line_before_the_place_is_read_back_too),
	    cmocka_unit_test(a_call_or_operator_the_reading_models_is_judged_per_operator),
	    cmocka_unit_test(a_subquerys_select_list_and_another_column_pass),
	    cmocka_unit_test(abs_and_bitwise_identities_hold_for_non_negative_values_only),
	    cmocka_unit_test(deep_parentheses_unary_plus_not_and_between_both_ends),
	    cmocka_unit_test(not_before_parentheses_between_upper_end_and_mysql_not),
	    cmocka_unit_test(the_numeric_place_reading_of_sqlite_arithmetic),
	    cmocka_unit_test(ten_levels_of_parentheses_are_read),
	    cmocka_unit_test(comment_openings_read_once_per_check_still_find_the_last),
	    cmocka_unit_test(comment_openings_memo_agrees_with_each_place_alone),
	    cmocka_unit_test(comment_openings_memo_is_one_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
