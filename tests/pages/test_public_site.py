"""The public site's additions: home figures and map, charts, logos, consent, sharing data, legal pages."""

import json
from decimal import Decimal

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from practices import models
from practices.models import Organisation, PracticeFigure
from practices.vocabulary import Evidence
from sitewide.figures import FigureKind
from tests.factories.brochure import accmr, athens
from tests.factories.media import ImageFactory
from tests.factories.network import pdate
from tests.pages.test_practice_page import text_of


def json_ld(soup):
    blocks = soup.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


def greek(text):
    """`text` as a Greek reader sees it (the lead's catalogue may translate it)."""
    with translation.override("el"):
        return gettext(text)


def meta(soup, name):
    tag = soup.select_one(f'meta[property="{name}"]') or soup.select_one(f'meta[name="{name}"]')
    return tag["content"] if tag else None


# -- Home -------------------------------------------------------------------


def test_home_shows_figures_chart_map_and_featured(network, fetch):
    city = athens(network)
    city.latitude, city.longitude = Decimal("37.9838"), Decimal("23.7275")
    city.save_revision().publish()
    housing = network.category("housing", "Στέγαση", "Housing")
    health = network.category("health", "Υγεία", "Health")
    network.practice(city, "a", "Α", categories=[housing, health], evidence=Evidence.EVALUATED)
    network.practice(city, "b", "Β", categories=[housing])
    elsewhere = network.city("volos", "Δήμος Βόλου")
    network.practice(elsewhere, "c", "Γ", categories=[housing])

    html, soup = fetch("/el/")
    stats = [" ".join(value.get_text().split()) for value in soup.select(".stats__value")]
    assert stats[:2] == ["2", "3"]

    chart = soup.select_one("#figures-heading").find_parent("section").select_one("figure.chart")
    svg = chart.select_one("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.select_one(f"#{title_id}").get_text() == greek("Practices per category")
    assert svg.select_one(f"#{desc_id}").get_text() == "Στέγαση: 3; Υγεία: 1"
    rows = [[cell.get_text() for cell in row.select("th, td")] for row in chart.select("tbody tr")]
    assert rows == [["Στέγαση", "3"], ["Υγεία", "1"]]
    widths = [rect["width"] for rect in svg.select("rect")]
    assert widths == ["78.00%", "26.00%"]

    cities = soup.select(".city-map__city")
    assert [item.a.get_text() for item in cities] == ["Δήμος Αθηναίων", "Δήμος Βόλου"]
    assert (cities[0]["data-lat"], cities[0]["data-lon"], cities[0]["data-count"]) == (
        "37.98380",
        "23.72750",
        "2",
    )
    assert not cities[1].has_attr("data-lat")
    assert soup.select_one("[data-map-toggle]").has_attr("hidden")

    featured = soup.select_one("#featured-heading").find_parent("section")
    assert [a.get_text() for a in featured.select(".card__title a")] == ["Α"]
    # A featured practice is not listed again under the latest ones.
    latest = soup.select_one("#latest-heading").find_parent("section")
    assert sorted(a.get_text() for a in latest.select(".card__title a")) == ["Β", "Γ"]
    # The reader's figures only: no internal count of categories.
    assert len(soup.select(".stats__value")) == 2
    # The home page's title is the network's name, once.
    assert soup.title.get_text() == "Δίκτυο Πόλεων για την Ένταξη"

    box = soup.select_one("form.search-box input[name=q]")
    assert box["data-autocomplete"] == "/el/search/suggest/"
    assert soup.select_one(".site-header form.site-search") is None  # the hero has the search


def test_every_page_has_the_network_mark_and_a_favicon(network, client, fetch):
    html, soup = fetch("/en/")
    assert soup.select_one(".site-name svg use")["href"].endswith("img/logo.svg#mark")
    assert soup.select_one('link[rel="icon"]')["href"].endswith("img/favicon.svg")
    assert "IOM" in soup.select_one(".site-footer").get_text()
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")


def test_home_without_practices_has_no_chart(network, fetch):
    html, soup = fetch("/en/")
    assert soup.select_one("figure.chart") is None
    assert [" ".join(v.get_text().split()) for v in soup.select(".stats__value")] == ["0", "0"]


# -- Practice page ------------------------------------------------------------


def test_logos_of_organisations_with_one(brochure, fetch):
    logo = ImageFactory(title="snf-logo", size=(300, 120))
    Organisation.objects.filter(catalogue_id="snf").update(logo=logo)
    html, soup = fetch(brochure.practice.url)
    # The brochure's supporters have logos when it is built with images; the
    # other organisations have none, so only SNF's may be shown.
    logos = [img for img in soup.select(".facts .logos img") if "Υποστηρικτής" not in img["alt"]]
    assert [img["alt"] for img in logos] == ["Ίδρυμα Σταύρος Νιάρχος"]
    assert "max-240x96" in logos[0]["src"]


def test_only_testimonials_with_consent_are_shown(brochure, fetch):
    page = brochure.practice
    models.Testimonial.objects.create(
        page=page, quote="Χωρίς συναίνεση.", name="Κάποιος", locale=page.locale, consent_given=False
    )
    html, soup = fetch(page.url)
    quotes = [quote.get_text(strip=True) for quote in soup.select(".testimonial blockquote")]
    assert quotes == ["Ένας δίαυλος επικοινωνίας 0."]
    assert "Χωρίς συναίνεση" not in html


def test_context_chart_compares_figures_of_one_kind(brochure, fetch):
    html, soup = fetch(brochure.practice.url)
    charts = soup.select("#context-heading ~ div figure.chart")
    assert len(charts) == 1  # population alone is not charted; the two asylum figures are
    svg = charts[0].svg
    with translation.override("el"):
        assert svg.title.get_text() == str(FigureKind.ASYLUM_SEEKERS_AND_REFUGEES.label)
    assert svg.desc.get_text() == "Στο πρόγραμμα ESTIA (Οκτώβριος 2019): ≈8.000; Στο κέντρο 0: 1.680"
    table = [[cell.get_text() for cell in row.select("th, td")] for row in charts[0].select("tbody tr")]
    assert table == [
        ["Στο πρόγραμμα ESTIA", "Οκτώβριος 2019", "≈8.000", "Πρόγραμμα ESTIA - UNHCR"],
        ["Στο κέντρο 0", "", "1.680", "—"],
    ]


def test_no_chart_without_a_comparison(brochure, fetch):
    PracticeFigure.objects.filter(page=brochure.practice, value=1680).delete()
    html, soup = fetch(brochure.practice.url)
    assert soup.select("figure.chart") == []


def test_pdf_and_contact_links(brochure, network, fetch):
    html, soup = fetch(brochure.practice.url)
    assert soup.select_one(".actions__pdf")["href"] == "/el/cities/athens/accmr/pdf/"
    contact = soup.select_one("section.contact-city")
    assert contact.select_one("a.button")["href"] == "/el/cities/athens/accmr/contact/"

    city = network.city("patras", "Δήμος Πατρέων")  # no official address
    bare = network.practice(city, "bare", "Απλή", categories=[network.category("c", "Κ")])
    html, soup = fetch(bare.url)
    assert soup.select_one("section.contact-city") is None
    fetch(bare.url + "contact/", status=404)


def test_practice_sharing_data(translated, fetch):
    html, soup = fetch(translated.practice.url)
    data = json_ld(soup)
    assert data["@type"] == "Article"
    assert data["headline"] == "Athens Coordination Center for Migrant & Refugee issues"
    assert data["inLanguage"] == "en"
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith("/en/cities/athens/accmr/")
    assert data["url"] == canonical
    assert data["spatialCoverage"]["name"] == "Municipality of Athens"
    assert data["keywords"] == ["Coordination 0"]
    assert {"@type": "Organization", "name": "Stavros Niarchos Foundation"} in data["contributor"]
    assert data["image"].startswith("http://") and "max-1200x900" in data["image"]

    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == "Athens Coordination Center for Migrant & Refugee issues"
    assert meta(soup, "og:description") == "A central body of the Municipality of Athens."
    assert meta(soup, "og:locale") == "en_GB"
    assert meta(soup, "og:url") == canonical
    assert meta(soup, "og:image") == data["image"]
    assert meta(soup, "og:image:alt") == "A meeting"
    assert meta(soup, "twitter:card") == "summary_large_image"


def test_json_ld_cannot_close_its_script_element(brochure, fetch):
    page = brochure.practice
    page.title = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    html, soup = fetch(page.url)
    assert "</script><script>alert(1)" not in html
    assert json_ld(soup)["headline"] == "</script><script>alert(1)</script>"


# -- City page ------------------------------------------------------------------


def test_city_figures_over_time_map_and_data(network, fetch):
    city = network.city(
        "athens",
        "Δήμος Αθηναίων",
        email="info@athens.example",
        latitude=Decimal("37.9838"),
        longitude=Decimal("23.7275"),
        figures=[
            {"kind": "population", "value": 664046, "date": pdate("2011"), "source": "Απογραφή 2011"},
            {"kind": "population", "value": 643452, "date": pdate("2021"), "source": "Απογραφή 2021"},
            {"kind": "migrants", "value": 120000, "date": pdate("2021")},
        ],
    )
    accmr(network, city)
    html, soup = fetch(city.url)
    charts = soup.select("#figures-heading ~ div figure.chart")
    assert len(charts) == 1
    with translation.override("el"):
        expected = gettext("%(what)s over time") % {"what": FigureKind.POPULATION.label}
    assert charts[0].svg.title.get_text() == expected
    assert charts[0].svg.desc.get_text() == "2011: 664.046; 2021: 643.452"

    item = soup.select_one("#city-map .city-map__city")
    assert item["data-count"] == "1" and item.a["href"] == "/el/cities/athens/"
    assert text_of(soup, ".city__contact") == f"{greek('Official email')} info@athens.example"

    data = json_ld(soup)
    assert data["@type"] == "GovernmentOrganization"
    assert data["email"] == "info@athens.example"
    assert data["areaServed"]["geo"] == {"@type": "GeoCoordinates", "latitude": 37.9838, "longitude": 23.7275}
    assert data["memberOf"]["name"] == greek("Cities Network for Integration")


def test_a_city_map_shows_the_city_among_the_networks_others(network, fetch):
    volos = network.city("volos", "Δήμος Βόλου", latitude=Decimal("39.3621"), longitude=Decimal("22.9420"))
    network.practice(volos, "one", "Μία")
    network.city("larissa", "Δήμος Λαρισαίων", latitude=Decimal("39.6390"), longitude=Decimal("22.4191"))
    network.city("nowhere", "Δήμος χωρίς συντεταγμένες")
    _html, soup = fetch(volos.url)
    items = soup.select("#city-map .city-map__city")
    assert [item.a.get_text() for item in items] == [
        "Δήμος Βόλου",
        "Δήμος Λαρισαίων",
        "Δήμος χωρίς συντεταγμένες",
    ]
    here, larissa, nowhere = items
    assert here.has_attr("data-current") and here.a["aria-current"] == "page"
    assert here.select_one(".city-map__here").get_text() == "(αυτή η πόλη)"
    assert here["data-count"] == "1"
    assert not larissa.has_attr("data-current") and larissa.a["href"] == "/el/cities/larissa/"
    assert larissa["data-lat"] == "39.63900"
    assert not nowhere.has_attr("data-lat"), "a city without coordinates is listed, not placed"


def test_cities_index_lists_cities_for_the_map(network, fetch):
    athens(network)
    html, soup = fetch("/el/cities/")
    assert [a.get_text() for a in soup.select("#cities-map .city-map__link")] == ["Δήμος Αθηναίων"]
    # The cards list the cities; the map's own list only feeds its markers, out of sight.
    assert [a.get_text() for a in soup.select(".cards--cities .card__title a")] == ["Δήμος Αθηναίων"]
    assert soup.select_one("#cities-map .city-map__list").has_attr("hidden")
    assert soup.select_one("#cities-map")["data-label-no-tiles"].endswith("παρατίθενται παραπάνω.")


# -- Legal pages ------------------------------------------------------------------


def test_setup_creates_legal_pages_in_both_languages_once(network, client):
    call_command("setup_network", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("setup_network", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from home.models import LegalPage

    pages = LegalPage.objects.live().order_by("locale__language_code", "slug")
    assert [(p.locale.language_code, p.slug, p.title) for p in pages] == [
        ("el", "accessibility", "Δήλωση προσβασιμότητας"),
        ("el", "privacy", "Πολιτική απορρήτου"),
        ("en", "accessibility", "Accessibility statement"),
        ("en", "privacy", "Privacy notice"),
    ]
    english = pages.get(locale__language_code="en", slug="privacy")
    assert english.get_translation(network.el).slug == "privacy"
    assert "180 days" in english.body

    for language, expected in (("el", "Πολιτική απορρήτου"), ("en", "Privacy notice")):
        response = client.get(f"/{language}/")
        footer = response.content.decode().split('class="site-footer"')[1]
        assert f'href="/{language}/privacy/"' in footer and expected in footer
        assert f'href="/{language}/accessibility/"' in footer
        assert client.get(f"/{language}/privacy/").status_code == 200


def test_every_image_tag_in_templates_gives_alt_text():
    """{% image %} without alt= would fall back to the image's title; every one names its text."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    tags = [
        (path.relative_to(root), tag)
        for folder in ["config", *settings.PROJECT_APPS]
        for path in (root / folder).rglob("*.html")
        for tag in re.findall(r"{%\s*image\s[^%]*%}", path.read_text(encoding="utf-8"))
    ]
    assert tags, "no {% image %} tag found: the check checks nothing"
    missing = [
        (str(path), tag) for path, tag in tags if " as " not in tag and not re.search(r"\balt=(?!\"\")", tag)
    ]
    assert missing == []
