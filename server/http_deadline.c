/*
 * http_deadline.c — per-request deadlines for HTTP connections; see
 * http_deadline.h for the why and the threads.
 */
#include "http_deadline.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "err.h"
#include "log.h"
#include "timefmt.h"
#include "xalloc.h"

/* how often the sweeper looks: a late connection goes within this */
#define HD_SWEEP_MS 250
/* connections named in the log per sweep; the rest are only counted */
#define HD_LOG_MAX 8

struct hd_conn {
	struct hd_conn *prev, *next; /* hd_lock */
	MHD_socket fd;
	int64_t deadline_us; /* monotonic; 0: none (atomic) */
	char ip[INET6_ADDRSTRLEN];
};

static pthread_mutex_t hd_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hd_cond;
static struct hd_conn *hd_head; /* hd_lock */
static int hd_stop;             /* hd_lock */
static int hd_running;          /* main thread only */
static pthread_t hd_thread;
static int64_t hd_timeout_us;    /* set before MHD starts, read-only after */
static uint64_t hd_closed_total; /* atomic */

static struct hd_conn *hd_of(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

void http_deadline_arm(struct MHD_Connection *conn)
{
	struct hd_conn *c = hd_of(conn);

	if (c && hd_timeout_us)
		__atomic_store_n(&c->deadline_us, timefmt_mono_us() + hd_timeout_us,
		                 __ATOMIC_RELAXED);
}

void http_deadline_disarm(struct MHD_Connection *conn)
{
	struct hd_conn *c = hd_of(conn);

	if (c)
		__atomic_store_n(&c->deadline_us, 0, __ATOMIC_RELAXED);
}

static void hd_client_ip(struct MHD_Connection *conn, char *out, size_t cap)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, cap, "unknown");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
		          (socklen_t)cap);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
		          out, (socklen_t)cap);
}

void http_deadline_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
	struct hd_conn *c;

	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		c = xcalloc(1, sizeof *c);
		c->fd = ci ? ci->connect_fd : MHD_INVALID_SOCKET;
		hd_client_ip(conn, c->ip, sizeof c->ip);
		c->deadline_us = hd_timeout_us ? timefmt_mono_us() + hd_timeout_us : 0;
		pthread_mutex_lock(&hd_lock);
		c->next = hd_head;
		if (hd_head)
			hd_head->prev = c;
		hd_head = c;
		pthread_mutex_unlock(&hd_lock);
		*socket_context = c;
		return;
	}
	c = *socket_context;
	if (!c)
		return;
	pthread_mutex_lock(&hd_lock);
	if (c->prev)
		c->prev->next = c->next;
	else
		hd_head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	pthread_mutex_unlock(&hd_lock);
	free(c);
	*socket_context = NULL;
}

/* One pass: shuts down every connection past its deadline. Caller holds
 * hd_lock; the addresses of the first few go to ips for the log. */
static int hd_sweep(int64_t now, char ips[HD_LOG_MAX][INET6_ADDRSTRLEN])
{
	int n = 0;

	for (struct hd_conn *c = hd_head; c; c = c->next) {
		int64_t d = __atomic_load_n(&c->deadline_us, __ATOMIC_RELAXED);
		if (!d || now < d || c->fd == MHD_INVALID_SOCKET)
			continue;
		/* the socket is open: MHD closes it only after CLOSED unlinks c */
		shutdown(c->fd, SHUT_RDWR);
		__atomic_store_n(&c->deadline_us, 0, __ATOMIC_RELAXED);
		if (n < HD_LOG_MAX)
			memcpy(ips[n], c->ip, sizeof c->ip);
		n++;
	}
	return n;
}

static void *hd_main(void *arg)
{
	char ips[HD_LOG_MAX][INET6_ADDRSTRLEN];

	(void)arg;
	pthread_mutex_lock(&hd_lock);
	while (!hd_stop) {
		struct timespec ts;
		int n;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += HD_SWEEP_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&hd_cond, &hd_lock, &ts);
		if (hd_stop)
			break;
		n = hd_sweep(timefmt_mono_us(), ips);
		if (!n)
			continue;
		__atomic_add_fetch(&hd_closed_total, (uint64_t)n, __ATOMIC_RELAXED);
		pthread_mutex_unlock(&hd_lock);
		for (int i = 0; i < n && i < HD_LOG_MAX; i++)
			LOG(LOG_INFO, "msg=\"request deadline passed; connection closed\" ip=%s",
			    ips[i]);
		if (n > HD_LOG_MAX)
			LOG(LOG_INFO, "msg=\"request deadline passed; connections closed\" more=%d",
			    n - HD_LOG_MAX);
		pthread_mutex_lock(&hd_lock);
	}
	pthread_mutex_unlock(&hd_lock);
	return NULL;
}

int http_deadline_start(int timeout_s)
{
	pthread_condattr_t ca;
	int rc;

	hd_timeout_us = (int64_t)timeout_s * 1000000;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&hd_cond, &ca);
	pthread_condattr_destroy(&ca);
	hd_stop = 0;
	rc = pthread_create(&hd_thread, NULL, hd_main, NULL);
	if (rc) {
		LOG(LOG_ERROR, "msg=\"cannot start the request deadline thread\" error=%d", rc);
		pthread_cond_destroy(&hd_cond);
		return MOAT_EIO;
	}
	hd_running = 1;
	return MOAT_OK;
}

void http_deadline_stop(void)
{
	if (!hd_running)
		return;
	pthread_mutex_lock(&hd_lock);
	hd_stop = 1;
	pthread_cond_signal(&hd_cond);
	pthread_mutex_unlock(&hd_lock);
	pthread_join(hd_thread, NULL);
	pthread_cond_destroy(&hd_cond);
	hd_running = 0;
}

uint64_t http_deadline_closed_total(void)
{
	return __atomic_load_n(&hd_closed_total, __ATOMIC_RELAXED);
}
