"""A practice as a brochure in PDF, made on the server with WeasyPrint.

The cover and the facts (the city, the practice, its key facts, context
figures and results) come first; its story (description, achievements,
voices, lessons, pictures, related practices, links, contact) flows on from
under them in two columns, so that neither page is left half empty. It is in
the language of the address it was asked from, with the network's and the
city's names on every page. Every item the page lists is carried; only long
prose is shortened, pointing to the page for the rest, so that a practice of
the usual size fills two pages.

WeasyPrint needs Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0,
libharfbuzz-subset0) and fonts with Greek (fonts-dejavu-core); .ci/run installs
them. It reads only the site's own static and media files: nothing is fetched
from the network (SiteFetcher).
"""

import mimetypes
from urllib.parse import unquote, urlsplit

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language

from practices.presenters import present_practice
from sitewide.reader import reader_for

CACHE_SECONDS = 60 * 60
TEMPLATE = "practices/practice_pdf.html"


class SiteFetcher(URLFetcher):
    """Resolve /static/ and /media/ URLs from the site's own files; refuse anything else."""

    def __init__(self):
        super().__init__(allowed_protocols={"http", "https"})

    def fetch(self, url, headers=None):
        path = unquote(urlsplit(url).path)
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path[len(settings.STATIC_URL) :])
            if not found:
                raise ValueError(f"No static file at {path}")
            with open(found, "rb") as handle:
                body = handle.read()
        elif path.startswith(settings.MEDIA_URL):
            with default_storage.open(path[len(settings.MEDIA_URL) :]) as handle:
                body = handle.read()
        else:
            raise ValueError(f"The brochure reads no outside resource: {url}")
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def brochure_html(request, page):
    reader = reader_for(request)
    practice = present_practice(page, reader)
    return render_to_string(
        TEMPLATE,
        {"page": page, "practice": practice, "full_url": request.build_absolute_uri(practice.url or "")},
        request=request,
    )


def render_brochure(request, page):
    """The brochure as a weasyprint Document (its pages can be counted and read)."""
    html = brochure_html(request, page)
    return weasyprint.HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=SiteFetcher()
    ).render()


def cache_key(page, language):
    return f"practice-pdf:{page.pk}:{page.latest_revision_id}:{language}"


def brochure_response(request, page):
    language = get_language()
    key = cache_key(page, language)
    pdf = cache.get(key)
    if pdf is None:
        # Tagged, so screen readers get headings, lists and reading order.
        pdf = render_brochure(request, page).write_pdf(pdf_tags=True)
        cache.set(key, pdf, CACHE_SECONDS)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-{language}.pdf"'
    response["X-Robots-Tag"] = "noindex"
    return response
