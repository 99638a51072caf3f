"""Reading, validating and writing a catalogue file as one all-or-nothing step."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from catalogue.format import json_input
from catalogue.format.deferred_indexing import deferred_indexing
from catalogue.format.errors import CatalogueInvalid, Problem
from catalogue.format.kinds import ALL_KINDS
from catalogue.format.scope import pages_to_review
from catalogue.format.validation import validate
from catalogue.format.writer import Writer, existing_ids
from cities.review import submit_for_review


@dataclass
class ImportResult:
    tallies: dict
    notes: list
    dry_run: bool

    def lines(self):
        return [self.tallies[kind.key].line(kind.key) for kind in ALL_KINDS]


class _DryRunRollback(Exception):
    pass


def read_document(path):
    path = Path(path)
    limit = settings.CATALOGUE_MAX_FILE_BYTES
    try:
        size = path.stat().st_size
    except OSError as error:
        raise CatalogueInvalid([Problem("", f"cannot read {path}: {error.strerror}")]) from error
    if size > limit:
        raise CatalogueInvalid([Problem("", f"the file is {size:,} bytes; the limit is {limit:,}")])
    try:
        return json_input.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CatalogueInvalid([Problem("", f"the file is not UTF-8 text (byte {error.start})")]) from error
    except json.JSONDecodeError as error:
        raise CatalogueInvalid(
            [Problem("", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}")]
        ) from error


def import_document(document, folder=None, publish=False, dry_run=False, scope=None):
    """Validate the whole document, then write it in one transaction.

    Raises CatalogueInvalid (and writes nothing) on any problem. A dry run
    does all the work and rolls it back, so its report is exactly what a real
    run would do. With a `scope` (catalogue.format.scope.Scope), only that
    city's records are accepted, and drafts are submitted for review in the
    scope's user's name.
    """
    known = existing_ids(referable_drafts=scope is None)
    ctx = validate(document, folder, known)
    if scope is not None and (problems := scope.problems(document, known)):
        raise CatalogueInvalid(problems)
    user = scope.user if scope is not None else None
    result = None
    try:
        with transaction.atomic(), deferred_indexing(keep=not dry_run):
            tallies = Writer(ctx, publish=publish, user=user).write()
            # Not in a dry run: Wagtail mails the reviewers as a workflow
            # starts, and the rollback cannot take a mail back.
            if scope is not None and not publish and not dry_run:
                _submit_for_review(tallies, user)
            result = ImportResult(tallies=tallies, notes=ctx.notes, dry_run=dry_run)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return result


def _submit_for_review(tallies, user):
    for page in pages_to_review(tallies):
        submit_for_review(page, user)


def import_file(path, publish=False, dry_run=False, scope=None):
    path = Path(path)
    return import_document(
        read_document(path), folder=path.parent, publish=publish, dry_run=dry_run, scope=scope
    )
