/*
 * ma_prompt_feat.c — the whole-text features of the llm_prompt_injection
 * check (ma_prompt.c calls them on each window): chat-template tokens and
 * fake turns, output forcing, floods (of one token, of closing symbols,
 * of one piece repeated inside a word), letters spaced out one by one,
 * instructions inside an HTML comment, payloads for the model's own
 * output, fiction framing a forbidden topic, and override / password /
 * system-prompt stems of scripts written without spaces.
 *
 * Threads: any. Each adds to the caller's score; no allocation.
 */
#include "ma_int.h"
#include "ma_prompt.h"

#include <string.h>

/* ---- features over the whole window ---- */

/* Override stems in scripts written without spaces between words. */
static const char *const ma_pr_cjk_ignore[] = {"忽略",  "忽视",  "无视",    "無視", "무시",
                                               "अनदेखा", "अनदेखी", "नज़रअंदाज़", "تجاهل"};
static const char *const ma_pr_cjk_instr[] = {"指令", "指示", "说明",  "規則",    "规则",
                                              "지시", "명령", "निर्देश", "تعليمات", "التعليمات"};
static const char *const ma_pr_cjk_what[] = {"什么", "何", "무엇", "뭐", "क्या", "ما هي"};
static const char *const ma_pr_cjk_tell[] = {"告诉", "教えて", "알려", "बताओ", "बताइए", "أخبرني"};
static const char *const ma_pr_cjk_prompt[] = {
    "系统提示", "提示词", "系統提示", "システムプロンプト", "시스템 프롬프트", "सिस्टम प्रॉम्प्ट"};
static const char *const ma_pr_cjk_pw[] = {"密码",   "密碼",        "パスワード", "비밀번호",
                                           "पासवर्ड", "كلمة المرور", "كلمة السر"};

static int ma_pr_any(const char *t, size_t n, const char *const *list, size_t nl)
{
	for (size_t k = 0; k < nl; k++)
		if (memmem(t, n, list[k], strlen(list[k])))
			return 1;
	return 0;
}

void ma_pr_cjk(const char *t, size_t n, struct ma_pr_score *sc)
{
	int ign, ins;
	size_t i = 0;

	while (i < n && (unsigned char)t[i] < 0xD8)
		i++;
	if (i == n)
		return;
	ign = ma_pr_any(t, n, ma_pr_cjk_ignore, sizeof ma_pr_cjk_ignore / sizeof *ma_pr_cjk_ignore);
	ins = ma_pr_any(t, n, ma_pr_cjk_instr, sizeof ma_pr_cjk_instr / sizeof *ma_pr_cjk_instr);
	if (ign && ins)
		ma_pr_add(sc, PF_OVERRIDE, 0.9);
	else if (ign || ins)
		ma_pr_add(sc, PF_OVERRIDE, 0.3);
	if (ma_pr_any(t, n, ma_pr_cjk_prompt, sizeof ma_pr_cjk_prompt / sizeof *ma_pr_cjk_prompt))
		ma_pr_add(
		    sc, PF_EXTRACTION,
		    ma_pr_any(t, n, ma_pr_cjk_tell, sizeof ma_pr_cjk_tell / sizeof *ma_pr_cjk_tell)
		        ? 0.85
		        : 0.6);
	if (ma_pr_any(t, n, ma_pr_cjk_pw, sizeof ma_pr_cjk_pw / sizeof *ma_pr_cjk_pw)) {
		if (ma_pr_any(t, n, ma_pr_cjk_tell, sizeof ma_pr_cjk_tell / sizeof *ma_pr_cjk_tell))
			ma_pr_add(sc, PF_EXTRACTION, 0.85);
		else if (ma_pr_any(t, n, ma_pr_cjk_what,
		                   sizeof ma_pr_cjk_what / sizeof *ma_pr_cjk_what))
			ma_pr_add(sc, PF_EXTRACTION, 0.7);
		else
			ma_pr_add(sc, PF_EXTRACTION, 0.5);
	}
}

/* A payload for the model's own output: an order to put something into
 * "your response / solution / code", what is put (a code block, a link),
 * and code that reaches the network or runs commands. */
void ma_pr_payload(const struct ma_pr_words *w, const char *t, size_t n,
                   const struct ma_pr_kbits *kb, struct ma_pr_score *sc)
{
	static const char *const net[] = {
	    "requests.", "socket", "urllib", "subprocess", "os.system", "curl ",   "wget ",
	    "smtplib",   "ftplib", "eval(",  "exec(",      "http://",   "https://"};
	int order = 0, sent = 0, ins = 0, your = 0, what = 0;

	for (int i = 0; i < w->n && !order; i++) {
		if (w->brk[i] == 1)
			sent++, ins = your = what = 0;
		ins = ins || (w->k[i] & kb->insert);
		what = what ||
		       ((w->k[i] & kb->following) && i + 1 < w->n && (w->k[i + 1] & kb->snippet));
		your =
		    your || ((w->k[i] & kb->your) && i + 1 < w->n && (w->k[i + 1] & kb->yourout));
		order = your && (ins || what);
	}
	(void)sent;
	if (!order)
		return;
	ma_pr_add(sc, PF_OVERRIDE, 0.5);
	if (memmem(t, n, "```", 3) || memmem(t, n, "www.", 4) || memmem(t, n, "http", 4))
		ma_pr_add(sc, PF_OVERRIDE, 0.35);
	if (ma_pr_any(t, n, net, sizeof net / sizeof *net))
		ma_pr_add(sc, PF_OVERRIDE, 0.4);
}

/* A word of 48 bytes or more that is one piece of 3 to 24 bytes repeated
 * ("artisanlibartisanlib..."): a flood of one token without spaces. */
void ma_pr_periodic(const struct ma_pr_words *w, struct ma_pr_score *sc)
{
	for (int i = 0; i < w->n; i++) {
		const char *x = w->t + w->s[i];
		int l = w->l[i];
		if (l < 48)
			continue;
		for (int p = 1; p <= 24; p++) {
			int k = 0;
			while (k + p < l && x[k] == x[k + p])
				k++;
			if (k + p < l)
				continue;
			if (p >= 3) { /* the smallest period: "hahaha" is laughter */
				ma_pr_add(sc, PF_DELIMITER, 0.8);
				return;
			}
			break;
		}
	}
}

/* An instruction hidden in an HTML comment: an override verb or an order
 * to say something between "<!--" and "-->". */
void ma_pr_comment(const struct ma_pr_words *w, size_t n, const struct ma_pr_kbits *kb,
                   struct ma_pr_score *sc)
{
	const char *a = memmem(w->t, n, "<!--", 4), *e;

	if (!a)
		return;
	e = memmem(a, n - (size_t)(a - w->t), "-->", 3);
	if (!e)
		e = w->t + n;
	for (int i = 0; i < w->n; i++) {
		const char *x = w->t + w->s[i];
		if (x > a && x < e && (w->k[i] & (kb->ign | kb->say))) {
			ma_pr_add(sc, PF_DELIMITER, 0.4);
			return;
		}
	}
}

/* Fiction or a hypothetical framing a request for forbidden output. */
void ma_pr_fiction(const struct ma_pr_words *w, const struct ma_pr_kbits *kb,
                   struct ma_pr_score *sc)
{
	int fic = 0, bad = 0;

	for (int i = 0; i < w->n; i++) {
		fic = fic || (w->k[i] & kb->fiction);
		bad = bad || (w->k[i] & kb->forbid);
	}
	if (fic && bad)
		ma_pr_add(sc, PF_ROLEPLAY, 0.4);
}

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

/* ---- delimiters, floods, spaced letters ---- */

void ma_pr_markup_scan(const char *t, size_t n, struct ma_pr_score *sc)
{
	int markup = 0, roles = 0;

	/* every token opens with '<', '[' or '{' */
	if (!memchr(t, '<', n) && !memchr(t, '[', n) && !memchr(t, '{', n))
		markup = -1;
	for (size_t k = 0; k < sizeof ma_pr_markup / sizeof ma_pr_markup[0] && !markup; k++)
		if (memmem(t, n, ma_pr_markup[k], strlen(ma_pr_markup[k])))
			markup = 1;
	/* any other special token of a chat template: <|name|> */
	for (const char *x = markup ? NULL : memmem(t, n, "<|", 2); x && !markup;
	     x = memmem(x + 2, n - (size_t)(x + 2 - t), "<|", 2)) {
		size_t k = 2;
		while (x + k < t + n && ((x[k] >= 'a' && x[k] <= 'z') || x[k] == '_'))
			k++;
		if (k > 2 && x + k + 1 < t + n && x[k] == '|' && x[k + 1] == '>')
			markup = 1;
	}
	if (markup > 0)
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
void ma_pr_forcing(const struct ma_pr_words *w, size_t n, struct ma_pr_score *sc)
{
	static const char verbs[] = "say|output~|print~|respon~|reply|answer|write|type|return|"
	                            "proclaim~|state|repeat|prefix~|begin~|start~|end~|include|"
	                            "complete|finish|continue";
	for (int i = 0; i < w->n; i++) {
		size_t p = (size_t)w->s[i] + w->l[i];
		const char *q;
		while (p < n && (w->t[p] == ' ' || w->t[p] == ':' || w->t[p] == '\n'))
			p++;
		if (p + 4 < n && !memcmp(w->t + p, "with", 4)) {
			p += 4;
			while (p < n && (w->t[p] == ' ' || w->t[p] == ':'))
				p++;
		}
		if (p >= n || !strchr("\"'`[", w->t[p]) || !w->t[p])
			continue;
		if (!ma_pr_lit(w, i, verbs, sizeof verbs - 1))
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
void ma_pr_flood(const struct ma_pr_words *w, const char *t, size_t n, struct ma_pr_score *sc)
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
	 * 64 symbols of two or three kinds with a closing one among them
	 * ( )]})]})]} ; not a =-=-=- rule), or 200 closing ones of one kind
	 * (not a table's ------ rule) */
	{
		char last[3] = {0, 0, 0};
		size_t k = 0;
		int kinds = 0, closer = 0;
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
				kinds = closer = 0;
			else if (c != (unsigned char)last[2])
				kinds = 1;
			closer = closer || (per && strchr(")]}>\"'`", (char)c) != NULL);
			run = per ? run + 1 : 0;
			last[0] = last[1];
			last[1] = last[2];
			last[2] = (char)c;
			k++;
			if ((run >= 64 && kinds && closer) || (run >= 200 && closer)) {
				ma_pr_add(sc, PF_DELIMITER, 0.8);
				return;
			}
		}
	}
}

/* Letters spaced out one by one ("i g n o r e", "i.g.n.o.r.e") glued: an
 * override verb and an instruction noun inside one glued run. */
void ma_pr_glued(const struct ma_pr_words *w, struct ma_pr_score *sc)
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
