"""Each category has an icon drawn for the site, shown on cards and practice pages in every language."""

import importlib
import re
from pathlib import Path

import pytest

from django.apps import apps

from catalogue.format.errors import CatalogueInvalid
from catalogue.format.importer import import_document
from practices.models import Category
from practices.vocabulary import GENERIC_CATEGORY_ICON, CategoryIcon
from tests.factories.demo import demo_document

pytestmark = pytest.mark.django_db

SPRITE = Path(__file__).resolve().parents[2] / "static" / "icons" / "categories.svg"


def icons_on(soup, selector):
    return [use["href"].rsplit("#", 1)[1] for use in soup.select(f"{selector} .tag--category svg use")]


def test_the_sprite_draws_every_icon_an_editor_can_choose_and_the_plain_tag():
    drawn = set(re.findall(r'<symbol id="([a-z-]+)"', SPRITE.read_text(encoding="utf-8")))
    assert drawn == {*CategoryIcon.values, GENERIC_CATEGORY_ICON}


def test_cards_and_the_practice_page_show_each_categorys_icon_in_both_languages(network, fetch):
    housing = network.category("housing", "Στέγαση", "Housing")
    housing.icon = CategoryIcon.HOUSE
    housing.save()
    plain = network.category("new-theme", "Νέο θέμα", "New theme")
    city = network.city("volos", "Δήμος Βόλου")
    practice = network.practice(city, "shelter", "Στέγη", categories=[housing, plain])
    network.translate(city, title="Municipality of Volos")
    network.translate(practice, title="Shelter")

    for language in ("el", "en"):
        _html, page = fetch(f"/{language}/cities/volos/shelter/")
        assert sorted(icons_on(page, ".practice")) == ["house", "tag"], language
        _html, listing = fetch(f"/{language}/practices/")
        assert sorted(icons_on(listing, ".card")) == ["house", "tag"], language
        for svg in page.select(".tag--category svg"):
            assert svg["aria-hidden"] == "true" and svg["focusable"] == "false"


def test_an_icon_chosen_in_one_language_shows_in_every_language(network):
    network.category("health", "Υγεία", "Health")
    english = Category.objects.get(catalogue_id="health", locale__language_code="en")
    english.icon = CategoryIcon.HEART
    english.save()
    assert set(Category.objects.filter(catalogue_id="health").values_list("icon", flat=True)) == {"heart"}


def test_the_demo_gives_every_category_an_icon_and_an_unknown_icon_is_refused(site_tree):
    document = demo_document()
    import_document(document, publish=True)
    assert not Category.objects.filter(icon="").exists()
    assert (
        Category.objects.filter(catalogue_id="housing").values_list("icon", flat=True).distinct().get()
        == "house"
    )

    document["categories"][0]["icon"] = "rocket"
    with pytest.raises(CatalogueInvalid) as error:
        import_document(document, publish=True)
    assert f"categories[{document['categories'][0]['id']}].icon" in str(error.value)


def test_the_migration_gives_the_networks_categories_their_icons(network):
    network.category("employment", "Απασχόληση", "Employment")
    network.category("our-own", "Δικό μας θέμα")
    Category.objects.update(icon="")
    migration = importlib.import_module("practices.migrations.0006_category_icons")
    migration.give_known_categories_their_icons(apps, None)
    icons = dict(Category.objects.filter(locale__language_code="el").values_list("catalogue_id", "icon"))
    assert icons == {"employment": "briefcase", "our-own": ""}
