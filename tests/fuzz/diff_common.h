/* What the differential targets (tests/fuzz/diff_*.c, built by
 * scripts/fuzz_diff.sh) share: a request with the user inputs the fuzz
 * input's control bytes place, and the comparison of two checks' outcome
 * (verdict, number of findings, event). A difference aborts with both
 * sides printed, form naming which check it was.
 *
 * The old side's request is BASE's own: scripts/fuzz_diff.sh compiles
 * BASE's ma_request.c (inputs, their decoded forms, the occurrence scan,
 * the event) beside BASE's checks, renamed old_*, so a request the old
 * check is given is begun, filled, read and ended by the old_ functions
 * below, and a change in this tree's ma_request.c is compared too. */
#ifndef MOAT_DIFF_COMMON_H
#define MOAT_DIFF_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ma_int.h"

/* BASE's request functions (its ma_request.c, renamed old_*). */
int old_moat_request_begin(struct moat_agent *a, const struct moat_request_info *info,
                           struct moat_request **out);
int old_moat_request_add_input(struct moat_request *r, int kind, const char *name,
                               const char *value, size_t len);
void old_moat_request_set_resolver(struct moat_request *r, moat_resolver_fn fn, void *arg);
const struct moat_event *old_moat_request_event(const struct moat_request *r);
unsigned old_moat_request_findings(const struct moat_request *r);
void old_moat_request_end(struct moat_request *r);

static inline const char *nz(const char *s)
{
	return s ? s : "(null)";
}

/* The three user inputs' places in the n bytes after the control bytes:
 * data[1 + 2k] picks where input k starts, data[2 + 2k] its length (from
 * 250 on, to the end). */
static inline void diff_slices(const uint8_t *data, size_t n, size_t *ia, size_t *il)
{
	for (int k = 0; k < 3; k++) {
		ia[k] = data[1 + 2 * k] % n;
		il[k] = 1 + data[2 + 2 * k] % (n - ia[k]);
		if (data[2 + 2 * k] >= 250) /* a long one */
			il[k] = n - ia[k];
	}
}

/* A request on /f whose query inputs q, q2, q3 are s's slices ia[k], il[k]
 * (k < nin), this tree's or (old) BASE's: 0, or -1 when it could not
 * begin. */
static inline int diff_begin(const struct moat_policy *policy, const char *s, const size_t *ia,
                             const size_t *il, int nin, struct moat_request **r, int old)
{
	struct moat_request_info ri = {.endpoint = "/f", .policy = policy};

	if ((old ? old_moat_request_begin : moat_request_begin)(NULL, &ri, r) != MOAT_ALLOW)
		return -1;
	for (int k = 0; k < nin; k++) {
		const char *nm = k == 0 ? "q" : k == 1 ? "q2" : "q3";
		(old ? old_moat_request_add_input : moat_request_add_input)(*r, MOAT_INPUT_QUERY,
		                                                            nm, s + ia[k], il[k]);
	}
	return 0;
}

/* The new check's verdict v1 on r1 beside the old one's v2 on r2 (BASE's
 * request). */
static inline void diff_same_check(const char *form, struct moat_request *r1,
                                   struct moat_request *r2, int v1, int v2)
{
	const struct moat_event *e1 = moat_request_event(r1), *e2 = old_moat_request_event(r2);

	if (v1 != v2 || !e1 != !e2 || moat_request_findings(r1) != old_moat_request_findings(r2)) {
		fprintf(stderr, "%s: verdict differs: new %d old %d\n", form, v1, v2);
		abort();
	}
	if (e1 &&
	    (strcmp(nz(e1->rule), nz(e2->rule)) || strcmp(nz(e1->payload), nz(e2->payload)) ||
	     strcmp(nz(e1->details_json), nz(e2->details_json)) ||
	     strcmp(nz(e1->severity), nz(e2->severity)) || e1->confidence != e2->confidence)) {
		fprintf(stderr, "%s: event differs: new %s %s %s old %s %s %s\n", form,
		        nz(e1->rule), nz(e1->payload), nz(e1->details_json), nz(e2->rule),
		        nz(e2->payload), nz(e2->details_json));
		abort();
	}
}

#endif
