/* review25 (session 33), round c on main 20a87f3 (lower): an input's form
 * table (MA_INPUT_FORMS, 21) is filled before the trimmed forms are made,
 * and a full table drops them. ma_add_trim_forms says "the raw form's
 * first (MA_INPUT_FORMS leaves it a place)", but the raw form of a query
 * value is still escaped: the form the application trims is a decoded
 * one (url), and its trim has a place only while the decoded, NFKC,
 * U+FFFD, Latin-1 and C-string forms leave one. The attacker writes
 * what makes every one of them after the payload's comment, where the
 * statement ignores it (`%2541`, `&#65;`, `&#37;41`, a fullwidth `%`,
 * a byte not UTF-8, `%00`), and pads with '+':
 *
 *   q=+x'+OR+1=1--+%2541&#65;&#37;41<U+FF05><0xFF>%00+
 *
 * A C application (the shop's kind: the value read up to its NUL) that
 * trims the field builds `... name = 'x' OR 1=1-- %41&#65;...'`: 21
 * forms, no trimmed one -- allowed. Without the tail (or without the
 * leading '+') it blocks. Not run here (the C string's cut and the trim
 * are the application's; sqlite3 ran the statement: every row).
 */
#include "agent_test.h"
#include "ma_util.h"

/* the query value's decoding as a form decoder does it ('+' a space) */
static size_t url_decode(const char *in, char *out)
{
	size_t o = 0;

	for (size_t i = 0; in[i]; i++) {
		if (in[i] == '+') {
			out[o++] = ' ';
		} else if (in[i] == '%' && ma_hex_val(in[i + 1]) >= 0 &&
		           ma_hex_val(in[i + 2]) >= 0) {
			out[o++] = (char)(ma_hex_val(in[i + 1]) * 16 + ma_hex_val(in[i + 2]));
			i += 2;
		} else {
			out[o++] = in[i];
		}
	}
	out[o] = '\0';
	return o;
}

static int check(const char *raw)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/users"};
	struct moat_request *r = NULL;
	char dec[256], sql[512];
	size_t a = 0, z;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", raw, strlen(raw)), 0);
	url_decode(raw, dec);
	z = strlen(dec); /* a C string: up to the NUL */
	while (a < z && dec[a] == ' ')
		a++;
	while (z > a && dec[z - 1] == ' ')
		z--;
	snprintf(sql, sizeof sql, "SELECT * FROM users WHERE name = '%.*s'", (int)(z - a), dec + a);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static void a_trimmed_form_has_a_place_in_a_full_table(void **state)
{
	(void)state;
	/* the control: the payload alone, padded */
	assert_int_equal(check("+x'+OR+1=1--+"), MOAT_BLOCK);
	assert_int_equal(check("+x'+OR+1=1--+%00"), MOAT_BLOCK);
	/* the table filled after the comment */
	assert_int_equal(check("+x'+OR+1=1--+%2541&#65;%ef%bc%85%ff%00+"), MOAT_BLOCK);
	assert_int_equal(
	    check("++7'+UNION+SELECT+password+FROM+users--+%2541&#65;&#37;41%ef%bc%85%ff%00"),
	    MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_trimmed_form_has_a_place_in_a_full_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
