/* driver.c - runs the phases for each input and decides the exit status.
 *
 * Driver layer. Per file: read -> front end (front.h, by suffix) -> the
 * stage template merged in (extends.h) -> schema -> resolve; the phases up
 * to resolve report structural errors, and a file with any of them stops
 * there (the other files go on). Then, once every
 * file is loaded and the registry is complete, the -W names are validated,
 * then checks and coverage, then, for the whole run, baselines and the
 * reports. Each file gets its own Unit and arena; all are kept until the
 * outputs are written, then freed. */
#include "driver.h"
#include "baseline.h"
#include "extends.h"
#include "front.h"
#include "jsonschema.h"
#include "outfile.h"
#include "output.h"
#include "report.h"
#include "resolve.h"
#include "schema.h"
#include "starter.h"
#include "textio.h"

#include <stdlib.h>
#include <string.h>

void driver_registry(CheckRegistry *reg, Arena *a)
{
	registry_init(reg, a);
	check_register_builtins(reg);
}

/* Where the run looks for stage templates. */
static ExtendsPath extends_path(const RunOptions *opt)
{
	ExtendsPath path = { opt->include_dirs, opt->ninclude_dirs, &opt->limits,
			     opt->installed_stdlib };
	return path;
}

/* Shows the diagnostics of 'u' (a file the run needs, such as the catalog
 * or a --rules file) after 'title'. */
static void report_broken(Unit *u, const char *title, StrBuf *messages)
{
	diag_sort(&u->diags);
	Unit *units[] = { u };
	Arena a;
	arena_init(&a);
	CheckRegistry reg;
	driver_registry(&reg, &a);
	/* Every finding in full: these are a file's mistakes, not a check's. */
	ReportContext ctx = { .units = units, .nunits = 1, .quiet = true, .registry = &reg,
			      .no_fold = true };
	strbuf_puts(messages, title);
	report_text(&ctx, messages);
	arena_free(&a);
}

int driver_run_registry(CheckRegistry *reg, Arena *a, const RunOptions *opt, StrBuf *messages)
{
	driver_registry(reg, a);
	for (size_t i = 0; i < opt->nrule_files; i++) {
		const char *path = opt->rule_files[i];
		StrBuf err = STRBUF_INIT;
		size_t len;
		char *text = textio_read(path, "rules file", opt->limits.max_file_size, &len, &err);
		if (!text) {
			strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
			strbuf_free(&err);
			return -1;
		}
		strbuf_free(&err);
		Unit u;
		unit_init(&u, path);
		/* The rules' files live as long as the run: in 'a'. */
		int rc = check_rules_load_file(u.name, text, len, reg, &opt->limits, a, &u.diags);
		free(text);
		if (rc < 0) {
			report_broken(&u, arena_printf(a, "roadmapc: cannot load the rules in '%s':\n", u.name),
				      messages);
			unit_free(&u);
			return -1;
		}
		unit_free(&u);
	}
	return 0;
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
	srcfile_set_syntax(&u->src, &u->arena, fe->syntax);
	FrontResult fr;
	/* A file's structural errors are capped (the checks' findings are not). */
	u->diags.max_errors = opt->limits.max_errors;
	rc = fe->parse(&u->src, &opt->limits, &u->arena, &u->diags, &fr);
	u->lua_usage = fr.lua_usage;
	if (rc == 0) {
		check_rules_register(&u->registry, fr.rules, fr.nrules, &u->src, &u->arena, &u->diags);
		ExtendsPath path = extends_path(opt);
		size_t before = u->diags.n;
		Node *root = extends_merge(fr.root, &path, &u->arena, &u->diags);
		Roadmap *rm = schema_build(root, &u->src, &u->arena, &u->diags);
		if (rm) {
			check_rules_load_modules(rm, &u->registry, opt->include_dirs, opt->ninclude_dirs,
						 &opt->limits, &u->arena, &u->diags);
			resolve_roadmap(rm, cat, &u->registry, &u->arena, &u->diags);
		}
		if (rm && rm->extends)
			extends_note_errors(&u->diags, before, &u->src, rm->extends, rm->extends_loc);
		u->roadmap = rm;
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
		CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today, &opt->limits,
				    &u->lua_usage };
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
		if (ci) {
			strbuf_printf(messages, "roadmapc: -W: '%s' is a structural error and cannot be changed\n"
				      "structural errors are always errors: fix the mistake instead\n", name);
			return -1;
		}
		/* The name is what is wrong, so point at the list of names. */
		if (registry_suggest(reg, name, true))
			strbuf_printf(messages, "roadmapc: -W: unknown check '%s'; did you mean '%s'?\n", name,
				      registry_suggest(reg, name, true));
		else
			strbuf_printf(messages, "roadmapc: -W: unknown check '%s'\n", name);
		strbuf_puts(messages, "'roadmapc list-checks' lists every check\n");
		return -1;
	}
	return 0;
}

/* Structural errors cannot be suppressed, so a file that did not load always
 * fails the run, whatever --fail-on says: nothing about it was checked.
 * Findings do not fail a run that wrote a baseline ('accepted'): writing
 * one accepts them, which is how a team adopts roadmapc. */
static bool fails(const Unit *c, const RunOptions *opt, bool accepted)
{
	if (c->loaded && !c->checked)
		return true;
	if (opt->fail_on == SEV_OFF || accepted)
		return false;
	for (size_t i = 0; i < c->diags.n; i++) {
		const Diag *d = c->diags.items[i];
		if (!d->suppressed && d->sev >= opt->fail_on)
			return true;
	}
	return false;
}

/* A coverage figure below --min-coverage fails the run; the reports say
 * which and why (report_coverage_low), in every format. */
static bool below_coverage(const Unit *c, const RunOptions *opt)
{
	if (opt->min_coverage < 0 || !c->checked)
		return false;
	const Coverage *cv = &c->coverage;
	unsigned min = (unsigned)opt->min_coverage;
	return model_coverage_tenths(cv->questions_done, cv->questions_total) < min ||
	       model_coverage_tenths(cv->stages_done, cv->stages_total) < min;
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
	if (rc != 0) {          /* > 0: not written, for a reason in 'err' */
		outfile_abort(f);
		return rc;
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
		CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today, &opt->limits, NULL };
		ReportContext ctx = { .units = units, .nunits = n,
				      .color = opt->color && !reqs[i].output, .quiet = opt->quiet,
				      .checks = &cfg, .registry = reg,
				      .min_coverage = opt->min_coverage > 0 ? opt->min_coverage : 0,
				      .no_fold = opt->no_fold };
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
	report_broken(&u, "roadmapc: cannot load the content-type catalog:\n", messages);
	unit_free(&u);
	return -1;
}

/* What every command that reads the stdlib starts with: the run's arena,
 * its catalog and its registry. -1 (everything freed, the reason in
 * 'messages') when the catalog cannot be loaded. */
static int start_run(Arena *a, Catalog *cat, CheckRegistry *reg, const RunOptions *opt,
		     StrBuf *messages)
{
	arena_init(a);
	if (load_catalog(cat, a, opt, messages) < 0) {
		arena_free(a);
		return -1;
	}
	if (driver_run_registry(reg, a, opt, messages) < 0) {
		arena_free(a);
		return -1;
	}
	return 0;
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
			const UnitOutput *o, const char *format, const char *stem, const char *path,
			StrBuf *messages)
{
	CheckConfig cfg = { opt->overrides, opt->noverrides, opt->today, &opt->limits, NULL };
	StrBuf err = STRBUF_INIT, warnings = STRBUF_INIT;
	OutputContext ctx = { u, &cfg, reg, o->view ? format : NULL, stem, &warnings };
	int rc = stream(path, output_writer, &ctx, o, &err);
	/* Graphviz's warnings, and a picture too big for a bitmap, are said
	 * but do not fail the run. */
	for (const char *w = strbuf_cstr(&warnings); *w;) {
		size_t n = strcspn(w, "\n");
		strbuf_printf(messages, "roadmapc: warning: %s: %.*s\n", path, (int)n, w);
		w += n + (w[n] == '\n');
	}
	if (rc > 0) {
		strbuf_printf(messages, "roadmapc: warning: %s not written: %s\n", path, strbuf_cstr(&err));
		rc = 0;
	}
	if (rc < 0)
		strbuf_printf(messages, "roadmapc: %s: %s\n", u->name, strbuf_cstr(&err));
	strbuf_free(&err);
	strbuf_free(&warnings);
	return rc;
}

/* Where `build` writes output 'o' (in the f-th view format) of unit 'u'
 * whose stem is 'stem': DIR/NAME.roadmap.svg, DIR/NAME.plan.md, ... */
/* How many files output 'o' is written to: one per -T format for a view
 * (svg alone without -T), else one. */
static size_t view_format_count(const RunOptions *opt, const UnitOutput *o)
{
	return !o->view ? 1 : opt->nview_formats ? opt->nview_formats : 1;
}

/* The 'f'th format of view 'o' (NULL when 'o' is no view). */
static const char *view_format(const RunOptions *opt, const UnitOutput *o, size_t f)
{
	if (!o->view)
		return NULL;
	return opt->nview_formats ? opt->view_formats[f] : output_view_formats[0];
}

static const char *unit_output_path(Unit *u, const RunOptions *opt, const char *stem,
				    const UnitOutput *o, size_t f)
{
	const char *fmt = view_format(opt, o, f);
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
			/* Without -T, the views are written in the first format, svg. */
			size_t nf = view_format_count(opt, o);
			for (size_t f = 0; f < nf; f++) {
				const char *fmt = view_format(opt, o, f);
				const char *path = unit_output_path(units[i], opt, stems[i], o, f);
				if (write_output(opt, reg, units[i], o, fmt, stems[i], path, messages) < 0)
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
			for (size_t f = 0; f < view_format_count(opt, o); f++)
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
	/* refuse_clobbering() has refused an -o that names the roadmap. */
	const UnitOutput *o = output_find(opt->view);
	ASSERT(o != NULL);      /* main.c validated the name */
	const char *fmt = opt->nview_formats ? opt->view_formats[0] : output_view_formats[0];
	return write_output(opt, reg, u, o, fmt, output_stem(u), opt->render_output, messages);
}

/* ---- baselines ---- */

/* --baseline, then --write-baseline (baseline.h). Returns true when a
 * baseline was written: the run's findings are then accepted. A baseline
 * that cannot be read is not rewritten, so its entries are never lost. */
static bool write_baselines(const RunOptions *opt, Unit *const *units, StrBuf *messages,
			    bool *trouble)
{
	StrBuf err = STRBUF_INIT;
	Baseline *base = NULL;
	bool written = false;
	if (opt->baseline) {
		base = baseline_load(opt->baseline, &err);
		if (base)
			baseline_apply(base, units, opt->nfiles, opt->write_baseline != NULL, messages);
		else
			strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
	}
	if (opt->write_baseline && (base || !opt->baseline)) {
		strbuf_reset(&err);
		long n = baseline_write(opt->write_baseline, base, units, opt->nfiles, &err);
		if (n < 0)
			strbuf_printf(messages, "roadmapc: %s\n", strbuf_cstr(&err));
		else if (strcmp(opt->write_baseline, "-") != 0)
			strbuf_printf(messages, "roadmapc: %s: %ld finding%s accepted; a run with "
				      "--baseline %s fails only on new ones\n", opt->write_baseline,
				      n, n == 1 ? "" : "s", opt->write_baseline);
		written = n >= 0;
	}
	*trouble |= (opt->baseline && !base) || (opt->write_baseline && !written);
	baseline_free(base);
	strbuf_free(&err);
	return written;
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
	CheckRegistry reg;
	if (start_run(&run_arena, &cat, &reg, opt, messages) < 0)
		return EXIT_TROUBLE;

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

	bool accepted = write_baselines(opt, units, messages, &trouble);

	if (write_reports(opt, &reg, units, opt->nfiles, mode == MODE_RENDER, messages) < 0)
		trouble = true;
	if (mode == MODE_BUILD && write_unit_outputs(opt, &reg, units, opt->nfiles, messages) < 0)
		trouble = true;
	if (mode == MODE_RENDER && write_render(opt, &reg, units[0], messages) < 0)
		trouble = true;
	for (size_t i = 0; i < opt->nfiles; i++) {
		if (below_coverage(units[i], opt) || fails(units[i], opt, accepted))
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
	Arena a;
	CheckRegistry reg;
	arena_init(&a);
	ExitStatus st = EXIT_TROUBLE;
	if (driver_run_registry(&reg, &a, opt, messages) == 0) {
		check_list(&reg, out);
		st = EXIT_CLEAN;
	}
	arena_free(&a);
	return st;
}

ExitStatus driver_explain(const RunOptions *opt, const char *name, StrBuf *out, StrBuf *messages)
{
	Arena a;
	CheckRegistry reg;
	arena_init(&a);
	if (driver_run_registry(&reg, &a, opt, messages) < 0) {
		arena_free(&a);
		return EXIT_TROUBLE;
	}
	/* A rule of a module is known once the module is loaded: try the
	 * module of that name. */
	if (!registry_find(&reg, name)) {
		Unit u;
		unit_init(&u, name);
		if (check_rules_load_module(name, &reg, opt->include_dirs, opt->ninclude_dirs, &opt->limits,
					    &a, &u.diags) < 0) {
			report_broken(&u, arena_printf(&a, "roadmapc: cannot load the rule module '%s':\n", name),
				      messages);
			unit_free(&u);
			arena_free(&a);
			return EXIT_TROUBLE;
		}
		unit_free(&u);
	}
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

ExitStatus driver_list_templates(const RunOptions *opt, StrBuf *out, StrBuf *messages)
{
	(void)messages;
	Arena a;
	arena_init(&a);
	ExtendsPath path = extends_path(opt);
	Template *list;
	size_t n = extends_list(&path, &a, &list);
	int width = 0;
	for (size_t i = 0; i < n; i++)
		if ((int)strlen(list[i].name) > width)
			width = (int)strlen(list[i].name);
	for (size_t i = 0; i < n; i++) {
		strbuf_printf(out, "%-*s  %s", width, list[i].name,
			      *list[i].summary ? list[i].summary : "(no summary)");
		if (!list[i].builtin)
			strbuf_printf(out, " (%s)", list[i].path);
		strbuf_putc(out, '\n');
	}
	arena_free(&a);
	return EXIT_CLEAN;
}

ExitStatus driver_init(const RunOptions *opt, const char *name, bool lua, const char *file,
		       StrBuf *messages)
{
	Arena a;
	Catalog cat;
	CheckRegistry reg;
	if (start_run(&a, &cat, &reg, opt, messages) < 0)
		return EXIT_TROUBLE;
	/* The template, first on its own: an unknown name is said plainly. */
	Unit u;
	unit_init(&u, "roadmapc init");
	ExtendsPath path = extends_path(opt);
	Template t;
	ExitStatus st = EXIT_CLEAN;
	if (extends_load(name, &path, &a, &u.diags, &t) < 0) {     /* 't' lives in 'a' */
		report_broken(&u, "roadmapc: cannot start from this template:\n", messages);
		st = EXIT_TROUBLE;
	}
	unit_free(&u);

	/* Then a roadmap that extends it, resolved as any roadmap is: the
	 * starter shows what such a roadmap gets. */
	char *text = arena_printf(&a, "roadmap: 1\nproduct: P\nsegment: S\nextends: %s\n", name);
	if (st == EXIT_CLEAN) {
		/* Named as YAML whatever the starter's syntax: the text is YAML. */
		driver_compile(&u, "init.yaml", text, strlen(text), &cat, &reg, opt);
		if (!u.checked) {
			report_broken(&u, "roadmapc: cannot start from this template:\n", messages);
			st = EXIT_TROUBLE;
		} else {
			Starter s = { file, name, t.summary, u.roadmap };
			StrBuf out = STRBUF_INIT, err = STRBUF_INIT;
			if (strcmp(file, "-") == 0)
				s.file = lua ? "roadmap.lua" : "roadmap.yaml";
			(lua ? starter_lua : starter_yaml)(&s, &out);
			int rc = outfile_create(file, strbuf_cstr(&out), out.len, &err);
			if (rc == -2) {
				strbuf_printf(messages, "roadmapc: init: %s; init never replaces a file: "
					      "choose another name, or remove it first\n", strbuf_cstr(&err));
				st = EXIT_TROUBLE;
			} else if (rc < 0) {
				strbuf_printf(messages, "roadmapc: init: %s\n", strbuf_cstr(&err));
				st = EXIT_TROUBLE;
			} else if (strcmp(file, "-") != 0) {
				size_t nq = 0;
				for (size_t i = 0; i < u.roadmap->nstages; i++)
					nq += u.roadmap->stages[i]->nquestions;
				strbuf_printf(messages, "roadmapc: wrote %s from template '%s': %zu stages, "
					      "%zu buyer questions to answer\nnext: roadmapc check %s\n",
					      file, name, u.roadmap->nstages, nq, file);
			}
			strbuf_free(&out);
			strbuf_free(&err);
		}
		unit_free(&u);
	}
	arena_free(&a);
	return st;
}

ExitStatus driver_schema(const RunOptions *opt, StrBuf *out, StrBuf *messages)
{
	Arena a;
	Catalog cat;
	CheckRegistry reg;
	if (start_run(&a, &cat, &reg, opt, messages) < 0)
		return EXIT_TROUBLE;
	ExtendsPath path = extends_path(opt);
	JsonSchemaSources src = { &cat, NULL, 0, &reg };
	Template *list;
	src.ntemplates = extends_list(&path, &a, &list);
	src.templates = list;
	jsonschema_write(&src, out);
	arena_free(&a);
	return EXIT_CLEAN;
}
