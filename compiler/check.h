/* check.h - the built-in checks, their documentation, and the runner.
 *
 * Checks layer. Every built-in check, structural or semantic, has one row
 * in the static table of check.c (name, default severity, the function that
 * finds it); check_register_builtins() puts them in a run's registry
 * (registry.h), which Lua rules then join. What each check finds, why it
 * matters and how to fix it is docs/checks.md, embedded (check_doc.c), the
 * one source for `explain`, `list-checks` and the SARIF rule help.
 * check_runner.c runs the registry's checks after resolve.c, on a model
 * with no structural errors.
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
#include "front.h"
#include "model.h"
#include "model_index.h"
#include "registry.h"
#include "strbuf.h"

/* The built-in checks, in the order of the language reference, of
 * `list-checks` and docs/checks.md, and the order they run in. */
extern const CheckInfo check_table[];
extern const size_t check_table_len;

/* Adds every row of check_table to 'reg'. */
void check_register_builtins(CheckRegistry *reg);

/* A built-in check's section of docs/checks.md. Static data, parsed on
 * first use. */
typedef struct CheckDoc {
	const char *name;
	const char *text;       /* what `explain` prints */
	const char *summary;    /* the "Finds:" paragraph, on one line */
	const char *why;        /* "Why it matters:" */
	const char *fix;        /* "How to fix it:" */
	const char *example;    /* the example roadmap, or NULL */
	const char *severity_note;  /* "(error when ...)" after the default, or NULL */
} CheckDoc;

/* The documentation of 'name', or NULL when docs/checks.md has no section. */
const CheckDoc *check_doc_find(const char *name);

/* One line of `list-checks` and the summary of reports: what 'ci' finds. */
const char *check_summary(const CheckInfo *ci);

/* Runs every enabled semantic check on a resolved roadmap and reports the
 * findings (suppressed ones marked, unused ignores reported) to 'dl'. Marks
 * the `used` flag of the roadmap's Ignore entries, the only part of the
 * model the checks write. 'cfg' may be NULL (no overrides, today = 0). */
void check_run(const Roadmap *rm, const CheckRegistry *reg, const CheckConfig *cfg,
	       DiagList *dl);

/* `roadmapc explain NAME`: appends what the check finds, why it matters, how
 * to fix it and a minimal example to 'out': a built-in check's section of
 * docs/checks.md, or what a rule says of itself. Returns -1 (appending
 * nothing) when 'reg' has no such check. */
int check_explain(const CheckRegistry *reg, const char *name, StrBuf *out);

/* `roadmapc list-checks`: one line per check in registry order: name,
 * default severity and summary, in aligned columns. */
void check_list(const CheckRegistry *reg, StrBuf *out);

/* ---- for the check families (check_*.c) ---- */

struct CheckCtx {
	const Roadmap *rm;
	const ModelIndex *ix;   /* rm->index: who supports, uses and names what */
	const CheckConfig *cfg;
	DiagList *dl;
	const CheckRegistry *reg;
	const CheckInfo *info;  /* the check running now */
	Severity sev;           /* its effective severity; never SEV_OFF while it runs */
};

/* Reports a finding of the running check at 'loc' about 'subject' (and, for
 * a finding about a pair such as a seller action at a stage, 'object';
 * subject_none() otherwise). The finding's item name comes from them
 * (model_item_name). When the `ignore:` of either item names the running
 * check, the finding is still recorded but marked suppressed ("ignore"),
 * and every matching entry is marked used. Returns the Diag so help lines
 * can be attached. */
Diag *check_report(CheckCtx *ctx, SrcLoc loc, Subject subject, Subject object,
		   const char *fmt, ...) PRINTF_LIKE(5, 6);

/* 'yaml' or 'lua': a help line in the words of the roadmap's syntax
 * (schema_syntax for the checks). A macro, so both formats are checked. */
#define check_syntax(ctx, yaml, lua) \
	((ctx)->rm->src && (ctx)->rm->src->syntax == SYNTAX_LUA ? (lua) : (yaml))
/* True when the `ignore:` of item 's' names the running check; its
 * matching entries are then marked used. For checks that leave ignored
 * items out of a finding about several (stages-skipped), rather than
 * suppressing the finding. */
bool check_ignores(CheckCtx *ctx, Subject s);

/* Formats a short string (a label, a window) into the compilation's arena. */
const char *check_text(CheckCtx *ctx, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* The words of 'set' (a ValueSet or ChannelSet over 'vocab'), in vocabulary
 * order, joined as English: "pricing", "pricing and proof", "web, peer and
 * chat"; 'conj' is "and" or "or". Lives in the compilation's arena. */
const char *check_words(CheckCtx *ctx, const char *const *vocab, unsigned set, const char *conj);

/* "'a'", "'a' and 'b'", "'a', 'b', 'c' and 2 more": the first 'max' of the
 * 'n' names quoted and joined as English. Lives in the compilation's arena. */
const char *check_quoted_list(CheckCtx *ctx, const char *const *names, size_t n, size_t max);

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
void check_complex_without_concerns(CheckCtx *ctx);

/* check_timing.c: the two processes on one timeline. */
void check_timing_mismatch(CheckCtx *ctx);
void check_process_misaligned(CheckCtx *ctx);
void check_roadmap_ends_at_sale(CheckCtx *ctx);
void check_phase_out_of_order(CheckCtx *ctx);
void check_stages_skipped(CheckCtx *ctx);

/* check_content.c: the content inventory audit. */
void check_content_not_published(CheckCtx *ctx);
void check_content_unused(CheckCtx *ctx);
void check_content_stale(CheckCtx *ctx);
void check_content_unreviewed(CheckCtx *ctx);
void check_missing_owner(CheckCtx *ctx);

/* check_text.c: text the file format changed. */
void check_text_cut_by_comment(CheckCtx *ctx);

/* check_runner.c: `ignore:` entries that suppressed nothing. Runs last. */
void check_unused_ignore(CheckCtx *ctx);

/* ---- check_rules.c: Lua rules (docs/lua.md) ---- */

/* The check function of every rule: runs the rule's file again in a fresh
 * sandbox and calls its check function on the roadmap. */
void check_rule(CheckCtx *ctx);

/* Adds 'rules', declared in 'src', to 'reg'; a name already taken is a
 * duplicate-id error in 'dl'. The rows live in 'a'. */
void check_rules_register(CheckRegistry *reg, const FrontRule *rules, size_t n, const SrcFile *src,
			  Arena *a, DiagList *dl);

/* Loads the modules 'rm' names in `rules:` (the stdlib files rule-NAME.lua,
 * searched in 'dirs', then built in) into 'reg'. Returns 0, or -1 after
 * reporting an unknown or broken module to 'dl'. */
int check_rules_load_modules(const Roadmap *rm, CheckRegistry *reg, const char *const *dirs,
			     size_t ndirs, const Limits *lim, Arena *a, DiagList *dl);

/* Loads the rule file 'path' (its 'len' bytes of 'text') into 'reg'. */
int check_rules_load_file(const char *path, const char *text, size_t len, CheckRegistry *reg,
			  const Limits *lim, Arena *a, DiagList *dl);

/* Loads module 'name' into 'reg' when there is one: 0 when loaded, 1 when
 * there is no such module, -1 when it is broken (reported to 'dl'). */
int check_rules_load_module(const char *name, CheckRegistry *reg, const char *const *dirs,
			    size_t ndirs, const Limits *lim, Arena *a, DiagList *dl);

#endif
