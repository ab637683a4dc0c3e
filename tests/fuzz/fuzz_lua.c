/* fuzz_lua.c - libFuzzer target for the Lua front end and everything after.
 *
 * Each input is compiled as a Lua roadmap (the sandboxed run of the DSL,
 * schema, resolve, the checks and the rules the input declares, coverage)
 * and then rendered by every report format, so a crash anywhere downstream
 * of untrusted Lua is found, in the sandbox's replaced library functions as
 * much as in the conversion to the node tree. The budgets are small, so an
 * input that loops costs milliseconds. Build with `make fuzz`; run with
 *   mkdir -p build/fuzz/corpus-lua && build/fuzz/fuzz_lua -dict=tests/fuzz/lua.dict \
 *       build/fuzz/corpus-lua examples/ tests/cases/lua/
 * (the first directory receives new inputs; the others are read-only seeds:
 * the .lua examples, and the case files, whose Lua parts the fuzzer finds). */
#include "catalog.h"
#include "driver.h"
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
	opt.limits.max_lua_steps = 1000000;
	opt.limits.max_lua_memory = 16u * 1024 * 1024;
	opt.limits.max_lua_seconds = 1;
	opt.limits.max_nodes = 20000;
	opt.limits.max_errors = 20;     /* so the cap is met often */
	opt.today = 20780;
	opt.fail_on = SEV_ERROR;
	opt.min_coverage = -1;

	Unit c;
	driver_compile(&c, "fuzz.lua", (const char *)data, size, &catalog, &registry, &opt);
	Unit *units[] = { &c };
	for (size_t i = 0; i < report_formats_len; i++) {
		ReportContext ctx = { units, 1, i % 2 == 0, false, NULL, &registry };
		StrBuf out = STRBUF_INIT;
		report_formats[i].emit(&ctx, &out);
		strbuf_free(&out);
	}
	unit_free(&c);
	return 0;
}
