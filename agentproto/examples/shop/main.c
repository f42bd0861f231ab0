/*
 * main.c — build/shop, a deliberately vulnerable web shop protected by
 * libmoatagent: the proof that the interceptors stop each attack at the
 * exact operation and that the event reaches moatd (agentproto/README.md,
 * "The shop"; shop.h has the module map).
 *
 *     build/shop --listen 127.0.0.1:0 --moat-url ws://127.0.0.1:8081/v1/agent \
 *                --token moat_agt_... --db PATH [--environment production]
 *                [--id shop-1] [--files DIR] [--threads N]
 *
 * MOAT_URL and MOAT_AGENT_TOKEN are read when the flags are not given;
 * --env is the same as --environment. Without a URL the agent is off: no
 * connection, no checks, the shop unprotected (the benchmark's baseline).
 * The shop creates and seeds its database at PATH and its files (invoices,
 * images) in DIR (default PATH.files), then prints
 * `listening http=127.0.0.1:N` on stderr once it serves. SIGINT / SIGTERM
 * stop it (the agent flushes its events first).
 *
 * Threads: main parses the flags, starts everything and waits for the
 * signals; libmicrohttpd's pool runs the handlers; the agent's
 * connection thread.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "shop.h"

static void main_usage(void)
{
	fprintf(stderr,
	        "usage: shop --listen 127.0.0.1:PORT --db PATH\n"
	        "            [--moat-url ws://HOST:PORT/v1/agent --token AGENT_TOKEN]\n"
	        "            [--environment ENV] [--id AGENT_ID] [--files DIR] [--threads N]\n"
	        "  MOAT_URL and MOAT_AGENT_TOKEN stand in for --moat-url and --token;\n"
	        "  without a URL the agent is off (the shop is unprotected).\n");
	exit(2);
}

static int main_path(char *dst, size_t cap, const char *a, const char *b)
{
	int n = snprintf(dst, cap, "%s%s", a, b);
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

int main(int argc, char **argv)
{
	const char *listen = "127.0.0.1:0", *url = getenv("MOAT_URL");
	const char *token = getenv("MOAT_AGENT_TOKEN"), *path = NULL, *files = NULL;
	const char *env = "production";
	char id[129], err[256], host[64];
	struct moat_agent_config cfg = {0};
	struct MHD_Daemon *d;
	struct sockaddr_in sa = {.sin_family = AF_INET};
	const union MHD_DaemonInfo *di;
	const char *colon;
	char *end;
	long port, threads = 4;
	sigset_t set;
	int sig;

	snprintf(id, sizeof id, "shop-%ld", (long)getpid());
	for (int i = 1; i < argc; i += 2) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			main_usage();
		if (!strcmp(argv[i], "--listen"))
			listen = v;
		else if (!strcmp(argv[i], "--moat-url"))
			url = v;
		else if (!strcmp(argv[i], "--token"))
			token = v;
		else if (!strcmp(argv[i], "--db"))
			path = v;
		else if (!strcmp(argv[i], "--environment") || !strcmp(argv[i], "--env"))
			env = v;
		else if (!strcmp(argv[i], "--id"))
			snprintf(id, sizeof id, "%s", v);
		else if (!strcmp(argv[i], "--files"))
			files = v;
		else if (!strcmp(argv[i], "--threads")) {
			threads = strtol(v, &end, 10);
			if (*end || threads < 1 || threads > 64)
				main_usage();
		} else
			main_usage();
	}
	if (url && !*url)
		url = NULL;
	if (!path || (url && (!token || !*token)))
		main_usage();
	colon = strrchr(listen, ':');
	if (!colon || (size_t)(colon - listen) >= sizeof host)
		main_usage();
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (inet_pton(AF_INET, host, &sa.sin_addr) != 1 || *end || port < 0 || port > 65535)
		main_usage();
	sa.sin_port = htons((uint16_t)port);
	if (files ? main_path(shop_cfg.files, sizeof shop_cfg.files, files, "")
	          : main_path(shop_cfg.files, sizeof shop_cfg.files, path, ".files"))
		main_usage();
	if (main_path(shop_cfg.invoices, sizeof shop_cfg.invoices, shop_cfg.files, "/invoices") ||
	    main_path(shop_cfg.images, sizeof shop_cfg.images, shop_cfg.files, "/images"))
		main_usage();
	/* a client that goes away mid-answer is an error return, not a signal */
	signal(SIGPIPE, SIG_IGN);
	if (store_open(path))
		return 1;
	if (url) {
		cfg.url = url;
		cfg.token = token;
		cfg.environment = env;
		cfg.agent_id = id;
		cfg.runtime = "c/shop";
		shop_cfg.agent = moat_agent_new(&cfg, err, sizeof err);
		if (!shop_cfg.agent) {
			fprintf(stderr, "shop: agent: %s\n", err);
			return 1;
		}
		if (moat_agent_start(shop_cfg.agent) != 0) {
			fprintf(stderr, "shop: agent did not start\n");
			return 1;
		}
	} else {
		fprintf(stderr, "shop: agent off (no --moat-url): unprotected\n");
	}
	/* the signals are waited for below, on this thread only */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL, NULL,
	                     http_handle, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	                     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
	                     MHD_OPTION_CONNECTION_LIMIT, 512u, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
	                     MHD_OPTION_NOTIFY_COMPLETED, http_completed, NULL, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "shop: cannot listen on %s\n", listen);
		return 1;
	}
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(stderr, "listening http=%s:%u\n", host, di ? (unsigned)di->port : 0u);
	fflush(stderr);
	while (sigwait(&set, &sig) != 0)
		;
	MHD_stop_daemon(d);
	if (shop_cfg.agent) {
		moat_agent_stop(shop_cfg.agent);
		moat_agent_free(shop_cfg.agent);
	}
	store_close();
	return 0;
}
