"""Tags for the public pages' sharing data and maps.

{% load public_site %}
{% practice_json_ld practice %}   <script type="application/ld+json"> for a practice
{% city_json_ld %}                the same for the city page in the context
{% og_locale %}                   el_GR, en_GB
{% map_tiles as tiles %}          tiles.url, tiles.attribution (settings)
{% absolute_url url %}            https://host/url
<input … {% autocomplete_attrs %}>  suggestions from /<lang>/search/suggest/ (static/js/autocomplete.js)
"""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practices.sharing import city_data, json_ld_element, practice_data
from practices.sharing import og_locale as og_locale_for
from sitewide.reader import content_language_for, home_url

register = template.Library()


def _home():
    return home_url(content_language_for(get_language()))


@register.simple_tag(takes_context=True)
def practice_json_ld(context, practice):
    return json_ld_element(practice_data(context.get("request"), context["page"], practice, _home()))


@register.simple_tag(takes_context=True)
def city_json_ld(context):
    return json_ld_element(city_data(context.get("request"), context["page"], _home()))


@register.simple_tag
def og_locale():
    return og_locale_for(content_language_for(get_language()))


@register.simple_tag
def map_tiles():
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag
def autocomplete_attrs():
    """The attributes static/js/autocomplete.js reads: where to ask, and what to announce."""
    return format_html(
        'data-autocomplete="{}" data-autocomplete-label="{}" data-msg-none="{}" data-msg-one="{}" data-msg-many="{}"',
        reverse("search:suggest"),
        _("Suggested practices"),
        _("No suggestions."),
        _("One suggestion. Use the down arrow to reach it."),
        # Translators: keep COUNT; the script puts the number of suggestions there.
        _("COUNT suggestions. Use the up and down arrows to choose one."),
    )
