/*
 * ma_prompt.h — internal to the llm_prompt_injection check: the lexicon of
 * semantic word classes and the phrase patterns over them (ma_prompt_lex.c),
 * used by the scorer (ma_prompt.c).
 *
 * A word of the normalised text gets a class mask: the OR of the classes
 * of every lexicon entry it matches (an entry is a whole word, or a stem
 * when it ends in '~'). A pattern is a short sequence of tokens, each a
 * class or a literal word list, with a proximity window before each token
 * (how many words may pass between it and the one before, never over a
 * sentence end nor over a word of the user's own, "my"). The tables are
 * built once (pthread_once) into static read-only indexes; nothing is
 * allocated.
 */
#ifndef MA_PROMPT_H
#define MA_PROMPT_H

#include <stddef.h>
#include <stdint.h>

/* The families; a pattern's weight counts for one of them. */
enum { PF_OVERRIDE, PF_ROLEPLAY, PF_EXTRACTION, PF_DELIMITER, PF_ENCODED, PF_N };

#define MA_PR_TOKENS 6 /* tokens of one pattern */

struct ma_pr_token {
	uint8_t gap;     /* words that may pass before this token */
	uint8_t literal; /* 1: lit holds lower-case alternatives too */
	uint8_t neg;     /* 1: matches no word; the next word must not be this token */
	uint8_t litlen;
	uint64_t k;      /* the classes among its alternatives */
	uint64_t h2;     /* ma_pr_h2() bits of its literal alternatives */
	const char *lit; /* '|' alternatives, '~' a stem (the pattern's text) */
};

struct ma_pr_pattern {
	int family;
	double w;
	int n;
	uint32_t first; /* first letters of a literal first token (bit 26: others) */
	uint8_t group;  /* 0, or a group of which only the strongest match counts */
	struct ma_pr_token t[MA_PR_TOKENS];
};

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
/* The class mask of the word w (l bytes, normalised). */
uint64_t ma_pr_lex_classes(const char *w, size_t l);
/* The compiled patterns and their count. */
const struct ma_pr_pattern *ma_pr_lex_patterns(size_t *n);
/* The indexes of the patterns whose first token is class c (c >= 0), or
 * else whose literal first token starts with letter (0..25, 26 any other
 * byte); *n their count. */
const uint8_t *ma_pr_lex_starting(int c, int letter, size_t *n);
/* Class ids the scorer itself needs. */
int ma_pr_lex_class(const char *name);

#endif
