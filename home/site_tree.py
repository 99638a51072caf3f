"""The fixed skeleton of the site: locales, one home page per language, and
the cities index and catalogue beneath each, at fixed slugs.

Both `setup_network` and the catalogue importer call this, so a freshly
migrated database can take an import directly. Every step is get-or-create.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from cities.models import CityIndexPage
from home.models import HomePage
from practices.models import PracticeIndexPage

CITIES_SLUG = "cities"
PRACTICES_SLUG = "practices"


@dataclass
class LocaleTree:
    home: HomePage
    cities: CityIndexPage
    practices: PracticeIndexPage


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in content_languages()}


def ensure_locale_synchronisation(locales):
    """Every other language stays in step with the default one.

    Saving a synchronisation makes wagtail-localize alias every untranslated
    page, so it is recorded only once the skeleton exists in every language.
    """
    default = locales[settings.LANGUAGE_CODE]
    for locale in locales.values():
        if locale != default:
            LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})


def _publish(page):
    page.save_revision().publish()
    return page


WAGTAIL_ROOT_TITLE = "Root"  # what Wagtail's first migration calls the tree's root


def _name_root(root, title):
    """The tree's root, which the admin's breadcrumbs show on every page, named in the network's language."""
    if root.title == WAGTAIL_ROOT_TITLE:
        root.title = root.draft_title = title
        root.save(update_fields=["title", "draft_title"])


def _titles(language):
    with translation.override(language):
        return {
            "root": _("All pages"),
            "home": _("Cities Network for Integration"),
            "cities": _("Member cities"),
            "practices": _("Good practices"),
        }


def _ensure_translation(source, locale, title, slug=None):
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    page = source.copy_for_translation(locale, copy_parents=False)
    page.title = title
    page.slug = slug or source.slug
    return _publish(page)


def home_slug(language):
    # Home pages are siblings under the tree root, so their slugs must differ;
    # they never appear in URLs (each is the site root for its language).
    return f"home-{language}"


def _ensure_default_home(root, locale):
    home = HomePage.objects.filter(locale=locale).first()
    if home:
        return home
    home = root.add_child(
        instance=HomePage(
            title=_titles(locale.language_code)["home"], slug=home_slug(locale.language_code), locale=locale
        )
    )
    _publish(home)
    # Wagtail's installer leaves a "Welcome" page as the default site's root.
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME)
    else:
        placeholder = site.root_page
        site.root_page = home
        site.save()
        if placeholder.specific_class is Page and placeholder.depth == 2:
            placeholder.delete()
    return home


def ensure_site_address():
    """Give the default Site the host and port of `SITE_URL`; a deployment sets it from the environment."""
    address = urlsplit(settings.SITE_URL)
    if address.scheme not in ("http", "https") or not address.hostname:
        raise ImproperlyConfigured(f"SITE_URL must be an http(s) address, not “{settings.SITE_URL}”.")
    port = address.port or (443 if address.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).exclude(hostname=address.hostname, port=port).update(
        hostname=address.hostname, port=port
    )
    Site.clear_site_root_paths_cache()


def _ensure_child(parent, model, slug, title):
    child = model.objects.child_of(parent).filter(slug=slug).first()
    if child:
        return child
    return _publish(parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale)))


@transaction.atomic
def ensure_site_tree():
    """Return {language code: LocaleTree}, creating whatever is missing."""
    locales = ensure_locales()
    default_locale = locales[settings.LANGUAGE_CODE]
    root = Page.get_first_root_node()
    titles = _titles(settings.LANGUAGE_CODE)
    _name_root(root, titles["root"])
    home = _ensure_default_home(root, default_locale)
    ensure_site_address()
    cities = _ensure_child(home, CityIndexPage, CITIES_SLUG, titles["cities"])
    practices = _ensure_child(home, PracticeIndexPage, PRACTICES_SLUG, titles["practices"])
    trees = {settings.LANGUAGE_CODE: LocaleTree(home, cities, practices)}
    for code, locale in locales.items():
        if locale == default_locale:
            continue
        titles = _titles(code)
        trees[code] = LocaleTree(
            home=_ensure_translation(home, locale, titles["home"], slug=home_slug(code)),
            cities=_ensure_translation(cities, locale, titles["cities"]),
            practices=_ensure_translation(practices, locale, titles["practices"]),
        )
    ensure_locale_synchronisation(locales)
    # Re-read: pages created above were given children after being loaded, so
    # their in-memory tree counters are stale.
    return {
        code: LocaleTree(
            *(
                model.objects.get(pk=page.pk)
                for model, page in zip(
                    (HomePage, CityIndexPage, PracticeIndexPage),
                    (tree.home, tree.cities, tree.practices),
                    strict=True,
                )
            )
        )
        for code, tree in trees.items()
    }
