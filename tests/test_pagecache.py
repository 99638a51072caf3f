"""The page cache (config/pagecache.py): shared pages are stored, every content change drops them,
and nothing personal is ever stored."""

import pytest

from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import RequestFactory

from wagtail.models import PageViewRestriction

from config import pagecache
from practices.models import Category, Organisation, PracticePage
from sitewide import content_version
from tests.factories.network import Network


@pytest.fixture
def site(db):
    network = Network()
    housing = network.category("housing", "Στέγαση", "Housing")
    donor = network.organisation("snf", "Ίδρυμα Σταύρος Νιάρχος", "Stavros Niarchos Foundation")
    city = network.city("athens", "Δήμος Αθηναίων", email="info@athens.example")
    practice = network.practice(
        city,
        "accmr",
        "Κέντρο Συντονισμού",
        categories=[housing],
        inlines={"organisations": [pagecache_organisation(donor)]},
    )
    return network, city, practice, housing, donor


def pagecache_organisation(organisation):
    from practices.models import PracticeOrganisation

    return PracticeOrganisation(organisation=organisation, role="founding_donor")


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response


def test_anonymous_page_views_are_stored_and_served_from_the_cache(client, site):
    _network, _city, practice, _housing, _donor = site
    first = get(client, practice.url)
    second = get(client, practice.url)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # Headers a CDN can use: shared for a while, served stale while it refetches.
    cache_control = second["Cache-Control"]
    for directive in ("public", "max-age=60", "s-maxage=300", "stale-while-revalidate=60"):
        assert directive in cache_control


def test_a_published_edit_is_visible_on_the_next_request(client, site):
    _network, _city, practice, _housing, _donor = site
    get(client, practice.url)
    assert get(client, practice.url)["X-Page-Cache"] == "hit"

    page = PracticePage.objects.get(pk=practice.pk)
    page.title = "Νέος τίτλος της πρακτικής"
    page.save_revision().publish()

    response = get(client, practice.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Νέος τίτλος της πρακτικής" in response.content.decode()


def test_a_draft_is_not_shown_but_unpublishing_is(client, site):
    _network, _city, practice, _housing, _donor = site
    get(client, practice.url)
    page = PracticePage.objects.get(pk=practice.pk)
    page.title = "Πρόχειρο που δεν δημοσιεύτηκε"
    page.save_revision()
    assert "Πρόχειρο" not in get(client, practice.url).content.decode()

    page.unpublish()
    assert client.get(practice.url).status_code == 404


def test_a_changed_snippet_reaches_every_page_that_shows_it(client, site):
    _network, city, practice, housing, _donor = site
    assert "Στέγαση" in get(client, practice.url).content.decode()
    get(client, city.url)

    Category.objects.filter(pk=housing.pk).update(name="unused")  # no signal: still cached
    assert get(client, practice.url)["X-Page-Cache"] == "hit"

    housing.name = "Κατοικία"
    housing.save()
    response = get(client, practice.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Κατοικία" in response.content.decode()
    assert get(client, city.url)["X-Page-Cache"] == "miss"


def test_publishing_a_snippet_with_drafts_invalidates(client, site):
    _network, _city, practice, _housing, donor = site
    get(client, practice.url)
    organisation = Organisation.objects.get(pk=donor.pk)
    organisation.name = "Ίδρυμα Ν."
    organisation.save_revision().publish()
    response = get(client, practice.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Ίδρυμα Ν." in response.content.decode()


def test_the_new_version_is_written_again_when_the_transaction_commits(
    site, django_capture_on_commit_callbacks
):
    version = content_version.content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content_version.content_changed()
    during = content_version.content_version()
    assert during != version
    assert content_version.bump_version in callbacks
    for callback in callbacks:
        callback()
    assert content_version.content_version() not in (version, during)


def test_logged_in_editors_never_get_or_fill_the_cache(client, site, superuser):
    _network, _city, practice, _housing, _donor = site
    get(client, practice.url)  # stored for anonymous readers
    client.force_login(superuser)
    response = get(client, practice.url)
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_previews_are_private_and_never_reach_readers(client, site):
    _network, _city, practice, _housing, _donor = site
    get(client, practice.url)
    page = PracticePage.objects.get(pk=practice.pk)
    page.title = "Μόνο στην προεπισκόπηση"
    preview = page.make_preview_request()
    assert "Μόνο στην προεπισκόπηση" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    assert "public" not in preview["Cache-Control"]
    response = get(client, practice.url)
    assert "Μόνο στην προεπισκόπηση" not in response.content.decode()

    request = RequestFactory().get("/el/")
    request.is_preview = True
    assert pagecache.bypass_reason(request) == "preview"


def test_a_page_that_shows_a_csrf_token_is_never_stored():
    calls = []

    @pagecache.public_page
    def form_view(request):
        calls.append(request)
        return HttpResponse(
            Template("<form method=post>{% csrf_token %}</form>").render(RequestContext(request))
        )

    served = pagecache.PageCacheMiddleware(form_view)
    factory = RequestFactory()
    for _ in range(2):
        response = served(factory.get("/el/form/"))
        assert response["X-Page-Cache"] == "bypass"
        assert "private" in response["Cache-Control"]
    assert len(calls) == 2


def test_only_routes_marked_public_are_stored():
    def plain_view(request):
        return HttpResponse("the same for everyone")

    served = pagecache.PageCacheMiddleware(plain_view)
    response = served(RequestFactory().get("/el/plain/"))
    assert "X-Page-Cache" not in response
    assert served(RequestFactory().get("/el/plain/")).get("X-Page-Cache") is None

    stored = pagecache.PageCacheMiddleware(pagecache.public_page(plain_view))
    assert stored(RequestFactory().get("/el/plain/"))["X-Page-Cache"] == "miss"
    assert stored(RequestFactory().get("/el/plain/"))["X-Page-Cache"] == "hit"


def test_the_contact_form_is_never_stored(client, site):
    _network, _city, practice, _housing, _donor = site
    contact_url = practice.url + practice.reverse_subpage("contact")
    for _ in range(2):
        response = get(client, contact_url)
        assert response["X-Page-Cache"] == "bypass"
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "public" not in response["Cache-Control"]


def test_password_protected_pages_are_never_stored(client, site):
    _network, _city, practice, _housing, _donor = site
    PageViewRestriction.objects.create(page=practice, restriction_type="password", password="secret")
    for _ in range(2):
        response = get(client, practice.url)
        assert response["X-Page-Cache"] == "bypass"
        assert "Κέντρο Συντονισμού" not in response.content.decode()


def test_search_results_are_never_cached(client, site):
    for url in ("/el/search/?q=κέντρο", "/el/search/?category=housing", "/el/search/suggest/?q=κεν"):
        for _ in range(2):
            response = get(client, url)
            assert "X-Page-Cache" not in response
            assert "private" in response["Cache-Control"]
            assert "no-store" in response["Cache-Control"]


def test_unknown_query_parameters_are_served_but_not_stored(client, site):
    _network, _city, practice, _housing, _donor = site
    for _ in range(2):
        assert get(client, practice.url + "?utm_source=x")["X-Page-Cache"] == "bypass"
    index = site[0].trees["el"].practices
    get(client, index.url + "?page=1")
    assert get(client, index.url + "?page=1")["X-Page-Cache"] == "hit"


def test_a_session_cookie_bypasses_the_cache(client, site):
    _network, _city, practice, _housing, _donor = site
    get(client, practice.url)
    client.cookies["sessionid"] = "anything"
    assert get(client, practice.url)["X-Page-Cache"] == "bypass"


def test_languages_and_hosts_are_kept_apart(client, site, settings):
    network, _city, practice, _housing, _donor = site
    english = network.translate(practice, title="Coordination Centre")
    get(client, practice.url)
    response = get(client, english.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Coordination Centre" in response.content.decode()
    assert get(client, practice.url, HTTP_HOST="other.example")["X-Page-Cache"] == "miss"


def test_a_broken_cache_serves_pages_uncached(client, site, monkeypatch):
    _network, _city, practice, _housing, _donor = site

    def fail(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(pagecache, "content_version", fail)
    response = get(client, practice.url)
    assert "Κέντρο Συντονισμού" in response.content.decode()
    assert response["X-Page-Cache"] == "bypass"


def test_content_models_are_recognised():
    from django.contrib.sessions.models import Session

    from wagtail.images.models import Image, Rendition
    from wagtail.models import Revision

    from cities.models import CityPage

    assert content_version.is_public_content(CityPage)
    assert content_version.is_public_content(Category)
    assert content_version.is_public_content(Image)
    assert not content_version.is_public_content(Rendition)
    assert not content_version.is_public_content(Revision)
    assert not content_version.is_public_content(Session)
