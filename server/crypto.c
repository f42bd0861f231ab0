/*
 * crypto.c — mbedtls-backed primitives, see crypto.h.
 *
 * Owns one thread-local CTR-DRBG (+ entropy) context per thread. mbedtls
 * contexts are never shared between threads.
 */
#include "crypto.h"

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/md.h>
#include <mbedtls/platform_util.h>
#include <mbedtls/sha256.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct crypto_rng {
	int ready;
	mbedtls_entropy_context entropy;
	mbedtls_ctr_drbg_context drbg;
};

static _Thread_local struct crypto_rng crypto_tls_rng;

static struct crypto_rng *crypto_rng_get(void)
{
	struct crypto_rng *r = &crypto_tls_rng;
	static const char pers[] = "moatd";

	if (r->ready)
		return r;
	mbedtls_entropy_init(&r->entropy);
	mbedtls_ctr_drbg_init(&r->drbg);
	if (mbedtls_ctr_drbg_seed(&r->drbg, mbedtls_entropy_func, &r->entropy,
	                          (const unsigned char *)pers, sizeof pers - 1) != 0) {
		fprintf(stderr, "moatd: cannot seed the random generator\n");
		abort();
	}
	mbedtls_ctr_drbg_set_prediction_resistance(&r->drbg, MBEDTLS_CTR_DRBG_PR_OFF);
	r->ready = 1;
	return r;
}

void crypto_random(void *out, size_t n)
{
	struct crypto_rng *r = crypto_rng_get();
	unsigned char *p = out;

	while (n > 0) {
		size_t chunk = n > MBEDTLS_CTR_DRBG_MAX_REQUEST ? MBEDTLS_CTR_DRBG_MAX_REQUEST : n;
		if (mbedtls_ctr_drbg_random(&r->drbg, p, chunk) != 0) {
			fprintf(stderr, "moatd: random generator failed\n");
			abort();
		}
		p += chunk;
		n -= chunk;
	}
}

uint32_t crypto_random_below(uint32_t bound)
{
	uint32_t limit = UINT32_MAX - UINT32_MAX % bound;
	uint32_t v;

	do {
		crypto_random(&v, sizeof v);
	} while (v >= limit);
	return v % bound;
}

void crypto_sha256(const void *data, size_t n, unsigned char out[CRYPTO_SHA256_LEN])
{
	mbedtls_sha256_ret(data, n, out, 0);
}

void crypto_sha256_hex(const void *data, size_t n, char out[CRYPTO_SHA256_HEX])
{
	unsigned char d[CRYPTO_SHA256_LEN];

	crypto_sha256(data, n, d);
	crypto_hex(d, sizeof d, out);
}

void crypto_hmac_sha256(const void *key, size_t klen, const void *data, size_t n,
                        unsigned char out[CRYPTO_SHA256_LEN])
{
	mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), key, klen, data, n, out);
}

int crypto_ct_equal(const void *a, const void *b, size_t n)
{
	const volatile unsigned char *x = a, *y = b;
	unsigned char diff = 0;

	for (size_t i = 0; i < n; i++)
		diff |= (unsigned char)(x[i] ^ y[i]);
	return diff == 0;
}

int crypto_ct_streq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la != lb)
		return 0;
	return crypto_ct_equal(a, b, la);
}

void crypto_hex(const void *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *p = in;

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * n] = '\0';
}

void crypto_b64url(const void *in, size_t n, char *out)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	const unsigned char *p = in;
	size_t o = 0, i = 0;

	for (; i + 2 < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
		out[o++] = t[v >> 18];
		out[o++] = t[(v >> 12) & 63];
		out[o++] = t[(v >> 6) & 63];
		out[o++] = t[v & 63];
	}
	if (n - i == 1) {
		uint32_t v = (uint32_t)p[i] << 16;
		out[o++] = t[v >> 18];
		out[o++] = t[(v >> 12) & 63];
	} else if (n - i == 2) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
		out[o++] = t[v >> 18];
		out[o++] = t[(v >> 12) & 63];
		out[o++] = t[(v >> 6) & 63];
	}
	out[o] = '\0';
}

static uint32_t crypto_crc_table[256];
static pthread_once_t crypto_crc_once = PTHREAD_ONCE_INIT;

static void crypto_crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
		crypto_crc_table[i] = c;
	}
}

uint32_t crypto_crc32(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint32_t crc = 0xffffffffu;

	pthread_once(&crypto_crc_once, crypto_crc_init);
	for (size_t i = 0; i < n; i++)
		crc = crypto_crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
	return crc ^ 0xffffffffu;
}

void crypto_wipe(void *p, size_t n)
{
	mbedtls_platform_zeroize(p, n);
}
