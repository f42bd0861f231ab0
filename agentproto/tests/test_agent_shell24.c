/* shell24 (session 24): the lead's decisions on shell23's option values.
 * (1) ssh -o and git -c judged by deny-lists read from ssh_config(5)
 * (OpenSSH 9.2p1) and git-config(1) and git's other pages (git 2.39.5):
 * an input that writes or makes a keyword or key that runs a program,
 * loads code or reads a configuration that can fires; every other
 * setting passes. (2) An input that is a whole command line the
 * application let the user pick (tar -I 'INPUT', rsync -e 'INPUT', git -c
 * core.pager='INPUT', --to-command='INPUT') is judged as sh -c 'INPUT'
 * is; one split without a shell (rsync -e) only picks the program.
 * Each block was proved with `touch /tmp/PWNED-x` in bash 5.2.15 -c, the
 * input spliced in, in a scratch directory (GNU tar 1.34, zip 3.0, git
 * 2.39.5 in a scratch repository, rsync 3.5.0, OpenSSH 9.2p1 against a
 * throwaway sshd on 127.0.0.1, the pager lines under script(1) for a
 * terminal); the input is the request's one input. */
#include "agent_shell_test.h"

/* ssh -o: keywords case ignored, a double-quoted keyword, "Key Value",
 * "Key = Value", and a keyword the input makes with the application's
 * bytes (an input of letters, digits and '_' alone is never judged: the
 * line check skips it whole). */
static void ssh_keywords_that_run_or_load_fire_and_plain_settings_pass(void **state)
{
	static const char *const blocks[][3] = {
	    {"ssh -o '", "ProxyCommand=touch /tmp/PWNED-x", "' host true"},
	    {"ssh -o '", "\"ProxyCommand\" touch /tmp/PWNED-x", "' host true"},
	    {"ssh -o '", "PROXYCOMMAND = touch /tmp/PWNED-x", "' host true"},
	    {"ssh -o 'Proxy", "Command=touch /tmp/PWNED-x", "' host true"},
	    {"ssh -o PermitLocalCommand=yes -o '", "LocalCommand=touch /tmp/PWNED-x",
	     "' host true"},
	    {"ssh -o '", "permitlocalcommand yes",
	     "' -o 'localcommand touch /tmp/PWNED-x' host true"},
	    {"ssh -o '", "RemoteCommand=touch /tmp/PWNED-x", "' host"},
	    {"ssh -o '", "KnownHostsCommand=/usr/bin/touch /tmp/PWNED-x", "' host true"},
	    {"ssh -o '", "PKCS11Provider=/tmp/x/p11.so", "' host true"},
	    {"ssh -X -o '", "XAuthLocation=/tmp/x/xa.sh", "' host true"},
	    {"ssh '", "-oProxyCommand=touch /tmp/PWNED-x", "' host true"},
	    {"scp -o '", "proxycommand=touch /tmp/PWNED-x", "' f host:/tmp"},
	};
	static const char *const passes[][3] = {
	    {"ssh -o '", "UserKnownHostsFile=/dev/null", "' host ls"},
	    {"ssh -o '", "ForwardAgent=yes", "' host ls"},
	    {"ssh -o '", "ControlMaster=auto", "' host"},
	    {"ssh -o '", "ControlPath=/tmp/cm-%r@%h:%p", "' host"},
	    {"ssh -o '", "ControlPersist=10m", "' host"},
	    {"ssh -o '", "IdentityFile=~/.ssh/deploy", "' host"},
	    {"ssh -o '", "SendEnv=LANG LC_*", "' host"},
	    {"ssh -o '", "ProxyJump=bastion.example", "' host"},
	    {"ssh -o '", "Hostname 10.0.0.5", "' host"},
	    {"ssh -o '", "LogLevel=ERROR", "' host"},
	    {"ssh -o '", "SomethingNew=1", "' host"},
	    {"ssh -o 'Control", "Persist=10m", "' host"},
	    {"ssh -o 'ProxyCommand=ssh -W %h:%p ", "bastion.example", "' host"},
	    {"ssh '", "-oUserKnownHostsFile=/dev/null", "' host ls"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* git -c (before the subcommand): section and name case ignored, any
 * subsection; whole sections (pager.*, alias.*, credential.*), names in
 * any section (*.cmd, *.command, *.textconv ...), and a key the input
 * makes with the application's bytes. */
static void git_keys_that_run_or_load_fire_and_plain_settings_pass(void **state)
{
	static const char *const blocks[][3] = {
	    {"git -c '", "core.pager=touch /tmp/PWNED-x", "' -p log"},
	    {"git -c '", "Core.Pager=touch /tmp/PWNED-x", "' -p log"},
	    {"git -c 'core.", "pager=touch /tmp/PWNED-x", "' -p log"},
	    {"git -c '", "pager.log=touch /tmp/PWNED-x", "' log"},
	    {"git -c '", "alias.st=!touch /tmp/PWNED-x", "' st"},
	    {"git -c '", "include.path=/tmp/x/pwn.cfg", "' st"},
	    {"git -c '", "includeIf.gitdir:/tmp/.path=/tmp/x/pwn.cfg", "' st"},
	    {"git -c '", "filter.lfs.clean=touch /tmp/PWNED-x; cat", "' add f.txt"},
	    {"git -c '", "diff.pdf.textconv=touch /tmp/PWNED-x; cat", "' diff"},
	    {"git -c '", "diff.external=touch /tmp/PWNED-x;", "' diff"},
	    {"git -c '", "credential.helper=!touch /tmp/PWNED-x", "' credential fill"},
	    {"git -c '", "credential.https://h.example.helper=!touch /tmp/PWNED-x",
	     "' credential fill"},
	    {"git -c '", "core.fsmonitor=touch /tmp/PWNED-x;", "' status"},
	    {"git -c '", "core.hooksPath=/tmp/x/hooks", "' commit --allow-empty -m x"},
	    {"git -c '", "core.sshCommand=touch /tmp/PWNED-x;", "' fetch ssh://h.example/r"},
	    {"git -c '", "protocol.ext.allow=always", "' fetch 'ext::sh -c touch% /tmp/PWNED-x'"},
	    {"git -c '", "remote.origin.uploadpack=touch /tmp/PWNED-x;", "' fetch"},
	    {"git -c '", "tar.tgz.command=touch /tmp/PWNED-x; cat", "' archive --format=tgz HEAD"},
	    {"git -c '", "trailer.sign.command=touch /tmp/PWNED-x", "' interpret-trailers"},
	    {"git -c '", "gpg.program=/tmp/x/pwn.sh", "' commit -S -m x"},
	    {"git -c gpg.format=ssh -c '", "gpg.ssh.program=/tmp/x/pwn.sh", "' commit -S -m x"},
	    {"git -c '", "core.gitProxy=/tmp/x/pwn.sh", "' fetch git://h.example/r"},
	    {"git -c '", "sequence.editor=touch /tmp/PWNED-x;", "' rebase -i HEAD"},
	    {"git -c '", "core.editor=touch /tmp/PWNED-x;", "' commit --allow-empty"},
	    {"git -c '", "difftool.x.cmd=touch /tmp/PWNED-x", "' difftool -y --tool=x"},
	};
	static const char *const passes[][3] = {
	    {"git -c '", "http.sslVerify=false", "' fetch"},
	    {"git -c '", "http.postBuffer=524288000", "' push"},
	    {"git -c '", "user.name=Ann Lee", "' commit -m x"},
	    {"git -c '", "core.quotePath=off", "' status"},
	    {"git -c '", "core.longpaths=true", "' status"},
	    {"git -c '", "pull.rebase=true", "' pull"},
	    {"git -c '", "init.defaultBranch=main", "' init"},
	    {"git -c '", "some.unknown=1", "' status"},
	    {"git -c '", "gc.auto=0", "' fetch"},
	    {"git -c 'core.", "autocrlf=false", "' status"},
	    {"git -c '", "credentialx.helper2=x", "' status"},
	    {"git -c 'url.", "https://mirror.example/", ".insteadOf=https://h/' fetch"},
	    {"git -c 'core.sshCommand=ssh -i ", "/keys/web-01", "' fetch"},
	    {"git commit -c '", "HEAD~1", "'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* A whole command line the application let the user pick: read as sh -c
 * 'INPUT' is (an operator or a substitution fires, a command and its
 * words pass: probes sh -c 'uptime' passes, 'df -h | head' fires); rsync
 * -e splits without a shell ("ssh -p 22; touch F" and "$(touch F)" made
 * no F with rsync 3.5.0), so only picks the program; an input that adds
 * to the application's line keeps shell23's reading (an option word, a
 * separator). */
static void a_whole_command_line_value_is_read_as_sh_c_reads_it(void **state)
{
	static const char *const blocks[][3] = {
	    {"tar -xf a.tar --to-command='", "cat > /tmp/PWNED-x", "'"},
	    {"tar -xf a.tar --to-command '", "cat | tee /tmp/PWNED-x", "'"},
	    {"tar -cf b.tar -I '", "cat; touch /tmp/PWNED-x", "' f"},
	    {"tar -cf b.tar -I '", "gzip $(touch /tmp/PWNED-x)", "' f"},
	    {"tar -cf b.tar --use-compress-program='", "xz -9 && touch /tmp/PWNED-x", "' f"},
	    {"zip -T z.zip -TT '", "true; touch /tmp/PWNED-x", "'"},
	    {"zip -T z.zip --unzip-command='", "unzip -tqq {} && touch /tmp/PWNED-x", "'"},
	    {"git -c core.pager='", "cat; touch /tmp/PWNED-x", "' -p log"},
	    {"ssh -o ProxyCommand='", "touch /tmp/PWNED-x; nc %h %p", "' host true"},
	    {"tar -cf b.tar -I 'gzip ", "-9; touch /tmp/PWNED-x", "' f"},
	    {"rsync -e 'ssh", " -oProxyCommand=\"touch /tmp/PWNED-x\"", "' f h.example:/x"},
	};
	static const char *const passes[][3] = {
	    {"tar -cf a.tar -I '", "zstd -19", "' d"},
	    {"tar -cf a.tar --use-compress-program='", "xz -9e", "' d"},
	    {"tar -xf a.tar --to-command='", "md5sum", "'"},
	    {"rsync -a -e '", "ssh -p 2222", "' d host:/x"},
	    {"rsync -a -e '", "ssh -i /keys/id -o StrictHostKeyChecking=no", "' d host:/x"},
	    {"rsync -a -e '", "ssh -p 22; touch /tmp/PWNED-x", "' f h.example:/x"},
	    {"rsync -a --rsh='", "ssh -p 22 $(touch /tmp/PWNED-x)", "' f h.example:/x"},
	    {"git -c core.pager='", "less -R", "' log"},
	    {"git -c 'core.pager=", "less -R", "' log"},
	    {"git -c core.editor='", "vim", "' commit"},
	    {"ssh -o ProxyCommand='", "ssh -W %h:%p bastion.example", "' host"},
	    {"zip -T z.zip -TT '", "unzip -tqq", "'"},
	    {"man -P '", "less -R", "' ls"},
	    {"tar -cf a.tar -I 'zstd ", "-19", "' d"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* review16's sed findings, in lines of my own (GNU sed 4.9, f.txt "a
 * line"): a label ends at ';', a backslash in single quotes stays
 * sed's, --ex= is --expression, the options before the script operand
 * are read as sed's getopt reads them (-l's value, -i's suffix, a long
 * option's abbreviation), and an input beside a w the application wrote
 * adds nothing (the script judged with the input's bytes as letters). */
static void a_sed_script_is_read_as_gnu_sed_reads_it(void **state)
{
	static const char *const blocks[][3] = {
	    {"sed '", ":top;1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed --line-length=80 '", "1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed --line-length 80 '", "1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed -nl 80 '", "1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed -i.orig-file '", "1e touch /tmp/PWNED-x;id", "' g.txt"},
	    {"sed -n '", "\\,a,e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed -n '", "s/a\\/b/c/;1e touch /tmp/PWNED-x;id", "' f.txt"},
	    {"sed --ex='", "1e touch /tmp/PWNED-x;id", "' f.txt"},
	};
	static const char *const passes[][3] = {
	    {"sed -n '/", "error 42", "/w /tmp/out.txt' f.txt"},
	    {"sed 's/x/", "y z", "/w /tmp/out.log' f.txt"},
	    {"sed --line-length=80 's/a/", "b c", "/' f.txt"},
	    {"sed -e 's/a/b/' f.txt '", "1e touch", "'"},
	    /* session 24 (the lead's decision): the whole script is the
	     * user's by the application's design, read as sh -c 'INPUT'
	     * is: its e command with no operator passes (its operator
	     * twin in the blocks) */
	    {"sed '", ":top;1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed --line-length=80 '", "1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed --line-length 80 '", "1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed -nl 80 '", "1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed -i.orig-file '", "1e touch /tmp/PWNED-x", "' g.txt"},
	    {"sed -n '", "\\,a,e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed -n '", "s/a\\/b/c/;1e touch /tmp/PWNED-x", "' f.txt"},
	    {"sed --ex='", "1e touch /tmp/PWNED-x", "' f.txt"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(ssh_keywords_that_run_or_load_fire_and_plain_settings_pass),
	    cmocka_unit_test(git_keys_that_run_or_load_fire_and_plain_settings_pass),
	    cmocka_unit_test(a_whole_command_line_value_is_read_as_sh_c_reads_it),
	    cmocka_unit_test(a_sed_script_is_read_as_gnu_sed_reads_it),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
