/* check.h - the check registry and the runner.
 *
 * Every check, structural or semantic, has one row in the static table of
 * check.c: its name, default severity, documentation and, for semantic
 * checks, the function that finds it. The schema layer validates the names
 * in `checks:` and `ignore:` against the table; `list-checks`, `explain` and
 * docs/checks.md are generated from or tested against it. check_runner.c
 * runs the checks after resolve.c, on a model with no structural errors.
 *
 * The second half of this header is the small API the check families
 * (check_*.c) write against: a CheckCtx that knows the running check's
 * effective severity, and check_report(), which applies it together with the
 * items' `ignore:` entries. */
#ifndef ROADMAPC_CHECK_H
#define ROADMAPC_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "strbuf.h"

typedef struct CheckCtx CheckCtx;
typedef void (*CheckFn)(CheckCtx *ctx);

typedef struct CheckInfo {
	const char *name;
	Severity default_severity;
	bool structural;        /* always an error, cannot be turned off or ignored */
	CheckFn fn;             /* NULL for structural checks (the front end reports them) */
	const char *summary;    /* one line: what it finds */
	const char *why;        /* why it matters to the buyer */
	const char *fix;        /* how to fix it */
	const char *example;    /* a minimal YAML roadmap that triggers it, or NULL */
	const char *severity_note;  /* when the default differs by roadmap, or NULL */
} CheckInfo;

extern const CheckInfo check_table[];
extern const size_t check_table_len;

/* The registry row for 'name', or NULL. */
const CheckInfo *check_find(const char *name);

/* A `-W CHECK=SEVERITY` from the command line; wins over the file's `checks:`. */
typedef struct CheckOverride {
	const char *check;
	Severity severity;
} CheckOverride;

typedef struct CheckConfig {
	const CheckOverride *overrides;
	size_t noverrides;
	long today;             /* days since 1970-01-01, for content-stale */
} CheckConfig;

/* Runs every enabled semantic check on a resolved roadmap and reports the
 * findings (suppressed ones marked, unused ignores reported) to 'dl'. Marks
 * the `used` flag of the roadmap's Ignore entries, the only part of the
 * model the checks write. 'cfg' may be NULL (no overrides, today = 0). */
void check_run(const Roadmap *rm, const CheckConfig *cfg, DiagList *dl);

/* Computes coverage for a resolved roadmap (coverage.c). */
Coverage check_coverage(const Roadmap *rm);

/* The severity 'check' has in 'rm' under 'cfg': the `-W` override (the last
 * one wins), else the file's `checks:` entry, else the default, which for
 * `concern-unaddressed` is `error` in a `category: complex` roadmap.
 * Structural checks are always SEV_ERROR. 'cfg' may be NULL. */
Severity check_severity(const CheckInfo *check, const Roadmap *rm, const CheckConfig *cfg);

/* `roadmapc explain NAME`: appends what the check finds, why it matters, how
 * to fix it and a minimal example to 'out'. Returns -1 (appending nothing)
 * when there is no such check. docs/checks.md holds the same text, which
 * tests/suite_checks_doc.sh verifies. */
int check_explain(const char *name, StrBuf *out);

/* `roadmapc list-checks`: one line per check in registry order: name,
 * default severity and summary, in aligned columns. */
void check_list(StrBuf *out);

/* ---- for the check families (check_*.c) ---- */

typedef struct CheckIndex CheckIndex;

struct CheckCtx {
	const Roadmap *rm;
	const CheckConfig *cfg;
	DiagList *dl;
	const CheckIndex *ix;   /* facts shared by several checks (check_index.c) */
	const CheckInfo *info;  /* the check running now */
	Severity sev;           /* its effective severity; never SEV_OFF while it runs */
};

/* check_index.c: computed once per run, so that no check is quadratic on a
 * large (or hostile) roadmap. Allocated in 'a'; valid until it is freed. */
const CheckIndex *check_index_build(const Roadmap *rm, Arena *a);

/* The number of seller actions that support 'st'. */
size_t check_stage_sellers(const CheckCtx *ctx, const Stage *st);

/* Values delivered at 'st': by the seller actions that support it (with the
 * content they use) and by the content its questions reference, whatever
 * that content's status. */
ValueSet check_stage_delivered(const CheckCtx *ctx, const Stage *st);

/* Channels used at 'st': its supporting seller actions' `channel` and the
 * `channels` of the content its questions reference. */
ChannelSet check_stage_channels(const CheckCtx *ctx, const Stage *st);

/* True when a question, concern or seller action references 'c'. */
bool check_content_used(const CheckCtx *ctx, const Content *c);

/* The questions that name 'co' in their `concern`, in source order: start
 * with *pos == 0 and call until it returns NULL. */
const Question *check_concern_next(const CheckCtx *ctx, const Concern *co, size_t *pos);

/* Reports a finding of the running check at 'loc' about 'item' (a stable
 * name such as "stage:need", see docs/checks.md; copied into the arena).
 * When 'ignore' names the running check the finding is still recorded but
 * marked suppressed ("ignore"), and the entry marked used. Returns the Diag
 * so help lines can be attached. */
Diag *check_report(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *ignore,
		   const char *fmt, ...) PRINTF_LIKE(5, 6);

/* The same for a finding about two items (a seller action and a stage, a
 * question and the content it references): either item's `ignore:`
 * suppresses it, and every entry that matches is marked used. */
Diag *check_report_pair(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *first,
			IgnoreList *second, const char *fmt, ...) PRINTF_LIKE(6, 7);

/* Formats an item name (or any short string) into the compilation's arena. */
const char *check_item(CheckCtx *ctx, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* The words of 'set' (a ValueSet or ChannelSet over 'vocab'), in vocabulary
 * order, joined as English: "pricing", "pricing and proof", "web, peer and
 * chat"; 'conj' is "and" or "or". Lives in the compilation's arena. */
const char *check_words(CheckCtx *ctx, const char *const *vocab, unsigned set, const char *conj);

/* The `max_age_days` the file's `checks:` sets for content-stale, else 365. */
long check_max_age_days(const Roadmap *rm);

/* The check functions, one family per file; each walks the model in source
 * order and reports through check_report(). */

/* check_support.c: is every buying stage served, and served what it wants? */
void check_stage_without_seller_action(CheckCtx *ctx);
void check_expected_value_missing(CheckCtx *ctx);
void check_unwanted_value(CheckCtx *ctx);
void check_seller_action_without_stage(CheckCtx *ctx);
void check_channel_mismatch(CheckCtx *ctx);

/* check_questions.c: discovery: questions, answers, concerns. */
void check_question_without_answer(CheckCtx *ctx);
void check_answer_without_content(CheckCtx *ctx);
void check_concern_unaddressed(CheckCtx *ctx);
void check_stage_without_questions(CheckCtx *ctx);
void check_critical_characteristic_unaddressed(CheckCtx *ctx);

/* check_timing.c: the two processes on one timeline. */
void check_timing_mismatch(CheckCtx *ctx);
void check_process_misaligned(CheckCtx *ctx);
void check_roadmap_ends_at_sale(CheckCtx *ctx);

/* check_content.c: the content inventory audit. */
void check_content_not_published(CheckCtx *ctx);
void check_content_unused(CheckCtx *ctx);
void check_content_stale(CheckCtx *ctx);
void check_missing_owner(CheckCtx *ctx);

/* check_runner.c: `ignore:` entries that suppressed nothing. Runs last. */
void check_unused_ignore(CheckCtx *ctx);

#endif
