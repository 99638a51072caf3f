"""The upload screen and its result page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.format.errors import CatalogueInvalid
from catalogue.upload.forms import CatalogueUploadForm
from catalogue.upload.report import build_report
from catalogue.upload.run import import_upload
from cities.rights.rules import may_upload


def upload_catalogue_view(request):
    if not may_upload(request.user):
        raise PermissionDenied
    posted = request.method == "POST"
    form = CatalogueUploadForm(
        request.POST if posted else None, request.FILES if posted else None, user=request.user
    )
    problems = []
    if posted and form.is_valid():
        city = form.cleaned_data["city"]
        dry_run = form.cleaned_data["dry_run"]
        try:
            result = import_upload(form.cleaned_data["file"], city, request.user, dry_run=dry_run)
        except CatalogueInvalid as error:
            problems = error.problems
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: the file has %(count)d problem.",
                    "Nothing was imported: the file has %(count)d problems.",
                    len(problems),
                )
                % {"count": len(problems)},
            )
        else:
            return _result(request, result, dict(form.fields["city"].choices)[city])
    return TemplateResponse(
        request,
        "catalogue/admin/catalogue_upload.html",
        {"form": form, "problems": problems, "page_title": _("Upload a catalogue"), "header_icon": "upload"},
    )


def _result(request, result, city):
    if result.dry_run:
        messages.info(request, _("Checked only: nothing was saved. This is what the import would do."))
        title = _("Check of the catalogue file")
    else:
        messages.success(request, _("The catalogue file was imported for “%(city)s”.") % {"city": city})
        title = _("Catalogue imported")
    return TemplateResponse(
        request,
        "catalogue/admin/catalogue_upload_result.html",
        {
            "page_title": title,
            "header_icon": "upload",
            "city": city,
            "dry_run": result.dry_run,
            "sections": build_report(result, request.user),
            "notes": result.notes,
        },
    )
