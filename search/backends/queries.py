"""What every backend of the project does to a query before compiling it."""

from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from search.text import clean_query, fold


class CleanQueryMixin:
    """Clean user strings before any query compiler sees them.

    Search boxes pass whatever was typed: control characters, a megabyte of
    text, stray quotes. `clean_query` makes it printable and bounded; a query
    left empty returns no results (the base backend's rule for "").
    """

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = clean_query(query)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def fold_query(query):
    """Return `query` with every string in it folded (see search.text.fold)."""
    if isinstance(query, PlainText):
        return PlainText(fold(clean_query(query.query_string)), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(fold(clean_query(query.query_string)))
    if isinstance(query, Fuzzy):
        return Fuzzy(fold(clean_query(query.query_string)), operator=query.operator, unaccent=query.unaccent)
    if isinstance(query, Boost):
        return Boost(fold_query(query.subquery), query.boost)
    if isinstance(query, Not):
        return Not(fold_query(query.subquery))
    if isinstance(query, And | Or):
        return type(query)([fold_query(subquery) for subquery in query.subqueries])
    return query
