/* bench_front.c - `make bench`'s measuring tool: the parser floor and our runs.
 *
 *   bench_front parse FILE        CPU seconds of libyaml's bare event parse
 *                                 of FILE, read into memory first (best of 5),
 *                                 then the number of events
 *   bench_front run CMD ARG...    runs CMD (best of 3), its output to /dev/null:
 *                                 CPU seconds (user + system) and peak
 *                                 resident KB of the run
 *   bench_front phases FILE       in one process, the share of each phase
 *                                 (front end, schema and resolve, checks)
 *                                 and the arena memory each one adds
 *
 * The runs are forked from this small process, not from a script, so that
 * their peak memory is their own. Times are CPU time, which a busy machine
 * disturbs far less than wall-clock time; tests/bench.sh turns them into
 * ratios. */
#define _DEFAULT_SOURCE          /* wait4 */

#include "catalog.h"
#include "check.h"
#include "front_yaml.h"
#include "resolve.h"
#include "schema.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *text = malloc((size_t)size + 1);
	if (!text || fread(text, 1, (size_t)size, f) != (size_t)size)
		exit(2);
	fclose(f);
	text[size] = '\0';
	*len = (size_t)size;
	return text;
}

/* libyaml's event parser alone over text in memory: the floor any
 * libyaml-based front end pays. */
static double bare_parse(const char *text, size_t len, size_t *events)
{
	yaml_parser_t p;
	yaml_event_t ev;
	double t0 = cpu_now();
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	*events = 0;
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			break;
		int end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		++*events;
		if (end)
			break;
	}
	yaml_parser_delete(&p);
	return cpu_now() - t0;
}

static int cmd_parse(const char *path)
{
	size_t len, events = 0;
	char *text = read_file(path, &len);
	double best = 1e9;
	for (int i = 0; i < 5; i++) {
		double t = bare_parse(text, len, &events);
		best = t < best ? t : best;
	}
	printf("%.4f %zu\n", best, events);
	free(text);
	return 0;
}

static int cmd_run(char **argv)
{
	double best = 1e9;
	long peak = 0;
	for (int i = 0; i < 3; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, STDOUT_FILENO);      /* the measures are ours to print */
			execv(argv[0], argv);
			_exit(127);
		}
		int status;
		struct rusage ru;
		if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
			fprintf(stderr, "bench_front: %s did not run cleanly\n", argv[0]);
			return 2;
		}
		double t = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
			   (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		best = t < best ? t : best;
		peak = ru.ru_maxrss > peak ? ru.ru_maxrss : peak;
	}
	printf("%.4f %ld\n", best, peak);
	return 0;
}

/* The phases in one process: where the time of `check` goes. */
static int cmd_phases(const char *path)
{
	size_t len, events;
	char *text = read_file(path, &len);
	Arena ca;
	Catalog cat;
	DiagList cdl;
	arena_init(&ca);
	diag_init(&cdl, &ca);
	if (catalog_load(&cat, &ca, NULL, 0, &cdl) != 0)
		return 2;
	double t[4] = { 1e9, 1e9, 1e9, 1e9 };
	size_t mem[3];          /* arena bytes after each phase (the same each time) */
	for (int i = 0; i < 3; i++) {
		Arena a;
		DiagList dl;
		SrcFile sf;
		Limits lim = limits_default();
		lim.max_file_size = lim.max_nodes = (size_t)1 << 40;
		CheckRegistry reg;
		double t0 = cpu_now();
		arena_init(&a);
		diag_init(&dl, &a);
		registry_init(&reg, &a);
		check_register_builtins(&reg);
		srcfile_init(&sf, &a, path, text, len);
		FrontResult fr;
		int rc = front_yaml_parse(&sf, &lim, &a, &dl, &fr);
		double t1 = cpu_now();
		mem[0] = a.total;
		Roadmap *rm = rc == 0 ? schema_build(fr.root, &sf, &a, &dl) : NULL;
		if (rm)
			resolve_roadmap(rm, &cat, &reg, &a, &dl);
		double t2 = cpu_now();
		mem[1] = a.total;
		if (rm && !diag_has_errors(&dl)) {
			CheckConfig cfg = { NULL, 0, 20780, NULL, NULL };
			check_run(rm, &reg, &cfg, &dl);
			(void)model_coverage(rm);
			diag_sort(&dl);
		}
		double t3 = cpu_now();
		mem[2] = a.total;
		arena_free(&a);
		double d[4] = { t1 - t0, t2 - t1, t3 - t2, t3 - t0 };
		for (int k = 0; k < 4; k++)
			t[k] = d[k] < t[k] ? d[k] : t[k];
	}
	double bare = bare_parse(text, len, &events);
	printf("front end %.3f s, schema and resolve %.3f s, checks %.3f s; all %.2fx the bare parse;"
	       " arena: tree %.0f MB, model %.0f MB, findings %.0f MB (file %.0f MB)\n",
	       t[0], t[1], t[2], t[3] / bare, mem[0] / 1e6, (mem[1] - mem[0]) / 1e6,
	       (mem[2] - mem[1]) / 1e6, len / 1e6);
	arena_free(&ca);
	free(text);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "parse") == 0)
		return cmd_parse(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "run") == 0)
		return cmd_run(argv + 2);
	if (argc >= 3 && strcmp(argv[1], "phases") == 0)
		return cmd_phases(argv[2]);
	fprintf(stderr, "usage: bench_front parse FILE | run CMD ARG... | phases FILE\n");
	return 2;
}
