"""Pages: the site's skeleton, cities and practices, their translations and aliases.

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

from django.conf import settings

from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page

from cities.models import CityFigure, CityIndexPage, CityPage
from home.models import HomePage
from home.site_tree import ensure_site_tree
from practices.models import (
    Achievement,
    Outcome,
    PracticeCategory,
    PracticeFigure,
    PracticeLink,
    PracticeOrganisation,
    PracticePage,
    PracticeTargetGroup,
)
from practices.vocabulary import Role, Status
from sitewide.figures import FigureKind
from sitewide.partial_date import PartialDate
from tests.factories.snippets import CategoryFactory, LocaleFactory, OrganisationFactory, TargetGroupFactory


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


class CityIndexPageFactory(PublishedPageFactory):
    title = "Πόλεις"
    slug = "cities"
    parent = factory.SubFactory(HomePageFactory)
    aliases = False

    class Meta:
        model = CityIndexPage


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

    class Params:
        # Only what an editor must type: no address, map position, introduction or figures.
        bare = factory.Trait(
            region="",
            website="",
            email="",
            latitude=None,
            longitude=None,
            intro="",
            figures=factory.LazyFunction(list),
        )


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
    # Given as lists of terms, stored as the page's ordered rows in that order.
    category_links = factory.LazyAttribute(lambda o: chosen(PracticeCategory, o.categories))
    target_group_links = factory.LazyAttribute(lambda o: chosen(PracticeTargetGroup, o.target_groups))
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

    class Params:
        categories = factory.LazyFunction(lambda: [CategoryFactory()])
        target_groups = factory.LazyFunction(lambda: [TargetGroupFactory()])
        # Only the required fields: no lists, and neither a status nor a documentation date.
        bare = factory.Trait(
            status=Status.UNKNOWN,
            documented=None,
            categories=factory.LazyFunction(list),
            target_groups=factory.LazyFunction(list),
            organisations=factory.LazyFunction(list),
            outcomes=factory.LazyFunction(list),
            achievements=factory.LazyFunction(list),
            figures=factory.LazyFunction(list),
            links=factory.LazyFunction(list),
        )


def chosen(rows, terms):
    return [rows(term=term, sort_order=index) for index, term in enumerate(terms)]


def translate_page(page, language, **fields):
    """A published translation of a published page into `language`.

    `fields` sets page fields; a relation's name maps to a function called
    with each copied inline object, to put the language's text on it.
    """
    locale = LocaleFactory(language_code=language)
    translation = page.copy_for_translation(locale, copy_parents=True)
    changes = {name: value for name, value in fields.items() if callable(value)}
    for name, value in fields.items():
        if name not in changes:
            setattr(translation, name, value)
    translation.save()
    model = type(translation)
    for relation, change in changes.items():
        for item in getattr(model.objects.get(pk=translation.pk), relation).all():
            change(item)
            item.save()
    model.objects.get(pk=translation.pk).save_revision().publish()
    return model.objects.get(pk=translation.pk)


def alias_page(page, language):
    """The alias of `page` in `language`: what a page not yet translated is there."""
    alias = page.copy_for_translation(LocaleFactory(language_code=language), copy_parents=True, alias=True)
    return type(page).objects.get(pk=alias.pk)
