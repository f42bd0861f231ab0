/*
 * ma_shell_opts.c — what the argv check (ma_shell_argv.c) knows of each
 * program's options: the options that run a command, load code or read
 * or write a file, for any program (ma_sh_danger_option) and for each
 * program of a table (ma_sh_prog_opts: its dangerous letters and long
 * names, those that take a value, curl's and wget's abbreviations), the
 * wrappers' options that take a value (sudo -u, timeout -s ...:
 * ma_sh_wrap_opts), how one option element is read (ma_sh_opt_read:
 * clusters, attached and next-element values, long names), and what an
 * option's value is to its program (ma_sh_value_kinds: a command line, a
 * file of code, code, an Ex command, an ssh_config line, git's
 * name=value, a database client's statement).
 *
 * Tables only, read-only; the functions are pure. Any thread.
 */
#include "ma_int.h"
#include "ma_shell.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const char *ma_sh_base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* Options that run a command or write a file in the usual tools (git,
 * ssh, tar, find, rsync, curl, wget, sendmail, zip, less ...): an input
 * that becomes one of them is worse than a stray option. known: the
 * program has an entry of ma_sh_prog_opts, whose letters then decide
 * alone (curl's -e/x is a referer; the generic -X/, -C/, -e/ are for
 * programs the table does not know). */
int ma_sh_danger_option(const char *o, int known)
{
	static const char *const longs[] = {"--upload-pack",
	                                    "--receive-pack",
	                                    "--exec",
	                                    "--checkpoint-action",
	                                    "--to-command",
	                                    "--use-compress-program",
	                                    "--rsh",
	                                    "--rsync-path",
	                                    "--output",
	                                    "--output-document",
	                                    "--post-file",
	                                    "--upload-file",
	                                    "--config",
	                                    "--eval",
	                                    "--command",
	                                    "--shell",
	                                    "--pager",
	                                    "--editor",
	                                    "--template",
	                                    "--unzip-command",
	                                    "--index-filter",
	                                    "--tree-filter",
	                                    "--run",
	                                    "--script",
	                                    "--load",
	                                    "--import",
	                                    "--proxy-command",
	                                    "--ssh",
	                                    "--exec-path",
	                                    "--cmd",
	                                    "--info-script",
	                                    "--new-volume-script",
	                                    "--filter",
	                                    "--gpu-launcher",
	                                    "--renderer-cmd-prefix",
	                                    "--utility-cmd-prefix",
	                                    "--browser-subprocess-path",
	                                    NULL};
	static const char *const words[] = {"-exec",
	                                    "-execdir",
	                                    "-ok",
	                                    "-okdir",
	                                    "-fprint",
	                                    "-fprintf",
	                                    "-fls",
	                                    "-delete",
	                                    "-oProxyCommand",
	                                    "-oLocalCommand",
	                                    "-oPermitLocalCommand",
	                                    "-TT",
	                                    NULL};
	size_t n = strcspn(o, "=");

	/* tar's checkpoint actions: only exec=COMMAND runs one (dot, echo,
	 * bell, ttyout=, sleep= ... print or wait; shellfp8). The action's
	 * name of letters and '.' only, read to '=' or the end: a quote or a
	 * backslash in it (the shell's, not yet removed) stays an option
	 * that may run one */
	if (n == 19 && !strncmp(o, "--checkpoint-action", 19) && o[n]) {
		size_t k = n + 1;
		while ((o[k] >= 'a' && o[k] <= 'z') || o[k] == '.')
			k++;
		if ((!o[k] || o[k] == '=') && !(k - n - 1 == 4 && !strncmp(o + n + 1, "exec", 4)))
			return 0;
	}
	for (int i = 0; longs[i]; i++)
		if (strlen(longs[i]) == n && !strncmp(o, longs[i], n))
			return 1;
	for (int i = 0; words[i]; i++)
		if (!strncmp(o, words[i], strlen(words[i])))
			return 1;
	/* -o ProxyCommand=... written as one argument, -X/-C (sendmail log
	 * and config files), -e with a program attached (nc -e/bin/sh) */
	if (!strncmp(o, "-o", 2) && (strstr(o, "ProxyCommand") || strstr(o, "LocalCommand")))
		return 1;
	if (!known && (o[1] == 'X' || o[1] == 'C' || o[1] == 'e') && o[2] == '/')
		return 1;
	return 0;
}

/* One program's options (its manual; GTFOBins and the lists of
 * argument-injection vectors gather the dangerous ones): "danger", those
 * that run a command, load code, or read or write a file the option names
 * (curl -o/-K/-T, wget -O/-e, git -u/-c, tar -I/-F, rsync -e, php -r,
 * python -c ...), and "values", the others that take a value, so that the
 * argv check knows which elements are values (curl -H "-o: x" sends a
 * header). A short option that takes a value takes the rest of its
 * element (-XPOST; the last of a cluster, -sXPOST) or, when nothing is
 * left, the next element (-H "x: y"); one of "attached" takes only the
 * rest, if any (perl -Mstrict, mysql -psecret). Letters not listed are
 * flags: in -so/tmp/x the o is read. A long option ("--", or "-" for
 * sqlite3's: dash1) takes its value after '=' or, when it has none, the
 * next element; names are space-separated. curl 7 and getopt_long take
 * an unambiguous prefix of a long name for the option (wget --output-d):
 * for the programs whose lists are whole (curl's and wget's --help) a
 * prefix of exactly one listed name is that option, where "blongs" holds
 * the options without a value that are a prefix of a listed one (curl
 * --head is not --header). A program's name may carry its version
 * (python3.11, php8.2). */
static const struct ma_sh_prog_opts ma_sh_prog_opts[] = {
    {"curl", "cDKoT", "ACEFHPQUXYbdemrtuwxyz", "",
     "--cookie-jar --dump-header --libcurl --output --output-dir --stderr --trace --trace-ascii "
     "--upload-file",
     "--abstract-unix-socket --alt-svc --aws-sigv4 --cacert --capath --cert --cert-type "
     "--ciphers --config --connect-timeout --connect-to --continue-at --cookie "
     "--create-file-mode --crlfile --curves --data --data-ascii --data-binary --data-raw "
     "--data-urlencode --delegation --dns-interface --dns-ipv4-addr --dns-ipv6-addr "
     "--dns-servers --doh-url --egd-file --engine --etag-compare --etag-save "
     "--expect100-timeout --form --form-string --ftp-account --ftp-alternative-to-user "
     "--ftp-method --ftp-port --ftp-ssl-ccc-mode --happy-eyeballs-timeout-ms --header "
     "--hostpubmd5 --hostpubsha256 --hsts --interface --json --keepalive-time --key "
     "--key-type --krb --limit-rate --local-port --login-options --mail-auth "
     "--mail-from --mail-rcpt --max-filesize --max-redirs --max-time --netrc-file --noproxy "
     "--oauth2-bearer --parallel-max --pass --pinnedpubkey --preproxy --proto "
     "--proto-default --proto-redir --proxy --proxy-cacert --proxy-capath --proxy-cert "
     "--proxy-cert-type --proxy-ciphers --proxy-crlfile --proxy-header --proxy-key "
     "--proxy-key-type --proxy-pass --proxy-pinnedpubkey --proxy-service-name "
     "--proxy-tls13-ciphers --proxy-tlsauthtype --proxy-tlspassword --proxy-tlsuser "
     "--proxy-user --pubkey --quote --random-file --range --rate --referer --request "
     "--request-target --resolve --retry --retry-delay --retry-max-time --sasl-authzid "
     "--service-name --socks4 --socks4a --socks5 --socks5-gssapi-service --socks5-hostname "
     "--speed-limit --speed-time --telnet-option --tftp-blksize --time-cond --tls-max "
     "--tls13-ciphers --tlsauthtype --tlspassword --tlsuser --unix-socket "
     "--url --url-query --user --user-agent --variable --write-out",
     0,
     "--compressed --crlf --disable --fail --ftp-ssl-ccc --head --http2 --http3 --location "
     "--netrc --ntlm --parallel --remote-name --socks5-gssapi --ssl --tlsv1"},
    {"wget", "aeiOo", "ABDIPQRTUXltw", "",
     "--execute --output-file --append-output --input-file --use-askpass --output-document "
     "--post-file",
     "--accept --accept-regex --backups --base --bind-address --body-data --body-file "
     "--ca-certificate --ca-directory --certificate --certificate-type --ciphers --compression "
     "--config --connect-timeout --crl-file --cut-dirs --default-page --directory-prefix "
     "--dns-timeout --domains --exclude-directories --exclude-domains --follow-tags "
     "--ftp-password --ftp-user --header --http-password --http-user --ignore-tags "
     "--include-directories --level --limit-rate --load-cookies --local-encoding --method "
     "--password --pinnedpubkey --post-data --prefer-family "
     "--private-key --private-key-type --progress --proxy-password --proxy-user --quota "
     "--read-timeout --referer --regex-type --reject --reject-regex --rejected-log "
     "--remote-encoding --report-speed --restrict-file-names --retry-on-http-error "
     "--save-cookies --secure-protocol --start-pos --timeout --tries --user --user-agent "
     "--wait --waitretry --warc-dedup --warc-file --warc-header --warc-max-size "
     "--warc-tempdir",
     0, ""},
    /* git's letters differ by subcommand: the values are those no
     * subcommand reads as a flag before an option that matters (-m
     * message, -b branch, -C directory, -F file, -e pattern) */
    {"git", "CcOu", "Fbem", "", "--open-files-in-pager --output",
     "--author --branch --config --date --depth --exec --file --git-dir --message --origin "
     "--reference "
     "--separate-git-dir --template --upload-pack --receive-pack --work-tree",
     0, NULL},
    /* tar: -F's long names --info-script and --new-volume-script run their
     * line with sh -c at each volume's end (tar 1.34; review26d: only the
     * prefixes ma_sh_abbrev reads were known, not the whole names) */
    {"tar", "CFI", "HKLNTVXbfg", "",
     "--rsh-command --rmt-command --info-script --new-volume-script",
     "--directory --exclude --file --format --group --mode --owner --transform "
     "--use-compress-program --to-command --checkpoint-action",
     0, NULL},
    {"rsync", "e", "@BMTf", "", "", "--rsh --rsync-path --filter --exclude --include", 0, NULL},
    {"ssh", "F", "BDEIJLOPQRSWbceilmopw", "", "", "", 0, NULL},
    {"scp", "FS", "DJPXcilo", "", "", "", 0, NULL},
    {"sftp", "DFS", "BJPRXbcilos", "", "", "", 0, NULL},
    /* zip: -T alone tests the archive (no value: zip -T -TT CMD, review26d),
     * -TT CMD is --unzip-command (ma_sh_opt_read) */
    {"zip", "T", "OPZbnt", "T", "--unzip-command", "", 0, NULL},
    /* sort: its compressor runs (--compress-program=PROG) */
    {"sort", "", "STkto", "", "--compress-program",
     "--buffer-size --field-separator --key --output --temporary-directory --files0-from "
     "--parallel --batch-size --random-source",
     0, NULL},
    {"env", "S", "Cu", "", "--split-string", "--chdir --unset", 0, NULL},
    {"php", "cdr", "BEFRftz", "", "", "", 0, NULL},
    {"python", "cm", "WX", "", "", "--check-hash-based-pycs", 0, NULL},
    {"perl", "EeM", "I", "CDdimx", "", "", 0, NULL},
    {"ruby", "er", "CEI", "FKTWix", "", "", 0, NULL},
    /* node's options that take the next element (node --help, v20, and
     * V8's numeric flags, which take it too): node --title T -e CODE
     * (review26d) */
    {"node", "epr", "C", "", "--require",
     "--eval --print --import --loader --input-type --experimental-default-type --title "
     "--conditions --experimental-loader "
     "--env-file --cpu-prof-dir --cpu-prof-name --diagnostic-dir --disable-warning "
     "--dns-result-order --heap-prof-dir --heap-prof-name --icu-data-dir --inspect-port "
     "--openssl-config --redirect-warnings --report-dir --report-directory --report-filename "
     "--report-signal --secure-heap --secure-heap-min --snapshot-blob --stack-trace-limit "
     "--test-reporter --test-reporter-destination --unhandled-rejections --watch-path "
     "--max-old-space-size --max-semi-space-size --stack-size --trace-event-categories",
     0, NULL},
    {"vim", "cS", "TUistuw", "", "", "--cmd", 0, NULL},
    {"nvim", "cS", "TUistuw", "", "", "--cmd", 0, NULL},
    {"vi", "cS", "TUistuw", "", "", "--cmd", 0, NULL},
    {"man", "CHP", "ELMRSempr", "TX", "--html", "--pager --config-file --manpath", 0, NULL},
    {"psql", "cfo", "FLPRTUdhpv", "", "--file", "--command --output --dbname --host --username", 0,
     NULL},
    {"mysql", "e", "DPShu", "p", "--execute", "--database --host --user --socket", 0, NULL},
    {"sqlite3", "", "", "", "-cmd -init",
     "-separator -newline -nullvalue -vfs -maxsize -mmap -heap -lookaside", 1, NULL},
    {"nc", "ce", "GIMOPTVXgimopsqwx", "", "", "", 0, NULL},
    /* gdb 13: its long options with one dash or two; -ex runs a gdb
     * command (shell, !, pipe, python), -x a file of them (shell37) */
    {"gdb", "", "", "", "-ex -eval-command -iex -init-eval-command -x -command -ix -init-command",
     "-p -pid -cd -directory -d -symbols -s -exec -e -se -core -c -tty -data-directory -D -l -b", 1,
     NULL},
    /* expect 5.45: -c a Tcl script, -f/-b a script file (shell37) */
    {"expect", "cfb", "D", "", "", "", 0, NULL},
    /* X terminals (X toolkit options, one dash): -e's next word is run,
     * by a shell when it is the only word (xterm's main.c: execvp, then
     * $SHELL -c); the others' values are data (shell37) */
    {"xterm", "", "", "", "-e",
     "-geometry -title -T -n -name -class -fg -bg -fn -fa -fs -bd -bw -cr -display -xrm -ms "
     "-lf -sl -ti -tn -into -bcf -bcn",
     1, NULL},
    {"uxterm", "", "", "", "-e", "-geometry -title -T -n -name -class -fg -bg -fn -fa -fs", 1,
     NULL},
    {"rxvt", "", "", "", "-e", "-geometry -title -T -n -name -fg -bg -fn", 1, NULL},
    {"urxvt", "", "", "", "-e", "-geometry -title -T -n -name -fg -bg -fn", 1, NULL},
    /* konsole (KDE): -e takes the rest; one argument with a shell's
     * metacharacters is handed to $SHELL -c (review24) */
    {"konsole", "e", "p", "", "", "--workdir --profile --tabs-from-file --layout", 0, NULL},
    {"x-terminal-emulator", "", "", "", "-e", "-geometry -title -T -n -name -fg -bg -fn", 1, NULL},
    /* GNOME's, MATE's, Xfce's, LXDE's, LXQt's terminals, terminator and
     * tilix: -e/--command LINE (review24b) */
    {"mate-terminal", "e", "t", "", "--command", "--title --working-directory --geometry", 0, NULL},
    {"xfce4-terminal", "e", "T", "", "--command", "--title --working-directory --geometry", 0,
     NULL},
    {"terminator", "e", "Tp", "", "--command", "--title --working-directory --profile", 0, NULL},
    {"lxterminal", "e", "t", "", "--command", "--title --working-directory --geometry", 0, NULL},
    {"tilix", "e", "tpw", "", "--command", "--title --profile --working-directory", 0, NULL},
    {"qterminal", "e", "pw", "", "--execute", "--profile --workdir", 0, NULL},
    {"ncat", "ce", "dgGimopswx", "", "--sh-exec --lua-exec", "--exec --output", 0, NULL},
    {"sendmail", "CX", "BFLNOPRVfhpr", "boq", "", "", 0, NULL},
    {"sed", "", "efl", "i", "", "--expression --file --line-length", 0, NULL},
    {"gawk", "Efil", "Fev", "LWdop", "--exec --file --include --load",
     "--assign --field-separator --source", 0, NULL},
    {"awk", "f", "Fv", "", "", "", 0, NULL},
    {"mawk", "f", "FvW", "", "", "", 0, NULL},
    {"nawk", "f", "Fv", "", "", "", 0, NULL},
    /* shell35 (review22): a tracer's output (strace -o FILE, or '|CMD'
     * / '!CMD' piped to a shell) and its traced program's environment
     * (-E LD_PRELOAD=...); tcpdump's files (-w, -F, -V) and its
     * postrotate command (-z CMD); emacs's code (--eval, -l FILE,
     * -f FUNC, -L DIR, --script) */
    {"strace", "Eo", "abeIOPpSsUuX", "", "--env --output",
     "--attach --trace --trace-path --user --string-limit --signal --status --summary-sort-by", 0,
     NULL},
    {"tcpdump", "FVwz", "BCEGIMTWZcijmsyQ", "", "--relinquish-privileges",
     "--interface --snapshot-length --buffer-size --time-stamp-type --time-stamp-precision "
     "--direction --count",
     0, NULL},
    /* review24t/u (shell38): split's --filter runs with $SHELL -c
     * (coreutils 9.1); npx -c / npm exec -c (--call) run their line
     * with the script shell (npm 9); make's makefile (-f) is code */
    {"split", "", "abClnt", "", "--filter",
     "--bytes --line-bytes --lines --number --additional-suffix --suffix-length --separator", 0,
     NULL},
    {"npx", "c", "pw", "", "--call", "--package --workspace --prefix --userconfig", 0, NULL},
    {"npm", "c", "pw", "", "--call", "--package --workspace --prefix --userconfig", 0, NULL},
    {"doppler", "", "pc", "", "--command", "--project --config --token --fallback", 0, NULL},
    /* make --eval=TEXT / -E TEXT (GNU make 4.4): makefile text whose
     * recipes run with the shell (review26d) */
    {"make", "fE", "CIWjlo", "", "--file --makefile --eval",
     "--directory --include-dir --what-if --new-file --assume-new --old-file --assume-old", 0,
     NULL},
    {"emacs", "Lfl", "dt", "", "--eval --execute --load --funcall --script --directory",
     "--display --chdir --init-directory --user --terminal", 0, NULL},
};

/* The entry of ma_sh_prog_opts for argv[p]'s base name, or NULL. */
const struct ma_sh_prog_opts *ma_sh_prog_find(const char *prog)
{
	const char *b = ma_sh_base(prog);

	for (size_t k = 0; k < sizeof ma_sh_prog_opts / sizeof ma_sh_prog_opts[0]; k++) {
		const struct ma_sh_prog_opts *e = &ma_sh_prog_opts[k];
		size_t pl;
		if (e->prog[0] != b[0])
			continue; /* most entries: one byte compared */
		pl = strlen(e->prog);
		if (!strncmp(b, e->prog, pl) &&
		    (!b[pl] || (b[pl] >= '0' && b[pl] <= '9') || b[pl] == '.'))
			return e;
	}
	return NULL;
}

/* git's subcommands whose own options run a line with the shell (their
 * manuals, git 2.39; review26d: rebase -x, difftool -x/--extcmd, grep
 * -O ran one here): rebase -x/--exec, difftool -x/--extcmd, grep
 * -O<pager>/--open-files-in-pager (its value attached only), send-email's
 * --sendmail-cmd, --to-cmd, --cc-cmd, --header-cmd, filter-branch's
 * filters and --setup; with the letters and long names that take a value
 * (grep -e PATTERN, rebase --onto BASE, difftool -t TOOL). Each entry's
 * name is "git SUB": ma_sh_value_kinds and ma_sh_run_values say what the
 * values are. */
static const struct ma_sh_prog_opts ma_sh_git_subs[] = {
    {"git rebase", "x", "sX", "CS", "--exec",
     "--onto --strategy --strategy-option --empty --whitespace", 0, NULL},
    {"git difftool", "x", "tO", "", "--extcmd", "--tool", 0, NULL},
    {"git grep", "O", "efABCm", "O", "--open-files-in-pager",
     "--max-depth --threads --max-count --context --after-context --before-context --file", 0,
     NULL},
    {"git send-email", "", "", "", "--sendmail-cmd --to-cmd --cc-cmd --header-cmd",
     "--from --to --cc --bcc --subject --in-reply-to --smtp-server --smtp-server-port "
     "--smtp-user --smtp-pass --smtp-encryption --smtp-domain --identity --suppress-cc "
     "--confirm",
     0, NULL},
    {"git filter-branch", "d", "", "",
     "--env-filter --tree-filter --index-filter --parent-filter --msg-filter --commit-filter "
     "--tag-name-filter --setup",
     "--subdirectory-filter --original --state-branch", 0, NULL},
};

const struct ma_sh_prog_opts *ma_sh_git_sub_find(const char *sub, size_t n)
{
	for (size_t k = 0; k < sizeof ma_sh_git_subs / sizeof ma_sh_git_subs[0]; k++)
		if (strlen(ma_sh_git_subs[k].prog) == n + 4 &&
		    !memcmp(ma_sh_git_subs[k].prog + 4, sub, n))
			return &ma_sh_git_subs[k];
	return NULL;
}

/* 1 when name (n bytes) is one of list's space-separated words. */
/* 1 when the word of list at i (list[i - 1] a blank or i 0) is name. */
static inline int ma_sh_word_at_is(const char *list, size_t len, size_t i, const char *name,
                                   size_t n)
{
	return i + n <= len && (i + n == len || list[i + n] == ' ') && !memcmp(list + i, name, n);
}

int ma_sh_in_words(const char *list, const char *name, size_t n)
{
	size_t len, i = 1;

	if (!n || memchr(name, ' ', n))
		return 0; /* no word is empty or holds a blank */
	len = strlen(list);
	if (ma_sh_word_at_is(list, len, 0, name, n))
		return 1;
#if defined(__SSE2__)
	{
		/* 16 places at a time: a blank before, name's last byte at its
		 * end and a blank after (docker's ~190 long options: a word
		 * by word walk cost ~7k instructions a look-up) */
		const __m128i blank = _mm_set1_epi8(' '), last = _mm_set1_epi8(name[n - 1]);
		for (; i + n + 16 <= len; i += 16) {
			__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(list + i - 1));
			__m128i z =
			    _mm_loadu_si128((const __m128i *)(const void *)(list + i + n - 1));
			__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(list + i + n));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_and_si128(_mm_cmpeq_epi8(a, blank), _mm_cmpeq_epi8(z, last)),
			    _mm_cmpeq_epi8(c, blank)));
			while (m) {
				unsigned k = (unsigned)__builtin_ctz(m);
				if (!memcmp(list + i + k, name, n))
					return 1;
				m &= m - 1;
			}
		}
	}
#endif
	for (; i + n <= len; i++)
		if (list[i - 1] == ' ' && ma_sh_word_at_is(list, len, i, name, n))
			return 1;
	return 0;
}

/* How many of list's words are longer than name (n bytes) and start
 * with it; *full and *fl (when full is not NULL) are set to the last. */
static int ma_sh_prefix_words(const char *list, const char *name, size_t n, const char **full,
                              size_t *fl)
{
	const char *p = list;
	int c = 0;

	while (*p) {
		size_t w = strcspn(p, " ");
		if (w > n && !memcmp(p, name, n)) {
			c++;
			if (full) {
				*full = p;
				*fl = w;
			}
		}
		p += w;
		while (*p == ' ')
			p++;
	}
	return c;
}

/* GNU tar 1.34 (argp, getopt_long) takes any prefix of a long option
 * that no other of its options starts with (tar -cf x --use='sh -c CMD'
 * and --to-c=CMD ran CMD here; review18). Its whole list (171 names,
 * `tar --usage`) is not held: each listed option of tar's with the length
 * of its shortest unique prefix in that list (--checkpoint-action: 13,
 * as --checkpoint is another option; --exclude, --file, --group, --owner
 * are prefixes of others: exact only). 1 and *full, *fl the option's
 * name when name (n bytes) is such a prefix. */
static int ma_sh_abbrev(const struct ma_sh_prog_opts *po, const char *name, size_t n,
                        const char **full, size_t *fl)
{
	static const struct {
		const char *prog, *name;
		size_t min;
	} ab[] = {
	    {"tar", "--use-compress-program", 5},
	    {"tar", "--to-command", 6},
	    {"tar", "--checkpoint-action", 13},
	    {"tar", "--info-script", 5},
	    {"tar", "--new-volume-script", 6},
	    {"tar", "--rsh-command", 4},
	    {"tar", "--rmt-command", 4},
	    {"tar", "--directory", 5},
	    {"tar", "--format", 6},
	    {"tar", "--mode", 4},
	    {"tar", "--transform", 4},
	};

	/* the programs whose parsers take a prefix of a long option (git's
	 * parse-options: git itself, rebase, grep, send-email is Perl's
	 * Getopt::Long; getopt_long: make, zip, psql, sort, split, sed,
	 * gawk, strace, tcpdump, emacs, systemd-run ...) and whose listed
	 * names are read by prefix here. review28: git rebase --ex=LINE, git
	 * grep --open=LINE, make --ev=TEXT, zip --unzip-c=LINE, git clone
	 * --upl=CMD, psql --com=SQL, systemd-run --sete=VAR= ran. Not here:
	 * difftool (keeps unknown options), filter-branch (a shell script),
	 * node, python, perl, ruby, php (exact names) */
	static const char *const pre =
	    " git git rebase git grep git send-email make zip psql sort split sed gawk strace "
	    "tcpdump emacs env mysql systemd-run ";
	const char *f;
	size_t pl;

	if (po->prog[0] == 't' && !strcmp(po->prog, "tar")) {
		for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++) {
			size_t l = strlen(ab[i].name);
			if (n >= ab[i].min && n < l && !memcmp(ab[i].name, name, n)) {
				*full = ab[i].name;
				*fl = l;
				return 1;
			}
		}
		return 0;
	}
	/* a prefix of two letters or more after the dashes; a prefix of a
	 * dangerous name is that name (the safe side when it is also one of
	 * another listed name: its value is judged), else a prefix of one
	 * listed name that takes a value is that one */
	if (n < 4 || name[0] != '-' || name[1] != '-')
		return 0;
	pl = strlen(po->prog);
	for (f = strstr(pre, po->prog); f; f = strstr(f + 1, po->prog))
		if (f[-1] == ' ' && f[pl] == ' ')
			break;
	if (!f)
		return 0;
	if (ma_sh_prefix_words(po->dlongs, name, n, full, fl))
		return 1;
	return ma_sh_prefix_words(po->vlongs, name, n, full, fl) == 1;
}

/* How program po reads the option element o (a '-' and more): flags
 * MA_SH_OPT_DANGER when it is one of the program's dangerous options, or
 * a letter of its cluster up to the one that takes a value is;
 * MA_SH_OPT_NEXT when its value is the next element. *name and *nlen are
 * set to the option that takes a value (its letter or long name; *nlen 0
 * when none does) and *val to the offset of its value in o when attached
 * (0 when not). */
int ma_sh_opt_read(const struct ma_sh_prog_opts *po, const char *o, const char **name, size_t *nlen,
                   size_t *val)
{
	*name = o;
	*nlen = 0;
	*val = 0;
	if (po->prog[0] == 'z' && !strcmp(po->prog, "zip") && !strncmp(o, "-TT", 3)) {
		/* zip's -TT CMD, one dash and two letters: --unzip-command
		 * (zip 3.0; -TTCMD, -TT=CMD too), not -T twice */
		*name = "--unzip-command";
		*nlen = 15;
		*val = o[3] ? 3 + (o[3] == '=') : 0;
		return MA_SH_OPT_DANGER | (o[3] ? 0 : MA_SH_OPT_NEXT);
	}
	if (po->prog[0] == 'n' && !strcmp(o, "-pe") && !strncmp(po->prog, "node", 4)) {
		/* node's -pe CODE: its alias of --print --eval, the CODE the
		 * next element (node 20; review28) */
		*name = o + 1;
		*nlen = 1;
		return MA_SH_OPT_DANGER | MA_SH_OPT_NEXT;
	}
	if (o[1] == '-' || po->dash1) {
		const char *nm = po->dash1 && o[1] == '-' ? o + 1 : o;
		size_t n = strcspn(nm, "="), at = nm[n] == '=' ? (size_t)(nm - o) + n + 1 : 0;
		int d = ma_sh_in_words(po->dlongs, nm, n);
		*name = nm;
		*nlen = n;
		if (!d && !ma_sh_in_words(po->vlongs, nm, n)) {
			const char *full = NULL;
			size_t fl = 0;
			int nd, nv;
			char buf[48];
			if (!po->blongs) {
				/* getopt_long's prefix rule for programs whose
				 * whole list is not here (tar): ma_sh_abbrev */
				if (!ma_sh_abbrev(po, nm, n, &full, &fl))
					return 0;
				d = ma_sh_in_words(po->dlongs, full, fl);
				if (!d && fl < sizeof buf) {
					memcpy(buf, full, fl);
					buf[fl] = '\0';
					d = ma_sh_danger_option(buf, 1);
				}
				*name = full;
				*nlen = fl;
				*val = at;
				if (at)
					return d ? MA_SH_OPT_DANGER : 0;
				return (d ? MA_SH_OPT_DANGER : 0) | MA_SH_OPT_NEXT;
			}
			if (n < 4 || ma_sh_in_words(po->blongs, nm, n))
				return 0;
			nd = ma_sh_prefix_words(po->dlongs, nm, n, &full, &fl);
			nv = ma_sh_prefix_words(po->vlongs, nm, n, nd ? NULL : &full, &fl);
			if (nd + nv + ma_sh_prefix_words(po->blongs, nm, n, NULL, NULL) != 1 ||
			    fl >= sizeof buf)
				return 0;
			memcpy(buf, full, fl);
			buf[fl] = '\0';
			d = nd || ma_sh_danger_option(buf, 1);
			*name = full;
			*nlen = fl;
		}
		*val = at;
		if (at)
			return d ? MA_SH_OPT_DANGER : 0;
		return (d ? MA_SH_OPT_DANGER : 0) | MA_SH_OPT_NEXT;
	}
	for (size_t i = 1; o[i]; i++) {
		int d = strchr(po->danger, o[i]) != NULL;
		if (d && strchr(po->attached, o[i])) {
			/* a dangerous letter whose value is attached only (git
			 * grep -O<pager>; alone, -O opens the default pager) */
			*name = o + i;
			*nlen = 1;
			*val = o[i + 1] ? i + 1 : 0;
			return o[i + 1] ? MA_SH_OPT_DANGER : 0;
		}
		if (d || strchr(po->values, o[i])) {
			*name = o + i;
			*nlen = 1;
			if (o[i + 1]) {
				*val = i + 1;
				return d ? MA_SH_OPT_DANGER : 0;
			}
			return (d ? MA_SH_OPT_DANGER : 0) | MA_SH_OPT_NEXT;
		}
		if (strchr(po->attached, o[i]))
			return 0;
	}
	return 0;
}

/* The wrappers' own options that take a value (their manuals: sudo -u
 * root, timeout -s KILL, nice -n 5, env -u NAME, xargs -I {}, strace -o
 * f, time -f fmt ...), in ma_sh_prog_opts' form; letters not listed are
 * flags (sudo -n, -k, -s, -E; timeout's --foreground). */
static const struct ma_sh_prog_opts ma_sh_wrap_opts[] = {
    {"sudo", "", "CDgpRrTtUu", "", "",
     "--chdir --chroot --close-from --group --host --other-user --prompt --role --type --user", 0,
     NULL},
    {"doas", "", "aCu", "", "", "", 0, NULL}, /* doas -a STYLE (doas(1)) */
    {"env", "", "CSu", "", "", "--chdir --split-string --unset", 0, NULL},
    {"timeout", "", "ks", "", "", "--kill-after --signal", 0, NULL},
    {"nice", "", "n", "", "", "--adjustment", 0, NULL},
    {"ionice", "", "cnpPu", "", "", "--class --classdata --pid --pgid --uid", 0, NULL},
    {"chrt", "", "DPT", "", "", "--sched-deadline --sched-period --sched-runtime", 0, NULL},
    {"stdbuf", "", "eio", "", "", "--error --input --output", 0, NULL},
    {"strace", "", "abeEIoOpPsSuUX", "", "", "--output --signal --trace --user", 0, NULL},
    {"time", "", "fo", "", "", "--format --output", 0, NULL},
    {"xargs", "", "adEILnPs", "eil", "",
     "--arg-file --delimiter --max-args --max-chars --max-lines --max-procs", 0, NULL},
    {"exec", "", "a", "", "", "", 0, NULL},
    /* pass-through wrappers with no option that takes a value (nohup
     * keeps a pipe as standard input: review17, echo '...' | nohup su
     * root ran it; setsid -c -f -w) */
    {"nohup", "", "", "", "", "", 0, NULL},
    {"setsid", "", "", "", "", "", 0, NULL},
    /* sshpass -p PASS, -f FILE, -d FD, -P PROMPT, then the command */
    {"sshpass", "", "dfpP", "", "", "", 0, NULL},
};

/* The entry of ma_sh_wrap_opts for the wrapper base name b, or NULL. */
const struct ma_sh_prog_opts *ma_sh_wrap_find(const char *b)
{
	for (size_t k = 0; k < sizeof ma_sh_wrap_opts / sizeof ma_sh_wrap_opts[0]; k++)
		if (!strcmp(b, ma_sh_wrap_opts[k].prog))
			return &ma_sh_wrap_opts[k];
	return NULL;
}

/* What an option's value is to the program that reads it (its manual):
 * a command line it runs (rsync -e, git --upload-pack, tar -I, scp -S,
 * man -P, nc -e, env -S, python -m: MA_SH_VAL_CMD), a file it reads as
 * code, script or configuration (sed -f, awk -f, sftp -b, ssh -F, vim
 * -u/-S/-s, curl -K, php -c, node -r, psql -f: MA_SH_VAL_FILE), code in
 * the program's language (python -c, perl -e, ruby -e, node -e/-p, php
 * -r/-B/-R/-E: MA_SH_VAL_CODE), an Ex command line (vim -c, --cmd:
 * MA_SH_VAL_EX), an ssh_config line (ssh/scp/sftp -o: MA_SH_VAL_SSHOPT)
 * or git's name=value (git -c before the subcommand: MA_SH_VAL_GITCONF),
 * a wgetrc command (wget -e, --execute: MA_SH_VAL_WGETRC, a setting that
 * runs nothing but use_askpass's program; session 22: robots=off fired),
 * or a database client's statement (psql -c, mysql -e, sqlite3 -cmd and
 * sqlite3's operands after the database: MA_SH_VAL_SQL, lang the client,
 * ma_shell_sqlcli.c).
 * The letters and long names are those of ma_sh_prog_opts that take a
 * value. stop: the program's options end at its first operand (the
 * script: python x.py -c is x.py's option). */
static const struct ma_sh_value_kind {
	const char *prog;
	int kind, lang;
	const char *shorts, *longs;
} ma_sh_value_kinds[] = {
    {"ssh", MA_SH_VAL_SSHOPT, 0, "o", ""},
    {"scp", MA_SH_VAL_SSHOPT, 0, "o", ""},
    {"sftp", MA_SH_VAL_SSHOPT, 0, "o", ""},
    {"ssh", MA_SH_VAL_FILE, 0, "F", ""},
    {"scp", MA_SH_VAL_FILE, 0, "F", ""},
    {"sftp", MA_SH_VAL_FILE, 0, "Fb", ""},
    {"scp", MA_SH_VAL_CMD, 0, "S", ""},
    {"sftp", MA_SH_VAL_CMD, 0, "DS", ""},
    {"git", MA_SH_VAL_GITCONF, 0, "c", "--config"},
    {"git", MA_SH_VAL_CMD, 0, "u", "--upload-pack --receive-pack --exec"},
    {"rsync", MA_SH_VAL_CMD, 0, "e", "--rsh --rsync-path"},
    {"tar", MA_SH_VAL_CMD, 0, "FI",
     "--use-compress-program --to-command --rsh-command --rmt-command --info-script "
     "--new-volume-script --checkpoint-action"},
    {"env", MA_SH_VAL_CMD, 0, "S", "--split-string"},
    {"man", MA_SH_VAL_CMD, 0, "P", "--pager"},
    {"man", MA_SH_VAL_FILE, 0, "C", "--config-file"},
    {"nc", MA_SH_VAL_CMD, 0, "ce", ""},
    {"ncat", MA_SH_VAL_CMD, 0, "ce", "--sh-exec --exec --lua-exec"},
    {"curl", MA_SH_VAL_FILE, 0, "KT", "--config --upload-file"},
    {"wget", MA_SH_VAL_WGETRC, 0, "e", "--execute"},
    {"wget", MA_SH_VAL_CMD, 0, "", "--use-askpass"},
    {"zip", MA_SH_VAL_CMD, 0, "", "--unzip-command"},
    {"sort", MA_SH_VAL_CMD, 0, "", "--compress-program"},
    {"wget", MA_SH_VAL_FILE, 0, "", "--config --post-file --body-file"},
    {"gdb", MA_SH_VAL_GDB, 0, "", "-ex -eval-command -iex -init-eval-command"},
    {"gdb", MA_SH_VAL_FILE, 0, "", "-x -command -ix -init-command"},
    {"expect", MA_SH_VAL_TCL, 0, "c", ""},
    {"expect", MA_SH_VAL_FILE, 0, "fb", ""},
    {"xterm", MA_SH_VAL_CMD, 0, "", "-e"},
    {"uxterm", MA_SH_VAL_CMD, 0, "", "-e"},
    {"rxvt", MA_SH_VAL_CMD, 0, "", "-e"},
    {"urxvt", MA_SH_VAL_CMD, 0, "", "-e"},
    {"konsole", MA_SH_VAL_CMD, 0, "e", ""},
    {"x-terminal-emulator", MA_SH_VAL_CMD, 0, "", "-e"},
    {"mate-terminal", MA_SH_VAL_CMD, 0, "e", "--command"},
    {"xfce4-terminal", MA_SH_VAL_CMD, 0, "e", "--command"},
    {"terminator", MA_SH_VAL_CMD, 0, "e", "--command"},
    {"lxterminal", MA_SH_VAL_CMD, 0, "e", "--command"},
    {"tilix", MA_SH_VAL_CMD, 0, "e", "--command"},
    {"qterminal", MA_SH_VAL_CMD, 0, "e", "--execute"},
    {"sed", MA_SH_VAL_FILE, 0, "f", "--file"},
    {"sed", MA_SH_VAL_SED, 0, "e", "--expression"},
    {"awk", MA_SH_VAL_FILE, 0, "f", ""},
    {"mawk", MA_SH_VAL_FILE, 0, "f", ""},
    {"nawk", MA_SH_VAL_FILE, 0, "f", ""},
    {"gawk", MA_SH_VAL_FILE, 0, "Efil", "--file --exec --include --load"},
    {"vim", MA_SH_VAL_FILE, 0, "uSs", ""},
    {"nvim", MA_SH_VAL_FILE, 0, "uSs", ""},
    {"vi", MA_SH_VAL_FILE, 0, "uSs", ""},
    {"vim", MA_SH_VAL_EX, 0, "c", "--cmd"},
    {"nvim", MA_SH_VAL_EX, 0, "c", "--cmd"},
    {"vi", MA_SH_VAL_EX, 0, "c", "--cmd"},
    {"php", MA_SH_VAL_CODE, MA_SH_LANG_PHP, "rBRE", ""},
    {"php", MA_SH_VAL_FILE, 0, "cF", ""},
    {"python", MA_SH_VAL_CODE, MA_SH_LANG_PY, "c", ""},
    {"python", MA_SH_VAL_CMD, 0, "m", ""},
    {"perl", MA_SH_VAL_CODE, MA_SH_LANG_PERL, "eE", ""},
    {"ruby", MA_SH_VAL_CODE, MA_SH_LANG_RUBY, "e", ""},
    {"ruby", MA_SH_VAL_FILE, 0, "r", ""},
    {"tcpdump", MA_SH_VAL_CMD, 0, "z", ""},
    {"node", MA_SH_VAL_CODE, MA_SH_LANG_JS, "ep", "--eval --print"},
    {"node", MA_SH_VAL_FILE, 0, "r", "--require --import --loader"},
    {"psql", MA_SH_VAL_FILE, 0, "f", "--file"},
    {"sqlite3", MA_SH_VAL_FILE, 0, "", "-init"},
    {"psql", MA_SH_VAL_SQL, MA_SH_SQL_PSQL, "c", "--command"},
    {"mysql", MA_SH_VAL_SQL, MA_SH_SQL_MYSQL, "e", "--execute"},
    {"sqlite3", MA_SH_VAL_SQL, MA_SH_SQL_SQLITE, "", "-cmd"},
    {"split", MA_SH_VAL_CMD, 0, "", "--filter"},
    {"npx", MA_SH_VAL_CMD, 0, "c", "--call"},
    {"npm", MA_SH_VAL_CMD, 0, "c", "--call"},
    {"make", MA_SH_VAL_FILE, 0, "f", "--file --makefile"},
    {"make", MA_SH_VAL_CMD, 0, "E", "--eval"},
    /* git's subcommands' own (ma_sh_git_sub_find) */
    {"git rebase", MA_SH_VAL_CMD, 0, "x", "--exec"},
    {"git difftool", MA_SH_VAL_CMD, 0, "x", "--extcmd"},
    {"git grep", MA_SH_VAL_CMD, 0, "O", "--open-files-in-pager"},
    {"git send-email", MA_SH_VAL_CMD, 0, "", "--sendmail-cmd --to-cmd --cc-cmd --header-cmd"},
    {"git filter-branch", MA_SH_VAL_CMD, 0, "",
     "--env-filter --tree-filter --index-filter --parent-filter --msg-filter --commit-filter "
     "--tag-name-filter --setup"},
    {"doppler", MA_SH_VAL_CMD, 0, "", "--command"},
};

size_t ma_sh_wgetrc_key(const char *s, size_t n, int *runs)
{
	/* wgetrc's commands (wget 1.21 manual, "Wgetrc Commands"; names
	 * normalized as wget reads them: no '_' nor '-', lower case) that
	 * only set how wget fetches and names what it fetches: on/off,
	 * numbers, patterns, encodings, its user agent. Any other command
	 * fires: a file it writes or reads (below), use_askpass's program,
	 * where the request goes or what it sends (http_proxy, base,
	 * bind_address, header, post_data, user, password ...), wget's own
	 * behaviour on files (background: wget-log; backups; delete_after),
	 * and any name the manual does not list (hsts_file, warc_*,
	 * body_file ...; review14: the sh -c line form let all but
	 * use_askpass pass) */
	static const char plain[] =
	    "accept reject addhostdir askpassword authnochallenge backupconverted cache "
	    "checkcertificate connecttimeout contentdisposition trustservernames continue "
	    "convertlinks cookies cutdirs debug defaultpage dirstruct dnscache dnstimeout domains "
	    "dotbytes dotspacing dotsinline excludedirectories excludedomains followftp "
	    "followtags forcehtml glob compression adjustextension httpkeepalive httpsonly "
	    "ignorecase ignorelength ignoretags includedirectories iri inet4only inet6only "
	    "keepsessioncookies limitrate localencoding maxredirect mirror netrc noclobber "
	    "noparent noproxy pagerequisites passiveftp preferfamily progress "
	    "protocoldirectories quiet quota randomwait readtimeout reclevel recursive referer "
	    "relativeonly remoteencoding removelisting restrictfilenames retrsymlinks "
	    "retryconnrefused robots saveheaders secureprotocol serverresponse "
	    "showalldnsentries spanhosts spider strictcomments timeout timestamping "
	    "useservertimestamps tries useproxy useragent verbose wait waitretry "
	    "certificatetype privatekeytype";
	/* those whose value is a file wget writes or reads (as -O, -o,
	 * --post-file ... do): the value is then judged as a file */
	static const char files[] =
	    "outputdocument logfile appendoutput input postfile bodyfile dirprefix savecookies "
	    "loadcookies cacertificate cadirectory certificate privatekey crlfile rejectedlog "
	    "warcfile warctempdir warccdx egdfile randomfile hstsfile pinnedpubkey";
	char w[24];
	size_t k = 0, m = 0, e;

	*runs = 3;
	while (k < n && (s[k] == '\'' || s[k] == '"' || s[k] == ' ' || s[k] == '\t'))
		k++;
	/* the name: wget's letters, digits, '_' and '-' */
	for (; k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
	                 (s[k] >= '0' && s[k] <= '9') || s[k] == '_' || s[k] == '-');
	     k++) {
		char c = s[k];
		if (c == '-' || c == '_')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (m + 1 < sizeof w)
			w[m] = c;
		m++;
	}
	if (m == 0 || m + 1 >= sizeof w)
		return k;
	/* a name read whole: '=' next (blanks, or a quote that closes it,
	 * between); else a quote splits it ('output'_document) */
	for (e = k; e < n && (s[e] == ' ' || s[e] == '\t' || s[e] == '\'' || s[e] == '"'); e++)
		;
	if (e >= n || s[e] != '=')
		return k;
	if (m == 10 && !memcmp(w, "useaskpass", 10))
		*runs = 2;
	else if (ma_sh_in_words(files, w, m))
		*runs = 1;
	else if (ma_sh_in_words(plain, w, m))
		*runs = 0;
	return k;
}

/* vi's, vim's and less's "+command" (vim +!id runs id; +10, a line
 * number, and +/text, a search, run nothing). */
int ma_sh_plus_command(const char *prog, const char *o)
{
	static const char *const progs[] = {"vi", "vim", "nvim", "view", "ex", "less", NULL};
	const char *b = ma_sh_base(prog);
	size_t i = 1;

	while (o[i] >= '0' && o[i] <= '9')
		i++;
	if (!o[i] || o[1] == '/' || o[1] == '?')
		return 0;
	for (int k = 0; progs[k]; k++)
		if (!strcmp(b, progs[k]))
			return 1;
	return 0;
}

/* 1 when program po's options end at its first operand (its script or
 * program text): python, perl, ruby, node, php and the awks. */
int ma_sh_opts_stop(const struct ma_sh_prog_opts *po)
{
	static const char *const stop[] = {"python", "perl", "ruby", "node", "php",
	                                   "awk",    "gawk", "mawk", "nawk", NULL};

	for (int k = 0; stop[k]; k++)
		if (ma_sh_streq(po->prog, stop[k]))
			return 1;
	return 0;
}

/* The kind (and *lang) of the value of option name (nlen bytes: a letter
 * or a long name, as ma_sh_opt_read gives it) of program po; 0 when it
 * is none of ma_sh_value_kinds'. */
int ma_sh_value_kind_of(const struct ma_sh_prog_opts *po, const char *name, size_t nlen, int *lang)
{
	for (size_t k = 0; k < sizeof ma_sh_value_kinds / sizeof ma_sh_value_kinds[0]; k++) {
		const struct ma_sh_value_kind *e = &ma_sh_value_kinds[k];
		if (!ma_sh_streq(e->prog, po->prog))
			continue;
		if ((nlen == 1 && *name != '-' && strchr(e->shorts, *name)) ||
		    (nlen > 1 && ma_sh_in_words(e->longs, name, nlen))) {
			*lang = e->lang;
			return e->kind;
		}
	}
	return 0;
}

/* The e commands and e flags (*runs) and the w, W commands and w flags
 * (*writes) of the sed script s (n bytes) (GNU sed 4.9): e runs the rest
 * of its line or the pattern space as a shell line, an s command's e
 * flag the pattern space; w and W write a file. Commands are read after
 * their address (numbers, $, /re/, \cREc, first~step, addr,+N, !); a,
 * i, c, r, R and # take the rest of the line, a label (:, b, t, T) runs
 * to ';' or the line's end (review16: ':a;e CMD' ran CMD), y's and s's
 * parts are skipped. */
/* The shell operators and substitutions in an s command's replacement
 * (n bytes at r), the line its e flag runs: ; | < > ` and $( as
 * written, & only escaped (an unescaped & is the match), \n and an
 * escaped line break as a second line (GNU sed 4.9). */
static int ma_sh_sed_repl_ops(const char *r, size_t n)
{
	int ops = 0;

	for (size_t k = 0; k < n; k++) {
		if (r[k] == '\\' && k + 1 < n) {
			k++;
			if (r[k] && strchr(";&|<>`n\n", r[k]))
				ops++;
		} else if ((r[k] && strchr(";|<>`\n", r[k])) ||
		           (r[k] == '$' && k + 1 < n && r[k + 1] == '(')) {
			ops++;
		}
	}
	return ops;
}

static void ma_sh_sed_count_ops(const char *s, size_t n, int *runs, int *writes, int *ops)
{
	size_t k = 0;

	*runs = *writes = *ops = 0;
	while (k < n) {
		char c;
		while (k < n && strchr(" \t\n;{}", s[k]) && s[k])
			k++;
		/* the address */
		while (k < n) {
			if ((s[k] >= '0' && s[k] <= '9') || strchr("$,~+! \t", s[k])) {
				if (!s[k])
					break;
				k++;
			} else if (s[k] == '/' || (s[k] == '\\' && k + 1 < n)) {
				char d = s[k] == '/' ? '/' : s[k + 1];
				k += s[k] == '/' ? 1 : 2;
				while (k < n && s[k] != d)
					k += s[k] == '\\' ? 2 : 1;
				k++;
				while (k < n && (s[k] == 'I' || s[k] == 'M'))
					k++;
			} else {
				break;
			}
		}
		if (k >= n)
			return;
		c = s[k++];
		if (c == 'e') {
			(*runs)++;
			while (k < n && s[k] != '\n') {
				/* its command line: an operator or a substitution */
				if (strchr(";&|<>`", s[k]) ||
				    (s[k] == '$' && k + 1 < n && s[k + 1] == '('))
					(*ops)++;
				k++;
			}
		} else if (c == 'w' || c == 'W') {
			(*writes)++;
			while (k < n && s[k] != '\n')
				k++; /* its file name */
		} else if (c == 's' || c == 'y') {
			char d;
			size_t ra = k, rb = k;
			if (k >= n || s[k] == '\n' || s[k] == '\\')
				return;
			d = s[k++];
			for (int part = 0; part < 2 && k < n; part++) {
				if (part == 1)
					ra = k;
				while (k < n && s[k] != d)
					k += s[k] == '\\' ? 2 : 1;
				if (part == 1)
					rb = k < n ? k : n;
				k++;
			}
			if (c == 's')
				for (; k < n && !strchr(";\n} \t#", s[k]); k++) {
					if (s[k] == 'e') {
						(*runs)++;
						*ops += ma_sh_sed_repl_ops(s + ra, rb - ra);
					}
					if (s[k] == 'w') {
						(*writes)++;
						while (k < n && s[k] != '\n')
							k++; /* w's file name */
						break;
					}
				}
		} else if (c == ':' || c == 'b' || c == 't' || c == 'T') {
			while (k < n && s[k] != '\n' && s[k] != ';')
				k++; /* a label */
		} else if (c == '#' || c == 'a' || c == 'i' || c == 'c' || c == 'r' || c == 'R') {
			while (k < n && s[k] != '\n')
				k++; /* a comment, text or a file name */
		} else if (c != '{' && c != '}') {
			/* any other command: its number or nothing, then ';' */
			while (k < n && !strchr(";\n}", s[k]))
				k++;
		}
	}
}

static void ma_sh_sed_count(const char *s, size_t n, int *runs, int *writes)
{
	int ops;

	ma_sh_sed_count_ops(s, n, runs, writes, &ops);
}

int ma_sh_sed_runs(const char *s, size_t n)
{
	int r, w;

	ma_sh_sed_count(s, n, &r, &w);
	return r || w;
}

int ma_sh_sed_whole_fires(const char *s, size_t n)
{
	int r, w, ops;

	ma_sh_sed_count_ops(s, n, &r, &w, &ops);
	return w || ops;
}

int ma_sh_sed_input_runs(const char *s, size_t n, size_t a, size_t b)
{
	char t[512];
	int r0, w0, r1, w1;

	ma_sh_sed_count(s, n, &r1, &w1);
	if (!r1 && !w1)
		return 0;
	if (n > sizeof t || b > n || a >= b)
		return 1; /* too long to compare: fail closed */
	/* the script with the input's bytes as 'p' (a command that takes
	 * nothing, a flag, a regular expression's letter): what the
	 * application wrote alone */
	memcpy(t, s, n);
	memset(t + a, 'p', b - a);
	ma_sh_sed_count(t, n, &r0, &w0);
	return r1 > r0 || w1 > w0;
}

/* 1 when the n bytes at k, case ignored, are one of list's words. */
static int ma_sh_in_words_ci(const char *list, const char *k, size_t n)
{
	char w[40];

	if (!n || n >= sizeof w)
		return 0;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)(k[i] >= 'A' && k[i] <= 'Z' ? k[i] + 32 : k[i]);
	return ma_sh_in_words(list, w, n);
}

size_t ma_sh_ssh_key_read(const char *s, size_t n, char *kw, size_t kwsz, size_t *kwn, size_t *ke)
{
	size_t k = 0, e, m = 0;

	/* OpenSSH 9.2's readconf.c (strdelim): blanks skipped; the keyword
	 * runs to a blank, '"' or '='; at a '"' that quote is dropped and
	 * the keyword runs on to the next '"' ("ProxyCommand" touch x ran
	 * touch in ssh 9.2p1 here, and so did Proxy"Command" and
	 * P"roxyCommand": review17) */
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	for (e = k; e < n && s[e] != ' ' && s[e] != '\t' && s[e] != '"' && s[e] != '='; e++)
		if (m < kwsz)
			kw[m++] = s[e];
	if (e < n && s[e] == '"') {
		for (e++; e < n && s[e] != '"'; e++)
			if (m < kwsz)
				kw[m++] = s[e];
		*ke = e;
		if (e < n)
			e++;
	} else {
		*ke = e;
	}
	/* a keyword longer than kw: none of the listed ones */
	*kwn = m < kwsz ? m : 0;
	while (e < n && (s[e] == ' ' || s[e] == '\t'))
		e++;
	if (e < n && s[e] == '=')
		e++;
	while (e < n && (s[e] == ' ' || s[e] == '\t'))
		e++;
	return e;
}

int ma_sh_ssh_key_class(const char *k, size_t n)
{
	/* ssh_config(5) of OpenSSH 9.2p1 (Debian 12's page, $Mdocdate:
	 * January 13 2023$), read whole (session 24): the keywords whose
	 * setting runs a program, loads code or reads a configuration that
	 * can. Every other keyword is a plain setting (ConnectTimeout,
	 * UserKnownHostsFile, ForwardAgent, ControlMaster, ControlPath ...):
	 * the lead's decision, for the line check and (session 25) the argv
	 * check alike. Host, Match (and its exec)
	 * and Include are refused on ssh's command line by 9.2p1 ("Host
	 * directive not supported as a command-line option", checked here)
	 * but run in a file: listed, as the manual lists them. ProxyJump's
	 * host is checked by ssh (parse_jump: "invalid hostname" for x;id
	 * and -oProxyCommand=...): plain. */
	static const char shell[] = "proxycommand localcommand remotecommand";
	static const char split[] = "knownhostscommand";
	static const char file[] = "pkcs11provider securitykeyprovider xauthlocation";
	static const char set[] = "permitlocalcommand match host include";

	if (ma_sh_in_words_ci(shell, k, n))
		return MA_SH_KEY_SHELL;
	if (ma_sh_in_words_ci(split, k, n))
		return MA_SH_KEY_SPLIT;
	if (ma_sh_in_words_ci(file, k, n))
		return MA_SH_KEY_FILE;
	if (ma_sh_in_words_ci(set, k, n))
		return MA_SH_KEY_SET;
	return MA_SH_KEY_PLAIN;
}

int ma_sh_git_key_class(const char *k, size_t n)
{
	/* git-config(1) of git 2.39.5 (Debian 12) and the pages its keys
	 * come from (git-archive: tar.<format>.command; git-interpret-
	 * trailers: trailer.<token>.cmd/.command; git-instaweb:
	 * instaweb.httpd; git-send-email: sendemail.*; gitattributes:
	 * diff/merge/filter drivers; git-web--browse, git-difftool,
	 * git-mergetool, git-help: <tool>.cmd/.path; git-remote-ext and
	 * protocol.*.allow), read whole (session 24): the keys whose setting
	 * runs a program, loads code or reads a configuration (or hooks,
	 * templates, a trusted repository's) that can. "section.name" is
	 * compared with the key's first and last parts (a subsection
	 * between them is any), case ignored as git ignores it;
	 * "section.*" is the whole section, "*.name" the name in any
	 * section. Every other key is a plain setting (http.sslVerify,
	 * user.name, color.ui, http.proxy, remote.<name>.url ...), for the
	 * line check and (session 25) the argv check alike. */
	static const char *const shell[] = {"core.sshcommand",
	                                    "core.pager",
	                                    "core.editor",
	                                    "core.fsmonitor",
	                                    "core.alternaterefscommand",
	                                    "diff.external",
	                                    "sequence.editor",
	                                    "imap.tunnel",
	                                    "interactive.difffilter",
	                                    "instaweb.httpd",
	                                    "uploadpack.packobjectshook",
	                                    "remote.uploadpack",
	                                    "remote.receivepack",
	                                    "submodule.update",
	                                    "pager.*",
	                                    "filter.clean",
	                                    "filter.smudge",
	                                    "filter.process",
	                                    "gpg.defaultkeycommand",
	                                    "sendemail.sendmailcmd",
	                                    "sendemail.tocmd",
	                                    "sendemail.cccmd",
	                                    "sendemail.headercmd",
	                                    "*.cmd",
	                                    "*.command",
	                                    "*.driver",
	                                    "*.textconv",
	                                    "*.helper",
	                                    "*.editor",
	                                    NULL};
	/* a program run without a shell (git 2.39 here: gpg.program=F and
	 * core.gitProxy=F ran the file F, 'touch F;' ran nothing), or a
	 * library, file or directory whose content runs */
	static const char *const file[] = {"*.program",      "core.gitproxy",
	                                   "core.askpass",   "sendemail.smtpserver",
	                                   "core.hookspath", "include.path",
	                                   "includeif.path", "init.templatedir",
	                                   "safe.directory", "browser.path",
	                                   "difftool.path",  "mergetool.path",
	                                   "man.path",       NULL};
	/* by being set: alias.* runs when the alias is used (its value is
	 * not read here); protocol.*.allow lets ext:: run a command;
	 * url.*.insteadOf rewrites a URL into one; remote.*.vcs names a
	 * remote helper; the rest of the sections whose keys above run */
	static const char *const set[] = {"alias.*",           "protocol.allow", "url.insteadof",
	                                  "url.pushinsteadof", "remote.vcs",     "include.*",
	                                  "includeif.*",       "filter.*",       "gpg.*",
	                                  "sendemail.*",       "credential.*",   NULL};
	static const char *const *const lists[] = {shell, file, set};
	static const int classes[] = {MA_SH_KEY_SHELL, MA_SH_KEY_FILE, MA_SH_KEY_SET};
	size_t d1 = 0, dl = n;

	while (d1 < n && k[d1] != '.')
		d1++;
	while (dl > 0 && k[dl - 1] != '.')
		dl--;
	if (d1 >= n || !dl)
		return MA_SH_KEY_PLAIN; /* no section.name */
	for (int g = 0; g < 3; g++)
		for (int m = 0; lists[g][m]; m++) {
			const char *l = lists[g][m], *ln;
			size_t ls = strcspn(l, ".");
			ln = l + ls + 1;
			if (!(ls == 1 && *l == '*') && (ls != d1 || strncasecmp(k, l, ls)))
				continue;
			if (strcmp(ln, "*") &&
			    (strlen(ln) != n - dl || strncasecmp(k + dl, ln, n - dl)))
				continue;
			return classes[g];
		}
	return MA_SH_KEY_PLAIN;
}

int ma_sh_git_value_plain(const char *k, size_t n, const char *v, size_t vn)
{
	/* git_parse_maybe_bool's words (config.c), case ignored */
	static const char bools[] = "true yes on 1 false no off 0";
	char w[8];
	int pager = n > 6 && !strncasecmp(k, "pager.", 6) && !memchr(k + 6, '.', n - 6);

	if (!pager && !(n == 10 && !strncasecmp(k, "core.pager", 10)))
		return 0;
	/* git_pager (pager.c): "" and "cat" spawn no pager */
	if (vn == 0 || (vn == 3 && !memcmp(v, "cat", 3)))
		return 1;
	if (!pager || vn >= sizeof w)
		return 0;
	for (size_t i = 0; i < vn; i++)
		w[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] + 32 : v[i]);
	return ma_sh_in_words(bools, w, vn);
}

/* The command-line values a program runs through a shell (its manual,
 * and checked here: tar 1.34's -I 'cat; touch F' and --to-command, zip
 * 3.0's -TT (system()), git 2.39's --upload-pack, man-db's -P, nc's -c,
 * ncat's --sh-exec, rsync's --rsync-path (the remote shell)), and those
 * split into an argv without a shell or naming a program alone (rsync
 * 3.x's -e/--rsh: "you can use single- and/or double-quotes ... (but not
 * backslashes)", no shell: -e 'echo x; touch F' made no F here; scp and
 * sftp -S, sftp -D, env -S, nc -e, ncat --exec, wget --use-askpass, sort
 * --compress-program, tar --rsh-command/--rmt-command). */
static const struct ma_sh_run_value {
	const char *prog;
	int shell;
	const char *shorts, *longs;
} ma_sh_run_values[] = {
    {"tar", 1, "FI", "--use-compress-program --to-command --info-script --new-volume-script"},
    {"zip", 1, "", "--unzip-command"},
    {"git", 1, "u", "--upload-pack --receive-pack --exec"},
    {"man", 1, "P", "--pager"},
    {"nc", 1, "c", ""},
    {"ncat", 1, "", "--sh-exec"},
    {"rsync", 1, "", "--rsync-path"},
    {"xterm", 1, "", "-e"},
    {"uxterm", 1, "", "-e"},
    {"rxvt", 1, "", "-e"},
    {"urxvt", 1, "", "-e"},
    {"konsole", 1, "e", ""},
    {"x-terminal-emulator", 1, "", "-e"},
    {"mate-terminal", 1, "e", "--command"},
    {"xfce4-terminal", 1, "e", "--command"},
    {"terminator", 1, "e", "--command"},
    {"lxterminal", 1, "e", "--command"},
    {"tilix", 1, "e", "--command"},
    {"qterminal", 1, "e", "--execute"},
    {"rsync", 0, "e", "--rsh"},
    {"scp", 0, "S", ""},
    {"sftp", 0, "DS", ""},
    {"env", 0, "S", "--split-string"},
    {"nc", 0, "e", ""},
    {"ncat", 0, "", "--exec"},
    {"wget", 0, "", "--use-askpass"},
    {"sort", 0, "", "--compress-program"},
    {"tar", 0, "", "--rsh-command --rmt-command"},
    {"split", 1, "", "--filter"},
    {"npx", 1, "c", "--call"},
    {"npm", 1, "c", "--call"},
    {"doppler", 1, "", "--command"},
    {"make", 1, "E", "--eval"},
    {"git rebase", 1, "x", "--exec"},
    {"git difftool", 1, "x", "--extcmd"},
    {"git grep", 1, "O", "--open-files-in-pager"},
    {"git send-email", 1, "", "--sendmail-cmd --to-cmd --cc-cmd --header-cmd"},
    {"git filter-branch", 1, "",
     "--env-filter --tree-filter --index-filter --parent-filter --msg-filter --commit-filter "
     "--tag-name-filter --setup"},
};

int ma_sh_value_shell(const struct ma_sh_prog_opts *po, const char *name, size_t nlen)
{
	for (size_t k = 0; k < sizeof ma_sh_run_values / sizeof ma_sh_run_values[0]; k++) {
		const struct ma_sh_run_value *e = &ma_sh_run_values[k];
		if (!ma_sh_streq(e->prog, po->prog))
			continue;
		if ((nlen == 1 && *name != '-' && strchr(e->shorts, *name)) ||
		    (nlen > 1 && ma_sh_in_words(e->longs, name, nlen)))
			return e->shell;
	}
	return -1;
}

const char *ma_sh_env_key(const char *name, size_t n, int *pair)
{
	static const char *const map[][2] = {
	    {"GIT_SSH_COMMAND", "core.sshcommand"},
	    {"GIT_PAGER", "core.pager"},
	    {"GIT_EDITOR", "core.editor"},
	    {"GIT_SEQUENCE_EDITOR", "sequence.editor"},
	    {"GIT_EXTERNAL_DIFF", "diff.external"},
	    {"GIT_SSH", "core.gitproxy"},
	    {"GIT_PROXY_COMMAND", "core.gitproxy"},
	    {"GIT_ASKPASS", "core.askpass"},
	    {"GIT_CONFIG_GLOBAL", "include.path"},
	    {"GIT_CONFIG_SYSTEM", "include.path"},
	    {"GIT_CONFIG", "include.path"},
	    {"GIT_TEMPLATE_DIR", "init.templatedir"},
	    {"GIT_EXEC_PATH", "core.hookspath"},
	    /* shell29: run by sh -c (git's pager and editor, crontab -e,
	     * less's LESSOPEN); man-db 2.11 splits MANPAGER and PAGER
	     * without a shell, other man's (FreeBSD's man.sh) eval them */
	    {"EDITOR", "core.editor"},
	    {"VISUAL", "core.editor"},
	    {"PAGER", "core.pager"},
	    {"MANPAGER", "core.pager"},
	    {"LESSOPEN", "core.pager"},
	    {"LESSCLOSE", "core.pager"},
	    /* rsync(1): RSYNC_CONNECT_PROG runs through a shell; RSYNC_RSH
	     * is split as -e is (no shell), read as a shell's: fail closed
	     * (review18) */
	    {"RSYNC_RSH", "core.sshcommand"},
	    {"RSYNC_CONNECT_PROG", "core.sshcommand"},
	    /* tar(1): options read before the command line's (quotes
	     * honoured): its value is tar's options ("tar", shell30) */
	    {"TAR_OPTIONS", "tar"},
	};

	*pair = 0;
	if (n > 15 && !memcmp(name, "GIT_CONFIG_KEY_", 15))
		*pair = 1;
	else if (n > 17 && !memcmp(name, "GIT_CONFIG_VALUE_", 17))
		*pair = 2;
	else if (n == 21 && !memcmp(name, "GIT_CONFIG_PARAMETERS", 21))
		*pair = 3;
	if (*pair)
		return NULL;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strlen(map[i][0]) == n && !memcmp(name, map[i][0], n))
			return map[i][1];
	return NULL;
}

/* git's isspace (GIT_SPACE: blank, tab, line feed, carriage return) */
static int ma_sh_git_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* One single-quoted word of w from w[*k] (a quote) as sq_dequote_step
 * reads it, appended to out at *x (cap bytes; *full when it did not
 * fit); [a, b) mapped to p->ia/ib while in it. *k is set past its last
 * quote. 0 when unterminated. */
static int ma_sh_git_sq(const char *w, size_t n, size_t *k, size_t a, size_t b, char *out,
                        size_t cap, size_t *x, struct ma_sh_git_param *p)
{
	size_t i = *k + 1;

	for (;;) {
		if (i == a)
			p->ia = *x;
		if (i == b)
			p->ib = *x;
		if (i >= n)
			return 0;
		if (w[i] == '\'') {
			/* '\'' or '\!': a quote or '!' and the quoted part goes on */
			if (i + 3 < n && w[i + 1] == '\\' &&
			    (w[i + 2] == '\'' || w[i + 2] == '!') && w[i + 3] == '\'') {
				if (*x + 1 < cap)
					out[(*x)++] = w[i + 2];
				else
					p->full = 1;
				i += 4;
				continue;
			}
			*k = i + 1;
			return 1;
		}
		if (*x + 1 < cap)
			out[(*x)++] = w[i];
		else
			p->full = 1;
		i++;
	}
}

int ma_sh_git_param_next(const char *w, size_t n, size_t *pos, size_t a, size_t b, char *out,
                         size_t cap, struct ma_sh_git_param *p)
{
	size_t k = *pos, x = 0;

	p->ia = p->ib = (size_t)-1;
	p->full = 0;
	while (k < n && ma_sh_git_space(w[k]))
		k++;
	if (k >= n || w[k] != '\'' || !ma_sh_git_sq(w, n, &k, a, b, out, cap, &x, p))
		return 0;
	if (k < n && w[k] == '=') { /* 'key'='value' or 'key'= */
		k++;
		if (k < n && w[k] == '\'') {
			if (x + 1 < cap)
				out[x++] = '=';
			else
				p->full = 1;
			if (!ma_sh_git_sq(w, n, &k, a, b, out, cap, &x, p))
				return 0;
		}
	}
	if (k < n && !ma_sh_git_space(w[k]))
		return 0;
	/* an input in one quoted part only: both ends mapped, a to b */
	if (p->ia == (size_t)-1 || p->ib == (size_t)-1 || p->ib < p->ia)
		p->ia = p->ib = (size_t)-1;
	out[x] = '\0';
	p->len = x;
	*pos = k;
	return 1;
}

/* GNU parallel's options (parallel(1), 20221122) that take the next word
 * as their value when none is attached (-j 4, --joblog FILE); a short
 * option glued to its value (-j4) or a long one with '=' takes none. */
int ma_sh_parallel_value_opt(const char *o, size_t n)
{
	static const char longs[] =
	    "--arg-file --arg-file-sep --arg-sep --basefile --bf --basenamereplace --bnr "
	    "--basenameextensionreplace --bner --bin --block --block-size --block-timeout --bt "
	    "--colsep --compress-program --decompress-program --ctagstring --delay --delimiter "
	    "--dirnamereplace --dnr --env --filter --group-by --halt-on-error --halt --header "
	    "--joblog --jl --jobs --max-procs --limit --load --memfree --memsuspend --minversion "
	    "--max-args --max-replace-args --nice --parens --profile --process-slot-var "
	    "--recstart --recend --results --res --retries --return --rpl --rsync-opts "
	    "--max-chars --semaphore-name --id --semaphore-timeout --st --seqreplace --shard "
	    "--shell-completion --sql --sql-master --sql-and-worker --sql-worker --ssh "
	    "--ssh-delay --sshlogin --sshloginfile --slf --slotreplace --template --tmpl "
	    "--tagstring --term-seq --total-jobs --total --tmpdir --tempdir --timeout "
	    "--transferfile --tf --trc --trim --extensionreplace --er --workdir --wd";

	if (n == 2 && o[0] == '-')
		return o[1] && strchr("aCdEIjPJLnNsSW", o[1]) != NULL;
	return n > 2 && o[0] == '-' && o[1] == '-' && ma_sh_in_words(longs, o, n);
}
