"""An admin menu item shown only to the users a rule allows."""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """Shown when `allowed(user)` says so; by default, to administrators only.

    Give the item a fixed `name`: Wagtail would otherwise derive it from the
    label, which follows the admin's language.
    """

    def __init__(self, *args, allowed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        if self.allowed is None:
            return request.user.is_superuser
        return self.allowed(request.user)


def has_perm(permission):
    """A rule for `PermissionMenuItem`: the user holds `permission`."""
    return lambda user: user.has_perm(permission)
