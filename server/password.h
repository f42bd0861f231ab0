/*
 * password.h — Argon2id password hashing (libargon2).
 *
 * Parameters are OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane,
 * a 16-byte random salt per password, a 32-byte tag. The stored string is
 * the PHC encoding ($argon2id$v=19$m=19456,t=2,p=1$salt$hash), so the
 * parameters travel with it and can be raised later. Any thread.
 */
#ifndef MOAT_PASSWORD_H
#define MOAT_PASSWORD_H

#include <stddef.h>

#define PASSWORD_MIN_LEN     12
#define PASSWORD_MAX_LEN     1024
#define PASSWORD_ENCODED_MAX 160

/* Hashes pw into out (PASSWORD_ENCODED_MAX bytes). 0 or MOAT_EINVALID. */
int password_hash(const char *pw, char out[PASSWORD_ENCODED_MAX]);
/* Returns 1 when pw matches encoded (constant time), 0 otherwise. */
int password_verify(const char *encoded, const char *pw);
/* Burns the same time as a verify, for logins of unknown accounts. */
void password_dummy_verify(const char *pw);
/* Generates a random password (24 base62 characters) into out (25 bytes). */
void password_generate(char out[25]);

#endif
