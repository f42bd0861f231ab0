/*
 * test_shop_out.c — the shop's bounded output buffer and HTML escaping
 * (examples/shop/out.c), which its ordinary pages depend on to stay free
 * of injected markup, and its store (store.c): created and seeded once,
 * the same on a second open.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shop.h"

static void html_escaping_leaves_no_markup_and_keeps_the_text(void **state)
{
	struct out o;

	(void)state;
	out_init(&o, 1024);
	out_html(&o, "<script>alert('x') & \"y\"</script> caf\xc3\xa9");
	assert_false(o.error);
	assert_string_equal(o.data, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/"
	                            "script&gt; caf\xc3\xa9");
	out_cleanup(&o);
	out_init(&o, 1024);
	out_html(&o, "");
	out_html(&o, "&&");
	assert_string_equal(o.data, "&amp;&amp;");
	out_cleanup(&o);
}

static void an_append_past_the_cap_fails_and_the_error_sticks(void **state)
{
	struct out o;

	(void)state;
	out_init(&o, 10);
	out_str(&o, "0123456789");
	assert_false(o.error);
	assert_int_equal(o.len, 10);
	assert_true(o.alloc <= 11);
	out_str(&o, "x");
	assert_true(o.error);
	assert_int_equal(o.len, 10);
	out_cleanup(&o);
	out_init(&o, 10);
	out_str(&o, "01234567890");
	assert_true(o.error);
	out_str(&o, "a"); /* fits, but the error is sticky */
	assert_true(o.error);
	assert_int_equal(o.len, 0);
	out_cleanup(&o);
	out_init(&o, 10);
	out_html(&o, "<<<"); /* 12 bytes once escaped */
	assert_true(o.error);
	out_cleanup(&o);
}

static void a_formatted_append_too_long_for_its_scratch_is_an_error(void **state)
{
	char big[600];
	struct out o;

	(void)state;
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	out_init(&o, 4096);
	out_fmt(&o, "%d-%s", 7, "x");
	assert_string_equal(o.data, "7-x");
	out_fmt(&o, "%s", big);
	assert_true(o.error);
	out_cleanup(&o);
}

static void a_buffer_grows_to_its_cap_and_no_further(void **state)
{
	struct out o;

	(void)state;
	out_init(&o, 100000);
	for (int i = 0; i < 10000; i++)
		out_str(&o, "0123456789");
	assert_false(o.error);
	assert_int_equal(o.len, 100000);
	assert_int_equal(o.alloc, 100001);
	assert_int_equal(strlen(o.data), 100000);
	out_str(&o, "x");
	assert_true(o.error);
	out_cleanup(&o);
	assert_null(o.data);
}

/* The number of rows sql answers (one integer column). */
static long long ts_count(const char *sql)
{
	sqlite3 *db = store_lock();
	sqlite3_stmt *st = NULL;
	long long n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	store_unlock();
	return n;
}

static void the_store_is_created_seeded_and_reopened_unchanged(void **state)
{
	char dir[] = "/tmp/test_shop_store.XXXXXX", db[256], admin[64] = "", again[64] = "";
	struct stat sb;
	sqlite3 *c;
	sqlite3_stmt *st = NULL;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/shop.db", dir);
	snprintf(shop_cfg.files, sizeof shop_cfg.files, "%s/files", dir);
	snprintf(shop_cfg.invoices, sizeof shop_cfg.invoices, "%s/files/invoices", dir);
	snprintf(shop_cfg.images, sizeof shop_cfg.images, "%s/files/images", dir);
	for (int round = 0; round < 2; round++) {
		char *pw = round ? again : admin;
		assert_int_equal(store_open(db), 0);
		assert_int_equal(ts_count("SELECT count(*) FROM products"), 5);
		assert_int_equal(ts_count("SELECT count(*) FROM products WHERE visible = 0"), 1);
		assert_int_equal(ts_count("SELECT count(*) FROM reviews"), 1);
		assert_int_equal(ts_count("SELECT count(*) FROM orders"), 4);
		assert_int_equal(ts_count("SELECT count(*) FROM users"), 2);
		c = store_lock();
		assert_int_equal(
		    sqlite3_prepare_v2(c, "SELECT password FROM users WHERE name = 'admin'", -1,
		                       &st, NULL),
		    SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		snprintf(pw, 64, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		store_unlock();
		store_close();
	}
	/* the admin's password is random (32 hex digits) and survives a reopen */
	assert_int_equal(strlen(admin), 32);
	assert_int_equal(strspn(admin, "0123456789abcdef"), 32);
	assert_string_equal(admin, again);
	assert_int_equal(stat(shop_cfg.invoices, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	snprintf(db, sizeof db, "%s/files/invoices/INV-1001.txt", dir);
	assert_int_equal(stat(db, &sb), 0);
	snprintf(db, sizeof db, "%s/files/images/clock.gif", dir);
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(sb.st_size, 43);
	snprintf(db, sizeof db, "rm -rf '%s'", dir);
	assert_int_equal(system(db), 0);
}

static void a_store_that_cannot_be_created_is_an_error(void **state)
{
	(void)state;
	snprintf(shop_cfg.files, sizeof shop_cfg.files, "/nonexistent/dir/files");
	assert_int_equal(store_open("/nonexistent/dir/shop.db"), -1);
	store_close();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(html_escaping_leaves_no_markup_and_keeps_the_text),
	    cmocka_unit_test(an_append_past_the_cap_fails_and_the_error_sticks),
	    cmocka_unit_test(a_formatted_append_too_long_for_its_scratch_is_an_error),
	    cmocka_unit_test(a_buffer_grows_to_its_cap_and_no_further),
	    cmocka_unit_test(the_store_is_created_seeded_and_reopened_unchanged),
	    cmocka_unit_test(a_store_that_cannot_be_created_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
