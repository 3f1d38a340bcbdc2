# xuncha-graph — the two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= var

.PHONY: install run test neo4j neo4j-build bench lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

## Generate the scale-1 sample county, load it into the embedded store, serve API + UI on 127.0.0.1:8000.
run: install
	$(BIN)/xuncha sample --out $(DATA)/sample --scale 1 --ledgers
	$(BIN)/xuncha load $(DATA)/sample --replace
	$(BIN)/xuncha user add admin --role admin --if-none
	$(BIN)/xuncha serve --host 127.0.0.1 --port 8000

## Install, start a real Neo4j on 127.0.0.1 (unless NEO4J_URI is set), run the whole suite, stop Neo4j.
test: install neo4j-build
	bash tools/with-neo4j.sh $(BIN)/python -m pytest -q

## A Neo4j 5.26 server for development, in the foreground (Ctrl-C stops it).
neo4j: neo4j-build
	bash tools/neo4j-dev/start.sh

neo4j-build:
	bash tools/neo4j-dev/build.sh

bench: install neo4j-build
	$(BIN)/python bench/load_embedded.py
	bash tools/with-neo4j.sh $(BIN)/python bench/load_neo4j.py

lint: install
	$(BIN)/ruff check graph api loaders tests bench
	$(BIN)/mypy graph api loaders

clean:
	rm -rf $(VENV) $(DATA) tools/neo4j-dev/target
