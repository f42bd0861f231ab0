/*
 * Unit tests for event search: the pure helpers of event_query.c (cursor,
 * FTS5 escaping, CSV cells, address filters, times) and, on a real
 * database, every search driver of store_event_query.c: the right rows,
 * newest first, through the index it should use, with no sort where the
 * index gives the order; keyset pages; statistics; triage. Each store
 * test runs on SQLite, then on PostgreSQL (MOAT_TEST_PG, issue 13), and
 * one compares the two engines' statistics, groups and impact answers
 * for the same events.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "err.h"
#include "event.h"
#include "event_query.h"
#include "policy.h"
#include "store.h"
#include "unit_db.h"

/* ---- cursor ---- */

static void a_cursor_round_trips_and_is_base64url_of_ts_colon_id(void **state)
{
	char c[EVENT_QUERY_CURSOR_MAX];
	int64_t ts, id;

	(void)state;
	event_query_cursor_encode(1795669512120LL, 42, c);
	assert_string_equal(c, "MTc5NTY2OTUxMjEyMDo0Mg"); /* base64url("1795669512120:42") */
	assert_int_equal(event_query_cursor_decode(c, &ts, &id), MOAT_OK);
	assert_int_equal(ts, 1795669512120LL);
	assert_int_equal(id, 42);
	for (int64_t t = 0; t < 3000000000000LL; t += 123456789011LL)
		for (int64_t i = 1; i < 100000000; i *= 7) {
			event_query_cursor_encode(t, i, c);
			assert_int_equal(event_query_cursor_decode(c, &ts, &id), MOAT_OK);
			assert_int_equal(ts, t);
			assert_int_equal(id, i);
			assert_null(strpbrk(c, "+/="));
		}
}

static void a_cursor_that_was_not_made_by_the_server_is_refused(void **state)
{
	static const char *const bad[] = {
	    "",
	    "x",
	    "MTc5NTY2OTUxMjEyMDo0Mg==",     /* padding */
	    "MTc5NTY2OTUxMjEyMDo0Mh",       /* non-zero unused bits */
	    "MTc5NTY2OTUxMjEyMDo0M+",       /* not base64url */
	    "MTIz",                         /* "123": no colon */
	    "LTE6Mg",                       /* "-1:2" */
	    "MTo",                          /* "1:" */
	    "OjI",                          /* ":2" */
	    "MDE6Mg",                       /* "01:2": not canonical */
	    "MToyOjM",                      /* "1:2:3" */
	    "OTk5OTk5OTk5OTk5OTk5OTk5OTox", /* too many digits */
	    "MToyAA",                       /* a NUL byte inside */
	    "' OR 1=1 --",
	};
	int64_t ts, id;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(event_query_cursor_decode(bad[i], &ts, &id), MOAT_EINVALID);
}

/* ---- free text ---- */

static void free_text_becomes_quoted_fts5_strings_and_never_syntax(void **state)
{
	static const struct {
		const char *in, *out;
		int terms;
	} cases[] = {
	    {"select", "\"select\"", 1},
	    {"  union   select\t", "\"union\" \"select\"", 2},
	    {"' OR 1=1 --", "\"'\" \"OR\" \"1=1\" \"--\"", 4},
	    {"a\"b", "\"a\"\"b\"", 1},
	    {"\"", "\"\"\"\"", 1},
	    {"NEAR(a b) AND c* ^d", "\"NEAR(a\" \"b)\" \"AND\" \"c*\" \"^d\"", 5},
	    {"col:x", "\"col:x\"", 1},
	    {"!!!", "\"!!!\"", 1},
	    {"", "", 0},
	    {" \t ", "", 0},
	};
	char out[EVENT_QUERY_FTS_MAX];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(event_query_fts(cases[i].in, out, sizeof out), cases[i].terms);
		assert_string_equal(out, cases[i].out);
	}
}

static void free_text_over_the_limits_is_refused_and_never_overflows(void **state)
{
	char in[EVENT_QUERY_TEXT_MAX + 2], out[EVENT_QUERY_FTS_MAX], small[8];

	(void)state;
	memset(in, '"', EVENT_QUERY_TEXT_MAX);
	in[EVENT_QUERY_TEXT_MAX] = '\0';
	/* the worst case fits: every byte a quote, doubled */
	assert_int_equal(event_query_fts(in, out, sizeof out), 1);
	assert_int_equal(strlen(out), 2 * EVENT_QUERY_TEXT_MAX + 2);
	in[EVENT_QUERY_TEXT_MAX] = 'x';
	in[EVENT_QUERY_TEXT_MAX + 1] = '\0';
	assert_int_equal(event_query_fts(in, out, sizeof out), MOAT_EINVALID);
	for (int i = 0; i < 2 * (EVENT_QUERY_TERMS_MAX + 1); i += 2) {
		in[i] = 'a';
		in[i + 1] = ' ';
	}
	in[2 * (EVENT_QUERY_TERMS_MAX + 1)] = '\0';
	assert_int_equal(event_query_fts(in, out, sizeof out), MOAT_EINVALID);
	assert_int_equal(event_query_fts("abcdefgh", small, sizeof small), MOAT_EINVALID);
}

/* ---- CSV ---- */

static const char *csv(const char *s)
{
	static struct buf b;

	buf_cleanup(&b);
	buf_init(&b, 1 << 16);
	assert_int_equal(event_query_csv_cell(&b, s, strlen(s)), MOAT_OK);
	return b.data ? b.data : "";
}

static void csv_cells_are_quoted_per_rfc_4180(void **state)
{
	(void)state;
	assert_string_equal(csv("plain text"), "plain text");
	assert_string_equal(csv(""), "");
	assert_string_equal(csv("a,b"), "\"a,b\"");
	assert_string_equal(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_string_equal(csv("\""), "\"\"\"\"");
	assert_string_equal(csv("line1\nline2"), "\"line1\nline2\"");
	assert_string_equal(csv("a\r\nb"), "\"a\r\nb\"");
	assert_string_equal(csv("' OR 1=1 --"), "' OR 1=1 --");
	assert_string_equal(csv("caf\xc3\xa9"), "caf\xc3\xa9");
}

static void csv_cells_that_a_spreadsheet_would_run_get_a_leading_quote(void **state)
{
	(void)state;
	assert_string_equal(csv("=1+1"), "'=1+1");
	assert_string_equal(csv("+1"), "'+1");
	assert_string_equal(csv("-2"), "'-2");
	assert_string_equal(csv("@SUM(A1)"), "'@SUM(A1)");
	assert_string_equal(csv("\tx"), "'\tx");
	assert_string_equal(csv("\rx"), "\"'\rx\"");
	assert_string_equal(csv("=HYPERLINK(\"http://x\",\"y\")"),
	                    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	assert_string_equal(csv("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
	assert_string_equal(csv("a=1"), "a=1");
	csv(""); /* leaves the static buffer empty */
	{
		struct buf b;
		buf_init(&b, 4);
		assert_int_equal(event_query_csv_cell(&b, "a,bcdef", 7), MOAT_ETOOBIG);
		buf_cleanup(&b);
	}
}

/* ---- addresses ---- */

static void addresses_and_networks_parse_to_a_filter(void **state)
{
	struct event_cidr c;
	char canon[64];

	(void)state;
	assert_int_equal(event_query_addr_parse("203.0.113.9", &c, canon), 0);
	assert_string_equal(canon, "203.0.113.9");
	assert_int_equal(event_query_addr_parse("2001:DB8:0:0::1", &c, canon), 0);
	assert_string_equal(canon, "2001:db8::1");
	assert_int_equal(event_query_addr_parse("203.0.113.9/32", &c, canon), 0);
	assert_string_equal(canon, "203.0.113.9");

	assert_int_equal(event_query_addr_parse("203.0.113.77/24", &c, canon), 0);
	assert_string_equal(canon, "");
	assert_int_equal(c.family, 4);
	assert_int_equal(c.bits, 24);
	assert_int_equal(c.net[3], 0); /* host bits cleared */
	assert_string_equal(c.lo, "203.0.113.");
	assert_string_equal(c.hi, "203.0.113/");
	assert_int_equal(event_query_addr_parse("10.0.0.0/12", &c, canon), 0);
	assert_string_equal(c.lo, "10.");
	assert_int_equal(event_query_addr_parse("0.0.0.0/0", &c, canon), 0);
	assert_string_equal(c.lo, "");

	assert_int_equal(event_query_addr_parse("2001:db8:12::/48", &c, canon), 0);
	assert_string_equal(c.lo, "2001:db8:12:");
	assert_string_equal(c.hi, "2001:db8:12;");
	assert_int_equal(event_query_addr_parse("2001:0:5::/48", &c, canon), 0);
	assert_string_equal(c.lo, "2001:"); /* a zero group may be compressed */
	assert_int_equal(event_query_addr_parse("::/0", &c, canon), 0);
	assert_string_equal(c.lo, "");

	static const char *const bad[] = {"",           "1.2.3",        "1.2.3.4/33", "1.2.3.4/",
	                                  "1.2.3.4/-1", "1.2.3.4/08",   "::1/129",    "x",
	                                  "1.2.3.4 ",   "1.2.3.4/24/1", "'; --"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(event_query_addr_parse(bad[i], &c, canon), MOAT_EINVALID);
}

static void a_network_matches_exactly_its_addresses_of_its_family(void **state)
{
	struct event_cidr c;
	char canon[64];

	(void)state;
	assert_int_equal(event_query_addr_parse("198.51.100.0/22", &c, canon), 0);
	assert_true(event_query_cidr_match(&c, "198.51.100.0"));
	assert_true(event_query_cidr_match(&c, "198.51.103.255"));
	assert_false(event_query_cidr_match(&c, "198.51.104.0"));
	assert_false(event_query_cidr_match(&c, "198.51.99.255"));
	assert_false(event_query_cidr_match(&c, "::ffff:198.51.100.1"));
	assert_false(event_query_cidr_match(&c, NULL));
	assert_false(event_query_cidr_match(&c, "garbage"));

	assert_int_equal(event_query_addr_parse("2001:db8:abcd::/47", &c, canon), 0);
	assert_true(event_query_cidr_match(&c, "2001:db8:abcd::1"));
	assert_true(event_query_cidr_match(&c, "2001:db8:abcd:ffff::"));
	assert_true(event_query_cidr_match(&c, "2001:db8:abcc::1"));
	assert_false(event_query_cidr_match(&c, "2001:db8:abce::1"));
	assert_false(event_query_cidr_match(&c, "2001:db8:abcb:ffff::1"));
	assert_false(event_query_cidr_match(&c, "198.51.100.1"));

	assert_int_equal(event_query_addr_parse("0.0.0.0/0", &c, canon), 0);
	assert_true(event_query_cidr_match(&c, "255.255.255.255"));
	assert_false(event_query_cidr_match(&c, "::1"));
}

static void the_end_of_a_prefix_range_is_the_next_string(void **state)
{
	char out[16];

	(void)state;
	assert_int_equal(event_query_prefix_end("/api/", out, sizeof out), 0);
	assert_string_equal(out, "/api0");
	assert_int_equal(event_query_prefix_end("a\xff\xff", out, sizeof out), 0);
	assert_string_equal(out, "b");
	assert_int_equal(event_query_prefix_end("", out, sizeof out), MOAT_EINVALID);
	assert_int_equal(event_query_prefix_end("\xff", out, sizeof out), MOAT_EINVALID);
	assert_int_equal(event_query_prefix_end("0123456789abcdef", out, sizeof out),
	                 MOAT_EINVALID);
}

static void times_have_milliseconds_and_text_is_checked(void **state)
{
	char t[EVENT_QUERY_TIME_LEN];

	(void)state;
	event_query_time(1795688103120LL, t);
	assert_string_equal(t, "2026-11-26T10:15:03.120Z");
	event_query_time(0, t);
	assert_string_equal(t, "1970-01-01T00:00:00.000Z");
	event_query_time(-1, t);
	assert_string_equal(t, "1969-12-31T23:59:59.999Z");
	assert_true(event_query_text_ok("caf\xc3\xa9 \xf0\x9f\x9b\xa1"));
	assert_false(event_query_text_ok("a\tb"));
	assert_false(event_query_text_ok("\xc3"));
	assert_false(event_query_text_ok("\xc0\xaf"));         /* overlong */
	assert_false(event_query_text_ok("\xed\xa0\x80"));     /* surrogate */
	assert_false(event_query_text_ok("\xf4\x90\x80\x80")); /* past U+10FFFF */
	assert_non_null(event_query_pick("false_positive", event_query_statuses));
	assert_null(event_query_pick("FALSE_POSITIVE", event_query_statuses));
}

/* ---- the store ---- */

#define NEV 240
#define T0  1795680000000LL /* 2026-11-26T08:00:00Z */

struct fixture {
	struct unit_target t; /* first: unit_fixture_new makes it */
	struct store *st;
	struct actor a;
	struct store_project p;
	int64_t ts[NEV];
};

static const char *const ics[] = {"sql_injection", "xss", "ssrf", "command_injection"};
static const char *const sevs[] = {"low", "medium", "high", "critical"};
static const char *const eps[] = {"/api/login", "/api/search", "/cms/page", "/files/x"};

/* Event i: every field a simple function of i, so a test can count the
 * expected matches in C. */
static void fixture_event(int i, struct event *e, char uid[40], char ip[48], char payload[64],
                          char details[64])
{
	memset(e, 0, sizeof *e);
	snprintf(uid, 40, "00000000-0000-4000-8000-%012d", i);
	if (i % 5 == 4)
		snprintf(ip, 48, "2001:db8:%x::%x", i % 3, i);
	else
		snprintf(ip, 48, "203.0.%d.%d", 113 + i % 2, i % 250);
	snprintf(payload, 64, "%s payload %d", i % 3 == 0 ? "union select" : "alert", i);
	snprintf(details, 64, "{\"n\":%d}", i);
	e->uid = uid;
	e->ts_ms = T0 + (int64_t)(i / 2) * 1000; /* pairs share a ts: id breaks the tie */
	e->interceptor = ics[i % 4];
	e->action = i % 3 == 0 ? "logged" : "blocked";
	e->severity = sevs[i % 4 == 0 ? 3 : i % 3];
	e->source_ip = i % 7 == 6 ? NULL : ip;
	e->method = "POST";
	e->endpoint = eps[i % 4];
	e->payload = payload;
	e->payload_len = (int64_t)strlen(payload);
	e->operation = "SELECT 1";
	e->operation_len = 8;
	e->rule = i % 2 ? "rule.odd" : "rule.even";
	e->details = details;
}

/* PostgreSQL: the events go in through SQL of the test's own, and the
 * rollups are built from them with the statements that fill them when
 * their migrations run on a database with events (schema/postgres/005,
 * 009, 010), until the PostgreSQL ingest writer (store_event.c) is
 * ported. The rows are those the writer stores. */
static const char pg_insert[] =
    "INSERT INTO events(id, project_id, environment_id, event_uid, agent_id, ts, received_at,"
    " interceptor, action, severity, confidence, source_ip, method, endpoint, payload,"
    " payload_len, payload_truncated, operation, operation_len, operation_truncated, file,"
    " line, function, rule, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " 0, ?, ?, 0, ?, ?, ?, ?, ?)";
static const char pg_next_id[] = "SELECT COALESCE(max(id), 0) + 1 FROM events";
static const char pg_rollups[] =
    "DELETE FROM event_counts; DELETE FROM event_counts_hour; DELETE FROM event_top;"
    " DELETE FROM event_groups_hour; DELETE FROM event_groups_minute;"
    " DELETE FROM event_sources_hour;"
    "INSERT INTO event_counts(project_id, environment_id, minute, interceptor, action, severity, n)"
    "  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 59999 ELSE 0 END) / 60000,"
    "  interceptor, action, severity, count(*) FROM events GROUP BY 1, 2, 3, 4, 5, 6;"
    "INSERT INTO event_counts_hour(project_id, environment_id, hour, interceptor, action,"
    "  severity, n) SELECT project_id, environment_id,"
    "  (minute - CASE WHEN minute < 0 THEN 59 ELSE 0 END) / 60, interceptor, action, severity,"
    "  sum(n) FROM event_counts GROUP BY 1, 2, 3, 4, 5, 6;"
    "INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)"
    "  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END)"
    "  / 3600000, 'endpoint', endpoint, count(*) FROM events WHERE endpoint IS NOT NULL"
    "  GROUP BY 1, 2, 3, 5;"
    "INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)"
    "  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END)"
    "  / 3600000, 'source', source_ip, count(*) FROM events WHERE source_ip IS NOT NULL"
    "  GROUP BY 1, 2, 3, 5;"
    "INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)"
    "  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END)"
    "  / 3600000, 'rule', rule, count(*) FROM events WHERE rule IS NOT NULL GROUP BY 1, 2, 3, 5;"
    "INSERT INTO event_groups_hour(project_id, environment_id, hour, interceptor, has_endpoint,"
    "  endpoint, action, n, first_ts, last_ts)"
    "  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END)"
    "  / 3600000, interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END,"
    "  coalesce(endpoint, ''), action, count(*), min(ts), max(ts)"
    "  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;"
    "INSERT INTO event_sources_hour(project_id, environment_id, hour, interceptor, has_endpoint,"
    "  endpoint, has_source, source_ip, action, n, first_ts, last_ts)"
    "  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END)"
    "  / 3600000, interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END,"
    "  coalesce(endpoint, ''), CASE WHEN source_ip IS NOT NULL THEN 1 ELSE 0 END,"
    "  coalesce(source_ip, ''), action, count(*), min(ts), max(ts)"
    "  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;"
    "INSERT INTO event_groups_minute(project_id, environment_id, minute, interceptor,"
    "  has_endpoint, endpoint, action, n, first_ts, last_ts)"
    "  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 59999 ELSE 0 END)"
    "  / 60000, interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END,"
    "  coalesce(endpoint, ''), action, count(*), min(ts), max(ts)"
    "  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;"
    "ANALYZE";

/* Events into the store under test: n of them, event k from ev(k),
 * environment env_of(k) and agent agent_of(k); on SQLite through the
 * store (insert, rollups, free-text index, as the writer does), on
 * PostgreSQL as above. */
struct fill {
	int64_t project_id;
	int n;
	void (*ev)(void *arg, int k, struct event *e, int64_t *env, const char **agent);
	void *arg;
};

static void fill_events(struct fixture *f, const struct fill *w)
{
	if (!f->t.pg[0]) {
		int64_t next_id = 0, indexed = 0, mark = 0;
		assert_int_equal(store_tx_begin(f->st), 0);
		assert_int_equal(store_event_next_id(f->st, &next_id), 0);
		for (int k = 0; k < w->n; k++) {
			struct event e;
			struct event_batch one = {.ev = &e, .n = 1};
			const char *agent;
			int64_t env;
			int inserted;
			unsigned char flag = 1;
			w->ev(w->arg, k, &e, &env, &agent);
			assert_int_equal(store_event_insert(f->st, w->project_id, env, agent, &e,
			                                    T0 + 999999, &next_id, &inserted),
			                 0);
			assert_int_equal(inserted, 1);
			assert_int_equal(
			    store_event_rollup_add(f->st, w->project_id, env, &one, &flag), 0);
		}
		assert_int_equal(store_tx_commit(f->st), 0);
		assert_int_equal(store_event_index_text(f->st, w->n, &indexed, &mark), 0);
		assert_int_equal(indexed, w->n);
		assert_int_equal(mark, next_id - 1);
	} else {
		struct db *db = NULL;
		struct db_stmt *s;
		char msg[300];
		int64_t id;
		assert_int_equal(db_open(f->t.url, &db, msg, sizeof msg), MOAT_OK);
		assert_int_equal(db_begin(db), MOAT_OK);
		s = db_prepare(db, pg_next_id);
		assert_int_equal(db_step(s), DB_ROW);
		id = db_column_int64(s, 0);
		db_reset(s);
		for (int k = 0; k < w->n; k++) {
			struct event e;
			const char *agent;
			int64_t env;
			int i = 1;
			w->ev(w->arg, k, &e, &env, &agent);
			s = db_prepare(db, pg_insert);
			db_bind_int64(s, i++, id++);
			db_bind_int64(s, i++, w->project_id);
			db_bind_int64(s, i++, env);
			db_bind_text(s, i++, e.uid);
			db_bind_text(s, i++, agent);
			db_bind_int64(s, i++, e.ts_ms);
			db_bind_int64(s, i++, T0 + 999999);
			db_bind_text(s, i++, e.interceptor);
			db_bind_text(s, i++, e.action);
			db_bind_text(s, i++, e.severity);
			db_bind_null(s, i++); /* confidence */
			db_bind_text(s, i++, e.source_ip);
			db_bind_text(s, i++, e.method);
			db_bind_text(s, i++, e.endpoint);
			db_bind_text(s, i++, e.payload);
			db_bind_int64(s, i++, e.payload_len);
			db_bind_text(s, i++, e.operation);
			db_bind_int64(s, i++, e.operation_len);
			db_bind_null(s, i++); /* file */
			db_bind_null(s, i++); /* line */
			db_bind_null(s, i++); /* function */
			db_bind_text(s, i++, e.rule);
			db_bind_text(s, i++, e.details);
			assert_int_equal(db_step(s), DB_DONE);
			db_reset(s);
		}
		assert_int_equal(db_commit(db), MOAT_OK);
		assert_int_equal(db_exec(db, pg_rollups, msg, sizeof msg), MOAT_OK);
		db_idle(db);
		db_close(db);
	}
	store_idle(f->st);
}

/* The NEV fixture events (fixture_event), staging every sixth. */
struct fix_envs {
	int64_t staging, prod;
	char uid[40], ip[48], payload[64], details[64];
};

static void fix_ev(void *arg, int i, struct event *e, int64_t *env, const char **agent)
{
	struct fix_envs *x = arg;

	fixture_event(i, e, x->uid, x->ip, x->payload, x->details);
	*env = i % 6 == 5 ? x->staging : x->prod;
	*agent = i % 10 == 0 ? "agent-a" : "agent-b";
}

static int setup_on(struct fixture *f, void **state)
{
	struct store_env staging, prod;
	struct fix_envs x;
	char msg[256];

	assert_int_equal(store_open(f->t.target, &f->st), MOAT_OK);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	f->a.type = ACTOR_USER;
	snprintf(f->a.label, sizeof f->a.label, "tester@example.com");
	f->a.ip = "192.0.2.1";
	f->a.request_id = "req-1";
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &f->p), 0);
	assert_int_equal(store_env_create(f->st, &f->a, &f->p, "staging", &staging), 0);
	assert_int_equal(store_env_get(f->st, f->p.id, "production", &prod), 0);
	x.staging = staging.id;
	x.prod = prod.id;
	{
		struct fill w = {.project_id = f->p.id, .n = NEV, .ev = fix_ev, .arg = &x};
		fill_events(f, &w);
	}
	for (int i = 0; i < NEV; i++) {
		struct event e;
		fixture_event(i, &e, x.uid, x.ip, x.payload, x.details);
		f->ts[i] = e.ts_ms;
	}
	*state = f;
	return 0;
}

static int setup(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 0), state);
}

static int setup_pg(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 1), state);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	unit_fixture_free(f);
	return 0;
}

/* Which fixture events a filter should return (mirrors fixture_event). */
static int fixture_match(int i, const struct store_event_filter *q)
{
	char uid[40], ip[48], payload[64], details[64];
	struct event e;

	fixture_event(i, &e, uid, ip, payload, details);
	if (q->environment && strcmp(q->environment, i % 6 == 5 ? "staging" : "production"))
		return 0;
	if (q->interceptor && strcmp(q->interceptor, e.interceptor))
		return 0;
	if (q->action && strcmp(q->action, e.action))
		return 0;
	if (q->severity && strcmp(q->severity, e.severity))
		return 0;
	if (q->agent_id && strcmp(q->agent_id, i % 10 == 0 ? "agent-a" : "agent-b"))
		return 0;
	if (q->source_ip && (!e.source_ip || strcmp(q->source_ip, e.source_ip)))
		return 0;
	if (q->cidr && !event_query_cidr_match(q->cidr, e.source_ip))
		return 0;
	if (q->endpoint && strcmp(q->endpoint, e.endpoint))
		return 0;
	if (q->endpoint_prefix &&
	    strncmp(e.endpoint, q->endpoint_prefix, strlen(q->endpoint_prefix)))
		return 0;
	if (q->fts && !strstr(e.payload, "union"))
		return 0; /* the tests search for "union" only */
	if (q->since_ms && e.ts_ms < q->since_ms)
		return 0;
	if (q->until_ms && e.ts_ms >= q->until_ms)
		return 0;
	return 1;
}

/* Runs q page by page (limit rows each) and checks that the union is
 * exactly the expected events, newest first, without repeats. */
static void check_search(struct fixture *f, struct store_event_filter q, int limit)
{
	int expected[NEV], nexp = 0, got = 0;
	struct store_event_row *rows;
	size_t n;

	for (int i = NEV - 1; i >= 0; i--)
		if (fixture_match(i, &q))
			expected[nexp++] = i;
	do {
		assert_int_equal(store_event_search(f->st, &q, limit, &rows, &n), MOAT_OK);
		for (size_t k = 0; k < n; k++) {
			char uid[40];
			assert_true(got < nexp);
			snprintf(uid, sizeof uid, "00000000-0000-4000-8000-%012d", expected[got]);
			assert_string_equal(rows[k].uid, uid);
			got++;
		}
		if (n > 0) {
			q.has_cursor = 1;
			q.after_ts = rows[n - 1].ts;
			q.after_id = rows[n - 1].id;
		}
		store_event_rows_free(rows, n);
		store_idle(f->st);
	} while (n == (size_t)limit);
	if (got != nexp)
		fprintf(stderr, "limit %d: got %d of %d (env %s ic %s prefix %s fts %s cidr %d)\n",
		        limit, got, nexp, q.environment ? q.environment : "-",
		        q.interceptor ? q.interceptor : "-",
		        q.endpoint_prefix ? q.endpoint_prefix : "-", q.fts ? q.fts : "-",
		        q.cidr != NULL);
	assert_int_equal(got, nexp);
}

/* PostgreSQL's events are partitioned by month (schema 013): a plan names
 * each partition (events_yYYYYmMM) and its own copy of an index (a name
 * PostgreSQL makes up). In plan, each such index is renamed to the index
 * of events it is a partition of, each partition to events, and the line
 * of a scan of an empty partition (cost 0.00..0.00: there is nothing to
 * read, and the planner reads nothing with a sequential scan) is left
 * out (and a small sort, below). Nothing changes on SQLite. */
static void plan_unpartition(struct fixture *f, char *plan, size_t cap)
{
	struct db *db = NULL;
	struct db_stmt *s;
	char msg[300], *out = calloc(1, cap);
	size_t o = 0;

	if (!f->t.pg[0]) {
		free(out);
		return;
	}
	assert_int_equal(db_open(f->t.url, &db, msg, sizeof msg), MOAT_OK);
	/* the longer names (indexes) first: they begin with the partition's */
	s = db_prepare(db, "SELECT c.relname, p.relname FROM pg_inherits i"
	                   " JOIN pg_class c ON c.oid = i.inhrelid"
	                   " JOIN pg_class p ON p.oid = i.inhparent"
	                   " WHERE p.relname LIKE 'events%' ORDER BY length(c.relname) DESC");
	assert_non_null(s);
	while (db_step(s) == DB_ROW) {
		const char *from = db_column_text(s, 0), *to = db_column_text(s, 1);
		char *at;
		while ((at = strstr(plan, from)) != NULL) {
			size_t lf = strlen(from), lt = strlen(to);
			memmove(at + lt, at + lf, strlen(at + lf) + 1);
			memcpy(at, to, lt);
		}
	}
	db_idle(db);
	db_close(db);
	for (char *line = plan; line && *line;) {
		char *bar = strchr(line, '|');
		size_t n = bar ? (size_t)(bar - line) + 1 : strlen(line);
		int empty = strstr(line, "Seq Scan on events ") &&
		            strstr(line, "(cost=0.00..0.00") &&
		            (!bar || strstr(line, "(cost=0.00..0.00") < bar);
		if (!empty && o + n < cap) {
			memcpy(out + o, line, n);
			o += n;
		}
		line = bar ? bar + 1 : NULL;
	}
	out[o] = '\0';
	memcpy(plan, out, o + 1);
	free(out);
	/* With a partition empty, the planner may merge the partitions' rows
	 * by sorting them rather than through ordered index scans: allowed
	 * when the sort is small (at most 1,000 rows estimated), written
	 * "sort" so that the callers' check for a Sort does not see it. */
	for (char *at = strstr(plan, "Sort  (cost="); at; at = strstr(at + 1, "Sort  (cost=")) {
		const char *r = strstr(at, "rows=");
		char *key = strstr(at, "Sort Key:");
		if (r && atoll(r + 5) <= 1000) {
			at[0] = 's';
			if (key)
				key[0] = 's';
		}
	}
}

/* The plan of q uses index (or FTS), and sorts only when allowed. */
static void check_plan(struct fixture *f, const struct store_event_filter *q, const char *index,
                       int may_sort)
{
	char plan[4000];

	assert_int_equal(store_event_plan(f->st, q, 0, plan, sizeof plan), MOAT_OK);
	plan_unpartition(f, plan, sizeof plan);
	if (!strstr(plan, index) || (!may_sort && strstr(plan, "TEMP B-TREE"))) {
		fprintf(stderr, "plan for %s: %s\n", index, plan);
		fail();
	}
}

static void every_filter_returns_exactly_its_events_newest_first(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter base = {.project_id = f->p.id}, q;
	struct event_cidr v4, v6, all;
	char canon[64], fts[64];

	assert_int_equal(event_query_addr_parse("203.0.114.0/24", &v4, canon), 0);
	assert_int_equal(event_query_addr_parse("2001:db8:1::/48", &v6, canon), 0);
	assert_int_equal(event_query_addr_parse("0.0.0.0/0", &all, canon), 0);
	assert_int_equal(event_query_fts("UNION", fts, sizeof fts), 1);
	for (int limit = 1; limit <= 101; limit += 50) {
		check_search(f, base, limit);
		q = base, q.environment = "staging", check_search(f, q, limit);
		q = base, q.environment = "nowhere", check_search(f, q, limit);
		q = base, q.interceptor = "xss", check_search(f, q, limit);
		q = base, q.action = "logged", check_search(f, q, limit);
		q = base, q.severity = "critical", check_search(f, q, limit);
		q = base, q.agent_id = "agent-a", check_search(f, q, limit);
		q = base, q.source_ip = "203.0.113.7", check_search(f, q, limit);
		q = base, q.cidr = &v4, check_search(f, q, limit);
		q = base, q.cidr = &v6, check_search(f, q, limit);
		q = base, q.cidr = &all, check_search(f, q, limit);
		q = base, q.endpoint = "/cms/page", check_search(f, q, limit);
		q = base, q.endpoint_prefix = "/api/", check_search(f, q, limit);
		q = base, q.endpoint_prefix = "", check_search(f, q, limit);
		q = base, q.fts = fts, check_search(f, q, limit);
		q = base, q.since_ms = f->ts[40], q.until_ms = f->ts[90], check_search(f, q, limit);
		q = base, q.interceptor = "sql_injection", q.severity = "critical",
		q.environment = "production", q.cidr = &v4, q.fts = fts, check_search(f, q, limit);
	}
	{
		struct store_event_row *rows;
		size_t n;
		q = base, q.project_id = f->p.id + 1; /* another project sees none */
		assert_int_equal(store_event_search(f->st, &q, 10, &rows, &n), MOAT_OK);
		assert_int_equal(n, 0);
		store_event_rows_free(rows, n);
	}
}

static void each_filter_is_driven_by_its_index_in_keyset_order(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter base = {.project_id = f->p.id}, q;
	char fts[64];

	check_plan(f, &base, "events_ts", 0);
	q = base, q.interceptor = "xss", check_plan(f, &q, "events_interceptor", 0);
	q = base, q.environment = "staging", check_plan(f, &q, "events_env", 0);
	q = base, q.agent_id = "a", check_plan(f, &q, "events_agent", 0);
	q = base, q.source_ip = "203.0.113.7", check_plan(f, &q, "events_source", 0);
	q = base, q.endpoint = "/x", check_plan(f, &q, "events_endpoint", 0);
	q = base, q.status = "resolved", check_plan(f, &q, "events_triaged", 0);
	q = base, q.status = "new", check_plan(f, &q, "events_ts", 0);
	q = base, q.severity = "high", q.action = "logged", check_plan(f, &q, "events_ts", 0);
	q = base, q.since_ms = 1, q.until_ms = 2,
	check_plan(f, &q, "events_ts (project_id=? AND ts>? AND ts<?)", 0);
	/* a small range is read through its index and sorted */
	q = base, q.endpoint_prefix = "/cms/", check_plan(f, &q, "events_endpoint", 1);
	/* a rare term drives through FTS5 */
	assert_int_equal(event_query_fts("union", fts, sizeof fts), 1);
	q = base, q.fts = fts, check_plan(f, &q, "VIRTUAL TABLE", 1);
	/* statistics read the covering index only */
	check_plan(f, &base, "events_ts", 0);
	{
		char plan[2000];
		assert_int_equal(store_event_plan(f->st, &base, 1, plan, sizeof plan), 0);
		assert_non_null(strstr(plan, "COVERING INDEX events_ts"));
		assert_null(strstr(plan, "TEMP B-TREE"));
	}
}

static void a_page_boundary_inside_equal_timestamps_loses_nothing(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter q = {.project_id = f->p.id};

	/* pairs of events share a ts: odd page sizes cut between them */
	for (int limit = 1; limit <= 7; limit += 2)
		check_search(f, q, limit);
}

static void stats_count_buckets_actions_severities_and_tops(void **state)
{
	struct fixture *f = *state;
	struct store_event_stats s;
	int64_t since = f->ts[20], until = f->ts[200];
	int64_t total = 0, blocked = 0, crit = 0, xss = 0, odd = 0, login = 0;

	for (int i = 0; i < NEV; i++) {
		char uid[40], ip[48], payload[64], details[64];
		struct event e;
		fixture_event(i, &e, uid, ip, payload, details);
		if (e.ts_ms < since || e.ts_ms >= until)
			continue;
		total++;
		blocked += !strcmp(e.action, "blocked");
		crit += !strcmp(e.severity, "critical");
		xss += !strcmp(e.interceptor, "xss");
		odd += !strcmp(e.rule, "rule.odd");
		login += !strcmp(e.endpoint, "/api/login");
	}
	assert_int_equal(store_event_stats(f->st, f->p.id, NULL, since, until, 60000, &s), 0);
	assert_int_equal(s.total, total);
	assert_int_equal(s.blocked, blocked);
	assert_int_equal(s.logged, total - blocked);
	assert_int_equal(s.by_severity[3], crit);
	assert_int_equal(s.by_interceptor[2], xss); /* policy order: sql, nosql, xss */
	assert_int_equal(s.nrules, 2);
	assert_int_equal(s.rules[0].count + s.rules[1].count, total);
	assert_true(s.rules[0].count >= s.rules[1].count);
	assert_int_equal(s.nendpoints, 4);
	for (int i = 0; i < 4; i++)
		if (!strcmp(s.endpoints[i].key, "/api/login"))
			assert_int_equal(s.endpoints[i].count, login);
	assert_int_equal(s.nsources, STORE_STATS_TOP);
	{
		int64_t sum = 0;
		for (int b = 0; b < s.nbuckets; b++)
			sum += s.buckets[b * (STORE_STATS_INTERCEPTORS + 2) +
			                 STORE_STATS_INTERCEPTORS + 1];
		assert_int_equal(sum, total);
		assert_int_equal(s.first_bucket % 60000, 0);
		assert_int_equal(s.nbuckets, (int)((until - s.first_bucket + 59999) / 60000));
	}
	(void)odd;
	store_event_stats_cleanup(&s);
	assert_int_equal(store_event_stats(f->st, f->p.id, "nowhere", since, until, 60000, &s), 0);
	assert_int_equal(s.total, 0);
	store_event_stats_cleanup(&s);
	assert_int_equal(store_event_stats(f->st, f->p.id, NULL, 0, 3000LL * 86400000, 60000, &s),
	                 MOAT_EINVALID);
	store_event_stats_cleanup(&s);
}

static void triage_changes_status_once_and_audits(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter q = {.project_id = f->p.id}, fp;
	struct store_audit_filter af = {.action = "event.status", .limit = 10};
	struct store_audit_entry *au;
	struct store_event_row e;
	int64_t changed;
	int more, one;
	size_t n;

	assert_int_equal(store_event_set_status(f->st, &f->a, &f->p,
	                                        "00000000-0000-4000-8000-000000000003",
	                                        "false_positive", "noise", &one),
	                 0);
	assert_int_equal(one, 1);
	assert_int_equal(store_event_set_status(f->st, &f->a, &f->p,
	                                        "00000000-0000-4000-8000-000000000003",
	                                        "false_positive", NULL, &one),
	                 0);
	assert_int_equal(one, 0);
	assert_int_equal(store_event_set_status(f->st, &f->a, &f->p,
	                                        "00000000-0000-4000-8000-999999999999", "resolved",
	                                        NULL, &one),
	                 MOAT_ENOTFOUND);
	assert_int_equal(
	    store_event_get(f->st, f->p.id, "00000000-0000-4000-8000-000000000003", &e), 0);
	assert_string_equal(e.status, "false_positive");
	store_event_row_cleanup(&e);
	fp = q, fp.status = "false_positive";
	check_plan(f, &fp, "events_triaged", 0);

	/* bulk, capped: xss events (60) in two calls of at most 50 */
	q.interceptor = "xss";
	assert_int_equal(store_event_triage(f->st, &f->a, &f->p, &q, "acknowledged", NULL,
	                                    "{\"interceptor\":\"xss\"}", 50, &changed, &more),
	                 0);
	assert_int_equal(changed, 50);
	assert_int_equal(more, 1);
	assert_int_equal(store_event_triage(f->st, &f->a, &f->p, &q, "acknowledged", NULL,
	                                    "{\"interceptor\":\"xss\"}", 50, &changed, &more),
	                 0);
	assert_int_equal(changed, NEV / 4 - 50);
	assert_int_equal(more, 0);
	q.status = "acknowledged";
	check_search(f, q, 100);
	assert_int_equal(store_audit_list(f->st, &af, &au, &n), 0);
	assert_int_equal(n, 3);
	assert_non_null(strstr(au[0].details, "\"count\":10"));
	assert_non_null(strstr(au[1].details, "\"count\":50"));
	assert_non_null(strstr(au[2].details, "\"previous\":\"new\""));
	store_audit_free(au, n);
}

/* Stores n events into env of project_id: uid prefix pfx, payload "word
 * <k>", ts from ts0 a second apart; indexed for free text. */
struct words {
	int64_t env, ts0;
	const char *pfx, *word;
	char uid[40], payload[64];
};

static void words_ev(void *arg, int k, struct event *e, int64_t *env, const char **agent)
{
	struct words *x = arg;

	memset(e, 0, sizeof *e);
	snprintf(x->uid, sizeof x->uid, "%s-%08d", x->pfx, k);
	snprintf(x->payload, sizeof x->payload, "%s %d", x->word, k);
	e->uid = x->uid;
	e->interceptor = "sql_injection";
	e->action = "logged";
	e->severity = "low";
	e->payload = x->payload;
	e->ts_ms = x->ts0 + (int64_t)k * 1000;
	e->payload_len = (int64_t)strlen(x->payload);
	*env = x->env;
	*agent = "agent-z";
}

static void store_words(struct fixture *f, int64_t project_id, int64_t env, const char *pfx,
                        const char *word, int n, int64_t ts0)
{
	struct words x = {.env = env, .ts0 = ts0, .pfx = pfx, .word = word};
	struct fill w = {.project_id = project_id, .n = n, .ev = words_ev, .arg = &x};

	fill_events(f, &w);
}

/* PostgreSQL plans by its statistics: 100,000 more events (an
 * environment's worth of a busy day), analyzed, make the plans those of a
 * real database rather than of a table of a few pages. */
static void pg_bulk(struct fixture *f, int64_t staging, int64_t prod)
{
	char sql[2048], msg[300];
	struct db *db = NULL;

	snprintf(
	    sql, sizeof sql,
	    "INSERT INTO events(id, project_id, environment_id, event_uid, agent_id, ts,"
	    " received_at, interceptor, action, severity, source_ip, method, endpoint, payload,"
	    " payload_len, operation, operation_len, rule, details)"
	    " SELECT 1000000 + g, %lld, CASE WHEN g %% 6 = 5 THEN %lld ELSE %lld END,"
	    " 'bulk-' || g, 'agent-' || (g %% 50), %lld - g * 1000, %lld,"
	    " (ARRAY['sql_injection', 'xss', 'ssrf', 'command_injection',"
	    " 'path_traversal'])[1 + g %% 5], CASE WHEN g %% 3 = 0 THEN 'logged' ELSE"
	    " 'blocked' END, (ARRAY['low', 'medium', 'high', 'critical'])[1 + g %% 4],"
	    " '198.51.' || (g %% 200) || '.' || (g %% 250), 'GET', '/bulk/' || (g %% 500),"
	    " 'bulk payload ' || g, 20, 'SELECT 1', 8, 'rule.' || (g %% 20), '{}'"
	    " FROM generate_series(1, 100000) AS g; ANALYZE events",
	    (long long)f->p.id, (long long)staging, (long long)prod, (long long)T0, (long long)T0);
	assert_int_equal(db_open(f->t.url, &db, msg, sizeof msg), MOAT_OK);
	assert_int_equal(db_exec(db, sql, msg, sizeof msg), MOAT_OK);
	db_close(db);
}

/* The plan of q on PostgreSQL: an index scan of index, and no sort unless
 * allowed (a small range read through its index, or free text through
 * the GIN index, is sorted). */
static void check_plan_pg(struct fixture *f, const struct store_event_filter *q, const char *index,
                          int may_sort)
{
	char plan[8000];

	assert_int_equal(store_event_plan(f->st, q, 0, plan, sizeof plan), MOAT_OK);
	plan_unpartition(f, plan, sizeof plan);
	if (getenv("MOAT_TEST_SHOW_PLANS"))
		fprintf(stderr, "plan for %s: %s\n", index, plan);
	if (!strstr(plan, index) || (!may_sort && strstr(plan, "Sort")) ||
	    strstr(plan, "Seq Scan on events")) {
		fprintf(stderr, "plan for %s: %s\n", index, plan);
		fail();
	}
}

static void each_filter_is_driven_by_its_index_on_postgres(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter base = {.project_id = f->p.id}, q;
	struct store_env staging, prod;
	struct event_cidr v4;
	char canon[64], fts[64];

	assert_int_equal(store_env_get(f->st, f->p.id, "staging", &staging), 0);
	assert_int_equal(store_env_get(f->st, f->p.id, "production", &prod), 0);
	pg_bulk(f, staging.id, prod.id);
	check_plan_pg(f, &base, "Index Scan using events_ts", 0);
	q = base, q.interceptor = "xss",
	check_plan_pg(f, &q, "Index Scan using events_interceptor", 0);
	q = base, q.environment = "staging", check_plan_pg(f, &q, "Index Scan using events_env", 0);
	q = base, q.agent_id = "agent-7", check_plan_pg(f, &q, "Index Scan using events_agent", 0);
	q = base, q.source_ip = "198.51.7.7",
	check_plan_pg(f, &q, "Index Scan using events_source", 0);
	q = base, q.endpoint = "/bulk/7",
	check_plan_pg(f, &q, "Index Scan using events_endpoint", 0);
	q = base, q.status = "resolved", check_plan_pg(f, &q, "Index Scan using events_triaged", 0);
	q = base, q.status = "new", check_plan_pg(f, &q, "Index Scan using events_ts", 0);
	q = base, q.severity = "high", q.action = "logged",
	check_plan_pg(f, &q, "Index Scan using events_ts", 0);
	q = base, q.since_ms = T0 - 50000000, q.until_ms = T0 - 40000000,
	check_plan_pg(f, &q, "Index Scan using events_ts", 0);
	/* a small range is read through its index and sorted */
	q = base, q.endpoint_prefix = "/cms/", check_plan_pg(f, &q, "events_endpoint", 1);
	assert_int_equal(event_query_addr_parse("203.0.113.0/24", &v4, canon), 0);
	q = base, q.cidr = &v4, check_plan_pg(f, &q, "events_source", 1);
	/* a rare term drives through the GIN index */
	assert_int_equal(event_query_fts("union", fts, sizeof fts), 1);
	q = base, q.fts = fts, check_plan_pg(f, &q, "Bitmap Index Scan on events_text", 1);
	/* and so does one with punctuation, which both sides turn to spaces */
	assert_int_equal(event_query_fts("/union'\"", fts, sizeof fts), 1);
	q = base, q.fts = fts, check_plan_pg(f, &q, "Bitmap Index Scan on events_text", 1);
	/* a common one is a residual term of the driver's ordered scan */
	assert_int_equal(event_query_fts("bulk", fts, sizeof fts), 1);
	q = base, q.fts = fts, check_plan_pg(f, &q, "Index Scan using events_ts", 0);
	/* statistics read the events through events_ts */
	{
		char plan[8000];
		assert_int_equal(store_event_plan(f->st, &base, 1, plan, sizeof plan), 0);
		plan_unpartition(f, plan, sizeof plan);
		if (getenv("MOAT_TEST_SHOW_PLANS"))
			fprintf(stderr, "plan for stats: %s\n", plan);
		/* or, the events being partitioned by month, no partition holds
		 * the range's edges and the planner reads nothing at all */
		assert_true(strstr(plan, "Index Only Scan using events_ts") ||
		            strstr(plan, "One-Time Filter: false"));
		assert_null(strstr(plan, "Sort"));
	}
}

/* Free text that matches more events than the FTS probe counts (5,000) is
 * checked in C a round of candidates at a time: the same answers as when
 * FTS drives, through every other filter and the cursor, also when the
 * candidates' ids lie far apart. */
static void dense_free_text_is_checked_in_rounds_and_misses_nothing(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter base = {.project_id = f->p.id}, q;
	struct store_project other;
	struct store_env env;
	struct store_event_row *rows;
	struct event_cidr v4;
	char canon[64], fts[64];
	size_t n;

	assert_int_equal(event_query_addr_parse("203.0.114.0/24", &v4, canon), 0);
	assert_int_equal(event_query_fts("UNION", fts, sizeof fts), 1);
	/* 6,000 matches in another project make "union" dense */
	assert_int_equal(store_project_create(f->st, &f->a, "other", "Other", &other), 0);
	assert_int_equal(store_env_get(f->st, other.id, "production", &env), 0);
	store_words(f, other.id, env.id, "other", "union dense", 6000, T0);
	for (int limit = 1; limit <= 101; limit += 50) {
		q = base, q.fts = fts, check_search(f, q, limit);
		q = base, q.fts = fts, q.interceptor = "xss", check_search(f, q, limit);
		q = base, q.fts = fts, q.environment = "staging", check_search(f, q, limit);
		q = base, q.fts = fts, q.cidr = &v4, check_search(f, q, limit);
		q = base, q.fts = fts, q.since_ms = f->ts[40], q.until_ms = f->ts[90],
		check_search(f, q, limit);
		q = base, q.interceptor = "sql_injection", q.severity = "critical",
		q.environment = "production", q.cidr = &v4, q.fts = fts, check_search(f, q, limit);
	}
	/* 40 newer matches in this project, ids 6,000 past its others: the
	 * first round's ids form two clusters, each asked of FTS on its own */
	assert_int_equal(store_env_get(f->st, f->p.id, "production", &env), 0);
	store_words(f, f->p.id, env.id, "tail", "union tail", 40, T0 + 100000000);
	q = base, q.fts = fts;
	assert_int_equal(store_event_search(f->st, &q, 500, &rows, &n), MOAT_OK);
	assert_int_equal((int)n, 40 + NEV / 3);
	for (size_t k = 0; k < n; k++) {
		char uid[40];
		if (k < 40)
			snprintf(uid, sizeof uid, "tail-%08d", 39 - (int)k);
		else
			snprintf(uid, sizeof uid, "00000000-0000-4000-8000-%012d",
			         NEV - 3 - 3 * (int)(k - 40));
		assert_string_equal(rows[k].uid, uid);
	}
	store_event_rows_free(rows, n);
	store_idle(f->st);
	/* bulk triage by the same filter reads ids the same way: all 120, in
	 * calls of at most 100, and none of the other project's */
	{
		int64_t changed = 0;
		int more = 0;
		assert_int_equal(store_event_triage(f->st, &f->a, &f->p, &q, "acknowledged", NULL,
		                                    "{\"q\":\"UNION\"}", 100, &changed, &more),
		                 0);
		assert_int_equal(changed, 100);
		assert_int_equal(more, 1);
		assert_int_equal(store_event_triage(f->st, &f->a, &f->p, &q, "acknowledged", NULL,
		                                    "{\"q\":\"UNION\"}", 100, &changed, &more),
		                 0);
		assert_int_equal(changed, 40 + NEV / 3 - 100);
		assert_int_equal(more, 0);
		q.status = "acknowledged";
		assert_int_equal(store_event_search(f->st, &q, 500, &rows, &n), MOAT_OK);
		assert_int_equal((int)n, 40 + NEV / 3);
		store_event_rows_free(rows, n);
		q.project_id = other.id;
		assert_int_equal(store_event_search(f->st, &q, 500, &rows, &n), MOAT_OK);
		assert_int_equal((int)n, 0);
		store_event_rows_free(rows, n);
		store_idle(f->st);
	}
}

/* The ts of fixture event i. */
static int64_t f_ts(const struct fixture *f, int i)
{
	return f->ts[i];
}

/* One event with this payload and operation, uid "text-<k>". */
struct text_doc {
	int64_t env;
	int k;
	const char *payload, *operation;
	char uid[40];
};

static void text_ev(void *arg, int k, struct event *e, int64_t *env, const char **agent)
{
	struct text_doc *t = arg;

	(void)k;
	memset(e, 0, sizeof *e);
	snprintf(t->uid, sizeof t->uid, "text-%d", t->k);
	e->uid = t->uid;
	e->ts_ms = T0 + 500000 + t->k;
	e->interceptor = "sql_injection";
	e->action = "logged";
	e->severity = "low";
	e->payload = t->payload;
	e->payload_len = (int64_t)strlen(t->payload);
	e->operation = t->operation;
	e->operation_len = (int64_t)strlen(t->operation);
	*env = t->env;
	*agent = "agent-t";
}

/* ---- both engines, the same answers ---- */

static void same_stats(struct fixture *x, struct fixture *y, const char *env, int64_t since,
                       int64_t until, int64_t bucket)
{
	struct store_event_stats a, b;

	assert_int_equal(store_event_stats(x->st, x->p.id, env, since, until, bucket, &a), 0);
	assert_int_equal(store_event_stats(y->st, y->p.id, env, since, until, bucket, &b), 0);
	assert_true(a.total > 0 || (env && !strcmp(env, "nowhere")));
	assert_int_equal(a.total, b.total);
	assert_int_equal(a.blocked, b.blocked);
	assert_int_equal(a.logged, b.logged);
	assert_int_equal(a.first_bucket, b.first_bucket);
	assert_int_equal(a.nbuckets, b.nbuckets);
	assert_memory_equal(a.buckets, b.buckets,
	                    (size_t)a.nbuckets * (STORE_STATS_INTERCEPTORS + 2) *
	                        sizeof *a.buckets);
	assert_memory_equal(a.by_interceptor, b.by_interceptor, sizeof a.by_interceptor);
	assert_memory_equal(a.by_severity, b.by_severity, sizeof a.by_severity);
	assert_int_equal(a.nendpoints, b.nendpoints);
	assert_int_equal(a.nsources, b.nsources);
	assert_int_equal(a.nrules, b.nrules);
	for (int i = 0; i < STORE_STATS_TOP; i++) {
		if (i < a.nendpoints) {
			assert_string_equal(a.endpoints[i].key, b.endpoints[i].key);
			assert_int_equal(a.endpoints[i].count, b.endpoints[i].count);
		}
		if (i < a.nsources) {
			assert_string_equal(a.sources[i].key, b.sources[i].key);
			assert_int_equal(a.sources[i].count, b.sources[i].count);
		}
		if (i < a.nrules) {
			assert_string_equal(a.rules[i].key, b.rules[i].key);
			assert_int_equal(a.rules[i].count, b.rules[i].count);
		}
	}
	store_event_stats_cleanup(&a);
	store_event_stats_cleanup(&b);
	store_idle(x->st);
	store_idle(y->st);
}

static void same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_true(!a && !b);
	else
		assert_string_equal(a, b);
}

static void same_groups(struct fixture *x, struct fixture *y, struct store_event_filter q,
                        int by_source, int want_rollup)
{
	struct store_event_groups a, b;

	q.project_id = x->p.id;
	assert_int_equal(store_event_groups(x->st, &q, by_source, 100, &a), 0);
	q.project_id = y->p.id;
	assert_int_equal(store_event_groups(y->st, &q, by_source, 100, &b), 0);
	if (a.n == 0 || a.rollup != want_rollup)
		fprintf(stderr, "groups %lld..%lld by_source %d: %zu groups, rollup %d\n",
		        (long long)q.since_ms, (long long)q.until_ms, by_source, a.n, a.rollup);
	assert_true(a.n > 0);
	assert_int_equal(a.rollup, want_rollup);
	assert_int_equal(a.n, b.n);
	assert_int_equal(a.total, b.total);
	assert_int_equal(a.complete, b.complete);
	assert_int_equal(a.rollup, b.rollup);
	assert_int_equal(a.trend_start, b.trend_start);
	assert_int_equal(a.trend_ms, b.trend_ms);
	assert_int_equal(a.trend_n, b.trend_n);
	for (size_t i = 0; i < a.n; i++) {
		const struct store_event_group *g = &a.groups[i], *h = &b.groups[i];
		assert_string_equal(g->interceptor, h->interceptor);
		same_str(g->endpoint, h->endpoint);
		same_str(g->source_ip, h->source_ip);
		assert_int_equal(g->count, h->count);
		assert_int_equal(g->blocked, h->blocked);
		assert_int_equal(g->first_ts, h->first_ts);
		assert_int_equal(g->last_ts, h->last_ts);
		assert_memory_equal(g->trend, h->trend, sizeof g->trend);
	}
	store_event_groups_cleanup(&a);
	store_event_groups_cleanup(&b);
	store_idle(x->st);
	store_idle(y->st);
}

/* reads: the document has nets or exclusions, whose events are read */
static void same_impact(struct fixture *x, struct fixture *y, const char *doc_text, int64_t since,
                        int64_t until, int reads)
{
	struct store_impact a, b;
	struct store_env ex, ey;
	json_t *in = json_loads(doc_text, 0, NULL), *errors = json_array();
	json_t *doc = policy_normalize(in, errors);

	assert_non_null(doc);
	assert_int_equal(store_env_get(x->st, x->p.id, "production", &ex), 0);
	assert_int_equal(store_env_get(y->st, y->p.id, "production", &ey), 0);
	assert_int_equal(store_event_impact(x->st, x->p.id, ex.id, doc, since, until, T0, &a), 0);
	assert_int_equal(store_event_impact(y->st, y->p.id, ey.id, doc, since, until, T0, &b), 0);
	{
		int64_t all = 0;
		for (int ic = 0; ic < STORE_STATS_INTERCEPTORS; ic++)
			all += a.events[ic][0] + a.events[ic][1];
		assert_true(all > 0);
	}
	assert_int_equal(a.rows > 0, reads);
	assert_memory_equal(a.events, b.events, sizeof a.events);
	assert_int_equal(a.capped, b.capped);
	assert_int_equal(a.skipped, b.skipped);
	assert_int_equal(a.parameter, b.parameter);
	assert_int_equal(a.users, b.users);
	assert_int_equal(a.rows, b.rows);
	for (int ic = 0; ic < STORE_STATS_INTERCEPTORS; ic++)
		for (int k = 0; k < STORE_IMPACT_KINDS; k++) {
			const struct store_impact_kind_out *g = &a.k[ic][k], *h = &b.k[ic][k];
			assert_int_equal(g->count, h->count);
			assert_int_equal(g->ntop, h->ntop);
			assert_int_equal(g->top_sampled, h->top_sampled);
			for (int i = 0; i < g->ntop; i++) {
				assert_string_equal(g->top[i].endpoint, h->top[i].endpoint);
				assert_int_equal(g->top[i].count, h->top[i].count);
			}
		}
	store_event_impact_cleanup(&a);
	store_event_impact_cleanup(&b);
	json_decref(doc);
	json_decref(in);
	json_decref(errors);
	store_idle(x->st);
	store_idle(y->st);
}

/* The same events on SQLite and on PostgreSQL: statistics, groups and a
 * policy's impact answer alike, from the rollups (whole hours and
 * minutes) and from the events (the edges, and the filters no rollup
 * holds). */
static void statistics_groups_and_impact_are_the_same_on_both_engines(void **state)
{
	struct fixture *x, *y;
	struct store_event_filter q = {0};
	struct event_cidr v4;
	char canon[64], fts[64];
	const int64_t h = 3600000;

	(void)state;
	setup((void **)&x);
	setup_pg((void **)&y);
	/* exact edges, whole hours, minute buckets, an environment */
	same_stats(x, y, NULL, f_ts(x, 20), f_ts(x, 200), 60000);
	same_stats(x, y, NULL, T0 - 2 * h + 17, T0 + 3 * h - 5, h);
	same_stats(x, y, NULL, T0 - 2 * h + 17, T0 + 3 * h - 5, 60000);
	same_stats(x, y, "staging", T0 - 2 * h, T0 + 2 * h, 60000);
	same_stats(x, y, "nowhere", T0 - 2 * h, T0 + 2 * h, 60000);
	/* groups: a day (hour rollups), under a day (minute rollups), by
	 * source, filters the rollups hold and those they do not */
	q.since_ms = T0 - 20 * h + 1234;
	q.until_ms = T0 + 5 * h - 77;
	same_groups(x, y, q, 0, 1);
	same_groups(x, y, q, 1, 1);
	q.interceptor = "xss", same_groups(x, y, q, 0, 1);
	q.interceptor = NULL, q.endpoint_prefix = "/api/", same_groups(x, y, q, 1, 1);
	q.endpoint_prefix = NULL, q.environment = "staging", same_groups(x, y, q, 0, 1);
	q.environment = NULL;
	assert_int_equal(event_query_addr_parse("203.0.114.0/24", &v4, canon), 0);
	q.cidr = &v4, same_groups(x, y, q, 0, 1);
	q.cidr = NULL, q.severity = "critical", same_groups(x, y, q, 0, 0);
	q.severity = NULL;
	assert_int_equal(event_query_fts("union", fts, sizeof fts), 1);
	q.fts = fts, same_groups(x, y, q, 1, 0);
	q.fts = NULL;
	q.since_ms = T0 - 600000 + 1; /* 20 minutes: minute rollups */
	q.until_ms = T0 + 600000 - 1;
	same_groups(x, y, q, 0, 1);
	same_groups(x, y, q, 1, 0);
	q.since_ms = f_ts(x, 3) + 1; /* under two minutes: no whole minute */
	q.until_ms = f_ts(x, 230);
	same_groups(x, y, q, 0, 0);
	/* impact: modes, a denylist net and an exclusion, over whole hours
	 * and edges */
	same_impact(x, y,
	            "{\"interceptors\": {\"xss\": {\"mode\": \"block\"},"
	            " \"sql_injection\": {\"mode\": \"off\"}, \"ssrf\": {\"mode\": \"monitor\"}},"
	            " \"denylist\": {\"ips\": [{\"value\": \"203.0.113.0/24\"}]},"
	            " \"exclusions\": [{\"interceptor\": \"command_injection\","
	            " \"endpoint\": \"/files/*\", \"on_match\": \"ignore\", \"reason\": \"x\"}]}",
	            T0 - 2 * h + 17, T0 + 2 * h - 5, 1);
	same_impact(x, y, "{\"interceptors\": {\"command_injection\": {\"mode\": \"monitor\"}}}",
	            f_ts(x, 10) + 1, f_ts(x, 180), 0);
	teardown((void **)&x);
	teardown((void **)&y);
}

/* Free text on both engines where they agree: words in any case, every
 * term required, a term with several words a phrase (FTS5's quoted
 * string, websearch_to_tsquery's), punctuation between words, the
 * payload and the operation both searched; and a term that is no word at
 * all matches nothing. api/openapi.yaml says where they differ. */
static void free_text_finds_the_same_events_on_both_engines(void **state)
{
	static const struct {
		const char *payload, *operation;
	} docs[] = {
	    {"' OR 1=1 --", "SELECT * FROM users WHERE name = '' OR 1=1 --'"},
	    {"1 OR 1", "SELECT 1"},
	    {"admin'--", "SELECT * FROM users WHERE name = 'admin'--'"},
	    {"UNION SELECT password FROM users",
	     "SELECT a FROM b UNION SELECT password FROM users"},
	    {"x; cat secrets", "ls x; cat secrets"},
	    {"Select_Union", "noop"},
	    {"../../etc/passwd", "open /etc/passwd"},
	    {"http://169.254.169.254/latest/meta-data",
	     "GET http://169.254.169.254/latest/meta-data"},
	    {"mailer@attacker.example", "mail to root@localhost"},
	    {"<script>alert(1)</script>", "<div><script>alert(1)</script></div>"},
	    {"say\"hi there", "noop"},
	    {"hi say", "noop"},
	};
	static const struct {
		const char *q;
		unsigned match; /* bit i: docs[i] */
	} cases[] = {
	    {"union", 1u << 3 | 1u << 5},
	    {"UNION select", 1u << 3 | 1u << 5},
	    {"users", 1u << 0 | 1u << 2 | 1u << 3},
	    {"1=1", 1u << 0},
	    {"or", 1u << 0 | 1u << 1},
	    {"\"1 or\"", 1u << 0 | 1u << 1},
	    {"admin'--", 1u << 2},
	    {"cat secrets", 1u << 4},
	    {"secrets; cat", 1u << 4},
	    {"select password", 1u << 3},
	    {"password nosuch", 0},
	    {"--", 0},
	    /* paths, hosts, URLs, e-mail addresses and tags are words split
	     * at their punctuation on both (PostgreSQL's parser alone would
	     * keep each whole, and skip the text between <script> tags) */
	    {"passwd", 1u << 6},
	    {"etc", 1u << 6},
	    {"/etc/passwd", 1u << 6},
	    {"../../etc/passwd", 1u << 6},
	    {"latest", 1u << 7},
	    {"meta", 1u << 7},
	    {"meta-data", 1u << 7},
	    {"169.254.169.254/latest", 1u << 7},
	    {"attacker", 1u << 8},
	    {"mailer@attacker.example", 1u << 8},
	    {"localhost", 1u << 8},
	    {"alert", 1u << 9},
	    {"script", 1u << 9},
	    {"alert(1)", 1u << 9},
	    {"<script>alert(1)</script>", 1u << 9},
	    {"div", 1u << 9},
	    /* a double quote in a term splits words, the term stays a phrase */
	    {"say\"hi", 1u << 10},
	    {"hi", 1u << 10 | 1u << 11},
	};
	(void)state;
	for (int e = 0; e < 2; e++) {
		struct fixture *f;
		struct store_env env;
		if (e)
			setup_pg((void **)&f);
		else
			setup((void **)&f);
		assert_int_equal(store_env_get(f->st, f->p.id, "production", &env), 0);
		{
			for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
				struct text_doc t = {.env = env.id,
				                     .k = (int)d,
				                     .payload = docs[d].payload,
				                     .operation = docs[d].operation};
				struct fill w = {
				    .project_id = f->p.id, .n = 1, .ev = text_ev, .arg = &t};
				fill_events(f, &w);
			}
		}
		for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
			struct store_event_filter q = {.project_id = f->p.id};
			struct store_event_row *rows;
			char fts[256];
			unsigned got = 0;
			size_t n;
			assert_true(event_query_fts(cases[c].q, fts, sizeof fts) > 0);
			q.fts = fts;
			assert_int_equal(store_event_search(f->st, &q, 100, &rows, &n), MOAT_OK);
			for (size_t k = 0; k < n; k++)
				if (!strncmp(rows[k].uid, "text-", 5))
					got |= 1u << strtol(rows[k].uid + 5, NULL, 10);
			store_event_rows_free(rows, n);
			store_idle(f->st);
			if (got != cases[c].match)
				fprintf(stderr, "%s: q %s: got %#x, want %#x\n",
				        e ? "postgres" : "sqlite", cases[c].q, got, cases[c].match);
			assert_int_equal(got, cases[c].match);
		}
		teardown((void **)&f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_cursor_round_trips_and_is_base64url_of_ts_colon_id),
	    cmocka_unit_test(a_cursor_that_was_not_made_by_the_server_is_refused),
	    cmocka_unit_test(free_text_becomes_quoted_fts5_strings_and_never_syntax),
	    cmocka_unit_test(free_text_over_the_limits_is_refused_and_never_overflows),
	    cmocka_unit_test(csv_cells_are_quoted_per_rfc_4180),
	    cmocka_unit_test(csv_cells_that_a_spreadsheet_would_run_get_a_leading_quote),
	    cmocka_unit_test(addresses_and_networks_parse_to_a_filter),
	    cmocka_unit_test(a_network_matches_exactly_its_addresses_of_its_family),
	    cmocka_unit_test(the_end_of_a_prefix_range_is_the_next_string),
	    cmocka_unit_test(times_have_milliseconds_and_text_is_checked),
	    cmocka_unit_test_setup_teardown(every_filter_returns_exactly_its_events_newest_first,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(dense_free_text_is_checked_in_rounds_and_misses_nothing,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(each_filter_is_driven_by_its_index_in_keyset_order,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(a_page_boundary_inside_equal_timestamps_loses_nothing,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(stats_count_buckets_actions_severities_and_tops, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(triage_changes_status_once_and_audits, setup, teardown),
	};
	const struct CMUnitTest tests_pg[] = {
	    cmocka_unit_test_setup_teardown(every_filter_returns_exactly_its_events_newest_first,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(dense_free_text_is_checked_in_rounds_and_misses_nothing,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_page_boundary_inside_equal_timestamps_loses_nothing,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(stats_count_buckets_actions_severities_and_tops,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(triage_changes_status_once_and_audits, setup_pg,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(each_filter_is_driven_by_its_index_on_postgres,
	                                    setup_pg, teardown),
	};
	const struct CMUnitTest tests_both[] = {
	    cmocka_unit_test(statistics_groups_and_impact_are_the_same_on_both_engines),
	    cmocka_unit_test(free_text_finds_the_same_events_on_both_engines),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);

	failed += cmocka_run_group_tests_name("postgres", tests_pg, NULL, NULL);
	return failed + cmocka_run_group_tests_name("both", tests_both, NULL, NULL);
}
