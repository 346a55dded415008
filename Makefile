# depeches — `make` builds dist/ from seeds/; `make test` checks everything.
SHELL := /bin/bash
.DEFAULT_GOAL := all
NPM_STAMP := node_modules/.package-lock.json
BUILD_STAMP := build/.stamp
SOURCES := $(shell find pipeline scripts -type f -name '*.ts' -o -type f -name '*.mjs' -o -type f -path 'pipeline/reference/*' 2>/dev/null) $(wildcard schemas/*.json) package.json tsconfig.json
CLI := node build/pipeline/cli.js

.PHONY: all dist test lint typecheck unit rebuild-check generated-check clean bench help

all: dist

help:
	@echo "make        install what is missing, build, write dist/ from seeds/"
	@echo "make test   lint, type-check, generated-code check, vitest, and a rebuild that must equal dist/"

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

pipeline/_generated/tables.ts: $(wildcard schemas/*.json) scripts/gen-types.mjs
	node scripts/gen-types.mjs

$(BUILD_STAMP): $(NPM_STAMP) $(SOURCES) pipeline/_generated/tables.ts
	npx tsc -p tsconfig.json
	@chmod +x build/pipeline/cli.js
	@touch $@

# the CLI leaves dist/ untouched when the new build is byte-identical
dist: $(BUILD_STAMP)
	$(CLI) build seeds --out dist

generated-check: $(NPM_STAMP)
	node scripts/gen-types.mjs
	@git diff --exit-code -- pipeline/_generated || { echo "pipeline/_generated is stale: run 'node scripts/gen-types.mjs' and commit"; exit 1; }

lint: $(NPM_STAMP)
	npx biome check .

typecheck: $(BUILD_STAMP)

unit: $(BUILD_STAMP)
	@mkdir -p .cache
	@rm -f .cache/vitest.json
	npx vitest run --reporter=default --reporter=json --outputFile.json=.cache/vitest.json

rebuild-check: $(BUILD_STAMP)
	@rm -rf .cache/rebuild
	$(CLI) build seeds --out .cache/rebuild --quiet
	@diff -r .cache/rebuild dist > /dev/null || { diff -r .cache/rebuild dist | head -20; echo "dist/ differs from a fresh build of seeds/: run 'make' and commit dist/"; exit 1; }
	@echo "rebuild-check: dist/ is byte-identical to a fresh build"

test: generated-check lint typecheck unit rebuild-check

clean:
	rm -rf build .cache
