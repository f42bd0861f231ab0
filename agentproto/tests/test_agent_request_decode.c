/* libmoatagent: the forms in which an input reaches its sink, as the
 * decoders applications really use make them -- '+' kept by
 * decodeURIComponent, Python's unquote and PHP's rawurldecode -- each
 * attack beside the ordinary values that must stay allowed (session 15's
 * encoding bypass hunt, bench/RESULTS.md). */
#include "agent_test.h"
#include "agent_url_ref.h"
#include "ma_util.h"

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

/* in's forms but the case-folded ones (lower, upper: every value with a
 * letter has them) */
static int forms_unfolded(const struct ma_input *in)
{
	int n = 0;

	for (int k = 0; k < in->nforms; k++)
		n += strcmp(in->form_name[k], "lower") != 0 &&
		     strcmp(in->form_name[k], "upper") != 0;
	return n;
}

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

/* NFKC (Django's username field, Python's unicodedata.normalize('NFKC'),
 * PostgreSQL's normalize(), Java's Normalizer) makes fullwidth and other
 * compatibility look-alikes ASCII syntax after the input was given:
 * checked with python3 and sqlite3 (`x＇ or 1=1--` counts every row),
 * dash (`echo a；id` runs id). The benign neighbours are Japanese and
 * Chinese text with fullwidth digits and brackets, placed as data. */
static void an_input_nfkc_normalised_is_found(void **state)
{
	static const struct probe attacks[] = {
	    {SQLITE, "x\xef\xbc\x87 or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SQLITE,
	     "\xef\xbd\x81\xef\xbd\x8e\xef\xbd\x8e\xef\xbc\x87 \xef\xbd\x8f\xef\xbd\x92 "
	     "\xef\xbc\x91\xef\xbc\x9d\xef\xbc\x91\xef\xbc\x8d\xef\xbc\x8d",
	     "SELECT * FROM t WHERE name='ann' or 1=1--'"},
	    {PG,
	     "1\xe3\x80\x80or\xc2\xa0"
	     "1=1",
	     "SELECT * FROM t WHERE id=1 or 1=1"},
	    {MYSQL, "x\xef\xbc\x82 or 1=1#", "SELECT * FROM t WHERE name=\"x\" or 1=1#\""},
	    {SHELL, "a\xef\xbc\x9bid", "ls a;id"},
	    {SHELL, "a\xef\xbd\x9cid", "ls a|id"},
	    {SHELL, "a\xef\xbc\x84(id)", "ls a$(id)"},
	    {HTML, "\xef\xb9\xa4svg onload=alert(1)\xef\xb9\xa5", "<p><svg onload=alert(1)></p>"},
	    {HTML, "\xef\xbc\x9cimg src=x onerror=alert(1)\xef\xbc\x9e",
	     "<p><img src=x onerror=alert(1)></p>"},
	    {PATH,
	     "\xe2\x80\xa4\xe2\x80\xa4\xef\xbc\x8f\xe2\x80\xa4\xe2\x80\xa4\xef\xbc\x8f"
	     "etc\xef\xbc\x8fpasswd",
	     "/srv/app/files/../../etc/passwd"},
	    {PATH, "\xef\xbc\x8e\xef\xbc\x8e/\xef\xbc\x8e\xef\xbc\x8e/etc/passwd",
	     "/srv/app/files/../../etc/passwd"},
	    /* URL-decoded, then normalised */
	    {SQLITE, "x%EF%BC%87%20or%201=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	};
	static const struct probe benign[] = {
	    {SQLITE, "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93", "SELECT * FROM t WHERE id=123"},
	    {SQLITE,
	     "\xef\xbc\xb3\xef\xbd\x88\xef\xbd\x89\xef\xbd\x8e\xef\xbd\x8a\xef\xbd\x95\xef\xbd"
	     "\x8b\xef\xbd\x95\xe3\x80\x80\xef\xbc\x93\xef\xbc\x8d\xef\xbc\x91",
	     "SELECT * FROM t WHERE addr='Shinjuku 3-1'"},
	    {SQLITE, "\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd",
	     "SELECT * FROM t WHERE city='\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd'"},
	    {SQLITE,
	     "\xe6\xa0\xaa\xe5\xbc\x8f\xe4\xbc\x9a\xe7\xa4\xbe\xef\xbc\x88\xe3\x83\x86\xef\xbc\x89",
	     "SELECT * FROM t WHERE "
	     "name='\xe6\xa0\xaa\xe5\xbc\x8f\xe4\xbc\x9a\xe7\xa4\xbe(\xe3\x83\x86)'"},
	    {SHELL,
	     "\xe3\x83\xac\xef\xbc\x88\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94\xef\xbc\x89."
	     "txt",
	     "ls '\xe3\x83\xac(2024).txt'"},
	    {HTML, "\xe4\xbe\xa1\xe6\xa0\xbc\xef\xbc\x9c\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90",
	     "<p>\xe4\xbe\xa1\xe6\xa0\xbc&lt;100</p>"},
	    {HTML, "\xe4\xbe\xa1\xe6\xa0\xbc\xef\xbc\x9c\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90",
	     "<p>\xe4\xbe\xa1\xe6\xa0\xbc\xef\xbc\x9c\xef\xbc\x91\xef\xbc\x90\xef\xbc\x90</p>"},
	    {PATH,
	     "\xe5\x86\x99\xe7\x9c\x9f\xef\xbc\x8f"
	     "2024.jpg",
	     "/srv/app/files/\xe5\x86\x99\xe7\x9c\x9f/2024.jpg"},
	};

	(void)state;
	expect(attacks, sizeof attacks / sizeof attacks[0], MOAT_BLOCK);
	expect(benign, sizeof benign / sizeof benign[0], MOAT_ALLOW);
}

/* Two decoders in a row: a URL router then an HTML unescape
 * (`%26%2339%3B` -> `&#39;` -> `'`), an HTML unescape then a URL decode
 * (`&#37;27` -> `%27` -> `'`), and IIS's `%uXXXX` past `%u00XX` (`%uFF07`
 * is U+FF07, a quote after NFKC or Windows' best-fit mapping), and
 * Python's html.unescape of a numeric reference past ASCII
 * (`&#65287;`) then NFKC: each checked with python3 and sqlite3. */
static void an_input_decoded_by_two_decoders_is_found(void **state)
{
	static const struct probe attacks[] = {
	    {SQLITE, "x%26%2339%3B or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SQLITE, "x&#37;27 or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {HTML, "%26lt;script%26gt;alert(1)%26lt;/script%26gt;",
	     "<p><script>alert(1)</script></p>"},
	    {SHELL, "a&#37;3Bid", "ls a;id"},
	    {SQLITE, "x%uFF07%20or%201=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SQLITE, "x&#65287; or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SQLITE, "x&#xff07 or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	};
	static const struct probe benign[] = {
	    {SQLITE, "Ren&#233; %26 Co", "SELECT * FROM t WHERE name='Ren\xc3\xa9 & Co'"},
	    {SQLITE, "50&#37; off", "SELECT * FROM t WHERE note='50% off'"},
	    {SQLITE, "caf%u00E9", "SELECT * FROM t WHERE name='caf\xc3\xa9'"},
	    {HTML, "Fish %26amp; chips", "<p>Fish &amp; chips</p>"},
	    {SHELL, "report&#37;20final.pdf", "ls 'report final.pdf'"},
	};

	(void)state;
	expect(attacks, sizeof attacks / sizeof attacks[0], MOAT_BLOCK);
	expect(benign, sizeof benign / sizeof benign[0], MOAT_ALLOW);
}

/* Three decoders in a row, each shown with python3 first (sqlite3
 * counting every row, dash running id): a URL router, then an HTML
 * unescape, then an NFKC-normalising framework (Django's username field,
 * unicodedata.normalize): `%26%2365287%3B` is `&#65287;`, then `＇`
 * (U+FF07), then `'` (`&nbsp;` U+00A0, then a space). A value
 * URL-decoded twice (`%25EF%25BC%2587`), then NFKC. And with '+' kept
 * (node's decodeURIComponent(v).normalize('NFKC'), Python's unquote):
 * `x%EF%BC%87%20or%201=1--+` reaches SQL as `x' or 1=1--+`, which the
 * url_nfkc form (`--` then a space) is not. Their ordinary neighbours
 * stay allowed. */
static void an_input_decoded_by_three_decoders_is_found(void **state)
{
	static const struct probe attacks[] = {
	    {SQLITE, "x%26%2365287%3B or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SQLITE, "x%26%23xff07%3B or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SHELL, "a%26%2365307%3Bid", "ls a;id"},
	    {HTML, "%26%2365308%3Bsvg onload=alert(1)%26%2365310%3B",
	     "<p><svg onload=alert(1)></p>"},
	    {PATH, "%26%2365294%3B%26%2365294%3B%26%2365295%3Betc%26%2365295%3Bpasswd",
	     "/srv/app/files/../etc/passwd"},
	    {SQLITE, "x%25EF%25BC%2587 or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SQLITE, "x%25EF%25BC%2587%20or%201=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SHELL, "a%25EF%25BC%259Bid", "ls a;id"},
	    {HTML, "%25EF%25B9%25A4svg onload=alert(1)%25EF%25B9%25A5",
	     "<p><svg onload=alert(1)></p>"},
	    {SQLITE, "x%EF%BC%87%20or%201=1--+", "SELECT * FROM t WHERE name='x' or 1=1--+'"},
	};
	static const struct probe benign[] = {
	    {SQLITE, "Ren%26%23233%3B", "SELECT * FROM t WHERE name='Ren\xc3\xa9'"},
	    {SQLITE, "50%2525 off", "SELECT * FROM t WHERE note='50% off'"},
	    {SQLITE, "%25E6%259D%25B1%25E4%25BA%25AC",
	     "SELECT * FROM t WHERE city='\xe6\x9d\xb1\xe4\xba\xac'"},
	    {SQLITE, "%EF%BC%91%EF%BC%92%EF%BC%93+apples",
	     "SELECT * FROM t WHERE note='123+apples'"},
	    {SQLITE, "%E6%9D%B1%E4%BA%AC%E9%83%BD%26%2312288%3B%E6%96%B0%E5%AE%BF%E5%8C%BA",
	     "SELECT * FROM t WHERE addr='\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd "
	     "\xe6\x96\xb0\xe5\xae\xbf\xe5\x8c\xba'"},
	    {SQLITE, "Caf%26eacute;%26nbsp;du%26nbsp;Parc",
	     "SELECT * FROM t WHERE name='Caf\xc3\xa9 du Parc'"},
	    {HTML, "Fish %26%2365286%3B chips", "<p>Fish &amp; chips</p>"},
	    {SHELL, "%25EF%25BC%2588%25EF%25BC%2591%25EF%25BC%2589.txt", "ls '(1).txt'"},
	};

	(void)state;
	expect(attacks, sizeof attacks / sizeof attacks[0], MOAT_BLOCK);
	expect(benign, sizeof benign / sizeof benign[0], MOAT_ALLOW);
}

/* NFKC after the two chains that lacked it (session 18): an HTML
 * unescape, a URL decode, then NFKC (`&#37;EF&#37;BC&#37;87` is
 * `%EF%BC%87`, then `＇`, then `'`: html.unescape, unquote_plus and
 * unicodedata.normalize in a row, as python3 shows), and a value
 * URL-decoded twice with '+' kept, then NFKC (node's
 * decodeURIComponent(decodeURIComponent(v)).normalize('NFKC'):
 * `x%25EF%25BC%2587%2520or%25201=1--+` reaches SQLite as
 * `x' or 1=1--+`, which url2_nfkc, `--` then a space, is not). Their
 * ordinary neighbours stay allowed. */
static void nfkc_after_html_url_and_rawurl2_is_found(void **state)
{
	static const struct probe attacks[] = {
	    {SQLITE, "x&#37;EF&#37;BC&#37;87 or 1=1--", "SELECT * FROM t WHERE name='x' or 1=1--'"},
	    {SHELL, "a&#37;EF&#37;BC&#37;9Bid", "ls a;id"},
	    {SQLITE, "x%25EF%25BC%2587%2520or%25201=1--+",
	     "SELECT * FROM t WHERE name='x' or 1=1--+'"},
	};
	static const struct probe benign[] = {
	    {SQLITE, "&#37;EF&#37;BC&#37;91&#37;EF&#37;BC&#37;92 off",
	     "SELECT * FROM t WHERE note='12 off'"},
	    {SQLITE, "%25EF%25BC%2591%25EF%25BC%2592+apples",
	     "SELECT * FROM t WHERE note='12+apples'"},
	};

	(void)state;
	expect(attacks, sizeof attacks / sizeof attacks[0], MOAT_BLOCK);
	expect(benign, sizeof benign / sizeof benign[0], MOAT_ALLOW);
}

/* The NFKC form replaces exactly the characters whose NFKC form is ASCII
 * (all 1,403 of Python's unicodedata 14.0 were compared once, none more:
 * bench/RESULTS.md, session 16) and is made only where one is there: an
 * ASCII value, CJK text or halfwidth katakana (NFKC makes those other
 * non-ASCII characters, not modelled) get no form. */
static void the_nfkc_form_is_made_only_where_a_character_becomes_ascii(void **state)
{
	static const char *const none[] = {"x' or 1=1--; ls | id", "\xe6\x9d\xb1\xe4\xba\xac",
	                                   "\xef\xbd\xb6\xef\xbe\x80", "caf\xc3\xa9 \xe2\x82\xac"};
	char in[8], out[64];

	(void)state;
	/* U+FF01..U+FF5E are '!'..'~' */
	for (unsigned c = 0xFF01; c <= 0xFF5E; c++) {
		in[0] = (char)(0xE0 | (c >> 12));
		in[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		in[2] = (char)(0x80 | (c & 0x3F));
		assert_int_equal(ma_nfkc_first(in, 3), 0);
		assert_int_equal(ma_nfkc_ascii(in, 3, 0, out), 1);
		assert_int_equal((unsigned char)out[0], c - 0xFF01 + '!');
	}
	/* the longest: U+2167 (3 bytes) is "VIII", U+1D400 (4) 'A', U+00A0 ' ' */
	assert_int_equal(ma_nfkc_ascii("\xe2\x85\xa7", 3, 0, out), 4);
	assert_memory_equal(out, "VIII", 4);
	assert_int_equal(ma_nfkc_ascii("\xf0\x9d\x90\x80", 4, 0, out), 1);
	assert_int_equal(out[0], 'A');
	assert_int_equal(ma_nfkc_first("a\xc2\xa0"
	                               "b",
	                               4),
	                 1);
	assert_int_equal(ma_nfkc_ascii("a\xc2\xa0"
	                               "b",
	                               4, 1, out),
	                 3);
	assert_memory_equal(out, "a b", 3);
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		struct moat_request_info ri = {.method = "GET", .endpoint = "/"};
		struct moat_request *r = NULL;
		size_t n;
		assert_int_equal(ma_nfkc_first(none[i], strlen(none[i])), strlen(none[i]));
		assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_QUERY, "q", none[i], strlen(none[i])), 0);
		assert_int_equal(forms_unfolded(ma_request_inputs(r, &n)), 1);
		moat_request_end(r);
	}
}

/* Unicode's table 3-7, the well-formed UTF-8 byte sequences, written as
 * its rows (first byte's range, second byte's, the length; every byte
 * after the second 80..BF): the reference ma_utf8_read is compared with.
 * 0 when p's n bytes start none. */
static size_t utf8_table_3_7(const unsigned char *p, size_t n, uint32_t *cp)
{
	static const struct {
		unsigned char lo0, hi0, lo1, hi1, k;
	} rows[] = {{0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
	            {0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3},
	            {0xEE, 0xEF, 0x80, 0xBF, 3}, {0xF0, 0xF0, 0x90, 0xBF, 4},
	            {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4}};

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		size_t k = rows[r].k;
		if (p[0] < rows[r].lo0 || p[0] > rows[r].hi0)
			continue;
		if (n < k || p[1] < rows[r].lo1 || p[1] > rows[r].hi1)
			return 0;
		for (size_t i = 2; i < k; i++)
			if (p[i] < 0x80 || p[i] > 0xBF)
				return 0;
		*cp = p[0] & (0x7F >> k);
		for (size_t i = 1; i < k; i++)
			*cp = (*cp << 6) | (p[i] & 0x3F);
		return k;
	}
	return 0;
}

/* The one UTF-8 sequence reader (ma_util.h) that the request's NFKC,
 * validity and U+FFFD walks, the events' text and the JSON quoting use:
 * every rule of table 3-7 holds, so that a rule dropped (an overlong, a
 * surrogate, past U+10FFFF, a sequence cut by the buffer's end) fails
 * here, and its users answer as it does. */
static void the_utf8_reader_keeps_every_rule(void **state)
{
	static const struct {
		const char *s;
		size_t n, k; /* bytes given, the length read (0: none) */
		uint32_t cp;
	} cases[] = {
	    {"A", 1, 1, 'A'},
	    {"\x00", 1, 1, 0},
	    {"\x80", 1, 0, 0},                    /* continuation first */
	    {"\xbf\x80", 2, 0, 0},                /* continuation first */
	    {"\xc0\xaf", 2, 0, 0},                /* overlong '/' */
	    {"\xc1\xbf", 2, 0, 0},                /* overlong DEL */
	    {"\xc2\x80", 2, 2, 0x80},             /* the first of two bytes */
	    {"\xdf\xbf", 2, 2, 0x7FF},            /* the last of two */
	    {"\xc2\x41", 2, 0, 0},                /* no continuation */
	    {"\xc2\xc0", 2, 0, 0},                /* no continuation */
	    {"\xe0\x80\xaf", 3, 0, 0},            /* overlong '/' */
	    {"\xe0\x9f\xbf", 3, 0, 0},            /* overlong U+07FF */
	    {"\xe0\xa0\x80", 3, 3, 0x800},        /* the first of three */
	    {"\xed\x9f\xbf", 3, 3, 0xD7FF},       /* below the surrogates */
	    {"\xed\xa0\x80", 3, 0, 0},            /* U+D800 */
	    {"\xed\xbf\xbf", 3, 0, 0},            /* U+DFFF */
	    {"\xee\x80\x80", 3, 3, 0xE000},       /* past them */
	    {"\xef\xbc\x87", 3, 3, 0xFF07},       /* fullwidth apostrophe */
	    {"\xef\xbf\xbf", 3, 3, 0xFFFF},       /* the last of three */
	    {"\xe3\x41\x82", 3, 0, 0},            /* second byte ASCII */
	    {"\xe3\x81\x41", 3, 0, 0},            /* third byte ASCII */
	    {"\xf0\x80\x80\xaf", 4, 0, 0},        /* overlong '/' */
	    {"\xf0\x8f\xbf\xbf", 4, 0, 0},        /* overlong U+FFFF */
	    {"\xf0\x90\x80\x80", 4, 4, 0x10000},  /* the first of four */
	    {"\xf4\x8f\xbf\xbf", 4, 4, 0x10FFFF}, /* the last code point */
	    {"\xf4\x90\x80\x80", 4, 0, 0},        /* U+110000 */
	    {"\xf5\x80\x80\x80", 4, 0, 0},        /* past U+10FFFF */
	    {"\xf8\x88\x80\x80\x80", 5, 0, 0},    /* five bytes */
	    {"\xff", 1, 0, 0},                    /* never in UTF-8 */
	    {"\xf0\x9f\x98\x41", 4, 0, 0},        /* fourth byte ASCII */
	    {"\xc3\xa9", 1, 0, 0},                /* cut by the end: é */
	    {"\xe3\x81\x82", 2, 0, 0},            /* あ */
	    {"\xe3\x81\x82", 1, 0, 0},            /* あ */
	    {"\xf0\x9f\x98\x80", 3, 0, 0},        /* U+1F600 */
	    {"\xf0\x9f\x98\x80", 4, 4, 0x1F600},  /* whole */
	};
	static const unsigned char tail[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
	                                     0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
	unsigned char b[5];
	char out[16];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const unsigned char *p = (const unsigned char *)cases[i].s;
		uint32_t cp = 0xFFFFFFFF;
		int bad = -1;
		size_t k = ma_utf8_read(p, cases[i].n, &cp);
		if (k != cases[i].k)
			fail_msg("case %zu: read %zu, want %zu", i, k, cases[i].k);
		assert_int_equal(ma_utf8_read(p, cases[i].n, NULL), k);
		if (k)
			assert_int_equal(cp, cases[i].cp);
		/* its users: a value of exactly these bytes */
		assert_int_equal(ma_utf8_valid(cases[i].s, cases[i].n), k == cases[i].n);
		ma_nfkc_scan(cases[i].s, cases[i].n, &bad);
		assert_int_equal(bad, k != cases[i].n);
		assert_int_equal(ma_utf8_fffd(cases[i].s, cases[i].n, out) == 0, k == cases[i].n);
	}
	/* every first and second byte, the bytes after them from tail, cut
	 * at each length: the reader, ma_utf8_seq on the text a NUL ends
	 * there, and ma_utf8_valid agree with the table */
	for (unsigned b0 = 0; b0 < 256; b0++)
		for (unsigned b1 = 0; b1 < 256; b1++)
			for (size_t t = 0; t < sizeof tail * sizeof tail; t++) {
				b[0] = (unsigned char)b0;
				b[1] = (unsigned char)b1;
				b[2] = tail[t % sizeof tail];
				b[3] = tail[t / sizeof tail];
				b[4] = 0;
				for (size_t n = 1; n <= 4; n++) {
					uint32_t want_cp = 0, cp = 0;
					size_t want = utf8_table_3_7(b, n, &want_cp);
					size_t k = ma_utf8_read(b, n, &cp);
					if (k != want || (k && cp != want_cp))
						fail_msg("%02x %02x %02x %02x (%zu bytes): read "
						         "%zu U+%04X, "
						         "want %zu U+%04X",
						         b[0], b[1], b[2], b[3], n, k, (unsigned)cp,
						         want, (unsigned)want_cp);
					if (n == 4)
						assert_int_equal(ma_utf8_seq(b), want);
					if (want == n || want == 0)
						assert_int_equal(ma_utf8_valid((const char *)b, n),
						                 want == n);
				}
			}
}

static int json_verdict(const char *body, size_t bl, int want_add, const char *sql)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(BLOCK_ALL, 3, err, sizeof err);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/search", .policy = p};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_json(r, body, bl), want_add);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* A body that jansson refuses but an application's parser reads, each
 * checked with the real parser and sqlite3 (every row counted): json-c
 * (libjson-c5) reads all of these but the byte order mark, which
 * Python's json.loads takes from the body's bytes; Python reads the
 * numbers, NaN and the lone surrogates too. With nothing added, the
 * attack in q was not found. They still answer MOAT_AGENT_EINVAL (not
 * JSON to the library), with their fields added. A repeated name is JSON
 * (0): cJSON's lookup gives the first, jansson kept the last. */
static void a_body_jansson_refuses_still_gives_its_fields(void **state)
{
	static const char *const refused[] = {
	    "{\"n\":1e999,\"q\":\"x' OR 1=1--\"}",
	    "{\"n\":123456789012345678901234567890,\"q\":\"x' OR 1=1--\"}",
	    "{\"z\":\"\\ud800\",\"q\":\"x' OR 1=1--\"}",
	    "{\"z\":\"a\\udc00b\",\"q\":\"x' OR 1=1--\"}",
	    "{\"z\":NaN,\"q\":\"x' OR 1=1--\"}",
	    "{\"z\":-Infinity,\"q\":\"x' OR 1=1--\"}",
	    "{\"z\":\"\xff\",\"q\":\"x' OR 1=1--\"}",
	    "{\"q\":\"x' OR 1=1--\"} trailing",
	    "{\"q\":\"x' OR 1=1--\",}",
	    "{/* c */\"q\":\"x' OR 1=1--\"}",
	    "{'q':\"x' OR 1=1--\"}",
	    "\xef\xbb\xbf{\"q\":\"x' OR 1=1--\"}",
	    "{\"a\":[1,{\"b\":NaN}],\"q\":\"x' OR 1=1--\"}",
	    "{\"q\":\"x' OR 1=1--\ttab\"}",
	};
	static const char sql[] = "SELECT * FROM t WHERE name='x' OR 1=1--'";
	static const char tab[] = "SELECT * FROM t WHERE name='x' OR 1=1--\ttab'";

	(void)state;
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		const char *op = strstr(refused[i], "\\t") || strchr(refused[i], '\t') ? tab : sql;
		if (json_verdict(refused[i], strlen(refused[i]), MOAT_AGENT_EINVAL, op) !=
		    MOAT_BLOCK)
			fail_msg("allowed: %s", refused[i]);
	}
	/* the first of two, and the second */
	static const char dup[] = "{\"q\":\"x' OR 1=1--\",\"q\":\"bob\"}";
	static const char dup2[] = "{\"q\":\"bob\",\"q\":\"x' OR 1=1--\"}";
	assert_int_equal(json_verdict(dup, sizeof dup - 1, 0, sql), MOAT_BLOCK);
	assert_int_equal(json_verdict(dup2, sizeof dup2 - 1, 0, sql), MOAT_BLOCK);
	/* benign: the same bodies with an ordinary name stay allowed */
	static const char ok[] = "{\"n\":1e999,\"z\":NaN,\"q\":\"O'Brien\"}";
	assert_int_equal(json_verdict(ok, sizeof ok - 1, MOAT_AGENT_EINVAL,
	                              "SELECT * FROM t WHERE name='O''Brien'"),
	                 MOAT_ALLOW);
	assert_int_equal(json_verdict(ok, sizeof ok - 1, MOAT_AGENT_EINVAL,
	                              "SELECT * FROM t WHERE n=1e999 AND name='x'"),
	                 MOAT_ALLOW);
}

/* A value whose bytes are not UTF-8 (a JSON body or query in Latin-1):
 * Python's json.loads refuses the body, but Node's JSON.parse of
 * buf.toString(), Go's encoding/json and Python's parse_qs and unquote
 * (for a query) make each bad byte U+FFFD, and Spring's Jackson reads a
 * body sent with charset=ISO-8859-1 as Latin-1 (`\xe9` is é): each
 * checked with node and python3; sqlite3 counts every row with either. */
static void a_value_that_is_not_utf8_is_found_as_decoded(void **state)
{
	static const char body[] = "{\"q\":\"\xe9' OR 1=1--\"}";
	static const char ok[] = "{\"q\":\"Ren\xe9 O'Brien\"}";
	static const struct probe attacks[] = {
	    {SQLITE, "x%E9%27%20or%201=1--",
	     "SELECT * FROM t WHERE name='x\xef\xbf\xbd' or 1=1--'"},
	    {SQLITE, "x\xe9' or 1=1--", "SELECT * FROM t WHERE name='x\xef\xbf\xbd' or 1=1--'"},
	    {SQLITE, "x\xe9' or 1=1--", "SELECT * FROM t WHERE name='x\xc3\xa9' or 1=1--'"},
	    {SHELL, "a\xff;id", "ls a\xef\xbf\xbd;id"},
	};
	static const struct probe benign[] = {
	    {SQLITE, "Ren\xe9", "SELECT * FROM t WHERE name='Ren\xef\xbf\xbd'"},
	    {SQLITE, "Ren\xe9 O'Brien", "SELECT * FROM t WHERE name='Ren\xc3\xa9 O''Brien'"},
	    {SHELL, "caf\xe9 menu.txt", "ls 'caf\xc3\xa9 menu.txt'"},
	};

	(void)state;
	assert_int_equal(json_verdict(body, sizeof body - 1, MOAT_AGENT_EINVAL,
	                              "SELECT * FROM t WHERE name='\xef\xbf\xbd' OR 1=1--'"),
	                 MOAT_BLOCK);
	assert_int_equal(json_verdict(body, sizeof body - 1, MOAT_AGENT_EINVAL,
	                              "SELECT * FROM t WHERE name='\xc3\xa9' OR 1=1--'"),
	                 MOAT_BLOCK);
	assert_int_equal(json_verdict(ok, sizeof ok - 1, MOAT_AGENT_EINVAL,
	                              "SELECT * FROM t WHERE name='Ren\xc3\xa9 O''Brien'"),
	                 MOAT_ALLOW);
	expect(attacks, sizeof attacks / sizeof attacks[0], MOAT_BLOCK);
	expect(benign, sizeof benign / sizeof benign[0], MOAT_ALLOW);
	/* the two forms, and none for valid UTF-8 (the NFKC test's) */
	struct moat_request_info ri = {.method = "GET", .endpoint = "/"};
	struct moat_request *r = NULL;
	size_t n;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "\xff\xfe b", 4), 0);
	const struct ma_input *in = ma_request_inputs(r, &n);
	assert_int_equal(forms_unfolded(in), 3);
	assert_string_equal(in->form_name[1], "fffd");
	assert_memory_equal(in->form[1], "\xef\xbf\xbd\xef\xbf\xbd b", 8);
	assert_string_equal(in->form_name[2], "latin1");
	assert_memory_equal(in->form[2], "\xc3\xbf\xc3\xbe b", 6);
	moat_request_end(r);
}

/* text (ASCII or 0xC3 0xA9, é) as UTF-16 or UTF-32 into out, with a
 * byte order mark when bom; returns the length. */
static size_t utf16_32(const char *text, int unit, int be, int bom, char *out)
{
	size_t o = 0;
	unsigned long cps[256];
	size_t n = 0;

	if (bom)
		cps[n++] = 0xFEFF;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == 0xC3 && p[1]) {
			cps[n++] = 0xC0 | (p[1] & 0x3F);
			p++;
		} else {
			cps[n++] = *p;
		}
	}
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < unit; k++) {
			int shift = 8 * (be ? unit - 1 - k : k);
			out[o++] = (char)((cps[i] >> shift) & 0xFF);
		}
	return o;
}

/* Python's json.loads takes a body's bytes in UTF-16 or UTF-32 (with or
 * without a byte order mark: it looks where the first bytes are NULs):
 * `json.loads('{"q":"x\' OR 1=1--"}'.encode('utf-16-le'))` gives q. */
static void a_body_in_utf16_or_utf32_gives_its_fields(void **state)
{
	static const char sql[] = "SELECT * FROM t WHERE name='x' OR 1=1--'";
	static const char ok[] = "SELECT * FROM t WHERE name='Ren\xc3\xa9 O''Brien'";
	char body[1024];

	(void)state;
	for (int unit = 2; unit <= 4; unit += 2)
		for (int be = 0; be <= 1; be++)
			for (int bom = 0; bom <= 1; bom++) {
				size_t n = utf16_32("{\"q\":\"x' OR 1=1--\"}", unit, be, bom, body);
				assert_int_equal(json_verdict(body, n, MOAT_AGENT_EINVAL, sql),
				                 MOAT_BLOCK);
				n = utf16_32("{\"q\":\"Ren\xc3\xa9 O'Brien\"}", unit, be, bom,
				             body);
				assert_int_equal(json_verdict(body, n, MOAT_AGENT_EINVAL, ok),
				                 MOAT_ALLOW);
			}
}

/* The lenient reading names its inputs as jansson's walk does, and a
 * valid body is read by jansson alone (the same inputs as before). */
static void the_lenient_reading_names_inputs_as_jansson_does(void **state)
{
	static const char body[] =
	    "{\"user\":{\"name\":\"ann\",\"tags\":[\"a\",{\"k\":\"v\"},[1,2]]},\"n\":2,\"t\":true}";
	char bad[sizeof body + 8];
	struct moat_request_info ri = {.method = "POST", .endpoint = "/"};
	struct moat_request *r1 = NULL, *r2 = NULL;
	size_t n1, n2;

	(void)state;
	/* the same body made invalid by a comma before its last brace:
	 * json-c reads it whole */
	memcpy(bad, body, sizeof body - 2);
	memcpy(bad + sizeof body - 2, ",}", 3);
	assert_int_equal(moat_request_begin(NULL, &ri, &r1), MOAT_ALLOW);
	assert_int_equal(moat_request_begin(NULL, &ri, &r2), MOAT_ALLOW);
	assert_int_equal(moat_request_add_json(r1, body, sizeof body - 1), 0);
	assert_int_equal(moat_request_add_json(r2, bad, strlen(bad)), MOAT_AGENT_EINVAL);
	const struct ma_input *a = ma_request_inputs(r1, &n1);
	const struct ma_input *b = ma_request_inputs(r2, &n2);
	/* the same inputs (jansson's walk adds a container before its
	 * members, the lenient one after them) */
	assert_int_equal(n1, n2);
	int used[32] = {0};
	assert_true(n1 <= 32);
	for (size_t i = 0; i < n1; i++) {
		size_t k = 0;
		while (k < n2 && (used[k] || strcmp(a[i].param, b[k].param) != 0 ||
		                  a[i].structured != b[k].structured ||
		                  a[i].form_len[0] != b[k].form_len[0] ||
		                  memcmp(a[i].form[0], b[k].form[0], a[i].form_len[0]) != 0))
			k++;
		if (k == n2)
			fail_msg("%s = %s not read leniently", a[i].param, a[i].form[0]);
		used[k] = 1;
	}
	moat_request_end(r1);
	moat_request_end(r2);
}

/* Whatever the bytes, the lenient reading ends, stays in its buffers and
 * adds at most 1,000 inputs. */
static void the_lenient_reading_reads_any_bytes(void **state)
{
	static const char pieces[] = "{}[]\"'\\:,/*u0dD8CfF1e9 \n";
	char s[300];
	uint64_t seed = 5;

	(void)state;
	for (int round = 0; round < 3000; round++) {
		struct moat_request_info ri = {.method = "POST", .endpoint = "/"};
		struct moat_request *r = NULL;
		size_t n = at_rnd(&seed, sizeof s);
		for (size_t i = 0; i < n; i++)
			s[i] = at_rnd(&seed, 8) ? pieces[at_rnd(&seed, sizeof pieces - 1)]
			                        : (char)at_rnd(&seed, 256);
		assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
		assert_int_equal(ma_request_json_lenient(r, s, n), 0);
		assert_true(moat_request_input_count(r) <= 1000);
		moat_request_end(r);
	}
}

/* ma_url_decode_keep_plus is ma_url_decode with '+' left alone. */
static void keeping_plus_changes_only_the_plus(void **state)
{
	static const char specials[] = "%+uU0a2BbC0c1dDfF8";
	unsigned char in[64], got[64], want[64];
	uint64_t seed = 11;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t n = at_rnd(&seed, sizeof in);
		for (size_t i = 0; i < n; i++)
			in[i] = at_rnd(&seed, 4)
			            ? (unsigned char)specials[at_rnd(&seed, sizeof specials - 1)]
			            : (unsigned char)at_rnd(&seed, 256);
		size_t gl = ma_url_decode_keep_plus((const char *)in, n, (char *)got);
		size_t wl = ref_url_decode_as(in, n, want, 0);
		assert_int_equal(gl, wl);
		assert_memory_equal(got, want, gl);
	}
}

/* A value's URL forms are the distinct ones of: the raw value, decoded
 * once and twice with '+' as a space (each when there is a '%' or '+' to
 * decode), and with '+' kept (each when there is a '%'): whatever
 * ma_add_input takes from one chain for the other. */
static void the_url_forms_are_both_chains_once_and_twice(void **state)
{
	/* pieces that decode to '+', '%' or a quote once or twice, some rounds
	 * without a written '+' */
	static const char *const pieces[] = {"%2B",    "%2b", "+",      "%25",   "%27",
	                                     "%",      "a",   "'",      " ",     "%252B",
	                                     "%u002B", "%2",  "%C0%AB", "%u0025"};
	unsigned char v[64], f[5][64];
	size_t fl[5];
	uint64_t seed = 29;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		struct moat_request_info ri = {.method = "GET", .endpoint = "/"};
		struct moat_request *r = NULL;
		size_t n = 0, nf = 1, want = 1 + at_rnd(&seed, 8);
		int noplus = round % 2;
		for (size_t i = 0; i < want; i++) {
			const char *p = pieces[at_rnd(&seed, sizeof pieces / sizeof pieces[0])];
			size_t pl = strlen(p);
			if (noplus && !strcmp(p, "+"))
				continue;
			memcpy(v + n, p, pl);
			n += pl;
		}
		if (n == 0)
			continue;
		memcpy(f[0], v, n);
		fl[0] = n;
		for (int plus = 1; plus >= 0; plus--) {
			size_t src = 0;
			for (int k = 0; k < 2; k++) {
				if (!memchr(f[src], '%', fl[src]) &&
				    (!plus || !memchr(f[src], '+', fl[src])))
					break;
				fl[nf] = ref_url_decode_as(f[src], fl[src], f[nf], plus);
				src = nf++;
			}
		}
		assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_QUERY, "q", (const char *)v, n), 0);
		size_t nin;
		const struct ma_input *in = ma_request_inputs(r, &nin);
		/* every reference form is a form, and every url form a reference one */
		for (size_t i = 0; i < nf; i++) {
			int found = 0;
			for (int k = 0; k < in->nforms && !found; k++)
				found =
				    in->form_len[k] == fl[i] && !memcmp(in->form[k], f[i], fl[i]);
			if (!found)
				fail_msg("round %d: reference form %zu not made", round, i);
		}
		for (int k = 0; k < in->nforms; k++) {
			int found = 0;
			if (strcmp(in->form_name[k], "raw") && strcmp(in->form_name[k], "url") &&
			    strcmp(in->form_name[k], "url2") &&
			    strcmp(in->form_name[k], "rawurl") &&
			    strcmp(in->form_name[k], "rawurl2"))
				continue; /* not a URL form: NUL cuts, html, NFKC, U+FFFD */
			for (size_t i = 0; i < nf && !found; i++)
				found =
				    in->form_len[k] == fl[i] && !memcmp(in->form[k], f[i], fl[i]);
			if (!found)
				fail_msg("round %d: form %s is no reference form", round,
				         in->form_name[k]);
		}
		moat_request_end(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_value_decoded_with_plus_kept_is_found),
	    cmocka_unit_test(keeping_plus_changes_only_the_plus),
	    cmocka_unit_test(the_url_forms_are_both_chains_once_and_twice),
	    cmocka_unit_test(an_input_html_decoded_with_legacy_names_is_found),
	    cmocka_unit_test(an_input_nfkc_normalised_is_found),
	    cmocka_unit_test(the_nfkc_form_is_made_only_where_a_character_becomes_ascii),
	    cmocka_unit_test(the_utf8_reader_keeps_every_rule),
	    cmocka_unit_test(an_input_decoded_by_two_decoders_is_found),
	    cmocka_unit_test(an_input_decoded_by_three_decoders_is_found),
	    cmocka_unit_test(nfkc_after_html_url_and_rawurl2_is_found),
	    cmocka_unit_test(a_body_jansson_refuses_still_gives_its_fields),
	    cmocka_unit_test(a_value_that_is_not_utf8_is_found_as_decoded),
	    cmocka_unit_test(a_body_in_utf16_or_utf32_gives_its_fields),
	    cmocka_unit_test(the_lenient_reading_names_inputs_as_jansson_does),
	    cmocka_unit_test(the_lenient_reading_reads_any_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
