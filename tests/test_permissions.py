"""Every role against every protected view, from the URL configuration itself.

Every named URL is either PUBLIC (with the reason) or in the MATRIX: a new view without an
entry fails `test_every_named_url_is_public_or_in_the_role_matrix`. Allowed roles get the
page (or the redirect after a POST); refused signed-in people get 403 (404 where the view
hides what a person may not see); anonymous visitors are sent to log in.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
import rules
from django.apps import apps
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from citypeers.api.services import api_token_create
from citypeers.calls.models import (
    ApplicationFile,
    Call,
    Question,
    ReviewAssignment,
    SelectionRun,
)
from citypeers.core.models import OutboxMessage
from citypeers.feedback.models import ActionPlan, FormatLesson, MethodologyProposal, SurveyTemplate
from citypeers.feedback.services.templates import house_templates_load, template_customise
from citypeers.news.services import news_item_create
from citypeers.newsletter.services.issues import issue_save
from citypeers.people.services import affiliation_request
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.programmes.services import membership_remove
from citypeers.reports.models import Report, ReportComment, ReportVersion
from citypeers.visits.models import (
    BreakoutPlan,
    BreakoutSeat,
    Recommendation,
    SessionResource,
    VisitTask,
)
from citypeers.visits.selectors.attendance import check_in_signature
from tests.factories import (
    ActivityFormatFactory,
    AgendaSessionFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    TemplateVersionFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
    sent_application,
)
from tests.feedback.scene import answered_survey
from tests.newsletter.scene import news_item
from tests.samples import PDF

ROLES = [
    "anonymous",
    "no_role",
    "participant",
    "reviewer",
    "host",
    "expert",
    "rapporteur",
    "technical_host",
    "coordinator",
    "coordinator_elsewhere",
    "staff",
    # Rights that end or stop at a border: a reviewer removed from the programme (after
    # finishing a review, which stays), and the rapporteur of another visit of the programme.
    "removed_reviewer",
    "rapporteur_elsewhere",
]
SIGNED_IN = [role for role in ROLES if role != "anonymous"]
EVERYONE_SIGNED_IN = frozenset(SIGNED_IN)
EVERYONE = frozenset(ROLES)
COORDINATORS = frozenset({"coordinator", "staff"})  # of this programme
ANY_COORDINATOR = frozenset({"coordinator", "coordinator_elsewhere", "staff"})
VISIT_TEAM = frozenset({"coordinator", "host", "expert", "rapporteur", "technical_host", "staff"})
VISIT_PEOPLE = (VISIT_TEAM - {"staff"}) | {"participant"}
LOG_IN = "log in"

PUBLIC = {
    "healthz": "load balancer's health check",
    "robots_txt": "what crawlers may read, for everyone",
    "sitemap": "the index of public pages, for search engines",
    "sitemap_section": "public pages of one kind, for search engines",
    "set_language": "switching language, for everyone",
    "core:home": "home page",
    "library:search": "the library of published practices (and its exports)",
    "library:feed": "Atom feed of published practices",
    "library:reports_feed": "Atom feed of published reports (drafts never: tests/library/"
    "test_feeds_reports.py)",
    "library:calls_feed": "Atom feed of public calls not yet closed (drafts never)",
    "library:programme_feed": "Atom feed of what a programme publishes (public calls, published "
    "agendas and reports only: tests/library/test_feeds_programmes.py)",
    "library:theme_feed": "Atom feed of published practices, visits and reports of a theme",
    "library:widgets": "the widget builder: public lists only, nothing saved",
    "library:widget_visits": "embeddable widget of upcoming visits with a published agenda",
    "library:widget_calls": "embeddable widget of open public calls",
    "library:widget_visits_html": "the same upcoming visits as an HTML fragment (CORS *)",
    "library:widget_calls_html": "the same open calls as an HTML fragment (CORS *)",
    "library:widget_theme": "the widget's two colours as a stylesheet",
    "opendata:index": "the open data's landing page: public datasets only",
    "data:download": "a public collection as CSV or JSON (private records never in it: "
    "tests/library/test_opendata_downloads.py)",
    "data:programme_download": "a programme's public visits, calls, reports or news as CSV or "
    "JSON (tests/library/test_opendata_downloads.py)",
    "data:catalogue": "the DCAT-AP catalogue of the open data",
    "catalogue:detail": "a published practice (unpublished: test_unpublished_practices_…)",
    "methodology:guide": "the methodology guide",
    "methodology:guide_pdf": "the methodology guide as PDF",
    "methodology:formats": "the list of activity formats",
    "methodology:format": "an activity format",
    "methodology:template": "a visit template",
    "methodology:template_version": "an earlier version of a visit template",
    "methodology:template_changes": "what changed between two template versions",
    "methodology:worksheets": "the list of worksheets",
    "methodology:worksheet": "a worksheet as DOCX, ODT or PDF",
    "planner:plan": "the public planner (and its exports)",
    "places:list": "places (and their exports)",
    "places:detail": "a place",
    "programmes:list": "programmes",
    "programmes:detail": "a programme",
    "calls:list": "calls",
    "calls:detail": "a call",
    "visits:visit": "a visit's public page",
    "visits:agenda_print": "a visit's printable agenda once published (before: its team only, "
    "tests/visits/test_visit_event.py)",
    "visits:visit_ics": "a visit's published agenda as .ics, no room links (404 before: "
    "tests/visits/test_feeds.py)",
    "visits:calendar_feed": "a person's calendar feed: its secret address is the key (revoked "
    "or unknown: 404; what each role's feed holds: tests/visits/test_feeds.py)",
    "feedback:answer": "a survey's personal link: its signed token is the key (another signed-in "
    "person gets 403, a tampered token 404: tests/feedback/test_answering.py)",
    "feedback:programme_impact": "a programme's impact page: aggregates only, no name, small "
    "groups hidden (tests/feedback/test_impact.py)",
    "feedback:programme_impact_map": "the map of that impact page, as SVG",
    "feedback:visit_impact": "a visit's impact page: aggregates only, no name, small groups "
    "hidden (tests/feedback/test_impact.py)",
    "feedback:visit_impact_map": "the map of that impact page, as SVG",
    "people:privacy": "the privacy notice, written from the registry of personal data",
    "news:list": "the published news",
    "news:feed": "Atom feed of the published news",
    "news:detail": "a published news item (drafts and scheduled ones: 404 but to their editors, "
    "tests/news/test_pages.py)",
    "api:*": "the public API: reads only; the public sees published data, a programme's token "
    "its programme's too, a session cookie nothing more (tests/api/)",
    "admin:*": "Django's admin: staff only (test_admin_site_is_for_staff_only and below)",
    **{
        f"account_{name}": "allauth: signing up, in and out, e-mail addresses, passwords"
        for name in [
            "change_password",
            "confirm_email",
            "confirm_login_code",
            "email",
            "email_verification_sent",
            "inactive",
            "login",
            "logout",
            "reauthenticate",
            "reset_password",
            "reset_password_done",
            "reset_password_from_key",
            "reset_password_from_key_done",
            "set_password",
            "signup",
        ]
    },
    **{
        f"mfa_{name}": "allauth.mfa: a person's own second factors (sign-in required; each "
        "acts on the signed-in person only, tests/core/test_second_factor.py)"
        for name in [
            "activate_totp",
            "add_webauthn",
            "authenticate",
            "deactivate_totp",
            "download_recovery_codes",
            "edit_webauthn",
            "generate_recovery_codes",
            "index",
            "list_webauthn",
            "reauthenticate",
            "reauthenticate_webauthn",
            "remove_webauthn",
            "view_recovery_codes",
        ]
    },
}


class World:
    """What the matrix's URLs point at, built on first use: each test builds only its own."""

    def __init__(self, programme, visit):
        self.programme, self.visit = programme, visit
        self._people = {}

    def person(self, role: str):
        """The person holding `role` in the programme (one per role), or None: anonymous."""
        if role == "anonymous":
            return None
        if role not in self._people:
            self._people[role] = self._new_person(role)
        return self._people[role]

    def _new_person(self, role: str):
        if role == "staff":
            return UserFactory(is_staff=True)
        if role == "no_role":
            return UserFactory()
        if role == "coordinator_elsewhere":
            return MembershipFactory(role=Role.COORDINATOR).user
        if role == "removed_reviewer":
            membership = MembershipFactory(programme=self.programme, role=Role.REVIEWER)
            membership_remove(membership=membership, by=None)
            return membership.user
        if role == "rapporteur_elsewhere":
            elsewhere = VisitFactory(programme=self.programme)
            return MembershipFactory(
                programme=self.programme, visit=elsewhere, role=Role.RAPPORTEUR
            ).user
        on_visit = role not in {Role.COORDINATOR, Role.REVIEWER}
        return MembershipFactory(
            user=UserFactory(organisation=OrganisationFactory()),
            programme=self.programme,
            visit=self.visit if on_visit else None,
            role=role,
        ).user

    @cached_property
    def call(self):
        return CallFactory(programme=self.programme, visits=[self.visit])

    @cached_property
    def application(self):
        """The participant's sent application, chosen for the visit, waiting for an answer."""
        application = sent_application(
            self.call, self.person("participant"), preferences=[self.visit]
        )
        application.outcome, application.outcome_visit = "selected", self.visit
        application.save()
        return application

    @cached_property
    def assignment(self):
        """The reviewer's assignment to review the participant's application."""
        return ReviewAssignment.objects.create(
            application=self.application, reviewer=self.person("reviewer")
        )

    @cached_property
    def attached_file(self):
        """A PDF attached to the participant's application, which the reviewer is assigned."""
        question = Question.objects.create(call=self.call, kind="file", label="CV")
        return ApplicationFile.objects.create(
            application=self.assignment.application,
            question=question,
            file=ContentFile(PDF, name="cv.pdf"),
            name="cv.pdf",
            content_type="application/pdf",
        )

    @cached_property
    def review_call(self):
        """A call closed a minute ago, under review: one application, the reviewer's."""
        call = CallFactory(programme=self.programme, visits=[self.visit])
        sent_application(call, UserFactory(), preferences=[self.visit])
        closes_at = timezone.now() - datetime.timedelta(minutes=1)
        Call.objects.filter(pk=call.pk).update(closes_at=closes_at)
        call.refresh_from_db()
        return call

    @cached_property
    def review_assignment(self):
        """The reviewer's assignment in the call under review."""
        return ReviewAssignment.objects.create(
            application=self.review_call.applications.get(), reviewer=self.person("reviewer")
        )

    @cached_property
    def left_assignment(self):
        """A review the removed reviewer finished before leaving: it stays, read by nobody."""
        return ReviewAssignment.objects.create(
            application=self.review_call.applications.get(),
            reviewer=self.person("removed_reviewer"),
            completed_at=timezone.now(),
        )

    def publish_decisions(self) -> None:
        """The call under review gets a published selection: the review is over."""
        result = {"status": "optimal", "assignments": {}, "waiting_lists": {}, "decisions": {}}
        SelectionRun.objects.create(
            call=self.review_call,
            number=1,
            status="done",
            instance={"visits": [], "applicants": []},
            result=result,
            published_at=timezone.now(),
        )

    def finish_visit(self) -> None:
        """The visit took place in May 2021: its workspace is a record now."""
        Visit.objects.filter(pk=self.visit.pk).update(
            starts_on=datetime.date(2021, 5, 10), ends_on=datetime.date(2021, 5, 12)
        )

    @cached_property
    def rapporteurs_task(self):
        """A task the visit's rapporteur owns."""
        return VisitTask.objects.create(
            visit=self.visit,
            phase=9,
            position=2,
            role="rapporteur",
            title="Write the report",
            owner=self.person("rapporteur"),
            due_on=timezone.localdate() + datetime.timedelta(days=30),
        )

    @cached_property
    def finished_run(self):
        result = {"status": "optimal", "assignments": {}, "waiting_lists": {}, "decisions": {}}
        instance = {"visits": [], "applicants": []}
        return SelectionRun.objects.create(
            call=self.call, number=1, status="done", instance=instance, result=result
        )

    def affiliation(self, *, of: str | None = None, by: str | None = None):
        """A waiting request (by the person of role `by`, else a newcomer) to join the
        organisation of role `of`, or, without `of`, an organisation with no member that a
        practice of the programme names."""
        if of is not None:
            organisation = self.person(of).organisation
        else:
            organisation = OrganisationFactory()
            PracticeFactory(programme=self.programme).organisations.add(organisation)
        newcomer = self.person(by) if by else UserFactory()
        return affiliation_request(user=newcomer, organisation=organisation, by=newcomer)

    def practice(self, status: str, *, by: str | None = None):
        author = self.person(by) if by else UserFactory()
        factory = PublishedPracticeFactory if status == "published" else PracticeFactory
        return factory(programme=self.programme, status=status, submitted_by=author)

    @cached_property
    def session(self):
        """A session on day 1 of the visit's agenda (which dates that day)."""
        return AgendaSessionFactory(visit=self.visit)

    @cached_property
    def roomed_session(self):
        """A session of the (online) visit, in a programme whose rooms open from an address."""
        self.programme.room_provider = "url_template"
        self.programme.room_url_template = "https://meet.example.org/{room}"
        self.programme.save()
        return self.session

    @cached_property
    def breakout_plan(self):
        """The session's breakout groups, made: one round, the participant alone in a group."""
        plan = BreakoutPlan.objects.create(
            session=self.session, rounds=1, size=6, status="done", repeated_pairs=0, lower_bound=0
        )
        BreakoutSeat.objects.create(
            plan=plan, round_index=0, group_index=0, person=self.person("participant")
        )
        return plan

    @cached_property
    def task(self):
        return VisitTask.objects.create(
            visit=self.visit,
            phase=6,
            position=1,
            role="host",
            title="Brief",
            due_on=timezone.localdate() + datetime.timedelta(days=3),
        )


@dataclass(frozen=True)
class Case:
    """One URL, how to build its arguments, and who may use it."""

    allowed: frozenset
    args: Callable[[World], list] = lambda world: []
    query: str | Callable[[World], str] = ""
    method: str = "get"
    ok: int = 200  # what an allowed person gets
    refused: int = 403  # what a signed-in person without the right gets
    anonymous: int | str = LOG_IN  # what an anonymous visitor gets, when not allowed
    label: str = ""
    given: Callable[[World], object] = lambda world: None  # what must exist beforehand

    def url(self, name: str, world: World) -> str:
        self.given(world)
        query = self.query(world) if callable(self.query) else self.query
        return reverse(name, args=self.args(world)) + query

    def expected(self, role: str) -> int | str:
        if role in self.allowed:
            return self.ok
        return self.anonymous if role == "anonymous" else self.refused


def _api_token(world: World):
    token, _secret = api_token_create(programme=world.programme, name="Dashboard", by=None)
    return token


def _post(allowed, args=lambda world: [], **more) -> Case:
    """A POST-only view tried with empty data: allowed people get the redirect back."""
    return Case(allowed, args, method="post", ok=302, **more)


def _call(world):
    return [world.call.slug]


def _visit(world):
    return [world.programme.slug, world.visit.slug]


def _in_review(world):
    return [world.review_call.slug, world.review_assignment.pk]


def _left(world):
    return [world.review_call.slug, world.left_assignment.pk]


def _published(world):
    world.publish_decisions()
    return _in_review(world)


def _finished(world):
    world.finish_visit()
    return _visit(world)


def _session(world):
    return [*_visit(world), world.session.pk]


def _resource(world, *, finished: bool = False):
    """A resource of the session; the visit over, when `finished`."""
    if finished:
        world.finish_visit()
    item = SessionResource.objects.create(
        session=world.session, title="Slides", url="https://e.org"
    )
    return [*_session(world), item.pk]


def _check_in(world):
    return [*_session(world), check_in_signature(world.session)]


def _groups_made(world):
    return world.breakout_plan


# A person moved, or leaving: once the groups are made, as making them.
GROUPS_CHANGED = [
    Case(VISIT_TEAM, _session, method="post", given=_groups_made, label="empty form"),
    _post(
        frozenset(),
        lambda w: [*_finished(w), w.session.pk],
        given=_groups_made,
        label="finished visit",
    ),
]


def _recommendation(world, *, ended_days_ago: int | None = None):
    """A recommendation of the team; the visit ended that many days ago, when given."""
    if ended_days_ago is not None:
        last_day = timezone.localdate() - datetime.timedelta(days=ended_days_ago)
        Visit.objects.filter(pk=world.visit.pk).update(
            starts_on=last_day - datetime.timedelta(days=2), ends_on=last_day
        )
    recommendation = Recommendation.objects.create(visit=world.visit, text="Open the shops")
    return [*_visit(world), recommendation.pk]


def _survey_template(world):
    """The programme's own copy of the house's end-of-visit template (and the house's)."""
    if not hasattr(world, "_survey_template"):
        house_templates_load()
        house = SurveyTemplate.objects.get(programme=None, moment="end")
        world._survey_template = template_customise(
            programme=world.programme, template=house, by=None
        )
    return [world.programme.slug, world._survey_template.pk]


def _house_survey_template(world):
    house_templates_load()
    return [world.programme.slug, SurveyTemplate.objects.get(programme=None, moment="host").pk]


def _action_plan(world, *, shared: bool = False):
    """The participant's submitted plan for the visit (over since 2021), shared with the host
    and the expert, or with nobody."""
    world.finish_visit()
    plan = ActionPlan.objects.create(
        visit=world.visit,
        person=world.person("participant"),
        status="submitted",
        shared_with_host=shared,
        shared_with_expert=shared,
    )
    return [*_visit(world), plan.pk]


def _shared_plan(world):
    return _action_plan(world, shared=True)


def _planned(world):
    VisitPlanFactory(visit=world.visit)
    return _visit(world)


def _survey(world, *, responses: int = 0):
    """The visit's end-of-visit survey, sent, with that many responses."""
    survey, _given, _sessions = answered_survey(responses=responses, visit=world.visit)
    return [*_visit(world), survey.pk]


def _answered(world):
    return _survey(world, responses=3)


def _started(world):
    """The visit began today, with a session on its agenda."""
    today = timezone.localdate()
    Visit.objects.filter(pk=world.visit.pk).update(
        starts_on=today, ends_on=today + datetime.timedelta(days=2)
    )
    world.session  # noqa: B018 (built for its side effect)
    return _visit(world)


def _lesson(world) -> FormatLesson:
    """The team's lesson on the format of the visit's session."""
    return FormatLesson.objects.get_or_create(
        visit=world.visit, format=world.session.format, defaults={"worked": "Small tables"}
    )[0]


def _from_lessons(world) -> str:
    return f"?format={_lesson(world).format.slug}"


def _proposal(world):
    proposal = MethodologyProposal.objects.create(
        format=world.session.format, title="Shorter", rationale="Tired", change="45 minutes"
    )
    proposal.lessons.add(_lesson(world))
    return [proposal.pk]


REPORT_WRITERS = frozenset({"coordinator", "rapporteur", "staff"})


def _report(status: str = "draft"):
    """The visit's report in `status`, with one version (the address is the visit's)."""

    def args(world):
        published_at = timezone.now() if status == "published" else None
        report = Report.objects.create(
            visit=world.visit, language="en", title="R", status=status, published_at=published_at
        )
        ReportVersion.objects.create(report=report, number=1, sections={"summary": "S"})
        return _visit(world)

    return args


def _report_comment(world):
    args = _report("check")(world)
    report = Report.objects.get(visit=world.visit)
    comment = ReportComment.objects.create(
        report=report, version=report.versions.get(), section_key="summary", body="1998"
    )
    return [*args, comment.pk]


def _news(world):
    """A draft news item of the programme."""
    item = news_item_create(by=None, programme=world.programme, title="Call", summary="S", body="B")
    return [item.slug]


def _news_text(world):
    return [*_news(world), "fr"]


MATRIX = {
    "core:outbox": [Case({"staff"})],
    "core:outbox_message": [
        Case(
            {"staff"},
            lambda w: [
                OutboxMessage.objects.create(
                    from_email="a@example.org", to="b@example.org", subject="S"
                ).pk
            ],
        )
    ],
    "people:profile": [Case(EVERYONE_SIGNED_IN)],
    # A person's own data and erasure: everyone signed in, for themselves only, after signing in
    # again (allauth's re-authentication: a fresh session is sent there first; the pages
    # themselves: tests/people/test_privacy_views.py).
    "people:my_data": [Case(EVERYONE_SIGNED_IN, ok=302)],
    "people:my_data_download": [Case(EVERYONE_SIGNED_IN, ok=302)],
    "people:erase": [Case(EVERYONE_SIGNED_IN, ok=302), _post(EVERYONE_SIGNED_IN, label="post")],
    "people:affiliations": [Case(EVERYONE_SIGNED_IN)],
    # A request to join an organisation: its members decide (not the programme's coordinators);
    # where it has none, the coordinators of a programme it takes part in; staff always.
    "people:affiliation_decide": [
        Case({"participant", "staff"}, lambda w: [w.affiliation(of="participant").pk]),
        Case(COORDINATORS, lambda w: [w.affiliation().pk], label="organisation without members"),
    ],
    # Only the person who asked withdraws.
    "people:affiliation_withdraw": [
        _post({"no_role"}, lambda w: [w.affiliation(of="participant", by="no_role").pk]),
    ],
    "places:create": [Case(ANY_COORDINATOR)],
    "programmes:dashboard": [Case(EVERYONE_SIGNED_IN)],
    "programmes:members": [
        Case(COORDINATORS, lambda w: [w.programme.slug]),
        Case(COORDINATORS, lambda w: [w.programme.slug], query="?export=csv", label="csv"),
    ],
    # The programme's audit trail and its downloads: its coordinators (and staff).
    "programmes:audit": [
        Case(COORDINATORS, lambda w: [w.programme.slug]),
        Case(COORDINATORS, lambda w: [w.programme.slug], query="?export=csv", label="csv"),
        Case(COORDINATORS, lambda w: [w.programme.slug], query="?export=json", label="json"),
    ],
    "programmes:member_remove": [
        Case(
            COORDINATORS,
            lambda w: [w.programme.slug, MembershipFactory(programme=w.programme).pk],
        )
    ],
    # Where the programme's online sessions meet: its coordinators (and staff).
    "programmes:rooms": [
        Case(COORDINATORS, lambda w: [w.programme.slug]),
        Case(COORDINATORS, lambda w: [w.programme.slug], method="post", label="empty form"),
    ],
    # The licence of the programme's open data: its coordinators (and staff).
    "programmes:open_data": [
        Case(COORDINATORS, lambda w: [w.programme.slug]),
        Case(COORDINATORS, lambda w: [w.programme.slug], method="post", label="empty form"),
    ],
    # A programme's API tokens: its coordinators (and staff) list, make and revoke them.
    "api_tokens:list": [
        Case(COORDINATORS, lambda w: [w.programme.slug]),
        Case(COORDINATORS, lambda w: [w.programme.slug], method="post", ok=400, label="empty"),
    ],
    "api_tokens:revoke": [
        Case(COORDINATORS, lambda w: [w.programme.slug, _api_token(w).pk]),
        _post(COORDINATORS, lambda w: [w.programme.slug, _api_token(w).pk]),
    ],
    "programmes:themes": [Case(ANY_COORDINATOR)],
    "programmes:theme_edit": [Case(ANY_COORDINATOR, lambda w: [ThemeFactory().slug])],
    # A programme's survey templates: its coordinators (and staff). Customising twice is
    # refused with a message on the templates page (a redirect all the same).
    "feedback:templates": [Case(COORDINATORS, lambda w: [w.programme.slug])],
    "feedback:template_customise": [_post(COORDINATORS, _house_survey_template)],
    "feedback:template_edit": [
        Case(COORDINATORS, _survey_template),
        Case(COORDINATORS, _survey_template, method="post", label="empty form"),
    ],
    "feedback:template_versions": [Case(COORDINATORS, _survey_template)],
    "catalogue:create": [Case(EVERYONE_SIGNED_IN)],
    "catalogue:mine": [Case(EVERYONE_SIGNED_IN)],
    "catalogue:review_queue": [Case(EVERYONE_SIGNED_IN)],
    "catalogue:edit": [
        Case({"staff"}, lambda w: [w.practice("submitted").slug], label="someone's, submitted"),
        Case(
            {"participant", "staff"},
            lambda w: [w.practice("draft", by="participant").slug],
            label="participant's draft",
        ),
    ],
    "catalogue:submit": [
        _post({"participant", "staff"}, lambda w: [w.practice("draft", by="participant").slug])
    ],
    "catalogue:review": [Case(COORDINATORS, lambda w: [w.practice("submitted").slug])],
    "catalogue:history": [Case(COORDINATORS, lambda w: [w.practice("submitted").slug])],
    "methodology:format_create": [Case(ANY_COORDINATOR)],
    "methodology:format_edit": [Case(ANY_COORDINATOR, lambda w: [ActivityFormatFactory().slug])],
    "methodology:template_edit": [
        Case(ANY_COORDINATOR, lambda w: [TemplateVersionFactory().template.slug])
    ],
    # The planner's parameters come from the address; a template must exist to plan with.
    "visits:create_from_plan": [Case(ANY_COORDINATOR, given=lambda w: TemplateVersionFactory())],
    "visits:dashboard": [Case(EVERYONE_SIGNED_IN)],
    # One's own calendar subscription: a confirmation (GET), then the change (POST).
    "visits:calendar": [Case(EVERYONE_SIGNED_IN)],
    "visits:calendar_renew": [Case(EVERYONE_SIGNED_IN), _post(EVERYONE_SIGNED_IN)],
    "visits:calendar_stop": [Case(EVERYONE_SIGNED_IN), _post(EVERYONE_SIGNED_IN)],
    # A finished visit's workspace is read by its team and changed by nobody (see below).
    "visits:workspace": [
        Case(VISIT_TEAM, _visit),
        Case(VISIT_TEAM, _finished, label="finished visit"),
    ],
    # Giving a plan to a visit made without one: its programme's coordinators and staff,
    # once (refused when it has one) and before it is over.
    "visits:apply_plan": [
        Case(COORDINATORS, _visit, given=lambda w: TemplateVersionFactory()),
        _post(COORDINATORS, _visit, given=lambda w: TemplateVersionFactory()),
        Case(frozenset(), _planned, label="visit with a plan"),
        _post(frozenset(), _planned, label="visit with a plan"),
        Case(
            frozenset(), _finished, given=lambda w: TemplateVersionFactory(), label="finished visit"
        ),
    ],
    "visits:agenda_publish": [
        _post(VISIT_TEAM, _visit),
        _post(frozenset(), _finished, label="finished visit"),
    ],
    # The agenda editor: the visit's team; a finished visit's agenda is read, never changed.
    "visits:agenda": [
        Case(VISIT_TEAM, _visit),
        Case(VISIT_TEAM, _finished, label="finished visit"),
    ],
    "visits:agenda_session": [
        Case(VISIT_TEAM, _session),
        _post(frozenset(), lambda w: [*_finished(w), _session(w)[-1]], label="finished visit"),
    ],
    "visits:agenda_session_add": [
        Case(VISIT_TEAM, lambda w: [*_visit(w), w.session.day]),
        _post(frozenset(), lambda w: [*_finished(w), w.session.day], label="finished visit"),
    ],
    "visits:agenda_session_delete": [
        Case(VISIT_TEAM, _session),
        _post(VISIT_TEAM, _session),
        _post(frozenset(), lambda w: [*_finished(w), _session(w)[-1]], label="finished visit"),
    ],
    # A session's resources: its team reads them, adds and removes them until the visit is over
    # (an empty one comes back with its errors).
    "visits:session_resources": [
        Case(VISIT_TEAM, _session),
        Case(VISIT_TEAM, _session, method="post", label="empty resource"),
        Case(VISIT_TEAM, lambda w: [*_finished(w), w.session.pk], label="finished visit"),
        _post(frozenset(), lambda w: [*_finished(w), w.session.pk], label="finished visit"),
    ],
    "visits:session_resource_delete": [
        Case(VISIT_TEAM, _resource),
        _post(VISIT_TEAM, _resource),
        _post(frozenset(), lambda w: _resource(w, finished=True), label="finished visit"),
    ],
    "visits:agenda_daily_time": [
        Case(VISIT_TEAM, _visit),
        _post(frozenset(), _finished, label="finished visit"),
    ],
    # A session's breakout groups: seen by the visit's team, downloaded by them (Zoom per
    # round, CSV), made and changed until the visit is over. A POST with empty data shows its
    # form again with the errors (200).
    "visits:groups": [
        Case(VISIT_TEAM, _session),
        Case(VISIT_TEAM, _session, query="?zoom=1", given=_groups_made, label="zoom"),
        Case(VISIT_TEAM, _session, query="?export=csv", given=_groups_made, label="csv"),
        Case(VISIT_TEAM, lambda w: [*_finished(w), w.session.pk], label="finished visit"),
    ],
    "visits:groups_generate": [
        Case(VISIT_TEAM, _session, method="post", label="empty form"),
        _post(frozenset(), lambda w: [*_finished(w), w.session.pk], label="finished visit"),
    ],
    "visits:groups_move": GROUPS_CHANGED,
    "visits:groups_dropout": GROUPS_CHANGED,
    # A task: its owner, the visit's host team, the programme's coordinators (and staff); not
    # the visit's other experts or rapporteurs, not another visit's team.
    "visits:task_update": [
        _post(COORDINATORS | {"host"}, lambda w: [*_visit(w), w.task.pk], label="host's task"),
        _post(
            COORDINATORS | {"host", "rapporteur"},
            lambda w: [*_visit(w), w.rapporteurs_task.pk],
            label="rapporteur's own task",
        ),
        _post(frozenset(), lambda w: [*_finished(w), w.task.pk], label="finished visit's task"),
    ],
    # The roster: the team sees everyone and downloads it; the visit's participants see those
    # who consented (test_roster.py), and may not download it.
    "visits:roster": [
        Case(VISIT_TEAM | {"participant"}, _visit),
        Case(VISIT_TEAM | {"participant"}, _finished, label="finished visit"),
        Case(VISIT_TEAM, _visit, query="?export=csv", label="download"),
    ],
    # Whom an interpreter interprets for: the team sets it until the visit is over; a POST
    # naming no interpreter of the visit finds nobody (404; the form: test_interpreting.py).
    "visits:interpreting": [
        Case(VISIT_TEAM, _visit, method="post", ok=404, label="no interpreter named"),
        _post(frozenset(), _finished, label="finished visit"),
    ],
    # Attendance: the team reads a session's sheet and downloads it, and marks it until the
    # visit is over (an empty mark comes back with its message); the visit's people open the
    # session's check-in link (staff have no place to check in to). The window is the
    # service's: tests/visits/test_attendance.py.
    "visits:attendance": [
        Case(VISIT_TEAM, _session),
        Case(VISIT_TEAM, _session, query="?export=csv", label="download"),
        _post(VISIT_TEAM, _session, label="marking"),
        Case(VISIT_TEAM, lambda w: [*_finished(w), w.session.pk], label="finished visit"),
        _post(frozenset(), lambda w: [*_finished(w), w.session.pk], label="finished visit"),
    ],
    # Surveys: the visit's team (coordinators included) and staff see when they go out and
    # who answered, change their anonymity until sent, send one now, read results and
    # charts; a programme's results across its visits are its coordinators'.
    "feedback:surveys": [Case(VISIT_TEAM, _visit)],
    "feedback:survey_rates": [Case(VISIT_TEAM, _visit)],
    "feedback:surveys_prepare": [_post(VISIT_TEAM, _visit)],
    "feedback:survey_anonymity": [
        Case(VISIT_TEAM, _survey, method="post", ok=400, label="empty form")
    ],
    "feedback:survey_send": [Case(VISIT_TEAM, _survey)],
    "feedback:results": [
        Case(VISIT_TEAM, _answered),
        Case(VISIT_TEAM, _answered, query="?export=csv", label="download"),
    ],
    "feedback:chart": [Case(VISIT_TEAM, lambda w: [*_answered(w), "rating-useful"])],
    "feedback:programme_results": [
        Case(COORDINATORS, lambda w: [w.programme.slug]),
        Case(COORDINATORS, lambda w: [w.programme.slug], query="?export=xlsx", label="download"),
    ],
    "feedback:programme_chart": [
        Case(
            COORDINATORS,
            lambda w: [w.programme.slug, "end-rating-useful"],
            given=_answered,
        )
    ],
    "visits:check_in": [
        Case(VISIT_PEOPLE, _check_in),
        _post(VISIT_PEOPLE, _check_in, label="checking in"),
    ],
    # The questionnaire: the visit's people (staff have no answer to give); an empty answer
    # is shown again with its error; once the visit has started it is read-only.
    "visits:questionnaire": [
        Case(VISIT_PEOPLE, _visit),
        Case(VISIT_PEOPLE, _visit, method="post", label="empty answer"),
        Case(VISIT_PEOPLE, _finished, label="finished visit"),
        _post(frozenset(), _finished, label="finished visit"),
    ],
    # The participant pack: the visit's people and staff.
    "visits:pack": [
        Case(VISIT_TEAM | {"participant"}, _visit),
        Case(VISIT_TEAM | {"participant"}, _finished, label="finished visit"),
    ],
    # Recommendations for the host: everyone on the visit (and staff) reads them; the team
    # adds them until the visit is over (an empty one comes back with its error); the host
    # answers each, also after the visit, until a year after its end.
    "visits:recommendations": [
        Case(VISIT_TEAM | {"participant"}, _visit),
        Case(VISIT_TEAM | {"participant"}, _finished, label="finished visit"),
        Case(VISIT_TEAM, _visit, method="post", label="empty recommendation"),
        _post(frozenset(), _finished, label="finished visit"),
    ],
    "visits:recommendation_answer": [
        Case({"host"}, _recommendation, method="post", label="empty answer"),
        Case(
            {"host"},
            lambda w: _recommendation(w, ended_days_ago=300),
            method="post",
            label="visit over for 300 days",
        ),
        _post(frozenset(), lambda w: _recommendation(w, ended_days_ago=400), label="a year on"),
    ],
    # A session's room: the visit's people (team and participants), not staff outside it;
    # the room opens from a meeting server's address, so the allowed are sent there.
    "visits:join": [Case(VISIT_PEOPLE, lambda w: [*_visit(w), w.roomed_session.pk], ok=302)],
    # A breakout group's room (group 1 of the session's groups): the same people, sent there;
    # the rapporteur of another visit is refused as for the session's room.
    "visits:join_group": [
        Case(
            VISIT_PEOPLE,
            lambda w: [*_visit(w), w.roomed_session.pk, 1],
            given=lambda w: w.breakout_plan,
            ok=302,
        )
    ],
    # Transfer action plans: each participant's own (before the visit's last day the page says
    # when it opens; an empty post comes back with its errors); the follow-up page likewise.
    # Coordinators and staff read every plan, the host and the expert those shared with them;
    # whoever reads another's plan comments on it (an empty comment comes back).
    "feedback:plan": [
        Case({"participant"}, _visit, label="visit not over"),
        Case({"participant"}, _finished, label="finished visit"),
        Case({"participant"}, _finished, method="post", label="empty plan"),
    ],
    "feedback:plan_follow_up": [
        Case({"participant"}, _visit, label="no plan"),
        Case({"participant"}, lambda w: _action_plan(w)[:2], label="six months on"),
        Case({"participant"}, lambda w: _action_plan(w)[:2], method="post", label="empty"),
    ],
    "feedback:plan_list": [
        Case(COORDINATORS | {"host", "expert"}, _visit),
        Case(COORDINATORS | {"host", "expert"}, _visit, query="?export=csv", label="csv"),
        Case(COORDINATORS | {"host", "expert"}, _visit, query="?export=xlsx", label="xlsx"),
    ],
    "feedback:plan_read": [
        Case(COORDINATORS | {"participant"}, _action_plan, label="not shared"),
        Case(COORDINATORS | {"participant", "host", "expert"}, _shared_plan, label="shared"),
        Case(COORDINATORS | {"host", "expert"}, _shared_plan, method="post", label="comment"),
    ],
    # Lessons per format: the visit's team from its first day, also once it is over; an empty
    # form comes back as it was.
    "feedback:lessons": [
        Case(VISIT_TEAM, _started),
        Case(VISIT_TEAM, _started, method="post", label="empty form"),
        Case(VISIT_TEAM, _finished, given=lambda w: w.session, label="finished visit"),
        Case(frozenset(), _visit, label="not begun"),
        Case(frozenset(), _visit, method="post", label="not begun, posting"),
    ],
    "feedback:methodology_test": [
        Case(VISIT_TEAM, _visit),
        Case(VISIT_TEAM, _finished, given=_lesson, label="finished visit"),
    ],
    # Proposals to change the methodology: whoever may change it (any coordinator, staff).
    "feedback:proposals": [Case(ANY_COORDINATOR, given=_lesson)],
    "feedback:proposal_new": [
        Case(ANY_COORDINATOR, given=_lesson),
        Case(ANY_COORDINATOR, query=_from_lessons, label="a format's lessons"),
        Case(ANY_COORDINATOR, query=_from_lessons, method="post", label="empty form"),
    ],
    "feedback:proposal": [
        Case(ANY_COORDINATOR, _proposal),
        Case(ANY_COORDINATOR, _proposal, method="post", label="empty decision"),
    ],
    # The visit's report: once published, everyone reads it (page and PDF); before, the
    # visit's team, which also sees "no report yet" and, for its writers, the start form.
    "reports:report": [
        Case(VISIT_TEAM, _visit, label="no report"),
        Case(VISIT_TEAM, _report("draft"), label="draft"),
        Case(EVERYONE, _report("published"), label="published"),
    ],
    "reports:pdf": [
        Case(VISIT_TEAM, _report("draft"), label="draft"),
        Case(EVERYONE, _report("published"), label="published"),
    ],
    # Written by the visit's rapporteur and the programme's coordinators (an empty start form
    # comes back with its error); a published report is not edited until unpublished.
    "reports:start": [Case(REPORT_WRITERS, _visit, method="post", label="empty form")],
    "reports:edit": [
        Case(REPORT_WRITERS, _report("draft"), label="draft"),
        Case(REPORT_WRITERS, _report("draft"), method="post", label="empty form"),
        Case(frozenset(), _report("published"), label="published"),
    ],
    "reports:step": [_post(REPORT_WRITERS, _report("draft"))],
    "reports:versions": [Case(VISIT_TEAM, _report("draft"))],
    "reports:diff": [Case(VISIT_TEAM, lambda w: [*_report("draft")(w), 1, 1])],
    # Comments: read by the team; written by the host during the factual check and by the
    # writers (an empty one comes back with its error); resolved by the writers.
    "reports:comments": [
        Case(VISIT_TEAM, _report("check")),
        Case(REPORT_WRITERS | {"host"}, _report("check"), method="post", label="empty, check"),
        Case(REPORT_WRITERS, _report("draft"), method="post", label="empty, draft"),
    ],
    "reports:comment_resolve": [_post(REPORT_WRITERS, _report_comment)],
    # News: staff write the network's and any programme's; coordinators their programme's.
    "news:manage": [Case(ANY_COORDINATOR)],
    "news:create": [
        Case(ANY_COORDINATOR),
        Case(ANY_COORDINATOR, method="post", label="empty form"),
    ],
    "news:edit": [
        Case(COORDINATORS, _news),
        Case(COORDINATORS, _news, method="post", label="empty form"),
    ],
    "news:text": [
        Case(COORDINATORS, _news_text),
        Case(COORDINATORS, _news_text, method="post", label="empty form"),
    ],
    "news:text_remove": [_post(COORDINATORS, _news_text)],
    "news:schedule": [Case(COORDINATORS, _news, method="post", label="empty form")],
    "news:publish": [_post(COORDINATORS, _news)],
    "news:unpublish": [_post(COORDINATORS, _news)],
    "news:delete": [Case(COORDINATORS, _news), _post(COORDINATORS, _news)],
    "calls:create": [Case(ANY_COORDINATOR)],
    "calls:mine": [Case(EVERYONE_SIGNED_IN)],
    "calls:apply": [Case(EVERYONE_SIGNED_IN, _call)],
    # One's own application: other people's do not exist for them.
    "calls:respond": [
        Case({"participant"}, lambda w: [w.application.call.slug], refused=404),
    ],
    "calls:withdraw": [_post({"participant"}, lambda w: [w.application.call.slug], refused=404)],
    "calls:edit": [Case(COORDINATORS, _call)],
    "calls:questions": [Case(COORDINATORS, _call)],
    "calls:preview": [Case(COORDINATORS, _call)],
    "calls:copy": [_post(COORDINATORS, _call)],
    "calls:publish": [
        _post(COORDINATORS, lambda w: [CallFactory(programme=w.programme, published_at=None).slug])
    ],
    "calls:rubric": [Case(COORDINATORS, _call)],
    "calls:applications": [
        Case(COORDINATORS, _call),
        Case(COORDINATORS, _call, query="?export=csv", label="csv"),
        Case(COORDINATORS, _call, query="?export=xlsx", label="xlsx"),
    ],
    # An attached file: the applicant, the reviewer assigned the application, coordinators.
    "calls:file": [
        Case(
            COORDINATORS | {"participant", "reviewer"},
            lambda w: [w.call.slug, w.attached_file.application_id, w.attached_file.pk],
        )
    ],
    # An application's page: coordinators, staff, the reviewers assigned it while reviewers;
    # not its applicant (they have their own page), not a reviewer who left the programme.
    "calls:application": [
        Case(
            COORDINATORS | {"reviewer"},
            lambda w: [w.call.slug, w.assignment.application_id],
            label="reviewer assigned",
        ),
        Case(
            COORDINATORS | {"reviewer"},
            lambda w: [w.review_call.slug, w.left_assignment.application_id],
            given=lambda w: w.review_assignment,
            label="a reviewer left",
        ),
    ],
    "calls:eligibility": [_post(COORDINATORS, lambda w: [w.call.slug, w.application.pk])],
    "calls:host_select": [_post(COORDINATORS, lambda w: [w.call.slug, w.application.pk])],
    "calls:review": [
        Case(COORDINATORS, _call, label="no reviewer assigned"),
        Case(
            COORDINATORS | {"reviewer"},
            lambda w: [w.assignment.application.call.slug],
            label="reviewer assigned",
        ),
        # The removed reviewer still holds a finished review of it: refused all the same.
        Case(
            COORDINATORS | {"reviewer"},
            lambda w: [w.review_call.slug],
            given=lambda w: (w.review_assignment, w.left_assignment),
            label="a reviewer left",
        ),
        Case(COORDINATORS, _call, query="?export=csv", label="csv"),
    ],
    "calls:assign": [_post(COORDINATORS, _call)],
    # Only the reviewer holding the assignment, still a reviewer of the programme, scores it,
    # and only from the call's close to its published decisions: not even staff. Outside
    # those times the holder reads it (no form) and a post is refused.
    "calls:score": [
        Case({"reviewer"}, _in_review, label="review open"),
        Case({"reviewer"}, _in_review, method="post", label="saving, review open"),
        Case({"reviewer"}, lambda w: [w.call.slug, w.assignment.pk], label="call still open"),
        Case(
            frozenset(),
            lambda w: [w.call.slug, w.assignment.pk],
            method="post",
            label="saving, call still open",
        ),
        Case({"reviewer"}, _published, label="decisions published"),
        Case(frozenset(), _published, method="post", label="saving, decisions published"),
        Case(frozenset(), _left, label="a removed reviewer's own"),
        Case(frozenset(), _left, method="post", label="saving, a removed reviewer's own"),
    ],
    "calls:conflict": [
        _post({"reviewer"}, _in_review, label="review open"),
        _post(frozenset(), lambda w: [w.call.slug, w.assignment.pk], label="call still open"),
        _post(frozenset(), _published, label="decisions published"),
        _post(frozenset(), _left, label="a removed reviewer's own"),
    ],
    "calls:selection": [
        Case(COORDINATORS, _call),
        *(
            Case(COORDINATORS, _call, query=f"?export={export}", label=export)
            for export in ("csv", "xlsx", "json")
        ),
    ],
    "calls:selection_run": [_post(COORDINATORS, _call)],
    "calls:selection_override": [_post(COORDINATORS, _call)],
    "calls:selection_messages": [Case(COORDINATORS, _call)],
    # GET only: checking a run before publishing it (a POST publishes).
    "calls:selection_publish": [
        Case(COORDINATORS, _call, query=lambda w: f"?run={w.finished_run.number}")
    ],
}


# The newsletter (tests/newsletter/): its public pages are opened by a key, a token or a secret;
# a programme's newsletter is its coordinators' (and staff's).
PUBLIC.update(
    {
        "newsletter:subscribe": "the newsletters and the subscribe form, rate-limited "
        "(tests/newsletter/test_subscriptions.py)",
        "newsletter:confirm": "a confirmation link: its signed, expiring key is the key "
        "(tampered or expired: 404, tests/newsletter/test_subscriptions.py)",
        "newsletter:unsubscribe": "a subscriber's unsubscribe link: its random token is the key "
        "(RFC 8058 one-click POST, tests/newsletter/test_subscriptions.py)",
        "newsletter:preferences": "a subscriber's preferences: the same token is the key",
        "newsletter:bounce": "the mail provider's bounce reports: a shared secret, off without "
        "one (tests/newsletter/test_bounces.py)",
    }
)


def _newsletter_issue(world):
    issue = issue_save(
        programme=world.programme,
        texts={"en": ("Spring", "")},
        language="en",
        items=[("news", news_item(world.programme))],
        by=None,
    )
    return [world.programme.slug, issue.pk]


def _newsletter(world):
    return [world.programme.slug]


MATRIX.update(
    {
        "newsletter:programme": [
            Case(COORDINATORS, _newsletter),
            Case(COORDINATORS, _newsletter, query="?export=csv", label="csv"),
        ],
        "newsletter:issue_new": [
            Case(COORDINATORS, _newsletter),
            Case(COORDINATORS, _newsletter, method="post", label="empty form"),
        ],
        "newsletter:issue_edit": [Case(COORDINATORS, _newsletter_issue)],
        "newsletter:issue_preview": [Case(COORDINATORS, _newsletter_issue)],
        "newsletter:issue_send": [
            Case(COORDINATORS, _newsletter_issue),
            _post(COORDINATORS, _newsletter_issue, label="sending"),
        ],
        "newsletter:issue_log": [Case(COORDINATORS, _newsletter_issue)],
    }
)


def url_names(patterns=None, namespace: str = "") -> set[str]:
    """Every named URL, as `namespace:name`, through includes and language prefixes."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def _entries_for(name: str) -> list[str]:
    wildcard = name.split(":")[0] + ":*" if ":" in name else None
    return [entry for entry in (name, wildcard) if entry in PUBLIC] + (
        [name] if name in MATRIX else []
    )


def test_every_named_url_is_public_or_in_the_role_matrix():
    missing = sorted(name for name in url_names() if not _entries_for(name))
    assert not missing, "".join(f"\nadd {name} to the role matrix (or PUBLIC)" for name in missing)


def test_no_url_is_both_public_and_in_the_role_matrix():
    twice = sorted(name for name in url_names() if len(_entries_for(name)) > 1)
    assert not twice, f"listed more than once: {twice}"


def test_the_tables_name_only_urls_that_exist():
    names = url_names()
    namespaces = {name.split(":")[0] + ":*" for name in names if ":" in name}
    stale = sorted(entry for entry in [*PUBLIC, *MATRIX] if entry not in names | namespaces)
    assert not stale, f"no such URL any more, remove from the tables: {stale}"


def _database_rows() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_config.name.startswith("citypeers")
    }


@pytest.fixture
def world(programme, visit, private_files):
    return World(programme, visit)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "case", "role"),
    [
        pytest.param(
            name, case, role, id=f"{name}{'[' + case.label + ']' if case.label else ''}-{role}"
        )
        for name, cases in MATRIX.items()
        for case in cases
        for role in ROLES
    ],
)
def test_role_matrix(client, world, name, case, role, django_capture_on_commit_callbacks):
    person = world.person(role)
    url = case.url(name, world)
    if person is not None:
        client.force_login(person)
    before = _database_rows() if case.method == "post" else None
    # Mail and tasks are queued after the commit: run them, so a refused POST that queued
    # anything shows it in the outbox.
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = getattr(client, case.method)(url)
    expected = case.expected(role)
    if expected == LOG_IN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if case.method == "post" and role not in case.allowed:
        assert _database_rows() == before, "a refused POST changed nothing"
        assert queued == [] and mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_unpublished_practices_do_not_exist_for_those_who_may_not_review_them(client, world, role):
    """A submitted practice: the programme's coordinators and staff see it, others get 404."""
    practice = world.practice("submitted")
    if person := world.person(role):
        client.force_login(person)
    response = client.get(reverse("catalogue:detail", args=[practice.slug]))
    assert response.status_code == (200 if role in COORDINATORS else 404)
    published = world.practice("published")
    assert client.get(reverse("catalogue:detail", args=[published.slug])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(set(SIGNED_IN) - COORDINATORS))
def test_only_coordinators_can_give_roles(
    client, programme, people_by_role, role, django_capture_on_commit_callbacks
):
    """A POST is refused as firmly as a GET: nothing is created, nobody is e-mailed."""
    client.force_login(people_by_role[role])
    before = Membership.objects.count()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client.post(
            reverse("programmes:members", args=[programme.slug]),
            {"email": people_by_role["no_role"].email, "role": "reviewer"},
        )
    assert response.status_code == 403
    assert Membership.objects.count() == before
    assert queued == [] and mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["host", "participant", "no_role", "staff"])
def test_admin_site_is_for_staff_only(client, people_by_role, role):
    client.force_login(people_by_role[role])
    response = client.get("/admin/", follow=True)
    assert response.status_code == (200 if role == "staff" else 403)


@pytest.mark.django_db
def test_the_admin_sends_anonymous_visitors_to_the_rate_limited_log_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200


ADMIN_PAGES = sorted(
    name
    for name in url_names()
    if name.startswith("admin:") and name.endswith(("_changelist", "_add"))
)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_every_admin_list_and_form_is_closed_to_people_who_are_not_staff(
    client, programme, coordinator, name
):
    """What the `admin:*` row in PUBLIC stands for: no admin page opens without staff."""
    anonymous = client.get(reverse(name), follow=True)
    assert anonymous.redirect_chain[-1][0].startswith(reverse("account_login"))
    client.force_login(coordinator)
    assert client.get(reverse(name), follow=True).status_code == 403


def test_the_architecture_notes_list_every_registered_permission():
    """docs/architecture.md's permissions table names exactly the permissions `rules` knows."""
    notes = (Path(__file__).parents[1] / "docs" / "architecture.md").read_text()
    listed = set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", notes, flags=re.MULTILINE))
    assert listed == set(rules.permissions.permissions)
