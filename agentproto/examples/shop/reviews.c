/*
 * reviews.c — product reviews, with HTML pasted in unescaped on purpose
 * (the fix: escape every value for its context):
 *   POST /reviews (form: product, author, text) stores a review and shows
 *        it; the product page (pages.c) shows it to every visitor: a
 *        stored XSS. The check runs here, on the fragment as it will be
 *        shown, while the attacker's input is still this request's input:
 *        blocked means not stored.
 *   GET /reviews/preview?author=&text= echoes the same fragment back: a
 *        reflected XSS.
 * moat_check_html() judges the exact fragment with the request's inputs.
 *
 * Threads: a pool thread; the database under store_lock().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shop.h"

#define REVIEW_AUTHOR_MAX 100
#define REVIEW_TEXT_MAX   4000

/* The review as the product page shows it, into o. */
static void reviews_fragment(struct out *o, const char *author, const char *text)
{
	out_str(o, "<article class=\"review\"><h3>");
	out_str(o, author);
	out_str(o, "</h3><p>");
	out_str(o, text);
	out_str(o, "</p></article>");
}

/* 0 if author and text are acceptable, else an error reply is queued
 * and *rc holds it. */
static int reviews_validate(struct shop_req *r, const char *author, const char *text,
                            enum MHD_Result *rc)
{
	if (!author || !*author || !text || !*text) {
		*rc = http_error(r, 400, "give author and text");
		return -1;
	}
	if (strlen(author) > REVIEW_AUTHOR_MAX || strlen(text) > REVIEW_TEXT_MAX) {
		*rc = http_error(r, 413, "author at most 100 bytes, text at most 4000");
		return -1;
	}
	if (!http_utf8_ok(author, strlen(author)) || !http_utf8_ok(text, strlen(text))) {
		*rc = http_error(r, 400, "author and text must be UTF-8 text");
		return -1;
	}
	return 0;
}

enum MHD_Result reviews_post(struct shop_req *r)
{
	const char *product = http_form(r, "product", NULL);
	const char *author = http_form(r, "author", NULL);
	const char *text = http_form(r, "text", NULL);
	struct out frag, page;
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	enum MHD_Result rc;
	char *end = NULL;
	long long pid = product ? strtoll(product, &end, 10) : 0;
	int ok;

	if (!product || !*product || *end || pid <= 0)
		return http_error(r, 400, "give the product's id");
	if (reviews_validate(r, author, text, &rc))
		return rc;
	out_init(&frag, 16384);
	reviews_fragment(&frag, author, text);
	/* the exact HTML the product page will show, with this request's inputs */
	if (!frag.error && moat_check_html(r->mr, frag.data, frag.len) == MOAT_BLOCK) {
		out_cleanup(&frag);
		return http_blocked(r);
	}
	db = store_lock();
	ok = sqlite3_prepare_v2(db,
	                        "INSERT INTO reviews (product_id, author, body) SELECT id, ?, ? "
	                        "FROM products WHERE id = ? AND visible = 1",
	                        -1, &st, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_bind_text(st, 1, author, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, pid);
		ok = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(db) == 1;
	}
	sqlite3_finalize(st);
	store_unlock();
	if (!ok) {
		out_cleanup(&frag);
		return http_error(r, 404, "no such product");
	}
	out_init(&page, 32768);
	out_str(&page, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
	               "<title>Thank you</title></head><body><h1>Thank you!</h1>"
	               "<p>Your review is published:</p>");
	out_add(&page, frag.data ? frag.data : "", frag.len);
	out_fmt(&page,
	        "<p><a href=\"/product?id=%lld\">Back to the product</a></p></body></html>\n", pid);
	out_cleanup(&frag);
	return out_reply(&page, r, 201, "text/html; charset=utf-8");
}

enum MHD_Result reviews_preview(struct shop_req *r)
{
	const char *author = http_query(r, "author");
	const char *text = http_query(r, "text");
	struct out page;
	size_t start;
	enum MHD_Result rc;

	if (!author || !*author)
		author = "You";
	if (reviews_validate(r, author, text, &rc))
		return rc;
	out_init(&page, 32768);
	out_str(&page, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
	               "<title>Preview</title></head><body><h1>Preview of your review</h1>");
	start = page.len;
	reviews_fragment(&page, author, text);
	/* the exact fragment about to be sent back, with this request's inputs */
	if (!page.error &&
	    moat_check_html(r->mr, page.data + start, page.len - start) == MOAT_BLOCK) {
		out_cleanup(&page);
		return http_blocked(r);
	}
	out_str(&page, "</body></html>\n");
	return out_reply(&page, r, 200, "text/html; charset=utf-8");
}
