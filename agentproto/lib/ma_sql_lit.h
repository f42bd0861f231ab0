/*
 * ma_sql_lit.h — the value of a comparison an input writes between its
 * own literals where a number goes (ma_sql_lit.c), for the sql_injection
 * check's number-place pass (ma_sql.c's ma_num_judge). Internal, not
 * installed.
 */
#ifndef MA_SQL_LIT_H
#define MA_SQL_LIT_H

#include "ma_int.h"

/* 1 when an input whose first operand is a literal of its own making
 * (w[i], after at most three of '(' '-' '+': a string, NULL, TRUE,
 * FALSE or CAST(literal AS type)) in a number place after prev writes a
 * comparison whose value its literals alone fix and that holds for every
 * row: as the dialect's engine groups and compares it (id = 'a' <> 1 is
 * (id = 'a') <> 1 in SQLite and MySQL, 0 <> 1; id = NULL IS NULL in all
 * three), or, for = == <=> <> != < > <= >=, between its own literals as
 * written ('x'='x': a tautology it writes, session 19); where SQLite's
 * answer is known, that alone (session 21). In MySQL, where any text is
 * a number, id = 'key' = 'value' is 0 = 0 and fires (session 22; before,
 * the literals as written had to agree too). Every token read ends at or
 * before b (the input's end); w has
 * n tokens, sql len bytes (its text after the window is read for an
 * operator that would bind the last literal first). *after (may be
 * NULL): the index of the first token past the comparison (its CAST's
 * words are the input's own). Pure. */
int ma_sql_lit_holds(int dialect, const char *sql, size_t len, const struct ma_sql_tok *w, int n,
                     int i, size_t b, const struct ma_sql_tok *prev, int *after);

/* A decimal number as written (digits, a point, an exponent; '_'
 * between digits when under): 1 and *v, 0 when the n bytes at s are
 * another form. Shared by ma_sql_lit.c and ma_sql_col.c. */
int ma_sql_lit_decimal(const char *s, size_t n, int under, double *v);

/* 1 when the word w (n bytes) names one of SQLite's hidden columns of
 * every rowid table (rowid, oid, _rowid_), without case. */
int ma_sql_lit_rowid(const char *w, size_t n);

#endif
