/*
 * ma_shell_names.c — what the command_injection check knows about the
 * names a command can have: the shell's builtins and reserved words, a
 * lexicon of the programs found on common Linux and Unix systems, and the
 * variables the shell, the loader and interpreters act on.
 *
 * Why: a separator or newline that a user input adds starts a new command,
 * but a command named by an ordinary word ("Ask", "but", "settle") is only
 * "command not found": free text with line breaks runs nothing. The check
 * (ma_shell.c) reports a new command when its name could run something,
 * and these tables say which names can.
 *
 * The program lexicon was made from the systems' own command lists, not
 * from any corpus: every file in /bin, /sbin, /usr/bin and /usr/sbin of
 * Debian 12's base packages (coreutils, util-linux, bsdutils, procps,
 * psmisc, findutils, grep, sed, tar, gzip, bzip2, xz-utils, diffutils,
 * iproute2, net-tools, openssh-client, bash, dash, login, passwd, mount,
 * debianutils, hostname, ncurses-bin, sysvinit-utils, perl, python3,
 * e2fsprogs, systemd, apt, dpkg, less, curl, wget, git, make, binutils,
 * gcc, sudo, file, patch, zip, unzip, openssl, lsof, strace, time, ed),
 * busybox's applets, and the usual network tools, interpreters, compilers,
 * package managers, container tools and editors of Linux, the BSDs and
 * macOS. Names are compared case-sensitively, as Linux file systems do.
 *
 * Pure constant tables (the five lists ma_sh_name_kind answers from are
 * also one hash table, ma_shell_names_tab.h, written by
 * scripts/gen_shell_names.py): no allocation, no state, nothing built at
 * run time. Any thread.
 */
#include "ma_shell.h"

#include <stdint.h>
#include <string.h>

/* Sorted with strcmp (LC_ALL=C sort). This list and the four after it
 * are what ma_sh_name_kind answers from, through the hash table that
 * scripts/gen_shell_names.py writes from them (ma_shell_names_tab.h): run
 * it after changing any of them (make agent-lint and the unit tests say
 * when the table does not match). */
/* clang-format off */
static const char *const ma_sh_programs[] = {
	"7z", "7za", "R", "Rscript", "[", "acpid", "add-shell", "addgroup", "addpart", "addr2line",
	"adduser", "adjtimex", "agetty", "anacron", "ant", "apk", "apt", "apt-cache", "apt-cdrom",
	"apt-config", "apt-get", "apt-key", "apt-mark", "aptitude", "ar", "arch", "aria2c", "arp",
	"arpd", "arping", "as", "ash", "at", "atq", "atrm", "awk", "b2sum", "badblocks", "base32",
	"base64", "basename", "basenc", "bash", "bashbug", "batch", "bc", "beep", "blkdiscard",
	"blkid", "blkzone", "blockdev", "bootchartd", "brctl", "brew", "bridge", "buildah", "bun",
	"bundle", "bundler", "bunzip2", "busctl", "busybox", "bzcat", "bzcmp", "bzdiff", "bzegrep",
	"bzexe", "bzfgrep", "bzgrep", "bzip2", "bzip2recover", "bzless", "bzmore", "c++", "c++filt",
	"c_rehash", "cabextract", "cal", "captoinfo", "cargo", "cat", "cc", "chage", "chat", "chattr",
	"chcon", "chcpu", "chfn", "chgpasswd", "chgrp", "chkconfig", "chmem", "chmod", "choom",
	"chown", "chpasswd", "chpst", "chroot", "chrt", "chsh", "chvt", "cksum", "clang", "clang++",
	"clear", "clear_console", "clisp", "cmake", "cmp", "col", "colcrt", "colrm", "column", "comm",
	"composer", "conspy", "corelist", "cp", "cpan", "cpgr", "cpio", "cpp-12", "cppw", "crc32",
	"crictl", "crond", "crontab", "cryptpw", "csh", "csplit", "ctr", "ctrlaltdel", "ctstat",
	"cttyhack", "curl", "cut", "dash", "date", "dc", "dcb", "dd", "deallocvt", "debugfs",
	"defaults", "delgroup", "delpart", "deluser", "deno", "depmod", "devlink", "devmem", "df",
	"dhcprelay", "diff", "diff3", "dig", "dir", "dircolors", "dirname", "dmesg", "dnf", "dnsd",
	"dnsdomainname", "doas", "docker", "domainname", "dos2unix", "dotnet", "dpkg", "dpkg-deb",
	"dpkg-divert", "dpkg-fsys-usrunmess", "dpkg-maintscript-helper", "dpkg-query",
	"dpkg-realpath", "dpkg-reconfigure", "dpkg-split", "dpkg-statoverride", "dpkg-trigger",
	"dscl", "dtrace", "du", "dumpe2fs", "dumpkmap", "dumpleases", "dwp", "e2freefrag", "e2fsck",
	"e2image", "e2label", "e2mmpstatus", "e2scrub", "e2scrub_all", "e2undo", "e4crypt",
	"e4defrag", "echo", "ed", "egrep", "eject", "elfedit", "emacs", "emerge", "enc2xs",
	"encguess", "env", "envdir", "envuidgid", "erb", "ether-wake", "ex", "expand", "expect",
	"expiry", "expr", "factor", "faillog", "fakeidentd", "fallocate", "fatattr", "fbset",
	"fbsplash", "fdflush", "fdformat", "fdisk", "fetch", "fgconsole", "fgrep", "file", "filefrag",
	"fincore", "find", "findfs", "findmnt", "finger", "fish", "flatpak", "flock", "fmt", "fold",
	"free", "fsck", "fsck.cramfs", "fsck.ext2", "fsck.ext3", "fsck.ext4", "fsck.minix",
	"fsfreeze", "fstab-decode", "fstrim", "fsync", "ftp", "ftpd", "ftpget", "ftpput", "funzip",
	"fuser", "g++", "gawk", "gcc", "gcc-12", "gcc-ar-12", "gcc-nm-12", "gcc-ranlib-12", "gcov-12",
	"gcov-dump-12", "gcov-tool-12", "gdb", "gem", "genl", "getconf", "getent", "getopt", "getty",
	"ghc", "git", "git-receive-pack", "git-shell", "git-upload-archive", "git-upload-pack",
	"gmake", "go", "gold", "gp-archive", "gp-collect-app", "gp-display-html", "gp-display-src",
	"gp-display-text", "gpasswd", "gpg", "gprof", "gprofng", "gradle", "grep", "groovy",
	"groupadd", "groupdel", "groupmems", "groupmod", "groups", "grpck", "grpconv", "grpunconv",
	"gsed", "guile", "guix", "gunzip", "gzexe", "gzip", "h2ph", "h2xs", "halt", "hardlink", "hd",
	"hdparm", "head", "hexdump", "hexedit", "hg", "host", "hostid", "hostname", "hostnamectl",
	"httpd", "hush", "hwclock", "i2cdetect", "i2cdump", "i2cget", "i2cset", "i2ctransfer", "i386",
	"iconv", "iconvconfig", "id", "ifconfig", "ifdown", "ifenslave", "ifplugd", "ifup", "inetd",
	"infocmp", "infotocap", "init", "insmod", "install", "installkernel", "instmodsh",
	"invoke-rc.d", "ionice", "iostat", "ip", "ip6tables", "ipaddr", "ipcalc", "ipcmk", "ipconfig",
	"ipcrm", "ipcs", "iplink", "ipmaddr", "ipneigh", "iproute", "iprule", "iptables", "iptunnel",
	"ipython", "ipython3", "irb", "ischroot", "isosize", "java", "javac", "joe", "join", "jot",
	"journalctl", "jq", "jruby", "jrunscript", "jshell", "json_pp", "julia", "kbd_mode",
	"kernel-install", "kill", "killall", "killall5", "kldload", "klogd", "kotlin", "ksh", "ksh93",
	"ktrace", "kubectl", "last", "lastb", "lastlog", "launchctl", "ld", "ld.bfd", "ld.gold",
	"ld.so", "ldattach", "ldconfig", "ldd", "less", "lessecho", "lessfile", "lesskey", "lesspipe",
	"lftp", "libnetcfg", "link", "linux32", "linux64", "linuxrc", "ln", "lnstat", "loadfont",
	"loadkmap", "locale", "localectl", "localedef", "logger", "login", "loginctl", "logname",
	"logread", "look", "losetup", "lpd", "lpq", "lpr", "ls", "lsattr", "lsblk", "lscpu", "lsfd",
	"lsipc", "lsirq", "lslocks", "lslogins", "lsmem", "lsmod", "lsns", "lsof", "lspci", "lsscsi",
	"lsusb", "lto-dump-12", "lua", "lua5.1", "lua5.2", "lua5.3", "lua5.4", "luajit", "lxc", "lz4",
	"lzcat", "lzma", "lzmainfo", "lzop", "mail", "mailx", "make", "make-first-existing-target",
	"makedevs", "makemime", "man", "mawk", "mcedit", "mcookie", "md5", "md5sum",
	"md5sum.textutils", "mdev", "mesg", "microcom", "mii-tool", "mim", "mkdir", "mkdosfs",
	"mke2fs", "mkfifo", "mkfs", "mkfs.bfs", "mkfs.cramfs", "mkfs.ext2", "mkfs.ext3", "mkfs.ext4",
	"mkfs.minix", "mkfs.vfat", "mklost+found", "mknod", "mkpasswd", "mksh", "mkswap", "mktemp",
	"modinfo", "modprobe", "mono", "more", "mount", "mountpoint", "mpstat", "msmtp", "mt", "mtr",
	"mutt", "mv", "mvn", "namei", "nameif", "nanddump", "nandwrite", "nano", "nawk", "nbd-client",
	"nc", "ncat", "netcat", "netstat", "networkctl", "newgrp", "newusers", "nft", "nice", "ninja",
	"nisdomainname", "nix", "nix-env", "nl", "nm", "nmap", "nmeter", "node", "nodejs", "nohup",
	"nologin", "npm", "nproc", "npx", "nsenter", "nslookup", "nstat", "ntpd", "nuke", "numfmt",
	"nvim", "objcopy", "objdump", "ocaml", "od", "open", "openssl", "openvt", "osascript",
	"pacman", "parallel", "partprobe", "partx", "passwd", "paste", "patch", "pathchk", "pbcopy",
	"pbpaste", "pdb3", "pdb3.11", "pdksh", "peekfd", "perl", "perl5.36.0", "perlbug", "perldoc",
	"perlivp", "perlthanks", "pgrep", "php", "php-cgi", "php5", "php7", "php8", "pico", "piconv",
	"pidof", "pidwait", "pigz", "ping", "ping6", "pinky", "pip", "pip3", "pipe_progress",
	"pivot_root", "pkexec", "pkg", "pkg_add", "pkill", "pl2pm", "pldd", "plipconfig", "pmap",
	"pnpm", "pod2html", "pod2man", "pod2text", "pod2usage", "podchecker", "podman", "popmaildir",
	"port", "poweroff", "powershell", "powertop", "pr", "printenv", "printf", "prlimit", "prove",
	"prtstat", "ps", "pscan", "pslog", "pstree", "pstree.x11", "ptar", "ptardiff", "ptargrep",
	"ptx", "pwck", "pwconv", "pwd", "pwdx", "pwsh", "pwunconv", "pydoc3", "pydoc3.11",
	"pygettext3", "pygettext3.11", "pypy", "pypy3", "python", "python2", "python2.7", "python3",
	"python3.10", "python3.11", "python3.12", "python3.13", "python3.5", "python3.6", "python3.7",
	"python3.8", "python3.9", "pzstd", "racket", "raidautorun", "ranlib", "rarp", "rbash",
	"rdate", "rdev", "rdma", "readahead", "readelf", "readlink", "readprofile", "realpath",
	"reboot", "red", "reformime", "remove-shell", "rename.ul", "renice", "reset", "resize",
	"resize2fs", "resizepart", "resume", "rev", "rgrep", "rm", "rmdir", "rmmod", "rmt-tar",
	"route", "routel", "rpm", "rpm2cpio", "rsync", "rtacct", "rtcwake", "rtmon", "rtstat", "ruby",
	"run-init", "run-parts", "runc", "runcon", "runghc", "runlevel", "runsv", "runsvdir",
	"runuser", "rustc", "rx", "s-nail", "savelog", "say", "sbcl", "scala", "scalar", "scp",
	"screen", "script", "scriptlive", "scriptreplay", "sdiff", "sed", "sendmail", "seq",
	"service", "setarch", "setconsole", "setfattr", "setfont", "setkeycodes", "setlogcons",
	"setpriv", "setserial", "setsid", "setterm", "setuidgid", "sftp", "sg", "sh", "sha1",
	"sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha3sum", "sha512sum", "shadowconfig",
	"shasum", "showkey", "shred", "shuf", "shutdown", "size", "skill", "slabtop", "slattach",
	"sleep", "slogin", "smemcap", "snap", "snice", "socat", "softlimit", "sort", "splain",
	"split", "ss", "ssh", "ssh-add", "ssh-agent", "ssh-argv0", "ssh-copy-id", "ssh-keygen",
	"ssh-keyscan", "ssl_client", "start-stop-daemon", "stat", "stdbuf", "strace",
	"strace-log-merge", "streamzip", "strings", "strip", "stty", "su", "sudo", "sudoedit",
	"sulogin", "sum", "sv", "svc", "svlogd", "svn", "svok", "sw_vers", "swaplabel", "swapoff",
	"swapon", "swift", "switch_root", "sync", "sysctl", "syslogd", "systemctl", "systemd",
	"systemd-analyze", "systemd-ask-password", "systemd-cat", "systemd-cgls", "systemd-cgtop",
	"systemd-creds", "systemd-cryptenroll", "systemd-delta", "systemd-detect-virt",
	"systemd-escape", "systemd-firstboot", "systemd-id128", "systemd-inhibit",
	"systemd-machine-id-setup", "systemd-mount", "systemd-notify", "systemd-path",
	"systemd-repart", "systemd-run", "systemd-socket-activate", "systemd-stdio-bridge",
	"systemd-sysext", "systemd-sysusers", "systemd-tmpfiles", "systemd-tty-ask-password-agent",
	"systemd-umount", "tabs", "tac", "tail", "talk", "tar", "tarcat", "taskset", "tc", "tcc",
	"tclsh", "tcpdump", "tcpsvd", "tcsh", "tee", "telinit", "telnet", "telnetd", "tempfile",
	"test", "tftp", "tftpd", "tic", "time", "timedatectl", "timeout", "tipc", "tload", "tmux",
	"toe", "top", "touch", "tput", "tr", "tracepath", "traceroute", "traceroute6", "truncate",
	"truss", "ts", "tset", "tsort", "tty", "ttysize", "tunctl", "tune2fs", "tzselect",
	"uclampset", "udhcpc", "udhcpc6", "udhcpd", "udpsvd", "uevent", "ul", "umount", "uname",
	"uncompress", "unexpand", "uniq", "unix2dos", "unlink", "unlzma", "unrar", "unshare", "unxz",
	"unzip", "unzipsfx", "unzstd", "update-alternatives", "update-rc.d", "update-shells",
	"uptime", "useradd", "userdel", "usermod", "users", "usleep", "utmpdump", "uudecode",
	"uuencode", "vconfig", "vdir", "vdpa", "vi", "view", "vigr", "vim", "vimdiff", "vipw",
	"virsh", "vlock", "vmstat", "volname", "w", "wall", "watch", "watchdog", "wc", "wdctl",
	"wget", "whereis", "which", "which.debianutils", "who", "whoami", "whois", "wipefs", "wish",
	"write", "x86_64", "xargs", "xsubpp", "xxd", "xz", "xzcat", "xzcmp", "xzdiff", "xzegrep",
	"xzfgrep", "xzgrep", "xzless", "xzmore", "yarn", "yash", "yes", "ypdomainname", "yq", "yum",
	"zcat", "zcip", "zcmp", "zdiff", "zdump", "zegrep", "zfgrep", "zforce", "zgrep", "zic", "zip",
	"zipcloak", "zipdetails", "zipgrep", "zipinfo", "zipnote", "zipsplit", "zless", "zmore",
	"znew", "zramctl", "zsh", "zstd", "zstdcat", "zstdgrep", "zstdless", "zstdmt", "zypper",
};
/* clang-format on */

/* POSIX and bash (with a few zsh/ksh) builtins, sorted: they run in the
 * shell itself (eval, source, exec, kill, read a file into a variable,
 * export to later commands). Not ":", "true" and "false": they do nothing
 * (a redirection after them is judged on its own). */
static const char *const ma_sh_builtins[] = {
    ".",        "alias",   "autoload", "bg",        "bind",     "break",    "builtin", "caller",
    "cd",       "command", "compgen",  "complete",  "compopt",  "continue", "coproc",  "declare",
    "dirs",     "disown",  "echo",     "emulate",   "enable",   "eval",     "exec",    "exit",
    "export",   "fc",      "fg",       "getopts",   "hash",     "help",     "history", "jobs",
    "kill",     "let",     "local",    "logout",    "mapfile",  "popd",     "print",   "printf",
    "pushd",    "pwd",     "read",     "readarray", "readonly", "return",   "set",     "setopt",
    "shift",    "shopt",   "source",   "suspend",   "test",     "time",     "times",   "trap",
    "type",     "typeset", "ulimit",   "umask",     "unalias",  "unset",    "wait",    "whence",
    "zmodload",
};

/* Builtins and programs that run the command given as their argument:
 * the next word names what runs (options, numbers and assignments between
 * them are skipped); alone they run themselves (env prints the
 * environment). Sorted. */
static const char *const ma_sh_prefixes[] = {
    "builtin", "chrt",    "command", "doas",   "env",  "exec",    "ionice", "nice",    "nohup",
    "setsid",  "sshpass", "stdbuf",  "strace", "sudo", "taskset", "time",   "timeout", "xargs",
};

/* Reserved words that open a body or negate a command: the next word
 * names what runs; alone they run nothing. Sorted. */
static const char *const ma_sh_openers[] = {
    "!", "do", "elif", "else", "if", "then", "until", "while", "{",
};

/* Reserved words that run nothing themselves: what they hold is judged
 * where its commands start (after do, then, { or a case pattern's ")"). */
static const char *const ma_sh_reserved[] = {
    "[[", "]]", "case", "done", "esac", "fi", "for", "function", "in", "select", "}",
};

/* Programs that only look names up or print, and whose operands, when
 * they are words of text, are only names to look up or files to read
 * (ma_shell.c judges the operands): which, whatis and apropos look names
 * up, man shows manual pages, find lists paths (its actions are options),
 * as assembles files, look searches a word list, say speaks (macOS), go
 * runs a command of its own named by the first operand (ma_sh_go_runs).
 * Names that are also English words: a line of wrapped text may start
 * with one. Sorted. */
static const char *const ma_sh_lookups[] = {
    "apropos", "as", "find", "go", "look", "man", "say", "whatis", "which",
};

/* go's commands that build, fetch or run code (go help). Sorted. */
static const char *const ma_sh_go_cmds[] = {
    "build",   "clean", "env", "fix",  "fmt",  "generate", "get",
    "install", "mod",   "run", "test", "tool", "vet",      "work",
};

/* Variables that change what later commands run or load. */
static const char *const ma_sh_env_names[] = {
    "ALL_PROXY",   "BASH_ENV",      "BROWSER",      "CDPATH",         "EDITOR",     "ENV",
    "GLOBIGNORE",  "HOME",          "HTTPS_PROXY",  "HTTP_PROXY",     "IFS",        "LESSCLOSE",
    "LESSOPEN",    "MANPAGER",      "NODE_OPTIONS", "NODE_PATH",      "PAGER",      "PATH",
    "PERL5LIB",    "PERL5OPT",      "PERLLIB",      "PROMPT_COMMAND", "PYTHONHOME", "PYTHONINSPECT",
    "PYTHONPATH",  "PYTHONSTARTUP", "RUBYLIB",      "RUBYOPT",        "SHELL",      "SHELLOPTS",
    "BASHOPTS",    "SSH_ASKPASS",   "SUDO_ASKPASS", "VISUAL",         "all_proxy",  "http_proxy",
    "https_proxy",
};
static const char *const ma_sh_env_prefixes[] = {"BASH_FUNC_", "DYLD_", "GIT_", "LD_"};

#define MA_SH_N(a) (sizeof(a) / sizeof((a)[0]))

/* strcmp's order between s (n bytes) and the NUL-terminated name. */
static int ma_sh_cmp(const char *s, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n && name[i]; i++)
		if (s[i] != name[i])
			return (unsigned char)s[i] < (unsigned char)name[i] ? -1 : 1;
	if (i < n)
		return 1;
	return name[i] ? -1 : 0;
}

/* Binary search of the sorted table tab. */
static int ma_sh_in(const char *const *tab, size_t ntab, const char *s, size_t n)
{
	size_t lo = 0, hi = ntab;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = ma_sh_cmp(s, n, tab[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The five lists that ma_sh_name_kind answers from, as one constant
 * hash table with their kinds (ma_sh_names_tab.h, written by
 * scripts/gen_shell_names.py from the lists above; nothing is built at
 * run time). */
#include "ma_shell_names_tab.h"

/* The probe of the hash table for s (n > 0 bytes), apart from the test
 * by first byte and length so that a word answered there saves no
 * registers. */
static __attribute__((noinline)) int ma_sh_names_probe(const char *s, size_t n)
{
	uint32_t h = MA_SH_NAMES_HASH(s, n);

	for (;;) {
		const struct ma_sh_names_slot *e = &ma_sh_names_slot[h];
		if (e->len == 0)
			return MA_SH_NAME_OTHER;
		if (e->len == n) {
			const char *name = ma_sh_names_pool + e->off;
			size_t i = 0;
			while (i < n && name[i] == s[i])
				i++;
			if (i == n)
				return e->kind;
		}
		h = (h + 1) & (MA_SH_NAMES_SLOTS - 1);
	}
}

int ma_sh_name_kind(const char *s, size_t n)
{
	/* a name no list has by first byte and length (most words of text)
	 * is answered with one look-up */
	if (n == 0 || !((ma_sh_names_len[(unsigned char)s[0]] >> (n < 63 ? n : 63)) & 1))
		return MA_SH_NAME_OTHER;
	return ma_sh_names_probe(s, n);
}

int ma_sh_name_lookup(const char *s, size_t n)
{
	return ma_sh_in(ma_sh_lookups, MA_SH_N(ma_sh_lookups), s, n);
}

int ma_sh_go_runs(const char *s, size_t n)
{
	return ma_sh_in(ma_sh_go_cmds, MA_SH_N(ma_sh_go_cmds), s, n);
}

/* sh's pattern matching of name against the glob pat (* ? [...] [!...]),
 * byte by byte; a backslash or a quote in pat is skipped. Iterative, with
 * one backtrack point for the last '*'. */
static int ma_sh_glob_match(const char *pat, size_t pn, const char *name)
{
	size_t p = 0, star = (size_t)-1;
	const char *n = name, *mark = NULL;

	for (;;) {
		while (p < pn && (pat[p] == '\'' || pat[p] == '"' || pat[p] == '\\'))
			p++;
		if (p < pn && pat[p] == '*') {
			star = ++p;
			mark = n;
			continue;
		}
		if (!*n) {
			while (p < pn && (pat[p] == '*' || pat[p] == '\'' || pat[p] == '"'))
				p++;
			if (p == pn)
				return 1;
		} else if (p < pn) {
			int ok = 0;
			size_t q = p + 1;
			if (pat[p] == '?') {
				ok = 1;
			} else if (pat[p] == '[') {
				int neg = q < pn && (pat[q] == '!' || pat[q] == '^');
				size_t k = q + (size_t)neg, end = k;
				while (end < pn && (pat[end] != ']' || end == k))
					end++;
				if (end < pn) {
					int in = 0;
					for (size_t j = k; j < end; j++) {
						if (j + 2 < end && pat[j + 1] == '-') {
							in |= *n >= pat[j] && *n <= pat[j + 2];
							j += 2;
						} else {
							in |= *n == pat[j];
						}
					}
					ok = in != neg;
					q = end + 1;
				} else {
					ok = *n == '[';
				}
			} else {
				ok = pat[p] == *n;
			}
			if (ok) {
				p = q;
				n++;
				continue;
			}
		}
		if (star == (size_t)-1 || !*mark)
			return 0;
		p = star;
		n = ++mark;
	}
}

int ma_sh_name_glob(const char *pat, size_t n)
{
	/* a literal first byte: only the names that start with it */
	char c0 = n > 0 && !strchr("*?[\\'\"", pat[0]) ? pat[0] : '\0';

	for (size_t i = 0; i < MA_SH_N(ma_sh_programs); i++)
		if ((!c0 || ma_sh_programs[i][0] == c0) &&
		    ma_sh_glob_match(pat, n, ma_sh_programs[i]))
			return 1;
	for (size_t i = 0; i < MA_SH_N(ma_sh_builtins); i++)
		if ((!c0 || ma_sh_builtins[i][0] == c0) &&
		    ma_sh_glob_match(pat, n, ma_sh_builtins[i]))
			return 1;
	return 0;
}

int ma_sh_name_env(const char *s, size_t n)
{
	for (size_t i = 0; i < MA_SH_N(ma_sh_env_prefixes); i++) {
		size_t l = strlen(ma_sh_env_prefixes[i]);
		if (n >= l && !memcmp(s, ma_sh_env_prefixes[i], l))
			return 1;
	}
	for (size_t i = 0; i < MA_SH_N(ma_sh_env_names); i++)
		if (strlen(ma_sh_env_names[i]) == n && !memcmp(s, ma_sh_env_names[i], n))
			return 1;
	return 0;
}

/* Variables whose value a program runs, loads or reads as code
 * (shell39): the value is a program or a command line (BROWSER,
 * SSH_ASKPASS, PAGER, EDITOR, LESSOPEN: less runs it through sh -c), a
 * file the shell or an interpreter reads as code first (BASH_ENV, ENV,
 * PYTHONSTARTUP, LUA_INIT, PERL5DB, R_PROFILE_USER, PHPRC), a library or
 * module path searched before the system's (LD_LIBRARY_PATH, PYTHONPATH,
 * NODE_PATH, PERL5LIB, RUBYLIB, GCONV_PATH, PATH) or an interpreter's
 * options (NODE_OPTIONS --require, PERL5OPT -M, RUBYOPT -r,
 * JAVA_TOOL_OPTIONS -javaagent:), git's program variables, TAR_OPTIONS,
 * npm's script shell, GLIBC_TUNABLES. 2 for the ones ma_sh_env_key reads as
 * a command line (their value judged at its place there): only an input
 * that writes the program (the value's start) is theirs. Sorted. */
static const char *const ma_sh_env_code_names[] = {
    "BASHOPTS",
    "BASH_ENV",
    "BROWSER",
    "CC",
    "CXX",
    "DYLD_FALLBACK_LIBRARY_PATH",
    "DYLD_FRAMEWORK_PATH",
    "DYLD_INSERT_LIBRARIES",
    "DYLD_LIBRARY_PATH",
    "EDITOR",
    "FPATH",
    "GCONV_PATH",
    "GIT_ASKPASS",
    "GIT_EDITOR",
    "GIT_EXTERNAL_DIFF",
    "GIT_PAGER",
    "GIT_PROXY_COMMAND",
    "GIT_SEQUENCE_EDITOR",
    "GIT_SSH",
    "GIT_SSH_COMMAND",
    "GLIBC_TUNABLES",
    "JAVA_TOOL_OPTIONS",
    "JDK_JAVA_OPTIONS",
    "KUBE_EDITOR",
    "LD_AUDIT",
    "LD_LIBRARY_PATH",
    "LD_PRELOAD",
    "LESSCLOSE",
    "LESSOPEN",
    "LUA_CPATH",
    "LUA_INIT",
    "LUA_PATH",
    "MANPAGER",
    "NODE_OPTIONS",
    "NODE_PATH",
    "NPM_CONFIG_SCRIPT_SHELL",
    "PAGER",
    "PATH",
    "PERL5DB",
    "PERL5LIB",
    "PERL5OPT",
    "PERLLIB",
    "PHPRC",
    "PHP_INI_SCAN_DIR",
    "PROMPT_COMMAND",
    "PS4",
    "PYTHONBREAKPOINT",
    "PYTHONHOME",
    "PYTHONPATH",
    "PYTHONSTARTUP",
    "RUBYLIB",
    "RUBYOPT",
    "R_PROFILE",
    "R_PROFILE_USER",
    "SHELL",
    "SHELLOPTS",
    "SSH_ASKPASS",
    "SUDO_ASKPASS",
    "SUDO_EDITOR",
    "SVN_EDITOR",
    "TAR_OPTIONS",
    "TCLLIBPATH",
    "VISUAL",
    "ZDOTDIR",
    "_JAVA_OPTIONS",
    "npm_config_script_shell",
};
/* (the loader's other variables -- LD_ASSUME_KERNEL, LD_PROFILE,
 * LD_BIND_NOW, DYLD_PRINT_* -- and CDPATH load no code: the lead,
 * session 33, after devshell's "LD_ASSUME_KERNEL=2.2.5 ./myprog") */
static const char *const ma_sh_env_code_prefixes[] = {"BASH_FUNC_"};

int ma_sh_env_code(const char *s, size_t n)
{
	int pair;

	for (size_t i = 0; i < MA_SH_N(ma_sh_env_code_prefixes); i++) {
		size_t l = strlen(ma_sh_env_code_prefixes[i]);
		if (n > l && !memcmp(s, ma_sh_env_code_prefixes[i], l))
			return 1;
	}
	if (!ma_sh_in(ma_sh_env_code_names, MA_SH_N(ma_sh_env_code_names), s, n))
		return 0;
	if (ma_sh_env_key(s, n, &pair) || ma_sh_env_pref(s, n))
		return 2; /* GIT_EDITOR, PAGER, LESSOPEN, TAR_OPTIONS ... */
	/* PERL5OPT, RUBYOPT, NODE_OPTIONS, JAVA_TOOL_OPTIONS ... */
	if (!memcmp(s + n - 3, "OPT", 3) || (n > 8 && !memcmp(s + n - 8, "_OPTIONS", 8)))
		return 3;
	return 1;
}

/* 1 when the directory p (n bytes) is one of root's: for PATH (prog) a
 * program folder (/usr/bin, /usr/local/sbin, /snap/bin, /usr/lib/X/bin
 * as the JVM's, /opt/NAME/bin, /usr/local/NAME/bin), else a library
 * tree (/lib*, /usr/lib*, /usr/local/lib*, /usr/share/perl*,
 * /opt/NAME/lib*, /usr/local/NAME/lib*). Not /opt or
 * /usr/share as a whole: applications keep their uploads there
 * (/opt/APP/uploads, nginx's /usr/share/nginx/html; review27). A "//",
 * "/." or ".." is not read (fails closed). */
static int ma_sh_root_dir(const char *p, size_t n, int prog)
{
	static const char *const bins[] = {
	    "/bin",           "/sbin",           "/usr/bin",   "/usr/sbin",
	    "/usr/local/bin", "/usr/local/sbin", "/usr/games", "/usr/local/games",
	    "/snap/bin"};
	static const char *const libs[] = {
	    "/lib",           "/lib32",           "/lib64",          "/libx32",
	    "/usr/lib",       "/usr/lib32",       "/usr/lib64",      "/usr/libx32",
	    "/usr/local/lib", "/usr/local/lib64", "/usr/share/perl", "/usr/share/perl5"};
	const char *const *t = prog ? bins : libs;
	size_t nt = prog ? MA_SH_N(bins) : MA_SH_N(libs);
	const char *q;
	size_t k;

	if (prog && ((n == 5 && !memcmp(p, "$PATH", 5)) || (n == 7 && !memcmp(p, "${PATH}", 7))))
		return 1;
	while (n > 1 && p[n - 1] == '/')
		n--;
	if (!n || p[0] != '/' || memmem(p, n, "//", 2) || memmem(p, n, "/.", 2))
		return 0;
	for (k = 0; k < nt; k++) {
		size_t l = strlen(t[k]);
		if (n >= l && !memcmp(p, t[k], l) && (n == l || (!prog && p[l] == '/')))
			return 1;
	}
	if (prog && n > 13 && !memcmp(p, "/usr/lib/", 9) && !memcmp(p + n - 4, "/bin", 4))
		return 1; /* /usr/lib/jvm/java-17-openjdk-amd64/bin */
	/* a package's own folder: /opt/NAME/bin, /usr/local/cuda/lib64 */
	if (n > 5 && !memcmp(p, "/opt/", 5))
		k = 5;
	else if (n > 11 && !memcmp(p, "/usr/local/", 11))
		k = 11;
	else
		return 0;
	if (!(q = memchr(p + k, '/', n - k)) || q == p + k)
		return 0;
	n -= (size_t)(q + 1 - p);
	q++;
	if (prog)
		return (n == 3 && !memcmp(q, "bin", 3)) || (n == 4 && !memcmp(q, "sbin", 4));
	return (n == 3 && !memcmp(q, "lib", 3)) || (n == 5 && !memcmp(q, "lib64", 5)) ||
	       (n == 5 && !memcmp(q, "lib32", 5));
}

int ma_sh_env_value_inert(const char *s, size_t n, const char *val, const char *vend,
                          const char *at, size_t vl)
{
	const char *end = at + vl;
	int search = n >= 4 && (!memcmp(s + n - 4, "PATH", 4) || !memcmp(s + n - 3, "LIB", 3));
	int prog = n == 4 && !memcmp(s, "PATH", 4);

	if (search && at > val && at[-1] != ':' && at[-1] != '=' && at[-1] != '"' &&
	    at[-1] != '\'' && !memchr(at, '/', vl) && !memchr(at, ':', vl) &&
	    !memmem(at, vl, "..", 2))
		return 1; /* a piece of an application's element */
	/* a search path (PATH, LD_LIBRARY_PATH, PYTHONPATH, PERL5LIB ...;
	 * shellfp3) whose every element the input writes, each begun by the
	 * input (not /srv/files + /usr/lib) and read to its end in the value
	 * (/usr/local + the application's /bin), is root's (ma_sh_root_dir);
	 * an empty element (the working directory: a trailing ':'), another
	 * list's syntax (LUA_PATH's ';', TCLLIBPATH's blanks) or ?-templates
	 * are not */
	if (!search || !vl || memchr(at, ';', vl) || memchr(at, ' ', vl) || memchr(at, '\t', vl) ||
	    memchr(at, '?', vl) ||
	    (at > val && at[-1] != ':' && !(at - 1 == val && (at[-1] == '"' || at[-1] == '\''))))
		return 0;
	if (end[-1] == ':') {
		if (end >= vend || *end == ':' || *end == '\'' || *end == '"')
			return 0;
	} else {
		while (end < vend && *end != ':' && *end != '\'' && *end != '"')
			end++;
	}
	while (at < end) {
		const char *e = memchr(at, ':', (size_t)(end - at));
		if (!e)
			e = end;
		if (!ma_sh_root_dir(at, (size_t)(e - at), prog) ||
		    memmem(at, (size_t)(e - at), "..", 2))
			return 0;
		at = e + 1;
	}
	return 1;
}

int ma_sh_env_pref(const char *s, size_t n)
{
	/* (CC and CXX, the compiler make runs, and the other tools' editors:
	 * review26) */
	static const char *const pref[] = {"EDITOR",    "VISUAL",         "PAGER",
	                                   "MANPAGER",  "GIT_EDITOR",     "GIT_SEQUENCE_EDITOR",
	                                   "GIT_PAGER", "PROMPT_COMMAND", "CC",
	                                   "CXX",       "KUBE_EDITOR",    "SUDO_EDITOR",
	                                   "SVN_EDITOR"};

	for (size_t i = 0; i < MA_SH_N(pref); i++)
		if (strlen(pref[i]) == n && !memcmp(s, pref[i], n))
			return 1;
	return 0;
}

int ma_sh_env_prog_runs(const char *w, size_t n)
{
	static const char runs[] = "sh bash dash zsh ksh ash mksh rbash fish csh tcsh pwsh "
	                           "busybox python perl ruby node nodejs php lua tclsh expect "
	                           "awk gawk nc ncat socat script eval exec";
	char b[32];
	size_t k = n;

	if (memchr(w, '/', n))
		return 1;
	while (k > 0 && ((w[k - 1] >= '0' && w[k - 1] <= '9') || w[k - 1] == '.'))
		k--; /* python3.11 */
	if (!k || k >= sizeof b)
		return 0;
	memcpy(b, w, k);
	b[k] = '\0';
	return ma_sh_in_words(runs, b, k) || ma_sh_name_kind(b, k) == MA_SH_NAME_PREFIX;
}

int ma_sh_env_opts_load(const char *v, size_t n, int start)
{
	/* node --require/--import/--loader/--inspect, java -javaagent:
	 * -agentpath: -agentlib: -XX:OnError=, perl -M -m -d -I, ruby -r
	 * -I, an -e of any */
	static const char *const loads[] = {"require", "import",  "loader",        "inspect",
	                                    "agent",   "OnError", "OnOutOfMemory", "eval"};
	static const char letters[] = "MmdrIep";

	for (size_t k = 0; k < n; k++) {
		if (v[k] == '/' || v[k] == '\\')
			return 1;
		if (v[k] == '-' && (k == 0 ? start : v[k - 1] == ' ' || v[k - 1] == '\t') &&
		    k + 1 < n && strchr(letters, v[k + 1]) && v[k + 1])
			return 1;
	}
	for (size_t i = 0; i < MA_SH_N(loads); i++)
		if (memmem(v, n, loads[i], strlen(loads[i])))
			return 1;
	return 0;
}

static int ma_sh_sorted(const char *const *tab, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (strcmp(tab[i - 1], tab[i]) >= 0)
			return 0;
	return 1;
}

int ma_sh_names_sorted(void)
{
	return ma_sh_sorted(ma_sh_programs, MA_SH_N(ma_sh_programs)) &&
	       ma_sh_sorted(ma_sh_builtins, MA_SH_N(ma_sh_builtins)) &&
	       ma_sh_sorted(ma_sh_prefixes, MA_SH_N(ma_sh_prefixes)) &&
	       ma_sh_sorted(ma_sh_openers, MA_SH_N(ma_sh_openers)) &&
	       ma_sh_sorted(ma_sh_reserved, MA_SH_N(ma_sh_reserved)) &&
	       ma_sh_sorted(ma_sh_lookups, MA_SH_N(ma_sh_lookups)) &&
	       ma_sh_sorted(ma_sh_go_cmds, MA_SH_N(ma_sh_go_cmds)) &&
	       ma_sh_sorted(ma_sh_env_code_names, MA_SH_N(ma_sh_env_code_names));
}

/* The five lists ma_sh_name_kind answers from, in the order a name's
 * kind is taken (the first list that holds it). */
static const struct {
	const char *const *tab;
	size_t n;
	int kind;
} ma_sh_kind_lists[5] = {
    {ma_sh_prefixes, MA_SH_N(ma_sh_prefixes), MA_SH_NAME_PREFIX},
    {ma_sh_openers, MA_SH_N(ma_sh_openers), MA_SH_NAME_OPENS},
    {ma_sh_reserved, MA_SH_N(ma_sh_reserved), MA_SH_NAME_RESERVED},
    {ma_sh_builtins, MA_SH_N(ma_sh_builtins), MA_SH_NAME_RUNS},
    {ma_sh_programs, MA_SH_N(ma_sh_programs), MA_SH_NAME_RUNS},
};

/* The kind the lists give s (n bytes): the first list's that holds it. */
static int ma_sh_list_kind(const char *s, size_t n)
{
	for (int k = 0; k < 5; k++)
		if (ma_sh_in(ma_sh_kind_lists[k].tab, ma_sh_kind_lists[k].n, s, n))
			return ma_sh_kind_lists[k].kind;
	return MA_SH_NAME_OTHER;
}

int ma_sh_names_known(void)
{
	/* an entry answers the kind of the first list that holds it */
	for (int k = 0; k < 5; k++)
		for (size_t i = 0; i < ma_sh_kind_lists[k].n; i++) {
			const char *e = ma_sh_kind_lists[k].tab[i];
			if (ma_sh_name_kind(e, strlen(e)) != ma_sh_list_kind(e, strlen(e)))
				return 0;
		}
	return 1;
}

int ma_sh_names_exact(void)
{
	uint64_t len[256] = {0};
	size_t names = 0, slots = 0;

	/* the names of the lists, each once, and their first bytes' lengths */
	for (int k = 0; k < 5; k++)
		for (size_t i = 0; i < ma_sh_kind_lists[k].n; i++) {
			const char *e = ma_sh_kind_lists[k].tab[i];
			size_t l = strlen(e);
			int before = 0;
			for (int j = 0; j < k && !before; j++)
				before =
				    ma_sh_in(ma_sh_kind_lists[j].tab, ma_sh_kind_lists[j].n, e, l);
			names += !before;
			len[(unsigned char)e[0]] |= (uint64_t)1 << (l < 63 ? l : 63);
		}
	if (memcmp(len, ma_sh_names_len, sizeof len) != 0)
		return 0;
	/* every slot a listed name with its kind, found from its hash */
	for (size_t h = 0; h < MA_SH_NAMES_SLOTS; h++) {
		const struct ma_sh_names_slot *e = &ma_sh_names_slot[h];
		const char *name = ma_sh_names_pool + e->off;
		if (e->len == 0)
			continue;
		slots++;
		if (e->off + e->len > sizeof ma_sh_names_pool - 1 ||
		    ma_sh_list_kind(name, e->len) == MA_SH_NAME_OTHER ||
		    e->kind != ma_sh_list_kind(name, e->len) ||
		    ma_sh_name_kind(name, e->len) != e->kind)
			return 0;
	}
	return slots == names && names == MA_SH_NAMES_COUNT;
}
