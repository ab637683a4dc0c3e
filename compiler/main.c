/* main.c - the command line: the only file that reads argv and calls exit().
 *
 * Main layer. Two tables drive it, as the rest of the compiler is driven by
 * tables: the commands (check, explain, ...) and the options, each option
 * row naming the commands that take it. The parser turns argv into Args
 * (RunOptions plus what only the command line needs), the command's row
 * runs the driver (driver.h), and main() turns the result into the exit
 * status of the language reference, section 7: 0 clean, 1 findings or low
 * coverage, 2 usage, I/O or internal error. --help is made from the tables. */
#include "date.h"
#include "driver.h"
#include "escape.h"
#include "output.h"
#include "report.h"
#include "stdlib_files.h"
#include "signals.h"
#include "version.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ==== What the command line collects ==== */

typedef struct Args {
	RunOptions run;
	const char **files;             /* positional arguments, in order */
	size_t nfiles;
	const char **dirs;              /* -I, then ROADMAPC_PATH */
	size_t ndirs;
	const char **rule_files;        /* --rules */
	const char *color;              /* auto | always | never */
	const char **view_formats;      /* -T */
	char *path_copy;                /* ROADMAPC_PATH, split in place */
	char *installed;                /* the installed stdlib, or NULL */
	const char *template_name;      /* init --template */
	bool lua;                       /* init --lua */
} Args;

/* ==== Errors ==== */

/* Where a usage error goes once it is said: back to main(), which frees
 * what the parser made and exits 2 (and to a fuzz target of the parser,
 * which goes on with the next command line). */
static jmp_buf usage_exit;

/* Writes 's' to standard error with control characters shown as '?' (line
 * breaks kept): arguments and file names are the user's text, and must not
 * drive the terminal. */
static void say(const char *s)
{
	StrBuf sb = STRBUF_INIT;
	escape_terminal_lines(&sb, s, strlen(s));
	fputs(strbuf_cstr(&sb), stderr);
	strbuf_free(&sb);
}

static NORETURN PRINTF_LIKE(1, 2) void usage_error(const char *fmt, ...)
{
	va_list ap;
	StrBuf sb = STRBUF_INIT;
	strbuf_puts(&sb, "roadmapc: ");
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	strbuf_puts(&sb, "\ntry 'roadmapc --help' for the options\n");
	say(strbuf_cstr(&sb));
	strbuf_free(&sb);
	longjmp(usage_exit, 1);
}

/* Running out of memory is reported, and the run ends with status 2 (no
 * signal: a crash is a bug, an exhausted machine is not). */
static NORETURN void out_of_memory(void)
{
	signals_remove_temporaries();
	fputs("roadmapc: out of memory\n", stderr);
	exit(EXIT_TROUBLE);
}

/* A whole number written in decimal digits only, so "+3", "0x10" and
 * " 5" are refused rather than read as something the user did not mean. */
static bool all_digits(const char *s, const char *extra)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (extra && *s && strchr(extra, *s))))
			return false;
	return true;
}

/* Appends 'name' to the list of names 'buf' (", " between them). The lists
 * are our own tables' names, short; a usage error cannot free a heap list. */
static void join_name(char *buf, size_t size, const char *name)
{
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, "%s%s", n ? ", " : "", name);
}

/* ==== The options ==== */

/* Commands an option belongs to, as bits. */
enum { FOR_CHECK = 1, FOR_BUILD = 2, FOR_RENDER = 4, FOR_TEMPLATES = 8, FOR_INIT = 16,
       FOR_SCHEMA = 32, FOR_EXPLAIN = 64, FOR_LIST = 128 };
#define FOR_CHECKING (FOR_CHECK | FOR_BUILD | FOR_RENDER)
#define FOR_RULES (FOR_CHECKING | FOR_EXPLAIN | FOR_LIST)

static void add_report(Args *a, const char *format)
{
	if (!report_find(format)) {
		char names[256] = "";
		for (size_t i = 0; i < report_formats_len; i++)
			join_name(names, sizeof names, report_formats[i].name);
		usage_error("unknown format '%s' (the formats are %s)", format, names);
	}
	RunOptions *r = &a->run;
	r->reports = xrealloc(r->reports, (r->nreports + 1) * sizeof *r->reports);
	r->reports[r->nreports++] = (ReportRequest){ format, NULL };
}

static void opt_format(Args *a, const char *v) { add_report(a, v); }

static void opt_output(Args *a, const char *v)
{
	RunOptions *r = &a->run;
	if (!r->nreports)
		add_report(a, "text");
	if (r->reports[r->nreports - 1].output)
		usage_error("'%s': each --output needs its own --format before it", v);
	r->reports[r->nreports - 1].output = v;
}

static void opt_fail_on(Args *a, const char *v)
{
	if (strcmp(v, "never") == 0)
		a->run.fail_on = SEV_OFF;
	else if (severity_parse(v, &a->run.fail_on) < 0 || a->run.fail_on == SEV_OFF)
		usage_error("--fail-on must be error, warning, info or never, got '%s'", v);
}

/* PCT, PCT%, PCT.D or PCT.D%: at most one decimal, because coverage is
 * shown to a tenth of a percent and compared exactly as shown. */
static void opt_min_coverage(Args *a, const char *v)
{
	size_t n = strlen(v);
	if (n > 0 && v[n - 1] == '%')
		n--;
	const char *dot = memchr(v, '.', n);
	size_t whole = dot ? (size_t)(dot - v) : n;
	size_t decimals = dot ? n - whole - 1 : 0;
	bool ok = whole > 0 && (!dot || decimals > 0);
	unsigned long tenths = 0;
	for (size_t i = 0; ok && i < n; i++) {
		if (v + i == dot)
			continue;
		ok = v[i] >= '0' && v[i] <= '9';
		if (i <= whole + 1 && tenths <= 1000)        /* the whole part, one decimal */
			tenths = tenths * 10 + (unsigned long)(v[i] - '0');
	}
	if (ok && decimals > 1)
		usage_error("--min-coverage takes at most one decimal (coverage is shown to a "
			    "tenth of a percent), got '%s'", v);
	if (!dot)
		tenths *= 10;
	if (!ok || tenths > 1000)
		usage_error("--min-coverage must be a percentage from 0 to 100, got '%s'", v);
	a->run.min_coverage = (int)tenths;
}

/* -W CHECK=SEVERITY. The name is checked by the driver, once every rule a
 * run defines is known. */
static void opt_warning(Args *a, const char *v)
{
	const char *eq = strchr(v, '=');
	if (!eq || eq == v)
		usage_error("-W expects CHECK=SEVERITY, got '%s'", v);
	Severity sev;
	if (severity_parse(eq + 1, &sev) < 0)
		usage_error("-W: severity must be off, info, warning or error, got '%s'", eq + 1);
	RunOptions *r = &a->run;
	char *name = xmalloc((size_t)(eq - v) + 1);
	memcpy(name, v, (size_t)(eq - v));
	name[eq - v] = '\0';
	r->overrides = xrealloc(r->overrides, (r->noverrides + 1) * sizeof *r->overrides);
	r->overrides[r->noverrides++] = (CheckOverride){ name, sev };
}

static void opt_include(Args *a, const char *v) { a->dirs[a->ndirs++] = v; }

static void opt_rules(Args *a, const char *v)
{
	RunOptions *r = &a->run;
	a->rule_files[r->nrule_files++] = v;
	r->rule_files = a->rule_files;
}

static void opt_today(Args *a, const char *v)
{
	if ((a->run.today = date_parse(v)) < 0)
		usage_error("--today must be a date YYYY-MM-DD, got '%s'", v);
}

static void opt_baseline(Args *a, const char *v) { a->run.baseline = v; }
static void opt_write_baseline(Args *a, const char *v) { a->run.write_baseline = v; }

/* --limit NAME=N: the names, in the order --help and the docs list them. */
static const struct {
	const char *name;
	size_t offset;
} limit_names[] = {
	{ "depth", offsetof(Limits, max_depth) },
	{ "aliases", offsetof(Limits, max_alias_nodes) },
	{ "file-size", offsetof(Limits, max_file_size) },
	{ "scalar", offsetof(Limits, max_scalar_len) },
	{ "nodes", offsetof(Limits, max_nodes) },
	{ "lua-instructions", offsetof(Limits, max_lua_steps) },
	{ "lua-memory", offsetof(Limits, max_lua_memory) },
	{ "lua-seconds", offsetof(Limits, max_lua_seconds) },
	{ "findings", offsetof(Limits, max_rule_findings) },
	{ "errors", offsetof(Limits, max_errors) },
};

static void opt_limit(Args *a, const char *spec)
{
	const char *eq = strchr(spec, '=');
	if (!eq)
		usage_error("--limit expects NAME=N, got '%s'", spec);
	size_t n = sizeof limit_names / sizeof limit_names[0];
	for (size_t i = 0; i < n; i++) {
		if (strlen(limit_names[i].name) != (size_t)(eq - spec) ||
		    strncmp(spec, limit_names[i].name, (size_t)(eq - spec)) != 0)
			continue;
		char *end;
		errno = 0;
		unsigned long long v = strtoull(eq + 1, &end, 10);
		if (errno || *end || !all_digits(eq + 1, NULL) || v == 0 || v > SIZE_MAX)
			usage_error("--limit value must be a positive whole number, got '%s'", eq + 1);
		*(size_t *)((char *)&a->run.limits + limit_names[i].offset) = (size_t)v;
		return;
	}
	/* On the stack: usage_error() unwinds, and nothing on the heap may be
	 * left behind. */
	char names[256] = "";
	for (size_t i = 0; i < n; i++)
		join_name(names, sizeof names, limit_names[i].name);
	usage_error("unknown limit '%.*s' (known: %s)", (int)(eq - spec), spec, names);
}

static void opt_color(Args *a, const char *v)
{
	if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never"))
		usage_error("--color must be auto, always or never, got '%s'", v);
	a->color = v;
}

/* build's and render's -o names where the outputs go, even after a
 * --format: their reports go to standard output (render: standard error).
 * A second -o is what a user who meant a report file writes
 * (-f sarif -o a.sarif -o out), so it is refused, never a silent overwrite
 * of the first. */
static void opt_output_dir(Args *a, const char *v)
{
	if (a->run.output_dir)
		usage_error("'%s': build takes one -o, the output directory (its reports go to standard "
			    "output; redirect them to keep one)", v);
	a->run.output_dir = v;
}

static void opt_render_output(Args *a, const char *v)
{
	if (a->run.render_output)
		usage_error("'%s': render takes one -o, the file of the diagram (its reports go to standard "
			    "error; redirect them to keep one)", v);
	a->run.render_output = v;
}

static void opt_view_format(Args *a, const char *v)
{
	bool known = false;
	for (const char *const *f = output_view_formats; *f; f++)
		known |= strcmp(*f, v) == 0;
	if (!known)
		usage_error("-T: unknown diagram format '%s' (the formats are svg, png, pdf, json, dot)", v);
	RunOptions *r = &a->run;
	for (size_t i = 0; i < r->nview_formats; i++)
		if (strcmp(r->view_formats[i], v) == 0)
			return;         /* -T svg -T svg: one file, written once */
	a->view_formats = xrealloc(a->view_formats, (r->nview_formats + 1) * sizeof *a->view_formats);
	a->view_formats[r->nview_formats++] = v;
	r->view_formats = a->view_formats;
}

static void opt_view(Args *a, const char *v)
{
	const UnitOutput *o = output_find(v);
	if (!o || !o->view) {
		char names[256] = "";
		for (size_t i = 0; i < unit_outputs_len; i++)
			if (unit_outputs[i].view)
				join_name(names, sizeof names, unit_outputs[i].name);
		usage_error("--view: unknown view '%s' (the views are %s)", v, names);
	}
	a->run.view = v;
}

static void opt_template(Args *a, const char *v) { a->template_name = v; }

static void opt_lua(Args *a, const char *v)
{
	(void)v;
	a->lua = true;
}

static void opt_quiet(Args *a, const char *v)
{
	(void)v;
	a->run.quiet = true;
}

static void opt_no_fold(Args *a, const char *v)
{
	(void)v;
	a->run.no_fold = true;
}

typedef struct Option {
	const char *name;               /* "--format" */
	const char *alias;              /* another spelling ("-f", "--colour"), or NULL */
	const char *value;              /* the value's name in --help; NULL: a flag */
	bool attached;                  /* the value may follow at once: -Wx=off, -Idir */
	unsigned commands;              /* FOR_* bits */
	void (*apply)(Args *a, const char *value);
	const char *help;               /* for --help; '\n' starts a new line */
} Option;

static const Option options[] = {
	{ "--format", "-f", "FORMAT", false, FOR_CHECKING, opt_format,
	  "text (default), json, sarif, junit, github, gitlab,\nmarkdown;\n"
	  "repeat it to produce several reports in one run" },
	{ "--output", "-o", "FILE", false, FOR_CHECK, opt_output,
	  "write the preceding --format's report to FILE\n(written to a temporary file, then renamed)" },
	{ "--output", "-o", "DIR", false, FOR_BUILD, opt_output_dir,
	  "write the diagrams and plans into DIR (default roadmap-out);\nalways a directory, even after --format" },
	{ "--output", "-o", "OUT", false, FOR_RENDER, opt_render_output,
	  "write the view to OUT ('-': standard output)" },
	{ "-T", NULL, "FORMAT", true, FOR_BUILD | FOR_RENDER, opt_view_format,
	  "diagram format: svg (default), png, pdf, json (the laid-out\ngraph) or dot (the graph before layout); build takes it\nrepeatedly" },
	{ "--view", NULL, "VIEW", false, FOR_RENDER, opt_view,
	  "the diagram to render: roadmap or gaps" },
	{ "--fail-on", NULL, "LEVEL", false, FOR_CHECKING, opt_fail_on,
	  "error (default), warning, info or never: exit 1 when a\nfinding is at or above LEVEL" },
	{ "--min-coverage", NULL, "PCT", false, FOR_CHECKING, opt_min_coverage,
	  "exit 1 when question or stage coverage is below PCT" },
	{ "-W", NULL, "CHECK=SEVERITY", true, FOR_CHECKING, opt_warning,
	  "set a check's severity: off, info, warning or error\n(wins over the file's checks: section)" },
	{ "--template", NULL, "NAME", false, FOR_INIT, opt_template,
	  "the stage template to start from (default simple;\n'roadmapc list-templates' lists them)" },
	{ "--lua", NULL, NULL, false, FOR_INIT, opt_lua,
	  "write the Lua form (also when FILE ends in .lua)" },
	{ "-I", NULL, "DIR", true, FOR_RULES | FOR_TEMPLATES | FOR_INIT | FOR_SCHEMA, opt_include,
	  "look for stdlib files (content types, templates,\nrule modules) in DIR first (also ROADMAPC_PATH)" },
	{ "--rules", NULL, "FILE", false, FOR_RULES, opt_rules,
	  "run the Lua rules of FILE on every roadmap (repeatable)" },
	{ "--today", NULL, "YYYY-MM-DD", false, FOR_CHECKING, opt_today,
	  "the date content-stale measures from (default: today)" },
	{ "--baseline", NULL, "FILE", false, FOR_CHECKING, opt_baseline,
	  "do not fail on findings recorded in FILE" },
	{ "--write-baseline", NULL, "FILE", false, FOR_CHECKING, opt_write_baseline,
	  "record the current findings in FILE and accept them\n(findings do not fail this run)" },
	{ "--limit", NULL, "NAME=N", false, FOR_RULES, opt_limit,
	  "input limits: depth, aliases, file-size, scalar, nodes,\nlua-instructions, lua-memory, lua-seconds, findings,\nerrors" },
	{ "--color", "--colour", "WHEN", false, FOR_CHECKING, opt_color,
	  "auto (default), always or never; NO_COLOR is honoured" },
	{ "--quiet", "-q", NULL, false, FOR_CHECKING, opt_quiet, "no summary line" },
	{ "--no-fold", "-v", NULL, false, FOR_CHECKING, opt_no_fold,
	  "text: show every finding in full (by default a check's\nfindings past the first three in a file are folded\ninto one line)" },
};
static const size_t noptions = sizeof options / sizeof options[0];

/* ==== The commands ==== */

typedef struct Command {
	const char *name;
	const char *synopsis;           /* after "roadmapc NAME " in --help */
	const char *summary;
	unsigned bit;                   /* FOR_* for its options; 0: none */
	size_t min_args, max_args;      /* positional arguments; SIZE_MAX: any */
	const char *missing;            /* the usage error when too few */
	int (*run)(Args *a);
} Command;

/* Writes 's' to standard output; a full disk or closed pipe is an error
 * (exit 2), not a silent success. */
static int emit(const char *s)
{
	fputs(s, stdout);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "roadmapc: cannot write to standard output: %s\n", strerror(errno));
		return EXIT_TROUBLE;
	}
	return EXIT_CLEAN;
}

/* Shows the driver's messages, then what it wrote for standard output. */
static int finish(ExitStatus st, StrBuf *out, StrBuf *messages)
{
	int rc = st;
	if (out->len && emit(strbuf_cstr(out)) != EXIT_CLEAN)
		rc = EXIT_TROUBLE;
	say(strbuf_cstr(messages));
	strbuf_free(out);
	strbuf_free(messages);
	return rc;
}

static int run_check(Args *a)
{
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_run(&a->run, &messages), &out, &messages);
}

static int run_build(Args *a)
{
	if (!a->run.output_dir)
		a->run.output_dir = "roadmap-out";
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_build(&a->run, &messages), &out, &messages);
}

static int run_render(Args *a)
{
	if (!a->run.view)
		usage_error("render needs --view VIEW (roadmap or gaps)");
	if (!a->run.render_output)
		usage_error("render needs -o OUT (a file, or '-' for standard output)");
	if (a->run.nview_formats > 1)
		usage_error("render writes one format; give -T once");
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_render(&a->run, &messages), &out, &messages);
}

static int run_explain(Args *a)
{
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_explain(&a->run, a->files[0], &out, &messages), &out, &messages);
}

static int run_list_checks(Args *a)
{
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_list_checks(&a->run, &out, &messages), &out, &messages);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int run_init(Args *a)
{
	const char *file = a->files[0];
	bool lua = a->lua || ends_with(file, ".lua");
	if (a->lua && (ends_with(file, ".yaml") || ends_with(file, ".yml")))
		usage_error("--lua writes the Lua form: name the file '%.*s.lua'",
			    (int)(strlen(file) - (ends_with(file, ".yml") ? 4 : 5)), file);
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_init(&a->run, a->template_name ? a->template_name : "simple", lua,
				  file, &messages),
		      &out, &messages);
}

static int run_schema(Args *a)
{
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_schema(&a->run, &out, &messages), &out, &messages);
}

static int run_list_templates(Args *a)
{
	StrBuf out = STRBUF_INIT, messages = STRBUF_INIT;
	return finish(driver_list_templates(&a->run, &out, &messages), &out, &messages);
}

static int run_help(Args *a);
static int run_version(Args *a)
{
	(void)a;
	return emit("roadmapc " ROADMAPC_VERSION "\n");
}

static const Command commands[] = {
	{ "check", "[options] FILE...", "check roadmaps: diagnostics and coverage", FOR_CHECK, 1,
	  SIZE_MAX, "check needs at least one FILE (or '-' for standard input)", run_check },
	{ "build", "[options] FILE...", "check, then write diagrams and action plans", FOR_BUILD, 1,
	  SIZE_MAX, "build needs at least one FILE (or '-' for standard input)", run_build },
	{ "render", "[options] FILE --view VIEW -o OUT", "render one diagram of one roadmap",
	  FOR_RENDER, 1, 1, "render needs one FILE (or '-' for standard input)", run_render },
	{ "explain", "[options] CHECK", "what a check finds, why it matters, how to fix it",
	  FOR_EXPLAIN, 1, 1, "usage: roadmapc explain CHECK", run_explain },
	{ "init", "[--template NAME] [--lua] FILE", "start a roadmap from a stage template",
	  FOR_INIT, 1, 1, "init needs the FILE to write (or '-' for standard output)", run_init },
	{ "list-checks", "[options]", "every check with its default severity", FOR_LIST, 0, 0, NULL,
	  run_list_checks },
	{ "list-templates", "[-I DIR]", "every stage template, with a line about it", FOR_TEMPLATES,
	  0, 0, NULL, run_list_templates },
	{ "schema", "[-I DIR]", "the JSON Schema of the roadmap format, for editors", FOR_SCHEMA,
	  0, 0, NULL, run_schema },
	{ "help", NULL, NULL, 0, 0, 0, NULL, run_help },
	{ "version", NULL, NULL, 0, 0, 0, NULL, run_version },
};
static const size_t ncommands = sizeof commands / sizeof commands[0];

/* ==== --help, from the tables ==== */

/* "-o, --output FILE": an option as --help shows it. */
static void option_head(char *buf, size_t size, const Option *o)
{
	bool short_alias = o->alias && o->alias[1] != '-';
	snprintf(buf, size, "%s%s%s%s%s", short_alias ? o->alias : "", short_alias ? ", " : "",
		 o->name, o->value ? " " : "", o->value ? o->value : "");
}

static void usage(StrBuf *out)
{
	char head[96];
	int width = 0, owidth = 0;
	for (size_t i = 0; i < ncommands; i++) {
		int n = snprintf(head, sizeof head, "roadmapc %s %s", commands[i].name,
				 commands[i].synopsis ? commands[i].synopsis : "");
		if (commands[i].summary && n > width)
			width = n;
	}
	for (size_t k = 0; k < noptions; k++) {
		option_head(head, sizeof head, &options[k]);
		if ((int)strlen(head) > owidth)
			owidth = (int)strlen(head);
	}
	bool first = true;
	for (size_t i = 0; i < ncommands; i++) {
		const Command *c = &commands[i];
		if (!c->summary)
			continue;
		snprintf(head, sizeof head, "roadmapc %s %s", c->name, c->synopsis);
		strbuf_printf(out, "%s%-*s   %s\n", first ? "usage: " : "       ", width, head, c->summary);
		first = false;
	}
	strbuf_puts(out, "       roadmapc --help | --version\n\nFILE may be '-' for standard input.\n");
	for (size_t i = 0; i < ncommands; i++) {
		const Command *c = &commands[i];
		if (!c->bit)
			continue;
		strbuf_printf(out, "\noptions for %s:\n", c->name);
		for (size_t k = 0; k < noptions; k++) {
			const Option *o = &options[k];
			if (!(o->commands & c->bit))
				continue;
			option_head(head, sizeof head, o);
			strbuf_printf(out, "  %-*s", owidth, head);
			for (const char *h = o->help; *h;) {
				const char *nl = strchr(h, '\n');
				size_t n = nl ? (size_t)(nl - h) : strlen(h);
				strbuf_printf(out, "%*s  %.*s\n", h == o->help ? 0 : owidth + 2, "",
					      (int)n, h);
				h += n + (nl != NULL);
			}
		}
	}
	strbuf_puts(out, "\nexit status: 0 clean, 1 findings at or above --fail-on or coverage too low,\n"
			 "2 usage, I/O or internal error.\n");
}

static int run_help(Args *a)
{
	(void)a;
	StrBuf sb = STRBUF_INIT;
	usage(&sb);
	int rc = emit(strbuf_cstr(&sb));
	strbuf_free(&sb);
	return rc;
}

/* ==== Parsing ==== */

static const Command *find_command(const char *name)
{
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		name = "help";
	else if (strcmp(name, "--version") == 0)
		name = "version";
	for (size_t i = 0; i < ncommands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* The option 'arg' names, for command bit 'bit', and its value when it is
 * attached ("--format=json", "-Wx=off"); NULL when none matches. */
static const Option *find_option(const char *arg, unsigned bit, const char **attached)
{
	*attached = NULL;
	for (size_t i = 0; i < noptions; i++) {
		const Option *o = &options[i];
		if (!(o->commands & bit))
			continue;
		const char *names[] = { o->name, o->alias };
		for (size_t k = 0; k < 2; k++) {
			const char *nm = names[k];
			if (!nm)
				continue;
			size_t n = strlen(nm);
			if (strncmp(arg, nm, n) != 0)
				continue;
			if (arg[n] == '\0')
				return o;
			/* "--name=VALUE" for long names; "-WVALUE" only where the
			 * value is conventionally attached, so "-output" is not
			 * "-o utput". */
			if (nm[1] == '-' && arg[n] == '=' && o->value) {
				*attached = arg + n + 1;
				return o;
			}
			if (nm[1] != '-' && o->attached) {
				*attached = arg + n;
				return o;
			}
		}
	}
	return NULL;
}

/* Says that 'arg' is no option of 'c', suggesting the long form of a
 * short option written with one dash ("-output" -> "--output"). */
static NORETURN void unknown_option(const Command *c, const char *arg)
{
	const char *attached;
	if (arg[1] != '-' && strlen(arg) > 2) {
		char *two = xmalloc(strlen(arg) + 2);
		sprintf(two, "-%s", arg);
		const Option *o = find_option(two, c->bit, &attached);
		free(two);
		if (o)
			usage_error("unknown option '%s'; did you mean '%s'?", arg, o->name);
	}
	usage_error("unknown option '%s'", arg);
}

static void parse_args(Args *a, const Command *c, int argc, char **argv)
{
	RunOptions *r = &a->run;
	r->fail_on = SEV_ERROR;
	r->min_coverage = -1;
	r->limits = limits_default();
	r->today = -1;
	a->color = "auto";
	a->files = xcalloc((size_t)argc + 1, sizeof *a->files);
	a->dirs = xcalloc((size_t)argc + 1, sizeof *a->dirs);
	a->rule_files = xcalloc((size_t)argc + 1, sizeof *a->rule_files);

	bool only_files = false;
	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
			a->files[a->nfiles++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_files = true;
			continue;
		}
		const char *value;
		const Option *o = c->bit ? find_option(arg, c->bit, &value) : NULL;
		if (!o)
			unknown_option(c, arg);
		if (o->value && !value) {
			if (i + 1 >= argc)
				usage_error("option '%s' needs a value", o->name);
			value = argv[++i];
		}
		if (!o->value && value)
			usage_error("option '%s' takes no value", o->name);
		o->apply(a, value);
	}
	if (a->nfiles < c->min_args)
		usage_error("%s", c->missing);
	if (a->nfiles > c->max_args)
		usage_error("%s takes %s, got '%s'", c->name,
			    c->max_args ? "one argument" : "no arguments", a->files[c->max_args]);

	/* The stdlib search path (stdlib_files.h): -I directories first, then
	 * ROADMAPC_PATH, then the installed stdlib; the embedded one is last. */
	const char *env = getenv("ROADMAPC_PATH");
	a->dirs = xrealloc(a->dirs, ((size_t)argc + 2 + (env ? strlen(env) : 0)) * sizeof *a->dirs);
	if (env && *env) {
		char *copy = a->path_copy = xstrdup(env), *save = NULL;
		for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save))
			a->dirs[a->ndirs++] = d;
	}
	if ((a->installed = stdlib_installed_dir(argv[0])) != NULL)
		a->dirs[a->ndirs++] = a->installed;
	if (r->today < 0)
		r->today = date_today();

	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (strcmp(a->color, "always") == 0)
		r->color = true;
	else if (strcmp(a->color, "auto") == 0)
		r->color = isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
			   !(term && strcmp(term, "dumb") == 0);
	r->files = a->files;
	r->nfiles = a->nfiles;
	r->include_dirs = a->dirs;
	r->ninclude_dirs = a->ndirs;
	r->installed_stdlib = a->installed;
}

static void free_args(Args *a)
{
	for (size_t i = 0; i < a->run.noverrides; i++)
		free((char *)a->run.overrides[i].check);
	free(a->run.overrides);
	free(a->run.reports);
	free(a->files);
	free(a->dirs);
	free(a->rule_files);
	free(a->view_formats);
	free(a->path_copy);
	free(a->installed);
}

/* The command line, parsed. Static, so that main() can free it after a
 * usage error has unwound out of the parser. */
static Args args;

/* Reads argv[1] as the command and the rest as its options and files into
 * 'a'. Returns the command to run: `help` when --help or -h comes before
 * any "--". A usage error unwinds to usage_exit. */
static const Command *parse_command_line(Args *a, int argc, char **argv)
{
	const Command *c = find_command(argv[1]);
	if (!c) {
		char names[256] = "";
		for (size_t i = 0; i < ncommands; i++)
			if (commands[i].summary)
				join_name(names, sizeof names, commands[i].name);
		usage_error("unknown command '%s' (commands: %s)", argv[1], names);
	}
	for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return find_command("help");
	parse_args(a, c, argc, argv);
	return c;
}

int main(int argc, char **argv)
{
	alloc_on_failure(out_of_memory);
	signals_install();
	if (argc < 2) {
		StrBuf sb = STRBUF_INIT;
		usage(&sb);
		fputs(strbuf_cstr(&sb), stderr);
		strbuf_free(&sb);
		return EXIT_TROUBLE;
	}
	if (setjmp(usage_exit)) {
		free_args(&args);
		exit(EXIT_TROUBLE);
	}
	const Command *c = parse_command_line(&args, argc, argv);
	int rc = c->run(&args);
	free_args(&args);
	exit(rc);
}
