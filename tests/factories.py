"""Factories for the catalogue's models.

Pages are built under the fixed skeleton that `ensure_site_tree()` makes (the
same one `setup_network` and the importer use), are published with a
revision, and by default get their alias pages in every synchronised
language, as the admin's `after_create_page` hook would give them. Pass
`aliases=False` to skip that, or `live=False` for a draft.
"""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.synctree import create_aliases_for_new_page

from cities.models import CityFigure, CityPage
from home.models import HomePage
from home.site_tree import ensure_site_tree
from practices.models import (
    Achievement,
    Category,
    Organisation,
    Outcome,
    PracticeFigure,
    PracticeLink,
    PracticeOrganisation,
    PracticePage,
    TargetGroup,
)
from practices.vocabulary import OrganisationKind, Role, Status
from sitewide.figures import FigureKind
from sitewide.partial_date import PartialDate


def site_tree():
    """`ensure_site_tree()`, with every page it returns read back from the database.

    On the run that creates them, the returned home pages of the translated
    languages still count no children in memory (treebeard's `numchild`), so
    `get_children()` and `add_child()` on them would go wrong; see
    test_setup_commands.
    """
    trees = ensure_site_tree()
    for tree in trees.values():
        for page in (tree.home, tree.cities, tree.practices):
            page.refresh_from_db()
    return trees


def skeleton(language=None):
    """The home page and index pages of one language, created if missing."""
    return site_tree()[language or settings.LANGUAGE_CODE]


def with_admin_language(user, language):
    """`user`, whose admin now speaks `language` whatever the site's default."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


class LocaleFactory(DjangoModelFactory):
    language_code = settings.LANGUAGE_CODE

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@cities-network.example")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


# Snippets ------------------------------------------------------------------


class CategoryFactory(DjangoModelFactory):
    catalogue_id = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Κατηγορία {n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Category
        django_get_or_create = ("catalogue_id", "locale")


class TargetGroupFactory(DjangoModelFactory):
    catalogue_id = factory.Sequence(lambda n: f"target-group-{n}")
    name = factory.Sequence(lambda n: f"Ομάδα-στόχος {n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = TargetGroup
        django_get_or_create = ("catalogue_id", "locale")


class OrganisationFactory(DjangoModelFactory):
    """A published organisation; `live=False` makes a proposal waiting for a reviewer."""

    catalogue_id = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Οργανισμός {n}")
    acronym = ""
    kind = OrganisationKind.NGO
    live = True
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        model = Organisation
        django_get_or_create = ("catalogue_id", "locale")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        organisation = super()._create(model_class, *args, **kwargs)
        if organisation.latest_revision_id is None:
            revision = organisation.save_revision()
            if organisation.live:
                revision.publish()
            organisation.refresh_from_db()
        return organisation


def translate_snippet(instance, language, **fields):
    """Save a copy of a translatable snippet in another language, publishing it if it has drafts."""
    copy = instance.copy_for_translation(LocaleFactory(language_code=language))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    if isinstance(copy, Organisation):
        copy.save_revision().publish()
        copy.refresh_from_db()
    return copy


# Pages ---------------------------------------------------------------------


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Adds the page under `parent`, saves a revision, publishes it and makes its aliases."""

    locale = factory.LazyAttribute(lambda page: page.parent.locale)
    aliases = True

    class Meta:
        abstract = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        kwargs.pop("aliases", None)
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        aliases = kwargs.pop("aliases")
        page = super()._create(model_class, *args, **kwargs)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        page = model_class.objects.get(pk=page.pk)
        if aliases:
            create_aliases_for_new_page(page)
        return page


class HomePageFactory(PublishedPageFactory):
    """A home page beside the skeleton's, for tests that need an empty one."""

    title = factory.Sequence(lambda n: f"Αρχική {n}")
    slug = factory.Sequence(lambda n: f"home-test-{n}")
    parent = factory.LazyFunction(Page.get_first_root_node)
    aliases = False

    class Meta:
        model = HomePage


class CityPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Δήμος {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    parent = factory.LazyFunction(lambda: skeleton().cities)
    region = "Αττική"
    website = "https://www.example.gov.gr/"
    email = "info@example.gov.gr"
    latitude = Decimal("37.983800")
    longitude = Decimal("23.727500")
    intro = "<p>Ένας δήμος του Δικτύου.</p>"
    figures = factory.LazyFunction(
        lambda: [
            CityFigure(
                kind=FigureKind.POPULATION, value=664046, date=PartialDate(2011), source="Απογραφή 2011"
            )
        ]
    )

    class Meta:
        model = CityPage


class PracticePageFactory(PublishedPageFactory):
    """A practice under a new city, with one item in each of its main lists."""

    title = factory.Sequence(lambda n: f"Πρακτική {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    parent = factory.SubFactory(CityPageFactory)
    summary = "Μια σύντομη περιγραφή της πρακτικής."
    description = "<p>Η πλήρης περιγραφή της πρακτικής.</p>"
    status = Status.ONGOING
    started = PartialDate(2017, 6)
    documented = factory.LazyFunction(lambda: PartialDate(datetime.date.today().year))
    categories = factory.LazyFunction(lambda: [CategoryFactory()])
    target_groups = factory.LazyFunction(lambda: [TargetGroupFactory()])
    organisations = factory.LazyFunction(
        lambda: [PracticeOrganisation(organisation=OrganisationFactory(), role=Role.LEAD)]
    )
    outcomes = factory.LazyFunction(
        lambda: [Outcome(value=Decimal("664046"), label="ωφελούμενοι", date=PartialDate(2019))]
    )
    achievements = factory.LazyFunction(lambda: [Achievement(text="Ένα επίτευγμα.")])
    figures = factory.LazyFunction(
        lambda: [PracticeFigure(kind=FigureKind.ASYLUM_SEEKERS_AND_REFUGEES, value=1200, approximate=True)]
    )
    links = factory.LazyFunction(lambda: [PracticeLink(url="https://example.org/", label="Ιστότοπος")])

    class Meta:
        model = PracticePage
