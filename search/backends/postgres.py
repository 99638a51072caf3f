"""PostgreSQL full-text search for Greek and English in one index.

The stock backend's index (modelsearch's IndexEntry table) with three changes:

- text is folded in Python (search.text.fold) before PostgreSQL sees it, at
  index time and at query time. The ``greek`` stemmer folds tonos and final
  sigma but turns «ϊ» into «η», and autocomplete uses a configuration without
  a stemmer, which folds neither accents nor final sigma;
- the configurations are the ones search/migrations/0002 creates:
  ``greek_english`` (Greek stemming, English stemming for Latin-script words)
  and ``simple_unaccent`` for autocomplete, instead of the hard-coded
  ``simple``;
- searches start from the index, not from the pages. The stock query joins
  every page of the queryset to its index entry and tests the match row by
  row (about 0.5 s over 10,000 Greek pages); here the GIN index finds the
  hits, they are ranked, and the caller's queryset is checked only for the
  best ones until a page of results is full (search.backends.results).

See docs/decisions/0011-postgres-search-config.md.
"""

from django.contrib.postgres.search import SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import CharField, F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.db.models.sql.subqueries import InsertQuery

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from ..text import fold
from .queries import CleanQueryMixin, fold_query
from .results import RankedSearchResults

SEARCH_CONFIG = "greek_english"
AUTOCOMPLETE_CONFIG = "simple_unaccent"
VECTOR_COLUMNS = ("title", "autocomplete", "body")


class FoldingObjectIndexer(ObjectIndexer):
    """The stock indexer, with every indexed string folded."""

    def prepare_value(self, value):
        return fold(super().prepare_value(value))


class FoldingPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # The stock method is the same upsert, but builds its indexer from a
        # module-level name, so folding means restating it here. Unlike the
        # stock method it does not recompute every entry's title_norm after
        # each batch (a full-table update): this backend's ranking does not
        # read title_norm.
        if not model.get_search_fields() or not objs:
            return
        content_type_id = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows = []
        params = []
        for obj in objs:
            indexer = FoldingObjectIndexer(obj, self.backend)
            vectors = []
            vector_params = []
            for column in VECTOR_COLUMNS:
                value = compiler.prepare_value(IndexEntry._meta.get_field(column), getattr(indexer, column))
                sql, sql_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                vector_params.extend(sql_params)
            rows.append(f"(%s, %s, {', '.join(vectors)}, 1.0, %s, %s)")
            params.extend(
                [content_type_id, indexer.id, *vector_params, indexer.title_text, indexer.body_text]
            )

        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                VALUES {", ".join(rows)}
                ON CONFLICT (content_type_id, object_id) DO UPDATE SET
                    title = EXCLUDED.title,
                    autocomplete = EXCLUDED.autocomplete,
                    body = EXCLUDED.body,
                    title_text = EXCLUDED.title_text,
                    body_text = EXCLUDED.body_text
                """,
                params,
            )


class FoldingPostgresRebuilder(PostgresSearchRebuilder):
    def finish(self):
        # The stock rebuild ends by rewriting every row's title_norm, which
        # this backend does not use.
        pass


class FoldingPostgresAtomicRebuilder(PostgresSearchAtomicRebuilder):
    def finish(self):
        self.transaction.__exit__(None, None, None)
        self.transaction_opened = False


def contains(query, query_class):
    if isinstance(query, query_class):
        return True
    children = getattr(query, "subqueries", None) or [getattr(query, "subquery", None)]
    return any(child is not None and contains(child, query_class) for child in children)


class RankedQueryMixin:
    """Finds hits through the index's GIN index and ranks them in one statement."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = fold_query(self.query)

    def vector(self):
        # What the GIN index of search/migrations/0002 covers.
        return F("title")._combine(F("body"), "||", False)

    def rank_expression(self, tsquery):
        # Title and body vectors carry the A-D weights of the fields' boosts.
        return SearchRank(F("title"), tsquery, weights=self.sql_weights) + SearchRank(
            F("body"), tsquery, weights=self.sql_weights
        )

    def plan(self, backend):
        if self.fields is not None or contains(self.query, Fuzzy):
            # Searching named model columns, or fuzzily: the stock code's job.
            return "stock", None
        if isinstance(self.query, MatchAll):
            return "all", None
        if isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll):
            return "none", None
        tsquery = self.build_tsquery(self.query, config=self.get_config(backend))
        return ("match", tsquery) if tsquery is not None else ("none", None)

    def stock_results(self, backend, start, stop, score_field=None):
        return self.search(self.get_config(backend), start, stop, score_field=score_field, backend=backend)

    def _hits(self, tsquery):
        content_type_ids = get_descendants_content_types_pks(self.queryset.model)
        return (
            IndexEntry._default_manager.using(self.queryset.db)
            .filter(content_type_id__in=content_type_ids)
            .annotate(_search_vector=self.vector())
            .filter(_search_vector=tsquery)
        )

    def _object_pk(self, expression):
        """`expression` (an index entry's text object_id) cast to the model's pk type."""
        pk = self.queryset.model._meta.pk
        while pk.is_relation:
            pk = pk.target_field
        return Cast(expression, output_field=pk)

    def _allowed(self, object_id_column):
        """SQL true when the caller's queryset holds the object in `object_id_column`."""
        column = RawSQL(object_id_column, [], output_field=CharField())
        allowed = self.queryset.order_by().filter(pk=self._object_pk(column)).values("pk")
        sql, params = allowed.query.get_compiler(self.queryset.db).as_sql()
        return f"EXISTS ({sql})", list(params)

    def _execute(self, sql, params):
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def ranked_hits(self, backend, tsquery, start, stop):
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return []
        ranked = (
            self._hits(tsquery)
            .annotate(_search_rank=self.rank_expression(tsquery))
            .order_by("-_search_rank", "-id")
            .values_list("object_id", "_search_rank", "id")
        )
        hits, hits_params = ranked.query.get_compiler(self.queryset.db).as_sql()
        # The inner query ranks every hit; PostgreSQL keeps an ordered
        # subquery apart and streams it, so the queryset's filters are
        # checked for the best hits only, until the page is full.
        sql = (
            f"SELECT hits.object_id, hits.rank, hits.entry_id FROM ({hits}) AS hits (object_id, rank, entry_id) "
            f"WHERE {allowed} LIMIT %s OFFSET %s"
        )
        params = [*hits_params, *allowed_params, stop - start if stop is not None else None, start]
        rows = self._execute(sql, params)
        if rows != sorted(rows, key=lambda row: (-row[1], -row[2])):
            # SQL does not promise that a subquery's order survives; should
            # a plan not keep it, sort explicitly.
            sql = sql.replace(" LIMIT %s", " ORDER BY hits.rank DESC, hits.entry_id DESC LIMIT %s")
            rows = self._execute(sql, params)
        return [(object_id, rank) for object_id, rank, _entry_id in rows]

    def count_hits(self, tsquery):
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return 0
        hits, hits_params = (
            self._hits(tsquery).values_list("object_id").query.get_compiler(self.queryset.db).as_sql()
        )
        sql = f"SELECT COUNT(*) FROM ({hits}) AS hits (object_id) WHERE {allowed}"
        return self._execute(sql, [*hits_params, *allowed_params])[0][0]

    def scores(self, backend, tsquery, object_ids):
        ranks = (
            self._hits(tsquery)
            .filter(object_id__in=object_ids)
            .annotate(_search_rank=self.rank_expression(tsquery))
            .values_list("object_id", "_search_rank")
        )
        return dict(ranks)

    def matching_queryset(self, kind, tsquery):
        if kind == "all":
            return self.queryset
        if kind == "none":
            return self.queryset.none()
        pks = self._hits(tsquery).annotate(_object_pk=self._object_pk(F("object_id"))).values("_object_pk")
        return self.queryset.filter(pk__in=pks)


class FoldingPostgresSearchQueryCompiler(RankedQueryMixin, PostgresSearchQueryCompiler):
    pass


class FoldingPostgresAutocompleteQueryCompiler(RankedQueryMixin, PostgresAutocompleteQueryCompiler):
    def vector(self):
        return F("autocomplete")

    def rank_expression(self, tsquery):
        return SearchRank(F("autocomplete"), tsquery)


class GreekPostgresSearchBackend(CleanQueryMixin, PostgresSearchBackend):
    """Options as the stock backend's, plus AUTOCOMPLETE_CONFIG."""

    index_class = FoldingPostgresIndex
    query_compiler_class = FoldingPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = FoldingPostgresAutocompleteQueryCompiler
    results_class = RankedSearchResults
    rebuilder_class = FoldingPostgresRebuilder
    atomic_rebuilder_class = FoldingPostgresAtomicRebuilder

    def __init__(self, params):
        params = {"SEARCH_CONFIG": SEARCH_CONFIG, **params}
        super().__init__(params)
        # The stock backend hard-codes "simple" here.
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", AUTOCOMPLETE_CONFIG)


SearchBackend = GreekPostgresSearchBackend
