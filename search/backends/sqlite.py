"""SQLite full-text search with Greek folding, ranked by FTS5's own bm25().

Why not the stock backend (modelsearch.backends.database.sqlite): it orders
results by a *correlated* subquery, one that re-runs the whole FTS5 MATCH for
every candidate row to fetch that row's score, so a query costs
O(candidates × matches) — about 8 s over 10,000 pages. Here one statement
runs the MATCH once, ranks every hit by bm25(), and walks the hits best first,
checking that the caller's queryset allows each one (a primary-key lookup)
until the page is full; only that page's objects are then loaded.

The index lives in this app's own tables (search/migrations/0001), holding
text folded by search.text.fold, so «ΣΤΕΓΑΣΗ», «στεγαση» and «στέγαση» are the
same word. See docs/decisions/0010-sqlite-search-backend.md.
"""

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections, transaction
from django.db.models import CharField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from modelsearch.backends.base import BaseIndex, BaseSearchBackend, get_model_root
from modelsearch.backends.database.sqlite.query import AndNot, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import get_indexed_models
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.backends.database import PreparedOnceMixin, RankedSearchResults
from search.backends.queries import CleanQueryMixin
from search.text import fold, query_terms

ENTRY_TABLE = "search_fts_entry"
TEXT_TABLE = "search_fts_text"
AUTOCOMPLETE_TABLE = "search_fts_autocomplete"

# bm25() column weights for (title, body). A title is a few words chosen to
# say what the page is about, so one hit there outweighs several in the body.
DEFAULT_TITLE_WEIGHT = 4.0
DEFAULT_BODY_WEIGHT = 1.0

# Rows per statement when indexing: well under SQLite's bound-parameter limit.
BATCH_SIZE = 500


def batches(items, size=BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def placeholders(values):
    return ", ".join(["%s"] * len(values))


class SQLiteObjectIndexer(PreparedOnceMixin, ObjectIndexer):
    pass


class SQLiteIndex(BaseIndex):
    """Writes folded documents into the search app's FTS5 tables."""

    def __init__(self, backend):
        super().__init__(backend)
        self.connection = connections[backend.database_alias]
        if self.connection.vendor != "sqlite":
            raise NotSupportedError("search.backends.sqlite needs a SQLite database.")

    def add_items(self, model, objs):
        if not model.get_search_fields() or not objs:
            return
        content_type_id = get_content_type_pk(model)
        documents = {}
        for obj in objs:
            indexer = SQLiteObjectIndexer(obj, self.backend)
            documents[indexer.id] = (fold(indexer.title), fold(indexer.body), fold(indexer.autocomplete))

        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            for object_ids in batches(list(documents)):
                cursor.executemany(
                    f"INSERT OR IGNORE INTO {ENTRY_TABLE} (content_type_id, object_id) VALUES (%s, %s)",
                    [(content_type_id, object_id) for object_id in object_ids],
                )
                cursor.execute(
                    f"SELECT id, object_id FROM {ENTRY_TABLE} "
                    f"WHERE content_type_id = %s AND object_id IN ({placeholders(object_ids)})",
                    [content_type_id, *object_ids],
                )
                rowids = dict(cursor.fetchall())
                self._delete_text(cursor, list(rowids))
                cursor.executemany(
                    f"INSERT INTO {TEXT_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                    [(rowid, *documents[object_id][:2]) for rowid, object_id in rowids.items()],
                )
                cursor.executemany(
                    f"INSERT INTO {AUTOCOMPLETE_TABLE} (rowid, autocomplete) VALUES (%s, %s)",
                    [(rowid, documents[object_id][2]) for rowid, object_id in rowids.items()],
                )

    def delete_item(self, item):
        # An object is indexed under its most specific model; deleting it may
        # be signalled for any model of its hierarchy, so look in all of them.
        content_type_ids = get_descendants_content_types_pks(get_model_root(type(item)))
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {ENTRY_TABLE} "
                f"WHERE object_id = %s AND content_type_id IN ({placeholders(content_type_ids)})",
                [str(item.pk), *content_type_ids],
            )
            self._delete_entries(cursor, [rowid for (rowid,) in cursor.fetchall()])

    def delete_stale_entries(self):
        """Forget objects that no longer exist (the stock rebuild does the same)."""
        with self.connection.cursor() as cursor:
            for model in get_indexed_models():
                if model._meta.parents:
                    # Deleting a root model's stale entries covers its subclasses.
                    continue
                content_type_ids = get_descendants_content_types_pks(model)
                existing = model._default_manager.using(self.connection.alias).annotate(
                    _object_id=Cast("pk", CharField())
                )
                existing_sql, existing_params = (
                    existing.order_by()
                    .values("_object_id")
                    .query.get_compiler(self.connection.alias)
                    .as_sql()
                )
                cursor.execute(
                    f"SELECT id FROM {ENTRY_TABLE} "
                    f"WHERE content_type_id IN ({placeholders(content_type_ids)}) "
                    f"AND object_id NOT IN ({existing_sql})",
                    [*content_type_ids, *existing_params],
                )
                stale = [rowid for (rowid,) in cursor.fetchall()]
                for rowids in batches(stale):
                    self._delete_entries(cursor, rowids)

    def optimize(self):
        """Merge FTS5's b-trees after bulk writes; queries then read one segment."""
        with self.connection.cursor() as cursor:
            for table in (TEXT_TABLE, AUTOCOMPLETE_TABLE):
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")

    def reset(self):
        with self.connection.cursor() as cursor:
            for table in (TEXT_TABLE, AUTOCOMPLETE_TABLE, ENTRY_TABLE):
                cursor.execute(f"DELETE FROM {table}")

    def _delete_text(self, cursor, rowids):
        if rowids:
            for table in (TEXT_TABLE, AUTOCOMPLETE_TABLE):
                cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({placeholders(rowids)})", rowids)

    def _delete_entries(self, cursor, rowids):
        if rowids:
            self._delete_text(cursor, rowids)
            cursor.execute(f"DELETE FROM {ENTRY_TABLE} WHERE id IN ({placeholders(rowids)})", rowids)


class SQLiteRebuilder:
    """`update_index`: drop stale entries first, compact the index at the end."""

    def __init__(self, index):
        self.index = index

    def start(self):
        self.index.delete_stale_entries()
        return self.index

    def finish(self):
        self.index.optimize()


class SQLiteAtomicRebuilder(SQLiteRebuilder):
    """The same, in one transaction, so searches never see a half-built index."""

    def __init__(self, index):
        super().__init__(index)
        self.transaction = transaction.atomic(using=index.connection.alias)

    def start(self):
        self.transaction.__enter__()
        try:
            return super().start()
        except BaseException as error:
            self.transaction.__exit__(type(error), error, error.__traceback__)
            raise

    def finish(self):
        try:
            super().finish()
        finally:
            self.transaction.__exit__(None, None, None)


class FTS5QueryMixin:
    """Compiles a search query into an FTS5 MATCH string and runs it ranked.

    Mixed into the stock compilers, which keep their handling of `fields`
    and their checks of filters and ordering against search_fields.
    """

    TABLE = TEXT_TABLE
    COLUMNS = ("title", "body")

    # -- compiling ---------------------------------------------------------

    def _compile(self, query):
        """FTS5 syntax for `query`, or None when it holds no searchable word."""
        if isinstance(query, PlainText):
            terms = query_terms(query.query_string)
            if not terms:
                return None
            # Every term is letters and digits only (search.text.query_terms),
            # so quoting it as an FTS5 string is always safe: no operator,
            # quote or column filter typed by a reader reaches the FTS5 parser.
            words = [f'"{term}"' for term in terms]
            if self.LAST_TERM_IS_PREFIX:
                words[-1] += "*"
            connector = " OR " if query.operator == "or" else " AND "
            return connector.join(words)
        if isinstance(query, Phrase):
            terms = query_terms(query.query_string)
            return f'"{" ".join(terms)}"' if terms else None
        if isinstance(query, Boost):
            # bm25() has no per-clause boost; the words still count.
            return self._compile(query.subquery)
        if isinstance(query, And | Or):
            parts = [part for part in map(self._compile, query.subqueries) if part]
            if not parts:
                return None
            connector = " AND " if isinstance(query, And) else " OR "
            return connector.join(f"({part})" for part in parts)
        if isinstance(query, AndNot):
            # FTS5's NOT is binary: it needs something to subtract from.
            wanted = None if isinstance(query.subquery_a, MatchAll) else self._compile(query.subquery_a)
            if wanted is None:
                raise NotImplementedError("A negation needs at least one positive search term on SQLite.")
            unwanted = self._compile(query.subquery_b)
            return f"({wanted}) NOT ({unwanted})" if unwanted else wanted
        raise NotImplementedError(f"`{type(query).__name__}` is not supported by the SQLite search backend.")

    def _columns(self):
        if not self.fields:
            return self.COLUMNS
        # The body column holds every field but the title, so a search in
        # named fields can only be narrowed to the title or to the rest.
        wanted = {"title" if name == "title" else "body" for name in self.fields}
        return tuple(column for column in self.COLUMNS if column in wanted)

    def plan(self, backend=None):
        """(kind, match) where kind is "all", "none", "match" or "exclude"."""
        query = normalize(self.query)
        if isinstance(query, MatchAll):
            return "all", None
        negated = isinstance(query, Not)
        if negated:
            query = query.subquery
            if isinstance(query, MatchAll):
                return "none", None
        expression = self._compile(query)
        if expression is None:
            # Nothing searchable was typed: nothing matches (and, negated,
            # nothing is excluded).
            return ("all" if negated else "none"), None
        match = f"{{{' '.join(self._columns())}}} : ({expression})"
        return ("exclude" if negated else "match"), match

    # -- running -----------------------------------------------------------

    def rank_expression(self, backend):
        return f"bm25({self.TABLE})"

    def _hits_sql(self, select, match):
        """SQL reading the FTS5 hits for `match`, restricted to this model.

        CROSS JOIN makes SQLite run the MATCH first, once, and look entries
        up by rowid; the other order would run the full-text query once per
        entry, which is the quadratic cost this backend exists to avoid.
        """
        content_type_ids = get_descendants_content_types_pks(self.queryset.model)
        sql = (
            f"SELECT {select} FROM {self.TABLE} CROSS JOIN {ENTRY_TABLE} AS entry "
            f"ON entry.id = {self.TABLE}.rowid "
            f"WHERE {self.TABLE} MATCH %s AND entry.content_type_id IN ({placeholders(content_type_ids)})"
        )
        return sql, [match, *content_type_ids]

    def _allowed(self, object_id_column):
        """SQL that is true when the caller's queryset holds the object in `object_id_column`.

        It is the queryset itself (its filters: locale, live, status…)
        narrowed to that one pk, so each check is one primary-key lookup,
        made only for the hits that are actually examined.
        """
        allowed = self.queryset.order_by().filter(pk=RawSQL(object_id_column, [])).values("pk")
        sql, params = allowed.query.get_compiler(self.queryset.db).as_sql()
        return f"EXISTS ({sql})", list(params)

    def _execute(self, sql, params):
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def ranked_hits(self, backend, match, start, stop):
        """[(object_id, score)] best first, for the slice [start:stop]."""
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return []
        hits, hits_params = self._hits_sql(
            f"entry.object_id AS object_id, entry.id AS entry_id, {self.rank_expression(backend)} AS rank",
            match,
        )
        # The inner query ranks every hit (bm25() is cheap: it reads the
        # statistics FTS5 keeps); the outer one walks them best first and
        # checks the queryset's filters only until the page is full. The
        # inner LIMIT -1 stops SQLite from flattening the two into one query,
        # which would check every hit and then sort them again.
        sql = (
            f"SELECT hits.object_id, hits.rank, hits.entry_id FROM ({hits} ORDER BY rank, entry_id DESC LIMIT -1) "
            f"AS hits WHERE {allowed} LIMIT %s OFFSET %s"
        )
        params = [*hits_params, *allowed_params, -1 if stop is None else stop - start, start]
        rows = self._execute(sql, params)
        if rows != sorted(rows, key=lambda row: (row[1], -row[2])):
            # SQL does not promise that a subquery's order survives; SQLite
            # keeps it, but should a future version not, sort explicitly.
            sql = sql.replace(
                " LIMIT %s OFFSET %s", " ORDER BY hits.rank, hits.entry_id DESC LIMIT %s OFFSET %s"
            )
            rows = self._execute(sql, params)
        # bm25() is lower for better matches; report it the usual way round.
        return [(object_id, -rank) for object_id, rank, _entry_id in rows]

    def count_hits(self, match):
        # Counting needs every hit checked; against the queryset's pks, read
        # once, that is never slower than a lookup per hit, and much faster
        # when facets leave few pages. (SQLite compares the text object ids
        # with integer pks by value.)
        try:
            pks, pks_params = (
                self.queryset.order_by().values("pk").query.get_compiler(self.queryset.db).as_sql()
            )
        except EmptyResultSet:
            return 0
        hits, hits_params = self._hits_sql("entry.object_id AS object_id", match)
        sql = f"SELECT COUNT(*) FROM ({hits}) AS hits WHERE hits.object_id IN ({pks})"
        return self._execute(sql, [*hits_params, *pks_params])[0][0]

    def scores(self, backend, match, object_ids):
        if not object_ids:
            return {}
        sql, params = self._hits_sql(f"entry.object_id, {self.rank_expression(backend)}", match)
        sql += f" AND entry.object_id IN ({placeholders(object_ids)})"
        return {object_id: -rank for object_id, rank in self._execute(sql, params + list(object_ids))}

    def matching_queryset(self, kind, match):
        """The caller's queryset narrowed to the hits, in the caller's order."""
        if kind == "all":
            return self.queryset
        if kind == "none":
            return self.queryset.none()
        sql, params = self._hits_sql("entry.object_id", match)
        hits = RawSQL(sql, params)
        if kind == "exclude":
            return self.queryset.exclude(pk__in=hits)
        return self.queryset.filter(pk__in=hits)


class FoldedSQLiteSearchQueryCompiler(FTS5QueryMixin, SQLiteSearchQueryCompiler):
    def rank_expression(self, backend):
        # Column weights follow the table's column order (title, body).
        return f"bm25({self.TABLE}, {backend.title_weight}, {backend.body_weight})"


class FoldedSQLiteAutocompleteQueryCompiler(FTS5QueryMixin, SQLiteAutocompleteQueryCompiler):
    TABLE = AUTOCOMPLETE_TABLE
    COLUMNS = ("autocomplete",)

    def _columns(self):
        # All autocomplete fields share one column.
        return self.COLUMNS


class FoldedSQLiteSearchBackend(CleanQueryMixin, BaseSearchBackend):
    """The embedded default. Options: TITLE_WEIGHT, BODY_WEIGHT, ATOMIC_REBUILD, DATABASE."""

    query_compiler_class = FoldedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FoldedSQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex
    results_class = RankedSearchResults

    def __init__(self, params):
        super().__init__(params)
        # ObjectIndexer reads these; SQLite has no text-search configurations.
        self.config = None
        self.autocomplete_config = None
        self.title_weight = float(params.get("TITLE_WEIGHT", DEFAULT_TITLE_WEIGHT))
        self.body_weight = float(params.get("BODY_WEIGHT", DEFAULT_BODY_WEIGHT))
        self.database_alias = params.get("DATABASE", DEFAULT_DB_ALIAS)
        atomic = params.get("ATOMIC_REBUILD", True)
        self.rebuilder_class = SQLiteAtomicRebuilder if atomic else SQLiteRebuilder


SearchBackend = FoldedSQLiteSearchBackend
