"""The apps stand in layers: each imports only the apps beneath it (docs/decisions/0070-layered-apps.md).

The order is `PROJECT_APPS` in the base settings. Every import counts,
including those inside functions, so a cycle cannot be hidden by moving an
import into the function that needs it. `config` stands on top of them all
and no app may import it.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def upward_imports(apps):
    """(file, imported app) for every import of an app at the same level or above."""
    rank = {app: position for position, app in enumerate(apps)}
    rank["config"] = len(apps)
    found = []
    for app in apps:
        for path in sorted((ROOT / app).rglob("*.py")):
            for module in imported_modules(path.read_text(encoding="utf-8")):
                target = module.split(".")[0]
                if target in rank and target != app and rank[target] > rank[app]:
                    found.append((str(path.relative_to(ROOT)), module))
    return found


def test_every_app_imports_only_the_apps_beneath_it():
    assert upward_imports(settings.PROJECT_APPS) == []


def test_the_check_sees_an_upward_import(tmp_path, monkeypatch):
    # The check itself must be able to fail: a ground module importing a page app is caught.
    assert list(imported_modules("def f():\n    from practices.models import PracticePage\n")) == [
        "practices.models"
    ]
    assert upward_imports(["sitewide", "practices"]) == [] or all(
        path.startswith("sitewide/") for path, _module in upward_imports(["sitewide", "practices"])
    )
    assert upward_imports(["practices", "sitewide"]) != []
