/*
 * ma_xss.c — the xss check: an HTML fragment about to be sent (a response
 * part where user input was interpolated) is tokenized as a browser does
 * (ma_html.c), and every place where a user input of the request occurs
 * is judged by what the input added:
 *
 *   xss.tag            the input opens an element that runs script, loads
 *                      or embeds content, or changes the page's base, forms
 *                      or styles (script, iframe, object, embed, svg, math,
 *                      img, video, audio, style, link, meta, base, form,
 *                      body, ...), or closes the raw-text element it was
 *                      put in (</textarea>, </title>, </script>, </style>);
 *                      not a decoded form's <body>, </html>, </form> ...
 *                      without attributes (ma_xss_document_tag);
 *   xss.event_handler  the input adds an on* attribute (to any element);
 *   xss.url            a URL attribute (href, src, action, formaction,
 *                      xlink:href, ...) whose value, after character
 *                      references are decoded and whitespace and control
 *                      characters dropped as browsers do, starts with
 *                      javascript:, vbscript:, livescript: or a data: URL
 *                      of a document type (an SVG one too, except where
 *                      the attribute only loads an image: <img src>,
 *                      <input src>, poster, background), the scheme coming
 *                      from the input
 *                      (read also with one more layer of %- and character
 *                      reference encoding); a javascript: body that runs
 *                      nothing (void(0), ;, a comment without a line
 *                      break or '%': javascript://) is a link;
 *   xss.split_tag      the input's '<' joins an active element or handler
 *                      once the input's own tags and comments are removed
 *                      (a tag-stripping filter's output: <<br>img ...>);
 *   xss.srcdoc         the input puts script into an iframe's srcdoc
 *                      document (the value decoded and judged as a
 *                      fragment; in doubt: any '<' in it);
 *   xss.style          the input adds CSS that runs script (expression(),
 *                      javascript: URLs, -moz-binding, behavior as a whole
 *                      property name, -ms-behavior too) to a style
 *                      attribute, or to a <style> element's text (its own
 *                      bytes judged there);
 *   xss.script         the input is inside a <script> or an on* handler and
 *                      leaves the JavaScript string, number or name it was
 *                      put in (or brings a character reference into a
 *                      handler; an input that is one whole ' or " string
 *                      literal of inert text (no call, =, :, /, markup:
 *                      ma_xss_js_whole_string) where the page has a value
 *                      is data), or moves a <script> element's end (the
 *                      double-escaped state: "<!--" then "<script"); an
 *                      SVG <script>'s text (CDATA too) is JavaScript; a
 *                      <script> of a JSON type is data but where the
 *                      input leaves one of its strings (an importmap's
 *                      URL it makes absolute too), a client template's
 *                      text is judged as HTML (a framework's event
 *                      attribute too) and its delimiters ({{ <% ${ {%
 *                      [[) fire (ma_xss_script_kind); an
 *                      input that names nothing (only
 *                      punctuation, digits, whitespace; no quote, no '/',
 *                      no line break ending a comment unless what it
 *                      releases, of the input and of the page's line,
 *                      is blank or another comment) calls nothing;
 *   xss.comment        the input opens a comment (<!--, <!, <?) that hides
 *                      the page's own markup, carries IE conditions or is
 *                      a server-side include directive (<!--#exec ...-->).
 *
 * Decided: an element that can do none of that (<b>, <p>, <a href="/x">)
 * and an inert attribute (class, title) added by an input is HTML
 * injection but not script: it does not fire. An input that stays text,
 * or stays inside a quoted attribute value, is data, except in a handler:
 * there it is script, and an input that spans its tokens fires, the
 * handler's whole value included (onload="{{callback}}").
 *
 * Threads: any, one request at a time; no allocation unless it fires.
 */
#include "ma_html.h"
#include "ma_int.h"

#include <string.h>

static unsigned char ma_xss_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static int ma_xss_in_list(const char *s, size_t n, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (ma_html_ieq(s, n, list[i]))
			return 1;
	return 0;
}

/* Elements an input must not open. */
static int ma_xss_active_element(const char *s, size_t n)
{
	static const char *const el[] = {
	    "script",  "iframe",    "frame",    "frameset", "object",  "embed",         "applet",
	    "svg",     "math",      "style",    "link",     "meta",    "base",          "form",
	    "img",     "image",     "video",    "audio",    "source",  "track",         "body",
	    "html",    "head",      "template", "xml",      "import",  "isindex",       "portal",
	    "animate", "set",       "handler",  "listener", "xss",     "layer",         "ilayer",
	    "bgsound", "plaintext", "xmp",      "noscript", "noembed", "noframes",      "textarea",
	    "title",   "button",    "input",    "select",   "keygen",  "marquee",       "details",
	    "dialog",  "picture",   "object",   "param",    "use",     "foreignobject", NULL};
	return ma_xss_in_list(s, n, el);
}

/* Elements whose content is raw text: an input that closes one escapes it. */
static int ma_xss_raw_element(const char *s, size_t n)
{
	static const char *const el[] = {"script",   "style",     "title",   "textarea",
	                                 "xmp",      "iframe",    "noembed", "noframes",
	                                 "noscript", "plaintext", NULL};
	return ma_xss_in_list(s, n, el);
}

static int ma_xss_url_attr(const char *s, size_t n)
{
	static const char *const at[] = {
	    "href",    "src",     "action",  "formaction", "xlink:href", "data",     "background",
	    "poster",  "lowsrc",  "dynsrc",  "codebase",   "cite",       "longdesc", "usemap",
	    "profile", "classid", "archive", "ping",       "manifest",   "icon",     "to",
	    "from",    "values",  "by",      "content",    "folder",     "datasrc",  NULL};
	return ma_xss_in_list(s, n, at);
}

static int ma_xss_hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = ma_xss_lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The character at s[*i] of an attribute value with a character reference
 * decoded (&#106; &#x6A &colon; &Tab; &NewLine; ...); advances *i. Code
 * points above 0x7f come back as 0x80. */
static unsigned ma_xss_char(const char *s, size_t n, size_t *i)
{
	static const struct {
		const char *name;
		unsigned c;
	} named[] = {{"tab", '\t'},  {"newline", '\n'}, {"colon", ':'}, {"lpar", '('},
	             {"rpar", ')'},  {"lt", '<'},       {"gt", '>'},    {"amp", '&'},
	             {"quot", '"'},  {"apos", '\''},    {"sol", '/'},   {"bsol", '\\'},
	             {"nbsp", 0x80}, {"num", '#'},      {"semi", ';'},  {"equals", '='}};
	size_t p = *i;

	if (s[p] != '&' || p + 1 >= n) {
		*i = p + 1;
		return (unsigned char)s[p];
	}
	if (s[p + 1] == '#') {
		size_t q = p + 2;
		unsigned long v = 0;
		int hex = q < n && (s[q] == 'x' || s[q] == 'X'), any = 0;
		if (hex)
			q++;
		while (q < n && (hex ? ma_xss_hex((unsigned char)s[q]) >= 0
		                     : (s[q] >= '0' && s[q] <= '9'))) {
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) +
				    (unsigned long)(hex ? ma_xss_hex((unsigned char)s[q])
				                        : s[q] - '0');
			q++;
			any = 1;
		}
		if (any) {
			if (q < n && s[q] == ';')
				q++;
			*i = q;
			return v < 0x80 ? (unsigned)v : 0x80;
		}
	} else {
		for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
			size_t l = strlen(named[k].name);
			if (p + 1 + l <= n && ma_html_ieq(s + p + 1, l, named[k].name)) {
				size_t q = p + 1 + l;
				if (q < n && s[q] == ';')
					q++;
				*i = q;
				return named[k].c;
			}
		}
	}
	*i = p + 1;
	return '&';
}

/* The scheme a browser sees in the URL value s[vs, ve): lowercase into
 * out (cap bytes) with leading spaces and controls and inner tabs and
 * newlines dropped; *colon gets the raw offset just after the ':'. 1 when
 * there is a scheme. Also copies up to 16 bytes after it into rest. */
static int ma_xss_scheme(const char *s, size_t vs, size_t ve, char *out, size_t cap, size_t *colon,
                         char *rest, size_t rcap)
{
	size_t i = vs, o = 0;
	int started = 0;

	while (i < ve) {
		unsigned c = ma_xss_char(s, ve, &i);
		if (!started && c <= 0x20)
			continue;
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		started = 1;
		if (c == ':') {
			size_t r = 0;
			out[o] = '\0';
			*colon = i;
			while (i < ve && r + 1 < rcap) {
				unsigned d = ma_xss_char(s, ve, &i);
				if (d == '\t' || d == '\n' || d == '\r' || d == ' ')
					continue;
				rest[r++] = (char)ma_xss_lower((unsigned char)d);
			}
			rest[r] = '\0';
			return o > 0;
		}
		if (o + 1 >= cap || c >= 0x80 ||
		    !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '+' || c == '-' || c == '.' || c == 0))
			return 0;
		if (c == 0)
			continue; /* old engines skipped NUL bytes in schemes */
		out[o++] = (char)ma_xss_lower((unsigned char)c);
	}
	return 0;
}

/* 1 when the body of a javascript: URL, s[p, ve) with character
 * references decoded, runs nothing: only the keyword void, numbers,
 * parentheses, ';', spaces and comments without a line break or '%'
 * (javascript:void(0), javascript:;, javascript:, javascript://). Without a name nothing can be
 * called or read, and the result is not a string (a string result would be rendered as the new
 * document). A '%' (the body is percent-decoded before it runs), a
 * comment or any other character: it may run something. */
static int ma_xss_js_noop(const char *s, size_t p, size_t ve)
{
	while (p < ve) {
		unsigned c = ma_xss_char(s, ve, &p);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' ||
		    c == ';' || c == '.' || (c >= '0' && c <= '9'))
			continue;
		if (c == '/' && p < ve) {
			/* a comment: // to the body's end, slash-star to its end; no line
			 * break in any form (written, a reference, %0a, %E2%80%A8:
			 * old engines did not strip one) and no '%' at all (%2A/
			 * ends a block comment once the body is percent-decoded) */
			size_t q = p;
			unsigned d = ma_xss_char(s, ve, &q), prev = 0;
			if (d != '/' && d != '*')
				return 0;
			p = q;
			while (p < ve) {
				unsigned e = ma_xss_char(s, ve, &p);
				if (e == '\n' || e == '\r' || e == '%' || e >= 0x80)
					return 0;
				if (d == '*' && prev == '*' && e == '/')
					break;
				prev = e;
			}
			continue;
		}
		if (c != 'v')
			return 0;
		/* the keyword void, whole (JavaScript is case-sensitive) */
		{
			static const char rest[] = "oid";
			for (int k = 0; rest[k]; k++)
				if (p >= ve || ma_xss_char(s, ve, &p) != (unsigned char)rest[k])
					return 0;
			if (p < ve) {
				size_t q = p;
				unsigned d = ma_xss_char(s, ve, &q);
				if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') ||
				    (d >= '0' && d <= '9') || d == '_' || d == '$' || d >= 0x80)
					return 0;
			}
		}
	}
	return 1;
}

/* 1 when the scheme sch (rest: what follows its ':') runs script; the
 * body of a javascript: URL is s[colon, ve). image: the attribute only
 * loads an image, where any data:image/ URL is one (an SVG image runs no
 * script: browsers load it in secure animated mode). */
static int ma_xss_script_scheme(const char *sch, const char *rest, const char *s, size_t colon,
                                size_t ve, int image)
{
	if (!strcmp(sch, "javascript"))
		return !ma_xss_js_noop(s, colon, ve);
	if (!strcmp(sch, "vbscript") || !strcmp(sch, "livescript") || !strcmp(sch, "mocha"))
		return 1;
	if (!strcmp(sch, "data"))
		return strncmp(rest, "image/", 6) != 0 ||
		       (!image && !strncmp(rest, "image/svg", 9));
	return 0;
}

#define MA_XSS_PCT_MAX 96 /* bytes of a value read with one more layer of encoding */

/* A value written with one more layer of encoding than a browser removes
 * (javascript%26colon;, java%26%23115;cript:, javascript%3A): s[vs, ve)
 * with character references and then %XX decoded into out, map[k] the
 * raw offset just after out[k]. Returns the length, 0 when no %XX was
 * decoded (the browser's own reading is all there is). */
static size_t ma_xss_pct_layer(const char *s, size_t vs, size_t ve, char *out, size_t *map)
{
	size_t i = vs, o = 0;
	int any = 0;

	while (i < ve && o < MA_XSS_PCT_MAX) {
		unsigned c = ma_xss_char(s, ve, &i);
		if (c == '%' && i + 1 < ve && ma_xss_hex((unsigned char)s[i]) >= 0 &&
		    ma_xss_hex((unsigned char)s[i + 1]) >= 0) {
			c = (unsigned)(ma_xss_hex((unsigned char)s[i]) * 16 +
			               ma_xss_hex((unsigned char)s[i + 1]));
			i += 2;
			any = 1;
		}
		out[o] = c ? (char)(c > 0xff ? 0x80 : c) : 0;
		map[o++] = i;
	}
	return any ? o : 0;
}

/* 1 when the value is a URL that runs script where the input wrote the
 * scheme (it starts at or before the ':'), as the browser reads it or
 * with one more layer of encoding decoded (an evasion: nothing else
 * writes a script scheme encoded). */
static int ma_xss_bad_url(const char *s, size_t vs, size_t ve, size_t a, size_t b, int image)
{
	char sch[24], rest[24], dec[MA_XSS_PCT_MAX];
	size_t colon = 0, map[MA_XSS_PCT_MAX], dn;

	if (b <= vs)
		return 0;
	if (ma_xss_scheme(s, vs, ve, sch, sizeof sch, &colon, rest, sizeof rest))
		return a < colon && ma_xss_script_scheme(sch, rest, s, colon, ve, image);
	if (!memchr(s + vs, '%', ve - vs))
		return 0;
	dn = ma_xss_pct_layer(s, vs, ve, dec, map);
	if (!dn || !ma_xss_scheme(dec, 0, dn, sch, sizeof sch, &colon, rest, sizeof rest))
		return 0;
	if (a >= map[colon - 1])
		return 0;
	/* a body cut at the buffer's end may run anything */
	return (dn == MA_XSS_PCT_MAX && !strcmp(sch, "javascript")) ||
	       ma_xss_script_scheme(sch, rest, dec, colon, dn, image);
}

/* 1 if the bytes of s from i (before b) start with word (ASCII, any
 * case, wl bytes), ignoring backslashes, NULs, whitespace and CSS
 * comments between its letters. */
static int ma_xss_word_at(const char *s, size_t i, size_t b, const char *word, size_t wl)
{
	size_t j = i, k = 0;
	unsigned char c0 = (unsigned char)s[i];

	if (c0 != '\\' && c0 != 0 && ma_xss_lower(c0) != (unsigned char)word[0])
		return 0; /* (the loop's first step, at once) */

	while (j < b && k < wl) {
		unsigned char c = (unsigned char)s[j];
		if (c == '\\' || c == 0 || ((c == ' ' || c == '\t' || c == '\n') && k > 0)) {
			j++;
			continue;
		}
		if (c == '/' && j + 1 < b && s[j + 1] == '*' && k > 0) {
			const char *e = memmem(s + j + 2, b - j - 2, "*/", 2);
			j = e ? (size_t)(e - s) + 2 : b;
			continue;
		}
		if (ma_xss_lower(c) != (unsigned char)word[k])
			break;
		j++;
		k++;
	}
	return k == wl;
}

/* 1 if the bytes [a, b) of s hold word (ma_xss_word_at). */
static int ma_xss_has_word(const char *s, size_t a, size_t b, const char *word)
{
	size_t wl = strlen(word);

	for (size_t i = a; i < b; i++)
		if (ma_xss_word_at(s, i, b, word, wl))
			return 1;
	return 0;
}

/* 1 if the attribute value s[vs, ve) holds a '<' once its character
 * references are decoded as a browser decodes them: written, named
 * (&lt; &LT;) or numeric in any base, with leading zeros and without the
 * ';' (&#60 &#x3c &#0000060;): an iframe's srcdoc is then a document
 * with markup. */
static int ma_xss_has_lt(const char *s, size_t vs, size_t ve)
{
	size_t i = vs;

	while (i < ve) {
		const char *amp = memchr(s + i, '&', ve - i);
		const char *lt = memchr(s + i, '<', ve - i);
		if (lt && (!amp || lt < amp))
			return 1;
		if (!amp)
			return 0;
		i = (size_t)(amp - s);
		if (ma_xss_char(s, ve, &i) == '<')
			return 1;
	}
	return 0;
}

/* 1 if s[0, n) is exactly a name browsers know, as spelt (case counts:
 * &Lt; is not '<'), among those ma_xss_char decodes; semi 0: written
 * without the ';', which only the legacy names allow. */
static int ma_xss_ref_exact(const char *s, size_t n, int semi)
{
	static const char *const legacy[] = {"lt",  "LT",   "gt",   "GT",   "amp",
	                                     "AMP", "quot", "QUOT", "nbsp", NULL};
	static const char *const other[] = {"Tab", "NewLine", "colon", "lpar", "rpar",   "apos",
	                                    "sol", "bsol",    "num",   "semi", "equals", NULL};

	for (int i = 0; legacy[i]; i++)
		if (strlen(legacy[i]) == n && memcmp(s, legacy[i], n) == 0)
			return 1;
	for (int i = 0; semi && other[i]; i++)
		if (strlen(other[i]) == n && memcmp(s, other[i], n) == 0)
			return 1;
	return 0;
}

static int ma_xss_alnum(unsigned char c)
{
	c = ma_xss_lower(c);
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Named references that give an ASCII character ma_xss_char does not
 * decode: a srcdoc holding one is not decoded exactly. */
static const char *const ma_xss_ascii_refs[] = {
    "excl",   "dollar", "percnt",       "ast",   "midast",           "plus",  "comma",
    "period", "quest",  "commat",       "lsqb",  "lbrack",           "rsqb",  "rbrack",
    "hat",    "lowbar", "underbar",     "grave", "diacriticalgrave", "lcub",  "lbrace",
    "verbar", "vert",   "verticalline", "rcub",  "rbrace",           "fjlig", NULL};

/* The srcdoc value s[vs, ve) decoded as a browser decodes an attribute
 * value, into out (cap bytes); *da, *db get the input [a, b)'s place in
 * it. Returns the decoded length, or (size_t)-1 when the decoding is not
 * exact: out too small, [a, b) not on the value's character boundaries
 * (a reference split between the page and the input), a reference spelt
 * in a way this decoder does not follow. Code points above 0x7f and NUL
 * become one 0x80 byte (text, as they are in the inner document). */
static size_t ma_xss_srcdoc_decode(const char *s, size_t vs, size_t ve, size_t a, size_t b,
                                   char *out, size_t cap, size_t *da, size_t *db)
{
	size_t i = vs, o = 0;
	int ha = 0, hb = 0;

	while (i < ve) {
		size_t p = i;
		unsigned c;
		if (i == a) {
			*da = o;
			ha = 1;
		}
		if (i == b) {
			*db = o;
			hb = 1;
		}
		if (o == cap)
			return (size_t)-1;
		c = ma_xss_char(s, ve, &i);
		if (s[p] == '&' && p + 1 < ve && s[p + 1] != '#' && i == p + 1 &&
		    ma_xss_alnum((unsigned char)s[p + 1])) {
			size_t q = p + 1; /* a name ma_xss_char does not know */
			while (q < ve && ma_xss_alnum((unsigned char)s[q]))
				q++;
			if (q < ve && s[q] == ';') {
				if (ma_xss_in_list(s + p + 1, q - p - 1, ma_xss_ascii_refs))
					return (size_t)-1;
				c = 0x80;
				i = q + 1;
			} /* (else '&' as written) */
		} else if (s[p] == '&' && i > p + 1 && s[p + 1] != '#') {
			int semi = s[i - 1] == ';';
			if (!ma_xss_ref_exact(s + p + 1, i - p - 1 - (size_t)semi, semi) ||
			    (!semi && i < ve && (ma_xss_alnum((unsigned char)s[i]) || s[i] == '=')))
				return (size_t)-1; /* &Lt; &colon &ampx: not what we decode */
		}
		out[o++] = (char)(c == 0 ? 0x80 : c);
	}
	if (b == ve) {
		*db = o;
		hb = 1;
	}
	return ha && hb ? o : (size_t)-1;
}

#define MA_XSS_CSS_MAX 1024 /* bytes of a style value decoded (the rest read as written) */

/* The style value s[a, b) as the CSS parser reads it: character
 * references decoded (the tokenizer's work: jav&#x61;script:), then CSS
 * escapes (\65 or \000065 and one white space after it, \s, a
 * backslash before a line break dropped) into out. Code points above
 * 0x7f come back as 0x80. Returns the length. */
static size_t ma_xss_css_decode(const char *s, size_t a, size_t b, char *out)
{
	size_t i = a, o = 0;

	while (i < b && o < MA_XSS_CSS_MAX) {
		unsigned c = ma_xss_char(s, b, &i);
		if (c == '\\' && i < b) {
			size_t j = i;
			unsigned long v = 0;
			int nd = 0;
			while (j < b && nd < 6 && ma_xss_hex((unsigned char)s[j]) >= 0) {
				v = v * 16 + (unsigned long)ma_xss_hex((unsigned char)s[j]);
				j++;
				nd++;
			}
			if (nd) {
				if (j < b && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' ||
				              s[j] == '\r' || s[j] == '\f'))
					j++;
				i = j;
				c = v && v < 0x80 ? (unsigned)v : 0x80;
			} else if (s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
				i++;
				continue;
			} else {
				c = ma_xss_char(s, b, &i);
			}
		}
		out[o++] = (char)(c < 0x80 ? c : 0x80);
	}
	return o;
}

/* 1 if a CSS property name may start at s[i] of s[a, b): not inside a
 * longer name (scroll-behavior:, overscroll-behavior: are not IE's
 * behavior:), the vendor prefix -ms- apart (-ms-behavior: is IE 8's), and
 * IE 6's underscore hack too (_behavior: is behavior: there). */
static int ma_xss_prop_start(const char *s, size_t a, size_t i)
{
	unsigned char c = i > a ? (unsigned char)s[i - 1] : ' ';

	return !((ma_xss_lower(c) >= 'a' && ma_xss_lower(c) <= 'z') || (c >= '0' && c <= '9') ||
	         c >= 0x80 || (c == '-' && !(i - a >= 4 && ma_html_ieq(s + i - 4, 4, "-ms-"))));
}

/* 1 when the quote at s[q] of a <style> text starting at ts opens a
 * function's argument (url(", image-set(') or an @import's URL. */
static int ma_xss_css_url_string(const char *s, size_t ts, size_t q)
{
	size_t p = q;

	while (p > ts && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\n' ||
	                  s[p - 1] == '\r' || s[p - 1] == '\f'))
		p--;
	return (p > ts && s[p - 1] == '(') || (p - ts >= 7 && ma_html_ieq(s + p - 7, 7, "@import"));
}

/* 1 when the input [a, b) of a <style> element's text starting at ts
 * stays inside one CSS comment, or one string that is not a URL's
 * (ma_xss_css_url_string), of the page's: text there runs nothing
 * (content: "Regular expression(s)"). An input that starts outside them,
 * or ends the comment or string (its quote, a line break, its star and
 * slash), is judged. */
static int ma_xss_css_quoted(const char *s, size_t ts, size_t a, size_t b)
{
	int st = 0, url = 0; /* st: 0 CSS, 1 a comment, or a string's quote */

	for (size_t i = ts; i < b; i++) {
		char c = s[i];
		if (i == a && st == 0)
			return 0;
		if (st == 0) {
			if (c == '/' && i + 1 < b && s[i + 1] == '*') {
				st = 1;
				i++;
			} else if (c == '"' || c == '\'') {
				st = c;
				url = ma_xss_css_url_string(s, ts, i);
			}
		} else if (st == 1) {
			if (c == '*' && i + 1 < b && s[i + 1] == '/') {
				if (i + 1 >= a)
					return 0;
				st = 0;
				i++;
			}
		} else if (c == '\\') {
			i++;
		} else if (c == st || c == '\n' || c == '\r' || c == '\f') {
			if (i >= a)
				return 0;
			st = 0;
		}
	}
	return st == 1 || (st && !url);
}

/* 1 if s[a, b) holds expression(, javascript:, vbscript:, -moz-binding
 * (ma_xss_has_word's reading) or the property behavior: or behaviour: as
 * a whole name (ma_xss_prop_start): one pass, a word tried where its
 * first letter is (a match that starts at a backslash or NUL is also one
 * that starts at the letter after them). */
static int ma_xss_bad_css_text(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		switch (ma_xss_lower((unsigned char)s[i])) {
		case 'e':
			if (ma_xss_word_at(s, i, b, "expression(", sizeof "expression(" - 1))
				return 1;
			break;
		case 'j':
			if (ma_xss_word_at(s, i, b, "javascript:", sizeof "javascript:" - 1))
				return 1;
			break;
		case 'v':
			if (ma_xss_word_at(s, i, b, "vbscript:", sizeof "vbscript:" - 1))
				return 1;
			break;
		case '-':
			if (ma_xss_word_at(s, i, b, "-moz-binding", sizeof "-moz-binding" - 1))
				return 1;
			break;
		case 'b':
			if (ma_xss_prop_start(s, a, i) &&
			    (ma_xss_word_at(s, i, b, "behavior:", sizeof "behavior:" - 1) ||
			     ma_xss_word_at(s, i, b, "behaviour:", sizeof "behaviour:" - 1)))
				return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* 1 if the style value s[a, b) runs script: as written (backslashes
 * between letters skipped) or, when it holds a character reference or a
 * CSS escape, as the CSS parser reads it (e\78pression, url(jav&#x61;script:)). */
static int ma_xss_bad_css(const char *s, size_t a, size_t b)
{
	char dec[MA_XSS_CSS_MAX];
	size_t dn;

	if (ma_xss_bad_css_text(s, a, b))
		return 1;
	if (!memchr(s + a, '&', b - a) && !memchr(s + a, '\\', b - a))
		return 0;
	dn = ma_xss_css_decode(s, a, b, dec);
	return ma_xss_bad_css_text(dec, 0, dn);
}

/* The length of a JavaScript line terminator at s[p] (e its end): 1 for
 * LF and CR (also a LF once HTML has read it), 3 for U+2028 and U+2029
 * in UTF-8 (not HTML white space: an input of them alone is looked for
 * as any other); 0 for any other byte. */
static size_t ma_xss_js_lt(const char *s, size_t p, size_t e)
{
	if (s[p] == '\n' || s[p] == '\r')
		return 1;
	return (unsigned char)s[p] == 0xE2 && p + 2 < e && (unsigned char)s[p + 1] == 0x80 &&
	               ((unsigned char)s[p + 2] & 0xFE) == 0xA8
	           ? 3
	           : 0;
}

/* The input s[a, b) ends a comment of its line with its first line
 * terminator (ma_xss_js_lt), the script ending at ce: 1 when what that
 * break releases as code is blank or another comment. Released: the
 * input's bytes after the break and the page's bytes after the input up
 * to the next line terminator (the rest of the comment's line, where the
 * page may write its stored data: review18). Blank: only whitespace and
 * line terminators to that line's end (or the script's end). Another
 * comment: after the whitespace, "//", "<!--" or "-->" (a line's start:
 * an HTML-like comment of classic scripts and handlers), with no line
 * terminator of the input after it: the rest of the line stays comment. */
static int ma_xss_js_releases_nothing(const char *s, size_t ce, size_t a, size_t b)
{
	size_t p = a, e, n;

	while (p < b && !ma_xss_js_lt(s, p, b))
		p++;
	for (e = b; e < ce && !ma_xss_js_lt(s, e, ce); e++)
		;
	while (p < e) {
		if (s[p] == ' ' || s[p] == '\t' || s[p] == '\f' || s[p] == '\v')
			p++;
		else if ((n = ma_xss_js_lt(s, p, b)) != 0)
			p += n;
		else
			break;
	}
	if (p >= e)
		return 1;
	if (e - p >= 4 && !memcmp(s + p, "<!--", 4))
		p += 4;
	else if (e - p >= 3 && !memcmp(s + p, "-->", 3))
		p += 3;
	else if (e - p >= 2 && s[p] == '/' && s[p + 1] == '/')
		p += 2;
	else
		return 0;
	for (; p < b; p++)
		if (ma_xss_js_lt(s, p, b))
			return 0;
	return 1;
}

/* 1 when the input s[a, b), in the script s[cs, ...), names nothing
 * JavaScript could run and leaves the page's own later bytes the tokens
 * they were: no letter, '_' or '$' (names, ${), byte above 0x7f (Unicode
 * names; but U+2028 and U+2029, line breaks), backslash (\u0061
 * escapes), '&' (a reference a handler's value decodes), bracket (JSFuck:
 * [][(![]+[])[+[]]...]), quote or backtick (a string left or opened: the
 * page's later text, its stored data included, becomes code), '/' (a
 * comment ended); a line break (LF, CR, U+2028, U+2029) only where the
 * line before it has no comment ("//", "<!--", "-->", or a string
 * holding them: counted as one) that it would end, or where what it
 * releases of the input and of the page's line is blank or another
 * comment (ma_xss_js_releases_nothing). Only punctuation,
 * digits and whitespace are left: it can end a statement of the page's
 * code but call, read or write nothing, and the page's strings and
 * comments stay strings and comments. */
static int ma_xss_js_names_nothing(const char *s, size_t cs, size_t ce, size_t a, size_t b)
{
	int nl = 0;

	for (size_t i = a; i < b; i++) {
		unsigned char c = ma_xss_lower((unsigned char)s[i]);
		if (c == 0xE2 && ma_xss_js_lt(s, i, b) == 3) {
			nl = 1; /* U+2028, U+2029: a line break, no name */
			i += 2;
			continue;
		}
		if ((c >= 'a' && c <= 'z') || c == '_' || c == '$' || c >= 0x80 || c == '\\' ||
		    c == '&' || c == '[' || c == ']' || c == '\'' || c == '"' || c == '`' ||
		    c == '/')
			return 0;
		nl |= c == '\n' || c == '\r';
	}
	if (nl) {
		size_t l = a;
		while (l > cs && s[l - 1] != '\n' && s[l - 1] != '\r')
			l--;
		if (memmem(s + l, a - l, "//", 2) || memmem(s + l, a - l, "<!--", 4) ||
		    memmem(s + l, a - l, "-->", 3))
			return ma_xss_js_releases_nothing(s, ce, a, b);
	}
	return 1;
}

/* 1 when [a, b) is one whole ' or " string literal token of s, its
 * closing quote at b - 1, whose text is inert wherever the page may hand
 * it (review21: eval, setTimeout, new Function, location, a script's src,
 * innerHTML): letters, digits, spaces, bytes above 0x7f and the
 * punctuation . , ; ! ? - _ + * # @ $ ~ ^ | { } & and the other quote.
 * So no call ( ) or `, no assignment =, no scheme ':' (javascript:name
 * runs window.name), no path '/', no '%' (a javascript: URL's body is
 * percent-decoded), no '<' '>' (markup; the script data's <!-- and
 * </script states), no backslash (an escape may move its end, \u0028),
 * no brackets, no line break. */
static int ma_xss_js_whole_string(const char *s, size_t a, size_t b)
{
	if (b - a < 2 || (s[a] != '\'' && s[a] != '"') || s[b - 1] != s[a])
		return 0;
	for (size_t i = a + 1; i < b - 1; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c >= 0x80 || (c != (unsigned char)s[a] && (c == '\'' || c == '"')) ||
		    (c != 0 && memchr(" .,;!?-_+*#@$~^|{}&", c, 20)))
			continue;
		return 0;
	}
	return 1;
}

/* JavaScript in s[cs, ce): 1 if [a, b) stays inside one string literal,
 * comment, name or number (data), 0 if it spans tokens. A small lexer:
 * strings ' " `, comments, words; a template's ${ counts as code.
 * strings: 1 where the script runs as written (a <script>, a handler),
 * and then an input that is one whole ' or " string literal where the
 * lexer is between tokens is data too (BUILDER: 'html'): it leaves no
 * string open and names nothing, the page's later bytes stay the tokens
 * they were. Not so in a javascript: URL, whose body's string result is
 * rendered as the new document. */
static int ma_xss_js_data(const char *s, size_t cs, size_t ce, size_t a, size_t b, int strings)
{
	size_t p = cs;

	while (p < ce) {
		size_t ts = p, is, ie; /* token and its inside */
		unsigned char c = (unsigned char)s[p];
		if (c == '"' || c == '\'' || c == '`') {
			p++;
			is = p;
			while (p < ce && s[p] != (char)c) {
				if (s[p] == '\\') {
					if (a <= p && p + 1 == b && b < ce &&
					    (s[b] == (char)c || s[b] == '\n' || s[b] == '\r'))
						return 0; /* the input's last backslash
						             escapes the page's quote */
					p++;
				} else if (c != '`' && s[p] == '\n') {
					break;
				} else if (c == '`' && s[p] == '$' && p + 1 < ce &&
				           s[p + 1] == '{' && a <= p + 1 && p < b) {
					return 0; /* the input opens a substitution, or
					             completes the page's "$" */
				}
				p++;
			}
			if (p > ce)
				p = ce;
			ie = p;
			if (p < ce && s[p] == (char)c)
				p++;
		} else if (c == '/' && p + 1 < ce && (s[p + 1] == '/' || s[p + 1] == '*')) {
			is = p + 2;
			if (s[p + 1] == '/') {
				/* to the line's end: LF, CR (also a LF once HTML has
				 * read it), U+2028 or U+2029 (JavaScript's line
				 * terminators) */
				while (p < ce && s[p] != '\n' && s[p] != '\r' &&
				       !((unsigned char)s[p] == 0xE2 && p + 2 < ce &&
				         (unsigned char)s[p + 1] == 0x80 &&
				         ((unsigned char)s[p + 2] & 0xFE) == 0xA8))
					p++;
				ie = p;
			} else {
				const char *e =
				    p + 2 < ce ? memmem(s + p + 2, ce - p - 2, "*/", 2) : NULL;
				ie = e ? (size_t)(e - s) : ce;
				p = e ? ie + 2 : ce;
			}
		} else if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		            (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80 ||
		            c == '.') &&
		           !(c == 0xE2 && ma_xss_js_lt(s, p, ce))) {
			/* a name or number; U+2028 and U+2029 end it (line breaks) */
			while (p < ce &&
			       ((s[p] >= 'a' && s[p] <= 'z') || (s[p] >= 'A' && s[p] <= 'Z') ||
			        (s[p] >= '0' && s[p] <= '9') || s[p] == '_' || s[p] == '$' ||
			        ((unsigned char)s[p] >= 0x80 && !ma_xss_js_lt(s, p, ce)) ||
			        s[p] == '.'))
				p++;
			is = ts;
			ie = p;
		} else {
			p++;
			is = ie = ts; /* punctuation, operators, whitespace: never hold an input */
			if (c == 0xE2 && ma_xss_js_lt(s, ts, ce)) {
				p += 2; /* U+2028, U+2029: whitespace */
				c = '\n';
			}
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
				is = ie = (size_t)-1;
		}
		if (ts <= a && a < p) /* the token where the input starts */
			return (is != (size_t)-1 && a >= is && b <= ie) ||
			       (strings && ts == a && p == b && ma_xss_js_whole_string(s, a, b));
	}
	return 0;
}

/* 1 when the input [a, b) chose the origin a script is loaded from: the
 * value s[vs, ve) of a <script src> (SVG's href) or <base href> (every
 * relative script of the page) is absolute (scheme:) or scheme-relative
 * (//host, \\host), read with character references decoded and tabs and
 * newlines dropped, and the input starts before the end of its host:
 * <script src="USER"> with //evil.example/x.js. A path on the page's own
 * origin (/js/app.js?v=USER) is not a choice of origin. */
static int ma_xss_script_origin(const char *s, size_t vs, size_t ve, size_t a)
{
	char sch[24], rest[24];
	size_t i = vs, colon = 0, at;
	int slashes = 0;

	if (ma_xss_scheme(s, vs, ve, sch, sizeof sch, &colon, rest, sizeof rest)) {
		i = colon;
	} else {
		for (at = i; i < ve; at = i) {
			unsigned c = ma_xss_char(s, ve, &i);
			if (c > 0x20) {
				i = at;
				break;
			}
		}
	}
	/* the slashes before the host; without a scheme, two are needed */
	for (at = i; i < ve; at = i) {
		unsigned c = ma_xss_char(s, ve, &i);
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c != '/' && c != '\\') {
			i = at;
			break;
		}
		slashes++;
	}
	if (!colon && slashes < 2)
		return 0;
	/* the host (and userinfo, port) up to / \ ? # */
	for (at = i; i < ve; at = i) {
		unsigned c = ma_xss_char(s, ve, &i);
		if (c == '/' || c == '\\' || c == '?' || c == '#') {
			i = at;
			break;
		}
	}
	return a < i;
}

#define MA_XSS_JSURL_MAX 1024 /* bytes of a javascript: URL's body read as script */

/* 1 when the URL value s[vs, ve) is a javascript: URL whose scheme the
 * page wrote and the input [a, b), after the ':', leaves the JavaScript
 * string, name or number it was put in (href="javascript:show('USER')"
 * with ');alert(1)//), read as the browser runs the body: character
 * references decoded (&#39;), tabs and newlines dropped (the URL
 * parser), then percent-decoded (%27: the script source of a javascript:
 * URL is its percent-decoded body). A body past MA_XSS_JSURL_MAX bytes
 * with the input beyond it is not read: it fires. */
static int ma_xss_js_url_breaks(const char *s, size_t vs, size_t ve, size_t a, size_t b)
{
	char sch[24], rest[24], body[MA_XSS_JSURL_MAX];
	size_t colon = 0, i, o = 0, da = (size_t)-1, db = (size_t)-1;

	if (!ma_xss_scheme(s, vs, ve, sch, sizeof sch, &colon, rest, sizeof rest) ||
	    strcmp(sch, "javascript") || a < colon)
		return 0;
	for (i = colon; i < ve && o < sizeof body;) {
		unsigned c;
		if (da == (size_t)-1 && i >= a)
			da = o;
		if (db == (size_t)-1 && i >= b)
			db = o;
		c = ma_xss_char(s, ve, &i);
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c == '%' && i + 1 < ve && ma_xss_hex((unsigned char)s[i]) >= 0 &&
		    ma_xss_hex((unsigned char)s[i + 1]) >= 0) {
			c = (unsigned)(ma_xss_hex((unsigned char)s[i]) * 16 +
			               ma_xss_hex((unsigned char)s[i + 1]));
			i += 2;
		}
		body[o++] = (char)(c > 0xff ? 0x80 : c);
	}
	if (i < ve && b > i)
		return 1;
	if (da == (size_t)-1)
		da = o;
	if (db == (size_t)-1)
		db = o;
	return da < db && !ma_xss_js_data(body, 0, o, da, db, 0);
}

/* 1 when s[q, ce) starts with "<script" or, end 1, "</script", then white
 * space, '/' or '>' (the tokenizer's double-escape start and end). */
static int ma_xss_script_word(const char *s, size_t q, size_t ce, int end)
{
	size_t p = q + 1 + (size_t)end;

	return s[q] == '<' && (!end || (q + 1 < ce && s[q + 1] == '/')) && p + 6 < ce &&
	       ma_html_ieq(s + p, 6, "script") && strchr(" \t\n\f\r/>", s[p + 6]) && s[p + 6];
}

/* The script data's states (0 data, 1 escaped: after "<!--", 2 double
 * escaped: a "<script" after that) read over s[p, q) from *st, ce the
 * token's end: the offset of the first "</script" that ends the element
 * (in state 0 or 1; in 2 it goes back to 1), or q. */
static size_t ma_xss_script_states(const char *s, size_t p, size_t q, size_t ce, int *st)
{
	for (; p < q; p++) {
		if (*st == 0 && p + 3 < ce && s[p] == '<' && s[p + 1] == '!' && s[p + 2] == '-' &&
		    s[p + 3] == '-') {
			*st = 1;
			p++; /* its "--" may begin the "-->" */
		} else if (*st && p + 2 < ce && s[p] == '-' && s[p + 1] == '-' && s[p + 2] == '>') {
			*st = 0;
			p += 2;
		} else if (*st == 1 && ma_xss_script_word(s, p, ce, 0)) {
			*st = 2;
			p += 6;
		} else if (ma_xss_script_word(s, p, ce, 1)) {
			if (*st != 2)
				return p;
			*st = 1;
			p += 7;
		}
	}
	return q;
}

/* 1 when the input [a, b) inside the script data [cs, ce) moves the
 * element's end: read without the input, the page's own "</script>"
 * would end it before ce, where it ends now. That is an input that leaves
 * the tokenizer in the double-escaped state ("<!--" then "<script", the
 * "<!--" the page's or the input's, and no "-->" or "</script" of the
 * input's after them): the page's markup after it, with what other inputs
 * wrote there, is read as JavaScript. */
static int ma_xss_script_double_escape(const char *s, size_t cs, size_t ce, size_t a, size_t b)
{
	int st = 0, without;

	if (!memchr(s + a, '<', b - a))
		return 0;
	(void)ma_xss_script_states(s, cs, a, ce, &st);
	without = st;
	(void)ma_xss_script_states(s, a, b, ce, &st);
	return st != without && ma_xss_script_states(s, b, ce, ce, &without) < ce;
}

/* What a <script> element's text is, by its type attribute. */
enum { MA_XSS_SCRIPT_JS, MA_XSS_SCRIPT_JSON, MA_XSS_SCRIPT_IMPORTMAP, MA_XSS_SCRIPT_TEMPLATE };

/* 1 if s[0, n) holds the lowercase word w, ignoring case. */
static int ma_xss_icontains(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);

	for (size_t i = 0; i + wl <= n; i++)
		if (ma_html_ieq(s + i, wl, w))
			return 1;
	return 0;
}

/* The kind of the <script> element whose start tag's name ends at ne of
 * s (len bytes), read with t (the caller's token, overwritten). A JSON
 * data block (application/json, application/ld+json, text/json, any
 * +json, speculationrules; importmap apart: it chooses where modules are
 * loaded from) and a client template (a type naming template, tmpl,
 * handlebars or mustache, and text/html: Underscore, Handlebars, Vue's
 * x-template, Angular's ng-template, jQuery tmpl render it as markup)
 * are not run by the browser. Any other type, none, a language
 * attribute, module: JavaScript (in doubt too: Babel's text/babel, a
 * type with parameters). */
static int ma_xss_script_kind(const char *s, size_t len, size_t ne, struct ma_html_tok *t)
{
	ma_html_tag_attrs(s, len, ne, t);
	for (int i = 0; i < t->nattr; i++) {
		const struct ma_html_attr *x = &t->attr[i];
		size_t vs = x->vs, ve = x->ve, sl;
		const char *sub;
		if (!ma_html_ieq(s + x->ns, x->ne - x->ns, "type"))
			continue;
		while (vs < ve && strchr(" \t\n\f\r", s[vs]))
			vs++;
		while (ve > vs && strchr(" \t\n\f\r", s[ve - 1]))
			ve--;
		if (ma_html_ieq(s + vs, ve - vs, "importmap"))
			return MA_XSS_SCRIPT_IMPORTMAP;
		if (ma_html_ieq(s + vs, ve - vs, "application/json") ||
		    ma_html_ieq(s + vs, ve - vs, "application/ld+json") ||
		    ma_html_ieq(s + vs, ve - vs, "text/json") ||
		    ma_html_ieq(s + vs, ve - vs, "speculationrules") ||
		    (ve - vs > 12 && ma_html_ieq(s + ve - 5, 5, "+json") &&
		     ma_html_ieq(s + vs, 12, "application/")))
			return MA_XSS_SCRIPT_JSON;
		sub = memchr(s + vs, '/', ve - vs);
		if (!sub || memchr(s + vs, ';', ve - vs))
			return MA_XSS_SCRIPT_JS;
		sl = (size_t)(s + ve - sub);
		if (ma_html_ieq(s + vs, ve - vs, "text/html") ||
		    ma_xss_icontains(sub, sl, "template") || ma_xss_icontains(sub, sl, "tmpl") ||
		    ma_xss_icontains(sub, sl, "handlebars") ||
		    ma_xss_icontains(sub, sl, "mustache"))
			return MA_XSS_SCRIPT_TEMPLATE;
		return MA_XSS_SCRIPT_JS;
	}
	return MA_XSS_SCRIPT_JS;
}

/* 1 when the input [a, b) of a JSON data block s[cs, ce) is data: inside
 * one of its strings (it does not end it: no unescaped '"', no line
 * break, no backslash that escapes the page's quote), or one whole
 * number or literal where the block has a value (4.5, true). importmap:
 * a string the input makes into an absolute or scheme-relative URL chose
 * where a module is loaded from, and one where
 * the input writes a JSON escape (\u002f\u002f, https\u003a: JSON decodes
 * it before the address is read; review22) may: not data. */
static int ma_xss_json_data(const char *s, size_t cs, size_t ce, size_t a, size_t b, int importmap)
{
	size_t p = cs;

	while (p < ce && p <= a) {
		size_t vs;
		if (s[p] != '"') {
			p++;
			continue;
		}
		vs = ++p;
		while (p < ce && s[p] != '"' && s[p] != '\n' && s[p] != '\r')
			p += s[p] == '\\' ? 2 : 1;
		if (p > ce)
			p = ce;
		if (vs <= a && b <= p) { /* inside; p: its end quote, a line break or ce */
			size_t k = b;
			while (k > a && s[k - 1] == '\\')
				k--;
			/* (an odd run of backslashes at its end escapes the quote) */
			return (b - k) % 2 == 0 &&
			       !(importmap &&
			         (ma_xss_script_origin(s, vs, p, a) || memchr(s + a, '\\', b - a)));
		}
		p++;
	}
	for (size_t i = a; i < b; i++)
		if (!ma_xss_alnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '+')
			return 0;
	return a < b && !importmap && (a == cs || !ma_xss_alnum((unsigned char)s[a - 1])) &&
	       (b == ce || !ma_xss_alnum((unsigned char)s[b]));
}

/* 1 when the input s[a, b), in text that ends at e, writes a character
 * reference: &# (any number), a name ma_xss_char decodes (&quot, &Tab),
 * or letters and digits ended by ';' (&excl;, a name it does not know);
 * "AT&T", "Smith & Sons" write none (review22). */
static int ma_xss_has_ref(const char *s, size_t a, size_t b, size_t e)
{
	for (size_t p = a; p < b; p++) {
		size_t q = p, k = p + 1;
		if (s[p] != '&')
			continue;
		(void)ma_xss_char(s, e, &q);
		if (q > p + 1 || (k < e && s[k] == '#'))
			return 1;
		while (k < e && ma_xss_alnum((unsigned char)s[k]))
			k++;
		if (k > p + 1 && k < e && s[k] == ';')
			return 1;
	}
	return 0;
}

/* 1 when a '&' of the page in s[lo, a), at most 32 bytes before the
 * input s[a, b), begins a character reference that the input's bytes
 * complete (text that ends at e) into a quote, backtick, backslash or
 * line end, what moves a JavaScript string's end, or into a name
 * ma_xss_char does not know (&grave;): the page's "&" and the input's
 * "#39;", "&#3" + "9;", "&ap" + "os;" (xss21). "&" + "b=2" is none,
 * and so is text: "&" + "lt;3", "nbsp;", "amp;b=2" (review25). */
static int ma_xss_ref_into(const char *s, size_t lo, size_t a, size_t b, size_t e)
{
	for (size_t p = a - lo > 32 ? a - 32 : lo; p < a && a < b; p++) {
		size_t q = p, k = p + 1;
		unsigned c;
		if (s[p] != '&')
			continue;
		c = ma_xss_char(s, e, &q);
		if (q > a) /* a quote, backslash or line end moves a string's end */
			return c == '\'' || c == '"' || c == '`' || c == '\\' || c == '\n' ||
			       c == '\r';
		if (q > p + 1)
			continue; /* the page's own whole reference */
		while (k < e && ma_xss_alnum((unsigned char)s[k]))
			k++;
		if (k >= a && k > p + 1 && k < e && s[k] == ';')
			return 1;
	}
	return 0;
}

/* 1 when the input s[a, b) brings a client template's delimiters: {{
 * (Vue, Angular, Handlebars, Mustache), <% (Underscore, EJS: runs
 * JavaScript), ${ (jQuery tmpl, ES templates), {% (Nunjucks), [[ (the
 * delimiters a page sets for Vue or AngularJS beside a server's own {{:
 * review22). */
static int ma_xss_template_code(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i + 1 < b; i++)
		if ((s[i] == '{' && (s[i + 1] == '{' || s[i + 1] == '%')) ||
		    (s[i] == '<' && s[i + 1] == '%') || (s[i] == '$' && s[i + 1] == '{') ||
		    (s[i] == '[' && s[i + 1] == '['))
			return 1;
	return 0;
}

/* ma_xss_analyse_from's flags: [a, b) is a place of a decoded form of the
 * input, not of the input as sent (ma_xss_document_tag); the fragment is a
 * client template's text (ma_xss_framework_attr). */
#define MA_XSS_DECODED     1
#define MA_XSS_IN_TEMPLATE 2

/* 1 for an attribute name whose value a client framework may run when a
 * template renders. Frameworks name their directives freely (Vue's
 * v-on:x, @x, #slot; AngularJS's ng-x, ng:x; Alpine's x-init; htmx's
 * hx-vals; hyperscript's _ and script; Unpoly's up-on-loaded;
 * Intercooler's ic-on-success; Datastar's data-on-click: review22), so
 * no list of them closes: any name but an inert HTML attribute fires.
 * Inert: the attributes of text, links and tables (class, id, title,
 * lang, href, style ... the URL and style ones judged by their rules),
 * aria-*, and data-* unless a part of its name between dashes is on,
 * script, bind or init, or starts the name with a directive prefix (ng,
 * hx, x, v, up, ic). */
static int ma_xss_framework_attr(const char *nm, size_t nl)
{
	static const char *const inert[] = {
	    "class",     "id",       "title",       "lang",      "dir",         "alt",
	    "name",      "width",    "height",      "rel",       "target",      "role",
	    "tabindex",  "hidden",   "align",       "valign",    "color",       "size",
	    "face",      "colspan",  "rowspan",     "border",    "cellpadding", "cellspacing",
	    "type",      "value",    "placeholder", "for",       "href",        "src",
	    "style",     "datetime", "cite",        "translate", "spellcheck",  "draggable",
	    "accesskey", "loading",  "decoding",    NULL};
	static const char *const part[] = {"on", "script", "bind", "init", NULL};
	static const char *const first[] = {"ng", "hx", "x", "v", "up", "ic", NULL};

	if (ma_xss_in_list(nm, nl, inert) || (nl > 5 && ma_html_ieq(nm, 5, "aria-")))
		return 0;
	if (nl <= 5 || !ma_html_ieq(nm, 5, "data-"))
		return 1;
	for (size_t p = 5, q; p < nl; p = q + 1) {
		for (q = p; q < nl && nm[q] != '-'; q++)
			if (!ma_xss_alnum((unsigned char)nm[q]))
				return 1;
		if (ma_xss_in_list(nm + p, q - p, part) ||
		    (p == 5 && ma_xss_in_list(nm + p, q - p, first)))
			return 1;
	}
	return 0;
}

static void ma_xss_set(struct ma_xss_hit *hit, const char *rule, const char *sev, double conf)
{
	if (hit->fired)
		return;
	hit->fired = 1;
	hit->rule = rule;
	hit->sev = sev;
	hit->confidence = conf;
}

struct ma_xss_marks;
static void ma_xss_analyse_from(struct ma_xss_marks *m, const char *html, size_t len, size_t a,
                                size_t b, int flags, struct ma_xss_hit *hit);

#define MA_XSS_SRCDOC_MAX 2048 /* bytes of a srcdoc document judged (longer: fires on '<') */

/* 1 when the input [a, b) in the srcdoc value s[vs, ve) puts script into
 * the document the value is: the value decoded (ma_xss_srcdoc_decode)
 * and the input's place in it judged as in a whole fragment. Plain text
 * in a srcdoc that holds the page's markup (a mail preview) is data. When
 * the decoding is not exact, the value does not fit, the input reaches
 * outside the value, or the document holds a srcdoc of its own (the
 * judgment nests once only), 1 if it holds a '<' at all. Stack: the
 * buffer and one more fragment judgment. */
static int ma_xss_srcdoc_fires(const char *s, size_t vs, size_t ve, size_t a, size_t b)
{
	char doc[MA_XSS_SRCDOC_MAX];
	size_t n, da = 0, db = 0;
	struct ma_xss_hit inner;

	if (!ma_xss_has_lt(s, vs, ve))
		return 0;
	if (a < vs || b > ve)
		return 1;
	n = ma_xss_srcdoc_decode(s, vs, ve, a, b, doc, sizeof doc, &da, &db);
	if (n == (size_t)-1 || da >= db || ma_xss_has_word(doc, 0, n, "srcdoc"))
		return 1;
	ma_xss_analyse_from(NULL, doc, n, da, db, 0, &inner);
	return inner.fired;
}

/* 1 when attribute nm[0, nl) of element el[0, en) only loads an image:
 * <img src> (lowsrc, dynsrc; <image> is parsed as <img>, SVG's <image
 * href>), <input src> (type=image), a video's poster, a background. */
static int ma_xss_image_attr(const char *el, size_t en, const char *nm, size_t nl)
{
	static const char *const img[] = {"src", "lowsrc", "dynsrc", "href", "xlink:href", NULL};

	if (ma_html_ieq(nm, nl, "poster") || ma_html_ieq(nm, nl, "background"))
		return 1;
	if (ma_html_ieq(el, en, "img") || ma_html_ieq(el, en, "image"))
		return ma_xss_in_list(nm, nl, img);
	return ma_html_ieq(el, en, "input") && ma_html_ieq(nm, nl, "src");
}

/* on + letters: an event handler's name (onerror, ONLOAD, onbegin). */
static int ma_xss_handler_name(const char *nm, size_t nl)
{
	if (nl < 5 || ma_xss_lower((unsigned char)nm[0]) != 'o' ||
	    ma_xss_lower((unsigned char)nm[1]) != 'n')
		return 0;
	for (size_t i = 2; i < nl; i++) {
		unsigned char c = ma_xss_lower((unsigned char)nm[i]);
		if (c < 'a' || c > 'z')
			return 0;
	}
	return 1;
}

/* The attributes of tag t kept in t->attr against the input [a, b). */
static void ma_xss_attrs_kept(const char *s, const struct ma_html_tok *t, size_t a, size_t b,
                              struct ma_xss_hit *hit)
{
	for (int i = 0; i < t->nattr && !hit->fired; i++) {
		const struct ma_html_attr *at = &t->attr[i];
		const char *nm = s + at->ns;
		size_t nl = at->ne - at->ns;
		int handler = ma_xss_handler_name(nm, nl);
		int added = a <= at->ns && at->ns < b && (a < at->ns || b > at->ne);
		int in_value = at->has_value && a < at->ve + (at->quote ? 0 : 1) && b > at->vs;
		if (added || (a < at->ne && b > at->ns))
			hit->spans = 1;
		if (in_value && !(a >= at->vs && b <= at->ve && at->quote))
			hit->spans = 1;
		if (added && handler) {
			ma_xss_set(hit, "xss.event_handler", "high", 0.95);
			return;
		}
		if (!at->has_value || !(in_value || added))
			continue;
		if (ma_xss_url_attr(nm, nl) &&
		    ma_xss_bad_url(s, at->vs, at->ve, a, b,
		                   ma_xss_image_attr(s + t->ns, t->ne - t->ns, nm, nl))) {
			ma_xss_set(hit, "xss.url", "high", 0.95);
		} else if (b > at->vs &&
		           ((ma_html_ieq(s + t->ns, t->ne - t->ns, "script") &&
		             (ma_html_ieq(nm, nl, "src") || ma_html_ieq(nm, nl, "href") ||
		              ma_html_ieq(nm, nl, "xlink:href"))) ||
		            (ma_html_ieq(s + t->ns, t->ne - t->ns, "base") &&
		             ma_html_ieq(nm, nl, "href"))) &&
		           ma_xss_script_origin(s, at->vs, at->ve, a)) {
			ma_xss_set(hit, "xss.url", "high",
			           0.9); /* a script from the input's origin */
		} else if (ma_xss_url_attr(nm, nl) && in_value && !added &&
		           ma_xss_js_url_breaks(s, at->vs, at->ve, a, b)) {
			ma_xss_set(hit, "xss.script", "high", 0.9);
		} else if (ma_html_ieq(nm, nl, "srcdoc") &&
		           ma_xss_srcdoc_fires(s, at->vs, at->ve, a, b)) {
			ma_xss_set(hit, "xss.srcdoc", "high", 0.9);
		} else if (at->ve - at->vs > 2 && memmem(s + at->vs, at->ve - at->vs, "&{", 2)) {
			ma_xss_set(hit, "xss.script", "high", 0.8); /* a JavaScript entity &{...} */
		} else if (ma_html_ieq(nm, nl, "style") && ma_xss_bad_css(s, at->vs, at->ve)) {
			ma_xss_set(hit, "xss.style", "high", 0.85);
		} else if (handler && in_value && !added) {
			/* (a handler whose whole value is the input fires too: the
			 * user wrote the script the page runs) */
			size_t ia = a > at->vs ? a : at->vs, ib = b < at->ve ? b : at->ve;
			if (memchr(s + ia, '&', ib - ia) ||
			    ma_xss_ref_into(s, at->vs, ia, ib, at->ve) || a < at->vs ||
			    b > at->ve ||
			    !(ma_xss_js_data(s, at->vs, at->ve, a, b, 1) ||
			      ma_xss_js_names_nothing(s, at->vs, at->ve, a, b)))
				ma_xss_set(hit, "xss.script", "high", 0.9);
		}
	}
}

/* 1 when the input [a, b) inside the text s[cs, ce) of a <script> of
 * kind (ma_xss_script_kind) is not data: JavaScript that leaves its
 * string, name or number (ma_xss_js_data); a JSON block's input outside
 * one of its strings (ma_xss_json_data); a template's delimiters, or
 * what the template's text, judged as a fragment of HTML, fires on (a
 * text that holds "<script" or "srcdoc" is read as JavaScript: the
 * judgment nests once). hit: the nested judgment's rule, when it fires. */
static int ma_xss_script_fires(const char *s, size_t cs, size_t ce, size_t a, size_t b, int kind,
                               struct ma_xss_hit *hit)
{
	if (kind == MA_XSS_SCRIPT_JSON || kind == MA_XSS_SCRIPT_IMPORTMAP)
		return !ma_xss_json_data(s, cs, ce, a, b, kind == MA_XSS_SCRIPT_IMPORTMAP);
	if (kind == MA_XSS_SCRIPT_TEMPLATE) {
		struct ma_xss_hit inner;
		if (ma_xss_template_code(s, a, b))
			return 1;
		if (!ma_xss_has_word(s, cs, ce, "<script") &&
		    !ma_xss_has_word(s, cs, ce, "srcdoc")) {
			ma_xss_analyse_from(NULL, s + cs, ce - cs, a - cs, b - cs,
			                    MA_XSS_IN_TEMPLATE, &inner);
			if (inner.fired) {
				hit->spans = 1;
				ma_xss_set(hit, inner.rule, inner.sev, inner.confidence);
			}
			return 0;
		}
	}
	return !ma_xss_js_data(s, cs, ce, a, b, 1) && !ma_xss_js_names_nothing(s, cs, ce, a, b);
}

/* Every attribute of tag t of s (len bytes) against the input [a, b):
 * those the tokenizer kept, then the rest, MA_HTML_MAX_ATTRS at a time
 * (an input that adds 33 attributes must not hide a handler in the 34th). */
static void ma_xss_attrs(const char *s, size_t len, const struct ma_html_tok *t, size_t a, size_t b,
                         struct ma_xss_hit *hit)
{
	struct ma_html_tok rest;

	ma_xss_attrs_kept(s, t, a, b, hit);
	for (size_t p = t->more; p && !hit->fired && p < b; p = rest.more) {
		ma_html_tag_attrs(s, len, p, &rest);
		ma_xss_attrs_kept(s, &rest, a, b, hit);
	}
}

/* 1 for the markup a user may write where HTML is let through (what
 * sanitizers such as DOMPurify keep by default, narrowed): text formatting,
 * lists, tables and links, with presentational attributes and a link
 * whose URL is http(s), mailto or relative without a backslash, escape or
 * control character. Any other element (a custom one, <x>, one with a
 * name browsers do not know) or attribute is suspicious markup. */
static int ma_xss_plain_markup(const char *s, const struct ma_html_tok *t)
{
	static const char *const el[] = {
	    "a",   "b",     "i",       "u",   "em", "strong", "span",   "p",          "br",
	    "div", "table", "tr",      "td",  "th", "tbody",  "thead",  "ul",         "ol",
	    "li",  "h1",    "h2",      "h3",  "h4", "h5",     "h6",     "blockquote", "code",
	    "pre", "small", "sub",     "sup", "hr", "font",   "center", "s",          "strike",
	    "big", "tt",    "dl",      "dt",  "dd", "abbr",   "q",      "cite",       "del",
	    "ins", "mark",  "caption", NULL};
	static const char *const at[] = {
	    "href",   "class",  "title", "width", "height", "border",  "cellpadding", "cellspacing",
	    "align",  "valign", "color", "size",  "face",   "colspan", "rowspan",     "rel",
	    "target", "name",   "lang",  "dir",   "alt",    NULL};

	if (!ma_xss_in_list(s + t->ns, t->ne - t->ns, el) || t->more)
		return 0; /* (more attributes than a tag keeps: no one types that) */
	for (int i = 0; i < t->nattr; i++) {
		const struct ma_html_attr *x = &t->attr[i];
		if (!ma_xss_in_list(s + x->ns, x->ne - x->ns, at))
			return 0;
		if (ma_html_ieq(s + x->ns, x->ne - x->ns, "href")) {
			struct ma_weburl u;
			for (size_t k = x->vs; k < x->ve; k++) {
				unsigned char c = (unsigned char)s[k];
				if (c < 0x20 || c == '\\' || c == '&' || c >= 0x7f || c == '<' ||
				    c == '>')
					return 0;
			}
			/* a link to an address, or to a host written in an unusual
			 * form (%-encoded, decimal, hex, octal): disguised */
			if (ma_url_parse_web(s + x->vs, x->ve - x->vs, NULL, &u) == 0 &&
			    (u.odd || u.host_type == MA_HOST_IPV4 || u.host_type == MA_HOST_IPV6 ||
			     memchr(s + x->vs, '%', x->ve - x->vs)))
				return 0;
		}
	}
	return 1;
}

/* 1 when an attribute of t fires against [a, b) (the more specific rule). */
static int ma_xss_attrs_fire(const char *s, size_t len, const struct ma_html_tok *t, size_t a,
                             size_t b)
{
	struct ma_xss_hit h;

	memset(&h, 0, sizeof h);
	ma_xss_attrs(s, len, t, a, b, &h);
	return h.fired;
}

/* 1 when a comment's text s[0, n) (after "<!--") is a server-side
 * include directive: '#', optional spaces (nginx), an element name of
 * Apache mod_include or nginx ssi, then a space or the comment's end. */
static int ma_xss_ssi(const char *s, size_t n)
{
	static const char *const el[] = {"exec",  "include",  "echo",     "config", "set",
	                                 "fsize", "flastmod", "printenv", "if",     "elif",
	                                 "else",  "endif",    "block",    NULL};
	size_t p = 1, q;

	if (n < 2 || s[0] != '#')
		return 0;
	while (p < n && (s[p] == ' ' || s[p] == '\t'))
		p++;
	for (q = p; q < n && ma_xss_lower((unsigned char)s[q]) >= 'a' &&
	            ma_xss_lower((unsigned char)s[q]) <= 'z';
	     q++)
		;
	if (q < n && s[q] != ' ' && s[q] != '\t' && s[q] != '\n' && s[q] != '\r' && s[q] != '-')
		return 0;
	return q > p && ma_xss_in_list(s + p, q - p, el);
}

/* 1 when tag t, which a decoded form of the input ending at b opened and
 * closed, is <html>, <head> or <body> without attributes, their end tag
 * or </form> (the caller asks whether it is outside SVG and MathML: there
 * <body> leaves foreign content, and the page's later markup is read
 * otherwise). In a page's body a browser ignores the first ones, but a
 * start tag's attributes, which it adds to the page's own element (<body
 * onload=...>); </form> ends the page's form early, its later controls
 * are not sent with it: nothing runs, loads or is hidden. A page about
 * HTML shows them escaped (&lt;/body&gt;) beside its own: that text, taken
 * as an input, is found by its decoded form. The same tag in the input as
 * sent is markup the user typed (a probe of the sink, as the attack
 * corpora count it) and still fires. */
static int ma_xss_document_tag(const char *s, const struct ma_html_tok *t, size_t b)
{
	static const char *const el[] = {"html", "head", "body", NULL};

	if (t->unclosed || t->e > b)
		return 0;
	if (t->end_tag)
		return ma_xss_in_list(s + t->ns, t->ne - t->ns, el) ||
		       ma_html_ieq(s + t->ns, t->ne - t->ns, "form");
	return !t->nattr && !t->more && ma_xss_in_list(s + t->ns, t->ne - t->ns, el);
}

/* 1 when the token at at, read on from the lexer from (a copy), starts
 * inside SVG or MathML (or at is not a token start from there). Only for
 * ma_xss_document_tag's rare tags: the judgment's loop does not keep the
 * state before each token. */
static int ma_xss_foreign_at(const struct ma_html_lexer *from, size_t at)
{
	struct ma_html_lexer lx = *from;
	struct ma_html_tok t;

	while (lx.pos < at)
		if (!ma_html_next(&lx, &t))
			return 1;
	return lx.pos != at || lx.ns_depth > 0 || lx.ns_over;
}

/* Split tags: an input that writes '<' as text next to tags or comments
 * of its own, so that removing them (what a tag-stripping filter does)
 * joins the '<' to an element name: <<br>img onerror=...>, <<b></b>script>.
 * The bytes of [a, b) without the tags and comments wholly inside it are
 * tokenized again; 1 if they open an active element or hold a handler.
 * lx is the lexer the occurrence was read from. */
#define MA_XSS_SPLIT_MAX 256
static int ma_xss_split_tag(const struct ma_html_lexer *from, const char *html, size_t a, size_t b)
{
	struct ma_html_lexer lx = *from;
	struct ma_html_tok t;
	char buf[MA_XSS_SPLIT_MAX];
	size_t o = 0;

	while (ma_html_next(&lx, &t) && t.s < b && o < sizeof buf) {
		size_t s0, e0;
		if (t.e <= a)
			continue;
		if ((t.kind == MA_HTML_TAG || t.kind == MA_HTML_COMMENT) && a <= t.s && t.e <= b &&
		    !t.unclosed)
			continue; /* stripped */
		s0 = t.s > a ? t.s : a;
		e0 = t.e < b ? t.e : b;
		if (e0 - s0 > sizeof buf - o)
			e0 = s0 + (sizeof buf - o);
		memcpy(buf + o, html + s0, e0 - s0);
		o += e0 - s0;
	}
	ma_html_init(&lx, buf, o);
	while (ma_html_next(&lx, &t)) {
		if (t.kind != MA_HTML_TAG || t.end_tag)
			continue;
		if (ma_xss_active_element(buf + t.ns, t.ne - t.ns) || t.more)
			return 1; /* (or more attributes than a tag keeps) */
		for (int i = 0; i < t.nattr; i++)
			if (ma_xss_handler_name(buf + t.attr[i].ns, t.attr[i].ne - t.attr[i].ns))
				return 1;
	}
	return 0;
}

/* Where the tokenizer was, at token starts spread over the page: an
 * occurrence is judged from the last mark before it instead of from the
 * page's first byte (one check read a page once per occurrence: 60 values
 * of a 600-byte page, 44 us). mark[k] is the lexer at the first token
 * start at or after k * stride; marks are taken in order as the tokenizer
 * first passes them, whichever occurrence it was reading for. The state
 * at a token start is all the tokenizer carries (ma_html_lexer), so
 * reading on from a mark gives the tokens a read from the start gives. */
#define MA_XSS_MARKS 32
struct ma_xss_marks {
	size_t stride;
	int n;
	struct ma_html_lexer mark[MA_XSS_MARKS];
};

static void ma_xss_marks_init(struct ma_xss_marks *m, size_t len)
{
	m->stride = len / MA_XSS_MARKS > 16 ? len / MA_XSS_MARKS : 16;
	m->n = 0;
}

/* The lexer for an occurrence starting at a: from the last mark at or
 * before a (m may be NULL: from the start). */
static void ma_xss_marks_start(const struct ma_xss_marks *m, struct ma_html_lexer *lx,
                               const char *html, size_t len, size_t a)
{
	for (int k = m ? m->n - 1 : -1; k >= 0; k--)
		if (m->mark[k].pos <= a) {
			*lx = m->mark[k];
			return;
		}
	ma_html_init(lx, html, len);
}

/* lx is at a token start: the marks it has reached first. */
static void ma_xss_marks_take(struct ma_xss_marks *m, const struct ma_html_lexer *lx)
{
	while (m && m->n < MA_XSS_MARKS && lx->pos >= (size_t)m->n * m->stride &&
	       (m->n == 0 || lx->pos > m->mark[m->n - 1].pos))
		m->mark[m->n++] = *lx;
}

/* 1 when the input [a, b) opened the tag or comment t of s: it wrote the
 * '<', or the page wrote the '<' ("<!", "<!-") and the input what makes
 * it markup, the tag's name or the opener's rest: "Score: 5 <" +
 * "script>...", "<" + "/textarea>", "<!" + "-- ..." (the page's last byte
 * and the input's first make the token together, xss21). */
static int ma_xss_opened(const char *s, const struct ma_html_tok *t, size_t a, size_t b)
{
	if (t->s >= b)
		return 0;
	if (a <= t->s)
		return 1;
	if (t->kind == MA_HTML_TAG)
		return a <= t->ns;
	if (t->e - t->s >= 4 && !memcmp(s + t->s, "<!--", 4))
		return a <= t->s + 3;
	return a == t->s + 1; /* a bogus comment's ! ? / */
}

/* decoded: [a, b) is a place of a decoded form of the input, not of the
 * input as sent (ma_xss_document_tag). */
static void ma_xss_analyse_from(struct ma_xss_marks *m, const char *html, size_t len, size_t a,
                                size_t b, int flags, struct ma_xss_hit *hit)
{
	struct ma_html_lexer lx;
	struct ma_html_tok t;

	struct ma_html_lexer start;
	int stripped = 0, text_lt = 0;
	size_t w0 = 0;

	memset(hit, 0, sizeof *hit);
	ma_xss_marks_start(m, &lx, html, len, a);
	start = lx;
	for (;;) {
		int style_text, svg_script = lx.fel == MA_HTML_FEL_SCRIPT;
		ma_xss_marks_take(m, &lx);
		style_text = (lx.raw == MA_HTML_TEXT &&
		              ma_html_ieq(html + lx.raw_ns, lx.raw_ne - lx.raw_ns, "style")) ||
		             lx.fel == MA_HTML_FEL_STYLE;
		if (!ma_html_next(&lx, &t))
			break;
		if (t.e <= a && !(t.kind == MA_HTML_TAG && t.unclosed))
			continue;
		if (t.s >= b)
			break;
		switch (t.kind) {
		case MA_HTML_TEXT:
			if (a < t.s || b > t.e)
				hit->spans = 1;
			if (svg_script && b > t.s &&
			    (a < t.s || b > t.e || ma_xss_has_ref(html, a, b, t.e) ||
			     ma_xss_ref_into(html, t.s, a, b, t.e) ||
			     (!ma_xss_js_data(html, t.s, t.e, a, b, 1) &&
			      !ma_xss_js_names_nothing(html, t.s, t.e, a, b)))) {
				/* an SVG <script>'s text, character references decoded
				 * (an input's &quot; is a quote there) */
				hit->spans = 1;
				ma_xss_set(hit, "xss.script", "high", 0.9);
				break;
			}
			if (style_text) {
				/* from the start of the word or escape the input goes
				 * on with (the page's "e" + "xpression(") */
				w0 = t.s > a ? t.s : a;
				while (w0 > t.s && (ma_xss_alnum((unsigned char)html[w0 - 1]) ||
				                    html[w0 - 1] == '-' || html[w0 - 1] == '\\'))
					w0--;
			}
			if (style_text && !ma_xss_css_quoted(html, t.s, w0, t.e < b ? t.e : b) &&
			    ma_xss_bad_css(html, w0, t.e < b ? t.e : b)) {
				/* CSS of the input's in a <style> element's text */
				ma_xss_set(hit, "xss.style", "high", 0.85);
				break;
			}
			if (!text_lt) {
				size_t s0 = t.s > a ? t.s : a, e0 = t.e < b ? t.e : b;
				text_lt = e0 > s0 && memchr(html + s0, '<', e0 - s0) != NULL;
			}
			break;
		case MA_HTML_SCRIPT:
			if (a < t.s || b > t.e) {
				hit->spans = 1;
			} else if (ma_xss_script_double_escape(html, t.s, t.e, a, b)) {
				hit->spans = 1;
				ma_xss_set(hit, "xss.script", "high", 0.9);
			} else {
				size_t cs = t.s, ce = t.e;
				int kind = ma_xss_script_kind(html, len, lx.raw_ne, &t);
				if (ma_xss_script_fires(html, cs, ce, a, b, kind, hit)) {
					hit->spans = 1;
					ma_xss_set(hit, "xss.script", "high", 0.9);
				}
				t.kind = MA_HTML_SCRIPT;
				t.s = cs;
				t.e = ce;
			}
			break;
		case MA_HTML_COMMENT:
			if (ma_xss_opened(html, &t, a, b)) {
				/* a comment that hides the page's own markup after it, or
				 * carries markup or IE conditions inside */
				hit->spans = 1;
				int bogus = !(t.e - t.s >= 4 && html[t.s + 1] == '!' &&
				              html[t.s + 2] == '-' && html[t.s + 3] == '-');
				if (t.unclosed || bogus ||
				    memchr(html + t.s + 1, '<', t.e - t.s - 1) ||
				    ma_xss_has_word(html, t.s, t.e, "[if") ||
				    (!bogus && ma_xss_ssi(html + t.s + 4, t.e - t.s - 4)))
					ma_xss_set(hit, "xss.comment", "medium", 0.7);
			} else if (!(a > t.s && (b < t.e || t.unclosed))) {
				hit->spans = 1; /* inside a comment: data unless it ends it */
			} else if (svg_script && t.e - t.s >= 9 &&
			           !memcmp(html + t.s, "<![CDATA[", 9)) {
				/* an SVG <script>'s CDATA section: its text is JavaScript */
				size_t ce = t.unclosed ? t.e : t.e - 3;
				if (a < t.s + 9 || b > ce ||
				    (!ma_xss_js_data(html, t.s + 9, ce, a, b, 1) &&
				     !ma_xss_js_names_nothing(html, t.s + 9, ce, a, b))) {
					hit->spans = 1;
					ma_xss_set(hit, "xss.script", "high", 0.9);
				}
			}
			break;
		case MA_HTML_TAG: {
			const char *nm = html + t.ns;
			size_t nl = t.ne - t.ns;
			if (ma_xss_opened(html, &t, a, b)) {
				hit->spans = 1;
				if ((flags & MA_XSS_DECODED) && ma_xss_document_tag(html, &t, b) &&
				    !ma_xss_foreign_at(&start, t.s))
					; /* <body>, </html>: nothing a browser runs */
				else if (!t.end_tag && ma_xss_active_element(nm, nl))
					ma_xss_set(hit, "xss.tag", "high", 0.9);
				else if (t.end_tag && ma_xss_raw_element(nm, nl))
					ma_xss_set(hit, "xss.tag", "high", 0.85);
				else if (t.end_tag && ma_xss_active_element(nm, nl))
					ma_xss_set(hit, "xss.tag", "medium",
					           0.6); /* </form> </svg> </body> */
				else if (!t.end_tag && !ma_xss_attrs_fire(html, len, &t, a, b) &&
				         !ma_xss_plain_markup(html, &t))
					ma_xss_set(hit, "xss.markup", "medium", 0.6);
			}
			if (b > t.s && a < t.e) {
				if (a < t.e && b > t.e - 1 && !t.unclosed && a > t.s)
					hit->spans = 1; /* closes a tag it did not open */
				ma_xss_attrs(html, len, &t, a, b, hit);
				for (int i = 0;
				     (flags & MA_XSS_IN_TEMPLATE) && !hit->fired && i < t.nattr;
				     i++) {
					const struct ma_html_attr *x = &t.attr[i];
					if (a <= x->ns && x->ns < b && (a < x->ns || b > x->ne) &&
					    ma_xss_framework_attr(html + x->ns, x->ne - x->ns))
						ma_xss_set(hit, "xss.event_handler", "high", 0.9);
				}
			}
			break;
		}
		default:
			break;
		}
		if ((t.kind == MA_HTML_TAG || t.kind == MA_HTML_COMMENT) && a <= t.s && t.e <= b &&
		    !t.unclosed)
			stripped = 1;
		if (hit->fired)
			return;
	}
	if (stripped && text_lt && ma_xss_split_tag(&start, html, a, b))
		ma_xss_set(hit, "xss.split_tag", "high", 0.8);
}

void ma_xss_analyse(const char *html, size_t len, size_t a, size_t b, struct ma_xss_hit *hit)
{
	ma_xss_analyse_from(NULL, html, len, a, b, 0, hit);
}

/* What moat_check_html_at's callbacks share. */
struct ma_xss_scan {
	const char *html;
	size_t len;
	const struct ma_input *in; /* the input whose forms are looked for */
	int decoded;               /* the form looked for is not the input as sent */
	int ws; /* the form is white space with a line break (ma_xss_skip_form) */
	struct ma_xss_marks marks;
};

static int ma_xss_skip_input(void *ctx, const struct ma_input *in)
{
	struct ma_xss_scan *c = ctx;

	c->in = in;
	return in->plain; /* letters, digits and _ are never markup */
}

/* 1 when a line of the page that ends at a (back to its LF or CR) holds
 * "//", "<!--" or "-->": a place where an input's line break may end a
 * single-line comment of a script or handler. The rest of the judgement is
 * ma_xss_analyse_from's (the tokenizer's state at the place). */
static int ma_xss_comment_line(const char *s, size_t a)
{
	size_t l = a;

	while (l > 0 && s[l - 1] != '\n' && s[l - 1] != '\r')
		l--;
	return memmem(s + l, a - l, "//", 2) || memmem(s + l, a - l, "<!--", 4) ||
	       memmem(s + l, a - l, "-->", 3);
}

/* 1 when the page holds v[0, vl) at a place whose line before it holds no
 * comment's opener (ma_xss_comment_line): the page's own line ending and
 * indentation (between its tags, after its code). */
static int ma_xss_ws_own(const char *s, size_t len, const char *v, size_t vl)
{
	for (size_t from = 0; from + vl <= len;) {
		const char *at = memmem(s + from, len - from, v, vl);
		if (!at)
			return 0;
		if (!ma_xss_comment_line(s, (size_t)(at - s)))
			return 1;
		from = (size_t)(at - s) + 1;
	}
	return 0;
}

/* An input form of HTML whitespace alone (the indentation between a
 * page's own tags, inside its scripts and handlers) can open nothing and
 * leave no string: without a line break it is not looked for. With one
 * (LF or CR: a textarea's value) it can end a single-line comment of a
 * script or handler and make the rest of the page's line code (xss22),
 * but the page's own indentation after its own comment lines is the same
 * bytes (devhtml: "\n\t\t" between tags and before a script's next
 * line after its "// ..." line). So such a form is looked for when the
 * page holds it nowhere else (ma_xss_ws_own: an input's line break the
 * page's own lines do not use, \r\n in a page of LF lines, trailing
 * blanks, a blank line of its own), and judged only at a place whose
 * line before it holds a comment's opener (ma_xss_comment_line). A form
 * the page also holds where no comment ends is taken for the page's
 * (open: agentproto/README.md). */
static int ma_xss_skip_form(void *ctx, const char *v, size_t vl)
{
	struct ma_xss_scan *c = ctx;
	int nl = 0;

	c->decoded = v != c->in->form[0];
	c->ws = 0;
	for (size_t i = 0; i < vl; i++) {
		if (v[i] == '\n' || v[i] == '\r')
			nl = 1;
		else if (v[i] != ' ' && v[i] != '\t' && v[i] != '\f')
			return 0;
	}
	if (!nl || ma_xss_ws_own(c->html, c->len, v, vl))
		return 1;
	c->ws = 1;
	return 0;
}

/* .one_place: a one-byte form (a LF or a CR alone, the only ones looked
 * for) at a, judged where it may end a comment (ma_xss_skip_form) */
static int ma_xss_one_place(void *ctx, size_t a)
{
	struct ma_xss_scan *c = ctx;

	return ma_xss_comment_line(c->html, a);
}

/* The one-byte forms looked for: LF and CR (ma_xss_skip_form) */
static const unsigned char ma_xss_one[256] = {['\n'] = 1, ['\r'] = 1};

/* 1 for an ASCII byte that is syntax in no HTML, CSS or script context
 * by itself (ma_xss_past) */
static int ma_xss_past_inert(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       (ch && strchr(" .,-_+!?#@%", ch) != NULL);
}

/* The places of a form past the 64 judged in full (each costs a read of
 * the page from the mark before it: a short input at thousands of places
 * would cost 5x more, bound64). A form of letters, digits, spaces, . , -
 * _ + ! ? # @ % and bytes past ASCII (but U+2028 and U+2029, JavaScript's
 * line ends) is syntax in no context the check knows: it opens no tag,
 * ends no value, string or comment, writes no reference, scheme, call or
 * assignment, so its other places are not looked at (a price, a city, a
 * class name in every row of a list). White space with a line break
 * (ma_xss_skip_form) is judged at each place where it may end a comment,
 * its other places skipped. Any other form fails closed
 * (xss.too_many_places): a user who can show the same text 64 times
 * would otherwise hide its 65th place. */
static int ma_xss_past(void *ctx, const char *v, size_t vl, size_t a, size_t b)
{
	struct ma_xss_scan *c = ctx;

	(void)b;
	if (c->ws) /* white space with a line break: its places that matter */
		return ma_xss_comment_line(c->html, a) ? MA_PAST_JUDGE : MA_PAST_SKIP;
	for (size_t i = 0; i < vl; i++) {
		unsigned char ch = (unsigned char)v[i];
		if (ch >= 0x80) {
			if (ch == 0xe2 && i + 2 < vl && (unsigned char)v[i + 1] == 0x80 &&
			    ((unsigned char)v[i + 2] == 0xa8 || (unsigned char)v[i + 2] == 0xa9))
				return MA_PAST_CLOSED;
			continue;
		}
		if (!ma_xss_past_inert(ch))
			return MA_PAST_CLOSED;
	}
	return MA_PAST_STOP;
}

static int ma_xss_scan_analyse(void *ctx, size_t a, size_t b, struct ma_scan_hit *out)
{
	struct ma_xss_scan *c = ctx;
	struct ma_xss_hit hit;

	if (c->ws && !ma_xss_comment_line(c->html, a))
		return 0; /* white space that ends no comment (ma_xss_skip_form) */
	ma_xss_analyse_from(&c->marks, c->html, c->len, a, b, c->decoded, &hit);
	if (!hit.fired)
		return 0;
	out->rule = hit.rule;
	out->sev = hit.sev;
	out->confidence = hit.confidence;
	return 1;
}

int moat_check_html_at(struct moat_request *r, const char *html, size_t len, const char *file,
                       int line, const char *function)
{
	struct ma_xss_scan c;
	size_t nin;

	if (!r || !html)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(html);
	(void)ma_request_inputs(r, &nin);
	if (nin == 0 || ma_request_mode(r, "xss", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	c.html = html;
	c.len = len;
	c.in = NULL;
	c.decoded = 0;
	c.ws = 0;
	ma_xss_marks_init(&c.marks, len);
	struct ma_scan s = {
	    .interceptor = "xss",
	    .text = html,
	    .len = len,
	    .max_occ = 64, /* judged in full; past them .past */
	    .skip_input = ma_xss_skip_input,
	    .skip_form = ma_xss_skip_form,
	    .analyse = ma_xss_scan_analyse,
	    .past = ma_xss_past,
	    .one = ma_xss_one,
	    .one_place = ma_xss_one_place,
	    .past_rule = "xss.too_many_places",
	    .ctx = &c,
	    .operation = html,
	    .operation_len = len,
	    .file = file,
	    .line = line,
	    .function = function,
	};
	return ma_request_scan(r, &s);
}
