"""The domain thesaurus (search.models.SynonymSet) as an Elasticsearch synonyms set.

Every language's index reads one synonyms set through the `synonym_graph`
filter of its search analyzer (search.backends.elasticsearch_settings). The
set is written whole, one Solr-format rule per SynonymSet:

- before an index is created (search.backends.elasticsearch.LanguageIndex),
  because an analyzer cannot read a set that does not exist;
- after a SynonymSet is saved or deleted (connected in search.apps), once
  the transaction commits. Elasticsearch reloads the search analyzers that
  read a set when it changes, so no reindexing is needed.

A failure to reach Elasticsearch after a save is logged, not raised: the
snippet is saved, the database backends already use it, and the next
`update_index` writes the set again.
"""

import logging
import re

from elastic_transport import TransportError
from elasticsearch import ApiError

from django.db import transaction

logger = logging.getLogger(__name__)

# Solr's synonym syntax: "," separates terms, "=>" maps, "\\" escapes, "#" comments.
SYNTAX = re.compile(r"=>|[,\\#]")


def rule_term(term):
    """`term` with Solr's syntax characters taken out and its spaces evened."""
    return " ".join(SYNTAX.sub(" ", term).split())


def synonym_rules(synonym_sets):
    """[{"id", "synonyms"}]: the rules for `synonym_sets` (SynonymSet objects)."""
    rules = []
    for synonym_set in synonym_sets:
        terms = list(dict.fromkeys(filter(None, map(rule_term, synonym_set.term_list()))))
        if len(terms) >= 2:
            rules.append({"id": f"synonym-set-{synonym_set.pk}", "synonyms": ", ".join(terms)})
    return rules


def set_name(backend):
    """The synonyms set `backend`'s indexes read, as its settings name it."""
    return backend.settings["settings"]["analysis"]["filter"]["thesaurus"]["synonyms_set"]


def push(backend):
    """Write every SynonymSet to `backend`'s synonyms set, replacing what it held."""
    from search.models import SynonymSet

    backend.es.synonyms.put_synonym(
        id=set_name(backend), synonyms_set=synonym_rules(SynonymSet.objects.all())
    )


def elasticsearch_backends():
    """The configured Elasticsearch backends that follow saves (AUTO_UPDATE)."""
    from modelsearch.backends import get_search_backends

    from search.backends.elasticsearch import LanguageElasticsearchBackend

    return [
        backend
        for backend in get_search_backends(with_auto_update=True)
        if isinstance(backend, LanguageElasticsearchBackend)
    ]


def push_everywhere():
    """Push the thesaurus once to each distinct cluster and set name."""
    done = set()
    for backend in elasticsearch_backends():
        target = (repr(backend.hosts), set_name(backend))
        if target in done:
            continue
        done.add(target)
        try:
            push(backend)
        except (ApiError, TransportError):
            # The server refused or could not be reached: the save stands, and
            # update_index pushes the set again.
            logger.exception("The thesaurus could not be written to Elasticsearch set %s", target[1])


def changed(**_kwargs):
    """A SynonymSet was saved or deleted: push the thesaurus when the transaction commits."""
    transaction.on_commit(push_everywhere)
