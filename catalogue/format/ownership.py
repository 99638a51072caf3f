"""Which city owns a practice: the city of its source-language page.

A practice is one translation key with one catalogue id
(sitewide.catalogue_id); its pages in other languages follow the page it
was written in. That page's parent is the owning city, whatever slug any
page has in any language (docs/decisions/0080-one-identity-per-practice.md).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from cities.models import CityPage
from practices.models import PracticePage

# Said of a record whose id another practice or city has, whatever that
# other is: live or a draft, of this city's file or another's. A city's file
# learns no more than that the id is not free.
ID_TAKEN = "this id is already taken; choose another id"


def practice_owners():
    """{practice id: the id of the city that owns it}, for every practice on the site, in three queries."""
    city_ids = dict(CityPage.objects.values_list("path", "catalogue_id"))
    source_locales = dict(
        TranslationSource.objects.filter(
            specific_content_type=ContentType.objects.get_for_model(PracticePage)
        ).values_list("object_id", "locale_id")
    )
    default_locale_id = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list(
        "pk", flat=True
    )
    default_locale_id = default_locale_id.first()
    owners, is_source = {}, {}
    pages = PracticePage.objects.filter(alias_of__isnull=True).order_by("pk")
    for catalogue_id, key, locale_id, path in pages.values_list(
        "catalogue_id", "translation_key", "locale_id", "path"
    ):
        source = locale_id == source_locales.get(key, default_locale_id)
        if catalogue_id not in owners or (source and not is_source[catalogue_id]):
            owners[catalogue_id] = city_ids.get(path[: -Page.steplen])
            is_source[catalogue_id] = source
    return owners
