"""Tags for the base template: languages, main sections, breadcrumbs, lang attributes.

    {% load site_chrome %}
    {% alternates as alternates %}           switcher links, hreflang, canonical
    {% alternates homes_only=True as alt %}  error pages: each language's home
    {% site_sections as sections %}          home, cities index, catalogue
    {% breadcrumbs page as crumbs %}
    {% language_home_url %}
    <p{% lang_attr item.lang %}>…</p>        lang="…" only where the language changes

Each works without a `page` in the context (search, other views, error pages)
and without a request (the 500 page, which must not need the database).
"""

from django import template
from django.utils.translation import get_language

from wagtail.models import Page

from home.chrome import Sections, page_alternates, site_sections, view_alternates
from home.chrome import breadcrumbs as page_breadcrumbs
from sitewide.reader import content_language_for, home_url, reader_for
from sitewide.text import lang_attribute, script_language, surrounding_language

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def alternates(context, homes_only=False):
    request = context.get("request")
    reader = reader_for(request)
    page = _page(context)
    if page is not None and page.translation_key and not homes_only:
        return page_alternates(reader, page)
    return view_alternates(reader, homes_only=homes_only)


@register.simple_tag
def language_home_url():
    """The home page of the reader's language, without touching the database."""
    return home_url(content_language_for(get_language()))


@register.simple_tag(takes_context=True, name="site_sections")
def site_sections_tag(context):
    request = context.get("request")
    if request is None:
        return Sections()
    return site_sections(reader_for(request))


@register.simple_tag(takes_context=True, name="breadcrumbs")
def breadcrumbs_tag(context, page):
    if not isinstance(page, Page):
        return []
    return page_breadcrumbs(reader_for(context.get("request")), page)


@register.simple_tag(takes_context=True)
def lang_attr(context, code):
    """` lang="code"` when `code` differs from the surrounding text's language (`surrounding_language`)."""
    return lang_attribute(code, surrounding_language(context))


@register.simple_tag(takes_context=True)
def script_lang_attr(context, text):
    """` lang="el"` on a text in Greek letters (an acronym such as ΚΕΔΗΛ) inside English text.

    For short texts that may be the same in every language: their script,
    not whether somebody translated them, says which language they are in.
    """
    return lang_attr(context, script_language(text))
