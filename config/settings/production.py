"""Production: every secret and address comes from the environment, or start-up fails."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False


def _required(name):
    value = env(name, default="")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production.")
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[]) or _required("ALLOWED_HOSTS")
_required("DATABASE_URL")

STORAGES["staticfiles"] = {"BACKEND": "config.storage.StaticFilesStorage"}  # noqa: F405
# WhiteNoise serves the hashed, compressed static files right after the security headers.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Session cookies: only over HTTPS, never readable by scripts, not sent on
# cross-site requests, and an admin session ends after a working day.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=12 * 3600)
# Reviewers and administrators see every city's drafts and the messages sent
# to cities: they confirm each admin login with a code. Only an explicit
# TWO_FACTOR_LOGIN=false turns it off, and `check --deploy` then warns
# (cities/rights/two_factor.py; docs/decisions/0084-two-factor-on-in-production.md).
TWO_FACTOR_LOGIN = env.bool("TWO_FACTOR_LOGIN", default=True)

# -- Services: PostgreSQL, Redis, search, mail, media (docs/deploy.md, decision 0040) --

if not IS_POSTGRES:  # noqa: F405
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")
# Each gunicorn worker keeps its connection for a minute (checked before reuse)
# unless CONN_MAX_AGE or the URL's conn_max_age says otherwise.
if not env("CONN_MAX_AGE", default="") and "conn_max_age" not in env("DATABASE_URL"):
    DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
# Elasticsearch (when ELASTICSEARCH_URL is set, base.py adds one backend per
# language) rebuilds into a new index and swaps an alias: no search downtime.
for _backend in WAGTAILSEARCH_BACKENDS.values():  # noqa: F405
    if "elasticsearch" in _backend["BACKEND"]:
        _backend["ATOMIC_REBUILD"] = True

# Redis is required: the page cache, its invalidation, rate limits and login
# throttling must be shared by every worker on every host.
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": _required("REDIS_URL"),
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="cni"),
        "OPTIONS": {
            # A Redis that stops answering fails a request quickly instead of
            # holding a worker; /healthz then reports it.
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
        },
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# django-axes (login throttling), when installed, counts failures in Redis too.
if "axes" in INSTALLED_APPS:  # noqa: F405
    AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
    AXES_CACHE = "default"

# Mail: EMAIL_URL (smtp+tls://user:password@host:587, smtps://…) or EMAIL_HOST
# with EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS/SSL.
if env("EMAIL_URL", default=""):
    globals().update(env.email_url("EMAIL_URL"))
elif env("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=not EMAIL_USE_SSL)
else:
    raise ImproperlyConfigured("EMAIL_URL or EMAIL_HOST must be set in production.")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = _required("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Media: on local disk (MEDIA_ROOT, served by the proxy) for one host; on
# S3-compatible storage when HOST_COUNT says there are more, since every
# host must see every upload.
HOST_COUNT = env.int("HOST_COUNT", default=1)
MEDIA_STORAGE = env("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE not in ("local", "s3"):
    raise ImproperlyConfigured("MEDIA_STORAGE must be local or s3.")
if HOST_COUNT > 1 and MEDIA_STORAGE != "s3":
    raise ImproperlyConfigured("With HOST_COUNT above 1, media must be shared: set MEDIA_STORAGE=s3.")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _required("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "location": env("AWS_LOCATION", default=""),
            # Cached pages keep image addresses for a day: no expiring
            # signatures, so the bucket (or its CDN) serves media publicly.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    _media_origin = origin_of(  # noqa: F405
        MEDIA_ORIGIN  # noqa: F405
        or env("AWS_S3_CUSTOM_DOMAIN", default="")
        or env("AWS_S3_ENDPOINT_URL", default="")
        or f"https://{env('AWS_STORAGE_BUCKET_NAME')}.s3.amazonaws.com"
    )
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):  # noqa: F405
        for _directive in ("img-src", "media-src"):
            if _media_origin not in _policy["DIRECTIVES"][_directive]:
                _policy["DIRECTIVES"][_directive].append(_media_origin)

# -- HTTPS and headers --------------------------------------------------------

# The proxy terminates HTTPS; Django still sends any plain-HTTP request there.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Joining the browsers' preload list is the domain owner's decision, made
# once and hard to undo: off unless asked for, and Django's reminder silenced.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

# -- Logs: one JSON object per line on stdout (config/jsonlog.py) ---------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.jsonlog.JsonFormatter"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # Every request is in gunicorn's access log already; Django's own
        # request logger adds only the 4xx/5xx details.
        "django.request": {"level": "WARNING"},
    },
}
