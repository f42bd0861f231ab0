/*
 * ma_path.c — the path_traversal check: does a user input make the path
 * it was put into leave the directory the application meant?
 *
 * The path is read the ways the layers under an application may read it:
 * as given, percent-decoded once, twice and three times (%2e, %252e,
 * %%32%65, %u002e), with the overlong UTF-8 forms of ASCII (C0 AE, E0 80
 * AE) and the full-width and look-alike dot and slashes taken for what
 * lenient decoders make of them, '/' and '\' both as separators, and a NUL
 * byte ending it (what C's open() sees). In each reading the dot segments
 * and duplicate separators are resolved lexically, and the check fires
 * when the part the application wrote (the path up to the input) is inside
 * the allowed base and the whole path is not:
 *   - with a base: the normalised path must be the base or below it;
 *   - without one (or when the path is relative to something else than
 *     the base): the input must stay below the directory it was put in,
 *     and an input that starts the path must not make it absolute.
 * An input that starts the path with a URL scheme or a PHP stream wrapper
 * (php://filter, file://, data:) fires too, and so does a NUL byte that an
 * input brings. With MOAT_PATH_RESOLVE and a base, symbolic links in the
 * part of the path that exists are resolved (realpath) as well.
 *
 * Pure unless MOAT_PATH_RESOLVE (system calls); the buffers live on the
 * caller's stack (about 10 KB); nothing is allocated unless a check fires.
 * Any thread.
 */
#include "ma_int.h"
#include "ma_path.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* 1 for the separators '/' and '\\' */
static const unsigned char ma_path_seps[256] = {['/'] = 1, ['\\'] = 1};

static int ma_path_sep(char c)
{
	return c == '/' || c == '\\';
}

static int ma_path_hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Writes the code point v as UTF-8 (v < 0x10000). */
static size_t ma_path_utf8(unsigned long v, char *out)
{
	if (v < 0x80) {
		out[0] = (char)v;
		return 1;
	}
	if (v < 0x800) {
		out[0] = (char)(0xC0 | (v >> 6));
		out[1] = (char)(0x80 | (v & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (v >> 12));
	out[1] = (char)(0x80 | ((v >> 6) & 0x3F));
	out[2] = (char)(0x80 | (v & 0x3F));
	return 3;
}

/* 1 when one of p's n bytes is >= 0xC0 (may start a Unicode form):
 * eight bytes at a time, a byte with its two top bits set. */
static int ma_path_has_lead(const char *p, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		if (x & (x << 1) & 0x8080808080808080ull)
			return 1;
	}
	for (; i < n; i++)
		if ((unsigned char)p[i] >= 0xC0)
			return 1;
	return 0;
}

size_t ma_path_decode(const char *in, size_t n, char *out, int pct)
{
	size_t o = 0, w = 0;

	if (!pct || !memchr(in, '%', n)) {
		/* no %-escape: the bytes as they are (in may be out) */
		memmove(out, in, n);
		o = n;
		n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c != '%') {
			/* a run without '%', copied at once */
			const char *pc = memchr(in + i, '%', n - i);
			size_t run = pc ? (size_t)(pc - (in + i)) : n - i;
			memmove(out + o, in + i, run); /* o <= i: in may be out */
			o += run;
			i += run - 1;
			continue;
		}
		if (pct && c == '%' && i + 2 < n && ma_path_hex((unsigned char)in[i + 1]) >= 0 &&
		    ma_path_hex((unsigned char)in[i + 2]) >= 0) {
			out[o++] = (char)(ma_path_hex((unsigned char)in[i + 1]) * 16 +
			                  ma_path_hex((unsigned char)in[i + 2]));
			i += 2;
		} else if (pct && c == '%' && i + 5 < n && (in[i + 1] == 'u' || in[i + 1] == 'U') &&
		           ma_path_hex((unsigned char)in[i + 2]) >= 0 &&
		           ma_path_hex((unsigned char)in[i + 3]) >= 0 &&
		           ma_path_hex((unsigned char)in[i + 4]) >= 0 &&
		           ma_path_hex((unsigned char)in[i + 5]) >= 0) {
			unsigned long v = 0;
			for (int k = 2; k < 6; k++)
				v = v * 16 + (unsigned long)ma_path_hex((unsigned char)in[i + k]);
			/* %uXXXX takes 6 bytes and gives at most 3 */
			o += ma_path_utf8(v, out + o);
			i += 5;
		} else {
			out[o++] = (char)c;
		}
	}
	if (!ma_path_has_lead(out, o))
		return o;
	/* now the Unicode forms, in place (only bytes >= 0xC0 start one) */
	for (size_t i = 0; i < o; i++) {
		if ((unsigned char)out[i] < 0xC0) {
			out[w++] = out[i];
			continue;
		}
		unsigned char c = (unsigned char)out[i];
		unsigned char c1 = i + 1 < o ? (unsigned char)out[i + 1] : 0;
		unsigned char c2 = i + 2 < o ? (unsigned char)out[i + 2] : 0;
		unsigned char c3 = i + 3 < o ? (unsigned char)out[i + 3] : 0;
		if ((c == 0xC0 || c == 0xC1) && (c1 & 0xC0) == 0x80) {
			out[w++] = (char)(((c & 1) << 6) | (c1 & 0x3F));
			i++;
		} else if (c == 0xE0 && (c1 & 0xE0) == 0x80 && (c2 & 0xC0) == 0x80 &&
		           ((c1 & 0x3F) >> 1) == 0) { /* E0 80/81 xx: overlong ASCII */
			out[w++] = (char)(((c1 & 0x3F) << 6) | (c2 & 0x3F));
			i += 2;
		} else if (c == 0xF0 && c1 == 0x80 && c2 == 0x80 && (c3 & 0xC0) == 0x80) {
			out[w++] = (char)(c3 & 0x3F);
			i += 3;
		} else if (c == 0xEF && c1 == 0xBC && (c2 == 0x8E || c2 == 0x8F || c2 == 0xBC)) {
			out[w++] = c2 == 0x8E   ? '.'
			           : c2 == 0x8F ? '/'
			                        : '\\'; /* U+FF0E FF0F FF3C */
			i += 2;
		} else if (c == 0xE2 && c1 == 0x88 && (c2 == 0x95 || c2 == 0x96)) {
			out[w++] = c2 == 0x95 ? '/' : '\\'; /* U+2215 U+2216 */
			i += 2;
		} else {
			out[w++] = (char)c;
		}
	}
	return w;
}

void ma_path_normalise(const char *p, size_t n, struct ma_path_norm *o)
{
	size_t i = 0;

	o->kind = MA_PATH_RELATIVE;
	o->drive = 0;
	o->up = o->above_root = o->depth = o->nul = 0;
	{
		const char *z = memchr(p, '\0', n);
		if (z) {
			n = (size_t)(z - p);
			o->nul = 1;
		}
	}
	if (n >= 2 && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) &&
	    p[1] == ':') {
		o->kind = MA_PATH_DRIVE;
		o->drive = (char)(p[0] & ~0x20);
		i = 2;
	} else if (n && ma_path_sep(p[0])) {
		o->kind = MA_PATH_ROOTED;
	}
	while (i < n) {
		size_t s, l;
		while (i < n && ma_path_sep(p[i]))
			i++;
		s = i;
		while (i < n && !ma_path_seps[(unsigned char)p[i]])
			i++;
		l = i - s;
		if (l == 0 || (l == 1 && p[s] == '.'))
			continue;
		if (l == 2 && p[s] == '.' && p[s + 1] == '.') {
			if (o->depth > 0)
				o->depth--;
			else if (o->kind == MA_PATH_RELATIVE)
				o->up++;
			else
				o->above_root++;
			continue;
		}
		if (o->depth < MA_PATH_SEGS) {
			o->seg[o->depth][0] = (uint16_t)s;
			o->seg[o->depth][1] = (uint16_t)l;
		}
		o->depth++;
	}
}

int ma_path_inside(const struct ma_path_norm *base, const char *btext,
                   const struct ma_path_norm *path, const char *ptext)
{
	if (base->kind != path->kind || path->up != base->up || path->depth < base->depth)
		return 0;
	if (base->kind == MA_PATH_DRIVE && base->drive != path->drive)
		return 0;
	for (int i = 0; i < base->depth && i < MA_PATH_SEGS; i++)
		if (base->seg[i][1] != path->seg[i][1] ||
		    memcmp(btext + base->seg[i][0], ptext + path->seg[i][0], base->seg[i][1]) != 0)
			return 0;
	return 1;
}

/* A URL scheme or stream wrapper at the start of s: "php://", "file:",
 * "data:" ... (two letters at least: C: is a drive). */
static int ma_path_scheme(const char *s, size_t n)
{
	static const char *const wrappers[] = {
	    "php:",  "file:", "data:", "expect:", "phar:",     "zip:", "glob:",
	    "zlib:", "rar:",  "ogg:",  "ssh2.",   "compress.", NULL};
	size_t i = 0;

	for (int k = 0; wrappers[k]; k++) {
		size_t l = strlen(wrappers[k]);
		if (n >= l && strncasecmp(s, wrappers[k], l) == 0)
			return 1;
	}
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	                 (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
	                            s[i] == '.'))))
		i++;
	return i >= 2 && i + 2 < n && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/';
}

/* The directory the application wrote: P without a segment the input
 * continues (the text before the input does not end with a separator). */
static void ma_path_prefix_dir(struct ma_path_norm *pn, const char *pre, size_t n)
{
	if (n && !ma_path_sep(pre[n - 1]) && pn->depth > 0) {
		size_t s = 0;
		/* the last segment is partial only if it is the text's tail */
		if (pn->depth <= MA_PATH_SEGS)
			s = pn->seg[pn->depth - 1][0] + pn->seg[pn->depth - 1][1];
		if (s == n || pn->depth > MA_PATH_SEGS)
			pn->depth--;
	}
}

#define MA_PATH_ROUNDS 4 /* as given, then decoded once, twice, three times */

static void ma_path_set(struct ma_path_hit *hit, const char *rule, const char *sev, double c)
{
	hit->fired = 1;
	hit->rule = rule;
	hit->sev = sev;
	hit->confidence = c;
}

/* With a base and MOAT_PATH_RESOLVE: 1 when the existing part of the path,
 * symbolic links resolved, is outside the resolved base. */
static int ma_path_symlink_escape(const char *path, size_t len, const char *base)
{
	char p[PATH_MAX], rb[PATH_MAX], rp[PATH_MAX];
	size_t n = len < sizeof p - 1 ? len : sizeof p - 1, bl;

	if (memchr(path, '\0', len) || !realpath(base, rb))
		return 0;
	memcpy(p, path, n);
	p[n] = '\0';
	/* the longest prefix that exists */
	while (n > 0) {
		if (realpath(p, rp))
			break;
		while (n > 0 && p[n - 1] != '/')
			n--;
		while (n > 1 && p[n - 1] == '/')
			n--;
		p[n] = '\0';
	}
	if (n == 0)
		return 0;
	bl = strlen(rb);
	if (bl == 1)
		return 0; /* the base is / */
	return !(strncmp(rp, rb, bl) == 0 && (rp[bl] == '\0' || rp[bl] == '/'));
}

void ma_path_analyse(const char *path, size_t len, size_t a, size_t b, const char *base, int flags,
                     struct ma_path_hit *hit)
{
	char full[MA_PATH_MAX], pre[MA_PATH_MAX];
	struct ma_path_norm fn, pn, bn;
	size_t fl, pl;
	const char *fsrc = path, *psrc = path;
	int nul = 0;

	memset(hit, 0, sizeof *hit);
	if (len > MA_PATH_MAX)
		len = MA_PATH_MAX;
	if (b > len)
		b = len;
	if (a >= b)
		return;
	if (base)
		ma_path_normalise(base, strnlen(base, MA_PATH_MAX), &bn);
	if (a == 0 && ma_path_scheme(path, len)) {
		ma_path_set(hit, "path.wrapper", "high", 0.9);
		return;
	}
	fl = len;
	pl = a;
	for (int r = 0; r < MA_PATH_ROUNDS; r++) {
		const struct ma_path_norm *anchor;
		const char *atext;
		int escaped;
		/* this reading of the path, of the application's part and of the input */
		if (r > 0 && !memchr(fsrc, '%', fl))
			break;
		fl = ma_path_decode(fsrc, fl, full, r > 0);
		pl = ma_path_decode(psrc, pl, pre, r > 0);
		fsrc = full;
		psrc = pre;
		/* a NUL after the application's part: the input brought it */
		if (pl <= fl && memchr(full + pl, '\0', fl - pl))
			nul = 1;
		ma_path_normalise(full, fl, &fn);
		ma_path_normalise(pre, pl, &pn);
		ma_path_prefix_dir(&pn, pre, pl);
		if (base && (bn.kind == fn.kind || (a == 0 && fn.kind != MA_PATH_RELATIVE))) {
			if (a > 0 && !ma_path_inside(&bn, base, &pn, pre))
				continue; /* the application's own part is outside: not the input */
			anchor = &bn;
			atext = base;
		} else {
			anchor = &pn;
			atext = pre;
		}
		escaped = !ma_path_inside(anchor, atext, &fn, full) ||
		          (fn.above_root && fn.kind != MA_PATH_RELATIVE && a > 0);
		if (escaped) {
			if (a == 0 && fn.kind != MA_PATH_RELATIVE)
				ma_path_set(hit, "path.absolute", "high", 0.85);
			else if (r == 0)
				ma_path_set(hit, "path.traversal", "high", 0.95);
			else
				ma_path_set(hit, "path.encoded_traversal", "high", 0.95);
			return;
		}
	}
	if (nul) {
		ma_path_set(hit, "path.nul_byte", "medium", 0.9);
		return;
	}
	if (base && (flags & MOAT_PATH_RESOLVE) && ma_path_symlink_escape(path, len, base))
		ma_path_set(hit, "path.symlink", "high", 0.85);
}

/* 0 when no reading of v can hold a separator, a dot, a drive, a scheme
 * or a NUL: such an input only adds letters to a name. */
static int ma_path_may_move(const char *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '.' || c == '/' || c == '\\' || c == '%' || c == ':' || c == 0 ||
		    c >= 0xC0)
			return 1;
	}
	return 0;
}

/* What moat_check_path_at's callbacks share. */
struct ma_path_scan {
	const char *path, *base;
	size_t len;
	int flags;
};

static int ma_path_skip_input(void *ctx, const struct ma_input *in)
{
	const struct ma_path_scan *c = ctx;
	/* letters, digits and _ make no separator, dot or drive */
	return in->plain && !(c->flags & MOAT_PATH_RESOLVE);
}

static int ma_path_skip_form(void *ctx, const char *v, size_t vl)
{
	const struct ma_path_scan *c = ctx;
	return !(c->flags & MOAT_PATH_RESOLVE) && !ma_path_may_move(v, vl);
}

static int ma_path_scan_analyse(void *ctx, size_t a, size_t b, struct ma_scan_hit *out)
{
	const struct ma_path_scan *c = ctx;
	struct ma_path_hit hit;

	ma_path_analyse(c->path, c->len, a, b, c->base, c->flags, &hit);
	if (!hit.fired)
		return 0;
	out->rule = hit.rule;
	out->sev = hit.sev;
	out->confidence = hit.confidence;
	return 1;
}

int moat_check_path_at(struct moat_request *r, const char *path, size_t len, const char *base,
                       int flags, const char *file, int line, const char *function)
{
	struct ma_path_scan c;
	size_t nin;

	if (!r || !path)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(path);
	(void)ma_request_inputs(r, &nin);
	if (nin == 0 || ma_request_mode(r, "path_traversal", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	c.path = path;
	c.base = base;
	c.len = len;
	c.flags = flags;
	struct ma_scan s = {
	    .interceptor = "path_traversal",
	    .text = path,
	    .len = len,
	    .max_occ = 16,
	    .skip_input = ma_path_skip_input,
	    .skip_form = ma_path_skip_form,
	    .analyse = ma_path_scan_analyse,
	    .ctx = &c,
	    .operation = path,
	    .operation_len = len,
	    .extra_key = base ? "base" : NULL,
	    .extra_value = base,
	    .file = file,
	    .line = line,
	    .function = function,
	};
	return ma_request_scan(r, &s);
}
