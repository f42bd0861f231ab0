/* shcost6 (session 28): a place of an input that fired nothing, whose
 * judging read its own elements and bytes alone, is kept per form; a
 * later place of the same bytes whose elements (kinds, flags, offsets)
 * are the same is not judged again (ma_sh_same_place). These lines have
 * the same bytes at places that must be judged apart: they break when
 * the kept place is taken for one that differs. */
#include "agent_shell_test.h"

/* "id x" as echo's arguments fires nothing; at a command's start it runs
 * id: the same bytes and element kinds, another flag (a command's name) */
static void a_command_name_is_no_argument(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo ", "id x", "; id x"},
	    {"echo ", "id x", " id x id x id x; id x"},
	    {"echo id x id x id x; ", "id x", ""},
	    {"printf %s ", "cat y", " cat y; cat y"},
	};
	static const char *const passes[][3] = {
	    {"echo ", "id x", " id x id x id x"},
	    {"printf %s ", "cat y", " cat y cat y"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* "a;sudo" followed by the application's "x" starts no program; followed
 * by "id" it runs id: the command a ";" of the place starts is named by
 * a word after the place, which is read at each place */
static void a_prefix_reads_the_words_after_each_place(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo ", "a;sudo", " x; echo a;sudo id"},
	    {"echo ", "x;nice", " y; echo x;nice y; echo x;nice ls"},
	    {"echo ", "a;env", " b; echo a;env c; echo a;env PATH=/x whoami"},
	};
	static const char *const passes[][3] = {
	    {"echo ", "a;sudo", " x; echo a;sudo y"},
	    {"echo ", "x;nice", " y; echo x;nice z"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* The places of sh-occurrences (bench/detect/sqlworst.c) fire nothing,
 * many of them judged as the first; one that names a program fires
 * wherever it stands among them */
static void many_plain_places(void **state)
{
	char head[2048], tail[2048];
	size_t o = 0;

	(void)state;
	o += (size_t)snprintf(head + o, sizeof head - o, "echo ");
	tail[0] = '\0';
	for (int k = 0; k < 40; k++)
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " a;b");
	snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " word word");
	assert_int_equal(verdict(head, "a;b", tail), MOAT_ALLOW);
	/* the same bytes, and the 41st place one of a;id */
	tail[0] = '\0';
	for (int k = 0; k < 40; k++)
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " a;b");
	snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " a;b id");
	assert_int_equal(verdict(head, "a;b", tail), MOAT_ALLOW);
	assert_int_equal(verdict(head, "a;b ", tail), MOAT_ALLOW);
	tail[0] = '\0';
	for (int k = 0; k < 40; k++)
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " a;b");
	snprintf(tail + strlen(tail), sizeof tail - strlen(tail), "; a;b");
	assert_int_equal(verdict(head, "a;b", tail), MOAT_ALLOW);
	tail[0] = '\0';
	for (int k = 0; k < 40; k++)
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " x y");
	snprintf(tail + strlen(tail), sizeof tail - strlen(tail), "; x y");
	assert_int_equal(verdict(head, "x y", tail), MOAT_ALLOW);
	tail[0] = '\0';
	for (int k = 0; k < 40; k++)
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " id x");
	snprintf(tail + strlen(tail), sizeof tail - strlen(tail), "; id x");
	assert_int_equal(verdict(head, "id x", tail), MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_command_name_is_no_argument),
	    cmocka_unit_test(a_prefix_reads_the_words_after_each_place),
	    cmocka_unit_test(many_plain_places),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
