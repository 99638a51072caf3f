"""What the reader sees of a search: result cards with the query's words marked,
facets with their toggle links, the sort links and the catalogue listing's context.

It reads a search.practice_query.PracticeQuery and builds addresses with its
search.request.SearchRequest; nothing here changes what is found.
"""

from dataclasses import dataclass

from django.utils.html import escape

from practices.models import PracticePage
from practices.presenters import PracticeCard, practice_cards
from search.facets import FACETS
from search.highlight import Highlighter, plain_text
from search.practice_query import PAGE_SIZE
from search.request import SORTS


@dataclass(frozen=True)
class SearchResult:
    card: PracticeCard
    # Escaped HTML with the query's words in <mark>. The excerpt is a window
    # of the description, given only when the words are there but not in
    # the summary.
    title_html: str
    summary_html: str
    excerpt_html: str | None = None
    # The words of a relaxed search this practice lacks (beyond those no practice has).
    missing: tuple = ()

    @property
    def lang(self):
        """The language the card reads in: the page's, or the source language
        where the title is not translated yet (an alias, or a translation
        still waiting for review), which the page marks "only in …"."""
        return self.card.untranslated.get("title") or self.card.lang


def search_results(query, ids, *, missing_everywhere=()):
    """Cards for the practices of `ids` (one page of results), with the query's words marked.

    A relaxed search also says which of its words each result lacks, leaving
    out `missing_everywhere` (the words no result has, which the page names once).
    Synonyms that the thesaurus brought in are marked too.
    """
    pages = query.pages(ids)
    cards = practice_cards(query.reader, pages)
    highlighter = Highlighter(" ".join(query.text_match.terms.words)) if query.has_query else None
    if not highlighter:
        return [SearchResult(card, escape(card.title), escape(card.summary)) for card in cards]
    missing = query.missing_by_result([page.pk for page in pages])
    descriptions = dict(
        PracticePage.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", "description")
    )
    results = []
    for page, card in zip(pages, cards, strict=True):
        excerpt = None
        if not highlighter.spans(page.summary):
            excerpt = highlighter.excerpt(plain_text(descriptions.get(page.pk)))
        results.append(
            SearchResult(
                card=card,
                title_html=highlighter.mark(page.title),
                summary_html=highlighter.mark(page.summary),
                excerpt_html=excerpt,
                missing=tuple(word for word in missing.get(page.pk, ()) if word not in missing_everywhere),
            )
        )
    return results


def facet_views(query):
    """[FacetView] with counts and toggle links; facets without options are left out."""
    request = query.request
    views = []
    for facet in FACETS:
        view = facet.view(query.facet_counts[facet.name], request.selection[facet.name], query.context)
        for option in view.options:
            option.url = request.toggle_url(facet.name, option.value)
        if view.options:
            views.append(view)
    return views


def filters_in_use(views):
    """How many options are ticked, over every facet: the count on the phone's "Filters (n)"."""
    return sum(view.in_use for view in views)


def broader_searches(query, views):
    """[(FacetView, count)]: how many practices each selected facet, taken off, would give."""
    return [(view, count) for view in views if view.selected and (count := query.count_without(view.name))]


def sort_options(request):
    """[(value, label, url, selected)]; relevance only when there is a query."""
    return [
        (value, label, request.url(**{request.sort_param: value}), value == request.sort)
        for value, label in SORTS.items()
        if value != "relevance" or request.has_query
    ]


def listing_context(query, page_number, per_page=PAGE_SIZE):
    """What PracticeIndexPage.get_context adds: the page of practices and the facets."""
    page_obj = query.page(page_number, per_page)
    facets = facet_views(query)
    return {
        "search": query.request,
        "practices_page": page_obj,
        "practices": [result.card for result in search_results(query, page_obj.object_list)],
        "facets": facets,
        "filters_in_use": filters_in_use(facets),
    }
