/* libFuzzer, differential: the command_injection check of this tree
 * beside another commit's (its ma_shell*.c files, every global renamed
 * old_*: scripts/fuzz_diff.sh shell builds it). For a change meant to
 * keep detection (a faster tokenizer, a name index): the command line is
 * the input after 7 control bytes (how many user inputs, 1 to 3, and
 * where each lies in the line, one of them sometimes to its end; and
 * whether the line is also split into an argv at its newlines); both
 * checks must give the same verdict, number of findings and event (rule,
 * severity, confidence, payload, details), for moat_check_shell and
 * moat_check_argv. A difference aborts with both sides printed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "diff_common.h"

int old_moat_check_shell_at(struct moat_request *r, const char *cmd, size_t len, const char *file,
                            int line, const char *function);
int old_moat_check_argv_at(struct moat_request *r, const char *const *argv, int argc,
                           const char *file, int line, const char *function);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	static char buf[8192];
	const char *s;
	size_t n;
	size_t ia[3], il[3];
	int nin, argv_too;
	struct moat_request *r1, *r2;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	if (size < 8 || size - 7 >= sizeof buf)
		return 0;
	nin = 1 + data[0] % 3;
	argv_too = (data[0] / 3) % 2;
	s = (const char *)data + 7;
	n = size - 7;
	diff_slices(data, n, ia, il);
	if (diff_begin(policy, s, ia, il, nin, &r1, 0))
		return 0;
	if (diff_begin(policy, s, ia, il, nin, &r2, 1))
		abort();
	diff_same_check("sh -c", r1, r2, moat_check_shell_at(r1, s, n, "f", 1, "fn"),
	                old_moat_check_shell_at(r2, s, n, "f", 1, "fn"));
	moat_request_end(r1);
	old_moat_request_end(r2);
	if (argv_too) { /* the line's newlines split it into arguments */
		const char *argv[65];
		int argc = 0;
		memcpy(buf, s, n);
		buf[n] = '\0';
		argv[argc++] = buf;
		for (size_t i = 0; i < n && argc < 64; i++)
			if (buf[i] == '\n') {
				buf[i] = '\0';
				argv[argc++] = buf + i + 1;
			}
		argv[argc] = NULL;
		if (diff_begin(policy, s, ia, il, nin, &r1, 0))
			return 0;
		if (diff_begin(policy, s, ia, il, nin, &r2, 1))
			abort();
		diff_same_check("argv", r1, r2, moat_check_argv_at(r1, argv, argc, "f", 1, "fn"),
		                old_moat_check_argv_at(r2, argv, argc, "f", 1, "fn"));
		moat_request_end(r1);
		old_moat_request_end(r2);
	}
	return 0;
}
