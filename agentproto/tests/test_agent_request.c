/* libmoatagent: the request context — the denylist at begin, the policy's
 * modes and exclusions per parameter, the event a fired check makes (and
 * queues with the agent), JSON bodies by path, inputs by reference, no
 * allocation on the path where nothing fires, failed allocations, and
 * many requests at once. */
#include "agent_test.h"
#include "agent_url_ref.h"

#include <pthread.h>

static const struct moat_policy *policy(const char *doc)
{
	char err[200];
	const struct moat_policy *p = moat_policy_parse(doc, 3, err, sizeof err);
	if (!p)
		fail_msg("policy: %s", err);
	return p;
}

#define SQLI_BLOCK "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}"
#define ATTACK     "' OR '1'='1"
#define SQL_ATTACK "SELECT * FROM t WHERE name = '' OR '1'='1' LIMIT 5"

static struct moat_request *begin(const struct moat_policy *p, const char *ip, const char *user,
                                  int expect)
{
	struct moat_request_info ri = {.method = "POST",
	                               .endpoint = "/api/login",
	                               .source_ip = ip,
	                               .user_id = user,
	                               .policy = p};
	struct moat_request *r = NULL;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), expect);
	assert_non_null(r);
	return r;
}

static void the_denylist_blocks_at_request_start(void **state)
{
	const struct moat_policy *p =
	    policy("{\"interceptors\":{},\"denylist\":{\"ips\":[{\"value\":\"203.0.113.0/24\"}],"
	           "\"users\":[{\"value\":\"user-4711\"}]}}");

	(void)state;
	moat_request_end(begin(p, "203.0.113.9", NULL, MOAT_BLOCK));
	moat_request_end(begin(p, "198.51.100.1", "user-4711", MOAT_BLOCK));
	moat_request_end(begin(p, "198.51.100.1", "user-1", MOAT_ALLOW));
	moat_policy_release(p);
}

static void a_fired_check_makes_one_event_with_where_it_happened(void **state)
{
	const struct moat_policy *p = policy(SQLI_BLOCK);
	struct moat_request *r = begin(p, "192.0.2.7", NULL, MOAT_ALLOW);
	const struct moat_event *ev;
	int line;

	(void)state;
	moat_request_add_input(r, MOAT_INPUT_FORM, "name", ATTACK, strlen(ATTACK));
	line = __LINE__ + 1;
	assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, SQL_ATTACK, (size_t)-1), MOAT_BLOCK);
	ev = moat_request_event(r);
	assert_non_null(ev);
	assert_string_equal(ev->interceptor, "sql_injection");
	assert_string_equal(ev->action, "blocked");
	assert_string_equal(ev->severity, "high");
	assert_string_equal(ev->rule, "sqli.boolean");
	assert_true(ev->confidence > 0.5 && ev->confidence <= 1);
	assert_string_equal(ev->payload, ATTACK);
	assert_string_equal(ev->operation, SQL_ATTACK);
	assert_string_equal(ev->source_ip, "192.0.2.7");
	assert_string_equal(ev->method, "POST");
	assert_string_equal(ev->endpoint, "/api/login");
	assert_non_null(strstr(ev->file, "test_agent_request.c"));
	assert_int_equal(ev->line, line);
	assert_string_equal(ev->function, "a_fired_check_makes_one_event_with_where_it_happened");
	assert_non_null(strstr(ev->details_json, "\"parameter\":\"body.name\""));
	assert_non_null(strstr(ev->details_json, "\"input_kind\":\"form\""));
	assert_non_null(strstr(ev->details_json, "\"dialect\":\"sqlite\""));
	assert_int_equal(moat_request_findings(r), 1);
	/* the event is one the server accepts */
	{
		char *json = NULL, reason[200] = "", id[MA_UUID_LEN];
		size_t len;
		assert_int_equal(
		    ma_event_encode(ev, ma_now_ms(), &json, &len, id, reason, sizeof reason), 0);
		free(json);
	}
	moat_request_end(r);
	moat_policy_release(p);
}

static int verdict_under(const char *doc, const char *param_kind_name, const char **action)
{
	const struct moat_policy *p = doc ? policy(doc) : NULL;
	struct moat_request_info ri = {
	    .endpoint = "/cms/page", .source_ip = "10.1.2.3", .policy = p};
	struct moat_request *r;
	const struct moat_event *ev;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_add_input(r, MOAT_INPUT_QUERY, param_kind_name, ATTACK, strlen(ATTACK));
	v = moat_check_sql(r, MOAT_SQL_SQLITE, SQL_ATTACK, strlen(SQL_ATTACK));
	ev = moat_request_event(r);
	*action = ev ? (strcmp(ev->action, "blocked") == 0 ? "blocked" : "logged") : "none";
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* The event's details are written as json_dumps(JSON_COMPACT |
 * JSON_ENSURE_ASCII) writes the same object, byte for byte (quotes,
 * backslashes, controls, non-ASCII as \uXXXX, surrogate pairs); a
 * parameter name that is not UTF-8 is kept with its bad bytes as U+FFFD
 * (json_string refused it, and the event lost its parameter). */
static void event_details_are_the_json_jansson_writes(void **state)
{
	static const struct {
		const char *name, *as_utf8;
	} names[] = {
	    {"url", "url"},
	    {"q\"uote\\back/slash", "q\"uote\\back/slash"},
	    {"tab\there\nnl\r\b\f\x01\x1f\x7f", "tab\there\nnl\r\b\f\x01\x1f\x7f"},
	    {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	     "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"},
	    {"bad\xff\xc3name\xed\xa0\x80",
	     "bad\xef\xbf\xbd\xef\xbf\xbdname\xef\xbf\xbd\xef\xbf\xbd"
	     "\xef\xbf\xbd"},
	};
	const struct moat_policy *p = policy("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}");
	const char *url = "http://127.0.0.1:6379/";

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct moat_request *r = begin(p, NULL, NULL, MOAT_ALLOW);
		char param[128];
		json_t *want;
		char *ws;
		snprintf(param, sizeof param, "body.%s", names[i].as_utf8);
		want = json_pack("{ssssssssss}", "parameter", param, "input_kind", "form",
		                 "decoding", "raw", "host", "127.0.0.1", "mode", "block");
		assert_non_null(want);
		ws = json_dumps(want, JSON_COMPACT | JSON_ENSURE_ASCII);
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_FORM, names[i].name, url, strlen(url)), 0);
		assert_int_equal(moat_check_url(r, url, strlen(url), NULL), MOAT_BLOCK);
		assert_non_null(moat_request_event(r));
		assert_string_equal(moat_request_event(r)->details_json, ws);
		assert_string_equal(moat_request_event(r)->operation, url);
		free(ws);
		json_decref(want);
		moat_request_end(r);
	}
	moat_policy_release(p);
}

static void the_policy_decides_modes_and_exclusions(void **state)
{
	const char *action;

	(void)state;
	assert_int_equal(verdict_under(SQLI_BLOCK, "q", &action), MOAT_BLOCK);
	assert_string_equal(action, "blocked");
	assert_int_equal(
	    verdict_under("{\"interceptors\":{\"sql_injection\":{\"mode\":\"monitor\"}}}", "q",
	                  &action),
	    MOAT_ALLOW);
	assert_string_equal(action, "logged");
	assert_int_equal(verdict_under("{\"interceptors\":{\"sql_injection\":{\"mode\":\"off\"}}}",
	                               "q", &action),
	                 MOAT_ALLOW);
	assert_string_equal(action, "none");
	/* no policy yet: monitor, the server's safe default */
	assert_int_equal(verdict_under(NULL, "q", &action), MOAT_ALLOW);
	assert_string_equal(action, "logged");
	/* exclusions: by parameter, endpoint glob and source CIDR */
	assert_int_equal(verdict_under("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}},"
	                               "\"exclusions\":[{\"interceptor\":\"sql_injection\","
	                               "\"endpoint\":\"/cms/*\",\"parameter\":\"query.q\"}]}",
	                               "q", &action),
	                 MOAT_ALLOW);
	assert_string_equal(action, "none");
	assert_int_equal(verdict_under("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}},"
	                               "\"exclusions\":[{\"interceptor\":\"sql_injection\","
	                               "\"endpoint\":\"/cms/*\",\"parameter\":\"query.q\"}]}",
	                               "other", &action),
	                 MOAT_BLOCK);
	assert_int_equal(verdict_under("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}},"
	                               "\"exclusions\":[{\"interceptor\":\"sql_injection\","
	                               "\"source\":\"10.0.0.0/8\",\"on_match\":\"monitor\"}]}",
	                               "q", &action),
	                 MOAT_ALLOW);
	assert_string_equal(action, "logged");
}

static void json_bodies_are_inputs_by_path(void **state)
{
	const struct moat_policy *p = policy(SQLI_BLOCK);
	struct moat_request *r = begin(p, NULL, NULL, MOAT_ALLOW);
	const char *body =
	    "{\"user\":{\"name\":\"' OR '1'='1\",\"age\":7},\"tags\":[\"a\",\"b c\"]}";

	(void)state;
	assert_int_equal(moat_request_add_json(r, body, strlen(body)), 0);
	assert_int_equal(moat_request_input_count(r), 6); /* 4 values, the object and the array */
	assert_int_equal(moat_check_sql(r, MOAT_SQL_MYSQL, SQL_ATTACK, strlen(SQL_ATTACK)),
	                 MOAT_BLOCK);
	assert_non_null(strstr(moat_request_event(r)->details_json, "\"body.user.name\""));
	assert_int_equal(moat_request_add_json(r, "{nope", 5), MOAT_AGENT_EINVAL);
	assert_int_equal(moat_request_add_input(r, 99, "x", "y", 1), MOAT_AGENT_EINVAL);
	moat_request_end(r);
	moat_policy_release(p);
}

/* A C application pastes a value with %s: what reaches the operation ends
 * at the first NUL the value carries (a query's %00), and so does the
 * input the check looks for (issue 12: wapiti's ../../etc/passwd%00, and
 * any attack with %00 after it, got through the shop in block mode). */
static void an_input_with_a_nul_is_found_up_to_it(void **state)
{
	const struct moat_policy *p =
	    policy("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	           "\"path_traversal\":{\"mode\":\"block\"}}}");
	static const char sqli[] = ATTACK "\0.jpg";              /* the NUL and what follows */
	static const char sqli_url[] = "%27 OR %271%27=%271%00"; /* decoded: ends at the NUL */
	static const char path[] = "../../etc/passwd\0";
	struct moat_request *r;

	(void)state;
	r = begin(p, NULL, NULL, MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", sqli, sizeof sqli - 1),
	                 0);
	assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, SQL_ATTACK, strlen(SQL_ATTACK)),
	                 MOAT_BLOCK);
	assert_non_null(strstr(moat_request_event(r)->details_json, "\"decoding\":\"cstr\""));
	moat_request_end(r);

	r = begin(p, NULL, NULL, MOAT_ALLOW);
	assert_int_equal(
	    moat_request_add_input(r, MOAT_INPUT_QUERY, "q", sqli_url, strlen(sqli_url)), 0);
	assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, SQL_ATTACK, strlen(SQL_ATTACK)),
	                 MOAT_BLOCK);
	assert_non_null(strstr(moat_request_event(r)->details_json, "\"decoding\":\"url_cstr\""));
	moat_request_end(r);

	r = begin(p, NULL, NULL, MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "file", path, sizeof path - 1),
	                 0);
	assert_int_equal(moat_check_path(r, "/srv/shop/invoices/../../etc/passwd", (size_t)-1,
	                                 "/srv/shop/invoices", 0),
	                 MOAT_BLOCK);
	moat_request_end(r);

	/* a value that is only its NUL finds nothing to look for */
	r = begin(p, NULL, NULL, MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "\0", 1), 0);
	assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, "SELECT 1", 8), MOAT_ALLOW);
	moat_request_end(r);
	moat_policy_release(p);
}

static void header_names_are_lowercased(void **state)
{
	const struct moat_policy *p = policy(SQLI_BLOCK);
	struct moat_request *r = begin(p, NULL, NULL, MOAT_ALLOW);

	(void)state;
	moat_request_add_input(r, MOAT_INPUT_HEADER, "X-Forwarded-For", ATTACK, strlen(ATTACK));
	assert_int_equal(moat_check_sql(r, MOAT_SQL_MYSQL, SQL_ATTACK, strlen(SQL_ATTACK)),
	                 MOAT_BLOCK);
	assert_non_null(strstr(moat_request_event(r)->details_json, "\"header.x-forwarded-for\""));
	moat_request_end(r);
	moat_policy_release(p);
}

static void a_check_that_does_not_fire_allocates_nothing(void **state)
{
	const struct moat_policy *p = policy(SQLI_BLOCK);
	struct moat_request *r = begin(p, NULL, NULL, MOAT_ALLOW);
	const char *sql = "SELECT * FROM t WHERE name = 'O''Brien %27 x' AND id = 7";

	(void)state;
	moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "O''Brien %27 x", 14);
	moat_request_add_input(r, MOAT_INPUT_QUERY, "id", "7", 1);
	ma_alloc_fail_at(1);
	for (int d = 1; d <= 3; d++)
		assert_int_equal(moat_check_sql(r, d, sql, strlen(sql)), MOAT_ALLOW);
	assert_false(ma_alloc_failed());
	ma_alloc_fail_at(0);
	moat_request_end(r);
	moat_policy_release(p);
}

/* The scan's search (ma_find in ma_request.c) beside a naive one: every
 * place each form of an input occurs in a text, in order, on random texts
 * built of exact and near copies of the input (one byte changed, cut
 * short) over a two-letter alphabet, with inputs of 2 to 1100 bytes: the
 * memchr/memcmp loop, its budget and its two ways on past it (memmem, or
 * comparing on when few places are left) find the same places. */
struct found {
	size_t at[5000][2];
	int n;
};

static int record_place(void *ctx, size_t a, size_t b, struct ma_scan_hit *hit)
{
	struct found *f = ctx;

	(void)hit;
	if (f->n < 5000) {
		f->at[f->n][0] = a;
		f->at[f->n][1] = b;
	}
	f->n++;
	return 0;
}

static unsigned rnd_next(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

/* ma_url_decode beside a byte-at-a-time reading of the same rules (%XX,
 * %u00XX, '+' as a space, then C0/C1 overlong forms of ASCII) on random
 * inputs of 0-300 bytes over the bytes those rules look at: the decoder
 * passes the bytes before a '%' or '+' eight at a time. */
static void url_decoding_matches_a_byte_at_a_time_reading(void **state)
{
	static const unsigned char alpha[] = {'%',  '%',  '+',  '0',  '0',  '2',  '7',
	                                      'a',  'F',  'g',  'u',  'U',  'x',  ' ',
	                                      '\'', 0xC0, 0xC1, 0xA7, 0x80, 0xBF, 0};
	unsigned char in[300], want[300], got[300 + 8];
	unsigned seed = 99;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t n = rnd_next(&seed) % (round % 4 ? 40 : 300);
		unsigned dense = 1 + rnd_next(&seed) % 12;
		for (size_t i = 0; i < n; i++)
			in[i] = rnd_next(&seed) % dense
			            ? (unsigned char)('a' + rnd_next(&seed) % 26)
			            : alpha[rnd_next(&seed) % sizeof alpha];
		memset(got, 0x55, sizeof got);
		size_t wl = ref_url_decode(in, n, want);
		size_t gl = ma_url_decode((const char *)in, n, (char *)got);
		assert_int_equal(gl, wl);
		assert_memory_equal(got, want, wl);
		for (size_t i = n; i < sizeof got; i++)
			assert_int_equal(got[i], 0x55); /* nothing written past len */
	}
}

/* The places ma_request_scan gives for input v in text, beside every place
 * a naive search finds for each of v's forms. */
static void scan_matches_naive(const char *text, size_t tl, const char *v, size_t vl)
{
	static struct found got, want;
	struct moat_request_info ri = {.method = "GET", .endpoint = "/"};
	struct moat_request *r = NULL;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", v, vl), 0);
	struct ma_scan sc = {.interceptor = "sql_injection",
	                     .text = text,
	                     .len = tl,
	                     .max_occ = 100000,
	                     .analyse = record_place,
	                     .ctx = &got};
	got.n = want.n = 0;
	assert_int_equal(ma_request_scan(r, &sc), MOAT_ALLOW);
	size_t nin;
	const struct ma_input *in = ma_request_inputs(r, &nin);
	assert_int_equal(nin, 1);
	for (int k = 0; k < in[0].nforms; k++) {
		size_t fl = in[0].form_len[k];
		if (fl < 2 || fl > tl)
			continue;
		for (size_t a = 0; a + fl <= tl; a++)
			if (memcmp(text + a, in[0].form[k], fl) == 0) {
				if (want.n < 5000) {
					want.at[want.n][0] = a;
					want.at[want.n][1] = a + fl;
				}
				want.n++;
			}
	}
	/* no form found whole: each form's prefixes of more than 32 bytes
	 * cut where the text stops agreeing (ma_request_scan's MA_CUT_K,
	 * review25g), the next looked for after each */
	int whole = want.n;
	for (int k = 0; !whole && k < in[0].nforms; k++) {
		const char *f = in[0].form[k];
		size_t fl = in[0].form_len[k], a = 0;
		while (fl > 32 && a + 32 <= tl) {
			size_t m = 32;
			if (memcmp(text + a, f, 32) != 0) {
				a++;
				continue;
			}
			while (m < fl && a + m < tl && text[a + m] == f[m])
				m++;
			if (want.n < 5000) {
				want.at[want.n][0] = a;
				want.at[want.n][1] = a + m;
			}
			want.n++;
			a += m;
		}
	}
	assert_int_equal(got.n, want.n);
	assert_true(got.n <= 5000);
	assert_memory_equal(got.at, want.at, (size_t)got.n * sizeof got.at[0]);
	moat_request_end(r);
}

static void the_scan_finds_every_place_a_naive_search_finds(void **state)
{
	static char text[6000], v[1200];
	unsigned seed = 12345;

	(void)state;
	for (int round = 0; round < 300; round++) {
		size_t vl = 2 + rnd_next(&seed) % (round % 3 ? 40 : 1100), tl = 0;
		size_t cap = 1000 + rnd_next(&seed) % 4500;
		for (size_t i = 0; i < vl; i++)
			v[i] = rnd_next(&seed) % 8 ? 'a' : 'b';
		while (tl < cap) {
			unsigned what = rnd_next(&seed) % 8;
			size_t n = what < 6 ? vl : 1 + rnd_next(&seed) % vl;
			if (tl + n > cap)
				n = cap - tl;
			memcpy(text + tl, v, n);
			if (what >= 2 && what < 6 && n)
				text[tl + rnd_next(&seed) % n] ^= 3; /* 'a' <-> 'b' */
			if (what == 7 && n)
				text[tl + rnd_next(&seed) % n] = 'c';
			tl += n;
		}
		scan_matches_naive(text, tl, v, vl);
	}
}

/* An input whose first byte is everywhere in the text (so that the
 * search looks at the next places sixteen at a time for its first and
 * last bytes together): "aa...ab" of 2 to 40 bytes in texts of 'a' with
 * copies of it, or of it with one byte changed, at every distance from
 * each other and from the text's end (the last place it can start). */
static void an_input_whose_first_byte_is_everywhere_is_found(void **state)
{
	static char text[400], v[64];

	(void)state;
	for (size_t vl = 2; vl <= 40; vl += vl < 18 ? 1 : 11) {
		memset(v, 'a', vl);
		v[vl - 1] = 'b';
		for (size_t gap = 0; gap < 70; gap += 3)
			for (int change = 0; change < 3; change++) {
				size_t tl = 0;
				while (tl + vl + gap <= 300) {
					memset(text + tl, 'a', gap);
					tl += gap;
					memcpy(text + tl, v, vl);
					if (change == 1)
						text[tl + vl / 2] = 'c'; /* a middle byte */
					if (change == 2 && vl > 2)
						text[tl + 1] = 'c'; /* its second */
					tl += vl;
				}
				for (size_t cut = 0; cut < 20 && cut < tl; cut += 1)
					scan_matches_naive(text, tl - cut, v, vl);
			}
	}
}

/* The same for periodic inputs (a unit of 1 to 7 bytes repeated, 2 to
 * 1100 bytes: ";|&<>(;|&<>(...") in texts of their units, where v's start
 * agrees at every unit and its end only where v fits: runs of whole units
 * (overlapping occurrences), runs cut short or with their last, first or
 * a middle byte changed, and other bytes between them. */
static void a_periodic_input_is_found_at_every_place(void **state)
{
	static char text[6000], v[1200];
	unsigned seed = 777;

	(void)state;
	for (int round = 0; round < 200; round++) {
		size_t unit = 1 + rnd_next(&seed) % 7, tl = 0;
		size_t vl = 2 + rnd_next(&seed) % (round % 2 ? 30 : 1100);
		size_t cap = 500 + rnd_next(&seed) % 5000;
		char u[7];
		for (size_t i = 0; i < unit; i++)
			u[i] = "ab;|&<("[rnd_next(&seed) % 7];
		for (size_t i = 0; i < vl; i++)
			v[i] = u[i % unit];
		while (tl < cap) {
			unsigned what = rnd_next(&seed) % 6;
			size_t n = what < 2 ? vl + rnd_next(&seed) % (3 * unit + 1)
			                    : 1 + rnd_next(&seed) % (vl + unit);
			if (tl + n > cap)
				n = cap - tl;
			for (size_t i = 0; i < n; i++)
				text[tl + i] = u[i % unit];
			if (what == 2 && n)
				text[tl + n - 1] = 'x'; /* its last byte */
			if (what == 3 && n)
				text[tl] = 'x'; /* its first */
			if (what == 4 && n)
				text[tl + rnd_next(&seed) % n] = 'x';
			tl += n;
			if (what == 5 && tl < cap)
				text[tl++] = ' ';
		}
		scan_matches_naive(text, tl, v, vl);
	}
}

/* Inputs over two letters with periods of every kind ("abaab...",
 * "aabaa...", "abab...", none) in random texts of the same letters, where
 * occurrences overlap at every distance: every input of 2 to 12 bytes,
 * and random ones of 17 to 60 (past MA_FIND_SHORT: where the search steps
 * from two overlapping occurrences to the next, ma_find_next) built from
 * a unit of 1 to 9 bytes with a byte changed now and then. The search
 * finds what a naive search finds, no place skipped or added. */
static void check_overlaps(const char *v, size_t vl, unsigned *seed)
{
	static char text[400];

	for (int round = 0; round < 6; round++) {
		size_t tl = 20 + rnd_next(seed) % 380;
		size_t p = round % 2 ? vl : 1 + rnd_next(seed) % vl;
		unsigned dense = 2 + rnd_next(seed) % 40;
		/* v's first p bytes over and over, a byte changed now and then */
		for (size_t i = 0; i < tl; i++)
			text[i] = rnd_next(seed) % dense ? v[i % p] : 'a' + 'b' - v[i % p];
		scan_matches_naive(text, tl, v, vl);
	}
}

static void overlapping_occurrences_are_found_as_a_naive_search_finds(void **state)
{
	static char v[64];
	unsigned seed = 4242;

	(void)state;
	for (size_t vl = 2; vl <= 12; vl++)
		for (unsigned bits = 0; bits < 1u << vl; bits += vl < 9 ? 1 : 7) {
			for (size_t i = 0; i < vl; i++)
				v[i] = bits >> i & 1 ? 'b' : 'a';
			check_overlaps(v, vl, &seed);
		}
	for (int round = 0; round < 3000; round++) {
		size_t vl = 17 + rnd_next(&seed) % 44, unit = 1 + rnd_next(&seed) % 9;
		unsigned bits = rnd_next(&seed), changes = rnd_next(&seed) % 3;
		for (size_t i = 0; i < vl; i++)
			v[i] = bits >> (i % unit) & 1 ? 'b' : 'a';
		for (unsigned k = 0; k < changes; k++)
			v[rnd_next(&seed) % vl] ^= 3; /* 'a' <-> 'b' */
		check_overlaps(v, vl, &seed);
	}
}

/* An input added by reference is the caller's bytes, not a copy: the
 * event's payload is the caller's pointer, a request of many long values
 * allocates nothing after begin (copied, 15 values of 1 KB overflow the
 * request's own 2 KB), and a borrowed value is found as a copied one. */
static void inputs_by_reference_are_not_copied(void **state)
{
	const struct moat_policy *p = policy(SQLI_BLOCK);
	struct moat_request *r = begin(p, NULL, NULL, MOAT_ALLOW);
	static char longv[15][1025];
	char attack[] = ATTACK;

	(void)state;
	for (int i = 0; i < 15; i++) {
		memset(longv[i], 'a' + i, 1024);
		longv[i][1024] = '\0';
	}
	ma_alloc_fail_at(1);
	for (int i = 0; i < 15; i++)
		assert_int_equal(
		    moat_request_add_input_ref(r, MOAT_INPUT_HEADER, "X-Long", longv[i], 1024), 0);
	assert_int_equal(
	    moat_request_add_input_ref(r, MOAT_INPUT_QUERY, "q", attack, strlen(attack)), 0);
	assert_false(ma_alloc_failed());
	ma_alloc_fail_at(0);
	assert_int_equal(moat_request_input_count(r), 16);
	assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, SQL_ATTACK, strlen(SQL_ATTACK)),
	                 MOAT_BLOCK);
	assert_ptr_equal(moat_request_event(r)->payload, attack);
	assert_non_null(strstr(moat_request_event(r)->details_json, "\"query.q\""));
	moat_request_end(r);
	assert_int_equal(moat_request_add_input_ref(NULL, MOAT_INPUT_QUERY, "q", "x", 1), 0);
	r = begin(p, NULL, NULL, MOAT_ALLOW);
	assert_int_equal(moat_request_add_input_ref(r, 99, "q", "x", 1), MOAT_AGENT_EINVAL);
	assert_int_equal(moat_request_add_input_ref(r, MOAT_INPUT_QUERY, "q", NULL, 1),
	                 MOAT_AGENT_EINVAL);
	assert_int_equal(moat_request_input_count(r), 0);
	moat_request_end(r);
	moat_policy_release(p);
}

/* The same value added by reference and copied gives the same verdict and
 * the same event (decodings url, url2, html, their forms cut at a NUL,
 * header names lowercased, values that are not UTF-8) in every check. */
static void inputs_by_reference_are_checked_as_copies(void **state)
{
	static const struct {
		int kind;
		const char *name, *value;
		size_t len;
	} cases[] = {
	    {MOAT_INPUT_QUERY, "q", ATTACK, sizeof ATTACK - 1},
	    {MOAT_INPUT_QUERY, "q", "%27 OR %271%27=%271", 19},
	    {MOAT_INPUT_QUERY, "q", "%2527+OR+%25271%2527%3D%25271", 29},
	    {MOAT_INPUT_FORM, "q", "&#39; OR &#39;1&#39;=&#39;1", 27},
	    {MOAT_INPUT_QUERY, "q", "' OR '1'='1\0tail", 16},
	    {MOAT_INPUT_QUERY, "q", "%27 OR %271%27=%271%00tail", 26},
	    {MOAT_INPUT_HEADER, "X-Forwarded-For", ATTACK, sizeof ATTACK - 1},
	    {MOAT_INPUT_COOKIE, "s\xff\xc3id", "' OR '1'='1\xff", 12},
	    {MOAT_INPUT_QUERY, "url", "http://127.0.0.1:6379/", 22},
	    {MOAT_INPUT_QUERY, "file", "../../etc/passwd", 16},
	    {MOAT_INPUT_QUERY, "q", "plain_Word7", 11},
	    {MOAT_INPUT_QUERY, NULL, "", 0},
	};
	static const char *const ops[] = {SQL_ATTACK, "http://127.0.0.1:6379/",
	                                  "/srv/shop/invoices/../../etc/passwd"};
	const struct moat_policy *p =
	    policy("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	           "\"ssrf\":{\"mode\":\"block\"},"
	           "\"path_traversal\":{\"mode\":\"block\"}}}");

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
			struct moat_request *rc = begin(p, NULL, NULL, MOAT_ALLOW);
			struct moat_request *rr = begin(p, NULL, NULL, MOAT_ALLOW);
			char *v = malloc(cases[i].len + 1);
			int vc, vr;
			assert_non_null(v);
			memcpy(v, cases[i].value, cases[i].len);
			v[cases[i].len] = '\0';
			assert_int_equal(moat_request_add_input(rc, cases[i].kind, cases[i].name,
			                                        cases[i].value, cases[i].len),
			                 0);
			assert_int_equal(moat_request_add_input_ref(rr, cases[i].kind,
			                                            cases[i].name, v, cases[i].len),
			                 0);
			if (o == 0) {
				vc = moat_check_sql(rc, MOAT_SQL_SQLITE, ops[o], strlen(ops[o]));
				vr = moat_check_sql(rr, MOAT_SQL_SQLITE, ops[o], strlen(ops[o]));
			} else if (o == 1) {
				vc = moat_check_url(rc, ops[o], strlen(ops[o]), NULL);
				vr = moat_check_url(rr, ops[o], strlen(ops[o]), NULL);
			} else {
				vc = moat_check_path(rc, ops[o], (size_t)-1, "/srv/shop/invoices",
				                     0);
				vr = moat_check_path(rr, ops[o], (size_t)-1, "/srv/shop/invoices",
				                     0);
			}
			assert_int_equal(vr, vc);
			if (moat_request_event(rc)) {
				assert_non_null(moat_request_event(rr));
				assert_string_equal(moat_request_event(rr)->details_json,
				                    moat_request_event(rc)->details_json);
				assert_string_equal(moat_request_event(rr)->payload,
				                    moat_request_event(rc)->payload);
			} else {
				assert_null(moat_request_event(rr));
			}
			moat_request_end(rc);
			moat_request_end(rr);
			free(v);
		}
	}
	moat_policy_release(p);
}

static void failed_allocations_fail_open(void **state)
{
	const struct moat_policy *p = policy(SQLI_BLOCK);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/x", .policy = p};

	(void)state;
	for (long n = 1; n < 20; n++) {
		struct moat_request *r = NULL;
		int rc;
		ma_alloc_fail_at(n);
		rc = moat_request_begin(NULL, &ri, &r);
		if (rc == MOAT_AGENT_ENOMEM) {
			assert_null(r);
			/* every call takes a NULL request and allows */
			assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "x", 1),
			                 0);
			assert_int_equal(moat_check_sql(r, MOAT_SQL_MYSQL, SQL_ATTACK, (size_t)-1),
			                 MOAT_ALLOW);
			continue;
		}
		rc = moat_request_add_input(r, MOAT_INPUT_QUERY, "q", ATTACK, strlen(ATTACK));
		assert_true(rc == 0 || rc == MOAT_AGENT_ENOMEM);
		/* a finding that cannot allocate its copies still blocks */
		if (rc == 0)
			assert_int_equal(moat_check_sql(r, MOAT_SQL_MYSQL, SQL_ATTACK, (size_t)-1),
			                 MOAT_BLOCK);
		moat_request_end(r);
		ma_alloc_fail_at(0);
	}
	ma_alloc_fail_at(0);
	moat_policy_release(p);
}

static void events_are_queued_with_the_agent(void **state)
{
	struct moat_agent_config cfg = {.url = "ws://127.0.0.1:1/v1/agent",
	                                .token = "moat_agt_x",
	                                .environment = "production",
	                                .agent_id = "t-1"};
	struct moat_agent *a = moat_agent_new(&cfg, NULL, 0);
	const struct moat_policy *p = policy(SQLI_BLOCK);
	struct moat_request_info ri = {.endpoint = "/x", .source_ip = "192.0.2.1", .policy = p};
	struct moat_request *r;
	struct moat_agent_stats st;

	(void)state;
	assert_non_null(a);
	assert_int_equal(moat_request_begin(a, &ri, &r), MOAT_ALLOW);
	moat_request_add_input(r, MOAT_INPUT_COOKIE, "sid", ATTACK, strlen(ATTACK));
	assert_int_equal(moat_check_sql(r, MOAT_SQL_MYSQL, SQL_ATTACK, strlen(SQL_ATTACK)),
	                 MOAT_BLOCK);
	moat_request_end(r);
	moat_agent_stats(a, &st);
	assert_int_equal(st.queued, 1);
	assert_int_equal(st.invalid, 0);
	moat_policy_release(p);
	moat_agent_free(a);
}

struct worker {
	const struct moat_policy *p;
	int errors;
};

static void *worker_run(void *arg)
{
	struct worker *w = arg;

	for (int i = 0; i < 2000; i++) {
		struct moat_request_info ri = {.endpoint = "/x", .policy = w->p};
		struct moat_request *r;
		const char *in = i % 2 ? ATTACK : "plain text, fine";
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT * FROM t WHERE name = '%s' LIMIT 5", in);
		if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW) {
			w->errors++;
			continue;
		}
		moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, strlen(in));
		if (moat_check_sql(r, MOAT_SQL_MYSQL, sql, strlen(sql)) !=
		    (i % 2 ? MOAT_BLOCK : MOAT_ALLOW))
			w->errors++;
		moat_request_end(r);
	}
	return NULL;
}

static void many_requests_run_at_once_on_one_policy(void **state)
{
	struct worker w[4];
	pthread_t th[4];
	const struct moat_policy *p = policy(SQLI_BLOCK);

	(void)state;
	for (int i = 0; i < 4; i++) {
		w[i].p = p;
		w[i].errors = 0;
		assert_int_equal(pthread_create(&th[i], NULL, worker_run, &w[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(w[i].errors, 0);
	}
	moat_policy_release(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_denylist_blocks_at_request_start),
	    cmocka_unit_test(a_fired_check_makes_one_event_with_where_it_happened),
	    cmocka_unit_test(event_details_are_the_json_jansson_writes),
	    cmocka_unit_test(the_policy_decides_modes_and_exclusions),
	    cmocka_unit_test(json_bodies_are_inputs_by_path),
	    cmocka_unit_test(an_input_with_a_nul_is_found_up_to_it),
	    cmocka_unit_test(header_names_are_lowercased),
	    cmocka_unit_test(a_check_that_does_not_fire_allocates_nothing),
	    cmocka_unit_test(the_scan_finds_every_place_a_naive_search_finds),
	    cmocka_unit_test(a_periodic_input_is_found_at_every_place),
	    cmocka_unit_test(overlapping_occurrences_are_found_as_a_naive_search_finds),
	    cmocka_unit_test(an_input_whose_first_byte_is_everywhere_is_found),
	    cmocka_unit_test(url_decoding_matches_a_byte_at_a_time_reading),
	    cmocka_unit_test(inputs_by_reference_are_not_copied),
	    cmocka_unit_test(inputs_by_reference_are_checked_as_copies),
	    cmocka_unit_test(failed_allocations_fail_open),
	    cmocka_unit_test(events_are_queued_with_the_agent),
	    cmocka_unit_test(many_requests_run_at_once_on_one_policy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
