/* libmoatagent: the sql_injection check's shortcuts (ma_sql.c), each
 * against the analysis of every place alone (ma_sql_analyse, which takes
 * none of them): statements built so that a shortcut taken where it must
 * not be, or off by one, changes a verdict. */
#include "agent_sql_test.h"

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES
#define MYSQL  MOAT_SQL_MYSQL

/* A tail walk (whether the rest of the statement still runs after a
 * place) gives up at its first token where the parentheses it is inside
 * can no longer all close: fewer parenthesis-like tokens are left than
 * are open, and no statement keyword is left to end in a statement the
 * grammar does not read. Inputs with a weaker sign (an operator after
 * the literal they close: it counts only where the rest runs) at 1-64
 * places inside 1-40 open parentheses, before rests that close exactly
 * as many, one too few, close and reopen, end in a second statement, or
 * close with MySQL's ODBC '}', are judged as each place alone. */
static void tails_whose_parentheses_cannot_close_are_judged_alike(void **state)
{
	static char sql[32768], opens[64], closes[64];
	static const int depths[] = {1, 2, 31, 32, 33, 40};
	static const int places[] = {1, 3, 64};
	static const struct {
		const char *pre, *post; /* the rest: pre, the ')' the test closes with, post */
		int want;               /* in MySQL, with as many ')' as '(' (-1: not checked) */
	} tails[] = {
	    {" AND c = 1", "", MOAT_BLOCK},
	    {" AND c = f(1)", "", MOAT_BLOCK},
	    {" AND c = (1)", " AND d = 2", MOAT_BLOCK},
	    {"", " AND (c = 1", MOAT_ALLOW},
	    {" AND c = 1", "; DROP TABLE t", MOAT_BLOCK},
	    {" AND c = 1", "}", -1},
	    {" AND c = {fn f(1)}", "", -1},
	};

	(void)state;
	for (size_t di = 0; di < sizeof depths / sizeof depths[0]; di++)
		for (int shut = -1; shut <= 1; shut++) /* one ')' too few, as many, one more */
			for (size_t ti = 0; ti < sizeof tails / sizeof tails[0]; ti++)
				for (size_t pi = 0; pi < sizeof places / sizeof places[0]; pi++)
					for (int d = 1; d <= 3; d++) {
						int depth = depths[di], nc = depth + shut, v, w;
						size_t o;
						memset(opens, '(', (size_t)depth);
						opens[depth] = '\0';
						memset(closes, ')', (size_t)nc);
						closes[nc] = '\0';
						o = (size_t)snprintf(
						    sql, sizeof sql,
						    "SELECT * FROM t WHERE %sa = ", opens);
						for (int k = 0; k < places[pi]; k++)
							o += (size_t)snprintf(sql + o,
							                      sizeof sql - o,
							                      "'x'*'' AND b = ");
						o += (size_t)snprintf(sql + o, sizeof sql - o, "1");
						snprintf(sql + o, sizeof sql - o, "%s%s%s",
						         tails[ti].pre, closes, tails[ti].post);
						v = check_sql_text(d, sql, "x'*'");
						w = each_place_alone(d, sql, "x'*'");
						if (v != w ||
						    (d == MYSQL && shut == 0 &&
						     tails[ti].want >= 0 && v != tails[ti].want))
							fail_msg(
							    "%s (dialect %d): the check says %d, "
							    "each place alone %d",
							    sql, d, v, w);
					}
}

/* The same where the parentheses open after the input (inside the rest),
 * and a rest with more than 32 parenthesis-like tokens past the place:
 * the walk keeps going wherever they could still close. */
static void tails_with_many_parentheses_are_judged_alike(void **state)
{
	static char sql[32768];
	static const int pairs[] = {0, 1, 31, 32, 33, 40};

	(void)state;
	for (size_t pi = 0; pi < sizeof pairs / sizeof pairs[0]; pi++)
		for (int closed = 0; closed <= 1; closed++)
			for (int d = 1; d <= 3; d++) {
				size_t o = (size_t)snprintf(
				    sql, sizeof sql, "SELECT * FROM t WHERE (a = 'x'*'' AND b = ");
				int v, w;
				for (int k = 0; k < pairs[pi]; k++)
					o += (size_t)snprintf(sql + o, sizeof sql - o, "(1) + ");
				o += (size_t)snprintf(sql + o, sizeof sql - o, "1");
				if (closed)
					snprintf(sql + o, sizeof sql - o, ")");
				v = check_sql_text(d, sql, "x'*'");
				w = each_place_alone(d, sql, "x'*'");
				if (v != w || v != (closed ? MOAT_BLOCK : MOAT_ALLOW))
					fail_msg("%s (dialect %d): the check says %d, each place "
					         "alone %d",
					         sql, d, v, w);
			}
}

/* A walk that starts where a statement may start (after the input's own
 * ';') can end in a statement the grammar does not read (DROP ...) with
 * no ';' left: it is not given up for its open parentheses. */
static void a_walk_from_a_statements_start_is_judged_alike(void **state)
{
	static char sql[4096];
	static const char *const rests[] = {"DROP TABLE t", "SELECT 1", "1", ""};
	static const int places[] = {1, 3, 64};

	(void)state;
	for (size_t ri = 0; ri < sizeof rests / sizeof rests[0]; ri++)
		for (size_t pi = 0; pi < sizeof places / sizeof places[0]; pi++)
			for (int d = 1; d <= 3; d++) {
				size_t o = (size_t)snprintf(sql, sizeof sql,
				                            "SELECT * FROM t WHERE (a = ");
				int v, w;
				for (int k = 1; k < places[pi]; k++)
					o += (size_t)snprintf(sql + o, sizeof sql - o, "'x'*''; ");
				snprintf(sql + o, sizeof sql - o, "'x'*'';%s", rests[ri]);
				v = check_sql_text(d, sql, "x'*'';");
				w = each_place_alone(d, sql, "x'*'';");
				if (v != w)
					fail_msg("%s (dialect %d): the check says %d, each place "
					         "alone %d",
					         sql, d, v, w);
				if (ri == 0 && pi == 0 && d == MYSQL && v != MOAT_BLOCK)
					fail_msg("%s: the check says %d", sql, v);
			}
}

/* The check's verdict for sql with two inputs, x then y, or y then x
 * (the order the request holds them in). */
static int check_sql_two(int dialect, const char *sql, const char *x, const char *y, int swap)
{
	const struct moat_policy *p = block_policy();
	struct moat_request_info ri = {.endpoint = "/x", .policy = p};
	struct moat_request *r;
	const char *first = swap ? y : x, *second = swap ? x : y;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "p", first, strlen(first)), 0);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", second, strlen(second)),
	                 0);
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* A window whose tokens overlap the window judged before it takes that
 * window's state after its last token (its end) where it meets the
 * state that window had at a token past its last token that is not
 * plain, and the end is not after its own end. Two inputs at
 * overlapping places of a run of "+ 1" (every token plain): the first
 * ends in a function's name (its rule reads the '(' after it, outside
 * that window) or in "+ )" that breaks it, the second starts later
 * (inside the run, or at an OR of the first) and ends at, after (a
 * string after the run's last number, a comment that cuts the tail:
 * their rules read the token before them) or before the first's end
 * (one token, or one "+ 1"), the run 0-15 tokens from a kept state; a
 * window that took the other's end where its own tokens differ (a call
 * its window sees, an end before the other's, the name as the last
 * token not plain, the token before its own first) would judge
 * otherwise than the analysis of each place alone. */
static void windows_take_the_end_of_the_window_before_alike(void **state)
{
	static char sql[8192], x[4096], y[4096];
	static const struct {
		const char *head, *mid, *tail; /* head "1 + 1 + ... + 1" mid tail */
		int ystart; /* y starts at this byte of head (-1: k units into the run) */
	} shapes[] = {
	    {"", " + sleep", "(5) AND c = 'v'", -1}, {"1 OR ", ") )", " AND c = 'v'", 2},
	    {"1 OR ", " + )", " AND c = 'v'", 2},    {"1 OR ", "", " + ) AND c = 'v'", 2},
	    {"f(", ", 1)", " AND c = 'v'", -1},      {"", "", " 'b' || 1 AND c = 'v'", -1},
	    {"", "", " -- c\nAND c = 'v'", -1},
	};
	static const int units[] = {8, 15, 16, 17, 31, 40, 70};
	static const int shifts[] = {1, 2, 3, 7, 8, 9, 16};

	(void)state;
	for (size_t si = 0; si < sizeof shapes / sizeof shapes[0]; si++)
		for (size_t ui = 0; ui < sizeof units / sizeof units[0]; ui++)
			for (size_t hi = 0; hi < sizeof shifts / sizeof shifts[0]; hi++)
				for (int ep = 0; ep < 4 * 16; ep++) {
					size_t o = (size_t)snprintf(sql, sizeof sql,
					                            "SELECT * FROM t WHERE ");
					size_t pre, s2, e1, e2, unit = 4; /* " + 1" */
					size_t head = strlen(shapes[si].head);
					const char *and = strstr(shapes[si].tail, " AND");
					size_t past = and&&and > shapes[si].tail
					                  ? (size_t)(and-shapes[si].tail)
					                  : 4;
					int n = units[ui], k = shifts[hi];
					int end = ep / 16 - 2, pad = ep % 16; /* (pad "- ") */
					if (k >= n || pad >= (ui < 2 ? 16 : 4))
						continue;
					/* (k conditions before, where y starts at the head:
					 * the tokens' places against the states kept) */
					for (int i = 0; shapes[si].ystart >= 0 && i < k; i++)
						o += (size_t)snprintf(sql + o, sizeof sql - o,
						                      "a = 1 AND ");
					o += (size_t)snprintf(sql + o, sizeof sql - o, "id = ");
					for (int i = 0; i < pad; i++)
						o +=
						    (size_t)snprintf(sql + o, sizeof sql - o, "- ");
					pre = o;
					o += (size_t)snprintf(sql + o, sizeof sql - o, "%s1",
					                      shapes[si].head);
					for (int i = 0; i < n; i++)
						o += (size_t)snprintf(sql + o, sizeof sql - o,
						                      " + 1");
					o += (size_t)snprintf(sql + o, sizeof sql - o, "%s",
					                      shapes[si].mid);
					e1 = o; /* x: the run and mid */
					snprintf(sql + o, sizeof sql - o, "%s", shapes[si].tail);
					/* y: from k units in (or its place in head), to the
					 * end of x (end 0), one token (-2) or one "+ 1"
					 * before it (-1), or past it (1) */
					s2 = shapes[si].ystart >= 0
					         ? pre + (size_t)shapes[si].ystart
					         : pre + head + 1 + (size_t)(k - 1) * unit + 1;
					e2 = end < -1  ? e1 - 1
					     : end < 0 ? pre + head + 1 + (size_t)(n - 1) * unit
					     : end > 0 ? o + past
					               : e1;
					if (e2 <= s2 || e2 > strlen(sql))
						continue;
					memcpy(x, sql + pre, e1 - pre);
					x[e1 - pre] = '\0';
					memcpy(y, sql + s2, e2 - s2);
					y[e2 - s2] = '\0';
					for (int d = 1; d <= 3; d++)
						for (int swap = 0; swap <= 1; swap++) {
							int v = check_sql_two(d, sql, x, y, swap);
							int w = each_place_alone(d, sql, x) ==
							                    MOAT_BLOCK ||
							                each_place_alone(
							                    d, sql, y) == MOAT_BLOCK
							            ? MOAT_BLOCK
							            : MOAT_ALLOW;
							if (v != w)
								fail_msg(
								    "%s [%s] [%s] (dialect %d, "
								    "swap %d): the check says "
								    "%d, each place alone %d",
								    sql, x, y, d, swap, v, w);
						}
				}
}

/* A window that meets the state the window before it had at a kept
 * state takes the later kept states of that window only across tokens
 * that are all plain: a ';' whose statement reads on to its input's end
 * (SET a ... = 1: the '=' past the window before's end) is judged again
 * by each window. Two inputs of over 1 KB (the attempt rule does not
 * judge them alone) at 0-15 tokens from a kept state. */
static void windows_take_states_only_across_plain_tokens(void **state)
{
	static char sql[8192], x[4096], y[4096];

	(void)state;
	for (int pad = 0; pad < 16; pad++)
		for (int n = 100; n <= 140; n += 40) {
			size_t o = (size_t)snprintf(sql, sizeof sql, "SELECT * FROM t WHERE id = ");
			size_t s1, e1, s2;
			for (int i = 0; i < pad; i++)
				o += (size_t)snprintf(sql + o, sizeof sql - o, "- ");
			s1 = o;
			s2 = o + 2;
			o += (size_t)snprintf(sql + o, sizeof sql - o, "1 + 1; SET a + ");
			for (int i = 0; i < n; i++)
				o += (size_t)snprintf(sql + o, sizeof sql - o, "1000000000 + ");
			o += (size_t)snprintf(sql + o, sizeof sql - o, "1");
			e1 = o;
			o += (size_t)snprintf(sql + o, sizeof sql - o, " = 1");
			snprintf(sql + o, sizeof sql - o, " AND c = 'v'");
			memcpy(x, sql + s1, e1 - s1);
			x[e1 - s1] = '\0';
			memcpy(y, sql + s2, o - s2);
			y[o - s2] = '\0';
			for (int d = 1; d <= 3; d++)
				for (int swap = 0; swap <= 1; swap++) {
					int v = check_sql_two(d, sql, x, y, swap);
					int w = each_place_alone(d, sql, x) == MOAT_BLOCK ||
					                each_place_alone(d, sql, y) == MOAT_BLOCK
					            ? MOAT_BLOCK
					            : MOAT_ALLOW;
					if (v != w || (d == MYSQL && v != MOAT_BLOCK))
						fail_msg(
						    "pad %d, %d units (dialect %d, swap %d): the "
						    "check says %d, each place alone %d",
						    pad, n, d, swap, v, w);
				}
		}
}

/* Windows at the same place (an input that starts as another does) share
 * their judgement where the one judged first was all plain and does not
 * end after the other: runs of plain units from one place, then a
 * function's name or nothing, the second input one byte shorter, as
 * long, or longer by what follows (an OR that fires, a parenthesis that
 * breaks it or makes a condition of an OR before it, a string or a call
 * whose rules read the token before them, a second statement), in both
 * orders, are judged as each place alone. */
static void windows_at_the_same_place_are_judged_alike(void **state)
{
	static char sql[8192], x[4096], y[4096];
	static const char *const units[] = {"(-",   "1+", "1 || ", "'a' ",
	                                    "(1)*", "1,", "+1",    "|| 1 "};
	static const char *const mids[] = {"", " + sleep"};
	static const struct {
		const char *ext, *rest; /* y's part past x, the statement's after it */
	} exts[] = {
	    {"", "1 AND c = 'v'"},           {"1 OR 1=1 OR ", "1 AND c = 'v'"},
	    {"1) OR (1", " AND c = 'v'"},    {"'b' OR 1=1 OR ", "1 AND c = 'v'"},
	    {"(5)", " AND c = 'v'"},         {")", " AND c = 'v'"},
	    {"1; SELECT ", "1 AND c = 'v'"}, {"(1)", " AND c = 'v'"},
	};
	static const int counts[] = {3, 17, 40, 200};

	(void)state;
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++)
			for (size_t m = 0; m < sizeof mids / sizeof mids[0]; m++)
				for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++)
					for (int cut = -1; cut <= 1; cut++) {
						size_t o = (size_t)snprintf(
						    sql, sizeof sql, "SELECT * FROM t WHERE id = ");
						size_t s = o, e1, e2;
						for (int i = 0; i < counts[c]; i++)
							o += (size_t)snprintf(sql + o,
							                      sizeof sql - o, "%s",
							                      units[u]);
						o += (size_t)snprintf(sql + o, sizeof sql - o, "%s",
						                      mids[m]);
						e1 = o;
						o += (size_t)snprintf(sql + o, sizeof sql - o, "%s",
						                      exts[e].ext);
						snprintf(sql + o, sizeof sql - o, "%s",
						         exts[e].rest);
						/* y: one byte short of x, x, or x and the extension
						 */
						e2 = cut < 0 ? e1 - 1 : cut == 0 ? e1 : o;
						memcpy(x, sql + s, e1 - s);
						x[e1 - s] = '\0';
						memcpy(y, sql + s, e2 - s);
						y[e2 - s] = '\0';
						if (strlen(y) < 2)
							continue;
						for (int d = 1; d <= 3; d++)
							for (int swap = 0; swap <= 1; swap++) {
								int v = check_sql_two(d, sql, x, y,
								                      swap);
								int w =
								    each_place_alone(d, sql, x) ==
								                MOAT_BLOCK ||
								            each_place_alone(d, sql,
								                             y) ==
								                MOAT_BLOCK
								        ? MOAT_BLOCK
								        : MOAT_ALLOW;
								if (v != w)
									fail_msg("%s [%s] [%s] "
									         "(dialect %d, "
									         "swap %d): the "
									         "check says "
									         "%d, each place "
									         "alone %d",
									         sql, x, y, d, swap,
									         v, w);
							}
					}
}

/* A place before the last one judged (another input's, earlier in the
 * statement) reads the tokens before it from the check's first place
 * judged only where that one is not after it: an input that adds a
 * clause after a value, judged after an input that continues a string
 * later in the statement (where a value came last), and the same with
 * the inputs the other way round or both at several places, is judged as
 * each place alone. */
static void places_before_another_inputs_are_read_alike(void **state)
{
	static const char *const sqls[] = {
	    "SELECT * FROM t WHERE id = 1 ORDER BY 2 AND c = 'v' + 7 + 7 AND d = 1",
	    "SELECT * FROM t WHERE a = 'v' + 7 + 7 AND id = 1 ORDER BY 2 AND c = 'v' + 7 + 7",
	    "SELECT * FROM t WHERE id = 1 ORDER BY 2 AND (c = 'v' + 7 + 7) AND e = 1 ORDER BY 2",
	};

	(void)state;
	for (size_t k = 0; k < sizeof sqls / sizeof sqls[0]; k++)
		for (int d = 1; d <= 3; d++)
			for (int swap = 0; swap <= 1; swap++) {
				int v = check_sql_two(d, sqls[k], "+ 7 + 7", "1 ORDER BY 2", swap);
				int w = each_place_alone(d, sqls[k], "+ 7 + 7") == MOAT_BLOCK ||
				                each_place_alone(d, sqls[k], "1 ORDER BY 2") ==
				                    MOAT_BLOCK
				            ? MOAT_BLOCK
				            : MOAT_ALLOW;
				if (v != w || v != MOAT_BLOCK)
					fail_msg(
					    "%s (dialect %d, swap %d): the check says %d, each "
					    "place alone %d",
					    sqls[k], d, swap, v, w);
			}
}

/* The check finds the token a place starts in from the one the place
 * before it started in (a few steps when they come in order) and a
 * window's end at most as many tokens after its start as it has bytes:
 * an input that is data in a literal and fires k tokens later, for k
 * from 0 to 80, and inputs of one-byte tokens whose last one (a comment
 * cutting the tail after the input's ';') starts a byte before the
 * input's end, after 0 to 40 unary minus signs of the statement, are
 * judged as each place alone. */
static void places_and_window_ends_found_in_steps_are_judged_alike(void **state)
{
	static char sql[4096];
	static const char *const inputs[] = {"1 OR 1=1", "1;/", "1;#", "(1);/", "1;-"};
	static const char *const rests[] = {"* c */ AND d = 'v'", " c\nAND d = 'v'",
	                                    "- c\nAND d = 'v'"};

	(void)state;
	for (int k = 0; k <= 80; k++)
		for (int d = 1; d <= 3; d++) {
			size_t o = (size_t)snprintf(
			    sql, sizeof sql, "SELECT * FROM t WHERE a = '1 OR 1=1' AND b = 1");
			int v, w;
			for (int i = 0; i < k; i++)
				o += (size_t)snprintf(sql + o, sizeof sql - o, " + 1");
			snprintf(sql + o, sizeof sql - o, " AND c = 1 OR 1=1 AND d = 'v'");
			v = check_sql_text(d, sql, inputs[0]);
			w = each_place_alone(d, sql, inputs[0]);
			if (v != w || v != MOAT_BLOCK)
				fail_msg("%s (dialect %d): the check says %d, each place alone %d",
				         sql, d, v, w);
		}
	for (size_t ii = 1; ii < sizeof inputs / sizeof inputs[0]; ii++)
		for (size_t ri = 0; ri < sizeof rests / sizeof rests[0]; ri++)
			for (int k = 0; k <= 40; k++)
				for (int d = 1; d <= 3; d++) {
					size_t o = (size_t)snprintf(sql, sizeof sql,
					                            "SELECT * FROM t WHERE id = ");
					int v, w;
					for (int i = 0; i < k; i++)
						o +=
						    (size_t)snprintf(sql + o, sizeof sql - o, "- ");
					snprintf(sql + o, sizeof sql - o, "%s%s", inputs[ii],
					         rests[ri]);
					v = check_sql_text(d, sql, inputs[ii]);
					w = each_place_alone(d, sql, inputs[ii]);
					if (v != w)
						fail_msg("%s (dialect %d): the check says %d, each "
						         "place alone %d",
						         sql, d, v, w);
				}
}

/* The cache is lexed only as far as the check's readers go (the token at
 * each place, the window, the walks): places near the start of long
 * statements (up to 2,900 tokens, past the cache's 2,048), a second
 * place in the middle or at the end, rests that leave a parenthesis open,
 * close it, or end in a second statement, inputs that span tokens (a
 * weaker sign that needs the walk, a tautology; one inside a literal at
 * the first place and spanning at the second) and one inside a literal at
 * every unit of the rest: each judged as every place alone. */
static void places_before_long_rests_are_judged_alike(void **state)
{
	static char sql[16384];
	static const int units[] = {10, 200, 255, 256, 257, 300, 511, 512, 513, 700};
	static const char *const ends[] = {"", ")", "; DROP TABLE t"};
	static const struct {
		const char *place, *later, *input; /* the first place, the second */
	} ins[] = {
	    {"'x'*'' AND b = 1", "'x'*'' AND b = 1", "x'*'"},
	    {"'v' OR 'a'='a'", "'v' OR 'a'='a'", "v' OR 'a'='a"},
	    {"'some value'", "'some value'", "some value"},
	    {"'v'' OR ''a''=''a'", "'v' OR 'a'='a'", "v' OR 'a'='a"},
	};

	(void)state;
	for (size_t ui = 0; ui < sizeof units / sizeof units[0]; ui++)
		for (size_t ei = 0; ei < sizeof ends / sizeof ends[0]; ei++)
			for (size_t ii = 0; ii < sizeof ins / sizeof ins[0]; ii++)
				for (int second = 0; second < 3; second++)
					for (int d = 1; d <= 3; d++) {
						size_t o = (size_t)snprintf(
						    sql, sizeof sql,
						    "SELECT * FROM t WHERE (a = %s", ins[ii].place);
						int v, w;
						for (int k = 0; k < units[ui]; k++) {
							if ((second == 1 && k == units[ui] / 2) ||
							    (second == 2 && k == units[ui] - 1))
								o += (size_t)snprintf(
								    sql + o, sizeof sql - o,
								    " AND e = %s", ins[ii].place);
							o += (size_t)snprintf(
							    sql + o, sizeof sql - o,
							    " AND c = 'some value'");
						}
						snprintf(sql + o, sizeof sql - o, "%s", ends[ei]);
						v = check_sql_text(d, sql, ins[ii].input);
						w = each_place_alone(d, sql, ins[ii].input);
						if (v != w)
							fail_msg(
							    "%zu units, end %zu, input %zu, second "
							    "%d (dialect %d): the check says %d, "
							    "each place alone %d",
							    (size_t)units[ui], ei, ii, second, d, v,
							    w);
					}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tails_whose_parentheses_cannot_close_are_judged_alike),
	    cmocka_unit_test(tails_with_many_parentheses_are_judged_alike),
	    cmocka_unit_test(a_walk_from_a_statements_start_is_judged_alike),
	    cmocka_unit_test(windows_take_the_end_of_the_window_before_alike),
	    cmocka_unit_test(places_and_window_ends_found_in_steps_are_judged_alike),
	    cmocka_unit_test(windows_take_states_only_across_plain_tokens),
	    cmocka_unit_test(windows_at_the_same_place_are_judged_alike),
	    cmocka_unit_test(places_before_another_inputs_are_read_alike),
	    cmocka_unit_test(places_before_long_rests_are_judged_alike),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
