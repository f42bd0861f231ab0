/* libFuzzer: an events array through validation into a batch, and every
 * accepted event through the JSON writer (which must produce valid JSON). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "event.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *in = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	struct event_batch b;
	char err[120];

	if (!in)
		return 0;
	/* a fixed clock: 2026-11-26T00:00:00Z */
	if (event_batch_parse(in, 1795651200000LL, &b, err, sizeof err) == 0) {
		for (size_t i = 0; i < b.n; i++) {
			struct buf out;
			json_t *back;
			buf_init(&out, 1u << 20);
			if (event_write_json(&out, &b.ev[i], "production", "agent", 1795651200000LL) != 0)
				abort();
			back = json_loadb(out.data, out.len, 0, NULL);
			if (!back)
				abort(); /* the writer produced invalid JSON */
			json_decref(back);
			buf_cleanup(&out);
		}
		event_batch_free(&b);
	}
	json_decref(in);
	return 0;
}
