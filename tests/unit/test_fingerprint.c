/* test_fingerprint.c - unit tests for finding fingerprints and the workflow
 * command escapers the CI formats rely on. */
#include "harness.h"

#include "unit.h"
#include "escape.h"
#include "fingerprint.h"
#include "strbuf.h"

#include <string.h>

/* A unit for 'path' whose diagnostics the test adds by hand; its source
 * carries the unit's normalised name, as the driver's does. */
static void fake_unit(Unit *c, SrcFile *sf, const char *path)
{
	unit_init(c, path);
	memset(sf, 0, sizeof *sf);
	sf->path = c->name;
}

static Diag *add(Unit *c, const SrcFile *sf, int line, const char *check, const char *item,
		 const char *msg)
{
	SrcLoc loc = { sf, line, 5, 2 };
	Diag *d = diag_report(&c->diags, loc, SEV_WARNING, check, "%s", msg);
	d->item = item;
	return d;
}

TEST(fingerprints_ignore_lines_and_stay_unique)
{
	Unit a, b;
	SrcFile sa, sb;
	fake_unit(&a, &sa, "roadmap.yaml");
	fake_unit(&b, &sb, "./roadmap.yaml");
	/* The same findings, the second time 7 lines further down. */
	add(&a, &sa, 3, "missing-owner", "content:deck", "content 'Deck' has no owner");
	add(&a, &sa, 9, "missing-owner", "seller:demo", "seller action 'Demo' has no owner");
	add(&a, &sa, 12, "unknown-key", NULL, "unknown key 'questons' in stage 'need'");
	add(&a, &sa, 15, "unknown-key", NULL, "unknown key 'questons' in stage 'need'");
	add(&b, &sb, 10, "missing-owner", "content:deck", "content 'Deck' has no owner, now with more words");
	add(&b, &sb, 16, "missing-owner", "seller:demo", "seller action 'Demo' has no owner");
	add(&b, &sb, 19, "unknown-key", NULL, "unknown key 'questons' in stage 'need'");
	add(&b, &sb, 22, "unknown-key", NULL, "unknown key 'questons' in stage 'need'");
	Fingerprint fa[4], fb[4];
	fingerprint_unit(&a, fa);
	fingerprint_unit(&b, fb);
	for (int i = 0; i < 4; i++) {
		EXPECT(strlen(fa[i].hex) == 16);
		EXPECT_STR(fb[i].hex, fa[i].hex);
		for (int k = 0; k < i; k++)
			EXPECT(strcmp(fa[i].hex, fa[k].hex) != 0);
	}
	unit_free(&a);
	unit_free(&b);
}

TEST(fingerprints_depend_on_file_check_and_item)
{
	Unit a;
	SrcFile sa, sb;
	fake_unit(&a, &sa, "a.yaml");
	sb = sa;
	sb.path = "b.yaml";
	add(&a, &sa, 3, "missing-owner", "content:deck", "m");
	add(&a, &sb, 3, "missing-owner", "content:deck", "m");
	add(&a, &sa, 3, "content-unused", "content:deck", "m");
	add(&a, &sa, 3, "missing-owner", "content:deck2", "m");
	Fingerprint f[4];
	fingerprint_unit(&a, f);
	EXPECT(strcmp(f[0].hex, f[1].hex) != 0);
	EXPECT(strcmp(f[0].hex, f[2].hex) != 0);
	EXPECT(strcmp(f[0].hex, f[3].hex) != 0);
	unit_free(&a);
}

TEST(workflow_command_escaping)
{
	StrBuf sb = STRBUF_INIT;
	escape_workflow_data(&sb, "50%: a, b\r\nc\x1b[31m\tend");
	EXPECT_STR(strbuf_cstr(&sb), "50%25: a, b%0D%0Ac?[31m\tend");
	strbuf_reset(&sb);
	escape_workflow_property(&sb, "q3,plan:v2 50%.yaml");
	EXPECT_STR(strbuf_cstr(&sb), "q3%2Cplan%3Av2 50%25.yaml");
	strbuf_free(&sb);
}

int main(void)
{
	RUN(fingerprints_ignore_lines_and_stay_unique);
	RUN(fingerprints_depend_on_file_check_and_item);
	RUN(workflow_command_escaping);
	return HARNESS_RESULT();
}
