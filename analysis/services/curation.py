"""Curation: the writes a curator makes on extracted facts, shared by the admin and the UI.

Every change goes through a model save (or simple-history's bulk helpers), so the audit
history records who made it, when, why, and what the row looked like before and after.
Each service is one transaction and advances the data version once (`data_version_bump`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_update_with_history

from analysis.extraction.clean import name_key
from analysis.models import Actor, ActorTitle, Alias, Engagement, Mention, Participation
from analysis.services.versions import data_version_bump

User = AbstractBaseUser | AnonymousUser | None

REASON_MAX_LENGTH = 100  # simple-history's history_change_reason column
ENGAGEMENT_REVIEW_FIELDS = frozenset({"review"})
ROLE_RANK = {
    Participation.Role.PARTICIPANT: 0,
    Participation.Role.GUEST: 1,
    Participation.Role.VISITOR: 1,
    Participation.Role.HOST: 2,
    Participation.Role.INITIATOR: 3,
}


class CurationError(ValueError):
    """A curation request that would leave the data wrong; the message is for the curator."""


def _reason(text: str) -> str:
    return text if len(text) <= REASON_MAX_LENGTH else text[: REASON_MAX_LENGTH - 1] + "…"


def _attribute(instance: models.Model, *, user: User, reason: str) -> None:
    """Tell simple-history who makes the next save/delete of `instance`, and why."""
    if user is not None and user.is_authenticated:
        instance._history_user = user
    instance._change_reason = _reason(reason)


def _save(instance: models.Model, *, user: User, reason: str) -> None:
    _attribute(instance, user=user, reason=reason)
    instance.save()


def _delete(instance: models.Model, *, user: User, reason: str) -> None:
    _attribute(instance, user=user, reason=reason)
    instance.delete()


def _history_user(user: User) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None


BASELINE_REASON = "كما أُدخل آليًّا"


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
            default_user=_history_user(user),
            default_change_reason=_reason(reason),
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
    """
    changed = set(changed_fields)
    adding = engagement._state.adding
    if not adding:
        history_baseline_ensure(model=Engagement, pks=[engagement.pk])
    if adding or changed - ENGAGEMENT_REVIEW_FIELDS:
        engagement.is_edited = True
    if adding and not engagement.fingerprint:
        engagement.fingerprint = f"curated:{timezone.now():%Y%m%d%H%M%S%f}"
    if not reason:
        reason = "إضافة يدوية" if adding else "تعديل: " + "، ".join(sorted(changed))
    data_version_bump()
    _save(engagement, user=user, reason=reason)
    return engagement


@transaction.atomic
def engagement_mark_edited(
    *, engagement: Engagement, user: User, reason: str = "تعديل المشاركين أو الأدلة"
) -> Engagement:
    """Record that a curator changed an engagement's participants or evidence."""
    if not engagement.is_edited:
        history_baseline_ensure(model=Engagement, pks=[engagement.pk])
        engagement.is_edited = True
        data_version_bump()
        _save(engagement, user=user, reason=reason)
    return engagement


# Actors and aliases --------------------------------------------------------------------


def actor_slug_unique(*, name: str, exclude_pk: int | None = None) -> str:
    """A slug for `name` that no other actor uses."""
    base = slugify(name, allow_unicode=True)[:300] or "actor"
    taken = set(
        Actor.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


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
    _save(actor, user=user, reason=reason or ("إضافة يدوية" if adding else "تعديل"))
    if (
        former
        and former[1]
        and former[1] != actor.name_key
        and not actor.aliases.filter(key=former[1]).exists()
    ):
        _save(
            Alias(actor=actor, name=former[0], key=former[1], source=Alias.Source.EXTRACTED),
            user=user,
            reason=_reason(f"الاسم السابق قبل التعديل إلى «{actor.name}»"),
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
    _save(alias, user=user, reason=reason or ("اسم بديل منقَّح" if alias._state.adding else "تعديل"))
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
    _save(alias, user=user, reason=reason or "اسم بديل منقَّح")
    return alias


@transaction.atomic
def actor_merge(*, keep: Actor, drop: Actor, user: User = None) -> Actor:
    """Fold `drop` into `keep` and delete `drop`.

    Aliases, titles, mentions and participations move to `keep`; when both took part in one
    engagement the two participations collapse into one (keeping the more specific role);
    the dropped actor's name becomes a curated alias of `keep`.
    """
    if keep.pk == drop.pk:
        raise CurationError("لا يمكن دمج فاعل مع نفسه.")
    keep = Actor.objects.select_for_update().get(pk=keep.pk)
    drop = Actor.objects.select_for_update().get(pk=drop.pk)
    reason = _reason(f"دمج «{drop.name}» في «{keep.name}»")
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
            _save(alias, user=user, reason=reason)
            keep_aliases[alias.key] = alias
        else:
            if alias.source == Alias.Source.CURATED and existing.source != Alias.Source.CURATED:
                existing.source = Alias.Source.CURATED
                _save(existing, user=user, reason=reason)
            _delete(alias, user=user, reason=reason)

    dropped_name_key = drop.name_key or name_key(drop.name)
    existing = keep_aliases.get(dropped_name_key)
    if existing is None:
        _save(
            Alias(actor=keep, name=drop.name, key=dropped_name_key, source=Alias.Source.CURATED),
            user=user,
            reason=reason,
        )
    elif existing.source != Alias.Source.CURATED:
        existing.source = Alias.Source.CURATED
        _save(existing, user=user, reason=reason)

    kept_titles = set(keep.titles.values_list("title", "document_id"))
    for title in drop.titles.all():
        if (title.title, title.document_id) in kept_titles:
            title.delete()
        else:
            kept_titles.add((title.title, title.document_id))
    ActorTitle.objects.filter(actor=drop).update(actor=keep)

    Mention.objects.filter(actor=drop).update(actor=keep)

    kept_participations = {p.engagement_id: p for p in keep.participations.all()}
    for participation in list(drop.participations.all()):
        existing = kept_participations.get(participation.engagement_id)
        if existing is None:
            participation.actor = keep
            _save(participation, user=user, reason=reason)
            kept_participations[participation.engagement_id] = participation
            continue
        if ROLE_RANK.get(participation.role, 0) > ROLE_RANK.get(existing.role, 0):
            existing.role = participation.role
            _save(existing, user=user, reason=reason)
        _delete(participation, user=user, reason=reason)

    keep.name_en = keep.name_en or drop.name_en
    keep.description = keep.description or drop.description
    keep.is_curated = True
    _save(keep, user=user, reason=reason)
    _delete(drop, user=user, reason=reason)
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
    its participation too when, in its evidence, only this form of the old actor's names appears.
    """
    alias = Alias.objects.select_related("actor").select_for_update().get(pk=alias.pk)
    old = alias.actor
    if alias.key == old.name_key:
        raise CurationError("هذا هو الاسم الأساسي للفاعل؛ عدِّل الاسم أو ادمج بدلًا من الفصل.")
    reason = _reason(f"فصل «{alias.name}» عن «{old.name}»")
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
    _save(new, user=user, reason=reason)
    alias.actor = new
    alias.source = Alias.Source.CURATED
    _save(alias, user=user, reason=reason)

    moved, stayed = [], []
    for mention in old.mentions.all():
        (moved if name_key(mention.surface) == alias.key else stayed).append(mention)
    Mention.objects.filter(pk__in=[m.pk for m in moved]).update(actor=new)

    for participation in list(old.participations.prefetch_related("engagement__evidence")):
        spans = [(e.document_id, e.start, e.end) for e in participation.engagement.evidence.all()]

        def inside(mention: Mention, spans=spans) -> bool:
            return any(doc == mention.document_id and s <= mention.start < e for doc, s, e in spans)

        if any(inside(m) for m in moved) and not any(inside(m) for m in stayed):
            participation.actor = new
            _save(participation, user=user, reason=reason)

    old.is_curated = True
    _save(old, user=user, reason=reason)
    return new
