/* misc9 (session 32): nosql.field_path in the places of a pipeline that
 * evaluate a "$field" string besides the expression stages nosql8 listed.
 * By MongoDB's documentation:
 *   - $lookup's (and $merge's) `let`: { <var>: <expression> } — yes;
 *   - $unwind's path (or its string form {$unwind: "$tags"}): a field
 *     path that must start with '$' — yes;
 *   - $graphLookup's startWith: an expression — yes; its
 *     restrictSearchWithMatch is a query filter (no, without $expr);
 *   - $group's _id: an expression — already read ($group's values);
 *   - $setWindowFields: partitionBy and its windows' operands are
 *     expressions — yes (read here too);
 *   - $sort's keys are field names, its values 1, -1 or {$meta} — no
 *     string there is evaluated;
 *   - $facet's sub-pipelines and $unionWith's / $lookup's pipelines: the
 *     stages in them are read by their own keys.
 * Comments give each case's verdict on main fb8d351.
 */
#include "agent_test.h"

static const struct moat_policy *pol(void)
{
	static const struct moat_policy *p;

	if (!p)
		p = moat_policy_parse("{\"interceptors\":{"
		                      "\"nosql_injection\":{\"mode\":\"block\"}}}",
		                      1, NULL, 0);
	assert_non_null(p);
	return p;
}

/* The check of doc with one query input. */
static int nosql(const char *input, const char *doc)
{
	struct moat_request_info ri = {.method = "POST", .endpoint = "/report", .policy = pol()};
	struct moat_request *r = NULL;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "k", input, strlen(input)), 0);
	v = moat_check_nosql(r, doc, strlen(doc));
	moat_request_end(r);
	return v;
}

static void lookup_let_values_are_expressions(void **state)
{
	(void)state;
	/* fb8d351: allowed */
	assert_int_equal(nosql("$apiKey",
	                       "[{\"$lookup\": {\"from\": \"orders\", \"let\": {\"who\": "
	                       "\"$apiKey\"}, \"pipeline\": [{\"$match\": {\"$expr\": "
	                       "{\"$eq\": [\"$buyer\", \"$$who\"]}}}], \"as\": \"o\"}}]"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql("$$ROOT", "[{$lookup: {from: 'audit', let: {ctx: '$$ROOT'}, "
	                                 "pipeline: [], as: 'trail'}}]"),
	                 MOAT_BLOCK);
	/* a subpath of the user's field */
	assert_int_equal(nosql("$profile", "[{\"$merge\": {\"into\": \"copy\", \"let\": {\"src\": "
	                                   "\"$profile.secret\"}, \"whenMatched\": [{\"$set\": "
	                                   "{\"s\": \"$$src\"}}]}}]"),
	                 MOAT_BLOCK);
	/* twins: a plain value, $literal, a price; the sub-pipeline's plain
	 * $match compares text */
	assert_int_equal(nosql("bob", "[{\"$lookup\": {\"from\": \"orders\", \"let\": {\"who\": "
	                              "\"bob\"}, \"pipeline\": [], \"as\": \"o\"}}]"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("$5", "[{\"$lookup\": {\"from\": \"items\", \"let\": {\"p\": "
	                             "{\"$literal\": \"$5\"}}, \"pipeline\": [], \"as\": \"i\"}}]"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("$5",
	                       "[{\"$lookup\": {\"from\": \"items\", \"let\": {\"id\": "
	                       "\"$_id\"}, \"pipeline\": [{\"$match\": {\"price\": \"$5\"}}], "
	                       "\"as\": \"i\"}}]"),
	                 MOAT_ALLOW);
	/* a "let" key elsewhere is data */
	assert_int_equal(nosql("$5", "{\"let\": {\"price\": \"$5\"}}"), MOAT_ALLOW);
}

static void unwind_path_is_a_field_path(void **state)
{
	(void)state;
	/* fb8d351: allowed */
	assert_int_equal(nosql("$sessions", "[{\"$unwind\": \"$sessions\"}]"), MOAT_BLOCK);
	assert_int_equal(nosql("$tokens", "[{\"$unwind\": {\"path\": \"$tokens\", "
	                                  "\"preserveNullAndEmptyArrays\": true}}]"),
	                 MOAT_BLOCK);
	/* twins: the index field's name, a "path" key in a filter */
	assert_int_equal(nosql("pos", "[{\"$unwind\": {\"path\": \"$tags\", \"includeArrayIndex\": "
	                              "\"pos\"}}]"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("$HOME/bin", "{\"path\": \"$HOME/bin\"}"), MOAT_ALLOW);
}

static void graph_lookup_start_with_is_an_expression(void **state)
{
	(void)state;
	/* fb8d351: allowed */
	assert_int_equal(nosql("$managerSsn",
	                       "[{\"$graphLookup\": {\"from\": \"staff\", "
	                       "\"startWith\": \"$managerSsn\", \"connectFromField\": "
	                       "\"boss\", \"connectToField\": \"name\", \"as\": "
	                       "\"chain\"}}]"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql("$reportsTo", "[{$graphLookup: {from: 'staff', startWith: {$concat: "
	                                     "['x', '$reportsTo']}, connectFromField: 'b', "
	                                     "connectToField: 'n', as: 'c'}}]"),
	                 MOAT_BLOCK);
	/* twins: plain value; restrictSearchWithMatch is a filter */
	assert_int_equal(nosql("Dana", "[{\"$graphLookup\": {\"from\": \"staff\", \"startWith\": "
	                               "\"Dana\", \"connectFromField\": \"boss\", "
	                               "\"connectToField\": \"name\", \"as\": \"c\"}}]"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("$5", "[{\"$graphLookup\": {\"from\": \"parts\", \"startWith\": "
	                             "\"$kit\", \"connectFromField\": \"sub\", \"connectToField\": "
	                             "\"id\", \"as\": \"c\", \"restrictSearchWithMatch\": "
	                             "{\"price\": \"$5\"}}}]"),
	                 MOAT_ALLOW);
}

/* Read already on main: the test keeps them so. */
static void group_ids_sub_pipelines_and_sort(void **state)
{
	(void)state;
	assert_int_equal(nosql("$password", "[{\"$group\": {\"_id\": \"$password\", \"n\": "
	                                    "{\"$sum\": 1}}}]"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql("$ssn", "[{\"$facet\": {\"byKey\": [{\"$project\": {\"k\": "
	                               "\"$ssn\"}}]}}]"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql("$ssn", "[{\"$unionWith\": {\"coll\": \"archive\", \"pipeline\": "
	                               "[{\"$set\": {\"k\": \"$ssn\"}}]}}]"),
	                 MOAT_BLOCK);
	/* $setWindowFields: partitionBy and the windows' operands are
	 * expressions (fb8d351: allowed) */
	assert_int_equal(nosql("$salary", "[{\"$setWindowFields\": {\"partitionBy\": "
	                                  "\"$salary\", \"sortBy\": {\"hired\": 1}, \"output\": "
	                                  "{\"n\": {\"$count\": {}}}}}]"),
	                 MOAT_BLOCK);
	/* twins: $group's _id a literal; $sort values; a facet's $match */
	assert_int_equal(nosql("$5", "[{\"$group\": {\"_id\": {\"$literal\": \"$5\"}, \"n\": "
	                             "{\"$sum\": 1}}}]"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("$5", "[{\"$facet\": {\"cheap\": [{\"$match\": {\"price\": "
	                             "\"$5\"}}]}}, {\"$sort\": {\"price\": 1}}]"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(lookup_let_values_are_expressions),
	    cmocka_unit_test(unwind_path_is_a_field_path),
	    cmocka_unit_test(graph_lookup_start_with_is_an_expression),
	    cmocka_unit_test(group_ids_sub_pipelines_and_sort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
