/* xss17 (session 29): two contexts the check read as data.
 *
 * A <style> element's text: an input there that adds CSS that runs
 * script (expression(), a javascript: URL, -moz-binding, behavior) is
 * what the same CSS in a style attribute is (xss.style). Colours, font
 * names, image URLs and comments that name those words are data.
 *
 * A <script> element's string: an input that writes "<!--" and then
 * "<script" there puts the tokenizer into the script's double-escaped
 * state, where the page's own "</script>" no longer ends the element: the
 * page's markup after it (and the inputs written there) is read as
 * JavaScript: the input's "<script" after the page's "<!--", or the
 * input's "<!--" before the page's own "<script" (review21: a jQuery
 * fallback's document.write). A "<script>" alone, a "<!--" where the
 * element writes no "<script" after it, a comment the input closes before
 * its "<script", or a state the input's "</script" or the page's "-->"
 * ends before the element's end tag leaves the element as written. */
#include "agent_xss_test.h"

static void css_that_runs_script_in_a_style_element_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<style>.banner { color: ", "navy; width: expression(alert(document.domain))",
	     "; }</style>"},
	    {"<style>\nh1 { background: ", "url('javascript:alert(1)')", " }\n</style><h1>Hi</h1>"},
	    {"<STYLE type=\"text/css\">p{font-family:",
	     "x}body{-moz-binding:url(//e.example/b.xml#x)}", "}</STYLE>"},
	    {"<style>.note{border:", "0} .note{behavior:url(/u/1/evil.htc)", "}</style>"},
	    {"<style>#t{color:", "red;zoom:e\\78pression(confirm(7))", "}</style>"},
	    {"<style>a{color:", "red;top:ex/**/pression(prompt(2))", "}</style>"},
	    {"<style>li{list-style-image:url(", "jav&#x61;script:alert(3)", ")}</style>"},
	    {"<style>li{list-style-image:url(", "\\6a avascript:alert(4)", ")}</style>"},
	    {"<style>.old-ie{", "-ms-behavior:url(/h/x.htc)", "}</style>"},
	    {"<style>.ie6{", "color:red;_behaviour:url(/h/y.htc)", "}</style>"},
	    /* a URL's string, or leaving the page's string or comment */
	    {"<style>li{list-style:url(\"", "javascript:alert(5)", "\")}</style>"},
	    {"<style>@import '", "javascript:alert(6)", "';</style>"},
	    {"<style>.b::after{content:\"", "x\"} .c{width:expression(alert(8))} .d{x:\"",
	     "\"}</style>"},
	    {"<style>/* theme: ", "x */ .c{width:expression(alert(9))} /*", " */</style>"},
	    {"<style>.old-ie{", "color:red; Behavior : url(#default#time2)", "}</style>"},
	    {"<div><style>\n.user-theme { color: ", "#fff } * { behaviour: url(x.htc) } x {",
	     " }\n</style></div>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* The twins: what users put into a page's stylesheet. */
static void plain_css_in_a_style_element_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<style>.banner { color: ", "navy", "; }</style>"},
	    {"<style>.banner { color: ", "#1a2b3c", "; }</style>"},
	    {"<style>body { font-family: ", "\"Fira Sans\", Arial, sans-serif", "; }</style>"},
	    {"<style>h1 { background: url(", "https://img.example.org/banner.png", ") }</style>"},
	    {"<style>h1 { background: url(", "/static/javascript-logo.svg", ") }</style>"},
	    {"<style>/* theme: ", "my expression of the sea", " */ body{color:#035}</style>"},
	    {"<style>/* ", "link behaviour on hover: underline", " */ a:hover{}</style>"},
	    {"<style>p::before { content: ", "'an expression'", " }</style>"},
	    {"<style>.x { width: ", "calc(100% - 2em)", " }</style>"},
	    {"<style>.list { ", "overscroll-behavior-y: none; scroll-behavior:auto", " }</style>"},
	    {"<style>:root { ", "--my-behavior: calm;", " }</style>"},
	    /* inside the page's string or comment, not a URL's */
	    {"<style>h2::after { content: '", "see expression() and javascript: notes",
	     "'; }</style>"},
	    {"<style>/* saved theme \"", "Behavior: javascript: expression(1)",
	     "\" */ p{}</style>"},
	    {"<style>a{font-family:\"", "Vbscript: Sans", "\"}</style>"},
	    /* the page's own legacy IE rules, the input a colour beside them */
	    {"<style>.pie{behavior:url(PIE.htc)} .c{color:", "teal", "}</style>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void a_script_string_that_opens_the_double_escaped_state_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var note = \"", "<!--<script>",
	     "\";</script><p>hello</p><script>run();</script>"},
	    {"<script>var t='", "<!-- <SCRIPT >", "';</script><div>x</div>"},
	    {"<script>\nvar title = \"", "x <!-- and <script/x>", "\";\n</script>"},
	    {"<script>var a = [\"", "<!--\", \"<script\t", "\"];</script>"},
	    /* the page opened the comment, the input the script */
	    {"<script>var s = \"<!-- \" + \"", "and <script>", "\";</script><p>y</p>"},
	    {"<script><!--\nvar msg = '", "Hello <script type=x>", "';\n</script><p>y</p>"},
	    {"<script><!--\nvar msg = '", "a <script>",
	     "';\n</script><p>y</p><script>f()</script>"},
	    /* the input's "<!--", the page's own "<script" after it */
	    {"<script>var who = \"", "<!-- x",
	     "\"; document.write(\"<script src=/w.js><\\/script>\");"
	     "</script><p>Hi</p>"},
	    {"<script>var c = '", "hello <!--", "'; var tag = '<SCRIPT>';</script><p>z</p>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void script_strings_that_leave_the_element_as_written_are_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var note = \"", "use <script> tags", "\";</script><p>hi</p>"},
	    {"<script>var note = \"", "<!-- a comment -->", "\";</script>"},
	    {"<script>var note = \"", "<!-- x --> <script>", "\";</script>"},
	    {"<script>var note = \"", "<!-- a <scripting> note", "\";</script>"},
	    {"<script>var note = '", "5 <!- <script", "';</script>"},
	    {"<script>var note = '", "<!--", "';</script><p>z</p>"},
	    {"<script>var note = '", "hello <!--", "'; var t = '<scripts>';</script><p>z</p>"},
	    /* an old page's script in a comment: the input's own </script>
	     * ends the double-escaped state it opened */
	    {"<script><!--\nvar msg = '", "<script>run(1)</script>", "';\n//--></script><p>y</p>"},
	    {"<script><!--\nvar msg = '", "-->", "';\n</script><p>y</p>"},
	    /* the page's "-->" ends the double-escaped state before its end tag */
	    {"<script><!--\nvar msg = '", "tip: <script>", "';\n//--></script><p>y</p>"},
	    {"<script><!--\nvar msg = '", "x <SCRIPT/y", "';\n// -->\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(css_that_runs_script_in_a_style_element_fires),
	    cmocka_unit_test(plain_css_in_a_style_element_is_data),
	    cmocka_unit_test(a_script_string_that_opens_the_double_escaped_state_fires),
	    cmocka_unit_test(script_strings_that_leave_the_element_as_written_are_data),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
