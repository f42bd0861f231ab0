/* Unit tests for token.c: format, checksum, kinds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "crypto.h"
#include "err.h"
#include "token.h"

static void a_generated_token_has_its_kind_prefix_and_length(void **state)
{
	char t[TOKEN_MAX];

	(void)state;
	token_generate(TOKEN_AGENT, t);
	assert_int_equal(strncmp(t, "moat_agt_", 9), 0);
	assert_int_equal(strlen(t), 9 + TOKEN_RANDOM_LEN + TOKEN_CHECK_LEN);
	token_generate(TOKEN_CI, t);
	assert_int_equal(strncmp(t, "moat_ci_", 8), 0);
	assert_int_equal(strlen(t), 8 + TOKEN_RANDOM_LEN + TOKEN_CHECK_LEN);
	token_generate(TOKEN_ADMIN, t);
	assert_int_equal(strncmp(t, "moat_adm_", 9), 0);
}

static void a_generated_token_parses_back_to_its_kind(void **state)
{
	char t[TOKEN_MAX];

	(void)state;
	for (int k = TOKEN_AGENT; k <= TOKEN_ADMIN; k++) {
		for (int i = 0; i < 200; i++) {
			token_generate(k, t);
			assert_int_equal(token_parse(t), k);
		}
	}
}

static void the_checksum_is_crc32_in_base62_of_the_rest(void **state)
{
	static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char t[TOKEN_MAX], want[TOKEN_CHECK_LEN + 1];
	size_t body;
	uint32_t crc;

	(void)state;
	token_generate(TOKEN_CI, t);
	body = strlen(t) - TOKEN_CHECK_LEN;
	crc = crypto_crc32(t, body);
	for (int i = TOKEN_CHECK_LEN - 1; i >= 0; i--) {
		want[i] = b62[crc % 62];
		crc /= 62;
	}
	want[TOKEN_CHECK_LEN] = '\0';
	assert_string_equal(t + body, want);
	/* a known CRC-32 test vector keeps the polynomial honest */
	assert_int_equal(crypto_crc32("123456789", 9), 0xCBF43926u);
}

static void a_token_with_one_changed_character_is_refused(void **state)
{
	char t[TOKEN_MAX];

	(void)state;
	token_generate(TOKEN_AGENT, t);
	for (size_t i = 9; i < strlen(t); i++) {
		char saved = t[i];
		t[i] = saved == 'a' ? 'b' : 'a';
		assert_int_equal(token_parse(t), MOAT_EINVALID);
		t[i] = saved;
	}
	assert_int_equal(token_parse(t), TOKEN_AGENT);
}

static void malformed_tokens_are_refused(void **state)
{
	char t[TOKEN_MAX + 8];

	(void)state;
	assert_int_equal(token_parse(""), MOAT_EINVALID);
	assert_int_equal(token_parse("moat_agt_"), MOAT_EINVALID);
	assert_int_equal(token_parse("moat_xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
	                 MOAT_EINVALID);
	token_generate(TOKEN_ADMIN, t);
	memcpy(t + strlen(t), "A", 2);
	assert_int_equal(token_parse(t), MOAT_EINVALID);
	token_generate(TOKEN_ADMIN, t);
	t[12] = '-';
	assert_int_equal(token_parse(t), MOAT_EINVALID);
}

static void kind_names_round_trip(void **state)
{
	(void)state;
	assert_int_equal(token_kind_from_name("agent"), TOKEN_AGENT);
	assert_int_equal(token_kind_from_name("ci"), TOKEN_CI);
	assert_int_equal(token_kind_from_name("admin"), TOKEN_ADMIN);
	assert_int_equal(token_kind_from_name("root"), MOAT_EINVALID);
	assert_string_equal(token_kind_name(TOKEN_CI), "ci");
}

static void session_secrets_are_43_base64url_characters_and_differ(void **state)
{
	char a[44], b[44];

	(void)state;
	token_session_generate(a);
	token_session_generate(b);
	assert_int_equal(strlen(a), 43);
	assert_int_equal(
	    strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), 43);
	assert_string_not_equal(a, b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_generated_token_has_its_kind_prefix_and_length),
	    cmocka_unit_test(a_generated_token_parses_back_to_its_kind),
	    cmocka_unit_test(the_checksum_is_crc32_in_base62_of_the_rest),
	    cmocka_unit_test(a_token_with_one_changed_character_is_refused),
	    cmocka_unit_test(malformed_tokens_are_refused),
	    cmocka_unit_test(kind_names_round_trip),
	    cmocka_unit_test(session_secrets_are_43_base64url_characters_and_differ),
	};
	return cmocka_run_group_tests_name("token", tests, NULL, NULL);
}
