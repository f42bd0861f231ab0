/* libFuzzer: the SQL tokenizer of libmoatagent in its three dialects and
 * the sql_injection check on top of it. Every byte of the statement is
 * whitespace or inside exactly one token, tokens come in order and stay in
 * bounds; the analysis of any span, and a whole check with a slice of the
 * statement as the user's input, end without a memory error, and a span
 * that fires always spans tokens and names its rule. */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ma_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* 1 when in[0..n) may be opened as a query string (ma_qs_shape: an
 * optional '?', empty pairs, a first name of no white space that does not
 * begin with '-', then '='; the lead, session 34): its values are inputs
 * of their own (misc10; one pair with '=' in its value too since misc11). */
static int fuzz_sql_qs(const char *in, size_t n)
{
	size_t i = n && in[0] == '?';

	while (i < n && in[i] == '&')
		i++;
	if (i == n || in[i] == '-')
		return 0;
	while (i < n && (unsigned char)in[i] > ' ' && in[i] != '=' && in[i] != '&')
		i++;
	return i < n && (in[i] == '=' || in[i] == '&');
}

/* 1 when s holds in[0..n) with its ASCII letters folded to one case and
 * different from it: the check's lower/upper forms (the lead, session 34)
 * may occur where the raw bytes do not. */
static int fuzz_sql_folded(const char *s, size_t size, const char *in, size_t n)
{
	char *f = malloc(n ? n : 1);
	int hit = 0;

	if (!f)
		return 1;
	for (int up = 0; up < 2 && !hit; up++) {
		for (size_t i = 0; i < n; i++)
			f[i] = (char)(up ? toupper((unsigned char)in[i])
			                 : tolower((unsigned char)in[i]));
		hit = memcmp(f, in, n) != 0 && memmem(s, size, f, n) != NULL;
	}
	free(f);
	return hit;
}

/* -1 when the input has forms other than its raw bytes (decoded; trimmed:
 * a byte up to 0x20 or a possible Unicode space at either end, formsfix2;
 * collapsed: a control byte, two spaces or a possible Unicode space
 * inside, formsfix2; LIKE-escaped: a quote beside '_' or a backslash,
 * misc10, or a quote where the statement names an ESCAPE character,
 * misc11's like_escape form; quote-doubled, misc12; case-folded where
 * such a copy is in the statement), values inside it (a query string's
 * shape), or is one word (the check skips it), else 1 when v is what the
 * analysis of every place the input occurs says, 0 when it is not. */
static int fuzz_sql_agrees(int d, const char *s, size_t size, const char *in, size_t n, int v)
{
	int plain = 1, fired = 0;
	int quote = memchr(in, '\'', n) || memchr(in, '"', n) || memchr(in, '`', n);

	if (n && ((unsigned char)in[0] <= 0x20 || (unsigned char)in[n - 1] <= 0x20 ||
	          (unsigned char)in[0] >= 0x80 || (unsigned char)in[n - 1] >= 0x80))
		return -1;
	if (memmem(in, n, "  ", 2) || (quote && (memchr(in, '_', n) || memchr(in, '\\', n))))
		return -1;
	if (fuzz_sql_qs(in, n) || fuzz_sql_folded(s, size, in, n))
		return -1;
	for (size_t i = 0; quote && i + 6 <= size; i++)
		if ((s[i] | 32) == 'e' && strncasecmp(s + i, "escape", 6) == 0)
			return -1;

	for (size_t i = 0; i < n; i++) {
		char c = in[i];
		if (c == '%' || c == '+' || c == '&' || c == '\0' || (unsigned char)c < 0x20 ||
		    (unsigned char)c >= 0x80)
			return -1;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_'))
			plain = 0;
	}
	if (plain || n < 2)
		return -1;
	/* every place, as the check judges them (bound64) */
	for (size_t from = 0; from + n <= size && !fired;) {
		const char *at = memmem(s + from, size - from, in, n);
		struct ma_sql_hit hit;
		if (!at)
			break;
		ma_sql_analyse(d, s, size, (size_t)(at - s), (size_t)(at - s) + n, &hit);
		fired = hit.fired;
		from = (size_t)(at - s) + 1;
	}
	return fired == (v == MOAT_BLOCK);
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
				int v, bound;
				moat_request_add_input(r, MOAT_INPUT_QUERY, "q", s + a, n);
				v = moat_check_sql(r, d, s, size);
				if (v == MOAT_BLOCK && !moat_request_event(r))
					abort(); /* a block always has its event */
				/* the check's cost bound (MA_SQL_JUDGE_MAX, sqlcost):
				 * past it the check fails closed, which no place alone
				 * does (an input of tokens no rule knows, control
				 * bytes, at many overlapping places); an input past
				 * the window's 512 tokens whose rest is not inert
				 * fails closed at its place alone too (sqlfix). A
				 * comment the input's first byte opens after the
				 * application's - or / fires at its place alone, as
				 * in the check (sqlfix) */
				bound = v == MOAT_BLOCK && strcmp(moat_request_event(r)->rule,
				                                  "sqli.too_complex") == 0;
				moat_request_end(r);
				/* the check reads the statement's tokens once for all
				 * occurrences (and judges an attempt once): it decides
				 * as the analysis of each occurrence alone does */
				if (!bound && fuzz_sql_agrees(d, s, size, s + a, n, v) == 0)
					abort();
			}
		}
	}
	return 0;
}
