/*
 * api_events_export.c — the events of a search streamed as CSV or NDJSON.
 *
 * The handler runs on an MHD worker. The export's content callback runs
 * later on the same worker, outside any handler: it owns its state (a copy
 * of the filters and one page of rows), reads through store_thread() one
 * page at a time and leaves the connection idle between pages, so memory
 * stays at one page however long the export is.
 */
#include "api_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event.h"
#include "log.h"
#include "xalloc.h"

#define EV_EXPORT_PAGE 256        /* rows read per export round */
#define EV_EXPORT_ROW  (4u << 20) /* one rendered row, worst case far less */

static const char ev_csv_header[] =
    "id,ts,received_at,environment,agent_id,interceptor,action,severity,confidence,source_ip,"
    "method,endpoint,payload,payload_length,payload_truncated,operation,operation_length,"
    "operation_truncated,file,line,function,rule,details,status\r\n";

static int ev_cell(struct buf *b, const char *s, int last)
{
	int rc = s ? event_query_csv_cell(b, s, strlen(s)) : 0;

	return rc | buf_append(b, last ? "\r\n" : ",", last ? 2 : 1);
}

static int ev_cell_int(struct buf *b, int has, long long v)
{
	char num[32] = "";

	if (has)
		snprintf(num, sizeof num, "%lld", v);
	return ev_cell(b, num, 0);
}

/* Writes e as one CSV record (the columns of ev_csv_header). */

static int ev_write_csv(struct buf *b, const struct store_event_row *e)
{
	char ts[EVENT_QUERY_TIME_LEN], rx[EVENT_QUERY_TIME_LEN], num[32] = "";
	int rc = 0;

	event_query_time(e->ts, ts);
	event_query_time(e->received_at, rx);
	if (e->has_confidence)
		snprintf(num, sizeof num, "%.15g", e->confidence);
	rc |= ev_cell(b, e->uid, 0) | ev_cell(b, ts, 0) | ev_cell(b, rx, 0);
	rc |= ev_cell(b, e->environment, 0) | ev_cell(b, e->agent_id, 0);
	rc |= ev_cell(b, e->interceptor, 0) | ev_cell(b, e->action, 0);
	rc |= ev_cell(b, e->severity, 0) | ev_cell(b, num, 0) | ev_cell(b, e->source_ip, 0);
	rc |= ev_cell(b, e->method, 0) | ev_cell(b, e->endpoint, 0) | ev_cell(b, e->payload, 0);
	rc |= ev_cell_int(b, 1, e->payload_len);
	rc |= ev_cell(b, e->payload_truncated ? "true" : "false", 0);
	rc |= ev_cell(b, e->operation, 0) | ev_cell_int(b, 1, e->operation_len);
	rc |= ev_cell(b, e->operation_truncated ? "true" : "false", 0);
	rc |= ev_cell(b, e->file, 0) | ev_cell_int(b, e->has_line, e->line);
	rc |= ev_cell(b, e->function, 0) | ev_cell(b, e->rule, 0);
	rc |= ev_cell(b, e->details ? e->details : "{}", 0) | ev_cell(b, e->status, 1);
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

enum { EV_CSV = 1, EV_NDJSON = 2 };

/* The export's state: owned by the MHD response, used by its callback
 * on one worker thread, freed by ev_export_free. */
struct ev_export {
	struct api_events_filter x;
	int format;
	int started, done;
	struct store_event_row *rows;
	size_t nrows, next;
	struct buf out; /* rendered bytes not yet handed to MHD */
	size_t off;
	char request_id[24];
};

static void ev_export_free(void *cls)
{
	struct ev_export *s = cls;

	store_event_rows_free(s->rows, s->nrows);
	buf_cleanup(&s->out);
	free(s);
}

/* Reads the next page of rows after the last one sent. 0 or an error. */
static int ev_export_page(struct ev_export *s)
{
	struct store *st = store_thread();
	int rc;

	if (s->nrows > 0) {
		s->x.f.has_cursor = 1;
		s->x.f.after_ts = s->rows[s->nrows - 1].ts;
		s->x.f.after_id = s->rows[s->nrows - 1].id;
	}
	store_event_rows_free(s->rows, s->nrows);
	s->rows = NULL;
	s->nrows = s->next = 0;
	if (!st)
		return MOAT_EDB;
	rc = store_event_search(st, &s->x.f, EV_EXPORT_PAGE, &s->rows, &s->nrows);
	store_idle(st); /* the connection serves other requests between pages */
	if (!rc && s->nrows < EV_EXPORT_PAGE)
		s->done = 1;
	return rc;
}

static ssize_t ev_export_read(void *cls, uint64_t pos, char *dst, size_t max)
{
	struct ev_export *s = cls;
	size_t n;
	int rc = 0;

	(void)pos;
	while (s->off == s->out.len) {
		buf_reset(&s->out);
		s->off = 0;
		if (!s->started) {
			s->started = 1;
			if (s->format == EV_CSV)
				rc = buf_append_str(&s->out, ev_csv_header);
		} else if (s->next < s->nrows) {
			const struct store_event_row *e = &s->rows[s->next++];
			if (s->format == EV_CSV) {
				rc = ev_write_csv(&s->out, e);
			} else {
				rc = event_row_json(&s->out, e);
				rc |= buf_append(&s->out, "\n", 1);
			}
		} else if (s->done) {
			return MHD_CONTENT_READER_END_OF_STREAM;
		} else {
			rc = ev_export_page(s);
		}
		if (rc) {
			LOG(LOG_ERROR, "msg=\"export failed\" req=%s error=%d", s->request_id, rc);
			return MHD_CONTENT_READER_END_WITH_ERROR;
		}
	}
	n = s->out.len - s->off;
	if (n > max)
		n = max;
	memcpy(dst, s->out.data + s->off, n);
	s->off += n;
	return (ssize_t)n;
}

void api_events_export(struct http_req *r)
{
	struct store_project p;
	struct ev_export *s;
	char format[16] = "csv", disp[128];
	int rc;

	if (api_project_load(r, &p))
		return;
	rc = http_query(r, "format", format, sizeof format);
	if ((rc && rc != MOAT_ENOTFOUND) || (strcmp(format, "csv") && strcmp(format, "ndjson"))) {
		http_problem(r, 400, "bad_request", "format must be csv or ndjson", NULL);
		return;
	}
	s = xcalloc(1, sizeof *s);
	if (api_events_filter_query(r, &s->x, p.id)) {
		free(s);
		return;
	}
	s->format = format[0] == 'c' ? EV_CSV : EV_NDJSON;
	buf_init(&s->out, EV_EXPORT_ROW);
	snprintf(s->request_id, sizeof s->request_id, "%s", r->request_id);
	snprintf(disp, sizeof disp, "attachment; filename=\"events-%s.%s\"", p.slug, format);
	http_header_next(r, "Content-Disposition", disp);
	http_reply_stream(r, 200,
	                  s->format == EV_CSV ? "text/csv; charset=utf-8" : "application/x-ndjson",
	                  MHD_SIZE_UNKNOWN, ev_export_read, s, ev_export_free);
}
