"""Breakout groups as files (visits/texts/breakouts.py): Zoom's pre-assignment CSV and the
table a coordinator downloads."""

import csv
import io

import pytest
import tablib
from django.utils import translation

from citypeers.visits.breakouts import Kind, Mix, Person, Rounds
from citypeers.visits.texts.breakouts import (
    groups_export_response,
    table_headers,
    table_rows,
    without_email,
    zoom_csv,
)

ANA = Person(key="a", name="Ana", email="ana@example.pt", country="PT", organisation="Lisboa")
EERO = Person(key="e", name="Eero", email="eero@example.fi", country="FI", organisation="Espoo")
OLA = Person(key="o", name="=HYPERLINK(1)", country="PL", organisation="Gdynia")
MIA = Person(key="m", name="Mia", email="mia@example.eu", kind=Kind.FACILITATOR)


@pytest.fixture
def rounds():
    groups = (((ANA, MIA), (EERO, OLA)), ((ANA, EERO), (MIA, OLA)))
    return Rounds(
        groups=groups,
        repeated_pairs=0,
        lower_bound=0,
        mix=Mix(1, 1, 0, 0, 1, 0),
        met_again=(),
        people=(ANA, EERO, OLA, MIA),
        size=6,
        seed=0,
        time_limit_s=1,
        method="by hand",
    )


def test_zoom_csv_has_zoom_s_header_and_one_row_per_person_with_an_address(rounds):
    assert zoom_csv(rounds, round_index=1) == (
        "Pre-assign Room Name,Email Address\r\n"
        "Round 2 · Group 1,ana@example.pt\r\n"
        "Round 2 · Group 1,eero@example.fi\r\n"
        "Round 2 · Group 2,mia@example.eu\r\n"
    )
    assert without_email(rounds, round_index=1) == [OLA]


def test_an_address_a_spreadsheet_would_run_is_left_for_placing_by_hand(rounds):
    sly = Person(key="s", name="Sly", email="=cmd@example.org", country="FR")
    groups = (((ANA, sly),),)
    one = Rounds(**{**vars(rounds), "groups": groups, "people": (ANA, sly)})
    assert "=cmd" not in zoom_csv(one, round_index=0)
    assert without_email(one, round_index=0) == [sly]


def test_zoom_csv_keeps_zoom_s_header_and_names_rooms_in_the_reader_s_language(rounds):
    with translation.override("fr"):
        lines = zoom_csv(rounds, round_index=0).splitlines()
    assert lines[:2] == ["Pre-assign Room Name,Email Address", "Tour 1 · Groupe 1,ana@example.pt"]


def test_the_table_has_a_row_per_person_per_round(rounds):
    assert table_headers() == ["Round", "Group", "Name", "Role", "Organisation", "Country"]
    assert table_rows(rounds)[:4] == [
        (1, 1, "Ana", "Participant", "Lisboa", "Portugal"),
        (1, 1, "Mia", "Facilitator", "", ""),
        (1, 2, "Eero", "Participant", "Espoo", "Finland"),
        (1, 2, "=HYPERLINK(1)", "Participant", "Gdynia", "Poland"),
    ]
    assert len(table_rows(rounds)) == 8


def test_the_csv_download_keeps_formula_like_names_inert(rounds):
    response = groups_export_response(rounds, export_format="csv", filename="groups")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Round", "Group", "Name", "Role", "Organisation", "Country"]
    assert rows[4] == ["1", "2", "'=HYPERLINK(1)", "Participant", "Gdynia", "Poland"]
    assert response["Content-Disposition"] == 'attachment; filename="groups.csv"'


def test_the_xlsx_download_opens_with_every_row(rounds):
    response = groups_export_response(rounds, export_format="xlsx", filename="groups")
    sheet = tablib.Dataset().load(response.content, format="xlsx")
    assert sheet.headers == ["Round", "Group", "Name", "Role", "Organisation", "Country"]
    assert len(sheet) == 8
    assert list(sheet[7]) == [2, 2, "'=HYPERLINK(1)", "Participant", "Gdynia", "Poland"]
