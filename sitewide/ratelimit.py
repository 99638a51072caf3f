"""Rate limits counted in the shared cache, so every worker on every host counts together.

    from sitewide.ratelimit import ratelimit

    @ratelimit("search")
    def search(request): ...

    @ratelimit("suggest", json=True)            # a JSON 429 for scripts
    @ratelimit("login", methods=("POST",))       # count only submissions

    if searches(request) and (refused := refusal(request, "search")):
        return refused                           # a limit for some requests only

Every way into search counts against the one "search" limit: the search
page, the catalogue listing when it searches (`q`), and the API when it
searches or counts facets; suggestions and downloads have their own.

A limit is a setting, `RATELIMITS = {"search": "60/m", ...}` (a count per
second, minute, hour or day), overridable from the environment, and
`RATELIMIT_ENABLED = False` lifts them all (the load benchmark does). Over
the limit, the reader gets a 429 page that says when to try again, with a
`Retry-After` header; the view is not run.

Counting is a fixed window per client address and limit: one `add` and one
`incr` in the cache (atomic in Redis). The address is hashed with the secret
key and lives only for one window. If the cache fails, the request is let
through and the failure logged: a broken Redis must not take the site down
with it (/healthz reports it).

The client's address is REMOTE_ADDR, unless `TRUSTED_PROXY_COUNT` says how
many proxies of ours stand in front of the application (nginx: 1; a CDN and
nginx: 2): then it is that many entries from the right of
X-Forwarded-For, the one address our own proxies saw and a client cannot
forge.
"""

import functools
import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
KEY_PREFIX = "ratelimit:"


@dataclass(frozen=True)
class Rate:
    count: int
    period: int

    @classmethod
    def parse(cls, text):
        """'60/m' → Rate(60, 60); '5/h', '10/s', '1000/d'; '100/10m' (100 per ten minutes)."""
        try:
            count, per = str(text).strip().split("/")
            multiplier = int(per[:-1]) if per[:-1] else 1
            rate = cls(int(count), multiplier * PERIODS[per[-1]])
        except (ValueError, KeyError, IndexError):
            raise ImproperlyConfigured(f"rate {text!r}: expected COUNT/PERIOD, e.g. 60/m") from None
        if rate.count < 1 or rate.period < 1:
            raise ImproperlyConfigured(f"rate {text!r}: count and period must be positive")
        return rate


def rate_for(name):
    try:
        return Rate.parse(settings.RATELIMITS[name])
    except KeyError:
        raise ImproperlyConfigured(f"RATELIMITS has no rate named {name!r}") from None


def client_ip(request):
    """The client's address, seen through the number of proxies we trust (TRUSTED_PROXY_COUNT)."""
    trusted = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= trusted:
            return forwarded[-trusted]
    return request.META.get("REMOTE_ADDR", "")


def _key(name, address, window):
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{KEY_PREFIX}{name}:{digest}:{window}"


def hit(request, name, now=None):
    """Count one request against the named limit.

    Returns None while under the limit, else the seconds until the window
    ends (for Retry-After).
    """
    if not getattr(settings, "RATELIMIT_ENABLED", True):
        return None
    rate = rate_for(name)
    now = time.time() if now is None else now
    window = int(now // rate.period)
    key = _key(name, client_ip(request), window)
    cache = caches[getattr(settings, "RATELIMIT_CACHE", "default")]
    try:
        # The key outlives its window a little, so a slow incr never re-creates it.
        cache.add(key, 0, timeout=rate.period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=rate.period + 1)
            count = 1
    except Exception:
        logger.warning("rate limit %s not counted: the cache failed", name, exc_info=True)
        return None
    if count <= rate.count:
        return None
    return max(1, int((window + 1) * rate.period - now))


def too_many_requests(request, retry_after, json=False):
    """The 429 answer: a page in the reader's language (or JSON for scripts), never cached."""
    if json:
        response = JsonResponse(
            {"error": "too_many_requests", "message": _("Too many requests. Please wait and try again.")},
            status=429,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        response = TemplateResponse(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def refusal(request, name, json=False):
    """Count `request` against the named limit: the 429 answer when it is over, else None.

    For a view that is limited only for some requests (a listing that
    searches, an API call that asks for facets); others use `ratelimit`.
    """
    retry_after = hit(request, name)
    return None if retry_after is None else too_many_requests(request, retry_after, json=json)


def ratelimit(name, methods=("GET", "HEAD", "POST"), json=False):
    """Decorate a view: at most RATELIMITS[name] requests per client for the given methods."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and (refused := refusal(request, name, json=json)):
                return refused
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
