import pytest
from django.urls import reverse

from citypeers.programmes.models import Membership, Role, Theme
from tests.factories import (
    MembershipFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_programme_page_lists_its_visits_and_coordinators(client, programme, coordinator):
    visit = VisitFactory(programme=programme, title="Adopt a Monument")
    response = client.get(reverse("programmes:detail", args=[programme.slug]))
    assert response.status_code == 200
    visit_page = reverse("visits:visit", args=[programme.slug, visit.slug])
    assert f'<a href="{visit_page}">Adopt a Monument</a>' in response.text
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


def test_a_coordinator_adds_a_theme_and_sees_how_much_each_is_used(client, coordinator):
    used = ThemeFactory(name="Adaptive re-use")
    PublishedPracticeFactory(themes=[used])
    client.force_login(coordinator)
    url = reverse("programmes:themes")
    response = client.post(
        url, {"name_en": "Heritage and climate", "description_en": "Adaptation."}
    )
    assert response["Location"] == url
    theme = Theme.objects.get(name__en="Heritage and climate")
    assert theme.slug == "heritage-and-climate"
    page = client.get(url).text
    assert "Heritage and climate" in page
    assert "<td>Adaptive re-use</td><td>0</td><td>1</td>" in page


def test_a_second_theme_of_the_same_name_is_refused_at_the_field(client, coordinator):
    ThemeFactory(name="Participation")
    client.force_login(coordinator)
    response = client.post(reverse("programmes:themes"), {"name_en": " participation "})
    assert 'href="#id_name"' in response.text
    assert Theme.objects.count() == 1


def test_a_coordinator_sees_the_link_to_manage_people(client, programme, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("programmes:detail", args=[programme.slug])).text
    assert "Manage people and roles" in page


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coordinator", 200),
        ("staff", 200),
        ("coordinator_elsewhere", 403),
        ("host", 403),
        ("reviewer", 403),
        ("participant", 403),
        ("no_role", 403),
    ],
)
def test_the_members_page_and_its_export_are_for_coordinators_and_staff(
    client, programme, people_by_role, role, status
):
    client.force_login(people_by_role[role])
    url = reverse("programmes:members", args=[programme.slug])
    assert client.get(url).status_code == status
    assert client.get(url, {"export": "csv"}).status_code == status


def test_someone_who_may_not_manage_members_cannot_give_a_role(client, programme, people_by_role):
    client.force_login(people_by_role["host"])
    url = reverse("programmes:members", args=[programme.slug])
    client.post(url, {"email": people_by_role["host"].email, "role": "coordinator"})
    assert not Membership.objects.filter(
        user=people_by_role["host"], role=Role.COORDINATOR
    ).exists()


def test_an_anonymous_visitor_is_asked_to_log_in_for_the_members_page(client, programme):
    response = client.get(reverse("programmes:members", args=[programme.slug]))
    assert response["Location"].startswith(reverse("account_login"))


def test_members_of_an_unknown_programme_is_a_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("programmes:members", args=["nope"])).status_code == 404


def test_a_membership_of_another_programme_cannot_be_removed_through_this_one(
    client, programme, coordinator
):
    elsewhere = MembershipFactory(role=Role.REVIEWER)
    client.force_login(coordinator)
    url = reverse("programmes:member_remove", args=[programme.slug, elsewhere.pk])
    assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()


def test_a_host_cannot_remove_anyone(client, programme, people_by_role):
    reviewer = Membership.objects.get(user=people_by_role["reviewer"])
    client.force_login(people_by_role["host"])
    url = reverse("programmes:member_remove", args=[programme.slug, reviewer.pk])
    assert client.post(url).status_code == 403
    assert Membership.objects.filter(pk=reviewer.pk).exists()


def test_the_members_export_keeps_a_hostile_name_inert(client, programme, coordinator, visit):
    MembershipFactory(
        programme=programme, visit=visit, role=Role.HOST, user__display_name="=cmd|' /C calc'!A0"
    )
    client.force_login(coordinator)
    url = reverse("programmes:members", args=[programme.slug])
    csv = client.get(url, {"export": "csv"}).content.decode()
    assert "'=cmd|' /C calc'!A0" in csv
    assert f"Host,{visit.title}" in csv
    assert "Coordinator,The whole programme" in csv
    response = client.get(url, {"export": "json"})
    assert (
        response["Content-Disposition"] == f'attachment; filename="{programme.slug}-members.json"'
    )
    assert "=cmd|' /C calc'!A0" in {row["Name"] for row in response.json()}


def test_the_programme_list_pages_by_twenty(client, db):
    ProgrammeFactory.create_batch(21)
    assert "Page 1 of 2" in client.get(reverse("programmes:list")).text
    assert "Page 1 of 2" in client.get(reverse("programmes:list"), {"page": "-1"}).text
    assert "Page 2 of 2" in client.get(reverse("programmes:list"), {"page": "7"}).text


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("coordinator_elsewhere", 200), ("staff", 200), ("host", 403)],
)
def test_themes_are_managed_by_any_coordinator_and_staff(client, people_by_role, role, status):
    theme = ThemeFactory()
    client.force_login(people_by_role[role])
    assert client.get(reverse("programmes:themes")).status_code == status
    assert client.get(reverse("programmes:theme_edit", args=[theme.slug])).status_code == status


def test_an_anonymous_visitor_is_asked_to_log_in_for_themes(client, db):
    response = client.get(reverse("programmes:themes"))
    assert response["Location"].startswith(reverse("account_login"))


def test_a_theme_is_reworded_from_its_page_and_keeps_its_address(client, coordinator):
    theme = ThemeFactory(name="Old wording", slug="old-wording", description="Before.")
    client.force_login(coordinator)
    url = reverse("programmes:theme_edit", args=[theme.slug])
    form = client.get(url).text
    assert 'value="Old wording"' in form
    assert "Before." in form
    response = client.post(url, {"name_en": "New wording", "description_en": "After."}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("programmes:themes")
    assert "Theme saved." in response.text
    theme.refresh_from_db()
    assert (theme.name, theme.slug, theme.description) == ("New wording", "old-wording", "After.")


def test_rewording_a_theme_to_a_name_taken_is_shown_at_the_field(client, coordinator):
    ThemeFactory(name="Taken")
    theme = ThemeFactory(name="Free")
    client.force_login(coordinator)
    url = reverse("programmes:theme_edit", args=[theme.slug])
    response = client.post(url, {"name_en": "taken"})
    assert response.status_code == 200
    assert 'href="#id_name"' in response.text
    assert "A theme with this name exists already." in response.text
    theme.refresh_from_db()
    assert theme.name == "Free"


def test_editing_an_unknown_theme_is_a_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("programmes:theme_edit", args=["nope"])).status_code == 404


def test_an_empty_theme_list_says_so(client, coordinator):
    client.force_login(coordinator)
    assert "No theme yet." in client.get(reverse("programmes:themes")).text
