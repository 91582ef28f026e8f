"""`rows_insert`: several tables' rows in one statement, defaults filled, duplicates skipped."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from analysis.models import Alias, Mention
from analysis.services.rows import rows_insert, rows_insert_returning
from tests.factories import actor_create, document_create

pytestmark = pytest.mark.django_db


def test_rows_of_several_tables_go_in_one_statement_with_defaults_and_counts():
    actor = actor_create(name="فالح الفياض")
    document = document_create(text="استقبل الرئيس الضيف في بغداد.")

    with CaptureQueriesContext(connection) as queries:
        inserted = rows_insert(
            rows={
                Alias: [{"actor_id": actor.pk, "name": "الفياض", "key": "الفياض"}],
                Mention: [
                    {
                        "document_id": document.pk,
                        "actor_id": actor.pk,
                        "start": 0,
                        "end": 6,
                        "surface": "استقبل",
                    },
                    {
                        "document_id": document.pk,
                        "actor_id": actor.pk,
                        "start": 7,
                        "end": 13,
                        "surface": "الرئيس",
                    },
                ],
            }
        )

    assert len(queries) == 1
    assert inserted == {Alias: 1, Mention: 2}
    alias = Alias.objects.get(actor=actor, key="الفياض")
    assert alias.source == Alias.Source.EXTRACTED  # the field's default
    assert list(
        Mention.objects.filter(document=document).order_by("start").values_list("surface", flat=True)
    ) == [
        "استقبل",
        "الرئيس",
    ]


def test_a_row_that_breaks_a_unique_constraint_is_skipped_and_not_counted():
    actor = actor_create(name="فالح الفياض")
    Alias.objects.create(actor=actor, name="الفياض", key="الفياض", source=Alias.Source.CURATED)

    inserted = rows_insert(
        rows={
            Alias: [
                {"actor_id": actor.pk, "name": "الفياض", "key": "الفياض"},
                {"actor_id": actor.pk, "name": "فياض", "key": "فياض"},
            ]
        }
    )

    assert inserted == {Alias: 1}
    assert Alias.objects.get(actor=actor, key="الفياض").source == Alias.Source.CURATED  # untouched


def test_tables_without_rows_send_nothing():
    with CaptureQueriesContext(connection) as queries:
        assert rows_insert(rows={Alias: [], Mention: []}) == {}
    assert len(queries) == 0


def test_returning_gives_the_new_ids_and_can_refuse_a_duplicate():
    actor = actor_create(name="فالح الفياض")
    rows = [{"actor_id": actor.pk, "name": "الفياض", "key": "الفياض"}]

    ((alias_id,),) = rows_insert_returning(model=Alias, rows=rows, returning=("id",))

    assert Alias.objects.get(pk=alias_id).key == "الفياض"
    assert rows_insert_returning(model=Alias, rows=rows, returning=("id",)) == []  # skipped
    with pytest.raises(IntegrityError), transaction.atomic():
        rows_insert_returning(model=Alias, rows=rows, returning=("id",), conflicts="raise")


def test_rows_update_writes_each_objects_fields_in_one_statement_and_leaves_others_alone():
    from analysis.models import Actor
    from analysis.services.rows import rows_update

    first, second, untouched = (actor_create(name=n) for n in ("فالح الفياض", "هادي العامري", "قيس الخزعلي"))
    first.confidence, first.confidence_sources = 0.75, {"doc:1": 0.75}
    second.confidence, second.confidence_sources = 0.5, None

    with CaptureQueriesContext(connection) as queries:
        changed = rows_update(
            model=Actor, objects=[first, second], fields=["confidence", "confidence_sources"]
        )

    assert changed == 2 and len(queries) == 1
    stored = {a.pk: (a.confidence, a.confidence_sources) for a in Actor.objects.all()}
    assert stored[first.pk] == (0.75, {"doc:1": 0.75})
    assert stored[second.pk] == (0.5, None)
    assert stored[untouched.pk] == (untouched.confidence, untouched.confidence_sources)
    assert rows_update(model=Actor, objects=[], fields=["confidence"]) == 0
