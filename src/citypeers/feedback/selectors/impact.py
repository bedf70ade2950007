"""The impact pages' figures, per visit and per programme, as plain data: plans written, steps
done, the cities re-using a visit's practice, the quotes their authors agreed to publish, and the
survey figures by Kirkpatrick level. Public pages, so aggregates only: no person's name, and a
figure resting on fewer than MIN_RESPONSES answers is hidden as the results pages hide theirs.

Computed once per change, not per view: the whole programme (each visit's figures with it) is
cached under a key holding a version that `services.impact.impact_changed` bumps on each write
that changes it (a plan saved, submitted or followed up, a survey sent), and the number of the
programme's survey responses. An answer bumps nothing: anything written when a person answers
is a time beside an anonymous answer, which the schema keeps out (see `models/surveys.py`); its
count in the key shows it on the next view all the same. What changes outside this app
(participants, a person's organisation) shows within IMPACT_TIMEOUT."""

import secrets
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils.translation import get_language

from citypeers.core.translated import text_in
from citypeers.feedback.enums import KirkpatrickLevel, Moment, PlanStatus, QuestionKind, StepStatus
from citypeers.feedback.models import ActionPlan, Answer, Question, Response, Survey
from citypeers.feedback.selectors.plans import PlanFigures, plan_figures, plan_participants
from citypeers.feedback.selectors.results import MIN_RESPONSES
from citypeers.programmes.models import Programme, Visit

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE  # the language answers' choices are kept in

IMPACT_TIMEOUT = 60 * 60
HIGH_RATING = 4  # "satisfied": a rating of 4 or 5
MOMENT_ORDER = list(Moment.values)
SURVEY_KINDS = [
    QuestionKind.RATING,
    QuestionKind.BEFORE_AFTER,
    QuestionKind.CHOICE,
    QuestionKind.TEXT,
]
# Free-text answers are counted where they say what was done (behaviour, results); at the
# other levels they are suggestions and quotes, no impact figure.
COUNTED_TEXT_LEVELS = {KirkpatrickLevel.BEHAVIOUR, KirkpatrickLevel.RESULTS}


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class SurveyFigure:
    """One question's figure over every answer in scope (of its moment, matched by key). Its
    `kind` tells which of the fields hold it; all are None (or empty) when `hidden`."""

    kind: str  # a QuestionKind value
    moment: str
    text: str
    answers: int  # how many answers it rests on
    mean: float | None = None  # rating; "after" for before-and-after
    share_high: int | None = None  # rating: percent of 4 and 5
    mean_before: float | None = None
    share_rose: int | None = None  # before-and-after: percent whose "after" is above "before"
    counts: tuple = ()  # choice: (label, how many), in the question's order

    @property
    def hidden(self) -> bool:
        return self.answers < MIN_RESPONSES


@dataclass(frozen=True)
class Level:
    level: int
    label: str
    figures: list


@dataclass(frozen=True)
class ReuseCity:
    """A city where participants adapt the visit's practice: each submitted plan is an intent,
    a plan with a step done at the follow-up makes it re-used."""

    city: str
    country: str  # ISO code
    country_name: str
    plans: int
    steps_done: int

    @property
    def reused(self) -> bool:
        return self.steps_done > 0


@dataclass(frozen=True)
class CountryRow:
    country: str
    name: str
    cities: int
    plans: int
    steps_done: int


@dataclass(frozen=True)
class Quote:
    text: str
    city: str
    country_name: str


@dataclass(frozen=True)
class Impact:
    participants: int
    plans: PlanFigures
    levels: list
    cities: list  # ReuseCity, by country then city
    countries: list  # CountryRow, by name
    unplaced_plans: int  # submitted plans whose author's organisation has no place
    quotes: list

    @property
    def cities_reused(self) -> int:
        return sum(1 for city in self.cities if city.reused)


@dataclass(frozen=True)
class VisitImpact:
    visit_id: int
    title: str
    slug: str
    impact: Impact


@dataclass
class ProgrammeImpact:
    whole: Impact
    visits: list = field(default_factory=list)  # VisitImpact, in the programme's order

    def of(self, visit: Visit) -> Impact | None:
        return next((v.impact for v in self.visits if v.visit_id == visit.pk), None)


def version_key(programme_id: int) -> str:
    return f"feedback:impact-version:{programme_id}"


def impact_version(programme: Programme) -> int:
    """The programme's impact version; a random start when the cache has none (evicted or
    new), so a key computed before can never come back."""
    key = version_key(programme.pk)
    version = cache.get(key)
    if version is None:
        cache.add(key, secrets.randbits(48), timeout=None)
        version = cache.get(key, 0)
    return version


def impact_key(programme: Programme) -> str:
    """The cache key of the programme's figures as they are now, in the reader's language."""
    responses = Response.objects.filter(survey__visit__programme=programme).count()
    return (
        f"feedback:impact:{programme.pk}:{impact_version(programme)}:{responses}:{get_language()}"
    )


def programme_impact(programme: Programme, *, key: str | None = None) -> ProgrammeImpact:
    """The programme's figures, from the cache when nothing changed since they were counted."""
    key = key or impact_key(programme)
    impact = cache.get(key)
    if impact is None:
        impact = impact_count(programme)
        cache.set(key, impact, IMPACT_TIMEOUT)
    return impact


def visit_impact(visit: Visit, *, key: str | None = None) -> Impact:
    """The visit's figures, counted with its programme's; a visit added since they were cached
    (the programmes app bumps nothing) gets them counted again."""
    key = key or impact_key(visit.programme)
    impact = programme_impact(visit.programme, key=key).of(visit)
    if impact is None:
        counted = impact_count(visit.programme)
        cache.set(key, counted, IMPACT_TIMEOUT)
        impact = counted.of(visit)
    return impact


def impact_count(programme: Programme) -> ProgrammeImpact:
    """Counts the programme's figures, and each visit's, from the rows (no cache)."""
    visits = list(Visit.objects.filter(programme=programme).order_by("starts_on", "title", "pk"))
    answers = _answer_rows(visits)
    questions = _questions(visits)
    plans = _plan_rows(visits)
    participants = {visit.pk: len(plan_participants(visit)) for visit in visits}
    per_visit = [
        VisitImpact(
            visit.pk,
            visit.title,
            visit.slug,
            _impact(
                [visit],
                [row for row in answers if row["visit"] == visit.pk],
                questions,
                [row for row in plans if row.visit_id == visit.pk],
                participants[visit.pk],
            ),
        )
        for visit in visits
    ]
    whole = _impact(visits, answers, questions, plans, sum(participants.values()))
    return ProgrammeImpact(whole=whole, visits=per_visit)


def _impact(visits, answers, questions, plans, participants: int) -> Impact:
    cities, unplaced = _cities(plans)
    return Impact(
        participants=participants,
        plans=plan_figures([visit.pk for visit in visits]),
        levels=_levels(answers, questions),
        cities=cities,
        countries=_countries(cities),
        unplaced_plans=unplaced,
        quotes=_quotes(plans),
    )


# Survey figures by level -------------------------------------------------------------------


def _answer_rows(visits: list[Visit]) -> list[dict]:
    return list(
        Answer.objects.filter(
            response__survey__visit__in=visits,
            response__survey__sent_at__isnull=False,
            question__kind__in=SURVEY_KINDS,
        ).values(
            "number",
            "number_before",
            "choice",
            "text",
            visit=F("response__survey__visit_id"),
            moment=F("response__survey__moment"),
            key=F("question__key"),
        )
    )


def _questions(visits: list[Visit]) -> dict:
    """(moment, key) -> the question as the latest version in scope asks it."""
    latest: dict = {}
    rows = (
        Question.objects.filter(version__surveys__in=Survey.objects.filter(visit__in=visits))
        .select_related("version__template")
        .distinct()
    )
    for question in rows:
        slot = (question.version.template.moment, question.key)
        if slot not in latest or question.version_id > latest[slot].version_id:
            latest[slot] = question
    return latest


def _levels(answers: list[dict], questions: dict) -> list[Level]:
    by_slot: dict = defaultdict(list)
    for row in answers:
        by_slot[(row["moment"], row["key"])].append(row)
    ordered = sorted(
        (slot for slot in by_slot if slot in questions),
        key=lambda slot: (MOMENT_ORDER.index(slot[0]), questions[slot].position),
    )
    levels = {level: [] for level in KirkpatrickLevel.values}
    for slot in ordered:
        question = questions[slot]
        figure = _figure(question, Moment(slot[0]).label, by_slot[slot])
        if figure is not None:
            levels[question.level].append(figure)
    return [
        Level(level, str(KirkpatrickLevel(level).label), figures)
        for level, figures in levels.items()
    ]


def _figure(question, moment: str, rows: list[dict]) -> SurveyFigure | None:
    kind, text = question.kind, str(question.text)
    if kind == QuestionKind.RATING:
        numbers = [row["number"] for row in rows if row["number"] is not None]
        figure = SurveyFigure(kind, moment, text, len(numbers))
        if figure.hidden:
            return figure
        high = sum(1 for n in numbers if n >= HIGH_RATING)
        return SurveyFigure(
            kind,
            moment,
            text,
            len(numbers),
            mean=_mean(numbers),
            share_high=_share(high, len(numbers)),
        )
    if kind == QuestionKind.BEFORE_AFTER:
        pairs = [
            (row["number_before"], row["number"])
            for row in rows
            if row["number"] is not None and row["number_before"] is not None
        ]
        figure = SurveyFigure(kind, moment, text, len(pairs))
        if figure.hidden:
            return figure
        rose = sum(1 for before, after in pairs if after > before)
        return SurveyFigure(
            kind,
            moment,
            text,
            len(pairs),
            mean=_mean([after for _before, after in pairs]),
            mean_before=_mean([before for before, _after in pairs]),
            share_rose=_share(rose, len(pairs)),
        )
    if kind == QuestionKind.CHOICE:
        chosen = Counter(row["choice"] for row in rows if row["choice"])
        figure = SurveyFigure(kind, moment, text, sum(chosen.values()))
        if figure.hidden:
            return figure
        return SurveyFigure(
            kind, moment, text, figure.answers, counts=_choice_counts(question, chosen)
        )
    if question.level in COUNTED_TEXT_LEVELS:
        written = sum(1 for row in rows if row["text"].strip())
        return SurveyFigure(kind, moment, text, written)
    return None


def _choice_counts(question, chosen: Counter) -> tuple:
    """Counts in the question's order, each labelled in the reader's language: an answer keeps
    the default language's label (so every language counts together)."""
    stored = list(text_in(question, "choices", DEFAULT_LANGUAGE) or question.choices)
    shown = list(question.choices or stored)
    label = dict(zip(stored, shown if len(shown) == len(stored) else stored, strict=True))
    order = [c for c in stored if c in chosen] + sorted(set(chosen) - set(stored))
    return tuple((label.get(choice, choice), chosen[choice]) for choice in order)


# Plans: cities re-using the practice, quotes --------------------------------------------------


def _plan_rows(visits: list[Visit]) -> list[ActionPlan]:
    return list(
        ActionPlan.objects.filter(visit__in=visits, status=PlanStatus.SUBMITTED)
        .select_related("person__organisation__place", "visit")
        .annotate(done=Count("steps", filter=Q(steps__status=StepStatus.DONE)))
        .order_by("pk")
    )


def _place_of(plan: ActionPlan):
    organisation = plan.person.organisation
    return organisation.place if organisation is not None else None


def _cities(plans: list[ActionPlan]) -> tuple[list[ReuseCity], int]:
    """The cities of the plans' authors, but the visit's own host city (not "another city");
    plans whose author's organisation has no place are only counted."""
    by_place: dict = {}
    unplaced = 0
    for plan in plans:
        place = _place_of(plan)
        if place is None:
            unplaced += 1
            continue
        if place.pk == plan.visit.host_place_id:
            continue
        city, plans_, done = by_place.get(place.pk, (place, 0, 0))
        by_place[place.pk] = (city, plans_ + 1, done + plan.done)
    cities = [
        ReuseCity(place.name, place.country.code, str(place.country.name), count, done)
        for place, count, done in by_place.values()
    ]
    return sorted(cities, key=lambda c: (c.country_name, c.city)), unplaced


def _countries(cities: list[ReuseCity]) -> list[CountryRow]:
    grouped: dict = defaultdict(list)
    for city in cities:
        grouped[city.country].append(city)
    rows = [
        CountryRow(
            code,
            group[0].country_name,
            len(group),
            sum(c.plans for c in group),
            sum(c.steps_done for c in group),
        )
        for code, group in grouped.items()
    ]
    return sorted(rows, key=lambda row: row.name)


def _quotes(plans: list[ActionPlan]) -> list[Quote]:
    """Quotes their authors agreed to publish, with their city and country, never a name."""
    quotes = []
    for plan in plans:
        text = plan.quote_to_publish.strip()
        if not (plan.quote_consent and text):
            continue
        place = _place_of(plan)
        if place is not None:
            quotes.append(Quote(text, place.name, str(place.country.name)))
        else:
            quotes.append(Quote(text, "", str(plan.person.country.name or "")))
    return sorted(quotes, key=lambda q: (q.country_name, q.city, q.text))
