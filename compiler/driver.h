/* driver.h - runs the phases for each input file and decides the outcome.
 *
 * Driver layer. main.c turns argv into RunOptions and calls a driver_*
 * function per command; the driver loads each file (read -> front end ->
 * schema -> resolve) into a Unit (unit.h), runs the checks on the files
 * that loaded without structural errors, writes the outputs, and returns an
 * exit status. The driver prints nothing: outputs go where the options say
 * (through outfile.h), and what must be said about the run itself (an
 * unreadable file, an unwritable output, a stale baseline) is appended to
 * 'messages', one "roadmapc: ..." line each, for main.c to show on stderr. */
#ifndef ROADMAPC_DRIVER_H
#define ROADMAPC_DRIVER_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "check.h"
#include "limits.h"
#include "registry.h"
#include "strbuf.h"
#include "unit.h"

/* Exit statuses of the command line (language reference, section 7). */
typedef enum ExitStatus {
	EXIT_CLEAN = 0,         /* nothing at or above --fail-on, coverage met */
	EXIT_FINDINGS = 1,      /* findings at or above --fail-on, or coverage too low */
	EXIT_TROUBLE = 2        /* usage, I/O or internal error */
} ExitStatus;

/* A report to produce: a format name and where to write it (NULL: stdout). */
typedef struct ReportRequest {
	const char *format;
	const char *output;
} ReportRequest;

typedef struct RunOptions {
	const char *const *files;
	size_t nfiles;
	ReportRequest *reports;
	size_t nreports;
	Severity fail_on;       /* SEV_OFF: never fail on findings */
	int min_coverage;       /* tenths of a percent (855: 85.5%); < 0 when not set */
	CheckOverride *overrides;       /* names not yet validated: see driver_run */
	size_t noverrides;
	long today;
	/* The stdlib search path, searched before the embedded stdlib
	 * (stdlib_files.h): -I, then ROADMAPC_PATH, then the installed stdlib. */
	const char *const *include_dirs;
	size_t ninclude_dirs;
	const char *installed_stdlib;   /* the last of them when it is the installed stdlib, or NULL */
	const char *const *rule_files;  /* --rules: Lua rules run on every roadmap */
	size_t nrule_files;
	bool color;             /* for text written to a terminal */
	bool quiet;             /* -q: no summary line */
	bool no_fold;           /* -v: every finding in full in the text format */
	Limits limits;
	const char *baseline;        /* --baseline FILE, or NULL */
	const char *write_baseline;  /* --write-baseline FILE, or NULL */
	/* build and render */
	const char *output_dir;         /* build: where the outputs go (-o DIR) */
	const char *const *view_formats;  /* -T, in order; none: svg */
	size_t nview_formats;
	const char *view;               /* render: the output's name (--view) */
	const char *render_output;      /* render: the file (-o OUT, "-": stdout) */
} RunOptions;

/* `check`: loads every file, then validates the -W names against the
 * complete registry (a rule a file defines may be named), checks, applies
 * and writes baselines, writes the reports. Returns the exit status. */
ExitStatus driver_run(const RunOptions *opt, StrBuf *messages);

/* `build`: what `check` does, then every per-roadmap output (output.h) of
 * each file without structural errors into opt->output_dir: the diagrams
 * and the action plan. */
ExitStatus driver_build(const RunOptions *opt, StrBuf *messages);

/* `render`: what `check` does for its one file, then the view opt->view
 * in the first -T format to opt->render_output. Diagnostics without their
 * own --output go to 'messages' (standard error): the picture may be
 * going to standard output. */
ExitStatus driver_render(const RunOptions *opt, StrBuf *messages);

/* `list-checks` and `explain NAME`: what the run's registry knows (with
 * the rules of --rules; `explain` also looks for a rule module NAME), into
 * 'out'. */
ExitStatus driver_list_checks(const RunOptions *opt, StrBuf *out, StrBuf *messages);
ExitStatus driver_explain(const RunOptions *opt, const char *name, StrBuf *out,
			  StrBuf *messages);

/* `list-templates`: every stage template on the stdlib search path, one
 * line each: its name and summary, and where it was found when it is not
 * roadmapc's own (embedded, or in the installed stdlib). */
ExitStatus driver_list_templates(const RunOptions *opt, StrBuf *out, StrBuf *messages);

/* `init`: writes a starter roadmap (starter.h) that extends the stage
 * template 'name' to 'file' ("-": standard output), in the Lua form when
 * 'lua'. Never replaces a file: an existing 'file' is an error. The
 * template's mistakes, if any, go to 'messages' as diagnostics. */
ExitStatus driver_init(const RunOptions *opt, const char *name, bool lua, const char *file,
		       StrBuf *messages);

/* `schema`: the JSON Schema of the roadmap format (jsonschema.h), with the
 * content types and templates of the search path, into 'out'. */
ExitStatus driver_schema(const RunOptions *opt, StrBuf *out, StrBuf *messages);

/* The built-in checks. Lives in 'a'. */
void driver_registry(CheckRegistry *reg, Arena *a);

/* The run's registry: the built-in checks, then the rules of each --rules
 * file. Returns 0, or -1 with the broken file's diagnostics in 'messages'.
 * Lives in 'a'. */
int driver_run_registry(CheckRegistry *reg, Arena *a, const RunOptions *opt, StrBuf *messages);

/* Loads, checks and computes coverage for one file into 'u' (which it
 * initialises with unit_init), with the checks of 'reg' and the catalog
 * 'cat'; used by driver_run and by tests and fuzzers. 'text' may be NULL,
 * in which case the file is read from 'path'. */
void driver_compile(Unit *u, const char *path, const char *text, size_t len,
		    const Catalog *cat, const CheckRegistry *reg, const RunOptions *opt);

#endif
