/*
 * bench/detect/detect_html.h — the xss part of the detection benchmark,
 * included once by detect.c (after its tallies, timers and CRS driver).
 *
 * XSS (xss, benign-user-input): an input goes, as query parameter "q",
 * into three sinks of a page (corpus README: text, attribute value,
 * href), interpolated unescaped, and moat_check_html judges the page. It
 * changed nothing when in every sink it stays one text run or inside the
 * quoted value (ma_xss_analyse's spans) and nothing fired: listed apart.
 *
 * benign-html: the fragment is checked with its own text runs and
 * attribute values (HTML tokenizer) as the request's inputs.
 */

#define N_HTML_SINKS 3
static const char *const html_sinks[N_HTML_SINKS][2] = {
    {"<div class=\"comment\"><p>", "</p></div>"},
    {"<form action=\"/search\"><input type=\"text\" name=\"q\" value=\"", "\"></form>"},
    {"<p>Your site: <a href=\"", "\" rel=\"nofollow\">homepage</a></p>"},
};

static int timed_html(struct moat_request *r, const char *h, size_t n, struct tally *file,
                      struct tally *cat)
{
	double t0 = now_ns();
	int v = moat_check_html(r, h, n);

	tally_check(file, cat, t0);
	return v;
}

static int html_input(const char *in, size_t n, struct tally *file, struct tally *cat,
                      int *unchanged, char *buf, size_t cap)
{
	struct moat_request *r = web_begin("/comments");
	int blocked = 0, changed = 0;

	if (!r)
		return 0;
	moat_request_add_input(r, MOAT_INPUT_QUERY, "q", in, n);
	for (int s = 0; s < N_HTML_SINKS; s++) {
		size_t l0 = strlen(html_sinks[s][0]), l1 = strlen(html_sinks[s][1]);
		struct ma_xss_hit hit;
		if (l0 + n + l1 > cap)
			continue;
		memcpy(buf, html_sinks[s][0], l0);
		memcpy(buf + l0, in, n);
		memcpy(buf + l0 + n, html_sinks[s][1], l1);
		if (timed_html(r, buf, l0 + n + l1, file, cat) == MOAT_BLOCK)
			blocked = 1;
		ma_xss_analyse(buf, l0 + n + l1, l0, l0 + n, &hit);
		if (hit.spans || hit.fired)
			changed = 1;
	}
	moat_request_end(r);
	*unchanged = !changed;
	crs_query(buf, cap, "/comments?q=", in, n, file, cat);
	return blocked;
}

static int html_operation(const char *op, size_t n, struct tally *file, struct tally *cat)
{
	struct moat_request *r = web_begin("/page");
	struct ma_html_lexer lx;
	struct ma_html_tok t;
	int k = 0, v;
	static struct crs_uri uri;

	if (!r)
		return 0;
	crs_uri_init(&uri, "/page");
	ma_html_init(&lx, op, n);
	while (ma_html_next(&lx, &t) && k < 64) {
		size_t sp[MA_HTML_MAX_ATTRS + 1][2];
		int m = 0;
		if (t.kind == MA_HTML_TEXT) {
			sp[m][0] = t.s;
			sp[m++][1] = t.e;
		} else if (t.kind == MA_HTML_TAG) {
			for (int i = 0; i < t.nattr; i++)
				if (t.attr[i].has_value) {
					sp[m][0] = t.attr[i].vs;
					sp[m++][1] = t.attr[i].ve;
				}
		}
		for (int i = 0; i < m && k < 64; i++) {
			char name[16];
			size_t l = sp[i][1] - sp[i][0];
			if (!l)
				continue;
			snprintf(name, sizeof name, "v%d", k++);
			moat_request_add_input(r, MOAT_INPUT_QUERY, name, op + sp[i][0], l);
			crs_uri_add(&uri, name, op + sp[i][0], l);
		}
	}
	v = timed_html(r, op, n, file, cat);
	moat_request_end(r);
	crs_uri_send(&uri, file, cat);
	return v == MOAT_BLOCK;
}
