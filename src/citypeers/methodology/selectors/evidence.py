"""What visits taught about a format, for its page: the apps above the methodology know it
(feedback keeps the lessons, the ratings and the proposals) and register how to read it from
their `ready()`, so the methodology shows it without importing them."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from citypeers.core.registry import Sources
from citypeers.methodology.models import ActivityFormat

# Below this many ratings an average says more about a person than about a format.
FEWEST_RATINGS_SHOWN = 3
VISITS_LISTED = 10
LESSONS_LISTED = 5


@dataclass(frozen=True)
class VisitUse:
    title: str
    mode: str  # its label
    year: int | None
    url: str


@dataclass(frozen=True)
class LessonShown:
    visit: VisitUse
    worked: str
    did_not_work: str


@dataclass(frozen=True)
class ChangeMade:
    """An adopted proposal: what changed in the format, and the visits that motivated it."""

    title: str
    change: str
    note: str
    decided_on: datetime.date | None
    visits: list[VisitUse] = field(default_factory=list)


@dataclass(frozen=True)
class FormatEvidence:
    visit_count: int = 0
    visits: list[VisitUse] = field(default_factory=list)  # the latest, at most VISITS_LISTED
    modes: list[str] = field(default_factory=list)  # labels
    group_size: int | None = None  # people per breakout group, the median of the plans made
    rating: float | None = None  # None below FEWEST_RATINGS_SHOWN ratings
    ratings: int = 0
    lessons: list[LessonShown] = field(default_factory=list)  # the latest LESSONS_LISTED
    changes: list[ChangeMade] = field(default_factory=list)

    @property
    def too_few_ratings(self) -> bool:
        return self.ratings < FEWEST_RATINGS_SHOWN


EVIDENCE_SOURCES: Sources[Callable[[ActivityFormat], FormatEvidence]] = Sources()

format_evidence_register = EVIDENCE_SOURCES.register


def format_evidence(activity: ActivityFormat) -> FormatEvidence | None:
    """The evidence of the first registered source; None when no app gathers any."""
    return EVIDENCE_SOURCES[0](activity) if EVIDENCE_SOURCES else None
