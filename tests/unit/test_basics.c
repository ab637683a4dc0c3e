/* test_basics.c - unit tests for the base modules: arena, strbuf, strmap,
 * srcfile, escape, dates, the hash and the path normaliser. */
#include "harness.h"

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "escape.h"
#include "hash.h"
#include "path.h"
#include "slug.h"
#include "model.h"
#include "srcfile.h"
#include "strbuf.h"
#include "strmap.h"

TEST(arena_strings_and_growth)
{
	Arena a;
	arena_init(&a);
	char *s = arena_printf(&a, "%s-%d", "q", 12);
	EXPECT_STR(s, "q-12");
	int *items = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 10000; i++)
		ARENA_PUSH(&a, items, n, cap, i);
	EXPECT(n == 10000 && items[9999] == 9999 && items[0] == 0);
	void *big = arena_alloc(&a, 1 << 20);      /* larger than a block */
	EXPECT(big != NULL && ((unsigned char *)big)[(1 << 20) - 1] == 0);
	arena_free(&a);
}

TEST(strbuf_appends)
{
	StrBuf sb = STRBUF_INIT;
	EXPECT_STR(strbuf_cstr(&sb), "");
	for (int i = 0; i < 1000; i++)
		strbuf_printf(&sb, "%d,", i % 10);
	EXPECT(sb.len == 2000);
	strbuf_reset(&sb);
	strbuf_puts(&sb, "ab");
	strbuf_putc(&sb, 'c');
	EXPECT_STR(strbuf_cstr(&sb), "abc");
	strbuf_free(&sb);
}

TEST(strmap_many_keys)
{
	Arena a;
	arena_init(&a);
	StrMap m;
	strmap_init(&m, &a);
	for (int i = 0; i < 5000; i++) {
		char *k = arena_printf(&a, "key%d", i);
		strmap_put(&m, k, strlen(k), k);
	}
	EXPECT(m.count == 5000);
	EXPECT_STR(strmap_get(&m, "key4321", 7), "key4321");
	EXPECT(strmap_get(&m, "key5000", 7) == NULL);
	EXPECT(strmap_get(&m, "key1", 3) == NULL);      /* length is part of the key */
	arena_free(&a);
}

TEST(srcfile_line_breaks_like_libyaml)
{
	Arena a;
	arena_init(&a);
	SrcFile sf;
	/* LF, CRLF, lone CR, NEL, LS: five breaks, six lines. */
	const char text[] = "a\nb\r\nc\rd\xC2\x85" "e\xE2\x80\xA8" "f";
	EXPECT(srcfile_init(&sf, &a, "t.yaml", text, sizeof text - 1) == 0);
	EXPECT(sf.nlines == 6);
	size_t len;
	const char *l = srcfile_line(&sf, 2, &len);
	EXPECT(l && len == 1 && l[0] == 'b');
	l = srcfile_line(&sf, 6, &len);
	EXPECT(l && len == 1 && l[0] == 'f');
	EXPECT(srcfile_line(&sf, 7, &len) == NULL);
	arena_free(&a);
}

TEST(srcfile_columns_count_characters)
{
	Arena a;
	arena_init(&a);
	SrcFile sf;
	const char text[] = "\xEF\xBB\xBFk\xC3\xA9y: \xE2\x82\xAC\nn: x\n";  /* BOM, "kéy: €" */
	srcfile_init(&sf, &a, "t.yaml", text, sizeof text - 1);
	int line, col;
	srcfile_locate(&sf, 3, &line, &col);       /* first character after the BOM */
	EXPECT(line == 1 && col == 1);
	srcfile_locate(&sf, 9, &line, &col);       /* the euro sign: byte 9, character 6 */
	EXPECT(line == 1 && col == 6);
	srcfile_locate(&sf, 13, &line, &col);      /* "n" on line 2 */
	EXPECT(line == 2 && col == 1);
	arena_free(&a);
}

/* Columns on long lines come from marks every SRCFILE_MARK_EVERY
 * characters; each answer must equal a plain walk from the line's start,
 * on both sides of every mark, with two-byte characters shifting bytes
 * against characters, on a line that is not the first. */
TEST(srcfile_long_line_columns)
{
	Arena a;
	arena_init(&a);
	StrBuf sb = STRBUF_INIT;
	strbuf_puts(&sb, "first\r\n");
	for (int i = 0; i < 1000; i++)
		strbuf_puts(&sb, i % 3 ? "x" : "\xC3\xA9");    /* 'é' every third character */
	strbuf_puts(&sb, "\xE2\x80\xA8last");           /* LS */
	SrcFile sf;
	srcfile_init(&sf, &a, "t.yaml", sb.data, sb.len);
	EXPECT(sf.nlines == 3 && sf.nmarks == 3);
	size_t len;
	const char *line = srcfile_line(&sf, 2, &len);
	EXPECT(line && len == 1334);
	EXPECT(srcfile_line_chars(&sf, 2) == 1000 && srcfile_line_chars(&sf, 1) == 5);
	bool same = true;
	size_t off = 0;
	for (size_t c = 0; c <= 1002; c++) {
		same &= srcfile_char_offset(&sf, 2, c) == off;
		if (off < len)
			off += (unsigned char)line[off] >= 0x80 ? 2 : 1;
	}
	EXPECT(same);
	line = srcfile_line(&sf, 3, &len);
	EXPECT(line && len == 4 && memcmp(line, "last", 4) == 0);
	EXPECT(srcfile_char_offset(&sf, 4, 1) == 0 && srcfile_line_chars(&sf, 4) == 0);
	strbuf_free(&sb);
	arena_free(&a);
}

TEST(srcfile_utf16_is_converted)
{
	Arena a;
	arena_init(&a);
	SrcFile sf;
	const char le[] = "\xFF\xFE" "a\0:\0 \0\xAC\x20\n\0";   /* "a: €\n" */
	EXPECT(srcfile_init(&sf, &a, "t.yaml", le, sizeof le - 1) == 0);
	EXPECT(sf.len == 7 && memcmp(sf.text, "a: \xE2\x82\xAC\n", 7) == 0);
	const char lone[] = "\xFF\xFE\x00\xD8";                  /* unpaired surrogate */
	EXPECT(srcfile_init(&sf, &a, "t.yaml", lone, sizeof lone - 1) < 0);
	arena_free(&a);
}

TEST(escapes)
{
	StrBuf sb = STRBUF_INIT;
	escape_json(&sb, "a\"b\\c\n\x01\xFF");
	EXPECT_STR(strbuf_cstr(&sb), "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\"");
	strbuf_reset(&sb);
	escape_xml(&sb, "R&D <x> \"q\" 'a'\x02");
	EXPECT_STR(strbuf_cstr(&sb), "R&amp;D &lt;x&gt; &quot;q&quot; &apos;a&apos;");
	strbuf_reset(&sb);
	escape_markdown(&sb, "a|b *c* [d]\n<e>");
	EXPECT_STR(strbuf_cstr(&sb), "a\\|b \\*c\\* \\[d\\] &lt;e&gt;");
	strbuf_reset(&sb);
	escape_terminal(&sb, "a\tb\x1b[31m", 8);
	EXPECT_STR(strbuf_cstr(&sb), "a\tb?[31m");
	/* C1 controls (here U+009B, CSI, and U+0085) are controls everywhere. */
	strbuf_reset(&sb);
	escape_terminal(&sb, "a\xC2\x9B" "2J\xC2\x85\xC2\xA0", 9);
	EXPECT_STR(strbuf_cstr(&sb), "a?2J?\xC2\xA0");
	strbuf_reset(&sb);
	escape_terminal_lines(&sb, "one\ntwo\x1b\n", 9);
	EXPECT_STR(strbuf_cstr(&sb), "one\ntwo?\n");
	strbuf_reset(&sb);
	escape_json(&sb, "\xC2\x85\xEF\xBF\xBF\x7F");
	EXPECT_STR(strbuf_cstr(&sb), "\"\\u0085\xEF\xBF\xBF\\u007f\"");
	/* XML has no U+FFFE or U+FFFF: they become U+FFFD; C1 is a reference. */
	strbuf_reset(&sb);
	escape_xml(&sb, "\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD\xC2\x9B");
	EXPECT_STR(strbuf_cstr(&sb), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&#x9B;");
	strbuf_reset(&sb);
	escape_workflow_data(&sb, "x\xC2\x9By");
	EXPECT_STR(strbuf_cstr(&sb), "x?y");
	strbuf_free(&sb);
}

/* Past DiagList.max_errors, errors are not recorded; one limit-exceeded
 * error says so, warnings still are, and notes on the discarded errors go
 * nowhere. */
TEST(diagnostics_stop_at_the_error_limit)
{
	Arena a;
	arena_init(&a);
	DiagList dl;
	diag_init(&dl, &a);
	dl.max_errors = 3;
	SrcLoc loc = { NULL, 1, 1, 1 };
	for (int i = 0; i < 10; i++) {
		Diag *d = diag_report(&dl, loc, SEV_ERROR, "unknown-key", "error %d", i);
		diag_help(&dl, d, "help %d", i);
	}
	diag_report(&dl, loc, SEV_WARNING, "w", "a warning");
	EXPECT(dl.n == 5 && diag_full(&dl));
	EXPECT_STR(dl.items[3]->check, "limit-exceeded");
	EXPECT_STR(dl.items[3]->message, "more than 3 errors in this file; the rest are not reported");
	EXPECT(dl.items[2]->notes && !dl.items[2]->notes->next);
	EXPECT_STR(dl.items[4]->check, "w");
	arena_free(&a);
}

TEST(dates)
{
	EXPECT(date_parse("1970-01-01") == 0);
	EXPECT(date_parse("2026-11-23") == 20780);
	EXPECT(date_parse("2024-02-29") == date_parse("2024-02-28") + 1);
	EXPECT(date_parse("2026-02-29") == -1);
	EXPECT(date_parse("2026-13-01") == -1);
	EXPECT(date_parse("2026-1-01") == -1);
	EXPECT(date_parse("2026-01-01x") == -1);
	EXPECT(date_parse("") == -1);
}

TEST(dates_round_trip)
{
	char buf[11];
	date_format(0, buf);
	EXPECT_STR(buf, "1970-01-01");
	date_format(date_parse("2024-02-29"), buf);
	EXPECT_STR(buf, "2024-02-29");
	date_format(date_parse("2026-12-31") + 1, buf);
	EXPECT_STR(buf, "2027-01-01");
	EXPECT(date_month_days(2024, 2) == 29 && date_month_days(2100, 2) == 28);
}

TEST(siphash_test_vectors)
{
	/* SipHash-2-4 with key 00..0f, from the paper's appendix. */
	unsigned char msg[15];
	for (int i = 0; i < 15; i++)
		msg[i] = (unsigned char)i;
	EXPECT(hash_bytes(&HASH_FIXED_KEY, msg, 0) == UINT64_C(0x726fdb47dd0e0e31));
	EXPECT(hash_bytes(&HASH_FIXED_KEY, msg, 15) == UINT64_C(0xa129ca6149be45e5));
	/* The table key is drawn once per process. */
	EXPECT(hash_table_key() == hash_table_key());
}

static const char *norm(const char *p)
{
	static StrBuf sb;
	strbuf_reset(&sb);
	path_normalize(&sb, p);
	return strbuf_cstr(&sb);
}

static const char *rel(const char *base, const char *p)
{
	static StrBuf sb;
	strbuf_reset(&sb);
	path_relative(&sb, base, p);
	return strbuf_cstr(&sb);
}

TEST(paths_have_one_normal_form)
{
	EXPECT_STR(norm("./a.yaml"), "a.yaml");
	EXPECT_STR(norm(".//b.yaml"), "b.yaml");        /* once recorded as "/b.yaml" */
	EXPECT_STR(norm(".//./dir/a.yaml"), "dir/a.yaml");
	EXPECT_STR(norm("a/../b"), "b");
	EXPECT_STR(norm("a/b/../../c"), "c");
	EXPECT_STR(norm("../a.yaml"), "../a.yaml");
	EXPECT_STR(norm("../../a/./b"), "../../a/b");
	EXPECT_STR(norm("a/.."), ".");
	EXPECT_STR(norm("/x//y/./z/"), "/x/y/z");
	EXPECT_STR(norm("/../x"), "/x");
	EXPECT_STR(norm(".hidden.yaml"), ".hidden.yaml");
	EXPECT_STR(norm("-"), "-");
	EXPECT_STR(rel("/repo", "/repo/roadmaps/a.yaml"), "roadmaps/a.yaml");
	EXPECT_STR(rel("/repo/ci", "/repo/a.yaml"), "../a.yaml");
	EXPECT_STR(rel("/repo", "/repo"), ".");
	EXPECT_STR(rel(".", "a/b.yaml"), "a/b.yaml");
}

TEST(a_line_without_a_column_is_the_whole_line)
{
	Arena a;
	arena_init(&a);
	SrcFile sf;
	const char text[] = "x\n  stage \"need\" {   \n";
	srcfile_init(&sf, &a, "t.lua", text, sizeof text - 1);
	DiagList dl;
	diag_init(&dl, &a);
	SrcLoc loc = { &sf, 2, 0, 0 };
	Diag *d = diag_report(&dl, loc, SEV_ERROR, "lua-error", "x");
	EXPECT(d->loc.line == 2 && d->loc.col == 3 && d->loc.len == 14);
	arena_free(&a);
}

TEST(errors_past_the_cap_are_dropped)
{
	Arena a;
	arena_init(&a);
	SrcFile sf;
	const char text[] = "x\n";
	srcfile_init(&sf, &a, "t.lua", text, sizeof text - 1);
	DiagList dl;
	diag_init(&dl, &a);
	dl.max_errors = 2;
	SrcLoc loc = { &sf, 1, 1, 1 };
	for (int i = 0; i < 5; i++) {
		Diag *d = diag_report(&dl, loc, SEV_ERROR, "wrong-type", "e%d", i);
		diag_help(&dl, d, "help %d", i);   /* harmless on a dropped one */
		diag_report(&dl, loc, SEV_WARNING, "unknown-key", "w%d", i);
	}
	/* two errors, the note that the rest are not shown, and every warning */
	EXPECT(dl.n == 8);
	EXPECT(diag_full(&dl));
	size_t errors = 0, capped = 0;
	for (size_t i = 0; i < dl.n; i++) {
		errors += dl.items[i]->sev == SEV_ERROR;
		capped += strcmp(dl.items[i]->check, "limit-exceeded") == 0;
	}
	EXPECT(errors == 3 && capped == 1);
	dl.max_errors = 0;      /* no cap: the checks' findings are all kept */
	EXPECT(!diag_full(&dl));
	diag_report(&dl, loc, SEV_ERROR, "wrong-type", "after");
	EXPECT(dl.n == 9);
	arena_free(&a);
}

TEST(srcfile_line_breaks_like_lua)
{
	Arena a;
	arena_init(&a);
	SrcFile sf;
	/* LF, CRLF, LFCR, CR: four breaks to Lua; NEL and LS are characters. */
	const char text[] = "a\nb\r\nc\n\rd\re \xC2\x85 f \xE2\x80\xA8 g";
	srcfile_init(&sf, &a, "t.lua", text, sizeof text - 1);
	EXPECT(sf.nlines == 8);   /* as YAML: LFCR is two breaks, NEL and LS are breaks */
	srcfile_set_syntax(&sf, &a, SYNTAX_LUA);
	EXPECT(sf.nlines == 5);
	size_t n;
	const char *line = srcfile_line(&sf, 5, &n);
	EXPECT(line && n == sizeof "e \xC2\x85 f \xE2\x80\xA8 g" - 1);
	line = srcfile_line(&sf, 4, &n);
	EXPECT(line && n == 1 && line[0] == 'd');
	arena_free(&a);
}

TEST(utf8_sequences_are_checked_strictly)
{
	EXPECT(utf8_valid_len("a", 1) == 1);
	EXPECT(utf8_valid_len("\xC3\xA9", 2) == 2);
	EXPECT(utf8_valid_len("\xE2\x82\xAC", 3) == 3);
	EXPECT(utf8_valid_len("\xF0\x9F\x98\x80", 4) == 4);
	EXPECT(utf8_valid_len("\xC3", 1) == 0);                 /* cut short */
	EXPECT(utf8_valid_len("\x80", 1) == 0);                 /* a stray continuation */
	EXPECT(utf8_valid_len("\xC0\xAF", 2) == 0);             /* overlong */
	EXPECT(utf8_valid_len("\xE0\x80\xAF", 3) == 0);         /* overlong */
	EXPECT(utf8_valid_len("\xED\xA0\x80", 3) == 0);         /* a surrogate */
	EXPECT(utf8_valid_len("\xF4\x90\x80\x80", 4) == 0);     /* past U+10FFFF */
	EXPECT(utf8_valid_len("\xFF", 1) == 0);
}

TEST(vocabulary)
{
	EXPECT(vocab_find(vocab_values, "left-alone") == VALUE_LEFT_ALONE);
	EXPECT(vocab_find(vocab_channels, "print") == CHANNEL_PRINT);
	EXPECT(vocab_find(vocab_channels, "fax") == -1);
}

/* Slugs: what derived ids and suggested ids are made of (slug.h). */
static const char *slug_of(StrBuf *sb, const char *text)
{
	strbuf_reset(sb);
	slug_append(sb, text, strlen(text));
	return strbuf_cstr(sb);
}

TEST(slugs)
{
	StrBuf sb = STRBUF_INIT;
	EXPECT_STR(slug_of(&sb, "What does a slow close cost us?"), "what-does-a-slow-close-cost-us");
	EXPECT_STR(slug_of(&sb, "Need Analysis"), "need-analysis");
	EXPECT_STR(slug_of(&sb, "  --Évaluer la Größe--  "), "evaluer-la-grosse");
	EXPECT_STR(slug_of(&sb, "__q3_2026__"), "q3_2026");
	EXPECT_STR(slug_of(&sb, "a -_b"), "a-_b");
	EXPECT_STR(slug_of(&sb, "???"), "");
	EXPECT_STR(slug_of(&sb, ""), "");
	strbuf_free(&sb);
}

int main(void)
{
	RUN(arena_strings_and_growth);
	RUN(strbuf_appends);
	RUN(strmap_many_keys);
	RUN(srcfile_line_breaks_like_libyaml);
	RUN(srcfile_columns_count_characters);
	RUN(srcfile_long_line_columns);
	RUN(srcfile_utf16_is_converted);
	RUN(srcfile_line_breaks_like_lua);
	RUN(utf8_sequences_are_checked_strictly);
	RUN(escapes);
	RUN(diagnostics_stop_at_the_error_limit);
	RUN(dates);
	RUN(dates_round_trip);
	RUN(siphash_test_vectors);
	RUN(paths_have_one_normal_form);
	RUN(a_line_without_a_column_is_the_whole_line);
	RUN(errors_past_the_cap_are_dropped);
	RUN(vocabulary);
	RUN(slugs);
	return HARNESS_RESULT();
}
