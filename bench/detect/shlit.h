/*
 * bench/detect/shlit.h — the literal arguments of a benign shell line, as
 * the detection benchmark gives them as a request's inputs
 * (cmdpath.c's shell_operation; agentproto/tests/test_agent_shellfp8.c
 * checks documentation lines the same way): '...', "..." without $, `
 * or a backslash, and bare words without marks (expansions and globs
 * are code, not literals); never a command's name. Header only, pure.
 */
#ifndef SHLIT_H
#define SHLIT_H

#include <stddef.h>
#include <string.h>

#include "ma_shell.h"

/* The next literal of the line op as lexed in lx, from element *i on:
 * 1 with its bytes at *s (*l of them, the quotes removed) and *i past
 * it; 0 at the line's end. *cmdpos is 1 where a command starts (set it
 * to 1 before the first call). */
static inline int shlit_next(const char *op, const struct ma_sh_lex *lx, int *i, int *cmdpos,
                             const char **s, size_t *l)
{
	for (; *i < lx->nel; (*i)++) {
		const struct ma_sh_el *e = &lx->el[*i];
		const char *w = op + e->start;
		size_t wl = e->end - e->start;
		int marks = 0, assign = e->flags & MA_SH_F_ASSIGN;
		if (e->kind != MA_SH_WORD) {
			*cmdpos = e->kind == MA_SH_SEQ || e->kind == MA_SH_BG ||
			          e->kind == MA_SH_ANDOR || e->kind == MA_SH_PIPE ||
			          e->kind == MA_SH_LPAREN;
			continue;
		}
		if (*cmdpos && !assign && !(*i > 0 && lx->el[*i - 1].kind == MA_SH_REDIR)) {
			*cmdpos = 0;
			continue; /* the command's name */
		}
		for (int m = 0; m < lx->nmark; m++)
			if (lx->mark[m].start >= e->start && lx->mark[m].start < e->end &&
			    lx->mark[m].kind != MA_SH_M_QUOTE)
				marks++;
		if (marks || (e->flags & MA_SH_F_UNTERM))
			continue; /* expansions and globs are code, not literals */
		if (wl >= 2 &&
		    ((w[0] == '\'' && w[wl - 1] == '\'' && !memchr(w + 1, '\'', wl - 2)) ||
		     (w[0] == '"' && w[wl - 1] == '"' && !memchr(w + 1, '"', wl - 2) &&
		      !memchr(w + 1, '\\', wl - 2)))) {
			w++;
			wl -= 2;
		} else if (memchr(w, '\'', wl) || memchr(w, '"', wl) || memchr(w, '\\', wl)) {
			continue;
		}
		*s = w;
		*l = wl;
		(*i)++;
		return 1;
	}
	return 0;
}

#endif
