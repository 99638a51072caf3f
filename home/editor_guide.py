"""The editors' guide, in Greek, served in the admin from docs/editor-guide.el.md.

The guide is one Markdown file, so the same text reads well in the
repository and in the admin. It replaces Wagtail's English editor guide in
the help menu and on the dashboard (see `home.wagtail_hooks`).
"""

import markdown

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE_PATH = settings.BASE_DIR / "docs" / "editor-guide.el.md"
GUIDE_LANGUAGE = "el"
WAGTAIL_GUIDE_ITEM = "editor-guide"
WHATS_NEW_PREFIX = "whats-new-in-wagtail-"


def guide_html():
    """The guide as HTML. The file is the project's own text, not user input, so it is trusted."""
    text = GUIDE_PATH.read_text(encoding="utf-8")
    return mark_safe(markdown.markdown(text, extensions=["toc", "sane_lists"], output_format="html"))  # noqa: S308


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/editor_guide.html"
    page_title = _("Editor's guide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        # Without its own crumb the header reads only "Home", as if the guide were the dashboard.
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(guide=guide_html(), guide_language=GUIDE_LANGUAGE, **kwargs)


def guide_menu_item():
    return MenuItem(
        _("Editor's guide"),
        reverse("cni_editor_guide"),
        name="cni-editor-guide",
        icon_name="help",
        order=1100,
    )


def replace_wagtail_guide(request, items):
    """`construct_help_menu`: this network's guide where Wagtail's English one was.

    Wagtail's release notes (also in English) stay for administrators only,
    who are the ones to upgrade it.
    """
    if not request.user.is_superuser:
        items[:] = [item for item in items if not getattr(item, "name", "").startswith(WHATS_NEW_PREFIX)]
    for index, item in enumerate(items):
        if getattr(item, "name", None) == WAGTAIL_GUIDE_ITEM:
            items[index] = guide_menu_item()
            return
    items.append(guide_menu_item())
