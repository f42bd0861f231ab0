/* libmoatagent: test_agent_sql_lex.c's comparison with the reference for
 * the lexer built without SSE2 (MA_SQL_LEX_SWAR: literals' bodies read
 * eight bytes at a time in a register), the build of every other CPU.
 * The lexer's source is compiled here, so libmoatagent's copy is not
 * linked. */
#define MA_SQL_LEX_SWAR 1
#include "../lib/ma_sql_lex.c"

#include "test_agent_sql_lex.c"
