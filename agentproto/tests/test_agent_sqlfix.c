/* sqlfix (session 32): three fail-opens of the sql_injection check that
 * review24 found on main (issue 11). The reviewer's tests are kept in
 * their wordings (review24-main-sql-shell.c's SQL part, review24i-main,
 * review24e-main's third test); the twins after each are this helper's.
 *
 * 1. A comment opened by the application's byte just before the input
 *    and the input's first byte (credit- + -1 is credit--1; credit/ + *2
 *    a block comment) cuts the rest of the statement: sqli.comment_truncation.
 * 2. An input whose tokens go on past the window (MA_SQL_WIN) is judged
 *    on what it holds there: a rest that is not inert fails closed.
 * (review24e-main's third test, LIKE wildcards escaped but quotes not, is
 * not taken here: bench/RESULTS.md, sqlfix.)
 */
#include "agent_test.h"

/* each wrong verdict is printed; the test fails at its end when any was */
static int bad;
#define WRONG(...) (print_message(__VA_ARGS__), print_message("\n"), bad++)

static const char pol_all[] =
    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
    "\"command_injection\":{\"mode\":\"block\"},\"xss\":{\"mode\":\"block\"},"
    "\"llm_prompt_injection\":{\"mode\":\"block\"}}}";

static struct moat_request *begin(const char *policy_json)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(policy_json, 1, err, sizeof err);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x"};
	struct moat_request *r = NULL;

	if (!p)
		fail_msg("policy: %s", err);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	return r;
}

static int sql_one(int dialect, const char *pre, const char *input, const char *post)
{
	struct moat_request *r = begin(pol_all);
	char op[512];
	int v;

	snprintf(op, sizeof op, "%s%s%s", pre, input, post);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "n", input, strlen(input)), 0);
	v = moat_check_sql(r, dialect, op, strlen(op));
	moat_request_end(r);
	return v;
}

static void a_comment_begun_by_the_byte_before_the_input_fires(void **state)
{
	static const struct {
		int dialect;
		const char *pre, *input, *post;
	} attacks[] = {
	    {MOAT_SQL_SQLITE, "SELECT id FROM orders WHERE total<credit-", "-1", " AND user_id=5"},
	    {MOAT_SQL_POSTGRES, "SELECT id FROM orders WHERE total<credit-", "-1",
	     " AND user_id=5"},
	    {MOAT_SQL_SQLITE, "SELECT * FROM t WHERE price < budget-", "-20",
	     " AND tenant_id = 7 ORDER BY price"},
	    {MOAT_SQL_POSTGRES, "UPDATE stock SET qty = 0, note = 'gone' WHERE qty < min_qty-",
	     "-3", " AND shop_id = 9"},
	    {MOAT_SQL_SQLITE, "SELECT id FROM orders WHERE total<credit/", "*2", " AND user_id=5"},
	    {MOAT_SQL_MYSQL, "SELECT id FROM orders WHERE total<credit-", "- 1", " AND user_id=5"},
	};
	static const struct {
		int dialect;
		const char *pre, *input, *post;
	} benign[] = {
	    {MOAT_SQL_SQLITE, "SELECT id FROM orders WHERE total<credit-", "1", " AND user_id=5"},
	    {MOAT_SQL_POSTGRES, "SELECT id FROM orders WHERE total<credit-", "2.5",
	     " AND user_id=5"},
	    {MOAT_SQL_SQLITE, "SELECT id FROM orders WHERE total<credit - ", "-1",
	     " AND user_id=5"},
	    {MOAT_SQL_MYSQL, "SELECT id FROM orders WHERE total<credit-", "-1", " AND user_id=5"},
	    {MOAT_SQL_SQLITE, "SELECT id FROM orders WHERE total<credit/", "2", " AND user_id=5"},
	};

	(void)state;
	bad = 0;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++)
		if (sql_one(attacks[i].dialect, attacks[i].pre, attacks[i].input,
		            attacks[i].post) != MOAT_BLOCK)
			WRONG("allowed: %s[%s]%s", attacks[i].pre, attacks[i].input,
			      attacks[i].post);
	for (size_t i = 0; i < sizeof benign / sizeof benign[0]; i++)
		if (sql_one(benign[i].dialect, benign[i].pre, benign[i].input, benign[i].post) !=
		    MOAT_ALLOW)
			WRONG("blocked: %s[%s]%s", benign[i].pre, benign[i].input, benign[i].post);
	assert_int_equal(bad, 0);
}

static char in[16384], sql[20000];

static int check_ids(int dialect)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/items"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "ids", in, strlen(in)), 0);
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

/* in = count times item joined by sep, then tail */
static void build(int count, const char *head, const char *item, const char *sep, const char *tail)
{
	size_t n = (size_t)snprintf(in, sizeof in, "%s", head);

	for (int i = 0; i < count; i++)
		n += (size_t)snprintf(in + n, sizeof in - n, "%s%s", i ? sep : "", item);
	snprintf(in + n, sizeof in - n, "%s", tail);
}

static void a_payload_past_the_inputs_512th_token_fires(void **state)
{
	static const int counts[] = {250, 256, 300, 600};
	static const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};
	int wrong = 0;

	(void)state;
	for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++)
		for (size_t d = 0; d < 3; d++) {
			build(counts[c], "", "7", ", ", ") OR 1=1 -- ");
			snprintf(sql, sizeof sql,
			         "SELECT id, owner FROM t WHERE id IN (%s) AND owner = 5", in);
			if (check_ids(dialects[d]) != MOAT_BLOCK) {
				print_message("allowed: %d ids then ) OR 1=1 (dialect %d)\n",
				              counts[c], dialects[d]);
				wrong++;
			}
			build(counts[c], "1", " + 1", "", " OR 1=1");
			snprintf(sql, sizeof sql, "SELECT * FROM t WHERE id = %s AND owner = 5",
			         in);
			if (check_ids(dialects[d]) != MOAT_BLOCK) {
				print_message("allowed: 1 + 1 ... (%d) OR 1=1 (dialect %d)\n",
				              counts[c], dialects[d]);
				wrong++;
			}
		}
	/* 300 parentheses */
	build(300, "", "(", "", "");
	{
		size_t n = strlen(in);
		n += (size_t)snprintf(in + n, sizeof in - n, "1");
		for (int i = 0; i < 300; i++)
			in[n++] = ')';
		snprintf(in + n, sizeof in - n, " OR 1=1");
	}
	snprintf(sql, sizeof sql, "SELECT * FROM t WHERE id = %s", in);
	if (check_ids(MOAT_SQL_SQLITE) != MOAT_BLOCK) {
		print_message("allowed: 300 parentheses then OR 1=1\n");
		wrong++;
	}
	assert_int_equal(wrong, 0);
}

static void a_long_list_of_ids_is_allowed(void **state)
{
	(void)state;
	build(300, "", "7", ", ", "");
	snprintf(sql, sizeof sql, "SELECT id, owner FROM t WHERE id IN (%s) AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_SQLITE), MOAT_ALLOW);
	build(300, "1", " + 1", "", "");
	snprintf(sql, sizeof sql, "SELECT * FROM t WHERE id = %s AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_POSTGRES), MOAT_ALLOW);
}

/* twins of 1, in other words: the opener split at the input's first
 * byte cuts the owner's filter; an operator kept whole does not */
static void an_opener_split_at_the_inputs_start_cuts_in_other_statements(void **state)
{
	static const struct {
		int dialect;
		const char *pre, *input, *post;
	} attacks[] = {
	    {MOAT_SQL_POSTGRES, "DELETE FROM carts WHERE age_days > keep_days-", "-30",
	     " AND customer = 412"},
	    {MOAT_SQL_POSTGRES, "SELECT note FROM memo WHERE weight > limit_kg/", "*4",
	     " AND owner = 'kim'"},
	    {MOAT_SQL_MYSQL, "SELECT * FROM bids WHERE amount >= floor_eur-", "- 10",
	     " AND lot = 3"},
	    {MOAT_SQL_SQLITE, "SELECT * FROM bids WHERE amount >= floor_eur-", "-0.5e1",
	     " AND lot = 3 AND seller = 8"},
	};
	static const struct {
		int dialect;
		const char *pre, *input, *post;
	} benign[] = {
	    {MOAT_SQL_POSTGRES, "DELETE FROM carts WHERE age_days > keep_days-", "30",
	     " AND customer = 412"},
	    {MOAT_SQL_POSTGRES, "DELETE FROM carts WHERE age_days > keep_days - ", "-30",
	     " AND customer = 412"},
	    {MOAT_SQL_SQLITE, "UPDATE points SET total = total*", "-5", " WHERE member = 77"},
	    {MOAT_SQL_SQLITE, "SELECT note FROM memo WHERE weight > limit_kg/", "4.25",
	     " AND owner = 'kim'"},
	    {MOAT_SQL_MYSQL, "SELECT * FROM bids WHERE amount >= floor_eur-", "-10",
	     " AND lot = 3"},
	    /* the comment ends at the line's end, with the input: it cuts
	     * nothing of the application's (total = total, the filter kept) */
	    {MOAT_SQL_SQLITE, "UPDATE points SET total = total-", "-5", "\n WHERE member = 77"},
	    /* at the statement's end the comment cuts nothing */
	    {MOAT_SQL_SQLITE, "SELECT * FROM bids WHERE lot = 3 AND amount >= floor_eur-", "-2",
	     ""},
	};

	(void)state;
	bad = 0;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++)
		if (sql_one(attacks[i].dialect, attacks[i].pre, attacks[i].input,
		            attacks[i].post) != MOAT_BLOCK)
			WRONG("allowed: %s[%s]%s", attacks[i].pre, attacks[i].input,
			      attacks[i].post);
	for (size_t i = 0; i < sizeof benign / sizeof benign[0]; i++)
		if (sql_one(benign[i].dialect, benign[i].pre, benign[i].input, benign[i].post) !=
		    MOAT_ALLOW)
			WRONG("blocked: %s[%s]%s", benign[i].pre, benign[i].input, benign[i].post);
	assert_int_equal(bad, 0);
}

/* twins of 2: other payloads past the window fail closed; long inert
 * lists (negative numbers, quoted codes, nested sums) stay allowed */
static void a_long_inputs_rest_is_judged_in_other_shapes(void **state)
{
	(void)state;
	build(520, "", "3", ",", "); DROP TABLE t; --");
	snprintf(sql, sizeof sql, "DELETE FROM t WHERE id IN (%s) AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_POSTGRES), MOAT_BLOCK);
	build(400, "2", " * 2", "", ") UNION SELECT pass FROM users --");
	snprintf(sql, sizeof sql, "SELECT name FROM t WHERE (qty = %s) AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_MYSQL), MOAT_BLOCK);
	build(300, "", "8", ", ", ") OR owner <> 5 /*");
	snprintf(sql, sizeof sql, "SELECT id FROM t WHERE id IN (%s) AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_SQLITE), MOAT_BLOCK);

	build(400, "", "-17", ", ", "");
	snprintf(sql, sizeof sql, "SELECT id FROM t WHERE delta IN (%s) AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_SQLITE), MOAT_ALLOW);
	build(300, "", "'AB-12'", ", ", "");
	snprintf(sql, sizeof sql, "SELECT id FROM t WHERE code IN (%s) AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_POSTGRES), MOAT_ALLOW);
	build(300, "", "(4 % 3)", " + ", "");
	snprintf(sql, sizeof sql, "SELECT id FROM t WHERE qty = %s AND owner = 5", in);
	assert_int_equal(check_ids(MOAT_SQL_MYSQL), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_comment_begun_by_the_byte_before_the_input_fires),
	    cmocka_unit_test(an_opener_split_at_the_inputs_start_cuts_in_other_statements),
	    cmocka_unit_test(a_payload_past_the_inputs_512th_token_fires),
	    cmocka_unit_test(a_long_list_of_ids_is_allowed),
	    cmocka_unit_test(a_long_inputs_rest_is_judged_in_other_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
