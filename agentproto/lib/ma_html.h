/*
 * ma_html.h — libmoatagent's internal interface to the HTML tokenizer
 * (ma_html.c) and the xss analysis (ma_xss.c), for their unit tests, fuzz
 * target and the detection benchmark. Not installed.
 */
#ifndef MA_HTML_H
#define MA_HTML_H

#include <stddef.h>

#define MA_HTML_MAX_ATTRS 32 /* attributes of one tag kept (more are skipped, still tokenized) */

enum ma_html_kind {
	MA_HTML_TEXT = 1, /* data, RCDATA (title, textarea) or RAWTEXT (style, xmp ...) */
	MA_HTML_SCRIPT,   /* the script data of a <script> element */
	MA_HTML_TAG,      /* a start or end tag, '<' to '>' (or the end) */
	MA_HTML_COMMENT,  /* <!-- -->, <!...>, <?...>, </ bogus>: '<' to '>' */
};

struct ma_html_attr {
	size_t ns, ne; /* name */
	size_t vs, ve; /* value (vs == ve and quote 0 when there is none) */
	char quote;    /* '"', '\'' or 0 (unquoted or no value) */
	int has_value;
	int closed; /* a quoted value whose closing quote was found (at ve) */
};

struct ma_html_tok {
	int kind;
	size_t s, e;      /* the token's bytes */
	size_t ns, ne;    /* TAG: its name */
	int end_tag;      /* TAG: </name> */
	int unclosed;     /* TAG or COMMENT runs to the end of the text */
	int self_closing; /* TAG: ends with "/>" outside an attribute value */
	int nattr;
	struct ma_html_attr attr[MA_HTML_MAX_ATTRS];
	size_t more; /* TAG: where its first attribute past attr[] starts, 0 if none
	                (ma_html_tag_attrs from there reads the next ones) */
};

/* The tokenizer: the HTML5 tokenization states that decide where markup
 * starts and ends (data, tag open, tag name, attribute name, value
 * double/single/unquoted, after value, self-closing, comments, bogus
 * comments, RCDATA, RAWTEXT, script data with its escape states,
 * plaintext, CDATA sections). Inside <svg> and <math> (foreign content)
 * <style>, <script>, <textarea> ... are not raw text, as in a browser;
 * foreign content ends at its end tag, at an HTML start tag that breaks
 * out of it (p, div, b, img, table ...), and HTML rules hold inside its
 * integration points, each in its own namespace (SVG's foreignObject,
 * desc, title; MathML's mi, mo, mn, ms, mtext and annotation-xml with
 * encoding text/html or application/xhtml+xml). fel says when the text
 * that comes next is an SVG <script>'s (JavaScript) or <style>'s (CSS).
 * Inside an HTML <select> the raw-text start tags but <script> and
 * <textarea> are ignored, as the tree builder ignores them there: what
 * follows is markup (ma_html.c, ma_html_select_tag). So is every start
 * tag but <col> and <template> inside a <template> whose first start tag
 * past head elements is <col> ("in column group"; ma_html_template_tag).
 * Character references are left to the caller (ma_xss_char). */
struct ma_html_lexer {
	const char *s;
	size_t n, pos;
	size_t raw_ns, raw_ne;    /* the element whose raw text comes next (name) */
	int raw;                  /* 0, or the kind of the raw text that comes next */
	unsigned long long ns_el; /* open foreign elements and integration points: 4 bits
	                             an entry (MA_HTML_NS_*), the innermost highest */
	int ns_depth;             /* entries used (at most 16) */
	int ns_over;              /* opened beyond 16, not tracked (read as foreign) */
	int plaintext;
	int fel;       /* 0, or the SVG element whose text comes next: MA_HTML_FEL_SCRIPT, _STYLE */
	int select;    /* 0, or 1 + the <template>s open inside an open HTML <select> */
	int sel_table; /* the select was opened while a <table> was open */
	int tables;    /* HTML <table>s opened and not yet ended */
	int tpl;       /* HTML <template>s open (start tags read under HTML rules) */
	unsigned tpl_open; /* bit d-1: the template at depth d (<= 32) has met no start
	                      tag but head elements' (its mode is not chosen yet) */
	unsigned tpl_col;  /* bit d-1: that template's content is a column group */
};

/* What the tokenizer's foreign-content stack holds (ns_el): integration
 * points first (below MA_HTML_NS_SVG: HTML rules hold there), then the
 * foreign elements it tracks. */
enum ma_html_ns {
	MA_HTML_NS_HTML_IP,   /* SVG foreignObject, desc, title; annotation-xml of text/html */
	MA_HTML_NS_MATH_TEXT, /* MathML mi, mo, mn, ms, mtext: mglyph, malignmark stay MathML */
	MA_HTML_NS_SVG,       /* an svg or math element in SVG's namespace */
	MA_HTML_NS_MATH,      /* an svg or math element in MathML's namespace */
	MA_HTML_NS_MGLYPH,    /* mglyph or malignmark in a MathML text integration point */
	MA_HTML_NS_AXML,      /* annotation-xml of another encoding: its <svg> is SVG's */
};

enum { MA_HTML_FEL_SCRIPT = 1, MA_HTML_FEL_STYLE };

void ma_html_init(struct ma_html_lexer *lx, const char *s, size_t n);
/* The next token into *t: 1, or 0 at the end. No allocation. */
int ma_html_next(struct ma_html_lexer *lx, struct ma_html_tok *t);

/* The attributes of a tag of s (n bytes) from p, a place where the
 * tokenizer is before an attribute name (after the tag's name, or t->more
 * of a tag read before), into *t: its attr[] (at most MA_HTML_MAX_ATTRS;
 * t->more where the next ones start), e, unclosed and self_closing. */
void ma_html_tag_attrs(const char *s, size_t n, size_t p, struct ma_html_tok *t);

/* 1 if the n bytes at s equal the lowercase ASCII word w, ignoring case. */
int ma_html_ieq(const char *s, size_t n, const char *w);

struct ma_xss_hit {
	int spans;        /* 1: the input is not inside one text run or attribute value */
	int fired;        /* 1: it introduces markup or script context (rule set) */
	const char *rule; /* static */
	const char *sev;  /* static */
	double confidence;
};
/* Analyses the input occurrence [a, b) of html (len bytes). No allocation. */
void ma_xss_analyse(const char *html, size_t len, size_t a, size_t b, struct ma_xss_hit *hit);

#endif
