/*
 * netaddr.h — where a notification may be sent: the one classification of
 * addresses as private (loopback, private, link-local, unique-local and
 * the like) used both when a channel URL is accepted (its literal host)
 * and by the notifier on the address it actually connects to, so that a
 * name that resolves (or rebinds) to such an address is refused too.
 * Pure functions, callable from any thread.
 */
#ifndef MOAT_NETADDR_H
#define MOAT_NETADDR_H

#include <stddef.h>
#include <sys/socket.h>

/* 1 when the address sa (AF_INET or AF_INET6; anything else counts as
 * private) must not be a notification target without
 * --allow-private-webhooks: unspecified (0.0.0.0/8, ::), loopback
 * (127/8, ::1), private (10/8, 172.16/12, 192.168/16), shared (100.64/10),
 * link-local (169.254/16 with the cloud metadata address, fe80::/10),
 * unique-local (fc00::/7), IETF protocol assignments (192.0.0/24),
 * benchmarking (198.18/15), multicast, reserved and broadcast (224/3),
 * and IPv6 forms that carry an IPv4 address (::ffff:0:0/96, ::/96,
 * 64:ff9b::/96) when that address is private. 0 otherwise. */
int netaddr_is_private(const struct sockaddr *sa);

/* The same for a host text: 1 private, 0 public, -1 not an IP literal
 * (a name; see netaddr_name_private). IPv4 literals in every form the
 * resolver takes ("2130706433", "0x7f.1", "127.1") count as literals. */
int netaddr_literal_private(const char *host);

/* 1 when host is a name that always means this machine ("localhost",
 * "*.localhost", case-insensitively, with or without a final dot). */
int netaddr_name_private(const char *host);

/* The parts of an http(s) URL that decide where it connects. */
struct netaddr_url {
	int https;
	char host[256]; /* without IPv6 brackets, lower case */
	int port;       /* explicit or 80 / 443 */
};

/* Parses url (absolute http:// or https://, a host, an optional port,
 * no user information, no whitespace or control characters). 0 with out
 * filled; -1 with a sentence in why (cap bytes) when it is not one. */
int netaddr_url_parse(const char *url, struct netaddr_url *out, char *why, size_t cap);

/* netaddr_url_parse, then refuses (-1, why) a host that is plainly private
 * (a private literal or a local name) unless allow_private. 0 when the URL
 * may be stored; its name may still resolve to a private address, which
 * the notifier refuses at connect time. */
int netaddr_url_check(const char *url, int allow_private, char *why, size_t cap);

#endif
