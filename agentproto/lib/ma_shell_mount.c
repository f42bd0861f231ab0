/*
 * ma_shell_mount.c — what a user's value does inside a container
 * runner's mount option (docker, podman, nerdctl, docker compose run:
 * -v/--volume SPEC, --mount CSV), for the argv check (ma_shell_argv.c
 * finds the values; this file judges the bytes an input holds there).
 *
 * How docker reads them (docs.docker.com "Bind mounts" and "Volumes",
 * the docker 28 client here: `docker run --mount` refuses a field that
 * is no key=value before it calls the daemon):
 *   -v [SOURCE:]TARGET[:OPTIONS] — fields split at ':'; SOURCE is a host
 *   path (a bind mount) when it starts with '/', '.' or '~' (the client
 *   makes "./x" and "." absolute), else a volume's name ([a-zA-Z0-9]
 *   [a-zA-Z0-9_.-]*: "a/b" or "../x" is refused as a name); OPTIONS a
 *   comma-separated list (ro, rw, z, Z, shared, rslave, nocopy, podman's
 *   U and O ...).
 *   --mount key=value,key=value — CSV (a field may be "..."-quoted;
 *   a later key wins: source=/x,...,source=/etc mounts /etc); type=bind
 *   makes source/src a host path (default type=volume: a name);
 *   volume-opt=device=PATH with the local driver's o=bind mounts PATH.
 *
 * An input fires when it
 *   - adds a field: a ':' in -v's value, a ',' or '"' in --mount's (a
 *     new key, ":rw", ",source=/"), or starts or writes -v's OPTIONS or
 *     a --mount key (type, source, bind-propagation ...), or the key of a
 *     volume-opt (device=, o=bind) (cmd.option);
 *   - names the host path of a bind mount: it starts SOURCE (the user
 *     picks what of the host is mounted: "/", "/etc", "./"), brings a ".."
 *     segment into it, or makes it the host's root, a system directory or
 *     a path under /etc, /root, /proc, /sys, /dev, /boot, /run, /var/run,
 *     /var/lib/docker ... (the docker socket) where the input's bytes are
 *     in that part ("/" + "etc"; "/var/" + "run/docker.sock")
 *     (cmd.option_file).
 * A volume's name ("mydata", "app_data-1") and a subdirectory under the
 * application's own host directory ("/srv/uploads/" + "alice/photos")
 * pass; so does anything in TARGET (a path inside the container).
 *
 * Pure: reads the value, allocates nothing. Any thread.
 */
#include "ma_int.h"
#include "ma_shell.h"

#include <stddef.h>
#include <string.h>

/* Host paths a bind mount must not take from a user: "under" holds the
 * path and everything below it, "exact" only the directory itself (the
 * application may mount /home/alice or /srv/x, not /home or /srv). */
static const char *const ma_sh_mount_under[] = {"/etc",
                                                "/root",
                                                "/proc",
                                                "/sys",
                                                "/dev",
                                                "/boot",
                                                "/run",
                                                "/var/run",
                                                "/var/lib/docker",
                                                "/var/lib/containerd",
                                                "/var/lib/containers",
                                                "/var/lib/kubelet",
                                                NULL};
static const char *const ma_sh_mount_exact[] = {
    "/",     "/bin", "/home", "/lib", "/lib64", "/lib32",   "/media",   "/mnt", "/opt",
    "/sbin", "/srv", "/tmp",  "/usr", "/var",   "/var/lib", "/var/log", NULL};

/* The next component of path p[*i, n) ('/'-separated; empty and "."
 * components skipped): its start and length, or 0 at the end. */
static size_t ma_sh_mount_comp(const char *p, size_t n, size_t *i, size_t *start)
{
	for (;;) {
		size_t s, e;
		while (*i < n && p[*i] == '/')
			(*i)++;
		if (*i >= n)
			return 0;
		s = *i;
		e = s;
		while (e < n && p[e] != '/')
			e++;
		*i = e;
		if (e - s == 1 && p[s] == '.')
			continue;
		*start = s;
		return e - s;
	}
}

/* 1 when the host path p (n bytes, absolute) is pat or under it (under:
 * 1) or pat itself (under: 0), compared by components (// and /./ as
 * one); *end is where, in p, pat's last component ends (0 for "/"). */
static int ma_sh_mount_is(const char *p, size_t n, const char *pat, int under, size_t *end)
{
	size_t i = 0, j = 0, pl = strlen(pat), ps, qs, l;

	*end = 0;
	while ((l = ma_sh_mount_comp(pat, pl, &j, &qs)) > 0) {
		size_t m = ma_sh_mount_comp(p, n, &i, &ps);
		if (m != l || memcmp(p + ps, pat + qs, l))
			return 0;
		*end = ps + m;
	}
	return under || ma_sh_mount_comp(p, n, &i, &ps) == 0;
}

/* What the bytes [a, b) of a bind mount's host path p (n bytes) do: 1
 * when they name it (start it), climb with "..", or make it one of the
 * paths above with their bytes in the part that matched. */
static int ma_sh_mount_host(const char *p, size_t n, size_t a, size_t b)
{
	size_t end;

	if (b <= a || b > n)
		return 0; /* (cut at a quoted value's end: nothing of the path) */
	if (b - a < 2 && !(a == 0 && b == n))
		return 0; /* one byte: only the whole path ("/", ".") */
	if (a == 0)
		return 1;
	for (size_t k = a; k + 1 < b; k++)
		if (p[k] == '.' && p[k + 1] == '.' && (k == 0 || p[k - 1] == '/') &&
		    (k + 2 == n || p[k + 2] == '/'))
			return 1;
	if (p[0] != '/')
		return 0; /* "./x", "~/x": the input does not start it */
	for (int k = 0; ma_sh_mount_under[k]; k++)
		if (ma_sh_mount_is(p, n, ma_sh_mount_under[k], 1, &end) && a < end)
			return 1;
	for (int k = 0; ma_sh_mount_exact[k]; k++)
		if (ma_sh_mount_is(p, n, ma_sh_mount_exact[k], 0, &end) && (a < end || end == 0))
			return 1;
	return 0;
}

/* -v's SPEC s (n bytes), the input at [a, b). */
static int ma_sh_mount_volume(const char *s, size_t n, size_t a, size_t b)
{
	const char *c1 = memchr(s, ':', n), *c2;
	size_t src;

	if (b - a >= 2 && memchr(s + a, ':', b - a))
		return MA_SH_MOUNT_FIELD; /* a new field: ":rw", ":/etc" */
	if (!c1)
		return 0; /* TARGET alone: a volume of its own */
	src = (size_t)(c1 - s);
	c2 = memchr(c1 + 1, ':', n - src - 1);
	if (c2 && b > (size_t)(c2 - s) && b - a >= 2)
		return MA_SH_MOUNT_FIELD; /* in OPTIONS */
	if (a >= src || !src || !strchr("/.~", s[0]))
		return 0; /* TARGET, or a volume's name */
	return ma_sh_mount_host(s, src, a, b) ? MA_SH_MOUNT_HOST : 0;
}

/* 1 when the key k (kl bytes) is w. */
static int ma_sh_mount_key(const char *k, size_t kl, const char *w)
{
	return strlen(w) == kl && !memcmp(k, w, kl);
}

/* --mount's CSV s (n bytes), the input at [a, b). */
static int ma_sh_mount_csv(const char *s, size_t n, size_t a, size_t b)
{
	size_t f = 0, fa = 0, fb = 0;
	int bind = 0, found = 0, one = b - a < 2; /* one byte adds no field (as elsewhere) */

	if (!one && memchr(s + a, '"', b - a))
		return MA_SH_MOUNT_FIELD;
	/* the fields: the one that holds a (it must hold b too), and the type */
	while (f <= n) {
		size_t e = f, vs, ve;
		const char *k, *eq;
		if (f < n && s[e] == '"') { /* "...": "" is a quote */
			for (e++; e < n; e++)
				if (s[e] == '"') {
					if (e + 1 < n && s[e + 1] == '"')
						e++;
					else
						break;
				}
			e = e < n ? e + 1 : n;
			while (e < n && s[e] != ',')
				e++;
		} else
			while (e < n && s[e] != ',')
				e++;
		k = s + f + (f < n && s[f] == '"');
		eq = memchr(k, '=', (size_t)(s + e - k));
		vs = eq ? (size_t)(eq - s) + 1 : e;
		ve = e > vs && s[e - 1] == '"' && f < n && s[f] == '"' ? e - 1 : e;
		if (eq && ma_sh_mount_key(k, (size_t)(eq - k), "type"))
			bind = ve - vs == 4 && !memcmp(s + vs, "bind", 4);
		if (a >= f && a < e) {
			if (b > e && !one)
				return MA_SH_MOUNT_FIELD; /* over the ',' */
			found = 1;
			fa = f;
			fb = e;
		}
		f = e + 1;
	}
	if (!found)
		return 0;
	{
		const char *k = s + fa + (s[fa] == '"'), *eq = memchr(k, '=', (size_t)(s + fb - k));
		size_t kl, vs, ve;
		if (!eq || a < (size_t)(eq - s) + 1)
			return one ? 0 : MA_SH_MOUNT_FIELD; /* the key, or the '=' */
		kl = (size_t)(eq - k);
		vs = (size_t)(eq - s) + 1;
		ve = fb > vs && s[fb - 1] == '"' && s[fa] == '"' ? fb - 1 : fb;
		if (b > ve)
			b = ve;
		if (ma_sh_mount_key(k, kl, "type") || ma_sh_mount_key(k, kl, "bind-propagation"))
			return one ? 0 : MA_SH_MOUNT_FIELD; /* rshared: the host sees its mounts */
		if (ma_sh_mount_key(k, kl, "source") || ma_sh_mount_key(k, kl, "src"))
			return bind && ma_sh_mount_host(s + vs, ve - vs, a - vs, b - vs)
			           ? MA_SH_MOUNT_HOST
			           : 0;
		if (ma_sh_mount_key(k, kl, "volume-opt")) { /* device=PATH, o=bind */
			const char *e2 = memchr(s + vs, '=', ve - vs);
			size_t ds = e2 ? (size_t)(e2 - s) + 1 : ve;
			if (a < ds)
				return one ? 0 : MA_SH_MOUNT_FIELD;
			if (ds - vs == 7 && !memcmp(s + vs, "device=", 7) && s[ds] == '/')
				return ma_sh_mount_host(s + ds, ve - ds, a - ds, b - ds)
				           ? MA_SH_MOUNT_HOST
				           : 0;
			return 0;
		}
		return 0; /* target, readonly, volume-label ... */
	}
}

int ma_sh_mount_judge(int csv, const char *s, size_t n, size_t a, size_t b)
{
	if (a >= b || b > n)
		return 0;
	return csv ? ma_sh_mount_csv(s, n, a, b) : ma_sh_mount_volume(s, n, a, b);
}
