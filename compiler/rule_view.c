/* rule_view.c - the roadmap as Lua rules see it; see rule_view.h.
 *
 * Model layer. Every value a rule reads is a Proxy userdata: an item (the
 * roadmap, a stage, question, concern, seller action or content item, by
 * its position in file order), a list of items or texts (by what it lists
 * and whose it is), or a set of vocabulary words. One metatable serves
 * them all: __index reads the model (or its index) when a field is asked
 * for, so nothing is copied up front; __newindex refuses; __pairs and
 * __len make lists and items walkable; an unknown field is an error that
 * suggests the field meant. Item and list proxies are cached per run, so
 * the same item is the same value. Lookups by id (`roadmap.stages.need`)
 * are linear and charged to the instruction budget. */
#include "rule_view.h"
#include "date.h"
#include "model_index.h"
#include "suggest.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

typedef enum What {
	V_ROADMAP, V_STAGE, V_QUESTION, V_CONCERN, V_SELLER, V_CONTENT,
	V_ITEMS,                /* a list of items; 'list' says which */
	V_TEXTS,                /* a stage's actions */
	V_WORDS                 /* a set of values (list 0) or channels (list 1) */
} What;

typedef enum ListKind {
	LS_STAGES, LS_SELLER, LS_CONTENT, LS_QUESTIONS, LS_CONCERNS,
	LS_STAGE_QUESTIONS, LS_STAGE_CONCERNS, LS_STAGE_SELLERS,
	LS_SUPPORTS, LS_USES, LS_QUESTION_CONTENT, LS_CONCERN_CONTENT,
	LS_CONCERN_QUESTIONS, LS_CONTENT_USERS
} ListKind;

typedef struct Proxy {
	unsigned char what;
	unsigned char list;
	unsigned index;         /* an item's position; a list's owner */
	unsigned bits;          /* V_WORDS */
} Proxy;

/* A pointer and the position of its item, sorted by pointer. */
typedef struct Slot {
	const void *ptr;
	unsigned index;
} Slot;

typedef struct View {
	const Roadmap *rm;
	const ModelIndex *ix;
	long today;
	const Question **questions;     /* every question, in file order */
	const Concern **concerns;
	size_t nquestions, nconcerns;
	Slot *question_slots, *seller_slots;
} View;

static const char VIEW_META[] = "roadmapc.view";
static char reg_view, reg_cache;

static const char *const item_kinds[] = { "roadmap", "stage", "question", "concern", "seller", "content" };

static View *view_of(lua_State *L)
{
	lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_view);
	View *v = lua_touserdata(L, -1);
	lua_pop(L, 1);
	return v;
}

static Proxy *to_proxy(lua_State *L, int idx)
{
	return luaL_testudata(L, idx, VIEW_META);
}

static int compare_slots(const void *a, const void *b)
{
	const Slot *x = a, *y = b;
	return x->ptr < y->ptr ? -1 : x->ptr > y->ptr;
}

static unsigned slot_of(const Slot *slots, size_t n, const void *ptr)
{
	Slot key = { ptr, 0 };
	const Slot *s = bsearch(&key, slots, n, sizeof *slots, compare_slots);
	ASSERT(s != NULL);
	return s->index;
}

/* ---- making proxies ---- */

static void push_proxy(lua_State *L, What what, unsigned list, unsigned index, unsigned bits)
{
	bool cached = what != V_WORDS;
	lua_Integer key = ((lua_Integer)what << 40) | ((lua_Integer)list << 32) | index;
	if (cached) {
		lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_cache);
		if (lua_rawgeti(L, -1, key) != LUA_TNIL) {
			lua_remove(L, -2);
			return;
		}
		lua_pop(L, 1);
	}
	Proxy *p = lua_newuserdatauv(L, sizeof *p, 0);
	p->what = (unsigned char)what;
	p->list = (unsigned char)list;
	p->index = index;
	p->bits = bits;
	luaL_setmetatable(L, VIEW_META);
	if (cached) {
		lua_pushvalue(L, -1);
		lua_rawseti(L, -3, key);
		lua_remove(L, -2);
	}
}

static void push_stage(lua_State *L, const Stage *st) { push_proxy(L, V_STAGE, 0, (unsigned)st->index, 0); }
static void push_concern(lua_State *L, const Concern *c) { push_proxy(L, V_CONCERN, 0, (unsigned)c->index, 0); }
static void push_content(lua_State *L, const Content *c) { push_proxy(L, V_CONTENT, 0, (unsigned)c->index, 0); }

static void push_question(lua_State *L, View *v, const Question *q)
{
	push_proxy(L, V_QUESTION, 0, slot_of(v->question_slots, v->nquestions, q), 0);
}

static void push_seller(lua_State *L, View *v, const SellerAction *sa)
{
	push_proxy(L, V_SELLER, 0, slot_of(v->seller_slots, v->rm->nseller, sa), 0);
}

static void push_text(lua_State *L, const char *s)
{
	if (s)
		lua_pushstring(L, s);
	else
		lua_pushnil(L);
}

/* A number as the user wrote it: 2, not 2.0. */
static void push_number(lua_State *L, double v)
{
	if (v == (double)(lua_Integer)v)
		lua_pushinteger(L, (lua_Integer)v);
	else
		lua_pushnumber(L, v);
}

static void push_when(lua_State *L, Window w)
{
	if (!w.set) {
		lua_pushnil(L);
		return;
	}
	lua_createtable(L, 2, 2);
	push_number(L, w.start);
	lua_setfield(L, -2, "from");
	push_number(L, w.end);
	lua_setfield(L, -2, "to");
	push_number(L, w.start);
	lua_rawseti(L, -2, 1);
	push_number(L, w.end);
	lua_rawseti(L, -2, 2);
}

static void push_date(lua_State *L, long days)
{
	char buf[11];
	date_format(days, buf);
	lua_pushstring(L, buf);
}

/* ---- items ---- */

static const char *const roadmap_fields[] = {
	"kind", "product", "segment", "category", "critical_characteristic", "timeline", "extends",
	"stages", "seller", "content", "questions", "concerns", "today", NULL
};
static const char *const stage_fields[] = {
	"kind", "id", "name", "position", "phase", "when", "expects", "prefers", "concerns", "actions",
	"questions", "sellers", "delivered", "channels", "left_alone", NULL
};
static const char *const question_fields[] = {
	"kind", "id", "ask", "answer", "content", "concern", "priority", "critical", "stage", NULL
};
static const char *const concern_fields[] = { "kind", "id", "text", "content", "questions", "stage", NULL };
static const char *const seller_fields[] = {
	"kind", "id", "name", "owner", "when", "supports", "delivers", "delivered", "uses", "channel", NULL
};
static const char *const content_fields[] = {
	"kind", "id", "title", "type", "status", "published", "owner", "url", "reviewed", "channels",
	"delivers", "users", NULL
};
static const char *const *const fields_of[] = {
	roadmap_fields, stage_fields, question_fields, concern_fields, seller_fields, content_fields
};

/* Pushes field number 'f' of item 'p'. */
static void push_field(lua_State *L, View *v, const Proxy *p, int f)
{
	const Roadmap *rm = v->rm;
	unsigned i = p->index;
	if (f == 0) {
		lua_pushstring(L, item_kinds[p->what]);
		return;
	}
	switch (p->what) {
	case V_ROADMAP:
		switch (f) {
		case 1: push_text(L, rm->product); break;
		case 2: push_text(L, rm->segment); break;
		case 3: lua_pushstring(L, vocab_categories[rm->category]); break;
		case 4: push_text(L, rm->critical_characteristic); break;
		case 5: lua_pushstring(L, vocab_timelines[rm->timeline]); break;
		case 6: push_text(L, rm->extends); break;
		case 7: push_proxy(L, V_ITEMS, LS_STAGES, 0, 0); break;
		case 8: push_proxy(L, V_ITEMS, LS_SELLER, 0, 0); break;
		case 9: push_proxy(L, V_ITEMS, LS_CONTENT, 0, 0); break;
		case 10: push_proxy(L, V_ITEMS, LS_QUESTIONS, 0, 0); break;
		case 11: push_proxy(L, V_ITEMS, LS_CONCERNS, 0, 0); break;
		default:
			if (v->today >= 0)
				push_date(L, v->today);
			else
				lua_pushnil(L);
		}
		return;
	case V_STAGE: {
		const Stage *st = rm->stages[i];
		switch (f) {
		case 1: lua_pushstring(L, st->id); break;
		case 2: push_text(L, st->name); break;
		case 3: lua_pushinteger(L, (lua_Integer)i + 1); break;
		case 4: lua_pushstring(L, vocab_phases[st->phase]); break;
		case 5: push_when(L, st->when); break;
		case 6: push_proxy(L, V_WORDS, 0, 0, st->expects); break;
		case 7: push_proxy(L, V_WORDS, 1, 0, st->prefers); break;
		case 8: push_proxy(L, V_ITEMS, LS_STAGE_CONCERNS, i, 0); break;
		case 9: push_proxy(L, V_TEXTS, 0, i, 0); break;
		case 10: push_proxy(L, V_ITEMS, LS_STAGE_QUESTIONS, i, 0); break;
		case 11: push_proxy(L, V_ITEMS, LS_STAGE_SELLERS, i, 0); break;
		case 12: push_proxy(L, V_WORDS, 0, 0, model_stage_delivered(v->ix, st)); break;
		case 13: push_proxy(L, V_WORDS, 1, 0, model_stage_channels(v->ix, st)); break;
		default: lua_pushboolean(L, model_stage_left_alone(st)); break;
		}
		return;
	}
	case V_QUESTION: {
		const Question *q = v->questions[i];
		switch (f) {
		case 1: lua_pushstring(L, q->id); break;
		case 2: push_text(L, q->ask); break;
		case 3: push_text(L, q->answer); break;
		case 4: push_proxy(L, V_ITEMS, LS_QUESTION_CONTENT, i, 0); break;
		case 5:
			if (q->concern.target.concern)
				push_concern(L, q->concern.target.concern);
			else
				lua_pushnil(L);
			break;
		case 6: lua_pushstring(L, vocab_priorities[q->priority]); break;
		case 7: lua_pushboolean(L, q->critical); break;
		default: push_stage(L, q->stage); break;
		}
		return;
	}
	case V_CONCERN: {
		const Concern *c = v->concerns[i];
		switch (f) {
		case 1: lua_pushstring(L, c->id); break;
		case 2: push_text(L, c->text); break;
		case 3: push_proxy(L, V_ITEMS, LS_CONCERN_CONTENT, i, 0); break;
		case 4: push_proxy(L, V_ITEMS, LS_CONCERN_QUESTIONS, i, 0); break;
		default: push_stage(L, c->stage); break;
		}
		return;
	}
	case V_SELLER: {
		const SellerAction *sa = rm->seller[i];
		switch (f) {
		case 1: lua_pushstring(L, sa->id); break;
		case 2: push_text(L, sa->name); break;
		case 3: push_text(L, sa->owner); break;
		case 4: push_when(L, sa->when); break;
		case 5: push_proxy(L, V_ITEMS, LS_SUPPORTS, i, 0); break;
		case 6: push_proxy(L, V_WORDS, 0, 0, sa->delivers); break;
		case 7: push_proxy(L, V_WORDS, 0, 0, model_seller_delivers(sa)); break;
		case 8: push_proxy(L, V_ITEMS, LS_USES, i, 0); break;
		default: push_text(L, sa->channel >= 0 ? vocab_channels[sa->channel] : NULL); break;
		}
		return;
	}
	default: {
		const Content *c = rm->content[i];
		switch (f) {
		case 1: lua_pushstring(L, c->id); break;
		case 2: push_text(L, c->title); break;
		case 3: push_text(L, c->type); break;
		case 4: lua_pushstring(L, vocab_statuses[c->status]); break;
		case 5: lua_pushboolean(L, c->status == STATUS_PUBLISHED); break;
		case 6: push_text(L, c->owner); break;
		case 7: push_text(L, c->url); break;
		case 8:
			if (c->has_reviewed)
				push_date(L, c->reviewed);
			else
				lua_pushnil(L);
			break;
		case 9: push_proxy(L, V_WORDS, 1, 0, c->channels); break;
		case 10: push_proxy(L, V_WORDS, 0, 0, c->delivers); break;
		default: push_proxy(L, V_ITEMS, LS_CONTENT_USERS, i, 0); break;
		}
		return;
	}
	}
}

/* "stage 'need'", for messages and tostring. */
static void push_name(lua_State *L, View *v, const Proxy *p)
{
	const Roadmap *rm = v->rm;
	switch (p->what) {
	case V_ROADMAP: lua_pushstring(L, "the roadmap"); break;
	case V_STAGE: lua_pushfstring(L, "stage '%s'", rm->stages[p->index]->id); break;
	case V_QUESTION: lua_pushfstring(L, "question '%s'", v->questions[p->index]->id); break;
	case V_CONCERN: lua_pushfstring(L, "concern '%s'", v->concerns[p->index]->id); break;
	case V_SELLER: lua_pushfstring(L, "seller action '%s'", rm->seller[p->index]->id); break;
	case V_CONTENT: lua_pushfstring(L, "content '%s'", rm->content[p->index]->id); break;
	case V_WORDS: lua_pushstring(L, p->list ? "a set of channels" : "a set of values"); break;
	default: lua_pushstring(L, "a list"); break;
	}
}

/* ---- lists ---- */

static size_t list_length(View *v, const Proxy *p)
{
	const Roadmap *rm = v->rm;
	size_t n = 0;
	if (p->what == V_TEXTS)
		return rm->stages[p->index]->nactions;
	if (p->what == V_WORDS) {
		for (unsigned b = p->bits; b; b &= b - 1)
			n++;
		return n;
	}
	switch ((ListKind)p->list) {
	case LS_STAGES: return rm->nstages;
	case LS_SELLER: return rm->nseller;
	case LS_CONTENT: return rm->ncontent;
	case LS_QUESTIONS: return v->nquestions;
	case LS_CONCERNS: return v->nconcerns;
	case LS_STAGE_QUESTIONS: return rm->stages[p->index]->nquestions;
	case LS_STAGE_CONCERNS: return rm->stages[p->index]->nconcerns;
	case LS_STAGE_SELLERS: model_stage_sellers(v->ix, rm->stages[p->index], &n); return n;
	case LS_SUPPORTS: return rm->seller[p->index]->supports.n;
	case LS_USES: return rm->seller[p->index]->uses.n;
	case LS_QUESTION_CONTENT: return v->questions[p->index]->content.n;
	case LS_CONCERN_CONTENT: return v->concerns[p->index]->content.n;
	case LS_CONCERN_QUESTIONS: model_concern_questions(v->ix, v->concerns[p->index], &n); return n;
	case LS_CONTENT_USERS: model_content_users(v->ix, rm->content[p->index], &n); return n;
	}
	return 0;
}

static void push_subject(lua_State *L, View *v, Subject s)
{
	switch (s.kind) {
	case SUBJECT_QUESTION: push_question(L, v, s.item); break;
	case SUBJECT_CONCERN: push_concern(L, s.item); break;
	case SUBJECT_SELLER: push_seller(L, v, s.item); break;
	default: lua_pushnil(L); break;
	}
}

/* Pushes element 'k' (0-based, < length) of list 'p'. */
static void push_element(lua_State *L, View *v, const Proxy *p, size_t k)
{
	const Roadmap *rm = v->rm;
	size_t n;
	if (p->what == V_TEXTS) {
		lua_pushstring(L, rm->stages[p->index]->actions[k]);
		return;
	}
	if (p->what == V_WORDS) {
		const char *const *vocab = p->list ? vocab_channels : vocab_values;
		for (int w = 0; vocab[w]; w++)
			if ((p->bits >> w) & 1u && k-- == 0) {
				lua_pushstring(L, vocab[w]);
				return;
			}
		lua_pushnil(L);
		return;
	}
	switch ((ListKind)p->list) {
	case LS_STAGES: push_stage(L, rm->stages[k]); break;
	case LS_SELLER: push_seller(L, v, rm->seller[k]); break;
	case LS_CONTENT: push_content(L, rm->content[k]); break;
	case LS_QUESTIONS: push_question(L, v, v->questions[k]); break;
	case LS_CONCERNS: push_concern(L, v->concerns[k]); break;
	case LS_STAGE_QUESTIONS: push_question(L, v, rm->stages[p->index]->questions[k]); break;
	case LS_STAGE_CONCERNS: push_concern(L, rm->stages[p->index]->concerns[k]); break;
	case LS_STAGE_SELLERS: push_seller(L, v, model_stage_sellers(v->ix, rm->stages[p->index], &n)[k]); break;
	case LS_SUPPORTS: push_stage(L, rm->seller[p->index]->supports.items[k].target.stage); break;
	case LS_USES: push_content(L, rm->seller[p->index]->uses.items[k].target.content); break;
	case LS_QUESTION_CONTENT: push_content(L, v->questions[p->index]->content.items[k].target.content); break;
	case LS_CONCERN_CONTENT: push_content(L, v->concerns[p->index]->content.items[k].target.content); break;
	case LS_CONCERN_QUESTIONS:
		push_question(L, v, model_concern_questions(v->ix, v->concerns[p->index], &n)[k]);
		break;
	case LS_CONTENT_USERS:
		push_subject(L, v, model_content_users(v->ix, rm->content[p->index], &n)[k]);
		break;
	}
}

/* The id of the item at the top of the stack, for lookups by id. */
static const char *item_id(lua_State *L, View *v)
{
	const Proxy *p = to_proxy(L, -1);
	switch (p ? p->what : V_ROADMAP) {
	case V_STAGE: return v->rm->stages[p->index]->id;
	case V_QUESTION: return v->questions[p->index]->id;
	case V_CONCERN: return v->concerns[p->index]->id;
	case V_SELLER: return v->rm->seller[p->index]->id;
	case V_CONTENT: return v->rm->content[p->index]->id;
	default: return NULL;
	}
}

/* ---- metamethods ---- */

static int unknown_field(lua_State *L, View *v, const Proxy *p, const char *key,
			 const char *const *fields)
{
	push_name(L, v, p);
	const char *best = suggest_word(key, fields);
	char help[96];
	if (best)
		snprintf(help, sizeof help, "did you mean '%s'?", best);
	return sandbox_error(L, best ? help : "docs/lua.md lists the fields of every item",
			     "%s has no field '%s'", lua_tostring(L, -1), key);
}

static int view_index(lua_State *L)
{
	View *v = view_of(L);
	Proxy *p = to_proxy(L, 1);
	if (p->what <= V_CONTENT) {
		const char *key = luaL_checkstring(L, 2);
		const char *const *fields = fields_of[p->what];
		for (int f = 0; fields[f]; f++)
			if (strcmp(fields[f], key) == 0) {
				push_field(L, v, p, f);
				return 1;
			}
		return unknown_field(L, v, p, key, fields);
	}
	size_t n = list_length(v, p);
	if (lua_type(L, 2) == LUA_TNUMBER) {
		lua_Integer k = lua_tointeger(L, 2);
		if (lua_isinteger(L, 2) && k >= 1 && (size_t)k <= n)
			push_element(L, v, p, (size_t)k - 1);
		else
			lua_pushnil(L);
		return 1;
	}
	const char *key = luaL_checkstring(L, 2);
	if (p->what == V_WORDS) {
		const char *const *vocab = p->list ? vocab_channels : vocab_values;
		int w = vocab_find(vocab, key);
		if (w < 0) {
			const char *best = suggest_word(key, vocab);
			char help[96];
			snprintf(help, sizeof help, "did you mean '%s'?", best ? best : "");
			return sandbox_error(L, best ? help : NULL, "'%s' is not a %s", key,
					     p->list ? "channel" : "value");
		}
		lua_pushboolean(L, (p->bits >> w) & 1u);
		return 1;
	}
	if (p->what == V_TEXTS) {
		lua_pushnil(L);
		return 1;
	}
	sandbox_charge(L, n);
	for (size_t k = 0; k < n; k++) {
		push_element(L, v, p, k);
		const char *id = item_id(L, v);
		if (id && strcmp(id, key) == 0)
			return 1;
		lua_pop(L, 1);
	}
	lua_pushnil(L);
	return 1;
}

static int view_newindex(lua_State *L)
{
	push_name(L, view_of(L), to_proxy(L, 1));
	return sandbox_error(L, "a rule reads the roadmap and reports what it finds with report(item, message)",
			     "%s is read-only", lua_tostring(L, -1));
}

static int view_len(lua_State *L)
{
	View *v = view_of(L);
	Proxy *p = to_proxy(L, 1);
	if (p->what <= V_CONTENT) {
		push_name(L, v, p);
		return sandbox_error(L, NULL, "%s is an item, not a list", lua_tostring(L, -1));
	}
	lua_pushinteger(L, (lua_Integer)list_length(v, p));
	return 1;
}

static int view_tostring(lua_State *L)
{
	push_name(L, view_of(L), to_proxy(L, 1));
	return 1;
}

/* The iterator of __pairs: upvalue 1 the proxy, 2 the position. */
static int pairs_step(lua_State *L)
{
	View *v = view_of(L);
	Proxy *p = to_proxy(L, lua_upvalueindex(1));
	lua_Integer k = lua_tointeger(L, lua_upvalueindex(2));
	bool item = p->what <= V_CONTENT;
	size_t n = 0;
	if (item)
		while (fields_of[p->what][n])
			n++;
	else
		n = list_length(v, p);
	if ((size_t)k >= n) {
		lua_pushnil(L);
		return 1;
	}
	lua_pushinteger(L, k + 1);
	lua_replace(L, lua_upvalueindex(2));
	if (item) {
		lua_pushstring(L, fields_of[p->what][k]);
		push_field(L, v, p, (int)k);
	} else {
		lua_pushinteger(L, k + 1);
		push_element(L, v, p, (size_t)k);
	}
	return 2;
}

static int view_pairs(lua_State *L)
{
	lua_pushvalue(L, 1);
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, pairs_step, 2);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/* Items first by kind, then by position: a fixed order for pairs(). */
static bool view_order(lua_State *L, int idx, unsigned long long *key)
{
	Proxy *p = to_proxy(L, idx);
	if (!p || p->what > V_CONTENT)
		return false;
	*key = ((unsigned long long)p->what << 32) | p->index;
	return true;
}

/* ---- the view ---- */

void rule_view_push(lua_State *L, const Roadmap *rm, long today)
{
	size_t nq = 0, nc = 0;
	for (size_t i = 0; i < rm->nstages; i++) {
		nq += rm->stages[i]->nquestions;
		nc += rm->stages[i]->nconcerns;
	}
	size_t size = sizeof(View) + (nq + nc) * sizeof(void *) + (nq + rm->nseller) * sizeof(Slot);
	View *v = lua_newuserdatauv(L, size, 0);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &reg_view);
	memset(v, 0, sizeof *v);
	v->rm = rm;
	v->ix = rm->index;
	v->today = today;
	v->questions = (const Question **)(v + 1);
	v->concerns = (const Concern **)(v->questions + nq);
	v->question_slots = (Slot *)(v->concerns + nc);
	v->seller_slots = v->question_slots + nq;
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		for (size_t j = 0; j < st->nquestions; j++) {
			v->question_slots[v->nquestions] = (Slot){ st->questions[j], (unsigned)v->nquestions };
			v->questions[v->nquestions++] = st->questions[j];
		}
		for (size_t j = 0; j < st->nconcerns; j++)
			v->concerns[v->nconcerns++] = st->concerns[j];
	}
	for (size_t i = 0; i < rm->nseller; i++)
		v->seller_slots[i] = (Slot){ rm->seller[i], (unsigned)i };
	qsort(v->question_slots, nq, sizeof(Slot), compare_slots);
	qsort(v->seller_slots, rm->nseller, sizeof(Slot), compare_slots);
	sandbox_charge(L, nq + nc + rm->nseller);

	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &reg_cache);
	luaL_newmetatable(L, VIEW_META);
	static const luaL_Reg meta[] = {
		{ "__index", view_index }, { "__newindex", view_newindex }, { "__len", view_len },
		{ "__tostring", view_tostring }, { "__pairs", view_pairs }, { NULL, NULL }
	};
	luaL_setfuncs(L, meta, 0);
	lua_pushliteral(L, "read-only");
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 1);
	sandbox_set_order(L, view_order);
	push_proxy(L, V_ROADMAP, 0, 0, 0);
}

Subject rule_view_subject(lua_State *L, int idx, SrcLoc *loc)
{
	Proxy *p = to_proxy(L, idx);
	View *v = p ? view_of(L) : NULL;
	if (!p || p->what > V_CONTENT)
		return subject_none();
	const Roadmap *rm = v->rm;
	switch (p->what) {
	case V_ROADMAP:
		*loc = rm->loc;
		return subject_roadmap(rm);
	case V_STAGE:
		*loc = rm->stages[p->index]->loc;
		return subject_stage(rm->stages[p->index]);
	case V_QUESTION:
		*loc = v->questions[p->index]->loc;
		return subject_question(v->questions[p->index]);
	case V_CONCERN:
		*loc = v->concerns[p->index]->loc;
		return subject_concern(v->concerns[p->index]);
	case V_SELLER:
		*loc = rm->seller[p->index]->loc;
		return subject_seller(rm->seller[p->index]);
	default:
		*loc = rm->content[p->index]->loc;
		return subject_content(rm->content[p->index]);
	}
}

const char *rule_view_what(lua_State *L, int idx)
{
	Proxy *p = to_proxy(L, idx);
	if (p)
		return p->what == V_WORDS ? (p->list ? "a set of channels" : "a set of values")
		       : p->what > V_CONTENT ? "a list" : "an item";
	switch (lua_type(L, idx)) {
	case LUA_TNONE:
	case LUA_TNIL: return "nothing";
	case LUA_TTABLE: return "a table";
	case LUA_TSTRING: return "a string";
	case LUA_TNUMBER: return "a number";
	case LUA_TBOOLEAN: return "a boolean";
	default: return "a function";
	}
}
