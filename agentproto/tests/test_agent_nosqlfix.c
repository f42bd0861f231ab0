/* nosqlfix (session 32): a $where body or a $regex pattern past 8 KB and
 * an input with escapes past 1 KB are judged whole (review24 round c on
 * main). Wordings of our own, and twins of the same shape that stay
 * allowed: a long escaped bio that stays inside its string, a long
 * filter whose escapes write no operator, a long search pattern.
 */
#include "agent_test.h"

static char doc[131072], in1[65536];

static int nosql1(const char *a)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"nosql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/notes/search"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_JSON, "note", a, strlen(a)), 0);
	v = moat_check_nosql(r, doc, strlen(doc));
	moat_request_end(r);
	return v;
}

static void fill(char *out, size_t n, const char *word)
{
	size_t wl = strlen(word), o = 0;

	while (o + wl <= n) {
		memcpy(out + o, word, wl);
		o += wl;
	}
	out[o] = '\0';
}

static void long_where_breakouts_in_other_words(void **state)
{
	static const char *const tails[] = {"\" || this.isAdmin || \"",
	                                    "\"; return true; var q = \"",
	                                    "\" || Date.now() > 0 || \""};

	(void)state;
	for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
		size_t o;
		fill(in1, 12000, "Grüße aus Köln, ");
		o = strlen(in1);
		snprintf(in1 + o, sizeof in1 - o, "%s", tails[t]);
		snprintf(doc, sizeof doc, "{$where: 'this.note == \"%s\"'}", in1);
		assert_int_equal(nosql1(in1), MOAT_BLOCK);
	}
	/* twin: the same long note, no quote of its own */
	fill(in1, 12000, "Grüße aus Köln, ");
	snprintf(doc, sizeof doc, "{$where: 'this.note == \"%s\"'}", in1);
	assert_int_equal(nosql1(in1), MOAT_ALLOW);
}

static void long_escaped_input_twins_stay_allowed(void **state)
{
	char pad[4096];

	(void)state;
	/* a bio of 3 KB with JSON line breaks, inside its $where string */
	fill(in1, 3000, "line of text\\n");
	snprintf(doc, sizeof doc, "{\"$where\":\"this.note == '%s'\"}", in1);
	assert_int_equal(nosql1(in1), MOAT_ALLOW);
	/* the same bio, then an escaped quote that closes the string */
	fill(in1, 3000, "line of text\\n");
	snprintf(in1 + strlen(in1), sizeof in1 - strlen(in1), "%s", "\\x27 || 1 == 1 || \\x27");
	snprintf(doc, sizeof doc, "{\"$where\":\"this.note == '%s'\"}", in1);
	assert_int_equal(nosql1(in1), MOAT_BLOCK);
	/* a long filter that names a price in dollars, no operator key */
	fill(pad, 2000, "x");
	snprintf(in1, sizeof in1, "{\"memo\":\"%s costs \\u0024 5\",\"gt\":\"\\u0031\"}", pad);
	snprintf(doc, sizeof doc, "{\"memo\":\"%s costs $ 5\",\"qty\":{\"$gt\":1}}", pad);
	assert_int_equal(nosql1(in1), MOAT_ALLOW);
	/* the operator written with \x24 and a key split by escapes */
	snprintf(in1, sizeof in1, "{\"memo\":\"%s\",\"qty\":{\"\\x24g\\u0074\":\"\"}}", pad);
	snprintf(doc, sizeof doc, "{\"memo\":\"%s\",\"qty\":{\"$gt\":\"\"}}", pad);
	assert_int_equal(nosql1(in1), MOAT_BLOCK);
}

static void long_regex_search_stays_allowed(void **state)
{
	(void)state;
	/* a long search the application anchors: letters only */
	fill(in1, 10000, "abc");
	snprintf(doc, sizeof doc, "{\"note\":{\"$regex\":\"^%s$\"}}", in1);
	assert_int_equal(nosql1(in1), MOAT_ALLOW);
	/* the same, the user alternates to everything */
	memcpy(in1 + strlen(in1), "|", 2);
	snprintf(doc, sizeof doc, "{\"note\":{\"$regex\":\"%s\"}}", in1);
	assert_int_equal(nosql1(in1), MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(long_where_breakouts_in_other_words),
	    cmocka_unit_test(long_escaped_input_twins_stay_allowed),
	    cmocka_unit_test(long_regex_search_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
