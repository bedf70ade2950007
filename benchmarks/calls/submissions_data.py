"""The submission benchmark's data: the call, the applicants with their sessions and drafts,
what each of them posts, and the check of what the database holds after the burst."""

import datetime
import random
from collections import Counter
from dataclasses import dataclass

CALL_SLUG = "bench-last-minute-call"
LANGUAGES = ["en", "fr", "de", "it", "es", "nl", "fi", "pl"]
COUNTRIES = ["FR", "DE", "IT", "ES", "PL", "NL", "BE", "FI", "PT", "HR", "CZ", "SE"]
SIZE_ANSWERS = ["Under 50,000 inhabitants", "50,000 to 250,000", "Over 250,000"]


@dataclass
class Applicant:
    number: int
    user_pk: int
    session_key: str
    preferences: list[int]  # visit pks, first choice first, as posted
    languages: list[str]
    size_answer: str
    csrf_cookie: str = ""
    csrf_token: str = ""

    def texts(self) -> dict[str, str]:
        """Texts that name the applicant, so a mix-up between two people would show."""
        n = self.number
        return {
            "role": f"Heritage officer no. {n}",
            "learning_needs": f"Applicant {n} wants to learn how neighbours run a monument.",
            "expertise": f"Applicant {n} can share a volunteer programme.",
            "challenge": f"Applicant {n}: an empty mill by the river.",
            "motivation": f"Applicant {n} has a team ready to try what it learns.",
            "access_needs": "" if n % 3 else f"Captions, please ({n}).",
        }

    def fields(self, question_pk: int, *, preferences: list[int] | None = None) -> list:
        preferences = self.preferences if preferences is None else preferences
        pairs = [("csrfmiddlewaretoken", self.csrf_token), *self.texts().items()]
        pairs += [("languages", code) for code in self.languages]
        pairs += [
            (f"preference_{rank}", str(pk) if pk else "")
            for rank, pk in enumerate([*preferences, None][:2], start=1)
        ]
        pairs += [(f"q_{question_pk}", self.size_answer), ("consent", "on"), ("action", "submit")]
        return pairs

    @property
    def cookies(self) -> dict[str, str]:
        return {"sessionid": self.session_key, "csrftoken": self.csrf_cookie}


def prepare(count: int, rng: random.Random) -> tuple[int, int, list[Applicant]]:
    """The call with its 2 visits and question, and the applicants, each with a session and a
    draft; returns the call's pk, the question's and the applicants."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from citypeers.calls.models import Application, Call, Preference, Question
    from citypeers.people.models import Organisation, User
    from citypeers.places.models import Place
    from citypeers.programmes.models import Programme, Visit

    today = timezone.localdate()
    programme = Programme.objects.create(
        name="Benchmark programme",
        slug="bench-programme",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=365),
    )
    visits = [
        Visit.objects.create(
            programme=programme,
            title=f"{name}: a benchmark visit",
            slug=name.lower(),
            host_place=Place.objects.create(name=name, country=country, population=population),
            starts_on=today + datetime.timedelta(weeks=8 + 4 * number),
            ends_on=today + datetime.timedelta(weeks=8 + 4 * number, days=3),
        )
        for number, (name, country, population) in enumerate(
            [("Tampere", "FI", 255_000), ("Kortrijk", "BE", 77_000)]
        )
    ]
    now = timezone.now()
    call = Call.objects.create(
        programme=programme,
        type=Call.Type.PARTICIPANTS,
        title="A call closing any minute",
        slug=CALL_SLUG,
        description="Two visits; rank them.",
        max_preferences=2,
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now + datetime.timedelta(days=1),
        published_at=now - datetime.timedelta(days=30),  # a draft call is a 404 to applicants
    )
    call.visits.set(visits)
    question = Question.objects.create(
        call=call,
        kind=Question.Kind.SINGLE_CHOICE,
        label="How big is your city or region?",
        choices=SIZE_ANSWERS,  # a list per language; this one is the default language
    )
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Heritage office {n}", type=Organisation.Type.LOCAL_AUTHORITY)
        for n in range(20)
    )
    password = make_password("not-used-the-sessions-are-made-here")  # hashed once, not 500 times
    users = User.objects.bulk_create(
        User(
            email=f"applicant{n:04d}@bench.example.org",
            password=password,
            display_name=f"Applicant {n}",
            country=rng.choice(COUNTRIES),
            languages=["en"],
            organisation=organisations[n % len(organisations)],
        )
        for n in range(count)
    )
    drafts = Application.objects.bulk_create(
        Application(call=call, applicant=user, role="(draft)", motivation="To be written.")
        for user in users
    )
    # Every draft ranks the visits the other way round from what will be sent.
    Preference.objects.bulk_create(
        Preference(application=draft, visit=visit, rank=rank)
        for draft in drafts
        for rank, visit in enumerate(reversed(visits), start=1)
    )
    applicants = []
    for number, user in enumerate(users):
        session_key = logged_in_session(user, SessionStore)
        first, second = (
            (visits[0].pk, visits[1].pk) if rng.random() < 0.6 else (visits[1].pk, visits[0].pk)
        )
        applicants.append(
            Applicant(
                number=number,
                user_pk=user.pk,
                session_key=session_key,
                preferences=[first] if rng.random() < 0.2 else [first, second],
                languages=sorted(rng.sample(LANGUAGES, rng.randint(1, 3))),
                size_answer=rng.choice(SIZE_ANSWERS),
            )
        )
    return call.pk, question.pk, applicants


def logged_in_session(user, store) -> str:
    """The key of a session made server-side in `store` (a SessionStore class) in which `user`
    is logged in, as a log-in would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[1]  # ModelBackend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def check_database(
    call_pk: int,
    question_pk: int,
    applicants: list[Applicant],
    accepted_posts: int,
    closes_at: datetime.datetime,
    *,
    unanswered_commits: bool = False,
) -> tuple[dict, list[str]]:
    """What the database holds after the load, and what in it is wrong. With
    `unanswered_commits` (a fault test) a post may have been saved and its answer lost: its
    audit entry counts beyond the posts answered."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from citypeers.calls.models import Application, Preference
    from citypeers.core.models import AuditEntry

    problems = []
    applications = Application.objects.filter(call_id=call_pk)
    by_applicant = {a.applicant_id: a for a in applications.prefetch_related("preferences")}
    duplicates = applications.values("applicant").annotate(n=Count("pk")).filter(n__gt=1).count()
    statuses = Counter(a.status for a in by_applicant.values())
    mismatched = []
    for applicant in applicants:
        application = by_applicant.get(applicant.user_pk)
        if application is None:
            problems.append(f"applicant {applicant.number}: no application")
            continue
        ranked = [p.visit_id for p in sorted(application.preferences.all(), key=lambda p: p.rank)]
        expected = applicant.texts() | {"languages": applicant.languages}
        saved = {name: getattr(application, name) for name in expected}
        wrong = [name for name in expected if saved[name] != expected[name]]
        if ranked != applicant.preferences:
            wrong.append(f"preferences {ranked} instead of {applicant.preferences}")
        if application.answers != {str(question_pk): applicant.size_answer}:
            wrong.append(f"answers {application.answers}")
        if application.status != Application.Status.SUBMITTED or not application.submitted_at:
            wrong.append(f"status {application.status}")
        elif application.submitted_at >= closes_at:
            # Only the submission's time: a post let in just before the close may finish its
            # write a moment after it. The late posts' swapped visits show as preferences.
            wrong.append("submitted after the close")
        if application.consent_version is None:
            wrong.append("no consent")
        if wrong:
            mismatched.append(applicant.number)
            problems.append(f"applicant {applicant.number}: {'; '.join(map(str, wrong))}")
    copies = DBTaskResult.objects.filter(task_path__endswith="send_application_copy")
    first_copies = [c for c in copies if c.args_kwargs.get("kwargs", {}).get("first")]
    facts = {
        "applications": len(by_applicant),
        "applicants": len(applicants),
        "submitted": statuses.get(Application.Status.SUBMITTED, 0),
        "statuses": dict(statuses),
        "applicants_with_two_or_more_applications": duplicates,
        "preferences": Preference.objects.filter(application__call_id=call_pk).count(),
        "preferences_posted": sum(len(a.preferences) for a in applicants),
        "applications_not_as_posted": len(mismatched),
        "audit_entries_submitted": AuditEntry.objects.filter(
            action="application.submitted"
        ).count(),
        "copies_queued": copies.count(),
        "copies_queued_as_first": len(first_copies),
        "accepted_posts": accepted_posts,
    }
    if facts["applications"] != len(applicants) or facts["submitted"] != len(applicants):
        problems.append(f"{facts['submitted']} submitted of {len(applicants)} applicants")
    if duplicates:
        problems.append(f"{duplicates} applicants have more than one application")
    if facts["preferences"] != facts["preferences_posted"]:
        problems.append(f"{facts['preferences']} preferences, {facts['preferences_posted']} sent")
    audited = facts["audit_entries_submitted"]
    if audited < accepted_posts or (audited > accepted_posts and not unanswered_commits):
        problems.append(f"{facts['audit_entries_submitted']} audit entries, {accepted_posts} posts")
    # A post sending again exactly what was sent (a double click) mails no second copy.
    if facts["copies_queued"] != len(applicants) or len(first_copies) != len(applicants):
        problems.append(
            f"{facts['copies_queued']} copies queued, {len(first_copies)} marked first, for "
            f"{len(applicants)} applicants"
        )
    return facts, problems[:50]
