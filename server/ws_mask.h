/*
 * ws_mask.h — client frames without a mask (RFC 6455 §5.1), which
 * libwebsockets 4.1.6 accepts: see ws_mask.c. Service thread only.
 */
#ifndef MOAT_WS_MASK_H
#define MOAT_WS_MASK_H

/* A socket the WebSocket port accepted (LWS_CALLBACK_FILTER_NETWORK_CONNECTION):
 * from now on its bytes are parsed as read, request first, then frames. */
void ws_mask_watch(int fd);
/* The socket is closing: stop parsing it. */
void ws_mask_forget(int fd);
/* 1 once the client sent a frame without a mask on fd (close it with
 * 1002 and use nothing more it sent), else 0. */
int ws_mask_violated(int fd);

#endif
