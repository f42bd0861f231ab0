/*
 * ma_shell_wrap.c — the programs that run another program named in their
 * own argv (sandboxes, privilege and namespace tools, resource limits,
 * tracers, session and proxy wrappers: firejail, bwrap, setpriv,
 * prlimit, ip netns exec, gdb --args ...) beside those ma_sh_name_kind
 * already knows as prefixes (sudo, env, timeout, nice ...), and how each
 * takes its command: the options that take a value (one element or
 * more), the words that must come first (ip's "netns exec", perf's
 * "stat"), the operands before the command (setuidgid USER, faketime
 * TIME, setarch ARCH), and the options without which, or with which, it
 * runs none (runuser without -u is su's form: its -c line is read by the
 * argv check itself; screen -r, -X, flock -c). Read from each program's
 * manual (Debian 12: util-linux 2.38, firejail 0.9.72, bubblewrap
 * 0.8.0, systemd 252, iproute2 6.1, daemontools 0.76, runit 2.1.2,
 * valgrind 3.19, ltrace 0.7.3, perf 6.1, gdb 13.1, xvfb-run, dbus 1.14,
 * screen 4.9, torsocks 2.4, proxychains4 4.16, libfaketime 0.9.10,
 * fakeroot 1.31, proot 5.1, cgroup-tools 2.0, numactl 2.0.16,
 * daemonize 1.7.8, openssh 9.2).
 *
 * Why: behind any wrapper the argv check did not know, the program's own
 * options and a shell's `sh -c LINE` were only the wrapper's arguments
 * (review24j: 36 of 50 wrappers hid `sh -c LINE`). ma_sh_argv_program
 * (ma_shell_argv.c) follows these to the program they run, as it follows
 * sudo and env.
 *
 * A constant table, sorted by name; the function is pure. Any thread.
 */
#include "ma_shell.h"

#include <stddef.h>
#include <string.h>

/* One way a wrapper takes its command. A wrapper with several (perf
 * stat / record / trace, ip netns exec / vrf exec) has one entry each,
 * next to each other. */
struct ma_sh_wrapper {
	const char *name;
	const char *lead;    /* words that come first ("netns exec"), or "" */
	int operands;        /* operands before the command; -N: N that are there only when
	                        they come first, before any option (setarch [ARCH]) */
	int stop;            /* after lead, the command follows at once (gdb --args) */
	const char *values;  /* short letters whose value is the next element */
	const char *vlongs;  /* long options whose value is the next element */
	const char *vlongs2; /* long options that take the next two (bwrap --bind SRC DEST) */
	const char *need;    /* "": always; else one of these options makes it run one */
	const char *never;   /* options with which it runs none (screen -X, flock -c) */
	int dash1;           /* long options with one dash (gdb -ex, ip -netns) */
	const char *cmdopt;  /* "": the first operand; else the command follows one of these
	                        (nix develop -c CMD) */
	const char *given;   /* options that give the operands (distrobox enter --name BOX,
	                        ip -all netns exec: every namespace, no NAME) */
};

/* nix's global options with values (nix(1), "Common evaluation options",
 * "Options that change the interpretation of installables", and any
 * nix.conf setting as --NAME VALUE / --extra-NAME VALUE: those without
 * a list here are read by ma_sh_wrap_entry before the subcommand). */
#define MA_SH_NIX_VLONGS                                                                           \
	"--extra-experimental-features --experimental-features --store --eval-store "              \
	"--include --log-format --max-jobs --cores --builders --substituters "                     \
	"--extra-substituters --trusted-public-keys --extra-trusted-public-keys "                  \
	"--access-tokens --reference-lock-file --output-lock-file --inputs-from --expr --file"
#define MA_SH_NIX_VLONGS2                                                                          \
	"--option --arg --argstr --arg-from-file --override-input --override-flake"

/* clang-format off */
static const struct ma_sh_wrapper ma_sh_wrappers[] = {
    {"aws-vault", "exec", 1, 0, "d", "--duration --region --mfa-token --server --ec2-server", "", "", "", 0, "", ""},
    {"bundle", "exec", 0, 0, "", "--gemfile", "", "", "", 0, "", ""},
    {"bunx", "", 0, 0, "p", "--package", "", "", "", 0, "", ""},
    {"bwrap", "", 0, 0, "",
     "--args --userns --userns2 --pidns --chdir --unsetenv --lock-file --sync-fd --block-fd "
     "--userns-block-fd --info-fd --json-status-fd --seccomp --add-seccomp-fd --exec-label "
     "--file-label --proc --dev --tmpfs --mqueue --dir --remount-ro --uid --gid --hostname "
     "--cap-add --cap-drop --perms --size --argv0 --tmp-overlay --ro-overlay --overlay-src",
     "--bind --bind-try --dev-bind --dev-bind-try --ro-bind --ro-bind-try --bind-fd "
     "--ro-bind-fd --file --bind-data --ro-bind-data --symlink --setenv --chmod",
     "", "", 0, "", ""},
    {"caffeinate", "", 0, 0, "tw", "", "", "", "", 0, "", ""},
    {"catchsegv", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"cgexec", "", 0, 0, "g", "", "", "", "", 0, "", ""},
    {"chpst", "", 0, 0, "uUbe/nlLmdopfc", "", "", "", "", 0, "", ""},
    {"chronic", "", 0, 0, "", "", "", "", "", 0, "", ""},
    /* shell41: cmake -E env [--unset=V] [V=x]... CMD (its NAME=value:
     * ma_sh_argv_program), -E chdir DIR CMD, -E time CMD (cmake 3.25) */
    {"cmake", "-E chdir", 1, 0, "", "", "", "", "", 0, "", ""},
    {"cmake", "-E env", 0, 0, "", "--modify", "", "", "", 0, "", ""},
    {"cmake", "-E time", 0, 0, "", "", "", "", "", 0, "", ""},
    {"conda", "run", 0, 0, "npc", "--name --prefix --cwd", "", "", "", 0, "", ""},
    {"daemonize", "", 0, 0, "ceEoplu", "", "", "", "", 0, "", ""},
    {"dbus-launch", "", 0, 0, "", "--autolaunch --config-file", "", "", "", 0, "", ""},
    {"dbus-run-session", "", 0, 0, "", "--config-file --dbus-daemon", "", "", "", 0, "", ""},
    {"direnv", "exec", 1, 0, "", "", "", "", "", 0, "", ""},
    {"distrobox", "enter", 1, 0, "n", "--name --additional-flags", "", "", "", 0, "", "n --name"},
    {"doppler", "run", 0, 0, "pc", "--project --config --token --command --fallback", "", "", "", 0, "", ""},
    {"eatmydata", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"envdir", "", 1, 0, "", "", "", "", "", 0, "", ""},
    {"envuidgid", "", 1, 0, "", "", "", "", "", 0, "", ""},
    {"fakechroot", "", 0, 0, "lcdse", "--lib --config-dir --use-system-libs --environment", "",
     "", "", 0, "", ""},
    {"fakeroot", "", 0, 0, "lisb", "--lib --faked --fd-base", "", "", "", 0, "", ""},
    {"faketime", "", 1, 0, "", "--date-prog", "", "", "", 0, "", ""},
    {"firejail", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"flatpak-spawn", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"flock", "", 1, 0, "wE", "--timeout --conflict-exit-code", "", "", "c --command", 0, "", ""},
    {"gdb", "--args", 0, 1, "", "-p -pid -cd -directory -d -symbols -s -exec -e -se -core -c -tty "
     "-data-directory -D -l -b -ex -eval-command -iex -init-eval-command -x -command -ix "
     "-init-command", "", "", "", 1, "", ""},
    /* shell41: git bisect run CMD ARGS (git's -C DIR, -c NAME=VALUE before) */
    {"git", "bisect run", 0, 0, "Cc", "--git-dir --work-tree --namespace", "", "", "", 0, "", ""},
    {"ifne", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"ip", "netns exec", 1, 0, "nbfr", "-netns -batch -family -rcvbuf", "", "", "", 1, "",
     "-a -al -all"},
    {"ip", "vrf exec", 1, 0, "nbfr", "-netns -batch -family -rcvbuf", "", "", "", 1, "", ""},
    {"lckdo", "", 1, 0, "", "", "", "", "", 0, "", ""},
    {"linux32", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"linux64", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"ltrace", "", 0, 0, "aAeFlnopsuxwD",
     "--align --indent --library --output --config", "", "", "", 0, "", ""},
    {"machinectl", "shell", 1, 0, "HMpE", "--host --machine --property --setenv --uid", "", "", "", 0, "", ""},
    {"nix", "develop", 0, 0, "If", MA_SH_NIX_VLONGS " --profile --phase",
     MA_SH_NIX_VLONGS2 " --redirect", "", "", 0, "-c --command", ""},
    {"nix", "shell", 0, 0, "If", MA_SH_NIX_VLONGS " --profile", MA_SH_NIX_VLONGS2, "", "", 0,
     "-c --command", ""},
    {"nocache", "", 0, 0, "n", "", "", "", "", 0, "", ""},
    {"npm", "exec", 0, 0, "pw", "--package --workspace --prefix --userconfig", "", "", "c --call", 0, "", ""},
    {"npm", "x", 0, 0, "pw", "--package --workspace --prefix --userconfig", "", "", "c --call", 0, "", ""},
    {"npx", "", 0, 0, "pw", "--package --workspace --prefix --userconfig", "", "", "c --call", 0, "", ""},
    {"nsenter", "", 0, 0, "tSG", "--target --setuid --setgid", "", "", "", 0, "", ""},
    {"numactl", "", 0, 0, "CfiILmMNopPSw",
     "--physcpubind --file --interleave --length --membind --shmmode --cpunodebind --offset "
     "--preferred --preferred-many --shm --shmid --weighted-interleave", "", "", "", 0, "", ""},
    {"op", "run", 0, 0, "", "--env-file --account --config", "", "", "", 0, "", ""},
    {"perf", "record", 0, 0, "eoptcFCmGuD",
     "--event --output --pid --tid --count --freq --cpu --mmap-pages --cgroup --uid --delay "
     "--filter --call-graph", "", "", "", 0, "", ""},
    {"perf", "stat", 0, 0, "eptrCGoxIMD",
     "--event --pid --tid --repeat --cpu --cgroup --output --field-separator --interval-print "
     "--metrics --delay --log-fd --pre --post", "", "", "", 0, "", ""},
    {"perf", "trace", 0, 0, "eoptCumF",
     "--event --output --pid --tid --cpu --uid --mmap-pages --pf --duration --filter-pids", "",
     "", "", 0, "", ""},
    {"pipenv", "run", 0, 0, "", "--python", "", "", "", 0, "", ""},
    {"pkexec", "", 0, 0, "", "--user", "", "", "", 0, "", ""},
    {"pnpm", "dlx", 0, 0, "C", "--dir --package --filter", "", "", "c --shell-mode", 0, "", ""},
    {"pnpm", "exec", 0, 0, "C", "--dir --filter", "", "", "c --shell-mode", 0, "", ""},
    {"pnpx", "", 0, 0, "", "--package", "", "", "c --shell-mode", 0, "", ""},
    {"poetry", "run", 0, 0, "C", "--directory --project", "", "", "", 0, "", ""},
    {"prlimit", "", 0, 0, "op", "--output --pid", "", "", "", 0, "", ""},
    {"proot", "", 0, 0, "rbmwkqi",
     "--rootfs --bind --mount --pwd --cwd --kernel-release --qemu --change-id", "", "", "", 0, "", ""},
    {"proxychains", "", 0, 0, "f", "", "", "", "", 0, "", ""},
    {"proxychains4", "", 0, 0, "f", "", "", "", "", 0, "", ""},
    {"runuser", "", 0, 0, "gGuw", "--group --supp-group --user --whitelist-environment", "",
     "u --user", "c --command --session-command", 0, "", ""},
    {"sandbox-exec", "", 0, 0, "fpD", "", "", "", "", 0, "", ""},
    {"screen", "", 0, 0, "cehpsStT", "", "", "", "X Q r R x -ls -list -wipe", 0, "", ""},
    /* shell41: screen -S S -X screen CMD / -X exec CMD: a window of the
     * session runs CMD (screen 4.9; -X stuff: ma_sh_runner_elems) */
    {"screen", "screen", 0, 0, "cehpsStTx", "", "", "X", "Q r R -ls -list -wipe", 0, "", ""},
    {"screen", "exec", 0, 0, "cehpsStTx", "", "", "X", "Q r R -ls -list -wipe", 0, "", ""},
    {"setarch", "", -1, 0, "", "", "", "", "", 0, "", ""},
    {"setlock", "", 1, 0, "", "", "", "", "", 0, "", ""},
    {"setpriv", "", 0, 0, "",
     "--reuid --regid --ruid --rgid --euid --egid --groups --inh-caps --ambient-caps "
     "--bounding-set --securebits --pdeathsig --selinux-label --apparmor-profile "
     "--landlock-access --landlock-rule", "", "", "", 0, "", ""},
    {"setuidgid", "", 1, 0, "", "", "", "", "", 0, "", ""},
    {"softlimit", "", 0, 0, "adfclmoprst", "", "", "", "", 0, "", ""},
    {"ssh-agent", "", 0, 0, "aEtPO", "", "", "", "k", 0, "", ""},
    {"systemd-nspawn", "", 0, 0, "DiMuEpSZLx",
     "--directory --template --image --machine --user --setenv --chdir --slice --property "
     "--uuid --bind --bind-ro --tmpfs --overlay --overlay-ro --network-interface "
     "--network-macvlan --network-ipvlan --network-veth-extra --network-bridge --network-zone "
     "--port --capability --drop-capability --kill-signal --link-journal --resolv-conf "
     "--timezone --personality --settings --hostname --root-hash --inaccessible --rlimit "
     "--oom-score-adj --cpu-affinity --system-call-filter --load-credential --set-credential "
     "--bind-user --private-users --register --keep-unit --console", "", "", "", 0, "", ""},
    {"systemd-run", "", 0, 0, "pEuHM",
     "--property --setenv --unit --host --machine --description --slice --uid --gid --nice "
     "--working-directory --on-active --on-boot --on-startup --on-unit-active "
     "--on-unit-inactive --on-calendar --timer-property --path-property --socket-property "
     "--service-type", "", "", "", 0, "", ""},
    {"toolbox", "run", 0, 0, "cdr", "--container --distro --release", "", "", "", 0, "", ""},
    {"torify", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"torsocks", "", 0, 0, "uPa", "--user --pass --address --port", "", "", "", 0, "", ""},
    {"tsocks", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"unbuffer", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"unshare", "", 0, 0, "SGRw",
     "--setuid --setgid --root --wd --map-user --map-group --map-users --map-groups "
     "--propagation --setgroups --monotonic --boottime --load-interp", "", "", "", 0, "", ""},
    {"uv", "run", 0, 0, "p", "--python --with --with-requirements --project --directory --env-file --package --group --extra", "", "", "", 0, "", ""},
    {"valgrind", "", 0, 0, "", "", "", "", "", 0, "", ""},
    {"with-lock-ex", "", 1, 0, "", "", "", "", "", 0, "", ""},
    {"xvfb-run", "", 0, 0, "efnpsw",
     "--error-file --auth-file --server-num --xauth-protocol --server-args --wait", "", "", "",
     0, "", ""},
    {"yarn", "dlx", 0, 0, "p", "--package", "", "", "", 0, "", ""},
    {"yarn", "exec", 0, 0, "", "--cwd", "", "", "", 0, "", ""},
};
/* clang-format on */

/* 1 when option element o (a '-' and more) is one of list's (short
 * letters as single words, "-ls" style words and long names: "c
 * --command"): a short letter anywhere in a cluster of one dash. */
static int ma_sh_wrap_opt_in(const char *list, const char *o)
{
	size_t n = strcspn(o, "=");

	if (!*list)
		return 0;
	if (ma_sh_in_words(list, o, n))
		return 1;
	if (o[1] == '-')
		return 0;
	for (size_t i = 1; o[i]; i++) {
		char w[2] = {o[i], '\0'};
		if (ma_sh_in_words(list, w, 1))
			return 1;
	}
	return 0;
}

/* How many elements the option o of w takes after it (0, 1 or 2). */
static int ma_sh_wrap_opt_values(const struct ma_sh_wrapper *w, const char *o)
{
	size_t n = strcspn(o, "=");

	if (o[n] == '=')
		return 0; /* --opt=value */
	if (o[1] == '-' || w->dash1) {
		const char *nm = w->dash1 && o[1] == '-' ? o + 1 : o;
		if (ma_sh_in_words(w->vlongs2, o, n))
			return 2;
		if (ma_sh_in_words(w->vlongs, nm, strlen(nm)))
			return 1;
		if (o[1] == '-' || !w->dash1)
			return 0;
		/* gdb's and ip's letters with one dash: read below */
	}
	/* a cluster: the first letter that takes a value takes the rest
	 * (attached) or, when last, the next element */
	for (size_t i = 1; o[i]; i++)
		if (strchr(w->values, o[i]))
			return o[i + 1] ? 0 : 1;
	return 0;
}

/* 1 when o (an option element) is one of w's options that give the
 * operands (distrobox --name BOX, ip -all / --all). */
static int ma_sh_wrap_given(const struct ma_sh_wrapper *w, const char *o)
{
	if (!*w->given)
		return 0;
	if (w->dash1 && o[1] == '-')
		o++; /* ip --all: ip reads it as -all */
	return ma_sh_wrap_opt_in(w->given, o);
}

/* The index of the command entry w runs from argv[i], or 0. Before the
 * words that come first (nix develop, ip netns exec), the word after an
 * option that is not one of those words is that option's value: a
 * global option the entry does not list (nix --max-jobs 4 develop,
 * nix.conf's settings as --NAME VALUE). */
static int ma_sh_wrap_entry(const struct ma_sh_wrapper *w, const char *const *argv, int argc, int i)
{
	const char *lead = w->lead;
	int j = i + 1, ops = 0, need = !*w->need, opt = 0, after = 0;
	int nops = w->operands < 0 ? -w->operands : w->operands;

	while (j < argc && argv[j]) {
		const char *o = argv[j];
		int was = after;
		after = 0;
		if (*lead) {
			size_t l = strcspn(lead, " ");
			if (strlen(o) == l && !memcmp(o, lead, l)) {
				lead += l + (lead[l] == ' ');
				j++;
				if (!*lead && w->stop)
					return j < argc && argv[j] ? j : 0;
				continue;
			}
		}
		if (!strcmp(o, "--")) {
			j++;
			break;
		}
		if (*w->cmdopt && !*lead && ma_sh_in_words(w->cmdopt, o, strlen(o)))
			return j + 1 < argc && argv[j + 1] ? j + 1 : 0; /* nix develop -c CMD */
		if (o[0] == '-' && o[1]) {
			int nv = ma_sh_wrap_opt_values(w, o);
			if (ma_sh_wrap_opt_in(w->never, o))
				return 0;
			if (!need && ma_sh_wrap_opt_in(w->need, o))
				need = 1;
			if (ma_sh_wrap_given(w, o))
				ops = nops; /* distrobox enter --name BOX */
			opt = 1;
			after = nv == 0 && lead == w->lead && *lead;
			j += 1 + nv;
			continue;
		}
		if (was) { /* nix --max-jobs 4 develop: the option's value */
			j++;
			continue;
		}
		if (*lead)
			return 0; /* ip addr show, perf report: no command */
		if (*w->cmdopt) { /* nix develop FLAKE -c CMD: an operand of its own */
			j++;
			continue;
		}
		if (ops < nops && !(w->operands < 0 && opt)) {
			ops++;
			j++;
			continue;
		}
		break;
	}
	if (*lead || !need || *w->cmdopt)
		return 0;
	if (w->operands < 0 && opt)
		ops = nops; /* setarch -R -- CMD: no ARCH after an option */
	for (; ops < nops && j < argc && argv[j]; ops++)
		j++; /* after "--": the operands still due */
	return j < argc && argv[j] ? j : 0;
}

int ma_sh_wrap_command(const char *const *argv, int argc, int i)
{
	const char *p = argv[i], *b = strrchr(p, '/');
	size_t lo = 0, hi = sizeof ma_sh_wrappers / sizeof ma_sh_wrappers[0];

	b = b ? b + 1 : p;
	while (lo < hi) { /* the first entry not below b */
		size_t mid = (lo + hi) / 2;
		if (strcmp(ma_sh_wrappers[mid].name, b) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < sizeof ma_sh_wrappers / sizeof ma_sh_wrappers[0] &&
	       !strcmp(ma_sh_wrappers[lo].name, b);
	     lo++) {
		int c = ma_sh_wrap_entry(&ma_sh_wrappers[lo], argv, argc, i);
		if (c > 0)
			return c;
	}
	return 0;
}
