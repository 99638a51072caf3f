from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.templatetags.static import static as static_url
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from catalogue.format.views import schema_view as catalogue_schema_view
from config.pagecache import private, public_page
from home.seo import PageSitemap, robots_txt
from home.views import choose_language
from opendata import urls as opendata_urls
from opendata.feeds import PracticeFeed
from search import urls as search_urls
from sitewide import routing

# Wagtail's own page URLs, except that pages are served by sitewide.routing,
# which finds a page in two queries instead of two per level of the tree.
page_urlpatterns = [
    re_path(pattern.pattern.regex.pattern, routing.serve, name=pattern.name)
    if pattern.name == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("opendata.api")),
    path("api/schema/catalogue-1.json", catalogue_schema_view, name="catalogue_schema"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on their own, whatever the page's <link rel="icon"> says;
    # lazy, so that production's hashed name is read when asked, not when the URLs load.
    path("favicon.ico", RedirectView.as_view(url=lazy(static_url, str)("img/favicon.ico"), permanent=True)),
    path("", choose_language, name="choose_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("search/", include("opendata.urls")),
    path("feed/", PracticeFeed(), name="practice_feed"),
    path("cities/<slug:city>/feed/", PracticeFeed(), name="city_feed"),
    path("", include(page_urlpatterns)),
    prefix_default_language=True,
)

# The cache policy, in one place (config/pagecache.py): Wagtail's pages are
# public and served from the page cache; search answers are never cached.
decorate_urlpatterns(page_urlpatterns, public_page)
decorate_urlpatterns(search_urls.urlpatterns, private)
decorate_urlpatterns(opendata_urls.urlpatterns, private)
