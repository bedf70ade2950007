"""What the API answers, as pydantic schemas (ninja puts them in the OpenAPI document), and the
functions that fill them from the selectors' objects. Nothing personal is ever copied: no
names or e-mail addresses of people, no applications, reviews or scores."""

import datetime
from typing import Literal

from pydantic import BaseModel, Field


class Schema(BaseModel):
    """Plain pydantic, not ninja's `Schema`: answers are built as dicts, so ninja's resolving of
    model attributes (a third of a list's time) is not needed."""


class Error(Schema):
    detail: str | list = Field(description="What was wrong (a list, for invalid parameters).")


class Link(Schema):
    id: int
    slug: str


class ThemeOut(Schema):
    id: int
    slug: str
    name: str
    description: str


class PlaceOut(Schema):
    id: int
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    kind: str
    population: int | None
    size_class: Literal["small", "medium", "large", "metropolis"] | None
    latitude: float | None
    longitude: float | None
    time_zone: str


class ProgrammeOut(Schema):
    id: int
    slug: str
    name: str
    description: str = Field(description="Markdown.")
    starts_on: datetime.date
    ends_on: datetime.date
    themes: list[str] = Field(description="Theme slugs.")
    url: str


class PracticeOut(Schema):
    id: int
    slug: str
    title: str
    tagline: str
    type: str
    language: str
    programme: str = Field(description="The programme's slug.")
    themes: list[str]
    places: list[PlaceOut]
    summary: str = Field(description="Markdown.")
    started_on: datetime.date | None
    ended_on: datetime.date | None
    willing_to_host: bool
    published_at: datetime.datetime
    updated_at: datetime.datetime
    url: str


class PracticeDetailOut(PracticeOut):
    context: str
    activities: str
    governance: str
    resources: str
    results: str
    lessons: str
    transferability: str
    links: list[str]
    image: str | None
    image_alt: str


class ResourceOut(Schema):
    title: str
    url: str
    licence: str
    visibility: Literal["public", "visit", "team"]


class SessionOut(Schema):
    id: int
    day: int
    starts_at: datetime.datetime = Field(description="UTC.")
    ends_at: datetime.datetime = Field(description="UTC.")
    minutes: int
    title: str
    format: str = Field(description="The activity format's slug.")
    objective: str
    speakers: str
    place: str
    resources: list[ResourceOut]


class VisitOut(Schema):
    id: int
    slug: str
    programme: str
    title: str
    mode: Literal["onsite", "online", "hybrid"]
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    host_place: PlaceOut
    themes: list[str]
    time_zone: str | None = Field(description="The zone the agenda is kept in (IANA).")
    agenda_published: bool
    url: str


class VisitDetailOut(VisitOut):
    sessions: list[SessionOut] = Field(
        description="The published agenda; with a token of the programme, the draft one."
    )


class CallOut(Schema):
    id: int
    slug: str
    programme: str
    type: str
    title: str
    description: str = Field(description="Markdown.")
    state: Literal["draft", "upcoming", "open", "closed"]
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None
    time_zone: str
    eligible_countries: list[str]
    eligibility_text: str
    max_preferences: int
    visits: list[str] = Field(description="The visits offered, as programme/visit slugs.")
    url: str


class ReportOut(Schema):
    id: int
    programme: str
    visit: str
    title: str
    language: str
    status: str
    published_at: datetime.datetime | None
    version: int | None
    sections: dict[str, str] = Field(description="Markdown text by section key.")
    pdf_url: str | None
    url: str


class NewsTextOut(Schema):
    language: str
    title: str
    summary: str
    body: str = Field(description="Markdown.")
    image_alt: str


class NewsOut(Schema):
    id: int
    slug: str
    programme: str | None
    original_language: str
    publish_at: datetime.datetime
    image: str | None
    themes: list[str]
    visits: list[str]
    practices: list[str]
    reports: list[int]
    texts: list[NewsTextOut]


def page_schema(name: str, item: type) -> type:
    """A page of `item`s: `count` in all, the addresses of the pages around it, `results`."""
    return type(
        name,
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "next": str | None,
                "previous": str | None,
                "results": list[item],
            }
        },
    )


PracticePage = page_schema("PracticePage", PracticeOut)
ProgrammePage = page_schema("ProgrammePage", ProgrammeOut)
VisitPage = page_schema("VisitPage", VisitOut)
CallPage = page_schema("CallPage", CallOut)
ReportPage = page_schema("ReportPage", ReportOut)
NewsPage = page_schema("NewsPage", NewsOut)
ThemePage = page_schema("ThemePage", ThemeOut)
PlacePage = page_schema("PlacePage", PlaceOut)
