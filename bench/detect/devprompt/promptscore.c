/*
 * bench/detect/devprompt/promptscore.c — the llm_prompt_injection score of
 * every case of a corpus file, one line each, for reading misses and false
 * positives of a readable (development) set.
 *
 *   cc -O2 -Iagentproto/lib bench/detect/devprompt/promptscore.c \
 *      build/libmoatagent.a $(pkg-config --libs libwebsockets jansson) \
 *      -lmbedcrypto -lpthread -lm -o build/promptscore
 *   build/promptscore FILE.jsonl...
 *
 * Prints "<score>\t<file>:<line>\t<first 160 bytes of the input, control
 * characters as spaces, cut at a character boundary>" for each case. The
 * input is the "input" string of the line's JSON object, read by jansson
 * (JSON_ALLOW_NUL: U+0000 kept as a byte, the length is kept).
 * The score is moat_prompt_score over the input alone; the bench
 * (bench/detect/prompt.c) scores it inside an application prompt, which
 * can differ by a little. A case blocks at the default threshold 0.8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "moatagent.h"

/* The length of s's first n bytes or fewer, ending at a character
 * boundary (no UTF-8 continuation byte is left at the cut). */
static size_t cut_utf8(const char *s, size_t len, size_t n)
{
	if (len <= n)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		long lineno = 0;

		if (!f) {
			perror(argv[i]);
			return 1;
		}
		while ((n = getline(&line, &cap, f)) > 0) {
			json_error_t err;
			json_t *o = json_loadb(line, (size_t)n, JSON_ALLOW_NUL, &err);
			json_t *in = json_object_get(o, "input");
			const char *v;
			size_t len, k, shown;

			lineno++;
			if (!json_is_string(in)) {
				fprintf(stderr, "%s:%ld: no \"input\" string\n", argv[i], lineno);
				json_decref(o);
				continue;
			}
			v = json_string_value(in);
			len = json_string_length(in);
			printf("%.3f\t%s:%ld\t", moat_prompt_score(v, len), argv[i], lineno);
			shown = cut_utf8(v, len, 160);
			for (k = 0; k < shown; k++) {
				unsigned char c = (unsigned char)v[k];

				putchar(c < 0x20 || c == 0x7f ? ' ' : c);
			}
			putchar('\n');
			json_decref(o);
		}
		free(line);
		fclose(f);
	}
	return 0;
}
