# The two commands a new user needs (each sets itself up):
#   make run    start deskbreak in the tray
#   make test   lint, type-check and run every test under a virtual display
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-desktops break fuzz bench package-test clean

run: $(VENV)/.run-installed
	$(BIN)/deskbreak

break: $(VENV)/.run-installed
	$(BIN)/deskbreak break

test: $(VENV)/.test-installed
	$(BIN)/ruff check src tests bench packaging
	$(BIN)/ruff format --check src tests bench packaging
	$(BIN)/mypy
	$(BIN)/pytest

# The real KDE and GNOME Shell services (plasma-workspace, gnome-shell and its AppIndicator
# extension: about 1.2 GB of packages, installed on first use); slower, not part of `make test`.
test-desktops: $(VENV)/.test-installed
	bash packaging/system-deps.sh desktops
	$(BIN)/pytest -m desktops tests/desktops

# Property tests with at least 10,000 cases each; nightly-style, not part of CI.
fuzz: $(VENV)/.test-installed
	HYPOTHESIS_PROFILE=nightly $(BIN)/pytest -q -m hypothesis tests

bench: $(VENV)/.test-installed
	for script in bench/*.py; do $(BIN)/python $$script || exit 1; done

package-test: $(VENV)/.test-installed
	bash packaging/package-test.sh

$(VENV)/.run-installed: pyproject.toml
	bash packaging/system-deps.sh run
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml
	bash packaging/system-deps.sh test
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(VENV)/.run-installed $@

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
