# Career Kit tasks. `make serve` runs the app; `make test` runs every test.
# Both first run .ci/setup, which installs whatever is missing (idempotent).
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CARGO_TERM_PROGRESS_WHEN := never

# Public URL the site is served under: `/` at a host's root, `/career-kit/` on a project page.
BASE ?= /
# The deployment's origin (`https://example.org`, no path), for canonical links, hreflang
# alternates and sitemap.xml; without it pages link to each other by path and no sitemap is made.
SITE ?=
# The end-to-end tests serve dist/ under a sub-path, as a project-page host would.
E2E_BASE := /career-kit/
E2E_SITE := https://career-kit.example

.PHONY: serve test dist size bench fuzz lighthouse content-report setup setup-test test-web test-e2e

## Run the app on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve

## Every test: native domain tests, browser tests in headless Chromium, end-to-end tests
## against the release build, and the size budget.
test: setup-test
	@echo "== 0/4 formatting (cargo fmt --check; rustfmt.toml) =="
	cargo fmt --check
	@echo "== 1/4 native tests (domain, content validation) =="
	@s=$$SECONDS; cargo test --lib; echo "native layer: $$((SECONDS - s)) s"
	@echo "== 2/4 browser tests (wasm-bindgen-test, headless Chromium) =="
	@s=$$SECONDS; $(MAKE) --no-print-directory test-web; echo "browser layer: $$((SECONDS - s)) s"
	@echo "== 3/4 end-to-end tests (release build under $(E2E_BASE)) =="
	@s=$$SECONDS; $(MAKE) --no-print-directory dist BASE=$(E2E_BASE) SITE=$(E2E_SITE); echo "release build: $$((SECONDS - s)) s"
	@s=$$SECONDS; $(MAKE) --no-print-directory test-e2e; echo "end-to-end layer: $$((SECONDS - s)) s"
	@echo "== 4/4 size report and budget =="
	node tests/size-report.mjs dist

test-web:
	CHROMEDRIVER=$$(command -v chromedriver) WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/tests/webdriver.json \
	  WASM_BINDGEN_TEST_TIMEOUT=60 cargo test --target wasm32-unknown-unknown --test web

test-e2e:
	E2E_DIST=$(CURDIR)/dist E2E_BASE=$(E2E_BASE) cargo test --test e2e -- --test-threads=1

## The deployable static site in dist/, for the public URL in BASE.
dist: setup
	trunk build --release --public-url $(BASE) --features split
	@# Every page but the home page into chunks of their own, fetched when first opened.
	node tools/split.mjs dist
	@# The pack index in the page, so the interface texts are asked for at once.
	node tools/inline-index.mjs dist
	@# The first screen paints before the wasm is asked for (Trunk preloads it from <head>).
	node tools/loader.mjs dist
	@# The Content Security Policy, with the hash of Trunk's inline loader from this build.
	node tools/csp.mjs dist
	@# The service worker, with this build's files to keep for offline use.
	node tools/sw.mjs dist
	@# Static hosts without rewrite rules serve 404.html for unknown paths: make it the app.
	cp dist/index.html dist/404.html
	@# A real page for every content route, in every language of its pack (status 200 on any
	@# host, readable without JavaScript), robots.txt and, with SITE, sitemap.xml.
	cargo run --quiet --features packc --bin prerender -- dist $(BASE) "$(SITE)"

## Build the release and print raw, gzip and brotli bytes per file and for the first load.
size: dist
	node tests/size-report.mjs dist

## Benchmarks (figures, not pass/fail): search per keystroke at 1,000 and 10,000 resources, and a
## status change + save on a full plan; natively, then in headless Chromium with and without 4x
## CPU throttling; and interaction to next paint (ticking a task, typing in search) on the
## release build at 4x CPU.
bench: setup-test
	cargo run --release --features packc --example search_bench
	cargo build --release --example bench_web --target wasm32-unknown-unknown
	rm -rf target/bench-site && mkdir -p target/bench-site
	wasm-bindgen --target web --no-typescript --out-dir target/bench-site --out-name bench \
	  target/wasm32-unknown-unknown/release/examples/bench_web.wasm
	cargo run --quiet --features packc --bin packc -- content target/packs
	cp "$$(ls -S target/packs/*.en.*.json | head -1)" target/bench-site/pack.json
	printf '%s\n' '<!doctype html><html lang="en"><meta charset="utf-8"><title>Career Kit benchmarks</title>' \
	  '<pre id="out">loading</pre><script type="module">import init from "./bench.js"; init();</script></html>' \
	  > target/bench-site/bench.html
	$(MAKE) --no-print-directory dist BASE=$(E2E_BASE)
	E2E_DIST=$(CURDIR)/dist E2E_BASE=$(E2E_BASE) CHROMEDRIVER=$$(command -v chromedriver) \
	  cargo test --release --test bench_browser -- --ignored --nocapture --test-threads=1

## What in the content packs may no longer be true: sources checked more than 12 months ago,
## pages or texts naming a year before last year, facts without a source. Prints, never fails.
content-report:
	cargo run --quiet --features packc --bin packc -- --freshness content

## A property campaign of 200,000 cases over the link, address and backup-file decoders
## (random bytes, random text, damaged links and files); prints the count. `make test` runs 5,000.
fuzz:
	cargo test --release --lib fuzz_decoders -- --ignored --nocapture

## Lighthouse mobile (simulated slow 4G, 4x CPU) on the release build served gzip-compressed
## under /career-kit/ from 127.0.0.1 by a plain static server (no rewrites: deep routes answer
## with their pre-rendered page), for every route in LH_ROUTES (the home page and the routes
## advisers share), LH_RUNS times each (default 3): per route each run, the median, and whether
## each of issue 9's budgets (performance, LCP, accessibility, best practices) held; then one
## line per route side by side. Close other work first: the figures follow the machine's load.
LH_RUNS ?= 3
LH_ROUTES ?= / /checklist/no /checklist/no/register-business /resources/no /checklist/de?lang=ar /resources/de?q=steuer /print/no
lighthouse: setup-test
	$(MAKE) --no-print-directory dist BASE=/career-kit/
	@node tools/serve.mjs dist /career-kit/ 8181 & server=$$!; trap "kill $$server" EXIT; sleep 1; \
	  rm -rf target/lighthouse && mkdir -p target/lighthouse; \
	  for route in $(LH_ROUTES); do \
	    slug=$$(printf '%s' "$$route" | tr -c 'a-zA-Z0-9' '_'); \
	    for run in $$(seq 1 $(LH_RUNS)); do \
	      CHROME_PATH=$$(command -v chromium) lighthouse "http://127.0.0.1:8181/career-kit$$route" --quiet \
	        --chrome-flags="--headless=new --no-sandbox" --only-categories=performance,accessibility,best-practices \
	        --output=json --output-path=target/lighthouse/$$slug-$$run.json || echo "lighthouse could not test $$route"; \
	    done; \
	    echo "== $$route =="; node tools/lighthouse-report.mjs target/lighthouse/$$slug-*.json || true; \
	  done; \
	  node tools/lighthouse-routes.mjs target/lighthouse

setup:
	@.ci/setup

setup-test:
	@.ci/setup --test
