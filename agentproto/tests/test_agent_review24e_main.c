/* review24 (session 32), round e on main fb8d351: transformations the
 * attacker forces. README ("inputs the application changes before they
 * reach the SQL: trimmed, case-folded, escaped ...") lists them as not
 * caught; this round argues two of them should be, because the attacker,
 * not the application, decides that they apply, and each is one cheap
 * form. Each test fails on fb8d351. (Its test 3, LIKE escaping, is
 * another helper's; formsfix kept tests 1 and 2 and added twins; misc10,
 * session 33, added test 3 with the "like" form.)
 *
 * 1. Trimmed: nearly every framework or handler trims a form field
 *    (strip(), trim(), Rails' squish); the attacker then adds one space
 *    before and after the payload, and the raw form is no longer in the
 *    statement: ` x' OR 1=1-- ` trimmed to `x' OR 1=1--` is allowed
 *    (sql), as are `  <img src=x onerror=alert(1)>  ` (html) and ` x"; id; echo " `
 *    (shell). A trimmed form is a slice of the raw one: no copy.
 * 2. JSON text pasted into a SQL string ('...' + JSON.stringify(doc) +
 *    '...', json.dumps): a quote needs no JSON escape, so the injection
 *    works, and the attacker adds one character the encoder escapes --
 *    `é' || (SELECT group_concat(name) FROM sqlite_master) || '` is
 *    `\u00e9' || ...` in Python's json.dumps (ensure_ascii) -- and the raw
 *    form is gone: allowed. Run here: sqlite3 3.40.1 stored the table
 *    names in the row. (`"` works without it: `\"` still holds `"`.)
 */
#include "agent_test.h"

static int check(int kind, const char *input, const char *op)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	    "\"xss\":{\"mode\":\"block\"},\"command_injection\":{\"mode\":\"block\"}}}",
	    1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x"};
	struct moat_request *r = NULL;
	int v = -1;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "v", input, strlen(input)), 0);
	if (kind == 0)
		v = moat_check_sql(r, MOAT_SQL_SQLITE, op, strlen(op));
	else if (kind == 1)
		v = moat_check_html(r, op, strlen(op));
	else
		v = moat_check_shell(r, op, strlen(op));
	moat_request_end(r);
	return v;
}

static void a_trimmed_input_is_judged(void **state)
{
	(void)state;
	assert_int_equal(
	    check(0, " x' OR 1=1-- ", "SELECT * FROM users WHERE name = 'x' OR 1=1--'"),
	    MOAT_BLOCK);
	assert_int_equal(check(0, "\t5 UNION SELECT password FROM users\n",
	                       "SELECT * FROM items WHERE id = 5 UNION SELECT password FROM users"),
	                 MOAT_BLOCK);
	assert_int_equal(check(1, "  <img src=x onerror=alert(1)>  ",
	                       "<p>Hello <img src=x onerror=alert(1)></p>"),
	                 MOAT_BLOCK);
	assert_int_equal(check(2, " x\"; id; echo \" ", "grep -r \"x\"; id; echo \"\" /srv/docs"),
	                 MOAT_BLOCK);
	/* twins */
	assert_int_equal(check(0, "  O'Brien  ", "SELECT * FROM users WHERE name = 'O''Brien'"),
	                 MOAT_ALLOW);
	assert_int_equal(check(1, "  Tom & Jerry  ", "<p>Hello Tom &amp; Jerry</p>"), MOAT_ALLOW);
}

/* Test 2's attacks (JSON-escaped text pasted into SQL: `\u00e9' || ...`,
 * `x\n' || ...`) are not caught: formsfix (session 32) argues in
 * bench/RESULTS.md and agentproto/README.md why no "json" form was added.
 * Its twins stay: JSON-escaped benign values pasted the same way. */
static void a_json_escaped_benign_value_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(check(0, "caf\xc3\xa9 noir",
	                       "INSERT INTO prefs(user, doc) VALUES (6, '{\"theme\": \"caf\\u00e9 "
	                       "noir\"}')"),
	                 MOAT_ALLOW);
	assert_int_equal(
	    check(0, "Zo\xc3\xab O'Neill\nline two",
	          "INSERT INTO notes(doc) VALUES ('{\"who\": \"Zo\\u00eb O''Neill\\nline "
	          "two\"}')"),
	    MOAT_ALLOW);
}

/* Own twins of test 1: padded benign values, trimmed by the application,
 * in each sink; and a padded attack in other words and whitespace. */
static void a_trimmed_benign_value_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(check(0,
	                       " \t Ana Mar\xc3\xad"
	                       "a de la Cruz \r\n",
	                       "SELECT id FROM people WHERE name = 'Ana Mar\xc3\xad"
	                       "a de la Cruz'"),
	                 MOAT_ALLOW);
	assert_int_equal(check(0, "   42   ", "SELECT * FROM items WHERE id = 42"), MOAT_ALLOW);
	assert_int_equal(check(2, "  quarterly report.pdf ", "ls -l 'quarterly report.pdf'"),
	                 MOAT_ALLOW);
	assert_int_equal(check(1,
	                       "\n  Bonjour, \xc3\xa7"
	                       "a va ?  \n",
	                       "<p>Bonjour, \xc3\xa7"
	                       "a va ?</p>"),
	                 MOAT_ALLOW);
	assert_int_equal(check(0, "\r\n\v7); DROP TABLE orders; --\f ",
	                       "DELETE FROM cart WHERE id = (7); DROP TABLE orders; --)"),
	                 MOAT_BLOCK);
	assert_int_equal(check(1, "\t\"><svg onload=confirm(9)>\t",
	                       "<input value=\"\"><svg onload=confirm(9)>\">"),
	                 MOAT_BLOCK);
}

/* 3. LIKE wildcards escaped, quotes not (a common "sanitize for LIKE"):
 *    the attacker puts a '_' or '%' inside the payload and the escape's
 *    backslash splits the raw form: `a_b' OR 1=1-- ` becomes `a\_b' OR
 *    1=1-- ` in the statement -- allowed (with the wildcard first, `%'
 *    OR ...`, the raw form survives after the backslash and fires). */
static void a_like_escaped_input_is_judged(void **state)
{
	(void)state;
	assert_int_equal(check(0, "a_b' OR 1=1-- ",
	                       "SELECT * FROM t WHERE name LIKE '%a\\_b' OR 1=1-- %' ESCAPE '\\'"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    check(0, "x%y' UNION SELECT password FROM users-- ",
	          "SELECT * FROM t WHERE name LIKE '%x\\%y' UNION SELECT password FROM "
	          "users-- %' ESCAPE '\\'"),
	    MOAT_BLOCK);
	/* twin */
	assert_int_equal(check(0, "50% off_now",
	                       "SELECT * FROM t WHERE name LIKE '%50\\% off\\_now%' "
	                       "ESCAPE '\\'"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_trimmed_input_is_judged),
	    cmocka_unit_test(a_json_escaped_benign_value_is_allowed),
	    cmocka_unit_test(a_trimmed_benign_value_is_allowed),
	    cmocka_unit_test(a_like_escaped_input_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
