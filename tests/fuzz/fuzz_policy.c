/* libFuzzer: policy documents (either form) through validation,
 * normalisation, the canonical form and the diff. Normalising the
 * normalised document must give the same canonical text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *in = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	json_t *errors = json_array(), *doc, *again, *def, *diff;
	char sha1[CRYPTO_SHA256_HEX], sha2[CRYPTO_SHA256_HEX];
	char *t1, *t2;

	if (!in) {
		json_decref(errors);
		return 0;
	}
	doc = policy_normalize(in, errors);
	if (doc) {
		t1 = policy_canonical(doc, sha1);
		again = policy_normalize(doc, errors);
		if (!again)
			abort(); /* a normalised document must validate */
		t2 = policy_canonical(again, sha2);
		if (strcmp(t1, t2) != 0 || strcmp(sha1, sha2) != 0)
			abort(); /* and normalise to itself */
		def = policy_default();
		diff = policy_diff(def, doc);
		json_decref(diff);
		json_decref(def);
		json_decref(again);
		free(t1);
		free(t2);
		json_decref(doc);
	}
	json_decref(errors);
	json_decref(in);
	return 0;
}
