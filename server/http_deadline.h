/*
 * http_deadline.h — a deadline for each request's header and body, and
 * the sweeper thread that enforces it.
 *
 * libmicrohttpd 0.9.75's connection timeout is an idle timeout: every
 * byte received restarts it, so a client that sends one byte every few
 * seconds holds a connection (and a slot of MHD's connection limit)
 * forever. Here every connection carries a deadline, armed when the
 * connection starts and again when an answer has been sent on it (the
 * next request of a kept-alive connection), and disarmed once the access
 * handler has the whole request. A sweeper thread, four times a second,
 * shuts down (shutdown(2)) the socket of every connection past its
 * deadline; MHD then sees the end of the stream and closes it the usual
 * way. No answer is sent: the client was not sending a request.
 *
 * Threads: MHD's workers call http_deadline_notify (MHD's connection
 * notification), _arm and _disarm; the sweeper is its own thread, started
 * by http_server_start and stopped by http_server_stop after
 * MHD_stop_daemon. The table of connections is owned by this file, under
 * one mutex that no other lock nests inside. A socket stays valid while
 * it is in the table: MHD calls the CLOSED notification (which unlinks it
 * under the mutex) before it closes the socket.
 */
#ifndef MOAT_HTTP_DEADLINE_H
#define MOAT_HTTP_DEADLINE_H

#include <microhttpd.h>
#include <stdint.h>

/* Starts the sweeper with a deadline of timeout_s seconds per request.
 * Returns 0 or MOAT_EIO. */
int http_deadline_start(int timeout_s);
/* Stops and joins the sweeper (after MHD_stop_daemon). NULL-safe to call
 * when never started. */
void http_deadline_stop(void);
/* MHD_OPTION_NOTIFY_CONNECTION callback: adds a connection to the table
 * (armed) when it starts, removes and frees it when it closes. */
void http_deadline_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code);
/* The whole request is in: no deadline while it is handled and answered. */
void http_deadline_disarm(struct MHD_Connection *conn);
/* The answer is sent: the next request on conn has a fresh deadline. */
void http_deadline_arm(struct MHD_Connection *conn);
/* Connections closed for missing their deadline since the start. */
uint64_t http_deadline_closed_total(void);

#endif
