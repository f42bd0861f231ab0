/* review17 (session 25): findings on h-html15, fragments of our own.
 * Each block fired on main 3433d08 and is allowed on h-html15 4663e92;
 * each page's script ran its alert under node 20 (alert replaced by a
 * logger). The input is the request's one input; the rest of the page
 * is the application's, and its later value (bio) comes from the
 * application's database, not from this request. */
#include "agent_xss_test.h"

/* An input that names nothing still leaves the string it was put in,
 * and what follows it in the page then runs as code: the page's own
 * later data, which a JSON or JavaScript string encoder leaves as it is
 * (no quote of its kind in it), becomes the script. `"+` then the bio
 * `+alert(1)//` is q = "" + "; var bio = " + alert(1); `"+` and a
 * backtick turns the rest into a template literal whose ${...} runs;
 * in a handler `'+` does the same with the next argument. The rule
 * ccb3d08 gives ("an input that brings a name fires on its own") holds
 * only for this request's inputs, not for the page's stored text. */
static void an_input_that_names_nothing_turns_the_pages_later_data_into_code(void **state)
{
	static const char *const blocks[][3] = {
	    {"<script>var q = \"", "\"+", "\"; var bio = \"+alert(1)//\";</script>"},
	    {"<script>var q = '", "'+", "'; var bio = '+alert(1)//';</script>"},
	    {"<script>var q = \"", "\"+`", "\"; var bio = \"${alert(1)}`//\";</script>"},
	    {"<p><a href=\"#\" onclick=\"track('", "'+", "'); load('+alert(1))//')\">more</a></p>"},
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

/* 4663e92: an input sent with character references that occurs in the
 * page as sent is taken as never HTML-decoded, and its decoded form is
 * not looked for. But an application that decodes the input and then
 * escapes it in one place writes exactly the bytes as sent there (the
 * search box, "You searched: ...") while a second, unescaped place holds
 * the decoded markup (a preview): the as-sent occurrence hides the
 * injection. Each page below blocks on main. */
static void an_input_echoed_as_sent_and_decoded_fires_on_the_decoded_place(void **state)
{
	static const char in[] = "&lt;img src=x onerror=alert(1)&gt;";
	static const char *const pages[] = {
	    "<form><input name=q value=\"&lt;img src=x onerror=alert(1)&gt;\"></form>"
	    "<div class=\"preview\"><img src=x onerror=alert(1)></div>",
	    "<p>You searched: &lt;img src=x onerror=alert(1)&gt;</p>"
	    "<div><img src=x onerror=alert(1)></div>",
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct moat_request_info ri = {
		    .method = "GET", .endpoint = "/search", .policy = pol};
		struct moat_request *r = NULL;
		assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
		assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, strlen(in)),
		                 0);
		if (moat_check_html(r, pages[i], strlen(pages[i])) != MOAT_BLOCK) {
			print_message("allowed: %s\n", pages[i]);
			bad++;
		}
		moat_request_end(r);
	}
	if (bad)
		fail_msg("%d of %zu pages allowed", bad, sizeof pages / sizeof pages[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_input_that_names_nothing_turns_the_pages_later_data_into_code),
	    cmocka_unit_test(an_input_echoed_as_sent_and_decoded_fires_on_the_decoded_place),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
