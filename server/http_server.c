/*
 * http_server.c — libmicrohttpd glue: the access handler, body buffering
 * with a cap, responses, the per-request log line and metrics.
 *
 * Threads: MHD's internal pool (epoll) calls everything here; each request
 * stays on one worker thread. The request is answered on the access
 * handler's last call (never the first, except to refuse a body that is
 * announced too large), which keeps keep-alive connections open. The URL
 * is left percent-encoded (our unescape callback is a no-op) so that the
 * router decodes it segment by segment and can refuse %00 and friends.
 */
#include "http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "crypto.h"
#include "http_deadline.h"
#include "json_out.h"
#include "err.h"
#include "log.h"
#include "metrics.h"
#include "timefmt.h"
#include "xalloc.h"

#define HTTP_MAX_EXTRA_HEADERS 4
/* The largest JSON response body (a page of results). */
#define HTTP_JSON_OUT_MAX (64u << 20)
/* Per-connection memory pool. libmicrohttpd 0.9.75 zeroes it for every
 * request, so its size is a per-request cost; 16 KiB still takes ~8 KiB of
 * request headers (more gets 431). */
#define HTTP_CONN_MEMORY 16384
/* Bytes asked of a streamed response's callback at a time. */
#define HTTP_STREAM_BLOCK 32768
/* at shutdown, how long suspended requests may take to be answered */
#define HTTP_DRAIN_US (35LL * 1000000)

struct http_server {
	struct MHD_Daemon *daemon;
	const struct config *cfg;
};

struct http_req_ext {
	struct http_req req;
	char *hname[HTTP_MAX_EXTRA_HEADERS];
	char *hvalue[HTTP_MAX_EXTRA_HEADERS];
	int nh;
};

static char http_boot_id[8];
static int http_stopping; /* shutting down: new API requests are refused (atomic) */
static uint64_t http_req_counter;

static int http_live_port_v; /* atomic; see http_set_live_port */

/* The dashboard's CSP; connect-src names the live feed's WebSocket origins
 * when it is on another port of this host. */
#define HTTP_CSP_HEAD                                                                              \
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
#define HTTP_CSP_TAIL                                                                              \
	"; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

void http_set_live_port(int port)
{
	__atomic_store_n(&http_live_port_v, port, __ATOMIC_RELEASE);
}

int http_live_port(void)
{
	return __atomic_load_n(&http_live_port_v, __ATOMIC_ACQUIRE);
}

static const char *http_reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 201:
		return "Created";
	case 204:
		return "No Content";
	case 304:
		return "Not Modified";
	case 400:
		return "Bad Request";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 405:
		return "Method Not Allowed";
	case 409:
		return "Conflict";
	case 412:
		return "Precondition Failed";
	case 413:
		return "Content Too Large";
	case 415:
		return "Unsupported Media Type";
	case 422:
		return "Unprocessable Content";
	case 429:
		return "Too Many Requests";
	case 503:
		return "Service Unavailable";
	default:
		return "Internal Server Error";
	}
}

void http_header_next(struct http_req *r, const char *name, const char *value)
{
	struct http_req_ext *x = (struct http_req_ext *)r;

	if (x->nh == HTTP_MAX_EXTRA_HEADERS)
		return;
	x->hname[x->nh] = xstrdup(name);
	x->hvalue[x->nh] = xstrdup(value);
	x->nh++;
}

static int http_is_api_path(const char *p)
{
	return strncmp(p, "/api/", 5) == 0 || strcmp(p, "/api") == 0 ||
	       strcmp(p, "/healthz") == 0 || strcmp(p, "/readyz") == 0 ||
	       strcmp(p, "/metrics") == 0;
}

/* Adds the common headers and those of http_header_next() to resp,
 * queues it and drops our reference. */
static void http_queue(struct http_req *r, int status, const char *ctype, struct MHD_Response *resp)
{
	struct http_req_ext *x = (struct http_req_ext *)r;
	int is_api, live = http_live_port();
	char csp[320];

	if (ctype)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	MHD_add_response_header(resp, "X-Request-Id", r->request_id);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	/* an API path without a route (404, 405, 400) is still the API's */
	is_api = r->route != NULL || http_is_api_path(r->path);
	/* API answers and every error (static 404/405 too) are never cached;
	 * a static file sets its own Cache-Control (http_static.c) */
	if (is_api || status >= 400)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (live > 0)
		snprintf(csp, sizeof csp,
		         HTTP_CSP_HEAD
		         "connect-src 'self' ws://127.0.0.1:%d ws://localhost:%d" HTTP_CSP_TAIL,
		         live, live);
	else
		snprintf(csp, sizeof csp, "%s", HTTP_CSP_HEAD "connect-src 'self'" HTTP_CSP_TAIL);
	MHD_add_response_header(resp, "Content-Security-Policy",
	                        is_api ? "default-src 'none'; frame-ancestors 'none'" : csp);
	for (int i = 0; i < x->nh; i++)
		MHD_add_response_header(resp, x->hname[i], x->hvalue[i]);
	MHD_queue_response(r->conn, (unsigned)status, resp);
	MHD_destroy_response(resp);
}

void http_reply(struct http_req *r, int status, const char *ctype, const void *body, size_t len)
{
	struct MHD_Response *resp;

	if (r->responded)
		return;
	r->responded = 1;
	r->status = status;
	resp = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	if (!resp) /* only for lack of memory: moatd aborts then, as xmalloc does */
		xalloc_oom("MHD_create_response_from_buffer", len);
	http_queue(r, status, ctype, resp);
}

void http_reply_stream(struct http_req *r, int status, const char *ctype, uint64_t size,
                       MHD_ContentReaderCallback cb, void *cls,
                       MHD_ContentReaderFreeCallback free_cb)
{
	struct MHD_Response *resp;

	if (r->responded) {
		free_cb(cls);
		return;
	}
	resp = MHD_create_response_from_callback(size, HTTP_STREAM_BLOCK, cb, cls, free_cb);
	if (!resp) {
		free_cb(cls);
		http_problem(r, 500, "internal", "internal error", NULL);
		return;
	}
	r->responded = 1;
	r->status = status;
	http_queue(r, status, ctype, resp);
}

void http_reply_json(struct http_req *r, int status, json_t *json)
{
	struct buf b;
	int rc;

	buf_init(&b, HTTP_JSON_OUT_MAX);
	rc = json && !r->encode_failed ? json_out(&b, json) : MOAT_EINVALID;
	json_decref(json);
	if (rc) {
		buf_cleanup(&b);
		LOG(LOG_ERROR, "msg=\"could not encode the response\" req=%s route=\"%s\"%s",
		    r->request_id, r->route ? r->route->pattern : "-",
		    r->encode_failed ? " cause=row" : "");
		http_problem(r, 500, "internal", "could not encode the response", NULL);
		return;
	}
	http_reply(r, status, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

void http_json_append(struct http_req *r, json_t *list, json_t *item)
{
	if (!item || json_array_append_new(list, item))
		r->encode_failed = 1;
}

void http_reply_empty(struct http_req *r, int status)
{
	http_reply(r, status, NULL, "", 0);
}

/* The problem document into b; with_client_text = 0 leaves out detail and
 * errors (the fallback when they cannot be written). The last call's
 * result is the document's (buf errors are sticky). */
static int http_problem_write(struct buf *b, struct http_req *r, int status, const char *code,
                              const char *detail, const json_t *errors, int with_client_text)
{
	int first = 1;

	buf_append(b, "{", 1);
	json_out_key_str(b, "type", "about:blank", &first);
	json_out_key_str(b, "title", http_reason(status), &first);
	json_out_key(b, "status", &first);
	json_out_int(b, status);
	json_out_key_str(b, "code", code, &first);
	json_out_key_str(b, "request_id", r->request_id, &first);
	if (with_client_text && detail)
		json_out_key_str(b, "detail", detail, &first);
	if (with_client_text && errors) {
		json_out_key(b, "errors", &first);
		json_out(b, errors);
	}
	return buf_append(b, "}", 1);
}

void http_problem(struct http_req *r, int status, const char *code, const char *detail,
                  json_t *errors)
{
	struct buf b;

	/* the one output path, as every response: the errors' paths echo
	 * client keys, escaped like any string */
	buf_init(&b, HTTP_JSON_OUT_MAX);
	if (http_problem_write(&b, r, status, code, detail, errors, 1)) {
		LOG(LOG_ERROR,
		    "msg=\"could not encode a problem's detail\" req=%s status=%d code=%s",
		    r->request_id, status, code);
		buf_reset(&b);
		http_problem_write(&b, r, status, code, NULL, NULL, 0);
	}
	json_decref(errors);
	http_reply(r, status, "application/problem+json", b.data ? b.data : "", b.len);
	buf_cleanup(&b);
}

void http_problem_err(struct http_req *r, int err, const char *detail)
{
	int status = err_http_status(err);

	if (status >= 500)
		detail = status == 503 ? "the server is busy; retry shortly" : "internal error";
	if (status == 503)
		http_header_next(r, "Retry-After", "1");
	http_problem(r, status, err_code(err), detail ? detail : err_str(err), NULL);
}

const char *http_header(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

static int http_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int http_pct_decode(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		if (c == '%') {
			int hi, lo;
			if (i + 2 >= n)
				return MOAT_EINVALID;
			hi = http_hexval(s[i + 1]);
			lo = http_hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return MOAT_EINVALID;
			c = hi * 16 + lo;
			i += 2;
		}
		if (c < 0x20 || c == 0x7f)
			return MOAT_EINVALID;
		if (o + 1 >= cap)
			return MOAT_EINVALID;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return (int)o;
}

int http_query(struct http_req *r, const char *name, char *out, size_t cap)
{
	const char *v = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
	char *tmp;
	size_t n;
	int rc;

	if (!v)
		return MOAT_ENOTFOUND;
	/* the value as sent (percent-encoded, up to 3 bytes per byte of out):
	 * its limit is cap, after decoding; MHD bounds the request line */
	n = strlen(v);
	if (n >= 3 * cap)
		return MOAT_EINVALID;
	tmp = xmalloc(n + 1);
	/* '+' means space in a query string */
	for (size_t i = 0; i <= n; i++)
		tmp[i] = v[i] == '+' ? ' ' : v[i];
	rc = http_pct_decode(tmp, n, out, cap) < 0 ? MOAT_EINVALID : MOAT_OK;
	free(tmp);
	return rc;
}

/* ---- request lifecycle ---- */

static void http_client_ip(struct http_req *r)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const char *xff, *proto;

	snprintf(r->ip, sizeof r->ip, "unknown");
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET,
			          &((const struct sockaddr_in *)(const void *)sa)->sin_addr, r->ip,
			          sizeof r->ip);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6,
			          &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			          r->ip, sizeof r->ip);
	}
	r->secure = strncmp(r->cfg->public_url, "https://", 8) == 0;
	if (!r->cfg->trust_proxy)
		return;
	/* the proxy appends the address it saw: the last entry is the one it vouches for */
	xff = http_header(r, "X-Forwarded-For");
	if (xff) {
		const char *last = strrchr(xff, ',');
		unsigned char addr[16];
		char cand[64];
		last = last ? last + 1 : xff;
		while (*last == ' ')
			last++;
		snprintf(cand, sizeof cand, "%s", last);
		cand[strcspn(cand, " ")] = '\0';
		if (inet_pton(AF_INET, cand, addr) == 1 || inet_pton(AF_INET6, cand, addr) == 1)
			snprintf(r->ip, sizeof r->ip, "%s", cand);
	}
	proto = http_header(r, "X-Forwarded-Proto");
	if (proto && strcmp(proto, "https") == 0)
		r->secure = 1;
}

/* Runs the route once the whole body is in. */
/* Runs fn(r) in one read transaction of this thread's connection; a
 * request left without an answer (and not suspended) gets a 500. -1 when
 * no transaction could be had (r got a 503). */
static int http_with_store(struct http_req *r, void (*fn)(struct http_req *r))
{
	r->st = store_thread();
	if (!r->st || store_read_begin(r->st) != MOAT_OK) {
		if (r->st)
			store_idle(r->st);
		http_problem_err(r, MOAT_EBUSY, NULL);
		return -1;
	}
	fn(r);
	store_idle(r->st);
	if (!r->responded && !r->resume_cb)
		http_problem(r, 500, "internal", "internal error", NULL);
	return 0;
}

/* The route's handler, once the caller is authenticated and allowed. */
static void http_authorized(struct http_req *r)
{
	if (http_auth_check(r) == 0)
		r->route->handler(r);
}

static void http_dispatch(struct http_req *r)
{
	if (r->body_over) {
		http_problem(r, 413, "body_too_large", "the request body is over the limit", NULL);
		return;
	}
	if (__atomic_load_n(&http_stopping, __ATOMIC_RELAXED)) {
		http_header_next(r, "Retry-After", "1");
		http_problem(r, 503, "unavailable", "the server is shutting down", NULL);
		return;
	}
	http_with_store(r, http_authorized);
}

/* ---- suspended requests ---- */

static int http_suspended; /* requests suspended and not yet resumed (atomic) */

void http_suspend(struct http_req *r, void (*resume)(struct http_req *r), void *arg,
                  void (*free_arg)(void *arg))
{
	r->resume_cb = resume;
	r->wait_arg = arg;
	r->wait_free = free_arg;
	__atomic_add_fetch(&http_suspended, 1, __ATOMIC_RELAXED);
	MHD_suspend_connection(r->conn);
}

void http_resume(struct http_req *r)
{
	MHD_resume_connection(r->conn);
}

/* The access handler's call after http_resume(): the handler's reply. */
static void http_resumed(struct http_req *r)
{
	void (*cb)(struct http_req * r) = r->resume_cb;

	r->resume_cb = NULL;
	r->waited = 1;
	__atomic_sub_fetch(&http_suspended, 1, __ATOMIC_RELAXED);
	if (http_with_store(r, cb) != 0 && r->wait_free)
		r->wait_free(r->wait_arg); /* cb did not run to free it */
	if (!r->resume_cb)
		r->wait_arg = NULL;
}

static struct http_req *http_req_new(struct http_server *s, struct MHD_Connection *conn,
                                     const char *url, const char *method)
{
	struct http_req_ext *x = xcalloc(1, sizeof *x);
	struct http_req *r = &x->req;
	uint64_t n = __atomic_add_fetch(&http_req_counter, 1, __ATOMIC_RELAXED);

	r->conn = conn;
	r->cfg = s->cfg;
	r->start_us = timefmt_mono_us();
	r->method = http_method_parse(method);
	r->method_str = method;
	r->path = xstrdup(url);
	r->route_index = http_route_count + 1;
	snprintf(r->request_id, sizeof r->request_id, "%s%010llx", http_boot_id,
	         (unsigned long long)n);
	buf_init(&r->body, 0);
	return r;
}

/* First call: route the request and refuse what can be refused now. */
static void http_begin(struct http_req *r)
{
	const char *cl;
	int allow = 0, idx;

	if (!http_is_api_path(r->path)) {
		r->route_index = http_route_count;
		return; /* static: handled at the end (GET/HEAD only) */
	}
	idx = http_route_match(r, r->method, r->path, &allow);
	if (idx >= 0) {
		r->route = &http_routes[idx];
		r->route_index = idx;
		buf_init(&r->body, r->route->body_max);
		cl = http_header(r, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl) {
			unsigned long long len = strtoull(cl, NULL, 10);
			if (len > r->route->body_max)
				r->body_over = 1;
		}
		return;
	}
	/* answered at the end, once MHD has the body out of the way */
	r->route = NULL;
	r->status = idx == -2 ? -400 : allow ? -405 : -404;
	r->params[HTTP_MAX_PARAMS - 1] = NULL;
	if (allow) {
		char a[64];
		http_allow_string(allow, a, sizeof a);
		http_header_next(r, "Allow", a);
	}
}

static enum MHD_Result http_access(void *cls, struct MHD_Connection *conn, const char *url,
                                   const char *method, const char *version, const char *upload_data,
                                   size_t *upload_data_size, void **ctx)
{
	struct http_server *s = cls;
	struct http_req *r = *ctx;

	if (!r) {
		r = http_req_new(s, conn, url, method);
		*ctx = r;
	}
	if (!r->begun) {
		r->begun = 1;
		free(r->path);
		r->path = xstrdup(url);
		r->method = http_method_parse(method);
		r->method_str = method;
		http_client_ip(r);
		/* url and version sit in MHD's read buffer: "url[?query] version".
		 * A target that is longer than its C string held a NUL byte. */
		if (version[0] && (size_t)(version - url - 1) != r->raw_target_len) {
			r->status = -400;
			r->route_index = http_route_count + 1;
			return MHD_YES;
		}
		http_begin(r);
		if (r->body_over) {
			/* refuse at once: the body is not worth reading */
			http_problem(r, 413, "body_too_large", "the request body is over the limit",
			             NULL);
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		if (!r->responded && !r->body_over && r->route) {
			if (buf_append(&r->body, upload_data, *upload_data_size) != MOAT_OK) {
				r->body_over = 1;
				buf_cleanup(&r->body);
			}
		} else if (!r->route && r->status == 0) {
			r->body_over = 1; /* static files take no body */
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	/* the whole request is in: its deadline no longer runs */
	http_deadline_disarm(conn);
	if (r->resume_cb) {
		http_resumed(r);
		return MHD_YES;
	}
	if (r->responded)
		return MHD_YES;
	if (r->route) {
		http_dispatch(r);
	} else if (r->status == -404) {
		r->status = 0;
		http_problem(r, 404, "not_found", "no such route", NULL);
	} else if (r->status == -405) {
		r->status = 0;
		http_problem(r, 405, "method_not_allowed", "method not allowed on this route",
		             NULL);
	} else if (r->status == -400) {
		r->status = 0;
		http_problem(r, 400, "bad_request", "the request target does not decode", NULL);
	} else if (r->method != HM_GET && r->method != HM_HEAD) {
		http_header_next(r, "Allow", "GET, HEAD");
		http_problem(r, 405, "method_not_allowed", "static files are read-only", NULL);
	} else {
		http_static_serve(r);
	}
	return MHD_YES;
}

static void http_completed(void *cls, struct MHD_Connection *conn, void **ctx,
                           enum MHD_RequestTerminationCode toe)
{
	struct http_req_ext *x = *ctx;
	struct http_req *r;
	int64_t dur;

	(void)cls;
	/* the answer is out (or the request over): the next one on this
	 * connection gets a fresh deadline */
	http_deadline_arm(conn);
	if (!x)
		return;
	r = &x->req;
	if (r->resume_cb) {
		/* resumed, but the client was gone before the reply */
		__atomic_sub_fetch(&http_suspended, 1, __ATOMIC_RELAXED);
		r->resume_cb = NULL;
		if (r->wait_free)
			r->wait_free(r->wait_arg);
	}
	dur = timefmt_mono_us() - r->start_us;
	if (!r->responded)
		r->status = 499; /* client went away before an answer */
	metrics_observe(r->route_index, r->status, dur);
	if (log_min_level <= LOG_INFO) {
		char qpath[256], qmethod[40];
		LOG(LOG_INFO,
		    "msg=request req=%s method=%s route=\"%s\" path=%s status=%d dur_ms=%.3f "
		    "ip=%s%s",
		    r->request_id, log_word(qmethod, sizeof qmethod, r->method_str),
		    r->route                             ? r->route->pattern
		    : r->route_index == http_route_count ? "static"
		                                         : "unmatched",
		    log_quote(qpath, sizeof qpath, r->path), r->status, (double)dur / 1000.0, r->ip,
		    toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted=1");
	}
	for (int i = 0; i < x->nh; i++) {
		free(x->hname[i]);
		free(x->hvalue[i]);
	}
	for (int i = 0; i < HTTP_MAX_PARAMS; i++)
		free(r->params[i]);
	buf_cleanup(&r->body);
	free(r->path);
	free(x);
	*ctx = NULL;
}

/* MHD's first sight of a request: the raw target, before it splits off
 * the query. Its length is kept so the access handler can notice a NUL
 * byte hidden in the target (MHD hands the URL over as a C string, which
 * such a byte would silently cut short). */
static void *http_uri_seen(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct http_server *s = cls;
	struct http_req *r = http_req_new(s, conn, "", "");

	r->raw_target_len = strlen(uri);
	return r;
}

/* Leaves the URL and arguments percent-encoded: we decode them ourselves. */
static size_t http_no_unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

/* MHD's own messages: the format comes from libmicrohttpd itself. */
__attribute__((format(printf, 2, 0))) static void http_mhd_log(void *cls, const char *fmt,
                                                               va_list ap)
{
	char msg[512], q[600];

	(void)cls;
	vsnprintf(msg, sizeof msg, fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	LOG(LOG_DEBUG, "msg=mhd detail=%s", log_quote(q, sizeof q, msg));
}

int http_server_start(const struct config *cfg, struct http_server **out, int *port)
{
	struct sockaddr_storage ss;
	struct http_server *s;
	char host[128];
	unsigned char rnd[3];
	int p;
	const union MHD_DaemonInfo *di;

	crypto_random(rnd, sizeof rnd);
	crypto_hex(rnd, sizeof rnd, http_boot_id);
	if (config_split_addr(cfg->listen, host, sizeof host, &p))
		return MOAT_EINVALID;
	memset(&ss, 0, sizeof ss);
	if (strchr(host, ':')) {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&ss;
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)p);
		if (inet_pton(AF_INET6, host, &a6->sin6_addr) != 1)
			return MOAT_EINVALID;
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)&ss;
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)p);
		if (inet_pton(AF_INET, strcmp(host, "localhost") ? host : "127.0.0.1",
		              &a4->sin_addr) != 1)
			return MOAT_EINVALID;
	}
	if (http_deadline_start(cfg->request_timeout_s))
		return MOAT_EIO;
	s = xcalloc(1, sizeof *s);
	s->cfg = cfg;
	/* MHD's CONNECTION_TIMEOUT is an idle timeout (each byte restarts it);
	 * the request deadline (http_deadline.c) bounds a request's whole
	 * header and body */
	s->daemon = MHD_start_daemon(
	    MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME |
	        (strchr(host, ':') ? MHD_USE_IPv6 : 0),
	    0, NULL, NULL, http_access, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->http_threads, MHD_OPTION_NOTIFY_COMPLETED,
	    http_completed, s, MHD_OPTION_UNESCAPE_CALLBACK, http_no_unescape, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60, MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned)4096, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONN_MEMORY,
	    MHD_OPTION_URI_LOG_CALLBACK, http_uri_seen, s, MHD_OPTION_EXTERNAL_LOGGER, http_mhd_log,
	    NULL, MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->max_conns_per_ip,
	    MHD_OPTION_NOTIFY_CONNECTION, http_deadline_notify, NULL, MHD_OPTION_END);
	if (!s->daemon) {
		http_deadline_stop();
		free(s);
		LOG(LOG_ERROR, "msg=\"cannot start HTTP server\" listen=%s", cfg->listen);
		return MOAT_EIO;
	}
	di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	*port = di ? di->port : p;
	*out = s;
	return MOAT_OK;
}

void http_server_stop(struct http_server *s)
{
	int64_t until;

	if (!s)
		return;
	/* MHD must not be stopped with suspended connections: new API requests
	 * are refused (503), and the requests waiting for the writer (still
	 * running) get their answers, which takes at most a commit, or their
	 * deadline. (MHD_quiesce_daemon would stop accepting instead, but in
	 * libmicrohttpd 0.9.75 with a thread pool it can abort the process:
	 * "Failed to remove listen FD from epoll set", seen right after a
	 * start.) */
	__atomic_store_n(&http_stopping, 1, __ATOMIC_RELAXED);
	until = timefmt_mono_us() + HTTP_DRAIN_US;
	while (__atomic_load_n(&http_suspended, __ATOMIC_RELAXED) > 0 && timefmt_mono_us() < until)
		usleep(10000);
	MHD_stop_daemon(s->daemon);
	http_deadline_stop();
	free(s);
}
