"""The public search page and its autocomplete, for the active language.

Both search the live, public practices of the active locale only, through
search.practice_query, the same code the catalogue listing and the API use;
search.presentation turns what was found into what the page shows.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from cities.models import CityPage
from search.cities import matching_cities
from search.models import ZeroResultSearch
from search.practice_query import PracticeQuery, search_practices
from search.presentation import broader_searches, facet_views, filters_in_use, search_results, sort_options
from search.request import SearchRequest
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


def not_found_text(words):
    return _("Not found: %(words)s") % {"words": ", ".join(words)}


def is_fetch(request):
    return request.headers.get(FETCH_HEADER) == "fetch"


@require_safe
@ratelimit("search")
def search(request):
    locale = active_locale()
    reader = reader_for(request)
    query = search_practices(request.GET, locale, reader=reader)
    page_obj = query.page(request.GET.get("page"))
    missing_words = query.missing_words() if page_obj.object_list else []
    results = search_results(query, page_obj.object_list, missing_everywhere=missing_words)
    facets = facet_views(query)
    context = {
        "query": query.query,
        "search": query.request,
        "sort_options": sort_options(query.request),
        "page_obj": page_obj,
        "results": results,
        "missing_words": missing_words,
        "facets": facets,
        "filters_in_use": filters_in_use(facets),
        "problems": query.request.problems,
        "cities": matching_cities(query.query, locale, reader),
    }
    if not results:
        context.update(empty_results_help(request, query, facets))

    template = "search/includes/region.html" if is_fetch(request) else "search/search.html"
    response = TemplateResponse(request, template, context)
    response["X-Robots-Tag"] = "noindex"
    patch_vary_headers(response, [FETCH_HEADER])
    return response


def empty_results_help(request, query, facets):
    """A spelling suggestion, or the filters whose removal would find practices."""
    help_context = {}
    if query.has_query and not query.matches_anything():
        suggestion = did_you_mean(query.query, query.locale)
        if suggestion and PracticeQuery(SearchRequest(query=suggestion), query.context).count:
            help_context["suggestion"] = suggestion
            help_context["suggestion_url"] = "?" + urlencode({"q": suggestion})
        if not is_fetch(request) and request.GET.get("page") in (None, "", "1") and query.locale:
            ZeroResultSearch.record(query.language, query.query)
    elif query.request.is_filtered:
        help_context["broader"] = broader_searches(query, facets)
        help_context["without_filters_url"] = query.request.without_filters_url()
    return help_context


@require_safe
@ratelimit("suggest", json=True)
def suggest(request):
    """Up to eight practices whose title (or acronym) words begin with the typed words.

    The same parameters as the page: `q`, and the facets to narrow it. Every
    typed word is a prefix; when too few titles begin with all of them, those
    that begin with most come after, each saying which words it lacks
    (`missing`, and `missing_text` to show).
    """
    locale = active_locale()
    reader = reader_for(request)
    query = search_practices(request.GET, locale, reader=reader, autocomplete=True, fill=SUGGESTIONS)
    ids = query.ordered_ids[:SUGGESTIONS] if query.has_query else []
    pages = query.pages(ids)
    cities = reader.parents(CityPage, pages)
    missing = query.missing_by_result(ids)
    results = []
    for page in pages:
        result = {
            "title": page.title,
            "url": reader.url(page),
            "city": cities[page.pk].title if page.pk in cities else None,
        }
        if missing.get(page.pk):
            result["missing"] = missing[page.pk]
            result["missing_text"] = not_found_text(missing[page.pk])
        results.append(result)
    response = JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
    response["X-Robots-Tag"] = "noindex"
    return response
