"""Append-only rows for several tables written in one statement, without a model instance per row.

`bulk_create` instantiates a model per row, prepares every value through its field and sends
one statement per table; for the dozens of mentions, titles and evidence rows each ingested
document adds, that costs more than the database does. `rows_insert` sends each table's
rows as one JSON parameter, all tables in one round trip:

    WITH t0 AS (INSERT INTO analysis_mention (document_id, actor_id, start, "end", surface)
                SELECT new_row.document_id, new_row.actor_id, new_row.start, new_row."end", new_row.surface
                FROM json_to_recordset(%s::json)
                     AS new_row(document_id bigint, actor_id bigint, start integer, "end" integer,
                            surface varchar(300))
                ON CONFLICT DO NOTHING RETURNING 1),
         t1 AS (...)
    SELECT (SELECT count(*) FROM t0), (SELECT count(*) FROM t1)

Fields a row leaves out get their default (`auto_now`/`auto_now_add` fields the current time),
as `bulk_create` would give them. Like `bulk_create`, it sends no signals and records no history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cache

from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone

Rows = Sequence[Mapping[str, object]]
"""Rows of one table: field name (or attname, `actor_id`) -> value; every row has the same names."""


def _default(field: Field) -> object:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()


@cache
def _statement(model: type[Model], named: tuple[str, ...]) -> tuple[str, tuple[Field, ...]]:
    """One table's `INSERT ... SELECT ... FROM json_to_recordset(...)` and the fields it fills
    with defaults (one parameter each, after the rows)."""
    fields = [model._meta.get_field(name) for name in named]
    given = {field.name for field in fields}
    defaulted = tuple(
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not field.generated and field.name not in given
    )
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in (*fields, *defaulted))
    record = ", ".join(
        f"{quote(name)} {field.db_type(connection)}" for name, field in zip(named, fields, strict=True)
    )
    values = ", ".join(
        [f"new_row.{quote(name)}" for name in named]
        + [f"%s::{field.db_type(connection)}" for field in defaulted]
    )
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
        f"SELECT {values} FROM json_to_recordset(%s::json) AS new_row({record}) ON CONFLICT DO NOTHING"
    )
    return sql, defaulted


def _json_value(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a column value rows_insert sends")


def _params(model: type[Model], table_rows: Rows) -> tuple[str, list[object]]:
    sql, defaulted = _statement(model, tuple(table_rows[0]))
    rows_json = json.dumps(table_rows, ensure_ascii=False, default=_json_value)
    return sql, [*(_default(field) for field in defaulted), rows_json]


def rows_insert(*, rows: Mapping[type[Model], Rows]) -> dict[type[Model], int]:
    """Insert every table's rows in one statement, skipping rows that break a unique constraint.

    Returns how many rows each table received (tables with no rows are left out)."""
    tables = [(model, table_rows) for model, table_rows in rows.items() if table_rows]
    if not tables:
        return {}
    parts: list[str] = []
    params: list[object] = []
    for index, (model, table_rows) in enumerate(tables):
        sql, table_params = _params(model, table_rows)
        parts.append(f"t{index} AS ({sql} RETURNING 1)")
        params += table_params
    counts = ", ".join(f"(SELECT count(*) FROM t{index})" for index in range(len(tables)))
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(parts)} SELECT {counts}", params)
        inserted = cursor.fetchone()
    return {model: count for (model, _), count in zip(tables, inserted, strict=True)}


def rows_insert_returning(
    *, model: type[Model], rows: Rows, returning: Sequence[str], conflicts: str = "skip"
) -> list[tuple]:
    """Insert `rows` into `model`'s table; the `returning` fields (names of concrete fields) of the
    rows inserted, in no particular order. A row that breaks a unique constraint is skipped, or
    with `conflicts="raise"` fails the statement with an IntegrityError, as `create()` would."""
    if not rows:
        return []
    sql, params = _params(model, rows)
    if conflicts == "raise":
        sql = sql.removesuffix(" ON CONFLICT DO NOTHING")
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in returning)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} RETURNING {columns}", params)
        return cursor.fetchall()


def rows_update(*, model: type[Model], objects: Sequence[Model], fields: Sequence[str]) -> int:
    """Write `fields` of `objects` (instances of `model` with their primary keys) back in one
    `UPDATE ... FROM json_to_recordset(...)`; how many rows changed. What `bulk_update` does, without
    its `CASE WHEN` per row and field, which Django builds and PostgreSQL parses in time that grows
    with the rows (19 ms of a stored document's 48 for a few dozen actors)."""
    if not objects:
        return 0
    quote = connection.ops.quote_name
    pk = model._meta.pk
    named = [model._meta.get_field(name) for name in fields]
    record = ", ".join(f"{quote(f.attname)} {f.db_type(connection)}" for f in (pk, *named))
    assignments = ", ".join(f"{quote(f.column)} = new_row.{quote(f.attname)}" for f in named)
    table_rows = [
        {pk.attname: obj.pk, **{f.attname: f.get_prep_value(getattr(obj, f.attname)) for f in named}}
        for obj in objects
    ]
    sql = (
        f"UPDATE {quote(model._meta.db_table)} AS old_row SET {assignments} "
        f"FROM json_to_recordset(%s::json) AS new_row({record}) "
        f"WHERE old_row.{quote(pk.column)} = new_row.{quote(pk.attname)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [json.dumps(table_rows, ensure_ascii=False, default=_json_value)])
        return cursor.rowcount
