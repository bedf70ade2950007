"""The guide as one PDF (WeasyPrint), cached per language until the methodology changes."""

import hashlib

from django.core.cache import cache
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from citypeers.methodology.enums import PHASES, ROLES
from citypeers.methodology.models import ActivityFormat, TemplateVersion, VisitTemplate
from citypeers.methodology.selectors.guide import guide_chapters_stamp
from citypeers.methodology.selectors.templates import current_version, version_content
from citypeers.methodology.selectors.worksheets import worksheets_stamp, worksheets_with_formats

CACHE_SECONDS = 60 * 60 * 24 * 30


def methodology_stamp() -> str:
    """Changes whenever a format, a template, a template version, a chapter's text or a
    worksheet does."""
    formats = ActivityFormat.objects.aggregate(latest=Max("updated_at"), last=Max("pk"))
    versions = TemplateVersion.objects.aggregate(last=Max("pk"))
    parts = (
        formats["latest"],
        formats["last"],
        ActivityFormat.objects.count(),
        versions["last"],
        list(VisitTemplate.objects.values_list("pk", "name", "summary")),
        guide_chapters_stamp(),
        worksheets_stamp(),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def guide_html(base_url: str) -> str:
    templates = []
    for template in VisitTemplate.objects.all():
        if version := current_version(template):
            phases, days = version_content(version)
            templates.append(
                {"template": template, "version": version, "phases": phases, "days": days}
            )
    context = {
        "phases": PHASES,
        "roles": ROLES,
        "formats": ActivityFormat.objects.prefetch_related("steps"),
        "templates": templates,
        "worksheets": worksheets_with_formats(),
        "base_url": base_url,
        "made_on": timezone.localdate(),
    }
    return render_to_string("methodology/guide_pdf.html", context)


def guide_pdf(base_url: str) -> bytes:
    """The guide in the active language; `base_url` makes links in the PDF absolute."""
    key = f"methodology-guide:{get_language()}:{methodology_stamp()}"
    if (pdf := cache.get(key)) is not None:
        return pdf
    from weasyprint import HTML  # heavy import, only when a PDF is really made

    pdf = HTML(string=guide_html(base_url), base_url=base_url).write_pdf()
    cache.set(key, pdf, CACHE_SECONDS)
    return pdf
