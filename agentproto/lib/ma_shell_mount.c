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
 * Pure: reads the value (once a walk over its places, with a memo the
 * caller holds: ma_sh_mount_judge_m), allocates nothing. Any thread.
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

/* -v's SPEC s (n bytes), the input at [a, b); m's first two ':' found
 * once a value. */
static int ma_sh_mount_volume(struct ma_sh_mount_memo *m, const char *s, size_t n, size_t a,
                              size_t b)
{
	size_t src;

	if (!m->ready) {
		const char *c1 = memchr(s, ':', n), *c2 = NULL;
		m->c1 = c1 ? (size_t)(c1 - s) : n;
		if (c1)
			c2 = memchr(c1 + 1, ':', n - m->c1 - 1);
		m->c2 = c2 ? (size_t)(c2 - s) : n;
		m->ready = 1;
	}
	if (b - a >= 2 && memchr(s + a, ':', b - a))
		return MA_SH_MOUNT_FIELD; /* a new field: ":rw", ":/etc" */
	if (m->c1 == n)
		return 0; /* TARGET alone: a volume of its own */
	src = m->c1;
	if (m->c2 < n && b > m->c2 && b - a >= 2)
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

/* The end of --mount's field that starts at f of s (n bytes): the ','
 * after it or n; a field may be "..."-quoted ("" is a quote). */
static size_t ma_sh_mount_field_end(const char *s, size_t n, size_t f)
{
	size_t e = f;

	if (f < n && s[e] == '"') {
		for (e++; e < n; e++)
			if (s[e] == '"') {
				if (e + 1 < n && s[e + 1] == '"')
					e++;
				else
					break;
			}
		e = e < n ? e + 1 : n;
	}
	while (e < n && s[e] != ',')
		e++;
	return e;
}

/* --mount's CSV s (n bytes), the input at [a, b); m keeps the type
 * (read once a value) and the field the last place was in. */
static int ma_sh_mount_csv(struct ma_sh_mount_memo *m, const char *s, size_t n, size_t a, size_t b)
{
	size_t fa, fb;
	int one = b - a < 2; /* one byte adds no field (as elsewhere) */

	if (!one && memchr(s + a, '"', b - a))
		return MA_SH_MOUNT_FIELD;
	if (!m->ready) {
		/* the type: a later type= wins */
		m->bind = 0;
		for (size_t f = 0; f <= n;) {
			size_t e = ma_sh_mount_field_end(s, n, f), vs, ve;
			const char *k = s + f + (f < n && s[f] == '"'),
			           *eq = memchr(k, '=', (size_t)(s + e - k));
			vs = eq ? (size_t)(eq - s) + 1 : e;
			ve = e > vs && s[e - 1] == '"' && f < n && s[f] == '"' ? e - 1 : e;
			if (eq && ma_sh_mount_key(k, (size_t)(eq - k), "type"))
				m->bind = ve - vs == 4 && !memcmp(s + vs, "bind", 4);
			f = e + 1;
		}
		m->f = 0;
		m->e = ma_sh_mount_field_end(s, n, 0);
		m->ready = 1;
	}
	if (a < m->f) { /* a place before the last one: the fields again */
		m->f = 0;
		m->e = ma_sh_mount_field_end(s, n, 0);
	}
	/* the field that holds a (it must hold b too): none when a is a ',' */
	while (a >= m->e && m->e < n) {
		m->f = m->e + 1;
		m->e = ma_sh_mount_field_end(s, n, m->f);
	}
	if (a < m->f || a >= m->e)
		return 0;
	if (b > m->e && !one)
		return MA_SH_MOUNT_FIELD; /* over the ',' */
	fa = m->f;
	fb = m->e;
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
			return m->bind && ma_sh_mount_host(s + vs, ve - vs, a - vs, b - vs)
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

int ma_sh_mount_judge_m(struct ma_sh_mount_memo *m, int csv, const char *s, size_t n, size_t a,
                        size_t b)
{
	if (a >= b || b > n)
		return 0;
	return csv ? ma_sh_mount_csv(m, s, n, a, b) : ma_sh_mount_volume(m, s, n, a, b);
}

int ma_sh_mount_judge(int csv, const char *s, size_t n, size_t a, size_t b)
{
	struct ma_sh_mount_memo m = {0};

	return ma_sh_mount_judge_m(&m, csv, s, n, a, b);
}
