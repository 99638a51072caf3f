"""The practice page's citation block.

{% load opendata %}
{% cite_practice practice %}
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from practices.citation import citation_for
from sitewide.text import lang_attribute

register = template.Library()


def _in_language(text, lang, surrounding):
    """`text`, in a span with its language when that is not the surrounding one."""
    attribute = lang_attribute(lang, surrounding)
    return format_html("<span{}>{}</span>", attribute, text) if attribute else text


@register.inclusion_tag("practices/includes/citation.html", takes_context=True)
def cite_practice(context, practice):
    citation = citation_for(practice, context.get("request"))
    language = context.get("LANGUAGE_CODE") or get_language()
    return {
        "citation": citation,
        # The parts of the line, ready for blocktranslate: the city and the
        # title may be a fallback in another language than the reader's.
        "city_html": _in_language(citation.city, citation.city_lang, language) if citation.city else "",
        "title_html": _in_language(citation.title, citation.title_lang, language),
        "url_html": format_html('<a href="{}">{}</a>', citation.url, citation.url) if citation.url else "",
        "LANGUAGE_CODE": language,
        # lang_attr compares with this: the block sits in the practice's article.
        "content_lang": context.get("content_lang"),
    }
