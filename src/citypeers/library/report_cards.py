"""The library's cards of published visit reports, written as reports are published and
unpublished (`signals.py`); the read side is `selectors.library_reports`."""

from django.utils import translation
from django.utils.text import Truncator

from citypeers.library.models import ReportCard, bars
from citypeers.library.search.query import normalise, words
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report
from citypeers.reports.selectors.reports import latest_version

EXCERPT_WORDS = 45


def report_card_for(report: Report) -> ReportCard:
    visit = report.visit
    place = visit.host_place
    version = latest_version(report)
    sections = version.sections if version is not None else {}
    practice = getattr(getattr(visit, "plan", None), "practice", None)
    with translation.override("en"):  # country names as the practices' index holds them
        country = str(place.country.name) if place.country else ""
    themes = [theme.slug for theme in visit.themes.all()]
    searched = [report.title, visit.title, place.name, country, *sections.values()]
    if practice is not None:
        searched += practice.title.translations.values()  # found by the title in any language
    return ReportCard(
        report=report,
        published_at=report.published_at,
        title=report.title,
        visit_title=visit.title,
        host=place.name,
        language=report.language,
        programme_slug=visit.programme.slug,
        visit_slug=visit.slug,
        excerpt=Truncator(_plain(sections.get("summary", ""))).words(EXCERPT_WORDS),
        themes=bars(themes),
        countries=bars([place.country.code] if place.country else []),
        sizes=bars([place.size_class.value] if place.size_class else []),
        text=" " + " ".join(words(normalise("\n".join(searched)))) + " ",
    )


def _plain(markdown: str) -> str:
    """The summary's words without markdown's marks, for a one-paragraph excerpt."""
    return " ".join(
        markdown.replace("*", "").replace("#", "").replace("<", "").replace(">", "").split()
    )


def report_card_write(report: Report) -> None:
    """The report's card while it is published; none otherwise."""
    if report.status != ReportStatus.PUBLISHED:
        ReportCard.objects.filter(report_id=report.pk).delete()
        return
    card = report_card_for(report)
    ReportCard.objects.update_or_create(
        report_id=report.pk,
        defaults={
            field.name: getattr(card, field.name)
            for field in ReportCard._meta.concrete_fields
            if field.name != "report"
        },
    )


def report_cards_rebuild() -> int:
    """Every published report's card afresh (`citypeers rebuild_search_index`); how many."""
    ReportCard.objects.all().delete()
    reports = Report.objects.filter(status=ReportStatus.PUBLISHED).select_related(
        "visit__programme", "visit__host_place", "visit__plan__practice"
    )
    for report in reports:
        report_card_write(report)
    return len(reports)
