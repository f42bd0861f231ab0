/*
 * log.h — logfmt lines on stderr.
 *
 * LOG(level, fmt, ...) checks the level before formatting, then writes one
 * line: `ts=... level=info msg=... key=value ...`. Callers pass key=value
 * pairs in fmt; values that may hold attacker text must go through
 * log_quote() (which escapes quotes, backslashes and control bytes).
 * Thread-safe: one write(2) per line. Never log a secret.
 */
#ifndef MOAT_LOG_H
#define MOAT_LOG_H

#include <stddef.h>

enum log_level { LOG_DEBUG = 0, LOG_INFO, LOG_WARN, LOG_ERROR };

extern int log_min_level;

/* Parses "debug|info|warn|error"; returns 0 or MOAT_EINVALID. */
int log_level_parse(const char *s, int *out);

void log_write(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define LOG(level, ...)                                                                            \
	do {                                                                                       \
		if ((level) >= log_min_level)                                                      \
			log_write((level), __VA_ARGS__);                                           \
	} while (0)

/* Writes s as a quoted logfmt value into out (cap bytes, always
 * NUL-terminated, truncated with "..." when too long, never inside an
 * escape). Quotes and backslashes are escaped with a backslash, control
 * bytes and every byte >= 0x7f as \xNN, so the value is plain ASCII
 * whatever s holds (the line stays valid UTF-8). Returns out. */
char *log_quote(char *out, size_t cap, const char *s);
/* Writes s unquoted when it is a plain word (printable ASCII without
 * space, quote, backslash or '=') that fits, else as log_quote() does.
 * For values that are words in practice (an HTTP method). Returns out. */
char *log_word(char *out, size_t cap, const char *s);

#endif
