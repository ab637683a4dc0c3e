/* plan_csv.c - NAME.plan.csv: the action plan for a spreadsheet or a ticket import.
 *
 * Outputs layer; a row of unit_outputs (output.c). The same actions as
 * NAME.plan.md, in rank order, one a row, after a header row: RFC 4180
 * (comma-separated, CRLF line ends, fields quoted when they need it, UTF-8
 * without a byte-order mark). Every field goes through escape_csv(), so a
 * comma, quote or line break in user text stays inside its field and a
 * name starting with '=' is not run as a formula. docs/plan.md lists the
 * columns; their names and order are a contract: scripts read them. */
#include "escape.h"
#include "output.h"
#include "plan.h"

static const char *const columns[] = {
	"rank", "priority", "critical", "kind", "action", "owner", "stage", "check", "severity",
	"item", "file", "line", "finding", NULL
};

static void field(StrBuf *out, const char *s, bool last)
{
	escape_csv(out, s ? s : "");
	strbuf_puts(out, last ? "\r\n" : ",");
}

static void write_csv(StrBuf *out, const Unit *u, const Plan *plan, Arena *a)
{
	(void)a;
	for (size_t i = 0; columns[i]; i++)
		field(out, columns[i], columns[i + 1] == NULL);
	for (size_t i = 0; i < plan->n; i++) {
		const PlanAction *act = &plan->actions[i];
		const Diag *d = act->finding;
		strbuf_printf(out, "%zu,%s,%s,%s,", act->rank, plan_priority_name(act->priority),
			      act->critical ? "yes" : "no", plan_kind_name(act->kind));
		field(out, act->title, false);
		field(out, plan_owner_name(act), false);
		field(out, act->stage ? act->stage->name : "", false);
		field(out, d->check, false);
		field(out, severity_name(d->sev), false);
		field(out, d->item, false);
		field(out, d->loc.src ? d->loc.src->path : u->name, false);
		strbuf_printf(out, "%d,", d->loc.src ? d->loc.line : 0);
		field(out, d->message, true);
	}
}

int plan_csv_emit(const OutputContext *ctx, StrBuf *out, StrBuf *err)
{
	(void)err;
	plan_write(ctx->unit, out, write_csv);
	return 0;
}
