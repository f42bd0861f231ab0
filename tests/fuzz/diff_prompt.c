/* libFuzzer, differential: the llm_prompt_injection scorer and check of
 * this tree beside another commit's (its ma_prompt.c, ma_prompt_lex.c,
 * ma_prompt_norm.c and ma_prompt_feat.c, every global renamed old_*:
 * scripts/fuzz_diff.sh prompt builds it). For a change meant to keep
 * detection (a faster index, a cheaper pass): the text is the input after
 * 3 control bytes (where a user input lies in it, and whether the check
 * also gets the rest as an explicit untrusted span). The two scores must
 * be the same double and name the same rule, on the whole text and on
 * the input alone; the two checks must give the same verdict, score and
 * event. A difference aborts with both sides printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "diff_common.h"

double old_ma_prompt_score(const char *text, size_t len, const char **rule);
int old_moat_check_prompt_at(struct moat_request *r, const char *prompt, size_t len, size_t uoff,
                             size_t ulen, double *score, const char *file, int line,
                             const char *function);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_score(const char *s, size_t n)
{
	const char *r1 = NULL, *r2 = NULL;
	double a = ma_prompt_score(s, n, &r1), b = old_ma_prompt_score(s, n, &r2);

	if (a != b || strcmp(nz(r1), nz(r2))) {
		fprintf(stderr, "score differs on %zu bytes: new %.17g %s old %.17g %s\n", n, a,
		        nz(r1), b, nz(r2));
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	const char *s;
	size_t n, ia, il, uo = 0, ul = 0;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"llm_prompt_injection\":{\"mode\":\"block\"}}}", 1, NULL,
		    0);
	if (size < 4)
		return 0;
	s = (const char *)data + 3;
	n = size - 3;
	ia = data[0] % n;
	il = 1 + data[1] % (n - ia);
	if (data[1] >= 250) /* a long one */
		il = n - ia;
	if (data[2] & 1) { /* the rest after the input: an explicit untrusted span */
		uo = ia + il;
		ul = n - uo;
	}
	same_score(s, n);
	same_score(s + ia, il);
	struct moat_request_info ri = {.endpoint = "/chat", .policy = policy};
	struct moat_request *r1, *r2;
	double sc1 = -1, sc2 = -1;
	if (moat_request_begin(NULL, &ri, &r1) != MOAT_ALLOW)
		return 0;
	if (old_moat_request_begin(NULL, &ri, &r2) != MOAT_ALLOW)
		abort();
	moat_request_add_input(r1, MOAT_INPUT_JSON, "message", s + ia, il);
	old_moat_request_add_input(r2, MOAT_INPUT_JSON, "message", s + ia, il);
	int v1 = moat_check_prompt_at(r1, s, n, uo, ul, &sc1, "f", 1, "fn");
	int v2 = old_moat_check_prompt_at(r2, s, n, uo, ul, &sc2, "f", 1, "fn");
	if (sc1 != sc2) {
		fprintf(stderr, "score differs: new %d %.17g old %d %.17g\n", v1, sc1, v2, sc2);
		abort();
	}
	diff_same_check("prompt", r1, r2, v1, v2);
	moat_request_end(r1);
	old_moat_request_end(r2);
	return 0;
}
