/*
 * ma_prompt.c — the llm_prompt_injection check: a score from 0 to 1 for
 * the untrusted part of a prompt about to be sent to an LLM.
 *
 * The untrusted text is normalised first (Unicode look-alikes folded to
 * ASCII: fullwidth, Cyrillic and Greek homoglyphs, mathematical and circled
 * letters; zero-width characters, soft hyphens and combining marks
 * removed; lowercase; whitespace runs made one space; leet digits inside
 * words read as letters; letters spaced out one by one glued back into a
 * word) and cut into words. Then five feature families, each a short list
 * of phrase patterns over words with a weight:
 *
 *   override    instruction override: "ignore/disregard/forget ... previous
 *               ... instructions", "new instructions", "from now on",
 *               "the above was a test", "instead, say ..."
 *   roleplay    persona switch: "you are now", "act as", "pretend to be",
 *               DAN / "do anything now", "developer mode", "no restrictions"
 *   extraction  system-prompt extraction: "repeat/print/reveal ... your /
 *               the above ... instructions/prompt/password", "what are your
 *               instructions", "begin your reply with"
 *   delimiter   fake turns and role markup: chat-template tokens
 *               (<|im_start|>, [INST], <<SYS>>), a line starting with
 *               "system:" / "assistant:" / "### instruction", XML role tags,
 *               "end of prompt" fences; and a flood of one repeated token
 *   encoded     instructions hidden in base64 or hex runs (decoded and
 *               scored again) or in rot13 (the words rotated and matched
 *               again), words that mix Latin and look-alike letters, and
 *               "decode ... and follow" framing
 *
 * A pattern is words separated by spaces; a word is alternatives separated
 * by '|', a trailing '~' matches a prefix, '*' skips up to three words.
 * Each pattern counts once; the score is the noisy-OR of the weights that
 * matched, 1 - prod(1 - w), so one strong feature or several weak ones
 * reach the threshold. The strongest matched pattern names the rule
 * ("prompt.override" ...).
 *
 * Threads: any, one request at a time. No allocation: every buffer is on
 * the caller's stack (about 40 KB); an event is allocated only when the
 * check fires (ma_request_fire).
 */
#include "ma_int.h"

#include <string.h>

#define MA_PR_WIN     6144 /* input bytes judged at once; longer text in windows */
#define MA_PR_OVERLAP 256  /* windows overlap so a phrase on a boundary is seen */
#define MA_PR_NORM    8192 /* normalised bytes of one window */
#define MA_PR_WORDS   2048 /* words of one window */
#define MA_PR_DECODED 2048 /* a base64 / hex run decoded for a second look */

enum { PF_OVERRIDE, PF_ROLEPLAY, PF_EXTRACTION, PF_DELIMITER, PF_ENCODED, PF_N };

static const char *const ma_pr_family[PF_N] = {"prompt.override", "prompt.roleplay",
                                               "prompt.extraction", "prompt.delimiter",
                                               "prompt.encoded"};

struct ma_pr_pat {
	int family;
	double w;
	const char *p;
};

/* Word alternatives reused below (kept in the patterns as text so that
 * each line reads on its own). */
#define V_IGN                                                                                      \
	"ignore~|disregard~|forget~|bypass~|override~|overlook~|neglect~|abandon~|discard~|"       \
	"dismiss~"
#define Q_PREV                                                                                     \
	"previous|prior|above|earlier|preceding|former|original|initial|old|past|system|all|any|"  \
	"every|foregoing|aforementioned|prev"
#define N_INSTR                                                                                    \
	"instruction~|direction~|rule~|prompt~|guideline~|command~|order~|directive~|context|"     \
	"constraint~|restriction~|programming|guidance|polic~|conversation|limitation~|filter~|"   \
	"training|safeguard~|text|message~|task~"
#define V_SHOW                                                                                     \
	"confirm~|verify|repeat~|print~|output~|show~|reveal~|display~|tell|give|write|recite~|"   \
	"spell~|list|leak~|dump~|share|summari~|translate|copy|expose~|disclose~|paste|provide|"   \
	"state|type|echo"
#define Q_MINE                                                                                     \
	"your|the|all|above|previous|initial|original|system|hidden|secret|prior|preceding|full|"  \
	"entire|exact|verbatim|internal|pre|whole"
#define N_SECRET                                                                                   \
	"instruction~|prompt~|rule~|password~|passcode~|passphrase~|guideline~|directive~|"        \
	"configuration|preprompt|initiali~"

static const struct ma_pr_pat ma_pr_pats[] = {
    /* ---- override ---- */
    {PF_OVERRIDE, 0.9, V_IGN " * " Q_PREV " * " N_INSTR},
    {PF_OVERRIDE, 0.85, "ignore~|disregard~ * above|previous|prior|preceding|earlier|everything"},
    {PF_OVERRIDE, 0.75,
     "ignore~|disregard~|forget~|overlook~ * "
     "previous|prior|above|earlier|preceding|everything|everthing|all_that|what_i_said|what_you_"
     "were"},
    {PF_OVERRIDE, 0.8,
     V_IGN " * your|these|those|the|my * "
           "instruction~|rule~|prompt~|guideline~|programming|directive~|training|restriction~|"
           "constraint~"},
    {PF_OVERRIDE, 0.8,
     "dont|not|never|stop * follow~|obey~|heed~ * " Q_PREV "|your|the * " N_INSTR},
    {PF_OVERRIDE, 0.75,
     "new|updated|real|actual|true|revised|latest * "
     "instruction~|rule~|directive~|prompt|objective|order~|mission|guideline~"},
    {PF_OVERRIDE, 0.6,
     "instruction~|rule~|prompt|task * have|has|are|is|were|was * "
     "changed|updated|overridden|replaced|revoked|cancelled|canceled|void|invalid|outdated|"
     "obsolete|over|finished|complete~|ended|deprecated"},
    {PF_OVERRIDE, 0.7,
     "above|previous|prior|preceding|earlier|old * "
     "instruction~|rule~|prompt~|text|message~|task~|directive~ * are|is|were|was * "
     "old|outdated|void|invalid|obsolete|fake|false|cancelled|canceled|deprecated|wrong|test|"
     "irrelevant|null|incorrect|expired|malicious"},
    {PF_OVERRIDE, 0.5, "from now on|onward|onwards"},
    {PF_OVERRIDE, 0.4, "instead * say|output|print|respond|reply|write|answer|return|type|repeat"},
    {PF_OVERRIDE, 0.45,
     "your * only|new|sole|real|primary|single * task|job|goal|purpose|objective|function|mission"},
    {PF_OVERRIDE, 0.55,
     "override|overwrite|supersede~ * instruction~|rule~|prompt|programming|previous|system|all"},
    {PF_OVERRIDE, 0.5,
     "end of * "
     "instruction~|prompt|system|input|rules|context|conversation|simulation|session|document|text|"
     "buffer|user_input|untrusted|log|transcript|data|message"},
    {PF_OVERRIDE, 0.5,
     "end|begin|start untrusted|trusted|user|real|admin|system * "
     "input|message|instruction~|prompt|section|block"},
    {PF_OVERRIDE, 0.5,
     "begin|start * new|real|actual * instruction~|prompt|message|task|session|conversation|rules"},
    {PF_OVERRIDE, 0.4,
     "respond|reply|answer|output|print|say|write|return * only|exactly|just|verbatim|simply"},
    {PF_OVERRIDE, 0.35,
     "you must|shall|will|should always|now|only|never * "
     "say|output|print|respond|reply|write|answer|return"},
    {PF_OVERRIDE, 0.6,
     "no_matter|regardless what|of * "
     "instruction~|rule~|prompt|previous|above|anything|input|says|said"},
    {PF_OVERRIDE, 0.5,
     "important|urgent|attention|note * new|updated|override|ignore~|instruction~|admin~"},
    {PF_OVERRIDE, 0.5,
     "admin~|administrator~|developer~|sudo|operator * "
     "override|mode|command~|access|instruction~|authori~"},
    {PF_OVERRIDE, 0.45,
     "say|output|print|respond|reply|write|return * access_granted|allowed|approved"},
    {PF_OVERRIDE, 0.45, "access|permission granted|allowed|approved"},
    {PF_OVERRIDE, 0.55,
     "correct|right|valid|true password~|passcode~|access_code|code|credential~|key * "
     "entered|provided|verified|input|given|accepted|received|registered|detected|confirmed"},
    {PF_OVERRIDE, 0.4,
     "user|you|i * entered|provided|typed|gave|input|know|have * the * correct|right|valid|true * "
     "password~|passcode~|access_code|code|credential~"},
    {PF_OVERRIDE, 0.4, "pay no|little attention"},
    {PF_OVERRIDE, 0.4, "unless * you * say|output|print|respond|reply|write"},
    {PF_OVERRIDE, 0.4,
     "when|whenever|if * you * see|read|receive|encounter|are_asked * "
     "say|output|print|respond|reply|write|answer"},
    {PF_OVERRIDE, 0.4, "was|were|is just|only|merely * a * test|joke|simulation|distraction"},
    {PF_OVERRIDE, 0.35, "test|testing|debug|maintenance|safe mode"},
    {PF_OVERRIDE, 0.4, "your * response|reply|answer|output * must|should|will * start|begin"},
    {PF_OVERRIDE, 0.3,
     "after * that|this|completing|finishing|answering * also|please|you * "
     "must|should|include|add|insert|append|execute|run"},
    {PF_OVERRIDE, 0.45, "you_have_been|youve_been|you_were|you_are told|instructed|programmed"},
    /* ---- role play / persona switch ---- */
    {PF_ROLEPLAY, 0.5,
     "im|i_am * your developer~|creator|admin~|administrator|owner|operator|programmer|maker|boss"},
    {PF_ROLEPLAY, 0.6, "you_are|youre|u_r|you_will now|no_longer"},
    {PF_ROLEPLAY, 0.4, "act|acting|behave as|like"},
    {PF_ROLEPLAY, 0.45, "pretend|imagine|suppose * to_be|you_are|youre|that_you"},
    {PF_ROLEPLAY, 0.4, "role_play|roleplay * as|where|game"},
    {PF_ROLEPLAY, 0.85, "dan|stan|dude|aim|mongo mode|prompt|persona|jailbreak"},
    {PF_ROLEPLAY, 0.9, "do anything now"},
    {PF_ROLEPLAY, 0.85, "jailbreak~|jailbroken|unjailbroken"},
    {PF_ROLEPLAY, 0.75,
     "developer|dev|god|debug|admin|unrestricted|unfiltered|evil|opposite|chaos|sudo|root|override|"
     "maintenance|system|superuser mode"},
    {PF_ROLEPLAY, 0.55,
     "no|without|free_of|free_from|zero|any * "
     "restriction~|filter~|censor~|ethic~|moral~|safeguard~|guardrail~"},
    {PF_ROLEPLAY, 0.4, "unfiltered|uncensored|unrestricted|unbound|unaligned|unethical|amoral"},
    {PF_ROLEPLAY, 0.6, "stay|remain|keep in character"},
    {PF_ROLEPLAY, 0.5, "enter|switch|activate|enable|unlock * mode|persona"},
    {PF_ROLEPLAY, 0.4, "simulate|emulate|impersonate * a|an|the|being|your"},
    {PF_ROLEPLAY, 0.5, "from now on * you * are|will|must|shall|act|respond|answer"},
    {PF_ROLEPLAY, 0.45, "not bound|restricted|limited|constrained by"},
    {PF_ROLEPLAY, 0.5,
     "break~|escape~|bypass~ * out_of|free_of * your|the * "
     "rules|restrictions|character|programming|system|constraints|guidelines"},
    /* ---- system-prompt extraction ---- */
    {PF_EXTRACTION, 0.9, V_SHOW " * " Q_MINE " * " N_SECRET},
    {PF_EXTRACTION, 0.8,
     "what|whats * are|is|were|was your|the * "
     "instruction~|rule~|prompt~|password~|passcode~|directive~|guideline~|system_prompt|secret|"
     "secret_key|api_key|credential~"},
    {PF_EXTRACTION, 0.85,
     "text|words|everything|instruction~|prompt~|message~ above|so_far|before_this"},
    {PF_EXTRACTION, 0.7, "system|initial|pre prompt~|instruction~"},
    {PF_EXTRACTION, 0.7,
     "above|previous|prior|preceding|initial|original|hidden|secret "
     "prompt~|instruction~|text|password~|passcode~"},
    {PF_EXTRACTION, 0.7, "begin|start|prefix|preface your|the * response|reply|answer|output"},
    {PF_EXTRACTION, 0.5, "repeat~ * forever|times|infinitely|endlessly"},
    {PF_EXTRACTION, 0.55,
     "what|how * were_you|have_you_been told|instructed|programmed|prompted|configured"},
    {PF_EXTRACTION, 0.5, "verbatim|word_for_word|character_by_character|line_by_line"},
    {PF_EXTRACTION, 0.5,
     "first|last * line~|sentence~|word~|paragraph~ * of * your|the * prompt|instruction~|message"},
    {PF_EXTRACTION, 0.6,
     "convert|encode|format|put * your|the * instruction~|prompt|rules|password into|to|as|in"},
    {PF_EXTRACTION, 0.5, "password|passcode|passphrase|access_code is|was"},
    /* ---- encoded instructions (framing) ---- */
    {PF_ENCODED, 0.5,
     "decode~|decrypt~|deobfuscate~ * and|then * follow~|execute~|do|obey~|run|perform~|carry"},
    {PF_ENCODED, 0.35,
     "base64|b64|rot13|hexadecimal|morse|caesar * encoded|decode|string|message|text|instruction~"},
};
#define MA_PR_NPATS (sizeof ma_pr_pats / sizeof ma_pr_pats[0])

/* Words whose letters were spaced out; glued back, they are searched for
 * these stems (override verbs and instruction nouns). */
static const char *const ma_pr_glued_verbs[] = {"ignore",   "disregard", "forget", "bypass",
                                                "override", "reveal",    "repeat", "print"};
static const char *const ma_pr_glued_nouns[] = {"instruction", "prompt",   "rules", "password",
                                                "guideline",   "previous", "above"};

/* Chat-template tokens and role markup that only a model's frame uses. */
static const char *const ma_pr_markup[] = {
    "<|im_start|>",   "<|im_end|>",      "<|system|>",      "<|user|>",
    "<|assistant|>",  "<|endoftext|>",   "<|eot_id|>",      "<|start_header_id|>",
    "[inst]",         "[/inst]",         "<<sys>>",         "<</sys>>",
    "<system>",       "</system>",       "<sys>",           "</instructions>",
    "<instructions>", "[system]",        "</user>",         "<assistant>",
    "</assistant>",   "<user>",          "[assistant]",     "<|prompt|>",
    "{{system}}",     "<system_prompt>", "</system_prompt>"};

static const char *const ma_pr_roles[] = {
    "system",   "assistant",     "user",      "human",       "ai",
    "bot",      "chatgpt",       "gpt",       "claude",      "model",
    "admin",    "administrator", "developer", "instruction", "instructions",
    "response", "sys",           "input",     "output",      "prompt"};

struct ma_pr_words {
	const char *t; /* the normalised text */
	uint16_t s[MA_PR_WORDS], l[MA_PR_WORDS];
	int n;
};

struct ma_pr_score {
	double score;
	double best; /* the strongest weight */
	int family;  /* its family */
	double fam[PF_N];
	unsigned char seen[MA_PR_NPATS + 8];
};

static void ma_pr_add(struct ma_pr_score *sc, int family, double w)
{
	sc->score = 1.0 - (1.0 - sc->score) * (1.0 - w);
	if (w > sc->fam[family])
		sc->fam[family] = w;
	if (w > sc->best) {
		sc->best = w;
		sc->family = family;
	}
}

/* ---- normalisation ---- */

/* One code point from s (n > 0 bytes); *k its length. Invalid bytes come
 * back one by one as themselves. */
static uint32_t ma_pr_utf8(const unsigned char *s, size_t n, size_t *k)
{
	uint32_t c = s[0];
	size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	*k = 1;
	if (c < 0x80 || need == 0 || need >= n)
		return c;
	c &= 0x3F >> need;
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return s[0];
		c = (c << 6) | (s[i] & 0x3F);
	}
	*k = need + 1;
	return c;
}

/* The ASCII letter a look-alike code point stands for; 0 none, 1 drop it,
 * ' ' a space. */
static int ma_pr_fold(uint32_t c)
{
	static const char cyr_lo[] = "a\0\0\0\0e\0\0\0\0\0\0\0\0o\0pc\0y\0x";  /* U+0430.. */
	static const char cyr_up[] = "ab\0\0\0e\0\0\0\0km\0h\0op\0ct\0\0x";    /* U+0410.. */
	static const char grk_lo[] = "a\0\0\0e\0\0\0i\0k\0\0v\0o\0p\0\0tu\0x"; /* U+03B1.. */
	static const char grk_up[] = "ab\0\0ez\0\0i\0k\0mn\0o\0p\0\0ty\0x";    /* U+0391.. */

	if (c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
	    c == 0xFEFF || c == 0x180E || (c >= 0x0300 && c <= 0x036F) ||
	    (c >= 0xFE00 && c <= 0xFE0F))
		return 1;
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
		return ' ';
	if (c >= 0xFF01 && c <= 0xFF5E)
		return (int)(c - 0xFEE0);
	if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
		return '\'';
	if (c == 0x201C || c == 0x201D)
		return '"';
	if (c >= 0x0430 && c < 0x0430 + sizeof cyr_lo - 1)
		return cyr_lo[c - 0x0430];
	if (c >= 0x0410 && c < 0x0410 + sizeof cyr_up - 1)
		return cyr_up[c - 0x0410];
	if (c >= 0x03B1 && c < 0x03B1 + sizeof grk_lo - 1)
		return grk_lo[c - 0x03B1];
	if (c >= 0x0391 && c < 0x0391 + sizeof grk_up - 1)
		return grk_up[c - 0x0391];
	if (c == 0x0456 || c == 0x0406)
		return 'i';
	if (c == 0x0455 || c == 0x0405)
		return 's';
	if (c == 0x0458 || c == 0x0408)
		return 'j';
	if (c == 0x0501)
		return 'd';
	if (c == 0x0261)
		return 'g';
	if (c >= 0x1D400 && c <= 0x1D6A3)
		return 'a' + (int)((c - 0x1D400) % 26);
	if (c >= 0x24B6 && c <= 0x24CF)
		return 'a' + (int)(c - 0x24B6);
	if (c >= 0x24D0 && c <= 0x24E9)
		return 'a' + (int)(c - 0x24D0);
	if (c >= 0x1F130 && c <= 0x1F149)
		return 'a' + (int)(c - 0x1F130);
	if (c >= 0x1F150 && c <= 0x1F169)
		return 'a' + (int)(c - 0x1F150);
	if (c >= 0x1F170 && c <= 0x1F189)
		return 'a' + (int)(c - 0x1F170);
	if (c >= 0x1F1E6 && c <= 0x1F1FF)
		return 'a' + (int)(c - 0x1F1E6);
	return 0;
}

/* Normalises s (n bytes) into out (cap bytes): returns the length. *mixed
 * counts words where a look-alike letter sat among ASCII letters. */
size_t ma_prompt_normalise(const char *s, size_t n, char *out, size_t cap, int *mixed)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	int space = 1, ascii_in_word = 0, fold_in_word = 0;

	*mixed = 0;
	while (i < n && o + 4 < cap) {
		size_t k;
		uint32_t c = ma_pr_utf8(u + i, n - i, &k);
		int f = c < 0x80 ? 0 : ma_pr_fold(c);
		if (c >= 0x80 && f == 0) { /* kept as it is: a letter of another script */
			memcpy(out + o, s + i, k);
			o += k;
			space = 0;
			i += k;
			continue;
		}
		i += k;
		if (f == 1)
			continue;
		if (c >= 0x80) {
			fold_in_word = fold_in_word || (f >= 'a' && f <= 'z');
			c = (uint32_t)f;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			ascii_in_word = 1;
		}
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c == '\'' && o && out[o - 1] >= 'a' && out[o - 1] <= 'z' && i < n &&
		    ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			continue; /* you're -> youre */
		if (c == '\n' || c == '\r') {
			if (o && out[o - 1] == ' ')
				o--;
			if (!o || out[o - 1] != '\n')
				out[o++] = '\n';
			space = 1;
		} else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0) {
			if (!space)
				out[o++] = ' ';
			space = 1;
		} else {
			out[o++] = (char)c;
			space = 0;
		}
		if (space) {
			if (ascii_in_word && fold_in_word)
				(*mixed)++;
			ascii_in_word = fold_in_word = 0;
		}
	}
	if (ascii_in_word && fold_in_word)
		(*mixed)++;
	return o;
}

static int ma_pr_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Splits t (n bytes, normalised) into words of [a-z0-9] and non-ASCII
 * bytes; apostrophes inside a word are dropped ("you're" -> "youre" as
 * two spans is avoided by the patterns listing both). Leet digits and
 * @ $ inside a word that has letters become letters (in place: t is the
 * caller's buffer). */
static void ma_pr_split(char *t, size_t n, struct ma_pr_words *w)
{
	size_t i = 0;

	w->t = t;
	w->n = 0;
	while (i < n && w->n < MA_PR_WORDS) {
		size_t s, e;
		int letters = 0, digits = 0;
		while (i < n && !ma_pr_alnum((unsigned char)t[i]) && !(t[i] == '@' || t[i] == '$'))
			i++;
		s = i;
		while (i < n && (ma_pr_alnum((unsigned char)t[i]) || t[i] == '@' || t[i] == '$'))
			i++;
		e = i;
		if (e == s)
			break;
		for (size_t k = s; k < e; k++) {
			if (t[k] >= 'a' && t[k] <= 'z')
				letters++;
			else if ((t[k] >= '0' && t[k] <= '9') || t[k] == '@' || t[k] == '$')
				digits++;
		}
		if (letters && digits) {
			for (size_t k = s; k < e; k++) {
				const char *from = "0134578@$", *to = "oieastbas";
				const char *p = memchr(from, t[k], 9);
				if (p && t[k])
					t[k] = to[p - from];
			}
		}
		while (s < e && (t[s] == '@' || t[s] == '$'))
			s++;
		if (e - s > 0xFFFF)
			e = s + 0xFFFF;
		if (s == e)
			continue;
		w->s[w->n] = (uint16_t)s;
		w->l[w->n] = (uint16_t)(e - s);
		w->n++;
	}
}

/* ---- phrase patterns ---- */

/* 1 if word i of w is one of the alternatives alt[0..al). */
static int ma_pr_word_is(const struct ma_pr_words *w, int i, const char *alt, size_t al)
{
	const char *ws = w->t + w->s[i];
	size_t wl = w->l[i];
	size_t p = 0;

	while (p < al) {
		size_t q = p;
		int prefix;
		while (q < al && alt[q] != '|')
			q++;
		prefix = q > p && alt[q - 1] == '~';
		{
			size_t l = q - p - (size_t)prefix;
			if (prefix ? (wl >= l && !memcmp(ws, alt + p, l))
			           : (wl == l && !memcmp(ws, alt + p, l)))
				return 1;
		}
		p = q + 1;
	}
	return 0;
}

/* 1 if alternative alt[0..al) ("you_are": '_' joins words) matches at
 * word i; *used gets the number of words it took. */
static int ma_pr_alt_at(const struct ma_pr_words *w, int i, const char *alt, size_t al, int *used)
{
	size_t x = 0;
	int k = 0;

	while (x < al) {
		size_t y = x;
		while (y < al && alt[y] != '_')
			y++;
		if (i + k >= w->n || w->t[w->s[i + k]] != alt[x] ||
		    !ma_pr_word_is(w, i + k, alt + x, y - x))
			return 0;
		k++;
		x = y + 1;
	}
	*used = k;
	return 1;
}

/* Matches the pattern p at words from i: tokens separated by spaces, each
 * a '|' list of alternatives; '*' lets up to three words pass. */
static int ma_pr_match(const struct ma_pr_words *w, int i, const char *p)
{
	int gap = 0;
	size_t tl;

	while (*p == ' ')
		p++;
	if (!*p)
		return 1;
	if (*p == '*') {
		gap = 3;
		p++;
		while (*p == ' ')
			p++;
	}
	tl = strcspn(p, " ");
	for (int g = 0; g <= gap && i + g < w->n; g++) {
		size_t a = 0;
		while (a < tl) {
			size_t b = a;
			int used = 0;
			while (b < tl && p[b] != '|')
				b++;
			if (ma_pr_alt_at(w, i + g, p + a, b - a, &used) &&
			    ma_pr_match(w, i + g + used, p + tl))
				return 1;
			a = b + 1;
		}
	}
	return 0;
}

/* The first letters a pattern's first word may start with, as a bit mask
 * (bit 26: any other byte). */
static uint32_t ma_pr_bit(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
}

static uint32_t ma_pr_first_mask(const char *p)
{
	uint32_t m = ma_pr_bit((unsigned char)p[0]);

	for (size_t i = 0; p[i] && p[i] != ' '; i++)
		if (p[i] == '|' && p[i + 1])
			m |= ma_pr_bit((unsigned char)p[i + 1]);
	return m;
}

/* Scores the phrase patterns over w (family_override >= 0: every match
 * counts for that family, scaled). */
static void ma_pr_phrases(const struct ma_pr_words *w, struct ma_pr_score *sc, double scale,
                          int family_override)
{
	uint32_t mask[MA_PR_NPATS];

	for (size_t k = 0; k < MA_PR_NPATS; k++)
		mask[k] = ma_pr_first_mask(ma_pr_pats[k].p);
	for (int i = 0; i < w->n; i++) {
		uint32_t bit = ma_pr_bit((unsigned char)w->t[w->s[i]]);
		for (size_t k = 0; k < MA_PR_NPATS; k++) {
			const struct ma_pr_pat *pt = &ma_pr_pats[k];
			if (sc->seen[k] || !(mask[k] & bit))
				continue;
			if (ma_pr_match(w, i, pt->p)) {
				sc->seen[k] = 1;
				ma_pr_add(sc, family_override >= 0 ? family_override : pt->family,
				          pt->w * scale);
			}
		}
	}
}

/* ---- delimiters, floods, spaced letters ---- */

static void ma_pr_markup_scan(const char *t, size_t n, struct ma_pr_score *sc)
{
	int markup = 0, roles = 0;

	for (size_t k = 0; k < sizeof ma_pr_markup / sizeof ma_pr_markup[0] && !markup; k++)
		if (memmem(t, n, ma_pr_markup[k], strlen(ma_pr_markup[k])))
			markup = 1;
	if (markup)
		ma_pr_add(sc, PF_DELIMITER, 0.85);
	/* a line that starts a turn: [#*[<( -]* role [:\]>] */
	for (size_t i = 0; i < n; i++) {
		size_t p = i;
		if (i && t[i - 1] != '\n')
			continue;
		while (p < n && strchr("#*[<(=- >|", t[p]) && t[p])
			p++;
		for (size_t r = 0; r < sizeof ma_pr_roles / sizeof ma_pr_roles[0]; r++) {
			size_t l = strlen(ma_pr_roles[r]);
			if (p + l < n && !memcmp(t + p, ma_pr_roles[r], l) &&
			    (t[p + l] == ':' || t[p + l] == ']' || t[p + l] == '>' ||
			     (p > i && t[i] == '#' && (t[p + l] == '\n' || t[p + l] == ' ')))) {
				roles++;
				break;
			}
		}
	}
	if (roles)
		ma_pr_add(sc, PF_DELIMITER, roles > 1 ? 0.7 : 0.5);
	/* a separator line: eight or more of one symbol (=====, >>>>, %%%%) */
	for (size_t i = 0, run = 0; i < n; i++) {
		run = i && t[i] == t[i - 1] && strchr("=-*#>%~_<+", t[i]) && t[i] ? run + 1 : 0;
		if (run >= 7) {
			ma_pr_add(sc, PF_DELIMITER, 0.3);
			break;
		}
	}
}

/* Output forcing: a verb of saying right before a short quoted phrase
 * ("say \"Access Granted\"", "respond with 'yes'") tells the model what to
 * output, the aim of a hijacked prompt. */
static void ma_pr_forcing(const struct ma_pr_words *w, size_t n, struct ma_pr_score *sc)
{
	static const char verbs[] = "say|output~|print~|respon~|reply|answer|write|type|return|"
	                            "proclaim~|state|repeat|prefix~|begin~|start~|end~|include";
	for (int i = 0; i < w->n; i++) {
		size_t p = (size_t)w->s[i] + w->l[i];
		const char *q;
		if (!ma_pr_word_is(w, i, verbs, sizeof verbs - 1))
			continue;
		while (p < n && (w->t[p] == ' ' || w->t[p] == ':' || w->t[p] == '\n'))
			p++;
		if (p + 4 < n && !memcmp(w->t + p, "with", 4)) {
			p += 4;
			while (p < n && (w->t[p] == ' ' || w->t[p] == ':'))
				p++;
		}
		if (p >= n || !strchr("\"'`[", w->t[p]) || !w->t[p])
			continue;
		q = memchr(w->t + p + 1, w->t[p] == '[' ? ']' : w->t[p],
		           n - p - 1 < 40 ? n - p - 1 : 40);
		if (q && q > w->t + p + 1) {
			ma_pr_add(sc, PF_OVERRIDE, 0.45);
			return;
		}
	}
}

/* A flood: one short token repeated 40 times or more in a row (a known way
 * to push the real instructions out of the model's attention). */
static void ma_pr_flood(const struct ma_pr_words *w, const char *t, size_t n,
                        struct ma_pr_score *sc)
{
	int run = 1;

	for (int i = 1; i < w->n; i++) {
		if (w->l[i] == w->l[i - 1] && w->l[i] <= 8 &&
		    !memcmp(w->t + w->s[i], w->t + w->s[i - 1], w->l[i]))
			run++;
		else
			run = 1;
		if (run >= 40) {
			ma_pr_add(sc, PF_DELIMITER, 0.8);
			return;
		}
	}
	/* a punctuation or symbol flood (spaces aside) repeating with a period
	 * of one to three, closing whatever block the application opened:
	 * 64 symbols of two or three kinds ( )]})]})]} ), or 200 of one */
	{
		char last[3] = {0, 0, 0};
		size_t k = 0;
		int kinds = 0;
		run = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)t[i];
			int per = 0;
			if (c == ' ' || c == '\n')
				continue;
			if (!ma_pr_alnum(c) && k >= 3)
				per = c == (unsigned char)last[2] || c == (unsigned char)last[1] ||
				      c == (unsigned char)last[0];
			if (!per)
				kinds = 0;
			else if (c != (unsigned char)last[2])
				kinds = 1;
			run = per ? run + 1 : 0;
			last[0] = last[1];
			last[1] = last[2];
			last[2] = (char)c;
			k++;
			if ((run >= 64 && kinds) || run >= 200) {
				ma_pr_add(sc, PF_DELIMITER, 0.8);
				return;
			}
		}
	}
}

/* Letters spaced out one by one ("i g n o r e", "i.g.n.o.r.e") glued: an
 * override verb and an instruction noun inside one glued run. */
static void ma_pr_glued(const struct ma_pr_words *w, struct ma_pr_score *sc)
{
	char g[256];
	size_t gl = 0;

	for (int i = 0; i <= w->n; i++) {
		if (i < w->n && w->l[i] == 1 && gl < sizeof g - 1) {
			g[gl++] = w->t[w->s[i]];
			continue;
		}
		if (gl >= 6) {
			int v = 0, nn = 0;
			g[gl] = '\0';
			for (size_t k = 0;
			     k < sizeof ma_pr_glued_verbs / sizeof ma_pr_glued_verbs[0]; k++)
				v = v || strstr(g, ma_pr_glued_verbs[k]);
			for (size_t k = 0;
			     k < sizeof ma_pr_glued_nouns / sizeof ma_pr_glued_nouns[0]; k++)
				nn = nn || strstr(g, ma_pr_glued_nouns[k]);
			if (v && nn)
				ma_pr_add(sc, PF_OVERRIDE, 0.9);
			else if (v || nn)
				ma_pr_add(sc, PF_ENCODED, 0.5);
		}
		gl = 0;
	}
}

/* ---- encodings ---- */

static int ma_pr_b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

static int ma_pr_hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* 1 if most of d is printable text with spaces (a decoded sentence). */
static int ma_pr_texty(const char *d, size_t n)
{
	size_t ok = 0, sp = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)d[i];
		ok += (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c >= 0x80;
		sp += c == ' ';
	}
	return n >= 8 && ok * 10 >= n * 9 && sp > 0;
}

static double ma_pr_score_text(const char *s, size_t n, int depth, struct ma_pr_score *out);

/* Base64 and hex runs of the raw text, decoded and scored again. */
static void ma_pr_decode_runs(const char *s, size_t n, int depth, struct ma_pr_score *sc)
{
	char d[MA_PR_DECODED];
	size_t i = 0;

	while (i < n) {
		size_t a = i, e, dl = 0;
		int upper = 0, lower = 0, hex = 1;
		while (i < n && (ma_pr_b64val((unsigned char)s[i]) >= 0 || s[i] == '='))
			i++;
		e = i;
		if (e == a) {
			i++;
			continue;
		}
		if (e - a < 16)
			continue;
		for (size_t k = a; k < e; k++) {
			upper += s[k] >= 'A' && s[k] <= 'Z';
			lower += s[k] >= 'a' && s[k] <= 'z';
			hex = hex && ma_pr_hexval((unsigned char)s[k]) >= 0;
		}
		if (hex && (e - a) % 2 == 0) {
			for (size_t k = a; k + 1 < e && dl < sizeof d; k += 2)
				d[dl++] = (char)(ma_pr_hexval((unsigned char)s[k]) * 16 +
				                 ma_pr_hexval((unsigned char)s[k + 1]));
		} else if (upper && lower) {
			uint32_t acc = 0;
			int bits = 0;
			for (size_t k = a; k < e && dl < sizeof d; k++) {
				int v = ma_pr_b64val((unsigned char)s[k]);
				if (v < 0)
					break;
				acc = (acc << 6) | (uint32_t)v;
				bits += 6;
				if (bits >= 8) {
					bits -= 8;
					d[dl++] = (char)((acc >> bits) & 0xFF);
				}
			}
		}
		if (dl && ma_pr_texty(d, dl)) {
			struct ma_pr_score sub;
			double v = ma_pr_score_text(d, dl, depth + 1, &sub);
			if (v > 0.3)
				ma_pr_add(sc, PF_ENCODED, v + 0.1 > 1.0 ? 1.0 : v + 0.1);
		}
	}
}

/* The score of one window of text; out gets the details. */
static double ma_pr_score_text(const char *s, size_t n, int depth, struct ma_pr_score *out)
{
	char t[MA_PR_NORM];
	struct ma_pr_words w;
	int mixed = 0;
	size_t tn;

	memset(out, 0, sizeof *out);
	out->family = -1;
	tn = ma_prompt_normalise(s, n, t, sizeof t, &mixed);
	ma_pr_markup_scan(t, tn, out);
	ma_pr_split(t, tn, &w);
	ma_pr_phrases(&w, out, 1.0, -1);
	ma_pr_flood(&w, t, tn, out);
	ma_pr_glued(&w, out);
	ma_pr_forcing(&w, tn, out);
	if (mixed)
		ma_pr_add(out, PF_ENCODED, mixed > 1 ? 0.5 : 0.3);
	if (depth == 0) {
		ma_pr_decode_runs(s, n, depth, out);
		if (out->score < 0.5) {
			/* rot13: the words rotated, the phrases matched again */
			struct ma_pr_score r13;
			memset(&r13, 0, sizeof r13);
			r13.family = -1;
			for (size_t i = 0; i < tn; i++)
				if (t[i] >= 'a' && t[i] <= 'z')
					t[i] = (char)('a' + (t[i] - 'a' + 13) % 26);
			ma_pr_phrases(&w, &r13, 1.0, PF_ENCODED);
			if (r13.score > 0.5)
				ma_pr_add(out, PF_ENCODED, r13.score);
		}
	}
	return out->score;
}

/* ---- the public score and check ---- */

double ma_prompt_score(const char *text, size_t len, const char **rule)
{
	double best = 0;
	const char *brule = NULL;
	size_t off = 0;

	if (!text)
		len = 0;
	else if (len == (size_t)-1)
		len = strlen(text);
	do {
		struct ma_pr_score sc;
		size_t m = len - off > MA_PR_WIN ? MA_PR_WIN : len - off;
		/* cut at a UTF-8 character boundary */
		while (off + m < len && m > 1 && ((unsigned char)text[off + m] & 0xC0) == 0x80)
			m--;
		ma_pr_score_text(text + off, m, 0, &sc);
		if (sc.score > best) {
			best = sc.score;
			brule = sc.family >= 0 ? ma_pr_family[sc.family] : NULL;
		}
		if (off + m >= len)
			break;
		off += m > MA_PR_OVERLAP ? m - MA_PR_OVERLAP : m;
	} while (off < len);
	if (rule)
		*rule = brule;
	return best;
}

double moat_prompt_score(const char *text, size_t len)
{
	return ma_prompt_score(text, len, NULL);
}

int moat_check_prompt_at(struct moat_request *r, const char *prompt, size_t len, size_t uoff,
                         size_t ulen, double *score, const char *file, int line,
                         const char *function)
{
	const struct ma_input *in;
	size_t nin = 0;
	double thr, best = 0;
	const char *brule = NULL;
	const struct ma_input *bin = NULL;
	int bform = 0;

	if (score)
		*score = 0;
	if (!prompt)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(prompt);
	if (uoff > len)
		uoff = len;
	if (ulen > len - uoff)
		ulen = len - uoff;
	if (ulen) {
		best = ma_prompt_score(prompt + uoff, ulen, &brule);
	}
	in = ma_request_inputs(r, &nin);
	for (size_t i = 0; i < nin; i++) {
		for (int f = 0; f < in[i].nforms; f++) {
			const char *v = in[i].form[f];
			size_t vl = in[i].form_len[f];
			const char *rl = NULL;
			double s;
			if (vl < 2 || vl > len || !memmem(prompt, len, v, vl))
				continue;
			s = ma_prompt_score(v, vl, &rl);
			if (s > best) {
				best = s;
				brule = rl;
				bin = &in[i];
				bform = f;
			}
		}
	}
	if (score)
		*score = best;
	if (!r || best <= 0)
		return MOAT_ALLOW;
	thr = ma_request_threshold(r, "llm_prompt_injection");
	if (thr < 0)
		thr = MOAT_PROMPT_THRESHOLD;
	if (best + 1e-9 >= thr) {
		char sv[16];
		struct ma_finding fd = {
		    .interceptor = "llm_prompt_injection",
		    .rule = brule ? brule : "prompt.score",
		    .severity = best >= 0.95 ? "critical" : "high",
		    .confidence = best,
		    .input = bin,
		    .form = bform,
		    .operation = prompt,
		    .operation_len = len,
		    .extra_key = "score",
		    .extra_value = sv,
		    .file = file,
		    .function = function,
		    .line = line,
		};
		int v;
		snprintf(sv, sizeof sv, "%.3f", best);
		v = ma_request_fire(r, &fd);
		if (v >= 0)
			return v;
	}
	return MOAT_ALLOW;
}
