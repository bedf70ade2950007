"""A visit's people (the roster), whom its interpreters interpret for, and the pre-visit
questionnaire."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.errors import VisitError
from citypeers.core.http import (
    add_error_to_form,
    export_recorded,
    export_response,
    permission_required,
    requested_export,
    whole_number,
)
from citypeers.programmes.models import Visit
from citypeers.visits.forms import InterpretingForm, QuestionnaireForm
from citypeers.visits.selectors.interpreting import (
    interpreters_on,
    interpreting_of,
    participants_on,
)
from citypeers.visits.selectors.roster import (
    questionnaire_answer_of,
    questionnaire_summary,
    roster_of,
    roster_shown_to_participants,
)
from citypeers.visits.services.interpreting import interpreting_set
from citypeers.visits.services.questionnaire import questionnaire_answer_save
from citypeers.visits.texts.roster import language_names, roster_export
from citypeers.visits.views.guards import read_only_once_finished, visit_in_address

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
        export_recorded(request, obj, what="roster", rows=len(rows))
        return export_response(
            headers=headers, rows=rows, filename=f"{obj.slug}-people", export_format=export_format
        )
    return _roster_page(request, obj, people, team=team)


def _roster_page(request, visit: Visit, people, *, team: bool, bound=None) -> HttpResponse:
    """The roster; for the team, whom each interpreter interprets for, with a form to change
    it where they may (`bound`: the form just sent, shown again with its error)."""
    shown = people if team else roster_shown_to_participants(people)
    interpreting = interpreting_of(visit) if team else {}
    may_set = request.user.has_perm("visits.set_interpreting", visit)
    participants = participants_on(people) if may_set else []
    interpreters = [
        (
            entry,
            interpreting.get(entry.user.pk),
            (bound if bound and bound.initial["interpreter"] == entry.user.pk else None)
            or InterpretingForm(
                interpreter=entry.user,
                participants=participants,
                initial={"participant": getattr(interpreting.get(entry.user.pk), "pk", None)},
            ),
        )
        for entry in (interpreters_on(people) if team else [])
    ]
    context = {
        "visit": visit,
        "team": team,
        "rows": [
            (entry, language_names(entry.languages), interpreting.get(entry.user.pk))
            for entry in shown
        ],
        "interpreters": interpreters,
        "may_set_interpreting": may_set,
        "summary": questionnaire_summary(people) if team else None,
        "me": next((entry for entry in people if entry.user.pk == request.user.pk), None),
        "may_answer": request.user.has_perm("visits.answer_questionnaire", visit),
    }
    return render(request, "visits/roster.html", context)


@read_only_once_finished
@permission_required("visits.set_interpreting", visit_in_address)
@require_POST
def interpreting(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """Whom one interpreter interprets for; an error is shown at their form on the roster."""
    people = roster_of(obj)
    pk = whole_number(request.POST.get("interpreter"))
    interpreter = next((e.user for e in interpreters_on(people) if e.user.pk == pk), None)
    if interpreter is None:
        raise Http404
    form = InterpretingForm(
        request.POST, interpreter=interpreter, participants=participants_on(people)
    )
    if form.is_valid():
        chosen = form.cleaned_data["participant"]
        participant = next((u for u in participants_on(people) if u.pk == chosen), None)
        try:
            interpreting_set(
                visit=obj, interpreter=interpreter, participant=participant, by=request.user
            )
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(
                request, _("Whom %(name)s interprets for is saved.") % {"name": interpreter}
            )
            return redirect("visits:roster", programme=programme, visit=visit)
    return _roster_page(request, obj, people, team=True, bound=form)


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
