/*
 * http.c — one request of the shop, from libmicrohttpd's first call to its
 * completion callback: the route table, the body (buffered up to
 * SHOP_BODY_MAX; a larger Content-Length is refused on the first call),
 * form and JSON parsing, and every input of the request -- query
 * arguments, headers, cookies, form fields, JSON fields -- given to
 * libmoatagent before the handler runs (by reference: the values outlive
 * the moat_request). The request's moat_request and everything else it
 * owns are freed in http_completed(), the moat_request first.
 *
 * Threads: the libmicrohttpd pool thread that serves the connection.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ma_util.h" /* libmoatagent's ma_hex_val, header-only */
#include "shop.h"

static const struct shop_route http_routes[] = {
    {"GET", "/", pages_home, SHOP_BODY_NONE},
    {"GET", "/about", pages_about, SHOP_BODY_NONE},
    {"GET", "/cart", pages_cart, SHOP_BODY_NONE},
    {"GET", "/product", pages_product, SHOP_BODY_NONE},
    {"GET", "/search", search, SHOP_BODY_NONE},
    {"POST", "/webhook/ping", webhook_ping, SHOP_BODY_FORM},
    {"GET", "/invoice", invoice_get, SHOP_BODY_NONE},
    {"POST", "/convert", convert_handle, SHOP_BODY_FORM},
    {"POST", "/reviews", reviews_post, SHOP_BODY_FORM},
    {"GET", "/reviews/preview", reviews_preview, SHOP_BODY_NONE},
    {"POST", "/login", login_handle, SHOP_BODY_JSON},
    {"GET", "/orders", orders_list, SHOP_BODY_NONE},
    {"POST", "/support/chat", support_chat, SHOP_BODY_JSON},
};
#define HTTP_NROUTES (sizeof http_routes / sizeof http_routes[0])

enum MHD_Result http_reply(struct shop_req *r, unsigned status, const char *type, const char *body,
                           size_t len)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	if (!resp)
		return MHD_NO;
	r->replied = 1;
	MHD_add_response_header(resp, "Content-Type", type);
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	rc = MHD_queue_response(r->c, status, resp);
	MHD_destroy_response(resp);
	return rc;
}

enum MHD_Result http_json(struct shop_req *r, unsigned status, json_t *v)
{
	char *text = v ? json_dumps(v, JSON_COMPACT) : NULL;
	enum MHD_Result rc;

	json_decref(v);
	if (!text)
		return http_reply(r, 500, "application/json", "{\"error\":\"internal\"}\n", 21);
	rc = http_reply(r, status, "application/json", text, strlen(text));
	free(text);
	return rc;
}

enum MHD_Result http_error(struct shop_req *r, unsigned status, const char *msg)
{
	return http_json(r, status, json_pack("{ss}", "error", msg));
}

enum MHD_Result http_blocked(struct shop_req *r)
{
	return http_error(r, 403, "blocked by Moat");
}

const char *http_query(struct shop_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->c, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_form(struct shop_req *r, const char *name, size_t *len)
{
	for (int i = 0; i < r->nfields; i++) {
		if (!strcmp(r->fields[i].name, name)) {
			if (len)
				*len = r->fields[i].len;
			return r->fields[i].value;
		}
	}
	return NULL;
}

int http_utf8_ok(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		unsigned c = *p;
		size_t n;
		unsigned min, cp;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, min = 0x80, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, min = 0x800, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, min = 0x10000, cp = c & 0x07;
		else
			return 0;
		if ((size_t)(end - p) <= n)
			return 0;
		for (size_t i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += n + 1;
	}
	return 1;
}

/* Decodes application/x-www-form-urlencoded text (s, len) in place into a
 * new string; its length in *out_len. NULL when out of memory. */
static char *http_form_decode(const char *s, size_t len, size_t *out_len)
{
	char *d = malloc(len + 1);
	size_t o = 0;

	if (!d)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '+') {
			d[o++] = ' ';
		} else if (s[i] == '%' && i + 2 < len && ma_hex_val(s[i + 1]) >= 0 &&
		           ma_hex_val(s[i + 2]) >= 0) {
			d[o++] = (char)(ma_hex_val(s[i + 1]) * 16 + ma_hex_val(s[i + 2]));
			i += 2;
		} else {
			d[o++] = s[i];
		}
	}
	d[o] = '\0';
	*out_len = o;
	return d;
}

unsigned http_parse_form(struct shop_req *r)
{
	const char *p = r->body, *end = r->body + r->body_len;

	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		const char *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		struct shop_field *f;
		size_t nlen;

		if (stop == p) {
			p = stop + 1;
			continue;
		}
		if (r->nfields == SHOP_FIELDS_MAX)
			return 400;
		f = &r->fields[r->nfields];
		f->name = http_form_decode(p, (size_t)((eq ? eq : stop) - p), &nlen);
		f->value = eq ? http_form_decode(eq + 1, (size_t)(stop - eq - 1), &f->len)
		              : http_form_decode("", 0, &f->len);
		if (!f->name || !f->value) {
			free(f->name);
			free(f->value);
			return 500;
		}
		r->nfields++;
		if (!http_utf8_ok(f->name, nlen) || !http_utf8_ok(f->value, f->len))
			return 400;
		p = stop + 1;
	}
	return 0;
}

/* Every query argument, header and cookie becomes an input of the request. */
static enum MHD_Result http_add_value(void *cls, enum MHD_ValueKind kind, const char *key,
                                      size_t key_size, const char *value, size_t value_size)
{
	struct moat_request *mr = cls;
	int k = kind == MHD_GET_ARGUMENT_KIND ? MOAT_INPUT_QUERY
	        : kind == MHD_HEADER_KIND     ? MOAT_INPUT_HEADER
	                                      : MOAT_INPUT_COOKIE;

	(void)key_size;
	/* libmicrohttpd's values are NUL-terminated and live until the
	 * request completes, after moat_request_end: borrowed, not copied */
	if (value)
		moat_request_add_input_ref(mr, k, key, value, value_size);
	return MHD_YES;
}

static int http_type_is(struct shop_req *r, const char *want)
{
	const char *t = MHD_lookup_connection_value(r->c, MHD_HEADER_KIND, "Content-Type");
	size_t n = strlen(want);

	return t && !strncasecmp(t, want, n) && (t[n] == '\0' || t[n] == ';' || t[n] == ' ');
}

static void http_peer(struct shop_req *r)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(r->c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	r->ip[0] = '\0';
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, r->ip,
		          sizeof r->ip);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, r->ip,
		          sizeof r->ip);
}

/* The body is complete: the inputs, then the handler. */
static enum MHD_Result http_run(struct shop_req *r)
{
	struct moat_request_info ri = {.method = r->method, .endpoint = r->url};
	unsigned status;

	if (!r->route) {
		for (size_t i = 0; i < HTTP_NROUTES; i++)
			if (!strcmp(http_routes[i].path, r->url))
				return http_error(r, 405, "method not allowed");
		return http_error(r, 404, "not found");
	}
	if (r->body_error)
		return http_error(r, 413, "request body too large");
	http_peer(r);
	ri.source_ip = r->ip[0] ? r->ip : NULL;
	if (shop_cfg.agent) {
		/* denylisted address: nothing of this request runs */
		if (moat_request_begin(shop_cfg.agent, &ri, &r->mr) == MOAT_BLOCK)
			return http_error(r, 403, "denied by Moat");
		MHD_get_connection_values_n(r->c, MHD_GET_ARGUMENT_KIND, http_add_value, r->mr);
		MHD_get_connection_values_n(r->c, MHD_HEADER_KIND, http_add_value, r->mr);
		MHD_get_connection_values_n(r->c, MHD_COOKIE_KIND, http_add_value, r->mr);
	}
	if (r->route->body == SHOP_BODY_FORM) {
		if (!http_type_is(r, "application/x-www-form-urlencoded"))
			return http_error(r, 415, "send application/x-www-form-urlencoded");
		status = http_parse_form(r);
		if (status)
			return http_error(r, status, "form fields must be UTF-8 text, at most 64");
		for (int i = 0; i < r->nfields; i++)
			moat_request_add_input_ref(r->mr, MOAT_INPUT_FORM, r->fields[i].name,
			                           r->fields[i].value, r->fields[i].len);
	} else if (r->route->body == SHOP_BODY_JSON) {
		json_error_t jerr;

		if (!http_type_is(r, "application/json"))
			return http_error(r, 415, "send application/json");
		r->json =
		    json_loadb(r->body ? r->body : "", r->body_len, JSON_REJECT_DUPLICATES, &jerr);
		if (!r->json)
			return http_error(r, 400,
			                  "the body is not JSON (UTF-8, no duplicate keys)");
		moat_request_add_json(r->mr, r->body, r->body_len);
	}
	return r->route->handler(r);
}

enum MHD_Result http_handle(void *cls, struct MHD_Connection *c, const char *url,
                            const char *method, const char *version, const char *upload_data,
                            size_t *upload_data_size, void **con_cls)
{
	struct shop_req *r = *con_cls;

	(void)cls;
	(void)version;
	if (!r) {
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");

		r = calloc(1, sizeof *r);
		if (!r)
			return MHD_NO;
		r->c = c;
		r->method = method;
		r->url = url;
		for (size_t i = 0; i < HTTP_NROUTES; i++)
			if (!strcmp(http_routes[i].method, method) &&
			    !strcmp(http_routes[i].path, url))
				r->route = &http_routes[i];
		*con_cls = r;
		if (cl && strtoull(cl, NULL, 10) > SHOP_BODY_MAX)
			return http_error(r, 413, "request body too large");
		return MHD_YES;
	}
	if (r->replied) { /* refused on the first call: the rest is dropped */
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (!r->route || r->route->body == SHOP_BODY_NONE || r->body_error)
			return MHD_YES;
		if (n > SHOP_BODY_MAX - r->body_len) {
			r->body_error = 1;
			return MHD_YES;
		}
		if (!r->body) {
			r->body = malloc(SHOP_BODY_MAX + 1);
			if (!r->body)
				return MHD_NO;
		}
		memcpy(r->body + r->body_len, upload_data, n);
		r->body_len += n;
		r->body[r->body_len] = '\0';
		return MHD_YES;
	}
	return http_run(r);
}

void http_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                    enum MHD_RequestTerminationCode toe)
{
	struct shop_req *r = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (!r)
		return;
	moat_request_end(r->mr);
	for (int i = 0; i < r->nfields; i++) {
		free(r->fields[i].name);
		free(r->fields[i].value);
	}
	json_decref(r->json);
	free(r->body);
	free(r);
	*con_cls = NULL;
}
