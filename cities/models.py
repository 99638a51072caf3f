from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cities.rights.pages import NetworkPagePermissionsMixin
from sitewide.catalogue_id import SYNCHRONIZED_CATALOGUE_ID, CatalogueIdPanel, PageCatalogueIdMixin
from sitewide.figures import Figure
from sitewide.page_context import ProvidedContextMixin
from sitewide.rich_text import CATALOGUE_FEATURES
from sitewide.slugs import TransliteratedSlugMixin


class CityIndexPage(ProvidedContextMixin, NetworkPagePermissionsMixin, Page):
    """The member municipalities, one per language, always at /<lang>/cities/.

    Its city cards, with their practice counts, come from `practices` (see sitewide.page_context).
    """

    intro = RichTextField(_("introduction"), blank=True, features=CATALOGUE_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cities.CityPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta:
        verbose_name = _("index of cities")


class CityPage(
    ProvidedContextMixin, NetworkPagePermissionsMixin, TransliteratedSlugMixin, PageCatalogueIdMixin, Page
):
    """A member municipality. Its practices live beneath it, which is what scopes editors' rights.

    What its page shows, its practices included, comes from `practices` (see sitewide.page_context).
    """

    region = models.CharField(_("region"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("official contact address"),
        blank=True,
        help_text=_("The municipality's public address for enquiries, never a person's own address."),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=CATALOGUE_FEATURES)
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["cities.CityIndexPage"]
    subpage_types = ["practices.PracticePage"]
    override_translatable_fields = [SynchronizedField("slug"), SYNCHRONIZED_CATALOGUE_ID]

    search_fields = [*Page.search_fields, index.SearchField("region"), index.SearchField("intro")]

    content_panels = [
        TitleFieldPanel("title", heading=_("Name of the municipality")),
        FieldPanel("region"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Location on the map"),
            help_text=_("Decimal degrees, for example 37.9838 and 23.7275 for Athens."),
        ),
        FieldPanel("intro"),
        FieldPanel("emblem"),
        InlinePanel("figures", heading=_("Figures about the city's population"), label=_("figure")),
    ]
    promote_panels = [*Page.promote_panels, CatalogueIdPanel()]

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")


class CityFigure(Figure):
    page = ParentalKey(CityPage, related_name="figures", on_delete=models.CASCADE)


class CityTeam(models.Model):
    """A member city's editors: their group and the collections of their images and documents.

    A city is its page in every language; the pages share one translation key,
    which is what the team is keyed on, so renaming or moving the city page
    never loses its team. `cities.rights.grants` grants the group its permissions.
    """

    city_key = models.UUIDField(_("city"), unique=True, editable=False)
    group = models.OneToOneField(
        Group, verbose_name=_("editors group"), on_delete=models.PROTECT, related_name="city_team"
    )
    image_collection = models.ForeignKey(
        Collection, verbose_name=_("images collection"), on_delete=models.PROTECT, related_name="+"
    )
    document_collection = models.ForeignKey(
        Collection, verbose_name=_("documents collection"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("city team")
        verbose_name_plural = _("city teams")
        permissions = [
            ("view_city_history", _("Can view the history of every city")),
            ("view_network_dashboard", _("Can see the IOM dashboard")),
            ("require_two_factor", _("Confirms logins with a one-time code (when two-factor login is on)")),
        ]

    def __str__(self):
        return self.group.name

    def city_pages(self):
        """The city's page in every language, aliases included."""
        return CityPage.objects.filter(translation_key=self.city_key)
