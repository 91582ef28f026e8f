"""Curation: the writes a curator makes on extracted facts, shared by the admin and the UI.

Every change goes through a model save (or simple-history's bulk helpers), so the audit
history records who made it, when, why, and what the row looked like before and after.
Each service is one transaction and advances the data version once (`data_version_bump`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from analysis.arabic import name_key
from analysis.models import Actor, ActorTitle, Alias, Engagement, Mention, Participation
from analysis.services.confidence import actor_sources, actors_confidence_refresh, corroborated
from analysis.services.engagement_identity import engagement_when, engagements_reidentify, participation_join
from analysis.services.history import (
    BASELINE_REASON,
    REASON_MAX_LENGTH,
    CurationError,
    User,
    history_baseline_ensure,
    history_user,
    reason_clip,
    record_delete,
    record_save,
)
from analysis.services.ingestion.directory import actor_slug_unique
from analysis.services.versions import data_version_bump

ENGAGEMENT_REVIEW_FIELDS = frozenset({"review"})
# What identifies an engagement across sources: a change to one of these gives it a new fingerprint.
ENGAGEMENT_IDENTITY_FIELDS = frozenset({"type", "date_start", "date_end", "date_precision"})

__all__ = [
    "BASELINE_REASON",
    "REASON_MAX_LENGTH",
    "ROLES",
    "CurationError",
    "actor_merge",
    "actor_update",
    "actors_merge",
    "alias_add",
    "alias_save",
    "alias_split",
    "engagement_mark_edited",
    "engagement_update",
    "engagement_when",
    "engagements_reject",
    "engagements_verify",
    "history_baseline_ensure",
    "user_role_grant",
]


# Engagements -------------------------------------------------------------------------


@transaction.atomic
def _engagements_review(*, engagements: Iterable[Engagement], review: str, user: User, reason: str) -> int:
    engagements = list(engagements)
    history_baseline_ensure(model=Engagement, pks=[e.pk for e in engagements if e.review != review])
    now = timezone.now()
    changed = []
    for engagement in engagements:
        if engagement.review != review:
            engagement.review = review
            engagement.updated_at = now
            changed.append(engagement)
    if changed:
        data_version_bump()
        bulk_update_with_history(
            changed,
            Engagement,
            ["review", "updated_at"],
            default_user=history_user(user),
            default_change_reason=reason_clip(reason),
        )
    return len(changed)


def engagements_verify(*, engagements: Iterable[Engagement], user: User, reason: str = "توثيق") -> int:
    """Mark engagements as verified by a curator; returns how many changed."""
    return _engagements_review(
        engagements=engagements, review=Engagement.Review.VERIFIED, user=user, reason=reason
    )


def engagements_reject(*, engagements: Iterable[Engagement], user: User, reason: str = "رفض") -> int:
    """Mark engagements as rejected: they leave the timeline and re-ingestion keeps them rejected."""
    return _engagements_review(
        engagements=engagements, review=Engagement.Review.REJECTED, user=user, reason=reason
    )


@transaction.atomic
def engagement_update(
    *, engagement: Engagement, user: User, changed_fields: Iterable[str] = (), reason: str = ""
) -> Engagement:
    """Save a curator's edit of an engagement.

    A change to anything but the review (date, type, location, participants ...) marks it
    `is_edited`, so later ingestion leaves it alone. A new engagement made by hand is edited.
    A new type or date gives it the fingerprint a report of it would compute (`engagements_reidentify`):
    later reports of it join it, and an engagement that is now the same event is folded into it.
    """
    changed = set(changed_fields)
    adding = engagement._state.adding
    identity_before = None
    if not adding:
        history_baseline_ensure(model=Engagement, pks=[engagement.pk])
        identity_before = (
            Engagement.objects.filter(pk=engagement.pk).values(*ENGAGEMENT_IDENTITY_FIELDS).first()
        )
    if adding or changed - ENGAGEMENT_REVIEW_FIELDS:
        engagement.is_edited = True
    if adding and not engagement.fingerprint:
        engagement.fingerprint = f"curated:{timezone.now():%Y%m%d%H%M%S%f}"
    if not reason:
        reason = "إضافة يدوية" if adding else "تعديل: " + "، ".join(sorted(changed))
    data_version_bump()
    record_save(engagement, user=user, reason=reason)
    identity_now = {field: getattr(engagement, field) for field in ENGAGEMENT_IDENTITY_FIELDS}
    if identity_before is not None and identity_before != identity_now:
        _engagement_reidentify(engagement, user=user, reason=reason)
    _disagreements_refresh(engagement)
    return engagement


@transaction.atomic
def engagement_mark_edited(
    *, engagement: Engagement, user: User, reason: str = "تعديل المشاركين أو الأدلة"
) -> Engagement:
    """Record that a curator changed an engagement's participants or evidence; it takes the
    fingerprint a report of it would now compute (`engagements_reidentify`)."""
    if not engagement.is_edited:
        history_baseline_ensure(model=Engagement, pks=[engagement.pk])
        engagement.is_edited = True
        data_version_bump()
        record_save(engagement, user=user, reason=reason)
    _engagement_reidentify(engagement, user=user, reason=reason)
    _disagreements_refresh(engagement)
    return engagement


def _disagreements_refresh(engagement: Engagement) -> None:
    """What its sources disagree about after a curator's edit (a fixed date may end a flag or raise one)."""
    from analysis.services.disagreement import disagreements_detect  # it decides through this module

    disagreements_detect(engagement_ids=[engagement.pk])


def _engagement_reidentify(engagement: Engagement, *, user: User, reason: str) -> None:
    """Refresh the fingerprint of the engagement a curator edits; it survives any fold, so the
    caller (the admin saving its inlines next) keeps working on a stored row."""
    engagements_reidentify(engagement_ids=[engagement.pk], user=user, reason=reason, keep=engagement.pk)
    engagement.refresh_from_db()


# Actors and aliases --------------------------------------------------------------------


@transaction.atomic
def actor_update(*, actor: Actor, user: User, reason: str = "") -> Actor:
    """Save a curator's edit of an actor: its name key follows its name, and it becomes curated.

    A renamed actor keeps its former name as an alias, so documents that use it still resolve here.
    """
    adding = actor._state.adding
    former = None if adding else Actor.objects.filter(pk=actor.pk).values_list("name", "name_key").first()
    if not adding:
        history_baseline_ensure(model=Actor, pks=[actor.pk])
    actor.name_key = name_key(actor.name)
    if not actor.slug:
        actor.slug = actor_slug_unique(name=actor.name, exclude_pk=actor.pk)
    actor.is_curated = True
    data_version_bump()
    record_save(actor, user=user, reason=reason or ("إضافة يدوية" if adding else "تعديل"))
    if (
        former
        and former[1]
        and former[1] != actor.name_key
        and not actor.aliases.filter(key=former[1]).exists()
    ):
        record_save(
            Alias(actor=actor, name=former[0], key=former[1], source=Alias.Source.EXTRACTED),
            user=user,
            reason=reason_clip(f"الاسم السابق قبل التعديل إلى «{actor.name}»"),
        )
    return actor


@transaction.atomic
def alias_save(*, alias: Alias, user: User, reason: str = "") -> Alias:
    """Save an alias a curator wrote or corrected: its key follows its name and it counts as curated."""
    if alias._state.adding:
        same_key = Alias.objects.filter(actor_id=alias.actor_id, key=name_key(alias.name)).first()
        if same_key is not None:  # e.g. the former name kept by `actor_update` in the same form
            alias = same_key
    if not alias._state.adding:
        history_baseline_ensure(model=Alias, pks=[alias.pk])
    alias.key = name_key(alias.name)
    alias.source = Alias.Source.CURATED
    data_version_bump()
    record_save(alias, user=user, reason=reason or ("اسم بديل منقَّح" if alias._state.adding else "تعديل"))
    return alias


@transaction.atomic
def alias_add(*, actor: Actor, name: str, user: User, reason: str = "") -> Alias:
    """Give `actor` a curated alias (or mark the alias it already has under that key as curated)."""
    key = name_key(name)
    if not key:
        raise CurationError("الاسم البديل فارغ بعد التطبيع.")
    alias = actor.aliases.filter(key=key).first()
    if alias is None:
        alias = Alias(actor=actor, name=name, key=key, source=Alias.Source.CURATED)
    elif alias.source == Alias.Source.CURATED:
        return alias
    else:
        history_baseline_ensure(model=Alias, pks=[alias.pk])
    alias.source = Alias.Source.CURATED
    data_version_bump()
    record_save(alias, user=user, reason=reason or "اسم بديل منقَّح")
    return alias


@transaction.atomic
def actor_merge(*, keep: Actor, drop: Actor, user: User = None) -> Actor:
    """Fold `drop` into `keep` and delete `drop`.

    Aliases, titles, mentions and participations move to `keep`; when both took part in one
    engagement the two participations collapse into one (keeping the more specific role);
    the dropped actor's name becomes a curated alias of `keep`. The engagements `drop` took part
    in take the fingerprint ingestion now computes for them, and those that become one are merged.
    """
    if keep.pk == drop.pk:
        raise CurationError("لا يمكن دمج فاعل مع نفسه.")
    keep = Actor.objects.select_for_update().get(pk=keep.pk)
    drop = Actor.objects.select_for_update().get(pk=drop.pk)
    reason = reason_clip(f"دمج «{drop.name}» في «{keep.name}»")
    data_version_bump()
    history_baseline_ensure(model=Actor, pks=[keep.pk, drop.pk])
    history_baseline_ensure(
        model=Alias, pks=Alias.objects.filter(actor__in=[keep, drop]).values_list("pk", flat=True)
    )
    history_baseline_ensure(
        model=Participation,
        pks=Participation.objects.filter(actor__in=[keep, drop]).values_list("pk", flat=True),
    )

    keep_aliases = {alias.key: alias for alias in keep.aliases.all()}
    for alias in list(drop.aliases.all()):
        existing = keep_aliases.get(alias.key)
        if existing is None:
            alias.actor = keep
            record_save(alias, user=user, reason=reason)
            keep_aliases[alias.key] = alias
        else:
            if alias.source == Alias.Source.CURATED and existing.source != Alias.Source.CURATED:
                existing.source = Alias.Source.CURATED
                record_save(existing, user=user, reason=reason)
            record_delete(alias, user=user, reason=reason)

    dropped_name_key = drop.name_key or name_key(drop.name)
    existing = keep_aliases.get(dropped_name_key)
    if existing is None:
        record_save(
            Alias(actor=keep, name=drop.name, key=dropped_name_key, source=Alias.Source.CURATED),
            user=user,
            reason=reason,
        )
    elif existing.source != Alias.Source.CURATED:
        existing.source = Alias.Source.CURATED
        record_save(existing, user=user, reason=reason)

    kept_titles = set(keep.titles.values_list("title", "document_id"))
    for title in drop.titles.all():
        if (title.title, title.document_id) in kept_titles:
            title.delete()
        else:
            kept_titles.add((title.title, title.document_id))
    ActorTitle.objects.filter(actor=drop).update(actor=keep)

    Mention.objects.filter(actor=drop).update(actor=keep)

    kept_participations = {p.engagement_id: p for p in keep.participations.all()}
    dropped_participations = list(drop.participations.all())
    for participation in dropped_participations:
        kept_participations[participation.engagement_id] = participation_join(
            participation,
            actor=keep,
            existing=kept_participations.get(participation.engagement_id),
            roles_open=True,
            user=user,
            reason=reason,
        )
    engagements_reidentify(
        engagement_ids=[p.engagement_id for p in dropped_participations], user=user, reason=reason
    )

    keep.name_en = keep.name_en or drop.name_en
    keep.description = keep.description or drop.description
    keep.is_curated = True
    keep.confidence_sources = actor_sources(keep.pk) or None  # its mentions and the dropped actor's
    keep.confidence = corroborated((keep.confidence_sources or {}).values())
    record_save(keep, user=user, reason=reason)
    record_delete(drop, user=user, reason=reason)
    return keep


@transaction.atomic
def actors_merge(*, keep: Actor, drops: Iterable[Actor], user: User = None) -> Actor:
    """Fold several actors into `keep` at once: all of them or, on failure, none."""
    for drop in drops:
        if drop.pk != keep.pk:
            keep = actor_merge(keep=keep, drop=drop, user=user)
    return keep


@transaction.atomic
def alias_split(*, alias: Alias, user: User = None, kind: str | None = None) -> Actor:
    """Make a new actor of an alias that named someone else.

    The alias moves to the new actor, with the mentions written that way; an engagement moves
    its participation too when, in its evidence, only this form of the old actor's names appears,
    and takes the fingerprint ingestion now computes for it.
    """
    alias = Alias.objects.select_related("actor").select_for_update().get(pk=alias.pk)
    old = alias.actor
    if alias.key == old.name_key:
        raise CurationError("هذا هو الاسم الأساسي للفاعل؛ عدِّل الاسم أو ادمج بدلًا من الفصل.")
    reason = reason_clip(f"فصل «{alias.name}» عن «{old.name}»")
    data_version_bump()
    history_baseline_ensure(model=Actor, pks=[old.pk])
    history_baseline_ensure(model=Alias, pks=[alias.pk])
    history_baseline_ensure(model=Participation, pks=old.participations.values_list("pk", flat=True))

    new = Actor(
        name=alias.name,
        name_key=alias.key,
        kind=kind or old.kind,
        slug=actor_slug_unique(name=alias.name),
        is_curated=True,
    )
    record_save(new, user=user, reason=reason)
    alias.actor = new
    alias.source = Alias.Source.CURATED
    record_save(alias, user=user, reason=reason)

    moved, stayed, regrouped = [], [], []
    for mention in old.mentions.all():
        (moved if name_key(mention.surface) == alias.key else stayed).append(mention)
    Mention.objects.filter(pk__in=[m.pk for m in moved]).update(actor=new)

    for participation in list(old.participations.prefetch_related("engagement__evidence")):
        spans = [(e.document_id, e.start, e.end) for e in participation.engagement.evidence.all()]

        def inside(mention: Mention, spans=spans) -> bool:
            return any(doc == mention.document_id and s <= mention.start < e for doc, s, e in spans)

        if any(inside(m) for m in moved) and not any(inside(m) for m in stayed):
            participation.actor = new
            record_save(participation, user=user, reason=reason)
            regrouped.append(participation.engagement_id)
    engagements_reidentify(engagement_ids=regrouped, user=user, reason=reason)

    old.is_curated = True
    old.confidence_sources = actor_sources(old.pk) or None
    old.confidence = corroborated((old.confidence_sources or {}).values())
    record_save(old, user=user, reason=reason)
    # the mentions it took (a computed value: no history row of its own; the version was bumped above)
    actors_confidence_refresh(actor_ids=[new.pk])
    new.refresh_from_db(fields=["confidence", "confidence_sources"])
    return new


# Who may curate ------------------------------------------------------------------------

ROLES = ("analyst", "curator")  # the groups of migration 0002


@transaction.atomic
def user_role_grant(*, user: AbstractBaseUser, role: str) -> None:
    """Give `user` one role: its group (out of the other role's group) and, for a curator, the staff
    flag the admin asks for. An analyst loses the staff flag unless a superuser."""
    from django.contrib.auth.models import Group

    if role not in ROLES:
        raise CurationError(f"دور غير معروف: «{role}»؛ الأدوار: {'، '.join(ROLES)}.")
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLES)}
    if role not in groups:
        raise CurationError(f"لا توجد مجموعة «{role}»: شغِّل manage.py migrate أولًا.")
    user.groups.remove(*(group for name, group in groups.items() if name != role))
    user.groups.add(groups[role])
    is_staff = role == "curator" or (user.is_staff and user.is_superuser)
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])
