from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from practices.rich_text import CATALOGUE_FEATURES


class HomePage(Page):
    """The network's home page, one per language."""

    intro = RichTextField(_("introduction"), blank=True, features=CATALOGUE_FEATURES)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cities.CityIndexPage", "practices.PracticeIndexPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from practices.presenters import present_home, reader_for

        context = super().get_context(request, *args, **kwargs)
        context["home"] = present_home(self, reader_for(request))
        return context
