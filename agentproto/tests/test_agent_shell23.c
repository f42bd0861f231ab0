/* shell23 (session 23): review15's shell21 items 8 and 9 — an input in
 * the value of an option the application wrote. Each block was proved
 * with `touch /tmp/PWNED-x` run by bash 5.2.15 -c in a scratch directory
 * (GNU sed 4.9, GNU tar 1.34, zip 3.0, git 2.39, OpenSSH 9.2; ssh's
 * ProxyCommand ran with no server, git's alias and core.fsmonitor in a
 * local repository) and was allowed on main 6c6cccf; the twins ran
 * nothing. The input is the request's one input. */
#include "agent_shell_test.h"

/* Item 8: sed's script (-e, --expression, glued -eSCRIPT, or the script
 * operand) with an e command, an s command's e flag or w; tar
 * --to-command, zip -TT / --unzip-command (two words, or glued -TTCMD)
 * with the input in the command line. */
static void an_input_in_a_command_or_script_value_of_an_option(void **state)
{
	static const char *const blocks[][3] = {
	    {"sed '", "--expression=1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed -n '", "-e1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed -e '", "1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed --expression '", "1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed -e '", "s/a/touch \\/tmp\\/PWNED-x;id/e", "' f.txt"},
	    {"sed '", "1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed -n '", "s/a/touch \\/tmp\\/PWNED-x;id/e", "' f.txt"},
	    {"sed -e 's/a/", "b/e", "' f.txt"},
	    {"sed '", "1w /tmp/PWNED-x", "' f.txt"},
	    {"zip -T '", "-TTtouch /tmp/PWNED-x", "' out.zip f"},
	    {"zip -T out.zip f '", "--unzip-command=touch /tmp/PWNED-x", "'"},
	    {"tar -xf a.tar --to-command 'cat ", "x; touch /tmp/PWNED-x", "'"},
	};
	static const char *const passes[][3] = {
	    {"sed -e '", "s/a/b/", "' f"},
	    {"sed '", "s/a/b/", "' f"},
	    {"sed 's/x/", "hello world", "/g' f"},
	    {"sed -n '/", "hello", "/p' f"},
	    {"sed 's/a/b/' ", "notes.txt", ""},
	    {"sed -e 's/a/b/' -e '", "s/c/d/g", "' f"},
	    {"tar -cf a.tar --exclude=", "*.o", " d"},
	    {"tar -cf a.tar --exclude '", "*.o", "' d"},
	    {"zip -r out.zip ", "dir", ""},
	    {"zip -r out.zip '", "my dir", "'"},
	    {"tar -xf a.tar --to-command 'cat > ", "x.txt", "'"},
	    {"echo '", "1e touch /tmp/PWNED-x", "'"},
	    {"grep -e '", "1e touch", "' f.txt"},
	    /* session 24 (the lead's decision): a whole command line the
	     * user picks is read as sh -c 'INPUT' is (test_agent_shell24) */
	    {"tar -xf a.tar --to-command '", "touch /tmp/PWNED-x", "'"},
	    {"zip -T -TT '", "touch /tmp/PWNED-x", "' out.zip f"},
	    {"zip -T --unzip-command '", "touch /tmp/PWNED-x", "' out.zip f"},
	    /* session 24 (the lead's decision): the whole script is the
	     * user's by the application's design, read as sh -c 'INPUT'
	     * is: its e command or e flag with no operator passes (its
	     * operator twin blocks) */
	    {"sed '", "--expression=1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed -n '", "-e1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed -e '", "1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed --expression '", "1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed -e '", "s/a/touch \\/tmp\\/PWNED-x/e", "' f.txt"},
	    {"sed '", "1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed -n '", "s/a/touch \\/tmp\\/PWNED-x/e", "' f.txt"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* Item 9: ssh's -o (glued -oKEY=VALUE or the next word) and git's -c
 * (before the subcommand): an input that writes the keyword or key fires
 * when it runs a command (ProxyCommand, LocalCommand,
 * KnownHostsCommand, core.sshCommand, core.pager, core.fsmonitor,
 * alias.*, credential.helper ...) or includes a file or a Match exec
 * (session 24: deny-lists; OpenSSH 9.2p1 refuses Include and Match on
 * its command line, "not supported as a command-line option", but they
 * stay listed as the manual lists them); a plain setting (ConnectTimeout,
 * BatchMode, Port, User ...; color.ui, user.name, core.autocrlf ...) or
 * one not listed passes. */
static void an_ssh_or_git_setting_passes_only_when_plain(void **state)
{
	static const char *const blocks[][3] = {
	    {"ssh -o '", "ProxyCommand=touch /tmp/PWNED-x", "' host ls"},
	    {"ssh '", "-oProxyCommand=touch /tmp/PWNED-x", "' host ls"},
	    {"ssh '-o", "ProxyCommand=touch /tmp/PWNED-x", "' host ls"},
	    {"ssh -o '", "LocalCommand=touch /tmp/PWNED-x", "' host"},
	    {"ssh -o '", "PermitLocalCommand=yes", "' host"},
	    {"ssh -o '", "KnownHostsCommand=/tmp/x.sh", "' host"},
	    {"ssh '", "-oKnownHostsCommand=/tmp/x.sh", "' host"},
	    {"ssh -o '", "Include /tmp/x", "' host"},
	    {"ssh -o '", "Match exec \"touch /tmp/PWNED-x\"", "' host"},
	    {"scp -o '", "proxycommand=touch /tmp/PWNED-x", "' f host:/tmp"},
	    {"git -c '", "core.sshCommand=touch /tmp/PWNED-x", "' fetch"},
	    {"git -c '", "core.pager=touch /tmp/PWNED-x", "' log"},
	    {"git -c '", "core.editor=touch /tmp/PWNED-x", "' commit"},
	    {"git -c '", "core.fsmonitor=touch /tmp/PWNED-x", "' status"},
	    {"git -C /srv/r -c '", "core.hooksPath=/tmp/h", "' commit -m x"},
	    {"git -c '", "alias.x=!touch /tmp/PWNED-x", "' x"},
	    {"git -c '", "credential.helper=!touch /tmp/PWNED-x", "' fetch"},
	    {"git -c '", "protocol.ext.allow=always", "' clone ext::sh"},
	    {"git -c '", "uploadpack.packObjectsHook=x", "' fetch"},
	    {"git -c '", "tar.x.command=touch /tmp/PWNED-x", "' archive"},
	};
	static const char *const passes[][3] = {
	    {"ssh -o '", "StrictHostKeyChecking=no", "' host ls"},
	    {"ssh '", "-oStrictHostKeyChecking=no", "' host ls"},
	    {"ssh -o '", "ConnectTimeout=5", "' host ls"},
	    {"ssh '-o", "ConnectTimeout=5", "' host ls"},
	    {"ssh -o '", "BatchMode=yes", "' host ls"},
	    {"ssh -o '", "Port=2222", "' host"},
	    {"ssh -o '", "User=deploy", "' host"},
	    {"ssh -o 'User=", "deploy", "' host"},
	    {"ssh -o '", "ServerAliveInterval=30", "' host"},
	    {"ssh -o '", "serveralivecountmax 3", "' host"},
	    {"git -c '", "color.ui=auto", "' log"},
	    {"git -c '", "user.name=Ann Lee", "' commit -m x"},
	    {"git -c user.name='", "Ann Lee", "' commit -m x"},
	    {"git -c '", "core.autocrlf=false", "' status"},
	    {"git -C /srv/r -c '", "user.email=a@b.c", "' commit -m x"},
	    {"git commit -c '", "HEAD~1", "'"},
	    {"git log --grep '", "core.pager=x", "'"},
	    /* session 24: deny-lists, a keyword or key not listed passes */
	    {"ssh -o '", "SomethingNew=1", "' host"},
	    {"git -c '", "some.unknown=1", "' status"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_input_in_a_command_or_script_value_of_an_option),
	    cmocka_unit_test(an_ssh_or_git_setting_passes_only_when_plain),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
