"""The one way tests build content.

- `people`: users, and the language of their admin;
- `snippets`: categories, target groups and organisations, and their translations;
- `pages`: the site's skeleton, cities and practices, their translations and aliases;
- `media`: images and documents;
- `network`: a few readable lines for a small Greek/English network, over the above;
- `brochure`: the brochure's ACCMR practice under Athens;
- `demo`: the real demo catalogue, through the importer as `make run` loads it.

Member cities with their teams, groups and collections come from the product's
own onboarding (`catalogue.municipalities.add_municipality`), which is what the
rights tests are about; what those cities hold is built here.
"""

from tests.factories.media import DocumentFactory, ImageFactory
from tests.factories.pages import (
    CityIndexPageFactory,
    CityPageFactory,
    HomePageFactory,
    PracticePageFactory,
    alias_page,
    site_tree,
    skeleton,
    translate_page,
)
from tests.factories.people import UserFactory, with_admin_language
from tests.factories.snippets import (
    CategoryFactory,
    LocaleFactory,
    OrganisationFactory,
    TargetGroupFactory,
    translate_snippet,
)

__all__ = [
    "CategoryFactory",
    "CityIndexPageFactory",
    "CityPageFactory",
    "DocumentFactory",
    "HomePageFactory",
    "ImageFactory",
    "LocaleFactory",
    "OrganisationFactory",
    "PracticePageFactory",
    "TargetGroupFactory",
    "UserFactory",
    "alias_page",
    "site_tree",
    "skeleton",
    "translate_page",
    "translate_snippet",
    "with_admin_language",
]
