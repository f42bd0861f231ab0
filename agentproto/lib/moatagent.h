/*
 * moatagent.h — libmoatagent, the reference C agent library for Moat's
 * agent protocol v1 (agentproto/PROTOCOL.md).
 *
 * An agent object holds one WebSocket connection to moatd, run by one
 * background thread (the "connection thread") that it starts. Through it
 * the agent
 *   - receives the environment's policy, checks its SHA-256, and publishes
 *     it as an immutable, reference-counted snapshot (struct moat_policy)
 *     that any thread may read and hold while a newer one arrives;
 *   - sends the threat events the application reports, in batches, keeping
 *     every batch until the server acknowledges it (and sending it again
 *     after a reconnect), so that nothing reported is silently lost;
 *   - reconnects with exponential backoff and jitter.
 *
 * Threads:
 *   - moat_agent_new / start / stop / free: the application's control
 *     thread (one at a time; never from the policy callback).
 *   - moat_agent_report, moat_agent_policy, moat_agent_stats and every
 *     moat_policy_* function: any thread, at any time between new and free.
 *   - the policy callback runs on the connection thread.
 *   - moat_request_* and moat_check_*: one thread at a time per request;
 *     any number of requests at once (see "requests and checks" below).
 *   - stack: every moat_request_* and moat_check_* call uses at most
 *     32 KB of the calling thread's stack on its worst inputs (measured
 *     on a painted 64 KB thread stack by agentproto/tests/test_agent_stack.c;
 *     today's peaks: path 28 KB, add_json 23 KB, url 17 KB, nosql 11 KB,
 *     sql 9 KB, shell 9 KB, argv 8 KB, prompt 7 KB, html 7 KB). So a
 *     thread of 64 KB (musl's default is 128 KB) leaves the caller at
 *     least 32 KB of its own. Larger working state (the SQL check's token
 *     cache, the prompt scorer's pass) lives in the request, which is why
 *     a request is about 45 KB.
 * Nothing here blocks on the network: report copies the event into a
 * bounded queue and returns.
 *
 * Memory: the library lives inside your process and never aborts it. An
 * allocation that fails is an error returned to the caller
 * (MOAT_AGENT_ENOMEM; moat_agent_new returns NULL with "out of memory")
 * and the agent degrades: an event that cannot be queued is not queued
 * (report says so), a policy that cannot be built is refused (the previous
 * one stays), a batch that cannot be built waits in the queue, and a
 * connection that runs out of memory is closed and made again. Strings the
 * library returns are owned by the object they came from.
 *
 * Dependencies: libwebsockets 4.1, jansson 2.14, mbedtls 2.28 (SHA-256),
 * pthreads. The library leaves process-wide state alone: it never sets
 * jansson's allocator (json_set_alloc_funcs) or hash seed
 * (json_object_seed) -- jansson seeds itself on first use, or the
 * application seeds it -- and never changes libwebsockets' log level.
 */
#ifndef MOATAGENT_H
#define MOATAGENT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MOATAGENT_VERSION "0.1.0"

/* Return codes: 0 or one of these negatives. */
enum moat_agent_err {
	MOAT_AGENT_OK = 0,
	MOAT_AGENT_EINVAL = -1, /* bad argument, configuration or event */
	MOAT_AGENT_EFULL = -2,  /* the event queue is full (counted in dropped_full) */
	MOAT_AGENT_ESTATE = -3, /* wrong state: started twice, or already stopped */
	MOAT_AGENT_EIO = -4,    /* could not create the network context or thread */
	MOAT_AGENT_ENOMEM = -5, /* out of memory: nothing was done (the agent degrades) */
};

/* Returns a static English sentence for a moat_agent_err. */
const char *moat_agent_strerror(int err);

/* Log levels for the optional log callback (0 in the configuration means
 * the default, MOAT_LOG_WARN). */
enum moat_agent_log_level {
	MOAT_LOG_DEBUG = 1,
	MOAT_LOG_INFO = 2,
	MOAT_LOG_WARN = 3,
	MOAT_LOG_ERROR = 4,
};

/*
 * Configuration, copied by moat_agent_new(): the caller may free or reuse
 * it (and every string in it) as soon as moat_agent_new() returns. Zero
 * numeric fields take the default shown.
 */
struct moat_agent_config {
	const char *url;           /* required: ws://host[:port][/path] or wss://...;
	                              the path defaults to /v1/agent */
	const char *token;         /* required: an agent token (moat_agt_...); sent as
	                              "Authorization: Bearer" on the upgrade request */
	const char *environment;   /* required: e.g. "production"; <= 40 bytes */
	const char *agent_id;      /* required: 1-128 of A-Za-z0-9._:- */
	const char *hostname;      /* NULL: gethostname(); <= 255 bytes */
	const char *runtime;       /* NULL: "c"; <= 64 bytes */
	const char *agent_version; /* NULL: "libmoatagent " MOATAGENT_VERSION; <= 64 bytes */
	const char *ca_file;       /* wss only: PEM CA bundle to verify the server with;
	                              NULL: the system's CAs. Verification is always on. */
	int token_in_hello;        /* 1: also send the token in hello (for proxies that
	                              strip Authorization); default 0 */

	size_t queue_max_events; /* queued, not yet batched events: default 10000 */
	size_t queue_max_bytes;  /* their encoded size: default 32 MiB */
	int batch_max_events;    /* events per batch, 1-500: default 500 */
	int flush_ms;            /* longest wait before a partial batch goes: 200 */
	int connect_timeout_ms;  /* connect + upgrade + welcome: default 10000 */
	int stop_timeout_ms;     /* how long stop waits for acks: default 2000 */

	/* Log sink, called on any thread with one line of logfmt text (never
	 * a secret). NULL: the lines go to stderr, with a timestamp. */
	void (*log_fn)(int level, const char *line, void *arg);
	void *log_arg;
	int log_level; /* lowest level logged: default MOAT_LOG_WARN */
};

struct moat_agent;
struct moat_policy;

/*
 * Creates an agent (not yet connected). Returns NULL when the
 * configuration is invalid and writes the reason into err (errlen bytes,
 * NUL-terminated; err may be NULL). Free with moat_agent_free().
 */
struct moat_agent *moat_agent_new(const struct moat_agent_config *cfg, char *err, size_t errlen);

/*
 * Starts the connection thread, which connects at once and then keeps the
 * connection up until moat_agent_stop(). Returns 0, MOAT_AGENT_ESTATE if
 * it was started before, or MOAT_AGENT_EIO (TLS setup failed, e.g. an
 * unreadable ca_file, or no thread).
 */
int moat_agent_start(struct moat_agent *a);

/*
 * Stops the connection thread: batches what is queued, sends it and waits
 * up to stop_timeout_ms for the acknowledgements, closes the connection
 * (1000) and joins the thread. Events still unacknowledged after that are
 * lost; moat_agent_stats() shows how many (pending). Idempotent; a no-op on
 * an agent never started. Control thread only.
 */
void moat_agent_stop(struct moat_agent *a);

/* Stops (if needed) and frees the agent and its queued events. Policy
 * snapshots taken from it stay valid until their own release. NULL is
 * fine. No other thread may use a during or after the call. */
void moat_agent_free(struct moat_agent *a);

/*
 * The current policy snapshot with a new reference (release it with
 * moat_policy_release()), or NULL before the first policy arrived. Any
 * thread; takes one mutex briefly.
 */
const struct moat_policy *moat_agent_policy(struct moat_agent *a);

/*
 * Registers cb, called on the connection thread each time a new policy
 * has been taken (after the snapshot swap, before `applied` is sent). p is
 * borrowed for the call; keep it with moat_policy_retain(). cb must be
 * quick and must not call moat_agent_stop() or moat_agent_free(). cb NULL
 * unregisters. Any thread.
 */
void moat_agent_on_policy(struct moat_agent *a, void (*cb)(const struct moat_policy *p, void *arg),
                          void *arg);

/*
 * One threat event (PROTOCOL.md "Events"). Every string is copied by
 * moat_agent_report(); NULL or "" means absent (optional fields) or
 * "choose for me" (id, ts). Text is made valid UTF-8 (a bad byte becomes
 * U+FFFD: attackers send anything) and a string longer than its limit is
 * cut at the limit, never inside a character, rather than refused.
 */
struct moat_event {
	const char *id;           /* UUID; NULL: a fresh random UUIDv4 */
	int64_t ts_ms;            /* unix milliseconds; 0: now. Older than 7 days or more
	                             than 5 minutes ahead: refused (the server would) */
	const char *interceptor;  /* required: sql_injection, nosql_injection, xss, ssrf,
	                             path_traversal, command_injection, llm_prompt_injection */
	const char *action;       /* required: "blocked" or "logged" */
	const char *severity;     /* required: low, medium, high, critical */
	double confidence;        /* 0..1; negative: absent (so set it to -1 if unknown) */
	const char *source_ip;    /* an IPv4 or IPv6 address (not a list, not a CIDR) */
	const char *method;       /* cut to 16 bytes */
	const char *endpoint;     /* the path, without query; cut to 2,048 bytes */
	const char *payload;      /* the attacker's input; cut to 32 KiB (moatd stores 8 KiB
	                             and the length it received) */
	const char *operation;    /* exact SQL/command/path/URL/prompt; cut to 32 KiB */
	const char *file;         /* location.file, cut to 512 bytes */
	int line;                 /* location.line; <= 0: absent */
	const char *function;     /* location.function, cut to 256 bytes */
	const char *rule;         /* cut to 128 bytes */
	const char *details_json; /* NULL or a JSON object as text, <= 4,096 bytes compact;
	                             anything else is refused */
};

/*
 * Queues a copy of ev for sending. Thread-safe and non-blocking: it
 * encodes the event, takes the queue's mutex for a pointer move, and once
 * per full batch wakes the connection thread (lws_cancel_service, a pipe
 * write); no network I/O. Returns 0; MOAT_AGENT_EINVAL if ev breaks a rule
 * of PROTOCOL.md "Events" that cutting cannot fix (the server would
 * reject it; counted in invalid); MOAT_AGENT_EFULL if the queue is at
 * queue_max_events or queue_max_bytes (counted in dropped_full: an
 * overflow is never silent). May be called before start and after stop
 * (events then wait in the queue). out_id (37 bytes) may be NULL; if not,
 * it gets the event's id (the given one or the generated UUID).
 */
int moat_agent_report(struct moat_agent *a, const struct moat_event *ev, char out_id[37]);

/* Counters since moat_agent_new(). Events are counted one by one. */
struct moat_agent_stats {
	uint64_t queued;        /* accepted by moat_agent_report */
	uint64_t invalid;       /* refused by moat_agent_report: MOAT_AGENT_EINVAL */
	uint64_t dropped_full;  /* refused by moat_agent_report: MOAT_AGENT_EFULL */
	uint64_t sent;          /* written to a socket (a re-sent event counts again) */
	uint64_t acked;         /* acknowledged: stored by the server */
	uint64_t duplicates;    /* acknowledged as already stored (after a resend) */
	uint64_t rejected;      /* acknowledged as rejected (see the log for why) */
	uint64_t pending;       /* now: queued or in an unacknowledged batch */
	uint64_t reconnects;    /* connection attempts after the first */
	uint64_t policies;      /* policy versions taken */
	uint64_t policy_errors; /* policy messages refused (bad sha256, bad document) */
	int connected;          /* 1 while welcomed on an open connection */
	int64_t policy_version; /* version of the current snapshot, 0 if none */
	int last_close_code;    /* WebSocket close code of the last connection, 0 if none */
};

/* Fills *out. Any thread. */
void moat_agent_stats(struct moat_agent *a, struct moat_agent_stats *out);

/* ---- policy snapshots: immutable, so no locks are needed to read one ---- */

enum moat_mode {
	MOAT_MODE_OFF = 0,     /* do not inspect */
	MOAT_MODE_MONITOR = 1, /* inspect and report ("logged") */
	MOAT_MODE_BLOCK = 2,   /* inspect, block and report ("blocked") */
};

/* Adds a reference; returns p. NULL-safe. Any thread. */
const struct moat_policy *moat_policy_retain(const struct moat_policy *p);
/* Drops a reference; the last one frees the snapshot. NULL-safe. */
void moat_policy_release(const struct moat_policy *p);

/* The version number (1, 2, ...). */
int64_t moat_policy_version(const struct moat_policy *p);
/* The SHA-256 (64 lowercase hex) of the canonical document. Owned by p. */
const char *moat_policy_sha256(const struct moat_policy *p);
/* The canonical document text (what the SHA-256 covers). Owned by p. */
const char *moat_policy_json(const struct moat_policy *p);

/* The configured mode of an interceptor; MOAT_MODE_OFF if p is NULL or the
 * document does not name it. */
int moat_policy_mode(const struct moat_policy *p, const char *interceptor);
/* 1 if the interceptor's events go to the notification channels. */
int moat_policy_notify(const struct moat_policy *p, const char *interceptor);
/* The interceptor's threshold (llm_prompt_injection), or -1 if it has none. */
double moat_policy_threshold(const struct moat_policy *p, const char *interceptor);
/* The interceptor's allow_hosts list (ssrf): *n gets its length; the
 * strings are owned by p. NULL with *n = 0 when there is none. */
const char *const *moat_policy_allow_hosts(const struct moat_policy *p, const char *interceptor,
                                           size_t *n);
/* 1 if host is in ssrf.allow_hosts (ASCII case-insensitive, a trailing dot
 * ignored, exact name: no wildcards). */
int moat_policy_host_allowed(const struct moat_policy *p, const char *host);

/* 1 if ip (textual IPv4 or IPv6, in any form moat_request_info.source_ip
 * reads; a list: any of its addresses) falls in a denylist entry (address or
 * CIDR) that has not expired at now (unix seconds; 0 means time(NULL)).
 * An entry expires at its "until" instant. 0 for an unparsable ip. */
int moat_policy_ip_denied(const struct moat_policy *p, const char *ip, time_t now);
/* 1 if user is a denylist user entry (exact match) not expired at now. */
int moat_policy_user_denied(const struct moat_policy *p, const char *user, time_t now);

/*
 * The effective mode for one inspection: the interceptor's mode, then the
 * exclusions. An exclusion matches when its interceptor is this one, its
 * endpoint glob matches endpoint (as given, and with '\\' read as '/', ";"
 * parameters dropped, empty and dot segments -- "%2e" too -- resolved:
 * "/public/../admin" is no "/public/" + star; fail closed: both must match)
 * ('*' matches any run of characters,
 * including '/'; everything else is literal; "*" alone matches all), its
 * parameter (if it names one) equals parameter, and its source CIDR (if
 * any) contains source_ip. A matching "ignore" exclusion gives
 * MOAT_MODE_OFF; a matching "monitor" one downgrades block to monitor.
 * endpoint, parameter, source_ip may be NULL (unknown): then exclusions that
 * need them do not match. now is accepted for symmetry with the denylist
 * (exclusions do not expire) and may be 0.
 */
int moat_policy_decide(const struct moat_policy *p, const char *interceptor, const char *endpoint,
                       const char *parameter, const char *source_ip, time_t now);

/* Names of the modes: "off", "monitor", "block" (static). */
const char *moat_mode_name(int mode);

/* Builds a snapshot from a policy document in JSON (the normalised form
 * moatd pushes; see ma_policy.c), for agents without a connection --
 * serverless functions that fetch GET /api/v1/agent/policy, tests and
 * benchmarks. Returns one reference (moat_policy_release), or NULL with
 * the reason in err (errlen bytes, may be NULL/0). version is what
 * moat_policy_version() will say. Any thread.
 *
 *     char err[200];
 *     const struct moat_policy *p = moat_policy_parse(
 *         "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, err, sizeof err);
 */
const struct moat_policy *moat_policy_parse(const char *json, int64_t version, char *err,
                                            size_t errlen);

/* ---- requests and checks: the interceptors ----
 *
 * A request context (struct moat_request) carries what a check needs to
 * know about the inbound request it runs for: method, endpoint, source
 * address, user, and the user's inputs (each a name, a value and a kind).
 * A check compares the exact operation (the SQL statement, ...) with those
 * inputs: it fires when a user input changes the operation's structure,
 * never because a value merely contains SQL words.
 *
 * Threads: a context belongs to one request; one thread at a time uses it
 * (begin, add, checks and end may happen on different threads one after
 * the other). Any number of contexts run at once on any threads: a check
 * reads the request, the immutable policy snapshot taken at begin, and
 * nothing global. Checks allocate nothing unless they fire.
 *
 * The policy decides: each interceptor's mode (off: not inspected;
 * monitor: reported as "logged", allowed; block: reported as "blocked",
 * refused) and the exclusions (interceptor, endpoint glob, parameter,
 * source CIDR) through moat_policy_decide(). Until the agent holds its
 * first policy, every interceptor runs in monitor mode (the server's safe
 * default). A check that fires makes one event (interceptor, action,
 * severity, confidence, rule, the input as payload, the parameter in
 * details, the exact operation, the caller's file, line and function),
 * queued with moat_agent_report() when the request has an agent, and kept
 * on the request (moat_request_event) either way.
 *
 * Memory: when begin cannot allocate, it returns MOAT_AGENT_ENOMEM with
 * *out NULL; every call below accepts a NULL request and then allows (the
 * agent fails open rather than break the application). */

/* A check's answer. Errors are the negative moat_agent_err codes. */
enum moat_verdict {
	MOAT_ALLOW = 0,
	MOAT_BLOCK = 1,
};

/* Where an input came from; its parameter name is "<prefix>.<name>":
 * query.q, body.user.name (form fields and JSON fields alike), header.
 * user-agent, cookie.sid, path.id. Exclusions name parameters this way. */
enum moat_input_kind {
	MOAT_INPUT_QUERY = 1,
	MOAT_INPUT_FORM = 2,   /* application/x-www-form-urlencoded or multipart field */
	MOAT_INPUT_JSON = 3,   /* a JSON body field, name = its path: "user.name", "items[0].id" */
	MOAT_INPUT_HEADER = 4, /* name lowercased by the library */
	MOAT_INPUT_COOKIE = 5,
	MOAT_INPUT_PATH = 6, /* a path parameter (/items/{id}) */
	MOAT_INPUT_OTHER = 7,
};

struct moat_request_info {
	const char *method;    /* "GET"; NULL: unknown */
	const char *endpoint;  /* the path without the query: "/search" */
	const char *source_ip; /* the client's address (after trusted proxies);
	                          "a.b.c.d:port", "[v6]:port", "v6%zone",
	                          RFC 7239 for= and quotes and spaces around
	                          are read as the address; what is no address
	                          is unknown (NULL): no denylist or CIDR
	                          exclusion matches it, events omit it. A
	                          list ("client, proxy", Forwarded's
	                          "for=a;proto=https, for=b"): any address
	                          of it denied denies, a CIDR exclusion
	                          needs all to be addresses inside it
	                          (four at most), events carry the last
	                          (the nearest proxy's hop) */
	const char *user_id;   /* the authenticated user, NULL: anonymous */
	/* The policy to enforce; NULL: the agent's current snapshot. Either
	 * way the request holds its own reference until moat_request_end. */
	const struct moat_policy *policy;
};

struct moat_request;

/*
 * Begins a request. a may be NULL (no events are queued; they are still
 * kept on the request). Copies info. Returns MOAT_ALLOW, or MOAT_BLOCK when
 * the source address or the user is on the policy's denylist (answer 403
 * and end the request), or
 * MOAT_AGENT_ENOMEM (*out NULL: fail open). *out must be ended with
 * moat_request_end() whatever the answer.
 *
 *     struct moat_request *req;
 *     struct moat_request_info ri = {.method = "GET", .endpoint = "/search",
 *                                    .source_ip = peer, .user_id = uid};
 *     if (moat_request_begin(agent, &ri, &req) == MOAT_BLOCK) {
 *             moat_request_end(req);
 *             return respond(403);
 *     }
 */
int moat_request_begin(struct moat_agent *a, const struct moat_request_info *info,
                       struct moat_request **out);

/*
 * Adds one user input: kind, name (NUL-terminated; NULL is "") and value
 * (len bytes, NUL bytes allowed; copied -- moat_request_add_input_ref
 * borrows it instead). Add every query parameter, form field, JSON field,
 * header and cookie the handler may use, decoded once as your framework
 * hands them over; the library also looks for their
 * URL-decoded (once and twice, '+' as a space and kept) and
 * HTML-entity-decoded forms (and, for a value holding a quote and a LIKE
 * wildcard, its LIKE-escaped form). A value (not a header or a path)
 * that is wholly a JSON object or array or a query string, raw or
 * URL-decoded, is opened: each value inside is one more input, named
 * NAME.INNER, two levels deep at most (agentproto/README.md). A query,
 * form or cookie name's bracketed segments that are not one word
 * (`sort[COL]`) are inputs too; other names are labels. Returns 0,
 * MOAT_AGENT_EINVAL (bad kind) or MOAT_AGENT_ENOMEM (the input, or a value
 * inside it, is not added). NULL r: 0.
 *
 *     moat_request_add_input(req, MOAT_INPUT_QUERY, "q", q, strlen(q));
 *     moat_request_add_input(req, MOAT_INPUT_COOKIE, "sid", sid, strlen(sid));
 */
int moat_request_add_input(struct moat_request *r, int kind, const char *name, const char *value,
                           size_t len);

/*
 * As moat_request_add_input, but value is borrowed, not copied: the caller
 * guarantees that its len bytes and a NUL after them (value[len] == '\0',
 * as in every C string and every value libmicrohttpd hands over) stay
 * unchanged until moat_request_end(r). name is still copied. The checks
 * see exactly what a copy would give them (the same decoded forms, the
 * same events); the library only skips copying the value and reserving
 * room for decoded forms it does not need (a value without '%', '+' or
 * '&' needs none), so a request's headers and cookies cost no allocation.
 * Returns as moat_request_add_input. NULL r: 0.
 *
 *     static enum MHD_Result add(void *cls, enum MHD_ValueKind kind,
 *                                const char *key, size_t key_size,
 *                                const char *value, size_t value_size)
 *     {
 *             (void)key_size;
 *             if (value) // lives as long as the MHD request, NUL-terminated
 *                     moat_request_add_input_ref(cls, kind == MHD_HEADER_KIND
 *                                                ? MOAT_INPUT_HEADER : MOAT_INPUT_QUERY,
 *                                                key, value, value_size);
 *             return MHD_YES;
 *     }
 *     MHD_get_connection_values_n(conn, MHD_HEADER_KIND | MHD_GET_ARGUMENT_KIND, add, req);
 *     ... handler, checks ...
 *     moat_request_end(req); // then libmicrohttpd may free the values
 */
int moat_request_add_input_ref(struct moat_request *r, int kind, const char *name,
                               const char *value, size_t len);

/*
 * Adds every string and number of a JSON body as a MOAT_INPUT_JSON input
 * named by its path ("user.name", "items[0].id"), and every object or
 * array below the top as one more input, its compact JSON text (so
 * {"pass": {"$ne": ""}} gives body.pass = {"$ne":""} and body.pass.$ne =
 * "": the NoSQL check sees an object where a value was expected); every
 * value, however many (checks then cost in proportion to the body) and
 * however deep (past 32 levels a value is named by the path of the
 * container at the 32nd, and the body is read by the iterative lenient
 * reader below, valid or not, so that jansson's recursive parser stays
 * within the stack bound); every member's name that is not one word of
 * letters, digits and '_' (named by the member's path: an application
 * may paste the names it was sent); a path past 511 bytes is cut at a
 * character and still names its value. A body that is not strict JSON (NaN, 1e999, lone
 * surrogates, bytes that are not UTF-8, comments, trailing commas or
 * text, single quotes, a byte order mark, UTF-16 or UTF-32: what json-c
 * or Python's json accept) or that repeats a name (cJSON's lookup gives the first, jansson
 * keeps the last) is read once more, leniently: its strings and numbers
 * are still added by path, every duplicate too, so that a value the
 * application's own parser reads cannot hide the body's fields. Returns
 * 0 (a repeated name is JSON; a body nested past 32 levels, which is not
 * validated), MOAT_AGENT_EINVAL (not strict JSON; its fields were added
 * anyway) or MOAT_AGENT_ENOMEM.
 *
 *     moat_request_add_json(req, body, body_len);
 */
int moat_request_add_json(struct moat_request *r, const char *json, size_t len);

/* The number of inputs added. */
size_t moat_request_input_count(const struct moat_request *r);

/* The event of the last check that fired on this request (blocked or
 * logged), or NULL. Owned by r: valid until the next check that fires or
 * moat_request_end. Its details_json holds {"parameter", "kind",
 * "decoding", "dialect"...}. */
const struct moat_event *moat_request_event(const struct moat_request *r);

/* How many checks fired on this request (blocked or logged). */
unsigned moat_request_findings(const struct moat_request *r);

/* Ends the request: drops its policy reference, frees its inputs and
 * events. NULL is fine. */
void moat_request_end(struct moat_request *r);

/* SQL dialects: lexical rules differ (MySQL: backslash escapes, "..."
 * strings, # comments, / *! executable comments; PostgreSQL: "..."
 * identifiers, E'' strings, $tag$ dollar quotes, nested comments;
 * SQLite: "..." and [...] identifiers, no backslash escapes).
 * MOAT_SQL_MYSQL_NBE is MySQL (or MariaDB) on a connection whose sql_mode
 * holds NO_BACKSLASH_ESCAPES: a backslash in a string is a byte like any
 * other there, so 'x\' closes the string ('x\' or 1=1-- ' returns every
 * row in that mode, none in the default one). Name it only for such a
 * connection: MOAT_SQL_MYSQL reads the server's default mode. */
enum moat_sql_dialect {
	MOAT_SQL_SQLITE = 1,
	MOAT_SQL_POSTGRES = 2,
	MOAT_SQL_MYSQL = 3,
	MOAT_SQL_MYSQL_NBE = 4,
};

/*
 * sql_injection: call it with the exact statement just before it runs.
 * sql is len bytes (len (size_t)-1: NUL-terminated). Fires when a user
 * input of r occurs in the statement (as given, or URL- or HTML-decoded)
 * and, there, is not inside one token and changes the statement's
 * structure: a second statement (; DROP ...), UNION SELECT, a boolean
 * condition after OR/AND (tautologies, blind conditions), a comment that
 * cuts the rest of the statement after a closed literal, a subquery,
 * time/error/file functions (SLEEP, BENCHMARK, PG_SLEEP, EXTRACTVALUE,
 * LOAD_FILE ...), WAITFOR, system variables (@@version), an injected
 * ORDER BY / GROUP BY / HAVING / LIMIT / INTO clause, CASE, or any valid
 * expression after the input closed the string literal it was put in.
 * An input that only breaks the statement (a syntax error) does not fire,
 * unless, read alone as the literal its own quotes close and URL-decoded
 * (a payload written for another place), it carries a structure no text
 * makes or a condition that compares (rule sqli.attempt).
 * Every place of an input is judged; where judging them all would cost
 * too much the check fails closed (rule sqli.too_complex): more than 512
 * names and keywords judged in the windows of one check, more than 16
 * places past a form's 64th where a word is compared with itself, or more
 * than 16 places past its 64th whose window holds only operators and
 * punctuation (an input of `(-` at hundreds of places), or 32 tokens or
 * more of literals, operators and punctuation that are not a list of
 * numbers (agentproto/README.md).
 * Returns MOAT_BLOCK (the mode is block: do not run the statement) or
 * MOAT_ALLOW. The macro captures the caller's file, line and function.
 * Without a request (r NULL) or inputs it allows: there are no
 * context-free SQL rules yet. Allocates nothing unless it fires; uses
 * about 9 KB of the caller's stack (its 38 KB token cache is in the request).
 * Statements with bound parameters need no check: only pasted text can
 * change a statement's structure.
 *
 *     char sql[512];
 *     snprintf(sql, sizeof sql, "SELECT * FROM products WHERE name LIKE '%%%s%%'", q);
 *     if (moat_check_sql(req, MOAT_SQL_SQLITE, sql, strlen(sql)) == MOAT_BLOCK)
 *             return respond(403);
 *     sqlite3_exec(db, sql, ...);
 */
#define moat_check_sql(r, dialect, sql, len)                                                       \
	moat_check_sql_at((r), (dialect), (sql), (len), __FILE__, __LINE__, __func__)
int moat_check_sql_at(struct moat_request *r, int dialect, const char *sql, size_t len,
                      const char *file, int line, const char *function);

/* ---- ssrf: URLs fetched on the user's behalf ---- */

/* One resolved address. */
struct moat_addr {
	int family;     /* 4 or 6 */
	uint8_t ip[16]; /* network byte order; IPv4 uses the first 4 bytes */
};

/* A resolver: fills out[0..max) with the addresses of host (an ASCII
 * name, as the URL parser left it) and returns how many, or a negative
 * number when the name does not resolve. The default is getaddrinfo(3).
 * Tests and benchmarks set their own so that no DNS is needed. */
typedef int (*moat_resolver_fn)(const char *host, struct moat_addr *out, int max, void *arg);

/* Sets the resolver of r's URL checks (NULL fn: getaddrinfo). NULL r: no-op. */
void moat_request_set_resolver(struct moat_request *r, moat_resolver_fn fn, void *arg);

#define MOAT_URL_MAX_ADDRS 8
/* What moat_check_url found: where the URL goes and the addresses it
 * checked. Give it to moat_connect_checked() (or to curl with
 * CURLOPT_RESOLVE, see moat_url_curl_resolve) so that the connection goes
 * to exactly these addresses: no second lookup, no DNS rebinding window. */
struct moat_url_target {
	char scheme[32]; /* lowercase: "https" */
	char host[256];  /* the host as a WHATWG client serializes it: "127.0.0.1" for
	                    "http://0x7f.1/", "[::1]", "xn--bcher-kva.example"; where
	                    libcurl reads the URL otherwise and its host is public
	                    too, libcurl's ("ss" for U+1E9E, a scheme-less URL's) */
	int port;        /* the port to connect to: explicit, or the scheme's default, 0 unknown */
	int naddr;       /* addresses checked (0: the URL does not parse or the host does
	                    not resolve) */
	struct moat_addr addr[MOAT_URL_MAX_ADDRS];
	int verdict; /* what the check answered (MOAT_BLOCK: do not connect) */
};

/*
 * ssrf: call it with the URL the application is about to fetch. The URL
 * is parsed as a WHATWG client (browsers, Node, ada) parses it: scheme,
 * userinfo up to the last '@', backslashes as slashes, tabs and newlines
 * dropped, the host percent-decoded, IPv4 in any form the WHATWG IPv4
 * parser takes (2130706433, 0x7f.1, 0177.0.0.1, 127.1), IPv6 (also
 * ::ffff:127.0.0.1, ::127.0.0.1, 64:ff9b::, 2002::/16 with their embedded
 * IPv4), trailing dots, fullwidth and circled letters and digits,
 * ideographic dots (a subset of IDNA). The host is resolved (literals and
 * "localhost" / "*.localhost" without DNS; names through the request's
 * resolver) and it fires when any address is loopback, private (RFC
 * 1918), shared (100.64/10), link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), unique-local (fc00::/7), unspecified
 * (0.0.0.0, ::; the rest of 0.0.0.0/8 is routed as unicast, not internal)
 * or another non-global range, or when the scheme is
 * file: (a URL without a scheme is also read as libcurl reads it:
 * "http://" + the URL, so "localhost:6379/" goes to 127.0.0.1:6379)
 * -- and a user input of r chose where the URL goes (as given or
 * decoded it covers the whole host, or starts the URL and reaches into
 * the host, or writes a whole label of a name's last two -- the
 * registrable domain, approximated: "https://img." + "x.nip.io"; a
 * "5" inside 10.0.0.5 or a label left of them, as "eu" in
 * eu.cdn.example.com, does not count; or, parsed as a URL or as a host,
 * it has the URL's host: "HTTP://0x7F000001/" checked as the parsed
 * "http://127.0.0.1/"), or the address is
 * written in an unusual form (0x7f.1: no application writes its own
 * addresses that way; this rule needs no input). The application's own
 * internal URLs (http://127.0.0.1:9200/ with the user's words in the
 * query) pass. A host in the policy's
 * ssrf.allow_hosts (a name, or an address that then matches in any
 * notation) is not judged. out (may be NULL) gets the target and
 * its addresses (where libcurl reads another host than WHATWG, or the
 * URL has no scheme, libcurl's reading: the pin then names the host
 * curl connects to). Returns MOAT_BLOCK or MOAT_ALLOW; a URL that does not
 * parse is allowed (the fetch fails too) with out->naddr 0; one whose
 * host (over 511 bytes) or authority (over 4 KB) is longer than the
 * parser reads fires ssrf.too_long, since a client reads on. Allocates
 * nothing unless it fires, apart from the resolver's own work (DNS).
 *
 *     struct moat_url_target t;
 *     if (moat_check_url(req, url, strlen(url), &t) == MOAT_BLOCK)
 *             return respond(403);
 *     int fd = moat_connect_checked(&t, 2000);   // exactly the checked address
 */
#define moat_check_url(r, url, len, out)                                                           \
	moat_check_url_at((r), (url), (len), (out), __FILE__, __LINE__, __func__)
int moat_check_url_at(struct moat_request *r, const char *url, size_t len,
                      struct moat_url_target *out, const char *file, int line,
                      const char *function);

/* Connects a TCP socket to t's addresses in order (the ones the check
 * saw), each attempt at most timeout_ms (<= 0: the system's). Returns the
 * connected socket (the caller closes it), MOAT_AGENT_EINVAL when t was
 * blocked or has no address, or MOAT_AGENT_EIO when no address accepts. */
int moat_connect_checked(const struct moat_url_target *t, int timeout_ms);

/* Writes "host:port:addr[,addr...]" for curl's CURLOPT_RESOLVE into buf
 * (cap bytes), so that curl connects to the checked addresses: the host
 * is the name curl looks up (t->host). 0, or
 * MOAT_AGENT_EINVAL (blocked, no address, no room).
 *
 *     char pin[512];
 *     struct curl_slist *rs = NULL;
 *     if (moat_url_curl_resolve(&t, pin, sizeof pin) == 0)
 *             rs = curl_slist_append(NULL, pin);
 *     curl_easy_setopt(h, CURLOPT_RESOLVE, rs);
 *     curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // or check each hop
 */
int moat_url_curl_resolve(const struct moat_url_target *t, char *buf, size_t cap);

/* ---- nosql_injection: MongoDB query documents ---- */

/*
 * nosql_injection: call it with the query document (filter, pipeline
 * stage, update) as JSON text -- what the driver is about to send, in
 * canonical or relaxed Extended JSON; single-quoted strings and bare keys
 * (mongo shell style) are read too. It fires when a user input of r
 *   - became an operator: a key starting with '$' ($ne, $gt, $regex,
 *     $where, $expr, $function ...) in the document whose key the user
 *     supplied (a JSON body {"user": {"$ne": null}}, a form field
 *     user[$ne]=1, a string input the application parsed as JSON);
 *   - spans tokens of the document: text pasted into it that closed a
 *     string and added keys, operators or values;
 *   - changes the JavaScript of a $where / $function / $accumulator /
 *     mapReduce body: leaves its string or number and adds operators,
 *     calls, statements or comments ('; return true; //, || 1==1).
 * An operator the application wrote itself around a user value
 * ({"price": {"$gt": <number from the user>}}) and user text that stays a
 * string value ("$ne" as a search word) pass. Returns MOAT_BLOCK or
 * MOAT_ALLOW; without a request it allows. Allocates nothing unless it
 * fires.
 *
 *     // body: {"user": "alice", "pass": {"$ne": ""}}
 *     moat_request_add_json(req, body, body_len);
 *     char *q = json_dumps(filter, JSON_COMPACT);          // {"user":"alice","pass":{"$ne":""}}
 *     if (moat_check_nosql(req, q, strlen(q)) == MOAT_BLOCK)
 *             return respond(403);
 */
#define moat_check_nosql(r, json, len)                                                             \
	moat_check_nosql_at((r), (json), (len), __FILE__, __LINE__, __func__)
int moat_check_nosql_at(struct moat_request *r, const char *json, size_t len, const char *file,
                        int line, const char *function);

/* ---- llm_prompt_injection: prompts about to be sent to an LLM ---- */

/* The threshold when the policy sets none (the server's default too). */
#define MOAT_PROMPT_THRESHOLD 0.8

/*
 * llm_prompt_injection: call it with the whole prompt just before it goes
 * to the model. The untrusted part is each user input of r found in the
 * prompt (as given, or URL- or HTML-decoded), and/or the explicit span
 * [uoff, uoff + ulen) of the prompt (ulen 0: none) -- a retrieved
 * document, a web page, an e-mail. Only the untrusted part is scored;
 * the application's own instructions around it never are. Inputs placed
 * close together are read as one text as well (an override split across
 * two fields): a run of them with only short labels (64 bytes at most)
 * between is scored whole, labels included, and neighbours at most 160
 * bytes apart joined by a space; the higher score counts. A run is judged
 * under the least mode of its inputs' parameters (an exclusion holds),
 * unless the inputs of the lower modes stay under the threshold alone:
 * then it is an injection only with the higher mode's text, and judged so.
 * The score (0..1, written to *score when score is not NULL) is the
 * noisy-OR, 1 - prod(1 - w), of weighted features of five families, found
 * by patterns over semantic word classes (English and eight other
 * languages) with proximity windows, on text normalised for case,
 * whitespace, accents, Unicode look-alikes, zero-width characters, leet
 * and spaced-out letters: instruction override ("ignore the previous
 * instructions", "new task:"), role play / persona switch ("you are now
 * DAN", "developer mode"), system-prompt extraction ("repeat the text
 * above", "what is your password"), delimiter injection (fake system /
 * assistant turns, chat-template tokens, floods) and encoded instructions
 * (base64 / hex / binary runs decoded and scored again, rot13,
 * mixed-script words). One strong feature (w >= 0.8) reaches the default
 * threshold alone, weaker ones only together. It fires when the score
 * reaches the policy's threshold (MOAT_PROMPT_THRESHOLD by default); the
 * event's rule names the strongest family ("prompt.override" ...) and
 * its details the score. Text that only talks about prompt injection (an
 * article quoting "ignore previous instructions") scores like an attack:
 * judge such inputs with a higher threshold or an exclusion. Returns
 * MOAT_BLOCK or MOAT_ALLOW; without a request it allows (the score is
 * still computed).
 * Allocates nothing unless it fires; uses about 7 KB of stack (the
 * scorer's ~24 KB of working state is in the request; without a request
 * in one of 16 such blocks of the library's, a 17th call at once waiting
 * for one).
 *
 *     char prompt[8192];
 *     int n = snprintf(prompt, sizeof prompt,
 *                      "Summarise this review for the shop owner:\n%s", review);
 *     double s;
 *     // the review came in as body.review (moat_request_add_json)
 *     if (moat_check_prompt(req, prompt, (size_t)n, 0, 0, &s) == MOAT_BLOCK)
 *             return respond(403);
 *     // or, for a fetched page not among the inputs: mark it
 *     moat_check_prompt(req, prompt, (size_t)n, (size_t)n - strlen(page), strlen(page), &s);
 */
#define moat_check_prompt(r, prompt, len, uoff, ulen, score)                                       \
	moat_check_prompt_at((r), (prompt), (len), (uoff), (ulen), (score), __FILE__, __LINE__,    \
	                     __func__)
int moat_check_prompt_at(struct moat_request *r, const char *prompt, size_t len, size_t uoff,
                         size_t ulen, double *score, const char *file, int line,
                         const char *function);
/* The score alone (0..1) of untrusted text (len (size_t)-1: NUL-terminated),
 * as moat_check_prompt computes it. No request, no allocation: as
 * moat_check_prompt without a request, about 7 KB of stack. */
double moat_prompt_score(const char *text, size_t len);

/*
 * command_injection, for a command line run by a shell (system(), popen(),
 * execl("/bin/sh", "sh", "-c", cmd)): call it with the exact line just
 * before it runs. cmd is len bytes (len (size_t)-1: NUL-terminated). The
 * line is tokenized with the POSIX sh rules (quotes and escapes, $(...),
 * backticks, ${...}, $((...)), separators ; & && || | and newlines,
 * redirections, here-documents and bash's here-strings, <(...), globs,
 * {a,b}, $'...', a=(x y)). Fires when a user input of r (as given, or URL- or
 * HTML-decoded) is not data inside one word and adds syntax that runs: a
 * command substitution (always, also inside the application's own
 * ${...}, $((...)) or $(...); cmd.substitution), the ' where dash
 * (no $'...') ends a $'...' quote that bash reads on (always;
 * cmd.dollar_quote: the two shells split the line differently), quotes and
 * substitutions nested more than 32 levels deep from the input
 * (cmd.nesting: followed no further), or, when the line
 * still parses: a separator, newline or pipe followed by a command whose
 * name can run something -- a shell builtin, a program of the built-in
 * lexicon of Linux/Unix command names (ma_shell_names.c), a path, a name
 * whose value is unknown ($0, $SHELL, c\at, a glob matching a lexicon
 * name), the name after exec/env/sudo/time/if/then/do, or an assignment
 * to PATH, IFS, LD_* ... (cmd.separator, cmd.pipe); an input that begins
 * with ; | & && || before a word with a lowercase letter; a whole
 * command, its name and more, written by the input (system(input);
 * cmd.command). A new command named by an ordinary word ("See you
 * Monday" on a new line, "; but", "& Jerry") runs nothing and does not
 * fire: an unknown program name after a separator is not reported; a
 * redirection that writes a file the input names or duplicates a
 * descriptor (cmd.redirection);
 * $VAR, ${...} or {a,b} as a command's name (cmd.expansion,
 * cmd.brace_expansion); a glob that is most of its path segment (*,
 * *.txt, /???/??t; a ? or [...] only in a path, not "it?"; cmd.glob); or
 * an option word other than "--" after the input closed the quotes it
 * was put in (cmd.option). Words made by whitespace alone (an unquoted
 * "red shoes") do not fire: nothing runs that the application did not
 * name. An input that only breaks the line
 * (an apostrophe inside '...') does not fire either. Returns MOAT_BLOCK
 * (mode block: do not run it) or MOAT_ALLOW; allocates nothing unless it
 * fires; uses about 4.5 KB of the caller's stack. Without a request it
 * allows. Quoting every input ('...' with ' written as '\'') or, better,
 * an argv array without a shell needs no check.
 *
 *     char cmd[512];
 *     snprintf(cmd, sizeof cmd, "convert '%s' -resize 200x200 /tmp/thumb.png", name);
 *     if (moat_check_shell(req, cmd, (size_t)-1) == MOAT_BLOCK)
 *             return respond(403);
 *     system(cmd);
 */
#define moat_check_shell(r, cmd, len)                                                              \
	moat_check_shell_at((r), (cmd), (len), __FILE__, __LINE__, __func__)
int moat_check_shell_at(struct moat_request *r, const char *cmd, size_t len, const char *file,
                        int line, const char *function);

/*
 * command_injection, for a program run without a shell (execv, execvp,
 * posix_spawn): argv has argc strings (argc < 0: NULL-terminated; either
 * way the check, as exec does, stops at the first NULL element). No
 * shell reads them, so separators and quotes in an argument are data.
 * Fires when a user input (not a bare word of letters, digits and _: an
 * application that picks a program from an allowlist looks alike) is
 * the whole program or its base name (cmd.argv0), or starts an argument
 * with '-' before any "--" so that the program takes it as an option that
 * runs a command, loads code or reads or writes a file (cmd.option:
 * --upload-pack, -oProxyCommand, --checkpoint-action=exec=, -exec, --output ...,
 * and the program's own: curl -o, wget -O, git -u, tar -I, rsync -e,
 * python -c ...; an ordinary option such as -v passes). Negative numbers
 * are not options. When argv runs a shell with -c (sh, bash, dash, zsh,
 * ksh, busybox sh, su ...; also behind sudo, env, timeout, nice ..., or
 * in a container or another root: docker/podman exec CONTAINER, docker
 * run IMAGE, docker compose exec SERVICE, kubectl exec POD [--], chroot
 * DIR), its script is checked as
 * moat_check_shell() does, as are the command of find -exec (an argv),
 * watch (sh -c) and the -c line of flock, script and su; the program
 * such a wrapper runs is judged as argv[0] is. An option's value is
 * judged as what it is to its program: a command line (rsync -e, git
 * --upload-pack, ssh -o ProxyCommand=, git -c core.sshCommand=: the
 * input names the command, adds an option word, or the line fires the
 * shell check), a keyword or key that runs something (ssh -o, git -c:
 * cmd.option when the input writes it), a file of code or configuration
 * (sed -f, sftp -b, vim -u, ssh -F: cmd.option_file when the input names
 * it or climbs with ".."), code (python -c, perl -e, ruby -e, node -e,
 * php -r: cmd.program when the input changes the code's tokens) or an Ex
 * command (vim -c, +cmd), a mount (docker run -v SPEC, --mount CSV: the
 * input names a bind mount's host path, cmd.option_file, or adds a
 * field, cmd.option). Same answers, memory and stack as
 * moat_check_shell().
 *
 *     const char *argv[] = {"git", "clone", "--", url, dir, NULL};
 *     if (moat_check_argv(req, argv, -1) == MOAT_BLOCK)
 *             return respond(403);
 *     execvp(argv[0], (char *const *)argv);
 */
#define moat_check_argv(r, argv, argc)                                                             \
	moat_check_argv_at((r), (argv), (argc), __FILE__, __LINE__, __func__)
int moat_check_argv_at(struct moat_request *r, const char *const *argv, int argc, const char *file,
                       int line, const char *function);

/* moat_check_path flags */
#define MOAT_PATH_RESOLVE 1 /* also resolve symbolic links (realpath; system calls) */

/*
 * path_traversal: call it with the exact path just before it is opened.
 * path is len bytes (len (size_t)-1: NUL-terminated; give the length when
 * the path may hold a NUL byte); base is the directory the application
 * means (NUL-terminated), or NULL. The path is read as given, and
 * percent-decoded once, twice and three times, with overlong UTF-8
 * (C0 AE), %uXXXX and full-width dots and slashes taken as ASCII, '/'
 * and '\' both as separators and a NUL byte ending it; in each reading the
 * dot segments are resolved lexically. Fires when a user input of r is in
 * the path, the part before it is inside base and the whole is not
 * (path.traversal, path.encoded_traversal; an input that starts the path
 * and makes it absolute: path.absolute). With a base, a path outside it
 * that the application normalised first (path.join("/srv/app/uploads",
 * "../../etc/passwd") is "/etc/passwd") fires too when an input climbs
 * and names the path's end after the climb. Without a base, the input must
 * stay below the directory it was put in, and an input that starts the
 * path must not make it absolute or climb above it. It also fires on an
 * input that starts the path with a stream wrapper or URL scheme
 * (php://filter, file://, data:; path.wrapper) and on a NUL byte from an
 * input (path.nul_byte). With MOAT_PATH_RESOLVE and a base, symbolic
 * links in the existing part of the path are resolved too and a link out
 * of the base fires (path.symlink). Returns MOAT_BLOCK or MOAT_ALLOW;
 * paths are judged up to 4,096 bytes; allocates nothing unless it fires;
 * uses about 28 KB of the caller's stack.
 *
 *     char path[PATH_MAX];
 *     snprintf(path, sizeof path, "/srv/app/uploads/%s", name);
 *     if (moat_check_path(req, path, (size_t)-1, "/srv/app/uploads", 0) == MOAT_BLOCK)
 *             return respond(403);
 *     int fd = open(path, O_RDONLY);
 */
#define moat_check_path(r, path, len, base, flags)                                                 \
	moat_check_path_at((r), (path), (len), (base), (flags), __FILE__, __LINE__, __func__)
int moat_check_path_at(struct moat_request *r, const char *path, size_t len, const char *base,
                       int flags, const char *file, int line, const char *function);

/*
 * xss: call it with the HTML about to be sent (a fragment or a whole page
 * where user input was interpolated). html is len bytes (len (size_t)-1:
 * NUL-terminated). The text is tokenized with the HTML5 tokenizer's rules
 * (tags, attribute names and values quoted or not, comments, the raw text
 * of script, style, title, textarea ...; <svg>/<math> content as foreign
 * content), and every place where a user input of r occurs (as given, or
 * URL- or HTML-decoded) is judged by what it added. Fires when the input
 *   - opens an element that runs script, embeds or loads content, or
 *     changes forms, styles or the base (script, iframe, object, embed,
 *     svg, math, img, video, style, link, meta, base, form, body ...) or
 *     closes the raw-text element it is in (</textarea>, </title>): xss.tag;
 *   - adds an on* attribute to any element: xss.event_handler;
 *   - writes the scheme of a URL attribute that runs script: javascript:
 *     (unless the body runs nothing: void(0)), vbscript:, data: of a
 *     document type, after character references are decoded and tabs,
 *     newlines and leading controls dropped: xss.url;
 *   - joins a '<' to an active element once its own tags are stripped
 *     (<<br>img onerror=...>): xss.split_tag;
 *   - leaves the JavaScript string or name it was put in, inside a
 *     <script> or an on* handler, or moves a <script> element's end
 *     ("<!--" then "<script": the page's </script> no longer ends it):
 *     xss.script; adds markup to srcdoc, CSS that runs script to a style
 *     attribute or a <style> element (expression(), javascript:,
 *     -moz-binding, behavior:): xss.style; or opens a comment.
 * An input that stays text, or stays inside a quoted attribute value, is
 * data; so is markup that can run nothing (<b>, <p>, <a href="/x">):
 * HTML injection without script does not fire. Returns MOAT_BLOCK (do not
 * send it) or MOAT_ALLOW; allocates nothing unless it fires. Without a
 * request it allows. Escaping every interpolated value for its context
 * remains the fix; this check is the net under it.
 *
 *     char html[4096];
 *     snprintf(html, sizeof html, "<p class=\"comment\">%s</p>", body);
 *     if (moat_check_html(req, html, (size_t)-1) == MOAT_BLOCK)
 *             return respond(403);
 *     send_html(html);
 */
#define moat_check_html(r, html, len)                                                              \
	moat_check_html_at((r), (html), (len), __FILE__, __LINE__, __func__)
int moat_check_html_at(struct moat_request *r, const char *html, size_t len, const char *file,
                       int line, const char *function);

#ifdef __cplusplus
}
#endif

#endif
