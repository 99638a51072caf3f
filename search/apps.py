from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import thesaurus
        from search.backends import elasticsearch_thesaurus
        from search.models import SynonymSet

        # A changed synonym set applies to the next search.
        post_save.connect(thesaurus.forget, sender=SynonymSet, dispatch_uid="search_thesaurus_saved")
        post_delete.connect(thesaurus.forget, sender=SynonymSet, dispatch_uid="search_thesaurus_deleted")
        # ...and to the synonyms set Elasticsearch's analyzers read, when configured.
        post_save.connect(
            elasticsearch_thesaurus.changed, sender=SynonymSet, dispatch_uid="search_es_thesaurus_saved"
        )
        post_delete.connect(
            elasticsearch_thesaurus.changed, sender=SynonymSet, dispatch_uid="search_es_thesaurus_deleted"
        )
