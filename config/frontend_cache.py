"""WAGTAILFRONTENDCACHE from the environment: which CDN or proxy cache to purge on publishing.

FRONTEND_CACHE picks the backend; nothing is purged when it is unset.

    FRONTEND_CACHE=http        FRONTEND_CACHE_LOCATION=http://varnish:8000
    FRONTEND_CACHE=cloudflare  CLOUDFLARE_ZONEID=…  CLOUDFLARE_BEARER_TOKEN=…
    FRONTEND_CACHE=cloudfront  CLOUDFRONT_DISTRIBUTION_ID=…  (AWS credentials as for boto3)

FRONTEND_CACHE_HOSTNAMES (comma-separated) limits purging to those host
names. Wagtail then purges a page's URLs in every language when it is
published, unpublished or moved. Snippet changes are not purged one by one:
the CDN drops those pages after PAGE_CACHE_CDN_MAX_AGE.
"""

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "http": ("wagtail.contrib.frontend_cache.backends.HTTPBackend", {"LOCATION": "FRONTEND_CACHE_LOCATION"}),
    "cloudflare": (
        "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        {"ZONEID": "CLOUDFLARE_ZONEID", "BEARER_TOKEN": "CLOUDFLARE_BEARER_TOKEN"},
    ),
    "cloudfront": (
        "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        {"DISTRIBUTION_ID": "CLOUDFRONT_DISTRIBUTION_ID"},
    ),
}


def frontend_cache_settings(env):
    """{} when FRONTEND_CACHE is unset, else {"default": {...}} for Wagtail's frontend_cache app."""
    name = env("FRONTEND_CACHE", default="").strip().lower()
    if not name:
        return {}
    if name not in BACKENDS:
        raise ImproperlyConfigured(f"FRONTEND_CACHE must be one of {', '.join(BACKENDS)}, not {name!r}")
    backend, variables = BACKENDS[name]
    config = {"BACKEND": backend}
    for option, variable in variables.items():
        value = env(variable, default="")
        if not value:
            raise ImproperlyConfigured(f"FRONTEND_CACHE={name} needs {variable}")
        config[option] = value
    hostnames = env.list("FRONTEND_CACHE_HOSTNAMES", default=[])
    if hostnames:
        config["HOSTNAMES"] = hostnames
    return {"default": config}
