/* review18 (session 26): finding on h-html16 (826ee22), fragments of our
 * own. Each page blocks on main 5ac2300 and is allowed on f5cf9b8; each
 * ran its alert in chromium (headless, alert replaced by a marker). The
 * input is the request's one input; the value after it on the comment's
 * line is the application's stored data (a name, a tag) from an earlier
 * request, which a JavaScript string encoder leaves as it is (no quote). */
#include "agent_xss_test.h"

/* 826ee22 passes a letterless input whose line break ends the page's "//"
 * comment when what the break releases OF THE INPUT is blank. But the
 * break releases the rest of the page's line too: the next value the
 * page writes there becomes code (review17's html15 finding, the page's
 * later data, by a line break instead of a quote). The input is not
 * blank ("1\n", ",\n": an application that rejects empty or blank
 * values takes it), so the "whitespace alone is never looked for"
 * argument does not cover it. */
static void a_line_break_that_ends_the_pages_comment_releases_its_later_data(void **state)
{
	static const char *const blocks[][3] = {
	    {"<script>\n// Author: ", "1\n", " alert(1)//\nvar x = 1;\n</script>"},
	    {"<script>\n// Author: ", ",\n", " alert(1)//\nvar x = 1;\n</script>"},
	    {"<p><a href=\"#\" onclick=\"// tags: ", "1\n",
	     " alert(1)//\nreturn false\">x</a></p>"},
	    {"<script>\n<!-- filters: ", "1\n", " alert(1)//\nload();\n</script>"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (xss_page(blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s%s%s\n", blocks[i][0], blocks[i][1],
			              blocks[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu pages allowed", bad, sizeof blocks / sizeof blocks[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_break_that_ends_the_pages_comment_releases_its_later_data),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
