/* review24 (session 32) on h-misc9 2cd062c: nosql.field_path in more
 * places. The branch's new places fire on fresh documents ($lookup's
 * let, $unwind, $graphLookup's startWith, $setWindowFields' partitionBy;
 * $group's accumulators, $accumulator's accumulateArgs, $bucket's
 * groupBy, $merge's whenMatched pipeline, $unionWith's pipeline, an
 * update pipeline and an aggregate command: all blocked).
 *
 * Open: other places where MongoDB evaluates a "$field" string from the
 * user, still allowed on 2cd062c (and on main):
 *   - $fill's output value ({"$fill": {"output": {"nick": {"value": INPUT}}}},
 *     an expression since 5.3),
 *   - a find's projection ({"find": ..., "projection": {"nick": INPUT}})
 *     and findAndModify's fields: since 4.4 a projection takes
 *     aggregation expressions, so "$passwordHash" there copies the hash
 *     out under the name nick.
 * Twins: the same places with "unknown" or "$5 off" stay allowed.
 */
#include "agent_test.h"

static int nosql(const char *input, const char *fmt)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"nosql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/profile"};
	struct moat_request *r = NULL;
	char doc[1024];
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_JSON, "nick", input, strlen(input)),
	                 0);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(doc, sizeof doc, fmt, input);
#pragma GCC diagnostic pop
	v = moat_check_nosql(r, doc, strlen(doc));
	moat_request_end(r);
	return v;
}

static const char *const places[] = {
    "[{\"$fill\":{\"output\":{\"nick\":{\"value\":\"%s\"}}}}]",
    "{\"find\":\"users\",\"filter\":{\"name\":\"bob\"},\"projection\":{\"name\":1,\"nick\":\"%s\"}"
    "}",
    "{\"findAndModify\":\"users\",\"query\":{\"_id\":5},\"update\":{\"$set\":{\"seen\":1}},"
    "\"fields\":{\"nick\":\"%s\"}}",
};

static void a_field_path_in_a_fill_or_a_projection_fires(void **state)
{
	static const char *const attacks[] = {"$passwordHash", "$$ROOT", "$apiKeys.0"};
	int bad = 0;

	(void)state;
	for (size_t p = 0; p < sizeof places / sizeof places[0]; p++)
		for (size_t a = 0; a < sizeof attacks / sizeof attacks[0]; a++)
			if (nosql(attacks[a], places[p]) != MOAT_BLOCK) {
				print_message("allowed: %s in %s\n", attacks[a], places[p]);
				bad++;
			}
	assert_int_equal(bad, 0);
}

static void plain_text_in_the_same_places_is_allowed(void **state)
{
	/* misc9: "$5 off" dropped -- in these places MongoDB reads it as the
	 * field path "5 off" (as in $expr, nosql8); $literal keeps it text */
	static const char *const benign[] = {"unknown", "Bobby", "5 off"};

	(void)state;
	for (size_t p = 0; p < sizeof places / sizeof places[0]; p++)
		for (size_t b = 0; b < sizeof benign / sizeof benign[0]; b++)
			assert_int_equal(nosql(benign[b], places[p]), MOAT_ALLOW);
}

static void a_literal_or_an_elem_match_stays_allowed(void **state)
{
	(void)state;
	/* misc9's twins: $literal in a projection, a projection's
	 * $elemMatch filter, a "fields" key of a stored document */
	assert_int_equal(nosql("$5 off", "{\"find\":\"users\",\"projection\":{\"p\":"
	                                 "{\"$literal\":\"%s\"}}}"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("$5 off", "{\"find\":\"deals\",\"projection\":{\"items\":"
	                                 "{\"$elemMatch\":{\"promo\":\"%s\"}}}}"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("$5 off", "{\"insert\":\"notes\",\"documents\":[{\"fields\":"
	                                 "{\"tag\":\"%s\"}}]}"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_field_path_in_a_fill_or_a_projection_fires),
	    cmocka_unit_test(plain_text_in_the_same_places_is_allowed),
	    cmocka_unit_test(a_literal_or_an_elem_match_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
