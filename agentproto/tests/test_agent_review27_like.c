/* review27 (session 34) on main a020085: the LIKE-escaped form (misc10,
 * review26e) is made of the raw form only, while the trimmed and
 * collapsed forms (formsfix, formsfix2) are made of the raw and decoded
 * forms only: no form is both. Nearly every framework trims a field
 * before the application sees it (Django's CharField strips by default),
 * then the application escapes LIKE's wildcards and pastes it. One tab
 * or space at an end of the input (`\ta_b' OR 1=1-- `), or a tab where
 * the payload has a space under a squish, and no form is in the SQL:
 * 7 of 7 allowed (the same inputs without the pad: blocked). Run here:
 * python3 sqlite3, an application that strips, LIKE-escapes `\`, `%`,
 * `_` and concatenates: the control term returned ana's one note, the
 * padded inputs every owner's notes.
 */
#include "agent_test.h"

static int check(int dialect, const char *value, const char *sql)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/notes/search"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "term", value, strlen(value)),
	                 0);
	v = moat_check_sql(r, dialect, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

/* what the application pastes: the field trimmed (squish: runs of white
 * space one space, as Rails' squish), then LIKE-escaped */
static void app_form(const char *in, int squish, char *out, size_t cap)
{
	char t[512];
	size_t a = 0, z = strlen(in), o = 0;

	while (a < z && (in[a] == ' ' || (in[a] >= '\t' && in[a] <= '\r')))
		a++;
	while (z > a && (in[z - 1] == ' ' || (in[z - 1] >= '\t' && in[z - 1] <= '\r')))
		z--;
	for (size_t i = a; i < z; i++) {
		int sp = in[i] == ' ' || (in[i] >= '\t' && in[i] <= '\r');
		if (squish && sp) {
			while (i + 1 < z &&
			       (in[i + 1] == ' ' || (in[i + 1] >= '\t' && in[i + 1] <= '\r')))
				i++;
			t[o++] = ' ';
		} else {
			t[o++] = in[i];
		}
	}
	t[o] = '\0';
	o = 0;
	for (size_t i = 0; t[i] && o + 2 < cap; i++) {
		if (t[i] == '_' || t[i] == '%' || t[i] == '\\')
			out[o++] = '\\';
		out[o++] = t[i];
	}
	out[o] = '\0';
}

static int like_case(int dialect, const char *in, int squish)
{
	char esc[512], sql[1024];

	app_form(in, squish, esc, sizeof esc);
	snprintf(
	    sql, sizeof sql,
	    "SELECT id, body FROM notes WHERE owner = 'ana' AND body LIKE '%%%s%%' ESCAPE '\\'",
	    esc);
	return check(dialect, in, sql);
}

static void a_trimmed_then_like_escaped_input_is_found(void **state)
{
	static const struct {
		int dialect;
		const char *in;
		int squish;
	} c[] = {
	    {MOAT_SQL_SQLITE, "\ta_b' OR 1=1-- ", 0},
	    {MOAT_SQL_SQLITE, "a_b' OR 1=1-- \t", 0},
	    {MOAT_SQL_SQLITE, " 50%' OR owner <> 'ana' -- \n", 0},
	    {MOAT_SQL_POSTGRES, " x\\' OR owner <> '' -- ", 0},
	    {MOAT_SQL_POSTGRES, "\tq_1'; DELETE FROM notes; -- ", 0},
	    {MOAT_SQL_SQLITE, "a_b'\tOR\t1=1--\t", 1},
	    {MOAT_SQL_SQLITE, "a_b'  OR  owner  <>  ''  -- ", 1},
	};
	int bad = 0;

	(void)state;
	/* the controls: unpadded, the LIKE form is found */
	assert_int_equal(like_case(MOAT_SQL_SQLITE, "a_b' OR 1=1 -- x", 0), MOAT_BLOCK);
	assert_int_equal(like_case(MOAT_SQL_POSTGRES, "x\\' OR owner <> '' -- x", 0), MOAT_BLOCK);
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (like_case(c[i].dialect, c[i].in, c[i].squish) != MOAT_BLOCK) {
			print_message("allowed: %zu\n", i);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_trimmed_like_escaped_term_stays_allowed(void **state)
{
	(void)state;
	/* twins: terms with wildcards and a quote the application doubles */
	assert_int_equal(like_case(MOAT_SQL_SQLITE, "\t50%_off \n", 0), MOAT_ALLOW);
	assert_int_equal(like_case(MOAT_SQL_SQLITE, "  file_name  v2 ", 1), MOAT_ALLOW);
	assert_int_equal(check(MOAT_SQL_SQLITE, " O'Brien_2 ",
	                       "SELECT id FROM notes WHERE body LIKE '%O''Brien\\_2%' ESCAPE '\\'"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_trimmed_then_like_escaped_input_is_found),
	    cmocka_unit_test(a_trimmed_like_escaped_term_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
