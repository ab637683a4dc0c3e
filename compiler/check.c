/* check.c - the check registry: every check's name, severity and documentation.
 *
 * The table below is the single source of truth for what checks exist: the
 * schema layer validates `checks:` and `ignore:` names against it, the runner
 * (check_runner.c) walks it, and `list-checks`, `explain` and docs/checks.md
 * all come from it (tests/suite_checks_doc.sh keeps the docs honest). Order
 * matters: it is the order of the language reference, of `list-checks` and
 * of docs/checks.md, and the order the checks run in. */
#include "check.h"

#include <string.h>

/* ---- the registry ---- */

/* The examples: minimal roadmaps, each triggering its check and, where the
 * language allows, nothing else. One YAML line per C line. */
static const char ex_yaml_syntax[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"    name: \"Recognise the need\n";

static const char ex_unknown_key[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"    questons:\n"
	"      - ask: What does a slow close cost us?\n";

static const char ex_wrong_type[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"    expects: { value: information }\n";

static const char ex_missing_field[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"stages:\n"
	"  - id: need\n";

static const char ex_duplicate_key[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"    name: Recognise the need\n"
	"    name: Feel the pain\n";

static const char ex_duplicate_id[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"  - id: need\n";

static const char ex_unknown_reference[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"seller:\n"
	"  - id: sdr-sequence\n"
	"    supports: [nead]\n";

static const char ex_invalid_value[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"    expects: [informaton]\n";

static const char ex_stage_without_seller_action[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: compare\n"
	"    name: Compare vendors\n"
	"    expects: pricing\n"
	"    questions:\n"
	"      - ask: What will it cost us?\n"
	"        answer: A price per seat, with the implementation fee\n"
	"        content: price-list\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: price-list, title: Price list, type: pricing-page, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_question_without_answer[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_answer_without_content[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: Two days of finance time a month, by company size\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_content_not_published[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - id: benchmark\n"
	"    title: 2026 Close Benchmark Report\n"
	"    type: report\n"
	"    owner: marketing\n"
	"    status: draft\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_expected_value_missing[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: compare\n"
	"    name: Compare vendors\n"
	"    expects: [pricing, proof]\n"
	"    questions:\n"
	"      - { ask: What will it cost us?, answer: A price per seat, content: price-list }\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"seller:\n"
	"  - id: pricing-email\n"
	"    owner: sales\n"
	"    supports: compare\n"
	"    uses: price-list\n"
	"content:\n"
	"  - { id: price-list, title: Price list, type: pricing-page, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_unwanted_value[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"seller:\n"
	"  - id: cold-calls\n"
	"    name: SDR cold calls\n"
	"    owner: sales\n"
	"    supports: research\n"
	"    channel: phone\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_seller_action_without_stage[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"seller:\n"
	"  - id: newsletter\n"
	"    name: Quarterly newsletter\n"
	"    owner: marketing\n"
	"    channel: email\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_timing_mismatch[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: evaluate\n"
	"    name: Evaluate solutions\n"
	"    when: 2-4\n"
	"    expects: demonstration\n"
	"    questions:\n"
	"      - { ask: Does it fit our ERP?, answer: A demo on our data, content: demo }\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"seller:\n"
	"  - id: live-demo\n"
	"    name: Live demo\n"
	"    owner: sales\n"
	"    when: 2-4\n"
	"    supports: evaluate\n"
	"    uses: demo\n"
	"  - id: demo-recap\n"
	"    name: Demo recap call\n"
	"    owner: sales\n"
	"    when: 6-7\n"
	"    supports: evaluate\n"
	"    uses: demo\n"
	"content:\n"
	"  - { id: demo, title: Live demo, type: demo, owner: sales }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_process_misaligned[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    when: 0-2\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: evaluate\n"
	"    name: Evaluate solutions\n"
	"    when: 3-4\n"
	"    expects: demonstration\n"
	"    questions:\n"
	"      - { ask: Does it fit our ERP?, answer: A demo on our data, content: demo }\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"seller:\n"
	"  - id: live-demo\n"
	"    name: Live demo\n"
	"    owner: sales\n"
	"    when: 3-4\n"
	"    supports: evaluate\n"
	"    uses: demo\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: demo, title: Live demo, type: demo, owner: sales }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_roadmap_ends_at_sale[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: buy\n"
	"    phase: purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: How do we order?, answer: Online, content: order-page }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: order-page, title: Order page, type: web-page, owner: web }\n";

static const char ex_concern_unaddressed[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    concerns:\n"
	"      - Will the migration disrupt quarter end?\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_stage_without_questions[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    name: Research solutions\n"
	"    expects: left-alone\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_critical_characteristic_unaddressed[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"critical_characteristic: Closes the books three days faster\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: How much faster do customers close?\n"
	"        answer: Three days faster, measured at 40 customers\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_channel_mismatch[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    prefers: [peer, review-site]\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_content_unused[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n"
	"  - { id: brochure, title: Product brochure, type: spec-sheet, owner: marketing }\n";

static const char ex_content_stale[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - id: benchmark\n"
	"    title: Close benchmark\n"
	"    type: report\n"
	"    owner: marketing\n"
	"    reviewed: 2024-01-15\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_missing_owner[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

static const char ex_unused_ignore[] =
	"roadmap: 1\n"
	"product: Acme Close\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: research\n"
	"    expects: left-alone\n"
	"    ignore:\n"
	"      stage-without-seller-action: Buyers research on their own\n"
	"    questions:\n"
	"      - ask: What does a slow close cost us?\n"
	"        answer: A benchmark by company size\n"
	"        content: benchmark\n"
	"  - id: use\n"
	"    phase: post-purchase\n"
	"    expects: left-alone\n"
	"    questions:\n"
	"      - { ask: Where is help?, answer: The help centre, content: help }\n"
	"content:\n"
	"  - { id: benchmark, title: Close benchmark, type: report, owner: marketing }\n"
	"  - { id: help, title: Help centre, type: support-portal, owner: support }\n";

const CheckInfo check_table[] = {
	/* ---- structural: reported by the front ends, schema and resolve ---- */
	{ "yaml-syntax", SEV_ERROR, true, NULL,
	  "the file is not valid YAML",
	  "Nothing can be checked against the buying process until the file parses.",
	  "Fix the text at the position shown; the usual causes are indentation, a "
	  "missing ':' after a key, a tab used for indentation, or an unclosed quote.", ex_yaml_syntax, NULL },
	{ "lua-error", SEV_ERROR, true, NULL,
	  "a Lua roadmap fails to load or run, or exceeds its budget",
	  "A roadmap written in Lua is a program; when it fails, there is no roadmap to check.",
	  "Read the Lua message and the line it names. A budget error usually means an "
	  "endless loop; the budgets can be raised on the command line.", NULL, NULL },
	{ "unknown-key", SEV_ERROR, true, NULL,
	  "a key the format does not know (with a suggestion when one is close)",
	  "A misspelled key is silently ignored by most tools, so the question, stage or "
	  "seller action it was meant to describe would be missing from every check.",
	  "Correct the spelling (the diagnostic suggests the closest known key) or remove "
	  "the key. docs/language.md lists every key.", ex_unknown_key,
	  NULL },
	{ "wrong-type", SEV_ERROR, true, NULL,
	  "a value of the wrong kind, such as a mapping where text is expected",
	  "A value of the wrong shape cannot mean what its author intended, so the "
	  "compiler refuses to guess.",
	  "Write the value in the form the key takes: text, a number, a list (a single "
	  "item may also be written alone) or a mapping.", ex_wrong_type, NULL },
	{ "missing-field", SEV_ERROR, true, NULL,
	  "a required key is absent, such as `product` or a question's `ask`",
	  "Every roadmap is for one product and one customer segment, and every question "
	  "is something a buyer asks; without them the roadmap says nothing.",
	  "Add the key named in the diagnostic.", ex_missing_field, NULL },
	{ "duplicate-key", SEV_ERROR, true, NULL,
	  "the same key twice in one mapping",
	  "YAML parsers keep one of the two values without a word, so half of what was "
	  "written would be lost.",
	  "Merge the two entries into one, or remove the one that is out of date.", ex_duplicate_key,
	  NULL },
	{ "duplicate-id", SEV_ERROR, true, NULL,
	  "two items of the same kind with the same id",
	  "Seller actions and questions refer to stages and content by id; with two items "
	  "of one id, a reference could mean either.",
	  "Give each item its own id; the diagnostic points at both.", ex_duplicate_id, NULL },
	{ "unknown-reference", SEV_ERROR, true, NULL,
	  "a reference to an id that does not exist",
	  "A reference to nothing is a broken link: the seller action or answer it was "
	  "meant to connect is not connected.",
	  "Correct the id (the diagnostic suggests the closest existing one) or add the "
	  "missing item.", ex_unknown_reference,
	  NULL },
	{ "invalid-value", SEV_ERROR, true, NULL,
	  "a value outside its vocabulary or format (a misspelled word, a bad date)",
	  "The checks compare values and channels word for word; a misspelled word would "
	  "match nothing.",
	  "Use one of the words the diagnostic lists (it suggests the closest), or write "
	  "the date or window in the documented form.", ex_invalid_value, NULL },
	{ "limit-exceeded", SEV_ERROR, true, NULL,
	  "the input exceeds a resource limit (depth, aliases, size, nodes)",
	  "Roadmaps may come from untrusted pull requests, so every dimension a hostile "
	  "file could blow up is bounded.",
	  "Simplify the file; if it is genuine, raise the limit named in the diagnostic "
	  "on the command line.", NULL, NULL },

	/* ---- semantic: one function each, in check_*.c ---- */
	{ "stage-without-seller-action", SEV_ERROR, false, check_stage_without_seller_action,
	  "a buyer stage that no seller action `supports`",
	  "At a stage nobody on the selling side serves, the buyer looks for answers alone, "
	  "and stalls or buys elsewhere. This is the gap the roadmap exists to find.",
	  "Add a seller action with the stage's id in `supports`. If buyers want to be "
	  "left alone at this stage, say so with `expects: [left-alone]`: such a stage "
	  "needs no seller action.", ex_stage_without_seller_action,
	  NULL },
	{ "question-without-answer", SEV_ERROR, false, check_question_without_answer,
	  "a buyer question with no `answer`",
	  "A question the company cannot answer blocks the decision; buyers who cannot get "
	  "an answer stall or go to a competitor who has one.",
	  "Write in `answer` what actually satisfies the buyer, as customers told it in "
	  "interviews, not the company's boilerplate.", ex_question_without_answer,
	  NULL },
	{ "answer-without-content", SEV_ERROR, false, check_answer_without_content,
	  "an answered question with no `content` that delivers the answer",
	  "An answer only helps when it reaches the buyer: through a page, a case study, "
	  "a demo or a call. An answer nobody delivers is a note in a file.",
	  "List in the question's `content` the items that deliver the answer; if they do "
	  "not exist yet, add them to the inventory with `status: planned`.", ex_answer_without_content,
	  NULL },
	{ "content-not-published", SEV_WARNING, false, check_content_not_published,
	  "a question, concern or seller action relies on unpublished content",
	  "Until content is published, the buyer cannot see it: the answer it delivers "
	  "does not reach anyone. Retired content is worse: the reference points at "
	  "something withdrawn.",
	  "Publish the content and set `status: published`, or point the reference at "
	  "published content.", ex_content_not_published,
	  NULL },
	{ "expected-value-missing", SEV_WARNING, false, check_expected_value_missing,
	  "a stage expects a value that nothing at the stage delivers",
	  "At each stage the buyer expects something specific from the seller: information, "
	  "pricing, a demonstration, a visit. Delivering something else leaves the "
	  "expectation unmet, however much is delivered.",
	  "Add a seller action supporting the stage that delivers the value (or uses "
	  "content that does), or reference content that delivers it from one of the "
	  "stage's questions.", ex_expected_value_missing,
	  NULL },
	{ "unwanted-value", SEV_WARNING, false, check_unwanted_value,
	  "a seller action delivers only unexpected values, or reaches out uninvited",
	  "A call when the buyer wanted a price list, or a pitch when they wanted to be "
	  "left alone, pushes the buyer away. Automating it (a CRM cadence, an email "
	  "sequence) only automates the mistake.",
	  "Change what the action delivers to what the stage expects, or stop supporting "
	  "that stage with it. Where buyers want to be left alone, serve them without "
	  "reaching out: web pages, in-product help, a community.", ex_unwanted_value,
	  NULL },
	{ "seller-action-without-stage", SEV_WARNING, false, check_seller_action_without_stage,
	  "a seller action that supports no buyer stage",
	  "A selling step that mirrors no buying step was built for the seller's "
	  "convenience, not the buyer's; it costs effort and serves nobody.",
	  "List in `supports` the buyer stages it serves; if it serves none, stop doing it.", ex_seller_action_without_stage,
	  NULL },
	{ "timing-mismatch", SEV_WARNING, false, check_timing_mismatch,
	  "a seller action whose `when` does not overlap the `when` of a stage it supports",
	  "A demo weeks before the buyer is ready to evaluate, or after they decided, "
	  "serves no one: the step is out of sync with the buying step it claims to serve.",
	  "Move the action into the stage's window (windows are closed: 0-2 and 2-4 "
	  "overlap), or make it support the stage it really serves.", ex_timing_mismatch,
	  NULL },
	{ "process-misaligned", SEV_WARNING, false, check_process_misaligned,
	  "the selling process starts after the buying process starts, or ends before it ends",
	  "When selling starts late, no one is there when buyers first look; when it ends "
	  "early, everyone is gone after the signature, where buyers abandon just as often.",
	  "Add seller actions with a `when` at the start and at the end of the buying "
	  "process, supporting the first and last stages.", ex_process_misaligned,
	  NULL },
	{ "roadmap-ends-at-sale", SEV_WARNING, false, check_roadmap_ends_at_sale,
	  "no post-purchase stage: the roadmap stops at the sale",
	  "Buyers abandon near the end as often as at the start, and onboarding, use, "
	  "support and renewal decide whether they buy again and refer others. A roadmap "
	  "that stops at the sale is incomplete.",
	  "Add the stages after the purchase (onboarding, use, support, renewal). A stage "
	  "after one marked `phase: purchase` is post-purchase unless it says otherwise.", ex_roadmap_ends_at_sale, NULL },
	{ "concern-unaddressed", SEV_WARNING, false, check_concern_unaddressed,
	  "a buyer concern that no content or answered question addresses",
	  "Skepticism pulls buyers back as desire pushes them forward, and the more complex "
	  "the purchase, the stronger it is. A concern left unanswered is where deals end "
	  "in no decision; it is answered with proof more than with persuasion.",
	  "Give the concern `content` that addresses it (proof works best: a case study, "
	  "a reference call, a trial), or name it in the `concern` of a question that has "
	  "an answer and content.", ex_concern_unaddressed,
	  "error when `category: complex`" },
	{ "stage-without-questions", SEV_WARNING, false, check_stage_without_questions,
	  "a stage with no buyer questions (discovery not done)",
	  "The questions buyers ask at a stage are what the seller must answer there; a "
	  "stage without them means nobody asked customers how they bought.",
	  "Interview customers about this stage and add the questions they asked under "
	  "`questions`, each with the answer that satisfied them.", ex_stage_without_questions, NULL },
	{ "critical-characteristic-unaddressed", SEV_WARNING, false, check_critical_characteristic_unaddressed,
	  "no answer before the sale carries the critical characteristic",
	  "The critical characteristic is the one attribute that compels the customer to "
	  "buy. If no answer delivered before the purchase carries it, buyers decide "
	  "without the one argument that matters most.",
	  "Mark the question whose answer proves the critical characteristic with "
	  "`critical: true`, and give it an answer and content, in a stage before the "
	  "post-purchase stages.", ex_critical_characteristic_unaddressed,
	  NULL },
	{ "channel-mismatch", SEV_INFO, false, check_channel_mismatch,
	  "a stage prefers channels that none of its content or seller actions uses",
	  "Buyers look for answers where they prefer to look: on the web, with peers, on "
	  "review sites. Answers delivered only elsewhere are not found.",
	  "Deliver at least one answer of the stage on a channel it prefers: content with "
	  "those `channels`, or a seller action with that `channel`.", ex_channel_mismatch,
	  NULL },
	{ "content-unused", SEV_INFO, false, check_content_unused,
	  "inventory content that no question, concern or seller action uses",
	  "Content that answers no question any buyer asks is noise, and content nobody "
	  "uses is waste: every asset should serve a question or a selling step.",
	  "Reference it from the question, concern or seller action it serves, or retire "
	  "it and remove it from the inventory.", ex_content_unused,
	  NULL },
	{ "content-stale", SEV_WARNING, false, check_content_stale,
	  "content `reviewed` more than `max_age_days` (default 365) before today",
	  "Out-of-date prices, screenshots and claims cost trust exactly when the buyer is "
	  "deciding whether to believe the seller.",
	  "Review the content and update `reviewed`. If it ages slowly, raise the limit: "
	  "`content-stale: { max_age_days: 730 }` under `checks:`. The run's date is "
	  "today's, or `--today YYYY-MM-DD`.", ex_content_stale,
	  NULL },
	{ "missing-owner", SEV_INFO, false, check_missing_owner,
	  "a seller action or content item without an `owner`",
	  "Work nobody owns is not done: the action plan assigns each fix to the owner of "
	  "the item, and content without an owner is never reviewed.",
	  "Name the team or person responsible in `owner`.", ex_missing_owner,
	  NULL },
	/* Must stay last: it reports the ignores the checks above did not use. */
	{ "unused-ignore", SEV_INFO, false, check_unused_ignore,
	  "an `ignore` entry that suppressed nothing",
	  "An `ignore` documents an accepted gap. Once the gap is closed, the entry is a "
	  "false statement about the roadmap, and it would hide the problem if it "
	  "came back.",
	  "Remove the entry.", ex_unused_ignore,
	  NULL },
};

const size_t check_table_len = sizeof check_table / sizeof check_table[0];

const CheckInfo *check_find(const char *name)
{
	for (size_t i = 0; i < check_table_len; i++)
		if (strcmp(check_table[i].name, name) == 0)
			return &check_table[i];
	return NULL;
}


/* ---- explain and list-checks ---- */

#define EXPLAIN_WIDTH 72

/* Appends "label text" word-wrapped at EXPLAIN_WIDTH columns, then a newline.
 * docs/checks.md holds the same lines, so the wrapping is part of the format. */
static void put_wrapped(StrBuf *out, const char *label, const char *text)
{
	size_t col = 0;
	StrBuf para = STRBUF_INIT;
	strbuf_printf(&para, "%s%s", label, text);
	const char *p = strbuf_cstr(&para);
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t wlen = (size_t)(p - w);
		if (col > 0 && col + 1 + wlen > EXPLAIN_WIDTH) {
			strbuf_putc(out, '\n');
			col = 0;
		} else if (col > 0) {
			strbuf_putc(out, ' ');
			col++;
		}
		strbuf_put(out, w, wlen);
		col += wlen;
		while (*p == ' ')
			p++;
	}
	strbuf_putc(out, '\n');
	strbuf_free(&para);
}

int check_explain(const char *name, StrBuf *out)
{
	const CheckInfo *ci = check_find(name);
	if (!ci)
		return -1;
	strbuf_printf(out, "%s\n", ci->name);
	if (ci->structural)
		strbuf_puts(out, "Severity: error, always (a structural check: it cannot be turned "
			    "off or ignored)\n");
	else if (ci->severity_note)
		strbuf_printf(out, "Default severity: %s (%s)\n", severity_name(ci->default_severity),
			      ci->severity_note);
	else
		strbuf_printf(out, "Default severity: %s\n", severity_name(ci->default_severity));
	strbuf_putc(out, '\n');
	put_wrapped(out, "Finds: ", ci->summary);
	strbuf_putc(out, '\n');
	put_wrapped(out, "Why it matters: ", ci->why);
	strbuf_putc(out, '\n');
	put_wrapped(out, "How to fix it: ", ci->fix);
	if (ci->example)
		strbuf_printf(out, "\nExample:\n\n```yaml\n%s```\n", ci->example);
	return 0;
}

void check_list(StrBuf *out)
{
	size_t width = 0;
	for (size_t i = 0; i < check_table_len; i++) {
		size_t n = strlen(check_table[i].name);
		if (n > width)
			width = n;
	}
	for (size_t i = 0; i < check_table_len; i++) {
		const CheckInfo *ci = &check_table[i];
		strbuf_printf(out, "%-*s  %-7s  %s\n", (int)width, ci->name,
			      severity_name(ci->default_severity), ci->summary);
	}
}
