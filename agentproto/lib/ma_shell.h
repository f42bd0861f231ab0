/*
 * ma_shell.h — libmoatagent's internal interface to the POSIX sh
 * tokenizer and the command_injection analysis (ma_shell.c), for its unit
 * tests, fuzz target and the detection benchmark. Not installed.
 */
#ifndef MA_SHELL_H
#define MA_SHELL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* What the tokenizer finds in a command line: elements in order (words and
 * operators) and, apart, marks inside words (quotes, expansions, globs). */
enum ma_sh_kind {
	MA_SH_WORD = 1, /* a word: quoted parts, expansions and all */
	MA_SH_SEQ,      /* ; ;; ;& (and a newline: flag MA_SH_F_NEWLINE) */
	MA_SH_BG,       /* & */
	MA_SH_ANDOR,    /* && || */
	MA_SH_PIPE,     /* | |& */
	MA_SH_LPAREN,   /* ( a subshell */
	MA_SH_RPAREN,   /* ) */
	MA_SH_REDIR,    /* [n]< > >> >| <> <& >& &> &>> << <<- <<< */
	MA_SH_COMMENT,  /* # to the end of the line */
	MA_SH_HEREDOC,  /* a here-document's body (data) */
	/* marks (inside words) */
	MA_SH_M_QUOTE, /* ' " $' or the quote that closes them */
	MA_SH_M_SUBST, /* $( ) ` ` <( ) >( ) $(( )) : start..end of the whole */
	MA_SH_M_PARAM, /* $name ${...}; flag MA_SH_F_SPECIAL for $1 $? $$ ... */
	MA_SH_M_GLOB,  /* an unquoted * ? [ */
	MA_SH_M_BRACE, /* an unquoted {a,b} or {1..9} */
};
#define MA_SH_F_UNTERM  1    /* a quote, substitution or brace runs to the end */
#define MA_SH_F_NEWLINE 2    /* SEQ: a newline */
#define MA_SH_F_ASSIGN  4    /* WORD: NAME=value */
#define MA_SH_F_OUT     8    /* REDIR: writes (>, >>, >|, <>, &>) */
#define MA_SH_F_HERE    16   /* REDIR: << <<- <<< */
#define MA_SH_F_SPECIAL 32   /* PARAM: $1 $? $$ $# $@ $* $! $- */
#define MA_SH_F_CLOSE   64   /* QUOTE: closes the quote opened at .pair */
#define MA_SH_F_EMPTY   128  /* SUBST: nothing inside */
#define MA_SH_F_RUNS    256  /* PARAM: ${...} or $((...)) holding a command substitution */
#define MA_SH_F_CASEEND 1024 /* SEQ: ;; ;& ;;& (a case item's end) */
#define MA_SH_F_EXPANDS                                                                            \
	8192 /* HEREDOC: its delimiter unquoted: the body is expanded as "..." is                  \
	      * ($( ) and backticks run) */
#define MA_SH_F_CMDWORD                                                                            \
	512 /* WORD: no word but assignments and redirection targets                               \
	     * before it in its command, or a program that runs the next one                       \
	     * and its options before a redirection (it names the program) */
#define MA_SH_F_TARGET                                                                             \
	2048 /* WORD: a redirection's target (known in any window, also one that                   \
	      * does not hold the redirection) */
#define MA_SH_F_AMBIG                                                                              \
	4096 /* QUOTE: the ' where dash ends a $'...' that bash reads on (a \' inside: dash,       \
	      * Debian's /bin/sh, has no $'...'); pair: the $' */

struct ma_sh_el {
	uint32_t start, end; /* byte offsets, end exclusive */
	uint32_t pair;       /* QUOTE with MA_SH_F_CLOSE: where its quote opened */
	uint16_t flags;      /* MA_SH_F_* */
	uint8_t kind;        /* enum ma_sh_kind */
};

/* Elements and marks kept per lexing: a window of the line. A longer line
 * is judged in several windows (ma_shell.c), so the sizes only trade stack
 * (16 bytes each: 4 KB here) for lexing again. */
#define MA_SH_MAX_EL   128
#define MA_SH_MAX_MARK 128
/* Quotes, command substitutions and ${...} open at once that the tokenizer
 * follows (it recurses once per level, ~200 bytes of stack): deeper, the
 * line is read as one that cannot parse from that byte on, and an input
 * holding it fires (rule cmd.nesting). No script nests that deep. */
#define MA_SH_MAX_NEST 32

/* The tokenizer's state between two elements of the line (here-documents
 * pending, the parse check): enough to go on lexing from there. */
struct ma_sh_state {
	int want_delim; /* the next word is a here-document's delimiter (1 + strip) */
	struct ma_sh_parse {
		int depth, have, need, redir, words, prev, fdef, bad;
		int cases; /* case ... esac open: a ")" at depth 0 ends a pattern */
		int fkw;   /* the command's first word is bash's "function" keyword (1; 2
		            * when its third word is "{") */
		int open;  /* its words so far are reserved words that open a body (then,
		            * do, {, ! ..., bash's time): a "(" starts a subshell, not
		            * "name (" */
	} v;               /* does the line parse? judged element by element */
	int named;         /* the current command has its program's word already */
	int wrap;          /* its words so far are a program that runs the next one (exec,
	                    * nohup, nice ...) and that one's options: after a redirection
	                    * its command's name is still to come ("nohup > f id") */
	int nhere;         /* here-documents whose body starts after the next newline */
	struct {
		char delim[64];
		size_t dlen;
		int strip;  /* <<- strips leading tabs */
		int quoted; /* a quote or backslash in the delimiter: the body is
		             * not expanded */
	} here[4];          /* last: copied only as far as nhere */
};

struct ma_sh_lex {
	struct ma_sh_el el[MA_SH_MAX_EL];
	struct ma_sh_el mark[MA_SH_MAX_MARK];
	struct ma_sh_state snap; /* where the next window starts (ma_sh_lex_next): */
	size_t snap_at;          /* lexing goes on from here, */
	size_t snap_from;        /* keeping from here */
	int has_snap;
	int snap_nel, snap_nmark; /* elements and marks kept before snap_at */
	/* where the window was first full, at an element's start: the next
	 * window takes over the elements and marks kept from snap_at on and
	 * lexes on from here, in this state (ma_sh_lex_next) */
	struct ma_sh_state end;
	size_t end_at;
	int has_end;
	int nel, nmark;
	int complete;      /* 0: elements or marks after the window were not kept */
	int unterm;        /* a quote or substitution runs to the end: the line cannot run (read as
	                    * far as the line was: not past a full window once it cannot parse) */
	int valid;         /* the whole line parses (ma_sh_valid), kept or not */
	size_t from;       /* elements and marks that end before it are not kept */
	size_t dropped_at; /* where the first one not kept (no room) starts; SIZE_MAX */
	size_t deep_at;    /* where a quote or substitution opened MA_SH_MAX_NEST deep was
	                    * met (the line is read as one that cannot parse from there on;
	                    * a place holding it fires); SIZE_MAX */
};

/* Tokenizes the command line s (len bytes; NUL bytes are ordinary bytes).
 * No allocation. Every byte is whitespace or inside exactly one element.
 * Keeps the first MA_SH_MAX_EL elements and MA_SH_MAX_MARK marks. */
void ma_sh_lex(const char *s, size_t len, struct ma_sh_lex *lx);

/* The same, keeping the elements and marks from the first that ends after
 * from (the whole line is still read: quotes, validity). */
void ma_sh_lex_from(const char *s, size_t len, size_t from, struct ma_sh_lex *lx);

/* ma_sh_lex_from, keeping also in nx, as the line is read on, what
 * ma_sh_lex_next would then make of lx (1), or nothing (0: nx undefined;
 * ma_sh_lex_next gives it). No allocation. */
int ma_sh_lex_from_next(const char *s, size_t len, size_t from, struct ma_sh_lex *lx,
                        struct ma_sh_lex *nx);
/* Moves lx to the next window of the same line: it starts some elements
 * before the end of the current one (they overlap) and the line is read on
 * from there only. Returns 0, changing nothing, when the current window
 * left no place to go on from (then ma_sh_lex_from gives the next one). */
int ma_sh_lex_next(const char *s, size_t len, struct ma_sh_lex *lx);

/* The window of the line that keeps from `from` (as ma_sh_lex_from keeps
 * it), built from prev, an earlier window of the same line that holds
 * from and was first full at an element's start (has_end): its elements
 * and marks that end after from are taken over and the line is lexed on
 * from prev->end_at only. lx (not prev) keeps its valid and unterm.
 * Returns 0, changing nothing, when prev cannot give it. */
int ma_sh_lex_within(const char *s, size_t len, size_t from, const struct ma_sh_lex *prev,
                     struct ma_sh_lex *lx);

/* ma_sh_lex_within without lexing: the elements and marks prev does not
 * give are taken from nx, a window of the same line that was lexed
 * through prev->end_at (nx->from <= prev->end_at: ma_sh_lex_next of prev,
 * say), as far as nx kept them. lx gets what ma_sh_lex_within gives it
 * but for the lexer's states at snap_at and end_at (lx->snap, lx->end):
 * before lx is moved on from (ma_sh_lex_next), used as a prev or probed,
 * it is made again with ma_sh_lex_within. Returns 0 (lx's elements and
 * marks then undefined; valid, unterm and deep_at kept) when nx does not
 * hold what the window needs, or prev cannot give it. */
int ma_sh_lex_within_from(const char *s, size_t len, size_t from, const struct ma_sh_lex *prev,
                          const struct ma_sh_lex *nx, struct ma_sh_lex *lx);

/* 1 when the whole tokenized line parses as sh would (quotes closed,
 * operators between commands, redirections with a target, parentheses
 * balanced), whatever part of it was kept. */
int ma_sh_valid(const struct ma_sh_lex *lx);

/* For a window lx of s that was first full at an element's start
 * (has_end): 1 when a command substitution that runs (what fires in a
 * line that cannot parse: $(...), `...`, <(...), >(...), ${...} or
 * $((...)) holding one, also inside another's body; not one
 * unterminated or empty) starts in [a, b) at or after lx->end_at, 2 when
 * none does before a $'...' quote that dash ends at a ' bash reads on
 * (MA_SH_F_AMBIG) in [a, b), 0 when none does, -1 when lx cannot tell (no
 * has_end). The line is lexed on from end_at and nothing is kept: lx
 * is left as it was. No allocation. */
int ma_sh_probe_subst(const char *s, size_t len, struct ma_sh_lex *lx, size_t a, size_t b);

/* What a user input does at one place [a, b) of a command line. */
struct ma_sh_hit {
	int spans;        /* 1: the input is more than data inside one word */
	int fired;        /* 1: it adds shell syntax that runs (rule set) */
	const char *rule; /* static */
	const char *sev;  /* static */
	double confidence;
};
/* Judges [a, b) of s, tokenized in lx. No allocation. */
void ma_sh_analyse(const char *s, size_t len, const struct ma_sh_lex *lx, size_t a, size_t b,
                   struct ma_sh_hit *hit);

/* What a command's name is (ma_sh_word_name in ma_shell.c) for the words
 * of one line already judged, and whether a command can run something
 * (ma_sh_command_runs) for the commands already judged: the check keeps
 * one for all its places and windows (the same word or command is judged
 * again by the next place, input or window). Set ready to 0 before its
 * first use with a line. */
#define MA_SH_MEMO       128
#define MA_SH_CMD_MEMO   256
#define MA_SH_SUB_MEMO   4
#define MA_SH_SUB_STARTS 32
struct ma_sh_memo {
	int ready;
	uint32_t start[MA_SH_MEMO], end[MA_SH_MEMO];
	int8_t kind[MA_SH_MEMO];
	/* a command by the byte its walk starts at, + 1 (0: an empty slot):
	 * its answer, and its name's element counted from there (0xff: none) */
	uint32_t cmd_at[MA_SH_CMD_MEMO];
	int8_t cmd_runs[MA_SH_CMD_MEMO];
	uint8_t cmd_name[MA_SH_CMD_MEMO];
	/* the bodies of the application's substitutions and expansions that
	 * run one, each lexed once (ma_sh_inner_subst): the mark's bytes [at,
	 * end) (end 0: an empty slot) and where the command substitutions
	 * that run inside it start, in order (n; -1: more than
	 * MA_SH_SUB_STARTS, the body is lexed again per place) */
	struct {
		uint32_t at, end;
		int n;
		uint32_t start[MA_SH_SUB_STARTS];
	} sub[MA_SH_SUB_MEMO];
	int sub_next;   /* the slot taken next */
	int line_arith; /* the line evaluates variables as arithmetic: 1, -1 not, 0 unknown */
	/* the last value ma_sh_arith looked back from, + 1 (0: none), its
	 * command's start, 1 when that was too far back, 1 when a $[ lies
	 * between the two */
	uint32_t arith_at, arith_c0;
	int arith_far, arith_dl;
};

/* ma_sh_analyse, taking and keeping the names' answers in memo (for s
 * only: ready 0 for another line). */
void ma_sh_analyse_memo(const char *s, size_t len, const struct ma_sh_lex *lx, size_t a, size_t b,
                        struct ma_sh_memo *memo, struct ma_sh_hit *hit);

struct moat_request;

/* What the line check makes of form v (vl bytes) of an input at a place
 * past the 64 it judges in full (bound64; ma_shell.c, struct ma_scan's
 * past: ctx, a and b are not read): MA_PAST_JUDGE for a word of letters,
 * digits and '_', MA_PAST_STOP for a form inert wherever it lands in a
 * command line, MA_PAST_CLOSED for any other. The argv check's walks
 * over one argument ask it too (ma_shell_argv.c). */
int ma_sh_past(void *ctx, const char *v, size_t vl, size_t a, size_t b);

/* The shell check of the command line cmd (len bytes) in request r,
 * reporting op (oplen bytes: the exact operation, cmd itself or the argv
 * it came from) on a fire (ma_shell.c): MOAT_ALLOW or MOAT_BLOCK, as
 * moat_check_shell. The scratch block of r holds its windows. */
int ma_sh_check(struct moat_request *r, const char *cmd, size_t len, const char *op, size_t oplen,
                const char *file, int line, const char *function);

/* GNU sed's script s (n bytes; ma_shell_script.c): 1 when it parses,
 * with the offsets of the commands and s flags that run a command or read
 * or write a file (e, r, R, w, W; s///e, s///w) at offset from or after
 * it in pos (the first cap of them: *npos); 0 when sed would refuse it. */
int ma_sh_sed_parse(const char *s, size_t n, size_t from, size_t *pos, int cap, int *npos);

/* awk's program p (n bytes; ma_shell_script.c): 1 when its strings,
 * regular expressions, parentheses and braces close, with in pos (the
 * first cap at offset from or after it: *npos) the offsets of what runs a
 * command, writes a file or loads code (system(, a pipe, print's >,
 * @load, @include). */
int ma_sh_awk_scan(const char *p, size_t n, size_t from, size_t *pos, int cap, int *npos);

/* The languages of the code an option's value holds (python -c, perl -e,
 * ruby -e, node -e, php -r). */
enum { MA_SH_LANG_PY = 1, MA_SH_LANG_PERL, MA_SH_LANG_RUBY, MA_SH_LANG_JS, MA_SH_LANG_PHP };

/* 1 when the bytes [a, b) of the code s (n bytes) in language lang
 * change the code's tokens (ma_shell_script.c): they touch more than one
 * token (a negative number is one), or inside one string or regular
 * expression they bring what runs code there (perl's "@{[...]}" and
 * (?{...}), ruby's "#{...}", php's "${...}", javascript's `${...}`,
 * python's f"{...}") or a shell metacharacter into a command string
 * (backticks, qx). 0 when they are data, or when the code does not
 * compile (an unclosed string: nothing runs; not for perl, whose BEGIN
 * blocks run before the rest is read). */
int ma_sh_code_judge(int lang, const char *s, size_t n, size_t a, size_t b);

/* The strings code s (n bytes) in language lang hands to a shell
 * (ma_shell_script.c): the command string, the first argument, of a call
 * that runs it with sh -c (python's os.system, os.popen,
 * subprocess.getoutput, and run, call, check_output, Popen with
 * shell=True; perl's system, exec, readpipe and ruby's system, exec,
 * spawn, IO.popen, Open3's with one argument; node's exec, execSync, and
 * spawn, execFile with shell: true, in code that names child_process;
 * php's system, exec, shell_exec, passthru, popen, proc_open). Calls
 * each(arg, offset, length) with each one's content (inside the quotes),
 * in order, every one of them (misc9: a fixed 8 left the 9th unjudged);
 * returns the first nonzero answer of each, or 0. No allocation. */
int ma_sh_code_shell_strings(int lang, const char *s, size_t n,
                             int (*each)(void *arg, size_t at, size_t len), void *arg);

/* 1 when the bytes [a, b) of vim's Ex command line s (n bytes: -c, --cmd,
 * +cmd) name its command (a = 0) or bring a bar, a line break, a
 * backtick (expanded by a shell in file names) or a '!' that starts a
 * word (:r !id, :!id). */
int ma_sh_ex_judge(const char *s, size_t n, size_t a, size_t b);

/* 1 when argv[0]'s base name is a shell that takes a script with -c (sh,
 * bash, rbash, dash, zsh, ksh, ash, mksh, yash, fish, csh, tcsh, busybox
 * sh; pwsh -Command): *script gets the index of that argument, or -1
 * when there is no -c. */
int ma_sh_is_shell_c(const char *const *argv, int argc, int *script);

/* For a wrapper of ma_shell_wrap.c at argv[i] (firejail, bwrap, setpriv,
 * prlimit, ip netns exec NS, gdb --args ...), the index of the command
 * it runs, or 0 (another program, or no command). */
int ma_sh_wrap_command(const char *const *argv, int argc, int i);

/* What a command's name is (ma_shell_names.c). */
enum ma_sh_name {
	MA_SH_NAME_OTHER = 0, /* an ordinary word: "command not found" */
	MA_SH_NAME_RUNS,      /* a builtin or a program of the lexicon */
	MA_SH_NAME_PREFIX,    /* runs the command named next (exec, env, sudo, time ...) */
	MA_SH_NAME_OPENS,     /* a reserved word before a command (if, then, do, !, {) */
	MA_SH_NAME_RESERVED,  /* a reserved word that runs nothing (for, case, fi, done) */
};

/* The kind of the command name s (n bytes, already without quotes). */
int ma_sh_name_kind(const char *s, size_t n);

/* 1 when the glob pat (n bytes: * ? [...]) matches the name of a builtin or
 * of a program of the lexicon. */
int ma_sh_name_glob(const char *pat, size_t n);

/* 1 when an assignment to the variable s (n bytes) changes what later
 * commands run or load (PATH, IFS, LD_PRELOAD, BASH_ENV, http_proxy ...). */
int ma_sh_name_env(const char *s, size_t n);

/* The variable s (n bytes) names a program, a command line, code or a
 * path code is loaded from (shell39: BASH_ENV, LD_PRELOAD, NODE_OPTIONS,
 * PYTHONPATH, LESSOPEN, BROWSER, SSH_ASKPASS, PAGER ...): 1; 2 for one
 * ma_sh_env_key also reads (a command line judged at its place); 3 for an
 * interpreter's options (NODE_OPTIONS, JAVA_TOOL_OPTIONS, PERL5OPT,
 * RUBYOPT: ma_sh_env_opts_load decides); 0 for any other (LANG, TZ,
 * HOME, proxies ...). */
int ma_sh_env_code(const char *s, size_t n);

/* 1 when v (n bytes, an input in an interpreter's options variable)
 * names a file or a module to load or code to run: a '/' or '\\', an
 * option -M -m -d -r -I -e -p, or require, import, loader, inspect,
 * agent (-javaagent:), OnError, OnOutOfMemory, eval; 0 for a tuning
 * option (--max-old-space-size=8192, -Xmx2g). start: v's first byte
 * starts a word of the value (an option letter counts only there). */
int ma_sh_env_opts_load(const char *v, size_t n, int start);

/* 1 when the variable s (n bytes) holds a user's own editor, pager or
 * prompt command (EDITOR, VISUAL, PAGER, MANPAGER, GIT_EDITOR,
 * GIT_SEQUENCE_EDITOR, GIT_PAGER, PROMPT_COMMAND): a whole value the
 * input writes fires only through ma_sh_env_prog_runs. */
int ma_sh_env_pref(const char *s, size_t n);

/* 1 when an input at (vl bytes) in the value [val, vend) of the variable
 * s (n bytes, ma_sh_env_code's) chooses no code: in a search path (a
 * name ending in PATH or LIB), each element the input begins, read to
 * its end, is one of root's folders (PATH: /usr/bin, /usr/local/sbin,
 * /snap/bin, /opt/NAME/bin, $PATH ...; the others: /usr/lib*, /lib*,
 * /usr/local/lib*, /usr/share/perl*, /opt/NAME/lib*: shellfp3,
 * review27); or a piece inside one of the application's elements
 * without a '/', ':' or ".." ("/opt/lib/python" + "3.11"; review26: a
 * version or a locale the application also passes as an argument). An
 * empty, relative or other element fires. */
int ma_sh_env_value_inert(const char *s, size_t n, const char *val, const char *vend,
                          const char *at, size_t vl);

/* 1 when the program word w (n bytes) runs code or another program: a
 * path (a '/'), a shell, an interpreter, nc/socat/script, or a wrapper
 * (ma_sh_name_kind's prefixes: sudo, env, xargs ...). */
int ma_sh_env_prog_runs(const char *w, size_t n);

/* 1 when the program s (n bytes) only looks names up or prints (which,
 * man, find, as, go ...): words of text as its operands run nothing. */
int ma_sh_name_lookup(const char *s, size_t n);

/* 1 when s (n bytes) is a go command that builds, fetches or runs code. */
int ma_sh_go_runs(const char *s, size_t n);

/* 1 when the name tables are sorted (the binary search needs it). */
int ma_sh_names_sorted(void);

/* 1 when every name of the five lists ma_sh_name_kind answers from
 * (ma_shell_names.c) answers the kind of the first list that holds it (the
 * generated hash table, ma_shell_names_tab.h, misses none). */
int ma_sh_names_known(void);

/* 1 when the generated table holds nothing else: every slot a name of the
 * lists, with its kind, each name once, and the index by first byte and
 * length is the lists' own. */
int ma_sh_names_exact(void);

/* One program's options (ma_shell_opts.c, the table ma_sh_prog_opts says
 * which): danger, values and attached are short option letters, dlongs
 * and vlongs long names (space-separated; a letter in both danger and
 * attached is dangerous with an attached value only: git grep -O<pager>,
 * zip -T); dash1: long options written
 * with one '-' (sqlite3); blongs: NULL, or the program's options without
 * a value that are a prefix of a listed one (curl --head), when an
 * unambiguous prefix of a listed name is that option (curl, wget). */
struct ma_sh_prog_opts {
	const char *prog;
	const char *danger, *values, *attached; /* short option letters */
	const char *dlongs, *vlongs;            /* long option names */
	int dash1;
	const char *blongs; /* NULL, or abbreviations are read: see above */
};

/* ma_sh_opt_read's flags: the option (or a letter of its cluster) is one
 * of the program's dangerous ones; its value is the next element. */
enum { MA_SH_OPT_DANGER = 1, MA_SH_OPT_NEXT = 2 };

/* 1 when option element o runs a command, loads code or reads or writes
 * a file in the usual tools (--upload-pack, -exec, -oProxyCommand ...);
 * known: the program has a table entry, whose letters then decide alone. */
int ma_sh_danger_option(const char *o, int known);

/* The table entry for the program prog (its base name, a version after
 * it: python3.11), or NULL. */
const struct ma_sh_prog_opts *ma_sh_prog_find(const char *prog);

/* The entry of git's subcommand sub (n bytes: rebase, difftool, grep,
 * send-email, filter-branch) whose own options run a line, or NULL: its
 * name "git SUB" is the program of ma_sh_value_kind_of and
 * ma_sh_value_shell. */
const struct ma_sh_prog_opts *ma_sh_git_sub_find(const char *sub, size_t n);

/* The wrapper's entry (sudo, env, timeout, nice, xargs ...) for the base
 * name b, or NULL. */
const struct ma_sh_prog_opts *ma_sh_wrap_find(const char *b);

/* 1 when name (n bytes) is one of list's space-separated words. */
int ma_sh_in_words(const char *list, const char *name, size_t n);

/* !strcmp(a, b), the first bytes compared first: the program tables'
 * names differ there mostly, so most comparisons cost no call (shell40:
 * the argv check's name comparisons were a third of its instructions). */
static inline int ma_sh_streq(const char *a, const char *b)
{
	return a[0] == b[0] && !strcmp(a, b);
}

/* 1 when GNU parallel's option word o (n bytes) takes the next word as
 * its value (-j 4, --joblog FILE). */
int ma_sh_parallel_value_opt(const char *o, size_t n);

/* How program po reads the option element o: MA_SH_OPT_* flags; *name and
 * *nlen the option that takes a value (*nlen 0: none), *val the offset of
 * an attached value in o (0: none). */
int ma_sh_opt_read(const struct ma_sh_prog_opts *po, const char *o, const char **name, size_t *nlen,
                   size_t *val);

/* What an option's value is to its program (ma_sh_value_kinds). */
enum {
	MA_SH_VAL_CMD = 1,
	MA_SH_VAL_FILE,
	MA_SH_VAL_CODE,
	MA_SH_VAL_EX,
	MA_SH_VAL_SSHOPT,
	MA_SH_VAL_GITCONF,
	MA_SH_VAL_SQL,
	MA_SH_VAL_WGETRC,
	MA_SH_VAL_SED, /* sed's script (-e, --expression; shell23) */
	MA_SH_VAL_TCL, /* a Tcl script (expect -c; shell37) */
	MA_SH_VAL_GDB  /* a gdb command (gdb -ex; shell37) */
};

/* 1 when the sed script s (n bytes) holds a command that runs a shell
 * line or writes a file: e, w, W, or an s command's e or w flag (GNU
 * sed 4.9). */
int ma_sh_sed_runs(const char *s, size_t n);

/* 1 when the input s[a, b) brings the sed script s (n bytes) an e, w or W
 * command or an s command's e or w flag the script would not hold with
 * the input's bytes as plain letters (review16: a w the application
 * wrote, sed -n '/INPUT/w errors.txt', is no finding); a script longer
 * than 512 bytes with any of them: 1. */
int ma_sh_sed_input_runs(const char *s, size_t n, size_t a, size_t b);

/* 1 when the sed script s (n bytes), all of it the input's (the user's
 * to pick, read as sh -c 'INPUT' is: session 24), writes a file (w, W,
 * an s command's w flag: sh -c's redirection) or holds an e command
 * whose line has an operator or a substitution; its e commands and e
 * flags alone pass (sh -c 'touch F' passes). */
int ma_sh_sed_whole_fires(const char *s, size_t n);

/* What setting an ssh -o keyword or a git -c key does (session 24:
 * deny-lists built from ssh_config(5) and git-config(1) and git's other
 * pages; the lists in ma_shell_opts.c): nothing to fear (PLAIN); setting
 * it is what runs or loads (SET: PermitLocalCommand, alias.*,
 * protocol.*.allow ...); its value is a command line a shell runs
 * (SHELL: ProxyCommand, core.pager ...), a command split without a shell
 * (SPLIT: KnownHostsCommand), a program, library, file or directory
 * whose content runs (FILE: PKCS11Provider, core.hooksPath,
 * include.path ...). One list for the line check and the argv check
 * (session 25: the argv check's earlier, wider lists, ForwardAgent,
 * ControlMaster, UserKnownHostsFile, http.proxy, remote.*.url ..., are
 * plain settings to both, the lead's decision). */
enum { MA_SH_KEY_PLAIN = 0, MA_SH_KEY_SET, MA_SH_KEY_SHELL, MA_SH_KEY_SPLIT, MA_SH_KEY_FILE };

/* The class (MA_SH_KEY_*) of the ssh_config keyword k (n bytes, its case
 * ignored, as ssh ignores it). */
int ma_sh_ssh_key_class(const char *k, size_t n);

/* The keyword of the ssh_config line s (n bytes) as OpenSSH 9.2 reads
 * it (blanks before it skipped; at a '"' the quote dropped and the
 * keyword run on to the next '"': Proxy"Command" is ProxyCommand),
 * copied to kw (kwsz bytes, no NUL; *kwn its length, 0 when longer);
 * *ke where it ends in s (its closing quote excluded); returns where
 * its value starts (after blanks, one '=' and blanks). */
size_t ma_sh_ssh_key_read(const char *s, size_t n, char *kw, size_t kwsz, size_t *kwn, size_t *ke);

/* The class (MA_SH_KEY_*) of the git configuration key k (n bytes:
 * section[.subsection].name; section and name compared with their case
 * ignored, as git does). */
int ma_sh_git_key_class(const char *k, size_t n);

/* 1 when git's key k (n bytes) set to the value v (vn bytes, quotes
 * removed) spawns no program although its key is a pager's
 * (git-config(1), pager.c): core.pager or pager.<cmd> set to "" or
 * "cat" (git_pager spawns none), or pager.<cmd> set to a boolean (true,
 * yes, on, 1, false, no, off, 0, case ignored: paging on with the pager
 * configured elsewhere, or off). 0 for every other key or value. */
int ma_sh_git_value_plain(const char *k, size_t n, const char *v, size_t vn);

/* 1 when the value of option name (nlen bytes, as ma_sh_opt_read gives
 * it) of program po is a command line the program runs through a shell
 * (tar -I, --to-command, zip -TT, git --upload-pack, man -P ...), 0 when
 * it is split into an argv without one or names a program alone (rsync
 * -e, scp -S, env -S ...), -1 when neither is known. */
int ma_sh_value_shell(const struct ma_sh_prog_opts *po, const char *name, size_t nlen);

/* The bytes v[a, b) of the value v (n bytes) of an option whose value is
 * of kind (MA_SH_VAL_*, lang its language) judged as the argv check
 * judges them (ma_shell_argv.c; an ssh -o keyword or a git -c key by
 * the deny-lists of ma_sh_ssh_key_class and ma_sh_git_key_class): 1 fires,
 * 0 passes, 2 when the input is the whole command line of a keyword
 * whose value a shell runs (ssh -o ProxyCommand=INPUT, git -c
 * core.pager=INPUT): *line_at is where that line starts in v, for the
 * caller to judge as sh -c 'INPUT' is judged; 3 when the input lies
 * inside such a line the application wrote (git -c core.pager='less
 * -INPUT'): *line_at as for 2, for the caller to read that line with
 * the input at its place (shell28). For the line check's word that is
 * such a value. */
int ma_sh_value_fires(int kind, int lang, const char *v, size_t n, size_t a, size_t b,
                      size_t *line_at);

/* curl's option name (n bytes, as ma_sh_opt_read gives it) with value
 * val (NUL-terminated) that reads a local file to send (-d '@F', -F
 * 'x=@F', --data-urlencode 'x@F' ...; ma_shell_argv.c): the offset of
 * that '@' or '<' in val plus 1, or 0. */
size_t ma_sh_curl_file(const char *name, size_t n, const char *val);

/* The end of the wgetrc command's name at the start of s (n bytes; a
 * quote and blanks before it skipped): wget -e's value. *runs is 0 for a
 * plain setting (robots, tries, timeout, user_agent ...: the list in
 * ma_shell_opts.c), 2 for use_askpass (runs a program), 1 for a command
 * whose value is a file wget writes or reads (output_document, logfile,
 * post_file ...), 3 for any other (a proxy, a header, credentials, a
 * name wget does not know or one a quote splits). wget compares names
 * without case, '-' and '_' (UseAskPass, use-askpass). */
size_t ma_sh_wgetrc_key(const char *s, size_t n, int *runs);

/* The git configuration key an environment variable's value stands for
 * (name: n bytes, before its '='), or NULL: git's (git(1) ENVIRONMENT,
 * git 2.39.5: GIT_PAGER core.pager, GIT_SSH_COMMAND core.sshCommand ...)
 * and, since shell29, the command lines other programs hand sh -c
 * (EDITOR, VISUAL: git, crontab; PAGER, MANPAGER; LESSOPEN, LESSCLOSE:
 * less's input preprocessor) read as core.editor / core.pager. *pair is
 * 1 for GIT_CONFIG_KEY_n, 2 for GIT_CONFIG_VALUE_n, 3 for
 * GIT_CONFIG_PARAMETERS (NULL returned), else 0. */
const char *ma_sh_env_key(const char *name, size_t n, int *pair);

/* GIT_CONFIG_PARAMETERS's value w (n bytes), read as git 2.39's
 * parse_config_env_list reads it (config.c, quote.c's
 * sq_dequote_step): from *pos, blanks, then one pair 'key=value',
 * 'key'='value' or 'key'= (no value), a quote inside a quoted part
 * written '\'' (or '\!'), followed by a blank or the end. The pair
 * is written to out (cap bytes, NUL-terminated) as key=value (key
 * alone for 'key'=), its length in p->len (p->full when it did not
 * fit: out then holds no pair); the bytes [a, b) of w (an input)
 * mapped into out at [p->ia, p->ib) when they lie in one quoted part
 * of it (else p->ia is (size_t)-1). *pos is set past the pair. 0 at
 * the list's end or where its syntax breaks (git dies there: "bogus
 * format"). The line check (ma_sh_git_params) and the argv check
 * (ma_sh_env_pairs_check) both read the list through it (shell31). */
struct ma_sh_git_param {
	size_t len, ia, ib;
	int full;
};
int ma_sh_git_param_next(const char *w, size_t n, size_t *pos, size_t a, size_t b, char *out,
                         size_t cap, struct ma_sh_git_param *p);

/* The kind (and *lang) of the value of option name (nlen bytes) of
 * program po, or 0. */
int ma_sh_value_kind_of(const struct ma_sh_prog_opts *po, const char *name, size_t nlen, int *lang);

/* 1 when o (an argument that starts with '+') of the program prog (a
 * path or a name) is vi's, vim's, nvim's, view's, ex's or less's
 * +COMMAND, an Ex command that runs (+!id); +10 and +/text run none. */
int ma_sh_plus_command(const char *prog, const char *o);

/* 1 when program po's options end at its first operand (python, perl,
 * ruby, node, php, the awks). */
int ma_sh_opts_stop(const struct ma_sh_prog_opts *po);

/* The database clients whose statements the argv check reads
 * (ma_shell_sqlcli.c): psql -c, mysql -e, sqlite3's operands and -cmd. */
enum { MA_SH_SQL_PSQL = 1, MA_SH_SQL_MYSQL, MA_SH_SQL_SQLITE };

/* What the bytes [a, b) of a statement s (n bytes) given to client on
 * its command line do: 1 when they bring one of the client's own
 * commands (psql's backslash command, mysql's \! or system ..., sqlite3's
 * dot-command: naming it, or a pipe or another command in it), 2 when
 * they change the SQL's structure (ma_sql_analyse in the client's
 * dialect fires), 0 otherwise. No allocation (~12 KB of stack). */
int ma_sh_sqlcli_judge(int client, const char *s, size_t n, size_t a, size_t b);

/* The offset in s (n bytes) of the command line a client's command runs
 * with a shell (psql's \! LINE, sqlite3's .shell/.system LINE), or 0. */
size_t ma_sh_sqlcli_shell(int client, const char *s, size_t n);

/* What the bytes [a, b) of a container runner's mount value s (n bytes:
 * docker's -v SPEC, or with csv its --mount key=value,...) do
 * (ma_shell_mount.c): MA_SH_MOUNT_FIELD when they add a field or write
 * a key or the mount's options (':', ',', type=, :rw), MA_SH_MOUNT_HOST
 * when they name a bind mount's host path (start it, "..", the host's
 * root or a system path), 0 otherwise (a volume's name, a subdirectory,
 * the container's path). Inputs under 2 bytes only as a whole host
 * path ("/"). */
enum { MA_SH_MOUNT_FIELD = 1, MA_SH_MOUNT_HOST };
int ma_sh_mount_judge(int csv, const char *s, size_t n, size_t a, size_t b);

/* What ma_sh_mount_judge read of one value, kept between the places of
 * one walk over it (shell37: each place read the whole value again, 41
 * M instructions for a 1-byte word at 2,000 places of a 4 KB --mount):
 * the bind type (the last type= wins), the field the last place was in
 * (--mount), the first two ':' (-v). Zero it before the first place;
 * places in increasing order (a smaller one starts the fields over). */
struct ma_sh_mount_memo {
	int ready, bind;
	size_t f, e;   /* the field [f, e) */
	size_t c1, c2; /* -v's first and second ':' (n: none) */
};

/* ma_sh_mount_judge with memo m, for s (n bytes) only. */
int ma_sh_mount_judge_m(struct ma_sh_mount_memo *m, int csv, const char *s, size_t n, size_t a,
                        size_t b);

#endif
