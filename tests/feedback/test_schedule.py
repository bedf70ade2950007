"""Surveys placed on a visit's agenda: a pulse after each day's last session, the end-of-visit
survey and the host's feedback after the last one, a follow-up six months later at the same
local time; run again, they follow the agenda and keep what the team chose."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from citypeers.core.models import AuditEntry
from citypeers.feedback.enums import Anonymity, Audience, Moment
from citypeers.feedback.models import Survey
from citypeers.feedback.services.surveys import surveys_schedule
from tests.factories import ProgrammeFactory, VisitFactory
from tests.feedback.factories import house_templates, published_visit, template_version, utc

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")
BEFORE_PLANNING = utc(2027, 1, 4, 9)


@pytest.fixture
def templates():
    return house_templates()


@pytest.fixture
def visit():
    """Friday 26 and Monday 29 March 2027 in Helsinki: summer time starts in between (28th)."""
    visit = VisitFactory(starts_on=datetime.date(2027, 3, 26), ends_on=datetime.date(2027, 3, 29))
    published_visit(
        visit,
        sessions=[
            (1, utc(2027, 3, 26, 7), 90),  # 09:00 to 10:30 EET
            (1, utc(2027, 3, 26, 13), 120),  # 15:00 to 17:00 EET: the day's last
            (2, utc(2027, 3, 29, 6), 90),  # 09:00 to 10:30 EEST
            (2, utc(2027, 3, 29, 12), 60),  # 15:00 to 16:00 EEST: the visit's last
        ],
    )
    return visit


def _by_moment(visit) -> dict:
    return {(s.moment, s.day): s for s in Survey.objects.filter(visit=visit)}


def test_each_survey_goes_out_when_its_part_of_the_agenda_ends(templates, visit):
    surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    surveys = _by_moment(visit)
    assert set(surveys) == {
        (Moment.DAILY_PULSE, 1),
        (Moment.DAILY_PULSE, 2),
        (Moment.END_OF_VISIT, 0),
        (Moment.HOST, 0),
        (Moment.FOLLOW_UP, 0),
    }
    # Both pulses at the end of their day's last session: 17:00 and 16:00, local, either
    # side of the change to summer time.
    local = {key: s.send_at.astimezone(HELSINKI) for key, s in surveys.items()}
    assert local[(Moment.DAILY_PULSE, 1)] == datetime.datetime(2027, 3, 26, 17, tzinfo=HELSINKI)
    assert local[(Moment.DAILY_PULSE, 2)] == datetime.datetime(2027, 3, 29, 16, tzinfo=HELSINKI)
    assert surveys[(Moment.END_OF_VISIT, 0)].send_at == utc(2027, 3, 29, 13)
    assert surveys[(Moment.HOST, 0)].send_at == utc(2027, 3, 29, 13)
    assert surveys[(Moment.HOST, 0)].audience == Audience.HOSTS
    # Six months later at the same wall-clock time, although Helsinki is UTC+3 in September.
    assert local[(Moment.FOLLOW_UP, 0)] == datetime.datetime(2027, 9, 29, 16, tzinfo=HELSINKI)
    for survey in surveys.values():
        assert survey.closes_at - survey.send_at == datetime.timedelta(days=14)


def test_answers_are_anonymous_but_the_follow_up_pseudonymous(templates, visit):
    surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    anonymity = {key: s.anonymity for key, s in _by_moment(visit).items()}
    assert anonymity.pop((Moment.FOLLOW_UP, 0)) == Anonymity.PSEUDONYMOUS
    assert set(anonymity.values()) == {Anonymity.ANONYMOUS}


def test_the_day_of_a_visit_whose_sessions_were_all_cancelled_gets_no_pulse(templates):
    visit = VisitFactory()
    first, second = published_visit(
        visit, sessions=[(1, utc(2027, 3, 22, 8), 60), (2, utc(2027, 3, 23, 8), 60)]
    )
    second.cancelled_at = timezone.now()
    second.save()
    surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    surveys = _by_moment(visit)
    assert (Moment.DAILY_PULSE, 2) not in surveys
    assert surveys[(Moment.END_OF_VISIT, 0)].send_at == first.ends_at


def test_preparing_again_changes_nothing_but_follows_a_moved_session(templates, visit):
    first = surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    assert len(first.created) == 5
    again = surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    assert (again.created, again.moved, again.removed) == ([], [], 0)
    assert Survey.objects.filter(visit=visit).count() == 5

    end = Survey.objects.get(visit=visit, moment=Moment.END_OF_VISIT)
    end.anonymity = Anonymity.PSEUDONYMOUS  # the team's choice stays
    end.save()
    last = visit.sessions.order_by("starts_at").last()
    last.starts_at += datetime.timedelta(hours=1)
    last.save()
    moved = surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    end.refresh_from_db()
    assert end.send_at == utc(2027, 3, 29, 14)
    assert end.anonymity == Anonymity.PSEUDONYMOUS
    assert {s.moment for s in moved.moved} >= {Moment.END_OF_VISIT, Moment.HOST}
    assert AuditEntry.objects.filter(action="survey.moved").exists()


def test_a_day_left_without_sessions_loses_its_pulse_unless_sent(templates, visit):
    surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    visit.sessions.filter(day=2).update(cancelled_at=timezone.now())
    result = surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    assert result.removed == 1
    assert (Moment.DAILY_PULSE, 2) not in _by_moment(visit)


def test_a_sent_survey_stays_where_it_was(templates, visit):
    surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    end = Survey.objects.get(visit=visit, moment=Moment.END_OF_VISIT)
    Survey.objects.filter(pk=end.pk).update(sent_at=end.send_at)
    visit.sessions.update(starts_at=utc(2027, 3, 26, 5))
    surveys_schedule(visit=visit, by=None, now=utc(2027, 3, 30, 9))
    end.refresh_from_db()
    assert end.send_at == utc(2027, 3, 29, 13)


def test_the_programmes_own_template_is_preferred_in_its_latest_version(templates, visit):
    template_version(moment=Moment.END_OF_VISIT, programme=visit.programme, number=1)
    latest = template_version(moment=Moment.END_OF_VISIT, programme=visit.programme, number=2)
    template_version(moment=Moment.END_OF_VISIT, programme=ProgrammeFactory(), number=3)
    surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    surveys = _by_moment(visit)
    assert surveys[(Moment.END_OF_VISIT, 0)].version == latest
    assert surveys[(Moment.HOST, 0)].version == templates[Moment.HOST]


def test_a_moment_without_any_template_gets_no_survey(visit):
    template_version(moment=Moment.END_OF_VISIT)
    result = surveys_schedule(visit=visit, by=None, now=BEFORE_PLANNING)
    assert [s.moment for s in result.created] == [Moment.END_OF_VISIT]
    assert Moment.FOLLOW_UP in result.missing_templates


def test_a_visit_without_sessions_gets_no_survey(templates):
    result = surveys_schedule(visit=VisitFactory(), by=None, now=BEFORE_PLANNING)
    assert result.created == []
