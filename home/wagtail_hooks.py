"""The admin's two-factor login steps (home/two_factor.py) and its menu labels (home/admin_menu_labels.py)."""

from django.urls import path

from wagtail import hooks

from .admin_menu_labels import relabel_in_place
from .two_factor import setup_view, verify_view


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("login/confirm/", verify_view, name="two_factor_verify"),
        path("login/authenticator/", setup_view, name="two_factor_setup"),
    ]


for menu_hook in ("construct_help_menu", "construct_reports_menu"):
    hooks.register(menu_hook, relabel_in_place)
