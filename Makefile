# Two commands do all the set-up: `make demo` and `make test`. Both build what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

COMPACT := data/events.compact.json

.PHONY: demo test lint typecheck pytest dot browser docs docs-pages diagrams bench bench-smoke clean \
        catalogs compile-catalogs

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "coophistory needs Python 3.11 or newer (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,docs,pandas]'
	@touch $(STAMP)

# The bundled data's compact form (coophistory.bundle), remade whenever the TOML changes. The
# editable install writes it too; the wheel gets its own from the build hook (hatch_build.py).
$(COMPACT): data/events.toml src/coophistory/bundle.py $(STAMP)
	$(BIN)/python -m coophistory.bundle data/events.toml

# Graphviz's dot program: installed with the system package manager when we are root.
dot:
	@command -v dot >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Graphviz (dot) with apt-get"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; \
	  else \
	    echo "Graphviz's dot program is missing: install it (e.g. 'sudo apt-get install graphviz' or 'brew install graphviz') and run make again"; \
	    exit 1; \
	  fi; }
	@dot -V

# Debian's Chromium and its WebDriver, for the explorer page's browser tests (tests/test_explorer.py).
BROWSER_PACKAGES := chromium chromium-driver
browser:
	@{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's $(BROWSER_PACKAGES) with apt-get"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null; \
	  else \
	    echo "The browser tests need Debian's packages $(BROWSER_PACKAGES) (/usr/bin/chromium and /usr/bin/chromedriver): install them (e.g. 'sudo apt-get install $(BROWSER_PACKAGES)') and run make again"; \
	    exit 1; \
	  fi; }
	@/usr/bin/chromium --version 2>/dev/null

demo: $(STAMP) $(COMPACT) dot
	$(BIN)/coophistory who savings-and-credit 1995-06-01
	$(BIN)/coophistory who savings-and-credit 2019-01-01
	$(BIN)/coophistory who housing 1978-06-01
	$(BIN)/coophistory who coffee 2010-01-01 --function promotion
	$(BIN)/coophistory handovers
	@mkdir -p build
	$(BIN)/coophistory render handovers -o build/handovers.svg
	$(BIN)/coophistory render lanes -o build/lanes.svg
	$(BIN)/coophistory export html -o build/history.html
	@echo "wrote build/handovers.svg, build/lanes.svg and build/history.html (open it in a browser)"

# The diagrams committed under docs/ (a test fails when their DOT source is stale).
diagrams: $(STAMP) dot
	$(BIN)/python -m docs.gen.diagrams docs/diagrams

# The generated pages under docs/ (a test fails when they are stale): CLI, chronology, sources.
docs-pages: $(STAMP)
	$(BIN)/python -m docs.gen.pages docs

# The documentation site, into site/; --strict turns broken links and missing pages into errors.
# The explorer page of the bundled data is published beside docs/explorer.md's page.
SITE ?= site
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir $(SITE)
	$(BIN)/coophistory export html -o $(SITE)/explorer/coophistory-explorer.html

LINTED := src tests docs/gen hatch_build.py $(wildcard benchmarks fuzz)

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(COMPACT) dot browser
	$(BIN)/python -m pytest

test: lint typecheck pytest docs

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(COMPACT)

# Benchmarks: the full suite (a few minutes) prints ratios against the goals; the quick one is CI's.
bench: $(STAMP) $(COMPACT)
	$(BIN)/python -m benchmarks.run

bench-smoke: $(STAMP) $(COMPACT)
	$(BIN)/python -m benchmarks.run --quick

# The translation catalogs (coophistory.i18n): `catalogs` extracts every marked message into the
# template and merges it into each language's .po (translate there, then clear `fuzzy` flags);
# `compile-catalogs` builds the .mo files the package reads and the wheel ships. A test fails
# when the template or a .po is stale, a message lacks a translation, or a .mo is out of date.
LOCALE := src/coophistory/locale
LANGUAGES := es

catalogs: $(STAMP)
	$(BIN)/pybabel --quiet extract -F babel.cfg --add-comments=TRANSLATORS: --sort-by-file \
	  --project=coophistory --copyright-holder="coophistory developers" \
	  -o $(LOCALE)/coophistory.pot src/coophistory
	for lang in $(LANGUAGES); do \
	  $(BIN)/pybabel --quiet update -D coophistory -i $(LOCALE)/coophistory.pot -d $(LOCALE) \
	    -l $$lang --init-missing --ignore-obsolete || exit 1; \
	done

compile-catalogs: $(STAMP)
	$(BIN)/pybabel compile -D coophistory -d $(LOCALE) --statistics
