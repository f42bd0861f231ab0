/* bench/detect/addcost.c -- what adding inputs costs: 2,000 requests, each
 * a 1 KB value (argv[1] repeated) and two short ones (a URL-encoded
 * title, a User-Agent), instructions per request under callgrind:
 *
 *   make build/libmoatagent.a
 *   cc -O2 -Iagentproto/lib bench/detect/addcost.c build/libmoatagent.a \
 *      -o build/addcost -ljansson -lwebsockets -lmbedcrypto -lpthread -lm
 *   valgrind --tool=callgrind --toggle-collect=main build/addcost "x'%27" \
 *      (the total / 2000)
 *
 * Session 16 (bench/RESULTS.md, "Session 16: decodings"). bench/detect/
 * addcost.sh runs it for eleven kinds of value (session 17). */
#include "moatagent.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	static char v[1025];
	const char *pat = argc > 1 ? argv[1] : "x'%27\"%22";
	size_t pl = strlen(pat), n = 0;
	while (n + pl <= 1024) {
		memcpy(v + n, pat, pl);
		n += pl;
	}
	v[n] = 0;
	for (int i = 0; i < 2000; i++) {
		struct moat_request_info ri = {.method = "GET", .endpoint = "/"};
		struct moat_request *r = NULL;
		moat_request_begin(NULL, &ri, &r);
		moat_request_add_input(r, MOAT_INPUT_QUERY, "q", v, n);
		moat_request_add_input(r, MOAT_INPUT_QUERY, "t", "C%2B%2B+for+beginners", 21);
		moat_request_add_input(r, MOAT_INPUT_HEADER, "User-Agent",
		                       "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", 50);
		moat_request_end(r);
	}
	return 0;
}
