from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.presenters import present_home
from sitewide.reader import reader_for
from sitewide.rich_text import CATALOGUE_FEATURES


class HomePage(Page):
    """The network's home page, one per language."""

    intro = RichTextField(_("introduction"), blank=True, features=CATALOGUE_FEATURES)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cities.CityIndexPage", "practices.PracticeIndexPage", "home.LegalPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home"] = present_home(self, reader_for(request))
        return context


class LegalPage(Page):
    """The accessibility statement or the privacy notice, linked from every page's footer.

    `home.legal.ensure_legal_pages()` (run by `setup_network`) creates both in
    every language with a first text that editors then adapt.
    """

    body = RichTextField(_("text"), features=CATALOGUE_FEATURES)
    last_reviewed = models.DateField(
        _("last reviewed"), null=True, blank=True, help_text=_("Shown under the text.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = [*Page.content_panels, FieldPanel("body"), FieldPanel("last_reviewed")]

    class Meta:
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")
