/* review24 (session 32), round h on main fb8d351: shell. An input that
 * starts a comment (`#` at a word's start) before the application's own
 * words cuts them off -- the shell twin of sql's comment truncation,
 * which the sql check fires on. Each line below is allowed on fb8d351:
 *
 *   rm -rf /srv/app/users/ + " #" + /tmp/(star)  ->  rm -rf /srv/app/users/
 *     (every user's data instead of one user's tmp; run here: sh -c
 *     'rm -rf /tmp/rv24/users/ #/tmp/(star)' removed the whole directory)
 *   rm -rf '/srv/app/users/ + "' #" + /tmp'  (the quote closed first)
 *   chmod -R 700 /srv/share/ + "x #" + /private  (the whole share)
 *   rsync -a --delete /srv/empty/ /srv/sites/ + " #" + site42/  (every site)
 *
 * Twins that stay allowed: a `#` inside a word ("C#", "issue#42"), and a
 * comment after which the application wrote nothing ("echo hi " + "#1 fan").
 */
#include "agent_shell_test.h"

static void a_comment_that_cuts_the_applications_words_fires(void **state)
{
	static const char *const lines[][3] = {
	    {"rm -rf /srv/app/users/", " #", "/tmp/*"},
	    {"rm -rf /srv/app/users/", "42 #", "/tmp/*"},
	    {"rm -rf '/srv/app/users/", "' #", "/tmp'"},
	    {"chmod -R 700 /srv/share/", "x #", "/private"},
	    {"rsync -a --delete /srv/empty/ /srv/sites/", " #", "site42/"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

static void a_hash_in_a_word_or_at_the_end_is_allowed(void **state)
{
	static const char *const lines[][3] = {
	    {"echo hi ", "#1 fan", ""},
	    {"grep -r '", "C#", "' /srv/docs"},
	    {"mkdir -p /srv/app/users/", "issue#42", "/tmp"},
	    {"echo '", "# heading", "' >> /srv/notes.md"},
	};

	(void)state;
	all_pass(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_comment_that_cuts_the_applications_words_fires),
	    cmocka_unit_test(a_hash_in_a_word_or_at_the_end_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
