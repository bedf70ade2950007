"""A visit's people: who is on the roster with which roles, what the team sees and downloads,
what participants see of each other (only those who consented), and who is refused."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.services.decisions import decision_respond
from citypeers.programmes.models import Role
from citypeers.visits.models import QuestionnaireAnswer
from citypeers.visits.selectors.roster import (
    questionnaire_summary,
    roster_of,
    roster_shown_to_participants,
)
from tests.factories import MembershipFactory, UserFactory, VisitFactory, sent_application
from tests.visits.conftest import placed

pytestmark = pytest.mark.django_db


def answer(visit, person, *, shares=False, **fields):
    return QuestionnaireAnswer.objects.create(
        visit=visit,
        person=person,
        submitted_at=timezone.now(),
        shares_with_participants=shares,
        **{"expectations": "Learn how others do it", **fields},
    )


def roles(roster) -> dict[str, list[str]]:
    return {str(entry.user): [str(role) for role in entry.roles] for entry in roster}


def test_the_roster_holds_confirmed_places_the_team_and_the_coordinators(
    call, visit, people_by_role
):
    ana = placed(call, visit, display_name="Ana Sousa")
    placed(call, visit, outcome="selected", display_name="Still Deciding")
    placed(call, visit, outcome="declined", display_name="Said No")
    placed(call, visit, outcome="waitlisted", display_name="Waiting Still")
    facilitator = MembershipFactory(
        programme=visit.programme, visit=visit, role=Role.FACILITATOR
    ).user
    interpreter = MembershipFactory(
        programme=visit.programme, visit=visit, role=Role.INTERPRETER
    ).user
    other_visit = VisitFactory(programme=visit.programme)
    placed(call, other_visit, display_name="Elsewhere Person")

    roster = roles(roster_of(visit))

    assert roster[str(ana)] == ["participant"]
    assert roster[str(people_by_role["coordinator"])] == ["coordinator"]
    for role in ("host", "expert", "rapporteur", "technical_host", "participant"):
        assert roster[str(people_by_role[role])] == [role]
    assert roster[str(facilitator)] == ["facilitator"]
    assert roster[str(interpreter)] == ["interpreter"]
    for absent in ("Still Deciding", "Said No", "Waiting Still", "Elsewhere Person"):
        assert absent not in roster
    assert str(people_by_role["reviewer"]) not in roster
    assert str(people_by_role["rapporteur_elsewhere"]) not in roster
    assert str(people_by_role["staff"]) not in roster


def test_a_person_with_two_roles_is_listed_once_with_both(call, visit, programme):
    host = MembershipFactory(programme=programme, visit=visit, role=Role.HOST).user
    MembershipFactory(user=host, programme=programme, visit=visit, role=Role.FACILITATOR)
    MembershipFactory(user=host, programme=programme, role=Role.COORDINATOR)

    [entry] = roster_of(visit)

    assert [str(role) for role in entry.roles] == ["coordinator", "host", "facilitator"]


def test_the_team_comes_first_then_participants_by_name(call, visit, programme):
    placed(call, visit, display_name="Zoë Participant")
    placed(call, visit, display_name="Anna Participant")
    MembershipFactory(
        user=UserFactory(display_name="Hugo Host"), programme=programme, visit=visit, role="host"
    )

    names = [str(entry.user) for entry in roster_of(visit)]

    assert names == ["Hugo Host", "Anna Participant", "Zoë Participant"]


def test_each_person_comes_with_what_they_applied_with_and_what_they_answered(call, visit):
    ana = placed(call, visit, country="PT", languages=["fr"], time_zone="Europe/Lisbon")
    answer(visit, ana, challenge="Vacant shops", dietary_needs="Vegetarian")

    [entry] = roster_of(visit)

    application = ana.applications.get()
    assert entry.organisation == application.organisation
    assert entry.city == application.organisation.place.name
    assert entry.country.code == "PT"
    assert entry.languages == ["fr", "pt", "en"]
    assert entry.access_needs == ["Step-free rooms", "Vegetarian"]
    assert entry.challenge == "Vacant shops"  # the questionnaire's, newer than the application's


def test_without_an_answer_the_challenge_is_the_applications(call, visit):
    placed(call, visit)

    [entry] = roster_of(visit)

    assert entry.challenge == "Empty shops on the high street"
    assert not entry.shares


def test_a_late_replacement_from_the_waiting_list_joins_the_roster_once_confirmed(
    call, visit, programme
):
    leaving = placed(call, visit, outcome="selected", display_name="Leaving Soon")
    waiting = placed(call, visit, outcome="waitlisted", display_name="Next In Line")
    waiting.applications.update(waiting_position=1)

    decision_respond(application=leaving.applications.get(), by=leaving, accept=False, notify=False)
    assert "Next In Line" not in roles(roster_of(visit))  # offered, not yet confirmed
    decision_respond(application=waiting.applications.get(), by=waiting, accept=True)

    assert roles(roster_of(visit)) == {"Next In Line": ["participant"]}


def test_participants_are_shown_only_those_who_consented(call, visit):
    shown = placed(call, visit, display_name="Open Person")
    hidden = placed(call, visit, display_name="Private Person")
    answered_without_consent = placed(call, visit, display_name="Answered Quietly")
    answer(visit, shown, shares=True)
    answer(visit, answered_without_consent, shares=False)

    names = [str(e.user) for e in roster_shown_to_participants(roster_of(visit))]

    assert names == ["Open Person"]
    assert str(hidden) not in names


def test_the_summary_counts_answers_and_lists_challenges(call, visit):
    ana, ben, _carla = placed(call, visit), placed(call, visit), placed(call, visit)
    answer(visit, ana, challenge="Vacant shops")
    answer(visit, ben, challenge="")

    summary = questionnaire_summary(roster_of(visit))

    assert (summary.answered, summary.asked) == (2, 3)
    assert summary.challenges == [(ana, "Vacant shops")]


# The page


def url(visit, **query):
    address = reverse("visits:roster", args=[visit.programme.slug, visit.slug])
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_team_sees_everyone_with_contacts_languages_and_needs(client, call, visit, coordinator):
    ana = placed(call, visit, display_name="Ana Sousa", email="ana@example.org")
    answer(visit, ana, challenge="Vacant shops", other_needs="Hearing loop")
    client.force_login(coordinator)

    page = client.get(url(visit)).content.decode()

    assert "Ana Sousa" in page and "ana@example.org" in page
    assert "Portuguese" in page and "Step-free rooms" in page and "Hearing loop" in page
    assert "Vacant shops" in page
    assert "not shown to participants" in page
    assert "1 of 2 people answered." in page  # Ana and the coordinator


def test_participants_see_names_organisations_cities_and_challenges_of_those_who_consented(
    client, call, visit
):
    me = placed(call, visit, display_name="Me Myself")
    shown = placed(call, visit, display_name="Open Person", email="open@example.org")
    placed(call, visit, display_name="Private Person")
    answer(visit, shown, shares=True, challenge="Vacant shops", access_needs="Wheelchair")
    client.force_login(me)

    page = client.get(url(visit)).content.decode()

    application = shown.applications.get()
    assert "Open Person" in page and "Vacant shops" in page
    assert str(application.organisation) in page and application.organisation.place.name in page
    assert "Private Person" not in page
    for private in ("open@example.org", "Wheelchair", "Step-free", "Portuguese", "Download"):
        assert private not in page
    assert "You are not shown to the other participants." in page


def test_participants_cannot_download_the_roster(client, call, visit):
    client.force_login(placed(call, visit))

    assert client.get(url(visit, export="csv")).status_code == 403


def test_a_person_still_deciding_or_declined_sees_no_roster(client, call, visit):
    for outcome in ("selected", "declined", "waitlisted"):
        client.force_login(placed(call, visit, outcome=outcome))
        assert client.get(url(visit)).status_code == 403


def test_another_visits_participant_is_refused(client, call, visit):
    elsewhere = VisitFactory(programme=visit.programme)
    call.visits.add(elsewhere)
    client.force_login(placed(call, elsewhere))

    assert client.get(url(visit)).status_code == 403


def test_the_team_downloads_the_roster_as_csv_and_excel(client, call, visit, coordinator):
    ana = placed(call, visit, display_name="Ana Sousa", email="ana@example.org")
    answer(visit, ana, shares=True, challenge="=HYPERLINK(evil)")
    client.force_login(coordinator)

    response = client.get(url(visit, export="csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    ana_row = next(row for row in rows if row["Name"] == "Ana Sousa")
    assert response["Content-Disposition"] == f'attachment; filename="{visit.slug}-people.csv"'
    assert ana_row["E-mail address"] == "ana@example.org"
    assert ana_row["Roles"] == "Participant"
    assert ana_row["Challenge"] == "'=HYPERLINK(evil)"  # kept as text, never a formula
    assert ana_row["Shared with the participants"] == "yes"

    workbook = openpyxl.load_workbook(io.BytesIO(client.get(url(visit, export="xlsx")).content))
    names = [row[0] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert "Ana Sousa" in names and str(coordinator) in names


def test_the_visit_page_and_workspace_link_the_roster_for_those_allowed(
    client, call, visit, people_by_role
):
    page_url = reverse("visits:visit", args=[visit.programme.slug, visit.slug])
    roster_url = url(visit)
    for role, sees in [("coordinator", True), ("host", True), ("participant", True)]:
        client.force_login(people_by_role[role])
        assert (roster_url in client.get(page_url).content.decode()) is sees, role
    for role in ("reviewer", "no_role", "rapporteur_elsewhere"):
        client.force_login(people_by_role[role])
        assert roster_url not in client.get(page_url).content.decode(), role
    client.logout()
    assert roster_url not in client.get(page_url).content.decode()
    client.force_login(people_by_role["host"])
    workspace = reverse("visits:workspace", args=[visit.programme.slug, visit.slug])
    assert roster_url in client.get(workspace).content.decode()


def test_a_finished_visits_roster_stays_readable(client, call, visit, coordinator):
    visit.starts_on = visit.ends_on = datetime.date(2021, 5, 10)
    visit.save()
    placed(call, visit, display_name="Ana Sousa")
    client.force_login(coordinator)

    assert "Ana Sousa" in client.get(url(visit)).content.decode()


def test_an_applicant_of_a_draft_is_not_on_the_roster(call, visit):
    sent_application(call, UserFactory(display_name="Only Applied"), preferences=[visit])

    assert "Only Applied" not in roles(roster_of(visit))
