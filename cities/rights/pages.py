"""What a user may do to the pages of the cities subtree.

Wagtail's own page permission tester decides everything from the group page
permissions (`cities.rights.grants` grants them per city, in every language), with
one exception the network adds: only administrators (superusers) delete a
city or a practice, or move one. A practice that ends is unpublished, so its
history and the links to it stay. Wagtail treats a move as a delete and a
re-add, so refusing the delete refuses the move too, and both disappear from
every menu and listing as well as being refused by the views.
"""

from wagtail.models import PagePermissionTester


class NetworkPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not self.user.is_superuser:
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)


class NetworkPagePermissionsMixin:
    """For the page models of the cities subtree: city index, city and practice pages."""

    def permissions_for_user(self, user):
        return NetworkPagePermissionTester(user, self)
