/* libFuzzer: the SQL tokenizer of libmoatagent in its three dialects and
 * the sql_injection check on top of it. Every byte of the statement is
 * whitespace or inside exactly one token, tokens come in order and stay in
 * bounds; the analysis of any span, and a whole check with a slice of the
 * statement as the user's input, end without a memory error, and a span
 * that fires always spans tokens and names its rule. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ma_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	const char *s = (const char *)data;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	for (int d = MOAT_SQL_SQLITE; d <= MOAT_SQL_MYSQL; d++) {
		struct ma_sql_lexer lx;
		struct ma_sql_tok t;
		size_t last = 0;

		ma_sql_lex_init(&lx, d, s, size);
		while (ma_sql_lex_next(&lx, &t)) {
			if (t.start < last || t.end <= t.start || t.end > size)
				abort();
			for (size_t k = last; k < t.start; k++)
				if (!is_space(s[k]))
					abort(); /* a byte outside every token */
			last = t.end;
		}
		for (size_t k = last; k < size; k++)
			if (!is_space(s[k]))
				abort();
		if (size >= 2) {
			struct ma_sql_hit hit;
			size_t a = data[0] % size, b = a + 1 + data[size - 1] % (size - a);
			ma_sql_analyse(d, s, size, a, b, &hit);
			if (hit.fired && (!hit.spans || !hit.rule))
				abort();
		}
		if (size >= 4) {
			struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
			struct moat_request *r;
			size_t a = data[1] % size, n = 1 + data[2] % (size - a);
			if (moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW) {
				moat_request_add_input(r, MOAT_INPUT_QUERY, "q", s + a, n);
				if (moat_check_sql(r, d, s, size) == MOAT_BLOCK &&
				    !moat_request_event(r))
					abort(); /* a block always has its event */
				moat_request_end(r);
			}
		}
	}
	return 0;
}
