# SafeComms: `make run` serves the demo on SQLite; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := safecomms.config.settings

.PHONY: run test setup assets migrate demo lint typecheck test-sqlite test-postgres test-browser bench bench-screening bench-chatlogs clean

setup: $(VENV)/.installed node_modules/.installed assets

$(VENV)/.installed: pyproject.toml
	mkdir -p var
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend's Sass is compiled with our asset path, so fonts and images are served from /static/.
assets: var/static/.built
var/static/.built: node_modules/.installed $(shell find src/safecomms/frontend -type f 2>/dev/null)
	mkdir -p src/safecomms/frontend/build
	npx --no-install sass --quiet --no-source-map --style=compressed --load-path=node_modules \
		src/safecomms/frontend/scss/application.scss src/safecomms/frontend/build/application.css
	$(BIN)/python -m django collectstatic --noinput --verbosity 0
	touch $@

migrate: setup
	$(BIN)/python -m django migrate --noinput --verbosity 0

demo: migrate
	$(BIN)/python -m django seed_demo

run: demo
	$(BIN)/safecomms serve --port $(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: $(VENV)/.installed
	$(BIN)/mypy

test: setup
	./scripts/test.sh

bench: bench-screening bench-chatlogs

bench-screening: setup
	./bench/screening/run.sh

bench-chatlogs: setup
	./bench/chatlogs/run.sh

clean:
	rm -rf $(VENV) node_modules var src/safecomms/frontend/build
