/* libFuzzer: what arrives in a request line — percent-decoding, routing,
 * and the time parsers used by query filters. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "http.h"
#include "policy.h"
#include "timefmt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), out[512], net[64];
	struct http_req r;
	int allow;
	int64_t t;

	memcpy(s, data, size);
	s[size] = '\0';
	(void)http_pct_decode(s, strlen(s), out, sizeof out);
	memset(&r, 0, sizeof r);
	if (http_route_match(&r, HM_GET, s, &allow) >= 0)
		for (int i = 0; i < HTTP_MAX_PARAMS; i++)
			free(r.params[i]);
	(void)timefmt_parse(s, &t);
	(void)event_ts_parse(s, &t);
	(void)policy_cidr_normalize(s, net);
	free(s);
	return 0;
}
