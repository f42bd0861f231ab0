/* libFuzzer: the shop's parsers (agentproto/examples/shop): the first
 * byte picks what the rest is --
 *   0: a query filter (JSON) for the Mongo-style matcher, run over a few
 *      documents (flat, nested, with arrays);
 *   1: a $where text;
 *   2: a $regex pattern (with and without $options "i");
 *   3: an application/x-www-form-urlencoded body for http_parse_form().
 * The matcher answers 1, 0, or -1 with a reason; every form field is
 * UTF-8 without NUL bytes when the body is accepted; nothing leaks,
 * reads out of bounds, recurses without bound or runs for long (run with
 * -timeout). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shop.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fz_docs[] = {
    "{\"user\": \"alice\", \"password\": \"wonderland-2026\", \"role\": \"customer\"}",
    "{\"id\": 1001, \"customer\": \"alice\", \"item\": \"1 x Brass clock\", \"total\": 54.4}",
    "{\"a\": {\"b\": [1, \"x\", {\"c\": null}], \"d\": true}, \"e\": [[1, 2], []], \"f\": 1e300}",
    "{}",
};

static void fz_match(const json_t *filter)
{
	static json_t *docs[sizeof fz_docs / sizeof fz_docs[0]];
	char err[200];

	for (size_t i = 0; i < sizeof fz_docs / sizeof fz_docs[0]; i++) {
		int rc;

		if (!docs[i])
			docs[i] = json_loads(fz_docs[i], 0, NULL);
		err[0] = '\0';
		rc = match_doc(docs[i], filter, err, sizeof err);
		if (rc < -1 || rc > 1 || (rc < 0 && !err[0]))
			abort();
	}
}

static void fz_form(const char *body, size_t len)
{
	struct shop_req *r = calloc(1, sizeof *r);
	void *cls = r;

	if (!r)
		return;
	r->body = malloc(len + 1);
	if (!r->body) {
		free(r);
		return;
	}
	memcpy(r->body, body, len);
	r->body[len] = '\0';
	r->body_len = len;
	if (http_parse_form(r) == 0) {
		if (r->nfields > SHOP_FIELDS_MAX)
			abort();
		for (int i = 0; i < r->nfields; i++)
			if (!http_utf8_ok(r->fields[i].name, strlen(r->fields[i].name)) ||
			    strlen(r->fields[i].value) != r->fields[i].len ||
			    !http_utf8_ok(r->fields[i].value, r->fields[i].len) ||
			    http_form(r, r->fields[i].name, NULL) == NULL)
				abort();
	}
	http_completed(NULL, NULL, &cls, MHD_REQUEST_TERMINATED_COMPLETED_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + 1;
	json_t *filter = NULL;
	char *text;

	if (size < 1)
		return 0;
	size--;
	switch (data[0] & 3) {
	case 0:
		filter = json_loadb(s, size, JSON_REJECT_DUPLICATES, NULL);
		break;
	case 1:
	case 2:
		text = strndup(s, size);
		if (!text)
			return 0;
		if ((data[0] & 3) == 1)
			filter = json_pack("{ss}", "$where", text);
		else
			filter = json_pack("{s{ss ss}}", "user", "$regex", text, "$options",
			                   data[0] & 4 ? "i" : "");
		free(text);
		break;
	default:
		fz_form(s, size);
		return 0;
	}
	if (filter)
		fz_match(filter);
	json_decref(filter);
	return 0;
}
