/* review24 (session 32), round c on main fb8d351: nosql's 8 KB bound
 * (MA_NS_JS_MAX, "a $where body beyond this is judged on its start")
 * fails open. Each test fails on fb8d351.
 *
 * 1. $where: the code an input adds past the body's first 8,192 bytes is
 *    not judged -- one input of 9,000 harmless bytes and then `' ||
 *    sleep(5000) || '`, or a harmless 9,000-byte field (a bio) pasted
 *    before the field that breaks out: allowed (10 bytes of padding:
 *    blocked, nosql.js_injection). MongoDB runs the whole body.
 * 2. $regex: the same for a pattern: `^` + 9,000 letters + `.*` (or
 *    `|.*`) matches what the application meant to pin; allowed past 8 KB
 *    (10 letters: blocked).
 * 3. MA_NS_IN_MAX (1,024 bytes of an input read with its escapes
 *    decoded): an input longer than that is not decoded, so an operator
 *    or a quote it writes as a JSON escape is not seen -- a filter string
 *    the application parses, `{"pad":"<1,100 a>","user":"admin","pass":
 *    {"\u0024ne":""}}`, and `<1,100 a>\u0027 || sleep(5000) || \u0027`
 *    pasted into a $where string: allowed (10 bytes of padding: blocked;
 *    `$ne` written plainly after the same padding: blocked).
 */
#include "agent_test.h"

static char doc[262144], in1[65536], in2[32768];

static int nosql(const char *a, const char *b)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"nosql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/users/find"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_JSON, "bio", a, strlen(a)), 0);
	if (b)
		assert_int_equal(moat_request_add_input(r, MOAT_INPUT_JSON, "name", b, strlen(b)),
		                 0);
	v = moat_check_nosql(r, doc, strlen(doc));
	moat_request_end(r);
	return v;
}

static void pad(char *out, size_t n, const char *word, const char *tail)
{
	size_t wl = strlen(word), o = 0;

	while (o + wl <= n) {
		memcpy(out + o, word, wl);
		o += wl;
	}
	memcpy(out + o, tail, strlen(tail) + 1);
}

static void where_code_past_eight_kilobytes_is_judged(void **state)
{
	static const size_t lens[] = {10, 8000, 9000, 20000};
	static const char *const tails[] = {"' || sleep(5000) || '", "' || true || '",
	                                    "'; while (true) {} var z = '"};

	(void)state;
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
		for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
			/* one long input */
			pad(in1, lens[i], "lorem ", tails[t]);
			snprintf(doc, sizeof doc, "{\"$where\":\"this.name == '%s'\"}", in1);
			if (nosql(in1, NULL) != MOAT_BLOCK)
				fail_msg("allowed: %zu bytes then %s", lens[i], tails[t]);
			/* a long harmless field first */
			pad(in1, lens[i], "lorem ", "");
			snprintf(in2, sizeof in2, "x%s", tails[t]);
			snprintf(doc, sizeof doc,
			         "{\"$where\":\"this.bio == '%s' && this.name == '%s'\"}", in1,
			         in2);
			if (nosql(in1, in2) != MOAT_BLOCK)
				fail_msg("allowed after a %zu-byte field: %s", lens[i], tails[t]);
		}
	/* twins: the same bodies with harmless values */
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		pad(in1, lens[i], "lorem ", "");
		snprintf(doc, sizeof doc, "{\"$where\":\"this.bio == '%s' && this.name == 'Bob'\"}",
		         in1);
		assert_int_equal(nosql(in1, "Bob"), MOAT_ALLOW);
	}
}

static void a_regex_past_eight_kilobytes_is_judged(void **state)
{
	static const size_t lens[] = {10, 9000, 20000};
	static const char *const tails[] = {".*", "|.*"};

	(void)state;
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
			pad(in1, lens[i], "a", tails[t]);
			snprintf(doc, sizeof doc, "{\"name\":{\"$regex\":\"^%s$\"}}", in1);
			if (nosql(in1, NULL) != MOAT_BLOCK)
				fail_msg("allowed: ^ + %zu letters + %s", lens[i], tails[t]);
		}
		pad(in1, lens[i], "a", "");
		snprintf(doc, sizeof doc, "{\"name\":{\"$regex\":\"^%s$\"}}", in1);
		assert_int_equal(nosql(in1, NULL), MOAT_ALLOW);
	}
}

static void an_escaped_operator_in_a_long_input_is_judged(void **state)
{
	static const size_t lens[] = {10, 900, 1100, 5000};

	(void)state;
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		/* the filter the application parses and sends */
		pad(in2, lens[i], "a", "");
		snprintf(in1, sizeof in1,
		         "{\"pad\":\"%s\",\"user\":\"admin\",\"pass\":{\"\\u0024ne\":\"\"}}", in2);
		snprintf(doc, sizeof doc,
		         "{\"pad\":\"%s\",\"user\":\"admin\",\"pass\":{\"$ne\":\"\"}}", in2);
		if (nosql(in1, NULL) != MOAT_BLOCK)
			fail_msg("allowed: \\u0024ne after %zu bytes", lens[i]);
		/* a quote written as an escape, pasted into $where */
		pad(in1, lens[i], "a", "\\u0027 || sleep(5000) || \\u0027");
		snprintf(doc, sizeof doc, "{\"$where\":\"this.name == '%s'\"}", in1);
		if (nosql(in1, NULL) != MOAT_BLOCK)
			fail_msg("allowed: \\u0027 after %zu bytes in $where", lens[i]);
		/* twin: the same long filter without an operator */
		snprintf(in1, sizeof in1,
		         "{\"pad\":\"%s\",\"user\":\"admin\",\"pass\":\"\\u0073ecret\"}", in2);
		snprintf(doc, sizeof doc, "{\"pad\":\"%s\",\"user\":\"admin\",\"pass\":\"secret\"}",
		         in2);
		assert_int_equal(nosql(in1, NULL), MOAT_ALLOW);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(where_code_past_eight_kilobytes_is_judged),
	    cmocka_unit_test(a_regex_past_eight_kilobytes_is_judged),
	    cmocka_unit_test(an_escaped_operator_in_a_long_input_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
