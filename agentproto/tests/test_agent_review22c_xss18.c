/* review22 (session 30), third round: findings on h-xss18 at 91e134e
 * (an attribute the input adds in a client template fires when its name
 * holds a character but a letter, digit or '-', or starts with a listed
 * directive prefix). Pages of our own. Each block was blocked on main
 * 1cd37e7 (a template read as JavaScript). */
#include "agent_xss_test.h"

/* Attributes of letters and dashes alone, with no listed prefix, that
 * frameworks run as JavaScript: hyperscript reads "script" and
 * "data-script" as it reads "_" (which fires), Unpoly runs up-on-loaded,
 * Intercooler ic-on-success, Datastar data-on-*. The name list is the
 * weak point: a prefix list of every framework cannot be closed. */
static void letter_and_dash_attributes_that_frameworks_run_fire(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/template\" id=\"row\"><p title=\"",
	     "x\" script=\"on load call alert(1)", "\">hi</p></script>"},
	    {"<script type=\"text/template\" id=\"row\"><p title=\"",
	     "x\" data-script=\"on load call alert(1)", "\">hi</p></script>"},
	    {"<script type=\"text/template\" id=\"row\"><p title=\"", "x\" up-on-loaded=\"alert(1)",
	     "\">hi</p></script>"},
	    {"<script type=\"text/template\" id=\"row\"><p title=\"",
	     "x\" ic-on-success=\"alert(1)", "\">hi</p></script>"},
	    {"<script type=\"text/template\" id=\"row\"><p title=\"",
	     "x\" data-on-click=\"alert(1)", "\">hi</p></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(letter_and_dash_attributes_that_frameworks_run_fire),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
