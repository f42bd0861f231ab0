/*
 * err.h — the one error enum every module returns.
 *
 * Functions return 0 (MOAT_OK) or a negative moat_err and hand results back
 * through out-parameters. err_http_status() is the single table that maps a
 * code to an HTTP status; err_code() gives the stable problem "code" string.
 * Pure functions, callable from any thread.
 */
#ifndef MOAT_ERR_H
#define MOAT_ERR_H

enum moat_err {
	MOAT_OK = 0,
	MOAT_ENOTFOUND = -1,   /* no such object */
	MOAT_EINVALID = -2,    /* input fails validation */
	MOAT_ECONFLICT = -3,   /* unique key taken, stale version */
	MOAT_EBUSY = -4,       /* database or queue busy: retry later */
	MOAT_EDB = -5,         /* database failure */
	MOAT_ENOMEM = -6,      /* reserved: allocation failure aborts */
	MOAT_EAUTH = -7,       /* no or bad credentials */
	MOAT_EFORBIDDEN = -8,  /* authenticated but not allowed */
	MOAT_ETOOBIG = -9,     /* over a size cap */
	MOAT_EIO = -10,        /* file or socket failure */
	MOAT_ESCHEMA = -11,    /* database newer than this binary */
	MOAT_ELASTADMIN = -12, /* change would leave no enabled admin */
	MOAT_EARCHIVED = -13,  /* project is archived (read-only) */
	MOAT_ESTALE = -14,     /* If-Match names an older version */
};

/* Returns the HTTP status for err (500 for anything unknown). */
int err_http_status(int err);
/* Returns a static, stable problem code for err ("not_found", ...). */
const char *err_code(int err);
/* Returns a static human sentence for err. */
const char *err_str(int err);

#endif
