# unionsite: the two commands of the quick start are `make site` and `make test`.
SWIFT ?= swift
ROOT ?= .
DATE ?=

.PHONY: site build release test unit conformance bench bench-serve bench-bodies bench-smoke clean

## Install what is missing, build, and generate the bundled sample site into public/.
site: release
	.build/release/unionsite build --root $(ROOT) $(if $(DATE),--date $(DATE))

release:
	scripts/install-deps
	$(SWIFT) build -c release --product unionsite

build:
	scripts/install-deps
	$(SWIFT) build

## Every test: Swift unit and end-to-end tests, the browser and validator gate, then the
## benchmark at N = 200 with the debug binary (it proves the benchmark runs; no time is asserted).
test: unit conformance bench-smoke

unit:
	scripts/install-deps
	$(SWIFT) test

conformance:
	scripts/run-conformance

## The benchmarks (see docs/performance.md): full builds against Hugo and cmark, then what
## tables and footnotes in every article cost (issue 14), and
## `serve` from a saved edit to the reload event on a 10,000-article site.
bench:
	scripts/bench
	scripts/bench-guidance

bench-serve:
	scripts/bench-serve

## What guidance Markdown costs one body, on one thread (steadier than whole builds).
bench-bodies:
	scripts/bench-bodies

bench-smoke:
	$(SWIFT) build --product unionsite
	scripts/bench --quick --skip-hugo --bin .build/debug/unionsite --out .build/bench-smoke
	scripts/bench-guidance --n 200 --rounds 1 --binary .build/debug/unionsite --out .build/bench-smoke

clean:
	rm -rf .build public
