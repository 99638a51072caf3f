"""The admin's home: the IOM dashboard's panels, and menu labels that follow the admin's language."""

from wagtail import hooks

from home.admin_menu_labels import relabel_in_place
from home.dashboard import add_dashboard_panels

hooks.register("construct_homepage_panels", add_dashboard_panels)

for menu_hook in ("construct_help_menu", "construct_reports_menu"):
    hooks.register(menu_hook, relabel_in_place)
