"""Every write through the admin is one transaction; SQLite takes its write lock as that transaction begins.

SQLite lets one connection write at a time. A transaction that reads first
and writes later (Django's default `BEGIN`, which is DEFERRED) must upgrade
its lock halfway through; when another connection holds it, SQLite answers
"database is locked" at once instead of waiting, which is how a "Save draft"
racing Wagtail's autosave failed with a 500 after the page had been created.
The settings (config/settings/base.py) therefore give SQLite WAL mode, a busy
timeout and `BEGIN IMMEDIATE`, which takes the write lock at the start and
waits its turn.

`IMMEDIATE` only acts on transactions, and the admin's views write in
several steps outside one (creating a page: the page, its revision, its
aliases). This middleware runs each admin request that may write (any method
but GET, HEAD and OPTIONS) inside one transaction: it waits for the lock,
writes everything or nothing, and runs the `on_commit` work (publishing,
cache purges) once the writes are in. Public pages and admin reads are left
out, so readers never queue for the write lock. `ATOMIC_REQUESTS` would put
every request, readers included, in a transaction.

PostgreSQL lets two such transactions run side by side, so two posts of one
page (autosave and "Save draft") would each pass the form's checks before
either had written: the second then failed on the slug the first had just
taken. A write to one of Wagtail's page views therefore locks that page's row
first (the parent's, when adding a child), so posts about one page queue one
behind the other there too and each sees what the one before it wrote. SQLite
needs no such lock: its transactions already run one at a time. See
docs/decisions/0086-no-database-is-locked.md.
"""

from functools import cached_property

from django.db import transaction
from django.urls import reverse

from wagtail.models import Page

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PAGE_VIEWS = "wagtailadmin_pages"
# The page a write is about, as Wagtail's page views name it in their URLs.
PAGE_ARGUMENTS = ("page_id", "parent_page_id")


class AdminWritesAtomicMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def writes_to_admin(self, request):
        return request.method not in READ_ONLY_METHODS and request.path.startswith(self.admin_prefix)

    def __call__(self, request):
        if not self.writes_to_admin(request):
            return self.get_response(request)
        with transaction.atomic():
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not self.writes_to_admin(request) or PAGE_VIEWS not in match.namespaces:
            return None
        page_id = next((view_kwargs[name] for name in PAGE_ARGUMENTS if name in view_kwargs), None)
        if page_id is not None:
            # Held until this request's transaction ends (a no-op on SQLite).
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk", flat=True))
        return None
