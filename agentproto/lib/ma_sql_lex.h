/*
 * ma_sql_lex.h — the SQL tokenizer's run interface (ma_sql_lex.c), beside
 * the token-at-a-time one that ma_int.h declares with the token and lexer
 * types: the sql_injection check's token cache and the attempt rule read
 * tokens many at a time. Internal, not installed.
 */
#ifndef MA_SQL_LEX_H
#define MA_SQL_LEX_H

#include "ma_int.h"

/* MySQL's rules (MOAT_SQL_MYSQL, and MOAT_SQL_MYSQL_NBE: the same but
 * for strings, where a backslash is a byte like any other) */
#define MA_SQL_MY(d) ((d) >= MOAT_SQL_MYSQL)

/* Lexes up to max tokens into t[0..), as max calls of ma_sql_lex_next
 * would (the same tokens, lx left in the same state): the count, fewer
 * than max only when the statement ended (lx->pos then lx->len). */
size_t ma_sql_lex_run(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t max);

#endif
