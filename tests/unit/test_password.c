/* Unit tests for password.c: Argon2id hashing and verification. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "err.h"
#include "password.h"

static void a_hash_carries_argon2id_and_owasp_parameters(void **state)
{
	char h[PASSWORD_ENCODED_MAX];

	(void)state;
	assert_int_equal(password_hash("correct horse battery", h), MOAT_OK);
	assert_int_equal(strncmp(h, "$argon2id$v=19$m=19456,t=2,p=1$", 31), 0);
}

static void the_right_password_verifies_and_a_wrong_one_does_not(void **state)
{
	char h[PASSWORD_ENCODED_MAX];

	(void)state;
	assert_int_equal(password_hash("correct horse battery", h), MOAT_OK);
	assert_true(password_verify(h, "correct horse battery"));
	assert_false(password_verify(h, "correct horse batterY"));
	assert_false(password_verify(h, ""));
}

static void two_hashes_of_one_password_differ_by_salt(void **state)
{
	char a[PASSWORD_ENCODED_MAX], b[PASSWORD_ENCODED_MAX];

	(void)state;
	assert_int_equal(password_hash("same password here", a), MOAT_OK);
	assert_int_equal(password_hash("same password here", b), MOAT_OK);
	assert_string_not_equal(a, b);
	assert_true(password_verify(a, "same password here"));
	assert_true(password_verify(b, "same password here"));
}

static void non_argon2id_hashes_never_verify(void **state)
{
	(void)state;
	assert_false(password_verify("", "x"));
	assert_false(password_verify("plaintext", "plaintext"));
	assert_false(password_verify("$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aGFzaA", "x"));
}

static void generated_passwords_are_24_characters_and_differ(void **state)
{
	char a[25], b[25];

	(void)state;
	password_generate(a);
	password_generate(b);
	assert_int_equal(strlen(a), 24);
	assert_string_not_equal(a, b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_hash_carries_argon2id_and_owasp_parameters),
	    cmocka_unit_test(the_right_password_verifies_and_a_wrong_one_does_not),
	    cmocka_unit_test(two_hashes_of_one_password_differ_by_salt),
	    cmocka_unit_test(non_argon2id_hashes_never_verify),
	    cmocka_unit_test(generated_passwords_are_24_characters_and_differ),
	};
	return cmocka_run_group_tests_name("password", tests, NULL, NULL);
}
