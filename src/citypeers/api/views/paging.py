"""Page-number pagination, the same for every list: `page` (from 1) and `page_size` (50 by
default, 100 at most), answered with `count`, the `next` and `previous` pages' addresses and
`results`, in an order that never changes between pages (ties broken by id)."""

from collections.abc import Callable
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Schema
from pydantic import Field

from citypeers.api.enums import PAGE_MAX, PAGE_SIZE, PAGE_SIZE_MAX


class PageParams(Schema):
    page: Annotated[int, Field(ge=1, le=PAGE_MAX, description="From 1.")] = 1
    page_size: Annotated[int, Field(ge=1, le=PAGE_SIZE_MAX)] = PAGE_SIZE


PageQuery = Query[PageParams]


def _address(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def page_of(
    request: HttpRequest,
    items: QuerySet,
    paging: PageParams,
    shape: Callable,
    *,
    load: Callable | None = None,
) -> dict:
    """The page asked of `items`, each given to `shape`; with `load`, only the page's ids are
    read in order (a narrow sort), then `load(ids)` reads the rows themselves."""
    count = items.count()
    start = (paging.page - 1) * paging.page_size
    found = []
    if start < count:
        window = items[start : start + paging.page_size]
        found = load(list(window.values_list("pk", flat=True))) if load else list(window)
    return {
        "count": count,
        "next": _address(request, paging.page + 1) if start + paging.page_size < count else None,
        "previous": _address(request, min(paging.page - 1, max(1, -(-count // paging.page_size))))
        if paging.page > 1
        else None,
        "results": [shape(item) for item in found],
    }
