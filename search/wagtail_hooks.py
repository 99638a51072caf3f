"""Search in the admin and beside the catalogue.

- The catalogue listing filters with the search page's own code, one mechanism, under the
  search page's rate limit.
- The domain thesaurus (search.models.SynonymSet) is a snippet: IOM staff
  (administrators and the IOM reviewers, cities.rights.grants) keep its
  synonym sets under Snippets → Synonym sets.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practices.models import PracticeIndexPage
from practices.presenters import listing
from search.models import SynonymSet
from search.practice_query import search_practices
from search.presentation import listing_context
from sitewide.page_context import provides_context_for
from sitewide.ratelimit import refusal
from sitewide.reader import reader_for


@provides_context_for("practices.practiceindexpage")
def catalogue_listing_context(page, request):
    reader = reader_for(request)
    locale = next((locale for locale in reader.locales if locale.pk == page.locale_id), None)
    query = search_practices(request.GET, locale, reader=reader)
    return listing_context(query, request.GET.get("page"), per_page=listing.CATALOGUE_PAGE_SIZE)


@hooks.register("before_serve_page")
def limit_listing_searches(page, request, serve_args, serve_kwargs):
    """A listing with a query searches like the search page, and counts against its limit (never cached)."""
    if isinstance(page, PracticeIndexPage) and request.GET.get("q"):
        return refusal(request, "search")
    return None


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "list-ul"
    # Named here: Wagtail would otherwise derive it from the translated label.
    menu_name = "synonym-sets"
    menu_label = _("Synonym sets")
    list_display = ["__str__", "language", "note", UpdatedAtColumn()]
    list_filter = ["language"]
    list_per_page = 100


register_snippet(SynonymSetViewSet)
