/* escape.c - output escapers; see escape.h.
 *
 * One loop serves every syntax: it copies runs of bytes that need nothing
 * in one piece (most text is such a run), and hands the rest to the
 * syntax's table (ASCII), its control-character rule (C0, DEL and the C1
 * controls U+0080-U+009F, which terminals also obey) and, for XML, the two
 * code points XML has no character for (U+FFFE, U+FFFF). */
#include "escape.h"

#include <stdbool.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at 's' (at most 'n' bytes), or 0. */
static size_t valid_utf8(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	size_t len = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
	if (!len || len > n || (len == 4 && s[0] > 0xF4))
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (len == 3 && s[0] == 0xE0 && s[1] < 0xA0)
		return 0;               /* overlong */
	if (len == 3 && s[0] == 0xED && s[1] >= 0xA0)
		return 0;               /* surrogate */
	if (len == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
		return 0;
	return len;
}

/* One row per ASCII byte: NULL means "copy as is" (unless a control). */
typedef const char *const EscapeTable[128];

typedef struct EscapeSyntax {
	const char *const *table;
	/* What becomes of a control character not in the table: C0, DEL or
	 * C1 ('c' is the code point). */
	void (*control)(StrBuf *out, unsigned c);
	bool xml;               /* U+FFFE and U+FFFF become U+FFFD */
	/* 1 for each byte that goes out unchanged (ASCII only): made from the
	 * table on first use, so the scan is one load per byte. */
	unsigned char *plain;
} EscapeSyntax;

static const EscapeTable json_table = {
	['"'] = "\\\"", ['\\'] = "\\\\", ['\b'] = "\\b", ['\f'] = "\\f",
	['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t",
};

static const EscapeTable xml_table = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&apos;",
	['\n'] = "&#10;", ['\r'] = "&#13;", ['\t'] = "&#9;",
};

/* GitHub's runner decodes exactly these sequences (actions/runner,
 * ActionCommand.cs); anything else must be left as it is. */
static const EscapeTable workflow_data_table = {
	['%'] = "%25", ['\r'] = "%0D", ['\n'] = "%0A", ['\t'] = "\t",
};

static const EscapeTable workflow_property_table = {
	['%'] = "%25", ['\r'] = "%0D", ['\n'] = "%0A", [':'] = "%3A", [','] = "%2C",
	['\t'] = "\t",
};

static const EscapeTable markdown_table = {
	['|'] = "\\|", ['\\'] = "\\\\", ['`'] = "\\`", ['*'] = "\\*", ['_'] = "\\_",
	['['] = "\\[", [']'] = "\\]", ['#'] = "\\#", ['<'] = "&lt;", ['>'] = "&gt;",
	['&'] = "&amp;", ['~'] = "\\~", ['$'] = "\\$", ['\n'] = " ", ['\r'] = " ", ['\t'] = " ",
};

static const EscapeTable graphviz_html_table = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;",
	['\\'] = "\\\\", ['\n'] = " ", ['\r'] = " ", ['\t'] = " ",
};

static const EscapeTable graphviz_tooltip_table = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;",
	['\\'] = "&#92;&#92;&#92;&#92;", ['\n'] = "&#10;", ['\r'] = " ", ['\t'] = " ",
};

static const EscapeTable terminal_table = { ['\t'] = "\t" };
static const EscapeTable terminal_lines_table = { ['\t'] = "\t", ['\n'] = "\n" };

static void json_control(StrBuf *out, unsigned c) { strbuf_printf(out, "\\u%04x", c); }
/* XML 1.0 cannot represent most C0 controls even as references: they are
 * dropped; C1 controls are characters of XML 1.0, written as references
 * so that they stay visible. */
static void xml_control(StrBuf *out, unsigned c)
{
	if (c >= 0x80)
		strbuf_printf(out, "&#x%X;", c);
}
static void drop_control(StrBuf *out, unsigned c) { (void)out; (void)c; }
static void show_control(StrBuf *out, unsigned c) { (void)c; strbuf_putc(out, '?'); }

#define SYNTAX(table, control, xml) { table, control, xml, (unsigned char[256]){ 0 } }
static const EscapeSyntax json_syntax = SYNTAX(json_table, json_control, false);
static const EscapeSyntax xml_syntax = SYNTAX(xml_table, xml_control, true);
static const EscapeSyntax markdown_syntax = SYNTAX(markdown_table, drop_control, false);
static const EscapeSyntax terminal_syntax = SYNTAX(terminal_table, show_control, false);
static const EscapeSyntax terminal_lines_syntax = SYNTAX(terminal_lines_table, show_control, false);
static const EscapeSyntax workflow_data_syntax = SYNTAX(workflow_data_table, show_control, false);
static const EscapeSyntax workflow_property_syntax =
	SYNTAX(workflow_property_table, show_control, false);
/* Graphviz writes its labels and tooltips into SVG: XML's rules hold. */
static const EscapeSyntax graphviz_html_syntax = SYNTAX(graphviz_html_table, drop_control, true);
static const EscapeSyntax graphviz_tooltip_syntax =
	SYNTAX(graphviz_tooltip_table, drop_control, true);

/* Fills sx->plain once; its last entry (255, never plain) marks it made. */
static const EscapeSyntax *ready(const EscapeSyntax *sx)
{
	if (!sx->plain[255]) {
		for (unsigned c = 0; c < 0x80; c++)
			sx->plain[c] = c >= 0x20 && c != 0x7F && !sx->table[c];
		sx->plain[255] = 2;
	}
	return sx;
}

/* True for an ASCII byte that goes out unchanged. */
static inline bool plain_ascii(const EscapeSyntax *sx, unsigned char c)
{
	return sx->plain[c] == 1;
}

/* Length of the multi-byte sequence at 'p' that goes out unchanged, or 0
 * when it needs the control rule or a replacement. */
static size_t plain_len(const EscapeSyntax *sx, const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	size_t len = valid_utf8(p, n);
	if (len == 2 && c == 0xC2 && p[1] < 0xA0)
		return 0;               /* C1 control */
	if (len == 3 && sx->xml && c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)
		return 0;               /* U+FFFE, U+FFFF */
	return len;
}

static void escape_with(StrBuf *out, const char *s, size_t n, const EscapeSyntax *sx)
{
	ready(sx);
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	/* Most text needs nothing: one check per byte, one copy. */
	while (i < n && plain_ascii(sx, p[i]))
		i++;
	if (i == n) {
		strbuf_put(out, s, n);
		return;
	}
	i = 0;
	while (i < n) {
		size_t run = i, len;
		for (;;) {
			while (run < n && plain_ascii(sx, p[run]))
				run++;
			if (run >= n || p[run] < 0x80 || (len = plain_len(sx, p + run, n - run)) == 0)
				break;
			run += len;
		}
		if (run > i)
			strbuf_put(out, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		unsigned char c = p[i];
		if (c < 0x80) {
			if (sx->table[c])
				strbuf_puts(out, sx->table[c]);
			else
				sx->control(out, c);
			i++;
		} else if (valid_utf8(p + i, n - i) == 2) {
			sx->control(out, p[i + 1]);     /* C2 80..9F: U+0080..U+009F */
			i += 2;
		} else if (valid_utf8(p + i, n - i) == 3) {
			strbuf_puts(out, "\xEF\xBF\xBD");      /* U+FFFE, U+FFFF in XML */
			i += 3;
		} else {
			strbuf_puts(out, "\xEF\xBF\xBD");      /* invalid UTF-8: U+FFFD */
			i++;
		}
	}
}

void escape_json(StrBuf *out, const char *s)
{
	size_t n = strlen(s), i = 0;
	const unsigned char *p = (const unsigned char *)s;
	ready(&json_syntax);
	while (i < n && plain_ascii(&json_syntax, p[i]))
		i++;
	if (i == n && n < 256) {        /* a key, a check name, a short id */
		char buf[258];
		buf[0] = '"';
		memcpy(buf + 1, s, n);
		buf[n + 1] = '"';
		strbuf_put(out, buf, n + 2);
		return;
	}
	strbuf_putc(out, '"');
	escape_with(out, s, n, &json_syntax);
	strbuf_putc(out, '"');
}

void escape_xml(StrBuf *out, const char *s) { escape_with(out, s, strlen(s), &xml_syntax); }

void escape_graphviz_html(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), &graphviz_html_syntax);
}

void escape_graphviz_tooltip(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), &graphviz_tooltip_syntax);
}

void escape_markdown(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), &markdown_syntax);
}

/* RFC 4180 doubles the quote and keeps line breaks inside a quoted field. */
static const EscapeTable csv_table = {
	['"'] = "\"\"", ['\n'] = "\n", ['\r'] = "\r", ['\t'] = "\t",
};
static const EscapeSyntax csv_syntax = SYNTAX(csv_table, drop_control, false);

void escape_csv(StrBuf *out, const char *s)
{
	size_t n = strlen(s);
	/* A cell a spreadsheet would run as a formula (OWASP's "CSV injection"). */
	bool formula = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL ||
		     (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
	if (quote)
		strbuf_putc(out, '"');
	if (formula)
		strbuf_putc(out, '\'');
	escape_with(out, s, n, &csv_syntax);
	if (quote)
		strbuf_putc(out, '"');
}

void escape_terminal(StrBuf *out, const char *s, size_t len)
{
	escape_with(out, s, len, &terminal_syntax);
}

void escape_terminal_lines(StrBuf *out, const char *s, size_t len)
{
	escape_with(out, s, len, &terminal_lines_syntax);
}

void escape_workflow_data(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), &workflow_data_syntax);
}

void escape_workflow_property(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), &workflow_property_syntax);
}

void escape_yaml_quoted(StrBuf *out, const char *s, size_t len)
{
	int dq = memchr(s, '"', len) != NULL;
	strbuf_putc(out, dq ? '\'' : '"');
	for (size_t i = 0; i < len; i++) {
		if (dq && s[i] == '\'')
			strbuf_putc(out, '\'');
		else if (!dq && (s[i] == '"' || s[i] == '\\'))
			strbuf_putc(out, '\\');
		strbuf_putc(out, s[i]);
	}
	strbuf_putc(out, dq ? '\'' : '"');
}
