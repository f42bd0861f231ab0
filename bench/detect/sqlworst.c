/*
 * bench/detect/sqlworst.c — the sql_injection check's worst cases: inputs
 * of up to 1 KB built to make the check work hardest, in statements of up
 * to 4 KB (issue 11's goal: p99 under 20 us there). Each case is one
 * request with its inputs and one statement; the check is run many times.
 *
 *   build/bench-sqlworst [--case NAME] [--iter N]
 *
 * Prints, per case, the input and statement sizes, whether it fired, and
 * the cost per check (p50, p99, max in microseconds, on this machine).
 * With --case it runs only that case (bench/detect/sqlworst.sh runs each
 * under callgrind, with moat_check_sql_at collected, for instructions).
 * Single-threaded; numbers only, the exit status says whether it ran.
 */
#include "moatagent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXIN  1024
#define MAXSQL 4096

struct wcase {
	const char *name;
	const char *what;
	char in[2][MAXIN + 1]; /* up to two inputs (empty: none) */
	char sql[MAXSQL + 1];
};

/* Fills dst with unit repeated to exactly n bytes. */
static void fill(char *dst, const char *unit, size_t n)
{
	size_t u = strlen(unit);

	for (size_t i = 0; i < n; i++)
		dst[i] = unit[i % u];
	dst[n] = '\0';
}

/* Padding of ordinary SQL conditions so that the statement reaches
 * MAXSQL bytes with the tail after the input. */
static void build(struct wcase *c, const char *head, const char *input, const char *tail)
{
	size_t used = strlen(head) + strlen(input) + strlen(tail), o;
	static const char cond[] = "c = 'some value' AND ";

	o = (size_t)snprintf(c->sql, sizeof c->sql, "SELECT id, name FROM products WHERE ");
	while (o + used + strlen("SELECT id, name FROM products WHERE ") + sizeof cond < MAXSQL) {
		memcpy(c->sql + o, cond, sizeof cond - 1);
		o += sizeof cond - 1;
	}
	snprintf(c->sql + o, sizeof c->sql - o, "%s%s%s", head, input, tail);
}

static int ncases;
static struct wcase cases[8];

static void make_cases(void)
{
	struct wcase *c;

	/* 1 KB of quotes and %-escapes in a '...' string at the end of 4 KB */
	c = &cases[ncases++];
	c->name = "quotes";
	c->what = "1 KB of quotes and %-escapes in a '...' string";
	fill(c->in[0], "x'%27\"%22", MAXIN);
	build(c, "name = '", c->in[0], "' AND visible = 1");

	/* the same where a number goes */
	c = &cases[ncases++];
	c->name = "quotes-num";
	c->what = "1 KB of quotes and %-escapes where a number goes";
	fill(c->in[0], "1'%27\"%22(", MAXIN);
	build(c, "id = ", c->in[0], " AND visible = 1");

	/* a short input that spans tokens at 64 places of a 4 KB statement
	 * (a second, 1 KB input holds it 64 times) */
	c = &cases[ncases++];
	c->name = "occurrences";
	c->what = "a 3-byte input spanning tokens at 64 places (in a 256-byte input)";
	snprintf(c->in[0], sizeof c->in[0], "1',");
	fill(c->in[1], "'1',", 64 * 4);
	build(c, "name IN (", c->in[1], "'x') AND visible = 1");

	/* 1 KB of punctuation: one token a byte */
	c = &cases[ncases++];
	c->name = "tokens";
	c->what = "1 KB of one-byte tokens where a number goes";
	fill(c->in[0], "(-", MAXIN);
	build(c, "id = ", c->in[0], " AND visible = 1");

	/* 1 KB of words and operators that read as SQL */
	c = &cases[ncases++];
	c->name = "grammar";
	c->what = "1 KB of a long expression that runs, in a '...' string";
	fill(c->in[0], "x'||'a'||'", MAXIN);
	build(c, "name = '", c->in[0], "' AND visible = 1");
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Runs case c iter times: 0, or -1 when the request could not be made. */
static int run(const struct wcase *c, const struct moat_policy *p, int iter, int quiet)
{
	struct moat_request_info ri = {
	    .method = "GET", .endpoint = "/search", .source_ip = "192.0.2.1", .policy = p};
	double *t = malloc(sizeof *t * (size_t)iter);
	int fired = 0;

	if (!t)
		return -1;
	for (int i = 0; i < iter; i++) {
		struct moat_request *r;
		double t0;
		if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW) {
			free(t);
			return -1;
		}
		for (int k = 0; k < 2; k++)
			if (c->in[k][0])
				moat_request_add_input(r, MOAT_INPUT_QUERY, k ? "q2" : "q",
				                       c->in[k], strlen(c->in[k]));
		t0 = now_us();
		(void)moat_check_sql(r, MOAT_SQL_MYSQL, c->sql, strlen(c->sql));
		t[i] = now_us() - t0;
		fired = moat_request_findings(r) > 0;
		moat_request_end(r);
	}
	qsort(t, (size_t)iter, sizeof *t, cmp_d);
	if (!quiet)
		printf("sql worst case %-12s input=%zu+%zu B sql=%zu B fired=%d p50=%.2fus "
		       "p99=%.2fus max=%.2fus  (%s)\n",
		       c->name, strlen(c->in[0]), strlen(c->in[1]), strlen(c->sql), fired,
		       t[iter / 2], t[iter * 99 / 100], t[iter - 1], c->what);
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	const char *only = NULL;
	int iter = 2000, rc = 0;
	char err[200];
	const struct moat_policy *p;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--case") == 0 && i + 1 < argc)
			only = argv[++i];
		else if (strcmp(argv[i], "--iter") == 0 && i + 1 < argc)
			iter = (int)strtol(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "usage: %s [--case NAME] [--iter N]\n", argv[0]);
			return 2;
		}
	}
	if (iter < 1)
		iter = 1;
	p = moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"monitor\"}}}", 1,
	                      err, sizeof err);
	if (!p) {
		fprintf(stderr, "policy: %s\n", err);
		return 1;
	}
	make_cases();
	for (int i = 0; i < ncases; i++) {
		if (only && strcmp(only, cases[i].name) != 0)
			continue;
		if (run(&cases[i], p, iter, 0) < 0)
			rc = 1;
	}
	moat_policy_release(p);
	return rc;
}
