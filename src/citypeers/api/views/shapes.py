"""The API's answers filled from the selectors' objects (dicts the schemas check)."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from citypeers.api.selectors.practices import LIST_FIELDS, PLACE_FIELDS
from citypeers.core.translated import TranslatedText
from citypeers.places.models import size_class_for
from citypeers.reports.enums import ReportStatus
from citypeers.visits.selectors.agenda import visit_zone

# Pages are linked in the site's first language, so an answer never varies by the reader's.
PAGE_LANGUAGE = "en"


def page_url(request: HttpRequest, name: str, *args) -> str:
    with translation.override(PAGE_LANGUAGE):
        return request.build_absolute_uri(reverse(name, args=args))


def file_url(request: HttpRequest, field) -> str | None:
    return request.build_absolute_uri(field.url) if field else None


def slugs(related) -> list[str]:
    return [item.slug for item in related.all()]


def theme(item) -> dict:
    return {"id": item.pk, "slug": item.slug, "name": item.name, "description": item.description}


def place(item) -> dict:
    return {
        "id": item.pk,
        "name": item.name,
        "country": item.country.code,
        "kind": item.kind,
        "population": item.population,
        "size_class": item.size_class,
        "latitude": float(item.latitude) if item.latitude is not None else None,
        "longitude": float(item.longitude) if item.longitude is not None else None,
        "time_zone": item.time_zone,
    }


def programme(request, item) -> dict:
    return {
        "id": item.pk,
        "slug": item.slug,
        "name": item.name,
        "description": item.description,
        "starts_on": item.starts_on,
        "ends_on": item.ends_on,
        "themes": slugs(item.themes),
        "url": page_url(request, "programmes:detail", item.slug),
    }


def place_row(row: dict) -> dict:
    """A place from `practice_rows`' dicts (PLACE_FIELDS), as `place` shows a model's."""
    population = row["population"]
    return {
        "id": row["pk"],
        "name": row["name"],
        "country": str(row["country"]),
        "kind": row["kind"],
        "population": population,
        "size_class": size_class_for(population),
        "latitude": float(row["latitude"]) if row["latitude"] is not None else None,
        "longitude": float(row["longitude"]) if row["longitude"] is not None else None,
        "time_zone": row["time_zone"],
    }


class PageUrls:
    """Pages' addresses by name, reversed once per request: a list of 50 costs one reverse."""

    MARK = "0-slug-0"

    def __init__(self, request: HttpRequest):
        self.request, self.patterns = request, {}

    def __call__(self, name: str, slug: str) -> str:
        if name not in self.patterns:
            self.patterns[name] = page_url(self.request, name, self.MARK)
        return self.patterns[name].replace(self.MARK, slug)


def _translated(translations) -> TranslatedText:
    if isinstance(translations, TranslatedText):
        translations = translations.translations
    return TranslatedText(translations)


def text(translations) -> str:
    """A translated text (its translations, or a model's `TranslatedText`) as a plain string in
    the reader's language (else its fallback), as every answer gives texts."""
    return str(_translated(translations))


def practice(urls: PageUrls, row: dict) -> dict:
    """A practice from `practice_rows`' dicts (texts as their translations, or as read from a
    model). `language` is the language its title is given in: the reader's, or, where the
    practice has no such translation, the one shown instead (its original, mostly)."""
    title = _translated(row["title"])
    return {
        "id": row["pk"],
        "slug": row["slug"],
        "title": str(title),
        "tagline": text(row["tagline"]),
        "type": row["type"],
        "language": title.language if title else row["language"],
        "programme": row["programme__slug"],
        "themes": row["themes"],
        "places": [place_row(p) for p in row["places"]],
        "summary": text(row["summary"]),
        "started_on": row["started_on"],
        "ended_on": row["ended_on"],
        "willing_to_host": row["willing_to_host"],
        "published_at": row["published_at"],
        "updated_at": row["updated_at"],
        "url": urls("catalogue:detail", row["slug"]),
    }


def practice_detail(request, item) -> dict:
    """Every text of the practice, but not its contact person (personal data)."""
    row = {field: getattr(item, field) for field in LIST_FIELDS if "__" not in field}
    row |= {
        "programme__slug": item.programme.slug,
        "themes": slugs(item.themes),
        "places": [{f: getattr(p, f) for f in PLACE_FIELDS} for p in item.places.all()],
    }
    return practice(PageUrls(request), row) | {
        "context": text(item.context),
        "activities": text(item.activities),
        "governance": text(item.governance),
        "resources": text(item.resources),
        "results": text(item.results),
        "lessons": text(item.lessons),
        "transferability": text(item.transferability),
        "links": item.link_list,
        "image": file_url(request, item.image),
        "image_alt": text(item.image_alt),
    }


def _plan(visit):
    try:
        return visit.plan
    except visit.__class__.plan.RelatedObjectDoesNotExist:
        return None


def visit(request, item) -> dict:
    plan = _plan(item)
    return {
        "id": item.pk,
        "slug": item.slug,
        "programme": item.programme.slug,
        "title": item.title,
        "mode": item.mode,
        "starts_on": item.starts_on,
        "ends_on": item.ends_on,
        "host_place": place(item.host_place),
        "themes": slugs(item.themes),
        "time_zone": visit_zone(item),
        "agenda_published": bool(plan and plan.agenda_published),
        "url": page_url(request, "visits:visit", item.programme.slug, item.slug),
    }


def session(item) -> dict:
    """A session of the agenda; its facilitator (a person) is left out."""
    return {
        "id": item.pk,
        "day": item.day,
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "minutes": item.minutes,
        "title": item.shown_title,
        "format": item.format.slug,
        "objective": item.objective,
        "speakers": item.speakers,
        "place": item.place,
        "resources": [
            {"title": r.title, "url": r.url, "licence": r.licence, "visibility": r.visibility}
            for r in item.api_resources
        ],
    }


def visit_detail(request, item) -> dict:
    return visit(request, item) | {"sessions": [session(s) for s in item.api_sessions]}


def call(request, item) -> dict:
    return {
        "id": item.pk,
        "slug": item.slug,
        "programme": item.programme.slug,
        "type": item.type,
        "title": item.title,
        "description": item.description,
        "state": item.state(),
        "opens_at": item.opens_at,
        "closes_at": item.closes_at,
        "time_zone": item.time_zone,
        "eligible_countries": list(item.eligible_countries),
        "eligibility_text": item.eligibility_text,
        "max_preferences": item.max_preferences,
        "visits": [f"{v.programme.slug}/{v.slug}" for v in item.visits.all()],
        "url": page_url(request, "calls:detail", item.slug),
    }


def report(request, item) -> dict:
    """The report's latest version; the PDF is linked once the report is public."""
    latest = item.api_versions[0] if item.api_versions else None
    where = (item.visit.programme.slug, item.visit.slug)
    published = item.status == ReportStatus.PUBLISHED
    return {
        "id": item.pk,
        "programme": where[0],
        "visit": where[1],
        "title": item.title,
        "language": item.language,
        "status": item.status,
        "published_at": item.published_at,
        "version": latest.number if latest else None,
        "sections": {str(k): str(v) for k, v in (latest.sections if latest else {}).items()},
        "pdf_url": page_url(request, "reports:pdf", *where) if published and latest else None,
        "url": page_url(request, "reports:report", *where),
    }


def news(request, item) -> dict:
    return {
        "id": item.pk,
        "slug": item.slug,
        "programme": item.programme.slug if item.programme else None,
        "original_language": item.original_language,
        "publish_at": item.publish_at,
        "image": file_url(request, item.image),
        "themes": slugs(item.themes),
        "visits": [f"{v.programme.slug}/{v.slug}" for v in item.visits.all()],
        "practices": [p.slug for p in item.practices.all() if p.status == "published"],
        "reports": [r.pk for r in item.reports.all() if r.status == ReportStatus.PUBLISHED],
        "texts": [
            {
                "language": t.language,
                "title": t.title,
                "summary": t.summary,
                "body": t.body,
                "image_alt": t.image_alt,
            }
            for t in item.texts.all()
        ],
    }
