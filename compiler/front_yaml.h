/* front_yaml.h - the YAML front end: source text to node tree.
 *
 * First phase of the pipeline for .yaml files. Built on libyaml's event API
 * (the document API has no limits and is quadratic on deep nesting). */
#ifndef ROADMAPC_FRONT_YAML_H
#define ROADMAPC_FRONT_YAML_H

#include "front.h"

/* Parses the single YAML document in 'sf' into a node tree allocated in 'a'.
 * Returns 0 and sets out->root (NULL for an empty stream) on success;
 * returns -1 after reporting `yaml-syntax`, `duplicate-key` or
 * `limit-exceeded` errors to 'dl'. Duplicate keys are reported but do not
 * fail the parse on their own: the later value is dropped so the schema
 * layer can still check the rest. Untagged plain scalars are typed by
 * their text (node.h). */
int front_yaml_parse(const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl,
		     FrontResult *out);

#endif
