"""The timeline's filter form: a plain GET form whose cleaned data becomes `TimelineFilters`."""

from __future__ import annotations

import html
from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeData, SafeString, mark_safe

from analysis import selectors
from analysis.arabic import DateValue, NotAPartialDate, parse_partial_date
from analysis.kept import Kept
from analysis.models import Actor, Engagement

DOCUMENT_CHOICES = 200  # the newest documents offered in the source filter (plus a chosen older one)

# Query parameters that describe the whole view (filters and open panes); `page` and `after` are not.
STATE_PARAMS = (
    "actor",
    "date_from",
    "date_to",
    "type",
    "source",
    "status",
    "review",
    "disagree",
    "confidence",
    "engagement",
    "profile",
)


# The forms a date may take, as the filter's hint and its error message show them.
DATE_EXAMPLES = ("2024", "2024-02", "2024-02-01")
DATE_HINT = format_html(
    "سنة أو شهر أو يوم: {}",
    format_html_join(" أو ", '<span dir="ltr">{}</span>', ((e,) for e in DATE_EXAMPLES)),
)


def partial_date_clean(text: str) -> DateValue:
    """`analysis.arabic.parse_partial_date` for a form: what went wrong as a ValidationError."""
    try:
        return parse_partial_date(text)
    except NotAPartialDate as error:
        examples = " أو ".join(f"\u2066{example}\u2069" for example in DATE_EXAMPLES)
        raise forms.ValidationError(f"اكتب السنة أو الشهر أو اليوم هكذا: {examples}.") from error
    except ValueError as error:
        raise forms.ValidationError("هذا التاريخ غير موجود في التقويم.") from error


class PartialDateField(forms.CharField):
    def __init__(self, *, bound: str, **kwargs):
        self.bound = bound
        super().__init__(required=False, max_length=10, **kwargs)

    def clean(self, value: str) -> date | None:
        value = super().clean(value)
        if not value:
            return None
        partial = partial_date_clean(value)
        return partial.start if self.bound == "start" else partial.end


def _escape(value) -> str:
    """`value` as the template engine prints it: escaped unless already safe."""
    return value if isinstance(value, SafeData) else html.escape(str(value))


_OPTIONS_KEPT = 16  # option lists kept written out: the fixed selects and the source filter's few versions
_options_written: Kept[str] = Kept(_OPTIONS_KEPT)


def _options_html(choices) -> str:
    """The <option>s (and <optgroup>s) of `choices`, none selected, written once per list of choices: the
    source filter's ~230 options, escaped on every request, were a quarter of the timeline template's
    time (issue 15's ratio of the page to its SQL)."""
    key = tuple(
        (value, tuple(label) if isinstance(label, list | tuple) else label) for value, label in choices
    )

    def write() -> str:
        lines = []
        for option_value, label in choices:
            if isinstance(label, list | tuple):
                lines.append(f'<optgroup label="{_escape(option_value)}">')
                lines += [f'<option value="{_escape(v)}">{_escape(sub)}</option>' for v, sub in label]
                lines.append("</optgroup>")
            else:
                lines.append(f'<option value="{_escape(option_value)}">{_escape(label)}</option>')
        return "\n".join(lines)

    return _options_written.get(key, write)


class QuickSelect(forms.Select):
    """A <select> written in Python, with the markup of `forms.Select`: Django renders a template for each
    option, and the source filter's ~230 options took as long as the timeline's SQL (~20 ms -> ~2 ms).
    The options are written once per list of choices; the chosen one (the first option whose value was
    chosen, as `forms.Select` marks it) gets `selected` on each render."""

    def render(self, name: str, value, attrs: dict | None = None, renderer=None) -> SafeString:
        options = _options_html(self.choices)
        marks = [
            f'<option value="{_escape(item)}">' for item in {str(item) for item in self.format_value(value)}
        ]
        found = [(at, mark) for mark in marks if (at := options.find(mark)) >= 0]
        if found:
            at, mark = min(found)
            at += len(mark) - 1
            options = f"{options[:at]} selected{options[at:]}"
        attributes = "".join(
            f" {key}" if item is True else f' {key}="{_escape(item)}"'
            for key, item in self.build_attrs(self.attrs, attrs).items()
            if item is not False
        )
        return mark_safe(f'<select name="{_escape(name)}"{attributes}>\n' + options + "\n</select>")  # noqa: S308

    def __deepcopy__(self, memo: dict) -> QuickSelect:
        """A copy for one form that shares the choices: `forms.Select` copies and normalizes them again."""
        return forms.Widget.__deepcopy__(self, memo)


class FixedChoiceField(forms.ChoiceField):
    """A choice field whose choices every form shares instead of deep-copying them, as `forms.Form` does
    with its fields for each form: with their widgets' copies, ~0.3 of the ~0.6 ms it took to build the
    timeline's filter form, a tenth of the page's own work (issue 15's ratio of the page to its SQL).
    Choices are never changed in place: a form that wants others assigns them (`TimelineFilterForm`'s
    source)."""

    def __deepcopy__(self, memo: dict) -> FixedChoiceField:
        return forms.Field.__deepcopy__(self, memo)


class ActorsField(forms.ModelMultipleChoiceField):
    """Actors chosen by slug, as `ModelMultipleChoiceField` checks them, read with one compiled query
    (`selectors.actors_by_slug`) into a list: building and checking a queryset took ~1 ms, and testing the
    empty choice's queryset for truth ~0.3 ms, of a 6-8 ms timeline page."""

    def clean(self, value) -> list[Actor]:
        value = self.prepare_value(value)
        if not value:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if not isinstance(value, list | tuple):
            raise forms.ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        try:
            slugs = frozenset(value)
        except TypeError as error:
            raise forms.ValidationError(self.error_messages["invalid_list"], code="invalid_list") from error
        for slug in slugs:
            self.validate_no_null_characters(slug)
        actors = selectors.actors_by_slug(slugs=[str(slug) for slug in slugs])
        found = {actor.slug for actor in actors}
        for slug in slugs:
            if str(slug) not in found:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": slug}
                )
        self.run_validators(value)
        return actors


class TimelineFilterForm(forms.Form):
    actor = ActorsField(queryset=Actor.objects.all(), to_field_name="slug", required=False, label="الفاعلون")
    actor_q = forms.CharField(required=False, max_length=100, label="ابحث عن فاعل")
    date_from = PartialDateField(bound="start", label="من تاريخ", help_text=DATE_HINT)
    date_to = PartialDateField(bound="end", label="إلى تاريخ", help_text=DATE_HINT)
    type = FixedChoiceField(
        choices=[("", "كل الأنواع"), *Engagement.Type.choices],
        required=False,
        label="النوع",
        widget=QuickSelect,
    )
    source = FixedChoiceField(choices=(), required=False, label="المصدر", widget=QuickSelect)
    status = FixedChoiceField(
        choices=[("", "الكل"), *Engagement.Status.choices], required=False, label="الحالة", widget=QuickSelect
    )
    review = FixedChoiceField(
        choices=[("", "دون المرفوض"), *Engagement.Review.choices],
        required=False,
        label="المراجعة",
        widget=QuickSelect,
    )
    disagree = forms.BooleanField(required=False, label="المصادر تختلف")
    confidence = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=100,
        label="الثقة لا تقل عن (٪)",
        help_text="يخفي الأحداث التي لم تُحسب ثقتها.",
    )
    engagement = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    profile = forms.CharField(required=False, max_length=320, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, min_value=1)
    after = forms.IntegerField(required=False, min_value=1)  # the engagement the previous page ended with

    def __init__(self, data: QueryDict, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # Read when the source is validated or the form rendered: the timeline's filter form is rendered once
        # per data version and values (`views._filter_form_html`), and most requests choose no source.
        self.fields["source"].choices = self._source_choices
        self._source_choices_read: list | None = None

    def _source_choices(self) -> list:
        if self._source_choices_read is None:
            outlets = selectors.outlet_choices()
            documents = list(selectors.document_choices_recent(limit=DOCUMENT_CHOICES))
            chosen = str(self.data.get("source", "")).removeprefix("document:")
            if chosen.isdigit() and all(pk != int(chosen) for pk, _, _ in documents):
                documents += list(selectors.document_choices().filter(pk=int(chosen)))
            self._source_choices_read = [
                ("", "كل المصادر"),
                ("الوسائل", [(f"outlet:{outlet}", outlet) for outlet in outlets]),
                ("الوثائق", [(f"document:{pk}", (title or path)[:80]) for pk, title, path in documents]),
            ]
        return self._source_choices_read

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "تاريخ النهاية قبل تاريخ البداية.")
        return data

    def timeline_filters(self) -> selectors.TimelineFilters:
        """The valid part of the form as selector input; an invalid field filters nothing."""
        if not hasattr(self, "cleaned_data"):
            return self._filters_of({})
        if getattr(self, "_filters", None) is None:  # asked for ~4 times a page, once validated
            self._filters = self._filters_of(self.cleaned_data)
        return self._filters

    @staticmethod
    def _filters_of(data: dict) -> selectors.TimelineFilters:
        source = data.get("source") or ""
        kind, _, value = source.partition(":")
        return selectors.TimelineFilters(
            actors=tuple(data.get("actor") or ()),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            types=(data["type"],) if data.get("type") else (),
            outlet=value if kind == "outlet" else "",
            document_id=int(value) if kind == "document" and value.isdigit() else None,
            status=data.get("status") or "",
            review=data.get("review") or "",
            disagree=bool(data.get("disagree")),
            min_confidence=data["confidence"] / 100 if data.get("confidence") is not None else None,
        )

    @property
    def is_filtered(self) -> bool:
        filters = self.timeline_filters()
        return any(
            [
                filters.actors,
                filters.date_from,
                filters.date_to,
                filters.types,
                filters.outlet,
                filters.document_id,
                filters.status,
                filters.review,
                filters.disagree,
                filters.min_confidence is not None,
            ]
        )
