/*
 * main.c — moatd's command line: serve, migrate, user add, token create,
 * backup, routes. `serve` parses the configuration before any thread
 * starts, then the main thread only waits for SIGINT/SIGTERM and runs the
 * graceful shutdown.
 */
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth_cache.h"
#include "cluster.h"
#include "config.h"
#include "crypto.h"
#include "err.h"
#include "http.h"
#include "ingest.h"
#include "log.h"
#include "notify.h"
#include "notify_test.h"
#include "password.h"
#include "store.h"
#include "timefmt.h"
#include "token.h"
#include "xalloc.h"
#include "ws_agent.h"
#include "ws_live.h"
#include "ws_server.h"

#ifndef MOAT_VERSION
#define MOAT_VERSION "0.0.0"
#endif

static void usage_main(FILE *f)
{
	fprintf(
	    f,
	    "moatd %s — the Moat control plane for in-app protection agents\n\n"
	    "usage: moatd COMMAND [options]\n\n"
	    "commands:\n"
	    "  serve          run the server (HTTP API + dashboard, agent WebSocket)\n"
	    "  migrate        apply database migrations and exit\n"
	    "  user add       create a user\n"
	    "  token create   create an API token (printed once, on the last line)\n"
	    "  backup OUT     copy the database to OUT (safe while serving)\n"
	    "  routes         list the HTTP routes\n\n"
	    "Run `moatd COMMAND --help` for a command's options. --version prints the version.\n",
	    MOAT_VERSION);
}

/* ---- tiny option parser for the CLI subcommands ---- */

struct opt {
	const char *name; /* "--db" */
	const char *value;
};

/* Fills opts' values from argv; positional arguments go to *pos (at most
 * one). Returns 0, 1 for --help, or -1 with a message on stderr. */
static int opts_parse(int argc, char **argv, struct opt *opts, const char **pos)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		struct opt *o = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			return 1;
		if (a[0] != '-') {
			if (pos && !*pos) {
				*pos = a;
				continue;
			}
			fprintf(stderr, "moatd: unexpected argument %s\n", a);
			return -1;
		}
		for (struct opt *p = opts; p->name; p++)
			if (!strcmp(p->name, a))
				o = p;
		if (!o) {
			fprintf(stderr, "moatd: unknown option %s\n", a);
			return -1;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "moatd: %s needs a value\n", a);
			return -1;
		}
		o->value = argv[++i];
	}
	return 0;
}

static const char *opt_get(struct opt *opts, const char *name)
{
	for (struct opt *p = opts; p->name; p++)
		if (!strcmp(p->name, name))
			return p->value;
	return NULL;
}

static int open_migrated(const char *path, struct store **st)
{
	char msg[300];
	int rc = store_open(path, st);

	if (rc) {
		/* a URL may hold a password: the log line above says why */
		if (store_target_is_postgres(path))
			fprintf(stderr, "moatd: cannot connect to PostgreSQL\n");
		else
			fprintf(stderr, "moatd: cannot open database %s\n", path);
		return rc;
	}
	rc = store_migrate(*st, msg, sizeof msg);
	if (rc) {
		fprintf(stderr, "moatd: %s\n", msg[0] ? msg : "migration failed");
		store_close(*st);
		*st = NULL;
	}
	return rc;
}

static const char *default_db(void)
{
	const char *e = getenv("MOAT_DB");
	return e && *e ? e : "var/moat.db";
}

static struct actor cli_actor(void)
{
	struct actor a;

	memset(&a, 0, sizeof a);
	a.type = ACTOR_SYSTEM;
	snprintf(a.label, sizeof a.label, "cli");
	a.ip = "local";
	a.request_id = "cli";
	return a;
}

/* ---- migrate ---- */

static int cmd_migrate(int argc, char **argv)
{
	struct opt opts[] = {{"--db", NULL}, {NULL, NULL}};
	struct store *st = NULL;
	int v = 0, rc = opts_parse(argc, argv, opts, NULL);

	if (rc) {
		fprintf(rc > 0 ? stdout : stderr,
		        "usage: moatd migrate [--db PATH|postgres://user@host:port/db]\n"
		        "  applies pending migrations (MOAT_DB)\n");
		return rc > 0 ? 0 : 2;
	}
	if (open_migrated(opt_get(opts, "--db") ? opt_get(opts, "--db") : default_db(), &st))
		return 1;
	store_schema_version(st, &v);
	printf("schema version %d\n", v);
	store_close(st);
	return 0;
}

/* ---- user add ---- */

static int cmd_user(int argc, char **argv)
{
	struct opt opts[] = {
	    {"--db", NULL}, {"--email", NULL}, {"--role", NULL}, {"--name", NULL}, {NULL, NULL}};
	const char *sub = argc > 0 ? argv[0] : "", *email, *role, *pw;
	char gen[25], hash[PASSWORD_ENCODED_MAX];
	struct store_user u;
	struct store *st = NULL;
	struct actor a = cli_actor();
	int rc;

	if (strcmp(sub, "add") != 0) {
		fprintf(
		    strcmp(sub, "--help") ? stderr : stdout,
		    "usage: moatd user add --email E --role admin|editor|viewer [--name N] [--db "
		    "PATH]\n"
		    "  the password comes from MOAT_USER_PASSWORD, or is generated and printed\n");
		return strcmp(sub, "--help") ? 2 : 0;
	}
	rc = opts_parse(argc - 1, argv + 1, opts, NULL);
	if (rc)
		return cmd_user(1, (char *[]){"--help"}) + (rc > 0 ? 0 : 2);
	email = opt_get(opts, "--email");
	role = opt_get(opts, "--role");
	if (!email || !role ||
	    (strcmp(role, "admin") && strcmp(role, "editor") && strcmp(role, "viewer"))) {
		fprintf(stderr, "moatd: user add needs --email and --role admin|editor|viewer\n");
		return 2;
	}
	pw = getenv("MOAT_USER_PASSWORD");
	if (!pw || !*pw) {
		password_generate(gen);
		pw = gen;
	} else if (strlen(pw) < PASSWORD_MIN_LEN) {
		fprintf(stderr, "moatd: MOAT_USER_PASSWORD must be at least %d characters\n",
		        PASSWORD_MIN_LEN);
		return 2;
	}
	if (open_migrated(opt_get(opts, "--db") ? opt_get(opts, "--db") : default_db(), &st))
		return 1;
	rc = password_hash(pw, hash);
	if (!rc)
		rc = store_user_create(st, &a, email, opt_get(opts, "--name"), hash, role, &u);
	store_close(st);
	if (rc) {
		fprintf(stderr, "moatd: cannot create user: %s\n",
		        rc == MOAT_ECONFLICT ? "that e-mail exists" : err_str(rc));
		return 1;
	}
	printf("created user %lld %s (%s)\n", (long long)u.id, u.email, u.role);
	if (pw == gen)
		printf("%s\n", gen);
	return 0;
}

/* ---- token create ---- */

static int cmd_token(int argc, char **argv)
{
	struct opt opts[] = {{"--db", NULL},      {"--kind", NULL}, {"--name", NULL},
	                     {"--project", NULL}, {"--user", NULL}, {"--expires-days", NULL},
	                     {NULL, NULL}};
	const char *sub = argc > 0 ? argv[0] : "", *kind_s, *name, *proj, *user, *exp;
	char secret[TOKEN_MAX], hash[CRYPTO_SHA256_HEX], prefix[TOKEN_DISPLAY_PREFIX + 1];
	struct store_project p;
	struct store_user u;
	struct store_token t;
	struct store *st = NULL;
	struct actor a = cli_actor();
	int64_t expires = 0, days = 0, project_id = 0, user_id = 0;
	int kind, rc;

	if (strcmp(sub, "create") != 0) {
		fprintf(
		    strcmp(sub, "--help") ? stderr : stdout,
		    "usage: moatd token create --kind admin --name NAME [--user EMAIL] "
		    "[--expires-days N] [--db PATH]\n"
		    "       moatd token create --kind agent|ci --project SLUG --name NAME "
		    "[--expires-days N] [--db PATH]\n"
		    "  prints the new token alone on the last line of stdout (shown only once)\n");
		return strcmp(sub, "--help") ? 2 : 0;
	}
	rc = opts_parse(argc - 1, argv + 1, opts, NULL);
	if (rc)
		return cmd_token(1, (char *[]){"--help"}) + (rc > 0 ? 0 : 2);
	kind_s = opt_get(opts, "--kind");
	name = opt_get(opts, "--name");
	proj = opt_get(opts, "--project");
	user = opt_get(opts, "--user");
	exp = opt_get(opts, "--expires-days");
	kind = kind_s ? token_kind_from_name(kind_s) : MOAT_EINVALID;
	if (kind < 0 || !name || !*name || strlen(name) > 100 ||
	    (kind == TOKEN_ADMIN) == (proj != NULL)) {
		fprintf(stderr,
		        "moatd: token create needs --kind admin|agent|ci, --name, and --project "
		        "for agent and ci tokens (not for admin)\n");
		return 2;
	}
	if (exp) {
		char *end = NULL;
		long d = strtol(exp, &end, 10);
		if (!*exp || *end || d < 1 || d > 3650) {
			fprintf(stderr, "moatd: --expires-days wants 1 to 3650\n");
			return 2;
		}
		days = d;
	}
	if (open_migrated(opt_get(opts, "--db") ? opt_get(opts, "--db") : default_db(), &st))
		return 1;
	if (proj) {
		rc = store_project_get(st, proj, &p);
		if (rc) {
			fprintf(stderr, "moatd: no project %s\n", proj);
			store_close(st);
			return 1;
		}
		project_id = p.id;
	}
	if (user) {
		rc = store_user_get_by_email(st, user, &u);
		if (rc) {
			fprintf(stderr, "moatd: no user %s\n", user);
			store_close(st);
			return 1;
		}
		user_id = u.id;
	}
	token_generate(kind, secret);
	crypto_sha256_hex(secret, strlen(secret), hash);
	memcpy(prefix, secret, TOKEN_DISPLAY_PREFIX);
	prefix[TOKEN_DISPLAY_PREFIX] = '\0';
	/* read the clock next to the store's created_at: opening the database
	 * can take over a second (a 7-day token was once 604,799 s long) */
	if (days)
		expires = timefmt_now() + days * 86400;
	rc = store_token_create(st, &a, kind, name, prefix, hash, project_id, user_id, expires, &t);
	store_close(st);
	if (rc) {
		fprintf(stderr, "moatd: cannot create token: %s\n", err_str(rc));
		return 1;
	}
	printf("created %s token %lld \"%s\"%s%s\n", token_kind_name(kind), (long long)t.id, name,
	       proj ? " for project " : "", proj ? proj : "");
	printf("%s\n", secret);
	return 0;
}

/* ---- backup ---- */

static int cmd_backup(int argc, char **argv)
{
	struct opt opts[] = {{"--db", NULL}, {NULL, NULL}};
	const char *out = NULL;
	struct store *st = NULL;
	char msg[300];
	int rc = opts_parse(argc, argv, opts, &out);

	if (rc || !out) {
		fprintf(rc > 0 ? stdout : stderr, "usage: moatd backup [--db PATH] OUT\n"
		                                  "  copies the database to OUT with SQLite's "
		                                  "online backup (safe while serving)\n");
		return rc > 0 ? 0 : 2;
	}
	if (store_target_is_postgres(opt_get(opts, "--db") ? opt_get(opts, "--db")
	                                                   : default_db())) {
		fprintf(stderr,
		        "moatd: backup copies a SQLite database; back PostgreSQL up with "
		        "its own tools: pg_dump --format=custom --file OUT 'postgres://...' "
		        "(restore: pg_restore --dbname 'postgres://...' OUT)\n");
		return 1;
	}
	if (access(out, F_OK) == 0) {
		fprintf(stderr, "moatd: %s exists; refusing to overwrite it\n", out);
		return 1;
	}
	if (store_open(opt_get(opts, "--db") ? opt_get(opts, "--db") : default_db(), &st))
		return 1;
	rc = store_backup(st, out, msg, sizeof msg);
	store_close(st);
	if (rc) {
		fprintf(stderr, "moatd: %s\n", msg);
		return 1;
	}
	printf("backup written to %s\n", out);
	return 0;
}

/* ---- routes ---- */

static int cmd_routes(void)
{
	static const char *names[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};

	for (int i = 0; i < http_route_count; i++) {
		int m = http_routes[i].method, k = 0;
		while (m > 1) {
			m >>= 1;
			k++;
		}
		printf("%s %s\n", names[k], http_routes[i].pattern);
	}
	return 0;
}

/* ---- serve ---- */

/* What `serve` started, for the shutdown table (main thread only). */
static struct http_server *serve_http;
static struct ws_server *serve_ws;
static struct store *serve_st;

static void serve_stop_http(void)
{
	http_server_stop(serve_http);
	serve_http = NULL;
}

static void serve_stop_ws(void)
{
	ws_server_stop(serve_ws);
	serve_ws = NULL;
}

static void serve_close_main_store(void)
{
	store_close(serve_st);
	serve_st = NULL;
}

/* ---- several instances on PostgreSQL (cluster.c) ---- */

static struct cluster *serve_cluster;

/* Cluster thread: a version committed on another instance (or missed):
 * pushed to this instance's agents and live feeds by the path a local
 * commit takes (api_policy_commit), through the hub. */
static void serve_cluster_policy(void *arg, struct store *st, int64_t project_id, int64_t env_id,
                                 int64_t version)
{
	struct store_policy p;
	struct store_env *envs = NULL;
	size_t n = 0;

	(void)arg;
	if (store_policy_get(st, env_id, version, &p) != MOAT_OK)
		return;
	ws_agent_publish_policy(project_id, env_id, p.version, p.sha256, p.document);
	store_policy_cleanup(&p);
	if (store_env_list(st, project_id, &envs, &n) == MOAT_OK)
		for (size_t i = 0; i < n; i++)
			if (envs[i].id == env_id)
				ws_live_policy_published(project_id, envs[i].name, version);
	free(envs);
}

/* Cluster thread: a credential was taken away on another instance. */
static void serve_cluster_auth(void *arg, int64_t epoch)
{
	(void)arg;
	(void)epoch;
	auth_epoch_bump();
}

/* Main thread, before any other thread: this start's instance id, the
 * host name and 8 random bytes in hex (agents.instance_id, instances). */
static void serve_instance_id(char *id, size_t cap, char *host, size_t hostcap)
{
	unsigned char r[8];
	char hex[17];

	if (gethostname(host, hostcap) != 0)
		snprintf(host, hostcap, "moatd");
	host[hostcap - 1] = '\0';
	crypto_random(r, sizeof r);
	for (int i = 0; i < 8; i++)
		snprintf(hex + 2 * i, 3, "%02x", r[i]);
	snprintf(id, cap, "%.40s-%s", host, hex);
}

static int serve_start_cluster(const struct config *cfg)
{
	struct cluster_config cc;

	memset(&cc, 0, sizeof cc);
	cc.db = cfg->db;
	snprintf(cc.instance_id, sizeof cc.instance_id, "%s", store_instance());
	if (gethostname(cc.hostname, sizeof cc.hostname) != 0)
		snprintf(cc.hostname, sizeof cc.hostname, "moatd");
	cc.hostname[sizeof cc.hostname - 1] = '\0';
	cc.repair_ms = 5000;
	/* an instance is dead when its agents would be: three heartbeats */
	cc.stale_s = 3 * cfg->agent_heartbeat_s;
	cc.policy = serve_cluster_policy;
	cc.auth = serve_cluster_auth;
	if (cluster_start(&cc, &serve_cluster) != MOAT_OK)
		return -1;
	cluster_metrics_set(serve_cluster);
	return 0;
}

static void serve_stop_cluster(void)
{
	cluster_metrics_set(NULL);
	cluster_stop(serve_cluster);
	serve_cluster = NULL;
}

/*
 * The one shutdown order (docs/ARCHITECTURE.md has the same table). Each
 * step may rely on every step below it still running, and on no step
 * above it producing work any more.
 */
static const struct serve_step {
	const char *name;
	void (*stop)(void);
} serve_shutdown[] = {
    /* new API requests get 503; the suspended ones (REST batches waiting
     * for their commit, searches waiting for the free-text index) are
     * answered (the writer still runs; it answers both by their deadlines
     * even while the database refuses writes), at most 35 s; then MHD
     * stops and finishes in-flight requests */
    {"http", serve_stop_http},
    /* every agent and live feed is closed with 1001 (up to 2 s), the
     * service thread is joined, the hub closed (from now on a post is
     * released at once: an ack not sent is a batch the agent resends),
     * the lws context destroyed; agents' offline jobs are queued */
    {"websocket", serve_stop_ws},
    /* the writer commits everything still queued and is joined; searches
     * still waiting are called back; events not yet in the free-text
     * index are indexed after the next start */
    {"writer", ingest_stop},
    /* PostgreSQL: stops listening and deletes this instance's row (its
     * agents' offline jobs were committed just above); from here on a
     * version committed elsewhere reaches no agent of this instance,
     * which holds none any more */
    {"cluster", serve_stop_cluster},
    /* the notifier gives its transfers in flight up to 5 s to be
     * answered and recorded, then abandons the rest (their leases run
     * out: the next start sends them again); test sends still waiting
     * are answered */
    {"notifier", notify_stop},
    /* every thread's SQLite connection, then the checkpointer (it may be
     * checkpointing what the writer committed last), then main's own */
    {"store threads", store_threads_close},
    {"checkpointer", store_checkpointer_stop},
    {"main store", serve_close_main_store},
    {"web root", http_static_free},
};

static void serve_stop_all(void)
{
	for (size_t i = 0; i < sizeof serve_shutdown / sizeof serve_shutdown[0]; i++) {
		LOG(LOG_DEBUG, "msg=\"stopping\" step=%s", serve_shutdown[i].name);
		serve_shutdown[i].stop();
	}
}

static int serve_bootstrap_admin(struct store *st)
{
	const char *pw = getenv("MOAT_ADMIN_PASSWORD");
	char gen[25], hash[PASSWORD_ENCODED_MAX];
	struct actor a = cli_actor();
	struct store_user u;
	int64_t n = 0;
	int rc;

	rc = store_user_count(st, &n);
	if (rc || n > 0)
		return rc;
	if (!pw || !*pw) {
		password_generate(gen);
		pw = gen;
	}
	rc = password_hash(pw, hash);
	if (!rc)
		rc = store_user_create(st, &a, "admin@localhost", "Administrator", hash, "admin",
		                       &u);
	/* several moatd started together on one PostgreSQL: another one
	 * created it between the count and the insert (its password is the
	 * one shown or given; this one shows none) */
	if (rc == MOAT_ECONFLICT && store_user_count(st, &n) == MOAT_OK && n > 0)
		return MOAT_OK;
	if (rc)
		return rc;
	if (pw == gen) {
		/* the one time this password is ever shown */
		fprintf(stderr, "created admin@localhost password=%s (shown once; change it)\n",
		        gen);
	} else {
		LOG(LOG_INFO, "msg=\"created admin@localhost with MOAT_ADMIN_PASSWORD\"");
	}
	return MOAT_OK;
}

static int cmd_serve(int argc, char **argv)
{
	struct store *st = NULL;
	struct config cfg;
	char err[300], host[128], ahost[128];
	int help, http_port = 0, ws_port = 0, sig = 0, p, rc;
	sigset_t set;

	if (config_parse(&cfg, argc, argv, &help, err, sizeof err)) {
		fprintf(stderr, "moatd: %s\n", err);
		return 2;
	}
	if (help) {
		printf("usage: moatd serve [options]\n\noptions (flag, environment variable):\n");
		config_usage(stdout);
		printf(
		    "\nMOAT_ADMIN_PASSWORD: the first start with no user creates admin@localhost "
		    "with it (else a random one, printed once)\n");
		return 0;
	}
	log_min_level = cfg.log_level;
	store_set_sync_full(cfg.sync_full);
	if (cfg.test_clock_file[0]) {
		if (timefmt_test_clock(cfg.test_clock_file)) {
			fprintf(stderr, "moatd: cannot map the test clock %s\n",
			        cfg.test_clock_file);
			return 2;
		}
		LOG(LOG_WARN,
		    "msg=\"test clock in use: the wall clock is offset by its file\" "
		    "file=\"%s\"",
		    cfg.test_clock_file);
	}
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* every thread inherits the mask */
	signal(SIGPIPE, SIG_IGN);
	json_object_seed(0);
	if (notify_global_init() != MOAT_OK) { /* libcurl, before any thread */
		fprintf(stderr, "moatd: cannot initialise libcurl\n");
		return 1;
	}
	config_log(&cfg);

	if (store_target_is_postgres(cfg.db)) {
		/* several moatd on one database: each start is an instance of
		 * its own (agents.instance_id), before any thread */
		char id[STORE_INSTANCE_MAX], hostname[STORE_INSTANCE_MAX];
		serve_instance_id(id, sizeof id, hostname, sizeof hostname);
		store_set_instance(id);
	}
	if (open_migrated(cfg.db, &st))
		return 1;
	if (serve_bootstrap_admin(st) != MOAT_OK) {
		fprintf(stderr, "moatd: cannot create the first admin\n");
		store_close(st);
		return 1;
	}
	/* agents marked online by a run that ended without closing them; on
	 * PostgreSQL other instances may hold agents: the cluster module marks
	 * offline those of dead instances (and of none) instead */
	if ((!store_target_is_postgres(cfg.db) && store_agent_all_offline(st) != MOAT_OK) ||
	    store_policy_backfill(st) != MOAT_OK) {
		fprintf(stderr, "moatd: cannot prepare the database\n");
		store_close(st);
		return 1;
	}
	http_static_load(cfg.web_root);
	http_static_vendor(cfg.chart_js);
	store_thread_setup(cfg.db);
	serve_st = st;
	/* the writer's subscribers, before it starts: the live feed (the
	 * WebSocket acks and the REST answers are each batch's completion) */
	rc = ingest_subscribe(ws_live_committed, NULL);
	/* the live feed's agent notes, after agent state commits */
	if (!rc)
		rc = ingest_subscribe_agents(ws_live_agents_committed, NULL);
	/* the notifier: its outbox rows in the events' transaction, its
	 * wake-up after the commit */
	if (!rc)
		rc = ingest_subscribe_tx(notify_outbox_tx, NULL);
	if (!rc)
		rc = ingest_subscribe(notify_committed, NULL);
	if (!rc)
		rc = store_checkpointer_start(cfg.db);
	if (!rc)
		rc = ingest_start(cfg.db, cfg.retention_days, cfg.agent_prune_days);
	if (!rc) {
		struct notify_config nc = {0};
		snprintf(nc.db, sizeof nc.db, "%s", cfg.db);
		snprintf(nc.public_url, sizeof nc.public_url, "%s", cfg.public_url);
		nc.allow_private = cfg.allow_private_webhooks;
		nc.timeout_ms = cfg.notify_timeout_ms;
		nc.max_attempts = cfg.notify_max_attempts;
		nc.seed = (uint64_t)cfg.notify_seed;
		nc.offline_grace_s = cfg.notify_offline_grace_s;
		nc.alert_scan_ms = cfg.notify_alert_scan_ms;
		nc.retention_days = cfg.retention_days;
		rc = notify_start(&nc);
		if (!rc) /* POST …/channels/{id}/test sends through the notifier */
			notify_test_set(notify_test_send);
	}
	/* PostgreSQL: listening before the WebSocket port opens, so that no
	 * version committed elsewhere falls between an agent's hello and it */
	if (!rc && store_target_is_postgres(cfg.db) && serve_start_cluster(&cfg) != MOAT_OK) {
		fprintf(stderr, "moatd: cannot listen for the other instances on the database\n");
		serve_stop_all();
		return 1;
	}
	if (!rc)
		rc = http_server_start(&cfg, &serve_http, &http_port);
	if (!rc) {
		ws_live_set_origin(cfg.public_url, http_port); /* the feed's allowed origins */
		rc = ws_server_start(&cfg, &serve_ws, &ws_port);
	}
	if (!rc && !cfg.public_url[0]) /* else the proxy puts /v1/live on the dashboard's origin */
		http_set_live_port(ws_port);
	if (rc) {
		fprintf(stderr, "moatd: cannot listen on %s / %s\n", cfg.listen, cfg.agent_listen);
		serve_stop_all();
		return 1;
	}
	config_split_addr(cfg.listen, host, sizeof host, &p);
	config_split_addr(cfg.agent_listen, ahost, sizeof ahost, &p);
	fprintf(stderr, "listening http=%s:%d agent=%s:%d\n", host, http_port, ahost, ws_port);
	fflush(stderr);

	while (sigwait(&set, &sig) != 0)
		;
	LOG(LOG_INFO, "msg=\"shutting down\" signal=%d", sig);
	serve_stop_all();
	LOG(LOG_INFO, "msg=\"stopped\"");
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	xalloc_init(); /* before any json_t and any thread */

	/* --version anywhere, on every command */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--version") || (i == 1 && !strcmp(argv[i], "version"))) {
			printf("moatd %s\n", MOAT_VERSION);
			return 0;
		}
	}
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		usage_main(stdout);
		return 0;
	}
	if (!strcmp(cmd, "serve"))
		return cmd_serve(argc - 1, argv + 1);
	if (!strcmp(cmd, "migrate"))
		return cmd_migrate(argc - 2, argv + 2);
	if (!strcmp(cmd, "user"))
		return cmd_user(argc - 2, argv + 2);
	if (!strcmp(cmd, "token"))
		return cmd_token(argc - 2, argv + 2);
	if (!strcmp(cmd, "backup"))
		return cmd_backup(argc - 2, argv + 2);
	if (!strcmp(cmd, "routes"))
		return cmd_routes();
	usage_main(stderr);
	return 2;
}
