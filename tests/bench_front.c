/* bench_front.c - `make bench`: the YAML front end against raw libyaml.
 *
 * Reads one file and, in the same process, times (a) libyaml's event parser
 * alone, the floor any libyaml-based front end pays, and (b) the whole load
 * of a roadmap: front end, schema and resolve, then the checks. Prints the
 * ratios, which mean more than the seconds on a shared machine. */
#include "catalog.h"
#include "check.h"
#include "front_yaml.h"
#include "resolve.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <yaml.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double raw_libyaml(const char *text, size_t len, size_t *events)
{
	yaml_parser_t p;
	yaml_event_t ev;
	double t0 = now();
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
	return now() - t0;
}

static double ours(const char *path, const char *text, size_t len, const Catalog *cat,
		   bool checks, size_t *ndiags)
{
	Arena a;
	DiagList dl;
	SrcFile sf;
	Limits lim = limits_default();
	lim.max_file_size = (size_t)1 << 30;
	lim.max_nodes = (size_t)1 << 30;
	double t0 = now();
	arena_init(&a);
	diag_init(&dl, &a);
	srcfile_init(&sf, &a, path, text, len);
	FrontResult fr;
	CheckRegistry reg;
	registry_init(&reg, &a);
	check_register_builtins(&reg);
	if (front_yaml_parse(&sf, &lim, &a, &dl, &fr) == 0) {
		Roadmap *rm = schema_build(fr.root, &sf, &a, &dl);
		if (rm) {
			resolve_roadmap(rm, cat, &reg, &a, &dl);
			if (checks && !diag_has_errors(&dl)) {
				CheckConfig cfg = { NULL, 0, 20780 };
				check_run(rm, &reg, &cfg, &dl);
				(void)model_coverage(rm);
			}
		}
	}
	*ndiags = dl.n;
	arena_free(&a);
	return now() - t0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_front FILE.yaml\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *text = malloc((size_t)size + 1);
	if (!text || fread(text, 1, (size_t)size, f) != (size_t)size)
		return 2;
	fclose(f);

	Arena ca;
	Catalog cat;
	DiagList cdl;
	arena_init(&ca);
	diag_init(&cdl, &ca);
	if (catalog_load(&cat, &ca, NULL, 0, &cdl) != 0)
		return 2;

	size_t events, nd1, nd2;
	double best_raw = 1e9, best_front = 1e9, best_all = 1e9;
	for (int i = 0; i < 3; i++) {   /* best of three, all in one process */
		double r = raw_libyaml(text, (size_t)size, &events);
		double fr = ours(argv[1], text, (size_t)size, &cat, false, &nd1);
		double al = ours(argv[1], text, (size_t)size, &cat, true, &nd2);
		best_raw = r < best_raw ? r : best_raw;
		best_front = fr < best_front ? fr : best_front;
		best_all = al < best_all ? al : best_all;
	}
	printf("input: %s, %ld bytes, %zu libyaml events, %zu diagnostics\n", argv[1], size, events, nd2);
	printf("raw libyaml events:          %8.3f s  (%.1f MB/s)\n", best_raw, (double)size / 1e6 / best_raw);
	printf("load (front end+schema):     %8.3f s  ratio %.2fx libyaml\n", best_front, best_front / best_raw);
	printf("load + checks + coverage:    %8.3f s  ratio %.2fx libyaml\n", best_all, best_all / best_raw);
	arena_free(&ca);
	free(text);
	return 0;
}
