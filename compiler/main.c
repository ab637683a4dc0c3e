/* main.c - the command line: the only file that reads argv and calls exit().
 *
 * Parses the command and its options into RunOptions, hands them to the
 * driver (driver.h) and turns the result into the exit status of the
 * language reference, section 7: 0 clean, 1 findings or low coverage,
 * 2 usage, I/O or internal error. */
#include "check.h"
#include "date.h"
#include "driver.h"
#include "report.h"
#include "suggest.h"
#include "version.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: roadmapc check [options] FILE...   check roadmaps: diagnostics and coverage\n"
	"       roadmapc explain CHECK             what a check finds, why it matters, how to fix it\n"
	"       roadmapc list-checks               every check with its default severity\n"
	"       roadmapc --help | --version\n"
	"\n"
	"FILE may be '-' for standard input.\n"
	"\n"
	"options for check:\n"
	"  --format FORMAT        text (default), json, sarif, junit, github, gitlab,\n"
	"                         markdown;\n"
	"                         repeat it to produce several reports in one run\n"
	"  -o, --output FILE      write the preceding --format's report to FILE\n"
	"                         (written to a temporary file, then renamed)\n"
	"  --fail-on LEVEL        error (default), warning, info or never: exit 1 when a\n"
	"                         finding is at or above LEVEL\n"
	"  --min-coverage PCT     exit 1 when question or stage coverage is below PCT\n"
	"  -W CHECK=SEVERITY      set a check's severity: off, info, warning or error\n"
	"                         (wins over the file's checks: section)\n"
	"  -I DIR                 look for stdlib files in DIR first (also ROADMAPC_PATH)\n"
	"  --today YYYY-MM-DD     the date content-stale measures from (default: today)\n"
	"  --baseline FILE        do not fail on findings recorded in FILE\n"
	"  --write-baseline FILE  record the current findings in FILE\n"
	"  --limit NAME=N         input limits: depth, aliases, file-size, scalar, nodes\n"
	"  --color WHEN           auto (default), always or never; NO_COLOR is honoured\n"
	"  -q, --quiet            no summary line\n"
	"\n"
	"exit status: 0 clean, 1 findings at or above --fail-on or coverage too low,\n"
	"2 usage, I/O or internal error.\n";

typedef struct Args {
	RunOptions run;
	const char **files;
	ReportRequest *reports;
	CheckOverride *overrides;
	const char **dirs;
	size_t ndirs;
	const char *color;
	char *path_copy;        /* ROADMAPC_PATH, split in place */
} Args;

static NORETURN PRINTF_LIKE(1, 2) void usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs("roadmapc: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\ntry 'roadmapc --help' for the options\n", stderr);
	exit(EXIT_TROUBLE);
}

/* Exits with "unknown check" and, when one is close, a suggestion. */
static NORETURN void unknown_check(const char *what, const char *name)
{
	Suggest sg;
	suggest_init(&sg, name, strlen(name));
	for (size_t i = 0; i < check_table_len; i++)
		suggest_add(&sg, check_table[i].name);
	if (suggest_result(&sg))
		usage_error("%sunknown check '%s'; did you mean '%s'?", what, name, suggest_result(&sg));
	usage_error("%sunknown check '%s' (see 'roadmapc list-checks')", what, name);
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

/* The value of an option: "--opt=VALUE" or the next argument. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);
	if (strncmp(arg, name, n) == 0 && arg[n] == '=')
		return arg + n + 1;
	if (*i + 1 >= argc)
		usage_error("option '%s' needs a value", name);
	return argv[++*i];
}

static bool is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || (arg[n] == '=' && name[1] == '-'));
}

static void parse_limit(Limits *lim, const char *spec)
{
	static const struct { const char *name; size_t offset; } names[] = {
		{ "depth", offsetof(Limits, max_depth) },
		{ "aliases", offsetof(Limits, max_alias_nodes) },
		{ "file-size", offsetof(Limits, max_file_size) },
		{ "scalar", offsetof(Limits, max_scalar_len) },
		{ "nodes", offsetof(Limits, max_nodes) },
	};
	const char *eq = strchr(spec, '=');
	if (!eq)
		usage_error("--limit expects NAME=N, got '%s'", spec);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i].name) == (size_t)(eq - spec) && strncmp(spec, names[i].name, (size_t)(eq - spec)) == 0) {
			char *end;
			errno = 0;
			unsigned long long v = strtoull(eq + 1, &end, 10);
			if (errno || *end || !all_digits(eq + 1, NULL) || v == 0)
				usage_error("--limit value must be a positive whole number, got '%s'", eq + 1);
			*(size_t *)((char *)lim + names[i].offset) = (size_t)v;
			return;
		}
	}
	usage_error("unknown limit '%.*s' (known: depth, aliases, file-size, scalar, nodes)", (int)(eq - spec), spec);
}

static void parse_override(Args *a, const char *spec)
{
	const char *eq = strchr(spec, '=');
	if (!eq)
		usage_error("-W expects CHECK=SEVERITY, got '%s'", spec);
	char *name = strndup(spec, (size_t)(eq - spec));
	const CheckInfo *ci = check_find(name);
	if (!ci)
		unknown_check("-W: ", name);
	if (ci->structural)
		usage_error("-W: '%s' is a structural error and cannot be changed", name);
	Severity sev;
	if (severity_parse(eq + 1, &sev) < 0)
		usage_error("-W: severity must be off, info, warning or error, got '%s'", eq + 1);
	a->overrides = realloc(a->overrides, (a->run.noverrides + 1) * sizeof *a->overrides);
	if (!a->overrides)
		abort();
	a->overrides[a->run.noverrides++] = (CheckOverride){ ci->name, sev };
	free(name);
}

static void add_report(Args *a, const char *format)
{
	if (!report_find(format)) {
		StrBuf names = STRBUF_INIT;
		for (size_t i = 0; i < report_formats_len; i++)
			strbuf_printf(&names, "%s%s", i ? ", " : "", report_formats[i].name);
		usage_error("unknown format '%s' (the formats are %s)", format, strbuf_cstr(&names));
	}
	a->reports = realloc(a->reports, (a->run.nreports + 1) * sizeof *a->reports);
	if (!a->reports)
		abort();
	a->reports[a->run.nreports++] = (ReportRequest){ format, NULL };
}

static void parse_check_args(Args *a, int argc, char **argv)
{
	RunOptions *r = &a->run;
	bool only_files = false;
	r->fail_on = SEV_ERROR;
	r->min_coverage = -1;
	r->limits = limits_default();
	r->today = -1;
	a->color = "auto";
	a->files = calloc((size_t)argc + 1, sizeof *a->files);
	a->dirs = calloc((size_t)argc + 1, sizeof *a->dirs);
	if (!a->files || !a->dirs)
		abort();

	for (int i = 2; i < argc; i++) {
		const char *arg = argv[i];
		if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
			a->files[r->nfiles++] = arg;
		} else if (strcmp(arg, "--") == 0) {
			only_files = true;
		} else if (is_option(arg, "--format") || strcmp(arg, "-f") == 0) {
			add_report(a, option_value(argc, argv, &i, "--format"));
		} else if (is_option(arg, "--output") || strncmp(arg, "-o", 2) == 0) {
			const char *out = strncmp(arg, "-o", 2) == 0 && arg[2] ? arg + 2
										: option_value(argc, argv, &i, "--output");
			if (!r->nreports)
				add_report(a, "text");
			if (a->reports[r->nreports - 1].output)
				usage_error("'%s': each --output needs its own --format before it", out);
			a->reports[r->nreports - 1].output = out;
		} else if (is_option(arg, "--fail-on")) {
			const char *v = option_value(argc, argv, &i, "--fail-on");
			if (strcmp(v, "never") == 0)
				r->fail_on = SEV_OFF;
			else if (severity_parse(v, &r->fail_on) < 0 || r->fail_on == SEV_OFF)
				usage_error("--fail-on must be error, warning, info or never, got '%s'", v);
		} else if (is_option(arg, "--min-coverage")) {
			const char *v = option_value(argc, argv, &i, "--min-coverage");
			char *end;
			errno = 0;
			double pct = strtod(v, &end);
			if (end[0] == '%' && end[1] == '\0')
				end++;
			if (errno || end == v || *end || !all_digits(v, ".%") || !(pct >= 0 && pct <= 100))
				usage_error("--min-coverage must be a percentage from 0 to 100, got '%s'", v);
			r->min_coverage = pct;
		} else if (strncmp(arg, "-W", 2) == 0) {
			parse_override(a, arg[2] ? arg + 2 : option_value(argc, argv, &i, "-W"));
		} else if (strncmp(arg, "-I", 2) == 0) {
			a->dirs[a->ndirs++] = arg[2] ? arg + 2 : option_value(argc, argv, &i, "-I");
		} else if (is_option(arg, "--today")) {
			const char *v = option_value(argc, argv, &i, "--today");
			if ((r->today = date_parse(v)) < 0)
				usage_error("--today must be a date YYYY-MM-DD, got '%s'", v);
		} else if (is_option(arg, "--baseline")) {
			r->baseline = option_value(argc, argv, &i, "--baseline");
		} else if (is_option(arg, "--write-baseline")) {
			r->write_baseline = option_value(argc, argv, &i, "--write-baseline");
		} else if (is_option(arg, "--limit")) {
			parse_limit(&r->limits, option_value(argc, argv, &i, "--limit"));
		} else if (is_option(arg, "--color") || is_option(arg, "--colour")) {
			a->color = option_value(argc, argv, &i, arg[4] == 'o' && arg[5] == 'u' ? "--colour" : "--color");
			if (strcmp(a->color, "auto") && strcmp(a->color, "always") && strcmp(a->color, "never"))
				usage_error("--color must be auto, always or never, got '%s'", a->color);
		} else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
			r->quiet = true;
		} else {
			usage_error("unknown option '%s'", arg);
		}
	}
	if (!r->nfiles)
		usage_error("%s", "check needs at least one FILE (or '-' for standard input)");

	/* -I directories first, then ROADMAPC_PATH, then the embedded stdlib. */
	const char *env = getenv("ROADMAPC_PATH");
	if (env && *env) {
		char *copy = a->path_copy = strdup(env), *save = NULL;
		if (!copy)
			abort();
		a->dirs = realloc(a->dirs, ((size_t)argc + 1 + strlen(env)) * sizeof *a->dirs);
		if (!a->dirs)
			abort();
		for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save))
			a->dirs[a->ndirs++] = d;
	}
	if (r->today < 0)
		r->today = date_today();

	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (strcmp(a->color, "always") == 0)
		r->color = true;
	else if (strcmp(a->color, "auto") == 0)
		r->color = isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
	r->files = a->files;
	r->reports = a->reports;
	r->overrides = a->overrides;
	r->include_dirs = a->dirs;
	r->ninclude_dirs = a->ndirs;
}

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

static int emit_and_free(StrBuf *sb)
{
	int rc = emit(strbuf_cstr(sb));
	strbuf_free(sb);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_text, stderr);
		return EXIT_TROUBLE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
		return emit(usage_text);
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0)
		return emit("roadmapc " ROADMAPC_VERSION "\n");
	if (strcmp(cmd, "list-checks") == 0) {
		if (argc > 2)
			usage_error("list-checks takes no arguments, got '%s'", argv[2]);
		StrBuf sb = STRBUF_INIT;
		check_list(&sb);
		return emit_and_free(&sb);
	}
	if (strcmp(cmd, "explain") == 0) {
		if (argc != 3)
			usage_error("%s", "usage: roadmapc explain CHECK");
		StrBuf sb = STRBUF_INIT;
		if (check_explain(argv[2], &sb) < 0) {
			strbuf_free(&sb);
			unknown_check("", argv[2]);
		}
		return emit_and_free(&sb);
	}
	if (strcmp(cmd, "check") == 0) {
		for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				return emit(usage_text);
		}
		Args a;
		memset(&a, 0, sizeof a);
		parse_check_args(&a, argc, argv);
		StrBuf messages = STRBUF_INIT;
		ExitStatus st = driver_run(&a.run, &messages);
		fputs(strbuf_cstr(&messages), stderr);
		strbuf_free(&messages);
		free(a.files);
		free(a.reports);
		free(a.overrides);
		free(a.dirs);
		free(a.path_copy);
		exit(st);
	}
	usage_error("unknown command '%s' (commands: check, explain, list-checks)", cmd);
}
