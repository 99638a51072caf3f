"""Editors' previews render through the same presenters, from unsaved content."""

from practices.models import PracticeCategory, PracticeOrganisation, PracticePage
from tests.factories.network import pdate
from tests.pages.conftest import soup_of


def test_preview_shows_unsaved_changes_to_inline_lists(network, translated):
    page = PracticePage.objects.get(pk=translated.practice.pk)
    partner = network.organisation("irc", "Διεθνής Επιτροπή Διάσωσης", "International Rescue Committee")
    page.title = "A new title"
    page.organisations = [PracticeOrganisation(organisation=partner, role="partner")]

    response = page.make_preview_request()
    soup = soup_of(response.content.decode())
    assert response.status_code == 200
    assert soup.h1.get_text(" ", strip=True).startswith("A new title")
    partners = [dd.get_text(" ", strip=True) for dd in soup.select(".facts__row--partner dd")]
    assert partners == ["International Rescue Committee"]
    assert not soup.select(".facts__row--founding_donor")


def test_preview_of_a_page_not_yet_created(network, brochure):
    city = brochure.city
    page = PracticePage(
        title="Καινούργια πρακτική",
        slug="new",
        summary="Σύνοψη",
        description="<p>Κείμενο</p>",
        started=pdate("2020"),
        locale=city.locale,
    )
    # What Wagtail's "preview on create" does before rendering.
    page.depth = city.depth + 1
    page.path = city.get_last_child()._inc_path()
    page.set_url_path(city)
    page.category_links = [
        PracticeCategory(term=network.category("new-category", "Νέα κατηγορία", "New category"))
    ]

    response = page.make_preview_request()
    soup = soup_of(response.content.decode())
    assert response.status_code == 200
    assert soup.h1.get_text(strip=True) == "Καινούργια πρακτική"
    assert soup.select_one(".practice__city a").get_text() == "Δήμος Αθηναίων"
    assert [tag.get_text() for tag in soup.select(".practice__header .tag")] == ["Νέα κατηγορία"]
