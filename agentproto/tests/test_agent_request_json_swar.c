/* libmoatagent: test_agent_request_json.c's comparisons for ma_request.c
 * built without SSE2 (MA_REQUEST_SWAR: eight bytes at a time in a
 * register, or byte loops), the build of every other CPU. ma_request.c is
 * compiled here, so libmoatagent's copy is not linked. */
#define MA_REQUEST_SWAR 1
#include "test_agent_request_json.c"
