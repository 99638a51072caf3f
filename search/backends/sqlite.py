"""SQLite full-text search with Greek folding, ranked by FTS5's own bm25().

Why not the stock backend (modelsearch.backends.database.sqlite): it orders
results by a *correlated* subquery, one that re-runs the whole FTS5 MATCH for
every candidate row to fetch that row's score, so a query costs
O(candidates × matches) — about 8 s over 10,000 pages. Here one statement
runs the MATCH once, ranks every hit by bm25(), and walks the hits best first,
checking that the caller's queryset allows each one (a primary-key lookup)
until the page is full; only that page's objects are then loaded.

The index lives in this app's own tables (search/migrations/0001 and 0006),
holding text analysed in Python (search.analysis): folded, so «ΣΤΕΓΑΣΗ»,
«στεγαση» and «στέγαση» are the same word, stemmed with the Greek and English
Snowball stemmers as on PostgreSQL, with Latin keys beside the stems. An
entry's columns are its title, its body, its city's names and its
translations' title and text (search.backends.documents). See
docs/decisions/0010-sqlite-search-backend.md and 0072-search-relevance.md.
"""

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections, transaction
from django.db.models import CharField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from modelsearch.backends.base import BaseIndex, BaseSearchBackend, get_model_root
from modelsearch.backends.database.sqlite.query import AndNot, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchQueryCompiler,
)
from modelsearch.index import get_indexed_models
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import analyse, autocomplete_terms
from search.backends.database import Match, RankedSearchResults, analysed
from search.backends.documents import Family, WritesEachEntryOnce, entries_to_write, translations_of
from search.backends.queries import CleanQueryMixin

ENTRY_TABLE = "search_fts_entry"
TEXT_TABLE = "search_fts_text"
AUTOCOMPLETE_TABLE = "search_fts_autocomplete"

# bm25() column weights for (title, body, place, other_title, other_body). A
# title is a few words chosen to say what the page is about, so one hit there
# outweighs several in the body; a city's name counts nearly as much; the
# translations' text counts a tenth of the page's own, so that pages which
# match in the reader's language come first.
DEFAULT_TITLE_WEIGHT = 8.0
DEFAULT_BODY_WEIGHT = 1.0
PLACE_WEIGHT = 6.0
OTHER_LANGUAGE_SHARE = 0.1
# Suggestions: (autocomplete, other).
AUTOCOMPLETE_WEIGHTS = (1.0, 0.1)

# Rows per statement when indexing: well under SQLite's bound-parameter limit.
BATCH_SIZE = 500


def batches(items, size=BATCH_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def fts_text(texts):
    return analyse(" ".join(texts)).fts_text()


def autocomplete_text(texts):
    return " ".join(autocomplete_terms(" ".join(texts)))


class SQLiteIndex(BaseIndex):
    """Writes folded documents into the search app's FTS5 tables."""

    def __init__(self, backend):
        super().__init__(backend)
        self.connection = connections[backend.database_alias]
        if self.connection.vendor != "sqlite":
            raise NotSupportedError("search.backends.sqlite needs a SQLite database.")

    def add_items(self, model, objs):
        if entries := entries_to_write(self, model, objs):
            self._write(model, entries)

    def _write(self, model, entries):
        content_type_id = get_content_type_pk(model)
        documents = {}
        for obj, document in entries:
            documents[str(obj.pk)] = (
                fts_text(document.own.title),
                fts_text(document.own.body),
                fts_text(document.place),
                fts_text(document.other.title),
                fts_text(document.other.body),
                autocomplete_text(document.own.autocomplete),
                autocomplete_text(document.other.autocomplete),
            )

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
                    f"INSERT INTO {TEXT_TABLE} (rowid, title, body, place, other_title, other_body) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [(rowid, *documents[object_id][:5]) for rowid, object_id in rowids.items()],
                )
                cursor.executemany(
                    f"INSERT INTO {AUTOCOMPLETE_TABLE} (rowid, autocomplete, other) VALUES (%s, %s, %s)",
                    [(rowid, *documents[object_id][5:]) for rowid, object_id in rowids.items()],
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
        # Its translations no longer hold its text.
        model, translations = translations_of(item)
        if translations:
            self._write(model, Family(model, translations).entries())

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


class SQLiteRebuilder(WritesEachEntryOnce):
    """`update_index`: drop stale entries first, write each entry once, compact the index at the end."""

    def __init__(self, index):
        self.index = index

    def begin(self):
        self.index.delete_stale_entries()
        return self.index

    def complete(self):
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


def fts_term(term):
    # Every term is letters, digits and the key mark (search.analysis), so
    # quoting it as an FTS5 string is always safe: no operator, quote or
    # column filter typed by a reader reaches the FTS5 parser.
    return f'"{term.text}"' + ("*" if term.prefix else "")


def fts_alternative(alternative):
    if len(alternative.terms) == 1:
        return fts_term(alternative.terms[0])
    # Words that stand together, in either order (FTS5 allows a prefix only
    # at the end of a phrase, and a Greek stem may be one).
    return f"NEAR({' '.join(map(fts_term, alternative.terms))}, 0)"


def fts_any(alternatives):
    return " OR ".join(map(fts_alternative, alternatives))


class FTS5QueryMixin:
    """Compiles a search query into FTS5 MATCH strings and runs it ranked.

    Mixed into the stock compilers, which keep their handling of `fields`
    and their checks of filters and ordering against search_fields.
    """

    TABLE = TEXT_TABLE
    COLUMNS = ("title", "body", "place", "other_title", "other_body")
    # Where the typed words, together, make an exact phrase worth ranking first.
    PHRASE_COLUMNS = ("title", "body")
    PLACE_COLUMN = "place"

    # -- compiling ---------------------------------------------------------

    def _analysed(self, query):
        return analysed(query, prefix=self.LAST_TERM_IS_PREFIX)

    def _compile(self, query):
        """FTS5 syntax for `query`, or None when it holds no searchable word."""
        found = self._analysed(query)
        if found is not None:
            terms, relaxed = found
            if not terms:
                return None
            connector = " OR " if relaxed else " AND "
            return connector.join(f"({fts_any(group.alternatives)})" for group in terms.groups)
        if isinstance(query, Phrase):
            stems = analyse(query.query_string).stems
            return f'"{" ".join(stems)}"' if stems else None
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

    def _in(self, columns, expression):
        return f"{{{' '.join(columns)}}} : ({expression})"

    def plan(self, backend=None):
        """(kind, match) where kind is "all", "none", "match" or "exclude"."""
        if getattr(self, "_plan", None) is None:
            self._plan = self._make_plan()
        return self._plan

    def _make_plan(self):
        query = self.query
        found = self._analysed(query)
        if found is not None:
            terms, relaxed = found
            return ("match", self._terms_match(terms, relaxed)) if terms else ("none", None)
        query = normalize(query)
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
        return ("exclude" if negated else "match"), Match(self._in(self._columns(), expression))

    def _terms_match(self, terms, relaxed):
        columns = self._columns()
        groups = tuple(self._in(columns, fts_any(group.alternatives)) for group in terms.groups)
        connector = " OR " if relaxed else " AND "
        condition = self._in(
            columns, connector.join(f"({fts_any(group.alternatives)})" for group in terms.groups)
        )
        place = phrase = None
        if terms.place_alternatives and self.PLACE_COLUMN in columns:
            place = self._in((self.PLACE_COLUMN,), fts_any(terms.place_alternatives))
        if terms.phrase is not None:
            phrase_columns = [column for column in self.PHRASE_COLUMNS if column in columns]
            if phrase_columns:
                phrase = self._in(phrase_columns, fts_alternative(terms.phrase))
        return Match(condition, groups, relaxed, place, phrase)

    # -- running -----------------------------------------------------------

    def rank_expression(self, backend):
        return f"bm25({self.TABLE})"

    def _hits_sql(self, select, match, select_params=()):
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
        return sql, [*select_params, match, *content_type_ids]

    def _matches(self, expression):
        """SQL true when the current row of the full-text table also matches `expression`.

        The subquery does not depend on the row, so SQLite runs it once and
        keeps its rowids.
        """
        return f"({self.TABLE}.rowid IN (SELECT rowid FROM {self.TABLE} WHERE {self.TABLE} MATCH %s))", [
            expression
        ]

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

    def _order_keys(self, match):
        """[(name, SQL, params)] of what ranks hits before their score, best first (descending)."""
        keys = []
        if match.ranks_coverage:
            parts = [self._matches(group) for group in match.groups]
            keys.append(
                ("coverage", " + ".join(sql for sql, _params in parts), [p for _sql, ps in parts for p in ps])
            )
        for name, expression in (("place", match.place), ("phrase", match.phrase)):
            if expression is not None:
                sql, params = self._matches(expression)
                keys.append((name, sql, params))
        return keys

    def ranked_hits(self, backend, match, start, stop):
        """[(object_id, score)] best first, for the slice [start:stop]."""
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return []
        keys = self._order_keys(match)
        select = ", ".join(
            [
                "entry.object_id AS object_id",
                "entry.id AS entry_id",
                f"{self.rank_expression(backend)} AS rank",
                *(f"({sql}) AS {name}" for name, sql, _params in keys),
            ]
        )
        hits, hits_params = self._hits_sql(select, match.condition, [p for _n, _s, ps in keys for p in ps])
        order = ", ".join([*(f"{name} DESC" for name, _sql, _params in keys), "rank", "entry_id DESC"])
        columns = ", ".join(
            ["hits.object_id", "hits.rank", "hits.entry_id", *(f"hits.{name}" for name, _s, _p in keys)]
        )
        # The inner query ranks every hit (bm25() is cheap: it reads the
        # statistics FTS5 keeps); the outer one walks them best first and
        # checks the queryset's filters only until the page is full. The
        # inner LIMIT -1 stops SQLite from flattening the two into one query,
        # which would check every hit and then sort them again.
        sql = f"SELECT {columns} FROM ({hits} ORDER BY {order} LIMIT -1) AS hits WHERE {allowed} LIMIT %s OFFSET %s"
        params = [*hits_params, *allowed_params, -1 if stop is None else stop - start, start]
        rows = self._execute(sql, params)

        def best_first(row):
            return (*(-key for key in row[3:]), row[1], -row[2])

        if rows != sorted(rows, key=best_first):
            # SQL does not promise that a subquery's order survives; SQLite
            # keeps it, but should a future version not, sort explicitly.
            outer = ", ".join(
                [*(f"hits.{name} DESC" for name, _s, _p in keys), "hits.rank", "hits.entry_id DESC"]
            )
            sql = sql.replace(" LIMIT %s OFFSET %s", f" ORDER BY {outer} LIMIT %s OFFSET %s")
            rows = self._execute(sql, params)
        # bm25() is lower for better matches; report it the usual way round.
        return [(row[0], -row[1]) for row in rows]

    def _queryset_pks(self):
        return self.queryset.order_by().values("pk").query.get_compiler(self.queryset.db).as_sql()

    def count_hits(self, match):
        # Counting needs every hit checked; against the queryset's pks, read
        # once, that is never slower than a lookup per hit, and much faster
        # when facets leave few pages. (SQLite compares the text object ids
        # with integer pks by value.)
        try:
            pks, pks_params = self._queryset_pks()
        except EmptyResultSet:
            return 0
        hits, hits_params = self._hits_sql("entry.object_id AS object_id", match.condition)
        sql = f"SELECT COUNT(*) FROM ({hits}) AS hits WHERE hits.object_id IN ({pks})"
        return self._execute(sql, [*hits_params, *pks_params])[0][0]

    def count_up_to(self, match, limit):
        """The number of hits in the queryset, counting no further than `limit` (a walk that stops)."""
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return 0
        hits, hits_params = self._hits_sql("entry.object_id AS object_id", match.condition)
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM ({hits}) AS hits WHERE {allowed} LIMIT %s)"
        return self._execute(sql, [*hits_params, *allowed_params, limit])[0][0]

    def covered_groups(self, match, object_ids):
        content_type_ids = get_descendants_content_types_pks(self.queryset.model)
        parts, params = [], []
        for index, group in enumerate(match.groups):
            parts.append(
                f"SELECT {index}, entry.object_id FROM {self.TABLE} CROSS JOIN {ENTRY_TABLE} AS entry "
                f"ON entry.id = {self.TABLE}.rowid WHERE {self.TABLE} MATCH %s "
                f"AND entry.content_type_id IN ({placeholders(content_type_ids)}) "
                f"AND entry.object_id IN ({placeholders(object_ids)})"
            )
            params += [group, *content_type_ids, *object_ids]
        covered = {object_id: set() for object_id in object_ids}
        for index, object_id in self._execute(" UNION ALL ".join(parts), params):
            covered[object_id].add(index)
        return covered

    def groups_found(self, match):
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return set()
        parts, params = [], []
        for index, group in enumerate(match.groups):
            hits, hits_params = self._hits_sql("entry.object_id AS object_id", group)
            parts.append(f"SELECT {index} FROM (SELECT 1 FROM ({hits}) AS hits WHERE {allowed} LIMIT 1)")
            params += [*hits_params, *allowed_params]
        return {index for (index,) in self._execute(" UNION ALL ".join(parts), params)}

    def scores(self, backend, match, object_ids):
        if not object_ids:
            return {}
        sql, params = self._hits_sql(f"entry.object_id, {self.rank_expression(backend)}", match.condition)
        sql += f" AND entry.object_id IN ({placeholders(object_ids)})"
        return {object_id: -rank for object_id, rank in self._execute(sql, params + list(object_ids))}

    def matching_queryset(self, kind, match):
        """The caller's queryset narrowed to the hits, in the caller's order."""
        if kind == "all":
            return self.queryset
        if kind == "none":
            return self.queryset.none()
        sql, params = self._hits_sql("entry.object_id", match.condition)
        hits = RawSQL(sql, params)
        if kind == "exclude":
            return self.queryset.exclude(pk__in=hits)
        return self.queryset.filter(pk__in=hits)


class FoldedSQLiteSearchQueryCompiler(FTS5QueryMixin, SQLiteSearchQueryCompiler):
    def rank_expression(self, backend):
        # Column weights follow the table's column order.
        weights = [
            backend.title_weight,
            backend.body_weight,
            PLACE_WEIGHT,
            backend.title_weight * OTHER_LANGUAGE_SHARE,
            backend.body_weight * OTHER_LANGUAGE_SHARE,
        ]
        return f"bm25({self.TABLE}, {', '.join(map(str, weights))})"


class FoldedSQLiteAutocompleteQueryCompiler(FTS5QueryMixin, SQLiteAutocompleteQueryCompiler):
    TABLE = AUTOCOMPLETE_TABLE
    COLUMNS = ("autocomplete", "other")
    PHRASE_COLUMNS = ()
    PLACE_COLUMN = None

    def _columns(self):
        # All autocomplete fields share one column.
        return self.COLUMNS

    def rank_expression(self, backend):
        return f"bm25({self.TABLE}, {', '.join(map(str, AUTOCOMPLETE_WEIGHTS))})"


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
