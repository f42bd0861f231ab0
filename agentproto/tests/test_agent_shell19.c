/* shell19 (session 22): review13's findings on command lines a shell
 * reads again that session 21 did not follow, and two false positives.
 * Each line of the blocks ran `touch` in place of id in bash 5.2.15 (and
 * dash 0.5.12 and busybox 1.35 sh, but for bash's own <<<, <( ) and
 * read <<<; ssh, sshpass and autossh as stand-ins that do what their
 * manuals say: no network) and was allowed on main e980286; each benign
 * twin ran nothing the input brought. The input is the request's one
 * input. */
#include "agent_shell_test.h"

/* A command line a shell reads again written as a word of several parts
 * (quoted strings and unquoted bytes side by side): its value, the parts
 * joined, is the line (bash <<< 'ls '"x; id" runs ls x; id). */
static void a_line_of_several_quoted_parts_is_read_joined(void **state)
{
	static const char *const blocks[][3] = {
	    {"bash <<< 'ls '\"", "x; id", "\""},
	    {"sh -c 'ls '\"", "x; id", "\""},
	    {"eval \"ls \"'", "x; id", "'"},
	    {"ssh host 'ls '\"", "x; id", "\""},
	    {"sh -c ls\\ \"", "x; id", "\""},
	    {"echo 'ls '\"", "x; id", "\" | sh"},
	    {"bash -c 'cd /srv && '\"grep ", "x; id", "\"' f'"},
	};
	static const char *const passes[][3] = {
	    {"sh -c 'echo \"'\"", "x; id", "\"'\"'"}, {"grep 'a '\"", "x; id", "\" f"},
	    {"bash <<< 'ls '\"", "red shoes", "\""},  {"eval \"ls \"'", "notes.txt", "'"},
	    {"eval \"echo \"'\"", "x; id", "\"'"},    {"ssh host echo \"'", "x; id", "'\""},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* What a process substitution or a command substitution prints where a
 * shell reads it as its script: bash <(...), source <(...), . <(...),
 * sh -c "$(...)", eval "$(...)", bash <<< "$(...)": an echo, printf or
 * cat <<EOF there prints the script. */
static void a_substitution_whose_output_a_shell_runs_is_a_script(void **state)
{
	static const char *const blocks[][3] = {
	    {"bash <(echo 'ls ", "x; id", "')"},
	    {"source <(echo 'ls ", "x; id", "')"},
	    {". <(printf '%s\\n' '", "x; id", "')"},
	    {"sh -c \"$(echo 'ls ", "x; id", "')\""},
	    {"eval \"$(echo 'ls ", "x; id", "')\""},
	    {"bash <<< \"$(echo 'ls ", "x; id", "')\""},
	    {"bash <(cat <<EOF\nls ", "x; id", "\nEOF\n)"},
	};
	static const char *const passes[][3] = {
	    {"cat <(echo 'ls ", "x; id", "')"},
	    {"diff <(echo 'ls ", "x; id", "') f"},
	    {"echo \"$(echo 'ls ", "x; id", "')\""},
	    {"bash ./run.sh <(echo 'ls ", "x; id", "')"},
	    {"bash <(echo 'ls ", "red shoes", "')"},
	    {"sh -c \"$(echo 'ls ", "notes.txt", "')\""},
	    {"sh -c \"$(echo 'echo \"", "x; id", "\"')\""},
	    {"bash <(echo 'ls ", "x; id", "' > f)"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* ssh behind sshpass, autossh or a wrapper's option value, ssh reading
 * the remote shell's script from its standard input (no remote command,
 * or a shell there), a here-document into ssh, and ssh's remote command
 * joined from its words (ssh host bash -c "'...'" runs bash -c '...'). */
static void ssh_in_other_forms_hands_a_line_to_a_shell(void **state)
{
	static const char *const blocks[][3] = {
	    {"sshpass -p secret ssh host 'ls ", "x; id", "'"},
	    {"autossh -M 0 host 'ls ", "x; id", "'"},
	    {"env -u HOME ssh host 'ls ", "x; id", "'"},
	    {"echo 'ls ", "x; id", "' | ssh host"},
	    {"echo '", "x; id", "' | sshpass -p pw ssh -T deploy@web01"},
	    {"echo 'ls ", "x; id", "' | ssh host bash -s"},
	    {"ssh host <<EOF\nls ", "x; id", "\nEOF\n"},
	    {"ssh host bash -c \"'", "x; id", "'\""},
	};
	static const char *const passes[][3] = {
	    {"echo 'ls ", "x; id", "' | ssh host uptime"},
	    {"echo 'ls ", "x; id", "' | ssh -n host"},
	    {"sshpass -p '", "x; id", "' ssh host uptime"},
	    {"ssh host echo \"'", "red; shoes", "'\""},
	    {"autossh -M 0 host 'echo ", "red shoes", "'"},
	    {"autossh -M 0 host 'echo \"", "x; id", "\"'"},
	    {"echo 'ls ", "x; id", "' | ssh-keygen -y -f /dev/stdin"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* A variable that holds the input through a copy (y=$x) or read's
 * here-string (read -r x <<< '...') and is then handed to eval, sh -c or
 * a pipe into a shell. */
static void a_value_copied_or_read_then_run(void **state)
{
	static const char *const blocks[][3] = {
	    {"x='", "x; id", "'; y=$x; eval \"$y\""},
	    {"x='", "x; id", "'; y=\"$x\"; sh -c \"$y\""},
	    {"read -r x <<< '", "x; id", "'; eval \"$x\""},
	    {"read x <<< \"ls ", "x; id", "\"; bash -c \"$x\""},
	};
	static const char *const passes[][3] = {
	    {"x='", "x; id", "'; y=$x; echo \"$y\""},
	    {"read -r x <<< '", "x; id", "'; echo \"$x\""},
	    {"read -r x <<< '", "x; id", "'; eval \"$y\""},
	    {"x='", "x; id", "'; y=$x; eval \"$x2\""},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* False positives: a stage between the echo and the shell that prints a
 * count or a hash prints none of the input's text (wc -l prints a
 * number: sh runs "1"); sort, head, tr ... pass it on. wget -e runs a
 * wgetrc command, a setting: only use_askpass (in any case, with - or _
 * anywhere, as wget reads its commands) runs a program. */
static void counts_hashes_and_wgetrc_settings_run_nothing(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo 'ls ", "x; id", "' | sort -u | sh"},
	    {"echo 'ls ", "x; id", "' | head -c 100 | sh"},
	    {"echo 'ls ", "x; id", "' | wc -l | tee f | sh -s; echo 'ls x; id' | sh"},
	    {"wget ", "-e use_askpass=id", " http://x/"},
	    {"wget ", "-e UseAskPass=id", " http://x/"},
	    {"wget ", "--execute=use-askpass=id http://x/", ""},
	};
	static const char *const passes[][3] = {
	    {"echo '", "x; id", "' | wc -l | sh"},
	    {"echo 'ls ", "x; id", "' | md5sum | sh"},
	    {"echo 'ls ", "x; id", "' | sha256sum | bash"},
	    {"echo 'ls ", "x; id", "' | wc -c | sh"},
	    {"echo 'ls ", "x; id", "' | wc -l | tee f | sh -s"},
	    {"wget ", "-e robots=off", " http://x/"},
	    {"wget ", "-e robots=off -r http://x/", ""},
	    {"wget -q ", "--execute robots=off", " http://x/"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* The same in argv: wget -e's value is a wgetrc command; use_askpass
 * names the program wget spawns (wget 1.21.3 ran it, as UseAskPass and
 * --execute=use-askpass=PROG), robots=off runs nothing; output_document,
 * logfile ... name a file as -O does. */
static void argv_wget_execute_is_a_wgetrc_command(void **state)
{
	const char *a[] = {"wget", "-e", "robots=off", "http://x/", NULL};
	const char *b[] = {"wget", "-e", "use_askpass=/tmp/x", "http://x/", NULL};
	const char *c[] = {"wget", "--execute=UseAskPass=/tmp/x", "http://x/", NULL};
	const char *d[] = {"wget", "-e", "robots = off", "http://x/", NULL};

	(void)state;
	assert_int_equal(argv_verdict("robots=off", a), MOAT_ALLOW);
	assert_int_equal(argv_verdict("off", a), MOAT_ALLOW);
	assert_int_equal(argv_verdict("use_askpass=/tmp/x", b), MOAT_BLOCK);
	assert_int_equal(argv_verdict("/tmp/x", b), MOAT_BLOCK);
	assert_int_equal(argv_verdict("UseAskPass=/tmp/x", c), MOAT_BLOCK);
	assert_int_equal(argv_verdict("robots = off", d), MOAT_ALLOW);
	/* a command that names a file wget writes, as the input's keyword
	 * (as -O/x added by the input fires) */
	{
		const char *e[] = {"wget", "-e", "Log-File=/var/www/x.php", "http://x/", NULL};
		assert_int_equal(argv_verdict("Log-File=/var/www/x.php", e), MOAT_BLOCK);
	}
}

/* review14: a hash stage's --check prints each line's file name back
 * ("NAME: FAILED open or read"), so the input's bytes reach the shell:
 * echo '0...0  x;touch /tmp/r14-pwned-2;' | sha256sum -c 2>/dev/null | sh
 * ran touch in bash 5.2.15 and dash 0.5.12 (md5sum -c and
 * sha256sum --check --quiet alike); blocked on main e980286, allowed on
 * h-shell19 674c16c. */
static void a_hash_stage_that_checks_prints_the_input_back(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | sha256sum -c 2>/dev/null | sh"},
	    {"echo '00000000000000000000000000000000  ", "x;id;", "' | md5sum -c 2>/dev/null | sh"},
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | sha256sum --check --quiet 2>/dev/null | sh"},
	};
	static const char *const passes[][3] = {
	    {"echo '", "x; id", "' | sha256sum | sh -c 'cat > sum.txt'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* review14: wget -e's wgetrc commands that name a file (wget drops '_'
 * and '-' and case: outputdocument, output_document, OutputDocument;
 * post_file uploads a file): the input "-e output_document=F" in
 * wget INPUT http://host/p made wget 1.21.3 write the download to F
 * (proved with a local http server); main e980286 blocked these as
 * cmd.option, h-shell19 674c16c allows them (only robots=off was meant
 * to pass). */
static void wget_e_settings_that_name_a_file_still_fire_in_a_line(void **state)
{
	static const char *const blocks[][3] = {
	    {"wget ", "-e output_document=/root/.bashrc", " http://x/"},
	    {"wget ", "-e outputdocument=/root/.bashrc", " http://x/"},
	    {"wget ", "-e logfile=/var/www/x.php", " http://x/"},
	    {"wget ", "-e post_file=/etc/shadow", " http://x/"},
	    {"wget ", "-e append_output=/root/.bashrc", " http://x/"},
	};
	static const char *const passes[][3] = {
	    {"wget ", "-e robots=off", " http://x/"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* review14: a process substitution redirected into a shell's standard
 * input, and a here-string read as the script file /dev/stdin: each ran
 * touch in bash 5.2.15 (bash < <(echo 'x; touch F')); the benign twins
 * (diff < <(...), bash run.sh <<< ...) run nothing the input brought. */
static void a_substitution_or_here_string_redirected_into_a_shell(void **state)
{
	static const char *const blocks[][3] = {
	    {"bash < <(echo '", "x; id", "')"},         {"sh < <(echo '", "x; id", "')"},
	    {"ssh -T host < <(echo '", "x; id", "')"},  {"bash /dev/stdin <<< '", "x; id", "'"},
	    {"bash -c \"$(cat <<< '", "x; id", "')\""}, {"bash <(cat <<< '", "x; id", "')"},
	};
	static const char *const passes[][3] = {
	    {"diff < <(echo '", "x; id", "') old.txt"},
	    {"bash run.sh <<< '", "x; id", "'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* review14: other copies of a value then run: printf -v, read with IFS=
 * in front, read from a here-document (each ran touch in bash 5.2.15;
 * the here-document one in dash too). */
static void a_value_copied_by_printf_or_read_with_ifs_then_run(void **state)
{
	static const char *const blocks[][3] = {
	    {"x='", "x; id", "'; printf -v y %s \"$x\"; eval \"$y\""},
	    {"IFS= read -r x <<< '", "x; id", "'; eval \"$x\""},
	    {"read -r x <<'E'\n", "x; id", "\nE\neval \"$x\""},
	};
	static const char *const passes[][3] = {
	    {"IFS= read -r x <<< '", "x; id", "'; echo \"$x\" > out.txt"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* shell20: the families of review14's findings, in other spellings.
 * A hash program's check mode (-c in a cluster, --check or its prefix,
 * cksum's and b2sum's too) and wc --files0-from print the names they
 * read (bash 5.2.15 and dash ran touch through sha256sum -wc, md5sum
 * --che, cksum -a sha256 --untagged -c, b2sum -l 256 -c, busybox
 * sha256sum -c); hashing itself prints none of the text. */
static void shell20_hash_check_modes_print_names(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | sha256sum -wc 2>/dev/null | sh"},
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | md5sum --che 2>/dev/null | bash"},
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | cksum -a sha256 --untagged -c | sh"},
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | b2sum -l 256 -c | sh"},
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | busybox sha256sum -c | sh"},
	    {"echo '0000000000000000000000000000000000000000000000000000000000000000  ", "x;id;",
	     "' | sha1sum '--check' | sh"},
	    {"printf '%s\\0' '", "x;id;", "' | wc --files0-from=- | sh"},
	    {"echo '", "x;id;", "' | cksum --raw | sh"},
	};
	static const char *const passes[][3] = {
	    {"echo 'ls ", "x; id", "' | sha256sum -b | sh"},
	    {"echo 'ls ", "x; id", "' | md5sum --tag | sh"},
	    {"echo 'ls ", "x; id", "' | cksum -a sha256 | sh"},
	    {"echo 'ls ", "x; id", "' | b2sum -l 256 | sh"},
	    {"echo 'ls ", "x; id", "' | wc -w --total=only | sh"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* wget -e: only settings that name no file, no program, no host or
 * credential and no request body pass (robots, tries, timeout,
 * user_agent ...: the list in ma_sh_wgetrc_key); any other command,
 * also one wget does not know or one whose name is split by quotes,
 * fires, in the line and in argv (an input of one word that is an
 * option, -eoutput_document=F alone, is judged nowhere, as
 * --upload-pack=id alone: the input's new words are). */
static void shell20_wget_e_only_plain_settings_pass(void **state)
{
	static const char *const blocks[][3] = {
	    {"wget ", "-e OutputDocument=/root/.bashrc", " http://x/"},
	    {"wget ", "--execute=post-file=/etc/shadow http://x/", ""},
	    {"wget ", "-e dir_prefix=/var/www", " http://x/"},
	    {"wget ", "-e hsts_file=/root/.bashrc", " http://x/"},
	    {"wget ", "-e body_file=/etc/shadow", " http://x/"},
	    {"wget ", "-e 'output'_document=/root/.bashrc", " http://x/"},
	    {"wget ", "-e \"save_cookies = /var/www/x.php\"", " http://x/"},
	    {"wget ", "-e http_proxy=http://evil:8080/", " http://x/"},
	    {"wget ", "-e header=Cookie:a", " http://x/"},
	    {"wget -q ", "--execute input=/etc/passwd", " http://x/"},
	    {"wget ", "-e warc_file=/var/www/x", " http://x/"},
	    {"wget ", "-eoutput_document=/root/.bashrc http://x/", ""},
	};
	static const char *const passes[][3] = {
	    {"wget ", "-e tries=3", " http://x/"},
	    {"wget ", "-e timeout=10", " http://x/"},
	    {"wget ", "-e user_agent=Mozilla", " http://x/"},
	    {"wget ", "-e check_certificate=off", " http://x/"},
	    {"wget ", "-e Robots=Off", " http://x/"},
	    {"wget ", "-e \"robots = off\"", " http://x/"},
	    {"wget ", "-e wait=1 -e limit_rate=100k", " http://x/"},
	};
	const char *a[] = {"wget", "-e", "output_document=/root/.bashrc", "http://x/", NULL};
	const char *b[] = {"wget", "-e", "http_proxy=http://evil/", "http://x/", NULL};
	const char *c[] = {"wget", "-e", "tries=3", "http://x/", NULL};
	const char *d[] = {"wget", "-e", "header=X-Token: abc", "http://x/", NULL};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
	assert_int_equal(argv_verdict("output_document=/root/.bashrc", a), MOAT_BLOCK);
	assert_int_equal(argv_verdict("http_proxy=http://evil/", b), MOAT_BLOCK);
	assert_int_equal(argv_verdict("tries=3", c), MOAT_ALLOW);
	/* the value of a setting the application wrote: data */
	assert_int_equal(argv_verdict("abc", d), MOAT_ALLOW);
}

/* A shell's standard input from a process substitution (bash < <(...),
 * 0<, behind sudo), a script operand that is standard input (bash
 * /dev/stdin, /dev/fd/0) fed by a here-string or a here-document, and
 * cat's here-string printing a substituted script (bash 5.2.15 ran each;
 * the twins feed data to a program or a script). */
static void shell20_stdin_of_a_shell_from_a_substitution(void **state)
{
	static const char *const blocks[][3] = {
	    {"bash 0< <(printf '%s\\n' '", "x; id", "')"},
	    {"sudo -u www bash -s < <(echo '", "x; id", "')"},
	    {"bash 2>/dev/null < <(echo '", "x; id", "')"},
	    {"ssh deploy@web01 < <(echo '", "x; id", "')"},
	    {"bash /dev/fd/0 <<< '", "x; id", "'"},
	    {"sh /dev/stdin <<'E'\n", "x; id", "\nE\n"},
	    {"source <(cat <<< '", "x; id", "')"},
	    {"sh -c \"$(cat <<< 'ls ", "x; id", "')\""},
	};
	static const char *const passes[][3] = {
	    {"bash run.sh < <(echo '", "x; id", "')"},
	    {"cat < <(echo '", "x; id", "')"},
	    {"ssh -n host uptime < <(echo '", "x; id", "')"},
	    {"grep -c x <(cat <<< '", "x; id", "')"},
	    {"bash <(cat <<< '", "x; id", "' > f)"},
	    {"bash run.sh /dev/stdin <<< '", "x; id", "'"},
	    /* ssh's standard input, not its remote command (main 66d44e8
	     * blocked it: the here-string was read as a word of it) */
	    {"ssh host cat <<< '", "x; id", "'"},
	    {"bash < <(echo '", "red shoes", "')"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* Copies by printf -v (attached -vNAME, the value as the format too) and
 * by read after assignments or from a here-document (<<E, <<-E); printf
 * %q quotes the value for the shell (eval runs the one word). */
static void shell20_copies_by_printf_and_read(void **state)
{
	static const char *const blocks[][3] = {
	    {"x='", "x; id", "'; printf -vy '%s' \"$x\"; eval \"$y\""},
	    {"x='", "x; id", "'; printf -v cmd \"$x\"; bash -c \"$cmd\""},
	    {"LC_ALL=C IFS= read -r line <<< '", "x; id", "'; eval \"$line\""},
	    {"read -r x <<E\n", "x; id", "\nE\nsh -c \"$x\""},
	    {"IFS= read -r x <<-'E'\n", "x; id", "\n\tE\neval \"$x\""},
	    {"printf -v y %s '", "x; id", "'; eval \"$y\""},
	    {"x='", "x; id", "'; printf -v 'y' %s \"$x\"; eval \"$y\""},
	};
	static const char *const passes[][3] = {
	    {"x='", "x; id", "'; printf -v y %q \"$x\"; eval \"echo $y\""},
	    {"x='", "x; id", "'; printf -v y %s \"$x\"; echo \"$y\""},
	    {"read -r x <<'E'\n", "x; id", "\nE\necho \"$x\" > f"},
	    {"read -r x <<'E'\n", "x; id", "\nE\neval \"$y\""},
	    {"printf -v y %q '", "x; id", "'; eval \"$y\""},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_of_several_quoted_parts_is_read_joined),
	    cmocka_unit_test(a_substitution_whose_output_a_shell_runs_is_a_script),
	    cmocka_unit_test(ssh_in_other_forms_hands_a_line_to_a_shell),
	    cmocka_unit_test(a_value_copied_or_read_then_run),
	    cmocka_unit_test(counts_hashes_and_wgetrc_settings_run_nothing),
	    cmocka_unit_test(argv_wget_execute_is_a_wgetrc_command),
	    cmocka_unit_test(a_hash_stage_that_checks_prints_the_input_back),
	    cmocka_unit_test(wget_e_settings_that_name_a_file_still_fire_in_a_line),
	    cmocka_unit_test(a_substitution_or_here_string_redirected_into_a_shell),
	    cmocka_unit_test(a_value_copied_by_printf_or_read_with_ifs_then_run),
	    cmocka_unit_test(shell20_hash_check_modes_print_names),
	    cmocka_unit_test(shell20_wget_e_only_plain_settings_pass),
	    cmocka_unit_test(shell20_stdin_of_a_shell_from_a_substitution),
	    cmocka_unit_test(shell20_copies_by_printf_and_read),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
