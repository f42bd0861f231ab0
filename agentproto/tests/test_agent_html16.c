/* html16 (session 26): the xss check on fragments of our own.
 *
 * A text run of the page that is also the end of a `//` comment line of
 * its script ("... first.\n"): the input's line break ends the comment
 * where the page's own line break ended it. What the break releases as
 * code -- the input's bytes after it and the page's bytes after the input
 * up to the next line break (review18: the page's stored data may sit
 * there) -- is blank or another comment: it must pass. The same line
 * break that releases code, a string or another line must still fire. */
#include "agent_xss_test.h"

/* The input is the page's own punctuation and indentation, shown in its
 * text and also ending a comment line of its script. */
static void a_comment_ending_line_break_that_releases_nothing_is_data(void **state)
{
	static const char *const pages[][3] = {
	    /* (head, input, tail): the input occurs in the text and the script */
	    {"<p>Open the menu first", ".\n",
	     "</p>\n<script>\n\t// Load the menu first.\n\n\tmenu.load();\n</script>"},
	    {"<script>\n\t\t// Tell the reader when the menu is ready", ".\n\t",
	     "\t\t// (it loads late)\n\t\tmenu.on('ready', show);\n</script><p>Ready.\n\t</p>"},
	    {"<script>\n  // two lines of notes, then code", ";\n  ",
	     "\n  start();\n</script><div>a;\n  b</div>"},
	    {"<script>\n// a note, then another on the next line", ".\n",
	     "// second note\nrun(2);\n</script><p>x.\n</p>"},
	    {"<script>\n<!-- old-style hidden script, then a note", ".\n\t",
	     "  \n\tinit();\n</script>"},
	    {"<script>\n// the next line holds an HTML-like comment", ".\n\t-->",
	     " end of the notes\nrun();\n</script>"},
	    {"<p><a href=\"#\" onclick=\"// say so", ".\n",
	     "\n\treturn false\">x</a></p><p>Say so.\n</p>"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
		if (xss_page(pages[i][0], pages[i][1], pages[i][2]) != MOAT_ALLOW) {
			print_message("blocked: %s|%s|%s\n", pages[i][0], pages[i][1], pages[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu pages blocked", bad, sizeof pages / sizeof pages[0]);
}

/* Near attacks: the input ends the comment and what follows its line
 * break is code, a string, or a comment that a later line break of the
 * input ends again; each must fire. */
static void a_comment_ending_line_break_that_releases_code_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>\n// saved by ", ".\n-1;(", ")\nrun();\n</script>"},
	    {"<script>\n// note: ", ".\n\t'", "';\nrun();\n</script>"},
	    {"<script>\n// note: ", ".\n\t-->\n+", "+1\nrun();\n</script>"},
	    {"<script>\n// note: ", ".\n\t<!--\n(", ")\nrun();\n</script>"},
	    {"<script>\n// note: ", ".\nalert(1)", "\nrun();\n</script>"},
	    {"<script>\n// note: ", ".\n\t=", "1\nrun();\n</script>"},
	    {"<p><a href=\"#\" onclick=\"// note: ", ".\n-1;(", ")\">x</a></p>"},
	    /* blank of the input's, but the page's line goes on with code */
	    {"<script>\n// Saved by ", ".\n\t", "\tsaved(1);\n</script>"},
	    {"<script>\n// Saved by ", ".\n", "alert(1)//\nrun();\n</script>"},
	    {"<script>\n// Saved by ", ".\n", " -- > 1\nrun();\n</script>"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
		if (xss_page(pages[i][0], pages[i][1], pages[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s|%s|%s\n", pages[i][0], pages[i][1], pages[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu pages allowed", bad, sizeof pages / sizeof pages[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_comment_ending_line_break_that_releases_nothing_is_data),
	    cmocka_unit_test(a_comment_ending_line_break_that_releases_code_fires),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
