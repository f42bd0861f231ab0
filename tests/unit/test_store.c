/* Unit tests for the store: migrations, users, projects, tokens, audit.
 * The tests of users, sessions, projects, tokens and the audit log run
 * twice: on a SQLite file, then on a PostgreSQL database of the test
 * server (MOAT_TEST_PG, scripts/pgtest.sh; issue 13). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "log.h"
#include "buf.h"
#include "store.h"
#include "unit_db.h"
#include "store_int.h" /* the checkpoint test writes through the connection */
#include "timefmt.h"
#include "token.h"

struct fixture {
	struct unit_target t; /* first: unit_fixture_new makes it */
	struct store *st;
	struct actor a;
};

static int setup_on(struct fixture *f, void **state)
{
	char msg[256];

	assert_int_equal(store_open(f->t.target, &f->st), MOAT_OK);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	f->a.type = ACTOR_USER;
	snprintf(f->a.label, sizeof f->a.label, "tester@example.com");
	f->a.ip = "192.0.2.1";
	f->a.request_id = "req-1";
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

static void migrations_apply_once_and_are_recorded(void **state)
{
	struct fixture *f = *state;
	char msg[256];
	int v = 0;

	assert_int_equal(store_schema_version(f->st, &v), MOAT_OK);
	assert_int_equal(v, store_schema_latest());
	assert_true(v >= 1);
	/* a second run changes nothing and succeeds */
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	assert_int_equal(store_schema_version(f->st, &v), MOAT_OK);
	assert_int_equal(v, store_schema_latest());
}

static void a_database_newer_than_the_binary_is_refused(void **state)
{
	struct fixture *f = *state;
	char msg[256];
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->t.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	                              "INSERT INTO schema_migrations VALUES (999, '999_future', 0)",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_ESCHEMA);
	assert_non_null(strstr(msg, "newer than this moatd"));
}

static void users_are_unique_by_email_case_insensitively(void **state)
{
	struct fixture *f = *state;
	struct store_user u;

	assert_int_equal(
	    store_user_create(f->st, &f->a, "Ann@Example.com", "Ann", "$argon2id$x", "admin", &u),
	    MOAT_OK);
	assert_int_equal(u.id, 1);
	assert_string_equal(u.role, "admin");
	assert_int_equal(
	    store_user_create(f->st, &f->a, "ann@example.com", "", "$argon2id$x", "viewer", &u),
	    MOAT_ECONFLICT);
	assert_int_equal(store_user_get_by_email(f->st, "ANN@example.COM", &u), MOAT_OK);
	assert_int_equal(store_user_get(f->st, 99, &u), MOAT_ENOTFOUND);
}

static void the_last_enabled_admin_cannot_be_demoted_or_disabled(void **state)
{
	struct fixture *f = *state;
	struct store_user admin, ed, out;

	assert_int_equal(store_user_create(f->st, &f->a, "a@x.io", "", "h", "admin", &admin), 0);
	assert_int_equal(store_user_create(f->st, &f->a, "e@x.io", "", "h", "editor", &ed), 0);
	assert_int_equal(store_user_update(f->st, &f->a, admin.id, NULL, "viewer", -1, &out),
	                 MOAT_ELASTADMIN);
	assert_int_equal(store_user_update(f->st, &f->a, admin.id, NULL, NULL, 1, &out),
	                 MOAT_ELASTADMIN);
	assert_int_equal(store_user_get(f->st, admin.id, &out), 0);
	assert_string_equal(out.role, "admin");
	assert_int_equal(out.disabled, 0);
	/* with a second admin the first may step down */
	assert_int_equal(store_user_update(f->st, &f->a, ed.id, NULL, "admin", -1, &out), 0);
	assert_int_equal(store_user_update(f->st, &f->a, admin.id, "Al", "viewer", -1, &out), 0);
	assert_string_equal(out.role, "viewer");
	assert_string_equal(out.name, "Al");
}

static void sessions_expire_idle_and_die_with_their_user(void **state)
{
	struct fixture *f = *state;
	struct store_session s;
	struct store_user u, out;
	int64_t now = timefmt_now(), sid;

	assert_int_equal(store_user_create(f->st, &f->a, "a@x.io", "", "h", "admin", &u), 0);
	assert_int_equal(store_user_create(f->st, &f->a, "v@x.io", "", "h", "viewer", &u), 0);
	assert_int_equal(
	    store_session_create(f->st, u.id, "hash1", now, now + 3600, "ip", "ua", &sid), 0);
	assert_int_equal(store_session_lookup(f->st, "hash1", now, 600, &s, &out), 0);
	assert_int_equal(out.id, u.id);
	assert_int_equal(store_session_lookup(f->st, "nope", now, 600, &s, &out), MOAT_EAUTH);
	/* idle past the limit, or past the absolute expiry */
	assert_int_equal(store_session_lookup(f->st, "hash1", now + 601, 600, &s, &out),
	                 MOAT_EAUTH);
	assert_int_equal(store_session_lookup(f->st, "hash1", now + 3600, 99999, &s, &out),
	                 MOAT_EAUTH);
	/* disabling the user revokes it */
	assert_int_equal(store_user_update(f->st, &f->a, u.id, NULL, NULL, 1, &out), 0);
	assert_int_equal(store_session_lookup(f->st, "hash1", now, 600, &s, &out), MOAT_EAUTH);
}

static void a_project_is_born_with_production_and_slugs_are_unique(void **state)
{
	struct fixture *f = *state;
	struct store_project p, q;
	struct store_env *envs = NULL;
	size_t n = 0;

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Again", &q), MOAT_ECONFLICT);
	assert_int_equal(store_env_list(f->st, p.id, &envs, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(envs[0].name, "production");
	free(envs);
}

/* Lists sort text by its bytes on both engines (SQLite's BINARY, COLLATE
 * "C" on PostgreSQL, whose test databases sort otherwise by default). */
static void lists_sort_names_by_their_bytes(void **state)
{
	static const char *names[] = {"staging", "_qa", "Prod"};
	struct fixture *f = *state;
	struct store_project p, *ps = NULL;
	struct store_env e, *envs = NULL;
	size_t n = 0;

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_env_create(f->st, &f->a, &p, names[i], &e), 0);
	assert_int_equal(store_env_list(f->st, p.id, &envs, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(envs[0].name, "Prod");
	assert_string_equal(envs[1].name, "_qa");
	assert_string_equal(envs[2].name, "production");
	assert_string_equal(envs[3].name, "staging");
	free(envs);
	assert_int_equal(store_project_create(f->st, &f->a, "Shop", "Upper", &p), 0);
	assert_int_equal(store_project_create(f->st, &f->a, "_shop", "Under", &p), 0);
	assert_int_equal(store_project_list(f->st, 1, &ps, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ps[0].slug, "Shop");
	assert_string_equal(ps[1].slug, "_shop");
	assert_string_equal(ps[2].slug, "shop");
	free(ps);
}

static void an_archived_project_refuses_changes_until_restored(void **state)
{
	struct fixture *f = *state;
	struct store_project p, out;
	struct store_env e;

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	assert_int_equal(store_project_update(f->st, &f->a, "shop", NULL, 1, &out), 0);
	assert_true(out.archived_at > 0);
	assert_int_equal(store_project_update(f->st, &f->a, "shop", "New", -1, &out),
	                 MOAT_EARCHIVED);
	assert_int_equal(store_env_create(f->st, &f->a, &out, "staging", &e), MOAT_EARCHIVED);
	assert_int_equal(store_project_update(f->st, &f->a, "shop", NULL, 0, &out), 0);
	assert_int_equal(out.archived_at, 0);
	assert_int_equal(store_env_create(f->st, &f->a, &out, "staging", &e), 0);
}

static void tokens_are_found_by_hash_until_revoked_or_expired(void **state)
{
	struct fixture *f = *state;
	struct store_project p;
	struct store_token t, got;
	int64_t now = timefmt_now();

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	assert_int_equal(store_token_create(f->st, &f->a, TOKEN_CI, "ci", "moat_ci_abcde", "h-ci",
	                                    p.id, 0, 0, &t),
	                 0);
	assert_int_equal(store_token_lookup(f->st, "h-ci", now, &got), 0);
	assert_int_equal(got.kind, TOKEN_CI);
	assert_string_equal(got.project_slug, "shop");
	assert_int_equal(got.last_used_at, now);
	/* revoking needs the right project */
	assert_int_equal(store_token_revoke(f->st, &f->a, t.id, p.id + 1, 0), MOAT_ENOTFOUND);
	assert_int_equal(store_token_revoke(f->st, &f->a, t.id, p.id, 0), 0);
	assert_int_equal(store_token_lookup(f->st, "h-ci", now, &got), MOAT_EAUTH);
	assert_int_equal(store_token_create(f->st, &f->a, TOKEN_ADMIN, "me", "moat_adm_abcd",
	                                    "h-adm", 0, 0, now + 10, &t),
	                 0);
	assert_int_equal(store_token_lookup(f->st, "h-adm", now, &got), 0);
	assert_int_equal(store_token_lookup(f->st, "h-adm", now + 10, &got), MOAT_EAUTH);
}

/* The agent inventory as the writer keeps it (inside its transactions)
 * and as the API reads it: hello, applied (or refused), seen, offline,
 * filters and keyset pages, the rollout per environment, delete, prune. */
static void the_agent_inventory_follows_what_agents_report(void **state)
{
	struct fixture *f = *state;
	struct store_agent_filter flt = {0};
	struct store_agent *ag = NULL;
	struct store_rollout *ro = NULL;
	struct store_project p;
	struct store_env prod, stg;
	int64_t now = 1700000000, pruned = -1;
	size_t n = 0;

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	assert_int_equal(store_env_get(f->st, p.id, "production", &prod), 0);
	assert_int_equal(store_env_create(f->st, &f->a, &p, "staging", &stg), 0);
	assert_int_equal(store_tx_begin(f->st), 0);
	assert_int_equal(store_agent_hello(f->st, p.id, prod.id, "web-1", "host-a", "python", "1.0",
	                                   "10.0.0.1", 0, 1, now),
	                 0);
	assert_int_equal(store_agent_hello(f->st, p.id, prod.id, "web-2", "host-b", "node", "1.1",
	                                   "10.0.0.2", 0, 1, now),
	                 0);
	assert_int_equal(store_agent_hello(f->st, p.id, stg.id, "stg-1", "host-a", "go", "1.0",
	                                   "10.0.0.3", 0, 1, now),
	                 0);
	/* web-1 again (a reconnect): updated, not added */
	assert_int_equal(store_agent_hello(f->st, p.id, prod.id, "web-1", "host-c", "python", "1.2",
	                                   "10.0.0.9", 0, 1, now + 5),
	                 0);
	assert_int_equal(store_agent_applied(f->st, p.id, "web-2", 2, 0, "bad rule", now + 6), 0);
	assert_int_equal(store_agent_offline(f->st, p.id, "stg-1", now + 7), 0);
	assert_int_equal(store_agent_seen(f->st, p.id, "stg-1", now + 99), 0); /* offline: no */
	assert_int_equal(store_agent_seen(f->st, p.id, "web-2", now + 8), 0);
	assert_int_equal(store_tx_commit(f->st), 0);

	flt.project_id = p.id;
	flt.online = -1;
	flt.limit = 10;
	assert_int_equal(store_agent_list(f->st, &flt, &ag, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(ag[0].agent_id, "web-1");
	assert_string_equal(ag[0].hostname, "host-c");
	assert_string_equal(ag[0].agent_version, "1.2");
	assert_int_equal(ag[0].first_seen_at, now);
	assert_int_equal(ag[0].last_seen_at, now + 5);
	assert_string_equal(ag[1].policy_error, "version 2: bad rule");
	assert_int_equal(ag[1].policy_version, 1);
	assert_int_equal(ag[1].last_seen_at, now + 8);
	assert_string_equal(ag[2].environment, "staging");
	assert_int_equal(ag[2].online, 0);
	assert_int_equal(ag[2].last_seen_at, now + 7);
	flt.after_id = ag[0].id; /* the next page */
	free(ag);
	assert_int_equal(store_agent_list(f->st, &flt, &ag, &n), 0);
	assert_int_equal(n, 2);
	free(ag);
	flt.after_id = 0;
	flt.environment = "production";
	flt.q = "host-b"; /* a prefix of the agent id or the host name */
	assert_int_equal(store_agent_list(f->st, &flt, &ag, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(ag[0].agent_id, "web-2");
	free(ag);
	flt.environment = NULL;
	flt.q = "web";
	flt.online = 1;
	assert_int_equal(store_agent_list(f->st, &flt, &ag, &n), 0);
	assert_int_equal(n, 2);
	free(ag);

	/* web-1 applies version 1 (the current one); web-2 refused 2 */
	assert_int_equal(store_tx_begin(f->st), 0);
	assert_int_equal(store_agent_applied(f->st, p.id, "web-1", 1, 1, NULL, now + 10), 0);
	assert_int_equal(store_tx_commit(f->st), 0);
	assert_int_equal(store_agent_rollout(f->st, p.id, &ro, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(ro[0].environment, "production");
	assert_int_equal(ro[0].latest_version, 1);
	assert_int_equal(ro[0].online, 2);
	assert_int_equal(ro[0].on_latest, 2);
	assert_string_equal(ro[1].environment, "staging");
	assert_int_equal(ro[1].online, 0);
	assert_int_equal(ro[1].offline, 1);
	free(ro);

	/* an online agent is not deleted; an offline one is, audited */
	assert_int_equal(store_agent_delete(f->st, &f->a, &p, "web-1"), MOAT_ECONFLICT);
	assert_int_equal(store_agent_delete(f->st, &f->a, &p, "nope"), MOAT_ENOTFOUND);
	assert_int_equal(store_agent_all_offline(f->st), 0);
	assert_int_equal(store_agent_delete(f->st, &f->a, &p, "web-1"), 0);
	/* offline long enough (their last_seen_at is in 2023): pruned */
	assert_int_equal(store_agent_prune(f->st, 3600, &pruned), 0);
	assert_int_equal(pruned, 2);
	flt.online = -1;
	flt.q = NULL;
	assert_int_equal(store_agent_list(f->st, &flt, &ag, &n), 0);
	assert_int_equal(n, 0);
	free(ag);
}

static void every_change_writes_one_audit_row_with_who_and_where(void **state)
{
	struct fixture *f = *state;
	struct store_audit_filter flt = {0};
	struct store_audit_entry *e = NULL;
	struct store_project p;
	size_t n = 0;

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	assert_int_equal(store_project_update(f->st, &f->a, "shop", "Shop 2", -1, &p), 0);
	flt.limit = 10;
	assert_int_equal(store_audit_list(f->st, &flt, &e, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(e[0].action, "project.update");
	assert_string_equal(e[1].action, "project.create");
	assert_string_equal(e[0].actor, "tester@example.com");
	assert_string_equal(e[0].ip, "192.0.2.1");
	assert_string_equal(e[0].project, "shop");
	assert_non_null(strstr(e[0].details, "Shop 2"));
	store_audit_free(e, n);
	/* filter and keyset cursor */
	flt.action = "project.create";
	assert_int_equal(store_audit_list(f->st, &flt, &e, &n), 0);
	assert_int_equal(n, 1);
	store_audit_free(e, n);
	flt.action = NULL;
	flt.limit = 1;
	assert_int_equal(store_audit_list(f->st, &flt, &e, &n), 0);
	flt.before_id = e[0].id;
	store_audit_free(e, n);
	assert_int_equal(store_audit_list(f->st, &flt, &e, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].action, "project.create");
	store_audit_free(e, n);
}

static void a_failed_change_leaves_no_audit_row(void **state)
{
	struct fixture *f = *state;
	struct store_audit_filter flt = {0};
	struct store_audit_entry *e = NULL;
	struct store_project p;
	size_t n = 0;

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Dup", &p), MOAT_ECONFLICT);
	flt.limit = 10;
	assert_int_equal(store_audit_list(f->st, &flt, &e, &n), 0);
	assert_int_equal(n, 1);
	store_audit_free(e, n);
}

static void a_backup_is_a_complete_database(void **state)
{
	struct fixture *f = *state;
	struct store_project p;
	struct store *b = NULL;
	char out[96], msg[256];

	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &p), 0);
	snprintf(out, sizeof out, "%s.bak", f->t.path);
	unlink(out);
	assert_int_equal(store_backup(f->st, out, msg, sizeof msg), 0);
	assert_int_equal(store_open(out, &b), 0);
	assert_int_equal(store_project_get(b, "shop", &p), 0);
	assert_string_equal(p.name, "Shop");
	store_close(b);
	unlink(out);
}

/* A writer that never pauses (the ingest writer under sustained load) never
 * leaves the checkpointer a moment to start the log over: the commit that
 * leaves it over 16,384 pages checkpoints inline, so the log stays bounded
 * (store_checkpoint.c). Pages of 512 bytes make the bound 8.4 MiB. */
static void a_writer_that_never_pauses_keeps_the_log_bounded(void **state)
{
	static const char tx[] =
	    "BEGIN IMMEDIATE; WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c"
	    " WHERE n < 100) INSERT INTO t SELECT randomblob(1000) FROM c; COMMIT";
	char path[64], wal[80];
	struct store *w;
	struct stat sb;
	struct buf m;
	sqlite3 *db;
	long long max = 0, background = -1;
	const char *at;

	(void)state;
	unit_db_path(path, sizeof path);
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	                              "PRAGMA page_size=512; PRAGMA journal_mode=WAL;"
	                              " CREATE TABLE t(x BLOB)",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_checkpointer_start(path), MOAT_OK);
	assert_int_equal(store_open(path, &w), MOAT_OK);
	/* 500 transactions of 100 KB, back to back: about 75 MiB of log */
	for (int i = 0; i < 500; i++) {
		assert_int_equal(sqlite3_exec(w->db, tx, NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(stat(wal, &sb), 0);
		if ((long long)sb.st_size > max)
			max = (long long)sb.st_size;
	}
	buf_init(&m, 1u << 16);
	assert_int_equal(store_checkpoint_metrics(&m), MOAT_OK);
	buf_append(&m, "", 1);
	at = strstr(m.data, "moat_db_checkpoints_total{mode=\"background\"} ");
	assert_non_null(at);
	background = strtoll(strchr(at, '}') + 2, NULL, 10);
	buf_cleanup(&m);
	store_close(w);
	store_checkpointer_stop();
	unit_db_remove(path);
	assert_true(background > 0); /* the checkpointer did the usual work */
	/* 16,384 pages of 536 bytes (page and frame header) are 8.4 MiB, and
	 * the transaction that crosses them adds 0.1 MB: 8,834,920 bytes
	 * every run. The inline checkpoint waits for a background pass in
	 * progress; when it gave up instead (SQLITE_BUSY) the log reached
	 * 16-56 MB. Unbounded, it grows to 57 MB of the 75 MiB written. */
	if (max > 9LL << 20)
		fail_msg("the log reached %lld bytes", max);
}

/* A request reads in one snapshot (store_read_begin) until store_idle(),
 * however many different statements it uses: more than there used to be
 * room for (32) in the list of statements to reset. */
static void a_read_snapshot_outlives_forty_statements(void **state)
{
	static const char count[] = "SELECT count(*) FROM snap";
	static char sqls[40][32];
	struct fixture *f = *state;
	struct store *other;
	sqlite3_stmt *s;

	assert_int_equal(sqlite3_exec(f->st->db, "CREATE TABLE snap (x)", NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(store_read_begin(f->st), MOAT_OK);
	s = store_stmt(f->st, count);
	assert_non_null(s);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 0);
	/* another connection commits a row after the snapshot began */
	assert_int_equal(store_open(f->t.path, &other), MOAT_OK);
	assert_int_equal(sqlite3_exec(other->db, "INSERT INTO snap VALUES (1)", NULL, NULL, NULL),
	                 SQLITE_OK);
	for (int i = 0; i < 40; i++) {
		snprintf(sqls[i], sizeof sqls[i], "SELECT %d", i);
		s = store_stmt(f->st, sqls[i]);
		assert_non_null(s);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), i);
	}
	assert_int_equal(sqlite3_get_autocommit(f->st->db), 0); /* still in the read */
	s = store_stmt(f->st, count);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 0); /* the same snapshot */
	store_idle(f->st);
	assert_int_not_equal(sqlite3_get_autocommit(f->st->db), 0);
	s = store_stmt(f->st, count);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 1); /* the next request sees the row */
	store_idle(f->st);
	store_close(other);
}

int main(void)
{
	log_min_level = LOG_WARN;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(migrations_apply_once_and_are_recorded, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(a_database_newer_than_the_binary_is_refused, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(users_are_unique_by_email_case_insensitively, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(the_last_enabled_admin_cannot_be_demoted_or_disabled,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(sessions_expire_idle_and_die_with_their_user, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(a_project_is_born_with_production_and_slugs_are_unique,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(an_archived_project_refuses_changes_until_restored,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(lists_sort_names_by_their_bytes, setup, teardown),
	    cmocka_unit_test_setup_teardown(the_agent_inventory_follows_what_agents_report, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(tokens_are_found_by_hash_until_revoked_or_expired,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(every_change_writes_one_audit_row_with_who_and_where,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(a_failed_change_leaves_no_audit_row, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_backup_is_a_complete_database, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_read_snapshot_outlives_forty_statements, setup,
	                                    teardown),
	    cmocka_unit_test(a_writer_that_never_pauses_keeps_the_log_bounded),
	};
	/* the same store calls on PostgreSQL (the modules ported to db.h) */
	const struct CMUnitTest pg_tests[] = {
	    cmocka_unit_test_setup_teardown(migrations_apply_once_and_are_recorded, setup_pg,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(users_are_unique_by_email_case_insensitively, setup_pg,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(the_last_enabled_admin_cannot_be_demoted_or_disabled,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(sessions_expire_idle_and_die_with_their_user, setup_pg,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(a_project_is_born_with_production_and_slugs_are_unique,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(an_archived_project_refuses_changes_until_restored,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(lists_sort_names_by_their_bytes, setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(the_agent_inventory_follows_what_agents_report,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(tokens_are_found_by_hash_until_revoked_or_expired,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(every_change_writes_one_audit_row_with_who_and_where,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_failed_change_leaves_no_audit_row, setup_pg,
	                                    teardown),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL) +
	       cmocka_run_group_tests_name("store on PostgreSQL", pg_tests, NULL, NULL);
}
