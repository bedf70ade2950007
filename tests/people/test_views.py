import re

import pytest
from django.urls import reverse

from citypeers.people.models import Affiliation
from citypeers.people.services import affiliation_request
from tests.factories import PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_wrong_password_shows_an_error_summary_and_keeps_the_email(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "not correct" in response.text
    assert f'value="{user.email}"' in response.text


def test_log_in_with_email_and_password_leads_to_my_page(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("programmes:dashboard")


def test_repeated_failed_log_ins_are_rate_limited(client):
    user = UserFactory()
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.text


def test_profile_edit_saves_languages_time_zone_and_asks_to_join_the_organisation(client):
    user = UserFactory()
    organisation = OrganisationFactory(name="City of Tampere")
    client.force_login(user)
    response = client.post(
        reverse("people:profile"),
        {
            "display_name": "Mikko",
            "country": "FI",
            "time_zone": "Europe/Helsinki",
            "languages": ["fi", "en"],
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.country.code, str(user.time_zone)) == (
        "Mikko",
        "FI",
        "Europe/Helsinki",
    )
    assert user.languages == ["fi", "en"]
    assert user.organisation is None  # asked for, not given
    assert user.affiliations.get().organisation == organisation


def test_profile_with_an_unknown_time_zone_is_refused_at_the_field(client):
    user = UserFactory(display_name="Before")
    client.force_login(user)
    response = client.post(
        reverse("people:profile"),
        {"display_name": "After", "time_zone": "Mars/Olympus_Mons", "languages": ["en"]},
    )
    assert response.status_code == 200
    assert 'href="#id_time_zone"' in response.text
    assert 'value="After"' in response.text
    user.refresh_from_db()
    assert user.display_name == "Before"
    # The header still shows the saved name, not the rejected one.
    assert '<span class="signed-in-as">Before</span>' in response.text


def test_the_profile_is_for_signed_in_people(client):
    response = client.get(reverse("people:profile"))
    assert response["Location"].startswith(reverse("account_login"))


def test_the_profile_form_shows_what_is_saved(client):
    user = UserFactory(display_name="Aino", languages=["fi"], time_zone="Europe/Helsinki")
    client.force_login(user)
    page = client.get(reverse("people:profile")).text
    assert 'value="Aino"' in page
    assert re.search(r'value="fi" id="id_languages_\d+" checked', page)
    assert not re.search(r'value="en" id="id_languages_\d+" checked', page)
    assert '<option value="Europe/Helsinki" selected>' in page


def test_a_saved_profile_is_confirmed_on_my_page(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("people:profile"),
        {"display_name": "Aino", "time_zone": "Europe/Helsinki", "languages": ["fi"]},
        follow=True,
    )
    assert "Your profile has been saved." in response.text
    assert response.redirect_chain[-1][0] == reverse("programmes:dashboard")


def test_picking_an_organisation_asks_to_join_and_the_profile_says_it_waits(client):
    user = UserFactory()
    vantaa = OrganisationFactory(name="City of Vantaa")
    client.force_login(user)
    data = {"display_name": "Petra", "time_zone": "Europe/Helsinki", "organisation": vantaa.pk}
    response = client.post(reverse("people:profile"), data, follow=True)
    assert "Your request to join City of Vantaa is sent" in response.text
    assert "waits for a decision" in response.text  # on my page
    page = client.get(reverse("people:profile")).text
    assert "Your request to join City of Vantaa waits for a decision" in page
    assert f'<option value="{vantaa.pk}" selected>' in page
    affiliation = Affiliation.objects.get(user=user)
    client.post(reverse("people:affiliation_withdraw", args=[affiliation.pk]))
    affiliation.refresh_from_db()
    assert affiliation.state == "withdrawn"


def test_a_member_sees_the_request_on_my_page_and_approves_it(client):
    vantaa = OrganisationFactory(name="City of Vantaa")
    member = UserFactory(organisation=vantaa)
    petra = UserFactory(display_name="Petra Participant")
    affiliation = affiliation_request(user=petra, organisation=vantaa, by=petra)
    client.force_login(member)
    my_page = client.get(reverse("programmes:dashboard")).text
    assert "1 request to join an organisation waits" in my_page
    listing = client.get(reverse("people:affiliations")).text
    assert "Petra Participant" in listing
    url = reverse("people:affiliation_decide", args=[affiliation.pk])
    response = client.post(url, {"decision": "approve", "reason": ""}, follow=True)
    assert "Petra Participant is now a member of City of Vantaa." in response.text
    petra.refresh_from_db()
    assert petra.organisation == vantaa
    # decided already: said at the top of the form, nothing typed lost
    page = client.post(url, {"decision": "refuse", "reason": "Too late"}).text
    assert "This request was already approved." in page and "Too late" in page
    # opened again, the page says what was decided and offers no decision
    page = client.get(url).text
    assert "Approved" in page and "nothing is left to do here" in page
    assert "Save the decision" not in page


def test_a_decision_needs_a_choice_said_at_its_field(client):
    vantaa = OrganisationFactory()
    member = UserFactory(organisation=vantaa)
    petra = UserFactory()
    affiliation = affiliation_request(user=petra, organisation=vantaa, by=petra)
    client.force_login(member)
    url = reverse("people:affiliation_decide", args=[affiliation.pk])
    page = client.post(url, {"reason": "Who is this?"}).text
    assert "There is a problem" in page and "This field is required." in page
    assert "Who is this?" in page


def test_an_outsider_is_refused_the_decision_page(client):
    vantaa = OrganisationFactory()
    UserFactory(organisation=vantaa)
    petra = UserFactory()
    affiliation = affiliation_request(user=petra, organisation=vantaa, by=petra)
    client.force_login(UserFactory(organisation=OrganisationFactory()))
    url = reverse("people:affiliation_decide", args=[affiliation.pk])
    assert client.post(url, {"decision": "approve"}).status_code == 403
    petra.refresh_from_db()
    assert petra.organisation is None
