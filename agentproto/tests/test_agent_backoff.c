/* libmoatagent: the reconnect schedule — 0.5 s doubling to 30 s, each
 * delay within +-20 %, reset after a welcome, the maximum for closes that
 * must not hammer, and jitter that actually spreads agents apart. */
#include "agent_test.h"

static void delays_double_from_half_a_second_to_thirty_seconds_within_20_percent(void **state)
{
	static const int base[] = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};

	(void)state;
	for (uint64_t seed = 1; seed <= 200; seed++) {
		struct ma_backoff b;
		ma_backoff_init(&b, seed * 0x9E3779B97F4A7C15ULL);
		for (size_t i = 0; i < sizeof base / sizeof base[0]; i++) {
			int d = ma_backoff_next(&b);
			if (d < base[i] * 8 / 10 || d > base[i] * 12 / 10)
				fail_msg("seed %llu attempt %zu: %d ms, wanted %d +-20%%",
				         (unsigned long long)seed, i, d, base[i]);
		}
		for (int i = 0; i < 100; i++) {
			int d = ma_backoff_next(&b);
			assert_true(d >= 24000 && d <= 36000);
		}
	}
}

static void a_welcome_starts_the_schedule_again(void **state)
{
	struct ma_backoff b;

	(void)state;
	ma_backoff_init(&b, 42);
	for (int i = 0; i < 10; i++)
		ma_backoff_next(&b);
	ma_backoff_reset(&b);
	{
		int d = ma_backoff_next(&b);
		assert_true(d >= 400 && d <= 600);
	}
}

static void the_maximum_is_thirty_seconds_within_20_percent(void **state)
{
	struct ma_backoff b;
	int lo = 1 << 30, hi = 0;

	(void)state;
	ma_backoff_init(&b, 7);
	for (int i = 0; i < 10000; i++) {
		int d = ma_backoff_max(&b);
		assert_true(d >= 24000 && d <= 36000);
		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
	}
	/* the whole band is used, not a point in it */
	assert_true(lo < 24500 && hi > 35500);
}

static void jitter_spreads_a_crowd_of_agents(void **state)
{
	int buckets[9] = {0};

	(void)state;
	/* 1,000 agents cut off together, seeded as the library seeds them */
	for (int i = 0; i < 1000; i++) {
		struct ma_backoff b;
		uint64_t seed;
		int d;
		ma_random(&seed, sizeof seed);
		ma_backoff_init(&b, seed);
		d = ma_backoff_next(&b);
		assert_true(d >= 400 && d <= 600);
		buckets[(d - 400) * 8 / 200]++;
	}
	for (int i = 0; i < 8; i++)
		assert_true(buckets[i] > 60); /* ~125 each if uniform */
}

/* A zero seed would stick a xorshift at 0 (every delay exactly -20 %):
 * the delays drawn from it must still spread over the whole band. */
static void a_zero_seed_still_jitters(void **state)
{
	struct ma_backoff b;
	int lo = 1 << 30, hi = 0, distinct = 0;
	unsigned char seen[201] = {0};

	(void)state;
	ma_backoff_init(&b, 0);
	for (int i = 0; i < 1000; i++) {
		int d;
		ma_backoff_reset(&b);
		d = ma_backoff_next(&b);
		assert_true(d >= 400 && d <= 600);
		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
		if (!seen[d - 400]++)
			distinct++;
	}
	assert_true(lo < 410 && hi > 590);
	assert_true(distinct > 150); /* of 201 possible; ~198 if uniform */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(delays_double_from_half_a_second_to_thirty_seconds_within_20_percent),
	    cmocka_unit_test(a_welcome_starts_the_schedule_again),
	    cmocka_unit_test(the_maximum_is_thirty_seconds_within_20_percent),
	    cmocka_unit_test(jitter_spreads_a_crowd_of_agents),
	    cmocka_unit_test(a_zero_seed_still_jitters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
