/*
 * http.h — the request object and helpers shared by http_*.c and api_*.c.
 *
 * A struct http_req lives from libmicrohttpd's first call of the access
 * handler until its completion callback, on one MHD worker thread. A
 * handler authenticates (done before it runs, from the route's access
 * flags), parses, validates, calls the store and queues exactly one
 * response through http_reply_*(). Handlers do no network I/O.
 */
#ifndef MOAT_HTTP_H
#define MOAT_HTTP_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdint.h>

#include "buf.h"
#include "config.h"
#include "store.h"

enum http_method {
	HM_GET = 1,
	HM_HEAD = 2,
	HM_POST = 4,
	HM_PUT = 8,
	HM_PATCH = 16,
	HM_DELETE = 32
};

enum role { ROLE_NONE = 0, ROLE_VIEWER = 1, ROLE_EDITOR = 2, ROLE_ADMIN = 3 };

/* Route access flags: who may call. */
enum access {
	ACC_PUBLIC = 1 << 0, /* no credentials needed */
	ACC_VIEWER = 1 << 1, /* users (session or personal token) of at least this role */
	ACC_EDITOR = 1 << 2,
	ACC_ADMIN = 1 << 3,
	ACC_CI = 1 << 4,           /* a ci token of the {slug} project */
	ACC_AGENT = 1 << 5,        /* an agent token */
	ACC_SESSION_ONLY = 1 << 6, /* cookie sessions only (no bearer) */
	ACC_NO_CSRF = 1 << 7,      /* state change that needs no CSRF header (login) */
};

enum principal_kind { PRINCIPAL_NONE = 0, PRINCIPAL_SESSION, PRINCIPAL_TOKEN };

struct principal {
	int kind;
	int role;                 /* enum role; ROLE_NONE for agent/ci tokens */
	struct store_user user;   /* valid when user.id > 0 */
	struct store_token token; /* valid when kind == PRINCIPAL_TOKEN */
	int64_t session_id;
	char csrf[44]; /* the session's CSRF token */
};

struct http_req;
typedef void (*http_handler_fn)(struct http_req *r);

struct route {
	int method;
	const char *pattern; /* "/api/v1/projects/{slug}" */
	http_handler_fn handler;
	size_t body_max; /* 0 = no body accepted */
	int access;
};

#define HTTP_MAX_PARAMS       4
#define HTTP_BODY_MAX_DEFAULT 65536

struct http_req {
	struct MHD_Connection *conn;
	const struct config *cfg;
	const struct route *route;
	int route_index; /* metrics slot */
	int method;
	const char *method_str;
	char *path;                    /* raw (still percent-encoded) path */
	char *params[HTTP_MAX_PARAMS]; /* decoded path parameters */
	struct buf body;
	int body_over;         /* the body passed route->body_max */
	int begun;             /* the access handler has seen the request */
	size_t raw_target_len; /* strlen of the target as MHD first saw it */
	int responded;
	int status;
	char request_id[24];
	char ip[64];
	int secure; /* the client used https (via --trust-proxy) */
	int64_t start_us;
	struct store *st;
	struct principal who;
	struct actor actor;
	/* http_suspend: what runs when the request is resumed, and the
	 * handler's state (freed by wait_free if the request ends first) */
	void (*resume_cb)(struct http_req *r);
	void *wait_arg;
	void (*wait_free)(void *arg);
	int waited;        /* resumed once already (a handler run again after a wait) */
	int encode_failed; /* a row could not be encoded: the answer is a 500 */
};

/* ---- responses (exactly one per request) ---- */

/* Queues body (copied) with status and content type. */
void http_reply(struct http_req *r, int status, const char *ctype, const void *body, size_t len);
/* Queues json (stolen) as application/json. When json is NULL, cannot be
 * written, or a row was lost on the way (http_json_append), answers 500
 * with the request id and logs an error line instead: a response never
 * silently leaves out what it could not encode. */
void http_reply_json(struct http_req *r, int status, json_t *json);
/* Appends item (stolen) to the array list. A NULL item (jansson could not
 * build it: stored text that is not UTF-8) fails the response as a whole
 * (see http_reply_json) instead of shortening the list. */
void http_json_append(struct http_req *r, json_t *list, json_t *item);
void http_reply_empty(struct http_req *r, int status);
/* Queues a response whose body cb produces later (MHD_SIZE_UNKNOWN: sent
 * chunked), with the same headers as http_reply(). cb runs on this
 * request's MHD worker thread after the handler has returned, so it must
 * not use r; it owns cls, which free_cb frees when the response is done.
 * Ownership of cls passes here in every case (free_cb runs on failure). */
void http_reply_stream(struct http_req *r, int status, const char *ctype, uint64_t size,
                       MHD_ContentReaderCallback cb, void *cls,
                       MHD_ContentReaderFreeCallback free_cb);
/* Queues an application/problem+json; errors (stolen, may be NULL) is the
 * array of {path, message}. */
void http_problem(struct http_req *r, int status, const char *code, const char *detail,
                  json_t *errors);
/* Problem for a moat_err from the store (500s never show internals). */
void http_problem_err(struct http_req *r, int err, const char *detail);
/* Adds a header to the response being built by http_reply*(): call
 * http_header_next() before the reply. At most 4 per request. */
void http_header_next(struct http_req *r, const char *name, const char *value);

/* ---- waiting for another thread without holding a worker ---- */

/* From a handler that must wait for another thread (the ingest writer):
 * suspends r's connection, so the worker thread serves its other
 * connections meanwhile, and returns; the handler then returns without a
 * reply. Once some thread calls http_resume(r), resume(r) runs on a worker
 * thread, in a fresh read transaction, with r->waited set, and replies (it
 * may be the route's handler itself, run again). arg is the handler's
 * state (r->wait_arg); free_arg frees it if the request ends without
 * resume running (the client went away). Call before handing r to the
 * other thread. */
void http_suspend(struct http_req *r, void (*resume)(struct http_req *r), void *arg,
                  void (*free_arg)(void *arg));
/* Any thread, once per http_suspend: wakes r. The caller must not touch r
 * afterwards. */
void http_resume(struct http_req *r);

/* ---- request helpers ---- */

/* Raw request header (NULL when absent). */
const char *http_header(struct http_req *r, const char *name);
/* Decoded query parameter into out (cap bytes with its NUL). 0 found,
 * MOAT_ENOTFOUND absent, MOAT_EINVALID (bad escape, NUL, control byte,
 * too long for cap). */
int http_query(struct http_req *r, const char *name, char *out, size_t cap);
/* Percent-decodes s into out (cap bytes); refuses %00, bad escapes and
 * control bytes. Returns the length or MOAT_EINVALID. */
int http_pct_decode(const char *s, size_t n, char *out, size_t cap);
/* Parses the JSON object body. On failure replies (415, 400, 422) and
 * returns NULL; otherwise the object (caller decrefs). */
json_t *http_json_body(struct http_req *r);

/* ---- validation: collect every problem, then answer once ---- */

struct jv {
	json_t *obj;
	json_t *errors;
	int count;
};

void jv_init(struct jv *v, json_t *obj);
void jv_error(struct jv *v, const char *path, const char *message);
/* Flags each key of obj not in the NULL-terminated list. */
void jv_only(struct jv *v, const char *const *allowed);
/* String field: NULL *out when absent; error when required and absent,
 * when not a string, shorter than min, longer than max characters, or
 * (text=1) holding control characters. */
void jv_string(struct jv *v, const char *key, int required, size_t min, size_t max, int text,
               const char **out);
/* Request header name: NULL when absent; its value when it is valid UTF-8
 * of at most max_bytes (0 = no limit of our own); otherwise an error at
 * the path "header <name>" and NULL. Text that enters through a header is
 * held to the rule of the body: UTF-8 or refused, never cut. */
const char *jv_header(struct jv *v, struct http_req *r, const char *name, size_t max_bytes);
/* Boolean field: *out -1 absent, 0/1. */
void jv_bool(struct jv *v, const char *key, int required, int *out);
/* If problems were found, replies 422 with them and returns -1; else 0. */
int jv_finish(struct jv *v, struct http_req *r);

/* ---- server ---- */

struct http_server;
/* Starts libmicrohttpd on cfg->listen with cfg->http_threads workers;
 * *port receives the bound port. */
int http_server_start(const struct config *cfg, struct http_server **out, int *port);
/* Stops accepting, finishes in-flight requests, frees. */
void http_server_stop(struct http_server *s);
/* The port of the dashboard's live feed (the agent WebSocket port) on the
 * host the dashboard was loaded from; 0 (the start value) when the feed is
 * on the dashboard's own origin (behind --public-url) or not yet bound.
 * Set once by main after the WebSocket listener bound; read by any thread.
 * It goes into the dashboard's CSP connect-src (ws://127.0.0.1:PORT and
 * ws://localhost:PORT, the origins the feed accepts) and the live ticket. */
void http_set_live_port(int port);
int http_live_port(void);

/* ---- router (http_router.c) ---- */

extern const struct route http_routes[];
extern const int http_route_count;
/* Matches method+raw path. Returns the route index, or -1 with *allow set
 * to the methods the path does accept (0 = no such path), or -2 when a
 * path segment does not decode. Decoded params go into r->params. */
int http_route_match(struct http_req *r, int method, const char *path, int *allow);
int http_method_parse(const char *m);
/* "GET, HEAD, POST" for a method mask into out. */
void http_allow_string(int mask, char *out, size_t cap);

/* ---- static files (http_static.c) ---- */

/* Reads the web root into memory (main thread, before the server
 * starts); frees any earlier table. MOAT_ENOTFOUND without a root. */
int http_static_load(const char *root);
/* The URL of the chart library (Chart.js, from Debian's libjs-chart.js). */
#define HTTP_STATIC_CHART_URL "/vendor/chart.js"
/* Adds the chart library at HTTP_STATIC_CHART_URL from fs_path, outside
 * the web root (after http_static_load). A missing file is logged once
 * and returns an error; the URL then answers 404 saying so. */
int http_static_vendor(const char *fs_path);
void http_static_free(void);
/* Serves GET/HEAD of a dashboard path (raw, percent-encoded). */
void http_static_serve(struct http_req *r);

/* ---- authentication (http_auth.c) ---- */

/* Authenticates r from its Authorization header or session cookie and
 * checks the route's access rules (including CSRF). Replies and returns
 * -1 when refused; 0 when the handler may run. */
int http_auth_check(struct http_req *r);
/* The CSRF token of a session cookie (base64url HMAC) into out. */
void http_auth_csrf(const char *cookie, char out[44]);
/* The role name <-> enum. */
const char *http_role_name(int role);
int http_role_parse(const char *s);

#endif
