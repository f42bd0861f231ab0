/*
 * floor.c — the physical floor of the fan-out benchmark: a bare
 * libwebsockets server that does the least moat-loadgen needs, so that
 * bench/fanout/run.sh can put moatd's numbers beside the fastest a single
 * lws service thread on this machine gets the same bytes to the same
 * number of sockets.
 *
 *   fanout-floor [--ping S] listens on 127.0.0.1, port chosen by the kernel
 *
 * --ping S gives the connections moatd's liveness policy (server/ws_server.c:
 * lws pings after S quiet seconds, hangs up after 3 S); off by default, so
 * the floor does no more than the protocol needs. It is there to show what
 * that policy alone costs (bench/RESULTS.md, "Fan-out").
 *
 * stdout, one line each:
 *   listening PORT          once the listener is up
 *   pushed V to N           the file of "push V FILE" is queued for the N
 *                           connections that said hello
 *   error ...               a command it could not carry out
 * stdin, one command per line:
 *   push V FILE             broadcast FILE's bytes, exactly, to every
 *                           connection that has said hello (V is only echoed)
 *   quit                    (or end of input) exit
 *
 * What it speaks of agent protocol v1 (agentproto/PROTOCOL.md): the
 * subprotocol "moat.agent.v1" at /v1/agent; a text message containing
 * "type":"hello" is answered with a welcome of the same shape and size as
 * moatd's (project "bench", as run.sh names it); anything else
 * ("applied") is read and ignored. No JSON parser, no database, no
 * authentication: that is the point. SIGINT and SIGTERM end it at once.
 *
 * Threads: main runs lws and owns every struct lws and every fl_conn; a
 * reader thread turns stdin lines into one pending message under fl_lock
 * and wakes the service thread with lws_cancel_service, the one lws call
 * another thread may make. The service thread takes the message on
 * EVENT_WAIT_CANCELLED and asks for WRITEABLE on every connection; each
 * WRITEABLE does one lws_write of the one shared buffer (LWS_PRE headroom
 * included), as moatd does.
 */
#include <libwebsockets.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FL_PROTOCOL  "moat.agent.v1"
#define FL_MAX_FILE  (1 << 20) /* the protocol's message cap */
#define FL_WELCOME   512
#define FL_AGENT_MAX 128

/* A broadcast message: the file's bytes after LWS_PRE bytes of headroom. */
struct fl_msg {
	long long version;
	size_t len;
	unsigned char data[]; /* LWS_PRE + len */
};

/* lws's per-session data; service thread only. */
struct fl_conn {
	struct fl_conn *prev, *next;
	struct lws *wsi;
	char *welcome; /* LWS_PRE + text, until written; NULL otherwise */
	size_t welcome_len;
	unsigned sent_gen; /* the generation of the last broadcast written */
	int hello;         /* hello seen: broadcasts go to this connection */
};

static struct lws_context *fl_ctx;
static struct fl_conn *fl_head; /* service thread */
static struct fl_msg *fl_cur;   /* service thread: the message being broadcast */
static unsigned fl_gen;         /* service thread: bumped per broadcast */

/* shared between the reader thread and the service thread */
static pthread_mutex_t fl_lock = PTHREAD_MUTEX_INITIALIZER;
static struct fl_msg *fl_pending; /* the next message, taken by the service thread */
static int fl_quit;
static int fl_ctx_gone; /* the reader must not wake a destroyed context */

/* Wakes the service thread; any thread. */
static void fl_wake(void)
{
	pthread_mutex_lock(&fl_lock);
	if (!fl_ctx_gone)
		lws_cancel_service(fl_ctx);
	pthread_mutex_unlock(&fl_lock);
}

/* Reads path into a new fl_msg with LWS_PRE headroom. NULL on failure
 * (message in err). The caller frees. */
static struct fl_msg *fl_msg_load(const char *path, long long version, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	struct fl_msg *m = NULL;
	long size;

	if (!f) {
		snprintf(err, errlen, "cannot open %s", path);
		return NULL;
	}
	size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	if (size < 0 || size > FL_MAX_FILE || fseek(f, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "%s: unreadable or over 1 MiB", path);
		goto out;
	}
	m = malloc(sizeof *m + LWS_PRE + (size_t)size);
	if (!m)
		abort();
	m->version = version;
	m->len = (size_t)size;
	if (fread(m->data + LWS_PRE, 1, m->len, f) != m->len) {
		snprintf(err, errlen, "%s: short read", path);
		free(m);
		m = NULL;
	}
out:
	fclose(f);
	return m;
}

/* ---- the reader thread ---- */

static void *fl_stdin_thread(void *arg)
{
	char line[4200], path[4096], err[4200];
	long long version;

	(void)arg;
	while (fgets(line, sizeof line, stdin)) {
		struct fl_msg *m, *old;
		line[strcspn(line, "\r\n")] = '\0';
		if (!strcmp(line, "quit"))
			break;
		if (sscanf(line, "push %lld %4095s", &version, path) != 2) {
			printf("error unknown command: %.100s\n", line);
			continue;
		}
		m = fl_msg_load(path, version, err, sizeof err);
		if (!m) {
			printf("error %s\n", err);
			continue;
		}
		pthread_mutex_lock(&fl_lock);
		old = fl_pending; /* never taken: superseded */
		fl_pending = m;
		pthread_mutex_unlock(&fl_lock);
		free(old);
		fl_wake();
	}
	pthread_mutex_lock(&fl_lock);
	fl_quit = 1;
	pthread_mutex_unlock(&fl_lock);
	fl_wake();
	return NULL;
}

/* ---- the service thread ---- */

/* Takes the pending message, if any, and asks every connection that said
 * hello for a WRITEABLE. */
static void fl_take(void)
{
	struct fl_msg *m;
	int n = 0;

	pthread_mutex_lock(&fl_lock);
	m = fl_pending;
	fl_pending = NULL;
	pthread_mutex_unlock(&fl_lock);
	if (!m)
		return;
	/* lws_write copied what the kernel did not take: the old one is free */
	free(fl_cur);
	fl_cur = m;
	fl_gen++;
	for (struct fl_conn *c = fl_head; c; c = c->next) {
		if (!c->hello)
			continue;
		lws_callback_on_writable(c->wsi);
		n++;
	}
	printf("pushed %lld to %d\n", m->version, n);
}

/* The welcome moatd sends (server/ws_agent.c conn_hello), same fields and
 * order, so it has the same size. */
static void fl_hello(struct fl_conn *c, const char *in, size_t len)
{
	static const char key[] = "\"agent_id\":\"";
	const char *p = memmem(in, len, key, sizeof key - 1), *end;
	size_t idlen;
	int n;

	if (!p || c->hello)
		return;
	p += sizeof key - 1;
	end = memchr(p, '"', len - (size_t)(p - in));
	if (!end)
		return;
	idlen = (size_t)(end - p);
	if (idlen > FL_AGENT_MAX)
		idlen = FL_AGENT_MAX;
	c->welcome = malloc(LWS_PRE + FL_WELCOME);
	if (!c->welcome)
		abort();
	n = snprintf(c->welcome + LWS_PRE, FL_WELCOME,
	             "{\"type\":\"welcome\",\"agent_id\":\"%.*s\",\"project\":\"bench\","
	             "\"environment\":\"production\",\"heartbeat_s\":20,\"limits\":"
	             "{\"max_message_bytes\":1048576,\"max_batch_events\":500}}",
	             (int)idlen, p);
	c->welcome_len = (size_t)n;
	c->hello = 1;
	c->sent_gen = fl_gen; /* like moatd: no push of what came before hello */
	lws_callback_on_writable(c->wsi);
}

static int fl_writeable(struct fl_conn *c)
{
	int n;

	if (c->welcome) {
		n = lws_write(c->wsi, (unsigned char *)c->welcome + LWS_PRE, c->welcome_len,
		              LWS_WRITE_TEXT);
		free(c->welcome);
		c->welcome = NULL;
		if (n < 0)
			return -1;
		if (c->sent_gen != fl_gen)
			lws_callback_on_writable(c->wsi);
		return 0;
	}
	if (!fl_cur || c->sent_gen == fl_gen)
		return 0;
	c->sent_gen = fl_gen;
	n = lws_write(c->wsi, fl_cur->data + LWS_PRE, fl_cur->len, LWS_WRITE_TEXT);
	return n < 0 ? -1 : 0;
}

static int fl_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                       size_t len)
{
	struct fl_conn *c = user;

	switch (reason) {
	case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
		char uri[64];
		if (lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) <= 0 ||
		    strcmp(uri, "/v1/agent") != 0)
			return 1;
		return 0;
	}
	case LWS_CALLBACK_ESTABLISHED:
		memset(c, 0, sizeof *c);
		c->wsi = wsi;
		c->next = fl_head;
		if (fl_head)
			fl_head->prev = c;
		fl_head = c;
		return 0;
	case LWS_CALLBACK_RECEIVE:
		/* hello and applied are one small frame each: no reassembly */
		if (!lws_frame_is_binary(wsi) && memmem(in, len, "\"type\":\"hello\"", 14))
			fl_hello(c, in, len);
		return 0;
	case LWS_CALLBACK_SERVER_WRITEABLE:
		return fl_writeable(c);
	case LWS_CALLBACK_CLOSED:
		if (c->prev)
			c->prev->next = c->next;
		else if (fl_head == c)
			fl_head = c->next;
		if (c->next)
			c->next->prev = c->prev;
		free(c->welcome);
		c->welcome = NULL;
		return 0;
	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		fl_take();
		return 0;
	default:
		break;
	}
	return lws_callback_http_dummy(wsi, reason, user, in, len);
}

static const struct lws_protocols fl_protocols[] = {
    {FL_PROTOCOL, fl_callback, sizeof(struct fl_conn), 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

int main(int argc, char **argv)
{
	struct lws_context_creation_info info;
	static lws_retry_bo_t retry;
	pthread_t reader;
	int port, quit = 0, ping = 0;
	char *end = NULL;

	if (argc == 3 && !strcmp(argv[1], "--ping"))
		ping = (int)strtol(argv[2], &end, 10);
	if (argc != 1 && (argc != 3 || !end || *end || ping < 1 || ping > 3600)) {
		fprintf(stderr, "usage: fanout-floor [--ping S]  (stdin: push V FILE, quit)\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* SIGINT and SIGTERM keep their default action: nothing to save */
	signal(SIGPIPE, SIG_IGN);
	lws_set_log_level(LLL_ERR, NULL);

	memset(&info, 0, sizeof info);
	info.port = 0;
	info.iface = "127.0.0.1";
	info.protocols = fl_protocols;
	info.options = LWS_SERVER_OPTION_DISABLE_IPV6;
	if (ping) {
		retry.secs_since_valid_ping = (uint16_t)ping;
		retry.secs_since_valid_hangup = (uint16_t)(3 * ping);
		info.retry_and_idle_policy = &retry;
	}
	fl_ctx = lws_create_context(&info);
	if (!fl_ctx) {
		fprintf(stderr, "fanout-floor: cannot create the lws context\n");
		return 1;
	}
	port = lws_get_vhost_listen_port(lws_get_vhost_by_name(fl_ctx, "default"));
	printf("listening %d\n", port);
	if (pthread_create(&reader, NULL, fl_stdin_thread, NULL) != 0) {
		lws_context_destroy(fl_ctx);
		return 1;
	}
	while (!quit) {
		if (lws_service(fl_ctx, 0) < 0)
			break;
		pthread_mutex_lock(&fl_lock);
		quit = fl_quit;
		pthread_mutex_unlock(&fl_lock);
	}
	pthread_mutex_lock(&fl_lock);
	fl_ctx_gone = 1;
	pthread_mutex_unlock(&fl_lock);
	lws_context_destroy(fl_ctx);
	free(fl_cur);
	free(fl_pending);
	fflush(stdout);
	/* the reader may still block in fgets: leave without joining it */
	_exit(0);
}
