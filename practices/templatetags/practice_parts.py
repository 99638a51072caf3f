"""Parts of practice pages and cards that repeat inside loops, as tags.

    {% load practice_parts %}
    {% category_tag category %}          a category as a tag, with its icon
    {% organisation_name organisation %}  its name, linked to its website, and its acronym

Each was an `{% include %}`; one per category, card and organisation cost
about a quarter of a practice page's render (issue #14's profile), while
these render in one call each.
"""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from sitewide.text import lang_attribute, script_language, surrounding_language

register = template.Library()


@register.simple_tag(takes_context=True)
def category_tag(context, category):
    """A category as a tag, with its icon (practices.vocabulary.CategoryIcon) or a plain tag's."""
    return format_html(
        '<li class="tag tag--category"{}><svg class="tag__icon" aria-hidden="true" focusable="false" '
        'width="16" height="16"><use href="{}#{}"></use></svg>{}</li>',
        lang_attribute(getattr(category, "lang", ""), surrounding_language(context)),
        static("icons/categories.svg"),
        category.symbol,
        category.name,
    )


@register.simple_tag(takes_context=True)
def organisation_name(context, organisation):
    """The name, linked to the website when there is one, then the acronym when it differs.

    The space before the acronym is inside its span, so that nothing between
    a link and a tag can take it away.
    """
    if organisation.website:
        name = format_html('<a href="{}">{}</a>', organisation.website, organisation.name)
    else:
        name = format_html("{}", organisation.name)
    if organisation.acronym and organisation.acronym != organisation.name:
        return format_html(
            "{}<span{}> ({})</span>",
            name,
            lang_attribute(script_language(organisation.acronym), surrounding_language(context)),
            organisation.acronym,
        )
    return name
