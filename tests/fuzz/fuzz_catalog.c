/* fuzz_catalog.c - libFuzzer target: a content-type catalog from a -I directory.
 *
 * The input is written as content-types.yaml into a directory of its own,
 * loaded as `-I DIR` would load it, its diagnostics reported as the driver
 * reports them, and, when it loaded, a roadmap using several types is
 * compiled against it and every output written. */
#include "fuzz_pipeline.h"

#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char roadmap[] =
	"roadmap: 1\nproduct: Fuzz\nsegment: Everyone\nstages:\n"
	"  - id: need\n    expects: [information, proof]\n    prefers: [web, peer]\n"
	"    questions:\n      - ask: Why?\n        answer: Because\n        content: [a, b]\n"
	"seller:\n  - id: s\n    supports: [need]\n    uses: [c]\n"
	"content:\n  - id: a\n    type: report\n  - id: b\n    type: case-study\n"
	"  - id: c\n    type: demo\n    channels: [web]\n";

/* A directory of this process's own, made once. */
static const char *scratch_dir(void)
{
	static char dir[256];
	if (!dir[0] && mkdir(fuzz_scratch("catalog", dir, sizeof dir), 0700) != 0)
		die("cannot create %s", dir);
	return dir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = scratch_dir();
	char path[300];
	snprintf(path, sizeof path, "%s/content-types.yaml", dir);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		die("cannot write %s", path);

	Arena a;
	Catalog cat;
	CheckRegistry reg;
	Unit cu;
	arena_init(&a);
	driver_registry(&reg, &a);
	unit_init(&cu, path);
	const char *dirs[] = { dir };
	int rc = catalog_load(&cat, &a, dirs, 1, &cu.diags);
	diag_sort(&cu.diags);
	Unit *cunits[] = { &cu };
	StrBuf out = STRBUF_INIT;
	ReportContext rctx = { .units = cunits, .nunits = 1, .quiet = true, .registry = &reg };
	report_text(&rctx, &out);
	strbuf_free(&out);
	if (rc == 0 && !diag_has_errors(&cu.diags)) {
		RunOptions opt = fuzz_options();
		Unit u;
		driver_compile(&u, "fuzz.yaml", roadmap, sizeof roadmap - 1, &cat, &reg, &opt);
		Unit *units[] = { &u };
		fuzz_outputs(units, 1, &opt, &reg, false);
		unit_free(&u);
	}
	unit_free(&cu);
	arena_free(&a);
	unlink(path);
	return 0;
}
