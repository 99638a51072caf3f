"""Context that an app higher up gives to the pages of an app beneath it.

A city page lists the city's practices and the catalogue listing is a faceted
search, but `cities` stands beneath `practices`, and `practices` beneath
`search`, so the page models cannot import what renders those parts
(docs/decisions/0070-layered-apps.md). Such a page names what it needs by its
own model label; the app that can provide it registers a provider in its
`wagtail_hooks.py`:

    @provides_context_for("cities.citypage")
    def city_practices(page, request):
        return {"city": ...}
"""

from django.core.exceptions import ImproperlyConfigured

from wagtail import hooks


def _hook_name(label):
    return f"page_context:{label}"


def provides_context_for(label):
    """Register `provider(page, request) -> dict` as context for pages of the model `label`."""
    return hooks.register(_hook_name(label.lower()))


class ProvidedContextMixin:
    """For a page model whose template needs context from an app above its own."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        providers = hooks.get_hooks(_hook_name(self._meta.label_lower))
        if not providers:
            # A page rendered without its main content would look like an empty city, say.
            raise ImproperlyConfigured(f"no app provides the context of {self._meta.label} pages")
        for provide in providers:
            context.update(provide(self, request))
        return context
