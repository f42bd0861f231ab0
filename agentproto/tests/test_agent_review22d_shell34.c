/* review22 (session 30), fourth round: a regression of h-shell34's cost
 * commit e38b08d ("a place found to be data reads only a brace"): an
 * input of one word that escapes a separator for parallel's template
 * (`x\;id`: the shell hands parallel "x;id", parallel's shell runs id)
 * fired at a317081 and passes at e38b08d; review22's first round had
 * only the spaced form (`x\; id`, still blocked). Run here: `parallel
 * echo x\;touch F ::: a` made F (GNU parallel 20221122). */
#include "agent_shell_test.h"

static void a_one_word_escaped_separator_in_parallels_template_fires(void **state)
{
	static const char *const lines[][3] = {
	    {"parallel echo ", "x\\;id", " ::: a b"},  {"parallel gzip ", "-9\\;id", " ::: *.log"},
	    {"parallel echo ", "x\\;id\\;", " ::: a"}, {"parallel echo ", "x\\&id", " ::: a"},
	    {"parallel echo ", "x\\|id", " ::: a"},    {"parallel echo ", "x\\&\\&id", " ::: a"},
	};
	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_one_word_escaped_separator_in_parallels_template_fires),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
