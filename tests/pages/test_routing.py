"""Pages are routed in one lookup (sitewide.routing) to exactly where Wagtail's walk goes."""

import pytest

from django.http import Http404
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

from sitewide.routing import direct_route
from tests.factories.brochure import accmr, athens, translate_accmr

DEFERRED = "left to Wagtail"


def outcome(route):
    """What a route result decides: the page, and for a routable page the view and its arguments."""
    if route is None:
        return None
    page, args, kwargs = route
    if args:
        view, view_args, view_kwargs = args
        return page.pk, view.__name__, view_args, view_kwargs
    return page.pk, kwargs


def by_wagtail(path):
    request = RequestFactory().get("/")
    components = [segment for segment in path.split("/") if segment]
    try:
        return outcome(Site.find_for_request(request).root_page.localized.specific.route(request, components))
    except Http404:
        return None


def by_direct_lookup(path):
    try:
        route = direct_route(RequestFactory().get("/"), path)
    except Http404:
        return None
    return DEFERRED if route is None else outcome(route)


@pytest.fixture
def tree(network):
    city = athens(network)
    practice = accmr(network, city, size=1, images=0)
    english = translate_accmr(network, practice)
    draft = network.practice(city, "draft", "Πρόχειρη")
    draft.unpublish()
    hidden_city = network.city("hidden", "Κρυφή πόλη")
    under_hidden = network.practice(hidden_city, "under-hidden", "Κάτω από κρυφή")
    hidden_city.unpublish()
    network.alias(under_hidden)
    return practice, english


def relative_paths():
    """Every page's address below its language's home page, as the serve view receives it."""
    for page in Page.objects.filter(depth__gt=2):
        home = page.get_ancestors().get(depth=2)
        yield page.locale.language_code, page.url_path.removeprefix(home.url_path)


@pytest.mark.django_db
def test_every_address_reaches_what_wagtail_reaches(tree):
    addresses = {("el", ""), ("en", ""), ("el", "nowhere/"), ("en", "cities/nowhere/athens/")}
    for language, path in relative_paths():
        addresses |= {(language, path), (language, path + "pdf/"), (language, path + "contact/sent/")}
        addresses |= {(language, path + "no-such-page/"), (language, "x/" + path)}
    found = 0
    for language, path in sorted(addresses):
        with translation.override(language):
            expected = by_wagtail(path)
            assert by_direct_lookup(path) == expected, (language, path)
        found += expected is not None
    # The comparison means something only if it covers pages, sub-routes and misses.
    assert found > 10
    assert len(addresses) - found > 10


@pytest.mark.django_db
def test_a_home_page_that_is_not_live_is_left_to_wagtail(tree):
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    english_home.unpublish()
    with translation.override("en"):
        assert by_direct_lookup("cities/athens/") == DEFERRED


@pytest.mark.django_db
def test_a_private_section_still_asks_for_its_password(tree, client, settings):
    settings.PAGE_CACHE_ENABLED = False
    practice, english = tree
    assert client.get(practice.url).status_code == 200
    PageViewRestriction.objects.create(
        page=practice.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="μυστικό"
    )
    for page in (practice, english):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "password" in response.content.decode()
        assert practice.title not in response.content.decode()
