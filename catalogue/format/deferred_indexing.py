"""Index each imported object once, after the import, instead of on every save.

An imported page is saved several times (created, revised, published, then
translated), and every save would otherwise re-index it for search and for
Wagtail's reference index: most of an import's time went there. Inside this
context, saves are only noted; each object is indexed once at the end, and
only for a write that is kept (not for a dry run or a failed import).
"""

import logging
from contextlib import contextmanager
from itertools import islice

from django.db.models.signals import post_save

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from modelsearch import index as search_index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

logger = logging.getLogger(__name__)
BATCH = 500


def _index(noted):
    for model, pks in noted.items():
        pks = iter(sorted(pks))
        while chunk := list(islice(pks, BATCH)):
            if model in search_models():
                _index_for_search(model, chunk)
            if ReferenceIndex.is_indexed(model):
                _index_references(model, chunk)


def _index_for_search(model, pks):
    """What modelsearch's insert_or_update_object does, one batch per backend.

    get_indexed_objects() prefetches the related fields the index reads
    (except parental many-to-many ones, prefetched here), so a batch costs a
    few queries instead of a dozen per object.
    """
    queryset = model.get_indexed_objects().filter(pk__in=pks)
    queryset = queryset.prefetch_related(*(field.name for field in get_all_child_m2m_relations(model)))
    instances = [indexed for instance in queryset if (indexed := instance.get_indexed_instance()) is not None]
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, instances)
        except Exception:
            # As modelsearch does: an external service's outage must not lose
            # the import; a database backend's error must end it.
            logger.exception("Indexing %s in the '%s' search backend failed", model.__name__, name)
            if not backend.catch_indexing_errors:
                raise


def _index_references(model, pks):
    """ReferenceIndex.create_or_update_for_object, with the children it walks prefetched."""
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    relations += [field.name for field in get_all_child_m2m_relations(model)]
    for instance in model._default_manager.filter(pk__in=pks).prefetch_related(*relations):
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
