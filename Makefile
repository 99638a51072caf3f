# The two commands README promises: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
DEMO := practices/demo/catalogue.json

.PHONY: run test install lint check migrations pytest messages demo clean

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
	$(MANAGE) runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(STAMP) messages
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

# pytest exits 5 when it collected no test; that is a failure here too, said plainly.
pytest: $(STAMP) messages
	@$(BIN)/pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; fi; \
	exit $$status

test: lint check pytest

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
