/* libmoatagent: the forms in which an input reaches its sink, as the
 * decoders applications really use make them -- '+' kept by
 * decodeURIComponent, Python's unquote and PHP's rawurldecode -- each
 * attack beside the ordinary values that must stay allowed (session 15's
 * encoding bypass hunt, bench/RESULTS.md). */
#include "agent_test.h"
#include "agent_url_ref.h"

#define BLOCK_ALL                                                                                  \
	"{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"                               \
	"\"command_injection\":{\"mode\":\"block\"},\"path_traversal\":{\"mode\":\"block\"},"      \
	"\"xss\":{\"mode\":\"block\"},\"nosql_injection\":{\"mode\":\"block\"}}}"

enum { SQLITE, PG, MYSQL, SHELL, HTML, PATH };

struct probe {
	int sink;
	const char *input; /* a query value as the framework hands it over */
	const char *op;    /* what the application built from its decoded form */
};

static int verdict(const struct moat_policy *p, const struct probe *t)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/search", .policy = p};
	struct moat_request *r = NULL;
	size_t ol = strlen(t->op);
	int v = -9;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(
	    moat_request_add_input(r, MOAT_INPUT_QUERY, "q", t->input, strlen(t->input)), 0);
	switch (t->sink) {
	case SQLITE:
		v = moat_check_sql(r, MOAT_SQL_SQLITE, t->op, ol);
		break;
	case PG:
		v = moat_check_sql(r, MOAT_SQL_POSTGRES, t->op, ol);
		break;
	case MYSQL:
		v = moat_check_sql(r, MOAT_SQL_MYSQL, t->op, ol);
		break;
	case SHELL:
		v = moat_check_shell(r, t->op, ol);
		break;
	case HTML:
		v = moat_check_html(r, t->op, ol);
		break;
	case PATH:
		v = moat_check_path(r, t->op, ol, "/srv/app/files", 0);
		break;
	}
	moat_request_end(r);
	return v;
}

static void expect(const struct probe *t, size_t n, int want)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(BLOCK_ALL, 3, err, sizeof err);

	assert_non_null(p);
	for (size_t i = 0; i < n; i++) {
		int v = verdict(p, &t[i]);
		if (v != want)
			fail_msg("%s: got %d, want %d: %s", t[i].input, v, want, t[i].op);
	}
	moat_policy_release(p);
}

/* Checked with the real programs: Python's urllib.parse.unquote keeps
 * '+', `select count(*) … where name='x' or 1=1--+'` counts every row in
 * sqlite3 (the comment cuts the quote), `sh -c "ls a+;id"` runs id. */
static void a_value_decoded_with_plus_kept_is_found(void **state)
{
	static const struct probe attacks[] = {
	    {SQLITE, "x%27%20or%201=1--+", "SELECT * FROM t WHERE name='x' or 1=1--+'"},
	    {SQLITE, "x%27||1--+", "SELECT * FROM t WHERE name='x'||1--+'"},
	    {PG, "1%20or%201=1--+", "SELECT * FROM t WHERE id=1 or 1=1--+"},
	    {MYSQL, "x%27%20or%201=1%23+", "SELECT * FROM t WHERE name='x' or 1=1#+'"},
	    /* twice, by unquote twice: %2B is '+' after the first */
	    {SQLITE, "x%2527%2520or%25201=1--%2B", "SELECT * FROM t WHERE name='x' or 1=1--+'"},
	    {SHELL, "a+%3Bid", "ls a+;id"},
	    {SHELL, "a+%7C%7Cid", "ls a+||id"},
	    {HTML, "%3Cscript%3Ealert(1)+1%3C/script%3E", "<p><script>alert(1)+1</script></p>"},
	    {PATH, "..%2F..%2Fetc%2Fa+b", "/srv/app/files/../../etc/a+b"},
	};
	/* '+' kept in ordinary values: a language, an address, a sum */
	static const struct probe benign[] = {
	    {SQLITE, "C%2B%2B+for+beginners", "SELECT * FROM t WHERE title='C++ for beginners'"},
	    {SQLITE, "C%2B%2B+for+beginners", "SELECT * FROM t WHERE title='C+++for+beginners'"},
	    {SQLITE, "anna+news%40example.com",
	     "SELECT * FROM t WHERE mail='anna+news@example.com'"},
	    {MYSQL, "1+2%3D3", "SELECT * FROM t WHERE note='1+2=3'"},
	    {SHELL, "report+2024%20final.pdf", "ls 'report+2024 final.pdf'"},
	    {HTML, "a+%3C+b", "<p>a+&lt;+b</p>"},
	    {PATH, "photos%2Fsummer+2024.jpg", "/srv/app/files/photos/summer+2024.jpg"},
	};

	(void)state;
	expect(attacks, sizeof attacks / sizeof attacks[0], MOAT_BLOCK);
	expect(benign, sizeof benign / sizeof benign[0], MOAT_ALLOW);
}

/* HTML5's eight legacy names need no ';' (`&lt`, `&gt`, `&amp`, `&quot`,
 * and in capitals): Python's html.unescape turns `&ltimg src=x
 * onerror=alert(1)&gt` into the tag, which Chromium runs. */
static void an_input_html_decoded_with_legacy_names_is_found(void **state)
{
	static const struct probe attacks[] = {
	    {HTML, "&ltimg src=x onerror=alert(1)&gt", "<p><img src=x onerror=alert(1)></p>"},
	    {HTML, "&LTsvg onload=alert(1)&GT", "<div><svg onload=alert(1)></div>"},
	    {HTML, "x&quot onmouseover=alert(1) x=&quot",
	     "<a title=\"x\" onmouseover=alert(1) x=\"\">t</a>"},
	    {HTML, "x&QUOT autofocus onfocus=alert(1) x=&QUOT",
	     "<input value=\"x\" autofocus onfocus=alert(1) x=\"\">"},
	    {SQLITE, "x&quot or 1=1--", "SELECT * FROM t WHERE name=\"x\" or 1=1--\""},
	    {SHELL, "a &amp id", "ls a & id"},
	};
	static const struct probe benign[] = {
	    {HTML, "Fish &amp chips &lt 5 EUR", "<p>Fish &amp; chips &lt; 5 EUR</p>"},
	    {HTML, "Q&amp;A", "<p>Q&amp;A</p>"},
	    {SQLITE, "Fish &amp chips", "SELECT * FROM t WHERE name='Fish & chips'"},
	    {SQLITE, "say &quothi&quot", "SELECT * FROM t WHERE note='say \"hi\"'"},
	    {SHELL, "Fish &amp chips.txt", "ls 'Fish & chips.txt'"},
	};

	(void)state;
	expect(attacks, sizeof attacks / sizeof attacks[0], MOAT_BLOCK);
	expect(benign, sizeof benign / sizeof benign[0], MOAT_ALLOW);
}

/* ma_url_decode_keep_plus is ma_url_decode with '+' left alone. */
static void keeping_plus_changes_only_the_plus(void **state)
{
	static const char specials[] = "%+uU0a2BbC0c1";
	unsigned char in[64], got[64], want[64];
	uint64_t seed = 11;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t n = at_rnd(&seed, sizeof in);
		for (size_t i = 0; i < n; i++) {
			uint32_t x = at_rnd(&seed, 4);
			in[i] = x == 0
			            ? (unsigned char)at_rnd(&seed, 256)
			            : (unsigned char)specials[at_rnd(&seed, sizeof specials - 1)];
		}
		/* '+' as 0x01 for the reference, then back: rounds where 0x01
		 * is in the input or its decoding are left out */
		unsigned char mark[64];
		size_t gl = ma_url_decode_keep_plus((const char *)in, n, (char *)got);
		size_t wl = ref_url_decode(in, n, want);
		if (memchr(in, 0x01, n) || memchr(want, 0x01, wl))
			continue;
		for (size_t i = 0; i < n; i++)
			mark[i] = in[i] == '+' ? 0x01 : in[i];
		wl = ref_url_decode(mark, n, want);
		for (size_t i = 0; i < wl; i++)
			want[i] = want[i] == 0x01 ? '+' : want[i];
		assert_int_equal(gl, wl);
		assert_memory_equal(got, want, gl);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_value_decoded_with_plus_kept_is_found),
	    cmocka_unit_test(keeping_plus_changes_only_the_plus),
	    cmocka_unit_test(an_input_html_decoded_with_legacy_names_is_found),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
