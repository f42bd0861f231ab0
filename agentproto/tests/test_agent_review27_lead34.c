/* review27 (session 34) on h-lead34 a922f62 (the lead's fix of review27's
 * cut, query-string and LIKE findings; those tests pass there).
 *
 * 1. A cstr form no longer stops the cut search, but the trimmed form of
 *    a cstr form (`  zq` before the NUL, trimmed to `zq`) is found at the
 *    same place and does: `  zq%00x' OR 1=1-- ` + 300 'A' cut to 255 is
 *    allowed (`zq%00`: blocked).
 * 2. An inner query string's first pair must still begin with a word
 *    byte: the attacker puts an odd pair first -- `@t=1&name=x' OR 1=1-- `,
 *    `(x)=1&name=...`, `?@=1&name=...` -- and the string is not opened
 *    (parse_qs and URLSearchParams read `name` from each: run here). The
 *    `--upload-pack=` guard needs only '-' refused as the first byte.
 */
#include "agent_test.h"

static int check(const char *name, const char *value, const char *sql)
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
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, name, value, strlen(value)),
	                 0);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static int cut_case(const char *pre)
{
	char in[512], sql[512];
	size_t pl = strlen(pre);

	memcpy(in, pre, pl);
	memcpy(in + pl, "x' OR 1=1-- ", sizeof "x' OR 1=1-- ");
	memset(in + strlen(in), 'A', 300);
	in[pl + 12 + 300] = '\0';
	snprintf(sql, sizeof sql, "SELECT id, email FROM users WHERE name = '%.255s'", in);
	return check("n", in, sql);
}

static void a_trimmed_cstr_form_does_not_stop_the_cut(void **state)
{
	(void)state;
	assert_int_equal(cut_case("zq%00"), MOAT_BLOCK); /* the control */
	assert_int_equal(cut_case("  zq%00"), MOAT_BLOCK);
	assert_int_equal(cut_case("\t zq%00"), MOAT_BLOCK);
}

static void a_query_string_with_an_odd_first_pair_is_opened(void **state)
{
	static const char sql[] =
	    "SELECT id, email FROM users WHERE name = 'x' OR 1=1-- ' AND org_id = 5";
	int bad = 0;

	(void)state;
	assert_int_equal(check("state", "name=x' OR 1=1-- &@t=1", sql), MOAT_BLOCK);
	bad += check("state", "@t=1&name=x' OR 1=1-- ", sql) != MOAT_BLOCK;
	bad += check("state", "(x)=1&name=x' OR 1=1-- ", sql) != MOAT_BLOCK;
	bad += check("state", "?@=1&name=x' OR 1=1-- ", sql) != MOAT_BLOCK;
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_trimmed_cstr_form_does_not_stop_the_cut),
	    cmocka_unit_test(a_query_string_with_an_odd_first_pair_is_opened),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
