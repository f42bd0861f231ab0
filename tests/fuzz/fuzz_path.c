/* libFuzzer: the path decoder and normaliser of libmoatagent and the
 * path_traversal check on top of them. Decoding never grows the text,
 * segments stay inside it, and a whole check with a slice of the path as
 * the user's input, with and without a base, ends without a memory error;
 * a block always has its event. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ma_int.h"
#include "ma_path.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	static char out[MA_PATH_MAX];
	struct ma_path_norm n;
	const char *s = (const char *)data;
	size_t m = size < MA_PATH_MAX ? size : MA_PATH_MAX;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	for (int pct = 0; pct < 2; pct++) {
		size_t l = ma_path_decode(s, m, out, pct);
		if (l > m)
			abort();
		ma_path_normalise(out, l, &n);
		for (int i = 0; i < n.depth && i < MA_PATH_SEGS; i++)
			if ((size_t)n.seg[i][0] + n.seg[i][1] > l)
				abort();
	}
	if (size >= 4) {
		struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
		struct moat_request *r;
		size_t a = data[1] % size, k = 1 + data[2] % (size - a);
		if (moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW) {
			moat_request_add_input(r, MOAT_INPUT_QUERY, "q", s + a, k);
			if (moat_check_path(r, s, size, "/srv/app/uploads", 0) == MOAT_BLOCK &&
			    !moat_request_event(r))
				abort();
			if (moat_check_path(r, s, size, NULL, 0) == MOAT_BLOCK &&
			    !moat_request_event(r))
				abort();
			(void)moat_check_path(r, s, size, "rel/base", 0);
			moat_request_end(r);
		}
	}
	return 0;
}
