/* review23 (session 31), round b on main ae71601: exclusions on one
 * parameter open the others. Each test fails on ae71601; the comments
 * give each case's verdict there.
 *
 * 1. An exclusion that downgrades one parameter to monitor (on_match
 *    "monitor": a noisy free-text field) ends every check at the first
 *    finding: the attacker sends the same payload twice, first in that
 *    parameter (the query string's order is the attacker's), and the
 *    copy in the parameter the operation really uses is never judged --
 *    sql, nosql, shell, xss, path and ssrf all return MOAT_ALLOW with a
 *    "logged" event for the decoy. In block mode the real parameter must
 *    still block.
 * 2. nosql with an "ignore" exclusion: the operator loop stops at the
 *    first input that spells the key, excluded or not, so a decoy
 *    {"$ne": ""} in the excluded field hides the real one (the other
 *    checks go on to the next input and block).
 */
#include "agent_test.h"

#define ICPT(name, om)                                                                             \
	"{\"interceptor\":\"" name "\",\"parameter\":\"query.comment\",\"on_match\":\"" om "\"},"  \
	"{\"interceptor\":\"" name "\",\"parameter\":\"body.note\",\"on_match\":\"" om "\"}"

#define POLICY(om)                                                                                 \
	"{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"                               \
	"\"nosql_injection\":{\"mode\":\"block\"},\"command_injection\":{\"mode\":\"block\"},"     \
	"\"xss\":{\"mode\":\"block\"},\"path_traversal\":{\"mode\":\"block\"},"                    \
	"\"ssrf\":{\"mode\":\"block\"}},\"exclusions\":[" ICPT("sql_injection", om) "," ICPT(      \
	    "nosql_injection", om) "," ICPT("command_injection",                                   \
	                                    om) "," ICPT("xss", om) "," ICPT("path_traversal",     \
	                                                                     om) "," ICPT("ssrf",  \
	                                                                                  om) "]}"

enum kind { K_SQL, K_NOSQL, K_SHELL, K_HTML, K_PATH, K_URL };

/* The check of op with the payload in query.comment (the excluded
 * parameter) when decoy, then in query.<name> (or a JSON body when
 * body is given). */
static int check(const char *om, enum kind k, const char *name, const char *payload, int decoy,
                 const char *body, const char *op)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(
	    !strcmp(om, "monitor") ? POLICY("monitor") : POLICY("ignore"), 1, err, sizeof err);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/x"};
	struct moat_request *r = NULL;
	int v = -1;

	if (!p)
		fail_msg("policy: %s", err);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	if (body) {
		(void)moat_request_add_json(r, body, strlen(body));
	} else {
		if (decoy)
			assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "comment",
			                                        payload, strlen(payload)),
			                 0);
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_QUERY, name, payload, strlen(payload)), 0);
	}
	switch (k) {
	case K_SQL:
		v = moat_check_sql(r, MOAT_SQL_SQLITE, op, strlen(op));
		break;
	case K_NOSQL:
		v = moat_check_nosql(r, op, strlen(op));
		break;
	case K_SHELL:
		v = moat_check_shell(r, op, strlen(op));
		break;
	case K_HTML:
		v = moat_check_html(r, op, strlen(op));
		break;
	case K_PATH:
		v = moat_check_path(r, op, strlen(op), "/srv/app/uploads", 0);
		break;
	case K_URL: {
		struct moat_url_target t;
		v = moat_check_url(r, op, strlen(op), &t);
		break;
	}
	}
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

struct kase {
	enum kind k;
	const char *name, *payload, *op;
};

static const struct kase cases[] = {
    {K_SQL, "name", "x' OR 1=1-- ", "SELECT * FROM t WHERE name='x' OR 1=1-- '"},
    {K_SHELL, "f", "x'; id; '", "ls 'x'; id; ''"},
    {K_HTML, "n", "x<img src=x onerror=alert(1)>", "<p>x<img src=x onerror=alert(1)></p>"},
    {K_PATH, "f", "../../etc/passwd", "/srv/app/uploads/../../etc/passwd"},
    {K_URL, "u", "http://127.0.0.1:6379/", "http://127.0.0.1:6379/"},
};

static void a_decoy_in_a_monitored_parameter_does_not_open_the_others(void **state)
{
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct kase *c = &cases[i];
		/* without the decoy: blocked on ae71601 */
		assert_int_equal(check("monitor", c->k, c->name, c->payload, 0, NULL, c->op),
		                 MOAT_BLOCK);
		/* with it first: ae71601 allows each (a "logged" event for
		 * query.comment, query.<name> never judged) */
		if (check("monitor", c->k, c->name, c->payload, 1, NULL, c->op) != MOAT_BLOCK) {
			print_message("allowed with a monitored decoy: %s\n", c->op);
			bad++;
		}
	}
	/* nosql: body.note monitored, body.pass used (ae71601: allowed) */
	if (check("monitor", K_NOSQL, NULL, NULL, 0,
	          "{\"note\":{\"$ne\":\"\"},\"pass\":{\"$ne\":\"\"}}",
	          "{\"user\":\"admin\",\"pass\":{\"$ne\":\"\"}}") != MOAT_BLOCK) {
		print_message("allowed with a monitored decoy: nosql\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void a_decoy_in_an_ignored_parameter_does_not_open_nosql(void **state)
{
	(void)state;
	/* the other checks go on past an ignored input (blocked on ae71601) */
	assert_int_equal(check("ignore", K_SQL, "name", "x' OR 1=1-- ", 1, NULL,
	                       "SELECT * FROM t WHERE name='x' OR 1=1-- '"),
	                 MOAT_BLOCK);
	/* nosql stops at the ignored decoy (ae71601: allowed) */
	assert_int_equal(check("ignore", K_NOSQL, NULL, NULL, 0,
	                       "{\"note\":{\"$ne\":\"\"},\"pass\":{\"$ne\":\"\"}}",
	                       "{\"user\":\"admin\",\"pass\":{\"$ne\":\"\"}}"),
	                 MOAT_BLOCK);
	/* twin: the operator only in the ignored field, where the document
	 * holds it (allowed on ae71601: the exclusion's purpose) */
	assert_int_equal(check("ignore", K_NOSQL, NULL, NULL, 0,
	                       "{\"note\":{\"$ne\":\"\"},\"pass\":\"hunter2\"}",
	                       "{\"note\":{\"$ne\":\"\"},\"pass\":\"hunter2\"}"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_decoy_in_a_monitored_parameter_does_not_open_the_others),
	    cmocka_unit_test(a_decoy_in_an_ignored_parameter_does_not_open_nosql),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
