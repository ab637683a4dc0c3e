/* fuzz_yaml.c - libFuzzer target for the YAML front end and everything after.
 *
 * Each input is compiled as a roadmap (front end, schema, resolve, checks,
 * coverage) and then rendered by every report format and, when it was
 * checked, every per-roadmap output that is not a diagram (the action
 * plan), so a crash anywhere downstream of untrusted YAML is found. Build with `make fuzz`; run with
 *   mkdir -p build/fuzz/corpus && build/fuzz/fuzz_yaml -dict=tests/fuzz/yaml.dict \
 *       build/fuzz/corpus examples/
 * (the first directory receives new inputs; the others are read-only seeds). */
#include "catalog.h"
#include "driver.h"
#include "output.h"
#include "report.h"

#include <stdint.h>
#include <string.h>

static Catalog catalog;
static CheckRegistry registry;
static Arena catalog_arena;
static int catalog_ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!catalog_ready) {
		DiagList dl;
		arena_init(&catalog_arena);
		diag_init(&dl, &catalog_arena);
		if (catalog_load(&catalog, &catalog_arena, NULL, 0, &dl) != 0)
			__builtin_trap();
		driver_registry(&registry, &catalog_arena);
		catalog_ready = 1;
	}
	RunOptions opt;
	memset(&opt, 0, sizeof opt);
	opt.limits = limits_default();
	opt.today = 20780;
	opt.fail_on = SEV_ERROR;
	opt.min_coverage = -1;

	Unit c;
	driver_compile(&c, "fuzz.yaml", (const char *)data, size, &catalog, &registry, &opt);
	Unit *units[] = { &c };
	for (size_t i = 0; i < report_formats_len; i++) {
		ReportContext ctx = { units, 1, i % 2 == 0, false, NULL, &registry };
		StrBuf out = STRBUF_INIT;
		report_formats[i].emit(&ctx, &out);
		strbuf_free(&out);
	}
	/* Diagrams are left out: a Graphviz layout per input would slow the
	 * fuzzer down a hundredfold. */
	for (size_t i = 0; c.checked && i < unit_outputs_len; i++) {
		if (unit_outputs[i].view)
			continue;
		CheckConfig cfg = { NULL, 0, opt.today };
		OutputContext ctx = { &c, &cfg, &registry, NULL };
		StrBuf out = STRBUF_INIT, err = STRBUF_INIT;
		unit_outputs[i].emit(&ctx, &out, &err);
		strbuf_free(&out);
		strbuf_free(&err);
	}
	unit_free(&c);
	return 0;
}
