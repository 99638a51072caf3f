"""Admin listing for the catalogue's vocabulary snippets."""

from django.db.models import Q

from wagtail.search.backends import get_search_backend
from wagtail.snippets.views.snippets import IndexView


class CatalogueIndexView(IndexView):
    """Search that combines with the listing's filters and finds ids and acronyms too.

    Wagtail's own listing search hands the already filtered queryset to the
    search backend, which then needs every filtered column (locale, kind,
    live) declared as a FilterField on the model, and its autocomplete covers
    only the autocomplete fields (the name). The vocabularies hold a few
    hundred rows, so this searches the whole model (autocomplete on names,
    full words on every search field), then narrows the filtered listing to
    the matches, and also accepts an exact catalogue id.
    """

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        everything = self.model._default_manager.all()
        backend = get_search_backend(self.search_backend_name or "default")
        matches = {item.pk for item in backend.autocomplete(query, everything)}
        matches |= {item.pk for item in backend.search(query, everything)}
        return queryset.filter(Q(pk__in=matches) | Q(catalogue_id__iexact=query))
