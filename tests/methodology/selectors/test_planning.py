"""The planner's date and time arithmetic, and every warning it gives, on plain data."""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

import pytest

from citypeers.methodology.selectors.plan_data import (
    FormatInfo,
    Placement,
    PlanRequest,
    PlanTemplate,
    StepInfo,
)
from citypeers.methodology.selectors.planning import make_plan

TODAY = datetime.date(2026, 11, 25)
MONDAY = datetime.date(2027, 3, 22)  # the EU changes to summer time on Sunday 28 March 2027
WORLD_CAFE = FormatInfo("world-cafe", "World café", "exchange", ("online",), 12, 48, 45, 90)
OPENER = FormatInfo("ice-breaker", "Ice-breaker", "opening", ("online",), 6, 60, 15, 30)
CLINIC = FormatInfo("clinic", "Peer review clinic", "exchange", ("online",), 4, 30, 45, 90)
WRAP_UP = FormatInfo("wrap-up", "Wrap-up", "reflection", ("online",), 4, 80, 15, 30)


def step(title, anchor, offset_days):
    return StepInfo(4, "Call", title, "Coordinator", anchor, offset_days, "", ("check",))


TEMPLATE = PlanTemplate(
    mode="online",
    min_days=3,
    max_days=5,
    daily_minutes_max=120,
    session_start=datetime.time(10),
    steps=(
        step("Close the call", "start", -42),
        step("Follow-up survey", "end", 182),
        step("Report", "end", 14),
    ),
    agenda={
        "first": ((OPENER, 20), (WORLD_CAFE, 60)),
        "middle": ((WORLD_CAFE, 90),),
        "last": ((WORLD_CAFE, 60), (WRAP_UP, 20)),
    },
    formats=(OPENER, WORLD_CAFE, WRAP_UP, CLINIC),
)


def plan(**changes):
    request = {
        "mode": "online",
        "start": MONDAY,
        "days": 5,
        "participants": 24,
        "host_tz": "Europe/Brussels",
        "countries": ("PT", "FI"),
    }
    return make_plan(TEMPLATE, PlanRequest(**(request | changes)), today=TODAY)


def codes(result) -> list[str]:
    return [warning.code for warning in result.warnings]


def test_milestones_count_from_the_first_or_the_last_day():
    result = plan()
    dates = {milestone.step.title: milestone.date for milestone in result.milestones}
    assert result.end == datetime.date(2027, 3, 26)
    assert dates["Close the call"] == datetime.date(2027, 2, 8)  # six weeks before, a Monday
    assert dates["Report"] == datetime.date(2027, 4, 9)
    assert dates["Follow-up survey"] == datetime.date(2027, 9, 24)
    assert [m.date for m in result.milestones] == sorted(m.date for m in result.milestones)


def test_a_plan_that_works_has_no_warning():
    assert plan(start=datetime.date(2027, 3, 15)).warnings == ()


def test_sessions_keep_the_hosts_clock_across_the_change_to_summer_time():
    result = plan(start=datetime.date(2027, 3, 25), days=5, time=datetime.time(10))
    thursday, monday = result.days[0].sessions[0].starts, result.days[4].sessions[0].starts
    assert thursday.time() == monday.time() == datetime.time(10)
    assert thursday.utcoffset() == datetime.timedelta(hours=1)
    assert monday.utcoffset() == datetime.timedelta(hours=2)
    assert result.days[0].sessions[1].starts.time() == datetime.time(10, 20)


def test_a_session_too_early_for_portugal_is_flagged_with_a_start_that_fits_everyone():
    result = plan(time=datetime.time(9))
    [warning] = [w for w in result.warnings if w.code == "time_zones"]
    assert "Portugal" in warning.message and "Finland" not in warning.message
    assert warning.fix.changes == {"time": "10:00"}  # 09:00 in Lisbon, 11:00 in Helsinki


def test_the_proposed_start_accounts_for_a_daylight_saving_change_between_the_dates():
    """Istanbul keeps UTC+3 all year; Lisbon moves from UTC+0 to UTC+1 on 28 March."""
    result = plan(
        start=datetime.date(2027, 3, 25),
        days=5,
        host_tz="Europe/Istanbul",
        countries=("PT",),
        time=datetime.time(11),
    )
    [warning] = [w for w in result.warnings if w.code == "time_zones"]
    # 11:00 in Istanbul is 08:00 in Lisbon before the change and 09:00 after: only the
    # first days are too early, and 12:00 is the nearest start that suits every day.
    assert warning.fix.changes == {"time": "12:00"}
    after_the_change = plan(
        start=datetime.date(2027, 3, 29),
        days=5,
        host_tz="Europe/Istanbul",
        countries=("PT",),
        time=datetime.time(11),
    )
    assert "time_zones" not in codes(after_the_change)


def test_no_start_suits_everyone_then_the_best_one_is_offered():
    result = plan(countries=("PT", "JP"), time=datetime.time(9))
    # Japan (UTC+9) and Portugal (UTC+0): their working hours do not overlap at all.
    [warning] = [w for w in result.warnings if w.code == "time_zones"]
    assert "No start time suits every country" in warning.fix.text


def test_a_format_for_more_people_than_the_plan_has():
    result = plan(participants=8)
    [warning] = [w for w in result.warnings if w.code == "group_size"]
    assert warning.message == "World café needs at least 12 people; 8 are planned."
    assert warning.fix.changes == {"participants": 12}


def test_a_group_too_large_is_split_into_parallel_groups():
    result = plan(participants=60)
    [warning] = [w for w in result.warnings if w.code == "group_size"]
    assert "2 parallel groups of about 30" in warning.fix.text
    assert all(
        session.groups == 2
        for day in result.days
        for session in day.sessions
        if session.format == WORLD_CAFE
    )


def test_an_online_day_over_the_limit_offers_a_shorter_day_and_one_more_day():
    result = plan(days=4, minutes=150)
    [warning] = [w for w in result.warnings if w.code == "daily_limit"]
    assert warning.fix.changes == {"minutes": 120, "days": 5}


def test_a_day_too_short_for_its_formats():
    result = plan(minutes=50)  # the first day needs at least 15 + 45 minutes
    [warning] = [w for w in result.warnings if w.code == "daily_limit"]
    assert warning.message.startswith("Day 1 needs at least 60 minutes")
    assert warning.fix.changes == {"minutes": 60}


def test_shorter_days_shrink_sessions_but_never_below_a_formats_shortest_length():
    result = plan(minutes=60)
    assert [s.minutes for s in result.days[1].sessions] == [60]
    assert all(day.minutes <= 60 for day in result.days)


def test_a_milestone_on_a_weekend_moves_to_a_weekday_on_the_safe_side():
    result = plan(start=datetime.date(2027, 3, 24), days=3)  # Wednesday to Friday
    weekend = [w for w in result.warnings if w.code == "weekend"]
    # Six weeks before a Wednesday is a Wednesday, but 14 days after a Friday is a Friday and
    # 182 days after is a Friday too: shift the start instead to make one fall on a weekend.
    assert weekend == []
    saturday_report = plan(start=datetime.date(2027, 3, 24), days=4)  # ends Saturday
    messages = [w.message for w in saturday_report.warnings if w.code == "weekend"]
    assert any("Report" in message and "Saturday 10 April 2027" in message for message in messages)
    fixes = [w.fix.text for w in saturday_report.warnings if "Report" in w.message]
    assert fixes == ["Plan it for Monday 12 April 2027."]  # after the visit: the Monday after


def test_visit_days_on_a_weekend_suggest_starting_on_a_monday():
    result = plan(start=datetime.date(2027, 3, 25), days=3)  # Thursday to Saturday
    [warning] = [w for w in result.warnings if w.code == "weekend" and "Day" in w.message]
    assert warning.fix.changes == {"start": "2027-03-29"}


def test_milestones_in_the_past_suggest_the_earliest_start_that_keeps_them_ahead():
    result = plan(start=datetime.date(2026, 12, 14))  # the call would close on 2 November
    [warning] = [w for w in result.warnings if w.code == "past"]
    earliest = datetime.date.fromisoformat(warning.fix.changes["start"])
    assert earliest.weekday() == 0
    assert earliest - datetime.timedelta(days=42) >= TODAY
    assert "past" not in codes(plan(start=earliest))


@pytest.mark.parametrize("zone", ["Europe/Lisbon", "Europe/Helsinki", "America/New_York"])
def test_session_times_are_in_the_hosts_zone(zone):
    result = plan(host_tz=zone, countries=())
    assert all(s.starts.tzinfo == ZoneInfo(zone) for day in result.days for s in day.sessions)


def test_sessions_keep_the_hosts_clock_across_the_change_back_to_winter_time():
    # The EU goes back to winter time on Sunday 31 October 2027.
    result = plan(start=datetime.date(2027, 10, 28), days=5, time=datetime.time(10))
    starts = [day.sessions[0].starts for day in result.days]
    assert {start.time() for start in starts} == {datetime.time(10)}
    assert [start.utcoffset().seconds // 3600 for start in starts] == [2, 2, 2, 1, 1]
    assert starts[3].astimezone(ZoneInfo("UTC")).hour == 9


def test_a_time_zones_fix_in_october_accounts_for_the_change_back():
    """Istanbul keeps UTC+3; Lisbon goes from UTC+1 to UTC+0 on 31 October."""
    from_istanbul = {"host_tz": "Europe/Istanbul", "countries": ("PT",), "days": 5}
    result = plan(start=datetime.date(2027, 10, 28), time=datetime.time(11), **from_istanbul)
    # 11:00 in Istanbul is 09:00 in Lisbon before the change, 08:00 after it.
    [warning] = [w for w in result.warnings if w.code == "time_zones"]
    assert warning.fix.changes == {"time": "12:00"}


def onsite_day(closing: FormatInfo = WRAP_UP):
    """A one-day onsite visit from 09:00: 30, 90, 90 minutes, then `closing` for 30."""
    onsite = dataclasses.replace(
        TEMPLATE,
        mode="onsite",
        daily_minutes_max=0,
        session_start=datetime.time(9),
        agenda={"first": ((OPENER, 30), (WORLD_CAFE, 90), (CLINIC, 90), (closing, 30))},
    )
    request = PlanRequest("onsite", MONDAY, 1, 24, "Europe/Brussels")
    [day] = make_plan(onsite, request, today=TODAY).days
    return day


def test_onsite_days_have_a_break_after_an_hour_of_sessions_and_a_lunch_hour_shown():
    day = onsite_day()
    times = [(s.starts.strftime("%H:%M"), s.ends.strftime("%H:%M")) for s in day.sessions]
    # 09:00-09:30 and on to 11:00; break; 11:15-12:45, lunch; 13:45-14:15.
    assert times == [("09:00", "09:30"), ("09:30", "11:00"), ("11:15", "12:45"), ("13:45", "14:15")]
    pauses = [(p.starts.strftime("%H:%M"), p.minutes, p.lunch) for p in day.pauses]
    assert pauses == [("11:00", 15, False), ("12:45", 60, True)]
    assert [getattr(item, "format", None) for item in day.timeline] == [
        OPENER,
        WORLD_CAFE,
        None,
        CLINIC,
        None,
        WRAP_UP,
    ]


def test_a_closing_session_not_after_lunch_on_the_last_day_keeps_lunch_after_it():
    wrap_up = dataclasses.replace(
        WRAP_UP, placement=(Placement("not_after_lunch_last_day", modes=("onsite",)),)
    )
    day = onsite_day(wrap_up)
    assert day.sessions[-1].starts.strftime("%H:%M") == "13:00"  # a break, no lunch, before it
    assert [(pause.minutes, pause.lunch) for pause in day.pauses] == [(15, False), (15, False)]


def test_an_onsite_first_day_starts_after_lunch_when_the_template_says_so():
    onsite = dataclasses.replace(
        TEMPLATE,
        mode="onsite",
        daily_minutes_max=0,
        session_start=datetime.time(9),
        first_day_start=datetime.time(13, 30),
    )
    result = make_plan(onsite, PlanRequest("onsite", MONDAY, 3, 24, "UTC"), today=TODAY)
    assert [day.sessions[0].starts.time() for day in result.days] == [
        datetime.time(13, 30),
        datetime.time(9),
        datetime.time(9),
    ]
    assert not [pause for pause in result.days[0].pauses if pause.lunch]  # eaten before


def test_days_follow_the_templates_second_third_and_penultimate_days_by_length():
    agenda = {
        kind: ((dataclasses.replace(WORLD_CAFE, slug=kind, name=kind), 60),)
        for kind in ("first", "second", "third", "penultimate", "last")
    }
    kinds = dataclasses.replace(TEMPLATE, agenda=agenda)

    def slugs(days):
        result = make_plan(kinds, PlanRequest("online", MONDAY, days, 24, "UTC"), today=TODAY)
        return [day.sessions[0].format.slug for day in result.days]

    assert slugs(3) == ["first", "penultimate", "last"]
    assert slugs(4) == ["first", "second", "penultimate", "last"]
    assert slugs(5) == ["first", "second", "third", "penultimate", "last"]
    assert slugs(2) == ["first", "last"]


def test_too_few_minutes_leave_out_sessions_in_the_templates_order_and_say_so():
    opener = dataclasses.replace(OPENER, placement=(Placement("opens_visit"),))
    short = dataclasses.replace(
        TEMPLATE,
        agenda={"first": ((opener, 20), (CLINIC, 60, 2), (WORLD_CAFE, 60, 1), (WRAP_UP, 20))},
    )
    request = PlanRequest("online", MONDAY, 1, 24, "UTC", minutes=90)
    [day] = make_plan(short, request, today=TODAY).days
    assert [s.format for s in day.sessions] == [opener, CLINIC, WRAP_UP]  # café left out first
    assert day.left_out == (WORLD_CAFE,)
    assert day.span == 90
    assert day.note == "Left out to keep to the minutes asked: World café."
    request = dataclasses.replace(request, minutes=60)
    [day] = make_plan(short, request, today=TODAY).days
    assert [s.format for s in day.sessions] == [opener, WRAP_UP]
    assert day.left_out == (WORLD_CAFE, CLINIC)


def test_online_days_longer_than_an_hour_and_a_half_get_a_break_in_the_middle():
    request = PlanRequest("online", MONDAY, 3, 24, "UTC", minutes=120)
    day = make_plan(TEMPLATE, request, today=TODAY).days[2]
    assert day.span == 120 and day.minutes == 110
    [pause] = day.pauses
    assert (pause.minutes, pause.starts) == (10, day.sessions[0].ends)


def test_onsite_days_keep_the_templates_minutes_whatever_is_asked():
    result = plan(mode="onsite", minutes=30, countries=())
    assert [s.minutes for s in result.days[1].sessions] == [90]


def test_short_visits_use_the_first_and_last_days_agendas():
    one_day = plan(days=1)
    assert [s.format for s in one_day.days[0].sessions] == [OPENER, WORLD_CAFE]
    two_days = plan(days=2)
    assert [s.format for s in two_days.days[1].sessions] == [WORLD_CAFE, WRAP_UP]
    assert two_days.end == MONDAY + datetime.timedelta(days=1)


def test_a_kind_of_day_without_its_own_agenda_uses_the_middle_days():
    middle_only = dataclasses.replace(TEMPLATE, agenda={"middle": ((CLINIC, 60),)})
    result = make_plan(middle_only, PlanRequest("online", MONDAY, 3, 24, "UTC"), today=TODAY)
    assert [[s.format for s in day.sessions] for day in result.days] == [[CLINIC]] * 3


def test_milestones_on_the_same_day_come_in_phase_order():
    same_day = dataclasses.replace(
        TEMPLATE,
        steps=(
            StepInfo(9, "Report", "Report", "Rapporteur", "end", 0, "", ()),
            StepInfo(7, "Visit", "Welcome", "Host", "start", 0, "", ()),
        ),
    )
    result = make_plan(same_day, PlanRequest("online", MONDAY, 1, 24, "UTC"), today=TODAY)
    assert [m.step.phase for m in result.milestones] == [7, 9]


OPEN_SPACE = FormatInfo("open-space", "Open space", "exchange", ("online",), 4, 60, 30, 0)
PROBLEM_TREE = FormatInfo("problem-tree", "Problem tree", "exchange", ("online",), 4, 30, 40, 75)
REFLECTION = FormatInfo("reflection", "Daily reflection", "reflection", ("online",), 4, 60, 10, 20)


def test_more_minutes_asked_lengthen_sessions_in_step_within_each_formats_longest():
    roomy = dataclasses.replace(
        TEMPLATE, agenda={"middle": ((PROBLEM_TREE, 45), (WORLD_CAFE, 60), (REFLECTION, 10))}
    )
    request = PlanRequest("online", MONDAY, 3, 24, "UTC", minutes=180)
    result = make_plan(roomy, request, today=TODAY)
    assert [day.span for day in result.days] == [180, 180, 180]  # a 10-minute break included
    assert [day.minutes for day in result.days] == [170, 170, 170]
    for day in result.days:
        assert day.note == ""
        for session, (activity, planned) in zip(day.sessions, roomy.agenda["middle"], strict=True):
            assert planned <= session.minutes <= activity.max_minutes
            assert session.minutes % 5 == 0
        assert day.sessions[-1].ends - day.sessions[0].starts == datetime.timedelta(minutes=180)
        assert [pause.minutes for pause in day.pauses] == [10]


def test_lengthened_sessions_grow_in_proportion_and_formats_without_a_longest_take_the_rest():
    open_ended = dataclasses.replace(
        TEMPLATE, agenda={"middle": ((OPEN_SPACE, 60), (REFLECTION, 10))}
    )
    request = PlanRequest("online", MONDAY, 1, 24, "UTC", minutes=200)
    [day] = make_plan(open_ended, request, today=TODAY).days
    # The reflection stops at its longest, 20 minutes; the open space has no longest length;
    # a 10-minute break between the two makes the 200 minutes.
    assert [s.minutes for s in day.sessions] == [170, 20]
    assert day.span == 200


def test_a_day_whose_formats_cannot_fill_the_minutes_asked_says_why():
    result = plan(minutes=150, countries=())
    middle = result.days[1]  # one world café, already at its longest 90 minutes
    assert middle.minutes == 90
    assert middle.note == (
        "Shorter than the 150 min asked: its formats fill 90 minutes at their longest."
    )
    # The warning speaks of the minutes asked, as the agenda's note does.
    [warning] = [w for w in result.warnings if w.code == "daily_limit"]
    assert "Sessions of 150 minutes a day" in warning.message


def test_minutes_asked_between_two_steps_are_filled_to_the_step_below_and_said_so():
    open_ended = dataclasses.replace(TEMPLATE, agenda={"middle": ((OPEN_SPACE, 60),)})
    request = PlanRequest("online", MONDAY, 1, 24, "UTC", minutes=93)
    [day] = make_plan(open_ended, request, today=TODAY).days
    assert day.minutes == 90
    assert "sessions grow in 5-minute steps" in day.note


def test_fewer_minutes_asked_shrink_the_day_to_them_without_a_note():
    result = plan(minutes=70, countries=())
    assert [day.minutes for day in result.days] == [70, 70, 70, 70, 70]
    assert all(day.note == "" for day in result.days)


def test_consecutive_middle_days_turn_the_formats_of_a_stage_the_template_gives_several_of():
    varied = dataclasses.replace(
        TEMPLATE,
        agenda={
            "first": ((OPENER, 20),),
            "middle": ((CLINIC, 45), (WORLD_CAFE, 60), (WRAP_UP, 15)),
            "last": ((WRAP_UP, 20),),
        },
    )
    request = PlanRequest("online", MONDAY, 5, 24, "UTC")
    result = make_plan(varied, request, today=TODAY)
    middles = [[(s.format, s.minutes) for s in day.sessions] for day in result.days[1:4]]
    assert middles == [
        [(CLINIC, 45), (WORLD_CAFE, 60), (WRAP_UP, 15)],
        [(WORLD_CAFE, 60), (CLINIC, 45), (WRAP_UP, 15)],  # each format keeps its length
        [(CLINIC, 45), (WORLD_CAFE, 60), (WRAP_UP, 15)],
    ]
    assert make_plan(varied, request, today=TODAY) == result  # the same plan every time


def test_middle_days_stay_the_same_when_each_stage_has_a_single_format():
    result = plan()
    assert [s.format for s in result.days[1].sessions] == [WORLD_CAFE]
    assert result.days[1].sessions[0].minutes == result.days[2].sessions[0].minutes == 90
