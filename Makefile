# complaints-report: one command to build the example reports, one to run every test.
# `make help` lists the targets.

VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help setup system-deps report test test-fast lint format validate-example refresh-notebooks lab clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

setup: $(VENV)/.installed ## Create .venv and install the pinned dependencies and this project

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (complaints-report)" >/dev/null
	touch $@

system-deps: ## Install what the tests need from Debian: poppler-utils (pdfinfo) and chromium
	@if ! command -v pdfinfo >/dev/null || ! command -v chromium >/dev/null; then \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends poppler-utils chromium >/dev/null; \
	fi

report: setup ## Build the example reports (ASC 2020/21, Children's 2021/22) into _output/
	$(BIN)/complaints-report build --year 2020-21 --service asc
	$(BIN)/complaints-report build --year 2021-22 --service childrens

test: setup system-deps lint ## Run every test: lint, unit, golden, notebooks (nbval), report builds, accessibility
	$(PY) -m pytest --nbval --nbval-sanitize-with notebooks/sanitize.cfg tests notebooks

test-fast: setup ## Unit tests only (no report builds, no browser)
	$(PY) -m pytest -m "not slow" tests

lint: setup ## Check code style with ruff
	$(BIN)/ruff check lib tests data benchmarks examples
	$(BIN)/ruff format --check lib tests data benchmarks examples

format: setup ## Format code with ruff
	$(BIN)/ruff check --fix lib tests data benchmarks examples
	$(BIN)/ruff format lib tests data benchmarks examples

validate-example: setup ## Check the bundled example exports
	$(BIN)/complaints-report validate --data data

refresh-notebooks: setup ## Re-execute the notebooks on the example data and store their outputs (for nbval)
	$(PY) -m complaints_report.notebook_refresh

lab: setup ## Open JupyterLab with the project's environment and kernel
	$(BIN)/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: bench
bench: setup ## Time builds and validate against a bare-import floor (BENCH_ARGS="--rows 100000 --repeat 1" is quicker)
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

clean: ## Remove build outputs (keeps .venv)
	rm -rf _output .pytest_cache .ruff_cache
