"""The demo's visits as they ran and as one is prepared, written through the services.

The ten 2021 visits ran: their confirmed participants (from the published selection), groups for
one interactive session each, attendance of every session (a few late or absent, one
participant who never came and is left out of the groups), an interpreter seated with their
participant on the first visit, and the resources of its presentation (slides, a recording,
the host's sources). The 2027 Tampere visit is being prepared: planned (its agenda out), the
demo participant given a place, two questionnaire answers in, and the programme's online rooms
set.

Idempotent: a visit whose part is there already (attendance, groups, an answer) is left as it is.
"""

import datetime
import random

from django.utils import timezone

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application
from citypeers.calls.services.decisions import decision_respond
from citypeers.catalogue.models import Practice
from citypeers.demo.accounts import account, role_give
from citypeers.demo.history import entries_dated, key, last_entry
from citypeers.demo.visits import plan_demo_visit, tasks_done_before
from citypeers.people.models import User
from citypeers.programmes.models import Programme, Role, RoomProvider, Visit
from citypeers.visits.enums import AttendanceStatus, ResourceLicence, ResourceVisibility
from citypeers.visits.models import (
    AgendaSession,
    Attendance,
    BreakoutPlan,
    Interpreting,
    QuestionnaireAnswer,
)
from citypeers.visits.selectors.roster import roster_of
from citypeers.visits.services.agenda import agenda_publish
from citypeers.visits.services.attendance import attendance_mark
from citypeers.visits.services.breakouts import breakout_generate
from citypeers.visits.services.interpreting import interpreting_set
from citypeers.visits.services.questionnaire import questionnaire_answer_save
from citypeers.visits.services.resources import session_resource_add
from citypeers.visits.services.rooms import programme_rooms_save

# The formats a visit's groups are made for, in the order the first found is taken.
INTERACTIVE_FORMATS = ["peer-review-clinic", "problem-tree", "solution-workshop", "transfer-lab"]
BREAKOUT_ROUNDS, BREAKOUT_SIZE = 3, 5
BREAKOUT_TIME_LIMIT_S = 0.05  # ten visits stay quick to build; the groups are good enough
FEWEST_CONFIRMED = 20  # a 2021 visit with fewer means the selection did not run as it should
ROOM_URL_TEMPLATE = "https://meet.example.org/{room}"
INTERPRETER_EMAIL, INTERPRETER_NAME = "ines.interpreter@example.org", "Ines Interpreter"
STATUSES = [AttendanceStatus.PRESENT] * 30 + [
    AttendanceStatus.LATE,
    AttendanceStatus.LATE,
    AttendanceStatus.LEFT_EARLY,
    AttendanceStatus.ABSENT,
]
DEMO_FILES = "https://files.example.org"  # where the demo's slides and recordings would be


def run_demo_visits(visits: list[Visit], *, coordinator: User) -> None:
    """The 2021 `visits` as they ran, each part once; the first has an interpreter."""
    for number, visit in enumerate(visits):
        _places_confirmed(visit)
        mark = last_entry()
        dates: dict[tuple[str, str], datetime.datetime] = {}
        sessions = list(visit.sessions.select_related("format").order_by("starts_at"))
        _resources_given(visit, sessions, coordinator, dates)
        attendance = _Attendance(visit, coordinator, dates)
        grouped = _grouped_session(sessions)
        # The groups are made the day before their session: the attendance of the sessions
        # before it is known then (who dropped out is left out), the rest comes after.
        attendance.mark([s for s in sessions if grouped is None or s.starts_at < grouped.starts_at])
        if number == 0 and grouped is not None:
            _interpreter_given(visit, attendance.interpreted, coordinator, dates, grouped)
        if grouped is not None:
            _groups_made(grouped, coordinator, dates)
        attendance.mark([s for s in sessions if grouped and s.starts_at >= grouped.starts_at])
        entries_dated(
            mark, lambda entry, dates=dates: dates.get((entry.object_type, entry.object_id))
        )


def _places_confirmed(visit: Visit) -> None:
    """Anyone still only selected for the visit confirms, as they did in 2021."""
    selected = Application.objects.filter(outcome=Outcome.SELECTED, outcome_visit=visit)
    for application in selected.select_related("applicant", "call"):
        decision_respond(
            application=application,
            by=application.applicant,
            accept=True,
            today=visit.starts_on - datetime.timedelta(days=14),
            notify=False,
        )
    confirmed = Application.objects.filter(outcome=Outcome.CONFIRMED, outcome_visit=visit)
    if confirmed.count() < FEWEST_CONFIRMED:
        raise RuntimeError(f"The 2021 demo visit {visit.slug} has too few confirmed places.")


def _resources_given(visit, sessions, coordinator, dates) -> None:
    """The host's presentation: its slides for anyone (CC BY), its recording for the visit's
    people only, and the practice's public sources (their licence unknown), where it has none."""
    practice = Practice.objects.filter(places=visit.host_place, is_generated=False).first()
    if practice is None or not practice.link_list:
        return
    for session in sessions:
        if session.format.slug != "host-context-presentation" or session.resource_items.exists():
            continue
        given = [
            session_resource_add(
                session=session,
                by=coordinator,
                title="Slides of the presentation",
                url=f"{DEMO_FILES}/{visit.slug}/presentation-slides.pdf",
                licence=ResourceLicence.CC_BY,
                visibility=ResourceVisibility.PUBLIC,
            ),
            session_resource_add(
                session=session,
                by=coordinator,
                title="Recording of the presentation",
                url=f"{DEMO_FILES}/{visit.slug}/presentation-recording.mp4",
                visibility=ResourceVisibility.VISIT,
            ),
            *(
                session_resource_add(
                    session=session,
                    by=coordinator,
                    title="",  # named after the link's host and path
                    url=link,
                    visibility=ResourceVisibility.PUBLIC,
                )
                for link in practice.link_list
            ),
        ]
        for resource in given:
            dates[key(resource)] = session.starts_at - datetime.timedelta(days=2)


def _grouped_session(sessions) -> AgendaSession | None:
    """The visit's first interactive session, in the order of INTERACTIVE_FORMATS."""
    interactive = [s for s in sessions if s.format.slug in INTERACTIVE_FORMATS]
    if not interactive:
        return None
    return min(interactive, key=lambda s: INTERACTIVE_FORMATS.index(s.format.slug))


def _groups_made(session, coordinator, dates) -> None:
    """Groups for `session`, made the day before it."""
    if BreakoutPlan.objects.filter(session=session).exists():
        return
    plan = breakout_generate(
        session=session,
        rounds=BREAKOUT_ROUNDS,
        size=BREAKOUT_SIZE,
        by=coordinator,
        time_limit_s=BREAKOUT_TIME_LIMIT_S,
    )
    dates[key(plan)] = session.starts_at - datetime.timedelta(days=1)


def _interpreter_given(visit, participant, coordinator, dates, grouped) -> None:
    """An interpreter on the visit for one participant, set a week before the groups: the
    groups then seat the two together."""
    interpreter = account(INTERPRETER_EMAIL, INTERPRETER_NAME)
    role_give(
        user=interpreter,
        programme=visit.programme,
        role=Role.INTERPRETER,
        visit=visit,
        by=coordinator,
    )
    if not Interpreting.objects.filter(visit=visit, interpreter=interpreter).exists():
        interpreting_set(
            visit=visit, interpreter=interpreter, participant=participant, by=coordinator
        )
        dates[key(visit)] = grouped.starts_at - datetime.timedelta(days=7)


class _Attendance:
    """The participants at each session, marked by the team at its end: most present, a few
    late, left early or absent (drawn from the visit's own seed, the same at every load); one
    participant never came (absent throughout, so left out of the groups), and the first by
    name, who has an interpreter on the first visit, came to everything."""

    def __init__(self, visit, coordinator, dates):
        self.coordinator, self.dates = coordinator, dates
        self.rng = random.Random(f"attendance-{visit.slug}")  # noqa: S311 - a demo draw
        self.people = sorted(
            (entry.user for entry in roster_of(visit) if entry.is_participant),
            key=lambda user: str(user).lower(),
        )
        self.interpreted = self.people[0]
        self.never_came = self.people[-1]

    def mark(self, sessions) -> None:
        for session in sessions:
            if Attendance.objects.filter(session=session).exists():
                continue
            ends = session.starts_at + datetime.timedelta(minutes=session.minutes)
            for person in self.people:
                attendance_mark(
                    session=session,
                    person=person,
                    status=self._status(person),
                    by=self.coordinator,
                    now=ends,
                )
            self.dates[key(session)] = ends

    def _status(self, person) -> AttendanceStatus:
        draw = self.rng.choice(STATUSES)  # drawn for everyone, so the draws stay the same
        if person == self.never_came:
            return AttendanceStatus.ABSENT
        return AttendanceStatus.PRESENT if person == self.interpreted else draw


def prepare_demo_visit(
    *, visit: Visit, programme: Programme, coordinator: User, participant: User, host: User
) -> None:
    """The 2027 `visit` in preparation: the demo participant and host on it, their answers to
    the questionnaire (while it is open), and the programme's rooms."""
    today = timezone.localdate()
    if plan_demo_visit(visit, coordinator=coordinator, today=today):
        # The phases behind it (catalogue, call for hosts, choosing them) were done on time;
        # the last three weeks' tasks are left, so the workspace shows a visit being prepared.
        tasks_done_before(visit, today - datetime.timedelta(days=21), coordinator=coordinator)
        # Sent with the confirmations, so the visit's people see when to join and where.
        agenda_publish(visit=visit, by=coordinator, published=True)
    role_give(
        user=participant, programme=programme, role=Role.PARTICIPANT, visit=visit, by=coordinator
    )
    role_give(user=host, programme=programme, role=Role.HOST, visit=visit, by=coordinator)
    answers = {
        participant: {
            "expectations": "How other cities keep volunteers once a restoration is finished.",
            "challenge": "Our former textile mills need new uses the neighbourhood supports.",
            "can_share": "Our participatory budget for heritage sites, and what went wrong.",
            "access_needs": "Captions in the plenary sessions, please.",
            "shares_with_participants": True,
        },
        host: {
            "expectations": "Fresh eyes on how we involve residents in the mill districts.",
            "challenge": "Keeping an industrial landscape alive while housing moves in.",
            "can_share": "Adopt a Monument: agreements, the museum's role and its results.",
            "shares_with_participants": True,
        },
    }
    if visit.starts_on is None or visit.starts_on > today:
        for person, fields in answers.items():
            if not QuestionnaireAnswer.objects.filter(visit=visit, person=person).exists():
                questionnaire_answer_save(visit=visit, person=person, by=person, fields=fields)
    programme_rooms_save(
        programme=programme,
        provider=RoomProvider.URL_TEMPLATE,
        url_template=ROOM_URL_TEMPLATE,
        by=coordinator,
    )
