/* replay.c - runs a fuzz target on given files, without libFuzzer.
 *
 *   replay_TARGET FILE...
 *
 * Linked with one tests/fuzz/fuzz_TARGET.c by the normal build (gcc, both
 * the plain and the ASan+UBSan tree: `make unit`), so that the kept
 * crashers of tests/fuzz/regressions/ run in every `make test`
 * (tests/suite_fuzz_regressions.sh), where clang and libFuzzer may be
 * missing. Each file is one input, fed as libFuzzer feeds it; the target
 * itself aborts on what it finds, and the sanitizers report the rest.
 * Prints one line per input and exits 0 when all ran. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		size_t cap = 4096, len = 0, n;
		uint8_t *data = malloc(cap);
		while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
			len += n;
			if (len == cap)
				data = realloc(data, cap *= 2);
		}
		fclose(f);
		if (!data) {
			fprintf(stderr, "%s: out of memory\n", argv[i]);
			return 2;
		}
		/* An exact-size copy, as libFuzzer passes it: ASan then sees a
		 * read past the input's end. */
		uint8_t *exact = malloc(len ? len : 1);
		for (size_t k = 0; k < len; k++)
			exact[k] = data[k];
		free(data);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
		printf("ran %s (%zu bytes)\n", argv[i], len);
	}
	return 0;
}
