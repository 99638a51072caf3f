"""The catalogue listing filters with the search page's own code: one mechanism."""

from practices.presenters import listing
from search.filters import PracticeSearch
from sitewide.page_context import provides_context_for
from sitewide.reader import reader_for


@provides_context_for("practices.practiceindexpage")
def catalogue_listing_context(page, request):
    search = PracticeSearch(request.GET, page.locale, reader=reader_for(request))
    return search.listing_context(request.GET.get("page"), per_page=listing.CATALOGUE_PAGE_SIZE)
