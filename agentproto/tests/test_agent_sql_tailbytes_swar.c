/* libmoatagent: test_agent_sql_tailbytes.c for the build without SSE2
 * (MA_SQL_SWAR: the reading a byte at a time), the build of every other
 * CPU. ma_sql.c is compiled here, so libmoatagent's copy is not linked. */
#define MA_SQL_SWAR 1
#include "test_agent_sql_tailbytes.c"
