"""Documents, the actors they mention and the engagements they report, with the evidence for each.

The choices an extraction also produces (precision, actor kind, engagement type and status, role) take
their members and values from `analysis.arabic.Precision` and `analysis.extraction.results`; only their
Arabic labels are written here.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from simple_history.models import HistoricalRecords

from analysis import arabic
from analysis.extraction import results


def _choices(name: str, members: type[StrEnum], labels: dict[str, str]) -> type[models.TextChoices]:
    """Django choices with the members and values of `members` and an Arabic label for each."""
    return models.TextChoices(name, [(member.name, (member.value, labels[member])) for member in members])


# Where an undated engagement (or a document without a date) sorts in an index read newest first: last.
UNDATED = date(1, 1, 1)

Precision = _choices(
    "Precision", arabic.Precision, {"day": "يوم", "month": "شهر", "year": "سنة", "unknown": "غير معروف"}
)


class Document(models.Model):
    source_path = models.CharField("المسار", max_length=1024)
    sha256 = models.CharField("بصمة المحتوى", max_length=64)
    outlet = models.CharField("الوسيلة", max_length=200, blank=True)
    title = models.TextField("العنوان", blank=True)
    author = models.CharField("الكاتب", max_length=300, blank=True)
    published_on = models.DateField("تاريخ النشر", null=True, blank=True)
    raw_text = models.TextField("النص الخام")
    text = models.TextField("النص", help_text="متن المقال بعد إزالة عناصر الصفحة؛ كل الإزاحات تشير إليه.")
    normalized_text = models.TextField("النص المطبَّع", blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("normalized_text", config="arabic"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    extractor_version = models.CharField("إصدار المستخرِج", max_length=40, blank=True)
    ingested_at = models.DateTimeField("أُدخلت في", auto_now_add=True)
    updated_at = models.DateTimeField("حُدّثت في", auto_now=True)

    class Meta:
        verbose_name = "وثيقة"
        verbose_name_plural = "الوثائق"
        ordering = ["-published_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["sha256"], name="document_unique_sha256")]
        indexes = [
            GinIndex(fields=["search_vector"], name="document_search_gin"),
            models.Index(fields=["published_on"], name="document_published_idx"),
            models.Index(fields=["outlet"], name="document_outlet_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.source_path

    def get_absolute_url(self) -> str:
        return reverse("document_detail", args=[self.pk])


class Actor(models.Model):
    Kind = _choices(
        "Kind",
        results.ActorKind,
        {"person": "شخص", "organization": "منظمة", "state": "دولة", "place": "مكان"},
    )

    name = models.CharField("الاسم", max_length=300)
    name_key = models.CharField("مفتاح الاسم", max_length=300, help_text="الاسم مطبَّعًا للمطابقة.")
    kind = models.CharField("النوع", max_length=20, choices=Kind.choices)
    slug = models.SlugField("المعرّف", max_length=320, allow_unicode=True)
    name_en = models.CharField("الاسم بالإنجليزية", max_length=300, blank=True)
    description = models.TextField("الوصف", blank=True)
    is_curated = models.BooleanField("منقَّح", default=False, help_text="عدّله محلل؛ لا يغيّره الإدخال اللاحق.")
    # Computed by ingestion (`services.confidence`) from its mentions' calibrated confidences over
    # independent sources; null: nothing computed it.
    confidence = models.FloatField("الثقة", null=True, blank=True)
    # the best confidence of each independent source (outlet) that names it, which `confidence`
    # combines; kept so that a new document updates it without reading the actor's every mention
    confidence_sources = models.JSONField("ثقة كل مصدر", null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "فاعل"
        verbose_name_plural = "الفاعلون"
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="actor_unique_slug")]
        indexes = [
            GinIndex(fields=["name_key"], opclasses=["gin_trgm_ops"], name="actor_name_key_trgm"),
            models.Index(fields=["kind"], name="actor_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actor_detail", args=[self.slug])


class Alias(models.Model):
    class Source(models.TextChoices):
        EXTRACTED = "extracted", "مستخرَج"
        CURATED = "curated", "منقَّح"

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases", verbose_name="الفاعل")
    name = models.CharField("الصيغة", max_length=300)
    key = models.CharField("المفتاح", max_length=300, help_text="الصيغة مطبَّعة للمطابقة.")
    source = models.CharField("المصدر", max_length=20, choices=Source.choices, default=Source.EXTRACTED)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "اسم بديل"
        verbose_name_plural = "الأسماء البديلة"
        constraints = [models.UniqueConstraint(fields=["actor", "key"], name="alias_unique_key_per_actor")]
        indexes = [
            models.Index(fields=["key"], name="alias_key_idx"),
            GinIndex(fields=["key"], opclasses=["gin_trgm_ops"], name="alias_key_trgm"),
        ]

    def __str__(self) -> str:
        return self.name


class ActorTitle(models.Model):
    """A title or role an actor was introduced with, in one document."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="titles", verbose_name="الفاعل")
    title = models.CharField("المنصب", max_length=500)
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="actor_titles", verbose_name="الوثيقة"
    )
    seen_on = models.DateField("شوهد في", null=True, blank=True)

    class Meta:
        verbose_name = "منصب"
        verbose_name_plural = "المناصب"
        ordering = ["-seen_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "title", "document"], name="actortitle_unique_per_document"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Engagement(models.Model):
    Type = _choices(
        "Type",
        results.EngagementType,
        {
            "meeting": "لقاء",
            "visit": "زيارة",
            "talks": "مباحثات",
            "call": "اتصال",
            "statement": "تصريح",
            "agreement": "اتفاق",
            "arms_transfer": "نقل أسلحة",
            "training": "تدريب",
            "attack": "هجوم",
            "other": "أخرى",
        },
    )
    Status = _choices("Status", results.Status, {"reported": "حدث", "planned": "مخطَّط"})

    class Review(models.TextChoices):
        EXTRACTED = "extracted", "مستخرَج آليًّا"
        VERIFIED = "verified", "موثَّق"
        REJECTED = "rejected", "مرفوض"

    type = models.CharField("النوع", max_length=20, choices=Type.choices)
    date_start = models.DateField("من", null=True, blank=True)
    date_end = models.DateField("إلى", null=True, blank=True)
    date_precision = models.CharField(
        "دقة التاريخ", max_length=10, choices=Precision.choices, default=Precision.UNKNOWN
    )
    date_text = models.CharField("التاريخ كما ورد", max_length=200, blank=True)
    location = models.CharField("المكان", max_length=200, blank=True)
    status = models.CharField("الحالة", max_length=10, choices=Status.choices, default=Status.REPORTED)
    review = models.CharField("المراجعة", max_length=10, choices=Review.choices, default=Review.EXTRACTED)
    is_edited = models.BooleanField(
        "عدّله محلل", default=False, help_text="لا يغيّر الإدخال اللاحق ما عدّله محلل."
    )
    # Computed by ingestion (`services.confidence`) from its evidence rows; null: nothing computed it.
    confidence = models.FloatField("الثقة", null=True, blank=True)
    fingerprint = models.CharField(
        "البصمة", max_length=64, help_text="هوية الحدث عند استخراجه، لدمج المصادر المتعددة."
    )
    actors = models.ManyToManyField(Actor, through="Participation", related_name="engagements")
    history = HistoricalRecords()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "حدث"
        verbose_name_plural = "الأحداث"
        ordering = [F("date_start").desc(nulls_last=True), "-id"]
        constraints = [
            models.UniqueConstraint(fields=["fingerprint"], name="engagement_unique_fingerprint"),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True) | Q(date_end__gte=F("date_start")),
                name="engagement_date_range_ordered",
            ),
            models.CheckConstraint(
                condition=Q(date_precision="unknown", date_start__isnull=True)
                | (~Q(date_precision="unknown") & Q(date_start__isnull=False)),
                name="engagement_precision_matches_date",
            ),
        ]
        indexes = [
            models.Index(fields=["date_start", "date_end"], name="engagement_dates_idx"),
            # ingestion's cross-source matching: same type, same precision, a start in a day or month
            models.Index(fields=["type", "date_precision", "date_start"], name="engagement_match_idx"),
            models.Index(fields=["type"], name="engagement_type_idx"),
            models.Index(fields=["review"], name="engagement_review_idx"),
            # the timeline's order, read from its newest end a page at a time (keyset pagination)
            models.Index(
                Coalesce("date_start", Value(UNDATED)).desc(),
                F("id").desc(),
                condition=~Q(review="rejected"),
                name="engagement_timeline_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.date_text or ''}".strip()

    def get_absolute_url(self) -> str:
        return reverse("engagement_detail", args=[self.pk])

    @property
    def is_curated(self) -> bool:
        return self.is_edited or self.review != self.Review.EXTRACTED


class Participation(models.Model):
    Role = _choices(
        "Role",
        results.Role,
        {
            "initiator": "المبادر",
            "host": "المضيف",
            "guest": "الضيف",
            "visitor": "الزائر",
            "participant": "مشارك",
        },
    )

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="participations", verbose_name="الحدث"
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="participations", verbose_name="الفاعل"
    )
    role = models.CharField("الدور", max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "مشاركة"
        verbose_name_plural = "المشاركات"
        constraints = [
            models.UniqueConstraint(fields=["engagement", "actor"], name="participation_unique_actor")
        ]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class Evidence(models.Model):
    """One source sentence that reports an engagement: GDELT's mention row."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="evidence", verbose_name="الحدث"
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="evidence", verbose_name="الوثيقة"
    )
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    sentence = models.TextField("الجملة")
    date_text = models.CharField("التاريخ كما ورد", max_length=200, blank=True)
    location = models.CharField("المكان كما ورد", max_length=200, blank=True)
    # the extractor's calibrated probability that this sentence reports the engagement, and its cues
    confidence = models.FloatField("ثقة المستخرِج", null=True, blank=True)
    cues = models.CharField("القرائن", max_length=400, blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "دليل"
        verbose_name_plural = "الأدلة"
        ordering = ["document_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "document", "start"], name="evidence_unique_span"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="evidence_span_not_empty"),
        ]

    def __str__(self) -> str:
        return self.sentence[:80]


class Mention(models.Model):
    """Where an actor is named in a document, for highlighting."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="mentions", verbose_name="الوثيقة"
    )
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="mentions", verbose_name="الفاعل")
    start = models.PositiveIntegerField("البداية")
    end = models.PositiveIntegerField("النهاية")
    surface = models.CharField("كما ورد", max_length=300)
    # the extractor's calibrated probability that the actor it names in this document is right
    confidence = models.FloatField("ثقة المستخرِج", null=True, blank=True)

    class Meta:
        verbose_name = "ذِكر"
        verbose_name_plural = "الإشارات"
        ordering = ["document_id", "start"]
        constraints = [
            models.UniqueConstraint(fields=["document", "start", "end"], name="mention_unique_span"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_span_not_empty"),
        ]
        indexes = [models.Index(fields=["actor", "document"], name="mention_actor_document_idx")]

    def __str__(self) -> str:
        return self.surface


class Disagreement(models.Model):
    """Sources that disagree about one event, for a curator to decide (`services.disagreement`).

    `place`: the sources of one engagement name different places. `date`: two engagements of the same
    type and participants, reported by different sources, lie within 14 days of each other (likely one
    event misdated). `participants`: two engagements of the same type and date from different sources,
    one's participants a part of the other's.
    """

    class Kind(models.TextChoices):
        PLACE = "place", "المكان"
        DATE = "date", "التاريخ"
        PARTICIPANTS = "participants", "المشاركون"

    class State(models.TextChoices):
        OPEN = "open", "بانتظار قرار"
        RESOLVED = "resolved", "حُسم"
        DISMISSED = "dismissed", "لا تعارض"

    kind = models.CharField("موضع الاختلاف", max_length=20, choices=Kind.choices)
    state = models.CharField("الحالة", max_length=10, choices=State.choices, default=State.OPEN)
    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="disagreements", verbose_name="الحدث"
    )
    other = models.ForeignKey(
        Engagement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="disagreements_as_other",
        verbose_name="الحدث الآخر",
    )
    key = models.CharField(
        "المفتاح", max_length=100, help_text="النوع والحدثان: لا يُكتشف الاختلاف نفسه مرتين."
    )
    resolution = models.CharField("القرار", max_length=300, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="قرّره"
    )
    resolved_at = models.DateTimeField("قُرّر في", null=True, blank=True)
    created_at = models.DateTimeField("اكتُشف في", auto_now_add=True)

    class Meta:
        verbose_name = "اختلاف بين المصادر"
        verbose_name_plural = "اختلافات المصادر"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["key"], name="disagreement_unique_key")]
        indexes = [
            models.Index(fields=["engagement"], condition=Q(state="open"), name="disagreement_open_idx"),
            models.Index(fields=["other"], condition=Q(state="open"), name="disagreement_open_other_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.engagement_id}" + (
            f"/#{self.other_id}" if self.other_id else ""
        )


class ImportBatch(models.Model):
    """Files a curator uploaded at once on the import page; read one by one outside the request."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="رفعها"
    )
    created_at = models.DateTimeField("رُفعت في", auto_now_add=True)
    finished_at = models.DateTimeField("انتهت في", null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        "آخر تقدّم", null=True, blank=True, help_text="يتقدّم مع كل ملف؛ دفعة توقّفت طويلًا تُستأنف."
    )

    class Meta:
        verbose_name = "دفعة استيراد"
        verbose_name_plural = "دفعات الاستيراد"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"دفعة {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("import_batch", args=[self.pk])


class ImportFile(models.Model):
    """One uploaded file and what became of it; its bytes are kept only until it is read."""

    class Outcome(models.TextChoices):
        WAITING = "waiting", "في الانتظار"
        READING = "reading", "قيد القراءة"
        STORED = "stored", "حُفظ"
        DUPLICATE = "duplicate", "مكرَّر"
        REFUSED = "refused", "مرفوض"

    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="files", verbose_name="الدفعة"
    )
    position = models.PositiveIntegerField("الترتيب")
    name = models.CharField("اسم الملف", max_length=255)
    size = models.PositiveBigIntegerField("الحجم بالبايت")
    content = models.BinaryField("المحتوى", null=True, blank=True)
    outcome = models.CharField("النتيجة", max_length=10, choices=Outcome.choices, default=Outcome.WAITING)
    reason = models.CharField("السبب", max_length=300, blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="الوثيقة"
    )

    class Meta:
        verbose_name = "ملف مستورد"
        verbose_name_plural = "الملفات المستوردة"
        ordering = ["batch_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="importfile_unique_position")
        ]

    def __str__(self) -> str:
        return self.name


# Counts kept by the database ------------------------------------------------------------------------
# Triggers (migration 0008) keep these four tables right on every insert, update and delete of
# engagements, participations, evidence, mentions and documents, however the write is made (services,
# admin, bulk_create, COPY with the triggers on, raw SQL). They let the timeline, the actor profile and
# search count, chart and page without reading every engagement: their reads cost the same at 10,000
# and at 1,000,000 engagements. `analysis_counts_rebuild()` recomputes them from scratch (after a bulk
# load with the triggers off; tests compare it with what the triggers kept). Rows counted down to zero
# stay, and reads skip them. No foreign keys in the database: the triggers own these rows.


class EngagementTally(models.Model):
    """How many engagements (not rejected) there are per actor (0: every engagement), type, month of
    their start and month of their end, dated to a year only or not."""

    ALL_ACTORS = 0

    actor_id = models.IntegerField()
    type = models.CharField(max_length=20)
    start_month = models.DateField(null=True)
    end_month = models.DateField(null=True)
    year_only = models.BooleanField()
    count = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["actor_id", "start_month", "end_month", "type", "year_only"],
                nulls_distinct=False,
                name="engagementtally_unique_key",
            )
        ]
        indexes = [
            # An actor's total (search's `engagement_count`) read from the index alone: from the table it
            # read one page per row, ~40 a busy actor, ~1 ms each of 443 actors for `عراق` at 1,000,000.
            models.Index(fields=["actor_id"], include=["count"], name="engagementtally_actor_count")
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.type} {self.start_month}–{self.end_month}: {self.count}"


class ActorEngagement(models.Model):
    """An actor's engagement (not rejected) with its place in the timeline's order, so one actor's
    timeline is read newest first from an index and stops at a page."""

    actor = models.ForeignKey(
        Actor, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    engagement = models.ForeignKey(
        Engagement, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    sort_date = models.DateField()  # date_start, or UNDATED

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["actor", "engagement"], name="actorengagement_unique_pair")
        ]
        indexes = [
            models.Index(
                F("actor"), F("sort_date").desc(), F("engagement").desc(), name="actorengagement_order_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.engagement_id} {self.sort_date}"


class ActorCounterpart(models.Model):
    """How many engagements (not rejected) two actors share; one row each way."""

    actor = models.ForeignKey(
        Actor, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    other = models.ForeignKey(
        Actor, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    count = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["actor", "other"], name="actorcounterpart_unique_pair")
        ]
        indexes = [
            models.Index(
                F("actor"),
                F("count").desc(),
                F("other"),
                condition=Q(count__gt=0),
                name="actorcounterpart_top_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.other_id}: {self.count}"


class ActorDocument(models.Model):
    """A document that mentions an actor (`mentions`) or reports one of its engagements (`reports`:
    evidence rows of its engagements, rejected ones too), in the documents' order."""

    actor = models.ForeignKey(
        Actor, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    document = models.ForeignKey(Document, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    published_sort = models.DateField()  # published_on, or UNDATED
    mentions = models.IntegerField(default=0)
    reports = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["actor", "document"], name="actordocument_unique_pair")
        ]
        indexes = [
            models.Index(
                F("actor"),
                F("published_sort").desc(),
                F("document").desc(),
                condition=Q(mentions__gt=0) | Q(reports__gt=0),
                name="actordocument_order_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.document_id}: {self.mentions}/{self.reports}"
