"""A person's own data: see it, download it, erase the account; and the public privacy page,
written from the registry of personal data (`people.personal_data`)."""

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.http import add_error_to_form
from citypeers.people.enums import LegalBasis
from citypeers.people.errors import ErasureRefused
from citypeers.people.forms import EraseForm
from citypeers.people.personal_data import PERSONAL_DATA, erasure_blockers
from citypeers.people.services import person_data_export, person_erase
from citypeers.people.texts import readable


@login_required
@reauthentication_required
def my_data(request: HttpRequest) -> HttpResponse:
    kinds = readable(person_data_export(user=request.user, by=request.user))
    return render(request, "people/my_data.html", {"kinds": kinds})


@login_required
@reauthentication_required
def my_data_download(request: HttpRequest) -> HttpResponse:
    exported = {
        "person": request.user.email,
        "exported_at": timezone.now(),
        "data": person_data_export(user=request.user, by=request.user, download=True),
    }
    body = json.dumps(exported, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"citypeers-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@reauthentication_required
def erase(request: HttpRequest) -> HttpResponse:
    form = EraseForm(request.POST or None, user=request.user)
    blockers = erasure_blockers(user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            person_erase(user=request.user, by=request.user)
        except ErasureRefused as refusal:
            add_error_to_form(form, refusal)
        else:
            logout(request)
            messages.success(request, _("Your account is erased. Thank you for taking part."))
            return redirect("core:home")
    context = {"form": form, "blockers": blockers, "kinds": PERSONAL_DATA}
    return render(request, "people/erase.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    bases = dict(LegalBasis.choices)
    kinds = [(kind, bases[kind.legal_basis]) for kind in PERSONAL_DATA]
    return render(request, "people/privacy.html", {"kinds": kinds})
