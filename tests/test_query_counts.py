"""List pages and exports run a fixed number of queries, however many rows they show."""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.models import (
    Application,
    ApplicationFile,
    Call,
    Conflict,
    Criterion,
    Question,
    ReviewAssignment,
    Score,
    SelectionRun,
)
from citypeers.core.audit import log_action
from citypeers.core.http import EXPORT_FORMATS
from citypeers.core.models import OutboxMessage
from citypeers.library.views import EXPORT_FORMATS as LIBRARY_EXPORT_FORMATS
from citypeers.methodology.models import AgendaItemTemplate
from citypeers.people.services import affiliation_request
from citypeers.programmes.models import Membership, Role
from citypeers.visits.models import (
    AgendaSession,
    Attendance,
    BreakoutPlan,
    BreakoutSeat,
    CalendarFeed,
    QuestionnaireAnswer,
    Recommendation,
    VisitPlan,
    VisitTask,
)
from citypeers.visits.services.feeds import calendar_feed_renew
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    PracticeFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    TemplateVersionFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
    sent_application,
)
from tests.samples import PDF

pytestmark = pytest.mark.django_db


def test_a_host_calls_applications_and_a_calls_selection(client):
    programme = ProgrammeFactory()
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    hosts = CallFactory(programme=programme, type="hosts")
    participants = CallFactory(programme=programme, visits=[VisitFactory(programme=programme)])
    client.force_login(coordinator)

    def counted(url, people: int) -> int:
        for _ in range(people):
            person = UserFactory(organisation=OrganisationFactory())
            for call in (hosts, participants):
                sent_application(call, person, preferences=call.visits.all())
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    for url in (
        reverse("calls:applications", args=[hosts.slug]),
        reverse("calls:selection", args=[participants.slug]),
    ):
        assert counted(url, 3) == counted(url, 12), url  # the same, however many rows


class Scene:
    """One programme with one visit; what the lists show is added one item at a time."""

    def __init__(self, programme, visit, coordinator, staff):
        self.programme, self.visit = programme, visit
        self.people = {"coordinator": coordinator, "staff": staff}
        self.numbers = itertools.count()

    @cached_property
    def member(self):
        """A signed-in person whose own practices, applications and visits the pages list."""
        return UserFactory(organisation=OrganisationFactory())

    @cached_property
    def call(self):
        return CallFactory(programme=self.programme, visits=[self.visit])

    @cached_property
    def file_question(self):
        return Question.objects.create(call=self.call, kind="file", label="CV")

    @cached_property
    def criterion(self):
        return Criterion.objects.create(call=self.call, name="Fit")

    @cached_property
    def application(self):
        """One sent application, whose page lists its reviews, conflicts and history."""
        return sent_application(self.call, self.applicant(), preferences=[self.visit])

    @cached_property
    def run(self):
        return SelectionRun.objects.create(call=self.call, number=1, status="done", instance={})

    @cached_property
    def practice(self):
        return PublishedPracticeFactory(programme=self.programme)

    @cached_property
    def version(self):
        return TemplateVersionFactory()

    @cached_property
    def session(self):
        return AgendaSessionFactory(visit=self.planned(self.visit))

    def applicant(self):
        return UserFactory(organisation=OrganisationFactory())

    def planned(self, visit):
        VisitPlan.objects.get_or_create(
            visit=visit,
            defaults={"template_version": self.version, "time_zone": "UTC", "participants": 20},
        )
        return visit

    def task(self, visit, role="host"):
        due = timezone.localdate() + datetime.timedelta(days=3 + next(self.numbers))
        return VisitTask.objects.create(
            visit=visit, phase=6, position=1, role=role, title="Brief", due_on=due
        )


def _practice(scene, **fields):
    return PracticeFactory(
        programme=scene.programme, places=[PlaceFactory()], themes=[ThemeFactory()], **fields
    )


def _affiliation_request(scene):
    person = UserFactory()
    affiliation_request(user=person, organisation=OrganisationFactory(), by=person)


def _published_practice(scene):
    return _practice(scene, status="published", published_at=timezone.now())


def _my_application(scene):
    visit = VisitFactory(programme=scene.programme)
    call = CallFactory(programme=scene.programme, visits=[visit])
    sent_application(call, scene.member, preferences=[visit])


def _application(scene):
    return sent_application(scene.call, scene.applicant(), preferences=[scene.visit])


def _application_with_file(scene):
    """A sent application with a PDF attached: the list links each file."""
    application = _application(scene)
    ApplicationFile.objects.create(
        application=application,
        question=scene.file_question,
        file=ContentFile(PDF, name="cv.pdf"),
        name="cv.pdf",
        content_type="application/pdf",
    )
    return application


def _reviewed_application(scene):
    reviewer = MembershipFactory(programme=scene.programme, role=Role.REVIEWER).user
    assignment = ReviewAssignment.objects.create(application=_application(scene), reviewer=reviewer)
    Score.objects.create(assignment=assignment, criterion=scene.criterion, value=3)


def _review_of_the_application(scene):
    """One more review with a comment, a declared conflict and a history entry."""
    reviewer = MembershipFactory(programme=scene.programme, role=Role.REVIEWER).user
    assignment = ReviewAssignment.objects.create(application=scene.application, reviewer=reviewer)
    Score.objects.create(assignment=assignment, criterion=scene.criterion, value=3, comment="Apt")
    Conflict.objects.create(
        call=scene.call, reviewer=UserFactory(), application=scene.application, note="Colleague"
    )
    log_action(scene.application, "review.scored", by=reviewer, changes={"complete": True})


def _selected_application(scene):
    """One more application, and the finished run selecting everyone for the visit."""
    _application(scene)
    keys = [str(pk) for pk in scene.call.applications.values_list("pk", flat=True)]
    visit = str(scene.visit.pk)
    scene.run.instance = {
        "visits": [],
        "applicants": [{"id": key, "score": 1, "preferences": [visit]} for key in keys],
    }
    scene.run.result = {
        "status": "optimal",
        "assignments": {visit: keys},
        "waiting_lists": {},
        "decisions": {key: {"visit": visit, "reason": "Best fit"} for key in keys},
    }
    scene.run.save()


def _visit_i_host(scene):
    visit = scene.planned(VisitFactory(programme=scene.programme))
    MembershipFactory(user=scene.member, programme=scene.programme, visit=visit, role=Role.HOST)
    scene.task(visit)


def _visits_of_every_kind(scene):
    """In a new programme: a planned visit I host, with a task; one without a plan I help run;
    one the calls gave me a place in; and a past one I took part in."""
    programme = ProgrammeFactory()
    _visit_i_host(scene)
    unplanned = VisitFactory(programme=programme)
    MembershipFactory(user=scene.member, programme=programme, visit=unplanned, role=Role.EXPERT)
    given = VisitFactory(programme=programme, starts_on=timezone.localdate())
    call = CallFactory(programme=programme, visits=[given])
    Application.objects.create(
        call=call,
        applicant=scene.member,
        status=Application.Status.SUBMITTED,
        outcome="confirmed",
        outcome_visit=given,
    )
    past = VisitFactory(programme=programme, starts_on=datetime.date(2021, 3, 22))
    MembershipFactory(user=scene.member, programme=programme, visit=past, role=Role.PARTICIPANT)


def _what_needs_me(scene):
    """In a new programme I coordinate: a visit I host with an overdue task, a closed call
    (waiting for my next step) with an application for me to review, and a place there waiting
    for my answer; the visit is online, and I sit in a session's breakout groups (with its
    "Join" link)."""
    programme = ProgrammeFactory(
        room_provider="url_template", room_url_template="https://meet.example.org/{room}"
    )
    visit = scene.planned(VisitFactory(programme=programme, mode="online"))
    session = AgendaSessionFactory(visit=visit)
    _breakout_seats(scene, session, scene.member)
    _breakout_seats(scene, session)
    MembershipFactory(user=scene.member, programme=programme, visit=visit, role=Role.HOST)
    VisitTask.objects.create(
        visit=visit,
        phase=6,
        position=1,
        role="host",
        title="Brief",
        due_on=datetime.date(2020, 1, 1),
    )
    MembershipFactory(user=scene.member, programme=programme, role=Role.REVIEWER)
    MembershipFactory(user=scene.member, programme=programme, role=Role.COORDINATOR)
    call = CallFactory(programme=programme, visits=[visit])
    ReviewAssignment.objects.create(
        application=sent_application(call, scene.applicant(), preferences=[visit]),
        reviewer=scene.member,
    )
    mine = sent_application(call, scene.member, preferences=[visit])
    Application.objects.filter(pk=mine.pk).update(
        outcome="selected", outcome_visit=visit, respond_by=datetime.date(2030, 1, 1)
    )
    now = timezone.now()
    Call.objects.filter(pk=call.pk).update(
        opens_at=now - datetime.timedelta(days=2), closes_at=now - datetime.timedelta(seconds=1)
    )


def _workspace_item(scene):
    scene.task(scene.planned(scene.visit))
    MembershipFactory(
        user=UserFactory(organisation=OrganisationFactory()),
        programme=scene.programme,
        visit=scene.visit,
        role=Role.EXPERT,
    )


def _confirmed(scene, person):
    application = sent_application(scene.call, person, preferences=[scene.visit])
    application.outcome, application.outcome_visit = "confirmed", scene.visit
    application.save()


def _roster_people(scene):
    """A confirmed participant who answered the questionnaire and shares it, and an expert."""
    person = scene.applicant()
    _confirmed(scene, person)
    QuestionnaireAnswer.objects.create(
        visit=scene.visit,
        person=person,
        challenge="Vacant shops",
        dietary_needs="Vegetarian",
        shares_with_participants=True,
        submitted_at=timezone.now(),
    )
    MembershipFactory(
        user=UserFactory(organisation=OrganisationFactory()),
        programme=scene.programme,
        visit=scene.visit,
        role=Role.EXPERT,
    )


def _roster_seen_by_a_participant(scene):
    if not scene.member.applications.exists():
        _confirmed(scene, scene.member)
    _roster_people(scene)


def _marked_attendee(scene):
    """A confirmed participant whose attendance of the session the host marked, and one who
    checked in by themselves."""
    for self_checked in (False, True):
        person = scene.applicant()
        _confirmed(scene, person)
        Attendance.objects.create(
            session=scene.session,
            person=person,
            status="late" if self_checked else "present",
            marked_by=person if self_checked else scene.people["coordinator"],
            at=timezone.now(),
            self_checked=self_checked,
        )


def _attendance_url(scene):
    return reverse(
        "visits:attendance", args=[scene.programme.slug, scene.visit.slug, scene.session.pk]
    )


def _groups_session(scene):
    return AgendaSession.objects.filter(visit=scene.visit).first() or AgendaSessionFactory(
        visit=scene.visit
    )


def _groups_url(scene):
    session = _groups_session(scene)
    return reverse("visits:groups", args=[scene.programme.slug, scene.visit.slug, session.pk])


def _breakout_seats(scene, session=None, person=None):
    """A participant of the visit (with an organisation in a place) seated in both rounds of
    the session's groups."""
    session = session or _groups_session(scene)
    plan, _created = BreakoutPlan.objects.get_or_create(
        session=session,
        defaults={"rounds": 2, "size": 6, "status": "done", "repeated_pairs": 0, "lower_bound": 0},
    )
    person = (
        person
        or MembershipFactory(
            user=UserFactory(organisation=OrganisationFactory()),
            programme=scene.programme,
            visit=scene.visit,
            role=Role.PARTICIPANT,
        ).user
    )
    number = next(scene.numbers)
    for round_index in range(2):
        BreakoutSeat.objects.create(
            plan=plan, round_index=round_index, group_index=number % 2, person=person
        )


def _my_groups_in_a_new_session(scene):
    """The member and another participant seated together in a new session's groups."""
    session = AgendaSessionFactory(visit=scene.visit)
    _breakout_seats(scene, session, scene.member)
    _breakout_seats(scene, session)


def _roster_url(scene):
    return reverse("visits:roster", args=[scene.programme.slug, scene.visit.slug])


def _agenda_session(scene):
    """A session with a facilitator, on a day of its own (each day is a section of the page)."""
    number = next(scene.numbers)
    facilitator = MembershipFactory(
        programme=scene.programme, visit=scene.visit, role=Role.FACILITATOR
    ).user
    AgendaSessionFactory(
        visit=scene.planned(scene.visit),
        day=number + 1,
        starts_at=datetime.datetime(2027, 3, 22 + number, 9, tzinfo=datetime.UTC),
        facilitator=facilitator,
        title=f"Session {number}",
    )


def _visit_and_coordinator(scene):
    VisitFactory(programme=scene.programme)
    MembershipFactory(programme=scene.programme, role=Role.COORDINATOR)


def _practice_change(scene):
    scene.practice.tagline = f"Changed {next(scene.numbers)} times."
    scene.practice.save()


def _agenda_item(scene):
    AgendaItemTemplate.objects.create(
        version=scene.version,
        key=f"extra-{next(scene.numbers)}",
        day="middle",
        position=1 + next(scene.numbers),
        format=ActivityFormatFactory(),
        minutes=30,
    )


def _member(scene):
    MembershipFactory(
        user=UserFactory(organisation=OrganisationFactory()),
        programme=scene.programme,
        visit=scene.visit,
        role=Role.HOST,
    )


def _published_session(scene, visit=None):
    """A session of a published agenda: the scene's visit, else a new visit of the member's."""
    if visit is None:
        visit = VisitFactory(programme=scene.programme)
        MembershipFactory(
            programme=scene.programme, visit=visit, role=Role.PARTICIPANT, user=scene.member
        )
    scene.planned(visit)
    VisitPlan.objects.filter(visit=visit).update(agenda_published=True)
    return AgendaSessionFactory(visit=visit, format=ActivityFormatFactory())


def _roomed_session(scene, visit=None):
    """A published session in a programme whose online rooms open from an address; the
    member takes part in the visit, so the page shows them each session's room."""
    if visit is not None:
        Membership.objects.get_or_create(
            user=scene.member, programme=scene.programme, visit=visit, role=Role.PARTICIPANT
        )
    scene.programme.room_provider = "url_template"
    scene.programme.room_url_template = "https://meet.example.org/{room}"
    scene.programme.save()
    return _published_session(scene, visit)


def _pack_rows(scene):
    """A published session with a room for the member, and a confirmed participant who shares
    their name and challenge (with an expert beside)."""
    _roomed_session(scene, scene.visit)
    _roster_people(scene)


def _recommendation_to_answer(scene):
    """A recommendation of the team, which the member, hosting the visit, may answer."""
    Membership.objects.get_or_create(
        user=scene.member, programme=scene.programme, visit=scene.visit, role=Role.HOST
    )
    Recommendation.objects.create(
        visit=scene.visit, author=scene.people["coordinator"], text="Map the empty shops"
    )


def _members_feed(scene) -> str:
    feed = CalendarFeed.objects.filter(user=scene.member, revoked_at=None).first()
    feed = feed or calendar_feed_renew(user=scene.member)
    return reverse("visits:calendar_feed", args=[feed.token])


@dataclass(frozen=True)
class Listing:
    """A list page or an export: its address, who looks at it, and how to add one row."""

    url: Callable[[Scene], str]
    add: Callable[[Scene], object]
    viewer: str = "anonymous"


def _call_url(name):
    return lambda scene: reverse(name, args=[scene.call.slug])


def _exports(
    name: str, listing: Listing, formats: tuple[str, ...] = tuple(sorted(EXPORT_FORMATS))
) -> dict:
    """The page and each export it answers (`?export=`; by default every format
    `core.http.requested_export` accepts, linked or not), as separate listings."""
    return {name: listing} | {
        f"{name}?export={export}": Listing(
            lambda scene, url=listing.url, export=export: f"{url(scene)}?export={export}",
            listing.add,
            listing.viewer,
        )
        for export in formats
    }


PLAN = "mode=online&start=2027-03-22&days=5&participants=24&host_tz=Europe/Brussels"

LISTINGS = {
    **_exports(
        "library",
        Listing(lambda scene: reverse("library:search"), _published_practice),
        formats=tuple(sorted(LIBRARY_EXPORT_FORMATS)),
    ),
    "library feed": Listing(lambda scene: reverse("library:feed"), _published_practice),
    "my practices": Listing(
        lambda scene: reverse("catalogue:mine"),
        lambda scene: _practice(scene, submitted_by=scene.member),
        "member",
    ),
    "practices to review": Listing(
        lambda scene: reverse("catalogue:review_queue"),
        lambda scene: _practice(scene, status="submitted"),
        "coordinator",
    ),
    "a practice's history": Listing(
        lambda scene: reverse("catalogue:history", args=[scene.practice.slug]),
        _practice_change,
        "coordinator",
    ),
    "my applications": Listing(lambda scene: reverse("calls:mine"), _my_application, "member"),
    "calls": Listing(
        lambda scene: reverse("calls:list"),
        lambda scene: CallFactory(
            programme=scene.programme, visits=[VisitFactory(programme=scene.programme)]
        ),
    ),
    **_exports(
        "a call's applications",
        Listing(_call_url("calls:applications"), _application_with_file, "coordinator"),
    ),
    "an application's page": Listing(
        lambda scene: reverse("calls:application", args=[scene.call.slug, scene.application.pk]),
        _review_of_the_application,
        "coordinator",
    ),
    **_exports(
        "a call's reviews",
        Listing(_call_url("calls:review"), _reviewed_application, "coordinator"),
    ),
    **_exports(
        "a call's selection",
        Listing(_call_url("calls:selection"), _selected_application, "coordinator"),
    ),
    "my visits": Listing(lambda scene: reverse("visits:dashboard"), _visit_i_host, "member"),
    "my visits, of every kind": Listing(
        lambda scene: reverse("visits:dashboard"), _visits_of_every_kind, "member"
    ),
    "my visits, as a coordinator": Listing(
        lambda scene: reverse("visits:dashboard"),
        lambda scene: VisitFactory(programme=scene.programme),  # without a plan: a link to plan it
        "coordinator",
    ),
    "a person's calendar feed": Listing(_members_feed, _published_session),
    "a visit's printable agenda": Listing(
        lambda scene: reverse("visits:agenda_print", args=[scene.programme.slug, scene.visit.slug]),
        lambda scene: _published_session(scene, scene.visit),
    ),
    "a visit's participant pack": Listing(
        lambda scene: reverse("visits:pack", args=[scene.programme.slug, scene.visit.slug]),
        _pack_rows,
        "member",
    ),
    "a visit's recommendations, seen by its host": Listing(
        lambda scene: reverse(
            "visits:recommendations", args=[scene.programme.slug, scene.visit.slug]
        ),
        _recommendation_to_answer,
        "member",
    ),
    "a visit's page with its rooms": Listing(
        lambda scene: reverse("visits:visit", args=[scene.programme.slug, scene.visit.slug]),
        lambda scene: _roomed_session(scene, scene.visit),
        "member",
    ),
    "a person's calendar feed with rooms": Listing(_members_feed, _roomed_session),
    "a visit's .ics": Listing(
        lambda scene: reverse("visits:visit_ics", args=[scene.programme.slug, scene.visit.slug]),
        lambda scene: _published_session(scene, scene.visit),
    ),
    "requests to join an organisation": Listing(
        lambda scene: reverse("people:affiliations"), _affiliation_request, "staff"
    ),
    "my page": Listing(lambda scene: reverse("programmes:dashboard"), _what_needs_me, "member"),
    "a visit's workspace": Listing(
        lambda scene: reverse("visits:workspace", args=[scene.programme.slug, scene.visit.slug]),
        _workspace_item,
        "coordinator",
    ),
    **_exports(
        "a visit's people",
        Listing(_roster_url, _roster_people, "coordinator"),
        formats=("csv", "xlsx"),
    ),
    "a visit's people, seen by a participant": Listing(
        _roster_url, _roster_seen_by_a_participant, "member"
    ),
    **_exports(
        "a session's attendance",
        Listing(_attendance_url, _marked_attendee, "coordinator"),
        formats=("csv", "xlsx"),
    ),
    "a visit's agenda editor": Listing(
        lambda scene: reverse("visits:agenda", args=[scene.programme.slug, scene.visit.slug]),
        _agenda_session,
        "coordinator",
    ),
    **_exports(
        "a session's breakout groups",
        Listing(_groups_url, _breakout_seats, "coordinator"),
        formats=("csv", "xlsx"),
    ),
    "a session's breakout groups, Zoom file": Listing(
        lambda scene: _groups_url(scene) + "?zoom=1", _breakout_seats, "coordinator"
    ),
    "a visit's page, with one's breakout groups": Listing(
        lambda scene: reverse("visits:visit", args=[scene.programme.slug, scene.visit.slug]),
        _my_groups_in_a_new_session,
        "member",
    ),
    "outbox": Listing(
        lambda scene: reverse("core:outbox"),
        lambda scene: OutboxMessage.objects.create(
            from_email="a@example.org", to="b@example.org", subject="S"
        ),
        "staff",
    ),
    "themes": Listing(
        lambda scene: reverse("programmes:themes"), _published_practice, "coordinator"
    ),
    **_exports(
        "a programme's members",
        Listing(
            lambda scene: reverse("programmes:members", args=[scene.programme.slug]),
            _member,
            "coordinator",
        ),
    ),
    "programmes": Listing(
        lambda scene: reverse("programmes:list"),
        lambda scene: VisitFactory(programme=ProgrammeFactory()),
    ),
    "a programme": Listing(
        lambda scene: reverse("programmes:detail", args=[scene.programme.slug]),
        _visit_and_coordinator,
    ),
    **_exports(
        "places",
        Listing(lambda scene: reverse("places:list"), lambda scene: PlaceFactory()),
    ),
    "formats": Listing(
        lambda scene: reverse("methodology:formats"), lambda scene: ActivityFormatFactory()
    ),
    "methodology guide": Listing(
        lambda scene: reverse("methodology:guide"), lambda scene: TemplateVersionFactory()
    ),
    **{
        f"planner{export}": Listing(
            lambda scene, export=export: f"{reverse('planner:plan')}?{PLAN}{export}",
            _agenda_item,
        )
        for export in ("", "&export=csv", "&export=ics", "&export=pdf")
    },
}


@pytest.fixture
def scene(programme, visit, coordinator, staff, private_files):
    return Scene(programme, visit, coordinator, staff)


@pytest.mark.parametrize("name", list(LISTINGS))
def test_a_list_with_three_rows_runs_no_more_queries_than_with_one(
    client, scene, name, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    listing = LISTINGS[name]
    if listing.viewer != "anonymous":
        client.force_login(
            scene.member if listing.viewer == "member" else scene.people[listing.viewer]
        )
    listing.add(scene)
    url = listing.url(scene)
    assert client.get(url).status_code == 200  # the first request after a change fills caches
    with CaptureQueriesContext(connection) as queries:
        one = client.get(url)
    with_one = len(queries)  # counted now: the next request empties the log
    # Committed, as in production: the change marks renew and public pages kept show the rows.
    with django_capture_on_commit_callbacks(execute=True):
        listing.add(scene)
        listing.add(scene)
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(with_one):
        three = client.get(url)
    assert len(three.content) > len(one.content), "the two new rows are shown"
