/*
 * timefmt.c — see timefmt.h.
 */
#include "timefmt.h"
#include "err.h"

#include <ctype.h>
#include <endian.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The test clock's offset, mapped from its file; NULL without one. */
static const int64_t *timefmt_offset;

int timefmt_test_clock(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	void *m;

	if (fd < 0)
		return MOAT_EIO;
	if (fstat(fd, &sb) || sb.st_size < (off_t)sizeof(int64_t)) {
		close(fd); /* shorter, a read of the mapping would fault */
		return MOAT_EIO;
	}
	m = mmap(NULL, sizeof(int64_t), PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return MOAT_EIO;
	timefmt_offset = m;
	return MOAT_OK;
}

int64_t timefmt_now(void)
{
	int64_t off = 0;

	if (timefmt_offset)
		off = (int64_t)le64toh((uint64_t)__atomic_load_n(timefmt_offset, __ATOMIC_RELAXED));
	return (int64_t)time(NULL) + off;
}

int64_t timefmt_now_ms(void)
{
	struct timespec ts;
	int64_t off = 0;

	if (timefmt_offset)
		off = (int64_t)le64toh((uint64_t)__atomic_load_n(timefmt_offset, __ATOMIC_RELAXED));
	clock_gettime(CLOCK_REALTIME, &ts);
	return ((int64_t)ts.tv_sec + off) * 1000 + ts.tv_nsec / 1000000;
}

int64_t timefmt_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm):
 * no locale, no time zone lock, so hot paths on many threads stay cheap. */
static void timefmt_civil(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void timefmt_rfc3339(int64_t t, char out[TIMEFMT_LEN])
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400, secs = t - days * 86400;
	int y, m, d;

	timefmt_civil(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		y = y < 0 ? 0 : 9999;
	}
	{
		/* digits by hand: this runs several times per API response */
		int v[6] = {y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60)};
		char *o = out;
		o[0] = (char)('0' + v[0] / 1000);
		o[1] = (char)('0' + v[0] / 100 % 10);
		o[2] = (char)('0' + v[0] / 10 % 10);
		o[3] = (char)('0' + v[0] % 10);
		o += 4;
		for (int i = 1; i < 6; i++) {
			*o++ = i == 1 || i == 2 ? '-' : i == 3 ? 'T' : ':';
			*o++ = (char)('0' + v[i] / 10);
			*o++ = (char)('0' + v[i] % 10);
		}
		*o++ = 'Z';
		*o = '\0';
	}
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

void timefmt_rfc3339_ms(int64_t ms, char out[TIMEFMT_MS_LEN])
{
	int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
	int frac = (int)(ms - secs * 1000);
	char base[TIMEFMT_LEN];

	timefmt_rfc3339(secs, base);
	memcpy(out, base, 19);
	out[19] = '.';
	out[20] = (char)('0' + frac / 100);
	out[21] = (char)('0' + frac / 10 % 10);
	out[22] = (char)('0' + frac % 10);
	out[23] = 'Z';
	out[24] = '\0';
}
