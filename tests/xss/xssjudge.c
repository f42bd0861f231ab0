/*
 * tests/xss/xssjudge.c — libmoatagent's xss check as a filter for the
 * browser harness (tests/xss/chromium.mjs): one case per line on stdin,
 * "HEX(html) TAB HEX(input)" (hex so that NUL and control bytes pass),
 * one line out per case: "BLOCK" or "ALLOW", then the rule
 * ma_xss_analyse gives the input's first occurrence as written (or "-").
 *
 * Build: make -j2 build/libmoatagent.a, then
 *   cc -std=c11 -D_GNU_SOURCE -Iagentproto/lib tests/xss/xssjudge.c \
 *      build/libmoatagent.a $(pkg-config --libs libwebsockets jansson) \
 *      -lmbedcrypto -lpthread -lm -o build/xssjudge
 * Single-threaded; everything it allocates is freed per line.
 */
#include "ma_html.h"
#include "ma_util.h"
#include "moatagent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes the hex in s[0, n) into out (n / 2 bytes); its length. */
static size_t unhex(const char *s, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i + 1 < n; i += 2) {
		int h = ma_hex_val((unsigned char)s[i]), l = ma_hex_val((unsigned char)s[i + 1]);
		if (h < 0 || l < 0)
			break;
		out[o++] = (char)(h * 16 + l);
	}
	return o;
}

int main(void)
{
	char err[256];
	const struct moat_policy *policy = moat_policy_parse(
	    "{\"interceptors\":{\"xss\":{\"mode\":\"block\"}}}", 1, err, sizeof err);
	static char line[1 << 20], html[1 << 19], in[1 << 19];

	if (!policy) {
		fprintf(stderr, "policy: %s\n", err);
		return 1;
	}
	while (fgets(line, sizeof line, stdin)) {
		struct moat_request_info ri = {.method = "GET",
		                               .endpoint = "/page",
		                               .source_ip = "192.0.2.10",
		                               .policy = policy};
		struct moat_request *r = NULL;
		char *tab = strchr(line, '\t');
		size_t ln = strcspn(line, "\r\n"), hn, inn;
		const char *rule = "-";
		int v = MOAT_ALLOW;

		if (!tab) {
			puts("ERROR");
			fflush(stdout);
			continue;
		}
		hn = unhex(line, (size_t)(tab - line), html);
		inn = unhex(tab + 1, ln - (size_t)(tab + 1 - line), in);
		if (moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW && r) {
			moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, inn);
			v = moat_check_html(r, html, hn);
			moat_request_end(r);
		}
		if (inn && inn <= hn) {
			const char *at = memmem(html, hn, in, inn);
			if (at) {
				struct ma_xss_hit hit;
				ma_xss_analyse(html, hn, (size_t)(at - html),
				               (size_t)(at - html) + inn, &hit);
				if (hit.fired)
					rule = hit.rule;
			}
		}
		printf("%s %s\n", v == MOAT_BLOCK ? "BLOCK" : "ALLOW", rule);
		fflush(stdout);
	}
	moat_policy_release(policy);
	return 0;
}
