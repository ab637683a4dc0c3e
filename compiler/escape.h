/* escape.h - table-driven escaping for every output syntax we emit.
 *
 * All report formats escape user text through here, so a product name with a
 * quote, an ampersand or a control character cannot break a JSON, XML or
 * workflow-command output. Invalid UTF-8 is replaced by U+FFFD, and control
 * characters (C0, DEL and the C1 range U+0080-U+009F) never pass raw: each
 * syntax escapes, shows or drops them. */
#ifndef ROADMAPC_ESCAPE_H
#define ROADMAPC_ESCAPE_H

#include <stddef.h>

#include "strbuf.h"

/* Appends 's' as a JSON string, quotes included. */
void escape_json(StrBuf *out, const char *s);
/* Appends 's' escaped for XML text and attribute values (no quotes added).
 * Only characters XML 1.0 allows come out: C0 controls are dropped, and
 * U+FFFE and U+FFFF become U+FFFD. */
void escape_xml(StrBuf *out, const char *s);
/* Appends 's' for a Markdown table cell: punctuation Markdown would read
 * as formatting or as a cell break is backslash-escaped, HTML is made
 * inert, and line breaks become spaces. */
void escape_markdown(StrBuf *out, const char *s);
/* Appends 's' with invalid UTF-8 replaced and control characters (C0
 * except tab, DEL, C1) shown as '?', for terminal output. */
void escape_terminal(StrBuf *out, const char *s, size_t len);
/* The same, keeping line breaks: for whole messages on standard error. */
void escape_terminal_lines(StrBuf *out, const char *s, size_t len);
/* Appends 's' as the message of a GitHub Actions workflow command
 * (`::error ...::MESSAGE`): '%', CR and LF are percent-encoded, so the
 * message stays on one line and cannot start a command of its own; other
 * control characters are shown as '?'. */
void escape_workflow_data(StrBuf *out, const char *s);
/* The same for a property value (`file=VALUE,title=VALUE`), where ':' and
 * ',' are also encoded so a value cannot end the property list. */
void escape_workflow_property(StrBuf *out, const char *s);

#endif
