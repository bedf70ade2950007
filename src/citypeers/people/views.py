from allauth.mfa.totp.views import activate_totp as allauth_activate_totp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from citypeers.core.http import add_error_to_form, paginate, permission_required
from citypeers.core.languages import (
    address_in_language,
    is_offered,
    language_of_address,
    offered_variant,
    remember_language,
)
from citypeers.people.errors import AffiliationError
from citypeers.people.forms import AffiliationDecisionForm, ProfileForm
from citypeers.people.models import Affiliation, User
from citypeers.people.selectors import (
    affiliations_to_decide,
    latest_affiliation,
    pending_affiliation,
)
from citypeers.people.services import (
    affiliation_choose,
    affiliation_decide,
    affiliation_withdraw,
    user_update_profile,
)

CHOSEN = {
    "requested": gettext_lazy(
        "Your request to join %(organisation)s is sent; you act for it once it is approved."
    ),
    "approved": gettext_lazy(
        "Your verified e-mail address makes you a member of %(organisation)s."
    ),
    "withdrawn": gettext_lazy("Your request to join an organisation is withdrawn."),
    "left": gettext_lazy("You no longer act for an organisation."),
}


def language_switch(request: HttpRequest) -> HttpResponse:
    """Django's `set_language`, keeping the page: the address's own language is made active so
    Django can move its prefix (see `core.languages.address_in_language`); a code not offered
    changes nothing; a signed-in person's choice is kept on their profile, for their mails.

    A GET (the picker of readers not signed in) only sets the language cookie, a display
    preference: their pages then carry no CSRF token, so a public page is the same for all of
    them and can be kept (`core.page_cache`). It never changes a profile."""
    if request.method != "POST":
        return _switch_without_profile(request)
    language = offered_variant(request.POST.get("language"))
    request.POST = request.POST.copy()
    request.POST["language"] = language or ""
    page = request.POST.get("next", request.GET.get("next")) or request.headers.get("referer", "")
    with translation.override(language_of_address(page)):
        response = set_language(request)
    signed_in = request.user.is_authenticated
    if language and request.method == "POST" and signed_in and request.user.language != language:
        user_update_profile(user=request.user, by=request.user, data={"language": language})
    return response


def _switch_without_profile(request: HttpRequest) -> HttpResponse:
    page = request.GET.get("next") or request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(
        page, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        page = "/"
    language = offered_variant(request.GET.get("language"))
    if not language:
        return HttpResponseRedirect(page)
    response = HttpResponseRedirect(address_in_language(page, language))
    remember_language(response, language)
    return response


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    # The form validates a copy, so a rejected POST never changes the signed-in user object.
    user = User.objects.select_related("organisation").get(pk=request.user.pk)
    pending = pending_affiliation(user=user)
    form = ProfileForm(request.POST or None, instance=user, pending=pending)
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data.pop("organisation")
        user_update_profile(user=request.user, by=request.user, data=form.cleaned_data)
        try:
            outcome = affiliation_choose(
                user=request.user, organisation=organisation, by=request.user
            )
        except AffiliationError as refusal:
            add_error_to_form(form, refusal)
        else:
            return _profile_saved(request, outcome=outcome, organisation=organisation)
    context = {"form": form, "affiliation": latest_affiliation(user=user)}
    return render(request, "people/profile_form.html", context)


def _profile_saved(request: HttpRequest, *, outcome: str, organisation) -> HttpResponse:
    """To the person's page, in the language they chose (if they chose one), saying so."""
    chosen = request.user.language if is_offered(request.user.language) else None
    with translation.override(chosen or translation.get_language()):
        messages.success(request, _("Your profile has been saved."))
        if outcome in CHOSEN:
            messages.info(request, CHOSEN[outcome] % {"organisation": organisation})
        response = redirect("programmes:dashboard")
    if chosen:
        remember_language(response, chosen)
    return response


def _affiliation(*, pk: int, **_kwargs) -> Affiliation:
    return get_object_or_404(Affiliation.objects.select_related("user", "organisation"), pk=pk)


@login_required
def affiliations(request: HttpRequest) -> HttpResponse:
    """Requests to join an organisation that wait for this person's decision."""
    page = paginate(request, affiliations_to_decide(user=request.user))
    return render(request, "people/affiliations.html", {"page": page})


@permission_required("people.decide_affiliation", _affiliation)
def decide(request: HttpRequest, pk: int, obj: Affiliation) -> HttpResponse:
    form = AffiliationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve, reason = form.cleaned_data["decision"] == "approve", form.cleaned_data["reason"]
        try:
            affiliation_decide(affiliation=obj, approve=approve, by=request.user, reason=reason)
        except AffiliationError as refusal:
            add_error_to_form(form, refusal)
        else:
            done = (
                _("%(person)s is now a member of %(organisation)s.")
                if approve
                else _("The request of %(person)s to join %(organisation)s is refused.")
            )
            messages.success(request, done % {"person": obj.user, "organisation": obj.organisation})
            return redirect("people:affiliations")
    context = {"affiliation": obj, "form": form}
    return render(request, "people/affiliation_decide.html", context)


@require_POST
@permission_required("people.withdraw_affiliation", _affiliation)
def withdraw(request: HttpRequest, pk: int, obj: Affiliation) -> HttpResponse:
    try:
        affiliation_withdraw(affiliation=obj, by=request.user)
    except AffiliationError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("Your request to join %(organisation)s is withdrawn.")
            % {"organisation": obj.organisation},
        )
    return redirect("people:profile")


def activate_totp(request: HttpRequest) -> HttpResponse:
    """allauth's page turning on an authenticator app, safe from a double click: the second of
    two simultaneous posts meets the app the first set up (a unique constraint) and is told so
    rather than given a server error."""
    try:
        return allauth_activate_totp(request)
    except IntegrityError:
        messages.info(request, _("Your authenticator app is already set up."))
        return redirect("mfa_index")
