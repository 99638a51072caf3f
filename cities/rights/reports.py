"""Wagtail's reports that count and name the pages of every city are for the network's staff.

"Page types usage" counts every city's pages of each type and links each
type's last edited page, a draft of another city's as often as not
(issue 12). A city's editor has nothing to learn there about their own
city that their pages do not show; reviewers and administrators keep it.
`NetworkReportsMiddleware` refuses the report's addresses to everyone else
before the view runs, and `cities/wagtail_hooks.py` hides its menu item.
"""

from django.core.exceptions import PermissionDenied
from django.utils.deprecation import MiddlewareMixin

from cities.rights.rules import can_see_network_reports

NAMESPACE = "wagtailadmin_reports"
NETWORK_REPORTS = {"page_types_usage", "page_types_usage_results"}
MENU_NAMES = {"page-types-usage"}


class NetworkReportsMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or NAMESPACE not in match.namespaces or match.url_name not in NETWORK_REPORTS:
            return None
        if request.user.is_authenticated and not can_see_network_reports(request.user):
            raise PermissionDenied
        return None
