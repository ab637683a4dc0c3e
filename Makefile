# roadmapc - a compiler for buying-process roadmaps.
#
#   make            build build/roadmapc
#   make demo       install missing libraries, build, check and build every example into roadmap-out/
#   make test       build (normal and ASan+UBSan) and run every test suite
#   make san        build the sanitizer binary only (build/san/roadmapc)
#   make deps       install the Debian packages the build needs (or print how)
#   make fuzz       build the libFuzzer targets (needs clang)
#   make fuzz-run   run each fuzz target for FUZZ_SECONDS (default 60)
#   make valgrind   run the test suites under valgrind's memcheck
#   make bench      ratios: check against libyaml's bare parse, Lua against YAML,
#                   drawing against plain dot
#   make doc-images redraw the pictures of docs/diagrams.md (docs/images/)
#   make install    install roadmapc, its stdlib, the man page and the docs
#   make uninstall  remove what make install installed
#   make clean
#
# WERROR=1 turns warnings into errors (CI does this). PREFIX (default
# /usr/local) and DESTDIR (a staging root, for packages) place the install.

PKGS      := yaml-0.1 lua5.4 libcgraph libgvc
# The diagrams name one font and measure their text in it (compiler/fontmetric.c),
# so it is a dependency like a library: without it, text would not fit its box.
FONT      := DejaVu Sans
DEB_PKGS  := graphviz libgraphviz-dev libyaml-dev liblua5.4-dev pkg-config fonts-dejavu-core
# What the test suites use beyond the build: SARIF schema validation,
# man-page rendering, reading roadmaps in the diagram layout tests, and GNU
# time (CPU and memory of hostile runs).
TEST_PKGS := python3 python3-jsonschema python3-yaml groff-base time
BUILD     ?= build
CC        ?= cc
CFLAGS    ?= -O2 -g
WARN      := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wwrite-strings -Wundef -Wformat=2
ifeq ($(WERROR),1)
WARN      += -Werror
endif
SANFLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Our headers are found with -iquote, for #include "..." only: compiler/limits.h
# must not stand in for the C library's <limits.h>, which luaconf.h includes.
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L $(CFLAGS) $(PKG_CFLAGS) -iquote $(BUILD)/gen -iquote compiler -MMD -MP

SRCS      := $(wildcard compiler/*.c)
OBJS      := $(SRCS:compiler/%.c=$(BUILD)/obj/%.o)
LIB_OBJS  := $(filter-out $(BUILD)/obj/main.o,$(OBJS))
STDLIB    := $(sort $(wildcard stdlib/*.yaml stdlib/*.lua))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
# Each fuzz target again, with a main that replays files (tests/fuzz/replay.c).
REPLAY_BINS := $(patsubst tests/fuzz/fuzz_%.c,$(BUILD)/unit/replay_%,$(wildcard tests/fuzz/fuzz_*.c))

# Installation. The binary finds the installed stdlib from its own place
# (PREFIX/bin/../share/roadmapc/stdlib, compiler/stdlib_files.h), so the
# layout below is fixed relative to PREFIX and DESTDIR changes nothing.
PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
STDLIBDIR  = $(PREFIX)/share/roadmapc/stdlib
MANDIR     = $(PREFIX)/share/man/man1
DOCDIR     = $(PREFIX)/share/doc/roadmapc
# The one place the version is written is compiler/version.h.
VERSION   := $(shell sed -n 's/^\#define ROADMAPC_VERSION "\(.*\)"$$/\1/p' compiler/version.h)
DOCS      := README.md $(sort $(wildcard docs/*.md))

.PHONY: all demo test san unit deps need-deps check-deps check-test-deps fuzz bench clean \
	install uninstall doc-images fuzz-run valgrind
all: need-deps $(BUILD)/roadmapc

$(BUILD)/roadmapc: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

GEN       = $(BUILD)/gen/stdlib.inc $(BUILD)/gen/checkdoc.inc $(BUILD)/gen/langdoc.inc

$(BUILD)/obj/%.o: compiler/%.c | $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The stdlib is embedded into the binary; the generator is a host tool.
$(BUILD)/gen/embed: compiler/gen/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/gen/stdlib.inc: $(BUILD)/gen/embed $(STDLIB)
	$(BUILD)/gen/embed $@ $(foreach f,$(STDLIB),$(notdir $(f))=$(f))

# The documentation of the checks lives in docs/checks.md only; `explain`
# and `list-checks` read the embedded copy (compiler/check_doc.c).
$(BUILD)/gen/checkdoc.inc: $(BUILD)/gen/embed docs/checks.md
	$(BUILD)/gen/embed $@ checks.md=docs/checks.md

# The descriptions of `roadmapc schema` are those of docs/language.md
# (compiler/jsonschema.c).
$(BUILD)/gen/langdoc.inc: $(BUILD)/gen/embed docs/language.md
	$(BUILD)/gen/embed $@ language.md=docs/language.md

$(BUILD)/unit/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -iquote tests/unit -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

# Test tools in C (tests/tools/*.c), built against the compiler's objects.
TOOL_BINS := $(patsubst tests/tools/%.c,$(BUILD)/tools/%,$(wildcard tests/tools/*.c))
$(BUILD)/tools/%: tests/tools/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

unit: $(UNIT_BINS) $(TOOL_BINS) $(REPLAY_BINS)

$(BUILD)/unit/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(wildcard tests/fuzz/*.h) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB_OBJS) $(PKG_LIBS) -lm

# A second tree with AddressSanitizer and UndefinedBehaviorSanitizer, and
# allocation failure injection (alloc.h).
san:
	$(MAKE) --no-print-directory BUILD=build/san CFLAGS="-O1 -g $(SANFLAGS) -DROADMAPC_ALLOC_DEBUG" \
		LDFLAGS="$(SANFLAGS)" build/san/roadmapc unit

test: check-test-deps
	$(MAKE) --no-print-directory $(BUILD)/roadmapc unit
	$(MAKE) --no-print-directory san
	tests/run.sh $(BUILD) build/san

# Checks one example in full (the diagnostics a person reads), then builds
# every example: both diagrams (SVG and PNG) and the action plan of each, in
# roadmap-out/.
demo: check-deps $(BUILD)/roadmapc
	@echo '$$ roadmapc check examples/crm-for-accounting-firms.yaml'
	@$(BUILD)/roadmapc check --today 2026-11-23 examples/crm-for-accounting-firms.yaml; \
	 echo "(exit status $$?)"
	@echo; echo '$$ roadmapc build --today 2026-11-23 -o roadmap-out -T svg -T png examples/*.yaml > $(BUILD)/demo.txt'
	@$(BUILD)/roadmapc build --today 2026-11-23 -o roadmap-out -T svg -T png examples/*.yaml \
	   >$(BUILD)/demo.txt; \
	 status=$$?; grep -E '^(examples/[^:]*|total): ' $(BUILD)/demo.txt; \
	 echo "(exit status $$status: the examples have gaps to find; every finding: $(BUILD)/demo.txt)"; echo; \
	 for ex in examples/*.yaml; do n=$$(basename $$ex .yaml); echo "$$n:"; \
	   for f in roadmap-out/$$n.roadmap.svg roadmap-out/$$n.gaps.svg roadmap-out/$$n.plan.md roadmap-out/$$n.plan.csv; do \
	     [ -f $$f ] && echo "  $$f"; done; done; \
	 echo "(the .png files beside the .svg ones hold the same pictures)"

# The pictures of docs/diagrams.md: both views of the tour example, as PNG.
# tests/suite_render.sh fails when they are not what roadmapc draws now.
doc-images: check-deps $(BUILD)/roadmapc
	@mkdir -p docs/images
	@for v in roadmap gaps; do \
	  $(BUILD)/roadmapc render --today 2026-11-23 -q examples/analytics-for-online-stores.yaml --view $$v \
	    -T png -o docs/images/analytics-for-online-stores.$$v.png >/dev/null 2>&1; \
	  echo "docs/images/analytics-for-online-stores.$$v.png"; done

# Installs the missing libraries when it can; otherwise says exactly how.
deps:
	@missing=; for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	fc-list '$(FONT)' 2>/dev/null | grep -q . || missing="$$missing fonts-dejavu-core"; \
	command -v groff >/dev/null || missing="$$missing groff"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || missing="$$missing python3-jsonschema"; \
	/usr/bin/python3 -c 'import yaml' 2>/dev/null || missing="$$missing python3-yaml"; \
	if command -v pkg-config >/dev/null && [ -z "$$missing" ]; then echo "deps: everything present"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "deps: missing:$$missing"; \
	     echo "  Debian/Ubuntu: sudo apt-get install -y $(DEB_PKGS) $(TEST_PKGS)"; \
	     echo "  Fedora:        sudo dnf install -y graphviz graphviz-devel libyaml-devel lua-devel pkgconf-pkg-config"; \
	     echo "  macOS:         brew install graphviz libyaml lua@5.4 pkg-config"; exit 1; fi; \
	if ! command -v apt-get >/dev/null; then echo "deps: no apt-get; install: $(DEB_PKGS) $(TEST_PKGS)"; exit 1; fi; \
	echo "deps: installing $(DEB_PKGS) $(TEST_PKGS)"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEB_PKGS) $(TEST_PKGS)

# Plain `make` only says what is missing; `make deps`, `make demo` and
# `make test` install it (check-deps runs `make deps` when something is).
need-deps:
	@missing=; for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || missing="$$missing $$p"; done; \
	[ -z "$$missing" ] || { echo "roadmapc: missing libraries:$$missing"; \
	  echo "  run 'make deps' to install them (or 'make demo', which also builds and runs the examples)"; exit 1; }

# The build needs only the libraries; the tests also need their tools. Either
# check runs `make deps` when something is missing.
check-deps:
	@ok=1; for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || ok=0; done; \
	fc-list '$(FONT)' 2>/dev/null | grep -q . || ok=0; \
	[ $$ok = 1 ] || $(MAKE) --no-print-directory deps

check-test-deps: check-deps
	@ok=1; command -v groff >/dev/null || ok=0; [ -x /usr/bin/time ] || ok=0; \
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || ok=0; \
	/usr/bin/python3 -c 'import yaml' 2>/dev/null || ok=0; \
	[ $$ok = 1 ] || $(MAKE) --no-print-directory deps

# The fuzz targets (tests/fuzz/fuzz_*.c) link a clang tree of the compiler
# built with coverage and ASan+UBSan; tests/fuzz/run.sh runs one with its
# seeds (FUZZ_SECONDS=N make fuzz-run runs each for N seconds).
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_OBJS := $(patsubst compiler/%.c,build/fuzz/tree/obj/%.o,$(filter-out compiler/main.c,$(SRCS)))
fuzz: $(FUZZ_SRCS:tests/fuzz/%.c=build/fuzz/%)
# One sub-make builds the tree, so that `make -j2 fuzz` does not build it twice at once.
build/fuzz/tree/built: $(SRCS) $(wildcard compiler/*.h) $(STDLIB) docs/checks.md
	$(MAKE) --no-print-directory BUILD=build/fuzz/tree CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build/fuzz/tree/gen/stdlib.inc build/fuzz/tree/gen/checkdoc.inc build/fuzz/tree/gen/langdoc.inc \
		$(FUZZ_OBJS)
	touch $@
build/fuzz/%: tests/fuzz/%.c $(wildcard tests/fuzz/*.h) build/fuzz/tree/built
	clang $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L \
		$(PKG_CFLAGS) -iquote compiler -iquote build/fuzz/tree/gen -o $@ $< \
		$(FUZZ_OBJS) $(PKG_LIBS) -lm

FUZZ_SECONDS ?= 60
fuzz-run: fuzz
	@rc=0; for t in $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%); do \
		tests/fuzz/run.sh $$t $(FUZZ_SECONDS) || rc=1; done; exit $$rc

# The test suites under valgrind's memcheck (slow: minutes).
valgrind: $(BUILD)/roadmapc unit
	tests/valgrind.sh $(BUILD)

# Ratios taken in one run, never timed tests: check against libyaml's bare
# parse; tests/bench.sh then runs the Lua form against the YAML form and
# drawing against plain dot.
bench: $(BUILD)/roadmapc $(BUILD)/unit/bench_front
	tests/bench.sh $(BUILD)

$(BUILD)/unit/bench_front: tests/bench_front.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

# Builds when needed, never installs packages; the man page is stamped with
# the version of version.h (docs/roadmapc.1 carries none).
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(STDLIBDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(BUILD)/roadmapc $(DESTDIR)$(BINDIR)/roadmapc
	install -m 644 $(STDLIB) $(DESTDIR)$(STDLIBDIR)
	sed 's/^\.TH ROADMAPC 1 \([^ ]*\) "roadmapc"/.TH ROADMAPC 1 \1 "roadmapc $(VERSION)"/' \
		docs/roadmapc.1 >$(DESTDIR)$(MANDIR)/roadmapc.1.tmp
	chmod 644 $(DESTDIR)$(MANDIR)/roadmapc.1.tmp
	mv $(DESTDIR)$(MANDIR)/roadmapc.1.tmp $(DESTDIR)$(MANDIR)/roadmapc.1
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)

# Removes only the files make install wrote, then the directories it made
# if they are empty: a team's own templates in the stdlib directory stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/roadmapc $(DESTDIR)$(MANDIR)/roadmapc.1
	rm -f $(addprefix $(DESTDIR)$(STDLIBDIR)/,$(notdir $(STDLIB)))
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOCS)))
	-rmdir $(DESTDIR)$(STDLIBDIR) $(DESTDIR)$(PREFIX)/share/roadmapc $(DESTDIR)$(DOCDIR) 2>/dev/null

clean:
	rm -rf build roadmap-out

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d) $(TOOL_BINS:=.d)
