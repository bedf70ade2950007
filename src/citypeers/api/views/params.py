"""The API's query parameters, checked before any database is asked: a value outside these
gets 422 with ninja's validation message, never a server error."""

import datetime
import re
from typing import Annotated, Literal

from django.conf import settings
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field

Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=200)]
Country = Annotated[
    str, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code, such as PT.")
]
Size = Literal["small", "medium", "large", "metropolis"]
Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]  # type: ignore[valid-type]
Id = Annotated[int, Field(ge=1, le=2**53)]
Text = Annotated[str, Field(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


# As the document's `format` says (RFC 3339): a day, or a moment with seconds and its offset;
# pydantic alone would also take numbers (seconds since 1970) and shorter forms.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})")


def _written(pattern: re.Pattern, example: str):
    def check(value):
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise ValueError(f"written as {example}")
        return value

    return check


def _utc(value: datetime.datetime) -> datetime.datetime:
    """In UTC; a moment whose offset takes it past year 1 or 9999 is the first or last one."""
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        edge = datetime.datetime.min if value.year == 1 else datetime.datetime.max
        return edge.replace(tzinfo=datetime.UTC)


Day = Annotated[
    datetime.date,
    BeforeValidator(_written(_DAY, "2027-03-22")),
]
Moment = Annotated[
    datetime.datetime,
    BeforeValidator(_written(_MOMENT, "2027-03-22T08:00:00Z")),
    AfterValidator(_utc),
]


class PracticeFilters(Schema):
    q: Text = Field("", description="Words of the practice's text (the library's search).")
    theme: Slug | None = Field(None, description="A theme's slug.")
    country: Country | None = None
    size: Size | None = Field(None, description="The size class of one of its places.")
    updated_since: Moment | None = Field(None, description="Changed at or after (RFC 3339).")


class PlaceFilters(Schema):
    country: Country | None = None
    size: Size | None = None
    kind: Literal["city", "region", "rural", "metropolitan"] | None = None


class VisitFilters(Schema):
    programme: Slug | None = Field(None, description="A programme's slug.")
    theme: Slug | None = None
    country: Country | None = Field(None, description="The host place's country.")
    mode: Literal["onsite", "online", "hybrid"] | None = None
    date_from: Day | None = Field(None, alias="from", description="Visits not over by this day.")
    date_to: Day | None = Field(None, alias="to", description="Visits begun by this day.")


class CallFilters(Schema):
    programme: Slug | None = None
    open: bool | None = Field(None, description="true: open now; false: every other.")


class ReportFilters(Schema):
    programme: Slug | None = None
    theme: Slug | None = None
    language: Language | None = None


class NewsFilters(Schema):
    programme: Slug | None = None
    theme: Slug | None = None
    language: Language | None = Field(None, description="News with a text in this language.")
