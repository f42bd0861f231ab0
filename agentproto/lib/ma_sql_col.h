/*
 * ma_sql_col.h — the sql_injection check's column pass (ma_sql_col.c):
 * an input that writes again the column or expression compared at its
 * place (id = id, data->>'id' = data->>'id'), judged per operator.
 * Internal, not installed.
 */
#ifndef MA_SQL_COL_H
#define MA_SQL_COL_H

#include "ma_int.h"

/* What the column pass learnt of one statement's block comments, kept
 * across the places of one check (ma_sql.c's token cache; sql NULL:
 * nothing yet): sql[lo, hi) holds no slash followed by a star, so the
 * search for the opening of a comment that ends at a place (a 4 KB
 * statement of '* /' and a column at every place: sqlcost2) reads each
 * byte once per check, not once per place. Its owner sets sql, left_sql
 * and grp_sql to NULL before a check (another statement may sit at the
 * same address). */
struct ma_col_memo {
	const char *sql;
	size_t lo, hi;
	/* the last place's reading of the compared operand (ma_sql_col.c's
	 * struct ma_col, ma_col_left): at left_a of left_sql (NULL: none) */
	const char *left_sql;
	size_t left_a;
	int left_dialect, left_r;
	_Alignas(size_t) unsigned char left_col[128];
	/* whether the '(' at grp_p of grp_sql (NULL: none) follows NOT or
	 * MySQL's ! (ma_sql_col.c's ma_col_negates: a function of the bytes
	 * before it), for the next place whose group search meets it */
	const char *grp_sql;
	size_t grp_p;
	int grp_dialect, grp_not;
	/* the '(' of par_sql (NULL: none) in [par_lo, par_hi): the last one's
	 * place, or (size_t)-1 when it holds none (ma_sql_col.c's
	 * ma_col_paren_in: the places of one check read back for a '(' over
	 * the same bytes, sqlcost9) */
	const char *par_sql;
	size_t par_lo, par_hi, par_last;
};

/* 1 when the input [a, b) of sql, whose first significant token is w[i]
 * (of the window w, n tokens, each ending at or before b or the input's
 * own comment), placed after the statement's token that ends at
 * prev_end (a comparison, LIKE, GLOB, REGEXP, BETWEEN, IN or '(': the
 * caller's test) with only whitespace and comments between, is an
 * expression of the operand the statement compares there that makes
 * the comparison hold for (nearly) every row (ma_sql_col.c's comment).
 * The caller checks that the operand ends after b and that the rest of
 * the statement runs. memo (may be NULL): what earlier places of the
 * same statement found (struct ma_col_memo); the answer is the same
 * with or without it. */
int ma_sql_col_judge(int dialect, const char *sql, size_t a, size_t b, const struct ma_sql_tok *w,
                     int n, int i, size_t prev_end, struct ma_col_memo *memo);

/* 1 when the one-word input at [a, b) of sql (len bytes) may be the
 * column compared at its place (a whole word, the name before the
 * place's operator, or SQLite's rowid): the bytes alone, before any
 * token is read. memo as ma_sql_col_judge's. */
int ma_sql_col_plain(int dialect, const char *sql, size_t len, size_t a, size_t b,
                     struct ma_col_memo *memo);

/* 1 when the n bytes at w are one of the keywords ma_sql.c knows
 * (ma_sql.c), without case. */
int ma_sql_keyword(const char *w, size_t n);

#endif
