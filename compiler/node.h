/* node.h - the node tree both front ends produce.
 *
 * YAML (front_yaml.c) and, later, Lua build the same tree of maps, lists and
 * scalars, each with its source location; the schema layer (schema.c) is the
 * only consumer, so the same mistake gets the same diagnostic in either
 * language. Nodes live in the compilation's arena. A YAML alias makes a node
 * reachable from several parents (the tree is then a DAG, never a cycle). */
#ifndef ROADMAPC_NODE_H
#define ROADMAPC_NODE_H

#include <stdbool.h>
#include <stddef.h>

#include "srcfile.h"

typedef enum NodeKind { NODE_SCALAR, NODE_MAP, NODE_SEQ } NodeKind;

typedef struct Node Node;

typedef struct NodePair {
	Node *key;              /* always a scalar: the front ends reject other keys */
	Node *value;
} NodePair;

struct Node {
	NodeKind kind;
	SrcLoc loc;             /* first character, including any anchor, tag or quote */
	/* NODE_SCALAR: the text (NUL-terminated, may contain NULs up to 'len').
	 * 'plain' is true for unquoted YAML scalars and for Lua numbers and
	 * booleans: only a plain scalar can be a number, boolean or null. */
	const char *str;
	size_t len;
	bool plain;
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
