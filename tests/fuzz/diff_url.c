/* libFuzzer, differential: the ssrf check of this tree beside another
 * commit's (its ma_url.c, ma_idna.c and ma_ssrf.c, every global renamed
 * old_*: scripts/fuzz_diff.sh url builds it). For a change meant to keep
 * detection and the WHATWG agreement (a faster parser, a table index):
 * the URL is the input after 7 control bytes (which policy, how many user
 * inputs, 1 to 3, and where each lies in the URL, one of them sometimes
 * to its end). Both sides must give the same domain to ASCII (result,
 * output), the same parse (result and every field a caller reads), alone
 * and as a relative reference against the URL's first half, and the same
 * check: verdict, number of findings, event (rule, severity, confidence,
 * payload, details), target (scheme, host, port, addresses), the host
 * handed to the resolver and the curl resolve line. A difference aborts
 * with both sides printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "diff_common.h"

int old_ma_url_parse_web(const char *in, size_t len, const struct ma_weburl *base,
                         struct ma_weburl *u);
int old_ma_idna_to_ascii(const unsigned char *s, size_t n, char *out, size_t cap, size_t *olen);
int old_moat_check_url_at(struct moat_request *r, const char *url, size_t len,
                          struct moat_url_target *out, const char *file, int line,
                          const char *function);
int old_moat_url_curl_resolve(const struct moat_url_target *t, char *buf, size_t cap);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A resolver that depends on the host alone: none, a public address, an
 * internal one, or both, IPv4 and IPv6. Records the host it was asked. */
static int diff_resolve(const char *host, struct moat_addr *out, int max, void *arg)
{
	char *seen = arg;
	uint32_t h = 2166136261u;
	int n;

	snprintf(seen, MA_URL_HOST_MAX, "%s", host);
	for (const char *p = host; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	n = (int)(h % 4) - 1; /* -1 .. 2 */
	if (n > max)
		n = max;
	for (int i = 0; i < n; i++) {
		memset(&out[i], 0, sizeof out[i]);
		out[i].family = (h >> (4 + i)) & 1 ? 6 : 4;
		out[i].ip[0] = (h >> (8 + i)) & 1 ? 10 : 93;
		out[i].ip[1] = (uint8_t)(h >> 16);
		out[i].ip[3] = 1;
	}
	return n;
}

static void diff_weburl(const char *what, int rc1, int rc2, const struct ma_weburl *a,
                        const struct ma_weburl *b)
{
	if (rc1 != rc2) {
		fprintf(stderr, "%s differs: new %d old %d\n", what, rc1, rc2);
		abort();
	}
	if (rc1 != 0 && rc1 != MA_URL_IDNA_NEWER)
		return; /* *u is only read on success */
	if (a->ok != b->ok || strcmp(a->scheme, b->scheme) || strcmp(a->host, b->host) ||
	    a->host_type != b->host_type || memcmp(a->ip, b->ip, 16) || a->odd != b->odd ||
	    a->port != b->port || a->userinfo != b->userinfo || a->opaque_path != b->opaque_path ||
	    a->authority_end != b->authority_end || a->host_start != b->host_start ||
	    a->host_end != b->host_end) {
		fprintf(stderr,
		        "%s differs: new %s %s type %d odd %d port %d auth %zu host %zu-%zu, "
		        "old %s %s type %d odd %d port %d auth %zu host %zu-%zu\n",
		        what, a->scheme, a->host, a->host_type, a->odd, a->port, a->authority_end,
		        a->host_start, a->host_end, b->scheme, b->host, b->host_type, b->odd,
		        b->port, b->authority_end, b->host_start, b->host_end);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy[2];
	const char *s;
	size_t n, ia[3], il[3];
	int nin, pk;
	struct ma_weburl u1, u2, r1, r2;
	int rc1, rc2;

	if (!policy[0]) {
		policy[0] = moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}",
		                              1, NULL, 0);
		policy[1] = moat_policy_parse(
		    "{\"interceptors\":{\"ssrf\":{\"mode\":\"block\",\"allow_hosts\":"
		    "[\"127.0.0.1\",\"::1\",\"localhost\",\"10.0.0.1\",\"xn--bcher-kva.example\"]}}"
		    "}",
		    1, NULL, 0);
	}
	if (size < 8)
		return 0;
	pk = data[0] & 1;
	nin = 1 + (data[0] >> 1) % 3;
	s = (const char *)data + 7;
	n = size - 7;
	diff_slices(data, n, ia, il);
	/* domain to ASCII alone */
	if (n < MA_URL_HOST_MAX * 2) {
		char o1[MA_URL_HOST_MAX], o2[MA_URL_HOST_MAX];
		size_t l1 = 0, l2 = 0;
		rc1 = ma_idna_to_ascii((const unsigned char *)s, n, o1, sizeof o1, &l1);
		rc2 = old_ma_idna_to_ascii((const unsigned char *)s, n, o2, sizeof o2, &l2);
		if (rc1 != rc2 || ((rc1 == 0 || rc1 == MA_URL_IDNA_NEWER) &&
		                   (l1 != l2 || memcmp(o1, o2, l1 + 1)))) {
			fprintf(stderr, "domain to ASCII differs: new %d %.*s old %d %.*s\n", rc1,
			        (int)l1, o1, rc2, (int)l2, o2);
			abort();
		}
	}
	/* the parse, then the second half against the first */
	rc1 = ma_url_parse_web(s, n, NULL, &u1);
	rc2 = old_ma_url_parse_web(s, n, NULL, &u2);
	diff_weburl("parse", rc1, rc2, &u1, &u2);
	if (rc1 == 0 && n > 2) {
		rc1 = ma_url_parse_web(s + n / 2, n - n / 2, &u1, &r1);
		rc2 = old_ma_url_parse_web(s + n / 2, n - n / 2, &u2, &r2);
		diff_weburl("relative parse", rc1, rc2, &r1, &r2);
	}
	/* the check */
	struct moat_request_info ri = {.endpoint = "/f", .policy = policy[pk]};
	struct moat_request *q1, *q2;
	struct moat_url_target t1, t2;
	char h1[MA_URL_HOST_MAX] = "", h2[MA_URL_HOST_MAX] = "";
	char c1[1024], c2[1024];
	if (moat_request_begin(NULL, &ri, &q1) != MOAT_ALLOW)
		return 0;
	if (old_moat_request_begin(NULL, &ri, &q2) != MOAT_ALLOW)
		abort();
	moat_request_set_resolver(q1, diff_resolve, h1);
	old_moat_request_set_resolver(q2, diff_resolve, h2);
	for (int k = 0; k < nin; k++) {
		const char *nm = k == 0 ? "u" : k == 1 ? "u2" : "u3";
		moat_request_add_input(q1, MOAT_INPUT_QUERY, nm, s + ia[k], il[k]);
		old_moat_request_add_input(q2, MOAT_INPUT_QUERY, nm, s + ia[k], il[k]);
	}
	int v1 = moat_check_url_at(q1, s, n, &t1, "f", 1, "fn");
	int v2 = old_moat_check_url_at(q2, s, n, &t2, "f", 1, "fn");
	if (strcmp(h1, h2)) {
		fprintf(stderr, "resolved host differs: new %s old %s\n", h1, h2);
		abort();
	}
	diff_same_check("url", q1, q2, v1, v2);
	if (strcmp(t1.scheme, t2.scheme) || strcmp(t1.host, t2.host) || t1.port != t2.port ||
	    t1.naddr != t2.naddr || t1.verdict != t2.verdict ||
	    memcmp(t1.addr, t2.addr, (size_t)t1.naddr * sizeof t1.addr[0])) {
		fprintf(stderr, "target differs: new %s %s %d %d old %s %s %d %d\n", t1.scheme,
		        t1.host, t1.port, t1.naddr, t2.scheme, t2.host, t2.port, t2.naddr);
		abort();
	}
	rc1 = moat_url_curl_resolve(&t1, c1, sizeof c1);
	rc2 = old_moat_url_curl_resolve(&t2, c2, sizeof c2);
	if (rc1 != rc2 || (rc1 == 0 && strcmp(c1, c2))) {
		fprintf(stderr, "curl resolve differs: new %d old %d\n", rc1, rc2);
		abort();
	}
	moat_request_end(q1);
	old_moat_request_end(q2);
	return 0;
}
