/* templates.h - every built-in stage template, as a roadmap that extends it.
 *
 * For the tests that look at what the templates give a roadmap (the
 * documentation, the starters, the templates' own invariants): each
 * template of stdlib/ is compiled as `extends: NAME` with the whole
 * pipeline, and the resolved roadmap handed to a callback. */
#ifndef ROADMAPC_TEST_TEMPLATES_H
#define ROADMAPC_TEST_TEMPLATES_H

#include "harness.h"

#include "driver.h"
#include "extends.h"

#include <stdio.h>
#include <string.h>

typedef void (*TemplateFn)(const Template *t, const Roadmap *rm, void *data);

/* Calls 'fn' for each built-in template, in name order, with the resolved
 * roadmap that extends it (valid during the call). Returns the number of
 * templates; one that does not load is a failed EXPECT. */
static size_t each_template(TemplateFn fn, void *data)
{
	Arena a;
	arena_init(&a);
	RunOptions opt;
	memset(&opt, 0, sizeof opt);
	opt.limits = limits_default();
	ExtendsPath path = { NULL, 0, &opt.limits, NULL };
	Template *list;
	size_t n = extends_list(&path, &a, &list);
	Catalog cat;
	DiagList dl;
	diag_init(&dl, &a);
	catalog_load(&cat, &a, NULL, 0, &dl);
	CheckRegistry reg;
	driver_registry(&reg, &a);
	for (size_t i = 0; i < n; i++) {
		char text[256];
		snprintf(text, sizeof text, "roadmap: 1\nproduct: P\nsegment: S\nextends: %s\n",
			 list[i].name);
		Unit u;
		driver_compile(&u, "t.yaml", text, strlen(text), &cat, &reg, &opt);
		if (!u.roadmap || !u.checked)
			printf("    template %s does not load\n", list[i].name);
		EXPECT(u.roadmap && u.checked);
		if (u.roadmap && u.checked)
			fn(&list[i], u.roadmap, data);
		unit_free(&u);
	}
	arena_free(&a);
	return n;
}

#endif
