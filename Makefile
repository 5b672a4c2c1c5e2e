# Haven: `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Haven's own error pages unless asked for Django's debug pages: `HAVEN_DEBUG=1 make run`.
HAVEN_DEBUG ?= 0
# The same WSGI server as production (gunicorn, deploy/gunicorn.conf.py); with debug pages it also reloads on edits.
RELOAD := $(if $(filter 1,$(HAVEN_DEBUG)),--reload,)
MANAGE := $(BIN)/python manage.py
DEV_ENV := HAVEN_ENV=development DEBUG=$(HAVEN_DEBUG) SECRET_KEY_FILE=var/secrets/secret_key HAVEN_KEKS_FILE=var/secrets/keks \
	HAVEN_AUDIT_KEY_FILE=var/secrets/audit_key HAVEN_SAFETY_KEY_FILE=var/secrets/safety_key

.PHONY: run setup test test-deps lint format codes worker messages clean system-deps messages-update

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# Machine packages: gettext (to compile translations), the fonts of the plan PDF (plans/pdf.py) and, for the
# browser tests, Debian's Chromium.
PDF_FONTS := fonts-dejavu-core fonts-tlwg-loma-ttf fonts-droid-fallback
system-deps:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	@dpkg -s $(PDF_FONTS) >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq $(PDF_FONTS))

var/secrets/secret_key var/secrets/keks:
	@mkdir -p var/secrets && chmod 700 var/secrets
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(64))" > var/secrets/secret_key
	@$(PYTHON) -c "import secrets, base64; print('local1:' + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip('='))" > var/secrets/keks
	@chmod 600 var/secrets/*

var/secrets/audit_key:
	@mkdir -p var/secrets && chmod 700 var/secrets
	@$(PYTHON) -c "import secrets, base64; print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip('='))" > var/secrets/audit_key
	@chmod 600 var/secrets/audit_key

var/secrets/safety_key:
	@mkdir -p var/secrets && chmod 700 var/secrets
	@$(PYTHON) -c "import secrets, base64; print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip('='))" > var/secrets/safety_key
	@chmod 600 var/secrets/safety_key

messages: system-deps | $(BIN)/python
	HAVEN_ENV=test $(MANAGE) compilemessages --ignore='.venv/*' --ignore='node_modules/*' -v0

setup: $(VENV)/.runtime var/secrets/secret_key var/secrets/keks var/secrets/audit_key var/secrets/safety_key messages
	@mkdir -p var/static  # WhiteNoise serves from the apps' folders in development; it expects this one too
	$(DEV_ENV) $(MANAGE) migrate --no-input -v0
	$(DEV_ENV) $(MANAGE) load_content
	$(DEV_ENV) $(MANAGE) seed_demo

run: setup
	@echo
	@$(DEV_ENV) $(MANAGE) demo_codes
	@echo
	@echo "Haven is at http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	@$(DEV_ENV) $(MANAGE) db_worker >var/worker.log 2>&1 & worker=$$!; \
	  trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  $(DEV_ENV) HAVEN_BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn -c deploy/gunicorn.conf.py $(RELOAD) haven.wsgi

codes:
	@$(DEV_ENV) $(MANAGE) demo_codes

worker:
	$(DEV_ENV) $(MANAGE) db_worker

test-deps: $(VENV)/.dev system-deps
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	@# nginx for the production-stack test (ops/tests/test_stack.py); wrk for bench/load.py
	@command -v nginx >/dev/null && command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq nginx-light wrk)
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --silent

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: test-deps messages lint
	HAVEN_ENV=test $(MANAGE) makemigrations --check --dry-run -v0
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) node_modules var

# After changing visible strings: refresh the catalogues (English fills itself), then translate nl and fr.
messages-update: $(VENV)/.dev system-deps
	HAVEN_ENV=test $(MANAGE) makemessages -l nl -l fr -l en --no-obsolete --no-location \
	  --ignore='.venv/*' --ignore='node_modules/*' --ignore='var/*' -v0
	$(BIN)/python -c "from pathlib import Path; from lib.po import fill_source_language as f; f(Path('locale/en/LC_MESSAGES/django.po'))"
	@$(BIN)/python -c "from pathlib import Path; from lib.po import problems; [print(p, len(problems(Path(p))), 'to translate') for p in ('locale/nl/LC_MESSAGES/django.po', 'locale/fr/LC_MESSAGES/django.po')]"
