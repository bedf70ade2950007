"""The guide's pages: the method in short (phases, roles, templates) and the guide as a PDF."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from citypeers.methodology.enums import PHASES, ROLES
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.selectors.templates import templates_with_current_versions
from citypeers.methodology.selectors.worksheets import worksheets_with_formats
from citypeers.methodology.texts.pdf import guide_pdf as methodology_pdf


def guide(request: HttpRequest) -> HttpResponse:
    context = {
        "phases": PHASES,
        "roles": ROLES,
        "templates": templates_with_current_versions(),
        "format_count": ActivityFormat.objects.count(),
        "worksheets": worksheets_with_formats(),
    }
    return render(request, "methodology/guide.html", context)


def guide_pdf(request: HttpRequest) -> HttpResponse:
    pdf = methodology_pdf(request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    language = get_language()
    response["Content-Disposition"] = f'inline; filename="citypeers-methodology-{language}.pdf"'
    return response
