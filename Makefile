# Remodel — every task a developer or CI runs. The README names two: `make run` and `make test`.
# Both install what is missing first (.ci/setup is idempotent: a second run takes seconds).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM := wasm32-unknown-unknown
PORT ?= 8080
# In-browser Rust tests: wasm-bindgen's runner drives Debian's headless Chromium; the a* map's SIMD
# kernel (tests/web_analysis.rs) also runs in Firefox and in WebKitGTK (no headless mode: on a
# virtual display, as the engine journeys).
WASM_RUNNER := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
WASM_TEST_ENV := $(WASM_RUNNER) CHROMEDRIVER=/usr/bin/chromedriver

.PHONY: run test setup setup-test build serve lint test-native test-wasm e2e engines size bench icons clean

## run: install what is missing, build the release app, serve it on http://127.0.0.1:$(PORT)
run: setup build serve

## test: install what is missing, then lint, native tests, browser tests, release build, e2e
## (Playwright in Chromium), and the core journeys in Chromium, WebKit and Firefox
test: setup-test lint test-native test-wasm build size-check e2e engines

setup:
	.ci/setup

setup-test:
	.ci/setup --test

## build: the app into dist/, the clinic kit into dist/kit/ and the photos app into dist/photos/,
## then the service worker's list of photos files (.ci/seal.mjs) and the compressed copies of
## every text and wasm file (.ci/compress.mjs)
build:
	trunk build --release
	trunk build --release --dist dist/kit --public-url /kit/ kit/index.html
	trunk build --release --dist dist/photos --public-url /photos/ photos/index.html
	node .ci/seal.mjs dist
	node .ci/compress.mjs dist

serve:
	node .ci/serve.mjs dist $(PORT)

lint:
	node .ci/imports.mjs
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM) -- -D warnings

test-native:
	cargo test

test-wasm:
	$(WASM_TEST_ENV) cargo test --target $(WASM) --test 'web_*'
	$(WASM_RUNNER) GECKODRIVER=geckodriver cargo test --target $(WASM) --test web_analysis
	xvfb-run -a -s "-screen 0 1280x1024x24" env $(WASM_RUNNER) SAFARIDRIVER=WebKitWebDriver \
		cargo test --target $(WASM) --test web_analysis

e2e:
	playwright test --config e2e/playwright.config.mjs

## engines: the core journeys in Chromium, WebKit and Firefox through WebDriver (needs dist/).
## ENGINES=webkit JOURNEYS=diary,offline make engines runs a subset.
engines:
	node --test --test-reporter=spec e2e/engines/journeys.test.mjs

## size: the release build's bytes per file and in total (raw, gzip -9, brotli -q 11)
size:
	@[ -d dist/kit ] || $(MAKE) build
	node .ci/size.mjs dist

size-check:
	node .ci/size.mjs dist --check

## bench: every speed and size benchmark, with its ratio against the named peer or budget
## bench: every benchmark, each run even when an earlier one missed; then the list of those that
## missed a target, and a failing exit when there are any.
BENCHES := .ci/size.mjs e2e/bench-first-visit.mjs e2e/bench-render.mjs e2e/bench-gallery.mjs \
	e2e/bench-ingest.mjs e2e/bench-main-thread.mjs e2e/bench-compare.mjs e2e/bench-backup.mjs
bench: build
	@missed=""; for bench in $(BENCHES); do \
		args=""; [ "$$bench" = .ci/size.mjs ] && args="dist --check"; \
		echo "== $$bench"; node $$bench $$args || missed="$$missed $$bench"; \
	done; \
	if [ -n "$$missed" ]; then echo "make bench: targets missed in:$$missed"; exit 1; fi; \
	echo "make bench: every target met"

icons:
	python3 .ci/make-icons.py

clean:
	cargo clean
	rm -rf dist test-results
