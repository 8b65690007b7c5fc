# Clio: the two commands a newcomer needs are `make run` and `make test`.
# Each first installs whatever is missing (scripts/install-deps.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

TAURI := ui/node_modules/.bin/tauri
# The app with its web assets embedded (a plain `cargo build` would load them
# from the Vite dev server instead). Debug profile: quick to build; the tests
# and `make run` share it.
APP := target/debug/clio
DEB_DIR := target/debug/bundle/deb

.PHONY: run test deps test-deps app bundle bench bindings check-rust-style test-rust test-anki test-ui check-format test-e2e test-install clean

## make run: install what is missing, build Clio and open it on its default database
run: deps app
	$(APP)

## make test: install what is missing, then run every test
test: test-deps check-rust-style test-rust test-anki test-ui test-e2e test-install
	@echo "make test: all test suites passed"

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

# Builds the app (with assets embedded) and its .deb in one step.
app:
	$(TAURI) build --debug --bundles deb --ci

# Formatting and lints: rustfmt's layout, and no clippy warning in any target.
check-rust-style:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

test-rust:
	cargo test --workspace --locked

# Clio's .apkg files checked with Anki's own library (.tools/venv, from test-deps).
test-anki: app
	tests/anki/run.sh

test-ui: check-format
	npm --prefix ui test

# The UI's formatting: prettier with the Svelte plugin (ui/.prettierrc.json).
check-format:
	npm --prefix ui run check-format

# One file per screen or concern; one line each, so parallel work merges cleanly.
E2E_TESTS := \
	tests/e2e/app.test.mjs \
	tests/e2e/library.test.mjs \
	tests/e2e/cards.test.mjs \
	tests/e2e/review.test.mjs \
	tests/e2e/quiz.test.mjs \
	tests/e2e/annotations.test.mjs \
	tests/e2e/progress.test.mjs \
	tests/e2e/backups.test.mjs \
	tests/e2e/leech.test.mjs \
	tests/e2e/hostile.test.mjs \
	tests/e2e/browser.test.mjs \
	tests/e2e/daily.test.mjs

test-e2e: app
	tests/e2e/run.sh $(E2E_TESTS)

# Installs the .deb and drives the installed /usr/bin/clio. Needs root (or
# passwordless sudo); it says so loudly where it cannot run.
test-install: app
	tests/e2e/run.sh tests/e2e/install.test.mjs

## make bundle: release .deb and .rpm (offline) under target/release/bundle/
bundle: deps
	$(TAURI) build --bundles deb,rpm --ci
	@ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm

## make bench: start-up time and memory of the release build
bench: test-deps
	$(TAURI) build --no-bundle --ci
	tests/e2e/run.sh --bench target/release/clio

## make bindings: regenerate ui/src/lib/bindings from the Rust types, and
## ui/src/lib/commands.gen.ts (the IPC wrappers) from the Rust commands
bindings:
	UPDATE_BINDINGS=1 cargo test --test bindings --test command_bindings

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
