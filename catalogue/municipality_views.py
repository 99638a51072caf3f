"""The administrators' screen for `add_municipality`."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import RegexValidator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalogue.format.values import ID_PATTERN
from catalogue.municipalities import add_municipality
from cities.onboarding import OnboardingError


class MunicipalityForm(forms.Form):
    city_id = forms.CharField(
        label=gettext_lazy("Catalogue id"),
        max_length=80,
        validators=[RegexValidator(ID_PATTERN)],
        help_text=gettext_lazy(
            "The city's permanent id, in lower-case Latin letters, digits and hyphens, such as “athens”. "
            "It is also the address of its page."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=gettext_lazy("Name in %(language)s") % {"language": name},
                max_length=255,
                required=False,
                help_text=(
                    gettext_lazy("Required for a city that has no page yet.")
                    if code == settings.LANGUAGE_CODE
                    else gettext_lazy("Leave empty to translate it later.")
                ),
            )

    def names(self):
        return {
            code: self.cleaned_data[f"name_{code}"].strip()
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if self.cleaned_data.get(f"name_{code}", "").strip()
        }


def add_municipality_view(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = MunicipalityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = add_municipality(form.cleaned_data["city_id"], form.names())
        except OnboardingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("“%(city)s” is a member city; its editors are the group “%(group)s”.")
                % {"city": result.city.title, "group": result.team.group.name},
            )
            return redirect(reverse("wagtailusers_groups:edit", args=[result.team.group.pk]))
    return TemplateResponse(
        request,
        "catalogue/admin/add_municipality.html",
        {"form": form, "page_title": _("Add a municipality"), "header_icon": "site"},
    )
