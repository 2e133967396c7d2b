# Storyline: one command to set up, one to run, one to test, on a fresh Debian 12 machine.
#
#   make run    install what is missing, build the UI and the desktop app, open the window
#   make test   install what is missing, then run every test suite; each prints a summary line,
#               every suite runs even if an earlier one fails, and any failure fails `make test`
#
# Everything here is idempotent: `make deps` on a machine that has everything takes a second.
# Nothing that a test relies on is cached inside the clone: downloads and the Python venv live in
# $(STORYLINE_CACHE) (default ~/.cache/storyline); build output lives in target/ and ui/dist/, and
# cargo's compiled intermediates in one folder per machine that every clone shares
# (~/.cargo/build/storyline, set in .cargo/config.toml), so a fresh clone compiles only its own crates.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT            := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
STORYLINE_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/storyline
VENV            := $(STORYLINE_CACHE)/venv
LOGS            := $(ROOT)/target/test-logs
CARGO_DIR       := $(or $(CARGO_HOME),$(HOME)/.cargo)
CARGO_HOME_BIN  := $(CARGO_DIR)/bin
# Where .cargo/config.toml puts cargo's intermediates: shared by every clone on this machine.
CARGO_BUILD_DIR := $(CARGO_DIR)/build/storyline
export PATH     := $(CARGO_HOME_BIN):$(PATH)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian's own interpreter: python3-venv belongs to it (a pyenv shim may shadow it on PATH).
PYTHON := $(shell [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)

# Tauri 2 on WebKitGTK 4.1; the real-window test (Xvfb, WebKitWebDriver, ImageMagick for the
# screenshot, xdotool to answer the save dialog, a session bus); CJK fonts so Chinese renders; Chromium for the browser tests;
# OpenCC and Unihan data for the core's script folding.
APT_PACKAGES := libwebkit2gtk-4.1-dev build-essential curl wget file libssl-dev \
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev pkg-config \
  xvfb xauth webkit2gtk-driver imagemagick xdotool dbus-x11 at-spi2-core \
  fonts-dejavu-core fonts-noto-cjk chromium \
  libopencc-dev opencc unicode-data python3-venv python3-pip python3-icalendar util-linux procps ca-certificates

DESKTOP_BIN := $(ROOT)/target/debug/storyline-desktop
CLI_BIN     := $(ROOT)/target/debug/storyline
# Each suite is one target; `make test` runs them all. Order: cheapest first.
SUITES := lint rust ui e2e timelinejs desktop deny package

.PHONY: help deps deps-apt deps-toolchain deps-tauri-driver deps-cargo-deb deps-cargo-deny package deps-npm deps-python \
        ui build build-cli build-desktop run screenshot bench-e2e test have-ui have-e2e have-timelinejs $(addprefix test-,$(SUITES))

help:
	@echo "make run    set up, build and open the Storyline window"
	@echo "make test   set up, build and run every test suite ($(SUITES))"
	@echo "make deps   only install what is missing"
	@echo "make screenshot   docs/screenshot-desktop.png of the real window under Xvfb"
	@echo "make package   a Debian package (target/debian/*.deb) of the desktop app and the CLI"
	@echo "make bench-e2e   Storyline and the Python yardstick side by side on N generated articles (N=10000)"

# ---------------------------------------------------------------- set-up

deps: deps-apt deps-toolchain deps-tauri-driver deps-cargo-deb deps-cargo-deny deps-npm deps-python

deps-apt:
	@missing=$$(for p in $(APT_PACKAGES); do \
	    dpkg-query -W -f='$${db:Status-Abbrev}' "$$p" 2>/dev/null | grep -q '^ii' || echo "$$p"; done); \
	if [ -z "$$missing" ]; then echo "deps: apt packages present"; else \
	  echo "deps: installing apt packages:" $$missing; \
	  $(SUDO) apt-get update; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

deps-toolchain:
	@command -v cargo >/dev/null || { echo "deps: Rust is missing: install it with rustup (https://rustup.rs)"; exit 1; }
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "deps: Node.js 20+ and npm are missing"; exit 1; }
	@major=$$(node -p 'process.versions.node.split(".")[0]'); [ "$$major" -ge 20 ] || \
	  { echo "deps: Node.js 20 or newer is needed (found $$(node --version))"; exit 1; }
	@build="$(CARGO_BUILD_DIR)"; if [ -d "$$build" ] && [ "$$(du -s -BG "$$build" | cut -f1 | tr -d G)" -gt 40 ]; then \
	  echo "deps: emptying the shared build folder $$build (past 40 GB)"; rm -rf "$$build"; fi

# $(call cargo-tool,CRATE,VERSION PREFIX AS .crates.toml WRITES IT,VERSION REQUIREMENT): install a
# cargo tool unless that version of it is installed.
define cargo-tool
	@if command -v $(1) >/dev/null && grep -qs '^"$(1) $(2)' "$(CARGO_DIR)/.crates.toml"; then \
	  echo "deps: $(1) present"; \
	else echo "deps: installing $(1) $(3)"; cargo install $(1) --locked --version '$(3)'; fi
endef

deps-tauri-driver: deps-toolchain
	$(call cargo-tool,tauri-driver,2\.,^2)

deps-cargo-deb: deps-toolchain
	$(call cargo-tool,cargo-deb,3\.,^3)

deps-cargo-deny: deps-toolchain
	$(call cargo-tool,cargo-deny,0\.20\.,~0.20)

# `npm ci` in each JavaScript package of the repository, when its node_modules is missing or older
# than its package-lock.json.
NPM_DIRS := ui tests/e2e tests/timelinejs
deps-npm: deps-toolchain
	@for d in $(NPM_DIRS); do \
	  [ -f "$$d/package.json" ] || continue; \
	  stamp="$$d/node_modules/.package-lock.json"; \
	  if [ -f "$$stamp" ] && [ ! "$$d/package-lock.json" -nt "$$stamp" ]; then echo "deps: npm packages of $$d present"; \
	  elif [ -f "$$d/package-lock.json" ]; then echo "deps: npm ci in $$d"; (cd "$$d" && npm ci --no-audit --no-fund); \
	  else echo "deps: npm install in $$d (no package-lock.json)"; (cd "$$d" && npm install --no-audit --no-fund); fi; \
	done

deps-python: deps-apt
	@if "$(VENV)/bin/python" -c 'import selenium, sys; sys.exit(int(selenium.__version__.split(".")[0]) != 4)' 2>/dev/null; then \
	  echo "deps: python selenium 4 present"; else \
	  echo "deps: creating $(VENV) with selenium 4"; mkdir -p "$(STORYLINE_CACHE)"; \
	  $(PYTHON) -m venv "$(VENV)"; "$(VENV)/bin/pip" install --quiet --disable-pip-version-check 'selenium>=4,<5'; fi

# ---------------------------------------------------------------- build

# The desktop crate embeds ui/dist when it compiles (even for `cargo test`), so every Rust build
# needs it first. Without ui/package.json an existing ui/dist is used as it is.
ui: deps-npm
	@if [ -f ui/package.json ]; then (cd ui && npm run build); \
	elif [ -f ui/dist/index.html ]; then echo "ui: no ui/package.json; using the existing ui/dist as it is"; \
	else echo "ui: ui/package.json is missing (the web UI is not merged on this branch) and there is no ui/dist"; exit 1; fi

# Both binaries build with the whole workspace selected, so cargo resolves the same features as
# `cargo test --workspace` and reuses its compiled dependencies instead of building them again.
build-cli build-desktop: deps-apt deps-toolchain ui
	cargo build --workspace --bins

build: build-cli build-desktop

# A Debian package of the desktop app and the CLI (cargo-deb, configured in src-tauri/Cargo.toml):
# target/debian/storyline_VERSION_ARCH.deb. Install it with `sudo apt install ./target/debian/*.deb`.
package: deps-apt deps-toolchain deps-cargo-deb ui
	@# One invocation, so the core is compiled once (with the CLI's features) for both binaries.
	cargo build --release -p storyline -p storyline-desktop --bins --features storyline-desktop/custom-protocol
	cargo deb -p storyline-desktop --no-build --output target/debian/
	@ls -l target/debian/*.deb

# End to end against the Python yardstick (benches/e2e/), on one generated corpus in one run.
bench-e2e: deps-apt deps-toolchain
	bash scripts/bench_e2e.sh

run: deps-apt deps-toolchain deps-npm build-desktop
	$(DESKTOP_BIN) $(if $(CORPUS),--corpus $(CORPUS))

screenshot: deps-tauri-driver deps-python build-desktop
	bash tests/desktop/screenshot.sh $(DESKTOP_BIN) docs/screenshot-desktop.png

# ---------------------------------------------------------------- tests

# Runs every suite even when one fails, prints one line per suite, fails if any failed.
test: deps
	@mkdir -p $(LOGS); rm -f $(LOGS)/*.result; failed=""; \
	for s in $(SUITES); do \
	  echo; echo "================ test-$$s"; \
	  $(MAKE) --no-print-directory test-$$s || failed="$$failed $$s"; \
	done; \
	echo; echo "================ summary"; \
	for s in $(SUITES); do \
	  if [[ " $$failed " == *" $$s "* ]]; then st=FAIL; else st=ok; fi; \
	  printf '%-12s %-5s %s\n' "$$s" "$$st" "$$(cat $(LOGS)/$$s.result 2>/dev/null || echo '(no count)')"; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: FAILED:$$failed"; else echo "make test: all suites passed"; fi; \
	cat $(LOGS)/*.result 2>/dev/null | awk '{ p += $$1; f += $$3 } END { printf "total: %d passed, %d failed\n", p, f }'; \
	[ -z "$$failed" ]

# Runs a suite's command, keeps its log, and records its last "N passed, N failed" line.
define run-suite
	@mkdir -p $(LOGS); set +e; ( $(2) ) 2>&1 | tee $(LOGS)/$(1).log; status=$${PIPESTATUS[0]}; set -e; \
	grep -aoE '[0-9]+ passed, [0-9]+ failed' $(LOGS)/$(1).log | tail -1 > $(LOGS)/$(1).result || true; \
	echo "test-$(1): $$(cat $(LOGS)/$(1).result) (exit $$status)"; exit $$status
endef

# cargo prints one "test result" per test binary; the sum becomes the suite's line.
test-rust: deps-apt deps-toolchain ui
	@mkdir -p $(LOGS); set +e; cargo test --workspace $(ARGS) 2>&1 | tee $(LOGS)/rust.log; status=$${PIPESTATUS[0]}; set -e; \
	if ! git diff --quiet -- ui/src/bindings 2>/dev/null || [ -n "$$(git ls-files --others --exclude-standard -- ui/src/bindings 2>/dev/null)" ]; then \
	  echo "test-rust: ui/src/bindings differ from the Rust types: commit the regenerated files" | tee -a $(LOGS)/rust.log; \
	  git status --short -- ui/src/bindings; status=1; fi; \
	awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($$(i+1) ~ /^passed/) p += $$i; if ($$(i+1) ~ /^failed/) f += $$i } } \
	     END { printf "%d passed, %d failed\n", p, f }' $(LOGS)/rust.log > $(LOGS)/rust.result; \
	echo "test-rust: $$(cat $(LOGS)/rust.result) (exit $$status)"; exit $$status

# Suites whose package is not merged yet fail at once, before anything is built for them.
have-ui:
	@[ -f ui/package.json ] || { echo "test-ui: ui/package.json is missing (the web UI is not merged on this branch)"; exit 1; }
have-e2e:
	@[ -f tests/e2e/package.json ] || { echo "test-e2e: tests/e2e/package.json is missing (not merged on this branch)"; exit 1; }
have-timelinejs:
	@[ -f tests/timelinejs/package.json ] || { echo "test-timelinejs: tests/timelinejs/package.json is missing (not merged on this branch)"; exit 1; }

test-ui: have-ui deps-npm
	$(call run-suite,ui,cd ui && npm test)

test-e2e: have-e2e deps-npm build-cli
	$(call run-suite,e2e,cd tests/e2e && STORYLINE_BIN=$(CLI_BIN) npm test)

test-timelinejs: have-timelinejs deps-npm build-cli
	$(call run-suite,timelinejs,cd tests/timelinejs && STORYLINE_BIN=$(CLI_BIN) npm test)

test-desktop: deps-tauri-driver deps-python build-desktop
	$(call run-suite,desktop,xvfb-run -a -s '-screen 0 1280x800x24' $(VENV)/bin/python tests/desktop/test_window.py $(DESKTOP_BIN))

# Formatting, clippy and the UI's lint: a failing habit fails the run.
test-lint: deps-apt deps-toolchain deps-npm ui
	$(call run-suite,lint,bash scripts/lint.sh)

# The Debian package, installed with apt, under the real-window suite; removed after.
test-package: package deps-tauri-driver deps-python
	$(call run-suite,package,bash scripts/package_test.sh $(VENV)/bin/python)

# The dependency tree against deny.toml: bans, licenses, sources; advisories where the RustSec
# database can be fetched (scripts/deny.sh says when it cannot).
test-deny: deps-cargo-deny
	$(call run-suite,deny,bash scripts/deny.sh)
