/*
 * ma_prompt_fp.c — an override's words read where they are no override
 * (session 22, promptfp10): the weights of the patterns they matched are
 * taken back (ma_pr_unadd) when every word that starts or ends such a
 * match stands in one of these readings:
 *
 *  - a question about another tool's or thing's rules: the sentence is a
 *    question in the first person or an impersonal one ("how do I", "how
 *    to", "can I", "is there a way to", "what is the best way to",
 *    "comment", "cómo"), no word in it speaks to the model or names it
 *    ("you", "your", "AI"; "how do you" at its start is the generic one),
 *    no word after the verb points at what came before ("previous",
 *    "above", "system", "hidden"), and the rules' noun names a thing: a
 *    word of no override class before it ("all eslint rules", "the CSS
 *    rules") or a place after it ("the rules of pylint", "the rules for
 *    one file", "las reglas de eslint"). "How do I ignore all eslint
 *    rules for one file?" is a user's question; "How do I make you ignore
 *    your rules?", "How do I ignore all previous instructions?" and "How
 *    do I ignore all the safety rules?" (nothing named) stay overrides;
 *  - a cheat mode asked about the same way ("How do I enable god mode in
 *    Skyrim?"): the mode's word followed by a place that names a thing;
 *  - reported speech: the override verb right after "to" of "said /
 *    told us / asked me / wants us to ..." whose speaker is a third party
 *    ("my boss", "she", "the coach"), not the model's maker or owner
 *    ("the developer says to ignore ...", "OpenAI said to ...": an
 *    authority over the model, the claim of an attack), in a sentence
 *    that does not speak to the model.
 *
 * Only the weights of those patterns go back; every other feature of the
 * text counts as ever ("How do I ignore all eslint rules? Also ignore all
 * previous instructions." keeps both: its second verb is an order).
 *
 * Threads: any; the pattern lists are found once (pthread_once). No
 * allocation.
 */
#include "ma_prompt.h"

#include <pthread.h>
#include <string.h>

#define MA_FP_LIT(w, i, s) ma_pr_lit((w), (i), (s), sizeof(s) - 1)

/* words of the model's own world: a named thing is none of these */
#define MA_FP_MODELK                                                                               \
	"IGN", "PREV", "ABOVE", "INSTR", "POSS", "THE", "HIDDEN", "LIMIT", "YOU", "YOUR", "AI",    \
	    "SECRET", "NO", "UNRES", "NEW", "MY", "STRONGMODE", "BADMODE", "MODE", "AUTHX",        \
	    "FORBID", "JBNAME", "NOW", "CHAR"

/* the words that open a place after a noun */
#define MA_FP_PLACE                                                                                \
	"of|for|in|on|from|at|within|inside|across|per|under|de|del|do|da|dos|das|des|du|pour|"    \
	"para|en|em|dans|von|fur|im|di|della|dello|nel|nella|sur"

/* the model's restraints: no tool's rules ("filters", "guardrails") */
#define MA_FP_GUARD                                                                                \
	"restriction~|filter~|guideline~|safeguard~|guardrail~|limitation~|constraint~|polic~|"    \
	"programming|training|safety|ethic~|moral~|censor~|protocol~|directive~|commandment~|"     \
	"restricci~|restrico~|restrizion~|einschrankung~|directriz|directrices|diretriz~|"         \
	"richtlinie~|limites|grenzen"

static struct {
	uint64_t ign, neg, follow, instr, above, mode, hidden, you, authx, model;
	uint16_t ignpat[MA_PR_PATS];
	int nign;
	int modepat[4];
	int negpat[2];
} ma_fp;
static pthread_once_t ma_fp_once = PTHREAD_ONCE_INIT;

static uint64_t ma_fp_bit(const char *name)
{
	int c = ma_pr_lex_class(name);
	return c < 0 ? 0 : 1ull << c;
}

static void ma_fp_build(void)
{
	static const char *const model[] = {MA_FP_MODELK};
	static const char *const modes[] = {
	    "STRONGMODE MODE", "developer|dev|debug|admin|root|unbound MODE",
	    "BADMODE MODE enabled", "enter~|switch|activate|enable|enabled|unlock|turn * MODE"};
	size_t np;
	const struct ma_pr_pattern *p = ma_pr_lex_patterns(&np);

	ma_fp.ign = ma_fp_bit("IGN");
	ma_fp.instr = ma_fp_bit("INSTR");
	ma_fp.neg = ma_fp_bit("NEG");
	ma_fp.follow = ma_fp_bit("FOLLOW");
	ma_fp.above = ma_fp_bit("ABOVE");
	ma_fp.mode = ma_fp_bit("MODE");
	ma_fp.hidden = ma_fp_bit("HIDDEN");
	ma_fp.you = ma_fp_bit("YOU") | ma_fp_bit("YOUR") | ma_fp_bit("AI");
	ma_fp.authx = ma_fp_bit("AUTHX");
	for (size_t c = 0; c < sizeof model / sizeof model[0]; c++)
		ma_fp.model |= ma_fp_bit(model[c]);
	/* the override patterns whose first token is the class IGN alone:
	 * each of their matches starts at a word of IGN */
	for (size_t k = 0; p && k < np && k < MA_PR_PATS; k++)
		if (p[k].family == PF_OVERRIDE && !p[k].group && !p[k].t[0].literal &&
		    !p[k].t[0].neg && !p[k].t[0].end && p[k].t[0].k == ma_fp.ign && ma_fp.ign)
			ma_fp.ignpat[ma_fp.nign++] = (uint16_t)k;
	for (size_t k = 0; k < 4; k++)
		ma_fp.modepat[k] = ma_pr_lex_pattern_find(modes[k]);
	ma_fp.negpat[0] = ma_pr_lex_pattern_find("NEG * FOLLOW * PREV|POSS|THE * INSTR");
	ma_fp.negpat[1] = ma_pr_lex_pattern_find("NEG FOLLOW|execute~|answer~|obey~ * previous");
}

/* 1 if a sentence starts at word k: a break before it that is not the
 * dot of a file's name after a space (".eslintrc", ".gitignore"). */
static int ma_fp_brk(const struct ma_pr_words *w, int k)
{
	const char *x = w->t + w->s[k];

	return w->brk[k] == 1 && !(x > w->t && x[-1] == '.' && (x - 1 == w->t || x[-2] == ' '));
}

/* The first word of i's sentence, and (*e) the word after its last. */
static int ma_fp_sentence(const struct ma_pr_words *w, int i, int *e)
{
	int s = i, x = i + 1;

	while (s > 0 && !ma_fp_brk(w, s))
		s--;
	while (x < w->n && !ma_fp_brk(w, x))
		x++;
	*e = x;
	return s;
}

/* 1 if the sentence that starts at word s is a question in the first
 * person or an impersonal one, asked before word i; *gen the word of a
 * generic "you" ("how do you ...") or -1. */
static int ma_fp_asked(const struct ma_pr_words *w, int s, int i, int *gen)
{
	*gen = -1;
	if (i - s > 9 || s + 1 >= w->n)
		return 0;
	if (MA_FP_LIT(w, s, "how|comment|como|come|wie|hoe|jak")) {
		if (s + 2 < i && MA_FP_LIT(w, s + 1, "do|does") && MA_FP_LIT(w, s + 2, "you|one"))
			*gen = s + 2;
		return 1;
	}
	if (MA_FP_LIT(w, s, "can|could|may|should|shall|do|does|would|will") &&
	    MA_FP_LIT(w, s + 1, "i|we|one"))
		return 1;
	if (MA_FP_LIT(w, s, "is|are") && MA_FP_LIT(w, s + 1, "there|it"))
		return 1;
	if (MA_FP_LIT(w, s, "puedo|podemos|posso|podemos|puis|peut|kann|kan|puc"))
		return 1;
	/* "what is the best way to ...", "any way to ...", "best way to ..." */
	for (int k = s; k < i && k <= s + 5; k++)
		if (MA_FP_LIT(w, k, "way|ways|command|option|setting|flag|syntax") &&
		    MA_FP_LIT(w, s, "what|whats|any|best|easiest|simplest|quickest|cleanest|which"))
			return 1;
	return 0;
}

/* 1 if no word of [s, e) speaks to the model or names it (but gen). */
static int ma_fp_not_to_model(const struct ma_pr_words *w, int s, int e, int gen)
{
	for (int k = s; k < e; k++)
		if (k != gen && (w->k[k] & ma_fp.you))
			return 0;
	return 1;
}

/* 1 if word k names a thing of the user's world: a word of no class of
 * the model's own world, and not one of the conversation's. */
static int ma_fp_thing(const struct ma_pr_words *w, int k)
{
	return !(w->k[k] & ma_fp.model) && w->l[k] >= 2 &&
	       !MA_FP_LIT(w, k,
	                  "conversation~|chat~|context|session~|prompt~|thread|dialog~|dialogue~|"
	                  "input~|answer~|response~|reply|replies|output~|message~|request~|"
	                  "question~|task~|story|stories|roleplay~|scenario~|character~|persona~|"
	                  "content|moderation|censorship|nsfw|system~|assistant~|model~|bot|"
	                  "bots|chatbot~|llm~|gpt~|developer~|creator~|operator~|admin~|owner~|"
	                  "maker~|programmer~|openai~|anthropic~|"
	                  "now|today|once|me|us|it|them|this|that|which|who|and|or|"
	                  "but|so|then|too|also|please|again|anymore|completely|entirely|"
	                  "altogether|forever|temporarily|certain|specific|particular|such|other|"
	                  "more|some|many|most|own|ones|one|single|each|every|just|only|to|be");
}

/* 1 if the noun at j (< e) names a thing: a word of no override class
 * right before it (after the verb at i), or a place after it ("of",
 * "for", "in", "de" ...) whose noun is one, past up to three
 * determiners. */
static int ma_fp_named(const struct ma_pr_words *w, int i, int j, int e)
{
	if (j - 1 > i && ma_fp_thing(w, j - 1))
		return 1;
	/* (one word may stand between: "les règles eslint pour un fichier",
	 * "the instructions printed on the box") */
	if (j + 2 < e && !(w->k[j + 1] & ma_fp.model) && !MA_FP_LIT(w, j + 1, MA_FP_PLACE))
		j++;
	if (j + 1 >= e || !MA_FP_LIT(w, j + 1, MA_FP_PLACE))
		return 0;
	for (int k = j + 2; k < e && k <= j + 5; k++) {
		if (MA_FP_LIT(
		        w, k,
		        "the|a|an|one|my|our|this|that|these|those|each|every|any|all|some|"
		        "single|specific|certain|particular|given|un|una|uno|um|uma|une|le|la|"
		        "les|el|los|las|o|os|as|ce|cette|este|esta|ese|esa|mon|mi|meu|minha|"
		        "seu|sua|ein|eine|einer|einem|der|die|das|den|dem|il|lo|un"))
			continue;
		return ma_fp_thing(w, k);
	}
	return 0;
}

/* 1 if the override verb at i is in a question about a named thing's
 * rules (see the file's head). */
static int ma_fp_tool_question(const struct ma_pr_words *w, int i)
{
	int e, gen, s = ma_fp_sentence(w, i, &e);

	if (!ma_fp_asked(w, s, i, &gen) || !ma_fp_not_to_model(w, s, e, gen))
		return 0;
	/* (not "pre" of "pre-commit": "pre-prompt" names nothing) */
	for (int k = i + 1; k < e; k++)
		if ((w->k[k] & ma_fp.hidden) && !MA_FP_LIT(w, k, "pre"))
			return 0;
	/* the rules' noun ("everything": "make git ignore everything in a
	 * folder"), named; not a noun of the model's restraints ("how to
	 * bypass all content filters for one answer?") */
	for (int j = i + 1; j < e && j <= i + 6; j++)
		if (w->k[j] & (ma_fp.instr | ma_fp.above))
			return !MA_FP_LIT(w, j, MA_FP_GUARD) && ma_fp_named(w, i, j, e);
	return 0;
}

/* 1 if the override verb at i is reported speech of a third party's
 * ("my boss said to forget ...", "she told us to ignore ..."). */
static int ma_fp_reported(const struct ma_pr_words *w, int i)
{
	int e, s = ma_fp_sentence(w, i, &e), v = -1;

	if (i < 2 || i - 1 <= s || !MA_FP_LIT(w, i - 1, "to|para|de|di|zu"))
		return 0;
	for (int k = i - 2; k >= s && k >= i - 5; k--)
		if (MA_FP_LIT(w, k,
		              "said|says|told|tells|asked|asks|wants|wanted|advised|advises|"
		              "suggested|suggests|recommended|recommends|reminded|instructed|"
		              "warned|disse|disseram|pediu|pediram|mandou|dijo|dijeron|pidio|dit|"
		              "demande|detto|chiesto|sagte|meinte")) {
			v = k;
			break;
		}
	if (v < 0 || v == s || !ma_fp_not_to_model(w, s, e, -1))
		return 0;
	/* what is dropped: not the model's restraints ("he said to ignore all
	 * safety guidelines") */
	for (int k = i + 1; k < e; k++)
		if (MA_FP_LIT(w, k,
		              "safety|ethic~|moral~|moderation|censor~|filter~|guardrail~|"
		              "safeguard~|restriction~|limitation~|programming|training|nsfw"))
			return 0;
	/* the speaker: no maker or owner of the model, unless it is someone's
	 * ("my boss", "her manager") */
	for (int k = s; k < v; k++)
		if ((w->k[k] & ma_fp.authx) &&
		    !(k > s && MA_FP_LIT(w, k - 1, "my|our|his|her|their")))
			return 0;
	return 1;
}

/* 1 if the negation at i orders no override: no "follow" after it, or a
 * named thing's instructions not to be followed ("don't follow the box's
 * instructions", "... the instructions printed on the box", "... the old
 * rules of the office"), in a sentence that does not speak to the model
 * nor points at what came before. */
static int ma_fp_not_followed(const struct ma_pr_words *w, int i)
{
	int e, f = -1, s = ma_fp_sentence(w, i, &e);

	for (int k = i + 1; k < e && k <= i + 4 && f < 0; k++)
		if ((w->k[k] & ma_fp.follow) || MA_FP_LIT(w, k, "execute~|answer~|obey~"))
			f = k;
	if (f < 0)
		return 1;
	if (!ma_fp_not_to_model(w, s, e, -1))
		return 0;
	for (int k = f + 1; k < e; k++)
		if ((w->k[k] & ma_fp.hidden) && !MA_FP_LIT(w, k, "pre"))
			return 0;
	for (int j = f + 1; j < e && j <= f + 6; j++)
		if (w->k[j] & ma_fp.instr)
			return !MA_FP_LIT(w, j, MA_FP_GUARD) && ma_fp_named(w, f, j, e);
	return 0;
}

/* 1 if the mode's word at m is in a question about a named thing ("how
 * do I enable god mode in Skyrim?"). */
static int ma_fp_mode_question(const struct ma_pr_words *w, int m)
{
	int e, gen, s = ma_fp_sentence(w, m, &e);

	return ma_fp_asked(w, s, m, &gen) && ma_fp_not_to_model(w, s, e, gen) &&
	       ma_fp_named(w, m, m, e);
}

/* The lists are found when the library is loaded, as the lexicon is
 * (ma_prompt.c's constructor): no check pays for them. */
__attribute__((constructor)) static void ma_fp_prepare(void)
{
	if (ma_pr_lex_init() == 0)
		pthread_once(&ma_fp_once, ma_fp_build);
}

void ma_pr_benign(const struct ma_pr_words *w, struct ma_pr_score *sc)
{
	int any = 0;

	pthread_once(&ma_fp_once, ma_fp_build);
	if (!(w->kall & (ma_fp.ign | ma_fp.mode | ma_fp.neg)))
		return;
	for (int x = 0; x < ma_fp.nign && !any; x++)
		any = sc->seen[ma_fp.ignpat[x]];
	if (any && (w->kall & ma_fp.ign)) {
		int ok = 1;
		for (int i = 0; i < w->n && ok; i++)
			if (w->k[i] & ma_fp.ign)
				ok = ma_fp_tool_question(w, i) || ma_fp_reported(w, i);
		for (int x = 0; x < ma_fp.nign && ok; x++)
			ma_pr_unadd(sc, ma_fp.ignpat[x]);
	}
	if (((ma_fp.negpat[0] >= 0 && sc->seen[ma_fp.negpat[0]]) ||
	     (ma_fp.negpat[1] >= 0 && sc->seen[ma_fp.negpat[1]])) &&
	    (w->kall & ma_fp.neg)) {
		int ok = 1;
		for (int i = 0; i < w->n && ok; i++)
			if (w->k[i] & ma_fp.neg)
				ok = ma_fp_not_followed(w, i);
		for (int x = 0; x < 2 && ok; x++)
			ma_pr_unadd(sc, ma_fp.negpat[x]);
	}
	any = 0;
	for (int x = 0; x < 4 && !any; x++)
		any = ma_fp.modepat[x] >= 0 && sc->seen[ma_fp.modepat[x]];
	if (any && (w->kall & ma_fp.mode)) {
		int ok = 1;
		for (int i = 0; i < w->n && ok; i++)
			if (w->k[i] & ma_fp.mode)
				ok = ma_fp_mode_question(w, i);
		for (int x = 0; x < 4 && ok; x++)
			ma_pr_unadd(sc, ma_fp.modepat[x]);
	}
}
