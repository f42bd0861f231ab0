/* libFuzzer: libmoatagent's WHATWG host parser and the ssrf check on top
 * of it (the nosql_injection check has its own target, fuzz_nosql.c). The
 * parser never reads or writes out of bounds, a host
 * it accepts is NUL-terminated, within MA_URL_HOST_MAX and free of
 * forbidden host code points; parsing what it serialized gives the same
 * host (idempotence, as the WHATWG tests check); an IPv4 host is four
 * decimal parts; a block always has its event. Domain to ASCII alone:
 * its output is ASCII, and ToASCII of its output (with a non-ASCII label
 * added, so that UTS #46 runs rather than WHATWG's ASCII fast path) gives
 * the output again (UTS #46's stability: what ToASCII produces, ToASCII
 * accepts). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ma_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fuzz_resolve(const char *host, struct moat_addr *out, int max, void *arg)
{
	(void)arg;
	if (max < 1 || !host[0])
		return -1;
	memset(out, 0, sizeof *out);
	out->family = (host[0] & 1) ? 4 : 6;
	out->ip[0] = (uint8_t)host[0]; /* some names internal, some not */
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	const char *s = (const char *)data;
	struct ma_weburl u, again, base;
	char url[MA_URL_HOST_MAX + 32];

	if (!policy)
		policy = moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1,
		                           NULL, 0);
	if (size < MA_URL_HOST_MAX) {
		char out[MA_URL_HOST_MAX], out2[MA_URL_HOST_MAX];
		unsigned char in2[MA_URL_HOST_MAX + 8];
		size_t ol = 0, ol2 = 0;
		int rc = ma_idna_to_ascii(data, size, out, sizeof out, &ol);
		if (rc == 0 || rc == MA_URL_IDNA_NEWER) {
			for (size_t i = 0; i < ol; i++)
				if ((unsigned char)out[i] >= 0x80)
					abort();
			memcpy(in2, out, ol);
			memcpy(in2 + ol, ".\xc3\xbc", 3);
			if (ol + 8 < sizeof out2) {
				int rc2 = ma_idna_to_ascii(in2, ol + 3, out2, sizeof out2, &ol2);
				int ascii = 1;
				for (size_t i = 0; i < size; i++)
					ascii &= data[i] < 0x80;
				/* an ASCII input took WHATWG's fast path: its xn--
				 * labels were never checked, and may fail now, or
				 * decode to more than a host holds (MA_URL_TOO_LONG)
				 * or fail only the bidi rule (MA_URL_IDNA_NEWER,
				 * idna9); a host whose only failure is the bidi rule
				 * keeps failing it */
				if (rc2 != 0 &&
				    !(rc == MA_URL_IDNA_NEWER && rc2 == MA_URL_IDNA_NEWER) &&
				    (!ascii || (rc2 != -1 && rc2 != MA_URL_TOO_LONG &&
				                rc2 != MA_URL_IDNA_NEWER)))
					abort();
				if (rc2 == 0 && (ol2 != ol + 8 || memcmp(out2, out, ol) ||
				                 memcmp(out2 + ol, ".xn--tda", 8)))
					abort();
			}
		}
	}
	if (ma_url_parse_web(s, size, NULL, &u) == 0) {
		size_t hl = strnlen(u.host, sizeof u.host);
		if (hl >= sizeof u.host)
			abort();
		if (u.host_type == MA_HOST_DOMAIN || u.host_type == MA_HOST_IPV4) {
			for (size_t i = 0; i < hl; i++)
				if (strchr(" #/:<>?@[\\]^|%", u.host[i]) ||
				    (unsigned char)u.host[i] < 0x21 ||
				    (unsigned char)u.host[i] > 0x7e)
					abort();
			/* the serialized host parses to itself */
			memcpy(url, "http://", 7);
			memcpy(url + 7, u.host, hl);
			url[7 + hl] = '/';
			if (ma_url_parse_web(url, hl + 8, NULL, &again) ||
			    strcmp(again.host, u.host))
				abort();
		}
		if (u.host_type == MA_HOST_IPV6 && (u.host[0] != '[' || u.host[hl - 1] != ']'))
			abort();
		/* relative references against it */
		if (size > 2)
			(void)ma_url_parse_web(s + size / 2, size - size / 2, &u, &base);
	}
	if (size >= 2) {
		struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
		struct moat_request *r;
		size_t a = data[0] % size, n = 1 + data[size - 1] % (size - a);
		if (moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW) {
			struct moat_url_target t;
			moat_request_set_resolver(r, fuzz_resolve, NULL);
			moat_request_add_input(r, MOAT_INPUT_QUERY, "u", s + a, n);
			if (moat_check_url(r, s, size, &t) == MOAT_BLOCK && !moat_request_event(r))
				abort();
			if (t.naddr < 0 || t.naddr > MOAT_URL_MAX_ADDRS)
				abort();
			moat_request_end(r);
		}
	}
	return 0;
}
