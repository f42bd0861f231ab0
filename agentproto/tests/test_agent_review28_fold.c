/* review28 (session 34) on main 1972152: the case-folded forms (34f94a8,
 * ma_add_fold_forms) are made of the raw form only, and last.
 *
 * 1. Trimmed, then folded: `email.strip().lower()` (Django's CharField
 *    strips, the application lower()s an e-mail or a user name) -- one
 *    space or tab at an end and no form of the input is pasted: the lower
 *    form keeps the space, the trimmed form keeps the capitals.
 *    ` X' OR 1=1-- ` -> `x' or 1=1--`: allowed (`X' OR 1=1-- `: blocked).
 *    The same for a file store that trims and lower-cases names: `
 *    ../../Config/Secrets.yml` (path_traversal; node path.join(base,
 *    v.trim().toLowerCase()) read the file outside the base here).
 * 2. (left open by the lead, session 34: /work/review28-fold-open.c;
 *    README says so) Folded, then LIKE-escaped: a case-insensitive tag or name search
 *    (`q.lower()`, then `_` `%` `\` escaped, pasted into LIKE '%...%'):
 *    `A_b' OR 1=1-- ` -> `a\_b' or 1=1-- `: allowed (`a_b' or 1=1-- `,
 *    already lower-case: blocked through the LIKE form).
 * 3. The fold forms are added only while the input has a free place of
 *    MA_INPUT_FORMS: the attacker's own tail in the comment (`%2541`,
 *    `&#37;41`, `_`, `%00`, `+`, a non-ASCII letter, two spaces) makes
 *    enough decoded, cstr, collapsed, trimmed and LIKE forms that no
 *    lower form is made: `X'  OR 1=1-- %2541&#37;41 _ %00 + é ` pasted
 *    lower()ed whole (no trim) is allowed (without the tail: blocked).
 * 4. (left open too, with 2) The fold forms are made only for a value holding a quote, ';', '(' ...
 *    (ma_fold_class): a payload pasted unquoted needs none -- `1 OR 1=1`,
 *    `0 UNION SELECT password FROM users` lower()ed, `3 and 1=0 union all
 *    select email from users` upper()ed: allowed (as given: blocked).
 *
 * Run here: python3 sqlite3, each statement as the application builds it
 * (strip().lower(); lower() + LIKE escape; lower(); lower()
 * unquoted) returned every row.
 */
#include "agent_test.h"

static int check(const char *value, const char *sql)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/users"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "q", value, strlen(value)), 0);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

struct fc {
	const char *in, *sql;
};

static int count_allowed(const struct fc *c, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (check(c[i].in, c[i].sql) != MOAT_BLOCK) {
			print_message("allowed: [%s] -> %s\n", c[i].in, c[i].sql);
			bad++;
		}
	return bad;
}

static void a_trimmed_then_folded_input_is_judged(void **state)
{
	static const struct fc c[] = {
	    {" X' OR 1=1-- ", "SELECT id, pw FROM users WHERE email = 'x' or 1=1--'"},
	    {"\tAna' OR '1'='1", "SELECT id, pw FROM users WHERE email = 'ana' or '1'='1'"},
	    {" Bob' UNION SELECT pw FROM users-- ",
	     "SELECT id FROM users WHERE email = 'bob' union select pw from users--'"},
	    {"Zed' OR 1=1 OR 'a'='a  ",
	     "SELECT id FROM users WHERE email = 'zed' or 1=1 or 'a'='a'"},
	    {" Vip10' or 1=1-- ", "SELECT pct FROM vouchers WHERE code = 'VIP10' OR 1=1--'"},
	};

	(void)state;
	/* the controls: untrimmed, the lower form (34f94a8) blocks */
	assert_int_equal(
	    check("X' OR 1=1-- ", "SELECT id, pw FROM users WHERE email = 'x' or 1=1-- '"),
	    MOAT_BLOCK);
	assert_int_equal(
	    check("Bob' UNION SELECT pw FROM users-- ",
	          "SELECT id FROM users WHERE email = 'bob' union select pw from users-- '"),
	    MOAT_BLOCK);
	assert_int_equal(count_allowed(c, sizeof c / sizeof c[0]), 0);
}

static int path_check(const char *value, const char *path)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/files"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "f", value, strlen(value)), 0);
	v = moat_check_path(r, path, strlen(path), "/srv/app/files", 0);
	moat_request_end(r);
	return v;
}

static void a_trimmed_then_folded_file_name_is_judged(void **state)
{
	/* a file store that trims and lower-cases names (node:
	 * path.join(base, v.trim().toLowerCase()) read the file outside
	 * the base here) */
	static const struct fc c[] = {
	    {" ../../Config/Secrets.yml", "/srv/app/files/../../config/secrets.yml"},
	    {"\t../../Etc/Shadow", "/srv/app/files/../../etc/shadow"},
	    {"../../Etc/Passwd ", "/srv/app/files/../../etc/passwd"},
	};
	int bad = 0;

	(void)state;
	/* the controls: untrimmed, the lower form blocks; a plain name passes */
	assert_int_equal(
	    path_check("../../Config/Secrets.yml", "/srv/app/files/../../config/secrets.yml"),
	    MOAT_BLOCK);
	assert_int_equal(path_check(" Docs/Report.PDF", "/srv/app/files/docs/report.pdf"),
	                 MOAT_ALLOW);
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (path_check(c[i].in, c[i].sql) != MOAT_BLOCK) {
			print_message("allowed: [%s] -> %s\n", c[i].in, c[i].sql);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void fold_forms_are_not_crowded_out(void **state)
{
	static const struct fc c[] = {
	    {"X'  OR 1=1-- %2541&#37;41 _ %00 + \xc3\xa9 ",
	     "SELECT id FROM users WHERE email = 'x'  or 1=1-- %2541&#37;41 _ %00 + \xc3\xa9 '"},
	    {"Bob'  UNION SELECT pw FROM users-- %2541&#37;41 _ %00 + \xc3\xa9 ",
	     "SELECT id FROM users WHERE email = 'bob'  union select pw from users-- %2541&#37;41 "
	     "_ "
	     "%00 + \xc3\xa9 '"},
	};

	(void)state;
	/* the control: without the tail, the lower form blocks */
	assert_int_equal(
	    check("X'  OR 1=1-- ", "SELECT id FROM users WHERE email = 'x'  or 1=1-- '"),
	    MOAT_BLOCK);
	assert_int_equal(count_allowed(c, sizeof c / sizeof c[0]), 0);
}

static void folded_benign_values_stay_allowed(void **state)
{
	(void)state;
	/* twins: the same pipelines on benign values */
	assert_int_equal(check(" O'Brien@Example.org ",
	                       "SELECT id FROM users WHERE email = 'o''brien@example.org'"),
	                 MOAT_ALLOW);
	assert_int_equal(
	    check("Rock_N'Roll 50%",
	          "SELECT id FROM tags WHERE name LIKE '%rock\\_n''roll 50\\%%' ESCAPE '\\'"),
	    MOAT_ALLOW);
	assert_int_equal(
	    check("R&D (Paris) %2541 _ %00 + \xc3\xa9 ",
	          "SELECT id FROM teams WHERE name = 'r&d (paris) %2541 _ %00 + \xc3\xa9 '"),
	    MOAT_ALLOW);
	assert_int_equal(
	    check("New York 2024",
	          "SELECT id FROM trips WHERE city = 'new york 2024' ORDER BY id DESC"),
	    MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_trimmed_then_folded_input_is_judged),
	    cmocka_unit_test(a_trimmed_then_folded_file_name_is_judged),
	    cmocka_unit_test(fold_forms_are_not_crowded_out),
	    cmocka_unit_test(folded_benign_values_stay_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
