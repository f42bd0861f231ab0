/*
 * ma_nosql.c — the nosql_injection check on MongoDB query documents
 * (JSON, relaxed Extended JSON, mongo-shell style with single quotes and
 * bare keys) and the JavaScript of their $where / function bodies.
 *
 * Five rules, each needing a user input of the request:
 *   operator   a '$' key of the document came from the user: the input's
 *              parameter names it (body.pass.$ne, query.user[$ne]), an
 *              object input holds it, or the input's text spells it as a
 *              key ({"$gt": ""} parsed by the application);
 *   structure  an input pasted into the document's text spans its tokens
 *              and adds keys, objects or values (strong: a '$' key, or a
 *              document that still reads whole);
 *   js         an input inside a $where or function body spans the
 *              JavaScript's tokens and adds operators, calls, statements
 *              or comments, leaving code that still reads whole (or adds
 *              return / function / while / sleep / this.x outright);
 *   regex      an input in a $regex pattern that makes it match every
 *              value (`.*`, `^`, `x|`), or repeats a wildcard inside an
 *              exact match written as ^INPUT$;
 *   field_path a user string that starts with '$' as an operand of an
 *              aggregation expression ($expr, $project..., $lookup's let,
 *              $unwind's path: ma_ns_expr_key): a field path or a
 *              variable ("$owner", "$$ROOT").
 * An input is judged at every place, up to MA_NS_PLACES per form; past
 * them a non-word form fails closed (nosql.too_many_places).
 * A string is JavaScript or a pattern by its key and the key of the
 * object that holds it (ma_ns_value_kind): a user's "body" or a comment
 * that starts with "function" is data.
 * One lexer serves both levels: strings in ' " `, numbers, words,
 * punctuation, operators, // and / * comments.
 *
 * Threads: any, one request at a time; no allocation unless it fires
 * (the JavaScript of a string is read where it is, or unescaped into a
 * stack buffer when it has escapes: MA_NS_JS_MAX; a long input with
 * escapes is matched as it decodes: MA_NS_IN_MAX).
 */
#include "ma_int.h"

#include <stdint.h>
#include <string.h>

/* A $where body or a pattern with escapes is read unescaped into a stack
 * buffer of this size; one without escapes (any length) is read where it
 * is. Past this, an input found in the escaped text that is not inert
 * fails closed (nosql.too_long). */
#define MA_NS_JS_MAX 8192
/* Places of one input's form judged in full, in a document or in a
 * JavaScript body (each place lexes the text from its start); past them
 * a form of letters, digits and '_' stays inside one token and is not
 * looked at, any other form fails closed (nosql.too_many_places). */
#define MA_NS_PLACES 64

enum { NS_STR = 1, NS_NUM, NS_WORD, NS_PUNCT, NS_OP, NS_COMMENT, NS_OTHER };

struct ma_ns_tok {
	size_t s, e;
	int type;
	int open; /* string or comment runs to the end */
};

static int ma_ns_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c >= 0x80;
}

/* The next token of s from *pos: 1, or 0 at the end. */
static int ma_ns_next(const char *s, size_t n, size_t *pos, struct ma_ns_tok *t)
{
	static const char *const ops[] = {"===", "!==", "==", "!=", "<=", ">=", "&&",
	                                  "||",  "=>",  "++", "--", "**", "??"};
	size_t p = *pos;
	unsigned char c;

	while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r' ||
	                 s[p] == '\f' || s[p] == '\v'))
		p++;
	if (p >= n) {
		*pos = p;
		return 0;
	}
	t->s = p;
	t->open = 0;
	c = (unsigned char)s[p];
	if (c == '"' || c == '\'' || c == '`') {
		p++;
		while (p < n && s[p] != (char)c) {
			if (s[p] == '\\')
				p++;
			p++;
		}
		if (p >= n) {
			t->open = 1;
			p = n;
		} else {
			p++;
		}
		t->type = NS_STR;
	} else if (c == '/' && p + 1 < n && (s[p + 1] == '/' || s[p + 1] == '*')) {
		if (s[p + 1] == '/') {
			while (p < n && s[p] != '\n')
				p++;
		} else {
			const char *end = p + 2 < n ? memmem(s + p + 2, n - p - 2, "*/", 2) : NULL;
			if (end) {
				p = (size_t)(end - s) + 2;
			} else {
				p = n;
				t->open = 1;
			}
		}
		t->type = NS_COMMENT;
	} else if ((c >= '0' && c <= '9') ||
	           (c == '.' && p + 1 < n && s[p + 1] >= '0' && s[p + 1] <= '9')) {
		while (p < n && (ma_ns_word_char((unsigned char)s[p]) || s[p] == '.'))
			p++;
		t->type = NS_NUM;
	} else if (ma_ns_word_char(c)) {
		while (p < n && ma_ns_word_char((unsigned char)s[p]))
			p++;
		t->type = NS_WORD;
	} else if (strchr("{}[]():,;", c) && c) {
		p++;
		t->type = NS_PUNCT;
	} else if (strchr("=!<>&|+-*/%^~?.", c) && c) {
		size_t k;
		for (k = 0; k < sizeof ops / sizeof ops[0]; k++) {
			size_t l = strlen(ops[k]);
			if (p + l <= n && !memcmp(s + p, ops[k], l)) {
				p += l;
				break;
			}
		}
		if (k == sizeof ops / sizeof ops[0])
			p++;
		t->type = NS_OP;
	} else {
		p++;
		t->type = NS_OTHER;
	}
	t->e = p;
	*pos = p;
	return 1;
}

/* 1 if s cannot be read whole: a string or comment left open, brackets
 * that do not balance. */
static int ma_ns_broken(const char *s, size_t n)
{
	struct ma_ns_tok t;
	size_t pos = 0;
	int depth = 0;

	while (ma_ns_next(s, n, &pos, &t)) {
		if (t.open)
			return 1;
		if (t.type == NS_PUNCT && strchr("{[(", s[t.s]))
			depth++;
		else if (t.type == NS_PUNCT && strchr("}])", s[t.s]) && --depth < 0)
			return 1;
	}
	return depth != 0;
}

static int ma_ns_is(const char *s, const struct ma_ns_tok *t, const char *w)
{
	size_t l = strlen(w);
	return t->e - t->s == l && !memcmp(s + t->s, w, l);
}

/* 1 if the JavaScript s reads as code: operands and operators alternate
 * (a word after a word, a value after a value is a syntax error), calls,
 * members, groups, statements; brackets balance, and a conditional's ?
 * has its : before its group or statement ends. A small grammar, enough
 * to tell "x > 0; return true" (code) from "x > TAN (WATER RESISTANT)" or
 * x == "Press "?" for help" (syntax errors that run nothing). */
static int ma_ns_js_valid(const char *s, size_t n)
{
	/* expression prefixes, and statements (only where a statement starts) */
	static const char *const prefix[] = {"typeof", "new", "void", "delete",    "await",
	                                     "yield",  "in",  "of",   "instanceof"};
	static const char *const stmt[] = {"return", "var",  "let",   "const", "throw",
	                                   "else",   "do",   "if",    "while", "for",
	                                   "switch", "case", "catch", "try",   "function"};
	struct ma_ns_tok t;
	size_t pos = 0;
	int operand = 1, depth = 0; /* operand: an operand is expected next */
	int start = 1;              /* a statement may start here */
	/* by depth, the ? still waiting for their : (deeper ones not counted) */
	unsigned char cond[16] = {0};
	/* by depth, 1 where the group is the head of if/while/for/switch/catch:
	 * a statement follows its ')' */
	unsigned char head[16] = {0};
	int want_head = 0, wh;

	while (ma_ns_next(s, n, &pos, &t)) {
		char c = s[t.s];
		int kw = 0, was_start = start;
		if (t.open)
			return 0;
		if (t.type == NS_COMMENT)
			continue;
		start = 0;
		if (t.type == NS_WORD) {
			for (size_t k = 0; k < sizeof prefix / sizeof prefix[0]; k++)
				if (ma_ns_is(s, &t, prefix[k]))
					kw = 1;
			for (size_t k = 0; k < sizeof stmt / sizeof stmt[0]; k++)
				if (ma_ns_is(s, &t, stmt[k]))
					kw = 2;
		}
		wh = want_head;
		want_head = 0;
		if (kw == 2 && ma_ns_is(s, &t, "function") && operand)
			kw = 3; /* a function expression */
		if (kw == 2 && !was_start)
			return 0; /* "x > return y" */
		if (kw) {
			/* return x, function f(...), while (...): an operand follows */
			operand = 1;
			if (kw == 3 || ma_ns_is(s, &t, "function")) {
				size_t save = pos;
				struct ma_ns_tok u;
				if (ma_ns_next(s, n, &save, &u) && u.type == NS_WORD)
					pos = save; /* its name */
			}
			if (ma_ns_is(s, &t, "else") || ma_ns_is(s, &t, "do") ||
			    ma_ns_is(s, &t, "try"))
				start = 1;
			want_head = ma_ns_is(s, &t, "if") || ma_ns_is(s, &t, "while") ||
			            ma_ns_is(s, &t, "for") || ma_ns_is(s, &t, "switch") ||
			            ma_ns_is(s, &t, "catch");
			continue;
		}
		if (t.type == NS_STR || t.type == NS_NUM || t.type == NS_WORD) {
			if (!operand)
				return 0; /* value after value */
			operand = 0;
		} else if (t.type == NS_PUNCT) {
			if (c == '(' || c == '[' || c == '{') {
				depth++;
				if (depth < 16)
					head[depth] = c == '(' && wh;
				operand = 1; /* a group, call, index, literal or block */
				start = c == '{';
			} else if (c == ')' || c == ']' || c == '}') {
				int was_head = depth > 0 && depth < 16 && head[depth];
				if (depth < 16 && cond[depth])
					return 0; /* "(x ? y)" */
				if (--depth < 0)
					return 0;
				/* after an if (...) head a statement: if (x) emit(1) */
				operand = was_head;
				start = c != ']'; /* after a block or an if (...) head */
			} else if (c == ';') {
				if ((operand && !was_start) || (depth < 16 && cond[depth]))
					return 0; /* "x > ;", "x ? y;" */
				operand = 1;
				start = 1;
			} else { /* , : */
				if (operand && c == ',')
					return 0;
				if (c == ':' && depth < 16 && cond[depth])
					cond[depth]--; /* the conditional's second part */
				operand = 1;
			}
			if ((c == ')' || c == ']') && pos < n) {
				/* ( ) empty call or group: fine */
			}
		} else if (t.type == NS_OP) {
			int unary = (c == '!' || c == '-' || c == '+' || c == '~') &&
			            (t.e - t.s == 1 || s[t.s + 1] == c);
			if (operand && !unary)
				return 0;
			if (c == '.' && t.e - t.s == 1) {
				/* a member: a name follows */
				size_t save = pos;
				struct ma_ns_tok u;
				if (!ma_ns_next(s, n, &save, &u) || u.type != NS_WORD)
					return 0;
				pos = save;
				operand = 0;
				continue;
			}
			if (t.e - t.s == 2 && (c == '+' || c == '-') && s[t.s + 1] == c && !operand)
				continue; /* x++ */
			if (c == '?' && t.e - t.s == 1 && depth < 16 && cond[depth] < 255)
				cond[depth]++; /* a conditional: its : must come */
			operand = 1;
		} else {
			return 0;
		}
	}
	return depth == 0 && !cond[0];
}

/* What the input at [a, b) of s does: 0 stays inside one token; 1 spans
 * tokens; 2 spans them and adds structure; 3 adds strong structure.
 * js: s is JavaScript (else a query document). */
static int ma_ns_span(const char *s, size_t n, size_t a, size_t b, int js)
{
	static const char *const strong[] = {"return", "function", "while", "for",   "sleep",
	                                     "new",    "var",      "let",   "const", "eval"};
	struct ma_ns_tok t, prev = {0, 0, 0, 0}, prev2 = {0, 0, 0, 0};
	size_t pos = 0;
	int ntok = 0, level = 0, logical = 0;

	while (ma_ns_next(s, n, &pos, &t)) {
		int two = t.e - t.s >= 2;
		char c = s[t.s];
		if (t.e <= a) {
			if (js || t.type != NS_COMMENT) {
				prev2 = prev;
				prev = t;
			}
			continue;
		}
		if (t.s >= b)
			break;
		ntok++;
		if (t.s <= a && t.e >= b && !t.open)
			return 0; /* inside one token */
		if (t.type == NS_COMMENT) {
			level = level < 2 ? 2 : level;
			if (js && t.s >= a && !t.open)
				level = 3; /* the input comments out the rest of the code */
		} else if (t.type == NS_PUNCT && !js) {
			if (strchr("{}[]:,", c))
				level = level < 2 ? 2 : level;
			if (c == ':' && (prev.type == NS_STR || prev.type == NS_WORD) &&
			    prev.e - prev.s >= 2 &&
			    (s[prev.s] == '$' || (s[prev.s + 1] == '$' && prev.type == NS_STR)))
				level = 3; /* a new operator key */
		} else if (t.type == NS_PUNCT) {
			/* statements, calls and blocks, and the comma operator,
			 * whose last operand is the condition's value ('',1,''); not
			 * a mere group ( ) */
			if (c == ';' || c == '{' || c == ',' ||
			    (c == '(' &&
			     (prev.type == NS_WORD || (prev.type == NS_PUNCT && s[prev.s] == ')'))))
				level = level < 2 ? 2 : level;
			if (c == '(' && prev.type == NS_WORD && prev2.type == NS_OP &&
			    s[prev2.s] == '.' && prev2.e - prev2.s == 1)
				level = 3; /* a method call: db.x.insert(, this.p.match( */
		} else if (js && t.type == NS_OP) {
			int cmp = c == '<' || c == '>' || (two && (c == '=' || c == '!')) ||
			          (c == '=' && !two);
			/* | ^ and ? : bind more loosely than the comparison the
			 * input sits in: x == ''|'1' is (x == '') | 1, true for
			 * every document, as this.age > 1|1 and x == ''?1:'1' are
			 * (a & only narrows: "SMALL "&" SIGN" is a name) */
			int loose = !two && (c == '|' || c == '^' || c == '?');
			if ((two && (c == '|' || c == '&' || c == '?')) || cmp || loose)
				level = level < 2 ? 2 : level;
			if (two && (c == '|' || c == '&'))
				logical = 1;
			else if (cmp && logical && c != '=')
				level = 3; /* || x == y: a condition that decides the match */
			else if (cmp && logical && two)
				level = 3;
		} else if (js && t.type == NS_WORD) {
			size_t q = t.e;
			while (q < n && s[q] == ' ')
				q++;
			/* keywords are code when the grammar agrees (level 2); a loop,
			 * a function or a sleep/eval call outright */
			for (size_t k = 0; k < sizeof strong / sizeof strong[0]; k++)
				if (ma_ns_is(s, &t, strong[k]))
					level = level < 2 ? 2 : level;
			if ((ma_ns_is(s, &t, "while") || ma_ns_is(s, &t, "for") ||
			     ma_ns_is(s, &t, "return") || ma_ns_is(s, &t, "sleep") ||
			     ma_ns_is(s, &t, "eval")) &&
			    q < n && s[q] == '(')
				level = 3;
			if (ma_ns_is(s, &t, "this") && t.e < n && s[t.e] == '.')
				level = 3;
			if (logical && (ma_ns_is(s, &t, "true") || ma_ns_is(s, &t, "1")))
				level = 3;
		}
		if (js || t.type != NS_COMMENT) { /* {"$ne" / * x * / : 1} */
			prev2 = prev;
			prev = t;
		}
	}
	if (ntok == 0)
		return 0;
	return level ? level : 1;
}

/* A relaxed JSON reader over tokens (mongo shell style: bare keys,
 * single quotes, ObjectId("...") calls, trailing commas), to tell a
 * document that still reads from one an input only broke. */
struct ma_ns_rd {
	const char *s;
	size_t n, pos;
	struct ma_ns_tok t;
	int have;
};

static int ma_ns_rd_next(struct ma_ns_rd *r)
{
	do {
		r->have = ma_ns_next(r->s, r->n, &r->pos, &r->t);
	} while (r->have && r->t.type == NS_COMMENT);
	return r->have;
}

static int ma_ns_rd_punct(const struct ma_ns_rd *r, char c)
{
	return r->have && r->t.type == NS_PUNCT && r->s[r->t.s] == c;
}

static int ma_ns_rd_value(struct ma_ns_rd *r, int depth)
{
	if (!r->have || depth > 32 || r->t.open)
		return 0;
	if (ma_ns_rd_punct(r, '{') || ma_ns_rd_punct(r, '[')) {
		char close = r->s[r->t.s] == '{' ? '}' : ']';
		ma_ns_rd_next(r);
		while (!ma_ns_rd_punct(r, close)) {
			if (close == '}') {
				if (!r->have || (r->t.type != NS_STR && r->t.type != NS_WORD &&
				                 r->t.type != NS_NUM))
					return 0;
				ma_ns_rd_next(r);
				if (!ma_ns_rd_punct(r, ':'))
					return 0;
				ma_ns_rd_next(r);
			}
			if (!ma_ns_rd_value(r, depth + 1))
				return 0;
			if (ma_ns_rd_punct(r, ','))
				ma_ns_rd_next(r);
			else if (!ma_ns_rd_punct(r, close))
				return 0;
		}
		ma_ns_rd_next(r);
		return 1;
	}
	if (r->t.type == NS_OP && (r->s[r->t.s] == '-' || r->s[r->t.s] == '+') &&
	    r->t.e - r->t.s == 1) {
		ma_ns_rd_next(r);
		return r->have && r->t.type == NS_NUM && ma_ns_rd_next(r) >= 0;
	}
	if (r->t.type == NS_STR || r->t.type == NS_NUM) {
		ma_ns_rd_next(r);
		return 1;
	}
	if (r->t.type == NS_WORD) {
		ma_ns_rd_next(r);
		if (ma_ns_rd_punct(r, '(')) { /* ObjectId("..."), ISODate(...) */
			ma_ns_rd_next(r);
			while (!ma_ns_rd_punct(r, ')')) {
				if (!ma_ns_rd_value(r, depth + 1))
					return 0;
				if (ma_ns_rd_punct(r, ','))
					ma_ns_rd_next(r);
				else if (!ma_ns_rd_punct(r, ')'))
					return 0;
			}
			ma_ns_rd_next(r);
		}
		return 1;
	}
	return 0;
}

/* 1 if doc reads as one relaxed-JSON value and nothing after it. */
static int ma_ns_doc_valid(const char *doc, size_t n)
{
	struct ma_ns_rd r = {.s = doc, .n = n};

	ma_ns_rd_next(&r);
	if (!ma_ns_rd_value(&r, 0))
		return 0;
	return !r.have;
}

static int ma_ns_hex(char h)
{
	return h >= '0' && h <= '9'   ? h - '0'
	       : h >= 'a' && h <= 'f' ? h - 'a' + 10
	       : h >= 'A' && h <= 'F' ? h - 'A' + 10
	                              : -1;
}

/* The character the JSON (or single-quoted) string text s[*i, to)
 * starts with: \n \t \r, \u00XX, \xXX, any other escaped character as
 * itself; *i moves past it. */
static char ma_ns_unescape_step(const char *s, size_t *i, size_t to)
{
	char c = s[*i];

	if (c == '\\' && *i + 1 < to) {
		size_t j = *i + 1;
		char d = s[j];
		switch (d) {
		case 'n':
			c = '\n';
			break;
		case 't':
			c = '\t';
			break;
		case 'r':
			c = '\r';
			break;
		case 'x': /* mongo-shell text is JavaScript: \x27 */
			if (j + 2 < to && ma_ns_hex(s[j + 1]) >= 0 && ma_ns_hex(s[j + 2]) >= 0) {
				c = (char)(ma_ns_hex(s[j + 1]) * 16 + ma_ns_hex(s[j + 2]));
				j += 2;
			} else {
				c = d;
			}
			break;
		case 'u':
			if (j + 4 < to && s[j + 1] == '0' && s[j + 2] == '0') {
				unsigned v = 0;
				for (int k = 3; k <= 4; k++) {
					char h = s[j + (size_t)k];
					v = v * 16 +
					    (unsigned)(h >= '0' && h <= '9'   ? h - '0'
					               : h >= 'a' && h <= 'f' ? h - 'a' + 10
					               : h >= 'A' && h <= 'F' ? h - 'A' + 10
					                                      : 0);
				}
				c = (char)v;
				j += 4;
			} else {
				c = d;
			}
			break;
		default:
			c = d;
		}
		*i = j;
	}
	(*i)++;
	return c;
}

/* Unescapes the JSON (or single-quoted) string text s[from, to) into
 * out (ma_ns_unescape_step); returns the length (cut at cap). */
static size_t ma_ns_unescape_range(const char *s, size_t from, size_t to, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = from; i < to && o < cap;)
		out[o++] = ma_ns_unescape_step(s, &i, to);
	return o;
}

/* The length of v (vl bytes) decoded when that is the text of js (jl
 * bytes) from a on, else 0: an input too long to decode whole, matched
 * as it decodes (no buffer). */
static size_t ma_ns_match_decoded(const char *v, size_t vl, const char *js, size_t jl, size_t a)
{
	size_t o = 0;

	for (size_t i = 0; i < vl;) {
		if (a + o >= jl || ma_ns_unescape_step(v, &i, vl) != js[a + o])
			return 0;
		o++;
	}
	return o;
}

/* Unescapes the string token [st, e) (its quotes included) into out. */
static size_t ma_ns_unescape(const char *s, size_t e, size_t st, char *out, size_t cap)
{
	return e > st + 1 ? ma_ns_unescape_range(s, st + 1, e - 1, out, cap) : 0;
}

/* The text of the string token [st, e) of s (quotes included) with its
 * escapes decoded: where it is when it has none (any length), else
 * unescaped into buf (cap bytes); *cut is 1 when that did not hold it. */
static const char *ma_ns_text(const char *s, size_t e, size_t st, char *buf, size_t cap,
                              size_t *len, int *cut)
{
	size_t n = e > st + 1 ? e - st - 2 : 0;

	*cut = 0;
	if (!n || !memchr(s + st + 1, '\\', n)) {
		*len = n;
		return s + st + 1;
	}
	*len = ma_ns_unescape(s, e, st, buf, cap);
	*cut = *len == cap;
	return buf;
}

/* Bytes of an input read with its escapes decoded; past them an input
 * with escapes that could write an operator or a quote fails closed
 * (nosql.too_long). */
#define MA_NS_IN_MAX 1024

/* The first byte of v (vl bytes) from e on that is neither whitespace
 * nor in a comment (// to the line's end, / * to * /). */
static size_t ma_ns_skip_space(const char *v, size_t vl, size_t e)
{
	while (e < vl) {
		if (v[e] == ' ' || v[e] == '\t' || v[e] == '\n' || v[e] == '\r') {
			e++;
		} else if (v[e] == '/' && e + 1 < vl && v[e + 1] == '/') {
			const char *nl = memchr(v + e, '\n', vl - e);
			e = nl ? (size_t)(nl - v) : vl;
		} else if (v[e] == '/' && e + 1 < vl && v[e + 1] == '*') {
			const char *end =
			    e + 2 < vl ? memmem(v + e + 2, vl - e - 2, "*/", 2) : NULL;
			e = end ? (size_t)(end - v) + 2 : vl;
		} else {
			break;
		}
	}
	return e;
}

/* 1 if the text v (vl bytes, an object or a qs key) spells k (kl bytes)
 * as a key: {"$gt": ""}, {$ne: 1}, [$ne]=1. */
static int ma_ns_spells_key(const char *v, size_t vl, const char *k, size_t kl)
{
	size_t from = 0, s0 = 0;

	while (s0 < vl && (v[s0] == ' ' || v[s0] == '\t' || v[s0] == '\n' || v[s0] == '\r'))
		s0++;
	if (s0 == vl || (v[s0] != '{' && v[s0] != '['))
		return 0;
	while (from + kl <= vl) {
		const char *at = memmem(v + from, vl - from, k, kl);
		size_t e;
		if (!at)
			break;
		e = (size_t)(at - v) + kl;
		from = e;
		if (at > v && ma_ns_word_char((unsigned char)at[-1]))
			continue;
		if (e < vl && (v[e] == '"' || v[e] == '\''))
			e++;
		/* JSON's whitespace ({"$ne"\n: 1} parses as {"$ne": 1}) and
		 * JSON5's and the shell's comments ({"$ne" / * x * / : 1}) */
		e = ma_ns_skip_space(v, vl, e);
		if (e < vl && (v[e] == ':' || v[e] == ']'))
			return 1;
	}
	return 0;
}

/* ma_ns_spells_key for an object text v with escapes too long to decode
 * whole (past MA_NS_IN_MAX): at each '$' it writes, plain or escaped
 * (\u0024, \x24, \$), its next 512 bytes decoded are read as k and
 * what follows it; whitespace or comments that run past that window
 * count as the ':' (fail closed). Cost: 512 bytes per '$' it writes. */
static int ma_ns_spells_key_long(const char *v, size_t vl, const char *k, size_t kl)
{
	size_t s0 = 0;

	while (s0 < vl && (v[s0] == ' ' || v[s0] == '\t' || v[s0] == '\n' || v[s0] == '\r'))
		s0++;
	if (s0 == vl || (v[s0] != '{' && v[s0] != '['))
		return 0;
	for (size_t p = s0; p < vl; p++) {
		char win[512];
		size_t wl, e, to = vl - p > sizeof win ? p + sizeof win : vl;
		size_t q = p;
		/* each character as it decodes: is it the '$'? */
		if (ma_ns_unescape_step(v, &q, vl) != '$') {
			p = q - 1; /* (an escape is not read again from inside) */
			continue;
		}
		wl = ma_ns_unescape_range(v, p, to, win, sizeof win);
		if (wl < kl || memcmp(win, k, kl))
			continue;
		e = kl;
		if (e < wl && (win[e] == '"' || win[e] == '\''))
			e++;
		e = ma_ns_skip_space(win, wl, e);
		if (e == wl ? to < vl : win[e] == ':' || win[e] == ']')
			return 1;
	}
	return 0;
}

/* 1 if input in supplied the operator key k (klen bytes, starting '$'). */
static int ma_ns_key_from(const struct ma_input *in, const char *k, size_t kl, int *form)
{
	const char *p = in->param;

	/* the parameter's name has it as a component: body.pass.$ne, query.u[$ne] */
	for (const char *q = strstr(p, "$"); q; q = strstr(q + 1, "$")) {
		if (q > p && (q[-1] == '.' || q[-1] == '[') && !strncmp(q, k, kl) &&
		    (q[kl] == '\0' || q[kl] == '.' || q[kl] == '[' || q[kl] == ']')) {
			*form = 0;
			return 1;
		}
	}
	/* the value is an object or a qs key that spells it as a key: {"$gt":
	 * ""}, {$ne: 1}, [$ne]=1 (text that merely mentions "$set:" is not),
	 * also with JSON escapes ({"\u0024ne": 1} parses to the same key) */
	for (int f = 0; f < in->nforms; f++) {
		const char *v = in->form[f];
		size_t vl = in->form_len[f];
		char dec[MA_NS_IN_MAX];
		if (ma_ns_spells_key(v, vl, k, kl) ||
		    (memchr(v, '\\', vl) &&
		     (vl <= sizeof dec
		          ? ma_ns_spells_key(dec, ma_ns_unescape_range(v, 0, vl, dec, sizeof dec),
		                             k, kl)
		          : ma_ns_spells_key_long(v, vl, k, kl)))) {
			*form = f;
			return 1;
		}
	}
	return 0;
}

struct ma_ns_ctx {
	struct moat_request *r;
	const struct ma_input *in;
	size_t nin;
	const char *doc;
	size_t len;
	const char *file, *function;
	int line;
	int verdict; /* -1: nothing fired yet */
};

static int ma_ns_fire(struct ma_ns_ctx *c, const struct ma_input *in, int form, const char *rule,
                      const char *sev, double conf, const char *key)
{
	struct ma_finding fd = {
	    .interceptor = "nosql_injection",
	    .rule = rule,
	    .severity = sev,
	    .confidence = conf,
	    .input = in,
	    .form = form,
	    .operation = c->doc,
	    .operation_len = c->len,
	    .extra_key = key ? "operator" : NULL,
	    .extra_value = key,
	    .file = c->file,
	    .line = c->line,
	    .function = c->function,
	};
	int v = ma_request_fire(c->r, &fd);
	if (v >= 0)
		c->verdict = v;
	return v >= 0;
}

static int ma_ns_js_key(const char *k)
{
	return !strcmp(k, "$where") || !strcmp(k, "$function") || !strcmp(k, "$accumulator");
}

/* Where a string value lands, by its key and the key of the object that
 * holds it (ma_ns_parent): MongoDB runs the string as JavaScript
 * (NS_V_JS: $where, Extended JSON's $code, $function's body), runs it
 * when it is written as a function (NS_V_FN: $accumulator's init,
 * accumulate, merge, finalize; mapReduce's map, reduce, finalize in a
 * mapReduce command, ma_ns_mapreduce), reads it as a pattern (NS_V_REGEX:
 * $regex, $regularExpression's pattern), or stores or compares it as
 * text (0: a blog post's "body", a comment that starts with "function").
 */
enum { NS_V_JS = 1, NS_V_FN, NS_V_REGEX };
enum {
	NS_P_NONE = 0,
	NS_P_FUNCTION,
	NS_P_ACCUMULATOR,
	NS_P_REGEXP,
	NS_P_LET,  /* $lookup, $merge: their "let" holds expressions */
	NS_P_GRAPH /* $graphLookup: its "startWith" is an expression */
};

#define MA_NS_DEPTH 32 /* objects and arrays whose key is kept */

static unsigned char ma_ns_parent(const char *k)
{
	return !strcmp(k, "$function")                         ? NS_P_FUNCTION
	       : !strcmp(k, "$accumulator")                    ? NS_P_ACCUMULATOR
	       : !strcmp(k, "$regularExpression")              ? NS_P_REGEXP
	       : !strcmp(k, "$lookup") || !strcmp(k, "$merge") ? NS_P_LET
	       : !strcmp(k, "$graphLookup")                    ? NS_P_GRAPH
	                                                       : NS_P_NONE;
}

static int ma_ns_value_kind(const char *k, unsigned char parent, int mapreduce)
{
	static const char *const acc[] = {"init", "accumulate", "merge", "finalize"};

	if (!strcmp(k, "$regex") || (parent == NS_P_REGEXP && !strcmp(k, "pattern")))
		return NS_V_REGEX;
	if (ma_ns_js_key(k) || !strcmp(k, "$code") ||
	    (parent == NS_P_FUNCTION && !strcmp(k, "body")))
		return NS_V_JS;
	if (parent == NS_P_ACCUMULATOR)
		for (size_t i = 0; i < sizeof acc / sizeof acc[0]; i++)
			if (!strcmp(k, acc[i]))
				return NS_V_FN;
	if (mapreduce && (!strcmp(k, "map") || !strcmp(k, "reduce") || !strcmp(k, "finalize")))
		return NS_V_FN;
	return 0;
}

/* Whether the string s (n bytes, after its opening quote and spaces) is
 * written as a function: "function ...", or with arrows an arrow
 * function "(a, b) => ..." / "a => ...". */
static int ma_ns_js_function(const char *s, size_t n, int arrows)
{
	size_t i = 0;

	if (n > 8 && !memcmp(s, "function", 8))
		return 1;
	if (!arrows)
		return 0;
	if (n > 0 && s[0] == '(') {
		for (i = 1; i < n && i < 256 && s[i] != ')'; i++)
			if (s[i] == '"' || s[i] == '\\' || s[i] == '(')
				return 0;
		if (i >= n || s[i] != ')')
			return 0;
		i++;
	} else {
		while (i < n && i < 64 && (ma_ns_word_char((unsigned char)s[i]) || s[i] == '$'))
			i++;
		if (i == 0)
			return 0;
	}
	while (i < n && s[i] == ' ')
		i++;
	return i + 1 < n && s[i] == '=' && s[i + 1] == '>';
}

/* What a regular expression (MongoDB's PCRE) that a user input spells
 * does, read alone: MA_NS_RX_ALL when one of its branches holds no
 * character that every match must contain and is open (a wildcard: `.`,
 * `\w`..`\S`, a negated class or [\s\S]; an anchor `^` `$` `\b`) or
 * empty (`x|`): `.*`, `^`, `.+`, `a|.*`, `(.*)` put anywhere in a pattern
 * let it match every document's value (`a*` or `?` alone, which a user
 * may type as a glob, constrain nothing but open nothing either: they
 * pass). MA_NS_RX_WILD when it repeats a wildcard (`.*`, `\w+`, `.{2,}`)
 * or alternates at its top (`a|b`). */
enum { MA_NS_RX_ALL = 1, MA_NS_RX_WILD = 2 };

struct ma_ns_rx {
	const char *p;
	size_t n, i;
	int wild;
};

/* One alternation from r->i up to its ')' (taken) or the end: *req, 1
 * when every branch holds a character every match must contain; returns
 * 1 when a branch constrains nothing and is open or empty. */
static int ma_ns_rx_alt(struct ma_ns_rx *r, int depth, int *req)
{
	int all_req = 1, any_all = 0;

	for (;;) {
		int breq = 0, bopen = 0, empty = 1;
		while (r->i < r->n && r->p[r->i] != '|' && !(depth && r->p[r->i] == ')')) {
			char c = r->p[r->i++];
			int areq = 0, aopen = 0, wild = 0;
			if (c == '*' || c == '+' || c == '?' || c == ')') {
				continue; /* a quantifier with nothing before it: no atom */
			} else if (c == '\\' && r->i < r->n) {
				char e = r->p[r->i++];
				wild = e && strchr("wWsSdD", e) != NULL;
				aopen = wild || (e && strchr("bBAzZG", e) != NULL);
				areq = !aopen;
			} else if (c == '.') {
				aopen = wild = 1;
			} else if (c == '^' || c == '$') {
				aopen = 1;
			} else if (c == '[') {
				int neg = r->i < r->n && r->p[r->i] == '^', shorthand = 0;
				r->i += (size_t)neg;
				if (r->i < r->n && r->p[r->i] == ']')
					r->i++; /* []] holds ']' */
				while (r->i < r->n && r->p[r->i] != ']') {
					if (r->p[r->i] == '\\' && r->i + 1 < r->n) {
						char e = r->p[r->i + 1];
						shorthand |= e && strchr("sSwWdD", e) != NULL;
						r->i++;
					}
					r->i++;
				}
				r->i += r->i < r->n;
				/* [^x], [\s\S], [\w-]: a wildcard as \w is */
				wild = aopen = neg || shorthand;
				areq = !aopen;
			} else if (c == '(') {
				int inner = 1;
				if (r->i < r->n && r->p[r->i] == '?') {
					/* (?:, (?i), lookarounds, (?<name>, (?P<name>: the
					 * group's head; its inside is read */
					r->i++;
					if (r->i < r->n && r->p[r->i] == 'P')
						r->i++;
					if (r->i + 1 < r->n &&
					    (r->p[r->i] == '\'' ||
					     (r->p[r->i] == '<' && r->p[r->i + 1] != '=' &&
					      r->p[r->i + 1] != '!'))) {
						char close = r->p[r->i] == '<' ? '>' : '\'';
						r->i++;
						while (r->i < r->n && r->p[r->i] != close)
							r->i++;
						r->i += r->i < r->n;
					} else {
						while (r->i < r->n && r->p[r->i] &&
						       strchr("<imsxU-", r->p[r->i]))
							r->i++;
						if (r->i < r->n && r->p[r->i] &&
						    strchr(":=!)", r->p[r->i]))
							r->i += r->p[r->i] != ')';
					}
				}
				if (depth < 16) {
					aopen = ma_ns_rx_alt(r, depth + 1, &inner);
				} else {
					while (r->i < r->n && r->p[r->i] != ')')
						r->i++;
				}
				r->i += r->i < r->n && r->p[r->i] == ')';
				areq = inner;
				wild = aopen;
			} else {
				areq = 1;
			}
			empty = 0;
			/* its quantifier: * ? {0 make it optional; * + {n, repeat it */
			if (r->i < r->n && r->p[r->i] && strchr("*+?{", r->p[r->i])) {
				char q = r->p[r->i];
				int zero = q == '*' || q == '?' ||
				           (q == '{' && r->i + 1 < r->n && r->p[r->i + 1] == '0');
				if (wild && (q == '*' || q == '+' || q == '{'))
					r->wild = 1;
				if (zero)
					areq = 0;
				if (q == '{') {
					while (r->i < r->n && r->p[r->i] != '}')
						r->i++;
				}
				r->i += r->i < r->n; /* (a '{' the end cut: no '}') */
				if (r->i < r->n && (r->p[r->i] == '?' || r->p[r->i] == '+'))
					r->i++; /* lazy, possessive */
			}
			breq |= areq;
			bopen |= aopen;
		}
		all_req &= breq;
		if (!breq && (bopen || empty))
			any_all = 1;
		if (r->i < r->n && r->p[r->i] == '|') {
			r->i++;
			if (depth == 0)
				r->wild = 1;
			continue;
		}
		break;
	}
	*req = all_req;
	return any_all;
}

static int ma_ns_rx_read(const char *p, size_t n)
{
	struct ma_ns_rx r = {.p = p, .n = n};
	int req, all = 0;

	/* a ')' with no '(' before it (a group of the application's closed
	 * by the user) ends nothing here: read on */
	while (r.i < n) {
		all |= ma_ns_rx_alt(&r, 0, &req);
		if (r.i < n)
			r.i++;
	}
	return (all ? MA_NS_RX_ALL : 0) | (r.wild ? MA_NS_RX_WILD : 0);
}

/* 1 when v (vl bytes) is letters, digits and '_' only: one word or
 * number wherever it lands, it spans no token. */
static int ma_ns_inert(const char *v, size_t vl)
{
	for (size_t i = 0; i < vl; i++) {
		unsigned char ch = (unsigned char)v[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '_'))
			return 0;
	}
	return 1;
}

/* The place past MA_NS_PLACES of form f of in: 0 (stop looking: an inert
 * form), or 1 when nosql.too_many_places fired (c->verdict set) and 2
 * when it was excluded or logged (the next input). */
static int ma_ns_past(struct ma_ns_ctx *c, const struct ma_input *in, int f, const char *v,
                      size_t vl)
{
	if (ma_ns_inert(v, vl))
		return 0;
	return ma_ns_fire(c, in, f, "nosql.too_many_places", "high", 0.8, NULL) ? 1 : 2;
}

/* The string token t of the document, with escapes, too long to read
 * unescaped whole (past MA_NS_JS_MAX): an input in it as written that is
 * not inert fails closed (nosql.too_long, high 0.8). 1 when it fired. */
static int ma_ns_too_long(struct ma_ns_ctx *c, const struct ma_ns_tok *t, const char *key)
{
	const char *s = c->doc + t->s;
	size_t n = t->e - t->s;

	for (size_t i = 0; i < c->nin; i++) {
		const struct ma_input *in = &c->in[i];
		if (in->plain || in->structured)
			continue;
		for (int f = 0; f < in->nforms; f++) {
			const char *v = in->form[f];
			size_t vl = in->form_len[f];
			if (vl < 2 || vl > n || ma_ns_inert(v, vl) || !memmem(s, n, v, vl))
				continue;
			if (ma_ns_fire(c, in, f, "nosql.too_long", "high", 0.8, key))
				return 1;
			break; /* excluded or logged: the next input */
		}
	}
	return 0;
}

/* The JavaScript js (jl bytes: a $where string unescaped, or a shell
 * function literal as written): inputs in it, judged at every place
 * (past MA_NS_PLACES, ma_ns_past). */
static int ma_ns_check_js_text(struct ma_ns_ctx *c, const char *js, size_t jl)
{
	int broken = -1;

	for (size_t i = 0; i < c->nin; i++) {
		const struct ma_input *in = &c->in[i];
		if (in->plain || in->structured)
			continue;
		for (int f = 0; f < in->nforms; f++) {
			const char *at, *v = in->form[f], *src = NULL;
			size_t vl = in->form_len[f], from = 0, srcl = 0;
			char dec[MA_NS_IN_MAX];
			int seen = 0, hit = 0;
			if (vl < 2)
				continue;
			at = vl <= jl ? memmem(js, jl, v, vl) : NULL;
			if (!at && memchr(v, '\\', vl)) {
				/* pasted into the document's string as written, its
				 * escapes are decoded with it: \u0027 and \" are quotes
				 * in the JavaScript; one too long to decode whole is
				 * found by its decoded start and matched as it decodes */
				if (vl > sizeof dec) {
					src = v;
					srcl = vl;
				}
				vl = ma_ns_unescape_range(v, 0, vl, dec, sizeof dec);
				v = dec;
				at = vl >= 1 && vl <= jl ? memmem(js, jl, v, vl) : NULL;
			}
			/* every place: a copy in a JavaScript string first hides
			 * no live one after it (review23) */
			while (at) {
				size_t a = (size_t)(at - js), pl = vl;
				int lvl;
				from = a + 1;
				if (src && !(pl = ma_ns_match_decoded(src, srcl, js, jl, a))) {
					at = from + vl <= jl ? memmem(js + from, jl - from, v, vl)
					                     : NULL;
					continue;
				}
				if (seen++ >= MA_NS_PLACES) {
					int p = src ? ma_ns_past(c, in, f, src, srcl)
					            : ma_ns_past(c, in, f, v, vl);
					if (p == 1)
						return 1;
					hit = p == 2;
					break;
				}
				lvl = ma_ns_span(js, jl, a, a + pl, 1);
				if (lvl == 2 && broken < 0)
					broken = !ma_ns_js_valid(js, jl);
				if (lvl == 3 || (lvl == 2 && !broken)) {
					if (ma_ns_fire(c, in, f, "nosql.js_injection", "critical",
					               0.95, "$where"))
						return 1;
					hit = 1;
					break;
				}
				at = from + vl <= jl ? memmem(js + from, jl - from, v, vl) : NULL;
			}
			if (hit)
				break;
		}
	}
	return 0;
}

/* The JavaScript string token t of the document: inputs in it. */
static int ma_ns_check_js(struct ma_ns_ctx *c, const struct ma_ns_tok *t)
{
	char buf[MA_NS_JS_MAX];
	size_t jl;
	int cut;
	const char *js = ma_ns_text(c->doc, t->e, t->s, buf, sizeof buf, &jl, &cut);

	if (cut && ma_ns_too_long(c, t, "$where"))
		return 1;
	return ma_ns_check_js_text(c, js, jl);
}

/* The end of the shell function literal whose 'function' word starts at
 * pos of doc: after the '}' that closes its body (strings and comments
 * read as tokens), or the document's end. */
static size_t ma_ns_function_end(const char *doc, size_t len, size_t pos)
{
	struct ma_ns_tok t;
	int depth = 0;

	while (ma_ns_next(doc, len, &pos, &t)) {
		if (t.type != NS_PUNCT)
			continue;
		if (doc[t.s] == '{')
			depth++;
		else if (doc[t.s] == '}' && --depth <= 0)
			return t.e;
	}
	return len;
}

/* The $regex string token t of the document (or an Extended JSON
 * $regularExpression's pattern): an input in it, as the user wrote it
 * and not escaped by the application, that makes the pattern match
 * every value (ma_ns_rx_read: MA_NS_RX_ALL), or that repeats a wildcard
 * or alternates inside an exact match written as a pattern, `^INPUT$`
 * (a case-insensitive lookup: `a.*` lists the users whose name starts
 * with a). A search whose words the user joins with wildcards
 * (`foo.*bar`) is the application's feature: it passes. */
static int ma_ns_check_regex(struct ma_ns_ctx *c, const struct ma_ns_tok *t)
{
	char buf[MA_NS_JS_MAX];
	size_t rl;
	int cut;
	const char *rx = ma_ns_text(c->doc, t->e, t->s, buf, sizeof buf, &rl, &cut);

	if (cut && ma_ns_too_long(c, t, "$regex"))
		return 1;

	for (size_t i = 0; i < c->nin; i++) {
		const struct ma_input *in = &c->in[i];
		if (in->plain || in->structured)
			continue;
		for (int f = 0; f < in->nforms; f++) {
			const char *v = in->form[f];
			size_t vl = in->form_len[f], from = 0;
			int seen = 0, how = -1;
			/* every place, as the other walks (past MA_NS_PLACES,
			 * ma_ns_past): 16 escaped copies first hid a live one */
			while (vl && from + vl <= rl) {
				const char *at = memmem(rx + from, rl - from, v, vl);
				size_t a, bs = 0;
				if (!at)
					break;
				if (seen++ >= MA_NS_PLACES) {
					int p = ma_ns_past(c, in, f, v, vl);
					if (p == 1)
						return 1;
					if (p == 2)
						goto next_input;
					break;
				}
				a = (size_t)(at - rx);
				from = a + 1;
				while (bs < a && rx[a - 1 - bs] == '\\')
					bs++;
				if (bs & 1)
					continue; /* escaped by the application */
				if (how < 0)
					how = ma_ns_rx_read(v, vl);
				if ((how & MA_NS_RX_ALL) ||
				    ((how & MA_NS_RX_WILD) && a == 1 && rl == vl + 2 &&
				     rx[0] == '^' && rx[rl - 1] == '$')) {
					if (ma_ns_fire(c, in, f, "nosql.regex", "high", 0.8,
					               "$regex"))
						return 1;
					goto next_input;
				}
				if (how == 0)
					break;
			}
		}
	next_input:;
	}
	return 0;
}

/* 1 when the document is a mapReduce command: a command object has the
 * key "mapReduce" (the command's name, "mapreduce" too) or "reduce" (a
 * driver's options with the functions), quoted in any of the three ways
 * or bare. A command object is the top-level one, or one MongoDB runs
 * from inside another command object: the value of its first key when
 * that key is "explain" (the explain command; with executionStats it
 * runs the functions), "$query" or "query" (a command sent over OP_QUERY
 * with a read preference: rpc::upconvertRequest unwraps the first field
 * of either name), at any depth of such wrapping. Only then are "map",
 * "reduce" and "finalize" functions (a trip's "map", an "op" whose value
 * is "reduce", a "reduce" key in some other object are data). */
static int ma_ns_mapreduce(const char *doc, size_t len)
{
	struct ma_ns_tok t, prev = {0, 0, 0, 0};
	size_t pos = 0;
	int depth = 0, wrap = 0;
	uint32_t cmd = 0, keyed = 0; /* by depth (bit depth-1): a command object; a key seen */

	if (!memmem(doc, len, "educe", 5))
		return 0; /* (the cheap answer for every other document) */
	while (ma_ns_next(doc, len, &pos, &t)) {
		if (t.type == NS_COMMENT)
			continue;
		if (t.type == NS_PUNCT && (doc[t.s] == '{' || doc[t.s] == '[')) {
			depth++;
			if (depth <= 32) {
				const uint32_t bit = (uint32_t)1 << (depth - 1);
				keyed &= ~bit;
				if (depth == 1 || (wrap && doc[t.s] == '{'))
					cmd |= bit;
				else
					cmd &= ~bit;
			}
			wrap = 0;
		} else if (t.type == NS_PUNCT && (doc[t.s] == '}' || doc[t.s] == ']')) {
			wrap = 0;
			if (--depth <= 0)
				return 0; /* the top-level object ended */
		} else if (t.type == NS_PUNCT && doc[t.s] == ':' && depth >= 1 && depth <= 32 &&
		           (prev.type == NS_STR || prev.type == NS_WORD)) {
			const uint32_t bit = (uint32_t)1 << (depth - 1);
			size_t ks = prev.s, kn = prev.e - prev.s;
			if (prev.type == NS_STR && kn >= 2) {
				ks++;
				kn -= 2;
			}
			if ((cmd & bit) && ((kn == 6 && !memcmp(doc + ks, "reduce", 6)) ||
			                    (kn == 9 && (!memcmp(doc + ks, "mapReduce", 9) ||
			                                 !memcmp(doc + ks, "mapreduce", 9)))))
				return 1;
			/* the first key of a command object that wraps another */
			wrap = (cmd & bit) && !(keyed & bit) &&
			       ((kn == 7 && !memcmp(doc + ks, "explain", 7)) ||
			        (kn == 6 && !memcmp(doc + ks, "$query", 6)) ||
			        (kn == 5 && !memcmp(doc + ks, "query", 5)));
			keyed |= bit;
		} else {
			wrap = 0;
		}
		prev = t;
	}
	return 0;
}

int ma_nosql_changes(const char *doc, size_t len, const char *in, size_t n)
{
	struct ma_ns_tok t;
	size_t pos = 0;
	const char *at = n && n <= len ? memmem(doc, len, in, n) : NULL;

	if (at && ma_ns_span(doc, len, (size_t)(at - doc), (size_t)(at - doc) + n, 0) >= 1)
		return !ma_ns_broken(doc, len);
	/* inside a string: as JavaScript, unescaped */
	while (ma_ns_next(doc, len, &pos, &t)) {
		char buf[MA_NS_JS_MAX];
		size_t jl;
		int cut;
		const char *j, *js;
		if (t.type != NS_STR || t.open)
			continue;
		js = ma_ns_text(doc, t.e, t.s, buf, sizeof buf, &jl, &cut);
		j = n && n <= jl ? memmem(js, jl, in, n) : NULL;
		if (j && ma_ns_span(js, jl, (size_t)(j - js), (size_t)(j - js) + n, 1) >= 1)
			return !ma_ns_broken(js, jl);
	}
	return 0;
}

/* Whether the value of key k is an aggregation expression, where a
 * string that starts with '$' is a field path ("$owner") or a variable
 * ("$$ROOT"): 1 for $expr and the stages whose values are expressions
 * ($set only as a pipeline's stage, in an array: an update's {"$set":
 * {...}} stores strings), $unwind (its path, or its string form, is a
 * field path; its other values are names and booleans), and by the
 * stage that holds k (parent, ma_ns_parent): $lookup's and $merge's
 * "let" ({var: <expression>}), $graphLookup's "startWith"; -1 for
 * $literal (its value is a constant) and $elemMatch (a filter), 0 for
 * any other key (its value is
 * what its holder's is: a $facet's, $unionWith's or $lookup's pipeline
 * is read by its stages' keys; $sort's values are 1, -1 or {$meta}). */
static int ma_ns_expr_key(const char *k, int in_array, unsigned char parent)
{
	static const char *const stage[] = {
	    "$expr",        "$project",         "$addFields",  "$group",  "$replaceRoot",
	    "$replaceWith", "$bucket",          "$bucketAuto", "$redact", "$sortByCount",
	    "$unwind",      "$setWindowFields", "$fill"};

	if (k[0] != '$')
		return (parent == NS_P_LET && !strcmp(k, "let")) ||
		       (parent == NS_P_GRAPH && !strcmp(k, "startWith"));
	if (!strcmp(k, "$literal") || !strcmp(k, "$elemMatch"))
		return -1; /* a constant; a projection's $elemMatch holds a filter */
	if (!strcmp(k, "$set"))
		return in_array;
	for (size_t i = 0; i < sizeof stage / sizeof stage[0]; i++)
		if (!strcmp(k, stage[i]))
			return 1;
	return 0;
}

/* The string token t of the document, an operand of an aggregation
 * expression that starts with '$': fires nosql.field_path when a user
 * input (not an object) is its text, or the start of it before a '.':
 * the user picked the field the expression reads ("$owner" compared
 * with "$owner" is true for every document; "$passwordHash" copies a
 * field out) or a variable ("$$ROOT"). 1 when it fired. */
static int ma_ns_field_path(struct ma_ns_ctx *c, const struct ma_ns_tok *t)
{
	char buf[256];
	const char *p = c->doc + t->s + 1;
	size_t pl = t->e - t->s - 2;

	if (memchr(p, '\\', pl)) {
		pl = ma_ns_unescape(c->doc, t->e, t->s, buf, sizeof buf);
		p = buf;
	}
	if (pl < 2 || p[0] != '$')
		return 0;
	for (size_t i = 0; i < c->nin; i++) {
		const struct ma_input *in = &c->in[i];
		if (in->plain || in->structured)
			continue;
		for (int f = 0; f < in->nforms; f++) {
			const char *v = in->form[f];
			size_t vl = in->form_len[f];
			if (vl < 2 || vl > pl || v[0] != '$' || memcmp(p, v, vl) ||
			    (vl < pl && p[vl] != '.'))
				continue;
			if (ma_ns_fire(c, in, f, "nosql.field_path", "high", 0.85, NULL))
				return 1;
			break;
		}
	}
	return 0;
}

int moat_check_nosql_at(struct moat_request *r, const char *json, size_t len, const char *file,
                        int line, const char *function)
{
	struct ma_ns_ctx c = {
	    .r = r, .file = file, .line = line, .function = function, .verdict = -1};
	struct ma_ns_tok t, prev = {0, 0, 0, 0};
	size_t pos = 0;
	int want_value = 0, value_kind = 0, mapreduce = -1, broken = -1, depth = 0, in_expr, ek,
	    find_cmd = -1;
	unsigned char parent[MA_NS_DEPTH]; /* by depth, the key that holds it */
	/* by depth, an aggregation expression (ma_ns_expr_key); an array */
	unsigned char expr[MA_NS_DEPTH], arr[MA_NS_DEPTH];
	char key[64];

	if (!r || !json)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(json);
	c.doc = json;
	c.len = len;
	c.in = ma_request_inputs(r, &c.nin);
	if (c.nin == 0 || ma_request_mode(r, "nosql_injection", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	/* operators from the user; JavaScript bodies; patterns */
	key[0] = '\0';
	while (ma_ns_next(json, len, &pos, &t)) {
		if (t.type == NS_COMMENT)
			continue; /* JSON5's and the shell's: {"$ne" / * x * / : 1} */
		in_expr = depth > 0 && depth <= MA_NS_DEPTH && expr[depth - 1];
		/* a find's projection, findAndModify's fields: aggregation
		 * expressions since MongoDB 4.4 (review24) */
		if (want_value && depth == 1 && find_cmd == 1 &&
		    (!strcmp(key, "projection") || !strcmp(key, "fields")))
			ek = 1;
		else
			ek = want_value
			         ? ma_ns_expr_key(
			               key, depth >= 2 && depth - 2 < MA_NS_DEPTH && arr[depth - 2],
			               depth > 0 && depth <= MA_NS_DEPTH ? parent[depth - 1]
			                                                 : NS_P_NONE)
			         : 0;
		if (t.type == NS_STR && !t.open && t.e - t.s > 3 && json[t.s + 1] == '$' &&
		    (ek == 1 || (ek == 0 && in_expr))) {
			/* an operand (a value, an array's element), not a key */
			size_t q = t.e;
			while (q < len && (json[q] == ' ' || json[q] == '\t' || json[q] == '\n' ||
			                   json[q] == '\r'))
				q++;
			if ((want_value || q >= len || json[q] != ':') && ma_ns_field_path(&c, &t))
				return c.verdict;
		}
		if (t.type == NS_PUNCT && (json[t.s] == '{' || json[t.s] == '[')) {
			if (depth < MA_NS_DEPTH) {
				parent[depth] = want_value ? ma_ns_parent(key) : NS_P_NONE;
				expr[depth] = ek == 1 || (ek == 0 && in_expr);
				arr[depth] = json[t.s] == '[';
			}
			depth++;
		} else if (t.type == NS_PUNCT && (json[t.s] == '}' || json[t.s] == ']') &&
		           depth > 0) {
			depth--;
		}
		if (want_value) {
			want_value = 0;
			if (t.type == NS_STR && !t.open && value_kind == NS_V_REGEX) {
				if (ma_ns_check_regex(&c, &t))
					return c.verdict;
			} else if (t.type == NS_STR && !t.open && value_kind) {
				size_t st = t.s + 1;
				while (st < t.e && json[st] == ' ')
					st++;
				if (value_kind == NS_V_JS ||
				    ma_ns_js_function(json + st, t.e - st, 1))
					if (ma_ns_check_js(&c, &t))
						return c.verdict;
			} else if (t.type == NS_WORD && value_kind && value_kind != NS_V_REGEX &&
			           ma_ns_is(json, &t, "function")) {
				/* the shell's {$where: function () {...}}: its body
				 * is JavaScript as a string's is */
				size_t end = ma_ns_function_end(json, len, t.s);
				if (ma_ns_check_js_text(&c, json + t.s, end - t.s))
					return c.verdict;
				pos = end; /* (its braces balance) */
			}
		}
		if (t.type == NS_PUNCT && json[t.s] == ':' &&
		    (prev.type == NS_STR || prev.type == NS_WORD)) {
			size_t ks = prev.s, ke = prev.e;
			if (prev.type == NS_STR && ke - ks >= 2) {
				ks++;
				ke--;
			}
			if (prev.type == NS_STR && memchr(json + ks, '\\', ke - ks)) {
				/* "\u0024ne" is the key $ne once the JSON is parsed */
				size_t kn = ma_ns_unescape_range(json, ks, ke, key, sizeof key);
				if (kn < sizeof key && !memchr(key, '\0', kn))
					key[kn] = '\0';
				else
					key[0] = '\0';
			} else if (ke - ks < sizeof key) {
				memcpy(key, json + ks, ke - ks);
				key[ke - ks] = '\0';
			} else {
				key[0] = '\0';
			}
			want_value = 1;
			if (depth == 1 && find_cmd < 0) /* the command's name first */
				find_cmd = !strcmp(key, "find") || !strcmp(key, "findAndModify") ||
				           !strcmp(key, "findandmodify");
			/* (mapReduce's functions only in its command: a trip's
			 * "map" is text) */
			if (mapreduce < 0)
				mapreduce = ma_ns_mapreduce(json, len);
			value_kind = ma_ns_value_kind(
			    key, depth > 0 && depth <= MA_NS_DEPTH ? parent[depth - 1] : NS_P_NONE,
			    mapreduce);
			if (key[0] == '$' && key[1]) {
				for (size_t i = 0; i < c.nin; i++) {
					int f = 0;
					if (!ma_ns_key_from(&c.in[i], key, strlen(key), &f))
						continue;
					if (ma_ns_fire(&c, &c.in[i], f,
					               ma_ns_js_key(key) ? "nosql.js_operator"
					                                 : "nosql.operator",
					               ma_ns_js_key(key) ? "critical" : "high",
					               0.95, key))
						return c.verdict;
					/* excluded or logged: the next input may
					 * spell it too (review23) */
				}
			}
		}
		prev = t;
	}
	/* inputs pasted into the document's text */
	for (size_t i = 0; i < c.nin; i++) {
		const struct ma_input *in = &c.in[i];
		if (in->plain || in->structured)
			continue;
		for (int f = 0; f < in->nforms; f++) {
			size_t vl = in->form_len[f], from = 0;
			int seen = 0;
			if (vl < 2 || vl > len)
				continue;
			while (from + vl <= len) {
				const char *at = memmem(json + from, len - from, in->form[f], vl);
				size_t a;
				int lvl;
				if (!at)
					break;
				if (seen++ >= MA_NS_PLACES) {
					int p = ma_ns_past(&c, in, f, in->form[f], vl);
					if (p == 1)
						return c.verdict;
					if (p == 2)
						goto next_input;
					break;
				}
				a = (size_t)(at - json);
				from = a + 1;
				lvl = ma_ns_span(json, len, a, a + vl, 0);
				if (lvl == 2 && broken < 0)
					broken = !ma_ns_doc_valid(json, len);
				if (lvl == 3 || (lvl == 2 && !broken)) {
					if (ma_ns_fire(&c, in, f, "nosql.structure", "high", 0.9,
					               NULL))
						return c.verdict;
					goto next_input;
				}
			}
		}
	next_input:;
	}
	return MOAT_ALLOW;
}
