/*
 * bench/detect/detect.c — runs libmoatagent's interceptors on every case
 * of a corpus folder laid out like shared/corpus/cases (README there:
 * one folder per category, JSONL files of {"input"} or {"operation"}) and
 * prints, per category and per file: cases, detected, detection rate,
 * false positives, false-positive rate, the inputs that changed nothing in
 * their sink (apart, not counted as misses) and the cost per check (p50,
 * p99), then one line per category for scripts:
 *
 *     RESULT <category> cases=<n> detected=<pct> false_positives=<pct>
 *
 * Attack categories fill detected (false_positives=-), benign ones
 * false_positives (detected=-); a category without an interceptor yet says
 * so (n/a), it does not print 0 %.
 *
 * SQL (sqli, benign-user-input, benign-sql): an input goes, as query
 * parameter "q" of a request, into five sinks — a quoted string, a bare
 * number, LIKE, ORDER BY, VALUES (with --sql-dq and MySQL rules, a sixth:
 * a "-quoted string) — and the statement is checked; a case is
 * detected when any sink blocks. It changed nothing when, in every sink, it
 * stays inside one token or leaves a statement that cannot run (a string or
 * comment left open, unbalanced parentheses: lexical facts, not the check's
 * grammar; or a syntax error to SQLite's own parser where it speaks for the
 * dialect: sqlparse.h); those are listed apart and left out of the
 * detection rate. A benign operation is checked with every string
 * and number literal of its own as the request's inputs.
 *
 * SSRF (ssrf, benign-urls, url-parsing) and NoSQL (nosql): detect_web.h
 * says how; prompts (prompt-injection, benign-prompts): prompt.c; XSS
 * (xss, benign-html): detect_html.h. benign-user-input goes through
 * every interceptor's sinks (a
 * hit in any is a false positive; the count per interceptor is printed).
 *
 * With --crs, the same inputs also go through ModSecurity + CRS at paranoia
 * levels 1 and 2 (one request gives both verdicts: crs_init), in one
 * process per CPU (BENCH_CRS_JOBS): crs_flush.
 *
 * Usage: detect [--dialect mysql|postgresql|sqlite] [--sql-dq] [--crs] [--show-misses N] DIR
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ma_html.h"
#include "ma_int.h"
#include "sqlparse.h"

#ifdef MOAT_BENCH_MODSECURITY
#include <modsecurity/intervention.h>
#include <modsecurity/modsecurity.h>
#include <modsecurity/rules_set.h>
#include <modsecurity/transaction.h>
#endif

#define N_SINKS 6
static const char *const sinks[N_SINKS][2] = {
    {"SELECT id, name, price FROM products WHERE name = '", "' AND visible = 1"},
    {"SELECT id, name, price FROM products WHERE id = ", " AND visible = 1"},
    {"SELECT id, name, price FROM products WHERE name LIKE '%", "%' ORDER BY name LIMIT 20"},
    {"SELECT id, name, price FROM products WHERE visible = 1 ORDER BY ", " LIMIT 20"},
    {"INSERT INTO comments (product_id, author, body) VALUES (7, 'guest', '", "')"},
    /* --sql-dq, MySQL only: "..." is a string there (PHP's
     * "... name = \"$name\""), an identifier in PostgreSQL and SQLite */
    {"SELECT id, name, price FROM products WHERE name = \"", "\" AND visible = 1"},
};
#define SINK_DQ 5
static int dialect;
static int sql_dq; /* --sql-dq: the sixth sink is used */
#define SINK_USED(s) ((s) != SINK_DQ || (sql_dq && dialect == MOAT_SQL_MYSQL))
/* sqlparse.h: SQLite's parser, the witness of statements that cannot run */
static sqlite3 *sql_parser;

enum {
	K_NONE,
	K_SQL_ATTACK,
	K_SQL_BENIGN_INPUT,
	K_SQL_BENIGN_OP,
	K_URL_ATTACK,
	K_URL_BENIGN_OP,
	K_URL_PARSE,
	K_NOSQL_ATTACK,
	K_SH_ATTACK,
	K_SH_BENIGN_OP,
	K_PATH_ATTACK,
	K_PATH_BENIGN_OP,
	K_PROMPT_ATTACK,
	K_PROMPT_BENIGN,
	K_XSS_ATTACK,
	K_HTML_BENIGN_OP,
};

struct samples {
	double *v;
	size_t n, cap;
};

static void samples_add(struct samples *s, double v);
static double now_ns(void);

struct tally {
	char name[256];
	long cases, detected, fp, unchanged, checks;
	long parsed_apart; /* of unchanged: set apart by SQLite's parser (sqlparse.h) */
	struct samples ns;
	long by[7];               /* benign-user-input: false positives per interceptor
	                             (sql_injection, ssrf, nosql_injection,
	                             command_injection, path_traversal,
	                             llm_prompt_injection, xss) */
	long crs_hit[2];          /* requests ModSecurity + CRS blocked, PL1 and PL2 */
	struct samples crs_ns[2]; /* their cost */
};

static int crs_on;   /* ModSecurity + CRS side by side (built in and loaded) */
static int crs_skip; /* this input was already sent through CRS */

#ifdef MOAT_BENCH_MODSECURITY
/* ModSecurity v3 with the OWASP CRS as Debian installs them, at paranoia
 * levels 1 and 2, anomaly scoring (blocks at an inbound score of 5).
 *
 * Both verdicts come from one request: CRS runs the rules of every level
 * up to tx.executing_paranoia_level and keeps each level's score apart
 * (tx.anomaly_score_pl1, _pl2), while its blocking evaluation (949110)
 * sums only the levels up to tx.paranoia_level. So the engine runs at
 * paranoia 1 executing level 2: 949110's deny is PL1's verdict, and two
 * rules after it deny with status 418 when the scores of levels 1 and 2
 * together reach the threshold, which is what PL2's own 949110 sums. The
 * request's cost is PL2's (it runs PL2's rules); PL1's own cost, and a
 * check that its own engine gives the same verdicts, with
 * BENCH_CRS_PL1=1 (crs_pl1). */
#define CRS_PL2_ONLY 418
static ModSecurity *ms;
static RulesSet *crs_both_rules, *crs_pl1_rules;
static int crs_pl1;

static void crs_log(void *data, const void *msg)
{
	(void)data;
	(void)msg;
}

static RulesSet *crs_load(const char *levels, const char *after)
{
	char conf[2048];
	const char *err = NULL;
	RulesSet *rs = msc_create_rules_set();

	snprintf(conf, sizeof conf,
	         "SecRuleEngine On\n"
	         "SecRequestBodyAccess On\n"
	         "SecAuditEngine Off\n"
	         "Include /etc/modsecurity/crs/crs-setup.conf\n"
	         "SecAction \"id:900000,phase:1,nolog,pass,t:none,%s\"\n"
	         "Include /usr/share/modsecurity-crs/rules/*.conf\n%s",
	         levels, after);
	if (msc_rules_add(rs, conf, &err) < 0) {
		fprintf(stderr, "ModSecurity + CRS not loaded: %s\n", err ? err : "?");
		return NULL;
	}
	return rs;
}

static int crs_init(void)
{
	const char *e = getenv("BENCH_CRS_PL1");

	ms = msc_init();
	msc_set_connector_info(ms, "moat bench/detect");
	msc_set_log_cb(ms, crs_log);
	crs_both_rules = crs_load(
	    "setvar:tx.paranoia_level=1,setvar:tx.executing_paranoia_level=2",
	    "SecAction \"id:900990,phase:2,nolog,pass,t:none,"
	    "setvar:'tx.moat_pl2_score=%{tx.anomaly_score_pl1}',"
	    "setvar:'tx.moat_pl2_score=+%{tx.anomaly_score_pl2}'\"\n"
	    "SecRule TX:MOAT_PL2_SCORE \"@ge %{tx.inbound_anomaly_score_threshold}\" "
	    "\"id:900991,phase:2,deny,status:418,nolog,t:none\"\n");
	if (!crs_both_rules)
		return -1;
	crs_pl1 = e && *e && strcmp(e, "0");
	if (crs_pl1 && !(crs_pl1_rules = crs_load("setvar:tx.paranoia_level=1", "")))
		return -1;
	return 0;
}

static size_t url_encode(const char *in, size_t n, char *out, size_t cap)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	for (size_t i = 0; i < n && o + 4 < cap; i++) {
		unsigned char c = (unsigned char)in[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
	return o;
}

/* One GET request with the query string through the rules rs: the
 * status of the request's interruption, 0 when none; *us is its cost. */
static int crs_request(RulesSet *rs, const char *uri, double *us)
{
	double t0 = now_ns();
	Transaction *t = msc_new_transaction(ms, rs, NULL);
	ModSecurityIntervention it = {.status = 200};
	int status = 0;

	msc_process_connection(t, "192.0.2.10", 40000, "127.0.0.1", 80);
	msc_process_uri(t, uri, "GET", "1.1");
	msc_add_request_header(t, (const unsigned char *)"Host",
	                       (const unsigned char *)"shop.example");
	msc_add_request_header(
	    t, (const unsigned char *)"User-Agent",
	    (const unsigned char *)"Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0");
	msc_add_request_header(t, (const unsigned char *)"Accept",
	                       (const unsigned char *)"text/html,application/json");
	msc_process_request_headers(t);
	if (msc_intervention(t, &it) && it.disruptive)
		status = it.status;
	if (!status) {
		msc_process_request_body(t);
		if (msc_intervention(t, &it) && it.disruptive)
			status = it.status;
	}
	free(it.url);
	free(it.log);
	msc_process_logging(t);
	msc_transaction_cleanup(t);
	*us = (now_ns() - t0) / 1000.0;
	return status;
}

/*
 * CRS costs milliseconds a request where Moat costs microseconds, so its
 * requests run on every CPU: the sinks queue them (crs_both: the URI and
 * the tallies it counts in), and crs_flush, called before a file's row is
 * printed, forks one process per CPU (BENCH_CRS_JOBS sets how many), each
 * running every n-th request at both paranoia levels with the rules the
 * parent loaded, and writing its verdicts and costs into a shared mapping
 * that the parent then counts in queue order. Moat's own checks ran
 * before, with no CRS process beside them; each CRS process has a CPU to
 * itself, as the one loop did. Processes, not threads: ModSecurity's
 * transactions then share nothing.
 */
struct crs_job {
	size_t uri; /* offset in crs_text */
	struct tally *file, *cat;
};
struct crs_out {
	double us[2];          /* PL1's is -1 unless its own engine ran */
	unsigned char hit[2];
	unsigned char differ; /* PL1's own engine gave another verdict */
};
static struct crs_job *crs_jobs;
static size_t crs_njobs, crs_capjobs;
static int crs_procs = 1;
/* The queued URIs, one after the other, kept (and reused) across flushes:
 * a malloc per URI, freed at each flush, would leave tens of thousands of
 * free chunks that glibc sorts in the next allocations -- Moat's own,
 * timed (an event's), which then cost milliseconds. */
static char *crs_text;
static size_t crs_textlen, crs_textcap;

static void crs_both(const char *uri, struct tally *file, struct tally *cat)
{
	if (!crs_on || crs_skip)
		return;
	if (crs_njobs == crs_capjobs) {
		size_t cap = crs_capjobs ? 2 * crs_capjobs : 1024;
		struct crs_job *v = realloc(crs_jobs, cap * sizeof *v);
		if (!v) {
			fprintf(stderr, "out of memory\n");
			exit(1);
		}
		crs_jobs = v;
		crs_capjobs = cap;
	}
	size_t len = strlen(uri) + 1;
	if (crs_textcap - crs_textlen < len) {
		size_t cap = crs_textcap ? crs_textcap : 1 << 20;
		char *t;
		while (cap - crs_textlen < len)
			cap *= 2;
		if (!(t = realloc(crs_text, cap))) {
			fprintf(stderr, "out of memory\n");
			exit(1);
		}
		crs_text = t;
		crs_textcap = cap;
	}
	memcpy(crs_text + crs_textlen, uri, len);
	crs_jobs[crs_njobs].uri = crs_textlen;
	crs_jobs[crs_njobs].file = file;
	crs_jobs[crs_njobs].cat = cat;
	crs_textlen += len;
	crs_njobs++;
}

static void crs_run(struct crs_out *out, size_t from, size_t step)
{
	for (size_t i = from; i < crs_njobs; i += step) {
		int st = crs_request(crs_both_rules, crs_text + crs_jobs[i].uri, &out[i].us[1]);
		out[i].hit[1] = st != 0;
		out[i].hit[0] = st != 0 && st != CRS_PL2_ONLY;
		out[i].us[0] = -1;
		if (crs_pl1) {
			int own = crs_request(crs_pl1_rules, crs_text + crs_jobs[i].uri, &out[i].us[0]) != 0;
			out[i].differ = own != out[i].hit[0];
		}
	}
}

static void crs_flush(void)
{
	size_t n = crs_njobs, procs = (size_t)crs_procs;
	struct crs_out *out;

	if (!n)
		return;
	if (procs > n)
		procs = n;
	out = mmap(NULL, n * sizeof *out, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	           -1, 0);
	if (out == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	if (procs <= 1) {
		crs_run(out, 0, 1);
	} else {
		pid_t pid[256];
		fflush(stdout);
		fflush(stderr);
		for (size_t k = 0; k < procs; k++) {
			pid[k] = fork();
			if (pid[k] < 0) {
				perror("fork");
				exit(1);
			}
			if (pid[k] == 0) {
				crs_run(out, k, procs);
				_exit(0);
			}
		}
		for (size_t k = 0; k < procs; k++) {
			int st;
			if (waitpid(pid[k], &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
				fprintf(stderr, "a ModSecurity process failed (status %d)\n", st);
				exit(1);
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct crs_job *j = &crs_jobs[i];
		for (int pl = 0; pl < 2; pl++) {
			if (out[i].us[pl] >= 0) {
				samples_add(&j->file->crs_ns[pl], out[i].us[pl]);
				samples_add(&j->cat->crs_ns[pl], out[i].us[pl]);
			}
			j->file->crs_hit[pl] += out[i].hit[pl];
			j->cat->crs_hit[pl] += out[i].hit[pl];
		}
		if (out[i].differ) {
			fprintf(stderr, "CRS PL1's own engine and the combined one differ on %s\n",
			        crs_text + j->uri);
			exit(1);
		}
	}
	munmap(out, n * sizeof *out);
	crs_njobs = 0;
	crs_textlen = 0;
}

/*
 * What every sink sends through CRS, built in one place: a GET whose
 * target is a path and a query string of name=value pairs, each value
 * %-encoded (url_encode). crs_query sends one input as one parameter
 * ("/search?q=" and the input), in the caller's buffer; an operation
 * checked with its own literals as inputs collects them in a crs_uri
 * (crs_uri_init, crs_uri_add per literal) and sends them together
 * (crs_uri_send): "/api?lit0=..&lit1=..".
 */
static void crs_query(char *buf, size_t cap, const char *target, const char *in, size_t n,
                      struct tally *file, struct tally *cat)
{
	size_t tl = strlen(target);

	if (!crs_on || crs_skip || tl + 3 * n + 16 >= cap)
		return;
	memcpy(buf, target, tl);
	url_encode(in, n, buf + tl, cap - tl);
	crs_both(buf, file, cat);
}

struct crs_uri {
	char s[16384];
	size_t n;
	int offered; /* parameters offered: one too long to fit is left out, but
	                the next still starts with '&' */
};

static void crs_uri_init(struct crs_uri *u, const char *path)
{
	u->n = (size_t)snprintf(u->s, sizeof u->s, "%s?", path);
	u->offered = 0;
}

static void crs_uri_add(struct crs_uri *u, const char *name, const char *v, size_t l)
{
	u->offered++;
	if (!crs_on || u->n + strlen(name) + 2 + 3 * l >= sizeof u->s)
		return;
	u->n += (size_t)snprintf(u->s + u->n, sizeof u->s - u->n, "%s%s=",
	                         u->offered > 1 ? "&" : "", name);
	u->n += url_encode(v, l, u->s + u->n, sizeof u->s - u->n);
}

static void crs_uri_send(const struct crs_uri *u, struct tally *file, struct tally *cat)
{
	crs_both(u->s, file, cat);
}
#else
static int crs_init(void)
{
	fprintf(stderr, "ModSecurity + CRS: not built in (libmodsecurity-dev, modsecurity-crs)\n");
	return -1;
}

/* Without ModSecurity: nothing is sent (see above). */
struct crs_uri {
	int unused;
};
static void crs_query(char *buf, size_t cap, const char *target, const char *in, size_t n,
                      struct tally *file, struct tally *cat)
{
	(void)buf, (void)cap, (void)target, (void)in, (void)n, (void)file, (void)cat;
}
static void crs_uri_init(struct crs_uri *u, const char *path)
{
	(void)u, (void)path;
}
static void crs_uri_add(struct crs_uri *u, const char *name, const char *v, size_t l)
{
	(void)u, (void)name, (void)v, (void)l;
}
static void crs_uri_send(const struct crs_uri *u, struct tally *file, struct tally *cat)
{
	(void)u, (void)file, (void)cat;
}
static void crs_flush(void)
{
}
#endif

static int dialect = MOAT_SQL_MYSQL; /* declared above the sinks */
static int show_misses = 0;
static const struct moat_policy *policy;

static void samples_add(struct samples *s, double v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v) {
			fprintf(stderr, "out of memory\n");
			exit(1);
		}
	}
	s->v[s->n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double pct(struct samples *s, double p)
{
	size_t i;

	if (!s->n)
		return 0;
	qsort(s->v, s->n, sizeof *s->v, cmp_double);
	i = (size_t)(p * (double)(s->n - 1) + 0.5);
	return s->v[i];
}

/* The clock of every cost the bench prints, Moat's and CRS's alike:
 * CLOCK_MONOTONIC (wall time), or with BENCH_CLOCK=thread the calling
 * thread's own CPU time (CLOCK_THREAD_CPUTIME_ID: a check preempted by
 * another process is not charged for the time it waited -- on a loaded
 * machine a 4 ms time slice lands on a 0.2 ms check as it does on a 12 ms
 * CRS request, and the p99 of the short checks is then the scheduler's;
 * a VM's steal time still counts). The thread clock is a system call, not
 * the vDSO: it adds about its own cost (printed at the start) to each
 * interval. */
static clockid_t bench_clock = CLOCK_MONOTONIC;

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(bench_clock, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* BENCH_CLOCK: "thread" or unset / "wall"; prints the clock and the median
 * of 1,001 empty intervals (what an interval costs itself). */
static void bench_clock_init(void)
{
	const char *c = getenv("BENCH_CLOCK");
	double d[1001];

	if (c && !strcmp(c, "thread"))
		bench_clock = CLOCK_THREAD_CPUTIME_ID;
	for (int i = 0; i < 1001; i++) {
		double t0 = now_ns();
		d[i] = now_ns() - t0;
	}
	qsort(d, 1001, sizeof d[0], cmp_double);
	printf("clock: %s (an empty interval reads %.2f us at the median)\n",
	       bench_clock == CLOCK_MONOTONIC ? "wall (CLOCK_MONOTONIC)"
	                                      : "thread CPU time (CLOCK_THREAD_CPUTIME_ID)",
	       d[500] / 1000.0);
}

/* Counts one check of file and of cat that started at t0 (now_ns) and adds
 * its cost in microseconds to both. */
static void tally_check(struct tally *file, struct tally *cat, double t0)
{
	double dt = (now_ns() - t0) / 1000.0;

	samples_add(&file->ns, dt);
	samples_add(&cat->ns, dt);
	file->checks++;
	cat->checks++;
}

static int kind_of(const char *cat)
{
	if (!strcmp(cat, "sqli"))
		return K_SQL_ATTACK;
	if (!strcmp(cat, "benign-user-input"))
		return K_SQL_BENIGN_INPUT;
	if (!strcmp(cat, "benign-sql"))
		return K_SQL_BENIGN_OP;
	if (!strcmp(cat, "ssrf"))
		return K_URL_ATTACK;
	if (!strcmp(cat, "benign-urls"))
		return K_URL_BENIGN_OP;
	if (!strcmp(cat, "url-parsing"))
		return K_URL_PARSE;
	if (!strcmp(cat, "nosql"))
		return K_NOSQL_ATTACK;
	if (!strcmp(cat, "command-injection"))
		return K_SH_ATTACK;
	if (!strcmp(cat, "benign-shell"))
		return K_SH_BENIGN_OP;
	if (!strcmp(cat, "path-traversal"))
		return K_PATH_ATTACK;
	if (!strcmp(cat, "benign-paths"))
		return K_PATH_BENIGN_OP;
	if (!strcmp(cat, "prompt-injection"))
		return K_PROMPT_ATTACK;
	if (!strcmp(cat, "benign-prompts"))
		return K_PROMPT_BENIGN;
	if (!strcmp(cat, "xss"))
		return K_XSS_ATTACK;
	if (!strcmp(cat, "benign-html"))
		return K_HTML_BENIGN_OP;
	return K_NONE;
}

static int is_attack_cat(const char *cat)
{
	static const char *const a[] = {"sqli",
	                                "nosql",
	                                "xss",
	                                "ssrf",
	                                "path-traversal",
	                                "command-injection",
	                                "prompt-injection",
	                                "other",
	                                NULL};
	for (int i = 0; a[i]; i++)
		if (!strcmp(cat, a[i]))
			return 1;
	return 0;
}

/* One timed check of sql with the request r. */
static int timed_check(struct moat_request *r, const char *sql, size_t len, struct tally *file,
                       struct tally *cat)
{
	double t0 = now_ns();
	int v = moat_check_sql(r, dialect, sql, len);

	tally_check(file, cat, t0);
	return v;
}

static void print_escaped(FILE *f, const char *s, size_t n, size_t max)
{
	for (size_t i = 0; i < n && i < max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
	if (n > max)
		fputs("...", f);
}

/* 1 when the statement cannot run whatever the grammar: a string, quoted
 * name or comment left open, or parentheses that do not balance. Lexical
 * facts every SQL reader agrees on (the check's own grammar is not used).
 * 2 when only SQLite's parser says so: a syntax error in its first
 * statement, where SQLite speaks for the dialect (sqlparse.h). */
static int sink_broken(const char *sql, size_t len)
{
	struct ma_sql_lexer lx;
	struct ma_sql_tok t;
	long depth = 0;

	ma_sql_lex_init(&lx, dialect, sql, len);
	while (ma_sql_lex_next(&lx, &t)) {
		if (t.flags & MA_SQL_F_UNTERMINATED)
			return 1;
		if (t.type == MA_SQL_T_LPAREN)
			depth++;
		else if (t.type == MA_SQL_T_RPAREN && --depth < 0)
			return 1;
	}
	if (depth != 0)
		return 1;
	return sqlparse_rejects(sql_parser, dialect, sql, len) ? 2 : 0;
}

/* An input through the five SQL sinks: 1 if any blocks; *unchanged set
 * when in every sink it stays inside one token or only breaks the
 * statement (README of the corpus: "a quote-breaking payload in a numeric
 * position" changes nothing). */
static int sql_input(const char *in, size_t n, struct tally *file, struct tally *cat,
                     int *unchanged, char *buf, size_t cap)
{
	struct moat_request *r;
	struct moat_request_info ri = {
	    .method = "GET", .endpoint = "/search", .source_ip = "192.0.2.10", .policy = policy};
	int blocked = 0, spans = 0, parsed = 0;

	if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW || !r)
		return 0;
	moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, n);
	for (int s = 0; s < N_SINKS; s++) {
		if (!SINK_USED(s))
			continue;
		size_t l0 = strlen(sinks[s][0]), l1 = strlen(sinks[s][1]);
		struct ma_sql_hit hit;
		if (l0 + n + l1 > cap)
			continue;
		memcpy(buf, sinks[s][0], l0);
		memcpy(buf + l0, in, n);
		memcpy(buf + l0 + n, sinks[s][1], l1);
		if (timed_check(r, buf, l0 + n + l1, file, cat) == MOAT_BLOCK)
			blocked = 1;
		ma_sql_analyse(dialect, buf, l0 + n + l1, l0, l0 + n, &hit);
		if (hit.spans) {
			int br = sink_broken(buf, l0 + n + l1);
			if (!br)
				spans = 1;
			else if (br == 2)
				parsed = 1;
		}
	}
	moat_request_end(r);
	*unchanged = !spans;
	if (!spans && parsed && !blocked) {
		file->parsed_apart++;
		cat->parsed_apart++;
	}
	crs_query(buf, cap, "/search?q=", in, n, file, cat);
	return blocked;
}

/* A benign operation checked with its own literals as inputs. */
static int sql_operation(const char *op, size_t n, struct tally *file, struct tally *cat)
{
	struct moat_request *r;
	struct moat_request_info ri = {
	    .method = "POST", .endpoint = "/api", .source_ip = "192.0.2.10", .policy = policy};
	struct ma_sql_lexer lx;
	struct ma_sql_tok t;
	int k = 0, v;
	static struct crs_uri uri;

	if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW || !r)
		return 0;
	crs_uri_init(&uri, "/api");
	ma_sql_lex_init(&lx, dialect, op, n);
	while (ma_sql_lex_next(&lx, &t) && k < 64) {
		const char *s = op + t.start;
		size_t l = t.end - t.start;
		char name[16];
		if (t.type == MA_SQL_T_STRING) {
			size_t open;
			if (t.flags & MA_SQL_F_UNTERMINATED)
				continue;
			if (s[0] == '$') { /* $tag$ ... $tag$ */
				const char *q = memchr(s + 1, '$', l - 1);
				open = q ? (size_t)(q - s) + 1 : l;
				if (2 * open > l)
					continue;
				s += open;
				l -= 2 * open;
			} else { /* [prefix]'...' or "..." */
				open = strcspn(s, "'\"") + 1;
				if (open + 1 > l)
					continue;
				s += open;
				l -= open + 1;
			}
		} else if (t.type != MA_SQL_T_NUMBER) {
			continue;
		}
		snprintf(name, sizeof name, "lit%d", k++);
		moat_request_add_input(r, MOAT_INPUT_QUERY, name, s, l);
		crs_uri_add(&uri, name, s, l);
	}
	v = timed_check(r, op, n, file, cat);
	moat_request_end(r);
	crs_uri_send(&uri, file, cat);
	return v == MOAT_BLOCK;
}

#include "detect_web.h"
/* command_injection and path_traversal: their sinks and benign operations */
#include "cmdpath.c"
/* llm_prompt_injection: the chat prompt sink */
#include "prompt.c"
/* xss: its sinks and benign fragments */
#include "detect_html.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted entries of dir (directories or *.jsonl files). */
static char **list_dir(const char *dir, int want_dirs, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		char path[4096];
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (want_dirs) {
			DIR *sub = opendir(path);
			if (!sub)
				continue;
			closedir(sub);
		} else if (l < 7 || strcmp(e->d_name + l - 6, ".jsonl") != 0) {
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			v = realloc(v, cap * sizeof *v);
		}
		v[(*n)++] = strdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

struct result {
	char cat[128];
	long cases, detected, fp, unchanged;
	int kind, attack;
	double moat_p50, moat_p99;
	long crs_hit[2];
	double crs_p50[2], crs_p99[2];
};

static void print_row(const char *label, struct tally *t, int kind, int attack)
{
	printf("  %-58s cases=%-6ld", label, t->cases);
	if (kind == K_NONE) {
		printf(" no interceptor yet\n");
		return;
	}
	if (kind == K_URL_PARSE) {
		printf(" agree=%-6ld (%6.2f%%) p50=%.2fus p99=%.2fus per parse\n", t->detected,
		       t->cases ? 100.0 * (double)t->detected / (double)t->cases : 0,
		       pct(&t->ns, 0.5), pct(&t->ns, 0.99));
		return;
	}
	if (attack)
		printf(" detected=%-6ld (%6.2f%%)", t->detected,
		       t->cases ? 100.0 * (double)t->detected / (double)t->cases : 0);
	else
		printf(" false_pos=%-5ld (%6.3f%%)", t->fp,
		       t->cases ? 100.0 * (double)t->fp / (double)t->cases : 0);
	if (attack)
		printf(" unchanged=%-4ld", t->unchanged);
	printf(" p50=%.2fus p99=%.2fus\n", pct(&t->ns, 0.5), pct(&t->ns, 0.99));
	if (kind == K_SQL_BENIGN_INPUT)
		printf("  %-58s sql_injection=%ld ssrf=%ld nosql_injection=%ld "
		       "command_injection=%ld path_traversal=%ld llm_prompt_injection=%ld xss=%ld\n",
		       "  false positives by interceptor:", t->by[0], t->by[1], t->by[2], t->by[3],
		       t->by[4], t->by[5], t->by[6]);
	if (crs_on)
		for (int pl = 0; pl < 2; pl++) {
			printf("  %-58s %s=%-6ld (%6.2f%%)",
			       pl ? "  ModSecurity + CRS, paranoia 2"
			          : "  ModSecurity + CRS, paranoia 1",
			       attack ? "detected" : "false_pos", t->crs_hit[pl],
			       t->cases ? 100.0 * (double)t->crs_hit[pl] / (double)t->cases : 0);
			if (t->crs_ns[pl].n || !t->cases)
				printf(" p50=%.0fus p99=%.0fus per request\n", pct(&t->crs_ns[pl], 0.5),
				       pct(&t->crs_ns[pl], 0.99));
			else
				printf(" (its cost: BENCH_CRS_PL1=1)\n");
		}
}

int main(int argc, char **argv)
{
	const char *dir = NULL;
	char err[256];
	size_t ncat;
	char **cats;
	struct result *res;
	size_t cap = 1 << 20;
	char *buf = malloc(cap);

	if (!buf)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--dialect") && i + 1 < argc) {
			const char *d = argv[++i];
			dialect = !strcmp(d, "sqlite")         ? MOAT_SQL_SQLITE
			          : !strncmp(d, "postgres", 8) ? MOAT_SQL_POSTGRES
			                                       : MOAT_SQL_MYSQL;
		} else if (!strcmp(argv[i], "--explain") && i + 1 < argc) {
			/* one input through the sinks: the rule each sink gives */
			const char *in = argv[++i];
			size_t n = strlen(in);
			for (int k = 0; k < N_SINKS; k++) {
				struct ma_sql_hit hit;
				if (!SINK_USED(k))
					continue;
				size_t l0 = strlen(sinks[k][0]), l1 = strlen(sinks[k][1]);
				memcpy(buf, sinks[k][0], l0);
				memcpy(buf + l0, in, n);
				memcpy(buf + l0 + n, sinks[k][1], l1);
				buf[l0 + n + l1] = '\0';
				ma_sql_analyse(dialect, buf, l0 + n + l1, l0, l0 + n, &hit);
				printf("%-24s spans=%d broken=%d %s\n", hit.fired ? hit.rule : "-",
				       hit.spans, sink_broken(buf, l0 + n + l1), buf);
			}
			return 0;
		} else if (!strcmp(argv[i], "--sql-dq")) {
			sql_dq = 1;
		} else if (!strcmp(argv[i], "--crs")) {
			crs_on = 1;
		} else if (!strcmp(argv[i], "--show-misses") && i + 1 < argc) {
			show_misses = (int)strtol(argv[++i], NULL, 10);
		} else {
			dir = argv[i];
		}
	}
	if (!dir || !buf) {
		fprintf(
		    stderr,
		    "usage: %s [--dialect mysql|postgresql|sqlite] [--sql-dq] [--crs] [--show-misses N] "
		    "DIR\n",
		    argv[0]);
		return 2;
	}
	policy = moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	                           "\"ssrf\":{\"mode\":\"block\"},\"nosql_injection\":{\"mode\":\"block\"},"
	                           "\"command_injection\":{\"mode\":\"block\"},"
	                           "\"path_traversal\":{\"mode\":\"block\"},"
	                           "\"llm_prompt_injection\":{\"mode\":\"block\"},"
	                           "\"xss\":{\"mode\":\"block\"}}}",
	                           1, err, sizeof err);
	if (!policy) {
		fprintf(stderr, "policy: %s\n", err);
		return 1;
	}
	if (crs_on && crs_init())
		crs_on = 0;
#ifdef MOAT_BENCH_MODSECURITY
	{
		const char *jobs = getenv("BENCH_CRS_JOBS");
		long np = jobs ? strtol(jobs, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
		crs_procs = np < 1 ? 1 : np > 256 ? 256 : (int)np;
	}
#endif
	sql_parser = sqlparse_open();
	if (!sql_parser) {
		fprintf(stderr, "sqlite: cannot open the parser's database\n");
		return 1;
	}
	cats = list_dir(dir, 1, &ncat);
	if (!ncat) {
		fprintf(stderr, "%s: no category folders\n", dir);
		return 1;
	}
	res = calloc(ncat, sizeof *res);
	printf("detection benchmark: %s (SQL dialect %s)\n", dir,
	       dialect == MOAT_SQL_SQLITE     ? "sqlite"
	       : dialect == MOAT_SQL_POSTGRES ? "postgresql"
	                                      : "mysql");
	bench_clock_init();
	for (size_t c = 0; c < ncat; c++) {
		char cdir[4096];
		size_t nfiles;
		char **files;
		struct tally cat = {0};
		int kind = kind_of(cats[c]), attack = is_attack_cat(cats[c]);
		long shown_unchanged = 0, shown_miss = 0;

		snprintf(cdir, sizeof cdir, "%s/%s", dir, cats[c]);
		files = list_dir(cdir, 0, &nfiles);
		printf("\n== %s%s\n", cats[c], kind == K_NONE ? " (no interceptor yet)" : "");
		for (size_t f = 0; f < nfiles; f++) {
			char path[8192];
			FILE *fp;
			char *line = NULL;
			size_t lcap = 0;
			ssize_t got;
			struct tally ft = {0};

			snprintf(path, sizeof path, "%s/%s", cdir, files[f]);
			fp = fopen(path, "r");
			if (!fp)
				continue;
			while ((got = getline(&line, &lcap, fp)) > 0) {
				json_t *j = json_loadb(line, (size_t)got, JSON_ALLOW_NUL, NULL);
				json_t *in = j ? json_object_get(j, "input") : NULL;
				json_t *op = j ? json_object_get(j, "operation") : NULL;
				int unchanged = 0, hit = 0, fired = -1;
				if (!j)
					continue;
				ft.cases++;
				cat.cases++;
				if (kind == K_SQL_ATTACK && json_is_string(in)) {
					hit =
					    sql_input(json_string_value(in), json_string_length(in),
					              &ft, &cat, &unchanged, buf, cap);
				} else if (kind == K_SQL_BENIGN_INPUT && json_is_string(in)) {
					/* every interceptor's sinks: a hit in any is a false positive */
					const char *v = json_string_value(in);
					size_t vl = json_string_length(in);
					int h[7];
					h[0] = sql_input(v, vl, &ft, &cat, &unchanged, buf, cap);
					crs_skip = 1; /* CRS sees the input once (above) */
					h[1] = url_input(v, vl, &ft, &cat, &unchanged, buf, cap);
					bench_benign = 1;
					h[2] = nosql_input(v, vl, &ft, &cat, &unchanged, buf, cap);
					bench_benign = 0;
					h[3] = shell_input(v, vl, &ft, &cat, &unchanged, buf, cap, 0);
					h[4] = path_input(v, vl, &ft, &cat, &unchanged, buf, cap, 0);
					h[5] = prompt_input(v, vl, &ft, &cat, buf, cap);
					h[6] = html_input(v, vl, &ft, &cat, &unchanged, buf, cap);
					crs_skip = 0;
					for (int k = 0; k < 7; k++) {
						ft.by[k] += h[k];
						cat.by[k] += h[k];
						if (h[k] && fired < 0)
							fired = k;
					}
					hit = h[0] || h[1] || h[2] || h[3] || h[4] || h[5] || h[6];
				} else if (kind == K_URL_ATTACK && json_is_string(in)) {
					hit = url_input(json_string_value(in), json_string_length(in),
					                &ft, &cat, &unchanged, buf, cap);
				} else if (kind == K_URL_BENIGN_OP && json_is_string(op)) {
					hit = url_operation(json_string_value(op),
					                    json_string_length(op), &ft, &cat);
				} else if (kind == K_NOSQL_ATTACK && json_is_string(in)) {
					hit = nosql_input(json_string_value(in), json_string_length(in),
					                  &ft, &cat, &unchanged, buf, cap);
				} else if (kind == K_URL_PARSE) {
					/* agreement with the WHATWG URL tests: detected = agrees */
					hit = url_parsing_case(j, &ft, &cat);
					if (!hit && shown_miss++ < show_misses) {
						char *d = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
						printf("    disagrees: %s\n", d ? d : "?");
						free(d);
					}
					if (hit) {
						ft.detected++;
						cat.detected++;
					}
					json_decref(j);
					continue;
				} else if (kind == K_SH_ATTACK && json_is_string(in)) {
					hit = shell_input(json_string_value(in),
					                  json_string_length(in), &ft, &cat,
					                  &unchanged, buf, cap, 1);
				} else if (kind == K_SH_BENIGN_OP && json_is_string(op)) {
					hit = shell_operation(json_string_value(op),
					                      json_string_length(op), &ft, &cat);
				} else if (kind == K_PATH_ATTACK && json_is_string(in)) {
					hit = path_input(json_string_value(in),
					                 json_string_length(in), &ft, &cat,
					                 &unchanged, buf, cap, 1);
				} else if (kind == K_PATH_BENIGN_OP && json_is_string(op)) {
					hit = path_operation(json_string_value(op),
					                     json_string_length(op), &ft, &cat, buf,
					                     cap);
				} else if ((kind == K_PROMPT_ATTACK || kind == K_PROMPT_BENIGN) &&
				           json_is_string(in)) {
					hit = prompt_input(json_string_value(in), json_string_length(in),
					                   &ft, &cat, buf, cap);
				} else if (kind == K_XSS_ATTACK && json_is_string(in)) {
					hit = html_input(json_string_value(in), json_string_length(in),
					                 &ft, &cat, &unchanged, buf, cap);
				} else if (kind == K_HTML_BENIGN_OP && json_is_string(op)) {
					hit = html_operation(json_string_value(op),
					                     json_string_length(op), &ft, &cat);
				} else if (kind == K_SQL_BENIGN_OP && json_is_string(op)) {
					hit = sql_operation(json_string_value(op),
					                    json_string_length(op), &ft, &cat);
				}
				if (kind != K_NONE && attack) {
					if (hit) {
						ft.detected++;
						cat.detected++;
					} else if (unchanged) {
						ft.unchanged++;
						cat.unchanged++;
						if (shown_unchanged++ < 10) {
							printf("    unchanged: ");
							print_escaped(stdout, json_string_value(in),
							              json_string_length(in), 160);
							printf("\n");
						}
					} else if (shown_miss++ < show_misses) {
						printf("    miss: ");
						print_escaped(stdout, json_string_value(in),
						              json_string_length(in), 200);
						printf("\n");
					}
				} else if (kind != K_NONE && hit) {
					ft.fp++;
					cat.fp++;
					if (shown_miss++ < show_misses) {
						static const char *const by_name[7] = {
						    "sql", "ssrf", "nosql", "shell", "path", "prompt", "xss"};
						printf("    false positive%s%s: ", fired >= 0 ? " " : "",
						       fired >= 0 ? by_name[fired] : "");
						if (json_is_string(in))
							print_escaped(stdout, json_string_value(in),
							              json_string_length(in), 200);
						else
							print_escaped(stdout, json_string_value(op),
							              json_string_length(op), 200);
						printf("\n");
					}
				}
				json_decref(j);
			}
			free(line);
			fclose(fp);
			crs_flush();
			print_row(files[f], &ft, kind, attack);
			free(ft.ns.v);
			free(ft.crs_ns[0].v);
			free(ft.crs_ns[1].v);
			free(files[f]);
		}
		free(files);
		if (attack && kind != K_NONE && cat.unchanged)
			printf("  (%ld inputs stayed data or only broke the statement in every sink: "
			       "apart, not counted as misses)\n",
			       cat.unchanged);
		if (attack && kind == K_SQL_ATTACK && cat.parsed_apart)
			printf("  (%ld of them a syntax error to SQLite's parser where the lexical "
			       "facts did not show it: bench/detect/sqlparse.h)\n",
			       cat.parsed_apart);
		print_row("ALL", &cat, kind, attack);
		snprintf(res[c].cat, sizeof res[c].cat, "%s", cats[c]);
		res[c].cases = cat.cases;
		res[c].detected = cat.detected;
		res[c].fp = cat.fp;
		res[c].unchanged = cat.unchanged;
		res[c].kind = kind;
		res[c].attack = attack;
		res[c].moat_p50 = pct(&cat.ns, 0.5);
		res[c].moat_p99 = pct(&cat.ns, 0.99);
		for (int pl = 0; pl < 2; pl++) {
			res[c].crs_hit[pl] = cat.crs_hit[pl];
			res[c].crs_p50[pl] = pct(&cat.crs_ns[pl], 0.5);
			res[c].crs_p99[pl] = pct(&cat.crs_ns[pl], 0.99);
			free(cat.crs_ns[pl].v);
		}
		free(cat.ns.v);
	}
	if (crs_on) {
		printf("\nside by side (the same inputs; ModSecurity sees them as the request's "
		       "query string, over all cases)\n");
		printf("  %-20s %-28s %-28s %-28s\n", "category", "Moat (cost per check)",
		       "CRS PL1 (per request)", "CRS PL2 (per request)");
		for (size_t c = 0; c < ncat; c++) {
			struct result *x = &res[c];
			char m[64], c1[64], c2[64];
			double all = x->cases ? (double)x->cases : 1;
			if (x->kind == K_NONE || x->kind == K_URL_PARSE)
				continue;
			snprintf(m, sizeof m, "%6.2f%% p99 %.1fus",
			         100.0 * (double)(x->attack ? x->detected : x->fp) / all,
			         x->moat_p99);
			if (x->crs_p99[0] > 0)
				snprintf(c1, sizeof c1, "%6.2f%% p99 %.0fus",
				         100.0 * (double)x->crs_hit[0] / all, x->crs_p99[0]);
			else
				snprintf(c1, sizeof c1, "%6.2f%% p99 -", 100.0 * (double)x->crs_hit[0] / all);
			snprintf(c2, sizeof c2, "%6.2f%% p99 %.0fus",
			         100.0 * (double)x->crs_hit[1] / all, x->crs_p99[1]);
			printf("  %-20s %-28s %-28s %-28s (%s)\n", x->cat, m, c1, c2,
			       x->attack ? "detected" : "false positives");
		}
	}
	printf("\n");
	for (size_t c = 0; c < ncat; c++) {
		struct result *x = &res[c];
		if (x->kind == K_URL_PARSE) {
			printf("RESULT %s cases=%ld detected=- false_positives=- agreement=%.2f%%\n",
			       x->cat, x->cases,
			       x->cases ? 100.0 * (double)x->detected / (double)x->cases : 0);
		} else if (x->kind == K_NONE) {
			printf("RESULT %s cases=%ld detected=n/a false_positives=n/a (no "
			       "interceptor yet)\n",
			       x->cat, x->cases);
		} else if (x->attack) {
			/* the rate counts the inputs that changed something in a sink */
			long counted = x->cases - x->unchanged;
			printf(
			    "RESULT %s cases=%ld detected=%.2f%% false_positives=- unchanged=%ld\n",
			    x->cat, x->cases,
			    counted ? 100.0 * (double)x->detected / (double)counted : 0,
			    x->unchanged);
		} else {
			printf("RESULT %s cases=%ld detected=- false_positives=%.3f%%\n", x->cat,
			       x->cases, x->cases ? 100.0 * (double)x->fp / (double)x->cases : 0);
		}
		free(cats[c]);
	}
	free(cats);
	free(res);
	free(buf);
	moat_policy_release(policy);
	return 0;
}
