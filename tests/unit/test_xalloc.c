/* Unit tests for xalloc.c (issue 8, item 17): in moatd an allocation that
 * fails aborts with a message, and jansson allocates through the same
 * functions (xalloc_init wires it), so a NULL from jansson never reaches
 * a caller that does not expect one. Each case runs in a child process,
 * which the injected failure (xalloc_test_fail_at) must kill with SIGABRT. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

/* Runs fn in a child; returns its wait status. */
static int in_child(void (*fn)(void))
{
	int status = 0;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		fn();
		_exit(0); /* fn returned: nothing aborted */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void child_xmalloc(void)
{
	xalloc_test_fail_at(1);
	if (xmalloc(16) == NULL)
		_exit(3); /* a NULL reached the caller */
}

static void child_jansson(void)
{
	json_t *s;

	xalloc_init();
	xalloc_test_fail_at(1);
	s = json_string("a string jansson must allocate");
	if (s == NULL)
		_exit(3); /* jansson gave its caller a NULL instead of aborting */
}

static void a_failed_allocation_aborts_instead_of_returning_null(void **state)
{
	int st = in_child(child_xmalloc);

	(void)state;
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGABRT);
}

static void jansson_allocates_through_the_aborting_allocator(void **state)
{
	int st = in_child(child_jansson);

	(void)state;
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGABRT);
}

static void allocation_works_when_nothing_is_injected(void **state)
{
	char *p;
	json_t *s;

	(void)state;
	xalloc_init();
	p = xstrdup("x");
	s = json_string("y");
	assert_string_equal(p, "x");
	assert_string_equal(json_string_value(s), "y");
	free(p);
	json_decref(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_failed_allocation_aborts_instead_of_returning_null),
	    cmocka_unit_test(jansson_allocates_through_the_aborting_allocator),
	    cmocka_unit_test(allocation_works_when_nothing_is_injected),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
