/* libmoatagent: the path normaliser and the path_traversal check — dot
 * segments, absolute paths, drives, wrappers and NUL bytes from an input,
 * with and without a base; the bypass families (URL, double and triple
 * encoding, %u, overlong UTF-8, full-width dots and slashes, backslashes,
 * mixed case of hex); symbolic links with MOAT_PATH_RESOLVE; and the paths
 * that must pass: names with spaces, dots inside names, unicode. */
#include "agent_test.h"
#include "ma_path.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_BLOCK "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}}}"
#define BASE       "/srv/app/uploads"

static const struct moat_policy *pol;

static int group_setup(void **state)
{
	(void)state;
	pol = moat_policy_parse(PATH_BLOCK, 1, NULL, 0);
	return pol ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	moat_policy_release(pol);
	return 0;
}

/* The verdict for path = head + input (n bytes) + tail, checked against
 * base, with input as the request's input. */
static int pathn(const char *head, const char *input, size_t n, const char *tail, const char *base,
                 int flags)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/files", .policy = pol};
	struct moat_request *r = NULL;
	char p[8192];
	size_t hl = strlen(head), tl = strlen(tail);
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "name", input, n), 0);
	memcpy(p, head, hl);
	memcpy(p + hl, input, n);
	memcpy(p + hl + n, tail, tl);
	v = moat_check_path(r, p, hl + n + tl, base, flags);
	if (v == MOAT_BLOCK) {
		const struct moat_event *ev = moat_request_event(r);
		assert_non_null(ev);
		assert_string_equal(ev->interceptor, "path_traversal");
		assert_non_null(ev->rule);
		assert_non_null(strstr(ev->details_json, "query.name"));
	}
	moat_request_end(r);
	return v;
}

#define joined(in) pathn(BASE "/", (in), strlen(in), "", BASE, 0)
#define nobase(in) pathn("templates/", (in), strlen(in), "", NULL, 0)
#define whole(in)  pathn("", (in), strlen(in), "", BASE, 0)

static const char *norm(const char *p, char *out)
{
	struct ma_path_norm n;
	size_t o = 0;

	ma_path_normalise(p, strlen(p), &n);
	o += (size_t)snprintf(out, 64, "%d:%d:", n.kind, n.up);
	for (int i = 0; i < n.depth; i++)
		o += (size_t)snprintf(out + o, 256 - o, "/%.*s", n.seg[i][1], p + n.seg[i][0]);
	return out;
}

static void the_normaliser_resolves_dot_segments(void **state)
{
	char b[256], d[64];

	(void)state;
	assert_string_equal(norm("/a/./b//c/../d", b), "1:0:/a/b/d");
	assert_string_equal(norm("a/../../b", b), "0:1:/b");
	assert_string_equal(norm("..\\..\\win.ini", b), "0:2:/win.ini");
	assert_string_equal(norm("C:\\x\\..\\y", b), "2:0:/y");
	assert_string_equal(norm("a/..md/...", b), "0:0:/a/..md/...");
	/* decoding: %2e, %u002e, overlong and full-width forms */
	assert_int_equal(ma_path_decode("%2e%2E%2f", 9, d, 1), 3);
	assert_memory_equal(d, "../", 3);
	assert_int_equal(ma_path_decode("%u002e%u002E", 12, d, 1), 2);
	assert_memory_equal(d, "..", 2);
	assert_int_equal(ma_path_decode("\xc0\xae\xe0\x80\xae\xc0\xaf", 7, d, 0), 3);
	assert_memory_equal(d, "../", 3);
	assert_int_equal(ma_path_decode("\xef\xbc\x8e\xef\xbc\x8e\xef\xbc\x8f", 9, d, 0), 3);
	assert_memory_equal(d, "../", 3);
	assert_int_equal(ma_path_decode("%2", 2, d, 1), 2); /* not an escape */
}

static void traversal_from_an_input_fires(void **state)
{
	(void)state;
	assert_int_equal(joined("../../etc/passwd"), MOAT_BLOCK);
	assert_int_equal(joined("a/../../../etc/passwd"), MOAT_BLOCK);
	assert_int_equal(joined("..\\..\\windows\\win.ini"), MOAT_BLOCK);
	assert_int_equal(joined("....//....//etc/passwd"), MOAT_ALLOW); /* names, not dots */
	assert_int_equal(joined("../uploads2/x"), MOAT_BLOCK);          /* a sibling is outside */
	assert_int_equal(nobase("../../etc/passwd"), MOAT_BLOCK);
	assert_int_equal(pathn(BASE "/", "../x", 4, ".php", BASE, 0), MOAT_BLOCK);
	/* climbing above the root and coming back in is no accident */
	assert_int_equal(joined("../../../../../../srv/app/uploads/x"), MOAT_BLOCK);
}

static void encoded_forms_fire(void **state)
{
	(void)state;
	assert_int_equal(joined("%2e%2e%2f%2e%2e%2fetc%2fpasswd"), MOAT_BLOCK);
	assert_int_equal(joined("..%2F..%2Fetc%2Fpasswd"), MOAT_BLOCK);
	assert_int_equal(joined("%252e%252e%252fetc"), MOAT_BLOCK);
	assert_int_equal(joined("%25252e%25252e%25252f"), MOAT_BLOCK);
	assert_int_equal(joined("%%32%65%%32%65/etc"), MOAT_BLOCK);
	assert_int_equal(joined("..%c0%af..%c0%afetc"), MOAT_BLOCK);
	assert_int_equal(joined("%c0%ae%c0%ae/etc"), MOAT_BLOCK);
	assert_int_equal(joined("%e0%80%ae%e0%80%ae/etc"), MOAT_BLOCK);
	assert_int_equal(joined("%u002e%u002e%u2215etc"), MOAT_BLOCK);
	assert_int_equal(joined("\xef\xbc\x8e\xef\xbc\x8e/etc"), MOAT_BLOCK);
	assert_int_equal(joined("..%5c..%5cwindows"), MOAT_BLOCK);
}

static void absolute_paths_wrappers_and_nul_fire(void **state)
{
	(void)state;
	assert_int_equal(whole("/etc/passwd"), MOAT_BLOCK);
	assert_int_equal(whole("C:\\boot.ini"), MOAT_BLOCK);
	assert_int_equal(whole("\\\\evil\\share\\x"), MOAT_BLOCK);
	assert_int_equal(pathn("", "/etc/passwd", 11, "", NULL, 0), MOAT_BLOCK);
	assert_int_equal(pathn("", "../x", 4, "", NULL, 0), MOAT_BLOCK);
	assert_int_equal(whole(BASE "/ok.txt"), MOAT_ALLOW); /* absolute, inside */
	assert_int_equal(whole("php://filter/convert.base64-encode/resource=index"), MOAT_BLOCK);
	assert_int_equal(whole("file:///etc/passwd"), MOAT_BLOCK);
	assert_int_equal(whole("data:text/plain,x"), MOAT_BLOCK);
	/* a NUL cuts the extension the application adds */
	assert_int_equal(pathn(BASE "/", "x.txt\0", 6, ".php", BASE, 0), MOAT_BLOCK);
	assert_int_equal(pathn(BASE "/", "x.txt%00", 8, ".php", BASE, 0), MOAT_BLOCK);
	/* pasted after a directory, an absolute path stays inside */
	assert_int_equal(joined("/etc/passwd"), MOAT_ALLOW);
}

static void benign_paths_are_allowed(void **state)
{
	(void)state;
	assert_int_equal(joined("my holiday photo (1).jpg"), MOAT_ALLOW);
	assert_int_equal(joined("reports/2024/q1.pdf"), MOAT_ALLOW);
	assert_int_equal(joined("a/../b.txt"), MOAT_ALLOW); /* stays inside */
	assert_int_equal(joined("..md"), MOAT_ALLOW);
	assert_int_equal(joined(".hidden/...x"), MOAT_ALLOW);
	assert_int_equal(joined("100% done.txt"), MOAT_ALLOW);
	assert_int_equal(joined("Übersicht/日本語.txt"), MOAT_ALLOW);
	assert_int_equal(joined("docs/v1.2/a.md"), MOAT_ALLOW);
	assert_int_equal(nobase("emails/welcome.html"), MOAT_ALLOW);
	/* the application's own dots are not the input's */
	assert_int_equal(pathn(BASE "/../shared/", "a.txt", 5, "", BASE, 0), MOAT_ALLOW);
	assert_int_equal(pathn("/srv/app/../app/uploads/", "a.txt", 5, "", BASE, 0), MOAT_ALLOW);
}

static void symlinks_resolve_when_asked(void **state)
{
	char dir[] = "/tmp/moat-path-XXXXXX", base[128], link[160];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(base, sizeof base, "%s/base", dir);
	snprintf(link, sizeof link, "%s/out", base);
	assert_int_equal(mkdir(base, 0700), 0);
	assert_int_equal(symlink("/etc", link), 0);
	assert_int_equal(pathn(base, "/out/passwd", 11, "", base, 0), MOAT_ALLOW);
	assert_int_equal(pathn(base, "/out/passwd", 11, "", base, MOAT_PATH_RESOLVE), MOAT_BLOCK);
	assert_int_equal(pathn(base, "/new/file.txt", 13, "", base, MOAT_PATH_RESOLVE), MOAT_ALLOW);
	unlink(link);
	rmdir(base);
	rmdir(dir);
}

static void a_check_that_does_not_fire_allocates_nothing(void **state)
{
	struct moat_request_info ri = {.endpoint = "/x", .policy = pol};
	struct moat_request *r;
	const char *p = BASE "/reports/a%20b..c.pdf";

	(void)state;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_add_input(r, MOAT_INPUT_QUERY, "f", "reports/a%20b..c.pdf", 20);
	ma_alloc_fail_at(1);
	assert_int_equal(moat_check_path(r, p, (size_t)-1, BASE, 0), MOAT_ALLOW);
	assert_int_equal(moat_check_path(r, p, (size_t)-1, NULL, 0), MOAT_ALLOW);
	assert_false(ma_alloc_failed());
	ma_alloc_fail_at(0);
	moat_request_end(r);
	assert_int_equal(moat_check_path(NULL, "/etc/passwd", (size_t)-1, BASE, 0), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_normaliser_resolves_dot_segments),
	    cmocka_unit_test(traversal_from_an_input_fires),
	    cmocka_unit_test(encoded_forms_fire),
	    cmocka_unit_test(absolute_paths_wrappers_and_nul_fire),
	    cmocka_unit_test(benign_paths_are_allowed),
	    cmocka_unit_test(symlinks_resolve_when_asked),
	    cmocka_unit_test(a_check_that_does_not_fire_allocates_nothing),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
