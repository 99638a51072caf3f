"""The catalogue, the cities index, a city page and the home page."""

from cities.models import CityFigure
from practices.presenters import listing
from tests.factories.network import pdate


def card_titles(soup):
    return [" ".join(a.get_text(" ").split()) for a in soup.select(".card__title a")]


def test_catalogue_lists_live_practices_of_its_language(network, translated, fetch):
    city = translated.el.city
    draft = network.practice(city, "draft", "Πρόχειρη πρακτική")
    draft.unpublish()
    network.practice(city, "greek-only", "Μόνο ελληνικά")
    aliased = network.practice(city, "aliased", "Αμετάφραστη πρακτική")
    network.alias(aliased)

    html, soup = fetch("/el/practices/")
    assert card_titles(soup) == [
        "Αμετάφραστη πρακτική",
        "Κέντρο Συντονισμού για θέματα Μεταναστών & Προσφύγων (ACCMR)",
        "Μόνο ελληνικά",
    ]
    assert "Πρόχειρη" not in html
    assert "3 πρακτικές" in soup.select_one(".listing__count").get_text()

    html, soup = fetch("/en/practices/")
    assert card_titles(soup) == [
        "Athens Coordination Center for Migrant & Refugee issues (ACCMR)",
        "Αμετάφραστη πρακτική",
    ]
    assert "Μόνο ελληνικά" not in html
    cards = soup.select(".card")
    assert "lang" not in cards[0].attrs
    assert [tag.get_text() for tag in cards[0].select(".tag")] == ["Coordination 0"]
    assert cards[0].select_one(".card__city").get_text() == "Municipality of Athens"
    assert cards[0].select_one(".card__title a")["href"] == "/en/cities/athens/accmr/"
    assert cards[1]["lang"] == "el"
    assert cards[1].select_one(".notice").get_text(strip=True) == "Only available in Greek"
    assert cards[1].select_one(".notice").parent["lang"] == "en"
    assert cards[1].select_one(".card__title a")["href"] == "/en/cities/athens/aliased/"


def test_catalogue_is_paginated(network, brochure, fetch, monkeypatch):
    monkeypatch.setattr(listing, "CATALOGUE_PAGE_SIZE", 2)
    for i in range(3):
        network.practice(brochure.city, f"extra-{i}", f"Ω πρακτική {i}")
    html, soup = fetch("/el/practices/")
    assert len(soup.select(".card")) == 2
    assert soup.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    html, soup = fetch("/el/practices/?page=2")
    assert card_titles(soup) == ["Ω πρακτική 1", "Ω πρακτική 2"]
    assert soup.select_one('.pagination a[rel="prev"]')["href"] == "?page=1"


def test_cities_index_counts_live_practices(network, translated, fetch):
    patras = network.city("patras", "Δήμος Πατρέων")
    network.practice(patras, "one", "Μία")
    network.practice(patras, "two", "Δύο").unpublish()
    network.practice(translated.el.city, "second", "Δεύτερη")

    html, soup = fetch("/el/cities/")
    cards = {card.select_one(".card__title").get_text(strip=True): card for card in soup.select(".card")}
    assert list(cards) == ["Δήμος Αθηναίων", "Δήμος Πατρέων"]
    assert cards["Δήμος Αθηναίων"].select_one(".card__meta").get_text(strip=True) == "2 πρακτικές"
    assert cards["Δήμος Πατρέων"].select_one(".card__meta").get_text(strip=True) == "1 πρακτική"

    html, soup = fetch("/en/cities/")
    assert card_titles(soup) == ["Municipality of Athens"]
    assert soup.select_one(".card__meta").get_text(strip=True) == "1 practice"


def test_city_page_shows_contacts_figures_over_time_and_its_practices(network, brochure, fetch):
    city = brochure.city
    CityFigure.objects.create(page=city, kind="migrants", value=120000, locale=city.locale)
    CityFigure.objects.create(
        page=city,
        kind="population",
        value=655780,
        date=pdate("2001"),
        source="Απογραφή 2001",
        locale=city.locale,
    )
    elsewhere = network.city("patras", "Δήμος Πατρέων")
    network.practice(elsewhere, "other", "Άλλη πόλη")

    html, soup = fetch(city.url)
    assert soup.h1.get_text() == "Δήμος Αθηναίων"
    assert soup.select_one(".city__region").get_text() == "Αττική"
    assert soup.select_one('a[href="https://www.cityofathens.gr"]')
    assert soup.select_one('a[href="mailto:info@athens.example"]')
    figures = [
        (
            figure.select_one(".figure__value").get_text(),
            " ".join(figure.select_one(".figure__meta").get_text(" ").split()),
        )
        for figure in soup.select(".figure")
    ]
    assert figures == [
        ("655.780", "2001 · Πηγή: Απογραφή 2001"),
        ("664.046", "2011 · Πηγή: Απογραφή 2011"),
        ("120.000", "δεν αναφέρεται ημερομηνία · δεν αναφέρεται πηγή"),
    ]
    assert card_titles(soup) == ["Κέντρο Συντονισμού για θέματα Μεταναστών & Προσφύγων (ACCMR)"]
    assert soup.select_one(".card .card__city") is None  # no need to repeat the city on its own page


def test_home_introduces_the_network_and_lists_latest_practices(translated, fetch):
    html, soup = fetch("/en/")
    assert soup.h1.get_text() == "Cities Network for Integration"
    assert "brings together Greek municipalities" in soup.select_one(".hero__text").get_text()
    entry_points = {a["href"]: " ".join(a.get_text(" ").split()) for a in soup.select(".entry-point")}
    assert entry_points == {
        "/en/practices/": "Good practices 1 practice",
        "/en/cities/": "Member cities 1 city",
    }
    assert card_titles(soup) == ["Athens Coordination Center for Migrant & Refugee issues (ACCMR)"]
    assert soup.select_one(".card__title").name == "h3"
