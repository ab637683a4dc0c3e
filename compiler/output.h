/* output.h - per-roadmap outputs: the diagrams and the action plan.
 *
 * Outputs layer. Reports (report.h) render every input of a run into one
 * stream; these outputs render one roadmap into files of its own, named
 * after it: NAME.roadmap.svg, NAME.gaps.svg, NAME.plan.md, NAME.plan.csv.
 * Each kind is one file (render_<view>.c, plan_<form>.c) and one row of
 * the table in output.c. An emitter only fills a buffer: the driver
 * decides the file names and writes the bytes through outfile.h, so a
 * failed run never leaves a half-written output. */
#ifndef ROADMAPC_OUTPUT_H
#define ROADMAPC_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "registry.h"
#include "strbuf.h"
#include "unit.h"

typedef struct OutputContext {
	const Unit *unit;               /* checked: no structural errors */
	const CheckConfig *checks;      /* the run's -W and --today */
	const CheckRegistry *registry;  /* the run's checks */
	const char *format;             /* views: "svg", "png", "pdf", "json" or "dot"; else NULL */
	const char *stem;               /* NAME, as in NAME.plan.md */
	/* What the run should tell the user about this output (Graphviz's
	 * warnings), a line each; the driver prints them. */
	StrBuf *warnings;
} OutputContext;

/* Renders one output of ctx->unit into 'out'. Returns 0; 1 when there is
 * nothing to write and 'err' says why (a diagram too big for a bitmap: a
 * warning, not a failure); or -1 with a message in 'err' (a Graphviz
 * failure, a format that is not available). */
typedef int (*OutputFn)(const OutputContext *ctx, StrBuf *out, StrBuf *err);

typedef struct UnitOutput {
	const char *name;       /* "roadmap": the --view word and the docs' name */
	const char *suffix;     /* after NAME: ".roadmap" (a view: "." FORMAT follows), ".plan.md" */
	bool view;              /* a diagram, written once per -T format */
	OutputFn emit;
	const char *description;
} UnitOutput;

/* The action plan (plan.h): NAME.plan.md for people, NAME.plan.csv for a
 * spreadsheet or a ticket import. */
int plan_md_emit(const OutputContext *ctx, StrBuf *out, StrBuf *err);
int plan_csv_emit(const OutputContext *ctx, StrBuf *out, StrBuf *err);

/* The outputs `build` writes for every roadmap, in this order. */
extern const UnitOutput unit_outputs[];
extern const size_t unit_outputs_len;

/* The output called 'name', or NULL. */
const UnitOutput *output_find(const char *name);

/* The view formats (-T), NULL-terminated, svg first (the default). */
extern const char *const output_view_formats[];

/* The emitters, one file each, registered in output.c. */
int render_roadmap(const OutputContext *ctx, StrBuf *out, StrBuf *err);
int render_gaps(const OutputContext *ctx, StrBuf *out, StrBuf *err);

#endif
