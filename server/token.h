/*
 * token.h — API token and session secrets: format, generation, checking.
 *
 * An API token is   moat_<tag>_<30 base62 random><6 base62 checksum>
 * with tag agt (agent), ci (ci) or adm (admin/personal). 30 base62
 * characters carry 178 random bits; the checksum is the IEEE CRC-32 of
 * everything before it, in base62 (0-9A-Za-z), left-padded with '0' to 6.
 * A secret scanner can match the prefix and verify the checksum offline.
 * Only SHA-256(token) is ever stored. Pure functions; any thread.
 */
#ifndef MOAT_TOKEN_H
#define MOAT_TOKEN_H

#include <stddef.h>

enum token_kind { TOKEN_AGENT = 1, TOKEN_CI = 2, TOKEN_ADMIN = 3 };

#define TOKEN_RANDOM_LEN     30
#define TOKEN_CHECK_LEN      6
#define TOKEN_MAX            48 /* buffer size for a token + NUL */
#define TOKEN_DISPLAY_PREFIX 13 /* characters shown in listings */

/* Writes a new token of kind into out (TOKEN_MAX bytes). */
void token_generate(int kind, char out[TOKEN_MAX]);
/* Checks format and checksum; returns the kind (>0) or MOAT_EINVALID. */
int token_parse(const char *s);
/* "agent" | "ci" | "admin" <-> kind; name_to_kind returns MOAT_EINVALID. */
const char *token_kind_name(int kind);
int token_kind_from_name(const char *name);

/* A session secret: 32 random bytes, base64url (43 chars) into out (44). */
void token_session_generate(char out[44]);

#endif
