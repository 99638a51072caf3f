"""Adding a member municipality: its page in every language and its team of editors.

The city's page is written by the catalogue importer, the one path by which
cities are written; `cities.onboarding` then gives it its team. Idempotent.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from catalogue.format import FORMAT
from catalogue.format.errors import CatalogueInvalid
from catalogue.format.importer import import_document
from cities.models import CityPage
from cities.onboarding import OnboardingError, content_languages, ensure_city_pages, source_city
from cities.review import ensure_review_workflow
from cities.rights.grants import ensure_city_team


@dataclass
class MunicipalityResult:
    city: CityPage
    team: object
    created_pages: list = field(default_factory=list)


@transaction.atomic
def add_municipality(city_id, names=None):
    """Make sure city `city_id` has a page in every enabled language and a team.

    `names` maps language codes to the city's name, for a city that has no
    page yet; an existing city (for instance an imported one) keeps its page,
    and only what is missing is added: its pages in newly enabled languages
    (as aliases, to be translated) and its team.
    """
    names = dict(names or {})
    unknown = sorted(set(names) - set(content_languages()))
    if unknown:
        raise OnboardingError(f"language(s) not enabled on this site: {', '.join(unknown)}")
    before = set(CityPage.objects.values_list("pk", flat=True))
    city = source_city(city_id)
    if city is None:
        if settings.LANGUAGE_CODE not in names:
            raise OnboardingError(
                f"there is no city '{city_id}' yet: give its name with --name {settings.LANGUAGE_CODE}=…"
            )
        document = {"format": FORMAT, "cities": [{"id": city_id, "name": names}]}
        try:
            import_document(document, publish=True)
        except CatalogueInvalid as error:
            raise OnboardingError(str(error)) from None
        city = source_city(city_id)
    ensure_city_pages(city)
    ensure_review_workflow()
    team = ensure_city_team(city)
    created = list(CityPage.objects.exclude(pk__in=before).select_related("locale").order_by("path"))
    return MunicipalityResult(city=city.specific, team=team, created_pages=created)
