#!/usr/bin/env bash
# The house habits, as `make test-lint` checks them: Rust formatted (cargo fmt), clippy with
# warnings as errors over every target, and the UI's Biome lint (which bans markup sinks such as
# innerHTML: ui/lint/no-html-sinks.grit), and the layers: the core library builds with none of the
# adapters' dependencies (no clap, no HTTP server, no ts-rs, no data folder), so a use of one in
# the core fails here. Each check counts once.
set -u
passed=0
failed=0
check() {
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
check "cargo fmt --check" cargo fmt --all -- --check
check "cargo clippy -D warnings" cargo clippy --workspace --all-targets -- -D warnings
check "core without adapters" cargo clippy -p storyline --lib --no-default-features -- -D warnings
check "biome lint (ui)" bash -c 'cd ui && npm run --silent lint'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
