"""Two editors saving while Wagtail's autosave posts: no "database is locked", no 500.

The site runs in its own server processes (gunicorn, two workers of four
threads each, as in production) against a database file, because WAL, the
busy timeout and SQLite's file locks only exist between real connections to a
file: an in-memory test database has none of them. On PostgreSQL the same
server runs against the test database. Each round, at the same instant:

- editor A's autosave and editor A's "Save draft" post the same practice;
- editor B saves a draft of a practice of another city;
- editor A's autosave on the add form creates a page while "Save draft" on
  that same form posts it too (the race that left a page behind and then said
  "slug already in use").
"""

import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest
import requests

from django.db import connection

from wagtail.models import Locale

from tests.factories import CategoryFactory
from tests.factories import site_tree as build_site_tree
from tests.rights.forms import form_data, single

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 6
PASSWORD = "a long test password 7"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp_path):
    """The test database as the server processes reach it: a file copy for SQLite, the same database otherwise."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}", path
    user = settings_dict["USER"] or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}", None


@pytest.fixture
def site_tree(transactional_db):
    return build_site_tree()


class Database:
    """Reads what the server wrote: the SQLite file itself, or the shared PostgreSQL test database."""

    def __init__(self, path):
        self.path = path

    def value(self, sql, *params):
        if self.path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql.replace("?", "%s"), params)
                return cursor.fetchone()[0]
        with sqlite3.connect(self.path) as file:
            return file.execute(sql, params).fetchone()[0]

    def revisions(self, page_id):
        return self.value("SELECT COUNT(*) FROM wagtailcore_revision WHERE object_id = ?", str(page_id))


@pytest.fixture
def category(network):
    return CategoryFactory()


@pytest.fixture
def server(tmp_path, network, editor_a, editor_b, category):
    for user in (editor_a, editor_b):
        user.set_password(PASSWORD)
        user.save()
    url, path = _database_url(tmp_path)
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": url,
        "RATELIMIT_ENABLED": "false",
    }
    log = tmp_path / "server.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "300",
            # No idle connections: a pooled one that the server closes after its
            # keep-alive while the test is busy elsewhere is dropped under the
            # next request ("Remote end closed connection without response").
            "--keep-alive",
            "0",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if requests.get(f"{base}/healthz", timeout=30).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the server did not start: " + log.read_text()[-3000:])
            time.sleep(0.5)
        yield base, path, log
    finally:
        process.terminate()
        process.wait(timeout=60)


class Editor:
    def __init__(self, base, user):
        self.base = base
        self.session = requests.Session()
        self.session.get(f"{base}/admin/login/", timeout=60)
        response = self.session.post(
            f"{base}/admin/login/",
            {"username": user.username, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf},
            headers={"Referer": f"{base}/admin/login/"},
            timeout=60,
        )
        assert response.status_code == 200 and "/admin/login/" not in response.url, response.url

    @property
    def csrf(self):
        return self.session.cookies["csrftoken"]

    def form(self, path):
        response = self.session.get(self.base + path, timeout=60)
        assert response.status_code == 200, (path, response.status_code)
        return form_data(response.text, "page-edit-form")

    def post(self, path, data, autosave=False):
        headers = {"Referer": self.base + path, "X-CSRFToken": self.csrf}
        if autosave:
            headers["Accept"] = "application/json"
        return self.session.post(self.base + path, data=data, headers=headers, timeout=120)


def _at_once(*calls):
    """Run the calls in threads released together; their responses, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[index] = error

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _outcome(response):
    """What the editor is told: a redirect, autosave's JSON, or the form again with what to fix."""
    assert not isinstance(response, Exception), repr(response)
    assert response.status_code < 500, response.status_code
    if response.headers.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        return "saved" if body["success"] else body["error_code"]
    if response.history or response.status_code == 302:
        return "saved"
    assert response.status_code == 200, response.status_code
    return "form again"


def test_autosave_and_two_editors_race_without_errors(network, category, server):
    base, database_file, log = server
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    editor_a = Editor(base, users.get(email="editor-a@example.org"))
    editor_b = Editor(base, users.get(email="editor-b@example.org"))
    practice_a, practice_b = network["A"].practice, network["B"].practice
    edit_a = f"/admin/pages/{practice_a.pk}/edit/"
    edit_b = f"/admin/pages/{practice_b.pk}/edit/"
    add_a = f"/admin/pages/add/practices/practicepage/{network['A'].page.pk}/"
    revisions_before = {
        page.pk: Database(database_file).revisions(page.pk) for page in (practice_a, practice_b)
    }

    outcomes = []
    for round_number in range(ROUNDS):
        form_a, form_b, new = editor_a.form(edit_a), editor_b.form(edit_b), editor_a.form(add_a)
        title = f"Νέα πρακτική {round_number}"
        # What a draft needs: the title, its slug, a category and the start.
        new = single(
            new,
            title=title,
            slug=f"nea-praktiki-{round_number}",
            started="2020",
            **{"category_links-0-term": str(category.pk)},
        )
        responses = _at_once(
            partial(
                editor_a.post, edit_a, single(form_a, summary=f"Αυτόματη {round_number}."), autosave=True
            ),
            partial(editor_a.post, edit_a, single(form_a, summary=f"Πρόχειρο {round_number}.")),
            partial(editor_b.post, edit_b, single(form_b, summary=f"Β {round_number}.")),
            partial(editor_a.post, add_a, new, autosave=True),
            partial(editor_a.post, add_a, new),
        )
        try:
            outcomes.append([_outcome(response) for response in responses])
        except AssertionError as error:
            raise AssertionError(f"{error}\n--- the server's log ---\n{log.read_text()[-6000:]}") from error

    for autosave, save, other, new_autosave, new_save in outcomes:
        # One of autosave and "Save draft" wins; the other is told the page moved on, never a 500.
        assert "saved" in (autosave, save), outcomes
        assert other == "saved", outcomes
        assert "saved" in (new_autosave, new_save), outcomes

    database = Database(database_file)
    assert database.revisions(practice_b.pk) == revisions_before[practice_b.pk] + ROUNDS
    assert database.revisions(practice_a.pk) > revisions_before[practice_a.pk]
    greek = Locale.objects.get(language_code="el").pk
    for round_number in range(ROUNDS):
        # The page the race created exists whole: its revision and its English alias came with it.
        page_id = database.value(
            "SELECT MIN(id) FROM wagtailcore_page WHERE title = ? AND locale_id = ?",
            f"Νέα πρακτική {round_number}",
            greek,
        )
        assert page_id is not None
        assert database.revisions(page_id) >= 1
        assert database.value("SELECT COUNT(*) FROM wagtailcore_page WHERE alias_of_id = ?", page_id) == 1
    if database_file is not None:
        assert database.value("PRAGMA journal_mode") == "wal"
