"""What the ingestion tests share: people as the scripted extraction names them, and writing and
ingesting an article file."""

from __future__ import annotations

from pathlib import Path

from analysis.models import Actor, Alias, Document, Engagement, Evidence, Mention, Participation
from analysis.services.ingestion import document_ingest
from tests.factories import scripted_extract

FAYYAD = ("فالح الفياض", "person", ["الفياض", "السيد الفياض"], "رئيس هيئة الحشد الشعبي")
KUTRASHEV = ("ألبروس كوتراشيف", "person", ["كوتراشيف"], "السفير الروسي في العراق")
KUTRASHEV_VARIANT = ("إلبروس كوتراشيف", "person", [], "السفير الروسي")
MEETING_DAY = ("meeting", "2024-02-01", ["فالح الفياض", "ألبروس كوتراشيف"], "بغداد")
ARABIC = "استقبل رئيس هيئة الحشد الشعبي فالح الفياض السفير الروسي في بغداد.\nوناقش الجانبان التعاون."


def ingest(path: Path, *, version: str = "v1", reextract: bool = False):
    return document_ingest(
        path=path, extractor=scripted_extract, extractor_version=version, reextract=reextract
    )


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def snapshot() -> dict:
    return {
        model.__name__: sorted(
            model.objects.values_list("id", "updated_at")
            if hasattr(model, "updated_at")
            else model.objects.values_list("id", flat=True)
        )
        for model in (Document, Actor, Alias, Engagement, Participation, Evidence, Mention)
    }
