/*
 * clock.c — CLOCK_MONOTONIC for bench/fanout/run.sh, read as close as
 * possible to the moment a push starts or a command finishes.
 *
 *   fanout-clock                      print CLOCK_MONOTONIC in nanoseconds
 *   fanout-clock -o FILE -w LINE      read the clock, then write LINE and a
 *                                     newline to stdout in one write(2); the
 *                                     time goes to FILE
 *   fanout-clock -o FILE CMD [ARG...] run CMD (stdin, stdout and stderr
 *                                     inherited); the moment it exits, read
 *                                     the clock and write it to FILE; exit
 *                                     with CMD's status
 *
 * The benchmark times the floor from the moment the push command is
 * handed over (-w, stdout is the floor's stdin; read before the write,
 * because on a busy machine the woken floor and loadgen can run before
 * the writer reads a clock after it) and moatd from "the PUT's response"
 * (CMD is curl; the clock is read as soon as waitpid returns, 0.4-0.7 ms
 * after moatd sent the response on this machine, curl's exit included).
 * `curl ...; ns=$(fanout-clock)` would add a shell fork and an exec (about
 * a millisecond, more on a busy machine), and a python3 start (over 100 ms
 * here) would make the numbers meaningless. moat-loadgen reads the same
 * clock on the same host.
 *
 * Single-threaded; owns nothing beyond main.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static long long clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Writes ns to path. 0, or 2 on failure. */
static int clock_save(const char *path, long long ns)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		return 2;
	}
	fprintf(f, "%lld\n", ns);
	return fclose(f) == 0 ? 0 : 2;
}

/* The -w form: the clock, then line and a newline in one write. */
static int clock_write_line(const char *path, const char *line)
{
	char buf[4200];
	int n = snprintf(buf, sizeof buf, "%s\n", line);
	long long ns;

	if (n < 0 || (size_t)n >= sizeof buf) {
		fprintf(stderr, "fanout-clock: line too long\n");
		return 2;
	}
	ns = clock_ns();
	if (write(STDOUT_FILENO, buf, (size_t)n) != n) {
		perror("fanout-clock: write");
		return 2;
	}
	return clock_save(path, ns);
}

int main(int argc, char **argv)
{
	pid_t pid;
	int status = 0, rc;
	long long ns;

	if (argc == 1) {
		printf("%lld\n", clock_ns());
		return 0;
	}
	if (argc < 4 || strcmp(argv[1], "-o") != 0) {
		fprintf(stderr, "usage: fanout-clock | fanout-clock -o FILE -w LINE\n"
		                "     | fanout-clock -o FILE CMD [ARG...]\n");
		return 2;
	}
	if (argc == 5 && !strcmp(argv[3], "-w"))
		return clock_write_line(argv[2], argv[4]);
	rc = posix_spawnp(&pid, argv[3], NULL, NULL, &argv[3], environ);
	if (rc != 0) {
		fprintf(stderr, "fanout-clock: cannot run %s: %s\n", argv[3], strerror(rc));
		return 127;
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			perror("fanout-clock: waitpid");
			return 2;
		}
	}
	ns = clock_ns();
	if (clock_save(argv[2], ns))
		return 2;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
