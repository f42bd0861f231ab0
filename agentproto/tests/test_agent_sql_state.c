/* libmoatagent: the sql_injection check's kept states (ma_sql.c's
 * ma_sql_reuse, ma_sql_cursor, ma_sql_memo: the windows of one check
 * share the states they met, take later ones across plain tokens, take
 * the end state of the window before or of one at the same place, and
 * carry serials), each place judged through them against the analysis of
 * that place alone (ma_sql_analyse, which keeps nothing). ma_sql.c is
 * compiled here (its scan's callbacks are static), so libmoatagent's copy
 * is not linked: the places are given to the scan's analyse callback in
 * the order ma_request_scan gives them (each input's places in order, up
 * to 64, one input after another), and every place is compared, not only
 * the first that fires. The attempt rule's decodings that the scan takes
 * from the request (its inputs' forms "url" and "url2") are held to
 * ma_url_decode's, and every place of every form of requests' inputs
 * judged with them to the place alone, which decodes for itself. */
/* every place is compared, past the check's cost bound too (it fails
 * closed: test_agent_sql_cost.c), so the bound is lifted here */
#define MA_SQL_JUDGE_MAX 0xffffffffu
#include "../lib/ma_sql.c"

#include "agent_sql_test.h"

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES
#define MYSQL  MOAT_SQL_MYSQL

/* the scan's state (about 40 KB: static, as in the request's scratch) */
static struct ma_sql_scan scan;

static void scan_begin(int dialect, const char *sql, size_t len)
{
	scan.dialect = dialect;
	scan.sql = sql;
	scan.len = len;
	scan.cache.filled = 0;
	scan.memo.form = 0;
	/* (no request: every form is decoded by the attempt) */
	memset(&scan.memo.dec, 0, sizeof scan.memo.dec);
	scan.memo.dec.found = 1;
}

/* Judges every place of x[0, xn) in sql through the scan (a new form) and
 * alone. Returns the number of places that differ (fired or rule); the
 * first difference is described in why (cap bytes), the first rule the
 * scan fired in *rule (when rule is not NULL and none was set). */
static int scan_places(int dialect, const char *sql, size_t len, const char *x, size_t xn,
                       const char **rule, char *why, size_t cap)
{
	int diffs = 0, seen = 0;

	if (xn < 2 || xn > len)
		return 0;
	ma_sql_scan_form(&scan, x, xn);
	for (size_t from = 0; from + xn <= len && seen < 64;) {
		const char *at = memmem(sql + from, len - from, x, xn);
		struct ma_scan_hit out;
		struct ma_sql_hit alone;
		size_t a;
		int got;
		if (!at)
			break;
		a = (size_t)(at - sql);
		seen++;
		from = a + 1;
		memset(&out, 0, sizeof out);
		got = ma_sql_scan_analyse(&scan, a, a + xn, &out);
		ma_sql_analyse(dialect, sql, len, a, a + xn, &alone);
		if (got != alone.fired || (got && strcmp(out.rule, alone.rule) != 0)) {
			if (!diffs && why)
				snprintf(why, cap,
				         "dialect %d, place %zu..%zu (%zu bytes): the scan says %d "
				         "(%s), the place alone %d (%s)",
				         dialect, a, a + xn, xn, got, got ? out.rule : "-",
				         alone.fired, alone.fired ? alone.rule : "-");
			diffs++;
		}
		if (got && rule && !*rule)
			*rule = out.rule;
	}
	return diffs;
}

/* The inputs x[i] (NUL-terminated) of one check, in order, each place
 * against alone; fails the test on a difference. Returns the first rule
 * the scan fired (NULL: none). */
static const char *inputs_alike(int dialect, const char *sql, const char *const *x, int nx)
{
	static char why[512];
	const char *rule = NULL;
	size_t len = strlen(sql);

	scan_begin(dialect, sql, len);
	for (int i = 0; i < nx; i++)
		if (scan_places(dialect, sql, len, x[i], strlen(x[i]), &rule, why, sizeof why)) {
			/* (the whole case on stderr: cmocka cuts its message) */
			fprintf(stderr, "statement: [%s]\n", sql);
			for (int k = 0; k < nx; k++)
				fprintf(stderr, "input %d: [%s]\n", k, x[k]);
			fail_msg("input %d of %d: %s", i, nx, why);
		}
	return rule;
}

/* sql[a, b) as a string in dst (of cap bytes). */
static void slice(char *dst, size_t cap, const char *sql, size_t a, size_t b)
{
	assert_true(b >= a && b - a < cap);
	memcpy(dst, sql + a, b - a);
	dst[b - a] = '\0';
}

/* The public check with the inputs x[0..nx) in that order: its verdict,
 * and the rule of its event in *rule (NULL: none). */
static int check_inputs(int dialect, const char *sql, const char *const *x, int nx,
                        const char **rule)
{
	const struct moat_policy *p = block_policy();
	struct moat_request_info ri = {.endpoint = "/x", .policy = p};
	const struct moat_event *ev;
	struct moat_request *r;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	for (int i = 0; i < nx; i++)
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_QUERY, i ? "q2" : "q", x[i], strlen(x[i])),
		    0);
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	ev = moat_request_event(r);
	*rule = NULL;
	if (ev && ev->rule) {
		static char keep[128];
		snprintf(keep, sizeof keep, "%s", ev->rule);
		*rule = keep;
	}
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* The first place (in the order the check looks) that fires when each is
 * judged alone: MOAT_BLOCK and its rule in *rule (when not NULL), or
 * MOAT_ALLOW. */
static int each_place_first(int dialect, const char *sql, const char *const *x, int nx,
                            const char **rule)
{
	size_t len = strlen(sql);

	for (int i = 0; i < nx; i++) {
		size_t n = strlen(x[i]), seen = 0;
		for (const char *at = sql;
		     seen < 64 && n >= 2 &&
		     (at = memmem(at, len - (size_t)(at - sql), x[i], n)) != NULL;
		     at++, seen++) {
			struct ma_sql_hit hit;
			ma_sql_analyse(dialect, sql, len, (size_t)(at - sql),
			               (size_t)(at - sql) + n, &hit);
			if (hit.fired) {
				if (rule)
					*rule = hit.rule;
				return MOAT_BLOCK;
			}
		}
	}
	return MOAT_ALLOW;
}

/* The check's verdict and rule for the inputs, and what each place alone
 * says, in the order the check looks (the first place that fires): both
 * must be want / want_rule (want_rule NULL: allowed). */
static void check_says(int dialect, const char *sql, const char *const *x, int nx, int want,
                       const char *want_rule)
{
	const char *rule, *alone = NULL;
	int v = check_inputs(dialect, sql, x, nx, &rule);

	(void)each_place_first(dialect, sql, x, nx, &alone);
	if (v != want || (want_rule ? !rule || strcmp(rule, want_rule) : rule != NULL) ||
	    (want_rule ? !alone || strcmp(alone, want_rule) : alone != NULL)) {
		/* (the whole case on stderr: cmocka cuts its message) */
		fprintf(stderr, "statement: [%s]\n", sql);
		for (int k = 0; k < nx; k++)
			fprintf(stderr, "input %d: [%s]\n", k, x[k]);
		fail_msg("dialect %d, %d inputs of %zu.. bytes: the check says %d (%s), each "
		         "place alone %s; want %d (%s)",
		         dialect, nx, strlen(x[0]), v, rule ? rule : "-", alone ? alone : "-", want,
		         want_rule ? want_rule : "-");
	}
	(void)inputs_alike(dialect, sql, x, nx);
}

/* The check's verdict and rule are those of the first place that fires
 * when each is judged alone (whatever they are), and every place is
 * judged as alone. */
static void check_as_alone(int dialect, const char *sql, const char *const *x, int nx)
{
	const char *rule, *alone = NULL;
	int v = check_inputs(dialect, sql, x, nx, &rule);
	int w = each_place_first(dialect, sql, x, nx, &alone);

	if (v != w || (rule && (!alone || strcmp(rule, alone) != 0))) {
		fprintf(stderr, "statement: [%s]\n", sql);
		for (int k = 0; k < nx; k++)
			fprintf(stderr, "input %d: [%s]\n", k, x[k]);
		fail_msg("dialect %d, %d inputs of %zu.. bytes: the check says %d (%s), each "
		         "place alone %d (%s)",
		         dialect, nx, strlen(x[0]), v, rule ? rule : "-", w, alone ? alone : "-");
	}
	(void)inputs_alike(dialect, sql, x, nx);
}

/* ---- the window loop's kept states ---- */

/* An input that starts with an operator where a value is expected
 * ("* 2 * 2 ..." after "id = -") is judged as if it followed one
 * (relaxed: then "OR 7" is no condition that is true whatever the row,
 * the operator shows the input was written to follow a value), another
 * that starts at a value inside it is not: the two windows meet the same
 * grammar state at the kept states they share, but not the same window
 * state, and the second must not take the first's kept states or its end
 * state (ma_sql_jstate_same compares relaxed). Inputs of over 1 KB (the
 * attempt rule does not judge them alone), with || (MySQL: a plain
 * token, the end state taken) and OR (a word: the kept states up to it
 * taken), 0-3 conditions before them (the kept states' alignment); the
 * first alone is allowed. */
static void a_relaxed_window_lends_no_state_to_one_that_is_not(void **state)
{
	static char sql[4096], x[2048], y[2048];
	static const char *const ors[] = {"|| 7", "OR 7"};

	(void)state;
	for (int k = 0; k < 2; k++)
		for (int pad = 0; pad < 4; pad++)
			for (int swap = 0; swap <= 1; swap++) {
				size_t o =
				    (size_t)snprintf(sql, sizeof sql, "SELECT * FROM t WHERE ");
				size_t s1, s2, e;
				const char *xs[2];
				for (int i = 0; i < pad; i++)
					o +=
					    (size_t)snprintf(sql + o, sizeof sql - o, "b = 1 AND ");
				o += (size_t)snprintf(sql + o, sizeof sql - o, "id = - ");
				s1 = o;     /* x: from the first '*' */
				s2 = o + 2; /* y: from the first number */
				for (int i = 0; i < 96; i++)
					o += (size_t)snprintf(sql + o, sizeof sql - o,
					                      "* 22222222 ");
				o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", ors[k]);
				e = o;
				snprintf(sql + o, sizeof sql - o, " AND c = 'v'");
				assert_true(e - s2 > MA_SQL_ATTEMPT_MAX && e - s1 < sizeof x);
				slice(x, sizeof x, sql, s1, e);
				slice(y, sizeof y, sql, s2, e);
				xs[swap] = x;
				xs[!swap] = y;
				for (int d = 1; d <= 3; d++) {
					if (k == 0 && d != MYSQL)
						continue; /* (|| joins strings there) */
					check_says(d, sql, xs, 2, MOAT_BLOCK, "sqli.boolean");
					check_says(d, sql, xs + swap, 1, MOAT_ALLOW, NULL); /* x */
				}
			}
}

/* A window at the place of one judged whole and all plain takes that
 * one's state after its tokens at once: the pending logical operator
 * with it. An input of over 1 KB of plain tokens that ends in MySQL's ||
 * or && (which wait for what follows them), then another from the same
 * place on to what follows (|| 7: true whatever the row; && 7 = 7: a
 * condition that compares), judged after it; and before it (nothing
 * kept); and one that ends in '*' before a number (nothing pending, nothing
 * fires). And the same where the first input starts with "7 && 1 = 2 ..."
 * (a condition already: both fire; the second, judged as alone, with the
 * flags it takes from the first, where "* 5" sets none again). */
static void a_window_at_the_same_place_takes_the_pending_operator(void **state)
{
	static char sql[4096], x[2048], y[2048];
	static const struct {
		const char *op, *rest;
	} ends[] = {{"||", " 7"}, {"&&", " 7 = 7"}, {"||", " (7)"}, {"*", " 5"}};

	(void)state;
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
		for (int pad = 0; pad < 8; pad++)
			for (int swap = 0; swap <= 1; swap++) {
				size_t o =
				    (size_t)snprintf(sql, sizeof sql, "SELECT * FROM t WHERE ");
				size_t s, e1, e2;
				const char *xs[2];
				for (int i = 0; i < pad % 4; i++)
					o +=
					    (size_t)snprintf(sql + o, sizeof sql - o, "b = 1 AND ");
				o += (size_t)snprintf(sql + o, sizeof sql - o, "id = ");
				s = o;
				if (pad >= 4)
					o += (size_t)snprintf(sql + o, sizeof sql - o, "7 && 1 = ");
				for (int i = 0; i < 96; i++)
					o += (size_t)snprintf(sql + o, sizeof sql - o,
					                      "22222222 * ");
				o += (size_t)snprintf(sql + o, sizeof sql - o, "1 %s", ends[k].op);
				e1 = o;
				o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", ends[k].rest);
				e2 = o;
				snprintf(sql + o, sizeof sql - o, " AND c = 'v'");
				assert_true(e1 - s > MA_SQL_ATTEMPT_MAX && e2 - s < sizeof y);
				slice(x, sizeof x, sql, s, e1);
				slice(y, sizeof y, sql, s, e2);
				xs[swap] = x;
				xs[!swap] = y;
				if (k == 3 && pad < 4) /* (nothing pending: a product) */
					check_says(MYSQL, sql, xs, 2, MOAT_ALLOW, NULL);
				else
					check_says(MYSQL, sql, xs, 2, MOAT_BLOCK, "sqli.boolean");
			}
}

/* A window takes the kept states of the window before only across plain
 * tokens: a kept state met after a comment is marked as past a token
 * that is not plain even where the window met the state the window
 * before had there (it took nothing), or a later window that takes it
 * stands after the comment with the comment as its last token (the
 * comment cut of its end then reads no value before it). Periodic runs
 * of a literal or a number and a comment, an input from them that ends
 * inside a comment (it cuts the statement's tail after a value) at every
 * place it occurs, 0-15 unary minus signs before them (the kept states'
 * alignment), each place as alone and the check's verdict and rule. */
static void periodic_inputs_across_comments_are_judged_alike(void **state)
{
	static char sql[4096], x[2048];
	static const char *const units[] = {"'b' /*c*/", "1 /*c*/ + ", "(1) /*c*/ || ",
	                                    "'b' /**/ 'c' "};
	static const int reps[] = {40, 120};

	(void)state;
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		for (size_t r = 0; r < sizeof reps / sizeof reps[0]; r++)
			for (int pad = 0; pad < 16; pad++)
				for (int from = 0; from < 3; from++) {
					size_t ul = strlen(units[u]), o, s, e, base;
					size_t cm = (size_t)(strstr(units[u], "/*") - units[u]);
					const char *xs[1] = {x};
					o = (size_t)snprintf(sql, sizeof sql,
					                     "SELECT * FROM t WHERE a = ");
					for (int i = 0; i < pad; i++)
						o +=
						    (size_t)snprintf(sql + o, sizeof sql - o, "- ");
					base = o;
					s = base + (size_t)from * 2 + 1; /* inside the first unit */
					for (int i = 0; i < reps[r]; i++)
						o += (size_t)snprintf(sql + o, sizeof sql - o, "%s",
						                      units[u]);
					snprintf(sql + o, sizeof sql - o, "1 AND c = 'v'");
					/* to the middle of a comment 30 units on */
					e = base + 30 * ul + cm + 2;
					if (e <= s || e - s >= sizeof x || e > o)
						continue;
					slice(x, sizeof x, sql, s, e);
					for (int d = 1; d <= 3; d++)
						check_as_alone(d, sql, xs, 1);
				}
}

/* A window that meets the window before's state at a kept state after its
 * first and takes that window's end state there relabels the states it
 * passes; only at its first kept state (having kept nothing under its own
 * serial) does it take the window before's serial instead. Were it to
 * take the serial later, the states it kept before under its own serial
 * would be taken for those of the window after it (which gets that
 * serial again): four inputs in a run of distinct numbers, in the order
 * of their places, the kept states placed by MA_SQL_JSTEP (J): A from the
 * run's 2nd number to its 31st, with a name x at token 2J + 7; B from
 * token J + 5, which meets A's state at 2J (A's next is past x: it takes
 * nothing) and at 3J (A's end state taken there), and then reads a
 * condition (OR 140) and two numbers in a row (it cannot run: nothing
 * fires); C, four numbers ending before 2J (no kept state of its own);
 * D from token J + 9 to past the condition. D fires (OR and a literal:
 * true whatever the row); were B's state at 2J taken for C's, D would
 * take B's end state (a statement that cannot run) and not fire. */
static void a_window_takes_the_serial_of_the_one_before_only_at_its_first_state(void **state)
{
	static char sql[2048], x[4][512];
	static const int from[4] = {1, MA_SQL_JSTEP / 2 - 1, MA_SQL_JSTEP / 2,
	                            MA_SQL_JSTEP / 2 + 1},
	                 to[4] = {30, 55, MA_SQL_JSTEP / 2 + 3, 45};
	size_t at[61], end[61], o;
	const char *xs[4];

	(void)state;
	/* number k (100 + k, the name x at k = J) is the statement's token
	 * 7 + 2k: seven before the run, one separator after each number */
	o = (size_t)snprintf(sql, sizeof sql, "SELECT * FROM t WHERE id = ");
	for (int k = 0; k <= 60; k++) {
		at[k] = o;
		if (k == MA_SQL_JSTEP)
			o += (size_t)snprintf(sql + o, sizeof sql - o, "x");
		else
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%d", 100 + k);
		end[k] = o;
		o += (size_t)snprintf(sql + o, sizeof sql - o, "%s",
		                      k == 39   ? " OR "
		                      : k == 49 ? " "
		                                : " + ");
	}
	snprintf(sql + o, sizeof sql - o, "1 AND c = 'v'");
	for (int i = 0; i < 4; i++) {
		size_t n = end[to[i]] - at[from[i]];
		assert_true(n < sizeof x[i]);
		memcpy(x[i], sql + at[from[i]], n);
		x[i][n] = '\0';
		xs[i] = x[i];
	}
	for (int d = 1; d <= 3; d++)
		check_says(d, sql, xs, 4, MOAT_BLOCK, "sqli.boolean");
}

/* The pending logical operator is part of a window's state: a window
 * that passed OR (or MySQL's ||) and then only unary minus signs waits
 * for the literal that makes "OR <literal>" (true whatever the row);
 * another window that starts among the signs waits for nothing and must
 * not take the first's state where their grammar states agree. The first
 * input from the name before the operator to the middle of the signs,
 * the second from the signs to the TRUE after them (nothing fires: a
 * negated TRUE; names and TRUE, not numbers, so that neither is a number
 * place, where the operator would fire: ma_num_judge), 16-40 signs, 0-3
 * conditions before them (the kept states' alignment), in both orders. */
static void a_pending_operator_is_part_of_a_windows_state(void **state)
{
	static char sql[4096], x[1024], y[1024];
	static const char *const ops[] = {"||", "OR"};
	static const int signs[] = {16, 24, 40};

	(void)state;
	for (int k = 0; k < 2; k++)
		for (size_t si = 0; si < sizeof signs / sizeof signs[0]; si++)
			for (int pad = 0; pad < 4; pad++)
				for (int swap = 0; swap <= 1; swap++) {
					size_t o = (size_t)snprintf(sql, sizeof sql,
					                            "SELECT * FROM t WHERE ");
					size_t s1, e1, s2, e2;
					const char *xs[2];
					for (int i = 0; i < pad; i++)
						o += (size_t)snprintf(sql + o, sizeof sql - o,
						                      "b = 1 AND ");
					o += (size_t)snprintf(sql + o, sizeof sql - o, "id = ");
					s1 = o;
					o += (size_t)snprintf(sql + o, sizeof sql - o, "n %s ",
					                      ops[k]);
					s2 = o + 2; /* from the second sign */
					e1 =
					    o + 2 * (size_t)(signs[si] / 2) - 1; /* to the middle */
					for (int i = 0; i < signs[si]; i++)
						o +=
						    (size_t)snprintf(sql + o, sizeof sql - o, "- ");
					o += (size_t)snprintf(sql + o, sizeof sql - o, "true");
					e2 = o;
					snprintf(sql + o, sizeof sql - o, " AND c = 'v'");
					slice(x, sizeof x, sql, s1, e1);
					slice(y, sizeof y, sql, s2, e2);
					xs[swap] = x;
					xs[!swap] = y;
					for (int d = 1; d <= 3; d++) {
						if (k == 0 && d != MYSQL)
							continue; /* (|| joins strings there) */
						check_says(d, sql, xs, 2, MOAT_ALLOW, NULL);
					}
				}
}

/* Whether a window passed a ';' after a value (SQLite and MySQL run the
 * statement up to it) is part of its state: that window's comment that
 * then cuts the tail cuts a statement that ran (statement truncation);
 * another that starts after the ';' has passed none, and its comment
 * after a value is a comment cut (comment truncation). The first input
 * from the value to inside a run of '(' after the ';', the second from
 * the run to a comment that cuts the tail after as many ')', 16-40 of
 * them, 0-3 conditions before (the kept states' alignment), in both
 * orders: the rule the check reports is the second's. */
static void a_statement_end_passed_is_part_of_a_windows_state(void **state)
{
	static char sql[4096], x[1024], y[1024];
	static const int depths[] = {16, 24, 40};

	(void)state;
	for (size_t di = 0; di < sizeof depths / sizeof depths[0]; di++)
		for (int pad = 0; pad < 4; pad++)
			for (int swap = 0; swap <= 1; swap++) {
				size_t o =
				    (size_t)snprintf(sql, sizeof sql, "SELECT * FROM t WHERE ");
				size_t s1, e1, s2, e2;
				const char *xs[2];
				for (int i = 0; i < pad; i++)
					o +=
					    (size_t)snprintf(sql + o, sizeof sql - o, "b = 1 AND ");
				o += (size_t)snprintf(sql + o, sizeof sql - o, "id = ");
				s1 = o;
				o += (size_t)snprintf(sql + o, sizeof sql - o, "5; ");
				s2 = o;
				e1 = o + (size_t)depths[di] - 4;
				for (int i = 0; i < depths[di]; i++)
					o += (size_t)snprintf(sql + o, sizeof sql - o, "(");
				o += (size_t)snprintf(sql + o, sizeof sql - o, "1");
				for (int i = 0; i < depths[di]; i++)
					o += (size_t)snprintf(sql + o, sizeof sql - o, ")");
				o += (size_t)snprintf(sql + o, sizeof sql - o, " -- c");
				e2 = o - 1;
				snprintf(sql + o, sizeof sql - o, "\nAND c = 'v'");
				slice(x, sizeof x, sql, s1, e1);
				slice(y, sizeof y, sql, s2, e2);
				xs[swap] = x;
				xs[!swap] = y;
				for (int d = 1; d <= 3; d++)
					check_says(d, sql, xs, 2, MOAT_BLOCK,
					           "sqli.comment_truncation");
			}
}

/* Two checks in one request share its scratch block (the token cache and
 * the kept states): the second keeps nothing of the first. An input of
 * plain tokens judged in one statement, then another input at the same
 * place of another statement that starts with a condition (were the
 * first window's end state taken there, as for a window at the same
 * place of the same statement, the condition would be skipped), in the
 * three dialects: each check as its places alone. */
static void a_second_check_in_a_request_keeps_nothing_of_the_first(void **state)
{
	static const char *const x = "2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2",
	                         *const y = "2 OR 2 = 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2";
	static const char *const s1 = "SELECT * FROM t WHERE id = 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * "
	                              "2 AND c = 1",
	                         *const s2 =
	                             "SELECT * FROM t WHERE id = 2 OR 2 = 2 * 2 * 2 * 2 * 2 * "
	                             "2 * 2 * 2 AND c = 1";
	const char *const xs[2] = {x, y};

	(void)state;
	for (int d = 1; d <= 3; d++)
		for (int swap = 0; swap <= 1; swap++) {
			const struct moat_policy *p = block_policy();
			struct moat_request_info ri = {.endpoint = "/x", .policy = p};
			struct moat_request *r;
			int v1, v2;
			assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
			assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", xs[swap],
			                                        strlen(xs[swap])),
			                 0);
			assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q2",
			                                        xs[!swap], strlen(xs[!swap])),
			                 0);
			v1 = moat_check_sql(r, d, s1, strlen(s1));
			v2 = moat_check_sql(r, d, s2, strlen(s2));
			if (v1 != each_place_first(d, s1, xs, 2, NULL) || v1 != MOAT_ALLOW ||
			    v2 != each_place_first(d, s2, xs, 2, NULL) || v2 != MOAT_BLOCK)
				fail_msg("dialect %d, swap %d: the checks say %d, %d", d, swap, v1,
				         v2);
			moat_request_end(r);
			moat_policy_release(p);
		}
}

/* ---- generated statements ---- */

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static unsigned rnd(unsigned m)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % m);
}

/* Appends s to b (cap bytes, o used) if it fits; returns the new o. */
static size_t put(char *b, size_t cap, size_t o, const char *s)
{
	size_t n = strlen(s);

	if (o + n + 1 > cap)
		return o;
	memcpy(b + o, s, n + 1);
	return o + n;
}

/* tokens whose step reads only the state (plain), and others */
static const char *const plains[] = {"1", "+", "-",   "(",   ")",  ",", "'a'", "||",
                                     "*", "=", "1.5", "'b'", "&&", "<", "%",   "0x1"};
static const char *const others[] = {
    "OR",   "AND",  "x",    "sleep", "SELECT", "--c\n",     "/*c*/", ";",    "IS",       "NULL",
    "CASE", "WHEN", "THEN", "END",   "UNION",  "@@version", "#c\n",  "FROM", "ORDER BY", "LIMIT",
    "NOT",  "LIKE", "IN",   "TRUE",  "/*!1*/", "AS",        "DROP",  "SET",  "?"};

/* A unit: 1 to 6 tokens, mostly plain, some separated by spaces. */
static size_t gen_unit(char *b, size_t cap, int plain_only)
{
	size_t o = 0;
	int k = 1 + (int)rnd(6);

	b[0] = '\0';
	for (int i = 0; i < k; i++) {
		const char *t = !plain_only && rnd(5) == 0
		                    ? others[rnd(sizeof others / sizeof others[0])]
		                    : plains[rnd(sizeof plains / sizeof plains[0])];
		o = put(b, cap, o, t);
		if (rnd(3) != 0 || ((t[0] >= 'A' && t[0] <= 'Z') || t[0] == 'x' || t[0] == 's'))
			o = put(b, cap, o, " ");
	}
	return o;
}

/* A statement: a head, 0-15 unary minus signs (the runs at every
 * distance from a kept state), a unit repeated (a periodic run: an input
 * from it occurs at many overlapping places), now and then another unit
 * in it, and a tail. */
static size_t gen_statement(char *sql, size_t cap)
{
	static const char *const heads[] = {
	    "SELECT * FROM t WHERE id = ", "SELECT a FROM t WHERE (b = ", "UPDATE t SET a = ",
	    "SELECT * FROM t WHERE a = '", "SELECT * FROM t ORDER BY ",   "SELECT f("};
	static const char *const tails[] = {" AND c = 'v'", ") AND c = 1", "",
	                                    "' AND c = 1",  " -- end",     "; SELECT 1"};
	char unit[128], other[128];
	size_t o = put(sql, cap, 0, heads[rnd(sizeof heads / sizeof heads[0])]);
	int pad = (int)rnd(16), reps = 4 + (int)rnd(rnd(4) == 0 ? 300 : 60);
	int plain_only = rnd(2) == 0;

	for (int i = 0; i < pad; i++)
		o = put(sql, cap, o, "- ");
	gen_unit(unit, sizeof unit, plain_only);
	gen_unit(other, sizeof other, 0);
	for (int i = 0; i < reps && o + 200 < cap; i++)
		o = put(sql, cap, o, rnd(40) == 0 ? other : unit);
	o = put(sql, cap, o, "1");
	return put(sql, cap, o, tails[rnd(sizeof tails / sizeof tails[0])]);
}

/* Statements made of periodic runs of tokens, with one to three inputs
 * taken from them (a periodic input occurs at many overlapping places;
 * two inputs from one place share their windows' start; a later input
 * earlier in the statement reads from the first place's cursor), judged
 * through the scan and each place alone, in the three dialects. A fixed
 * seed: the same statements every run. */
static void generated_statements_are_judged_as_each_place_alone(void **state)
{
	static char sql[4200], x[4][4200];
	/* (SQLSTATE_ROUNDS and SQLSTATE_SEED, for a longer search by hand) */
	const char *er = getenv("SQLSTATE_ROUNDS"), *es = getenv("SQLSTATE_SEED");
	long rounds = er ? strtol(er, NULL, 10) : 1500;

	(void)state;
	if (es)
		rng = (uint64_t)strtoull(es, NULL, 16) | 1;
	for (long round = 0; round < rounds; round++) {
		size_t len = gen_statement(sql, sizeof sql);
		int nx = 1 + (int)rnd(4);
		const char *xs[4];
		size_t s0 = 0, n0 = 0;
		for (int i = 0; i < nx; i++) {
			/* of up to 1.1 KB (over 1 KB, the attempt rule does not judge
			 * it alone): from a random place, or from the first input's
			 * place, or inside the first input */
			size_t s, n = rnd(4) == 0 ? 900 + rnd(300) : 2 + rnd(rnd(2) ? 40 : 300);
			unsigned how = i ? rnd(3) : 0;
			if (how == 1) {
				s = s0;
			} else if (how == 2 && n0 > 2) {
				s = s0 + rnd((unsigned)(n0 - 2));
				n = 2 + rnd((unsigned)(s0 + n0 - s - 1));
			} else {
				s = rnd((unsigned)len);
			}
			if (s + n > len)
				n = len - s;
			if (i == 0) {
				s0 = s;
				n0 = n;
			}
			memcpy(x[i], sql + s, n);
			x[i][n] = '\0';
			xs[i] = x[i];
		}
		for (int d = 1; d <= 3; d++)
			(void)inputs_alike(d, sql, xs, nx);
	}
}

/* The helpers themselves: an input that fires and one that is data. */
static void a_condition_fires_and_a_name_does_not(void **state)
{
	static const char *const attack[] = {"1 OR 1=1"}, *const name[] = {"O'Brien"};

	(void)state;
	for (int d = 1; d <= 3; d++) {
		check_says(d, "SELECT * FROM t WHERE id = 1 OR 1=1", attack, 1, MOAT_BLOCK,
		           "sqli.boolean");
		check_says(d, "SELECT * FROM t WHERE name = 'O''Brien'", name, 1, MOAT_ALLOW, NULL);
	}
}

/* ---- the request's decoded forms ---- */

/* pieces of inputs: escapes once and twice, quotes, SQL words, '+', the
 * overlong forms that ma_url_decode rewrites and NULs escaped once and
 * twice (the "cstr" forms: a form's part before a NUL, sharing its
 * bytes) */
static const char *const pieces[] = {"%27",        "%2527",    "'",
                                     "%22",        "\"",       "%20",
                                     "+",          "%2B",      " OR ",
                                     "%20OR",      "1=1",      "--",
                                     "%23",        "#",        "sleep(5)",
                                     "%28",        "%29",      ")",
                                     ";",          "%3B",      "a",
                                     "1",          "\xC0\xA7", "%C0%A7",
                                     "%25",        "%",        " union select 1",
                                     "%2F*",       "*/",       "%0A",
                                     "%252F%252A", "x",        "%2527%2520or%25201%253D1",
                                     "%zz",        "%00",      "%2500"};

/* A value of 1 to 8 pieces. */
static size_t gen_value(char *b, size_t cap)
{
	size_t o = 0;
	int k = 1 + (int)rnd(8);

	b[0] = '\0';
	for (int i = 0; i < k; i++)
		o = put(b, cap, o, pieces[rnd(sizeof pieces / sizeof pieces[0])]);
	return o;
}

/* A request with the values v[0..nv) as its inputs (the caller ends it). */
static struct moat_request *request_of(const struct moat_policy *p, char v[][256], int nv)
{
	struct moat_request_info ri = {.endpoint = "/x", .policy = p};
	struct moat_request *r;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	for (int i = 0; i < nv; i++)
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_QUERY, "q", v[i], strlen(v[i])), 0);
	return r;
}

/* Whether in holds its form k URL-decoded: the raw form as "url", "url"
 * as "url2". */
static int holds(const struct ma_input *in, int k)
{
	const char *want = strcmp(in->form_name[k], "raw") == 0   ? "url"
	                   : strcmp(in->form_name[k], "url") == 0 ? "url2"
	                                                          : NULL;

	for (int j = 0; want && j < in->nforms; j++)
		if (strcmp(in->form_name[j], want) == 0)
			return 1;
	return 0;
}

/* The attempt rule on x (n bytes) with the decodings dec, with only the
 * first of them and with none (it decodes x itself) fires alike, bare or
 * not, strictly or not, in each dialect (the first with x's scan kept
 * from one call to the next, as the memo keeps it per form). */
static void attempts_alike(const char *x, size_t n, const struct ma_sql_decoded *dec)
{
	struct ma_sql_decoded both = *dec, once = *dec;
	unsigned sum = MA_SQL_B_UNKNOWN;

	once.p[1] = NULL;
	once.n[1] = 0;
	for (int d = 1; d <= 3; d++)
		for (int bs = 0; bs < 4; bs++) {
			struct ma_sql_decoded *ks[3] = {&both, &once, NULL};
			struct ma_sql_hit h[3];
			for (int j = 0; j < 3; j++) {
				memset(&h[j], 0, sizeof h[j]);
				ma_sql_attempt(d, x, n, bs & 1, bs >> 1, 0, ks[j],
				               j == 0 ? &sum : NULL, &h[j]);
			}
			for (int j = 0; j < 2; j++)
				if (h[j].fired != h[2].fired ||
				    (h[2].fired && strcmp(h[j].rule, h[2].rule) != 0))
					fail_msg("dialect %d, [%.*s] bare %d strict %d, decodings "
					         "%d: fired %d "
					         "(%s), decoding it %d (%s)",
					         d, (int)n, x, bs & 1, bs >> 1, j, h[j].fired,
					         h[j].fired ? h[j].rule : "-", h[2].fired,
					         h[2].fired ? h[2].rule : "-");
		}
}

/* What ma_sql_scan_form gives the attempt for each form of a request is
 * what ma_url_decode makes of that form, once and twice: the forms "url"
 * and "url2" that ma_add_input made are the raw form decoded once and
 * twice, they are found wherever the request holds them, no other form is
 * taken for a decoding; and the attempt rule reads them as it reads its
 * own decodings. */
static void the_decodings_taken_from_the_request_are_the_forms_decoded(void **state)
{
	const struct moat_policy *p = block_policy();
	static char v[3][256], d1[256], d2[256];
	size_t taken = 0, twice = 0;

	(void)state;
	rng = 0x9e3779b97f4a7c15ULL;
	for (int round = 0; round < 3000; round++) {
		int nv = 1 + (int)rnd(3);
		struct moat_request *r;
		const struct ma_input *in;
		size_t nin;
		for (int i = 0; i < nv; i++)
			gen_value(v[i], sizeof v[i]);
		r = request_of(p, v, nv);
		in = ma_request_inputs(r, &nin);
		scan_begin(MYSQL, "", 0);
		scan.memo.dec.in = in;
		scan.memo.dec.nin = nin;
		for (size_t i = 0; i < nin; i++)
			for (int k = 0; k < in[i].nforms; k++) {
				const struct ma_sql_decoded *dec = &scan.memo.dec;
				size_t n1, n2;
				ma_sql_scan_form(&scan, in[i].form[k], in[i].form_len[k]);
				ma_sql_decoded_find(&scan.memo.dec);
				/* (found wherever the request holds them) */
				assert_int_equal(dec->p[0] != NULL, holds(&in[i], k));
				assert_true(in[i].form_len[k] < sizeof d1);
				n1 = ma_url_decode(in[i].form[k], in[i].form_len[k], d1);
				n2 = ma_url_decode(d1, n1, d2);
				if (dec->p[0]) {
					taken++;
					assert_int_equal(dec->n[0], n1);
					assert_memory_equal(dec->p[0], d1, n1);
				}
				if (dec->p[1]) {
					twice++;
					assert_non_null(dec->p[0]);
					assert_int_equal(dec->n[1], n2);
					assert_memory_equal(dec->p[1], d2, n2);
				}
				attempts_alike(in[i].form[k], in[i].form_len[k], dec);
			}
		moat_request_end(r);
	}
	/* (the forms were there to be taken) */
	assert_true(taken > 1000 && twice > 300);
	moat_policy_release(p);
}

/* Statements that hold requests' inputs as written or decoded once or
 * twice, in strings, names and numbers: every place of every form of
 * every input judged through the scan, which takes the decodings from
 * the request, as when judged alone (ma_sql_analyse decodes them), and
 * the check's verdict and rule those of the first place that fires
 * alone. A fixed seed: the same statements every run. */
static void inputs_judged_with_the_requests_decodings_are_judged_as_alone(void **state)
{
	static const char *const heads[] = {
	    "SELECT * FROM t WHERE name = '",
	    "SELECT * FROM t WHERE id = ", "SELECT * FROM t WHERE a = \"", "SELECT `"};
	static const char *const mids[] = {"' AND b = ", " AND c = '",
	                                   "\" OR d = ", "` FROM t WHERE e = "};
	static const char *const tails[] = {"'", "", " AND f = 1", "\" LIMIT 1"};
	const struct moat_policy *p = block_policy();
	static char v[3][256], sql[2048];
	static char why[512];
	int fired = 0;

	(void)state;
	rng = 0xd1b54a32d192ed03ULL;
	for (int round = 0; round < 1500; round++) {
		int nv = 1 + (int)rnd(3);
		struct moat_request *r;
		const struct ma_input *in;
		size_t nin, o;
		for (int i = 0; i < nv; i++)
			gen_value(v[i], sizeof v[i]);
		r = request_of(p, v, nv);
		in = ma_request_inputs(r, &nin);
		o = put(sql, sizeof sql, 0, heads[rnd(4)]);
		for (size_t i = 0; i < nin; i++) {
			/* as written, or decoded once or twice (the form's bytes) */
			int k = (int)rnd((unsigned)in[i].nforms);
			o = put(sql, sizeof sql, o, in[i].form[k]);
			o = put(sql, sizeof sql, o, mids[rnd(4)]);
			if (rnd(3) == 0)
				o = put(sql, sizeof sql, o, in[i].form[0]);
		}
		o = put(sql, sizeof sql, o, tails[rnd(4)]);
		for (int d = 1; d <= 3; d++) {
			const char *rule = NULL, *alone = NULL, *first = NULL;
			int got;
			scan_begin(d, sql, o);
			scan.memo.dec.in = in;
			scan.memo.dec.nin = nin;
			for (size_t i = 0; i < nin; i++)
				for (int k = 0;
				     !ma_sql_skip_input(NULL, &in[i]) && k < in[i].nforms; k++)
					if (scan_places(d, sql, o, in[i].form[k], in[i].form_len[k],
					                &first, why, sizeof why)) {
						fprintf(stderr, "statement: [%s]\n", sql);
						for (int j = 0; j < nv; j++)
							fprintf(stderr, "input %d: [%s]\n", j,
							        v[j]);
						fail_msg("input %zu, form %d: %s", i, k, why);
					}
			/* the public check: the first place alone that fires */
			got = moat_check_sql(r, d, sql, o);
			for (size_t i = 0; i < nin && !alone; i++)
				for (int k = 0;
				     !ma_sql_skip_input(NULL, &in[i]) && k < in[i].nforms && !alone;
				     k++) {
					size_t n = in[i].form_len[k], seen = 0;
					for (const char *at = sql;
					     !alone && seen < 64 && n >= 2 && n <= o &&
					     (at = memmem(at, o - (size_t)(at - sql), in[i].form[k],
					                  n)) != NULL;
					     at++, seen++) {
						struct ma_sql_hit hit;
						ma_sql_analyse(d, sql, o, (size_t)(at - sql),
						               (size_t)(at - sql) + n, &hit);
						if (hit.fired)
							alone = hit.rule;
					}
				}
			if (moat_request_event(r))
				rule = moat_request_event(r)->rule;
			if ((got == MOAT_BLOCK) != (alone != NULL) ||
			    (alone && (!rule || strcmp(rule, alone) != 0)))
				fail_msg("dialect %d, [%s]: the check says %d (%s), alone %s", d,
				         sql, got, rule ? rule : "-", alone ? alone : "-");
			fired += got == MOAT_BLOCK;
			moat_request_end(r);
			r = request_of(p, v, nv);
			in = ma_request_inputs(r, &nin);
		}
		moat_request_end(r);
	}
	assert_true(fired > 300);
	moat_policy_release(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_condition_fires_and_a_name_does_not),
	    cmocka_unit_test(a_relaxed_window_lends_no_state_to_one_that_is_not),
	    cmocka_unit_test(a_window_at_the_same_place_takes_the_pending_operator),
	    cmocka_unit_test(periodic_inputs_across_comments_are_judged_alike),
	    cmocka_unit_test(a_pending_operator_is_part_of_a_windows_state),
	    cmocka_unit_test(a_statement_end_passed_is_part_of_a_windows_state),
	    cmocka_unit_test(a_second_check_in_a_request_keeps_nothing_of_the_first),
	    cmocka_unit_test(a_window_takes_the_serial_of_the_one_before_only_at_its_first_state),
	    cmocka_unit_test(generated_statements_are_judged_as_each_place_alone),
	    cmocka_unit_test(the_decodings_taken_from_the_request_are_the_forms_decoded),
	    cmocka_unit_test(inputs_judged_with_the_requests_decodings_are_judged_as_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
