"""The catalogue's shared vocabulary in the admin, under one "Catalogue" menu.

Categories and target groups are plain translatable snippets. Organisations
keep drafts and revisions: an editor who cannot find a body proposes it as a
draft, and someone with the "publish" permission on organisations (a reviewer)
publishes it. The locale filter is added by Wagtail to every translatable
snippet's listing.
"""

from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cities.rights.rules import can_see_translation_report
from practices.admin_views import CatalogueIndexView
from practices.models import Category, Organisation, TargetGroup
from practices.presenters import city_cards, present_city
from practices.translation_report import TranslationReportView
from sitewide.admin_menu import PermissionMenuItem
from sitewide.page_context import provides_context_for
from sitewide.reader import reader_for


class CatalogueIdForm(WagtailAdminModelForm):
    """Reports a catalogue id already used in the same language as a form error.

    The database refuses it anyway (one id per language), but the locale is not
    a form field, so Django's own constraint check skips it and the admin would
    fail with a server error instead of telling the editor.
    """

    def clean_catalogue_id(self):
        catalogue_id = self.cleaned_data["catalogue_id"]
        if self.instance.locale_id is None:
            return catalogue_id
        clash = (
            self._meta.model.objects.filter(catalogue_id=catalogue_id, locale_id=self.instance.locale_id)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if clash is not None:
            raise ValidationError(
                _("“%(name)s” already has the catalogue id “%(id)s” in this language."),
                code="unique",
                params={"name": clash, "id": catalogue_id},
            )
        return catalogue_id


class CatalogueSnippetViewSet(SnippetViewSet):
    """The model's own panels with a form that checks the catalogue id, and a search that filters.

    Each subclass names its menu item: Wagtail would otherwise derive the name
    from the translated label, which changes with the editor's language.
    """

    index_view_class = CatalogueIndexView
    list_per_page = 50

    def get_edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=CatalogueIdForm).bind_to_model(self.model)


class TermViewSet(CatalogueSnippetViewSet):
    list_display = ["name", "catalogue_id", LocaleColumn(), UpdatedAtColumn()]
    list_export = ["catalogue_id", "name", "description"]


class CategoryViewSet(TermViewSet):
    model = Category
    icon = "tag"
    menu_name = "categories"
    menu_order = 100


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "user"
    menu_name = "target-groups"
    menu_order = 200


class OrganisationViewSet(CatalogueSnippetViewSet):
    model = Organisation
    icon = "group"
    menu_name = "organisations"
    menu_order = 300
    list_display = ["name", "acronym", "kind", "catalogue_id", LocaleColumn(), UpdatedAtColumn()]
    list_filter = ["kind", "live"]
    list_export = ["catalogue_id", "name", "acronym", "kind", "website", "live"]
    inspect_view_enabled = True


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "folder-open-inverse"
    menu_name = "catalogue"
    menu_order = 150
    items = (CategoryViewSet, TargetGroupViewSet, OrganisationViewSet)


register_snippet(CatalogueViewSetGroup)


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path("reports/translation-status/", TranslationReportView.as_view(), name="translation_report"),
        path(
            "reports/translation-status/results/",
            TranslationReportView.as_view(results_only=True),
            name="translation_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return PermissionMenuItem(
        _("Translation status"),
        reverse("translation_report"),
        name="translation-status",
        icon_name="globe",
        order=900,
        allowed=can_see_translation_report,
    )


@provides_context_for("cities.cityindexpage")
def city_cards_context(page, request):
    return {"cities": city_cards(reader_for(request), page)}


@provides_context_for("cities.citypage")
def city_context(page, request):
    return {"city": present_city(page, reader_for(request))}
