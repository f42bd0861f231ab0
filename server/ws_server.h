/*
 * ws_server.h — the agent port: one libwebsockets context served by one
 * service thread that owns every struct lws. Other threads may only call
 * ws_server_stop() (which uses lws_cancel_service) — never lws itself.
 */
#ifndef MOAT_WS_SERVER_H
#define MOAT_WS_SERVER_H

#include "config.h"

struct ws_server;

/* Listens on cfg->agent_listen and starts the service thread; *port gets
 * the bound port. */
int ws_server_start(const struct config *cfg, struct ws_server **out, int *port);
/* Wakes the service thread, joins it, destroys the context. */
void ws_server_stop(struct ws_server *s);

#endif
