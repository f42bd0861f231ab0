/* libFuzzer, differential: the sql_injection check of this tree beside
 * another commit's (its ma_sql.c and ma_sql_lex.c, every global renamed
 * old_*: scripts/fuzz_diff.sh sql builds it). For a change meant to keep
 * detection (a faster lexer, a new index): the statement is the input
 * after 7 control bytes (the dialect, how many user inputs, 1 to 3, and
 * where each lies in the statement, one of them sometimes to its end);
 * both checks must give the same verdict, number of findings and event
 * (rule, severity, confidence, payload, details with the parameter and
 * decoding). A difference aborts with both sides printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "ma_int.h"

int old_moat_check_sql_at(struct moat_request *r, int dialect, const char *sql, size_t len,
                          const char *file, int line, const char *function);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *nz(const char *s)
{
	return s ? s : "(null)";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	const char *s;
	size_t n;
	int d;
	size_t ia[3], il[3];
	int nin;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	if (size < 8)
		return 0;
	d = data[0] % 3 == 0   ? MOAT_SQL_SQLITE
	    : data[0] % 3 == 1 ? MOAT_SQL_POSTGRES
	                       : MOAT_SQL_MYSQL;
	nin = 1 + (data[0] / 3) % 3;
	s = (const char *)data + 7;
	n = size - 7;
	for (int k = 0; k < 3; k++) {
		ia[k] = data[1 + 2 * k] % n;
		il[k] = 1 + data[2 + 2 * k] % (n - ia[k]);
		if (data[2 + 2 * k] >= 250) /* a long one */
			il[k] = n - ia[k];
	}
	struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
	struct moat_request *r1, *r2;
	if (moat_request_begin(NULL, &ri, &r1) != MOAT_ALLOW)
		return 0;
	if (moat_request_begin(NULL, &ri, &r2) != MOAT_ALLOW)
		abort();
	for (int k = 0; k < nin; k++) {
		const char *nm = k == 0 ? "q" : k == 1 ? "q2" : "q3";
		moat_request_add_input(r1, MOAT_INPUT_QUERY, nm, s + ia[k], il[k]);
		moat_request_add_input(r2, MOAT_INPUT_QUERY, nm, s + ia[k], il[k]);
	}
	int v1 = moat_check_sql_at(r1, d, s, n, "f", 1, "fn");
	int v2 = old_moat_check_sql_at(r2, d, s, n, "f", 1, "fn");
	const struct moat_event *e1 = moat_request_event(r1), *e2 = moat_request_event(r2);
	if (v1 != v2 || !e1 != !e2 || moat_request_findings(r1) != moat_request_findings(r2)) {
		fprintf(stderr, "verdict differs: new %d old %d\n", v1, v2);
		abort();
	}
	if (e1 &&
	    (strcmp(nz(e1->rule), nz(e2->rule)) || strcmp(nz(e1->payload), nz(e2->payload)) ||
	     strcmp(nz(e1->details_json), nz(e2->details_json)) ||
	     strcmp(nz(e1->severity), nz(e2->severity)) || e1->confidence != e2->confidence)) {
		fprintf(stderr, "event differs: new %s %s %s old %s %s %s\n", nz(e1->rule),
		        nz(e1->payload), nz(e1->details_json), nz(e2->rule), nz(e2->payload),
		        nz(e2->details_json));
		abort();
	}
	moat_request_end(r1);
	moat_request_end(r2);
	return 0;
}
