/* libmoatagent: the path normaliser and the path_traversal check — dot
 * segments, absolute paths, drives, wrappers and NUL bytes from an input,
 * with and without a base; the bypass families (URL, double and triple
 * encoding, %u, overlong UTF-8, full-width dots and slashes, backslashes,
 * mixed case of hex); symbolic links with MOAT_PATH_RESOLVE; and the paths
 * that must pass: names with spaces, dots inside names, unicode. */
#include "agent_path_ref.h"
#include "agent_test.h"
#include "ma_path.h"

#include <ctype.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_BLOCK "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}}}"
#define BASE       "/srv/app/uploads"

static const struct moat_policy *pol;

static int group_setup(void **state)
{
	(void)state;
	pol = moat_policy_parse(PATH_BLOCK, 1, NULL, 0);
	return pol ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	moat_policy_release(pol);
	return 0;
}

/* The verdict for path = head + input (n bytes) + tail, checked against
 * base, with input as the request's input. */
static int pathn(const char *head, const char *input, size_t n, const char *tail, const char *base,
                 int flags)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/files", .policy = pol};
	struct moat_request *r = NULL;
	char p[8192];
	size_t hl = strlen(head), tl = strlen(tail);
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "name", input, n), 0);
	memcpy(p, head, hl);
	memcpy(p + hl, input, n);
	memcpy(p + hl + n, tail, tl);
	v = moat_check_path(r, p, hl + n + tl, base, flags);
	if (v == MOAT_BLOCK) {
		const struct moat_event *ev = moat_request_event(r);
		assert_non_null(ev);
		assert_string_equal(ev->interceptor, "path_traversal");
		assert_non_null(ev->rule);
		assert_non_null(strstr(ev->details_json, "query.name"));
	}
	moat_request_end(r);
	return v;
}

#define joined(in) pathn(BASE "/", (in), strlen(in), "", BASE, 0)
#define nobase(in) pathn("templates/", (in), strlen(in), "", NULL, 0)
#define whole(in)  pathn("", (in), strlen(in), "", BASE, 0)

static const char *norm(const char *p, char *out)
{
	struct ma_path_norm n;
	size_t o = 0;

	ma_path_normalise(p, strlen(p), &n);
	o += (size_t)snprintf(out, 64, "%d:%d:", n.kind, n.up);
	for (int i = 0; i < n.depth; i++)
		o += (size_t)snprintf(out + o, 256 - o, "/%.*s", n.seg[i][1], p + n.seg[i][0]);
	return out;
}

static void the_normaliser_resolves_dot_segments(void **state)
{
	char b[256], d[64];

	(void)state;
	assert_string_equal(norm("/a/./b//c/../d", b), "1:0:/a/b/d");
	assert_string_equal(norm("a/../../b", b), "0:1:/b");
	assert_string_equal(norm("..\\..\\win.ini", b), "0:2:/win.ini");
	assert_string_equal(norm("C:\\x\\..\\y", b), "2:0:/y");
	assert_string_equal(norm("a/..md/...", b), "0:0:/a/..md/...");
	/* decoding: %2e, %u002e, overlong and full-width forms */
	assert_int_equal(ma_path_decode("%2e%2E%2f", 9, d, 1), 3);
	assert_memory_equal(d, "../", 3);
	assert_int_equal(ma_path_decode("%u002e%u002E", 12, d, 1), 2);
	assert_memory_equal(d, "..", 2);
	assert_int_equal(ma_path_decode("\xc0\xae\xe0\x80\xae\xc0\xaf", 7, d, 0), 3);
	assert_memory_equal(d, "../", 3);
	assert_int_equal(ma_path_decode("\xef\xbc\x8e\xef\xbc\x8e\xef\xbc\x8f", 9, d, 0), 3);
	assert_memory_equal(d, "../", 3);
	assert_int_equal(ma_path_decode("%2", 2, d, 1), 2); /* not an escape */
}

/* The reference the normaliser is held to: the plain byte-at-a-time
 * reading of its definition in ma_path.h (the decoder's is
 * agent_path_ref.h's ref_path_decode). */
static void ref_normalise(const char *p, size_t n, struct ma_path_norm *o)
{
	size_t i = 0;

	memset(o, 0, sizeof *o);
	for (size_t k = 0; k < n; k++)
		if (p[k] == '\0') { /* the first NUL ends it */
			n = k;
			o->nul = 1;
			break;
		}
	if (n >= 2 && isalpha((unsigned char)p[0]) && p[1] == ':') {
		o->kind = MA_PATH_DRIVE;
		o->drive = (char)toupper((unsigned char)p[0]);
		i = 2;
	} else if (n >= 1 && (p[0] == '/' || p[0] == '\\')) {
		o->kind = MA_PATH_ROOTED;
	}
	while (i < n) {
		size_t s = i;
		while (i < n && p[i] != '/' && p[i] != '\\')
			i++;
		if (i - s == 2 && p[s] == '.' && p[s + 1] == '.') {
			if (o->depth > 0)
				o->depth--;
			else if (o->kind == MA_PATH_RELATIVE)
				o->up++;
			else
				o->above_root++;
		} else if (i > s && !(i - s == 1 && p[s] == '.')) {
			if (o->depth < MA_PATH_SEGS) {
				o->seg[o->depth][0] = (uint16_t)s;
				o->seg[o->depth][1] = (uint16_t)(i - s);
			}
			o->depth++;
		}
		i++; /* the separator */
	}
}

/* x and y agree on the counts and on the first keep places */
static void norm_equal_keep(const struct ma_path_norm *x, const struct ma_path_norm *y, int keep)
{
	assert_int_equal(x->kind, y->kind);
	assert_int_equal(x->drive, y->drive);
	assert_int_equal(x->up, y->up);
	assert_int_equal(x->above_root, y->above_root);
	assert_int_equal(x->depth, y->depth);
	assert_int_equal(x->nul, y->nul);
	for (int i = 0; i < x->depth && i < keep && i < MA_PATH_SEGS; i++) {
		assert_int_equal(x->seg[i][0], y->seg[i][0]);
		assert_int_equal(x->seg[i][1], y->seg[i][1]);
	}
}

static void norm_equal(const struct ma_path_norm *x, const struct ma_path_norm *y)
{
	assert_int_equal(x->kind, y->kind);
	assert_int_equal(x->drive, y->drive);
	assert_int_equal(x->up, y->up);
	assert_int_equal(x->above_root, y->above_root);
	assert_int_equal(x->depth, y->depth);
	assert_int_equal(x->nul, y->nul);
	for (int i = 0; i < x->depth && i < MA_PATH_SEGS; i++) {
		assert_int_equal(x->seg[i][0], y->seg[i][0]);
		assert_int_equal(x->seg[i][1], y->seg[i][1]);
	}
}

static uint64_t rnd_state = 0x9E3779B97F4A7C15ull;

static unsigned rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

/* A random path of n bytes from the bytes that matter to the decoder and
 * the normaliser: separators, dots, escapes, lead and continuation bytes,
 * drives, NUL; sometimes long runs of one kind (names past 64 bytes,
 * hundreds of one-byte segments). */
static size_t rnd_path(char *p, size_t cap)
{
	static const char alpha[] = "//\\..aZ:C%%2eEfF5cu0\xc0\xc1\xae\xaf\xe0\x80\xef\xbc\x8e"
	                            "\x8f\xe2\x88\x95\xf0";
	size_t n = rnd(4) == 0 ? rnd((unsigned)cap) : rnd(300);

	for (size_t i = 0; i < n; i++) {
		unsigned mode = rnd(40);
		if (mode == 0 && i + 80 < n) { /* a long name */
			size_t l = 60 + rnd(20);
			memset(p + i, 'n', l);
			i += l - 1;
		} else if (mode == 1 && i + 200 < n) { /* many short segments */
			for (size_t k = 0; k < 200; k += 2) {
				p[i + k] = rnd(4) ? 'd' : '.';
				p[i + k + 1] = '/';
			}
			i += 199;
		} else if (mode == 2 && i + 900 < n) { /* deeper than the places kept */
			for (size_t k = 0; k < 900; k += 3) {
				p[i + k] = 'd';
				p[i + k + 1] = rnd(50) ? 'e' : '.';
				p[i + k + 2] = rnd(2) ? '/' : '\\';
			}
			i += 899;
		} else if (mode == 3 && i + 300 < n) { /* names, "." and ".." at any offset */
			static const char *const segs[] = {"..", ".", "d", "de", "...", ".d"};
			size_t k = 0;
			while (k < 290) {
				const char *g = segs[rnd(6)];
				memcpy(p + i + k, g, strlen(g));
				k += strlen(g);
				p[i + k++] = rnd(3) ? '/' : '\\';
				if (rnd(8) == 0)
					p[i + k++] = '/';
			}
			i += k - 1;
		} else {
			p[i] = rnd(200) == 0 ? '\0' : alpha[rnd(sizeof alpha - 1)];
		}
	}
	return n;
}

/* A Unicode form at every distance from an escape before it and after
 * it, in runs long enough to be moved at once, as given and in place. */
static void unicode_forms_at_every_distance_from_escapes_decode(void **state)
{
	static const char *const forms[] = {"\xc0\xae", "\xe0\x80\xaf", "\xef\xbc\x8f",
	                                    "%c0%ae",   "%uff0e",       "\xc1"};
	char p[256], d[256];
	unsigned char r[256];

	(void)state;
	for (size_t k = 0; k < 48; k++)
		for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
			for (int esc = 0; esc < 3; esc++) {
				size_t n = 0, l;
				const char *e = esc == 0 ? "" : esc == 1 ? "%2e" : "%x";
				memcpy(p + n, e, strlen(e));
				n += strlen(e);
				memset(p + n, 'a', k);
				n += k;
				memcpy(p + n, forms[f], strlen(forms[f]));
				n += strlen(forms[f]);
				memset(p + n, 'b', 20);
				n += 20;
				for (int pct = 0; pct < 2; pct++) {
					l = ref_path_decode((const unsigned char *)p, n, r, pct);
					assert_int_equal(ma_path_decode(p, n, d, pct), l);
					assert_memory_equal(d, r, l);
					memcpy(d, p, n);
					assert_int_equal(ma_path_decode(d, n, d, pct), l);
					assert_memory_equal(d, r, l);
				}
			}
}

/* %C0 or %C1 and an escaped continuation byte (the overlong form of an
 * ASCII byte, decoded with the escapes) read as the two passes read them:
 * each second byte, at every distance from the text's end, after a raw
 * lead byte and before raw continuation bytes. */
static void escaped_overlong_forms_decode_as_the_unicode_pass_does(void **state)
{
	static const char *const leads[] = {"%c0", "%C1", "%c1", "%c2", "%e0"};
	static const char *const seconds[] = {"%80", "%af", "%AF", "%bf", "%7f",  "%c0",
	                                      "%2f", "%a",  "%",   "",    "\xae", "%ae%ae"};
	static const char *const befores[] = {"", "a", "\xe2", "\xe0\x80", "%25"};
	char p[128], d[128];
	unsigned char r[128];

	(void)state;
	for (size_t li = 0; li < sizeof leads / sizeof leads[0]; li++)
		for (size_t si = 0; si < sizeof seconds / sizeof seconds[0]; si++)
			for (size_t bi = 0; bi < sizeof befores / sizeof befores[0]; bi++)
				for (size_t tail = 0; tail < 5; tail++) {
					size_t n = 0, l;
					n += (size_t)snprintf(p + n, sizeof p - n, "%s%s%s",
					                      befores[bi], leads[li], seconds[si]);
					memset(p + n, tail & 1 ? '\x8e' : 'b', tail);
					n += tail;
					for (int pct = 0; pct < 2; pct++) {
						l = ref_path_decode((const unsigned char *)p, n, r,
						                    pct);
						assert_int_equal(ma_path_decode(p, n, d, pct), l);
						assert_memory_equal(d, r, l);
					}
				}
	/* as an input: one reading climbs */
	assert_int_equal(joined("..%c0%af..%c0%af..%c0%af..%c0%af"), MOAT_BLOCK);
	assert_int_equal(joined("a%c0%afb"), MOAT_ALLOW);
	assert_int_equal(joined("..%c0%2f..%c0%2f..%c0%2f..%c0%2f"), MOAT_ALLOW);
}

/* Under a deep directory an input is judged by how far it climbs, on
 * both sides of the depth where the rest of the path can no longer reach
 * the base (the normaliser then stops counting): k climbs under d
 * directories leave the base when k > d. */
static void deep_directories_are_left_only_by_as_many_climbs(void **state)
{
	static char head[4096], in[4096];
	static const char *const ups[] = {"../", "%2e%2e/", "..%c0%af", "..\\"};

	(void)state;
	for (int d = 0; d <= 140; d += d < 12 ? 1 : 16)
		for (int k = d - 3; k <= d + 3; k++) {
			size_t o, l;
			if (k < 1)
				continue;
			for (size_t u = 0; u < sizeof ups / sizeof ups[0]; u++) {
				o = (size_t)snprintf(head, sizeof head, "%s/", BASE);
				for (int i = 0; i < d; i++)
					o += (size_t)snprintf(head + o, sizeof head - o, "d/");
				l = 0;
				for (int i = 0; i < k; i++)
					l += (size_t)snprintf(in + l, sizeof in - l, "%s", ups[u]);
				assert_int_equal(pathn(head, in, l, "", BASE, 0),
				                 k > d ? MOAT_BLOCK : MOAT_ALLOW);
				assert_int_equal(pathn(head, in, l, "x/y", BASE, 0),
				                 k > d ? MOAT_BLOCK : MOAT_ALLOW);
				/* without a base: the input's own names, then k climbs */
				l = 0;
				for (int i = 0; i < d; i++)
					l += (size_t)snprintf(in + l, sizeof in - l, "n/");
				for (int i = 0; i < k; i++)
					l += (size_t)snprintf(in + l, sizeof in - l, "%s", ups[u]);
				assert_int_equal(pathn(head + 1, in, l, "", NULL, 0),
				                 k > d ? MOAT_BLOCK : MOAT_ALLOW);
			}
		}
}

static void the_decoder_and_normaliser_match_their_references(void **state)
{
	static char p[MA_PATH_MAX], d[MA_PATH_MAX];
	static unsigned char r[MA_PATH_MAX];
	struct ma_path_norm x, y, xp, yp;

	(void)state;
	for (int t = 0; t < 4000; t++) {
		size_t n = rnd_path(p, MA_PATH_MAX), k = n ? rnd((unsigned)n + 1) : 0;
		for (int pct = 0; pct < 2; pct++) {
			size_t dl = ma_path_decode(p, n, d, pct);
			assert_int_equal(dl, ref_path_decode((const unsigned char *)p, n, r, pct));
			assert_memory_equal(d, r, dl);
			/* in place, as the readings decode */
			memcpy(d, p, n);
			assert_int_equal(ma_path_decode(d, n, d, pct), dl);
			assert_memory_equal(d, r, dl);
		}
		ma_path_normalise(p, n, &x);
		ref_normalise(p, n, &y);
		norm_equal(&x, &y);
		/* the places of the first keep segments only: the counts exact */
		{
			static const int keeps[] = {0, 1, 2, 4, 63, 64, 65, 255, 256};
			int keep = t % 2 ? keeps[rnd(9)] : (int)rnd(300);
			memset(&x, 0x5A, sizeof x); /* stale places must not count */
			ma_path_normalise_keep(p, n, keep, &x);
			norm_equal_keep(&x, &y, keep);
		}
		/* the two at once: a prefix and the whole */
		ma_path_normalise2(p, n, k, &x, &xp);
		ref_normalise(p, k, &yp);
		norm_equal(&x, &y);
		norm_equal(&xp, &yp);
	}
}

/* "." and ".." at every place around the 64-byte blocks' edges, the text
 * ending there too, with bytes after the text that must not be read as
 * separators or dots. */
static void dot_segments_at_block_edges_resolve(void **state)
{
	static const char *const tails[] = {"/.",   "/..",  "/../x",  "/./x",  "/.x",
	                                    "/..x", "//..", "\\..\\", "/x/..", "/x/."};
	char p[512];
	struct ma_path_norm x, y;

	(void)state;
	for (size_t l = 0; l < 200; l++)
		for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++)
			for (int after = 0; after < 3; after++) {
				size_t n;
				memset(p, 'd', l);
				memcpy(p + l, tails[t], strlen(tails[t]));
				n = l + strlen(tails[t]);
				/* what follows the text: a name, a dot, a separator */
				memset(p + n, "x./"[after], 4);
				for (int keep = 0; keep <= MA_PATH_SEGS; keep += MA_PATH_SEGS) {
					ma_path_normalise_keep(p, n, keep, &x);
					ref_normalise(p, n, &y);
					norm_equal_keep(&x, &y, keep);
				}
			}
}

static int ref_may_move(const char *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '.' || c == '/' || c == '\\' || c == '%' || c == ':' || c == 0 ||
		    c >= 0xC0)
			return 1;
	}
	return 0;
}

/* ma_path_may_move (sixteen bytes at a time, the last sixteen
 * overlapping) beside the byte-at-a-time reference: every byte value at
 * every place of inputs of 1 to 70 bytes of letters, and none. */
static void the_inputs_judged_are_those_that_may_move(void **state)
{
	char v[80];

	(void)state;
	for (size_t n = 0; n <= 70; n++) {
		memset(v, 'a' + (int)(n % 26), n);
		assert_int_equal(ma_path_may_move(v, n), 0);
		assert_int_equal(ref_may_move(v, n), 0);
		for (size_t at = 0; at < n; at++)
			for (int c = 0; c < 256; c++) {
				v[at] = (char)c;
				assert_int_equal(ma_path_may_move(v, n), ref_may_move(v, n));
				v[at] = 'a';
			}
	}
}

/* Blocks without a dot counted whole (ma_path_count_names): names of
 * every length up to past a block, runs of one and two separators of
 * both kinds, the text cut at every offset of its last blocks, a "." or
 * ".." or a dotted name at places that end the counting, beside the
 * reference with places kept for none, a few or all the segments. */
static void dotless_blocks_are_counted_by_their_runs(void **state)
{
	static const char *const seps[] = {"/", "\\", "//", "/\\", "\\\\/"};
	static const char *const dots[] = {"", "/./", "/../", "/a.b/", "/../../"};
	static const int keeps[] = {0, 1, 4, MA_PATH_SEGS};
	static char p[1024];
	struct ma_path_norm x, y;

	(void)state;
	for (size_t l = 1; l <= 70; l += (l < 20 ? 1 : 7))
		for (size_t s = 0; s < sizeof seps / sizeof seps[0]; s++)
			for (size_t d = 0; d < sizeof dots / sizeof dots[0]; d++) {
				size_t o = 0, at = 64 + (l * 37 + s * 11) % 500;
				memcpy(p, l % 2 ? "/r" : "q", 2);
				o = l % 2 ? 2 : 1;
				while (o < 900) {
					memset(p + o, 'n', l);
					o += l;
					memcpy(p + o, seps[s], strlen(seps[s]));
					o += strlen(seps[s]);
				}
				/* a dot (or none) at some block's place */
				memcpy(p + at, dots[d], strlen(dots[d]));
				for (size_t n = 800; n <= 900; n++)
					for (size_t k = 0; k < sizeof keeps / sizeof keeps[0];
					     k++) {
						memset(&x, 0x5A, sizeof x);
						ma_path_normalise_keep(p, n, keeps[k], &x);
						ref_normalise(p, n, &y);
						norm_equal_keep(&x, &y, keeps[k]);
					}
			}
}

/* Paths deeper than the segments kept, climbed back out of by the input:
 * the counts hold across the 64-byte blocks and the kept positions. */
static void deep_paths_are_counted_exactly(void **state)
{
	static char head[8192], in[4096];
	size_t o = 0, l = 0;

	(void)state;
	o = (size_t)snprintf(head, sizeof head, "%s/", BASE);
	for (int i = 0; i < 600; i++)
		o += (size_t)snprintf(head + o, sizeof head - o, "d%d/", i % 10);
	for (int i = 0; i < 600; i++)
		l += (size_t)snprintf(in + l, sizeof in - l, "../");
	assert_int_equal(pathn(head, in, l, "", BASE, 0), MOAT_ALLOW);
	assert_int_equal(pathn(head, in, l, "x", BASE, 0), MOAT_ALLOW);
	assert_int_equal(pathn(head, in, l, "../x", BASE, 0), MOAT_BLOCK);
	/* 608 climbs, some encoded, in a path of under 4 KB */
	o = (size_t)snprintf(head, sizeof head, "%s/", BASE);
	for (int i = 0; i < 600; i++)
		o += (size_t)snprintf(head + o, sizeof head - o, "d/");
	l = 0;
	for (int i = 0; i < 150; i++)
		l += (size_t)snprintf(in + l, sizeof in - l, "%%2e%%2e/");
	assert_int_equal(pathn(head, in, l, "", BASE, 0), MOAT_ALLOW);
	l += (size_t)snprintf(in + l, sizeof in - l, "../../../../../../");
	l += (size_t)snprintf(in + l, sizeof in - l, "%%2e%%2e/..%%c0%%af");
	for (int i = 0; i < 442; i++)
		l += (size_t)snprintf(in + l, sizeof in - l, "..\\");
	assert_int_equal(pathn(head, in, l, "", BASE, 0), MOAT_ALLOW);
	l += (size_t)snprintf(in + l, sizeof in - l, "..\\");
	assert_true(o + l < MA_PATH_MAX);
	assert_int_equal(pathn(head, in, l, "", BASE, 0), MOAT_BLOCK);
	/* without a base, the directory the application wrote is the anchor */
	assert_int_equal(pathn(head + 1, in, l, "", NULL, 0), MOAT_BLOCK);
}

static void traversal_from_an_input_fires(void **state)
{
	(void)state;
	assert_int_equal(joined("../../etc/passwd"), MOAT_BLOCK);
	assert_int_equal(joined("a/../../../etc/passwd"), MOAT_BLOCK);
	assert_int_equal(joined("..\\..\\windows\\win.ini"), MOAT_BLOCK);
	assert_int_equal(joined("....//....//etc/passwd"), MOAT_ALLOW); /* names, not dots */
	assert_int_equal(joined("../uploads2/x"), MOAT_BLOCK);          /* a sibling is outside */
	assert_int_equal(nobase("../../etc/passwd"), MOAT_BLOCK);
	assert_int_equal(pathn(BASE "/", "../x", 4, ".php", BASE, 0), MOAT_BLOCK);
	/* climbing above the root and coming back in is no accident */
	assert_int_equal(joined("../../../../../../srv/app/uploads/x"), MOAT_BLOCK);
}

static void encoded_forms_fire(void **state)
{
	(void)state;
	assert_int_equal(joined("%2e%2e%2f%2e%2e%2fetc%2fpasswd"), MOAT_BLOCK);
	assert_int_equal(joined("..%2F..%2Fetc%2Fpasswd"), MOAT_BLOCK);
	assert_int_equal(joined("%252e%252e%252fetc"), MOAT_BLOCK);
	assert_int_equal(joined("%25252e%25252e%25252f"), MOAT_BLOCK);
	assert_int_equal(joined("%%32%65%%32%65/etc"), MOAT_BLOCK);
	assert_int_equal(joined("..%c0%af..%c0%afetc"), MOAT_BLOCK);
	assert_int_equal(joined("%c0%ae%c0%ae/etc"), MOAT_BLOCK);
	assert_int_equal(joined("%e0%80%ae%e0%80%ae/etc"), MOAT_BLOCK);
	assert_int_equal(joined("%u002e%u002e%u2215etc"), MOAT_BLOCK);
	assert_int_equal(joined("\xef\xbc\x8e\xef\xbc\x8e/etc"), MOAT_BLOCK);
	assert_int_equal(joined("..%5c..%5cwindows"), MOAT_BLOCK);
}

static void absolute_paths_wrappers_and_nul_fire(void **state)
{
	(void)state;
	assert_int_equal(whole("/etc/passwd"), MOAT_BLOCK);
	assert_int_equal(whole("C:\\boot.ini"), MOAT_BLOCK);
	assert_int_equal(whole("\\\\evil\\share\\x"), MOAT_BLOCK);
	assert_int_equal(pathn("", "/etc/passwd", 11, "", NULL, 0), MOAT_BLOCK);
	assert_int_equal(pathn("", "../x", 4, "", NULL, 0), MOAT_BLOCK);
	assert_int_equal(whole(BASE "/ok.txt"), MOAT_ALLOW); /* absolute, inside */
	assert_int_equal(whole("php://filter/convert.base64-encode/resource=index"), MOAT_BLOCK);
	assert_int_equal(whole("file:///etc/passwd"), MOAT_BLOCK);
	assert_int_equal(whole("data:text/plain,x"), MOAT_BLOCK);
	/* a NUL cuts the extension the application adds */
	assert_int_equal(pathn(BASE "/", "x.txt\0", 6, ".php", BASE, 0), MOAT_BLOCK);
	assert_int_equal(pathn(BASE "/", "x.txt%00", 8, ".php", BASE, 0), MOAT_BLOCK);
	/* pasted after a directory, an absolute path stays inside */
	assert_int_equal(joined("/etc/passwd"), MOAT_ALLOW);
}

static void benign_paths_are_allowed(void **state)
{
	(void)state;
	assert_int_equal(joined("my holiday photo (1).jpg"), MOAT_ALLOW);
	assert_int_equal(joined("reports/2024/q1.pdf"), MOAT_ALLOW);
	assert_int_equal(joined("a/../b.txt"), MOAT_ALLOW); /* stays inside */
	assert_int_equal(joined("..md"), MOAT_ALLOW);
	assert_int_equal(joined(".hidden/...x"), MOAT_ALLOW);
	assert_int_equal(joined("100% done.txt"), MOAT_ALLOW);
	assert_int_equal(joined("Übersicht/日本語.txt"), MOAT_ALLOW);
	assert_int_equal(joined("docs/v1.2/a.md"), MOAT_ALLOW);
	assert_int_equal(nobase("emails/welcome.html"), MOAT_ALLOW);
	/* the application's own dots are not the input's */
	assert_int_equal(pathn(BASE "/../shared/", "a.txt", 5, "", BASE, 0), MOAT_ALLOW);
	assert_int_equal(pathn("/srv/app/../app/uploads/", "a.txt", 5, "", BASE, 0), MOAT_ALLOW);
}

static void symlinks_resolve_when_asked(void **state)
{
	char dir[] = "/tmp/moat-path-XXXXXX", base[128], link[160];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(base, sizeof base, "%s/base", dir);
	snprintf(link, sizeof link, "%s/out", base);
	assert_int_equal(mkdir(base, 0700), 0);
	assert_int_equal(symlink("/etc", link), 0);
	assert_int_equal(pathn(base, "/out/passwd", 11, "", base, 0), MOAT_ALLOW);
	assert_int_equal(pathn(base, "/out/passwd", 11, "", base, MOAT_PATH_RESOLVE), MOAT_BLOCK);
	assert_int_equal(pathn(base, "/new/file.txt", 13, "", base, MOAT_PATH_RESOLVE), MOAT_ALLOW);
	unlink(link);
	rmdir(base);
	rmdir(dir);
}

static void a_check_that_does_not_fire_allocates_nothing(void **state)
{
	struct moat_request_info ri = {.endpoint = "/x", .policy = pol};
	struct moat_request *r;
	const char *p = BASE "/reports/a%20b..c.pdf";

	(void)state;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_add_input(r, MOAT_INPUT_QUERY, "f", "reports/a%20b..c.pdf", 20);
	ma_alloc_fail_at(1);
	assert_int_equal(moat_check_path(r, p, (size_t)-1, BASE, 0), MOAT_ALLOW);
	assert_int_equal(moat_check_path(r, p, (size_t)-1, NULL, 0), MOAT_ALLOW);
	assert_false(ma_alloc_failed());
	ma_alloc_fail_at(0);
	moat_request_end(r);
	assert_int_equal(moat_check_path(NULL, "/etc/passwd", (size_t)-1, BASE, 0), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_normaliser_resolves_dot_segments),
	    cmocka_unit_test(the_decoder_and_normaliser_match_their_references),
	    cmocka_unit_test(unicode_forms_at_every_distance_from_escapes_decode),
	    cmocka_unit_test(escaped_overlong_forms_decode_as_the_unicode_pass_does),
	    cmocka_unit_test(deep_directories_are_left_only_by_as_many_climbs),
	    cmocka_unit_test(dot_segments_at_block_edges_resolve),
	    cmocka_unit_test(dotless_blocks_are_counted_by_their_runs),
	    cmocka_unit_test(the_inputs_judged_are_those_that_may_move),
	    cmocka_unit_test(deep_paths_are_counted_exactly),
	    cmocka_unit_test(traversal_from_an_input_fires),
	    cmocka_unit_test(encoded_forms_fire),
	    cmocka_unit_test(absolute_paths_wrappers_and_nul_fire),
	    cmocka_unit_test(benign_paths_are_allowed),
	    cmocka_unit_test(symlinks_resolve_when_asked),
	    cmocka_unit_test(a_check_that_does_not_fire_allocates_nothing),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
