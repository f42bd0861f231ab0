/*
 * api_health.c — /healthz (the process answers), /readyz (the database
 * answers and is fully migrated) and /metrics (Prometheus text).
 */
#include "api.h"

#include "cluster.h"
#include "err.h"
#include "ingest.h"
#include "notify.h"
#include "metrics.h"
#include "ws_hub.h"
#include "ws_live.h"

void api_healthz(struct http_req *r)
{
	http_reply_json(r, 200, json_pack("{s:s}", "status", "ok"));
}

void api_readyz(struct http_req *r)
{
	int v = 0;

	if (store_schema_version(r->st, &v) != MOAT_OK || v != store_schema_latest()) {
		http_header_next(r, "Retry-After", "1");
		http_problem(r, 503, "unavailable", "the database is not ready", NULL);
		return;
	}
	http_reply_json(r, 200, json_pack("{s:s, s:i}", "status", "ready", "schema_version", v));
}

void api_metrics(struct http_req *r)
{
	struct buf b;

	buf_init(&b, 4u << 20);
	if (metrics_render(&b) != MOAT_OK || ingest_metrics(&b) != MOAT_OK ||
	    notify_metrics(&b) != MOAT_OK || store_checkpoint_metrics(&b) != MOAT_OK ||
	    ws_hub_metrics(&b) != MOAT_OK || ws_live_metrics(&b) != MOAT_OK ||
	    cluster_metrics(&b) != MOAT_OK) {
		buf_cleanup(&b);
		http_problem(r, 500, "internal", "internal error", NULL);
		return;
	}
	http_reply(r, 200, "text/plain; version=0.0.4; charset=utf-8", b.data ? b.data : "", b.len);
	buf_cleanup(&b);
}
