"""What feedback tells the apps below it (connected by FeedbackConfig.ready()):

- the methodology's format pages show the evidence visits gave each format (where it was
  used, its ratings, the teams' lessons, the changes adopted from them);
- a visit's page and workspace link the feedback pages the reader may open."""

from citypeers.feedback.selectors.evidence import format_evidence_of
from citypeers.feedback.selectors.links import visit_feedback_links
from citypeers.methodology.selectors.evidence import format_evidence_register
from citypeers.visits.selectors.links import visit_links_register


def connect() -> None:
    format_evidence_register(format_evidence_of)
    visit_links_register(visit_feedback_links)
