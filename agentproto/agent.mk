# agentproto/agent.mk — libmoatagent (the reference C agent library), its
# examples and its unit tests. Included by the top Makefile, whose variables
# it uses: CC, CFLAGS_ALL (C11, warnings, OPT, SAN), LDFLAGS_ALL, BUILD.
#
#   $(BUILD)/libmoatagent.a      the library (agentproto/lib/*.c)
#   $(BUILD)/moat-agent-demo     agentproto/examples/moat-agent-demo.c
#   $(BUILD)/moat-loadgen        agentproto/examples/moat-loadgen.c
#   $(BUILD)/shop                agentproto/examples/shop/*.c, the deliberately vulnerable
#                                shop the interceptors protect (libmicrohttpd, sqlite3);
#                                `make shop` builds it alone
#   $(BUILD)/tests/test_agent_*  cmocka tests (agentproto/tests/test_agent_*.c)
#   $(BUILD)/tests/test_shop_*   cmocka tests of the shop's parsers and helpers
#                                (agentproto/tests/test_shop_*.c, linking libshop.a)
#   $(BUILD)/bench-detect        the interceptors on a corpus (bench/detect/run.sh)
#   $(BUILD)/bench-sqlworst      the SQL check's worst cases (bench/detect/sqlworst.sh)
#   $(BUILD)/bench-idnadiff      domain to ASCII beside ICU's UTS #46 (libicu-dev; on request)
#
# AGENT_BINS, AGENT_UNIT_BIN and SHOP_UNIT_BIN are for the top Makefile's `all` and
# `check` (this file adds AGENT_BINS to `all` itself, see below); `make
# agent-check` runs the library's tests alone and `make agent-lint` checks
# its formatting and banned calls.

AGENT_SRC      := $(sort $(wildcard agentproto/lib/*.c))
AGENT_HDR      := $(wildcard agentproto/lib/*.h)
AGENT_OBJ      := $(patsubst agentproto/lib/%.c,$(BUILD)/agentobj/%.o,$(AGENT_SRC))
AGENT_CFLAGS    = -Iagentproto/lib -I$(BUILD)/gen $(shell pkg-config --cflags libwebsockets jansson 2>/dev/null)
AGENT_LIBS      = $(shell pkg-config --libs libwebsockets jansson 2>/dev/null) -lmbedcrypto -lpthread -lm
AGENT_UNIT_SRC := $(sort $(wildcard agentproto/tests/test_agent_*.c))
AGENT_UNIT_BIN := $(patsubst agentproto/tests/%.c,$(BUILD)/tests/%,$(AGENT_UNIT_SRC))
AGENT_BINS     := $(BUILD)/libmoatagent.a $(BUILD)/moat-agent-demo $(BUILD)/moat-loadgen $(BUILD)/shop

.PHONY: agent agent-check agent-lint
agent: $(AGENT_BINS) $(AGENT_UNIT_BIN) $(SHOP_UNIT_BIN)

# `all` gets the agent binaries here: a prerequisite list written in the
# top Makefile before this file is included expands AGENT_BINS while it is
# still empty. (Include this file after the top Makefile's `all:` so that
# `all` stays the default goal.)
all: $(AGENT_BINS)

$(BUILD)/agentobj/%.o: agentproto/lib/%.c $(AGENT_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) -c $< -o $@

# ma_idna.c's tables: UTS #46 and the Unicode properties it needs, made from
# Debian's python3-idna and unicode-data (scripts/gen_idna_tab.py says which
# files and versions); generated, never committed.
$(BUILD)/gen/ma_idna_tab.h: scripts/gen_idna_tab.py
	@mkdir -p $(dir $@)
	python3 scripts/gen_idna_tab.py $@

$(BUILD)/agentobj/ma_idna.o: $(BUILD)/gen/ma_idna_tab.h

# The archive ships only if the prompt scorer's tables build (word-list
# words of 255 bytes at most, the tables' sizes ...): prompt_lexcheck
# builds them at build time and prints why they do not (a failure used to
# be silent, at run time). A cross build runs it through an emulator
# (LEXCHECK_RUN=qemu-aarch64) or leaves it out (LEXCHECK_RUN=true).
LEXCHECK_RUN ?=
$(BUILD)/libmoatagent.a: $(AGENT_OBJ) agentproto/tests/prompt_lexcheck.c
	@rm -f $@ $@.tmp
	ar rcs $@.tmp $(AGENT_OBJ)
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) agentproto/tests/prompt_lexcheck.c $@.tmp \
	  -o $(BUILD)/prompt-lexcheck $(LDFLAGS_ALL) $(AGENT_LIBS)
	$(LEXCHECK_RUN) $(BUILD)/prompt-lexcheck
	mv $@.tmp $@

$(BUILD)/moat-agent-demo: agentproto/examples/moat-agent-demo.c $(BUILD)/libmoatagent.a
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $< $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(AGENT_LIBS)

$(BUILD)/moat-loadgen: agentproto/examples/moat-loadgen.c $(BUILD)/libmoatagent.a
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $< $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(AGENT_LIBS)

# The shop's code without main.c is $(BUILD)/libshop.a, which its unit
# tests (agentproto/tests/test_shop_*.c) and its fuzz target link too.
SHOP_SRC := $(sort $(wildcard agentproto/examples/shop/*.c))
SHOP_HDR := $(wildcard agentproto/examples/shop/*.h)
SHOP_OBJ := $(patsubst agentproto/examples/shop/%.c,$(BUILD)/shopobj/%.o,$(filter-out %/main.c,$(SHOP_SRC)))
SHOP_CFLAGS = -Iagentproto/examples/shop $(shell pkg-config --cflags libmicrohttpd sqlite3)
SHOP_LIBS   = $(shell pkg-config --libs libmicrohttpd sqlite3)
SHOP_UNIT_SRC := $(sort $(wildcard agentproto/tests/test_shop_*.c))
SHOP_UNIT_BIN := $(patsubst agentproto/tests/%.c,$(BUILD)/tests/%,$(SHOP_UNIT_SRC))
.PHONY: shop
shop: $(BUILD)/shop
$(BUILD)/shopobj/%.o: agentproto/examples/shop/%.c $(SHOP_HDR) $(AGENT_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $(SHOP_CFLAGS) -c $< -o $@

$(BUILD)/libshop.a: $(SHOP_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/shop: agentproto/examples/shop/main.c $(SHOP_HDR) $(BUILD)/libshop.a $(BUILD)/libmoatagent.a
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $(SHOP_CFLAGS) $< $(BUILD)/libshop.a $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(SHOP_LIBS) $(AGENT_LIBS)

$(SHOP_UNIT_BIN): $(BUILD)/tests/%: agentproto/tests/%.c $(SHOP_HDR) $(BUILD)/libshop.a $(BUILD)/libmoatagent.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $(SHOP_CFLAGS) -Wno-missing-prototypes $< $(BUILD)/libshop.a $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(SHOP_LIBS) $(AGENT_LIBS) -lcmocka

# With libmodsecurity-dev (scripts/deps.sh detect) it also drives
# ModSecurity + the OWASP CRS, side by side (--crs).
BENCH_CRS_FLAGS = $(shell pkg-config --exists modsecurity 2>/dev/null && echo -DMOAT_BENCH_MODSECURITY)
BENCH_CRS_LIBS  = $(shell pkg-config --libs modsecurity 2>/dev/null)
$(BUILD)/bench-detect: bench/detect/detect.c bench/detect/cmdpath.c bench/detect/prompt.c $(wildcard bench/detect/*.h) $(BUILD)/libmoatagent.a
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $(BENCH_CRS_FLAGS) $(shell pkg-config --cflags sqlite3) $< $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(AGENT_LIBS) $(BENCH_CRS_LIBS) $(shell pkg-config --libs sqlite3)

# The bench's witness of broken statements (bench/detect/sqlparse.h) has a
# test of its own, run by agent-check.
BENCH_UNIT_BIN := $(BUILD)/tests/test_bench_sqlparse
$(BUILD)/tests/test_bench_sqlparse: bench/detect/test_sqlparse.c bench/detect/sqlparse.h $(BUILD)/libmoatagent.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $(shell pkg-config --cflags sqlite3) -Ibench/detect $< $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(AGENT_LIBS) $(shell pkg-config --libs sqlite3) -lcmocka

$(BUILD)/bench-sqlworst: bench/detect/sqlworst.c $(BUILD)/libmoatagent.a
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $< $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(AGENT_LIBS)

# ma_idna.c beside ICU's UTS #46 on random domains (a measurement; needs
# libicu-dev, which nothing else uses: built only when asked for).
$(BUILD)/bench-idnadiff: bench/detect/idnadiff.c $(BUILD)/libmoatagent.a
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) $(shell pkg-config --cflags icu-uc) $< $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(AGENT_LIBS) $(shell pkg-config --libs icu-uc)

# A static pattern rule, so it never competes with the server tests' rule.
$(AGENT_UNIT_BIN): $(BUILD)/tests/%: agentproto/tests/%.c $(wildcard agentproto/tests/*.h) $(BUILD)/libmoatagent.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(AGENT_CFLAGS) -Wno-missing-prototypes $< $(BUILD)/libmoatagent.a -o $@ $(LDFLAGS_ALL) $(AGENT_LIBS) -lcmocka
# The SWAR builds include their SSE2 test (and the library source they
# compile without SSE2): rebuilt when those change too.
$(BUILD)/tests/test_agent_sql_lex_swar: agentproto/tests/test_agent_sql_lex.c agentproto/lib/ma_sql_lex.c
$(BUILD)/tests/test_agent_sql_attempt_swar: agentproto/tests/test_agent_sql_attempt.c agentproto/lib/ma_sql.c
$(BUILD)/tests/test_agent_sql_tailbytes_swar: agentproto/tests/test_agent_sql_tailbytes.c agentproto/lib/ma_sql.c
$(BUILD)/tests/test_agent_sql_state: agentproto/lib/ma_sql.c
$(BUILD)/tests/test_agent_sqlcost12: agentproto/lib/ma_sql.c
$(BUILD)/tests/test_agent_path_scan: agentproto/lib/ma_path.c
$(BUILD)/tests/test_agent_path_scan_swar: agentproto/tests/test_agent_path_scan.c agentproto/lib/ma_path.c
$(BUILD)/tests/test_agent_request_json: agentproto/lib/ma_request.c
$(BUILD)/tests/test_agent_request_json_swar: agentproto/tests/test_agent_request_json.c agentproto/lib/ma_request.c
# the prompt lexicon built with a test's own classes and patterns
$(BUILD)/tests/test_agent_prompt_hi: agentproto/lib/ma_prompt_lex.c

agent-check: $(AGENT_UNIT_BIN) $(SHOP_UNIT_BIN) $(BENCH_UNIT_BIN)
	@set -e; for t in $(AGENT_UNIT_BIN) $(SHOP_UNIT_BIN) $(BENCH_UNIT_BIN); do echo "== $$t"; MOAT_SOURCE_DIR=$(CURDIR) $$t; done

agent-lint:
	@clang-format --dry-run --Werror agentproto/lib/*.c agentproto/lib/*.h agentproto/examples/*.c agentproto/examples/shop/*.[ch] agentproto/tests/*.c agentproto/tests/*.h
	@! grep -nE '\b(sprintf|vsprintf|strcpy|strcat|atoi|atol|strtok|gets)\s*\(' agentproto/lib/* agentproto/examples/*.c agentproto/examples/shop/*.[ch] agentproto/tests/* \
	  || { echo "agent-lint: banned call above" >&2; exit 1; }
	@! grep -nE '\b(abort|exit|json_object_seed|json_set_alloc_funcs)\s*\(' agentproto/lib/* \
	  || { echo "agent-lint: the library must not end its host process or change process-wide state" >&2; exit 1; }
	@python3 scripts/gen_shell_names.py --check
	@echo "agent-lint: ok"
