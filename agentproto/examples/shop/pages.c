/*
 * pages.c — the shop's ordinary pages, which must keep working whatever
 * the policy: GET / (the home page: products and every form), GET
 * /product?id=N (a product with its reviews), GET /cart (the cart in the
 * "cart" cookie: product ids separated by dots, 1.2.2), GET /about. Values from
 * the database are escaped here -- except review bodies and authors, which
 * are shown as stored (reviews.c checks them when they are posted).
 * Queries use bound parameters.
 *
 * Threads: a pool thread; the database under store_lock().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shop.h"

#define PAGES_MAX (256 * 1024)

static void pages_head(struct out *o, const char *title)
{
	out_str(o, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
	out_html(o, title);
	out_str(o, " - The Brass Shop</title></head><body><nav><a href=\"/\">Home</a> "
	           "<a href=\"/cart\">Cart</a> <a href=\"/about\">About</a></nav>");
}

static const char *pages_text(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	return s ? s : "";
}

enum MHD_Result pages_home(struct shop_req *r)
{
	struct out o;
	sqlite3 *db;
	sqlite3_stmt *st = NULL;

	out_init(&o, PAGES_MAX);
	pages_head(&o, "Home");
	out_str(&o, "<h1>The Brass Shop</h1>"
	            "<form action=\"/search\"><label>Search <input name=\"q\"></label> "
	            "<button>Go</button></form><h2>Products</h2><ul>");
	db = store_lock();
	if (sqlite3_prepare_v2(db,
	                       "SELECT id, name, price FROM products WHERE visible = 1 ORDER BY id",
	                       -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			out_fmt(&o, "<li><a href=\"/product?id=%lld\">",
			        (long long)sqlite3_column_int64(st, 0));
			out_html(&o, pages_text(st, 1));
			out_fmt(&o, "</a> %.2f EUR</li>", sqlite3_column_double(st, 2));
		}
	}
	sqlite3_finalize(st);
	store_unlock();
	out_str(&o,
	        "</ul><h2>Your account</h2><p>Invoices: "
	        "<a href=\"/invoice?file=INV-1001.txt\">INV-1001</a> "
	        "<a href=\"/invoice?file=INV-1002.txt\">INV-1002</a> "
	        "<a href=\"/orders?customer=alice\">Your orders</a></p>"
	        "<p>Sign in: POST /login with {\"user\": ..., \"password\": ...}. "
	        "Support chat: POST /support/chat with {\"message\": ...}.</p>"
	        "<h2>Sellers</h2>"
	        "<form method=\"post\" action=\"/webhook/ping\"><label>Your store's webhook "
	        "<input name=\"url\" value=\"http://\"></label> <button>Ping</button></form>"
	        "<form method=\"post\" action=\"/convert\"><label>Image "
	        "<input name=\"image\" value=\"clock.gif\"></label> <button>Inspect</button></form>"
	        "</body></html>\n");
	return out_reply(&o, r, 200, "text/html; charset=utf-8");
}

enum MHD_Result pages_product(struct shop_req *r)
{
	const char *id = http_query(r, "id");
	char *end = NULL;
	long long pid = id ? strtoll(id, &end, 10) : 0;
	struct out o;
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	int found = 0;

	if (!id || !*id || *end || pid <= 0)
		return http_error(r, 400, "give the product's id");
	out_init(&o, PAGES_MAX);
	db = store_lock();
	if (sqlite3_prepare_v2(db,
	                       "SELECT name, price, description FROM products WHERE id = ? AND "
	                       "visible = 1",
	                       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, pid);
		if (sqlite3_step(st) == SQLITE_ROW) {
			found = 1;
			pages_head(&o, pages_text(st, 0));
			out_str(&o, "<h1>");
			out_html(&o, pages_text(st, 0));
			out_fmt(&o, "</h1><p class=\"price\">%.2f EUR</p><p>",
			        sqlite3_column_double(st, 1));
			out_html(&o, pages_text(st, 2));
			out_str(&o, "</p><h2>Reviews</h2>");
		}
	}
	sqlite3_finalize(st);
	st = NULL;
	if (found && sqlite3_prepare_v2(db,
	                                "SELECT author, body FROM reviews WHERE product_id = ? "
	                                "ORDER BY id",
	                                -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, pid);
		while (sqlite3_step(st) == SQLITE_ROW) {
			/* as stored: reviews.c judged the HTML when it was posted */
			out_str(&o, "<article class=\"review\"><h3>");
			out_str(&o, pages_text(st, 0));
			out_str(&o, "</h3><p>");
			out_str(&o, pages_text(st, 1));
			out_str(&o, "</p></article>");
		}
	}
	sqlite3_finalize(st);
	store_unlock();
	if (!found) {
		out_cleanup(&o);
		return http_error(r, 404, "no such product");
	}
	out_fmt(
	    &o,
	    "<h2>Write a review</h2><form method=\"post\" action=\"/reviews\">"
	    "<input type=\"hidden\" name=\"product\" value=\"%lld\">"
	    "<label>Name <input name=\"author\"></label> "
	    "<label>Review <textarea name=\"text\"></textarea></label> <button>Publish</button>"
	    "</form><form action=\"/reviews/preview\"><input type=\"hidden\" name=\"author\" "
	    "value=\"You\"><label>Preview <input name=\"text\"></label> <button>Preview</button>"
	    "</form></body></html>\n",
	    pid);
	return out_reply(&o, r, 200, "text/html; charset=utf-8");
}

enum MHD_Result pages_cart(struct shop_req *r)
{
	const char *cookie = MHD_lookup_connection_value(r->c, MHD_COOKIE_KIND, "cart");
	struct out o;
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	double total = 0;
	int items = 0;

	out_init(&o, PAGES_MAX);
	pages_head(&o, "Cart");
	out_str(&o, "<h1>Your cart</h1><ul>");
	db = store_lock();
	if (cookie && sqlite3_prepare_v2(db,
	                                 "SELECT name, price FROM products WHERE id = ? AND "
	                                 "visible = 1",
	                                 -1, &st, NULL) == SQLITE_OK) {
		const char *p = cookie; /* "1.2.2": cookie values hold no commas */
		while (*p && items < 50) {
			char *end = NULL;
			long long id = strtoll(p, &end, 10);
			if (end == p)
				break;
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, id);
			if (sqlite3_step(st) == SQLITE_ROW) {
				out_str(&o, "<li>");
				out_html(&o, pages_text(st, 0));
				out_fmt(&o, " %.2f EUR</li>", sqlite3_column_double(st, 1));
				total += sqlite3_column_double(st, 1);
				items++;
			}
			p = *end == '.' ? end + 1 : end;
			if (*end != '.')
				break;
		}
	}
	sqlite3_finalize(st);
	store_unlock();
	out_fmt(&o, "</ul><p>%d item(s), total <span class=\"total\">%.2f EUR</span></p>", items,
	        total);
	out_str(&o, "</body></html>\n");
	return out_reply(&o, r, 200, "text/html; charset=utf-8");
}

enum MHD_Result pages_about(struct shop_req *r)
{
	struct out o;

	out_init(&o, 4096);
	pages_head(&o, "About");
	out_str(&o, "<h1>About us</h1><p>The Brass Shop sells brass, copper and silver goods "
	            "made in small workshops since 1987.</p></body></html>\n");
	return out_reply(&o, r, 200, "text/html; charset=utf-8");
}
