import csv
import datetime
import io
import json

import openpyxl
import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext_lazy

from citypeers.core.errors import CitypeersError
from citypeers.core.http import (
    add_error_to_form,
    export_response,
    paginate,
    permission_required,
    query_without_page,
    requested_export,
    whole_number,
)
from citypeers.programmes.models import Role
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    sent_application,
)

requests = RequestFactory()


@permission_required("core.read_outbox")
def staff_page(request):
    return HttpResponse("staff only")


def signed_in(user, path="/en/staff/page/"):
    request = requests.get(path)
    request.user = user
    return request


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in_and_comes_back_afterwards():
    request = requests.get("/en/staff/page/?q=ana")
    request.user = AnonymousUser()
    response = staff_page(request)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/staff/page/%3Fq%3Dana"


@pytest.mark.django_db
def test_a_signed_in_person_without_the_right_is_refused():
    with pytest.raises(PermissionDenied):
        staff_page(signed_in(UserFactory()))


@pytest.mark.django_db
def test_a_person_with_the_right_gets_the_page():
    assert staff_page(signed_in(UserFactory(is_staff=True))).content == b"staff only"


@pytest.mark.django_db
def test_the_object_checked_is_handed_to_the_view(programme, coordinator):
    seen = []

    @permission_required("programmes.manage_members", lambda *, slug: programme)
    def members(request, slug, obj):
        seen.append(obj)
        return HttpResponse()

    members(signed_in(coordinator), slug=programme.slug)
    assert seen == [programme]
    with pytest.raises(PermissionDenied):
        members(signed_in(UserFactory()), slug=programme.slug)


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_refusal_about_a_field_is_shown_at_that_field():
    form = NameForm({"name": "Ana"})
    form.is_valid()
    add_error_to_form(form, CitypeersError("Taken.", field="name"))
    assert form.errors == {"name": ["Taken."]}


@pytest.mark.parametrize("field", [None, "not_on_this_form"])
def test_a_refusal_about_no_field_of_the_form_is_shown_at_the_top(field):
    form = NameForm({"name": "Ana"})
    form.is_valid()
    add_error_to_form(form, CitypeersError("Not now.", field=field))
    assert form.non_field_errors() == ["Not now."]


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("", 1), ("2", 2), ("3", 3), ("abc", 1), ("999", 3), ("1.5", 1)],
)
def test_a_page_number_gives_that_page_or_the_nearest_one(asked, shown):
    page = paginate(requests.get("/", {"page": asked}), list(range(25)), per_page=10)
    assert page.number == shown


@pytest.mark.parametrize("asked", ["0", "-1"])
def test_a_page_number_below_one_gives_the_first_page(asked):
    page = paginate(requests.get("/", {"page": asked}), list(range(25)), per_page=10)
    assert page.number == 1
    assert list(page.object_list) == list(range(10))


def test_an_empty_list_still_has_a_first_page():
    page = paginate(requests.get("/", {"page": "4"}), [])
    assert page.number == 1
    assert list(page.object_list) == []


def test_links_to_other_pages_keep_the_filters_but_not_the_page():
    request = requests.get("/", {"q": "Tampere", "page": "3", "country": "FI"})
    assert query_without_page(request) == "q=Tampere&country=FI"
    assert query_without_page(requests.get("/", {"page": "2"})) == ""


@pytest.mark.parametrize(("asked", "given"), [("csv", "csv"), ("xlsx", "xlsx"), ("json", "json")])
def test_the_three_export_formats_are_recognised(asked, given):
    assert requested_export(requests.get("/", {"export": asked})) == given


@pytest.mark.parametrize("asked", ["", "pdf", "CSV", "../etc/passwd"])
def test_any_other_export_asked_for_gives_the_page_itself(asked):
    assert requested_export(requests.get("/", {"export": asked})) is None


HOSTILE = ['=HYPERLINK("http://evil.example","Click")', "+1+1", "-2+3", "@SUM(A1)", "\tx"]


def export(export_format, rows):
    return export_response(
        headers=["Name", "Count"], rows=rows, filename="people", export_format=export_format
    )


def test_a_csv_export_keeps_formula_like_text_inert_and_numbers_as_numbers():
    response = export("csv", [[text, -4] for text in HOSTILE] + [["Ana", 3]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Count"]
    assert [row[0] for row in rows[1:-1]] == ["'" + text for text in HOSTILE]
    assert {row[1] for row in rows[1:]} == {"-4", "3"}
    assert rows[-1] == ["Ana", "3"]


def test_an_xlsx_export_keeps_formula_like_text_as_text():
    response = export("xlsx", [[text, 1] for text in HOSTILE])
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert cells == ["'" + text for text in HOSTILE]
    assert all(cell.data_type == "s" for cell in sheet["A"][1:])


def test_a_json_export_keeps_every_value_exactly():
    response = export("json", [[HOSTILE[0], 2]])
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == [{"Name": HOSTILE[0], "Count": 2}]


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["json", "csv", "xlsx"])
def test_objects_and_lazy_translations_are_exported_as_their_text(export_format):
    place = PlaceFactory(name="Vantaa", country="FI")
    response = export_response(
        headers=["Place", "Size", "Day"],
        rows=[[place, gettext_lazy("Medium"), datetime.date(2026, 5, 4)]],
        filename="places",
        export_format=export_format,
    )
    assert response.status_code == 200
    if export_format == "json":
        assert json.loads(response.content) == [
            {"Place": "Vantaa (FI)", "Size": "Medium", "Day": "2026-05-04"}
        ]


# Pages that export: every format `requested_export` accepts gives a file.


def _places(client, programme, visit, coordinator):
    PlaceFactory()
    return reverse("places:list")


def _members(client, programme, visit, coordinator):
    client.force_login(coordinator)
    MembershipFactory(
        programme=programme,
        visit=visit,
        role=Role.HOST,
        user=UserFactory(organisation=OrganisationFactory()),
    )
    return reverse("programmes:members", args=[programme.slug])


def _applications(client, programme, visit, coordinator):
    client.force_login(coordinator)
    call = CallFactory(programme=programme, visits=[visit])
    sent_application(call, UserFactory(organisation=OrganisationFactory()), preferences=[visit])
    return reverse("calls:applications", args=[call.slug])


PAGES = {
    "places": _places,
    "members": _members,
    "a call's applications": _applications,
}


# A place's size is a lazy translation, a member's organisation and visit are models: they
# once ended in a 500 ("Circular reference detected") instead of their text.
@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.django_db
def test_a_json_export_is_a_file_not_a_server_error(client, programme, visit, coordinator, page):
    url = PAGES[page](client, programme, visit, coordinator)
    response = client.get(url, {"export": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()


@pytest.mark.django_db
def test_a_json_export_writes_translations_and_objects_as_their_text(
    client, programme, visit, coordinator
):
    url = _members(client, programme, visit, coordinator)
    rows = client.get(url, {"export": "json"}).json()
    assert str(visit) in {row["Visit"] for row in rows}
    cells = [value for row in rows for value in row.values()]
    assert all(isinstance(value, str | int | float | bool | None) for value in cells)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("3", 3),
        ("0042", 42),
        ("²", None),
        ("٣", None),
        (" 3", None),
        ("+3", None),
        ("1_000", None),
        ("-1", None),
        ("1e3", None),
        ("9" * 10, None),
        ("", None),
        (None, None),
    ],
)
def test_a_number_in_an_address_is_only_digits_0_to_9_a_column_can_hold(typed, number):
    assert whole_number(typed) == number
