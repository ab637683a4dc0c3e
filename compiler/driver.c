/* driver.c - runs the phases for each input and decides the exit status.
 *
 * Per file: read -> front end (YAML) -> schema -> resolve; the phases up to
 * resolve report structural errors, and a file with any of them stops there
 * (the other files go on). Then checks and coverage, then, for the whole run,
 * baselines and the reports. Each file gets its own Compilation and arena;
 * all are kept until the reports are written, then freed. */
#include "driver.h"
#include "baseline.h"
#include "front_yaml.h"
#include "outfile.h"
#include "report.h"
#include "resolve.h"
#include "schema.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads all of 'path' ("-": standard input), but never more than 'max' + 1
 * bytes, so an oversized file is refused without being loaded. Returns a
 * buffer the caller must free, or NULL with errno set. */
static char *read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		size_t want = cap - n;
		if (n + want > max + 1)
			want = max + 1 - n;
		size_t got = fread(buf + n, 1, want, f);
		n += got;
		if (got < want || n > max)
			break;
	}
	int failed = ferror(f), saved = errno;
	if (f != stdin)
		fclose(f);
	if (failed) {
		free(buf);
		errno = saved ? saved : EIO;
		return NULL;
	}
	*len = n;
	return buf;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Front end, schema and resolve: everything that reports structural errors. */
static void load(Compilation *c, const char *text, size_t len, const Catalog *cat,
		 const RunOptions *opt)
{
	if (srcfile_init(&c->src, &c->arena, compilation_name(c), text, len) < 0) {
		SrcLoc loc = { &c->src, 1, 1, 1 };
		diag_report(&c->diags, loc, SEV_ERROR, "yaml-syntax", "the file starts with a UTF-16 mark but is not valid UTF-16");
		c->loaded = true;
		return;
	}
	c->loaded = true;
	Node *root = NULL;
	if (front_yaml_parse(&c->src, &opt->limits, &c->arena, &c->diags, &root) < 0)
		return;
	Roadmap *rm = schema_build(root, &c->src, &c->arena, &c->diags);
	if (rm)
		resolve_roadmap(rm, cat, &c->arena, &c->diags);
	c->roadmap = rm;
}

void compilation_run(Compilation *c, const char *path, const char *text, size_t len,
		     const Catalog *cat, const RunOptions *opt)
{
	memset(c, 0, sizeof *c);
	c->path = path;
	arena_init(&c->arena);
	diag_init(&c->diags, &c->arena);

	if (has_suffix(path, ".lua")) {
		c->error = arena_printf(&c->arena, "cannot load '%s': Lua roadmaps are not supported by this version", path);
		return;
	}
	char *owned = NULL;
	if (!text) {
		owned = read_file(path, opt->limits.max_file_size, &len);
		if (!owned) {
			c->error = arena_printf(&c->arena, "cannot read '%s': %s", path, strerror(errno));
			return;
		}
		text = owned;
	}
	load(c, text, len, cat, opt);
	free(owned);

	if (c->roadmap && !diag_has_errors(&c->diags)) {
		CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today };
		check_run(c->roadmap, &cfg, &c->diags);
		c->coverage = check_coverage(c->roadmap);
		c->checked = true;
	}
	diag_sort(&c->diags);
}

const char *compilation_name(const Compilation *c)
{
	return strcmp(c->path, "-") == 0 ? "<stdin>" : c->path;
}

void compilation_free(Compilation *c)
{
	arena_free(&c->arena);
}

/* Structural errors cannot be suppressed, so a file that did not load always
 * fails the run, whatever --fail-on says: nothing about it was checked. */
static bool fails(const Compilation *c, const RunOptions *opt)
{
	if (c->loaded && !c->checked)
		return true;
	if (opt->fail_on == SEV_OFF)
		return false;
	for (size_t i = 0; i < c->diags.n; i++) {
		const Diag *d = c->diags.items[i];
		if (!d->suppressed && d->sev >= opt->fail_on)
			return true;
	}
	return false;
}

static bool below_coverage(const Compilation *c, const RunOptions *opt)
{
	if (opt->min_coverage < 0 || !c->checked)
		return false;
	const Coverage *cv = &c->coverage;
	double q = cv->questions_total ? 100.0 * (double)cv->questions_done / (double)cv->questions_total : 0;
	double s = cv->stages_total ? 100.0 * (double)cv->stages_done / (double)cv->stages_total : 0;
	bool low = false;
	if (q < opt->min_coverage) {
		fprintf(stderr, "roadmapc: %s: question coverage %zu/%zu is below --min-coverage %g%%\n",
			compilation_name(c), cv->questions_done, cv->questions_total, opt->min_coverage);
		low = true;
	}
	if (s < opt->min_coverage) {
		fprintf(stderr, "roadmapc: %s: stage coverage %zu/%zu is below --min-coverage %g%%\n",
			compilation_name(c), cv->stages_done, cv->stages_total, opt->min_coverage);
		low = true;
	}
	return low;
}

static int write_reports(const RunOptions *opt, Compilation *const *units, size_t n)
{
	static const ReportRequest text_to_stdout = { "text", NULL };
	const ReportRequest *reqs = opt->nreports ? opt->reports : &text_to_stdout;
	size_t nreqs = opt->nreports ? opt->nreports : 1;
	int rc = 0;
	for (size_t i = 0; i < nreqs; i++) {
		const ReportFormat *fmt = report_find(reqs[i].format);
		ASSERT(fmt != NULL);    /* main.c validated the name */
		CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today };
		ReportContext ctx = { units, n, opt->color && !reqs[i].output, opt->quiet, &cfg };
		StrBuf out = STRBUF_INIT, err = STRBUF_INIT;
		fmt->emit(&ctx, &out);
		if (outfile_write(reqs[i].output ? reqs[i].output : "-", strbuf_cstr(&out), out.len, &err) < 0) {
			fprintf(stderr, "roadmapc: %s\n", strbuf_cstr(&err));
			rc = -1;
		}
		strbuf_free(&out);
		strbuf_free(&err);
	}
	return rc;
}

/* Loads the content-type catalog once per run; a broken catalog in a -I
 * directory is the user's error, reported like any other file's. */
static int load_catalog(Catalog *cat, Arena *a, const RunOptions *opt)
{
	DiagList dl;
	diag_init(&dl, a);
	if (catalog_load(cat, a, opt->include_dirs, opt->ninclude_dirs, &dl) == 0 && !diag_has_errors(&dl))
		return 0;
	Compilation fake;
	memset(&fake, 0, sizeof fake);
	fake.path = "content-types.yaml";
	fake.diags = dl;
	diag_sort(&fake.diags);
	Compilation *units[] = { &fake };
	ReportContext ctx = { units, 1, false, true, NULL };
	StrBuf out = STRBUF_INIT;
	report_text(&ctx, &out);
	fprintf(stderr, "roadmapc: cannot load the content-type catalog:\n%s", strbuf_cstr(&out));
	strbuf_free(&out);
	return -1;
}

ExitStatus driver_run(const RunOptions *opt)
{
	Arena run_arena;
	Catalog cat;
	arena_init(&run_arena);
	if (load_catalog(&cat, &run_arena, opt) < 0) {
		arena_free(&run_arena);
		return EXIT_TROUBLE;
	}

	Compilation **units = xcalloc(opt->nfiles, sizeof *units);
	ExitStatus status = EXIT_CLEAN;
	bool trouble = false;
	for (size_t i = 0; i < opt->nfiles; i++) {
		units[i] = xmalloc(sizeof *units[i]);
		compilation_run(units[i], opt->files[i], NULL, 0, &cat, opt);
		if (units[i]->error) {
			fprintf(stderr, "roadmapc: %s\n", units[i]->error);
			trouble = true;
		}
	}

	StrBuf err = STRBUF_INIT;
	int stale = opt->baseline ? baseline_apply(opt->baseline, units, opt->nfiles, &err) : 0;
	if (stale < 0) {
		fprintf(stderr, "roadmapc: %s\n", strbuf_cstr(&err));
		trouble = true;
	} else if (stale > 0 && !opt->write_baseline) {
		fprintf(stderr, "roadmapc: note: %d entr%s of '%s' match%s no finding any more; "
			"refresh it with --baseline %s --write-baseline %s\n", stale,
			stale == 1 ? "y" : "ies", opt->baseline, stale == 1 ? "es" : "",
			opt->baseline, opt->baseline);
	}
	strbuf_reset(&err);
	if (opt->write_baseline && baseline_write(opt->write_baseline, units, opt->nfiles, &err) < 0) {
		fprintf(stderr, "roadmapc: %s\n", strbuf_cstr(&err));
		trouble = true;
	}
	strbuf_free(&err);

	if (write_reports(opt, units, opt->nfiles) < 0)
		trouble = true;
	for (size_t i = 0; i < opt->nfiles; i++) {
		/* '|', not '||': below_coverage also prints why, for every file. */
		if (fails(units[i], opt) | below_coverage(units[i], opt))
			status = EXIT_FINDINGS;
		compilation_free(units[i]);
		free(units[i]);
	}
	free(units);
	arena_free(&run_arena);
	return trouble ? EXIT_TROUBLE : status;
}
