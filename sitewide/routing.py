"""Page routing in one query, however deep the page.

Wagtail routes a URL one segment at a time: for /en/cities/athens/accmr/ it
asks for the localized home page, then each child by slug and then each one's
specific row, ten queries before a page renders (and one more for the locale).
Uncached practice pages are most of what readers ask for (issue #14), so
`serve` below finds the page and every ancestor in one query, by the
`url_path`s the URL can only mean, with the specific row of every page model
joined to it. The home page's path per language comes from Wagtail's own cached site
root paths, so neither the Locale nor the home page is read.

The outcome is the one Wagtail's walk would reach: a match is used only when
every page on the way routes like a plain `Page` (no RoutablePageMixin or own
`route` above the deepest page), and the deepest page still runs its own
`route` for what is left of the URL (a practice's `pdf/`). Anything else —
no match, a language without a home page, an unusual tree — is left to
Wagtail's walk, so a stale cache can cost queries, never a wrong page.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from sitewide.reader import content_language_for, reader_for
from sitewide.structure import site_for

# Wagtail keeps a request's route here and reads it back in its serve view
# (documented on Page.route_for_request).
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"
# And the request's Site (documented on Site.find_for_request).
SITE_ATTRIBUTE = "_wagtail_site"


def serve(request, path):
    """Wagtail's serve view, with the route found in one query when it can be."""
    if not hasattr(request, SITE_ATTRIBUTE):
        setattr(request, SITE_ATTRIBUTE, site_for(request))
    if not hasattr(request, ROUTE_ATTRIBUTE):
        try:
            route = direct_route(request, path)
        except Http404:
            setattr(request, ROUTE_ATTRIBUTE, None)
        else:
            if route is not None:
                setattr(request, ROUTE_ATTRIBUTE, route)
    return wagtail_views.serve(request, path)


def direct_route(request, path):
    """The RouteResult for `path`, or None to let Wagtail walk the tree itself.

    Raises Http404 when the deepest page found refuses the rest of the path.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    home_path = localized_home_path(site, content_language_for(get_language()))
    if home_path is None:
        return None
    segments = [segment for segment in path.split("/") if segment]
    candidates = [
        home_path + "".join(f"{s}/" for s in segments[:length]) for length in range(len(segments) + 1)
    ]
    slugs = {home_path.rstrip("/").rsplit("/", 1)[-1], *segments}
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=candidates, slug__in=slugs).select_related(
            *specific_rows().values()
        )
    }
    chain = []
    for candidate in candidates:
        if candidate not in found:
            break
        chain.append(found[candidate])
    # Wagtail starts from the home page's translation only when it is live.
    if not chain or not chain[0].live:
        return None
    *above, deepest = chain
    if not all(routes_like_a_page(row) for row in above):
        return None
    model = model_of(deepest)
    if model is None:
        return None
    page = specific(deepest, model)
    if not reader_for(request).restricted_paths:
        # Wagtail checks a page's view restrictions with three queries (its
        # ancestors, their alias sources, the restrictions). The reader has
        # just read every restriction on the site, for its listings; with none
        # at all there is nothing to check, and this page says so.
        page.get_view_restrictions = PageViewRestriction.objects.none
    return page.route(request, segments[len(chain) - 1 :])


def localized_home_path(site, language):
    """The url_path of the site's home page in `language`, from Wagtail's cached root paths."""
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return None


@cache
def specific_rows():
    """{page model: the relation that joins its row to Page's}, for every direct subclass of Page."""
    return {
        relation.related_model: relation.get_accessor_name()
        for relation in Page._meta.related_objects
        if relation.one_to_one and relation.parent_link
    }


def specific(page, model):
    """`page` as an instance of its own model: joined by the routing query when it could be."""
    if model is Page:
        return page
    relation = specific_rows().get(model)
    if relation is None:  # a subclass of a subclass: its row was not joined
        return model.objects.get(pk=page.pk)
    return getattr(page, relation)


def model_of(row):
    model = ContentType.objects.get_for_id(row.content_type_id).model_class()
    return model if model is not None and issubclass(model, Page) else None


def routes_like_a_page(row):
    """Whether Wagtail's walk would go straight through this page to its child."""
    model = model_of(row)
    return model is not None and model.route is Page.route
