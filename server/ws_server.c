/*
 * ws_server.c — the libwebsockets context on the agent port and its one
 * service thread. It serves the agent protocol (/v1/agent, ws_agent.c) and
 * the dashboard's live feed (/v1/live, ws_live.c). Plain HTTP gets 404; a
 * WebSocket upgrade to any other path (or with a bad live ticket or
 * origin) is refused by closing the connection.
 *
 * Threads: ws_server_start/stop on the main thread; everything else on the
 * service thread. Other threads reach it only through ws_hub.c (a queue
 * and lws_cancel_service). A 500 ms lws_sul timer runs the sweep (hello
 * timeouts, revoked tokens, ended sessions of live feeds). Stopping
 * closes every agent with 1001 and gives them up to two seconds to go,
 * joins the service thread, closes the hub (later posts are released, not
 * queued), then destroys the context.
 */
#include "ws_server.h"

#include <libwebsockets.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "log.h"
#include "timefmt.h"
#include "ws_agent.h"
#include "ws_hub.h"
#include "ws_live.h"
#include "xalloc.h"

#define WS_SWEEP_US (500 * LWS_US_PER_MS)

struct ws_server {
	struct lws_context *ctx;
	pthread_t thread;
	int stop; /* written by main, read by the service thread (atomic) */
	lws_sorted_usec_list_t sweep;
	struct lws_protocols protocols[3];
};

static struct ws_server *ws_self; /* for the sul callback */

static void ws_log(int level, const char *line)
{
	char q[512];
	char tmp[480];

	snprintf(tmp, sizeof tmp, "%s", line);
	tmp[strcspn(tmp, "\n")] = '\0';
	LOG(level == LLL_ERR ? LOG_ERROR : LOG_WARN, "msg=lws detail=%s",
	    log_quote(q, sizeof q, tmp));
}

static void ws_sweep_cb(lws_sorted_usec_list_t *sul)
{
	struct ws_server *s = lws_container_of(sul, struct ws_server, sweep);

	ws_agent_sweep(s->ctx);
	ws_live_sweep();
	lws_sul_schedule(s->ctx, 0, &s->sweep, ws_sweep_cb, WS_SWEEP_US);
}

static void *ws_thread(void *arg)
{
	struct ws_server *s = arg;
	int64_t deadline = 0;

	lws_sul_schedule(s->ctx, 0, &s->sweep, ws_sweep_cb, WS_SWEEP_US);
	for (;;) {
		if (__atomic_load_n(&s->stop, __ATOMIC_ACQUIRE)) {
			if (!deadline) {
				ws_agent_close_all(1001);
				ws_live_close_all(1001);
				deadline = timefmt_mono_us() + 2000000;
			}
			if ((ws_agent_count() == 0 && ws_live_count() == 0) ||
			    timefmt_mono_us() > deadline)
				break;
		}
		if (lws_service(s->ctx, 0) < 0)
			break;
	}
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
	ws_agent_set_heartbeat(cfg->agent_heartbeat_s);
	ws_live_set_session_idle((int64_t)cfg->session_idle_minutes * 60);
	s = xcalloc(1, sizeof *s);
	s->protocols[0].name = WS_AGENT_PROTOCOL;
	s->protocols[0].callback = ws_agent_callback;
	s->protocols[0].per_session_data_size = ws_agent_session_size();
	/* lws keeps an rx buffer of this size per connection: small, since we
	 * reassemble messages ourselves (up to 1 MiB) */
	s->protocols[0].rx_buffer_size = 4096;
	s->protocols[1].name = WS_LIVE_PROTOCOL;
	s->protocols[1].callback = ws_live_callback;
	s->protocols[1].per_session_data_size = ws_live_session_size();
	s->protocols[1].rx_buffer_size = 4096;
	memset(&info, 0, sizeof info);
	info.port = p;
	info.iface = strcmp(host, "0.0.0.0") ? host : NULL;
	info.protocols = s->protocols;
	info.options = strchr(host, ':') ? 0 : LWS_SERVER_OPTION_DISABLE_IPV6;
	info.timeout_secs = 10;
	/* no lws retry/idle policy: its per-connection timers cost a walk of a
	 * sorted list on every re-arm (seconds of CPU at 10,000 agents); the
	 * sweep does liveness instead (ws_agent_sweep) */
	info.fd_limit_per_thread = 0;
	s->ctx = lws_create_context(&info);
	if (!s->ctx) {
		free(s);
		LOG(LOG_ERROR, "msg=\"cannot start agent listener\" agent_listen=%s",
		    cfg->agent_listen);
		return MOAT_EIO;
	}
	*port = lws_get_vhost_listen_port(lws_get_vhost_by_name(s->ctx, "default"));
	ws_hub_open(s->ctx);
	ws_self = s;
	if (pthread_create(&s->thread, NULL, ws_thread, s) != 0) {
		ws_hub_close();
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
	/* before the context goes: no more wakes, and whatever is posted
	 * from now on (the writer's acks) is released at once */
	ws_hub_close();
	lws_sul_cancel(&s->sweep);
	lws_context_destroy(s->ctx);
	ws_agent_shutdown();
	ws_self = NULL;
	free(s);
}
