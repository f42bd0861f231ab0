/* libmoatagent's tests: every place of some inputs in a statement, judged
 * through the SQL check's scan in one check, with what each place keeps
 * for the places after (test_agent_sqlcost5.c and test_agent_sqlcost6.c,
 * which compile ma_sql.c in with a fast path switchable: include this
 * after it and agent_sql_test.h; both_ways_by compares a check with its
 * fast path on and off). */
#ifndef AGENT_SQL_SCAN_TEST_H
#define AGENT_SQL_SCAN_TEST_H

/* the scan's state (about 40 KB: static, as in the request's scratch) */
static struct ma_sql_scan scan;

static void scan_begin(int dialect, const char *sql, size_t len)
{
	scan.dialect = dialect;
	scan.sql = sql;
	scan.len = len;
	scan.cache.filled = 0;
	scan.memo.form = 0;
	memset(&scan.memo.dec, 0, sizeof scan.memo.dec);
	scan.memo.dec.found = 1;
	/* (what the scan leaves unset until a window writes it: the same
	 * both ways, so that what is compared is what the windows wrote) */
	memset(&scan.reuse, 0, sizeof scan.reuse);
}

/* What one place gave, and what the check keeps after it. */
struct place {
	int fired;
	const char *rule;
	double confidence;
	unsigned np, serial;
	int end, lastnp;
	uint64_t key[MA_SQL_JSLOTS];
	int plain[MA_SQL_JSLOTS];
	struct ma_sql_jstate slot[MA_SQL_JSLOTS], fin;
};

static void keep(struct place *p)
{
	const struct ma_sql_reuse *ru = &scan.reuse;

	p->np = ru->np;
	p->serial = ru->serial;
	p->end = ru->end;
	p->lastnp = ru->lastnp;
	p->fin = ru->fin;
	for (int k = 0; k < MA_SQL_JSLOTS; k++) {
		p->key[k] = ru->key[k];
		p->plain[k] = ru->slot[k].plain;
		p->slot[k] = ru->slot[k].s;
	}
}

/* Every place (up to 64 a form, in order) of each of the inputs x[0..nx)
 * in sql, in one check, through the scan: into out (cap), the number of
 * places. Places after one that fired are judged too. */
static int scan_all(int dialect, const char *sql, const char *const *x, int nx, struct place *out,
                    int cap)
{
	size_t len = strlen(sql);
	int k = 0;

	scan_begin(dialect, sql, len);
	for (int i = 0; i < nx; i++) {
		size_t xn = strlen(x[i]);
		int seen = 0;
		if (xn < 2 || xn > len)
			continue;
		ma_sql_scan_form(&scan, x[i], xn);
		for (size_t from = 0; from + xn <= len && seen < 64 && k < cap;) {
			const char *at = memmem(sql + from, len - from, x[i], xn);
			struct ma_scan_hit hit;
			size_t a;
			if (!at)
				break;
			a = (size_t)(at - sql);
			seen++;
			from = a + 1;
			memset(&hit, 0, sizeof hit);
			out[k].fired = ma_sql_scan_analyse(&scan, a, a + xn, &hit);
			out[k].rule = out[k].fired ? hit.rule : NULL;
			out[k].confidence = out[k].fired ? hit.confidence : 0;
			keep(&out[k]);
			k++;
		}
	}
	return k;
}

static void differs(const char *sql, const char *const *x, int nx, int dialect, int i,
                    const char *what, const char *taken)
{
	fprintf(stderr, "statement: [%s]\n", sql);
	for (int k = 0; k < nx; k++)
		fprintf(stderr, "input %d: [%s]\n", k, x[k]);
	fail_msg("dialect %d, place %d: %s differs with the %s taken", dialect, i, what, taken);
}

/* One check both ways, the fast path *fast on (1) and off (0): fails on
 * any difference of the answer, the count of tokens not plain, the last
 * window's run or a kept state and key ("the <what> differs with the
 * <taken> taken"). Returns the places; *too_complex counts those that
 * failed closed. */
static int both_ways_by(int *fast, const char *taken, int dialect, const char *sql,
                        const char *const *x, int nx, int *too_complex)
{
	static struct place with[160], without[160];
	int n1, n0;

	*fast = 1;
	n1 = scan_all(dialect, sql, x, nx, with, 160);
	*fast = 0;
	n0 = scan_all(dialect, sql, x, nx, without, 160);
	*fast = 1;
	assert_int_equal(n1, n0);
	for (int i = 0; i < n1; i++) {
		const struct place *p = &with[i], *q = &without[i];
		if (p->fired != q->fired ||
		    (p->fired && (strcmp(p->rule, q->rule) != 0 || p->confidence != q->confidence)))
			differs(sql, x, nx, dialect, i, "the answer", taken);
		if (p->np != q->np)
			differs(sql, x, nx, dialect, i, "the count of tokens not plain", taken);
		if (p->serial != q->serial || p->end != q->end || p->lastnp != q->lastnp ||
		    !ma_sql_jstate_same(&p->fin, &q->fin))
			differs(sql, x, nx, dialect, i, "the last window's run", taken);
		for (int k = 0; k < MA_SQL_JSLOTS; k++)
			if (p->key[k] != q->key[k] ||
			    (p->key[k] && (p->plain[k] != q->plain[k] ||
			                   !ma_sql_jstate_same(&p->slot[k], &q->slot[k]))))
				differs(sql, x, nx, dialect, i, "a kept state", taken);
		*too_complex += p->fired && strcmp(p->rule, "sqli.too_complex") == 0;
	}
	return n1;
}

#endif
