/*
 * err.c — the table from moat_err to HTTP status and problem code.
 * Stateless; any thread.
 */
#include "err.h"

struct err_row {
	int err;
	int status;
	const char *code;
	const char *text;
};

static const struct err_row err_rows[] = {
    {MOAT_OK, 200, "ok", "ok"},
    {MOAT_ENOTFOUND, 404, "not_found", "not found"},
    {MOAT_EINVALID, 422, "validation_failed", "invalid input"},
    {MOAT_ECONFLICT, 409, "conflict", "conflict"},
    {MOAT_EBUSY, 503, "unavailable", "busy, retry later"},
    {MOAT_EDB, 500, "internal", "database error"},
    {MOAT_ENOMEM, 500, "internal", "out of memory"},
    {MOAT_EAUTH, 401, "unauthenticated", "authentication required"},
    {MOAT_EFORBIDDEN, 403, "forbidden", "not allowed"},
    {MOAT_ETOOBIG, 413, "body_too_large", "too large"},
    {MOAT_EIO, 500, "internal", "i/o error"},
    {MOAT_ESCHEMA, 500, "internal", "database schema is newer than this moatd"},
    {MOAT_ELASTADMIN, 409, "last_admin", "change would leave no enabled admin"},
    {MOAT_EARCHIVED, 409, "project_archived", "project is archived"},
    {MOAT_ESTALE, 412, "precondition_failed", "the version in If-Match is not the current one"},
};

static const struct err_row *err_find(int err)
{
	for (unsigned i = 0; i < sizeof err_rows / sizeof err_rows[0]; i++)
		if (err_rows[i].err == err)
			return &err_rows[i];
	return &err_rows[5]; /* MOAT_EDB: internal */
}

int err_http_status(int err)
{
	return err_find(err)->status;
}
const char *err_code(int err)
{
	return err_find(err)->code;
}
const char *err_str(int err)
{
	return err_find(err)->text;
}
