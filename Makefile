# The two commands of the README. Both install what is missing first.

.PHONY: run test bench release run-release test-release

# Build and run Jobunivers at http://127.0.0.1:3000 with demo data on first start.
run:
	bash .ci/setup
	cargo leptos build --split
	target/debug/jobunivers serve --seed-demo-if-empty

# The production build: server and WebAssembly optimised (wasm-opt from npm's binaryen,
# which the set-up installs under style/), static files named after their content and
# compressed once. The site goes to target/site-release, the server to target/release.
release:
	bash .ci/setup
	PATH="$(CURDIR)/style/node_modules/.bin:$$PATH" LEPTOS_SITE_ROOT=target/site-release LEPTOS_HASH_FILES=true \
	  cargo leptos build --release --precompress --split
	# Without the list of parts, pages do not name the WebAssembly parts they need
	# (leptos adds a preload link per part, some 50 on a search page, which cost a
	# fifth of the page's time under load); the app's loader fetches them as soon
	# as the main file runs, and browsers keep them a year.
	rm -f target/site-release/pkg/__wasm_split_manifest*

# Run the production build (after make release), with demo data on first start.
run-release:
	JOBUNIVERS_SITE_ROOT=target/site-release target/release/jobunivers serve --seed-demo-if-empty

# The end-to-end suite against the production build (hydration is what a broken
# optimiser breaks, and only a browser sees it).
test-release: release
	bash .ci/setup --test
	E2E_BUILD=release bash .ci/e2e

# Every test: Rust (SQLite and PostgreSQL), then end-to-end in Chromium (JS on and off).
test:
	bash .ci/test

# Search engines compared on a generated corpus, then imports and feed paging (release build;
# needs PostgreSQL, see .ci/postgres).
bench:
	bash .ci/setup --test
	RUSTFLAGS="--cfg erase_components" LEPTOS_OUTPUT_NAME=jobunivers cargo build --release -p server --bin jobunivers
	TEST_POSTGRES_URL=$$(bash .ci/postgres) target/release/jobunivers bench
	TEST_POSTGRES_URL=$$(bash .ci/postgres) target/release/jobunivers bench --index cvs --sizes 100000,1000000
	TEST_POSTGRES_URL=$$(bash .ci/postgres) target/release/jobunivers bench --index feed --sizes 1000000
