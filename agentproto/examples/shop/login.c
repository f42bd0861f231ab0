/*
 * login.c — POST /login with a JSON body {"user": ..., "password": ...}.
 * The body is the query, as in the classic `users.findOne(req.body)`: a
 * NoSQL operator injection on purpose ({"password": {"$ne": ""}},
 * {"user": {"$regex": "^adm"}}, {"$where": "return true"} ...). The fix:
 * take the two fields as strings and build the query from them.
 * moat_check_nosql() judges the exact query document with the request's
 * inputs before the matcher (match.c, the shop's small stand-in for a
 * Mongo collection) runs it over the users.
 *
 * Threads: a pool thread; the database under store_lock().
 */
#include <stdlib.h>
#include <string.h>

#include "shop.h"

/* The users as Mongo-style documents (a new reference), or NULL. */
static json_t *login_users(void)
{
	json_t *users = json_array();
	sqlite3 *db = store_lock();
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT name, password, role, email FROM users ORDER BY id", -1,
	                       &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW)
			json_array_append_new(
			    users, json_pack("{s:s?, s:s?, s:s?, s:s?}", "user",
			                     (const char *)sqlite3_column_text(st, 0), "password",
			                     (const char *)sqlite3_column_text(st, 1), "role",
			                     (const char *)sqlite3_column_text(st, 2), "email",
			                     (const char *)sqlite3_column_text(st, 3)));
	}
	sqlite3_finalize(st);
	store_unlock();
	return users;
}

enum MHD_Result login_handle(struct shop_req *r)
{
	json_t *users, *doc, *hit = NULL;
	char *query, err[200] = "";
	size_t i;
	int m = 0;
	enum MHD_Result rc;

	if (!json_is_object(r->json) || !json_object_get(r->json, "user") ||
	    !json_object_get(r->json, "password"))
		return http_error(r, 400, "give user and password");
	query = json_dumps(r->json, JSON_COMPACT);
	if (!query)
		return http_error(r, 500, "out of memory");
	/* the exact query document about to run, with this request's inputs */
	if (moat_check_nosql(r->mr, query, strlen(query)) == MOAT_BLOCK) {
		free(query);
		return http_blocked(r);
	}
	free(query);
	users = login_users();
	json_array_foreach(users, i, doc)
	{
		m = match_doc(doc, r->json, err, sizeof err);
		if (m != 0)
			break;
	}
	if (m < 0) {
		rc = http_error(r, 400, err);
	} else if (m == 1) {
		hit = json_array_get(users, i);
		rc = http_json(r, 200,
		               json_pack("{sO sO sO}", "user", json_object_get(hit, "user"), "role",
		                         json_object_get(hit, "role"), "email",
		                         json_object_get(hit, "email")));
	} else {
		rc = http_error(r, 401, "wrong user or password");
	}
	json_decref(users);
	return rc;
}
