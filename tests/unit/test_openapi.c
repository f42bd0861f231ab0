/*
 * Every route the router knows is documented in api/openapi.yaml, and
 * every operation documented there is a route (the dashboard's static
 * paths "/" and "/{file}" aside). The YAML is read line by line: paths at
 * two spaces of indent, operations at four (a format rule of the file).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

#define MAX_OPS 256

struct op {
	char method[8];
	char path[160];
	int seen;
};

static struct op ops[MAX_OPS];
static int nops;

static const char *method_name(int m)
{
	switch (m) {
	case HM_GET:
		return "GET";
	case HM_HEAD:
		return "HEAD";
	case HM_POST:
		return "POST";
	case HM_PUT:
		return "PUT";
	case HM_PATCH:
		return "PATCH";
	default:
		return "DELETE";
	}
}

static int load_openapi(void **state)
{
	const char *dir = getenv("MOAT_SOURCE_DIR");
	char file[512], line[512], path[160] = "";
	int in_paths = 0;
	FILE *f;

	(void)state;
	snprintf(file, sizeof file, "%s/api/openapi.yaml", dir ? dir : ".");
	f = fopen(file, "r");
	if (!f) {
		fprintf(stderr, "cannot open %s (set MOAT_SOURCE_DIR)\n", file);
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!strcmp(line, "paths:")) {
			in_paths = 1;
			continue;
		}
		if (in_paths && line[0] && line[0] != ' ' && line[0] != '#')
			in_paths = 0;
		if (!in_paths)
			continue;
		if (!strncmp(line, "  /", 3) && line[strlen(line) - 1] == ':') {
			snprintf(path, sizeof path, "%.*s", (int)strlen(line) - 3, line + 2);
		} else if (!strncmp(line, "    ", 4) && line[4] != ' ' && path[0]) {
			static const char *ms[] = {"get", "head", "post", "put", "patch", "delete"};
			for (int i = 0; i < 6; i++) {
				size_t n = strlen(ms[i]);
				if (!strncmp(line + 4, ms[i], n) && line[4 + n] == ':' &&
				    nops < MAX_OPS) {
					for (size_t k = 0; k < n; k++)
						ops[nops].method[k] = (char)(ms[i][k] - 32);
					snprintf(ops[nops].path, sizeof ops[nops].path, "%s", path);
					nops++;
				}
			}
		}
	}
	fclose(f);
	return nops > 0 ? 0 : -1;
}

static void every_route_is_documented(void **state)
{
	int missing = 0;

	(void)state;
	for (int i = 0; i < http_route_count; i++) {
		int found = 0;
		for (int k = 0; k < nops; k++) {
			if (!strcmp(ops[k].path, http_routes[i].pattern) &&
			    !strcmp(ops[k].method, method_name(http_routes[i].method))) {
				found = 1;
				ops[k].seen = 1;
			}
		}
		if (!found) {
			fprintf(stderr, "not in openapi.yaml: %s %s\n",
			        method_name(http_routes[i].method), http_routes[i].pattern);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
}

static void every_documented_operation_is_a_route(void **state)
{
	int extra = 0;

	(void)state;
	for (int k = 0; k < nops; k++) {
		int found = 0;
		if (!strcmp(ops[k].path, "/") || !strcmp(ops[k].path, "/{file}") ||
		    !strcmp(ops[k].path, HTTP_STATIC_CHART_URL))
			continue; /* the dashboard's static files, the chart library */
		for (int i = 0; i < http_route_count; i++)
			if (!strcmp(ops[k].path, http_routes[i].pattern) &&
			    (!strcmp(ops[k].method, method_name(http_routes[i].method)) ||
			     (!strcmp(ops[k].method, "HEAD") && http_routes[i].method == HM_GET)))
				found = 1;
		if (!found) {
			fprintf(stderr, "documented but not routed: %s %s\n", ops[k].method,
			        ops[k].path);
			extra++;
		}
	}
	assert_int_equal(extra, 0);
}

/* 8.27: the server answers HEAD wherever it answers GET (http_route_match),
 * so the contract documents a head operation beside every get. */
static void every_get_route_documents_head(void **state)
{
	int missing = 0;

	(void)state;
	for (int i = 0; i < http_route_count; i++) {
		int found = 0;
		if (http_routes[i].method != HM_GET)
			continue;
		for (int k = 0; k < nops; k++)
			if (!strcmp(ops[k].path, http_routes[i].pattern) &&
			    !strcmp(ops[k].method, "HEAD"))
				found = 1;
		if (!found) {
			fprintf(stderr, "no HEAD in openapi.yaml: %s\n", http_routes[i].pattern);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
}

/* 8.27: 405 is documented as a response (with Allow), which the contract's
 * conventions apply to a method that no operation of a path has. */
static void method_not_allowed_is_documented(void **state)
{
	const char *dir = getenv("MOAT_SOURCE_DIR");
	char file[512], line[512];
	int in_component = 0, has_allow = 0, convention = 0;
	FILE *f;

	(void)state;
	snprintf(file, sizeof file, "%s/api/openapi.yaml", dir ? dir : ".");
	f = fopen(file, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		if (strstr(line, "#/components/responses/MethodNotAllowed"))
			convention = 1;
		if (!strcmp(line, "    MethodNotAllowed:\n")) {
			in_component = 1;
			continue;
		}
		if (in_component && !strncmp(line, "    ", 4) && line[4] != ' ')
			in_component = 0;
		if (in_component && strstr(line, "        Allow:"))
			has_allow = 1;
	}
	fclose(f);
	assert_true(has_allow);
	assert_true(convention);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_route_is_documented),
	    cmocka_unit_test(every_documented_operation_is_a_route),
	    cmocka_unit_test(every_get_route_documents_head),
	    cmocka_unit_test(method_not_allowed_is_documented),
	};
	return cmocka_run_group_tests_name("openapi", tests, load_openapi, NULL);
}
