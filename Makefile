# Thin wrapper over meson (see README). `make` builds build/herald; `make demo` and
# `make test` also install missing Debian packages first (scripts/deps.sh).
SHELL      := /bin/bash
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all deps demo test test-unit fuzz bench format clean

all: $(BUILD)/build.ninja
	ninja -C $(BUILD)

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=release -Db_ndebug=if-release

deps:
	bash scripts/deps.sh

demo: deps
	$(MAKE) all
	bash scripts/demo.sh $(BUILD)/herald

# Every test (unit, e2e, fuzz corpus replay) under AddressSanitizer + UBSan, then 60 s of
# libFuzzer on each fuzz target.
test: deps
	[ -f $(ASAN_BUILD)/build.ninja ] || meson setup $(ASAN_BUILD) --buildtype=debug \
	    -Db_sanitize=address,undefined -Db_lundef=false
	ninja -C $(ASAN_BUILD)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    meson test -C $(ASAN_BUILD) --print-errorlogs --num-processes 2 | tee $(ASAN_BUILD)/summary.txt; \
	    test $${PIPESTATUS[0]} -eq 0
	$(MAKE) fuzz
	@awk '/^Ok:/{ok=$$2} /^Fail:/{f=$$2} /^Timeout:/{t=$$2} END{print "tests: " ok+0 " passed, " f+t " failed"}' \
	    $(ASAN_BUILD)/summary.txt

fuzz:
	[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang meson setup $(FUZZ_BUILD) --buildtype=debug -Dfuzz=true -Dtests=false
	ninja -C $(FUZZ_BUILD)
	bash tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: deps all
	bash scripts/deps.sh --bench
	$(MAKE) -C bench bench

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
