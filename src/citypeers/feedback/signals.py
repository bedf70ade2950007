"""What feedback tells the apps below it (connected by FeedbackConfig.ready()):

- the methodology's format pages show the evidence visits gave each format (where it was
  used, its ratings, the teams' lessons, the changes adopted from them)."""

from citypeers.feedback.selectors.evidence import format_evidence_of
from citypeers.methodology.selectors.evidence import format_evidence_register


def connect() -> None:
    format_evidence_register(format_evidence_of)
