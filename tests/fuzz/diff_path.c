/* libFuzzer, differential: the path_traversal check of this tree beside
 * another commit's (its ma_path.c, every global renamed old_*:
 * scripts/fuzz_diff.sh path builds it). For a change meant to keep
 * detection (a faster decoder or normaliser): the path is the input after
 * 8 control bytes (how many user inputs, 1 to 3, and where each lies in
 * the path, one of them sometimes to its end; which base, none included;
 * MOAT_PATH_RESOLVE now and then). Both sides must give the same verdict,
 * number of findings and event (rule, severity, confidence, payload,
 * details) for moat_check_path, the same hit from ma_path_analyse on the
 * inputs' slices whether or not they are occurrences, and the same
 * decoding and normalisation of the path (every field, every kept
 * segment). A difference aborts with both sides printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "diff_common.h"
#include "ma_path.h"

int old_moat_check_path_at(struct moat_request *r, const char *path, size_t len, const char *base,
                           int flags, const char *file, int line, const char *function);
void old_ma_path_analyse(const char *path, size_t len, size_t a, size_t b, const char *base,
                         int flags, struct ma_path_hit *hit);
void old_ma_path_normalise(const char *p, size_t n, struct ma_path_norm *out);
size_t old_ma_path_decode(const char *in, size_t n, char *out, int pct);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void compare_norm(const struct ma_path_norm *a, const struct ma_path_norm *b,
                         const char *what)
{
	if (a->kind != b->kind || a->drive != b->drive || a->up != b->up ||
	    a->above_root != b->above_root || a->depth != b->depth || a->nul != b->nul) {
		fprintf(stderr,
		        "%s: normalisation differs: new kind %d up %d above %d depth %d nul %d"
		        " old kind %d up %d above %d depth %d nul %d\n",
		        what, a->kind, a->up, a->above_root, a->depth, a->nul, b->kind, b->up,
		        b->above_root, b->depth, b->nul);
		abort();
	}
	for (int i = 0; i < a->depth && i < MA_PATH_SEGS; i++)
		if (a->seg[i][0] != b->seg[i][0] || a->seg[i][1] != b->seg[i][1]) {
			fprintf(stderr, "%s: segment %d differs\n", what, i);
			abort();
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	static const char *const bases[] = {
	    NULL, "/srv/app/uploads",      "rel/base", "C:\\app\\files",
	    "/",  "/srv/../srv/./app//x/", "..",       "d:"};
	static char o1[MA_PATH_MAX], o2[MA_PATH_MAX];
	static struct ma_path_norm n1, n2;
	const char *s, *base;
	size_t n, ia[3], il[3], m;
	int nin, flags;
	struct moat_request *r1, *r2;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	if (size < 9 || size - 8 > 8192)
		return 0;
	nin = 1 + data[0] % 3;
	base = bases[(data[0] / 3) % 8];
	flags = data[7] >= 240 ? MOAT_PATH_RESOLVE : 0;
	s = (const char *)data + 8;
	n = size - 8;
	diff_slices(data, n, ia, il);
	/* the decoder and the normaliser themselves */
	m = n < MA_PATH_MAX ? n : MA_PATH_MAX;
	for (int pct = 0; pct < 2; pct++) {
		size_t l1 = ma_path_decode(s, m, o1, pct), l2 = old_ma_path_decode(s, m, o2, pct);
		if (l1 != l2 || memcmp(o1, o2, l1) != 0) {
			fprintf(stderr, "decode (pct %d) differs: new %zu old %zu bytes\n", pct, l1,
			        l2);
			abort();
		}
		ma_path_normalise(o1, l1, &n1);
		old_ma_path_normalise(o2, l2, &n2);
		compare_norm(&n1, &n2, "decoded path");
	}
	/* the analysis of each input's slice, an occurrence or not */
	for (int k = 0; k < nin; k++) {
		struct ma_path_hit h1, h2;
		ma_path_analyse(s, n, ia[k], ia[k] + il[k], base, flags, &h1);
		old_ma_path_analyse(s, n, ia[k], ia[k] + il[k], base, flags, &h2);
		if (h1.fired != h2.fired || strcmp(nz(h1.rule), nz(h2.rule)) ||
		    strcmp(nz(h1.sev), nz(h2.sev)) || h1.confidence != h2.confidence) {
			fprintf(stderr, "base %s [%zu, %zu): hit differs: new %d %s old %d %s\n",
			        nz(base), ia[k], ia[k] + il[k], h1.fired, nz(h1.rule), h2.fired,
			        nz(h2.rule));
			abort();
		}
	}
	/* the whole check */
	if (diff_begin(policy, s, ia, il, nin, &r1, 0))
		return 0;
	if (diff_begin(policy, s, ia, il, nin, &r2, 1))
		abort();
	{
		char form[64];
		snprintf(form, sizeof form, "base %.50s", nz(base));
		diff_same_check(form, r1, r2,
		                moat_check_path_at(r1, s, n, base, flags, "f", 1, "fn"),
		                old_moat_check_path_at(r2, s, n, base, flags, "f", 1, "fn"));
	}
	moat_request_end(r1);
	old_moat_request_end(r2);
	return 0;
}
