"""Adding a language is settings only: Arabic pages get their own tree, and read right to left."""

import importlib
import re
from pathlib import Path

import pytest

from django.test import override_settings
from django.urls import clear_url_caches

from wagtail.coreutils import get_content_languages, get_supported_content_language_variant

from home.site_tree import ensure_site_tree

pytestmark = pytest.mark.django_db

ARABIC = importlib.import_module("config.settings.test_arabic")
CSS = Path(__file__).resolve().parents[2] / "static" / "css"


def _clear_language_caches():
    # Django clears its own language caches when LANGUAGES changes; Wagtail's and the URL resolver's stay.
    get_content_languages.cache_clear()
    get_supported_content_language_variant.cache_clear()
    clear_url_caches()


@pytest.fixture
def arabic_site():
    with override_settings(
        LANGUAGES=ARABIC.LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=ARABIC.WAGTAIL_CONTENT_LANGUAGES
    ):
        _clear_language_caches()
        yield ensure_site_tree()
    _clear_language_caches()


def test_arabic_pages_are_rtl(client, arabic_site):
    assert set(arabic_site) == {"el", "en", "ar"}
    response = client.get("/ar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<html[^>]*lang="ar"[^>]*dir="rtl"', html) or re.search(
        r'<html[^>]*dir="rtl"[^>]*lang="ar"', html
    )
    assert 'dir="rtl"' not in client.get("/en/").content.decode()[:500]


def test_greek_and_english_pages_stay_ltr(client, arabic_site):
    for language in ("el", "en"):
        html = client.get(f"/{language}/").content.decode()
        assert f'lang="{language}"' in html and 'dir="ltr"' in html


def test_layout_uses_logical_sides_so_it_mirrors():
    """Physical left/right in the CSS would not flip for right-to-left languages."""
    physical = re.compile(
        r"(?<![-\w])(margin|padding|border)-(left|right)\b|(?<![-\w])(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)"
    )
    offenders = [
        f"{path.name}: {match.group(0)}"
        for path in CSS.glob("*.css")
        for match in physical.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
