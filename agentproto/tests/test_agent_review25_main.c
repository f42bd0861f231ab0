/* review25 (session 33), round 1 on main 20a87f3: formsfix's trimmed
 * forms (01c51f2) drop ASCII white space only (space, \t .. \r), while
 * the trims applications run drop more, and the attacker picks the pad:
 *
 *   Python's str.strip() (Django and Flask handlers, pydantic's
 *   str_strip_whitespace): \x1c \x1d \x1e \x1f, U+0085, U+1680, U+2028,
 *   U+2029 too;
 *   JavaScript's String.prototype.trim() (Express handlers, Joi's trim,
 *   zod's .trim()): U+FEFF, U+1680, U+2028, U+2029 too;
 *   Java's String.trim() (Spring's StringTrimmerEditor): every byte up
 *   to 0x20, \x01 .. \x1f and NUL;
 *   PHP's trim(): NUL too.
 *
 * Those whose NFKC form is a space (U+00A0, U+2000..U+200A, U+3000,
 * U+202F, U+205F) are found (the nfkc form, then its decoded_trim);
 * the others leave no form of the input in the operation: one pad byte
 * before `x' OR 1=1-- ` and the SQL check allows it, one before
 * `<img src=x onerror=alert(1)>` and the html check allows it.
 * Run here: python3 3.11 "\x1fx' OR 1=1-- ".strip() (and \x1c, \x85,
 * U+2028, U+1680) pasted into "... WHERE name = '...'" returned every row
 * of a sqlite3 table; node 20's trim() drops U+FEFF, U+2028, U+1680;
 * java 17's trim() drops \x01. Twins: the same pads around a plain name
 * stay allowed.
 *
 * Same family (test 3): an application that collapses white space inside
 * a value (Rails' squish on form fields, Python's " ".join(s.split()) for
 * names) turns `x'\tOR\t1=1--\t` into `x' OR 1=1--`: the attacker writes
 * tabs or double spaces where the payload has spaces -- 4 of 4 allowed
 * (sql, html, shell). Run here: python3 " ".join("x'\tOR\t1=1--\t".split())
 * is "x' OR 1=1--".
 */
#include "agent_test.h"

static int check(int kind, const char *input, size_t ilen, const char *op)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	    "\"xss\":{\"mode\":\"block\"},\"command_injection\":{\"mode\":\"block\"}}}",
	    1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/profile"};
	struct moat_request *r = NULL;
	int v = -1;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "name", input, ilen), 0);
	if (kind == 0)
		v = moat_check_sql(r, MOAT_SQL_SQLITE, op, strlen(op));
	else if (kind == 1)
		v = moat_check_html(r, op, strlen(op));
	else
		v = moat_check_shell(r, op, strlen(op));
	moat_request_end(r);
	return v;
}

/* the pads a framework's trim drops and ASCII's does not (one byte:
 * NUL, given with its length) */
static const char *const pads[] = {
    "\x1f",         "\x1c",         "\x1e",         "\xc2\x85", "\xe1\x9a\x80",
    "\xe2\x80\xa8", "\xe2\x80\xa9", "\xef\xbb\xbf", "\x01",     ""};

/* pad + body + pad2 into buf; returns the length (a "" pad is one NUL) */
static size_t padded(char *buf, size_t cap, const char *pad, const char *body, int both)
{
	size_t pl = *pad ? strlen(pad) : 1, bl = strlen(body), n = 0;

	assert_true(2 * pl + bl < cap);
	memcpy(buf, pad, pl);
	n = pl;
	memcpy(buf + n, body, bl);
	n += bl;
	if (both) {
		memcpy(buf + n, pad, pl);
		n += pl;
	}
	buf[n] = '\0';
	return n;
}

static void an_input_a_framework_trims_of_other_space_is_judged(void **state)
{
	char in[128];
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof pads / sizeof pads[0]; i++) {
		size_t n = padded(in, sizeof in, pads[i], "x' OR 1=1-- ", 0);
		if (check(0, in, n, "SELECT * FROM users WHERE name = 'x' OR 1=1-- '") !=
		    MOAT_BLOCK) {
			print_message("sql allowed: pad %zu\n", i);
			bad++;
		}
		n = padded(in, sizeof in, pads[i], "7 UNION SELECT password FROM users", 1);
		if (check(0, in, n,
		          "SELECT * FROM items WHERE id = 7 UNION SELECT password FROM users") !=
		    MOAT_BLOCK) {
			print_message("sql union allowed: pad %zu\n", i);
			bad++;
		}
		n = padded(in, sizeof in, pads[i], "<img src=x onerror=alert(document.domain)>", 1);
		if (check(1, in, n, "<p>Hi <img src=x onerror=alert(document.domain)>!</p>") !=
		    MOAT_BLOCK) {
			print_message("html allowed: pad %zu\n", i);
			bad++;
		}
		n = padded(in, sizeof in, pads[i], "notes\"; id; echo \"", 0);
		if (check(2, in, n, "grep -r \"notes\"; id; echo \"\" /srv/docs") != MOAT_BLOCK) {
			print_message("shell allowed: pad %zu\n", i);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void a_plain_value_a_framework_trims_stays_allowed(void **state)
{
	char in[128];

	(void)state;
	for (size_t i = 0; i < sizeof pads / sizeof pads[0]; i++) {
		size_t n = padded(in, sizeof in, pads[i], "O'Brien", 1);
		assert_int_equal(check(0, in, n, "SELECT * FROM users WHERE name = 'O''Brien'"),
		                 MOAT_ALLOW);
		n = padded(in, sizeof in, pads[i], "Caf\xc3\xa9 <3 tea", 1);
		assert_int_equal(check(1, in, n, "<p>Caf\xc3\xa9 &lt;3 tea</p>"), MOAT_ALLOW);
		n = padded(in, sizeof in, pads[i], "report 2024.pdf", 0);
		assert_int_equal(check(2, in, n, "ls -l 'report 2024.pdf'"), MOAT_ALLOW);
	}
}

/* " ".join(v.split()): runs of white space made one space, the ends dropped */
static void collapse(const char *v, char *out)
{
	size_t o = 0;

	for (const char *p = v; *p;) {
		while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
			p++;
		if (!*p)
			break;
		if (o)
			out[o++] = ' ';
		while (*p && !(*p == ' ' || (*p >= '\t' && *p <= '\r')))
			out[o++] = *p++;
	}
	out[o] = '\0';
}

static void an_input_whose_inner_space_the_application_collapses_is_judged(void **state)
{
	static const char *const c[][3] = {
	    {"0", "x'\tOR\t1=1--\t", "SELECT * FROM users WHERE name = '%s'"},
	    {"0", "7  UNION  SELECT  password  FROM  users", "SELECT * FROM items WHERE id = %s"},
	    {"1", "<img\tsrc=x\tonerror=alert(1)>", "<p>Hello %s</p>"},
	    {"2", "x\";\tid;\techo\t\"", "grep -r \"%s\" /srv/docs"},
	};
	char v[256], op[512];
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		const char *at = strstr(c[i][2], "%s");
		collapse(c[i][1], v);
		snprintf(op, sizeof op, "%.*s%s%s", (int)(at - c[i][2]), c[i][2], v, at + 2);
		if (check(c[i][0][0] - '0', c[i][1], strlen(c[i][1]), op) != MOAT_BLOCK) {
			print_message("allowed: %s\n", op);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_input_a_framework_trims_of_other_space_is_judged),
	    cmocka_unit_test(a_plain_value_a_framework_trims_stays_allowed),
	    cmocka_unit_test(an_input_whose_inner_space_the_application_collapses_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
