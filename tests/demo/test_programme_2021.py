"""The demo's closed 2021 call, loaded once for the module (in a transaction rolled back after
its last test): what a coordinator, a reviewer or an applicant would find in it."""

import datetime
import statistics
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, ReviewAssignment, Score
from citypeers.calls.selectors.eligibility import applicant_country, city_size_of
from citypeers.calls.selectors.review import review_results
from citypeers.calls.selectors.selection import visit_settings
from citypeers.calls.services.decisions import pass_on_unanswered
from citypeers.core.models import AuditEntry
from citypeers.demo.calls_2021.build import CLOSED_CALL_SLUG, load_closed_call
from citypeers.demo.programme_2021 import CHIA_2021_VISITS
from citypeers.people.models import Organisation, User
from citypeers.places.countries import EU_MEMBERS
from citypeers.places.services import places_load_reference
from citypeers.programmes.models import Membership, Role
from tests.factories import MembershipFactory, ProgrammeFactory, VisitFactory

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")
EU_AND_UK = EU_MEMBERS | {"GB"}


@pytest.fixture(scope="module")
def closed_call(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        places_load_reference(countries=sorted(EU_AND_UK))
        programme = ProgrammeFactory(
            slug="cultural-heritage-in-action-2021",
            name="Cultural Heritage in Action 2021 (demo)",
            starts_on=datetime.date(2021, 1, 1),
            ends_on=datetime.date(2021, 12, 31),
        )
        visits = [
            VisitFactory(programme=programme, slug=slugify(name), title=title)
            for name, _country, _kind, title in CHIA_2021_VISITS
        ]
        coordinator = MembershipFactory(
            programme=programme, role=Role.COORDINATOR, user__email="coordinator@example.org"
        ).user
        reviewer = MembershipFactory(
            programme=programme, role=Role.REVIEWER, user__email="reviewer@example.org"
        ).user
        yield load_closed_call(
            programme=programme, visits=visits, coordinator=coordinator, reviewer=reviewer
        )
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def applications(closed_call):
    return list(
        closed_call.applications.select_related("organisation__place", "applicant")
        .prefetch_related("preferences")
        .order_by("pk")
    )


def test_the_call_closed_on_8_february_2021_for_the_ten_visits(closed_call):
    closes = closed_call.closes_at.astimezone(BRUSSELS)
    assert closed_call.state() == "closed"
    assert (closes.date(), closes.hour, closes.minute) == (datetime.date(2021, 2, 8), 23, 59)
    assert closed_call.opens_at.astimezone(BRUSSELS).date() == datetime.date(2021, 1, 11)
    assert closed_call.slug == CLOSED_CALL_SLUG and closed_call.type == "participants"
    assert closed_call.visits.count() == 10 and closed_call.max_preferences == 2
    assert datetime.date(2021, 2, 15) <= closed_call.notify_on <= datetime.date(2021, 2, 28)
    assert closed_call.questions.exists() and 3 <= closed_call.criteria.count() <= 4
    assert set(closed_call.eligible_countries) == EU_AND_UK


def test_about_300_people_from_every_eu_country_and_the_uk_applied_in_time(
    closed_call, applications
):
    assert 280 <= len(applications) <= 320
    assert {a.status for a in applications} == {Application.Status.SUBMITTED}
    assert all(closed_call.opens_at <= a.submitted_at < closed_call.closes_at for a in applications)
    assert all(
        a.consented_at and a.consent_version == closed_call.consent_version for a in applications
    )
    assert all(a.role and a.learning_needs and a.challenge and a.languages for a in applications)
    countries = Counter(applicant_country(a) for a in applications)
    assert set(countries) == EU_AND_UK
    assert countries["IT"] > countries["DE"] / 2 > countries["LU"]  # big countries send more
    assert len(User.objects.filter(email__startswith="applicant-")) == len(applications)
    sizes = Counter(city_size_of(a) for a in applications)
    assert {"small", "medium", "large", "metropolis"} <= set(sizes)
    assert len({a.organisation.type for a in applications}) >= 5
    assert all(a.organisation.place.geonames_id for a in applications)  # real reference places


def test_every_visit_has_enough_interest_and_some_have_far_too_much(closed_call, applications):
    ranks = [[p.rank for p in a.preferences.all()] for a in applications]
    assert {tuple(r) for r in ranks} == {(1,), (1, 2)}
    interested = Counter(p.visit_id for a in applications for p in a.preferences.all())
    first = Counter(p.visit_id for a in applications for p in a.preferences.all() if p.rank == 1)
    assert set(interested) == set(closed_call.visits.values_list("pk", flat=True))
    assert min(interested.values()) >= 24
    assert sum(count > 24 for count in first.values()) >= 3


def test_two_of_the_three_reviewers_scored_every_criterion_of_every_application(
    closed_call, applications
):
    reviewers = Membership.objects.filter(programme=closed_call.programme, role=Role.REVIEWER)
    assert reviewers.count() == 3
    assert "reviewer@example.org" in reviewers.values_list("user__email", flat=True)
    assignments = ReviewAssignment.objects.filter(application__call=closed_call)
    per_application = Counter(assignments.values_list("application_id", flat=True))
    assert set(per_application.values()) == {2} and len(per_application) == len(applications)
    assert not assignments.filter(completed_at=None).exists()
    load = Counter(assignments.values_list("reviewer_id", flat=True))
    assert len(load) == 3 and max(load.values()) - min(load.values()) <= 1
    scores = Score.objects.filter(assignment__application__call=closed_call)
    assert scores.count() == 2 * len(applications) * closed_call.criteria.count()
    rows = review_results(closed_call)
    means = [row.mean for row in rows]
    assert None not in means and statistics.stdev(means) > 8
    assert 1 <= sum(row.disagreement for row in rows) <= len(rows) // 10


def test_the_published_selection_kept_every_visits_places_and_quotas(closed_call):
    run = closed_call.selection_runs.get()
    assert run.status == "done" and run.result["status"] in {"optimal", "feasible"}
    assert run.published_at is not None
    people = {item["id"]: item["attributes"] for item in run.instance["applicants"]}
    for visit in run.instance["visits"]:
        chosen = [people[key] for key in run.result["assignments"][visit["id"]]]
        assert 0 < len(chosen) <= visit["capacity"] == 24
        assert max(Counter(person["country"] for person in chosen).values()) <= 3
        small = sum(person["city_size_group"] == "small_or_medium" for person in chosen)
        civil = sum(person["organisation_type"] == "civil" for person in chosen)
        assert small >= 0.3 * len(chosen) and civil >= 0.1 * len(chosen)


def test_after_the_answers_each_visit_still_keeps_its_places_and_quotas(closed_call, applications):
    """A freed place goes to someone who keeps every quota, or, when nobody waiting can,
    to someone who breaks none that still holds; the audit log says which quota stayed short."""
    short = {
        Application.objects.get(pk=entry.object_id).outcome_visit_id
        for entry in AuditEntry.objects.filter(action="selection.offered")
        if "stays short" in entry.changes.get("quotas", "")
    }
    for visit in closed_call.visits.all():
        holding = [
            a
            for a in applications
            if a.outcome_visit_id == visit.pk and a.outcome in {Outcome.SELECTED, Outcome.CONFIRMED}
        ]
        assert 0 < len(holding) <= visit_settings(closed_call, visit)["capacity"]
        assert max(Counter(applicant_country(a) for a in holding).values()) <= 3
        small = sum(city_size_of(a) in {"small", "medium"} for a in holding)
        civil = sum(a.organisation.type == Organisation.Type.CIVIL_SOCIETY for a in holding)
        shares_hold = small >= 0.3 * len(holding) and civil >= 0.1 * len(holding)
        assert shares_hold or visit.pk in short


def test_some_declined_and_their_places_went_down_the_waiting_lists(closed_call, applications):
    outcomes = Counter(a.outcome for a in applications)
    assert 8 <= outcomes[Outcome.DECLINED] <= 12
    assert outcomes[Outcome.CONFIRMED] > 200 and outcomes[Outcome.WAITLISTED] > 0
    assert outcomes[Outcome.SELECTED] == 0  # everyone answered: nothing is left to lapse today
    offered = [
        a for a in applications if a.outcome_reason == "offered the place freed by a decline"
    ]
    assert offered and Outcome.CONFIRMED in {a.outcome for a in offered}
    logged = AuditEntry.objects.filter(action="selection.offered")
    assert {int(pk) for pk in logged.values_list("object_id", flat=True)} == {a.pk for a in offered}
    assert pass_on_unanswered() == 0


def test_the_history_is_dated_in_early_2021(closed_call, applications):
    ids = [str(a.pk) for a in applications] + [str(closed_call.pk)]
    entries = AuditEntry.objects.filter(object_id__in=ids, object_type__startswith="calls.")
    actions = set(entries.values_list("action", flat=True))
    assert {"application.submitted", "review.scored", "selection.published"} <= actions
    assert {"selection.confirmed", "selection.declined", "selection.offered"} <= actions
    latest = max(entries.values_list("at", flat=True))
    assert datetime.datetime(2020, 12, 1, tzinfo=BRUSSELS) < latest
    assert latest < datetime.datetime(2021, 3, 15, tzinfo=BRUSSELS)


def test_the_reviewer_and_the_coordinator_find_their_pages(client, closed_call):
    client.force_login(User.objects.get(email="reviewer@example.org"))
    assert client.get(reverse("calls:review", args=[closed_call.slug])).status_code == 200
    client.force_login(User.objects.get(email="coordinator@example.org"))
    assert client.get(reverse("calls:selection", args=[closed_call.slug])).status_code == 200


def test_loading_again_changes_nothing(closed_call):
    def counts():
        return [
            model.objects.count()
            for model in (Application, User, Organisation, Score, AuditEntry, Membership)
        ]

    before = counts()
    again = load_closed_call(
        programme=closed_call.programme,
        visits=list(closed_call.visits.all()),
        coordinator=User.objects.get(email="coordinator@example.org"),
        reviewer=User.objects.get(email="reviewer@example.org"),
    )
    assert again == closed_call and counts() == before
