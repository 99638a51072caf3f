"""Saving new pages with their first revision, each in one pass.

Wagtail's usual path for a new published page is `add_child` (a save), then
`save_revision` (a second save) and `revision.publish()` (a third save, which
also rebuilds the page from the revision's JSON). An import already holds
the final content, so each page is saved once in its final state, and the
revision, the publication and the log entries are recorded around it,
leaving the rows the usual path leaves.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published


class NewPages:
    """Saves an import's new pages; `finish()` writes their publication log entries together."""

    def __init__(self, publish, user=None):
        self.publish = publish
        self.user = user  # whose name revisions and log entries carry (None: the system)
        self._log = []

    def save(self, parent, page):
        """Add `page` under `parent`, live or as a draft, with one revision; returns the revision."""
        now = timezone.now()
        page.live = self.publish
        page.has_unpublished_changes = not self.publish
        page.draft_title = page.title
        if self.publish:
            page.first_published_at = page.last_published_at = now
        children = _detach_children(page)
        if parent.numchild == 0:
            # treebeard trusts the count to place a first child; a parent
            # kept by the caller may have gained one since (an alias made
            # through wagtail-localize), so the count is read again.
            parent.refresh_from_db(fields=["numchild"])
        # A live page is fully validated by Page.save; a draft only minimally,
        # so it is validated here once its place in the tree is known.
        parent.add_child(instance=page)
        if not self.publish:
            page.full_clean()
        _insert_children(page, children)
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=self.user,
            content=page.serializable_data(),
            object_str=str(page),
        )
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        page.live_revision = revision if self.publish else None
        Page.objects.filter(pk=page.pk).update(
            latest_revision=revision,
            latest_revision_created_at=revision.created_at,
            live_revision=page.live_revision,
        )
        if self.publish:
            self._log.append(self._publish_entry(page, revision))
            page_published.send(sender=page.specific_class, instance=page, revision=revision)
        return revision

    def finish(self):
        PageLogEntry.objects.bulk_create(self._log)
        self._log = []

    def _publish_entry(self, page, revision):
        """The entry PublishRevisionAction logs (its checks, such as the action's existence, hold by construction)."""
        context = get_active_log_context()
        return PageLogEntry(
            content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
            label=page.get_admin_display_title(),
            action="wagtail.publish",
            timestamp=timezone.now(),
            data={},
            user=self.user or context.user,
            uuid=context.uuid,
            revision=revision,
            content_changed=True,
            page=page,
        )


def _detach_children(page):
    """Take the unsaved inline children and many-to-many values off a new page.

    modelcluster keeps them in `_cluster_related_objects` until the page is
    saved, then saves them one by one, each relation after a query for the
    existing rows. A new page has no existing rows, so the children are
    inserted in one query per relation instead (_insert_children).
    """
    pending = getattr(page, "_cluster_related_objects", {})
    return {name: pending.pop(name) for name in list(pending)}


def _insert_children(page, children):
    """Insert the detached children, and put them back on the page as its in-memory state.

    Keeping them in memory lets the revision, the translation source and the
    segments be read from the page without a query per relation.
    """
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        items = children.get(name, [])
        for item in items:
            setattr(item, relation.field.name, page)
        relation.related_model.objects.bulk_create(items)
        getattr(page, name).set(items)
    for field in get_all_child_m2m_relations(page):
        items = list(dict.fromkeys(children.get(field.name, [])))
        through = field.remote_field.through
        through.objects.bulk_create(
            [
                through(**{field.m2m_field_name(): page, field.m2m_reverse_field_name(): item})
                for item in items
            ]
        )
        getattr(page, field.name).set(items)
