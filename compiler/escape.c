/* escape.c - output escapers; see escape.h. */
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

/* One row per ASCII byte: NULL means "copy as is". */
typedef const char *const EscapeTable[128];

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

static void escape_with(StrBuf *out, const char *s, size_t n, const EscapeTable table,
			void (*control)(StrBuf *, unsigned char))
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t len = valid_utf8(p + i, n - i);
		if (!len) {
			strbuf_puts(out, "\xEF\xBF\xBD");      /* U+FFFD */
			i++;
		} else if (len > 1) {
			strbuf_put(out, s + i, len);
			i += len;
		} else {
			unsigned char c = p[i++];
			if (table[c])
				strbuf_puts(out, table[c]);
			else if (c < 0x20 || c == 0x7F)
				control(out, c);
			else
				strbuf_putc(out, (char)c);
		}
	}
}

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

static void json_control(StrBuf *out, unsigned char c) { strbuf_printf(out, "\\u%04x", c); }
static void drop_control(StrBuf *out, unsigned char c) { (void)out; (void)c; }
static void show_control(StrBuf *out, unsigned char c) { (void)c; strbuf_putc(out, '?'); }

void escape_json(StrBuf *out, const char *s)
{
	strbuf_putc(out, '"');
	escape_with(out, s, strlen(s), json_table, json_control);
	strbuf_putc(out, '"');
}

/* XML 1.0 cannot represent most C0 controls even as references: drop them. */
void escape_xml(StrBuf *out, const char *s) { escape_with(out, s, strlen(s), xml_table, drop_control); }

void escape_graphviz_html(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), graphviz_html_table, drop_control);
}

void escape_graphviz_tooltip(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), graphviz_tooltip_table, drop_control);
}

void escape_markdown(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), markdown_table, drop_control);
}

/* RFC 4180 doubles the quote and keeps line breaks inside a quoted field. */
static const EscapeTable csv_table = {
	['"'] = "\"\"", ['\n'] = "\n", ['\r'] = "\r", ['\t'] = "\t",
};

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
	escape_with(out, s, n, csv_table, drop_control);
	if (quote)
		strbuf_putc(out, '"');
}

void escape_terminal(StrBuf *out, const char *s, size_t len)
{
	static const EscapeTable none = { ['\t'] = "\t" };
	escape_with(out, s, len, none, show_control);
}

void escape_workflow_data(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), workflow_data_table, show_control);
}

void escape_workflow_property(StrBuf *out, const char *s)
{
	escape_with(out, s, strlen(s), workflow_property_table, show_control);
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
