/* libFuzzer: the prompt normaliser and scorer of libmoatagent and the
 * llm_prompt_injection check on top of them. The normalised text fits its
 * buffer, the score stays in [0, 1] and a whole check with a slice of the
 * prompt as the user's input, and with an explicit untrusted span, ends
 * without a memory error; a block always has its event. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ma_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	static char out[4096];
	const char *s = (const char *)data;
	int mixed;
	double sc;
	size_t l;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"llm_prompt_injection\":{\"mode\":\"block\"}}}", 1, NULL,
		    0);
	l = ma_prompt_normalise(s, size, out, sizeof out, &mixed);
	if (l > sizeof out)
		abort();
	sc = moat_prompt_score(s, size);
	if (!(sc >= 0 && sc <= 1))
		abort();
	if (size >= 4) {
		struct moat_request_info ri = {.endpoint = "/chat", .policy = policy};
		struct moat_request *r;
		size_t a = data[1] % size, k = 1 + data[2] % (size - a);
		if (moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW) {
			moat_request_add_input(r, MOAT_INPUT_JSON, "message", s + a, k);
			if (moat_check_prompt(r, s, size, 0, 0, &sc) == MOAT_BLOCK &&
			    !moat_request_event(r))
				abort();
			if (moat_check_prompt(r, s, size, a, k, &sc) == MOAT_BLOCK &&
			    !moat_request_event(r))
				abort();
			moat_request_end(r);
		}
	}
	return 0;
}
