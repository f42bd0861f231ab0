/* review22 (session 30): fail-open on main 1cd37e7. The xss check
 * judges the first 64 occurrences of an input in a page and stops: a
 * stored display name shown in 64 list items as text (harmless there,
 * and unchanged by HTML escaping: no quote, '<', '>' or '&') and once
 * more in an unquoted attribute is allowed (3 and 63 list items before
 * it: blocked). A user sets the count by posting 64 messages. The
 * README lists the bound as a cost; past it the check should fire (as
 * the path check's too-long readings and ssrf.too_long do), not pass. */
#include "agent_xss_test.h"

static char page_head[16384], page[16384];

/* appends the NUL-terminated x to b (cap bytes, *n used), or fails */
static void put(char *b, size_t cap, size_t *n, const char *x)
{
	size_t l = strlen(x);

	assert_true(*n + l < cap);
	memcpy(b + *n, x, l + 1);
	*n += l;
}

/* xss_page with room for a long page (agent_xss_test.h's holds 2 KB) */
static int long_page(const char *head, const char *input, const char *tail)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/page", .policy = pol};
	struct moat_request *r = NULL;
	size_t n = 0;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", input, strlen(input)), 0);
	put(page, sizeof page, &n, head);
	put(page, sizeof page, &n, input);
	put(page, sizeof page, &n, tail);
	v = moat_check_html(r, page, n);
	moat_request_end(r);
	return v;
}

static void an_input_judged_past_its_sixty_fourth_occurrence_fires(void **state)
{
	static const char *const input = "x onfocus=alert(1) autofocus";
	static const int counts[] = {3, 63, 64, 65, 200};
	int bad = 0;

	(void)state;
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		size_t n = 0;
		n += (size_t)snprintf(page_head + n, sizeof page_head - n, "<ul>");
		for (int i = 0; i < counts[k]; i++)
			n += (size_t)snprintf(page_head + n, sizeof page_head - n, "<li>%s</li>",
			                      input);
		snprintf(page_head + n, sizeof page_head - n, "</ul><input value=");
		if (long_page(page_head, input, ">") != MOAT_BLOCK) {
			print_message("allowed after %d list items\n", counts[k]);
			bad++;
		}
	}
	if (bad)
		fail_msg("%d of 5 pages allowed", bad);
}

/* The same bound in sql_injection and command_injection (README: "at
 * most 64 occurrences of each form of an input"): a search over 64
 * columns that puts the input inside each LIKE string, then once as a
 * number; 64 quoted copies in a command line, then one bare. 3 or 63
 * copies before it: blocked. */
static void sql_and_shell_inputs_past_the_sixty_fourth_occurrence_fire(void **state)
{
	static const int counts[] = {3, 63, 64, 100};
	char err[200];
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	                      "\"command_injection\":{\"mode\":\"block\"}}}",
	                      1, err, sizeof err);
	int bad = 0;

	(void)state;
	assert_non_null(p);
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		static const char *const sqlin = "1 OR 1=1", *const shin = "x;id";
		struct moat_request_info ri = {.method = "GET", .endpoint = "/s", .policy = p};
		struct moat_request *r = NULL;
		size_t n = 0;
		char num[32];

		put(page, sizeof page, &n, "SELECT * FROM t WHERE (");
		for (int i = 0; i < counts[k]; i++) {
			snprintf(num, sizeof num, "%sc%d", i ? " OR " : "", i);
			put(page, sizeof page, &n, num);
			put(page, sizeof page, &n, " LIKE '%");
			put(page, sizeof page, &n, sqlin);
			put(page, sizeof page, &n, "%'");
		}
		put(page, sizeof page, &n, ") AND id=");
		put(page, sizeof page, &n, sqlin);
		assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
		moat_request_add_input(r, MOAT_INPUT_QUERY, "q", sqlin, strlen(sqlin));
		if (moat_check_sql(r, MOAT_SQL_SQLITE, page, n) != MOAT_BLOCK) {
			print_message("sql allowed after %d copies\n", counts[k]);
			bad++;
		}
		moat_request_end(r);

		n = 0;
		put(page, sizeof page, &n, "echo");
		for (int i = 0; i < counts[k]; i++) {
			put(page, sizeof page, &n, " '");
			put(page, sizeof page, &n, shin);
			put(page, sizeof page, &n, "'");
		}
		put(page, sizeof page, &n, " && ls ");
		put(page, sizeof page, &n, shin);
		assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
		moat_request_add_input(r, MOAT_INPUT_QUERY, "q", shin, strlen(shin));
		if (moat_check_shell(r, page, n) != MOAT_BLOCK) {
			print_message("shell allowed after %d copies\n", counts[k]);
			bad++;
		}
		moat_request_end(r);
	}
	moat_policy_release(p);
	if (bad)
		fail_msg("%d of 8 checks allowed", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_input_judged_past_its_sixty_fourth_occurrence_fires),
	    cmocka_unit_test(sql_and_shell_inputs_past_the_sixty_fourth_occurrence_fire),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
