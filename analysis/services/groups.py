"""The two roles' groups, kept in place after every `migrate` and every flush.

Migration 0002 creates them; a database flush (`manage.py flush`, a transactional test's
teardown) empties `auth_group` but runs `post_migrate` again, so this receiver puts them back with
the same permissions: `analyst` views, `curator` views and edits the extracted facts.
"""

from __future__ import annotations

CURATED_MODELS = ("actor", "alias", "actortitle", "engagement", "participation", "evidence", "mention")
# Curators also decide where sources disagree and import files (issue 14, migration 0007).
CURATOR_ACTIONS = ("change_disagreement", "add_importbatch")


def role_groups_ensure(**_) -> None:
    """Create the `analyst` and `curator` groups if missing and give them their permissions."""
    from django.contrib.auth.models import Group, Permission

    permissions = Permission.objects.filter(content_type__app_label="analysis")
    views = list(permissions.filter(codename__startswith="view_"))
    edits = list(
        permissions.filter(
            codename__in=[
                f"{verb}_{model}" for verb in ("add", "change", "delete") for model in CURATED_MODELS
            ]
            + list(CURATOR_ACTIONS)
        )
    )
    if not views:  # the permissions themselves are made by another post_migrate receiver
        return
    analyst, created = Group.objects.get_or_create(name="analyst")
    if created:
        analyst.permissions.set(views)
    curator, created = Group.objects.get_or_create(name="curator")
    if created:
        curator.permissions.set(views + edits)
