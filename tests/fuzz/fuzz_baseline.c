/* fuzz_baseline.c - libFuzzer target: baseline files, read and written.
 *
 * The input is a baseline file, or a roadmap and a baseline separated by a
 * line "#--baseline--" (so item names, which the roadmap decides, reach the
 * baseline's escaping too). The baseline is applied to the compiled
 * roadmap, every report is written, and then the round trip is checked: a
 * baseline written from the findings and applied to a fresh compile of the
 * same roadmap must absorb every finding it recorded. */
#include "baseline.h"
#include "fuzz_pipeline.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char default_roadmap[] =
	"roadmap: 1\nproduct: Fuzz\nsegment: Everyone\ncategory: complex\n"
	"critical_characteristic: Fast\nstages:\n"
	"  - id: need\n    when: 0-2\n    expects: [information, pricing]\n    prefers: [peer]\n"
	"    concerns: [Is it worth it?, {id: risk, text: Risky?}]\n"
	"    questions:\n      - ask: What does it cost?\n        answer: A benchmark\n"
	"        content: [deck, deck]\n      - ask: Who else uses it?\n"
	"    ignore: { stage-without-questions: \"not yet\", missing-owner: \"x\" }\n"
	"  - id: buy\n    phase: purchase\nseller:\n"
	"  - id: call\n    when: 5-6\n    supports: [need]\n    channel: phone\n"
	"  - id: idle\ncontent:\n"
	"  - id: deck\n    title: \"Tab\\there\"\n    type: report\n    status: draft\n"
	"    reviewed: 2020-01-01\n  - id: unused\n    type: faq\n";

static const char separator[] = "#--baseline--\n";

/* The first 'separator' in the 'n' bytes at 's', or NULL. */
static const char *find_separator(const char *s, size_t n)
{
	size_t m = sizeof separator - 1;
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, separator, m) == 0)
			return s + i;
	return NULL;
}


static void put_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
		die("cannot write the scratch file %s", path);
}

static size_t count_absorbed(const Unit *u, size_t *recordable)
{
	size_t n = 0;
	*recordable = 0;
	for (size_t i = 0; i < u->diags.n; i++) {
		const Diag *d = u->diags.items[i];
		if (!d->item || (d->suppressed && strcmp(d->suppressed, "baseline") != 0))
			continue;
		++*recordable;
		n += d->suppressed != NULL;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	const char *text = (const char *)data, *roadmap = default_roadmap;
	size_t roadmap_len = sizeof default_roadmap - 1;
	const char *sep = find_separator(text, size);
	if (sep) {
		roadmap = text;
		roadmap_len = (size_t)(sep - text);
		size -= roadmap_len + sizeof separator - 1;
		text = sep + sizeof separator - 1;
	}
	static char buf[256];
	const char *path = buf[0] ? buf : fuzz_scratch("baseline", buf, sizeof buf);
	put_file(path, text, size);

	RunOptions opt = fuzz_options();
	Unit u;
	driver_compile(&u, "roadmaps/fuzz.yaml", roadmap, roadmap_len, &fuzz_catalog, &fuzz_registry, &opt);
	Unit *units[] = { &u };
	StrBuf err = STRBUF_INIT, notes = STRBUF_INIT;
	Baseline *b = baseline_load(path, &err);
	if (b)
		baseline_apply(b, units, 1, false, &notes);
	fuzz_outputs(units, 1, &opt, &fuzz_registry, false);

	/* The round trip, from what this run found. */
	strbuf_reset(&err);
	if (baseline_write(path, b, units, 1, &err) < 0)
		die("cannot write a baseline: %s", strbuf_cstr(&err));
	if (b)
		baseline_free(b);
	Unit again;
	driver_compile(&again, "roadmaps/fuzz.yaml", roadmap, roadmap_len, &fuzz_catalog, &fuzz_registry, &opt);
	Unit *agains[] = { &again };
	Baseline *written = baseline_load(path, &err);
	if (!written)
		die("cannot read the baseline just written: %s", strbuf_cstr(&err));
	strbuf_reset(&notes);
	baseline_apply(written, agains, 1, false, &notes);
	baseline_free(written);
	size_t recordable, absorbed = count_absorbed(&again, &recordable);
	/* The notes are not parsed: a fuzzed file name can say anything. */
	if (absorbed != recordable)
		die("round trip: %zu of %zu findings absorbed", absorbed, recordable);
	unit_free(&again);
	unit_free(&u);
	strbuf_free(&err);
	strbuf_free(&notes);
	unlink(path);
	return 0;
}
