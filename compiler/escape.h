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
/* Appends 's' as text inside a Graphviz HTML-like label: XML's five
 * characters become entities, line breaks and tabs spaces, other control
 * characters are dropped, and '\' is doubled, because Graphviz expands
 * escapes such as \N (the node's name) even inside HTML labels. */
void escape_graphviz_html(StrBuf *out, const char *s);
/* Appends 's' as a Graphviz tooltip, which SVG then shows as written.
 * Graphviz decodes numeric character references in a tooltip, expands its
 * escapes twice over (so \\N would become the node's name, and a backslash
 * needs four), then escapes it for XML, keeping what already looks like a
 * reference. So XML's five characters become their references, a line
 * break "&#10;", and '\\' four "&#92;". The result holds no quote and no
 * backslash, so it needs no escaping in DOT either. */
void escape_graphviz_tooltip(StrBuf *out, const char *s);
/* Appends 's' for a Markdown table cell: punctuation Markdown would read
 * as formatting, math or a cell break is backslash-escaped, HTML is made
 * inert, and line breaks become spaces. */
void escape_markdown(StrBuf *out, const char *s);
/* Appends 's' as one CSV field (RFC 4180): in double quotes, with quotes
 * doubled, when it holds a comma, a quote, a line break or a space at
 * either end; line breaks are kept inside the quotes. A field a
 * spreadsheet would run as a formula (one starting with '=', '+', '-',
 * '@', a tab or a carriage return) is quoted and starts with an
 * apostrophe, so opening the file runs nothing. Other C0 controls are
 * dropped. */
void escape_csv(StrBuf *out, const char *s);
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
/* Appends the 'len' bytes at 's' as a quoted YAML scalar, for help lines
 * that show how to write a text: in double quotes ('"' and '\' escaped),
 * or in single quotes (a ' doubled) when the text holds a double quote. */
void escape_yaml_quoted(StrBuf *out, const char *s, size_t len);

#endif
