"""What the public sees: the subscribe form, the confirmation page (one button: a link scanner
opening the link confirms nothing), unsubscribing in one click (RFC 8058) and preferences."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from citypeers.core.ratelimit import client_address, hit, too_many_requests
from citypeers.newsletter.enums import (
    CONFIRM_DAYS,
    ONE_CLICK_FIELD,
    ONE_CLICK_VALUE,
    SUBSCRIBE_PER_ADDRESS,
    SUBSCRIBE_PER_EMAIL,
    SUBSCRIBE_WINDOW,
)
from citypeers.newsletter.forms import CONSENT_TEXT, PreferencesForm, SubscribeForm
from citypeers.newsletter.selectors import (
    programmes_with_newsletter,
    subscription_by_token,
    subscription_from_confirm_key,
)
from citypeers.newsletter.services.subscriptions import (
    subscription_confirm,
    subscription_preferences_change,
    subscription_request,
    subscription_unsubscribe,
)

CONFIRM_MAX_AGE = CONFIRM_DAYS * 86400


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    programmes = programmes_with_newsletter()
    language = translation.get_language()
    data = request.POST if request.method == "POST" else None
    chosen = request.GET.get("programme", "")
    initial = {"programmes": programmes.filter(slug=chosen)} if chosen else None
    form = SubscribeForm(data, programmes=programmes, language=language, initial=initial)
    if request.method == "POST":
        wait = hit(
            f"newsletter:subscribe:{client_address(request)}",
            limit=SUBSCRIBE_PER_ADDRESS,
            window=SUBSCRIBE_WINDOW,
        )
        if wait:
            return too_many_requests(wait)
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            wait = hit(
                f"newsletter:subscribe-email:{email}",
                limit=SUBSCRIBE_PER_EMAIL,
                window=SUBSCRIBE_WINDOW,
            )
            if wait:
                return too_many_requests(wait)
            subscription_request(
                email=email,
                programmes=form.cleaned_data["programmes"],
                themes=form.cleaned_data["themes"],
                languages=form.languages(),
                consent_text=str(CONSENT_TEXT),
            )
            # The same answer whether the address was subscribed already or not.
            return render(request, "newsletter/subscribe_sent.html", {"days": CONFIRM_DAYS})
    context = {"form": form, "programmes": programmes}
    return render(request, "newsletter/subscribe.html", context)


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/link_invalid.html", {"days": CONFIRM_DAYS}, status=404)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, key: str) -> HttpResponse:
    subscription = subscription_from_confirm_key(key, max_age=CONFIRM_MAX_AGE)
    if subscription is None:
        return _invalid(request)
    if request.method == "POST":
        subscription_confirm(subscription=subscription)
        return render(request, "newsletter/confirmed.html", {"subscription": subscription})
    return render(request, "newsletter/confirm.html", {"subscription": subscription})


@csrf_exempt  # RFC 8058: mail clients POST here without a session or a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = subscription_by_token(token)
    if subscription is None:
        return _invalid(request)
    if request.method == "POST":
        if request.POST.get(ONE_CLICK_FIELD) != ONE_CLICK_VALUE:
            return HttpResponseBadRequest("List-Unsubscribe=One-Click expected")
        subscription_unsubscribe(subscription=subscription)
        return render(request, "newsletter/unsubscribed.html", {"subscription": subscription})
    context = {
        "subscription": subscription,
        "field": ONE_CLICK_FIELD,
        "value": ONE_CLICK_VALUE,
    }
    return render(request, "newsletter/unsubscribe.html", context)


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    subscription = subscription_by_token(token)
    if subscription is None:
        return _invalid(request)
    languages = subscription.languages or [settings.LANGUAGE_CODE]
    initial = {
        "themes": subscription.themes.all(),
        "language": languages[0],
        "other_languages": languages[1:],
    }
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        subscription_preferences_change(
            subscription=subscription,
            themes=form.cleaned_data["themes"],
            languages=form.languages(),
        )
        saved = True
    context = {"subscription": subscription, "form": form, "saved": saved}
    return render(request, "newsletter/preferences.html", context)
