"""Each of the planner's warnings, when it is given and when not, and the fix it offers."""

import datetime

from django.utils import translation

from citypeers.methodology.enums import Severity
from citypeers.methodology.selectors.plan_data import (
    FormatInfo,
    PlanRequest,
    PlanTemplate,
    StepInfo,
)
from citypeers.methodology.selectors.planning import make_plan

TODAY = datetime.date(2026, 11, 25)
MONDAY = datetime.date(2027, 5, 10)
CAFE = FormatInfo("world-cafe", "World café", "exchange", ("online", "onsite"), 12, 48, 45, 90)
CLINIC = FormatInfo("clinic", "Peer review clinic", "exchange", ("online",), 4, 30, 45, 90)
ONSITE_ONLY = FormatInfo("walkshop", "Walkshop", "exchange", ("onsite",), 2, 30, 45, 90)
TRIO = FormatInfo("trio", "Trio talk", "reflection", ("online", "onsite"), 12, 13, 20, 60)


def step(title, anchor, offset_days, phase=4):
    return StepInfo(phase, "Call", title, "Coordinator", anchor, offset_days, "", ())


def template(*, agenda=((CAFE, 60),), daily_minutes_max=120, max_days=5, steps=()):
    return PlanTemplate(
        mode="online",
        min_days=1,
        max_days=max_days,
        daily_minutes_max=daily_minutes_max,
        session_start=datetime.time(10),
        steps=steps,
        agenda={"first": agenda, "middle": agenda, "last": agenda},
        formats=(CAFE, ONSITE_ONLY, CLINIC, TRIO),
    )


def plan(plan_template=None, **changes):
    request = {
        "mode": "online",
        "start": MONDAY,
        "days": 3,
        "participants": 24,
        "host_tz": "Europe/Brussels",
        "countries": (),
    }
    return make_plan(plan_template or template(), PlanRequest(**(request | changes)), today=TODAY)


def warnings(result, code):
    return [warning for warning in result.warnings if warning.code == code]


def test_onsite_visits_have_no_time_zone_or_daily_limit_warning():
    result = plan(mode="onsite", countries=("JP", "PT"), time=datetime.time(8), minutes=400)
    assert warnings(result, "time_zones") == [] and warnings(result, "daily_limit") == []
    online = plan(countries=("JP", "PT"), time=datetime.time(8), minutes=400)
    assert warnings(online, "time_zones") and warnings(online, "daily_limit")


def test_countries_without_a_known_zone_are_left_out_of_the_working_hours_check():
    assert warnings(plan(countries=("XX",), time=datetime.time(7)), "time_zones") == []


def test_a_session_inside_working_hours_everywhere_gives_no_time_zone_warning():
    assert warnings(plan(countries=("PT", "FI", "PL"), time=datetime.time(10)), "time_zones") == []


def test_late_sessions_name_only_the_countries_they_are_late_for():
    [warning] = warnings(plan(countries=("PT", "FI"), time=datetime.time(16, 30)), "time_zones")
    # 16:30 to 17:30 in Brussels is 17:30 to 18:30 in Helsinki, 15:30 to 16:30 in Lisbon.
    assert "Finland" in warning.message and "Portugal" not in warning.message
    assert warning.fix.changes == {"time": "16:00"}
    assert warning.fix.text.startswith("Start at 16:00 (Europe/Brussels) instead")


def test_a_format_for_more_people_suggests_one_of_the_same_stage_that_fits():
    [warning] = warnings(plan(participants=8), "group_size")
    assert warning.fix.text == (
        "Invite at least 12 participants, or use Peer review clinic instead, which serves the "
        "same purpose for 4 to 30 people."
    )
    assert warning.fix.changes == {"participants": 12}


def test_without_a_replacement_the_fix_is_only_to_invite_more_people():
    [warning] = warnings(plan(template(agenda=((TRIO, 30),)), participants=8), "group_size")
    assert warning.fix.text == "Invite at least 12 participants."
    assert warning.fix.changes == {"participants": 12}


def test_a_group_too_large_to_split_into_groups_big_enough_asks_for_fewer_people():
    # 14 people in groups of at most 13 makes two groups of 7; the format needs 12.
    result = plan(template(agenda=((TRIO, 30),)), participants=14)
    [warning] = warnings(result, "group_size")
    assert warning.message == "Trio talk works for 12 to 13 people; 14 are planned."
    assert warning.fix.text == "Plan fewer participants."
    assert warning.fix.changes == {"participants": 13}


def test_each_format_is_warned_about_once_however_many_days_use_it():
    assert len(warnings(plan(participants=8, days=5), "group_size")) == 1


def test_on_the_longest_visit_the_daily_limit_fix_cannot_add_a_day():
    [warning] = warnings(plan(days=5, minutes=150), "daily_limit")
    assert warning.message == (
        "Sessions of 150 minutes a day are more than the 120 minutes people can follow well online."
    )
    assert warning.fix.text == "Keep each day to 120 minutes."
    assert warning.fix.changes == {"minutes": 120}


def test_a_template_day_longer_than_the_limit_is_warned_about_without_minutes_asked():
    long_day = template(agenda=((CAFE, 90), (CLINIC, 60)))
    [warning] = warnings(plan(long_day), "daily_limit")
    # 150 minutes of sessions and the break between them
    assert "Sessions of 160 minutes a day" in warning.message
    assert warning.fix.changes == {"minutes": 120, "days": 4}


def test_no_daily_limit_means_no_daily_limit_warning():
    long_day = template(agenda=((CAFE, 90), (CLINIC, 90)), daily_minutes_max=0)
    assert warnings(plan(long_day, minutes=300), "daily_limit") == []


def test_a_visit_starting_on_a_saturday_is_moved_to_the_monday_after():
    [warning] = warnings(plan(start=datetime.date(2027, 5, 8)), "weekend")
    assert warning.message == "Day 1 of the visit, Saturday 8 May 2027, is a weekend day."
    assert warning.fix.changes == {"start": "2027-05-10"}


def test_visits_longer_than_a_working_week_may_run_over_a_weekend():
    assert warnings(plan(days=6), "weekend") == []
    assert warnings(plan(days=5, start=datetime.date(2027, 5, 12)), "weekend")


def test_a_milestone_before_the_visit_on_a_weekend_moves_to_the_friday_before():
    steps = (step("Send the briefing", "start", -2),)  # the Saturday before a Monday
    [warning] = warnings(plan(template(steps=steps)), "weekend")
    assert warning.message == "“Send the briefing” falls on Saturday 8 May 2027, a weekend."
    assert warning.fix.text == "Plan it for Friday 7 May 2027."
    assert warning.fix.changes == {}  # no parameter moves one milestone: no link


def test_past_milestones_are_counted_and_the_first_is_named():
    steps = (
        step("Open the call", "start", -300, phase=4),
        step("Close the call", "start", -200, phase=4),
        step("Brief", "start", -7, phase=6),
    )
    result = plan(template(steps=steps))
    [warning] = warnings(result, "past")
    assert warning.message == (
        "2 milestones are already past, the first being “Open the call” on Tuesday 14 July 2026."
    )
    earliest = datetime.date.fromisoformat(warning.fix.changes["start"])
    assert earliest.weekday() == 0 and earliest - datetime.timedelta(days=300) >= TODAY
    assert (
        warning.fix.text
        == f"Start the visit on {earliest:%A} {earliest.day} {earliest:%B %Y} or later."
    )


def test_a_past_milestone_on_a_weekend_is_not_also_a_weekend_warning():
    steps = (step("Open the call", "start", -303),)  # Saturday 11 July 2026, already past
    result = plan(template(steps=steps))
    assert result.milestones[0].date.weekday() == 5
    assert warnings(result, "past") and warnings(result, "weekend") == []


def test_warnings_come_most_severe_first_and_in_a_fixed_order_within_a_severity():
    steps = (step("Open the call", "start", -300), step("Brief", "start", -2))
    result = plan(
        template(steps=steps),
        start=datetime.date(2027, 5, 10),  # a Monday: the briefing falls on a Saturday
        days=6,  # over a weekend, which a visit this long may
        participants=8,
        minutes=150,
        countries=("JP",),
        time=datetime.time(13),  # 20:00 in Tokyo
    )
    assert [(w.code, w.severity) for w in result.warnings] == [
        ("group_size", Severity.BLOCKING),
        ("past", Severity.BLOCKING),
        ("time_zones", Severity.IMPORTANT),
        ("daily_limit", Severity.IMPORTANT),
        ("weekend", Severity.MINOR),
    ]


def test_a_visit_day_on_a_weekend_matters_more_than_a_milestone_on_one():
    steps = (step("Send the briefing", "start", -7),)
    result = plan(template(steps=steps), start=datetime.date(2027, 5, 8))  # a Saturday
    assert [(w.severity, w.message.split(",")[0]) for w in warnings(result, "weekend")] == [
        (Severity.IMPORTANT, "Day 1 of the visit"),
        (Severity.MINOR, "“Send the briefing” falls on Saturday 1 May 2027"),
    ]


def test_a_group_that_can_be_split_is_important_one_that_cannot_is_blocking():
    [split] = warnings(plan(participants=60), "group_size")
    [too_many] = warnings(plan(template(agenda=((TRIO, 30),)), participants=14), "group_size")
    assert (split.severity, too_many.severity) == (Severity.IMPORTANT, Severity.BLOCKING)


def test_a_milestone_on_todays_weekend_is_not_moved_into_the_past():
    saturday = datetime.date(2027, 5, 8)
    steps = (step("Send the briefing", "start", -2), step("Report", "end", 4))
    result = make_plan(
        template(steps=steps),
        PlanRequest("online", MONDAY, 3, 24, "Europe/Brussels"),
        today=saturday,
    )
    # The briefing is due today, a Saturday: the Friday before is gone, nothing to nudge.
    assert [w.message for w in warnings(result, "weekend")] == [
        "“Report” falls on Sunday 16 May 2027, a weekend."
    ]


def test_one_past_milestone_is_told_in_the_singular():
    steps = (step("Open the call", "start", -300), step("Brief", "start", -7, phase=6))
    [warning] = warnings(plan(template(steps=steps)), "past")
    assert (
        warning.message == "1 milestone is already past: “Open the call” on Tuesday 14 July 2026."
    )


def test_counted_warnings_take_the_french_plural_of_their_number():
    steps = (step("Open the call", "start", -300),)
    with translation.override("fr"):
        result = plan(template(steps=steps), days=5, minutes=150)
    [past] = warnings(result, "past")
    [limit] = warnings(result, "daily_limit")
    assert past.message.startswith("1 jalon est déjà passé")
    assert limit.fix.text == "Limitez chaque journée à 120 minutes."


def test_a_visit_day_on_a_public_holiday_of_the_hosts_country_is_moved_to_working_days():
    # Monday 29 March 2027 is Easter Monday in Belgium; Friday 26 March is Good Friday in Germany.
    result = plan(start=datetime.date(2027, 3, 29), days=3, host_country="BE")
    [warning] = warnings(result, "holiday")
    assert warning.message == (
        "Day 1 of the visit, Monday 29 March 2027, is Easter Monday, a public holiday in Belgium."
    )
    assert warning.severity == Severity.IMPORTANT
    assert warning.fix.changes == {"start": "2027-03-30"}
    assert warnings(plan(start=datetime.date(2027, 3, 29), days=3, host_country="FR"), "holiday")
    ordinary_week = plan(start=datetime.date(2027, 3, 22), days=5, host_country="BE")
    assert warnings(ordinary_week, "holiday") == []


def test_the_weekend_fix_never_moves_a_visit_onto_a_holiday():
    # Monday 21 to Friday 25 December 2026: Christmas; then New Year's Day on Friday 1 January.
    result = plan(start=datetime.date(2026, 12, 21), days=5, host_country="BE")
    [warning] = warnings(result, "holiday")
    assert "Christmas Day" in warning.message
    assert warning.fix.changes == {"start": "2027-01-04"}
    saturday = plan(start=datetime.date(2026, 12, 26), days=5, host_country="BE")
    [weekend] = warnings(saturday, "weekend")
    assert weekend.fix.changes == {"start": "2027-01-04"}  # not the Monday before New Year's Day


def test_holidays_of_participants_countries_are_minor_notes_naming_the_country():
    result = plan(start=datetime.date(2027, 6, 7), days=5, host_country="BE", countries=("PT",))
    [warning] = warnings(result, "holiday")
    assert warning.severity == Severity.MINOR
    assert "Portugal" in warning.message and "Thursday 10 June 2027" in warning.message
    assert warning.fix.changes == {"start": "2027-06-14"}


def test_holiday_names_are_in_the_readers_language_where_the_package_has_them():
    with translation.override("fr"):
        result = plan(start=datetime.date(2027, 3, 29), days=3, host_country="BE")
        [warning] = warnings(result, "holiday")
    assert "Lundi de Pâques" in warning.message


def test_a_milestone_on_a_holiday_is_moved_to_a_working_day_before_it():
    steps = (step("Open the call", "start", -3),)  # Friday 26 March 2027: Good Friday in Germany
    result = plan(template(steps=steps), start=datetime.date(2027, 3, 29), host_country="DE")
    [note] = [w for w in warnings(result, "holiday") if "Open the call" in w.message]
    assert note.message == "“Open the call” falls on Friday 26 March 2027, Good Friday."
    assert note.fix.text == "Plan it for Thursday 25 March 2027."
    assert note.severity == Severity.MINOR
