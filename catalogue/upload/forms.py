"""The upload form: a city the user may import for, the file, and "check only"."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from cities.models import CityPage
from cities.rights.rules import importable_cities


class CatalogueUploadForm(forms.Form):
    city = forms.ChoiceField(
        label=_("City"),
        help_text=_(
            "The import is for this city only: a record of another city, or of the shared categories "
            "and target groups, stops it."
        ),
    )
    file = forms.FileField(
        label=_("Catalogue file"),
        help_text=_(
            "A JSON file in the cni-catalogue/1 format, at most %(size)s. "
            "Images cannot be uploaded this way; add them to the pages afterwards."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Check only"),
        required=False,
        help_text=_("Check the file and show what it would create and change, without saving anything."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        cities = list(importable_cities(user))
        self.fields["city"].choices = [(city.catalogue_id, city_label(city)) for city in cities]
        if len(cities) == 1:
            self.fields["city"].initial = cities[0].catalogue_id
        limit = filesizeformat(settings.CATALOGUE_MAX_FILE_BYTES)
        self.fields["file"].help_text = self.fields["file"].help_text % {"size": limit}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.CATALOGUE_MAX_FILE_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="too_big",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        return upload


def city_label(city):
    """The city's name in the admin's language when it has a page there, with its catalogue id."""
    try:
        shown = city.get_translation(Locale.get_active())
    except (CityPage.DoesNotExist, Locale.DoesNotExist):
        shown = city
    return f"{shown.title} ({city.catalogue_id})"
