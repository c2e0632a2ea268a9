# The two commands of the README: `make run` and `make test`. Needs only Python 3.11+.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test lint format migrations-check messages bench screenshots clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed" or 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# One pytest-xdist worker per core: each gets its own test database, Redis db, live server and Chromium.
# The slow kinds start first and an idle worker steals queued tests (pytest.ini, kaiserslautern_portal/tests/snapshots.py).
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -n auto

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(VENV)/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run

# The portal at scale under gunicorn, PostgreSQL and Redis; prints a table (see README, "Performance").
bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench.run

# The README's screenshots (docs/screenshots/): start, project and news page at 375 and 1366 px, demo content, Chromium.
screenshots: $(VENV)/.installed-dev
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo
	PAGE_CACHE_SECONDS=0 DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/python manage.py screenshots

# Needs GNU gettext; the compiled .mo files are committed so nobody else does.
messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages --locale en --no-obsolete --ignore '$(VENV)/*' --ignore 'staticfiles/*'
	$(BIN)/python manage.py compilemessages --ignore '$(VENV)/*'

clean:
	rm -rf $(VENV) staticfiles
