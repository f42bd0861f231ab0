/* xssfix (session 34): an input of white space or a line terminator alone
 * (found by xss22: bench/RESULTS.md, "xss22", item 4). Such an input was
 * never looked for (white space) or read as a name (U+2028, U+2029), yet
 * its line break ends a single-line comment of a script or a handler (a
 * `//` line, a script's `<!--` or `-->` line) and the rest of the page's
 * line -- where the application may write stored data -- becomes code.
 * The twins: the same inputs where no comment of theirs ends (text, a
 * value, between tags, a comment line the page ends itself, <pre>, a
 * textarea), which stay allowed.
 */
#include "agent_xss_test.h"

static void a_blank_line_break_ending_a_scripts_comment_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>// Author: ", "\r\n", " alert(1)//</script>"},
	    {"<script>\n  // zuletzt von ", "\n\n", "  fetch('/k?'+document.cookie)//\n</script>"},
	    {"<script>\n// editado por ", "\n\t", " top.location='//x.example'//\n</script>"},
	    {"<script>\n\t// posted by ", "\t\n", "\tnew Image().src='/l?'+name;//\n</script>"},
	    {"<script>\n// note: ", " \n", " run_it();\n</script>"},
	    {"<script>// signé ", "\n", " steal(document.cookie)//</script>"},
	    {"<script>\n// par ", "\r", " steal(document.cookie)//\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_line_break_ending_a_handlers_comment_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<button onclick=\"// by ", "\n\t", " go()\">Go</button>"},
	    {"<a href=\"#\" onmouseover=\"// von ", "\r\n", " leak(this)\">Hilfe</a>"},
	    {"<img src=\"/x.png\" onerror='// autor ", "\n", " x(1)'>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_line_break_ending_a_scripts_html_like_comment_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>\n<!-- shown to ", "\r\n", " alert(document.domain)\n</script>"},
	    {"<script>\nboot();\n--> last by ", "\n ", " send(document.cookie)\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_javascript_line_terminator_alone_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>\n// Author: ", "\xe2\x80\xa8", " alert(1)//\n</script>"},
	    {"<script>\n// Autorin: ", "\xe2\x80\xa9", " leak(document.cookie)//\n</script>"},
	    {"<button onclick=\"// by ", "\xe2\x80\xa8", " go()\">Go</button>"},
	    {"<script>\n<!-- von ", "\xe2\x80\xa9", " go()\n</script>"},
	    {"<script>\n// ", "\xe2\x80\xa8 \xe2\x80\xa8", "run()\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void white_space_where_no_comment_ends_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    /* text, a value, between tags */
	    {"<p>Hello", "\r\n", "world, see http://example.org/</p>"},
	    {"<p>see http://example.org/a", "\n\n", "and more</p>"},
	    {"<input name=\"n\" value=\"", "\r\n", "\">"},
	    {"<a title=\"//x\">a</a>", "\n\t", "<b>b</b>"},
	    {"<ul><li>a</li>", "\n  ", "<li>b</li></ul>"},
	    /* a // comment whose line the page ends itself */
	    {"<script>\n// Author: ", "\r\n", "\nrun();\n</script>"},
	    {"<script>\n// Autor: ", " \n", "\n</script>"},
	    {"<script>\n// Autor: ", "\xe2\x80\xa8", "\nrun();\n</script>"},
	    /* a <pre>, a textarea */
	    {"<pre>// not code", "\n", "alert(1)//</pre>"},
	    {"<textarea name=\"t\">// notes", "\r\n", " more text</textarea>"},
	    {"<textarea>", "\n", "</textarea>"},
	    /* a line terminator in a script's string or between its statements */
	    {"<script>var s = 'a", "\xe2\x80\xa8", "b';\n</script>"},
	    /* the page's own indentation (a text run between its tags) after
	     * its own comment line: taken for the page's */
	    {"<div>", "\n\t\t",
	     "<script>\n\t\t// start the editor\n\t\t\tCKEDITOR.replace( 'e1' "
	     ");\n\t</script></div>"},
	    {"<ul>", "\r\n  ", "<li>a</li></ul><script>\r\n  // Wechsel\r\n  swap();</script>"},
	    {"<p>line", "\xe2\x80\xa8", "next</p>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_blank_line_break_ending_a_scripts_comment_fires),
	    cmocka_unit_test(a_line_break_ending_a_handlers_comment_fires),
	    cmocka_unit_test(a_line_break_ending_a_scripts_html_like_comment_fires),
	    cmocka_unit_test(a_javascript_line_terminator_alone_fires),
	    cmocka_unit_test(white_space_where_no_comment_ends_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
