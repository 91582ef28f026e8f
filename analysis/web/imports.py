"""The import page: a curator uploads article files; each file's outcome is listed as it is read.

The upload returns at once; the batch's status is a partial the page polls (`hx-trigger="every 1s"`)
until every file is read. Reading happens outside the request (`services.imports`).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from analysis import selectors
from analysis.extraction.read import ARTICLE_SUFFIXES, MAX_FILE_BYTES
from analysis.models import ImportBatch, ImportFile
from analysis.services.imports import MEGABYTE, import_batch_create, import_batch_resume_if_stalled
from analysis.web.views import HtmxHttpRequest, _is_fragment

IMPORT_PERMISSION = "analysis.add_importbatch"
RECENT_BATCHES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name (Django's documented pattern)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(sorted(ARTICLE_SUFFIXES))}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        if (
            not data and self.required
        ):  # no file chosen comes as an empty list, which the pattern lets through
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label="ملفات المقالات",
        help_text=f"ملف أو أكثر ({'، '.join(sorted(ARTICLE_SUFFIXES))})، حتى {MAX_FILE_BYTES // MEGABYTE} م.ب للملف.",
        error_messages={"required": "اختر ملفًّا واحدًا على الأقل.", "empty": "الملف فارغ."},
    )


def _require_importer(request: HtmxHttpRequest) -> None:
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied("الاستيراد للمنقِّحين وحدهم.")


def _recent() -> list[ImportBatch]:
    return list(selectors.import_batches_recent(limit=RECENT_BATCHES))


def _batch_context(batch: ImportBatch) -> dict:
    files = list(selectors.import_batch_files(batch=batch))
    counts = {outcome: 0 for outcome in ImportFile.Outcome.values}
    for upload in files:
        counts[upload.outcome] += 1
    pending = counts[ImportFile.Outcome.WAITING] + counts[ImportFile.Outcome.READING]
    return {
        "batch": batch,
        "batch_files": files,
        "counts": counts,
        "done": len(files) - pending,
        "running": pending > 0,
    }


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def import_page(request: HtmxHttpRequest) -> HttpResponse:
    """The upload form and the latest batches; a POST stores the upload and shows its batch."""
    _require_importer(request)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if request.method == "POST" and form.is_valid():
        batch = import_batch_create(files=form.cleaned_data["files"], user=request.user)
        if not _is_fragment(request):
            return redirect(batch.get_absolute_url())
        context = {**_batch_context(batch), "batches": _recent(), "oob": True}
        status = render_to_string("analysis/import.html#batch-status", context, request)
        recent = render_to_string("analysis/import.html#recent-batches", context, request)  # out of band
        return push_url(HttpResponse(status + recent), batch.get_absolute_url())
    context = {"form": form, "nav": "import", "batches": _recent()}
    return render(request, "analysis/import.html", context, status=400 if form.errors else 200)


@require_GET
@vary_on_headers("HX-Request")
def import_batch(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One batch: each file's outcome; polled by the page while files are being read."""
    _require_importer(request)
    batch = ImportBatch.objects.filter(pk=pk).first()
    if batch is None:
        raise Http404("لا توجد دفعة استيراد بهذا الرقم.")
    import_batch_resume_if_stalled(batch=batch)
    if _is_fragment(request):
        return render(request, "analysis/import.html#batch-status", _batch_context(batch))
    context = {**_batch_context(batch), "nav": "import", "form": ImportForm(), "batches": _recent()}
    return render(request, "analysis/import.html", context)
