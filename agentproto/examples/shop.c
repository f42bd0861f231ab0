/*
 * shop.c — a deliberately vulnerable web shop that libmoatagent protects:
 * the proof that the interceptors stop an attack at the exact operation
 * and that the event reaches moatd.
 *
 *     build/shop --listen 127.0.0.1:0 --moat-url ws://127.0.0.1:8081/v1/agent \
 *                --token moat_agt_... --db PATH [--env production] [--id shop-1]
 *
 * prints `listening http=127.0.0.1:N` once it serves:
 *   GET /              the home page
 *   GET /search?q=TEXT the product search, JSON. Its SQL is built by pasting
 *                      q into a LIKE pattern: SQL-injectable on purpose (never
 *                      write code like this; use bound parameters). Before
 *                      it runs, moat_check_sql() judges it with the request's
 *                      inputs; blocked: 403.
 * SIGINT / SIGTERM stop it (the agent flushes its events first).
 *
 * Threads: libmicrohttpd's internal thread pool runs the handlers; one
 * SQLite connection shared under a mutex; the agent's connection thread.
 * Every request has its own struct moat_request.
 */
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "moatagent.h"

static struct moat_agent *agent;
static sqlite3 *db;
static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const home_page =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title></head>"
    "<body><h1>Shop</h1><form action=\"/search\"><label>Search "
    "<input name=\"q\"></label> <button>Go</button></form></body></html>\n";

static int db_open(const char *path)
{
	static const char *const schema =
	    "CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
	    "price REAL NOT NULL, visible INTEGER NOT NULL DEFAULT 1);"
	    "INSERT INTO products (id, name, price, visible) SELECT 1, 'Brass clock', 49.5, 1 "
	    "WHERE NOT EXISTS (SELECT 1 FROM products);"
	    "INSERT OR IGNORE INTO products VALUES (2, 'Brass lamp', 35, 1);"
	    "INSERT OR IGNORE INTO products VALUES (3, 'Silver bracelet', 120, 1);"
	    "INSERT OR IGNORE INTO products VALUES (4, 'Prototype (hidden)', 999, 0);";
	char *err = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK) {
		fprintf(stderr, "shop: cannot open %s: %s\n", path, sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, schema, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "shop: schema: %s\n", err);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const char *type,
                             const char *body, size_t len)
{
	struct MHD_Response *r =
	    MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	MHD_add_response_header(r, "Content-Type", type);
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

/* Every query argument, header and cookie becomes an input of the request. */
static enum MHD_Result add_value(void *cls, enum MHD_ValueKind kind, const char *key,
                                 size_t key_size, const char *value, size_t value_size)
{
	(void)key_size;
	struct moat_request *req = cls;
	int k = kind == MHD_GET_ARGUMENT_KIND ? MOAT_INPUT_QUERY
	        : kind == MHD_HEADER_KIND     ? MOAT_INPUT_HEADER
	                                      : MOAT_INPUT_COOKIE;

	if (value)
		moat_request_add_input(req, k, key, value, value_size);
	return MHD_YES;
}

/* Appends s to the JSON text in out as a string (ASCII escapes). */
static size_t json_str(char *out, size_t o, size_t cap, const char *s)
{
	if (o + 2 >= cap)
		return o;
	out[o++] = '"';
	for (; *s && o + 8 < cap; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\') {
			out[o++] = '\\';
			out[o++] = (char)ch;
		} else if (ch < 0x20) {
			o += (size_t)snprintf(out + o, cap - o, "\\u%04x", ch);
		} else {
			out[o++] = (char)ch;
		}
	}
	out[o++] = '"';
	return o;
}

static enum MHD_Result search(struct MHD_Connection *c, struct moat_request *req)
{
	const char *q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "q");
	char sql[4096], out[16384];
	size_t o = 0;
	sqlite3_stmt *st = NULL;
	int n;

	n = snprintf(
	    sql, sizeof sql,
	    "SELECT id, name, price FROM products WHERE visible = 1 AND name LIKE '%%%s%%' "
	    "ORDER BY name LIMIT 20",
	    q ? q : "");
	if (n < 0 || (size_t)n >= sizeof sql)
		return reply(c, 414, "text/plain", "query too long\n", 15);
	/* the exact operation, with this request's inputs, just before it runs */
	if (moat_check_sql(req, MOAT_SQL_SQLITE, sql, (size_t)n) == MOAT_BLOCK)
		return reply(c, 403, "application/json", "{\"error\":\"blocked by Moat\"}\n", 28);
	pthread_mutex_lock(&db_lock);
	if (sqlite3_prepare_v2(db, sql, n, &st, NULL) != SQLITE_OK) {
		pthread_mutex_unlock(&db_lock);
		return reply(c, 400, "application/json", "{\"error\":\"bad query\"}\n", 22);
	}
	o += (size_t)snprintf(out, sizeof out, "{\"products\":[");
	while (sqlite3_step(st) == SQLITE_ROW && o + 512 < sizeof out) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		o += (size_t)snprintf(out + o, sizeof out - o,
		                      "%s{\"id\":%lld,\"name\":", out[o - 1] == '[' ? "" : ",",
		                      (long long)sqlite3_column_int64(st, 0));
		o = json_str(out, o, sizeof out - 64, name ? name : "");
		o += (size_t)snprintf(out + o, sizeof out - o, ",\"price\":%.2f}",
		                      sqlite3_column_double(st, 2));
	}
	sqlite3_finalize(st);
	pthread_mutex_unlock(&db_lock);
	o += (size_t)snprintf(out + o, sizeof out - o, "]}\n");
	return reply(c, 200, "application/json", out, o);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char ip[INET6_ADDRSTRLEN] = "";
	struct moat_request *req;
	struct moat_request_info ri = {.method = method, .endpoint = url};
	enum MHD_Result rc;

	(void)cls;
	(void)version;
	(void)upload_data;
	(void)upload_data_size;
	(void)con_cls;
	if (strcmp(method, "GET") != 0)
		return reply(c, 405, "text/plain", "GET only\n", 9);
	if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, ip,
		          sizeof ip);
	else if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, ip,
		          sizeof ip);
	ri.source_ip = ip[0] ? ip : NULL;
	if (moat_request_begin(agent, &ri, &req) == MOAT_BLOCK) {
		moat_request_end(req);
		return reply(c, 403, "application/json", "{\"error\":\"denied by Moat\"}\n", 27);
	}
	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, add_value, req);
	MHD_get_connection_values_n(c, MHD_HEADER_KIND, add_value, req);
	MHD_get_connection_values_n(c, MHD_COOKIE_KIND, add_value, req);
	if (!strcmp(url, "/"))
		rc = reply(c, 200, "text/html; charset=utf-8", home_page, strlen(home_page));
	else if (!strcmp(url, "/search"))
		rc = search(c, req);
	else
		rc = reply(c, 404, "text/plain", "not found\n", 10);
	moat_request_end(req);
	return rc;
}

static void usage(void)
{
	fprintf(stderr, "usage: shop --listen 127.0.0.1:PORT --moat-url ws://HOST:PORT/v1/agent "
	                "--token AGENT_TOKEN --db PATH [--env ENV] [--id AGENT_ID]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *listen = "127.0.0.1:0", *url = NULL, *token = NULL, *path = NULL;
	const char *env = "production";
	char id[64], err[256], host[64];
	struct moat_agent_config cfg = {0};
	struct MHD_Daemon *d;
	struct sockaddr_in sa = {.sin_family = AF_INET};
	const union MHD_DaemonInfo *di;
	const char *colon;
	sigset_t set;
	int sig;

	snprintf(id, sizeof id, "shop-%ld", (long)getpid());
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--listen"))
			listen = argv[i + 1];
		else if (!strcmp(argv[i], "--moat-url"))
			url = argv[i + 1];
		else if (!strcmp(argv[i], "--token"))
			token = argv[i + 1];
		else if (!strcmp(argv[i], "--db"))
			path = argv[i + 1];
		else if (!strcmp(argv[i], "--env"))
			env = argv[i + 1];
		else if (!strcmp(argv[i], "--id"))
			snprintf(id, sizeof id, "%s", argv[i + 1]);
		else
			usage();
	}
	if (argc % 2 == 0 || !url || !token || !path)
		usage();
	colon = strrchr(listen, ':');
	if (!colon || (size_t)(colon - listen) >= sizeof host)
		usage();
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
		usage();
	sa.sin_port = htons((uint16_t)strtol(colon + 1, NULL, 10));
	if (db_open(path))
		return 1;
	cfg.url = url;
	cfg.token = token;
	cfg.environment = env;
	cfg.agent_id = id;
	cfg.runtime = "c/shop";
	agent = moat_agent_new(&cfg, err, sizeof err);
	if (!agent) {
		fprintf(stderr, "shop: agent: %s\n", err);
		return 1;
	}
	if (moat_agent_start(agent) != 0) {
		fprintf(stderr, "shop: agent did not start\n");
		return 1;
	}
	/* the signals are waited for below, on this thread only */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
	                     handle, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	                     MHD_OPTION_THREAD_POOL_SIZE, 2u, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "shop: cannot listen on %s\n", listen);
		return 1;
	}
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("listening http=%s:%u\n", host, di ? (unsigned)di->port : 0u);
	fflush(stdout);
	while (sigwait(&set, &sig) != 0)
		;
	MHD_stop_daemon(d);
	moat_agent_stop(agent);
	moat_agent_free(agent);
	sqlite3_close(db);
	return 0;
}
