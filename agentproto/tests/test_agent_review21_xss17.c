/* review21 (session 29): findings on h-xss17 at e23cfcf; pages of our
 * own (no corpus line). */
#include "agent_xss_test.h"

/* NEW family, other half (ma_xss_script_double_escape): the rule needs the
 * input's own "<script"; an input that writes only "<!--" into a script
 * string whose element goes on to write "<script" itself (HTML5
 * Boilerplate's jQuery fallback, document.write('<script src=...><\/script>'),
 * an ad loader's string) puts the tokenizer into the same double-escaped
 * state: the page's "</script>" no longer ends the element and the page's
 * markup after it, with what other inputs wrote there, is read as
 * JavaScript. "<!--" is punctuation only, so ma_xss_js_names_nothing lets
 * it through; test_agent_xss17.c's comment calls a "<!--" alone harmless,
 * which holds only when the element writes no "<script" after it. Both
 * allowed on e23cfcf and main. */
static void an_open_comment_before_the_pages_own_script_tag_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var q = \"", "<!--",
	     "\"; window.jQuery || document.write('<script src=\"/js/jquery.min.js\"><\\/script>');"
	     "</script><p>You searched for: x</p>"},
	    {"<script>var t = '", "<!-- ",
	     "'; var ad = '<script async src=\"/ads.js\"></scr' + 'ipt>';</script><div "
	     "id=ads></div>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* NEW exposure (e23cfcf, xss.style in a <style> element's text):
 * ma_xss_bad_css matches "behavior:" at the end of a longer property name,
 * so a user's theme CSS with scroll-behavior or overscroll-behavior, data
 * on main, now blocks. (h-htmlfp4's d18c6a4 makes the match a whole
 * property name; this test passes once that lands under this branch.) */
static void scroll_behavior_in_a_style_element_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<style>html { ", "scroll-behavior: smooth;", " }</style>"},
	    {"<style>body { ", "overscroll-behavior: contain;", " }</style>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_open_comment_before_the_pages_own_script_tag_fires),
	    cmocka_unit_test(scroll_behavior_in_a_style_element_is_data),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
