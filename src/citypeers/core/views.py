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
    health = platform_health()
    return JsonResponse(health, status=200 if health["status"] == "ok" else 503)


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
