"""What search engines read: sitemap.xml with hreflang alternates, and robots.txt."""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control

from wagtail.models import Page


class PageSitemap(Sitemap):
    """Every live, public page in every language, each listing its translations."""

    limit = 5000

    def __init__(self, request=None):
        self.request = request

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        siblings = defaultdict(list)
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in pages}, alias_of__isnull=True)
            .select_related("locale")
        )
        for translation in translations:
            siblings[translation.translation_key].append(translation)
        urls = []
        for item in pages:
            alternates = [
                {"lang_code": other.locale.language_code, "location": other.get_full_url(self.request)}
                for other in sorted(
                    siblings[item.translation_key], key=lambda other: other.locale.language_code
                )
            ]
            location = item.get_full_url(self.request)
            if location is None:
                continue
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                    "changefreq": None,
                    "priority": None,
                }
            )
        return urls


@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
