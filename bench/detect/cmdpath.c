/*
 * bench/detect/cmdpath.c — the command_injection and path_traversal parts
 * of the detection benchmark, included by detect.c (which defines the
 * tallies, the timer, the policy and the CRS requests: crs_query, crs_uri_*).
 *
 * Shell: an input goes, as query parameter "q", into six sinks — inside
 * '...', inside "...", unquoted as a whole argument, unquoted at the end of
 * a path, as the script of argv {"sh", "-c", ...}, and as one argument of
 * argv without a shell — once as given and, when it holds %XX, once as a
 * framework hands it over (URL-decoded; the request's input is then that
 * value). Detected when any sink blocks. It changed nothing when, in every
 * sink, the tokenized line gets from it no operator, redirection,
 * comment or command substitution (one nested in ${...} or $((...))
 * included), nor, out of the application's quotes, a new argument from the
 * root (x' '/etc/passwd: grep now reads that file) — words made by
 * whitespace, quotes that only re-quote, the ? and * of text, and $x or
 * {a,b} that make words are data; one the check judges still counts as
 * detected —, or the line cannot run (a quote left open ...), and in the
 * argv sink it is no option.
 * A benign operation is checked with every literal argument of its own
 * ('...', "..." without $ or `, bare words without specials; not command
 * names) as the request's inputs.
 *
 * Path: an input is joined to a base directory and checked with that base
 * ("/var/www/app/uploads/" IN, "/var/www/app/pages/" IN ".php") and
 * without one ("templates/" IN). It changed nothing when in no reading
 * (as given, percent-decoded up to three times, overlong UTF-8) it climbs
 * above where it was put or brings a NUL byte: a plain file name, or an
 * absolute path pasted after a directory, points inside the base. A benign
 * path is joined to the base and checked with every segment and the whole
 * path as inputs, and checked alone without a base.
 */

#include "ma_path.h"
#include "ma_shell.h"
#include "shlit.h"

static int timed_shell(struct moat_request *r, const char *cmd, size_t len, struct tally *file,
                       struct tally *cat)
{
	double t0 = now_ns();
	int v = moat_check_shell(r, cmd, len);

	tally_check(file, cat, t0);
	return v;
}

static int timed_argv(struct moat_request *r, const char *const *argv, struct tally *file,
                      struct tally *cat)
{
	double t0 = now_ns();
	int v = moat_check_argv(r, argv, -1);

	tally_check(file, cat, t0);
	return v;
}

static int timed_path(struct moat_request *r, const char *p, size_t len, const char *base,
                      struct tally *file, struct tally *cat)
{
	double t0 = now_ns();
	int v = moat_check_path(r, p, len, base, 0);

	tally_check(file, cat, t0);
	return v;
}

#define N_SH_SINKS 4
static const char *const sh_sinks[N_SH_SINKS][2] = {
    {"grep -i -- '", "' /var/log/app/access.log"},
    {"ping -c 1 \"", "\""},
    {"nslookup ", " 8.8.8.8"},
    {"cat /var/www/app/files/", ""},
};
#define SH_SCRIPT_HEAD "nslookup -type=mx "
#define SH_SCRIPT_TAIL " 8.8.8.8"

/* 1 when [a, b) of the line brings shell syntax the lexer sees (see the
 * file comment): the benchmark's own measure of "changed". */
static int sh_changed(const char *s, size_t len, size_t a, size_t b, struct ma_sh_lex *lx)
{
	int syntax = 0;
	size_t qclose = 0, from = a;

	for (;;) { /* window by window (ma_shell.h), from the input's start */
		ma_sh_lex_from(s, len, from, lx);
		for (int i = 0; i < lx->nel; i++)
			if (lx->el[i].start >= a && lx->el[i].start < b &&
			    lx->el[i].kind != MA_SH_WORD && lx->el[i].kind != MA_SH_HEREDOC)
				syntax = 1;
		for (int i = 0; i < lx->nmark; i++) {
			const struct ma_sh_el *m = &lx->mark[i];
			if (m->start >= a && m->start < b && m->kind == MA_SH_M_PARAM &&
			    (m->flags & MA_SH_F_RUNS))
				return 1; /* ${x:-$(id)}: a substitution inside an expansion */
			if (m->start >= a && m->start < b && m->kind == MA_SH_M_QUOTE &&
			    (m->flags & MA_SH_F_CLOSE) && m->pair < a && !qclose)
				qclose = m->start; /* closes the application's quote */
			if (m->start < a || m->start >= b || m->kind == MA_SH_M_QUOTE ||
			    m->kind == MA_SH_M_GLOB || m->kind == MA_SH_M_PARAM ||
			    m->kind == MA_SH_M_BRACE)
				continue; /* quotes that re-quote; ? and * of text; expansions
				           * that make words (a command word needs a separator
				           * first) */
			if (m->kind == MA_SH_M_SUBST &&
			    !(m->flags & (MA_SH_F_UNTERM | MA_SH_F_EMPTY)))
				return 1; /* runs even in a line that fails later */
			syntax = 1;
		}
		/* out of the application's quotes, a new argument from the root
		 * (x' '/etc/passwd): a file operand the application did not pass */
		for (int i = 0; qclose && i < lx->nel; i++) {
			const struct ma_sh_el *e = &lx->el[i];
			size_t k = e->start;
			while (k < e->end && (s[k] == '\'' || s[k] == '"'))
				k++;
			if (e->kind == MA_SH_WORD && e->start > qclose && e->start < b &&
			    k < e->end && s[k] == '/' &&
			    !(i > 0 && lx->el[i - 1].kind == MA_SH_REDIR))
				syntax = 1;
		}
		if (lx->complete || lx->dropped_at >= b || lx->dropped_at <= from)
			break;
		from = lx->dropped_at;
	}
	return syntax && ma_sh_valid(lx);
}

/* One reading of an input through the shell sinks. */
static int shell_variant(const char *in, size_t n, struct tally *file, struct tally *cat,
                         int *changed, char *buf, size_t cap)
{
	static struct ma_sh_lex lx;
	struct moat_request *r;
	struct moat_request_info ri = {.method = "GET",
	                               .endpoint = "/tools/lookup",
	                               .source_ip = "192.0.2.10",
	                               .policy = policy};
	int blocked = 0;

	if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW || !r)
		return 0;
	moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, n);
	for (int s = 0; s < N_SH_SINKS + 2; s++) {
		const char *h = s < N_SH_SINKS ? sh_sinks[s][0] : SH_SCRIPT_HEAD;
		const char *t = s < N_SH_SINKS ? sh_sinks[s][1] : SH_SCRIPT_TAIL;
		size_t l0 = strlen(h), l1 = strlen(t);
		if (l0 + n + l1 + 1 > cap)
			continue;
		memcpy(buf, h, l0);
		memcpy(buf + l0, in, n);
		memcpy(buf + l0 + n, t, l1);
		buf[l0 + n + l1] = '\0';
		if (s < N_SH_SINKS) {
			if (timed_shell(r, buf, l0 + n + l1, file, cat) == MOAT_BLOCK)
				blocked = 1;
			if (sh_changed(buf, l0 + n + l1, l0, l0 + n, &lx))
				*changed = 1;
		} else if (s == N_SH_SINKS) {
			/* argv {"sh", "-c", script}: an embedded NUL ends the script */
			const char *argv[] = {"sh", "-c", buf, NULL};
			size_t sl = strlen(buf);
			if (timed_argv(r, argv, file, cat) == MOAT_BLOCK)
				blocked = 1;
			if (sl > l0 && sh_changed(buf, sl, l0, sl < l0 + n ? sl : l0 + n, &lx))
				*changed = 1;
		} else {
			/* argv without a shell: {"ping", "-c", "1", input} */
			const char *argv[] = {"ping", "-c", "1", buf + l0, NULL};
			buf[l0 + n] = '\0';
			if (timed_argv(r, argv, file, cat) == MOAT_BLOCK)
				blocked = 1;
			/* no shell: only an option changes something, and which
			 * options matter depends on the program (not counted) */
		}
	}
	moat_request_end(r);
	return blocked;
}

static int shell_input(const char *in, size_t n, struct tally *file, struct tally *cat,
                       int *unchanged, char *buf, size_t cap, int crs)
{
	int changed = 0, blocked = shell_variant(in, n, file, cat, &changed, buf, cap);

	if (memchr(in, '%', n)) {
		char *d = malloc(n + 1);
		if (d) {
			size_t dl = ma_url_decode(in, n, d);
			if (dl != n || memcmp(d, in, n))
				blocked |= shell_variant(d, dl, file, cat, &changed, buf, cap);
			free(d);
		}
	}
	*unchanged = !changed;
	if (crs)
		crs_query(buf, cap, "/tools/lookup?q=", in, n, file, cat);
	return blocked;
}

/* A benign command line checked with its literal arguments as inputs. */
static int shell_operation(const char *op, size_t n, struct tally *file, struct tally *cat)
{
	static struct ma_sh_lex lx;
	struct moat_request *r;
	struct moat_request_info ri = {
	    .method = "POST", .endpoint = "/api/run", .source_ip = "192.0.2.10", .policy = policy};
	int k = 0, v, cmdpos = 1;
	const char *s;
	size_t l;
	static struct crs_uri uri;

	if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW || !r)
		return 0;
	crs_uri_init(&uri, "/api/run");
	ma_sh_lex(op, n, &lx);
	for (int i = 0; k < 64 && shlit_next(op, &lx, &i, &cmdpos, &s, &l);) {
		char name[16];
		snprintf(name, sizeof name, "arg%d", k++);
		moat_request_add_input(r, MOAT_INPUT_QUERY, name, s, l);
		crs_uri_add(&uri, name, s, l);
	}
	v = timed_shell(r, op, n, file, cat);
	moat_request_end(r);
	crs_uri_send(&uri, file, cat);
	return v == MOAT_BLOCK;
}

#define N_PATH_SINKS 3
static const char *const path_sinks[N_PATH_SINKS][3] = {
    {"/var/www/app/uploads/", "", "/var/www/app/uploads"},
    {"/var/www/app/pages/", ".php", "/var/www/app/pages"},
    {"templates/", "", NULL},
};

/* 1 when, in some reading, the input climbs above where it is put or
 * brings a NUL byte (see the file comment). */
static int path_changed(const char *in, size_t n)
{
	char a[MA_PATH_MAX], b[MA_PATH_MAX];
	struct ma_path_norm pn;
	size_t l;

	if (n > MA_PATH_MAX)
		n = MA_PATH_MAX;
	memcpy(a, in, n);
	l = n;
	for (int r = 0; r < 4; r++) {
		size_t k = 0;
		l = ma_path_decode(a, l, b, r > 0);
		if (memchr(b, '\0', l))
			return 1;
		while (k < l && (b[k] == '/' || b[k] == '\\'))
			k++; /* pasted after a directory */
		ma_path_normalise(b + k, l - k, &pn);
		if (pn.up > 0 || pn.above_root > 0)
			return 1;
		memcpy(a, b, l);
	}
	return 0;
}

static int path_input(const char *in, size_t n, struct tally *file, struct tally *cat,
                      int *unchanged, char *buf, size_t cap, int crs)
{
	struct moat_request *r;
	struct moat_request_info ri = {
	    .method = "GET", .endpoint = "/files", .source_ip = "192.0.2.10", .policy = policy};
	int blocked = 0;

	if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW || !r)
		return 0;
	moat_request_add_input(r, MOAT_INPUT_QUERY, "name", in, n);
	for (int s = 0; s < N_PATH_SINKS; s++) {
		size_t l0 = strlen(path_sinks[s][0]), l1 = strlen(path_sinks[s][1]);
		if (l0 + n + l1 > cap)
			continue;
		memcpy(buf, path_sinks[s][0], l0);
		memcpy(buf + l0, in, n);
		memcpy(buf + l0 + n, path_sinks[s][1], l1);
		if (timed_path(r, buf, l0 + n + l1, path_sinks[s][2], file, cat) == MOAT_BLOCK)
			blocked = 1;
	}
	moat_request_end(r);
	*unchanged = !path_changed(in, n);
	if (crs)
		crs_query(buf, cap, "/files?name=", in, n, file, cat);
	return blocked;
}

/* A benign relative path, joined to the base with its segments and the
 * whole as inputs, and alone without a base. */
static int path_operation(const char *op, size_t n, struct tally *file, struct tally *cat,
                          char *buf, size_t cap)
{
	struct moat_request *r;
	struct moat_request_info ri = {
	    .method = "POST", .endpoint = "/upload", .source_ip = "192.0.2.10", .policy = policy};
	static const char head[] = "/var/www/app/uploads/";
	size_t s = 0, hl = sizeof head - 1;
	int k = 0, v = 0;

	if (hl + n > cap || moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW || !r)
		return 0;
	moat_request_add_input(r, MOAT_INPUT_FORM, "path", op, n);
	for (size_t i = 0; i <= n && k < 64; i++) {
		if (i == n || op[i] == '/') {
			char name[16];
			if (i > s) {
				snprintf(name, sizeof name, "seg%d", k++);
				moat_request_add_input(r, MOAT_INPUT_FORM, name, op + s, i - s);
			}
			s = i + 1;
		}
	}
	memcpy(buf, head, hl);
	memcpy(buf + hl, op, n);
	if (timed_path(r, buf, hl + n, "/var/www/app/uploads", file, cat) == MOAT_BLOCK)
		v = 1;
	if (timed_path(r, op, n, NULL, file, cat) == MOAT_BLOCK)
		v = 1;
	moat_request_end(r);
	crs_query(buf, cap, "/upload?path=", op, n, file, cat);
	return v;
}
