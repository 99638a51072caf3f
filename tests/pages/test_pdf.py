"""The practice as a two-page PDF brochure, made on the server by WeasyPrint."""

import re
import zlib

from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from practices.pdf import SiteFetcher, render_brochure


def text_of_page(page):
    """Every piece of text WeasyPrint laid out on one page."""
    found = []

    def walk(box):
        if hasattr(box, "text"):
            found.append(box.text)
        for child in getattr(box, "children", ()):
            walk(child)

    walk(page._page_box)
    return " ".join(" ".join(found).split())


def render(page, language):
    request = RequestFactory().get(page.url + "pdf/")
    with translation.override(language):
        document = render_brochure(request, page)
        network = gettext("Cities Network for Integration")
    return document, [text_of_page(p) for p in document.pages], network


def test_download_is_a_pdf_named_after_the_practice(brochure, client):
    response = client.get(brochure.practice.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="accmr-el.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert b"/StructTreeRoot" in pdf_objects(response.content)  # tagged, for screen readers


def pdf_objects(pdf):
    """The PDF's bytes with its compressed streams inflated, to look for structure in them."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"".join(parts)


def test_two_pages_in_the_page_language_with_network_and_city(translated):
    for page, language, city, title in (
        (translated.el.practice, "el", "Δήμος Αθηναίων", "Κέντρο Συντονισμού"),
        (translated.practice, "en", "Municipality of Athens", "Athens Coordination Center"),
    ):
        document, pages, network = render(page, language)
        assert len(pages) == 2, (language, len(pages))
        for text in pages:
            assert network in text and city in text  # the running header of every page
        assert title in pages[0]
        assert "664" in pages[0]  # context figures on the first page
        assert "/cities/athens/accmr/" in pages[1]  # where to read the rest
        assert document.metadata.title.startswith(page.title)


def test_long_description_still_fits_two_pages(brochure):
    page = brochure.practice
    page.description = "".join(
        f"<p>{'Μια πολύ μεγάλη περιγραφή της πρακτικής. ' * 40}</p>" for _ in range(20)
    )
    page.save_revision().publish()
    document, pages, network = render(type(page).objects.get(pk=page.pk), "el")
    assert len(pages) == 2


def test_fetcher_reads_only_the_sites_own_files():
    fetcher = SiteFetcher()
    assert fetcher.fetch("http://testserver/static/css/brochure.css").read().startswith(b"/*")
    for url in ("http://example.org/tracker.png", "http://testserver/admin/"):
        try:
            fetcher.fetch(url)
        except ValueError:
            continue
        raise AssertionError(f"{url} was fetched")


def test_an_unstated_end_and_results_about_nothing_read_as_on_the_page(network):
    from tests.factories.brochure import accmr, athens

    practice = accmr(network, athens(network), size=3)
    practice.status, practice.ended = "discontinued", None
    practice.save_revision().publish()
    _document, pages, _network = render(practice, "el")
    text = " ".join(pages)
    assert "Λήξη" in text and "δεν αναφέρεται ημερομηνία" in text
    assert "Άλλα αποτελέσματα" in text


def test_the_brochure_carries_every_testimonial_link_and_picture_and_fills_page_one(network):
    from tests.factories.brochure import accmr, athens

    practice = accmr(network, athens(network), size=3, images=2)
    document, pages, _network = render(practice, "el")
    assert len(pages) == 2
    text = " ".join(pages)
    for quote in (
        "Ένας δίαυλος επικοινωνίας 0.",
        "Ένας δίαυλος επικοινωνίας 1.",
        "Ένας δίαυλος επικοινωνίας 2.",
    ):
        assert quote in text
    for number in range(3):
        assert f"Ιστότοπος {number}" in text and f"https://www.accmr.gr/{number}" in text
    assert "Λεζάντα 0" in text and "Λεζάντα 1" in text
    # The story starts under the facts, not on a page of its own.
    assert "Σχετικά με την πρακτική" in pages[0]
    images = [box for box in _boxes(document.pages[1]._page_box) if type(box).__name__ == "InlineReplacedBox"]
    assert len(images) >= 2, "the pictures are laid out"


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)
