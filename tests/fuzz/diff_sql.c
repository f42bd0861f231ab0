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
#include "diff_common.h"

int old_moat_check_sql_at(struct moat_request *r, int dialect, const char *sql, size_t len,
                          const char *file, int line, const char *function);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	diff_slices(data, n, ia, il);
	struct moat_request *r1, *r2;
	if (diff_begin(policy, s, ia, il, nin, &r1, 0))
		return 0;
	if (diff_begin(policy, s, ia, il, nin, &r2, 1))
		abort();
	diff_same_check("sql", r1, r2, moat_check_sql_at(r1, d, s, n, "f", 1, "fn"),
	                old_moat_check_sql_at(r2, d, s, n, "f", 1, "fn"));
	moat_request_end(r1);
	old_moat_request_end(r2);
	return 0;
}
