"""Two upstream menu labels, translated for each request instead of once per process.

Wagtail builds its menus once per process and keeps the items. Two of them
get a plain string as label, translated when the menu was built: Wagtail's
"What's new in Wagtail X.Y" (formatted at once) and wagtail-localize's
"Translations" (non-lazy gettext). Whoever opened the admin first after a
restart thus fixed their language for every editor. The construct hooks
run on every request, in the editor's language: they swap in a copy of
each item with its label translated again. The shared items stay untouched.
"""

import copy

from django.urls import reverse
from django.utils.translation import gettext

from wagtail.admin.menu import MenuItem

WHATS_NEW_PREFIX = "whats-new-in-wagtail-"


def _whats_new_label(item):
    version = item.name.removeprefix(WHATS_NEW_PREFIX)
    return gettext("What's new in Wagtail %(version)s") % {"version": version}


def _label_for(item):
    if item.name.startswith(WHATS_NEW_PREFIX):
        return _whats_new_label(item)
    # This item's name is derived from its label, so it is known by its address.
    if item.url == reverse("wagtail_localize:translations_report"):
        return gettext("Translations")
    return None


def relabel_in_place(request, items):
    """A `construct_*_menu` hook: the listed items, with labels in the request's language."""
    for index, item in enumerate(items):
        label = _label_for(item) if isinstance(item, MenuItem) else None
        if label is not None and label != item.label:
            fresh = copy.copy(item)
            fresh.attrs = dict(item.attrs)
            fresh.label = label
            items[index] = fresh
