# The two commands of the README. Both install what is missing first.

.PHONY: run test bench

# Build and run Jobunivers at http://127.0.0.1:3000 with demo data on first start.
run:
	bash .ci/setup
	cargo leptos build
	target/debug/jobunivers serve --seed-demo-if-empty

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
