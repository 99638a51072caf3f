"""The member cities a search names, listed above its practices."""

from dataclasses import dataclass

from django.db.models import F

from cities.models import CityPage
from search.matching import text_match_ids
from search.text import clean_query


@dataclass(frozen=True)
class CityResult:
    title: str
    url: str
    lang: str
    region: str


def matching_cities(query, locale, reader, limit=5):
    """The live, public cities of `locale` that match `query`, best first."""
    if locale is None or not clean_query(query):
        return []
    scope = CityPage.objects.live().public().filter(locale=locale)
    ids = text_match_ids(scope, query, locale.language_code, limit=limit)
    cities = {
        city.pk: city
        for city in CityPage.objects.filter(pk__in=ids).annotate(source_locale_id=F("alias_of__locale_id"))
    }
    ordered = [cities[pk] for pk in ids if pk in cities]
    languages = reader.content_languages(ordered)
    return [CityResult(city.title, reader.url(city), languages[city.pk], city.region) for city in ordered]
