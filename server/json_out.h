/*
 * json_out.h — serialises a jansson value into a struct buf, compact.
 *
 * Does what json_dumps(JSON_COMPACT) does for our responses, about four
 * times faster: strings in jansson are already valid UTF-8, so only quotes,
 * backslashes and control bytes need escaping (and "</" is written as
 * "<\/" so a response can never close a script element). Any thread.
 */
#ifndef MOAT_JSON_OUT_H
#define MOAT_JSON_OUT_H

#include <jansson.h>

#include "buf.h"

/* Appends v to b. MOAT_ETOOBIG when b's maximum is reached. */
int json_out(struct buf *b, const json_t *v);

#endif
