/* libmoatagent: test_agent_path_scan.c's comparisons with the byte loops
 * for ma_path.c built without SSE2 (MA_PATH_SWAR: eight bytes at a time in
 * a register, or byte loops), the build of every other CPU. ma_path.c is
 * compiled here, so libmoatagent's copy is not linked. */
#define MA_PATH_SWAR 1
#include "test_agent_path_scan.c"
