/* model.h - the roadmap model: the contract between the front end and the checks.
 *
 * schema.c builds it from the node tree, resolve.c links its references and
 * fills defaults, and everything after (checks, reports) only reads it. Each
 * object carries the SrcLoc of where the user wrote it (for `- id: x`, the
 * `id` key). Everything lives in the compilation's arena.
 *
 * Closed vocabularies (values, channels) are bit sets over the tables below,
 * whose order is the order of the language reference. */
#ifndef ROADMAPC_MODEL_H
#define ROADMAPC_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "srcfile.h"

/* ---- closed vocabularies ---- */

typedef unsigned ValueSet;      /* bit (1u << VALUE_x) */
typedef unsigned ChannelSet;    /* bit (1u << CHANNEL_x) */

enum {
	VALUE_INFORMATION, VALUE_PRICING, VALUE_DEMONSTRATION, VALUE_TRIAL, VALUE_PROOF,
	VALUE_VISIT, VALUE_PROPOSAL, VALUE_NEGOTIATION, VALUE_ONBOARDING, VALUE_TRAINING,
	VALUE_SUPPORT, VALUE_LEFT_ALONE, VALUE_COUNT
};
enum {
	CHANNEL_WEB, CHANNEL_EMAIL, CHANNEL_PHONE, CHANNEL_VIDEO_CALL, CHANNEL_IN_PERSON,
	CHANNEL_EVENT, CHANNEL_PEER, CHANNEL_REVIEW_SITE, CHANNEL_SOCIAL, CHANNEL_PARTNER,
	CHANNEL_IN_PRODUCT, CHANNEL_CHAT, CHANNEL_PRINT, CHANNEL_MOBILE_APP, CHANNEL_COUNT
};
typedef enum Phase { PHASE_PRE_PURCHASE, PHASE_PURCHASE, PHASE_POST_PURCHASE, PHASE_COUNT } Phase;
typedef enum Category { CATEGORY_IMPULSE, CATEGORY_CONSIDERED, CATEGORY_COMPLEX, CATEGORY_COUNT } Category;
typedef enum Timeline { TIMELINE_DAY, TIMELINE_WEEK, TIMELINE_MONTH, TIMELINE_COUNT } Timeline;
typedef enum Priority { PRIORITY_HIGH, PRIORITY_MEDIUM, PRIORITY_LOW, PRIORITY_COUNT } Priority;
typedef enum Status { STATUS_PUBLISHED, STATUS_DRAFT, STATUS_PLANNED, STATUS_RETIRED, STATUS_COUNT } Status;

/* NULL-terminated word lists, indexed by the enums above. */
extern const char *const vocab_values[];
extern const char *const vocab_channels[];
extern const char *const vocab_phases[];
extern const char *const vocab_categories[];
extern const char *const vocab_timelines[];
extern const char *const vocab_priorities[];
extern const char *const vocab_statuses[];

/* Index of 'word' in the NULL-terminated list 'words', or -1. */
int vocab_find(const char *const *words, const char *word);

/* ---- building blocks ---- */

typedef struct Stage Stage;
typedef struct Content Content;
typedef struct Concern Concern;

/* A reference by id, as written (`content: [x]`, `supports: [need]`), with
 * where it was written; 'target' is filled by resolve.c (all NULL while
 * unresolved or unknown). Which member is set depends on the list: a
 * seller action's `supports` holds stages, every `content`/`uses` holds
 * content items, a question's `concern` a concern. */
typedef struct Ref {
	const char *id;
	SrcLoc loc;
	union {
		const void *any;
		Stage *stage;
		Content *content;
		Concern *concern;
	} target;
} Ref;

typedef struct RefList {
	Ref *items;
	size_t n, cap;
} RefList;

/* A `when` window on the roadmap's timeline: closed interval [start, end]. */
typedef struct Window {
	bool set;
	double start, end;
	SrcLoc loc;
} Window;

/* One entry of an item's `ignore: { CHECK: "reason" }`. 'used' is set when it
 * suppressed a finding; an unused one is itself reported. */
typedef struct Ignore {
	const char *check;
	const char *reason;
	SrcLoc loc;
	bool used;
} Ignore;

typedef struct IgnoreList {
	Ignore *items;
	size_t n, cap;
} IgnoreList;

/* ---- the domain objects ---- */

struct Concern {
	const char *id;         /* derived from the text when not written (resolve.c) */
	const char *text;
	SrcLoc loc;
	size_t index;           /* position among all concerns, in file order */
	Stage *stage;
	RefList content;        /* targets: content */
	IgnoreList ignore;
};

typedef struct Question {
	const char *id;         /* derived from the text when not written (resolve.c) */
	const char *ask;
	const char *answer;     /* NULL when absent or empty */
	SrcLoc loc;
	Stage *stage;
	RefList content;        /* targets: content */
	Ref concern;            /* concern.id == NULL: none; target: concern */
	Priority priority;
	bool critical;
	IgnoreList ignore;
} Question;

struct Stage {
	const char *id;
	const char *name;       /* defaults to the id */
	SrcLoc loc;
	size_t index;           /* position in Roadmap.stages */
	Phase phase;
	bool phase_explicit;    /* written in the file, not inferred */
	Window when;
	ValueSet expects;
	ChannelSet prefers;
	Concern **concerns;
	size_t nconcerns, concerns_cap;
	const char **actions;
	size_t nactions, actions_cap;
	Question **questions;
	size_t nquestions, questions_cap;
	IgnoreList ignore;
};

typedef struct SellerAction {
	const char *id;
	const char *name;       /* defaults to the id */
	const char *owner;      /* NULL when absent */
	SrcLoc loc;
	Window when;
	RefList supports;       /* targets: stage */
	ValueSet delivers;      /* as written; see model_seller_delivers() */
	RefList uses;           /* targets: content */
	int channel;            /* CHANNEL_x, or -1 when absent */
	IgnoreList ignore;
} SellerAction;

struct Content {
	const char *id;
	const char *title;
	const char *type;       /* a content type from the stdlib catalog */
	SrcLoc loc;
	size_t index;           /* position in Roadmap.content */
	SrcLoc type_loc;
	Status status;
	const char *owner;
	const char *url;
	bool has_reviewed;
	long reviewed;          /* days since 1970-01-01 */
	SrcLoc reviewed_loc;
	ChannelSet channels;    /* defaulted from the type by resolve.c */
	ValueSet delivers;      /* defaulted from the type by resolve.c */
	bool channels_set, delivers_set;  /* written in the file */
	IgnoreList ignore;
};

/* A text that YAML cut short at a comment right after it (node.h):
 * `ask: What is in brief #2?` reads "What is in brief". Collected by the
 * schema for the check text-cut-by-comment. */
typedef struct CutText {
	const char *key;        /* the key it is the value of ("ask"), or of its list */
	bool entry;             /* an entry of a list ("actions:", "concerns:") */
	const char *text;       /* the text as YAML read it */
	SrcLoc loc;             /* the comment's '#' */
	const char *comment;    /* the comment, from its '#' to the end of its line */
	size_t comment_len;
} CutText;
/* A content type: what an item of that kind delivers and where buyers meet
 * it. From the catalog (catalog.h) or from a roadmap's own
 * `content_types:`. */
typedef struct ContentType {
	const char *name;       /* "case-study" */
	const char *summary;    /* one line for docs and help; "" when absent */
	ValueSet delivers;
	ChannelSet channels;
	SrcLoc loc;             /* the name, where it was defined */
} ContentType;

/* An entry of the file's `checks:` section. */
typedef struct CheckSetting {
	const char *check;
	SrcLoc loc;
	bool has_severity;
	Severity severity;
	bool has_max_age;
	long max_age_days;
} CheckSetting;

typedef struct ModelIndex ModelIndex;

typedef struct Roadmap {
	const SrcFile *src;
	SrcLoc loc;             /* the top-level mapping */
	long version;
	const char *product;
	const char *segment;
	Category category;
	SrcLoc category_loc;    /* the `category` key; the top level when absent */
	const char *critical_characteristic;   /* NULL when absent */
	SrcLoc critical_loc;    /* the `critical_characteristic` key */
	Timeline timeline;
	const char *extends;    /* NULL when absent */
	SrcLoc extends_loc;
	SrcLoc stages_loc;      /* the `stages` key */
	Stage **stages;
	size_t nstages, stages_cap;
	SellerAction **seller;
	size_t nseller, seller_cap;
	Content **content;
	size_t ncontent, content_cap;
	CheckSetting *checks;
	size_t nchecks, checks_cap;
	ContentType *types;     /* `content_types:`, the roadmap's own types */
	size_t ntypes, types_cap;
	Ref *rules;             /* `rules:` module names */
	size_t nrules, rules_cap;
	CutText *cuts;          /* texts cut short by a comment, in file order */
	size_t ncuts, cuts_cap;
	/* Who supports, uses and names what (model_index.h); built by
	 * resolve.c, NULL before. */
	const ModelIndex *index;
} Roadmap;

/* Coverage as defined by the language: questions answered with published
 * content, and stages with a supporting seller action (or left alone). */
typedef struct Coverage {
	size_t questions_done, questions_total;
	size_t stages_done, stages_total;
} Coverage;

/* ---- subjects: the items findings are about (diag.h) ---- */

static inline Subject subject_none(void) { return (Subject){ SUBJECT_NONE, NULL }; }
static inline Subject subject_roadmap(const Roadmap *rm) { return (Subject){ SUBJECT_ROADMAP, rm }; }
static inline Subject subject_stage(const Stage *st) { return (Subject){ SUBJECT_STAGE, st }; }
static inline Subject subject_question(const Question *q) { return (Subject){ SUBJECT_QUESTION, q }; }
static inline Subject subject_concern(const Concern *c) { return (Subject){ SUBJECT_CONCERN, c }; }
static inline Subject subject_seller(const SellerAction *sa) { return (Subject){ SUBJECT_SELLER, sa }; }
static inline Subject subject_content(const Content *c) { return (Subject){ SUBJECT_CONTENT, c }; }
static inline Subject subject_ignore(const Ignore *ig) { return (Subject){ SUBJECT_IGNORE, ig }; }
static inline Subject subject_text(const CutText *t) { return (Subject){ SUBJECT_TEXT, t }; }
static inline Subject subject_key(const char *key) { return (Subject){ SUBJECT_KEY, key }; }
/* 'value' is VALUE_x. */
Subject subject_value(int value);

/* The item of 's' when it is of that kind, else NULL. A process subject is
 * about its stage, so subject_as_stage() answers for it too. */
const Stage *subject_as_stage(Subject s);
const Question *subject_as_question(Subject s);
const Concern *subject_as_concern(Subject s);
const SellerAction *subject_as_seller(Subject s);
const Content *subject_as_content(Subject s);

/* The `ignore:` list of the item 's' (NULL for subjects without one). The
 * checks mark its entries used, the one thing they write in the model. */
IgnoreList *subject_ignore_list(Subject s);

/* The stage a subject belongs to: a stage itself, a question's or
 * concern's stage; NULL for seller actions, content and the roadmap. */
const Stage *subject_stage_of(Subject s);

/* The stable item name of a finding about 's' (and 'o', SUBJECT_NONE for
 * a finding about one item): "stage:need", "question:cost-of-delay",
 * "seller:demo>stage:evaluate", "stage:need>value:pricing",
 * "content:deck>ignore:content-unused", "process:start", "roadmap",
 * "text:What is in brief" (a text a comment cut short), "roadmap>key:when".
 * docs/checks.md ("Item names") documents them; baselines depend on them.
 * Lives in 'a'. */
const char *model_item_name(Arena *a, Subject s, Subject o);

/* Values a seller action delivers: its own `delivers` plus the `delivers`
 * of the content it `uses` (resolved targets only). */
ValueSet model_seller_delivers(const SellerAction *sa);

/* True when the stage expects only `left-alone`: it wants no selling. */
bool model_stage_left_alone(const Stage *st);

/* True when a seller action reaches out to the buyer uninvited: its
 * channel (CHANNEL_x, or -1) is phone, email, in-person or video-call, or
 * it delivers a visit. unwanted-value reports it at a stage that expects
 * left-alone. */
bool model_channel_reaches_out(int channel);
bool model_seller_reaches_out(const SellerAction *sa);

/* ---- words for people: diagnostics, the plan and the diagrams ---- */

/* The words of 'set' (a ValueSet or ChannelSet over 'vocab'), in vocabulary
 * order, joined as English: "pricing", "pricing and proof", "web, peer and
 * chat"; 'conj' is "and" or "or". Lives in 'a'. */
const char *model_words(Arena *a, const char *const *vocab, unsigned set, const char *conj);

/* A point or a `when` window in the roadmap's unit: "week 3", "weeks 2-4".
 * Lives in 'a'. */
const char *model_point_text(Arena *a, Timeline t, double x);
const char *model_window_text(Arena *a, Timeline t, const Window *w);

#endif
