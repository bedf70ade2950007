# citypeers: `make demo` serves the demo, `make test` runs lint and the whole suite.
# Every target installs what it needs first, from the lock files, and is safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000
PO_FILES := $(wildcard src/citypeers/locale/*/LC_MESSAGES/django.po src/citypeers/locale_vendor/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: demo test lint format bench install browser messages clean cluster cluster-stop haproxy

demo: install
	HOST=$(HOST) PORT=$(PORT) SECURE_HTTPS=false $(BIN)/citypeers demo
	@echo "citypeers is starting at http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	SECURE_HTTPS=false MFA_REQUIRED_FOR_STAFF=false OUTBOX_PRINT_SECRETS=true $(BIN)/citypeers serve --host $(HOST) --port $(PORT) --with-worker

# Compiled bytecode is kept (in git-ignored __pycache__ folders, and in the virtualenv at
# install) even where PYTHONDONTWRITEBYTECODE is set: each test worker and each process a test
# starts would otherwise compile Django and the suite again, seconds each.
test: install browser haproxy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest -n 2

# The production layout on one machine (scripts/cluster.py): HAProxy on CLUSTER_PORT in front of
# three app servers, two task workers, PostgreSQL and Redis; `make cluster-stop` stops it.
CLUSTER_PORT ?= 8000
cluster: install haproxy
	CLUSTER_PORT=$(CLUSTER_PORT) $(BIN)/python scripts/cluster.py start

cluster-stop:
	$(BIN)/python scripts/cluster.py stop

# After changing strings: every catalogue gains the new messages (to translate) and loses the
# old; then `python -m tests.i18n.catalogues LANG` lists what a language still needs.
messages: install
	cd src/citypeers && ../../$(BIN)/python -m django makemessages --all --no-location \
	  --no-obsolete --ignore=migrations --settings=citypeers.settings

lint:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The cluster benchmarks (benchmarks/cluster/) start private clusters of scripts/cluster.py on
# ports 28000 and 28500 (HAProxy, so `haproxy` first); the balancer's needs wrk, no fallback.
bench: install haproxy
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || echo "wrk missing and apt-get unusable: the benchmark falls back to Python threads"
	$(BIN)/python benchmarks/http_throughput.py
	# 100,000 practices on PostgreSQL, its database kept between runs (the first build takes
	# about half an hour on 2 shared cores); SQLite builds its own each time, so 10,000 there.
	$(BIN)/python benchmarks/library_search.py --databases postgresql --reuse
	$(BIN)/python benchmarks/library_search.py --databases sqlite --practices 10000
	$(BIN)/python benchmarks/methodology.py
	$(BIN)/python benchmarks/reports.py
	$(BIN)/python benchmarks/calls/submissions.py
	$(BIN)/python benchmarks/calls/deadline_day.py
	$(BIN)/python benchmarks/calls/faults.py
	$(BIN)/python benchmarks/calls/selection.py
	$(BIN)/python benchmarks/feedback.py
	$(BIN)/python benchmarks/impact.py
	$(BIN)/python benchmarks/feeds.py
	$(BIN)/python benchmarks/opendata.py
	$(BIN)/python benchmarks/news.py
	$(BIN)/python benchmarks/languages.py
	$(BIN)/python benchmarks/newsletter.py
	$(BIN)/python benchmarks/api.py
	$(BIN)/python benchmarks/cluster/balancer.py
	$(BIN)/python benchmarks/cluster/faults.py

install: $(VENV)/.synced node_modules/.installed $(MO_FILES)

$(VENV)/.synced: pyproject.toml uv.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv sync --frozen --inexact --quiet --compile-bytecode
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

%.mo: %.po $(VENV)/.synced
	$(BIN)/python -m citypeers compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

# Browser tests drive Debian's Chromium; install it where it is missing and apt can.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing and apt-get unusable: browser tests will be skipped"; fi; }

# The cluster's load balancer is Debian's HAProxy; install it where it is missing and apt can.
# Without it `make cluster` stops with that message and the tests through it are skipped
# (failed in CI).
haproxy:
	@command -v haproxy >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; \
	  else echo "haproxy missing and apt-get unusable: install HAProxy (Debian: apt-get install haproxy)"; fi; }

clean:
	rm -rf $(VENV) node_modules var/static
