"""The translation status report for IOM staff: each practice in each language.

For every practice and every language other than its source, it says whether
a translation is missing (the page is still an alias of its source), whether
it is outdated (the source was edited after it was last synced for
translation), and how many of its strings are translated.

Only strings that need translating are counted: a web address, an e-mail
address, a number, or a Greek text's name written in Latin letters (a link
called "Facebook", an acronym such as "UNHCR") reads the same in every
language, so a practice whose texts are all translated is complete.
Practices and cities are named in the admin's language.
"""

import re
from dataclasses import dataclass

import django_filters

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cities.models import CityPage
from practices.models import PracticePage
from sitewide.text import OWN_SCRIPTS, has_letters_of

MISSING = _("Missing")
OUTDATED = _("Outdated")
COMPLETE = _("Complete")
IN_PROGRESS = _("In progress")


WEB_OR_EMAIL_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[^@\s]+@[^@\s]+\.\w+", re.IGNORECASE)


def needs_translation(text, source_language):
    """Does `text`, written in `source_language`, read differently in another language?"""
    words = WEB_OR_EMAIL_ADDRESS.sub(" ", text)
    if not any(char.isalpha() for char in words):
        return False  # an address, a number, a date
    # In a language with a script of its own, a text in Latin letters only is a name.
    return source_language not in OWN_SCRIPTS or has_letters_of(words, source_language)


def _untranslatable_segments(source_ids):
    """The ids of the sources' string segments that read the same in every language."""
    segments = StringSegment.objects.filter(source_id__in=source_ids).values_list(
        "pk", "string__data", "source__locale__language_code"
    )
    return [pk for pk, text, language in segments if not needs_translation(text, language)]


def _in_language(model, language, keys):
    """{translation key: title} of the `model` pages in `language` (the admin's), for those it has."""
    return dict(
        model.objects.filter(translation_key__in=keys, locale__language_code=language).values_list(
            "translation_key", "title"
        )
    )


@dataclass
class TranslationRow:
    page: PracticePage
    title: str  # in the admin's language where the practice has it
    city: str
    language: str
    missing: bool
    outdated: bool
    total: int
    translated: int

    @property
    def percent(self):
        return round(100 * self.translated / self.total) if self.total else 0

    @property
    def complete(self):
        return not self.missing and self.total > 0 and self.translated == self.total

    @property
    def status(self):
        if self.missing:
            return MISSING
        if self.outdated:
            return OUTDATED
        return COMPLETE if self.complete else IN_PROGRESS


def translation_pages():
    """Practice pages that stand for a translation: aliases, or targets of a Translation."""
    is_target = Exists(
        Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale=OuterRef("locale")
        )
    )
    return PracticePage.objects.filter(Q(alias_of__isnull=False) | is_target)


def build_rows(pages):
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys).select_related("locale")
    }
    source_pages = {
        (page.translation_key, page.locale_id): page
        for page in PracticePage.objects.filter(translation_key__in=keys).only(
            "translation_key", "locale_id", "latest_revision_created_at"
        )
    }
    source_ids = {source.pk for source in sources.values()}
    counted = StringSegment.objects.filter(source_id__in=source_ids).exclude(
        pk__in=_untranslatable_segments(source_ids)
    )
    totals = dict(counted.values("source_id").annotate(total=Count("pk")).values_list("source_id", "total"))
    translated = {}
    for locale_id in {page.locale_id for page in pages}:
        done = counted.filter(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=locale_id,
                    has_error=False,
                )
            )
        )
        for source_id, count in (
            done.values("source_id").annotate(count=Count("pk")).values_list("source_id", "count")
        ):
            translated[(source_id, locale_id)] = count
    language = get_language()
    titles = _in_language(PracticePage, language, keys)
    city_keys = dict(CityPage.objects.values_list("path", "translation_key"))
    city_titles = _in_language(CityPage, language, set(city_keys.values()))
    city_titles.update(
        (key, title)
        for key, title in CityPage.objects.values_list("translation_key", "title")
        if key not in city_titles
    )
    languages = {locale.pk: locale.get_display_name() for locale in Locale.objects.all()}
    rows = []
    for page in pages:
        source = sources.get(page.translation_key)
        missing = page.alias_of_id is not None or source is None
        outdated = False
        total = done = 0
        if source is not None:
            total = totals.get(source.pk, 0)
            done = 0 if missing else translated.get((source.pk, page.locale_id), 0)
            source_page = source_pages.get((page.translation_key, source.locale_id))
            edited = source_page.latest_revision_created_at if source_page else None
            outdated = not missing and edited is not None and edited > source.last_updated_at
        rows.append(
            TranslationRow(
                page=page,
                title=titles.get(page.translation_key, page.title),
                city=city_titles.get(city_keys.get(page.path[: -PracticePage.steplen]), ""),
                language=languages.get(page.locale_id, ""),
                missing=missing,
                outdated=outdated,
                total=total,
                translated=done,
            )
        )
    return rows


def _city_choices():
    return [
        (slug, title)
        for slug, title in CityPage.objects.filter(locale=Locale.get_default()).values_list("slug", "title")
    ]


class TranslationReportFilterSet(WagtailFilterSet):
    city = django_filters.ChoiceFilter(label=_("City"), choices=_city_choices, method="filter_city")
    locale = django_filters.ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())

    class Meta:
        model = PracticePage
        fields = ["locale"]

    def filter_city(self, queryset, name, value):
        return queryset.filter(url_path__contains=f"/cities/{value}/")


class TranslationReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "translation_report"
    index_results_url_name = "translation_report_results"
    results_template_name = "practices/admin/translation_report_results.html"
    filterset_class = TranslationReportFilterSet
    permission_required = "view_translation_report"
    list_export = ["title", "city", "language", "status", "percent", "translated", "total"]
    export_headings = {
        "title": _("Practice"),
        "city": _("City"),
        "language": _("Language"),
        "status": _("Status"),
        "percent": _("Translated (%)"),
        "translated": _("Translated strings"),
        "total": _("Strings"),
    }

    def get_queryset(self):
        return translation_pages().select_related("locale").order_by("title", "locale__language_code")

    def decorate_paginated_queryset(self, object_list):
        return build_rows(object_list)

    def user_has_permission(self, permission):
        return self.request.user.has_perm(f"practices.{permission}")

    def get_filename(self):
        return "translation-status"
