/* review21 (session 29), second round: findings on h-xss17 at 936b14d;
 * pages of our own (no corpus line). */
#include "agent_xss_test.h"

/* NEW (e23cfcf): the input's own bytes are judged as a style attribute's
 * value wherever they sit in the <style> element's text, so words inside
 * a CSS string or comment of the page's fire: a banner's text put in
 * content: "...", a theme's name in a comment. test_agent_xss17.c's twins
 * say "comments that name those words are data" (its twin's "expression"
 * has no "("). An input that leaves the string or comment is another
 * matter; these stay inside. Allowed on main. */
static void words_inside_a_css_string_or_comment_are_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<style>.banner::after { content: \"", "Regular expression(s) for beginners",
	     "\"; }</style>"},
	    {"<style>/* user theme: ", "Tips on javascript: URLs", " */ body{color:#035}</style>"},
	    {"<style>.t::before{content:\"", "behavior: calm", "\"}</style>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

/* NEW (6272e37, ma_xss_prop_start, htmlfp4's reading): a '_' before
 * "behavior:" makes it "the end of a longer name"; "_behavior" is IE 6's
 * underscore hack (IE 6 drops the '_' and applies the HTC; the star hack
 * "*behavior", IE 7, still fires). Main blocks the style attribute's. */
static void the_underscore_hack_on_behavior_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<div style=\"", "color:red;_behavior:url(/u/1/evil.htc)", "\">x</div>"},
	    {"<style>.x{", "_behavior:url(/u/1/evil.htc)", "}</style>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(words_inside_a_css_string_or_comment_are_data),
	    cmocka_unit_test(the_underscore_hack_on_behavior_fires),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
