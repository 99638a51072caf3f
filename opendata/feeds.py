"""Atom feeds of newly published practices: the whole network, and each city."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from cities.models import CityPage
from practices.models import PracticePage

FEED_LENGTH = 50


class PracticeFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, city=None):
        self.request = request
        locale = Locale.objects.get(language_code=get_language())
        if city is None:
            return {"locale": locale, "city": None}
        page = CityPage.objects.live().public().filter(slug=city, locale=locale).first()
        if page is None:
            raise Http404
        return {"locale": locale, "city": page}

    def title(self, obj):
        network = str(Site.find_for_request(self.request).site_name or "")
        if obj["city"] is not None:
            return _("%(city)s: new good practices") % {"city": obj["city"].title}
        return _("%(network)s: new good practices") % {"network": network}

    def link(self, obj):
        return (
            obj["city"].get_url(self.request)
            if obj["city"] is not None
            else f"/{obj['locale'].language_code}/"
        )

    def subtitle(self, obj):
        return _("Good practices for the integration of migrants and refugees, as they are published.")

    def items(self, obj):
        practices = PracticePage.objects.live().public().filter(locale=obj["locale"])
        if obj["city"] is not None:
            practices = practices.child_of(obj["city"])
        return practices.order_by("-first_published_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
