"""Curation: the writes a curator makes on extracted facts, shared by the admin and the UI.

Every change goes through a model save (or simple-history's bulk helpers), so the audit
history records who made it, when, why, and what the row looked like before and after.
Each service is one transaction and advances the data version once (`data_version_bump`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_update_with_history

from analysis.arabic import DateValue, name_key
from analysis.models import Actor, ActorTitle, Alias, Engagement, Evidence, Mention, Participation, Precision
from analysis.services.ingestion import engagement_fingerprint
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


# Engagement identity after participants change ----------------------------------------


def engagement_when(engagement: Engagement) -> DateValue:
    """The engagement's date at its precision (for a range a curator set, its start at that precision)."""
    start = engagement.date_start
    if start is None:
        return DateValue()
    return {
        Precision.DAY: DateValue.of(start),
        Precision.MONTH: DateValue(start.year, start.month),
        Precision.YEAR: DateValue(start.year),
    }.get(engagement.date_precision, DateValue())


def _fingerprints_now(engagements: list[Engagement]) -> dict[int, str]:
    """The fingerprint ingestion computes for each engagement as it stands now (the date unknown: from
    its first source); none for one that has neither a date and participants nor a source."""
    ids = [engagement.pk for engagement in engagements]
    participants: dict[int, list[int]] = defaultdict(list)
    for engagement_id, actor_id in Participation.objects.filter(engagement_id__in=ids).values_list(
        "engagement_id", "actor_id"
    ):
        participants[engagement_id].append(actor_id)
    first_source: dict[int, tuple[str, int]] = {}
    for engagement_id, sha256, start in (
        Evidence.objects.filter(engagement_id__in=ids)
        .order_by("engagement_id", "pk")
        .values_list("engagement_id", "document__sha256", "start")
    ):
        first_source.setdefault(engagement_id, (sha256, start))
    fingerprints = {}
    for engagement in engagements:
        when, source = engagement_when(engagement), first_source.get(engagement.pk)
        if source is None and not (when.iso and participants[engagement.pk]):
            continue
        sha256, start = source or ("", 0)
        fingerprints[engagement.pk] = engagement_fingerprint(
            type=engagement.type,
            actor_ids=participants[engagement.pk],
            when=when,
            document_sha256=sha256,
            evidence_start=start,
        )
    return fingerprints


def _engagements_refingerprint(*, engagement_ids: Iterable[int], user: User, reason: str) -> None:
    """Give engagements whose participants changed the fingerprint ingestion now computes for them, so
    that a later report of the same event joins them; engagements that come to share one become one."""
    engagements = list(Engagement.objects.select_for_update().filter(pk__in=set(engagement_ids)))
    fingerprints = _fingerprints_now(engagements)
    changing = [e for e in engagements if fingerprints.get(e.pk, e.fingerprint) != e.fingerprint]
    if not changing:
        return
    groups: dict[str, list[Engagement]] = defaultdict(list)
    for engagement in changing:
        groups[fingerprints[engagement.pk]].append(engagement)
    changing_ids = [engagement.pk for engagement in changing]
    for holder in (
        Engagement.objects.select_for_update().filter(fingerprint__in=groups).exclude(pk__in=changing_ids)
    ):
        groups[holder.fingerprint].append(holder)
    # The same event whose stored fingerprint is out of date too (made by hand, or by an earlier merge).
    taken = [e.pk for group in groups.values() for e in group]
    lookalikes = list(
        Engagement.objects.select_for_update()
        .filter(
            type__in={e.type for e in changing},
            date_start__in={e.date_start for e in changing if e.date_start},
            pk__in=Participation.objects.filter(
                actor_id__in=Participation.objects.filter(engagement_id__in=changing_ids).values("actor_id")
            ).values("engagement_id"),
        )
        .exclude(pk__in=taken)
    )
    for engagement_id, fingerprint in _fingerprints_now(lookalikes).items():
        if fingerprint in groups:
            groups[fingerprint].append(next(e for e in lookalikes if e.pk == engagement_id))
    history_baseline_ensure(model=Engagement, pks=[e.pk for group in groups.values() for e in group])
    # Free the old fingerprints first: one engagement may take the one another is giving up.
    Engagement.objects.filter(pk__in=changing_ids).update(
        fingerprint=Concat(Value("refingerprint:"), Cast("pk", CharField()))
    )
    for fingerprint, group in groups.items():
        survivor = _engagements_fold(group, user=user, reason=reason) if len(group) > 1 else group[0]
        survivor.fingerprint = fingerprint
        _save(survivor, user=user, reason=reason)


def _engagements_fold(group: list[Engagement], *, user: User, reason: str) -> Engagement:
    """Make engagements that turned out to be one event one, and return it (unsaved).

    It keeps every source and participant, and every curator's decision: the curated engagement
    survives, and decisions that contradict each other are refused rather than one of them dropped.
    """
    survivor = min(group, key=lambda e: (not e.is_edited, e.review == Engagement.Review.EXTRACTED, e.pk))
    losers = [e for e in group if e is not survivor]
    participations = defaultdict(list)
    for participation in Participation.objects.filter(engagement__in=group).order_by("pk"):
        participations[participation.engagement_id].append(participation)
    evidence = defaultdict(list)
    for row in Evidence.objects.filter(engagement__in=group).order_by("pk"):
        evidence[row.engagement_id].append(row)

    reviews = {e.review for e in group} - {Engagement.Review.EXTRACTED}
    edited = [e for e in group if e.is_edited]
    roles: dict[int, set[str]] = defaultdict(set)
    for engagement in edited:
        for participation in participations[engagement.pk]:
            roles[participation.actor_id].add(participation.role)
    if (
        len(reviews) > 1
        or len({(e.location, e.status, e.date_start, e.date_end) for e in edited}) > 1
        or any(len(actor_roles) > 1 for actor_roles in roles.values())
    ):
        numbers = "، ".join(f"#{e.pk}" for e in sorted(group, key=lambda e: e.pk))
        raise CurationError(
            f"بعد الدمج تصير الأحداث {numbers} حدثًا واحدًا، لكن ما قرّره المحللون فيها متعارض "
            "(المراجعة أو المكان أو الحالة أو التاريخ أو الأدوار). وحِّدها أولًا ثم أعد الدمج."
        )
    history_baseline_ensure(model=Participation, pks=[p.pk for e in group for p in participations[e.pk]])
    history_baseline_ensure(model=Evidence, pks=[row.pk for e in losers for row in evidence[e.pk]])

    if reviews:
        survivor.review = reviews.pop()
    if not survivor.is_edited:  # what the other reports add, as ingestion refines an engagement
        survivor.location = survivor.location or next((e.location for e in losers if e.location), "")
        survivor.date_text = survivor.date_text or next((e.date_text for e in losers if e.date_text), "")
        if any(e.status == Engagement.Status.REPORTED for e in group):
            survivor.status = Engagement.Status.REPORTED
    survivor.confidence = max(e.confidence for e in group)

    kept = {p.actor_id: p for p in participations[survivor.pk]}
    spans = {(row.document_id, row.start) for row in evidence[survivor.pk]}
    for loser in losers:
        for participation in participations[loser.pk]:
            existing = kept.get(participation.actor_id)
            if existing is None:
                participation.engagement = survivor
                _save(participation, user=user, reason=reason)
                kept[participation.actor_id] = participation
                continue
            if not survivor.is_edited and ROLE_RANK.get(participation.role, 0) > ROLE_RANK.get(
                existing.role, 0
            ):
                existing.role = participation.role
                _save(existing, user=user, reason=reason)
            _delete(participation, user=user, reason=reason)
        for row in evidence[loser.pk]:
            if (row.document_id, row.start) in spans:
                _delete(row, user=user, reason=reason)
                continue
            row.engagement = survivor
            _save(row, user=user, reason=reason)
            spans.add((row.document_id, row.start))
        _delete(loser, user=user, reason=reason)
    return survivor


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
    the dropped actor's name becomes a curated alias of `keep`. The engagements `drop` took part
    in take the fingerprint ingestion now computes for them, and those that become one are merged.
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
    dropped_participations = list(drop.participations.all())
    for participation in dropped_participations:
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
    _engagements_refingerprint(
        engagement_ids=[p.engagement_id for p in dropped_participations], user=user, reason=reason
    )

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
    its participation too when, in its evidence, only this form of the old actor's names appears,
    and takes the fingerprint ingestion now computes for it.
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
            _save(participation, user=user, reason=reason)
            regrouped.append(participation.engagement_id)
    _engagements_refingerprint(engagement_ids=regrouped, user=user, reason=reason)

    old.is_curated = True
    _save(old, user=user, reason=reason)
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
