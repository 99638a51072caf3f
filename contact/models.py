"""Messages readers send to a city about one of its practices.

Each is emailed to the city's official address and kept here, so staff can see
what was sent when mail fails. Nothing about the reader is kept but what they
typed: no IP address, no browser, no account. `purge_contact_messages` deletes
messages older than CONTACT_MESSAGE_RETENTION_DAYS.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactMessageQuerySet(models.QuerySet):
    def past_retention(self, now=None):
        cutoff = (now or timezone.now()) - timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
        return self.filter(created_at__lt=cutoff)


class ContactMessage(models.Model):
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    practice_title = models.CharField(_("practice, as shown to the reader"), max_length=255)
    city_name = models.CharField(_("city"), max_length=255)
    recipient = models.EmailField(_("sent to"), help_text=_("The city's official contact address."))
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("reply address"))
    message = models.TextField(_("message"))
    language = models.CharField(_("language of the page"), max_length=10)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    delivered = models.BooleanField(
        _("delivered"), default=False, help_text=_("Whether the mail server accepted the message.")
    )

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to a city")
        verbose_name_plural = _("messages to cities")
        # Staff read messages and may delete them; nobody writes or edits one in the admin.
        default_permissions = ("view", "delete")

    def __str__(self):
        return f"{self.name} → {self.city_name}: {self.practice_title}"
