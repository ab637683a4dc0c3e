/* front_yaml.c - the YAML front end: libyaml events to the node tree.
 *
 * First phase for .yaml files: text -> libyaml's event API -> node tree with
 * file:line:col on every node (node.h) -> schema.c. We use events rather than
 * libyaml's document loader because the loader has no limits, loses alias
 * positions and is quadratic on deep nesting; here every event passes through
 * one loop that enforces the limits of limits.h as it goes:
 *   - nesting depth, checked on each collection start, so a 1 MB "[[[[..."
 *     file is rejected after 'max_depth' events instead of after minutes;
 *   - alias expansion: an alias re-uses its anchor's node (the tree becomes a
 *     DAG) and charges the anchored subtree's expanded size to a budget, so
 *     "billion laughs" stops at the budget; an alias to a node still being
 *     built is a cycle and is rejected;
 *   - scalar length and total node count.
 * Duplicate keys (which libyaml accepts) are found here, and merge keys
 * (`<<: *defaults`) are applied when a mapping ends.
 *
 * Memory: the tree is most of a compilation's memory, so only nodes,
 * scalars and exact-size child arrays go into the unit's arena. Children
 * gather on two stacks shared by all open collections and are copied out
 * when their collection ends; anchors, merge lists and the key index of a
 * mapping with many keys live in a scratch arena freed with the parser. A
 * mapping of a few keys finds duplicates by scanning them. */
#include "front_yaml.h"
#include "escape.h"
#include "number.h"
#include "strbuf.h"
#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define WEIGHT_CAP ((size_t)1 << 40)   /* saturate expanded sizes: no overflow */

/* What an anchor names: the finished node and its expanded size. 'open'
 * while the anchored collection is still being built. */
typedef struct Anchor {
	Node *node;
	size_t weight;
	bool open;
} Anchor;

/* Keys a mapping may have before its duplicates are found by hashing
 * rather than by scanning. */
#define SCAN_KEYS 16

/* A collection being built. Pairs of a mapping arrive as key, then value. */
typedef struct Frame {
	Node *node;             /* NULL for the document pseudo-frame */
	Anchor *anchor;         /* the anchor naming this collection, or NULL */
	size_t weight;          /* expanded size so far, this node included */
	size_t base;            /* its first child on the parser's pair or item stack */
	Node *key;              /* mapping: key waiting for its value */
	bool drop_value;        /* mapping: the pending key was a duplicate */
	StrMap *keys;           /* mapping of many keys: text -> first key (scratch) */
	Node **merges;          /* mapping: values of `<<` keys, in order (scratch) */
	size_t nmerges, merges_cap;
} Frame;

typedef struct Parser {
	const SrcFile *src;
	const Limits *lim;
	Arena *arena;           /* the unit's: the tree */
	Arena scratch;          /* the parser's own: freed when it returns */
	DiagList *dl;
	StrMap anchors;
	Frame *stack;
	size_t depth, stack_cap;
	NodePair *pairs;        /* children of the open mappings, innermost last */
	size_t npairs, pairs_cap;
	Node **items;           /* children of the open sequences */
	size_t nitems, items_cap;
	size_t alias_budget_used;
	size_t nodes;
	Node *root;
	int documents;
	bool failed;            /* a fatal error was reported: stop */
	/* A position in the source, moved forward scalar by scalar, so that
	 * finding the bytes after each scalar costs nothing per scalar:
	 * line (0-based, -1 before the first), column in characters, byte. */
	int cur_line, cur_col;
	size_t cur_byte;
} Parser;

static SrcLoc mark_loc(const Parser *p, yaml_mark_t start, yaml_mark_t end)
{
	SrcLoc loc = { p->src, (int)start.line + 1, (int)start.column + 1, 1 };
	if (end.line == start.line && end.column > start.column)
		loc.len = (int)(end.column - start.column);
	return loc;
}

static Diag *fatal(Parser *p, SrcLoc loc, const char *check, const char *fmt, ...) PRINTF_LIKE(4, 5);

static Diag *fatal(Parser *p, SrcLoc loc, const char *check, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Diag *d = diag_vreport(p->dl, loc, SEV_ERROR, check, fmt, ap);
	va_end(ap);
	p->failed = true;
	return d;
}

static size_t add_weight(size_t a, size_t b)
{
	return a + b > WEIGHT_CAP ? WEIGHT_CAP : a + b;
}

static Node *new_node(Parser *p, NodeKind kind, SrcLoc loc)
{
	if (++p->nodes > p->lim->max_nodes) {
		Diag *d = fatal(p, loc, "limit-exceeded", "the file has more than %zu YAML nodes",
				p->lim->max_nodes);
		diag_help(p->dl, d, "split the roadmap, or raise the limit with --limit nodes=N");
		return NULL;
	}
	Node *n = arena_alloc(p->arena, sizeof *n);
	n->kind = kind;
	n->loc = loc;
	return n;
}

/* ---- typing scalars ---- */

static bool text_is(const Node *n, const char *word)
{
	size_t len = strlen(word);
	return n->len == len && memcmp(n->str, word, len) == 0;
}

/* The type of an untagged plain scalar: null, boolean and number as YAML
 * 1.2's core schema spells them (the numbers a roadmap needs: decimal, no
 * exponent), text otherwise. `yes`, `no`, `on` and `off` are text. */
static void type_scalar(Node *n)
{
	if (n->len == 0 || text_is(n, "~") || text_is(n, "null") || text_is(n, "Null") ||
	    text_is(n, "NULL")) {
		n->type = SCALAR_NULL;
	} else if (text_is(n, "true") || text_is(n, "True") || text_is(n, "TRUE")) {
		n->type = SCALAR_BOOL;
		n->boolean = true;
	} else if (text_is(n, "false") || text_is(n, "False") || text_is(n, "FALSE")) {
		n->type = SCALAR_BOOL;
	} else if (number_parse(n->str, n->len, &n->number)) {
		n->type = SCALAR_NUMBER;
	}
}

/* ---- building mappings ---- */

static bool is_merge_key(const Node *key)
{
	return key->plain && key->len == 2 && memcmp(key->str, "<<", 2) == 0;
}

/* The first key of mapping 'f' spelled 's', or NULL. */
static Node *find_key(const Parser *p, const Frame *f, const char *s, size_t len)
{
	if (f->keys)
		return strmap_get(f->keys, s, len);
	for (size_t i = f->base; i < p->npairs; i++) {
		Node *k = p->pairs[i].key;
		if (k->len == len && memcmp(k->str, s, len) == 0)
			return k;
	}
	return NULL;
}

/* Adds a pair to mapping 'f', indexing the keys once there are many. */
static void push_pair(Parser *p, Frame *f, NodePair pair)
{
	if (p->npairs == p->pairs_cap) {
		p->pairs_cap = p->pairs_cap ? 2 * p->pairs_cap : 64;
		p->pairs = xrealloc(p->pairs, p->pairs_cap * sizeof *p->pairs);
	}
	p->pairs[p->npairs++] = pair;
	if (!f->keys && p->npairs - f->base > SCAN_KEYS) {
		f->keys = arena_alloc(&p->scratch, sizeof *f->keys);
		strmap_init(f->keys, &p->scratch);
		for (size_t i = p->npairs - 1; i-- > f->base;)     /* the first of equals wins */
			strmap_put(f->keys, p->pairs[i].key->str, p->pairs[i].key->len, p->pairs[i].key);
	}
	if (f->keys && !strmap_get(f->keys, pair.key->str, pair.key->len))
		strmap_put(f->keys, pair.key->str, pair.key->len, pair.key);
}

static void push_item(Parser *p, Node *n)
{
	if (p->nitems == p->items_cap) {
		p->items_cap = p->items_cap ? 2 * p->items_cap : 64;
		p->items = xrealloc(p->items, p->items_cap * sizeof *p->items);
	}
	p->items[p->nitems++] = n;
}

static void add_to_map(Parser *p, Frame *f, Node *n)
{
	if (!f->key) {
		f->key = n;
		f->drop_value = false;
		if (n->kind != NODE_SCALAR) {
			/* Not fatal: libyaml may still find a syntax error further on. */
			diag_report(p->dl, n->loc, SEV_ERROR, "wrong-type",
				    "a mapping key must be a plain word, found a %s", node_kind_name(n->kind));
			f->drop_value = true;
			return;
		}
		if (is_merge_key(n))
			return;
		Node *first = find_key(p, f, n->str, n->len);
		if (first) {
			Diag *d = diag_report(p->dl, n->loc, SEV_ERROR, "duplicate-key",
					      "duplicate key '%s' in this mapping", n->str);
			diag_note(p->dl, d, first->loc, "'%s' first defined here", n->str);
			diag_help(p->dl, d, "remove one of them; the later value is ignored");
			f->drop_value = true;
		}
		return;
	}
	Node *key = f->key;
	f->key = NULL;
	if (f->drop_value)
		return;
	if (is_merge_key(key)) {
		ARENA_PUSH(&p->scratch, f->merges, f->nmerges, f->merges_cap, n);
		return;
	}
	push_pair(p, f, (NodePair){ key, n });
}

/* Applies `<<` merge keys when a mapping is complete: pairs of the merged
 * mappings are added after the explicit ones, unless the mapping (or an
 * earlier merge) already has that key. Explicit keys win, as in YAML 1.1. */
static void apply_merges(Parser *p, Frame *f)
{
	for (size_t i = 0; i < f->nmerges; i++) {
		Node *m = f->merges[i];
		Node **sources = &m;
		size_t nsources = 1;
		if (m->kind == NODE_SEQ) {
			sources = m->items;
			nsources = m->nitems;
		}
		for (size_t s = 0; s < nsources; s++) {
			Node *src = sources[s];
			if (src->kind != NODE_MAP) {
				diag_report(p->dl, src->loc, SEV_ERROR, "wrong-type",
					    "a merge key '<<' needs a mapping or a list of mappings, found a %s",
					    node_kind_name(src->kind));
				continue;
			}
			for (size_t k = 0; k < src->npairs; k++) {
				NodePair pair = src->pairs[k];
				if (!find_key(p, f, pair.key->str, pair.key->len))
					push_pair(p, f, pair);
			}
		}
	}
}

/* ---- the event loop ---- */

/* Attaches a finished node (of expanded size 'weight') to the open collection. */
static void attach(Parser *p, Node *n, size_t weight)
{
	Frame *f = &p->stack[p->depth - 1];
	f->weight = add_weight(f->weight, weight);
	if (!f->node) {
		if (p->documents <= 1)  /* later documents are parsed, not kept */
			p->root = n;
	} else if (f->node->kind == NODE_MAP) {
		add_to_map(p, f, n);
	} else {
		push_item(p, n);
	}
}

static Anchor *define_anchor(Parser *p, const yaml_char_t *name, Node *n, bool open)
{
	if (!name)
		return NULL;
	Anchor *a = arena_alloc(&p->scratch, sizeof *a);
	a->node = n;
	a->open = open;
	a->weight = 1;
	const char *key = arena_strdup(&p->scratch, (const char *)name);
	strmap_put(&p->anchors, key, strlen(key), a);     /* a redefinition replaces */
	return a;
}

static void push_frame(Parser *p, Node *n, const yaml_char_t *anchor)
{
	if (p->depth >= p->stack_cap) {
		p->stack_cap = p->stack_cap ? p->stack_cap * 2 : 16;
		p->stack = xrealloc(p->stack, p->stack_cap * sizeof *p->stack);
	}
	Frame *f = &p->stack[p->depth++];
	memset(f, 0, sizeof *f);
	f->node = n;
	f->weight = 1;
	f->base = n && n->kind == NODE_MAP ? p->npairs : p->nitems;
	f->anchor = define_anchor(p, anchor, n, true);
}

static void on_collection_start(Parser *p, const yaml_event_t *ev, NodeKind kind)
{
	const yaml_char_t *anchor = kind == NODE_MAP ? ev->data.mapping_start.anchor
						     : ev->data.sequence_start.anchor;
	SrcLoc loc = mark_loc(p, ev->start_mark, ev->start_mark);
	/* The document frame does not count towards the depth. */
	if (p->depth > p->lim->max_depth) {
		Diag *d = fatal(p, loc, "limit-exceeded", "nesting deeper than %zu levels",
				p->lim->max_depth);
		diag_help(p->dl, d, "a roadmap needs a handful of levels; raise the limit with --limit depth=N");
		return;
	}
	Node *n = new_node(p, kind, loc);
	if (n)
		push_frame(p, n, anchor);
}

static void on_collection_end(Parser *p, const yaml_event_t *ev)
{
	(void)ev;
	Frame f = p->stack[--p->depth];
	Node *n = f.node;
	if (n->kind == NODE_MAP) {
		ASSERT(f.key == NULL);  /* libyaml always pairs keys with values */
		apply_merges(p, &f);
		n->npairs = p->npairs - f.base;
		/* An empty collection copies nothing: p->pairs may still be NULL. */
		n->pairs = arena_alloc(p->arena, n->npairs * sizeof *n->pairs);
		if (n->npairs)
			memcpy(n->pairs, p->pairs + f.base, n->npairs * sizeof *n->pairs);
		p->npairs = f.base;
	} else {
		n->nitems = p->nitems - f.base;
		n->items = arena_alloc(p->arena, n->nitems * sizeof *n->items);
		if (n->nitems)
			memcpy(n->items, p->items + f.base, n->nitems * sizeof *n->items);
		p->nitems = f.base;
	}
	if (f.anchor) {
		f.anchor->open = false;
		f.anchor->weight = f.weight;
	}
	attach(p, f.node, f.weight);
}

/* The byte offset of 0-based 'line' and character 'col', found from the
 * cursor: scalars come in text order, so the cursor only moves forward
 * (a position behind it is looked up from its line's start). */
static size_t byte_at(Parser *p, int line, int col)
{
	if (line != p->cur_line || col < p->cur_col) {
		p->cur_line = line;
		p->cur_col = 0;
		p->cur_byte = (size_t)line < p->src->nlines ? p->src->line_start[line] : p->src->len;
	}
	while (p->cur_col < col && p->cur_byte < p->src->len) {
		p->cur_byte += (size_t)utf8_seqlen((unsigned char)p->src->text[p->cur_byte]);
		p->cur_col++;
	}
	if (p->cur_byte > p->src->len)
		p->cur_byte = p->src->len;
	return p->cur_byte;
}

/* Records on plain one-line scalar 'n' a comment right after it that looks
 * like more text ("#2?", "#hashtag"): one or more spaces, '#', then no
 * space (node.h). A comment written "# like this" is taken as meant. */
static void find_cutting_comment(Parser *p, Node *n, yaml_mark_t start, yaml_mark_t end)
{
	if (start.line != end.line)
		return;
	const char *t = p->src->text, *e = t + p->src->len;
	const char *s = t + byte_at(p, (int)end.line, (int)end.column);
	const char *h = s;
	while (h < e && (*h == ' ' || *h == '\t'))
		h++;
	if (h == s || h + 1 >= e || *h != '#' || h[1] == ' ' || h[1] == '\t' || h[1] == '\n' ||
	    h[1] == '\r')
		return;
	const char *eol = h;
	while (eol < e && *eol != '\n' && *eol != '\r')
		eol++;
	n->comment = (SrcLoc){ p->src, (int)end.line + 1, (int)end.column + 1 + (int)(h - s),
			       utf8_count(h, (size_t)(eol - h)) };
	n->comment_text = h;
	n->comment_len = (size_t)(eol - h);
}

static void on_scalar(Parser *p, const yaml_event_t *ev)
{
	SrcLoc loc = mark_loc(p, ev->start_mark, ev->end_mark);
	size_t len = ev->data.scalar.length;
	if (len > p->lim->max_scalar_len) {
		Diag *d = fatal(p, loc, "limit-exceeded", "a scalar of %zu bytes is longer than the limit of %zu",
				len, p->lim->max_scalar_len);
		diag_help(p->dl, d, "raise the limit with --limit scalar=N");
		return;
	}
	Node *n = new_node(p, NODE_SCALAR, loc);
	if (!n)
		return;
	n->str = arena_strndup(p->arena, (const char *)ev->data.scalar.value, len);
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	const char *tag = (const char *)ev->data.scalar.tag;
	bool resolve = n->plain;
	if (tag)        /* an explicit tag decides whether the text may be a number */
		resolve = strcmp(tag, YAML_STR_TAG) != 0 && strcmp(tag, "!") != 0;
	n->plain = resolve;
	if (resolve)
		type_scalar(n);
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		find_cutting_comment(p, n, ev->start_mark, ev->end_mark);
	define_anchor(p, ev->data.scalar.anchor, n, false);
	attach(p, n, 1);
}

static void on_alias(Parser *p, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	SrcLoc loc = mark_loc(p, ev->start_mark, ev->end_mark);
	Anchor *a = strmap_get(&p->anchors, name, strlen(name));
	if (!a) {
		fatal(p, loc, "yaml-syntax", "undefined alias '*%s'", name);
		return;
	}
	if (a->open) {
		Diag *d = fatal(p, loc, "yaml-syntax", "alias '*%s' refers to a node that contains it (a cycle)", name);
		diag_note(p->dl, d, a->node->loc, "anchor '&%s' defined here", name);
		return;
	}
	p->alias_budget_used = add_weight(p->alias_budget_used, a->weight);
	if (p->alias_budget_used > p->lim->max_alias_nodes) {
		Diag *d = fatal(p, loc, "limit-exceeded",
				"aliases expand to more than %zu node%s", p->lim->max_alias_nodes,
				p->lim->max_alias_nodes == 1 ? "" : "s");
		diag_help(p->dl, d, "this looks like an alias bomb; raise the limit with --limit aliases=N if it is not");
		return;
	}
	attach(p, a->node, a->weight);
}

/* ---- help for text that YAML reads as syntax ---- */

/* Why YAML read the text starting at 'v' as syntax, given libyaml's
 * 'problem' at the text's start ('at_start') or inside it; NULL when the
 * error is not about such a text. */
static const char *text_as_syntax(const char *problem, const char *v, size_t n, bool at_start)
{
	if (strstr(problem, "mapping values are not allowed"))
		for (size_t i = 0; i + 1 < n; i++)
			if (v[i] == ':' && v[i + 1] == ' ')
				return "the ': ' inside the text reads as a new key";
	if (v[0] == '"' || v[0] == '\'')
		return "a text that starts with a quote must end with it";
	if (v[0] == '[' || v[0] == '{')
		return "a text that starts with '[' or '{' reads as a list or a mapping";
	if (at_start && (v[0] == '@' || v[0] == '`' || v[0] == '%'))
		return "YAML reserves '@', '%' and the backquote at the start of a text";
	if (v[0] == '*')
		return "a text that starts with '*' reads as an alias";
	if (v[0] == '-' && n > 1 && v[1] == ' ')
		return "a text that starts with '- ' reads as a list";
	if ((v[0] == '|' || v[0] == '>') && n > 1 && v[1] == ' ')
		return "a text that starts with '|' or '>' reads as a block of lines";
	return NULL;
}

/* When a libyaml error sits in the value of a `KEY: VALUE` line (after any
 * "- "), the value was most likely meant as text that YAML reads as syntax:
 * `answer: Recommended: open to all`. The help says why and shows the line
 * with the whole text quoted. */
static void help_quote(Parser *p, Diag *d, const char *problem, int line_no, int col)
{
	size_t n;
	const char *line = srcfile_line(p->src, line_no, &n);
	if (!line)
		return;
	size_t i = 0;
	while (i < n && line[i] == ' ')
		i++;
	while (i + 1 < n && line[i] == '-' && line[i + 1] == ' ')
		for (i += 2; i < n && line[i] == ' '; i++)
			;
	size_t key = i;
	while (i + 1 < n && !(line[i] == ':' && line[i + 1] == ' ') && line[i] != '"' &&
	       line[i] != '\'' && line[i] != '#')
		i++;
	if (i + 1 >= n || line[i] != ':' || i == key)
		return;
	size_t v = i + 1;
	while (v < n && line[v] == ' ')
		v++;
	size_t end = n;
	while (end > v && (line[end - 1] == ' ' || line[end - 1] == '\r'))
		end--;
	int vcol = utf8_count(line, v) + 1;
	if (v >= end || col < vcol)
		return;
	const char *why = text_as_syntax(problem, line + v, end - v, col == vcol);
	if (!why)
		return;
	/* 'it's open' was meant as it's open: the outer quotes go. */
	const char *text = line + v;
	size_t len = end - v;
	if (len >= 2 && (text[0] == '\'' || text[0] == '"') && text[len - 1] == text[0]) {
		text++;
		len -= 2;
	}
	StrBuf fix = STRBUF_INIT;
	escape_yaml_quoted(&fix, text, len);
	diag_help(p->dl, d, "%s; quote the whole text: %.*s: %s", why, (int)(i - key), line + key,
		  strbuf_cstr(&fix));
	strbuf_free(&fix);
}

/* Turns libyaml's error state into a `yaml-syntax` diagnostic. Reader errors
 * (bad encoding, control characters) carry only a byte offset, which we
 * convert; the others carry 0-based line/column marks. */
static void report_libyaml_error(Parser *p, const yaml_parser_t *yp)
{
	SrcLoc loc = { p->src, 1, 1, 1 };
	const char *problem = yp->problem ? yp->problem : "unknown error";
	if (yp->error == YAML_MEMORY_ERROR)
		alloc_out_of_memory(0);
	if (yp->error == YAML_READER_ERROR) {
		srcfile_locate(p->src, yp->problem_offset, &loc.line, &loc.col);
		Diag *d;
		if (yp->problem_value != -1)
			d = fatal(p, loc, "yaml-syntax", "%s (byte 0x%02X)", problem, (unsigned)yp->problem_value);
		else
			d = fatal(p, loc, "yaml-syntax", "%s", problem);
		diag_help(p->dl, d, "roadmap files must be UTF-8 text without control characters");
		return;
	}
	loc.line = (int)yp->problem_mark.line + 1;
	loc.col = (int)yp->problem_mark.column + 1;
	Diag *d;
	if (yp->context)        /* "did not find expected key (while parsing a block mapping)" */
		d = fatal(p, loc, "yaml-syntax", "%s (%s)", problem, yp->context);
	else
		d = fatal(p, loc, "yaml-syntax", "%s", problem);
	if (yp->context && (yp->context_mark.line != yp->problem_mark.line ||
			    yp->context_mark.column != yp->problem_mark.column)) {
		SrcLoc cl = { p->src, (int)yp->context_mark.line + 1, (int)yp->context_mark.column + 1, 1 };
		diag_note(p->dl, d, cl, "the construct started here");
	}
	size_t len;
	const char *line = srcfile_line(p->src, loc.line, &len);
	if (line && yp->error == YAML_SCANNER_ERROR && memchr(line, '\t', len) &&
	    strstr(problem, "cannot start any token"))
		diag_help(p->dl, d, "YAML does not allow tabs for indentation; indent with spaces");
	if (yp->context && strstr(yp->context, "block collection") && strstr(problem, "'-' indicator"))
		diag_help(p->dl, d, "this line is indented like the items of the list but is not one: "
				    "indent it under the item above, or start it with '- '");
	help_quote(p, d, problem, loc.line, loc.col);
	/* `name:Recognise` is one plain word to YAML, so the parser trips on
	 * the next line; the likely fix is on the line where the key started. */
	if (yp->context && strstr(yp->context, "simple key")) {
		line = srcfile_line(p->src, (int)yp->context_mark.line + 1, &len);
		const char *colon = line ? memchr(line, ':', len) : NULL;
		if (colon && colon + 1 < line + len && colon[1] != ' ' && colon[1] != '\t')
			diag_help(p->dl, d, "a key needs a space after its ':' (write 'key: value')");
	}
}

int front_yaml_parse(const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl,
		     FrontResult *out)
{
	Parser p;
	yaml_parser_t yp;
	yaml_event_t ev;

	memset(&p, 0, sizeof p);
	p.src = sf;
	p.cur_line = -1;
	p.lim = lim;
	p.arena = a;
	p.dl = dl;
	arena_init(&p.scratch);
	strmap_init(&p.anchors, &p.scratch);
	memset(out, 0, sizeof *out);

	if (sf->len > lim->max_file_size) {
		SrcLoc loc = { sf, 1, 1, 1 };
		Diag *d = diag_report(dl, loc, SEV_ERROR, "limit-exceeded",
				      "the file is larger than the limit of %zu bytes", lim->max_file_size);
		diag_help(dl, d, "raise the limit with --limit file-size=N");
		arena_free(&p.scratch);
		return -1;
	}

	if (!yaml_parser_initialize(&yp))
		alloc_out_of_memory(sizeof yp);        /* its only failure: malloc */
	yaml_parser_set_input_string(&yp, (const unsigned char *)sf->text, sf->len);
	push_frame(&p, NULL, NULL);     /* the document pseudo-frame */

	bool done = false;
	while (!done && !p.failed) {
		/* After its first error libyaml must not be called again: it
		 * would return success with an empty event forever. */
		if (!yaml_parser_parse(&yp, &ev)) {
			report_libyaml_error(&p, &yp);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			/* A second document is an error, but libyaml goes on parsing
			 * so that a syntax error further on is reported too. */
			if (++p.documents == 2) {
				Diag *d = diag_report(dl, mark_loc(&p, ev.start_mark, ev.end_mark), SEV_ERROR, "invalid-value",
						      "a roadmap file holds one YAML document; this starts a second one");
				diag_help(dl, d, "put each roadmap in a file of its own");
			}
			break;
		case YAML_MAPPING_START_EVENT:
			on_collection_start(&p, &ev, NODE_MAP);
			break;
		case YAML_SEQUENCE_START_EVENT:
			on_collection_start(&p, &ev, NODE_SEQ);
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			on_collection_end(&p, &ev);
			break;
		case YAML_SCALAR_EVENT:
			on_scalar(&p, &ev);
			break;
		case YAML_ALIAS_EVENT:
			on_alias(&p, &ev);
			break;
		default:        /* STREAM_START, DOCUMENT_END */
			break;
		}
		yaml_event_delete(&ev);
	}

	yaml_parser_delete(&yp);
	free(p.stack);
	free(p.pairs);
	free(p.items);
	arena_free(&p.scratch);
	if (p.failed)
		return -1;
	out->root = p.root;
	return 0;
}
