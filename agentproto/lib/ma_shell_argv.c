/*
 * ma_shell_argv.c — the command_injection check of an argv array
 * (moat_check_argv: execvp, posix_spawn). No shell runs, so an input
 * there is one argument: it fires when it becomes the program (argv[0])
 * or an option (a leading '-' before any "--") that runs a command,
 * loads code or reads or writes a file (a list for every program, and a
 * table of each program's own: ma_sh_prog_opts, with the wrappers'
 * options, how an option element is read and what its value is to the
 * program, in ma_shell_opts.c), when it makes one of
 * curl's values read a local file, and when it brings a command to a sed
 * script or an awk program (ma_shell_script.c). An option's value is
 * judged as what it is to its program (ma_sh_value_kinds): a command
 * line (rsync -e), an ssh_config line (ssh -o), git's name=value (git
 * -c), a file of code (sed -f), code (python -c: ma_sh_code_judge, and
 * the strings it hands to a shell as command lines), an Ex command (vim
 * -c) or a database client's statement (psql -c, mysql -e, sqlite3's:
 * ma_shell_sqlcli.c); a container runner's mount value (docker run -v,
 * --mount) as docker reads it (ma_shell_mount.c). env -S's string is
 * split into an argv of its own. A shell's -c script (also behind sudo,
 * env, timeout ..., the wrappers of ma_shell_wrap.c: firejail, setpriv,
 * ip netns exec ..., or in a container: docker exec, docker compose exec,
 * kubectl exec [--]; behind a program the lexicon does not know, a
 * shell's -c further in), ssh's
 * remote command, watch's command, the -c line of flock, script and su,
 * and a command line value are checked as command lines (ma_sh_check,
 * ma_shell.c); find -exec's command is checked as an argv of its own.
 *
 * Pure: the argv is only read; an event's operation is joined into a
 * stack buffer (4 KB) only when a check fires. Any thread.
 */
#include "ma_int.h"
#include "ma_shell.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

static const char *ma_sh_base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int ma_sh_argv_program(const char *const *argv, int argc);

/* What kind of shell the base name b is: 1 one that reads its -c line
 * as a POSIX shell does (sh, bash, rbash, dash, zsh, ksh, ash, mksh,
 * yash, hush, posh; fish, csh and tcsh take the same -c and ';'), 2
 * PowerShell (pwsh, powershell: -Command), 3 busybox (its sh or ash
 * applet next), 4 su and runuser (a -c line to the user's shell); 0
 * none. */
static int ma_sh_shell_kind(const char *b)
{
	static const char *const posix[] = {"sh",  "bash", "rbash", "dash", "zsh",  "ksh",
	                                    "ash", "mksh", "yash",  "hush", "posh", "fish",
	                                    "csh", "tcsh", "ksh93", "lksh", NULL};

	switch (b[0]) { /* most names: one comparison */
	case 'a':
	case 'b':
	case 'c':
	case 'd':
	case 'f':
	case 'h':
	case 'k':
	case 'l':
	case 'm':
	case 'p':
	case 'r':
	case 's':
	case 't':
	case 'y':
	case 'z':
		break;
	default:
		return 0;
	}
	for (int k = 0; posix[k]; k++)
		if (ma_sh_streq(b, posix[k]))
			return 1;
	if (ma_sh_streq(b, "pwsh") || ma_sh_streq(b, "powershell") ||
	    ma_sh_streq(b, "pwsh-preview"))
		return 2;
	if (ma_sh_streq(b, "busybox"))
		return 3;
	if (ma_sh_streq(b, "su") || ma_sh_streq(b, "runuser"))
		return 4;
	return 0;
}

/* 1 when the PowerShell parameter o (case ignored, any unique prefix
 * as pwsh reads it) is name, at least min bytes of it. */
static int ma_sh_ps_param(const char *o, const char *name, size_t min)
{
	size_t n = strlen(o);

	return o[0] == '-' && n >= min && n <= strlen(name) && !strncasecmp(o, name, n);
}

/* pwsh's (powershell's) command: the element after -Command (-c, -co,
 * -command ..., case ignored) and its parameters' values skipped
 * (about_Pwsh: -File ends them, -EncodedCommand's base64 is not read).
 * *script: its index, or -1. */
static void ma_sh_ps_command(const char *const *argv, int argc, int i, int *script)
{
	static const char *const vals[] = {
	    "-executionpolicy", "-windowstyle",   "-workingdirectory",  "-configurationname",
	    "-inputformat",     "-outputformat",  "-settingsfile",      "-version",
	    "-custompipename",  "-psconsolefile", "-configurationfile", NULL};

	for (; i < argc && argv[i]; i++) {
		const char *o = argv[i];
		if (o[0] != '-')
			return;
		if (ma_sh_ps_param(o, "-command", 2) || ma_sh_ps_param(o, "-commandwithargs", 9) ||
		    !strcasecmp(o, "-cwa")) {
			if (i + 1 < argc && argv[i + 1])
				*script = i + 1;
			return;
		}
		if (ma_sh_ps_param(o, "-file", 2) || ma_sh_ps_param(o, "-encodedcommand", 2))
			return;
		for (int k = 0; vals[k]; k++)
			if (ma_sh_ps_param(o, vals[k], 4) || (!strcasecmp(o, "-ep") && !k) ||
			    (!strcasecmp(o, "-wd") && k == 2) || (!strcasecmp(o, "-w") && k == 1)) {
				i++;
				break;
			}
	}
}

/* ma_sh_is_shell_c for the program at argv[p] (ma_sh_argv_program's
 * answer, read once by the caller: a docker line's options cost ~4k
 * instructions to read); also for a shell further in an argv a wrapper
 * the check does not know runs (ma_sh_later_shells). */
static int ma_sh_shell_c_from(const char *b, const char *const *argv, int argc, int i, int *script);

static int ma_sh_is_shell_c_at(const char *const *argv, int argc, int p, int *script)
{
	*script = -1;
	if (argc < 1 || !argv[0])
		return 0;
	return ma_sh_shell_c_from(ma_sh_base(argv[p]), argv, argc, p + 1, script);
}

/* ma_sh_is_shell_c_at for a shell of base name b whose arguments start
 * at argv[i] (a program named by an option's value: flatpak run
 * --command=sh APP ARGS, start-stop-daemon --exec /bin/sh -- ARGS). */
static int ma_sh_shell_c_from(const char *b, const char *const *argv, int argc, int i, int *script)
{
	int kind = ma_sh_shell_kind(b), p = i - 1;

	*script = -1;
	if (!kind)
		return 0;
	if (kind == 2) {
		ma_sh_ps_command(argv, argc, i, script);
		return 1;
	}
	if (kind == 3) {
		if (argc < p + 2 || !argv[p + 1] ||
		    (strcmp(argv[p + 1], "sh") && strcmp(argv[p + 1], "ash")))
			return 0;
		i = p + 2;
	}
	/* options up to the one that holds 'c' (-c, -ec, -lc ...); the script
	 * is the first argument after the options. The options that take
	 * the next element are skipped with it: -o/+o NAME, bash's -O/+O
	 * NAME (shopt), --rcfile/--init-file FILE (bash, yash), zsh's
	 * --emulate NAME (review24o: bash -O extglob -c LINE went
	 * unjudged); fish's -C/--init-command and --command take a line as
	 * -c does */
	for (int c = 0; i < argc && argv[i]; i++) {
		const char *o = argv[i];
		if (o[0] != '-' && o[0] != '+') {
			if (c)
				*script = i;
			return 1;
		}
		if (!strcmp(o, "--")) {
			if (c && i + 1 < argc && argv[i + 1])
				*script = i + 1;
			return 1;
		}
		if (o[1] != '-' && strchr(o + 1, 'c'))
			c = 1;
		if (!strcmp(o, "--command") || !strcmp(o, "--init-command") ||
		    (!strcmp(o, "-C") && ma_sh_streq(b, "fish")))
			c = 1;
		/* -o option-name, -O shopt-name, also last in a cluster
		 * (review25: bash -eo pipefail -c, -euxo, -eO extglob),
		 * --rcfile FILE */
		if (o[1] != '-') /* each o/O of the cluster takes one: -eoc pipefail LINE */
			for (const char *q = o + 1; *q; q++)
				i += *q == 'o' || *q == 'O';
		if (!strcmp(o, "--rcfile") || !strcmp(o, "--init-file") || !strcmp(o, "--emulate"))
			i++;
	}
	return 1;
}

int ma_sh_is_shell_c(const char *const *argv, int argc, int *script)
{
	*script = -1;
	if (argc < 1 || !argv[0])
		return 0;
	return ma_sh_is_shell_c_at(argv, argc, ma_sh_argv_program(argv, argc), script);
}

/* The programs that run a command inside a container or another root
 * after an operand of their own (their --help): docker/podman/nerdctl
 * exec CONTAINER and run IMAGE (also "container exec", "compose exec
 * SERVICE", "compose run SERVICE", docker-compose's), chroot DIR, with
 * the options of the program and of the subcommand that take a value;
 * kubectl, lxc and incus exec/run/debug take the command after "--" or,
 * without it, as the first operand after the pod (kubectl exec POD CMD,
 * the form kubectl took before 1.2x with a warning; kubectl run NAME
 * --image=I CMD, the container's arguments; lxc exec C CMD).
 * subs: the subcommands that run one ("" for none: chroot); docker's
 * "container" and "compose" name the subcommand that follows. */
static const struct ma_sh_runner {
	struct ma_sh_prog_opts opts;
	const char *subs;
	int dashdash; /* the command may follow "--", the options go on after the operand */
} ma_sh_runners[] = {
    {{"docker", "", "Hacefhlmpuvw", "", "",
      "--config --context --host --log-level --tlscacert --tlscert --tlskey --detach-keys "
      "--env --env-file --user --workdir --add-host --annotation --attach --blkio-weight "
      "--blkio-weight-device --cap-add --cap-drop --cgroup-parent --cgroupns --cidfile "
      "--cpu-count --cpu-percent --cpu-period --cpu-quota --cpu-rt-period --cpu-rt-runtime "
      "--cpu-shares --cpus --cpuset-cpus --cpuset-mems --device --device-cgroup-rule "
      "--device-read-bps --device-read-iops --device-write-bps --device-write-iops --dns "
      "--dns-option --dns-search --domainname --entrypoint --expose --gpus --group-add "
      "--health-cmd --health-interval --health-retries --health-start-interval "
      "--health-start-period --health-timeout --hostname --io-maxbandwidth --io-maxiops --ip "
      "--ip6 --ipc --isolation --kernel-memory --label --label-file --link --link-local-ip "
      "--log-driver --log-opt --mac-address --memory --memory-reservation --memory-swap "
      "--memory-swappiness --mount --name --network --network-alias --oom-score-adj --pid "
      "--pids-limit --platform --publish --pull --restart --runtime --security-opt --shm-size "
      "--stop-signal --stop-timeout --storage-opt --sysctl --tmpfs --ulimit --userns --uts "
      "--volume --volume-driver --volumes-from --mount-add --file --project-name --profile "
      "--project-directory --ansi --progress --parallel --index --env-from-file",
      0, NULL},
     "exec run create container compose",
     0},
    {{"kubectl", "", "cflnopsv", "", "",
      "--as --as-group --as-uid --cache-dir --certificate-authority --client-certificate "
      "--client-key --cluster --context --kubeconfig --log-file --log-file-max-size "
      "--log-flush-frequency --namespace --password --profile --profile-output "
      "--request-timeout --server --tls-server-name --token --user --username --vmodule "
      "--container --filename --pod-running-timeout --pod --image --image-pull-policy "
      "--labels --env --port --overrides --override-type --restart --serviceaccount "
      "--timeout --field-manager --output --template --annotations --target --copy-to "
      "--set-image --custom",
      0, NULL},
     "exec run debug",
     1},
    {{"lxc", "", "", "", "", "--cwd --env --group --user --mode --project", 0, NULL}, "exec", 1},
    {{"incus", "", "", "", "", "--cwd --env --group --user --mode --project", 0, NULL}, "exec", 1},
    {{"chroot", "", "", "", "", "--groups --userspec", 0, NULL}, "", 0},
};

/* 1 when b (a base name) runs images: docker, podman, nerdctl,
 * docker-compose (docker's options). */
static int ma_sh_runs_image(const char *b)
{
	switch (b[0]) { /* most names: one comparison */
	case 'd':
		return ma_sh_streq(b, "docker") || ma_sh_streq(b, "docker-compose");
	case 'p':
		return ma_sh_streq(b, "podman");
	case 'n':
		return ma_sh_streq(b, "nerdctl");
	default:
		return 0;
	}
}

/* For a program of ma_sh_runners at argv[i], the index of the command it
 * runs, or 0 when it runs none (another subcommand, no operand). A
 * kubectl (lxc, incus) line whose first word is not its subcommand (an
 * option with a value the table lacks) is read only for "--". *entry:
 * docker's (podman's ...) --entrypoint PROG, or NULL: PROG is the
 * program the container runs, the elements from the index returned its
 * arguments (shell40, review26d). *img: the operand's index (the image,
 * the container), 0 when none: an entrypoint runs with no element after
 * the image too (review27b-shell40). */
static int ma_sh_runner_parse(const char *const *argv, int argc, int i, const char **entry,
                              int *img)
{
	const char *b = ma_sh_base(argv[i]);
	const struct ma_sh_runner *ru = NULL;
	int sub, operand = 0, strict = 1;

	*entry = NULL;
	*img = 0;
	for (size_t k = 0; k < sizeof ma_sh_runners / sizeof ma_sh_runners[0]; k++)
		if (ma_sh_streq(b, ma_sh_runners[k].opts.prog))
			ru = &ma_sh_runners[k];
	if (!ru && ma_sh_runs_image(b))
		ru = &ma_sh_runners[0]; /* podman's, nerdctl's, docker-compose's: docker's */
	if (!ru)
		return 0;
	sub = !*ru->subs; /* chroot: no subcommand */
	for (i++; i < argc && argv[i]; i++) {
		const char *o = argv[i], *nm;
		size_t nl, at;
		if (!strcmp(o, "--")) {
			if (ru->dashdash)
				return sub && i + 1 < argc && argv[i + 1] ? i + 1 : 0;
			*img = sub && i + 1 < argc && argv[i + 1] ? i + 1 : 0;
			return *img && i + 2 < argc && argv[i + 2] ? i + 2 : 0;
		}
		if (o[0] == '-' && o[1]) {
			int rd = ma_sh_opt_read(&ru->opts, o, &nm, &nl, &at);
			if (nl == 12 && !ru->dashdash && !strncmp(nm, "--entrypoint", 12))
				*entry = at ? o + at : (rd & MA_SH_OPT_NEXT) ? argv[i + 1] : NULL;
			if (rd & MA_SH_OPT_NEXT)
				i++; /* its value */
			if (ru->dashdash &&
			    ((nl == 1 && *nm == 'p') || (nl == 5 && !strncmp(nm, "--pod", 5))))
				operand = 1; /* kubectl exec -p POD -c C CMD (kubectl 1.0) */
			continue;
		}
		if (ru->dashdash) { /* kubectl -n ns exec pod -c x -- ... */
			if (!sub) {
				sub = ma_sh_in_words(ru->subs, o, strlen(o));
				strict &= sub;
			} else if (!operand)
				operand = 1; /* the pod (the container, the new pod's name) */
			else if (strict)
				return i; /* kubectl exec POD CMD ... */
			continue;
		}
		if (!sub) {
			if (!ma_sh_in_words(ru->subs, o, strlen(o)))
				return 0;
			/* docker container exec, docker compose run */
			sub = strcmp(o, "container") != 0 && strcmp(o, "compose") != 0;
			continue;
		}
		*img = i;
		return i + 1 < argc && argv[i + 1] ? i + 1 : 0; /* after the operand */
	}
	return 0;
}

/* ma_sh_runner_parse's command, 0 when an --entrypoint PROG runs the
 * elements from there (the runner is then the program: its arguments
 * data to it, PROG's judged by ma_sh_entry_check). */
static int ma_sh_runner_command(const char *const *argv, int argc, int i)
{
	const char *entry;
	int img, c = ma_sh_runner_parse(argv, argc, i, &entry, &img);

	return c > 0 && entry && *entry ? 0 : c;
}

/* 1 when argv[ai], before the program, is an option of docker's (podman's,
 * nerdctl's) at an element before it that gives the container the host
 * (docker run --help): --privileged, a host path or device mounted
 * (-v, --volume, --mount, --device, --volumes-from), the host's
 * namespaces or capabilities (--pid, --network, --net, --ipc, --uts,
 * --userns, --cgroupns, --cap-add, --security-opt, --device-cgroup-rule,
 * --cgroup-parent), another program to run (--entrypoint), a host file
 * read (--env-file, --label-file), another daemon or client
 * configuration (-H, --host, --config). */
static int ma_sh_runner_danger(const char *const *argv, int ai)
{
	static const char longs[] =
	    "--privileged --volume --mount --device --volumes-from --pid --network --net --ipc "
	    "--uts --userns --cgroupns --cap-add --security-opt --device-cgroup-rule "
	    "--cgroup-parent --entrypoint --env-file --label-file --host --config";
	const char *o = argv[ai], *nm;
	size_t nl, at;
	int runner = 0;

	for (int k = 0; k < ai && !runner; k++) {
		const char *b = ma_sh_base(argv[k]);
		runner = ma_sh_runs_image(b);
	}
	if (!runner || o[0] != '-' || !o[1])
		return 0;
	if (o[1] == '-')
		return ma_sh_in_words(longs, o, strcspn(o, "="));
	(void)ma_sh_opt_read(&ma_sh_runners[0].opts, o, &nm, &nl, &at);
	return nl == 1 && (*nm == 'v' || *nm == 'H');
}

/* 1 when a is NAME=value (NAME a shell variable's name). */
static int ma_sh_assign_word(const char *a)
{
	size_t k = 0;

	while ((a[k] >= 'A' && a[k] <= 'Z') || (a[k] >= 'a' && a[k] <= 'z') || a[k] == '_' ||
	       (k && a[k] >= '0' && a[k] <= '9'))
		k++;
	return k && a[k] == '=';
}

/* The program an argv runs: argv[0], or after the programs that run the
 * command named next (env, sudo, nice, timeout, nohup, xargs ...:
 * ma_sh_name_kind's MA_SH_NAME_PREFIX) with their options (and the value
 * of those that take one: ma_sh_wrap_opts), numbers (timeout 5) and
 * NAME=value (env), in a container or another root (docker exec c,
 * kubectl exec pod --, chroot /srv: ma_sh_runners), or behind a wrapper
 * of ma_shell_wrap.c (firejail, setpriv, prlimit, ip netns exec NS,
 * gdb --args ...). */
static int ma_sh_argv_program(const char *const *argv, int argc)
{
	static const struct ma_sh_prog_opts none = {"", "", "", "", "", "", 0, NULL};
	int i = 0, wrapper;

	while (i + 1 < argc && argv[i + 1]) {
		const char *b = ma_sh_base(argv[i]);
		const struct ma_sh_prog_opts *w = &none;
		int rc = ma_sh_runner_command(argv, argc, i);
		if (rc > 0) {
			i = rc;
			continue;
		}
		if (ma_sh_name_kind(b, strlen(b)) != MA_SH_NAME_PREFIX) {
			/* firejail, setpriv, prlimit, ip netns exec NS ...
			 * (ma_shell_wrap.c) */
			rc = ma_sh_wrap_command(argv, argc, i);
			if (rc > 0) {
				/* NAME=value before the command, as env(1) takes
				 * them (cmake -E env VAR=1 CMD: no program is
				 * named so) */
				while (rc + 1 < argc && argv[rc + 1] && ma_sh_assign_word(argv[rc]))
					rc++;
				i = rc;
				continue;
			}
			break;
		}
		w = ma_sh_wrap_find(b);
		if (!w)
			w = &none;
		wrapper = i;
		for (i++; i + 1 < argc && argv[i + 1]; i++) {
			const char *o = argv[i], *nm;
			size_t nl, at;
			if (!strcmp(o, "--")) {
				i++;
				break;
			}
			if (o[0] == '-' && o[1]) {
				if (ma_sh_opt_read(w, o, &nm, &nl, &at) & MA_SH_OPT_NEXT)
					i++; /* its value */
			} else if (!(o[0] >= '0' && o[0] <= '9') && !strchr(o, '='))
				break;
		}
		/* the last element was an option's value (sudo -u root, env -S
		 * "..."): no command follows, the wrapper is the program */
		if (i >= argc || !argv[i])
			return wrapper;
	}
	return i;
}

/* curl's options whose value names a local file to send (curl's manual):
 * -d/--data/--data-ascii/--data-binary/--json and -H/--header/
 * --proxy-header when it starts with '@'; --data-urlencode and
 * --url-query when an '@' comes before any '='; -F/--form when '@' or
 * '<' follows the first '='. name (n bytes) is the option as
 * ma_sh_opt_read gives it (a letter, or a long name). Returns the offset
 * of that '@' or '<' in val plus 1, or 0. Declared in ma_shell.h: the line
 * check reads a value in a command line with it too (shell37). */
size_t ma_sh_curl_file(const char *name, size_t n, const char *val)
{
	static const char at0[] =
	    "--data --data-ascii --data-binary --json --header --proxy-header";
	size_t k;

	if ((n == 1 && (*name == 'd' || *name == 'H')) || ma_sh_in_words(at0, name, n))
		return val[0] == '@' ? 1 : 0;
	if (ma_sh_in_words("--data-urlencode --url-query", name, n)) {
		k = strcspn(val, "=@");
		return val[k] == '@' ? k + 1 : 0;
	}
	if ((n == 1 && *name == 'F') || ma_sh_in_words("--form", name, n)) {
		k = strcspn(val, "=");
		return val[k] == '=' && (val[k + 1] == '@' || val[k + 1] == '<') ? k + 2 : 0;
	}
	return 0;
}

/* 1 when form v (vl bytes) of an input is in val where it starts it or
 * where it starts at val[m - 1] (what the file marker is in). */
static int ma_sh_at_marker(const char *val, size_t m, const char *v, size_t vl)
{
	size_t n = strlen(val);

	return (vl <= n && !memcmp(val, v, vl) && vl >= m) ||
	       (m >= 1 && vl <= n - (m - 1) && !memcmp(val + m - 1, v, vl));
}

static int ma_sh_negative_number(const char *o)
{
	size_t i = 1;

	if (!o[i])
		return 0;
	for (; o[i]; i++)
		if (!((o[i] >= '0' && o[i] <= '9') || o[i] == '.' || o[i] == ','))
			return 0;
	return 1;
}

/* The argv joined with spaces into buf (cut at cap), for the event. */
static size_t ma_sh_join(const char *const *argv, int argc, char *buf, size_t cap)
{
	size_t o = 0;

	for (int i = 0; i < argc && argv[i]; i++) {
		size_t n = strlen(argv[i]);
		if (i && o < cap)
			buf[o++] = ' ';
		if (n > cap - o)
			n = cap - o;
		memcpy(buf + o, argv[i], n);
		o += n;
	}
	return o;
}

/* Reports input in (its form k) with rule for argv. */
static int ma_sh_argv_fire(struct moat_request *r, const char *const *argv, int argc,
                           const struct ma_input *in, int k, const char *rule, const char *file,
                           int line, const char *function)
{
	char buf[4096];
	struct ma_finding fd = {
	    .interceptor = "command_injection",
	    .rule = rule,
	    .severity = "high",
	    /* bound64's fail-closed rule as the line check's */
	    .confidence =
	        strcmp(rule, "cmd.too_many_places") && strcmp(rule, "cmd.too_long") ? 0.9 : 0.8,
	    .input = in,
	    .form = k,
	    .operation = buf,
	    .operation_len = ma_sh_join(argv, argc, buf, sizeof buf),
	    .extra_key = "form",
	    .extra_value = "argv",
	    .file = file,
	    .line = line,
	    .function = function,
	};
	return ma_request_fire(r, &fd);
}

/* 1 when form v (vl bytes) of an input lies at a place of the elements
 * part[0..np) joined with blanks that ends past byte cap of the join
 * (what ma_sh_join cuts at cap; cap 0: anywhere), other than a word of
 * letters, digits and '_' inside (not at the start of) an element the
 * line check finds inert (a file name). A form without a blank is
 * searched in each element; one with a blank may span elements and is
 * compared across them (argv65). */
static int ma_sh_join_past(const char *const *part, int np, size_t cap, const char *v, size_t vl)
{
	size_t base = 0;
	int blank = memchr(v, ' ', vl) != NULL,
	    word = ma_sh_past(NULL, v, vl, 0, 0) == MA_PAST_JUDGE;

	for (int i = 0; i < np && part[i]; i++) {
		const char *e = part[i];
		size_t n = strlen(e), lo = cap + 1 > base + vl ? cap + 1 - base - vl : 0;
		int inert = -1;
		for (size_t a = lo; !blank && a <= n && vl <= n - a;) {
			const char *h = memmem(e + a, n - a, v, vl);
			if (!h)
				break;
			/* a word inside an element inert in a command line (a
			 * file name) is no command, nor brings one */
			if (inert < 0)
				inert = ma_sh_past(NULL, e, n, 0, 0) != MA_PAST_CLOSED;
			if (!word || h == e || !inert)
				return 1;
			a = (size_t)(h - e) + 1;
		}
		for (size_t a = lo; blank && a <= n; a++) {
			const char *c = e + a;
			int j = i;
			size_t k = 0;
			for (; k < vl; k++) {
				if (!*c) { /* the blank the join puts between two elements */
					if (v[k] != ' ' || ++j >= np || !part[j])
						break;
					c = part[j];
				} else if (*c++ != v[k]) {
					break;
				}
			}
			if (k == vl)
				return 1;
		}
		base += n + 1;
	}
	return 0;
}

/* The fail-closed answer past a bound of the argv check that cuts what it
 * judges (argv65: a line joined into 4 KB, env -S's 64 words and 4 KB):
 * an input form of two bytes or more (those the line check reads) at a
 * place of part[0..np) joined past byte cap (ma_sh_join_past) fires
 * cmd.too_long on argv, unless the line check finds it inert in a command
 * line (ma_sh_past). ma_request_fire's answer, or -1. */
static int ma_sh_past_cut_fire(struct moat_request *r, const char *const *argv, int argc,
                               const char *const *part, int np, size_t cap, const char *file,
                               int line, const char *function)
{
	size_t nin;
	const struct ma_input *in = ma_request_inputs(r, &nin);

	for (size_t i = 0; i < nin; i++)
		for (int f = 0; f < in[i].nforms; f++) {
			const char *v = in[i].form[f];
			size_t vl = in[i].form_len[f];
			int res;
			if (vl < 2 || ma_sh_past(NULL, v, vl, 0, 0) == MA_PAST_STOP ||
			    !ma_sh_join_past(part, np, cap, v, vl))
				continue;
			res = ma_sh_argv_fire(r, argv, argc, &in[i], f, "cmd.too_long", file, line,
			                      function);
			if (res >= 0)
				return res;
			break;
		}
	return -1;
}

/* The line a runner joins argv[0..argc) into with blanks (watch, GNU
 * parallel's template, ssh's remote command, adb shell) judged by the
 * shell check in buf (cap bytes); past cap the join is cut, and an input
 * there fails closed (ma_sh_past_cut_fire; argv65: it was not judged).
 * MOAT_BLOCK or -1. */
static int ma_sh_join_check(struct moat_request *r, const char *const *argv, int argc, char *buf,
                            size_t cap, const char *file, int line, const char *function)
{
	size_t n = ma_sh_join(argv, argc, buf, cap);

	if (ma_sh_check(r, buf, n, buf, n, file, line, function) == MOAT_BLOCK)
		return MOAT_BLOCK;
	if (n == cap &&
	    ma_sh_past_cut_fire(r, argv, argc, argv, argc, cap, file, line, function) == MOAT_BLOCK)
		return MOAT_BLOCK;
	return -1;
}

/* ssh's remote command (ssh(1): the words after the host, joined with
 * spaces, run by the remote user's shell): the index of its first word,
 * or -1. OpenSSH reads options before and after the host, up to the
 * first word that is none; after "--" come the host and the command. */
static int ma_sh_ssh_command(const char *const *argv, int argc, int prog,
                             const struct ma_sh_prog_opts *po)
{
	int host = 0, term = 0;

	for (int i = prog + 1; i < argc && argv[i]; i++) {
		const char *o = argv[i], *nm;
		size_t nl, at;
		if (!term && !strcmp(o, "--")) {
			term = 1;
			continue;
		}
		if (!term && o[0] == '-' && o[1]) {
			if (ma_sh_opt_read(po, o, &nm, &nl, &at) & MA_SH_OPT_NEXT)
				i++;
			continue;
		}
		if (host)
			return i;
		host = 1;
	}
	return -1;
}

/* The shell check of ssh's remote command, joined as ssh joins it (cut at
 * 4 KB). */
static int ma_sh_ssh_check(struct moat_request *r, const char *const *argv, int argc, int cs,
                           const char *file, int line, const char *function)
{
	char cmd[4096];

	return ma_sh_join_check(r, argv + cs, argc - cs, cmd, sizeof cmd, file, line, function) ==
	               MOAT_BLOCK
	           ? MOAT_BLOCK
	           : MOAT_ALLOW;
}

/* The places of one form of an input in one argument that the argv
 * check judges in full, as the line check judges 64 (bound64). */
#define MA_SH_ARGV_PLACES 64

/* How ma_sh_walk reads the places of a form past its first
 * MA_SH_ARGV_PLACES (argv64: the walks stopped there and allowed, so an
 * input harmless 64 times and live at its 65th place passed). */
enum {
	/* the line check's answer (ma_sh_past) where the judge reads the
	 * value as a command line does, or fires only at the value's start
	 * or on bytes inside the input (rsync -e's command, a file option's
	 * value, an Ex command): a word of letters, digits and '_' judged at
	 * every place, a form inert in a command line (letters, digits,
	 * . , + @ % : / - not starting with '-') not looked at further, any
	 * other form closed (cmd.too_many_places) */
	MA_SH_WALK_LINE,
	/* the same, but where those bytes are syntax (a mount's ':' and
	 * ',', code's '.', a statement's "--", a git key's '.'): a form the
	 * line check finds inert fails closed too */
	MA_SH_WALK_SYNTAX,
	/* every place judged: a judge that costs a few compares a place
	 * (a sed or awk script's command offsets) */
	MA_SH_WALK_ALL,
};

/* What ma_sh_walk does past the bound with form v (vl bytes) read as
 * how says (MA_SH_WALK_*): MA_PAST_JUDGE, MA_PAST_STOP or
 * MA_PAST_CLOSED. */
static int ma_sh_walk_past(const char *v, size_t vl, int how)
{
	int p;

	if (how == MA_SH_WALK_ALL)
		return MA_PAST_JUDGE;
	p = ma_sh_past(NULL, v, vl, 0, 0);
	return p == MA_PAST_STOP && how == MA_SH_WALK_SYNTAX ? MA_PAST_CLOSED : p;
}

/* ma_sh_walk's answer when it fails closed (cmd.too_many_places). */
#define MA_SH_WALK_CLOSED (-1)

/* Walks the places of form v (vl bytes) in s (n bytes) in order, each
 * told to judge(ctx, s, n, a, b): above 0 it fires (the walk returns its
 * answer, *at = a), below 0 the walk ends (nothing fires), 0 on to the
 * next place. The first MA_SH_ARGV_PLACES are judged; past them
 * ma_sh_walk_past decides (how, MA_SH_WALK_*): judged, not looked at
 * (0), or MA_SH_WALK_CLOSED. The argv check's one loop over the places of an
 * input in an argument (a sed or awk script, an option's value, a mount
 * value). No allocation. */
static int ma_sh_walk(const char *s, size_t n, const char *v, size_t vl, int how,
                      int (*judge)(const void *ctx, const char *s, size_t n, size_t a, size_t b),
                      const void *ctx, size_t *at)
{
	size_t from = 0;
	int seen = 0;

	*at = 0;
	while (vl && from + vl <= n) {
		const char *h = memmem(s + from, n - from, v, vl);
		size_t a;
		int j;
		if (!h)
			return 0;
		a = (size_t)(h - s);
		from = a + 1;
		if (seen < MA_SH_ARGV_PLACES) {
			seen++;
		} else if (seen == MA_SH_ARGV_PLACES) {
			int p = ma_sh_walk_past(v, vl, how);
			if (p == MA_PAST_STOP)
				return 0;
			if (p == MA_PAST_CLOSED) {
				*at = a;
				return MA_SH_WALK_CLOSED;
			}
			seen++; /* every place judged */
		}
		j = judge(ctx, s, n, a, a + vl);
		if (j < 0)
			return 0;
		if (j > 0) {
			*at = a;
			return j;
		}
	}
	return 0;
}

/* The places of a sed or awk script's commands (ma_sh_covers' judge). */
struct ma_sh_cover {
	const size_t *pos;
	int np;
};

/* 1 when the place [a, b) covers one of c's offsets. */
static int ma_sh_cover_judge(const void *ctx, const char *s, size_t n, size_t a, size_t b)
{
	const struct ma_sh_cover *c = ctx;

	(void)s;
	(void)n;
	for (int k = 0; k < c->np; k++)
		if (c->pos[k] >= a && c->pos[k] < b)
			return 1;
	return 0;
}

/* 1 when form v (vl bytes) of an input occurs in s (n bytes) over one of
 * the offsets pos[0..np), at any of its places (a few compares each). */
static int ma_sh_covers(const char *s, size_t n, const char *v, size_t vl, const size_t *pos,
                        int np)
{
	const struct ma_sh_cover c = {pos, np};
	size_t at;

	return ma_sh_walk(s, n, v, vl, MA_SH_WALK_ALL, ma_sh_cover_judge, &c, &at);
}

/* The scripts of a sed or awk command line, sc[0..nsc) (argv indices;
 * negative: the value attached to that option element), read by scan
 * (the places where a command, pipe or file starts, 1 when the script
 * parses): an input that brings one of those places fires cmd.program;
 * returns ma_request_fire's answer, or -1. */
static int ma_sh_scripts_fire(struct moat_request *r, const char *const *argv, int argc,
                              const struct ma_sh_prog_opts *po, const int *sc, int nsc,
                              int (*scan)(const char *, size_t, size_t, size_t *, int, int *),
                              const char *file, int line, const char *function)
{
	size_t nin;
	const struct ma_input *in = ma_request_inputs(r, &nin);

	for (int k = 0; k < nsc; k++) {
		const char *o = argv[sc[k] < 0 ? -sc[k] : sc[k]], *nm;
		size_t pos[32], nl, at = 0, n, from = 0;
		int np;
		if (sc[k] < 0)
			(void)ma_sh_opt_read(po, o, &nm, &nl, &at);
		if (sc[k] < 0 && !at && o[1] == '-' && strchr(o, '='))
			at = (size_t)(strchr(o, '=') - o) + 1; /* --exp=SCRIPT */
		n = strlen(o + at);
		/* argv65: 32 offsets a scan; a full pos asks for the next 32
		 * (the 33rd command of a script was never judged) */
		for (; scan(o + at, n, from, pos, 32, &np) && np; from = pos[np - 1] - at + 1) {
			/* the places in the whole element: an input that brings
			 * the option with its script (-e1eid, --expression=1eid)
			 * covers them there (shell36) */
			for (int x = 0; x < np; x++)
				pos[x] += at;
			for (size_t i = 0; i < nin; i++)
				for (int f = 0; f < in[i].nforms; f++) {
					if (ma_sh_covers(o, n + at, in[i].form[f],
					                 in[i].form_len[f], pos, np)) {
						int v = ma_sh_argv_fire(r, argv, argc, &in[i], f,
						                        "cmd.program", file, line,
						                        function);
						if (v >= 0)
							return v;
						break;
					}
				}
			if (np < 32)
				break;
		}
	}
	return -1;
}

/* How sed and awk take their scripts: the values of -e (and of
 * script_long), or else the first operand; none when an option names a
 * script file (a letter of files, a name of file_longs); permute: options
 * may follow operands (GNU sed), or the first operand ends them (awk);
 * refuse: an option that makes the program refuse what runs or writes. */
struct ma_sh_script_lang {
	int (*scan)(const char *, size_t, size_t, size_t *, int, int *);
	const char *files, *file_longs, *script_long, *refuse;
	int permute;
};

/* sed: -e/--expression, -f/--file; --sandbox refuses e, r and w; an input
 * that brings a command or s flag that runs a command or reads or writes
 * a file, in a script that parses, fires. */
static const struct ma_sh_script_lang ma_sh_sed_lang = {ma_sh_sed_parse, "f",         "--file",
                                                        "--expression",  "--sandbox", 1};
/* awk: gawk's -e/--source, -f/--file, -E/--exec; an input that brings
 * what ma_sh_awk_scan lists, in a program that closes, fires. */
static const struct ma_sh_script_lang ma_sh_awk_lang = {ma_sh_awk_scan, "fE", "--file --exec",
                                                        "--source",     NULL, 0};

/* 1 when the option word o is "--" and a prefix of the long option
 * full (one letter at least, "--" included in full) before '=' or its
 * end: getopt_long's abbreviation (sed --exp=SCRIPT ran in GNU sed 4.9,
 * review16). An abbreviation two options share is refused by getopt;
 * sed's and gawk's script options share no first letter with another
 * long option that takes a script. */
static int ma_sh_long_prefix(const char *o, const char *full)
{
	size_t n;

	if (!full || o[0] != '-' || o[1] != '-')
		return 0;
	n = strcspn(o + 2, "=");
	return n >= 1 && n <= strlen(full) - 2 && !memcmp(o + 2, full + 2, n);
}

/* The scripts of a sed or awk command line (lang) judged against the
 * inputs (ma_sh_scripts_fire, cmd.program); returns ma_request_fire's
 * answer, or -1. */
static int ma_sh_script_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                              const struct ma_sh_prog_opts *po,
                              const struct ma_sh_script_lang *lang, const char *file, int line,
                              const char *function)
{
	int sc[8], nsc = 0, any = 0, file_opt = 0, operand = -1, next = 0, v;

	/* the scripts judged 8 at a time (misc9: the 9th -e was not judged);
	 * with a refusing option (sed --sandbox), a first pass looks for it
	 * anywhere before any script is judged */
	for (int pass = lang->refuse ? 0 : 1; pass < 2; pass++) {
		nsc = any = file_opt = next = 0;
		operand = -1;
		for (int i = prog + 1; i < argc && argv[i]; i++) {
			const char *o = argv[i], *nm;
			size_t nl, at;
			int rd;
			if (nsc == 8) {
				v = ma_sh_scripts_fire(r, argv, argc, po, sc, nsc, lang->scan, file,
				                       line, function);
				if (v >= 0)
					return v;
				nsc = 0;
				any = 1;
			}
			if (next) {
				if (next == 2 && pass)
					sc[nsc++] = i;
				next = 0;
				continue;
			}
			if (!strcmp(o, "--")) {
				if (operand < 0 && i + 1 < argc && argv[i + 1])
					operand = i + 1;
				break;
			}
			if (o[0] != '-' || !o[1]) {
				if (operand < 0)
					operand = i;
				if (!lang->permute)
					break;
				continue;
			}
			if (lang->refuse && !strcmp(o, lang->refuse))
				return -1;
			rd = ma_sh_opt_read(po, o, &nm, &nl, &at);
			if (ma_sh_long_prefix(o, lang->script_long)) {
				/* an abbreviation getopt_long takes (--exp=SCRIPT, --e) */
				nm = lang->script_long;
				nl = strlen(nm);
				rd = strchr(o, '=') ? 0 : MA_SH_OPT_NEXT;
			}
			if (nl && ((nl == 1 && strchr(lang->files, *nm)) ||
			           ma_sh_in_words(lang->file_longs, nm, nl)))
				file_opt = 1;
			if (nl && ((nl == 1 && *nm == 'e') ||
			           ma_sh_in_words(lang->script_long, nm, nl))) {
				if (rd & MA_SH_OPT_NEXT)
					next = 2;
				else if (pass)
					sc[nsc++] = -i; /* attached: from o + at */
			} else if (rd & MA_SH_OPT_NEXT)
				next = 1;
		}
	}
	if (!nsc && !any && !file_opt && operand >= 0)
		sc[nsc++] = operand;
	return ma_sh_scripts_fire(r, argv, argc, po, sc, nsc, lang->scan, file, line, function);
}

/* An input that brings the marker at val[m - 1] of a value (curl's '@'
 * of ma_sh_curl_file, strace -o's '|'; val may start at the option
 * when the value is attached): fires rule; returns ma_request_fire's
 * answer, or -1 when no input does. */
static int ma_sh_argv_file(struct moat_request *r, const char *const *argv, int argc,
                           const char *val, size_t m, const char *rule, const char *file, int line,
                           const char *function)
{
	size_t nin;
	const struct ma_input *in = ma_request_inputs(r, &nin);

	for (size_t i = 0; i < nin; i++)
		for (int k = 0; k < in[i].nforms; k++)
			if (in[i].form_len[k] >= 1 &&
			    ma_sh_at_marker(val, m, in[i].form[k], in[i].form_len[k])) {
				int v = ma_sh_argv_fire(r, argv, argc, &in[i], k, rule, file, line,
				                        function);
				if (v >= 0)
					return v;
				break;
			}
	return -1;
}

/* strace's -o/--output (strace(1)): a value that starts with '|' or '!'
 * pipes the trace to a command line a shell runs (strace 6.1 ran it).
 * strace before the program (a wrapper: its options among argv[1,
 * prog)): the input that brings the '|' or '!' (or the option with
 * it, -o!CMD) fires cmd.option, and the command is judged as a command
 * line (shell35, review22). Returns ma_request_fire's answer,
 * MOAT_BLOCK or -1. */
static int ma_sh_strace_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                              const char *file, int line, const char *function)
{
	const struct ma_sh_prog_opts *w = ma_sh_wrap_find("strace");
	int i = 0, v;

	while (i < prog && strcmp(ma_sh_base(argv[i]), "strace"))
		i++;
	for (i++; i < prog && argv[i] && argv[i][0] == '-'; i++) {
		const char *nm, *val;
		size_t nl = 0, at = 0, off = 0;
		int rd = ma_sh_opt_read(w, argv[i], &nm, &nl, &at);
		if (!nl)
			continue;
		if (rd & MA_SH_OPT_NEXT) {
			if (i + 1 >= prog)
				break;
			val = argv[++i];
		} else {
			val = argv[i] + at;
			off = at;
		}
		if (!((nl == 1 && *nm == 'o') || ma_sh_in_words("--output", nm, nl)) ||
		    (val[0] != '|' && val[0] != '!'))
			continue;
		v = ma_sh_argv_file(r, argv, argc, val - off, 1 + off, "cmd.option", file, line,
		                    function);
		if (v >= 0)
			return v;
		if (ma_sh_check(r, val + 1, strlen(val + 1), val + 1, strlen(val + 1), file, line,
		                function) == MOAT_BLOCK)
			return MOAT_BLOCK;
	}
	return -1;
}

/* 1 when vim (vi, nvim) at argv[prog] runs in Ex mode by the element ai
 * (an -e or -E in a cluster before it or in it: vim -es, -e -s), where
 * -s means silent and takes no scriptin file. */
static int ma_sh_vim_ex_mode(const char *const *argv, int prog, int ai)
{
	const char *b = ma_sh_base(argv[prog]);

	if (strcmp(b, "vim") && strcmp(b, "vi") && strcmp(b, "nvim"))
		return 0;
	for (int k = prog + 1; k <= ai; k++)
		if (argv[k][0] == '-' && argv[k][1] != '-' && strpbrk(argv[k] + 1, "eE"))
			return 1;
	return 0;
}

/* 1 when s[a, b) (an input in a command line's value) names the command
 * (a = 0) or adds a word that is an option (a blank, then '-' and a
 * letter or digit: rsync -e "ssh -p 22 -oProxyCommand=id"), also one it
 * starts right after the application's blank when it is ssh's -o with
 * a keyword of the deny-list (shell29: rsync -e 'ssh ' +
 * '-oProxyCommand=CMD': ssh runs CMD with sh -c); other options there
 * pass (tar -I 'zstd ' + '-19', session 24; -p 2222, review18). */
static int ma_sh_cmd_value_judge(const char *s, size_t a, size_t b)
{
	if (a == 0)
		return 1;
	if ((s[a - 1] == ' ' || s[a - 1] == '\t') && b - a > 2 && s[a] == '-') {
		/* ssh's -o with a keyword of the deny-list, -o ending a cluster
		 * of flags (-4o, -vo) and quotes in the keyword dropped as ssh
		 * drops them (review18: -p 2222, -o ConnectTimeout=5, zstd
		 * --long=27 are data) */
		size_t k = a + 1, kn = 0;
		char kw[40];
		while (k < b && s[k] != 'o' && strchr("46AaCfGgKkMNnqsTtVvXxYy", s[k]))
			k++;
		if (k < b && s[k] == 'o') {
			k++;
			while (k < b && (s[k] == ' ' || s[k] == '\t'))
				k++;
			for (;
			     k < b && s[k] != '=' && s[k] != ' ' && s[k] != '\t' && kn < sizeof kw;
			     k++)
				if (s[k] != '"' && s[k] != '\'')
					kw[kn++] = s[k];
			if (kn && ma_sh_ssh_key_class(kw, kn) != MA_SH_KEY_PLAIN)
				return 1;
		}
	}
	for (size_t k = a; k + 2 < b; k++)
		if ((s[k] == ' ' || s[k] == '\t' || s[k] == '\n') && s[k + 1] == '-' &&
		    ((s[k + 2] >= 'a' && s[k + 2] <= 'z') || (s[k + 2] >= 'A' && s[k + 2] <= 'Z') ||
		     (s[k + 2] >= '0' && s[k + 2] <= '9')))
			return 1;
	return 0;
}

/* 1 when s[a, b) (an input in a file option's value) names the file (a =
 * 0) or climbs out of the directory the application named (".."). */
static int ma_sh_file_value_judge(const char *s, size_t a, size_t b)
{
	return a == 0 || (b - a >= 2 && memmem(s + a, b - a, "..", 2) != NULL);
}

/* 1 when s[a, b) (an input in expect's -c Tcl script) starts a command
 * (at the script's start, after blanks following ';', a line break or
 * '[') or brings what starts one or changes the words: ';', a line
 * break, '[' (command substitution: [exec id]), ']', braces, a double
 * quote, a backslash (Tcl's dodekalogue; expect 5.45). A host name or a
 * message's words are data (shell37). */
static int ma_sh_tcl_judge(const char *s, size_t n, size_t a, size_t b)
{
	size_t k = a;

	if (a == 0 && b == n) {
		/* the whole script, the user's pick: read as sh -c 'INPUT'
		 * is (session 24): one command passes, a second one or a
		 * substitution fires */
		for (k = 0; k < n; k++)
			if (s[k] && strchr(";\n\r[", s[k]))
				return 1;
		return 0;
	}
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == 0 || s[k - 1] == ';' || s[k - 1] == '\n' || s[k - 1] == '[')
		return 1;
	for (k = a; k < b; k++)
		if (s[k] && strchr(";\n\r[]{}\"\\", s[k]))
			return 1;
	return 0;
}

/* 1 when a '(' in s[a, b) opens a function call of a gdb expression: a
 * name right before it (blanks between; letters, digits, '_', '$':
 * system(, $_shell(), not sizeof, alignof, typeof; review24b: a cast
 * (long)total, sizeof(struct req) are no call). The name may be the
 * application's, before a, but not the command's (at or past lo). */
static int ma_sh_gdb_call(const char *s, size_t lo, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		size_t e, w;
		if (s[k] != '(')
			continue;
		for (e = k; e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'); e--)
			;
		for (w = e;
		     w > 0 &&
		     (s[w - 1] == '_' || s[w - 1] == '$' || (s[w - 1] >= 'a' && s[w - 1] <= 'z') ||
		      (s[w - 1] >= 'A' && s[w - 1] <= 'Z') || (s[w - 1] >= '0' && s[w - 1] <= '9'));
		     w--)
			;
		if (w < e && w >= lo &&
		    !ma_sh_in_words("sizeof alignof _Alignof typeof __typeof__", s + w, e - w))
			return 1;
	}
	return 0;
}

/* 1 when s[a, b) (an input in gdb's -ex command s, n bytes) is in a gdb
 * command that runs a program or code (gdb 13: shell, !, pipe, |,
 * python, pi, guile, source, make) and writes the command's name or
 * brings a shell's or the code's syntax into its arguments, or is in one
 * that evaluates an expression (call, print, output, set ...) and names it
 * with a function call in it or brings a call (review24); break main,
 * print counter are data (shell37). */
static int ma_sh_gdb_judge(const char *s, size_t n, size_t a, size_t b)
{
	static const char runs[] = "shell pipe python py python-interactive pi guile gu source "
	                           "make compile";
	/* commands that evaluate an expression in the program gdb runs or
	 * is attached to: a function call there runs it (review24: call
	 * (int)system("id") -p PID) */
	static const char expr[] = "call print p output inspect printf set eval";
	size_t k = strspn(s, " \t"), e = k;
	int run;

	if (k < n && (s[k] == '!' || s[k] == '|'))
		e = k + 1;
	else
		while (e < n && ((s[e] >= 'a' && s[e] <= 'z') || s[e] == '-'))
			e++;
	if (e == k)
		return 0;
	run = s[k] == '!' || s[k] == '|' || ma_sh_in_words(runs, s + k, e - k);
	if (!run) {
		if (!ma_sh_in_words(expr, s + k, e - k))
			return 0;
		/* the input names the command and its expression calls a
		 * function, or brings a call into the expression */
		return a < e ? ma_sh_gdb_call(s, e, e, n) : ma_sh_gdb_call(s, e, a, b);
	}
	if (a < e)
		return 1; /* the input names the command */
	for (k = a; k < b; k++)
		if (s[k] && strchr(";&|$`<>()\n'\"\\", s[k]))
			return 1;
	return 0;
}

/* How a value's bytes are judged: the kind and language of the value,
 * and, for a part of an ssh_config line or of git's name=value, where
 * the keyword ends (kw_end: an input before it writes the keyword) and
 * how the rest is judged (rest_kind from rest_at). */
struct ma_sh_vjudge {
	int kind, lang;
	size_t kw_end, rest_at;
	int kw_danger, rest_kind;
	size_t sub_a, sub_b; /* git's subsection, s[sub_a, sub_b) (none: 0, 0) */
	int rest_shell;      /* the rest is a command line a shell runs */
};

/* Non-zero when the bytes s[a, b) of a value (n bytes) judged as j say
 * fire (a statement's: 2 when its SQL changes, 1 for a client's
 * command). */
static int ma_sh_vjudge_run(const struct ma_sh_vjudge *j, const char *s, size_t n, size_t a,
                            size_t b)
{
	switch (j->kind) {
	case MA_SH_VAL_CMD:
		return ma_sh_cmd_value_judge(s, a, b);
	case MA_SH_VAL_FILE:
		return ma_sh_file_value_judge(s, a, b);
	case MA_SH_VAL_CODE:
		return ma_sh_code_judge(j->lang, s, n, a, b);
	case MA_SH_VAL_EX:
		return ma_sh_ex_judge(s, n, a, b);
	case MA_SH_VAL_TCL:
		return ma_sh_tcl_judge(s, n, a, b);
	case MA_SH_VAL_GDB:
		return ma_sh_gdb_judge(s, n, a, b);
	case MA_SH_VAL_SQL:
		return ma_sh_sqlcli_judge(j->lang, s, n, a, b);
	case MA_SH_VAL_SED:           /* sed -e '1e INPUT', -e 's/x/INPUT/e' */
		if (a == 0 && b == n) /* the whole script: the user's pick */
			return ma_sh_sed_whole_fires(s, n);
		return ma_sh_sed_input_runs(s, n, a, b);
	default: /* a keyword and the rest */
		if (a < j->kw_end && a >= j->sub_a && b <= j->sub_b)
			return 0; /* only a subsection: url.<base>.insteadOf's base */
		if (a < j->kw_end)
			return j->kw_danger;
		if (b <= j->rest_at)
			return 0; /* only the blanks or '=' between */
		if (a < j->rest_at)
			a = j->rest_at; /* from the separator on: from the value's start */
		if (j->rest_kind == MA_SH_VAL_CMD)
			return ma_sh_cmd_value_judge(s + j->rest_at, a - j->rest_at,
			                             b - j->rest_at);
		if (j->rest_kind == MA_SH_VAL_FILE)
			return ma_sh_file_value_judge(s + j->rest_at, a - j->rest_at,
			                              b - j->rest_at);
		return 0;
	}
}

/* j's keyword and rest for a class (MA_SH_KEY_*) of ssh's keyword or
 * git's key (one list for the line and the argv check, session 25). */
static void ma_sh_vjudge_class(struct ma_sh_vjudge *j, int cls)
{
	j->kw_danger = cls != MA_SH_KEY_PLAIN;
	j->rest_kind = cls == MA_SH_KEY_SHELL || cls == MA_SH_KEY_SPLIT ? MA_SH_VAL_CMD
	               : cls == MA_SH_KEY_FILE                          ? MA_SH_VAL_FILE
	                                                                : 0;
	j->rest_shell = cls == MA_SH_KEY_SHELL;
}

/* ssh_config's keywords (ma_sh_ssh_key_class, read from ssh_config(5)):
 * those that run a command (the rest then a command line: ProxyCommand,
 * LocalCommand, KnownHostsCommand, RemoteCommand), load code or name a
 * program (the rest a file: PKCS11Provider, SecurityKeyProvider,
 * XAuthLocation), or run or read by being set (PermitLocalCommand,
 * Match, Include); the rest are plain settings, to the argv check as
 * to the line check (session 25: ForwardAgent, UserKnownHostsFile,
 * ControlPath ...). Compared case-insensitively, a keyword in double
 * quotes unquoted, as ssh does. j is set for the line s. */
static void ma_sh_ssh_keyword(const char *s, struct ma_sh_vjudge *j)
{
	char kw[40];
	size_t kwn, ke;

	j->rest_at = ma_sh_ssh_key_read(s, strlen(s), kw, sizeof kw, &kwn, &ke);
	j->kw_end = ke;
	/* ProxyCommand none, PKCS11Provider none (ssh_config(5): "disables
	 * this option entirely", "no provider"): nothing runs (shellfp8) */
	if (!strcmp(s + j->rest_at, "none") &&
	    ((kwn == 12 && !strncasecmp(kw, "proxycommand", 12)) ||
	     (kwn == 14 && !strncasecmp(kw, "pkcs11provider", 14)))) {
		ma_sh_vjudge_class(j, MA_SH_KEY_PLAIN);
		return;
	}
	ma_sh_vjudge_class(j, ma_sh_ssh_key_class(kw, kwn));
}

/* git's configuration keys (ma_sh_git_key_class, read from
 * git-config(1) and git's other pages) that run a command (their value
 * a command line), name a file that decides what runs, or run or send
 * git elsewhere by being set; the section and name compared with their
 * case ignored, a subsection any. git 2.39 here: -c
 * tar.x.command='id >&2; cat' archive --format=x runs id; safe.directory
 * (trusting a repository's own configuration and hooks) is read from the
 * command line too (a protected scope). */
static void ma_sh_git_key(const char *s, struct ma_sh_vjudge *j)
{
	size_t e = strcspn(s, "="), d1 = strcspn(s, "."), dl = e;

	while (dl > 0 && s[dl - 1] != '.')
		dl--;
	j->kw_end = e;
	j->rest_at = s[e] ? e + 1 : e;
	j->kw_danger = 0;
	j->rest_kind = 0;
	j->rest_shell = 0;
	if (d1 >= e || !dl)
		return;
	/* "section.subsection.name": an input that stays inside the
	 * subsection (a URL's base, a driver's or remote's name) writes
	 * neither the section nor the name */
	if (dl - 1 > d1) {
		j->sub_a = d1 + 1;
		j->sub_b = dl - 1;
	}
	if (s[e] && ma_sh_git_value_plain(s, e, s + e + 1, strlen(s + e + 1)))
		return; /* a pager off or cat: no program (shellfp8) */
	if (s[e] && d1 == 5 && !strncasecmp(s, "alias", 5)) {
		/* alias.NAME=!LINE: git runs LINE with sh -c when the alias
		 * is used (git-config(1); review24q: git -c alias.co='!id'
		 * co ran id); an alias without '!' is a git command line */
		size_t v = e + 1 + strspn(s + e + 1, " \t");
		if (s[v] == '!') {
			ma_sh_vjudge_class(j, MA_SH_KEY_SHELL);
			j->rest_at = v + 1;
			return;
		}
	}
	ma_sh_vjudge_class(j, ma_sh_git_key_class(s, e));
}

/* j's keyword and rest for the value val (n bytes) of an ssh -o, a git
 * -c or a wget -e (j->kind). */
static void ma_sh_vjudge_keyword(struct ma_sh_vjudge *j, const char *val, size_t n)
{
	if (j->kind == MA_SH_VAL_SSHOPT)
		ma_sh_ssh_keyword(val, j);
	else if (j->kind == MA_SH_VAL_GITCONF)
		ma_sh_git_key(val, j);
	else if (j->kind == MA_SH_VAL_WGETRC) {
		/* wget -e: a wgetrc command; use_askpass names a program it
		 * spawns (no shell), output_document ... a file (as -O), a
		 * plain setting (robots=off) nothing; any other's name (a
		 * proxy, a header) fires as the input's keyword, its value
		 * is the application's data */
		int runs;
		size_t e = ma_sh_wgetrc_key(val, n, &runs);
		j->kw_danger = runs != 0;
		j->kw_end = e;
		e += strspn(val + e, " \t");
		if (val[e] == '=')
			e++;
		j->rest_at = e + strspn(val + e, " \t");
		j->rest_kind = runs == 1 || runs == 2 ? MA_SH_VAL_FILE : 0;
	}
}

int ma_sh_value_fires(int kind, int lang, const char *v, size_t n, size_t a, size_t b,
                      size_t *line_at)
{
	struct ma_sh_vjudge j = {.kind = kind, .lang = lang};

	ma_sh_vjudge_keyword(&j, v, n);
	if ((kind == MA_SH_VAL_SSHOPT || kind == MA_SH_VAL_GITCONF) &&
	    j.rest_kind == MA_SH_VAL_CMD && a >= j.kw_end && a <= j.rest_at && b == n &&
	    j.rest_at < n) {
		/* the whole command line of a keyword that runs one: a shell's
		 * is read as sh -c 'INPUT' is; one split without a shell
		 * (KnownHostsCommand) only picks the program */
		if (!j.rest_shell)
			return 0;
		*line_at = j.rest_at;
		return 2;
	}
	if (ma_sh_vjudge_run(&j, v, n, a, b))
		return 1;
	if ((kind == MA_SH_VAL_SSHOPT || kind == MA_SH_VAL_GITCONF) && j.rest_shell &&
	    a >= j.kw_end && b > j.rest_at) {
		/* an input inside the command line a shell runs (shell28):
		 * the caller reads that line with the input at its place */
		*line_at = j.rest_at;
		return 3;
	}
	return 0;
}

/* A place of an input in a value, judged as j says (ma_sh_walk's
 * judge); in_key: a word judged only where it writes the keyword. */
struct ma_sh_vplace {
	const struct ma_sh_vjudge *j;
	int in_key;
};

static int ma_sh_vplace_judge(const void *ctx, const char *s, size_t n, size_t a, size_t b)
{
	const struct ma_sh_vplace *vp = ctx;

	if (vp->in_key && a >= vp->j->kw_end)
		return -1; /* past the keyword: no more places of it */
	return ma_sh_vjudge_run(vp->j, s, n, a, b);
}

/* A command string of code (python -c "os.system('ls x;id')"), judged
 * by the shell check: ma_sh_code_shell_strings's each; 1 when it
 * blocks. */
struct ma_sh_code_arg {
	struct moat_request *r;
	const char *val;
	size_t n;
	const char *file;
	int line;
	const char *function;
};

static int ma_sh_code_string_check(void *arg, size_t at, size_t len)
{
	const struct ma_sh_code_arg *ca = arg;

	return ma_sh_check(ca->r, ca->val + at, len, ca->val, ca->n, ca->file, ca->line,
	                   ca->function) == MOAT_BLOCK;
}

/* The value val of an option of ma_sh_value_kinds (kind, lang) judged
 * against the inputs: an input that j says fires is reported (rule); a
 * command line's value is also judged as a shell line (ma_sh_check: its
 * separators, substitutions ...). Returns ma_request_fire's (or
 * ma_sh_check's block) answer, or -1. */
static int ma_sh_value_check(struct moat_request *r, const char *const *argv, int argc, int kind,
                             int lang, const char *val, const char *file, int line,
                             const char *function)
{
	struct ma_sh_vjudge j = {.kind = kind, .lang = lang};
	size_t nin, n = strlen(val);
	const struct ma_input *in = ma_request_inputs(r, &nin);
	const char *rule = kind == MA_SH_VAL_FILE                           ? "cmd.option_file"
	                   : kind == MA_SH_VAL_CODE || kind == MA_SH_VAL_EX ? "cmd.program"
	                                                                    : "cmd.option";
	int cmdline = kind == MA_SH_VAL_CMD;
	/* judges for which a form the line check finds inert starts
	 * nothing past the value's start (ma_sh_walk_past) */
	int how = kind == MA_SH_VAL_CMD || kind == MA_SH_VAL_FILE || kind == MA_SH_VAL_EX
	              ? MA_SH_WALK_LINE
	              : MA_SH_WALK_SYNTAX;

	ma_sh_vjudge_keyword(&j, val, n);
	if ((kind == MA_SH_VAL_SSHOPT || kind == MA_SH_VAL_GITCONF) && j.rest_kind == MA_SH_VAL_CMD)
		cmdline = 1;
	if (kind == MA_SH_VAL_SQL) { /* psql's \! LINE, sqlite3's .shell LINE */
		j.rest_at = ma_sh_sqlcli_shell(lang, val, n);
		cmdline = j.rest_at > 0;
	}
	for (size_t i = 0; i < nin; i++) {
		/* letters, digits and '_' alone: only where they write a
		 * listed ssh keyword or git key (as the line check reads
		 * them, shell25; review17: ProxyCommand, Command, pager) */
		int in_key = in[i].plain && j.kw_danger &&
		             (kind == MA_SH_VAL_SSHOPT || kind == MA_SH_VAL_GITCONF);
		if (in[i].plain && !in_key)
			continue;
		for (int k = 0; k < in[i].nforms; k++) {
			const struct ma_sh_vplace vp = {&j, in_key};
			size_t at;
			int hit;
			/* one byte names no file or command and writes no keyword
			 * (as for the other argv rules): "/" in ssh -o
			 * UserKnownHostsFile=/dev/null, "." in sed -f ./fix.sed */
			if (in[i].form_len[k] < 2)
				continue;
			hit = ma_sh_walk(val, n, in[i].form[k], in[i].form_len[k], how,
			                 ma_sh_vplace_judge, &vp, &at);
			if (hit) {
				const char *ru = rule;
				if (hit == MA_SH_WALK_CLOSED)
					ru = "cmd.too_many_places";
				else if (kind == MA_SH_VAL_SQL)
					ru = hit == 2 ? "cmd.sql" : "cmd.program";
				else if (kind == MA_SH_VAL_WGETRC)
					ru = "cmd.option";
				else if (kind == MA_SH_VAL_SSHOPT || kind == MA_SH_VAL_GITCONF)
					ru = j.rest_kind == MA_SH_VAL_FILE && at >= j.kw_end
					         ? "cmd.option_file"
					         : "cmd.option";
				int v2 = ma_sh_argv_fire(r, argv, argc, &in[i], k, ru, file, line,
				                         function);
				if (v2 >= 0)
					return v2;
				break;
			}
		}
	}
	if (kind == MA_SH_VAL_CODE) { /* python -c "os.system('ls x;id')" */
		struct ma_sh_code_arg ca = {r, val, n, file, line, function};
		if (ma_sh_code_shell_strings(lang, val, n, ma_sh_code_string_check, &ca))
			return MOAT_BLOCK;
	}
	if (cmdline) { /* the command line itself: rsync -e "ssh x;id" */
		const char *c = val + ((kind == MA_SH_VAL_CMD) ? 0 : j.rest_at);
		size_t cl = strlen(c);
		if (ma_sh_check(r, c, cl, c, cl, file, line, function) == MOAT_BLOCK)
			return MOAT_BLOCK;
	}
	return -1;
}

/* The index of the script given with -c/--command (--command=LINE: the
 * element itself, *at the offset of the line) anywhere after argv[prog]
 * (flock FILE -c LINE, script -c LINE, su - www -c LINE: their -c may
 * follow an operand), or 0. */
static int ma_sh_dash_c(const char *const *argv, int argc, int prog, size_t *at)
{
	/* the letters that take a value, per program: a cluster whose last
	 * letter is c and that holds none of them before (script -qc LINE,
	 * su -lc LINE, flock -xc; review24j: script -qc went unjudged) */
	const char *b = ma_sh_base(argv[prog]);
	const char *vals = ma_sh_streq(b, "script")                            ? "BEIOTmt"
	                   : ma_sh_streq(b, "flock")                           ? "wE"
	                   : ma_sh_streq(b, "su") || ma_sh_streq(b, "runuser") ? "gGswu"
	                                                                       : NULL;

	*at = 0;
	for (int i = prog + 1; i < argc && argv[i]; i++) {
		const char *o = argv[i];
		size_t ol = strlen(o);
		if (!strcmp(o, "--"))
			return 0;
		if (vals && ol > 2 && o[0] == '-' && o[1] != '-' && o[ol - 1] == 'c' &&
		    strcspn(o + 1, vals) == ol - 1 &&
		    strspn(o + 1, "abcdefghijklmnopqrstuvwxyz"
		                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ol - 1 &&
		    i + 1 < argc && argv[i + 1])
			return i + 1;
		if ((!strcmp(o, "-c") || !strcmp(o, "--command") || !strcmp(o, "--run")) &&
		    i + 1 < argc && argv[i + 1])
			return i + 1;
		if (!strncmp(argv[i], "--command=", 10) || !strncmp(argv[i], "--run=", 6)) {
			*at = argv[i][2] == 'c' ? 10 : 6;
			return i;
		}
	}
	return 0;
}

/* watch's command (watch(1)): its options skipped (-n SECS, -q CYCLES
 * take a value), the rest joined with spaces and run by sh -c, or with
 * -x/--exec run as an argv: *xat is then its index, for the caller to
 * judge (not from this frame). Returns MOAT_BLOCK or -1. Its own frame:
 * the joined line (4 KB) is on the stack only here, never under a nested
 * argv's check (watch -x watch -x ... took 4 KB a level: 3,000 levels
 * overran an 8 MB stack). */
static __attribute__((noinline)) int ma_sh_watch_check(struct moat_request *r,
                                                       const char *const *argv, int argc, int prog,
                                                       int *xat, const char *file, int line,
                                                       const char *function)
{
	int i = prog + 1, x = 0;
	char cmd[4096];

	for (; i < argc && argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i];
		if (!strcmp(o, "--")) {
			i++;
			break;
		}
		if (!strcmp(o, "-x") || !strcmp(o, "--exec"))
			x = 1;
		else if (o[1] != '-' && strpbrk(o + 1, "nq") && !o[strcspn(o + 1, "nq") + 2])
			i++; /* -n SECS, -q CYCLES (last of its cluster): its value */
		else if (!strcmp(o, "--interval") || !strcmp(o, "--equexit"))
			i++;
	}
	*xat = 0;
	if (i >= argc || !argv[i])
		return -1;
	if (x) {
		*xat = i;
		return -1;
	}
	return ma_sh_join_check(r, argv + i, argc - i, cmd, sizeof cmd, file, line, function);
}

static int ma_sh_argv_check(struct moat_request *r, const char *const *argv, int argc, int depth,
                            const char *file, int line, const char *function);

/* How many argv checks may nest (find -exec find -exec ..., watch -x
 * watch -x ...): a command nested deeper is not judged as an argv of
 * its own (the stack a check takes stays bounded whatever argv holds);
 * it fails closed instead (ma_sh_nested_check). */
#define MA_SH_NEST_MAX 8

/* The command argv[0..argc) another program runs, at depth (the argv
 * checks around it): judged as an argv of its own below MA_SH_NEST_MAX;
 * deeper, an input in it that the line check does not find inert fires
 * cmd.too_long (misc9: it was allowed unjudged, `find -exec` ten deep
 * then `sh -c LINE`). MOAT_BLOCK or -1. */
static int ma_sh_nested_check(struct moat_request *r, const char *const *argv, int argc, int depth,
                              const char *file, int line, const char *function)
{
	if (depth < MA_SH_NEST_MAX)
		return ma_sh_argv_check(r, argv, argc, depth + 1, file, line, function) ==
		               MOAT_BLOCK
		           ? MOAT_BLOCK
		           : -1;
	return ma_sh_past_cut_fire(r, argv, argc, argv, argc, 0, file, line, function) == MOAT_BLOCK
	           ? MOAT_BLOCK
	           : -1;
}

/* The element e judged as a command line: MOAT_BLOCK or -1. */
static int ma_sh_elem_line(struct moat_request *r, const char *e, const char *file, int line,
                           const char *function)
{
	size_t n = strlen(e);

	return ma_sh_check(r, e, n, e, n, file, line, function) == MOAT_BLOCK ? MOAT_BLOCK : -1;
}

/* An input (any of its forms) that occurs in the element e and holds
 * one of the needles (NULL-ended) fires rule: ma_sh_argv_fire's answer,
 * or -1 (a template's code the input brings: parallel's {= perl =},
 * ansible's Jinja2 {{ }} / {% %}). */
static int ma_sh_brings(struct moat_request *r, const char *const *argv, int argc, const char *e,
                        const char *const *needles, const char *file, int line,
                        const char *function)
{
	size_t nin, n = strlen(e);
	const struct ma_input *in = ma_request_inputs(r, &nin);

	for (size_t i = 0; i < nin; i++)
		for (int f = 0; f < in[i].nforms; f++) {
			const char *v = in[i].form[f];
			size_t vl = in[i].form_len[f];
			int has = 0;
			if (vl < 2 || vl > n || !memmem(e, n, v, vl))
				continue;
			for (int k = 0; needles[k] && !has; k++)
				has = memmem(v, vl, needles[k], strlen(needles[k])) != NULL;
			if (has) {
				int x = ma_sh_argv_fire(r, argv, argc, &in[i], f, "cmd.program",
				                        file, line, function);
				if (x >= 0)
					return x;
			}
		}
	return -1;
}

/* 1 when the module name m hands its argument to a shell (ansible's
 * shell and raw, also ansible.builtin.* and ansible.legacy.*). */
static int ma_sh_ansible_shell(const char *m)
{
	if (!strncmp(m, "ansible.builtin.", 16))
		m += 16;
	else if (!strncmp(m, "ansible.legacy.", 15))
		m += 15;
	else if (!strncmp(m, "ansible.windows.", 16))
		m += 16;
	return !strcmp(m, "shell") || !strcmp(m, "raw") || !strcmp(m, "win_shell") ||
	       !strcmp(m, "script");
}

/* ansible's ad hoc argument (-a/--args, -aARGS, --args=ARGS) in any
 * order with the module (-m/--module-name, the last one wins): judged
 * as a command line when the module is shell or raw (command, the
 * default, runs no shell). MOAT_BLOCK or -1. */
static int ma_sh_ansible_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                               const char *file, int line, const char *function)
{
	const char *mod = "command", *args = NULL;

	for (int i = prog + 1; i < argc && argv[i]; i++) {
		const char *o = argv[i];
		int next = i + 1 < argc && argv[i + 1];
		if ((!strcmp(o, "-m") || !strcmp(o, "--module-name")) && next)
			mod = argv[++i];
		else if ((!strcmp(o, "-a") || !strcmp(o, "--args")) && next)
			args = argv[++i];
		else if (!strncmp(o, "--module-name=", 14))
			mod = o + 14;
		else if (!strncmp(o, "--args=", 7))
			args = o + 7;
		else if (o[0] == '-' && o[1] == 'm' && o[2])
			mod = o + 2;
		else if (o[0] == '-' && o[1] == 'a' && o[2])
			args = o + 2;
	}
	static const char *const jinja[] = {"{{", "{%", NULL};

	if (!args)
		return -1;
	/* every module's arguments are a Jinja2 template on the
	 * controller: {{ lookup('pipe', 'id') }} runs a command there */
	if (ma_sh_brings(r, argv, argc, args, jinja, file, line, function) >= 0)
		return MOAT_BLOCK;
	if (!ma_sh_ansible_shell(mod))
		return -1;
	return ma_sh_elem_line(r, args, file, line, function);
}

/* socat's SYSTEM: address (after "SYSTEM:"): its command line up to the
 * first ',' (the address options follow), judged in place (misc9: a
 * 4 KB copy left a longer command unjudged). MOAT_BLOCK or -1. */
static int ma_sh_socat_line(struct moat_request *r, const char *l, const char *file, int line,
                            const char *function)
{
	size_t n = strcspn(l, ",");

	return ma_sh_check(r, l, n, l, n, file, line, function) == MOAT_BLOCK ? MOAT_BLOCK : -1;
}

/* One argument of screen -X eval (a screen command): stuff's text,
 * its quotes removed ("..." or '...' around it whole, as screen reads
 * them), judged in place as a command line the window's shell runs
 * (misc9: a 4 KB copy left a longer text unjudged); screen's and exec's
 * words, the program a new window runs (screen splits and unquotes them
 * as a shell would: judged as a line, so sh -c '...' in them is read;
 * shell41, after review27's note). MOAT_BLOCK or -1. */
static int ma_sh_screen_stuff(struct moat_request *r, const char *e, const char *file, int line,
                              const char *function)
{
	size_t n;

	e += strspn(e, " \t");
	if ((!strncmp(e, "screen", 6) && (e[6] == ' ' || e[6] == '\t')) ||
	    (!strncmp(e, "exec", 4) && (e[4] == ' ' || e[4] == '\t'))) {
		e += e[0] == 's' ? 6 : 4;
		n = strlen(e);
		return ma_sh_check(r, e, n, e, n, file, line, function) == MOAT_BLOCK ? MOAT_BLOCK
		                                                                      : -1;
	}
	if (strncmp(e, "stuff", 5) || (e[5] != ' ' && e[5] != '\t'))
		return -1;
	e += 5 + strspn(e + 5, " \t");
	n = strlen(e);
	if (n >= 2 && (e[0] == '"' || e[0] == '\'') && e[n - 1] == e[0]) {
		e++;
		n -= 2;
	}
	return ma_sh_check(r, e, n, e, n, file, line, function) == MOAT_BLOCK ? MOAT_BLOCK : -1;
}

/* salt's command after the function at argv[i] that the table of
 * ma_sh_runner_elems does not read as its first argument: cmd.run_chroot
 * ROOT CMD (the second positional), and the cmd= or name= keyword
 * argument of cmd.run_chroot, cmd.wait and state.single cmd.run (the
 * state's name is its command; shell36). NULL when none. */
static const char *ma_sh_salt_cmd(const char *const *argv, int argc, int i)
{
	const char *e = argv[i];
	int chroot = !strcmp(e, "cmd.run_chroot"), pos = 0;

	if (!chroot && strcmp(e, "cmd.wait") &&
	    !(!strcmp(e, "cmd.run") && i > 0 && !strcmp(argv[i - 1], "state.single")))
		return NULL;
	for (int j = i + 1; j < argc && argv[j]; j++) {
		const char *eq = strchr(argv[j], '=');
		if (!eq) {
			if (chroot && ++pos == 2)
				return argv[j];
			continue;
		}
		if (!strncmp(argv[j], "cmd=", 4) || !strncmp(argv[j], "name=", 5))
			return eq + 1;
	}
	return NULL;
}

/* The element a runner hands to a shell as a command line: screen's
 * text after -X stuff (typed into the window's shell), socat's
 * SYSTEM:LINE address (sh -c; EXEC: splits its words), salt's argument
 * after cmd.run, cmd.shell ... (b: the runner's base name). MOAT_BLOCK
 * or -1. */
static int ma_sh_runner_elems(struct moat_request *r, const char *const *argv, int argc, int prog,
                              const char *b, const char *file, int line, const char *function)
{
	static const char salt_runs[] =
	    "cmd.run cmd.shell cmd.run_all cmd.run_stdout "
	    "cmd.run_stderr cmd.run_bg cmd.retcode cmd.exec_code_all cmd.powershell";

	for (int i = prog + 1; i < argc && argv[i]; i++) {
		const char *e = argv[i], *l = NULL;
		int next = i + 1 < argc && argv[i + 1];
		if (b[1] == 'o') { /* socat */
			int k = 0, x = 0;
			while (k < 7 && e[k] && (e[k] | 0x20) == "system:"[k])
				k++;
			while (x < 5 && e[x] && (e[x] | 0x20) == "exec:"[x])
				x++;
			/* an input that brings the address's type picks the
			 * program socat runs (SYSTEM:..., EXEC:...; shell36) */
			if ((k == 7 || x == 5) &&
			    ma_sh_argv_file(r, argv, argc, e, k == 7 ? 7 : 5, "cmd.program", file,
			                    line, function) >= 0)
				return MOAT_BLOCK;
			if (k == 7 && ma_sh_socat_line(r, e + 7, file, line, function) >= 0)
				return MOAT_BLOCK;
			continue;
		} else if (b[1] == 'c') { /* screen */
			if (!strcmp(e, "stuff") && i > prog + 1 && !strcmp(argv[i - 1], "-X") &&
			    next)
				l = argv[i + 1];
			/* -X eval's arguments: screen commands (stuff "...") */
			if (!strcmp(e, "eval") && i > prog + 1 && !strcmp(argv[i - 1], "-X"))
				for (int j = i + 1; j < argc && argv[j]; j++)
					if (ma_sh_screen_stuff(r, argv[j], file, line, function) >=
					    0)
						return MOAT_BLOCK;
		} else if (next && ma_sh_in_words(salt_runs, e, strlen(e))) {
			l = argv[i + 1];
		} else if (next) {
			l = ma_sh_salt_cmd(argv, argc, i);
		}
		if (l && ma_sh_elem_line(r, l, file, line, function) >= 0)
			return MOAT_BLOCK;
	}
	return -1;
}

/* A tmux command string (if-shell's, set-hook's, bind-key's: tmux
 * parses it as its own command line) judged as "tmux STRING" is, so
 * run-shell '...' in it is read as tmux's run-shell. Its own frame: the
 * line (4 KB) is on the stack only here. A longer string (argv[0..argc)
 * holds it) fails closed: an input in it that the line check does not
 * find inert fires cmd.too_long (misc9: it was allowed unjudged).
 * MOAT_BLOCK or -1. */
static __attribute__((noinline)) int ma_sh_tmux_string(struct moat_request *r,
                                                       const char *const *argv, int argc,
                                                       const char *e, const char *file, int line,
                                                       const char *function)
{
	char cmd[4096];
	size_t n = strlen(e);

	if (n + 6 > sizeof cmd)
		return ma_sh_past_cut_fire(r, argv, argc, &e, 1, 0, file, line, function) ==
		               MOAT_BLOCK
		           ? MOAT_BLOCK
		           : -1;
	memcpy(cmd, "tmux ", 5);
	memcpy(cmd + 5, e, n + 1);
	return ma_sh_check(r, cmd, n + 5, cmd, n + 5, file, line, function) == MOAT_BLOCK
	           ? MOAT_BLOCK
	           : -1;
}

/* tmux's commands (tmux(1), 3.3) whose shell-command its server runs:
 * after tmux's own options (-c SHELL-COMMAND runs one too; -L, -S, -f,
 * -T take a value) each command up to a ";" element; one of these
 * (new-session, new-window, split-window, respawn-*, run-shell,
 * pipe-pane, display-popup, short names too) after its options (those
 * of -c -e -F -l -L -n -N -s -S -t -T -w -x -y with their value) runs a
 * single argument with sh -c and several as an argv; send-keys types
 * each argument into the pane's shell. MOAT_BLOCK or -1. */
static int ma_sh_tmux_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                            int depth, const char *file, int line, const char *function)
{
	static const char runs[] = "new-session new new-window neww split-window splitw "
	                           "respawn-pane respawnp respawn-window respawnw run-shell run "
	                           "pipe-pane pipep display-popup popup";
	int i = prog + 1;

	for (; i < argc && argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i];
		if (!strcmp(o, "--")) {
			i++;
			break;
		}
		if (!o[2] && strchr("cLSfT", o[1]) && i + 1 < argc && argv[i + 1]) {
			if (o[1] == 'c' &&
			    ma_sh_elem_line(r, argv[i + 1], file, line, function) >= 0)
				return MOAT_BLOCK;
			i++;
		}
	}
	while (i < argc && argv[i]) {
		const char *c = argv[i++];
		int a, e, keys = !strcmp(c, "send-keys") || !strcmp(c, "send");
		int ifs = !strcmp(c, "if-shell") || !strcmp(c, "if");
		int hook = !strcmp(c, "set-hook") || !strcmp(c, "bind-key") || !strcmp(c, "bind");
		if (ifs || hook) {
			/* if-shell's condition is a shell command, its other
			 * arguments tmux commands; set-hook's and bind-key's
			 * last argument a tmux command */
			for (; i < argc && argv[i] && argv[i][0] == '-' && argv[i][1]; i++)
				if (!argv[i][2] && strchr("tTNn", argv[i][1]) && i + 1 < argc)
					i++;
			for (a = e = i; e < argc && argv[e] && strcmp(argv[e], ";"); e++)
				;
			for (int k = a; k < e; k++)
				if ((ifs && k == a
				         ? ma_sh_elem_line(r, argv[k], file, line, function)
				         : ma_sh_tmux_string(r, argv, argc, argv[k], file, line,
				                             function)) >= 0)
					return MOAT_BLOCK;
			i = e + 1;
			continue;
		}
		int run = keys || ma_sh_in_words(runs, c, strlen(c));
		for (; run && i < argc && argv[i] && argv[i][0] == '-' && argv[i][1]; i++)
			if (!argv[i][2] && strchr("ceFlLnNsStTwxy", argv[i][1]) && i + 1 < argc)
				i++;
		for (a = e = i; e < argc && argv[e] && strcmp(argv[e], ";"); e++)
			;
		if (!run) {
			/* a format's #(...) runs with sh where tmux expands it
			 * (display-message -p, status-right ...): an input that
			 * brings it (shell39, review24c) */
			static const char *const fmt[] = {"#(", NULL};
			for (int k = a; k < e; k++)
				if (strstr(argv[k], "#(") &&
				    ma_sh_brings(r, argv, argc, argv[k], fmt, file, line,
				                 function) >= 0)
					return MOAT_BLOCK;
		}
		if (run && keys) {
			for (int k = a; k < e; k++)
				if (ma_sh_elem_line(r, argv[k], file, line, function) >= 0)
					return MOAT_BLOCK;
		} else if (run && e - a == 1) {
			if (ma_sh_elem_line(r, argv[a], file, line, function) >= 0)
				return MOAT_BLOCK;
		} else if (run && e - a > 1 &&
		           ma_sh_nested_check(r, argv + a, e - a, depth, file, line, function) ==
		               MOAT_BLOCK) {
			return MOAT_BLOCK;
		}
		i = e + 1;
	}
	return -1;
}

/* 1 when a form of two bytes or more (those the line check reads) of an
 * input of r occurs in e. */
static int ma_sh_holds_input(struct moat_request *r, const char *e)
{
	size_t nin, n = strlen(e);
	const struct ma_input *in = ma_request_inputs(r, &nin);

	for (size_t i = 0; i < nin; i++)
		for (int f = 0; f < in[i].nforms; f++)
			if (in[i].form_len[f] >= 2 && in[i].form_len[f] <= n &&
			    memmem(e, n, in[i].form[f], in[i].form_len[f]))
				return 1;
	return 0;
}

/* GNU parallel (parallel(1), 20221122): its command template (the
 * elements after its options up to ::: or ::::) joined with blanks is a
 * line a shell runs (with -q/--quote an argv); --limit's value is a
 * command line; an argument after ::: or :::+ is run as a command line
 * when there is no template or the template's first word holds a
 * replacement string (left unquoted there), and otherwise given to the
 * template quoted, at its first replacement string or after it: that
 * line is judged (parallel sh -c ::: '...' runs the argument as sh -c's
 * script). Arguments after :::: name files. Every argument after ::: is
 * judged (argv64: they were up to the 64th). Its own frame: the line
 * (4 KB) is on the stack only here. MOAT_BLOCK or -1. */
static __attribute__((noinline)) int
ma_sh_parallel_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                     int parset, int depth, const char *file, int line, const char *function)
{
	static const char *const perl[] = {"{=", NULL};
	char cmd[4096];
	int i = prog + 1, quote = 0, t0, t1, rs, files = 0, seen = 0;
	size_t n;

	for (; i < argc && argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i];
		if (!strcmp(o, "--")) {
			i++;
			break;
		}
		if (!strcmp(o, "-q") || !strcmp(o, "--quote"))
			quote = 1;
		if (ma_sh_parallel_value_opt(o, strlen(o)) && i + 1 < argc && argv[i + 1]) {
			if ((!strcmp(o, "--limit") || !strcmp(o, "--ssh") || !strcmp(o, "-S") ||
			     !strcmp(o, "--sshlogin")) &&
			    ma_sh_elem_line(r, argv[i + 1], file, line, function) >= 0)
				return MOAT_BLOCK;
			i++;
		} else if (!strncmp(o, "--limit=", 8) &&
		           ma_sh_elem_line(r, o + 8, file, line, function) >= 0) {
			return MOAT_BLOCK;
		}
	}
	if (parset)
		i++; /* parset's variable names */
	t0 = i;
	for (t1 = t0; t1 < argc && argv[t1] && strncmp(argv[t1], ":::", 3); t1++)
		;
	for (i = t0; i < t1; i++) /* {= perl =}: code parallel evaluates */
		if (ma_sh_brings(r, argv, argc, argv[i], perl, file, line, function) >= 0)
			return MOAT_BLOCK;
	if (t1 > t0) {
		if (quote) {
			if (ma_sh_nested_check(r, argv + t0, t1 - t0, depth, file, line,
			                       function) == MOAT_BLOCK)
				return MOAT_BLOCK;
		} else {
			if (ma_sh_join_check(r, argv + t0, t1 - t0, cmd, sizeof cmd, file, line,
			                     function) == MOAT_BLOCK)
				return MOAT_BLOCK;
		}
	}
	/* the template to its first replacement string */
	for (rs = t0; rs < t1 && argv[rs][0] != '{'; rs++)
		;
	if (!quote) {
		n = ma_sh_join(argv + t0, rs - t0, cmd, sizeof cmd);
	} else {
		/* -q: each template word one word, as parallel quotes it */
		n = 0;
		for (i = t0; i < rs; i++) {
			size_t l = strlen(argv[i]);
			if (strchr(argv[i], '\'') || n + l + 3 > sizeof cmd)
				return -1;
			if (n)
				cmd[n++] = ' ';
			cmd[n++] = '\'';
			memcpy(cmd + n, argv[i], l);
			n += l;
			cmd[n++] = '\'';
		}
	}
	for (i = t1; i < argc && argv[i]; i++) {
		const char *a = argv[i];
		if (!strncmp(a, ":::", 3)) {
			files = a[3] == ':';
			continue;
		}
		if (files)
			continue;
		/* argv64: every argument is judged (each is a line of its own,
		 * whose places the line check bounds; they stopped at the 64th
		 * and allowed the rest); past the 64th, one that holds no input
		 * cannot fire and is not read */
		if (seen >= MA_SH_ARGV_PLACES && !ma_sh_holds_input(r, a))
			continue;
		seen++;
		if (t1 == t0 || strchr(argv[t0], '{') || strchr(a, '\'')) {
			/* run as a command line (an argument with a quote of
			 * its own is judged so too: it cannot be quoted here) */
			if (t1 == t0 || strchr(argv[t0], '{')) {
				if (ma_sh_elem_line(r, a, file, line, function) >= 0)
					return MOAT_BLOCK;
			}
			continue;
		}
		{
			size_t l = strlen(a), m = n;
			if (m + l + 4 > sizeof cmd) {
				/* the template and the argument do not fit the
				 * line: not judged whole, an input in the argument
				 * that is not inert fails closed (cmd.too_long;
				 * shell37: it was not judged) */
				if (ma_sh_past_cut_fire(r, argv, argc, &a, 1, 0, file, line,
				                        function) == MOAT_BLOCK)
					return MOAT_BLOCK;
				continue;
			}
			if (m)
				cmd[m++] = ' ';
			cmd[m++] = '\'';
			memcpy(cmd + m, a, l);
			m += l;
			cmd[m++] = '\'';
			if (ma_sh_check(r, cmd, m, cmd, m, file, line, function) == MOAT_BLOCK)
				return MOAT_BLOCK;
		}
	}
	return -1;
}

/* 1 when perl code v reads its operands through the two-argument open
 * of <> (<> or <ARGV>; not <<>>, which opens them as plain files). */
static int ma_sh_perl_reads_argv(const char *v)
{
	for (const char *p = strstr(v, "<>"); p; p = strstr(p + 1, "<>"))
		if ((p == v || p[-1] != '<') && p[2] != '>')
			return 1;
	return strstr(v, "<ARGV>") != NULL;
}

/* 1 when perl's two-argument open reads the operand e as a command or
 * a file to write (perlop, "I/O Operators": "<> ... a file named
 * 'rm -rfv *|' runs"): '|' last, or '|' or '>' first, blanks aside. */
static int ma_sh_perl_magic(const char *e)
{
	size_t n;

	e += strspn(e, " \t");
	n = strlen(e);
	while (n > 0 && (e[n - 1] == ' ' || e[n - 1] == '\t' || e[n - 1] == '\n'))
		n--;
	return n > 0 && (e[0] == '|' || e[0] == '>' ||
	                 (e[0] == '+' && (e[1] == '<' || e[1] == '>')) || e[n - 1] == '|');
}

/* perl -n / -p (or code that reads <>): its operands (after the script
 * file when no -e gives the code) are opened with the two-argument open,
 * so an operand "cmd|" runs cmd and ">file" truncates file (review24q:
 * perl -ne print 'id -un|' ran id). An input that brings the '|' or '>'
 * of such an operand fires cmd.program. MOAT_BLOCK or -1. */
static int ma_sh_perl_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                            const char *file, int line, const char *function)
{
	static const char *const needles[] = {"|", ">", NULL};
	int i, reads = 0, code = 0;

	for (i = prog + 1; i < argc && argv[i]; i++) {
		const char *o = argv[i];
		if (!strcmp(o, "--")) {
			i++;
			break;
		}
		if (o[0] != '-' || !o[1])
			break;
		for (size_t k = 1; o[k]; k++) {
			char c = o[k];
			if (c == 'n' || c == 'p') {
				reads = 1;
			} else if (c == 'e' || c == 'E') {
				const char *v = o[k + 1]                      ? o + k + 1
				                : i + 1 < argc && argv[i + 1] ? argv[++i]
				                                              : "";
				code = 1;
				reads |= ma_sh_perl_reads_argv(v);
				break;
			} else if (c == 'I' || c == 'M' || c == 'm') {
				if (!o[k + 1] && c == 'I')
					i++; /* -I DIR */
				break;
			} else if (c == 'l' || c == '0') {
				while (o[k + 1] >= '0' && o[k + 1] <= '9')
					k++; /* -l[octnum], -0[digits] */
			} else if (strchr("FiCdDx", c)) {
				break; /* their value attached: the rest */
			}
		}
	}
	if (!reads)
		return -1;
	if (!code && i < argc && argv[i])
		i++; /* the script file */
	for (; i < argc && argv[i]; i++)
		if (ma_sh_perl_magic(argv[i])) {
			int v = ma_sh_brings(r, argv, argc, argv[i], needles, file, line, function);
			if (v >= 0)
				return v;
		}
	return -1;
}

/* A make variable's value judged where a recipe pastes it: as a word
 * of a command ("echo VALUE"), not as the command's name (a path
 * "C:/Users/bob/My File.txt" names no program there). Its own frame: the
 * line (4 KB) is on the stack only here, under no nested argv check; a
 * longer value is judged as a line of its own. MOAT_BLOCK or -1. */
static __attribute__((noinline)) int ma_sh_make_value(struct moat_request *r, const char *val,
                                                      const char *file, int line,
                                                      const char *function)
{
	char buf[4096];
	size_t n = strlen(val);

	if (n + 5 >= sizeof buf)
		return ma_sh_elem_line(r, val, file, line, function);
	memcpy(buf, "echo ", 5);
	memcpy(buf + 5, val, n + 1);
	return ma_sh_check(r, buf, n + 5, val, n, file, line, function) == MOAT_BLOCK ? MOAT_BLOCK
	                                                                              : -1;
}

/* make's command-line variables (GNU make 4.3, "Overriding Variables"):
 * an operand NAME=VALUE (also :=, ::=, +=, ?=, != that runs VALUE at
 * once) sets a variable the makefile's recipes expand into lines that
 * /bin/sh runs. An input that writes the name or the operator fires
 * cmd.option (SHELL=, CC= pick what runs); an input in the value is
 * judged with the value as a command line (review24u: make
 * 'VERSION=1.0; id' ran id in `echo building $(VERSION)`). MOAT_BLOCK
 * or -1. */
static int ma_sh_make_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                            const struct ma_sh_prog_opts *po, const char *file, int line,
                            const char *function)
{
	size_t nin;
	const struct ma_input *in = ma_request_inputs(r, &nin);

	for (int i = prog + 1; i < argc && argv[i]; i++) {
		const char *o = argv[i], *eq, *nm, *val;
		size_t nl, at, head;
		if (o[0] == '-' && o[1]) {
			if (o[1] != '-' && strchr("jl", o[strlen(o) - 1]) && i + 1 < argc &&
			    argv[i + 1] && argv[i + 1][0] >= '0' && argv[i + 1][0] <= '9')
				i++; /* -j 4, -l 2.5 */
			else {
				int rd = ma_sh_opt_read(po, o, &nm, &nl, &at);
				const char *text = NULL;
				if ((rd & MA_SH_OPT_NEXT) && i + 1 < argc)
					text = argv[++i];
				else if (at)
					text = o + at;
				/* --eval=TEXT, -E TEXT (GNU make 4.4): makefile
				 * text, its recipes run by the shell (review26d:
				 * make --eval='t:;LINE' t ran LINE) */
				if (text &&
				    ((nl == 1 && *nm == 'E') ||
				     (nl == 6 && !memcmp(nm, "--eval", 6))) &&
				    ma_sh_elem_line(r, text, file, line, function) == MOAT_BLOCK)
					return MOAT_BLOCK;
			}
			continue;
		}
		eq = strchr(o, '=');
		if (!eq || eq == o || strcspn(o, " \t#") < (size_t)(eq - o))
			continue; /* a target */
		val = eq + 1;
		head = (size_t)(val - o);
		for (size_t k = 0; k < nin; k++)
			for (int f = 0; f < in[k].nforms && !in[k].plain; f++) {
				const char *v = in[k].form[f], *p;
				size_t vl = in[k].form_len[f];
				if (vl < 2 || !(p = memmem(o, strlen(o), v, vl)) ||
				    (size_t)(p - o) >= head)
					continue;
				int x = ma_sh_argv_fire(r, argv, argc, &in[k], f, "cmd.option",
				                        file, line, function);
				if (x >= 0)
					return x;
			}
		if (*val && ma_sh_make_value(r, val, file, line, function) == MOAT_BLOCK)
			return MOAT_BLOCK;
	}
	return -1;
}

/* A shell's start-up file given on its command line (bash --rcfile
 * FILE, --init-file FILE; yash --rcfile=FILE, --profile=FILE): code the
 * shell sources, judged as a file of code (ma_sh_file_value_judge: an
 * input that names it or climbs out with ".."). MOAT_BLOCK or -1. */
static int ma_sh_shell_rcfile(struct moat_request *r, const char *const *argv, int argc, int prog,
                              const char *file, int line, const char *function)
{
	if (ma_sh_shell_kind(ma_sh_base(argv[prog])) != 1)
		return -1;
	for (int i = prog + 1; i < argc && argv[i] && argv[i][0] == '-'; i++) {
		const char *o = argv[i], *v = NULL;
		if (!strcmp(o, "--"))
			break;
		if ((!strcmp(o, "--rcfile") || !strcmp(o, "--init-file") ||
		     !strcmp(o, "--profile")) &&
		    i + 1 < argc && argv[i + 1])
			v = argv[++i];
		else if (!strncmp(o, "--rcfile=", 9) || !strncmp(o, "--profile=", 10))
			v = strchr(o, '=') + 1;
		else if ((o[1] != '-' && (o[strlen(o) - 1] == 'o' || o[strlen(o) - 1] == 'O')) ||
		         !strcmp(o, "--emulate"))
			i++;
		if (v) {
			int x = ma_sh_value_check(r, argv, argc, MA_SH_VAL_FILE, 0, v, file, line,
			                          function);
			if (x >= 0)
				return x;
		}
	}
	return -1;
}

/* The programs whose command is not a run of argv: flatpak run
 * --command=PROG APP ARGS (PROG run with ARGS), start-stop-daemon
 * --exec/--startas PROG ... -- ARGS, scl enable|run COLL... LINE (the
 * last operand, run by bash -c) or COLL... -- ARGV (review25). A shell
 * named so has its -c line judged; scl's line or argv as such.
 * MOAT_BLOCK or -1. */
static int ma_sh_named_program(struct moat_request *r, const char *const *argv, int argc, int prog,
                               const char *b, int depth, const char *file, int line,
                               const char *function)
{
	const char *pg = NULL;
	int i = prog + 1, args = 0, sc;

	if (b[0] == 's' && b[1] == 'c') { /* scl */
		for (; i < argc && argv[i] && strcmp(argv[i], "enable") && strcmp(argv[i], "run");
		     i++)
			;
		for (int j = i + 1; i < argc && j < argc && argv[j]; j++)
			if (!strcmp(argv[j], "--"))
				return j + 1 < argc && argv[j + 1]
				           ? ma_sh_nested_check(r, argv + j + 1, argc - j - 1,
				                                depth, file, line, function)
				           : -1;
		if (i + 2 >= argc || !argv[i + 2])
			return -1; /* no collection and line */
		return ma_sh_elem_line(r, argv[argc - 1], file, line, function);
	}
	if (b[0] == 'n') { /* nix run INSTALLABLE -- ARGS: the package's program */
		for (; i < argc && argv[i] && strcmp(argv[i], "run"); i++)
			;
		for (int j = i + 1; i < argc && j < argc && argv[j]; j++) {
			if (!strcmp(argv[j], "--")) {
				args = j + 1;
				break;
			}
			if (!pg && argv[j][0] != '-')
				pg = strchr(argv[j], '#') ? strchr(argv[j], '#') + 1 : argv[j];
		}
		i = argc;
	}
	for (; i < argc && argv[i]; i++) {
		const char *o = argv[i];
		int fp = b[0] == 'f';
		if (!strcmp(o, "--")) {
			args = i + 1;
			break;
		}
		if (fp ? !strncmp(o, "--command=", 10)
		       : !strncmp(o, "--exec=", 7) || !strncmp(o, "--startas=", 10))
			pg = strchr(o, '=') + 1;
		else if ((fp ? !strcmp(o, "--command")
		             : !strcmp(o, "--exec") || !strcmp(o, "-x") ||
		                   !strcmp(o, "--startas") || !strcmp(o, "-a")) &&
		         i + 1 < argc && argv[i + 1])
			pg = argv[++i];
		else if (fp && o[0] != '-' && strcmp(o, "run") && i > prog + 1) {
			args = i + 1; /* flatpak: the operand after run is APP */
			break;
		}
	}
	if (!pg || !args || args >= argc || !argv[args])
		return -1;
	if (!ma_sh_shell_c_from(ma_sh_base(pg), argv, argc, args, &sc) || sc <= 0)
		return -1;
	return ma_sh_elem_line(r, argv[sc], file, line, function);
}

/* sg's command (sg(1), shadow 4.13: sg [-] [GROUP [-c] COMMAND]): the
 * element after the group, with or without -c, run by /bin/sh -c.
 * MOAT_BLOCK or -1. */
static int ma_sh_sg_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                          const char *file, int line, const char *function)
{
	int i = prog + 1;

	if (i < argc && argv[i] && !strcmp(argv[i], "-"))
		i++;
	if (i >= argc || !argv[i])
		return -1;
	i++; /* the group */
	if (i < argc && argv[i] && !strcmp(argv[i], "-c"))
		i++;
	if (i >= argc || !argv[i])
		return -1;
	return ma_sh_elem_line(r, argv[i], file, line, function);
}

/* A shell's -c line further in the argv than its program, when that
 * program is none the lexicon knows (ma_sh_name_kind: a wrapper the
 * tables do not know, `/opt/bin/jail --opt sh -c LINE`), judged as a
 * command line, as the line check judges a quoted word after "sh -c"
 * whatever comes before it; a known program's operands stay its own
 * (docker logs web sh -c ..., grep -r sh -c FILE). Only a shell's name
 * followed at once by an option (sh -c, bash -O x -c, pwsh -Command).
 * MOAT_BLOCK or -1. */
static int ma_sh_later_shells(struct moat_request *r, const char *const *argv, int argc, int prog,
                              const char *file, int line, const char *function)
{
	for (int i = prog + 1; i + 1 < argc && argv[i + 1]; i++) {
		const char *a = argv[i + 1];
		int sc;
		if ((a[0] != '-' && a[0] != '+') || !a[1])
			continue;
		if (!ma_sh_is_shell_c_at(argv, argc, i, &sc) || sc <= 0)
			continue;
		if (ma_sh_elem_line(r, argv[sc], file, line, function) == MOAT_BLOCK)
			return MOAT_BLOCK;
		i = sc;
	}
	return -1;
}

/* How deep an env -S may stand and still have its STRING split: each
 * split holds its words (4 KB) on the stack while the argv they make is
 * checked, so eight nested (env -S env -S ... psql -c ..., from one
 * element of argv) took 42 KB, over moatagent.h's 32 KB per call; an
 * env -S nested deeper is judged as an argv of its own, unsplit. */
#define MA_SH_ENV_NEST_MAX 2

/* fish's lines given by option (fish 3.6, getopt_long with "+": its
 * options end at the first operand): -c/--command and -C/--init-command,
 * the value attached (-cLINE, --command=LINE) or the next element, the
 * long names by any unambiguous prefix (--comm=, --init=; --i and --in
 * are --interactive's too); -p, -d, -o, -f, -D take a value of their own.
 * Each line judged as a command line (review26d: --command=LINE and
 * --init-command=LINE went unjudged). MOAT_BLOCK or -1. */
static int ma_sh_fish_lines(struct moat_request *r, const char *const *argv, int argc, int prog,
                            const char *file, int line, const char *function)
{
	for (int i = prog + 1; i < argc && argv[i]; i++) {
		const char *o = argv[i], *l = NULL;
		if (o[0] != '-' || !o[1] || !strcmp(o, "--"))
			break;
		if (o[1] == '-') {
			size_t n = strcspn(o + 2, "=");
			int cmd = n >= 1 && n <= 7 && !memcmp(o + 2, "command", n);
			int init = n >= 3 && n <= 12 && !memcmp(o + 2, "init-command", n);
			if (!cmd && !init)
				continue;
			if (o[2 + n] == '=')
				l = o + 3 + n;
			else if (i + 1 < argc)
				l = argv[++i];
		} else {
			for (size_t k = 1; o[k]; k++) {
				if (!strchr("cCpdofD", o[k]))
					continue;
				if (o[k + 1])
					l = o + k + 1;
				else if (i + 1 < argc)
					l = argv[++i];
				if (o[k] != 'c' && o[k] != 'C')
					l = NULL;
				break;
			}
		}
		if (l && ma_sh_elem_line(r, l, file, line, function) == MOAT_BLOCK)
			return MOAT_BLOCK;
	}
	return -1;
}

/* git submodule [--quiet] foreach [--recursive] CMD...: one element git
 * runs with the shell in each submodule (a line), several as an argv
 * (git 2.39, submodule--helper: use_shell for one; review26d). git's own
 * options before the subcommand skipped with their values (-C DIR, -c
 * NAME=VALUE). MOAT_BLOCK or -1. */
static int ma_sh_git_run(struct moat_request *r, const char *const *argv, int argc, int i,
                         int depth, const char *file, int line, const char *function)
{
	if (i + 1 < argc && argv[i + 1])
		return ma_sh_nested_check(r, argv + i, argc - i, depth, file, line, function);
	return ma_sh_elem_line(r, argv[i], file, line, function);
}

static int ma_sh_git_foreach(struct moat_request *r, const char *const *argv, int argc, int prog,
                             int depth, const char *file, int line, const char *function)
{
	const struct ma_sh_prog_opts *po = ma_sh_prog_find("git");
	int step = 0; /* 0: before "submodule", 1: before "foreach", 2: the line next */

	for (int i = prog + 1; i < argc && argv[i]; i++) {
		const char *o = argv[i], *nm;
		size_t nl, at;
		if (o[0] == '-' && o[1] && strcmp(o, "--")) {
			if (!step && (ma_sh_opt_read(po, o, &nm, &nl, &at) & MA_SH_OPT_NEXT))
				i++;
			continue;
		}
		if (!strcmp(o, "--")) {
			if (step == 2 && i + 1 < argc && argv[i + 1])
				return ma_sh_git_run(r, argv, argc, i + 1, depth, file, line,
				                     function);
			continue;
		}
		if (step == 2)
			return ma_sh_git_run(r, argv, argc, i, depth, file, line, function);
		if (strcmp(o, step ? "foreach" : "submodule"))
			return -1;
		step++;
	}
	return -1;
}

/* A command another program runs for the application: find's -exec,
 * -execdir, -ok, -okdir up to ";" or "+" (an argv: judged as one, with
 * its own shell -c, options and values), watch's command (joined with
 * spaces and run by sh -c, or with -x/--exec an argv), the -c line of
 * flock, script, su and runuser wherever it stands. depth: the argv
 * checks around this one. Returns ma_request_fire's or the shell check's
 * answer, or -1. */
static int ma_sh_inner_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                             int depth, const char *file, int line, const char *function)
{
	const char *b = ma_sh_base(argv[prog]);

	if (ma_sh_streq(b, "find")) {
		for (int i = prog + 1; i < argc && argv[i]; i++) {
			int e = i + 1;
			if (strcmp(argv[i], "-exec") && strcmp(argv[i], "-execdir") &&
			    strcmp(argv[i], "-ok") && strcmp(argv[i], "-okdir"))
				continue;
			while (e < argc && argv[e] && strcmp(argv[e], ";") && strcmp(argv[e], "+"))
				e++;
			if (e > i + 1 && ma_sh_nested_check(r, argv + i + 1, e - i - 1, depth, file,
			                                    line, function) == MOAT_BLOCK)
				return MOAT_BLOCK;
			i = e;
		}
		return -1;
	}
	if (ma_sh_streq(b, "watch")) {
		int xat, v = ma_sh_watch_check(r, argv, argc, prog, &xat, file, line, function);
		if (v >= 0 || !xat)
			return v;
		return ma_sh_nested_check(r, argv + xat, argc - xat, depth, file, line, function);
	}
	if (ma_sh_streq(b, "tmux") || ma_sh_streq(b, "byobu"))
		return ma_sh_tmux_check(r, argv, argc, prog, depth, file, line, function);
	if (ma_sh_streq(b, "git"))
		return ma_sh_git_foreach(r, argv, argc, prog, depth, file, line, function);
	if (ma_sh_streq(b, "adb")) {
		/* adb [-s SERIAL] shell CMD...: joined, run by the device's shell */
		for (int i = prog + 1; i < argc && argv[i]; i++)
			if (!strcmp(argv[i], "shell") && i + 1 < argc && argv[i + 1]) {
				char cmd[4096];
				return ma_sh_join_check(r, argv + i + 1, argc - i - 1, cmd,
				                        sizeof cmd, file, line, function);
			}
		return -1;
	}
	if (ma_sh_streq(b, "screen") || ma_sh_streq(b, "socat") || ma_sh_streq(b, "salt") ||
	    ma_sh_streq(b, "salt-call") || ma_sh_streq(b, "salt-ssh"))
		return ma_sh_runner_elems(r, argv, argc, prog, b, file, line, function);
	if (ma_sh_streq(b, "ansible"))
		return ma_sh_ansible_check(r, argv, argc, prog, file, line, function);
	if (ma_sh_streq(b, "parallel") || ma_sh_streq(b, "sem") || ma_sh_streq(b, "env_parallel") ||
	    ma_sh_streq(b, "parset"))
		return ma_sh_parallel_check(r, argv, argc, prog, ma_sh_streq(b, "parset"), depth,
		                            file, line, function);
	if (ma_sh_streq(b, "sg"))
		return ma_sh_sg_check(r, argv, argc, prog, file, line, function);
	if (ma_sh_streq(b, "flatpak") || ma_sh_streq(b, "start-stop-daemon") ||
	    ma_sh_streq(b, "scl") || ma_sh_streq(b, "nix"))
		return ma_sh_named_program(r, argv, argc, prog, b, depth, file, line, function);
	if (ma_sh_streq(b, "make") || ma_sh_streq(b, "gmake") || ma_sh_streq(b, "remake"))
		return ma_sh_make_check(r, argv, argc, prog, ma_sh_prog_find("make"), file, line,
		                        function);
	if (!strncmp(b, "perl", 4) && (!b[4] || (b[4] >= '0' && b[4] <= '9')))
		return ma_sh_perl_check(r, argv, argc, prog, file, line, function);
	if (ma_sh_streq(b, "flock") || ma_sh_streq(b, "script") || ma_sh_streq(b, "su") ||
	    ma_sh_streq(b, "runuser") || ma_sh_streq(b, "vagrant") || ma_sh_streq(b, "nix-shell") ||
	    ma_sh_streq(b, "gcloud")) {
		size_t at;
		int s = ma_sh_dash_c(argv, argc, prog, &at);
		if (s > 0) {
			const char *sc = argv[s] + at;
			return ma_sh_check(r, sc, strlen(sc), sc, strlen(sc), file, line,
			                   function) == MOAT_BLOCK
			           ? MOAT_BLOCK
			           : -1;
		}
	}
	return -1;
}

/* env's -S STRING (--split-string; coreutils' env(1)): the words env
 * splits STRING into (blanks between; '...' literal; "..." and bare
 * words with backslash escapes, \_ a blank; '#' at a word's start a
 * comment to the end; ${NAME} left as written), into buf (cap bytes) and
 * their starts into w (at most wcap). Returns how many words, or -1 when
 * they do not fit. */
static int ma_sh_env_split(const char *s, char *buf, size_t cap, const char **w, int wcap)
{
	size_t o = 0;
	int nw = 0;

	for (;;) {
		char q = 0;
		int in = 0;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\v' || *s == '\f' ||
		       *s == '\r')
			s++;
		if (!*s || *s == '#')
			return nw;
		if (nw == wcap || o >= cap)
			return -1;
		w[nw++] = buf + o;
		for (; *s && (q || in == 0 || !strchr(" \t\n\v\f\r", *s)); s++) {
			char c = *s;
			in = 1;
			if (q == '\'') {
				if (c == '\'') {
					q = 0;
					continue;
				}
			} else if (c == '\'' || c == '"') {
				if (!q && c == '\'') {
					q = c;
					continue;
				}
				if (c == '"') {
					q = q ? 0 : '"';
					continue;
				}
			} else if (c == '\\' && s[1]) {
				c = *++s;
				if (c == '_')
					c = ' ';
				else if (c == 't')
					c = '\t';
				else if (c == 'n')
					c = '\n';
				else if (c == 'c')
					break;
			}
			if (o + 1 >= cap)
				return -1;
			buf[o++] = c;
		}
		buf[o++] = '\0';
		if (!*s)
			return nw;
	}
}

/* An env before the program (argv[0 .. prog]) given -S STRING: the words
 * it splits STRING into, followed by the elements after it, are the argv
 * env runs (env -S "sh -c 'ls x;id'" runs sh with that script), judged
 * as one (depth + 1). Returns MOAT_BLOCK or -1. Its own frame: the words
 * (4 KB) are on the stack only here. */
static __attribute__((noinline)) int ma_sh_env_split_check(struct moat_request *r,
                                                           const char *const *argv, int argc,
                                                           int prog, int depth, const char *file,
                                                           int line, const char *function)
{
	static const struct ma_sh_prog_opts env = {
	    "env", "", "CSu", "", "", "--chdir --split-string --unset", 0, NULL};
	char buf[4096];
	const char *w[64];

	for (int e = 0; e <= prog && e < argc && argv[e]; e++) {
		if (strcmp(ma_sh_base(argv[e]), "env"))
			continue;
		for (int i = e + 1; i < argc && argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
			const char *o = argv[i], *nm, *val;
			size_t nl, at;
			int rd, nw, vi = i, k;
			if (!strcmp(o, "--"))
				break;
			rd = ma_sh_opt_read(&env, o, &nm, &nl, &at);
			if (rd & MA_SH_OPT_NEXT)
				vi = ++i;
			if (!nl || !(*nm == 'S' || !strncmp(nm, "--split-string", nl)) ||
			    vi >= argc || !argv[vi])
				continue;
			val = at ? o + at : argv[vi];
			nw = ma_sh_env_split(val, buf, sizeof buf, w, 64);
			if (nw < 0) /* argv65: past 4 KB or 64 words, closed */
				return ma_sh_past_cut_fire(r, argv, argc, &val, 1, 0, file, line,
				                           function) == MOAT_BLOCK
				           ? MOAT_BLOCK
				           : -1;
			k = vi + 1;
			for (; nw < 64 && k < argc && argv[k]; k++)
				w[nw++] = argv[k];
			if (nw > 0 && ma_sh_argv_check(r, w, nw, depth + 1, file, line, function) ==
			                  MOAT_BLOCK)
				return MOAT_BLOCK;
			/* argv65: the words and the first elements judged as one
			 * argv; an input in an element past the 64th fails closed
			 * (they were not judged) */
			return k < argc && argv[k] &&
			               ma_sh_past_cut_fire(r, argv, argc, argv + k, argc - k, 0,
			                                   file, line, function) == MOAT_BLOCK
			           ? MOAT_BLOCK
			           : -1;
		}
	}
	return -1;
}

/* The words of an --entrypoint value v into w (at most cap), their bytes
 * in buf (bcap): podman's JSON array ('["/bin/sh","-c"]', podman-run(1)),
 * else the value split at blanks, a quoted piece kept whole (compose
 * splits it into shell words; docker and podman take it as one name,
 * and one with a blank names no program an image holds). -1 when it
 * does not fit (review27-shell40: the array and the string ran the line
 * after the image, read as one program's name). */
static int ma_sh_entry_words(const char *v, char *buf, size_t bcap, const char **w, int cap)
{
	size_t o = 0, l;
	int n = 0, json;
	const char *p, *end;

	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
		v++; /* Go's json.Unmarshal takes white space around the array */
	l = strlen(v);
	while (l && (v[l - 1] == ' ' || v[l - 1] == '\t' || v[l - 1] == '\n' || v[l - 1] == '\r'))
		l--;
	json = l >= 2 && v[0] == '[' && v[l - 1] == ']';
	p = v + json;
	end = v + l - json;

	while (p < end) {
		char q = 0;
		if (*p == ' ' || *p == '\t' || *p == '\n' || (json && *p == ',')) {
			p++;
			continue;
		}
		if (n >= cap)
			return -1;
		w[n++] = buf + o;
		for (; p < end; p++) {
			if (q && *p == q) {
				q = 0;
				continue;
			}
			if (!q && (*p == '\'' || *p == '"')) {
				q = *p;
				continue;
			}
			if (!q && (*p == ' ' || *p == '\t' || *p == '\n' || (json && *p == ',')))
				break;
			if (*p == '\\' && q != '\'' && p + 1 < end)
				p++;
			if (o + 1 >= bcap)
				return -1;
			buf[o++] = *p;
		}
		if (o >= bcap)
			return -1;
		buf[o++] = '\0';
	}
	return n;
}

/* docker (podman, nerdctl ...) run or create --entrypoint PROG IMAGE ARGS
 * at argv[prog]: PROG runs ARGS, judged as the argv {PROG, ARGS...} (a
 * shell's -c line, a program's code or options; another program's
 * arguments are data: shell40, review26d); PROG's words when it is
 * podman's JSON array or compose's string (ma_sh_entry_words). Past 64
 * elements, or an entrypoint past 512 bytes or 8 words, an input fails
 * closed, as env -S's words. MOAT_BLOCK or -1. */
static __attribute__((noinline)) int ma_sh_entry_check(struct moat_request *r,
                                                       const char *const *argv, int argc, int prog,
                                                       int depth, const char *file, int line,
                                                       const char *function)
{
	const char *w[64], *entry;
	char buf[512];
	int img, nw, k;

	if (prog + 2 >= argc || !ma_sh_runs_image(ma_sh_base(argv[prog])))
		return -1;
	(void)ma_sh_runner_parse(argv, argc, prog, &entry, &img);
	if (img <= 0 || !entry || !*entry)
		return -1; /* no image: no container runs */
	nw = ma_sh_entry_words(entry, buf, sizeof buf, w, 8);
	if (nw < 0)
		return ma_sh_past_cut_fire(r, argv, argc, argv + prog, argc - prog, 0, file, line,
		                           function) == MOAT_BLOCK
		           ? MOAT_BLOCK
		           : -1;
	if (nw == 0)
		return -1;
	for (k = img + 1; nw < 64 && k < argc && argv[k]; k++) /* none: the words alone */
		w[nw++] = argv[k];
	if (ma_sh_argv_check(r, w, nw, depth + 1, file, line, function) == MOAT_BLOCK)
		return MOAT_BLOCK;
	return k < argc && argv[k] &&
	               ma_sh_past_cut_fire(r, argv, argc, argv + k, argc - k, 0, file, line,
	                                   function) == MOAT_BLOCK
	           ? MOAT_BLOCK
	           : -1;
}

/* env's GIT_CONFIG_KEY_n=KEY (pair 1, with GIT_CONFIG_VALUE_n= of argv
 * or none) and GIT_CONFIG_PARAMETERS (pair 3: git's list of quoted
 * 'key=value', 'key'='value' or 'key'=, read by ma_sh_git_param_next as
 * the line check reads it, shell31): each pair judged
 * as git -c KEY=VALUE is (review18: the line check read them, this one
 * did not); a pair over 1 KB fails closed (cmd.too_long for an input in
 * it that is not inert; misc9: it was skipped). ma_sh_value_check's
 * answer, or -1. */
static int ma_sh_env_pairs_check(struct moat_request *r, const char *const *argv, int argc,
                                 const char *arg, const char *eq, int pair, const char *file,
                                 int line, const char *function)
{
	char v[1024], other[40];
	size_t pos = 0, n = strlen(eq + 1), ol;
	struct ma_sh_git_param gp;
	int res;

	if (pair == 1) {
		const char *val = "", *part[2] = {arg, ""};
		ol = (size_t)snprintf(other, sizeof other,
		                      "GIT_CONFIG_VALUE_%.*s=", (int)(eq - arg - 15), arg + 15);
		if (ol >= sizeof other)
			return -1; /* an index git never reads */
		for (int i = 0; i < argc && argv[i]; i++)
			if (!strncmp(argv[i], other, ol)) {
				val = argv[i] + ol;
				part[1] = argv[i];
			}
		if ((size_t)snprintf(v, sizeof v, "%s=%s", eq + 1, val) >= sizeof v)
			/* misc9: over 1 KB, closed (it was not judged) */
			return ma_sh_past_cut_fire(r, argv, argc, part, 2, 0, file, line, function);
		return ma_sh_value_check(r, argv, argc, MA_SH_VAL_GITCONF, 0, v, file, line,
		                         function);
	}
	while (ma_sh_git_param_next(eq + 1, n, &pos, 0, 0, v, sizeof v, &gp)) {
		if (gp.full) { /* misc9: over 1 KB, closed (it was skipped) */
			res = ma_sh_past_cut_fire(r, argv, argc, &arg, 1, 0, file, line, function);
			if (res >= 0)
				return res;
			continue;
		}
		res =
		    ma_sh_value_check(r, argv, argc, MA_SH_VAL_GITCONF, 0, v, file, line, function);
		if (res >= 0)
			return res;
	}
	return -1;
}

/* env's NAME=VALUE before the program (argv[ai], eq its '=') for a
 * variable whose value a program runs, loads or reads as code
 * (ma_sh_env_code: env LD_PRELOAD=/tmp/x.so ls, env BROWSER='sh -c id'
 * xdg-open, env NODE_OPTIONS='--require /tmp/x.js' node; shell39,
 * review24n) with an input's form in the value (not a bare name): fires
 * cmd.option. For the command lines ma_sh_env_key reads (PAGER, EDITOR,
 * LESSOPEN ...), only a form that writes the program, the value's start
 * (past LESSOPEN's '|'); the rest is judged by ma_sh_env_value_check.
 * -1 when nothing fires. */
static int ma_sh_env_code_arg(struct moat_request *r, const char *const *argv, int argc,
                              const struct ma_input *in, size_t nin, const char *arg,
                              const char *eq, const char *file, int line, const char *function)
{
	int code = ma_sh_env_code(arg, (size_t)(eq - arg));
	const char *val = eq + 1, *prog = val, *at;
	size_t n;

	if (!code)
		return -1;
	if (code == 2) /* the program: past LESSOPEN's '|' */
		while (*prog == '|' || (arg[0] == 'L' && (*prog == ' ' || *prog == '-')))
			prog++;
	n = strlen(val);
	for (size_t i = 0; i < nin; i++) {
		if (in[i].plain)
			continue;
		for (int k = 0; k < in[i].nforms; k++) {
			size_t vl = in[i].form_len[k];
			if (vl < 2 || vl > n)
				continue;
			at = memmem(val, n, in[i].form[k], vl);
			if (!at ||
			    ma_sh_env_value_inert(arg, (size_t)(eq - arg), val, val + n, at, vl) ||
			    (code == 2 && (at > prog || at + vl <= prog)) ||
			    (code == 2 && ma_sh_env_pref(arg, (size_t)(eq - arg)) &&
			     !ma_sh_env_prog_runs(prog, strcspn(prog, " \t"))) ||
			    (code == 3 &&
			     !ma_sh_env_opts_load(at, vl,
			                          at == val || at[-1] == ' ' || at[-1] == '\t')))
				continue;
			return ma_sh_argv_fire(r, argv, argc, &in[i], k, "cmd.option", file, line,
			                       function);
		}
	}
	return -1;
}

/* env's NAME=VALUE before the program (argv[ai], eq its '=') for a
 * variable whose value is a command line a program runs or a git
 * setting (ma_sh_env_key: GIT_SSH_COMMAND, GIT_PAGER, EDITOR, PAGER,
 * LESSOPEN ...), judged as git -c KEY=VALUE is (shell29: the line
 * check read them, this one did not). Returns ma_sh_value_check's
 * answer, or -1 (not such a variable). A value over 1 KB fails closed:
 * an input in it that the line check does not find inert fires
 * cmd.too_long (misc9: it was allowed unjudged). Its own frame: the 1 KB
 * line is on the stack only here. */
static __attribute__((noinline)) int
ma_sh_env_value_check(struct moat_request *r, const char *const *argv, int argc, const char *arg,
                      const char *eq, const char *file, int line, const char *function)
{
	char v[1024];
	int pair;
	const char *key = ma_sh_env_key(arg, (size_t)(eq - arg), &pair), *val = eq + 1;
	size_t kl, vl;

	if (pair == 1 || pair == 3)
		return ma_sh_env_pairs_check(r, argv, argc, arg, eq, pair, file, line, function);
	if (!key || !strcmp(key, "tar"))
		return -1;
	if (arg[0] == 'L') /* LESSOPEN='| lesspipe %s' */
		while (*val == '|' || *val == ' ' || *val == '\t')
			val++;
	kl = strlen(key);
	vl = strlen(val);
	if (kl + 1 + vl >= sizeof v) /* misc9: closed, it was not judged */
		return ma_sh_past_cut_fire(r, argv, argc, &arg, 1, 0, file, line, function);
	memcpy(v, key, kl);
	v[kl] = '=';
	memcpy(v + kl + 1, val, vl + 1);
	return ma_sh_value_check(r, argv, argc, MA_SH_VAL_GITCONF, 0, v, file, line, function);
}

/* NAME=VALUE of a wrapper's option that sets a variable of the program
 * it runs, judged as env's (ma_sh_env_code_arg, ma_sh_env_value_check):
 * in buf (cap bytes) when name and value lie apart. -1 when nothing
 * fires; a pair over cap fails closed (cmd.too_long, at el). */
static int ma_sh_env_set_judge(struct moat_request *r, const char *const *argv, int argc,
                               const struct ma_input *in, size_t nin, const char *name, size_t nl,
                               const char *val, size_t vl, const char *el, char *buf, size_t cap,
                               const char *file, int line, const char *function)
{
	int v;

	if (nl == 0 || (name[0] >= '0' && name[0] <= '9'))
		return -1;
	for (size_t k = 0; k < nl; k++)
		if (!(name[k] == '_' || (name[k] >= '0' && name[k] <= '9') ||
		      ((name[k] | 0x20) >= 'a' && (name[k] | 0x20) <= 'z')))
			return -1; /* no variable's name */
	if (nl + 1 + vl >= cap)
		return ma_sh_past_cut_fire(r, argv, argc, &el, 1, 0, file, line, function);
	memcpy(buf, name, nl);
	buf[nl] = '=';
	memcpy(buf + nl + 1, val, vl);
	buf[nl + 1 + vl] = '\0';
	v = ma_sh_env_code_arg(r, argv, argc, in, nin, buf, buf + nl, file, line, function);
	if (v < 0)
		v = ma_sh_env_value_check(r, argv, argc, buf, buf + nl, file, line, function);
	return v;
}

/* A wrapper's option before the program (argv[ai]) that sets a variable
 * of the program it runs (shell40, review26c): systemd-run,
 * systemd-nspawn and machinectl --setenv=NAME=VALUE / -ENAME=VALUE,
 * firejail, flatpak(-spawn), docker, podman, kubectl, lxc and incus
 * --env=NAME=VALUE / -eNAME=VALUE, bwrap's --setenv NAME VALUE (two
 * elements), systemd-run's -p / --property=Environment="A=1 B=2" (each
 * assignment). The separate forms (-E NAME=VALUE, --env NAME=VALUE, sudo
 * NAME=VALUE) are elements of their own, read as env's. -1 when nothing
 * fires. Its own frame: the pair is copied on the stack only here. */
static __attribute__((noinline)) int ma_sh_env_opt_check(struct moat_request *r,
                                                         const char *const *argv, int argc, int ai,
                                                         int prog, const struct ma_input *in,
                                                         size_t nin, const char *file, int line,
                                                         const char *function)
{
	char buf[1024];
	const char *o = argv[ai], *p = NULL, *eq;
	int env = 0;
	/* getopt_long's prefixes (systemd-run, systemd-nspawn: --sete=,
	 * --prop=, --prope VALUE; review28c): "--set" and "--pro" and
	 * longer, the safe side where another option shares them */
	size_t on = strcspn(o, "=");
	int se = on >= 5 && on <= 8 && !memcmp(o, "--setenv", on);
	int pr = on >= 5 && on <= 10 && !memcmp(o, "--property", on);

	if (se || !strncmp(o, "--env", 5)) {
		size_t l = se ? on : 5;
		if (o[l] == '=')
			p = o + l + 1;
		else if (!o[l] && se && ai + 2 < prog && !strchr(argv[ai + 1], '='))
			/* bwrap --setenv NAME VALUE */
			return ma_sh_env_set_judge(r, argv, argc, in, nin, argv[ai + 1],
			                           strlen(argv[ai + 1]), argv[ai + 2],
			                           strlen(argv[ai + 2]), argv[ai + 2], buf,
			                           sizeof buf, file, line, function);
	} else if ((o[1] == 'e' || o[1] == 'E') && o[2] && strchr(o + 2, '='))
		p = o + 2; /* -ENAME=VALUE, -eNAME=VALUE */
	else if (pr || (o[1] == 'p' && o[0] == '-')) {
		size_t l = pr ? on : 2; /* --property-x: another option */
		p = o[l] ? o + l + pr : ai + 1 < prog ? argv[ai + 1] : "";
		if (strncmp(p, "Environment=", 12))
			return -1;
		p += 12;
		env = 1;
	}
	if (!p)
		return -1;
	/* Environment= holds assignments apart by blanks, each maybe quoted */
	while (*p) {
		size_t n = env ? strcspn(p, " \t") : strlen(p);
		const char *q = p;
		size_t qn = n;
		int v;
		if (env && n >= 2 && (*q == '"' || *q == '\'') && q[n - 1] == *q) {
			q++;
			qn -= 2;
		}
		eq = memchr(q, '=', qn);
		if (eq) {
			v = ma_sh_env_set_judge(r, argv, argc, in, nin, q, (size_t)(eq - q), eq + 1,
			                        qn - (size_t)(eq - q) - 1, o, buf, sizeof buf, file,
			                        line, function);
			if (v >= 0)
				return v;
		}
		p += n;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	return -1;
}

/* ma_sh_mount_judge_m as ma_sh_walk's judge: --mount's CSV, -v's SPEC;
 * ctx a struct ma_sh_mount_walk, whose memo keeps what was read of the
 * value between the walk's places (increasing: linear in the value,
 * shell37). */
struct ma_sh_mount_walk {
	struct ma_sh_mount_memo *m;
};

static int ma_sh_mount_csv_judge(const void *ctx, const char *s, size_t n, size_t a, size_t b)
{
	return ma_sh_mount_judge_m(((const struct ma_sh_mount_walk *)ctx)->m, 1, s, n, a, b);
}

static int ma_sh_mount_vol_judge(const void *ctx, const char *s, size_t n, size_t a, size_t b)
{
	return ma_sh_mount_judge_m(((const struct ma_sh_mount_walk *)ctx)->m, 0, s, n, a, b);
}

/* The value val of a runner's mount option (csv: --mount) judged
 * against the inputs, plain ones too (ma_sh_mount_judge, ma_shell_mount.c):
 * one that adds a field or names the bind mount's host path fires
 * (cmd.option, cmd.option_file). Returns ma_request_fire's answer, or -1. */
static int ma_sh_mount_fire(struct moat_request *r, const char *const *argv, int argc, int csv,
                            const char *val, const char *file, int line, const char *function)
{
	size_t nin, n = strlen(val);
	const struct ma_input *in = ma_request_inputs(r, &nin);

	/* plain inputs too: a word names a host directory ("/" + "etc") */
	for (size_t i = 0; i < nin; i++) {
		for (int k = 0; k < in[i].nforms; k++) {
			size_t at;
			struct ma_sh_mount_memo memo = {0};
			const struct ma_sh_mount_walk mw = {&memo};
			/* past 64 places a word is judged at each, any other
			 * form fails closed (':', ',' and '/' are fields and
			 * paths here: ma_sh_walk_past) */
			int hit = ma_sh_walk(
			    val, n, in[i].form[k], in[i].form_len[k], MA_SH_WALK_SYNTAX,
			    csv ? ma_sh_mount_csv_judge : ma_sh_mount_vol_judge, &mw, &at);
			if (hit) {
				int v2 =
				    ma_sh_argv_fire(r, argv, argc, &in[i], k,
				                    hit == MA_SH_WALK_CLOSED ? "cmd.too_many_places"
				                    : hit == MA_SH_MOUNT_HOST ? "cmd.option_file"
				                                              : "cmd.option",
				                    file, line, function);
				if (v2 >= 0)
					return v2;
				break;
			}
		}
	}
	return -1;
}

/* The mount options of the runners (docker, podman, nerdctl,
 * docker-compose) in argv[0 .. prog]: -v/--volume and --mount (and
 * --mount-add) of run and create (also "container run", "compose run",
 * "service create/update"), up to the image; each value judged by
 * ma_sh_mount_fire. Returns ma_request_fire's answer, or -1. */
static int ma_sh_mount_check(struct moat_request *r, const char *const *argv, int argc, int prog,
                             const char *file, int line, const char *function)
{
	for (int d = 0; d <= prog && d < argc && argv[d]; d++) {
		int sub = 0, mounts = 0;
		if (!ma_sh_runs_image(ma_sh_base(argv[d])))
			continue;
		/* first, whether any element may be a mount option (-v, a
		 * cluster with v, --volume, --mount): reading each option
		 * against docker's long list costs ~9k instructions */
		for (int i = d + 1; i < argc && argv[i] && !mounts; i++) {
			const char *o = argv[i];
			mounts = o[0] == '-' && (o[1] == '-' ? !strncmp(o, "--volume", 8) ||
			                                           !strncmp(o, "--mount", 7)
			                                     : strchr(o, 'v') != NULL);
		}
		if (!mounts)
			continue;
		for (int i = d + 1; i < argc && argv[i] && sub >= 0; i++) {
			const char *o = argv[i], *nm, *val = NULL;
			size_t nl, at;
			int rd, csv, v;
			if (!strcmp(o, "--"))
				break;
			if (!(o[0] == '-' && o[1])) {
				if (sub)
					break; /* the image: its command's options follow */
				if (strcmp(o, "container") && strcmp(o, "compose") &&
				    strcmp(o, "service"))
					sub = !strcmp(o, "run") || !strcmp(o, "create") ||
					              !strcmp(o, "update")
					          ? 1
					          : -1;
				continue;
			}
			rd = ma_sh_opt_read(&ma_sh_runners[0].opts, o, &nm, &nl, &at);
			if (rd & MA_SH_OPT_NEXT) {
				if (i + 1 < argc && argv[i + 1])
					val = argv[++i];
			} else if (at)
				val = o + at + (nl == 1 && o[at] == '='); /* pflag's -v=SPEC */
			if (sub != 1 || !val || !nl)
				continue;
			csv = nl > 1 && (ma_sh_in_words("--mount --mount-add", nm, nl));
			if (!csv && !(nl == 1 && *nm == 'v') && !ma_sh_in_words("--volume", nm, nl))
				continue;
			v = ma_sh_mount_fire(r, argv, argc, csv, val, file, line, function);
			if (v >= 0)
				return v;
		}
	}
	return -1;
}

int moat_check_argv_at(struct moat_request *r, const char *const *argv, int argc, const char *file,
                       int line, const char *function)
{
	return ma_sh_argv_check(r, argv, argc, 0, file, line, function);
}

/* moat_check_argv_at's check of argv, nested in depth others (the
 * commands find -exec and watch -x run). */
static int ma_sh_argv_check(struct moat_request *r, const char *const *argv, int argc, int depth,
                            const char *file, int line, const char *function)
{
	const struct ma_input *in;
	const struct ma_sh_prog_opts *po;
	const char *oname = NULL;
	size_t nin, onlen = 0;
	int script, dashdash = 0, prog, next = 0, nops = 0, sub = 0, stop = 0, runs_image, n;

	if (!r || !argv)
		return MOAT_ALLOW;
	/* exec stops at the first NULL, and so does the check, whatever argc */
	for (n = 0; (argc < 0 || n < argc) && argv[n]; n++)
		;
	argc = n;
	in = ma_request_inputs(r, &nin);
	if (nin == 0 || argc == 0 || ma_request_mode(r, "command_injection", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	prog = ma_sh_argv_program(argv, argc); /* after sudo, env, timeout ... */
	if (ma_sh_is_shell_c_at(argv, argc, prog, &script) && script > 0) {
		const char *sc = argv[script];
		int v = ma_sh_check(r, sc, strlen(sc), sc, strlen(sc), file, line, function);
		if (v == MOAT_BLOCK)
			return v;
	}
	if (!strcmp(ma_sh_base(argv[prog]), "fish") &&
	    ma_sh_fish_lines(r, argv, argc, prog, file, line, function) == MOAT_BLOCK)
		return MOAT_BLOCK; /* fish --command=LINE, --init-command LINE */
	if (prog + 2 < argc) {     /* bash --rcfile INPUT -i */
		int v = ma_sh_shell_rcfile(r, argv, argc, prog, file, line, function);
		if (v >= 0)
			return v;
	}
	if (prog + 2 < argc) { /* unknown-wrapper --opt sh -c LINE */
		const char *pb = ma_sh_base(argv[prog]);
		if (ma_sh_name_kind(pb, strlen(pb)) == MA_SH_NAME_OTHER &&
		    ma_sh_later_shells(r, argv, argc, prog, file, line, function) >= 0)
			return MOAT_BLOCK;
	}
	po = ma_sh_prog_find(argv[prog]);
	runs_image = ma_sh_runs_image(ma_sh_base(argv[prog]));
	if (depth < MA_SH_ENV_NEST_MAX &&
	    ma_sh_env_split_check(r, argv, argc, prog, depth, file, line, function) == MOAT_BLOCK)
		return MOAT_BLOCK; /* env -S "sh -c '...'" */
	if (depth < MA_SH_ENV_NEST_MAX &&
	    ma_sh_entry_check(r, argv, argc, prog, depth, file, line, function) == MOAT_BLOCK)
		return MOAT_BLOCK; /* docker run --entrypoint sh IMAGE -c '...' */
	if (ma_sh_mount_check(r, argv, argc, prog, file, line, function) >= 0)
		return MOAT_BLOCK; /* docker run -v INPUT:/data */
	if (prog > 1) {            /* strace -o '|CMD' ls */
		int v = ma_sh_strace_check(r, argv, argc, prog, file, line, function);
		if (v >= 0)
			return v;
	}
	{ /* a command run by find -exec, watch, flock -c, script -c, su -c */
		int v = ma_sh_inner_check(r, argv, argc, prog, depth, file, line, function);
		if (v >= 0)
			return v;
	}
	if (po && !strcmp(po->prog, "ssh")) {
		int cs = ma_sh_ssh_command(argv, argc, prog, po);
		if (cs > 0 &&
		    ma_sh_ssh_check(r, argv, argc, cs, file, line, function) == MOAT_BLOCK)
			return MOAT_BLOCK;
	}
	if (po && !strcmp(po->prog, "sed")) {
		int v = ma_sh_script_check(r, argv, argc, prog, po, &ma_sh_sed_lang, file, line,
		                           function);
		if (v >= 0)
			return v;
	}
	if (po && strstr(po->prog, "awk")) {
		int v = ma_sh_script_check(r, argv, argc, prog, po, &ma_sh_awk_lang, file, line,
		                           function);
		if (v >= 0)
			return v;
	}
	for (int ai = 0; ai < argc && argv[ai]; ai++) {
		const char *arg = argv[ai];
		size_t al = strlen(arg), nlen = 0, at = 0;
		const char *eq = ai > 0 && ai < prog ? strchr(arg, '=') : NULL, *name = NULL;
		/* before the program, a wrapper's NAME=value that changes what
		 * runs or loads (env LD_PRELOAD=/tmp/x.so ls); after it, vim's
		 * or less's +command */
		int assign = eq && eq > arg && ma_sh_name_env(arg, (size_t)(eq - arg));
		int plus = 0, danger = 0, value = 0;
		if (eq && eq > arg) { /* env GIT_SSH_COMMAND='...' git fetch */
			int v2 = ma_sh_env_code_arg(r, argv, argc, in, nin, arg, eq, file, line,
			                            function);
			if (v2 < 0)
				v2 = ma_sh_env_value_check(r, argv, argc, arg, eq, file, line,
				                           function);
			if (v2 >= 0)
				return v2;
		}
		if (ai > 0 && ai < prog && arg[0] == '-' && arg[1]) { /* --setenv=NAME=VALUE */
			int v2 = ma_sh_env_opt_check(r, argv, argc, ai, prog, in, nin, file, line,
			                             function);
			if (v2 >= 0)
				return v2;
		}
		/* docker run --privileged (also with no command: the image's) */
		if (ai > 0 && (ai < prog || (ai > prog && runs_image)) && arg[0] == '-')
			danger = ma_sh_runner_danger(argv, ai);
		if (ai > prog) {
			/* the value of the option before (1, 2 when that option is
			 * dangerous: judged as an option still) */
			const char *val = NULL;
			dashdash |= stop; /* after python's script: its operands */
			value = next;
			next = 0;
			if (value) {
				val = arg;
				name = oname;
				nlen = onlen;
			}
			if (po && arg[0] == '-' && arg[1] && !dashdash) {
				const char *nm;
				size_t nl;
				int rd = ma_sh_opt_read(po, arg, &nm, &nl, &at);
				if (nl == 1 && *nm == 's' && (rd & MA_SH_OPT_NEXT) &&
				    ma_sh_vim_ex_mode(argv, prog, ai))
					rd &= ~MA_SH_OPT_NEXT; /* vim -es: silent, no scriptin */
				danger = rd & MA_SH_OPT_DANGER;
				if (!value && (rd & MA_SH_OPT_NEXT)) {
					next = danger || ma_sh_danger_option(arg, 1) ? 2 : 1;
					oname = nm;
					onlen = nl;
				} else if (!value && at) {
					val = arg + at;
					name = nm;
					nlen = nl;
				}
			}
			/* curl -d @file: the value brings the '@' that reads a file;
			 * attached (-d@FILE), the input that brings the option with
			 * it too (shell35) */
			if (val && nlen && !strcmp(po->prog, "curl")) {
				size_t m = ma_sh_curl_file(name, nlen, val), off = 0;
				int v2;
				if (m && val != arg)
					off = (size_t)(val - arg);
				v2 = m ? ma_sh_argv_file(r, argv, argc, val - off, m + off,
				                         "cmd.option_file", file, line, function)
				       : -1;
				if (v2 >= 0)
					return v2;
			}
			/* what the value is to the program: a command line, a file
			 * of code, code, an Ex command, an ssh_config line, git's
			 * name=value (only before git's subcommand) */
			if (val && nlen) {
				int lang = 0, kind = ma_sh_value_kind_of(po, name, nlen, &lang), v2;
				if (kind == MA_SH_VAL_GITCONF && nops > 0 &&
				    strcmp(argv[sub], "clone"))
					kind = 0; /* git commit -c COMMIT; clone -c sets it */
				v2 = kind ? ma_sh_value_check(r, argv, argc, kind, lang, val, file,
				                              line, function)
				          : -1;
				if (v2 >= 0)
					return v2;
				if (kind && !strcmp(po->prog, "python"))
					stop = 1; /* python -c CODE, -m MOD: the rest is its
					             sys.argv */
			}
			if (value == 1)
				continue; /* curl -H "-o: x": a header */
			if (!value && !strcmp(arg, "--"))
				dashdash = 1;
			else if (!value && !dashdash && !(arg[0] == '-' && arg[1])) {
				if (nops++ == 0) {
					sub = ai; /* git's subcommand */
					/* its own options that run a line (rebase
					 * -x, grep -O ...: ma_sh_git_sub_find) */
					if (po && po->prog[0] == 'g' && !strcmp(po->prog, "git")) {
						const struct ma_sh_prog_opts *gs =
						    ma_sh_git_sub_find(arg, al);
						if (gs)
							po = gs;
					}
				}
				if (po && ma_sh_opts_stop(po))
					stop = 1;
				/* sqlite3 DB SQL ...: each operand after the database
				 * is a statement or a dot-command */
				if (nops > 1 && po && !strcmp(po->prog, "sqlite3")) {
					int v2 = ma_sh_value_check(r, argv, argc, MA_SH_VAL_SQL,
					                           MA_SH_SQL_SQLITE, arg, file,
					                           line, function);
					if (v2 >= 0)
						return v2;
				}
			}
		}
		if (ai > prog && !dashdash && arg[0] == '+' && al >= 2)
			plus = ma_sh_plus_command(argv[prog], arg);
		if (plus) { /* vim "+e x|!id": the Ex command after the '+' */
			int v2 = ma_sh_value_check(r, argv, argc, MA_SH_VAL_EX, 0, arg + 1, file,
			                           line, function);
			if (v2 >= 0)
				return v2;
		}
		if (ai > 0 && ai != prog && !assign && !plus &&
		    (dashdash || arg[0] != '-' || al < 2 || ma_sh_negative_number(arg)))
			continue;
		for (size_t i = 0; i < nin; i++) {
			if (in[i].plain)
				continue; /* a bare name: the application's own dispatch looks alike
				           */
			for (int k = 0; k < in[i].nforms; k++) {
				const char *v = in[i].form[k];
				size_t vl = in[i].form_len[k];
				const char *rule = NULL;
				if (vl < 2 || vl > al)
					continue;
				if (ai == 0 || ai == prog) {
					/* the input names the program: all of argv[0] (or of
					 * the one a wrapper or a container runs) or its base
					 * name */
					if ((vl == al && !memcmp(arg, v, vl)) ||
					    (vl < al && arg[al - vl - 1] == '/' &&
					     !memcmp(arg + al - vl, v, vl)))
						rule = "cmd.argv0";
				} else if ((assign || plus)
				               ? !memcmp(arg, v, vl)
				               : v[0] == '-' && !memcmp(arg, v, vl) &&
				                     (ma_sh_danger_option(arg, po && ai > prog) ||
				                      danger)) {
					rule = "cmd.option";
				}
				if (rule) {
					int v2 = ma_sh_argv_fire(r, argv, argc, &in[i], k, rule,
					                         file, line, function);
					if (v2 >= 0)
						return v2;
					break;
				}
			}
		}
	}
	return MOAT_ALLOW;
}
