"""A visit's people (the roster) and the pre-visit questionnaire."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeers.core.errors import VisitError
from citypeers.core.http import (
    add_error_to_form,
    export_response,
    permission_required,
    requested_export,
)
from citypeers.programmes.models import Visit
from citypeers.visits.forms import QuestionnaireForm
from citypeers.visits.selectors.roster import (
    questionnaire_answer_of,
    questionnaire_summary,
    roster_of,
    roster_shown_to_participants,
)
from citypeers.visits.services.questionnaire import questionnaire_answer_save
from citypeers.visits.texts.roster import language_names, roster_export
from citypeers.visits.views.guards import visit_in_address

ROSTER_EXPORTS = {"csv", "xlsx"}


@permission_required("visits.view_roster", visit_in_address)
def roster(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """The team sees everyone with contacts, languages and needs (and downloads it); a
    participant sees the participants who consented, nothing of the others."""
    people = roster_of(obj)
    team = request.user.has_perm("visits.run_visit", obj)
    if (export_format := requested_export(request)) in ROSTER_EXPORTS:
        if not team:
            raise PermissionDenied(_("Only the visit's team downloads its people."))
        headers, rows = roster_export(people)
        return export_response(
            headers=headers, rows=rows, filename=f"{obj.slug}-people", export_format=export_format
        )
    shown = people if team else roster_shown_to_participants(people)
    context = {
        "visit": obj,
        "team": team,
        "rows": [(entry, language_names(entry.languages)) for entry in shown],
        "summary": questionnaire_summary(people) if team else None,
        "me": next((entry for entry in people if entry.user.pk == request.user.pk), None),
        "may_answer": request.user.has_perm("visits.answer_questionnaire", obj),
    }
    return render(request, "visits/roster.html", context)


@permission_required("visits.answer_questionnaire", visit_in_address)
def questionnaire(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """One's own answer: editable until the visit starts, read-only after."""
    editable = request.user.has_perm("visits.change_questionnaire", obj)
    if request.method == "POST" and not editable:
        raise PermissionDenied(
            _("This visit has started: the questionnaire can no longer be changed.")
        )
    answer = questionnaire_answer_of(obj, request.user)
    form = QuestionnaireForm(request.POST or None, instance=answer, read_only=not editable)
    if request.method == "POST" and form.is_valid():
        try:
            questionnaire_answer_save(
                visit=obj, person=request.user, by=request.user, fields=form.cleaned_data
            )
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(
                request, _("Your answers are saved. You can change them until the visit starts.")
            )
            return redirect("visits:questionnaire", programme=programme, visit=visit)
    context = {"visit": obj, "form": form, "answer": answer, "editable": editable}
    return render(request, "visits/questionnaire.html", context)
