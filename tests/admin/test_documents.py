"""The documents' admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.admin.helpers import ENGAGEMENTS
from tests.factories import actor_create, document_create, engagement_create

pytestmark = pytest.mark.django_db


def test_a_documents_engagement_count_opens_its_engagements(curator_client):
    document = document_create(text="نص", title="لقاء في بغداد")
    mine = engagement_create(actors=[actor_create(name="فالح الفياض")], date="2024-02-01", document=document)
    engagement_create(
        actors=[actor_create(name="قيس الخزعلي")], date="2024-02-01", document=document_create()
    )

    page = curator_client.get(reverse("admin:analysis_document_changelist")).content.decode()
    link = f"{ENGAGEMENTS}?document={document.pk}"
    assert f'href="{link}"' in page

    shown = curator_client.get(link).context["cl"].result_list
    assert [e.pk for e in shown] == [mine.pk]


# Changes made in the admin show on the dashboard at once -------------------------------------
