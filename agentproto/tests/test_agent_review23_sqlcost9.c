/* review23 (session 31) on h-sqlcost9 e2b560e: the branch is not
 * cost-only. Its MA_SQL_PLAINPAST_MAX bound (past a form's 64th place,
 * more than 16 windows of plain tokens fail closed, sqli.too_complex)
 * turns allowed statements into blocked ones: of 2,688 generated
 * statements (8 templates x 56 inputs x 70 and 200 places x the three
 * dialects), 217 differ, every one ae71601 allow -> e2b560e BLOCK
 * (none the other way), each at 200 places (at 70 only for the broken
 * "(5"). Among them inputs that change nothing in the statement's
 * structure: a value in accounting brackets "(2)", arithmetic "3*4",
 * a pair "(1,2)", "~1", in a bulk INSERT of 200 rows or a 200-term OR.
 * Verdicts in the comments: main ae71601 / e2b560e. */
#include "agent_test.h"

static char sql[32768];

/* insert: INSERT INTO ledger ... VALUES (i, v), ... ; else SELECT ...
 * WHERE c0 = v OR c1 = v ...; count rows or terms */
static int check(int dialect, int insert, const char *v, int count)
{
	size_t n = (size_t)snprintf(sql, sizeof sql, "%s",
	                            insert ? "INSERT INTO ledger(id, amount) VALUES "
	                                   : "SELECT id FROM ledger WHERE ");
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/import", .policy = p};
	struct moat_request *r = NULL;
	int verdict;

	for (int i = 0; i < count; i++) {
		if (i)
			n +=
			    (size_t)snprintf(sql + n, sizeof sql - n, "%s", insert ? ", " : " OR ");
		if (insert)
			n += (size_t)snprintf(sql + n, sizeof sql - n, "(%d, %s)", i, v);
		else
			n += (size_t)snprintf(sql + n, sizeof sql - n, "c%d = %s", i, v);
		assert_true(n < sizeof sql);
	}
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "amount", v, strlen(v)), 0);
	verdict = moat_check_sql(r, dialect, sql, n);
	moat_request_end(r);
	moat_policy_release(p);
	return verdict;
}

static void a_value_in_many_rows_keeps_its_verdict(void **state)
{
	static const char *const values[] = {"(2)", "3*4", "(1,2)", "~1"};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		/* 70 rows: allowed on both */
		assert_int_equal(check(MOAT_SQL_POSTGRES, 1, values[i], 70), MOAT_ALLOW);
		/* 200 rows, a 200-term OR: allowed on ae71601, blocked
		 * (sqli.too_complex) on e2b560e */
		if (check(MOAT_SQL_POSTGRES, 1, values[i], 200) != MOAT_ALLOW) {
			print_message("blocked: 200 rows of %s\n", values[i]);
			bad++;
		}
		if (check(MOAT_SQL_SQLITE, 0, values[i], 200) != MOAT_ALLOW) {
			print_message("blocked: a 200-term OR of %s\n", values[i]);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_value_in_many_rows_keeps_its_verdict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
