/* test_catalog.c - the content-type catalog (catalog.c, stdlib_files.c).
 *
 * Also keeps the catalog table in docs/stdlib.md identical to
 * stdlib/content-types.yaml: the table between the catalog-table markers
 * must be exactly what table_text() makes from the embedded catalog
 * (doctext.h: UPDATE=1 rewrites it). */
#include "doctext.h"

#include "catalog.h"
#include "stdlib_files.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DOCS "docs/stdlib.md"
#define BEGIN_MARK "<!-- catalog-table:begin -->\n"
#define END_MARK "<!-- catalog-table:end -->\n"

static void table_text(const Catalog *cat, StrBuf *sb)
{
	strbuf_puts(sb, "| type | delivers | channels | what it is |\n|---|---|---|---|\n");
	for (size_t i = 0; i < cat->ntypes; i++) {
		const ContentType *t = &cat->types[i];
		strbuf_printf(sb, "| `%s` | ", t->name);
		doc_words(sb, t->delivers, vocab_values, "(none)");
		strbuf_puts(sb, " | ");
		doc_words(sb, t->channels, vocab_channels, "(none)");
		strbuf_printf(sb, " | %s |\n", t->summary);
	}
}

TEST(embedded_catalog_loads)
{
	Arena a;
	DiagList dl;
	Catalog cat;
	arena_init(&a);
	diag_init(&dl, &a);
	EXPECT(catalog_load(&cat, &a, NULL, 0, &dl) == 0);
	EXPECT(dl.n == 0);
	EXPECT(cat.nfiles == 1);
	EXPECT_STR(cat.files[0], "<builtin>/content-types.yaml");
	/* The types the language reference promises. */
	static const char *const promised[] = {
		"report", "web-page", "pricing-page", "spec-sheet", "case-study", "reference-call",
		"demo", "trial", "roi-calculator", "whitepaper", "webinar", "faq", "proposal",
		"contract", "onboarding-guide", "training", "support-portal", "review-site-profile",
		"community", NULL
	};
	for (size_t i = 0; promised[i]; i++) {
		const ContentType *t = catalog_find(&cat, promised[i]);
		if (!t)
			printf("    missing type %s\n", promised[i]);
		EXPECT(t != NULL);
	}
	/* Every type delivers something, reaches buyers somewhere, says what it is. */
	for (size_t i = 0; i < cat.ntypes; i++) {
		EXPECT(cat.types[i].delivers != 0);
		EXPECT(cat.types[i].channels != 0);
		EXPECT(cat.types[i].summary[0] != '\0');
	}
	EXPECT(catalog_find(&cat, "no-such-type") == NULL);
	arena_free(&a);
}

TEST(docs_table_matches_the_catalog)
{
	Arena a;
	DiagList dl;
	Catalog cat;
	arena_init(&a);
	diag_init(&dl, &a);
	EXPECT(catalog_load(&cat, &a, NULL, 0, &dl) == 0);
	StrBuf want = STRBUF_INIT;
	table_text(&cat, &want);
	doc_expect_part(DOCS, BEGIN_MARK, END_MARK, &want);
	strbuf_free(&want);
	arena_free(&a);
}

/* Writes 'text' as content-types.yaml in a new temporary directory. */
static char *catalog_dir(const char *text)
{
	char tmpl[] = "/tmp/roadmapc-catalog-XXXXXX";
	char *dir = mkdtemp(tmpl);
	if (!dir)
		return NULL;
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, STDLIB_CATALOG);
	FILE *f = fopen(path, "w");
	if (!f)
		return NULL;
	fputs(text, f);
	fclose(f);
	return strdup(dir);
}

static void remove_dir(char *dir)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, STDLIB_CATALOG);
	remove(path);
	rmdir(dir);
	free(dir);
}

TEST(a_user_catalog_adds_to_the_builtin_one_type_by_type)
{
	char *dir = catalog_dir("catalog: 1\ntypes:\n  memo:\n    summary: A memo\n"
				"    delivers: [information]\n    channels: [email]\n"
				"  case-study:\n    summary: Ours carry prices\n"
				"    delivers: [proof, pricing]\n    channels: [web]\n");
	char *low = catalog_dir("catalog: 1\ntypes:\n  memo:\n    summary: Not this one\n"
				"    delivers: [support]\n    channels: [chat]\n");
	EXPECT(dir != NULL && low != NULL);
	if (!dir || !low)
		return;
	Arena a;
	DiagList dl;
	Catalog cat, base;
	arena_init(&a);
	diag_init(&dl, &a);
	EXPECT(catalog_load(&base, &a, NULL, 0, &dl) == 0);
	/* The first directory wins over the later ones. */
	const char *dirs[] = { "/nonexistent-dir", dir, low };
	EXPECT(catalog_load(&cat, &a, dirs, 3, &dl) == 0);
	EXPECT(dl.n == 0 && cat.ntypes == base.ntypes + 1);
	const ContentType *memo = catalog_find(&cat, "memo");
	EXPECT(memo && strcmp(memo->summary, "A memo") == 0);
	EXPECT(catalog_find(&cat, "report") != NULL);
	const ContentType *cs = catalog_find(&cat, "case-study");
	EXPECT(cs && cs->delivers == ((1u << VALUE_PROOF) | (1u << VALUE_PRICING)));
	EXPECT(cs && strstr(cs->loc.src->path, dir) == cs->loc.src->path);
	/* A replaced type keeps its place; a new one comes last. */
	EXPECT(cs && cs - cat.types == catalog_find(&base, "case-study") - base.types);
	EXPECT(memo == &cat.types[cat.ntypes - 1]);
	EXPECT(cat.nfiles == 3);
	EXPECT_STR(cat.files[0], "<builtin>/content-types.yaml");
	EXPECT(strstr(cat.files[2], dir) == cat.files[2]);
	arena_free(&a);
	remove_dir(dir);
	remove_dir(low);
}

TEST(a_broken_user_catalog_is_reported_in_that_file)
{
	char *dir = catalog_dir("catalog: 1\ntypes:\n  memo:\n    delivers: [infromation]\n"
				"    chanels: [email]\n  Bad Name: {}\n  ok:\n    channels: web\n");
	EXPECT(dir != NULL);
	if (!dir)
		return;
	Arena a;
	DiagList dl;
	Catalog cat;
	arena_init(&a);
	diag_init(&dl, &a);
	const char *dirs[] = { dir };
	EXPECT(catalog_load(&cat, &a, dirs, 1, &dl) == -1);
	diag_sort(&dl);
	EXPECT(dl.n == 3);
	char want_path[256];
	snprintf(want_path, sizeof want_path, "%s/%s", dir, STDLIB_CATALOG);
	for (size_t i = 0; i < dl.n; i++)
		EXPECT_STR(dl.items[i]->loc.src->path, want_path);
	if (dl.n == 3) {
		EXPECT_STR(dl.items[0]->check, "invalid-value");
		EXPECT(dl.items[0]->loc.line == 4 && dl.items[0]->loc.col == 16);
		EXPECT_STR(dl.items[1]->check, "unknown-key");
		EXPECT(dl.items[1]->loc.line == 5 && dl.items[1]->loc.col == 5);
		EXPECT_STR(dl.items[2]->check, "invalid-value");
		EXPECT(dl.items[2]->loc.line == 6 && dl.items[2]->loc.col == 3);
	}
	/* The good type is kept. */
	EXPECT(catalog_find(&cat, "ok") != NULL);
	arena_free(&a);
	remove_dir(dir);
}

TEST(stdlib_lookup)
{
	size_t n;
	const StdlibFile *files = stdlib_files(&n);
	EXPECT(n >= 1);
	for (size_t i = 1; i < n; i++)
		EXPECT(strcmp(files[i - 1].name, files[i].name) < 0);
	const StdlibFile *f = stdlib_find(STDLIB_CATALOG);
	EXPECT(f && f->len == strlen(f->text));
	EXPECT(stdlib_find("no-such-file.yaml") == NULL);
	/* The catalog is not a stage template. */
	const char **names;
	Arena a;
	arena_init(&a);
	size_t k = stdlib_names(".yaml", NULL, 0, &a, &names);
	for (size_t i = 0; i < k; i++)
		EXPECT(strcmp(names[i], "content-types") != 0);
	EXPECT(names[k] == NULL);
	arena_free(&a);
}

/* In a directory, only regular files name templates: a subdirectory or a
 * dangling link called NAME.yaml cannot be loaded, so it is never offered. */
TEST(stdlib_names_only_regular_files)
{
	char tmpl[] = "/tmp/roadmapc-names-XXXXXX";
	char *dir = mkdtemp(tmpl);
	EXPECT(dir != NULL);
	if (!dir)
		return;
	char file[256], sub[256], link[256];
	snprintf(file, sizeof file, "%s/house.yaml", dir);
	snprintf(sub, sizeof sub, "%s/folder.yaml", dir);
	snprintf(link, sizeof link, "%s/gone.yaml", dir);
	FILE *f = fopen(file, "w");
	if (f) {
		fputs("template: 1\n", f);
		fclose(f);
	}
	EXPECT(mkdir(sub, 0700) == 0);
	EXPECT(symlink("/nonexistent/gone.yaml", link) == 0);
	const char *dirs[] = { dir };
	const char **names;
	Arena a;
	arena_init(&a);
	size_t k = stdlib_names(".yaml", dirs, 1, &a, &names);
	bool house = false;
	for (size_t i = 0; i < k; i++) {
		house |= strcmp(names[i], "house") == 0;
		EXPECT(strcmp(names[i], "folder") != 0);
		EXPECT(strcmp(names[i], "gone") != 0);
	}
	EXPECT(house);
	arena_free(&a);
	remove(file);
	remove(link);
	rmdir(sub);
	rmdir(dir);
}

int main(void)
{
	RUN(embedded_catalog_loads);
	RUN(docs_table_matches_the_catalog);
	RUN(a_user_catalog_adds_to_the_builtin_one_type_by_type);
	RUN(a_broken_user_catalog_is_reported_in_that_file);
	RUN(stdlib_lookup);
	RUN(stdlib_names_only_regular_files);
	return HARNESS_RESULT();
}
