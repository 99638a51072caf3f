"""The translation editor's footer: saving, submitting to the IOM review, and the reviewers' decision."""

from django import template

from cities.translation_views import translation_actions

register = template.Library()


@register.inclusion_tag("cities/includes/translation_actions.html", takes_context=True)
def translation_review_actions(context):
    return translation_actions(context["request"], context["instance"], context["translation"])
