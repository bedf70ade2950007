"""A session's breakout groups: made, shown round by round, a person moved after a preview of
the figures, a late drop-out re-planned (also from the notice of people marked absent since the
groups were made), and the groups downloaded (Zoom, CSV, Excel)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.errors import VisitError
from citypeers.core.http import (
    add_error_to_form,
    permission_required,
    reauthentication_required_to_export,
    requested_export,
    whole_number,
)
from citypeers.programmes.models import Visit
from citypeers.visits.forms import GroupsDropoutForm, GroupsGenerateForm, GroupsMoveForm
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.breakouts import (
    absent_in_groups,
    breakout_moved,
    breakout_plan_of,
    breakout_roster,
    breakout_rounds,
    planned_person,
)
from citypeers.visits.selectors.rooms import group_join_addresses
from citypeers.visits.services.breakouts import (
    breakout_dropout,
    breakout_generate,
    breakout_seat_move,
)
from citypeers.visits.texts.breakouts import (
    groups_export_response,
    shown_rounds,
    zoom_csv,
    zoom_filename,
)
from citypeers.visits.views.guards import read_only_once_finished, visit_in_address

GROUPS_EXPORTS = {"csv", "xlsx"}


def _session(visit: Visit, pk: int) -> AgendaSession:
    return get_object_or_404(
        AgendaSession.objects.select_related("format", "visit__programme"), pk=pk, visit=visit
    )


def _made(visit: Visit, pk: int):
    """The session, its plan and its groups; 404 while they are not made."""
    session = _session(visit, pk)
    plan = breakout_plan_of(session)
    rounds = breakout_rounds(plan) if plan else None
    if rounds is None:
        raise Http404
    return session, plan, rounds


def _page(request: HttpRequest, visit: Visit, session, plan, rounds, **forms) -> HttpResponse:
    may_edit = request.user.has_perm("visits.edit_groups", visit)
    context = {
        "visit": visit,
        "session": session,
        "plan": plan,
        "rounds": rounds,
        "shown": shown_rounds(rounds, _group_rooms(request, session, rounds)) if rounds else [],
        "may_edit": may_edit,
        "generate_form": forms.get("generate_form") or GroupsGenerateForm(prefix="generate"),
        "preview": forms.get("preview"),
    }
    if may_edit:
        context["left_out"] = breakout_roster(session)
    if rounds and may_edit:
        context["absent_forms"] = [
            (
                person,
                GroupsDropoutForm(
                    rounds=rounds,
                    prefix="dropout",
                    auto_id=f"id_absent_{person.key}_%s",
                    initial={"person": person.key, "from_round": 1},
                ),
            )
            for person in absent_in_groups(session, rounds)
        ]
        context["move_form"] = forms.get("move_form") or GroupsMoveForm(
            rounds=rounds, prefix="move"
        )
        context["dropout_form"] = forms.get("dropout_form") or GroupsDropoutForm(
            rounds=rounds, prefix="dropout"
        )
    return render(request, "visits/groups.html", context)


def _group_rooms(request: HttpRequest, session: AgendaSession, rounds) -> dict[int, str]:
    groups = max((len(row) for row in rounds.groups), default=0)
    return group_join_addresses(session, request.user, range(groups))


def _back(session: AgendaSession):
    visit = session.visit
    return redirect("visits:groups", visit.programme.slug, visit.slug, session.pk)


@permission_required("visits.run_visit", visit_in_address)
@reauthentication_required_to_export
def groups(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit):
    """The groups of each round with the repeats and the proven lower bound, and the files."""
    session = _session(obj, pk)
    plan = breakout_plan_of(session)
    rounds = breakout_rounds(plan) if plan else None
    if rounds and (export_format := requested_export(request)) in GROUPS_EXPORTS:
        filename = f"{obj.slug}-session-{session.pk}-groups"
        return groups_export_response(rounds, export_format=export_format, filename=filename)
    zoom = whole_number(request.GET.get("zoom"))
    if rounds and zoom is not None and 1 <= zoom <= len(rounds.groups):
        response = HttpResponse(
            zoom_csv(rounds, round_index=zoom - 1), content_type="text/csv; charset=utf-8"
        )
        filename = zoom_filename(obj.slug, session.pk, zoom - 1)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return _page(request, obj, session, plan, rounds)


@read_only_once_finished
@permission_required("visits.edit_groups", visit_in_address)
@require_POST
def groups_generate(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit):
    session = _session(obj, pk)
    form = GroupsGenerateForm(request.POST, prefix="generate")
    if form.is_valid():
        try:
            plan = breakout_generate(session=session, by=request.user, **form.cleaned_data)
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            if plan.status == plan.Status.QUEUED:
                messages.info(request, _("The groups are being made; this page shows them soon."))
            else:
                messages.success(request, _("The groups are made."))
            return _back(session)
    plan = breakout_plan_of(session)
    rounds = breakout_rounds(plan) if plan else None
    return _page(request, obj, session, plan, rounds, generate_form=form)


@read_only_once_finished
@permission_required("visits.edit_groups", visit_in_address)
@require_POST
def groups_move(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit):
    """ "preview" counts the groups with the person moved; "save" saves the same move."""
    session, plan, rounds = _made(obj, pk)
    form = GroupsMoveForm(request.POST, rounds=rounds, prefix="move")
    preview = None
    if form.is_valid():
        where = {k: form.cleaned_data[k] for k in ("round_index", "group_index")}
        try:
            if "save" in request.POST:
                breakout_seat_move(
                    plan=plan, person_pk=form.cleaned_data["person"], by=request.user, **where
                )
                messages.success(request, _("The move is saved."))
                return _back(session)
            person = planned_person(rounds, form.cleaned_data["person"])
            preview = breakout_moved(rounds=rounds, person=person, **where)
        except VisitError as error:
            add_error_to_form(form, error)
    return _page(request, obj, session, plan, rounds, move_form=form, preview=preview)


@read_only_once_finished
@permission_required("visits.edit_groups", visit_in_address)
@require_POST
def groups_dropout(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit):
    """The rounds before the one the person first misses stay; the later ones are re-planned."""
    session, plan, rounds = _made(obj, pk)
    form = GroupsDropoutForm(request.POST, rounds=rounds, prefix="dropout")
    if form.is_valid():
        try:
            breakout_dropout(
                plan=plan,
                person_pk=form.cleaned_data["person"],
                from_round=form.cleaned_data["from_round"] - 1,
                by=request.user,
            )
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The later rounds are planned again without them."))
            return _back(session)
    return _page(request, obj, session, plan, rounds, dropout_form=form)
