/* check_text.c - the roadmap's own words: text the file format changed.
 *
 * Run by check_runner.c on a resolved model. In YAML a '#' after a space
 * starts a comment, so `ask: What is in brief #2?` asks "What is in brief":
 * the schema collects such texts (model.h, CutText; the front end finds the
 * comment right after the text, node.h) and this check says what was cut
 * and how to keep it. */
#include "check.h"
#include "escape.h"

void check_text_cut_by_comment(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->ncuts; i++) {
		const CutText *t = &rm->cuts[i];
		int n = (int)t->comment_len;
		Diag *d = check_report(ctx, t->loc, subject_text(t), subject_none(),
				       "%s '%s' stops before '%.*s': YAML read '%s' and took the "
				       "rest of the line for a comment", t->entry ? "an entry of"
				       : "the text of", t->key, n, t->comment, t->text);
		/* "What is in brief #2?", quoted as the file would need it. */
		StrBuf whole = STRBUF_INIT, quoted = STRBUF_INIT;
		strbuf_printf(&whole, "%s %.*s", t->text, n, t->comment);
		escape_yaml_quoted(&quoted, whole.data, whole.len);
		diag_help(ctx->dl, d,
			  "if '%.*s' is part of the text, quote the whole text: %s%s%s; if it is a "
			  "comment, put a space after the '#'", n, t->comment, t->entry ? "- " : t->key,
			  t->entry ? "" : ": ", strbuf_cstr(&quoted));
		strbuf_free(&whole);
		strbuf_free(&quoted);
	}
}
