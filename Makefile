# depeches — `make` builds dist/ from seeds/; `make test` checks everything.
SHELL := /bin/bash
.DEFAULT_GOAL := all
NPM_STAMP := node_modules/.package-lock.json
BUILD_STAMP := build/.stamp
SOURCES := $(wildcard bench/*.ts) $(shell find pipeline scripts -type f -name '*.ts' -o -type f -name '*.mjs' -o -type f -path 'pipeline/reference/*' 2>/dev/null) $(wildcard schemas/*.json) package.json tsconfig.json
CLI := node build/pipeline/cli.js

.PHONY: all dist test lint typecheck unit rebuild-check generated-check clean bench help \
	release browser-deps notebook-deps notebook readme-deps

all: dist

help:
	@echo "make        install what is missing, build, write dist/ from seeds/"
	@echo "make test   lint, type-check, generated-code check, vitest, and a rebuild that must equal dist/"
	@echo "make release  dist/release/depeches-<version>.zip and .tar.gz (reproducible; not committed)"
	@echo "make bench  throughput and memory on 10k and 100k-article corpora (BENCH=\"1000 5000\" for others; BENCH_JOBS=2, BENCH_FORMATS=parquet)"
	@echo "make clean  drop build/ and .cache/ (compiled code, the per-article result cache, the README test's Python environment, scratch)"

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

pipeline/_generated/tables.ts: $(wildcard schemas/*.json) scripts/gen-types.mjs
	node scripts/gen-types.mjs

$(BUILD_STAMP): $(NPM_STAMP) $(SOURCES) pipeline/_generated/tables.ts
	npx tsc -p tsconfig.json
	@chmod +x build/pipeline/cli.js
	@touch $@

# the CLI leaves dist/ untouched when the new build is byte-identical. dist/release/ (archives of
# `make release`, git-ignored) is not part of the build: it is set aside during it, and put back only
# when the data did not change (else the archives would describe an older dataset).
dist: $(BUILD_STAMP)
	@rm -rf .cache/release-kept; if [ -d dist/release ]; then mkdir -p .cache/release-kept && \
	  mv dist/release .cache/release-kept/release && cp dist/SHA256SUMS .cache/release-kept/SHA256SUMS; fi
	$(CLI) build seeds --out dist --cache .cache/docs
	@if [ -d .cache/release-kept/release ]; then \
	  if cmp -s .cache/release-kept/SHA256SUMS dist/SHA256SUMS; then mv .cache/release-kept/release dist/release; \
	  else echo "dist/ changed: the old dist/release/ archives were dropped (run 'make release')"; fi; \
	  rm -rf .cache/release-kept; fi

# reproducible archives of dist/ (same bytes on every run; SOURCE_DATE_EPOCH sets their timestamps)
release: dist
	node build/pipeline/release/cli.js --dist dist --out dist/release

# Debian packages the tests need (CI runs as root on Debian 12 with apt reachable); nothing when present
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }
	@test -x /usr/bin/time || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y time; }

# benchmark corpora of 10,000 and 100,000 articles (bench/corpus/, git-ignored), timed with GNU time;
# prints articles/s, MB/s, peak RSS and the 1 → 2 jobs speed-up. Never fails a build. BENCH="1000 5000"
# picks other sizes, BENCH_JOBS="2" one configuration, BENCH_FORMATS=parquet the --formats of the builds.
BENCH ?= 10000 100000
bench: $(BUILD_STAMP) browser-deps
	node build/bench/run.js $(BENCH)

# what the README's blocks need (tests/readme/snippets.test.ts runs them): the Python readers pinned in
# tests/readme/requirements.txt, in a virtual environment under .cache/ (git-ignored) made with the
# python3 on PATH, and R's readr from Debian (--no-install-recommends: readr alone). PIP_RETRIES=0: pip
# fails at once instead of retrying an index this machine cannot reach.
VENV := .cache/venv
$(VENV)/.stamp: tests/readme/requirements.txt
	rm -rf $(VENV)
	python3 -m venv $(VENV)
	PIP_RETRIES=0 PIP_TIMEOUT=5 $(VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/readme/requirements.txt
	@touch $@

readme-deps: $(VENV)/.stamp
	@Rscript -e 'library(readr)' >/dev/null 2>&1 || { apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-base-core r-cran-readr; }

PY := /usr/bin/python3
notebook-deps:
	@$(PY) -c 'import pandas, matplotlib, nbclient, ipykernel, nbconvert' 2>/dev/null || { apt-get update && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pandas python3-matplotlib python3-nbclient \
	  python3-ipykernel jupyter-nbconvert; }

# runs the Python notebook against dist/ (in `make test` it runs after rebuild-check has shown dist/ equals
# a fresh build); the executed copy goes to .cache/, never over the source
notebook: notebook-deps
	@mkdir -p .cache/notebooks
	cd notebooks && PYDEVD_DISABLE_FILE_VALIDATION=1 $(PY) -m nbconvert --to notebook --execute explore.ipynb \
	  --ExecutePreprocessor.timeout=300 --ExecutePreprocessor.kernel_name=python3 \
	  --output-dir ../.cache/notebooks --output explore.executed.ipynb

generated-check: $(NPM_STAMP)
	node scripts/gen-types.mjs
	@git diff --exit-code -- pipeline/_generated || { echo "pipeline/_generated is stale: run 'node scripts/gen-types.mjs' and commit"; exit 1; }

lint: $(NPM_STAMP)
	npx biome check .

typecheck: $(BUILD_STAMP)

unit: $(BUILD_STAMP) browser-deps readme-deps
	@mkdir -p .cache
	@rm -f .cache/vitest.json
	npx vitest run --reporter=default --reporter=json --outputFile.json=.cache/vitest.json

rebuild-check: $(BUILD_STAMP)
	@rm -rf .cache/rebuild
	$(CLI) build seeds --out .cache/rebuild --quiet
	@diff -r -x release .cache/rebuild dist > /dev/null || { diff -r -x release .cache/rebuild dist | head -20; echo "dist/ differs from a fresh build of seeds/: run 'make' and commit dist/"; exit 1; }
	@echo "rebuild-check: dist/ is byte-identical to a fresh build"

test: generated-check lint typecheck unit rebuild-check notebook

clean:
	rm -rf build .cache
