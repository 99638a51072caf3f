"""Content Security Policy: a strict one for the public site, a looser one for Wagtail's admin.

django-csp's middleware sends CONTENT_SECURITY_POLICY. This subclass sends
ADMIN_CONTENT_SECURITY_POLICY instead under the admin's URL prefix, because
the admin (Wagtail's and wagtail-localize's own templates) uses inline
scripts and styles that the public site never needs. A view that sets its
own policy with django-csp's decorators keeps it. Wagtail's document view
sets its own `default-src 'none'` header, which is kept too.

The policies themselves are settings (config/settings/base.py), built with
`origin_of` from the addresses the site loads things from.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings


def origin_of(url):
    """'https://tile.example.org/{z}/{x}/{y}.png' → 'https://tile.example.org'; '' for no URL or a path."""
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"//{url}")
    if not parts.netloc:
        return ""
    scheme = parts.scheme or "https"
    return f"{scheme}://{parts.netloc.replace('{s}', '*')}"


def is_admin_path(path):
    return path.startswith(getattr(settings, "ADMIN_URL_PREFIX", "/admin/"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
