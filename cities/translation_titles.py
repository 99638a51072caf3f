"""A translated title too long for a page title is refused at the review, not by the database.

wagtail-localize copies every translated title into the page's `draft_title`
(a varchar(255)) as soon as the translator saves it. On PostgreSQL a longer
title then fails that UPDATE, and the translation editor answers 500 with the
translator's text lost; SQLite does not enforce the length, so the same title
reaches the form's validation, which names the field and its limit. The copy
here is cut to fit: `draft_title` only labels the page in the admin, the
translation itself keeps the whole text, and submitting it for review says
what is too long (cities/translation_views.py).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail_localize import models as localize_models
from wagtail_localize.models import StringTranslation

DRAFT_TITLE_LENGTH = Page._meta.get_field("draft_title").max_length

post_save.disconnect(localize_models.post_save_string_translation, sender=StringTranslation)


@receiver(post_save, sender=StringTranslation, dispatch_uid="cities.translation_titles")
def copy_translated_title(instance, **kwargs):
    if instance.context.path == "title":
        Page.objects.filter(translation_key=instance.context.object_id, locale_id=instance.locale_id).update(
            draft_title=instance.data[:DRAFT_TITLE_LENGTH]
        )
