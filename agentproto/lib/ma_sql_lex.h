/*
 * ma_sql_lex.h — the SQL tokenizer's run interface (ma_sql_lex.c), beside
 * the token-at-a-time one that ma_int.h declares with the token and lexer
 * types: the sql_injection check's token cache and the attempt rule read
 * tokens many at a time. Internal, not installed.
 */
#ifndef MA_SQL_LEX_H
#define MA_SQL_LEX_H

#include "ma_int.h"

/* Lexes up to max tokens into t[0..), as max calls of ma_sql_lex_next
 * would (the same tokens, lx left in the same state): the count, fewer
 * than max only when the statement ended (lx->pos then lx->len). */
size_t ma_sql_lex_run(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t max);

/* Moves lx forward, without cutting the statement into tokens where it
 * need not, to a place at or before to where the lexer would stand
 * between two tokens (lx->pos, up to whitespace, and lx->in_exec as
 * ma_sql_lex_run would leave them after some token, or where lx stood):
 * lexing on from there gives the statement's own tokens. Outside
 * literals and comments only the bytes that may open one are looked at
 * (sixteen at a time); the lexer's own rules lex the tokens around each
 * such byte. Each of those costs *budget one. 1, or 0 when it stopped
 * before getting near to: the budget ran out, or lx is in (or meets)
 * MySQL's / *! ... * /, whose content is SQL (lx is valid all the same). */
int ma_sql_lex_skip(struct ma_sql_lexer *lx, size_t to, long *budget);

#endif
