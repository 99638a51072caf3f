"""Links to download the results of a search, with the search's own parameters.

{% load search_downloads %}
{% download_urls search as downloads %}   {"csv": "/el/search/export.csv?…", "json": …}
"""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def download_urls(search):
    """The downloads of a search's whole result set: its query, facets and sort, no page.

    `search` is the page's search.request.SearchRequest.
    """
    query = search.url()
    query = "" if query == "?" else query
    return {kind: reverse(f"opendata:export_{kind}") + query for kind in ("csv", "json")}
