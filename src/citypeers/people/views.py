from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeers.core.http import add_error_to_form, paginate, permission_required
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
            messages.success(request, _("Your profile has been saved."))
            if outcome in CHOSEN:
                messages.info(request, CHOSEN[outcome] % {"organisation": organisation})
            return redirect("programmes:dashboard")
    context = {"form": form, "affiliation": latest_affiliation(user=user)}
    return render(request, "people/profile_form.html", context)


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
