/*
 * ma_path.h — libmoatagent's internal interface to the path normaliser and
 * the path_traversal analysis (ma_path.c), for its unit tests, fuzz target
 * and the detection benchmark. Not installed.
 */
#ifndef MA_PATH_H
#define MA_PATH_H

#include <stddef.h>
#include <stdint.h>

#define MA_PATH_MAX  4096 /* bytes of a path judged (PATH_MAX); the rest is cut */
#define MA_PATH_SEGS 256  /* segment positions kept; deeper ones are counted */

enum ma_path_kind {
	MA_PATH_RELATIVE = 0,
	MA_PATH_ROOTED = 1, /* /x, \x, //host/share */
	MA_PATH_DRIVE = 2,  /* C:\x, C:x */
};

/* A path after its dot segments and duplicate separators are resolved
 * lexically ('/' and '\' both separate). Segments point into the text it
 * was made from. */
struct ma_path_norm {
	int kind;       /* enum ma_path_kind */
	char drive;     /* MA_PATH_DRIVE: the letter, uppercase */
	int up;         /* MA_PATH_RELATIVE: leading ".." that climb above its start */
	int above_root; /* rooted: ".." that tried to climb above the root */
	int depth;      /* segments */
	int nul;        /* a NUL byte ended the path there */
	uint16_t seg[MA_PATH_SEGS][2]; /* start and length of the first segments */
};

/* Normalises p (n bytes, at most MA_PATH_MAX). No allocation. */
void ma_path_normalise(const char *p, size_t n, struct ma_path_norm *out);

/* ma_path_normalise with the places of the first keep segments only: the
 * counts (depth, up, above_root) and the first min(keep, MA_PATH_SEGS)
 * places are exact, those past keep may be stale (a block of the path
 * that cannot take the depth below keep is only counted). */
void ma_path_normalise_keep(const char *p, size_t n, int keep, struct ma_path_norm *out);

/* Both ma_path_normalise(p, n, full) and ma_path_normalise(p, k, pre) for
 * k <= n, in one pass over p: the segments before the prefix's last
 * separator are resolved once. */
void ma_path_normalise2(const char *p, size_t n, size_t k, struct ma_path_norm *full,
                        struct ma_path_norm *pre);

/* 1 when path (made from ptext) is base (made from btext) or below it. */
int ma_path_inside(const struct ma_path_norm *base, const char *btext,
                   const struct ma_path_norm *path, const char *ptext);

/* Decodes in (n bytes, at most MA_PATH_MAX: the rest is left out; in may
 * be out) into out (at least n bytes): %XX and %uXXXX when
 * pct, and always the overlong UTF-8 forms of ASCII (C0 AE is '.') and the
 * full-width and look-alike dot, slash and backslash (U+FF0E, U+FF0F,
 * U+FF3C, U+2215, U+2216). Returns the new length (never more than n). */
size_t ma_path_decode(const char *in, size_t n, char *out, int pct);

/* 0 when no reading of v (n bytes) can hold a separator, a dot, a drive,
 * a scheme or a NUL: none of '/', '\\', '.', '%', ':', NUL or a byte >=
 * 0xC0 (such an input only adds letters to a name and is not judged). */
int ma_path_may_move(const char *v, size_t n);

/* What a user input does at [a, b) of a path. */
struct ma_path_hit {
	int fired;
	const char *rule; /* static */
	const char *sev;  /* static */
	double confidence;
};
/* Judges [a, b) of path (len bytes) against base (NUL-terminated, may be
 * NULL). No allocation; flags MOAT_PATH_RESOLVE makes system calls. */
void ma_path_analyse(const char *path, size_t len, size_t a, size_t b, const char *base, int flags,
                     struct ma_path_hit *hit);

#endif
