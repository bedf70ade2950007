import pytest
from django.urls import reverse

from citypeers.programmes.models import Membership, Role, Theme
from tests.factories import (
    MembershipFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_programme_page_lists_its_visits_and_coordinators(client, programme, coordinator):
    VisitFactory(programme=programme, title="Adopt a Monument")
    response = client.get(reverse("programmes:detail", args=[programme.slug]))
    assert response.status_code == 200
    assert "Adopt a Monument" in response.text
    assert str(coordinator) in response.text
    assert "Manage people and roles" not in response.text


def test_unknown_programme_is_a_404(client, db):
    assert client.get(reverse("programmes:detail", args=["nope"])).status_code == 404


def test_programme_list_shows_an_empty_state(client, db):
    assert "No programme has been set up yet." in client.get(reverse("programmes:list")).text


def test_coordinator_gives_a_role_from_the_members_page(client, programme, visit, coordinator):
    person = UserFactory(display_name="Tiina")
    client.force_login(coordinator)
    url = reverse("programmes:members", args=[programme.slug])
    response = client.post(url, {"email": person.email, "role": "host", "visit": visit.pk})
    assert response.status_code == 302
    assert "Tiina" in client.get(url).text
    assert Membership.objects.filter(user=person, visit=visit, role=Role.HOST).exists()


def test_unknown_email_is_shown_at_the_field_and_the_input_is_kept(client, programme, coordinator):
    client.force_login(coordinator)
    url = reverse("programmes:members", args=[programme.slug])
    response = client.post(url, {"email": "stranger@example.org", "role": "reviewer"})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert 'href="#id_email"' in response.text
    assert 'value="stranger@example.org"' in response.text
    assert '<option value="reviewer" selected>' in response.text


def test_removing_a_role_asks_for_confirmation_first(client, programme, coordinator):
    member = MembershipFactory(programme=programme, role=Role.REVIEWER)
    client.force_login(coordinator)
    url = reverse("programmes:member_remove", args=[programme.slug, member.pk])
    page = client.get(url)
    assert "will no longer be" in page.text
    assert Membership.objects.filter(pk=member.pk).exists()
    assert client.post(url).status_code == 302
    assert not Membership.objects.filter(pk=member.pk).exists()


def test_removing_the_last_coordinator_explains_why_not(client, programme, coordinator):
    client.force_login(coordinator)
    only = Membership.objects.get(user=coordinator)
    response = client.post(reverse("programmes:member_remove", args=[programme.slug, only.pk]))
    assert response.status_code == 400
    assert "at least one coordinator" in response.text


def test_members_export_has_every_member(client, programme, coordinator):
    for _ in range(60):  # more than one page of the table
        MembershipFactory(programme=programme, role=Role.PARTICIPANT)
    client.force_login(coordinator)
    url = reverse("programmes:members", args=[programme.slug])
    response = client.get(url + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert len(lines) == 1 + 61
    xlsx = client.get(url + "?export=xlsx")
    assert xlsx.content[:2] == b"PK"


def test_members_page_runs_a_fixed_number_of_queries(
    client, programme, coordinator, django_assert_max_num_queries
):
    for _ in range(30):
        MembershipFactory(programme=programme, role=Role.PARTICIPANT)
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        client.get(reverse("programmes:members", args=[programme.slug]))


def test_dashboard_lists_my_roles(client, programme, visit):
    member = MembershipFactory(programme=programme, visit=visit, role=Role.RAPPORTEUR).user
    client.force_login(member)
    response = client.get(reverse("programmes:dashboard"))
    assert "Rapporteur" in response.text
    assert visit.title in response.text


def test_dashboard_for_someone_without_a_role_says_where_roles_come_from(client, db):
    client.force_login(UserFactory())
    assert (
        "You have no role in a programme yet." in client.get(reverse("programmes:dashboard")).text
    )


def test_a_coordinator_adds_a_theme_and_sees_how_much_each_is_used(client, coordinator):
    used = ThemeFactory(name="Adaptive re-use")
    PublishedPracticeFactory(themes=[used])
    client.force_login(coordinator)
    url = reverse("programmes:themes")
    response = client.post(url, {"name": "Heritage and climate", "description": "Adaptation."})
    assert response["Location"] == url
    theme = Theme.objects.get(name="Heritage and climate")
    assert theme.slug == "heritage-and-climate"
    page = client.get(url).text
    assert "Heritage and climate" in page
    assert "<td>Adaptive re-use</td><td>0</td><td>1</td>" in page


def test_a_second_theme_of_the_same_name_is_refused_at_the_field(client, coordinator):
    ThemeFactory(name="Participation")
    client.force_login(coordinator)
    response = client.post(reverse("programmes:themes"), {"name": " participation "})
    assert 'href="#id_name"' in response.text
    assert Theme.objects.count() == 1
