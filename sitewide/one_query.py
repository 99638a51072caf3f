"""Several short lists of rows from one query.

A practice page shows ten small lists (figures, outcomes, testimonials, links…),
each in its own table. Read one by one they cost ten round trips and ten times
the ORM's work of compiling a query, whatever their length (issue #14). Here
every list becomes one arm of a `UNION ALL`, each row packed as a JSON object
of its columns, and the rows are unpacked into ordinary model instances, as
if each list had been read on its own.

Compiling that union is then most of what reading costs (the profile in
benchmarks/RESULTS.md), and it is the same statement for every page but for
a few numbers. `CompiledLists` compiles it once per process and only puts
each page's numbers into it.

A list that is not a queryset (a preview's rows, held in memory by
modelcluster) is simply read as it is.
"""

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db import connections
from django.db.models import DecimalField, F, QuerySet, TextField, Value
from django.db.models.functions import Cast, JSONObject

LIST = "one_query_list"
ROW = "one_query_row"
# Numbers no row holds, within every backend's integer range: Django compiles
# a lookup on an integer beyond it as "no rows", which would drop the arm.
FIRST_STAND_IN = -1_987_654_321


def lists_in_one_query(lists):
    """{name: list of instances} for {name: queryset}, from one query for all the querysets.

    Each list keeps its queryset's ordering (plain field names, as models'
    `Meta.ordering` gives them). Annotations of a queryset become attributes
    of its instances.
    """
    queried = {name: rows for name, rows in lists.items() if isinstance(rows, QuerySet)}
    result = {name: list(rows) for name, rows in lists.items() if name not in queried}
    if queried:
        statement = Statement.of(queried)
        sql, params = statement.union.query.get_compiler(statement.db).as_sql()
        result.update(statement.read(sql, params))
    return result


class CompiledLists:
    """`lists_in_one_query` for lists that differ from one call to the next only by numbers.

    `build(**numbers)` gives the {name: queryset} to read. It is called and
    compiled once per process, with stand-in numbers; each `read` puts its
    own numbers where the stand-ins were.
    """

    def __init__(self, build):
        self.build = build
        self.compiled = {}

    def read(self, **numbers):
        names = tuple(sorted(numbers))
        compiled = self.compiled.get(names) or self.compile(names)
        params = list(compiled.params)
        for position, name in compiled.positions:
            params[position] = numbers[name]
        return compiled.statement.read(compiled.sql, params)

    def compile(self, names):
        stand_ins = {name: FIRST_STAND_IN - index for index, name in enumerate(names)}
        statement = Statement.of(self.build(**stand_ins))
        sql, params = statement.union.query.get_compiler(statement.db).as_sql()
        named = {number: name for name, number in stand_ins.items()}
        positions = [(position, named[param]) for position, param in enumerate(params) if param in named]
        missing = set(names) - {name for _position, name in positions}
        if missing:
            raise ValueError(f"the lists' query does not use {sorted(missing)}")
        self.compiled[names] = compiled = Compiled(statement, sql, tuple(params), positions)
        return compiled


class Compiled(NamedTuple):
    """A statement's SQL, its parameters with stand-ins, and where each named number goes."""

    statement: "Statement"
    sql: str
    params: tuple
    positions: list


@dataclass(frozen=True)
class Statement:
    """The union of some named querysets, and how to turn its rows back into their instances."""

    lists: dict
    union: QuerySet
    db: str

    @classmethod
    def of(cls, queried):
        arms = [packed(name, rows) for name, rows in queried.items()]
        union = arms[0].union(*arms[1:], all=True) if len(arms) > 1 else arms[0]
        return cls({name: Rows.of(rows) for name, rows in queried.items()}, union, union.db)

    def read(self, sql, params):
        result = {name: [] for name in self.lists}
        connection = connections[self.db]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for name, row in cursor.fetchall():
                # Django has psycopg hand JSON over as text, as SQLite does.
                values = json.loads(row) if isinstance(row, str) else row
                result[name].append(self.lists[name].instance(values, connection))
        for name, rows in self.lists.items():
            rows.put_in_order(result[name])
        return result


def packed(name, rows):
    """`rows` as (list name, JSON object of the columns and annotations)."""
    columns = {field.attname: column(field) for field in rows.model._meta.concrete_fields}
    columns.update({annotation: F(annotation) for annotation in rows.query.annotations})
    return rows.order_by().annotate(**{LIST: Value(name), ROW: JSONObject(**columns)}).values_list(LIST, ROW)


def column(field):
    # JSON has no decimals: a number would come back as a float, so send the
    # exact digits as text.
    return Cast(field.attname, TextField()) if isinstance(field, DecimalField) else F(field.attname)


@dataclass(frozen=True)
class Rows:
    """What one list's instances are made of, looked up once rather than for each row."""

    model: type
    db: str
    fields: tuple
    attnames: list
    annotations: dict
    ordering: list

    @classmethod
    def of(cls, rows):
        fields = tuple(rows.model._meta.concrete_fields)
        return cls(
            model=rows.model,
            db=rows.db,
            fields=fields,
            attnames=[field.attname for field in fields],
            annotations={name: value.output_field for name, value in rows.query.annotations.items()},
            ordering=[
                name
                for name in rows.query.order_by or rows.model._meta.ordering or ["pk"]
                if isinstance(name, str)
            ],
        )

    def instance(self, row, connection):
        instance = self.model.from_db(
            self.db,
            self.attnames,
            [python_value(field, row[field.attname], connection) for field in self.fields],
        )
        for name, output_field in self.annotations.items():
            setattr(instance, name, python_value(output_field, row[name], connection))
        return instance

    def put_in_order(self, instances):
        """Sort `instances` as the database would have (by the queryset's field-name ordering)."""
        # One stable sort per field, the last first, gives the ordering of them all.
        for name in reversed(self.ordering):
            attribute = name.lstrip("-")
            instances.sort(
                key=lambda instance: nulls_last(getattr(instance, attribute)),
                reverse=name.startswith("-"),
            )


def python_value(field, value, connection):
    """What reading the column directly would have given."""
    if value is None:
        return None
    if isinstance(field, DecimalField):
        return Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places))
    if hasattr(field, "from_db_value"):
        return field.from_db_value(value, None, connection)
    return field.to_python(value)


def nulls_last(value):
    return (1, 0) if value is None else (0, value)
