"""The public search page and its autocomplete, for the active language.

Both search the live, public practices of the active locale only, through
search.filters.PracticeSearch, the same code the catalogue listing and the
API use.
"""

from django.http import JsonResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from cities.models import CityPage
from search.filters import PracticeSearch, matching_cities
from search.models import ZeroResultSearch
from search.spelling import did_you_mean
from sitewide.ratelimit import ratelimit
from sitewide.reader import reader_for

SUGGESTIONS = 8
# Sent by static/js/search.js, which only needs the part of the page that changes.
FETCH_HEADER = "X-Requested-With"


def active_locale():
    """The active language's Locale, or None on a site that has not been set up."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def is_fetch(request):
    return request.headers.get(FETCH_HEADER) == "fetch"


@require_safe
@ratelimit("search")
def search(request):
    locale = active_locale()
    reader = reader_for(request)
    practice_search = PracticeSearch(request.GET, locale, reader=reader)
    page_obj = practice_search.page(request.GET.get("page"))
    results = practice_search.results(page_obj)
    context = {
        "query": practice_search.query,
        "search": practice_search,
        "page_obj": page_obj,
        "results": results,
        "facets": practice_search.facets,
        "problems": practice_search.problems,
        "cities": matching_cities(practice_search.query, locale, reader),
    }
    if not results:
        context.update(empty_results_help(request, practice_search))

    template = "search/includes/region.html" if is_fetch(request) else "search/search.html"
    response = TemplateResponse(request, template, context)
    response["X-Robots-Tag"] = "noindex"
    patch_vary_headers(response, [FETCH_HEADER])
    return response


def empty_results_help(request, practice_search):
    """A spelling suggestion, or the filters whose removal would find practices."""
    help_context = {}
    if practice_search.has_query and not practice_search.matches_anything():
        suggestion = did_you_mean(practice_search.query, practice_search.locale)
        if (
            suggestion
            and PracticeSearch(QueryDict(urlencode({"q": suggestion})), practice_search.locale).count
        ):
            help_context["suggestion"] = suggestion
            help_context["suggestion_url"] = "?" + urlencode({"q": suggestion})
        if not is_fetch(request) and request.GET.get("page") in (None, "", "1") and practice_search.locale:
            ZeroResultSearch.record(practice_search.language, practice_search.query)
    elif practice_search.is_filtered:
        help_context["broader"] = practice_search.broader()
        help_context["without_filters_url"] = practice_search.without_filters_url()
    return help_context


@require_safe
@ratelimit("suggest", json=True)
def suggest(request):
    """Up to eight practices whose title (or acronym) words begin with the typed words.

    The same parameters as the page: `q`, and the facets to narrow it.
    """
    locale = active_locale()
    reader = reader_for(request)
    practice_search = PracticeSearch(request.GET, locale, reader=reader, autocomplete=True)
    ids = practice_search.ordered_ids[:SUGGESTIONS] if practice_search.has_query else []
    pages = practice_search.pages(ids)
    cities = reader.parents(CityPage, pages)
    results = [
        {
            "title": page.title,
            "url": reader.url(page),
            "city": cities[page.pk].title if page.pk in cities else None,
        }
        for page in pages
    ]
    response = JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex"
    return response
