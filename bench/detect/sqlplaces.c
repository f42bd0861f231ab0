/* sqlplaces: a generated differential of the SQL check over statements
 * whose input lands at many places (1 to ~1,000), benign and attacking,
 * in SQLite, PostgreSQL and MySQL (sqlcost10, session 32). Prints one
 * line per case -- its number, dialect, verdict and rule -- so that two
 * builds of libmoatagent (main's from `git archive`, a branch's) can be
 * compared with diff:
 *
 *   sh bench/detect/sqlplaces.sh [BASE_COMMIT] [CASES]
 *
 * Each case: a statement built of a head, a unit repeated 1..1000 times
 * (up to 4 KB: the check's bound), a tail; the unit holds the input
 * (1..3 times) among the application's own tokens; one copy may be
 * varied (another token to its left or right, an attack after it) so
 * that places that look alike differ by one token.
 */
#include "moatagent.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t seed = 0x5eed10;

static uint32_t rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(seed >> 33);
}

#define PICK(a) (a)[rnd() % (sizeof(a) / sizeof((a)[0]))]

static const char *const inputs[] = {"1, 2",
                                     "1,2",
                                     "1",
                                     "-1",
                                     "1, -2",
                                     "3.5, 4e2",
                                     "42",
                                     "0x1F",
                                     "(1)",
                                     "(2), (3)",
                                     "1) OR (1=1",
                                     "1 OR 1=1",
                                     "1, 2) OR 1=1 -- ",
                                     "1' OR '1'='1",
                                     "x",
                                     "a, b",
                                     "'a', 'b'",
                                     "1 + 1",
                                     "1) UNION SELECT password FROM users -- ",
                                     "2; DROP TABLE t",
                                     "1, 2)",
                                     "(1, 2",
                                     "1 -- ",
                                     "1/**/OR/**/1=1",
                                     "ab",
                                     "o'brien",
                                     "1 = 1",
                                     "1 <> 2",
                                     "', '",
                                     "), (",
                                     "-",
                                     "1, 2, 3",
                                     "id",
                                     "1)=(1",
                                     "1 /* c */",
                                     "(-",
                                     "'x'",
                                     "1.5",
                                     "1e3, 2e3",
                                     "1||1"};

static const char *const heads[] = {
    "SELECT * FROM orders WHERE customer_id IN (",
    "SELECT a FROM t WHERE b = 1 AND c IN (",
    "INSERT INTO t (a, b) VALUES (",
    "UPDATE t SET a = 1 WHERE id IN (",
    "SELECT * FROM t WHERE x = '",
    "SELECT * FROM t WHERE (",
    "DELETE FROM t WHERE id = ",
    "SELECT f(",
};

/* unit: where '@' is the input; the separators of a list */
static const char *const units[] = {
    "@, ",       "@,",     "@ , ",  "(@), ", "@) OR (", "@ + ",      "'@', ",  "@ AND id = ",
    "@ OR x = ", "@, 7, ", "@), (", "@ ",    "@; ",     "@ = @ OR ", "@, @, ",
};

static const char *const tails[] = {
    "0)", ")", "9) ORDER BY 1", "0) OR 1=1", "'", "1", "0) -- x", "0); DROP TABLE t", "0)) AND 1",
};

static const char *const variants[] = {
    "", ") OR 1=1 -- ", " x ", "(", ")", "'", ", id", " OR ", ";", "/*", "1=1) UNION SELECT 1 -- "};

static size_t put(char *s, size_t o, size_t max, const char *t)
{
	size_t n = strlen(t);

	if (o + n >= max)
		return o;
	memcpy(s + o, t, n);
	return o + n;
}

static size_t put_unit(char *s, size_t o, size_t max, const char *unit, const char *in)
{
	for (const char *p = unit; *p; p++) {
		if (*p == '@') {
			o = put(s, o, max, in);
		} else if (o + 1 < max) {
			s[o++] = *p;
		}
	}
	return o;
}

int main(int argc, char **argv)
{
	static char sql[4097];
	static const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};
	long cases = argc > 1 ? atol(argv[1]) : 3000;
	char err[200];
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, err, sizeof err);

	if (!p) {
		fprintf(stderr, "policy: %s\n", err);
		return 2;
	}
	if (argc > 2)
		seed = strtoull(argv[2], NULL, 0);
	for (long c = 0; c < cases; c++) {
		const char *in = PICK(inputs), *unit = PICK(units), *var = PICK(variants);
		int d = dialects[rnd() % 3], copies = 1 + (int)(rnd() % 1000),
		    at = (int)(rnd() % 130);
		size_t o = put(sql, 0, sizeof sql, PICK(heads));
		struct moat_request_info ri = {.endpoint = "/x", .policy = p};
		struct moat_request *r;
		const char *rule = "";
		int v;

		for (int k = 0; k < copies && o + 64 < sizeof sql; k++) {
			o = put_unit(sql, o, sizeof sql, unit, in);
			if (k == at) /* one copy differs (at < 130: before, at or past the 64th) */
				o = put(sql, o, sizeof sql, var);
		}
		o = put(sql, o, sizeof sql, PICK(tails));
		sql[o] = '\0';
		if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW)
			return 2;
		moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, strlen(in));
		if (rnd() % 4 == 0) { /* a second input, another form */
			const char *in2 = PICK(inputs);
			moat_request_add_input(r, MOAT_INPUT_QUERY, "r", in2, strlen(in2));
		}
		v = moat_check_sql(r, d, sql, o);
		if (v == MOAT_BLOCK && moat_request_event(r) && moat_request_event(r)->rule)
			rule = moat_request_event(r)->rule;
		printf("%ld d%d %s %s\n", c, d, v == MOAT_BLOCK ? "block" : "allow", rule);
		moat_request_end(r);
	}
	moat_policy_release(p);
	return 0;
}
