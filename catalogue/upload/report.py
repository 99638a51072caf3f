"""What an upload did (or, checked only, would do), per kind, with links to edit the records."""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from catalogue.format.kinds import ALL_KINDS


@dataclass
class Version:
    language: str
    title: str
    url: str | None
    state: str


@dataclass
class Entry:
    record_id: str
    versions: list = field(default_factory=list)


@dataclass
class Section:
    label: str
    created: list
    updated: list
    unchanged: list

    @property
    def empty(self):
        return not (self.created or self.updated or self.unchanged)


def _state(instance):
    if getattr(instance, "workflow_in_progress", False):
        return _("in review")
    if not instance.live:
        return _("draft") if isinstance(instance, Page) else _("proposal for the reviewers")
    if instance.has_unpublished_changes:
        return _("live, with a draft")
    return _("live")


def _versions_by_id(kind, ids, finder):
    """Each record's stored versions, one per language (never a page alias), keyed by catalogue id."""
    found = kind.model.objects.filter(catalogue_id__in=ids)
    if kind.is_page:
        found = found.filter(alias_of__isnull=True)
    versions = {}
    for instance in found.select_related("locale").order_by("locale__language_code"):
        versions.setdefault(instance.catalogue_id, []).append(
            Version(
                language=instance.locale.get_display_name(),
                title=str(instance),
                url=finder.get_edit_url(instance),
                state=_state(instance),
            )
        )
    return versions


def build_report(result, user):
    """Sections for the kinds the file held.

    After a check only, a record it would create has no stored version to
    link to; the ones it would update or leave alone link to what is stored.
    """
    finder = AdminURLFinder(user)
    sections = []
    for kind in ALL_KINDS:
        tally = result.tallies[kind.key]
        ids = [*tally.created, *tally.updated, *tally.unchanged]
        if not ids:
            continue
        stored = _versions_by_id(kind, ids, finder)
        entries = {record_id: Entry(record_id, stored.get(record_id, [])) for record_id in ids}
        sections.append(
            Section(
                label=str(capfirst(kind.label)),
                created=[entries[record_id] for record_id in tally.created],
                updated=[entries[record_id] for record_id in tally.updated],
                unchanged=[entries[record_id] for record_id in tally.unchanged],
            )
        )
    return sections
