/* libFuzzer: the HTML tokenizer of libmoatagent and the xss check on top
 * of it. Tokens come in order, inside the text and without overlap;
 * names and attribute values stay inside their tag (past the 32 kept,
 * read on from t.more, too); the analysis of any
 * span and a whole check with a slice of the text as the user's input
 * end without a memory error, and a block always has its event. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ma_html.h"
#include "ma_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	const char *s = (const char *)data;
	struct ma_html_lexer lx;
	struct ma_html_tok t;
	size_t last = 0;

	if (!policy)
		policy = moat_policy_parse("{\"interceptors\":{\"xss\":{\"mode\":\"block\"}}}", 1,
		                           NULL, 0);
	ma_html_init(&lx, s, size);
	while (ma_html_next(&lx, &t)) {
		if (t.s < last || t.e <= t.s || t.e > size)
			abort();
		if (t.kind == MA_HTML_TAG && (t.ns < t.s || t.ne < t.ns || t.ne > t.e))
			abort();
		for (int i = 0; i < t.nattr; i++)
			if (t.attr[i].ns < t.ne || t.attr[i].ne < t.attr[i].ns ||
			    t.attr[i].ve < t.attr[i].vs || t.attr[i].ve > t.e)
				abort();
		if (t.more) {
			/* the attributes past attr[] read on from t.more end where
			 * the tag does, each inside it */
			struct ma_html_tok rest;
			size_t p = t.more;
			if (t.nattr != MA_HTML_MAX_ATTRS || p < t.attr[t.nattr - 1].ne || p >= t.e)
				abort();
			for (; p; p = rest.more) {
				ma_html_tag_attrs(s, size, p, &rest);
				if (rest.e != t.e || rest.self_closing != t.self_closing ||
				    (rest.more && rest.more <= p))
					abort();
				for (int i = 0; i < rest.nattr; i++)
					if (rest.attr[i].ns < p || rest.attr[i].ve > t.e)
						abort();
			}
		}
		last = t.e;
	}
	if (last != size)
		abort(); /* every byte belongs to a token */
	if (size >= 2) {
		struct ma_xss_hit hit;
		size_t a = data[0] % size, b = a + 1 + data[size - 1] % (size - a);
		ma_xss_analyse(s, size, a, b, &hit);
		if (hit.fired && !hit.rule)
			abort();
	}
	if (size >= 4) {
		struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
		struct moat_request *r;
		size_t a = data[1] % size, n = 1 + data[2] % (size - a);
		if (moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW) {
			moat_request_add_input(r, MOAT_INPUT_QUERY, "q", s + a, n);
			if (moat_check_html(r, s, size) == MOAT_BLOCK && !moat_request_event(r))
				abort(); /* a block always has its event */
			moat_request_end(r);
		}
	}
	return 0;
}
