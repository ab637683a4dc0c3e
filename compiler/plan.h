/* plan.h - the Revenue Growth Action Plan: one action per gap, ranked.
 *
 * Outputs layer. After the checks, a leader needs the findings turned into
 * work: what to create, fix or stop, who does it, where in the buying
 * process, and in which order. plan_build() makes one action per
 * unsuppressed finding of a checked unit (findings an `ignore:` or a
 * baseline suppressed make none) and ranks them by the rule below. The
 * plan files (plan_md.c, plan_csv.c) and the gaps diagram's "worst gaps"
 * read the same ranking, so they always agree. docs/plan.md is the user's
 * description of all of it.
 *
 * The ranking rule. Each action gets a priority, P1 (do first) to P3:
 *   - the finding's severity gives the start: error P1, warning P2, info P3;
 *   - an action about the critical characteristic (a question marked
 *     `critical`, content that delivers its answer, or the
 *     critical-characteristic-unaddressed finding) moves up one level;
 *   - a `priority: high` question moves it up one level, `low` down one
 *     (the questions behind an action: its question, the questions using
 *     its content, the questions naming its concern);
 *   - the result is kept within P1..P3.
 * Removing an `ignore:` entry that suppresses nothing tidies the file and
 * helps no buyer: no question moves it.
 * Actions are ordered by priority, then critical ones first, then by
 * severity, then by question priority (high first; actions about no
 * question count as medium), then by how early in the buying process
 * their stage is (the order of `stages:`; actions tied to no stage come
 * after the others), then by where the finding is in the file. The order
 * is total: the same roadmap always gives the same ranking.
 *
 * Everything plan_build() makes lives in the arena it is given; the plan
 * points into the unit (its model and diagnostics), so it is valid while
 * both are. */
#ifndef ROADMAPC_PLAN_H
#define ROADMAPC_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "strbuf.h"
#include "unit.h"

/* What to do. Each kind has a stable word (plan_kind_name), the `kind`
 * column of the CSV; docs/plan.md lists which check makes which kind. */
typedef enum PlanKind {
	PLAN_ADD_SELLER_ACTION,         /* "add-seller-action": serve a stage, or the process's ends */
	PLAN_RETIME_SELLER_ACTION,      /* "retime-seller-action": move it into its stage's window */
	PLAN_CHANGE_VALUE,              /* "change-value": deliver what the stage expects */
	PLAN_STOP_REACHING_OUT,         /* "stop-reaching-out": leave alone who wants it */
	PLAN_STOP_OR_REPURPOSE,         /* "stop-or-repurpose": a seller action serving no stage */
	PLAN_DELIVER_VALUE,             /* "deliver-value": a value a stage expects and lacks */
	PLAN_REACH_CHANNEL,             /* "reach-channel": be where the buyers look */
	PLAN_WRITE_ANSWER,              /* "write-answer": a question without an answer */
	PLAN_CREATE_CONTENT,            /* "create-content": an answer no content delivers */
	PLAN_ADDRESS_CONCERN,           /* "address-concern": a concern nothing settles */
	PLAN_PROVE_CRITICAL,            /* "prove-critical": the critical characteristic */
	PLAN_ASK_CUSTOMERS,             /* "ask-customers": a stage without questions */
	PLAN_MAP_AFTER_SALE,            /* "map-after-sale": no post-purchase stage */
	PLAN_PUBLISH_CONTENT,           /* "publish-content": draft or planned content relied on */
	PLAN_REPLACE_CONTENT,           /* "replace-content": retired content relied on */
	PLAN_REFRESH_CONTENT,           /* "refresh-content": stale content */
	PLAN_USE_OR_RETIRE_CONTENT,     /* "use-or-retire-content": content nobody uses */
	PLAN_ASSIGN_OWNER,              /* "assign-owner": a seller action or content without one */
	PLAN_REMOVE_IGNORE,             /* "remove-ignore": an `ignore:` that accepts nothing */
	PLAN_RESOLVE_FINDING,           /* "resolve-finding": any other check (a Lua rule) */
	PLAN_KIND_COUNT
} PlanKind;

typedef enum PlanPriority { PLAN_P1, PLAN_P2, PLAN_P3, PLAN_PRIORITY_COUNT } PlanPriority;

typedef struct PlanAction {
	size_t rank;            /* 1 for the first action: its position in Plan.actions + 1 */
	PlanKind kind;
	PlanPriority priority;
	const char *title;      /* what to do, one imperative sentence of plain text: the
				   user's words in it are not escaped for any format */
	const char *owner;      /* who does it; NULL: unassigned */
	const Stage *stage;     /* where in the buying process it applies; NULL: no one stage */
	bool critical;          /* about the critical characteristic */
	Priority question_priority;  /* of the question(s) behind it; medium when none */
	const Diag *finding;    /* the finding behind it: check, severity, message, item, loc */
} PlanAction;

typedef struct Plan {
	PlanAction *actions;    /* ranked: actions[0] is done first */
	size_t n;
	size_t counts[PLAN_PRIORITY_COUNT];     /* actions of each priority */
	size_t unassigned;      /* actions with no owner */
	size_t ignored;         /* findings an `ignore:` suppressed: no action */
	size_t baselined;       /* findings the baseline suppressed: no action */
	/* private: the action of each finding, by Diag.seq (plan_action_of) */
	const PlanAction **by_seq;
	size_t nseq;
} Plan;

/* Builds the plan of 'u', which must be checked (u->checked), into 'plan';
 * everything lives in 'a'. */
void plan_build(const Unit *u, Arena *a, Plan *plan);

/* A writer of a plan: appends to 'out'; may allocate in 'a'. */
typedef void (*PlanWriter)(StrBuf *out, const Unit *u, const Plan *plan, Arena *a);

/* Builds the plan of 'u' in an arena of its own, passes it to 'write' with
 * that arena, then frees it all: nothing of the plan outlives the call. */
void plan_write(const Unit *u, StrBuf *out, PlanWriter write);

/* The action made from finding 'd' of the plan's unit, or NULL (a
 * suppressed finding). Constant time. */
const PlanAction *plan_action_of(const Plan *plan, const Diag *d);

/* The ranking rule: < 0 when 'x' comes before 'y'. Exposed for tests. */
int plan_compare(const PlanAction *x, const PlanAction *y);

/* The priority rule alone: the priority of an action with these inputs. */
PlanPriority plan_priority(Severity sev, bool critical, Priority question_priority);

/* "add-seller-action", ...; "P1", "P2", "P3". */
const char *plan_kind_name(PlanKind k);
const char *plan_priority_name(PlanPriority p);

/* The owner as shown: the owner, or "unassigned". */
const char *plan_owner_name(const PlanAction *act);

#endif
