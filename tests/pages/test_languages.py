"""Language chrome: html lang/dir, the switcher, hreflang, aliases, error pages."""

import pytest

from django.template import Context, Template, engines
from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from tests.pages.conftest import soup_of

BASE = "http://localhost"  # the default Site's root URL, which absolute links use


def switcher(soup):
    """{language code: href or "current"} from the language switcher."""
    nav = soup.select_one("nav.language-switcher")
    if nav is None:
        return {}
    entries = {}
    for item in nav.select("li"):
        link = item.find("a")
        if link is not None:
            entries[link["lang"]] = link["href"]
        else:
            current = item.select_one('[aria-current="true"]')
            entries[current["lang"]] = "current"
    return entries


def hreflangs(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}


def canonical(soup):
    link = soup.select_one('link[rel="canonical"]')
    return link["href"] if link else None


PAGE_URLS = {
    "home": ("/el/", "/en/"),
    "cities": ("/el/cities/", "/en/cities/"),
    "catalogue": ("/el/practices/", "/en/practices/"),
    "city": ("/el/cities/athens/", "/en/cities/athens/"),
    "practice": ("/el/cities/athens/accmr/", "/en/cities/athens/accmr/"),
}


@pytest.mark.parametrize("kind", PAGE_URLS)
def test_switcher_and_hreflang_on_every_page_type(translated, fetch, kind):
    greek, english = PAGE_URLS[kind]

    html, soup = fetch(greek)
    assert soup.html["lang"] == "el" and soup.html["dir"] == "ltr"
    assert switcher(soup) == {"el": "current", "en": english}
    assert hreflangs(soup) == {"el": BASE + greek, "en": BASE + english, "x-default": BASE + greek}
    assert canonical(soup) == BASE + greek
    assert soup.select_one(".language-switcher a")["hreflang"] == "en"
    assert soup.select_one('.language-switcher a[lang="en"]').get_text() == "English"

    html, soup = fetch(english)
    assert soup.html["lang"] == "en" and soup.html["dir"] == "ltr"
    assert switcher(soup) == {"el": greek, "en": "current"}
    assert soup.select_one('.language-switcher a[lang="el"]').get_text() == "Ελληνικά"
    assert hreflangs(soup) == {"el": BASE + greek, "en": BASE + english, "x-default": BASE + greek}
    assert canonical(soup) == BASE + english


def test_untranslated_page_offers_no_other_language(brochure, fetch):
    html, soup = fetch(brochure.practice.url)
    assert switcher(soup) == {}
    assert hreflangs(soup) == {"el": BASE + brochure.practice.url, "x-default": BASE + brochure.practice.url}


def test_draft_translation_is_not_offered(network, brochure, fetch):
    draft = brochure.practice.copy_for_translation(network.en, copy_parents=True)
    assert not draft.live
    html, soup = fetch(brochure.practice.url)
    assert "en" not in switcher(soup)
    assert "en" not in hreflangs(soup)


def test_alias_is_marked_greek_with_a_notice(network, brochure, fetch):
    alias = network.alias(brochure.practice)
    assert alias.url == "/en/cities/athens/accmr/" and alias.alias_of_id == brochure.practice.pk

    html, soup = fetch(alias.url)
    assert soup.html["lang"] == "en"
    article = soup.select_one("article.practice")
    assert article["lang"] == "el"
    notice = soup.select_one("main .notice")
    assert notice.get_text(strip=True) == "Only available in Greek"
    assert not notice.find_parent(attrs={"lang": "el"})
    # The reader's language inside the Greek content is marked as such.
    assert article.select_one("#facts-heading")["lang"] == "en"
    assert article.select_one(".tag")["lang"] == "en"
    assert article.select_one(".tag").get_text() == "Coordination 0"
    started = article.select_one(".facts time")
    assert started.get_text() == "June 2017" and started.parent["lang"] == "en"
    # The switcher offers the alias; search engines are sent to the Greek source.
    assert switcher(soup) == {"el": brochure.practice.url, "en": "current"}
    assert hreflangs(soup) == {"el": BASE + brochure.practice.url, "x-default": BASE + brochure.practice.url}
    assert canonical(soup) == BASE + brochure.practice.url


def test_alias_city_is_marked_greek(network, brochure, fetch):
    alias = network.alias(brochure.city)
    html, soup = fetch(alias.url)
    assert soup.select_one("article.city")["lang"] == "el"
    assert soup.select_one("main .notice").get_text(strip=True) == "Only available in Greek"
    assert soup.select_one(".figure__value").get_text() == "664,046"

    html, soup = fetch("/en/cities/")
    card = soup.select_one(".card")
    assert card["lang"] == "el" and card.h2.get_text(strip=True) == "Δήμος Αθηναίων"
    assert card.select_one(".card__meta")["lang"] == "en"


def test_translated_page_has_no_lang_overrides(translated, fetch):
    html, soup = fetch(translated.practice.url)
    assert soup.select_one("main .notice") is None
    assert not soup.select("main [lang]")


def test_not_found_uses_the_base_template(translated, fetch):
    html, soup = fetch("/en/cities/nowhere/", status=404)
    assert soup.html["lang"] == "en"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert switcher(soup) == {"el": "/el/", "en": "current"}
    assert hreflangs(soup) == {}
    assert soup.select_one("#main h1").get_text() == "Page not found"
    assert soup.select_one("form[role=search]")["action"] == "/en/search/"


def test_base_template_works_without_a_page(translated, rf_search):
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<h1>Results</h1>{% endblock %}'
    )
    with translation.override("en"):
        html = template.render({}, rf_search)
    soup = soup_of(html)
    assert soup.html["lang"] == "en"
    assert switcher(soup) == {"el": "/el/search/?q=camp", "en": "current"}
    assert soup.title.get_text() == "Cities Network for Integration"
    assert soup.select_one(".site-nav a")["href"] == "/en/cities/"


@pytest.fixture
def rf_search():
    request = RequestFactory().get("/en/search/", {"q": "camp"})
    request.resolver_match = resolve("/en/search/")
    return request


def test_server_error_page_needs_no_request_or_database():
    # No `db` fixture: pytest-django makes any query here raise.
    with translation.override("el"):
        html = get_template("500.html").render()
    assert '<html lang="el" dir="ltr">' in html
    assert 'href="/en/"' in html and 'href="/el/"' in html


def test_lang_attr_marks_only_a_change_of_language():
    template = Template("{% load site_chrome %}<p{% lang_attr code %}></p>")
    assert template.render(Context({"LANGUAGE_CODE": "en", "code": "en"})) == "<p></p>"
    assert template.render(Context({"LANGUAGE_CODE": "en", "code": "el"})) == '<p lang="el"></p>'
    inside_greek = Context({"LANGUAGE_CODE": "en", "content_lang": "el", "code": "en"})
    assert template.render(inside_greek) == '<p lang="en"></p>'
