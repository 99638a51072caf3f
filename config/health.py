"""GET /healthz: can this worker serve pages? For load balancers and uptime checks.

It answers from a middleware at the very top of the stack, so it needs no
host name the site knows (a load balancer may ask by IP address), is never
redirected to HTTPS, never rate-limited and never cached. It checks the two
things every page needs:

- the database: `SELECT 1` on the default connection;
- the cache (Redis in production): a value written and read back.

200 `{"status": "ok", ...}` when both answer, else 503 with the failing
check named ("error"), and the reason only in the log, never in the answer.
"""

import json
import logging
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

PATH = "/healthz"
CHECK_KEY = "healthz:"


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    cache = caches["default"]
    key = CHECK_KEY + uuid.uuid4().hex
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def run_checks():
    results = {}
    for name, check in CHECKS.items():
        try:
            ok = check()
        except Exception:
            logger.exception("health check failed: %s", name)
            ok = False
        else:
            if not ok:
                logger.error("health check failed: %s answered wrongly", name)
        results[name] = "ok" if ok else "error"
    return results


def health_response(request):
    if request.method not in ("GET", "HEAD"):
        response = HttpResponse(status=405)
        response["Allow"] = "GET, HEAD"
        return response
    checks = run_checks()
    healthy = all(result == "ok" for result in checks.values())
    body = json.dumps({"status": "ok" if healthy else "error", "checks": checks})
    response = HttpResponse(body, status=200 if healthy else 503, content_type="application/json")
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


class HealthCheckMiddleware:
    """First in MIDDLEWARE: answers /healthz before host checks, redirects and sessions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return health_response(request)
        return self.get_response(request)
