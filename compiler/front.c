/* front.c - the table of front ends; see front.h. */
#include "front.h"
#include "front_lua.h"
#include "front_yaml.h"

#include <string.h>

static const char *const yaml_suffixes[] = { ".yaml", ".yml", NULL };
static const char *const lua_suffixes[] = { ".lua", NULL };

/* The first row is the default, for standard input and unknown suffixes. */
const FrontEnd front_ends[] = {
	{ "YAML", yaml_suffixes, SYNTAX_YAML, front_yaml_parse, "yaml-syntax" },
	{ "Lua", lua_suffixes, SYNTAX_LUA, front_lua_parse, "lua-error" },
};
const size_t front_ends_len = sizeof front_ends / sizeof front_ends[0];

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

const FrontEnd *front_for_path(const char *path)
{
	for (size_t i = 0; i < front_ends_len; i++)
		for (const char *const *sfx = front_ends[i].suffixes; *sfx; sfx++)
			if (has_suffix(path, *sfx))
				return &front_ends[i];
	return &front_ends[0];
}
