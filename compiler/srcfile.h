/* srcfile.h - loaded source text with a line index, and source locations.
 *
 * The front ends parse a SrcFile; every node and model object then carries a
 * SrcLoc pointing back into it, so diagnostics can print the offending line
 * long after parsing. Lines are split exactly where the file's parser splits
 * them (libyaml: LF, CRLF, CR, NEL, LS, PS; Lua: LF, CR, CRLF, LFCR), so our
 * line numbers always agree with the parser's.
 * Columns count characters, not bytes, as libyaml's marks do. */
#ifndef ROADMAPC_SRCFILE_H
#define ROADMAPC_SRCFILE_H

#include <stddef.h>

#include "arena.h"

/* The language a source file is written in: it decides which front end
 * reads it, and in which words help lines speak (schema_read.h). */
typedef enum Syntax { SYNTAX_YAML, SYNTAX_LUA } Syntax;

typedef struct SrcFile {
	const char *path;       /* the name shown in diagnostics ("<stdin>" for "-") */
	Syntax syntax;
	const char *text;       /* UTF-8 bytes, NUL-terminated; a UTF-8 BOM is kept */
	size_t len;
	size_t *line_start;     /* byte offset of each line; [0] is after any BOM */
	size_t nlines;
	/* On lines longer than SRCFILE_MARK_EVERY bytes, the byte offset of
	 * every SRCFILE_MARK_EVERY-th character (counted from the line's
	 * start), ascending: they make a column's byte offset a binary search
	 * and a short scan, so a report can show any number of carets on one
	 * megabyte line in linear time. */
	size_t *marks;
	size_t nmarks;
} SrcFile;

#define SRCFILE_MARK_EVERY 256

/* A position in a source file. 'line' and 'col' are 1-based; 'len' is the
 * number of characters the item spans on that line (0 or 1: just a caret).
 * 'col' is 0 when the front end knows the line but not the column (a Lua
 * value whose call site gave only a line): reports then show column 1 and
 * underline the whole line. A SrcLoc with src == NULL has no position (a
 * file that could not be read). */
typedef struct SrcLoc {
	const SrcFile *src;
	int line, col, len;
} SrcLoc;

/* Builds a SrcFile over 'len' bytes of 'text' (copied into the arena).
 * UTF-16 input (with a BOM) is converted to UTF-8 first; returns 0 on success,
 * or -1 when UTF-16 input is malformed. */
int srcfile_init(SrcFile *sf, Arena *a, const char *path, const char *text, size_t len);

/* Sets the file's syntax and splits its lines the way that syntax's parser
 * does (Lua knows no NEL, LS or PS line breaks), so line numbers agree
 * with the parser's. srcfile_init() starts as YAML. */
void srcfile_set_syntax(SrcFile *sf, Arena *a, Syntax syntax);
/* The same without copying the text, which must be NUL-terminated and
 * outlive 'sf' (the driver's file buffer, which the unit's arena adopts). */
int srcfile_init_in_place(SrcFile *sf, Arena *a, const char *path, const char *text, size_t len);

/* Returns line 'line' (1-based) without its line break, and its length in
 * bytes through 'len'; NULL when there is no such line. Constant time. */
const char *srcfile_line(const SrcFile *sf, int line, size_t *len);

/* The byte offset, within line 'line', of its character 'chars' (0-based),
 * or the line's length when it has fewer; characters are stepped as
 * utf8_seqlen() says, never past the line. Logarithmic time. */
size_t srcfile_char_offset(const SrcFile *sf, int line, size_t chars);

/* The number of characters of line 'line' (0 when there is no such line). */
size_t srcfile_line_chars(const SrcFile *sf, int line);

/* Converts a byte offset into the text to a 1-based line and character column. */
void srcfile_locate(const SrcFile *sf, size_t offset, int *line, int *col);

/* Length in bytes of the UTF-8 sequence starting with byte 'c' (1 for invalid). */
int utf8_seqlen(unsigned char c);

/* Length of the valid UTF-8 sequence that starts 's' (at most 'n' bytes):
 * 1 to 4, or 0 when the bytes there are none (a stray continuation byte,
 * an overlong form, a surrogate, past U+10FFFF, cut short). */
size_t utf8_valid_len(const char *s, size_t n);

/* Number of characters in the first 'n' bytes of 's'. */
int utf8_count(const char *s, size_t n);

#endif
