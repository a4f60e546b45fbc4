# Budaya Kerja Kupang: `make run` serves the demo at http://127.0.0.1:8000, `make test` runs the suite.
PYTHON ?= python3
# `make run PORT=8001` serves on another port.
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: run test test-axe screenshots coverage venv syscheck lint clean

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Butuh Python 3.11 atau lebih baru")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Gagal membuat venv: sudo apt-get install -y python3-venv"; exit 1; }
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

venv: $(STAMP)

syscheck: $(STAMP)
	@$(BIN)/python scripts/check_system.py

# Development: DEBUG on and a key of this checkout, made once into .kunci-dev (never committed). Without them the
# app runs with DEBUG off and refuses to start without SECRET_KEY (kupang_budaya/settings.py).
DEV := DEBUG=$${DEBUG:-true} SECRET_KEY=$${SECRET_KEY:-$$(cat .kunci-dev)}

run: syscheck
	@test -s .kunci-dev || (umask 077; head -c 64 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' > .kunci-dev)
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(DEV) $(BIN)/python manage.py seed_demo
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# worksteal: a worker that runs out of tests takes queued ones from the other (plain `load` leaves one worker
# with the slow browser tests at the end).
# PYTHONDONTWRITEBYTECODE is emptied for the tests: with it set (some shells set it), every worker compiles our code
# and rewrites the asserts of every test module again on each run (about 6 s of CPU per worker).
# The axe-core walk of every page at 390 px and 1280 px (tests/browser/test_axe_tugas.py) is left to `make test-axe`,
# which .ci/run runs too: it was a sixth of this target's time.
test: syscheck
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist worksteal -m "not axe" $(PYTEST_ARGS)

test-axe: syscheck
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n auto --dist worksteal -m axe $(PYTEST_ARGS)

# The browser tests with a full-page screenshot of each step in test-artifacts/ (390 px and 1280 px), to look at.
screenshots: syscheck
	SCREENSHOTS=1 $(BIN)/python -m pytest -n auto --dist worksteal -m browser $(PYTEST_ARGS)

# The suite with line coverage of apps/ (pytest-cov, coverage.py): a table of files not fully covered, then the total.
coverage: syscheck
	$(BIN)/python -m pytest -n auto --dist worksteal --cov --cov-report=term:skip-covered $(PYTEST_ARGS)
	@echo "Cakupan baris total (apps/): $$($(BIN)/python -m coverage report --format=total)%"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles staticfiles-test db.sqlite3 .coverage .coverage.*
