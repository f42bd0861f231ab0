/* derived (session 34): a bracketed parameter name's segments after
 * review27h. Each segment input is named by a label (the name's part
 * before its first '[' and a few bytes more), a name's segments are read
 * one by one up to 64 and the rest is one input (qs keeps a deep name's
 * rest as one key): memory linear in the name. A payload among the first
 * segments still blocks; benign long names stay allowed.
 */
#include "agent_test.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

static int run(const char *name, const char *op, size_t *held)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/list"};
	struct moat_request *r = NULL;
	size_t before, after;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	before = mallinfo2().uordblks + mallinfo2().hblkhd;
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, name, "desc", 4), 0);
	after = mallinfo2().uordblks + mallinfo2().hblkhd;
	v = moat_check_sql(r, MOAT_SQL_POSTGRES, op, strlen(op));
	moat_request_end(r);
	if (held)
		*held = after > before ? after - before : 0;
	return v;
}

/* "order" + n segments of seg, with hit as segment number at (or none) */
static char *name_of(const char *seg, int n, int at, const char *hit)
{
	size_t sl = strlen(seg), hl = strlen(hit), o = 5;
	char *s = malloc(5 + (size_t)n * (sl + 2) + hl + 3);

	assert_non_null(s);
	memcpy(s, "order", 5);
	for (int i = 0; i < n; i++) {
		const char *x = i == at ? hit : seg;
		size_t xl = i == at ? hl : sl;
		s[o++] = '[';
		memcpy(s + o, x, xl);
		o += xl;
		s[o++] = ']';
	}
	s[o] = '\0';
	return s;
}

static void a_payload_among_the_first_segments_blocks(void **state)
{
	const char *hit = "name) OR (1=1";
	char *n;
	size_t h;

	(void)state;
	n = name_of("a b", 40, 12, hit);
	assert_int_equal(run(n, "SELECT * FROM notes ORDER BY (name) OR (1=1) DESC", NULL),
	                 MOAT_BLOCK);
	free(n);
	n = name_of("x.y", 4000, 3, hit); /* 20 KB of name */
	assert_int_equal(run(n, "SELECT * FROM notes ORDER BY (name) OR (1=1) DESC", &h),
	                 MOAT_BLOCK);
	print_message("a name of %zu bytes: %zu bytes held\n", strlen(n), h);
	assert_true(h <= 16 * strlen(n) + 65536);
	free(n);
}

static void long_benign_names_stay_allowed_and_small(void **state)
{
	char *n = name_of("créé le", 3000, -1, "");
	size_t h;

	(void)state;
	assert_int_equal(run(n, "SELECT * FROM notes ORDER BY created_at DESC", &h), MOAT_ALLOW);
	print_message("a name of %zu bytes: %zu bytes held\n", strlen(n), h);
	assert_true(h <= 16 * strlen(n) + 65536);
	free(n);
	assert_int_equal(run("sort[created at]", "SELECT * FROM notes ORDER BY created_at", NULL),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_payload_among_the_first_segments_blocks),
	    cmocka_unit_test(long_benign_names_stay_allowed_and_small),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
