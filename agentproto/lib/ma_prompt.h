/*
 * ma_prompt.h — internal to the llm_prompt_injection check: the lexicon of
 * semantic word classes and the phrase patterns over them (ma_prompt_lex.c)
 * and the transliteration of the normaliser (ma_prompt_norm.c), used by
 * the scorer (ma_prompt.c); and the scorer's state that its whole-text
 * features (ma_prompt_feat.c) read.
 *
 * A word of the normalised text gets a class mask: the OR of the classes
 * of every lexicon entry it matches (an entry is a whole word, or a stem
 * when it ends in '~'). A pattern is a short sequence of tokens, each a
 * class or a literal word list, with a proximity window before each token
 * (how many words may pass between it and the one before, never over a
 * sentence end nor over a word of the user's own, "my"). The tables are
 * built once (pthread_once, when the library is loaded) into static
 * read-only indexes; nothing is allocated.
 */
#ifndef MA_PROMPT_H
#define MA_PROMPT_H

#include <stddef.h>
#include <stdint.h>

/* The families; a pattern's weight counts for one of them. */
enum { PF_OVERRIDE, PF_ROLEPLAY, PF_EXTRACTION, PF_DELIMITER, PF_ENCODED, PF_N };

#define MA_PR_TOKENS 8 /* tokens of one pattern */

/* Word classes and word lists: 128 of each (session 26, promptcap2; 64
 * before). A word's classes and lists 0..63 are bits of its uint64_t
 * masks (ma_pr_words.k, .f) as before; those from 64 on (the high part)
 * are one byte of the word (ma_pr_words.x) that indexes a table of the
 * distinct pairs of high masks (classes, lists) the lexicon can give a
 * word (ma_pr_khi[x], ma_pr_fhi[x]: built once, MA_PR_HIMAX pairs at
 * most, entry 0 none; more is a build failure by name). Eight bytes more
 * a word on the scorer's stack would not fit its budget (a second byte
 * would leave ~60 bytes of it). A new class or list goes high (the 65th on) and is
 * tested through the two-part helpers below (ma_pr_wk_has, ma_pr_wf_has,
 * a pattern's tokens by themselves); the hot tests of the classes and
 * lists 0..63 are unchanged. */
#define MA_PR_KBITS 128 /* word classes */
#define MA_PR_LBITS 128 /* word lists (ma_pr_lex_list) */
#define MA_PR_HIMAX 256 /* distinct pairs of high masks (a byte) */
/* the bit of a pair's index set when it has a high class (128..255; those
 * with high lists alone 1..127): one test tells a word of a class 64.. */
#define MA_PR_XK 0x80

/* A literal alternative of a token, compiled: its bytes (no '~'), l >= 1. */
struct ma_pr_alt {
	const char *s;
	uint8_t l;
	uint8_t stem; /* 1: a word that starts with s[0..l) */
};

struct ma_pr_token {
	uint8_t gap;     /* words that may pass before this token */
	uint8_t literal; /* 1: lit holds lower-case alternatives too */
	uint8_t neg;     /* 1: matches no word; the next word must not be this token;
	                  * 2 ("!>"): nor a word of it within the three after a
	                  * preposition that comes next ("the instructions in
	                  * the README": a document's, not the model's) */
	uint8_t end;     /* 1 ("$"): matches no word; the sentence or the text ends here */
	uint8_t litlen;
	uint8_t nalt;    /* its literal alternatives, compiled: alt[0..nalt) */
	uint64_t k;      /* the classes among its alternatives (0..63) */
	uint64_t kh;     /* its classes 64..127: then literal is 1 and h2 all
	                  * bits (the filters let every word through to
	                  * ma_pr_tok_lit, which tests kh last) */
	uint64_t h2;     /* ma_pr_h2() bits of its literal alternatives; 0
	                  * when literal is 0 (the phrase loop's filters and
	                  * ma_pr_tok_is test h2 alone, not literal first:
	                  * promptcost28) */
	const char *lit; /* '|' alternatives, '~' a stem (the pattern's text) */
	const struct ma_pr_alt *alt;
};

struct ma_pr_pattern {
	int family;
	double w;
	int n;
	uint8_t group; /* 0, or a group of which only the strongest match counts */
	uint8_t notmy; /* 1 ("^"): not where a word of the user's own ("my") is
	                * among the two before its first (the user's own noun
	                * phrase: "my spam filter doesn't catch it") */
	uint8_t lead;  /* 1 ("%"): only where its first word opens a sentence
	                * or a clause, or follows "you" or "now" within two
	                * words: a persona given to the model ("be a ...", "I
	                * want you to act as ..."), not a person described ("how
	                * do I become a ...", "she works as a ...") */
	uint8_t nneed; /* its tokens after the first that match a word: */
	uint64_t needk[MA_PR_TOKENS - 1], needh[MA_PR_TOKENS - 1]; /* their classes, h2 bits */
	struct ma_pr_token t[MA_PR_TOKENS];
};

/* 0 if p cannot match in a stretch of words whose classes are all among k
 * and whose ma_pr_h2() bits among h: a token after its first has neither
 * a word of its classes nor one that may be a literal alternative of it
 * (so ma_pr_match of tokens 1.. over words of that stretch fails).
 * ma_pr_pattern_can_from: the needed tokens from the from-th on (those
 * before known to have a word). */
static inline int ma_pr_pattern_can_from(const struct ma_pr_pattern *p, uint64_t k, uint64_t h,
                                         int from)
{
	for (int x = from; x < p->nneed; x++)
		if (!(p->needk[x] & k) && !(p->needh[x] & h))
			return 0;
	return 1;
}

static inline int ma_pr_pattern_can(const struct ma_pr_pattern *p, uint64_t k, uint64_t h)
{
	return ma_pr_pattern_can_from(p, k, h, 0);
}

/* The bytes of v (ma_load8, every byte below 0x80) in lo..hi, as 0x80 in
 * each (0 elsewhere): adding 0x80 - lo sets a byte's high bit from lo on,
 * adding 0x7F - hi past hi (no carry crosses a byte below 0x80). */
static inline uint64_t ma_pr_range8(uint64_t v, unsigned lo, unsigned hi)
{
	const uint64_t ones = 0x0101010101010101ull;

	return (v + (0x80u - lo) * ones) & ~(v + (0x7Fu - hi) * ones) & 0x8080808080808080ull;
}

/* 1 if some byte of v (eight bytes of ma_pr_words.brk, ma_load8) is 1:
 * a sentence starts at one of those words (that byte of v ^ 0x01... is
 * 0; the test of a zero byte is exact for "some"). The phrase loop's
 * sentence end, eight words a step (promptcost27). */
static inline int ma_pr_has1(uint64_t v)
{
	uint64_t x = v ^ 0x0101010101010101ull;

	return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
}

/* A 6-bit hash of a word's first two bytes (a quick filter before a
 * literal word is compared). */
static inline int ma_pr_h2(const char *w, size_t l)
{
	unsigned a = (unsigned char)w[0], b = l > 1 ? (unsigned char)w[1] : 0;
	return (int)((a * 31u + b) & 63u);
}

/* Builds the indexes once (thread-safe); returns 0, or -1 if a table is
 * malformed (then the scorer scores by its other features only). */
int ma_pr_lex_init(void);
/* Why ma_pr_lex_init failed (a word-list word longer than 255 bytes, a
 * stem of one byte, a full table ...: the first failure, with the start
 * of the string at fault), or NULL when the build succeeded. The build
 * of the library runs agentproto/tests/prompt_lexcheck.c, which prints
 * it and fails the build: a malformed table never ships (the scorer
 * would score by its other features only). */
const char *ma_pr_lex_error(void);
/* 1 if the indexes are built (without building them: for tests; the
 * scorer builds them when the library is loaded, ma_prompt.c). */
int ma_pr_lex_ready(void);
/* The class mask of the word w (l bytes, normalised): the OR of the
 * classes of the entries that are w and of the stems that start it (a
 * one-byte stem only where w's second byte is no letter). By a hash of the
 * lexicon's strings; ma_pr_lex_slow the same by a scan of the entries
 * that start with w's first two bytes (for tests). */
uint64_t ma_pr_lex_classes(const char *w, size_t l);
uint64_t ma_pr_lex_slow(const char *w, size_t l);
/* The same, and in *lists the bits of the registered word lists that w
 * is one of (bit b: ma_pr_lit() of list b is 1 for w), by the same walk
 * of the hash. */
uint64_t ma_pr_lex_word(const char *w, size_t l, uint64_t *lists);
/* ma_pr_lex_word for a word of eight bytes or fewer whose bytes v holds
 * (the first in the lowest bits, zero above the l-th: what the splitter's
 * cache loads), by an index of the lexicon's strings keyed by their bytes
 * (a longer word: ma_pr_lex_word): a string of the lexicon by the answer
 * its slot keeps from the build, another word by its stems' slots. */
uint64_t ma_pr_lex_word8(const char *w, size_t l, uint64_t v, uint64_t *lists);
/* ma_pr_lex_word for a word of nine to sixteen bytes, by an index of the
 * lexicon's strings keyed by their bytes as ma_pr_lex_word8's (w's
 * first and last eight bytes are read; another length: ma_pr_lex_word),
 * a string of the lexicon by its slot's answer as there. */
uint64_t ma_pr_lex_word16(const char *w, size_t l, uint64_t *lists);
/* The same with the high part: *x gets the index of the word's pair of
 * high masks (ma_pr_khi, ma_pr_fhi; 0: none). */
uint64_t ma_pr_lex_wordx(const char *w, size_t l, uint64_t *lists, uint8_t *x);
uint64_t ma_pr_lex_word8x(const char *w, size_t l, uint64_t v, uint64_t *lists, uint8_t *x);
uint64_t ma_pr_lex_word16x(const char *w, size_t l, uint64_t *lists, uint8_t *x);
/* The pairs of high masks by index (classes 64..127 as bits 0..63 of
 * ma_pr_khi; lists the same in ma_pr_fhi), read-only once the indexes are
 * built. */
extern uint64_t ma_pr_khi[MA_PR_HIMAX], ma_pr_fhi[MA_PR_HIMAX];
/* The index of the pair (kh, fh), or 0 if the table has none (the build
 * puts in every pair a word can end up with: a lookup's, a joined word's
 * lists without classes, a Cyrillic word's lists with its
 * transliteration's classes; for the splitter's rare paths). */
int ma_pr_lex_hipair(uint64_t kh, uint64_t fh);
/* Registers a word list of ma_pr_lit() ('|' alternatives, '~' ending a
 * stem of two bytes or more) before the indexes are built (from
 * ma_pr_feat_build, ma_pr_olists_build): returns its bit (0..127; 64 on
 * is the high part, ma_pr_wf_has), or -1 when MA_PR_LBITS are registered
 * or it has a stem of one byte (then the build fails: ma_pr_lex_init
 * returns -1). The first tokens' list (ma_pr_starts.litbit) is registered
 * first: its bit is low. */
int ma_pr_lex_list(const char *s, size_t l);
/* The compiled patterns and their count. */
const struct ma_pr_pattern *ma_pr_lex_patterns(size_t *n);
/* The index of the first pattern whose source holds needle, or -1 (looked
 * up once, for a feature that takes a pattern's weight back). */
int ma_pr_lex_pattern_find(const char *needle);
/* the same from pattern `from` on (every pattern a needle names: from the
 * last one found + 1) */
int ma_pr_lex_pattern_find_from(const char *needle, int from);
/* The indexes of the patterns whose first token has class c, in
 * ascending order; *n their count. */
const uint16_t *ma_pr_lex_starting(int c, size_t *n);
/* A pattern whose first token may be a word by one literal alternative. */
struct ma_pr_start {
	uint16_t pat;
	uint8_t l, stem; /* alt's (a word of another length is not alt: no deref) */
	const struct ma_pr_alt *alt;
	/* alt's first bytes (eight at most; ma_pr_key8: the first in the
	 * lowest bits) and the mask of them: a word whose key masked is not v
	 * is not alt (one compare where a loop over the bytes was) */
	uint64_t v, m;
	/* the pattern's first needed token (needk[0], needh[0]; all bits
	 * when it needs none): its first test of ma_pr_pattern_can without
	 * its record */
	uint64_t k0, h0;
};

/* The first min(l, 8) bytes of w, the first in the lowest bits, zero
 * above (the same on any byte order). */
static inline uint64_t ma_pr_key8(const char *w, size_t l)
{
	uint64_t v = 0;

	for (size_t k = 0; k < l && k < 8; k++)
		v |= (uint64_t)(unsigned char)w[k] << (8 * k);
	return v;
}
/* The first tokens' literal alternatives that a word of ma_pr_h2() h2
 * (0..63) may be (the token's h2 bits have h2), in the order of their
 * patterns; *n their count. */
const struct ma_pr_start *ma_pr_lex_starting_lit(int h2, size_t *n);
/* Those of them that start with the first byte of the word w (of
 * ma_pr_h2() h2), in the same order: what a word can be of the list above. */
const struct ma_pr_start *ma_pr_lex_starting_word(const char *w, int h2, size_t *n);
/* The two start indexes above as they are stored, for the phrase loop to
 * read without a call per word: the patterns whose first token has class c
 * are byclass[c * stride .. + nbyclass[c]); the literal starts of a word w
 * of ma_pr_h2() h are byh2b[h2bstart[k] .. h2bstart[k + 1]) with k = h * 28
 * + btab[first byte of w]; bit m of h2blens[k] (63: 63 or more) is set
 * when a word of m bytes may be one of them (an alternative of m bytes, a
 * stem of m or fewer). NULL when the tables are malformed. */
struct ma_pr_starts {
	const uint16_t *byclass;
	const uint8_t *nbyclass, *btab;
	size_t stride;
	const struct ma_pr_start *byh2b;
	const uint16_t *h2bstart;
	const uint64_t *h2blens;
	/* byh2b's list k in chunks of 64: chunk c (h2bchunk[k] <= c <
	 * h2bchunk[k + 1]) holds its alternatives 64 * (c - h2bchunk[k]) ..,
	 * and bit x of h2bm[c][m] is set for the chunk's x-th when a word of
	 * m bytes (1..14; 15: 15 or more, its length tested after) may be it */
	const uint16_t *h2bchunk;
	const uint64_t (*h2bm)[16];
	/* the bit of ma_pr_words.f set for a word that is a literal
	 * alternative of some pattern's first token (ma_pr_lex_list), -1 when
	 * not indexed: a word whose bit is clear starts no pattern by a
	 * literal */
	const int *litbit;
	/* the classes c whose nbyclass[c] is not 0: a word of none of them
	 * starts no pattern by a class (startkh: classes 64.., by ma_pr_khi) */
	const uint64_t *startk, *startkh;
	/* byclass's lists packed: class c's patterns are cspat[csoff[c] ..
	 * csoff[c + 1]), in the same order, and csk0, csh0 at the same places
	 * hold each one's first needed token (ma_pr_pattern's needk[0],
	 * needh[0]; all bits when nneed is 0): a pattern whose csk0 meets no
	 * class of a stretch and csh0 none of its ma_pr_h2() bits cannot match
	 * there (ma_pr_pattern_can fails at its first test) */
	const uint16_t *csoff, *cspat;
	const uint64_t *csk0, *csh0;
};
const struct ma_pr_starts *ma_pr_lex_starts(void);
/* Class ids the scorer itself needs. */
int ma_pr_lex_class(const char *name);
/* The words of class c, separated by spaces ('~' ending a stem), or NULL
 * (for tests). */
const char *ma_pr_lex_class_words(int c);

/* ---- the scorer's state (ma_prompt.c), shared with its features ---- */

#define MA_PR_WIN     2048            /* input bytes judged at once; longer text in windows */
#define MA_PR_OVERLAP 256             /* windows overlap so a phrase on a boundary is seen */
#define MA_PR_NORM    (MA_PR_WIN + 8) /* normalised bytes of one window */
#define MA_PR_WORDS   1024            /* words of one window */
#define MA_PR_DECODED 1024            /* a base64 / hex / binary run decoded for a second look */
/* the patterns' seen flags: room for this many patterns (a pattern's
 * index is a uint16_t in ma_prompt_lex.c's start indexes; a class starts
 * 255 patterns at most). 512 -> 640 in session 26 (promptcap2): 256
 * bytes of the scorer's stack (seen[] and the phrase loop's dead[]) */
#define MA_PR_PATS 640
/* the pattern groups "@F" .. "@J" (ma_prompt_lex.c) */
#define MA_PR_GROUPS 5
#define MA_PR_LOCI   32 /* phrase matches placed in a window (ma_pr_near) */

struct ma_pr_words {
	const char *t; /* the normalised text */
	int n;
	uint16_t s[MA_PR_WORDS];
	uint8_t l[MA_PR_WORDS];   /* length, 255 at most */
	uint8_t brk[MA_PR_WORDS]; /* 1: a sentence ends before this word; 2: a comma */
	uint64_t k[MA_PR_WORDS];  /* classes */
	uint64_t f[MA_PR_WORDS];  /* the word lists it is one of (ma_pr_lex_word) */
	uint8_t h[MA_PR_WORDS];   /* ma_pr_h2() */
	/* the high part: classes 64.. ma_pr_khi[x], lists 64.. ma_pr_fhi[x]
	 * (0: none) */
	uint8_t x[MA_PR_WORDS];
	/* facts of all the words, for a feature to see at once that it has
	 * nothing to look for (ma_prompt.c's ma_pr_split and ma_pr_reclass
	 * set them; the splitter alone only ORs kall): */
	uint64_t kall, fall;   /* the OR of the words' classes, of their list bits */
	uint64_t kallh, fallh; /* the same of their high parts (ma_pr_facts) */
	uint8_t xall;          /* the OR of their x (the splitter sets it) */
	int maxlen;            /* the longest word's length */
	int run1;              /* the longest run of words of one byte */
	int runlen;            /* the longest run of words of one length */
	unsigned maxfirst;     /* the highest first byte of a word (0: none) */
	/* ma_prompt_fp.c's memo of ma_fp_role_set for this window (-1: not
	 * looked for yet; ma_pr_benign resets it). Here and not a
	 * _Thread_local (promptfp17b, session 28): see ma_pr_pool's comment
	 * in ma_prompt.c */
	int fprole;
};

struct ma_pr_score {
	double score;
	double best; /* the strongest weight */
	int family;  /* its family */
	unsigned char seen[MA_PR_PATS];
	double group[MA_PR_GROUPS]; /* the strongest match of groups 'F'..'J' (added at the end) */
	int group_family[MA_PR_GROUPS]; /* its family */
	int group_at[MA_PR_GROUPS];     /* the word it starts at */
	int group_end[MA_PR_GROUPS];    /* the word after its last */
	/* where the phrase patterns matched (promptfp18, ma_pr_near): the
	 * word each starts at, its pattern (-1: a group's) and weight (0:
	 * taken back); past MA_PR_LOCI a match is not recorded, and counts
	 * wherever it is */
	int tmpl; /* the text is a prompt template (ma_pr_template) */
	/* ma_pr_tool's first strong marker's word + 1 (0: none), for
	 * ma_pr_indirect (session 31) */
	int tlstrong;
	/* whether the text is a transcript (ma_prompt_tool.c's
	 * ma_tl_transcript) + 1, 0: not looked for yet; ma_pr_tool's, read
	 * again by ma_pr_indirect (promptind4) */
	int tltr;
	int nloci;
	int16_t locus[MA_PR_LOCI];
	int16_t locend[MA_PR_LOCI];
	int16_t locpat[MA_PR_LOCI];
	float locw[MA_PR_LOCI];
};

/* Class bits the scorer uses directly (looked up once). */
struct ma_pr_kbits {
	uint64_t my, neg, ign, pw, secret, code, pwmod, r13, your, yourout, insert, following,
	    snippet, fiction, forbid, say, ai, you, show, what, pii, access, granted, correct,
	    output, begin, only, goal, auth;
};

/* The pass's buffers (ma_prompt.c: the normalised text, its words, the
 * class bits; ~24 KB), kept off the caller's stack: a call with a request
 * scores in the request's scratch block, one without takes a pass of a
 * pool of the library's (ma_pr_pass_take; waits while all MA_PR_POOL are
 * taken) and gives it back (ma_pr_pass_give). For ma_prompt.c, and for the
 * test that holds them all to see a call wait. */
#define MA_PR_POOL 16
struct ma_pr_pass;
struct ma_pr_pass *ma_pr_pass_take(void);
void ma_pr_pass_give(struct ma_pr_pass *ps);

/* Splits t (n bytes, normalised) into w's words: their places, lengths,
 * sentence and comma breaks, classes and ma_pr_h2(); leet digits of a word
 * the lexicon does not know are read as letters in place (ma_prompt.c).
 * ma_pr_split_slow does the same byte by byte (for tests). */
void ma_pr_split_words(char *t, size_t n, struct ma_pr_words *w);
void ma_pr_split_slow(char *t, size_t n, struct ma_pr_words *w);
/* 1 if two words of w in a row, after its first, open sentences (brk 1;
 * the splitter's breaks are 0, 1 and 2): what a phrase cut into sentences
 * of one word each needs before ma_prompt.c's split joins it ("Ignore.
 * All. Previous. Instructions."); 0 otherwise. Eight pairs at a time. */
int ma_pr_brk_pair(const struct ma_pr_words *w);
/* 1 if word i of w is one of the hijack's words that ask for a phrase in
 * other words or another language (ma_prompt.c's ma_pr_hj_order): by
 * ma_pr_lit after a filter of the alternatives' first two bytes, or
 * (filtered 0) by ma_pr_lit alone; and the list's text, *l its length
 * (for the unit test that compares the two). */
int ma_pr_hj_order_is(const struct ma_pr_words *w, int i, int filtered);
const char *ma_pr_hj_order_text(size_t *l);

/* The patterns the phrase loop finds in t (n bytes, normalised; split in
 * place): seen[k] 1 for pattern k (MA_PR_PATS bytes), as ma_prompt.c's
 * scorer finds them in a window (for tests). */
void ma_pr_phrases_seen(char *t, size_t n, unsigned char *seen);

/* The core word of an override ("ignore", "previous", "instructions"
 * ...) that x (l lowercase letters) is written wrong for, as its index +
 * 1, or 0 (ma_prompt.c's ma_pr_core_of); fast 0 without the test of its
 * first two bytes (for the unit test that compares the two). */
int ma_pr_core_word(const char *x, size_t l, int fast);

/* The word lists of ma_prompt.c looked up through their filters (first
 * two bytes, ma_pr_h2(), lengths), for the unit test that compares them
 * with ma_pr_lit(): how many, list k's text, and whether word i of w is
 * one of list k's alternatives. */
size_t ma_pr_olist_count(void);
const char *ma_pr_olist_text(size_t k, size_t *l);
int ma_pr_olist_is(const struct ma_pr_words *w, int i, size_t k);

/* Adds a feature of weight w to the score (noisy-OR) for family. */
void ma_pr_add(struct ma_pr_score *sc, int family, double w);
/* Takes back the weight of pattern x (seen, no group) from sc's score
 * (noisy-OR: 1 - (1 - s) / (1 - w) undoes an addition of w). */
void ma_pr_unadd(struct ma_pr_score *sc, int x);
/* ma_prompt_fp.c: takes back the weights of override and mode patterns
 * whose words all stand where they are no override: a question about a
 * named tool's rules or a game's mode, reported speech (session 22); a
 * named thing's earlier instructions, a thing above another, everything
 * set aside for rest, the goal words named in a writing task (session
 * 23). */
void ma_pr_benign(const struct ma_pr_words *w, struct ma_pr_score *sc);
/* ma_prompt_fp.c: the first word of word i's sentence and (*e) the word
 * after its last, as ma_pr_benign's readings take it (a break of brk 1
 * that is no dot file's name); plain: word by word (the unit test's
 * reference), else eight words a step where no brk byte is 1 first */
int ma_fp_sentence_of(const struct ma_pr_words *w, int i, int *e, int plain);
/* ma_prompt_fp.c: 1 if words i and i + 1 are glued by '_' into one
 * identifier ("system_instructions") that is one value of a bracketed
 * enumeration ("<user_message|system_instructions|tool_result>",
 * "{user_message, system_prompt}"): a '|' or ',' right before or after
 * it, an opening bracket before it past the other values (session 33,
 * promptfp22). end: the byte after the window's last word. */
int ma_fp_enum_value(const struct ma_pr_words *w, int i, const char *end);
/* 1 if word i of w is one of the lower-case alternatives of lit[0..ll)
 * ('|' between them, '~' ending a stem; an alternative has a byte at
 * least: "~" alone is none). */
int ma_pr_lit(const struct ma_pr_words *w, int i, const char *lit, size_t ll);
/* The first bytes and the lengths of lit's alternatives (lit[0..ll) as
 * ma_pr_lit() reads it): bit c - 'a' for a first byte c that is a letter,
 * bit 26 for any other, bit 31 set always (never 0: the mark of a mask
 * built); bit 32 + l for the words of l bytes one may be (l 31: 31 or
 * more; a stem's every length from its own). */
uint64_t ma_pr_lit_first(const char *lit, size_t ll);

/* ma_pr_lit(w, i, lit, ll) where *m caches ma_pr_lit_first(lit, ll) (0:
 * not built yet; built at the first call, the same by any thread): a word
 * whose first byte starts none of the alternatives, or whose length none
 * may have, is none of them at once, without the walk of the text
 * (promptcost27). */
static inline int ma_pr_lit_m(const struct ma_pr_words *w, int i, const char *lit, size_t ll,
                              uint64_t *m)
{
	uint64_t b = __atomic_load_n(m, __ATOMIC_RELAXED);
	unsigned c = (unsigned)(unsigned char)w->t[w->s[i]] - 'a', l = w->l[i];

	if (!b) {
		b = ma_pr_lit_first(lit, ll);
		__atomic_store_n(m, b, __ATOMIC_RELAXED);
	}
	return (b >> (c < 26 ? c : 26) & 1) && (b >> (32 + (l < 31 ? l : 31)) & 1) &&
	       ma_pr_lit(w, i, lit, ll);
}

/* ma_pr_lit() with a string literal (or an array) s: a mask of its first
 * bytes of the call site's own (ma_pr_lit_m). s must be an array: a
 * pointer (a conditional between two literals, "c ? "a|b" : "c|d"") fails
 * the build: its sizeof is the pointer's, and the site's one mask would
 * be built from whichever list came first (review20). */
#define MA_PR_LITS(w, i, s)                                                                        \
	__extension__({                                                                            \
		static uint64_t ma_pr_lit_site_;                                                   \
		_Static_assert(!__builtin_types_compatible_p(__typeof__(s), __typeof__(&(s)[0])),  \
		               "MA_PR_LITS: s is a pointer, not an array");                        \
		ma_pr_lit_m((w), (i), (s), sizeof(s) - 1, &ma_pr_lit_site_);                       \
	})

/* A call site's filter of its list (MA_PR_LITS2): m as ma_pr_lit_first()
 * (0: not built yet), and bit (b & 31) of k2[a & 31] set for the first
 * two bytes a, b of each alternative of two bytes or more (every b for a
 * stem of one byte), so a word of two bytes or more whose bit is clear
 * is none of them (promptind4: ma_prompt_tool.c's lists at each AI word,
 * where first byte and length let most words through). */
struct ma_pr_lsite {
	uint64_t m;
	uint32_t k2[32];
};
/* Builds c from lit[0..ll) (any thread, the same values; m stored last). */
void ma_pr_lsite_build(struct ma_pr_lsite *c, const char *lit, size_t ll);

/* ma_pr_lit(w, i, lit, ll) through c's filter (built at the first call). */
static inline int ma_pr_lit_s(const struct ma_pr_words *w, int i, const char *lit, size_t ll,
                              struct ma_pr_lsite *c)
{
	uint64_t b = __atomic_load_n(&c->m, __ATOMIC_ACQUIRE);
	const char *ws = w->t + w->s[i];
	unsigned f = (unsigned)(unsigned char)ws[0] - 'a', l = w->l[i];

	if (!b) {
		ma_pr_lsite_build(c, lit, ll);
		b = __atomic_load_n(&c->m, __ATOMIC_ACQUIRE);
	}
	if (!(b >> (f < 26 ? f : 26) & 1) || !(b >> (32 + (l < 31 ? l : 31)) & 1))
		return 0;
	if (l >= 2 && !(__atomic_load_n(&c->k2[ws[0] & 31], __ATOMIC_RELAXED) >> (ws[1] & 31) & 1))
		return 0;
	return ma_pr_lit(w, i, lit, ll);
}

/* MA_PR_LITS with the two-byte filter of ma_pr_lit_s (a site's own). */
#define MA_PR_LITS2(w, i, s)                                                                       \
	__extension__({                                                                            \
		static struct ma_pr_lsite ma_pr_lit_site2_;                                        \
		_Static_assert(!__builtin_types_compatible_p(__typeof__(s), __typeof__(&(s)[0])),  \
		               "MA_PR_LITS2: s is a pointer, not an array");                       \
		ma_pr_lit_s((w), (i), (s), sizeof(s) - 1, &ma_pr_lit_site2_);                      \
	})

/* A word list of ma_pr_lit() with a filter built once (ma_pr_lex_init):
 * bit (a & 31) * 32 + (b & 31) of bm is set for the first two bytes a, b
 * of each alternative (b 0 for an alternative of one byte; every b for a
 * stem of one byte), so a word whose bit is clear is none of them; and
 * its alternatives parsed (n of them, -1 when over 64: then ma_pr_lit
 * reads the text), by their first byte c (bit x of first[c & 31]:
 * alternative x). */
struct ma_pr_lset {
	const char *s;
	size_t l;
	int bit; /* its bit in ma_pr_words.f (ma_pr_lex_list) */
	uint64_t bm[16];
	int n;
	uint64_t first[32];
	uint16_t off[64];
	uint8_t len[64], stem[64];
};

/* ma_pr_lit(w, i, ls->s, ls->l) by the parsed alternatives (its filter
 * passed; ma_prompt_feat.c). */
int ma_pr_lset_find(const struct ma_pr_words *w, int i, const struct ma_pr_lset *ls);

/* 1 if word i of w has class c (0..MA_PR_KBITS - 1), low or high. */
static inline int ma_pr_wk_has(const struct ma_pr_words *w, int i, int c)
{
	return c < 64 ? (int)(w->k[i] >> c & 1) : (int)(ma_pr_khi[w->x[i]] >> (c - 64) & 1);
}

/* 1 if word i of w is one of list b's words (0..MA_PR_LBITS - 1). */
static inline int ma_pr_wf_has(const struct ma_pr_words *w, int i, int b)
{
	return b < 64 ? (int)(w->f[i] >> b & 1) : (int)(ma_pr_fhi[w->x[i]] >> (b - 64) & 1);
}

/* ma_pr_lit(w, i, ls->s, ls->l) by the word's list bits (w made by
 * ma_pr_split_words). */
static inline int ma_pr_lset_has(const struct ma_pr_words *w, int i, const struct ma_pr_lset *ls)
{
	return ma_pr_wf_has(w, i, ls->bit);
}

/* 1 if some word of w is one of ls's alternatives (ma_pr_words.fall). */
static inline int ma_pr_lset_any(const struct ma_pr_words *w, const struct ma_pr_lset *ls)
{
	return ls->bit < 64 ? (int)(w->fall >> ls->bit & 1) : (int)(w->fallh >> (ls->bit - 64) & 1);
}

/* ma_pr_lit(w, i, ls->s, ls->l), a word the filter rules out at once. */
static inline int ma_pr_lset_is(const struct ma_pr_words *w, int i, const struct ma_pr_lset *ls)
{
	const char *x = w->t + w->s[i];
	unsigned b =
	    ((unsigned char)x[0] & 31u) * 32u + (w->l[i] > 1 ? (unsigned char)x[1] & 31u : 0u);

	return (ls->bm[b >> 6] >> (b & 63) & 1) && ma_pr_lset_find(w, i, ls);
}

/* The first word of w from i on (w->n if none) whose classes meet km or
 * whose word lists (ma_pr_words.f) meet fm (classes and lists 0..63; a
 * walk for a high one tests ma_pr_wk_has, ma_pr_wf_has at each word): where a feature's walk over
 * the words that does nothing at a word of neither goes next, passing
 * eight words a step (their masks ORed) and not one. */
static inline int ma_pr_next_of(const struct ma_pr_words *w, int i, uint64_t km, uint64_t fm)
{
	int n = w->n;

	for (; i + 8 <= n; i += 8)
		if (((w->k[i] | w->k[i + 1] | w->k[i + 2] | w->k[i + 3] | w->k[i + 4] |
		      w->k[i + 5] | w->k[i + 6] | w->k[i + 7]) &
		     km) |
		    ((w->f[i] | w->f[i + 1] | w->f[i + 2] | w->f[i + 3] | w->f[i + 4] |
		      w->f[i + 5] | w->f[i + 6] | w->f[i + 7]) &
		     fm))
			break;
	for (; i < n; i++)
		if ((w->k[i] & km) | (w->f[i] & fm))
			break;
	return i;
}

/* Builds the filters of the features' lists (once, from ma_pr_lex_init);
 * ma_pr_feat_lsets gives them (for tests), *n their count. */
void ma_pr_feat_build(void);
/* Parses ma_prompt.c's word lists and registers them (ma_pr_lex_list):
 * once, from ma_pr_lex_init, before the indexes are built. */
void ma_pr_olists_build(void);
/* Registers the features' lists that come after every other (their bits
 * high, the others' unmoved): once, from ma_pr_lex_init, last. */
void ma_pr_feat_build_late(void);
const struct ma_pr_lset *const *ma_pr_feat_lsets(size_t *n);

/* The bytes of v that are ASCII letters ([A-Za-z]), as 0x80 in each
 * (0 elsewhere): bytes with the high bit left out first so that no carry
 * crosses a byte; then v | 0x20 in each is in 'a'..'z' (adding 0x1F sets
 * the high bit from 'a' on, adding 0x05 past 'z'). The normaliser's runs
 * of letters, the encoded runs' extension (ma_prompt.c). */
static inline uint64_t ma_pr_letter_bytes(uint64_t v)
{
	const uint64_t hi = 0x8080808080808080ull;
	uint64_t x = (v | 0x2020202020202020ull) & ~hi;

	return (x + 0x1F1F1F1F1F1F1F1Full) & ~(x + 0x0505050505050505ull) & ~v & hi;
}

/* The bytes of v that are '-' (0x2D) or '.' (0x2E), as 0x80 in each (0
 * elsewhere), as ma_pr_letter_bytes finds letters: the high bits left out
 * first (a byte of 0x80 or more is neither). The Morse runs' starts
 * (ma_prompt.c). */
static inline uint64_t ma_pr_dotdash8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ull, hi = 0x8080808080808080ull;
	uint64_t x = v & ~hi;

	return (x + (0x80u - '-') * ones) & ~(x + (0x7Fu - '.') * ones) & ~v & hi;
}

static inline int ma_pr_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* ---- ma_prompt_feat.c: whole-text features, each adding to sc ---- */

void ma_pr_cjk(const char *t, size_t n, struct ma_pr_score *sc);
void ma_pr_payload(const struct ma_pr_words *w, const char *t, size_t n,
                   const struct ma_pr_kbits *kb, struct ma_pr_score *sc);
void ma_pr_periodic(const struct ma_pr_words *w, struct ma_pr_score *sc);
void ma_pr_comment(const struct ma_pr_words *w, size_t n, const struct ma_pr_kbits *kb,
                   struct ma_pr_score *sc);
void ma_pr_image_exfil(const struct ma_pr_words *w, size_t n, struct ma_pr_score *sc);
void ma_pr_symbol_key(const struct ma_pr_words *w, size_t n, struct ma_pr_score *sc);
void ma_pr_fiction(const struct ma_pr_words *w, const struct ma_pr_kbits *kb,
                   struct ma_pr_score *sc);
void ma_pr_markup_scan(const char *t, size_t n, struct ma_pr_score *sc);
int ma_pr_slot_line(const char *t, size_t n, size_t p);
int ma_pr_template(const char *t, size_t n);
void ma_pr_forcing(const struct ma_pr_words *w, size_t n, struct ma_pr_score *sc);
void ma_pr_flood(const struct ma_pr_words *w, const char *t, size_t n, struct ma_pr_score *sc);
void ma_pr_glued(const struct ma_pr_words *w, struct ma_pr_score *sc);
void ma_pr_goal(const struct ma_pr_words *w, const struct ma_pr_kbits *kb, struct ma_pr_score *sc);
void ma_pr_claim(const struct ma_pr_words *w, size_t n, const struct ma_pr_kbits *kb,
                 struct ma_pr_score *sc);
void ma_pr_dialogue(const struct ma_pr_words *w, const char *t, size_t n, struct ma_pr_score *sc);
/* An authority announced as the speaker: a sentence "this is (the / your)
 * (system) administrator." or "here is your developer" that ends at the
 * authority's name (a hint: the model is then told to obey). */
void ma_pr_speaker(const struct ma_pr_words *w, const struct ma_pr_kbits *kb,
                   struct ma_pr_score *sc);
/* Jailbreak set-ups that no one phrase shows: a refusal priced in tokens
 * or punished ("every time you refuse, 5 tokens are deducted"), two
 * answers of which one is normal and one unrestricted, refusal
 * suppressed in several kinds ("never apologise", "no warnings", "never
 * say you can't"; it reads sc->seen, so after the phrases). */
void ma_pr_jailbreak(const struct ma_pr_words *w, const struct ma_pr_kbits *kb,
                     struct ma_pr_score *sc);
/* ma_prompt_tool.c: instructions planted for an AI reader in tool output
 * (an address to the AI reader or a fake system marker, then an order). */
void ma_pr_tool(const struct ma_pr_words *w, const char *t, size_t n, const struct ma_pr_kbits *kb,
                struct ma_pr_score *sc);
/* Looks up the classes ma_pr_tool needs: once, from ma_pr_lex_init. */
void ma_pr_tool_build(void);
/* ma_prompt_tool.c (session 31, promptind): the indirect case, a document's
 * line addressed to the model that reads it (a label, a vocative, a
 * hidden comment, "when you summarize this page") with an act for the
 * user the user did not ask for (data sent out or appended to a URL,
 * something deleted or paid, a download piped to a shell, the user told
 * to give a card or a password at an address): 0.9. */
void ma_pr_indirect(const struct ma_pr_words *w, const char *t, size_t n,
                    const struct ma_pr_kbits *kb, struct ma_pr_score *sc);

/* The encoded runs of a window that ma_pr_decode_runs decodes and scores
 * again (ma_prompt.c), for the unit test that compares the fast walk
 * (fast 1: what the scorer runs) with the byte-by-byte one (fast 0): each
 * run's bytes [a, e), its decoded length and a hash of the decoded bytes.
 * Returns how many runs s (n bytes) has; the first max go to r. */
struct ma_pr_run {
	size_t a, e, dl;
	uint64_t sum;
};
size_t ma_pr_runs_walk(const char *s, size_t n, int fast, struct ma_pr_run *r, size_t max);

/* ma_prompt_norm.c: 1 if x (l bytes, any case) is the name of an element
 * of HTML's text markup the normaliser drops (*inl 1: an inline one's);
 * and the k-th of those names (its block flag, the letter whose part of
 * the index holds it, 0..25), returning how many there are (for the unit
 * test that compares the index with a walk over the names). */
int ma_pr_html_name_of(const char *x, size_t l, int *inl);
size_t ma_pr_html_names_of(size_t k, const char **name, int *blk, unsigned *first);

/* ma_prompt_norm.c: ma_prompt_normalise (ma_int.h) a byte at a time (for
 * the unit test that compares the two). */
size_t ma_prompt_normalise_slow(const char *s, size_t n, char *out, size_t cap, int *mixed);

/* ma_prompt_norm.c: the ASCII letter the look-alike code point c stands
 * for (0 none, 1 dropped, ' ' a space), as the normaliser folds it (fast
 * 1: first ruled out by its page) or by every rule in turn (fast 0; for
 * the unit test that compares the two). */
int ma_pr_fold_code(uint32_t c, int fast);

/* ma_prompt_norm.c: English written in Cyrillic letters ("Игноре"): the
 * word w (l bytes, lowercase) transliterated into out (cap bytes);
 * returns its length, 0 if w holds anything but Cyrillic letters or does
 * not fit. */
size_t ma_pr_translit(const char *w, size_t l, char *out, size_t cap);

/* ma_prompt_dec.c: more encodings, decoded for a second look (escapes,
 * number lists, base32, Braille, upside-down letters; Atbash, NATO). The
 * walk over a window's runs: ma_pr_dec_init, then ma_pr_dec_next until it
 * returns -1 (each run decoded into d, cap bytes, its length returned, 0
 * for a run that decodes to nothing; *hid 0 when the escapes stood for
 * punctuation alone, as ma_pr_decode_runs' percent-encoded runs). */
struct ma_pr_dec {
	size_t j, lo, lo32, lob; /* the next probe; where runs were read to */
	int fam, pass;
	unsigned has; /* bits: '&', '\\', '=', 0xC9 in the text */
};
void ma_pr_dec_init(struct ma_pr_dec *st, const char *s, size_t n);
/* The bytes ma_pr_dec_init looks for in s (n bytes) (bits 1 '&', 2
 * '\\', 4 '=', 8 0xC9, 16 '~'); ma_pr_dec_init_has starts a walk with
 * those bits. ma_pr_dec_leet_scan: MA_PR_DEC_LEET when s holds '@', '$'
 * or '|' and two tokens that ma_pr_dec_leet reads as leet words (prompt17;
 * apart since promptcost26: looked for only where the leet pass may run),
 * else 0. */
#define MA_PR_DEC_LEET 32u
unsigned ma_pr_dec_scan(const char *s, size_t n);
unsigned ma_pr_dec_leet_scan(const char *s, size_t n);
void ma_pr_dec_init_has(struct ma_pr_dec *st, unsigned has);
long ma_pr_dec_next(struct ma_pr_dec *st, const char *s, size_t n, char *d, size_t cap, int *hid);
/* ma_pr_dec_next's dense runs (its family 6: base58, ascii85 unframed,
 * base85, base64 turned) from *j on (15 at first; *lo 0), one a call:
 * the decoded length into d (0: no text), -1 when none is left. plain 0
 * as the scorer reads them, 1 as session 28 did (each run's bytes classed
 * before its length is known; promptcost28), for the test that compares
 * the two. */
long ma_pr_dec_dense_next(const char *s, size_t n, size_t *j, size_t *lo, char *d, size_t cap,
                          int plain);
/* 1 if the words [a, b) of w (a sentence) read in Atbash (a<->z) are
 * common words: three at least, a third of them. */
int ma_pr_dec_atbash(const struct ma_pr_words *w, int a, int b);
#define MA_PR_ATBASH (-1) /* ma_pr_caesar_shift's answer for Atbash */
/* Letters split apart in clear (prompt17): s (n bytes, raw) into b (cap
 * bytes) with the lone characters one space apart glued ("w h a t   i s"
 * -> "what is": a wider gap or a newline parts words) and the tokens of
 * characters one joining byte apart joined ("w.h.a.t", "i-g-n-o-r-e",
 * "p_r_o_m_p_t"; '.', '-', '_', '*', '|', '~' or '/', one kind a token);
 * its length, *glued how many gaps and joins were dropped. */
size_t ma_pr_dec_respace(const char *s, size_t n, char *b, size_t cap, size_t *glued);
/* 1 if nine in ten of d's n bytes (16 at least) are printable ASCII or
 * white space: a decoded run that is a text (ma_prompt_dec.c; the
 * decoders' and ma_prompt.c's second looks). */
int ma_pr_printable(const char *d, size_t n);
/* Leetspeak written with symbols (prompt17): s (n bytes, raw) into b (cap
 * bytes) with the symbols '@', '$', '!', '+' and '|' of a token made of
 * letters, digits and those symbols alone read as the letters a, s, i, t
 * and l ("d!$r3g@rd" -> "disr3gard": the split reads the digits); its
 * length, *mapped how many tokens were read so. 0 at once when s holds
 * none of the symbols. */
size_t ma_pr_dec_leet(const char *s, size_t n, char *b, size_t cap, size_t *mapped);
/* 1 if w names a cipher in clear (rot13, rot, caesar, cipher, atbash) or
 * asks to decode / decrypt / decipher: the Caesar and Atbash checks then
 * read sentences that hold clear words too ("Decode this and do it: ..."). */
int ma_pr_dec_named(const struct ma_pr_words *w);
/* A decoded run d (dl bytes) whose characters stand one space apart,
 * words two spaces or more apart, rewritten in place as words ("i g n o r
 * e   a l l" -> "ignore all"); its new length (dl when it is no such run). */
long ma_pr_dec_unspace(char *d, long dl);
/* 1 if w has six NATO / ICAO words in a row ("india golf november"), or
 * pig latin (five words of seven ending in "ay": "ignoreway allway"); the
 * words read (NATO words as their letters, pig latin back in English,
 * other words kept) written into b (cap bytes), its length returned. */
int ma_pr_dec_words_at(const struct ma_pr_words *w);
size_t ma_pr_dec_words(const struct ma_pr_words *w, char *b, size_t cap);
/* prompt19: the sentences of w that look written backwards word by word:
 * three to fifteen words, an order's verb (IGN, or SAY / SHOW that is no
 * noun too: "reveal", "tell", "print", not "list") last and not
 * first, after a word that opens its object ("the", "all", "your", "me"),
 * and before that what orders are about (INSTR, "your", a secret, a
 * password): "instructions previous all ignore", "prompt system your
 * reveal". Returns the bytes of w's text from the first such sentence to
 * the last as from << 16 | to, 0 if none. ma_pr_dec_revorder writes t (n
 * bytes, normalised) into b (n bytes) with its words and marks in reverse
 * order, each as it is; returns n. */
unsigned ma_pr_dec_revorder_at(const struct ma_pr_words *w, const struct ma_pr_kbits *kb);
/* ma_pr_dec_revorder_at word by word (the unit test's reference; the
 * scorer's skips eight words at a time to a sentence's end) */
unsigned ma_pr_dec_revorder_plain(const struct ma_pr_words *w, const struct ma_pr_kbits *kb);
size_t ma_pr_dec_revorder(const char *t, size_t n, char *b);

/* ma_prompt_enc.c (session 31, promptenc): what a decoded text asks.
 * ma_pr_enc_obey: 1 if the window's words w name a decoding or an
 * encoding (DECODE, ENC) and, within 12 words, not negated, an act on
 * what it says ("decode it and answer it", "follow the decoded text",
 * "beantworte es"). ma_pr_enc_payload adds to sub what a decoded (or
 * rotated, reversed) text's words w say as a hidden instruction: an
 * override cut short at its end ("Ignore prev", "Disregard all pri":
 * 0.7, the verb alone 0.5; 0.85 with obey), a request for content or a
 * how-to at a sentence's start with obey (0.85). ma_pr_enc_rot13: 1 if
 * w reads as rot13 by the lexicon (half of its unknown words, two at
 * least, are known rotated; a word of the rot13 list r13 counts), looked
 * for only when named (ma_pr_dec_named), a rot13 word is there, or the
 * text is short with no word the lexicon knows. */
#define MA_PR_ENC_ACT 1 /* ma_pr_enc_obey: an order to act on what it decodes */
#define MA_PR_ENC_ASK 2 /* ... and no puzzle named: its questions count too */
int ma_pr_enc_obey(const struct ma_pr_words *w);
void ma_pr_enc_payload(const struct ma_pr_words *w, struct ma_pr_score *sub, int obey);
int ma_pr_enc_rot13(const struct ma_pr_words *w, uint64_t r13, int named);

#endif
