/* libFuzzer: the POSIX sh tokenizer of libmoatagent and the
 * command_injection check on top of it. Elements come in order, inside the
 * line and without overlap, and so in every next window of a long line,
 * each starting further; marks stay inside the line; the analysis of
 * any span and a whole check (sh -c string and argv) with a slice of the
 * line as the user's input end without a memory error, and a block always
 * has its event; so does the argv check of the argv the input spells out
 * (fuzz_argv_elements: the seeds name psql, mysql, sqlite3, the
 * interpreters, env -S, ssh, git, docker, podman and kubectl). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ma_int.h"
#include "ma_shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The argv check on an argv the fuzz input spells out, laid out as
 * diff_shell.c reads it (so one seed serves both): 7 control bytes, then
 * the elements separated by newlines (at most 64); data[0] % 3 + 1 user
 * inputs, input k the slice of the elements' text that starts at
 * data[1 + 2k] and is 1 + data[2 + 2k] bytes long (from 250 on, to the
 * end). Every element is a heap block of its own, and the array holds
 * exactly argc pointers with no NULL after them (data[0] & 64 clear), so
 * a read past an element or past argv[argc - 1] is an ASan report; with
 * data[0] & 64 set, the array ends in NULL and argc is -1. */
static void fuzz_argv_elements(const struct moat_policy *policy, const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + 7, *start = s;
	size_t n = size - 7;
	char *el[64];
	const char **argv;
	int argc = 0, nin = 1 + data[0] % 3, terminated = (data[0] & 64) != 0;
	struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
	struct moat_request *r;

	for (size_t i = 0; i <= n && argc < 64; i++)
		if (i == n || s[i] == '\n') {
			size_t l = (size_t)(s + i - start);
			el[argc] = malloc(l + 1);
			if (!el[argc])
				break;
			memcpy(el[argc], start, l);
			el[argc++][l] = '\0';
			start = s + i + 1;
		}
	argv = malloc(sizeof *argv * (size_t)(argc + terminated));
	if (argv && argc > 0 && moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW) {
		for (int k = 0; k < nin; k++) {
			size_t a = data[1 + 2 * k] % n, l = 1 + data[2 + 2 * k] % (n - a);
			if (data[2 + 2 * k] >= 250)
				l = n - a;
			moat_request_add_input(r, MOAT_INPUT_QUERY, k ? "q2" : "q", s + a, l);
		}
		for (int i = 0; i < argc; i++)
			argv[i] = el[i];
		if (terminated)
			argv[argc] = NULL;
		if (moat_check_argv(r, argv, terminated ? -1 : argc) == MOAT_BLOCK &&
		    !moat_request_event(r))
			abort(); /* a block always has its event */
		moat_request_end(r);
	}
	free(argv);
	for (int i = 0; i < argc; i++)
		free(el[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct moat_policy *policy;
	static struct ma_sh_lex lx;
	const char *s = (const char *)data;
	uint32_t last = 0;

	if (!policy)
		policy = moat_policy_parse(
		    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	ma_sh_lex(s, size, &lx);
	for (int i = 0; i < lx.nel; i++) {
		if (lx.el[i].start < last || lx.el[i].end < lx.el[i].start || lx.el[i].end > size)
			abort();
		last = lx.el[i].end;
	}
	for (int i = 0; i < lx.nmark; i++)
		if (lx.mark[i].end < lx.mark[i].start || lx.mark[i].end > size)
			abort();
	(void)ma_sh_valid(&lx);
	{ /* the windows of a long line: ordered, each further than the last */
		int valid = ma_sh_valid(&lx), n = 0;
		size_t from = lx.from;
		while (!lx.complete && ma_sh_lex_next(s, size, &lx)) {
			if (lx.from <= from || ma_sh_valid(&lx) != valid || ++n > (int)size + 1)
				abort();
			from = lx.from;
			last = 0;
			for (int i = 0; i < lx.nel; i++) {
				if (lx.el[i].start < last || lx.el[i].end <= lx.from ||
				    lx.el[i].end > size)
					abort();
				last = lx.el[i].end;
			}
		}
		ma_sh_lex(s, size, &lx);
	}
	if (size >= 2) {
		struct ma_sh_hit hit;
		size_t a = data[0] % size, b = a + 1 + data[size - 1] % (size - a);
		ma_sh_analyse(s, size, &lx, a, b, &hit);
		if (hit.fired && (!hit.spans || !hit.rule))
			abort();
	}
	if (size >= 4) {
		struct moat_request_info ri = {.endpoint = "/f", .policy = policy};
		struct moat_request *r;
		size_t a = data[1] % size, n = 1 + data[2] % (size - a);
		if (moat_request_begin(NULL, &ri, &r) == MOAT_ALLOW) {
			char *z = malloc(size + 1);
			moat_request_add_input(r, MOAT_INPUT_QUERY, "q", s + a, n);
			if (moat_check_shell(r, s, size) == MOAT_BLOCK && !moat_request_event(r))
				abort(); /* a block always has its event */
			if (z) {
				const char *argv[] = {"sh", "-c", z, z, NULL};
				memcpy(z, s, size);
				z[size] = '\0';
				if (moat_check_argv(r, argv, -1) == MOAT_BLOCK &&
				    !moat_request_event(r))
					abort();
				argv[0] = z;
				(void)moat_check_argv(r, argv, 4);
				/* the programs whose options, values, scripts or
				 * remote command the argv check reads */
				static const char *const progs[] = {
				    "curl",    "ssh",     "sed",   "wget",  "tar",
				    "gawk",    "python3", "perl",  "node",  "php",
				    "ruby",    "vim",     "git",   "rsync", "docker",
				    "kubectl", "find",    "watch", "flock", "su"};
				static const char *const opts[] = {
				    "-e", "-c", "-o", "-r", "-m", "--cmd", "-f",    "exec",
				    "-x", "-b", "-u", "-S", "-I", "-F",    "-exec", "--rsh"};
				argv[0] = progs[data[3] % 20];
				argv[1] = data[3] & 16 ? opts[data[2] % 16] : z;
				(void)moat_check_argv(r, argv, 4);
				free(z);
			}
			moat_request_end(r);
		}
	}
	if (size >= 8)
		fuzz_argv_elements(policy, data, size);
	return 0;
}
