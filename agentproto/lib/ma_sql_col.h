/*
 * ma_sql_col.h — the sql_injection check's column pass (ma_sql_col.c):
 * an input that writes again the column or expression compared at its
 * place (id = id, data->>'id' = data->>'id'), judged per operator.
 * Internal, not installed.
 */
#ifndef MA_SQL_COL_H
#define MA_SQL_COL_H

#include "ma_int.h"

/* 1 when the input [a, b) of sql, whose first significant token is w[i]
 * (of the window w, n tokens, each ending at or before b or the input's
 * own comment), placed after the statement's token that ends at
 * prev_end (a comparison, LIKE, GLOB, REGEXP, BETWEEN, IN or '(': the
 * caller's test) with only whitespace and comments between, is an
 * expression of the operand the statement compares there that makes
 * the comparison hold for (nearly) every row (ma_sql_col.c's comment).
 * The caller checks that the operand ends after b and that the rest of
 * the statement runs. Pure. */
int ma_sql_col_judge(int dialect, const char *sql, size_t a, size_t b, const struct ma_sql_tok *w,
                     int n, int i, size_t prev_end);

/* 1 when the one-word input at [a, b) of sql (len bytes) may be the
 * column compared at its place (a whole word, the name before the
 * place's operator, or SQLite's rowid): the bytes alone, before any
 * token is read. Pure. */
int ma_sql_col_plain(int dialect, const char *sql, size_t len, size_t a, size_t b);

/* 1 when the n bytes at w are one of the keywords ma_sql.c knows
 * (ma_sql.c), without case. */
int ma_sql_keyword(const char *w, size_t n);

#endif
