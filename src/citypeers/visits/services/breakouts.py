"""Breakout groups written: a plan generated (in the click, or by the task worker for a big
roster), a person moved by hand, a late drop-out re-planned for the rounds still to come."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.visits.breakouts import LARGEST_GROUP, SMALLEST_GROUP, Rounds, plan_groups
from citypeers.visits.breakouts import replan_after_dropout as core_replan
from citypeers.visits.models import AgendaSession, BreakoutPlan, BreakoutSeat
from citypeers.visits.selectors.breakouts import (
    breakout_moved,
    breakout_people,
    breakout_rounds,
    planned_person,
)

MOST_ROUNDS = 4


def breakout_generate(
    *,
    session: AgendaSession,
    rounds: int,
    size: int,
    by,
    seed: int = 0,
    time_limit_s: float | None = None,
) -> BreakoutPlan:
    """The session's groups made again from the visit's people: in the click for a roster of
    up to BREAKOUT_INLINE_PEOPLE, else queued for the task worker (the page says so until it is
    done). The previous groups of the session are replaced."""
    if not 1 <= rounds <= MOST_ROUNDS:
        raise VisitError(
            _("A session has 1 to %(most)s rounds.") % {"most": MOST_ROUNDS}, field="rounds"
        )
    if not SMALLEST_GROUP <= size <= LARGEST_GROUP:
        raise VisitError(
            _("Groups have %(smallest)s to %(largest)s people.")
            % {"smallest": SMALLEST_GROUP, "largest": LARGEST_GROUP},
            field="size",
        )
    people = breakout_people(session)
    if len(people) < 2:
        raise VisitError(_("The visit has fewer than two people to put in groups."))
    time_limit_s = time_limit_s if time_limit_s is not None else settings.BREAKOUT_TIME_LIMIT_S
    with transaction.atomic():
        plan, _created = BreakoutPlan.objects.update_or_create(
            session=session,
            defaults={
                "rounds": rounds,
                "size": size,
                "seed": seed,
                "time_limit_s": time_limit_s,
                "status": BreakoutPlan.Status.QUEUED,
                "error": "",
                "created_by": by,
                "repeated_pairs": None,
                "lower_bound": None,
                "method": "",
            },
        )
        plan.seats.all().delete()
        log_action(
            plan,
            "breakouts.generated",
            by=by,
            changes={"rounds": rounds, "size": size, "people": len(people)},
        )
        if len(people) > settings.BREAKOUT_INLINE_PEOPLE:
            from citypeers.visits.tasks import plan_breakouts  # tasks import services

            transaction.on_commit(lambda: plan_breakouts.enqueue(plan_id=plan.pk))
            return plan
        return breakout_plan_execute(plan=plan)


def breakout_plan_execute(*, plan: BreakoutPlan) -> BreakoutPlan:
    """Solves a queued plan from the visit's people as they are now and saves its seats; a
    plan that cannot be made keeps the reason, shown on the page."""
    try:
        rounds = plan_groups(
            people=breakout_people(plan.session),
            rounds=plan.rounds,
            size=plan.size,
            seed=plan.seed,
            time_limit_s=plan.time_limit_s,
        )
    except VisitError as error:
        plan.status, plan.error = BreakoutPlan.Status.FAILED, error.message
        plan.save(update_fields=["status", "error", "updated_at"])
        return plan
    with transaction.atomic():
        _rounds_save(plan, rounds)
    return plan


def breakout_plan_failed(*, plan: BreakoutPlan) -> None:
    """A queued plan the worker could not make after its every attempt."""
    plan.status = BreakoutPlan.Status.FAILED
    plan.error = _("The groups could not be made; generate them again.")
    plan.save(update_fields=["status", "error", "updated_at"])


def breakout_seat_move(
    *, plan: BreakoutPlan, person_pk: int, round_index: int, group_index: int, by
) -> Rounds:
    """The person (by user pk) moved to another group of one round, as previewed
    (`selectors.breakouts.breakout_moved`); the other rounds stay as they are."""
    with transaction.atomic():
        plan = _locked(plan)
        rounds = _stored(plan)
        moved = breakout_moved(
            rounds=rounds,
            person=_planned(rounds, person_pk),
            round_index=round_index,
            group_index=group_index,
        )
        _rounds_save(plan, moved)
        log_action(
            plan,
            "breakouts.moved",
            by=by,
            changes={
                "person": person_pk,
                "round": round_index + 1,
                "group": group_index + 1,
                "repeated_pairs": [rounds.repeated_pairs, moved.repeated_pairs],
            },
        )
    return moved


def breakout_dropout(*, plan: BreakoutPlan, person_pk: int, from_round: int, by) -> Rounds:
    """The person leaves from round `from_round` (from 0) on: the rounds before stay exactly
    as they were, the later ones are planned again without them."""
    with transaction.atomic():
        plan = _locked(plan)
        rounds = _stored(plan)
        replanned = core_replan(
            rounds=rounds, person=_planned(rounds, person_pk), from_round=from_round
        )
        _rounds_save(plan, replanned)
        log_action(
            plan,
            "breakouts.dropout",
            by=by,
            changes={"person": person_pk, "from_round": from_round + 1},
        )
    return replanned


def _locked(plan: BreakoutPlan) -> BreakoutPlan:
    return BreakoutPlan.objects.select_for_update().get(pk=plan.pk)


def _stored(plan: BreakoutPlan) -> Rounds:
    rounds = breakout_rounds(plan)
    if rounds is None:
        raise VisitError(_("These groups are not made yet."))
    return rounds


def _planned(rounds: Rounds, person_pk: int):
    person = planned_person(rounds, person_pk)
    if person is None:
        raise VisitError(_("This person is not in these groups."), field="person")
    return person


def _rounds_save(plan: BreakoutPlan, rounds: Rounds) -> None:
    """The plan's seats replaced by `rounds`' groups, with its figures."""
    plan.seats.all().delete()
    BreakoutSeat.objects.bulk_create(
        BreakoutSeat(
            plan=plan,
            round_index=r,
            group_index=g,
            person_id=int(person.key),
            kind=person.kind.value,
        )
        for r, row in enumerate(rounds.groups)
        for g, group in enumerate(row)
        for person in group
    )
    plan.status, plan.error = BreakoutPlan.Status.DONE, ""
    plan.repeated_pairs, plan.lower_bound = rounds.repeated_pairs, rounds.lower_bound
    plan.method = rounds.method
    plan.save()
