/* review27 (session 34) on main a020085 and h-misc11 00272e9: a one-byte
 * separator input (`;`, `&`, `|`, a line feed; review25d, shellfix2) is
 * not judged where the application's next byte is '-' (ma_sh_one_cut /
 * ma_sh_one_place: "a byte before an option word", kept for usage lines
 * such as `[-s|--delimiter]`). But an application's suffix often begins
 * with '-' (`{id}-thumbs`, `{name}-backup.tgz`, `{date}-report.pdf`):
 * `rm -rf /srv/cache/` + `;` + `-thumbs` runs `rm -rf /srv/cache/`
 * (every user's cache) and then `-thumbs` (not found) -- 5 of 5 allowed
 * (`;`, `&`, `|`, a line feed, and before `--old`); the same byte before
 * `/avatar.png` or `.bak` blocks. Run here: sh -c
 * "rm -rf DIR/cache/;-thumbs" removed DIR/cache. Twins: the usage line
 * and the byte inside quotes stay allowed.
 */
#include "agent_shell_test.h"

static void a_one_byte_separator_before_a_dash_suffix_fires(void **state)
{
	static const char *const c[][3] = {
	    {"rm -rf /srv/cache/", ";", "-thumbs"},
	    {"rm -rf /srv/cache/", "&", "-thumbs"},
	    {"rm -rf /srv/cache/", "|", "-thumbs"},
	    {"rm -rf /srv/cache/", "\n", "-thumbs"},
	    {"tar czf /srv/backups/", ";", "--old.tgz /srv/data"},
	};
	int bad = 0;

	(void)state;
	/* the controls: before another byte the same input blocks */
	assert_int_equal(verdict("rm -rf /srv/cache/", ";", "/avatar.png"), MOAT_BLOCK);
	assert_int_equal(verdict("rm -rf /srv/cache/", ";", ".bak"), MOAT_BLOCK);
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (verdict(c[i][0], c[i][1], c[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s[%s]%s\n", c[i][0], c[i][1], c[i][2]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

/* ma_sh_one_cut's walk of the line's quotes before the place takes
 * `$'it\'s'` (bash's ANSI-C quoting, where \' is a quote of the string)
 * and the body of a here-document (`cat <<'E'` ... `it's` ... `E`) as
 * an open quote: every later place is "inside a quote" (lower: the
 * application's own line must hold one) */
static void a_one_byte_separator_after_ansi_c_quote_or_heredoc_fires(void **state)
{
	(void)state;
	assert_int_equal(verdict("echo $'it\\'s'; rm -rf /srv/app/users/", ";", "/avatar.png"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    verdict("cat > /srv/app/motd <<'EOF'\nit's done\nEOF\nrm -rf /srv/app/users/", ";",
	            "/avatar.png"),
	    MOAT_BLOCK);
}

static void a_usage_line_or_a_quoted_byte_stays_allowed(void **state)
{
	(void)state;
	assert_int_equal(verdict("echo 'usage: cut [-d", "|", "--delimiter] FILE'"), MOAT_ALLOW);
	assert_int_equal(verdict("printf '%s\\n' 'a", ";", "-b'"), MOAT_ALLOW);
	assert_int_equal(verdict("grep -c -- \"x", "|", "-y\" /srv/log/app.log"), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_one_byte_separator_before_a_dash_suffix_fires),
	    cmocka_unit_test(a_one_byte_separator_after_ansi_c_quote_or_heredoc_fires),
	    cmocka_unit_test(a_usage_line_or_a_quoted_byte_stays_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
