/* libmoatagent: test_agent_sql_attempt.c's comparison with the byte loop
 * for the pre-scan built without SSE2 (MA_SQL_SWAR: eight bytes at a time
 * in a register), the build of every other CPU. ma_sql.c is compiled
 * here, so libmoatagent's copy is not linked. */
#define MA_SQL_SWAR 1
#include "test_agent_sql_attempt.c"
