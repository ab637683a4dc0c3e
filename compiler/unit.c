/* unit.c - the per-input run record; see unit.h. */
#include "unit.h"
#include "path.h"

#include <string.h>

void unit_init(Unit *u, const char *path)
{
	memset(u, 0, sizeof *u);
	u->path = path;
	arena_init(&u->arena);
	diag_init(&u->diags, &u->arena);
	registry_init(&u->registry, &u->arena);
	if (strcmp(path, "-") == 0) {
		u->name = "<stdin>";
	} else {
		StrBuf sb = STRBUF_INIT;
		path_normalize(&sb, path);
		u->name = arena_strdup(&u->arena, strbuf_cstr(&sb));
		strbuf_free(&sb);
	}
}

void unit_free(Unit *u)
{
	arena_free(&u->arena);
}
