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
  best ones until a page of results is full (search.backends.database).

See docs/decisions/0011-postgres-search-config.md.
"""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import CharField, F, Q
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
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.backends.database import PreparedOnceMixin, RankedSearchResults
from search.backends.queries import CleanQueryMixin, fold_query
from search.text import fold

SEARCH_CONFIG = "greek_english"
AUTOCOMPLETE_CONFIG = "simple_unaccent"
VECTOR_COLUMNS = ("title", "autocomplete", "body")
# Look pages' entries up one by one, rather than rank every hit, when the
# caller's queryset is estimated to be this many times smaller than the hits.
FEW_CANDIDATES_RATIO = 4
# How the stock compiler splits a query into terms.
TERM_SEPARATORS = re.compile(r"[\s\-]+")


class FoldingObjectIndexer(PreparedOnceMixin, ObjectIndexer):
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
    """Finds hits in modelsearch's index table (through its GIN indexes) and ranks them in one statement."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = fold_query(self.query)
        self._few_candidates_answer = None

    def match_condition(self, query, config, tsquery):
        """Index entries matching `query`: ``(title || body) @@ query``, term by term.

        Concatenating the two vectors for every row costs more than ranking
        the hits, and no index helps with it; testing each term against
        title and body apart is the same condition, cheap per row and served
        by modelsearch's GIN indexes on each column.
        """
        if isinstance(query, PlainText):
            terms = [term for term in TERM_SEPARATORS.split(query.query_string) if term]
            if not terms:
                return None
            conditions = [
                self._in_title_or_body(
                    SearchQuery(
                        Lexeme(term, prefix=self.LAST_TERM_IS_PREFIX and number == len(terms) - 1),
                        search_type="raw",
                        config=config,
                    )
                )
                for number, term in enumerate(terms)
            ]
            return reduce(operator.or_ if query.operator == "or" else operator.and_, conditions)
        if isinstance(query, Phrase):
            # A phrase lies within one field: it cannot run from a title into a body.
            return self._in_title_or_body(
                SearchQuery(query.query_string, search_type="phrase", config=config)
            )
        if isinstance(query, Boost):
            return self.match_condition(query.subquery, config, tsquery)
        if isinstance(query, Not):
            condition = self.match_condition(query.subquery, config, tsquery)
            return ~condition if condition is not None else None
        if isinstance(query, And | Or):
            conditions = [self.match_condition(subquery, config, tsquery) for subquery in query.subqueries]
            conditions = [condition for condition in conditions if condition is not None]
            if not conditions:
                return None
            return reduce(operator.and_ if isinstance(query, And) else operator.or_, conditions)
        raise NotImplementedError(
            f"`{type(query).__name__}` is not supported by the PostgreSQL search backend."
        )

    @staticmethod
    def _in_title_or_body(tsquery):
        return Q(title=tsquery) | Q(body=tsquery)

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
        config = self.get_config(backend)
        tsquery = self.build_tsquery(self.query, config=config)
        condition = self.match_condition(self.query, config, tsquery) if tsquery is not None else None
        # `match` is the WHERE condition that finds the hits, and the query
        # that ranks them.
        return ("match", (condition, tsquery)) if condition is not None else ("none", None)

    def stock_results(self, backend, start, stop, score_field=None):
        return self.search(self.get_config(backend), start, stop, score_field=score_field, backend=backend)

    def _hits(self, match):
        condition, _tsquery = match
        content_type_ids = get_descendants_content_types_pks(self.queryset.model)
        return (
            IndexEntry._default_manager.using(self.queryset.db)
            .filter(content_type_id__in=content_type_ids)
            .filter(condition)
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

    def _estimated_rows(self, queryset):
        sql, params = queryset.query.get_compiler(self.queryset.db).as_sql()
        plan = self._execute(f"EXPLAIN (FORMAT JSON) {sql}", params)[0][0]
        return plan[0]["Plan"]["Plan Rows"]

    def _few_candidates(self, match):
        """Whether the caller's queryset is much smaller than the hits, by PostgreSQL's estimates.

        A search narrowed by facets (a category, a status) allows a few
        hundred pages out of thousands of hits: then it is cheaper to look
        up those pages' index entries than to rank every hit.
        """
        # A results page asks twice (its hits, then their count): ask PostgreSQL once.
        if self._few_candidates_answer is None:
            candidates = self._estimated_rows(self.queryset.order_by().values("pk"))
            hits = self._estimated_rows(self._hits(match).values("id"))
            self._few_candidates_answer = candidates * FEW_CANDIDATES_RATIO < hits
        return self._few_candidates_answer

    def _hits_of_candidates(self, match):
        """The hits, joined to the caller's queryset through the entries' (content type, object id) index."""
        object_ids = (
            self.queryset.order_by().annotate(_object_id=Cast("pk", CharField())).values("_object_id")
        )
        return self._hits(match).filter(object_id__in=object_ids)

    def ranked_hits(self, backend, match, start, stop):
        try:
            if self._few_candidates(match):
                ranked = (
                    self._hits_of_candidates(match)
                    .annotate(_search_rank=self.rank_expression(match[1]))
                    .order_by("-_search_rank", "-id")
                    .values_list("object_id", "_search_rank")
                )
                return list(ranked[start:stop])
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return []
        ranked = (
            self._hits(match)
            .annotate(_search_rank=self.rank_expression(match[1]))
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

    def count_hits(self, match):
        try:
            if self._few_candidates(match):
                return self._hits_of_candidates(match).count()
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return 0
        hits, hits_params = (
            self._hits(match).values_list("object_id").query.get_compiler(self.queryset.db).as_sql()
        )
        sql = f"SELECT COUNT(*) FROM ({hits}) AS hits (object_id) WHERE {allowed}"
        return self._execute(sql, [*hits_params, *allowed_params])[0][0]

    def scores(self, backend, match, object_ids):
        ranks = (
            self._hits(match)
            .filter(object_id__in=object_ids)
            .annotate(_search_rank=self.rank_expression(match[1]))
            .values_list("object_id", "_search_rank")
        )
        return dict(ranks)

    def matching_queryset(self, kind, match):
        if kind == "all":
            return self.queryset
        if kind == "none":
            return self.queryset.none()
        pks = self._hits(match).annotate(_object_pk=self._object_pk(F("object_id"))).values("_object_pk")
        return self.queryset.filter(pk__in=pks)


class FoldingPostgresSearchQueryCompiler(RankedQueryMixin, PostgresSearchQueryCompiler):
    pass


class FoldingPostgresAutocompleteQueryCompiler(RankedQueryMixin, PostgresAutocompleteQueryCompiler):
    def match_condition(self, query, config, tsquery):
        # One column: the stock query is already the condition.
        return Q(autocomplete=tsquery)

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
