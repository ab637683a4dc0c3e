/* diag.h - diagnostics: user errors and findings, collected as data.
 *
 * Every phase reports problems with diag_report() and carries on; nothing is
 * printed until the driver hands the finished lists to a report format
 * (report.h). A Diag and its strings live in the DiagList's arena, which is the
 * arena of the compilation that produced it. */
#ifndef ROADMAPC_DIAG_H
#define ROADMAPC_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "arena.h"
#include "srcfile.h"

/* Ordered: a higher value is more severe. SEV_OFF disables a check. */
typedef enum Severity { SEV_OFF, SEV_INFO, SEV_WARNING, SEV_ERROR } Severity;

const char *severity_name(Severity s);          /* "off", "info", "warning", "error" */
int severity_parse(const char *s, Severity *out); /* 0 on success */

typedef enum DiagNoteKind { NOTE_NOTE, NOTE_HELP } DiagNoteKind;

/* A secondary line under a diagnostic: "note: ..." (with an optional
 * location of its own, such as "first defined here") or "help: ...". */
typedef struct DiagNote {
	struct DiagNote *next;
	DiagNoteKind kind;
	SrcLoc loc;             /* loc.src == NULL: no location of its own */
	const char *text;
} DiagNote;

/* What a finding is about: one of the model's items (model.h), a value the
 * buyer expects, an `ignore:` entry, or an end of the buying process. The
 * item is opaque here, below the model; model.h has typed constructors and
 * accessors (subject_stage(), subject_as_stage(), ...). */
typedef enum SubjectKind {
	SUBJECT_NONE,           /* structural errors: about the text, not an item */
	SUBJECT_ROADMAP,        /* Roadmap */
	SUBJECT_STAGE,          /* Stage */
	SUBJECT_QUESTION,       /* Question */
	SUBJECT_CONCERN,        /* Concern */
	SUBJECT_SELLER,         /* SellerAction */
	SUBJECT_CONTENT,        /* Content */
	SUBJECT_VALUE,          /* const char *: a word of the value vocabulary */
	SUBJECT_IGNORE,         /* Ignore: an entry of an item's `ignore:` */
	SUBJECT_PROCESS_START,  /* Stage: the one that starts the buying process */
	SUBJECT_PROCESS_END,    /* Stage: the one that ends it */
	SUBJECT_TEXT,           /* CutText: a text a comment cut short */
	SUBJECT_KEY,            /* const char *: a key of the format ("when") */
	SUBJECT_RULE_ITEM       /* reserved for items named by Lua rules */
} SubjectKind;

typedef struct Subject {
	SubjectKind kind;
	const void *item;
} Subject;

typedef struct Diag {
	SrcLoc loc;
	Severity sev;
	const char *check;      /* the check name, such as "unknown-key" */
	const char *message;
	/* The items the finding is about: 'subject', and for a finding about a
	 * pair (a seller action at a stage, a question and its content) the
	 * second one in 'object'. SUBJECT_NONE for structural errors. */
	Subject subject, object;
	/* The stable name of those items ("stage:need", "seller:demo>stage:
	 * evaluate"), made from them by model_item_name(); baselines and
	 * fingerprints use it because it survives edits elsewhere in the file.
	 * NULL for structural errors. */
	const char *item;
	const char *suppressed; /* NULL, or why it is not counted: "ignore", "baseline" */
	DiagNote *notes;
	DiagNote **notes_tail;
	size_t seq;             /* report order, the last sort key */
} Diag;

typedef struct DiagList {
	Arena *arena;
	Diag **items;
	size_t n, cap;
	/* When not 0, errors past the first 'max_errors' are not recorded:
	 * one `limit-exceeded` error says so, and diag_report() returns
	 * 'discarded', which takes notes and fields and keeps none. The
	 * driver sets it while a file loads, so that a hostile file with
	 * 100,000 bad keys costs a thousand diagnostics, not 100,000. */
	size_t max_errors, nerrors;
	Diag discarded;
} DiagList;

void diag_init(DiagList *dl, Arena *arena);

/* Records a diagnostic and returns it so notes can be attached (see
 * DiagList.max_errors for when it is not recorded). Here and in the notes,
 * 'fmt' is a string literal, as -Wformat=2 makes sure: one without
 * conversions is kept as the text itself. */
Diag *diag_report(DiagList *dl, SrcLoc loc, Severity sev, const char *check,
		  const char *fmt, ...) PRINTF_LIKE(5, 6);
Diag *diag_vreport(DiagList *dl, SrcLoc loc, Severity sev, const char *check,
		   const char *fmt, va_list ap) PRINTF_LIKE(5, 0);
void diag_note(DiagList *dl, Diag *d, SrcLoc loc, const char *fmt, ...) PRINTF_LIKE(4, 5);
void diag_help(DiagList *dl, Diag *d, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* True when an error reported now would not be recorded (max_errors), so
 * a caller can skip the work of composing it. */
bool diag_full(const DiagList *dl);

/* Counts an error the caller does not make because the list is full
 * (diag_full): the first one past the limit records the `limit-exceeded`
 * error that says the rest are not reported. */
void diag_skip_error(DiagList *dl, SrcLoc loc);

/* Sorts by file, line, column, then report order, so output never depends
 * on the order the phases happened to find things. */
void diag_sort(DiagList *dl);

/* Number of unsuppressed diagnostics at exactly 'sev'. */
size_t diag_count(const DiagList *dl, Severity sev);
size_t diag_count_suppressed(const DiagList *dl);
/* Nonzero when any unsuppressed diagnostic has severity SEV_ERROR. */
int diag_has_errors(const DiagList *dl);

#endif
