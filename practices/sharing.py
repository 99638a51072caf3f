"""What a practice or a city says about itself to search engines and link previews.

Schema.org JSON-LD (a practice as an Article about its city, a city as a
GovernmentOrganization) and the image for Open Graph and Twitter cards. The
JSON-LD is data: templates put it in a `<script type="application/ld+json">`,
which browsers never execute (docs/decisions/0035).
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# json_script's escaping: nothing in the data can close the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_element(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def absolute(request, url):
    if not url:
        return None
    return request.build_absolute_uri(url) if request is not None else url


def network(request, home_url):
    return {
        "@type": "Organization",
        "name": _("Cities Network for Integration"),
        "url": absolute(request, home_url),
    }


def _clean(data):
    """Drop empty values, so the data says only what is known."""
    if isinstance(data, dict):
        return {key: _clean(value) for key, value in data.items() if value not in (None, "", [], {})}
    if isinstance(data, list):
        return [_clean(item) for item in data]
    return data


def practice_data(request, page, practice, home_url, city_page=None):
    image = practice.share_image
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "alternativeHeadline": page.subtitle,
        "description": page.summary,
        "inLanguage": practice.lang,
        "url": page.get_full_url(request=request),
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "keywords": [category.name for category in practice.categories],
        "about": [{"@type": "DefinedTerm", "name": category.name} for category in practice.categories],
        "publisher": network(request, home_url),
        "contributor": [
            {
                "@type": "Organization",
                "name": involvement.organisation.name,
                "url": involvement.organisation.website,
            }
            for group in practice.roles
            for involvement in group.involvements
        ],
        "image": absolute(request, image.image.get_rendition("max-1200x900").url) if image else None,
    }
    if practice.city is not None:
        data["spatialCoverage"] = {
            "@type": "Place",
            "name": practice.city.title,
            "url": absolute(request, practice.city.url),
        }
    return _clean(data)


def city_data(request, page, home_url):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": page.title,
        "url": absolute(request, page.get_url(request=request)),
        "email": page.email,
        "sameAs": [page.website] if page.website else [],
        "areaServed": {"@type": "Place", "name": page.title},
        "address": {"@type": "PostalAddress", "addressRegion": page.region, "addressCountry": "GR"},
        "memberOf": network(request, home_url),
    }
    if page.latitude is not None and page.longitude is not None:
        data["areaServed"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    return _clean(data)


def og_locale(language):
    """Open Graph wants language_TERRITORY; the network's languages are Greece's and the UK's English."""
    return {"el": "el_GR", "en": "en_GB"}.get(language, language.replace("-", "_"))
