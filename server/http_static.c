/*
 * http_static.c — the dashboard's static files.
 *
 * The web root is read into memory once at start (http_static_load, main
 * thread, before the server starts) into a read-only table keyed by URL
 * path; requests never touch the filesystem. That makes escaping the root
 * impossible by construction: symlinks that resolve outside the root are
 * skipped at load, and request paths with dot segments, backslashes,
 * encoded NULs or leftover '%' (double encoding) are refused with 400
 * before any lookup. Serving is lock-free on MHD worker threads.
 *
 * One file comes from outside the root on purpose: the chart library,
 * which Debian's libjs-chart.js installs and the project does not copy
 * (--chart-js, http_static_vendor). It is served at HTTP_STATIC_CHART_URL
 * with a long cache lifetime; when it is missing, that URL answers 404
 * with a sentence that says so, and the dashboard draws no chart.
 */
#include "http.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "crypto.h"
#include "err.h"
#include "log.h"
#include "xalloc.h"

#define STATIC_MAX_FILES 2048
#define STATIC_MAX_BYTES (64u << 20)
#define STATIC_MAX_DEPTH 8

struct static_file {
	char *path; /* "/index.html" */
	char *data;
	size_t len;
	const char *ctype;
	const char *cache; /* Cache-Control */
	char etag[24];
};

static struct static_file static_files[STATIC_MAX_FILES];
static int static_count;
static size_t static_bytes;
static char static_root[PATH_MAX];
static int static_chart_missing; /* --chart-js could not be read */

#define STATIC_CACHE_SHORT "public, max-age=300"
#define STATIC_CACHE_HTML  "no-cache"
/* a week: the file changes only with a package upgrade, and the ETag
 * revalidates it then */
#define STATIC_CACHE_VENDOR "public, max-age=604800"

static const char *static_ctype(const char *name)
{
	static const struct {
		const char *ext, *type;
	} t[] = {
	    {".html", "text/html; charset=utf-8"},
	    {".css", "text/css; charset=utf-8"},
	    {".js", "text/javascript; charset=utf-8"},
	    {".mjs", "text/javascript; charset=utf-8"},
	    {".json", "application/json"},
	    {".map", "application/json"},
	    {".svg", "image/svg+xml"},
	    {".png", "image/png"},
	    {".ico", "image/x-icon"},
	    {".txt", "text/plain; charset=utf-8"},
	    {".woff2", "font/woff2"},
	    {".webmanifest", "application/manifest+json"},
	};
	const char *dot = strrchr(name, '.');

	if (dot)
		for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)
			if (strcmp(dot, t[i].ext) == 0)
				return t[i].type;
	return "application/octet-stream";
}

static int static_add(const char *fs_path, const char *url, const char *cache)
{
	struct static_file *f;
	unsigned char digest[CRYPTO_SHA256_LEN];
	char hex[17];
	struct stat sb;
	FILE *fp;

	if (static_count == STATIC_MAX_FILES) {
		LOG(LOG_WARN, "msg=\"web root has too many files; rest skipped\"");
		return MOAT_ETOOBIG;
	}
	fp = fopen(fs_path, "rb");
	if (!fp || fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		if (fp)
			fclose(fp);
		return MOAT_EIO;
	}
	if ((size_t)sb.st_size > STATIC_MAX_BYTES - static_bytes) {
		fclose(fp);
		LOG(LOG_WARN, "msg=\"web root over size cap; file skipped\" file=\"%s\"", url);
		return MOAT_ETOOBIG;
	}
	f = &static_files[static_count];
	f->len = (size_t)sb.st_size;
	f->data = xmalloc(f->len + 1);
	if (fread(f->data, 1, f->len, fp) != f->len) {
		fclose(fp);
		free(f->data);
		return MOAT_EIO;
	}
	fclose(fp);
	f->path = xstrdup(url);
	f->ctype = static_ctype(url);
	f->cache = cache                           ? cache
	           : strstr(f->ctype, "text/html") ? STATIC_CACHE_HTML
	                                           : STATIC_CACHE_SHORT;
	crypto_sha256(f->data, f->len, digest);
	crypto_hex(digest, 8, hex);
	snprintf(f->etag, sizeof f->etag, "\"%s\"", hex);
	static_bytes += f->len;
	static_count++;
	return MOAT_OK;
}

static void static_walk(const char *dir, const char *url, int depth)
{
	DIR *d;
	struct dirent *e;

	if (depth > STATIC_MAX_DEPTH)
		return;
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char fs[PATH_MAX], u[PATH_MAX], real[PATH_MAX];
		struct stat sb;
		size_t rl = strlen(static_root);

		if (e->d_name[0] == '.')
			continue; /* ., .., dotfiles */
		if (snprintf(fs, sizeof fs, "%s/%s", dir, e->d_name) >= (int)sizeof fs ||
		    snprintf(u, sizeof u, "%s/%s", url, e->d_name) >= (int)sizeof u)
			continue;
		if (!realpath(fs, real) || strncmp(real, static_root, rl) != 0 ||
		    (real[rl] != '/' && real[rl] != '\0')) {
			LOG(LOG_WARN, "msg=\"skipping path that leaves the web root\" path=\"%s\"",
			    u);
			continue;
		}
		if (stat(real, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode))
			static_walk(fs, u, depth + 1);
		else if (S_ISREG(sb.st_mode))
			static_add(real, u, NULL);
	}
	closedir(d);
}

int http_static_vendor(const char *fs_path)
{
	int rc;

	static_chart_missing = 1;
	if (!fs_path || !fs_path[0]) {
		LOG(LOG_INFO, "msg=\"no chart library configured; the dashboard draws no charts\"");
		return MOAT_ENOTFOUND;
	}
	rc = static_add(fs_path, HTTP_STATIC_CHART_URL, STATIC_CACHE_VENDOR);
	if (rc != MOAT_OK) {
		char q[PATH_MAX + 8];
		LOG(LOG_WARN,
		    "msg=\"chart library not found; the dashboard draws no charts (install "
		    "libjs-chart.js or set --chart-js)\" chart_js=%s",
		    log_quote(q, sizeof q, fs_path));
		return rc;
	}
	static_chart_missing = 0;
	LOG(LOG_INFO, "msg=\"chart library loaded\" url=%s bytes=%zu", HTTP_STATIC_CHART_URL,
	    static_files[static_count - 1].len);
	return MOAT_OK;
}

int http_static_load(const char *root)
{
	http_static_free();
	if (!realpath(root, static_root)) {
		LOG(LOG_WARN,
		    "msg=\"web root not found; dashboard disabled\" web_root=\"%s\" error=\"%s\"",
		    root, strerror(errno));
		static_root[0] = '\0';
		return MOAT_ENOTFOUND;
	}
	static_walk(static_root, "", 0);
	LOG(LOG_INFO, "msg=\"web root loaded\" files=%d bytes=%zu", static_count, static_bytes);
	return MOAT_OK;
}

void http_static_free(void)
{
	for (int i = 0; i < static_count; i++) {
		free(static_files[i].path);
		free(static_files[i].data);
	}
	static_count = 0;
	static_bytes = 0;
}

/* 1 when a decoded path is safe to look up. */
static int static_path_ok(const char *p)
{
	if (p[0] != '/' || strchr(p, '\\') || strchr(p, '%') || strstr(p, "//"))
		return 0;
	for (const char *s = p; s; s = strchr(s + 1, '/')) {
		const char *seg = s + 1;
		if ((seg[0] == '.' && (seg[1] == '/' || seg[1] == '\0')) ||
		    (seg[0] == '.' && seg[1] == '.' && (seg[2] == '/' || seg[2] == '\0')))
			return 0;
	}
	return 1;
}

void http_static_serve(struct http_req *r)
{
	char dec[PATH_MAX], key[PATH_MAX + 16];
	const char *inm;
	struct static_file *f = NULL;
	size_t n;

	if (http_pct_decode(r->path, strlen(r->path), dec, sizeof dec) < 0 ||
	    !static_path_ok(dec)) {
		http_problem(r, 400, "bad_request", "the path is not allowed", NULL);
		return;
	}
	n = strlen(dec);
	snprintf(key, sizeof key, "%s%s", dec, dec[n - 1] == '/' ? "index.html" : "");
	for (int i = 0; i < static_count; i++) {
		if (strcmp(static_files[i].path, key) == 0) {
			f = &static_files[i];
			break;
		}
	}
	if (!f) {
		if (static_chart_missing && strcmp(key, HTTP_STATIC_CHART_URL) == 0)
			http_problem(r, 404, "not_found",
			             "the chart library is not installed on this server "
			             "(libjs-chart.js, --chart-js)",
			             NULL);
		else
			http_problem(r, 404, "not_found", "no such file", NULL);
		return;
	}
	http_header_next(r, "ETag", f->etag);
	http_header_next(r, "Cache-Control", f->cache);
	inm = http_header(r, MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (inm && (strstr(inm, f->etag) || strcmp(inm, "*") == 0)) {
		http_reply(r, 304, NULL, "", 0);
		return;
	}
	http_reply(r, 200, f->ctype, f->data, f->len);
}
