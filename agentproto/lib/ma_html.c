/*
 * ma_html.c — an HTML tokenizer for the xss check: where tags, attributes,
 * comments and raw text start and end in a fragment, following the HTML5
 * tokenization states a browser uses (WHATWG HTML, 13.2.5) as far as they
 * decide structure. It keeps offsets into the caller's text and decodes
 * nothing; it never fails (every byte string is some HTML).
 *
 * Foreign content (<svg>, <math>) is followed as the tree construction
 * stage decides it for the tokenizer (13.2.6.5): a stack of open foreign
 * elements and integration points, each with its namespace, left by an
 * end tag, a self-closing start tag or an HTML start tag that breaks out.
 *
 * One rule of the "in select" insertion modes is followed too (13.2.6.4.16
 * and 17): inside an HTML <select> the tree builder ignores the start
 * tags of style, xmp, iframe, noembed, noframes, noscript, title and
 * plaintext, so the tokenizer stays in the data state and what follows
 * them is markup (ma_html_select_tag). So does one rule of "in template"
 * (13.2.6.4.18): a template whose first start tag past head elements is
 * <col> is "in column group", where every start tag but <col> and
 * <template> is ignored (ma_html_template_tag).
 *
 * Simplifications, on purpose: a NUL byte stays a byte; the rest of tree
 * construction (implied end tags, foster parenting, the other template
 * modes) is not followed; the stack tracks svg, math and the integration points, not
 * every foreign element (an annotation-xml's <svg> is SVG's even inside a
 * child of it).
 *
 * Threads: any; the lexer is the caller's. No allocation.
 */
#include "ma_html.h"

#include <string.h>

static int ma_html_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int ma_html_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned char ma_html_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

int ma_html_ieq(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);

	if (n != l)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ma_html_lower((unsigned char)s[i]) != (unsigned char)w[i])
			return 0;
	return 1;
}

/* 1 if the '<' at p opens a tag, an end tag, a comment or a bogus comment
 * (tag open state: a letter, '/', '!' or '?' follows; "</" then a letter,
 * '>' or anything but the end). */
static int ma_html_opens(const char *s, size_t n, size_t p)
{
	unsigned char c;

	if (s[p] != '<' || p + 1 >= n)
		return 0;
	c = (unsigned char)s[p + 1];
	if (c == '/')
		return p + 2 < n;
	return ma_html_alpha(c) || c == '!' || c == '?';
}

void ma_html_init(struct ma_html_lexer *lx, const char *s, size_t n)
{
	memset(lx, 0, sizeof *lx);
	lx->s = s;
	lx->n = n;
}

/* The end of raw text for the element named s[ns, ne) from p: the offset
 * of "</name" followed by whitespace, '/' or '>' (or the end), else n. */
static size_t ma_html_raw_end(const struct ma_html_lexer *lx, size_t p)
{
	size_t nl = lx->raw_ne - lx->raw_ns;

	for (; p + 2 + nl <= lx->n; p++) {
		const char *q;
		size_t k;
		q = memchr(lx->s + p, '<', lx->n - p);
		if (!q)
			return lx->n;
		p = (size_t)(q - lx->s);
		if (p + 2 + nl > lx->n)
			return lx->n;
		if (lx->s[p + 1] != '/')
			continue;
		for (k = 0; k < nl; k++)
			if (ma_html_lower((unsigned char)lx->s[p + 2 + k]) !=
			    ma_html_lower((unsigned char)lx->s[lx->raw_ns + k]))
				break;
		if (k < nl)
			continue;
		if (p + 2 + nl == lx->n || ma_html_ws((unsigned char)lx->s[p + 2 + nl]) ||
		    lx->s[p + 2 + nl] == '/' || lx->s[p + 2 + nl] == '>')
			return p;
	}
	return lx->n;
}

/* 1 if s[p, n) starts with "<script" (or "</script" when slash) and a
 * space, '/' or '>' follows it (or the end). */
static int ma_html_script_tag(const char *s, size_t n, size_t p, int slash)
{
	size_t q = p + 1 + (slash ? 1 : 0);

	if (slash && (q > n || s[p + 1] != '/'))
		return 0;
	if (q + 6 > n || !ma_html_ieq(s + q, 6, "script"))
		return 0;
	q += 6;
	return q == n || ma_html_ws((unsigned char)s[q]) || s[q] == '/' || s[q] == '>';
}

/* The end of script data from p (13.2.5.4-13.2.5.31): the offset of its
 * "</script", else n. "<!--" enters the escaped state, where "<script"
 * enters the double-escaped state, in which "</script" does not end the
 * script but goes back to escaped; "-->" returns to plain script data. */
static size_t ma_html_script_end(const struct ma_html_lexer *lx, size_t p)
{
	const char *s = lx->s;
	size_t n = lx->n;
	int st = 0; /* 0 script data, 1 escaped, 2 double escaped */

	while (p < n) {
		if (st == 0) {
			const char *q = memchr(s + p, '<', n - p);
			if (!q)
				return n;
			p = (size_t)(q - s);
			if (p + 3 < n && s[p + 1] == '!' && s[p + 2] == '-' && s[p + 3] == '-') {
				st = 1;
				p += 2; /* its "--" may be the start of "-->" */
				continue;
			}
			if (ma_html_script_tag(s, n, p, 1))
				return p;
			p++;
			continue;
		}
		if (s[p] == '-' && p + 2 < n && s[p + 1] == '-' && s[p + 2] == '>') {
			st = 0;
			p += 3;
			continue;
		}
		if (s[p] == '<') {
			if (ma_html_script_tag(s, n, p, 1)) {
				if (st == 1)
					return p;
				st = 1;
				p += 8;
				continue;
			}
			if (st == 1 && ma_html_script_tag(s, n, p, 0)) {
				st = 2;
				p += 7;
				continue;
			}
		}
		p++;
	}
	return n;
}

void ma_html_tag_attrs(const char *s, size_t n, size_t p, struct ma_html_tok *t)
{
	t->nattr = 0;
	t->more = 0;
	t->self_closing = 0;
	t->unclosed = 0;
	for (;;) {
		struct ma_html_attr a = {0};
		size_t from = p;
		/* before attribute name ('/' here: the self-closing start tag
		 * state, which goes back to it unless '>' follows) */
		while (p < n && (ma_html_ws((unsigned char)s[p]) || s[p] == '/'))
			p++;
		if (p >= n) {
			t->unclosed = 1;
			t->e = n;
			return;
		}
		if (s[p] == '>') {
			t->self_closing = p > from && s[p - 1] == '/';
			t->e = p + 1;
			return;
		}
		/* attribute name: '=' as its first character is part of it */
		a.ns = p++;
		while (p < n && !ma_html_ws((unsigned char)s[p]) && s[p] != '/' && s[p] != '>' &&
		       s[p] != '=')
			p++;
		a.ne = p;
		/* after attribute name */
		while (p < n && ma_html_ws((unsigned char)s[p]))
			p++;
		if (p < n && s[p] == '=') {
			p++;
			while (p < n && ma_html_ws((unsigned char)s[p]))
				p++;
			a.has_value = 1;
			if (p < n && (s[p] == '"' || s[p] == '\'')) {
				const char *q;
				a.quote = s[p];
				a.vs = ++p;
				q = p < n ? memchr(s + p, a.quote, n - p) : NULL;
				if (q) {
					a.ve = (size_t)(q - s);
					a.closed = 1;
					p = a.ve + 1;
				} else {
					a.ve = p = n;
				}
			} else if (p < n && s[p] == '>') {
				a.vs = a.ve = p; /* missing value: the tag ends */
			} else {
				a.vs = p;
				while (p < n && !ma_html_ws((unsigned char)s[p]) && s[p] != '>')
					p++;
				a.ve = p;
			}
		}
		if (t->nattr < MA_HTML_MAX_ATTRS)
			t->attr[t->nattr++] = a;
		else if (!t->more)
			t->more = a.ns; /* read on from here: ma_html_tag_attrs again */
	}
}

/* Raw text (or script data) from lx->pos up to its end tag. */
static int ma_html_rawtext(struct ma_html_lexer *lx, struct ma_html_tok *t)
{
	size_t e = lx->raw == MA_HTML_SCRIPT ? ma_html_script_end(lx, lx->pos)
	                                     : ma_html_raw_end(lx, lx->pos);

	t->kind = lx->raw;
	t->s = lx->pos;
	t->e = e;
	lx->raw = 0;
	lx->pos = e;
	if (t->e == t->s)
		return -1; /* empty: go on with the end tag */
	return 1;
}

/* The innermost entry of the foreign-content stack (MA_HTML_NS_*), or -1
 * when none is open (HTML). Beyond 16 entries: foreign. */
static int ma_html_ns_top(const struct ma_html_lexer *lx)
{
	if (lx->ns_over)
		return MA_HTML_NS_SVG;
	return lx->ns_depth > 0 ? (int)((lx->ns_el >> (4 * (lx->ns_depth - 1))) & 15u) : -1;
}

/* 1 when the innermost open element the tokenizer tracks is SVG or MathML
 * content (not an integration point, not HTML). */
static int ma_html_in_foreign(const struct ma_html_lexer *lx)
{
	return ma_html_ns_top(lx) >= MA_HTML_NS_SVG;
}

static void ma_html_ns_push(struct ma_html_lexer *lx, int el)
{
	if (lx->ns_depth >= 16 || lx->ns_over) {
		lx->ns_over++;
		return;
	}
	lx->ns_el = (lx->ns_el & ~(15ull << (4 * lx->ns_depth))) |
	            ((unsigned long long)el << (4 * lx->ns_depth));
	lx->ns_depth++;
}

/* Pops the top entry; it, or -1 when there is none. */
static int ma_html_ns_pop(struct ma_html_lexer *lx)
{
	if (lx->ns_over) {
		lx->ns_over--;
		return MA_HTML_NS_SVG;
	}
	if (lx->ns_depth == 0)
		return -1;
	lx->ns_depth--;
	return (int)((lx->ns_el >> (4 * lx->ns_depth)) & 15u);
}

/* A start tag that ends foreign content: the HTML elements listed in
 * 13.2.6.5, and font with a color, face or size attribute. */
static int ma_html_breakout(const char *s, const struct ma_html_tok *t)
{
	static const char *const el[] = {
	    "b",      "big",  "blockquote", "body",  "br",   "center", "code",    "dd",   "div",
	    "dl",     "dt",   "em",         "embed", "h1",   "h2",     "h3",      "h4",   "h5",
	    "h6",     "head", "hr",         "i",     "img",  "li",     "listing", "menu", "meta",
	    "nobr",   "ol",   "p",          "pre",   "ruby", "s",      "small",   "span", "strong",
	    "strike", "sub",  "sup",        "table", "tt",   "u",      "ul",      "var",  NULL};
	const char *nm = s + t->ns;
	size_t nl = t->ne - t->ns;

	for (int i = 0; el[i]; i++)
		if (ma_html_ieq(nm, nl, el[i]))
			return 1;
	if (ma_html_ieq(nm, nl, "font"))
		for (int i = 0; i < t->nattr; i++) {
			const char *an = s + t->attr[i].ns;
			size_t al = t->attr[i].ne - t->attr[i].ns;
			if (ma_html_ieq(an, al, "color") || ma_html_ieq(an, al, "face") ||
			    ma_html_ieq(an, al, "size"))
				return 1;
		}
	return 0;
}

/* 1 when the attribute encoding of t is text/html or application/xhtml+xml
 * (any case): an annotation-xml that is an HTML integration point. */
static int ma_html_html_encoding(const char *s, const struct ma_html_tok *t)
{
	for (int i = 0; i < t->nattr; i++) {
		const struct ma_html_attr *a = &t->attr[i];
		if (ma_html_ieq(s + a->ns, a->ne - a->ns, "encoding"))
			return ma_html_ieq(s + a->vs, a->ve - a->vs, "text/html") ||
			       ma_html_ieq(s + a->vs, a->ve - a->vs, "application/xhtml+xml");
	}
	return 0;
}

/* What the start tag t, an element of the namespace of top (an entry of
 * the stack, MA_HTML_NS_SVG or above), pushes: an integration point, a
 * tracked foreign element, or -1 (an element not tracked). */
static int ma_html_foreign_push(const char *s, const struct ma_html_tok *t, int top)
{
	const char *nm = s + t->ns;
	size_t nl = t->ne - t->ns;

	if (ma_html_ieq(nm, nl, "svg") || ma_html_ieq(nm, nl, "math"))
		return top == MA_HTML_NS_SVG ? MA_HTML_NS_SVG : MA_HTML_NS_MATH;
	if (top == MA_HTML_NS_SVG)
		return ma_html_ieq(nm, nl, "foreignobject") || ma_html_ieq(nm, nl, "desc") ||
		               ma_html_ieq(nm, nl, "title")
		           ? MA_HTML_NS_HTML_IP
		           : -1;
	if (ma_html_ieq(nm, nl, "mi") || ma_html_ieq(nm, nl, "mo") || ma_html_ieq(nm, nl, "mn") ||
	    ma_html_ieq(nm, nl, "ms") || ma_html_ieq(nm, nl, "mtext"))
		return MA_HTML_NS_MATH_TEXT;
	if (ma_html_ieq(nm, nl, "annotation-xml"))
		return ma_html_html_encoding(s, t) ? MA_HTML_NS_HTML_IP : MA_HTML_NS_AXML;
	return -1;
}

/* 1 when the end tag named nm[0, nl) closes the stack's entry el (its
 * name was one of those the entry is pushed for). */
static int ma_html_ns_closes(int el, const char *nm, size_t nl)
{
	switch (el) {
	case MA_HTML_NS_HTML_IP:
		return ma_html_ieq(nm, nl, "foreignobject") || ma_html_ieq(nm, nl, "desc") ||
		       ma_html_ieq(nm, nl, "title") || ma_html_ieq(nm, nl, "annotation-xml");
	case MA_HTML_NS_MATH_TEXT:
		return ma_html_ieq(nm, nl, "mi") || ma_html_ieq(nm, nl, "mo") ||
		       ma_html_ieq(nm, nl, "mn") || ma_html_ieq(nm, nl, "ms") ||
		       ma_html_ieq(nm, nl, "mtext");
	case MA_HTML_NS_MGLYPH:
		return ma_html_ieq(nm, nl, "mglyph") || ma_html_ieq(nm, nl, "malignmark");
	case MA_HTML_NS_AXML:
		return ma_html_ieq(nm, nl, "annotation-xml");
	default:
		return 0;
	}
}

/* 1 for the names of a table's parts that end a <select> inside a table
 * ("in select in table": caption, table, tbody, tfoot, thead, tr, td,
 * th). */
static int ma_html_table_part(const char *nm, size_t nl)
{
	return ma_html_ieq(nm, nl, "caption") || ma_html_ieq(nm, nl, "table") ||
	       ma_html_ieq(nm, nl, "tbody") || ma_html_ieq(nm, nl, "tfoot") ||
	       ma_html_ieq(nm, nl, "thead") || ma_html_ieq(nm, nl, "tr") ||
	       ma_html_ieq(nm, nl, "td") || ma_html_ieq(nm, nl, "th");
}

/* An HTML <select>'s effect on tag t, a tag HTML rules read (13.2.6.4.16
 * and 17, as parse5 and the HTML standard before select's content model
 * was widened): 1 when t is ignored there (no raw text follows it), 0 when
 * it is read as usual. lx->select is 1 inside a select, 1 + n inside n
 * <template>s opened in it (whose content is read as usual), 0 outside.
 * A <select>, </select>, <input>, <keygen>, <textarea> and, for a select
 * opened while a <table> was open (lx->sel_table), a table part's tag end
 * the select; <script> and <template> are read as usual, every other
 * start tag is ignored (the data state goes on). Not followed: a <select>
 * inside such a <template> (read as usual), whether the table part is
 * itself open (one of a select in a table ends it), and a </template>
 * that ends a template holding the select (the select stays open: markup,
 * fail closed). A widened select (current Chromium)
 * makes elements of what is ignored here: reading it as markup is the
 * stricter of the two. */
static int ma_html_select_tag(struct ma_html_lexer *lx, const struct ma_html_tok *t)
{
	const char *nm = lx->s + t->ns;
	size_t nl = t->ne - t->ns;

	if (t->end_tag) {
		if (lx->select > 1 && ma_html_ieq(nm, nl, "template"))
			lx->select--;
		else if (lx->select == 1 && (ma_html_ieq(nm, nl, "select") ||
		                             (lx->sel_table && ma_html_table_part(nm, nl))))
			lx->select = 0;
		return 0;
	}
	if (ma_html_ieq(nm, nl, "select")) {
		if (lx->select <= 1) {
			lx->select = !lx->select; /* a second <select> ends the first */
			lx->sel_table = lx->tables > 0;
		}
		return 1;
	}
	if (!lx->select)
		return 0;
	if (ma_html_ieq(nm, nl, "template")) {
		lx->select++;
		return 0;
	}
	if (lx->select > 1 || ma_html_ieq(nm, nl, "script"))
		return 0;
	if (ma_html_ieq(nm, nl, "input") || ma_html_ieq(nm, nl, "keygen") ||
	    ma_html_ieq(nm, nl, "textarea") || (lx->sel_table && ma_html_table_part(nm, nl))) {
		lx->select = 0;
		return 0;
	}
	return 1;
}

/* A <template>'s effect on tag t, a tag HTML rules read: 1 when t is
 * ignored (no element, no raw text after it), 0 when it is read as usual.
 * The "in template" insertion mode (13.2.6.4.18) chooses the template's
 * mode at its first start tag that is not a head element's (base,
 * basefont, bgsound, link, meta, noframes, script, style, template,
 * title: read in head, the choice waits); <col> chooses "in column group"
 * (13.2.6.4.12), where, the current node being the template, every start
 * tag but <col> and <template> is ignored — raw-text elements, <select>,
 * <svg> and <math> too — until the template's end tag. lx->tpl counts the
 * open templates; for the innermost 32, lx->tpl_open marks one whose mode
 * is not chosen and lx->tpl_col one in a column group (deeper ones are read
 * as usual). */
static int ma_html_template_tag(struct ma_html_lexer *lx, const struct ma_html_tok *t)
{
	const char *nm = lx->s + t->ns;
	size_t nl = t->ne - t->ns;
	unsigned bit = lx->tpl > 0 && lx->tpl <= 32 ? 1u << (lx->tpl - 1) : 0;
	int tpl = nl == 8 && ma_html_ieq(nm, nl, "template");

	if (t->end_tag) {
		if (tpl && lx->tpl > 0) {
			lx->tpl_open &= ~bit;
			lx->tpl_col &= ~bit;
			lx->tpl--;
		}
		return 0;
	}
	if (tpl) {
		if (lx->tpl < 1 << 30)
			lx->tpl++;
		if (lx->tpl <= 32) {
			bit = 1u << (lx->tpl - 1);
			lx->tpl_open |= bit;
			lx->tpl_col &= ~bit;
		}
		return 0;
	}
	if (lx->tpl_col & bit)
		return 1; /* <col> too: a void element, nothing follows from it */
	if (!(lx->tpl_open & bit) || ma_html_ieq(nm, nl, "base") ||
	    ma_html_ieq(nm, nl, "basefont") || ma_html_ieq(nm, nl, "bgsound") ||
	    ma_html_ieq(nm, nl, "link") || ma_html_ieq(nm, nl, "meta") ||
	    ma_html_ieq(nm, nl, "noframes") || ma_html_ieq(nm, nl, "script") ||
	    ma_html_ieq(nm, nl, "style") || ma_html_ieq(nm, nl, "title"))
		return 0;
	lx->tpl_open &= ~bit;
	if (ma_html_ieq(nm, nl, "col"))
		lx->tpl_col |= bit;
	return 0;
}

/* What tag t (already read) does to the foreign-content stack and the raw
 * text that comes next. Tree construction's dispatcher (13.2.6): HTML
 * rules where no foreign element is open, in an HTML integration point,
 * for a MathML text integration point's start tags but mglyph and
 * malignmark, and for an annotation-xml's <svg>; foreign rules elsewhere,
 * where a start tag is an element of the namespace it is in. */
static void ma_html_after_tag(struct ma_html_lexer *lx, const struct ma_html_tok *t)
{
	const char *s = lx->s;
	const char *nm = s + t->ns;
	size_t nl = t->ne - t->ns;
	int svg, top;

	if (t->end_tag && lx->select)
		(void)ma_html_select_tag(lx, t); /* </select> in foreign content too */
	if (t->end_tag && lx->tpl)
		(void)ma_html_template_tag(lx, t);
	if (t->end_tag && lx->tables && nl == 5 && ma_html_ieq(nm, nl, "table"))
		lx->tables--;
	if (t->end_tag && !lx->ns_depth && !lx->ns_over && !lx->fel)
		return; /* (HTML: an end tag leaves no raw text) */
	svg = ma_html_ieq(nm, nl, "svg") || ma_html_ieq(nm, nl, "math");
	top = ma_html_ns_top(lx);

	if (t->end_tag) {
		if (lx->fel && (ma_html_ieq(nm, nl, "script") || ma_html_ieq(nm, nl, "style")))
			lx->fel = 0;
		if (svg) {
			/* closes the innermost <svg>/<math> and what is open in it */
			int b;
			do
				b = ma_html_ns_pop(lx);
			while (b >= 0 && b != MA_HTML_NS_SVG && b != MA_HTML_NS_MATH);
			lx->fel = 0;
		} else if (ma_html_in_foreign(lx) &&
		           (ma_html_ieq(nm, nl, "p") || ma_html_ieq(nm, nl, "br"))) {
			while (ma_html_in_foreign(lx))
				(void)ma_html_ns_pop(lx);
			lx->fel = 0;
		} else if (top >= 0 && !lx->ns_over && ma_html_ns_closes(top, nm, nl)) {
			(void)ma_html_ns_pop(lx);
		}
		return;
	}
	if (top == MA_HTML_NS_MATH_TEXT && !t->self_closing &&
	    (ma_html_ieq(nm, nl, "mglyph") || ma_html_ieq(nm, nl, "malignmark"))) {
		ma_html_ns_push(lx, MA_HTML_NS_MGLYPH);
		return;
	}
	if (!ma_html_in_foreign(lx) && (lx->tpl || (nl == 8 && ma_html_ieq(nm, nl, "template"))) &&
	    ma_html_template_tag(lx, t))
		return;
	if (ma_html_in_foreign(lx) && !(top == MA_HTML_NS_AXML && ma_html_ieq(nm, nl, "svg"))) {
		if (ma_html_breakout(s, t)) {
			while (ma_html_in_foreign(lx))
				(void)ma_html_ns_pop(lx);
			lx->fel = 0;
		} else {
			if (!t->self_closing) {
				int el = ma_html_foreign_push(s, t, top);
				if (el >= 0)
					ma_html_ns_push(lx, el);
				else if (top == MA_HTML_NS_SVG && ma_html_ieq(nm, nl, "script"))
					lx->fel = MA_HTML_FEL_SCRIPT;
				else if (top == MA_HTML_NS_SVG && ma_html_ieq(nm, nl, "style"))
					lx->fel = MA_HTML_FEL_STYLE;
			}
			return; /* foreign: no raw text */
		}
	}
	if (svg) {
		if (!t->self_closing)
			ma_html_ns_push(lx, ma_html_ieq(nm, nl, "svg") ? MA_HTML_NS_SVG
			                                               : MA_HTML_NS_MATH);
		return;
	}
	if ((lx->select || (nl == 6 && ma_html_ieq(nm, nl, "select"))) && ma_html_select_tag(lx, t))
		return;
	if (nl == 5 && ma_html_ieq(nm, nl, "table"))
		lx->tables++;
	/* by the name's length first: most tags are none of these */
	switch (nl) {
	case 3:
		if (ma_html_ieq(nm, nl, "xmp"))
			lx->raw = MA_HTML_TEXT;
		break;
	case 5:
		if (ma_html_ieq(nm, nl, "style") || ma_html_ieq(nm, nl, "title"))
			lx->raw = MA_HTML_TEXT;
		break;
	case 6:
		if (ma_html_ieq(nm, nl, "script"))
			lx->raw = MA_HTML_SCRIPT;
		else if (ma_html_ieq(nm, nl, "iframe"))
			lx->raw = MA_HTML_TEXT;
		break;
	case 7:
		if (ma_html_ieq(nm, nl, "noembed"))
			lx->raw = MA_HTML_TEXT;
		break;
	case 8:
		if (ma_html_ieq(nm, nl, "noframes") || ma_html_ieq(nm, nl, "noscript") ||
		    ma_html_ieq(nm, nl, "textarea"))
			lx->raw = MA_HTML_TEXT;
		break;
	case 9:
		if (ma_html_ieq(nm, nl, "plaintext"))
			lx->plaintext = 1;
		break;
	default:
		break;
	}
	if (lx->raw) {
		lx->raw_ns = t->ns;
		lx->raw_ne = t->ne;
	}
}

int ma_html_next(struct ma_html_lexer *lx, struct ma_html_tok *t)
{
	const char *s = lx->s;
	size_t n = lx->n, p = lx->pos;

	t->nattr = 0;
	t->more = 0;
	t->self_closing = 0;
	t->end_tag = 0;
	t->unclosed = 0;
	t->ns = t->ne = 0;
	if (p >= n)
		return 0;
	if (lx->raw) {
		if (ma_html_rawtext(lx, t) > 0)
			return 1;
		p = lx->pos;
		if (p >= n)
			return 0;
	}
	if (lx->plaintext) {
		t->kind = MA_HTML_TEXT;
		t->s = p;
		t->e = lx->pos = n;
		return 1;
	}
	t->s = p;
	if (!ma_html_opens(s, n, p)) {
		/* data up to the next '<' that opens something */
		size_t q = p + 1;
		for (;;) {
			const char *lt = q < n ? memchr(s + q, '<', n - q) : NULL;
			if (!lt) {
				q = n;
				break;
			}
			q = (size_t)(lt - s);
			if (q + 1 >= n) {
				q = n;
				break;
			}
			if (ma_html_opens(s, n, q))
				break;
			q++;
		}
		t->kind = MA_HTML_TEXT;
		t->e = lx->pos = q;
		return 1;
	}
	{
		unsigned char c = (unsigned char)s[p + 1];
		if (ma_html_alpha(c) ||
		    (c == '/' && p + 2 < n && ma_html_alpha((unsigned char)s[p + 2]))) {
			size_t q = p + (c == '/' ? 2 : 1);
			t->kind = MA_HTML_TAG;
			t->end_tag = c == '/';
			t->ns = q;
			while (q < n && !ma_html_ws((unsigned char)s[q]) && s[q] != '/' &&
			       s[q] != '>')
				q++;
			t->ne = q;
			ma_html_tag_attrs(s, n, q, t);
			lx->pos = t->e;
			ma_html_after_tag(lx, t);
			return 1;
		}
		t->kind = MA_HTML_COMMENT;
		if (c == '!' && p + 3 < n && s[p + 2] == '-' && s[p + 3] == '-') {
			/* <!-- ... -->, also closed by --!> and, abruptly, by <!--> <!---> */
			size_t q = p + 4;
			if (q < n && s[q] == '>') {
				t->e = lx->pos = q + 1;
				return 1;
			}
			if (q + 1 < n && s[q] == '-' && s[q + 1] == '>') {
				t->e = lx->pos = q + 2;
				return 1;
			}
			for (; q + 2 < n; q++) {
				if (s[q] == '-' && s[q + 1] == '-' && s[q + 2] == '>') {
					t->e = lx->pos = q + 3;
					return 1;
				}
				if (q + 3 < n && s[q] == '-' && s[q + 1] == '-' &&
				    s[q + 2] == '!' && s[q + 3] == '>') {
					t->e = lx->pos = q + 4;
					return 1;
				}
			}
			t->unclosed = 1;
			t->e = lx->pos = n;
			return 1;
		}
		if (c == '!' && p + 9 <= n && !memcmp(s + p + 2, "[CDATA[", 7) &&
		    ma_html_in_foreign(lx)) {
			/* a CDATA section, up to "]]>" */
			const char *e = memmem(s + p + 9, n - p - 9, "]]>", 3);
			if (e) {
				t->e = lx->pos = (size_t)(e - s) + 3;
			} else {
				t->unclosed = 1;
				t->e = lx->pos = n;
			}
			return 1;
		}
		if (c == '/' && p + 2 < n && s[p + 2] == '>') {
			t->e = lx->pos = p + 3; /* </> is dropped */
			return 1;
		}
		/* <!x, <?x, </x (not a letter): a bogus comment up to '>' */
		{
			const char *gt = memchr(s + p + 1, '>', n - p - 1);
			if (gt) {
				t->e = lx->pos = (size_t)(gt - s) + 1;
			} else {
				t->unclosed = 1;
				t->e = lx->pos = n;
			}
		}
		return 1;
	}
}
