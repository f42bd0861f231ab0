/* review22 (session 30): findings on h-xss18 at 49bf919 (script types,
 * SVG script text, foreign content by namespace, javascript:
 * comments); pages of our own (no corpus line). */
#include "agent_xss_test.h"

/* NEW (49bf919, ma_xss_json_data): an import map is JSON, and JSON's
 * escapes are decoded before the browser reads the address, so
 * "\u002f\u002fevil.example/x.js" is //evil.example/x.js and
 * "https\u003a//..." is https://...: the input chose where the module
 * is loaded from, as the plain https:// and // forms (which fire now)
 * say. Allowed on main too. */
static void an_import_map_address_written_with_json_escapes_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"importmap\">{\"imports\":{\"app\":\"",
	     "\\u002f\\u002fevil.example/x.js", "\"}}</script>"},
	    {"<script type=\"importmap\">{\"imports\":{\"app\":\"",
	     "https\\u003a//evil.example/x.js", "\"}}</script>"},
	    {"<script type=\"importmap\">{\"imports\":{\"app\":\"",
	     "h\\u0074tps://evil.example/x.js", "\"}}</script>"},
	    {"<script type=\"importmap\">{\"imports\":{\"app\":\"",
	     "\\u0064ata:text/javascript,alert(1)", "\"}}</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* NEW (49bf919, MA_XSS_SCRIPT_TEMPLATE): a client template's text is
 * judged as HTML, where an attribute that runs JavaScript is named on*;
 * the frameworks these types are for run their own: Vue's v-on: / @
 * (text/x-template is Vue's), Knockout's data-bind (text/html is
 * Knockout's), Alpine's x-on: / x-init. An input that leaves the page's
 * attribute value and adds one runs script when the template renders
 * (a new element with them fires; an attribute added to the page's own
 * element does not). Blocked on main (read as JavaScript). */
static void a_framework_event_attribute_added_in_a_client_template_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/x-template\" id=\"card\"><p title=\"",
	     "x\" v-on:mouseover=\"constructor.constructor('alert(1)')()", "\">hi</p></script>"},
	    {"<script type=\"text/x-template\" id=\"card\"><p title=\"",
	     "x\" @mouseover=\"constructor.constructor('alert(1)')()", "\">hi</p></script>"},
	    {"<script type=\"text/html\" id=\"row\"><td title=\"", "x\" data-bind=\"text: alert(1)",
	     "\"></td></script>"},
	    {"<script type=\"text/x-template\" id=\"card\"><p title=\"", "x\" x-init=\"alert(1)",
	     "\">hi</p></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* NEW (49bf919, ma_xss_template_code): [[ ]] is the interpolation a
 * page configures when its server's own templates take {{ }} (Vue's
 * delimiters option, AngularJS's $interpolateProvider: the usual setup
 * beside Jinja2, Django, Twig); an expression there runs when the
 * template renders, as {{ }} (which fires) does. Blocked on main. */
static void a_configured_template_delimiter_in_a_client_template_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/x-template\" id=\"card\"><div>",
	     "[[ constructor.constructor('alert(1)')() ]]", "</div></script>"},
	    {"<script type=\"text/ng-template\" id=\"t.html\"><p>",
	     "[[ constructor.constructor('alert(1)')() ]]", "</p></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

/* NEW (49bf919, svg_script): an SVG <script>'s text fires on any '&' of
 * the input, and a company's or a show's name holds one: "Smith & Sons",
 * "AT&T", "Q&A night" inside the page's JavaScript string stay inside it
 * ("& " and "&T" are no character reference: the browser keeps the '&').
 * Allowed on main. */
static void an_ampersand_that_is_no_reference_in_svg_script_text_is_data(void **state)
{
	static const char *const pages[][3] = {
	    {"<svg><script>var shop = \"", "Smith & Sons", "\";</script></svg>"},
	    {"<svg><script>var isp = '", "AT&T", "';</script></svg>"},
	    {"<svg><script>var title = \"", "Q&A night", "\";</script></svg>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_import_map_address_written_with_json_escapes_fires),
	    cmocka_unit_test(a_framework_event_attribute_added_in_a_client_template_fires),
	    cmocka_unit_test(a_configured_template_delimiter_in_a_client_template_fires),
	    cmocka_unit_test(an_ampersand_that_is_no_reference_in_svg_script_text_is_data),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
