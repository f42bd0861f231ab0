/* libmoatagent: the nosql_injection check — operators supplied by the
 * user (JSON bodies, qs-style form fields, JSON parsed from a string),
 * text pasted into a query document, JavaScript injected into $where,
 * their encodings; and what must pass: operators the application wrote
 * around user values, "$ne" as a search word, apostrophes and ordinary
 * text. */
#include "agent_test.h"

static const struct moat_policy *policy(const char *doc)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(doc, 3, err, sizeof err);
	if (!p)
		fail_msg("policy: %s", err);
	return p;
}

#define NOSQL_BLOCK "{\"interceptors\":{\"nosql_injection\":{\"mode\":\"block\"}}}"

static struct moat_request *begin(const struct moat_policy *p)
{
	struct moat_request_info ri = {.method = "POST", .endpoint = "/login", .policy = p};
	struct moat_request *r = NULL;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	return r;
}

/* The check of query with one input (kind, name, value). */
static int check1(const struct moat_policy *p, int kind, const char *name, const char *value,
                  const char *query)
{
	struct moat_request *r = begin(p);
	int v;

	if (kind == MOAT_INPUT_JSON && !name)
		assert_int_equal(moat_request_add_json(r, value, strlen(value)), 0);
	else
		moat_request_add_input(r, kind, name, value, strlen(value));
	v = moat_check_nosql(r, query, strlen(query));
	moat_request_end(r);
	return v;
}

static void operators_from_the_user_are_blocked(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	struct moat_request *r;
	const struct moat_event *ev;
	const char *body = "{\"user\":\"admin\",\"pass\":{\"$ne\":\"\"}}";
	const char *q = "{\"user\":\"admin\",\"pass\":{\"$ne\":\"\"}}";

	(void)state;
	/* a JSON body: an object where the application expected a string */
	r = begin(p);
	assert_int_equal(moat_request_add_json(r, body, strlen(body)), 0);
	assert_int_equal(moat_check_nosql(r, q, strlen(q)), MOAT_BLOCK);
	ev = moat_request_event(r);
	assert_string_equal(ev->interceptor, "nosql_injection");
	assert_string_equal(ev->rule, "nosql.operator");
	assert_string_equal(ev->operation, q);
	assert_non_null(strstr(ev->details_json, "\"body.pass"));
	assert_non_null(strstr(ev->details_json, "\"operator\":\"$ne\""));
	moat_request_end(r);
	/* every operator family */
	assert_int_equal(
	    check1(p, MOAT_INPUT_JSON, NULL, "{\"age\":{\"$gt\":0}}", "{\"age\":{\"$gt\":0}}"),
	    MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL, "{\"u\":{\"$regex\":\"^a\"}}",
	                        "{\"u\":{\"$regex\":\"^a\"}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL, "{\"u\":{\"$in\":[\"a\",\"b\"]}}",
	                        "{\"u\":{\"$in\":[\"a\",\"b\"]}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL, "{\"$where\":\"sleep(5000)\"}",
	                        "{\"$where\":\"sleep(5000)\",\"u\":\"a\"}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL, "{\"f\":{\"$expr\":{\"$eq\":[1,1]}}}",
	                        "{\"f\":{\"$expr\":{\"$eq\":[1,1]}}}"),
	                 MOAT_BLOCK);
	/* qs / PHP style: user[$ne]=1 arrives as a form field named so */
	assert_int_equal(check1(p, MOAT_INPUT_FORM, "pass[$ne]", "1", "{\"pass\":{\"$ne\":\"1\"}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "u[$regex]", ".*", "{u: {$regex: '.*'}}"),
	                 MOAT_BLOCK);
	/* a string the application parsed as JSON (or as a shell object) */
	assert_int_equal(
	    check1(p, MOAT_INPUT_QUERY, "filter", "{\"$gt\": \"\"}", "{\"name\":{\"$gt\":\"\"}}"),
	    MOAT_BLOCK);
	assert_int_equal(
	    check1(p, MOAT_INPUT_QUERY, "filter", "{ $ne: 1 }", "{\"name\":{\"$ne\":1}}"),
	    MOAT_BLOCK);
	moat_policy_release(p);
}

static void text_pasted_into_the_document_is_blocked(void **state)
{
	static const struct {
		const char *in, *pre, *post;
	} cases[] = {
	    {"\", \"$ne\": \"", "{\"user\": \"", "\"}"},
	    {"a\", \"pass\": {\"$gt\": \"\"}, \"x\": \"", "{\"user\": \"", "\"}"},
	    {"', $where: '1 == 1", "{user: '", "'}"},
	    {"', $or: [ {}, { 'a':'a", "{user: '", "'} ]}"},
	    {"1, $where: '1 == 1'", "{age: ", "}"},
	    {"' } ], $comment:'x", "{$or: [ {user: '", "' } ]}"},
	};
	const struct moat_policy *p = policy(NOSQL_BLOCK);

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char q[512];
		snprintf(q, sizeof q, "%s%s%s", cases[i].pre, cases[i].in, cases[i].post);
		if (check1(p, MOAT_INPUT_QUERY, "user", cases[i].in, q) != MOAT_BLOCK)
			fail_msg("not blocked: %s", q);
	}
	moat_policy_release(p);
}

static void javascript_injected_into_where_is_blocked(void **state)
{
	static const struct {
		const char *in, *q;
	} cases[] = {
	    {"' || '1'=='1", "{\"$where\": \"this.user == '' || '1'=='1'\"}"},
	    {"'; return true; var x='", "{\"$where\": \"this.user == ''; return true; var x=''\"}"},
	    {"' && this.password.match(/.*/)//",
	     "{\"$where\": \"this.user == '' && this.password.match(/.*/)//'\"}"},
	    {"\";return(true);var xyz='a",
	     "{\"$where\": \"this.user == \\\"\\\";return(true);var xyz='a\\\"\"}"},
	    {"0;return true", "{\"$where\": \"this.age > 0;return true\"}"},
	    {"1 || 1==1", "{\"$where\": \"this.age > 1 || 1==1\"}"},
	    {"';sleep(5000);'", "{\"$where\": \"this.user == '';sleep(5000);''\"}"},
	    {"'+function(){while(1){}}()+'",
	     "{\"$where\": \"this.user == ''+function(){while(1){}}()+''\"}"},
	    /* mapReduce / $function bodies are JavaScript too */
	    {"'; return 1; //",
	     "{\"$function\": {\"body\": \"function() { return this.u == ''; return 1; //' }\", "
	     "\"args\": [], \"lang\": \"js\"}}"},
	};
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	struct moat_request *r;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (check1(p, MOAT_INPUT_QUERY, "user", cases[i].in, cases[i].q) != MOAT_BLOCK)
			fail_msg("not blocked: %s", cases[i].q);
	/* URL-encoded in the request, decoded by the application */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "'%20%7C%7C%20'1'%3D%3D'1",
	                        "{\"$where\": \"this.user == '' || '1'=='1'\"}"),
	                 MOAT_BLOCK);
	r = begin(p);
	moat_request_add_input(r, MOAT_INPUT_QUERY, "user", "'; return true; //", 18);
	assert_int_equal(
	    moat_check_nosql(r, "{\"$where\": \"this.user == ''; return true; //'\"}", (size_t)-1),
	    MOAT_BLOCK);
	assert_string_equal(moat_request_event(r)->rule, "nosql.js_injection");
	assert_string_equal(moat_request_event(r)->severity, "critical");
	moat_request_end(r);
	moat_policy_release(p);
}

/* Operators that bind more loosely than the comparison an input sits in
 * (session 14's bypass hunt, redteam3: each passed): x == ''|'1' is
 * (x == '') | 1 and this.age > 1|1 is (this.age > 1) | 1, true for every
 * document; so are ^, the conditional ?: and the comma operator. A & only
 * narrows the match, and text that breaks the code passes. */
static void loose_operators_that_make_a_tautology_are_blocked(void **state)
{
	static const struct {
		const char *in, *pre, *post;
	} attacks[] = {
	    {"'|'1", "{\"$where\": \"this.user == '", "' && this.active\"}"},
	    {"'|1|'", "{\"$where\": \"this.user == '", "' && this.active\"}"},
	    {"'^'1", "{\"$where\": \"this.user == '", "' && this.active\"}"},
	    {"'?1:'1", "{\"$where\": \"this.user == '", "'\"}"},
	    {"','1", "{\"$where\": \"this.user == '", "'\"}"},
	    {"\\\"|\\\"1", "{\"$where\": \"this.user == \\\"", "\\\" && this.active\"}"},
	    {"1|1", "{\"$where\": \"this.age > ", " && this.active\"}"},
	    {"1?1:1", "{\"$where\": \"this.age > ", "\"}"},
	    {"0,1", "{\"$where\": \"this.age > ", "\"}"},
	};
	static const struct {
		const char *in, *pre, *post;
	} ok[] = {
	    {"SMALL \\\"&\\\" SIGN", "{\"$where\": \"this.name == \\\"", "\\\"\"}"},
	    {"Tom | Jerry, 1 ^ 2?", "{\"$where\": \"this.name == '", "'\"}"},
	    {"it's 1|2, isn't it?", "{\"$where\": \"this.name == '", "'\"}"},
	    {"a | b", "{\"name\": \"", "\"}"},
	    {"12", "{\"$where\": \"this.age > ", " && this.active\"}"},
	    /* a ? the text brings with no : after it: a syntax error, the
	     * query runs nothing (a ?? or ?. is no conditional either) */
	    {"Press \\\"?\\\" for help.", "{\"$where\": \"this.name == \\\"",
	     "\\\" && this.active\"}"},
	    {"What \\\"?\\\" means", "{\"$where\": \"this.name == \\\"", "\\\"\"}"},
	    {"why'?(1)", "{\"$where\": \"this.name == '", "' && this.active\"}"},
	};
	const struct moat_policy *p = policy(NOSQL_BLOCK);

	(void)state;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
		char q[512], in[64];
		size_t o = 0;
		snprintf(q, sizeof q, "%s%s%s", attacks[i].pre, attacks[i].in, attacks[i].post);
		/* the input as the user typed it: the document's escapes removed */
		for (const char *c = attacks[i].in; *c && o + 1 < sizeof in; c++)
			if (*c != '\\')
				in[o++] = *c;
		in[o] = '\0';
		if (check1(p, MOAT_INPUT_QUERY, "user", in, q) != MOAT_BLOCK)
			fail_msg("not blocked: %s", q);
	}
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char q[512], in[64];
		size_t o = 0;
		snprintf(q, sizeof q, "%s%s%s", ok[i].pre, ok[i].in, ok[i].post);
		for (const char *c = ok[i].in; *c && o + 1 < sizeof in; c++)
			if (*c != '\\')
				in[o++] = *c;
		in[o] = '\0';
		if (check1(p, MOAT_INPUT_QUERY, "user", in, q) != MOAT_ALLOW)
			fail_msg("blocked: %s", q);
	}
	moat_policy_release(p);
}

static void ordinary_values_pass(void **state)
{
	static const struct {
		const char *in, *q;
	} cases[] = {
	    /* operators the application wrote around user values */
	    {"10", "{\"price\": {\"$gt\": 10}, \"stock\": {\"$ne\": 0}}"},
	    {"shoes", "{\"name\": {\"$regex\": \"^shoes\"}}"},
	    /* "$ne" typed as a search word stays a string */
	    {"$ne", "{\"name\": \"$ne\"}"},
	    {"{\"$gt\": \"\"}", "{\"name\": \"{\\\"$gt\\\": \\\"\\\"}\"}"},
	    /* text that mentions an operator, in an update the application wrote */
	    {"use $set: to update", "{\"$set\": {\"msg\": \"use $set: to update\"}}"},
	    /* apostrophes and punctuation inside strings */
	    {"O'Brien", "{\"name\": \"O'Brien\"}"},
	    {"O'Brien", "{\"$where\": \"this.name == 'O\\\\'Brien'\"}"},
	    {"rock & roll; (live) {2024}", "{\"title\": \"rock & roll; (live) {2024}\"}"},
	    {"a, b: c", "{name: 'a, b: c'}"},
	    /* text that only breaks a hand-built document */
	    {"don't, please", "{name: 'don't, please'}"},
	    {"it's", "{\"$where\": \"this.name == 'it's'\"}"},
	    /* words where a number goes: no operators, calls or statements */
	    {"seven and a half", "{\"$where\": \"this.age > seven and a half\"}"},
	    {"well-known", "{\"$where\": \"this.age > well-known\"}"},
	};
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	struct moat_request *r;
	const char *body = "{\"name\":\"shoes\",\"tags\":[\"a\",\"b\"],\"n\":7}";

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (check1(p, MOAT_INPUT_QUERY, "q", cases[i].in, cases[i].q) != MOAT_ALLOW)
			fail_msg("blocked: %s with %s", cases[i].q, cases[i].in);
	/* a JSON body of plain values, used as such */
	r = begin(p);
	assert_int_equal(moat_request_add_json(r, body, strlen(body)), 0);
	ma_alloc_fail_at(1);
	assert_int_equal(moat_check_nosql(r,
	                                  "{\"name\":\"shoes\",\"tags\":{\"$all\":[\"a\",\"b\"]}}",
	                                  (size_t)-1),
	                 MOAT_ALLOW);
	assert_false(ma_alloc_failed()); /* nothing allocated when nothing fires */
	ma_alloc_fail_at(0);
	moat_request_end(r);
	/* without a request or inputs: allowed */
	assert_int_equal(moat_check_nosql(NULL, "{\"$where\":\"1\"}", (size_t)-1), MOAT_ALLOW);
	moat_policy_release(p);
}

static void monitor_mode_and_off(void **state)
{
	const struct moat_policy *mon =
	    policy("{\"interceptors\":{\"nosql_injection\":{\"mode\":\"monitor\"}}}");
	const struct moat_policy *off =
	    policy("{\"interceptors\":{\"nosql_injection\":{\"mode\":\"off\"}}}");
	const char *q = "{\"pass\":{\"$ne\":\"1\"}}";
	struct moat_request *r = begin(mon);

	(void)state;
	moat_request_add_input(r, MOAT_INPUT_FORM, "pass[$ne]", "1", 1);
	assert_int_equal(moat_check_nosql(r, q, strlen(q)), MOAT_ALLOW);
	assert_string_equal(moat_request_event(r)->action, "logged");
	moat_request_end(r);
	assert_int_equal(check1(off, MOAT_INPUT_FORM, "pass[$ne]", "1", q), MOAT_ALLOW);
	moat_policy_release(mon);
	moat_policy_release(off);
}

/* Session 12's bypass hunt: JSON escapes. A document passed on as the
 * client wrote it ({"\u0024ne": ""}) holds the operator $ne once the
 * driver parses it; an input the application parsed as JSON spells it
 * the same way; and an input pasted into a $where string as written has
 * its escapes decoded with the string (\u0027 and \" are quotes in the
 * JavaScript). */
static void operators_and_quotes_written_as_json_escapes_are_blocked(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	const char *body = "{\"user\":\"admin\",\"pass\":{\"\\u0024ne\":null}}";
	struct moat_request *r;

	(void)state;
	/* the body passed on as the filter */
	r = begin(p);
	assert_int_equal(moat_request_add_json(r, body, strlen(body)), 0);
	assert_int_equal(moat_check_nosql(r, body, strlen(body)), MOAT_BLOCK);
	assert_string_equal(moat_request_event(r)->rule, "nosql.operator");
	assert_non_null(strstr(moat_request_event(r)->details_json, "\"operator\":\"$ne\""));
	moat_request_end(r);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL, "{\"pass\":{\"$n\\u0065\":1}}",
	                        "{\"pass\":{\"$n\\u0065\":1}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL, "{\"\\u0024where\":\"sleep(100)\"}",
	                        "{\"\\u0024where\":\"sleep(100)\"}"),
	                 MOAT_BLOCK);
	/* an input parsed as JSON by the application */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "{\"\\u0024ne\":\"x\"}",
	                        "{\"user\":{\"$ne\":\"x\"}}"),
	                 MOAT_BLOCK);
	/* escapes that become quotes inside $where */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "\\u0027;return true;//",
	                        "{\"$where\":\"this.user == '\\u0027;return true;//'\"}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "\\\" || \\\"1\\\"==\\\"1",
	                        "{\"$where\":\"this.user == \\\"\\\" || \\\"1\\\"==\\\"1\\\"\"}"),
	                 MOAT_BLOCK);
	/* mongo-shell text is JavaScript: \x27 is a quote there too */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "\\x27||1||\\x27",
	                        "{$where: \"this.name == '\\x27||1||\\x27'\"}"),
	                 MOAT_BLOCK);
	/* still held: bracket parameters, nested paths, $expr, $function,
	 * $accumulator */
	assert_int_equal(
	    check1(p, MOAT_INPUT_QUERY, "user[$regex]", ".*", "{\"user\":{\"$regex\":\".*\"}}"),
	    MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL,
	                        "{\"f\":{\"user\":{\"profile\":{\"name\":{\"$gt\":\"\"}}}}}",
	                        "{\"user\":{\"profile\":{\"name\":{\"$gt\":\"\"}}}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL,
	                        "{\"$expr\":{\"$function\":{\"body\":\"function(){return "
	                        "true}\",\"args\":[],\"lang\":\"js\"}}}",
	                        "{\"$expr\":{\"$function\":{\"body\":\"function(){return "
	                        "true}\",\"args\":[],\"lang\":\"js\"}}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL,
	                        "{\"a\":{\"$accumulator\":{\"init\":\"function(){}\"}}}",
	                        "{\"a\":{\"$accumulator\":{\"init\":\"function(){}\"}}}"),
	                 MOAT_BLOCK);
	/* what passes: escapes that stay inside the JSON string's value, a
	 * key that only looks like an operator once escaped, an escaped
	 * apostrophe in a name */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "a\\u0022,\\u0022$where\\u0022:1",
	                        "{\"user\":\"a\\u0022,\\u0022$where\\u0022:1\"}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL, "{\"note\":\"\\u0024ne is an operator\"}",
	                        "{\"note\":\"\\u0024ne is an operator\"}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "O\\u0027Brien",
	                        "{\"$where\":\"this.user == 'O\\u0027Brien'\"}"),
	                 MOAT_ALLOW);
	moat_policy_release(p);
}

/* Session 17's outside attack (redteam8): an object-shaped input with
 * JSON whitespace other than a space before its colon ({"$ne"\n:1} is
 * {"$ne": 1} to JSON.parse); JavaScript as Extended JSON's code
 * ({"$where": {"$code": "..."}}), as an arrow function ($accumulator's
 * init, mapReduce's map take "(s) => ..."), and an if (...) head with
 * its statement after it (if (x) emit(1)). Ordinary values pass. */
static void javascript_as_code_arrows_and_if_statements_is_read(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	const char *q = "{\"user\":\"admin\",\"pass\":{\"$ne\":1}}";

	(void)state;
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "pass", "{\"$ne\"\n:1}", q), MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "pass", "{\"$ne\"\t:1}", q), MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "pass", "{'$ne'\r\n:1}", q), MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "pass", "{\"\\u0024ne\"\t:1}", q), MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "name", "' || '1'=='1",
	                        "{\"$where\":{\"$code\":\"this.name == '' || '1'=='1'\"}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "age", "0;return true",
	                        "{\"$where\":{\"$code\":\"this.age > 0;return true\"}}"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    check1(p, MOAT_INPUT_QUERY, "name", "' || '1'=='1",
	           "[{\"$group\":{\"_id\":null,\"c\":{\"$accumulator\":{\"init\":"
	           "\"() => '' || '1'=='1'\",\"accumulate\":\"(s) => s\","
	           "\"accumulateArgs\":[],\"merge\":\"(a, b) => a\",\"lang\":\"js\"}}}}]"),
	    MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "name", "'||1||'",
	                        "{\"mapReduce\":\"users\",\"map\":\"function(){ if (this.name == "
	                        "''||1||'') emit(1,1) }\",\"reduce\":\"function(k,v){return 1}\"}"),
	                 MOAT_BLOCK);
	/* text */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "q", "a => b, c", "{\"note\":\"a => b, c\"}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "q", "(see) => here",
	                        "{\"$where\":{\"$code\":\"this.note == '(see) => here'\"}}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "name", "O'Brien",
	                        "{\"map\":\"function(){ if (this.name == \\\"O'Brien\\\") "
	                        "emit(1,1) }\"}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "q", "{ \"a\"\n: 1 }",
	                        "{\"name\":\"{ \\\"a\\\"\\n: 1 }\"}"),
	                 MOAT_ALLOW);
	moat_policy_release(p);
}

/* An arrow function is code only where MongoDB runs the string:
 * $accumulator's init/accumulate/merge/finalize and the mapReduce
 * command's map/reduce/finalize. A document's own field of that name (a
 * trip's "map", a merge request's "merge") holding a user's "Home =>
 * Work" is text (session 17's review, redteam9). */
static void arrows_count_only_inside_accumulator_or_mapreduce(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);

	(void)state;
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "route", "Home => Work",
	                        "{\"title\":\"trip\",\"map\":\"Home => Work\"}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "m", "(a, b) => a",
	                        "{\"pr\":12,\"merge\":\"(a, b) => a\"}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "f", "x => x + 1",
	                        "{\"mapReduce\":\"users\",\"map\":\"x => x + 1\","
	                        "\"reduce\":\"function(k,v){return 1}\"}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "f", "(s) => s",
	                        "[{\"$group\":{\"_id\":null,\"c\":{\"$accumulator\":{\"init\":"
	                        "\"() => 0\",\"accumulate\":\"(s) => s\",\"accumulateArgs\":[],"
	                        "\"merge\":\"(a, b) => a\",\"lang\":\"js\"}}}}]"),
	                 MOAT_BLOCK);
	moat_policy_release(p);
}

/* mapReduce is known by its command document's own keys (session 19):
 * the top-level "mapReduce" (or "mapreduce") or "reduce", quoted in any
 * way or bare as the mongo shell writes them. Before, the bytes
 * "reduce" with double quotes anywhere in the document: a shell-style
 * command (bare keys) had its map function read as text, so that an
 * input that adds statements to it passed; and an ordinary document
 * whose value was "reduce" made its "map" JavaScript. */
static void mapreduce_is_known_by_its_command_documents_keys(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	const char *drop = "1); db.dropDatabase(); emit(1";

	(void)state;
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "v", drop,
	                        "{mapReduce: \"orders\", map: \"function() { emit(this.c, "
	                        "1); db.dropDatabase(); emit(1) }\", reduce: \"function(k, v) "
	                        "{ return Array.sum(v) }\", out: \"x\"}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "v", drop,
	                        "{'mapreduce': 'orders', 'map': 'function() { emit(this.c, "
	                        "1); db.dropDatabase(); emit(1) }'}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "v", drop,
	                        "{\"map\": \"function() { emit(this.c, 1); db.dropDatabase(); "
	                        "emit(1) }\", \"reduce\": \"function(k, v) { return 1 }\"}"),
	                 MOAT_BLOCK);
	/* "reduce" as a value, or as a key below the top: data */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "route", "Home => Work",
	                        "{\"op\":\"reduce\",\"map\":\"Home => Work\"}"),
	                 MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "route", "Home => Work",
	                        "{\"opts\":{\"reduce\":1},\"map\":\"Home => Work\"}"),
	                 MOAT_ALLOW);
	moat_policy_release(p);
}

/* Session 20: a mapReduce command that MongoDB runs from inside another
 * command object -- the explain command's value ({explain: {mapReduce:
 * ...}, verbosity: "executionStats"} runs the functions), a command sent
 * over OP_QUERY with a read preference ({$query: {...},
 * $readPreference: ...} or {query: {...}}: the server unwraps the first
 * field of either name) -- has its map, reduce and finalize read as
 * JavaScript. The same keys in an object MongoDB does not run as a
 * command (an application's envelope, "query" that is not the first
 * key) stay data. */
static void a_mapreduce_command_wrapped_where_mongodb_runs_it_is_known(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	const char *drop = "1); db.dropDatabase(); emit(1";
#define MR_CMD                                                                                     \
	"{mapReduce: \"orders\", map: \"function() { emit(this.c, 1); db.dropDatabase(); emit(1) " \
	"}\", reduce: \"function(k, v) { return Array.sum(v) }\", out: {inline: 1}}"

	(void)state;
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "v", drop,
	                        "{explain: " MR_CMD ", verbosity: \"executionStats\"}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "v", drop,
	                        "{\"$query\": " MR_CMD
	                        ", \"$readPreference\": {\"mode\": \"secondary\"}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "v", drop, "{'query': " MR_CMD "}"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    check1(p, MOAT_INPUT_QUERY, "v", drop, "{\"explain\": {\"$query\": " MR_CMD "}}"),
	    MOAT_BLOCK);
	/* not a command MongoDB runs: data */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "v", drop, "{\"job\": " MR_CMD "}"),
	                 MOAT_ALLOW);
	assert_int_equal(
	    check1(p, MOAT_INPUT_QUERY, "v", drop, "{\"find\": \"trips\", \"query\": " MR_CMD "}"),
	    MOAT_ALLOW);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "route", "Home => Work",
	                        "{\"query\": {\"op\": \"reduce\", \"map\": \"Home => Work\"}}"),
	                 MOAT_ALLOW);
	assert_int_equal(
	    check1(p, MOAT_INPUT_QUERY, "route", "Home => Work",
	           "{\"explain\": {\"opts\": {\"reduce\": 1}, \"map\": \"Home => Work\"}}"),
	    MOAT_ALLOW);
#undef MR_CMD
	moat_policy_release(p);
}

/* A $regex prefix from the user ({"$regex": "^a"}, then "^ab" ...: a
 * secret read a character at a time by whether a document matches) is
 * the user's operator wherever the user supplies it: a parsed JSON body,
 * a query parameter named password[$regex], a value whose text is the
 * object. The application's own prefix search ("^" + INPUT) with a plain
 * prefix is its feature and passes (session 19 checked; no change). */
static void a_regex_prefix_from_the_user_is_its_operator(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	const char *doc = "{\"user\": \"admin\", \"password\": {\"$regex\": \"^a\"}}";

	(void)state;
	assert_int_equal(check1(p, MOAT_INPUT_JSON, NULL,
	                        "{\"user\":\"admin\",\"password\":{\"$regex\":\"^a\"}}", doc),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "password[$regex]", "^a", doc), MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "password", "{\"$regex\": \"^a\"}", doc),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "q", "ab",
	                        "{\"name\": {\"$regex\": \"^ab\", \"$options\": \"i\"}}"),
	                 MOAT_ALLOW);
	moat_policy_release(p);
}

/* JavaScript is read where MongoDB runs it, not wherever a string starts
 * with "function": $where, $code, $function's body, $accumulator's
 * init/accumulate/merge/finalize, mapReduce's map/reduce/finalize. A
 * user's text stored in a field of the application's own named "body"
 * or starting with "function" (a comment about the liver, a blog post
 * with a code snippet) is data (session 17's review left these firing). */
static void javascript_is_read_only_where_mongodb_runs_it(void **state)
{
	static const struct {
		const char *in, *q;
	} data[] = {
	    {"function() { return true }",
	     "{\"user\":\"ann\",\"bio\":\"function() { return true }\"}"},
	    {"x = 1; y = 2", "{\"title\":\"Tips\",\"body\":\"x = 1; y = 2\",\"author\":\"ann\"}"},
	    {"if (a) b(); else c();",
	     "{\"$set\":{\"body\":\"if (a) b(); else c();\",\"edited\":true}}"},
	    {"function counter() { let n = 0; return () => ++n }",
	     "{\"title\":\"Closures\",\"body\":\"function counter() { let n = 0; return () => "
	     "++n }\",\"tags\":[\"js\"]}"},
	    {"function of the liver; return to sender",
	     "{\"comment\":\"function of the liver; return to sender\"}"},
	    /* a "body" below another key than $function */
	    {"a = b; c()", "{\"post\":{\"body\":\"a = b; c()\"}}"},
	    {"a = b; c()", "[{\"$match\":{\"body\":\"a = b; c()\"}}]"},
	};
	static const struct {
		const char *in, *q;
	} code[] = {
	    {"' || 1 == 1 || '",
	     "{\"$where\":\"function() { return this.u == '' || 1 == 1 || '' }\"}"},
	    {"'; return 1; //",
	     "{\"$expr\":{\"$function\":{\"args\":[\"$u\"],\"lang\":\"js\",\"body\":\"function(u) "
	     "{ return u == ''; return 1; //' }\"}}}"},
	    {"'; return 1; //", "{\"$expr\":{\"$function\":{\"body\":\"function(u) { return u == "
	                        "''; return 1; //' }\",\"args\":[\"$u\"],\"lang\":\"js\"}}}"},
	    {"' || '1'=='1",
	     "[{\"$group\":{\"_id\":null,\"n\":{\"$accumulator\":{\"init\":\"function() { return "
	     "'' || '1'=='1' }\",\"accumulate\":\"function(s) { return s }\",\"accumulateArgs\":"
	     "[],\"merge\":\"function(a, b) { return a }\",\"lang\":\"js\"}}}}]"},
	};
	const struct moat_policy *p = policy(NOSQL_BLOCK);

	(void)state;
	for (size_t i = 0; i < sizeof data / sizeof data[0]; i++)
		if (check1(p, MOAT_INPUT_JSON, "body", data[i].in, data[i].q) != MOAT_ALLOW)
			fail_msg("blocked: %s", data[i].q);
	for (size_t i = 0; i < sizeof code / sizeof code[0]; i++)
		if (check1(p, MOAT_INPUT_QUERY, "u", code[i].in, code[i].q) != MOAT_BLOCK)
			fail_msg("not blocked: %s", code[i].q);
	moat_policy_release(p);
}

/* A $regex the application builds from the user's text. The user's part
 * that constrains nothing (no character a match must hold: `.*`, `^`,
 * `.+`, `x|`, `[\s\S]*`) turns a lookup or a search into a match-all:
 * fired. Words, a search with its own wildcards between them (`foo.*bar`)
 * and a pattern the application escaped pass. In an exact match written
 * as a regex (`^INPUT$`, a case-insensitive lookup), a repeated wildcard
 * or an alternation from the user (`a.*`, `adm|x`) fires too. */
static void a_regex_from_the_user_that_matches_everything_is_blocked(void **state)
{
	static const struct {
		const char *in, *q;
	} attacks[] = {
	    {".*", "{\"name\":{\"$regex\":\".*\"}}"},
	    {".*", "{\"name\":{\"$regex\":\".*\",\"$options\":\"i\"}}"},
	    {".*", "{\"user\":{\"$regex\":\"^.*$\",\"$options\":\"i\"},\"pass\":\"x\"}"},
	    {"^", "{\"token\":{\"$regex\":\"^\"}}"},
	    {".+", "{\"name\":{\"$regex\":\".+\"}}"},
	    {"x|", "{\"name\":{\"$regex\":\"x|\"}}"},
	    {"nobody|.*", "{\"name\":{\"$regex\":\"^nobody|.*\"}}"},
	    {"[\\s\\S]*", "{\"name\":{\"$regex\":\"[\\\\s\\\\S]*\"}}"},
	    {"(.*)", "{name: {$regex: '(.*)'}}"},
	    {".*", "{\"name\":{\"$regularExpression\":{\"pattern\":\".*\",\"options\":\"\"}}}"},
	    {"a.*", "{\"user\":{\"$regex\":\"^a.*$\",\"$options\":\"i\"}}"},
	    {"admin|x", "{\"user\":{\"$regex\":\"^admin|x$\",\"$options\":\"i\"}}"},
	};
	static const struct {
		const char *in, *q;
	} ok[] = {
	    {"shoes", "{\"name\":{\"$regex\":\"shoes\",\"$options\":\"i\"}}"},
	    {"red shoes", "{\"name\":{\"$regex\":\"red shoes\",\"$options\":\"i\"}}"},
	    {"foo.*bar", "{\"name\":{\"$regex\":\"foo.*bar\"}}"},
	    {"C++ (beginner)", "{\"name\":{\"$regex\":\"C++ (beginner)\"}}"},
	    {"what?", "{\"name\":{\"$regex\":\"what?\"}}"},
	    {"a*", "{\"name\":{\"$regex\":\"a*\"}}"},
	    {"john.doe@example.com",
	     "{\"user\":{\"$regex\":\"^john.doe@example.com$\",\"$options\":\"i\"}}"},
	    /* escaped by the application */
	    {".*", "{\"name\":{\"$regex\":\"\\\\.\\\\*\"}}"},
	    {"^", "{\"name\":{\"$regex\":\"\\\\^\"}}"},
	    /* not a pattern */
	    {".*", "{\"name\":\".*\"}"},
	    {"^_^", "{\"name\":{\"$regex\":\"^_^\"}}"},
	};
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	struct moat_request *r;

	(void)state;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++)
		if (check1(p, MOAT_INPUT_QUERY, "name", attacks[i].in, attacks[i].q) != MOAT_BLOCK)
			fail_msg("not blocked: %s", attacks[i].q);
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (check1(p, MOAT_INPUT_QUERY, "name", ok[i].in, ok[i].q) != MOAT_ALLOW)
			fail_msg("blocked: %s", ok[i].q);
	r = begin(p);
	moat_request_add_input(r, MOAT_INPUT_QUERY, "name", ".*", 2);
	assert_int_equal(moat_check_nosql(r, "{\"name\":{\"$regex\":\".*\"}}", (size_t)-1),
	                 MOAT_BLOCK);
	assert_string_equal(moat_request_event(r)->rule, "nosql.regex");
	moat_request_end(r);
	moat_policy_release(p);
}

/* JSON5 and mongo-shell text take comments between a key and its colon
 * ({"$ne" /+x+/ : 1}, the slashes and stars a comment, is {$ne: 1} to
 * JSON5.parse and the shell): the key
 * is still read as the operator, in the document and in an input the
 * application parsed itself. */
static void comments_before_a_colon_do_not_hide_a_key(void **state)
{
	const struct moat_policy *p = policy(NOSQL_BLOCK);
	const char *body = "{\"user\":\"admin\",\"pass\":{\"$ne\" /*x*/ : \"\"}}";
	struct moat_request *r;

	(void)state;
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "pass", "{\"$ne\"/**/:1}",
	                        "{\"user\":\"admin\",\"pass\":{\"$ne\":1}}"),
	                 MOAT_BLOCK);
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "pass", "{$ne // x\n: 1}",
	                        "{\"user\":\"admin\",\"pass\":{\"$ne\":1}}"),
	                 MOAT_BLOCK);
	/* a body jansson refuses (a comment), read by the lenient reader and
	 * passed on as it is */
	r = begin(p);
	moat_request_add_json(r, body, strlen(body));
	assert_int_equal(moat_check_nosql(r, body, strlen(body)), MOAT_BLOCK);
	assert_string_equal(moat_request_event(r)->rule, "nosql.operator");
	moat_request_end(r);
	/* a $where key behind a comment, from the parameter's name */
	assert_int_equal(check1(p, MOAT_INPUT_FORM, "q[$where]", "sleep(100)",
	                        "{\"$where\" /* c */ : \"sleep(100)\"}"),
	                 MOAT_BLOCK);
	/* pasted into the document's text, which no longer reads whole */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "user", "\", \"$gt\" /**/ : \"\", \"x\": {\"",
	                        "{\"user\": \"\", \"$gt\" /**/ : \"\", \"x\": {\"\"}"),
	                 MOAT_BLOCK);
	/* a comment in text stays text */
	assert_int_equal(check1(p, MOAT_INPUT_QUERY, "q", "{ \"a\" /* b */ : 1 }",
	                        "{\"name\":\"{ \\\"a\\\" /* b */ : 1 }\"}"),
	                 MOAT_ALLOW);
	moat_policy_release(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(operators_from_the_user_are_blocked),
	    cmocka_unit_test(text_pasted_into_the_document_is_blocked),
	    cmocka_unit_test(javascript_injected_into_where_is_blocked),
	    cmocka_unit_test(loose_operators_that_make_a_tautology_are_blocked),
	    cmocka_unit_test(ordinary_values_pass),
	    cmocka_unit_test(operators_and_quotes_written_as_json_escapes_are_blocked),
	    cmocka_unit_test(monitor_mode_and_off),
	    cmocka_unit_test(javascript_as_code_arrows_and_if_statements_is_read),
	    cmocka_unit_test(arrows_count_only_inside_accumulator_or_mapreduce),
	    cmocka_unit_test(mapreduce_is_known_by_its_command_documents_keys),
	    cmocka_unit_test(a_mapreduce_command_wrapped_where_mongodb_runs_it_is_known),
	    cmocka_unit_test(a_regex_prefix_from_the_user_is_its_operator),
	    cmocka_unit_test(javascript_is_read_only_where_mongodb_runs_it),
	    cmocka_unit_test(a_regex_from_the_user_that_matches_everything_is_blocked),
	    cmocka_unit_test(comments_before_a_colon_do_not_hide_a_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
