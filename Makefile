# unionsite: the two commands of the quick start are `make site` and `make test`.
SWIFT ?= swift
ROOT ?= .
DATE ?=

.PHONY: site build release test unit conformance bench bench-serve clean

## Install what is missing, build, and generate the bundled sample site into public/.
site: release
	.build/release/unionsite build --root $(ROOT) $(if $(DATE),--date $(DATE))

release:
	scripts/install-deps
	$(SWIFT) build -c release --product unionsite

build:
	scripts/install-deps
	$(SWIFT) build

## Every test: Swift unit and end-to-end tests, then the browser and validator gate.
test: unit conformance

unit:
	scripts/install-deps
	$(SWIFT) test

conformance:
	scripts/run-conformance

## The benchmarks (see docs/performance.md): full builds against Hugo and cmark, and
## `serve` from a saved edit to the reload event on a 10,000-article site.
bench:
	scripts/bench

bench-serve:
	scripts/bench-serve

clean:
	rm -rf .build public
