"""The catalogue's vocabularies and organisations, in the source language and translated."""

import factory
from factory.django import DjangoModelFactory

from django.conf import settings

from wagtail.models import Locale

from practices.models import Category, Organisation, TargetGroup
from practices.vocabulary import OrganisationKind


class LocaleFactory(DjangoModelFactory):
    language_code = settings.LANGUAGE_CODE

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class VocabularyTermFactory(DjangoModelFactory):
    """A term of one of the catalogue's vocabularies, in the source language unless `locale` is given."""

    catalogue_id = factory.Sequence(lambda n: f"term-{n}")
    name = factory.Sequence(lambda n: f"Όρος {n}")
    locale = factory.SubFactory(LocaleFactory)

    class Meta:
        abstract = True
        django_get_or_create = ("catalogue_id", "locale")


class CategoryFactory(VocabularyTermFactory):
    class Meta:
        model = Category


class TargetGroupFactory(VocabularyTermFactory):
    class Meta:
        model = TargetGroup


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


FACTORY_OF = {Category: CategoryFactory, TargetGroup: TargetGroupFactory, Organisation: OrganisationFactory}


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
