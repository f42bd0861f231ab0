/*
 * metrics.h — request counters and latency histograms for /metrics.
 *
 * Slots are the router's route indexes plus two: static files and
 * unmatched paths. Updates are relaxed atomic adds from any MHD thread;
 * rendering reads them without locks (a scrape may be a hair stale).
 */
#ifndef MOAT_METRICS_H
#define MOAT_METRICS_H

#include <stdint.h>

#include "buf.h"

/* slot: route index, or http_route_count (static), http_route_count + 1
 * (unmatched). */
void metrics_observe(int slot, int status, int64_t duration_us);
/* Appends the Prometheus text exposition to b. */
int metrics_render(struct buf *b);

#endif
