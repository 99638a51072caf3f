"""The practice page: brochure content, in the reader's language, nothing stored leaking."""

import re

from practices import models
from practices.models import Adaptation, Organisation, PracticeOrganisation
from tests.factories.brochure import accmr
from tests.factories.brochure import athens as build_athens

GREEK_SNIPPET_NAMES = [
    "Συντονισμός 0",
    "Μετανάστες 0",
    "Ίδρυμα Σταύρος Νιάρχος",
    "Αθηναϊκή Σύμπραξη",
    "Οργανισμός Οικονομικής Συνεργασίας",
    "Υποστηρικτής 0",
]


def text_of(soup, selector):
    element = soup.select_one(selector)
    assert element is not None, f"nothing matches {selector}"
    return " ".join(element.get_text(" ").split())


def facts(soup):
    """{term: [descriptions]} from the key facts panel."""
    rows = {}
    for row in soup.select(".facts .facts__row"):
        term = " ".join(row.dt.get_text(" ").split())
        rows[term] = [" ".join(dd.get_text(" ").split()) for dd in row.find_all("dd")]
    return rows


def test_greek_page_reads_like_the_brochure(brochure, fetch):
    html, soup = fetch(brochure.practice.url)
    assert brochure.practice.url == "/el/cities/athens/accmr/"
    assert soup.html["lang"] == "el" and soup.html["dir"] == "ltr"
    assert soup.h1.get_text(" ", strip=True).startswith("Κέντρο Συντονισμού")
    assert "(ACCMR)" in text_of(soup, "h1")
    assert text_of(soup, ".practice__city a") == "Δήμος Αθηναίων"
    assert [li.get_text() for li in soup.select(".practice__header .tag")] == ["Συντονισμός 0"]

    rows = facts(soup)
    assert rows["Έναρξη"] == ["Ιούνιος 2017"]
    assert rows["Ιδρυτικός δωρητής"] == ["Ίδρυμα Σταύρος Νιάρχος (SNF)"]
    assert rows["Σχεδιασμός και διαχείριση"] == ["Αθηναϊκή Σύμπραξη (έως τον Νοέμβριο του 2018)"]
    assert rows["Υποστηρικτής"] == ["Υποστηρικτής 0"]
    assert rows["Ομάδες-στόχοι"] == ["Μετανάστες 0"]
    assert rows["Τελευταίος έλεγχος"] == ["Μάιος 2023"]

    values = [value.get_text() for value in soup.select(".figure__value")]
    assert values == ["664.046", "≈8.000", "1.680"]
    assert [value.get_text(strip=True) for value in soup.select(".outcome__value")] == [
        "143",
        "151",
        "362",
        "31.000",
    ]
    assert text_of(soup, ".outcomes__about") == "Ψηφιακή Πλατφόρμα"
    assert "Οκτώβριος 2019" in " ".join(figure.get_text() for figure in soup.select(".figure"))


def test_english_translation_is_english_throughout(translated, fetch):
    html, soup = fetch(translated.practice.url)
    assert translated.practice.url == "/en/cities/athens/accmr/"
    assert soup.html["lang"] == "en"
    assert text_of(soup, "h1").startswith("Athens Coordination Center")
    assert text_of(soup, ".practice__city a") == "Municipality of Athens"
    assert [li.get_text() for li in soup.select(".practice__header .tag")] == ["Coordination 0"]

    rows = facts(soup)
    assert rows["Started"] == ["June 2017"]
    assert rows["Founding donor"] == ["Stavros Niarchos Foundation (SNF)"]
    assert rows["Design and management"] == ["Athens Partnership (until November 2018)"]
    assert rows["Supporter"] == ["Supporter org 0"]
    assert rows["Target groups"] == ["Migrants 0"]

    assert [value.get_text() for value in soup.select(".figure__value")] == ["664,046", "≈8,000", "1,680"]
    assert [value.get_text(strip=True) for value in soup.select(".outcome__value")] == [
        "143",
        "151",
        "362",
        "31,000",
    ]
    assert "Organisation for Economic Co-operation (OECD)" in text_of(soup, ".recognitions")
    assert "Supporter org 0" in text_of(soup, ".testimonial__by")
    assert "2011 census" in text_of(soup, ".figure")


def test_english_page_shows_no_greek_snippet_and_links_no_greek_page(translated, fetch):
    html, soup = fetch(translated.practice.url)
    for name in GREEK_SNIPPET_NAMES:
        assert name not in html
    assert not re.search(r"[\u0370-\u03ff]", soup.find("article").get_text().replace("Δήμος Αθηναίων", "")), (
        "Greek text in the English article (other than the photo credit, which is synchronised)"
    )

    allowed = {a["href"] for a in soup.select(".language-switcher a")}
    allowed |= {link["href"] for link in soup.select('link[rel="alternate"], link[rel="canonical"]')}
    greek_links = {
        tag.get("href") for tag in soup.find_all(["a", "link"]) if "/el/" in (tag.get("href") or "")
    }
    assert greek_links, "the switcher and hreflang should point to the Greek page"
    assert greek_links <= allowed
    body_links = {a["href"] for a in soup.select("main a[href]")}
    assert not any("/el/" in href for href in body_links), body_links


def test_snippet_without_translation_falls_back_to_greek_marked_as_greek(network, translated, fetch):
    untranslated = network.organisation("irc", "Διεθνής Επιτροπή Διάσωσης")
    page = translated.practice
    PracticeOrganisation.objects.create(
        page=page, organisation=untranslated, role="partner", locale=page.locale
    )
    # A translation exists but is a draft: readers must not see it.
    draft_org = network.organisation("actionaid", "ΑκσιονΕιντ", "ActionAid draft name")
    Organisation.objects.filter(locale=network.en, catalogue_id="actionaid").update(live=False)
    models.Testimonial.objects.create(
        page=page, quote="Quote", name="Name", organisation=draft_org, locale=page.locale, consent_given=True
    )

    html, soup = fetch(page.url)
    rows = facts(soup)
    assert rows["Partner"] == ["Διεθνής Επιτροπή Διάσωσης"]
    partner = soup.select_one(".facts__row--partner dd span")
    assert partner["lang"] == "el"
    assert "ActionAid draft name" not in html
    fallback = [span for span in soup.select(".testimonial__organisation") if "ΑκσιονΕιντ" in span.get_text()]
    assert fallback and fallback[0]["lang"] == "el"


def test_figures_without_date_or_source_say_so(brochure, fetch):
    html, soup = fetch(brochure.practice.url)
    undated = soup.select(".figure")[-1]
    assert undated.select_one(".figure__value").get_text() == "1.680"
    meta = " ".join(undated.select_one(".figure__meta").get_text(" ").split())
    assert meta == "δεν αναφέρεται ημερομηνία · δεν αναφέρεται πηγή"
    dated = soup.select(".figure")[1]
    assert dated.select_one("time")["datetime"] == "2019-10"


def test_testimonials_recognitions_gallery_and_contact(brochure, fetch):
    html, soup = fetch(brochure.practice.url)
    testimonial = soup.select_one("figure.testimonial")
    assert testimonial.blockquote.get_text(strip=True) == "Ένας δίαυλος επικοινωνίας 0."
    assert (
        " ".join(testimonial.figcaption.get_text(" ").split()) == "Πρόσωπο 0 , Συντονίστρια , Υποστηρικτής 0"
    )

    picture = soup.select_one(".gallery figure")
    assert picture.img["alt"] == "Συνάντηση 0"
    assert "max-1200x900" in picture.img["src"]
    assert "Λεζάντα 0" in picture.figcaption.get_text()
    assert "Δήμος Αθηναίων" in picture.select_one(".gallery__credit").get_text()

    contact = soup.select_one("address.contact")
    assert contact.select_one('a[href="mailto:accmr@athens.example"]')
    assert contact.select_one('a[href="tel:+302100000000"]')
    assert soup.select_one('.link-list a[href="https://www.accmr.gr/0"]').get_text() == "Ιστότοπος 0"


def test_sections_without_data_are_left_out(network, fetch):
    city = network.city("patras", "Δήμος Πατρέων")
    page = network.practice(city, "bare", "Απλή πρακτική", categories=[network.category("c", "Κατηγορία")])
    html, soup = fetch(page.url)
    headings = {h2.get("id") for h2 in soup.select("article h2")}
    # Every practice can be cited (tests/opendata/test_citation.py).
    assert headings == {None, "facts-heading", "description-heading", "citation-heading"}
    for absent in ("figures", "outcomes", "testimonial", "gallery", "contact", "link-list", "recognitions"):
        assert f'class="{absent}' not in html
    assert "Ended" not in facts(soup)


def test_headings_are_in_order(brochure, fetch):
    html, soup = fetch(brochure.practice.url)
    levels = [int(tag.name[1]) for tag in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_adapted_from_and_by_link_the_readers_language(network, translated, fetch):
    athens = translated.el.city
    source = translated.el.practice
    thessaloniki = network.city("thessaloniki", "Δήμος Θεσσαλονίκης")
    adopter = network.practice(
        thessaloniki,
        "coordination",
        "Συντονισμός Θεσσαλονίκης",
        inlines={"adapted_from": [Adaptation(source=source)]},
    )
    english_city = network.translate(thessaloniki, title="Municipality of Thessaloniki")
    english_adopter = network.translate(adopter, title="Thessaloniki coordination")
    assert athens.pk != english_city.pk

    html, soup = fetch(english_adopter.url)
    links = soup.select('[aria-labelledby="related-heading"] a')
    assert [(a["href"], a.get_text()) for a in links] == [
        ("/en/cities/athens/accmr/", "Athens Coordination Center for Migrant & Refugee issues")
    ]
    assert "Municipality of Athens" in text_of(soup, '[aria-labelledby="related-heading"]')

    html, soup = fetch(translated.practice.url)
    links = soup.select('[aria-labelledby="related-heading"] a')
    assert [(a["href"], a.get_text()) for a in links] == [
        ("/en/cities/thessaloniki/coordination/", "Thessaloniki coordination")
    ]

    html, soup = fetch(source.url)
    links = soup.select('[aria-labelledby="related-heading"] a')
    assert [a["href"] for a in links] == ["/el/cities/thessaloniki/coordination/"]


def test_adapted_practice_with_no_english_version_falls_back_marked_greek(network, translated, fetch):
    larissa = network.city("larissa", "Δήμος Λαρισαίων")
    greek_only = network.practice(larissa, "origin", "Αρχική πρακτική")
    page = translated.practice
    Adaptation.objects.create(page=page, source=greek_only)

    html, soup = fetch(page.url)
    link = soup.select_one('[aria-labelledby="related-heading"] a')
    assert link["href"] == "/el/cities/larissa/origin/"
    assert link["lang"] == "el" and link["hreflang"] == "el"


def test_images_render_through_wagtail_renditions(network, fetch):
    city = build_athens(network)
    page = accmr(network, city, images=2)
    html, soup = fetch(page.url)
    assert len(soup.select(".gallery img")) == 2
    assert all(
        img["loading"] == "lazy" and img["width"] and img["height"] for img in soup.select(".gallery img")
    )
    assert [img["alt"] for img in soup.select(".gallery img")] == ["Συνάντηση 0", "Συνάντηση 1"]


def test_a_discontinued_practice_without_its_end_date_says_so(brochure, translated, fetch):
    """Some practices stopped on a date nobody published: the page says it ended, not nothing."""
    for page in (brochure.practice, translated.practice):
        page.refresh_from_db()
        page.status, page.ended = "discontinued", None
        page.full_clean()
        page.save_revision().publish()
    _html, soup = fetch(brochure.practice.url)
    assert facts(soup)["Λήξη"] == ["δεν αναφέρεται ημερομηνία"]
    _html, soup = fetch(translated.practice.url)
    assert facts(soup)["Ended"] == ["date not stated"]


def test_an_ongoing_practice_shows_no_end(brochure, fetch):
    _html, soup = fetch(brochure.practice.url)
    assert "Λήξη" not in facts(soup)


def test_results_about_nothing_in_particular_get_their_own_heading(network, fetch):
    """Outcomes without an `about` that follow a group must not read as part of that group."""
    practice = accmr(network, build_athens(network), size=3)
    _html, soup = fetch(practice.url)
    headings = [" ".join(h.get_text().split()) for h in soup.select(".outcomes__about")]
    assert headings == ["Ψηφιακή Πλατφόρμα", "Άλλα αποτελέσματα"]
    others = soup.select(".outcomes")[1]
    assert "μέτρηση 1" in others.get_text() and "Ψηφιακή" not in others.get_text()


def test_an_unknown_status_is_said_not_hidden(brochure, translated, fetch):
    """Readers are told the status is not known, on the page, its card and its brochure."""
    from tests.pages.test_pdf import render

    for page in (brochure.practice, translated.practice):
        page.refresh_from_db()
        page.status = "unknown"
        page.save_revision().publish()
    expected = {
        "el": ("Κατάσταση", "Άγνωστη", "Άγνωστη κατάσταση", brochure.practice),
        "en": ("Status", "Unknown", "Status unknown", translated.practice),
    }
    for language, (term, value, badge, page) in expected.items():
        _html, soup = fetch(page.url)
        assert facts(soup)[term] == [value]
        assert text_of(soup, ".practice__badges .status--unknown") == badge
        _html, soup = fetch(f"/{language}/practices/")
        assert [text_of(card, ".status") for card in soup.select(".card")] == [badge]
        _html, soup = fetch(f"/{language}/search/?q=ACCMR")
        assert text_of(soup, ".card .status--unknown") == badge
        _document, pdf_pages, _network = render(page, language)
        assert f"{term} {value}" in " ".join(pdf_pages)
