/*
 * ma_shell.c — the command_injection check: does a user input add shell
 * syntax to the command line it was put into?
 *
 * The command line is tokenized with the POSIX sh lexical rules (and the
 * bash forms a /bin/sh that is bash accepts): quotes and escapes, $(...),
 * backticks, ${...}, $((...)), <(...), separators ; & && || | |& and
 * newlines, redirections (with fd numbers, here-documents and
 * here-strings), comments, globs and brace expansion. For one place
 * [a, b) where an input occurs:
 *   1. an input inside one word that brings no quote, expansion or glob of
 *      its own is data, whatever words it holds ("rm -rf" inside quotes);
 *   2. otherwise the syntax it brings is judged: a command substitution
 *      (also one nested in ${...} or $((...))) fires always (it runs
 *      before anything else is checked), and one the application's
 *      quotes keep from running fires where bash evaluates the quoted
 *      value as arithmetic and runs it (ma_sh_arith: [[ 'a[$(id)]' -eq
 *      5 ]], let, (( )), declare -i ...); the rest fires only when the
 *      line still parses (text that only breaks the line, "O'Brien" in
 *      '...', cannot run anything): a separator, newline or pipe followed
 *      by a command that can run something (ma_sh_command_runs: a
 *      builtin, a program of the lexicon in ma_shell_names.c, a path, a
 *      name whose value is unknown, an assignment to PATH, IFS, LD_* ...;
 *      "Ask somebody" on a new line is only "command not found"; a
 *      program that only looks names up before words of text, "as if
 *      she laid an asteroid.", is text), an input that begins with ; | &
 *      before a lowercase name, an operator that cuts the application's
 *      command (its own words after it run alone) after nothing or after
 *      a program name (redirections after the operator aside), a command
 *      named after a redirection's target that the input supplies or ends
 *      ("echo x; > " + "f id" runs id: a target is no name; each word
 *      says it is one, also in a window that starts after its
 *      redirection; "nohup > " + "f id" too: a program that runs the
 *      next one still waits for its name), a redirection that writes or reads a path, an
 *      input that begins with "<" before a program's name ("<id"), a
 *      parameter expansion
 *      ($IFS), brace expansion, a glob in a path, and, after breaking out
 *      of the quotes the application put the input in, a new argument
 *      from the root (a file operand) or an option word.
 * New words made by whitespace alone (an unquoted "red shoes") are not an
 * injection: nothing runs that the application did not name.
 *
 * The argv form (moat_check_argv) is in ma_shell_argv.c; it judges the
 * command lines an argv hands to a shell (sh -c, ssh's remote command)
 * with ma_sh_check.
 *
 * Pure: the tokens live in the request's scratch block (about 4.8 KB a
 * window of 128 elements and 128 marks, four windows kept; a longer line
 * is lexed again per window; in a line that cannot parse, the part of an
 * input past its first window is only probed for command substitutions,
 * keeping nothing; the body of each of the application's substitutions
 * is lexed once per check for those its places may start,
 * ma_sh_inner_subst), nothing is allocated unless a check fires. Any
 * thread.
 */
#include "ma_int.h"
#include "ma_shell.h"

#include <stddef.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- the tokenizer ---- */

/* The overlap, in bytes, of a window with the next when the first is full
 * inside one element: at most this many marks start in it, fewer than a
 * window holds, so each window gets further. */
#define MA_SH_OVERLAP 48

/* Elements (or marks) kept in a window before the place the next window
 * starts from: the rest of the window overlaps the next one. */
#define MA_SH_SNAP (MA_SH_MAX_EL - 32)

struct ma_sh_st {
	const char *s;
	size_t len;
	struct ma_sh_lex *lx;
	/* the window that gets the line's unterm and deep_at: lx, but while
	 * the first lexing keeps on into the next window (ma_sh_keep_on) */
	struct ma_sh_lex *line;
	/* the first lexing's next window (ma_sh_lex_from_next): set until it
	 * is taken (keep_on 1 then) or cannot be */
	struct ma_sh_lex *nx;
	int keep_on; /* 1: lx is nx, kept on after line was first full */
	int redo;    /* 1: keeping on may differ (ma_sh_skip_words): lex again without */
	int quiet;   /* > 0: inside a substitution's body, marks are not kept */
	int nest;    /* quotes, substitutions and expansions open (MA_SH_MAX_NEST) */
	int runs;    /* command substitutions seen, kept or not (nested in ${...}) */
	int next;    /* lexing a next window: stop when it is full */
	struct ma_sh_state k;
	struct ma_sh_state top; /* k where the current element started, */
	size_t top_at;          /* at this byte (kept until the window is full) */
	int top_set;
	int top_saved;   /* 1: in top; 0: k itself (unchanged since top_at) */
	size_t skip8_at; /* ma_sh_skip_words8 is tried again from here on */
	/* a probe (ma_sh_probe_subst): nothing is kept and lx is only read;
	 * lexing stops at the first element that starts at or after
	 * probe_b, and found is set (1) by a command substitution that runs
	 * (2: a $'...' quote dash ends earlier, MA_SH_F_AMBIG, before one)
	 * (what fires in a line that cannot parse) starting in
	 * [probe_a, probe_b) */
	int probe, found;
	size_t probe_a, probe_b;
	/* a command substitution that runs, inside the body of another
	 * expansion or substitution (quiet), and starts in [sub_a, sub_a +
	 * sub_n) sets sub_found (sub_n 0: none looked for;
	 * ma_sh_inner_subst, and a probe for the same) */
	size_t sub_a, sub_n;
	int sub_found;
	/* when set, every such start is also kept here (ma_sh_inner_subst's
	 * memo: sub_a just after the body's construct, sub_n the rest of it),
	 * up to MA_SH_SUB_STARTS; *rec_n goes to -1 past that */
	uint32_t *rec;
	int *rec_n;
	size_t quiet_at; /* where the outermost quiet body's construct starts */
};

/* s[i], or NUL past the line's end: the bytes after an operator's first,
 * read only where they can make it longer. */
static inline char ma_sh_at(const char *s, size_t len, size_t i)
{
	return i < len ? s[i] : '\0';
}

/* Copies a lexer state, its here-documents as far as they are used. */
static void ma_sh_state_copy(struct ma_sh_state *to, const struct ma_sh_state *from)
{
	memcpy(to, from, offsetof(struct ma_sh_state, here));
	if (from->nhere > 0)
		memcpy(to->here, from->here, sizeof from->here[0] * (size_t)from->nhere);
}

/* ma_sh_parse's fdef from here on: bash's arithmetic command "((" ...
 * "))" and "for ((" ... "))" (ma_sh_arith_el): MA_SH_FDEF_ARITH after
 * "for (" (a "(" must follow at once), + 1 (+ 2 for a for's) when the
 * parentheses closed and a ")" must follow at once, + 8 + 2 * depth (+ 1
 * for a for's) inside. */
#define MA_SH_FDEF_ARITH 8

/* A word of a table of words, with its length. */
struct ma_sh_lit {
	char w[9];
	uint8_t n;
};
#define MA_SH_LIT(x)                                                                               \
	{                                                                                          \
		x, sizeof x - 1                                                                    \
	}

/* 1 when [p, q) is one of the words lit (n of them). */
static int ma_sh_word_in(const char *s, size_t p, size_t q, const struct ma_sh_lit *lit, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (q - p == lit[i].n && !memcmp(s + p, lit[i].w, q - p))
			return 1;
	return 0;
}

/* 1 when the word before the "(" at start of s, blanks between, is
 * "for" (the command's only word: "for (" starts bash's "for ((" ...
 * "))"). */
static __attribute__((noinline, cold)) int ma_sh_for_at(const char *s, size_t start)
{
	static const struct ma_sh_lit opens[] = {MA_SH_LIT("do"),   MA_SH_LIT("then"),
	                                         MA_SH_LIT("else"), MA_SH_LIT("{"),
	                                         MA_SH_LIT("!"),    MA_SH_LIT("time")};
	size_t k = start, w;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k < 3 || memcmp(s + k - 3, "for", 3))
		return 0;
	k -= 3;
	if (k > 0 && !strchr(" \t\n;&|()`", s[k - 1]))
		return 0; /* a longer word */
	/* its command's first word, or after a reserved word that opens a
	 * body (then for ((, { for ((, do for (( ...) */
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == 0 || strchr("\n;&|()`", s[k - 1]))
		return 1;
	for (w = k; w > 0 && !strchr(" \t\n;&|()`", s[w - 1]); w--)
		;
	return ma_sh_word_in(s, w, k, opens, sizeof opens / sizeof opens[0]);
}

/* An element while v reads bash's arithmetic command: "((" where a
 * command starts reads to the ")" that closes it and ends with a ")"
 * right after that one, as bash reads "(( 1 + ( 2 ) ))" and "for (( i=0;
 * i<5; i++ ))" (lines dash refuses: "1 + (" is a function's "name (" to
 * it, "for ((" a bad loop variable); when no ")" follows at once, bash
 * reads the two as subshells ("((echo a) | sort)"), and so does v (what
 * was inside taken as one command). Elements inside are not fed. 1 when
 * the element was taken, 0 when it is fed as usual (fdef is 0 then). */
static __attribute__((noinline, cold)) int ma_sh_arith_el(struct ma_sh_parse *v, int kind,
                                                          const char *s, size_t start)
{
	int d = v->fdef - MA_SH_FDEF_ARITH;

	if (d >= 8) { /* inside: 2 * depth + for */
		if (kind == MA_SH_LPAREN)
			v->fdef += 2;
		else if (kind == MA_SH_RPAREN && d - 2 < 8 + 2)
			v->fdef = MA_SH_FDEF_ARITH + 1 + (d & 1); /* closed: ")" next */
		else if (kind == MA_SH_RPAREN)
			v->fdef -= 2;
		return 1;
	}
	v->fdef = 0;
	if (d == 0) { /* "for (": a "(" at once, or bash refuses the line */
		if (kind == MA_SH_LPAREN && s[start - 1] == '(')
			v->fdef = MA_SH_FDEF_ARITH + 8 + 3;
		else
			v->bad = 1;
		return 1;
	}
	if (kind == MA_SH_RPAREN && s[start - 1] == ')') {
		if (d == 1) { /* "(( ... ))": a command, as "( x )" */
			v->depth--;
			v->words = 1;
		}
		/* "for (( ... ))" as "for x": its body's "do" next */
		v->prev = d == 1 ? MA_SH_RPAREN : MA_SH_WORD;
		v->have = 1;
		v->need = 0;
		return 1;
	}
	if (d == 2) {
		v->bad = 1; /* for (( ... ) x */
		return 1;
	}
	/* two subshells, "( ( x )", and on with this element */
	v->prev = MA_SH_RPAREN;
	v->words = 1;
	v->have = 1;
	v->need = 0;
	return 0;
}

/* A "(" after a word of a command (prev: the element before it): bash's
 * "for ((" (ma_sh_arith_el), a function's "name (" or "function name (",
 * or a line that cannot parse. */
static __attribute__((noinline, cold)) void ma_sh_lparen_after(struct ma_sh_parse *v, int prev,
                                                               const char *s, size_t start)
{
	if (prev == MA_SH_WORD && !v->redir && ma_sh_for_at(s, start))
		v->fdef = MA_SH_FDEF_ARITH; /* bash's "for ((": ma_sh_arith_el */
	else if (prev == MA_SH_WORD && (v->words == 1 || (v->words == 2 && v->fkw)) && !v->redir)
		v->fdef = v->words == 2 ? 2 : 1;
	else
		v->bad = 1;
}

/* One element through the parse check (what ma_sh_valid answers): words
 * and redirections make a command, an operator needs one before it (and
 * |, &&, || one after), parentheses balance, "name ( )" defines a
 * function (so does bash's "function name ("); inside case ... esac (ma_sh_add counts them) a ")"
 * that no
 * "(" opened ends a pattern, and an item (its commands, maybe none) ends
 * with ;; ;& or ;;&. */
static inline __attribute__((always_inline)) void
ma_sh_feed_v(struct ma_sh_parse *v, int kind, int flags, const char *s, size_t start)
{
	int prev = v->prev;

	if (__builtin_expect(v->fdef != 0, 0)) {
		int d = v->fdef;
		if (d >= MA_SH_FDEF_ARITH) {
			if (ma_sh_arith_el(v, kind, s, start))
				return; /* inside bash's (( )) */
			prev = v->prev; /* fdef is 0 now */
		} else {                /* name ( must be followed by ) */
			v->prev = kind;
			v->fdef = 0;
			if (kind == MA_SH_RPAREN) {
				v->have = 0;
				v->need = 1;
				return;
			}
			if (d != 2) {
				v->bad = 1;
				return;
			}
			/* bash's "function name (" ... ")": the ( opens its body, a
			 * subshell (function f (id); f runs id) */
			v->depth++;
			v->have = 0;
			v->need = 1;
			prev = MA_SH_LPAREN;
		}
	}
	v->prev = kind;
	if (prev && prev != MA_SH_WORD && prev != MA_SH_COMMENT && prev != MA_SH_HEREDOC)
		v->words = 0; /* words of the current simple command */
	switch (kind) {
	case MA_SH_WORD:
		if (v->redir)
			v->redir = 0;
		else
			v->words++;
		v->have = 1;
		v->need = 0;
		break;
	case MA_SH_REDIR:
		if (v->redir)
			v->bad = 1;
		v->redir = 1;
		v->have = 1;
		v->need = 0;
		break;
	case MA_SH_PIPE:
	case MA_SH_ANDOR:
		if (!v->have || v->redir)
			v->bad = 1;
		v->have = 0;
		v->need = 1;
		break;
	case MA_SH_SEQ:
		if (v->redir)
			v->bad = 1;
		if (flags & MA_SH_F_NEWLINE) {
			if (!v->need)
				v->have = 0;
			break;
		}
		if ((!v->have || v->need) && !((flags & MA_SH_F_CASEEND) && v->cases && !v->need))
			v->bad = 1;
		v->have = 0;
		break;
	case MA_SH_BG:
		if (!v->have || v->redir || v->need)
			v->bad = 1;
		v->have = 0;
		break;
	case MA_SH_LPAREN:
		/* (after "then", "do", "{", "!" ...: a subshell; also after
		 * "function name {", whose third word opens its body: fkw 2) */
		if (v->have && !(v->cases && prev == MA_SH_WORD && !v->redir) &&
		    !(v->open && prev == MA_SH_WORD && !v->redir) &&
		    !(v->fkw == 2 && v->words == 3 && prev == MA_SH_WORD && !v->redir)) {
			ma_sh_lparen_after(v, prev, s, start);
			break;
		} /* (inside a case: "in (a) cmd", a pattern's optional "(") */
		if (__builtin_expect(prev == MA_SH_LPAREN && s[start - 1] == '(', 0)) {
			/* "((" where a command starts: bash's arithmetic command,
			 * if its parentheses end with "))" (ma_sh_arith_el) */
			v->fdef = MA_SH_FDEF_ARITH + 8 + 2;
			break;
		}
		v->depth++;
		v->have = 0; /* a new command: "{ ((" and "then ((" as "((" */
		v->need = 1;
		break;
	case MA_SH_RPAREN:
		if (!v->depth && v->cases && v->have && !v->redir) {
			v->have = 0; /* case x in a) id;; esac: a pattern's end */
			v->need = 0;
			break;
		}
		if (!v->depth || !v->have || v->redir)
			v->bad = 1;
		else
			v->depth--;
		v->have = 1;
		v->need = 0;
		break;
	default:
		break;
	}
}

static inline __attribute__((always_inline)) void ma_sh_feed(struct ma_sh_st *st, int kind,
                                                             int flags, size_t start)
{
	ma_sh_feed_v(&st->k.v, kind, flags, st->s, start);
}

/* The element or mark at start finds no room: the window ends there (its
 * first drop). A first drop inside one element (a word of many quotes or
 * globs), once a top-level state was seen at top_at, is where the next
 * window lexes again and keeps from, a little before here (the caller
 * that has that state copies it into lx->snap). */
static __attribute__((noinline, cold)) void ma_sh_drop(struct ma_sh_lex *lx, size_t start,
                                                       int top_set, size_t top_at)
{
	if (lx->dropped_at == (size_t)-1 && !lx->has_snap && top_set) {
		lx->snap_at = top_at;
		lx->snap_from = start > MA_SH_OVERLAP ? start - MA_SH_OVERLAP : 0;
		if (lx->snap_from <= lx->from)
			lx->snap_from = lx->from + 1;
		if (lx->snap_from < lx->snap_at)
			lx->snap_from = lx->snap_at;
		lx->has_snap = 1;
	}
	lx->complete = 0;
	if (start < lx->dropped_at)
		lx->dropped_at = start;
}

/* Keeping stops at the first element or mark that finds no room: what
 * comes after it is not kept either, so the kept ones are a window
 * [from, dropped_at) of the line. */
static inline int ma_sh_room(struct ma_sh_st *st, int full, size_t start, size_t end)
{
	struct ma_sh_lex *lx = st->lx;

	if (end <= lx->from && lx->from > 0)
		return 0; /* before the window */
	if (full || start >= lx->dropped_at) {
		if (lx->dropped_at == (size_t)-1 && !lx->has_snap && st->top_set)
			ma_sh_state_copy(&lx->snap, st->top_saved ? &st->top : &st->k);
		ma_sh_drop(lx, start, st->top_set, st->top_at);
		return 0;
	}
	return 1;
}

/* The first lexing of a line (ma_sh_lex_from_next), its window first full
 * at the start of an element of this kind and flags (has_end), keeps on
 * into st->nx: what ma_sh_lex_next would make of the window -- its
 * elements and marks from snap on (the marks of the element at end_at
 * too: a word's, all kept before it, or the window's first drop would be
 * earlier) taken over, the line lexed on from end_at in the state end --
 * is kept while the line is read on for the parse check anyway, instead
 * of lexed again later. The window is left as ma_sh_room leaves it at its
 * first drop; st->lx is nx from here on, st->line still the window. Not
 * when ma_sh_lex_next would lex from snap_at instead. */
static __attribute__((noinline)) void ma_sh_keep_on(struct ma_sh_st *st, int kind, int flags,
                                                    size_t start)
{
	struct ma_sh_lex *lx = st->lx, *nx = st->nx;
	int nel = lx->nel - lx->snap_nel, nmark = 0;

	st->nx = NULL;
	while (lx->snap_nmark + nmark < lx->nmark &&
	       lx->mark[lx->snap_nmark + nmark].start < lx->end_at)
		nmark++;
	if (nel >= MA_SH_SNAP || nmark >= MA_SH_SNAP)
		return;
	nmark = lx->nmark - lx->snap_nmark;
	memcpy(nx->el, lx->el + lx->snap_nel, sizeof nx->el[0] * (size_t)nel);
	memcpy(nx->mark, lx->mark + lx->snap_nmark, sizeof nx->mark[0] * (size_t)nmark);
	nx->nel = nel;
	nx->nmark = nmark;
	nx->complete = 1;
	nx->from = lx->snap_from;
	nx->dropped_at = (size_t)-1;
	nx->has_snap = nx->has_end = 0;
	/* the line's (lx's) when the lexing ends */
	nx->unterm = nx->valid = 0;
	nx->deep_at = (size_t)-1;
	/* ma_sh_room at the window's first drop (its snap is set) */
	lx->complete = 0;
	lx->dropped_at = start;
	st->lx = nx;
	st->keep_on = 1;
	/* what ma_sh_lex_next's run has at end_at: the element starts there
	 * (k until its first add; a newline's state before here-documents
	 * was saved in top already) */
	st->top_at = start;
	st->top_set = 1;
	if (!(kind == MA_SH_SEQ && (flags & MA_SH_F_NEWLINE) && st->k.nhere))
		st->top_saved = 0;
	st->skip8_at = 0;
}

/* k after a word of the current command at start..end (no redirection's
 * target nor assignment): the command has its name; wrap says whether its
 * words so far are a program that runs the next one (ma_sh_name_kind's
 * MA_SH_NAME_PREFIX: exec, nohup, nice, env, timeout, time ...) and its
 * options and numbers ("nice -n 5", "timeout 5", "sudo nohup"): a
 * redirection after them leaves the command waiting for its name, in dash
 * and bash ("nohup > f id" and "exec > f id" run id). */
/* 1 when [start, end) is "time" or "[[": bash's reserved words after
 * which a "(" opens a group, not a function's "name (": time times a
 * pipeline and may come before a subshell ("time (id)"), [[ ( ... ) ]]
 * groups its expression; dash runs a program time, has no [[, and reads
 * both before "(" as a function's name. */
static inline int ma_sh_is_time(const char *s, size_t start, size_t end)
{
	return (end - start == 4 && !memcmp(s + start, "time", 4)) ||
	       (end - start == 2 && s[start] == '[' && s[start + 1] == '[');
}

/* 1 when the word [start, end) after a reserved word that opens a body
 * keeps it open: another such word (if ! ( ...) or time / [[ (if [[ ( ...,
 * while ! [[ ( ..., if time ( ...). */
static inline int ma_sh_keeps_open(const char *s, size_t start, size_t end)
{
	return ma_sh_name_kind(s + start, end - start) == MA_SH_NAME_OPENS ||
	       ma_sh_is_time(s, start, end);
}

static void ma_sh_named(struct ma_sh_state *k, const char *s, size_t start, size_t end)
{
	if (!k->named) {
		int kind = ma_sh_name_kind(s + start, end - start);
		k->wrap = kind == MA_SH_NAME_PREFIX;
		k->v.open = kind == MA_SH_NAME_OPENS || ma_sh_is_time(s, start, end);
	} else if (k->wrap) {
		size_t p = start;
		while (p < end && ((s[p] >= '0' && s[p] <= '9') || s[p] == '.'))
			p++;
		while (p > start && p < end && strchr("smhd", s[p]))
			p++;
		k->wrap = s[start] == '-' || (p == end && p > start) ||
		          ma_sh_name_kind(s + start, end - start) == MA_SH_NAME_PREFIX;
	}
	k->named = 1;
}

static inline __attribute__((always_inline)) void
ma_sh_add(struct ma_sh_st *st, int probe, int kind, size_t start, size_t end, int flags)
{
	struct ma_sh_lex *lx = st->lx;
	int target = st->k.v.prev == MA_SH_REDIR, keep;

	if (probe)
		return; /* a probe keeps nothing and needs no parse check */
	if (kind == MA_SH_WORD && !st->k.named)
		flags |= MA_SH_F_CMDWORD;
	if (kind == MA_SH_WORD && target)
		flags |= MA_SH_F_TARGET;
	/* the window's first drop, at an element that starts here with k its
	 * state (not a here-document's body, added after its newline): the
	 * next window can go on from here (ma_sh_lex_next) */
	if (lx->nel == MA_SH_MAX_EL && lx->dropped_at == (size_t)-1 && lx->has_snap &&
	    kind != MA_SH_HEREDOC) {
		ma_sh_state_copy(&lx->end, &st->k);
		lx->end_at = start;
		lx->has_end = 1;
		if (st->nx && !st->k.v.bad) {
			ma_sh_keep_on(st, kind, flags, start);
			lx = st->lx;
		}
	}
	/* before k moves on: a window full here goes on from the state where
	 * this element started, k itself until now (ma_sh_run) */
	keep = ma_sh_room(st, lx->nel == MA_SH_MAX_EL, start, end);
	/* case and esac as a command's first word open and close a case (not
	 * after a redirection's target or an assignment: "> f case" and
	 * "x=1 case" run a command named case, as bash and dash read them) */
	if (kind == MA_SH_WORD && !st->k.named && !target && st->k.v.prev != MA_SH_WORD &&
	    end - start == 4) {
		if (!memcmp(st->s + start, "case", 4))
			st->k.v.cases++;
		else if (st->k.v.cases && !memcmp(st->s + start, "esac", 4))
			st->k.v.cases--;
	}
	ma_sh_feed(st, kind, flags, start);
	if (kind == MA_SH_WORD && !target && st->k.v.words == 1) {
		st->k.v.fkw = end - start == 8 && !memcmp(st->s + start, "function", 8);
	} else if (kind == MA_SH_WORD && !target && st->k.v.fkw == 1 && st->k.v.words == 3) {
		/* "function name {": a "(" after it opens a subshell */
		st->k.v.fkw = end - start == 1 && st->s[start] == '{' ? 2 : 1;
	}
	/* a second word: another reserved word that opens a body keeps it
	 * (if ! ( ...); the command's first word sets it (ma_sh_named) */
	if (kind == MA_SH_WORD && !target && st->k.named && st->k.v.open)
		st->k.v.open = ma_sh_keeps_open(st->s, start, end);
	if (kind == MA_SH_WORD) {
		if (!target && !(flags & MA_SH_F_ASSIGN) && (!st->k.named || st->k.wrap))
			ma_sh_named(&st->k, st->s, start, end);
	} else if ((kind != MA_SH_REDIR && kind != MA_SH_COMMENT && kind != MA_SH_HEREDOC) ||
	           (kind == MA_SH_REDIR && st->s[start] == '&')) {
		/* an operator: a new command; "&>" too, which dash (Debian's
		 * /bin/sh) reads as "&" then ">": "cmd &> f id" runs id */
		st->k.named = 0;
		st->k.wrap = 0;
		st->k.v.open = 0;
	} else if (kind == MA_SH_REDIR && st->k.wrap) {
		st->k.named = 0; /* "nohup > f id": id is what nohup runs */
	}
	if (!keep)
		return;
	/* one store of the whole element (no byte store that may alias the
	 * lexer's state) */
	lx->el[lx->nel++] = (struct ma_sh_el){.start = (uint32_t)start,
	                                      .end = (uint32_t)end,
	                                      .pair = 0,
	                                      .flags = (uint16_t)flags,
	                                      .kind = (uint8_t)kind};
}

static void ma_sh_mark(struct ma_sh_st *st, int kind, size_t start, size_t end, int flags,
                       size_t pair)
{
	struct ma_sh_lex *lx = st->lx;

	if (st->quiet)
		return;
	if (!ma_sh_room(st, lx->nmark == MA_SH_MAX_MARK, start, end)) {
		/* a probe finds no room (its window is full before it) */
		if (st->probe && start >= st->probe_a && start < st->probe_b &&
		    ((kind == MA_SH_M_SUBST && !(flags & (MA_SH_F_UNTERM | MA_SH_F_EMPTY))) ||
		     (kind == MA_SH_M_PARAM && (flags & MA_SH_F_RUNS)))) {
			st->found = 1;
			st->probe_b = 0; /* stops at the next element */
		} else if (st->probe && start >= st->probe_a && start < st->probe_b &&
		           kind == MA_SH_M_QUOTE && (flags & MA_SH_F_AMBIG) && !st->found) {
			st->found = 2; /* a substitution after it still says 1 */
		}
		return;
	}
	lx->mark[lx->nmark].start = (uint32_t)start;
	lx->mark[lx->nmark].end = (uint32_t)end;
	lx->mark[lx->nmark].pair = (uint32_t)pair;
	lx->mark[lx->nmark].kind = (uint8_t)kind;
	lx->mark[lx->nmark].flags = (uint16_t)flags;
	lx->nmark++;
}

/* Bytes that end a word unquoted: blanks, newline and operator starts. */
static const unsigned char ma_sh_meta[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, [';'] = 1, ['&'] = 1,
    ['|'] = 1, ['('] = 1,  [')'] = 1,  ['<'] = 1, ['>'] = 1,
};

static inline int ma_sh_is_meta(char c)
{
	return ma_sh_meta[(unsigned char)c];
}

/* What a byte is to a word, bit by bit. MA_SH_PLAIN: a word goes on over
 * it with nothing to mark: not a meta byte, and none of \\ ' " $ ` * ? [ {
 * = (what ma_sh_word looks at). MA_SH_START: a word of plain bytes starts
 * with it in the lane and the run loop: plain, not a comment's '#' nor a
 * digit (an fd number before < or >). */
enum { MA_SH_PLAIN = 1, MA_SH_START = 2 };
/* clang-format off */
static const unsigned char ma_sh_byte[256] = {
	3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	0, 3, 0, 1, 0, 3, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 0, 0, 0, 0, 0,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 3, 3, 3,
	0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
};
/* clang-format on */

static int ma_sh_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int ma_sh_name_char(char c)
{
	return ma_sh_name_start(c) || (c >= '0' && c <= '9');
}

/* Opens one more level of nesting at i (a quote, a substitution, an
 * expansion): 0 when MA_SH_MAX_NEST are open already. The line is then
 * read as one that cannot parse from i on (the caller returns st->len
 * with *unterm set, keeping its frames to MA_SH_MAX_NEST), and i is
 * noted: a place that holds it fires (ma_sh_scan_analyse), since bash
 * would go on and run what is nested there. */
static int ma_sh_nest_in(struct ma_sh_st *st, size_t i, int *unterm)
{
	if (st->nest >= MA_SH_MAX_NEST) {
		*unterm = 1;
		if (st->probe) {
			if (i >= st->probe_a && i < st->probe_b) {
				st->found = 1;
				st->probe_b = 0; /* stops at the next element */
			}
		} else if (i < st->line->deep_at) {
			st->line->deep_at = i;
		}
		return 0;
	}
	st->nest++;
	return 1;
}

static size_t ma_sh_dquote(struct ma_sh_st *st, size_t i, int *unterm);
static size_t ma_sh_dollar(struct ma_sh_st *st, size_t i, int *unterm);
static size_t ma_sh_backtick(struct ma_sh_st *st, size_t i, int *unterm);

/* The bytes a substitution's body follows (ma_sh_paren_body): escapes,
 * quotes, expansions and parentheses (2: an opening one); the rest is
 * skipped. */
static const unsigned char ma_sh_body_byte[256] = {
    ['\\'] = 1, ['\''] = 1, ['"'] = 1, ['`'] = 1, ['$'] = 1, ['('] = 2, [')'] = 1,
};

#if defined(__SSE2__)
/* The bits set in x (16 of them; inline: without -mpopcnt the builtin is
 * a call). */
static inline int ma_sh_pop16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555u);
	x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
	x = (x + (x >> 4)) & 0x0f0fu;
	return (int)((x + (x >> 8)) & 0x1fu);
}
#endif

/* From i (just after an opening parenthesis; the construct starts at
 * open: $(, $((, <( or >() to just after the matching one; quotes and
 * nested substitutions are skipped whole. */
static size_t ma_sh_paren_body(struct ma_sh_st *st, size_t open, size_t i, int *unterm)
{
	const char *s = st->s;
	int depth = 1;

	if (!ma_sh_nest_in(st, i, unterm))
		return st->len;
	if (!st->quiet++)
		st->quiet_at = open;
	while (i < st->len) {
		char c = s[i];
		unsigned t = ma_sh_body_byte[(unsigned char)c];
		if (t == 0) { /* most of a body: nothing to follow */
#if defined(__SSE2__)
			if (i + 16 <= st->len && ma_sh_body_byte[(unsigned char)s[i + 1]] != 1) {
				/* 16 bytes at a time up to the first byte to
				 * follow other than "(", those counted (not
				 * where the next byte is one: a dense body) */
				const __m128i v =
				    _mm_loadu_si128((const __m128i *)(const void *)(s + i));
				__m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
				                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
				unsigned stop, opens, k;
				m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
				m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('`')));
				m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
				m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(')')));
				stop = (unsigned)_mm_movemask_epi8(m);
				opens = (unsigned)_mm_movemask_epi8(
				    _mm_cmpeq_epi8(v, _mm_set1_epi8('(')));
				k = stop ? (unsigned)__builtin_ctz(stop) : 16;
				depth += ma_sh_pop16(k < 16 ? opens & ((1u << k) - 1) : opens);
				i += k;
				continue;
			}
#endif
			i++;
			continue;
		}
		if (t == 2) {
			depth++;
			i++;
			continue;
		}
		if (c == '\\') {
			i += 2;
		} else if (c == '\'') {
			const char *q = memchr(s + i + 1, '\'', st->len - i - 1);
			i = q ? (size_t)(q - s) + 1 : st->len;
		} else if (c == '"') {
			i = ma_sh_dquote(st, i, unterm);
		} else if (c == '`') {
			i = ma_sh_backtick(st, i, unterm);
		} else if (c == '$') {
			i = ma_sh_dollar(st, i, unterm);
		} else if (c == ')') {
			i++;
			if (--depth == 0) {
				st->quiet--;
				st->nest--;
				return i;
			}
		} else {
			i++;
		}
	}
	st->quiet--;
	st->nest--;
	*unterm = 1;
	return st->len;
}

/* Keeps the start i of a command substitution found inside a quiet body
 * (ma_sh_inner_subst's memo). */
static __attribute__((noinline, cold)) void ma_sh_rec(struct ma_sh_st *st, size_t i)
{
	if (*st->rec_n < 0)
		return;
	if (*st->rec_n == MA_SH_SUB_STARTS) {
		*st->rec_n = -1;
		return;
	}
	st->rec[(*st->rec_n)++] = (uint32_t)i;
}

static size_t ma_sh_backtick(struct ma_sh_st *st, size_t i, int *unterm)
{
	size_t j = i + 1;

	st->runs++;
	while (j < st->len && st->s[j] != '`')
		j += st->s[j] == '\\' ? 2 : 1;
	if (st->quiet && st->quiet_at < st->sub_a && j < st->len && j > i + 1 &&
	    i - st->sub_a < st->sub_n) {
		st->sub_found = 1; /* ma_sh_inner_subst */
		if (st->rec)
			ma_sh_rec(st, i);
	}
	if (j >= st->len) {
		*unterm = 1;
		ma_sh_mark(st, MA_SH_M_SUBST, i, st->len, MA_SH_F_UNTERM, 0);
		return st->len;
	}
	ma_sh_mark(st, MA_SH_M_SUBST, i, j + 1, j == i + 1 ? MA_SH_F_EMPTY : 0, 0);
	return j + 1;
}

/* 1 when s[a, e), the text between "$((" and the last ")" of its "$(
 * ... )", is arithmetic to bash: it ends with ")" and its parentheses
 * before that one balance, none closing more than were opened (quotes
 * and backslashed bytes skipped: subst.c's chk_arithsub). Else bash
 * reads "$((" as "$(" and a subshell: "$((id) )", "$((id);(x))" and
 * "$((1)+(2))" run commands. */
static int ma_sh_arith_closes(const char *s, size_t a, size_t e)
{
	int depth = 0;

	if (e <= a || s[e - 1] != ')')
		return 0;
	for (size_t k = a; k + 1 < e; k++) {
		if (s[k] == '\\') {
			k++;
		} else if (s[k] == '\'' || s[k] == '"') {
			const char *q = memchr(s + k + 1, s[k], e - 1 - (k + 1));
			if (!q)
				return 0;
			k = (size_t)(q - s);
		} else if (s[k] == '(') {
			depth++;
		} else if (s[k] == ')' && --depth < 0) {
			return 0;
		}
	}
	return depth == 0;
}

/* $... at i: expansions, substitutions and the $'...' $"..." quotes. */
static size_t ma_sh_dollar(struct ma_sh_st *st, size_t i, int *unterm)
{
	const char *s = st->s;
	size_t len = st->len, j;
	int u = 0, runs = st->runs;

	if (i + 1 >= len)
		return i + 1;
	switch (s[i + 1]) {
	case '(':
		/* $(( ... )): the whole $( ... ), then arithmetic or not */
		j = ma_sh_paren_body(st, i, i + 2, &u);
		if (i + 2 < len && s[i + 2] == '(' && (u || ma_sh_arith_closes(s, i + 3, j - 1))) {
			/* a[$(id)] inside: bash runs it while evaluating */
			ma_sh_mark(st, MA_SH_M_PARAM, i, j,
			           u ? MA_SH_F_UNTERM : (st->runs > runs ? MA_SH_F_RUNS : 0), 0);
		} else {
			st->runs++;
			if (st->quiet && st->quiet_at < st->sub_a && !u && j != i + 3 &&
			    i - st->sub_a < st->sub_n) {
				st->sub_found = 1; /* ma_sh_inner_subst */
				if (st->rec)
					ma_sh_rec(st, i);
			}
			ma_sh_mark(st, MA_SH_M_SUBST, i, j,
			           u ? MA_SH_F_UNTERM : (j == i + 3 ? MA_SH_F_EMPTY : 0), 0);
		}
		*unterm |= u;
		return j;
	case '{': {
		int depth = 1;
		if (!ma_sh_nest_in(st, i, unterm))
			return len;
		if (!st->quiet++)
			st->quiet_at = i;
		for (j = i + 2; j < len && depth; j++) {
			if (s[j] == '\\')
				j++;
			else if (s[j] == '{')
				depth++;
			else if (s[j] == '}')
				depth--;
			else if (s[j] == '\'') {
				const char *q = memchr(s + j + 1, '\'', len - j - 1);
				j = q ? (size_t)(q - s) : len;
			} else if (s[j] == '"')
				j = ma_sh_dquote(st, j, &u) - 1;
			else if (s[j] == '$')
				j = ma_sh_dollar(st, j, &u) - 1;
			else if (s[j] == '`')
				j = ma_sh_backtick(st, j, &u) - 1;
		}
		st->quiet--;
		st->nest--;
		if (depth)
			u = 1;
		if (j > len)
			j = len;
		/* ${x:-$(id)}, ${a[`id`]}: the word or subscript is expanded */
		ma_sh_mark(st, MA_SH_M_PARAM, i, j,
		           u ? MA_SH_F_UNTERM : (st->runs > runs ? MA_SH_F_RUNS : 0), 0);
		*unterm |= u;
		return j;
	}
	case '\'': { /* $'...' with backslash escapes */
		const char *q;
		ma_sh_mark(st, MA_SH_M_QUOTE, i, i + 2, 0, 0);
		for (j = i + 2; j < len && s[j] != '\''; j++)
			if (s[j] == '\\')
				j++;
		/* dash has no $'...': a $ and then '...' up to the first ', which
		 * bash reads as an escaped quote (\') and goes on: the two
		 * shells split the rest of the line differently */
		q = memchr(s + i + 2, '\'', (j < len ? j : len) - (i + 2));
		if (q)
			ma_sh_mark(st, MA_SH_M_QUOTE, (size_t)(q - s), (size_t)(q - s) + 1,
			           MA_SH_F_AMBIG, i);
		if (j >= len) {
			*unterm = 1;
			return len;
		}
		ma_sh_mark(st, MA_SH_M_QUOTE, j, j + 1, MA_SH_F_CLOSE, i);
		return j + 1;
	}
	case '"':
		return ma_sh_dquote(st, i + 1, unterm);
	default:
		break;
	}
	if (ma_sh_name_start(s[i + 1])) {
		for (j = i + 2; j < len && ma_sh_name_char(s[j]); j++)
			;
		ma_sh_mark(st, MA_SH_M_PARAM, i, j, 0, 0);
		return j;
	}
	if (strchr("0123456789?$#@*!-", s[i + 1]) && s[i + 1] != '\0') {
		ma_sh_mark(st, MA_SH_M_PARAM, i, i + 2, MA_SH_F_SPECIAL, 0);
		return i + 2;
	}
	return i + 1; /* a lone $ is a character */
}

/* "..." at i: $ and ` stay active inside. Returns the index after it. */
static size_t ma_sh_dquote(struct ma_sh_st *st, size_t i, int *unterm)
{
	const char *s = st->s;
	size_t j = i + 1;

	if (!ma_sh_nest_in(st, i, unterm))
		return st->len;
	ma_sh_mark(st, MA_SH_M_QUOTE, i, i + 1, 0, 0);
	while (j < st->len && s[j] != '"') {
		if (s[j] == '\\')
			j += 2;
		else if (s[j] == '$' && j + 1 < st->len && (s[j + 1] == '\'' || s[j + 1] == '"'))
			j++; /* "$'": a dollar sign and a quote to dash and bash alike */
		else if (s[j] == '$')
			j = ma_sh_dollar(st, j, unterm);
		else if (s[j] == '`')
			j = ma_sh_backtick(st, j, unterm);
		else
			j++;
	}
	st->nest--;
	if (j >= st->len) {
		*unterm = 1;
		return st->len;
	}
	ma_sh_mark(st, MA_SH_M_QUOTE, j, j + 1, MA_SH_F_CLOSE, i);
	return j + 1;
}

/* 1 when [start, i) is "NAME=" or "NAME+=" and s[i] the "(" of bash's
 * array assignment. */
static int ma_sh_array_at(const char *s, size_t start, size_t i)
{
	size_t e;

	if (i < start + 2 || s[i - 1] != '=' || !ma_sh_name_start(s[start]))
		return 0;
	e = s[i - 2] == '+' ? i - 2 : i - 1;
	for (size_t k = start + 1; k < e; k++)
		if (!ma_sh_name_char(s[k]))
			return 0;
	return e > start;
}

/* A word from i: returns its end; *flags gets MA_SH_F_UNTERM/ASSIGN. */
static inline __attribute__((always_inline)) size_t ma_sh_word(struct ma_sh_st *st, size_t i,
                                                               int *flags)
{
	const char *s = st->s;
	size_t len = st->len, start = i;
	int unterm = 0, eq_seen = 0, arr = 0;

	while (i < len) {
		char c;
		while (i < len && (ma_sh_byte[(unsigned char)s[i]] & MA_SH_PLAIN))
			i++;
		if (i >= len)
			break;
		c = s[i];
		if (arr && (c == ' ' || c == '\t' || c == '\n' || c == ')')) {
			arr = c != ')'; /* blanks inside bash's a=(x y), up to its ")" */
			i++;
			continue;
		}
		if (c == '(' && ma_sh_array_at(s, start, i)) {
			arr =
			    1; /* bash's a=(x y) or a+=(z): one assignment word (dash refuses it) */
			*flags |= MA_SH_F_ASSIGN;
			i++;
			continue;
		}
		if ((c == '<' || c == '>') && i + 1 < len && s[i + 1] == '(') {
			size_t j;
			st->runs++;
			j = ma_sh_paren_body(st, i, i + 2, &unterm);
			ma_sh_mark(st, MA_SH_M_SUBST, i, j, unterm ? MA_SH_F_UNTERM : 0, 0);
			i = j;
			continue;
		}
		if (ma_sh_is_meta(c))
			break;
		switch (c) {
		case '\\':
			i += 2;
			break;
		case '\'': {
			const char *q = memchr(s + i + 1, '\'', len - i - 1);
			ma_sh_mark(st, MA_SH_M_QUOTE, i, i + 1, 0, 0);
			if (!q) {
				unterm = 1;
				i = len;
			} else {
				size_t j = (size_t)(q - s);
				ma_sh_mark(st, MA_SH_M_QUOTE, j, j + 1, MA_SH_F_CLOSE, i);
				i = j + 1;
			}
			break;
		}
		case '"':
			i = ma_sh_dquote(st, i, &unterm);
			break;
		case '$':
			i = ma_sh_dollar(st, i, &unterm);
			break;
		case '`':
			i = ma_sh_backtick(st, i, &unterm);
			break;
		case '*':
		case '?':
			ma_sh_mark(st, MA_SH_M_GLOB, i, i + 1, 0, 0);
			i++;
			break;
		case '[': {
			size_t j = i + 1;
			while (j < len && !ma_sh_is_meta(s[j]) && s[j] != ']')
				j++;
			if (j < len && s[j] == ']' && j > i + 1)
				ma_sh_mark(st, MA_SH_M_GLOB, i, j + 1, 0, 0);
			i++;
			break;
		}
		case '{': {
			/* {a,b} or {1..3}: the braces and what they hold, unquoted */
			size_t j = i + 1;
			int depth = 1, list = 0;
			while (j < len && !ma_sh_is_meta(s[j]) && s[j] != '\'' && s[j] != '"' &&
			       depth) {
				if (s[j] == '\\' && j + 1 < len && s[j + 1] != '\n') {
					j += 2; /* an escaped byte: {x,-exec,id,\;} */
					continue;
				}
				if (s[j] == '{')
					depth++;
				else if (s[j] == '}')
					depth--;
				else if (depth == 1 &&
				         (s[j] == ',' ||
				          (s[j] == '.' && j + 1 < len && s[j + 1] == '.')))
					list = 1;
				j++;
			}
			if (!depth && list)
				ma_sh_mark(st, MA_SH_M_BRACE, i, j, 0, 0);
			i++;
			break;
		}
		case '=':
			if (!eq_seen && i > start && ma_sh_name_start(s[start])) {
				size_t k = start;
				while (k < i && ma_sh_name_char(s[k]))
					k++;
				if (k == i)
					*flags |= MA_SH_F_ASSIGN;
			}
			eq_seen = 1;
			i++;
			break;
		default:
			i++;
		}
	}
	if (i > len)
		i = len;
	if (unterm) {
		*flags |= MA_SH_F_UNTERM;
		if (!st->probe)
			st->line->unterm = 1;
	}
	return i;
}

/* Skips the bodies of the pending here-documents from i (after a
 * newline); each becomes a HEREDOC element. */
static size_t ma_sh_heredocs(struct ma_sh_st *st, size_t i)
{
	const char *s = st->s;

	for (int h = 0; h < st->k.nhere; h++) {
		size_t body = i;
		int found = 0, fl = st->k.here[h].quoted ? 0 : MA_SH_F_EXPANDS;
		while (i < st->len) {
			const char *nl = memchr(s + i, '\n', st->len - i);
			size_t end = nl ? (size_t)(nl - s) : st->len, k = i;
			if (st->k.here[h].strip)
				while (k < end && s[k] == '\t')
					k++;
			if (end - k == st->k.here[h].dlen &&
			    memcmp(s + k, st->k.here[h].delim, st->k.here[h].dlen) == 0) {
				if (i > body)
					ma_sh_add(st, st->probe, MA_SH_HEREDOC, body, i, fl);
				i = nl ? end + 1 : end;
				found = 1;
				break;
			}
			i = nl ? end + 1 : st->len;
		}
		if (!found) { /* runs to the end: bash warns and runs it */
			ma_sh_add(st, st->probe, MA_SH_HEREDOC, body, st->len, fl);
			i = st->len;
		}
	}
	st->k.nhere = 0;
	return i;
}

void ma_sh_lex(const char *s, size_t len, struct ma_sh_lex *lx)
{
	ma_sh_lex_from(s, len, 0, lx);
}

static int ma_sh_first_after(const struct ma_sh_el *v, int n, size_t a);

/* A word from i (an element starts there): lexed, added, and taken as a
 * here-document's delimiter when one is wanted. Returns its end. */
static inline __attribute__((always_inline)) size_t ma_sh_run_word(struct ma_sh_st *st, int probe,
                                                                   size_t i)
{
	const char *s = st->s;
	int fl = 0;
	size_t j = ma_sh_word(st, i, &fl);

	if (j == i)
		j = i + 1; /* cannot happen; keeps the loop finite */
	ma_sh_add(st, probe, MA_SH_WORD, i, j, fl);
	if (st->k.want_delim && st->k.nhere < 4) {
		/* the delimiter without its quotes */
		size_t d = 0;
		int quoted = 0;
		for (size_t k = i; k < j; k++) {
			if (s[k] == '\'' || s[k] == '"' || s[k] == '\\')
				quoted = 1;
			else if (d < sizeof st->k.here[0].delim)
				st->k.here[st->k.nhere].delim[d++] = s[k];
		}
		st->k.here[st->k.nhere].dlen = d;
		st->k.here[st->k.nhere].strip = st->k.want_delim == 2;
		st->k.here[st->k.nhere].quoted = quoted;
		st->k.nhere++;
	}
	st->k.want_delim = 0;
	return j;
}

/* 1 when [i, j) (j > i, plain bytes) is a word of plain bytes alone, as
 * ma_sh_word would end it: at a blank, an operator (not <( or >(, a
 * process substitution that goes on in the word) or the line's end. */
static inline int ma_sh_plain_word(const char *s, size_t len, size_t i, size_t j)
{
	(void)i;
	return j == len || (ma_sh_meta[(unsigned char)s[j]] &&
	                    !((s[j] == '<' || s[j] == '>') && j + 1 < len && s[j + 1] == '('));
}

#define MA_SH_ONES 0x0101010101010101ull
#define MA_SH_HIGH 0x8080808080808080ull

/* The high bit of each byte of w (the first byte lowest) that is in
 * [lo, hi] (lo <= hi < 0x80); no carry crosses a byte. */
static inline uint64_t ma_sh_swar_in(uint64_t w, unsigned lo, unsigned hi)
{
	uint64_t low7 = w & ~MA_SH_HIGH;
	uint64_t ge = (low7 + (0x80 - lo) * MA_SH_ONES) & MA_SH_HIGH;
	uint64_t le = ~(low7 + (0x7f - hi) * MA_SH_ONES) & MA_SH_HIGH;

	return ge & le & ~w;
}

#if defined(__SSE2__) && !defined(MA_SH_SWAR_ONLY)
/* The sixteen bytes at p, a bit each (the first byte lowest): those that
 * ma_sh_skip_words8 passes (a letter, a digit, one of + , - . / : or a
 * space) returned, the spaces in *spaces (unused by a caller that needs
 * only the first: the compiler drops it). */
static inline __attribute__((always_inline)) unsigned ma_sh_word_bytes16(const char *p,
                                                                         unsigned *spaces)
{
	const __m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i l = _mm_or_si128(w, _mm_set1_epi8(0x20));
	const __m128i isp = _mm_cmpeq_epi8(w, _mm_set1_epi8(' '));
	/* signed compares: a byte >= 0x80 is in no range */
	const __m128i az = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)),
	                                 _mm_cmplt_epi8(l, _mm_set1_epi8('z' + 1)));
	const __m128i pc = _mm_and_si128(_mm_cmpgt_epi8(w, _mm_set1_epi8('+' - 1)),
	                                 _mm_cmplt_epi8(w, _mm_set1_epi8(':' + 1)));

	*spaces = (unsigned)_mm_movemask_epi8(isp);
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(isp, _mm_or_si128(az, pc)));
}
#endif

/* The words of plain bytes and the blanks that ma_sh_skip_words passes,
 * many bytes at a time: from i (a word's end, at a space), while every
 * byte is a letter, a digit, one of + , - . / : or a space (no operator,
 * quote, expansion, glob, '#', tab or line break) and before limit, the
 * words that end there (a space after a byte that is none) are counted
 * into *words and *last gets where the last of them starts; returns its
 * end (i when none), where the byte loop goes on, and *stop gets the first
 * byte that is none of them (limit when none was met). Sixteen bytes at a
 * time where the CPU has SSE2 (every x86-64; the words up to the first
 * byte that is none are counted), then eight (SWAR: whole eights only).
 * The byte loop passes the bytes after the last word counted as it would
 * have passed all of them. A word that starts in such bytes starts with a
 * plain byte and ends at a space: what the byte loop passes as a word (one
 * that starts with a digit too: no '<' or '>' follows it before its
 * space). Unless exact, *words only gets 1 when any word was counted
 * (ma_sh_skip_words8_any). */
static inline __attribute__((always_inline)) size_t
ma_sh_skip_words8_impl(const char *s, size_t i, size_t limit, int *words, size_t *last,
                       size_t *stop, const int exact)
{
	size_t p = i, end = i; /* the last word end counted (i: none) */
	unsigned prev_sp = 1;  /* the byte before p is a space: i's word is counted already */
	unsigned n = 0;
#if defined(__SSE2__) && !defined(MA_SH_SWAR_ONLY)
	unsigned last_ends = 0;
	size_t last_p = i;
#endif

	*stop = limit;
#if defined(__SSE2__) && !defined(MA_SH_SWAR_ONLY)
	{
		while (p + 16 <= limit) {
			unsigned spm, ends;
			unsigned ok = ma_sh_word_bytes16(s + p, &spm);
			unsigned bad = ~ok & 0xffffu;
			if (bad) /* only the spaces before the first byte that is none */
				spm &= (1u << __builtin_ctz(bad)) - 1;
			/* a space whose byte before is no space */
			ends = spm & ~((spm << 1) | prev_sp);
			if (ends) {
				/* their count (no call: x86-64 has no popcnt by
				 * default), where the last is found at the end */
				if (exact) {
					unsigned x = ends - ((ends >> 1) & 0x5555u);
					x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
					x = (x + (x >> 4)) & 0x0f0fu;
					n += (x + (x >> 8)) & 0x1fu;
				} else {
					n = 1;
				}
				last_ends = ends;
				last_p = p;
			}
			if (bad) {
				*stop = p + (size_t)__builtin_ctz(bad);
				break;
			}
			prev_sp = spm >> 15;
			p += 16;
		}
		if (last_ends)
			end = last_p + (size_t)(31 - __builtin_clz(last_ends));
		if (*stop != limit)
			goto done;
	}
#endif
	{
		uint64_t prev_space = prev_sp ? MA_SH_HIGH : 0;
		while (p + 8 <= limit) {
			uint64_t w, sp, ok, ends;
			memcpy(&w, s + p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			w = __builtin_bswap64(w);
#endif
			sp = ma_sh_swar_in(w, ' ', ' ');
			ok = sp | ma_sh_swar_in(w | 0x2020202020202020ull, 'a', 'z') |
			     ma_sh_swar_in(w, '+', ':');
			if (ok != MA_SH_HIGH) {
				*stop = p + (size_t)__builtin_ctzll(~ok & MA_SH_HIGH) / 8;
				break;
			}
			/* a space whose byte before is no space: the high bit of
			 * the byte before moved up by one byte, the last byte of
			 * the eight before for the first */
			ends = sp & ~((sp << 8) | (prev_space >> 56)) & MA_SH_HIGH;
			if (ends) {
				/* one bit a byte at most: their sum in the top byte */
				if (exact)
					n += (unsigned)(((ends >> 7) * MA_SH_ONES) >> 56);
				else
					n = 1;
				end = p + (size_t)(63 - __builtin_clzll(ends)) / 8;
			}
			prev_space = sp;
			p += 8;
		}
	}
#if defined(__SSE2__) && !defined(MA_SH_SWAR_ONLY)
done:
#endif
	if (end == i)
		return i;
	*words = (int)n;
	/* the last word's start: after the space before it (s[i] is one) */
	for (*last = end; s[*last - 1] != ' '; (*last)--)
		;
	return end;
}

static __attribute__((noinline)) size_t ma_sh_skip_words8(const char *s, size_t i, size_t limit,
                                                          int *words, size_t *last, size_t *stop)
{
	return ma_sh_skip_words8_impl(s, i, limit, words, last, stop, 1);
}

/* The largest x in [lo, q) whose byte is a space (want 1) or is none
 * (want 0), or (size_t)-1 when there is none; sixteen bytes at a time
 * where the CPU has SSE2. */
static inline size_t ma_sh_back_find(const char *s, size_t lo, size_t q, int want)
{
#if defined(__SSE2__) && !defined(MA_SH_SWAR_ONLY)
	const __m128i sp = _mm_set1_epi8(' ');
	while (q >= lo + 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)(s + q - 16)), sp));
		if (!want)
			m ^= 0xffffu;
		if (m)
			return q - 16 + (size_t)(31 - __builtin_clz(m));
		q -= 16;
	}
#endif
	while (q > lo) {
		q--;
		if ((s[q] == ' ') == want)
			return q;
	}
	return (size_t)-1;
}

/* ma_sh_skip_words8 for a full window: what follows it is read only for
 * the parse check (or a probe's marks), where the count of words after a
 * word only tells whether a parenthesis may follow a lone name ("f ( )":
 * ma_sh_feed's words == 1), so 1 stands for any number. The bytes are
 * only tested (each block whole) on the way; the last word end counted
 * (the first space of the last run of spaces, past i, before where the
 * blocks stopped) is found after, from there back. The same answers as
 * ma_sh_skip_words8_impl(..., 0): the blocks stop where its do (at the
 * first byte that is none in a block of sixteen, before the block of
 * eight that holds one), it counts the word ends before that. */
static __attribute__((noinline)) size_t
ma_sh_skip_words8_any(const char *s, size_t i, size_t limit, int *words, size_t *last, size_t *stop)
{
	size_t p = i, upto, x, end;

	*stop = limit;
#if defined(__SSE2__) && !defined(MA_SH_SWAR_ONLY)
	{
		while (p + 16 <= limit) {
			unsigned spm;
			unsigned ok = ma_sh_word_bytes16(s + p, &spm);
			if (ok != 0xffffu) {
				*stop = p + (size_t)__builtin_ctz(~ok & 0xffffu);
				break;
			}
			p += 16;
		}
	}
	if (*stop != limit) {
		upto = *stop; /* the spaces before it count */
	} else
#endif
	{
		while (p + 8 <= limit) {
			uint64_t w, ok;
			memcpy(&w, s + p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			w = __builtin_bswap64(w);
#endif
			ok = ma_sh_swar_in(w, ' ', ' ') |
			     ma_sh_swar_in(w | 0x2020202020202020ull, 'a', 'z') |
			     ma_sh_swar_in(w, '+', ':');
			if (ok != MA_SH_HIGH) {
				*stop = p + (size_t)__builtin_ctzll(~ok & MA_SH_HIGH) / 8;
				break;
			}
			p += 8;
		}
		upto = p; /* a block of eight that holds a byte that is none: not counted */
	}
	/* the last space in (i, upto), then the first of its run: a word end
	 * when it is past i (s[i] is a space, its word counted already) */
	x = upto > i + 1 ? ma_sh_back_find(s, i + 1, upto, 1) : (size_t)-1;
	if (x == (size_t)-1)
		return i;
	end = ma_sh_back_find(s, i, x, 0);
	if (end == (size_t)-1 || end + 1 <= i)
		return i;
	end++;
	*words = 1;
	for (*last = end; s[*last - 1] != ' '; (*last)--)
		;
	return end;
}

/* After a word of plain bytes, ending at i: the words of plain bytes that
 * follow it, blanks between them, which the window does not keep -- it
 * is full and the first lexing of the line reads on only for the parse
 * check (st->next == 0, the line still parses), or they end before the
 * window (nothing kept yet) -- go by at once: each only counts as one
 * more word of the same command (ma_sh_feed: prev stays a word, have
 * stays 1, need 0; the command has its name), and before the window it
 * is where an element starts (top_at). Returns the end of the last word
 * it passed (i when none). */
static inline __attribute__((always_inline)) size_t ma_sh_skip_words(struct ma_sh_st *st, int probe,
                                                                     size_t i)
{
	const char *s = st->s;
	size_t len = st->len;
	struct ma_sh_lex *lx = st->lx;
	int full;

	/* a probe passes them whatever the parse check says: words of plain
	 * bytes hold no mark (unless one is a here-document's delimiter) */
	if ((st->k.v.prev != MA_SH_WORD || st->k.v.redir || st->k.v.fdef || st->k.want_delim) &&
	    (!probe || st->k.want_delim))
		return i;
	full = lx->dropped_at != (size_t)-1;
	if ((full ? st->next || st->k.v.bad : lx->has_snap || lx->nel || lx->nmark || !lx->from) &&
	    !probe) {
		/* the first lexing alone, its window full, would pass them
		 * at once (ma_sh_skip_words8_any counts them as one word, and
		 * none opens a case): after a redirection's target, where the
		 * command has no name yet, keeping on (one by one) may differ
		 * ("> f a b ( )", "> f case"): lexed again without */
		if (st->keep_on && !full && !st->k.named && !st->k.v.bad)
			st->redo = 1;
		return i;
	}
	for (;;) {
		size_t k = i, j;
		char c;
		/* eight bytes at a time while they allow it (before the window:
		 * up to its start); tried again past the byte that stopped the
		 * last try */
		if (i >= st->skip8_at && i < len && s[i] == ' ') {
			int n = 0;
			size_t last = 0;
			size_t lim = full ? len : lx->from, i0 = i;
			if (probe && lim > st->probe_b)
				lim = st->probe_b;
			k = i = full ? ma_sh_skip_words8_any(s, i, lim, &n, &last, &st->skip8_at)
			             : ma_sh_skip_words8(s, i, lim, &n, &last, &st->skip8_at);
			st->skip8_at++;
			if (n > 0) {
				if (!full) {
					st->top_at = last;
					st->top_set = 1;
					st->top_saved = 0;
				}
				st->k.v.words += n;
				/* the words one by one while they may name a
				 * wrapper or its options (ma_sh_named), or follow
				 * reserved words that open a body (ma_sh_add) */
				for (size_t p = i0;
				     p < i && (!st->k.named || st->k.wrap || st->k.v.open);) {
					size_t q;
					while (p < i && (s[p] == ' ' || s[p] == '\t'))
						p++;
					for (q = p; q < i && s[q] != ' ' && s[q] != '\t'; q++)
						;
					if (q > p && st->k.named && st->k.v.open)
						st->k.v.open = ma_sh_keeps_open(s, p, q);
					if (q > p && (!st->k.named || st->k.wrap))
						ma_sh_named(&st->k, s, p, q);
					p = q;
				}
				st->k.named = 1;
			}
		}
		while (k < len && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k >= len || (probe && k >= st->probe_b))
			return i;
		c = s[k];
		if (!(ma_sh_byte[(unsigned char)c] & MA_SH_START))
			return i;
		for (j = k + 1; j < len && (ma_sh_byte[(unsigned char)s[j]] & MA_SH_PLAIN); j++)
			;
		if (!ma_sh_plain_word(s, len, k, j))
			return i;
		if (!full) {
			if (j > lx->from)
				return i; /* kept: the element's own path */
			st->top_at = k;
			st->top_set = 1;
			st->top_saved = 0;
		}
		st->k.v.words++;
		if (st->k.named && st->k.v.open) /* if ! (: ma_sh_add */
			st->k.v.open = ma_sh_keeps_open(s, k, j);
		if (!st->k.named || st->k.wrap)
			ma_sh_named(&st->k, s, k, j);
		i = j;
	}
}

/* The elements that need none of the run loop's bookkeeping, kept at
 * once from i (where an element or blanks start): words of plain bytes
 * alone (not a redirection's target: "> f"; not one that starts with a
 * digit, an fd number before < or >, or '#') and the control operators
 * ; ;; ;& ;;& & && | |& || ( ). Only while the window keeps them with
 * nothing else to note: not full, no place to go on from due before the
 * next element (fewer than MA_SH_SNAP elements and marks, or one noted
 * already, and then room for one more), its start passed, no
 * here-document pending, the line still parsing (ma_sh_feed judges each
 * as ma_sh_add does). What ma_sh_run's loop would do there: the place an
 * element starts (top_at) only counts at a drop, which cannot come
 * before the loop sees the next element; ma_sh_skip_words only passes
 * words a window does not keep. Returns where it stopped: the start of
 * an element it leaves to the loop, or the line's end. */
static __attribute__((noinline)) size_t ma_sh_lane(struct ma_sh_st *st, size_t i)
{
	const char *s = st->s;
	size_t len = st->len;
	struct ma_sh_lex *lx = st->lx;
	struct ma_sh_el *el = lx->el;
	/* the parse check, the command's name and the count in locals (the
	 * elements' stores cannot touch them), stored back at the end */
	struct ma_sh_parse v;
	int named, wrap, nel = lx->nel, cap = lx->has_snap ? MA_SH_MAX_EL : MA_SH_SNAP;

	/* also not after a redirection (its target next, or the line cannot
	 * parse) nor after "name (" (a ")" must follow): in the lane neither
	 * is ever set by a word, so a run of words moves the parse check
	 * once (what ma_sh_feed_v does word by word: prev a word, words
	 * counted on, have 1, need 0) */
	if (lx->dropped_at != (size_t)-1 || i < lx->from || nel >= cap ||
	    (!lx->has_snap && lx->nmark >= cap) || st->k.want_delim || st->k.nhere || st->k.v.bad ||
	    st->k.v.redir || st->k.v.fdef)
		return i;
	v = st->k.v;
	named = st->k.named;
	wrap = st->k.wrap;
	while (i < len && nel < cap && !v.bad) {
		unsigned char c = (unsigned char)s[i];
		size_t j;
		int kind, flags = 0;
		if (c == ' ' || c == '\t') {
			i++;
			continue;
		}
		if (ma_sh_byte[c] & MA_SH_START) {
			/* a run of words of plain bytes, blanks between them */
			int n0 = nel, stop = 0, kd;
			for (;;) {
				for (j = i + 1;
				     j < len && (ma_sh_byte[(unsigned char)s[j]] & MA_SH_PLAIN);
				     j++)
					;
				if (!ma_sh_plain_word(s, len, i, j)) {
					stop = 1;
					break;
				}
				flags = 0;
				if (named && wrap) {
					struct ma_sh_state w = {.named = 1, .wrap = 1};
					ma_sh_named(&w, s, i, j);
					wrap = w.wrap;
				}
				if (named && v.open) /* if ! (: ma_sh_add */
					v.open = ma_sh_keeps_open(s, i, j);
				if (!named) {
					/* its first word, not after a target or an
					 * assignment (ma_sh_add) */
					flags = MA_SH_F_CMDWORD;
					if (j - i == 4 && v.prev != MA_SH_WORD) {
						if (!memcmp(s + i, "case", 4))
							v.cases++;
						else if (v.cases && !memcmp(s + i, "esac", 4))
							v.cases--;
					}
					named = 1;
					kd = ma_sh_name_kind(s + i, j - i);
					wrap = kd == MA_SH_NAME_PREFIX;
					v.open = kd == MA_SH_NAME_OPENS || ma_sh_is_time(s, i, j);
				}
				el[nel++] = (struct ma_sh_el){.start = (uint32_t)i,
				                              .end = (uint32_t)j,
				                              .pair = 0,
				                              .flags = (uint16_t)flags,
				                              .kind = MA_SH_WORD};
				i = j;
				while (i < len && (s[i] == ' ' || s[i] == '\t'))
					i++;
				if (i >= len || nel >= cap)
					break;
				c = (unsigned char)s[i];
				if (!(ma_sh_byte[c] & MA_SH_START))
					break;
			}
			if (nel > n0) {
				if (v.prev != MA_SH_WORD && v.prev && v.prev != MA_SH_COMMENT &&
				    v.prev != MA_SH_HEREDOC)
					v.words = 0;
				if (v.words == 0) /* its first word: bash's "function"? */
					v.fkw = el[n0].end - el[n0].start == 8 &&
					        !memcmp(s + el[n0].start, "function", 8);
				v.prev = MA_SH_WORD;
				v.words += nel - n0;
				v.have = 1;
				v.need = 0;
			}
			if (stop)
				break;
			continue;
		}
		{
			char n1 = i + 1 < len ? s[i + 1] : '\0';
			if (c == ';') {
				char n2 = i + 2 < len ? s[i + 2] : '\0';
				j = i + ((n1 == ';' || n1 == '&') ? (n1 == ';' && n2 == '&' ? 3 : 2)
				                                  : 1);
				kind = MA_SH_SEQ;
				flags = j > i + 1 ? MA_SH_F_CASEEND : 0;
			} else if (c == '&' && n1 != '>') { /* &> a redirection */
				kind = n1 == '&' ? MA_SH_ANDOR : MA_SH_BG;
				j = i + (n1 == '&' ? 2 : 1);
			} else if (c == '|') {
				kind = n1 == '|' ? MA_SH_ANDOR : MA_SH_PIPE;
				j = i + (n1 == '|' || n1 == '&' ? 2 : 1);
			} else if (c == '(' || c == ')') {
				kind = c == '(' ? MA_SH_LPAREN : MA_SH_RPAREN;
				j = i + 1;
			} else {
				break;
			}
		}
		ma_sh_feed_v(&v, kind, flags, s, i);
		named = 0; /* an operator: a new command */
		wrap = 0;
		v.open = 0;
		el[nel++] = (struct ma_sh_el){.start = (uint32_t)i,
		                              .end = (uint32_t)j,
		                              .pair = 0,
		                              .flags = (uint16_t)flags,
		                              .kind = (uint8_t)kind};
		i = j;
		if (v.fdef)
			break; /* "name (", "for (", "((": the run loop judges what follows */
	}
	st->k.v = v;
	st->k.named = named;
	st->k.wrap = wrap;
	lx->nel = nel;
	return i;
}

/* Lexes the line from i (between two elements) to its end, or, for a next
 * window, until the window is full. */
static inline __attribute__((always_inline)) void ma_sh_run_impl(struct ma_sh_st *st, size_t i,
                                                                 const int probe, const int first)
{
	const char *s = st->s;
	size_t len = st->len;
	struct ma_sh_lex *lx = st->lx;

	while (i < len) {
		char c = s[i];
		if (c == ' ' || c == '\t') { /* blanks; a CR is an ordinary character */
			i++;
			continue;
		}
		if (first && st->keep_on) {
			lx = st->lx;
			/* the first lexing alone would stop here (its window is
			 * full): so does its next window, which is given up
			 * unless full already (ma_sh_lex_next stops there too) */
			if (st->redo)
				return;
			if (st->k.v.bad) {
				if (lx->dropped_at == (size_t)-1)
					st->keep_on = 0;
				return;
			}
		}
		/* the window is full: a next window's line end was judged once;
		 * a line that cannot parse whatever follows (bad is never
		 * undone) needs no more reading for ma_sh_valid */
		if (lx->dropped_at != (size_t)-1 && (st->next || st->k.v.bad) &&
		    (!probe || i >= st->probe_b))
			return;
		if (c == '\\' && i + 1 < len && s[i + 1] == '\n') {
			i += 2;
			continue;
		}
		if (!probe && !st->k.v.bad && lx->dropped_at == (size_t)-1) {
			size_t j = ma_sh_lane(st, i);
			if (j != i) {
				i = j;
				continue;
			}
		}
		/* an element starts at i: where a next window can start */
		if (!lx->has_snap && lx->dropped_at == (size_t)-1) {
			if (i > lx->from && (lx->nel >= MA_SH_SNAP || lx->nmark >= MA_SH_SNAP)) {
				ma_sh_state_copy(&lx->snap, &st->k);
				lx->snap_at = lx->snap_from = i;
				lx->snap_nel = lx->nel;
				lx->snap_nmark = lx->nmark;
				lx->has_snap = 1;
			} else {
				/* k is that state until the element's first add
				 * (ma_sh_add judges room before k moves on; a word's
				 * marks leave k alone), except for here-document
				 * bodies, added after their newline: top then */
				st->top_at = i;
				st->top_set = 1;
				st->top_saved = 0;
			}
		}
		/* most elements: a word that starts with a plain byte, not a
		 * comment's # nor a digit (an fd number before < or >) */
		if (ma_sh_byte[(unsigned char)c] & MA_SH_START) {
			size_t j = i + 1;
			while (j < len && (ma_sh_byte[(unsigned char)s[j]] & MA_SH_PLAIN))
				j++;
			/* plain bytes alone up to a blank, an operator or the end:
			 * what ma_sh_run_word gives it (nothing to mark, no NAME=,
			 * no here-document's delimiter wanted) */
			if (!st->k.want_delim && ma_sh_plain_word(s, len, i, j)) {
				ma_sh_add(st, probe, MA_SH_WORD, i, j, 0);
				i = ma_sh_skip_words(st, probe, j);
				continue;
			}
			i = ma_sh_run_word(st, probe, i);
			continue;
		}
		char n1 = i + 1 < len ? s[i + 1] : '\0';
		size_t j;
		int fl = 0;

		if (c == '\n') {
			if (st->k.nhere) {
				ma_sh_state_copy(&st->top, &st->k);
				st->top_saved = 1;
			}
			ma_sh_add(st, probe, MA_SH_SEQ, i, i + 1, MA_SH_F_NEWLINE);
			i = st->k.nhere ? ma_sh_heredocs(st, i + 1) : i + 1;
			continue;
		}
		/* a comment; inside bash's (( )) a "#" is a word's byte, as in
		 * "..." (16#ff, and "(( y = 1 # 2 ))" ends at "))") */
		if (c == '#' && st->k.v.fdef < MA_SH_FDEF_ARITH + 8) {
			const char *nl = memchr(s + i, '\n', len - i);
			j = nl ? (size_t)(nl - s) : len;
			ma_sh_add(st, probe, MA_SH_COMMENT, i, j, 0);
			i = j;
			continue;
		}
		if (c == ';') {
			j = i + ((n1 == ';' || n1 == '&')
			             ? (n1 == ';' && ma_sh_at(s, len, i + 2) == '&' ? 3 : 2)
			             : 1);
			ma_sh_add(st, probe, MA_SH_SEQ, i, j, j > i + 1 ? MA_SH_F_CASEEND : 0);
			i = j;
			continue;
		}
		if (c == '&') {
			if (n1 == '&') {
				ma_sh_add(st, probe, MA_SH_ANDOR, i, i + 2, 0);
				i += 2;
			} else if (n1 == '>') {
				j = i + (ma_sh_at(s, len, i + 2) == '>' ? 3 : 2);
				ma_sh_add(st, probe, MA_SH_REDIR, i, j, MA_SH_F_OUT);
				i = j;
			} else {
				ma_sh_add(st, probe, MA_SH_BG, i, i + 1, 0);
				i++;
			}
			continue;
		}
		if (c == '|') {
			if (n1 == '|') {
				ma_sh_add(st, probe, MA_SH_ANDOR, i, i + 2, 0);
				i += 2;
			} else {
				j = i + (n1 == '&' ? 2 : 1);
				ma_sh_add(st, probe, MA_SH_PIPE, i, j, 0);
				i = j;
			}
			continue;
		}
		if (c == '(' || c == ')') {
			ma_sh_add(st, probe, c == '(' ? MA_SH_LPAREN : MA_SH_RPAREN, i, i + 1, 0);
			i++;
			continue;
		}
		/* [n]redirection */
		j = i;
		while (j < len && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j < len && (s[j] == '<' || s[j] == '>') && !(j + 1 < len && s[j + 1] == '(')) {
			size_t k = j + 1;
			char r = s[j], r1 = k < len ? s[k] : '\0';
			int wd = -1; /* want_delim after the element (k moves on in ma_sh_add) */
			if (r == '<' && r1 == '<') {
				k++;
				fl = MA_SH_F_HERE;
				if (k < len && s[k] == '<') {
					k++;
				} else {
					wd = 1;
					if (k < len && s[k] == '-') {
						k++;
						wd = 2;
					}
				}
			} else if (r == '<' && (r1 == '&' || r1 == '>')) {
				k++;
				fl = r1 == '>' ? MA_SH_F_OUT : 0;
			} else if (r == '>') {
				fl = MA_SH_F_OUT;
				if (r1 == '>' || r1 == '&' || r1 == '|')
					k++;
			}
			ma_sh_add(st, probe, MA_SH_REDIR, i, k, fl);
			if (wd >= 0 &&
			    st->k.v.fdef < MA_SH_FDEF_ARITH + 8) /* (( x << 2 )) shifts */
				st->k.want_delim = wd;
			i = k;
			continue;
		}
		i = ma_sh_run_word(st, probe, i);
	}
}

static void ma_sh_run(struct ma_sh_st *st, size_t i)
{
	ma_sh_run_impl(st, i, 0, 0);
}

/* ma_sh_run for a line's first lexing, which may keep on into the next
 * window (ma_sh_keep_on). */
static void ma_sh_run_first(struct ma_sh_st *st, size_t i)
{
	ma_sh_run_impl(st, i, 0, 1);
}

/* ma_sh_run for a probe (st->probe): nothing is added. */
static void ma_sh_run_probe(struct ma_sh_st *st, size_t i)
{
	ma_sh_run_impl(st, i, 1, 0);
}

/* ma_sh_lex_from, and when nx is not NULL, what ma_sh_lex_next would make
 * of the window in nx (1) or nothing (0). */
static int ma_sh_lex_first(const char *s, size_t len, size_t from, struct ma_sh_lex *lx,
                           struct ma_sh_lex *nx)
{
	struct ma_sh_st st;

	memset(&st, 0, sizeof st);
	st.s = s;
	st.len = len;
	st.lx = lx;
	st.line = lx;
	st.nx = nx;
	lx->nel = lx->nmark = 0;
	lx->complete = 1;
	lx->unterm = 0;
	lx->from = from;
	lx->dropped_at = (size_t)-1;
	lx->deep_at = (size_t)-1;
	lx->has_snap = lx->has_end = 0;
	if (nx)
		ma_sh_run_first(&st, 0);
	else
		ma_sh_run(&st, 0);
	if (st.redo)
		return ma_sh_lex_first(s, len, from, lx, NULL);
	lx->valid = !lx->unterm && !st.k.v.bad && !st.k.v.redir && !st.k.v.need && !st.k.v.fdef &&
	            st.k.v.depth == 0;
	if (!st.keep_on)
		return 0;
	/* the line's, as ma_sh_lex_next leaves them (it reads nothing that
	 * the first lexing did not) */
	nx->valid = lx->valid;
	nx->unterm = lx->unterm;
	nx->deep_at = lx->deep_at;
	return 1;
}

void ma_sh_lex_from(const char *s, size_t len, size_t from, struct ma_sh_lex *lx)
{
	(void)ma_sh_lex_first(s, len, from, lx, NULL);
}

int ma_sh_lex_from_next(const char *s, size_t len, size_t from, struct ma_sh_lex *lx,
                        struct ma_sh_lex *nx)
{
	return ma_sh_lex_first(s, len, from, lx, nx);
}

/* ma_sh_lex_from for a line whose validity lx already holds (an earlier
 * ma_sh_lex_from of the same line): lexes only up to the window's end. */
static void ma_sh_lex_window(const char *s, size_t len, size_t from, struct ma_sh_lex *lx)
{
	struct ma_sh_st st;
	int valid = lx->valid, unterm = lx->unterm;

	memset(&st, 0, sizeof st);
	st.s = s;
	st.len = len;
	st.lx = lx;
	st.line = lx;
	st.next = 1;
	lx->nel = lx->nmark = 0;
	lx->complete = 1;
	lx->from = from;
	lx->dropped_at = (size_t)-1;
	lx->has_snap = lx->has_end = 0;
	ma_sh_run(&st, 0);
	lx->valid = valid;
	lx->unterm = unterm;
}

int ma_sh_lex_next(const char *s, size_t len, struct ma_sh_lex *lx)
{
	struct ma_sh_st st;

	if (!lx->has_snap)
		return 0;
	memset(&st, 0, sizeof st);
	st.s = s;
	st.len = len;
	st.lx = lx;
	st.line = lx;
	st.next = 1;
	if (lx->has_end) {
		/* the elements from snap_at to end_at were lexed in this window
		 * from the state the next one starts in: taken over, with the
		 * marks inside them (not those of the word that did not fit,
		 * which come last); lexing goes on from end_at. Only when the
		 * window lexed from snap_at would not find its own place to go
		 * on from before end_at (it looks at its counts at each
		 * element's start, and they only grow) */
		int nel = lx->nel - lx->snap_nel, nmark = 0;
		while (lx->snap_nmark + nmark < lx->nmark &&
		       lx->mark[lx->snap_nmark + nmark].start < lx->end_at)
			nmark++;
		if (nel < MA_SH_SNAP && nmark < MA_SH_SNAP) {
			ma_sh_state_copy(&st.k, &lx->end);
			memmove(lx->el, lx->el + lx->snap_nel, sizeof lx->el[0] * (size_t)nel);
			memmove(lx->mark, lx->mark + lx->snap_nmark,
			        sizeof lx->mark[0] * (size_t)nmark);
			lx->nel = nel;
			lx->nmark = nmark;
			lx->complete = 1;
			lx->from = lx->snap_from;
			lx->dropped_at = (size_t)-1;
			lx->has_snap = lx->has_end = 0;
			ma_sh_run(&st, lx->end_at);
			return 1;
		}
	}
	ma_sh_state_copy(&st.k, &lx->snap);
	lx->nel = lx->nmark = 0;
	lx->complete = 1;
	lx->from = lx->snap_from;
	lx->dropped_at = (size_t)-1;
	lx->has_snap = lx->has_end = 0;
	ma_sh_run(&st, lx->snap_at); /* valid and unterm stay those of the whole line */
	return 1;
}

int ma_sh_lex_within(const char *s, size_t len, size_t from, const struct ma_sh_lex *prev,
                     struct ma_sh_lex *lx)
{
	struct ma_sh_st st;
	int nel = 0, nmark = 0, e0;

	if (!prev->has_end || from < prev->from || from >= prev->end_at || prev == lx)
		return 0;
	/* what the window lexed from the line's start keeps before end_at
	 * (from == 0 keeps all): the elements that end after from, a suffix,
	 * and the marks that end after from (not those of the word that did
	 * not fit, at end_at and after). It must not find its own place to go
	 * on from before end_at (its counts only grow up to there). */
	e0 = from ? ma_sh_first_after(prev->el, prev->nel, from) : 0;
	for (int i = 0; i < prev->nmark; i++)
		if ((prev->mark[i].end > from || !from) && prev->mark[i].start < prev->end_at)
			nmark++;
	if (prev->nel - e0 >= MA_SH_SNAP || nmark >= MA_SH_SNAP)
		return 0;
	nel = prev->nel - e0;
	memcpy(lx->el, prev->el + e0, sizeof lx->el[0] * (size_t)nel);
	nmark = 0;
	for (int i = 0; i < prev->nmark; i++)
		if ((prev->mark[i].end > from || !from) && prev->mark[i].start < prev->end_at)
			lx->mark[nmark++] = prev->mark[i];
	memset(&st, 0, sizeof st);
	st.s = s;
	st.len = len;
	st.lx = lx;
	st.line = lx;
	st.next = 1;
	ma_sh_state_copy(&st.k, &prev->end);
	lx->nel = nel;
	lx->nmark = nmark;
	lx->complete = 1;
	lx->from = from;
	lx->dropped_at = (size_t)-1;
	lx->has_snap = lx->has_end = 0;
	{
		int valid = lx->valid, unterm = lx->unterm;
		ma_sh_run(&st, prev->end_at);
		lx->valid = valid;
		lx->unterm = unterm;
	}
	return 1;
}

/* One element or mark of a replay (ma_sh_lex_within_from) through
 * ma_sh_room's rules: kept (1) or not (0, the window full or past its
 * first drop; the first drop inside an element, with no place to go on
 * from yet, is where the next window starts, as ma_sh_room sets it). */
static int ma_sh_replay_room(struct ma_sh_lex *lx, int full, const struct ma_sh_el *v, int top_set,
                             size_t top_at)
{
	if (full || v->start >= lx->dropped_at) {
		ma_sh_drop(lx, v->start, top_set, top_at);
		return 0;
	}
	return 1;
}

int ma_sh_lex_within_from(const char *s, size_t len, size_t from, const struct ma_sh_lex *prev,
                          const struct ma_sh_lex *nx, struct ma_sh_lex *lx)
{
	int nel = 0, nmark = 0, e0, ne, nm, top_set = 0;
	size_t at, limit, top_at = 0;

	(void)s;
	(void)len;
	if (!prev->has_end || from < prev->from || from >= prev->end_at || prev == lx || nx == lx ||
	    nx->from > prev->end_at)
		return 0;
	at = prev->end_at;
	/* what nx kept from at on: every element and mark that starts
	 * before its first drop (all of them in a complete window) */
	limit = nx->complete ? (size_t)-1 : nx->dropped_at;
	if (limit <= at)
		return 0;
	/* as ma_sh_lex_within: prev's elements and marks that end after from */
	e0 = from ? ma_sh_first_after(prev->el, prev->nel, from) : 0;
	for (int i = 0; i < prev->nmark; i++)
		if ((prev->mark[i].end > from || !from) && prev->mark[i].start < at)
			nmark++;
	if (prev->nel - e0 >= MA_SH_SNAP || nmark >= MA_SH_SNAP)
		return 0;
	for (ne = 0; ne < nx->nel && nx->el[ne].start < at; ne++)
		;
	for (nm = 0; nm < nx->nmark && nx->mark[nm].start < at; nm++)
		;
	nel = prev->nel - e0;
	memcpy(lx->el, prev->el + e0, sizeof lx->el[0] * (size_t)nel);
	nmark = 0;
	for (int i = 0; i < prev->nmark; i++)
		if ((prev->mark[i].end > from || !from) && prev->mark[i].start < at)
			lx->mark[nmark++] = prev->mark[i];
	lx->nel = nel;
	lx->nmark = nmark;
	lx->complete = 1;
	lx->from = from;
	lx->dropped_at = (size_t)-1;
	lx->has_snap = lx->has_end = 0;
	/* the elements nx lexed from at, each after its marks, as ma_sh_run
	 * met them (an element that is not a here-document's body starts
	 * where the run loop stands), until the run would stop: at the
	 * first element after the window's first drop */
	for (; ne < nx->nel; ne++) {
		const struct ma_sh_el *e = &nx->el[ne];
		if (lx->dropped_at == (size_t)-1 && (lx->has_snap || lx->nmark < MA_SH_SNAP)) {
			/* a run of elements that the steps below would only append:
			 * before the place to go on from is set (fewer than
			 * MA_SH_SNAP kept: each moves top_at) or, after it, while
			 * the window has room; no here-document's body, no mark
			 * before its end, all of it kept by nx */
			size_t mstart = nm < nx->nmark ? nx->mark[nm].start : (size_t)-1;
			int k = ne, room = (lx->has_snap ? MA_SH_MAX_EL : MA_SH_SNAP) - lx->nel;
			while (k < nx->nel && k - ne < room && nx->el[k].kind != MA_SH_HEREDOC &&
			       nx->el[k].start < limit && nx->el[k].end <= limit &&
			       nx->el[k].end <= mstart)
				k++;
			if (k > ne) {
				memcpy(lx->el + lx->nel, nx->el + ne,
				       sizeof lx->el[0] * (size_t)(k - ne));
				lx->nel += k - ne;
				if (!lx->has_snap) {
					top_at = nx->el[k - 1].start;
					top_set = 1;
				}
				ne = k;
				if (ne == nx->nel)
					break;
				e = &nx->el[ne];
			}
		}
		if (lx->dropped_at != (size_t)-1)
			return 1; /* ma_sh_run returns (st->next), or nothing more is kept */
		if (e->start >= limit)
			return 0;
		if (e->kind != MA_SH_HEREDOC && !lx->has_snap) {
			if (e->start > lx->from &&
			    (lx->nel >= MA_SH_SNAP || lx->nmark >= MA_SH_SNAP)) {
				lx->snap_at = lx->snap_from = e->start;
				lx->snap_nel = lx->nel;
				lx->snap_nmark = lx->nmark;
				lx->has_snap = 1;
			} else {
				top_at = e->start;
				top_set = 1;
			}
		}
		for (; nm < nx->nmark && nx->mark[nm].start < e->end; nm++) {
			const struct ma_sh_el *m = &nx->mark[nm];
			if (lx->dropped_at == (size_t)-1 && m->start >= limit)
				return 0;
			if (ma_sh_replay_room(lx, lx->nmark == MA_SH_MAX_MARK, m, top_set, top_at))
				lx->mark[lx->nmark++] = *m;
		}
		/* the element goes on past what nx kept: marks of it may be
		 * missing there */
		if (lx->dropped_at == (size_t)-1 && e->end > limit)
			return 0;
		if (lx->nel == MA_SH_MAX_EL && lx->dropped_at == (size_t)-1 && lx->has_snap &&
		    e->kind != MA_SH_HEREDOC) {
			lx->end_at = e->start; /* its state is not known here */
			lx->has_end = 1;
		}
		if (ma_sh_replay_room(lx, lx->nel == MA_SH_MAX_EL, e, top_set, top_at))
			lx->el[lx->nel++] = *e;
	}
	/* nx's elements ran out: the line's end when nx was complete */
	return lx->dropped_at != (size_t)-1 || nx->complete;
}

int ma_sh_valid(const struct ma_sh_lex *lx)
{
	return lx->valid;
}

int ma_sh_probe_subst(const char *s, size_t len, struct ma_sh_lex *lx, size_t a, size_t b)
{
	struct ma_sh_st st;

	if (!lx->has_end)
		return -1;
	/* full since end_at: every element and mark from there finds no room
	 * (ma_sh_room only says so again: complete stays 0, dropped_at
	 * end_at) */
	memset(&st, 0, sizeof st);
	st.s = s;
	st.len = len;
	st.lx = lx;
	st.line = lx;
	st.next = 1;
	st.probe = 1;
	st.probe_a = a;
	st.probe_b = b;
	st.sub_a = a;
	st.sub_n = b - a;
	ma_sh_state_copy(&st.k, &lx->end);
	ma_sh_run_probe(&st, lx->end_at);
	return st.sub_found ? 1 : st.found;
}

/* ---- the analysis of one input occurrence ---- */

/* The first element (or mark) that ends after a. */
static int ma_sh_first_after(const struct ma_sh_el *v, int n, size_t a)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (v[mid].end <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* What the word w names when it is a command's name: MA_SH_NAME_RUNS when
 * it can run something, or the kind of the name it spells (ma_shell.h).
 * It can run something when it is
 *   - a builtin or a program of the lexicon (ma_shell_names.c), also when
 *     spelt with quotes (w'h'o'am'i is whoami);
 *   - a path: from the root or the current directory, or with a letter in
 *     it ("1/8", "10/12/2011" are a fraction and a date) and no blank or
 *     line break (a quoted paragraph that holds "AP/HE" is text);
 *   - a name whose value is not known here: an expansion ($0, $SHELL,
 *     ${x}, $@; not $? $$ $# $! $-, which are numbers or flags), a brace
 *     expansion, a backslash inside it (c\at; text has no reason to write
 *     one), a $'...' quote, or a glob that matches a name of the lexicon
 *     (c?t; "Why?" matches none).
 * Anything else ("Ask", "but", "--", "Don't wait, it's") is no program:
 * the shell only says "command not found". A lone positional parameter
 * ($1, empty in system()'s shell) lets the next word name the command:
 * MA_SH_NAME_OPENS. */
static int ma_sh_word_name_of(const char *s, const struct ma_sh_lex *lx, const struct ma_sh_el *w,
                              int *pure)
{
	char name[64];
	size_t n = 0, len = w->end - w->start;
	const char *p = s + w->start;
	int glob = 0, letter = 0, slash = 0, blank = 0, sq = 0, dq = 0;

	if (len >= 2 && p[0] == '$') {
		char c = p[1];
		if (len == 2 && c >= '1' && c <= '9')
			return MA_SH_NAME_OPENS;
		if ((c >= '1' && c <= '9') || (c != '\0' && strchr("?$#!-", c))) {
			/* a number or flags, then digits: "$5.99", "$10" */
			size_t k = 2;
			while (k < len &&
			       ((p[k] >= '0' && p[k] <= '9') || p[k] == '.' || p[k] == ','))
				k++;
			if (k == len)
				return MA_SH_NAME_OTHER;
		}
	}
	for (size_t k = 0; k < len; k++) {
		char c = p[k];
		if (c == '\'' && !dq) {
			if (!sq && k > 0 && p[k - 1] == '$')
				return MA_SH_NAME_RUNS; /* $'\x69d' */
			sq = !sq;
			continue;
		}
		if (sq) {
			/* quoted: literal */
		} else if (c == '"') {
			dq = !dq;
			continue;
		} else if (c == '\\' || c == '$' || c == '`') {
			return MA_SH_NAME_RUNS;
		} else if (!dq && (c == '*' || c == '?' || c == '[')) {
			glob = 1;
		} else if (!dq && c == '{') {
			/* {cat,/etc/passwd}: a brace expansion (ma_sh_word marks it) */
			int m = ma_sh_first_after(lx->mark, lx->nmark, w->start + k);
			*pure = 0; /* the window's marks tell */
			if ((m < lx->nmark && lx->mark[m].kind == MA_SH_M_BRACE &&
			     lx->mark[m].start == w->start + k) ||
			    lx->dropped_at < w->end)
				return MA_SH_NAME_RUNS;
		}
		if (c == '/')
			slash = 1;
		if (c == ' ' || c == '\t' || c == '\n')
			blank = 1; /* quoted: a paragraph of text as one word */
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			letter = 1;
		if (n < sizeof name)
			name[n] = c;
		n++;
	}
	if (slash) {
		if (name[0] == '/' || name[0] == '.' || (letter && !blank))
			return MA_SH_NAME_RUNS;
		return MA_SH_NAME_OTHER;
	}
	if (n > sizeof name)
		return MA_SH_NAME_OTHER; /* longer than any name of the lexicon */
	if (glob)
		return ma_sh_name_glob(name, n) ? MA_SH_NAME_RUNS : MA_SH_NAME_OTHER;
	/* "&quot;" in escaped text: a character reference, no program
	 * (quot, amp, lt, gt are no programs either) */
	return ma_sh_name_kind(name, n);
}

/* Words up to this long are kept by their bytes (the same name at
 * another place of the line takes the answer: "b" of "a;b a;b ..."),
 * longer ones by their start; no name of the lexicon is longer. */
#define MA_SH_MEMO_BYTES 64

/* memo emptied at its first use with a line (ready 0). */
static inline void ma_sh_memo_ready(struct ma_sh_memo *memo)
{
	if (!memo->ready) {
		memset(memo->start, 0xff, sizeof memo->start);
		memset(memo->cmd_at, 0, sizeof memo->cmd_at);
		for (int k = 0; k < MA_SH_SUB_MEMO; k++)
			memo->sub[k].end = 0;
		memo->line_arith = 0;
		memo->arith_at = 0;
		memo->sub_next = 0;
		memo->ready = 1;
	}
}

/* ma_sh_memo (ma_shell.h): one slot per hash of the word's bytes (or of
 * its start, for a longer word); only answers that the word's bytes alone
 * gave (no '{', whose brace mark is the window's), which any word of the
 * same bytes gets too; filled when first used. *pure (when not NULL) is
 * set to 0 when the answer was the window's. */
static int ma_sh_word_name(const char *s, const struct ma_sh_lex *lx, const struct ma_sh_el *w,
                           struct ma_sh_memo *memo, int *pure_out)
{
	int pure = 1, kind;
	uint32_t n = w->end - w->start, k0;
	unsigned slot;

	if (!memo) {
		kind = ma_sh_word_name_of(s, lx, w, &pure);
		if (pure_out && !pure)
			*pure_out = 0;
		return kind;
	}
	ma_sh_memo_ready(memo);
	if (n <= MA_SH_MEMO_BYTES) {
		uint32_t h = 2166136261u ^ n; /* FNV-1a */
		for (uint32_t k = w->start; k < w->end; k++)
			h = (h ^ (unsigned char)s[k]) * 16777619u;
		slot = (unsigned)(h >> 25) % MA_SH_MEMO;
		k0 = memo->start[slot];
		if (k0 != UINT32_MAX && memo->end[slot] - k0 == n) {
			uint32_t k = 0; /* the same bytes (a few: no call) */
			while (k < n && s[k0 + k] == s[w->start + k])
				k++;
			if (k == n)
				return memo->kind[slot];
		}
	} else {
		/* Fibonacci hashing: words a few bytes apart spread over the slots */
		slot = (unsigned)((w->start * 2654435761u) >> 25) % MA_SH_MEMO;
		if (memo->start[slot] == w->start && memo->end[slot] == w->end)
			return memo->kind[slot];
	}
	kind = ma_sh_word_name_of(s, lx, w, &pure);
	if (pure) {
		memo->start[slot] = w->start;
		memo->end[slot] = w->end;
		memo->kind[slot] = (int8_t)kind;
	} else if (pure_out) {
		*pure_out = 0;
	}
	return kind;
}

/* 1 when the word, after a program that runs another (env, nice, sudo,
 * timeout), is one of its options or a number: the name comes later. */
static int ma_sh_prefix_arg(const char *s, const struct ma_sh_el *w)
{
	size_t k = w->start;

	if (s[k] == '-')
		return 1;
	while (k < w->end && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
		k++;
	while (k < w->end && strchr("smhd", s[k]))
		k++;
	return k == w->end && k > w->start;
}

/* 1 when the word is carriage returns alone: the rest of a line break
 * ("\n\r"), no name anybody wrote. */
static int ma_sh_cr_word(const char *s, const struct ma_sh_el *w)
{
	if (w->kind != MA_SH_WORD)
		return 0;
	for (size_t k = w->start; k < w->end; k++)
		if (s[k] != '\r')
			return 0;
	return 1;
}

/* For the command named by the word at element k, a program that only
 * looks names up or prints (ma_sh_name_lookup, written plainly: no quote
 * or backslash in the name; the caller asks it): 1 when its operands, up
 * to the command's end, are at least three words of text (inside quotes too): no option (a leading
 * - or +), no path or ~, no expansion, substitution, glob (* or [) or brace, no assignment; quotes,
 * digits and punctuation are text ("saith,", "asteroid.", "\"Put all your eggs\""). go counts when
 * its first operand is none of its commands that build or run code. Only the input's operands
 * (starting before b) are judged: the application's own words after it are its own. A line of
 * wrapped text such as "as if she laid an asteroid." runs "as" on files
 * that are words: nothing is run or changed. */
static int ma_sh_text_lookup(const char *s, const struct ma_sh_lex *lx, int k, size_t b)
{
	const struct ma_sh_el *e = &lx->el[k];
	size_t n = e->end - e->start;
	int words = 0;

	for (int j = k + 1; j < lx->nel && lx->el[j].kind == MA_SH_WORD && lx->el[j].start < b;
	     j++) {
		const struct ma_sh_el *w = &lx->el[j];
		size_t p = w->start;
		while (p < w->end && (s[p] == '\'' || s[p] == '"'))
			p++;
		if (p < w->end && (s[p] == '-' || s[p] == '+' || s[p] == '~'))
			return 0;
		for (size_t q = w->start; q < w->end; q++)
			if (strchr("/$`\\*[{=", s[q]) && s[q] != '\0')
				return 0;
		if (j == k + 1 && n == 2 && !memcmp(s + e->start, "go", 2) &&
		    (memchr(s + w->start, '\'', w->end - w->start) ||
		     memchr(s + w->start, '"', w->end - w->start) ||
		     ma_sh_go_runs(s + w->start, w->end - w->start)))
			return 0; /* go's command, also spelt with quotes ("r"un) */
		/* words of text, those inside quotes too */
		for (size_t q = w->start; q < w->end; q++)
			if (s[q] != ' ' && s[q] != '\t' && s[q] != '\n' &&
			    (q == w->start || s[q - 1] == ' ' || s[q - 1] == '\t' ||
			     s[q - 1] == '\n'))
				words++;
	}
	return words >= 3;
}

/* The command that starts at element k: 2 when it can run something, 1
 * when it names no program (free text: "Ask somebody"), 0 when there is
 * none (operators, empty lines). It can run something when its name can
 * (ma_sh_word_name); when a program that runs another (exec, env, sudo,
 * time ...) names one after its options, or stands alone; when a reserved
 * word that opens a body (if, then, do, while, !, {) is followed by a name
 * that can; when it assigns a variable that changes what later commands
 * run or load (PATH, IFS, LD_PRELOAD ...). A program that only looks
 * names up, followed by words of text from the input (which ends at b),
 * is text (ma_sh_text_lookup). A subshell is judged by its first command.
 * Redirections are judged on their own (ma_sh_analyse). *alone is set to
 * 0 when the answer is not the line's alone (the same wherever the
 * command is judged): when it took b (a program that looks names up),
 * the window's marks (ma_sh_word_name) or the window's end (the command
 * goes on past it). */
static int ma_sh_command_runs_of(const char *s, const struct ma_sh_lex *lx, int k, size_t b,
                                 int *name, struct ma_sh_memo *memo, int *alone)
{
	int prefix = 0, after_opt = 0, any = 0;

	for (; k < lx->nel; k++) {
		const struct ma_sh_el *e = &lx->el[k];
		int kind;
		switch (e->kind) {
		case MA_SH_WORD:
			if (ma_sh_cr_word(s, e))
				break;
			any = 1;
			if (e->flags & MA_SH_F_TARGET)
				break; /* a redirection's target */
			if (e->flags & MA_SH_F_ASSIGN) {
				const char *eq = memchr(s + e->start, '=', e->end - e->start);
				if (eq && ma_sh_name_env(s + e->start, (size_t)(eq - s) - e->start))
					return 2;
				break;
			}
			if (prefix && ma_sh_prefix_arg(s, e)) {
				after_opt = s[e->start] == '-';
				break;
			}
			if (!prefix && e->end - e->start == 8 &&
			    !memcmp(s + e->start, "function", 8) && k + 1 < lx->nel &&
			    lx->el[k + 1].kind == MA_SH_WORD) {
				/* bash's "function f { id; }": the body's first
				 * command decides, as after f() */
				for (k++; k + 1 < lx->nel && (lx->el[k + 1].kind == MA_SH_LPAREN ||
				                              lx->el[k + 1].kind == MA_SH_RPAREN);
				     k++)
					;
				any = 0;
				break;
			}
			kind = ma_sh_word_name(s, lx, e, memo, alone);
			if (kind == MA_SH_NAME_RUNS &&
			    ma_sh_name_lookup(s + e->start, e->end - e->start)) {
				*alone = 0; /* its operands up to b */
				if (ma_sh_text_lookup(s, lx, k, b)) {
					*name = k;
					return 1; /* text: "as if she laid an asteroid." */
				}
			}
			if (kind == MA_SH_NAME_RUNS)
				return 2;
			if (kind == MA_SH_NAME_PREFIX) {
				prefix = 1;
				after_opt = 0;
				break;
			}
			if (kind == MA_SH_NAME_OPENS && !prefix) {
				any = 0; /* the name is still to come */
				break;
			}
			if (after_opt) { /* an option's value: sudo -u root id */
				after_opt = 0;
				break;
			}
			*name = k;
			return 1;
		case MA_SH_LPAREN:
		case MA_SH_REDIR:
		case MA_SH_COMMENT:
		case MA_SH_HEREDOC:
			break;
		case MA_SH_SEQ:
			if ((e->flags & MA_SH_F_NEWLINE) && !any && !prefix)
				break; /* empty lines */
			return prefix ? 2 : 1;
		default:
			return prefix ? 2 : any;
		}
	}
	*alone = 0; /* the window ends before the command */
	return prefix ? 2 : any;
}

/* The slot of memo's cmd_* for the command whose first element starts at
 * byte at - 1. */
static inline unsigned ma_sh_cmd_slot(uint32_t at)
{
	return (unsigned)((at * 2654435761u) >> 24) % MA_SH_CMD_MEMO;
}

/* ma_sh_command_runs_of, its answer kept in memo's slot for the command
 * that starts at byte at - 1 (at 0: not kept). */
static __attribute__((noinline)) int
ma_sh_command_runs_keep(const char *s, const struct ma_sh_lex *lx, int k, size_t b, int *name,
                        struct ma_sh_memo *memo, unsigned slot, uint32_t at)
{
	int alone = 1, nm = -1, runs = ma_sh_command_runs_of(s, lx, k, b, &nm, memo, &alone);

	if (alone && at) {
		memo->cmd_at[slot] = at;
		memo->cmd_runs[slot] = (int8_t)runs;
		memo->cmd_name[slot] = nm >= 0 ? (uint8_t)(nm - k) : 0xff;
	}
	if (name && nm >= 0)
		*name = nm;
	return runs;
}

/* ma_sh_command_runs_of, its answer kept in memo (when not NULL; ready)
 * by the byte where element k starts, when the line's elements alone gave
 * it: taken again by any window that holds the same command (also at a
 * window's first element: a word says whether it is a redirection's
 * target, MA_SH_F_TARGET, in every window). name
 * (when not NULL) gets the name's element as ma_sh_command_runs_of sets
 * it, counted from k (the same elements follow k in every window). */
static __attribute__((noinline)) int ma_sh_command_runs(const char *s, const struct ma_sh_lex *lx,
                                                        int k, size_t b, int *name,
                                                        struct ma_sh_memo *memo)
{
	if (memo && k < lx->nel) {
		uint32_t at = lx->el[k].start + 1;
		unsigned slot = ma_sh_cmd_slot(at);
		if (memo->cmd_at[slot] == at) {
			if (name && memo->cmd_name[slot] != 0xff)
				*name = k + memo->cmd_name[slot];
			return memo->cmd_runs[slot];
		}
		return ma_sh_command_runs_keep(s, lx, k, b, name, memo, slot, at);
	}
	return ma_sh_command_runs_keep(s, lx, k, b, name, memo, 0, 0);
}

/* After the operator at element i: 2 when a command that can run
 * something follows (ma_sh_command_runs), 1 when one that names no
 * program does, 0 when nothing. */
static inline __attribute__((always_inline)) int ma_sh_next_command(const char *s,
                                                                    const struct ma_sh_lex *lx,
                                                                    int i, size_t b, int *name,
                                                                    struct ma_sh_memo *memo)
{
	return ma_sh_command_runs(s, lx, i + 1, b, name, memo);
}

/* 1 when the control operator at element i, inside the input [a, b),
 * ends the application's command early: what follows it, up to the next
 * operator, is wholly the application's text (its remaining arguments now
 * run as a command of their own: the shell's analogue of a comment that
 * cuts an SQL statement's tail), and the input's own part of the command
 * it ends is no text: nothing at all (a lone "; " or newline), or words
 * that start with a program ("id;", "nc -lvvp 4445 -e /bin/sh &", written
 * for a place where they would run). Text that ends with an operator
 * ("ECID=15&", "1;0;1;", "12.5&quot;", "you are here;") starts with a word
 * that names no program (ma_sh_word_name). */
static int ma_sh_cuts_tail(const char *s, const struct ma_sh_lex *lx, int i, size_t a, size_t b,
                           struct ma_sh_memo *memo)
{
	int k, first = -1;

	/* the next element that is not an empty line (a CR alone is the rest
	 * of a line break) nor a redirection or its target (whoever wrote
	 * them: "; >f" before the application's words makes its next word
	 * the command): the application's */
	for (k = i + 1; k < lx->nel; k++)
		if ((lx->el[k].kind != MA_SH_SEQ || !(lx->el[k].flags & MA_SH_F_NEWLINE)) &&
		    lx->el[k].kind != MA_SH_REDIR && !(lx->el[k].flags & MA_SH_F_TARGET) &&
		    !ma_sh_cr_word(s, &lx->el[k]))
			break;
	if (k >= lx->nel || lx->el[k].start < b || lx->el[k].kind != MA_SH_WORD)
		return 0;
	/* the input's part of the command before the operator */
	for (k = i - 1; k >= 0 && lx->el[k].end > a; k--) {
		int kind = lx->el[k].kind;
		if (kind != MA_SH_WORD && kind != MA_SH_REDIR && kind != MA_SH_COMMENT)
			break;
		if (kind == MA_SH_WORD && !(lx->el[k].flags & MA_SH_F_TARGET))
			first = k;
	}
	if (k < 0 && lx->nel > 0 && lx->el[0].start > a)
		return 0; /* the input starts before the window: not known */
	if (first < 0)
		return 1; /* operators and blanks alone */
	if (lx->el[first].start < a || (lx->el[first].flags & MA_SH_F_ASSIGN))
		return 0;
	return ma_sh_command_runs(s, lx, first, b, NULL, memo) == 2;
}

/* 1 when the control operator at element i is the input's first element
 * (blanks only before it: "; sysinfo", "| net view", "&& reg add ...")
 * and the command after it is named by a word with a lowercase letter
 * (element name), as program names are, known to the lexicon or not: such
 * an input has no data of its own, only the end of the application's
 * command and another one. Words in capitals (";EACH", "|ON": fragments
 * of text) are no program. A newline does not count (text may begin with
 * an empty line), nor "&name;" (a character reference: "&quot;Hi"). */
static int ma_sh_leads(const char *s, const struct ma_sh_lex *lx, int i, int e0, size_t a, int name)
{
	const struct ma_sh_el *e = &lx->el[i], *w;
	int lower = 0;

	if (i != e0 || e->start < a || (e->kind == MA_SH_SEQ && (e->flags & MA_SH_F_NEWLINE)))
		return 0;
	for (size_t k = lx->el[name].start; k < lx->el[name].end; k++)
		if (s[k] >= 'a' && s[k] <= 'z')
			lower = 1;
	if (!lower)
		return 0; /* ";EACH", "|ON": program names have a lowercase letter */
	if (lx->from > a)
		return 0; /* the window starts inside the input: e0 is not its first */
	if (e->kind != MA_SH_SEQ && e->kind != MA_SH_BG && e->kind != MA_SH_ANDOR &&
	    e->kind != MA_SH_PIPE)
		return 0;
	w = i + 1 < lx->nel ? &lx->el[i + 1] : NULL;
	if (e->kind == MA_SH_BG && w && w->kind == MA_SH_WORD && w->start == e->end &&
	    i + 2 < lx->nel && lx->el[i + 2].kind == MA_SH_SEQ && lx->el[i + 2].start == w->end)
		return 0; /* &quot; &#39; */
	return 1;
}

/* 1 when a word "--" comes before element i in its command: options end
 * there. */
static int ma_sh_after_dashdash(const char *s, const struct ma_sh_lex *lx, int i)
{
	for (int k = i - 1;
	     k >= 0 && (lx->el[k].kind == MA_SH_WORD || lx->el[k].kind == MA_SH_REDIR); k--)
		if (lx->el[k].kind == MA_SH_WORD && lx->el[k].end - lx->el[k].start == 2 &&
		    s[lx->el[k].start] == '-' && s[lx->el[k].start + 1] == '-')
			return 1;
	return 0;
}

static int ma_sh_text_name(const char *s, size_t at, size_t *p, size_t *q);
static int ma_sh_sed_added(const char *s, const struct ma_sh_lex *lx, int i);
static int ma_sh_tmux_chained(const char *s, size_t k);
static size_t ma_sh_socat_cut(const char *s, size_t w, size_t end);
static int ma_sh_socat_prog(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b);
static int ma_sh_screen_cmd(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b);
static int ma_sh_tmux_format(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b);
static int ma_sh_salt_kwarg(const char *s, size_t w, size_t nq);
static int ma_sh_runner_runs(const char *s, const char *prog, size_t q, size_t w);
static int ma_sh_mount_value(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b);
static int ma_sh_tmux_sep_brought(const char *s, const struct ma_sh_lex *lx, int i, size_t a,
                                  size_t b);
static int ma_sh_is(const char *s, size_t p, size_t q, const char *lit);

/* Copies the word e of s into buf (cap bytes, NUL-terminated), without
 * its quotes and backslashes: 0 when it does not fit or holds a NUL. */
static int ma_sh_el_copy(const char *s, const struct ma_sh_el *e, char *buf, size_t cap)
{
	size_t o = 0, k = e->start;

	for (; k < e->end; k++) {
		if (s[k] == '\'' || s[k] == '"' || s[k] == '\\')
			continue;
		if (o + 1 >= cap || !s[k])
			return 0;
		buf[o++] = s[k];
	}
	buf[o] = '\0';
	return 1;
}

/* 1 when the case-insensitive word w (lowercase) occurs in [p, q) of s. */
static int ma_sh_has_word_ci(const char *s, size_t p, size_t q, const char *w)
{
	size_t n = strlen(w);

	for (size_t k = p; k + n <= q; k++) {
		size_t j = 0;
		while (j < n && (s[k + j] | 0x20) == w[j])
			j++;
		if (j == n)
			return 1;
	}
	return 0;
}

/* 1 when the option word at element i (an input added it, unquoted) is
 * one with which its command runs a program: find's -exec, -execdir,
 * -ok, -okdir; an option whose value is a command line or code to the
 * program (ma_sh_value_kinds: tar --to-command, --use-compress-program,
 * -I; rsync -e; git --upload-pack; scp -S; python -c ...) or ssh's, scp's
 * and sftp's -o with ProxyCommand or LocalCommand (attached or in the
 * next word), and wget's -e with a wgetrc command other than a plain
 * setting (use_askpass=PROG, output_document=F, http_proxy=...; not
 * -e robots=off: ma_sh_wgetrc_key). */
static int ma_sh_option_runs(const char *s, const struct ma_sh_lex *lx, int i)
{
	static const char *const finds[] = {"-exec", "-execdir", "-ok", "-okdir"};
	const struct ma_sh_prog_opts *po;
	const char *name;
	size_t nlen = 0, val = 0;
	char prog[16], o[48];
	size_t p, q;
	int lang = 0, kind, rd;

	/* its command's name, from the text: the window starts at the input */
	if (!ma_sh_text_name(s, lx->el[i].start, &p, &q) || q - p >= sizeof prog)
		return 0;
	memcpy(prog, s + p, q - p);
	prog[q - p] = '\0';
	if (!ma_sh_el_copy(s, &lx->el[i], o, sizeof o)) {
		/* longer than any option name, or holding a NUL: its name is
		 * what counts (never read past the word: the line may end there) */
		size_t l = lx->el[i].end - lx->el[i].start;
		if (l > sizeof o - 1)
			l = sizeof o - 1;
		memcpy(o, s + lx->el[i].start, l);
		o[l] = '\0';
		if (memchr(o, '\'', l) || memchr(o, '"', l) || !memchr(o, '=', l))
			return 0;
	}
	if (!strcmp(prog, "find")) {
		for (size_t k = 0; k < sizeof finds / sizeof finds[0]; k++)
			if (!strcmp(o, finds[k]))
				return 1;
		return 0;
	}
	if (!strcmp(prog, "zip") && !strcmp(o, "-TT"))
		return 1; /* zip's -TT CMD (--unzip-command): its one two-letter option */
	po = ma_sh_prog_find(prog);
	if (!po || (!strcmp(po->prog, "zip") && !strcmp(o, "-T")))
		return 0; /* zip's -T is --test (shell23) */
	rd = ma_sh_opt_read(po, o, &name, &nlen, &val);
	kind = nlen ? ma_sh_value_kind_of(po, name, nlen, &lang) : 0;
	/* the argv check's reading (shell35): an option its table marks as
	 * one that writes or reads a file, runs a command or evaluates code
	 * (curl -o, wget -O, git --output, vim -c, mysql -e, psql -c, man
	 * -H, ssh -F ...); wget -e, ssh's -o and git's -c by their values */
	if (kind != MA_SH_VAL_WGETRC && kind != MA_SH_VAL_SSHOPT && kind != MA_SH_VAL_GITCONF &&
	    (rd & MA_SH_OPT_DANGER))
		return 1;
	if (nlen == 0)
		return 0;
	if (kind == MA_SH_VAL_CMD || kind == MA_SH_VAL_CODE)
		return 1;
	if (kind == MA_SH_VAL_WGETRC) {
		/* wget -e CMD: a wgetrc command; only a plain setting
		 * (robots=off, tries=3) passes (ma_sh_wgetrc_key) */
		size_t at = val ? lx->el[i].start + val : 0, end = lx->el[i].end;
		int runs = 0;
		if (!val) {
			if (i + 1 >= lx->nel || lx->el[i + 1].kind != MA_SH_WORD)
				return 0;
			at = lx->el[i + 1].start;
			end = lx->el[i + 1].end;
		}
		(void)ma_sh_wgetrc_key(s + at, end - at, &runs);
		return runs != 0;
	}
	if (kind != MA_SH_VAL_SSHOPT)
		return 0;
	if (val)
		return ma_sh_has_word_ci(s, lx->el[i].start, lx->el[i].end, "proxycommand") ||
		       ma_sh_has_word_ci(s, lx->el[i].start, lx->el[i].end, "localcommand");
	return i + 1 < lx->nel && lx->el[i + 1].kind == MA_SH_WORD &&
	       (ma_sh_has_word_ci(s, lx->el[i + 1].start, lx->el[i + 1].end, "proxycommand") ||
	        ma_sh_has_word_ci(s, lx->el[i + 1].start, lx->el[i + 1].end, "localcommand"));
}

/* 1 when the word at element i (an input added it, unquoted) is vi's,
 * vim's or less's +COMMAND as the argv check reads it (ma_sh_plus_command:
 * vim -es + "+'!id' +q" runs id; +10, +/text run nothing; shell35). */
static int ma_sh_plus_runs(const char *s, const struct ma_sh_lex *lx, int i)
{
	const struct ma_sh_el *e = &lx->el[i];
	char prog[16], o[48];
	size_t p, q, x = 0;

	if (!ma_sh_text_name(s, e->start, &p, &q) || q - p >= sizeof prog)
		return 0;
	memcpy(prog, s + p, q - p);
	prog[q - p] = '\0';
	for (size_t k = e->start; k < e->end && x + 1 < sizeof o && s[k]; k++)
		if (s[k] != '\'' && s[k] != '"' && s[k] != '\\')
			o[x++] = s[k];
	o[x] = '\0';
	return x >= 2 && ma_sh_plus_command(prog, o);
}

/* 1 when the new word at element i (an input added it, unquoted, or
 * all of a quoted one) is read by its program as the argv check reads
 * it there (shell35, review22): a dot-command of sqlite3 after its
 * database (sqlite3 app.db '.shell id': ma_sh_sqlcli_judge), or a
 * mount option of a container runner's run or create (-v, --volume,
 * --mount: docker run -v /:/host; the argv check's ma_sh_mount_check
 * judges the value there, here the option and its value are the
 * input's). */
static int ma_sh_operand_runs(const char *s, const struct ma_sh_lex *lx, int i)
{
	const struct ma_sh_el *e = &lx->el[i];
	char prog[16], o[64];
	size_t p, q, x = 0, k;

	for (k = e->start; k < e->end && x + 1 < sizeof o && s[k]; k++)
		if (s[k] != '\'' && s[k] != '"' && s[k] != '\\')
			o[x++] = s[k];
	o[x] = '\0';
	if (x < 2 || (o[0] != '.' && o[0] != '-') || !ma_sh_text_name(s, e->start, &p, &q) ||
	    q - p >= sizeof prog)
		return 0;
	memcpy(prog, s + p, q - p);
	prog[q - p] = '\0';
	if (o[0] == '.') {
		/* not sqlite3's database: a word between its name and this one */
		if (strcmp(prog, "sqlite3"))
			return 0;
		for (k = q; k < e->start && (s[k] == ' ' || s[k] == '\t'); k++)
			;
		if (k >= e->start)
			return 0;
		return ma_sh_sqlcli_judge(MA_SH_SQL_SQLITE, o, x, 0, x) == 1;
	}
	if (!(o[1] == 'v' || !strncmp(o, "--volume", 8) || !strncmp(o, "--mount", 7)))
		return 0;
	return ma_sh_runner_runs(s, prog, q, e->start);
}

/* 1 when prog is a container runner (docker, podman, nerdctl) and its
 * run or create comes between the end of its name (q) and byte w of s. */
static int ma_sh_runner_runs(const char *s, const char *prog, size_t q, size_t w)
{
	if (strcmp(prog, "docker") && strcmp(prog, "podman") && strcmp(prog, "nerdctl"))
		return 0;
	for (size_t k = q; k + 4 <= w; k++)
		if ((s[k - 1] == ' ' || s[k - 1] == '\t') &&
		    (!strncmp(s + k, "run", 3) || !strncmp(s + k, "create", 6)) &&
		    (s[k + 3] == ' ' || s[k + 3] == '\t' || s[k + 6] == ' ' || s[k + 6] == '\t'))
			return 1;
	return 0;
}

/* 1 when the input [a, b) lies in the value of a container runner's
 * mount option the application wrote (-v VALUE, -vVALUE, --volume[=]
 * VALUE, --mount[=] VALUE of run or create, element e0 the value's word)
 * and the argv check's reading of that value fires there
 * (ma_sh_mount_judge: a field added, the bind mount's host path named or
 * climbed out of; docker run -v '' + /etc:/x). */
static int ma_sh_mount_value(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b)
{
	const struct ma_sh_el *e = &lx->el[e0];
	char prog[16], v[512];
	size_t p, q, k = e->start, x = 0, va = (size_t)-1, vb = (size_t)-1;
	int csv, qu = 0;

	if (e0 >= lx->nel || e->kind != MA_SH_WORD || e->start > a || e->end < b)
		return 0;
	if (s[k] == '-' && k + 2 < e->end && s[k + 1] == 'v') {
		k += 2; /* -vVALUE */
		csv = 0;
	} else if (e->end - k > 9 && !memcmp(s + k, "--volume=", 9)) {
		k += 9;
		csv = 0;
	} else if (e->end - k > 8 && !memcmp(s + k, "--mount=", 8)) {
		k += 8;
		csv = 1;
	} else {
		/* the word before, from the text (the window starts at the
		 * input) */
		size_t ws = e->start, we;
		while (ws > 0 && (s[ws - 1] == ' ' || s[ws - 1] == '\t'))
			ws--;
		we = ws;
		if (we < 2 || (s[we - 1] != 'v' && s[we - 1] != 'e' && s[we - 1] != 't'))
			return 0; /* no -v, --volume, --mount: looked at first */
		while (ws > 0 && !strchr(" \t\n;&|(`", s[ws - 1]))
			ws--;
		if (we == e->start ||
		    (!ma_sh_is(s, ws, we, "-v") && !ma_sh_is(s, ws, we, "--volume") &&
		     !ma_sh_is(s, ws, we, "--mount")))
			return 0;
		csv = s[ws + 2] == 'm';
	}
	/* an expansion before the input ("$PWD":/tmp, $(pwd):/app): the
	 * value's fields are not known from the text (devshell2's npm
	 * scripts: the input's ':' is no field it adds) */
	if (k > a || memchr(s + k, '$', a - k) || memchr(s + k, '`', a - k) ||
	    !ma_sh_text_name(s, e->start, &p, &q) || q - p >= sizeof prog)
		return 0;
	memcpy(prog, s + p, q - p);
	prog[q - p] = '\0';
	if (!ma_sh_runner_runs(s, prog, q, e->start))
		return 0;
	/* the value unquoted, the input's bytes mapped into it */
	for (; k < e->end; k++) {
		if (k == a)
			va = x;
		if (k == b)
			vb = x;
		if ((!qu && (s[k] == '\'' || s[k] == '"')) || (qu && s[k] == qu)) {
			qu = qu ? 0 : s[k];
			continue;
		}
		if (s[k] == '\\' && qu != '\'' && k + 1 < e->end)
			k++;
		if (x + 1 >= sizeof v || !s[k])
			return 0;
		v[x++] = s[k];
	}
	if (b >= e->end)
		vb = x;
	if (va == (size_t)-1 || vb == (size_t)-1 || vb <= va)
		return 0;
	return ma_sh_mount_judge(csv, v, x, va, vb) != 0;
}

/* 1 when the word at element i, which the input starts (its first word,
 * unquoted by the application), is read as an option of its own: the
 * element before it is its command's name or an operand, not an option
 * that may take it as its value (find . -name -exec: a pattern;
 * git ls-remote --upload-pack=id x: git runs id; review13). */
static int ma_sh_first_option_ok(const char *s, const struct ma_sh_lex *lx, int i)
{
	size_t k = lx->el[i].start, w;

	/* read from the text: the window may start at the input */
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == lx->el[i].start || k == 0)
		return 0;
	for (w = k; w > 0 && !strchr(" \t\n;&|()`", s[w - 1]); w--)
		;
	while (w < k && (s[w] == '\'' || s[w] == '"'))
		w++;
	if (w >= k || s[w] == '<' || s[w] == '>')
		return 0;
	if (s[w] == '-') {
		/* an option of a program the table knows that takes no value
		 * from the next word (sort -S1 --compress-program=id) */
		const struct ma_sh_prog_opts *po;
		const char *nm;
		size_t p, q, nl, at;
		char prog[16], o[48];
		if (k - w >= sizeof o || memchr(s + w, '\'', k - w) || memchr(s + w, '"', k - w) ||
		    !ma_sh_text_name(s, w, &p, &q) || q - p >= sizeof prog)
			return 0;
		memcpy(prog, s + p, q - p);
		prog[q - p] = '\0';
		memcpy(o, s + w, k - w);
		o[k - w] = '\0';
		po = ma_sh_prog_find(prog);
		if (po && !strcmp(po->prog, "zip") && !strcmp(o, "-T"))
			return 1; /* zip's -T (--test) takes no value (shell23) */
		return po && !(ma_sh_opt_read(po, o, &nm, &nl, &at) & MA_SH_OPT_NEXT);
	}
	return 1;
}

/* 1 when the word is an option: one or two dashes, then a letter or a
 * digit, quotes removed ("-e", "--exec=id", -"o"ProxyCommand=...). POSIX's
 * Utility Syntax Guidelines name options by alphanumerics and getopt_long's
 * long names start with one; "--" alone ends the options, and a dash of
 * prose before a line break, a blank or a quote ("--\n\tMy") names none. */
static int ma_sh_option_word(const char *s, const struct ma_sh_el *e)
{
	size_t k = e->start;
	int dashes = 0;
	char c;

	for (; k < e->end; k++) {
		c = s[k];
		if (c == '\'' || c == '"')
			continue;
		if (c == '-' && dashes < 2) {
			dashes++;
			continue;
		}
		break;
	}
	if (!dashes || k >= e->end)
		return 0;
	c = s[k];
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The redirection at element i reads ("<", "0<"; not a here-document or
 * "<&"), its target word starting inside the input (before b). 1 when
 *   - the target is a path with a directory ("/etc/passwd", "../x"): the
 *     application's command reads a file the user chose ("</A>", an end
 *     tag, names a root file alone: no directory);
 *   - the redirection is the input's first element (e0) and its target
 *     names a program (ma_sh_word_name; a CR that ends it is the rest of a
 *     CRLF line break): sh only reads a file named "id" for "<id", but such
 *     an input has no data of its own, only a command line written for a
 *     place where it would run -- the evidence "id;" gives. A name closed
 *     at once by ">" is a markup tag ("<head>", "<dd>"); a glob there is
 *     not expanded by a non-interactive sh ("<c?t" reads the file "c?t").
 * "<3", "a <b", "<SPAN ..." (no program) read a file and run nothing. */
static int ma_sh_reads(const char *s, const struct ma_sh_lex *lx, int i, int e0, size_t a, size_t b)
{
	const struct ma_sh_el *t, *n;
	struct ma_sh_el w;
	size_t end;

	if (i + 1 >= lx->nel || lx->el[i + 1].kind != MA_SH_WORD || lx->el[i + 1].start >= b)
		return 0;
	t = &lx->el[i + 1];
	end = t->end < b ? t->end : b;
	if (end > t->start + 1 && memchr(s + t->start + 1, '/', end - t->start - 1))
		return 1;
	if (i != e0 || lx->from > a || memchr(s + t->start, '/', t->end - t->start))
		return 0; /* not the input's first element (or a window inside it) */
	for (size_t k = t->start; k < t->end; k++)
		if (s[k] == '*' || s[k] == '?' || s[k] == '[')
			return 0; /* not expanded in a redirection (POSIX 2.7): a file "c?t" */
	n = i + 2 < lx->nel ? &lx->el[i + 2] : NULL;
	if (n && n->kind == MA_SH_REDIR && n->start == t->end && s[n->start] == '>')
		return 0;
	w = *t;
	while (w.end > w.start && s[w.end - 1] == '\r')
		w.end--;
	return w.end > w.start && ma_sh_word_name(s, lx, &w, NULL, NULL) == MA_SH_NAME_RUNS;
}

/* 1 when [k0, k1) is a word of two or more letters between two stars,
 * nothing else: the *emphasis* of plain text (e-mail, Markdown). As a glob
 * it picks only the names that hold that word; globs that pick unknown
 * files are mostly wildcards ("*", "*.txt", "/???/??t", "*a*"). */
static int ma_sh_emphasis(const char *s, size_t k0, size_t k1)
{
	if (k1 < k0 + 4 || s[k0] != '*' || s[k1 - 1] != '*')
		return 0;
	for (size_t k = k0 + 1; k + 1 < k1; k++)
		if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
			return 0;
	return 1;
}

/* The word element that holds byte p, or NULL. */
static const struct ma_sh_el *ma_sh_word_at(const struct ma_sh_lex *lx, size_t p)
{
	int i = ma_sh_first_after(lx->el, lx->nel, p);

	if (i < lx->nel && lx->el[i].start <= p && lx->el[i].kind == MA_SH_WORD)
		return &lx->el[i];
	return NULL;
}

/* 1 when the word holding byte p is the command word of its command (no
 * word but assignments and redirection targets before it). */
static int ma_sh_command_word(const struct ma_sh_lex *lx, size_t p)
{
	int i = ma_sh_first_after(lx->el, lx->nel, p);

	return i < lx->nel && lx->el[i].kind == MA_SH_WORD && lx->el[i].start <= p &&
	       (lx->el[i].flags & MA_SH_F_CMDWORD);
}

static void ma_sh_set(struct ma_sh_hit *hit, const char *rule, const char *sev, double conf)
{
	hit->fired = 1;
	hit->rule = rule;
	hit->sev = sev;
	hit->confidence = conf;
}

/* What ma_sh_judge finds at a place, a bit each. */
enum {
	MA_SH_J_SUBST = 1 << 0,       /* a command substitution that runs */
	MA_SH_J_PARAM = 1 << 1,       /* an expansion names the program */
	MA_SH_J_GLOB = 1 << 2,        /* a glob that picks files */
	MA_SH_J_BRACE = 1 << 3,       /* a brace expansion names the program */
	MA_SH_J_QBREAK = 1 << 4,      /* closes a quote opened before the input */
	MA_SH_J_OPTION = 1 << 5,      /* an option word */
	MA_SH_J_SEP_CMD = 1 << 6,     /* an operator before a command that runs */
	MA_SH_J_SEP_PIPE = 1 << 7,    /* ... and it is a pipe */
	MA_SH_J_COMMAND = 1 << 8,     /* a whole command, name and more */
	MA_SH_J_REDIR_OUT = 1 << 9,   /* a redirection that writes */
	MA_SH_J_REDIR_IN = 1 << 10,   /* <&: another descriptor */
	MA_SH_J_REDIR_READ = 1 << 11, /* a redirection that reads a path */
	MA_SH_J_FILE_ARG = 1 << 12,   /* a new argument from the root */
	MA_SH_J_BRACE_OPT = 1 << 13,  /* a brace expansion makes an option word */
	MA_SH_J_OPT_RUNS = 1 << 14,   /* a new option word that runs a program */
	MA_SH_J_COMMENT = 1 << 15,    /* a comment that hides the application's words */
};

/* 1 when e is a comment the input [a, b) opens that hides the
 * application's own words: it starts inside the input and runs on past
 * it over text that is not blank ("rm -rf /srv/app/users/" + " #" +
 * "/tmp/(star)" runs rm -rf /srv/app/users/): the shell's analogue of an SQL
 * comment that cuts the statement's tail. Not a "#" inside a word (C#,
 * issue#42: no comment), nor a comment after which the application wrote
 * nothing up to the line's end. */
static int ma_sh_comment_cuts(const char *s, const struct ma_sh_el *e, size_t a, size_t b)
{
	if (e->kind != MA_SH_COMMENT || e->start < a || e->start >= b || e->end <= b)
		return 0;
	for (size_t k = b; k < e->end; k++)
		if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
			return 1;
	return 0;
}

/* 1 when the brace expansion m of s makes an option word: one of its
 * alternatives starts with one or two dashes and a letter ({x,-exec,id},
 * {--output=f,y}; not a number, {1,-2}). bash makes new arguments of
 * them (find . -name {x,-exec,id,\;} runs id; dash has no braces). */
static int ma_sh_brace_option(const char *s, const struct ma_sh_el *m)
{
	for (size_t k = m->start; k + 2 < m->end; k++) {
		size_t o;
		if ((s[k] != '{' && s[k] != ',') || s[k + 1] != '-')
			continue;
		o = k + 2 + (s[k + 2] == '-');
		if (o < m->end && ((s[o] >= 'a' && s[o] <= 'z') || (s[o] >= 'A' && s[o] <= 'Z')))
			return 1;
	}
	return 0;
}

/* Whether a command substitution starts in [a, b), inside the body of the
 * application's own expansion or substitution mark m (which starts before
 * a): its body was lexed quietly (no marks), so the place looks like data
 * inside one word, yet "echo ${x:-" + "$(id)" + "}" runs id while the word
 * is expanded. The body is lexed again from m's start, keeping nothing. */
static int ma_sh_inner_lex(const char *s, const struct ma_sh_el *m, size_t a, size_t b,
                           uint32_t *rec, int *rec_n)
{
	struct ma_sh_st st;
	int u = 0;

	memset(&st, 0, sizeof st);
	st.s = s;
	st.len = m->end;
	st.quiet = 1;
	st.quiet_at = m->start;
	st.probe = 1; /* nothing kept, no window touched (probe_b 0: never found) */
	st.sub_a = a;
	st.sub_n = b - a;
	st.rec = rec;
	st.rec_n = rec_n;
	if (s[m->start] == '$')
		(void)ma_sh_dollar(&st, m->start, &u);
	else if (s[m->start] == '`')
		(void)ma_sh_backtick(&st, m->start, &u);
	else if (m->start + 1 < m->end && s[m->start + 1] == '(')
		(void)ma_sh_paren_body(&st, m->start, m->start + 2, &u); /* <(...) >(...) */
	return st.sub_found;
}

/* ma_sh_inner_lex, with the body lexed once per line (memo: where the
 * substitutions that run inside it start, kept for every place in it;
 * the lexing does not depend on the place). A body with more than
 * MA_SH_SUB_STARTS of them is lexed again per place, as without memo. */
static int ma_sh_inner_subst(const char *s, const struct ma_sh_el *m, size_t a, size_t b,
                             struct ma_sh_memo *memo)
{
	int k;

	if (!memo)
		return ma_sh_inner_lex(s, m, a, b, NULL, NULL);
	for (k = 0; k < MA_SH_SUB_MEMO; k++)
		if (memo->sub[k].end == m->end && memo->sub[k].at == m->start)
			break;
	if (k == MA_SH_SUB_MEMO) {
		k = memo->sub_next;
		memo->sub_next = (k + 1) % MA_SH_SUB_MEMO;
		memo->sub[k].at = m->start;
		memo->sub[k].end = m->end;
		memo->sub[k].n = 0;
		(void)ma_sh_inner_lex(s, m, m->start + 1, m->end, memo->sub[k].start,
		                      &memo->sub[k].n);
	}
	if (memo->sub[k].n < 0)
		return ma_sh_inner_lex(s, m, a, b, NULL, NULL);
	for (int i = 0; i < memo->sub[k].n; i++)
		if (memo->sub[k].start[i] >= a && memo->sub[k].start[i] < b)
			return 1;
	return 0;
}

/* 1 when [a, b) of s lies in e, the body of a here-document whose
 * delimiter is unquoted (expanded as "..." is: the lexer keeps the body
 * one element, no marks), and brings a command substitution there: a
 * backtick or a "$(" no backslash escapes, not an arithmetic "$((" that
 * closes inside [a, b) (ma_sh_arith_closes). cat <<EOF + "$(id)" runs id
 * in dash and bash; cat <<'EOF' does not. */
static int ma_sh_here_body_runs(const char *s, const struct ma_sh_el *e, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		size_t j;
		int depth = 0;
		if (s[k] == '\\') {
			k++;
			continue;
		}
		if (s[k] == '`')
			return 1;
		if (s[k] != '$' || k + 1 >= e->end || s[k + 1] != '(')
			continue;
		if (k + 2 >= b || s[k + 2] != '(')
			return 1;
		/* $((: the ")" that closes its "$(" within the input */
		for (j = k + 1; j < b; j++) {
			if (s[j] == '(')
				depth++;
			else if (s[j] == ')' && --depth == 0)
				break;
		}
		if (j >= b || !ma_sh_arith_closes(s, k + 3, j))
			return 1;
		k += 2; /* arithmetic: a substitution inside it runs too */
	}
	return 0;
}

/* (inline: most places are no here-document's body, and the call cost
 * more than the test, sh-nested 2 % -- shell31) */
static inline int ma_sh_here_runs(const char *s, const struct ma_sh_el *e, size_t a, size_t b)
{
	if (e->kind != MA_SH_HEREDOC || !(e->flags & MA_SH_F_EXPANDS) || e->start > a || e->end < b)
		return 0;
	return ma_sh_here_body_runs(s, e, a, b);
}

/* 1 when [a, b) of s holds a "(" or a "`" (a loop for the short inputs
 * most are: two memchr calls cost more, shell31). */
static inline int ma_sh_paren_or_tick(const char *s, size_t a, size_t b)
{
	if (b - a <= 16) {
		for (size_t k = a; k < b; k++)
			if (s[k] == '(' || s[k] == '`')
				return 1;
		return 0;
	}
	return memchr(s + a, '(', b - a) || memchr(s + a, '`', b - a);
}

static int ma_sh_whole_option(const char *s, const struct ma_sh_lex *lx, int e0, size_t a,
                              size_t b);
struct ma_sh_scan;
static int ma_sh_option_value(struct ma_sh_scan *c, const char *s, const struct ma_sh_lex *lx,
                              int e0, size_t a, size_t b);
static int ma_sh_inner_bytes_w(const char *s, size_t a, size_t b, int whole);

/* 1 when element i may hold an option's value ma_sh_option_value reads:
 * the word before it an option (its first byte after quotes a dash),
 * or, with own (the input starts inside the word), the word itself one
 * (--checkpoint-action=e''xec=). A cheap look first (sh-occurrences:
 * the full reading at every word an input spans cost 29 %, shell32). */
static inline __attribute__((always_inline)) int ma_sh_dash_word(const char *s,
                                                                 const struct ma_sh_el *w)
{
	size_t k = w->start;

	if (w->kind != MA_SH_WORD)
		return 0;
	while (k < w->end && (s[k] == '\'' || s[k] == '"'))
		k++;
	return k < w->end && s[k] == '-';
}

/* the first element of a window that starts at the input: the word
 * before it read from the text (blanks, then its first byte) */
static int ma_sh_dash_before(const char *s, size_t at)
{
	static const unsigned char end[256] = {
	    [' '] = 1, ['\t'] = 1, ['\n'] = 1, [';'] = 1, ['&'] = 1, ['|'] = 1,
	    ['('] = 1, [')'] = 1,  ['<'] = 1,  ['>'] = 1, ['\0'] = 1};
	size_t k = at, k0;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == at)
		return 0;
	for (k0 = k; k0 > 0 && k - k0 < 64 && !end[(unsigned char)s[k0 - 1]]; k0--)
		;
	while (k0 < k && (s[k0] == '\'' || s[k0] == '"'))
		k0++;
	return k0 < k && s[k0] == '-';
}

static int ma_sh_joined_words(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b,
                              struct ma_sh_hit *hit);

static inline __attribute__((always_inline)) int
ma_sh_value_word(const char *s, const struct ma_sh_lex *lx, int i, int own)
{
	/* a word the input starts that starts with a dash brings the
	 * option's name: ma_sh_option_value leaves it (whole_option's) */
	if (ma_sh_dash_word(s, &lx->el[i]))
		return own;
	return i > 0 ? ma_sh_dash_word(s, &lx->el[i - 1]) : ma_sh_dash_before(s, lx->el[i].start);
}

/* 1 when a word the input fills in part or whole, where it spans more
 * than one word, is an option's value that ma_sh_option_value fires on:
 * the value word after an option's name the input or the application
 * wrote (tar --checkpoint-action + ' exec=id', git + '-c
 * core.sshCommand=id'), or a value with the input's quotes inside it
 * (--checkpoint-action= + e''xec=id), judged as an input inside one
 * word is (shell32). Out of ma_sh_judge's loop, read only when nothing
 * weightier fired and the input holds a '=', a quote or a backslash
 * (sh-occurrences: at every word it cost 7-9 %). */
static __attribute__((noinline)) int ma_sh_value_words(const char *s, const struct ma_sh_lex *lx,
                                                       int e0, size_t a, size_t b, unsigned *mp)
{
	/* each value that fires so holds a '=' (KEY=VALUE, exec=CMD) or
	 * quotes (a keyword and its value apart: 'ProxyCommand id'), or is
	 * a sed script, whose commands are letters (sed -n + '-e
	 * s/x/y/w/tmp/f', '-e 1eid' beside a command: shell34): read
	 * without them only where the input holds w, W or e, a word it
	 * fills is a value word and sed is the command (sh-occurrences:
	 * +9 % without the letters' look) */
	/* 1 '=' or curl's '@' (--data-binary + ' @FILE', shell37), 1 | 8
	 * a quote or backslash, 2 sed's w W e, 4 a brace (*mp: for
	 * ma_sh_joined_words) */
	static const unsigned char tab[256] = {
	    ['='] = 1, ['@'] = 1, ['\''] = 9, ['"'] = 9, ['\\'] = 9,
	    ['w'] = 2, ['W'] = 2, ['e'] = 2,  ['{'] = 4};
	unsigned m = 0;

	/* one pass for a short input (sh-occurrences' 64 places) */
	if (b - a <= 32) {
		for (size_t k = a; k < b; k++)
			m |= tab[(unsigned char)s[k]];
	} else {
		if (memchr(s + a, '\'', b - a) || memchr(s + a, '"', b - a) ||
		    memchr(s + a, '\\', b - a))
			m = 9;
		else if (memchr(s + a, '=', b - a) || memchr(s + a, '@', b - a))
			m = 1;
		if (memchr(s + a, '{', b - a))
			m |= 4;
		if (!(m & 1) && (memchr(s + a, 'w', b - a) || memchr(s + a, 'W', b - a) ||
		                 memchr(s + a, 'e', b - a)))
			m |= 2;
	}
	*mp = m;
	m &= 3;
	if (!m)
		return 0; /* what fires in a sed script: its w, W and e commands */
	if (!(m & 1)) {
		size_t p, q;
		int val = 0;
		for (int i = e0; i < lx->nel && lx->el[i].start < b && !val; i++)
			val = lx->el[i].kind == MA_SH_WORD && lx->el[i].end > a &&
			      ma_sh_value_word(s, lx, i, lx->el[i].start < a);
		if (!val || !ma_sh_text_name(s, lx->el[e0].start, &p, &q) ||
		    !ma_sh_is(s, p, q, "sed"))
			return 0;
	}
	for (int i = e0; i < lx->nel && lx->el[i].start < b; i++) {
		const struct ma_sh_el *e = &lx->el[i];
		if (e->kind != MA_SH_WORD || e->end <= a)
			continue;
		if (ma_sh_value_word(s, lx, i, e->start < a) &&
		    ma_sh_option_value(NULL, s, lx, i, e->start < a ? a : e->start,
		                       e->end < b ? e->end : b))
			return 1;
	}
	return 0;
}

/* 1 when a token that begins in the application's last byte, s[a - 1],
 * runs on into the input [a, ...): a command substitution or one that
 * runs ("Charged $" + "(id -un)", "<" + "(id)"), or an operator ("&" +
 * "& id"). The input made it what it is: it is the input's, judged from
 * a - 1. A "$" before a digit ("$" + "12.50": $1, a parameter that runs
 * nothing) or a word the application began are not. */
static int ma_sh_begun_before(const char *s, const struct ma_sh_lex *lx, size_t a, int e0, int m0)
{
	const struct ma_sh_el *e = e0 < lx->nel ? &lx->el[e0] : NULL;

	if (a == 0)
		return 0;
	if (e && e->start == a - 1 && e->end > a && e->kind != MA_SH_WORD &&
	    e->kind != MA_SH_COMMENT && e->kind != MA_SH_HEREDOC)
		return 1;
	/* only "$(", "${", "<(", ">(" or a backtick start a substitution
	 * there: the marks are walked for those alone */
	if (!((s[a - 1] == '$' && (s[a] == '(' || s[a] == '{')) ||
	      ((s[a - 1] == '<' || s[a - 1] == '>') && s[a] == '(') || s[a - 1] == '`'))
		return 0;
	for (int i = m0; i < lx->nmark && lx->mark[i].start < a; i++)
		if (lx->mark[i].start == a - 1 && lx->mark[i].end > a &&
		    (lx->mark[i].kind == MA_SH_M_SUBST ||
		     (lx->mark[i].kind == MA_SH_M_PARAM && (lx->mark[i].flags & MA_SH_F_RUNS))))
			return 1;
	return 0;
}

/* ma_sh_analyse with e0 and m0, the first element and mark that end after
 * a, found already. */
static void ma_sh_judge(const char *s, size_t len, const struct ma_sh_lex *lx, size_t a, size_t b,
                        int e0, int m0, struct ma_sh_memo *memo, struct ma_sh_hit *hit)
{
	int nover = 0, marks = 0, ambig = 0;
	unsigned f = 0; /* what was found (MA_SH_J_*) */
	/* the answer of ma_sh_command_runs for the command that starts at
	 * element memo_k, judged after the operator before it: a word that
	 * names that command is not judged again */
	int memo_k = -1, memo_runs = 0;
	size_t qclose = 0, glob_seen = 0;

	(void)len;
	memset(hit, 0, sizeof *hit);
	if (memo)
		ma_sh_memo_ready(memo);
	if (ma_sh_begun_before(s, lx, a, e0, m0))
		a--; /* "$" + "(id)": the substitution is the input's */
	/* none, one or more (counted up to two) elements, marks or none */
	if (e0 < lx->nel && lx->el[e0].start < b)
		nover = e0 + 1 < lx->nel && lx->el[e0 + 1].start < b ? 2 : 1;
	for (int i = m0; i < lx->nmark && lx->mark[i].start < b && !marks; i++)
		if (lx->mark[i].start >= a)
			marks++;
	if (nover == 0)
		return; /* whitespace */
	/* the application's ${...}, $((...)) or $(...) around the place, and
	 * a substitution the input brings into its body: it runs while the
	 * word is expanded, also when the line fails later */
	for (int i = m0, paren = -1; i < lx->nmark && lx->mark[i].start < a; i++) {
		const struct ma_sh_el *m = &lx->mark[i];
		if (!((m->kind == MA_SH_M_PARAM && (m->flags & MA_SH_F_RUNS)) ||
		      m->kind == MA_SH_M_SUBST))
			continue;
		if (paren < 0)
			paren = ma_sh_paren_or_tick(s, a, b);
		if (paren && ma_sh_inner_subst(s, m, a, b, memo)) {
			hit->spans = 1;
			ma_sh_set(hit, "cmd.substitution", "critical", 0.95);
			return;
		}
	}
	if (nover == 1 && ma_sh_here_runs(s, &lx->el[e0], a, b)) {
		hit->spans = 1;
		ma_sh_set(hit, "cmd.substitution", "critical", 0.95);
		return;
	}
	if (nover == 1 && !marks && lx->el[e0].start <= a && lx->el[e0].end >= b &&
	    lx->el[e0].kind != MA_SH_REDIR && !ma_sh_comment_cuts(s, &lx->el[e0], a, b)) {
		/* inside one word, comment or here-document: data; but a
		 * whole word that is an option which runs a program */
		if ((s[a] == '-' && ma_sh_whole_option(s, lx, e0, a, b)) ||
		    (s[a] == '-' && lx->el[e0].start == a && ma_sh_sed_added(s, lx, e0)) ||
		    ma_sh_option_value(NULL, s, lx, e0, a, b) ||
		    (ma_sh_valid(lx) &&
		     (ma_sh_mount_value(s, lx, e0, a, b) || ma_sh_socat_prog(s, lx, e0, a, b) ||
		      ma_sh_screen_cmd(s, lx, e0, a, b) || ma_sh_tmux_format(s, lx, e0, a, b))) ||
		    (lx->el[e0].start == a && lx->el[e0].end == b &&
		     (s[a] == '\'' || s[a] == '"' ||
		      (s[a] == '-' && (memchr(s + a, '=', b - a) || memchr(s + a, ':', b - a)))) &&
		     ma_sh_valid(lx) && ma_sh_operand_runs(s, lx, e0))) {
			hit->spans = 1; /* more than data: the word runs a program */
			ma_sh_set(hit, "cmd.option", "high", 0.9);
		}
		return;
	}
	hit->spans = 1;
	if (!ma_sh_valid(lx)) {
		/* the line cannot run: only a command substitution, which runs
		 * while the line is expanded, fires (what the judging below
		 * gives such a line: its other findings are read only when the
		 * line parses) */
		for (int i = m0; i < lx->nmark && lx->mark[i].start < b; i++) {
			const struct ma_sh_el *m = &lx->mark[i];
			if (m->start >= a &&
			    ((m->kind == MA_SH_M_SUBST &&
			      !(m->flags & (MA_SH_F_UNTERM | MA_SH_F_EMPTY))) ||
			     (m->kind == MA_SH_M_PARAM && (m->flags & MA_SH_F_RUNS)))) {
				ma_sh_set(hit, "cmd.substitution", "critical", 0.95);
				return;
			}
			if (m->start >= a && (m->flags & MA_SH_F_AMBIG) && m->kind == MA_SH_M_QUOTE)
				ambig = 1;
		}
		/* a quote that dash and bash end at different places ($'\' ;id
		 * #' runs id in dash): whichever shell runs the line, the input
		 * decides what it splits into; the line parses, or not, as the
		 * other shell reads it */
		if (ambig)
			ma_sh_set(hit, "cmd.dollar_quote", "high", 0.9);
		return;
	}

	for (int i = m0; i < lx->nmark && lx->mark[i].start < b; i++) {
		const struct ma_sh_el *m = &lx->mark[i];
		const struct ma_sh_el *w;
		if (m->start < a)
			continue;
		switch (m->kind) {
		case MA_SH_M_SUBST:
			if (!(m->flags & (MA_SH_F_UNTERM | MA_SH_F_EMPTY)))
				f |= MA_SH_J_SUBST;
			break;
		case MA_SH_M_PARAM:
			if (m->flags & MA_SH_F_RUNS) {
				f |= MA_SH_J_SUBST; /* ${x:-$(id)}: the substitution inside runs */
				break;
			}
			/* names the program to run; as an argument it only makes
			 * words ($IFS), and words alone run nothing */
			if (!(m->flags & MA_SH_F_SPECIAL) && ma_sh_command_word(lx, m->start))
				f |= MA_SH_J_PARAM;
			break;
		case MA_SH_M_GLOB:
			/* a glob that picks files: in a path, or a word of globs alone */
			/* it picks unknown files when it is most of its path segment
			 * ("*", "*.txt", "/???/??t"); a ? inside a long name matches
			 * that name only */
			if ((f & MA_SH_J_GLOB) || m->start < glob_seen)
				break; /* known already, or judged with its segment */
			w = ma_sh_word_at(lx, m->start);
			/* a ? or [...] in a word with no path matches one name of
			 * the working directory, as long as the word: the "it?" or
			 * "[1]" of text (in the command's name it is judged with the
			 * name: c?t) */
			if (w && s[m->start] != '*' &&
			    !memchr(s + w->start, '/', w->end - w->start))
				break;
			if (w) {
				size_t k0 = m->start, k1 = m->start, other = 0;
				while (k0 > w->start && s[k0 - 1] != '/')
					k0--;
				while (k1 < w->end && s[k1] != '/')
					k1++;
				if (ma_sh_emphasis(s, k0, k1)) {
					glob_seen = k1; /* *and*: text's emphasis */
					break;
				}
				for (size_t k = k0; k < k1; k++)
					if (s[k] != '*' && s[k] != '?' && s[k] != '.' &&
					    s[k] != '[' && s[k] != ']')
						other++;
				if (other <= 3)
					f |= MA_SH_J_GLOB;
				glob_seen = k1;
			}
			break;
		case MA_SH_M_BRACE:
			if (ma_sh_command_word(lx, m->start))
				f |= MA_SH_J_BRACE; /* {cat,/etc/passwd} */
			else if (ma_sh_brace_option(s, m))
				f |= MA_SH_J_BRACE_OPT; /* {x,-exec,id,\;} */
			break;
		case MA_SH_M_QUOTE:
			if (m->flags & MA_SH_F_AMBIG)
				ambig = 1; /* a $'...' dash ends here (above) */
			if ((m->flags & MA_SH_F_CLOSE) && m->pair < a && !(f & MA_SH_J_QBREAK)) {
				f |= MA_SH_J_QBREAK;
				qclose = m->start;
			}
			break;
		default:
			break;
		}
	}
	for (int i = e0; i < lx->nel && lx->el[i].start < b; i++) {
		const struct ma_sh_el *e = &lx->el[i];
		int nc, name;
		if (e->start < a)
			continue;
		switch (e->kind) {
		case MA_SH_SEQ:
		case MA_SH_BG:
		case MA_SH_ANDOR:
		case MA_SH_PIPE:
		case MA_SH_LPAREN:
		case MA_SH_RPAREN:
			/* ")" followed by a word: a case pattern's commands (or a
			 * function's body) start there */
			if (e->kind == MA_SH_RPAREN &&
			    !(i + 1 < lx->nel && lx->el[i + 1].kind == MA_SH_WORD))
				break;
			name = -1;
			nc = ma_sh_next_command(s, lx, i, b, &name, memo);
			memo_k = i + 1;
			memo_runs = nc;
			/* the lead rule holds only at the input's first element; the
			 * tail rule only where the application's text follows the
			 * operator: a word of the input right after it (not a CR
			 * alone, the rest of a line break) says no at once */
			if (nc == 2 ||
			    (name >= 0 && i == e0 && ma_sh_leads(s, lx, i, e0, a, name)) ||
			    (e->kind != MA_SH_LPAREN && e->kind != MA_SH_RPAREN &&
			     !(i + 1 < lx->nel && lx->el[i + 1].kind == MA_SH_WORD &&
			       lx->el[i + 1].end > lx->el[i + 1].start && lx->el[i + 1].start < b &&
			       s[lx->el[i + 1].start] != '\r') &&
			     ma_sh_cuts_tail(s, lx, i, a, b, memo))) {
				f |= MA_SH_J_SEP_CMD;
				if (e->kind == MA_SH_PIPE)
					f |= MA_SH_J_SEP_PIPE;
			}
			break;
		case MA_SH_REDIR:
			if (e->flags & MA_SH_F_OUT) {
				/* writes a file the input names (a path or a name with
				 * an extension), or duplicates a descriptor */
				const struct ma_sh_el *t =
				    i + 1 < lx->nel && lx->el[i + 1].kind == MA_SH_WORD
				        ? &lx->el[i + 1]
				        : NULL;
				if (s[e->end - 1] == '&' ||
				    (t && t->start < b &&
				     (memchr(s + t->start, '/', t->end - t->start) ||
				      memchr(s + t->start, '.', t->end - t->start) ||
				      memchr(s + t->start, '$', t->end - t->start))))
					f |= MA_SH_J_REDIR_OUT;
			} else if (s[e->end - 1] == '&') {
				f |= MA_SH_J_REDIR_IN; /* <&: another descriptor */
			} else if (!(e->flags & MA_SH_F_HERE) && ma_sh_reads(s, lx, i, e0, a, b)) {
				f |= MA_SH_J_REDIR_READ;
			}
			break;
		case MA_SH_WORD: {
			/* a new word the input adds (unquoted) that is an option
			 * with which its command runs a program: find . -name x
			 * -exec id \; (session 21) */
			if (e->start >= a &&
			    (s[e->start] == '-' || s[e->start] == '\'' || s[e->start] == '"') &&
			    !(f & MA_SH_J_OPT_RUNS) && ma_sh_option_word(s, e) &&
			    (e->start > a || ma_sh_first_option_ok(s, lx, i)) &&
			    ma_sh_option_runs(s, lx, i) && !ma_sh_after_dashdash(s, lx, i))
				f |= MA_SH_J_OPT_RUNS;
			/* a tmux command separator the input brings (tmux
			 * kill-session -t x \; run-shell id) */
			if (e->end > a && e->end - e->start >= 2 &&
			    (s[e->end - 1] == ';' || s[e->end - 2] == ';') &&
			    !(f & MA_SH_J_OPT_RUNS) && ma_sh_tmux_sep_brought(s, lx, i, a, b))
				f |= MA_SH_J_OPT_RUNS;
			/* sed's -e SCRIPT added after the application's script */
			if (e->start >= a && s[e->start] == '-' && !(f & MA_SH_J_OPT_RUNS) &&
			    ma_sh_sed_added(s, lx, i) && !ma_sh_after_dashdash(s, lx, i))
				f |= MA_SH_J_OPT_RUNS;
			if (e->start >= a && s[e->start] == '+' && !(f & MA_SH_J_OPT_RUNS) &&
			    ma_sh_plus_runs(s, lx, i) && !ma_sh_after_dashdash(s, lx, i))
				f |= MA_SH_J_OPT_RUNS;
			if (e->start >= a && !(f & MA_SH_J_OPT_RUNS) &&
			    (s[e->start] == '-' || s[e->start] == '.' || s[e->start] == '\'' ||
			     s[e->start] == '"') &&
			    ma_sh_operand_runs(s, lx, i) && !ma_sh_after_dashdash(s, lx, i))
				f |= MA_SH_J_OPT_RUNS;
			/* screen -X eval + 'stuff "..."': the input's quoted word
			 * picks the screen command (shell37) */
			if (e->start >= a && !(f & MA_SH_J_OPT_RUNS) &&
			    (s[e->start] == '\'' || s[e->start] == '"') &&
			    ma_sh_screen_cmd(s, lx, i, a, b))
				f |= MA_SH_J_OPT_RUNS;
			/* both count only after the input broke out of quotes */
			if (f & MA_SH_J_QBREAK) {
				size_t k = e->start;
				while (k < e->end && (s[k] == '\'' || s[k] == '"'))
					k++;
				/* an option word; "--" only ends the options, and
				 * after the application's own "--" a dash starts an
				 * operand */
				if (e->start > a && ma_sh_option_word(s, e) &&
				    !ma_sh_after_dashdash(s, lx, i))
					f |= MA_SH_J_OPTION;
				/* a new argument, outside the quotes the input
				 * closed, that names a file from the root: x'
				 * '/etc/passwd */
				if (e->start > qclose && k < e->end && s[k] == '/' &&
				    !(e->flags & MA_SH_F_TARGET))
					f |= MA_SH_J_FILE_ARG;
			}
			/* the input writes a whole command, name and more: the line
			 * is the user's (system(input), sh -c "$input"); or it ends
			 * a redirection's target where the application wrote it
			 * before the command's name, and names the command after
			 * it ("> /tmp/" + "f id": the target is no name, id runs) */
			if ((e->flags & MA_SH_F_CMDWORD) && !(e->flags & MA_SH_F_ASSIGN) &&
			    (e->end < b || (i > e0 && (lx->el[i - 1].flags & MA_SH_F_TARGET))) &&
			    (i == memo_k ? memo_runs
			                 : ma_sh_command_runs(s, lx, i, b, NULL, memo)) == 2)
				f |= MA_SH_J_COMMAND;
			break;
		}
		case MA_SH_COMMENT:
			if (ma_sh_comment_cuts(s, e, a, b))
				f |= MA_SH_J_COMMENT;
			break;
		default:
			break;
		}
	}
	if (f & MA_SH_J_SUBST) {
		/* runs while the line is expanded, before anything else is judged */
		ma_sh_set(hit, "cmd.substitution", "critical", ma_sh_valid(lx) ? 0.99 : 0.95);
		return;
	}
	if (!ma_sh_valid(lx))
		return; /* the line cannot run: nothing was injected */
	if (!(f & (MA_SH_J_SEP_CMD | MA_SH_J_COMMAND | MA_SH_J_OPT_RUNS))) {
		unsigned m = 0;
		if (ma_sh_value_words(s, lx, e0, a, b, &m))
			f |= MA_SH_J_OPT_RUNS;
		else if (!(f & ~MA_SH_J_QBREAK) && !ambig && (m & 12) &&
		         ma_sh_joined_words(s, lx, e0, a, b, hit))
			return; /* words a runner joins (shell34) */
	}
	if (!(f & ~MA_SH_J_QBREAK) && !ambig)
		return; /* found nothing (a quote closed alone fires nothing) */
	if (f & MA_SH_J_SEP_CMD)
		ma_sh_set(hit, (f & MA_SH_J_SEP_PIPE) ? "cmd.pipe" : "cmd.separator", "critical",
		          0.99);
	else if (f & MA_SH_J_COMMAND)
		ma_sh_set(hit, "cmd.command", "critical", 0.95);
	else if (f & MA_SH_J_OPT_RUNS)
		ma_sh_set(hit, "cmd.option", "high", 0.9);
	else if (f & MA_SH_J_COMMENT)
		ma_sh_set(hit, "cmd.comment", "high", 0.9);
	else if (f & MA_SH_J_REDIR_OUT)
		ma_sh_set(hit, "cmd.redirection", "high", 0.95);
	else if (f & MA_SH_J_REDIR_READ)
		ma_sh_set(hit, "cmd.redirection", "high", 0.85);
	else if (f & MA_SH_J_FILE_ARG)
		ma_sh_set(hit, "cmd.argument", "high", 0.85);
	else if (f & MA_SH_J_PARAM)
		ma_sh_set(hit, "cmd.expansion", "high", 0.9);
	else if (f & MA_SH_J_BRACE)
		ma_sh_set(hit, "cmd.brace_expansion", "high", 0.9);
	else if (f & MA_SH_J_REDIR_IN)
		ma_sh_set(hit, "cmd.redirection", "medium", 0.85);
	else if (f & MA_SH_J_GLOB)
		ma_sh_set(hit, "cmd.glob", "medium", 0.8);
	else if (((f & MA_SH_J_QBREAK) && (f & MA_SH_J_OPTION)) || (f & MA_SH_J_BRACE_OPT))
		ma_sh_set(hit, "cmd.option", "medium", 0.8);
	else if (ambig)
		ma_sh_set(hit, "cmd.dollar_quote", "high", 0.9);
}

/* ---- bash's arithmetic ---- */

/* Where [a, b) first holds the start of a command substitution, "$(" or
 * "`" (also after a backslash: inside "..." a \$( is a $( to the
 * arithmetic that reads the value), or b. */
static inline size_t ma_sh_arith_sub(const char *s, size_t a, size_t b)
{
	const char *t, *d;
	size_t end;

	if (b - a <= 16) { /* most inputs: a loop costs less than the calls */
		for (size_t k = a; k < b; k++)
			if (s[k] == '`' || (s[k] == '$' && k + 1 < b && s[k + 1] == '('))
				return k;
		return b;
	}
	t = memchr(s + a, '`', b - a);
	end = t ? (size_t)(t - s) : b;
	for (size_t k = a; k + 1 < end; k++) {
		d = memchr(s + k, '$', end - 1 - k);
		if (!d)
			break;
		k = (size_t)(d - s);
		if (s[k + 1] == '(')
			return k;
	}
	return end;
}

/* 1 when the line holds what evaluates a variable as arithmetic: (( )),
 * $[ ], let, [[ ... -eq ... ]], an integer declaration. */
static int ma_sh_line_arith(const char *s, size_t len)
{
	static const char *const uses[] = {"((",  "$[",  "let ", "-eq",      "-ne",      "-lt",
	                                   "-le", "-gt", "-ge",  "declare ", "typeset ", "local "};

	for (size_t i = 0; i < sizeof uses / sizeof uses[0]; i++)
		if (memmem(s, len, uses[i], strlen(uses[i])))
			return 1;
	return 0;
}

/* 1 when ${!NAME...} of s, its name's characters (and @ *) at [n0, j),
 * is an indirection: bash takes NAME's value as a variable's name, its
 * subscript evaluated, with or without an operator after it (${!x},
 * ${!x:-d}, ${!x#p}, ${!x@Q}, ${!a[1]}); not when it lists names
 * (${!p*}, ${!p@}, ${!a[@]}, ${!a[*]}). */
static int ma_sh_indirects(const char *s, size_t len, size_t n0, size_t j)
{
	size_t e = n0;

	while (e < j && s[e] != '@' && s[e] != '*')
		e++;
	if (e == n0)
		return 0;
	if (e < j) /* ${!p*}, ${!p@}; or a transformation: ${!x@Q} */
		return s[e] == '@' && e + 1 < j;
	if (s[j] == '[')
		return !(j + 2 < len && (s[j + 1] == '@' || s[j + 1] == '*') && s[j + 2] == ']');
	return strchr("}:-=+?#%/^,", s[j]) != NULL && s[j] != '\0';
}

/* 1 when s, outside the value at [a, b), uses a variable where bash
 * evaluates its value as arithmetic without a word of ma_sh_line_arith: an
 * array subscript that starts with a name or a $ (arr[n]=1, ${arr[$n]}),
 * a substring's offset (${s:n}, ${@:$n}; not ${s:-x}, ${s:=x}, ${s:+x},
 * ${s:?x}), a variable after -v ([[ -v $n ]], test -v "$n"), an
 * indirection (${!n}: not ${!p*} nor ${!a[@]}, which list names). */
static int ma_sh_line_index(const char *s, size_t len, size_t a, size_t b)
{
	for (size_t i = 1; i + 1 < len; i++) {
		size_t j;
		if (i == a) {
			i = b - 1;
			continue;
		}
		if (s[i] == '[' && ma_sh_name_char(s[i - 1])) {
			for (j = i + 1; j < len && s[j] == ' '; j++)
				;
			if (j < len && (s[j] == '$' || (ma_sh_name_start(s[j]) && j != a)))
				return 1;
		} else if (s[i - 1] == '-' && s[i] == 'v' && s[i + 1] == ' ' &&
		           (i < 2 || s[i - 2] == ' ' || s[i - 2] == '\t')) {
			for (j = i + 1; j < len && (s[j] == ' ' || s[j] == '"'); j++)
				;
			if (j < len && s[j] == '$')
				return 1; /* [[ -v $n ]], test -v "$n": a name, its subscript */
		} else if (s[i - 1] == '$' && s[i] == '{') {
			int ind = s[i + 1] == '!';
			size_t n0 = i + 1 + (size_t)ind;
			for (j = n0;
			     j < len && (ma_sh_name_char(s[j]) || s[j] == '@' || s[j] == '*'); j++)
				;
			if (ind && j > n0 && j < len && ma_sh_indirects(s, len, n0, j))
				return 1; /* ${!n}: n's value names a variable, its subscript
				           * evaluated */
			if (!ind && j > n0 && j + 1 < len && s[j] == ':' &&
			    !strchr("-=+?", s[j + 1]))
				return 1;
		}
	}
	return 0;
}

/* The options of a declaration among the words of [p, q) of s: 1 when
 * one holds A (an associative array), 2 when one holds i (integers), 3
 * both, 0 neither. */
static int ma_sh_decl_opts(const char *s, size_t p, size_t q)
{
	int f = 0;

	for (size_t k = p; k < q; k++) {
		if (s[k] != '-' || (k > p && s[k - 1] != ' ' && s[k - 1] != '\t'))
			continue;
		for (k++; k < q && ma_sh_name_char(s[k]); k++)
			f |= s[k] == 'A' ? 1 : s[k] == 'i' ? 2 : 0;
	}
	return f;
}

/* 1 when the value at [a, b) of s, quoted or not, is an array
 * subscript: [ before it, ] after it (x=( ['...']=1 ), x['...']=1). */
static int ma_sh_key_at(const char *s, size_t len, size_t a, size_t b)
{
	if (a > 0 && (s[a - 1] == '\'' || s[a - 1] == '"'))
		a--;
	if (b < len && (s[b] == '\'' || s[b] == '"'))
		b++;
	return a > 0 && s[a - 1] == '[' && b < len && s[b] == ']';
}

/* 1 when s lists an array's keys (${!x[@]}, ${!x[*]}): a key, a string
 * where it is written, becomes a value there and may be evaluated (for k
 * in "${!x[@]}"; do (( $k )); done). */
static int ma_sh_lists_keys(const char *s, size_t len)
{
	return memmem(s, len, "${!", 3) != NULL;
}

/* 1 when the "{" or "}" at k of s is a word of its own (ma_sh_scope_ends;
 * bash's "f(){" too). */
static int ma_sh_brace_word(const char *s, size_t len, size_t k)
{
	return (k == 0 || strchr(" \t\n;&|()", s[k - 1])) &&
	       (k + 1 == len || strchr(" \t\n;&|)", s[k + 1]));
}

/* 1 when the group or subshell that holds a declaration at d of s ends
 * before u (a "}" or ")" between them that none after d opened) and is a
 * function's body ("name() {", "function name {") or a subshell: what it
 * declared there does not reach u (local: bash's declare, typeset and
 * local make a function's variables local without -g). */
static int ma_sh_scope_ends(const char *s, size_t len, size_t d, size_t u, int local)
{
	int depth = 0;
	size_t k;

	for (k = d; k < u; k++) {
		if (s[k] == '(' || s[k] == ')') {
			depth += s[k] == '(' ? 1 : -1;
			if (depth < 0)
				return 1; /* ( declare -A x ); x[...]=1 */
		} else if ((s[k] == '{' || s[k] == '}') && ma_sh_brace_word(s, len, k)) {
			depth += s[k] == '{' ? 1 : -1;
			if (depth < 0)
				break;
		}
	}
	if (k == u || !local)
		return 0;
	/* the "{" that opened it: after a function's "name ()" or "function name" */
	for (depth = 0, k = d; k > 0; k--) {
		if ((s[k - 1] == '{' || s[k - 1] == '}') && ma_sh_brace_word(s, len, k - 1)) {
			if (s[k - 1] == '}') {
				depth++;
				continue;
			}
			if (depth-- > 0)
				continue;
			for (k--; k > 0 && strchr(" \t\n", s[k - 1]); k--)
				;
			if (k > 0 && s[k - 1] == ')')
				return 1;
			while (k > 0 && ma_sh_name_char(s[k - 1]))
				k--;
			while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
				k--;
			return k >= 8 && !memcmp(s + k - 8, "function", 8);
		}
	}
	return 0;
}

/* 1 when the name [np, nq) of s, declared an associative array by the
 * declaration at d (its words end at we; local: a function's variable
 * there), is still one at np: no "unset NAME" between (bash forgets
 * the attribute: unset x; x['$(id)']=1 is an indexed array's
 * assignment), and no function's body or subscript that held the
 * declaration ended before np. */
static int ma_sh_assoc_holds(const char *s, size_t len, size_t d, int local, size_t we, size_t np,
                             size_t nq)
{
	const char *u;

	for (size_t k = we; k < np; k = (size_t)(u - s) + 5) {
		size_t w;
		u = memmem(s + k, np - k, "unset", 5);
		if (!u)
			break;
		if ((u > s && !strchr(" \t\n;&|({`", u[-1])) || !strchr(" \t", u[5]))
			continue;
		for (w = (size_t)(u - s) + 5; w < np && !strchr(";&|\n`)", s[w]); w++) {
			size_t e = w;
			if (s[w] == ' ' || s[w] == '\t')
				continue;
			while (e < np && !strchr(" \t;&|\n`)", s[e]))
				e++;
			if (e - w == nq - np && !memcmp(s + w, s + np, nq - np))
				return 0;
			w = e - 1;
		}
	}
	return !ma_sh_scope_ends(s, len, d, np, local);
}

/* 1 when s declares the name [np, nq) an associative array (declare -A,
 * typeset -A, local -A; also -gA, -Ar ...: bash reads its keys as
 * strings, also in ${name[...]} and name[...]=), not integer (-Ai
 * evaluates the values). At most 16 declarations are read (more: 0). */
static int ma_sh_assoc(const char *s, size_t len, size_t np, size_t nq)
{
	static const struct {
		char w[8];
		uint8_t n;
	} kw[] = {{"declare", 7}, {"typeset", 7}, {"local", 5}};
	int seen = 0;

	if (nq <= np)
		return 0;
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
		const char *d;
		for (size_t k = 0; k + kw[i].n < len; k = (size_t)(d - s) + 1) {
			size_t e, w;
			int f = 0, g = 0;
			d = memmem(s + k, len - k, kw[i].w, kw[i].n);
			if (!d || ++seen > 16 || (size_t)(d - s) >= np)
				break; /* (a declaration after the use does not count) */
			e = (size_t)(d - s) + kw[i].n;
			if ((d > s && !strchr(" \t\n;&|({`", d[-1])) || e >= len ||
			    (s[e] != ' ' && s[e] != '\t'))
				continue;
			/* its words to the command's end: options, then names */
			for (w = e; w < len && !strchr(";&|\n`)", s[w]); w++) {
				size_t we = w;

				if (s[w] == ' ' || s[w] == '\t')
					continue;
				while (we < len && !strchr(" \t;&|\n`)", s[we]))
					we++;
				if (s[w] == '-') {
					f |= ma_sh_decl_opts(s, w, we);
					g |= memchr(s + w, 'g', we - w) != NULL;
				} else if (f == 1 && w + (nq - np) <= len &&
				           !memcmp(s + w, s + np, nq - np) &&
				           (w + (nq - np) == len ||
				            strchr("=+ \t;&|\n", s[w + (nq - np)])) &&
				           ma_sh_assoc_holds(s, len, (size_t)(d - s),
				                             kw[i].n == 5 || !g, we, np, nq)) {
					return 1;
				}
				w = we;
				if (w >= len || strchr(";&|\n`)", s[w]))
					break;
			}
		}
	}
	return 0;
}

/* 1 when s, outside [a, b), holds bash's prompt transformation ${x@P}
 * (also ${1@P}, ${a[@]@P}): the value is expanded as PS1 is, command
 * substitutions run (x='$(id)'; echo "${x@P}" runs id). */
static int ma_sh_prompt_expands(const char *s, size_t len, size_t a, size_t b)
{
	const char *d = memmem(s, a, "@P}", 3);

	if (d)
		return 1;
	return b < len && memmem(s + b, len - b, "@P}", 3) != NULL;
}

/* 1 when the word [w, e) of s is an assignment to an element of an
 * indexed array whose subscript holds the value at [a, b): name[...]= or
 * name[...]+=, the [ before a, the ] after b (bash expands the subscript as
 * inside "...": arr['$(id)']=1 runs id). Not where the line declares an
 * associative array (its keys are not expanded so). */
static int ma_sh_subscript_assign(const char *s, size_t len, size_t w, size_t e, size_t a, size_t b)
{
	size_t p = w;

	if (p >= a || !ma_sh_name_start(s[p]))
		return 0;
	while (p < a && ma_sh_name_char(s[p]))
		p++;
	if (p >= a || s[p] != '[' || b > e)
		return 0;
	if (!memmem(s + b, e - b, "]=", 2) && !memmem(s + b, e - b, "]+=", 3))
		return 0;
	return ma_sh_lists_keys(s, len) || !ma_sh_assoc(s, len, w, p);
}

/* The operators of [[ and test whose operand bash evaluates (-v: as a
 * name, its subscript as arithmetic). */
static const struct ma_sh_lit ma_sh_arith_ops[] = {
    MA_SH_LIT("-v"),  MA_SH_LIT("-eq"), MA_SH_LIT("-ne"), MA_SH_LIT("-lt"),
    MA_SH_LIT("-le"), MA_SH_LIT("-gt"), MA_SH_LIT("-ge")};

/* The commands whose arguments bash evaluates (let) or takes as names,
 * their subscripts evaluated (declare -i evaluates values too; unset's
 * subscript is left alone since bash 5.2, not before). */
static const struct ma_sh_lit ma_sh_arith_cmds[] = {
    MA_SH_LIT("let"),  MA_SH_LIT("declare"),  MA_SH_LIT("typeset"), MA_SH_LIT("local"),
    MA_SH_LIT("read"), MA_SH_LIT("readonly"), MA_SH_LIT("export"),  MA_SH_LIT("unset")};

/* The commands of ma_sh_arith_cmds that take names and evaluate none. */
static const struct ma_sh_lit ma_sh_arith_names[] = {MA_SH_LIT("export"), MA_SH_LIT("readonly")};

/* 1 when [p, q) of s names test or [ (a path to one too), whose -eq
 * ... read integers and evaluate nothing (bash 5.2, dash), and no [[
 * comes before it in s (the word could be an operand inside one). */
static int ma_sh_test_cmd(const char *s, size_t p, size_t q)
{
	size_t w = q;

	while (w > p && s[w - 1] != '/')
		w--;
	if (!((q - w == 1 && s[w] == '[') || (q - w == 4 && !memcmp(s + w, "test", 4))))
		return 0;
	return !memmem(s, p, "[[", 2);
}

/* 1 when s defines [p, q) as a function (name(), name (), function
 * name), 2 as an alias of a command of ma_sh_arith_cmds (alias l=let,
 * alias d='declare -i': bash with expand_aliases), 3 as one of export
 * or readonly (they take names: only a value they assign counts), else
 * 0. */
static int ma_sh_line_defines(const char *s, size_t len, size_t p, size_t q)
{
	size_t n = q - p, i, j, w;
	const char *d;
	int names = 0;

	if (!n || !ma_sh_name_start(s[p]))
		return 0;
	for (i = p; i < q; i++)
		if (!ma_sh_name_char(s[i]))
			return 0;
	for (i = 0; i + n < len; i = (size_t)(d - s) + 1) {
		d = memmem(s + i, len - i, s + p, n);
		if (!d)
			break;
		j = (size_t)(d - s);
		if (j > 0 && ma_sh_name_char(s[j - 1]))
			continue;
		j += n;
		if (j < len && s[j] == '=' && j >= n + 6 && !memcmp(d - 6, "alias ", 6)) {
			j++;
			if (j < len && (s[j] == '\'' || s[j] == '"'))
				j++;
			for (w = j; w < len && ma_sh_name_char(s[w]); w++)
				;
			/* alias e=export: names, not evaluated, unless another
			 * definition of the name evaluates (bash takes the last) */
			if (ma_sh_word_in(s, j, w, ma_sh_arith_names, 2))
				names = 3;
			else if (ma_sh_word_in(s, j, w, ma_sh_arith_cmds,
			                       sizeof ma_sh_arith_cmds /
			                           sizeof ma_sh_arith_cmds[0]))
				return 2;
			continue;
		}
		while (j < len && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (j + 1 < len && s[j] == '(') {
			for (j++; j < len && (s[j] == ' ' || s[j] == '\t'); j++)
				;
			if (j < len && s[j] == ')')
				return 1;
		}
		if ((size_t)(d - s) >= 9 && !memcmp(d - 9, "function ", 9))
			return 1;
	}
	return names;
}

/* The words before a command's name that run it (ma_sh_arith). */
static const struct ma_sh_lit ma_sh_arith_pre[] = {
    MA_SH_LIT("{"),  MA_SH_LIT("then"), MA_SH_LIT("do"),      MA_SH_LIT("else"),
    MA_SH_LIT("!"),  MA_SH_LIT("time"), MA_SH_LIT("builtin"), MA_SH_LIT("command"),
    MA_SH_LIT("if"), MA_SH_LIT("while")};

/* The bytes that end a command, looking back from a value (1), and those
 * that start one unless a ")" after them closes them (2: a subshell's,
 * a $( or (( opened before the value; a backtick), or close one (3). */
static const unsigned char ma_sh_cmd_end[256] = {
    [';'] = 1, ['&'] = 1, ['|'] = 1, ['\n'] = 1, ['('] = 2, ['`'] = 2, [')'] = 3};

/* Where the command that holds lo starts, looking back from lo to stop
 * (stop when none is found); *open: the number of ")" looked back over
 * that no "(" opened, when stop was reached (then where the command
 * starts depends on what comes before stop). */
static size_t ma_sh_cmd_start(const char *s, size_t lo, size_t stop, int *open)
{
	size_t c = lo;
	int depth = 0;

	for (; c > stop; c--) {
		unsigned char t = ma_sh_cmd_end[(unsigned char)s[c - 1]];
		if (!t)
			continue;
		if (t == 1)
			break;
		if (t == 3) {
			depth++;
			continue;
		}
		if (!depth)
			break;
		if (s[c - 1] == '(')
			depth--;
	}
	*open = depth;
	return c;
}

/* The bytes looked back at from a value for its command's start. */
#define MA_SH_ARITH_BACK 1024

/* 1 when the value at [a, b) of s lies, looking back at most to stop
 * (quotes taken as bytes), inside an unclosed (( -- bash's arithmetic
 * command or a for's clauses, across the parentheses, operators and ;
 * inside it -- or in a subscript of an indexed array's compound
 * assignment, name=( [...]=v ) (not where the line declares an
 * associative array): bash evaluates both, and expands any substitution
 * in them. */
static int ma_sh_arith_open(const char *s, size_t len, size_t a, size_t b, size_t stop)
{
	size_t w = a, e = b;
	int depth = 0, first = 1;

	while (w > stop && s[w - 1] != ' ' && s[w - 1] != '\t' && s[w - 1] != '(')
		w--;
	while (e < len && s[e] != ' ' && s[e] != '\t' && s[e] != '\n' && s[e] != ')')
		e++;
	for (size_t c = w; c > stop; c--) {
		if (s[c - 1] == ')') {
			depth++;
			continue;
		}
		if (s[c - 1] != '(')
			continue;
		if (depth) {
			depth--;
			continue;
		}
		if (c >= 2 && s[c - 2] == '(')
			return 1; /* (( */
		if (first && c >= 2 && s[c - 2] == '=' && s[w] == '[' &&
		    (memmem(s + b, e - b, "]=", 2) || memmem(s + b, e - b, "]+=", 3))) {
			/* name=( or name+=(: not an associative array's */
			size_t n1 = c - 2 - (c >= 3 && s[c - 3] == '+'), n0 = n1;
			while (n0 > 0 && ma_sh_name_char(s[n0 - 1]))
				n0--;
			return ma_sh_lists_keys(s, len) || !ma_sh_assoc(s, len, n0, n1);
		}
		first = 0;
	}
	return 0;
}

/* What bash does with the value at [a, b) of s (e0, m0: the first
 * element and mark of lx, the window that holds a, that end after a),
 * which holds a command substitution at k that the line itself does not
 * run (inside '...', or a \$( inside "..."): 1 when bash evaluates the
 * value as arithmetic there, which runs it. bash expands any
 * substitution in the text of (( )), $(( )) and an indexed array's
 * subscript ${a[...]} (it reads them as inside "..."), and one in an
 * array subscript (a[$(id)]) of a value it evaluates: an operand of [[
 * ]]'s -eq ... or of -v (also test's), an argument of let, declare,
 * typeset, local, read, readonly, export, unset, of $[ ], or a value
 * assigned in
 * a line that evaluates variables (x='a[$(id)]'; (( x > 1 ))). What
 * comes before the value is read from its text, not lexed (the window
 * keeps nothing before the place, and lexing the line again per place
 * costs too much): the word before it, and its command's first word, at
 * most MA_SH_ARITH_BACK bytes back (to a ; & | or newline, quotes taken
 * as bytes). Further back, a value that holds an array subscript with a
 * substitution fires (no ordinary value holds one). A line that cannot
 * parse runs nothing. */
static __attribute__((noinline)) int ma_sh_arith(const char *s, size_t len,
                                                 const struct ma_sh_lex *lx, int e0, int m0,
                                                 size_t a, size_t b, size_t k,
                                                 struct ma_sh_memo *memo)
{
	size_t lo = a, stop, p, q, c0 = 0, from = 0, fw, fq, in = (size_t)-1;
	int sub = 0, far = 0, dl = 0, open, body = 0;

	if (!lx->valid)
		return 0;
	/* ${x@P}: bash expands a value as a prompt, running what it holds */
	if (ma_sh_prompt_expands(s, len, a, b))
		return 1;
	for (int i = m0; i < lx->nmark && lx->mark[i].start < a; i++) {
		const struct ma_sh_el *m = &lx->mark[i];
		if (m->kind == MA_SH_M_SUBST && m->end >= b)
			in = m->start; /* in the application's $( ` <( >(: its own commands */
		if (m->kind != MA_SH_M_PARAM || m->end < b || m->end - m->start < 3)
			continue;
		if (s[m->start + 1] == '(')
			return 1; /* $(( ... )) */
		if (s[m->start + 1] != '{')
			continue;
		p = m->start + 2;
		if (s[p] == '#' || s[p] == '!')
			p++;
		if (p < a && (s[p] == '@' || s[p] == '*'))
			p++;
		else
			while (p < a && ma_sh_name_char(s[p]))
				p++;
		if (p + 1 < a && s[p] == ':' && !strchr("-=+?", s[p + 1]))
			return 1; /* ${s:offset:length}: both arithmetic */
		if (p < a && s[p] == '[' &&
		    !ma_sh_assoc(s, len,
		                 m->start + 2 + (s[m->start + 2] == '#' || s[m->start + 2] == '!'),
		                 p))
			return 1; /* ${a[ ... ]}, not an associative array's key */
	}
	/* inside (( ... )) behind a ( of its own, &&, || or a for's ;, or
	 * in a compound assignment's subscript: any substitution */
	if (ma_sh_arith_open(s, len, a, b, a > MA_SH_ARITH_BACK ? a - MA_SH_ARITH_BACK : 0))
		return 1;
	if (e0 < lx->nel && lx->el[e0].kind == MA_SH_WORD && lx->el[e0].start < a)
		lo = lx->el[e0].start;
	if (in != (size_t)-1 && in >= lo) { /* the value's word in that body */
		for (lo = a; lo > in + 1 && s[lo - 1] != ' ' && s[lo - 1] != '\t' &&
		             !ma_sh_cmd_end[(unsigned char)s[lo - 1]];
		     lo--)
			;
		body = 1; /* its words are not elements: read from the text */
	}
	/* an array subscript before the substitution: a name, then [ */
	for (p = lo + 1; p < k && !sub; p++)
		sub = s[p] == '[' && ma_sh_name_char(s[p - 1]);
	/* the command's start: looked back for from lo down to the last
	 * value's (the places of an input come in order; memo), or at most
	 * MA_SH_ARITH_BACK bytes */
	if (memo)
		ma_sh_memo_ready(memo);
	open = 1;
	if (memo && memo->arith_at && memo->arith_at - 1 <= lo) {
		stop = memo->arith_at - 1;
		c0 = ma_sh_cmd_start(s, lo, stop, &open);
		from = c0;
		if (c0 == stop && !open) { /* the last value's command */
			c0 = memo->arith_c0;
			far = memo->arith_far;
			dl = memo->arith_dl;
			from = stop > c0 ? stop - 1 : c0;
		}
	}
	if (open) {
		stop = lo > MA_SH_ARITH_BACK ? lo - MA_SH_ARITH_BACK : 0;
		c0 = ma_sh_cmd_start(s, lo, stop, &open);
		far = c0 == stop && stop > 0;
		from = c0;
	}
	/* $[ between the command's start and the value (from where the last
	 * value looked) */
	for (p = from; !dl && p + 1 < lo; p++) {
		const char *d = memchr(s + p, '$', lo - 1 - p);
		if (!d)
			break;
		p = (size_t)(d - s);
		dl = s[p + 1] == '[';
	}
	if (memo) {
		memo->arith_at = (uint32_t)lo + 1;
		memo->arith_c0 = (uint32_t)c0;
		memo->arith_far = far;
		memo->arith_dl = dl;
	}
	if (far)
		return sub; /* too far back to tell */
	/* inside (( ... )), as a command of its own (after if, while, {, a
	 * subshell's or a substitution's opening): any substitution */
	if (c0 >= 2 && s[c0 - 1] == '(' && s[c0 - 2] == '(')
		return 1;
	while (c0 < lo && (s[c0] == ' ' || s[c0] == '\t'))
		c0++;
	if (!sub)
		return 0;
	if (dl)
		return 1; /* $[ ... ] before the value */
	/* its command's first word, after a subshell's ( and the reserved
	 * words and builtins that run the command after them */
	for (p = c0;;) {
		while (p < lo && (s[p] == '(' || s[p] == ' ' || s[p] == '\t'))
			p++;
		for (q = p; q < lo && s[q] != ' ' && s[q] != '\t'; q++)
			;
		if (q >= lo || !ma_sh_word_in(s, p, q, ma_sh_arith_pre,
		                              sizeof ma_sh_arith_pre / sizeof ma_sh_arith_pre[0]))
			break;
		p = q;
	}
	fw = p;
	fq = q;
	if (ma_sh_word_in(s, p, q, ma_sh_arith_cmds,
	                  sizeof ma_sh_arith_cmds / sizeof ma_sh_arith_cmds[0])) {
		/* export and readonly take names and evaluate none (bash 5.2
		 * refuses export 'a[$(id)]=1' before it expands anything); a
		 * value they assign is evaluated as an assignment's */
		if (!ma_sh_word_in(s, p, q, ma_sh_arith_names, 2)) {
			/* declare -A (not -Ai): an associative array's keys
			 * are strings; its values are evaluated where the
			 * line evaluates them, as an assignment's */
			if (q >= lo || ma_sh_decl_opts(s, q, lo) != 1)
				return 1;
			if (ma_sh_key_at(s, len, a, b) && !ma_sh_lists_keys(s, len))
				return 0;
			goto assigned;
		}
		if (q >= lo || !memchr(s + lo, '=', a - lo))
			return 0;
		goto assigned;
	}
	/* the command's first word assigns to an array element whose
	 * subscript holds the value: arr['$(id)']=1 */
	if (e0 < lx->nel && lx->el[e0].kind == MA_SH_WORD && p == lx->el[e0].start &&
	    ma_sh_subscript_assign(s, len, lx->el[e0].start, lx->el[e0].end, a, b))
		return 1;
	/* the word before the value, and the one after it: -v evaluates
	 * its operand's subscript in [[, test and [ alike, -eq ... only in [[ */
	for (q = lo; q > c0 && (s[q - 1] == ' ' || s[q - 1] == '\t'); q--)
		;
	for (p = q; p > c0 && s[p - 1] != ' ' && s[p - 1] != '\t'; p--)
		;
	if (q > p &&
	    ma_sh_word_in(s, p, q, ma_sh_arith_ops,
	                  sizeof ma_sh_arith_ops / sizeof ma_sh_arith_ops[0]) &&
	    (q - p == 2 || !ma_sh_test_cmd(s, fw, fq)))
		return 1;
	if (body) { /* the word after the value's, from the text */
		for (p = b;
		     p < len && s[p] != ' ' && s[p] != '\t' && !ma_sh_cmd_end[(unsigned char)s[p]];
		     p++)
			;
		while (p < len && (s[p] == ' ' || s[p] == '\t'))
			p++;
		for (q = p;
		     q < len && s[q] != ' ' && s[q] != '\t' && !ma_sh_cmd_end[(unsigned char)s[q]];
		     q++)
			;
	} else if (e0 + 1 < lx->nel && lx->el[e0 + 1].kind == MA_SH_WORD) {
		p = lx->el[e0 + 1].start;
		q = lx->el[e0 + 1].end;
	} else {
		p = q = 0;
	}
	if (q > p &&
	    ma_sh_word_in(s, p, q, ma_sh_arith_ops + 1,
	                  sizeof ma_sh_arith_ops / sizeof ma_sh_arith_ops[0] - 1) &&
	    !ma_sh_test_cmd(s, fw, fq))
		return 1; /* [[ 'a[$(id)]' -eq 5 ]] */
	/* an argument of a function or alias the line defines, in a line
	 * that evaluates something: f(){ (( $1 > 0 )); }; f 'a[$(id)]' */
	if (fq < lo) {
		int def = ma_sh_line_defines(s, len, fw, fq);
		if (def == 2 ||
		    (def == 1 && (ma_sh_line_arith(s, len) || ma_sh_line_index(s, len, a, b))))
			return 1;
		if (def == 3) /* an alias of export or readonly: as they are */
			return memchr(s + lo, '=', a - lo) &&
			       (ma_sh_line_arith(s, len) || ma_sh_line_index(s, len, a, b));
	}
	/* an assignment, NAME= or NAME[...]= (a[1]='...'; (( a[1] > 1 ))
	 * evaluates the element's value), read from the value's word (in
	 * a body its words are not elements) */
	if (body || e0 >= lx->nel || !(lx->el[e0].flags & MA_SH_F_ASSIGN)) {
		for (p = lo; p < a && ma_sh_name_char(s[p]); p++)
			;
		if (p > lo && p < a && s[p] == '[' && ma_sh_name_start(s[lo]))
			while (p < a && s[p] != ']')
				p++;
		if (p < a && s[p] == ']')
			p++;
		if (p == lo || p >= a || !ma_sh_name_start(s[lo]) ||
		    !(s[p] == '=' || (s[p] == '+' && p + 1 < a && s[p + 1] == '=')))
			return 0;
	}
assigned:
	/* a key of an associative array (declare -A x; x=( ['...']=1 )):
	 * a string (its values are evaluated where x[k] is) */
	for (p = lo; p < a && ma_sh_name_char(s[p]); p++)
		;
	if (p > lo && p < a && (s[p] == '=' || s[p] == '+') && ma_sh_key_at(s, len, a, b) &&
	    !ma_sh_lists_keys(s, len) && ma_sh_assoc(s, len, lo, p))
		return 0;
	if (!memo)
		return ma_sh_line_arith(s, len) || ma_sh_line_index(s, len, a, b);
	if (!memo->line_arith)
		memo->line_arith = ma_sh_line_arith(s, len) ? 1 : -1;
	return memo->line_arith > 0 || ma_sh_line_index(s, len, a, b);
}

/* 1 when the place [a, b) of s brings a command substitution that bash's
 * arithmetic runs (ma_sh_arith); most places hold none. */
static inline int ma_sh_arith_place(const char *s, size_t len, const struct ma_sh_lex *lx, int e0,
                                    int m0, size_t a, size_t b, struct ma_sh_memo *memo)
{
	size_t k;

	if (!lx->valid)
		return 0; /* a line that cannot parse runs nothing */
	k = ma_sh_arith_sub(s, a, b);
	return k < b && ma_sh_arith(s, len, lx, e0, m0, a, b, k, memo);
}

void ma_sh_analyse(const char *s, size_t len, const struct ma_sh_lex *lx, size_t a, size_t b,
                   struct ma_sh_hit *hit)
{
	ma_sh_analyse_memo(s, len, lx, a, b, NULL, hit);
}

void ma_sh_analyse_memo(const char *s, size_t len, const struct ma_sh_lex *lx, size_t a, size_t b,
                        struct ma_sh_memo *memo, struct ma_sh_hit *hit)
{
	int e0 = ma_sh_first_after(lx->el, lx->nel, a);
	int m0 = ma_sh_first_after(lx->mark, lx->nmark, a);

	ma_sh_judge(s, len, lx, a, b, e0, m0, memo, hit);
	if (!hit->fired && ma_sh_arith_place(s, len, lx, e0, m0, a, b, memo)) {
		hit->spans = 1;
		ma_sh_set(hit, "cmd.arithmetic", "critical", 0.9);
	}
}

/* ---- the public checks ---- */

/* 1 when [a, b) needs no judging: inside one word with no marks (e0 and
 * m0: the first element and mark that end after a), and no "(" or "`"
 * inside an expansion or substitution of the application's that runs
 * its body (ma_sh_inner_subst). */
static int ma_sh_is_data(const char *s, const struct ma_sh_lex *lx, size_t a, size_t b, int e0,
                         int m0)
{
	if (e0 < lx->nel && ma_sh_here_runs(s, &lx->el[e0], a, b))
		return 0;
	if (lx->from > a || lx->dropped_at < b)
		return 0; /* not all of it was kept: judge it */
	if (e0 == lx->nel || lx->el[e0].start >= b)
		return 1;
	if (lx->el[e0].start > a || lx->el[e0].end < b || lx->el[e0].kind == MA_SH_REDIR)
		return 0;
	for (int i = m0; i < lx->nmark && lx->mark[i].start < b; i++)
		if (lx->mark[i].start >= a)
			return 0;
	for (int i = m0; i < lx->nmark && lx->mark[i].start < a; i++)
		if (lx->mark[i].kind == MA_SH_M_SUBST ||
		    (lx->mark[i].kind == MA_SH_M_PARAM && (lx->mark[i].flags & MA_SH_F_RUNS)))
			return !ma_sh_paren_or_tick(s, a, b);
	return 1;
}

/* The lines judged in one check: the line, then the command lines a
 * shell reads again inside it (ma_sh_note_inner), and inside those, in
 * the order they are found; the inner lines noted in one line. */
#define MA_SH_INNER_MAX  8
#define MA_SH_INNER_NOTE 4
/* The elements of a place kept by ma_sh_keep_place, at most */
#define MA_SH_PLACE_EL 16
/* The bytes of the one line per check that is built by removing the
 * quotes of a word of several parts (ma_sh_join) */
#define MA_SH_JOIN 2048

/* What ma_sh_check's callbacks share: in the request's scratch block
 * (about 21 KB), not on the caller's stack. */
struct ma_sh_scan {
	const char *cmd;
	size_t len;
	int lexed; /* lx is filled at the first occurrence */
	int has_prev;
	int first_kept; /* 1: first holds the first window, kept before lx moved on */
	int lx_first;   /* 1: lx is the first window as it was lexed (or taken again) */
	int has_second; /* 1: second holds the window that follows the first */
	/* 1: second holds it already, kept by the first lexing: taken when
	 * the first window moves on (has_second then) */
	int second_ready;
	/* the first element that ends after cur_a in lx (cur_e), while lx
	 * stays the same window (cur_set): a later place of the same input
	 * looks on from there */
	int cur_set, cur_e;
	size_t cur_a;
	/* 1: lx was taken from second by ma_sh_lex_within_from (no lexer
	 * states): made again by ma_sh_lex_within from prev before it is
	 * moved on from or kept (ma_sh_lx_lexed) */
	int lx_taken;
	int arith_form; /* the form looked for holds $( or ` (ma_sh_begin_form) */
	/* the places found to be data that lie in a command line of their
	 * own, read by a shell again (ma_sh_note_inner): the lines' text
	 * [inner_at, inner_end) in this line, each judged as a line after
	 * this one (ninner of them, each once) */
	int ninner;
	size_t inner_at[MA_SH_INNER_NOTE], inner_end[MA_SH_INNER_NOTE];
	/* 1: what the inner line prints is a shell's script (the body of
	 * bash <(...), sh -c "$(...)": ma_sh_subst_feeds); feeds: the line
	 * being judged is such a body */
	int inner_feeds[MA_SH_INNER_NOTE], feeds;
	/* 1: the inner line is [inner_at, inner_end) of join, not of the
	 * line; join_len: the bytes of join its lines take (one after the
	 * other, in this check); in_join: the line being judged is in join;
	 * join_from, join_to: the word the last was built of, in the line
	 * judged line_no-th (join_src_line) */
	int inner_join[MA_SH_INNER_NOTE], q_join[MA_SH_INNER_MAX], in_join, line_no, join_src_line;
	/* 1: a line a shell reads again could not be noted (the notes, the
	 * queue or join full, or a join inside a joined line): the place
	 * fires, unjudged, instead of a silent skip (review15) */
	int unjudged;
	/* ma_sh_one_cut's walk of the line's quotes: read up to one_at, in
	 * quote or comment one_q, one_esc: the byte there escaped */
	size_t one_at;
	int one_q, one_esc;
	/* a here-document's body [one_hd_bs, one_hd_be) ahead (0, 0: none) */
	size_t one_hd_bs, one_hd_be;
	size_t join_len, join_from, join_to;
	char join[MA_SH_JOIN];
	/* ma_sh_check's lines still to judge, [q_at, q_end) of its first
	 * line, from q_next on (nq of them) */
	int nq, q_next;
	size_t q_at[MA_SH_INNER_MAX], q_end[MA_SH_INNER_MAX];
	int q_feeds[MA_SH_INNER_MAX];
	struct ma_sh_memo memo; /* ma_sh_word_name's answers in this check */
	/* the last place of this form and line that fired nothing and whose
	 * judging read its own elements and bytes alone (ma_sh_keep_place):
	 * pl_n elements (0: none), their offsets from its start pl_a, pl_len
	 * bytes; a later place of the same elements fires nothing either */
	int pl_n;
	size_t pl_a, pl_len;
	struct ma_sh_el pl_el[MA_SH_PLACE_EL];
	struct ma_sh_lex lx;
	/* the first window (lexed from the first place): a later place there
	 * (another input, or another form of one, at the same byte) takes it
	 * as it was instead of lexing the line again from its start */
	struct ma_sh_lex first;
	/* the window that ma_sh_lex_next made of the first: taken again when
	 * a later place moves on from the first window (ma_sh_next_window) */
	struct ma_sh_lex second;
	/* the window lx was before it moved on to judge what follows a place:
	 * a later place before lx's start is kept from it (ma_sh_lex_within)
	 * instead of lexing the line again from its start */
	struct ma_sh_lex prev;
};

_Static_assert(sizeof(struct ma_sh_scan) <= MA_REQUEST_SCRATCH,
               "the shell check's state fits in the request's scratch block");

_Static_assert(offsetof(struct ma_sh_lex, snap) ==
                   offsetof(struct ma_sh_lex, mark) + sizeof(((struct ma_sh_lex *)0)->mark),
               "a window's elements and marks come before the rest (ma_sh_lex_copy)");

/* *to = *from, copying only the elements and marks it keeps. */
static void ma_sh_lex_copy(struct ma_sh_lex *to, const struct ma_sh_lex *from)
{
	memcpy(to->el, from->el, sizeof from->el[0] * (size_t)from->nel);
	memcpy(to->mark, from->mark, sizeof from->mark[0] * (size_t)from->nmark);
	memcpy(&to->snap, &from->snap, sizeof *to - offsetof(struct ma_sh_lex, snap));
}

/* lx with its lexer states (what ma_sh_lex_within_from leaves out): lexed
 * again from prev, which gave it, when it was taken from second. */
static void ma_sh_lx_lexed(struct ma_sh_scan *c)
{
	if (!c->lx_taken)
		return;
	c->lx_taken = 0;
	(void)ma_sh_lex_within(c->cmd, c->len, c->lx.from, &c->prev, &c->lx);
}

/* Keeps what ma_sh_lex_within reads of lx in c->prev. */
static void ma_sh_keep_prev(struct ma_sh_scan *c)
{
	const struct ma_sh_lex *lx = &c->lx;
	struct ma_sh_lex *p = &c->prev;

	ma_sh_lx_lexed(c);
	if (!lx->has_end)
		return;
	memcpy(p->el, lx->el, sizeof lx->el[0] * (size_t)lx->nel);
	memcpy(p->mark, lx->mark, sizeof lx->mark[0] * (size_t)lx->nmark);
	ma_sh_state_copy(&p->end, &lx->end);
	p->end_at = lx->end_at;
	p->has_end = 1;
	p->nel = lx->nel;
	p->nmark = lx->nmark;
	p->from = lx->from;
	c->has_prev = 1;
}

/* The next window of c's line (ma_shell.h): it overlaps this one, so an
 * operator near this one's end is judged again with what follows it. */
static void ma_sh_next_window(struct ma_sh_scan *c, size_t goal)
{
	size_t next;
	int was_first = c->lx_first;

	ma_sh_lx_lexed(c);
	c->lx_first = 0;
	c->cur_set = 0;
	if (was_first && (c->has_second || c->second_ready)) {
		/* what ma_sh_lex_next made (or would make) of the same window */
		ma_sh_lex_copy(&c->lx, &c->second);
		c->has_second = 1;
		return;
	}
	if (ma_sh_lex_next(c->cmd, c->len, &c->lx)) {
		if (was_first) {
			ma_sh_lex_copy(&c->second, &c->lx);
			c->has_second = 1;
		}
		return;
	}
	/* no place to go on from (one word with many marks): lex again,
	 * keeping from a little before where this window stopped */
	next = c->lx.dropped_at > MA_SH_OVERLAP ? c->lx.dropped_at - MA_SH_OVERLAP : 0;
	if (next <= c->lx.from)
		next = c->lx.from + 1;
	if (next > goal)
		next = goal;
	ma_sh_lex_window(c->cmd, c->len, next, &c->lx);
}

/* Keeps the first window in c->first before lx moves on from it. */
static void ma_sh_keep_first(struct ma_sh_scan *c)
{
	if (c->first_kept)
		return;
	ma_sh_lex_copy(&c->first, &c->lx);
	c->first_kept = 1;
}

/* Whether the form about to be looked for holds a command substitution's
 * start: only then can bash's arithmetic run one (ma_sh_arith). */
static void ma_sh_begin_form(void *ctx, const char *v, size_t n)
{
	struct ma_sh_scan *c = ctx;

	c->arith_form = ma_sh_arith_sub(v, 0, n) < n;
	c->pl_n = 0; /* another form: its places are other bytes */
}

/* 1 when the n bytes at k of s (letters, digits and '_') lie in an ssh
 * -o keyword or a git -c key of the deny-lists (ma_sh_ssh_key_class,
 * ma_sh_git_key_class) right after -o or -c (glued, a blank or an
 * opening quote between): an input that completes the key with the
 * application's bytes (ssh -o 'Proxy' + 'Command' + '=...', shell25). */
static int ma_sh_key_byte(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '_' || ch == '.' || ch == '-';
}

static int ma_sh_plain_in_key(const char *s, size_t len, size_t k, size_t n)
{
	size_t a = k, b = k + n, p;
	int git;

	while (a > 0 && ma_sh_key_byte(s[a - 1]))
		a--;
	while (b < len && ma_sh_key_byte(s[b]))
		b++;
	/* GIT_CONFIG_KEY_n=KEY, a quote between or not (shell29) */
	for (p = a; p > 0 && (s[p - 1] == '\'' || s[p - 1] == '"'); p--)
		;
	if (p > 16 && s[p - 1] == '=') {
		size_t d = p - 1;
		while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
			d--;
		if (d < p - 1 && d >= 15 && !memcmp(s + d - 15, "GIT_CONFIG_KEY_", 15))
			return ma_sh_git_key_class(s + a, b - a) != MA_SH_KEY_PLAIN;
	}
	/* GIT_CONFIG_PARAMETERS="'KEY'='VALUE' ...": a key opens with its
	 * quote (git's list, ma_sh_git_params) */
	if (a > 0 && s[a - 1] == '\'' && memmem(s, a, "GIT_CONFIG_PARAMETERS=", 22) &&
	    ma_sh_git_key_class(s + a, b - a) != MA_SH_KEY_PLAIN)
		return 1;
	if (b - a > 2 && s[a] == '-' && (s[a + 1] == 'o' || s[a + 1] == 'c')) {
		p = a + 2; /* -oProxyCommand=... */
		a = p;
	} else {
		for (p = a; p > 0 && (s[p - 1] == '\'' || s[p - 1] == '"'); p--)
			;
		while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
			p--;
	}
	if (p < 2 || s[p - 2] != '-' || (s[p - 1] != 'o' && s[p - 1] != 'c'))
		return 0;
	git = s[p - 1] == 'c';
	/* the option's own bytes glued to the key (-oProxyCommand): from
	 * after the option letter */
	if (a < p)
		a = p;
	if (!git) {
		size_t e = a;
		while (e < b && s[e] != '.' && s[e] != '-')
			e++;
		return ma_sh_ssh_key_class(s + a, e - a) != MA_SH_KEY_PLAIN;
	}
	if (b < len && s[b] == '=') {
		/* the value the application wrote after it, unquoted up to
		 * the word's end (the quote right before the key still open):
		 * a pager switched off or set to cat runs nothing
		 * (ma_sh_git_value_plain); anything else (a backslash, a
		 * substitution, a quote left open, more than 8 bytes) is no
		 * such value */
		char v[8];
		size_t x = 0, k2 = b + 1;
		char q = a > 0 && (s[a - 1] == '\'' || s[a - 1] == '"') ? s[a - 1] : 0;
		for (; k2 < len && s[k2]; k2++) {
			char ch = s[k2];
			if (q ? ch == q : (ch == '\'' || ch == '"')) {
				q = q ? 0 : ch;
				continue;
			}
			if (!q && strchr(" \t\n;&|<>()", ch))
				break;
			if (ch == '\\' || ch == '`' || ch == '$' || x == sizeof v) {
				x = sizeof v;
				break;
			}
			v[x++] = ch;
		}
		if (!q && x < sizeof v && ma_sh_git_value_plain(s + a, b - a, v, x))
			return 0;
	}
	return ma_sh_git_key_class(s + a, b - a) != MA_SH_KEY_PLAIN;
}

static int ma_sh_skip_input(void *ctx, const struct ma_input *in)
{
	const struct ma_sh_scan *c = ctx;
	const char *s = c->cmd, *f = in->form[0], *x;
	size_t len = c->len, n = in->form_len[0], k = 0;

	if (!in->plain)
		return 0;
	/* letters, digits and _ are never syntax; but they may make an ssh
	 * -o keyword or a git -c key of the deny-lists */
	if (!n || (!memmem(s, len, "-o", 2) && !memmem(s, len, "-c", 2) &&
	           !memmem(s, len, "GIT_CONFIG_", 11)))
		return !memmem(s, len, "EXEC:", 5) && !memmem(s, len, "exec:", 5);
	if (memmem(s, len, "EXEC:", 5) || memmem(s, len, "exec:", 5))
		return 0; /* socat's EXEC: program (ma_sh_socat_prog: EXEC:'rbash') */
	while (k + n <= len && (x = memmem(s + k, len - k, f, n))) {
		k = (size_t)(x - s);
		if (ma_sh_plain_in_key(s, len, k, n))
			return 0;
		k++;
	}
	return 1;
}

/* The words ma_sh_reparses reads before a quoted word, back to its
 * command's start: more are not read (the command is not one of those). */
#define MA_SH_RP_WORDS 12

/* 1 when the word [p, q) of s is one of lit's (n of them) after its
 * last '/' (a program's path: /bin/sh). */
static int ma_sh_base_in(const char *s, size_t p, size_t q, const struct ma_sh_lit *lit, size_t n)
{
	size_t b = q;

	while (b > p && s[b - 1] != '/')
		b--;
	return ma_sh_word_in(s, b, q, lit, n);
}

/* 1 when the word [p, q) of s is an option word (-x, -lc, +o, --norc,
 * "--"): a dash or plus and letters, or two dashes and a long name; a
 * short option's value may follow its letters (watch -n1, -n0.5, flock
 * -w5). */
static int ma_sh_rp_option(const char *s, size_t p, size_t q)
{
	int val = 0;

	if (q - p < 2 || (s[p] != '-' && s[p] != '+'))
		return 0;
	for (size_t k = p + 1; k < q; k++) {
		int digit = (s[k] >= '0' && s[k] <= '9') || s[k] == '.';
		if (k > p + 1 && s[p + 1] != '-' && digit) {
			val = 1;
			continue;
		}
		if (val ||
		    !((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
		      (k > p + 1 && s[p + 1] == '-' && (s[k] == '-' || s[k] == '=' || digit)) ||
		      (k == p + 1 && s[k] == '-')))
			return 0;
	}
	return 1;
}

/* Narrows the word [*p, *q) of s to what the shell makes of it when it
 * is escaped or quoted whole: \bash, "bash", 'sh', "-c" name the same
 * command or option as bash, sh, -c (bash 5.2 and dash ran "\"bash\" -c
 * '...'" as bash -c). */
static void ma_sh_rp_unquote(const char *s, size_t *p, size_t *q)
{
	if (*q - *p > 1 && s[*p] == '\\') {
		(*p)++;
	} else if (*q - *p > 2 && (s[*p] == '"' || s[*p] == '\'') && s[*q - 1] == s[*p] &&
	           !memchr(s + *p + 1, s[*p], *q - *p - 2)) {
		(*p)++;
		(*q)--;
	}
}

/* 1 when the word [p, q) of s is a long option of bash that takes the
 * next word as its value (--rcfile FILE, --init-file FILE). */
static int ma_sh_rp_long_value(const char *s, size_t p, size_t q)
{
	return (q - p == 8 && !memcmp(s + p, "--rcfile", 8)) ||
	       (q - p == 11 && !memcmp(s + p, "--init-file", 11));
}

/* 1 when the word [p, q) of s is an option that takes the next word as
 * its value: -X or +X with X one of letters, a long one of bash
 * (ma_sh_rp_long_value), or a shell's cluster of letters one of which
 * takes a value (bash -eo pipefail, -euxo pipefail, -eO extglob:
 * review25b-shell38, the argv check's reading in ma_shell_argv.c; bash
 * takes -o's value from the next word wherever -o stands in the
 * cluster: -eoc pipefail, misc11). */
static int ma_sh_rp_valued(const char *s, size_t p, size_t q, const char *letters)
{
	int o = 0;

	if (ma_sh_rp_long_value(s, p, q))
		return 1;
	if (q - p < 2 || (s[p] != '-' && s[p] != '+'))
		return 0;
	if (q - p == 2)
		return s[p + 1] && strchr(letters, s[p + 1]) != NULL;
	for (size_t k = p + 1; k < q; k++) {
		if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
			return 0;
		o |= s[k] == 'o' || s[k] == 'O';
	}
	return o;
}

/* 1 when word j of the words ws/we (n of them, nearest first, as
 * ma_sh_reparses reads them) names its command: the walk reached the
 * command's start (at_start) and the words before j are programs that
 * run the next one (sudo, env, timeout ...), their options, numbers,
 * assignments and reserved words that open a command ({ ! if then do
 * ...: session 25). */
static int ma_sh_rp_names(const char *s, const size_t *ws, const size_t *we, int n, int j,
                          int at_start)
{
	const struct ma_sh_prog_opts *wrap = NULL;

	if (!at_start)
		return 0;
	/* from the command's start: a wrapper's option with a value skips
	 * the next word (env -u HOME ssh, sshpass -p pw ssh, sudo -u www) */
	for (int k = n - 1; k > j; k--) {
		size_t p = ws[k], q = we[k], e = p, b = q;
		char o[24];
		int kind;
		if (s[p] == '-' && wrap && q - p < sizeof o) {
			const char *name;
			size_t nlen = 0, val = 0;
			memcpy(o, s + p, q - p);
			o[q - p] = '\0';
			if ((ma_sh_opt_read(wrap, o, &name, &nlen, &val) & MA_SH_OPT_NEXT) && nlen)
				k--;
			continue;
		}
		if (s[p] == '-' || (s[p] >= '0' && s[p] <= '9'))
			continue;
		while (e < q &&
		       (s[e] == '_' || (s[e] >= 'A' && s[e] <= 'Z') ||
		        (s[e] >= 'a' && s[e] <= 'z') || (e > p && s[e] >= '0' && s[e] <= '9')))
			e++;
		if (e > p && e < q && s[e] == '=')
			continue;
		kind = ma_sh_name_kind(s + p, q - p);
		wrap = NULL;
		if (kind == MA_SH_NAME_OPENS)
			continue; /* { eval '...', if ssh host '...' */
		if (kind != MA_SH_NAME_PREFIX)
			return 0;
		while (b > p && s[b - 1] != '/')
			b--;
		if (q - b < sizeof o) {
			memcpy(o, s + b, q - b);
			o[q - b] = '\0';
			wrap = ma_sh_wrap_find(o);
		}
	}
	return 1;
}

/* 1 when word ev (eval) of the words ws/we (n of them, nearest first,
 * back to the command's start) is an argument of another program: the
 * command's first word, past assignments and redirections (with their
 * targets), is an ordinary program's name (playwright-cli eval '...').
 * A case pattern, a function's or group's brace, coproc, a wrapper or a
 * reserved word before it: not data (review17). */
static int ma_sh_assign_word(const char *s, size_t p, size_t q);

static int ma_sh_eval_is_data(const char *s, const size_t *ws, const size_t *we, int n, int ev)
{
	for (int k = n - 1; k > ev; k--) {
		size_t p = ws[k], q = we[k], e = p;
		int kind;
		while (e < q && s[e] >= '0' && s[e] <= '9')
			e++;
		if (e < q &&
		    (s[e] == '<' || s[e] == '>' || (s[e] == '&' && e + 1 < q && s[e + 1] == '>'))) {
			if (s[q - 1] == '<' || s[q - 1] == '>' || s[q - 1] == '&')
				k--; /* its target in the next word */
			continue;
		}
		if (ma_sh_assign_word(s, p, q))
			continue;
		for (size_t x = p; x < q; x++)
			if (strchr("(){}", s[x]))
				return 0;
		if (ma_sh_is(s, p, q, "coproc") || ma_sh_is(s, p, q, "function"))
			return 0;
		kind = ma_sh_name_kind(s + p, q - p);
		return kind == MA_SH_NAME_OTHER || kind == MA_SH_NAME_RUNS;
	}
	return 0;
}

/* 1 when the word [p, q) of s names ssh or autossh (a path before it
 * too); *auto_ set for autossh, whose -M takes a value (its monitor
 * port) where ssh's -M is a flag. */
static int ma_sh_ssh_name(const char *s, size_t p, size_t q, int *auto_)
{
	size_t b = q;

	while (b > p && s[b - 1] != '/')
		b--;
	*auto_ = q - b == 7 && !memcmp(s + b, "autossh", 7);
	return *auto_ || (q - b == 3 && !memcmp(s + b, "ssh", 3));
}

/* The words after ssh's name (ws/we, n of them, in order): 1 when ssh
 * reads no remote command from them (its options and the host only) or
 * its remote command is a shell that reads standard input (ssh host
 * bash -s: ma_sh_stdin_shell), and does not take standard input from
 * /dev/null (-n, -f, -N): the remote user's shell, or that shell, reads
 * ssh's standard input as its script (echo '...' | ssh host). */
static int ma_sh_ssh_stdin(const char *s, const size_t *ws, const size_t *we, int n, int ended,
                           int auto_);

/* 1 when the quoted word after the words ws/we (nearest first) is part
 * of ssh's remote command (*first: the index of the command's first
 * word, -1 when the quoted word is): ssh names the command, then its options
 * (those of "BbcDEeFIiJLlmOoPpQRSWw" with a value, attached or in the
 * next word; options are read again after the host, up to "--" or the
 * command's first word) and the host come before it. ssh joins the
 * command's words and the remote user's shell runs them (sh -c). */
static int ma_sh_rp_ssh(const char *s, const size_t *ws, const size_t *we, int n, int at_start,
                        int *first)
{
	int j = n - 1, host = 0, opts = 1, auto_ = 0;

	*first = -1;
	while (j > 0 && !ma_sh_ssh_name(s, ws[j], we[j], &auto_))
		j--;
	if (j <= 0 || !ma_sh_rp_names(s, ws, we, n, j, at_start))
		return 0;
	for (int k = j - 1; k >= 0; k--) {
		size_t p = ws[k], q = we[k];
		if (opts && q - p >= 2 && s[p] == '-') {
			if (q - p == 2 && s[p + 1] == '-') {
				opts = 0;
				continue;
			}
			for (size_t x = p + 1; x < q; x++)
				if (strchr("BbcDEeFIiJLlmOoPpQRSWw", s[x]) ||
				    (auto_ && s[x] == 'M')) {
					if (x + 1 == q && k-- == 0)
						return 0; /* the quoted word is its value */
					break;
				}
			continue;
		}
		if (host) {
			opts = 0; /* the command's first word */
			if (*first < 0)
				*first = k;
		}
		host = 1;
	}
	return host;
}

/* One word further back from *k in ma_sh_reparses' walk (stop: 1 a
 * blank, 2 where a command starts): 1 and its bytes [*ws, *we), *k at its
 * start; 0 when the command's start comes first (*k past the blanks). */
static inline int ma_sh_rp_back(const char *s, const unsigned char *stop, size_t *k, size_t *ws,
                                size_t *we)
{
	size_t p = *k;

	while (p > 0 && stop[(unsigned char)s[p - 1]] == 1)
		p--;
	*k = p;
	if (p == 0 || stop[(unsigned char)s[p - 1]])
		return 0;
	*we = p;
	while (p > 0 && !stop[(unsigned char)s[p - 1]])
		p--;
	*ws = *k = p;
	return 1;
}

/* git's subcommand among the words of s in [q, end) after the command's
 * name (git's options skipped, -C and -c with their value): 1 and its
 * bytes [*w0, *w1), or 0 when none comes before end. */
static int ma_sh_git_sub_word(const char *s, size_t q, size_t end, size_t *w0, size_t *w1)
{
	int skip = 0;

	while (q < end) {
		while (q < end && (s[q] == ' ' || s[q] == '\t'))
			q++;
		if (q >= end)
			break;
		*w0 = q;
		while (q < end && s[q] != ' ' && s[q] != '\t')
			q++;
		*w1 = q;
		if (skip) {
			skip = 0;
			continue;
		}
		if (s[*w0] != '-')
			return 1;
		skip = q - *w0 == 2 && (s[*w0 + 1] == 'C' || s[*w0 + 1] == 'c');
	}
	return 0;
}

/* For git (po), the entry of its subcommand when that subcommand's own
 * options run a line (rebase -x, difftool -x, grep -O ...:
 * ma_sh_git_sub_find), the subcommand read before end; else po. */
static const struct ma_sh_prog_opts *ma_sh_git_sub_po(const struct ma_sh_prog_opts *po,
                                                      const char *s, size_t q, size_t end)
{
	const struct ma_sh_prog_opts *gs;
	size_t w0, w1;

	if (po->prog[0] != 'g' || strcmp(po->prog, "git") ||
	    !ma_sh_git_sub_word(s, q, end, &w0, &w1))
		return po;
	gs = ma_sh_git_sub_find(s + w0, w1 - w0);
	return gs ? gs : po;
}

/* 1 when the input [a, b), which starts with a dash, is one whole word
 * e0 of lx (unquoted, or all of a quoted one: only quotes before it in
 * the word) that its program reads as an option that runs a program
 * (ma_sh_option_runs: git clone '--upload-pack=CMD', wget
 * -euse_askpass=PROG, -eoutput_document=F, ssh -oProxyCommand=CMD):
 * the application hands the input over as one argument and the user
 * chose an option (session 23: each ran in bash 5.2.15 and dash). Not
 * after "--" (read from the text back to the command's start: the
 * window starts at the input), nor as the value of an option before it
 * (ma_sh_first_option_ok; any long option without '=': the tables do
 * not list every one that takes a value), nor in a line that cannot
 * parse. */
static int ma_sh_whole_option(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	const struct ma_sh_el *e;
	const struct ma_sh_prog_opts *po;
	const char *name;
	size_t k, ws, we, p, q, x, nlen = 0, val = 0;
	char prog[16], o[48];
	int kind, lang = 0, runs = 0, danger;

	if (e0 >= lx->nel || !ma_sh_valid(lx))
		return 0;
	e = &lx->el[e0];
	if (e->kind != MA_SH_WORD || e->start > a || e->end < b)
		return 0;
	for (k = e->start; k < a; k++)
		if (s[k] != '\'' && s[k] != '"')
			return 0;
	if (!ma_sh_option_word(s, e) || !ma_sh_text_name(s, e->start, &p, &q) ||
	    q - p >= sizeof prog)
		return 0;
	/* its first bytes, quotes and backslashes removed: the option's
	 * name and the start of its value */
	for (k = e->start, x = 0; k < e->end && x + 1 < sizeof o && s[k]; k++)
		if (s[k] != '\'' && s[k] != '"' && s[k] != '\\')
			o[x++] = s[k];
	o[x] = '\0';
	memcpy(prog, s + p, q - p);
	prog[q - p] = '\0';
	po = ma_sh_prog_find(prog);
	if (po)
		po = ma_sh_git_sub_po(po, s, q, e->start);
	/* the input brings the value too, attached (--upload-pack=CMD,
	 * -euse_askpass=PROG): an option alone (-e, -m, -exec) takes the
	 * application's next word, the line's own program; in a cluster of
	 * one dash a value of letters, digits and '_' alone is more likely
	 * a word (git send-email -number_of_commits: -u mber_of_commits) */
	if (!po)
		return 0;
	danger = ma_sh_opt_read(po, o, &name, &nlen, &val) & MA_SH_OPT_DANGER;
	/* an option the argv check's table reads as one that writes a
	 * file, runs or loads (git log --output=F, curl -oF; shell35) */
	if (danger && !val && o[1] == '-' && strchr(o, '='))
		val = (size_t)(strchr(o, '=') - o) + 1;
	if ((!nlen && !danger) || !val || !o[val])
		return 0;
	if (o[1] != '-') {
		x = val;
		while (o[x] == '_' || (o[x] >= 'a' && o[x] <= 'z') ||
		       (o[x] >= 'A' && o[x] <= 'Z') || (o[x] >= '0' && o[x] <= '9'))
			x++;
		if (!o[x])
			return 0;
	}
	if (!ma_sh_first_option_ok(s, lx, e0) || ma_sh_after_dashdash(s, lx, e0))
		return 0;
	/* what the value is to the program (ma_sh_option_runs' reading) */
	kind = ma_sh_value_kind_of(po, name, nlen, &lang);
	if (kind == MA_SH_VAL_CMD && nlen == 19 && !memcmp(name, "--checkpoint-action", 19) &&
	    strncmp(o + val, "exec=", 5))
		return 0; /* tar's dot, echo, bell, ttyout= ...: only exec= runs (shellfp8) */
	if (kind == MA_SH_VAL_WGETRC) {
		(void)ma_sh_wgetrc_key(o + val, strlen(o + val), &runs);
		if (!runs)
			return 0;
	} else if (kind == MA_SH_VAL_SSHOPT || kind == MA_SH_VAL_SED || kind == MA_SH_VAL_GITCONF) {
		/* -oKEYWORD=...: only a plain setting passes (-oConnectTimeout=5);
		 * sed -eSCRIPT, --expression=SCRIPT: a script with e or w; git
		 * -cKEY=VALUE: a key of the deny-list (a pager of cat or ''
		 * excepted, shellfp8; shell32) */
		size_t la;
		if (!ma_sh_value_fires(kind, lang, o + val, strlen(o + val), 0, strlen(o + val),
		                       &la))
			return 0;
	} else if (kind != MA_SH_VAL_CMD && kind != MA_SH_VAL_CODE && !danger) {
		return 0;
	}
	k = e->start;
	for (int n = 0; n < 64 && ma_sh_rp_back(s, stop, &k, &ws, &we); n++) {
		if (we - ws == 2 && s[ws] == '-' && s[ws + 1] == '-')
			return 0;
		/* right after a long option with no '=' the tables may not
		 * know (git log --grep 'INPUT'): maybe its value */
		if (n == 0 && we - ws > 2 && s[ws] == '-' && s[ws + 1] == '-' &&
		    !memchr(s + ws, '=', we - ws))
			return 0;
	}
	return 1;
}

/* 1 when the n bytes at o (an option word's name, after "--") name
 * the long option full or an abbreviation of it at least min bytes long
 * (getopt_long's reading). */
static int ma_sh_long_abbrev(const char *o, size_t n, const char *full, size_t min)
{
	return n >= min && n <= strlen(full) && !memcmp(o, full, n);
}

/* sed's --expression and --file by any abbreviation getopt_long takes
 * (--e, --exp=SCRIPT, --fi; review16: sed 4.9 ran --e '1e CMD'): *name,
 * *nlen, *val and *rd as ma_sh_opt_read gives them for the whole name.
 * Other programs' options are left as read. */
static void ma_sh_sed_long(const struct ma_sh_prog_opts *po, const char *o, const char **name,
                           size_t *nlen, size_t *val, int *rd)
{
	size_t n;

	if (strcmp(po->prog, "sed") || o[0] != '-' || o[1] != '-')
		return;
	n = strcspn(o + 2, "=");
	if (ma_sh_long_abbrev(o + 2, n, "expression", 1))
		*name = "--expression";
	else if (ma_sh_long_abbrev(o + 2, n, "file", 2))
		*name = "--file";
	else
		return;
	*nlen = strlen(*name);
	*val = o[2 + n] == '=' ? 3 + n : 0;
	*rd = *val ? 0 : MA_SH_OPT_NEXT;
}

/* 1 when the word at w of s is sed's script operand: the words before
 * it, back to "sed" (or a path to it), are options that give no script
 * (no -e, -f, --expression, --file, their abbreviations; GNU sed 4.9's
 * getopt: --follow-symlinks is no --file, review16), or the value of
 * -l / --line-length (sed -l 80 'SCRIPT'); any other word before it is
 * an operand (a file: the script came before). Read from the text (the
 * window starts at the input), sixteen words at most. */
static int ma_sh_sed_operand(const char *s, size_t w)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t k = w, ws, we;
	int value = 0; /* the word just read (nearer) is an option's value */

	for (int n = 0; n < 16 && ma_sh_rp_back(s, stop, &k, &ws, &we); n++) {
		int takes = 0;
		if (we - ws == 3 && !memcmp(s + ws, "sed", 3))
			return !value;
		if (we - ws >= 4 && s[we - 4] == '/' && !memcmp(s + we - 3, "sed", 3))
			return !value;
		if (s[ws] != '-' || we - ws < 2) {
			if (value)
				return 0; /* two operands */
			value = 1;        /* maybe -l's value: the word before says */
			continue;
		}
		if (s[ws + 1] == '-') {
			const char *o = s + ws + 2;
			size_t on = we - ws - 2, eq = 0;
			while (eq < on && o[eq] != '=')
				eq++;
			if (ma_sh_long_abbrev(o, eq, "expression", 1) ||
			    ma_sh_long_abbrev(o, eq, "file", 2))
				return 0; /* the script: given here */
			takes = eq == on && ma_sh_long_abbrev(o, eq, "line-length", 2);
		} else {
			/* a cluster: i takes the rest as its suffix, l the rest
			 * or the next word */
			for (size_t j = ws + 1; j < we; j++) {
				if (s[j] == 'e' || s[j] == 'f')
					return 0;
				if (s[j] == 'i')
					break;
				if (s[j] == 'l') {
					takes = j + 1 == we;
					break;
				}
			}
		}
		if (value && !takes)
			return 0; /* an operand before the script: a file */
		value = 0;
	}
	return 0;
}

/* 1 when the sed script v (NUL-ended), added by an input, runs a
 * command, writes a file or reads one (ma_sh_sed_runs; the places
 * ma_sh_sed_parse lists: e, w, r, R, W and s's e and w flags; review23:
 * 1r/etc/shadow prints the file). */
static int ma_sh_sed_added_runs(const char *v)
{
	size_t n = strlen(v), pos[8];
	int np = 0;

	return ma_sh_sed_runs(v, n) || (ma_sh_sed_parse(v, n, 0, pos, 8, &np) && np > 0);
}

/* 1 when the word at element i, which the input starts (unquoted, or
 * all of a quoted one), is sed's -e or --expression (a cluster that ends
 * in e, any abbreviation getopt_long takes: ma_sh_sed_long) whose script,
 * attached or the next word, runs a command or writes a file
 * (ma_sh_sed_runs: e, s///e, w, W, s///w), after the application gave
 * sed its script (the word is no script operand: ma_sh_sed_operand).
 * The input then adds a script of its own: GNU sed 4.9 runs every -e in
 * order and takes the application's operand for a file (shell34's open
 * finding, sed -n 's/a/b/p' + -e 1eid). A script that is the input's
 * alone stays the user's pick (shell25: ma_sh_sed_whole_fires). */
static int ma_sh_sed_added(const char *s, const struct ma_sh_lex *lx, int i)
{
	const struct ma_sh_el *e = &lx->el[i];
	const struct ma_sh_prog_opts *po;
	const char *name;
	char v[512];
	size_t p, q, nlen = 0, val = 0;
	int rd, lang = 0, kind;

	po = ma_sh_prog_find("sed");
	if (!po || e->kind != MA_SH_WORD || e->end - e->start < 2 ||
	    !ma_sh_el_copy(s, e, v, sizeof v) || v[0] != '-')
		return 0;
	/* the option first, then the command's name (a walk back) */
	rd = ma_sh_opt_read(po, v, &name, &nlen, &val);
	ma_sh_sed_long(po, v, &name, &nlen, &val, &rd);
	kind = nlen ? ma_sh_value_kind_of(po, name, nlen, &lang) : 0;
	if ((kind != MA_SH_VAL_SED && kind != MA_SH_VAL_FILE) ||
	    !ma_sh_text_name(s, e->start, &p, &q) || !ma_sh_is(s, p, q, "sed") ||
	    ma_sh_sed_operand(s, e->start))
		return 0;
	if (kind == MA_SH_VAL_FILE)
		return 1; /* -f FILE, --file=FILE: a script file of the input's (review23) */
	if (val)
		return ma_sh_sed_added_runs(v + val);
	if (!(rd & MA_SH_OPT_NEXT) || i + 1 >= lx->nel || lx->el[i + 1].kind != MA_SH_WORD)
		return 0;
	/* the script in the next word: too long to copy fails closed */
	if (!ma_sh_el_copy(s, &lx->el[i + 1], v, sizeof v))
		return 1;
	return ma_sh_sed_added_runs(v);
}

/* Queues the line v (n bytes) a program hands a shell in c's join, to be
 * judged as a line of its own (ma_sh_value_line, ma_sh_value_inner): 0
 * when queued or already queued for another form of the input, 1 when
 * there is no room (the caller fails closed). */
static int ma_sh_queue_value_line(struct ma_sh_scan *c, const char *v, size_t n)
{
	for (int i = 0; i < c->ninner; i++)
		if (c->inner_join[i] && c->inner_end[i] - c->inner_at[i] == n &&
		    !memcmp(c->join + c->inner_at[i], v, n))
			return 0; /* the same line, for another form of the input */
	if (c->ninner == MA_SH_INNER_NOTE || c->nq + c->ninner >= MA_SH_INNER_MAX ||
	    MA_SH_JOIN - c->join_len < n)
		return 1;
	memcpy(c->join + c->join_len, v, n);
	c->inner_at[c->ninner] = c->join_len;
	c->inner_end[c->ninner] = c->join_len + n;
	c->join_len += n;
	c->inner_feeds[c->ninner] = 0;
	c->inner_join[c->ninner++] = 1;
	return 0;
}

/* ma_sh_code_shell_strings' each for a whole program the input writes
 * (shellfix3): 1 when the command line it hands a shell holds an operator
 * that starts another command or a substitution (ma_sh_inner_bytes_w's
 * reading of a whole sh -c 'INPUT' line). */
struct ma_sh_whole_code {
	const char *code;
};

static int ma_sh_whole_code_line(void *arg, size_t at, size_t len)
{
	const struct ma_sh_whole_code *wc = arg;

	return ma_sh_inner_bytes_w(wc->code, at, at + len, 1);
}

/* The whole command line v (n bytes) that an option's value hands a
 * shell (tar -I, --to-command, git -c core.pager=, ssh -o
 * ProxyCommand= ...), the input in (inlen bytes) all of it: judged as sh
 * -c 'INPUT' is (ma_sh_note_inner, session 24, the lead's decision): read
 * only for an operator or a substitution (ma_sh_inner_bytes_w), then
 * queued in c's join to be judged as a line of its own. 1 fires now:
 * the input's bytes are not in v as written (a backslash or quote of
 * its own), or no room to queue it (c full, a line inside a joined line,
 * or no c: ma_sh_judge's reading): fail closed. */
static int ma_sh_value_line(struct ma_sh_scan *c, const char *v, size_t n, const char *in,
                            size_t inlen)
{
	if (!ma_sh_inner_bytes_w(v, 0, n, 1))
		return 0;
	if (!c || inlen != n || memcmp(v, in, n) || c->in_join)
		return 1;
	return ma_sh_queue_value_line(c, v, n);
}

/* The command line v (n bytes) that an option's value hands a shell
 * (git -c core.pager=, ssh -o ProxyCommand=, GIT_PAGER ...), written by
 * the application, with the input in (inlen bytes) at v[va, vb)
 * (shell28): the program runs sh -c 'v', so the input is judged at its
 * place in that line as in any line. An input with no byte a shell
 * reads (ma_sh_inner_bytes_w: no blank, quote, operator, expansion)
 * stays a plain word of it: passes. Else v is queued in c's join and
 * judged as a line of its own, the input searched in it. 1 fires now:
 * the input's bytes are not in v as written, or no room to queue it
 * (as ma_sh_value_line): fail closed. */
static int ma_sh_value_inner(struct ma_sh_scan *c, const char *v, size_t n, size_t va, size_t vb,
                             const char *in, size_t inlen)
{
	if (!ma_sh_inner_bytes_w(in, 0, inlen, 0))
		return 0;
	if (!c || c->in_join || va > vb || vb > n || vb - va != inlen || memcmp(v + va, in, inlen))
		return 1;
	return ma_sh_queue_value_line(c, v, n);
}

/* ma_sh_value_fires' answer on the value v (n bytes, the input in
 * (inlen bytes) at v[va, vb)) acted on: 2, the value is a line sh -c
 * runs (ma_sh_value_line); 3, the input is judged at its place in that
 * line (ma_sh_value_inner, shell28); else its own 0 or 1. */
static int ma_sh_value_judge(struct ma_sh_scan *c, int kind, int lang, const char *v, size_t n,
                             size_t va, size_t vb, const char *in, size_t inlen)
{
	size_t la = 0;
	int r = ma_sh_value_fires(kind, lang, v, n, va, vb, &la);

	if (r == 2)
		return ma_sh_value_line(c, v + la, n - la, in, inlen);
	if (r == 3)
		return ma_sh_value_inner(c, v + la, n - la, va - la, vb - la, in, inlen);
	return r;
}

static int ma_sh_is(const char *s, size_t p, size_t q, const char *lit);

/* The word [p, q) of s unquoted as the shell unquotes it into v (cap
 * bytes), the input's [a, b) mapped to [*va, *vb) (*va (size_t)-1 when
 * not in it); its length, or (size_t)-1 when it does not fit. */
static size_t ma_sh_unquote_word(const char *s, size_t p, size_t q, size_t a, size_t b, char *v,
                                 size_t cap, size_t *va, size_t *vb)
{
	size_t x = 0;

	*va = (size_t)-1;
	*vb = 0;
	for (size_t k = p, qu = 0; k < q; k++) {
		if (k == a)
			*va = x;
		if (k == b)
			*vb = x;
		if ((!qu && (s[k] == '\'' || s[k] == '"')) || (qu && s[k] == (char)qu)) {
			qu = qu ? 0 : (unsigned char)s[k];
			continue;
		}
		if (s[k] == '\\' && k + 1 < q &&
		    (!qu || (qu == '"' && strchr("$`\"\\\n", s[k + 1])))) {
			if (k + 1 == a)
				*va = x;
			if (k + 1 == b)
				*vb = x;
			k++;
		}
		if (x + 1 >= cap || !s[k])
			return (size_t)-1;
		v[x++] = s[k];
	}
	if (b >= q)
		*vb = x;
	v[x] = '\0';
	return x;
}

/* 1 when the assignment word that starts at byte p of s stands where it
 * reaches a program or the shell: the command's first words, read back
 * from p, are all assignments, or its first word is env or sudo (or a
 * path to them), export, declare, typeset, readonly or local. */
static int ma_sh_assign_reaches(const char *s, size_t p)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws, we, fs = 0, fe = 0, bs;
	int all_assign = 1, first = 0;

	while (ma_sh_rp_back(s, stop, &p, &ws, &we)) {
		fs = ws;
		fe = we;
		first = 1;
		if (!ma_sh_assign_word(s, ws, we))
			all_assign = 0;
	}
	if (!first || all_assign)
		return 1;
	for (bs = fe; bs > fs && s[bs - 1] != '/';)
		bs--;
	return ma_sh_is(s, bs, fe, "env") || ma_sh_is(s, bs, fe, "sudo") ||
	       ma_sh_is(s, fs, fe, "export") || ma_sh_is(s, fs, fe, "declare") ||
	       ma_sh_is(s, fs, fe, "typeset") || ma_sh_is(s, fs, fe, "readonly") ||
	       ma_sh_is(s, fs, fe, "local");
}

/* 1 when the input [a, b) lies in the value of an assignment to one of
 * git's variables that set a program (git(1) ENVIRONMENT, git 2.39.5)
 * before a command (GIT_PAGER='...' git log), after env or sudo, or
 * exported (export GIT_SSH_COMMAND='...'; git fetch), and the value
 * judged as git -c KEY='VALUE' is (ma_sh_value_fires, the git key the
 * variable stands for): GIT_SSH_COMMAND core.sshCommand, GIT_PAGER
 * core.pager, GIT_EDITOR core.editor, GIT_SEQUENCE_EDITOR
 * sequence.editor, GIT_EXTERNAL_DIFF diff.external (each run by sh -c: a
 * whole value the user picks is judged as sh -c 'INPUT', ma_sh_value_line;
 * an input inside the application's value fires for its separators),
 * GIT_SSH, GIT_PROXY_COMMAND, GIT_ASKPASS (a program run with no shell,
 * as core.gitProxy, core.askpass), GIT_CONFIG_GLOBAL/SYSTEM, GIT_CONFIG
 * (a configuration file, as include.path), GIT_TEMPLATE_DIR
 * (init.templateDir), GIT_EXEC_PATH (git's programs, as
 * core.hooksPath); GIT_CONFIG_KEY_n/GIT_CONFIG_VALUE_n set the key of
 * the pair as -c does (git-config(1)): KEY=VALUE with the other half
 * read from the line. Plain ones (GIT_DIR, GIT_AUTHOR_NAME,
 * GIT_SSL_NO_VERIFY) are data (review17, shell27). */
static int ma_sh_git_params(struct ma_sh_scan *c, const char *w, size_t n, size_t va, size_t vb,
                            const char *in, size_t inlen);

static int ma_sh_git_env_value(struct ma_sh_scan *c, const char *s, const struct ma_sh_lex *lx,
                               const struct ma_sh_el *e, size_t a, size_t b)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	char v[512], w[512];
	const char *key = NULL;
	size_t p = e->start, eq = p, pk = p, va, vb, n, off, x;
	int pair = 0, lessopen;

	while (eq < e->end && s[eq] != '=')
		eq++;
	if (eq >= e->end || eq > a || eq - p < 5)
		return 0;
	for (size_t k = p; k < eq; k++)
		if (!(s[k] == '_' || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9')))
			return 0;
	key = ma_sh_env_key(s + p, eq - p, &pair);
	if (!key && !pair)
		return 0;
	lessopen = s[p] == 'L';
	p += 4; /* after GIT_ (a pair's suffix is read from there) */
	if (!ma_sh_assign_reaches(s, pk))
		return 0;
	n = ma_sh_unquote_word(s, eq + 1, e->end, a, b, w, sizeof w, &va, &vb);
	if (n == (size_t)-1 || va == (size_t)-1 || vb < va)
		return 0;
	if (pair == 3)
		return ma_sh_git_params(c, w, n, va, vb, s + a, b - a);
	if (key && !strcmp(key, "tar")) {
		/* TAR_OPTIONS: the line `tar VALUE`, the input at its place
		 * (tar splits it with quotes as a shell does) */
		if (n + 4 >= sizeof v)
			return 1;
		memcpy(v, "tar ", 4);
		memcpy(v + 4, w, n + 1);
		return ma_sh_value_inner(c, v, n + 4, va + 4, vb + 4, s + a, b - a);
	}
	if (lessopen) {
		/* LESSOPEN='| lesspipe %s': the pipe says less reads the
		 * command's output; the line is what follows it */
		size_t sk = 0;
		while (sk < n && (w[sk] == '|' || w[sk] == ' ' || w[sk] == '\t'))
			sk++;
		if (sk <= va) {
			memmove(w, w + sk, n - sk + 1);
			n -= sk;
			va -= sk;
			vb -= sk;
		}
	}
	if (!pair) {
		x = strlen(key);
		if (x + 1 + n >= sizeof v)
			return 0;
		memcpy(v, key, x);
		v[x] = '=';
		memcpy(v + x + 1, w, n + 1);
		off = x + 1;
	} else {
		/* the pair's other half: GIT_CONFIG_KEY_n= or _VALUE_n= on
		 * the line (its first), read to a blank or separator */
		char other[32], half[256];
		size_t sfx = eq - (p + (pair == 1 ? 11 : 13)), ol, hn, hva, hvb, h0, h1;
		const char *o;
		ol = (size_t)snprintf(other, sizeof other,
		                      "GIT_CONFIG_%s_%.*s=", pair == 1 ? "VALUE" : "KEY", (int)sfx,
		                      s + eq - sfx);
		if (ol >= sizeof other)
			return 0;
		/* the line's bytes end at its elements' last end (the line
		 * need not end in a NUL: the fuzzer's found strstr's over-read) */
		size_t lim = e->end;
		for (int k = 0; k < lx->nel; k++)
			if (lx->el[k].end > lim)
				lim = lx->el[k].end;
		o = memmem(s, lim, other, ol);
		while (o && o > s && !stop[(unsigned char)o[-1]])
			o = memmem(o + 1, lim - (size_t)(o + 1 - s), other, ol);
		if (!o)
			return 0;
		h0 = (size_t)(o - s) + ol;
		h1 = h0;
		for (int qu = 0; h1 < lim && s[h1] && (qu || !stop[(unsigned char)s[h1]]); h1++)
			if ((s[h1] == '\'' || s[h1] == '"') && (!qu || qu == s[h1]))
				qu = qu ? 0 : s[h1];
		hn = ma_sh_unquote_word(s, h0, h1, (size_t)-1, (size_t)-1, half, sizeof half, &hva,
		                        &hvb);
		if (hn == (size_t)-1 || hn + n + 2 >= sizeof v)
			return 0;
		if (pair == 1) { /* the input in the key */
			memcpy(v, w, n);
			v[n] = '=';
			memcpy(v + n + 1, half, hn + 1);
			off = 0;
			n += hn + 1;
		} else {
			memcpy(v, half, hn);
			v[hn] = '=';
			memcpy(v + hn + 1, w, n + 1);
			off = hn + 1;
		}
	}
	x = pair == 1 ? n : off + n;
	/* GIT_PAGER='INPUT' a line; GIT_PAGER='less -INPUT' the input in it */
	return ma_sh_value_judge(c, MA_SH_VAL_GITCONF, 0, v, x, off + va, off + vb, s + a, b - a);
}

/* 1 when the input [a, b) lies in the value of an assignment (the word
 * e, NAME=VALUE, the input after the '=') to a variable whose value a
 * program runs, loads or reads as code (ma_sh_env_code: BASH_ENV,
 * LD_PRELOAD, NODE_OPTIONS, PYTHONPATH, BROWSER, SSH_ASKPASS, LESSOPEN
 * ...; shell39, review24n), where it reaches a program or the shell: the
 * command's first words (LD_PRELOAD=/tmp/x.so ls; PATH=...; ls), or a
 * word of env, sudo, export, declare, typeset, readonly or local. Any
 * input there chooses what runs (less ran LESSOPEN='|id %s', bash sourced
 * BASH_ENV's file); for the command lines ma_sh_env_key reads (PAGER,
 * EDITOR, LESSOPEN ...: judged at the input's place in the line by
 * ma_sh_git_env_value) only an input that writes the program, the value's
 * start (after LESSOPEN's '|' or '||'). LANG=C, TZ=..., a variable of
 * the application's own (NAME=VALUE) stay data. */
static int ma_sh_env_code_value(const char *s, const struct ma_sh_el *e, size_t a, size_t b)
{
	size_t p = e->start, eq = p, v;
	int code;

	while (eq < e->end && (s[eq] == '_' || (s[eq] >= 'A' && s[eq] <= 'Z') ||
	                       (s[eq] >= 'a' && s[eq] <= 'z') || (s[eq] >= '0' && s[eq] <= '9')))
		eq++;
	if (eq == p || eq >= e->end || s[eq] != '=' || eq >= a || b > e->end)
		return 0;
	code = ma_sh_env_code(s + p, eq - p);
	if (code && ma_sh_env_value_inert(s + p, eq - p, s + eq + 1, s + e->end, s + a, b - a))
		return 0;
	if (!code ||
	    (code == 3 && !ma_sh_env_opts_load(s + a, b - a, strchr(" \t='\"", s[a - 1]) != NULL)))
		return 0;
	if (code == 2) {
		/* the program: the value's first byte past quotes (and
		 * LESSOPEN's pipe) is the input's */
		size_t w;
		v = eq + 1;
		while (v < a && (s[v] == '\'' || s[v] == '"' || s[v] == '|' ||
		                 (s[p] == 'L' && (s[v] == ' ' || s[v] == '-'))))
			v++;
		if (v < a)
			return 0;
		for (w = v; w < e->end && !strchr(" \t'\"", s[w]);)
			w++;
		/* a user's editor or pager (EDITOR='code --wait'): only a
		 * shell, an interpreter, a wrapper or a path */
		if (ma_sh_env_pref(s + p, eq - p) && !ma_sh_env_prog_runs(s + v, w - v))
			return 0;
	}
	if (!ma_sh_assign_reaches(s, p))
		return 0;
	/* an assignment with no command after it stays in the shell (not
	 * exported: BASH_ENV='...'; bash -c ls), but the shell's own
	 * variables (PATH, FPATH, PROMPT_COMMAND, SHELLOPTS, BASHOPTS) or one export, env, declare
	 * ... names */
	for (v = e->end; s[v] == ' ' || s[v] == '\t';)
		v++;
	if (!strchr(";&|\n", s[v]) && s[v])
		return 1;
	for (v = p; v > 0 && (s[v - 1] == ' ' || s[v - 1] == '\t');)
		v--;
	if (v > 0 && !strchr(";&|\n(", s[v - 1]))
		return 1; /* after export, env, sudo, declare ... */
	return ma_sh_is(s, p, eq, "PATH") || ma_sh_is(s, p, eq, "FPATH") ||
	       ma_sh_is(s, p, eq, "PROMPT_COMMAND") || ma_sh_is(s, p, eq, "SHELLOPTS") ||
	       ma_sh_is(s, p, eq, "BASHOPTS");
}

/* GIT_CONFIG_PARAMETERS's value w (n bytes, unquoted by the shell), the
 * input in (inlen bytes) at w[va, vb): git's list of single-quoted pairs
 * ('key=value', 'key'='value' or 'key'=, a quote inside written '\'',
 * git 2.39's parse_config_env_list), read pair by pair by
 * ma_sh_git_param_next (the argv check's reader too, shell31), the
 * pair holding the input judged as git -c reads it (ma_sh_value_fires,
 * shell29). An input with a quote or backslash of its own writes
 * pairs, and one outside a quoted part (or after the list's syntax
 * breaks) the list's syntax: fires (fail closed). */
static int ma_sh_git_params(struct ma_sh_scan *c, const char *w, size_t n, size_t va, size_t vb,
                            const char *in, size_t inlen)
{
	char v[512];
	size_t pos = 0;
	struct ma_sh_git_param gp;

	if (vb > n || memchr(w + va, '\'', vb - va) || memchr(w + va, '\\', vb - va))
		return 1;
	while (ma_sh_git_param_next(w, n, &pos, va, vb, v, sizeof v, &gp))
		if (gp.ia != (size_t)-1)
			return gp.full ? 1
			               : ma_sh_value_judge(c, MA_SH_VAL_GITCONF, 0, v, gp.len,
			                                   gp.ia, gp.ib, in, inlen);
	return 1;
}

/* 1 when curl's option name (nlen bytes) reads the file its value v +
 * off names (ma_sh_curl_file: -d '@F', -F 'x=@F') and the input v[va,
 * vb) brings that '@' or '<': it starts at or before the value's start
 * and covers it, or it starts at it (as the argv check's
 * ma_sh_at_marker; shell37). */
static int ma_sh_curl_brings(const struct ma_sh_prog_opts *po, const char *name, size_t nlen,
                             const char *v, size_t off, size_t va, size_t vb)
{
	size_t m;

	if (!nlen || strcmp(po->prog, "curl"))
		return 0;
	m = ma_sh_curl_file(name, nlen, v + off);
	return m && ((va <= off && vb >= off + m) || (va == off + m - 1 && vb > va));
}

/* 1 when the input [a, b) lies in the value of an option the application
 * wrote (shell23): attached to its word after the option's name (sed
 * -e'1e INPUT', ssh -o'User=INPUT', zip -TT'INPUT') or the whole next
 * word (tar --to-command 'INPUT', zip -TT 'INPUT', ssh -o 'INPUT', git
 * -c 'INPUT', sed -e 'INPUT'), or in sed's script operand (no -e/-f
 * before it, sed or an option the word before), and the value judged as
 * the argv check judges it fires (ma_sh_value_fires: a command line the
 * input names or adds an option to, or holding the input's separators;
 * an ssh -o keyword or git -c key of the deny-lists; a wgetrc command
 * that is not plain; a sed script with e or w). An input that is a
 * whole command line a shell runs (tar -I 'INPUT', git -c
 * core.pager='INPUT') is judged as sh -c 'INPUT' is (ma_sh_value_line,
 * queued in c when not NULL); one a program splits without a shell
 * (rsync -e 'INPUT', scp -S) only picks the program: passes (session 24,
 * the lead's decision). */
static int ma_sh_option_value(struct ma_sh_scan *c, const char *s, const struct ma_sh_lex *lx,
                              int e0, size_t a, size_t b)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	const struct ma_sh_el *e;
	size_t pws = 0, pwe = 0, pk;
	int pe = 0;
	const struct ma_sh_prog_opts *po;
	const char *name;
	size_t p, q, x = 0, va = (size_t)-1, vb = 0, nlen = 0, val = 0, off = 0;
	char prog[16], o[48], v[512];
	int kind = 0, lang = 0, first = 0, rd;

	if (e0 >= lx->nel || !ma_sh_valid(lx))
		return 0;
	e = &lx->el[e0];
	if (e->kind != MA_SH_WORD || e->start > a || e->end < b)
		return 0;
	if ((s[e->start] >= 'A' && s[e->start] <= 'Z') || s[e->start] == '_' ||
	    s[e->start] == 'n') {
		/* NAME=VALUE of ma_sh_env_key's (GIT_PAGER, EDITOR ...), and
		 * of the variables whose value runs or loads (ma_sh_env_code) */
		size_t k = e->start;
		int pair;
		while (k < e->end && (s[k] == '_' || (s[k] >= 'A' && s[k] <= 'Z') ||
		                      (s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9')))
			k++;
		if (k < e->end && s[k] == '=') {
			/* ssh -o ProxyCommand=..., a NAME= of no table: on below */
			if (ma_sh_env_key(s + e->start, k - e->start, &pair) || pair)
				return ma_sh_git_env_value(c, s, lx, e, a, b) ||
				       ma_sh_env_code_value(s, e, a, b);
			if (ma_sh_env_code_value(s, e, a, b))
				return 1;
		}
	}
	/* cheap first (session 24: the look for "sed" 256 bytes back cost
	 * sh-nested 22 %): an option word here, or the word just before (read
	 * from the text: the window starts at the input) an option or sed */
	{
		size_t k = e->start;
		while (k < e->end && (s[k] == '\'' || s[k] == '"'))
			k++;
		first = k < e->end && s[k] == '-';
		pk = e->start;
		if (!first) {
			if (!ma_sh_rp_back(s, stop, &pk, &pws, &pwe))
				return 0;
			k = pws;
			while (k < pwe && (s[k] == '\'' || s[k] == '"'))
				k++;
			pe = k + 1 < pwe && s[k] == '-';
			/* sed's script operand: sed (or a path to it) just before,
			 * or an option's value (sed -l 80 'SCRIPT') */
			if (!pe && !ma_sh_is(s, pws, pwe, "sed") &&
			    !(pwe - pws > 4 && s[pwe - 4] == '/' &&
			      !memcmp(s + pwe - 3, "sed", 3))) {
				size_t k2 = pws, w2s, w2e;
				if (!ma_sh_rp_back(s, stop, &k2, &w2s, &w2e) || s[w2s] != '-')
					return 0;
			}
		}
	}
	if (!ma_sh_text_name(s, e->start, &p, &q) || q - p >= sizeof prog)
		return 0;
	memcpy(prog, s + p, q - p);
	prog[q - p] = '\0';
	if (!first && !pe && strcmp(prog, "sed"))
		return 0;
	po = ma_sh_prog_find(prog);
	if (!po)
		return 0;
	po = ma_sh_git_sub_po(po, s, q, first ? e->start : pws);
	/* the word unquoted as the shell unquotes it (a backslash escapes
	 * outside quotes, in double quotes only before $ ` " \ and a line
	 * break, never in single quotes: review16, sed -n '/x\/y/!e CMD'),
	 * the input's bytes mapped into it */
	for (size_t k = e->start, qu = 0; k < e->end; k++) {
		if (k == a)
			va = x;
		if (k == b)
			vb = x;
		if ((!qu && (s[k] == '\'' || s[k] == '"')) || (qu && s[k] == (char)qu)) {
			qu = qu ? 0 : (unsigned char)s[k];
			continue;
		}
		if (s[k] == '\\' && k + 1 < e->end &&
		    (!qu || (qu == '"' && strchr("$`\"\\\n", s[k + 1])))) {
			if (k + 1 == a)
				va = x;
			if (k + 1 == b)
				vb = x;
			k++;
		}
		if (x + 1 >= sizeof v || !s[k])
			return 0;
		v[x++] = s[k];
	}
	if (b >= e->end)
		vb = x;
	v[x] = '\0';
	if (va == (size_t)-1 || vb < va)
		return 0;
	if (first) {
		rd = ma_sh_opt_read(po, v, &name, &nlen, &val);
		ma_sh_sed_long(po, v, &name, &nlen, &val, &rd);
		if (!nlen || !val)
			return 0;
		/* an input that brings the option's name is ma_sh_whole_option's,
		 * but curl's -d@FILE (the input brings the '@' with it) */
		if (va < val)
			return ma_sh_curl_brings(po, name, nlen, v, val, va, vb);
		off = val;
	} else if (pe) {
		struct ma_sh_el pel = {(uint32_t)pws, (uint32_t)pwe, 0, 0, MA_SH_WORD};
		if (!ma_sh_el_copy(s, &pel, o, sizeof o) || ma_sh_after_dashdash(s, lx, e0))
			return 0;
		rd = ma_sh_opt_read(po, o, &name, &nlen, &val);
		ma_sh_sed_long(po, o, &name, &nlen, &val, &rd);
		if (!nlen || !(rd & MA_SH_OPT_NEXT))
			pe = 0; /* a flag (sed -n): maybe sed's script operand */
	}
	if (!first && !pe) {
		if (strcmp(po->prog, "sed"))
			return 0;
		/* sed's first operand, when no option before gave the script */
		if (!ma_sh_sed_operand(s, e->start))
			return 0;
		if (va == 0 && vb == x) /* the whole script: the user's pick */
			return ma_sh_sed_whole_fires(v, x);
		return ma_sh_sed_input_runs(v, x, va, vb);
	}
	if (ma_sh_curl_brings(po, name, nlen, v, off, va, vb))
		return 1;
	kind = ma_sh_value_kind_of(po, name, nlen, &lang);
	if (kind == MA_SH_VAL_CMD && !strcmp(po->prog, "python"))
		return 0; /* python -m MODULE: an import, no shell line */
	if (kind == MA_SH_VAL_CMD) {
		int sh = ma_sh_value_shell(po, name, nlen);
		if (sh < 0 && nlen == 19 && !memcmp(name, "--checkpoint-action", 19)) {
			/* tar's exec=CMD (tar 1.34: /bin/sh -c CMD, shell29);
			 * its other actions (dot, echo=TEXT, sleep=N ...) run
			 * nothing; an input that writes exec= picks the action */
			if (x - off < 5 || memcmp(v + off, "exec=", 5))
				return 0;
			if (va < off + 5)
				return 1;
			off += 5;
			sh = 1;
		}
		if (va == off && vb == x && sh >= 0) {
			/* the whole command line, the user's to pick: a shell's
			 * read as sh -c 'INPUT' is; one split without a shell
			 * (rsync -e) picks the program and its words only */
			return sh ? ma_sh_value_line(c, v + off, x - off, s + a, b - a) : 0;
		}
		if (sh > 0) {
			/* inside the application's line a shell runs (tar -I,
			 * --to-command, man -P ...): read at its place in that
			 * line (shell28's reading, shell29): quoted there, its
			 * separators are data */
			if (ma_sh_value_inner(c, v + off, x - off, va - off, vb - off, s + a,
			                      b - a))
				return 1;
		} else {
			/* the input's own separators, substitutions or
			 * redirections in a value split without a shell (fail
			 * closed: the program may hand a word to one) */
			for (size_t k = va; k < vb; k++)
				if (strchr(";&|`$<>()\n", v[k]))
					return 1;
		}
	} else if (kind == MA_SH_VAL_SQL || !kind) {
		/* a client's statement: the script check's (ma_shell_sqlcli.c) */
		return 0;
	} else if ((kind == MA_SH_VAL_CODE || kind == MA_SH_VAL_EX) && va == off && vb == x) {
		/* the whole program or Ex command the input's: the script
		 * check's (a program's own text looks alike: node -e
		 * "console.log(...)"), but a command line the program hands a
		 * shell, read as sh -c 'INPUT' is (the user picks it whole):
		 * one with an operator or a substitution fires (shellfix3:
		 * perl -e 'system("ls; id")'; print 1+1, system("ls") pass) */
		struct ma_sh_whole_code wc = {v + off};
		return kind == MA_SH_VAL_CODE &&
		       ma_sh_code_shell_strings(lang, v + off, x - off, ma_sh_whole_code_line, &wc);
	} else if (kind == MA_SH_VAL_FILE && strcmp(po->prog, "curl") && strcmp(po->prog, "wget")) {
		/* a file read as code or configuration (node -r, sed -f):
		 * the argv check's; in a line only what curl and wget send */
		return 0;
	}
	/* code (perl -e, python -c), Ex and gdb commands, expect's Tcl, a
	 * file the option reads or sends: judged as the argv check judges
	 * the same element (ma_sh_value_fires; shell37) */
	if (kind == MA_SH_VAL_GITCONF && pe) {
		/* git's -c before its subcommand (git commit -c COMMIT): every
		 * word between the name and the option an option or the value
		 * of -C, -c */
		size_t w0, w1;
		if (ma_sh_git_sub_word(s, q, pws, &w0, &w1))
			return 0;
	}
	/* ssh -o ProxyCommand='INPUT', git -c core.pager='INPUT' a line; git
	 * -c core.pager='less -INPUT' the input in it */
	return ma_sh_value_judge(c, kind, lang, v + off, x - off, va - off, vb - off, s + a, b - a);
}

static int ma_sh_stdin_shell(const char *s, const size_t *ws, const size_t *we, int n, int ended);
static int ma_sh_wrapped_stdin(const char *s, const size_t *ws, const size_t *we, int n, int depth);

/* 1 when the command of the words ws/we[from, n) (nearest first, as
 * ma_sh_rp_back reads them, back to the command's start), then the words
 * fws/fwe (nf of them, in order, after them; ended: the command ends
 * after those; -1: it ends, also read through a wrapper), is a shell that reads its script from
 * standard input (ma_sh_stdin_shell). Redirections are skipped ("2>/dev/null", "2>" and its target,
 * "<", "0<"). */
static int ma_sh_back_stdin_shell_f(const char *s, const size_t *ws, const size_t *we, int from,
                                    int n, const size_t *fws, const size_t *fwe, int nf, int ended)
{
	size_t ows[MA_SH_RP_WORDS + 4], owe[MA_SH_RP_WORDS + 4];
	int m = 0, skip = 0;

	for (int i = n - 1; i >= from; i--) {
		size_t p = ws[i], q = we[i], k = p;
		if (skip) {
			skip = 0;
			continue;
		}
		while (k < q && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k < q && (s[k] == '<' || s[k] == '>')) {
			size_t r = k;
			while (r < q && (s[r] == '<' || s[r] == '>' || s[r] == '&' || s[r] == '|'))
				r++;
			skip = r == q; /* "2>": its target is the next word */
			continue;
		}
		if (m == MA_SH_RP_WORDS + 4)
			return 0;
		ows[m] = p;
		owe[m++] = q;
	}
	for (int i = 0; i < nf && m < MA_SH_RP_WORDS + 4; i++) {
		ows[m] = fws[i];
		owe[m++] = fwe[i];
	}
	/* ended < 0 (a process substitution as the standard input): also
	 * through su, runuser, sudo -s or env -S (review17: su root <
	 * <(echo '...') ran it, as bash < <(...) does) */
	return m > 0 && (ma_sh_stdin_shell(s, ows, owe, m, ended != 0) ||
	                 (ended < 0 && ma_sh_wrapped_stdin(s, ows, owe, m, 0)));
}

static int ma_sh_back_stdin_shell(const char *s, const size_t *ws, const size_t *we, int from,
                                  int n, int ended)
{
	return ma_sh_back_stdin_shell_f(s, ws, we, from, n, NULL, NULL, 0, ended);
}

/* 1 when the quoted word that starts at w0 in s is a command line a
 * shell reads again (parses and runs): read from the words before it,
 * back to its command's start (a ; & | newline ( or backtick):
 * - an argument of eval, which joins its arguments (eval 'ls x', eval --
 *   '...', eval echo '...': within its first three, or further when eval
 *   is its command's name: eval echo a b c '...');
 * - the action of trap (trap '...' EXIT, trap -- '...'), a command line
 *   of watch (watch -n 5 '...': sh -c), options only between;
 * - the first operand after a shell's options when one of them holds c
 *   (sh -c, bash -lc, bash -c -x --, bash -o errexit -c; the shell right
 *   before its options: sudo sh -c, busybox ash -c, env A=1 bash -c, but
 *   not busybox ls -lc nor bash ./run.sh -c, whose options ended at the
 *   script), and the value of -c or --command after su, runuser, flock
 *   and script earlier in the command (su - www -c, flock /tmp/l -c:
 *   flock's file first, script -qc);
 * - the value of -C (a cluster that ends with C) after mapfile,
 *   readarray and compgen: a callback bash runs as a command (not
 *   complete's, run only at completion in an interactive shell);
 * - a here-string given to a shell with no script (bash <<< '...', sh -s
 *   <<< '...') or to . /dev/stdin;
 * - with attached (the quote attached to the option word right before
 *   it: su -c'...', su -lc'...', --command='...', mapfile -C'...'), only
 *   su's, runuser's and script's -c and the callbacks' -C: a shell reads
 *   -c'...' as a cluster of options, flock takes -c only as a word;
 * - a word of ssh's remote command (ma_sh_rp_ssh), ssh its command's
 *   name: *ssh_from (when not NULL) is set to where the remote command
 *   starts.
 * Options that take a value (-o errexit, -n 5, -u www, --rcfile FILE,
 * -n1 ...) are skipped with it. *
 * 2 (not 1) when the word is a here-string of a shell (bash <<< '...',
 * sudo bash <<< '...'): the words after it may still name a script
 * file that the shell runs instead (ma_sh_reparses_at). */
/* 1 when the quoted word at w0 (words ws/we before it, nall of them
 * nearest first, read back to its command's start) is a command line of
 * a runner that hands one to a shell, named as its command
 * (ma_sh_rp_names):
 * - socat's SYSTEM:'...' address (socat(1): /bin/sh -c; EXEC: splits
 *   it into words);
 * - screen's -X stuff '...' (typed into the window's shell);
 * - tmux -c '...' (tmux's own -c: a shell-command, tmux(1));
 * - env -S '...' / --split-string (split into words and run: env -S
 *   'sh -c "..."');
 * - salt's execution modules that run a shell line (salt '*' cmd.run
 *   '...', cmd.shell, cmd.run_all ...; salt-call, salt-ssh);
 * - pdsh, clush, pssh, parallel-ssh: the remote command's first word
 *   after their options (pdsh -w web[1-3] '...'; an option's value, pdsh
 *   -w '...', is data; their flags -b -B -d -i -L -N -P -q -S -v);
 * - a here-string given to at or batch (at now <<< '...': the job's
 *   commands are read from standard input; not with -f FILE);
 * - Fabric's remote command after "--" (fab -H web1 -- '...'). */
/* 1 when the word at w of s, NAME='...' (its name [w, nq)), is salt's
 * keyword argument that holds a command a shell runs: cmd= or name= of
 * a function that runs one (the execution modules cmd.run, cmd.shell
 * ... cmd.run_chroot; the states cmd.run and cmd.wait after state.single,
 * whose name is the command), keyword arguments between, salt, salt-call
 * or salt-ssh its command's name (salt '*' state.single cmd.run
 * name='...'). Read from the text (the window starts at the input). */
static int ma_sh_salt_kwarg(const char *s, size_t w, size_t nq)
{
	static const struct ma_sh_lit salt[] = {MA_SH_LIT("salt"), MA_SH_LIT("salt-call"),
	                                        MA_SH_LIT("salt-ssh")};
	static const char runs[] = "cmd.run cmd.shell cmd.run_all cmd.run_stdout cmd.run_stderr "
	                           "cmd.run_bg cmd.retcode cmd.exec_code_all cmd.powershell "
	                           "cmd.run_chroot cmd.wait";
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k = w;
	int n = 0, fn = -1;

	if (!((nq - w == 3 && !memcmp(s + w, "cmd", 3)) ||
	      (nq - w == 4 && !memcmp(s + w, "name", 4))))
		return 0;
	while (n < MA_SH_RP_WORDS && ma_sh_rp_back(s, stop, &k, &ws[n], &we[n]))
		n++;
	if (n == MA_SH_RP_WORDS)
		return 0;
	for (int j = 0; j < n; j++) {
		if (fn < 0 && ma_sh_in_words(runs, s + ws[j], we[j] - ws[j]))
			fn = j;
		else if (fn < 0 && memchr(s + ws[j], '=', we[j] - ws[j]))
			continue; /* another keyword argument, or run_chroot's root= */
		else if (fn < 0 && j == 1 && ma_sh_in_words(runs, s + ws[0], we[0] - ws[0]))
			continue;
		if (fn >= 0 && ma_sh_base_in(s, ws[j], we[j], salt, 3))
			return ma_sh_rp_names(s, ws, we, n, j, 1);
		if (fn < 0 && j > 0)
			return 0; /* a positional argument before the function */
	}
	return 0;
}

/* Where the text of screen's stuff starts inside the quoted word at w0
 * (words ws/we before it, nall, nearest first, back to its command's
 * start), when the word is an argument of screen -X eval (screen(1):
 * each argument a screen command; stuff types its text into the
 * window's shell: screen -X eval 'stuff "make\n"'); 0 for any other
 * word or screen command. */
static size_t ma_sh_rp_screen_eval(const char *s, size_t w0, const size_t *ws, const size_t *we,
                                   int nall)
{
	size_t k = w0;

	if (nall < 3 || !ma_sh_is(s, ws[0], we[0], "eval") || !ma_sh_is(s, ws[1], we[1], "-X") ||
	    (s[k] != '\'' && s[k] != '"'))
		return 0;
	for (k++; s[k] == ' ' || s[k] == '\t'; k++)
		;
	if (strncmp(s + k, "stuff", 5) || (s[k + 5] != ' ' && s[k + 5] != '\t'))
		return 0;
	for (k += 5; s[k] == ' ' || s[k] == '\t'; k++)
		;
	for (int j = 2; j < nall; j++)
		if (ma_sh_base_in(s, ws[j], we[j], (const struct ma_sh_lit[]){MA_SH_LIT("screen")},
		                  1))
			return ma_sh_rp_names(s, ws, we, nall, j, 1) ? k : 0;
	return 0;
}

static int ma_sh_rp_runners(const char *s, size_t w0, const size_t *ws, const size_t *we, int nall)
{
	static const struct ma_sh_lit salt[] = {MA_SH_LIT("salt"), MA_SH_LIT("salt-call"),
	                                        MA_SH_LIT("salt-ssh")};
	static const char rsh[] = "pdsh clush pssh parallel-ssh";
	static const struct ma_sh_lit at[] = {MA_SH_LIT("at"), MA_SH_LIT("batch")};
	static const char salt_runs[] =
	    "cmd.run cmd.shell cmd.run_all cmd.run_stdout "
	    "cmd.run_stderr cmd.run_bg cmd.retcode cmd.exec_code_all cmd.powershell";
	int j;

	if (nall < 1)
		return 0;
	if (s[w0] == '\'' || s[w0] == '"')
		w0++; /* 'SYSTEM:...' quoted whole */
	for (j = 0; j < 7 && s[w0 + j] && (s[w0 + j] | 0x20) == "system:"[j]; j++)
		;
	if (j == 7) {
		for (j = 0; j < nall; j++)
			if (ma_sh_base_in(s, ws[j], we[j],
			                  (const struct ma_sh_lit[]){MA_SH_LIT("socat")}, 1))
				return ma_sh_rp_names(s, ws, we, nall, j, 1);
		return 0;
	}
	if (nall >= 2 && ma_sh_is(s, ws[0], we[0], "-c"))
		for (j = 1; j < nall; j++) {
			/* tmux's (or byobu's) own options and their values between */
			if (ma_sh_base_in(
			        s, ws[j], we[j],
			        (const struct ma_sh_lit[]){MA_SH_LIT("tmux"), MA_SH_LIT("byobu")},
			        2))
				return ma_sh_rp_names(s, ws, we, nall, j, 1);
			if (ma_sh_rp_option(s, ws[j], we[j]))
				continue;
			if (!(j + 1 < nall && we[j + 1] - ws[j + 1] == 2 && s[ws[j + 1]] == '-' &&
			      strchr("LSfT", s[ws[j + 1] + 1])))
				break;
			j++;
		}
	/* adb's remote command (adb [-s SERIAL] shell '...'), gcloud
	 * compute ssh's after "--" (handed to ssh) */
	if (nall >= 2 && (ma_sh_is(s, ws[0], we[0], "shell") || ma_sh_is(s, ws[0], we[0], "--")))
		for (j = 1; j < nall; j++)
			if (ma_sh_base_in(s, ws[j], we[j],
			                  ma_sh_is(s, ws[0], we[0], "shell")
			                      ? (const struct ma_sh_lit[]){MA_SH_LIT("adb")}
			                      : (const struct ma_sh_lit[]){MA_SH_LIT("gcloud")},
			                  1))
				return (ma_sh_is(s, ws[0], we[0], "shell") ||
				        (j >= 2 && ma_sh_is(s, ws[j - 2], we[j - 2], "ssh"))) &&
				       ma_sh_rp_names(s, ws, we, nall, j, 1);
	if (nall >= 2 && ma_sh_is(s, ws[0], we[0], "-c") &&
	    ma_sh_base_in(s, ws[1], we[1], (const struct ma_sh_lit[]){MA_SH_LIT("tmux")}, 1))
		return ma_sh_rp_names(s, ws, we, nall, 1, 1);
	if (nall >= 2 &&
	    (ma_sh_is(s, ws[0], we[0], "-S") || ma_sh_is(s, ws[0], we[0], "--split-string")) &&
	    ma_sh_base_in(s, ws[1], we[1], (const struct ma_sh_lit[]){MA_SH_LIT("env")}, 1))
		return ma_sh_rp_names(s, ws, we, nall, 1, 1);
	if (nall >= 3 && ma_sh_is(s, ws[0], we[0], "stuff"))
		for (j = 1; j < nall; j++)
			if (ma_sh_base_in(s, ws[j], we[j],
			                  (const struct ma_sh_lit[]){MA_SH_LIT("screen")}, 1))
				return ma_sh_is(s, ws[1], we[1], "-X") &&
				       ma_sh_rp_names(s, ws, we, nall, j, 1);
	/* cmd.exec_code SHELL '...': code a shell runs (review23) */
	if (nall >= 3 &&
	    (ma_sh_is(s, ws[1], we[1], "cmd.exec_code") ||
	     ma_sh_is(s, ws[1], we[1], "cmd.exec_code_all")) &&
	    ma_sh_base_in(s, ws[0], we[0],
	                  (const struct ma_sh_lit[]){MA_SH_LIT("sh"), MA_SH_LIT("bash"),
	                                             MA_SH_LIT("dash"), MA_SH_LIT("zsh"),
	                                             MA_SH_LIT("ksh")},
	                  5)) {
		for (j = 2; j < nall; j++)
			if (ma_sh_base_in(s, ws[j], we[j], salt, 3))
				return ma_sh_rp_names(s, ws, we, nall, j, 1);
		return 0;
	}
	/* cmd.run_chroot ROOT '...': its command after the root */
	if (nall >= 3 && ma_sh_is(s, ws[1], we[1], "cmd.run_chroot") &&
	    !memchr(s + ws[0], '=', we[0] - ws[0])) {
		for (j = 2; j < nall; j++)
			if (ma_sh_base_in(s, ws[j], we[j], salt, 3))
				return ma_sh_rp_names(s, ws, we, nall, j, 1);
		return 0;
	}
	if (nall >= 2 && ma_sh_in_words(salt_runs, s + ws[0], we[0] - ws[0])) {
		for (j = 1; j < nall; j++)
			if (ma_sh_base_in(s, ws[j], we[j], salt, 3))
				return ma_sh_rp_names(s, ws, we, nall, j, 1);
		return 0;
	}
	if (nall >= 2 && ma_sh_is(s, ws[0], we[0], "--") &&
	    ma_sh_base_in(s, ws[nall - 1], we[nall - 1],
	                  (const struct ma_sh_lit[]){MA_SH_LIT("fab")}, 1))
		return ma_sh_rp_names(s, ws, we, nall, nall - 1, 1);
	if (ma_sh_is(s, ws[0], we[0], "<<<")) {
		for (j = 1; j < nall; j++) {
			if (ma_sh_is(s, ws[j], we[j], "-f"))
				return 0;
			if (ma_sh_word_in(s, ws[j], we[j], at, 2))
				return ma_sh_rp_names(s, ws, we, nall, j, 1);
		}
		return 0;
	}
	/* pdsh and the like: options and their values back to the runner */
	for (j = 0; j < nall; j++) {
		int opt = ma_sh_rp_option(s, ws[j], we[j]);
		size_t b = we[j];
		while (b > ws[j] && s[b - 1] != '/')
			b--;
		if (ma_sh_in_words(rsh, s + b, we[j] - b))
			return j > 0 && ma_sh_rp_names(s, ws, we, nall, j, 1);
		if (opt && !(we[j] - ws[j] == 2 && strchr("bBdiLNPqSv", s[ws[j] + 1])))
			return 0; /* the quote or the word after is its value */
		if (!opt && !(j + 1 < nall && ma_sh_rp_option(s, ws[j + 1], we[j + 1])))
			return 0;
		if (!opt)
			j++;
	}
	return 0;
}

/* 1 when the word [p, q) of s names an ansible module that hands its
 * argument to a shell (shell, raw, win_shell's PowerShell, also as
 * ansible.builtin.*, ansible.legacy.*, ansible.windows.*), 0 another. */
static int ma_sh_ansible_shell_mod(const char *s, size_t p, size_t q)
{
	if (q - p > 16 &&
	    (!memcmp(s + p, "ansible.builtin.", 16) || !memcmp(s + p, "ansible.windows.", 16)))
		p += 16;
	else if (q - p > 15 && !memcmp(s + p, "ansible.legacy.", 15))
		p += 15;
	return ma_sh_is(s, p, q, "shell") || ma_sh_is(s, p, q, "raw") ||
	       ma_sh_is(s, p, q, "win_shell") || ma_sh_is(s, p, q, "script");
}

/* The module named by -m/--module-name after the quoted word at w0, to
 * its command's end (ansible web -a '...' -m shell: ansible reads its
 * options in any order, the last -m wins): 1 shell or raw, 0 another
 * module or none (command, the default). */
static int ma_sh_ansible_mod_after(const char *s, size_t w0)
{
	size_t k = w0 + 1, p;
	char q = s[w0];
	int mod = 0, want = 0;

	if (q != '\'' && q != '"')
		return 0;
	while (s[k] && s[k] != q)
		k += (q == '"' && s[k] == '\\' && s[k + 1]) ? 2 : 1;
	if (!s[k])
		return 0;
	k++;
	for (int w = 0; w < 32; w++) {
		while (s[k] == ' ' || s[k] == '\t')
			k++;
		if (!s[k] || strchr(";&|\n)`", s[k]))
			break;
		p = k;
		while (s[k] && !strchr(" \t;&|\n)`", s[k]))
			k++;
		if (want)
			mod = ma_sh_ansible_shell_mod(s, p, k);
		want = ma_sh_is(s, p, k, "-m") || ma_sh_is(s, p, k, "--module-name");
		if (k - p > 2 && !memcmp(s + p, "-m", 2) && s[p + 2] != '-')
			mod = ma_sh_ansible_shell_mod(s, p + 2, k);
		else if (k - p > 14 && !memcmp(s + p, "--module-name=", 14))
			mod = ma_sh_ansible_shell_mod(s, p + 14, k);
	}
	return mod;
}

static int ma_sh_reparses(const char *s, size_t w0, int attached, size_t *ssh_from);

/* 1 when the word [p, q) of s names GNU parallel or a program that
 * takes its command template (sem, env_parallel), 2 parset (its first
 * operand names variables), after its last '/'; else 0. */
static int ma_sh_parallel_word(const char *s, size_t p, size_t q)
{
	size_t b = q;

	while (b > p && s[b - 1] != '/')
		b--;
	if (ma_sh_is(s, b, q, "parset"))
		return 2;
	return ma_sh_is(s, b, q, "parallel") || ma_sh_is(s, b, q, "sem") ||
	       ma_sh_is(s, b, q, "env_parallel");
}

/* Nonzero when the quoted word at w0 is read by GNU parallel (parallel(1),
 * 20221122; also sem, env_parallel and parset, whose first operand
 * names variables: parset; word p of ws/we, nearest first, names the
 * command) as a command line: 2 for a word of its command template (the words
 * after its options up to ::: / :::: or the end: parallel joins them
 * with blanks and runs the result with a shell, so `parallel gzip 'a;
 * b'` runs b; with -q/--quote each template word stays one word), the
 * value of --limit (a command run before each job), or an argument after
 * ::: or :::+ that the template runs: no template (parallel ::: 'CMD'
 * runs each argument), a template whose first word holds a replacement
 * string (parallel '{} x' leaves it unquoted, parallel(1)), or one that
 * hands its last argument to a shell (parallel sh -c ::: '...', parallel
 * eval ::: '...', parallel ssh host ::: '...': the template with the
 * argument after it, or at its first replacement string, read by
 * ma_sh_reparses; 1), as are the values of --limit, --ssh and -S /
 * --sshlogin (an sshlogin may name its ssh command: -S 'ssh -p 22 h').
 * An argument after :::: names a file; one given to a template as data
 * (parallel gzip ::: 'a; b', parallel echo {} ::: ...) is quoted by
 * parallel: 0. With from, a template word sets *from to the template's
 * first word (its words joined: parallel echo x\; id runs id). */
static __attribute__((noinline)) int ma_sh_rp_parallel(const char *s, const size_t *ws,
                                                       const size_t *we, int p, int parset,
                                                       size_t w0, size_t *from)
{
	int i = p - 1, quote = 0, tfirst, sep = -1, near = -1, r;
	char buf[512];
	size_t n;

	/* its options, each value with its option */
	for (; i >= 0 && we[i] - ws[i] >= 2 && s[ws[i]] == '-'; i--) {
		if (ma_sh_is(s, ws[i], we[i], "--")) {
			i--;
			break;
		}
		if (ma_sh_is(s, ws[i], we[i], "-q") || ma_sh_is(s, ws[i], we[i], "--quote"))
			quote = 1;
		if (ma_sh_parallel_value_opt(s + ws[i], we[i] - ws[i])) {
			/* the quote is this option's value: a command line for
			 * --limit, --ssh and an sshlogin (-S 'ssh -p 22 host') */
			if (i == 0)
				return ma_sh_is(s, ws[0], we[0], "--limit") ||
				       ma_sh_is(s, ws[0], we[0], "--ssh") ||
				       ma_sh_is(s, ws[0], we[0], "-S") ||
				       ma_sh_is(s, ws[0], we[0], "--sshlogin");
			i--;
		}
	}
	if (parset && i-- < 0)
		return 0; /* parset's variable names */
	if (i < 0) {
		/* the quote is the template's first word */
		if (quote)
			return 0;
		if (from)
			*from = w0;
		return 2;
	}
	tfirst = i;
	for (; i >= 0; i--)
		if (we[i] - ws[i] >= 3 && !memcmp(s + ws[i], ":::", 3)) {
			if (sep < 0)
				sep = i;
			near = i;
		}
	if (sep < 0) {
		/* a word of the template: 2, the template's words from *from
		 * on joined as parallel joins them */
		if (quote)
			return 0;
		if (from)
			*from = ws[tfirst];
		return 2;
	}
	if (we[near] - ws[near] >= 4 && s[ws[near] + 3] == ':')
		return 0; /* :::: FILE */
	if (tfirst == sep || memchr(s + ws[tfirst], '{', we[tfirst] - ws[tfirst]))
		return 1;
	/* the template to its first replacement string, the argument
	 * there: what a shell reads of it (parallel in it is not read
	 * again: each level would hold a copy) */
	for (i = tfirst - 1; i > sep && s[ws[i]] != '{'; i--)
		;
	n = we[i + 1] - ws[tfirst];
	if (n + 5 > sizeof buf || memmem(s + ws[tfirst], n, "parallel", 8))
		return 0;
	memcpy(buf, s + ws[tfirst], n);
	memcpy(buf + n, " 'x'", 5);
	r = ma_sh_reparses(buf, n + 1, 0, NULL);
	return r == 1;
}

/* 1 when the word that starts at w0 is a word of GNU parallel's command
 * template (ma_sh_rp_parallel's 2), its command read back to its start. */
static int ma_sh_parallel_template_at(const char *s, size_t w0)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k = w0;
	int n = 0;

	while (ma_sh_rp_back(s, stop, &k, &ws[n], &we[n])) {
		ma_sh_rp_unquote(s, &ws[n], &we[n]);
		if (++n == MA_SH_RP_WORDS)
			return 0;
	}
	for (int i = 0; i < n; i++) {
		int pf = ma_sh_parallel_word(s, ws[i], we[i]);
		if (pf)
			return ma_sh_rp_names(s, ws, we, n, i, 1) &&
			       ma_sh_rp_parallel(s, ws, we, i, pf == 2, w0, NULL) == 2;
	}
	return 0;
}

/* 1 when the word that starts at w0 is ansible's -a/--args value (the
 * option right before it, ansible the command) or holds it attached
 * (--args=..., -a...). */
static int ma_sh_ansible_arg_at(const char *s, size_t w0)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k = w0;
	int n = 0, att = !strncmp(s + w0, "--args=", 7) || !strncmp(s + w0, "-a", 2);

	while (ma_sh_rp_back(s, stop, &k, &ws[n], &we[n])) {
		ma_sh_rp_unquote(s, &ws[n], &we[n]);
		if (++n == MA_SH_RP_WORDS)
			return 0;
	}
	if (!att &&
	    !(n && (ma_sh_is(s, ws[0], we[0], "-a") || ma_sh_is(s, ws[0], we[0], "--args"))))
		return 0;
	for (int i = 0; i < n; i++)
		if (ma_sh_base_in(s, ws[i], we[i], (const struct ma_sh_lit[]){MA_SH_LIT("ansible")},
		                  1))
			return ma_sh_rp_names(s, ws, we, n, i, 1);
	return 0;
}

/* 1 when the option word [p, q) of s gives fish a line (fish 3.6's
 * getopt_long): -c/-C last in a cluster, --command or --init-command by
 * any unambiguous prefix (--c, --ini; --i and --in are --interactive's
 * too); attached: written with its value after '=' (a cluster's with none). */
static int ma_sh_fish_line_opt(const char *s, size_t p, size_t q, int attached)
{
	size_t n;

	if (s[p] != '-' || q - p < 2)
		return 0;
	if (s[p + 1] != '-')
		return s[q - 1] == 'c' || s[q - 1] == 'C';
	if (attached) {
		if (s[q - 1] != '=')
			return 0;
		q--;
	}
	n = q - p - 2;
	return (n >= 1 && n <= 7 && !memcmp(s + p + 2, "command", n)) ||
	       (n >= 3 && n <= 12 && !memcmp(s + p + 2, "init-command", n));
}

static int ma_sh_reparses(const char *s, size_t w0, int attached, size_t *ssh_from)
{
	static const struct ma_sh_lit shells[] = {
	    MA_SH_LIT("sh"), MA_SH_LIT("bash"), MA_SH_LIT("dash"), MA_SH_LIT("zsh"),
	    MA_SH_LIT("ksh"), MA_SH_LIT("ash"), MA_SH_LIT("mksh"), MA_SH_LIT("hush"),
	    /* their -c and ';' as sh's (review24j, shell38) */
	    MA_SH_LIT("rbash"), MA_SH_LIT("fish"), MA_SH_LIT("csh"), MA_SH_LIT("tcsh"),
	    MA_SH_LIT("yash"), MA_SH_LIT("posh")};
	static const struct ma_sh_lit with_c[] = {
	    MA_SH_LIT("su"),      MA_SH_LIT("runuser"),   MA_SH_LIT("flock"),  MA_SH_LIT("script"),
	    MA_SH_LIT("vagrant"), MA_SH_LIT("nix-shell"), MA_SH_LIT("gcloud"), MA_SH_LIT("mussh")};
	static const struct ma_sh_lit with_cb[] = {MA_SH_LIT("mapfile"), MA_SH_LIT("readarray"),
	                                           MA_SH_LIT("compgen")};
	static const struct ma_sh_lit runs[] = {MA_SH_LIT("trap"), MA_SH_LIT("watch")};
	/* tmux's commands whose shell-command argument its server runs with
	 * sh -c (tmux(1)), and send-keys: keys typed into the pane's shell */
	static const char *const tmux_runs[] = {
	    "new-session",  "new",      "new-window",     "neww",     "split-window", "splitw",
	    "respawn-pane", "respawnp", "respawn-window", "respawnw", "run-shell",    "run",
	    "pipe-pane",    "pipep",    "display-popup",  "popup",    "send-keys",    "send"};
	static const struct ma_sh_lit tmux[] = {MA_SH_LIT("tmux"), MA_SH_LIT("byobu")};
	static const struct ma_sh_lit ansible[] = {MA_SH_LIT("ansible")};
	static const struct ma_sh_lit evals[] = {MA_SH_LIT("eval")};
	static const struct ma_sh_lit sources[] = {MA_SH_LIT("."), MA_SH_LIT("source")};
	/* 1: a blank; 2: where a command starts (a NUL ends the walk too) */
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	static const struct ma_sh_lit fish[] = {MA_SH_LIT("fish")};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k = w0;
	int n = 0, i, c = 0, cb = 0, fl = 0, at_start = 0, want = 3, far, nall, ev = -1;

	/* its words, nearest first: three, or all when it comes after an
	 * option or an option's value (eval's quoted argument is read within
	 * its first three: the walk is made for every quoted word an input
	 * lies in); at_start: back to its command's start */
	while (n < want) {
		if (!ma_sh_rp_back(s, stop, &k, &ws[n], &we[n])) {
			at_start = 1;
			break;
		}
		n++;
		ma_sh_rp_unquote(s, &ws[n - 1], &we[n - 1]);
		if (n <= 2 && want == 3 && (s[ws[n - 1]] == '-' || s[ws[n - 1]] == '+'))
			want = MA_SH_RP_WORDS;
	}
	/* eval within them: the builtin only as its command's name (a
	 * program's subcommand eval takes the word as data: playwright-cli
	 * eval '...', session 25), read once the walk reached the command's
	 * start; a command too long to read back fires */
	for (i = 0; i < n && !attached && ev < 0; i++)
		if (we[i] - ws[i] == 4 && ma_sh_word_in(s, ws[i], we[i], evals, 1))
			ev = i;
	/* further back, for eval and ssh as its command's name (session 21):
	 * the words only, judged once the walk reached the command's start */
	far = n;
	while (!at_start && !attached && n < MA_SH_RP_WORDS) {
		if (!ma_sh_rp_back(s, stop, &k, &ws[n], &we[n])) {
			at_start = 1;
			break;
		}
		n++;
	}
	if (ev >= 0 && !at_start)
		return 1;
	if (at_start && !attached) {
		for (i = far; i < n; i++)
			ma_sh_rp_unquote(s, &ws[i], &we[i]);
		if (ev >= 0 && !ma_sh_eval_is_data(s, ws, we, n, ev))
			return 1;
		/* eval joins its arguments: its command's name further in */
		for (i = far; i < n; i++)
			if (we[i] - ws[i] == 4 && ma_sh_word_in(s, ws[i], we[i], evals, 1) &&
			    ma_sh_rp_names(s, ws, we, n, i, 1))
				return 1;
		int first;
		/* a here-string is ssh's standard input, no word of its
		 * remote command (ssh host cat <<< '...': below) */
		if (!ma_sh_is(s, ws[0], we[0], "<<<") && ma_sh_rp_ssh(s, ws, we, n, 1, &first)) {
			if (ssh_from)
				*ssh_from = first >= 0 ? ws[first] : w0;
			return 1;
		}
	}
	nall = n;
	n = far; /* the options' reading below: the words it always read */
	/* a here-string a shell reads as its script: bash <<< '...', sh -s
	 * <<< '...', . /dev/stdin <<< '...' (not bash run.sh <<< '...': the
	 * script reads it as data) */
	if (n >= 2 && we[0] - ws[0] == 3 && !memcmp(s + ws[0], "<<<", 3)) {
		i = 1;
		if (i + 1 < n && ma_sh_rp_option(s, ws[i], we[i]) &&
		    !memchr(s + ws[i], 'c', we[i] - ws[i]))
			i++;
		if (ma_sh_base_in(s, ws[i], we[i], shells, sizeof shells / sizeof shells[0]))
			return 2;
		if (i + 1 < n && we[i] - ws[i] == 10 && !memcmp(s + ws[i], "/dev/stdin", 10) &&
		    ma_sh_word_in(s, ws[i + 1], we[i + 1], sources, 2))
			return 1;
		/* at and batch read the job's commands from it */
		if (at_start && !attached && ma_sh_rp_runners(s, w0, ws, we, nall))
			return 1;
		/* the whole command, back to its start: a shell whose
		 * script is standard input (bash /dev/stdin <<< '...', sudo
		 * bash -s, ssh host <<< '...': ma_sh_stdin_shell) */
		if (!at_start || attached || !ma_sh_back_stdin_shell(s, ws, we, 1, nall, 1))
			return 0;
		/* ssh's standard input: the remote shell reads it whatever
		 * words follow (ssh host <<< '...' bash), no local operand */
		for (i = 1; i < nall; i++) {
			size_t b = we[i];
			while (b > ws[i] && s[b - 1] != '/')
				b--;
			if (ma_sh_is(s, b, we[i], "ssh") || ma_sh_is(s, b, we[i], "autossh"))
				return 1;
		}
		return 2;
	}
	/* GNU parallel's command template and the arguments it runs */
	if (at_start && !attached)
		for (i = 0; i < nall; i++) {
			int pf = ma_sh_parallel_word(s, ws[i], we[i]);
			if (!pf)
				continue;
			if (ma_sh_rp_names(s, ws, we, nall, i, 1) &&
			    ma_sh_rp_parallel(s, ws, we, i, pf == 2, w0, ssh_from))
				return 1;
			break;
		}
	if (at_start && !attached && ma_sh_rp_runners(s, w0, ws, we, nall))
		return 1;
	/* screen's eval 'stuff "..."': the text stuff types */
	if (at_start && !attached && ssh_from) {
		size_t st = ma_sh_rp_screen_eval(s, w0, ws, we, nall);
		if (st) {
			*ssh_from = st;
			return 1;
		}
	}
	/* ansible's ad hoc module argument (ansible web -m shell -a '...',
	 * ansible web -a '...' -m raw): -a/--args right before the quote,
	 * the module named before it or after the quoted word one that hands
	 * it to a shell (shell, raw; command, the default, runs no shell),
	 * ansible the command */
	if (n > 1 && (ma_sh_is(s, ws[0], we[0], "-a") ||
	              ma_sh_is(s, ws[0], we[0], attached ? "--args=" : "--args")))
		for (int m = 1; m < n; m++) {
			int mod = -1;
			if (!ma_sh_base_in(s, ws[m], we[m], ansible, 1))
				continue;
			for (int j = m - 1; j >= 1; j--)
				if (ma_sh_is(s, ws[j], we[j], "-m") ||
				    ma_sh_is(s, ws[j], we[j], "--module-name"))
					mod = ma_sh_ansible_shell_mod(s, ws[j - 1], we[j - 1]);
				else if (we[j] - ws[j] > 2 && !memcmp(s + ws[j], "-m", 2) &&
				         s[ws[j] + 2] != '-')
					mod = ma_sh_ansible_shell_mod(s, ws[j] + 2, we[j]);
				else if (we[j] - ws[j] > 14 &&
				         !memcmp(s + ws[j], "--module-name=", 14))
					mod = ma_sh_ansible_shell_mod(s, ws[j] + 14, we[j]);
			if (mod < 0)
				mod = ma_sh_ansible_mod_after(s, w0);
			if (mod > 0)
				return 1;
			break;
		}
	/* the options right before it (an option's value with them); with
	 * attached, the first is the option the quote is attached to
	 * (su -c'...', --command='...', mapfile -C'...'): its last letter */
	for (i = 0; i < n; i++) {
		size_t p = ws[i], q = we[i];
		if (ma_sh_rp_option(s, p, q)) {
			if (i == 0)
				fl = ma_sh_fish_line_opt(s, p, q, attached);
			if (i == 0 && attached) {
				c = (s[p + 1] != '-' && s[q - 1] == 'c') ||
				    (q - p == 10 && !memcmp(s + p, "--command=", 10)) ||
				    (q - p == 6 && !memcmp(s + p, "--run=", 6));
				cb = s[p + 1] != '-' && s[q - 1] == 'C';
				if (!c && !cb && !fl)
					return 0;
				continue;
			}
			if (s[p] == '-' && s[p + 1] != '-')
				c |= memchr(s + p + 1, 'c', q - p - 1) != NULL;
			else if (i == 0 && ((q - p == 9 && !memcmp(s + p, "--command", 9)) ||
			                    (q - p == 5 && !memcmp(s + p, "--run", 5))))
				c = 1;
			cb |= i == 0 && s[p] == '-' && s[q - 1] == 'C';
			continue;
		}
		/* a value: after --rcfile, --init-file (bash), -o, +o, -O (bash), -n (watch), -u,
		 * -s, -g (su, sudo, runuser), -w, -E (flock) */
		if (i + 1 < n && ma_sh_rp_valued(s, ws[i + 1], we[i + 1], "oOnusgwE")) {
			size_t p1 = ws[i + 1], q1 = we[i + 1];
			i++;
			/* the cluster holds -c besides its valued letter (bash
			 * -eoc pipefail '...': the line is the word after the
			 * value) */
			if (q1 - p1 > 2 && s[p1] == '-' && memchr(s + p1 + 1, 'c', q1 - p1 - 1))
				c = 1;
			continue;
		}
		break;
	}
	/* tmux's command (tmux new-session -d -s job '...', tmux send-keys
	 * -t main '...' Enter, tmux -L sock neww '...'): its options and
	 * their values back to a command of tmux_runs, then tmux's own */
	for (int j = 0; j < n && !attached; j++) {
		int sub = 0;
		/* the quote is the value of the option right before it
		 * (tmux new -s '...', send-keys -t '...'), no command */
		if (j == 0 && we[0] - ws[0] == 2 && s[ws[0]] == '-' &&
		    strchr("cefFLnNsStTxy", s[ws[0] + 1]))
			break;
		for (size_t t = 0; t < sizeof tmux_runs / sizeof tmux_runs[0] && !sub; t++)
			sub = ma_sh_is(s, ws[j], we[j], tmux_runs[t]);
		if (sub) {
			int m;
			for (m = j + 1; m < n; m++) {
				if (ma_sh_base_in(s, ws[m], we[m], tmux, 2))
					return 1;
				/* the closing quote of tmux's ';' quoted whole (the
				 * walk stopped at its ';'; shell37) */
				if (m + 1 == n && we[m] - ws[m] == 1 && ws[m] >= 2 &&
				    (s[ws[m]] == '\'' || s[ws[m]] == '"') && s[ws[m] - 1] == ';' &&
				    s[ws[m] - 2] == s[ws[m]])
					return n == nall && at_start &&
					       ma_sh_tmux_chained(s, we[m]);
				if (!ma_sh_rp_option(s, ws[m], we[m]) &&
				    !(m + 1 < n && ma_sh_rp_option(s, ws[m + 1], we[m + 1])))
					break;
			}
			/* a command after tmux's own separator (tmux new -s w
			 * \; send-keys '...' Enter): back over it to tmux */
			if (m == n && n == nall && at_start && ma_sh_tmux_chained(s, k))
				return 1;
			break;
		}
		if (!ma_sh_rp_option(s, ws[j], we[j]) &&
		    !(j + 1 < n && ma_sh_rp_option(s, ws[j + 1], we[j + 1])))
			break;
	}
	if (i == n)
		return 0; /* options alone back to the command's start */
	/* a shell reads -c'...' as options (sh -c'x; id' is refused), trap
	 * and watch take no attached line, flock only a -c of its own */
	if (!attached && ma_sh_word_in(s, ws[i], we[i], runs, 2))
		return 1;
	/* fish's own: --command=LINE, --init-command LINE, -C LINE (getopt_long:
	 * attached or not, any unambiguous prefix; review26d) */
	if (fl && ma_sh_base_in(s, ws[i], we[i], fish, 1))
		return 1;
	/* git submodule [--quiet] foreach [--recursive] LINE (sh -c in each
	 * submodule; review26d) */
	if (!attached && ma_sh_is(s, ws[i], we[i], "foreach"))
		for (int j = i + 1; j < n && j <= i + 2; j++)
			if (ma_sh_is(s, ws[j], we[j], "submodule"))
				return 1;
	if (!attached && c &&
	    ma_sh_base_in(s, ws[i], we[i], shells, sizeof shells / sizeof shells[0]))
		return 1;
	/* docker (podman ...) run --entrypoint sh IMAGE -c '...' (or
	 * --entrypoint=/bin/sh): the image's words, then the option naming
	 * the shell the container runs (shell40, review26d) */
	for (int j = i + 1; !attached && c && j < n; j++) {
		size_t p = ws[j], q = we[j];
		if (q - p > 13 && !memcmp(s + p, "--entrypoint=", 13))
			p += 13;
		else if (j - 1 > i && ma_sh_is(s, p, q, "--entrypoint")) {
			p = ws[j - 1];
			q = we[j - 1];
		} else
			continue;
		if (ma_sh_base_in(s, p, q, shells, sizeof shells / sizeof shells[0]))
			return 1;
		break;
	}
	for (int j = i; j < n && (c || cb); j++)
		if ((c &&
		     ma_sh_base_in(s, ws[j], we[j], with_c, sizeof with_c / sizeof with_c[0]) &&
		     (we[j] - ws[j] != 5 || memcmp(s + ws[j], "flock", 5) ||
		      (j > i && !attached))) ||
		    (cb &&
		     ma_sh_word_in(s, ws[j], we[j], with_cb, sizeof with_cb / sizeof with_cb[0])))
			return 1;
	return 0;
}

/* 1 when the word [p, q) of s (unquoted) is a script file a shell opens
 * in place of standard input: a literal word (letters, digits, . _ / + ,
 * : @ % = -, no expansion that may leave no word: $SCRIPT unset, $(true),
 * {,}) whose last component is no name of standard input (stdin, a
 * number: /dev/stdin, /dev/fd/0, /proc/self/fd/0, from any directory),
 * no "." or ".." and no trailing slash (review15: each of those ran the
 * here-string in bash 5.2.15). */
static int ma_sh_plain_operand(const char *s, size_t p, size_t q)
{
	size_t b = q, k;
	int digits = 1;

	ma_sh_rp_unquote(s, &p, &q);
	if (q <= p)
		return 0;
	for (k = p; k < q; k++) {
		unsigned char c = (unsigned char)s[k];
		if (!((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9') &&
		    !strchr("._/+,:@%=-", c))
			return 0;
	}
	b = q;
	while (b > p && s[b - 1] != '/')
		b--;
	for (k = b; k < q; k++)
		digits &= s[k] >= '0' && s[k] <= '9';
	return b < q && !digits && !ma_sh_is(s, b, q, "stdin") && !ma_sh_is(s, b, q, ".") &&
	       !ma_sh_is(s, b, q, "..");
}

/* 1 when the word [p, q) of s (unquoted) is a -c line proven not to read
 * standard input: literal words (as ma_sh_plain_operand's bytes, and
 * blanks) whose first names a command that reads none (ls, echo, pwd
 * ...). Any other line may read the here-string as a script (-c 'source
 * /dev/stdin', -c bash, -c 'cat | bash': each ran it in bash 5.2.15). */
static int ma_sh_quiet_c_line(const char *s, size_t p, size_t q)
{
	static const char *const quiet[] = {"ls",       "echo", "printf", "true",   "false",
	                                    "pwd",      "date", "id",     "whoami", "uname",
	                                    "hostname", "exit", "sleep",  ":"};
	size_t k, e;

	ma_sh_rp_unquote(s, &p, &q);
	for (k = p; k < q; k++) {
		unsigned char c = (unsigned char)s[k];
		if (!((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9') &&
		    !strchr("._/+,:@%=- ", c))
			return 0;
	}
	while (p < q && s[p] == ' ')
		p++;
	for (e = p; e < q && s[e] != ' '; e++)
		;
	for (k = 0; k < sizeof quiet / sizeof quiet[0]; k++)
		if (ma_sh_is(s, p, e, quiet[k]))
			return 1;
	return 0;
}

/* The shell's own words among the n words ws/we before a here-string
 * (nearest first, unquoted, back to the command's start): the index of
 * the last of them (the nearest is 0), or n - 1 (all of them) when the
 * words from the command's start are not known wrappers (sudo, env,
 * nice, timeout ... with their options and values, assignments) up to a
 * shell's name. A wrapper's flag is not the shell's: sudo -s runs its
 * command through the user's shell, which then runs bash run.sh with
 * the here-string as run.sh's data (bash 5.2.15); su -s /bin/bash,
 * whose -s names the shell, is no known wrapper: all words. */
static int ma_sh_assign_word(const char *s, size_t p, size_t q);

static int ma_sh_shell_words(const char *s, const size_t *ws, const size_t *we, int n)
{
	static const struct ma_sh_lit shells[] = {
	    MA_SH_LIT("sh"),  MA_SH_LIT("bash"), MA_SH_LIT("dash"), MA_SH_LIT("zsh"),
	    MA_SH_LIT("ksh"), MA_SH_LIT("ash"),  MA_SH_LIT("mksh"), MA_SH_LIT("hush")};
	const struct ma_sh_prog_opts *wrap = NULL;
	char w[16];

	for (int i = n - 1; i >= 0; i--) {
		size_t p = ws[i], q = we[i], b = q;
		if (ma_sh_assign_word(s, p, q))
			continue;
		if (s[p] == '-' && wrap) {
			const char *name;
			size_t nlen = 0, val = 0;
			if (q - p >= sizeof w)
				return n - 1;
			memcpy(w, s + p, q - p);
			w[q - p] = '\0';
			if (ma_sh_opt_read(wrap, w, &name, &nlen, &val) & MA_SH_OPT_NEXT)
				i--; /* its value */
			continue;
		}
		if (wrap && s[p] >= '0' && s[p] <= '9')
			continue; /* timeout 5 */
		if (ma_sh_base_in(s, p, q, shells, sizeof shells / sizeof shells[0]))
			return i - 1; /* the words after the shell's name */
		while (b > p && s[b - 1] != '/')
			b--;
		if (q - b >= sizeof w)
			return n - 1;
		memcpy(w, s + b, q - b);
		w[q - b] = '\0';
		if (!(wrap = ma_sh_wrap_find(w)))
			return n - 1;
	}
	return n - 1;
}

/* 1 when the words after element k of lx (a shell's here-string, its
 * command's words and redirections up to the command's end) hold the
 * shell's script operand, or -c: the shell runs that file (or -c's
 * line) and standard input is its data (bash <<< '...' run.sh ran
 * run.sh; bash 5.2.15). Options after the operand are its arguments;
 * -s (before the operand, or any word with s in a cluster of the
 * command's words before k, read back from w0's text: bash -s <<< '...'
 * run.sh, sudo bash -s) keeps standard input the script. 0 when the
 * command runs on past the window. */
static int ma_sh_script_after(const char *s, const struct ma_sh_lex *lx, int k, size_t w0)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], at = w0, p0, q0;
	int j, n = 0, opts = 1, found = 0;

	for (j = k + 1; j < lx->nel && !found; j++) {
		const struct ma_sh_el *e = &lx->el[j];
		size_t p = e->start, q = e->end;
		if (e->kind == MA_SH_REDIR) {
			j++; /* and its target */
			continue;
		}
		if (e->kind != MA_SH_WORD)
			return 0; /* the command ended: no operand */
		ma_sh_rp_unquote(s, &p, &q);
		if (opts && q - p >= 2 && (s[p] == '-' || s[p] == '+')) {
			if (q - p == 2 && s[p + 1] == '-') {
				opts = 0; /* "--": an operand next */
				continue;
			}
			if (s[p] == '-' && s[p + 1] != '-') {
				if (memchr(s + p + 1, 's', q - p - 1))
					return 0;
				if (memchr(s + p + 1, 'c', q - p - 1)) {
					/* -c: its line, not stdin, when that line
					 * is proven to read no stdin */
					if (j + 1 >= lx->nel || lx->el[j + 1].kind != MA_SH_WORD ||
					    !ma_sh_quiet_c_line(s, lx->el[j + 1].start,
					                        lx->el[j + 1].end))
						return 0;
					found = 1;
					continue;
				}
			}
			if (ma_sh_rp_valued(s, p, q, "oO"))
				j++; /* -o errexit, --rcfile FILE */
			continue;
		}
		if (q - p == 1 && s[p] == '-')
			return 0; /* bash -: the script from stdin */
		if (!ma_sh_plain_operand(s, e->start, e->end))
			return 0; /* /dev/stdin, $SCRIPT, $(true): stdin stays the script */
		found = 1;
	}
	if (!found)
		return 0;
	/* the words before the here-string: a -s of the shell's there */
	while (n < MA_SH_RP_WORDS && ma_sh_rp_back(s, stop, &at, &ws[n], &we[n])) {
		ma_sh_rp_unquote(s, &ws[n], &we[n]);
		n++;
	}
	if (n == MA_SH_RP_WORDS) {
		/* more words than that: any -s is the shell's */
		while (ma_sh_rp_back(s, stop, &at, &p0, &q0)) {
			ma_sh_rp_unquote(s, &p0, &q0);
			if (q0 - p0 >= 2 && s[p0] == '-' && s[p0 + 1] != '-' &&
			    memchr(s + p0 + 1, 's', q0 - p0 - 1))
				return 0;
		}
		j = n - 1;
	} else {
		j = ma_sh_shell_words(s, ws, we, n);
	}
	for (; j >= 0; j--)
		if (we[j] - ws[j] >= 2 && s[ws[j]] == '-' && s[ws[j] + 1] != '-' &&
		    memchr(s + ws[j] + 1, 's', we[j] - ws[j] - 1))
			return 0;
	return 1;
}

/* ma_sh_reparses for the word at element k of lx (w0: where its quote
 * opens): a here-string followed by the shell's script operand is data
 * (ma_sh_script_after). */
/* 1 when the word at element k of lx (w0: where its quote opens) is a
 * here-string (after "<<<") of a command that runs a shell reading
 * standard input through sudo -s, su or env -S (ma_sh_wrapped_stdin):
 * its words back to the command's start and after the here-string to
 * the command's end, redirections skipped (shell25: sudo -s <<< '...'
 * bash). 0 when the command runs on past the words read. */
static int ma_sh_herestr_wrapped(const char *s, const struct ma_sh_lex *lx, int k, size_t w0)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], ows[MA_SH_RP_WORDS + 8],
	    owe[MA_SH_RP_WORDS + 8], at = w0;
	size_t h;
	int n = 0, m = 0, j, skip = 0;

	/* "<<<" right before the word (blanks between) */
	for (h = w0; h > 0 && (s[h - 1] == ' ' || s[h - 1] == '\t'); h--)
		;
	if (h < 3 || memcmp(s + h - 3, "<<<", 3))
		return 0;
	while (n < MA_SH_RP_WORDS && ma_sh_rp_back(s, stop, &at, &ws[n], &we[n]))
		n++;
	if (n == MA_SH_RP_WORDS || n < 2)
		return 0; /* not back to the command's start */
	/* in order, "<<<" (ws[0]) and the redirections left out */
	for (j = n - 1; j >= 1; j--) {
		size_t p = ws[j], q = we[j], x = p;
		if (skip) {
			skip = 0;
			continue;
		}
		while (x < q && s[x] >= '0' && s[x] <= '9')
			x++;
		if (x < q && (s[x] == '<' || s[x] == '>')) {
			skip = s[q - 1] == '<' || s[q - 1] == '>' || s[q - 1] == '&';
			continue;
		}
		ows[m] = p;
		owe[m++] = q;
	}
	for (j = k + 1; j < lx->nel; j++) {
		const struct ma_sh_el *f = &lx->el[j];
		if (f->kind == MA_SH_REDIR) {
			j++; /* and its target */
			continue;
		}
		if (f->kind != MA_SH_WORD)
			break;
		if (m == MA_SH_RP_WORDS + 8)
			return 0;
		ows[m] = f->start;
		owe[m++] = f->end;
	}
	if (j >= lx->nel && !lx->complete)
		return 0; /* the command runs on past the window */
	return m > 0 && ma_sh_wrapped_stdin(s, ows, owe, m, 0);
}

static int ma_sh_reparses_at(const char *s, const struct ma_sh_lex *lx, int k, size_t w0,
                             size_t *ssh_from)
{
	int r = ma_sh_reparses(s, w0, 0, ssh_from);

	if (r == 0)
		return ma_sh_herestr_wrapped(s, lx, k, w0);
	return r == 2 ? !ma_sh_script_after(s, lx, k, w0) : r;
}

/* 1 when [a, b) of s holds a byte that may change the words of the
 * inner line [at, end) beyond what the line's own judging saw: a quote,
 * a backslash, an operator other than a parenthesis (a "(" of the input
 * inside a body starts nothing but after an operator: the input would
 * bring that too), an expansion, a glob, a brace, a blank. One word of
 * letters, digits and such is data in any line: the inner line is not
 * read for it. An input that is the whole inner line (the application
 * hands it to a shell as it is: sh -c 'INPUT', trap 'INPUT' ...) is read
 * again only for an operator that starts another command or a
 * substitution: its own words and quotes ("echo 'hi'") are the command
 * the application runs by design. */
static int ma_sh_inner_bytes_w(const char *s, size_t a, size_t b, int whole)
{
	static const unsigned char syn[256] = {
	    ['\''] = 1, ['"'] = 1, ['\\'] = 1, [';'] = 2, ['|'] = 2, ['&'] = 2,
	    ['\n'] = 2, ['<'] = 2, ['>'] = 2,  ['$'] = 1, ['`'] = 2, ['*'] = 1,
	    ['?'] = 1,  ['['] = 1, ['{'] = 1,  ['#'] = 1, [' '] = 1, ['\t'] = 1};
	unsigned want = whole ? 2 : 3;

	for (size_t k = a; k < b; k++)
		if ((syn[(unsigned char)s[k]] & want) ||
		    (s[k] == '$' && k + 1 < b && s[k + 1] == '('))
			return 1;
	return 0;
}

static int ma_sh_inner_bytes(const char *s, size_t a, size_t b, size_t at, size_t end)
{
	return ma_sh_inner_bytes_w(s, a, b, a <= at && b >= end);
}

/* Notes [at, end) of c's line as an inner line to judge (once); feeds:
 * what it prints is a shell's script. */
static void ma_sh_add_inner(struct ma_sh_scan *c, size_t at, size_t end, int feeds)
{
	for (int i = 0; i < c->ninner; i++)
		if (c->inner_at[i] == at && c->inner_end[i] == end && !c->inner_join[i]) {
			c->inner_feeds[i] |= feeds;
			return;
		}
	if (c->ninner == MA_SH_INNER_NOTE || c->nq + c->ninner >= MA_SH_INNER_MAX) {
		c->unjudged = 1; /* no room to judge it: fail closed */
		return;
	}
	c->inner_at[c->ninner] = at;
	c->inner_feeds[c->ninner] = feeds;
	c->inner_join[c->ninner] = 0;
	c->inner_end[c->ninner++] = end;
}

/* Builds in c->join the value of the words [from, to) of s (one word of
 * several parts, 'ls '"x; id" or ls\ "x; id", or ssh's remote command,
 * its words joined by one blank as ssh joins them): quotes and
 * backslashes removed as the shell removes them. The input [a, b) must
 * come out as it is written (inside one quoted part or plain bytes),
 * else nothing is built (its bytes would not be found there); so is a
 * word holding $( ), backticks or $'...', whose value is not known.
 * Then the value is noted as an inner line when the input brings syntax
 * to it (each such word of a line: the values follow one another in
 * c->join, as long as it holds them; session 22 built one a check) (ma_sh_inner_bytes_w; the whole
 * value: an operator or a substitution only). */
static void ma_sh_join(struct ma_sh_scan *c, const char *s, size_t from, size_t to, size_t a,
                       size_t b)
{
	char *o = c->join + c->join_len;
	size_t n = 0, oa = 0, ob = 0, k = from, cap = MA_SH_JOIN - c->join_len;
	int sep = 0, q = 0;

	if (c->join_src_line == c->line_no && c->join_from == from && c->join_to == to)
		return; /* the same word, for another form of the input */
	if (c->in_join || c->ninner == MA_SH_INNER_NOTE || c->nq + c->ninner >= MA_SH_INNER_MAX ||
	    cap == 0) {
		/* no room (or a word inside a joined line): unjudged when the
		 * input's own bytes may bring syntax to the value */
		c->unjudged |= ma_sh_inner_bytes_w(s, a, b, 0);
		return;
	}
	while (k < to) {
		char ch = s[k];
		int in = k >= a && k < b;
		if (!q && (ch == ' ' || ch == '\t')) {
			if (in &&
			    (ch != ' ' || (k + 1 < to && (s[k + 1] == ' ' || s[k + 1] == '\t'))))
				return; /* a run of blanks the join would change */
			sep = n > 0;
			k++;
			continue;
		}
		if (sep) {
			if (n == cap) {
				c->unjudged |= ma_sh_inner_bytes_w(s, a, b, 0);
				return;
			}
			o[n++] = ' ';
			sep = 0;
		}
		if ((ch == '`' && q != '\'') || (ch == '$' && q != '\'' && k + 1 < to &&
		                                 (s[k + 1] == '(' || (!q && s[k + 1] == '\''))))
			return; /* a substitution, or $'...' */
		if ((!q && (ch == '\'' || ch == '"')) || (q && ch == q)) {
			if (in)
				return;
			q = q ? 0 : ch;
			k++;
			continue;
		}
		if (ch == '\\' && q != '\'' &&
		    (!q || (k + 1 < to && strchr("$`\"\\\n", s[k + 1])))) {
			if (in || (k + 1 < to && k + 1 >= a && k + 1 < b))
				return;
			k++;
			if (k < to && s[k] == '\n') {
				k++;
				continue;
			}
			if (k >= to)
				break;
			ch = s[k];
		}
		if (k == a)
			oa = n;
		if (n == cap) {
			c->unjudged |= ma_sh_inner_bytes_w(s, a, b, 0);
			return;
		}
		o[n++] = ch;
		k++;
		if (k == b)
			ob = n;
	}
	if (q || ob <= oa || ob - oa != b - a || memcmp(o + oa, s + a, b - a) ||
	    !ma_sh_inner_bytes_w(o, oa, ob, oa == 0 && ob == n))
		return;
	c->join_src_line = c->line_no;
	c->join_from = from;
	c->join_to = to;
	c->inner_at[c->ninner] = c->join_len;
	c->inner_end[c->ninner] = c->join_len + n;
	c->join_len += n;
	c->inner_feeds[c->ninner] = 0;
	c->inner_join[c->ninner++] = 1;
}

/* 1 when the word [w, e) of s starts with an assignment to
 * PROMPT_COMMAND (= or +=) right before a quote: bash runs its value as
 * a command line before each prompt of an interactive shell that
 * inherits it. */
static int ma_sh_prompt_command(const char *s, size_t w, size_t e, size_t *qs)
{
	static const char name[] = "PROMPT_COMMAND";
	size_t k = w + sizeof name - 1;

	if (e - w < sizeof name + 2 || memcmp(s + w, name, sizeof name - 1))
		return 0;
	if (s[k] == '+')
		k++;
	if (s[k] != '=' || (s[k + 1] != '\'' && s[k + 1] != '"'))
		return 0;
	*qs = k + 1;
	return 1;
}

/* Words a shell reading standard input is looked for in
 * (ma_sh_stdin_shell). */
#define MA_SH_IN_WORDS 12

/* 1 when [p, q) of s starts with an assignment (NAME=). */
static int ma_sh_assign_word(const char *s, size_t p, size_t q)
{
	size_t k = p;

	while (k < q && (s[k] == '_' || (s[k] >= 'a' && s[k] <= 'z') ||
	                 (s[k] >= 'A' && s[k] <= 'Z') || (k > p && s[k] >= '0' && s[k] <= '9')))
		k++;
	return k > p && k < q && s[k] == '=';
}

/* 1 when the word [p, q) of s starts with NAME= or NAME+= (the lexer
 * flags only the first as an assignment) */
static int ma_sh_assign_plus(const char *s, size_t p, size_t q)
{
	size_t k = p;

	while (k < q && (s[k] == '_' || (s[k] >= 'a' && s[k] <= 'z') ||
	                 (s[k] >= 'A' && s[k] <= 'Z') || (k > p && s[k] >= '0' && s[k] <= '9')))
		k++;
	k += k > p && k < q && s[k] == '+';
	return k > p && k < q && s[k] == '=' && s[k - 1] != '=';
}

/* 1 when the word [p, q) names a shell once its backslashes and quotes
 * are removed (s\h, b"as"h: the shell runs sh). */
static int ma_sh_escaped_shell(const char *s, size_t p, size_t q)
{
	static const char *const shells[] = {"sh",  "bash", "dash", "zsh",
	                                     "ksh", "ash",  "mksh", "hush"};
	char w[24];
	size_t n = 0, b = 0;

	if (!memchr(s + p, '\\', q - p) && !memchr(s + p, '"', q - p) &&
	    !memchr(s + p, '\'', q - p))
		return 0;
	for (size_t k = p; k < q; k++) {
		if (s[k] == '\\' || s[k] == '"' || s[k] == '\'')
			continue;
		if (n + 1 >= sizeof w)
			return 0;
		w[n++] = s[k];
		if (s[k] == '/')
			b = n;
	}
	w[n] = '\0';
	for (size_t k = 0; k < sizeof shells / sizeof shells[0]; k++)
		if (!strcmp(w + b, shells[k]))
			return 1;
	return 0;
}

/* 1 when a shell given the words ws/we as its arguments (n of them, in
 * order, after its name; ended: the command ends after them) reads its
 * script from standard input: options alone (-x, -e, -l, -O extglob,
 * --norc, +x), -s, or bash's "-"; not with -c (then the operand is the
 * script; xargs_repl: xargs -I sh -c, whose words go into it) nor with a
 * script operand (stdin is its data) other than /dev/stdin. */
static int ma_sh_shell_args_stdin(const char *s, const size_t *ws, const size_t *we, int n,
                                  int ended, int xargs, int xargs_repl)
{
	int opts = 1, sflag = 0, cflag = 0;

	for (int i = 0; i < n; i++) {
		size_t p = ws[i], q = we[i];
		ma_sh_rp_unquote(s, &p, &q);
		if (opts && q > p && (s[p] == '-' || s[p] == '+')) {
			if (q - p == 1 || (q - p == 2 && s[p + 1] == '-')) {
				sflag |= q - p == 1; /* bash -: the script from stdin */
				opts = 0;
				continue;
			}
			if (s[p] == '-' && s[p + 1] != '-') {
				cflag |= memchr(s + p + 1, 'c', q - p - 1) != NULL;
				sflag |= memchr(s + p + 1, 's', q - p - 1) != NULL;
			}
			if (ma_sh_rp_valued(s, p, q, "oO"))
				i++; /* -o errexit, --rcfile FILE */
			continue;
		}
		/* an operand: sh -c's script, or a script file (then stdin
		 * is its data) unless -s; the file /dev/stdin is stdin */
		if (cflag)
			return xargs_repl;
		return sflag || ma_sh_is(s, p, q, "/dev/stdin") || ma_sh_is(s, p, q, "/dev/fd/0") ||
		       ma_sh_is(s, p, q, "/proc/self/fd/0");
	}
	return ended && (cflag ? xargs : 1);
}

/* 1 when at's or batch's words after its name (n of them) leave the
 * job's commands to standard input (at(1): "at reads commands from
 * standard input or a specified file"; echo '...' | at now, at 23:00
 * <<EOF): no -f FILE and none of the options that list, remove, print
 * or show a job (-l -r -d -c -V; at -f, atq, atrm take no commands
 * there). Options are read as clusters, up to "--". */
static int ma_sh_at_stdin(const char *s, const size_t *ws, const size_t *we, int n)
{
	for (int i = 0; i < n; i++) {
		if (s[ws[i]] != '-' || we[i] - ws[i] < 2)
			continue;
		if (we[i] - ws[i] == 2 && s[ws[i] + 1] == '-')
			break;
		for (size_t k = ws[i] + 1; k < we[i]; k++) {
			if (strchr("flrdcV", s[k]))
				return 0;
			if (strchr("qt", s[k]))
				break; /* -q QUEUE, -t TIME: the rest is its value */
		}
	}
	return 1;
}

/* 1 when crontab's words after its name (n of them) install the table
 * read from standard input (crontab(1): "-" names it; cronie and Vixie
 * cron read it with no file too): echo '* * * * * CMD' | crontab -, and
 * cron hands each line's command to sh (shell39, review24p). A file
 * operand, or -l -r -e -i -T -V -n -c (list, remove, edit, test ...):
 * 0. -u takes the user's name. */
static int ma_sh_crontab_stdin(const char *s, const size_t *ws, const size_t *we, int n)
{
	for (int i = 0; i < n; i++) {
		if (we[i] - ws[i] == 1 && s[ws[i]] == '-')
			return 1;
		if (s[ws[i]] != '-')
			return 0; /* a file */
		for (size_t k = ws[i] + 1; k < we[i]; k++) {
			if (strchr("lreiTVnc", s[k]))
				return 0;
			if (s[k] == 'u') {
				i += k + 1 == we[i]; /* -u USER */
				break;
			}
		}
	}
	return 1;
}

/* 1 when the command of the words ws/we (n of them, in order; ended: the
 * command ends after them) is a shell that reads its script from
 * standard input: sh, bash, busybox sh ... with no operand and no -c (or
 * with -s, or bash's "-"), also after sudo, env, nice, timeout ... and
 * their options; xargs sh -c (the words it reads become the script, or
 * with -I/-i/--replace go into it); . /dev/stdin, source /dev/stdin. 0
 * when the words end before the command does. */
static int ma_sh_stdin_shell(const char *s, const size_t *ws, const size_t *we, int n, int ended)
{
	static const struct ma_sh_lit shells[] = {
	    MA_SH_LIT("sh"),  MA_SH_LIT("bash"), MA_SH_LIT("dash"), MA_SH_LIT("zsh"),
	    MA_SH_LIT("ksh"), MA_SH_LIT("ash"),  MA_SH_LIT("mksh"), MA_SH_LIT("hush")};
	const struct ma_sh_prog_opts *wrap = NULL;
	int shell = 0, xargs = 0, repl = 0, source = 0, i;
	char w[16], o[16];

	for (i = 0; i < n; i++) {
		size_t p = ws[i], q = we[i], b = q;
		ma_sh_rp_unquote(s, &p, &q);
		if (source)
			return q - p == 10 && !memcmp(s + p, "/dev/stdin", 10);
		if (!shell) {
			const char *name;
			size_t nlen = 0, val = 0;
			if (ma_sh_assign_word(s, p, q))
				continue;
			if (s[p] == '-' && wrap) {
				/* a wrapper's option, and its value in the next word */
				if (q - p < sizeof o) {
					memcpy(o, s + p, q - p);
					o[q - p] = '\0';
					if (ma_sh_opt_read(wrap, o, &name, &nlen, &val) &
					    MA_SH_OPT_NEXT)
						i++;
				}
				repl |= xargs && (s[p + 1] == 'I' || s[p + 1] == 'i' ||
				                  (q - p >= 9 && !memcmp(s + p, "--replace", 9)));
				continue;
			}
			if (s[p] == '-' || (s[p] >= '0' && s[p] <= '9'))
				continue; /* a wrapper's flag, a number (timeout 5) */
			if (ma_sh_base_in(s, p, q, shells, sizeof shells / sizeof shells[0]) ||
			    ma_sh_escaped_shell(s, p, q)) {
				shell = 1;
				continue;
			}
			while (b > p && s[b - 1] != '/')
				b--;
			if (q - b >= sizeof w)
				return 0;
			memcpy(w, s + b, q - b);
			w[q - b] = '\0';
			if (!strcmp(w, "busybox"))
				continue;
			if (!strcmp(w, ".") || !strcmp(w, "source")) {
				source = 1;
				continue;
			}
			if (!strcmp(w, "ssh") || !strcmp(w, "autossh"))
				return ma_sh_ssh_stdin(s, ws + i + 1, we + i + 1, n - i - 1, ended,
				                       w[0] == 'a');
			if (!strcmp(w, "at") || !strcmp(w, "batch"))
				return ma_sh_at_stdin(s, ws + i + 1, we + i + 1, n - i - 1);
			if (!strcmp(w, "crontab"))
				return ma_sh_crontab_stdin(s, ws + i + 1, we + i + 1, n - i - 1);
			if (ma_sh_name_kind(w, q - b) != MA_SH_NAME_PREFIX)
				return 0;
			xargs |= !strcmp(w, "xargs");
			wrap = ma_sh_wrap_find(w);
			continue;
		}
		/* the shell's own words */
		return ma_sh_shell_args_stdin(s, ws + i, we + i, n - i, ended, xargs, repl);
	}
	return ended && shell;
}

/* 1 when the command of the words ws/we (n of them, in order) prints a
 * count or a hash of what it reads, none of its text: wc (any options:
 * numbers), md5sum, sha1sum ... b2sum, cksum, sum (session 22: echo '...'
 * | wc -l | sh runs "1"). A filter that passes the text on, changed or
 * cut (sort, head -c, tr, sed, rev, base64 -d), is none of them, nor a
 * mode that prints what it reads: a hash program's check (-c in a
 * cluster, --check or a prefix of it: "NAME: FAILED open or read" for
 * each line's NAME; review14 ran sha256sum -c | sh), cksum's --raw (the
 * digest's bytes, a CRC the text chooses), wc --files0-from (the names
 * it reads). Its words are read quotes and all; "--" is not looked for
 * (a file named -c then counts as the option: a block). */
static int ma_sh_count_stage(const char *s, const size_t *ws, const size_t *we, int n)
{
	static const struct ma_sh_lit counts[] = {MA_SH_LIT("wc"),        MA_SH_LIT("md5sum"),
	                                          MA_SH_LIT("sha1sum"),   MA_SH_LIT("sha224sum"),
	                                          MA_SH_LIT("sha256sum"), MA_SH_LIT("sha384sum"),
	                                          MA_SH_LIT("sha512sum"), MA_SH_LIT("b2sum"),
	                                          MA_SH_LIT("cksum"),     MA_SH_LIT("sum")};
	int i = 0, wc;

	/* assignments, and programs that run the next one with their
	 * options (nice -n 5 wc, timeout 5 sha256sum, env LC_ALL=C wc,
	 * command wc): the count runs as it would alone; not xargs (wc
	 * counts the files the text names: "3 NAME") nor env -S (its
	 * string is split into other words) */
	for (; i < n; i++) {
		const struct ma_sh_prog_opts *wrap;
		size_t b = ws[i];
		char w[16];
		if (ma_sh_assign_word(s, ws[i], we[i]))
			continue;
		for (size_t k = ws[i]; k < we[i]; k++)
			if (s[k] == '/')
				b = k + 1;
		if (we[i] - b >= sizeof w)
			break;
		memcpy(w, s + b, we[i] - b);
		w[we[i] - b] = '\0';
		if (ma_sh_name_kind(w, we[i] - b) != MA_SH_NAME_PREFIX || !strcmp(w, "xargs"))
			break;
		wrap = ma_sh_wrap_find(w);
		/* its options (and their values) and numbers (timeout 5) */
		while (i + 1 < n &&
		       (s[ws[i + 1]] == '-' || (s[ws[i + 1]] >= '0' && s[ws[i + 1]] <= '9'))) {
			const char *name;
			size_t nlen = 0, val = 0, l = we[i + 1] - ws[i + 1];
			char o[24];
			i++;
			if (s[ws[i]] != '-' || !wrap)
				continue;
			if (l >= sizeof o)
				return 0;
			memcpy(o, s + ws[i], l);
			o[l] = '\0';
			if (!strcmp(w, "env") && (o[1] == 'S' || (l > 3 && !strncmp(o, "--s", 3))))
				return 0;
			if (ma_sh_opt_read(wrap, o, &name, &nlen, &val) & MA_SH_OPT_NEXT)
				i++;
		}
	}
	if (i >= n || !ma_sh_base_in(s, ws[i], we[i], counts, sizeof counts / sizeof counts[0]))
		return 0;
	wc = we[i] - ws[i] >= 2 && s[we[i] - 2] == 'w' && s[we[i] - 1] == 'c';
	for (i++; i < n; i++) {
		size_t p = ws[i], q = we[i];
		while (p < q && (s[p] == '\'' || s[p] == '"' || s[p] == '\\'))
			p++;
		if (q - p < 2 || s[p] != '-')
			continue;
		if (s[p + 1] != '-') {
			/* a cluster: wc's letters are all counts */
			if (!wc && memchr(s + p + 1, 'c', q - p - 1))
				return 0;
			continue;
		}
		/* a long option or its unambiguous prefix: --c, --ch ... */
		p += 2;
		if (p < q && ((!wc && s[p] == 'c') || (!wc && s[p] == 'r') || (wc && s[p] == 'f')))
			return 0;
	}
	return 1;
}

static int ma_sh_ssh_stdin(const char *s, const size_t *ws, const size_t *we, int n, int ended,
                           int auto_)
{
	int i = 0;

	for (; i < n; i++) {
		size_t p = ws[i], q = we[i];
		if (q - p < 2 || s[p] != '-')
			break;
		if (q - p == 2 && s[p + 1] == '-') {
			i++;
			break;
		}
		for (size_t x = p + 1; x < q; x++) {
			if (s[x] == 'n' || s[x] == 'f' || s[x] == 'N')
				return 0; /* no standard input, or no command */
			if (strchr("BbcDEeFIiJLlmOoPpQRSWw", s[x]) || (auto_ && s[x] == 'M')) {
				i += x + 1 == q; /* its value in the next word */
				break;
			}
		}
	}
	if (i >= n)
		return 0; /* no host in the words read */
	if (i + 1 == n)
		return ended; /* the host, no remote command */
	return ma_sh_stdin_shell(s, ws + i + 1, we + i + 1, n - i - 1, ended);
}

/* 1 when su's or runuser's words ws/we (n of them after its name, in
 * order, to the command's end) run the user's shell reading standard
 * input: no -c, --command or --session-command (util-linux getopt
 * permutes: an option after the user is su's); the words after the
 * user that are no su option (all of them after "--") are the shell's
 * arguments (su(1)), read as ma_sh_shell_args_stdin reads a shell's:
 * options alone or -s leave it reading standard input (su root -- -x
 * <<< '...' ran the here-string, session 25), a script or -c does
 * not. -s, -g, -G, -w take a value (su -s /bin/bash root <<< '...' ran
 * the here-string in bash 5.2.15); runuser's -u USER runs the words after it as a command, no
 * shell between (runuser -u root <<< '...' -- bash). */
/* Strips one quote at each end of the word [*p, *q) of s, each on its
 * own: the words read back at blanks cut a quoted string ('bash -s'
 * read as 'bash and -s'). */
static void ma_sh_strip_q(const char *s, size_t *p, size_t *q)
{
	if (*p < *q && (s[*p] == '\'' || s[*p] == '"'))
		(*p)++;
	if (*q > *p && (s[*q - 1] == '\'' || s[*q - 1] == '"'))
		(*q)--;
}

static int ma_sh_su_stdin(const char *s, const size_t *ws, const size_t *we, int n, int runuser)
{
	int user = 0, opts = 1, cmd = 0;

	for (int i = 0; i < n; i++) {
		size_t p = ws[i], q = we[i];
		ma_sh_strip_q(s, &p, &q);
		if (opts && q - p >= 2 && s[p] == '-') {
			if (s[p + 1] == '-') {
				if (q - p == 2) {
					opts = 0;
					continue;
				}
				if (runuser && q - p >= 4 && s[p + 2] == 'u' && s[p + 3] == 's') {
					cmd = 1; /* runuser --user USER COMMAND */
					i += !memchr(s + p, '=', q - p);
					continue;
				}
				if (s[p + 2] == 'c' ||
				    (q - p >= 4 && s[p + 2] == 's' && s[p + 3] == 'e'))
					return 0; /* --command, --session-command */
				if (!memchr(s + p, '=', q - p) &&
				    ((q - p >= 4 && s[p + 2] == 's' &&
				      (s[p + 3] == 'h' || s[p + 3] == 'u')) ||
				     s[p + 2] == 'g' || s[p + 2] == 'w'))
					i++; /* --shell, --supp-group, --group,
					        --whitelist-environment */
				continue;
			}
			for (size_t x = p + 1; x < q; x++) {
				if (s[x] == 'c')
					return 0;
				if (strchr("sgGwu", s[x]) && s[x] && (s[x] != 'u' || runuser)) {
					cmd |= s[x] == 'u'; /* runuser -u USER COMMAND */
					i += x + 1 == q;    /* its value in the next word */
					break;
				}
			}
			continue;
		}
		if (opts && q - p == 1 && s[p] == '-')
			continue; /* su - */
		if (cmd)          /* the command, run with no shell */
			return ma_sh_stdin_shell(s, ws + i, we + i, n - i, 1);
		if (!user) {
			user = 1;
			continue;
		}
		/* the user's shell's arguments (su(1)), read as a shell's */
		return ma_sh_shell_args_stdin(s, ws + i, we + i, n - i, 1, 0, 0);
	}
	return 1;
}

/* 1 when the command of the words ws/we (n of them, in order, to the
 * command's end) runs a shell that reads its script from standard input
 * through a wrapper that ma_sh_stdin_shell does not read (shell25,
 * review16's misses): sudo's -s, -i, --shell, --login (the user's shell:
 * with no command it reads standard input, else it runs $SHELL -c
 * 'COMMAND', read again here: sudo -s <<< '...' bash ran the here-string,
 * sudo -s bash <<< '...' run.sh did not), su and runuser
 * (ma_sh_su_stdin), env -S's string split at blanks before the words
 * after it (env -S 'bash -s' <<< '...' run.sh); wrappers before them
 * (nice, timeout ...) with their options. depth: env -S inside env -S. */
static int ma_sh_wrapped_stdin(const char *s, const size_t *ws, const size_t *we, int n, int depth)
{
	size_t nws[MA_SH_RP_WORDS + 8], nwe[MA_SH_RP_WORDS + 8];
	int i = 0;

	while (i < n) {
		const struct ma_sh_prog_opts *wrap;
		size_t p = ws[i], q = we[i], b;
		int sudo_sh = 0, sudo, env;
		char w[16];

		ma_sh_strip_q(s, &p, &q);
		if (q <= p)
			return 0;
		if (ma_sh_assign_word(s, p, q) || (s[p] >= '0' && s[p] <= '9')) {
			i++; /* an assignment, a number (timeout 5) */
			continue;
		}
		b = q;
		while (b > p && s[b - 1] != '/')
			b--;
		if (q - b >= sizeof w)
			return 0;
		memcpy(w, s + b, q - b);
		w[q - b] = '\0';
		if (!strcmp(w, "su") || !strcmp(w, "runuser"))
			return ma_sh_su_stdin(s, ws + i + 1, we + i + 1, n - i - 1, w[0] == 'r');
		if (!(wrap = ma_sh_wrap_find(w)))
			return 0;
		/* doas -s: the user's shell, no command (shell29) */
		sudo = !strcmp(w, "sudo") || !strcmp(w, "doas");
		env = !strcmp(w, "env");
		for (i++; i < n; i++) {
			const char *name;
			size_t nlen = 0, val = 0, vp, vq;
			char o[32];
			int r, m = 0;
			p = ws[i];
			q = we[i];
			ma_sh_strip_q(s, &p, &q);
			if (q - p < 2 || s[p] != '-')
				break;
			if (q - p == 2 && s[p + 1] == '-') {
				i++;
				break;
			}
			if (q - p >= sizeof o)
				return 0;
			memcpy(o, s + p, q - p);
			o[q - p] = '\0';
			if (sudo && o[1] != '-') {
				/* a cluster's flags up to a letter that takes a value */
				for (size_t x = 1; o[x] && !strchr(wrap->values, o[x]); x++)
					sudo_sh |= o[x] == 's' || o[x] == 'i';
			} else if (sudo) {
				size_t l = strcspn(o + 2, "=");
				sudo_sh |= (l >= 2 && !strncmp(o + 2, "shell", l) && l <= 5) ||
				           (l >= 2 && !strncmp(o + 2, "login", l) && l <= 5);
			}
			r = ma_sh_opt_read(wrap, o, &name, &nlen, &val);
			if (!(env && ((nlen == 1 && *name == 'S') ||
			              (nlen == 14 && !memcmp(name, "--split-string", 14))))) {
				i += (r & MA_SH_OPT_NEXT) != 0; /* its value */
				continue;
			}
			/* env -S STRING: its words, then the words after it (a
			 * quoted string may span the words read at blanks) */
			if (r & MA_SH_OPT_NEXT) {
				if (++i >= n)
					return 0;
				vp = ws[i];
			} else {
				vp = ws[i] + (p - ws[i]) + val;
			}
			vq = we[i];
			if (vp < vq && (s[vp] == '\'' || s[vp] == '"')) {
				char qc = s[vp++];
				while ((vq <= vp || s[vq - 1] != qc) && i + 1 < n)
					vq = we[++i];
				if (vq > vp && s[vq - 1] == qc)
					vq--;
			}
			while (vp < vq && m < MA_SH_RP_WORDS) {
				while (vp < vq && (s[vp] == ' ' || s[vp] == '\t'))
					vp++;
				if (vp >= vq)
					break;
				nws[m] = vp;
				while (vp < vq && s[vp] != ' ' && s[vp] != '\t')
					vp++;
				nwe[m++] = vp;
			}
			for (i++; i < n && m < MA_SH_RP_WORDS + 8; i++) {
				nws[m] = ws[i];
				nwe[m++] = we[i];
			}
			if (i < n)
				return 0; /* more words than that */
			return ma_sh_stdin_shell(s, nws, nwe, m, 1) ||
			       (depth < 2 && ma_sh_wrapped_stdin(s, nws, nwe, m, depth + 1));
		}
		if (sudo_sh)
			/* the user's shell: standard input with no command,
			 * else $SHELL -c 'COMMAND' */
			return i >= n || ma_sh_stdin_shell(s, ws + i, we + i, n - i, 1) ||
			       (depth < 2 &&
			        ma_sh_wrapped_stdin(s, ws + i, we + i, n - i, depth + 1));
	}
	return 0;
}

/* 1 when element k of lx is a pipe: "|" or bash's "|&" (standard error
 * too). */
static int ma_sh_is_pipe(const char *s, const struct ma_sh_lex *lx, int k)
{
	const struct ma_sh_el *e = &lx->el[k];

	return e->kind == MA_SH_PIPE && s[e->start] == '|' &&
	       (e->end - e->start == 1 || (e->end - e->start == 2 && s[e->start + 1] == '&'));
}

/* 1 when element k's command (a word of it) writes into a pipe to a
 * shell that reads its script from standard input (ma_sh_stdin_shell):
 * echo '...' | sh, also |& sh, a shell later in the pipeline (| tee f |
 * sh, | sed s/a/b/ | sh: a filter passes its data on, and the shell
 * reads what comes) and a group's output ({ echo '...'; } | sh,
 * (echo '...') | sh). The commands after the pipe are read from lx's
 * elements (redirections and their targets skipped). */
static int ma_sh_piped_to_shell(const char *s, const struct ma_sh_lex *lx, int k)
{
	size_t ws[MA_SH_IN_WORDS], we[MA_SH_IN_WORDS];
	int n, stages = 0;

	for (k++; k < lx->nel && lx->el[k].kind != MA_SH_PIPE; k++) {
		const struct ma_sh_el *e = &lx->el[k];
		if (e->kind == MA_SH_WORD || e->kind == MA_SH_REDIR)
			continue;
		/* the end of a group the command is the last of: "; }" or ")" */
		if (e->kind == MA_SH_SEQ && s[e->start] != '&' && k + 1 < lx->nel &&
		    lx->el[k + 1].kind == MA_SH_WORD &&
		    lx->el[k + 1].end - lx->el[k + 1].start == 1 && s[lx->el[k + 1].start] == '}') {
			k++;
			continue;
		}
		if (e->kind == MA_SH_RPAREN)
			continue;
		return 0;
	}
	if (k == lx->nel || !ma_sh_is_pipe(s, lx, k))
		return 0;
	for (;;) {
		n = 0;
		for (k++; k < lx->nel && n < MA_SH_IN_WORDS; k++) {
			const struct ma_sh_el *e = &lx->el[k];
			/* a group's opening before the command (review17: echo
			 * '...' | (bash), | { bash; }: the group's standard
			 * input is its first command's) */
			if (n == 0 && (e->kind == MA_SH_LPAREN ||
			               (e->kind == MA_SH_WORD && e->end - e->start == 1 &&
			                s[e->start] == '{')))
				continue;
			if (e->kind == MA_SH_REDIR) {
				k++; /* and its target */
				continue;
			}
			if (e->kind == MA_SH_HEREDOC || e->kind == MA_SH_COMMENT)
				continue;
			if (e->kind != MA_SH_WORD)
				break;
			ws[n] = e->start;
			we[n++] = e->end;
		}
		if (ma_sh_stdin_shell(s, ws, we, n, k < lx->nel || (k >= lx->nel && lx->complete)))
			return 1;
		/* through sudo -s, su, runuser or env -S (review17: echo '...'
		 * | su root ran it, as the here-string does) */
		if (n > 0 && (k < lx->nel || lx->complete) && ma_sh_wrapped_stdin(s, ws, we, n, 0))
			return 1;
		/* a filter: on to the next command of the pipeline, unless it
		 * prints a count or a hash */
		if (n == 0 || k >= lx->nel || !ma_sh_is_pipe(s, lx, k) || ++stages == 8 ||
		    ma_sh_count_stage(s, ws, we, n))
			return 0;
	}
}

/* The program's name of the command that holds byte at of s, read from
 * the text back to the command's start (a ; & | newline ( or backtick,
 * MA_SH_RP_WORDS words at most): its first word that is no assignment,
 * nor a program that runs the next one (sudo, env, timeout ...) or such
 * a program's option or number; its base name in [*p, *q). 0 when the
 * start is further back. */
static int ma_sh_text_name(const char *s, size_t at, size_t *p, size_t *q)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k = at;
	int n = 0, wrapped = 0;

	for (;;) {
		while (k > 0 && stop[(unsigned char)s[k - 1]] == 1)
			k--;
		if (k == 0 || stop[(unsigned char)s[k - 1]])
			break;
		if (n == MA_SH_RP_WORDS)
			return 0;
		we[n] = k;
		while (k > 0 && !stop[(unsigned char)s[k - 1]])
			k--;
		ws[n++] = k;
		ma_sh_rp_unquote(s, &ws[n - 1], &we[n - 1]);
	}
	while (n-- > 0) {
		size_t a = ws[n], b = we[n];
		if ((b - a == 1 && (s[a] == '{' || s[a] == '!')) || ma_sh_assign_word(s, a, b) ||
		    (wrapped && (s[a] == '-' || (s[a] >= '0' && s[a] <= '9'))))
			continue;
		if (ma_sh_name_kind(s + a, b - a) == MA_SH_NAME_PREFIX) {
			wrapped = 1;
			continue;
		}
		*q = b;
		while (b > a && s[b - 1] != '/')
			b--;
		*p = b;
		return 1;
	}
	return 0;
}

/* 1 when the word [p, q) of s is the literal lit. */
static int ma_sh_is(const char *s, size_t p, size_t q, const char *lit)
{
	size_t n = strlen(lit);

	return q - p == n && !memcmp(s + p, lit, n);
}

/* 1 when element k (a quoted word at byte qs) is an argument of echo or
 * printf, whose command writes into a pipe to a shell
 * (ma_sh_piped_to_shell), or cat's here-string (cat <<< '...' | bash):
 * what they print is that shell's script. */
static int ma_sh_echo_piped(const char *s, const struct ma_sh_lex *lx, int k, size_t qs)
{
	size_t p, q, h = qs;

	while (h > 0 && (s[h - 1] == ' ' || s[h - 1] == '\t'))
		h--;
	/* the pipe first: the elements after the word, in the window; cat's
	 * here-string prints it too (review17: cat <<< '...' | bash) */
	return ma_sh_piped_to_shell(s, lx, k) && ma_sh_text_name(s, qs, &p, &q) &&
	       (ma_sh_is(s, p, q, "echo") || ma_sh_is(s, p, q, "printf") ||
	        (ma_sh_is(s, p, q, "cat") && h >= 3 && !memcmp(s + h - 3, "<<<", 3) &&
	         (h == 3 || s[h - 4] != '<')));
}

/* 1 when a command of the pipeline whose words start at byte k of s (up
 * to at, the end of the here-document's line) is a shell that reads its
 * script from standard input: the first command's, then each one after a
 * pipe ("|" or "|&"; a filter passes its data on: cat <<EOF | tee f |
 * sh). Words are split at blanks, quotes read as bytes; redirections are
 * skipped. */
static int ma_sh_here_stages(const char *s, size_t k, size_t at)
{
	size_t ws[MA_SH_IN_WORDS], we[MA_SH_IN_WORDS];

	for (int stages = 0; stages < 8; stages++) {
		int n = 0;
		for (; k < at && n < MA_SH_IN_WORDS;) {
			while (k < at && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k >= at || s[k] == '\n' || s[k] == ';' || s[k] == '&' || s[k] == '|' ||
			    s[k] == ')')
				break;
			ws[n] = k;
			while (k < at && s[k] != ' ' && s[k] != '\t' && s[k] != '\n' &&
			       s[k] != ';' && s[k] != '&' && s[k] != '|' && s[k] != ')')
				k++;
			we[n] = k;
			if (s[ws[n]] == '<' || s[ws[n]] == '>' ||
			    (s[ws[n]] >= '0' && s[ws[n]] <= '9' && ws[n] + 1 < k &&
			     (s[ws[n] + 1] == '>' || s[ws[n] + 1] == '<')))
				continue; /* a redirection */
			n++;
		}
		if (ma_sh_stdin_shell(s, ws, we, n, n < MA_SH_IN_WORDS))
			return 1;
		if (n == 0 || k + 1 >= at || s[k] != '|' || s[k + 1] == '|' ||
		    ma_sh_count_stage(s, ws, we, n))
			return 0;
		k += 1 + (s[k + 1] == '&');
	}
	return 0;
}

/* 1 when the words after the here-document's delimiter (the << at byte
 * h of s; its line ends before at) hold a shell's script operand or -c:
 * bash <<EOF run.sh runs run.sh and the body is its standard input
 * (ma_sh_script_after's reading, from the text: blanks split the words,
 * quotes read as bytes, redirections skipped; -s or "-" keeps stdin the
 * script). */
static int ma_sh_here_operand(const char *s, size_t h, size_t at)
{
	size_t k = h + 2 + (h + 2 < at && s[h + 2] == '-');
	int skip = 0, opts = 1;

	while (k < at && (s[k] == ' ' || s[k] == '\t'))
		k++;
	while (k < at && !strchr(" \t\n;&|)", s[k]))
		k++; /* the delimiter */
	for (;;) {
		size_t p;
		while (k < at && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k >= at || strchr("\n;&|)", s[k]))
			return 0;
		p = k;
		while (k < at && !strchr(" \t\n;&|)", s[k]))
			k++;
		if (skip) {
			skip = 0;
			continue;
		}
		if (s[p] == '<' || s[p] == '>' ||
		    (s[p] >= '0' && s[p] <= '9' && p + 1 < k &&
		     (s[p + 1] == '<' || s[p + 1] == '>'))) {
			/* a redirection, its target in the next word when none
			 * follows the operator */
			skip = s[k - 1] == '<' || s[k - 1] == '>' || s[k - 1] == '&';
			continue;
		}
		if (opts && k - p >= 2 && (s[p] == '-' || s[p] == '+')) {
			if (k - p == 2 && s[p + 1] == '-') {
				opts = 0;
				continue;
			}
			if (s[p] == '-' && s[p + 1] != '-') {
				if (memchr(s + p + 1, 's', k - p - 1))
					return 0;
				if (memchr(s + p + 1, 'c', k - p - 1)) {
					/* -c's line: data only when it reads no stdin */
					size_t r;
					while (k < at && (s[k] == ' ' || s[k] == '\t'))
						k++;
					r = k;
					if (r < at && (s[r] == '\'' || s[r] == '"')) {
						const char *z = memchr(s + r + 1, s[r], at - r - 1);
						if (!z)
							return 0;
						k = (size_t)(z - s) + 1;
					} else {
						while (k < at && !strchr(" \t\n;&|)", s[k]))
							k++;
					}
					return k > r && ma_sh_quiet_c_line(s, r, k);
				}
			}
			skip = (k - p == 2 && (s[p + 1] == 'o' || s[p + 1] == 'O')) ||
			       ma_sh_rp_long_value(s, p, k);
			continue;
		}
		return !(k - p == 1 && s[p] == '-') && ma_sh_plain_operand(s, p, k);
	}
}

/* 1 when the command of the here-document's line (ls its start, h its
 * <<, at the line's end) runs a shell that reads standard input through
 * sudo -s, su or env -S (ma_sh_wrapped_stdin): its words from the
 * command's start to its end, blanks splitting them, quotes read as
 * bytes, redirections and the delimiter skipped (shell25). */
static int ma_sh_here_wrapped(const char *s, size_t ls, size_t h, size_t at)
{
	size_t ws[MA_SH_RP_WORDS + 8], we[MA_SH_RP_WORDS + 8], k = h;
	int n = 0, skip = 0;

	while (k > ls && !strchr(";&|(", s[k - 1]))
		k--;
	while (k < at) {
		size_t p;
		while (k < at && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k >= at || strchr("\n;&|)", s[k]))
			break;
		p = k;
		while (k < at && !strchr(" \t\n;&|)", s[k]))
			k++;
		if (skip) {
			skip = 0;
			continue;
		}
		if (s[p] == '<' || s[p] == '>' ||
		    (s[p] >= '0' && s[p] <= '9' && p + 1 < k &&
		     (s[p + 1] == '<' || s[p + 1] == '>'))) {
			/* a redirection (the << and its delimiter), its target
			 * in the next word when none follows the operator */
			skip = s[k - 1] == '<' || s[k - 1] == '>' || s[k - 1] == '&' ||
			       s[k - 1] == '-';
			continue;
		}
		if (n == MA_SH_RP_WORDS + 8)
			return 0;
		ws[n] = p;
		we[n++] = k;
	}
	return n > 0 && ma_sh_wrapped_stdin(s, ws, we, n, 0);
}

/* 1 when the here-document body that starts at byte at of s (after the
 * line that holds its <<) is given to a shell that reads its script from
 * standard input (sh <<EOF, bash -s <<'EOF', sh 0<<EOF, <<EOF sh: no
 * operand and no -c between the shell and the <<) or to a command that
 * writes into a pipe to one (cat <<EOF | sh, cat <<EOF | tee f | sh):
 * read from the text of that line, the last << or <<- in it (blanks
 * split its words, quotes read as bytes). */
static int ma_sh_here_to_shell(const char *s, size_t at, int feeds)
{
	static const struct ma_sh_lit shells[] = {
	    MA_SH_LIT("sh"),  MA_SH_LIT("bash"), MA_SH_LIT("dash"), MA_SH_LIT("zsh"),
	    MA_SH_LIT("ksh"), MA_SH_LIT("ash"),  MA_SH_LIT("mksh"), MA_SH_LIT("hush")};
	size_t ls, h = 0, p, q, k;
	int found = 0, sflag = 0;

	if (at == 0 || s[at - 1] != '\n')
		return 0;
	for (ls = at - 1; ls > 0 && s[ls - 1] != '\n'; ls--)
		;
	for (k = ls; k + 1 < at; k++)
		if (s[k] == '<' && s[k + 1] == '<' && (k + 2 >= at || s[k + 2] != '<') &&
		    (k == ls || s[k - 1] != '<')) {
			h = k;
			found = 1;
		}
	if (!found)
		return 0;
	if (ma_sh_here_wrapped(s, ls, h, at))
		return 1; /* sudo -s <<EOF bash, su root <<EOF */
	if (!ma_sh_text_name(s, h, &p, &q)) {
		/* the << before the command's name (<<EOF sh): nothing but
		 * blanks between the command's start and it */
		for (k = h; k > ls && (s[k - 1] == ' ' || s[k - 1] == '\t'); k--)
			;
		if (k > ls && s[k - 1] != ';' && s[k - 1] != '&' && s[k - 1] != '|' &&
		    s[k - 1] != '(')
			return 0;
		k = h + 2 + (h + 2 < at && s[h + 2] == '-');
		while (k < at && (s[k] == ' ' || s[k] == '\t'))
			k++;
		while (k < at && !strchr(" \t\n;&|)", s[k]))
			k++; /* the delimiter */
		return ma_sh_here_stages(s, k, at);
	}
	if (ma_sh_ssh_name(s, p, q, &found))
		return ma_sh_here_stages(s, p, h); /* ssh host <<EOF: ssh's stdin */
	if (ma_sh_is(s, p, q, "at") || ma_sh_is(s, p, q, "batch"))
		return ma_sh_here_stages(s, p, h); /* at 23:00 <<EOF: the job's commands */
	if (ma_sh_base_in(s, p, q, shells, sizeof shells / sizeof shells[0])) {
		/* its words between the name and the <<: options without c,
		 * and the descriptor 0 of the redirection itself (sh 0<<EOF) */
		for (k = q; k < h; k++) {
			if (s[k] == ' ' || s[k] == '\t')
				continue;
			if (s[k] == '0' && k + 1 == h)
				break;
			if (s[k] != '-' && s[k] != '+') {
				/* an operand: the script; standard input's own
				 * names read the here-document (sh /dev/stdin <<E) */
				size_t e = k;
				while (e < h && s[e] != ' ' && s[e] != '\t')
					e++;
				return ma_sh_is(s, k, e, "/dev/stdin") ||
				       ma_sh_is(s, k, e, "/dev/fd/0") ||
				       ma_sh_is(s, k, e, "/proc/self/fd/0");
			}
			if (s[k] == '-' && k + 1 < h && s[k + 1] != '-')
				for (size_t x = k; x < h && s[x] != ' ' && s[x] != '\t'; x++)
					sflag |= s[x] == 's';
			for (; k < h && s[k] != ' ' && s[k] != '\t'; k++)
				if (s[k] == 'c' && s[k - 1] != '-')
					return 0;
		}
		return sflag || !ma_sh_here_operand(s, h, at);
	}
	/* the pipe after the here-document's delimiter, on its line */
	for (k = h + 2; k < at && !(s[k] == '|' && s[k + 1] != '|' && s[k - 1] != '|'); k++)
		if (s[k] == ';' || s[k] == '&' || s[k] == '>')
			return 0;
	if (k >= at)
		return feeds && ma_sh_is(s, p, q, "cat"); /* bash <(cat <<EOF ...) */
	return ma_sh_here_stages(s, k + 1 + (s[k + 1] == '&'), at);
}

/* 1 when the word [w0, w1) of s (ws/we: the n words before it, nearest
 * first, back to its command's start) is an argument of printf -v
 * NAME (-vNAME too) after its format, or the format itself: printf
 * writes the value into NAME ([*np, *nq)); not with %q or %Q in a word
 * from the format to it (printf -v y %q "$x" quotes the value for the
 * shell: eval "$y" runs the one word). Read from the text, back to the
 * command's start. */
static int ma_sh_printf_v_w(const char *s, const size_t *ws, const size_t *we, int n, size_t w0,
                            size_t w1, size_t *np, size_t *nq)
{
	size_t e;
	int mid;

	if (n < 2 || n == MA_SH_RP_WORDS || !ma_sh_is(s, ws[n - 1], we[n - 1], "printf"))
		return 0;
	if (ma_sh_is(s, ws[n - 2], we[n - 2], "-v")) {
		if (n < 3)
			return 0;
		*np = ws[n - 3];
		*nq = we[n - 3];
		ma_sh_rp_unquote(s, np, nq); /* printf -v 'y' */
		mid = n - 3;
	} else if (we[n - 2] - ws[n - 2] > 2 && s[ws[n - 2]] == '-' && s[ws[n - 2] + 1] == 'v') {
		*np = ws[n - 2] + 2;
		*nq = we[n - 2];
		mid = n - 2;
	} else {
		return 0;
	}
	for (e = *np; e < *nq; e++)
		if (!(s[e] == '_' || (s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z') ||
		      (e > *np && s[e] >= '0' && s[e] <= '9')))
			return 0;
	/* the words from the format on, and the word itself */
	for (int i = mid - 1; i >= -1; i--) {
		size_t p = i >= 0 ? ws[i] : w0, q = i >= 0 ? we[i] : w1;
		for (size_t x = p; x + 1 < q; x++)
			if (s[x] == '%' && (s[x + 1] == 'q' || s[x + 1] == 'Q'))
				return 0;
	}
	return 1;
}

static const unsigned char ma_sh_back_stop[256] = {
    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};

/* 1 when the word at element i ends, as tmux reads its argument, with a
 * command separator (x\;, \;, ';', "x;": an argument ";" or one that
 * ends with ";" ends a tmux command, tmux(1)) whose ';' the input [a, b)
 * brings, a word follows it (the next tmux command) and the command is
 * tmux's or byobu's: the input starts a tmux command of its own
 * (run-shell, new-window CMD, pipe-pane CMD, if-shell ...). */
static int ma_sh_tmux_sep_brought(const char *s, const struct ma_sh_lex *lx, int i, size_t a,
                                  size_t b)
{
	static const struct ma_sh_lit tmux[] = {MA_SH_LIT("tmux"), MA_SH_LIT("byobu")};
	const struct ma_sh_el *e = &lx->el[i];
	size_t end = e->end, p, q;

	if (e->kind != MA_SH_WORD || i + 1 >= lx->nel || lx->el[i + 1].kind != MA_SH_WORD)
		return 0;
	if (end - e->start >= 2 && (s[end - 1] == '\'' || s[end - 1] == '"') && s[end - 2] == ';')
		end--; /* ';' or "x;": the quote closes after it */
	else if (!(end - e->start >= 2 && s[end - 1] == ';' && s[end - 2] == '\\'))
		return 0;
	if (end - 1 < a || end - 1 >= b)
		return 0;
	if (ma_sh_text_name(s, e->start, &p, &q) && ma_sh_base_in(s, p, q, tmux, 2))
		return 1;
	/* or a command after tmux's own separator (tmux new -s w \;
	 * rename-window x \; run-shell id): its start, then back */
	p = e->start;
	for (int n = 0; n < MA_SH_RP_WORDS * 4; n++)
		if (!ma_sh_rp_back(s, ma_sh_back_stop, &p, &q, &end))
			return ma_sh_tmux_chained(s, p);
	return 0;
}

/* Where a tmux command separator ends right before byte k of s (the
 * walk back stopped at a ';', s[k - 1]): an escaped one (\;, x\;) or
 * one quoted whole (';', ";"); tmux(1) reads an argument ";" or one
 * that ends with ";" as the end of a command. Returns the byte where the
 * separator's word starts (the walk goes on from there), 0 when the ';'
 * is the shell's. */
static size_t ma_sh_tmux_sep_at(const char *s, size_t k)
{
	/* ';' or ";" quoted whole, k after its closing quote or on it
	 * (the walk back stops at the ';': shell37) */
	if (k >= 3 && (s[k - 1] == '\'' || s[k - 1] == '"') && s[k - 2] == ';' &&
	    s[k - 3] == s[k - 1])
		return k - 3;
	if (k < 2 || s[k - 1] != ';')
		return 0;
	if (s[k - 2] == '\\')
		return k - 2;
	if ((s[k - 2] == '\'' || s[k - 2] == '"') && s[k] == s[k - 2])
		return k - 2;
	return 0;
}

/* 1 when the command whose words start at byte k of s (the walk of
 * ma_sh_reparses stopped there) follows a tmux command separator of
 * tmux's own command line (tmux new -s w \; send-keys '...' Enter):
 * back over the commands before it, separated the same way, to the
 * shell command's start, whose first word is tmux or byobu. The words
 * between are read from the text, MA_SH_RP_WORDS * 4 at most. */
static int ma_sh_tmux_chained(const char *s, size_t k)
{
	static const struct ma_sh_lit tmux[] = {MA_SH_LIT("tmux"), MA_SH_LIT("byobu")};
	size_t ws = 0, we = 0, sep;
	int n = 0, words = 0;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	sep = ma_sh_tmux_sep_at(s, k);
	if (!sep)
		return 0;
	k = sep;
	for (; n < MA_SH_RP_WORDS * 4; n++) {
		if (ma_sh_rp_back(s, ma_sh_back_stop, &k, &ws, &we)) {
			words++;
			continue;
		}
		sep = ma_sh_tmux_sep_at(s, k);
		if (sep) {
			k = sep;
			continue;
		}
		/* the shell command's start: its first word */
		return words > 0 && ma_sh_base_in(s, ws, we, tmux, 2);
	}
	return 0;
}

/* ma_sh_printf_v_w on the words back from w0 to the command's start */
static int ma_sh_printf_v(const char *s, size_t w0, size_t w1, size_t *np, size_t *nq)
{
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k = w0;
	int n = 0;

	while (n < MA_SH_RP_WORDS && ma_sh_rp_back(s, ma_sh_back_stop, &k, &ws[n], &we[n]))
		n++;
	return ma_sh_printf_v_w(s, ws, we, n, w0, w1, np, nq);
}

/* 1 when the variable [p, q) of s, assigned at element e0 of lx, is
 * expanded later in the window in a word that is a command line a shell
 * reads (ma_sh_reparses: eval "$x", sh -c "$cmd") or that echo or printf
 * writes into a pipe to a shell (echo "$x" | sh): x='...'; eval "$x"
 * runs the value as eval '...' would; or in a copy of it to another
 * variable that is (y=$x; eval "$y", y="${x}": depth copies more,
 * session 22). */
/* 1 when the word [w, e) of s holds, as a whole word (runs of letters,
 * digits, _ - .; a '/' ends one: /bin/sh), the name of a command that
 * reads a line again (eval, source, trap, read, mapfile, a shell, ssh,
 * watch; a shell's name with a version or suffix too: ksh93,
 * bash-static) or of a variable a shell runs (PROMPT_COMMAND, BASH_ENV,
 * ENV): not "sh" in show or push, "read" in readlink (shellfp, session
 * 24). */
static int ma_sh_again_name(const char *s, size_t w, size_t e)
{
	/* names, as whole words (a '/' before them too: /bin/sh); the
	 * shells are names[MA_SH_AGAIN_SHELLS .. MA_SH_AGAIN_SHELLS_END) */
	enum { MA_SH_AGAIN_SHELLS = 6, MA_SH_AGAIN_SHELLS_END = 20 };
	static const char *const names[] = {
	    "eval",      "source",  "trap",    "read",  "mapfile",
	    "readarray", "sh",      "bash",    "dash",  "zsh",
	    "ksh",       "ash",     "mksh",    "hush",  "csh",
	    "tcsh",      "fish",    "yash",    "posh",  "rbash",
	    "ssh",       "autossh", "sshpass", "watch", "PROMPT_COMMAND",
	    "BASH_ENV",  "ENV"};
	size_t k = w;

	while (k < e) {
		size_t j;
		if (!ma_sh_name_char(s[k]) || s[k] == '-') {
			k++;
			continue;
		}
		for (j = k; j < e && (ma_sh_name_char(s[j]) || s[j] == '-' || s[j] == '.'); j++)
			;
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
			size_t l = strlen(names[i]);
			if (l > j - k || memcmp(s + k, names[i], l))
				continue;
			/* a shell's name with a version or a suffix: ksh93,
			 * bash-static, zsh-5.9 (review16) */
			if (l == j - k || (i >= MA_SH_AGAIN_SHELLS && i < MA_SH_AGAIN_SHELLS_END &&
			                   (s[k + l] == '-' || s[k + l] == '.' ||
			                    (s[k + l] >= '0' && s[k + l] <= '9'))))
				return 1;
		}
		k = j;
	}
	return 0;
}

/* 1 when the "$" at byte d of the word that starts at w in s is
 * literal there (inside single quotes, or after a backslash: eval 'echo
 * "$x"', eval "echo \$x") and the word [w, e) holds nothing that reads
 * a line again once more (ma_sh_again_name's words, ". ", -c, a
 * substitution, a pipe): the reparsed line expands the variable once,
 * as data (bash 5.2.15 ran nothing). */
static int ma_sh_literal_dollar(const char *s, size_t w, size_t e, size_t d)
{
	/* syntax, as bytes anywhere ("-c" not inside "--color") */
	static const char *const again[] = {". ", "`", "$(", "<(", ">(", "|"};
	int q = 0, lit = 0;

	for (size_t k = w; k < d; k++) {
		if (!q && s[k] == '\\') {
			if (++k == d)
				lit = 1;
			continue;
		}
		if (q == '"' && s[k] == '\\') {
			if (++k == d)
				lit = 1;
			continue;
		}
		if ((!q && (s[k] == '\'' || s[k] == '"')) || (q && s[k] == q))
			q = q ? 0 : s[k];
	}
	if (!lit && q != '\'')
		return 0;
	for (size_t i = 0; i < sizeof again / sizeof again[0]; i++)
		if (memmem(s + w, e - w, again[i], strlen(again[i])))
			return 0;
	for (size_t k = w; k + 1 < e; k++)
		if (s[k] == '-' && s[k + 1] == 'c' && (k == w || s[k - 1] != '-'))
			return 0; /* -c: a line of its own (su -c, flock -c) */
	if (memmem(s + w, e - w, "--command", 9))
		return 0; /* su, runuser, flock, script --command (review16) */
	return !ma_sh_again_name(s, w, e);
}

static int ma_sh_var_runs_d(const char *s, const struct ma_sh_lex *lx, int e0, const char *nm,
                            size_t n, int depth)
{

	for (int k = e0 + 1; k < lx->nel; k++) {
		const struct ma_sh_el *e = &lx->el[k];
		const char *d;
		size_t at = e->start;
		if (e->kind != MA_SH_WORD)
			continue;
		while (at < e->end && (d = memchr(s + at, '$', e->end - at)) != NULL) {
			size_t x = (size_t)(d - s) + 1, y;
			int brace = x < e->end && s[x] == '{';
			at = x;
			x += (size_t)brace;
			if (e->end - x < n || memcmp(s + x, nm, n))
				continue;
			y = x + n;
			/* ${a[0]}, ${a[@]}: an element of an array (mapfile's) */
			if (brace && y < e->end && s[y] == '[') {
				while (y < e->end && s[y] != ']')
					y++;
				y++;
			}
			if (brace ? (y >= e->end || s[y] != '}')
			          : (y < e->end && (s[y] == '_' || (s[y] >= 'a' && s[y] <= 'z') ||
			                            (s[y] >= 'A' && s[y] <= 'Z') ||
			                            (s[y] >= '0' && s[y] <= '9'))))
				continue;
			if (ma_sh_literal_dollar(s, e->start, e->end, (size_t)(d - s)))
				continue; /* eval 'echo "$x"': expanded once, as data */
			if (ma_sh_reparses_at(s, lx, k, e->start, NULL) ||
			    ma_sh_echo_piped(s, lx, k, e->start))
				return 1;
			/* a copy: NAME=$x, NAME="$x", NAME="${x}" (the value
			 * starts with the expansion), printf -v NAME FMT "$x" */
			if (depth > 0) {
				size_t np, nq;
				if (ma_sh_printf_v(s, e->start, e->end, &np, &nq) &&
				    ma_sh_var_runs_d(s, lx, k, s + np, nq - np, depth - 1))
					return 1;
			}
			/* a word of a for (or select) loop's list: its
			 * variable takes each (for c in "${a[@]}"; do eval
			 * "$c"; done) */
			if (depth > 0) {
				size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], kk = e->start;
				int nw = 0;
				while (nw < MA_SH_RP_WORDS &&
				       ma_sh_rp_back(s, ma_sh_back_stop, &kk, &ws[nw], &we[nw]))
					nw++;
				if (nw >= 3 && nw < MA_SH_RP_WORDS &&
				    (ma_sh_is(s, ws[nw - 1], we[nw - 1], "for") ||
				     ma_sh_is(s, ws[nw - 1], we[nw - 1], "select")) &&
				    ma_sh_is(s, ws[nw - 3], we[nw - 3], "in") &&
				    ma_sh_var_runs_d(s, lx, k, s + ws[nw - 2],
				                     we[nw - 2] - ws[nw - 2], depth - 1))
					return 1;
			}
			if (depth > 0 && ma_sh_assign_plus(s, e->start, e->end)) {
				size_t v = e->start;
				while (s[v] != '=')
					v++;
				/* anywhere in the value (y="ls $x", y=${y:-$x}),
				 * NAME+= too */
				if (v < (size_t)(d - s) &&
				    ma_sh_var_runs_d(s, lx, k, s + e->start,
				                     v - e->start - (s[v - 1] == '+'), depth - 1))
					return 1;
			}
			break;
		}
	}
	return 0;
}

static int ma_sh_var_runs(const char *s, const struct ma_sh_lex *lx, int e0, size_t p, size_t q)
{
	return ma_sh_var_runs_d(s, lx, e0, s + p, q - p, 2);
}

/* 1 when a variable that read names in its words ws/we[from, top)
 * (nearest first; ws[top] is "read") is expanded later, after element e0
 * of lx, where a shell reads it again (ma_sh_var_runs): each variable
 * takes a field, the last the rest of the line. Its options with a value
 * (-p, -d, -n, -N, -t, -u) are skipped with it; -a (an array) is not
 * followed. mapfile and readarray read the lines into one array, its
 * elements expanded as ${a[0]}, ${a[@]} (session 23: bash 5.2.15 ran
 * mapfile -t a <<< '...'; eval "${a[0]}"). */
/* 1 when the option cluster [p, q) of s takes the next word as its
 * value: its first letter that takes one (in vals) is its last (-td ''
 * a: -t, then -d's value ''; -dx: x is -d's value, attached). */
static int ma_sh_cluster_next(const char *s, size_t p, size_t q, const char *vals)
{
	for (size_t k = p + 1; k < q; k++)
		if (strchr(vals, s[k]))
			return k + 1 == q;
	return 0;
}

static int ma_sh_read_vars_run(const char *s, const struct ma_sh_lex *lx, int e0, const size_t *ws,
                               const size_t *we, int from, int top)
{
	if (s[ws[top]] != 'r' || we[top] - ws[top] != 4) {
		/* mapfile, readarray: its options with a value (-d, -n, -O,
		 * -s, -u, -C, -c) skipped, then the array (MAPFILE when none),
		 * each line an element */
		for (int i = top - 1; i >= from; i--) {
			if (s[ws[i]] == '-') {
				if (ma_sh_cluster_next(s, ws[i], we[i], "dnOsuCc"))
					i--;
				continue;
			}
			return ma_sh_var_runs(s, lx, e0, ws[i], we[i]);
		}
		return ma_sh_var_runs_d(s, lx, e0, "MAPFILE", 7, 2);
	}
	int named = 0;

	for (int i = top - 1; i >= from; i--) {
		if (s[ws[i]] == '-') {
			if (memchr(s + ws[i], 'a', we[i] - ws[i]))
				return 0;
			if (ma_sh_cluster_next(s, ws[i], we[i], "pdnNtu"))
				i--;
			continue;
		}
		named = 1;
		if (ma_sh_var_runs(s, lx, e0, ws[i], we[i]))
			return 1;
	}
	/* no name: the line is REPLY */
	return !named && ma_sh_var_runs_d(s, lx, e0, "REPLY", 5, 2);
}

/* The index of "read" (or mapfile, readarray: the lines into an array)
 * among the words ws/we (n of them, nearest first, back to the command's
 * start): the farthest once assignments before it are passed (IFS= read,
 * LC_ALL=C IFS= read); -1 when it is none of them. */
static int ma_sh_read_top(const char *s, const size_t *ws, const size_t *we, int n)
{
	int top = n - 1;

	while (top > 0 && ma_sh_assign_word(s, ws[top], we[top]))
		top--;
	return top >= 0 && (ma_sh_is(s, ws[top], we[top], "read") ||
	                    ma_sh_is(s, ws[top], we[top], "mapfile") ||
	                    ma_sh_is(s, ws[top], we[top], "readarray"))
	           ? top
	           : -1;
}

/* 1 when the quoted word [qs, w1) at element e0 of lx is the
 * here-string of read (read -r x <<< '...', IFS= read -r x <<< '...')
 * and a variable read names is expanded later where a shell reads it
 * again (ma_sh_read_vars_run; bash 5.2 ran read -r x <<< '...'; eval
 * "$x"), or an argument of printf -v NAME (ma_sh_printf_v_w: printf -v
 * y %s '...') and NAME is. The words are read from the text (the window
 * starts at the input), once for both. */
static int ma_sh_read_runs(const char *s, const struct ma_sh_lex *lx, int e0, size_t qs, size_t w1)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k = qs, np, nq;
	int n = 0, top;

	while (n < MA_SH_RP_WORDS && ma_sh_rp_back(s, stop, &k, &ws[n], &we[n]))
		n++;
	if (n == MA_SH_RP_WORDS)
		return 0;
	if (n >= 2 && ma_sh_is(s, ws[0], we[0], "<<<")) {
		/* nearest first: "<<<", then read's words back to "read" */
		top = ma_sh_read_top(s, ws, we, n);
		return top >= 1 && ma_sh_read_vars_run(s, lx, e0, ws, we, 1, top);
	}
	return ma_sh_printf_v_w(s, ws, we, n, qs, w1, &np, &nq) &&
	       ma_sh_var_runs(s, lx, e0, np, nq);
}

/* 1 when the here-document whose body starts at byte at of s (element
 * e0 of lx) is read's standard input (read -r x <<'E', IFS= read x
 * <<-E: the last << of the line before the body) and a variable read
 * names runs later (ma_sh_read_vars_run; bash 5.2 and dash ran read -r
 * x <<'E' ... E then eval "$x"). */
static int ma_sh_here_read_runs(const char *s, const struct ma_sh_lex *lx, int e0, size_t at)
{
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], ls, h = SIZE_MAX, k;
	int n = 0, top;

	if (at == 0 || s[at - 1] != '\n')
		return 0;
	for (ls = at - 1; ls > 0 && s[ls - 1] != '\n'; ls--)
		;
	for (k = ls; k + 1 < at; k++)
		if (s[k] == '<' && s[k + 1] == '<' && (k + 2 >= at || s[k + 2] != '<') &&
		    (k == ls || s[k - 1] != '<'))
			h = k;
	if (h == SIZE_MAX)
		return 0;
	k = h;
	while (n < MA_SH_RP_WORDS && ma_sh_rp_back(s, stop, &k, &ws[n], &we[n]))
		n++;
	if (n < 1 || n == MA_SH_RP_WORDS)
		return 0;
	top = ma_sh_read_top(s, ws, we, n);
	return top >= 0 && ma_sh_read_vars_run(s, lx, e0, ws, we, 0, top);
}

/* Where the quote of word w (its bytes [w->start, w->end)) opens after
 * what comes before it: *qs, and what that is: 0 nothing, 1 an
 * assignment to PROMPT_COMMAND (ma_sh_prompt_command), 2 an option the
 * value is attached to (-c'...', -lc"...", -C'...', --command='...'), 3
 * an assignment to another variable (NAME= or NAME+=; *nq the name's
 * end). -1: no quote there. */
static int ma_sh_quote_after(const char *s, const struct ma_sh_el *w, size_t *qs, size_t *nq)
{
	size_t k = w->start;
	const char *eq;

	*qs = k;
	if (s[k] == '\'' || s[k] == '"')
		return 0;
	if (ma_sh_prompt_command(s, w->start, w->end, qs))
		return 1;
	if (s[k] == '-') {
		if (w->end - k > 11 && !memcmp(s + k, "--command=", 10)) {
			k += 10;
		} else if (w->end - k > 8 && !memcmp(s + k, "--args=", 7)) {
			k += 7; /* ansible's */
		} else if (s[k + 1] == '-' && (eq = memchr(s + k, '=', w->end - k)) != NULL &&
		           ma_sh_fish_line_opt(s, k, (size_t)(eq - s) + 1, 1)) {
			k = (size_t)(eq - s) + 1; /* fish's --init-command=, --comm= */
		} else {
			for (k++; k < w->end &&
			          ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'));
			     k++)
				;
			if (k == w->start + 1)
				return -1;
		}
		*qs = k;
		return k < w->end && (s[k] == '\'' || s[k] == '"') ? 2 : -1;
	}
	while (k < w->end &&
	       (s[k] == '_' || (s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
	        (k > w->start && s[k] >= '0' && s[k] <= '9')))
		k++;
	if (k == w->start || k + 2 >= w->end)
		return -1;
	*nq = k;
	k += s[k] == '+';
	if (s[k] != '=' || (s[k + 1] != '\'' && s[k + 1] != '"'))
		return -1;
	*qs = k + 1;
	return 3;
}

/* 1 when the word at element e0 of lx assigns the substitution m's
 * output to a variable (x=$(...), x="$(...)", x=`...`: the value starts
 * with it) that a shell reads again later (ma_sh_var_runs: eval "$x", sh
 * -c "$x"; bash 5.2.15 ran x=$(printf %s '...'); eval "$x"). */
static int ma_sh_subst_copy_runs(const char *s, const struct ma_sh_lex *lx, int e0,
                                 const struct ma_sh_el *m)
{
	const struct ma_sh_el *w = &lx->el[e0];
	size_t v = w->start;

	if (!ma_sh_assign_plus(s, w->start, w->end))
		return 0;
	while (s[v] != '=')
		v++;
	/* anywhere in the value (x="ls $(...)", x=${x:-$(...)}); NAME+= */
	if (m->start <= v || m->start >= w->end)
		return 0;
	return ma_sh_var_runs(s, lx, e0, w->start, v - (s[v - 1] == '+'));
}

/* 1 when what the application's substitution m (a mark in the word at
 * element e0 of lx) prints is a shell's script: a process substitution
 * that is the script operand of a shell (bash <(...), bash -x <(...),
 * sudo sh <(...): options without c before it) or the file of . or
 * source; a $( ) or backticks in a word a shell reads again (sh -c
 * "$(...)", eval "$(...)", eval $(...), bash <<< "$(...)", echo
 * "$(...)" | sh: ma_sh_reparses, ma_sh_echo_piped). bash 5.2 ran each. */
static int ma_sh_subst_feeds(const char *s, const struct ma_sh_lex *lx, int e0,
                             const struct ma_sh_el *m)
{
	static const struct ma_sh_lit shells[] = {
	    MA_SH_LIT("sh"),  MA_SH_LIT("bash"), MA_SH_LIT("dash"), MA_SH_LIT("zsh"),
	    MA_SH_LIT("ksh"), MA_SH_LIT("ash"),  MA_SH_LIT("mksh"), MA_SH_LIT("hush")};
	static const unsigned char stop[256] = {
	    [' '] = 1,  ['\t'] = 1, [';'] = 2, ['&'] = 2, ['|'] = 2,
	    ['\n'] = 2, ['('] = 2,  ['`'] = 2, ['\0'] = 2};
	const struct ma_sh_el *w;
	size_t ws[MA_SH_RP_WORDS], we[MA_SH_RP_WORDS], k;
	int n = 0, i = 0, at_start = 0;

	if (e0 >= lx->nel || lx->el[e0].kind != MA_SH_WORD)
		return 0;
	w = &lx->el[e0];
	if (s[m->start] == '>')
		return 0;
	if (s[m->start] != '<')
		return ma_sh_reparses_at(s, lx, e0, w->start, NULL) ||
		       ma_sh_echo_piped(s, lx, e0, w->start) || ma_sh_subst_copy_runs(s, lx, e0, m);
	if (w->start != m->start || w->end != m->end)
		return 0; /* <( ) is not the word: a path made with it */
	for (k = w->start; n < MA_SH_RP_WORDS; n++)
		if (!ma_sh_rp_back(s, stop, &k, &ws[n], &we[n])) {
			at_start = 1;
			break;
		}
	/* the target of "<" or "0<": the command's standard input (bash <
	 * <(...), ssh host < <(...)); its words after it too */
	if (n > 0 && (ma_sh_is(s, ws[0], we[0], "<") || ma_sh_is(s, ws[0], we[0], "0<"))) {
		size_t fws[4], fwe[4];
		int nf = 0, j = e0 + 1;
		if (!at_start)
			return 0;
		/* read or mapfile's standard input: its variables run later
		 * (mapfile -t a < <(printf ...); eval "${a[0]}") */
		{
			int top = ma_sh_read_top(s, ws, we, n);
			if (top >= 1 && ma_sh_read_vars_run(s, lx, e0, ws, we, 1, top))
				return 1;
		}
		for (; j < lx->nel; j++) {
			const struct ma_sh_el *f = &lx->el[j];
			if (f->kind == MA_SH_REDIR) {
				j++; /* and its target */
				continue;
			}
			if (f->kind != MA_SH_WORD || nf == 4)
				break;
			fws[nf] = f->start;
			fwe[nf++] = f->end;
		}
		return ma_sh_back_stdin_shell_f(s, ws, we, 1, n, fws, fwe, nf,
		                                (j < lx->nel && lx->el[j].kind != MA_SH_WORD) ||
		                                        (j >= lx->nel && lx->complete)
		                                    ? -1
		                                    : 0);
	}
	while (i < n && (s[ws[i]] == '-' || s[ws[i]] == '+') && we[i] - ws[i] >= 2 &&
	       !memchr(s + ws[i], 'c', we[i] - ws[i]))
		i++;
	if (i == n)
		return 0;
	if (i == 0 && (ma_sh_is(s, ws[0], we[0], ".") || ma_sh_is(s, ws[0], we[0], "source")))
		return 1;
	return ma_sh_base_in(s, ws[i], we[i], shells, sizeof shells / sizeof shells[0]) &&
	       ma_sh_rp_names(s, ws, we, n, i, at_start);
}

/* The file the command of element k of lx writes its output to, in
 * [*fs, *fe) of s as written (quotes stripped at its ends): its
 * redirection > F, >> F, 1> F, >| F, or the first operand of a tee it
 * pipes to (| tee -a F), also through up to two filters it pipes to (|
 * base64 > F, | gzip | tee F: the file holds the text, encoded; review25b
 * on shell39). 0 when none in the window. */
static int ma_sh_out_file(const char *s, const struct ma_sh_lex *lx, int k, size_t *fs, size_t *fe)
{
	int tee = 0, filters = 0;

	for (k++; k < lx->nel; k++) {
		const struct ma_sh_el *e = &lx->el[k];
		if (e->kind == MA_SH_HEREDOC)
			continue;
		if (e->kind == MA_SH_WORD) {
			if (tee && s[e->start] != '-' && !(e->flags & MA_SH_F_CMDWORD))
				break;
			continue;
		}
		if (e->kind == MA_SH_REDIR && (e->flags & MA_SH_F_OUT) &&
		    !memchr(s + e->start, '&', e->end - e->start) &&
		    (s[e->start] == '>' || (s[e->start] == '1' && e->end - e->start >= 2))) {
			if (k + 1 < lx->nel && lx->el[k + 1].kind == MA_SH_WORD) {
				k++;
				break;
			}
			return 0;
		}
		if (e->kind == MA_SH_REDIR) {
			k++; /* its target */
			continue;
		}
		if (e->kind == MA_SH_PIPE && !tee && k + 1 < lx->nel &&
		    lx->el[k + 1].kind == MA_SH_WORD &&
		    ma_sh_is(s, lx->el[k + 1].start, lx->el[k + 1].end, "tee")) {
			tee = 1;
			k++;
			continue;
		}
		if (e->kind == MA_SH_PIPE && !tee && k + 1 < lx->nel &&
		    ma_sh_is(s, lx->el[k + 1].start, lx->el[k + 1].end, "dd")) {
			/* | dd of=F */
			for (k += 2; k < lx->nel && lx->el[k].kind == MA_SH_WORD; k++)
				if (lx->el[k].end - lx->el[k].start > 4 &&
				    !memcmp(s + lx->el[k].start, "of=", 3)) {
					*fs = lx->el[k].start + 3;
					*fe = lx->el[k].end;
					return *fe - *fs >= 2;
				}
			return 0;
		}
		if (e->kind == MA_SH_PIPE && !tee && filters < 2 && k + 1 < lx->nel &&
		    lx->el[k + 1].kind == MA_SH_WORD) {
			filters++; /* | base64 > F: the filter's words, then its output */
			continue;
		}
		return 0;
	}
	if (k >= lx->nel)
		return 0;
	*fs = lx->el[k].start;
	*fe = lx->el[k].end;
	if (*fe - *fs >= 2 && (s[*fs] == '\'' || s[*fs] == '"') && s[*fe - 1] == s[*fs]) {
		(*fs)++;
		(*fe)--;
	}
	return *fe - *fs >= 2 && !(*fe - *fs >= 5 && !memcmp(s + *fs, "/dev/", 5));
}

/* 1 when a command after element k of lx runs the file s[fs, fe) (a
 * file a command before wrote): the file as a command's name
 * (/tmp/j.sh, ./j.sh), or named in the words of a shell, ., source,
 * eval, crontab, at or batch (sh /tmp/j.sh, bash < /tmp/j, sh -c
 * "$(cat /tmp/j)", eval "$(cat /tmp/j)", crontab /tmp/j), or cat'ed into
 * a shell's standard input (cat /tmp/j | sh). A word that reads it
 * otherwise (cat, grep, mail < F) does not. */
static int ma_sh_file_runs_later(const char *s, size_t fs, size_t fe);

static int ma_sh_file_run_later_d(const char *s, const struct ma_sh_lex *lx, int k, size_t fs,
                                  size_t fe, int depth)
{
	static const struct ma_sh_lit runs[] = {
	    MA_SH_LIT("sh"),    MA_SH_LIT("bash"),    MA_SH_LIT("dash"),   MA_SH_LIT("zsh"),
	    MA_SH_LIT("ksh"),   MA_SH_LIT("ash"),     MA_SH_LIT("mksh"),   MA_SH_LIT("hush"),
	    MA_SH_LIT("rbash"), MA_SH_LIT("."),       MA_SH_LIT("source"), MA_SH_LIT("eval"),
	    MA_SH_LIT("at"),    MA_SH_LIT("crontab"), MA_SH_LIT("batch")};
	static const struct ma_sh_lit copies[] = {MA_SH_LIT("cp"),    MA_SH_LIT("mv"),
	                                          MA_SH_LIT("ln"),    MA_SH_LIT("install"),
	                                          MA_SH_LIT("rsync"), MA_SH_LIT("scp")};
	size_t fl = fe - fs;

	for (k++; k < lx->nel; k++) {
		const struct ma_sh_el *e = &lx->el[k];
		const char *at;
		size_t o, p, q;
		if (e->kind != MA_SH_WORD || e->end - e->start < fl)
			continue;
		at = memmem(s + e->start, e->end - e->start, s + fs, fl);
		if (!at)
			continue;
		o = (size_t)(at - s);
		if ((o > e->start && !strchr("'\"(<= /`", s[o - 1])) ||
		    (o + fl < e->end && !strchr("'\") ;`", s[o + fl])))
			continue;
		if (o > e->start && s[o - 1] == '/' &&
		    !(o - 1 == e->start + 1 && s[e->start] == '.'))
			continue; /* another directory's: ./j.sh only */
		if (e->flags & MA_SH_F_CMDWORD)
			return 1;
		/* a shell among the words before it (watch -n1 sh F, nohup
		 * bash F, flock /x sh F) */
		/* a shell right before it (its options between) in a command
		 * that a wrapper starts: sudo -u www sh F, nohup bash F,
		 * watch -n1 sh F (grep -c sh F is no run) */
		{
			int j = k - 1, c0;
			while (j >= 0 && lx->el[j].kind == MA_SH_WORD && s[lx->el[j].start] == '-')
				j--;
			for (c0 = j; c0 > 0 && lx->el[c0 - 1].kind == MA_SH_WORD;)
				c0--;
			/* xargs -a F (--arg-file) ... sh -c {}: F's lines are a
			 * shell's (review25b on shell39) */
			if (c0 >= 0 && c0 < k && lx->el[c0].kind == MA_SH_WORD &&
			    ma_sh_is(s, lx->el[c0].start, lx->el[c0].end, "xargs") &&
			    (ma_sh_is(s, lx->el[k - 1].start, lx->el[k - 1].end, "-a") ||
			     ma_sh_is(s, lx->el[k - 1].start, lx->el[k - 1].end, "--arg-file") ||
			     (o >= e->start + 11 && !memcmp(s + o - 11, "--arg-file=", 11))))
				for (int d = k + 1; d < lx->nel && lx->el[d].kind == MA_SH_WORD;
				     d++)
					if (ma_sh_base_in(s, lx->el[d].start, lx->el[d].end, runs,
					                  9))
						return 1;
			if (j > c0 && lx->el[j].kind == MA_SH_WORD &&
			    ma_sh_base_in(s, lx->el[j].start, lx->el[j].end, runs, 9)) {
				char w[16];
				size_t b0 = lx->el[c0].start, b1 = lx->el[c0].end;
				for (size_t x = b1; x > b0; x--)
					if (s[x - 1] == '/') {
						b0 = x;
						break;
					}
				if (b1 - b0 < sizeof w) {
					memcpy(w, s + b0, b1 - b0);
					w[b1 - b0] = '\0';
					if (ma_sh_wrap_find(w) || !strcmp(w, "watch"))
						return 1;
				}
			}
		}
		if (!ma_sh_text_name(s, e->start, &p, &q))
			continue;
		/* run by a shell, or read by any command that pipes it into
		 * one (cat F | sh, base64 -d F | sh, zcat F | bash) */
		if (ma_sh_base_in(s, p, q, runs, sizeof runs / sizeof runs[0]) ||
		    ma_sh_piped_to_shell(s, lx, k))
			return 1;
		if (depth > 0 && !(e->flags & MA_SH_F_TARGET)) {
			/* cat F > G, base64 -d F > G, sed ... F > G: G holds it */
			size_t gs, ge;
			if (ma_sh_out_file(s, lx, k, &gs, &ge) &&
			    (ma_sh_file_runs_later(s, gs, ge) ||
			     ma_sh_file_run_later_d(s, lx, k, gs, ge, depth - 1)))
				return 1;
		}
		if (depth > 0 && ma_sh_base_in(s, p, q, copies, sizeof copies / sizeof copies[0])) {
			/* cp F G, mv F G: G (the command's last word) run later */
			int d = k;
			while (d + 1 < lx->nel && lx->el[d + 1].kind == MA_SH_WORD)
				d++;
			if (d > k && lx->el[d].end - lx->el[d].start >= 2 &&
			    ma_sh_file_run_later_d(s, lx, d, lx->el[d].start, lx->el[d].end,
			                           depth - 1))
				return 1;
		}
	}
	return 0;
}

static int ma_sh_file_run_later(const char *s, const struct ma_sh_lex *lx, int k, size_t fs,
                                size_t fe)
{
	return ma_sh_file_run_later_d(s, lx, k, fs, fe, 2);
}

/* 1 when the file s[fs, fe) is one the system runs later as a script: a
 * shell's start-up file (~/.bashrc, .profile, .zshrc, /etc/profile.d/,
 * /etc/bash.bashrc, rc.local, .xinitrc ...), a cron table (/etc/cron.d/,
 * /etc/crontab, /etc/cron.daily/, /var/spool/cron/), a git hook, ssh's
 * ~/.ssh/rc, an init script or a systemd unit (shell39, review25); or
 * one whose lines a program reads as commands or code (shellfix2,
 * review25b): ~/.bash_aliases, ssh's config (ProxyCommand) and
 * authorized_keys (command=), sudoers, ld.so.preload, motd and
 * logrotate scripts, APT's hooks, udev rules (RUN+=), network
 * dispatcher scripts, .npmrc (script-shell), .gitconfig (core.pager,
 * ! aliases), vim's, gdb's, psql's, irb's and R's start-up files. */
static int ma_sh_file_runs_later(const char *s, size_t fs, size_t fe)
{
	static const char *const base[] = {
	    ".bashrc",       ".bash_profile",   ".bash_login",      ".bash_logout", ".profile",
	    ".zshrc",        ".zprofile",       ".zshenv",          ".zlogin",      ".kshrc",
	    ".cshrc",        ".tcshrc",         ".xinitrc",         ".xprofile",    ".xsession",
	    "rc.local",      "crontab",         "bash.bashrc",      "profile",      ".envrc",
	    ".bash_aliases", "authorized_keys", "authorized_keys2", "sudoers",      "ld.so.preload",
	    ".npmrc",        ".gitconfig",      ".vimrc",           ".exrc",        ".gvimrc",
	    ".gdbinit",      ".psqlrc",         ".irbrc",           ".Rprofile",    ".hgrc",
	    ".mailcap"};
	static const char *const dirs[] = {
	    "/cron.",         "/cron/",        "/crontabs/",     "/profile.d/",     ".git/hooks/",
	    "/.ssh/rc",       "/init.d/",      "/systemd/",      "/rc.d/",          "/autostart/",
	    "/.config/fish/", "/.ssh/config",  "/sudoers.d/",    "/update-motd.d/", "/logrotate.d/",
	    "/apt.conf.d/",   "/rules.d/",     "/dispatcher.d/", "/if-up.d/",       "/if-pre-up.d/",
	    "/Xsession.d/",   "/.config/git/", "/.config/nvim/", "/.vim/plugin/"};
	size_t b = fe;

	while (b > fs && s[b - 1] != '/')
		b--;
	for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
		if (strlen(base[i]) == fe - b && !memcmp(s + b, base[i], fe - b))
			return 1;
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (memmem(s + fs, fe - fs, dirs[i], strlen(dirs[i])))
			return 1;
	return 0;
}

/* 1 when the quoted word at element k of lx (at byte qs) is an argument
 * of echo or printf, or cat's here-string, whose output goes to a file
 * (> F, | tee F) that a later command of the line runs
 * (ma_sh_file_run_later: echo '...' > /tmp/j.sh; sh /tmp/j.sh): the
 * word is that script (shell39, review24p). */
static int ma_sh_echo_file_runs(const char *s, const struct ma_sh_lex *lx, int k, size_t qs)
{
	size_t p, q, h = qs, fs, fe;

	/* the file and its run first: the elements after the word (the
	 * command's name, read back from the text, cost sh-words 10 %) */
	if (!ma_sh_out_file(s, lx, k, &fs, &fe) ||
	    (!ma_sh_file_runs_later(s, fs, fe) && !ma_sh_file_run_later(s, lx, k, fs, fe)))
		return 0;
	while (h > 0 && (s[h - 1] == ' ' || s[h - 1] == '\t'))
		h--;
	return ma_sh_text_name(s, qs, &p, &q) &&
	       (ma_sh_is(s, p, q, "echo") || ma_sh_is(s, p, q, "printf") ||
	        (ma_sh_is(s, p, q, "cat") && h >= 3 && !memcmp(s + h - 3, "<<<", 3)));
}

/* 1 when the here-document body e0 of lx is written by cat or tee to a
 * file (cat <<'EOF' > F, cat <<EOF | tee F, tee F <<EOF) that a later
 * command runs (ma_sh_file_run_later). The line of the << is read from
 * the text (the window may start in the body): its first ">" outside
 * quotes (not >&) or tee's first operand names the file. */
static int ma_sh_here_file_runs(const char *s, const struct ma_sh_lex *lx, int e0)
{
	size_t le = lx->el[e0].start, ls, h, k, p, q, fs = 0, fe = 0;
	int qu = 0, tee;

	if (le == 0 || s[le - 1] != '\n')
		return 0;
	le--;
	for (ls = le; ls > 0 && s[ls - 1] != '\n';)
		ls--;
	for (h = ls; h + 2 < le && !(s[h] == '<' && s[h + 1] == '<' && s[h + 2] != '<'); h++)
		;
	if (h + 2 >= le || !ma_sh_text_name(s, h, &p, &q) ||
	    (!ma_sh_is(s, p, q, "cat") && !ma_sh_is(s, p, q, "tee")))
		return 0;
	tee = ma_sh_is(s, p, q, "tee");
	for (k = tee ? q : ls; k < le && !fe; k++) {
		if (qu) {
			qu = s[k] == qu ? 0 : qu;
			continue;
		}
		if (s[k] == '\'' || s[k] == '"') {
			qu = s[k];
			continue;
		}
		if (s[k] == '<' && k + 1 < le && s[k + 1] == '<') {
			/* the delimiter, quotes and all */
			for (k += 2; k < le && (s[k] == '-' || s[k] == ' ' || s[k] == '\t'); k++)
				;
			while (k < le && !strchr(" \t;&|>", s[k]))
				k++;
			k--;
			continue;
		}
		if (s[k] == '|' && k + 1 < le && s[k + 1] != '|' && !tee) {
			/* | tee F */
			size_t t = k + 1;
			while (t < le && (s[t] == ' ' || s[t] == '\t'))
				t++;
			if (le - t > 4 && !memcmp(s + t, "tee", 3) &&
			    (s[t + 3] == ' ' || s[t + 3] == '\t')) {
				tee = 1;
				k = t + 2;
			}
			continue;
		}
		if ((s[k] == '>' && (k + 1 >= le || s[k + 1] != '&')) ||
		    (tee && !strchr(" \t-", s[k]) && (s[k - 1] == ' ' || s[k - 1] == '\t'))) {
			k += s[k] == '>';
			k += k < le && (s[k] == '>' || s[k] == '|');
			while (k < le && (s[k] == ' ' || s[k] == '\t'))
				k++;
			fs = k;
			while (k < le && !strchr(" \t;&|<>", s[k]))
				k++;
			fe = k;
			if (fe - fs >= 2 && (s[fs] == '\'' || s[fs] == '"') && s[fe - 1] == s[fs]) {
				fs++;
				fe--;
			}
		}
	}
	return fe > fs + 1 && !(fe - fs >= 5 && !memcmp(s + fs, "/dev/", 5)) &&
	       (ma_sh_file_runs_later(s, fs, fe) || ma_sh_file_run_later(s, lx, e0, fs, fe));
}

/* 1 when the quoted word at element k of lx (at byte qs) is an argument
 * of echo or printf, or cat's here-string (cat <<< '...'), whose output
 * goes to the line's own (not into a pipe, nor redirected to a file): in
 * a line whose output is a shell's script (ma_sh_subst_feeds), the
 * script. */
static int ma_sh_echo_out(const char *s, const struct ma_sh_lex *lx, int k, size_t qs)
{
	size_t p, q, h = qs;

	while (h > 0 && (s[h - 1] == ' ' || s[h - 1] == '\t'))
		h--;
	if (!ma_sh_text_name(s, qs, &p, &q) ||
	    (!ma_sh_is(s, p, q, "echo") && !ma_sh_is(s, p, q, "printf") &&
	     !(ma_sh_is(s, p, q, "cat") && h >= 3 && !memcmp(s + h - 3, "<<<", 3) &&
	       (h == 3 || s[h - 4] != '<'))))
		return 0;
	/* printf %q (%Q) quotes what it prints for the shell: one word */
	for (size_t x = q; x + 1 < qs; x++)
		if (s[x] == '%' && (s[x + 1] == 'q' || s[x + 1] == 'Q'))
			return 0;
	for (k++; k < lx->nel; k++) {
		const struct ma_sh_el *e = &lx->el[k];
		if (e->kind == MA_SH_WORD)
			continue;
		if (e->kind == MA_SH_PIPE)
			return 0;
		if (e->kind == MA_SH_REDIR) {
			if ((e->flags & MA_SH_F_OUT) &&
			    (s[e->start] == '>' || s[e->start] == '1' || s[e->start] == '&'))
				return 0; /* its output to a file */
			continue;
		}
		break;
	}
	return 1;
}

/* An input that fired nothing, in a command whose words a runner joins
 * into a line a shell runs (GNU parallel's template, ssh's remote
 * command: ma_sh_reparses' from): with a quote or backslash of its own
 * (parallel echo x\; id, 'x; id': the shell removes them, the joined
 * line holds the separator) and an operator or a substitution left
 * when they are removed: cmd.separator (ma_sh_join cannot queue that
 * line: the input's bytes change in it); a {= of its own in parallel's template is a Perl
 * expression parallel evaluates ({= $_=qx(id) =}), a {{ or {% in
 * ansible's -a argument a Jinja2 template the controller renders (any
 * module: {{ lookup('pipe', 'id') }} runs id): cmd.program.
 * shell34, review22. 1 when it fired. */
static __attribute__((noinline)) int ma_sh_joined_words(const char *s, const struct ma_sh_lex *lx,
                                                        int e0, size_t a, size_t b,
                                                        struct ma_sh_hit *hit)
{
	size_t from = SIZE_MAX, w0;
	int perl;

	if (e0 >= lx->nel || lx->el[e0].kind != MA_SH_WORD || !lx->valid)
		return 0;
	if ((memmem(s + a, b - a, "{{", 2) || memmem(s + a, b - a, "{%", 2)) &&
	    ma_sh_ansible_arg_at(s, lx->el[e0].start)) {
		hit->spans = 1;
		ma_sh_set(hit, "cmd.program", "high", 0.9);
		return 1;
	}
	perl = memmem(s + a, b - a, "{=", 2) != NULL;
	if (!perl && !memchr(s + a, '\\', b - a) && !memchr(s + a, '\'', b - a) &&
	    !memchr(s + a, '"', b - a))
		return 0;
	w0 = lx->el[e0].start;
	if (perl && ma_sh_parallel_template_at(s, w0)) {
		hit->spans = 1;
		ma_sh_set(hit, "cmd.program", "high", 0.9);
		return 1;
	}
	/* a quoted word the input writes whole that a runner reads as a
	 * line (tmux run-shell 'x; id', -a 'ls; id' after -m shell): an
	 * operator or a substitution in it */
	for (size_t q0 = a; q0 < b; q0++) {
		size_t q1 = q0 + 1;
		if (s[q0] != '\'' && s[q0] != '"')
			continue;
		while (q1 < b && s[q1] != s[q0])
			q1 += (s[q0] == '"' && s[q1] == '\\' && q1 + 1 < b) ? 2 : 1;
		if (q1 >= b)
			break;
		if ((q0 == 0 || s[q0 - 1] == ' ' || s[q0 - 1] == '\t') &&
		    ma_sh_inner_bytes_w(s, q0 + 1, q1, 1) && ma_sh_reparses(s, q0, 0, NULL) == 1) {
			hit->spans = 1;
			ma_sh_set(hit, "cmd.separator", "critical", 0.95);
			return 1;
		}
		q0 = q1;
	}
	/* the application's part of the first word opens no quote */
	for (size_t k = w0; k < a; k++)
		if (s[k] == '\'' || s[k] == '"' || s[k] == '\\')
			return 0;
	if (ma_sh_reparses(s, w0, 0, &from) != 1 || from == SIZE_MAX || from > a)
		return 0;
	/* the input's bytes as the shell leaves them (its quotes and
	 * backslashes removed): an operator or a substitution among them
	 * starts a command in the joined line */
	for (size_t k = a; k < b; k++) {
		char ch = s[k];
		if (ch == '\'' || ch == '"')
			continue;
		if (ch == '\\' && k + 1 < b)
			ch = s[++k];
		if (ch == ';' || ch == '|' || ch == '&' || ch == '\n' || ch == '`' ||
		    (ch == '$' && k + 1 < b && s[k + 1] == '(')) {
			hit->spans = 1;
			ma_sh_set(hit, "cmd.separator", "critical", 0.95);
			return 1;
		}
	}
	return 0;
}

/* A place found to be data (e0, m0: its first element and mark) that
 * lies in a command line a shell reads again: the body of the
 * application's $( ), backticks, <( ) or >( ) (kept as one mark: its
 * words are not lexed), or a quoted word that is the command line of
 * eval, trap, sh -c ... (ma_sh_reparses), or a PROMPT_COMMAND's value
 * ('...', or "..." without a backslash, read as written). Such a line
 * is noted in c (up to MA_SH_INNER_NOTE), to be judged as a line of its
 * own once this one is (ma_sh_check): an input that breaks out of its
 * quotes there, "echo $(grep '" + "x'; id; '" + "' f)", runs id. */
static __attribute__((noinline)) void ma_sh_note_inner(struct ma_sh_scan *c, int e0, int m0,
                                                       size_t a, size_t b)
{
	const struct ma_sh_lex *lx = &c->lx;
	const char *s = c->cmd;
	const struct ma_sh_el *w, *m;
	size_t qs, open, nq = 0, from = SIZE_MAX, to;
	int how, ok, multi;

	if (!lx->valid)
		return; /* a line that cannot parse runs none */
	if (m0 < lx->nmark) {
		m = &lx->mark[m0];
		if (m->kind == MA_SH_M_SUBST && m->start < a && m->end >= b + 1 &&
		    !(m->flags & (MA_SH_F_UNTERM | MA_SH_F_EMPTY))) {
			open = s[m->start] == '`' ? 1 : 2;
			if (m->start + open <= a &&
			    ma_sh_inner_bytes(s, a, b, m->start + open, m->end - 1))
				ma_sh_add_inner(c, m->start + open, m->end - 1,
				                ma_sh_subst_feeds(s, lx, e0, m));
			return;
		}
	}
	if (e0 >= lx->nel)
		return;
	w = &lx->el[e0];
	if (w->kind == MA_SH_HEREDOC) {
		/* a here-document's body a shell reads as its script; an
		 * input that is all of it but its last line break is the whole
		 * script, read as sh -c 'INPUT' is (ma_sh_inner_bytes) */
		if (w->start <= a && w->end >= b &&
		    ma_sh_inner_bytes(s, a, b, w->start,
		                      w->end - (w->end > w->start && s[w->end - 1] == '\n')) &&
		    (ma_sh_here_to_shell(s, w->start, c->feeds) ||
		     ma_sh_here_read_runs(s, lx, e0, w->start) || ma_sh_here_file_runs(s, lx, e0)))
			ma_sh_add_inner(c, w->start, w->end, 0);
		return;
	}
	if (w->kind != MA_SH_WORD || w->start >= a || w->end <= b || w->end - w->start < 2)
		return;
	how = ma_sh_quote_after(s, w, &qs, &nq);
	if (how < 0) {
		/* a word that starts unquoted and holds a quote or a
		 * backslash: sh -c ls\ "x; id" (its value, ma_sh_join) */
		if (s[w->start] == '-' || ma_sh_assign_word(s, w->start, w->end) ||
		    (!memchr(s + w->start, '\'', w->end - w->start) &&
		     !memchr(s + w->start, '"', w->end - w->start) &&
		     !memchr(s + w->start, '\\', w->end - w->start)))
			return;
		how = 0;
	}
	if (qs >= a)
		return;
	/* one quoted string, read as written; else a word of several parts
	 * ('ls '"x; id"), read by its value (session 22) */
	multi = s[w->end - 1] != s[qs] || (s[qs] != '\'' && s[qs] != '"') ||
	        memchr(s + qs + 1, s[qs], w->end - 2 - qs) ||
	        (s[qs] == '"' && memchr(s + qs + 1, '\\', w->end - 2 - qs));
	/* the words before it first: the bytes' loop runs over the input.
	 * An input that is the whole line (ssh host 'INPUT', echo 'INPUT' |
	 * sh) is read as sh -c 'INPUT' is (ma_sh_inner_bytes: only for an
	 * operator or a substitution; session 22, the lead's decision) */
	if (how == 0)
		ok = ma_sh_reparses_at(s, lx, e0, qs, &from) || ma_sh_echo_piped(s, lx, e0, qs) ||
		     ma_sh_read_runs(s, lx, e0, qs, w->end) ||
		     ma_sh_echo_file_runs(s, lx, e0, qs) ||
		     (c->feeds && ma_sh_echo_out(s, lx, e0, qs));
	else if (how == 2)
		ok = ma_sh_reparses(s, qs, 1, NULL);
	else if (how == 3)
		ok = ma_sh_var_runs(s, lx, e0, w->start, nq) || ma_sh_salt_kwarg(s, w->start, nq);
	else
		ok = 1;
	if (!ok)
		return;
	/* ssh's remote command: its words joined, from its first to its
	 * command's last (ssh host bash -c "'...'" runs bash -c '...') */
	to = w->end;
	if (from != SIZE_MAX) {
		int k = e0;
		while (k + 1 < lx->nel && lx->el[k + 1].kind == MA_SH_WORD)
			k++;
		to = lx->el[k].end;
		if (from > qs) /* inside the word: screen's stuff text */
			to = w->end - 1;
		if (from < qs || to > w->end || from > qs) {
			ma_sh_join(c, s, from, to, a, b);
			return;
		}
	}
	if (multi) {
		ma_sh_join(c, s, qs, ma_sh_socat_cut(s, qs, w->end), a, b);
		return;
	}
	if (!ma_sh_inner_bytes(s, a, b, qs + 1, w->end - 1))
		return;
	ma_sh_add_inner(c, qs + 1, w->end - 1, 0);
}

/* Where socat's SYSTEM: address in the word [w, end) of s ends: at its
 * first ',' outside the shell's quotes (socat(1): the address's options
 * follow, SYSTEM:'...',pty,stderr: socat cuts the command there); end
 * for any other word. */
static size_t ma_sh_socat_cut(const char *s, size_t w, size_t end)
{
	size_t k = w + (s[w] == '\'' || s[w] == '"');
	char q = 0;

	for (size_t j = 0; j < 7; j++)
		if (k + j >= end || (s[k + j] | 0x20) != "system:"[j])
			return end;
	for (k += 7; k < end; k++) {
		if (q ? s[k] == q : (s[k] == '\'' || s[k] == '"'))
			q = q ? 0 : s[k];
		else if (!q && s[k] == '\\' && k + 1 < end)
			k++;
		else if (!q && s[k] == ',')
			return k;
	}
	return end;
}

/* 1 when the input [a, b), inside the word at element e0, picks the
 * program socat runs there: it writes the address type EXEC: or
 * SYSTEM: (any case), or it starts EXEC:'s command with a shell or an
 * interpreter (sh, bash, python, perl, node ...: the program: socat
 * 1.7 splits the rest into words and runs it without a shell, so an
 * argument the input adds after the application's program is data:
 * EXEC:'cat ' + notes.txt). SYSTEM:'s line is judged as a line
 * (ma_sh_note_inner, shell36). Command socat, read from the text
 * (shell37). */
static int ma_sh_socat_prog(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b)
{
	static const struct ma_sh_lit socat[] = {MA_SH_LIT("socat")};
	const struct ma_sh_el *e = &lx->el[e0];
	size_t t = e->start, p, q, c;
	int sys;

	while (t < e->end && (s[t] == '\'' || s[t] == '"'))
		t++;
	if (e->end - t < 6 || ((s[t] | 0x20) != 'e' && (s[t] | 0x20) != 's'))
		return 0; /* looked at first */
	sys = (s[t] | 0x20) == 's';
	c = t + (sys ? 7 : 5);
	if (c > e->end)
		return 0;
	for (size_t j = 0; j < c - t; j++)
		if ((s[t + j] | 0x20) != (sys ? "system:" : "exec:")[j])
			return 0;
	if (!ma_sh_text_name(s, e->start, &p, &q) || !ma_sh_base_in(s, p, q, socat, 1))
		return 0;
	if (a < c && b > t)
		return 1; /* the input writes the address type */
	while (c < e->end && (s[c] == '\'' || s[c] == '"'))
		c++;
	if (sys || a > c || b <= c)
		return 0;
	/* the program the input names: a shell or an interpreter (what
	 * reads a command or code from its arguments) fires; another one
	 * only picks the program (EXEC:'/usr/bin/cat' passes: session 24's
	 * decision for a value split without a shell, shell34's twin) --
	 * unless it runs the program named next (sudo sh, timeout 5 sh,
	 * nice bash, xargs id: ma_sh_name_kind's prefixes) or an option the
	 * input also writes runs one (nc -e /bin/sh, script -qc id: the
	 * program's dangerous options, the argv check's table; shell39,
	 * review24d) */
	{
		static const char runs[] =
		    "sh bash dash zsh ksh ash mksh busybox python perl ruby "
		    "node nodejs php lua luajit tclsh wish expect env rbash "
		    "fish csh tcsh pwsh irb awk gawk mawk nawk gdb vim vi nvim "
		    "ex ed emacs script Rscript julia osascript";
		const struct ma_sh_prog_opts *po;
		char nm[32], o[48];
		size_t x = c, w = c, k, end = c;
		while (x < e->end && !strchr(" \t,'\"", s[x]))
			x++;
		for (k = c; k < x; k++)
			if (s[k] == '/')
				w = k + 1;
		while (end < e->end && !strchr(",'\"", s[end]))
			end++;
		if (x - w >= sizeof nm)
			return 0;
		memcpy(nm, s + w, x - w);
		nm[x - w] = '\0';
		if (ma_sh_name_kind(nm, x - w) == MA_SH_NAME_PREFIX)
			return 1;
		while (x > w && ((s[x - 1] >= '0' && s[x - 1] <= '9') || s[x - 1] == '.'))
			x--; /* python3.11 */
		if (x > w && ma_sh_in_words(runs, s + w, x - w))
			return 1;
		/* the options the input writes after it */
		po = ma_sh_prog_find(nm);
		for (k = x; k < end && k < b;) {
			size_t ws;
			while (k < end && (s[k] == ' ' || s[k] == '\t'))
				k++;
			ws = k;
			while (k < end && s[k] != ' ' && s[k] != '\t')
				k++;
			if (k - ws >= 2 && s[ws] == '-' && k - ws < sizeof o) {
				const char *on;
				size_t onl, ov;
				memcpy(o, s + ws, k - ws);
				o[k - ws] = '\0';
				onl = 0;
				if (po ? (ma_sh_opt_read(po, o, &on, &onl, &ov) &
				          MA_SH_OPT_DANGER) ||
				             (onl && ma_sh_value_shell(po, on, onl) >= 0)
				       : ma_sh_danger_option(o, 0))
					return 1;
			}
		}
		return 0;
	}
}

/* 1 when the input [a, b), inside the word at element e0 of a tmux (or
 * byobu) command, brings a format's "#(" (or its '(' right after the
 * application's '#'): tmux runs the command inside with a shell where it
 * expands the format (display-message -p, status-right, set-option
 * values ...; tmux(1) FORMATS, review24: tmux 3.3a display-message -p
 * '#(id -un > F)' wrote F). Any argument of tmux: fail closed. */
static int ma_sh_tmux_format(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b)
{
	static const struct ma_sh_lit tmux[] = {MA_SH_LIT("tmux"), MA_SH_LIT("byobu")};
	size_t p, q, k = a, w = lx->el[e0].start;

	/* "#(" unquoted is a comment or a syntax error: a quote opens in
	 * the word before the input (looked at first: sh-words paid a read
	 * of the input at each place); unquoted, only "#\(" (or "\#\(")
	 * reaches tmux as "#(" (shell39, review24c: tmux display -p
	 * x#\(id\) ran id) */
	int quoted = a >= w && (memchr(s + w, '\'', a - w) || memchr(s + w, '"', a - w));

	if (a < w)
		return 0;
	for (;;) {
		const char *h = k < b ? memchr(s + k, '(', b - k) : NULL;
		if (!h)
			return 0;
		k = (size_t)(h - s);
		if (quoted ? k > 0 && s[k - 1] == '#'
		           : k > w + 1 && s[k - 1] == '\\' && s[k - 2] == '#')
			break;
		k++;
	}
	return ma_sh_text_name(s, lx->el[e0].start, &p, &q) && ma_sh_base_in(s, p, q, tmux, 2);
}

/* 1 when the input [a, b), inside the word at element e0, writes the
 * name of the screen command of an argument of screen's -X (the word
 * right after -X, or one after -X eval) and that command runs or types
 * a command (stuff, exec, screen, eval, source, bind, bindkey): the
 * input picks it (screen -X eval + 'stuff "id\n"'); a window's name or
 * select 2 pass. Read from the text, 16 words back at most (shell37). */
static int ma_sh_screen_cmd(const char *s, const struct ma_sh_lex *lx, int e0, size_t a, size_t b)
{
	static const char runs[] = "stuff exec screen eval source bind bindkey";
	static const struct ma_sh_lit screen[] = {MA_SH_LIT("screen")};
	const struct ma_sh_el *e = &lx->el[e0];
	size_t k = e->start, n, p, q, ws = 0, we = 0;

	while (k < e->end && (s[k] == '\'' || s[k] == '"' || s[k] == ' ' || s[k] == '\t'))
		k++;
	if (a > k || k >= e->end || !strchr("sebSEB", s[k]))
		return 0; /* looked at first: the input starts the command */
	for (n = k; n < e->end && s[n] >= 'a' && s[n] <= 'z'; n++)
		;
	if (b <= k || !ma_sh_in_words(runs, s + k, n - k))
		return 0;
	p = e->start;
	for (int w = 0; w < 16 && ma_sh_rp_back(s, ma_sh_back_stop, &p, &ws, &we); w++) {
		if (ma_sh_is(s, ws, we, "-X") || (ma_sh_is(s, ws, we, "eval") && p > 0 && ws >= 3 &&
		                                  !memcmp(s + ws - 3, "-X ", 3)))
			return ma_sh_text_name(s, e->start, &p, &q) &&
			       ma_sh_base_in(s, p, q, screen, 1);
		if (s[ws] != '\'' && s[ws] != '"')
			return 0; /* eval's arguments are quoted commands */
	}
	return 0;
}

/* 1 when the line s (len bytes) turns bash's xtrace on: "xtrace" (set -o
 * xtrace, bash -o xtrace) or an option cluster with x after set or a
 * shell, options between (set -x, set -e -x, bash -x, sudo bash -exc). */
static int ma_sh_line_xtrace(const char *s, size_t len)
{
	static const struct ma_sh_lit shells[] = {
	    MA_SH_LIT("set"), MA_SH_LIT("sh"),  MA_SH_LIT("bash"), MA_SH_LIT("dash"),
	    MA_SH_LIT("zsh"), MA_SH_LIT("ksh"), MA_SH_LIT("ash"),  MA_SH_LIT("mksh")};
	const char *d;

	for (size_t k = 0; k + 6 <= len && (d = memchr(s + k, 'x', len - k - 5)) != NULL;) {
		k = (size_t)(d - s);
		if (!memcmp(d, "xtrace", 6))
			return 1;
		k++;
	}
	for (size_t k = 0; k + 1 < len && (d = memchr(s + k, '-', len - k - 1)) != NULL;) {
		size_t p = (size_t)(d - s), e = p + 1, np = p, nq;
		int x = 0, words = 0;
		k = p + 1;
		if (p > 0 && s[p - 1] != ' ' && s[p - 1] != '\t')
			continue;
		while (e < len && ((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
			x |= s[e++] == 'x';
		if (x &&
		    (e == len || s[e] == ' ' || s[e] == '\t' || s[e] == ';' || s[e] == '\n' ||
		     s[e] == '\'' || s[e] == '"') &&
		    x)
			/* the words before it: options, then set or a shell */
			while (words++ < 4) {
				while (np > 0 && (s[np - 1] == ' ' || s[np - 1] == '\t'))
					np--;
				nq = np;
				while (np > 0 && s[np - 1] != ' ' && s[np - 1] != '\t' &&
				       s[np - 1] != ';' && s[np - 1] != '\n' && s[np - 1] != '&' &&
				       s[np - 1] != '|')
					np--;
				if (nq == np)
					break;
				if (s[np] == '-')
					continue;
				if (ma_sh_base_in(s, np, nq, shells,
				                  sizeof shells / sizeof shells[0]))
					return 1;
				break;
			}
	}
	return 0;
}

/* 1 when the place [a, b), data inside the word e0 of lx, brings a
 * command substitution into a single-quoted value assigned to PS4 in a
 * line that turns xtrace on: bash expands PS4 as a prompt, substitutions
 * and all, before each command it traces (PS4='$(id)'; set -x; ...; a
 * non-root bash -x also takes it from its environment). dash and busybox
 * sh print it as it is. */
static int ma_sh_ps4_place(const char *s, size_t len, const struct ma_sh_lex *lx, int e0, size_t a,
                           size_t b)
{
	const struct ma_sh_el *w;
	size_t q;

	if (e0 >= lx->nel)
		return 0;
	w = &lx->el[e0];
	q = w->start + 4 + (w->end - w->start > 5 && s[w->start + 3] == '+');
	if (w->kind != MA_SH_WORD || w->end - w->start < 6 || memcmp(s + w->start, "PS4", 3) ||
	    s[q - 1] != '=' || s[q] != '\'' || q >= a || w->end <= b ||
	    memchr(s + q + 1, '\'', a - q - 1) || ma_sh_arith_sub(s, a, b) == b)
		return 0;
	return ma_sh_line_xtrace(s, len);
}

/* 1 when the place [a, b), data inside the word e0 of lx, brings a
 * command substitution into a single-quoted value of BASH_ENV that
 * reaches a program's environment: an assignment before a command's name
 * (BASH_ENV='$(id)' bash -c ls) or a word of export or env. Every
 * non-interactive bash expands BASH_ENV (parameters, substitutions and
 * all) before it reads the file it names (bash 5.2: the substitution ran;
 * review13), PS4's family. An assignment alone (BASH_ENV='...'; bash)
 * stays in the shell, and ENV is read by interactive shells only. */
static int ma_sh_bash_env_place(const char *s, const struct ma_sh_lex *lx, int e0, size_t a,
                                size_t b)
{
	static const char name[] = "BASH_ENV='";
	const struct ma_sh_el *w;
	size_t q, k, p;

	if (e0 >= lx->nel)
		return 0;
	w = &lx->el[e0];
	q = w->start + sizeof name - 2; /* the opening quote */
	if (w->kind != MA_SH_WORD || w->end - w->start < sizeof name ||
	    memcmp(s + w->start, name, sizeof name - 1) || q >= a || w->end <= b ||
	    memchr(s + q + 1, '\'', a - q - 1) || ma_sh_arith_sub(s, a, b) == b)
		return 0;
	/* a command's name after it, on the same command */
	if (e0 + 1 < lx->nel && lx->el[e0 + 1].kind == MA_SH_WORD)
		return 1;
	/* or export / env / declare -x before it */
	for (k = w->start; k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'); k--)
		;
	for (p = k; p > 0 && !strchr(" \t\n;&|(`", s[p - 1]); p--)
		;
	if (p < k && s[p] == '-' && k - p >= 2 && s[k - 1] == 'x') {
		/* declare -x, typeset -x: the word before the option */
		for (k = p; k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'); k--)
			;
		for (p = k; p > 0 && !strchr(" \t\n;&|(`", s[p - 1]); p--)
			;
		return ma_sh_is(s, p, k, "declare") || ma_sh_is(s, p, k, "typeset");
	}
	return ma_sh_is(s, p, k, "export") || ma_sh_is(s, p, k, "env");
}

/* The elements [e0, e0 + n) of c's window that start in [a, b) (e0 and
 * m0: the first element and mark that end after a), when its judging
 * (ma_sh_judge, ma_sh_scan_analyse) reads them and the place's bytes
 * alone: a line that parses, kept whole in the window, no mark there or
 * around it (none from m0 starts before b), words and ";" (or a newline)
 * alone, the first a word that starts at a, the last one that ends at b,
 * 2 to MA_SH_PLACE_EL of them, and no arithmetic in the form (ma_sh_arith
 * reads on). Else 0. */
static int ma_sh_place_shape(const struct ma_sh_scan *c, size_t a, size_t b, int e0, int m0)
{
	const struct ma_sh_lex *lx = &c->lx;
	int n;

	if (c->arith_form || !lx->valid || lx->from > a || lx->dropped_at < b ||
	    (m0 < lx->nmark && lx->mark[m0].start < b) || e0 >= lx->nel || lx->el[e0].start != a ||
	    lx->el[e0].kind != MA_SH_WORD)
		return 0;
	for (n = 0; e0 + n < lx->nel && lx->el[e0 + n].start < b; n++)
		if (n == MA_SH_PLACE_EL ||
		    (lx->el[e0 + n].kind != MA_SH_WORD && lx->el[e0 + n].kind != MA_SH_SEQ))
			return 0;
	return n >= 2 && lx->el[e0 + n - 1].end == b ? n : 0;
}

/* 1 when the place [a, b) is one of the form's kept by ma_sh_keep_place
 * (its bytes, elements and their flags), so fires nothing: ma_sh_judge
 * reads the same, and the commands its ";" start are named by a word of
 * the place (those bytes and flags), which ma_sh_command_runs_of judges
 * alone. */
static int ma_sh_same_place(const struct ma_sh_scan *c, size_t a, size_t b, int e0, int m0)
{
	const struct ma_sh_lex *lx = &c->lx;
	int n = c->pl_n;

	if (n == 0 || b - a != c->pl_len || c->arith_form || !lx->valid || lx->from > a ||
	    lx->dropped_at < b || (m0 < lx->nmark && lx->mark[m0].start < b) || e0 + n > lx->nel ||
	    (e0 + n < lx->nel && lx->el[e0 + n].start < b))
		return 0;
	for (int k = 0; k < n; k++) {
		const struct ma_sh_el *e = &lx->el[e0 + k], *p = &c->pl_el[k];
		if (e->kind != p->kind || e->flags != p->flags || e->start - a != p->start ||
		    e->end - a != p->end)
			return 0;
	}
	return memcmp(c->cmd + a, c->cmd + c->pl_a, b - a) == 0;
}

/* After ma_sh_judge found nothing at [a, b): keeps the place for
 * ma_sh_same_place when its judging read its elements and bytes alone
 * (ma_sh_place_shape): each ";" followed by a word of the place that
 * starts a command judged by that word alone (its name, kept in memo:
 * no prefix such as sudo reading the words after it, no "function"), no
 * word with a leading - ' or " (the option rules read the command), and
 * no command's name but one right after such a ";" (whose answer the
 * judging takes from there) whose command goes on past it. */
static void ma_sh_keep_place(struct ma_sh_scan *c, size_t a, size_t b, int e0, int m0)
{
	const struct ma_sh_lex *lx = &c->lx;
	const char *s = c->cmd;
	int n = ma_sh_place_shape(c, a, b, e0, m0);

	if (n == 0 || !c->memo.ready)
		return;
	for (int k = 0; k < n; k++) {
		const struct ma_sh_el *e = &lx->el[e0 + k];
		if (e->kind == MA_SH_SEQ) {
			const struct ma_sh_el *w = e + 1;
			uint32_t at;
			unsigned slot;
			if (k + 1 >= n || w->kind != MA_SH_WORD || w->end <= w->start ||
			    s[w->start] == '\r' || w->end - w->start == 8)
				return;
			at = w->start + 1;
			slot = ma_sh_cmd_slot(at);
			if (c->memo.cmd_at[slot] != at || c->memo.cmd_name[slot] != 0 ||
			    c->memo.cmd_runs[slot] == 2)
				return;
		} else {
			if (s[e->start] == '-' || s[e->start] == '\'' || s[e->start] == '"')
				return;
			if ((e->flags & MA_SH_F_CMDWORD) && !(e->flags & MA_SH_F_ASSIGN) &&
			    (e->end < b || (k > 0 && (e[-1].flags & MA_SH_F_TARGET))) &&
			    !(k > 0 && e[-1].kind == MA_SH_SEQ))
				return;
		}
	}
	for (int k = 0; k < n; k++) {
		c->pl_el[k] = lx->el[e0 + k];
		c->pl_el[k].start -= (uint32_t)a;
		c->pl_el[k].end -= (uint32_t)a;
	}
	c->pl_n = n;
	c->pl_a = a;
	c->pl_len = b - a;
}

/* The places of a form past the 64 judged in full (bound64): a word of
 * letters, digits and _ (looked for only where it may make an ssh -o or
 * git -c key, ma_sh_skip_input) is judged at every place; a form of
 * those and . , + @ % : / - and bytes past ASCII, not starting with '-',
 * is one word that starts no option, assignment, expansion, glob or
 * command wherever it lands, so its other places are not looked at (a
 * file name many times in an argument list); any other form fails
 * closed (cmd.too_many_places): each place costs a window lexed, and a
 * user who can make a value occur 64 times would otherwise hide its
 * 65th place. The argv check's walks ask it too (ma_sh_walk). */
int ma_sh_past(void *ctx, const char *v, size_t vl, size_t a, size_t b)
{
	int word = 1;

	(void)ctx;
	(void)a;
	(void)b;
	if (vl && v[0] == '-')
		return MA_PAST_CLOSED;
	for (size_t i = 0; i < vl; i++) {
		unsigned char ch = (unsigned char)v[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '_')
			continue;
		word = 0;
		if (ch < 0x80 && !strchr(".,+@%:/-", ch))
			return MA_PAST_CLOSED;
	}
	return word ? MA_PAST_JUDGE : MA_PAST_STOP;
}

/* The one-byte forms looked for (ma_scan's .one, review25d): a
 * separator or operator that ends a command. A blank (two arguments of
 * one) and a glob's '*' are not (README). */
static const unsigned char ma_sh_one[256] = {[';'] = 1, ['\n'] = 1, ['&'] = 1, ['|'] = 1};

/* 1 when the byte c of the application's text, next to a one-byte
 * input, belongs to a word: no blank and no operator byte. */
static int ma_sh_one_word_byte(char c)
{
	return c && !strchr(" \t\r\n;&|<>()", c);
}

/* A one-byte input (ma_sh_one) at a: fires where the shell reads the
 * byte as a separator, pipe or "&" (not quoted, escaped or in a
 * comment, read from the line's start) that cuts one word of the
 * application's in two, "rm -rf /srv/app/users/" + ";" + "/avatar.png":
 * the application's command ends early and its following words run as
 * a command of their own (ma_sh_cuts_tail's shape, with no word of the
 * input's). The application's own separators have a blank or an
 * operator beside them ("cd /srv; ls", "a && b", "2>&1") and are no
 * such cut, nor is a byte before an option word ("[-s|--delimiter]",
 * a usage line's alternatives): ma_sh_one_place, which also tells the
 * scan which places to take (every one it takes is judged: the line's
 * own copies of the byte, quoted, never use up the places before the
 * input's). The walk of the line's quotes goes on from the last place
 * judged (c->one_at, one_q, one_esc): the places of a form come in
 * order, so the walks of one form cost one pass of the line. */
static int ma_sh_one_place(void *ctx, size_t a)
{
	const struct ma_sh_scan *c = ctx;
	const char *s = c->cmd;
	size_t k = a;

	if (a == 0 || a + 1 >= c->len || !ma_sh_one_word_byte(s[a - 1]) ||
	    !ma_sh_one_word_byte(s[a + 1]))
		return 0;
	if (s[a + 1] != '-')
		return 1;
	/* before '-': an option's alternatives only where the word before
	 * the byte is an option too ("[-s|--delimiter]"); an application's
	 * suffix ("/srv/cache/" + ";" + "-thumbs") is cut (review27e) */
	while (k > 0 && ma_sh_one_word_byte(s[k - 1]))
		k--;
	while (k < a && (s[k] == '[' || s[k] == '{'))
		k++;
	return s[k] != '-';
}

/* A here-document begun by the "<<" at i of s (len bytes; not "<<<"):
 * its body's first byte in *bs and the byte after its delimiter line in
 * *be (len when none ends it); 0 when i begins none. Quotes inside the
 * body are no quotes (review27e: `it's` in a body opened a quote). */
static int ma_sh_one_heredoc(const char *s, size_t len, size_t i, size_t *bs, size_t *be)
{
	size_t j = i + 2, d0, dl, p;
	int dash = 0;
	const char *nl;

	if (j < len && s[j] == '-') {
		dash = 1;
		j++;
	}
	while (j < len && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j < len && (s[j] == '\'' || s[j] == '"')) {
		const char *e = memchr(s + j + 1, s[j], len - j - 1);
		if (!e)
			return 0;
		d0 = j + 1;
		dl = (size_t)(e - s) - d0;
	} else {
		d0 = j;
		while (j < len && ma_sh_one_word_byte(s[j]) && s[j] != '\'' && s[j] != '"')
			j++;
		dl = j - d0;
	}
	nl = dl ? memchr(s + d0 + dl, '\n', len - d0 - dl) : NULL;
	if (!nl)
		return 0;
	*bs = (size_t)(nl - s) + 1;
	*be = len;
	for (p = *bs; p < len;) {
		size_t q = p;
		const char *e;
		while (dash && q < len && s[q] == '\t')
			q++;
		if (q + dl <= len && memcmp(s + q, s + d0, dl) == 0 &&
		    (q + dl == len || s[q + dl] == '\n')) {
			*be = q + dl;
			break;
		}
		e = memchr(s + p, '\n', len - p);
		if (!e)
			break;
		p = (size_t)(e - s) + 1;
	}
	return 1;
}

static int ma_sh_one_cut(struct ma_sh_scan *c, size_t a)
{
	const char *s = c->cmd;
	size_t i = c->one_at;
	/* q: 0, '\'', '"', '#' (a comment) or '$' (bash's $'...', where \'
	 * is no end) */
	int q = c->one_q, esc = c->one_esc;

	if (!ma_sh_one_place(c, a))
		return 0;
	if (i > a) {
		i = 0;
		q = 0;
		esc = 0;
		c->one_hd_bs = c->one_hd_be = 0;
	}
	for (; i < a; i++) {
		char ch = s[i];
		if (c->one_hd_be && i == c->one_hd_bs) {
			if (a < c->one_hd_be)
				break;        /* in the body: data */
			i = c->one_hd_be - 1; /* (past the body) */
			c->one_hd_bs = c->one_hd_be = 0;
			continue;
		}
		if (esc) {
			esc = 0; /* an escaped byte: a word's */
		} else if (q == '\'') {
			if (ch == '\'')
				q = 0;
		} else if (q == '#') {
			if (ch == '\n')
				q = 0; /* a comment, to the line's end */
		} else if (ch == '\\') {
			esc = 1;
		} else if (q == '$') {
			if (ch == '\'')
				q = 0;
		} else if (q == '"') {
			if (ch == '"')
				q = 0;
		} else if (ch == '$' && i + 1 < a && s[i + 1] == '\'') {
			q = '$';
			i++;
		} else if (ch == '\'' || ch == '"') {
			q = ch;
		} else if (ch == '#' && (i == 0 || !ma_sh_one_word_byte(s[i - 1]))) {
			q = '#';
		} else if (ch == '<' && i + 2 < c->len && s[i + 1] == '<' && s[i + 2] != '<' &&
		           !c->one_hd_be) {
			size_t bs, be;
			if (ma_sh_one_heredoc(s, c->len, i, &bs, &be)) {
				c->one_hd_bs = bs;
				c->one_hd_be = be;
			}
			i++; /* (the second '<') */
		}
	}
	c->one_at = i;
	c->one_q = q;
	c->one_esc = esc;
	if (c->one_hd_be && a >= c->one_hd_bs && a < c->one_hd_be)
		return 0; /* in a here-document's body */
	return q == 0 && !esc;
}

static int ma_sh_scan_analyse(void *ctx, size_t a, size_t b, struct ma_scan_hit *out)
{
	struct ma_sh_scan *c = ctx;
	struct ma_sh_hit hit;

	if (b - a == 1) {
		/* a one-byte form (ma_sh_one): its own judging alone */
		if (!ma_sh_one_cut(c, a))
			return 0;
		out->rule = c->cmd[a] == '|' ? "cmd.pipe" : "cmd.separator";
		out->sev = "critical";
		out->confidence = 0.95;
		return 1;
	}

	/* the window starts at the occurrence (what the analysis needs of the
	 * line before it is kept in the elements' flags); a line longer than
	 * a window: on to the window that holds a */
	if (c->lexed && c->lx.from > a) {
		/* the line's validity is known; the first window is the one
		 * lexed from its place */
		c->cur_set = 0;
		c->lx_taken = 0;
		if (c->first_kept && c->first.from == a) {
			ma_sh_lex_copy(&c->lx, &c->first);
			c->lx_first = 1;
		} else {
			ma_sh_keep_first(c);
			c->lx_first = 0;
			/* in a line that parses (whose windows' deep_at is never
			 * set), taken from the next window when it holds what
			 * this one needs, else lexed from prev on */
			if (c->has_prev && c->has_second && c->lx.valid &&
			    ma_sh_lex_within_from(c->cmd, c->len, a, &c->prev, &c->second, &c->lx))
				c->lx_taken = 1;
			else if (!c->has_prev ||
			         !ma_sh_lex_within(c->cmd, c->len, a, &c->prev, &c->lx))
				ma_sh_lex_window(c->cmd, c->len, a, &c->lx);
		}
	} else if (!c->lexed) {
		/* the next window too, as the line is read on */
		c->second_ready = ma_sh_lex_from_next(c->cmd, c->len, a, &c->lx, &c->second);
		c->lx_taken = 0;
		c->lexed = 1;
		c->lx_first = 1;
		c->cur_set = 0;
	}
	while (c->lx.dropped_at <= a) {
		ma_sh_keep_first(c);
		ma_sh_next_window(c, a);
	}
	for (;;) {
		/* the place's first element and mark, for both; the element
		 * looked on for from the last place's in the same window (their
		 * ends only grow: the first that ends after a is the same) */
		int e0, m0;
		if (c->cur_set && c->cur_a <= a) {
			e0 = c->cur_e;
			while (e0 < c->lx.nel && c->lx.el[e0].end <= a)
				e0++;
		} else {
			e0 = ma_sh_first_after(c->lx.el, c->lx.nel, a);
		}
		c->cur_set = 1;
		c->cur_a = a;
		c->cur_e = e0;
		m0 = ma_sh_first_after(c->lx.mark, c->lx.nmark, a);
		if (c->lx.deep_at >= a && c->lx.deep_at < b) {
			/* nested deeper than the tokenizer follows, from here */
			ma_sh_set(&hit, "cmd.nesting", "critical", 0.9);
			break;
		}
		if (ma_sh_same_place(c, a, b, e0, m0))
			goto judged; /* fires nothing, as the place kept */
		if (ma_sh_is_data(c->cmd, &c->lx, a, b, e0, m0)) {
			if ((c->cmd[a] == '-' && ma_sh_whole_option(c->cmd, &c->lx, e0, a, b)) ||
			    (c->cmd[a] == '-' && c->lx.el[e0].start == a &&
			     ma_sh_sed_added(c->cmd, &c->lx, e0)) ||
			    ma_sh_option_value(c, c->cmd, &c->lx, e0, a, b) ||
			    (c->lx.valid && (ma_sh_mount_value(c->cmd, &c->lx, e0, a, b) ||
			                     ma_sh_socat_prog(c->cmd, &c->lx, e0, a, b) ||
			                     ma_sh_screen_cmd(c->cmd, &c->lx, e0, a, b) ||
			                     ma_sh_tmux_format(c->cmd, &c->lx, e0, a, b))) ||
			    (c->cmd[a] == '-' && c->lx.valid && e0 < c->lx.nel &&
			     c->lx.el[e0].start == a && c->lx.el[e0].end == b &&
			     /* the option with its value (--volume=/:/host), not
			      * the application's -v alone */
			     (memchr(c->cmd + a, '=', b - a) || memchr(c->cmd + a, ':', b - a)) &&
			     ma_sh_operand_runs(c->cmd, &c->lx, e0))) {
				ma_sh_set(&hit, "cmd.option", "high", 0.9);
				break;
			}
			if (c->arith_form && (ma_sh_ps4_place(c->cmd, c->len, &c->lx, e0, a, b) ||
			                      ma_sh_bash_env_place(c->cmd, &c->lx, e0, a, b))) {
				ma_sh_set(&hit, "cmd.xtrace", "critical", 0.9);
				break;
			}
			/* inside one word: a brace of the input, or a backslash
			 * in an unquoted word (parallel echo x\;id: the joined
			 * line holds the ;) */
			if ((memchr(c->cmd + a, '{', b - a) ||
			     (e0 < c->lx.nel && c->cmd[c->lx.el[e0].start] != '\'' &&
			      c->cmd[c->lx.el[e0].start] != '"' &&
			      memchr(c->cmd + a, '\\', b - a))) &&
			    ma_sh_joined_words(c->cmd, &c->lx, e0, a, b, &hit))
				break;
			if (!c->arith_form ||
			    !ma_sh_arith_place(c->cmd, c->len, &c->lx, e0, m0, a, b, &c->memo)) {
				ma_sh_note_inner(c, e0, m0, a, b);
				if (!c->unjudged)
					return 0;
				/* a line read again that finds no room */
				ma_sh_set(&hit, "cmd.nesting", "critical", 0.9);
				break;
			}
			ma_sh_set(&hit, "cmd.arithmetic", "critical", 0.9);
			break;
		}
		ma_sh_judge(c->cmd, c->len, &c->lx, a, b, e0, m0, &c->memo, &hit);
		if (!hit.fired && c->arith_form &&
		    ma_sh_arith_place(c->cmd, c->len, &c->lx, e0, m0, a, b, &c->memo))
			ma_sh_set(&hit, "cmd.arithmetic", "critical", 0.9);
		if (hit.fired)
			break;
		ma_sh_keep_place(c, a, b, e0, m0);
	judged:
		if (c->lx.complete || c->lx.dropped_at >= b + MA_SH_OVERLAP)
			return 0; /* all of it and what follows it was judged */
		if (!c->lx.valid) {
			/* a line that cannot run: only a command substitution that
			 * starts in the input fires (ma_sh_judge), and the window
			 * judged every mark it kept; the rest of the input is
			 * lexed on from where the window was first full, keeping
			 * nothing, instead of window after window */
			int p;
			ma_sh_lx_lexed(c);
			p = ma_sh_probe_subst(c->cmd, c->len, &c->lx, a, b);
			if (p == 0)
				return 0;
			if (p > 0) {
				if (p == 2)
					ma_sh_set(&hit, "cmd.dollar_quote", "high", 0.9);
				else
					ma_sh_set(&hit, "cmd.substitution", "critical", 0.95);
				break;
			}
		}
		ma_sh_keep_first(c);
		ma_sh_keep_prev(c);
		ma_sh_next_window(c, b);
	}
	out->rule = hit.rule;
	out->sev = hit.sev;
	out->confidence = hit.confidence;
	return 1;
}

/* The shell check of cmd, reporting op (the exact operation) on a fire. */
static int ma_sh_check_line(struct moat_request *r, struct ma_sh_scan *c, const char *cmd,
                            size_t len, const char *op, size_t oplen, const char *form,
                            const char *file, int line, const char *function);

int ma_sh_check(struct moat_request *r, const char *cmd, size_t len, const char *op, size_t oplen,
                const char *file, int line, const char *function)
{
	struct ma_sh_scan *c = ma_request_scratch(r);
	const char *form = op == cmd ? "sh -c" : "argv";
	size_t base = 0;
	int v = MOAT_ALLOW;

	/* one line after the other, not nested: each takes the scratch
	 * block (and the stack) afresh; the inner lines each one notes are
	 * queued, as offsets in cmd (each once) */
	c->nq = 0;
	c->q_next = 0;
	c->join_len = 0;
	c->join_src_line = -1;
	/* the line and each queued line (up to MA_SH_INNER_MAX) */
	for (int n = 0; n <= MA_SH_INNER_MAX && len > 0; n++) {
		unsigned found = moat_request_findings(r);
		c->feeds = n > 0 && c->q_feeds[c->q_next - 1];
		c->in_join = n > 0 && c->q_join[c->q_next - 1];
		c->line_no = n;
		v = ma_sh_check_line(r, c, (c->in_join ? c->join : cmd) + base, len, op, oplen,
		                     form, file, line, function);
		if (moat_request_findings(r) != found)
			break; /* fired (blocked or logged) */
		for (int i = 0; i < c->ninner && c->nq < MA_SH_INNER_MAX; i++) {
			/* a line built in join is at its offsets there; one of
			 * this line's text is in the same text as it */
			int j = c->inner_join[i] || c->in_join;
			size_t at = (c->inner_join[i] ? 0 : base) + c->inner_at[i],
			       end = (c->inner_join[i] ? 0 : base) + c->inner_end[i];
			int k = 0;
			while (k < c->nq &&
			       (c->q_at[k] != at || c->q_end[k] != end || c->q_join[k] != j))
				k++;
			if (k == c->nq) {
				c->q_join[c->nq] = j;
				c->q_at[c->nq] = at;
				c->q_feeds[c->nq] = c->inner_feeds[i];
				c->q_end[c->nq++] = end;
			} else {
				c->q_feeds[k] |= c->inner_feeds[i];
			}
		}
		if (c->q_next == c->nq)
			break; /* nothing more to read */
		base = c->q_at[c->q_next];
		len = c->q_end[c->q_next++] - base;
	}
	return v;
}

static int ma_sh_check_line(struct moat_request *r, struct ma_sh_scan *c, const char *cmd,
                            size_t len, const char *op, size_t oplen, const char *form,
                            const char *file, int line, const char *function)
{
	c->ninner = 0;
	c->unjudged = 0;
	c->one_at = 0;
	c->one_q = 0;
	c->one_esc = 0;
	c->one_hd_bs = 0;
	c->one_hd_be = 0;
	c->cmd = cmd;
	c->len = len;
	c->lexed = 0;
	c->has_prev = 0;
	c->first_kept = 0;
	c->lx_first = 0;
	c->has_second = 0;
	c->second_ready = 0;
	c->cur_set = 0;
	c->lx_taken = 0;
	c->memo.ready = 0;
	c->pl_n = 0;
	c->arith_form = 1; /* until begin_form says */
	struct ma_scan s = {
	    .interceptor = "command_injection",
	    .text = cmd,
	    .len = len,
	    .max_occ = 64, /* judged in full; past them .past */
	    .skip_input = ma_sh_skip_input,
	    .begin_form = ma_sh_begin_form,
	    .analyse = ma_sh_scan_analyse,
	    .past = ma_sh_past,
	    .past_rule = "cmd.too_many_places",
	    .one = ma_sh_one,
	    .one_place = ma_sh_one_place,
	    .ctx = c,
	    .operation = op,
	    .operation_len = oplen,
	    .extra_key = "form",
	    .extra_value = form,
	    .file = file,
	    .line = line,
	    .function = function,
	};
	return ma_request_scan(r, &s);
}

int moat_check_shell_at(struct moat_request *r, const char *cmd, size_t len, const char *file,
                        int line, const char *function)
{
	size_t nin;

	if (!r || !cmd)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(cmd);
	(void)ma_request_inputs(r, &nin);
	if (nin == 0 || ma_request_mode(r, "command_injection", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	return ma_sh_check(r, cmd, len, cmd, len, file, line, function);
}
