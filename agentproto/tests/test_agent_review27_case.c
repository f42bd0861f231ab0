/* review27 (session 34) on main a020085: an input whose letters the
 * application case-folds before it pastes it (an e-mail, a user name, a
 * tag or a slug through lower() / toLowerCase() / strtolower(); a country
 * or a voucher code through upper()) is never found: no form is folded,
 * so one capital letter the attacker adds (`X' OR 1=1-- `) makes the
 * pasted text no form of the input. Every check: sql (lower and upper,
 * three dialects), html, path, prompt (1.000 -> 0.000) -- 8 of 8 allowed;
 * the same texts unfolded block. README lists case-folded inputs as not
 * caught for the SQL check only; formsfix took the application's trim
 * for the same reason (the transform is the application's, the pad the
 * attacker's). Run here: python3 sqlite3 with email.lower() returned
 * every user's hash (`x' or 1=1-- `, `a' union select 9, pw from
 * users-- `); node 20 path.join(base, v.toLowerCase()) read a file
 * outside the base. Twins: mixed-case benign values folded stay allowed.
 */
#include "agent_test.h"

#define POLICY                                                                                     \
	"{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},\"xss\":{\"mode\":\"block\"},"  \
	"\"path_traversal\":{\"mode\":\"block\"},\"llm_prompt_injection\":{\"mode\":\"block\"}}}"

enum { SQLITE, PG, MYSQL, HTML, PATH, PROMPT };

static int run(int what, const char *input, const char *op)
{
	const struct moat_policy *p = moat_policy_parse(POLICY, 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/account"};
	struct moat_request *r = NULL;
	double score = 0;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "field", input, strlen(input)),
	                 0);
	switch (what) {
	case SQLITE:
		v = moat_check_sql(r, MOAT_SQL_SQLITE, op, strlen(op));
		break;
	case PG:
		v = moat_check_sql(r, MOAT_SQL_POSTGRES, op, strlen(op));
		break;
	case MYSQL:
		v = moat_check_sql(r, MOAT_SQL_MYSQL, op, strlen(op));
		break;
	case HTML:
		v = moat_check_html(r, op, strlen(op));
		break;
	case PATH:
		v = moat_check_path(r, op, strlen(op), "/srv/app/uploads", 0);
		break;
	default:
		v = moat_check_prompt(r, op, strlen(op), 0, 0, &score);
		break;
	}
	moat_request_end(r);
	return v;
}

/* head + input folded (fold: 'l' lower, 'u' upper, 0 none) + tail */
static int fcase(int what, const char *head, const char *input, const char *tail, char fold)
{
	char op[1024];
	size_t hl = strlen(head), il = strlen(input);

	assert_true(hl + il + strlen(tail) < sizeof op);
	memcpy(op, head, hl);
	for (size_t i = 0; i < il; i++) {
		unsigned char c = (unsigned char)input[i];
		if (fold == 'l' && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (fold == 'u' && c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 32);
		op[hl + i] = (char)c;
	}
	memcpy(op + hl + il, tail, strlen(tail) + 1);
	return run(what, input, op);
}

static const struct {
	int what;
	const char *head, *input, *tail;
	char fold;
} folded[] = {
    {SQLITE, "SELECT id, pw FROM users WHERE email = '", "X' OR 1=1-- ", "'", 'l'},
    {PG, "SELECT id, email FROM users WHERE email = '", "A' UNION SELECT 9, pw FROM users-- ", "'",
     'l'},
    {MYSQL, "SELECT id FROM vouchers WHERE code = '", "x' or 1=1#", "' AND shop_id = 3", 'u'},
    {SQLITE, "SELECT id FROM users WHERE username = '", "Bob'; DROP TABLE users; --", "'", 'l'},
    {HTML, "<p class=\"tag\">#", "<IMG SRC=x ONERROR=alert(1)>", "</p>", 'l'},
    {HTML, "<td>", "<Svg OnLoad=alert(document.domain)>", "</td>", 'l'},
    {PATH, "/srv/app/uploads/", "../../Config/Secrets.yml", "", 'l'},
    /* (the lead, session 34: the prompt check does not look for the
     * folded forms -- a folded copy of a user's words elsewhere in a prompt
     * is the application's text, a judge template's false positive in
     * devprompt4 -- and no application folds a prompt; README says so) */
};

static void a_case_folded_input_is_found(void **state)
{
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof folded / sizeof folded[0]; i++) {
		/* the control: as sent, it blocks */
		assert_int_equal(
		    fcase(folded[i].what, folded[i].head, folded[i].input, folded[i].tail, 0),
		    MOAT_BLOCK);
		if (fcase(folded[i].what, folded[i].head, folded[i].input, folded[i].tail,
		          folded[i].fold) != MOAT_BLOCK) {
			print_message("allowed: %zu (%s folded)\n", i, folded[i].input);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void a_case_folded_benign_value_stays_allowed(void **state)
{
	(void)state;
	assert_int_equal(fcase(SQLITE, "SELECT id FROM users WHERE email = '",
	                       "Ana.Lopez@Example.ORG", "'", 'l'),
	                 MOAT_ALLOW);
	assert_int_equal(
	    fcase(MYSQL, "SELECT id FROM vouchers WHERE code = '", "summer-2024", "'", 'u'),
	    MOAT_ALLOW);
	assert_int_equal(fcase(HTML, "<p class=\"tag\">#", "Rock And Roll", "</p>", 'l'),
	                 MOAT_ALLOW);
	assert_int_equal(fcase(PATH, "/srv/app/uploads/", "Reports/Q3.PDF", "", 'l'), MOAT_ALLOW);
	assert_int_equal(fcase(PROMPT, "Classify the tag: ", "Summer Holidays In Spain", "", 'l'),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_case_folded_input_is_found),
	    cmocka_unit_test(a_case_folded_benign_value_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
