/* test_starter.c - the Lua form of the starter roadmap (starter.c).
 *
 * The Lua front end lives elsewhere, so this test checks the Lua starter
 * against the DSL of docs/language.md directly: it runs the text in a Lua
 * state whose roadmap, stage, question, seller and content functions only
 * record their calls, with the commented examples uncommented, as a
 * marketer would. Every call must have the DSL's shape (`f "name" { ... }`),
 * `roadmap { }` must name the template in `extends`, every stage of the
 * template must be called, in order, and the first stage must answer its
 * first question and omit its last, as the YAML starter does. */
#include "templates.h"

#include "starter.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

/* The DSL, recording: `stages` lists the stage ids in call order. */
static const char dsl[] =
	"calls = { stages = {} }\n"
	"local function named(kind) return function(name)\n"
	"  assert(type(name) == 'string', kind .. ' needs a name')\n"
	"  return function(t)\n"
	"    assert(type(t) == 'table', kind .. ' \"' .. name .. '\" needs a table')\n"
	"    calls[kind] = name; t._name = name; return t\n"
	"  end end end\n"
	"function roadmap(t) assert(type(t) == 'table'); calls.roadmap = t end\n"
	"local record_stage = named('stage')\n"
	"function stage(id) local f = record_stage(id)\n"
	"  return function(t) calls.stages[#calls.stages + 1] = id; return f(t) end end\n"
	"local record_question = named('question')\n"
	"calls.questions = {}\n"
	"function question(ask) local f = record_question(ask)\n"
	"  return function(t) calls.questions[#calls.questions + 1] = f(t); return t end end\n"
	"seller = named('seller')\n"
	"content = named('content')\n";

/* 'text' with its examples uncommented: the lines of the first stage's
 * body, and the seller and content examples after their "For example". */
static void uncomment(const char *text, StrBuf *out)
{
	bool first_stage = false, seen_stage = false, example = false;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		const char *l = p;
		p += n + (p[n] == '\n');
		bool body = first_stage && n > 5 && strncmp(l, "  -- ", 5) == 0;
		if (n >= 6 && strncmp(l, "stage ", 6) == 0) {
			first_stage = !seen_stage;
			seen_stage = true;
		} else if (n && l[0] == '}') {
			first_stage = false;
		}
		if (n >= 10 && (strncmp(l, "-- seller ", 10) == 0 || strncmp(l, "-- content ", 11) == 0))
			example = true;
		else if (n < 3 || strncmp(l, "-- ", 3) != 0)
			example = false;
		if (body) {
			strbuf_put(out, l, 2);
			strbuf_put(out, l + 5, n - 5);
		} else if (example) {
			strbuf_put(out, l + 3, n - 3);
		} else {
			strbuf_put(out, l, n);
		}
		strbuf_putc(out, '\n');
	}
}

static void run_lua_starter(const Template *t, const Roadmap *rm, void *data)
{
	(void)data;
	Starter s = { "acme.lua", t->name, t->summary, rm };
	StrBuf lua = STRBUF_INIT, open = STRBUF_INIT;
	starter_lua(&s, &lua);
	uncomment(strbuf_cstr(&lua), &open);

	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	int rc = luaL_dostring(L, dsl);
	EXPECT(rc == LUA_OK);
	rc = luaL_loadbuffer(L, open.data, open.len, "=acme.lua") || lua_pcall(L, 0, 0, 0);
	if (rc != LUA_OK)
		printf("    %s: %s\n", t->name, lua_tostring(L, -1));
	EXPECT(rc == LUA_OK);
	rc = luaL_dostring(L, "local q = calls.questions; return calls.roadmap.extends, "
			      "#calls.stages, calls.seller, calls.content, #q, q[1] and q[1]._name, "
			      "q[1] and q[1].answer, q[2] and q[2]._name, q[2] and q[2].omit");
	EXPECT(rc == LUA_OK);
	if (rc == LUA_OK) {
		const char *extends = lua_tostring(L, 1);
		EXPECT(extends && strcmp(extends, t->name) == 0);
		EXPECT(lua_tointeger(L, 2) == (lua_Integer)rm->nstages);
		EXPECT(lua_tostring(L, 3) && strcmp(lua_tostring(L, 3), "buyer-guide-campaign") == 0);
		EXPECT(lua_tostring(L, 4) && strcmp(lua_tostring(L, 4), "buyer-guide") == 0);
		/* The first question answered, the last one omitted. */
		const Stage *first = rm->stages[0];
		EXPECT(lua_tointeger(L, 5) == (first->nquestions > 1 ? 2 : 1));
		EXPECT(lua_tostring(L, 6) && strcmp(lua_tostring(L, 6), first->questions[0]->ask) == 0);
		EXPECT(lua_tostring(L, 7) != NULL);
		if (first->nquestions > 1) {
			const char *ask = first->questions[first->nquestions - 1]->ask;
			EXPECT(lua_tostring(L, 8) && strcmp(lua_tostring(L, 8), ask) == 0);
			EXPECT(lua_tostring(L, 9) != NULL);
		}
	}
	for (size_t k = 0; rc == LUA_OK && k < rm->nstages; k++) {
		lua_settop(L, 0);
		char q[64];
		snprintf(q, sizeof q, "return calls.stages[%zu]", k + 1);
		EXPECT(luaL_dostring(L, q) == LUA_OK);
		EXPECT(lua_tostring(L, -1) && strcmp(lua_tostring(L, -1), rm->stages[k]->id) == 0);
	}
	lua_close(L);
	strbuf_free(&lua);
	strbuf_free(&open);
}

TEST(lua_starters_call_the_dsl)
{
	EXPECT(each_template(run_lua_starter, NULL) >= 6);
}

int main(void)
{
	RUN(lua_starters_call_the_dsl);
	return HARNESS_RESULT();
}
