"""The worksheets: their list, and each one as DOCX, ODT or PDF in the reader's language."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from citypeers.methodology.selectors.worksheets import worksheet_get, worksheets_with_formats
from citypeers.methodology.texts.worksheets import FILE_TYPES


def worksheet_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "methodology/worksheet_list.html", {"worksheets": worksheets_with_formats()}
    )


def worksheet_download(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    try:
        sheet = worksheet_get(slug)
        file_type = FILE_TYPES[extension]
    except LookupError:
        raise Http404 from None
    content = file_type.build(sheet, request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(content, content_type=file_type.content_type)
    # PDFs open in the browser like the guide's; the editable files are saved to fill in.
    disposition = "inline" if extension == "pdf" else "attachment"
    filename = f"citypeers-{sheet.slug}-{sheet.language}.{extension}"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
