"""Several short lists of rows from one query.

A practice page shows ten small lists (figures, outcomes, testimonials, links…),
each in its own table. Read one by one they cost ten round trips and ten times
the ORM's work of compiling a query, whatever their length (issue #14). Here
every list becomes one arm of a `UNION ALL`, each row packed as a JSON object
of its columns, and the rows are unpacked into ordinary model instances, as
if each list had been read on its own.

A list that is not a queryset (a preview's rows, held in memory by
modelcluster) is simply read as it is.
"""

from decimal import Decimal

from django.db import connections
from django.db.models import DecimalField, F, QuerySet, TextField, Value
from django.db.models.functions import Cast, JSONObject

LIST = "one_query_list"
ROW = "one_query_row"


def lists_in_one_query(lists):
    """{name: list of instances} for {name: queryset}, from one query for all the querysets.

    Each list keeps its queryset's ordering (plain field names, as models'
    `Meta.ordering` gives them). Annotations of a queryset become attributes
    of its instances.
    """
    queried = {name: rows for name, rows in lists.items() if isinstance(rows, QuerySet)}
    result = {name: list(rows) for name, rows in lists.items() if name not in queried}
    if not queried:
        return result
    result.update({name: [] for name in queried})
    arms = [packed(name, rows) for name, rows in queried.items()]
    union = arms[0].union(*arms[1:], all=True) if len(arms) > 1 else arms[0]
    for name, row in union:
        result[name].append(unpacked(queried[name], row))
    for name, rows in queried.items():
        put_in_order(result[name], rows)
    return result


def packed(name, rows):
    """`rows` as (list name, JSON object of the columns and annotations)."""
    model = rows.model
    columns = {field.attname: column(field) for field in model._meta.concrete_fields}
    columns.update({annotation: F(annotation) for annotation in rows.query.annotations})
    return rows.order_by().annotate(**{LIST: Value(name), ROW: JSONObject(**columns)}).values_list(LIST, ROW)


def column(field):
    # JSON has no decimals: a number would come back as a float, so send the
    # exact digits as text.
    return Cast(field.attname, TextField()) if isinstance(field, DecimalField) else F(field.attname)


def unpacked(rows, row):
    model = rows.model
    connection = connections[rows.db]
    fields = model._meta.concrete_fields
    instance = model.from_db(
        rows.db,
        [field.attname for field in fields],
        [python_value(field, row[field.attname], connection) for field in fields],
    )
    for name, annotation in rows.query.annotations.items():
        setattr(instance, name, python_value(annotation.output_field, row[name], connection))
    return instance


def python_value(field, value, connection):
    """What reading the column directly would have given."""
    if value is None:
        return None
    if isinstance(field, DecimalField):
        return Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places))
    if hasattr(field, "from_db_value"):
        return field.from_db_value(value, None, connection)
    return field.to_python(value)


def put_in_order(instances, rows):
    """Sort `instances` as the database would have for `rows` (its field-name ordering)."""
    names = [
        name for name in rows.query.order_by or rows.model._meta.ordering or ["pk"] if isinstance(name, str)
    ]
    # One stable sort per field, the last first, gives the ordering of them all.
    for name in reversed(names):
        attribute = name.lstrip("-")
        instances.sort(
            key=lambda instance: nulls_last(getattr(instance, attribute)),
            reverse=name.startswith("-"),
        )


def nulls_last(value):
    return (1, 0) if value is None else (0, value)
