/*
 * bench/detect/promptml_score.c — the hand-written prompt scorer's score
 * (ma_prompt_score) of each NUL-terminated record on stdin, one "%.6f"
 * line per record on stdout, nothing else (no text is ever printed).
 * A driver for bench/detect/promptml.py's experiment.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ma_int.h"

int main(void)
{
	static char buf[1 << 20];
	size_t n = 0;
	int c;

	while ((c = getchar()) != EOF) {
		if (c) {
			if (n < sizeof buf)
				buf[n++] = (char)c;
			continue;
		}
		printf("%.6f\n", n ? ma_prompt_score(buf, n, NULL) : 0.0);
		n = 0;
	}
	return 0;
}
