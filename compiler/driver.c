/* driver.c - runs the phases for each input and decides the exit status.
 *
 * Per file: read -> front end (YAML) -> schema -> resolve; the phases up to
 * resolve report structural errors, and a file with any of them stops there
 * (the other files go on). Then checks and coverage, then, for the whole run,
 * baselines and the reports. Each file gets its own Unit and arena;
 * all are kept until the reports are written, then freed. */
#include "driver.h"
#include "baseline.h"
#include "front_yaml.h"
#include "outfile.h"
#include "report.h"
#include "resolve.h"
#include "schema.h"
#include "textio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Front end, schema and resolve: everything that reports structural errors. */
static void load(Unit *c, const char *text, size_t len, const Catalog *cat,
		 const RunOptions *opt)
{
	if (srcfile_init(&c->src, &c->arena, c->name, text, len) < 0) {
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

void driver_compile(Unit *u, const char *path, const char *text, size_t len,
		    const Catalog *cat, const RunOptions *opt)
{
	unit_init(u, path);
	if (has_suffix(path, ".lua")) {
		u->error = arena_printf(&u->arena, "cannot load '%s': Lua roadmaps are not supported by this version", path);
		return;
	}
	char *owned = NULL;
	if (!text) {
		StrBuf err = STRBUF_INIT;
		int truncated;  /* the front end reports the size limit, at a location */
		owned = textio_read_capped(path, opt->limits.max_file_size, &len, &truncated, &err);
		if (!owned) {
			u->error = arena_strdup(&u->arena, strbuf_cstr(&err));
			strbuf_free(&err);
			return;
		}
		text = owned;
	}
	load(u, text, len, cat, opt);
	free(owned);

	if (u->roadmap && !diag_has_errors(&u->diags)) {
		CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today };
		check_run(u->roadmap, &cfg, &u->diags);
		u->coverage = check_coverage(u->roadmap);
		u->checked = true;
	}
	diag_sort(&u->diags);
}

/* Structural errors cannot be suppressed, so a file that did not load always
 * fails the run, whatever --fail-on says: nothing about it was checked. */
static bool fails(const Unit *c, const RunOptions *opt)
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

static bool below_coverage(const Unit *c, const RunOptions *opt, StrBuf *messages)
{
	if (opt->min_coverage < 0 || !c->checked)
		return false;
	const Coverage *cv = &c->coverage;
	double q = cv->questions_total ? 100.0 * (double)cv->questions_done / (double)cv->questions_total : 0;
	double s = cv->stages_total ? 100.0 * (double)cv->stages_done / (double)cv->stages_total : 0;
	bool low = false;
	if (q < opt->min_coverage) {
		strbuf_printf(messages, "roadmapc: %s: question coverage %zu/%zu is below --min-coverage %g%%\n",
			      c->name, cv->questions_done, cv->questions_total, opt->min_coverage);
		low = true;
	}
	if (s < opt->min_coverage) {
		strbuf_printf(messages, "roadmapc: %s: stage coverage %zu/%zu is below --min-coverage %g%%\n",
			      c->name, cv->stages_done, cv->stages_total, opt->min_coverage);
		low = true;
	}
	return low;
}

static int write_reports(const RunOptions *opt, Unit *const *units, size_t n, StrBuf *messages)
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
			strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
			rc = -1;
		}
		strbuf_free(&out);
		strbuf_free(&err);
	}
	return rc;
}

/* Loads the content-type catalog once per run; a broken catalog in a -I
 * directory is the user's error, reported like any other file's. */
static int load_catalog(Catalog *cat, Arena *a, const RunOptions *opt, StrBuf *messages)
{
	Unit u;
	unit_init(&u, "content-types.yaml");
	if (catalog_load(cat, a, opt->include_dirs, opt->ninclude_dirs, &u.diags) == 0 &&
	    !diag_has_errors(&u.diags)) {
		unit_free(&u);
		return 0;
	}
	diag_sort(&u.diags);
	Unit *units[] = { &u };
	ReportContext ctx = { units, 1, false, true, NULL };
	strbuf_puts(messages, "roadmapc: cannot load the content-type catalog:\n");
	report_text(&ctx, messages);
	unit_free(&u);
	return -1;
}

ExitStatus driver_run(const RunOptions *opt, StrBuf *messages)
{
	Arena run_arena;
	Catalog cat;
	arena_init(&run_arena);
	if (load_catalog(&cat, &run_arena, opt, messages) < 0) {
		arena_free(&run_arena);
		return EXIT_TROUBLE;
	}

	Unit **units = xcalloc(opt->nfiles, sizeof *units);
	ExitStatus status = EXIT_CLEAN;
	bool trouble = false;
	for (size_t i = 0; i < opt->nfiles; i++) {
		units[i] = xmalloc(sizeof *units[i]);
		driver_compile(units[i], opt->files[i], NULL, 0, &cat, opt);
		if (units[i]->error) {
			strbuf_printf(messages, "roadmapc: %s\n", units[i]->error);
			trouble = true;
		}
	}

	StrBuf err = STRBUF_INIT;
	int stale = opt->baseline ? baseline_apply(opt->baseline, units, opt->nfiles, &err) : 0;
	if (stale < 0) {
		strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
		trouble = true;
	} else if (stale > 0 && !opt->write_baseline) {
		strbuf_printf(messages, "roadmapc: note: %d entr%s of '%s' match%s no finding any more; "
			      "refresh it with --baseline %s --write-baseline %s\n", stale,
			      stale == 1 ? "y" : "ies", opt->baseline, stale == 1 ? "es" : "",
			      opt->baseline, opt->baseline);
	}
	strbuf_reset(&err);
	if (opt->write_baseline && baseline_write(opt->write_baseline, units, opt->nfiles, &err) < 0) {
		strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
		trouble = true;
	}
	strbuf_free(&err);

	if (write_reports(opt, units, opt->nfiles, messages) < 0)
		trouble = true;
	for (size_t i = 0; i < opt->nfiles; i++) {
		/* '|', not '||': below_coverage also says why, for every file. */
		if (fails(units[i], opt) | below_coverage(units[i], opt, messages))
			status = EXIT_FINDINGS;
		unit_free(units[i]);
		free(units[i]);
	}
	free(units);
	arena_free(&run_arena);
	return trouble ? EXIT_TROUBLE : status;
}
