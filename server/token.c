/*
 * token.c — token format and checksum; see token.h.
 */
#include "token.h"
#include "crypto.h"
#include "err.h"

#include <stdint.h>
#include <string.h>

static const char token_b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

struct token_tag {
	int kind;
	const char *name;
	const char *prefix;
};

static const struct token_tag token_tags[] = {
    {TOKEN_AGENT, "agent", "moat_agt_"},
    {TOKEN_CI, "ci", "moat_ci_"},
    {TOKEN_ADMIN, "admin", "moat_adm_"},
};

static void token_checksum(const char *s, size_t n, char out[TOKEN_CHECK_LEN])
{
	uint32_t crc = crypto_crc32(s, n);

	for (int i = TOKEN_CHECK_LEN - 1; i >= 0; i--) {
		out[i] = token_b62[crc % 62];
		crc /= 62;
	}
}

void token_generate(int kind, char out[TOKEN_MAX])
{
	const char *prefix = "moat_adm_";
	size_t n;

	for (unsigned i = 0; i < 3; i++)
		if (token_tags[i].kind == kind)
			prefix = token_tags[i].prefix;
	n = strlen(prefix);
	memcpy(out, prefix, n);
	for (int i = 0; i < TOKEN_RANDOM_LEN; i++)
		out[n++] = token_b62[crypto_random_below(62)];
	token_checksum(out, n, out + n);
	out[n + TOKEN_CHECK_LEN] = '\0';
}

int token_parse(const char *s)
{
	for (unsigned i = 0; i < 3; i++) {
		size_t pl = strlen(token_tags[i].prefix);
		char check[TOKEN_CHECK_LEN];

		if (strncmp(s, token_tags[i].prefix, pl) != 0)
			continue;
		if (strlen(s) != pl + TOKEN_RANDOM_LEN + TOKEN_CHECK_LEN)
			return MOAT_EINVALID;
		for (size_t k = pl; s[k]; k++)
			if (!strchr(token_b62, s[k]))
				return MOAT_EINVALID;
		token_checksum(s, pl + TOKEN_RANDOM_LEN, check);
		if (memcmp(check, s + pl + TOKEN_RANDOM_LEN, TOKEN_CHECK_LEN) != 0)
			return MOAT_EINVALID;
		return token_tags[i].kind;
	}
	return MOAT_EINVALID;
}

const char *token_kind_name(int kind)
{
	for (unsigned i = 0; i < 3; i++)
		if (token_tags[i].kind == kind)
			return token_tags[i].name;
	return "unknown";
}

int token_kind_from_name(const char *name)
{
	for (unsigned i = 0; i < 3; i++)
		if (strcmp(token_tags[i].name, name) == 0)
			return token_tags[i].kind;
	return MOAT_EINVALID;
}

void token_session_generate(char out[44])
{
	unsigned char raw[32];

	crypto_random(raw, sizeof raw);
	crypto_b64url(raw, sizeof raw, out);
}
