"""The content version: one value in the shared cache that any change to public content replaces.

The page cache (config/pagecache.py) stores pages under it, and
sitewide.structure remembers the site's structure under it, so a change makes
both missed at once. The new version is written both at once and again when
the transaction commits, so no request can store what it read before the
commit under the new version.
"""

import functools
import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail import signals as wagtail_signals

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"


def _setting(name, default):
    return getattr(settings, name, default)


def shared_cache():
    """The cache that holds stored pages and the content version (sitewide.structure uses it too)."""
    return caches[_setting("PAGE_CACHE_ALIAS", "default")]


# -- The content version ------------------------------------------------------


def content_version():
    """The current content version, created if the cache has none (after a flush or eviction)."""
    cache = shared_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def bump_version():
    """Forget every stored page: they are all under the old version."""
    try:
        shared_cache().set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.exception("the page cache could not be invalidated")


def content_changed(using=None):
    """Invalidate now, and once more when the current transaction commits."""
    bump_version()
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(bump_version, using=using, robust=True)


def is_public_content(model):
    """Whether saving or deleting an instance of `model` can change what a public page shows."""
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Locale,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.snippets.models import get_snippet_models

    content_bases = (
        Page,
        Site,
        Locale,
        PageViewRestriction,
        Collection,
        CollectionViewRestriction,
        AbstractImage,
        AbstractDocument,
    )
    return issubclass(model, content_bases) or model in get_snippet_models()


@functools.cache
def _is_public_content_cached(model):
    return is_public_content(model)


def _on_model_change(sender, using=None, **kwargs):
    if _is_public_content_cached(sender):
        content_changed(using)


def _on_m2m_change(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and _is_public_content_cached(type(instance)):
        content_changed(using)


def _on_wagtail_signal(sender, **kwargs):
    content_changed()


def connect_signals():
    """Called once from config.apps.SiteConfig.ready()."""
    post_save.connect(_on_model_change, dispatch_uid="pagecache-post-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-post-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="pagecache-m2m")
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        wagtail_signals.published,
        wagtail_signals.unpublished,
    ):
        signal.connect(_on_wagtail_signal, dispatch_uid=f"pagecache-{id(signal)}")
