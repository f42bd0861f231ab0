/*
 * ws_server.c — the libwebsockets context on the agent port and its one
 * service thread. The agent protocol (/v1/agent) and live feed (/v1/live)
 * are served from here; until they are registered the port answers plain
 * HTTP requests with 404 and refuses upgrades.
 *
 * Threads: ws_server_start/stop on the main thread; everything else on the
 * service thread. Cross-thread wake-ups go through lws_cancel_service only.
 */
#include "ws_server.h"

#include <libwebsockets.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "log.h"
#include "xalloc.h"

struct ws_server {
	struct lws_context *ctx;
	pthread_t thread;
	int stop; /* written by main, read by the service thread (atomic) */
};

static const struct lws_protocols ws_protocols[] = {
    {"http", lws_callback_http_dummy, 0, 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

static void ws_log(int level, const char *line)
{
	char q[512];
	char tmp[480];

	snprintf(tmp, sizeof tmp, "%s", line);
	tmp[strcspn(tmp, "\n")] = '\0';
	LOG(level == LLL_ERR ? LOG_ERROR : LOG_WARN, "msg=lws detail=%s",
	    log_quote(q, sizeof q, tmp));
}

static void *ws_thread(void *arg)
{
	struct ws_server *s = arg;

	while (!__atomic_load_n(&s->stop, __ATOMIC_ACQUIRE))
		if (lws_service(s->ctx, 0) < 0)
			break;
	return NULL;
}

int ws_server_start(const struct config *cfg, struct ws_server **out, int *port)
{
	struct lws_context_creation_info info;
	struct ws_server *s;
	char host[128];
	int p;

	if (config_split_addr(cfg->agent_listen, host, sizeof host, &p))
		return MOAT_EINVALID;
	lws_set_log_level(LLL_ERR | LLL_WARN, ws_log);
	memset(&info, 0, sizeof info);
	info.port = p;
	info.iface = strcmp(host, "0.0.0.0") ? host : NULL;
	info.protocols = ws_protocols;
	info.options = LWS_SERVER_OPTION_DISABLE_IPV6 * (strchr(host, ':') == NULL);
	info.timeout_secs = 10;
	s = xcalloc(1, sizeof *s);
	s->ctx = lws_create_context(&info);
	if (!s->ctx) {
		free(s);
		LOG(LOG_ERROR, "msg=\"cannot start agent listener\" agent_listen=%s",
		    cfg->agent_listen);
		return MOAT_EIO;
	}
	*port = lws_get_vhost_listen_port(lws_get_vhost_by_name(s->ctx, "default"));
	if (pthread_create(&s->thread, NULL, ws_thread, s) != 0) {
		lws_context_destroy(s->ctx);
		free(s);
		return MOAT_EIO;
	}
	*out = s;
	return MOAT_OK;
}

void ws_server_stop(struct ws_server *s)
{
	if (!s)
		return;
	__atomic_store_n(&s->stop, 1, __ATOMIC_RELEASE);
	lws_cancel_service(s->ctx);
	pthread_join(s->thread, NULL);
	lws_context_destroy(s->ctx);
	free(s);
}
