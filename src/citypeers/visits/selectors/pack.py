"""What the participant pack holds for one reader: the agenda (published, or for the team
before) with its resources, each session's join link for them, the host briefing, the
participants who consented (as participants see the roster) and the challenges they bring.

Everyone reading the pack sees the same people, resources and challenges, as a participant
would: a team member's pack can be handed on. Only the join links and the reader's zone are
theirs."""

from dataclasses import dataclass, field

from django.conf import settings

from citypeers.programmes.models import Visit
from citypeers.visits.enums import ResourceVisibility
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.agenda import visit_zone
from citypeers.visits.selectors.pages import plan_of
from citypeers.visits.selectors.resources import with_resources
from citypeers.visits.selectors.rooms import ONLINE_MODES, join_addresses
from citypeers.visits.selectors.roster import RosterPerson, roster_of, roster_shown_to_participants


@dataclass
class Pack:
    visit: Visit
    plan: object  # VisitPlan or None
    visit_zone: str
    reader_zone: str
    sessions: list[AgendaSession] = field(default_factory=list)
    agenda_published: bool = False
    online: bool = False  # the visit meets online (or hybrid)
    links: list[tuple[AgendaSession, str]] = field(default_factory=list)  # full addresses
    participants: list[RosterPerson] = field(default_factory=list)
    challenges: list[str] = field(default_factory=list)

    @property
    def practice(self):
        return self.plan.practice if self.plan else None


def pack_of(visit: Visit, user, *, may_see_draft: bool) -> Pack:
    """The pack for `user`; `may_see_draft`: the team reads the agenda before it is published."""
    plan = plan_of(visit)
    zone = visit_zone(visit)
    published = bool(plan and plan.agenda_published)
    sessions = []
    if published or may_see_draft:
        sessions = [s for s in visit.sessions.all() if s.cancelled_at is None]
        # The visit's resources, as a participant sees them: a team member's pack is handed on.
        sessions = with_resources(sessions, reach=ResourceVisibility.VISIT)
    join = join_addresses(visit, user, sessions)
    links = [
        (s, join[s.pk] if "://" in join[s.pk] else settings.SITE_URL + join[s.pk])
        for s in sessions
        if s.pk in join
    ]
    shown = [e for e in roster_shown_to_participants(roster_of(visit)) if e.is_participant]
    return Pack(
        visit=visit,
        plan=plan,
        visit_zone=zone,
        reader_zone=str(getattr(user, "time_zone", "") or zone),
        sessions=sessions,
        agenda_published=published,
        online=visit.mode in ONLINE_MODES,
        links=links,
        participants=shown,
        challenges=list(dict.fromkeys(e.challenge for e in shown if e.challenge)),
    )
