/* driver.c - runs the phases for each input and decides the exit status.
 *
 * Driver layer. Per file: read -> front end (front.h, by suffix) -> schema
 * -> resolve; the phases up to resolve report structural errors, and a file
 * with any of them stops there (the other files go on). Then, once every
 * file is loaded and the registry is complete, the -W names are validated,
 * then checks and coverage, then, for the whole run, baselines and the
 * reports. Each file gets its own Unit and arena; all are kept until the
 * outputs are written, then freed. */
#include "driver.h"
#include "baseline.h"
#include "front.h"
#include "outfile.h"
#include "output.h"
#include "report.h"
#include "resolve.h"
#include "schema.h"
#include "textio.h"

#include <stdlib.h>
#include <string.h>

void driver_registry(CheckRegistry *reg, Arena *a)
{
	registry_init(reg, a);
	check_register_builtins(reg);
}

/* Front end, schema and resolve: everything that reports structural errors. */
static void load(Unit *u, const FrontEnd *fe, const char *text, size_t len, bool owned,
		 const Catalog *cat, const RunOptions *opt)
{
	u->loaded = true;
	int rc = owned ? srcfile_init_in_place(&u->src, &u->arena, u->name, text, len)
		       : srcfile_init(&u->src, &u->arena, u->name, text, len);
	if (rc < 0) {
		SrcLoc loc = { &u->src, 1, 1, 1 };
		diag_report(&u->diags, loc, SEV_ERROR, fe->check,
			    "the file starts with a UTF-16 mark but is not valid UTF-16");
		return;
	}
	u->src.syntax = fe->syntax;
	FrontResult fr;
	u->diags.max_errors = opt->limits.max_errors;   /* structural errors only */
	if (fe->parse(&u->src, &opt->limits, &u->arena, &u->diags, &fr) == 0) {
		u->roadmap = schema_build(fr.root, &u->src, &u->arena, &u->diags);
		if (u->roadmap)
			resolve_roadmap(u->roadmap, cat, &u->registry, &u->arena, &u->diags);
	}
	u->diags.max_errors = 0;
}

/* Reads and loads one file into 'u'; u->error says why it could not be. */
static void load_unit(Unit *u, const char *path, const char *text, size_t len,
		      const Catalog *cat, const CheckRegistry *reg, const RunOptions *opt)
{
	unit_init(u, path);
	registry_add_all(&u->registry, reg);
	const FrontEnd *fe = front_for_path(path);
	if (!fe->parse) {
		u->error = arena_printf(&u->arena, "cannot load '%s': %s roadmaps are not supported by this version",
					path, fe->name);
		return;
	}
	if (text) {
		load(u, fe, text, len, false, cat, opt);
		return;
	}
	StrBuf err = STRBUF_INIT;
	int truncated;  /* the front end reports the size limit, at a location */
	char *owned = textio_read_capped(path, opt->limits.max_file_size, &len, &truncated, &err);
	if (!owned) {
		u->error = arena_strdup(&u->arena, strbuf_cstr(&err));
		strbuf_free(&err);
		return;
	}
	arena_adopt(&u->arena, owned);  /* the source text, kept for the reports */
	load(u, fe, owned, len, true, cat, opt);
}

/* The checks and coverage, on a unit that loaded without structural errors. */
static void check_unit(Unit *u, const RunOptions *opt)
{
	if (u->roadmap && !diag_has_errors(&u->diags)) {
		CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today };
		check_run(u->roadmap, &u->registry, &cfg, &u->diags);
		u->coverage = model_coverage(u->roadmap);
		u->checked = true;
	}
	diag_sort(&u->diags);
}

void driver_compile(Unit *u, const char *path, const char *text, size_t len,
		    const Catalog *cat, const CheckRegistry *reg, const RunOptions *opt)
{
	load_unit(u, path, text, len, cat, reg, opt);
	check_unit(u, opt);
}

/* Every -W name must be a configurable check of the run, or of one of its
 * files (a rule a roadmap defines); said once the registry is complete. */
static int validate_overrides(const RunOptions *opt, const CheckRegistry *reg, Unit *const *units,
			      size_t n, StrBuf *messages)
{
	for (size_t i = 0; i < opt->noverrides; i++) {
		const char *name = opt->overrides[i].check;
		const CheckInfo *ci = registry_find(reg, name);
		for (size_t u = 0; !ci && u < n; u++)
			ci = registry_find(&units[u]->registry, name);
		if (ci && !ci->structural)
			continue;
		if (ci)
			strbuf_printf(messages, "roadmapc: -W: '%s' is a structural error and cannot be changed\n",
				      name);
		else if (registry_suggest(reg, name, true))
			strbuf_printf(messages, "roadmapc: -W: unknown check '%s'; did you mean '%s'?\n", name,
				      registry_suggest(reg, name, true));
		else
			strbuf_printf(messages, "roadmapc: -W: unknown check '%s' (see 'roadmapc list-checks')\n",
				      name);
		strbuf_puts(messages, "try 'roadmapc --help' for the options\n");
		return -1;
	}
	return 0;
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

/* Writes an output to 'path' as it is made: 'make' fills a buffer that
 * streams into the file (outfile.h), and returns 0, or -1 with a message in
 * 'err', in which case nothing is written. A report of 80 MB is never
 * held whole. */
typedef int (*Writer)(const void *ctx, const void *what, StrBuf *out, StrBuf *err);

static int stream(const char *path, Writer make, const void *ctx, const void *what, StrBuf *err)
{
	OutFile *f = outfile_open(path, err);
	if (!f)
		return -1;
	StrBufSink sink = { outfile_sink, f };
	StrBuf out = STRBUF_INIT;
	out.sink = &sink;
	int rc = make(ctx, what, &out, err);
	strbuf_flush(&out);
	strbuf_free(&out);
	if (rc < 0) {
		outfile_abort(f);
		return -1;
	}
	return outfile_commit(f, err);
}

static int report_writer(const void *ctx, const void *what, StrBuf *out, StrBuf *err)
{
	(void)err;
	((const ReportFormat *)what)->emit(ctx, out);
	return 0;
}

static int output_writer(const void *ctx, const void *what, StrBuf *out, StrBuf *err)
{
	return ((const UnitOutput *)what)->emit(ctx, out, err);
}

/* The diagnostics reports. With 'to_messages' (render, whose picture may go
 * to stdout), a report without its own --output goes to standard error. */
static int write_reports(const RunOptions *opt, const CheckRegistry *reg, Unit *const *units,
			 size_t n, bool to_messages, StrBuf *messages)
{
	static const ReportRequest text_to_stdout = { "text", NULL };
	const ReportRequest *reqs = opt->nreports ? opt->reports : &text_to_stdout;
	size_t nreqs = opt->nreports ? opt->nreports : 1;
	int rc = 0;
	for (size_t i = 0; i < nreqs; i++) {
		const ReportFormat *fmt = report_find(reqs[i].format);
		ASSERT(fmt != NULL);    /* main.c validated the name */
		CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today };
		ReportContext ctx = { units, n, opt->color && !reqs[i].output, opt->quiet, &cfg, reg };
		if (to_messages && !reqs[i].output) {
			fmt->emit(&ctx, messages);
			continue;
		}
		StrBuf err = STRBUF_INIT;
		if (stream(reqs[i].output ? reqs[i].output : "-", report_writer, &ctx, fmt, &err) < 0) {
			strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
			rc = -1;
		}
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
	CheckRegistry reg;
	driver_registry(&reg, &u.arena);
	ReportContext ctx = { units, 1, false, true, NULL, &reg };
	strbuf_puts(messages, "roadmapc: cannot load the content-type catalog:\n");
	report_text(&ctx, messages);
	unit_free(&u);
	return -1;
}

/* ---- the outputs of `build` and `render` ---- */

typedef enum Mode { MODE_CHECK, MODE_BUILD, MODE_RENDER } Mode;

/* NAME of "DIR/NAME.yaml": the file name without its directory and its
 * front end's suffix ("stdin" for standard input). */
static const char *output_stem(Unit *u)
{
	if (strcmp(u->path, "-") == 0)
		return "stdin";
	const char *base = strrchr(u->name, '/');
	base = base ? base + 1 : u->name;
	size_t n = strlen(base);
	const FrontEnd *fe = front_for_path(base);
	for (const char *const *sfx = fe->suffixes; *sfx; sfx++) {
		size_t m = strlen(*sfx);
		if (n > m && strcmp(base + n - m, *sfx) == 0) {
			n -= m;
			break;
		}
	}
	return arena_strndup(&u->arena, base, n);
}

/* Renders output 'o' of 'u' (in view format 'format') and writes it to
 * 'path'; on failure says why in 'messages'. */
static int write_output(const RunOptions *opt, const CheckRegistry *reg, const Unit *u,
			const UnitOutput *o, const char *format, const char *path, StrBuf *messages)
{
	CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today };
	OutputContext ctx = { u, &cfg, reg, o->view ? format : NULL };
	StrBuf err = STRBUF_INIT;
	int rc = stream(path, output_writer, &ctx, o, &err);
	if (rc < 0)
		strbuf_printf(messages, "roadmapc: %s: %s\n", u->name, strbuf_cstr(&err));
	strbuf_free(&err);
	return rc;
}

/* Where `build` writes output 'o' (in the f-th view format) of unit 'u'
 * whose stem is 'stem': DIR/NAME.roadmap.svg, DIR/NAME.plan.md, ... */
static const char *unit_output_path(Unit *u, const RunOptions *opt, const char *stem,
				    const UnitOutput *o, size_t f)
{
	const char *fmt = o->view ? opt->view_formats[f] : NULL;
	return arena_printf(&u->arena, "%s/%s%s%s%s", opt->output_dir, stem, o->suffix,
			    fmt ? "." : "", fmt ? fmt : "");
}

/* `build`: every output of every checked unit into opt->output_dir. Two
 * inputs of the same NAME would overwrite each other's files: refused
 * before anything is written. */
static int write_unit_outputs(const RunOptions *opt, const CheckRegistry *reg, Unit *const *units,
			      size_t n, StrBuf *messages)
{
	const char **stems = xcalloc(n ? n : 1, sizeof *stems);
	for (size_t i = 0; i < n; i++) {
		stems[i] = units[i]->checked ? output_stem(units[i]) : NULL;
		for (size_t k = 0; stems[i] && k < i; k++) {
			if (stems[k] && strcmp(stems[k], stems[i]) == 0) {
				strbuf_printf(messages, "roadmapc: '%s' and '%s' would both write %s/%s.*; "
					      "build them into different directories with -o\n",
					      units[k]->name, units[i]->name, opt->output_dir, stems[i]);
				free(stems);
				return -1;
			}
		}
	}
	StrBuf err = STRBUF_INIT;
	int rc = outfile_mkdirs(opt->output_dir, &err);
	if (rc < 0)
		strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
	strbuf_free(&err);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (!stems[i])
			continue;       /* not checked: its diagnostics say why */
		for (size_t k = 0; k < unit_outputs_len; k++) {
			const UnitOutput *o = &unit_outputs[k];
			size_t nf = o->view ? opt->nview_formats : 1;
			for (size_t f = 0; f < nf; f++) {
				const char *fmt = o->view ? opt->view_formats[f] : NULL;
				const char *path = unit_output_path(units[i], opt, stems[i], o, f);
				if (write_output(opt, reg, units[i], o, fmt, path, messages) < 0)
					rc = -1;
			}
		}
	}
	free(stems);
	return rc;
}

/* ---- no output overwrites an input or another output ---- */

/* A file the run reads or writes, and what the user called it. */
typedef struct Claim {
	OutFileId id;
	const char *path;
	const char *what;       /* an input: "the input roadmap", ...; an output: NULL */
	bool input;
	bool baseline;          /* --baseline or --write-baseline: they may be one file */
} Claim;

static void claim(Claim **cl, size_t *n, const char *path, const char *what, bool input,
		  bool baseline)
{
	OutFileId id;
	if (!path || !outfile_id(path, &id))
		return;         /* "-", devices and pipes may be named any number of times */
	*cl = xrealloc(*cl, (*n + 1) * sizeof **cl);
	(*cl)[(*n)++] = (Claim){ id, path, what, input, baseline };
}

/* Refuses, before anything is written, an output that is a file the run
 * reads (by device and inode, however it is spelled) or that another
 * output writes too: the first would be lost, the second silently lose
 * one of the two. `--baseline B --write-baseline B` (refreshing) is fine. */
static int refuse_clobbering(const RunOptions *opt, Mode mode, Unit *const *units, size_t n,
			     StrBuf *messages)
{
	Claim *cl = NULL;
	size_t ncl = 0;
	for (size_t i = 0; i < n; i++)
		claim(&cl, &ncl, units[i]->path, "the input roadmap", true, false);
	claim(&cl, &ncl, opt->baseline, "the baseline read with --baseline", true, true);
	for (size_t i = 0; i < opt->nreports; i++)
		claim(&cl, &ncl, opt->reports[i].output, NULL, false, false);
	claim(&cl, &ncl, opt->write_baseline, NULL, false, true);
	if (mode == MODE_RENDER)
		claim(&cl, &ncl, opt->render_output, NULL, false, false);
	for (size_t i = 0; mode == MODE_BUILD && i < n; i++) {
		if (!units[i]->checked)
			continue;
		const char *stem = output_stem(units[i]);
		for (size_t k = 0; k < unit_outputs_len; k++) {
			const UnitOutput *o = &unit_outputs[k];
			for (size_t f = 0; f < (o->view ? opt->nview_formats : 1); f++)
				claim(&cl, &ncl, unit_output_path(units[i], opt, stem, o, f), NULL,
				      false, false);
		}
	}
	int rc = 0;
	for (size_t j = 0; rc == 0 && j < ncl; j++) {
		for (size_t i = 0; rc == 0 && i < j; i++) {
			const Claim *a = &cl[i], *b = &cl[j];   /* inputs come first */
			if (b->input || (a->baseline && b->baseline) || !outfile_same(&a->id, &b->id))
				continue;
			if (a->input)
				strbuf_printf(messages, "roadmapc: refusing to write '%s': it is %s '%s'\n",
					      b->path, a->what, a->path);
			else
				strbuf_printf(messages, "roadmapc: refusing to write '%s' twice (also as '%s'): "
					      "one of the two outputs would be lost\n", b->path, a->path);
			rc = -1;
		}
	}
	free(cl);
	return rc;
}

/* `render`: one view of the one input, to opt->render_output ("-": stdout). */
static int write_render(const RunOptions *opt, const CheckRegistry *reg, Unit *u, StrBuf *messages)
{
	if (!u->checked)
		return 0;       /* its diagnostics say why there is no picture */
	const UnitOutput *o = output_find(opt->view);
	ASSERT(o != NULL);      /* main.c validated the name */
	const char *fmt = opt->nview_formats ? opt->view_formats[0] : output_view_formats[0];
	return write_output(opt, reg, u, o, fmt, opt->render_output, messages);
}

/* ---- the commands that check ---- */

static void free_units(Unit **units, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unit_free(units[i]);
		free(units[i]);
	}
	free(units);
}

/* Everything `check`, `build` and `render` share: load every file,
 * validate -W, check, apply and write baselines, write the reports, then
 * the per-roadmap outputs of 'mode'. */
static ExitStatus run(const RunOptions *opt, Mode mode, StrBuf *messages)
{
	Arena run_arena;
	Catalog cat;
	arena_init(&run_arena);
	if (load_catalog(&cat, &run_arena, opt, messages) < 0) {
		arena_free(&run_arena);
		return EXIT_TROUBLE;
	}

	CheckRegistry reg;
	driver_registry(&reg, &run_arena);

	Unit **units = xcalloc(opt->nfiles, sizeof *units);
	ExitStatus status = EXIT_CLEAN;
	bool trouble = false;
	for (size_t i = 0; i < opt->nfiles; i++) {
		units[i] = xmalloc(sizeof *units[i]);
		load_unit(units[i], opt->files[i], NULL, 0, &cat, &reg, opt);
	}
	if (validate_overrides(opt, &reg, units, opt->nfiles, messages) < 0) {
		free_units(units, opt->nfiles);
		arena_free(&run_arena);
		return EXIT_TROUBLE;
	}
	for (size_t i = 0; i < opt->nfiles; i++) {
		check_unit(units[i], opt);
		if (units[i]->error) {
			strbuf_printf(messages, "roadmapc: %s\n", units[i]->error);
			trouble = true;
		}
	}
	if (refuse_clobbering(opt, mode, units, opt->nfiles, messages) < 0) {
		free_units(units, opt->nfiles);
		arena_free(&run_arena);
		return EXIT_TROUBLE;
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

	if (write_reports(opt, &reg, units, opt->nfiles, mode == MODE_RENDER, messages) < 0)
		trouble = true;
	if (mode == MODE_BUILD && write_unit_outputs(opt, &reg, units, opt->nfiles, messages) < 0)
		trouble = true;
	if (mode == MODE_RENDER && write_render(opt, &reg, units[0], messages) < 0)
		trouble = true;
	for (size_t i = 0; i < opt->nfiles; i++) {
		/* Both are asked: below_coverage also says why, for every file. */
		bool failed = fails(units[i], opt);
		if (below_coverage(units[i], opt, messages) || failed)
			status = EXIT_FINDINGS;
		unit_free(units[i]);
		free(units[i]);
	}
	free(units);
	arena_free(&run_arena);
	return trouble ? EXIT_TROUBLE : status;
}

ExitStatus driver_run(const RunOptions *opt, StrBuf *messages)
{
	return run(opt, MODE_CHECK, messages);
}

ExitStatus driver_build(const RunOptions *opt, StrBuf *messages)
{
	return run(opt, MODE_BUILD, messages);
}

ExitStatus driver_render(const RunOptions *opt, StrBuf *messages)
{
	ASSERT(opt->nfiles == 1);
	return run(opt, MODE_RENDER, messages);
}

ExitStatus driver_list_checks(const RunOptions *opt, StrBuf *out, StrBuf *messages)
{
	(void)opt;
	(void)messages;
	Arena a;
	CheckRegistry reg;
	arena_init(&a);
	driver_registry(&reg, &a);
	check_list(&reg, out);
	arena_free(&a);
	return EXIT_CLEAN;
}

ExitStatus driver_explain(const RunOptions *opt, const char *name, StrBuf *out, StrBuf *messages)
{
	(void)opt;
	Arena a;
	CheckRegistry reg;
	arena_init(&a);
	driver_registry(&reg, &a);
	ExitStatus st = EXIT_CLEAN;
	if (check_explain(&reg, name, out) < 0) {
		const char *best = registry_suggest(&reg, name, true);
		strbuf_printf(messages, "roadmapc: unknown check '%s'", name);
		if (best)
			strbuf_printf(messages, "; did you mean '%s'?", best);
		strbuf_puts(messages, "\n'roadmapc list-checks' lists every check\n");
		st = EXIT_TROUBLE;
	}
	arena_free(&a);
	return st;
}
