/*
 * bench/detect/detect_web.h — the ssrf and nosql_injection parts of the
 * detection benchmark, included once by detect.c (after its tallies,
 * timers and the CRS driver, which they share).
 *
 * SSRF (ssrf, benign-urls, benign-user-input): an input goes, as query
 * parameter "url" of a request, into two sinks -- the whole URL, and the
 * host of "https://<input>/status" (for inputs without "://") -- and
 * moat_check_url judges it. Names are resolved by bench_resolve below, a
 * stand-in for DNS that answers what public DNS and the usual
 * /etc/hosts answer for the names an SSRF list uses (localhost,
 * ip6-localhost, the cloud metadata names inside their clouds, wildcard
 * DNS services that echo an address: a.b.c.d.nip.io) and a public
 * address for every other name. A case whose URL no WHATWG client parses,
 * or whose host resolves to a public address in every sink, reached
 * nothing internal: it is listed apart (as "unchanged"), not counted as a
 * miss. A benign URL is checked with its host, path segments and query
 * values as the request's inputs.
 *
 * url-parsing: the WHATWG URL tests; ma_url_parse_web's host (or its
 * failure) against the expected one: the agreement rate.
 *
 * NoSQL (nosql, benign-user-input): an input goes, as body field
 * "username", into six sinks: pasted into a JSON document's text (a
 * string, a number), into a mongo-shell style document with single
 * quotes, and into the JavaScript
 * of a $where (a single- and a double-quoted string, a number; the
 * document itself then encoded by the driver); and, when it parses as
 * JSON (or as a qs-style key "[$ne]=1"), as the parsed value of the
 * field, the way Express and PHP hand an object to the application.
 */

static int bench_resolve(const char *host, struct moat_addr *out, int max, void *arg)
{
	static const struct {
		const char *name;
		int family;
		uint8_t ip[16];
	} hosts[] = {
	    {"localhost", 4, {127, 0, 0, 1}},
	    {"ip6-localhost", 6, {[15] = 1}},
	    {"ip6-loopback", 6, {[15] = 1}},
	    {"metadata.google.internal", 4, {169, 254, 169, 254}},
	    {"metadata", 4, {169, 254, 169, 254}},
	    {"instance-data", 4, {169, 254, 169, 254}},
	    {"instance-data.ec2.internal", 4, {169, 254, 169, 254}},
	};
	static const char *const echo[] = {".nip.io", ".sslip.io", ".xip.io", ".localtest.me"};
	size_t n = strlen(host);

	(void)arg;
	if (max < 1)
		return 0;
	if (n && host[n - 1] == '.')
		n--;
	for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++)
		if (strlen(hosts[i].name) == n && !strncmp(host, hosts[i].name, n)) {
			out[0].family = hosts[i].family;
			memcpy(out[0].ip, hosts[i].ip, 16);
			return 1;
		}
	for (size_t i = 0; i < sizeof echo / sizeof echo[0]; i++) {
		size_t el = strlen(echo[i]);
		unsigned a, b, c, d;
		char tail[8];
		if (n > el && !strncmp(host + n - el, echo[i], el)) {
			const char *p = host;
			/* the last four dotted numbers before the suffix */
			for (const char *q = host; q < host + n - el; q++)
				if (sscanf(q, "%u.%u.%u.%u%7[^0-9]", &a, &b, &c, &d, tail) == 5 &&
				    (q == host || q[-1] == '.' || q[-1] == '-')) {
					p = q;
					break;
				}
			if (sscanf(p, "%u.%u.%u.%u", &a, &b, &c, &d) == 4 && a < 256 && b < 256 &&
			    c < 256 && d < 256) {
				memset(out[0].ip, 0, 16);
				out[0].family = 4;
				out[0].ip[0] = (uint8_t)a;
				out[0].ip[1] = (uint8_t)b;
				out[0].ip[2] = (uint8_t)c;
				out[0].ip[3] = (uint8_t)d;
				return 1;
			}
			if (!strcmp(echo[i], ".localtest.me")) {
				memset(out[0].ip, 0, 16);
				out[0].family = 4;
				out[0].ip[0] = 127;
				out[0].ip[3] = 1;
				return 1;
			}
		}
	}
	/* every other name: a public address (93.184.215.14) */
	memset(out[0].ip, 0, 16);
	out[0].family = 4;
	out[0].ip[0] = 93;
	out[0].ip[1] = 184;
	out[0].ip[2] = 215;
	out[0].ip[3] = 14;
	return 1;
}

static struct moat_request *web_begin(const char *endpoint)
{
	struct moat_request *r;
	struct moat_request_info ri = {
	    .method = "POST", .endpoint = endpoint, .source_ip = "192.0.2.10", .policy = policy};

	if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW || !r)
		return NULL;
	moat_request_set_resolver(r, bench_resolve, NULL);
	return r;
}

static int timed_url(struct moat_request *r, const char *url, size_t n, struct tally *file,
                     struct tally *cat, struct moat_url_target *t)
{
	double t0 = now_ns();
	int v = moat_check_url(r, url, n, t);

	tally_check(file, cat, t0);
	return v;
}

/* 1 if some address of t is internal (or t is a local file). */
static int url_internal(const struct moat_url_target *t)
{
	if (!strcmp(t->scheme, "file"))
		return 1;
	for (int i = 0; i < t->naddr; i++)
		if (ma_ssrf_classify(t->addr[i].family, t->addr[i].ip))
			return 1;
	return 0;
}

/* An input through the URL sinks: 1 if any blocks. *unchanged: it reached
 * nothing internal in any sink (no client parses it, or a public host). */
static int url_input(const char *in, size_t n, struct tally *file, struct tally *cat,
                     int *unchanged, char *buf, size_t cap)
{
	struct moat_request *r = web_begin("/fetch");
	struct moat_url_target t;
	int blocked = 0, internal = 0;

	if (!r)
		return 0;
	moat_request_add_input(r, MOAT_INPUT_QUERY, "url", in, n);
	if (timed_url(r, in, n, file, cat, &t) == MOAT_BLOCK)
		blocked = 1;
	internal |= url_internal(&t);
	if (!memmem(in, n, "://", 3) && n + 16 < cap) {
		memcpy(buf, "https://", 8);
		memcpy(buf + 8, in, n);
		memcpy(buf + 8 + n, "/status", 7);
		if (timed_url(r, buf, n + 15, file, cat, &t) == MOAT_BLOCK)
			blocked = 1;
		internal |= url_internal(&t);
	}
	moat_request_end(r);
	*unchanged = !internal;
	crs_query(buf, cap, "/fetch?url=", in, n, file, cat);
	return blocked;
}

/* A benign URL with its host, path segments and query values as inputs. */
static int url_operation(const char *op, size_t n, struct tally *file, struct tally *cat)
{
	struct moat_request *r = web_begin("/fetch");
	struct ma_weburl u;
	int v, k = 0;

	if (!r)
		return 0;
	if (ma_url_parse_web(op, n, NULL, &u) == 0 && u.host[0])
		moat_request_add_input(r, MOAT_INPUT_QUERY, "host", u.host, strlen(u.host));
	for (size_t i = 0; i < n && k < 32;) {
		size_t j = i;
		char name[16];
		while (j < n && op[j] != '/' && op[j] != '?' && op[j] != '&' && op[j] != '=' &&
		       op[j] != '#')
			j++;
		if (j > i && i > 0 && op[i - 1] != ':') {
			snprintf(name, sizeof name, "p%d", k++);
			moat_request_add_input(r, MOAT_INPUT_QUERY, name, op + i, j - i);
		}
		i = j + 1;
	}
	v = timed_url(r, op, n, file, cat, NULL);
	moat_request_end(r);
	{
		static char uri[16384]; /* a URL longer than 5 KB is not sent */
		crs_query(uri, sizeof uri, "/fetch?url=", op, n, file, cat);
	}
	return v == MOAT_BLOCK;
}

/* A WHATWG URL test: 1 when the parser agrees (same host, or both fail). */
static int url_parsing_case(json_t *j, struct tally *file, struct tally *cat)
{
	json_t *in = json_object_get(j, "input"), *base = json_object_get(j, "base");
	const char *want = json_string_value(json_object_get(j, "hostname"));
	int fail = json_is_true(json_object_get(j, "failure")), rc = -1;
	struct ma_weburl b, u;
	double t0 = now_ns(), dt;

	if (!json_is_string(in))
		return 0;
	if (json_is_string(base)) {
		if (ma_url_parse_web(json_string_value(base), json_string_length(base), NULL, &b) ==
		    0)
			rc =
			    ma_url_parse_web(json_string_value(in), json_string_length(in), &b, &u);
	} else {
		rc = ma_url_parse_web(json_string_value(in), json_string_length(in), NULL, &u);
	}
	dt = (now_ns() - t0) / 1000.0;
	samples_add(&file->ns, dt);
	samples_add(&cat->ns, dt);
	if (fail)
		return rc != 0;
	return rc == 0 && want && !strcmp(u.host, want);
}

/* ---- NoSQL ---- */

#define N_NOSQL_SINKS 6
static const char *const nosql_sinks[N_NOSQL_SINKS][2] = {
    {"{\"username\": \"", "\", \"active\": true}"},
    {"{username: '", "', active: true}"},
    {"{\"age\": ", ", \"active\": true}"},
    {"{\"$where\": \"this.username == '", "' && this.active\"}"},
    {"{\"$where\": \"this.username == \\\"", "\\\" && this.active\"}"},
    {"{\"$where\": \"this.age > ", " && this.active\"}"},
};

static int timed_nosql(struct moat_request *r, const char *q, size_t n, struct tally *file,
                       struct tally *cat)
{
	double t0 = now_ns();
	int v = moat_check_nosql(r, q, n);

	tally_check(file, cat, t0);
	return v;
}

/* in as the inside of a JSON string (out: at least 6 n bytes). */
static size_t json_escape(const char *in, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20) {
			memcpy(out + o, "\\u00", 4);
			out[o + 4] = hex[c >> 4];
			out[o + 5] = hex[c & 15];
			o += 6;
		} else {
			out[o++] = (char)c;
		}
	}
	return o;
}

/* The input as a parsed value: JSON, or a qs key "[$op]=v" /
 * "[$op]v". Returns a new reference or NULL. */
static json_t *nosql_parsed(const char *in, size_t n)
{
	json_t *v = json_loadb(in, n, JSON_DECODE_ANY, NULL);
	const char *close, *eq;

	if (v)
		return v;
	if (n > 3 && in[0] == '[' && (close = memchr(in, ']', n)) != NULL) {
		size_t kl = (size_t)(close - in) - 1;
		char key[128];
		if (kl == 0 || kl >= sizeof key)
			return NULL;
		memcpy(key, in + 1, kl);
		key[kl] = '\0';
		eq = close + 1;
		if (eq < in + n && *eq == '=')
			eq++;
		return json_pack("{s:s%}", key, eq, (size_t)(in + n - eq));
	}
	return NULL;
}

/* 1 when in[0..n) is a number as a user types one in a number field
 * (JSON's grammar: -12, 3.5, 1e3). */
static int is_number(const char *in, size_t n)
{
	size_t i = 0, d = 0;

	if (i < n && in[i] == '-')
		i++;
	while (i < n && in[i] >= '0' && in[i] <= '9')
		i++, d++;
	if (i < n && in[i] == '.')
		for (i++; i < n && in[i] >= '0' && in[i] <= '9'; i++)
			d++;
	if (d && i < n && (in[i] == 'e' || in[i] == 'E')) {
		size_t e = 0;
		if (++i < n && (in[i] == '+' || in[i] == '-'))
			i++;
		while (i < n && in[i] >= '0' && in[i] <= '9')
			i++, e++;
		if (!e)
			return 0;
	}
	return d && i == n;
}

static int bench_benign; /* the input is benign-user-input (see nosql_input) */

/* An input through the NoSQL sinks: 1 if any blocks. The two sinks where
 * the value stands as a number (a JSON number, a number in $where's
 * JavaScript) are the field a user fills with a number (age, count, price):
 * an attack input goes there whatever it is, a benign input only when it is
 * a number -- an ordinary user does not type "I <3 <3" in an age field, and
 * the corpus README's NoSQL sinks (a string value, the parsed JSON value)
 * do not include them. */
static int nosql_input(const char *in, size_t n, struct tally *file, struct tally *cat,
                       int *unchanged, char *buf, size_t cap)
{
	struct moat_request *r = web_begin("/login");
	int blocked = 0, changed = 0;
	json_t *pv;

	if (!r)
		return 0;
	moat_request_add_input(r, MOAT_INPUT_JSON, "username", in, n);
	for (int s = 0; s < N_NOSQL_SINKS; s++) {
		size_t l0 = strlen(nosql_sinks[s][0]), l1 = strlen(nosql_sinks[s][1]), m = n;
		if (l0 + 6 * n + l1 > cap)
			continue;
		if (bench_benign && (s == 2 || s == 5) && !is_number(in, n))
			continue;
		memcpy(buf, nosql_sinks[s][0], l0);
		if (s < 3)
			memcpy(buf + l0, in, n); /* document text glued together */
		else
			m = json_escape(in, n, buf + l0); /* $where code, the document encoded */
		memcpy(buf + l0 + m, nosql_sinks[s][1], l1);
		if (timed_nosql(r, buf, l0 + m + l1, file, cat) == MOAT_BLOCK)
			blocked = 1;
		if (ma_nosql_changes(buf, l0 + m + l1, in, n))
			changed = 1;
	}
	moat_request_end(r);
	pv = nosql_parsed(in, n);
	if (pv && (json_is_object(pv) || json_is_array(pv))) {
		/* the application got an object where it expected a string */
		json_t *body = json_pack("{sO}", "username", pv);
		json_t *q = json_pack("{sOsb}", "username", pv, "active", 1);
		char *bt = body ? json_dumps(body, JSON_COMPACT) : NULL;
		char *qt = q ? json_dumps(q, JSON_COMPACT) : NULL;
		r = web_begin("/login");
		if (r && bt && qt) {
			moat_request_add_json(r, bt, strlen(bt));
			if (timed_nosql(r, qt, strlen(qt), file, cat) == MOAT_BLOCK)
				blocked = 1;
			changed = 1;
		}
		moat_request_end(r);
		free(bt);
		free(qt);
		json_decref(body);
		json_decref(q);
	}
	json_decref(pv);
	*unchanged = !changed;
	crs_query(buf, cap, "/login?username=", in, n, file, cat);
	return blocked;
}
