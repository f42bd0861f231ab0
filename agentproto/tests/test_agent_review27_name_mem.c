/* review27 (session 34) on main a020085: a parameter name's bracketed
 * segments (ma_add_name_segments, session 33: `sort[COL]` read as PHP,
 * Rails and qs read it) are each an input named by the WHOLE parameter
 * name, a copy of it per segment: a name of n segments of 3 bytes holds
 * n copies of 3n bytes -- quadratic in the name. Measured here (mallinfo2,
 * a driver over libmoatagent.a): a form field named `a` + 1,000 x `[']`
 * (3 KB) held 3.8 MB, + 10,000 x `[']` (30 KB) 312 MB, + 100,000 x
 * (300 KB, a small form body) was killed by the kernel's OOM killer on
 * this machine. One request of a few hundred KB takes the application's
 * process down (review26f's bound was on values inside inputs; names are
 * not counted). The bound in the test (64x the name's bytes, what
 * review26f allowed a JSON body) fails on a020085 at 4,000 segments
 * (12 KB name). Twin: an ordinary bracketed name holds little.
 */
#include "agent_test.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

static size_t held_for_name(const char *name)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/search"};
	struct moat_request *r = NULL;
	size_t before, after;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	before = mallinfo2().uordblks + mallinfo2().hblkhd;
	(void)moat_request_add_input(r, MOAT_INPUT_FORM, name, "asc", 3);
	after = mallinfo2().uordblks + mallinfo2().hblkhd;
	assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, "SELECT 1 FROM t ORDER BY id", 27),
	                 MOAT_ALLOW);
	moat_request_end(r);
	return after > before ? after - before : 0;
}

static void a_long_bracketed_name_holds_a_small_multiple_of_its_bytes(void **state)
{
	enum { N = 4000 };
	char *name = malloc(3 * (size_t)N + 8);
	size_t o = 0, h;

	(void)state;
	assert_non_null(name);
	memcpy(name, "sort", 4);
	o = 4;
	for (int i = 0; i < N; i++) {
		name[o++] = '[';
		name[o++] = '\'';
		name[o++] = ']';
	}
	name[o] = '\0';
	h = held_for_name(name);
	print_message("a name of %zu bytes: %zu bytes held\n", o, h);
	free(name);
	assert_true(h <= 64 * o + 65536);
}

static void an_ordinary_bracketed_name_holds_little(void **state)
{
	(void)state;
	assert_true(held_for_name("sort[created_at desc]") < 65536);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_long_bracketed_name_holds_a_small_multiple_of_its_bytes),
	    cmocka_unit_test(an_ordinary_bracketed_name_holds_little),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
