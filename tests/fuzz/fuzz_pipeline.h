/* fuzz_pipeline.h - the whole pipeline on one fuzzed file, for every front end.
 *
 * A front end's fuzz target (fuzz_yaml.c, and one per further front end) is
 * one call of fuzz_pipeline() with a file name whose suffix picks the front
 * end. The input goes through driver_compile() (front end, schema,
 * resolve, checks, coverage), then through every report format of
 * report.c's table and, when it was checked, every per-roadmap output of
 * output.c's table (views in format dot, which needs no layout), so a
 * format or output added to a table is fuzzed without touching this file.
 * Everything is freed per input: LeakSanitizer sees any leak. */
#ifndef ROADMAPC_FUZZ_PIPELINE_H
#define ROADMAPC_FUZZ_PIPELINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "output.h"
#include "report.h"

/* The run's catalog and registry: loaded once, kept for the process. */
static Arena fuzz_arena;
static Catalog fuzz_catalog;
static CheckRegistry fuzz_registry;

static inline void fuzz_setup(void)
{
	static int ready;
	if (ready)
		return;
	ready = 1;
	DiagList dl;
	arena_init(&fuzz_arena);
	diag_init(&dl, &fuzz_arena);
	if (catalog_load(&fuzz_catalog, &fuzz_arena, NULL, 0, &dl) != 0)
		die("the embedded catalog does not load");
	driver_registry(&fuzz_registry, &fuzz_arena);
}

static inline RunOptions fuzz_options(void)
{
	RunOptions opt;
	memset(&opt, 0, sizeof opt);
	opt.fail_on = SEV_ERROR;
	opt.min_coverage = -1;
	opt.limits = limits_default();
	/* Small Lua budgets: an input that loops costs milliseconds. */
	opt.limits.max_lua_steps = 1000000;
	opt.limits.max_lua_memory = 16u * 1024 * 1024;
	opt.limits.max_lua_seconds = 1;
	/* A small error cap, so the path past it runs often. */
	opt.limits.max_errors = 20;
	opt.today = 20780;      /* 2026-11-23: content-stale fires on old dates */
	return opt;
}

/* "$TMPDIR/fuzz-NAME-PID": a scratch name of this process, in 'buf'. */
static inline const char *fuzz_scratch(const char *name, char *buf, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(buf, size, "%s/fuzz-%s-%ld", tmp && *tmp ? tmp : "/tmp", name, (long)getpid());
	return buf;
}

/* Every report format, then every per-roadmap output, of the units. */
static inline void fuzz_outputs(Unit *const *units, size_t n, const RunOptions *opt,
				const CheckRegistry *reg, bool color)
{
	CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today, &opt->limits, NULL };
	for (size_t f = 0; f < report_formats_len; f++) {
		ReportContext ctx = { .units = units, .nunits = n, .color = color, .checks = &cfg,
				      .registry = reg, .min_coverage = 900 };
		StrBuf out = STRBUF_INIT;
		report_formats[f].emit(&ctx, &out);
		strbuf_free(&out);
	}
	for (size_t u = 0; u < n; u++) {
		if (!units[u]->checked)
			continue;
		for (size_t k = 0; k < unit_outputs_len; k++) {
			const UnitOutput *o = &unit_outputs[k];
			StrBuf out = STRBUF_INIT, err = STRBUF_INIT, warnings = STRBUF_INIT;
			OutputContext ctx = { units[u], &cfg, reg, o->view ? "dot" : NULL, "fuzz", &warnings };
			o->emit(&ctx, &out, &err);
			strbuf_free(&out);
			strbuf_free(&err);
			strbuf_free(&warnings);
		}
	}
}

/* Compiles 'data' as the file 'name' and writes every output of it. */
static inline void fuzz_pipeline(const char *name, const uint8_t *data, size_t size)
{
	fuzz_setup();
	RunOptions opt = fuzz_options();
	Unit u;
	/* A NULL text would mean "read the file": never for fuzzed bytes. */
	driver_compile(&u, name, size ? (const char *)data : "", size, &fuzz_catalog,
		       &fuzz_registry, &opt);
	Unit *units[] = { &u };
	fuzz_outputs(units, 1, &opt, &fuzz_registry, size > 0 && (data[0] & 1));
	unit_free(&u);
}

#endif
