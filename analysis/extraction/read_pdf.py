"""PDF files to article text with pdfminer.six (MIT): paragraphs in reading order, right-to-left lines
in logical order.

A PDF stores glyphs where they are drawn: an Arabic line comes out left to right, each word
backwards, with its numbers and Latin words forwards inside it. `visual_to_logical` undoes that with
the Unicode bidirectional algorithm's reordering (an Arabic line is a right-to-left paragraph; runs of
Latin letters and numbers keep their order; brackets drawn mirrored are turned back), per glyph, so
that a ligature's letters stay as the font maps them. Presentation forms (ﻃﻬﺮان) become letters
(طهران). The lines of a paragraph are joined with a space; a paragraph cut by a page break is joined
again when its page ends mid-sentence. A PDF with no text layer (a scan) or one that needs a
password is refused with the reason.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

from analysis.extraction.read import DocumentError

__all__ = ["pdf_text", "visual_to_logical"]

_SENTENCE_END = tuple('.!?؟:"”»)')
_MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _bidi_class(text: str) -> str:
    """The direction of one glyph: R (Arabic, Hebrew), L (Latin ...), EN (a digit 0-9), AN (an
    Arabic-Indic digit), NSM (a combining mark), ES/CS/ET (signs in and around numbers), or ""."""
    kinds = [unicodedata.bidirectional(ch) for ch in text]
    for kind in kinds:
        if kind in ("R", "AL"):
            return "R"
        if kind in ("L", "EN", "AN"):
            return kind
    if kinds and kinds[0] in ("NSM", "ES", "CS", "ET"):
        return kinds[0]
    return ""


def _nearest_strong(classes: list[str], i: int, step: int) -> str:
    """The first R or L from glyph `i` on, going left (-1) or right (+1); "" at the line's end."""
    i += step
    while 0 <= i < len(classes):
        if classes[i] in ("R", "L"):
            return classes[i]
        i += step
    return ""


def visual_to_logical(glyphs: list[str], *, rtl: bool | None = None) -> str:
    """A line's glyphs, given left to right as drawn, in the order they are read.

    A line is right-to-left when it has a right-to-left letter (or when `rtl` says so: a line of
    Latin letters and signs set flush right in an Arabic document); otherwise it is left as drawn.
    A right-to-left line is a paragraph of level 1 and gets the levels of the Unicode bidirectional
    algorithm, read from the drawn order: Latin letters and numbers are level 2; a number drawn
    after Latin letters is Latin (W7: `F-16`, `file_9.jpg`; so `17 August 2023`, drawn `August 2023
    17`, reads `August 2023 17`), one drawn beside Arabic is an Arabic
    number (W2), whose `-` and `%` stay outside it (`05-12-2013`, `60%`) while `4,2` and `12:26`
    hold together (W4, W5); a neutral between two Latin runs is level 2, any other level 1.
    Reversing the level-2 runs and then the whole line gives the logical order (the reordering is
    its own inverse); a mirrored glyph at level 1 is turned back.
    """
    classes = [_bidi_class(g) for g in glyphs]
    if not (rtl or (rtl is None and "R" in classes)):
        return "".join(glyphs)
    n = len(classes)
    for i, kind in enumerate(classes):  # a combining mark goes with its base letter
        if kind == "NSM":
            classes[i] = classes[i - 1] if i else "R"
    for i, kind in enumerate(classes):  # W7, W2: which kind of number each digit is
        if kind in ("EN", "AN"):
            after = _nearest_strong(classes, i, +1)  # what is read before it, in a right-to-left line
            if _nearest_strong(classes, i, -1) == "L":
                classes[i] = "L"
            elif kind == "EN" and after == "R":
                classes[i] = "AN"
    for i, kind in enumerate(classes):  # W4: a separator between two numbers of one kind
        if kind in ("CS", "ES") and 0 < i < n - 1 and classes[i - 1] == classes[i + 1]:
            if classes[i - 1] == "EN" or (kind == "CS" and classes[i - 1] == "AN"):
                classes[i] = classes[i - 1]
    for i, kind in enumerate(classes):  # W5: a sign beside a European number
        if kind == "ET" and ((i and classes[i - 1] == "EN") or (i < n - 1 and classes[i + 1] == "EN")):
            classes[i] = "EN"
    strong_or_number = ("R", "L", "EN", "AN")
    levels = [0] * n
    i = 0
    while i < n:
        kind = classes[i]
        if kind == "R":
            levels[i] = 1
        elif kind in ("L", "EN", "AN"):
            levels[i] = 2
        else:  # a run of neutrals: level 2 only between two Latin runs (N1, numbers count as R)
            j = i
            while j < n and classes[j] not in strong_or_number:
                j += 1
            before = classes[i - 1] if i else "R"
            after = classes[j] if j < n else "R"
            level = 2 if before == after == "L" else 1
            for k in range(i, j):
                levels[k] = level
            i = j
            continue
        i += 1
    order = list(range(n))
    i = 0
    while i < n:  # L2: reverse each level-2 run, then the whole line
        if levels[i] >= 2:
            j = i
            while j < n and levels[j] >= 2:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
        else:
            i += 1
    order.reverse()
    out = []
    for k in order:
        glyph = glyphs[k]
        out.append(glyph.translate(_MIRRORED) if levels[k] == 1 else glyph)
    return "".join(out)


def _letters(text: str) -> str:
    """Arabic presentation forms (the shaped glyphs a PDF may map to) as the letters they show."""
    if not any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text):
        return text
    return "".join(
        unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe" else ch
        for ch in text
    )


@dataclass(slots=True)
class _Glyph:
    x0: float
    x1: float
    text: str
    size: float
    y0: float = 0.0


@dataclass(slots=True)
class _Line:
    top: float
    bottom: float
    glyphs: list[_Glyph]


def _is_mark(glyph: _Glyph) -> bool:
    return _bidi_class(glyph.text) == "NSM"  # (not any glyph of no width: a ligature's alef is one)


def _clusters(glyphs: list[_Glyph]) -> list[_Glyph]:
    """Glyphs as drawn, each combining mark joined to the letter it sits on,
    the one of its neighbours in drawing order whose box holds it (else the next), so that
    reordering moves the two together."""
    bases = [i for i, glyph in enumerate(glyphs) if not _is_mark(glyph)]
    if not bases:
        return []
    clusters = {
        i: _Glyph(glyphs[i].x0, glyphs[i].x1, glyphs[i].text, glyphs[i].size, glyphs[i].y0) for i in bases
    }
    for i, glyph in enumerate(glyphs):
        if i in clusters:
            continue
        before = max((b for b in bases if b < i), default=None)
        after = min((b for b in bases if b > i), default=None)
        holds = [
            b
            for b in (after, before)
            if b is not None and glyphs[b].x0 - 0.5 <= glyph.x0 <= glyphs[b].x1 + 0.5
        ]
        base = holds[0] if holds else (after if after is not None else before)
        clusters[base].text += glyph.text
    return [clusters[i] for i in bases]


def _line_text(glyphs: list[_Glyph], *, rtl: bool | None = None) -> str:
    """One line's text in reading order: glyphs left to right, a space where a gap shows one."""
    glyphs = _clusters(glyphs)
    # Left edge first; at one left edge the narrower glyph (a ligature's alef drawn with no
    # width before its lam) first; the sort is stable, so glyphs drawn at one spot keep their order.
    glyphs.sort(key=lambda g: (g.x0, g.x1))
    drawn: list[str] = []
    reach: float | None = None  # the right edge of what is drawn so far
    spaced = True
    for glyph in glyphs:
        space = glyph.text.isspace()
        if reach is not None and not space and not spaced:
            if glyph.x0 - reach > 0.2 * max(glyph.size, 1.0):
                drawn.append(" ")
        drawn.append(glyph.text)
        reach = glyph.x1 if reach is None else max(reach, glyph.x1)
        spaced = space
    return " ".join(visual_to_logical(drawn, rtl=rtl).split())


def _page_lines(page) -> tuple[list[_Line], int]:
    """The page's text lines top to bottom (pieces of one line joined), and how many images it has."""
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextBox, LTTextLine

    pieces: list[_Line] = []
    images = 0
    for item in page:
        if isinstance(item, LTImage | LTFigure):
            images += 1
        if not isinstance(item, LTTextBox):
            continue
        for line in item:
            if isinstance(line, LTTextLine):
                glyphs = [
                    _Glyph(c.x0, c.x1, _letters(c.get_text()), c.size, c.y0)
                    for c in line
                    if isinstance(c, LTChar)
                    and not c.get_text().startswith("(cid:")
                    and c.get_text() != "\x00"
                ]
                if glyphs:
                    pieces.append(_Line(line.y1, line.y0, glyphs))
    pieces.sort(key=lambda line: -line.top)
    lines: list[_Line] = []
    for piece in pieces:
        last = lines[-1] if lines else None
        middle = (piece.top + piece.bottom) / 2
        if last is not None and last.bottom <= middle <= last.top:
            last.glyphs.extend(piece.glyphs)
            last.bottom = min(last.bottom, piece.bottom)
        else:
            lines.append(piece)
    return lines, images


def _baseline(line: _Line) -> float:
    bottoms = sorted(g.y0 for g in line.glyphs if g.x1 - g.x0 >= 0.01) or [line.bottom]
    return bottoms[len(bottoms) // 2]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines joined into paragraphs: a new one where the step from one baseline to the next is
    wider than the page's line pitch by almost half a letter (the space a paragraph leaves)."""
    if not lines:
        return []
    sizes = sorted(g.size for line in lines for g in line.glyphs)
    size = sizes[len(sizes) // 2]
    baselines = [_baseline(line) for line in lines]
    pitches = [a - b for a, b in zip(baselines, baselines[1:], strict=False)]
    pitch = min([p for p in pitches if p > 0.5 * size] + [1.9 * size])
    left = min(g.x0 for line in lines for g in line.glyphs)
    right = max(g.x1 for line in lines for g in line.glyphs)
    paragraphs: list[list[str]] = []
    for i, line in enumerate(lines):
        start, end = min(g.x0 for g in line.glyphs), max(g.x1 for g in line.glyphs)
        flush_right = right - end < start - left - size  # how a right-to-left paragraph sets a short line
        text = _line_text(line.glyphs, rtl=True if flush_right else None)
        if not text:
            continue
        if not paragraphs or i == 0 or baselines[i - 1] - baselines[i] > pitch + 0.4 * size:
            paragraphs.append([text])
        elif paragraphs[-1][-1].endswith("/"):  # a line broken after a slash (`الاول/` `اكتوبر`)
            paragraphs[-1][-1] += text
        else:
            paragraphs[-1].append(text)
    return [" ".join(p) for p in paragraphs]


def pdf_text(*, data: bytes) -> str:
    """The text of a PDF, one paragraph a line. Raises DocumentError."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    paragraphs: list[str] = []
    pages = images = 0
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            pages += 1
            lines, page_images = _page_lines(page)
            images += page_images
            for i, text in enumerate(_paragraphs(lines)):
                if i == 0 and paragraphs and not paragraphs[-1].endswith(_SENTENCE_END):
                    paragraphs[-1] += " " + text  # a paragraph the page break cut
                else:
                    paragraphs.append(text)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentError("password-protected PDF: save an unprotected copy to read it") from None
    except (PDFSyntaxError, PSException) as error:
        raise DocumentError(f"corrupt PDF ({type(error).__name__})") from None
    except Exception as error:  # pdfminer raises many kinds on damaged files
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise DocumentError("password-protected PDF: save an unprotected copy to read it") from None
        raise DocumentError(f"corrupt PDF ({type(error).__name__}: {str(error)[:80]})") from None
    text = "\n".join(paragraphs).strip()
    if not text:
        if images:
            raise DocumentError(
                f"scanned PDF: {pages} page(s) of images with no text layer; run OCR on it first"
            )
        raise DocumentError("PDF with no text")
    return text
