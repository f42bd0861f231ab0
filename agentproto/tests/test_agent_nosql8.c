/* nosql8 (session 31): review23's nosql findings on main ae71601, each test failing
 * there. Comments give each case's verdict on ae71601.
 *
 * 2. nosql: a $where body is judged at the input's first place only: a
 *    copy inside a JavaScript string first hides the live one after it.
 * 3. nosql: text pasted into the document is judged at its first 16
 *    places only (bound64's fail-open, left in ma_nosql.c).
 * 4. nosql: a user string that starts with '$' is a field path inside an
 *    aggregation expression ($expr, $project, $addFields, $concat...):
 *    `["$owner", INPUT]` with INPUT "$owner" compares a field with
 *    itself (true for every document); "$password" copies the field
 *    into the output.
 * 5. nosql: a mongo-shell `$where: function () { ... }` literal is a
 *    $where body, but only string bodies are read as JavaScript.
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

static struct moat_request *begin(void)
{
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x", .policy = pol()};
	struct moat_request *r = NULL;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	return r;
}

/* ---- nosql ---- */

/* The check of doc with one query input. */
static int nosql(const char *input, const char *doc)
{
	struct moat_request *r = begin();
	int v;

	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", input, strlen(input)), 0);
	v = moat_check_nosql(r, doc, strlen(doc));
	moat_request_end(r);
	return v;
}

/* The check of doc with a JSON body. */
static int nosql_body(const char *body, const char *doc)
{
	struct moat_request *r = begin();
	int v;

	assert_int_equal(moat_request_add_json(r, body, strlen(body)), 0);
	v = moat_check_nosql(r, doc, strlen(doc));
	moat_request_end(r);
	return v;
}

/* 2. the input in a $where string, then live code after it */
static void where_code_after_a_quoted_copy_fires(void **state)
{
	(void)state;
	/* alone: blocked on ae71601 */
	assert_int_equal(nosql("0||true", "{\"$where\": \"this.id == 0||true\"}"), MOAT_BLOCK);
	/* ae71601: allowed (the first place, in '...', is data; the second never judged) */
	assert_int_equal(nosql("0||true", "{\"$where\": \"this.name == '0||true' || this.id == "
	                                  "0||true\"}"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql("1; sleep(5000)", "{\"$where\": \"this.tag == '1; sleep(5000)' || "
	                                         "this.n == 1; sleep(5000)\"}"),
	                 MOAT_BLOCK);
	/* twin: both places data (allowed on ae71601) */
	assert_int_equal(nosql("0||true", "{\"$where\": \"this.name == '0||true' || this.nick == "
	                                  "'0||true'\"}"),
	                 MOAT_ALLOW);
}

/* 3. past the 16th place */
static void a_pasted_input_past_its_sixteenth_place_fires(void **state)
{
	static char doc[8192];
	const char *q = "1, $where: 'sleep(5000)'";
	int counts[] = {0, 15, 16, 40};

	(void)state;
	for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
		size_t n = (size_t)snprintf(doc, sizeof doc, "{$or: [");
		for (int i = 0; i < counts[c]; i++)
			n += (size_t)snprintf(doc + n, sizeof doc - n, "{f%d: \"%s\"}, ", i, q);
		snprintf(doc + n, sizeof doc - n, "{x: 1}], age: %s}", q);
		/* 0 and 15 copies: blocked on ae71601; 16 and 40: allowed */
		if (nosql(q, doc) != MOAT_BLOCK)
			fail_msg("%d quoted copies, then live: allowed", counts[c]);
	}
	/* twin: the 41 places all inside strings (allowed on ae71601) */
	{
		size_t n = (size_t)snprintf(doc, sizeof doc, "{$or: [");
		for (int i = 0; i < 40; i++)
			n += (size_t)snprintf(doc + n, sizeof doc - n, "{f%d: \"%s\"}, ", i, q);
		snprintf(doc + n, sizeof doc - n, "{x: 1}], note: \"%s\"}", q);
		assert_int_equal(nosql(q, doc), MOAT_ALLOW);
	}
}

/* 4. a field path in an aggregation expression */
static void a_field_path_from_the_user_in_an_expression_fires(void **state)
{
	(void)state;
	/* ae71601: each allowed */
	assert_int_equal(nosql("$owner", "{\"$expr\": {\"$eq\": [\"$owner\", \"$owner\"]}}"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql_body("{\"token\": \"$resetToken\"}",
	                            "[{\"$match\": {\"$expr\": {\"$eq\": [\"$resetToken\", "
	                            "\"$resetToken\"]}}}]"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql_body("{\"name\": \"$passwordHash\"}",
	                            "[{\"$project\": {\"greeting\": {\"$concat\": [\"Hello \", "
	                            "\"$passwordHash\"]}}}]"),
	                 MOAT_BLOCK);
	assert_int_equal(nosql("$$ROOT", "[{\"$addFields\": {\"label\": \"$$ROOT\"}}]"),
	                 MOAT_BLOCK);
	/* twins (allowed on ae71601): a plain filter's value is a string,
	 * "$owner" there matches the text; $literal keeps it a string; a
	 * value without '$' in an expression */
	assert_int_equal(nosql("$owner", "{\"tag\": \"$owner\"}"), MOAT_ALLOW);
	assert_int_equal(nosql("$5 off", "[{\"$match\": {\"promo\": \"$5 off\"}}]"), MOAT_ALLOW);
	assert_int_equal(nosql("$5 off", "{\"$expr\": {\"$eq\": [\"$promo\", {\"$literal\": \"$5 "
	                                 "off\"}]}}"),
	                 MOAT_ALLOW);
	assert_int_equal(nosql("alice", "{\"$expr\": {\"$eq\": [\"$owner\", \"alice\"]}}"),
	                 MOAT_ALLOW);
}

/* 5. a $where function literal in shell text */
static void code_in_a_where_function_literal_fires(void **state)
{
	(void)state;
	/* ae71601: allowed */
	assert_int_equal(
	    nosql("1 || true", "{$where: function() { return this.age == 1 || true }}"),
	    MOAT_BLOCK);
	assert_int_equal(nosql("1; while(true){}",
	                       "{$where: function() { return this.age == 1; while(true){} }}"),
	                 MOAT_BLOCK);
	/* the same input in the string form fires on ae71601 */
	assert_int_equal(nosql("1 || true", "{$where: 'return this.age == 1 || true'}"),
	                 MOAT_BLOCK);
	/* twin: a number (allowed on ae71601) */
	assert_int_equal(nosql("42", "{$where: function() { return this.age == 42 }}"), MOAT_ALLOW);
}

/* past the 64 places judged in full: a non-word form fails closed, a
 * word is one token wherever it lands (nosql8) */
static void past_sixty_four_places_fails_closed_unless_a_word(void **state)
{
	static char doc[16384];
	size_t n;

	(void)state;
	n = (size_t)snprintf(doc, sizeof doc, "{$and: [");
	for (int i = 0; i < 70; i++)
		n += (size_t)snprintf(doc + n, sizeof doc - n, "{k%d: 'grüne Äpfel'}, ", i);
	snprintf(doc + n, sizeof doc - n, "{z: 0}]}");
	assert_int_equal(nosql("grüne Äpfel", doc), MOAT_BLOCK);
	/* twin: a word, 70 times (each inside its string) */
	n = (size_t)snprintf(doc, sizeof doc, "{$and: [");
	for (int i = 0; i < 70; i++)
		n += (size_t)snprintf(doc + n, sizeof doc - n, "{k%d: 'Kiwi42'}, ", i);
	snprintf(doc + n, sizeof doc - n, "{z: 0}]}");
	assert_int_equal(nosql("Kiwi42", doc), MOAT_ALLOW);
	/* twin: a $where body that names the word 80 times */
	n = (size_t)snprintf(doc, sizeof doc, "{\"$where\": \"");
	for (int i = 0; i < 80; i++)
		n += (size_t)snprintf(doc + n, sizeof doc - n, "this.t%d == 'blue' || ", i);
	snprintf(doc + n, sizeof doc - n, "false\"}");
	assert_int_equal(nosql("blue", doc), MOAT_ALLOW);
}

/* the lead (session 31): the $regex check judged an input at its first 16
 * places only (the same bound): 20 copies the application escaped, then
 * a live one, passed on f8267a5 */
static int regex_after(int escaped, int live)
{
	char doc[2048];
	size_t o = (size_t)snprintf(doc, sizeof doc, "{\"name\":{\"$regex\":\"^(");

	for (int i = 0; i < escaped; i++)
		o += (size_t)snprintf(doc + o, sizeof doc - o, "\\\\.*x%d|", i);
	o += (size_t)snprintf(doc + o, sizeof doc - o, "%s)$\"}}", live ? ".*" : "y");
	assert_true(o < sizeof doc);
	return nosql(".*", doc);
}

static void a_regex_input_past_its_sixteenth_place_is_judged(void **state)
{
	(void)state;
	assert_int_equal(regex_after(0, 1), MOAT_BLOCK);
	assert_int_equal(regex_after(20, 1), MOAT_BLOCK);  /* f8267a5: allowed */
	assert_int_equal(regex_after(100, 1), MOAT_BLOCK); /* past 64: fails closed */
	/* twins: only escaped copies (the application's own text) */
	assert_int_equal(regex_after(3, 0), MOAT_ALLOW);
	assert_int_equal(regex_after(20, 0), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(where_code_after_a_quoted_copy_fires),
	    cmocka_unit_test(a_pasted_input_past_its_sixteenth_place_fires),
	    cmocka_unit_test(a_field_path_from_the_user_in_an_expression_fires),
	    cmocka_unit_test(code_in_a_where_function_literal_fires),
	    cmocka_unit_test(past_sixty_four_places_fails_closed_unless_a_word),
	    cmocka_unit_test(a_regex_input_past_its_sixteenth_place_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
