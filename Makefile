# roadmapc - a compiler for buying-process roadmaps.
#
#   make            build build/roadmapc
#   make demo       install missing libraries, build every example into roadmap-out/
#   make test       build (normal and ASan+UBSan) and run every test suite
#   make san        build the sanitizer binary only (build/san/roadmapc)
#   make deps       install the Debian packages the build needs (or print how)
#   make fuzz       build the libFuzzer targets (needs clang)
#   make bench      measure the front end against raw libyaml parsing, and the
#                   diagrams against plain dot on the same graph
#   make doc-images redraw the pictures of docs/diagrams.md (docs/images/)
#   make clean
#
# WERROR=1 turns warnings into errors (CI does this).

PKGS      := yaml-0.1 lua5.4 libcgraph libgvc
# The diagrams name one font and measure their text in it (compiler/fontmetric.c),
# so it is a dependency like a library: without it, text would not fit its box.
FONT      := DejaVu Sans
DEB_PKGS  := graphviz libgraphviz-dev libyaml-dev liblua5.4-dev pkg-config fonts-dejavu-core
# What the test suites use beyond the build: SARIF schema validation,
# man-page rendering, and reading roadmaps in the diagram layout tests.
TEST_PKGS := python3 python3-jsonschema python3-yaml groff-base
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
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L $(CFLAGS) $(PKG_CFLAGS) -I$(BUILD)/gen -Icompiler -MMD -MP

SRCS      := $(wildcard compiler/*.c)
OBJS      := $(SRCS:compiler/%.c=$(BUILD)/obj/%.o)
LIB_OBJS  := $(filter-out $(BUILD)/obj/main.o,$(OBJS))
STDLIB    := $(sort $(wildcard stdlib/*.yaml stdlib/*.lua))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)

.PHONY: all demo doc-images test san unit deps need-deps check-deps check-test-deps fuzz bench clean
all: need-deps $(BUILD)/roadmapc

$(BUILD)/roadmapc: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

GEN       = $(BUILD)/gen/stdlib.inc $(BUILD)/gen/checkdoc.inc

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

$(BUILD)/unit/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

unit: $(UNIT_BINS)

# A second tree with AddressSanitizer and UndefinedBehaviorSanitizer.
san:
	$(MAKE) --no-print-directory BUILD=build/san CFLAGS="-O1 -g $(SANFLAGS)" \
		LDFLAGS="$(SANFLAGS)" build/san/roadmapc unit

test: check-test-deps
	$(MAKE) --no-print-directory $(BUILD)/roadmapc unit
	$(MAKE) --no-print-directory san
	tests/run.sh $(BUILD) build/san

# Builds every example: the diagnostics, then both diagrams (SVG and PNG) and
# the action plan of each, in roadmap-out/.
demo: check-deps $(BUILD)/roadmapc
	@echo '$$ roadmapc build --today 2026-11-23 -q -o roadmap-out -T svg -T png examples/*.yaml'
	@$(BUILD)/roadmapc build --today 2026-11-23 -q -o roadmap-out -T svg -T png examples/*.yaml; \
	 status=$$?; echo "(exit status $$status: the examples have gaps to find)"; echo; \
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
	@ok=1; command -v groff >/dev/null || ok=0; /usr/bin/python3 -c 'import jsonschema' 2>/dev/null || ok=0; \
	/usr/bin/python3 -c 'import yaml' 2>/dev/null || ok=0; \
	[ $$ok = 1 ] || $(MAKE) --no-print-directory deps

FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
fuzz: $(FUZZ_SRCS:tests/fuzz/%.c=build/fuzz/%)
build/fuzz/%: tests/fuzz/%.c $(SRCS)
	@mkdir -p build/fuzz/gen
	$(MAKE) --no-print-directory BUILD=build/fuzz/tree CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build/fuzz/tree/gen/stdlib.inc build/fuzz/tree/gen/checkdoc.inc \
		$(patsubst compiler/%.c,build/fuzz/tree/obj/%.o,$(filter-out compiler/main.c,$(SRCS)))
	clang $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L \
		$(PKG_CFLAGS) -Icompiler -Ibuild/fuzz/tree/gen -o $@ $< \
		$(patsubst compiler/%.c,build/fuzz/tree/obj/%.o,$(filter-out compiler/main.c,$(SRCS))) $(PKG_LIBS) -lm

bench: $(BUILD)/roadmapc $(BUILD)/unit/bench_front
	tests/bench.sh $(BUILD)
	tests/bench_render.sh $(BUILD)

$(BUILD)/unit/bench_front: tests/bench_front.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(PKG_LIBS) -lm

clean:
	rm -rf build roadmap-out

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d)
