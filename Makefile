# bestroute - top-level driver around CMake.
#   make          build (build/libbestroute.a, build/libbestroute.so, build/bestroute)
#   make run      install missing build dependencies, build, answer a few queries
#   make check    the same, then every test (plus an ASan/UBSan pass built with clang)
#   make bench    the lookup engine benchmark (see bench/)
#   make install  PREFIX=/usr/local DESTDIR= : library, headers, bestroute.pc,
#                 the tool and man pages
#   make fuzz     FUZZ_SECONDS=60 : each libFuzzer target (clang) for that long
SHELL := /bin/bash
BUILD ?= build
SANITIZE ?=
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60
DESTDIR ?=
# (defined before its first use: BUILD below is expanded at once)
comma := ,

# Debian packages the build and the tests need (libdpdk-dev only for bench).
DEPS := cmake make gcc clang pkg-config libmnl-dev libjson-c-dev zlib1g-dev libcmocka-dev \
        iproute2 xz-utils libclang-rt-14-dev valgrind

# A sanitizer build leaves out the tests labelled nosan (and notsan under
# ThreadSanitizer): docs/hardening.md lists them and why.
CTEST_SKIP :=
ifneq ($(SANITIZE),)
BUILD := build-$(subst $(comma),-,$(SANITIZE))
CMAKE_FLAGS += -DBRT_SANITIZE=$(SANITIZE) -DCMAKE_C_COMPILER=clang
CTEST_SKIP := -LE '$(if $(findstring thread,$(SANITIZE)),nosan|notsan,nosan)'
endif

.PHONY: all build deps run check test check-asan check-fuzz fuzz bench clean install
all: build

deps:
	@missing=""; for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "need root to install:$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The build's output goes to a log, so the demo is what the user sees: one
# summary line, or the whole log when the build fails.
run: deps
	@mkdir -p $(BUILD); \
	if { cmake -S . -B $(BUILD) $(CMAKE_FLAGS) && cmake --build $(BUILD) -j $(JOBS); } >$(BUILD)/build.log 2>&1; then \
	  echo "built $(BUILD)/bestroute (log: $(BUILD)/build.log)"; \
	else \
	  cat $(BUILD)/build.log; echo "build failed (log: $(BUILD)/build.log)" >&2; exit 1; \
	fi
	@bash scripts/demo.sh $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The main test run, then the unit and differential tests once more under
# address and undefined-behaviour sanitizers (built with clang). With
# SANITIZE=... the main run is that sanitizer's build, and nothing more.
check: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) $(CTEST_SKIP)
ifeq ($(SANITIZE),)
	$(MAKE) --no-print-directory check-asan
	$(MAKE) --no-print-directory check-fuzz
endif

# (the same build directory as `make check SANITIZE=address,undefined`)
check-asan:
	cmake -S . -B build-address-undefined -DBRT_SANITIZE=address,undefined -DCMAKE_C_COMPILER=clang >/dev/null
	cmake --build build-address-undefined -j $(JOBS)
	cd build-address-undefined && ctest --output-on-failure -j $(JOBS) -LE nosan

# The prefix is baked into bestroute.pc, so configure with it; DESTDIR only
# relocates the copy (staging for packages).
install:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	DESTDIR=$(DESTDIR) cmake --install $(BUILD)

# libFuzzer targets (fuzz/): a clang build of their own with coverage,
# address and undefined-behaviour sanitizers; each runs FUZZ_SECONDS from
# a scratch corpus seeded from examples/ and tests/data (scripts/fuzz.sh).
build-fuzz/CMakeCache.txt:
	cmake -S . -B build-fuzz -DBRT_FUZZ=ON -DCMAKE_C_COMPILER=clang \
	      -DBRT_SANITIZE=address,undefined >/dev/null

fuzz: build-fuzz/CMakeCache.txt
	cmake --build build-fuzz -j $(JOBS) --target brt_fuzzers
	bash scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

# The smoke run of `make check`: each fuzzer briefly.
check-fuzz:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10

clean:
	rm -rf build build-*

# The lookup engine benchmark: ours, the reference and DPDK (when
# libdpdk-dev is installed) on the real prefix sets; writes bench/RESULTS.md
# and prints RATIO lines last.
# (libdpdk-dev is installed when missing, as `make run` installs the build
# dependencies, and cmake looks for it again: a fresh machine measures
# against the peers rather than skipping them)
bench: $(BUILD)/CMakeCache.txt
	@$(MAKE) --no-print-directory deps DEPS="$(DEPS) libdpdk-dev"
	cmake -S . -B $(BUILD) -U__pkg_config_checked_DPDK >/dev/null
	cmake --build $(BUILD) -j $(JOBS) --target bench_lpm
	$(BUILD)/bench_lpm --data ../shared/data --out bench/RESULTS.md --notes bench/NOTES.md

# The live handle's soak (root): 4 reader threads against 200000 random
# changes, checked at checkpoints and at the end, under ASan/UBSan (leaks).
.PHONY: soak
soak:
	cmake -S . -B build-asan -DBRT_SANITIZE=address,undefined -DCMAKE_C_COMPILER=clang >/dev/null
	cmake --build build-asan -j $(JOBS) --target test_live_handle
	cd build-asan && BRT_SOAK_CHANGES=200000 ./test_live_handle

# The live backend at Internet scale (root): bench/live/run.sh. DATA= the
# prefix sets; BENCH_LIVE_PREFIXES=N loads only N of each (a quick check).
DATA ?= ../shared/data
.PHONY: bench-live
bench-live: build
	bash bench/live/run.sh $(BUILD) $(DATA) bench/RESULTS.md
