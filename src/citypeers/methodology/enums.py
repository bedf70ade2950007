"""The fixed parts of the method (its nine phases and its roles) and the choices its data uses.

Imports nothing of the app: the models, the planner and the guide's pages all read these.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Visit

Mode = Visit.Mode


class Stage(models.TextChoices):
    """Where in a visit a format fits; the planner fills days stage by stage."""

    OPENING = "opening", _("Opening")
    CONTEXT = "context", _("The host's context")
    EXCHANGE = "exchange", _("Peer exchange")
    SOLUTION = "solution", _("Solutions for the host")
    TRANSFER = "transfer", _("Transfer")
    REFLECTION = "reflection", _("Reflection")


class SessionRole(models.TextChoices):
    """Who a format needs in the session."""

    FACILITATOR = "facilitator", _("Facilitator")
    HOST = "host", _("Host team")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    EXPERT = "expert", _("Expert")
    TECHNICAL_HOST = "technical_host", _("Technical host")
    INTERPRETER = "interpreter", _("Interpreter")
    TABLE_HOST = "table_host", _("Table host")
    NOTE_TAKER = "note_taker", _("Note-taker")
    LOCAL_STAKEHOLDERS = "local_stakeholders", _("Local stakeholders")
    PARTICIPANTS = "participants", _("Participants")


class Anchor(models.TextChoices):
    START = "start", _("the first day of the visit")
    END = "end", _("the last day of the visit")


class Severity(models.TextChoices):
    """How much a planner warning matters, most first: the planner shows them in this order."""

    BLOCKING = "blocking", _("Blocking")
    IMPORTANT = "important", _("Important")
    MINOR = "minor", _("Minor")


class DayKind(models.TextChoices):
    """Which day of a visit an agenda item is on. Day 1 is "first" and the final day "last";
    the day before the last is "penultimate" on visits of three days or more; the days between
    take "second" and "third" by number, and "middle" where the template has none for them."""

    FIRST = "first", _("First day")
    SECOND = "second", _("Second day")
    THIRD = "third", _("Third day")
    MIDDLE = "middle", _("Each day in between")
    PENULTIMATE = "penultimate", _("Day before the last")
    LAST = "last", _("Last day")


class PlacementRule(models.TextChoices):
    """Where a format may sit in a visit, as its card says; the planner applies and checks them."""

    OPENS_VISIT = "opens_visit", _("The first session of the visit.")
    CLOSES_DAY = "closes_day", _("The last session of its day.")
    CLOSES_VISIT = "closes_visit", _("The last session of the visit.")
    NOT_FIRST_DAY = "not_first_day", _("Not on the first day of a visit of two days or more.")
    NOT_LAST_DAY = "not_last_day", _("Not on the last day of a visit of two days or more.")
    PENULTIMATE_DAY = (
        "penultimate_day",
        _("On the day before the last, in a visit of three days or more."),
    )
    RIGHT_AFTER = "right_after", _("Right after another format.")
    NOT_AFTER_LUNCH_LAST_DAY = "not_after_lunch_last_day", _("Not after lunch on the last day.")


@dataclass(frozen=True)
class Phase:
    number: int
    name: Promise
    happens: Promise
    leaves: Promise


@dataclass(frozen=True)
class Role:
    key: str
    name: Promise
    tasks: tuple[Promise, ...]


PHASES = (
    Phase(
        1,
        _("Catalogue"),
        _("Cities submit good practices; coordinators review and publish them."),
        _("Good-practice pages anyone can search."),
    ),
    Phase(
        2,
        _("Call for hosts"),
        _("Cities with a published practice apply to host a visit; coordinators choose."),
        _("Host applications and the chosen hosts."),
    ),
    Phase(
        3,
        _("Design"),
        _(
            "Host and coordinator choose the topic, the mode (onsite, online or hybrid), the "
            "dates and an agenda built from the methodology's formats."
        ),
        _("The visit page, a dated timeline and a checklist."),
    ),
    Phase(
        4,
        _("Call for participants"),
        _(
            "An open call: applicants describe their learning needs, expertise and a challenge "
            "from their own city, and rank the visits they prefer."
        ),
        _("Applications."),
    ),
    Phase(
        5,
        _("Review and selection"),
        _(
            "Reviewers score applications with a rubric; participants are selected within "
            "capacity and diversity quotas, with a waiting list and a reason for each decision."
        ),
        _("The selection, and everyone told the outcome."),
    ),
    Phase(
        6,
        _("Preparation"),
        _(
            "Participants confirm, answer a pre-visit questionnaire and read the host's "
            "briefing; groups for the interactive sessions are formed."
        ),
        _("A participant pack, group plans and calendar invitations."),
    ),
    Phase(
        7,
        _("The visit"),
        _(
            "Sessions follow the agenda: the host's context and practice, a site visit or "
            "virtual tour, interactive peer-learning formats, and daily reflection."
        ),
        _("Attendance and notes."),
    ),
    Phase(
        8,
        _("Follow-up"),
        _(
            "Action plans finished with a local group at home, a buddy call six weeks after, a "
            "reunion at six months and a check of the host's recommendations at twelve."
        ),
        _("Feedback figures, action plans and impact figures."),
    ),
    Phase(
        9,
        _("Report and communicate"),
        _(
            "The rapporteur writes a thematic analytical document, published with news, feeds "
            "and open data."
        ),
        _("A report on the web and in PDF, a news item, data."),
    ),
)

ROLES = (
    Role(
        "coordinator",
        _("Coordinator"),
        (
            _("Runs the programme: calls, selection, timeline and quality."),
            _("Agrees the topic, mode, dates and agenda with the host."),
            _("Keeps everyone informed and follows up after the visit."),
        ),
    ),
    Role(
        "host",
        _("Host"),
        (
            _("Presents the city's context and practice, honestly, with its difficulties."),
            _("Prepares the site visit or virtual tour and invites local stakeholders."),
            _("Brings a question on which the peers can help."),
        ),
    ),
    Role(
        "reviewer",
        _("Reviewer"),
        (
            _("Scores applications against the rubric and explains each score."),
            _("Declares any conflict of interest."),
        ),
    ),
    Role(
        "participants",
        _("Participant"),
        (
            _("Prepares: the questionnaire, the briefing, a challenge from their own city."),
            _("Takes part in every session and gives peer advice to the host and to others."),
            _("Writes a transfer action plan and answers the follow-up survey."),
        ),
    ),
    Role(
        "facilitator",
        _("Facilitator"),
        (
            _("Designs the interactive sessions with the host and leads them."),
            _("Keeps time, gives everyone a voice and closes each day with a reflection."),
        ),
    ),
    Role(
        "expert",
        _("Expert"),
        (
            _("Brings knowledge of the topic and links it to practice elsewhere."),
            _("Challenges the host's practice and the participants' plans with evidence."),
        ),
    ),
    Role(
        "rapporteur",
        _("Rapporteur"),
        (
            _("Takes notes through the visit and collects the daily reflections."),
            _("Writes the thematic analytical document after the visit."),
        ),
    ),
    Role(
        "technical_host",
        _("Technical host"),
        (
            _("Runs the online room: links, breakout rooms, shared boards, recordings."),
            _("Tests sound, video and interpretation with every speaker before the visit."),
            _("Helps anyone who cannot join or hear, so that the facilitator can go on."),
        ),
    ),
    Role(
        "interpreter",
        _("Interpreter"),
        (
            _("Interprets the sessions where participants do not share a working language."),
            _("Receives the agenda, slides and key terms a week before the visit."),
        ),
    ),
    Role(
        "table_host",
        _("Table host"),
        (
            _("Stays at one table of a world café or group session and welcomes each round."),
            _("Sums up what the earlier rounds said, so that each round builds on the last."),
        ),
    ),
    Role(
        "note_taker",
        _("Note-taker"),
        (
            _("Writes down what a group or breakout room says, in its own words."),
            _("Hands the notes to the rapporteur the same day."),
        ),
    ),
    Role(
        "local_stakeholders",
        _("Local stakeholders"),
        (
            _("Residents, owners, associations and officials who live with the practice."),
            _("Tell the visitors what works and what does not, from their side."),
            _("Hear the peers' recommendations, so that the host's follow-up has allies."),
        ),
    ),
)
