"""A person with data in every app that keeps personal data, built through the services where
they allow it (and the models where a service needs days to pass), for the export and erasure
tests. Each free text the person writes carries `word`, so a scan can find every trace."""

import datetime
from dataclasses import dataclass

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from citypeers.api.services import api_token_create
from citypeers.calls.models import ApplicationFile, Criterion, Question, ReviewAssignment, Score
from citypeers.calls.services.applications import application_save
from citypeers.core.models import OutboxMessage
from citypeers.feedback.models import ActionPlan, FormatLesson
from citypeers.feedback.services.plans import plan_comment_add
from citypeers.people.models import User
from citypeers.people.services import affiliation_request, user_update_profile
from citypeers.programmes.models import Role
from citypeers.reports.models import Report, ReportComment, ReportVersion
from citypeers.visits.models import Attendance, Recommendation
from citypeers.visits.services.feeds import calendar_feed_renew
from citypeers.visits.services.questionnaire import questionnaire_answer_save
from tests.factories import (
    AgendaSessionFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    ProgrammeFactory,
    UserFactory,
    VisitFactory,
)
from tests.newsletter.scene import subscriber
from tests.samples import PDF
from tests.second_factor import give_authenticator_app


@dataclass
class Someone:
    user: User
    word: str  # in every text they wrote
    file_name: str
    stored_files: list[str]  # where the private storage keeps their uploads

    @property
    def traces(self) -> list[str]:
        """What must not survive their erasure, anywhere."""
        return [self.user.email, self.user.display_name, self.word, self.file_name]


def someone_everywhere(*, word: str, name: str, programme=None, visit=None) -> Someone:
    """`name` (a person's name no factory makes) writes `word` in every text they can."""
    programme = programme or ProgrammeFactory(ends_on=datetime.date(2100, 1, 1))
    visit = visit or VisitFactory(
        programme=programme, starts_on=timezone.localdate() + datetime.timedelta(days=40)
    )
    user = UserFactory(email=f"{word.lower()}@example.org", display_name=name)
    user_update_profile(user=user, by=user, data={"display_name": name, "country": "FI"})
    affiliation_request(user=user, organisation=OrganisationFactory(), by=user)
    MembershipFactory(user=user, programme=programme, visit=visit, role=Role.PARTICIPANT)
    file_name = f"{word.lower()}-cv.pdf"
    _application(user, programme, visit, word, file_name)
    _review_of_another(user, programme, visit, word)
    questionnaire_answer_save(
        visit=visit,
        person=user,
        by=user,
        fields={"expectations": f"{word} expects", "dietary_needs": f"{word} vegan"},
    )
    session = AgendaSessionFactory(visit=visit)
    Attendance.objects.create(session=session, person=user, status="present", at=timezone.now())
    calendar_feed_renew(user=user)
    Recommendation.objects.create(visit=visit, text="Keep the morning walk.", author=user)
    FormatLesson.objects.create(visit=visit, format=session.format, worked="The walk", author=user)
    plan = ActionPlan.objects.create(visit=visit, person=user, learnt=f"{word} learnt")
    others_plan = ActionPlan.objects.create(visit=visit, person=UserFactory(), learnt="Other")
    plan_comment_add(plan=others_plan, body=f"{word} comments", by=user)
    del plan
    subscriber(programme, user.email)
    api_token_create(programme=programme, name=f"{word} dashboard", by=user)
    OutboxMessage.objects.create(
        from_email="noreply@example.org", to=user.email, subject=f"Hello {name}", body=word
    )
    give_authenticator_app(user)  # signing in takes a code from now on
    PracticeFactory(programme=programme, submitted_by=user)
    report = Report.objects.create(
        visit=VisitFactory(programme=programme), language="en", title="Report", created_by=user
    )
    version = ReportVersion.objects.create(report=report, number=1, author=user, note="First")
    ReportComment.objects.create(
        report=report, version=version, section_key="summary", author=user, body=word
    )
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(user.pk),
        object_repr=name,
        action_flag=CHANGE,
        change_message=f"{word} changed",
    )
    stored = ApplicationFile.objects.filter(application__applicant=user)
    return Someone(
        user=user,
        word=word,
        file_name=file_name,
        stored_files=[file.file.name for file in stored],
    )


def _application(user, programme, visit, word: str, file_name: str) -> None:
    call = CallFactory(programme=programme, visits=[visit])
    question = Question.objects.create(call=call, kind="file", label="CV", required=False)
    application_save(
        call=call,
        applicant=user,
        fields={
            "role": f"{word} officer",
            "learning_needs": f"{word} learning",
            "access_needs": f"{word} wheelchair",
            "motivation": f"{word} motivation",
        },
        preferences=[visit],
        answers={},
        files={question: SimpleUploadedFile(file_name, PDF, content_type="application/pdf")},
        consent=True,
        submit=True,
    )


def _review_of_another(user, programme, visit, word: str) -> None:
    """The person reviews someone else's application, with a score and a comment."""
    call = CallFactory(programme=programme, visits=[visit])
    applicant = UserFactory()
    application = application_save(
        call=call,
        applicant=applicant,
        fields={"role": "Planner"},
        preferences=[visit],
        answers={},
        files={},
        consent=True,
        submit=True,
    )
    criterion = Criterion.objects.create(call=call, name="Fit")
    assignment = ReviewAssignment.objects.create(application=application, reviewer=user)
    Score.objects.create(assignment=assignment, criterion=criterion, value=4, comment=word)
