/* The build-time check of the prompt scorer's tables (agent.mk runs it
 * after archiving libmoatagent.a and fails the build when it fails): the
 * lexicon, the word lists and the phrase patterns are C strings that
 * ma_pr_lex_init parses once, at run time; a malformed one (a word-list
 * word longer than 255 bytes, a stem of one byte, a table over its size)
 * made the build fail silently there and the scorer score by its other
 * features only. Prints why and exits 1; 0 and nothing when they build. */
#include "ma_prompt.h"

#include <stdio.h>

int main(void)
{
	const char *why;

	if (ma_pr_lex_init() == 0)
		return 0;
	why = ma_pr_lex_error();
	fprintf(stderr, "prompt_lexcheck: the prompt scorer's tables do not build: %s\n",
	        why && why[0] ? why : "(no reason recorded)");
	return 1;
}
