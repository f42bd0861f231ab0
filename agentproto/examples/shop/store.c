/*
 * store.c — the shop's data: one SQLite database (products, reviews,
 * users, orders), created and seeded on first open, and the files the shop serves
 * or inspects under shop_cfg.files: invoices/ (text invoices) and images/
 * (small GIF and PPM images). The admin user's password is random: only an
 * injection logs in as admin.
 *
 * Threads: store_open/close on main before/after the daemon; the one
 * connection is shared by the handlers under store_lock().
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shop.h"

/* Its defaults; main.c fills in the rest before the daemon starts. */
struct shop_config shop_cfg = {.connect_ms = 1000, .io_ms = 2000, .command_ms = 3000};

static sqlite3 *store_db;
static pthread_mutex_t store_mu = PTHREAD_MUTEX_INITIALIZER;

static const char *const store_schema =
    "CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "price REAL NOT NULL, visible INTEGER NOT NULL DEFAULT 1, description TEXT NOT NULL DEFAULT "
    "'');"
    "INSERT OR IGNORE INTO products VALUES (1, 'Brass clock', 49.5, 1, "
    "'A wall clock in polished brass, 30 cm across.');"
    "INSERT OR IGNORE INTO products VALUES (2, 'Brass lamp', 35, 1, "
    "'A desk lamp with a brass arm and a linen shade.');"
    "INSERT OR IGNORE INTO products VALUES (3, 'Silver bracelet', 120, 1, "
    "'Sterling silver, hand-hammered links.');"
    "INSERT OR IGNORE INTO products VALUES (4, 'Prototype (hidden)', 999, 0, "
    "'Not for sale yet.');"
    "INSERT OR IGNORE INTO products VALUES (5, 'Copper kettle', 64, 1, "
    "'A 1.5 l stovetop kettle in hammered copper.');"
    "CREATE TABLE IF NOT EXISTS reviews (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, "
    "author TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT "
    "(strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "INSERT OR IGNORE INTO reviews (id, product_id, author, body) VALUES (1, 1, 'Margit', "
    "'Keeps good time and looks lovely in the hall.');"
    "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
    "password TEXT NOT NULL, role TEXT NOT NULL, email TEXT NOT NULL);"
    "INSERT OR IGNORE INTO users VALUES (1, 'alice', 'wonderland-2026', 'customer', "
    "'alice@example.com');"
    "INSERT OR IGNORE INTO users VALUES (2, 'admin', lower(hex(randomblob(16))), 'admin', "
    "'admin@example.com');"
    "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, "
    "item TEXT NOT NULL, total REAL NOT NULL);"
    "INSERT OR IGNORE INTO orders VALUES (1001, 'alice', '1 x Brass clock', 54.4);"
    "INSERT OR IGNORE INTO orders VALUES (1002, 'alice', '2 x Brass lamp', 70);"
    "INSERT OR IGNORE INTO orders VALUES (1003, 'bob', '1 x Silver bracelet', 120);"
    "INSERT OR IGNORE INTO orders VALUES (1004, 'carol', '1 x Copper kettle', 64);";

/* The smallest GIF: one white pixel. */
static const unsigned char store_gif[] = {
    'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0,   0, '!', 0xf9, 4,
    1,   0,   0,   0,   0,   ',', 0, 0, 0, 0, 1,    0, 1, 0,    0,    2,    2, 'D', 1, 0,   ';'};
static const char store_ppm[] = "P3\n2 1\n255\n255 0 0  0 0 255\n";

static int store_mkdir(const char *path)
{
	if (mkdir(path, 0755) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "shop: cannot create %s: %s\n", path, strerror(errno));
	return -1;
}

/* Writes a file under dir unless it exists. */
static int store_seed_file(const char *dir, const char *name, const void *data, size_t len)
{
	char path[PATH_MAX];
	int fd, n;

	n = snprintf(path, sizeof path, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof path)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	if (write(fd, data, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

static int store_seed_files(void)
{
	static const char inv1[] = "INVOICE INV-1001\nBrass & Co., 12 Foundry Lane\n\n"
	                           "1 x Brass clock            49.50\n"
	                           "Shipping                    4.90\n"
	                           "Total                      54.40 EUR\n";
	static const char inv2[] = "INVOICE INV-1002\nBrass & Co., 12 Foundry Lane\n\n"
	                           "2 x Brass lamp             70.00\n"
	                           "Total                      70.00 EUR\n";

	if (store_mkdir(shop_cfg.files) || store_mkdir(shop_cfg.invoices) ||
	    store_mkdir(shop_cfg.images))
		return -1;
	if (store_seed_file(shop_cfg.invoices, "INV-1001.txt", inv1, sizeof inv1 - 1) ||
	    store_seed_file(shop_cfg.invoices, "INV-1002.txt", inv2, sizeof inv2 - 1) ||
	    store_seed_file(shop_cfg.images, "clock.gif", store_gif, sizeof store_gif) ||
	    store_seed_file(shop_cfg.images, "lamp.gif", store_gif, sizeof store_gif) ||
	    store_seed_file(shop_cfg.images, "swatch.ppm", store_ppm, sizeof store_ppm - 1)) {
		fprintf(stderr, "shop: cannot write the seed files under %s: %s\n", shop_cfg.files,
		        strerror(errno));
		return -1;
	}
	return 0;
}

int store_open(const char *path)
{
	char *err = NULL;

	if (sqlite3_open(path, &store_db) != SQLITE_OK) {
		fprintf(stderr, "shop: cannot open %s: %s\n", path, sqlite3_errmsg(store_db));
		sqlite3_close(store_db);
		store_db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(store_db, 5000);
	if (sqlite3_exec(store_db, store_schema, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "shop: schema: %s\n", err);
		sqlite3_free(err);
		return -1;
	}
	return store_seed_files();
}

void store_close(void)
{
	sqlite3_close(store_db);
	store_db = NULL;
}

sqlite3 *store_lock(void)
{
	pthread_mutex_lock(&store_mu);
	return store_db;
}

void store_unlock(void)
{
	pthread_mutex_unlock(&store_mu);
}
