# xuncha-graph — the two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= var

.PHONY: install ui run test neo4j neo4j-build bench lint clean

UI_SOURCES := $(shell find ui/src -type f 2>/dev/null) ui/index.html ui/vite.config.js

install: $(VENV)/.installed ui

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

## The browser workbench: npm packages exactly as ui/package-lock.json pins them, built into api/static/app.
ui: api/static/app/index.html

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund --loglevel=error

api/static/app/index.html: ui/node_modules/.package-lock.json $(UI_SOURCES)
	cd ui && npm run build --silent

## Generate the scale-1 sample county, load it into the embedded store, serve API + UI on 127.0.0.1:8000.
run: install
	$(BIN)/xuncha sample --out $(DATA)/sample --scale 1 --ledgers
	$(BIN)/xuncha load $(DATA)/sample --replace
	$(BIN)/xuncha user add admin --role admin --if-none
	$(BIN)/xuncha serve --host 127.0.0.1 --port 8000

## Install, start a real Neo4j on 127.0.0.1 (unless NEO4J_URI is set), run the whole suite (browser tests in
## Debian's headless chromium), stop Neo4j.
test: install neo4j-build
	bash tools/with-neo4j.sh $(BIN)/python -m pytest -q --durations=25

## A Neo4j 5.26 server for development, in the foreground (Ctrl-C stops it).
neo4j: neo4j-build
	bash tools/neo4j-dev/start.sh

neo4j-build:
	bash tools/neo4j-dev/build.sh

bench: install neo4j-build
	$(BIN)/python bench/load_embedded.py
	bash tools/with-neo4j.sh $(BIN)/python bench/load_neo4j.py
	bash tools/with-neo4j.sh $(BIN)/python bench/scale.py 1 10 --neo4j 1 10

lint: install
	$(BIN)/ruff check graph api loaders tests bench
	$(BIN)/mypy graph api loaders

clean:
	rm -rf $(VENV) $(DATA) tools/neo4j-dev/target ui/node_modules api/static/app test-output
