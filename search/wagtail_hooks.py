"""The catalogue listing filters with the search page's own code: one mechanism, and one rate limit."""

from wagtail import hooks

from practices.models import PracticeIndexPage
from practices.presenters import listing
from search.practice_query import search_practices
from search.presentation import listing_context
from sitewide.page_context import provides_context_for
from sitewide.ratelimit import refusal
from sitewide.reader import reader_for


@provides_context_for("practices.practiceindexpage")
def catalogue_listing_context(page, request):
    query = search_practices(request.GET, page.locale, reader=reader_for(request))
    return listing_context(query, request.GET.get("page"), per_page=listing.CATALOGUE_PAGE_SIZE)


@hooks.register("before_serve_page")
def limit_listing_searches(page, request, serve_args, serve_kwargs):
    """A listing with a query searches like the search page, and counts against its limit (never cached)."""
    if isinstance(page, PracticeIndexPage) and request.GET.get("q"):
        return refusal(request, "search")
    return None
