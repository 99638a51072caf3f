"""Running an uploaded file through the importer, as the command does."""

import tempfile
from pathlib import Path

from django.db import transaction

from ..catalogue.errors import CatalogueInvalid
from ..catalogue.importer import import_document, import_file, read_document
from ..catalogue.kinds import ORGANISATIONS
from ..catalogue.writer import existing_ids
from .scope import UploadScope, keep_proposals_in_draft


def import_upload(upload, city_id, user, dry_run=False):
    """Import the uploaded file for one city in `user`'s name, as drafts; return the ImportResult.

    Raises practices.catalogue.errors.CatalogueInvalid, having written
    nothing, when the file is refused. The file is copied to a folder of its
    own so that the importer reads it exactly as it reads a file given to the
    command (size, encoding and JSON checks included); an image path in it
    resolves inside that empty folder and is reported as missing.
    """
    scope = UploadScope(city=city_id, user=user)
    with tempfile.TemporaryDirectory(prefix="catalogue-upload-") as folder:
        path = Path(folder) / "catalogue.json"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        if dry_run:
            return _check_only(path, scope)
        # One transaction around the import and the proposals' clean-up: a
        # failure in either leaves the site as it was.
        with transaction.atomic():
            result = import_file(path, scope=scope)
            keep_proposals_in_draft(result.tallies[ORGANISATIONS.key].created, user)
        return result


def _check_only(path, scope):
    """A dry run with the scope's checks, which submits nothing for review.

    The importer's scoped dry run starts the review workflow before rolling
    back, and Wagtail mails the reviewers as the workflow starts, so "check
    only" would announce drafts that do not exist. This runs the same
    validation and writing without a scope (nothing is submitted) and then
    the scope's own check, in the importer's order: the file's problems
    first, then what the city may not import. The tallies do not depend on
    the scope. Once the importer skips the submission in a dry run, this can
    call import_file(path, dry_run=True, scope=scope) instead.
    """
    known = existing_ids()
    document = read_document(path)
    result = import_document(document, folder=path.parent, dry_run=True)
    if problems := scope.problems(document, known):
        raise CatalogueInvalid(problems)
    return result
