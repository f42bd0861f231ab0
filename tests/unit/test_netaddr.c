/* Unit tests for netaddr.c: which notification targets are private. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "netaddr.h"

static int sa_private(const char *text)
{
	struct sockaddr_in in;
	struct sockaddr_in6 in6;

	memset(&in, 0, sizeof in);
	memset(&in6, 0, sizeof in6);
	if (inet_pton(AF_INET, text, &in.sin_addr) == 1) {
		in.sin_family = AF_INET;
		return netaddr_is_private((struct sockaddr *)&in);
	}
	assert_int_equal(inet_pton(AF_INET6, text, &in6.sin6_addr), 1);
	in6.sin6_family = AF_INET6;
	return netaddr_is_private((struct sockaddr *)&in6);
}

static void connected_addresses_in_local_ranges_are_private(void **state)
{
	static const char *const priv[] = {
	    "127.0.0.1",
	    "127.255.0.9",
	    "10.1.2.3",
	    "172.16.0.1",
	    "172.31.255.255",
	    "192.168.1.1",
	    "169.254.169.254",
	    "0.0.0.0",
	    "100.64.0.1",
	    "224.0.0.1",
	    "255.255.255.255",
	    "::1",
	    "::",
	    "fe80::1",
	    "fc00::1",
	    "fd12:3456::1",
	    "::ffff:127.0.0.1",
	    "::ffff:169.254.169.254",
	    "64:ff9b::a00:1",
	    "ff02::1",
	    "198.18.0.1",
	};
	static const char *const pub[] = {
	    "8.8.8.8",     "1.1.1.1",         "172.32.0.1",     "192.169.0.1",
	    "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8",
	};

	(void)state;
	for (size_t i = 0; i < sizeof priv / sizeof priv[0]; i++) {
		if (sa_private(priv[i]) != 1)
			fail_msg("%s should be private", priv[i]);
	}
	for (size_t i = 0; i < sizeof pub / sizeof pub[0]; i++) {
		if (sa_private(pub[i]) != 0)
			fail_msg("%s should be public", pub[i]);
	}
}

static void every_spelling_of_a_local_literal_is_caught(void **state)
{
	(void)state;
	assert_int_equal(netaddr_literal_private("2130706433"), 1); /* 127.0.0.1 */
	assert_int_equal(netaddr_literal_private("0x7f.1"), 1);
	assert_int_equal(netaddr_literal_private("127.1"), 1);
	assert_int_equal(netaddr_literal_private("127.0.0.1."), 1);
	assert_int_equal(netaddr_literal_private("fe80::1%eth0"), 1);
	assert_int_equal(netaddr_literal_private("8.8.8.8"), 0);
	assert_int_equal(netaddr_literal_private("hooks.slack.com"), -1);
	assert_int_equal(netaddr_name_private("LOCALHOST"), 1);
	assert_int_equal(netaddr_name_private("api.localhost."), 1);
	assert_int_equal(netaddr_name_private("localhost.example.com"), 0);
}

static void urls_are_http_with_a_host_and_no_credentials(void **state)
{
	struct netaddr_url u;
	char why[200];

	(void)state;
	assert_int_equal(
	    netaddr_url_parse("https://Hooks.Slack.com/services/T/B/x", &u, why, sizeof why), 0);
	assert_string_equal(u.host, "hooks.slack.com");
	assert_int_equal(u.port, 443);
	assert_int_equal(netaddr_url_parse("http://[::1]:8080/x", &u, why, sizeof why), 0);
	assert_string_equal(u.host, "::1");
	assert_int_equal(u.port, 8080);
	assert_int_equal(netaddr_url_parse("ftp://example.com/", &u, why, sizeof why), -1);
	assert_int_equal(netaddr_url_parse("https://user@example.com/", &u, why, sizeof why), -1);
	assert_int_equal(netaddr_url_parse("https://example.com:99999/", &u, why, sizeof why), -1);
	assert_int_equal(netaddr_url_parse("https:///x", &u, why, sizeof why), -1);
	assert_int_equal(netaddr_url_parse("https://a b/", &u, why, sizeof why), -1);

	assert_int_equal(netaddr_url_check("https://example.com/h", 0, why, sizeof why), 0);
	assert_int_equal(netaddr_url_check("http://169.254.169.254/latest", 0, why, sizeof why),
	                 -1);
	assert_int_equal(netaddr_url_check("http://[::ffff:127.0.0.1]/", 0, why, sizeof why), -1);
	assert_int_equal(netaddr_url_check("http://localhost:9/", 0, why, sizeof why), -1);
	assert_int_equal(netaddr_url_check("http://localhost:9/", 1, why, sizeof why), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(connected_addresses_in_local_ranges_are_private),
	    cmocka_unit_test(every_spelling_of_a_local_literal_is_caught),
	    cmocka_unit_test(urls_are_http_with_a_host_and_no_credentials),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
