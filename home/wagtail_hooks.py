"""The admin's home: the editors' city panels, the IOM dashboard, the editors' guide, and menu labels
that follow the admin's language."""

from django.urls import path

from wagtail import hooks

from home.admin_menu_labels import relabel_in_place
from home.dashboard import add_dashboard_panels
from home.editor_dashboard import add_city_panels
from home.editor_guide import EditorGuideView, replace_wagtail_guide
from home.upstream_words import translation_editor_words

hooks.register("construct_homepage_panels", add_city_panels)
hooks.register("construct_homepage_panels", add_dashboard_panels)
hooks.register("construct_help_menu", replace_wagtail_guide)
hooks.register("insert_editor_js", translation_editor_words)

for menu_hook in ("construct_help_menu", "construct_reports_menu"):
    hooks.register(menu_hook, relabel_in_place)


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("guide/", EditorGuideView.as_view(), name="cni_editor_guide")]
