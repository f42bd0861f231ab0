/*
 * search.c — GET /search?q=TEXT, the product search (JSON). Its SQL is
 * built by pasting q into a LIKE pattern: SQL-injectable on purpose (the
 * fix is a bound parameter). Just before the statement runs,
 * moat_check_sql() judges it with the request's inputs; blocked: 403.
 * sqlmap finds this one (tests/attack).
 *
 * Threads: a pool thread; the database under store_lock().
 */
#include <stdio.h>
#include <string.h>

#include "shop.h"

enum MHD_Result search(struct shop_req *r)
{
	const char *q = http_query(r, "q");
	char sql[4096];
	sqlite3_stmt *st = NULL;
	sqlite3 *db;
	json_t *list;
	int n;

	n = snprintf(
	    sql, sizeof sql,
	    "SELECT id, name, price FROM products WHERE visible = 1 AND name LIKE '%%%s%%' "
	    "ORDER BY name LIMIT 20",
	    q ? q : "");
	if (n < 0 || (size_t)n >= sizeof sql)
		return http_error(r, 414, "query too long");
	/* the exact operation, with this request's inputs, just before it runs */
	if (moat_check_sql(r->mr, MOAT_SQL_SQLITE, sql, (size_t)n) == MOAT_BLOCK)
		return http_blocked(r);
	list = json_array();
	db = store_lock();
	if (sqlite3_prepare_v2(db, sql, n, &st, NULL) != SQLITE_OK) {
		store_unlock();
		json_decref(list);
		return http_error(r, 400, "bad query");
	}
	while (sqlite3_step(st) == SQLITE_ROW && json_array_size(list) < 100) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		/* a name that is not UTF-8 (an injection can select anything) is
		 * shown as null */
		json_array_append_new(list, json_pack("{sI so? sf}", "id",
		                                      (json_int_t)sqlite3_column_int64(st, 0),
		                                      "name", json_string(name), "price",
		                                      sqlite3_column_double(st, 2)));
	}
	sqlite3_finalize(st);
	store_unlock();
	return http_json(r, 200, json_pack("{so}", "products", list));
}
