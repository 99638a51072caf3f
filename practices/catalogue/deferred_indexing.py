"""Index each imported object once, after the import, instead of on every save.

An imported page is saved several times (created, revised, published, then
translated), and every save would otherwise re-index it for search and for
Wagtail's reference index: most of an import's time went there. Inside this
context, saves are only noted; each object is indexed once at the end, and
only for a write that is kept (not for a dry run or a failed import).
"""

from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


def _index(noted):
    for model, pks in noted.items():
        instances = model._default_manager.filter(pk__in=pks)
        for instance in instances:
            if model in search_models():
                search_index.insert_or_update_object(instance)
            if ReferenceIndex.is_indexed(model):
                ReferenceIndex.create_or_update_for_object(instance)


def search_models():
    return set(search_index.get_indexed_models())


@contextmanager
def deferred_indexing(keep=True):
    """Defer indexing to the end of the block; with keep=False, skip it."""
    noted = {}

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            noted.setdefault(sender, set()).add(instance.pk)

    indexed = [model for model in search_models() if getattr(model, "search_auto_update", True)]
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="catalogue-deferred-indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="catalogue-deferred-indexing")
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)
    # Inside the import's transaction: the database search index and the
    # reference index are kept or rolled back with the content they describe.
    if keep:
        _index(noted)
