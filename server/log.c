/*
 * log.c — one logfmt line per event on stderr. Any thread; each line is a
 * single write(2) so lines from different threads never interleave.
 */
#include "log.h"
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int log_min_level = LOG_INFO;

static const char *log_names[] = {"debug", "info", "warn", "error"};

int log_level_parse(const char *s, int *out)
{
	for (int i = 0; i < 4; i++) {
		if (strcmp(s, log_names[i]) == 0) {
			*out = i;
			return MOAT_OK;
		}
	}
	return MOAT_EINVALID;
}

void log_write(int level, const char *fmt, ...)
{
	char line[2048];
	struct timespec ts;
	struct tm tm;
	size_t n;
	va_list ap;
	int w;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(line, sizeof line, "ts=%Y-%m-%dT%H:%M:%S", &tm);
	w = snprintf(line + n, sizeof line - n, ".%03ldZ level=%s ", ts.tv_nsec / 1000000,
	             log_names[level < 0 || level > 3 ? 3 : level]);
	if (w > 0)
		n += (size_t)w;
	va_start(ap, fmt);
	w = vsnprintf(line + n, sizeof line - n - 1, fmt, ap);
	va_end(ap);
	if (w < 0)
		w = 0;
	n += (size_t)w;
	if (n > sizeof line - 2)
		n = sizeof line - 2;
	line[n++] = '\n';
	if (write(STDERR_FILENO, line, n) < 0) {
		/* nowhere left to report it */
	}
}

char *log_quote(char *out, size_t cap, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	if (cap < 8) {
		if (cap)
			out[0] = '\0';
		return out;
	}
	out[o++] = '"';
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (o + 8 >= cap) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20 || c >= 0x7f) {
			/* control bytes and everything above ASCII (UTF-8 or not):
			 * the line stays ASCII, so valid UTF-8 whatever came in */
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		} else {
			out[o++] = (char)c;
		}
	}
	out[o++] = '"';
	out[o] = '\0';
	return out;
}

char *log_word(char *out, size_t cap, const char *s)
{
	size_t n = 0;

	for (; s[n]; n++) {
		unsigned char c = (unsigned char)s[n];
		if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '=')
			return log_quote(out, cap, s);
	}
	if (n == 0 || n >= cap)
		return log_quote(out, cap, s);
	memcpy(out, s, n + 1);
	return out;
}
