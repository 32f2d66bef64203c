# K3 CMS — the front door. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Test processes: one per CPU (pytest-xdist); TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: help install run test coverage lint format messages demo migrate bench-events bench-search bench-network bench-press bench-suite bench-pages faults upgrade-drill lighthouse screenshots serve-prod clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP) ## Create .venv and install the project with its dev tools

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

demo: migrate ## Load the bilingual demo content (idempotent)
	$(PY) manage.py load_demo_content

run: demo ## Install, migrate, load the demo and serve on 127.0.0.1:$(PORT)
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve-prod: demo ## Production settings: gunicorn (2 workers, 127.0.0.1:8001) behind Varnish on 127.0.0.1:$(PORT)
	PORT=$(PORT) PY=$(PY) deploy/varnish/serve-prod.sh

test: install ## Run the whole test suite (DATABASE_URL picks the database)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)

coverage: install ## The suite under coverage, then a report per file (models, views, templatetags)
	$(PY) -m coverage run -m pytest -p no:xdist $(PYTEST_ARGS)
	$(PY) -m coverage report --skip-covered --sort=cover

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and autofix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install ## Update the German and English UI catalogues and compile them
	$(PY) manage.py makemessages --locale de --locale en --ignore '.venv/*' --ignore 'bench/*' --ignore 'tests/*'
	$(PY) manage.py compilemessages --ignore '.venv/*'

bench-events: install ## Calendar benchmark: 10,000 events (DATABASE_URL picks the database)
	$(PY) bench/events_bench.py

bench-search: install ## Search benchmark: 10,000 pages, common and rare terms (DATABASE_URL picks the database)
	$(PY) bench/search_bench.py

bench-network: install ## Partner and fellow overview benchmark: few and many entries (DATABASE_URL picks the database)
	$(PY) bench/network_bench.py

bench-press: install ## Press kit memory benchmark: 200 MB of media zipped and streamed
	$(PY) bench/press_zip_bench.py

bench-pages: install ## Page times under gunicorn against a floor (REFERENCE_URL, CACHED_URL: bench/README.md; ~5 min)
	$(PY) bench/pages_bench.py

bench-suite: install ## Test-suite time: the suite without the demo against the last main before the re-cut (~10 min)
	$(PY) bench/suite_bench.py

faults: install ## Fault drill: Redis and the database away and back, what readers got (DATABASE_URL picks the database)
	$(PY) bench/faults.py

upgrade-drill: install ## Migrate a database made by an earlier commit (FROM=6d31321) and compare row counts
	$(PY) bench/upgrade_drill.py $(if $(FROM),--from $(FROM))

lighthouse: install ## Lighthouse scores (performance, SEO, accessibility, best practices) and page weight of a running site (BASE=http://127.0.0.1:8000)
	$(PY) bench/lighthouse.py

screenshots: demo ## Screenshots of home, calendar, event, partner, fellow, press release, search (de/en, 375/1280 px)
	$(PY) bench/screenshots.py

clean: ## Remove the virtualenv, the SQLite database and media
	rm -rf $(VENV) db.sqlite3 media
