/* misc12 (session 34): two escapes the application makes before the
 * check sees the operation (review27f, review27g), in wordings of our own.
 *
 * 1. The quote-doubled form (ma_add_doubled_form): an application that
 *    doubles quotes (the standard escape) in front of MySQL, whose
 *    backslash escapes turn `\''` into an escaped quote and the string's
 *    end. The attack in MySQL blocks; the same statement in PostgreSQL
 *    and SQLite is one string and stays allowed; values whose backslash
 *    is not right before a quote (a Windows path, a name) make no such
 *    form and stay allowed everywhere.
 * 2. The forwarding headers in the parsed-host pass: X-Forwarded-Host,
 *    X-Host, Forwarded's host= (a list's element too) that a parsing
 *    client rewrites (upper case, hex, short IPv4) fire, named by the
 *    header; the Host header, Referer and Origin never do by their parsed
 *    form; a query parameter that explains the host is still named before
 *    a forwarding header.
 */
#include "agent_test.h"

static int sql_with(int dialect, const char *value, const char *head, const char *tail)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/orders/search"};
	struct moat_request *r = NULL;
	char sql[600];
	size_t o;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(
	    moat_request_add_input(r, MOAT_INPUT_FORM, "customer", value, strlen(value)), 0);
	o = (size_t)snprintf(sql, sizeof sql, "%s", head);
	for (const char *c = value; *c && o + 4 < sizeof sql; c++) {
		sql[o++] = *c;
		if (*c == '\'')
			sql[o++] = '\''; /* the application's escape */
	}
	snprintf(sql + o, sizeof sql - o, "%s", tail);
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static const char *const heads[][2] = {
    {"UPDATE orders SET note = '", "' WHERE id = 42"},
    {"SELECT total FROM orders WHERE customer = '", "' ORDER BY placed_at DESC LIMIT 20"},
    {"INSERT INTO audit (who, what) VALUES ('", "', 'search')"},
};

static void a_backslash_escaping_the_doubled_quote_fires_under_mysql(void **state)
{
	static const char *const in[] = {
	    "abc\\' UNION ALL SELECT login, hash FROM admins -- -",
	    "zz\\' AND (SELECT 1 FROM (SELECT SLEEP(4))q) -- -",
	    "Müller\\' OR 2 LIKE 2 #", /* (no quote after: it would be doubled) */
	    "\\'), ((SELECT @@version), '",
	};
	int bad = 0;

	(void)state;
	for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
		for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
			if (sql_with(MOAT_SQL_MYSQL, in[i], heads[h][0], heads[h][1]) !=
			    MOAT_BLOCK) {
				print_message("allowed: %s in %s\n", in[i], heads[h][0]);
				bad++;
			}
	assert_int_equal(bad, 0);
}

static void doubled_quotes_inside_their_string_stay_allowed(void **state)
{
	static const char *const benign[] = {
	    "O'Neill & Sons",    "C:\\Users\\dan\\it's here.txt", "l'été \\ l'hiver",
	    "say \\\\' twice",   /* an even run: `\\''` is a backslash and a quote */
	    "trailing slash \\", /* no quote after it */
	};
	static const char *const attack = "abc\\' UNION ALL SELECT login, hash FROM admins -- -";

	(void)state;
	for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
		for (size_t i = 0; i < sizeof benign / sizeof benign[0]; i++)
			for (int d = MOAT_SQL_SQLITE; d <= MOAT_SQL_MYSQL; d++)
				if (sql_with(d, benign[i], heads[h][0], heads[h][1]) != MOAT_ALLOW)
					fail_msg("blocked: %s (dialect %d) in %s", benign[i], d,
					         heads[h][0]);
		/* the attack's text under the standard's rules: one string */
		assert_int_equal(sql_with(MOAT_SQL_POSTGRES, attack, heads[h][0], heads[h][1]),
		                 MOAT_ALLOW);
		assert_int_equal(sql_with(MOAT_SQL_SQLITE, attack, heads[h][0], heads[h][1]),
		                 MOAT_ALLOW);
		/* MySQL with NO_BACKSLASH_ESCAPES reads it as the standard */
		assert_int_equal(sql_with(MOAT_SQL_MYSQL_NBE, attack, heads[h][0], heads[h][1]),
		                 MOAT_ALLOW);
	}
}

/* ---- forwarding headers ---- */

struct hdr {
	int kind;
	const char *name, *value;
};

/* the verdict of url with the inputs h[0..n); param: the event's
 * parameter ("header.x-forwarded-host"), or "" when allowed */
static int url_with(const struct hdr *h, size_t n, const char *url, char *param, size_t cap)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/account/verify"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(
		    moat_request_add_input(r, h[i].kind, h[i].name, h[i].value, strlen(h[i].value)),
		    0);
	v = moat_check_url(r, url, strlen(url), NULL);
	param[0] = '\0';
	if (v == MOAT_BLOCK) {
		const char *d = moat_request_event(r)->details_json;
		const char *a = strstr(d, "\"header.");
		if (!a)
			a = strstr(d, "\"query.");
		if (a) {
			size_t l = strcspn(a + 1, "\"");
			snprintf(param, cap, "%.*s", (int)l, a + 1);
		}
	}
	moat_request_end(r);
	return v;
}

static void a_forwarding_header_a_client_rewrote_fires(void **state)
{
	static const struct {
		struct hdr h;
		const char *url, *param;
	} c[] = {
	    {{MOAT_INPUT_HEADER, "X-Forwarded-Host", "LocalHost:3000"},
	     "http://localhost:3000/hooks/confirm",
	     "header.x-forwarded-host"},
	    {{MOAT_INPUT_HEADER, "x-host", "0177.0.0.1"},
	     "http://127.0.0.1/api/me",
	     "header.x-host"},
	    {{MOAT_INPUT_HEADER, "X-Forwarded-Host", "2130706433:9200, edge.example.net"},
	     "http://127.0.0.1:9200/_cat/indices",
	     "header.x-forwarded-host"},
	    {{MOAT_INPUT_HEADER, "Forwarded", "for=203.0.113.9;proto=http;HOST=0xA9.254.169.254"},
	     "http://169.254.169.254/latest/meta-data/",
	     "header.forwarded"},
	    {{MOAT_INPUT_HEADER, "Forwarded", "for=198.51.100.2, for=10.0.0.1;host=\"127.1:8500\""},
	     "http://127.0.0.1:8500/v1/agent/self",
	     "header.forwarded"},
	};
	char param[64];
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (url_with(&c[i].h, 1, c[i].url, param, sizeof param) != MOAT_BLOCK ||
		    strcmp(param, c[i].param) != 0) {
			print_message("missed: %s: %s (%s)\n", c[i].h.name, c[i].h.value, param);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void other_headers_and_the_named_parameter_keep_their_place(void **state)
{
	char param[64];

	(void)state;
	/* the Host header, Referer and Origin name the application's own host:
	 * their parsed forms are not read */
	static const struct hdr own[] = {
	    {MOAT_INPUT_HEADER, "Host", "LOCALHOST:8080"},
	    {MOAT_INPUT_HEADER, "Referer", "http://LOCALHOST:8080/cart"},
	    {MOAT_INPUT_HEADER, "Origin", "HTTP://127.1:8080"},
	};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		assert_int_equal(url_with(&own[i], 1, "http://localhost:8080/internal/stock", param,
		                          sizeof param),
		                 MOAT_ALLOW);
	assert_int_equal(
	    url_with(&own[2], 1, "http://127.0.0.1:8080/internal/stock", param, sizeof param),
	    MOAT_ALLOW);
	/* a parameter the client parsed is named, not the forwarding header */
	static const struct hdr both[] = {
	    {MOAT_INPUT_HEADER, "X-Forwarded-Host", "127.1:8080"},
	    {MOAT_INPUT_QUERY, "next", "HTTP://0x7F000001:8080/"},
	};
	assert_int_equal(url_with(both, 2, "http://127.0.0.1:8080/", param, sizeof param),
	                 MOAT_BLOCK);
	assert_string_equal(param, "query.next");
	/* a public forwarded host, parsed, goes where it says */
	static const struct hdr pub[] = {
	    {MOAT_INPUT_HEADER, "Forwarded", "for=192.0.2.60;host=WWW.Example.ORG;proto=https"},
	};
	assert_int_equal(url_with(pub, 1, "https://www.example.org/reset?t=1", param, sizeof param),
	                 MOAT_ALLOW);
	/* host= inside another parameter's value is not the host */
	static const struct hdr odd[] = {
	    {MOAT_INPUT_HEADER, "Forwarded", "for=\"_ghost=127.1\";proto=http"},
	};
	assert_int_equal(url_with(odd, 1, "http://127.0.0.1/", param, sizeof param), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_backslash_escaping_the_doubled_quote_fires_under_mysql),
	    cmocka_unit_test(doubled_quotes_inside_their_string_stay_allowed),
	    cmocka_unit_test(a_forwarding_header_a_client_rewrote_fires),
	    cmocka_unit_test(other_headers_and_the_named_parameter_keep_their_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
