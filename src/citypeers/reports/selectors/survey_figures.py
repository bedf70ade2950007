"""The visit's survey figures in words, for a new report's "what was discussed": the
end-of-visit survey's response rate, its ratings, the knowledge participants rated before and
after, and the best-rated sessions. Counted by `feedback.selectors.results`, the same figures
the results pages show; nothing when too few answered to show any."""

from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citypeers.feedback.enums import Audience, Moment
from citypeers.feedback.models import Response, Survey
from citypeers.feedback.selectors.results import Figures, figures_of
from citypeers.programmes.models import Visit

BEST_SESSIONS = 3


def _end_of_visit(visit: Visit) -> QuerySet[Survey]:
    return Survey.objects.filter(
        visit=visit, moment=Moment.END_OF_VISIT, audience=Audience.PARTICIPANTS
    )


def end_of_visit_figures(visit: Visit) -> Figures:
    """The end-of-visit survey's figures (hidden when too few answered), for the report's
    appendix of charts."""
    return figures_of(_end_of_visit(visit))


def end_of_visit_responses(visit: Visit) -> int:
    """How many answered the end-of-visit survey: the figures change only when this does, so
    a cached PDF names it in its key."""
    return Response.objects.filter(survey__in=_end_of_visit(visit)).count()


def _mean(value: float) -> str:
    return number_format(round(value, 1), decimal_pos=1)  # number_format cuts, not rounds


def survey_figures_text(visit: Visit) -> str:
    """Markdown, in the active language; "" when no end-of-visit survey has enough answers."""
    figures = end_of_visit_figures(visit)
    if figures.hidden or not figures.invited:
        return ""
    rate = round(100 * figures.responses / figures.invited)
    lines = [
        "**" + _("What participants said at the end of the visit") + "**",
        "",
        _("%(responses)s of %(invited)s participants answered the survey (%(rate)s %%).")
        % {"responses": figures.responses, "invited": figures.invited, "rate": rate},
    ]
    for rating in figures.ratings:
        if rating.mean is not None:
            lines.append(
                "- "
                + ngettext(
                    "%(question)s: %(mean)s out of 5 (%(n)s answer)",
                    "%(question)s: %(mean)s out of 5 (%(n)s answers)",
                    rating.total,
                )
                % {"question": rating.text, "mean": _mean(rating.mean), "n": rating.total}
            )
    for pair in figures.before_after:
        if pair.mean_before is not None and pair.mean_after is not None:
            lines.append(
                "- "
                + _("%(question)s: %(before)s before the visit, %(after)s after it (out of 5)")
                % {
                    "question": pair.text,
                    "before": _mean(pair.mean_before),
                    "after": _mean(pair.mean_after),
                }
            )
    rated = [s for row in figures.sessions for s in row.sessions if s.mean is not None]
    best = sorted(rated, key=lambda s: (-s.mean, s.title))[:BEST_SESSIONS]
    if best:
        lines.append(
            "- "
            + _("Best-rated sessions: %(sessions)s")
            % {"sessions": "; ".join(f"{s.title} ({_mean(s.mean)})" for s in best)}
        )
    return "\n".join(lines)
