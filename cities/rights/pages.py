"""What a user may do to the pages of the cities subtree, and what the admin shows them of one.

Wagtail's own page permission tester decides everything from the group page
permissions (`cities.rights.grants` grants them per city, in every language), with
one exception the network adds: only administrators (superusers) delete a
city or a practice, or move one. A practice that ends is unpublished, so its
history and the links to it stay. Wagtail treats a move as a delete and a
re-add, so refusing the delete refuses the move too, and both disappear from
every menu and listing as well as being refused by the views.
"""

from django.utils.translation import gettext as _

from wagtail.models import PagePermissionTester

from cities.rights.visibility import admin_viewer


class NetworkPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not self.user.is_superuser:
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)


class NetworkPagePermissionsMixin:
    """For the page models of the cities subtree: city index, city and practice pages."""

    def permissions_for_user(self, user):
        return NetworkPagePermissionTester(user, self)

    def get_admin_display_title(self):
        """The latest draft's title to those who may edit the page; to others, only what is public.

        Another city's editor meets a live page in the chooser, its search
        and breadcrumbs, and on confirmation pages: they see its published
        title, and of a page never published, not even that (issue 12).
        """
        title = super().get_admin_display_title()
        viewer = admin_viewer()
        if viewer is None or (viewer.is_authenticated and self.permissions_for_user(viewer).can_edit()):
            return title
        # A live page's own row holds its published content.
        return self.title if self.live else _("A page you cannot open")
