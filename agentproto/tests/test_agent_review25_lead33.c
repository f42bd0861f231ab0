/* review25 (session 33) on h-lead33 0ae1bdd (the lead's fixes of
 * review25e, f, h: each of those tests passes there). Round b, fails on
 * 0ae1bdd:
 *
 * 1. path (8898b61 fires where an input climbs and names the normalised
 *    path's end): the end the application writes itself is not the
 *    input's -- a suffix (path.join(base, name + ".yml"): "../config/db"
 *    -> /srv/app/config/db.yml), a fixed file under the input's directory
 *    (path.join(base, dir, "avatar.png"): "../../etc" ->
 *    /srv/etc/avatar.png) -- and an absolute input the join resolved
 *    (path.resolve(base, x), os.path.normpath(os.path.join(base, x)):
 *    "/etc//passwd", "/etc/./passwd", "/srv/app/uploads/../secret") is
 *    not relative: 5 of 5 allowed, each outside the base.
 * 2. ssrf (c9e634e parses an input holding ':' as a URL): a host with a
 *    port and no scheme, the form an application puts after its own
 *    "http://" (new URL("http://" + target)), is no URL and is never read
 *    as a host: "0x7f000001:6379", "LOCALHOST:8080", "127.1:6379" -- 3 of
 *    3 allowed (the same without the port block).
 * 3. source_ip (0ae1bdd reads a list element by element): the event's
 *    source_ip is the list's first address -- in X-Forwarded-For the
 *    client's own claim, which its proxy never checked ("198.51.100.23,
 *    203.0.113.7": the event of a blocked injection names 198.51.100.23,
 *    an address the attacker chose, and not 203.0.113.7, the one the
 *    proxy saw). An operator (or a rule) that denies the addresses its
 *    events name then denies the attacker's victim and never the
 *    attacker. The last address (the hop the application's proxy wrote)
 *    or the list as given would not be the client's choice.
 * Twins: a name under the base with a suffix, a public host:port.
 */
#include "agent_test.h"

static const char *const policy =
    "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"},\"ssrf\":{\"mode\":\"block\"}}}";

static struct moat_request *begin(const char *input)
{
	const struct moat_policy *p = moat_policy_parse(policy, 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/x"};
	struct moat_request *r = NULL;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "v", input, strlen(input)), 0);
	return r;
}

static int path(const char *input, const char *p)
{
	struct moat_request *r = begin(input);
	int v = moat_check_path(r, p, strlen(p), "/srv/app/uploads", 0);

	moat_request_end(r);
	return v;
}

static int no_dns(const char *host, struct moat_addr *out, int max, void *arg)
{
	(void)host;
	(void)out;
	(void)max;
	(void)arg;
	return 0;
}

static int url(const char *input, const char *u)
{
	struct moat_request *r = begin(input);
	struct moat_url_target t;
	int v;

	moat_request_set_resolver(r, no_dns, NULL);
	v = moat_check_url(r, u, strlen(u), &t);
	moat_request_end(r);
	return v;
}

static void a_joined_path_whose_end_the_application_wrote_fires(void **state)
{
	static const char *const c[][2] = {
	    {"../config/db", "/srv/app/config/db.yml"},
	    {"../../etc", "/srv/etc/avatar.png"},
	    {"/etc//passwd", "/etc/passwd"},
	    {"/etc/./passwd", "/etc/passwd"},
	    {"/srv/app/uploads/../secret", "/srv/app/secret"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (path(c[i][0], c[i][1]) != MOAT_BLOCK) {
			print_message("allowed: %s -> %s\n", c[i][0], c[i][1]);
			bad++;
		}
	assert_int_equal(bad, 0);
	assert_int_equal(path("2024/cat", "/srv/app/uploads/2024/cat.png"), MOAT_ALLOW);
}

static void a_host_and_port_the_application_parsed_fires(void **state)
{
	static const char *const c[][2] = {
	    {"0x7f000001:6379", "http://127.0.0.1:6379/"},
	    {"LOCALHOST:8080", "http://localhost:8080/"},
	    {"127.1:6379", "http://127.0.0.1:6379/"},
	};
	int bad = 0;

	(void)state;
	assert_int_equal(url("0x7f000001", "http://127.0.0.1/"), MOAT_BLOCK);
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (url(c[i][0], c[i][1]) != MOAT_BLOCK) {
			print_message("allowed: %s -> %s\n", c[i][0], c[i][1]);
			bad++;
		}
	assert_int_equal(bad, 0);
	assert_int_equal(url("93.184.215.14:8080", "http://93.184.215.14:8080/"), MOAT_ALLOW);
}

static void an_events_source_is_not_the_clients_claim(void **state)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {
	    .method = "GET", .endpoint = "/x", .source_ip = "198.51.100.23, 203.0.113.7"};
	struct moat_request *r = NULL;
	const char *in = "x' OR 1=1-- ", *sql = "SELECT * FROM t WHERE a = 'x' OR 1=1-- '";
	const struct moat_event *ev;

	(void)state;
	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, strlen(in)), 0);
	assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql)), MOAT_BLOCK);
	ev = moat_request_event(r);
	assert_non_null(ev);
	if (ev->source_ip && !strcmp(ev->source_ip, "198.51.100.23"))
		print_message("the event names the client's claim %s\n", ev->source_ip);
	assert_false(ev->source_ip && !strcmp(ev->source_ip, "198.51.100.23"));
	moat_request_end(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_joined_path_whose_end_the_application_wrote_fires),
	    cmocka_unit_test(a_host_and_port_the_application_parsed_fires),
	    cmocka_unit_test(an_events_source_is_not_the_clients_claim),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
