"""Staff read the messages readers sent to cities; nobody writes or edits one here."""

from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contact.models import ContactMessage


class ReadOnlyPolicy(ModelPermissionPolicy):
    """View and delete as the user's permissions say; add and change never, superusers included."""

    READ_ONLY = {"add", "change"}

    def user_has_permission(self, user, action):
        return action not in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.READ_ONLY])

    def users_with_permission(self, action):
        if action in self.READ_ONLY:
            return super().users_with_any_permission([])
        return super().users_with_permission(action)


# Registered before the viewset, which would otherwise make a default policy.
register_permission_policy(ContactMessage, ReadOnlyPolicy(ContactMessage))


class ContactMessageViewSet(SnippetViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Messages to cities")
    menu_order = 800
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "practice_title", "city_name", "created_at", "delivered"]
    list_filter = ["delivered", "language"]
    search_fields = ["name", "email", "practice_title", "city_name", "message"]
    inspect_view_fields = [
        "created_at",
        "practice_title",
        "city_name",
        "recipient",
        "name",
        "email",
        "message",
        "language",
        "delivered",
    ]


register_snippet(ContactMessageViewSet)
