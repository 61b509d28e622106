# AfterSales: `make demo` builds and shows it working on generated data; `make test` runs every test.
# Both install what is missing (system packages through apt-get) first.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

PREFIX ?= /usr/local
BINARIES := aftersales aftersales-import aftersales-api

.PHONY: all deps build test lint format demo bench fuzz clean install schemathesis schemathesis-env client

all: build

# System packages: SQLite and libxml2 headers (pkg-config finds them), the sqlite3 shell (tests compare
# `sqlite3 .dump`), iconv (GB18030 fixtures), python3 (tests read mailboxes with its mailbox module), chromium
# (headless, the printable pages' tests), xmllint (the reader's schema checks are compared with it) and,
# for `make bench`, wrk.
deps:
	@missing=""; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v sqlite3 >/dev/null || missing="$$missing sqlite3"; \
	command -v iconv >/dev/null || missing="$$missing libc-bin"; \
	command -v xmllint >/dev/null || missing="$$missing libxml2-utils"; \
	[ -x /usr/bin/python3 ] || missing="$$missing python3"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is required (swift.org/install); not found on PATH" >&2; exit 1; }

build: deps
	$(SWIFT) build

# Then the API against its description: schemathesis, bounded to a few minutes (Tools/schemathesis.sh).
test: deps lint schemathesis-env
	$(SWIFT) build --build-tests
	$(SWIFT) test
	bash Tools/schemathesis.sh

# schemathesis (pinned in Tools/schemathesis-requirements.txt) in a virtual environment of its own, .venv.
schemathesis-env: deps
	@python3 -c 'import venv, ensurepip' 2>/dev/null || { \
		echo "installing: python3-venv"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv; }
	@[ -x .venv/bin/schemathesis ] && cmp -s Tools/schemathesis-requirements.txt .venv/requirements.txt || { \
		python3 -m venv .venv && .venv/bin/pip install -q -r Tools/schemathesis-requirements.txt && \
		cp Tools/schemathesis-requirements.txt .venv/requirements.txt; }

# The API against Docs/openapi.yaml: every schemathesis phase and check, on a real aftersales-api (debug build) over
# seeded data (Tools/schemathesis.sh); `make test` runs it too. A longer run: ST_MAX_EXAMPLES=50 make schemathesis.
schemathesis: schemathesis-env
	$(SWIFT) build
	bash Tools/schemathesis.sh

# The client GeneratedClientTests use, generated from Docs/openapi.yaml by swift-openapi-generator into
# Tests/GeneratedClientTests/Generated with the spec's SHA-256 beside it (a test fails when the spec changed since).
# The generator is built here, in .build-openapi, as a tool of its own (Tools/OpenAPIGenerator): never a build plugin,
# so `make test` compiles the committed code and never the generator. Run it after every change to the spec.
CLIENT := Tests/GeneratedClientTests
client: deps
	$(SWIFT) build --package-path Tools/OpenAPIGenerator --scratch-path .build-openapi -c release \
		--product swift-openapi-generator
	rm -rf $(CLIENT)/Generated && mkdir -p $(CLIENT)/Generated
	"$$($(SWIFT) build --package-path Tools/OpenAPIGenerator --scratch-path .build-openapi -c release \
		--show-bin-path)/swift-openapi-generator" generate Docs/openapi.yaml \
		--config $(CLIENT)/openapi-generator-config.yaml --output-directory $(CLIENT)/Generated
	sha256sum Docs/openapi.yaml >$(CLIENT)/Generated/openapi.yaml.sha256

# The code's shape: swift-format's layout (.swift-format: 4 spaces, 120 columns) and no line over 120 characters in
# Modules, Apps and Tools (string literals and comments too, which the formatter does not break). `make format` fixes
# the layout; a long literal is split by hand (or with a trailing \ inside a multi-line literal, which keeps the text).
lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Modules Apps Tools Tests
	@long=$$(LC_ALL=C.UTF-8 grep -rnP --include='*.swift' '^.{121,}' Modules Apps Tools || true); \
	if [ -n "$$long" ]; then echo "$$long" | cut -c1-160; echo "lines over 120 characters (above)" >&2; exit 1; fi

format:
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Modules Apps Tools Tests

demo: build
	bash Tools/demo.sh

# The three binaries, built for release, into $(PREFIX)/bin (default /usr/local/bin; PREFIX=$$HOME/.local for no root).
install: deps
	$(SWIFT) build -c release
	mkdir -p "$(PREFIX)/bin"
	for b in $(BINARIES); do install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/$$b" "$(PREFIX)/bin/$$b"; done
	@echo "installed $(BINARIES) in $(PREFIX)/bin"

bench: deps
	@missing=""; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v xmllint >/dev/null || missing="$$missing libxml2-utils"; \
	python3 -c 'import venv' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(SWIFT) build -c release
	bash Tools/bench.sh
	bash Tools/bench/import.sh

# libFuzzer on the parsers of untrusted input (manufacturer reader, segment filters, CSV, templates), FUZZ_SECONDS
# each (default 600); never part of make test, which replays the seeds and found inputs instead. Docs/testing.md.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) bash Tools/Fuzz/fuzz.sh

clean:
	rm -rf .build .build-openapi demo bench-out
