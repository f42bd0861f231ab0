/*
 * shop.h — the deliberately vulnerable web shop that libmoatagent protects
 * (build/shop; agentproto/examples/shop/). The module map:
 *
 *   main.c     flags and environment, the agent, the HTTP daemon, signals
 *   http.c     one request: body buffering with a cap, form and JSON
 *              parsing, the request's inputs given to libmoatagent, the
 *              route table, replies
 *   out.c      a bounded output buffer with HTML and JSON escaping
 *   store.c    the SQLite database and the files (invoices, images) the
 *              shop creates and seeds
 *   pages.c    the ordinary pages: home, product, about, cart
 *   search.c   GET /search: SQL pasted together (sql_injection)
 *   webhook.c  POST /webhook/ping: fetches a URL (ssrf)
 *   invoice.c  GET /invoice: a path joined under a base (path_traversal)
 *   convert.c  POST /convert: a shell command line (command_injection)
 *   reviews.c  POST /reviews and GET /reviews/preview: HTML (xss)
 *   login.c    POST /login: the JSON body as a query (nosql_injection)
 *   orders.c   GET /orders: a $where query written as text (nosql_injection)
 *   match.c    the small in-process Mongo-style matcher of login.c and orders.c
 *   support.c  POST /support/chat: a prompt template (llm_prompt_injection)
 *
 * Every vulnerable endpoint is written the way the bug is usually
 * written, and its dangerous call is preceded by the matching
 * moat_check_*() with the request's inputs: never copy these handlers.
 *
 * Threads: libmicrohttpd's thread pool runs the handlers (a request's
 * struct shop_req belongs to the thread that runs it); the SQLite
 * connection is shared under store_lock(); struct shop_config is written
 * by main before the daemon starts and read-only afterwards.
 */
#ifndef SHOP_H
#define SHOP_H

#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stddef.h>

#include "moatagent.h"

/* Read-only once the HTTP daemon runs. */
struct shop_config {
	struct moat_agent *agent; /* NULL: agent off (no protection, no checks) */
	char files[PATH_MAX];     /* the shop's files: invoices/ and images/ below */
	char invoices[PATH_MAX];
	char images[PATH_MAX];
	int connect_ms; /* the webhook's connect timeout per address */
	int io_ms;      /* the webhook's send/receive timeout */
	int command_ms; /* how long a converter command may run */
};
extern struct shop_config shop_cfg;

#define SHOP_BODY_MAX   (64 * 1024) /* request bodies (forms, JSON) */
#define SHOP_FIELDS_MAX 64          /* form fields per request */

enum shop_body { SHOP_BODY_NONE, SHOP_BODY_FORM, SHOP_BODY_JSON };

struct shop_field {
	char *name, *value;
	size_t len; /* of value (may hold NUL bytes) */
};

/* One HTTP request, from its first call to libmicrohttpd's completion
 * callback (http.c frees it). */
struct shop_req {
	struct MHD_Connection *c;
	const char *method, *url;
	const struct shop_route *route; /* NULL: no such route */
	char ip[INET6_ADDRSTRLEN];
	struct moat_request *mr; /* NULL when the agent is off */
	char *body;              /* the raw body, NUL-terminated */
	size_t body_len;
	int body_error; /* 413: too large */
	int replied;    /* a response is queued */
	struct shop_field fields[SHOP_FIELDS_MAX];
	int nfields;
	json_t *json; /* the parsed JSON body, or NULL */
};

typedef enum MHD_Result (*shop_handler)(struct shop_req *r);

struct shop_route {
	const char *method, *path;
	shop_handler handler;
	enum shop_body body;
};

/* ---- http.c ---- */

/* The request handler and completion callback given to libmicrohttpd. */
enum MHD_Result http_handle(void *cls, struct MHD_Connection *c, const char *url,
                            const char *method, const char *version, const char *upload_data,
                            size_t *upload_data_size, void **con_cls);
void http_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                    enum MHD_RequestTerminationCode toe);
/* Queues a response (the body is copied). */
enum MHD_Result http_reply(struct shop_req *r, unsigned status, const char *type, const char *body,
                           size_t len);
/* A JSON reply of v (the reference is stolen). */
enum MHD_Result http_json(struct shop_req *r, unsigned status, json_t *v);
/* {"error": msg} with status. */
enum MHD_Result http_error(struct shop_req *r, unsigned status, const char *msg);
/* The 403 a blocked check answers. */
enum MHD_Result http_blocked(struct shop_req *r);
/* A query argument (decoded by libmicrohttpd) or NULL. */
const char *http_query(struct shop_req *r, const char *name);
/* A form field's value (its length in *len) or NULL. */
const char *http_form(struct shop_req *r, const char *name, size_t *len);
/* Splits r->body (r->body_len bytes) into r->fields, each name and value
 * percent- and plus-decoded into a new string (http_completed() frees
 * them). 0, 400 for more than SHOP_FIELDS_MAX fields or one that is not
 * UTF-8 without NUL bytes, 500 when out of memory. */
unsigned http_parse_form(struct shop_req *r);
/* 1 if s (len bytes) is valid UTF-8 without NUL bytes. */
int http_utf8_ok(const char *s, size_t len);

/* ---- out.c: a bounded output buffer (errors are sticky) ---- */

struct out {
	char *data;
	size_t len, alloc, cap; /* alloc: bytes allocated; cap: the most len may reach */
	int error;
};
void out_init(struct out *o, size_t cap);
void out_cleanup(struct out *o);
void out_add(struct out *o, const char *s, size_t len);
void out_str(struct out *o, const char *s);
void out_fmt(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s escaped for HTML text and quoted attribute values. */
void out_html(struct out *o, const char *s);
/* Sends o as a reply: 500 if it overflowed. Cleans o up. */
enum MHD_Result out_reply(struct out *o, struct shop_req *r, unsigned status, const char *type);

/* ---- store.c ---- */

/* Opens (creating and seeding) the database at path and the files under
 * shop_cfg.files. 0, or -1 with a message on stderr. */
int store_open(const char *path);
void store_close(void);
/* The shared connection, locked; store_unlock() when done. */
sqlite3 *store_lock(void);
void store_unlock(void);

/* ---- the handlers ---- */
enum MHD_Result pages_home(struct shop_req *r);
enum MHD_Result pages_product(struct shop_req *r);
enum MHD_Result pages_about(struct shop_req *r);
enum MHD_Result pages_cart(struct shop_req *r);
enum MHD_Result search(struct shop_req *r);
enum MHD_Result webhook_ping(struct shop_req *r);
enum MHD_Result invoice_get(struct shop_req *r);
enum MHD_Result convert_handle(struct shop_req *r);
enum MHD_Result reviews_post(struct shop_req *r);
enum MHD_Result reviews_preview(struct shop_req *r);
enum MHD_Result login_handle(struct shop_req *r);
enum MHD_Result orders_list(struct shop_req *r);
enum MHD_Result support_chat(struct shop_req *r);

/* ---- match.c: a small Mongo-style query matcher ---- */

/* 1 if doc matches filter, 0 if not, -1 for a filter it cannot run (the
 * reason in err, errlen bytes). Supports field equality, dotted paths,
 * $eq $ne $gt $gte $lt $lte $in $nin $exists $regex ($options "i") $not,
 * and at the top $and $or $nor and $where (a JavaScript subset: this.f,
 * literals, == === != !== < <= > >=, ! && ||, parentheses, "return" and
 * ";"). */
int match_doc(const json_t *doc, const json_t *filter, char *err, size_t errlen);

#endif
