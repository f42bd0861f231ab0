/*
 * convert.c — POST /convert (form: image=clock.gif), the image converter's
 * first step: it asks file(1) what the uploaded image is, through a shell
 * command line with the name pasted in: a command injection on purpose
 * (clock.gif;id, $(id), `id`, |id, a newline ...). The fix: no shell (an
 * argv array), or a name checked against the directory's listing.
 * moat_check_shell() judges the exact line with the request's inputs just
 * before it runs.
 *
 * The command runs as `sh -c LINE` in its own process group with
 * /dev/null as input; its output (stdout and stderr, at most 16 KiB) is
 * read for at most shop_cfg.command_ms, then the group is killed: a
 * `sleep 100` payload costs a bounded time, and nothing is left running.
 *
 * Threads: a pool thread. fork() in a threaded process: the child only
 * calls async-signal-safe functions before exec.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "shop.h"

#define CONVERT_OUT_MAX (16 * 1024)

static long long convert_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Runs cmd with sh -c; its output into out (cap bytes, NUL-terminated).
 * The output's length, or -1 when it could not start. *timed_out is set
 * when it was killed at the deadline. */
static ssize_t convert_run(const char *cmd, char *out, size_t cap, int *timed_out)
{
	int p[2], devnull, status;
	pid_t pid;
	size_t got = 0;
	long long deadline = convert_now_ms() + shop_cfg.command_ms;
	sigset_t none;

	*timed_out = 0;
	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	sigemptyset(&none);
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		if (devnull >= 0)
			close(devnull);
		return -1;
	}
	if (pid == 0) {
		/* the child: async-signal-safe calls only */
		setpgid(0, 0);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		if (devnull >= 0)
			dup2(devnull, 0);
		dup2(p[1], 1);
		dup2(p[1], 2);
		close_range(3, ~0u, 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	setpgid(pid, pid); /* either side may win the race; both set it */
	close(p[1]);
	if (devnull >= 0)
		close(devnull);
	for (;;) {
		struct pollfd pfd = {.fd = p[0], .events = POLLIN};
		long long left = deadline - convert_now_ms();
		ssize_t k;

		if (left <= 0) {
			*timed_out = 1;
			break;
		}
		if (poll(&pfd, 1, (int)left) <= 0) {
			if (errno == EINTR)
				continue;
			*timed_out = 1;
			break;
		}
		if (got + 1 >= cap)
			break;
		k = read(p[0], out + got, cap - 1 - got);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(p[0]);
	out[got] = '\0';
	/* whatever is still running in its group (a background job, a sleep) ends now */
	kill(-pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return (ssize_t)got;
}

enum MHD_Result convert_handle(struct shop_req *r)
{
	const char *image = http_form(r, "image", NULL);
	char cmd[PATH_MAX + 1024], out[CONVERT_OUT_MAX];
	int n, timed_out;
	ssize_t got;

	if (!image || !*image)
		return http_error(r, 400, "give the image's name");
	n = snprintf(cmd, sizeof cmd, "file -b '%s'/%s", shop_cfg.images, image);
	if (n < 0 || (size_t)n >= sizeof cmd)
		return http_error(r, 414, "image name too long");
	/* the exact command line about to run, with this request's inputs */
	if (moat_check_shell(r->mr, cmd, (size_t)n) == MOAT_BLOCK)
		return http_blocked(r);
	got = convert_run(cmd, out, sizeof out, &timed_out);
	if (got < 0)
		return http_error(r, 500, "cannot run the converter");
	if (!http_utf8_ok(out, (size_t)got))
		return http_error(r, 502, "the converter wrote something that is not text");
	return http_json(r, 200,
	                 json_pack("{ss ss% sb}", "image", image, "info", out, (size_t)got,
	                           "timed_out", timed_out));
}
