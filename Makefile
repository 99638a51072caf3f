# The two commands README promises: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
DEMO := catalogue/demo/catalogue.json

.PHONY: run test install lint check migrations pytest messages demo clean vendor

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==26.3
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# Compiled message catalogues are build output, made from the committed .po files.
messages: $(STAMP)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

run: $(STAMP) messages
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) setup_network
	$(MANAGE) import_catalogue $(DEMO) --publish
	$(MANAGE) demo_admin
	$(MANAGE) demo_accounts
	$(MANAGE) runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(STAMP) messages
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

# pytest exits 5 when it collected no test; that is a failure here too, said plainly.
# Both cores (pytest-xdist); a file's tests stay on one worker, so its module-scoped
# content is built once. PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
pytest: $(STAMP) messages
	@$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=10; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; fi; \
	exit $$status

test: lint check pytest

# Front-end files from the npm registry, committed so that neither `make run`
# nor CI needs npm: Leaflet for the maps, axe-core for the accessibility tests,
# and the Greek and Latin subsets of Noto Sans, the site's typeface.
LEAFLET_VERSION := 1.9.4
AXE_VERSION := 4.14.1
NOTO_SANS_VERSION := 5.3.0
vendor:
	rm -rf .vendor-tmp && mkdir .vendor-tmp
	cd .vendor-tmp && npm pack --silent leaflet@$(LEAFLET_VERSION) axe-core@$(AXE_VERSION) @fontsource/noto-sans@$(NOTO_SANS_VERSION) >/dev/null
	cd .vendor-tmp && tar xzf leaflet-$(LEAFLET_VERSION).tgz && mv package leaflet
	cd .vendor-tmp && tar xzf axe-core-$(AXE_VERSION).tgz && mv package axe-core
	rm -rf static/vendor/leaflet && mkdir -p static/vendor/leaflet/images tests/browser/vendor
	cp .vendor-tmp/leaflet/dist/leaflet.js .vendor-tmp/leaflet/dist/leaflet.css .vendor-tmp/leaflet/LICENSE static/vendor/leaflet/
	cp .vendor-tmp/leaflet/dist/images/*.png static/vendor/leaflet/images/
	echo "leaflet $(LEAFLET_VERSION) from the npm registry (make vendor)" > static/vendor/leaflet/VERSION
	cp .vendor-tmp/axe-core/axe.min.js tests/browser/vendor/axe.min.js
	cp .vendor-tmp/axe-core/LICENSE tests/browser/vendor/axe-LICENSE
	echo "axe-core $(AXE_VERSION) from the npm registry (make vendor)" > tests/browser/vendor/VERSION
	cd .vendor-tmp && mkdir noto && tar xzf fontsource-noto-sans-$(NOTO_SANS_VERSION).tgz -C noto
	rm -rf static/vendor/noto-sans && mkdir -p static/vendor/noto-sans
	cp .vendor-tmp/noto/package/files/noto-sans-{greek,latin}-{400,700}-normal.woff2 static/vendor/noto-sans/
	cp .vendor-tmp/noto/package/LICENSE static/vendor/noto-sans/LICENSE
	echo "@fontsource/noto-sans $(NOTO_SANS_VERSION) from the npm registry (make vendor): Greek and Latin subsets, weights 400 and 700" > static/vendor/noto-sans/VERSION
	rm -rf .vendor-tmp

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
