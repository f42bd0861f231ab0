/* shellfp8 (session 29): command_injection false positives on lines of
 * the kind cheat sheets and manuals print, checked as the benchmark
 * checks a benign operation (every literal argument of the line a
 * request input at once), each family with attack twins of the same
 * shape. Lines are this file's own wordings. The input is the request's
 * one input unless the test says otherwise. */
#include "agent_shell_test.h"

#include "../../bench/detect/shlit.h"

/* moat_check_shell of line with every literal argument as an input, as
 * the benchmark checks a benign operation (bench/detect/shlit.h). */
static int line_verdict(const char *line)
{
	static struct ma_sh_lex lx;
	struct moat_request_info ri = {.method = "POST", .endpoint = "/api/run", .policy = pol};
	struct moat_request *r = NULL;
	size_t n = strlen(line), l;
	int cmdpos = 1, v;
	const char *s;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	ma_sh_lex(line, n, &lx);
	for (int i = 0; shlit_next(line, &lx, &i, &cmdpos, &s, &l);)
		assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "arg", s, l), 0);
	v = moat_check_shell(r, line, n);
	moat_request_end(r);
	return v;
}

/* One-liners of the kinds cheat sheets hold: pipes, awk, sed, jq and
 * perl programs, find -exec, curl with JSON bodies, git log formats,
 * ssh with one remote command, tar and zip with quoted globs, quoted
 * arguments full of metacharacters that stay one argument. Every literal
 * is data to its program (an awk or jq program, a pattern, a message, a
 * JSON body): each passes with all its literals as inputs, on main as
 * here (a guard). Their attack twins close the application's quote and
 * add a command: each blocks. */
static void documentation_one_liners_pass_with_their_literals_as_inputs(void **state)
{
	static const char *const lines[] = {
	    "awk -F';' 'NR > 1 && $4 ~ /^ok/ { n++ } END { print n + 0 }' report.csv | tee "
	    "count.txt",
	    "awk '{ hits[$7] += 1 } END { for (u in hits) print hits[u], u }' web.log | sort -rn | "
	    "head -n 15",
	    "sed -E 's/([a-z]+)@([a-z.]+)/<\\1 at \\2>/g; /^$/d' contacts.txt > clean.txt",
	    "sed -n '/^BEGIN/,/^END/{ /^#/!p }' notes.cfg",
	    "jq -r '.releases[] | select(.draft == false) | \"\\(.tag)\\t\\(.date)\"' feed.json",
	    "jq '[.[] | {id, total: (.lines | map(.qty * .price) | add)}]' orders.json > sums.json",
	    "perl -ne 'print \"$1\\n\" if /user=(\\w+);/' audit.log | sort -u",
	    "perl -pi -e 's/\\bcolour\\b/color/g; s/\\s+$//' chapter*.md",
	    "find ./photos -iname '*.jpeg' -newer marker -exec exiftool -overwrite_original "
	    "'-AllDates+=1:0:0 0:0:0' {} +",
	    "find /srv/cache -type f -name 'tmp_*;old' -mtime +3 -delete",
	    "find . \\( -name '*.orig' -o -name '*.rej' \\) -print0 | xargs -0r rm -v",
	    "curl -sS -X POST -H 'Content-Type: application/json' -d '{\"title\": \"a & b; c\", "
	    "\"tags\": [\"x|y\", \"(z)\"]}' https://api.example.org/v2/notes",
	    "curl -w 'dns=%{time_namelookup} total=%{time_total}\\n' -so /dev/null "
	    "https://example.org",
	    "git log --since='3 weeks ago' --pretty=format:'%h | %<(12)%an | %s' --no-merges",
	    "git log --format='%C(auto)%h%d %s (%cr) <%ae>' -- 'src/*.c'",
	    "git commit -m 'Handle \"a; b\" in the parser (fixes #41) & add tests'",
	    "git grep -n -E 'TODO|FIXME|XXX' -- '*.py' ':!vendor/*'",
	    "ssh -p 2200 ops@db01.example.net 'df -h /var/lib/postgresql'",
	    "ssh backup@vault 'tar -C /data -czf - projects' > projects.tgz",
	    "tar -czf site.tgz --exclude='*.map' --exclude='node_modules' public/",
	    "tar -xzf bundle.tgz --wildcards 'docs/*.md' 'conf/*.ini'",
	    "zip -qr notes.zip notes -x '*/.DS_Store' '*/~$*'",
	    "rsync -a --include='*/' --include='*.pdf' --exclude='*' papers/ "
	    "nas:/volume1/papers/",
	    "grep -rnw --include='*.{c,h}' -e 'malloc(' -e 'realloc(' src/",
	    "echo 'retry = 3; timeout = 10 # seconds' >> client.ini",
	    "printf '%-20s|%8s|\\n' 'Name (full)' 'Amount $' > header.txt",
	    "logger -p user.notice 'nightly job: 3 ok; 0 failed | next at 02:00'",
	    "docker ps -a --filter 'status=exited' --format '{{.ID}} {{.Names}} ({{.Status}})'",
	    "kubectl get pods -A -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}"
	    "{.status.phase}{\"\\n\"}{end}'",
	    "openssl req -new -key k.pem -subj '/C=DE/O=Muster & Co; KG/CN=intra.example' -out "
	    "r.csr",
	    "mysql -N -e 'SELECT id, name FROM t WHERE note LIKE \"%;%\"' shop",
	    "psql -At -c \"SELECT count(*) FROM jobs WHERE state = 'failed'\" ops",
	    "date -d 'next friday 17:00' '+%A, %d %B %Y (%H:%M)'",
	    "tr -s '[:space:]' '\\n' < essay.txt | sort | uniq -c | sort -nr | head",
	    "column -t -s '|' table.txt | less -S",
	    "iptables -A INPUT -p tcp -m multiport --dports 80,443 -m comment "
	    "--comment 'web (public); keep' -j ACCEPT",
	    "tcpdump -ni eth0 'tcp[tcpflags] & (tcp-syn|tcp-fin) != 0 and not port 22'",
	    "gpg --batch --yes --passphrase-file pw.txt -c 'q3 report; final (v2).ods'",
	    "mail -s 'Disk at 91% on web02 | action needed' oncall@example.com < df.txt",
	    "ffmpeg -i talk.mkv -vf 'drawtext=text=Q&A:x=10:y=10,scale=1280:-2' -c:a copy out.mp4",
	    "convert logo.png -resize '256x256>' -background 'rgba(0,0,0,0)' -gravity center "
	    "-extent 256x256 icon.png",
	};
	static const char *const blocks[][3] = {
	    {"awk -F';' '", "'; touch /tmp/PWNED-a; echo '", "' report.csv"},
	    {"sed -n '", "p' f; touch /tmp/PWNED-b; echo '", "' notes.cfg"},
	    {"jq -r '", ".a' f.json | sh; echo '", "' feed.json"},
	    {"curl -d '{\"title\": \"", "x\"}' u; touch /tmp/PWNED-c; echo '", "\"}' https://e"},
	    {"git log --pretty=format:'", "%h' $(touch /tmp/PWNED-d) '", "'"},
	    {"git commit -m '", "x' && touch /tmp/PWNED-e && echo '", "'"},
	    {"find . -name '", "*' -exec touch /tmp/PWNED-f {} + -o -name '", "' -print"},
	    {"tar -czf site.tgz --exclude='", "*' `touch /tmp/PWNED-g` '", "' public/"},
	    {"ssh ops@db01 'df -h ", "/var; touch /tmp/PWNED-h", "'"},
	    {"logger -p user.notice '", "x' | touch /tmp/PWNED-i; echo '", "'"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (line_verdict(lines[i]) != MOAT_ALLOW) {
			print_message("blocked: %s\n", lines[i]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu lines blocked", bad, sizeof lines / sizeof lines[0]);
	/* shell37: this one-liner's literal '@payload.json' as the user's
	 * input brings the '@' with which curl reads a local file and sends
	 * it (the argv check blocks the same element since shell35): it
	 * blocks now, as the line reading agrees with argv's */
	assert_int_equal(line_verdict("curl --data-binary '@payload.json' -H 'Accept: */*' "
	                              "'https://h.example.net/in?a=1&b=2'"),
	                 MOAT_BLOCK);
	all_block(blocks, sizeof blocks / sizeof blocks[0]);
}

/* tar's --checkpoint-action (tar 1.34's manual, "Checkpoints"): only
 * exec=COMMAND runs anything (/bin/sh -c COMMAND); bell, dot (.), echo,
 * echo=TEXT, sleep=N, totals, ttyout=TEXT and wait=SIGNAL print, wait or
 * ring. An input that is the whole option word with one of those
 * actions adds an option that runs nothing (main fired on
 * --checkpoint-action=dot as a whole word: an option that runs a
 * program); one that writes exec= still does (the wildcard-injection
 * file names). tar 1.34 here: the passes ran no command, each block ran
 * touch. */
static void tars_checkpoint_action_runs_a_program_only_with_exec(void **state)
{
	static const char *const blocks[][3] = {
	    {"tar -cf a.tar ", "--checkpoint-action=exec=touch\\ /tmp/PWNED-a", " d"},
	    {"tar -cf a.tar '", "--checkpoint-action=exec=touch /tmp/PWNED-b", "' d"},
	    {"tar -cf a.tar --checkpoint=1 \"", "--checkpoint-action=exec=sh s.sh", "\" d"},
	    {"tar -cf a.tar ", "--checkpoint-act=exec=/tmp/x/run.sh", " d"},
	    {"tar -cf a.tar ", "--checkpoint-action=exec=id", " d"},
	    {"tar -cf a.tar ", "--checkpoint-action='exec=touch /tmp/PWNED-c'", " d"},
	    {"tar -cf a.tar ", "--checkpoint-action=ex\"ec\"=touch\\ /tmp/PWNED-d", " d"},
	};
	static const char *const passes[][3] = {
	    {"tar -cf a.tar --checkpoint=1000 ", "--checkpoint-action=dot", " d"},
	    {"tar -xf big.tar --checkpoint=100 ", "--checkpoint-action=echo", ""},
	    {"tar -cf a.tar '", "--checkpoint-action=ttyout=%u%T\\r", "' d"},
	    {"tar -cf a.tar ", "--checkpoint-action=bell", " d"},
	    {"tar -cf a.tar ", "--checkpoint-action=totals", " d"},
	    {"tar -cf a.tar ", "--checkpoint-action=sleep=1", " d"},
	    {"tar -cf a.tar ", "--checkpoint-act=.", " d"},
	    {"tar -cf a.tar '", "--checkpoint-action=echo=%{%H:%M}t passed", "' d"},
	};
	const char *ok[] = {"tar", "-cf", "a.tar", "--checkpoint-action=dot", "d", NULL};
	const char *run[] = {"tar", "-cf", "a.tar", "--checkpoint-action=exec=id", "d", NULL};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
	assert_int_equal(argv_verdict("--checkpoint-action=dot", ok), MOAT_ALLOW);
	assert_int_equal(argv_verdict("--checkpoint-action=exec=id", run), MOAT_BLOCK);
}

/* git's pagers (git-config(1), pager.c's git_pager): pager.<cmd> takes a
 * boolean (true, false, yes, no, on, off, 1, 0: paging on with the
 * pager configured elsewhere, or off) or a pager; a pager of "cat" or ""
 * is no pager at all (git_pager returns NULL: nothing is spawned), for
 * core.pager and pager.<cmd> alike. An input that writes such a setting,
 * or completes its key (the subcommand's name that is also <cmd>: git
 * -c pager.log=false log), picks no program; one whose value names
 * another program, or is a boolean followed by more, still fires (the
 * deny-list of shell24). git 2.39.5 under script(1): the passes spawned
 * no pager beyond the default, each block ran touch. */
static void gits_pager_switched_off_or_set_to_cat_runs_no_program(void **state)
{
	static const char *const blocks[][3] = {
	    {"git -c '", "core.pager=cat; touch /tmp/PWNED-a", "' log"},
	    {"git -c '", "pager.log=false; touch /tmp/PWNED-b", "' log"},
	    {"git -c ", "pager.log=falsey", " log"},
	    {"git -c ", "core.pager=cats", " log"},
	    {"git -c ", "core.editor=cat", " commit"},
	    {"git -c ", "pager.log=/tmp/x/pg", " log"},
	    {"git -c pager.log=less ", "log", ""},
	    {"git -c '", "pager.log=touch /tmp/PWNED-c", "' log"},
	    {"git -c ", "core.pager=cat\\;touch\\ /tmp/PWNED-d", " log"},
	};
	static const char *const passes[][3] = {
	    {"git -c ", "pager.log=false", " log --oneline"},
	    {"git -c pager.log=false ", "log", ""},
	    {"git -c pager.branch=no ", "branch", " -a"},
	    {"git -c ", "pager.diff=0", " diff --stat"},
	    {"git -c 'pager.show=", "off", "' show HEAD"},
	    {"git -c ", "pager.status=TRUE", " status"},
	    {"git -c ", "core.pager=cat", " log -3"},
	    {"git -c '", "core.pager=", "' log -3"},
	    {"git -c \"", "pager.log=cat", "\" log"},
	};
	const char *off[] = {"git", "-c", "pager.log=false", "log", NULL};
	const char *cat[] = {"git", "-c", "core.pager=cat", "log", NULL};
	const char *less[] = {"git", "-c", "pager.log=less -R", "log", NULL};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
	assert_int_equal(argv_verdict("pager.log=false", off), MOAT_ALLOW);
	assert_int_equal(argv_verdict("core.pager=cat", cat), MOAT_ALLOW);
	assert_int_equal(argv_verdict("pager.log=less -R", less), MOAT_BLOCK);
}

/* ssh_config(5) (OpenSSH 9.2p1): "Setting the command to none disables
 * this option entirely" (ProxyCommand) and "none to indicate that no
 * provider should be used" (PKCS11Provider). An input that writes the
 * keyword with the value none, as -o's value or the glued whole word,
 * runs nothing: ssh 9.2p1 here, -o ProxyCommand=none -p 1 127.0.0.1 went
 * straight to the port ("Connection refused"), where ProxyCommand=x ran
 * x through the shell. Any other value, None (ssh compares with strcmp)
 * or none followed by more still fires. */
static void sshs_proxy_command_none_runs_nothing(void **state)
{
	static const char *const blocks[][3] = {
	    {"ssh -o '", "ProxyCommand=nonex", "' host"},
	    {"ssh -o '", "ProxyCommand=None", "' host"},
	    {"ssh -o '", "ProxyCommand=none; touch /tmp/PWNED-a", "' host"},
	    {"ssh -o '", "ProxyCommand none touch /tmp/PWNED-b", "' host"},
	    {"ssh '", "-oProxyCommand=sh -c id", "' host"},
	    {"ssh -o '", "LocalCommand=none", "' host"},
	    {"ssh -o '", "PKCS11Provider=/tmp/x/p11.so", "' host"},
	};
	static const char *const passes[][3] = {
	    {"ssh -o ", "ProxyCommand=none", " bastion.example"},
	    {"ssh -o '", "ProxyCommand none", "' host uptime"},
	    {"scp -o ", "proxycommand=none", " f host:/tmp/"},
	    {"ssh ", "-oProxyCommand=none", " host"},
	    {"ssh -o ", "PKCS11Provider=none", " host"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(documentation_one_liners_pass_with_their_literals_as_inputs),
	    cmocka_unit_test(tars_checkpoint_action_runs_a_program_only_with_exec),
	    cmocka_unit_test(gits_pager_switched_off_or_set_to_cat_runs_no_program),
	    cmocka_unit_test(sshs_proxy_command_none_runs_nothing),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
