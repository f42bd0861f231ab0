/* review25 (session 33), round d on main 20a87f3: an input of one byte is
 * never judged (ma_request_scan skips forms under 2 bytes), and one byte
 * is enough where the application's own text does the rest:
 *
 * 1. shell: `rm -rf /srv/app/users/` + USER + `/avatar.png` with USER
 *    `;`, a line feed, `&` or `|` cuts the application's path at the
 *    directory: `rm -rf /srv/app/users/` runs, every user's files
 *    deleted (the same with a space or '#' before, two bytes: blocked).
 *    Run here: sh -c "rm -rf DIR/users/;/avatar.png" deleted DIR/users.
 * 2. sql (sqlfix's b4dc841 fires `credit-` + `-1`): the input `-` alone
 *    after `credit-` is `credit--`, a comment that cuts `AND user_id = 5`
 *    in SQLite and PostgreSQL (MySQL too: the application's next byte is
 *    a space); `credit/` + `*` opens SQLite's unterminated block comment.
 *    Run here: sqlite3 3.40.1 returned every user's orders.
 *
 * Twins: one letter, one digit, `.` in the same places stay allowed.
 */
#include "agent_test.h"

static int check(int kind, const char *before, const char *input, const char *after)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	                      "\"command_injection\":{\"mode\":\"block\"}}}",
	                      1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x"};
	struct moat_request *r = NULL;
	char op[256];
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "v", input, strlen(input)), 0);
	snprintf(op, sizeof op, "%s%s%s", before, input, after);
	if (kind == 2)
		v = moat_check_shell(r, op, strlen(op));
	else
		v = moat_check_sql(r, kind == 0 ? MOAT_SQL_SQLITE : MOAT_SQL_POSTGRES, op,
		                   strlen(op));
	moat_request_end(r);
	return v;
}

static void a_one_byte_operator_that_cuts_a_command_fires(void **state)
{
	static const char *const ops[] = {";", "\n", "&", "|"};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		if (check(2, "rm -rf /srv/app/users/", ops[i], "/avatar.png") != MOAT_BLOCK) {
			print_message("allowed: rm -rf /srv/app/users/ + 0x%02x\n", ops[i][0]);
			bad++;
		}
		if (check(2, "tar czf /srv/backups/", ops[i], ".tgz /srv/app/data") != MOAT_BLOCK) {
			print_message("allowed: tar czf + 0x%02x\n", ops[i][0]);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void a_one_byte_comment_begun_by_the_application_fires(void **state)
{
	int bad = 0;

	(void)state;
	for (int k = 0; k < 2; k++) {
		if (check(k, "SELECT * FROM orders WHERE total < credit-", "-",
		          " AND user_id = 5") != MOAT_BLOCK) {
			print_message("allowed: credit- + - (dialect %d)\n", k);
			bad++;
		}
	}
	if (check(0, "SELECT * FROM orders WHERE total < credit/", "*", " AND user_id = 5") !=
	    MOAT_BLOCK) {
		print_message("allowed: credit/ + *\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void one_byte_values_stay_allowed(void **state)
{
	(void)state;
	assert_int_equal(check(2, "rm -rf /srv/app/users/", "a", "/avatar.png"), MOAT_ALLOW);
	assert_int_equal(check(2, "rm -rf /srv/app/users/", "7", "/avatar.png"), MOAT_ALLOW);
	assert_int_equal(check(2, "tar czf /srv/backups/", "x", ".tgz /srv/app/data"), MOAT_ALLOW);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(
		    check(k, "SELECT * FROM orders WHERE total < credit-", "5", " AND user_id = 5"),
		    MOAT_ALLOW);
		assert_int_equal(
		    check(k, "SELECT * FROM orders WHERE total < credit/", "2", " AND user_id = 5"),
		    MOAT_ALLOW);
	}
}

/* The application's own comments: a one-byte input that is the second
 * byte of a comment's opener stays allowed where the comment closes (an
 * ORM's or sqlcommenter's tag); a minus operator is no comment. */
static void the_applications_own_comments_stay_allowed(void **state)
{
	(void)state;
	for (int k = 0; k < 2; k++) {
		assert_int_equal(check(k, "SELECT * FROM orders /", "*",
		                       "controller='orders',action='index'*/ WHERE user_id = 5"),
		                 MOAT_ALLOW);
		assert_int_equal(
		    check(k, "SELECT * FROM orders ", "/", "* app tag */ WHERE user_id = 5"),
		    MOAT_ALLOW);
		assert_int_equal(
		    check(k, "SELECT total ", "-", " credit FROM orders WHERE user_id = 5"),
		    MOAT_ALLOW);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_one_byte_operator_that_cuts_a_command_fires),
	    cmocka_unit_test(a_one_byte_comment_begun_by_the_application_fires),
	    cmocka_unit_test(one_byte_values_stay_allowed),
	    cmocka_unit_test(the_applications_own_comments_stay_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
