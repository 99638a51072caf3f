"""A page's images and documents come from the collections its editor may use.

The choosers list only those collections (`cities/wagtail_hooks.py`), but a
form is only what a browser posts: Athens' editor posted
`images-0-image=<Thessaloniki's image id>` and the page took it (issue 12).
So saving a page checks every image and document it points to — its own
fields, its inline rows and the embeds and document links of its rich text —
against `usable_collections`, and refuses one outside them at its field.

A reference the page already had is left alone: someone allowed to chose
it (a reviewer, the importer), and refusing it would stop the city's
editor from saving their own page. Only what a save adds is checked, in a
new row or an existing one (docs/decisions/0082-media-checked-on-save.md).
"""

from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_all_child_relations
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model

from cities.rights.rules import can_use_media

NOT_USABLE = {
    "image": _("This image is not in a collection you may use. Choose one of your city's images."),
    "document": _("This document is not in a collection you may use. Choose one of your city's documents."),
}


def _media_kind(model):
    if model is None:
        return None
    if issubclass(model, get_image_model()):
        return "image"
    if issubclass(model, get_document_model()):
        return "document"
    return None


def field_references(model_field, value):
    """(kind, pk) of each image or document that one field's value points to."""
    if isinstance(model_field, RichTextField):
        for model, pk, _path, _content_path in model_field.extract_references(value or ""):
            kind = _media_kind(model)
            if kind and str(pk).isdigit():
                yield kind, int(pk)
    elif model_field.many_to_one and value is not None:
        kind = _media_kind(model_field.related_model)
        if kind:
            yield kind, value.pk if hasattr(value, "pk") else int(value)


def instance_references(instance):
    """Every (kind, pk) a page, with its inline rows, points to."""
    found = set()
    objects = [instance]
    for relation in get_all_child_relations(instance):
        objects += list(getattr(instance, relation.get_accessor_name()).all())
    for obj in objects:
        for model_field in obj._meta.concrete_fields:
            value = getattr(obj, model_field.attname)
            found |= set(field_references(model_field, value))
    return found


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except Exception:  # a form field with no model field (a panel's own, a formset's DELETE)
        return None


def _forms_with_models(form):
    """The page form and each kept inline form, with the model their fields belong to."""
    yield form, form._meta.model
    for formset in form.formsets.values():
        formset.is_valid()  # gives each inline form its cleaned data
        for inline in formset.forms:
            if formset.can_delete and formset._should_delete_form(inline):
                continue
            yield inline, formset.model


class MediaCheckedPageForm(WagtailAdminPageForm):
    """The admin form of the cities' pages: refuses images and documents from collections the user may not use."""

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return cleaned_data
        already = self._references_before()
        items = {"image": get_image_model(), "document": get_document_model()}
        for form, model in _forms_with_models(self):
            for name, value in list(getattr(form, "cleaned_data", {}).items()):
                model_field = _model_field(model, name)
                if model_field is None:
                    continue
                for kind, pk in field_references(model_field, value):
                    if (kind, pk) in already:
                        continue
                    item = items[kind].objects.filter(pk=pk).first()
                    if item is None or not can_use_media(user, item):
                        form.add_error(name, NOT_USABLE[kind])
                        break
        return cleaned_data

    def _references_before(self):
        """What the page pointed to before this save: its latest revision's references (none for a new page)."""
        if not self.instance.pk:
            return set()
        stored = type(self.instance).objects.get(pk=self.instance.pk)
        return instance_references(stored) | instance_references(stored.get_latest_revision_as_object())
