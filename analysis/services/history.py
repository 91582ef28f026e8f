"""The audit trail of curators' writes: who made a change and why, and an "as ingested" baseline.

Curation and the engagement-identity fold write through `record_save` / `record_delete`, so
simple-history records the user and the reason; `history_baseline_ensure` first records rows
that ingestion wrote in bulk (without history), so a curator's first change shows a before.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models

User = AbstractBaseUser | AnonymousUser | None

REASON_MAX_LENGTH = 100  # simple-history's history_change_reason column
BASELINE_REASON = "كما أُدخل آليًّا"


class CurationError(ValueError):
    """A curation request that would leave the data wrong; the message is for the curator."""


def reason_clip(text: str) -> str:
    return text if len(text) <= REASON_MAX_LENGTH else text[: REASON_MAX_LENGTH - 1] + "…"


def history_user(user: User) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None


def _attribute(instance: models.Model, *, user: User, reason: str) -> None:
    """Tell simple-history who makes the next save/delete of `instance`, and why."""
    if user is not None and user.is_authenticated:
        instance._history_user = user
    instance._change_reason = reason_clip(reason)


def record_save(instance: models.Model, *, user: User, reason: str) -> None:
    _attribute(instance, user=user, reason=reason)
    instance.save()


def record_delete(instance: models.Model, *, user: User, reason: str) -> None:
    _attribute(instance, user=user, reason=reason)
    instance.delete()


def history_baseline_ensure(*, model: type[models.Model], pks: Iterable[int]) -> int:
    """Record the stored state of rows that have no history yet, so a curator's first change
    shows a before and an after. Rows written with `bulk_create` (ingestion) start without one."""
    pks = {pk for pk in pks if pk is not None}
    if not pks:
        return 0
    recorded = set(model.history.filter(id__in=pks).values_list("id", flat=True).distinct())
    missing = list(model._default_manager.filter(pk__in=pks - recorded).order_by("pk"))
    for instance in missing:
        instance._history_user = None  # the machine, not whoever is logged in now
        created_at = getattr(instance, "created_at", None)
        if created_at is not None:
            instance._history_date = created_at
    model.history.bulk_history_create(missing, default_change_reason=BASELINE_REASON)
    return len(missing)
