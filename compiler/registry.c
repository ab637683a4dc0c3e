/* registry.c - the run's checks, by name; see registry.h. */
#include "registry.h"
#include "suggest.h"

#include <string.h>

void registry_init(CheckRegistry *reg, Arena *a)
{
	memset(reg, 0, sizeof *reg);
	reg->arena = a;
	strmap_init(&reg->names, a);
}

const CheckInfo *registry_add(CheckRegistry *reg, const CheckInfo *ci)
{
	const CheckInfo *old = strmap_get(&reg->names, ci->name, strlen(ci->name));
	if (old)
		return old;
	strmap_put(&reg->names, ci->name, strlen(ci->name), (void *)ci);
	ARENA_PUSH(reg->arena, reg->items, reg->n, reg->cap, ci);
	return NULL;
}

void registry_add_all(CheckRegistry *dst, const CheckRegistry *src)
{
	for (size_t i = 0; i < src->n; i++)
		registry_add(dst, src->items[i]);
}

size_t registry_position(const CheckRegistry *reg, const CheckInfo *ci)
{
	for (size_t i = 0; i < reg->n; i++)
		if (reg->items[i] == ci)
			return i;
	die("check '%s' is not registered", ci->name);
}

const CheckInfo *registry_find(const CheckRegistry *reg, const char *name)
{
	return strmap_get(&reg->names, name, strlen(name));
}

const char *registry_suggest(const CheckRegistry *reg, const char *name, bool structural)
{
	Suggest s;
	suggest_init(&s, name, strlen(name));
	for (size_t i = 0; i < reg->n; i++)
		if (structural || !reg->items[i]->structural)
			suggest_add(&s, reg->items[i]->name);
	return suggest_result(&s);
}

Severity registry_severity(const CheckInfo *check, const Roadmap *rm, const CheckConfig *cfg)
{
	if (check->structural)
		return SEV_ERROR;
	if (cfg) {
		/* The command line wins, and among its -W options the last one. */
		for (size_t i = cfg->noverrides; i-- > 0;)
			if (strcmp(cfg->overrides[i].check, check->name) == 0)
				return cfg->overrides[i].severity;
	}
	for (size_t i = 0; i < rm->nchecks; i++)
		if (rm->checks[i].has_severity && strcmp(rm->checks[i].check, check->name) == 0)
			return rm->checks[i].severity;
	if (rm->category == CATEGORY_COMPLEX && strcmp(check->name, "concern-unaddressed") == 0)
		return SEV_ERROR;
	return check->default_severity;
}
