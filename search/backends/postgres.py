"""PostgreSQL full-text search for Greek and English in one index.

The stock backend's index (modelsearch's IndexEntry table), with its
vectors written by this project:

- text is analysed in Python (search.analysis), as on SQLite: folded, stop
  words out, stemmed with the same Snowball stemmers as PostgreSQL's `greek`
  and `english` dictionaries (PyStemmer), with Latin keys ("~vol") at the
  positions of their words and names joined. The vectors are written as
  tsvector literals, so PostgreSQL stores exactly these terms; queries are
  tsquery literals of the same terms (search.terms), which is also why an
  English stop word can no longer empty a query;
- one entry holds its parts told apart by the tsvector weights: in `title`,
  the title (and the acronym) with A and the translations' titles with B; in
  `body`, the rest with C, the city's names with B and the translations'
  text with D (search.backends.documents). The translations count a tenth of
  the page's own text in the ranking (RANK_WEIGHTS);
- searches start from the index, not from the pages. The stock query joins
  every page of the queryset to its index entry and tests the match row by
  row (about 0.5 s over 10,000 Greek pages); here the GIN indexes find the
  hits, they are ranked, and the caller's queryset is checked only for the
  best ones until a page of results is full (search.backends.database).

The text-search configurations of search/migrations/0002 still serve the
stock code's searches on raw columns (`fields=`) and fuzzy search. See
docs/decisions/0011-postgres-search-config.md and 0072-search-relevance.md.
"""

from collections import defaultdict

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, CharField, F, FloatField, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import analyse, autocomplete_terms
from search.backends.database import Match, RankedSearchResults, analysed
from search.backends.documents import Family, WritesEachEntryOnce, entries_to_write, translations_of
from search.backends.queries import CleanQueryMixin, fold_query

SEARCH_CONFIG = "greek_english"
AUTOCOMPLETE_CONFIG = "simple_unaccent"
# Look pages' entries up one by one, rather than rank every hit, when the
# caller's queryset is estimated to be this many times smaller than the hits.
FEW_CANDIDATES_RATIO = 4
# What ts_rank gives a match of weight D, C, B, A in each vector: in `title`,
# the translations' titles (B) and the title (A); in `body`, the translations'
# text (D), the body (C) and the city's names (B); in `autocomplete`, the
# translations' title words (D) and the title's (A). The other language
# counts a tenth of the page's own.
RANK_WEIGHTS = {
    "title": "{0, 0, 0.1, 1.0}",
    "body": "{0.025, 0.25, 0.8, 0}",
    "autocomplete": "{0.1, 0, 0, 1.0}",
}
# The weights of the page's own text in each vector (the exact-phrase rank).
OWN_WEIGHTS = {"title": "A", "body": "C", "autocomplete": "A"}
# tsvector's limits: positions go up to 16,383, and a term keeps 256 of them.
MAX_POSITION = 16383
MAX_POSITIONS = 256


def quoted(term):
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(parts):
    """A tsvector literal of analysed texts: [(search.analysis.Analysed, weight letter)].

    Each part starts after the previous one, so a phrase never runs from one into the next.
    """
    positions = defaultdict(list)
    offset = 1
    for analysed_text, weight in parts:
        for position, term in analysed_text.positioned():
            found = positions[term]
            if len(found) < MAX_POSITIONS:
                found.append(f"{min(offset + position, MAX_POSITION)}{weight}")
        offset += len(analysed_text.stems) + 1
    return " ".join(f"{quoted(term)}:{','.join(found)}" for term, found in positions.items())


def word_vector(parts):
    """A tsvector literal of words for prefix matching: [(words, weight letter)]."""
    positions = defaultdict(list)
    position = 0
    for words, weight in parts:
        for word in words:
            position += 1
            if len(positions[word]) < MAX_POSITIONS:
                positions[word].append(f"{min(position, MAX_POSITION)}{weight}")
    return " ".join(f"{quoted(term)}:{','.join(found)}" for term, found in positions.items())


def ts_term(term, weight=""):
    label = ("*" if term.prefix else "") + weight
    return quoted(term.text) + (f":{label}" if label else "")


def ts_alternative(alternative, weight=""):
    terms = [ts_term(term, weight) for term in alternative.terms]
    return terms[0] if len(terms) == 1 else "(" + " <-> ".join(terms) + ")"


def ts_any(alternatives, weight=""):
    return "(" + " | ".join(ts_alternative(alternative, weight) for alternative in alternatives) + ")"


class AnalysedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # Unlike the stock method it does not recompute every entry's
        # title_norm after each batch (a full-table update): this backend's
        # ranking does not read title_norm.
        if entries := entries_to_write(self, model, objs):
            self._write(model, entries)

    def _write(self, model, entries):
        content_type_id = get_content_type_pk(model)
        rows = []
        params = []
        for obj, document in entries:
            title = tsvector(
                [(analyse(" ".join(document.own.title)), "A"), (analyse(" ".join(document.other.title)), "B")]
            )
            body = tsvector(
                [
                    (analyse(" ".join(document.own.body)), "C"),
                    (analyse(" ".join(document.place)), "B"),
                    (analyse(" ".join(document.other.body)), "D"),
                ]
            )
            autocomplete = word_vector(
                [
                    (autocomplete_terms(" ".join(document.own.autocomplete)), "A"),
                    (autocomplete_terms(" ".join(document.other.autocomplete)), "D"),
                ]
            )
            rows.append("(%s, %s, %s::tsvector, %s::tsvector, %s::tsvector, 1.0, %s, %s)")
            params.extend(
                [
                    content_type_id,
                    str(obj.pk),
                    title,
                    autocomplete,
                    body,
                    document.title_text,
                    document.body_text,
                ]
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

    def delete_item(self, item):
        super().delete_item(item)
        # Its translations no longer hold its text.
        model, translations = translations_of(item)
        if translations:
            self._write(model, Family(model, translations).entries())


class AnalysedPostgresRebuilder(WritesEachEntryOnce, PostgresSearchRebuilder):
    def complete(self):
        # The stock rebuild ends by rewriting every row's title_norm, which
        # this backend does not use.
        pass


class AnalysedPostgresAtomicRebuilder(WritesEachEntryOnce, PostgresSearchAtomicRebuilder):
    def complete(self):
        self.transaction.__exit__(None, None, None)
        self.transaction_opened = False


def contains(query, query_class):
    if isinstance(query, query_class):
        return True
    children = getattr(query, "subqueries", None) or [getattr(query, "subquery", None)]
    return any(child is not None and contains(child, query_class) for child in children)


def condition(sql, params):
    return RawSQL(sql, params, output_field=BooleanField())


class RankedQueryMixin:
    """Finds hits in modelsearch's index table (through its GIN indexes) and ranks them in one statement."""

    # The vectors a match is looked for in, and the one holding a city's names (weight B).
    VECTORS = ("title", "body")
    PLACE = ("body", "B")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The stock code (fuzzy search, `fields=`) reads the query as given: folded.
        self.query = fold_query(self.query)
        self._few_candidates_answer = None
        self._plan = None

    # -- compiling ---------------------------------------------------------

    def _matches(self, tsquery):
        """SQL true when an entry's vectors match `tsquery` (a literal), and its parameters."""
        sql = " OR ".join(f"{vector} @@ %s::tsquery" for vector in self.VECTORS)
        return f"({sql})", [tsquery] * len(self.VECTORS)

    def _analysed(self, query):
        return analysed(query, prefix=self.LAST_TERM_IS_PREFIX)

    def _compile(self, query):
        """A condition on index entries for `query` (a Q or a boolean expression), or None."""
        found = self._analysed(query)
        if found is not None:
            terms, relaxed = found
            if not terms:
                return None
            tsqueries = [ts_any(group.alternatives) for group in terms.groups]
            return condition(*self._matches((" | " if relaxed else " & ").join(tsqueries)))
        if isinstance(query, Phrase):
            stems = analyse(query.query_string).stems
            # A phrase lies within one field: it cannot run from a title into a body.
            return condition(*self._matches(" <-> ".join(map(quoted, stems)))) if stems else None
        if isinstance(query, Boost):
            return self._compile(query.subquery)
        if isinstance(query, Not):
            inner = self._compile(query.subquery)
            return ~Q(inner) if inner is not None else None
        if isinstance(query, And | Or):
            parts = [Q(part) for part in map(self._compile, query.subqueries) if part is not None]
            if not parts:
                return None
            combined = parts[0]
            for part in parts[1:]:
                combined = combined & part if isinstance(query, And) else combined | part
            return combined
        raise NotImplementedError(
            f"`{type(query).__name__}` is not supported by the PostgreSQL search backend."
        )

    def plan(self, backend):
        if self._plan is None:
            self._plan = self._make_plan()
        return self._plan

    def _make_plan(self):
        if self.fields is not None or contains(self.query, Fuzzy):
            # Searching named model columns, or fuzzily: the stock code's job.
            return "stock", None
        if isinstance(self.query, MatchAll):
            return "all", None
        if isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll):
            return "none", None
        found = self._analysed(self.query)
        if found is not None:
            terms, relaxed = found
            return ("match", self._terms_match(terms, relaxed)) if terms else ("none", None)
        compiled = self._compile(self.query)
        if compiled is None:
            return "none", None
        return "match", Match((compiled, None))

    def _terms_match(self, terms, relaxed):
        tsqueries = [ts_any(group.alternatives) for group in terms.groups]
        whole = (" | " if relaxed else " & ").join(tsqueries)
        if relaxed:
            found = condition(*self._matches(whole))
        else:
            # Each word in the title or the body: the same as matching the
            # two vectors joined, but served by the GIN index of each.
            parts = [self._matches(tsquery) for tsquery in tsqueries]
            found = condition(" AND ".join(sql for sql, _p in parts), [p for _sql, ps in parts for p in ps])
        groups = tuple(self._matches(tsquery) for tsquery in tsqueries)
        place = phrase = None
        if terms.place_alternatives and self.PLACE:
            vector, weight = self.PLACE
            place = (f"({vector} @@ %s::tsquery)", [ts_any(terms.place_alternatives, weight)])
        if terms.phrase is not None and self.PLACE:
            # In the page's own title or body, not in its translations.
            phrase = (
                "(" + " OR ".join(f"{vector} @@ %s::tsquery" for vector in self.VECTORS) + ")",
                [ts_alternative(terms.phrase, OWN_WEIGHTS[vector]) for vector in self.VECTORS],
            )
        # What ranks the hits: every word's terms at once.
        ranked = " | ".join(tsqueries)
        return Match((found, ranked), groups, relaxed, place, phrase)

    def stock_results(self, backend, start, stop, score_field=None):
        return self.search(self.get_config(backend), start, stop, score_field=score_field, backend=backend)

    # -- running -----------------------------------------------------------

    def rank_expression(self, ranked):
        if ranked is None:
            return RawSQL("0.0", [], output_field=FloatField())
        sql = " + ".join(f"ts_rank(%s::float4[], {vector}, %s::tsquery)" for vector in self.VECTORS)
        params = [param for vector in self.VECTORS for param in (RANK_WEIGHTS[vector], ranked)]
        return RawSQL(sql, params, output_field=FloatField())

    def _order_keys(self, match):
        """[(name, expression)] of what ranks hits before their score, best first."""
        keys = []
        if match.ranks_coverage:
            sql = " + ".join(f"{part}::int" for part, _params in match.groups)
            keys.append(
                ("_coverage", RawSQL(sql, [p for _sql, ps in match.groups for p in ps], IntegerField()))
            )
        for name, part in (("_place", match.place), ("_phrase", match.phrase)):
            if part is not None:
                keys.append((name, RawSQL(f"{part[0]}::int", part[1], output_field=IntegerField())))
        return keys

    def _hits(self, match, found=None):
        content_type_ids = get_descendants_content_types_pks(self.queryset.model)
        return (
            IndexEntry._default_manager.using(self.queryset.db)
            .filter(content_type_id__in=content_type_ids)
            .filter(found if found is not None else match.condition[0])
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

    def _ranked(self, hits, match):
        keys = self._order_keys(match)
        annotations = dict(keys)
        return (
            hits.annotate(**annotations, _search_rank=self.rank_expression(match.condition[1]))
            .order_by(*(f"-{name}" for name, _e in keys), "-_search_rank", "-id")
            .values_list("object_id", "_search_rank", "id", *annotations)
        )

    def ranked_hits(self, backend, match, start, stop):
        try:
            if self._few_candidates(match):
                ranked = self._ranked(self._hits_of_candidates(match), match)
                return [(row[0], row[1]) for row in ranked[start:stop]]
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return []
        keys = [name for name, _expression in self._order_keys(match)]
        hits, hits_params = (
            self._ranked(self._hits(match), match).query.get_compiler(self.queryset.db).as_sql()
        )
        columns = ["object_id", "rank", "entry_id", *keys]
        # The inner query ranks every hit; PostgreSQL keeps an ordered
        # subquery apart and streams it, so the queryset's filters are
        # checked for the best hits only, until the page is full.
        sql = (
            f"SELECT {', '.join(f'hits.{column}' for column in columns)} "
            f"FROM ({hits}) AS hits ({', '.join(columns)}) WHERE {allowed} LIMIT %s OFFSET %s"
        )
        params = [*hits_params, *allowed_params, stop - start if stop is not None else None, start]
        rows = self._execute(sql, params)

        def best_first(row):
            return (*(-key for key in row[3:]), -row[1], -row[2])

        if rows != sorted(rows, key=best_first):
            # SQL does not promise that a subquery's order survives; should
            # a plan not keep it, sort explicitly.
            order = ", ".join([*(f"hits.{key} DESC" for key in keys), "hits.rank DESC", "hits.entry_id DESC"])
            sql = sql.replace(" LIMIT %s", f" ORDER BY {order} LIMIT %s")
            rows = self._execute(sql, params)
        return [(row[0], row[1]) for row in rows]

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

    def count_up_to(self, match, limit):
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return 0
        hits, hits_params = (
            self._hits(match).values_list("object_id").query.get_compiler(self.queryset.db).as_sql()
        )
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM ({hits}) AS hits (object_id) WHERE {allowed} LIMIT %s) AS found"
        return self._execute(sql, [*hits_params, *allowed_params, limit])[0][0]

    def covered_groups(self, match, object_ids):
        entries = self._hits(match, found=Q(object_id__in=object_ids))
        annotations = {
            f"_group_{index}": RawSQL(sql, params, output_field=BooleanField())
            for index, (sql, params) in enumerate(match.groups)
        }
        covered = {object_id: set() for object_id in object_ids}
        for object_id, *flags in entries.annotate(**annotations).values_list("object_id", *annotations):
            covered[object_id] = {index for index, flag in enumerate(flags) if flag}
        return covered

    def groups_found(self, match):
        try:
            allowed, allowed_params = self._allowed("hits.object_id")
        except EmptyResultSet:
            return set()
        parts, params = [], []
        for index, group in enumerate(match.groups):
            hits, hits_params = (
                self._hits(match, found=condition(*group))
                .values_list("object_id")
                .query.get_compiler(self.queryset.db)
                .as_sql()
            )
            parts.append(f"(SELECT {index} FROM ({hits}) AS hits (object_id) WHERE {allowed} LIMIT 1)")
            params += [*hits_params, *allowed_params]
        return {index for (index,) in self._execute(" UNION ALL ".join(parts), params)}

    def scores(self, backend, match, object_ids):
        ranks = (
            self._hits(match)
            .filter(object_id__in=object_ids)
            .annotate(_search_rank=self.rank_expression(match.condition[1]))
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


class AnalysedPostgresSearchQueryCompiler(RankedQueryMixin, PostgresSearchQueryCompiler):
    pass


class AnalysedPostgresAutocompleteQueryCompiler(RankedQueryMixin, PostgresAutocompleteQueryCompiler):
    # One vector, the words of titles (weight A) and of their translations (D).
    VECTORS = ("autocomplete",)
    PLACE = None


class GreekPostgresSearchBackend(CleanQueryMixin, PostgresSearchBackend):
    """Options as the stock backend's, plus AUTOCOMPLETE_CONFIG (for the stock code's searches)."""

    index_class = AnalysedPostgresIndex
    query_compiler_class = AnalysedPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = AnalysedPostgresAutocompleteQueryCompiler
    results_class = RankedSearchResults
    rebuilder_class = AnalysedPostgresRebuilder
    atomic_rebuilder_class = AnalysedPostgresAtomicRebuilder

    def __init__(self, params):
        params = {"SEARCH_CONFIG": SEARCH_CONFIG, **params}
        super().__init__(params)
        # The stock backend hard-codes "simple" here.
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", AUTOCOMPLETE_CONFIG)


SearchBackend = GreekPostgresSearchBackend
