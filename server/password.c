/*
 * password.c — Argon2id via libargon2; see password.h. Any thread.
 */
#include "password.h"
#include "crypto.h"
#include "err.h"

#include <argon2.h>
#include <string.h>

#define PW_T_COST 2
#define PW_M_COST 19456 /* KiB = 19 MiB */
#define PW_LANES  1
#define PW_SALT   16
#define PW_TAG    32

static const char base62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

int password_hash(const char *pw, char out[PASSWORD_ENCODED_MAX])
{
	unsigned char salt[PW_SALT];
	size_t len = strlen(pw);
	int rc;

	if (len > PASSWORD_MAX_LEN)
		return MOAT_EINVALID;
	crypto_random(salt, sizeof salt);
	rc = argon2id_hash_encoded(PW_T_COST, PW_M_COST, PW_LANES, pw, len, salt, sizeof salt,
	                           PW_TAG, out, PASSWORD_ENCODED_MAX);
	return rc == ARGON2_OK ? MOAT_OK : MOAT_EINVALID;
}

int password_verify(const char *encoded, const char *pw)
{
	size_t len = strlen(pw);

	if (len > PASSWORD_MAX_LEN || strncmp(encoded, "$argon2id$", 10) != 0)
		return 0;
	return argon2id_verify(encoded, pw, len) == ARGON2_OK;
}

void password_dummy_verify(const char *pw)
{
	static const char dummy[] = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
	                            "0Ssw4aPKaREjsgdRM8C3+7cGvMCMdXK5nc2iHNxBhWE";
	(void)password_verify(dummy, pw);
}

void password_generate(char out[25])
{
	for (int i = 0; i < 24; i++)
		out[i] = base62[crypto_random_below(62)];
	out[24] = '\0';
}
