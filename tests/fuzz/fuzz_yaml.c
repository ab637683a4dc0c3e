/* fuzz_yaml.c - libFuzzer target: a YAML roadmap through the whole pipeline.
 *
 * See fuzz_pipeline.h for what runs; tests/fuzz/run.sh seeds it from
 * tests/, examples/ and the shared hostile and test-suite inputs. */
#include "fuzz_pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_pipeline("fuzz.yaml", data, size);
	return 0;
}
