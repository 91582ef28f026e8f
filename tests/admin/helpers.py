"""What the admin tests share: the changelist URLs and a change form's data as a browser posts it."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

ENGAGEMENTS = reverse("admin:analysis_engagement_changelist")
ACTORS = reverse("admin:analysis_actor_changelist")


def form_data(response) -> dict:
    """What the browser would post back from a rendered admin change form, unchanged."""
    data: dict = {}

    def add(form) -> None:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            elif isinstance(value, date):
                value = value.isoformat()
            data[form.add_prefix(name)] = value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data
