/* node.h - the node tree both front ends produce.
 *
 * Every front end (front.h: YAML, Lua) builds the same tree of maps, lists
 * and scalars, each with its source location; the schema layer (schema.c) is the
 * only consumer, so the same mistake gets the same diagnostic in either
 * language. Nodes live in the compilation's arena. A YAML alias makes a node
 * reachable from several parents (the tree is then a DAG, never a cycle). */
#ifndef ROADMAPC_NODE_H
#define ROADMAPC_NODE_H

#include <stdbool.h>
#include <stddef.h>

#include "srcfile.h"

typedef enum NodeKind { NODE_SCALAR, NODE_MAP, NODE_SEQ } NodeKind;

/* What a scalar is, decided by the front end: YAML resolves an untagged
 * plain scalar by its text (YAML 1.2's core schema: `true`, `~`, `12.5`;
 * `yes` and `on` are text); Lua values carry their type. The schema layer
 * reads the tag and never re-parses text to guess. */
typedef enum ScalarType {
	SCALAR_TEXT,
	SCALAR_NUMBER,          /* 'number' holds the value */
	SCALAR_BOOL,            /* 'boolean' holds the value */
	SCALAR_NULL             /* empty, `~`, `null`: as good as absent */
} ScalarType;

typedef struct Node Node;

typedef struct NodePair {
	Node *key;              /* always a scalar: the front ends reject other keys */
	Node *value;
} NodePair;

/* The fields are ordered for size (a tree has millions of nodes): the
 * small ones share the first word. */
struct Node {
	NodeKind kind;
	/* NODE_SCALAR: the text (NUL-terminated, may contain NULs up to 'len'),
	 * its type, and whether it was written bare (an unquoted YAML scalar, a
	 * Lua number or boolean) rather than as a quoted string, which messages
	 * say ("found the quoted text '1'"). */
	ScalarType type;
	bool plain;
	bool boolean;
	SrcLoc loc;             /* first character, including any anchor, tag or quote */
	const char *str;
	size_t len;
	double number;
	/* A plain one-line YAML scalar followed on its line by a comment that
	 * starts right after one or more spaces with no space after its '#'
	 * ("ask: What is in brief #2?"): YAML cut the text there, which is
	 * rarely what the author meant. Where the '#' is, and the comment from
	 * it to the end of its line in the source text (comment_len bytes);
	 * comment.src is NULL otherwise. */
	SrcLoc comment;
	const char *comment_text;
	size_t comment_len;
	/* NODE_MAP: pairs in source order. */
	NodePair *pairs;
	size_t npairs;
	/* NODE_SEQ: items in source order. */
	Node **items;
	size_t nitems;
};

static inline const char *node_kind_name(NodeKind k)
{
	return k == NODE_SCALAR ? "scalar" : k == NODE_MAP ? "mapping" : "list";
}

#endif
