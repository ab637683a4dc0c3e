/* output.c - the table of per-roadmap outputs; see output.h. */
#include "output.h"

#include <string.h>

/* One row per output, one file per emitter. */
const UnitOutput unit_outputs[] = {
	{ "roadmap", ".roadmap", true, render_roadmap,
	  "the buying process under the selling process, on one time axis" },
	{ "gaps", ".gaps", true, render_gaps,
	  "the same picture with every finding marked, and the worst gaps first" },
	{ "plan", ".plan.md", false, plan_md_emit,
	  "the gap report and the Revenue Growth Action Plan, in Markdown" },
	{ "csv", ".plan.csv", false, plan_csv_emit,
	  "the action plan as CSV, one action a row" },
	{ NULL, NULL, false, NULL, NULL }     /* sentinel: keeps the table valid while it grows */
};
const size_t unit_outputs_len = sizeof unit_outputs / sizeof unit_outputs[0] - 1;

const char *const output_view_formats[] = { "svg", "png", "pdf", "json", "dot", NULL };

const UnitOutput *output_find(const char *name)
{
	for (size_t i = 0; i < unit_outputs_len; i++)
		if (strcmp(unit_outputs[i].name, name) == 0)
			return &unit_outputs[i];
	return NULL;
}
