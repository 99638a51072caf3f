"""Serializer fields for the API: every part of a practice or city record.

Relations store the default language's snippets (docs/decisions/0003), so
categories, target groups and organisations are shown as their instance in
the record's own locale (the `locale` the API was asked for), found by
translation key. `Records` does those lookups in bulk for all the pages of
one response, so a listing costs a fixed number of queries per field asked
for, whatever its length.

Partial dates are ISO strings ("2017", "2017-06", "2017-06-14"), as in the
catalogue format.
"""

from decimal import Decimal

from rest_framework.fields import Field

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property

from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import get_object_detail_url

from cities.models import CityPage
from practices.models import (
    Adaptation,
    Organisation,
    PracticeCategory,
    PracticeImage,
    PracticeOrganisation,
    PracticePage,
    PracticeTargetGroup,
    Recognition,
    Testimonial,
)
from sitewide.reader import Reader

CHOSEN_TERMS = (PracticeCategory, PracticeTargetGroup)


def iso(value):
    return value.isoformat() if value else None


def number(value):
    """A Decimal as a JSON number: an integer when it is one."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class Records:
    """Bulk lookups for the pages serialized in one response, made on first use."""

    def __init__(self, pages, request=None):
        self.pages = [page for page in pages if page is not None]
        self.request = request
        self._readers = {}

    def reader(self, page):
        """A Reader in the page's own language (the locale the API was asked for)."""
        locale_id = page.locale_id
        if locale_id not in self._readers:
            self._readers[locale_id] = Reader(self.request, language=page.locale.language_code)
        return self._readers[locale_id]

    def _by_reader(self):
        groups = {}
        for page in self.pages:
            groups.setdefault(page.locale_id, (self.reader(page), []))[1].append(page)
        return groups.values()

    def _prefetch(self, *lookups):
        prefetch_related_objects(self.pages, *lookups)

    def terms(self, rows):
        """{page pk: its terms of one kind (`rows`, the ChosenTerm model), in its editors' order}."""
        return self._terms[rows]

    @cached_property
    def _terms(self):
        result = {}
        self._prefetch(*(rows.prefetch() for rows in CHOSEN_TERMS))
        for rows in CHOSEN_TERMS:
            for reader, pages in self._by_reader():
                shown = reader.localize_snippets(
                    rows.term_model(), [term for page in pages for term in rows.terms_of(page)]
                )
                for page in pages:
                    result.setdefault(rows, {})[page.pk] = [shown[term.pk] for term in rows.terms_of(page)]
        return result

    @cached_property
    def cities(self):
        """{page pk: its city (parent), in the page's locale}."""
        cities = {}
        for reader, pages in self._by_reader():
            cities.update(reader.parents(CityPage, pages))
        return cities

    @cached_property
    def organisations(self):
        """{stored organisation pk: the organisation to show}, for every organisation mentioned."""
        self._prefetch(
            Prefetch("organisations", queryset=PracticeOrganisation.objects.select_related("organisation")),
            Prefetch("testimonials", queryset=Testimonial.objects.select_related("organisation")),
            Prefetch("recognitions", queryset=Recognition.objects.select_related("by")),
        )
        shown = {}
        for reader, pages in self._by_reader():
            stored = []
            for page in pages:
                stored += [item.organisation for item in page.organisations.all()]
                stored += [item.organisation for item in page.testimonials.all()]
                stored += [item.by for item in page.recognitions.all()]
            shown.update(reader.localize_snippets(Organisation, stored))
        return shown

    def inline(self, page, relation):
        """The items of an inline list (figures, outcomes…), prefetched for every page at once."""
        if relation not in self._prefetched:
            lookup = relation
            if relation == "images":
                lookup = Prefetch("images", queryset=PracticeImage.objects.select_related("image"))
            elif relation == "adapted_from":
                lookup = Prefetch("adapted_from", queryset=Adaptation.objects.select_related("source"))
            self._prefetch(lookup)
            self._prefetched.add(relation)
        return list(getattr(page, relation).all())

    @cached_property
    def _prefetched(self):
        return set()

    @cached_property
    def adapted_from(self):
        """{translation key: (practice page in the reader's language, its city)}."""
        linked = {}
        for reader, pages in self._by_reader():
            keys = [
                item.source.translation_key for page in pages for item in self.inline(page, "adapted_from")
            ]
            if not keys:
                continue
            practices = reader.localize_pages(PracticePage, keys)
            cities = reader.parents(CityPage, practices.values())
            linked.update({key: (page, cities.get(page.pk)) for key, page in practices.items()})
        return linked


class RecordField(Field):
    """A read-only part of a record, built from the whole page and the response's Records."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def records(self, page):
        records = self.context.get("records")
        if records is None or page not in records.pages:
            records = Records([page], self.context.get("request"))
            self.context["records"] = records
        return records

    def page_link(self, page, model):
        request = self.context.get("request")
        router = self.context.get("router")
        link = {"id": page.catalogue_id, "title": page.title, "html_url": page.get_full_url(request=request)}
        if router is not None and request is not None:
            link["detail_url"] = get_object_detail_url(router, request, model, page.pk)
        return link


class PartialDateField(Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return iso(value)


def term_json(term):
    return {"id": term.catalogue_id, "name": term.name, "lang": term.lang}


def organisation_json(organisation, request=None):
    if organisation is None:
        return None
    logo = None
    if organisation.logo_id:
        logo = get_full_url(request, organisation.logo.file.url) if request else organisation.logo.file.url
    return {
        "id": organisation.catalogue_id,
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind or None,
        "website": organisation.website or None,
        "logo": logo,
        "lang": getattr(organisation, "lang", None),
    }


def figure_json(figure):
    return {
        "kind": figure.kind,
        "label": figure.label or None,
        "value": figure.value,
        "approximate": figure.approximate,
        "date": iso(figure.date),
        "source": figure.source or None,
    }


class TermsField(RecordField):
    """Categories or target groups: [{"id": catalogue id, "name", "lang"}], in the record's locale and editors' order."""

    def __init__(self, rows, **kwargs):
        self.rows = rows
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [term_json(term) for term in self.records(page).terms(self.rows)[page.pk]]


class CityField(RecordField):
    def to_representation(self, page):
        city = self.records(page).cities.get(page.pk)
        return self.page_link(city, CityPage) if city is not None else None


class InvolvementsField(RecordField):
    """The organisations and their roles: [{"organisation", "role", "from", "until"}]."""

    def to_representation(self, page):
        records = self.records(page)
        organisations = records.organisations
        request = self.context.get("request")
        return [
            {
                "organisation": organisation_json(organisations.get(item.organisation_id), request),
                "role": item.role,
                "from": iso(item.period_from),
                "until": iso(item.period_until),
            }
            for item in page.organisations.all()
        ]


class TestimonialsField(RecordField):
    def to_representation(self, page):
        organisations = self.records(page).organisations
        request = self.context.get("request")
        return [
            {
                "quote": item.quote,
                "name": item.name,
                "role": item.role or None,
                "organisation": organisation_json(organisations.get(item.organisation_id), request),
            }
            for item in page.testimonials.all()
        ]


class RecognitionsField(RecordField):
    def to_representation(self, page):
        organisations = self.records(page).organisations
        request = self.context.get("request")
        return [
            {
                "by": organisation_json(organisations.get(item.by_id), request),
                "text": item.text or None,
                "date": iso(item.date),
            }
            for item in page.recognitions.all()
        ]


class FiguresField(RecordField):
    def to_representation(self, page):
        return [figure_json(figure) for figure in self.records(page).inline(page, "figures")]


class OutcomesField(RecordField):
    def to_representation(self, page):
        return [
            {
                "label": outcome.label,
                "value": number(outcome.value),
                "unit": outcome.unit or None,
                "about": outcome.about or None,
                "date": iso(outcome.date),
            }
            for outcome in self.records(page).inline(page, "outcomes")
        ]


class AchievementsField(RecordField):
    def to_representation(self, page):
        return [item.text for item in self.records(page).inline(page, "achievements")]


class LinksField(RecordField):
    def to_representation(self, page):
        return [{"url": link.url, "label": link.label} for link in self.records(page).inline(page, "links")]


class ImagesField(RecordField):
    def to_representation(self, page):
        request = self.context.get("request")
        images = []
        for item in self.records(page).inline(page, "images"):
            url = item.image.file.url
            images.append(
                {
                    "id": item.image_id,
                    "url": get_full_url(request, url) if request else url,
                    "width": item.image.width,
                    "height": item.image.height,
                    "alt": item.alt,
                    "caption": item.caption or None,
                    "credit": item.credit or None,
                }
            )
        return images


class AdaptedFromField(RecordField):
    """The practices this one adapts, each in the record's language where it exists."""

    def to_representation(self, page):
        records = self.records(page)
        linked = records.adapted_from
        result = []
        for item in records.inline(page, "adapted_from"):
            found = linked.get(item.source.translation_key)
            if found is None:
                continue
            practice, city = found
            link = self.page_link(practice, PracticePage)
            link["city"] = city.title if city is not None else None
            result.append(link)
        return result


class ContactField(RecordField):
    def to_representation(self, page):
        contact = {"name": page.contact_name, "email": page.contact_email, "phone": page.contact_phone}
        return {key: value for key, value in contact.items() if value} or None


class CityFiguresField(RecordField):
    def to_representation(self, page):
        return [figure_json(figure) for figure in self.records(page).inline(page, "figures")]


class LocationField(RecordField):
    def to_representation(self, page):
        if page.latitude is None or page.longitude is None:
            return None
        return {"lat": float(page.latitude), "lon": float(page.longitude)}


class SnippetLocaleField(RecordField):
    def to_representation(self, obj):
        return obj.locale.language_code


class LogoField(RecordField):
    def to_representation(self, organisation):
        return organisation_json(organisation, self.context.get("request"))["logo"]
