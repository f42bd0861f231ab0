/*
 * ma_int.h — libmoatagent's internal interfaces, shared by its files and
 * its unit tests (agentproto/tests) and by moat-loadgen. Not installed, not
 * part of the public API: everything here may change.
 *
 * Modules (a function's prefix is its file):
 *   ma_util.c     allocation, clocks, randomness, logging, bounded buffer
 *   ma_match.c    IP/CIDR parsing and matching, endpoint globs, RFC 3339
 *   ma_event.c    event validation (PROTOCOL.md "Events"), JSON encoding, UUIDs
 *   ma_queue.c    the bounded event queue and the batches cut from it
 *   ma_backoff.c  the reconnect schedule
 *   ma_proto.c    protocol messages: hello/applied out, welcome/policy/ack/error in
 *   ma_policy.c   policy snapshots (struct moat_policy) and their accessors
 *   ma_conn.c     the connection thread: libwebsockets client, timers
 *   ma_agent.c    the public lifecycle (new/start/stop/free/report/stats)
 *   ma_request.c  the request context: inputs, their decoded forms, the
 *                 policy decision, the event of a check that fired and
 *                 the input-in-operation scan the checks share
 *   ma_request_json.c  a JSON body jansson refuses (or that repeats a
 *                 name) read leniently, so its fields are still inputs
 *   ma_sql_lex.c  the SQL tokenizer (SQLite, PostgreSQL, MySQL rules)
 *   ma_sql.c      the sql_injection check
 *   ma_url.c      URL hosts as a WHATWG URL client parses them (IPv4/IPv6)
 *   ma_idna.c     domain to ASCII for those hosts (UTS #46 as WHATWG runs it)
 *   ma_ssrf.c     the ssrf check: address classes, resolution, checked connect
 *   ma_nosql.c    the nosql_injection check (MongoDB query documents, $where JS)
 *   ma_shell.c    the command_injection check and its POSIX sh tokenizer (ma_shell.h)
 *   ma_shell_names.c  what a command's name can be: builtins, reserved words, the
 *                 lexicon of program names, variables that change what runs
 *   ma_path.c     the path_traversal check and its path normaliser (ma_path.h)
 *   ma_html.c     the HTML tokenizer (ma_html.h)
 *   ma_xss.c      the xss check on HTML about to be sent (ma_html.h)
 *   ma_prompt.c   the llm_prompt_injection score and check (ma_prompt.h)
 *   ma_prompt_lex.c  its lexicon of word classes and its phrase patterns
 *   ma_prompt_norm.c its text normaliser; ma_prompt_feat.c its whole-text features
 */
#ifndef MA_INT_H
#define MA_INT_H

#include <jansson.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "moatagent.h"

/* ---- protocol limits (PROTOCOL.md "Limits" and "Events") ---- */

#define MA_MAX_MESSAGE       1048576      /* one message to the server */
#define MA_MAX_RX            (4u << 20)   /* one message from the server (a big policy) */
#define MA_MAX_BATCH         500          /* events in one batch */
#define MA_MAX_INFLIGHT      8            /* unacknowledged batches */
#define MA_EVENTS_HEAD       64           /* room for {"type":"events","seq":N,"events": */
#define MA_EVENT_MAX_BYTES   (512 * 1024) /* one encoded event (library cap) */
#define MA_FIELD_CUT         32768        /* payload/operation are cut to this (bytes) */
#define MA_DETAILS_MAX       4096         /* details as compact JSON (bytes) */
#define MA_APPLIED_ERROR_MAX 200          /* applied.error (bytes); moatd takes up to 240 */
#define MA_CANON_FLAGS       (JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15))
#define MA_PARSE_FLAGS       (JSON_REJECT_DUPLICATES)

#define MA_N_INTERCEPTORS 7
extern const char *const ma_interceptor_names[MA_N_INTERCEPTORS];

/* ---- ma_util.c ---- */

void *ma_malloc(size_t n);
void *ma_calloc(size_t n, size_t size);
void *ma_realloc(void *p, size_t n);
char *ma_strdup(const char *s); /* NULL stays NULL */
/* Length of the valid UTF-8 sequence at p (1-4), or 0 if it is not one
 * (overlong, surrogate, above U+10FFFF, cut short: a NUL ends it) --
 * ma_event.c. */
size_t ma_utf8_seq(const unsigned char *p);
/* Tests only: the nth allocation through the four above from now on
 * (1 = the next) fails as if memory were exhausted; 0 disarms.
 * ma_alloc_failed() says whether the armed failure happened. Library-
 * internal: the process's allocator and jansson's are left alone. */
void ma_alloc_fail_at(long nth);
int ma_alloc_failed(void);

int64_t ma_now_ms(void);  /* CLOCK_REALTIME, unix milliseconds */
int64_t ma_mono_us(void); /* CLOCK_MONOTONIC microseconds */
/* Fills buf with n cryptographically random bytes (getrandom). 0, or -1
 * when the kernel cannot give any. */
int ma_random(void *buf, size_t n);

/* One logfmt line via the configured sink. level below cfg's level: no-op.
 * Values that may carry remote text must be quoted with ma_quote(). */
struct ma_log {
	void (*fn)(int level, const char *line, void *arg);
	void *arg;
	int level;
};
void ma_log(const struct ma_log *lg, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Writes s as a quoted logfmt value into out (cap bytes, truncated with
 * "..."); returns out. */
char *ma_quote(char *out, size_t cap, const char *s);

/* The bounded buffer: created with its maximum; an append past it fails
 * and leaves the buffer unchanged. data is NUL-terminated once non-empty.
 * Owned by one thread. */
struct ma_buf {
	char *data;
	size_t len, cap, max;
};
void ma_buf_init(struct ma_buf *b, size_t max);
void ma_buf_cleanup(struct ma_buf *b);
/* 0, MOAT_AGENT_EFULL if len + n > max, or MOAT_AGENT_ENOMEM (nothing
 * appended either way). */
int ma_buf_append(struct ma_buf *b, const void *p, size_t n);
void ma_buf_reset(struct ma_buf *b);

/* ---- ma_match.c ---- */

struct ma_cidr {
	int family;       /* 4 or 6 */
	uint8_t addr[16]; /* network bytes (4 used for IPv4), host bits cleared */
	int bits;         /* prefix length */
};
/* Parses "a.b.c.d", "a.b.c.d/n", "v6", "v6/n". An IPv4-mapped IPv6
 * address (::ffff:a.b.c.d, /96 or longer) becomes IPv4. 0 or -1. */
int ma_cidr_parse(const char *s, struct ma_cidr *out);
/* Parses one address (no prefix) into a /32 or /128. 0 or -1. */
int ma_ip_parse(const char *s, struct ma_cidr *out);
/* The address s names, in the forms proxies and frameworks hand over
 * (white space around it, RFC 7239's for= and quotes, "a.b.c.d:port",
 * "[v6]", "[v6]:port", "v6%zone"), as
 * inet_ntop writes it into out (cap bytes, 46 enough; IPv4-mapped IPv6 as
 * IPv4). 0, or -1 when s is no address in any of those forms. */
int ma_ip_normal(const char *s, char *out, size_t cap);
/* ma_ip_parse of s in any form ma_ip_normal reads. 0 or -1. */
int ma_ip_read(const char *s, struct ma_cidr *out);
/* A source address as proxies hand it over whole (review25h): a list,
 * X-Forwarded-For's "client, proxy1, proxy2" or Forwarded's elements
 * "for=a;proto=https, for=b" (an element's for= pair; one without is no
 * address). Calls fn with each element's address as ma_ip_read reads it,
 * in order, NULL for an element that is none ("unknown", for="_hidden"),
 * until fn returns nonzero; returns how many addresses it read (0: none).
 * fn may be NULL (count only). */
int ma_ip_each(const char *s, int (*fn)(void *ctx, const struct ma_cidr *ip), void *ctx);
/* 1 if the address ip (from ma_ip_parse) is inside net. */
int ma_cidr_contains(const struct ma_cidr *net, const struct ma_cidr *ip);
/* '*' matches any run of characters (including '/'), the rest is literal. */
int ma_glob_match(const char *glob, const char *s);
/* 1 when the endpoint's path may hold an empty or a dot segment ("//",
 * "/.", "/%2e"): ma_endpoint_normal may change it. */
int ma_endpoint_needs_normal(const char *ep);
/* ep's path with empty segments merged and dot segments ("." "..", as
 * %2e too, with a ";" parameter) removed (RFC 3986 5.2.4), what follows
 * '?' or '#' kept, into out (strlen(ep) + 1 bytes). Returns its length. */
size_t ma_endpoint_normal(const char *ep, char *out);
/* moat_policy_decide with endpoint already ma_endpoint_normal'd from raw
 * (the same pointer when it needed nothing; endpoint NULL: no memory, no
 * glob matches). */
int ma_policy_decide_normal(const struct moat_policy *p, const char *interceptor, const char *raw,
                            const char *endpoint, const char *parameter, const char *source_ip);
/* Parses RFC 3339 "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)" into unix
 * milliseconds. 0 or -1. */
int ma_rfc3339_parse(const char *s, int64_t *out_ms);
/* Formats unix milliseconds as "YYYY-MM-DDTHH:MM:SS.mmmZ" (25 bytes). */
void ma_rfc3339_format(int64_t ms, char out[25]);
/* Counts UTF-8 characters (code points) of valid UTF-8 text. */
size_t ma_utf8_chars(const char *s);

/* ---- ma_event.c ---- */

#define MA_UUID_LEN 37
/* Writes a random (version 4) UUID, lowercase, NUL-terminated. 0, or -1
 * without kernel randomness. */
int ma_uuid4(char out[MA_UUID_LEN]);
/* 1 if s is 8-4-4-4-12 hex. */
int ma_uuid_valid(const char *s);
/*
 * Checks one event object against PROTOCOL.md "Events" as the server
 * does, with now_ms the current time. Returns 0, or -1 with a reason
 * ("severity: must be low, medium, high or critical") in reason.
 */
int ma_event_check(const json_t *ev, int64_t now_ms, char *reason, size_t rlen);
/*
 * Encodes ev as one compact JSON object. Text fields are made valid UTF-8
 * (bad bytes become U+FFFD) and cut to their limits; id and ts are filled
 * in when absent (the id written to id_out). Returns 0 with *out (malloc'd,
 * caller frees) and *len, MOAT_AGENT_EINVAL with a reason, or
 * MOAT_AGENT_ENOMEM / MOAT_AGENT_EIO (no memory, no randomness).
 */
int ma_event_encode(const struct moat_event *ev, int64_t now_ms, char **out, size_t *len,
                    char id_out[MA_UUID_LEN], char *reason, size_t rlen);

/* ---- ma_queue.c ---- */

/*
 * A bounded FIFO of encoded events, shared between reporting threads
 * (ma_queue_push) and the connection thread (ma_queue_take). Its own
 * mutex; no other lock is taken while it is held.
 */
struct ma_qitem {
	char *json;
	size_t len;
};
struct ma_queue {
	pthread_mutex_t lock;
	struct ma_qitem *ring; /* max_events slots */
	size_t head, count, bytes;
	size_t max_events, max_bytes;
};
int ma_queue_init(struct ma_queue *q, size_t max_events, size_t max_bytes);
/* Frees every queued event; returns how many there were. */
size_t ma_queue_cleanup(struct ma_queue *q);
/* Takes ownership of json (len bytes) and returns 0 and the new count in
 * *count_after, or MOAT_AGENT_EFULL (json not taken). */
int ma_queue_push(struct ma_queue *q, char *json, size_t len, size_t *count_after);
size_t ma_queue_count(struct ma_queue *q);

/*
 * A batch: head bytes of headroom (at least MA_EVENTS_HEAD, for the
 * message prefix), then the body `[ev,ev,...]}`. ma_batch_message() writes
 * the prefix for a given seq right before the body and returns where the
 * message starts. The connection sends a copy (lws masks in place).
 */
struct ma_batch {
	char *buf;
	size_t head;     /* headroom before the body */
	size_t body_len; /* body bytes */
	uint32_t events;
	int64_t seq; /* seq of the last send on this connection; 0: not sent on it */
};
/* Moves up to max_events queued events, whose message stays within
 * max_msg bytes, into a new batch. NULL when the queue is empty, or when
 * the batch cannot be allocated (*nomem = 1 if nomem is not NULL): the
 * events then stay queued. */
struct ma_batch *ma_batch_take(struct ma_queue *q, size_t head, int max_events, size_t max_msg,
                               int *nomem);
/* Writes the prefix for seq; *len gets the message length. */
char *ma_batch_message(struct ma_batch *b, int64_t seq, size_t *len);
void ma_batch_free(struct ma_batch *b);

/* ---- ma_backoff.c ---- */

#define MA_BACKOFF_MIN_MS 500
#define MA_BACKOFF_MAX_MS 30000
struct ma_backoff {
	int attempt;
	uint64_t rng; /* xorshift state, never 0 */
};
void ma_backoff_init(struct ma_backoff *b, uint64_t seed);
/* The next delay: 500 ms doubling to 30 s, each +-20 % jitter. */
int ma_backoff_next(struct ma_backoff *b);
/* The maximum (30 s +-20 %), for closes that must not hammer. */
int ma_backoff_max(struct ma_backoff *b);
/* After a welcome: the next delay starts at 500 ms again. */
void ma_backoff_reset(struct ma_backoff *b);

/* ---- ma_proto.c ---- */

enum ma_msg_type { MA_MSG_UNKNOWN = 0, MA_MSG_WELCOME, MA_MSG_POLICY, MA_MSG_ACK, MA_MSG_ERROR };
/* A parsed server message; borrows from root (json_decref(root) frees all). */
struct ma_msg {
	enum ma_msg_type type;
	json_t *root;
	const char *type_name;
	/* welcome */
	int heartbeat_s;
	/* welcome and ack: events the agent may have unacknowledged from now
	 * on (0: the server did not say; an older server) */
	int64_t credits;
	/* policy */
	int64_t version;
	const char *sha256;
	json_t *document;
	/* ack */
	int64_t seq;
	int64_t accepted, duplicates, nrejected;
	json_t *rejected;
	/* error */
	const char *code, *message;
};
/* Parses one text message. 0 (type may be MA_MSG_UNKNOWN for a type this
 * library does not know: ignore it), or -1 with a reason when it is not a
 * JSON object with a string "type" or a known type has bad fields. On 0 the
 * caller must json_decref(m->root). */
int ma_proto_parse(const char *text, size_t len, struct ma_msg *m, char *reason, size_t rlen);
/* hello / applied as compact JSON into b (reset first). 0 or EFULL. */
int ma_proto_hello(struct ma_buf *b, const char *agent_id, const char *hostname,
                   const char *runtime, const char *agent_version, const char *environment,
                   int64_t policy_version, const char *token);
int ma_proto_applied(struct ma_buf *b, int64_t version, int ok, const char *error);

/* ---- ma_conn.c ---- */

/* Events a new batch may hold: batch_max, fewer when the server's credits
 * (0: none said) leave fewer beside the unacked events in flight; 0 when
 * they are used up or ninflight batches (MA_MAX_INFLIGHT) are in flight.
 * Batches unacknowledged before a reconnect are resent whatever this says. */
int ma_credit_room(int64_t credits, int64_t unacked, int ninflight, int batch_max);

/* ---- ma_policy.c ---- */

/* Canonical text of doc (malloc'd) and its SHA-256 in hex (65 bytes);
 * NULL when out of memory. */
char *ma_policy_canonical(const json_t *doc, char sha_hex[65]);
/*
 * Builds a snapshot (one reference) from a `policy` message: checks that
 * sha256 matches the canonical text of document, then parses it. NULL with
 * a reason ("sha256 mismatch", "interceptors.xss.mode: ...") on failure.
 */
struct moat_policy *ma_policy_new(int64_t version, const char *sha256, const json_t *document,
                                  char *reason, size_t rlen);

/* ---- ma_agent.c / ma_conn.c ---- */

struct ma_url {
	int tls;
	char host[256];
	int port;
	char path[512];
};
/* Parses ws://host[:port][/path] and wss://...; [v6] hosts. 0 or -1. */
int ma_url_parse(const char *url, struct ma_url *out);

struct ma_counters {
	uint64_t queued, invalid, dropped_full, sent, acked, duplicates, rejected, pending,
	    reconnects, policies, policy_errors;
	int connected;
	int last_close_code;
}; /* every field read and written with __atomic builtins */

struct ma_conn; /* connection-thread state, ma_conn.c */
struct lws_context;

struct moat_agent {
	/* Configuration: written by moat_agent_new, read-only afterwards. */
	char *url, *token, *environment, *agent_id, *hostname, *runtime, *agent_version, *ca_file;
	int token_in_hello;
	size_t queue_max_events, queue_max_bytes;
	int batch_max_events, flush_ms, connect_timeout_ms, stop_timeout_ms;
	/* the reconnect jitter's seed: 0 = from the kernel at start; the unit
	 * tests set it before moat_agent_start to know the schedule */
	uint64_t backoff_seed;
	struct ma_url u;
	struct ma_log log;

	struct ma_queue queue; /* any thread, its own lock */
	struct ma_counters ctr;

	pthread_mutex_t pol_lock; /* guards policy, cb, cb_arg */
	struct moat_policy *policy;
	void (*cb)(const struct moat_policy *p, void *arg);
	void *cb_arg;

	/* ctx is valid while wake_lock is held for reading and ctx != NULL:
	 * other threads use it for lws_cancel_service() only. The connection
	 * thread clears it (write lock) before destroying the context. */
	pthread_rwlock_t wake_lock;
	struct lws_context *ctx;

	int state;    /* MA_ST_*: control thread only */
	int stop_req; /* atomic: set by stop, read by the connection thread */
	pthread_t thread;
	struct ma_conn *conn; /* connection thread only */
};
enum { MA_ST_NEW = 0, MA_ST_RUNNING, MA_ST_STOPPED };

/* Wakes the connection thread if it runs (any thread). */
void ma_agent_wake(struct moat_agent *a);
/* Swaps in a new snapshot (takes p's reference), then calls the callback
 * with it. Connection thread. */
void ma_agent_set_policy(struct moat_agent *a, struct moat_policy *p);
/* The version currently held (0 if none). Any thread. */
int64_t ma_agent_policy_version(struct moat_agent *a);

/* Creates the lws context (a->ctx) and the thread. 0, MOAT_AGENT_EIO or
 * MOAT_AGENT_ENOMEM. */
int ma_conn_start(struct moat_agent *a);
/* Joins the thread (after stop_req is set and the thread was woken). */
void ma_conn_join(struct moat_agent *a);

/* ---- ma_sql_lex.c ---- */

enum ma_sql_tok_type {
	MA_SQL_T_WORD = 1, /* identifier or keyword */
	MA_SQL_T_QIDENT,   /* "x" (PostgreSQL, SQLite), `x`, [x] (SQLite) */
	MA_SQL_T_STRING,   /* '...' and its forms: E'', N'', X'', _utf8'', $tag$...$tag$ */
	MA_SQL_T_NUMBER,   /* 1, 1.5, .5, 1e-3, 0x1F, 0b101, X'..' is a STRING */
	MA_SQL_T_PARAM,    /* ?, ?1, $1, :name, @name, @@name, $name (SQLite) */
	MA_SQL_T_OP,       /* operators: = <> != <=> || && :: -> + - * / ... */
	MA_SQL_T_LPAREN,
	MA_SQL_T_RPAREN,
	MA_SQL_T_COMMA,
	MA_SQL_T_SEMI,
	MA_SQL_T_DOT,
	MA_SQL_T_COMMENT, /* -- ..., # ... (MySQL), / * ... * / (nested in PostgreSQL) */
	MA_SQL_T_OTHER,   /* a byte no rule of the dialect accepts here */
};
#define MA_SQL_F_UNTERMINATED 1 /* string, identifier or comment runs to the end */
#define MA_SQL_F_EXEC         2 /* MySQL executable comment marker: / *! or its * / */
#define MA_SQL_F_SYSVAR       4 /* @@name */

struct ma_sql_tok {
	uint32_t start, end; /* byte offsets, end exclusive */
	uint8_t type;        /* enum ma_sql_tok_type */
	uint8_t flags;       /* MA_SQL_F_* */
};

/* A tokenizer over one statement: no allocation, no state beyond this
 * struct (the statement is borrowed; len bytes, NUL bytes allowed). */
struct ma_sql_lexer {
	const char *s;
	size_t len, pos;
	int dialect; /* MOAT_SQL_* */
	int in_exec; /* inside a MySQL / *! ... * / executable comment */
};
void ma_sql_lex_init(struct ma_sql_lexer *lx, int dialect, const char *s, size_t len);
/* The next token (whitespace skipped): 1, or 0 at the end. Every byte of
 * the statement is either whitespace or inside exactly one token. */
int ma_sql_lex_next(struct ma_sql_lexer *lx, struct ma_sql_tok *t);

/* ---- ma_sql.c ---- */

/* What a user input does at one place [a, b) of a statement. */
struct ma_sql_hit {
	int spans;         /* 1: the input is not inside one token */
	int fired;         /* 1: it changes the statement's structure (rule set) */
	const char *rule;  /* the rule that fired (static), or NULL */
	const char *sev;   /* its severity (static) */
	double confidence; /* its confidence */
};
/* Analyses the input occurrence [a, b) of sql (len bytes). No allocation. */
void ma_sql_analyse(int dialect, const char *sql, size_t len, size_t a, size_t b,
                    struct ma_sql_hit *hit);

/* ---- ma_prompt.c ---- */

/* Normalises untrusted prompt text into out (cap bytes): look-alikes
 * folded, zero-width removed, lowercase, whitespace runs one space.
 * Returns the length; *mixed counts mixed-script words. */
size_t ma_prompt_normalise(const char *s, size_t n, char *out, size_t cap, int *mixed);
/* The score of text (len (size_t)-1: NUL-terminated); *rule (when not
 * NULL) the strongest family's rule, or NULL. */
double ma_prompt_score(const char *text, size_t len, const char **rule);

/* ---- ma_request_nfkc.c: NFKC, and bytes that are not UTF-8 ---- */

/* Where in (len bytes) has its first character whose NFKC form is ASCII
 * (`＇` a quote, `․` '.', `ﬁ` "fi"), len when none: no allocation, no
 * write. */
size_t ma_nfkc_first(const char *in, size_t len);
/* in with each such character replaced by that form, every other byte
 * kept, at out, which has room for MA_NFKC_ROOM(len) bytes; from: where
 * to start replacing (ma_nfkc_first's answer; the bytes before it are
 * copied). Returns the length. */
size_t ma_nfkc_ascii(const char *in, size_t len, size_t from, char *out);
/* Whether in (len bytes) is valid UTF-8. */
int ma_utf8_valid(const char *in, size_t len);
/* ma_nfkc_first's answer, and in *bad whether in is not valid UTF-8
 * (!ma_utf8_valid), from one walk where the two overlap. */
size_t ma_nfkc_scan(const char *in, size_t len, int *bad);
/* in (len bytes) with each byte that starts no valid UTF-8 sequence as
 * U+FFFD, at out (room for 3 * len bytes); returns the length, 0 when in
 * is valid UTF-8 (out then holds nothing useful). */
size_t ma_utf8_fffd(const char *in, size_t len, char *out);
/* in's bytes as Latin-1 characters in UTF-8 at out (room for 2 * len
 * bytes); returns the length. */
size_t ma_latin1_utf8(const char *in, size_t len, char *out);
/* a character's form is at most 4/3 of its bytes (`Ⅷ`, 3 bytes, "VIII") */
#define MA_NFKC_ROOM(len) ((len) + (len) / 3 + 1)

/* ---- ma_request.c ---- */

/* the value as given, URL-decoded once, twice (with '+' as a space and
 * kept), HTML-decoded, HTML- after URL-decoded and the reverse, NFKC of
 * the value, its URL (once, twice, '+' kept once and twice), HTML,
 * HTML-after-URL and URL-after-HTML forms, the value's bad UTF-8 as
 * U+FFFD or it as Latin-1 and the URL form's bad UTF-8 as U+FFFD, and of
 * those with a NUL inside the part before it (what C code pasting it with
 * %s uses): 19 at most, and 1 of their NUL cuts then (the first forms'
 * first): MA_INPUT_DECODED; then places of their own for the raw and
 * URL-decoded forms with their white space collapsed (Rails' squish,
 * " ".join(s.split()); ma_add_collapse_forms), the raw form without
 * white space at its ends (what a framework's trim passes on;
 * ma_add_trim_forms) and the others' while there is room, then the LIKE
 * forms and the raw form with its quotes doubled (ma_doubled_len; up to
 * MA_INPUT_LATE), then two places of their own for the
 * raw form case-folded (lower, upper; ma_add_fold_forms: no other form
 * crowds them out, review28), then the last place the SQL scan's LIKE
 * form of a statement's ESCAPE character takes: MA_INPUT_FORMS */
#define MA_INPUT_DECODED 21
#define MA_INPUT_LATE    (MA_INPUT_DECODED + 6)
#define MA_INPUT_FORMS   (MA_INPUT_LATE + 3)

#define MA_REQUEST_INPUTS 16   /* inputs held in the request before an array is allocated */
#define MA_REQUEST_ARENA  2048 /* bytes of a request's strings before they come from the heap */
/* A check's working state that is too large for the caller's stack (the
 * SQL check's token cache: about 66 KB, every token of a 4 KB statement
 * since sqlcost12, session 34) lives in the request: checks of a
 * request run one at a time, so one block serves them all, and it costs no
 * allocation per check. Not zeroed; a check initialises what it reads. */
#define MA_REQUEST_SCRATCH (66 * 1024)

/* One user input and the forms in which it may reach an operation. */
struct ma_input {
	int kind;    /* MOAT_INPUT_* */
	char *param; /* "query.q", "body.user.name", ... (in mem's block) */
	const char *form[MA_INPUT_FORMS];
	uint32_t form_len[MA_INPUT_FORMS];     /* (a value is under 4 GiB: ma_add_input_one) */
	const char *form_name[MA_INPUT_FORMS]; /* "raw", "url", "url2", "html", "cstr", ... */
	int nforms;                            /* distinct forms, 1..MA_INPUT_FORMS */
	int plain;      /* only [A-Za-z0-9_]: one word whatever the sink, never spans tokens */
	int structured; /* a JSON object or array of the body, as compact JSON text */
	char *mem;      /* owns the value, its decoded forms and param */
	char *mem2;     /* owns the forms of two decoders, NFKC, U+FFFD, Latin-1 (or NULL) */
	char *mem3;     /* owns the LIKE-escaped and quote-doubled forms (or NULL) */
	char *mem4;     /* owns the collapsed forms (or NULL) */
	char *mem5;     /* owns the case-folded forms (or NULL) */
	/* room (like_cap bytes, in mem3) for the LIKE form of an ESCAPE
	 * character other than '\\' that a statement names, written by the
	 * SQL check's scan at form[nforms] (ma_scan_like_escapes); NULL: the
	 * input holds no quote, or nothing such an escape changes */
	char *like_buf;
	size_t like_cap;
	/* 1 + the index of the input this one's value was cut out of (the
	 * value of a query string of one pair holding '=' in it, a slice of
	 * that input's form outer_form at outer_off), 0 for none: a place of
	 * this one's raw form inside an occurrence of that whole form is the
	 * outer's (ma_scan_covered) */
	size_t outer, outer_off;
	int outer_form;
};

/* What a check that fired reports (ma_request_fire). */
struct ma_finding {
	const char *interceptor;
	const char *rule, *severity;
	double confidence;
	const struct ma_input *input;
	int form; /* index into input->form */
	const char *operation;
	size_t operation_len;
	const char *extra_key, *extra_value; /* one more details field (e.g. dialect) */
	const char *file, *function;
	int line;
};

/* r's scratch block (MA_REQUEST_SCRATCH bytes, aligned for any type),
 * which the running check may use until it returns; never NULL for a
 * non-NULL r. */
void *ma_request_scratch(struct moat_request *r);
/* Inputs of r (NULL r: none). */
const struct ma_input *ma_request_inputs(const struct moat_request *r, size_t *n);
/* Adds text (len bytes, copied) as the JSON input named path, marked
 * structured (an object or array of the body). Returns as
 * moat_request_add_input. */
int ma_request_add_structured(struct moat_request *r, const char *path, const char *text,
                              size_t len);
/* Adds v (vl bytes) of a JSON text as the input named path: a body's
 * (MOAT_INPUT_JSON), or one inside an input (that input's kind, named under
 * it). structured: an object or array as compact text. As
 * moat_request_add_input. */
int ma_request_add_json_input(struct moat_request *r, const char *path, const char *v, size_t vl,
                              int structured);
/* ma_request_json.c: adds every string and number of json (len bytes) --
 * a body jansson refused or one that repeats a name -- as lenient parsers
 * read it, and its objects and arrays below the top as structured
 * inputs. Returns 0 or MOAT_AGENT_ENOMEM. */
int ma_request_json_lenient(struct moat_request *r, const char *json, size_t len);
/* ma_request.c, for both JSON walks: sets path (plen bytes of cap) to the
 * member or element sep + t (tl bytes), cut to fit at a UTF-8 character's
 * start (a NUL ends t); returns its length. */
size_t ma_json_path_set(char *path, size_t plen, size_t cap, const char *sep, const char *t,
                        size_t tl);
/* Adds a member's name k as an input named path unless it is one word of
 * letters, digits and '_'. Returns as moat_request_add_input. */
int ma_json_add_name(struct moat_request *r, const char *path, const char *k, size_t kl);
/* The mode for interceptor (policy, exclusions for param); no policy: monitor. */
int ma_request_mode(const struct moat_request *r, const char *interceptor, const char *param);
/* The policy's threshold for interceptor, or -1 (none, or no policy). */
double ma_request_threshold(const struct moat_request *r, const char *interceptor);
/* Reports a finding under the mode the policy gives its parameter: returns
 * MOAT_BLOCK, MOAT_ALLOW (monitor), -1 when an exclusion turns it off, or
 * MA_FIRE_LOGGED when an exclusion turned this parameter's block into
 * monitor: the finding is logged, and the caller looks further (the next
 * input), since another parameter may still block (review23: a decoy in a
 * monitored parameter must not open the others). Any negative answer
 * means "look further". Allocates: only on this path. */
#define MA_FIRE_LOGGED (-2)
int ma_request_fire(struct moat_request *r, const struct ma_finding *fd);
/* What a check makes of one occurrence of an input in an operation. */
struct ma_scan_hit {
	const char *rule, *sev; /* static */
	double confidence;
};

/* What struct ma_scan's past makes of a place after the first max_occ of
 * a form (review22, session 30: a check that stopped looking there failed
 * open, the same input once more, where it changes the operation, was
 * allowed). */
enum {
	MA_PAST_STOP = 0,   /* the form cannot change the operation anywhere: no more places */
	MA_PAST_SKIP = 1,   /* this place cannot: the next one */
	MA_PAST_JUDGE = 2,  /* judge it with analyse, as the first ones */
	MA_PAST_CLOSED = 3, /* fail closed: fire past_rule (high, 0.8) */
};
/* One check's search of an operation for the request's inputs
 * (ma_request_scan): the text searched, the callbacks that judge it and the
 * constant fields of the finding it fires. Lives on the caller's stack. */
struct ma_scan {
	const char *interceptor;
	const char *text; /* searched for every input's forms */
	size_t len;
	int max_occ; /* occurrences of one form judged in full, at most */
	/* 1: the case-folded forms (lower, upper) are not looked for (the
	 * prompt check: a folded copy of a user's words elsewhere in a prompt
	 * is the application's text, and no application folds a prompt) */
	int unfolded;
	/* NULL: the places past max_occ are not looked at (the prompt check,
	 * which judges an input once); otherwise told each of them (v, vl:
	 * the form), returns MA_PAST_*: an input is never skipped */
	int (*past)(void *ctx, const char *v, size_t vl, size_t a, size_t b);
	const char *past_rule; /* MA_PAST_CLOSED's rule ("xss.too_many_places") */
	/* nonzero: in (NULL: every input counts) or one form v of it
	 * (NULL: every form of at least 2 bytes and at most len counts) is
	 * not this check's */
	int (*skip_input)(void *ctx, const struct ma_input *in);
	int (*skip_form)(void *ctx, const char *v, size_t vl);
	/* 1 and *hit set: the occurrence [a, b) of text fires; 0: it does not.
	 * No allocation. */
	int (*analyse)(void *ctx, size_t a, size_t b, struct ma_scan_hit *hit);
	/* NULL, or told before the places of each form are judged: the
	 * analyse calls up to the next begin_form are places of this form,
	 * whose bytes are v's (a check may skip comparing them) */
	void (*begin_form)(void *ctx, const char *v, size_t vl);
	/* NULL, or the bytes a form of one byte is looked for as (a
	 * separator the shell runs, a comment's second byte: review25d);
	 * other forms of one byte are never this check's. Past max_occ
	 * places a one-byte form is not looked at (.past is not asked) */
	const unsigned char *one;
	/* NULL, or for a form of one byte: whether its place a (the byte
	 * text[a]) is one where it can matter (completes a comment's opener
	 * with its neighbour); the others are skipped without counting toward
	 * max_occ, and the ones it takes are judged all (review25i: the
	 * application's own bytes -- the dashes of 16 UUIDs -- used up
	 * max_occ before the input's place) */
	int (*one_place)(void *ctx, size_t a);
	/* 1: the text may name a LIKE ESCAPE character ('!', '/', '^' ...):
	 * an input holding a quote is looked for as that escape makes it too
	 * (the SQL check; ma_request.c) */
	int like_escape;
	void *ctx;
	/* the finding's constant fields (struct ma_finding) */
	const char *operation;
	size_t operation_len;
	const char *extra_key, *extra_value;
	const char *file, *function;
	int line;
};
/* For each input of r in order, each of its forms, each place it occurs
 * in s->text (up to s->max_occ; past them as s->past says): fires the
 * first occurrence s->analyse judges a hit. An input no form of which
 * occurs whole may have been cut by the application: its forms of more
 * than MA_CUT_K (32) bytes are looked for by their first 32 bytes, and
 * each such place, extended as far as the text agrees, is judged as a
 * form of that length (skip_form, begin_form, analyse or past told so;
 * ma_request.c). Returns the verdict of the first finding that is not
 * excluded (ma_request_fire), or MOAT_ALLOW; an excluded finding moves on
 * to the next form, a logged one (MA_FIRE_LOGGED) to the next input.
 * Allocates only when it fires. */
int ma_request_scan(struct moat_request *r, const struct ma_scan *s);
/* Decodes %XX (and '+' as space) into out (at least len bytes); returns
 * the new length. Overlong UTF-8 forms of ASCII (C0 A7) become the ASCII. */
size_t ma_url_decode(const char *in, size_t len, char *out);
/* ma_url_decode with '+' kept: what decodeURIComponent, Python's unquote
 * and PHP's rawurldecode make of a value. */
size_t ma_url_decode_keep_plus(const char *in, size_t len, char *out);
/* Decodes HTML character references (&lt; &#39; &#x27; ...) into out. */
size_t ma_html_decode(const char *in, size_t len, char *out);

/* ---- ma_url.c ---- */

#define MA_URL_HOST_MAX 512 /* a host as written (percent-decoded) and as serialized */
/* ma_url_parse_web and ma_idna_to_ascii: longer than their buffers (an
 * authority past 4 KB, a host past MA_URL_HOST_MAX - 1 bytes), where a
 * WHATWG client reads on: the caller cannot judge it (the ssrf check
 * fails closed), unlike -1, a URL no client parses. */
#define MA_URL_TOO_LONG (-2)
/* ma_url_parse_web and ma_idna_to_ascii: the host holds a code point that
 * UTS #46 14.0 (the table here) disallows but whose NFKC_Casefold is
 * empty, so a table derived from NFKC_Casefold alone (15.1 and later, for
 * some of them) ignores it. A failure for the caller that wants this
 * table's answer; the result is filled in as if it were ignored, for the
 * ssrf check, which judges the host a newer client would fetch. Also
 * (ma_url_parse_web) a host that fails only for a ZWJ or ZWNJ, filled in
 * without them, as transitional clients (libcurl's fallback) read it;
 * and a domain that fails only RFC 5893's Bidi Rule, filled in as
 * clients with older bidi data (Node 20, curl 7.88) fetch it. */
#define MA_URL_IDNA_NEWER (-3)
enum ma_host_type {
	MA_HOST_NONE = 0, /* no authority (mailto:x, /path relative) */
	MA_HOST_EMPTY,    /* an empty host (file:///, sc://) */
	MA_HOST_DOMAIN,   /* an ASCII domain after domain-to-ASCII */
	MA_HOST_IPV4,
	MA_HOST_IPV6,
	MA_HOST_OPAQUE, /* a non-special scheme's host, percent-encoded */
};
/* A URL as far as the host: what a WHATWG client makes of it. */
struct ma_weburl {
	int ok;
	char scheme[32];            /* lowercase, without ':' */
	char host[MA_URL_HOST_MAX]; /* serialized: "example.com", "127.0.0.1", "[::1]" */
	int host_type;              /* enum ma_host_type */
	uint8_t ip[16];             /* MA_HOST_IPV4 (4 bytes) or MA_HOST_IPV6 */
	int odd;                    /* an address not written in its usual form (0x7f.1, 2130706433,
	                               %-encoded, fullwidth, [::ffff:7f00:1] ...) */
	int port;                   /* explicit non-default port, -1 none */
	int userinfo;               /* credentials were given (user@host) */
	int opaque_path;            /* a non-special URL without "//" (mailto:...) */
	size_t authority_end;       /* offset in the caller's text where scheme and authority end */
	size_t host_start, host_end; /* the host's text there (0, 0 when it came from a base) */
};
/* Parses in (len bytes) against base (NULL or a parsed URL) as far as the
 * host. 0 with *u filled (u->ok), -1 where a WHATWG client fails,
 * MA_URL_TOO_LONG, or MA_URL_IDNA_NEWER with *u filled as a client with
 * a newer IDNA table parses it. No allocation. */
int ma_url_parse_web(const char *in, size_t len, const struct ma_weburl *base, struct ma_weburl *u);
/* ---- ma_idna.c ---- */

/* Domain to ASCII of s (n bytes, percent-decoded UTF-8) into out (cap
 * bytes, NUL-terminated, *olen its length), as WHATWG's URL standard runs
 * UTS #46 (ma_idna.c). 0, -1 where a WHATWG client fails (invalid UTF-8,
 * a code point UTS #46 refuses, bad Punycode, a validity criterion,
 * CONTEXTJ), MA_URL_TOO_LONG (no room: more than MA_URL_HOST_MAX code
 * points, or out is full), or MA_URL_IDNA_NEWER (WHATWG fails too) with
 * out filled as if those code points were ignored, or as if the Bidi Rule
 * were not checked where only it failed. */
int ma_idna_to_ascii(const unsigned char *s, size_t n, char *out, size_t cap, size_t *olen);

/* The WHATWG IPv6 parser on the text between the brackets. 0 or -1. */
int ma_url_ipv6_parse(const char *s, size_t n, uint8_t out[16]);

/* ---- ma_ssrf.c ---- */

/* Why an address is internal: a rule name ("ssrf.loopback", ...) or NULL
 * for a public address. family 4 or 6. */
const char *ma_ssrf_classify(int family, const uint8_t *ip);

/* ---- ma_nosql.c ---- */

/* 1 if the input in (n bytes) changes the query document doc: it spans
 * the document's tokens (or, inside a string, the unescaped JavaScript's
 * tokens) and leaves text that still reads whole. For the benchmark's
 * "changed nothing" column. */
int ma_nosql_changes(const char *doc, size_t len, const char *in, size_t n);

/* ---- ma_request.c (resolver) ---- */
void ma_request_resolver(const struct moat_request *r, moat_resolver_fn *fn, void **arg);
/* The request's policy snapshot (NULL: none yet). */
const struct moat_policy *ma_request_policy(const struct moat_request *r);

#define MA_ATOMIC_ADD(p, v) __atomic_add_fetch((p), (v), __ATOMIC_RELAXED)
#define MA_ATOMIC_SUB(p, v) __atomic_sub_fetch((p), (v), __ATOMIC_RELAXED)
#define MA_ATOMIC_GET(p)    __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define MA_ATOMIC_SET(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)

#endif
