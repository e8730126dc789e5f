# tpy - build, test, demo.  `make` builds build/tpy (-O2); `make test` installs
# missing dependencies, builds from scratch and runs every test; `make demo`
# runs a short example.  Variants: `make debug` (TPY_REF_DEBUG + asserts),
# `make asan` (ASan + UBSan).  Generated C (re2c, lemon) goes to build/gen.

MODE ?= release
BUILD := build
GEN := $(BUILD)/gen
OBJ := $(BUILD)/obj/$(MODE)

CC ?= cc
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
BASE_CFLAGS := -std=gnu11 -I. -I$(GEN) -MMD -MP $(WARN)
ifeq ($(MODE),release)
  MODE_CFLAGS := -O2 -g -DNDEBUG
  TPY := $(BUILD)/tpy
else ifeq ($(MODE),debug)
  MODE_CFLAGS := -O0 -g -DTPY_REF_DEBUG -DTPY_DEBUG
  TPY := $(BUILD)/tpy-debug
else ifeq ($(MODE),asan)
  CC := clang
  MODE_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -DTPY_REF_DEBUG -DTPY_DEBUG
  LDFLAGS += -fsanitize=address,undefined
  TPY := $(BUILD)/tpy-asan
endif
CFLAGS := $(BASE_CFLAGS) $(MODE_CFLAGS) $(EXTRA_CFLAGS)
LDLIBS := -lm $(shell pkg-config --libs libedit 2>/dev/null || echo -ledit)
GEN_CFLAGS := $(filter-out -Wmissing-prototypes -Wshadow,$(CFLAGS)) -Wno-unused-parameter -Wno-unused-variable -Wno-unused-but-set-variable -Wno-sign-compare -Wno-implicit-fallthrough

LIB_SRC := $(wildcard grammar/*.c gc/*.c runtime/*.c vm/*.c)
LIB_SRC := $(filter-out vm/main.c,$(LIB_SRC))
# Modules written in Python (vm/frozen/NAME.py) are compiled into the binary:
# each becomes build/gen/frozen_NAME.c defining the string tpy_frozen_NAME.
FROZEN_C := $(patsubst vm/frozen/%.py,$(GEN)/frozen_%.c,$(wildcard vm/frozen/*.py))
GEN_SRC := $(GEN)/lexer.c $(GEN)/parser.c $(FROZEN_C)
LIB_OBJ := $(LIB_SRC:%.c=$(OBJ)/%.o) $(GEN_SRC:$(GEN)/%.c=$(OBJ)/gen/%.o)
MAIN_OBJ := $(OBJ)/vm/main.o
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(OBJ)/%.o)
UNIT_BIN := $(BUILD)/unit-$(MODE)

.DELETE_ON_ERROR:
.PHONY: all debug asan test test-asan test-gcstress test-only unit golden cli repl layers demo clean clean-mode deps bench

all: $(TPY)

$(TPY): $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(GEN)/lexer.c: grammar/lexer.re $(GEN)/parser.h
	@mkdir -p $(GEN)
	re2c -W -Werror --no-generation-date -i -o $@ $<

$(GEN)/parser.c: grammar/parser.y
	@mkdir -p $(GEN)
	cp grammar/parser.y $(GEN)/parser.y
	lemon -q -d$(GEN) -T/usr/share/lemon/lempar.c $(GEN)/parser.y
$(GEN)/parser.h: $(GEN)/parser.c ;

.SECONDARY: $(FROZEN_C)
$(GEN)/frozen_%.c: vm/frozen/%.py
	@mkdir -p $(GEN)
	{ echo '/* generated from $< by the Makefile */'; echo 'const char tpy_frozen_$*[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; echo ';'; } > $@

$(OBJ)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) -c -o $@ $<

# The eval loop: keep one indirect jump per opcode (computed goto) instead of
# letting the optimizer merge them into a single, badly predicted one; and
# leave its few-word copy loops as loops (not calls into libc's memcpy).
ifneq ($(MODE),asan)
$(OBJ)/vm/eval.o: CFLAGS += -fno-gcse -fno-crossjumping -fno-tree-loop-distribute-patterns
endif

$(OBJ)/%.o: %.c | $(GEN)/parser.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(UNIT_BIN): $(LIB_OBJ) $(UNIT_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(shell pkg-config --libs criterion 2>/dev/null || echo -lcriterion)

debug:
	$(MAKE) MODE=debug
asan:
	$(MAKE) MODE=asan

deps:
	@scripts/deps.sh

layers:
	@scripts/check_layers.sh

unit: $(UNIT_BIN)
	scripts/run_unit.sh $(UNIT_BIN)

golden: $(TPY)
	scripts/golden.sh --check $(TPY)

cli: $(TPY)
	scripts/test_cli.sh $(TPY)

repl: $(TPY)
	scripts/test_repl.sh $(TPY)

# Everything, from a fresh machine: dependencies, a clean build, every test.
# The unit tests run from a debug build (TPY_REF_DEBUG), so a leaked reference
# fails its test (tests/unit/support.h); the other suites use the release tpy.
# Every suite runs even when an earlier one failed; the exit status is nonzero
# if any did.
UNIT_TEST_MODE := debug
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
test: deps
	$(MAKE) layers
	$(MAKE) clean-mode
	$(MAKE) MODE=$(UNIT_TEST_MODE) clean-mode
	$(MAKE) $(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS)) test-only
	$(MAKE) test-asan

# The unit, golden and CLI suites again under AddressSanitizer + UBSan.  The
# interpreter frees everything at exit (a final collection, then the runtime),
# so the golden and CLI runs check for leaks too; unit-test processes end
# without tearing the runtime down, so they do not.
test-asan:
	@scripts/deps.sh --asan
	$(MAKE) MODE=asan clean-mode
	$(MAKE) MODE=asan $(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS)) all build/unit-asan
	@fail=0; \
	ASAN_OPTIONS=detect_leaks=0 scripts/run_unit.sh build/unit-asan || fail=1; \
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 scripts/golden.sh --check build/tpy-asan || fail=1; \
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 scripts/test_cli.sh build/tpy-asan || fail=1; \
	if [ $$fail -ne 0 ]; then echo "make test-asan: FAILED (see above)"; exit 1; fi; \
	echo "make test-asan: all suites passed"

test-only: $(TPY)
	@fail=0; \
	$(MAKE) --no-print-directory MODE=$(UNIT_TEST_MODE) unit || fail=1; \
	scripts/golden.sh --check $(TPY) || fail=1; \
	scripts/test_cli.sh $(TPY) || fail=1; \
	scripts/test_repl.sh $(TPY) || fail=1; \
	$(MAKE) --no-print-directory test-gcstress || fail=1; \
	if [ $$fail -ne 0 ]; then echo "make test: FAILED (see above)"; exit 1; fi; \
	echo "make test: all suites passed"

# The golden suite on the debug build with a collection at every safe point
# after an allocation (TPY_GC_STRESS), and with the allocator reporting any
# block left at exit (TPY_MEM_LEAKS: a report fails the script's stderr).
# gc_get_count prints the exact counts, which automatic collections change by
# design: it is the one script left out.
test-gcstress:
	$(MAKE) --no-print-directory MODE=debug all
	TPY_GC_STRESS=1 TPY_MEM_LEAKS=1 scripts/golden.sh --check $(BUILD)/tpy-debug \
	    $$(cd tests/py && ls *.py | grep -v -e '^_' -e '^gc_get_count\.py$$')

clean-mode:
	rm -rf $(OBJ) $(GEN) $(TPY) $(UNIT_BIN)

demo: $(TPY)
	$(TPY) examples/demo.py

bench: $(TPY)
	PY=/usr/bin/python3 CAND=$(TPY) ../shared/bench/run.sh

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
