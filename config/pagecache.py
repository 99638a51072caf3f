"""The page cache: what anonymous readers see is kept whole in the shared cache.

config/urls.py says which routes are public and cacheable (`public_page`,
applied to Wagtail's page serving) and which are never cached (`private`):
one place for the cache policy, as decision 0041 explains. PageCacheMiddleware,
early in MIDDLEWARE, answers from the cache and stores what the routes marked
public.

A public page is looked up by a key made of the site-wide *content version*,
the scheme, host, path, known query parameters and language. Any change to
public content (a page or snippet published, unpublished, saved, moved or
deleted; an image, document, site or locale changed) replaces the content
version, so every stored page is missed at once and expires unseen: no
bookkeeping of which page shows which snippet, and nothing stale. The new
version is written both at once and again when the transaction commits, so
no request can store what it read before the commit under the new version.

Never stored, and sent as `Cache-Control: private`:

- requests with a session cookie (logged-in editors, a password-protected
  page already unlocked) or a messages cookie;
- previews (Wagtail renders them in the admin, which is never cached; a
  request marked `is_preview` is refused here too);
- responses that used the CSRF token (any form that posts: the contact form),
  touched the session (anything that read `request.user`), set a cookie, vary
  on a request header, say `private`/`no-cache`/`no-store` themselves, or are
  not a plain 200;
- query strings with parameters other than PAGE_CACHE_QUERY_PARAMS, so
  nobody can fill the cache with `?x=1`, `?x=2`...

What is stored is sent with `Cache-Control: public, max-age=…, s-maxage=…,
stale-while-revalidate=…, stale-if-error=…` so a CDN in front may keep it
too; Wagtail's frontend cache invalidation purges it on publishing when one
is configured (docs/deploy.md). `X-Page-Cache: hit|miss|bypass` tells which
way a response went.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

from sitewide.content_version import content_version, shared_cache

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


def _setting(name, default):
    return getattr(settings, name, default)


# -- Serving -------------------------------------------------------------------


def bypass_reason(request):
    """Why this request must not use the page cache, or None."""
    if not _setting("PAGE_CACHE_ENABLED", True):
        return "disabled"
    if request.method not in ("GET", "HEAD"):
        return "method"
    if not get_language_from_path(request.path_info):
        return "outside the pages"  # every public page is under a language prefix
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return "session"
    if "messages" in request.COOKIES:
        return "messages"
    if getattr(request, "is_preview", False):
        return "preview"
    allowed = set(_setting("PAGE_CACHE_QUERY_PARAMS", ["page"]))
    if any(name not in allowed for name in request.GET):
        return "query"
    return None


def page_key(request, version):
    # The language is the path's prefix (public pages are all under /el/, /en/...): the
    # middleware looks pages up before LocaleMiddleware has activated it.
    language = get_language_from_path(request.path_info) or ""
    params = sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(params)}#{language}"
    return f"pagecache:{version}:{hashlib.sha256(address.encode()).hexdigest()[:40]}"


def storable(request, response):
    """Whether a response is the same for every anonymous reader, and so may be stored."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page shows a CSRF token: it belongs to one browser
    session = getattr(request, "session", None)
    if session is not None and session.accessed:
        return False  # it read the session (or request.user): it belongs to one reader
    if response.has_header("Vary"):
        return False
    cache_control = response.get("Cache-Control", "").replace(" ", "").lower()
    return not any(directive in cache_control.split(",") for directive in UNCACHEABLE_DIRECTIVES)


def public_headers(response):
    patch_cache_control(
        response,
        public=True,
        max_age=_setting("PAGE_CACHE_BROWSER_MAX_AGE", 60),
        s_maxage=_setting("PAGE_CACHE_CDN_MAX_AGE", 300),
        stale_while_revalidate=_setting("PAGE_CACHE_STALE_WHILE_REVALIDATE", 60),
        stale_if_error=_setting("PAGE_CACHE_STALE_IF_ERROR", 86400),
    )


def private_headers(response):
    """Nobody else's cache may keep it; the reader's browser revalidates each time."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)
    elif "private" not in response["Cache-Control"] and "no-store" not in response["Cache-Control"]:
        patch_cache_control(response, private=True)


PUBLIC_ATTRIBUTE = "_page_cache_public"
KEY_ATTRIBUTE = "_page_cache_key"


def public_page(view):
    """Mark a route's answers as the same for every anonymous reader (config/urls.py).

    PageCacheMiddleware then stores them, if nothing in the answer says otherwise.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        setattr(request, PUBLIC_ATTRIBUTE, True)
        return view(request, *args, **kwargs)

    return wrapped


class PageCacheMiddleware:
    """Answers from the page cache early, and stores public pages late.

    It sits right after SecurityMiddleware (and WhiteNoise): a cached page is
    answered without sessions, locale, CSRF or URL resolution, which is what
    makes it nearly as cheap as a static file. Storing happens on the way out,
    once every inner middleware has had its say (a CSRF cookie, a `Vary:
    Cookie` from a session that was read, the security headers), so what is
    stored is exactly what was sent, and anything personal in it is seen.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if bypass_reason(request) is None:
            try:
                key = page_key(request, content_version())
                cached = shared_cache().get(key)
            except Exception:
                logger.warning("page cache unavailable; serving uncached", exc_info=True)
                key = cached = None
            if cached is not None:
                cached[HEADER] = "hit"
                return cached
        setattr(request, KEY_ATTRIBUTE, key)

        response = self.get_response(request)

        if not getattr(request, PUBLIC_ATTRIBUTE, False):
            return response
        if key is not None and request.method == "GET" and storable(request, response):
            public_headers(response)
            try:
                shared_cache().set(key, response, timeout=_setting("PAGE_CACHE_TIMEOUT", 86400))
            except Exception:
                logger.warning("page cache unavailable; not stored", exc_info=True)
            response[HEADER] = "miss"
        else:
            private_headers(response)
            response[HEADER] = "bypass"
        return response


def private(view):
    """Never stored by anyone: search results and other answers that depend on who asks."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    return wrapped
