"""The participant pack: one PDF with the agenda in the reader's zone, how to connect, the host
briefing, the participants who consented and the challenges they bring."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from citypeers.core.http import permission_required
from citypeers.programmes.models import Visit
from citypeers.visits.selectors.pack import pack_of
from citypeers.visits.selectors.pages import visit_for_page
from citypeers.visits.texts.pack import pack_pdf
from citypeers.visits.views.guards import visit_in_address


@permission_required("visits.view_pack", visit_in_address)
def pack(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """For the visit's people and staff; the team reads the agenda before it is published."""
    obj = visit_for_page(programme, visit)
    data = pack_of(obj, request.user, may_see_draft=request.user.has_perm("visits.run_visit", obj))
    pdf = pack_pdf(data, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{obj.slug}-pack-{get_language()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
