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

/* 1 if ip (textual IPv4 or IPv6) falls in a denylist entry (address or
 * CIDR) that has not expired at now (unix seconds; 0 means time(NULL)).
 * An entry expires at its "until" instant. 0 for an unparsable ip. */
int moat_policy_ip_denied(const struct moat_policy *p, const char *ip, time_t now);
/* 1 if user is a denylist user entry (exact match) not expired at now. */
int moat_policy_user_denied(const struct moat_policy *p, const char *user, time_t now);

/*
 * The effective mode for one inspection: the interceptor's mode, then the
 * exclusions. An exclusion matches when its interceptor is this one, its
 * endpoint glob matches endpoint ('*' matches any run of characters,
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

#ifdef __cplusplus
}
#endif

#endif
