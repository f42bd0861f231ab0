/* review24 (session 32), round k on main fb8d351: JSON text inside a
 * string input. Applications parse JSON that arrives as one string: a
 * GraphQL GET request's `variables` query parameter, Slack's and GitHub's
 * form-encoded `payload=` field, a `filter=` parameter, a JSON body field
 * that holds JSON (webhooks that wrap their event). The string is an
 * input; the values the application reads out of it are not, and the
 * whole string never occurs in the operation, so no check judges them:
 *
 *   variables={"name":"x' OR 1=1-- "}  ->  WHERE name = 'x' OR 1=1-- '
 *   payload={"q":"<img src=x onerror=alert(1)>"}  ->  the results page
 *   payload={"file":"x; id"}  ->  grep -r x; id /srv/docs
 *   {"event":"{\"name\":\"x' OR 1=1-- \"}"} through moat_request_add_json
 *   state=q=x%27+OR+1%3D1--+&lang=en (a query string inside a parameter)
 *
 * all allowed (the same values as inputs of their own: blocked). (The
 * nosql check reads operator keys in such text already.) Twins: the same
 * strings with harmless values stay allowed.
 */
#include "agent_test.h"

enum kind { K_SQL, K_HTML, K_SHELL };

static int check(enum kind k, int kind, const char *name, const char *value, const char *body,
                 const char *op)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	    "\"xss\":{\"mode\":\"block\"},\"command_injection\":{\"mode\":\"block\"}}}",
	    1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/graphql"};
	struct moat_request *r = NULL;
	int v = -1;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	if (value)
		assert_int_equal(moat_request_add_input(r, kind, name, value, strlen(value)), 0);
	if (body)
		(void)moat_request_add_json(r, body, strlen(body));
	if (k == K_SQL)
		v = moat_check_sql(r, MOAT_SQL_POSTGRES, op, strlen(op));
	else if (k == K_HTML)
		v = moat_check_html(r, op, strlen(op));
	else
		v = moat_check_shell(r, op, strlen(op));
	moat_request_end(r);
	return v;
}

static void a_value_inside_json_text_is_judged(void **state)
{
	int bad = 0;

	(void)state;
	if (check(K_SQL, MOAT_INPUT_QUERY, "variables", "{\"name\":\"x' OR 1=1-- \"}", NULL,
	          "SELECT * FROM users WHERE name = 'x' OR 1=1-- '") != MOAT_BLOCK) {
		print_message("allowed: GraphQL variables in the query string\n");
		bad++;
	}
	if (check(K_HTML, MOAT_INPUT_FORM, "payload", "{\"q\":\"<img src=x onerror=alert(1)>\"}",
	          NULL, "<p>Results for <img src=x onerror=alert(1)></p>") != MOAT_BLOCK) {
		print_message("allowed: a form's payload= JSON in a page\n");
		bad++;
	}
	if (check(K_SHELL, MOAT_INPUT_FORM, "payload", "{\"file\":\"x; id\"}", NULL,
	          "grep -r x; id /srv/docs") != MOAT_BLOCK) {
		print_message("allowed: a form's payload= JSON in a command line\n");
		bad++;
	}
	/* a query string inside a parameter (OAuth's state, a return URL) */
	if (check(K_SQL, MOAT_INPUT_QUERY, "state", "q=x%27+OR+1%3D1--+&lang=en", NULL,
	          "SELECT * FROM users WHERE name = 'x' OR 1=1-- '") != MOAT_BLOCK) {
		print_message("allowed: a query string inside a parameter\n");
		bad++;
	}
	if (check(K_SQL, 0, NULL, NULL, "{\"event\":\"{\\\"name\\\":\\\"x' OR 1=1-- \\\"}\"}",
	          "SELECT * FROM users WHERE name = 'x' OR 1=1-- '") != MOAT_BLOCK) {
		print_message("allowed: a JSON body field that holds JSON\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void harmless_values_inside_json_text_are_allowed(void **state)
{
	(void)state;
	assert_int_equal(check(K_SQL, MOAT_INPUT_QUERY, "variables", "{\"name\":\"O'Brien\"}", NULL,
	                       "SELECT * FROM users WHERE name = 'O''Brien'"),
	                 MOAT_ALLOW);
	assert_int_equal(check(K_HTML, MOAT_INPUT_FORM, "payload", "{\"q\":\"Tom & Jerry\"}", NULL,
	                       "<p>Results for Tom &amp; Jerry</p>"),
	                 MOAT_ALLOW);
	assert_int_equal(check(K_SHELL, MOAT_INPUT_FORM, "payload", "{\"file\":\"notes.txt\"}",
	                       NULL, "grep -r notes.txt /srv/docs"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_value_inside_json_text_is_judged),
	    cmocka_unit_test(harmless_values_inside_json_text_are_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
