import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from citypeers.core.http import paginate, permission_required, query_without_page
from citypeers.core.models import OutboxMessage
from citypeers.core.selectors import outbox_messages, platform_health


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """`{"status": "ok"}` (or 503 "unavailable") for anyone; the database and task queue's
    state for staff and for a probe sending `Authorization: Bearer <HEALTHZ_TOKEN>`."""
    health = platform_health(details=_may_see_health_details(request))
    return JsonResponse(health, status=200 if health["status"] == "ok" else 503)


def _may_see_health_details(request: HttpRequest) -> bool:
    token = settings.HEALTHZ_TOKEN
    scheme, _space, given = request.headers.get("Authorization", "").partition(" ")
    # Compared as bytes: compare_digest refuses non-ASCII text, which a header may carry.
    if (
        token
        and scheme.lower() == "bearer"
        and secrets.compare_digest(given.strip().encode(), token.encode())
    ):
        return True
    return request.user.is_authenticated and request.user.is_staff


@permission_required("core.read_outbox")
def outbox(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    page = paginate(request, outbox_messages(q=q))
    return render(
        request, "core/outbox.html", {"page": page, "q": q, "query": query_without_page(request)}
    )


@permission_required("core.read_outbox")
def outbox_message(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(OutboxMessage, pk=pk)
    return render(request, "core/outbox_message.html", {"message": message})
