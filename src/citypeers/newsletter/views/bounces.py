"""Bounces reported by the mail provider: a POST with the shared secret from settings
(NEWSLETTER_BOUNCE_SECRET; empty turns the endpoint off), the address or the delivery's id,
and the kind (hard or soft)."""

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from citypeers.core.http import whole_number
from citypeers.newsletter.enums import BounceKind
from citypeers.newsletter.services.subscriptions import bounce_record


@csrf_exempt  # a machine's call, authenticated by the shared secret, not a session
@require_POST
def bounce(request: HttpRequest) -> HttpResponse:
    secret = settings.NEWSLETTER_BOUNCE_SECRET
    if not secret:
        raise Http404
    given = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return JsonResponse({"error": "wrong secret"}, status=403)
    kind = request.POST.get("kind", "")
    email = request.POST.get("email", "").strip()[:254]
    delivery_id = whole_number(request.POST.get("delivery"))
    if kind not in BounceKind.values or not (email or delivery_id):
        expected = "kind (hard or soft) and email or delivery expected"
        return JsonResponse({"error": expected}, status=400)
    subscription = bounce_record(kind=kind, email=email, delivery_id=delivery_id)
    if subscription is None:
        return JsonResponse({"counted": False}, status=404)
    return JsonResponse({"counted": True, "suspended": subscription.suspended_at is not None})
