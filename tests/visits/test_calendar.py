"""The calendar core: RFC 5545 output read back by two independent parsers (icalendar, vobject)."""

import datetime
import zoneinfo
from dataclasses import replace

import icalendar
import pytest
import vobject

from citypeers.visits.texts.calendar import (
    CALENDAR_FIELDS,
    CalendarSession,
    SessionCalendar,
    calendar_changes,
    calendar_ics,
)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
LISBON = zoneinfo.ZoneInfo("Europe/Lisbon")
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
UTC = datetime.UTC
NOW = datetime.datetime(2027, 2, 1, 12, tzinfo=UTC)
HOSTILE = "Walk; talk, and\r\nATTENDEE:mailto:eve@example.org\nORGANIZER:x\u2028X-EVIL:1\x0b"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://citypeers.example.org:8443"


def session(day=26, hour=10, zone="Europe/Brussels", **fields):
    """A two-hour session on `day` March 2027 at `hour` in `zone`."""
    starts = datetime.datetime(2027, 3, day, hour, tzinfo=zoneinfo.ZoneInfo(zone))
    values = {
        "key": f"visit-12-session-{day}",
        "summary": "Site visit",
        "description": "Meet at the entrance.",
        "starts": starts,
        "ends": starts + datetime.timedelta(hours=2),
        "zone": zone,
        "modified": datetime.datetime(2027, 1, 15, 8, 30, tzinfo=UTC),
    }
    return CalendarSession(**(values | fields))


def build(*sessions, name="Heritage walks, Brussels"):
    return calendar_ics(SessionCalendar(name=name, sessions=sessions), now=NOW)


def both(data: bytes):
    """The output read by each parser: (icalendar's events, vobject's events)."""
    return (
        icalendar.Calendar.from_ical(data).walk("VEVENT"),
        vobject.readOne(data.decode()).vevent_list,
    )


def vobject_of(data: bytes):
    return vobject.readOne(data.decode())


def test_the_calendar_says_what_it_is_and_how_often_to_check():
    data = build(session(), name="Heritage walks; Brussels, 2027")
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert str(calendar["PRODID"]).startswith("-//citypeers//")
    assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=4)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    parsed = vobject_of(data)
    assert parsed.x_wr_calname.value == "Heritage walks; Brussels, 2027"
    assert parsed.contents["name"][0].value == "Heritage walks; Brussels, 2027"
    assert parsed.x_published_ttl.value == "PT4H"


def test_the_hour_stays_at_ten_in_brussels_across_the_change_to_summer_time():
    data = build(session(day=26), session(day=29))
    icalendar_events, vobject_events = both(data)
    expected = [
        datetime.datetime(2027, 3, 26, 9, tzinfo=UTC),
        datetime.datetime(2027, 3, 29, 8, tzinfo=UTC),
    ]
    assert [e.decoded("DTSTART") for e in icalendar_events] == expected
    assert [e.dtstart.value for e in vobject_events] == expected
    assert [e.dtend.value - e.dtstart.value for e in vobject_events] == [
        datetime.timedelta(hours=2)
    ] * 2
    assert b"DTSTART;TZID=Europe/Brussels:20270326T100000" in data
    assert b"DTSTART;TZID=Europe/Brussels:20270329T100000" in data


def test_vobject_reads_the_hour_from_the_files_own_timezone():
    # vobject builds each zone from the VTIMEZONE in the file, not from its own database: these
    # offsets prove the VTIMEZONE written is right on both sides of the change.
    events = vobject_of(build(session(day=26), session(day=29))).vevent_list
    assert [e.dtstart.value.utcoffset() for e in events] == [
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    ]


def test_a_session_just_after_the_clocks_go_forward_keeps_its_hour():
    # 28 March 2027, 03:00 in Brussels is 01:00 UTC, the first instant of summer time.
    data = build(session(day=28, hour=3, key="early"))
    icalendar_events, vobject_events = both(data)
    expected = datetime.datetime(2027, 3, 28, 1, tzinfo=UTC)
    assert icalendar_events[0].decoded("DTSTART") == session(day=28, hour=3).starts
    assert vobject_events[0].dtstart.value == expected


@pytest.mark.parametrize(
    ("reader", "hours"),
    [(LISBON, (9, 9)), (HELSINKI, (11, 11)), (BRUSSELS, (10, 10))],
    ids=["Lisbon", "Helsinki", "Brussels"],
)
def test_a_reader_in_another_zone_sees_the_session_at_their_local_hour(reader, hours):
    # All three zones change on the same night, so each keeps its own hour on both days.
    icalendar_events, vobject_events = both(build(session(day=26), session(day=29)))
    assert tuple(e.decoded("DTSTART").astimezone(reader).hour for e in icalendar_events) == hours
    assert tuple(e.dtstart.value.astimezone(reader).hour for e in vobject_events) == hours


def test_sessions_written_in_lisbon_and_helsinki_are_read_at_their_hours():
    data = build(
        session(day=29, hour=9, zone="Europe/Lisbon", key="lisbon"),
        session(day=29, hour=11, zone="Europe/Helsinki", key="helsinki"),
    )
    icalendar_events, vobject_events = both(data)
    # 09:00 in Lisbon and 11:00 in Helsinki on 29 March 2027 are both 08:00 UTC.
    instant = datetime.datetime(2027, 3, 29, 8, tzinfo=UTC)
    assert [e.decoded("DTSTART") for e in icalendar_events] == [instant, instant]
    assert [e.dtstart.value for e in vobject_events] == [instant, instant]
    assert b"DTSTART;TZID=Europe/Lisbon:20270329T090000" in data
    assert b"DTSTART;TZID=Europe/Helsinki:20270329T110000" in data


def test_a_session_is_written_in_its_zone_whatever_zone_its_times_came_in():
    starts = datetime.datetime(2027, 3, 29, 8, tzinfo=UTC)
    data = build(session(starts=starts, ends=starts + datetime.timedelta(hours=1)))
    assert b"DTSTART;TZID=Europe/Brussels:20270329T100000" in data
    assert b"DTEND;TZID=Europe/Brussels:20270329T110000" in data


def test_every_zone_used_has_a_vtimezone_limited_to_its_years():
    data = build(
        session(day=29, key="brussels"),
        session(day=29, zone="Europe/Helsinki", key="helsinki"),
        replace(
            session(day=29, zone="Europe/Helsinki", key="helsinki-next-year"),
            starts=datetime.datetime(2028, 3, 29, 10, tzinfo=HELSINKI),
            ends=datetime.datetime(2028, 3, 29, 12, tzinfo=HELSINKI),
        ),
    )
    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert sorted(zones) == ["Europe/Brussels", "Europe/Helsinki"]

    def onsets(tzid):
        """Each change of offset: a part's DTSTART, then its RDATEs (icalendar's way)."""
        found = []
        for part in zones[tzid].subcomponents:
            found.append(part.decoded("DTSTART"))
            rdates = part.get("RDATE", [])
            for rdate in rdates if isinstance(rdates, list) else [rdates]:
                found.extend(period.dt for period in rdate.dts)
        return sorted(found)

    assert {onset.year for onset in onsets("Europe/Brussels")} == {2027}
    assert {onset.year for onset in onsets("Europe/Helsinki")} == {2027, 2028}
    assert len(onsets("Europe/Helsinki")) == 1 + 2 * 2  # the first day, then two changes a year
    # Both changes of each year are there: into summer time and back.
    summer = zones["Europe/Brussels"].walk("DAYLIGHT")
    assert [p.decoded("DTSTART").date() for p in summer] == [datetime.date(2027, 3, 28)]
    assert summer[0].decoded("TZOFFSETTO") == datetime.timedelta(hours=2)
    # The zones come before the events that use them.
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")
    assert {tz.tzid.value for tz in vobject_of(data).vtimezone_list} == set(zones)


def test_a_session_in_utc_is_written_with_z_and_needs_no_vtimezone():
    data = build(session(zone="UTC", hour=9))
    assert b"DTSTART:20270326T090000Z" in data
    assert b"VTIMEZONE" not in data


def test_the_uid_is_the_key_at_the_site_host_and_the_same_in_every_build():
    first = build(session(day=26), session(day=29))
    later = calendar_ics(
        SessionCalendar(
            name="Renamed", sessions=[session(day=29, summary="Moved"), session(day=26)]
        ),
        now=NOW + datetime.timedelta(days=3),
    )
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")]
    assert uids == [
        "visit-12-session-26@citypeers.example.org",
        "visit-12-session-29@citypeers.example.org",
    ]
    assert sorted(e.uid.value for e in vobject_of(later).vevent_list) == uids


def test_sequence_status_stamp_and_last_modified_are_as_given():
    data = build(session(day=26, sequence=3), session(day=29, sequence=0, cancelled=True))
    icalendar_events, vobject_events = both(data)
    assert [e["SEQUENCE"] for e in icalendar_events] == [3, 0]
    assert [e.sequence.value for e in vobject_events] == ["3", "0"]
    assert [str(e["STATUS"]) for e in icalendar_events] == ["CONFIRMED", "CANCELLED"]
    assert [e.status.value for e in vobject_events] == ["CONFIRMED", "CANCELLED"]
    assert {e.decoded("DTSTAMP") for e in icalendar_events} == {NOW}
    assert {e.last_modified.value for e in vobject_events} == {
        datetime.datetime(2027, 1, 15, 8, 30, tzinfo=UTC)
    }


def test_the_room_is_written_only_when_the_caller_passes_it():
    data = build(
        session(day=26, location="Town hall, room 2", url="https://meet.example.org/visit-12"),
        session(day=29),
    )
    icalendar_events, vobject_events = both(data)
    assert str(icalendar_events[0]["LOCATION"]) == "Town hall, room 2"
    assert vobject_events[0].url.value == "https://meet.example.org/visit-12"
    for event in (icalendar_events[1], vobject_events[1].contents):
        assert "location" not in {name.lower() for name in event}
        assert "url" not in {name.lower() for name in event}
    assert data.count(b"LOCATION") == data.count(b"URL:") == 1


def test_hostile_text_stays_inside_its_property():
    data = build(
        session(summary=HOSTILE, description=HOSTILE, location=HOSTILE),
        name=HOSTILE,
    )
    calendar = vobject_of(data)
    (event,) = calendar.vevent_list
    # Each property once, and none that the text tried to add.
    assert sorted(event.contents) == [
        "description",
        "dtend",
        "dtstamp",
        "dtstart",
        "last-modified",
        "location",
        "sequence",
        "status",
        "summary",
        "uid",
    ]
    assert b"\nATTENDEE" not in data and b"\nORGANIZER" not in data and b"\nX-EVIL" not in data
    assert (
        event.summary.value
        == "Walk; talk, and ATTENDEE:mailto:eve@example.org ORGANIZER:x X-EVIL:1"
    )
    assert event.location.value == event.summary.value
    assert calendar.x_wr_calname.value == event.summary.value
    # The description keeps its line breaks, escaped inside the one property.
    assert event.description.value.splitlines() == [
        "Walk; talk, and",
        "ATTENDEE:mailto:eve@example.org",
        "ORGANIZER:x",
        "X-EVIL:1",
    ]
    (parsed,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert "ATTENDEE" not in parsed and "ORGANIZER" not in parsed
    assert str(parsed["SUMMARY"]) == event.summary.value


@pytest.mark.parametrize(
    "url",
    [
        "https://meet.example.org/a\r\nATTENDEE:mailto:eve@example.org",
        "javascript:alert(1)",
        "https://meet.example.org/a b",
        "http://[::1",
        "meet.example.org/visit",
    ],
)
def test_a_url_that_is_not_one_web_address_is_left_out(url):
    data = build(session(url=url))
    (event,) = vobject_of(data).vevent_list
    assert "url" not in event.contents
    assert b"ATTENDEE" not in data


def test_long_text_in_any_script_is_folded_and_read_back_whole():
    text = "Visite du quartier Švihov, Ιστορικό κέντρο, 歴史地区; " * 6
    data = build(session(summary=text, description=text))
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    icalendar_events, vobject_events = both(data)
    assert str(icalendar_events[0]["SUMMARY"]) == text.strip()
    assert vobject_events[0].description.value == text.strip()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"key": "visit 12\r\nATTENDEE:x"}, "plain token"),
        ({"zone": "Europe/Atlantis"}, "unknown zone"),
        ({"zone": "../../etc/passwd"}, "unknown zone"),
        ({"starts": datetime.datetime(2027, 3, 26, 10)}, "naive"),
        ({"ends": datetime.datetime(2027, 3, 26, 9, tzinfo=UTC)}, "not after"),
        ({"sequence": -1}, "negative"),
    ],
)
def test_a_session_built_wrong_is_refused_not_dropped(fields, message):
    with pytest.raises(ValueError, match=message):
        build(replace(session(), **fields))


def test_two_sessions_with_one_key_are_refused():
    with pytest.raises(ValueError, match="used twice"):
        build(session(day=26, key="same"), session(day=29, key="same"))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"starts": datetime.datetime(2027, 3, 26, 11, tzinfo=BRUSSELS)}, "starts"),
        ({"ends": datetime.datetime(2027, 3, 26, 13, tzinfo=BRUSSELS)}, "ends"),
        ({"summary": "Site visit (moved)"}, "summary"),
        ({"location": "Town hall"}, "location"),
        ({"url": "https://meet.example.org/new"}, "url"),
        ({"cancelled": True}, "cancelled"),
    ],
)
def test_a_change_a_calendar_shows_is_named(change, field):
    before = session()
    assert calendar_changes(before, replace(before, **change)) == (field,)


@pytest.mark.parametrize(
    "change",
    [
        {"description": "Meet at the back door."},
        {"modified": datetime.datetime(2027, 2, 1, tzinfo=UTC)},
        {"sequence": 4},
        {"summary": "Site visit\r\n"},  # written the same
        {"url": "javascript:alert(1)"},  # left out either way
        # The same instants, written in another zone.
        {"starts": datetime.datetime(2027, 3, 26, 9, tzinfo=UTC), "zone": "UTC"},
    ],
)
def test_a_change_a_calendar_does_not_show_keeps_the_sequence(change):
    before = session()
    assert calendar_changes(before, replace(before, **change)) == ()


def test_several_changes_are_named_in_a_fixed_order():
    before = session()
    after = replace(
        before, cancelled=True, summary="Gone", ends=before.ends + before.ends.resolution
    )
    assert calendar_changes(before, after) == ("ends", "summary", "cancelled")
    assert set(calendar_changes(before, after)) <= set(CALENDAR_FIELDS)
