/*
 * crypto.h — hashing, MACs, randomness and constant-time compare (mbedtls).
 *
 * Randomness comes from a CTR-DRBG that each thread seeds on first use from
 * the system entropy source (one context per thread, never shared). All
 * functions are callable from any thread; out buffers are the caller's.
 */
#ifndef MOAT_CRYPTO_H
#define MOAT_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_SHA256_LEN 32
#define CRYPTO_SHA256_HEX 65 /* 64 hex digits + NUL */

/* Fills out with n random bytes. Aborts if the DRBG cannot be seeded. */
void crypto_random(void *out, size_t n);
/* Returns a uniform random integer in [0, bound). bound > 0. */
uint32_t crypto_random_below(uint32_t bound);

void crypto_sha256(const void *data, size_t n, unsigned char out[CRYPTO_SHA256_LEN]);
/* Lower-case hex of SHA-256(data) into out (65 bytes, NUL-terminated). */
void crypto_sha256_hex(const void *data, size_t n, char out[CRYPTO_SHA256_HEX]);
void crypto_hmac_sha256(const void *key, size_t klen, const void *data, size_t n,
                        unsigned char out[CRYPTO_SHA256_LEN]);

/* Compares n bytes in time independent of their content; 1 when equal. */
int crypto_ct_equal(const void *a, const void *b, size_t n);
/* Constant-time compare of two NUL-terminated strings (length leaks). */
int crypto_ct_streq(const char *a, const char *b);

/* Overwrites n bytes at p with zeros in a way the compiler keeps (for
 * secrets before their memory is freed). */
void crypto_wipe(void *p, size_t n);

/* Hex encodes n bytes into out (2n+1 bytes). */
void crypto_hex(const void *in, size_t n, char *out);
/* base64url without padding of n bytes into out (4*ceil(n/3)+1 bytes). */
void crypto_b64url(const void *in, size_t n, char *out);

/* IEEE CRC-32 (as zlib's crc32) of n bytes. */
uint32_t crypto_crc32(const void *data, size_t n);

#endif
