"""Facts the reports app's layers share: the workflow's states and the report's sections."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    """Draft → factual check by the host → final → published (and back, where it makes sense)."""

    DRAFT = "draft", _("Draft")
    CHECK = "check", _("Factual check by the host")
    FINAL = "final", _("Final")
    PUBLISHED = "published", _("Published")


@dataclass(frozen=True)
class Section:
    key: str
    title: Promise
    guidance: Promise


# The analytical document's sections, in the order it is read (Cultural Heritage in Action's).
SECTIONS = (
    Section(
        "summary",
        _("Executive summary"),
        _("Half a page a busy mayor reads: the practice, what the visit found, what to do."),
    ),
    Section(
        "practice",
        _("The practice in a nutshell"),
        _("What the host does, since when, with whom, and what it achieved, with figures."),
    ),
    Section(
        "context",
        _("The host's context"),
        _("The city or region, its size, its governance and the problem the practice answers."),
    ),
    Section(
        "discussed",
        _("What was discussed"),
        _("The sessions of the visit and the questions the participants brought."),
    ),
    Section(
        "challenges",
        _("Challenges"),
        _("What the host still struggles with, and what the participants' cities face."),
    ),
    Section(
        "transfer",
        _("What transfers and under which conditions"),
        _("Which parts another city can adopt, and what it needs first: mandate, money, people."),
    ),
    Section(
        "recommendations",
        _("Recommendations to the host"),
        _("The peers' recommendations and the host's answer to each."),
    ),
    Section(
        "takeaways",
        _("Takeaways for other cities"),
        _("Three to five lessons a city that was not there can act on."),
    ),
    Section(
        "resources",
        _("Resources"),
        _("Documents, links and contacts for those who want to go further."),
    ),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}

# The longest a section may be, in characters: about ten printed pages.
SECTION_MAX_LENGTH = 50_000
