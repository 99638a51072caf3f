"""Who the admin is answering, for the pages that name themselves to them (`cities.rights.pages`).

Wagtail names a page in its admin by `get_admin_display_title()`, the
title of its latest draft, wherever it lists one: the page chooser, its
breadcrumbs and search, the "chosen" answers, the confirmation pages of
bulk actions. A page model is not told who is looking, so while the admin
answers a request its user is kept here, in a context variable, and
nowhere else: outside the admin's addresses there is no viewer
(docs/decisions/0083-another-citys-pages-in-the-admin.md).
"""

from contextvars import ContextVar

from django.urls import reverse

_viewer = ContextVar("admin_viewer", default=None)


def admin_viewer():
    """The user the admin is answering, or None outside the admin."""
    return _viewer.get()


class AdminViewerMiddleware:
    """Keeps the admin request's user for `admin_viewer()` while the request is answered."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._prefix = None

    def __call__(self, request):
        if self._prefix is None:
            self._prefix = reverse("wagtailadmin_home")
        if not request.path_info.startswith(self._prefix):
            return self.get_response(request)
        token = _viewer.set(request.user)
        try:
            return self.get_response(request)
        finally:
            _viewer.reset(token)
