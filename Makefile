# Moat — build, run and test.  `make run` and `make test` are the two
# commands a fresh Debian 12 machine needs; both install missing packages
# first (scripts/deps.sh asks pkg-config and only then apt-get).

VERSION   := 0.1.0
CC        ?= cc
BUILD     ?= build
PKGS      := libmicrohttpd libwebsockets sqlite3 jansson libcurl libargon2 libpq
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lmbedcrypto -lpthread -lm

CSTD      := -std=c11 -D_GNU_SOURCE
WARN      := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
OPT       ?= -O2 -g
SAN       ?=
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(SAN) -DMOAT_VERSION='"$(VERSION)"' -Iserver -I$(BUILD) $(PKG_CFLAGS) $(EXTRA_CFLAGS)
LDFLAGS_ALL = $(SAN) $(LDFLAGS)

SERVER_SRC := $(filter-out server/main.c,$(wildcard server/*.c))
SERVER_OBJ := $(patsubst server/%.c,$(BUILD)/obj/%.o,$(SERVER_SRC)) $(BUILD)/obj/schema_embed.o
SCHEMA     := $(sort $(wildcard schema/*.sql))
SCHEMA_PG  := $(sort $(wildcard schema/postgres/*.sql))
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
UNIT_BIN   := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

DB        ?= var/moat.db

.DEFAULT_GOAL := all
# libmoatagent, its examples and its tests (AGENT_BINS, AGENT_UNIT_BIN)
include agentproto/agent.mk

.PHONY: all deps run test check e2e browser browser-big asan bench fuzz lint format clean
all: $(BUILD)/moatd $(AGENT_BINS)

deps:
	@sh scripts/deps.sh

$(BUILD)/obj/%.o: server/%.c $(wildcard server/*.h) | $(BUILD)/obj
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/schema_embed.c: $(SCHEMA) $(SCHEMA_PG) scripts/embed_schema.sh | $(BUILD)/obj
	sh scripts/embed_schema.sh $(SCHEMA) -- $(SCHEMA_PG) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/schema_embed.o: $(BUILD)/schema_embed.c
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libmoat.a: $(SERVER_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/moatd: server/main.c $(BUILD)/libmoat.a
	$(CC) $(CFLAGS_ALL) server/main.c $(BUILD)/libmoat.a -o $@ $(LDFLAGS_ALL) $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit_db.h $(BUILD)/libmoat.a | $(BUILD)/tests
	$(CC) $(CFLAGS_ALL) -Wno-missing-prototypes $< $(BUILD)/libmoat.a -o $@ $(LDFLAGS_ALL) $(PKG_LIBS) -lcmocka

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p $(dir $(DB))
	./$(BUILD)/moatd serve --db $(DB) $(ARGS)

# Unit tests (cmocka), then end-to-end tests against the real binary. Both
# run under scripts/pgtest.sh: a throwaway PostgreSQL cluster on loopback
# (about a second), MOAT_TEST_PG naming it, for the tests of issue 13.
check: $(UNIT_BIN) $(AGENT_UNIT_BIN) $(SHOP_UNIT_BIN) $(BENCH_UNIT_BIN)
	@sh scripts/pgtest.sh sh -c 'set -e; for t in $(UNIT_BIN) $(AGENT_UNIT_BIN) $(SHOP_UNIT_BIN) $(BENCH_UNIT_BIN); do echo "== $$t"; MOAT_SOURCE_DIR=$(CURDIR) $$t; done'

# tests/e2e/test_attack.py points sqlmap and wapiti (deps.sh attack) at build/shop.
#
# The e2e suite runs once per engine in E2E_ENGINES, one after the other
# beside one throwaway PostgreSQL (every moatd gets a database of its own
# there; tests/e2e/run.py --engine). Both engines run the whole suite but
# the tests marked for one (moat.only_on / ONLY_ON: SQLite's own files,
# locks and backup on one side, tests/e2e/test_cluster.py's several moatd
# on one database on the other; each run lists what it left out and why).
# Why the whole suite twice rather than a chosen subset on PostgreSQL:
# nearly every test reaches the store (a project, a token, a policy), so a
# subset would leave most of the PostgreSQL store untested end to end; the
# suite takes about 5 minutes on SQLite here, so CI (`make test` and
# `make asan` each run `e2e`) grows by about two such runs, from ~12.5 to
# ~23 minutes, well inside its 90. ASan runs both too: db_pg.c and the
# cluster code are where new memory errors would be.
#
E2E_ENGINES ?= sqlite postgres
e2e: $(BUILD)/moatd $(BUILD)/moat-agent-demo $(BUILD)/shop
	@sh scripts/deps.sh attack
	sh scripts/pgtest.sh sh -c 'status=0; for e in $(E2E_ENGINES); do \
	  python3 tests/e2e/run.py --engine $$e --moatd $(BUILD)/moatd --web-root web || status=1; done; \
	  exit $$status'

test:
	@sh scripts/deps.sh browser attack postgres
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory browser
	@$(MAKE) --no-print-directory browser-big

# The dashboard in Debian's chromium (tests/browser, playwright-core and
# axe-core from npm); screenshots under build/browser/<time>/ (printed).
browser: $(BUILD)/moatd $(BUILD)/moat-agent-demo $(BUILD)/moat-loadgen
	@sh scripts/deps.sh browser
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node tests/browser/run.mjs --moatd $(BUILD)/moatd --web-root web

# The events view at 1 million events (tests/browser/perf.mjs: its own
# moatd on a database seeded in ~30-60 s; first rows < 1 s, figures printed).
browser-big: $(BUILD)/moatd
	@sh scripts/deps.sh browser
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 node tests/browser/run.mjs --moatd $(BUILD)/moatd --web-root web --big

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: deps
	@sh scripts/deps.sh postgres
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" check e2e

bench: deps
	@sh scripts/deps.sh bench postgres
	@$(MAKE) --no-print-directory all
	sh bench/http/run.sh
	sh bench/fanout/run.sh
	sh bench/ingest/run.sh
	sh bench/notify/run.sh
	sh bench/shop/run.sh
	sh bench/cluster/run.sh

# libFuzzer + ASan/UBSan on the parsers (clang): FUZZ_SECONDS each.
# FUZZ_TARGETS link moatd's code, FUZZ_AGENT_TARGETS libmoatagent's (the
# interceptors' tokenizers), FUZZ_SHOP_TARGETS the shop's (its matcher and
# form parser, build/fuzz/libshop.a). -timeout: a slow input is a finding.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := fuzz_policy fuzz_event fuzz_http
FUZZ_AGENT_TARGETS := fuzz_sql fuzz_url fuzz_shell fuzz_path fuzz_prompt fuzz_html fuzz_nosql
FUZZ_SHOP_TARGETS := fuzz_shop
fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang OPT="-O1 -g" \
	  SAN="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libmoat.a build/fuzz/libmoatagent.a build/fuzz/libshop.a
	@mkdir -p build/fuzz/corpus
	@set -e; for f in $(FUZZ_TARGETS) $(FUZZ_AGENT_TARGETS) $(FUZZ_SHOP_TARGETS); do \
	  case " $(FUZZ_AGENT_TARGETS) | $(FUZZ_SHOP_TARGETS) " in \
	  *" $$f "*"|"*) clang $(CSTD) $(WARN) -Wno-missing-prototypes -O1 -g -fsanitize=fuzzer,address,undefined \
	    $(AGENT_CFLAGS) tests/fuzz/$$f.c build/fuzz/libmoatagent.a -o build/fuzz/$$f $(AGENT_LIBS) ;; \
	  *"|"*" $$f "*) clang $(CSTD) $(WARN) -Wno-missing-prototypes -O1 -g -fsanitize=fuzzer,address,undefined \
	    $(AGENT_CFLAGS) $(SHOP_CFLAGS) tests/fuzz/$$f.c build/fuzz/libshop.a build/fuzz/libmoatagent.a \
	    -o build/fuzz/$$f $(SHOP_LIBS) $(AGENT_LIBS) ;; \
	  *) clang $(CSTD) $(WARN) -Wno-missing-prototypes -O1 -g -fsanitize=fuzzer,address,undefined \
	    -Iserver $(PKG_CFLAGS) tests/fuzz/$$f.c build/fuzz/libmoat.a -o build/fuzz/$$f $(PKG_LIBS) ;; \
	  esac; \
	  mkdir -p build/fuzz/corpus/$$f; \
	  echo "== $$f for $(FUZZ_SECONDS) s"; \
	  build/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1 \
	    build/fuzz/corpus/$$f tests/fuzz/seeds/$$f 2>&1 | grep -E "^(==|stat::number_of_executed_units|stat::new_units|#.*DONE|SUMMARY|ERROR)"; \
	done

lint:
	@command -v clang-format >/dev/null || sh scripts/deps.sh lint
	@clang-format --dry-run --Werror server/*.c server/*.h tests/unit/*.c tests/unit/*.h
	@! grep -nE '\b(sprintf|vsprintf|strcpy|strcat|atoi|atol|strtok|gets)\s*\(' server/*.c server/*.h tests/unit/*.c \
	  || { echo "lint: banned call above" >&2; exit 1; }
	@! grep -nE '^\s*#\s*include\s*"(ws_|http|api)' server/ingest*.[ch] server/store*.[ch] server/event*.[ch] \
	  || { echo "lint: the writer, the store and the event model include no ws_*, http* or api* header (docs/ARCHITECTURE.md)" >&2; exit 1; }
	@! grep -nE '^\s*#\s*include\s*"ws_(agent|live|server)' server/ws_hub.[ch] \
	  || { echo "lint: the hub is generic: it includes no ws_agent/ws_live/ws_server header" >&2; exit 1; }
	@$(MAKE) --no-print-directory agent-lint
	@echo "lint: ok"

format:
	clang-format -i server/*.c server/*.h tests/unit/*.c tests/unit/*.h

clean:
	rm -rf build
