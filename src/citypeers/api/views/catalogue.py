"""The API's reference collections: practices, programmes, themes and places (public only: a
token sees here what the public sees)."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router
from ninja.decorators import decorate_view

from citypeers.api.selectors.collections import places_for_api, programmes_for_api, themes_for_api
from citypeers.api.selectors.practices import (
    practice_for_api,
    practice_rows,
    practices_for_api,
)
from citypeers.api.views import shapes
from citypeers.api.views.http import read
from citypeers.api.views.paging import PageQuery, page_of
from citypeers.api.views.params import Id, PlaceFilters, PracticeFilters, Slug
from citypeers.api.views.schemas import (
    Error,
    PlaceOut,
    PlacePage,
    PracticeDetailOut,
    PracticePage,
    ProgrammeOut,
    ProgrammePage,
    ThemeOut,
    ThemePage,
)

router = Router()
# What every read may answer beside its 200 (ninja adds 422 for invalid parameters).
ANSWERS = {304: None, 401: Error, 404: Error, 422: Error, 429: Error}
PRACTICES = ("practices", "programmes", "themes", "places")


def one(get):
    """What `get()` finds, or 404 (JSON, as every answer of the API)."""
    try:
        return get()
    except ObjectDoesNotExist as error:
        raise Http404 from error


@router.get(
    "/practices/", response={200: PracticePage, **ANSWERS}, tags=["practices"], url_name="practices"
)
@decorate_view(read(*PRACTICES))
def practices(request: HttpRequest, filters: Query[PracticeFilters], paging: PageQuery):
    """Published good practices, newest first."""
    urls = shapes.PageUrls(request)
    items = practices_for_api(**filters.dict())
    return page_of(
        request, items, paging, lambda row: shapes.practice(urls, row), load=practice_rows
    )


@router.get("/practices/{slug}/", response={200: PracticeDetailOut, **ANSWERS}, tags=["practices"])
@decorate_view(read(*PRACTICES))
def practice(request: HttpRequest, slug: Path[Slug]):
    """A published practice, with all its text (never its contact person)."""
    return shapes.practice_detail(request, one(lambda: practice_for_api(slug=slug)))


@router.get(
    "/programmes/",
    response={200: ProgrammePage, **ANSWERS},
    tags=["programmes"],
    url_name="programmes",
)
@decorate_view(read("programmes", "themes"))
def programmes(request: HttpRequest, paging: PageQuery):
    """Programmes, the latest first."""
    return page_of(
        request, programmes_for_api(), paging, lambda item: shapes.programme(request, item)
    )


@router.get("/programmes/{slug}/", response={200: ProgrammeOut, **ANSWERS}, tags=["programmes"])
@decorate_view(read("programmes", "themes"))
def programme(request: HttpRequest, slug: Path[Slug]):
    return shapes.programme(request, one(lambda: programmes_for_api().get(slug=slug)))


@router.get("/themes/", response={200: ThemePage, **ANSWERS}, tags=["themes"], url_name="themes")
@decorate_view(read("themes"))
def themes(request: HttpRequest, paging: PageQuery):
    """Themes, by name."""
    return page_of(request, themes_for_api(), paging, shapes.theme)


@router.get("/themes/{slug}/", response={200: ThemeOut, **ANSWERS}, tags=["themes"])
@decorate_view(read("themes"))
def theme(request: HttpRequest, slug: Path[Slug]):
    return shapes.theme(one(lambda: themes_for_api().get(slug=slug)))


@router.get("/places/", response={200: PlacePage, **ANSWERS}, tags=["places"], url_name="places")
@decorate_view(read("places"))
def places(request: HttpRequest, filters: Query[PlaceFilters], paging: PageQuery):
    """Cities, regions and other places, by name, with their size class and coordinates."""
    return page_of(request, places_for_api(**filters.dict()), paging, shapes.place)


@router.get("/places/{id}/", response={200: PlaceOut, **ANSWERS}, tags=["places"])
@decorate_view(read("places"))
def place(request: HttpRequest, id: Path[Id]):
    return shapes.place(one(lambda: places_for_api().get(pk=id)))
