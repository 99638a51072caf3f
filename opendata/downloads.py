"""The results of a search as files: /<lang>/search/export.csv and export.json.

They take the search page's parameters (q, the facets, sort; `page` is
ignored) and give every practice found, through search.practice_query like
the search page and the catalogue listing, so a download holds exactly
what the page listed. They are served like the search page: never cached
(config/urls.py marks search's routes private) and rate limited per client
as RATELIMITS["export"]; see docs/decisions/0050-open-data-downloads.md.
"""

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from catalogue.format.exporter import dumps
from opendata.subset import catalogue_subset
from opendata.table import csv_lines, practice_rows
from search.practice_query import search_practices
from search.views import active_locale
from sitewide.ratelimit import ratelimit
from sitewide.reader import reader_for


def _search(request):
    return search_practices(request.GET, active_locale(), reader=reader_for(request))


def _attachment(response, *name_parts):
    """A download named cni-practices-…-<today>.<extension>."""
    *words, extension = name_parts
    name = "-".join(["cni-practices", *words, timezone.localdate().isoformat()]) + f".{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@ratelimit("export")
def export_csv(request):
    """Every practice found, one row each, in the page's language (opendata.table)."""
    search = _search(request)
    rows = practice_rows(search, request)
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    return _attachment(response, search.language, "csv")


@require_safe
@ratelimit("export")
def export_json(request):
    """Every practice found, in the catalogue format with all its languages (opendata.subset)."""
    search = _search(request)
    ids = search.filtered().values_list("catalogue_id", flat=True)
    cities = search.request.selection["city"]
    document = catalogue_subset(ids, city=cities[0] if len(cities) == 1 else None)
    response = HttpResponse(dumps(document), content_type="application/json; charset=utf-8")
    # Every language is in it, so its name has none.
    return _attachment(response, "json")
