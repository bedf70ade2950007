"""Publishing a selection's decisions: the e-mails applicants get, previewed, then sent."""

from collections import Counter

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citypeers.calls.enums import RESPOND_WITHIN
from citypeers.calls.forms.decisions import LABELS, OutcomeMessagesForm
from citypeers.calls.models import Call
from citypeers.calls.selectors.calls import call_by_slug
from citypeers.calls.selectors.placements import answered_applications, run_placements
from citypeers.calls.services.calls import call_outcome_messages_save
from citypeers.calls.services.decisions import decisions_publish
from citypeers.calls.texts.decision_mail import (
    EDITABLE,
    PLACEHOLDER_HELP,
    fill,
    message_text,
    run_samples,
)
from citypeers.core.errors import CallError
from citypeers.core.http import permission_required, whole_number


def _previews(call: Call, run, texts: dict[str, str]) -> list[tuple[str, str]]:
    samples = run_samples(call, run, timezone.localdate() + RESPOND_WITHIN)
    return [(LABELS[outcome], fill(texts[outcome], samples[outcome])) for outcome in EDITABLE]


def _latest_result(call: Call):
    return call.selection_runs.filter(status="done").first()


@permission_required("calls.manage_call", call_by_slug)
def selection_messages(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    """Edit the three decision e-mails; "Preview" shows them filled in, without saving."""
    form = OutcomeMessagesForm(request.POST or None, call=obj)
    texts = {outcome: message_text(obj, outcome) for outcome in EDITABLE}
    if request.method == "POST" and form.is_valid():
        if "preview" not in request.POST:
            call_outcome_messages_save(call=obj, by=request.user, messages=form.messages())
            messages.success(request, _("The decision e-mails are saved."))
            return redirect("calls:selection_messages", slug=slug)
        texts = {outcome: form.cleaned_data[outcome] or texts[outcome] for outcome in EDITABLE}
    context = {
        "call": obj,
        "form": form,
        "placeholders": PLACEHOLDER_HELP,
        # Texts with errors are not previewed: the errors are shown at their fields instead.
        "previews": [] if form.errors else _previews(obj, _latest_result(obj), texts),
    }
    return render(request, "calls/selection_messages.html", context)


@permission_required("calls.manage_call", call_by_slug)
def selection_publish(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    """GET: what publishing would send, to check first; POST: publish and tell everyone."""
    number = whole_number(request.POST.get("run") or request.GET.get("run"))
    run = get_object_or_404(obj.selection_runs, number=number or 0)
    if request.method == "POST":
        try:
            count = decisions_publish(run=run, by=request.user)
        except CallError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "The decisions are published: %(count)s applicant is being told.",
                    "The decisions are published: %(count)s applicants are being told.",
                    count,
                )
                % {"count": count},
            )
        return redirect("calls:selection", slug=slug)
    placements = run_placements(run)
    counts = Counter(placement.outcome for placement in placements.values())
    texts = {outcome: message_text(obj, outcome) for outcome in EDITABLE}
    context = {
        "call": obj,
        "run": run,
        "counts": {outcome.label: counts[outcome] for outcome in EDITABLE},
        "total": len(placements),
        "previews": _previews(obj, run, texts),
        "answered": answered_applications(obj).exists(),
    }
    return render(request, "calls/selection_publish.html", context)
