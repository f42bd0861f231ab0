/*
 * orders.c — GET /orders?customer=NAME, the order lookup (JSON). Its
 * Mongo-style query is text with the name pasted into a $where
 * JavaScript string, {"$where": "this.customer == 'NAME'"}: a NoSQL
 * injection on purpose (alice' || '1'=='1 lists every customer's
 * orders). The fix: {"customer": NAME} built as a document, never text.
 * moat_check_nosql() judges the exact query text with the request's
 * inputs before the matcher (match.c) runs it over the orders.
 *
 * Threads: a pool thread; the database under store_lock().
 */
#include <stdio.h>
#include <string.h>

#include "shop.h"

/* The orders as documents (a new reference). */
static json_t *orders_all(void)
{
	json_t *all = json_array();
	sqlite3 *db = store_lock();
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT id, customer, item, total FROM orders ORDER BY id", -1,
	                       &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			json_array_append_new(
			    all, json_pack("{sI s:s? s:s? sf}", "id",
			                   (json_int_t)sqlite3_column_int64(st, 0), "customer",
			                   (const char *)sqlite3_column_text(st, 1), "item",
			                   (const char *)sqlite3_column_text(st, 2), "total",
			                   sqlite3_column_double(st, 3)));
	}
	sqlite3_finalize(st);
	store_unlock();
	return all;
}

enum MHD_Result orders_list(struct shop_req *r)
{
	const char *customer = http_query(r, "customer");
	char query[1024], err[200] = "";
	json_t *filter, *all, *doc, *hits;
	json_error_t jerr;
	size_t i;
	int n, m = 0;

	if (!customer || !*customer || strlen(customer) > 200 ||
	    !http_utf8_ok(customer, strlen(customer)))
		return http_error(r, 400, "give the customer's name (UTF-8, at most 200 bytes)");
	n = snprintf(query, sizeof query, "{\"$where\": \"this.customer == '%s'\"}", customer);
	if (n < 0 || (size_t)n >= sizeof query)
		return http_error(r, 414, "name too long");
	/* the exact query text about to run, with this request's inputs */
	if (moat_check_nosql(r->mr, query, (size_t)n) == MOAT_BLOCK)
		return http_blocked(r);
	filter = json_loadb(query, (size_t)n, 0, &jerr);
	if (!filter)
		return http_error(r, 400, "bad customer name");
	all = orders_all();
	hits = json_array();
	json_array_foreach(all, i, doc)
	{
		m = match_doc(doc, filter, err, sizeof err);
		if (m < 0)
			break;
		if (m == 1)
			json_array_append(hits, doc);
	}
	json_decref(all);
	json_decref(filter);
	if (m < 0) {
		json_decref(hits);
		return http_error(r, 400, err);
	}
	return http_json(r, 200, json_pack("{so}", "orders", hits));
}
