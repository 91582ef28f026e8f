"""Word files (.docx) to article text with python-docx (MIT): paragraphs and table cells in document
order, one a line; the document's title from its properties. A file that is not a Word package is
refused with the reason."""

from __future__ import annotations

import io
import zipfile

from analysis.extraction.read import ArticleFile, DocumentError
from analysis.extraction.results import DocumentMetadata

__all__ = ["docx_read"]


def docx_read(*, data: bytes) -> ArticleFile:
    """The text of a .docx file, one paragraph a line. Raises DocumentError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError):
        raise DocumentError("corrupt Word document: not a readable .docx package") from None
    except (KeyError, ValueError) as error:
        raise DocumentError(f"corrupt Word document ({type(error).__name__})") from None
    except Exception as error:  # lxml and zipfile raise many kinds on damaged packages
        raise DocumentError(f"corrupt Word document ({type(error).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and text not in cells:  # a merged cell repeats in each column it spans
                        cells.append(text)
                lines.extend(cells)
        else:
            text = block.text.strip()
            if text:
                lines.append(text)
    title = (document.core_properties.title or "").strip() or None
    return ArticleFile(text="\n".join(lines), format="docx", metadata=DocumentMetadata(title=title))
