"""A survey's figures, or a programme's for one moment across its visits (questions matched by
key), as plain data: the results pages, their charts and exports, and an impact page all read
these, so each number is counted in one place.

Fewer than MIN_RESPONSES responses hide every figure: in a small group an answer points at its
person. Free-text answers come in the order of their random ids, never of answering."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from citypeers.feedback.enums import RATING_MAX, RATING_MIN, Anonymity, QuestionKind
from citypeers.feedback.models import Answer, Invitation, Response, Survey
from citypeers.programmes.models import Programme

MIN_RESPONSES = 3
SCALE = list(range(RATING_MIN, RATING_MAX + 1))


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


@dataclass(frozen=True)
class Distribution:
    """How many gave each rating from RATING_MIN to RATING_MAX to one question."""

    key: str
    text: str
    counts: dict  # rating -> how many
    total: int
    mean: float | None


@dataclass(frozen=True)
class BeforeAfter:
    key: str
    text: str
    answers: int
    mean_before: float | None
    mean_after: float | None


@dataclass(frozen=True)
class SessionMean:
    title: str
    format: str
    ratings: int
    mean: float | None


@dataclass(frozen=True)
class SessionRatings:
    key: str
    text: str
    sessions: list  # SessionMean, by the session's start


@dataclass(frozen=True)
class ChoiceCounts:
    key: str
    text: str
    counts: list  # (choice, how many), in the question's order, then others


@dataclass(frozen=True)
class TextAnswers:
    key: str
    text: str
    answers: list  # str, by random id


@dataclass
class Figures:
    responses: int
    invited: int
    ratings: list = field(default_factory=list)
    before_after: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    choices: list = field(default_factory=list)
    texts: list = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        """Too few responses to show anything without pointing at people."""
        return self.responses < MIN_RESPONSES


def _answers(surveys: QuerySet[Survey]) -> QuerySet[Answer]:
    return (
        Answer.objects.filter(response__survey__in=surveys)
        .select_related("question", "session__format")
        .order_by("id")
    )


def figures_of(surveys: QuerySet[Survey]) -> Figures:
    """The figures of these surveys' answers together: one survey's, or one moment's across a
    programme's visits (a question is the same question wherever its key is)."""
    responses = Response.objects.filter(survey__in=surveys).count()
    invited = Invitation.objects.filter(survey__in=surveys).count()
    figures = Figures(responses=responses, invited=invited)
    if figures.hidden:
        return figures
    questions: dict[str, object] = {}  # key -> the question, as the latest version asks it
    by_key: dict[str, list[Answer]] = defaultdict(list)
    for answer in _answers(surveys):
        known = questions.get(answer.question.key)
        if known is None or answer.question.version_id > known.version_id:
            questions[answer.question.key] = answer.question
        by_key[answer.question.key].append(answer)
    for key, question in sorted(questions.items(), key=lambda item: item[1].position):
        _add(figures, question, by_key[key])
    return figures


def _add(figures: Figures, question, answers: list[Answer]) -> None:
    key, text = question.key, question.text
    if question.kind == QuestionKind.RATING:
        numbers = [a.number for a in answers if a.number is not None]
        counts = Counter(numbers)
        figures.ratings.append(
            Distribution(
                key, text, {n: counts.get(n, 0) for n in SCALE}, len(numbers), _mean(numbers)
            )
        )
    elif question.kind == QuestionKind.BEFORE_AFTER:
        pairs = [a for a in answers if a.number is not None and a.number_before is not None]
        figures.before_after.append(
            BeforeAfter(
                key,
                text,
                len(pairs),
                _mean([a.number_before for a in pairs]),
                _mean([a.number for a in pairs]),
            )
        )
    elif question.kind == QuestionKind.SESSION_RATINGS:
        figures.sessions.append(SessionRatings(key, text, _session_means(answers)))
    elif question.kind == QuestionKind.CHOICE:
        counts = Counter(a.choice for a in answers if a.choice)
        order = [c for c in question.choices if c in counts] + sorted(
            set(counts) - set(question.choices)
        )
        figures.choices.append(ChoiceCounts(key, text, [(c, counts[c]) for c in order]))
    elif question.kind == QuestionKind.TEXT:
        written = [a.text.strip() for a in answers if a.text.strip()]
        figures.texts.append(TextAnswers(key, text, written))


def _session_means(answers: list[Answer]) -> list[SessionMean]:
    by_session: dict[int, list[Answer]] = defaultdict(list)
    for answer in answers:
        if answer.session is not None and answer.number is not None:
            by_session[answer.session_id].append(answer)
    rows = []
    for rated in sorted(by_session.values(), key=lambda group: group[0].session.starts_at):
        session = rated[0].session
        numbers = [a.number for a in rated]
        rows.append(
            SessionMean(session.shown_title, str(session.format), len(numbers), _mean(numbers))
        )
    return rows


def survey_figures(survey: Survey) -> Figures:
    return figures_of(Survey.objects.filter(pk=survey.pk))


@dataclass(frozen=True)
class MomentFigures:
    moment: str
    label: str
    surveys: int
    figures: Figures


def programme_figures(programme: Programme) -> list[MomentFigures]:
    """Per moment, the figures of all the programme's visits' surveys of that moment."""
    sent = Survey.objects.filter(visit__programme=programme, sent_at__isnull=False)
    moments = []
    for moment, label in Survey._meta.get_field("moment").choices:
        surveys = sent.filter(moment=moment)
        if surveys.exists():
            moments.append(MomentFigures(moment, label, surveys.count(), figures_of(surveys)))
    return moments


def programme_surveys(programme: Programme) -> QuerySet[Survey]:
    return Survey.objects.filter(visit__programme=programme, sent_at__isnull=False)


def raw_answers(surveys: QuerySet[Survey]) -> list[dict]:
    """Every answer as a row, by the response's random id: no person, and a pseudonym only
    where the survey is pseudonymous."""
    answers = (
        Answer.objects.filter(response__survey__in=surveys)
        .select_related("response__survey__visit", "question", "session__format")
        .order_by("response_id", "question__position", "session__starts_at")
    )
    return [
        {
            "visit": a.response.survey.visit.title,
            "survey": a.response.survey.get_moment_display(),
            "day": a.response.survey.day or "",
            "response": str(a.response_id),
            "pseudonym": a.response.pseudonym
            if a.response.survey.anonymity == Anonymity.PSEUDONYMOUS
            else "",
            "question_key": a.question.key,
            "question": a.question.text,
            "session": a.session.shown_title if a.session else "",
            "rating": a.number,
            "before": a.number_before,
            "choice": a.choice,
            "text": a.text,
        }
        for a in answers
    ]
