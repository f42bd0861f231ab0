/*
 * bench/detect/promptcost.c — the cost of the llm_prompt_injection scorer
 * (ma_prompt_score) on a corpus of prompts, and, built beside another
 * commit's scorer (bench/detect/promptcost.sh: its ma_prompt*.c with every
 * global renamed old_*, -DPROMPTCOST_OLD), the same inputs through both in
 * the same run: the time of each and whether they agree.
 *
 *   build/bench-promptcost [--pass N] [--only new|old] [--text] [--diffs N] FILE...
 *
 * A FILE is JSON lines with an "input" string (the corpus' format), or,
 * with --text, plain text read as paragraphs (blank lines between; "-" is
 * standard input). Each input is scored N times by each scorer (default
 * 5; the two alternate, in turn first), and its time is the best of its N
 * (the load of a shared machine adds to single calls, never takes away).
 * Prints per file and over all inputs: inputs, mean bytes, p50 / p99 / max
 * microseconds per input of each scorer, and how many inputs' scores or
 * rules differ (each one printed, up to --diffs, default 20). --only runs
 * one scorer once per input (for callgrind: --toggle-collect=ma_prompt_score
 * or old_ma_prompt_score counts its instructions). Exit status 1 when the
 * scorers disagreed on some input, 2 on a usage or input error.
 */
#include "ma_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef PROMPTCOST_OLD
double old_ma_prompt_score(const char *text, size_t len, const char **rule);
#define HAVE_OLD 1
#else
#define HAVE_OLD 0
static double old_ma_prompt_score(const char *text, size_t len, const char **rule)
{
	(void)text;
	(void)len;
	*rule = NULL;
	return 0;
}
#endif

#define MAXIN (1u << 20)

struct samples {
	double *v;
	size_t n, cap;
};

struct tally {
	struct samples t[2]; /* ns per input: new, old */
	long inputs, bytes, diffs;
};

static int passes = 5, only = -1, text_mode = 0;
static long max_diffs = 20, shown_diffs = 0;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void push(struct samples *s, double v)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1024;
		double *x = realloc(s->v, cap * sizeof *x);
		if (!x) {
			fprintf(stderr, "promptcost: out of memory\n");
			exit(2);
		}
		s->v = x;
		s->cap = cap;
	}
	s->v[s->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-quantile of s (sorted in place), in microseconds. */
static double quantile(struct samples *s, double q)
{
	size_t k;

	if (!s->n)
		return 0;
	qsort(s->v, s->n, sizeof *s->v, cmp_double);
	k = (size_t)(q * (double)(s->n - 1) + 0.5);
	return s->v[k] / 1e3;
}

/* Scores one input with each scorer asked for; adds to file and all. */
static void run_input(const char *in, size_t n, const char *where, struct tally *file,
                      struct tally *all)
{
	double best[2] = {0, 0}, sc[2] = {0, 0};
	const char *rule[2] = {NULL, NULL};

	for (int p = 0; p < (only >= 0 ? 1 : passes); p++) {
		for (int k = 0; k < 2; k++) {
			int which = only >= 0 ? only : (p + k) % 2;
			double t0, dt;
			if (which == 1 && !HAVE_OLD)
				continue;
			if (only >= 0 && k > 0)
				break;
			t0 = now_ns();
			sc[which] = which == 0 ? ma_prompt_score(in, n, &rule[which])
			                       : old_ma_prompt_score(in, n, &rule[which]);
			dt = now_ns() - t0;
			if (p == 0 || dt < best[which])
				best[which] = dt;
		}
	}
	for (int k = 0; k < 2; k++) {
		if ((only >= 0 && k != only) || (k == 1 && !HAVE_OLD))
			continue;
		push(&file->t[k], best[k]);
		push(&all->t[k], best[k]);
	}
	file->inputs++;
	all->inputs++;
	file->bytes += (long)n;
	all->bytes += (long)n;
	if (HAVE_OLD && only < 0 &&
	    (sc[0] != sc[1] ||
	     (rule[0] ? !rule[1] || strcmp(rule[0], rule[1]) : rule[1] != NULL))) {
		file->diffs++;
		all->diffs++;
		/* a held-out set's text is never shown: it is for measurement
		 * only, and whoever reads this output may be writing rules */
		static const char hidden[] = "(held-out text not shown)";
		int held = strstr(where, "heldout") != NULL;
		size_t shown = n < 80 ? n : 80;

		while (shown > 0 && shown < n && ((unsigned char)in[shown] & 0xC0) == 0x80)
			shown--; /* cut at a character boundary */
		if (shown_diffs++ < max_diffs)
			fprintf(stderr,
			        "differs (%s, %zu bytes): new %.17g %s, old %.17g %s: %.*s\n",
			        where, n, sc[0], rule[0] ? rule[0] : "-", sc[1],
			        rule[1] ? rule[1] : "-", held ? (int)sizeof hidden - 1 : (int)shown,
			        held ? hidden : in);
	}
}

static void report(const char *name, struct tally *t)
{
	printf("%-44s %6ld %6ld B", name, t->inputs, t->inputs ? t->bytes / t->inputs : 0);
	for (int k = 0; k < 2; k++) {
		if (!t->t[k].n) {
			if (k == 0)
				printf("  %27s", "-");
			continue;
		}
		printf("  %8.1f %8.1f %9.1f", quantile(&t->t[k], 0.5), quantile(&t->t[k], 0.99),
		       quantile(&t->t[k], 1.0));
	}
	if (HAVE_OLD && only < 0)
		printf("  %5ld", t->diffs);
	printf("\n");
	for (int k = 0; k < 2; k++) {
		free(t->t[k].v);
		t->t[k].v = NULL;
		t->t[k].n = t->t[k].cap = 0;
	}
}

/* JSON lines with an "input" string. */
static int read_jsonl(FILE *f, const char *name, struct tally *file, struct tally *all)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long no = 0;

	while ((got = getline(&line, &cap, f)) > 0) {
		json_error_t err;
		json_t *j, *in;
		char where[300];
		no++;
		if (got <= 1)
			continue;
		j = json_loadb(line, (size_t)got, 0, &err);
		in = j ? json_object_get(j, "input") : NULL;
		if (!json_is_string(in)) {
			fprintf(stderr, "promptcost: %s:%ld: no \"input\" string\n", name, no);
			json_decref(j);
			free(line);
			return -1;
		}
		snprintf(where, sizeof where, "%s:%ld", name, no);
		run_input(json_string_value(in), json_string_length(in), where, file, all);
		json_decref(j);
	}
	free(line);
	return 0;
}

/* Plain text: paragraphs, blank lines between (each at most MAXIN bytes). */
static int read_text(FILE *f, const char *name, struct tally *file, struct tally *all)
{
	static char para[MAXIN];
	char *line = NULL;
	size_t cap = 0, pl = 0;
	ssize_t got;
	long no = 0, start = 1;

	for (;;) {
		got = getline(&line, &cap, f);
		no++;
		if (got <= 0 || (got == 1 && line[0] == '\n')) {
			if (pl) {
				char where[300];
				snprintf(where, sizeof where, "%s:%ld", name, start);
				run_input(para, pl, where, file, all);
			}
			pl = 0;
			start = no + 1;
			if (got <= 0)
				break;
			continue;
		}
		if (pl + (size_t)got <= sizeof para) {
			memcpy(para + pl, line, (size_t)got);
			pl += (size_t)got;
		}
	}
	free(line);
	return 0;
}

int main(int argc, char **argv)
{
	struct tally all = {0};
	int files = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--pass") && i + 1 < argc) {
			passes = atoi(argv[++i]);
			if (passes < 1)
				passes = 1;
		} else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
			i++;
			only = !strcmp(argv[i], "old") ? 1 : 0;
			if (only == 1 && !HAVE_OLD) {
				fprintf(stderr, "promptcost: built without an old scorer\n");
				return 2;
			}
		} else if (!strcmp(argv[i], "--text")) {
			text_mode = 1;
		} else if (!strcmp(argv[i], "--diffs") && i + 1 < argc) {
			max_diffs = atol(argv[++i]);
		} else if (argv[i][0] == '-' && argv[i][1] == '-') {
			fprintf(stderr,
			        "usage: %s [--pass N] [--only new|old] [--text] [--diffs N] "
			        "FILE...\n",
			        argv[0]);
			return 2;
		}
	}
	/* the lexicon's index is built once, outside the times */
	ma_prompt_score("x", 1, NULL);
	if (HAVE_OLD)
		old_ma_prompt_score("x", 1, &(const char *){NULL});
	printf("%-44s %6s %8s  %27s", "file", "inputs", "bytes", "new: p50 p99 max (us)");
	if (HAVE_OLD)
		printf("  %27s  %5s", "old: p50 p99 max (us)", "diffs");
	printf("\n");
	for (int i = 1; i < argc; i++) {
		struct tally file = {0};
		FILE *f;
		int rc;
		if (!strcmp(argv[i], "--pass") || !strcmp(argv[i], "--only") ||
		    !strcmp(argv[i], "--diffs")) {
			i++;
			continue;
		}
		if (!strcmp(argv[i], "--text"))
			continue;
		f = !strcmp(argv[i], "-") ? stdin : fopen(argv[i], "r");
		if (!f) {
			fprintf(stderr, "promptcost: cannot open %s\n", argv[i]);
			return 2;
		}
		rc = text_mode ? read_text(f, argv[i], &file, &all)
		               : read_jsonl(f, argv[i], &file, &all);
		if (f != stdin)
			fclose(f);
		if (rc)
			return 2;
		files++;
		report(argv[i], &file);
	}
	if (files > 1)
		report("ALL", &all);
	return all.diffs ? 1 : 0;
}
