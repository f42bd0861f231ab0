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
 * characters as spaces>" for each case. The input is the "input" string of
 * the line's JSON object, decoded here (escapes \" \\ \/ \b \f \n \r \t
 * \uXXXX with surrogate pairs; U+0000 kept as a byte, the length is kept).
 * The score is moat_prompt_score over the input alone; the bench
 * (bench/detect/prompt.c) scores it inside an application prompt, which
 * can differ by a little. A case blocks at the default threshold 0.8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "moatagent.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static size_t put_utf8(char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static long hex4(const char *p)
{
	long v = 0;
	int i, h;

	for (i = 0; i < 4; i++) {
		h = hexval((unsigned char)p[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Decode the JSON string starting after the opening quote at s; write into
 * out (room for strlen(s) bytes), return the length or -1. */
static long json_string(const char *s, char *out)
{
	size_t o = 0;
	const char *p = s;

	while (*p && *p != '"') {
		if (*p != '\\') {
			out[o++] = *p++;
			continue;
		}
		p++;
		switch (*p) {
		case '"':
		case '\\':
		case '/':
			out[o++] = *p++;
			break;
		case 'b':
			out[o++] = '\b';
			p++;
			break;
		case 'f':
			out[o++] = '\f';
			p++;
			break;
		case 'n':
			out[o++] = '\n';
			p++;
			break;
		case 'r':
			out[o++] = '\r';
			p++;
			break;
		case 't':
			out[o++] = '\t';
			p++;
			break;
		case 'u': {
			long cp = hex4(p + 1), lo;

			if (cp < 0)
				return -1;
			p += 5;
			if (cp >= 0xd800 && cp < 0xdc00 && p[0] == '\\' && p[1] == 'u' &&
			    (lo = hex4(p + 2)) >= 0xdc00 && lo < 0xe000) {
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				p += 6;
			}
			o += put_utf8(out + o, (unsigned long)cp);
			break;
		}
		default:
			return -1;
		}
	}
	return *p == '"' ? (long)o : -1;
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		char *line = NULL, *buf;
		size_t cap = 0;
		long n, lineno = 0;

		if (!f) {
			perror(argv[i]);
			return 1;
		}
		while ((n = (long)getline(&line, &cap, f)) > 0) {
			const char *q = strstr(line, "\"input\": \"");
			long len, k;
			double s;

			lineno++;
			if (!q)
				continue;
			buf = malloc((size_t)n + 4);
			if (!buf)
				return 1;
			len = json_string(q + 10, buf);
			if (len < 0) {
				fprintf(stderr, "%s:%ld: not a JSON string\n", argv[i], lineno);
				free(buf);
				continue;
			}
			s = moat_prompt_score(buf, (size_t)len);
			printf("%.3f\t%s:%ld\t", s, argv[i], lineno);
			for (k = 0; k < len && k < 160; k++) {
				unsigned char c = (unsigned char)buf[k];

				putchar(c < 0x20 || c == 0x7f ? ' ' : c);
			}
			putchar('\n');
			free(buf);
		}
		free(line);
		fclose(f);
	}
	return 0;
}
