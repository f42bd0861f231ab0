/* libmoatagent: the WHATWG host parser (ma_url.c) and the ssrf check —
 * every way of writing an internal address (decimal, octal, hex, short
 * IPv4 forms, IPv6 with mapped and compatible IPv4, NAT64, 6to4, trailing
 * dots, %-encoding, fullwidth and circled characters, userinfo and
 * backslash tricks), names resolved through the request's resolver, the
 * policy's allow_hosts, the user-input rule, the event, no allocation
 * when nothing fires, and the checked connect. */
#include "agent_test.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

static const struct moat_policy *policy(const char *doc)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(doc, 3, err, sizeof err);
	if (!p)
		fail_msg("policy: %s", err);
	return p;
}

#define SSRF_BLOCK                                                                                 \
	"{\"interceptors\":{\"ssrf\":{\"mode\":\"block\",\"allow_hosts\":[\"Status.Internal\","    \
	"\"10.9.8.7\",\"fd00::7\"]}}}"

/* The parsed host of url (against base, may be NULL), or "FAIL". */
static const char *host_of(const char *url, const char *base, char *out, size_t cap)
{
	struct ma_weburl b, u;
	int rc;

	if (base) {
		assert_int_equal(ma_url_parse_web(base, strlen(base), NULL, &b), 0);
		rc = ma_url_parse_web(url, strlen(url), &b, &u);
	} else {
		rc = ma_url_parse_web(url, strlen(url), NULL, &u);
	}
	snprintf(out, cap, "%s", rc ? "FAIL" : u.host);
	return out;
}

static void hosts_parse_as_a_whatwg_client_parses_them(void **state)
{
	static const char *const cases[][3] = {
	    /* url, base, host */
	    {"http://example.com/x", NULL, "example.com"},
	    {"HTTP://EXAMPLE.com:8080/", NULL, "example.com"},
	    {"  http://ex\tam\nple.com  ", NULL, "example.com"},
	    {"http://user:pw@evil.com@127.0.0.1/", NULL, "127.0.0.1"},
	    {"http://good.com\\@127.0.0.1/", NULL, "good.com"},
	    {"http:\\\\127.0.0.1\\x", NULL, "127.0.0.1"},
	    {"http:///127.0.0.1/", NULL, "127.0.0.1"},
	    {"http://127.0.0.1#@good.com/", NULL, "127.0.0.1"},
	    {"http://127.0.0.1?@good.com/", NULL, "127.0.0.1"},
	    {"//127.1/x", "https://app.example/", "127.0.0.1"},
	    {"/path", "https://app.example/", "app.example"},
	    {"http:x", "http://base.example/", "base.example"},
	    {"http://%31%32%37.0.0.1/", NULL, "127.0.0.1"},
	    {"http://2130706433/", NULL, "127.0.0.1"},
	    {"http://0x7f000001/", NULL, "127.0.0.1"},
	    {"http://0177.0.0.1/", NULL, "127.0.0.1"},
	    {"http://0x7f.1/", NULL, "127.0.0.1"},
	    {"http://127.1/", NULL, "127.0.0.1"},
	    {"http://127.0.1/", NULL, "127.0.0.1"},
	    {"http://0/", NULL, "0.0.0.0"},
	    {"http://169.254.169.254./", NULL, "169.254.169.254"},
	    {"http://0xA9.0xFE.0xA9.0xFE/", NULL, "169.254.169.254"},
	    {"http://0251.0376.0251.0376/", NULL, "169.254.169.254"},
	    {"http://2852039166/", NULL, "169.254.169.254"},
	    {"http://[::1]/", NULL, "[::1]"},
	    {"http://[0:0:0:0:0:ffff:127.0.0.1]/", NULL, "[::ffff:7f00:1]"},
	    {"http://[::127.0.0.1]/", NULL, "[::7f00:1]"},
	    {"http://[0000::1]:80/", NULL, "[::1]"},
	    {"http://\xef\xbc\x91\xef\xbc\x92\xef\xbc\x97\xe3\x80\x82\xef\xbc\x90\xef\xbc\x8e"
	     "0.1/",
	     NULL, "127.0.0.1"}, /* fullwidth digits, ideographic full stop */
	    {"http://\xe2\x93\x9b\xe2\x93\x9e\xe2\x93\x92\xe2\x93\x90\xe2\x93\x9b\xe2\x93\x97"
	     "\xe2\x93\x9e\xe2\x93\xa2\xe2\x93\xa3/",
	     NULL, "localhost"}, /* circled letters */
	    {"http://b\xc3\xbc"
	     "cher.example/",
	     NULL, "xn--bcher-kva.example"},
	    {"gopher://127.0.0.1:70/_x", NULL, "127.0.0.1"},
	    {"dict://0x7f.1:11211/", NULL, "0x7f.1"}, /* opaque host of a non-special scheme */
	    /* failures, as in a browser */
	    {"http://425.510.425.510/", NULL, "FAIL"},
	    {"http://7147006462/", NULL, "FAIL"},
	    {"http://0x41414141A9FEA9FE/", NULL, "FAIL"},
	    {"http://o177.0.0.1/", NULL, "FAIL"},
	    {"http://1.2.3.4.5/", NULL, "FAIL"},
	    {"http://[::1/", NULL, "FAIL"},
	    {"http://[1::2::3]/", NULL, "FAIL"},
	    {"http://a:b@/", NULL, "FAIL"},
	    {"http://exa mple.com/", NULL, "FAIL"},
	    {"http://ex%25ample/", NULL, "FAIL"},
	    {"http://x:99999/", NULL, "FAIL"},
	    {"http:///", NULL, "FAIL"},
	    {"relative/only", NULL, "FAIL"},
	};
	char b[MA_URL_HOST_MAX + 8];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = host_of(cases[i][0], cases[i][1], b, sizeof b);
		if (strcmp(got, cases[i][2]))
			fail_msg("%s: got %s, want %s", cases[i][0], got, cases[i][2]);
	}
}

static void addresses_are_classified(void **state)
{
	static const struct {
		const char *ip;
		const char *rule; /* NULL: public */
	} cases[] = {
	    {"127.0.0.1", "ssrf.loopback"},
	    {"127.255.1.2", "ssrf.loopback"},
	    {"10.1.2.3", "ssrf.private"},
	    {"172.16.0.1", "ssrf.private"},
	    {"172.31.255.255", "ssrf.private"},
	    {"172.32.0.1", NULL},
	    {"192.168.1.1", "ssrf.private"},
	    {"100.64.0.1", "ssrf.shared"},
	    {"100.100.100.200", "ssrf.shared"},
	    {"100.128.0.1", NULL},
	    {"169.254.169.254", "ssrf.metadata"},
	    {"169.254.1.1", "ssrf.link_local"},
	    {"0.0.0.0", "ssrf.unspecified"},
	    /* the rest of 0.0.0.0/8 is routed like any unicast address (Linux
	     * >= 5.3: `ip route get 0.0.0.1` is "via <gateway>"; only 0.0.0.0
	     * is "local ... dev lo"), or refused: it reaches nothing internal */
	    {"0.0.0.1", NULL},
	    {"0.86.184.22", NULL},
	    {"::ffff:0.0.0.7", NULL},
	    {"192.0.0.192", "ssrf.reserved"},
	    {"224.0.0.1", "ssrf.reserved"},
	    {"198.18.0.1", "ssrf.reserved"},
	    {"192.0.2.1", NULL}, /* documentation (RFC 5737) */
	    {"198.51.100.1", NULL},
	    {"203.0.113.1", NULL},
	    {"2001:db8::1", NULL}, /* documentation (RFC 3849) */
	    {"8.8.8.8", NULL},
	    {"93.184.215.14", NULL},
	    {"::1", "ssrf.loopback"},
	    {"::", "ssrf.unspecified"},
	    {"::ffff:127.0.0.1", "ssrf.loopback"},
	    {"::ffff:a9fe:a9fe", "ssrf.metadata"},
	    {"::10.0.0.1", "ssrf.private"},
	    {"64:ff9b::7f00:1", "ssrf.loopback"},
	    {"64:ff9b::8.8.8.8", NULL},
	    /* local-use NAT64 (RFC 8215): where the IPv4 address sits is the
	     * network's choice (a /48 to /96 prefix), so any address fires */
	    {"64:ff9b:1::8.8.8.8", "ssrf.private"},
	    {"64:ff9b:1:ffff::1", "ssrf.private"},
	    {"2002:7f00:1::", "ssrf.loopback"},
	    {"fd00:ec2::254", "ssrf.metadata"},
	    {"fc00::1", "ssrf.unique_local"},
	    {"fe80::1", "ssrf.link_local"},
	    {"ff02::1", "ssrf.reserved"},
	    {"2606:4700::1111", NULL},
	    {"::ffff:8.8.8.8", NULL},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint8_t ip[16] = {0};
		int fam = strchr(cases[i].ip, ':') ? 6 : 4;
		const char *got;
		assert_int_equal(inet_pton(fam == 4 ? AF_INET : AF_INET6, cases[i].ip, ip), 1);
		got = ma_ssrf_classify(fam, ip);
		if (!got != !cases[i].rule || (got && strcmp(got, cases[i].rule)))
			fail_msg("%s: got %s", cases[i].ip, got ? got : "public");
	}
}

/* A resolver for the tests: internal.example is private, dual.example
 * has a public and a loopback address, everything else is public. */
static int calls;
static int test_resolve(const char *host, struct moat_addr *out, int max, void *arg)
{
	(void)arg;
	calls++;
	memset(out, 0, (size_t)max * sizeof *out);
	if (!strcmp(host, "nxdomain.example"))
		return -1;
	out[0].family = 4;
	if (!strcmp(host, "internal.example")) {
		memcpy(out[0].ip, "\x0a\x00\x00\x05", 4);
		return 1;
	}
	memcpy(out[0].ip, "\x5d\xb8\xd7\x0e", 4);
	if (!strcmp(host, "dual.example") && max > 1) {
		out[1].family = 6;
		out[1].ip[15] = 1;
		return 2;
	}
	return 1;
}

static struct moat_request *begin_with(const struct moat_policy *p, const char *name,
                                       const char *value)
{
	struct moat_request_info ri = {.method = "POST", .endpoint = "/fetch", .policy = p};
	struct moat_request *r = NULL;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_set_resolver(r, test_resolve, NULL);
	if (value)
		moat_request_add_input(r, MOAT_INPUT_QUERY, name, value, strlen(value));
	return r;
}

static int check_url(const struct moat_policy *p, const char *url)
{
	struct moat_request *r = begin_with(p, "url", url);
	int v = moat_check_url(r, url, strlen(url), NULL);
	moat_request_end(r);
	return v;
}

static void every_notation_of_an_internal_address_is_blocked(void **state)
{
	static const char *const attacks[] = {
	    "http://127.0.0.1/admin",
	    "http://localhost:8080/",
	    "http://LOCALHOST./",
	    "http://api.localhost/",
	    "http://2130706433/",
	    "http://0x7f000001/",
	    "http://0x7f.0x0.0x0.0x1/",
	    "http://0177.0.0.01/",
	    "http://0177.1/",
	    "http://127.1/",
	    "http://0/",
	    "http://0.0.0.0:22/",
	    "http://127.0.0.1./",
	    "http://%31%32%37%2e%30%2e%30%2e%31/",
	    "http://169.254.169.254/latest/meta-data/",
	    "http://0xA9FEA9FE/",
	    "http://2852039166/",
	    "http://0251.0376.0251.0376/",
	    "http://0xA9.0xFE.0xA9.0xFE/",
	    "http://[::1]/",
	    "http://[::]:80/",
	    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
	    "http://[::ffff:a9fe:a9fe]/",
	    "http://[::127.0.0.1]/",
	    "http://[64:ff9b::127.0.0.1]/",
	    "http://[fd00:ec2::254]/latest/",
	    "http://10.0.0.1/",
	    "http://192.168.0.1/",
	    "http://172.16.5.4/",
	    "http://100.100.100.200/latest/meta-data/",
	    "http://good.example@127.0.0.1/",
	    "http://good.example:pw@127.0.0.1:80/",
	    "http://127.0.0.1#@good.example/",
	    "http://127.0.0.1\\@good.example/",
	    "http:/\\127.0.0.1/",
	    "http:\\\\127.0.0.1",
	    "HTTP://127.0.0.1/",
	    "http://127.0.0.1\t/",
	    "http://\xef\xbc\x91\xef\xbc\x92\xef\xbc\x97\xef\xbc\x8e\xef\xbc\x90\xef\xbc\x8e"
	    "\xef\xbc\x90\xef\xbc\x8e\xef\xbc\x91/",
	    /* default ignorable code points that UTS #46 14.0 disallows and
	     * a table mapping by NFKC_Casefold ignores (U+206B, U+180E, U+2061) */
	    "http://127\xe2\x81\xab.0.0.1/",
	    "http://1\xe1\xa0\x8e"
	    "27.0.0.1/",
	    "http://169.254.169.254\xe2\x81\xa1/",
	    "http://internal.example/",
	    "http://dual.example/",
	    "gopher://127.0.0.1:6379/_SAVE",
	    "dict://0x7f.1:11211/stats",
	    "file:///etc/passwd",
	    "ftp://10.0.0.1/",
	    "wss://[::1]/socket",
	};
	const struct moat_policy *p = policy(SSRF_BLOCK);

	(void)state;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++)
		if (check_url(p, attacks[i]) != MOAT_BLOCK)
			fail_msg("not blocked: %s", attacks[i]);
	moat_policy_release(p);
}

static void public_hosts_failures_and_allowed_hosts_pass(void **state)
{
	static const char *const ok[] = {
	    "https://example.com/search?q=127.0.0.1",
	    "https://93.184.215.14/",
	    "https://8.8.8.8/",
	    "https://[2606:4700::1111]/",
	    "http://127.0.0.1.example.com/",  /* a name: resolved, public */
	    "https://status.internal/health", /* in allow_hosts */
	    "https://STATUS.internal./",
	    "http://10.9.8.7:8080/hook", /* addresses in allow_hosts, */
	    "http://0x0a090807/",        /* in any notation */
	    "http://[fd00:0::7]/",
	    "http://425.510.425.510/",  /* no client parses it */
	    "http://nxdomain.example/", /* does not resolve */
	    "mailto:root@",             /* no host (curl too) */
	    "not a url",
	};
	const struct moat_policy *p = policy(SSRF_BLOCK);

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (check_url(p, ok[i]) != MOAT_ALLOW)
			fail_msg("blocked: %s", ok[i]);
	moat_policy_release(p);
}

/* Session 12's bypass hunt: what a C client built on libcurl (the
 * README's example) reads otherwise than WHATWG. curl's authority ends
 * at '/', '?' or '#', not at a backslash, so a backslash before '@' is
 * userinfo; curl connects to an IPv6 address with a zone id, which WHATWG
 * refuses; a C string ends at a NUL byte the check was given with its
 * length. And Teredo (2001::/32), whose last 32 bits are the client's
 * IPv4 address inverted. */
static int check_url_n(const struct moat_policy *p, const char *url, size_t n, const char **rule)
{
	static char rb[64];
	struct moat_request_info ri = {.method = "POST", .endpoint = "/fetch", .policy = p};
	struct moat_request *r = NULL;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_set_resolver(r, test_resolve, NULL);
	moat_request_add_input(r, MOAT_INPUT_JSON, "url", url, n);
	v = moat_check_url(r, url, n, NULL);
	rb[0] = '\0';
	if (v == MOAT_BLOCK)
		snprintf(rb, sizeof rb, "%s", moat_request_event(r)->rule);
	*rule = rb;
	moat_request_end(r);
	return v;
}

static void what_a_c_client_reads_otherwise_is_judged_too(void **state)
{
	static const struct {
		const char *url, *rule;
	} attacks[] = {
	    {"http://good.example\\@127.0.0.1/", "ssrf.loopback"},
	    {"http://good.example\\@169.254.169.254/latest/meta-data/", "ssrf.metadata"},
	    {"https://a\\b@10.0.0.1:8443/", "ssrf.private"},
	    {"http://[::1%25lo]:6379/", "ssrf.loopback"},
	    {"http://[fe80::1%25eth0]/", "ssrf.link_local"},
	    {"http://[fd00:ec2::254%eth0]/latest/", "ssrf.metadata"},
	    {"dict://[::1%25lo]:11211/stats", "ssrf.loopback"},
	    {"gopher://[fe80::1%25eth0]:70/_x", "ssrf.link_local"},
	    {"http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "ssrf.loopback"},
	    {"http://[2001::3fff:fffe:5601:5601]/", "ssrf.metadata"},
	};
	static const char *const held[] = {
	    "http://[2002:7f00:1::]/",
	    "http://[2002:a9fe:a9fe::1]/",
	    "http://[64:ff9b::7f00:1]/",
	    "http://[::ffff:127.0.0.1]/",
	    "http://0x7F.00.000.01/",
	    "http://127.0.1/",
	    "http://127.0.0.1:0080/",
	    "http://\xe2\x91\xa0\xe2\x91\xa1\xe2\x91\xa6.\xe2\x93\xaa.\xe2\x93\xaa.\xe2\x91\xa0/",
	    "http://127\xe3\x80\x82"
	    "0\xe3\x80\x82"
	    "0\xe3\x80\x82"
	    "1/",
	    "http://"
	    "\xef\xbd\x8c\xef\xbd\x8f\xef\xbd\x83\xef\xbd\x81\xef\xbd\x8c\xef\xbd\x88\xef\xbd\x8f"
	    "\xef\xbd\x93\xef\xbd\x94/",
	};
	static const char *const ok[] = {
	    "https://example.com/a\\b@c", /* a backslash in the path */
	    "https://example.com\\docs",  /* curl refuses the host */
	    "http://good.example\\@93.184.215.14/",
	    "http://[2001:0:4136:e378:8000:63bf:a247:28f1]/", /* Teredo, public client */
	    "http://[2606:4700::1111%25eth0]/",               /* a zone on a public address */
	};
	const struct moat_policy *p = policy(SSRF_BLOCK);
	const char *rule;
	const char nul[] = "http://127.0.0.1\0.good.example/";

	(void)state;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
		if (check_url_n(p, attacks[i].url, strlen(attacks[i].url), &rule) != MOAT_BLOCK)
			fail_msg("not blocked: %s", attacks[i].url);
		assert_string_equal(rule, attacks[i].rule);
	}
	assert_int_equal(check_url_n(p, nul, sizeof nul - 1, &rule), MOAT_BLOCK);
	assert_string_equal(rule, "ssrf.loopback");
	for (size_t i = 0; i < sizeof held / sizeof held[0]; i++)
		if (check_url(p, held[i]) != MOAT_BLOCK)
			fail_msg("not blocked: %s", held[i]);
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (check_url(p, ok[i]) != MOAT_ALLOW)
			fail_msg("blocked: %s", ok[i]);
	moat_policy_release(p);
}

/* Session 25 (url15): the documentation ranges (RFC 5737's TEST-NET-1,
 * -2, -3, RFC 3849's 2001:db8::/32) are where manuals, RFCs and test data
 * put their example hosts; nothing answers there, on the Internet or a
 * LAN, so a user typing one reaches nothing internal. A Teredo address
 * (2001::/32) sends to the client IPv4 address it carries; an address
 * that carries a documentation, multicast or 240/4 one (RFC 4380's own
 * example, http://[2001::1]/) is no Teredo peer. The ranges that do reach
 * something stay: 0.0.0.0, 192.0.0/24 (Oracle's metadata), benchmarking
 * 198.18/15 (fake-IP proxies answer there), multicast, 240/4, and
 * Teredo carrying a loopback, private or metadata address. */
static void documentation_addresses_and_no_teredo_peer_do_not_fire(void **state)
{
	static const char *const ok[] = {
	    "http://192.0.2.1/",
	    "https://198.51.100.7:8443/x?y=1",
	    "http://203.0.113.250/index.html",
	    "http://[2001:db8::1]/",
	    "http://[2001:DB8:85a3::8a2e:370:7334]:8080/",
	    "http://[::ffff:192.0.2.33]/",
	    "http://[2002:c000:221::1]/",                     /* 6to4 of 192.0.2.33 */
	    "http://[64:ff9b::203.0.113.5]/",                 /* NAT64 of TEST-NET-3 */
	    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", /* RFC 4380: 192.0.2.45 */
	    "http://[2001::1]/",                              /* 255.255.255.254 */
	    "http://[2001:0:53aa:64c:0:0:1fff:fffe]/",        /* 224.0.0.1 */
	};
	static const struct {
		const char *url, *rule;
	} still[] = {
	    {"http://192.0.0.192/opc/v1/instance/", "ssrf.reserved"},
	    {"http://198.18.0.1/", "ssrf.reserved"},
	    {"http://198.19.255.254/", "ssrf.reserved"},
	    {"http://224.0.0.1/", "ssrf.reserved"},
	    {"http://239.255.255.250:1900/", "ssrf.reserved"},
	    {"http://240.0.0.1/", "ssrf.reserved"},
	    {"http://255.255.255.255/", "ssrf.reserved"},
	    {"http://[ff02::1]/", "ssrf.reserved"},
	    {"http://0.0.0.0/", "ssrf.unspecified"},
	    {"http://[2001:0:4136:e378:8000:63bf:f5ff:fffa]/", "ssrf.private"}, /* 10.0.0.5 */
	    {"http://3221225985.nip.io.example/", NULL}, /* a name: resolved public */
	};
	const struct moat_policy *p = policy(SSRF_BLOCK);
	const char *rule;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (check_url(p, ok[i]) != MOAT_ALLOW)
			fail_msg("blocked: %s", ok[i]);
	for (size_t i = 0; i < sizeof still / sizeof still[0]; i++) {
		int v = check_url_n(p, still[i].url, strlen(still[i].url), &rule);
		if (still[i].rule && v != MOAT_BLOCK)
			fail_msg("not blocked: %s", still[i].url);
		if (!still[i].rule && v != MOAT_ALLOW)
			fail_msg("blocked: %s", still[i].url);
		if (still[i].rule)
			assert_string_equal(rule, still[i].rule);
	}
	moat_policy_release(p);
}

/* Session 16's bypass hunt: a URL without a scheme. WHATWG refuses it
 * ("127.0.0.1:6379/x") or reads a scheme and no host ("localhost:6379",
 * "mailto:a@127.0.0.1"), but libcurl (CURLOPT_URL, and the curl tool)
 * guesses one: a URL whose scheme is not followed by ":/" is read as
 * "http://" + URL ("ftp://" for a host "ftp.", "dict://" for "dict." ...),
 * and curl 7.88 connects all of these to the internal address. */
static void a_url_without_a_scheme_is_read_as_libcurl_guesses_one(void **state)
{
	static const struct {
		const char *url, *rule;
	} attacks[] = {
	    {"127.0.0.1:6379/x", "ssrf.loopback"},
	    {"localhost:6379/", "ssrf.loopback"},
	    {"localhost/admin", "ssrf.loopback"},
	    {"[::1]:80/", "ssrf.loopback"},
	    {"169.254.169.254/latest/meta-data/", "ssrf.metadata"},
	    {"user@10.0.0.1/", "ssrf.private"},
	    {"good.example@10.0.0.1:8080/", "ssrf.private"},
	    {"mailto:a@127.0.0.1", "ssrf.loopback"},
	    {"mailto:root@localhost", "ssrf.loopback"},
	    {"dict.localhost:11211/stats", "ssrf.loopback"},
	    {"0x7f.1/", "ssrf.loopback"},
	    {"internal.example/x", "ssrf.private"},
	};
	static const char *const ok[] = {
	    "example.com/a",                    /* public */
	    "www.example.com/path?q=127.0.0.1", /* the address in the query */
	    "/127.0.0.1/",                      /* curl guesses nothing: no host */
	    " 127.0.0.1/",                      /* nor after a blank */
	    "not a url",                        /* curl refuses the host */
	    "h:/127.0.0.1/",                    /* a scheme: curl does not guess */
	};
	const struct moat_policy *p = policy(SSRF_BLOCK);
	const char *rule;
	struct moat_url_target t;
	struct moat_request *r;
	const char *own = "127.0.0.1:9200/_search?q=red%20shoes";

	(void)state;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
		if (check_url_n(p, attacks[i].url, strlen(attacks[i].url), &rule) != MOAT_BLOCK)
			fail_msg("not blocked: %s", attacks[i].url);
		assert_string_equal(rule, attacks[i].rule);
	}
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (check_url(p, ok[i]) != MOAT_ALLOW)
			fail_msg("blocked: %s", ok[i]);
	/* the application's own internal URL, the user's words in its query */
	r = begin_with(p, "q", "red shoes");
	assert_int_equal(moat_check_url(r, own, strlen(own), &t), MOAT_ALLOW);
	assert_string_equal(t.host, "127.0.0.1");
	assert_int_equal(t.port, 9200);
	assert_int_equal(t.naddr, 1);
	moat_request_end(r);
	/* the target is curl's: the port it connects to */
	r = begin_with(p, "url", "localhost:6379/");
	assert_int_equal(moat_check_url(r, "localhost:6379/", 15, &t), MOAT_BLOCK);
	assert_string_equal(t.host, "localhost");
	assert_int_equal(t.port, 6379);
	moat_request_end(r);
	moat_policy_release(p);
}

/* Two readings found by session 14's bypass hunt (redteam3), both
 * allowed before: a file: URL without "//" (curl, Java's URL and Python's
 * urllib read file:/etc/passwd as the local file; the input that wrote
 * the scheme chose it), and a ZERO WIDTH JOINER or NON-JOINER in a host,
 * which WHATWG refuses (CONTEXTJ) but libcurl's transitional fallback
 * (libidn2), Python's IDNA 2003 codec and older browsers drop: curl 7.88
 * connects "http://lo<ZWJ>calhost/" to 127.0.0.1. */
static void a_file_url_without_slashes_and_dropped_joiners_are_judged(void **state)
{
	static const struct {
		const char *url, *rule;
	} attacks[] = {
	    {"file:/etc/passwd", "ssrf.local_file"},
	    {"FILE:/etc/passwd", "ssrf.local_file"},
	    {" file:\\etc\\passwd", "ssrf.local_file"},
	    {"file:/proc/self/environ", "ssrf.local_file"},
	    {"http://lo\xe2\x80\x8d"
	     "calhost/",
	     "ssrf.loopback"},
	    {"http://\xe2\x80\x8d"
	     "127.0.0.1:6379/",
	     "ssrf.loopback"},
	    {"http://169.254.169.254\xe2\x80\x8c/latest/", "ssrf.metadata"},
	    {"http://lo%E2%80%8Dcalhost/", "ssrf.loopback"},
	    {"http://10.0.0\xe2\x80\x8c.1/", "ssrf.private"},
	};
	const struct moat_policy *p = policy(SSRF_BLOCK);
	const char *rule;
	char h[MA_URL_HOST_MAX + 8];
	struct moat_request *r;

	(void)state;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
		if (check_url_n(p, attacks[i].url, strlen(attacks[i].url), &rule) != MOAT_BLOCK)
			fail_msg("not blocked: %s", attacks[i].url);
		assert_string_equal(rule, attacks[i].rule);
	}
	/* the host sink, the joiner in the input alone */
	r = begin_with(p, "host",
	               "lo\xe2\x80\x8c"
	               "calhost");
	assert_int_equal(moat_check_url(r,
	                                "https://lo\xe2\x80\x8c"
	                                "calhost/status",
	                                (size_t)-1, NULL),
	                 MOAT_BLOCK);
	moat_request_end(r);
	/* negatives: the application's own file: URL with the user's file
	 * name, a joiner before a public name, WHATWG's answers unchanged */
	r = begin_with(p, "name", "q3 report.pdf");
	assert_int_equal(moat_check_url(r, "file:/srv/reports/q3 report.pdf", (size_t)-1, NULL),
	                 MOAT_ALLOW);
	moat_request_end(r);
	assert_int_equal(check_url(p, "http://\xe2\x80\x8d"
	                              "example.com/"),
	                 MOAT_ALLOW);
	assert_string_equal(host_of("http://lo\xe2\x80\x8d"
	                            "calhost/",
	                            NULL, h, sizeof h),
	                    "FAIL");
	assert_string_equal(host_of("file:/etc/passwd", NULL, h, sizeof h), "");
	/* a ZWNJ between joining letters (Persian) is valid as it was */
	assert_string_equal(host_of("http://\xd9\x86\xd8\xa7\xd9\x85\xd9\x87\xe2\x80\x8c\xd8\xa7"
	                            "\xdb\x8c.example/",
	                            NULL, h, sizeof h),
	                    "xn--mgba3gch31f060k.example");
	moat_policy_release(p);
}

/* A date, a size or an order number typed where the application puts a
 * host ("https://" + input + "/status") makes the host a number: 1/26/11
 * goes to 0.0.0.1, which no kernel sends to this host or its network. A
 * lone 0 is 0.0.0.0, this host. */
static void a_number_typed_as_the_host_is_not_an_internal_address(void **state)
{
	static const struct {
		const char *input;
		int verdict;
	} cases[] = {
	    {"1/26/11", MOAT_ALLOW},
	    {"3/4 FEAR AND LOATHING", MOAT_ALLOW},
	    {"01/DEC/2011:20:45:25", MOAT_ALLOW},
	    {"5683190/TARGET=\"_BLANK\"", MOAT_ALLOW},
	    {"0/admin", MOAT_BLOCK},
	    {"0.0.0.0:8080/x", MOAT_BLOCK},
	    {"2130706433/x", MOAT_BLOCK},
	};
	const struct moat_policy *p = policy(SSRF_BLOCK);

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char url[256];
		struct moat_request *r = begin_with(p, "host", cases[i].input);
		snprintf(url, sizeof url, "https://%s/status", cases[i].input);
		if (moat_check_url(r, url, strlen(url), NULL) != cases[i].verdict)
			fail_msg("%s: %s", url,
			         cases[i].verdict == MOAT_BLOCK ? "allowed" : "blocked");
		moat_request_end(r);
	}
	moat_policy_release(p);
}

/* Clients read hosts and authorities of any length: an IPv4 written with
 * hundreds of leading zeros is 127.0.0.1 in a browser or Node's fetch, a
 * 261-byte name is a name (WHATWG does not verify DNS lengths), a 5 KB
 * userinfo is skipped. The check reads hosts up to 511 bytes and
 * authorities up to 4 KB; what is longer fails closed as ssrf.too_long
 * instead of passing as "no client fetches it". */
static void long_hosts_and_authorities_are_read_or_fail_closed(void **state)
{
	static char url[16384], want[600];
	char got[600];
	const struct moat_policy *p = policy(SSRF_BLOCK);
	struct moat_request *r;
	size_t n;

	(void)state;
	n = (size_t)snprintf(url, sizeof url, "http://0x");
	memset(url + n, '0', 300);
	snprintf(url + n + 300, sizeof url - n - 300, "7f000001/admin");
	assert_string_equal(host_of(url, NULL, got, sizeof got), "127.0.0.1");
	assert_int_equal(check_url(p, url), MOAT_BLOCK);
	/* a 261-byte name: parsed (it resolves nowhere: DNS stops at 253) */
	n = 0;
	for (int l = 0; l < 5; l++) {
		memset(want + n, 'a' + l, 51);
		n += 51;
		want[n++] = '.';
	}
	memcpy(want + n, "xn--zca", 8);
	snprintf(url, sizeof url, "https://%s/x", want);
	assert_string_equal(host_of(url, NULL, got, sizeof got), want);
	/* a 5 KB userinfo before an internal host */
	n = (size_t)snprintf(url, sizeof url, "http://");
	memset(url + n, 'a', 5000);
	snprintf(url + n + 5000, sizeof url - n - 5000, "@127.0.0.1/");
	assert_int_equal(check_url(p, url), MOAT_BLOCK);
	/* leading zeros past what the check reads: it fires, naming the input */
	n = (size_t)snprintf(url, sizeof url, "http://0x");
	memset(url + n, '0', 3000);
	snprintf(url + n + 3000, sizeof url - n - 3000, "7f000001/");
	r = begin_with(p, "url", url);
	assert_int_equal(moat_check_url(r, url, strlen(url), NULL), MOAT_BLOCK);
	assert_string_equal(moat_request_event(r)->rule, "ssrf.too_long");
	assert_non_null(strstr(moat_request_event(r)->details_json, "\"query.url\""));
	moat_request_end(r);
	/* a long text typed where the host goes: no client parses a host with
	 * spaces, however long, so it is not "too long to judge" */
	n = (size_t)snprintf(url, sizeof url, "https://");
	for (int k = 0; k < 120; k++)
		n += (size_t)snprintf(url + n, sizeof url - n, "word ");
	snprintf(url + n, sizeof url - n, "/status");
	assert_int_equal(check_url(p, url), MOAT_ALLOW);
	/* a long path or query on a public host is an ordinary URL */
	n = (size_t)snprintf(url, sizeof url, "https://example.com/search?q=");
	memset(url + n, 'q', 6000);
	url[n + 6000] = '\0';
	assert_int_equal(check_url(p, url), MOAT_ALLOW);
	moat_policy_release(p);
}

static void it_fires_when_a_user_input_reaches_the_authority(void **state)
{
	const struct moat_policy *p = policy(SSRF_BLOCK);
	const char *internal = "http://127.0.0.1:9200/_search?q=shoes";
	struct moat_request *r;

	(void)state;
	/* the application's own internal URL: the input is only in the query */
	r = begin_with(p, "q", "shoes");
	assert_int_equal(moat_check_url(r, internal, strlen(internal), NULL), MOAT_ALLOW);
	moat_request_end(r);
	/* pieces of the host are not a choice of host */
	r = begin_with(p, "page", "5");
	moat_request_add_input(r, MOAT_INPUT_QUERY, "n", "0.0", 3);
	moat_request_add_input(r, MOAT_INPUT_QUERY, "proto", "http", 4);
	assert_int_equal(moat_check_url(r, "http://10.0.0.5:9200/x", (size_t)-1, NULL), MOAT_ALLOW);
	moat_request_end(r);
	/* the user chose the host */
	r = begin_with(p, "host", "127.0.0.1");
	assert_int_equal(moat_check_url(r, internal, strlen(internal), NULL), MOAT_BLOCK);
	moat_request_end(r);
	/* ... also around a userinfo trick, or with the port */
	r = begin_with(p, "host", "good.example@127.0.0.1:6379");
	assert_int_equal(moat_check_url(r, "http://good.example@127.0.0.1:6379/", (size_t)-1, NULL),
	                 MOAT_BLOCK);
	moat_request_end(r);
	/* the user chose the scheme */
	r = begin_with(p, "u", "file:///etc/passwd");
	assert_int_equal(moat_check_url(r, "file:///etc/passwd", (size_t)-1, NULL), MOAT_BLOCK);
	moat_request_end(r);
	/* URL-encoded in the parameter, decoded by the application */
	r = begin_with(p, "u", "http%3A%2F%2F169.254.169.254%2F");
	assert_int_equal(moat_check_url(r, "http://169.254.169.254/", (size_t)-1, NULL),
	                 MOAT_BLOCK);
	moat_request_end(r);
	/* no input at all, but an address no application writes for itself */
	r = begin_with(p, "q", NULL);
	assert_int_equal(moat_check_url(r, "http://0x7f.1/", (size_t)-1, NULL), MOAT_BLOCK);
	assert_int_equal(moat_check_url(r, "http://127.0.0.1:8500/v1/kv", (size_t)-1, NULL),
	                 MOAT_ALLOW);
	moat_request_end(r);
	/* without a request: nothing to report, allowed */
	assert_int_equal(moat_check_url(NULL, "http://127.0.0.1/", (size_t)-1, NULL), MOAT_ALLOW);
	moat_policy_release(p);
}

/* Names under lo.wild.test (any wildcard zone an attacker holds) and
 * under .corp resolve to internal addresses, the rest to a public one. */
static int zone_resolve(const char *host, struct moat_addr *out, int max, void *arg)
{
	size_t n = strlen(host);

	(void)arg;
	memset(out, 0, (size_t)max * sizeof *out);
	out[0].family = 4;
	if (strstr(host, "lo.wild.test"))
		memcpy(out[0].ip, "\x7f\x00\x00\x02", 4);
	else if (n >= 5 && !strcmp(host + n - 5, ".corp"))
		memcpy(out[0].ip, "\xac\x10\x03\x04", 4);
	else
		memcpy(out[0].ip, "\x5d\xb8\xd7\x0e", 4);
	return 1;
}

static int zone_verdict(const char *name, const char *input, const char *url)
{
	const struct moat_policy *p = policy(SSRF_BLOCK);
	struct moat_request *r = begin_with(p, name, input);
	int v;

	moat_request_set_resolver(r, zone_resolve, NULL);
	v = moat_check_url(r, url, strlen(url), NULL);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* The application fixes where a URL goes only if it wrote the name's
 * registrable domain -- approximated as its last two labels: an input
 * that writes a whole one of them chose the host, however the
 * application's text goes on (a '?', '#', '@' or '\' cutting it off, a
 * port); one that fills a label left of them, or sits in the path,
 * query or port, did not. */
static void an_input_writing_the_last_labels_of_a_name_chose_it(void **state)
{
	static const char *const chose[][2] = {
	    /* the input, the URL the application built with it */
	    {"x.lo.wild.test", "https://thumbs.x.lo.wild.test/p/1.jpg"},
	    {".lo.wild.test", "http://reports.acme.example.lo.wild.test/daily"},
	    {"eu.lo.wild.test?", "https://eu.lo.wild.test?.media.acme.example/i"},
	    {"mirror.lo.wild.test:8080/", "https://pkg-mirror.lo.wild.test:8080/.acme.example/"},
	    {"ledger.corp", "https://api.ledger.corp"},
	    {"wild.test/", "http://lo.wild.test/.acme.example/feed"},
	    {"corp", "https://payroll.hr.corp/v2"},
	    {"lo.wild%2etest", "https://img.lo.wild%2etest/a"},
	    {"lo.wild\xef\xbc\x8etest", "https://img.lo.wild\xef\xbc\x8etest/a"},
	    {"lo.wild.test.", "https://img.lo.wild.test./a"},
	    {"@lo.wild.test", "https://api.acme.example@lo.wild.test/v1"},
	    {"\\@lo.wild.test", "https://api.acme.example\\@lo.wild.test/v1"},
	};
	static const char *const did_not[][2] = {
	    {"tenant7", "https://tenant7.lo.wild.test/status"},
	    {"eu.west", "https://eu.west.lo.wild.test/status"},
	    {"payroll", "https://payroll.hr.corp/v2"},
	    {"lo.wild.test", "https://lo.wild.test.acme.example/p"},
	    {"hr.corp", "https://billing.acme.corp/export/hr.corp.csv?dept=hr.corp"},
	    {"8443", "https://billing.hr.corp:8443/"},
	    {"t", "https://billing.hr.corp/"},
	    {".", "https://billing.hr.corp/"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof chose / sizeof chose[0]; i++)
		if (zone_verdict("site", chose[i][0], chose[i][1]) != MOAT_BLOCK) {
			print_message("allowed: %s (%s)\n", chose[i][1], chose[i][0]);
			bad++;
		}
	for (size_t i = 0; i < sizeof did_not / sizeof did_not[0]; i++)
		if (zone_verdict("site", did_not[i][0], did_not[i][1]) != MOAT_ALLOW) {
			print_message("blocked: %s (%s)\n", did_not[i][1], did_not[i][0]);
			bad++;
		}
	if (bad)
		fail_msg("%d URLs judged wrong", bad);
}

/* The offsets the user-input rule reads are the caller's text: tabs and
 * newlines (which the parser drops) count, wherever they are. */
static void the_hosts_place_is_in_the_callers_text(void **state)
{
	static const char *const urls[] = {
	    "http://user@example.com:8080/p",
	    "ht\ttp://us\ner@ex\tample.com:8\r0/p",
	    "  http://\t\texample.com\n:8080\t/p",
	    "http:\\\\ex\tample.com\\p",
	    "file://\texample.com/p",
	};
	struct ma_weburl u;

	(void)state;
	for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
		const char *url = urls[i];
		size_t hs = (size_t)(strstr(url, "ex") - url), he = hs, ae;
		/* the host starts at its first letter and runs to the port or path */
		while (url[he] && !strchr(":/\\", url[he]))
			he++;
		ae = he + strcspn(url + he, "/\\");
		assert_int_equal(ma_url_parse_web(url, strlen(url), NULL, &u), 0);
		assert_string_equal(u.host, "example.com");
		if (u.host_start != hs || u.host_end != he || u.authority_end != ae)
			fail_msg("%zu: host %zu-%zu authority end %zu, want %zu-%zu %zu", i,
			         u.host_start, u.host_end, u.authority_end, hs, he, ae);
	}
}

/* The offset in raw of its k-th byte that is not a tab or newline. */
static size_t kept_at(const char *raw, size_t k)
{
	size_t i = 0;

	for (; raw[i]; i++)
		if (!strchr("\t\n\r", raw[i]) && k-- == 0)
			break;
	return i;
}

/* Tabs and newlines anywhere, one or two, alone or in pairs, change
 * neither the host nor where the caller's text has it: the parser reads
 * eight bytes at a time, so every place in a word is tried. */
static void tabs_and_newlines_anywhere_leave_the_host_where_it_is(void **state)
{
	static const char url[] = "http://user:pw@host.example.com:8080/path?q=1#frag";
	static const char *const ins[] = {"\t", "\n", "\r", "\t\n", "\r\n\t"};
	const size_t len = sizeof url - 1;
	struct ma_weburl u0, u;
	char raw[sizeof url + 16];

	(void)state;
	assert_int_equal(ma_url_parse_web(url, len, NULL, &u0), 0);
	for (size_t p = 1; p < len; p++)
		for (size_t q = p; q < len; q++)
			for (size_t k = 0; k < sizeof ins / sizeof ins[0]; k++) {
				/* ins[k] before url[p], a tab before url[q] when q > p */
				size_t il = strlen(ins[k]);
				memcpy(raw, url, p);
				memcpy(raw + p, ins[k], il);
				memcpy(raw + p + il, url + p, q - p);
				raw[p + il + q - p] = '\t';
				memcpy(raw + q + il + (q > p), url + q, len - q + 1);
				assert_int_equal(ma_url_parse_web(raw, strlen(raw), NULL, &u), 0);
				assert_string_equal(u.host, u0.host);
				assert_int_equal(u.port, u0.port);
				assert_int_equal(u.host_start, kept_at(raw, u0.host_start));
				assert_int_equal(u.host_end, kept_at(raw, u0.host_end));
				assert_int_equal(u.authority_end, kept_at(raw, u0.authority_end));
			}
}

/* An input that chose the host is found wherever it sits: behind leading
 * spaces (its own or the URL's), after a long userinfo, as one of the
 * decoded forms, in a URL with tabs. */
static void a_user_input_that_chose_the_host_is_found_in_every_place(void **state)
{
	const struct moat_policy *p = policy(SSRF_BLOCK);
	static const char *const cases[][2] = {
	    /* input, url */
	    {"  http://127.0.0.1", "  http://127.0.0.1/x"},
	    {" http://127.0.0.1", "  http://127.0.0.1/x"},
	    {"http://127.0.0.1", "  http://127.0.0.1/x"},
	    {"127.0.0.1", "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@127.0.0.1/x"},
	    {"a@127.0.0.1:80", "http://a@a@a@a@a@127.0.0.1:80/x"},
	    {"%31%32%37.0.0.1", "http://127.0.0.1/x"},
	    {"12\t7.0.0.1", "http://12\t7.0.0.1/x"},
	};
	static const char *const allowed[][2] = {
	    /* the input is in the URL, but did not choose the host */
	    {"127.0.0", "http://127.0.0.1/x"},
	    {"aaaa", "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@127.0.0.1/x"},
	    {"127.0.0.1", "http://127.0.0.1:80@10.0.0.1/127.0.0.1"},
	    {"127.0.0.1", "http://10.0.0.1:9200/?next=127.0.0.1"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct moat_request *r = begin_with(p, "u", cases[i][0]);
		if (moat_check_url(r, cases[i][1], (size_t)-1, NULL) != MOAT_BLOCK)
			fail_msg("%s in %s: not blocked", cases[i][0], cases[i][1]);
		moat_request_end(r);
	}
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		struct moat_request *r = begin_with(p, "u", allowed[i][0]);
		if (moat_check_url(r, allowed[i][1], (size_t)-1, NULL) != MOAT_ALLOW)
			fail_msg("%s in %s: blocked", allowed[i][0], allowed[i][1]);
		moat_request_end(r);
	}
	moat_policy_release(p);
}

static void the_event_names_the_rule_host_and_parameter(void **state)
{
	const struct moat_policy *p = policy(SSRF_BLOCK);
	const char *url = "http://0xA9FEA9FE/latest/meta-data/";
	struct moat_request *r = begin_with(p, "webhook", url);
	struct moat_url_target t;
	const struct moat_event *ev;

	(void)state;
	assert_int_equal(moat_check_url(r, url, strlen(url), &t), MOAT_BLOCK);
	ev = moat_request_event(r);
	assert_non_null(ev);
	assert_string_equal(ev->interceptor, "ssrf");
	assert_string_equal(ev->action, "blocked");
	assert_string_equal(ev->rule, "ssrf.metadata");
	assert_string_equal(ev->severity, "critical");
	assert_string_equal(ev->operation, url);
	assert_string_equal(ev->payload, url);
	assert_non_null(strstr(ev->details_json, "\"query.webhook\""));
	assert_non_null(strstr(ev->details_json, "\"host\":\"169.254.169.254\""));
	assert_non_null(strstr(ev->file, "test_agent_ssrf.c"));
	assert_string_equal(t.host, "169.254.169.254");
	assert_int_equal(t.port, 80);
	assert_int_equal(t.verdict, MOAT_BLOCK);
	assert_int_equal(moat_connect_checked(&t, 100), MOAT_AGENT_EINVAL);
	moat_request_end(r);
	moat_policy_release(p);
}

static void monitor_mode_logs_and_exclusions_turn_it_off(void **state)
{
	const struct moat_policy *p = policy(
	    "{\"interceptors\":{\"ssrf\":{\"mode\":\"monitor\"}},\"exclusions\":[{\"interceptor\":"
	    "\"ssrf\",\"endpoint\":\"/"
	    "fetch\",\"parameter\":\"query.ok\",\"on_match\":\"ignore\"}]}");
	struct moat_request *r = begin_with(p, "url", "http://127.0.0.1/");

	(void)state;
	assert_int_equal(moat_check_url(r, "http://127.0.0.1/", (size_t)-1, NULL), MOAT_ALLOW);
	assert_string_equal(moat_request_event(r)->action, "logged");
	moat_request_end(r);
	r = begin_with(p, "ok", "http://127.0.0.1/");
	assert_int_equal(moat_check_url(r, "http://127.0.0.1/", (size_t)-1, NULL), MOAT_ALLOW);
	assert_null(moat_request_event(r));
	moat_request_end(r);
	moat_policy_release(p);
}

static void a_check_that_does_not_fire_allocates_nothing(void **state)
{
	const struct moat_policy *p = policy(SSRF_BLOCK);
	struct moat_request *r = begin_with(p, "url", "https://example.com/a?b=c");

	(void)state;
	ma_alloc_fail_at(1);
	assert_int_equal(moat_check_url(r, "https://example.com/a?b=c", (size_t)-1, NULL),
	                 MOAT_ALLOW);
	assert_int_equal(moat_check_url(r, "https://8.8.8.8/", (size_t)-1, NULL), MOAT_ALLOW);
	assert_int_equal(moat_check_url(r, "http://127.0.0.1:9200/", (size_t)-1, NULL),
	                 MOAT_ALLOW); /* internal, but not from the user */
	assert_false(ma_alloc_failed());
	ma_alloc_fail_at(0);
	moat_request_end(r);
	moat_policy_release(p);
}

static void names_are_resolved_once_and_connected_as_checked(void **state)
{
	const struct moat_policy *p =
	    policy("{\"interceptors\":{\"ssrf\":{\"mode\":\"monitor\"}}}");
	struct moat_request *r = begin_with(p, "url", NULL);
	struct moat_url_target t;
	struct sockaddr_in sa = {.sin_family = AF_INET};
	socklen_t sl = sizeof sa;
	char pin[256], url[64];
	int ls, fd;

	(void)state;
	calls = 0;
	assert_int_equal(moat_check_url(r, "https://public.example/x", (size_t)-1, &t), MOAT_ALLOW);
	assert_int_equal(calls, 1);
	assert_int_equal(t.naddr, 1);
	assert_int_equal(t.port, 443);
	assert_int_equal(moat_url_curl_resolve(&t, pin, sizeof pin), 0);
	assert_string_equal(pin, "public.example:443:93.184.215.14");
	/* literals need no resolver */
	calls = 0;
	assert_int_equal(moat_check_url(r, "http://[::1]:8080/", (size_t)-1, &t), MOAT_ALLOW);
	assert_int_equal(calls, 0);
	assert_int_equal(moat_url_curl_resolve(&t, pin, sizeof pin), 0);
	assert_string_equal(pin, "[::1]:8080:[::1]");
	/* a real socket: the connect goes to the checked address */
	ls = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(ls >= 0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(ls, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(listen(ls, 1), 0);
	assert_int_equal(getsockname(ls, (struct sockaddr *)&sa, &sl), 0);
	snprintf(url, sizeof url, "http://127.0.0.1:%d/", ntohs(sa.sin_port));
	assert_int_equal(moat_check_url(r, url, (size_t)-1, &t), MOAT_ALLOW);
	fd = moat_connect_checked(&t, 1000);
	assert_true(fd >= 0);
	close(fd);
	close(ls);
	moat_request_end(r);
	moat_policy_release(p);
}

/* WHATWG's forbidden domain code points are refused in a host after
 * percent-decoding and domain to ASCII, byte by byte (ma_url.c reads them
 * through a byte table): each ASCII byte percent-encoded before a
 * non-ASCII letter (so that UTS #46 runs), and each printable one as its
 * fullwidth form (mapped to it); the others parse. */
static void forbidden_domain_code_points_fail_after_decoding(void **state)
{
	static const char forbidden[] = " #%/:<>?@[\\]^|\x7f";
	struct ma_weburl u;
	char url[64];

	(void)state;
	for (int c = 0; c < 0x80; c++) {
		int bad = c < 0x20 || (c != 0 && strchr(forbidden, c) != NULL), rc;
		int w = snprintf(url, sizeof url, "http://%%%02X\xc3\xa9x/", c);
		rc = ma_url_parse_web(url, (size_t)w, NULL, &u);
		if ((rc != 0) != bad)
			fail_msg("%s: %d, forbidden %d", url, rc, bad);
		if (c <= 0x20 || c == 0x7F)
			continue;
		/* U+FF01..U+FF5E map to 0x21..0x7E */
		w = snprintf(url, sizeof url, "http://\xc3\xa9\xef%c%cx/", c < 0x60 ? 0xBC : 0xBD,
		             0x80 + (c - 0x20) % 0x40);
		rc = ma_url_parse_web(url, (size_t)w, NULL, &u);
		if ((rc != 0) != bad)
			fail_msg("fullwidth U+%04X: %d, forbidden %d", 0xFF00 + c - 0x20, rc, bad);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hosts_parse_as_a_whatwg_client_parses_them),
	    cmocka_unit_test(forbidden_domain_code_points_fail_after_decoding),
	    cmocka_unit_test(addresses_are_classified),
	    cmocka_unit_test(every_notation_of_an_internal_address_is_blocked),
	    cmocka_unit_test(public_hosts_failures_and_allowed_hosts_pass),
	    cmocka_unit_test(what_a_c_client_reads_otherwise_is_judged_too),
	    cmocka_unit_test(a_url_without_a_scheme_is_read_as_libcurl_guesses_one),
	    cmocka_unit_test(a_file_url_without_slashes_and_dropped_joiners_are_judged),
	    cmocka_unit_test(a_number_typed_as_the_host_is_not_an_internal_address),
	    cmocka_unit_test(long_hosts_and_authorities_are_read_or_fail_closed),
	    cmocka_unit_test(it_fires_when_a_user_input_reaches_the_authority),
	    cmocka_unit_test(an_input_writing_the_last_labels_of_a_name_chose_it),
	    cmocka_unit_test(the_hosts_place_is_in_the_callers_text),
	    cmocka_unit_test(tabs_and_newlines_anywhere_leave_the_host_where_it_is),
	    cmocka_unit_test(a_user_input_that_chose_the_host_is_found_in_every_place),
	    cmocka_unit_test(the_event_names_the_rule_host_and_parameter),
	    cmocka_unit_test(monitor_mode_logs_and_exclusions_turn_it_off),
	    cmocka_unit_test(a_check_that_does_not_fire_allocates_nothing),
	    cmocka_unit_test(documentation_addresses_and_no_teredo_peer_do_not_fire),
	    cmocka_unit_test(names_are_resolved_once_and_connected_as_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
