"""Running an uploaded file through the importer, as the command does."""

import tempfile
from pathlib import Path

from catalogue.format.importer import import_file
from catalogue.upload.scope import UploadScope


def import_upload(upload, city_id, user, dry_run=False):
    """Import the uploaded file for one city in `user`'s name, as drafts; return the ImportResult.

    Raises catalogue.format.errors.CatalogueInvalid, having written
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
        return import_file(path, dry_run=dry_run, scope=scope)
