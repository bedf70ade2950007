"""Which survey template a programme uses at each moment, and a template's versions."""

from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, Q

from citypeers.feedback.enums import Audience, Moment
from citypeers.feedback.models import Question, SurveyTemplate, SurveyTemplateVersion
from citypeers.programmes.models import Programme

# The moments a visit is asked about, and whom each asks.
HOUSE_MOMENTS: tuple[tuple[str, str], ...] = (
    (Moment.DAILY_PULSE, Audience.PARTICIPANTS),
    (Moment.END_OF_VISIT, Audience.PARTICIPANTS),
    (Moment.HOST, Audience.HOSTS),
    (Moment.FOLLOW_UP, Audience.PARTICIPANTS),
)


@dataclass(frozen=True)
class MomentTemplate:
    """One moment on a programme's templates page: the template in use, and whose it is."""

    moment: str
    audience: str
    template: SurveyTemplate | None  # None: the house's is not loaded
    own: bool  # the programme's own copy, not the house's
    version: SurveyTemplateVersion | None  # the newest

    @property
    def moment_label(self) -> str:
        return Moment(self.moment).label

    @property
    def audience_label(self) -> str:
        return Audience(self.audience).label


def _with_newest(templates) -> list[SurveyTemplate]:
    newest = Max("versions__number")
    return list(templates.annotate(newest=newest))


def templates_of_programme(*, programme: Programme) -> list[MomentTemplate]:
    """The four moments with the template each uses: the programme's own, else the house's."""
    templates = _with_newest(
        SurveyTemplate.objects.filter(Q(programme=programme) | Q(programme__isnull=True))
    )
    versions = {
        (version.template_id, version.number): version
        for version in SurveyTemplateVersion.objects.filter(
            template__in=[t.pk for t in templates]
        ).annotate(question_count=Count("questions"))
    }
    rows = []
    for moment, audience in HOUSE_MOMENTS:
        found = {
            t.programme_id is not None: t
            for t in templates
            if (t.moment, t.audience) == (moment, audience)
        }
        template = found.get(True) or found.get(False)
        version = versions.get((template.pk, template.newest)) if template else None
        rows.append(MomentTemplate(moment, audience, template, True in found, version))
    return rows


def template_in_use(*, programme: Programme, moment: str, audience: str) -> SurveyTemplate | None:
    """The programme's own template for the moment, else the house's."""
    return (
        SurveyTemplate.objects.filter(moment=moment, audience=audience, programme=programme).first()
        or SurveyTemplate.objects.filter(
            moment=moment, audience=audience, programme__isnull=True
        ).first()
    )


def version_newest(*, template: SurveyTemplate) -> SurveyTemplateVersion | None:
    """The version a new survey is sent with, its questions in order."""
    return (
        template.versions.order_by("-number")
        .prefetch_related(Prefetch("questions", queryset=Question.objects.order_by("position")))
        .first()
    )


def versions_of_template(*, template: SurveyTemplate) -> list[SurveyTemplateVersion]:
    """Every version, newest first, with how many questions it asks and surveys used it."""
    return list(
        template.versions.select_related("created_by")
        .annotate(
            question_count=Count("questions", distinct=True),
            survey_count=Count("surveys", distinct=True),
        )
        .order_by("-number")
    )
