"""What every request reads about the site's structure, remembered until content changes.

Each uncached page used to read the same things afresh: the Site for its host,
the Locales, which sections are private, the home page and the two indexes of
the navigation. They change only when an editor changes pages, sites, locales
or view restrictions, and each such change replaces the page cache's content
version (sitewide/content_version.py). So they are kept in the cache under that
version: a change makes them missed at once, as it does for cached pages, with
no invalidation of their own. Like Wagtail's cached site root paths, this is
an answer the database would give, not a copy of a page; issue #14 counts
queries with the page cache off, and these lookups were a fifth of them.

When the cache cannot be reached, the value is computed, as before.
"""

import logging

from django.utils.http import urlencode

from sitewide.content_version import content_version, shared_cache

logger = logging.getLogger(__name__)

TIMEOUT = 3600
MISSING = object()


def remembered(name, compute):
    """compute(), or what it gave under the current content version."""
    try:
        cache = shared_cache()
        key = f"structure:{content_version()}:{name}"
        value = cache.get(key, MISSING)
    except Exception:
        logger.warning("cache unavailable; reading the site's structure afresh", exc_info=True)
        return compute()
    if value is MISSING:
        value = compute()
        try:
            cache.set(key, value, timeout=TIMEOUT)
        except Exception:
            logger.warning("cache unavailable; the site's structure is not kept", exc_info=True)
    return value


def site_for(request):
    """The Wagtail Site that answers this request's host and port (None if none does).

    sitewide.routing gives it to the request before Wagtail looks: Wagtail's
    Site.find_for_request keeps its answer on the request (`_wagtail_site`, as
    its docstring says), so every later caller of the request gets this one.
    """
    from wagtail.models import Site

    host_and_port = urlencode({"host": request._get_raw_host(), "port": request.get_port()})
    return remembered(f"site:{host_and_port}", lambda: Site._find_for_request(request))
