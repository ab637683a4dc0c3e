/* fuzz_lua.c - libFuzzer target: a Lua roadmap through the whole pipeline.
 *
 * The sandboxed run of the DSL, the conversion to the node tree, and then
 * everything fuzz_pipeline.h runs: schema, resolve, the checks and the
 * rules the input declares, every report and every per-roadmap output. The
 * Lua budgets are small (fuzz_options()), so an input that loops costs
 * milliseconds. tests/fuzz/run.sh seeds it from the Lua case files, the
 * Lua examples and the stdlib's rule modules, with tests/fuzz/lua.dict. */
#include "fuzz_pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_pipeline("fuzz.lua", data, size);
	return 0;
}
