# The two commands of the README. Both install what is missing first.

.PHONY: run test

# Build and run Jobunivers at http://127.0.0.1:3000 with demo data on first start.
run:
	bash .ci/setup
	cargo leptos build
	target/debug/jobunivers serve --seed-demo-if-empty

# Every test: Rust (SQLite and PostgreSQL), then end-to-end in Chromium (JS on and off).
test:
	bash .ci/test
