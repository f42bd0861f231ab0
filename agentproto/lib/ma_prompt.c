/*
 * ma_prompt.c — the llm_prompt_injection check: a score from 0 to 1 for
 * the untrusted part of a prompt about to be sent to an LLM.
 *
 * The text is normalised (Unicode look-alikes folded to ASCII: fullwidth,
 * Cyrillic and Greek homoglyphs inside Latin words, mathematical and
 * circled letters; accents folded (ï -> i); zero-width characters, soft
 * hyphens and combining marks removed; lowercase; whitespace runs one
 * space; words really written in Cyrillic or Greek kept, lowercased) and
 * cut into words, each given its semantic classes from the lexicon
 * (ma_prompt_lex.c: override verbs, prior-instruction objects, persona
 * cues, secrecy and extraction targets, policy-evasion cues, output
 * forcing, in nine languages; leet digits read as letters when the word
 * is not known as it is). Phrase patterns over the classes, each with a
 * proximity window that never reaches over a sentence end or over the
 * user's own "my" ("ignore my previous message" is no override), give
 * weighted features in five families:
 *
 *   override    "ignore / forget ... previous ... instructions" (and the
 *               same in other languages), "ignore the document and say",
 *               "new instructions", "from now on", access-granted claims,
 *               output forcing ("say 'X' and nothing else")
 *   roleplay    persona switch ("you are now", "act as", DAN, developer /
 *               god mode, "no restrictions", "stay in character"),
 *               authority claims ("I am your developer"), fiction framing
 *               a request for forbidden output
 *   extraction  "print / reveal ... your / the hidden ... prompt /
 *               password", "what are your instructions", "the text
 *               above", "begin your reply with"
 *   delimiter   chat-template tokens, XML role tags, fake turns
 *               ("System:"), separator lines, floods of one token
 *   encoded     base64, hex (plain or spaced), binary and Morse runs decoded
 *               and scored again, rot13 (words rotated, scored again),
 *               mixed-script words, "decode ... and follow"
 *
 * plus instructions written in scripts without spaces (Chinese, Japanese,
 * Korean, Hindi, Arabic: "ignore" and "instructions" stems found in the
 * text), and payloads for the model's own output ("integrate the following
 * code into your solution" with a code block that talks to the network).
 *
 * Scale: each feature has a weight w in (0, 1), read as how surely it
 * alone marks an injection in a chat message; each pattern counts once,
 * and the score is their noisy-OR, 1 - prod(1 - w). The default threshold
 * 0.8 (MOAT_PROMPT_THRESHOLD) is reached by one strong feature (w >= 0.8:
 * "ignore all previous instructions", "print your system prompt") or by
 * two or three weaker ones together ("you are now X" 0.6 + "no rules"
 * 0.55 = 0.82); one weak feature alone ("act as" 0.4, "pretend to be"
 * 0.45) stays well under it. Long text is judged in windows of 2 KB
 * (256 bytes overlap); the score is the highest window's. The strongest
 * matched feature names the rule ("prompt.override" ...).
 *
 * Threads: any, one request at a time. No allocation: every buffer is on
 * the caller's stack (about 18 KB); an event is allocated only when the
 * check fires (ma_request_fire).
 */
#include "ma_int.h"
#include "ma_prompt.h"

#include <string.h>
#ifdef MA_PR_DEBUG
#include <stdio.h>
#endif

#define MA_PR_WIN     2048            /* input bytes judged at once; longer text in windows */
#define MA_PR_OVERLAP 256             /* windows overlap so a phrase on a boundary is seen */
#define MA_PR_NORM    (MA_PR_WIN + 8) /* normalised bytes of one window */
#define MA_PR_WORDS   1024            /* words of one window */
#define MA_PR_DECODED 1024            /* a base64 / hex / binary run decoded for a second look */
#define MA_PR_PATS    192             /* room for the patterns' seen flags */

static const char *const ma_pr_family[PF_N] = {"prompt.override", "prompt.roleplay",
                                               "prompt.extraction", "prompt.delimiter",
                                               "prompt.encoded"};

struct ma_pr_words {
	const char *t; /* the normalised text */
	int n;
	uint16_t s[MA_PR_WORDS];
	uint8_t l[MA_PR_WORDS];   /* length, 255 at most */
	uint8_t brk[MA_PR_WORDS]; /* 1: a sentence ends before this word */
	uint64_t k[MA_PR_WORDS];  /* classes */
	uint8_t h[MA_PR_WORDS];   /* ma_pr_h2() */
};

struct ma_pr_score {
	double score;
	double best; /* the strongest weight */
	int family;  /* its family */
	unsigned char seen[MA_PR_PATS];
	double group[4];     /* the strongest match of groups 'F'..'I' (added at the end) */
	int group_family[4]; /* its family */
};

/* Class bits the scorer uses directly (looked up once). */
struct ma_pr_kbits {
	uint64_t my, neg, ign, pw, secret, code, pwmod, r13, your, yourout, insert, following,
	    snippet, fiction, forbid, say;
};

static void ma_pr_add(struct ma_pr_score *sc, int family, double w)
{
	sc->score = 1.0 - (1.0 - sc->score) * (1.0 - w);
	if (w > sc->best) {
		sc->best = w;
		sc->family = family;
	}
}

static void ma_pr_score_init(struct ma_pr_score *sc)
{
	memset(sc, 0, sizeof *sc);
	sc->family = -1;
}

static uint64_t ma_pr_bit(const char *name)
{
	int c = ma_pr_lex_class(name);
	return c < 0 ? 0 : 1ull << c;
}

static void ma_pr_kbits_init(struct ma_pr_kbits *kb)
{
	kb->my = ma_pr_bit("MY");
	kb->neg = ma_pr_bit("NEG");
	kb->ign = ma_pr_bit("IGN");
	kb->pw = ma_pr_bit("PW");
	kb->secret = ma_pr_bit("SECRET");
	kb->code = ma_pr_bit("CODE");
	kb->pwmod = ma_pr_bit("PWMOD");
	kb->r13 = ma_pr_bit("R13");
	kb->your = ma_pr_bit("YOUR");
	kb->yourout = ma_pr_bit("YOUROUT");
	kb->insert = ma_pr_bit("INSERT");
	kb->following = ma_pr_bit("FOLLOWING");
	kb->snippet = ma_pr_bit("SNIPPET");
	kb->fiction = ma_pr_bit("FICTION");
	kb->forbid = ma_pr_bit("FORBID");
	kb->say = ma_pr_bit("SAY");
}

/* ---- normalisation ---- */

/* One code point from s (n > 0 bytes); *k its length. Invalid bytes come
 * back one by one as themselves. */
static uint32_t ma_pr_utf8(const unsigned char *s, size_t n, size_t *k)
{
	uint32_t c = s[0];
	size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	*k = 1;
	if (c < 0x80 || need == 0 || need >= n)
		return c;
	c &= 0x3F >> need;
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return s[0];
		c = (c << 6) | (s[i] & 0x3F);
	}
	*k = need + 1;
	return c;
}

/* The ASCII letter a look-alike code point stands for; 0 none, 1 drop it,
 * ' ' a space. */
static int ma_pr_fold(uint32_t c)
{
	static const char cyr_lo[] = "a\0\0\0\0e\0\0\0\0\0\0\0\0o\0pc\0y\0x";  /* U+0430.. */
	static const char cyr_up[] = "ab\0\0\0e\0\0\0\0km\0h\0op\0ct\0\0x";    /* U+0410.. */
	static const char grk_lo[] = "a\0\0\0e\0\0\0i\0k\0\0v\0o\0p\0\0tu\0x"; /* U+03B1.. */
	static const char grk_up[] = "ab\0\0ez\0\0i\0k\0mn\0o\0p\0\0ty\0x";    /* U+0391.. */

	if (c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
	    c == 0xFEFF || c == 0x180E || (c >= 0x0300 && c <= 0x036F) ||
	    (c >= 0xFE00 && c <= 0xFE0F))
		return 1;
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
		return ' ';
	if (c >= 0xFF01 && c <= 0xFF5E)
		return (int)(c - 0xFEE0);
	if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
		return '\'';
	if (c == 0x201C || c == 0x201D)
		return '"';
	if (c >= 0x0430 && c < 0x0430 + sizeof cyr_lo - 1)
		return cyr_lo[c - 0x0430];
	if (c >= 0x0410 && c < 0x0410 + sizeof cyr_up - 1)
		return cyr_up[c - 0x0410];
	if (c >= 0x03B1 && c < 0x03B1 + sizeof grk_lo - 1)
		return grk_lo[c - 0x03B1];
	if (c >= 0x0391 && c < 0x0391 + sizeof grk_up - 1)
		return grk_up[c - 0x0391];
	if (c == 0x0456 || c == 0x0406)
		return 'i';
	if (c == 0x0455 || c == 0x0405)
		return 's';
	if (c == 0x0458 || c == 0x0408)
		return 'j';
	if (c == 0x0501)
		return 'd';
	if (c == 0x0261)
		return 'g';
	if (c >= 0x1D400 && c <= 0x1D6A3)
		return 'a' + (int)((c - 0x1D400) % 26);
	if (c >= 0x24B6 && c <= 0x24CF)
		return 'a' + (int)(c - 0x24B6);
	if (c >= 0x24D0 && c <= 0x24E9)
		return 'a' + (int)(c - 0x24D0);
	if (c >= 0x1F130 && c <= 0x1F149)
		return 'a' + (int)(c - 0x1F130);
	if (c >= 0x1F150 && c <= 0x1F169)
		return 'a' + (int)(c - 0x1F150);
	if (c >= 0x1F170 && c <= 0x1F189)
		return 'a' + (int)(c - 0x1F170);
	if (c >= 0x1F1E6 && c <= 0x1F1FF)
		return 'a' + (int)(c - 0x1F1E6);
	return 0;
}

/* An accented Latin letter (U+00C0..U+017F) as its ASCII letter, or 0. */
static int ma_pr_latin(uint32_t c)
{
	/* U+00C0..U+00FF, then U+0100..U+017F; '.' for no letter */
	static const char l1[] = "aaaaaaaceeeeiiiidnooooo.ouuuuyts"
	                         "aaaaaaaceeeeiiiidnooooo.ouuuuyty";
	static const char la[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkk"
	                         "llllllllllnnnnnnnnnoooooooorrrrrrsssssssstttttt"
	                         "uuuuuuuuuuuuwwyyyzzzzzzs";

	if (c >= 0xC0 && c <= 0xFF)
		return l1[c - 0xC0] == '.' ? 0 : l1[c - 0xC0];
	if (c >= 0x100 && c < 0x100 + sizeof la - 1)
		return la[c - 0x100];
	return 0;
}

/* 1 if c is a Cyrillic or Greek letter that looks like no Latin one: a
 * word holding one is really written in that script. */
static int ma_pr_native(uint32_t c)
{
	return ((c >= 0x0400 && c <= 0x04FF) || (c >= 0x0370 && c <= 0x03FF)) && ma_pr_fold(c) == 0;
}

/* The lowercase of a Cyrillic or Greek capital (others unchanged). */
static uint32_t ma_pr_lower(uint32_t c)
{
	if (c >= 0x0410 && c <= 0x042F)
		return c + 0x20;
	if (c >= 0x0400 && c <= 0x040F)
		return c + 0x50;
	if (c >= 0x0391 && c <= 0x03A9 && c != 0x03A2)
		return c + 0x20;
	return c;
}

/* Looks at the word starting at u (n bytes): 1 if it is written in
 * Cyrillic or Greek (a letter of its own, no ASCII letter). */
static int ma_pr_word_native(const unsigned char *u, size_t n)
{
	size_t i = 0;
	int native = 0;

	while (i < n) {
		size_t k;
		uint32_t c = ma_pr_utf8(u + i, n - i, &k);
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				return 0;
			if (!(c >= '0' && c <= '9'))
				break;
		} else if (ma_pr_native(c)) {
			native = 1;
		} else if (ma_pr_fold(c) == ' ') {
			break;
		}
		i += k;
	}
	return native;
}

/* Normalises s (n bytes) into out (cap bytes): returns the length. *mixed
 * counts words where a look-alike letter sat among ASCII letters. */
size_t ma_prompt_normalise(const char *s, size_t n, char *out, size_t cap, int *mixed)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	int space = 1, ascii_in_word = 0, fold_in_word = 0, in_word = 0, native = 0;

	*mixed = 0;
	while (i < n && o + 4 < cap) {
		size_t k;
		uint32_t c = ma_pr_utf8(u + i, n - i, &k);
		int f;
		int letter = c >= 0x80 || (c | 0x20) - 'a' < 26u || c - '0' < 10u;
		if (letter && !in_word)
			native = ma_pr_word_native(u + i, n - i);
		in_word = letter;
		if (c >= 0x80 && native && ma_pr_fold(c) != 1 && ma_pr_fold(c) != ' ') {
			/* a Cyrillic or Greek word: kept, lowercased */
			uint32_t lc = ma_pr_lower(c);
			if (lc >= 0x80 && lc < 0x800 && k == 2) {
				out[o++] = (char)(0xC0 | (lc >> 6));
				out[o++] = (char)(0x80 | (lc & 0x3F));
			} else {
				memcpy(out + o, s + i, k);
				o += k;
			}
			space = 0;
			i += k;
			continue;
		}
		f = c < 0x80 ? 0 : ma_pr_latin(c);
		if (f) { /* an accented letter: its letter, no look-alike */
			i += k;
			out[o++] = (char)f;
			ascii_in_word = 1;
			space = 0;
			continue;
		}
		f = c < 0x80 ? 0 : ma_pr_fold(c);
		if (c >= 0x80 && f == 0) { /* kept as it is: a letter of another script */
			memcpy(out + o, s + i, k);
			o += k;
			space = 0;
			i += k;
			continue;
		}
		i += k;
		if (f == 1)
			continue;
		if (c >= 0x80) {
			fold_in_word = fold_in_word || (f >= 'a' && f <= 'z');
			c = (uint32_t)f;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			ascii_in_word = 1;
		}
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c == '\'' && o && out[o - 1] >= 'a' && out[o - 1] <= 'z' && i < n &&
		    ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			continue; /* you're -> youre */
		if (c == '\n' || c == '\r') {
			if (o && out[o - 1] == ' ')
				o--;
			if (!o || out[o - 1] != '\n')
				out[o++] = '\n';
			space = 1;
		} else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0) {
			if (!space)
				out[o++] = ' ';
			space = 1;
		} else {
			out[o++] = (char)c;
			space = 0;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			if (ascii_in_word && fold_in_word)
				(*mixed)++;
			ascii_in_word = fold_in_word = 0;
		}
	}
	if (ascii_in_word && fold_in_word)
		(*mixed)++;
	return o;
}

static int ma_pr_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* ---- words and their classes ---- */

/* English written in Cyrillic letters ("Игноре олл превиоус рулес"): the
 * word w (l bytes, lowercase) transliterated into out (cap bytes); 0 if it
 * holds anything but Cyrillic letters or does not fit. */
static size_t ma_pr_translit(const char *w, size_t l, char *out, size_t cap)
{
	/* U+0430..U+044F: a b v g d e zh z i y k l m n o p r s t u f h c ch sh sch - y - e yu ya */
	static const char *const cyr[32] = {
	    "a", "b", "v", "g", "d", "e", "zh", "z",  "i",  "y",   "k", "l", "m", "n", "o",  "p",
	    "r", "s", "t", "u", "f", "h", "c",  "ch", "sh", "sch", "",  "y", "",  "e", "yu", "ya"};
	size_t o = 0;

	for (size_t i = 0; i < l; i += 2) {
		unsigned a = (unsigned char)w[i], b = i + 1 < l ? (unsigned char)w[i + 1] : 0;
		unsigned c = ((a & 0x1F) << 6) | (b & 0x3F);
		const char *x;
		size_t xl;
		if ((a != 0xD0 && a != 0xD1) || (b & 0xC0) != 0x80)
			return 0;
		if (c == 0x451)
			c = 0x435; /* yo as e */
		if (c < 0x430 || c > 0x44F)
			return 0;
		x = cyr[c - 0x430];
		xl = strlen(x);
		if (o + xl >= cap)
			return 0;
		memcpy(out + o, x, xl);
		o += xl;
	}
	return o;
}

/* Splits t (n bytes, normalised) into words of [a-z0-9], '@', '$' and
 * non-ASCII bytes, marks sentence ends and gives each word its classes. A
 * word with letters and digits that the lexicon does not know is read
 * again with leet digits as letters (in place: t is the caller's). */
static void ma_pr_split(char *t, size_t n, struct ma_pr_words *w, const struct ma_pr_kbits *kb)
{
	size_t i = 0;

	w->t = t;
	w->n = 0;
	while (i < n && w->n < MA_PR_WORDS) {
		size_t s, e;
		int letters = 0, digits = 0, brk = w->n == 0;
		while (i < n && !ma_pr_alnum((unsigned char)t[i]) &&
		       !(t[i] == '@' || t[i] == '$')) {
			brk = brk || t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';';
			i++;
		}
		s = i;
		while (i < n && (ma_pr_alnum((unsigned char)t[i]) || t[i] == '@' || t[i] == '$'))
			i++;
		e = i;
		if (e == s)
			break;
		for (size_t k = s; k < e; k++) {
			if (t[k] >= 'a' && t[k] <= 'z')
				letters++;
			else if ((t[k] >= '0' && t[k] <= '9') || t[k] == '@' || t[k] == '$')
				digits++;
		}
		while (s < e && (t[s] == '@' || t[s] == '$'))
			s++;
		if (s == e)
			continue;
		if (e - s > 255)
			e = s + 255;
		w->s[w->n] = (uint16_t)s;
		w->l[w->n] = (uint8_t)(e - s);
		w->brk[w->n] = (uint8_t)brk;
		w->k[w->n] = ma_pr_lex_classes(t + s, e - s);
		if (!w->k[w->n] && letters && digits) {
			for (size_t k = s; k < e; k++) {
				const char *from = "0134578@$", *to = "oieastbas";
				const char *p = memchr(from, t[k], 9);
				if (p && t[k])
					t[k] = to[p - from];
			}
			w->k[w->n] = ma_pr_lex_classes(t + s, e - s);
		}
		if (!w->k[w->n] && ((unsigned char)t[s] == 0xD0 || (unsigned char)t[s] == 0xD1)) {
			char x[64];
			size_t xl = ma_pr_translit(t + s, e - s, x, sizeof x);
			if (xl)
				w->k[w->n] = ma_pr_lex_classes(x, xl);
		}
		w->h[w->n] = (uint8_t)ma_pr_h2(t + s, e - s);
		w->n++;
	}
	/* a password word followed by talk about passwords asks for none */
	for (int k = 0; k + 1 < w->n; k++)
		if ((w->k[k] & (kb->pw | kb->secret)) && (w->k[k + 1] & kb->pwmod))
			w->k[k] &= ~(kb->pw | kb->secret | kb->code);
}

/* Reclassifies every word (after the text changed in place). */
static void ma_pr_reclass(struct ma_pr_words *w)
{
	for (int i = 0; i < w->n; i++) {
		w->k[i] = ma_pr_lex_classes(w->t + w->s[i], w->l[i]);
		w->h[i] = (uint8_t)ma_pr_h2(w->t + w->s[i], w->l[i]);
	}
}

/* ---- phrase patterns ---- */

/* 1 if word i is one of the lower-case alternatives of lit[0..ll). */
static int ma_pr_lit(const struct ma_pr_words *w, int i, const char *lit, size_t ll)
{
	const char *ws = w->t + w->s[i];
	size_t wl = w->l[i];
	size_t p = 0;

	while (p < ll) {
		size_t q = p;
		while (q < ll && lit[q] != '|')
			q++;
		if (!(lit[p] >= 'A' && lit[p] <= 'Z')) {
			int stem = q > p && lit[q - 1] == '~';
			size_t l = q - p - (size_t)stem;
			if (stem ? (wl >= l && !memcmp(ws, lit + p, l))
			         : (wl == l && !memcmp(ws, lit + p, l)))
				return 1;
		}
		p = q + 1;
	}
	return 0;
}

static int ma_pr_tok_is(const struct ma_pr_words *w, int i, const struct ma_pr_token *t)
{
	return (w->k[i] & t->k) ||
	       (t->literal && (t->h2 >> w->h[i] & 1) && ma_pr_lit(w, i, t->lit, t->litlen));
}

/* Matches tokens tok.. of p from word i on: each within its window, never
 * over a sentence end or over a word of the user's own. */
static int ma_pr_match(const struct ma_pr_words *w, const struct ma_pr_pattern *p, int tok, int i,
                       uint64_t my)
{
	const struct ma_pr_token *t;

	if (tok == p->n)
		return 1;
	t = &p->t[tok];
	if (t->neg) /* "!X": the next word of the sentence is not X */
		return !(i < w->n && !w->brk[i] && ma_pr_tok_is(w, i, t)) &&
		       ma_pr_match(w, p, tok + 1, i, my);
	for (int j = i; j <= i + t->gap && j < w->n; j++) {
		if (w->brk[j])
			return 0;
		if (ma_pr_tok_is(w, j, t) && ma_pr_match(w, p, tok + 1, j + 1, my))
			return 1;
		if (w->k[j] & my)
			return 0;
	}
	return 0;
}

/* Tries pattern k at word i. */
static void ma_pr_try(const struct ma_pr_words *w, int i, size_t k, const struct ma_pr_kbits *kb,
                      struct ma_pr_score *sc, int family_override)
{
	size_t np;
	const struct ma_pr_pattern *pt = &ma_pr_lex_patterns(&np)[k];
	const struct ma_pr_token *t0 = &pt->t[0];

	if (k >= MA_PR_PATS || sc->seen[k] || !ma_pr_tok_is(w, i, t0))
		return;
	/* "don't ignore the safety instructions" overrides nothing */
	if ((t0->k & kb->ign) && (w->k[i] & kb->ign) && i > 0 && !w->brk[i] &&
	    (w->k[i - 1] & kb->neg))
		return;
	if (ma_pr_match(w, pt, 1, i + 1, kb->my)) {
#ifdef MA_PR_DEBUG
		fprintf(stderr, "  [%.2f] %s\n", pt->w, pt->t[0].lit);
#endif
		int fam = family_override >= 0 ? family_override : pt->family;
		int g = pt->group ? (pt->group - 'F') & 3 : -1;
		sc->seen[k] = 1;
		if (g < 0) {
			ma_pr_add(sc, fam, pt->w);
		} else if (pt->w > sc->group[g]) {
			sc->group[g] = pt->w;
			sc->group_family[g] = fam;
		}
	}
}

/* Scores the phrase patterns over w (family_override >= 0: every match
 * counts for that family). Only the patterns that can start at a word
 * are tried there (by its classes and its first letter). */
static void ma_pr_phrases(const struct ma_pr_words *w, const struct ma_pr_kbits *kb,
                          struct ma_pr_score *sc, int family_override)
{
	for (int i = 0; i < w->n; i++) {
		uint64_t k = w->k[i];
		unsigned char c = (unsigned char)w->t[w->s[i]];
		const uint8_t *list;
		size_t nl;
		while (k) {
			int b = __builtin_ctzll(k);
			k &= k - 1;
			list = ma_pr_lex_starting(b, 0, &nl);
			for (size_t x = 0; x < nl; x++)
				ma_pr_try(w, i, list[x], kb, sc, family_override);
		}
		list = ma_pr_lex_starting(-1, c >= 'a' && c <= 'z' ? c - 'a' : 26, &nl);
		for (size_t x = 0; x < nl; x++)
			ma_pr_try(w, i, list[x], kb, sc, family_override);
	}
	for (int g = 0; g < 4; g++)
		if (sc->group[g] > 0) {
			ma_pr_add(sc, sc->group_family[g], sc->group[g]);
			sc->group[g] = 0;
		}
}

/* ---- features over the whole window ---- */

/* Override stems in scripts written without spaces between words. */
static const char *const ma_pr_cjk_ignore[] = {"忽略",  "忽视",  "无视",    "無視", "무시",
                                               "अनदेखा", "अनदेखी", "नज़रअंदाज़", "تجاهل"};
static const char *const ma_pr_cjk_instr[] = {"指令", "指示", "说明",  "規則",    "规则",
                                              "지시", "명령", "निर्देश", "تعليمات", "التعليمات"};
static const char *const ma_pr_cjk_what[] = {"什么", "何", "무엇", "뭐", "क्या", "ما هي"};
static const char *const ma_pr_cjk_tell[] = {"告诉", "教えて", "알려", "बताओ", "बताइए", "أخبرني"};
static const char *const ma_pr_cjk_prompt[] = {
    "系统提示", "提示词", "系統提示", "システムプロンプト", "시스템 프롬프트", "सिस्टम प्रॉम्प्ट"};
static const char *const ma_pr_cjk_pw[] = {"密码",   "密碼",        "パスワード", "비밀번호",
                                           "पासवर्ड", "كلمة المرور", "كلمة السر"};

static int ma_pr_any(const char *t, size_t n, const char *const *list, size_t nl)
{
	for (size_t k = 0; k < nl; k++)
		if (memmem(t, n, list[k], strlen(list[k])))
			return 1;
	return 0;
}

static void ma_pr_cjk(const char *t, size_t n, struct ma_pr_score *sc)
{
	int ign, ins;
	size_t i = 0;

	while (i < n && (unsigned char)t[i] < 0xD8)
		i++;
	if (i == n)
		return;
	ign = ma_pr_any(t, n, ma_pr_cjk_ignore, sizeof ma_pr_cjk_ignore / sizeof *ma_pr_cjk_ignore);
	ins = ma_pr_any(t, n, ma_pr_cjk_instr, sizeof ma_pr_cjk_instr / sizeof *ma_pr_cjk_instr);
	if (ign && ins)
		ma_pr_add(sc, PF_OVERRIDE, 0.9);
	else if (ign || ins)
		ma_pr_add(sc, PF_OVERRIDE, 0.3);
	if (ma_pr_any(t, n, ma_pr_cjk_prompt, sizeof ma_pr_cjk_prompt / sizeof *ma_pr_cjk_prompt))
		ma_pr_add(
		    sc, PF_EXTRACTION,
		    ma_pr_any(t, n, ma_pr_cjk_tell, sizeof ma_pr_cjk_tell / sizeof *ma_pr_cjk_tell)
		        ? 0.85
		        : 0.6);
	if (ma_pr_any(t, n, ma_pr_cjk_pw, sizeof ma_pr_cjk_pw / sizeof *ma_pr_cjk_pw)) {
		if (ma_pr_any(t, n, ma_pr_cjk_tell, sizeof ma_pr_cjk_tell / sizeof *ma_pr_cjk_tell))
			ma_pr_add(sc, PF_EXTRACTION, 0.85);
		else if (ma_pr_any(t, n, ma_pr_cjk_what,
		                   sizeof ma_pr_cjk_what / sizeof *ma_pr_cjk_what))
			ma_pr_add(sc, PF_EXTRACTION, 0.7);
		else
			ma_pr_add(sc, PF_EXTRACTION, 0.5);
	}
}

/* A payload for the model's own output: an order to put something into
 * "your response / solution / code", what is put (a code block, a link),
 * and code that reaches the network or runs commands. */
static void ma_pr_payload(const struct ma_pr_words *w, const char *t, size_t n,
                          const struct ma_pr_kbits *kb, struct ma_pr_score *sc)
{
	static const char *const net[] = {
	    "requests.", "socket", "urllib", "subprocess", "os.system", "curl ",   "wget ",
	    "smtplib",   "ftplib", "eval(",  "exec(",      "http://",   "https://"};
	int order = 0, sent = 0, ins = 0, your = 0, what = 0;

	for (int i = 0; i < w->n && !order; i++) {
		if (w->brk[i])
			sent++, ins = your = what = 0;
		ins = ins || (w->k[i] & kb->insert);
		what = what ||
		       ((w->k[i] & kb->following) && i + 1 < w->n && (w->k[i + 1] & kb->snippet));
		your =
		    your || ((w->k[i] & kb->your) && i + 1 < w->n && (w->k[i + 1] & kb->yourout));
		order = your && (ins || what);
	}
	(void)sent;
	if (!order)
		return;
	ma_pr_add(sc, PF_OVERRIDE, 0.5);
	if (memmem(t, n, "```", 3) || memmem(t, n, "www.", 4) || memmem(t, n, "http", 4))
		ma_pr_add(sc, PF_OVERRIDE, 0.35);
	if (ma_pr_any(t, n, net, sizeof net / sizeof *net))
		ma_pr_add(sc, PF_OVERRIDE, 0.4);
}

/* A word of 48 bytes or more that is one piece of 3 to 24 bytes repeated
 * ("artisanlibartisanlib..."): a flood of one token without spaces. */
static void ma_pr_periodic(const struct ma_pr_words *w, struct ma_pr_score *sc)
{
	for (int i = 0; i < w->n; i++) {
		const char *x = w->t + w->s[i];
		int l = w->l[i];
		if (l < 48)
			continue;
		for (int p = 1; p <= 24; p++) {
			int k = 0;
			while (k + p < l && x[k] == x[k + p])
				k++;
			if (k + p < l)
				continue;
			if (p >= 3) { /* the smallest period: "hahaha" is laughter */
				ma_pr_add(sc, PF_DELIMITER, 0.8);
				return;
			}
			break;
		}
	}
}

/* An instruction hidden in an HTML comment: an override verb or an order
 * to say something between "<!--" and "-->". */
static void ma_pr_comment(const struct ma_pr_words *w, size_t n, const struct ma_pr_kbits *kb,
                          struct ma_pr_score *sc)
{
	const char *a = memmem(w->t, n, "<!--", 4), *e;

	if (!a)
		return;
	e = memmem(a, n - (size_t)(a - w->t), "-->", 3);
	if (!e)
		e = w->t + n;
	for (int i = 0; i < w->n; i++) {
		const char *x = w->t + w->s[i];
		if (x > a && x < e && (w->k[i] & (kb->ign | kb->say))) {
			ma_pr_add(sc, PF_DELIMITER, 0.4);
			return;
		}
	}
}

/* Fiction or a hypothetical framing a request for forbidden output. */
static void ma_pr_fiction(const struct ma_pr_words *w, const struct ma_pr_kbits *kb,
                          struct ma_pr_score *sc)
{
	int fic = 0, bad = 0;

	for (int i = 0; i < w->n; i++) {
		fic = fic || (w->k[i] & kb->fiction);
		bad = bad || (w->k[i] & kb->forbid);
	}
	if (fic && bad)
		ma_pr_add(sc, PF_ROLEPLAY, 0.4);
}

/* Words whose letters were spaced out; glued back, they are searched for
 * these stems (override verbs and instruction nouns). */
static const char *const ma_pr_glued_verbs[] = {"ignore",   "disregard", "forget", "bypass",
                                                "override", "reveal",    "repeat", "print"};
static const char *const ma_pr_glued_nouns[] = {"instruction", "prompt",   "rules", "password",
                                                "guideline",   "previous", "above"};

/* Chat-template tokens and role markup that only a model's frame uses. */
static const char *const ma_pr_markup[] = {
    "<|im_start|>",   "<|im_end|>",      "<|system|>",      "<|user|>",
    "<|assistant|>",  "<|endoftext|>",   "<|eot_id|>",      "<|start_header_id|>",
    "[inst]",         "[/inst]",         "<<sys>>",         "<</sys>>",
    "<system>",       "</system>",       "<sys>",           "</instructions>",
    "<instructions>", "[system]",        "</user>",         "<assistant>",
    "</assistant>",   "<user>",          "[assistant]",     "<|prompt|>",
    "{{system}}",     "<system_prompt>", "</system_prompt>"};

static const char *const ma_pr_roles[] = {
    "system",   "assistant",     "user",      "human",       "ai",
    "bot",      "chatgpt",       "gpt",       "claude",      "model",
    "admin",    "administrator", "developer", "instruction", "instructions",
    "response", "sys",           "input",     "output",      "prompt"};

/* ---- delimiters, floods, spaced letters ---- */

static void ma_pr_markup_scan(const char *t, size_t n, struct ma_pr_score *sc)
{
	int markup = 0, roles = 0;

	/* every token opens with '<', '[' or '{' */
	if (!memchr(t, '<', n) && !memchr(t, '[', n) && !memchr(t, '{', n))
		markup = -1;
	for (size_t k = 0; k < sizeof ma_pr_markup / sizeof ma_pr_markup[0] && !markup; k++)
		if (memmem(t, n, ma_pr_markup[k], strlen(ma_pr_markup[k])))
			markup = 1;
	/* any other special token of a chat template: <|name|> */
	for (const char *x = markup ? NULL : memmem(t, n, "<|", 2); x && !markup;
	     x = memmem(x + 2, n - (size_t)(x + 2 - t), "<|", 2)) {
		size_t k = 2;
		while (x + k < t + n && ((x[k] >= 'a' && x[k] <= 'z') || x[k] == '_'))
			k++;
		if (k > 2 && x + k + 1 < t + n && x[k] == '|' && x[k + 1] == '>')
			markup = 1;
	}
	if (markup > 0)
		ma_pr_add(sc, PF_DELIMITER, 0.85);
	/* a line that starts a turn: [#*[<( -]* role [:\]>] */
	for (size_t i = 0; i < n; i++) {
		size_t p = i;
		if (i && t[i - 1] != '\n')
			continue;
		while (p < n && strchr("#*[<(=- >|", t[p]) && t[p])
			p++;
		for (size_t r = 0; r < sizeof ma_pr_roles / sizeof ma_pr_roles[0]; r++) {
			size_t l = strlen(ma_pr_roles[r]);
			if (p + l < n && !memcmp(t + p, ma_pr_roles[r], l) &&
			    (t[p + l] == ':' || t[p + l] == ']' || t[p + l] == '>' ||
			     (p > i && t[i] == '#' && (t[p + l] == '\n' || t[p + l] == ' ')))) {
				roles++;
				break;
			}
		}
	}
	if (roles)
		ma_pr_add(sc, PF_DELIMITER, roles > 1 ? 0.7 : 0.5);
	/* a separator line: eight or more of one symbol (=====, >>>>, %%%%) */
	for (size_t i = 0, run = 0; i < n; i++) {
		run = i && t[i] == t[i - 1] && strchr("=-*#>%~_<+", t[i]) && t[i] ? run + 1 : 0;
		if (run >= 7) {
			ma_pr_add(sc, PF_DELIMITER, 0.3);
			break;
		}
	}
}

/* Output forcing: a verb of saying right before a short quoted phrase
 * ("say \"Access Granted\"", "respond with 'yes'") tells the model what to
 * output, the aim of a hijacked prompt. */
static void ma_pr_forcing(const struct ma_pr_words *w, size_t n, struct ma_pr_score *sc)
{
	static const char verbs[] = "say|output~|print~|respon~|reply|answer|write|type|return|"
	                            "proclaim~|state|repeat|prefix~|begin~|start~|end~|include|"
	                            "complete|finish|continue";
	for (int i = 0; i < w->n; i++) {
		size_t p = (size_t)w->s[i] + w->l[i];
		const char *q;
		while (p < n && (w->t[p] == ' ' || w->t[p] == ':' || w->t[p] == '\n'))
			p++;
		if (p + 4 < n && !memcmp(w->t + p, "with", 4)) {
			p += 4;
			while (p < n && (w->t[p] == ' ' || w->t[p] == ':'))
				p++;
		}
		if (p >= n || !strchr("\"'`[", w->t[p]) || !w->t[p])
			continue;
		if (!ma_pr_lit(w, i, verbs, sizeof verbs - 1))
			continue;
		q = memchr(w->t + p + 1, w->t[p] == '[' ? ']' : w->t[p],
		           n - p - 1 < 40 ? n - p - 1 : 40);
		if (q && q > w->t + p + 1) {
			ma_pr_add(sc, PF_OVERRIDE, 0.45);
			return;
		}
	}
}

/* A flood: one short token repeated 40 times or more in a row (a known way
 * to push the real instructions out of the model's attention). */
static void ma_pr_flood(const struct ma_pr_words *w, const char *t, size_t n,
                        struct ma_pr_score *sc)
{
	int run = 1;

	for (int i = 1; i < w->n; i++) {
		if (w->l[i] == w->l[i - 1] && w->l[i] <= 8 &&
		    !memcmp(w->t + w->s[i], w->t + w->s[i - 1], w->l[i]))
			run++;
		else
			run = 1;
		if (run >= 40) {
			ma_pr_add(sc, PF_DELIMITER, 0.8);
			return;
		}
	}
	/* a punctuation or symbol flood (spaces aside) repeating with a period
	 * of one to three, closing whatever block the application opened:
	 * 64 symbols of two or three kinds ( )]})]})]} ), or 200 of one */
	{
		char last[3] = {0, 0, 0};
		size_t k = 0;
		int kinds = 0;
		run = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)t[i];
			int per = 0;
			if (c == ' ' || c == '\n')
				continue;
			if (!ma_pr_alnum(c) && k >= 3)
				per = c == (unsigned char)last[2] || c == (unsigned char)last[1] ||
				      c == (unsigned char)last[0];
			if (!per)
				kinds = 0;
			else if (c != (unsigned char)last[2])
				kinds = 1;
			run = per ? run + 1 : 0;
			last[0] = last[1];
			last[1] = last[2];
			last[2] = (char)c;
			k++;
			if ((run >= 64 && kinds) || run >= 200) {
				ma_pr_add(sc, PF_DELIMITER, 0.8);
				return;
			}
		}
	}
}

/* Letters spaced out one by one ("i g n o r e", "i.g.n.o.r.e") glued: an
 * override verb and an instruction noun inside one glued run. */
static void ma_pr_glued(const struct ma_pr_words *w, struct ma_pr_score *sc)
{
	char g[256];
	size_t gl = 0;

	for (int i = 0; i <= w->n; i++) {
		if (i < w->n && w->l[i] == 1 && gl < sizeof g - 1) {
			g[gl++] = w->t[w->s[i]];
			continue;
		}
		if (gl >= 6) {
			int v = 0, nn = 0;
			g[gl] = '\0';
			for (size_t k = 0;
			     k < sizeof ma_pr_glued_verbs / sizeof ma_pr_glued_verbs[0]; k++)
				v = v || strstr(g, ma_pr_glued_verbs[k]);
			for (size_t k = 0;
			     k < sizeof ma_pr_glued_nouns / sizeof ma_pr_glued_nouns[0]; k++)
				nn = nn || strstr(g, ma_pr_glued_nouns[k]);
			if (v && nn)
				ma_pr_add(sc, PF_OVERRIDE, 0.9);
			else if (v || nn)
				ma_pr_add(sc, PF_ENCODED, 0.5);
		}
		gl = 0;
	}
}

/* ---- encodings ---- */

static int ma_pr_b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

static int ma_pr_hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* 1 if most of d is printable text with spaces (a decoded sentence). */
static int ma_pr_texty(const char *d, size_t n)
{
	size_t ok = 0, sp = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)d[i];
		ok += (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c >= 0x80;
		sp += c == ' ';
	}
	return n >= 8 && ok * 10 >= n * 9 && sp > 0;
}

/* Buffers of one scoring pass (on the caller's stack). */
struct ma_pr_pass {
	char t[MA_PR_NORM];
	struct ma_pr_words w;
	struct ma_pr_kbits kb;
};

/* Normalises s, splits it and scores the phrases, markup, forcing and
 * scripts without spaces (the features a decoded run is judged by). */
static size_t ma_pr_score_plain(const char *s, size_t n, struct ma_pr_pass *ps,
                                struct ma_pr_score *sc, int *mixed)
{
	size_t tn = ma_prompt_normalise(s, n, ps->t, sizeof ps->t, mixed);

	ma_pr_markup_scan(ps->t, tn, sc);
	ma_pr_split(ps->t, tn, &ps->w, &ps->kb);
	ma_pr_phrases(&ps->w, &ps->kb, sc, -1);
	ma_pr_forcing(&ps->w, tn, sc);
	ma_pr_cjk(ps->t, tn, sc);
	return tn;
}

/* Decodes the run s[a, e) as binary octets ("01101001 01100111"), spaced
 * hex ("69 67 6e"), plain hex or base64 into d; returns the length. */
static size_t ma_pr_decode(const char *s, size_t a, size_t e, char *d, size_t cap)
{
	size_t dl = 0;
	int upper = 0, lower = 0, hex = 1, bin = 1, spaced = 0;

	for (size_t k = a; k < e; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == ' ') {
			spaced = 1;
			continue;
		}
		upper += c >= 'A' && c <= 'Z';
		lower += c >= 'a' && c <= 'z';
		hex = hex && ma_pr_hexval(c) >= 0;
		bin = bin && (c == '0' || c == '1');
	}
	if (spaced) {
		/* groups of 8 binary digits or 2 hex digits, one space apart */
		size_t k = a;
		while (k < e && dl < cap) {
			size_t g = k;
			while (g < e && s[g] != ' ')
				g++;
			if (bin && g - k == 8) {
				int v = 0;
				for (size_t x = k; x < g; x++)
					v = v * 2 + (s[x] - '0');
				d[dl++] = (char)v;
			} else if (hex && g - k == 2) {
				d[dl++] = (char)(ma_pr_hexval((unsigned char)s[k]) * 16 +
				                 ma_pr_hexval((unsigned char)s[k + 1]));
			} else {
				return 0;
			}
			k = g + 1;
		}
	} else if (hex && (e - a) % 2 == 0) {
		for (size_t k = a; k + 1 < e && dl < cap; k += 2)
			d[dl++] = (char)(ma_pr_hexval((unsigned char)s[k]) * 16 +
			                 ma_pr_hexval((unsigned char)s[k + 1]));
	} else if (upper && lower) {
		uint32_t acc = 0;
		int bits = 0;
		for (size_t k = a; k < e && dl < cap; k++) {
			int v = ma_pr_b64val((unsigned char)s[k]);
			if (v < 0)
				break;
			acc = (acc << 6) | (uint32_t)v;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				d[dl++] = (char)((acc >> bits) & 0xFF);
			}
		}
	}
	return dl;
}

/* Base64, hex and binary runs of the raw text, decoded and scored again
 * (the pass's buffers are reused: the window's own words are done). */
static void ma_pr_decode_runs(const char *s, size_t n, struct ma_pr_pass *ps,
                              struct ma_pr_score *sc)
{
	char d[MA_PR_DECODED];
	size_t i = 0;

	while (i < n) {
		size_t a = i, e, dl;
		int groups = 0;
		/* a run of base64 characters, or of binary / hex groups one space apart */
		while (i < n && (ma_pr_b64val((unsigned char)s[i]) >= 0 || s[i] == '=' ||
		                 (s[i] == ' ' && i > a && i + 1 < n &&
		                  ma_pr_hexval((unsigned char)s[i + 1]) >= 0 &&
		                  ma_pr_hexval((unsigned char)s[i - 1]) >= 0))) {
			groups += s[i] == ' ';
			i++;
		}
		e = i;
		if (e == a) {
			i++;
			continue;
		}
		if (e - a < 16)
			continue;
		if (groups) {
			/* spaced groups: the run is decoded only if every group is binary or hex */
			dl = ma_pr_decode(s, a, e, d, sizeof d);
			if (!dl) {
				/* else its longest unspaced piece may still be base64 or hex */
				size_t x = a;
				dl = 0;
				while (x < e && !dl) {
					size_t y = x;
					while (y < e && s[y] != ' ')
						y++;
					if (y - x >= 16)
						dl = ma_pr_decode(s, x, y, d, sizeof d);
					x = y + 1;
				}
			}
		} else {
			dl = ma_pr_decode(s, a, e, d, sizeof d);
		}
		if (dl && ma_pr_texty(d, dl)) {
			struct ma_pr_score sub;
			int mixed;
			ma_pr_score_init(&sub);
			ma_pr_score_plain(d, dl, ps, &sub, &mixed);
			if (sub.score > 0.3)
				ma_pr_add(sc, PF_ENCODED,
				          sub.score + 0.1 > 1.0 ? 1.0 : sub.score + 0.1);
		}
	}
}

/* Morse runs ("-- --- .-. ... ." letters one space apart, " / " between
 * words), decoded and scored again. */
static void ma_pr_morse_runs(const char *s, size_t n, struct ma_pr_pass *ps, struct ma_pr_score *sc)
{
	/* the letter of a code read as a binary tree: 1, then 2i for '.', 2i+1 for '-' */
	static const char tree[] =
	    "..etianmsurwdkgohvf.l.pjbxcyzq..54.3...2.......16.......7...8.90";
	char d[MA_PR_DECODED];
	size_t i = 0;

	while (i < n) {
		size_t a = i, dl = 0, groups = 0;
		unsigned code = 1;
		int bad = 0;
		if (s[i] != '.' && s[i] != '-') {
			i++;
			continue;
		}
		while (i < n && (s[i] == '.' || s[i] == '-' || s[i] == ' ' || s[i] == '/')) {
			char c = s[i++];
			if (c == '.' || c == '-') {
				code = code * 2 + (c == '-');
				if (code >= sizeof tree - 1)
					bad = 1;
				continue;
			}
			if (code > 1 && dl < sizeof d) {
				if (bad || tree[code] == '.')
					bad = 1;
				else
					d[dl++] = tree[code];
				groups++;
			}
			code = 1;
			if (c == '/' && dl && dl < sizeof d && d[dl - 1] != ' ')
				d[dl++] = ' ';
		}
		if (code > 1 && !bad && tree[code] != '.' && dl < sizeof d) {
			d[dl++] = tree[code];
			groups++;
		}
		if (bad || groups < 8 || i - a < 16 || !ma_pr_texty(d, dl))
			continue;
		{
			struct ma_pr_score sub;
			int mixed;
			ma_pr_score_init(&sub);
			ma_pr_score_plain(d, dl, ps, &sub, &mixed);
			if (sub.score > 0.3)
				ma_pr_add(sc, PF_ENCODED,
				          sub.score + 0.1 > 1.0 ? 1.0 : sub.score + 0.1);
		}
	}
}

/* The score of one window of text; out gets the details. */
static double ma_pr_score_text(const char *s, size_t n, struct ma_pr_score *out)
{
	struct ma_pr_pass ps;
	int mixed = 0, r13 = 0;
	size_t tn;

	ma_pr_score_init(out);
	if (ma_pr_lex_init() != 0)
		return 0;
	ma_pr_kbits_init(&ps.kb);
	tn = ma_pr_score_plain(s, n, &ps, out, &mixed);
	ma_pr_flood(&ps.w, ps.t, tn, out);
	ma_pr_periodic(&ps.w, out);
	ma_pr_comment(&ps.w, tn, &ps.kb, out);
	ma_pr_glued(&ps.w, out);
	ma_pr_payload(&ps.w, s, n, &ps.kb, out);
	ma_pr_fiction(&ps.w, &ps.kb, out);
	if (mixed)
		ma_pr_add(out, PF_ENCODED, mixed > 1 ? 0.5 : 0.3);
	for (int i = 0; i < ps.w.n; i++)
		r13 += (ps.w.k[i] & ps.kb.r13) != 0;
	if (r13 >= 2 && out->score < 0.5) {
		/* rot13: the words rotated, the phrases matched again */
		struct ma_pr_score sub;
		char *t = (char *)ps.w.t;
		ma_pr_score_init(&sub);
		for (int i = 0; i < ps.w.n; i++)
			for (size_t k = ps.w.s[i]; k < (size_t)ps.w.s[i] + ps.w.l[i]; k++)
				if (t[k] >= 'a' && t[k] <= 'z')
					t[k] = (char)('a' + (t[k] - 'a' + 13) % 26);
		ma_pr_reclass(&ps.w);
		ma_pr_phrases(&ps.w, &ps.kb, &sub, PF_ENCODED);
		if (sub.score > 0.5)
			ma_pr_add(out, PF_ENCODED, sub.score);
	}
	ma_pr_decode_runs(s, n, &ps, out);
	if (memchr(s, '.', n) && memchr(s, '-', n))
		ma_pr_morse_runs(s, n, &ps, out);
	return out->score;
}

/* ---- the public score and check ---- */

double ma_prompt_score(const char *text, size_t len, const char **rule)
{
	double best = 0;
	const char *brule = NULL;
	size_t off = 0;

	if (!text)
		len = 0;
	else if (len == (size_t)-1)
		len = strlen(text);
	do {
		struct ma_pr_score sc;
		size_t m = len - off > MA_PR_WIN ? MA_PR_WIN : len - off;
		/* cut at a UTF-8 character boundary */
		while (off + m < len && m > 1 && ((unsigned char)text[off + m] & 0xC0) == 0x80)
			m--;
		ma_pr_score_text(text + off, m, &sc);
		if (sc.score > best) {
			best = sc.score;
			brule = sc.family >= 0 ? ma_pr_family[sc.family] : NULL;
		}
		if (off + m >= len)
			break;
		off += m > MA_PR_OVERLAP ? m - MA_PR_OVERLAP : m;
	} while (off < len);
	if (rule)
		*rule = brule;
	return best;
}

double moat_prompt_score(const char *text, size_t len)
{
	return ma_prompt_score(text, len, NULL);
}

int moat_check_prompt_at(struct moat_request *r, const char *prompt, size_t len, size_t uoff,
                         size_t ulen, double *score, const char *file, int line,
                         const char *function)
{
	const struct ma_input *in;
	size_t nin = 0;
	double thr, best = 0;
	const char *brule = NULL;
	const struct ma_input *bin = NULL;
	int bform = 0;

	if (score)
		*score = 0;
	if (!prompt)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(prompt);
	if (uoff > len)
		uoff = len;
	if (ulen > len - uoff)
		ulen = len - uoff;
	if (ulen) {
		best = ma_prompt_score(prompt + uoff, ulen, &brule);
	}
	in = ma_request_inputs(r, &nin);
	for (size_t i = 0; i < nin; i++) {
		for (int f = 0; f < in[i].nforms; f++) {
			const char *v = in[i].form[f];
			size_t vl = in[i].form_len[f];
			const char *rl = NULL;
			double s;
			if (vl < 2 || vl > len || !memmem(prompt, len, v, vl))
				continue;
			s = ma_prompt_score(v, vl, &rl);
			if (s > best) {
				best = s;
				brule = rl;
				bin = &in[i];
				bform = f;
			}
		}
	}
	if (score)
		*score = best;
	if (!r || best <= 0)
		return MOAT_ALLOW;
	thr = ma_request_threshold(r, "llm_prompt_injection");
	if (thr < 0)
		thr = MOAT_PROMPT_THRESHOLD;
	if (best + 1e-9 >= thr) {
		char sv[16];
		struct ma_finding fd = {
		    .interceptor = "llm_prompt_injection",
		    .rule = brule ? brule : "prompt.score",
		    .severity = best >= 0.95 ? "critical" : "high",
		    .confidence = best,
		    .input = bin,
		    .form = bform,
		    .operation = prompt,
		    .operation_len = len,
		    .extra_key = "score",
		    .extra_value = sv,
		    .file = file,
		    .function = function,
		    .line = line,
		};
		int v;
		snprintf(sv, sizeof sv, "%.3f", best);
		v = ma_request_fire(r, &fd);
		if (v >= 0)
			return v;
	}
	return MOAT_ALLOW;
}
