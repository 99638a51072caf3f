"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment here, in one place, so the other settings modules only tighten or
loosen policy.
"""

from pathlib import Path

import environ

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CONFIG_DIR = BASE_DIR / "config"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

# The project's apps, from the ground up: each may import only those listed
# before it (docs/decisions/0070-layered-apps.md; tests/test_layers.py).
PROJECT_APPS = [
    "sitewide",
    "cities",
    "contact",
    "practices",
    "search",
    "home",
    "catalogue",
    "opendata",
]

INSTALLED_APPS = [
    *PROJECT_APPS,
    "config.apps.SiteConfig",
    "csp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Account security: login throttling and two-factor login (see the section below).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # /healthz answers before host checks and HTTPS redirects (config/health.py).
    "config.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Cached pages are answered here, before sessions and locale (config/pagecache.py).
    "config.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Each admin request that may write is one transaction (config/transactions.py).
    "config.transactions.AdminWritesAtomicMiddleware",
    "cities.rights.two_factor.AdminTwoFactorMiddleware",
    "cities.rights.translations.TranslationRightsMiddleware",
    # Pages name themselves to the admin's user as that user may see them (cities/rights/visibility.py).
    "cities.rights.visibility.AdminViewerMiddleware",
    "cities.rights.reports.NetworkReportsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CONFIG_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# An empty DATABASE_URL means the embedded default: SQLite beside the code.
DATABASES = {
    "default": env.db_url_config(env("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers wait their turn instead of failing with "database is locked":
    # WAL lets readers and one writer work at once, a writer waits up to
    # `timeout` seconds for the lock, and transactions take the write lock as
    # they begin. Admin writes run in one transaction each
    # (config/transactions.py; docs/decisions/0086-no-database-is-locked.md).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Greek is the network's source language. Adding a language is a
# settings change only: append it to LANGUAGES (and WAGTAIL_CONTENT_LANGUAGES
# follows), then run setup.
# The names are in the admin's language ("Αγγλικά" in the Greek admin); the
# public language switcher names each language in itself (home/chrome.py).
LANGUAGE_CODE = "el"
LANGUAGES = [
    ("el", _("Greek")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
TIME_ZONE = "Europe/Athens"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {
    "default": (
        {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
        }
        if env("REDIS_URL", default="")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Cities Network for Integration")
# Wagtail's login form with its password field labelled in the admin's language (home/upstream_words.py).
WAGTAILADMIN_USER_LOGIN_FORM = "home.upstream_words.LoginForm"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# The public address: `setup_network` gives it to the Wagtail Site, whose root
# URL makes the absolute links of the sitemap, the feeds and the downloads.
SITE_URL = env("SITE_URL", default=WAGTAILADMIN_BASE_URL)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# English (and any added language) is kept in step with Greek: a page that
# nobody has translated yet exists as an alias of its Greek source.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Machine translation in wagtail-localize's editor is off unless a DeepL key is
# given; nothing is sent to any service otherwise.
DEEPL_AUTH_KEY = env("DEEPL_AUTH_KEY", default="")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }

# Search: Greek-aware full-text search in the database itself (SQLite FTS5, or
# PostgreSQL with the text-search configuration made by search's migrations),
# plus one Elasticsearch index per language when ELASTICSEARCH_URL is set.
# The public search view picks its backend with search.backends.for_language();
# see search/backends/ and docs/decisions/0010-0012.
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {"BACKEND": "search.backends.postgres", "SEARCH_CONFIG": "greek_english"}
        if IS_POSTGRES
        else {"BACKEND": "search.backends.sqlite"}
    ),
}
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
if ELASTICSEARCH_URL:
    from search.backends.elasticsearch_settings import per_language_backends

    WAGTAILSEARCH_BACKENDS |= per_language_backends(ELASTICSEARCH_URL, [code for code, _name in LANGUAGES])

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="no-reply@cities-network.example")

# "Contact the city about this practice" (the contact app): stored messages
# are deleted by `purge_contact_messages` after this many days. Its rate
# limit is RATELIMITS["contact"] below.
CONTACT_MESSAGE_RETENTION_DAYS = env.int("CONTACT_MESSAGE_RETENTION_DAYS", default=180)

# Map tiles, loaded by the reader's browser only when they open a map. Empty:
# the map is drawn without a background.
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

# The catalogue format's hard limits; see catalogue/format/.
CATALOGUE_MAX_FILE_BYTES = env.int("CATALOGUE_MAX_FILE_BYTES", default=50 * 1024 * 1024)
CATALOGUE_MAX_RECORDS = env.int("CATALOGUE_MAX_RECORDS", default=10_000)

# -- Serving: page cache, rate limits, uploads, security headers ----------------
# See config/pagecache.py, sitewide/ratelimit.py, config/security.py and
# docs/deploy.md. Production tightens these further (production.py).

# Anonymous page views are kept whole in the cache and dropped on any content
# change. A CDN in front may keep them for PAGE_CACHE_CDN_MAX_AGE seconds,
# browsers for PAGE_CACHE_BROWSER_MAX_AGE.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=24 * 3600)
PAGE_CACHE_BROWSER_MAX_AGE = env.int("PAGE_CACHE_BROWSER_MAX_AGE", default=60)
PAGE_CACHE_CDN_MAX_AGE = env.int("PAGE_CACHE_CDN_MAX_AGE", default=300)
PAGE_CACHE_STALE_WHILE_REVALIDATE = 60
PAGE_CACHE_STALE_IF_ERROR = 24 * 3600
# Query parameters a cached page may have (the catalogue's pagination); any
# other parameter is served uncached.
PAGE_CACHE_QUERY_PARAMS = ["page"]

# A CDN's cache purged on publishing (wagtail.contrib.frontend_cache): off
# unless FRONTEND_CACHE is set; see docs/deploy.md.
from config.frontend_cache import frontend_cache_settings  # noqa: E402

WAGTAILFRONTENDCACHE = frontend_cache_settings(env)
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Requests per client address (sitewide/ratelimit.py), counted in the shared
# cache: COUNT/PERIOD with s, m, h or d. RATELIMITS in the environment
# overrides some, e.g. RATELIMITS="search=120/m,suggest=300/m".
RATELIMIT_ENABLED = env.bool("RATELIMIT_ENABLED", default=True)
# "export" counts the downloads of search results (opendata/downloads.py): each
# reads the whole result set, so fewer are allowed than searches.
RATELIMITS = {"search": "60/m", "suggest": "120/m", "contact": "5/h", "export": "10/m"} | env.dict(
    "RATELIMITS", default={}
)
# How many proxies of ours stand in front of the application and append to
# X-Forwarded-For (nginx: 1; a CDN and nginx: 2). 0: REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Uploads: images and documents of the listed kinds only (never SVG or HTML),
# and documents always downloaded, never shown inline in the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, 2.5 MiB of form data besides files
# Nothing is sent to third parties from the admin: no avatar service, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content Security Policy (django-csp): no inline script or style on the
# public site. The admin has its own, looser policy (config/security.py).
from csp.constants import NONE, SELF, UNSAFE_INLINE  # noqa: E402

from config.security import origin_of  # noqa: E402

MEDIA_ORIGIN = env("MEDIA_ORIGIN", default="")  # where media is served from, if not this site
_image_sources = [SELF, "data:", *filter(None, [origin_of(MEDIA_ORIGIN), origin_of(MAP_TILE_URL)])]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _image_sources,
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *filter(None, [origin_of(MEDIA_ORIGIN)])],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, *filter(None, [origin_of(MEDIA_ORIGIN)])],
        # Embed previews and Wagtail's own preview panel.
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The preview panel frames admin pages in the admin.
        "frame-ancestors": [SELF],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# -- Editors, reviewers and their accounts --------------------------------------
# Roles, the "IOM review" workflow and the rights on translations: cities/ and
# docs/decisions/0020-0026.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Submissions go to the reviewers; the administrators are not copied on each.
# Notification mail comes from DEFAULT_FROM_EMAIL; every user's profile has
# every kind of notification switched on unless they switch it off.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
# A page whose slug changes, or that moves, keeps its old address as a redirect.
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
# The link in the invitation that `add_editor` sends, and in a password reset, works for 3 days.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins for one
# username from one address, that pair is refused for AXES_COOLOFF_HOURS.
AUTHENTICATION_BACKENDS = [
    "cities.rights.login_throttling.LoginThrottlingBackend",  # django-axes
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cities/account_locked.html"
# The client's address as the rate limits see it, through TRUSTED_PROXY_COUNT proxies.
AXES_CLIENT_IP_CALLABLE = "sitewide.ratelimit.client_ip"
AXES_VERBOSE = False

# Two-factor login (TOTP devices of django-otp; cities/rights/two_factor.py): with
# TWO_FACTOR_LOGIN on, reviewers and administrators confirm each admin login
# with a code from an authenticator app; an editor who sets one up uses it too.
TWO_FACTOR_LOGIN = env.bool("TWO_FACTOR_LOGIN", default=False)
# The name authenticator apps show next to the code.
OTP_TOTP_ISSUER = "Cities Network for Integration"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
