"""The person's data page, its JSON download, the erasure page and the public privacy page."""

import datetime
import json
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.core.models import AuditEntry
from citypeers.people.models import User
from citypeers.people.personal_data import PERSONAL_DATA
from citypeers.programmes.models import Role
from tests.factories import PASSWORD, MembershipFactory, ProgrammeFactory, UserFactory
from tests.people.privacy_scene import someone_everywhere


def signed_in_again(client, user) -> None:
    """Signed in, then the password typed again on allauth's re-authentication page."""
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def anna(private_files):
    return someone_everywhere(word="Quokkatext", name="Annelie Vaskonen")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["people:my_data", "people:my_data_download", "people:erase"])
def test_the_data_pages_ask_for_the_password_again_first(client, name):
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


@pytest.mark.django_db
def test_the_data_page_shows_each_kind_with_what_the_person_wrote(client, anna):
    signed_in_again(client, anna.user)
    response = client.get(reverse("people:my_data"))
    assert response.status_code == 200
    page = response.content.decode()
    for kind in PERSONAL_DATA:
        assert escape(kind.name) in page
    assert "Quokkatext learning" in page and "Quokkatext wheelchair" in page
    assert AuditEntry.objects.filter(action="personal_data.viewed", actor=anna.user).exists()


@pytest.mark.django_db
def test_the_download_is_json_with_every_kind_and_is_audited(client, anna):
    signed_in_again(client, anna.user)
    response = client.get(reverse("people:my_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    exported = json.loads(response.content)
    assert exported["person"] == anna.user.email
    assert [kind["key"] for kind in exported["data"]] == [kind.key for kind in PERSONAL_DATA]
    assert anna.file_name in response.content.decode()
    assert AuditEntry.objects.filter(action="personal_data.downloaded", actor=anna.user).exists()


@pytest.mark.django_db
def test_erasing_asks_for_the_address_then_erases_and_signs_out(client, anna):
    signed_in_again(client, anna.user)
    page = client.get(reverse("people:erase"))
    assert "What is kept, without your name" in page.content.decode()
    wrong = client.post(reverse("people:erase"), {"email": "someone@example.org"})
    assert wrong.status_code == 200
    assert "This is not the address you sign in with." in wrong.content.decode()
    assert User.objects.get(pk=anna.user.pk).is_active

    done = client.post(reverse("people:erase"), {"email": anna.user.email.upper()}, follow=True)

    assert "Your account is erased." in done.content.decode()
    assert User.objects.get(pk=anna.user.pk).email == f"erased-{anna.user.pk}@invalid"
    assert not done.wsgi_request.user.is_authenticated
    assert not client.login(email=anna.user.email, password=PASSWORD)


@pytest.mark.django_db
def test_the_only_coordinator_of_a_running_programme_is_told_why_not_yet(client):
    programme = ProgrammeFactory(
        name="Heritage Lab", ends_on=timezone.localdate() + datetime.timedelta(days=90)
    )
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    signed_in_again(client, coordinator)
    page = client.get(reverse("people:erase")).content.decode()
    assert "You cannot erase your account yet" in page and "Heritage Lab" in page
    response = client.post(reverse("people:erase"), {"email": coordinator.email})
    assert "You are the only coordinator of Heritage Lab" in response.content.decode()
    assert User.objects.get(pk=coordinator.pk).is_active

    MembershipFactory(programme=programme, role=Role.COORDINATOR)  # a colleague takes over
    client.post(reverse("people:erase"), {"email": coordinator.email})
    assert not User.objects.get(pk=coordinator.pk).is_active


@pytest.mark.django_db
def test_the_privacy_page_explains_every_kind_and_is_linked_from_every_page(client, settings):
    settings.APPLICATION_RETENTION_DAYS = 400
    response = client.get(reverse("people:privacy"))
    assert response.status_code == 200
    page = response.content.decode()
    for kind in PERSONAL_DATA:
        assert escape(kind.name) in page and escape(kind.purpose) in page
    assert "400 days after the call closes" in page
    assert reverse("people:erase") in page and reverse("people:my_data") in page
    home = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("people:privacy")}"' in home


@pytest.mark.django_db
def test_the_privacy_page_speaks_the_visitors_language(client):
    page = client.get("/fr/privacy/")
    assert page.status_code == 200
    assert '<html lang="fr"' in page.content.decode()


@pytest.mark.django_db
def test_staff_erase_a_person_from_the_admin_and_the_audit_names_them(client, staff):
    person = UserFactory(display_name="Carla Ruiz")
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    response = client.post(
        reverse("admin:people_user_changelist"),
        {"action": "erase", "_selected_action": [person.pk]},
        follow=True,
    )
    assert "1 person erased." in response.content.decode()
    assert User.objects.get(pk=person.pk).display_name == ""
    erased = AuditEntry.objects.get(action="person.erased", object_id=str(person.pk))
    assert erased.actor == staff
