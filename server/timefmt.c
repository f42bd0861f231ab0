/*
 * timefmt.c — see timefmt.h.
 */
#include "timefmt.h"
#include "err.h"

#include <ctype.h>
#include <string.h>
#include <time.h>

int64_t timefmt_now(void) { return (int64_t)time(NULL); }

int64_t timefmt_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void timefmt_rfc3339(int64_t t, char out[TIMEFMT_LEN])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, TIMEFMT_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int timefmt_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return MOAT_EINVALID;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return MOAT_OK;
}

int timefmt_parse(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0;
	struct tm tm;
	const char *p;
	int64_t t;

	if (strlen(s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
	    s[13] != ':' || s[16] != ':')
		return MOAT_EINVALID;
	if (timefmt_digits(s, 4, &y) || timefmt_digits(s + 5, 2, &mo) ||
	    timefmt_digits(s + 8, 2, &d) || timefmt_digits(s + 11, 2, &h) ||
	    timefmt_digits(s + 14, 2, &mi) || timefmt_digits(s + 17, 2, &sec))
		return MOAT_EINVALID;
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 60)
		return MOAT_EINVALID;
	p = s + 19;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return MOAT_EINVALID;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1;
		if (strlen(p) != 6 || p[3] != ':' || timefmt_digits(p + 1, 2, &oh) ||
		    timefmt_digits(p + 4, 2, &om) || oh > 23 || om > 59)
			return MOAT_EINVALID;
		oh *= sign;
		om *= sign;
		p += 6;
	} else {
		return MOAT_EINVALID;
	}
	if (*p)
		return MOAT_EINVALID;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = (int64_t)timegm(&tm);
	/* timegm normalises 31 February into March: refuse such dates */
	{
		time_t back = (time_t)t;
		struct tm chk;
		gmtime_r(&back, &chk);
		if (chk.tm_mday != d && sec != 60)
			return MOAT_EINVALID;
	}
	*out = t - (int64_t)oh * 3600 - (int64_t)om * 60;
	return MOAT_OK;
}
