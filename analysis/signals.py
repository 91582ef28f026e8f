"""Saves and deletes of the analysis models advance the data version when their transaction commits.

This covers the writes that bypass the services (the admin's generic views and inlines, the shell,
`Model.save()`/`delete()` anywhere), so a cached aggregate never outlives a committed change.
Writes that send no signals still call `services.versions.data_version_bump()` themselves.
Changes to who may do what (a user's groups or permissions, a group's permissions, a group or a
permission deleted) advance it too: each user's permissions are cached under it (`analysis.auth`).
"""

from __future__ import annotations

from django.apps import AppConfig
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from simple_history.models import HistoricalChanges

from analysis.services.versions import data_version_bump, data_version_bump_on_commit

# A delete listener turns Django's one-statement queryset delete of a model into a select and
# row-by-row signals. Ingestion clears a re-extracted document's mentions and titles that way;
# its own `data_version_bump_on_commit()` covers those deletes.
FAST_DELETE_MODELS = frozenset({"mention", "actortitle"})
M2M_ACTIONS = frozenset({"post_add", "post_remove", "post_clear"})
DISPATCH_PREFIX = "analysis.data_version"


def _changed(sender, using: str = "default", **kwargs) -> None:
    data_version_bump_on_commit(using=using)


def _m2m_changed(sender, action: str, using: str = "default", **kwargs) -> None:
    if action in M2M_ACTIONS:
        data_version_bump_on_commit(using=using)


def data_version_receivers_connect(app_config: AppConfig) -> list[type[models.Model]]:
    """Connect the receivers to each model of `app_config` (not simple-history's history tables).

    Returns the models whose saves are watched."""
    watched = []
    for model in app_config.get_models():
        if issubclass(model, HistoricalChanges):
            continue
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}.save.{label}")
        if model._meta.model_name not in FAST_DELETE_MODELS:
            post_delete.connect(_changed, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}.delete.{label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _m2m_changed,
                sender=through,
                dispatch_uid=f"{DISPATCH_PREFIX}.m2m.{through._meta.label_lower}",
            )
        watched.append(model)
    return watched


def _permissions_changed(sender, using: str = "default", **kwargs) -> None:
    data_version_bump(using=using)  # now as well as at commit: seen by the rest of the transaction


def _permissions_m2m_changed(sender, action: str, using: str = "default", **kwargs) -> None:
    if action in M2M_ACTIONS:
        data_version_bump(using=using)


def permission_receivers_connect() -> None:
    """Advance the data version when a user's or a group's permissions change (`analysis.auth`)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model()
    for through in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            _permissions_m2m_changed,
            sender=through,
            dispatch_uid=f"{DISPATCH_PREFIX}.permissions.{through._meta.label_lower}",
        )
    for model in (Group, Permission):
        post_delete.connect(
            _permissions_changed,
            sender=model,
            dispatch_uid=f"{DISPATCH_PREFIX}.permissions.delete.{model._meta.label_lower}",
        )
