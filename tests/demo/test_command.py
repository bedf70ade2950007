import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from citypeers.calls.models import Call, Question
from citypeers.calls.selectors.eligibility import hostable_practices
from citypeers.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from citypeers.methodology.models import ActivityFormat
from citypeers.people.models import User
from citypeers.places.models import Place
from citypeers.programmes.models import Membership, Programme, Theme, Visit
from citypeers.visits.models import VisitTask


@pytest.mark.django_db
def test_demo_creates_the_chia_programme_and_one_account_per_role_idempotently(capsys):
    call_command("demo")
    printed = capsys.readouterr().out

    def counts():
        return (
            Place.objects.count(),
            Visit.objects.count(),
            User.objects.count(),
            Membership.objects.count(),
            Theme.objects.count(),
            Question.objects.count(),
            sorted(Call.objects.values_list("slug", "consent_version")),
        )

    first = counts()
    call_command("demo")
    assert counts() == first
    programme = Programme.objects.get(slug="cultural-heritage-in-action-2021")
    hosts = {visit.host_place.name for visit in programme.visits.all()}
    assert {"Vantaa", "Kortrijk", "Šibenik", "Nantes", "Central Scotland"} <= hosts
    assert programme.visits.count() == 10
    assert Place.objects.filter(country="UA").exists()  # European cities beyond the EU too
    for email, _role in DEMO_ACCOUNTS:
        assert email in printed
        assert authenticate(email=email, password=DEMO_PASSWORD) is not None
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {"coordinator", "host", "reviewer", "participant", "expert", "rapporteur"}
    assert User.objects.get(email="admin@example.org").is_staff
    # Each visit is planned from the online template, with its real practice and its agenda.
    vantaa = programme.visits.get(slug="vantaa")
    assert vantaa.plan.template_version.template.slug == "online"
    assert vantaa.plan.practice.title == "Developing a local cultural environment programme"
    assert vantaa.sessions.filter(day=5).exists() and vantaa.plan.agenda_published
    assert not vantaa.tasks.filter(done_at=None).exists()  # all of 2021 is done
    assert VisitTask.objects.values("visit").distinct().count() == 10
    assert ActivityFormat.objects.count() >= 14
    # An open call, so a person trying the demo can apply as participant@.
    call = Call.objects.get(slug="heritage-in-action-2027-participants")
    assert call.is_open() and call.visits.count() == 2
    # An open call for hosts that the demo's host (City of Vantaa) can answer with its practice.
    hosts_call = Call.objects.get(slug="heritage-in-action-2027-hosts")
    host = User.objects.get(email="host@example.org")
    assert hosts_call.is_open() and hostable_practices(host.organisation).exists()
