"""A worksheet as a document to fill in: DOCX (python-docx), ODT (odfpy) and PDF (WeasyPrint).

The three are built from the same `Worksheet`: its title as the heading, its purpose, then each
part as a heading with its help line and either a bordered box with room to write or a table
with its column headings and empty rows. Titles and headings are real headings and the
document carries its language, so screen readers and word processors read them as such.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from odf.dc import Language, Title
from odf.opendocument import OpenDocumentText
from odf.style import (
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, P

from citypeers.methodology.selectors.worksheets import MOST_LINES, Worksheet, worksheets_stamp

LINE_CM = 0.8  # height of one line to write on
LINE_COUNTS = range(1, MOST_LINES + 1)  # a style for each height a box may have
CACHE_SECONDS = 60 * 60 * 24 * 30
COUNTRIES = {"en": "GB", "fr": "FR"}  # the language's region, for spelling in word processors


def worksheet_docx(sheet: Worksheet) -> bytes:
    document = Document()
    document.core_properties.title = sheet.title
    document.core_properties.language = sheet.language
    _docx_language(document, sheet.language)
    document.add_heading(sheet.title, level=1)
    document.add_paragraph(sheet.purpose)
    for part in sheet.parts:
        document.add_heading(part.label, level=2)
        if part.help:
            document.add_paragraph().add_run(part.help).italic = True
        if part.is_table:
            table = document.add_table(rows=1 + part.rows, cols=len(part.columns))
            table.style = "Table Grid"
            header = table.rows[0]
            _docx_repeat_header(header)
            for cell, column in zip(header.cells, part.columns, strict=True):
                cell.paragraphs[0].add_run(column).bold = True
            for row in table.rows[1:]:
                row.height = Cm(LINE_CM * part.lines)
        else:
            box = document.add_table(rows=1, cols=1)
            box.style = "Table Grid"
            box.rows[0].height = Cm(LINE_CM * part.lines)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _docx_language(document, language: str) -> None:
    """Sets the language of the default text style (spelling, reading aloud)."""
    properties = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), f"{language}-{COUNTRIES.get(language, language.upper())}")
    properties.append(lang)


def _docx_repeat_header(row) -> None:
    """The header row repeats on every page and is read as the table's header."""
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def worksheet_odt(sheet: Worksheet) -> bytes:
    document = OpenDocumentText()
    styles = _odt_styles(document, sheet.language)
    document.meta.addElement(Title(text=sheet.title))
    document.meta.addElement(Language(text=sheet.language))
    document.text.addElement(H(outlinelevel=1, stylename=styles["h1"], text=sheet.title))
    document.text.addElement(P(stylename=styles["body"], text=sheet.purpose))
    for number, part in enumerate(sheet.parts):
        document.text.addElement(H(outlinelevel=2, stylename=styles["h2"], text=part.label))
        if part.help:
            document.text.addElement(P(stylename=styles["help"], text=part.help))
        if part.is_table:
            table = Table(name=f"part{number}", stylename=styles["table"])
            table.addElement(TableColumn(numbercolumnsrepeated=len(part.columns)))
            header_rows = TableHeaderRows()
            header = TableRow()
            for column in part.columns:
                cell = TableCell(stylename=styles["cell"], valuetype="string")
                cell.addElement(P(stylename=styles["column"], text=column))
                header.addElement(cell)
            header_rows.addElement(header)
            table.addElement(header_rows)
            for _row in range(part.rows):
                row_style = styles[f"lines{part.lines}"]
                table.addElement(_odt_empty_row(styles, len(part.columns), row_style))
        else:
            table = Table(name=f"part{number}", stylename=styles["table"])
            table.addElement(TableColumn())
            table.addElement(_odt_empty_row(styles, 1, styles[f"lines{part.lines}"]))
        document.text.addElement(table)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def _odt_empty_row(styles: dict, columns: int, row_style) -> TableRow:
    row = TableRow(stylename=row_style)
    for _column in range(columns):
        cell = TableCell(stylename=styles["cell"], valuetype="string")
        cell.addElement(P(stylename=styles["body"]))
        row.addElement(cell)
    return row


def _odt_styles(document: OpenDocumentText, language: str) -> dict:
    """Named like LibreOffice's own styles (style names may not hold spaces)."""

    def add(style: Style, *properties, automatic: bool = False) -> Style:
        for item in properties:
            style.addElement(item)
        (document.automaticstyles if automatic else document.styles).addElement(style)
        return style

    country = COUNTRIES.get(language, "none")
    text = {"language": language, "country": country, "fontfamily": "Liberation Sans"}
    styles = {
        "body": add(
            Style(name="Text_20_body", displayname="Text body", family="paragraph"),
            TextProperties(fontsize="10.5pt", **text),
            ParagraphProperties(marginbottom="0.2cm"),
        ),
        "help": add(
            Style(name="Help", family="paragraph"),
            TextProperties(fontsize="9.5pt", fontstyle="italic", **text),
        ),
        "h1": add(
            Style(name="Heading_20_1", displayname="Heading 1", family="paragraph"),
            TextProperties(fontsize="18pt", fontweight="bold", **text),
            ParagraphProperties(marginbottom="0.3cm"),
        ),
        "h2": add(
            Style(name="Heading_20_2", displayname="Heading 2", family="paragraph"),
            TextProperties(fontsize="12pt", fontweight="bold", **text),
            ParagraphProperties(margintop="0.4cm", marginbottom="0.1cm", keepwithnext="always"),
        ),
        "column": add(
            Style(name="Table_20_Heading", displayname="Table Heading", family="paragraph"),
            TextProperties(fontsize="10pt", fontweight="bold", **text),
        ),
        "table": add(
            Style(name="WritingTable", family="table"),
            TableProperties(width="17cm", align="left"),
            automatic=True,
        ),
        "cell": add(
            Style(name="WritingCell", family="table-cell"),
            TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"),
            automatic=True,
        ),
    }
    for lines in LINE_COUNTS:
        styles[f"lines{lines}"] = add(
            Style(name=f"Lines{lines}", family="table-row"),
            TableRowProperties(minrowheight=f"{LINE_CM * lines:.2f}cm"),
            automatic=True,
        )
    return styles


def worksheet_pdf(sheet: Worksheet, base_url: str) -> bytes:
    """Cached per worksheet and language until the worksheet files change."""
    key = f"methodology-worksheet:{sheet.slug}:{sheet.language}:{worksheets_stamp()}"
    if (pdf := cache.get(key)) is not None:
        return pdf
    from weasyprint import HTML  # heavy import, only when a PDF is really made

    html = render_to_string(
        "methodology/worksheet_pdf.html",
        {
            "sheet": sheet,
            "line_height": f"{LINE_CM}cm",
            "heights": [(lines, f"{LINE_CM * lines:.2f}cm") for lines in LINE_COUNTS],
        },
    )
    pdf = HTML(string=html, base_url=base_url).write_pdf()
    cache.set(key, pdf, CACHE_SECONDS)
    return pdf


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    build: Callable[[Worksheet, str], bytes]


FILE_TYPES = {
    "docx": FileType(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda sheet, _base_url: worksheet_docx(sheet),
    ),
    "odt": FileType(
        "odt",
        "application/vnd.oasis.opendocument.text",
        lambda sheet, _base_url: worksheet_odt(sheet),
    ),
    "pdf": FileType("pdf", "application/pdf", worksheet_pdf),
}
