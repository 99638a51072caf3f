"""A small Greek/English network in a few readable lines, built by the factories.

Greek is the source; English pages are translations (`translate`) or aliases
(`alias`). Relations hold the Greek snippets, as the importer stores them.
Pages come without the factories' sample lists and without aliases, so a
test sees only what it wrote.
"""

from wagtail.models import Locale

from cities.models import CityFigure
from home.site_tree import ensure_site_tree
from practices.models import Category, Organisation, TargetGroup
from sitewide.partial_date import PartialDate
from tests.factories.pages import CityPageFactory, PracticePageFactory, alias_page, translate_page
from tests.factories.snippets import FACTORY_OF, translate_snippet


def pdate(text):
    return PartialDate.parse(text)


class Network:
    """The skeleton, and the snippets, cities and practices a test adds to it."""

    def __init__(self):
        self.trees = ensure_site_tree()
        self.el = Locale.objects.get(language_code="el")
        self.en = Locale.objects.get(language_code="en")

    # -- snippets ---------------------------------------------------------

    def snippet(self, model, catalogue_id, el_name, en_name=None, **fields):
        """A Greek snippet, with an English translation when `en_name` is given (get or create)."""
        existing = model.objects.filter(catalogue_id=catalogue_id, locale=self.el).first()
        if existing is not None:
            return existing
        if model is Organisation:
            fields.setdefault("kind", "")  # the model's default, not the factory's sample kind
        greek = FACTORY_OF[model](catalogue_id=catalogue_id, locale=self.el, name=el_name, **fields)
        if en_name is not None:
            translate_snippet(greek, "en", name=en_name)
        return greek

    def category(self, catalogue_id, el_name, en_name=None):
        return self.snippet(Category, catalogue_id, el_name, en_name)

    def target_group(self, catalogue_id, el_name, en_name=None):
        return self.snippet(TargetGroup, catalogue_id, el_name, en_name)

    def organisation(self, catalogue_id, el_name, en_name=None, **fields):
        return self.snippet(Organisation, catalogue_id, el_name, en_name, **fields)

    # -- pages ------------------------------------------------------------

    def city(self, slug, title, *, figures=(), **fields):
        return CityPageFactory(
            parent=self.trees["el"].cities,
            slug=slug,
            title=title,
            bare=True,
            aliases=False,
            figures=[CityFigure(**figure) for figure in figures],
            **fields,
        )

    def practice(self, city, slug, title, *, categories=(), target_groups=(), inlines=None, **fields):
        """A published Greek practice. `inlines` maps a relation name to a list of objects."""
        fields.setdefault("summary", f"Περίληψη: {title}")
        fields.setdefault("description", "<p>Περιγραφή της πρακτικής.</p>")
        fields.setdefault("started", pdate("2017-06"))
        return PracticePageFactory(
            parent=city,
            slug=slug,
            title=title,
            bare=True,
            aliases=False,
            categories=list(categories),
            target_groups=list(target_groups),
            **{relation: list(objects) for relation, objects in (inlines or {}).items()},
            **fields,
        )

    def translate(self, page, **fields):
        """The published English translation of a published Greek page (`factories.translate_page`)."""
        return translate_page(page, "en", **fields)

    def alias(self, page):
        """An English alias of a Greek page (what an untranslated page is)."""
        return alias_page(page, "en")
