/*
 * notify_test.c — the registered test sender (see notify_test.h). Set once
 * before the HTTP threads start, read-only afterwards.
 */
#include "notify_test.h"

#include <stdatomic.h>

static _Atomic(notify_test_fn) notify_test_sender;

void notify_test_set(notify_test_fn fn)
{
	atomic_store(&notify_test_sender, fn);
}

notify_test_fn notify_test_get(void)
{
	return atomic_load(&notify_test_sender);
}
