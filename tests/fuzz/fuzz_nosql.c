/* libFuzzer: the nosql_injection check (its one lexer for query documents
 * and the JavaScript of $where bodies, and the document reader on top).
 * The input is the document; a slice of it is a user input three ways: a
 * query parameter, a parameter whose name holds a '$' operator, and a
 * JSON body (moat_request_add_json, which parses the slice itself).
 * Every check ends without a memory error, ma_nosql_changes answers
 * 0 or 1, and a block always has its event. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ma_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	const char *s = (const char *)data;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"nosql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	if (size < 3)
		return 0;
	{
		size_t a = data[0] % size, n = 1 + data[size - 1] % (size - a);
		int c = ma_nosql_changes(s, size, s + a, n);
		if (c != 0 && c != 1)
			abort();
	}
	for (int way = 0; way < 3; way++) {
		struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
		struct moat_request *r;
		size_t a = data[1 + way % 2] % size, n = 1 + data[2] % (size - a);
		if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW)
			continue;
		if (way == 0)
			moat_request_add_input(r, MOAT_INPUT_QUERY, "q", s + a, n);
		else if (way == 1)
			moat_request_add_input(r, MOAT_INPUT_FORM, "user[$ne]", s + a, n);
		else
			moat_request_add_json(r, s + a, n);
		if (moat_check_nosql(r, s, size) == MOAT_BLOCK && !moat_request_event(r))
			abort(); /* a block always has its event */
		moat_request_end(r);
	}
	return 0;
}
