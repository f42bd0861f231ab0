/*
 * metrics.c — Prometheus counters; see metrics.h. Lock-free: relaxed
 * atomic adds on fixed arrays sized at compile time.
 */
#include "metrics.h"

#include <stdio.h>

#include "err.h"
#include "http.h"
#include "http_deadline.h"

#define METRICS_SLOTS 96
static const int metrics_statuses[] = {200, 201, 204, 304, 400, 401, 403, 404, 405, 409,
                                       412, 413, 415, 422, 429, 431, 500, 503, 0};
#define METRICS_NSTATUS (int)(sizeof metrics_statuses / sizeof metrics_statuses[0])
static const double metrics_buckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                         0.05,   0.1,   0.25,   0.5,   1,    2.5};
#define METRICS_NBUCKET (int)(sizeof metrics_buckets / sizeof metrics_buckets[0])

static uint64_t metrics_count[METRICS_SLOTS][METRICS_NSTATUS];
static uint64_t metrics_hist[METRICS_SLOTS][METRICS_NBUCKET + 1];
static uint64_t metrics_sum_us[METRICS_SLOTS];

static int metrics_status_index(int status)
{
	for (int i = 0; i < METRICS_NSTATUS - 1; i++)
		if (metrics_statuses[i] == status)
			return i;
	return METRICS_NSTATUS - 1;
}

void metrics_observe(int slot, int status, int64_t duration_us)
{
	int b = 0;

	if (slot < 0 || slot >= METRICS_SLOTS)
		return;
	while (b < METRICS_NBUCKET && (double)duration_us / 1e6 > metrics_buckets[b])
		b++;
	__atomic_fetch_add(&metrics_count[slot][metrics_status_index(status)], 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&metrics_hist[slot][b], 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&metrics_sum_us[slot], (uint64_t)duration_us, __ATOMIC_RELAXED);
}

static void metrics_slot_label(int slot, const char **route, const char **method)
{
	static const char *names[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};

	if (slot < http_route_count) {
		int m = http_routes[slot].method, i = 0;
		while (m > 1) {
			m >>= 1;
			i++;
		}
		*route = http_routes[slot].pattern;
		*method = names[i < 6 ? i : 0];
	} else if (slot == http_route_count) {
		*route = "static";
		*method = "GET";
	} else {
		*route = "unmatched";
		*method = "any";
	}
}

int metrics_render(struct buf *b)
{
	int slots = http_route_count + 2 > METRICS_SLOTS ? METRICS_SLOTS : http_route_count + 2;
	int rc = 0;

	rc |=
	    buf_append_str(b, "# HELP moat_http_requests_total HTTP requests by route and status.\n"
	                      "# TYPE moat_http_requests_total counter\n");
	for (int s = 0; s < slots; s++) {
		const char *route, *method;
		metrics_slot_label(s, &route, &method);
		for (int i = 0; i < METRICS_NSTATUS; i++) {
			uint64_t v = __atomic_load_n(&metrics_count[s][i], __ATOMIC_RELAXED);
			if (!v)
				continue;
			if (metrics_statuses[i])
				rc |= buf_printf(
				    b,
				    "moat_http_requests_total{route=\"%s\",method=\"%s\","
				    "status=\"%d\"} %llu\n",
				    route, method, metrics_statuses[i], (unsigned long long)v);
			else
				rc |= buf_printf(
				    b,
				    "moat_http_requests_total{route=\"%s\",method=\"%s\","
				    "status=\"other\"} %llu\n",
				    route, method, (unsigned long long)v);
		}
	}
	rc |= buf_append_str(b, "# HELP moat_http_request_duration_seconds HTTP request latency.\n"
	                        "# TYPE moat_http_request_duration_seconds histogram\n");
	for (int s = 0; s < slots; s++) {
		const char *route, *method;
		uint64_t cum = 0;
		metrics_slot_label(s, &route, &method);
		for (int i = 0; i <= METRICS_NBUCKET; i++)
			cum += __atomic_load_n(&metrics_hist[s][i], __ATOMIC_RELAXED);
		if (!cum)
			continue;
		cum = 0;
		for (int i = 0; i <= METRICS_NBUCKET; i++) {
			cum += __atomic_load_n(&metrics_hist[s][i], __ATOMIC_RELAXED);
			if (i < METRICS_NBUCKET)
				rc |= buf_printf(
				    b,
				    "moat_http_request_duration_seconds_bucket{route=\"%s\","
				    "method=\"%s\",le=\"%g\"} %llu\n",
				    route, method, metrics_buckets[i], (unsigned long long)cum);
			else
				rc |= buf_printf(
				    b,
				    "moat_http_request_duration_seconds_bucket{route=\"%s\","
				    "method=\"%s\",le=\"+Inf\"} %llu\n",
				    route, method, (unsigned long long)cum);
		}
		rc |=
		    buf_printf(b,
		               "moat_http_request_duration_seconds_sum{route=\"%s\",method=\"%s\"} "
		               "%.6f\n",
		               route, method,
		               (double)__atomic_load_n(&metrics_sum_us[s], __ATOMIC_RELAXED) / 1e6);
		rc |= buf_printf(
		    b,
		    "moat_http_request_duration_seconds_count{route=\"%s\",method=\"%s\"} "
		    "%llu\n",
		    route, method, (unsigned long long)cum);
	}
	rc |= buf_printf(b,
	                 "# HELP moat_http_request_deadline_closed_total HTTP connections closed "
	                 "because a request's header and body missed --request-timeout.\n"
	                 "# TYPE moat_http_request_deadline_closed_total counter\n"
	                 "moat_http_request_deadline_closed_total %llu\n",
	                 (unsigned long long)http_deadline_closed_total());
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}
