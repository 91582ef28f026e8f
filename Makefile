# make run   install, migrate, ingest seeds/, ensure a local admin, serve at http://127.0.0.1:8000
# make test  install, then the whole test suite (real PostgreSQL, real Chromium)
# make bench the performance benchmarks; results in var/bench/latest.json

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test bench screenshots lint clean

install: $(STAMP)

$(STAMP): pyproject.toml .ci/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c .ci/constraints.txt -e ".[dev]"
	touch $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py ingest seeds/
	$(BIN)/python manage.py ensure_local_admin --url http://$(HOST):$(PORT)
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python manage.py bench

screenshots: install
	README_SHOTS=1 $(BIN)/python -m pytest -m browser tests/browser/test_graphs.py tests/browser/test_disagreements_and_import.py

lint: install
	$(BIN)/ruff check analysis tests

clean:
	rm -rf var/ test-results/
