"""Who may upload a catalogue file, and for which cities.

The same people as `import_catalogue --city ID --user EMAIL` accepts: a
city's editors for that city; IOM reviewers and administrators for every city
(docs/decisions/0055). Rights follow the groups that `cities.rights.grants` keeps, so
removing an editor from their city's group takes the upload away too.
"""

from django.conf import settings

from wagtail.models import Locale

from cities.models import CityPage, CityTeam
from cities.rights.grants import REVIEWERS_GROUP


def _imports_for_every_city(user):
    return user.is_superuser or user.groups.filter(name=REVIEWERS_GROUP).exists()


def importable_cities(user):
    """The city pages (default language, not aliases) `user` may upload for, by title."""
    if not (user.is_authenticated and user.is_active):
        return CityPage.objects.none()
    pages = CityPage.objects.filter(alias_of__isnull=True, locale__language_code=settings.LANGUAGE_CODE)
    if not _imports_for_every_city(user):
        keys = CityTeam.objects.filter(group__in=user.groups.all()).values("city_key")
        pages = pages.filter(translation_key__in=keys)
    return pages.order_by("title")


def may_upload(user):
    return importable_cities(user).exists()


def city_label(city):
    """The city's name in the admin's language when it has a page there, with its catalogue id."""
    try:
        shown = city.get_translation(Locale.get_active())
    except (CityPage.DoesNotExist, Locale.DoesNotExist):
        shown = city
    return f"{shown.title} ({city.slug})"
