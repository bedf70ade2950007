"""Small helpers every view uses: permission checks, errors onto forms, exports, paging."""

import datetime
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import wraps

import tablib
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse

from citypeers.core.audit import export_record
from citypeers.core.errors import CitypeersError

EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def permission_required(perm: str, get_object: Callable | None = None):
    """Anonymous people go to the log-in page; signed-in people without the right get 403.

    The object the permission is checked on is passed to the view as `obj`.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            obj = get_object(**kwargs) if get_object else None
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(perm, obj):
                raise PermissionDenied
            if get_object:
                kwargs["obj"] = obj
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def add_error_to_form(form, error: CitypeersError) -> None:
    """Shows a service's refusal at the field it is about, or at the top of the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def whole_number(value: str | None) -> int | None:
    """A number typed into an address (`?run=3`), or None when it is not one: only the digits
    0-9, at most nine of them. (`str.isdigit` takes "²", which `int` refuses; `int` takes
    " 3", "+3", "1_000" and other scripts' digits, and numbers no database column holds.)"""
    return int(value) if value is not None and _WHOLE_NUMBER.fullmatch(value) else None


def paginate(request: HttpRequest, items, *, per_page: int = 25) -> Page:
    """The requested page; a page number out of range or mistyped gives the nearest page."""
    typed = request.GET.get("page") or ""
    number = whole_number(typed)
    if number is None and typed.isascii() and typed.isdigit():
        number = 10**9  # more digits than any list has pages: the last page is the nearest
    # Django's get_page turns 0 or a negative number into the last page; the nearest is the first.
    number = max(1, number or 1)
    return Paginator(items, per_page).get_page(number)


def query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for links to other pages of the same list."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def export_recorded(request: HttpRequest, obj, *, what: str, rows: int) -> None:
    """Records in the audit trail that the signed-in person downloads `what` (`rows` rows)
    about `obj`, in the format the address asks for."""
    export_format = requested_export(request) or "csv"
    export_record(obj=obj, by=request.user, what=what, export_format=export_format, rows=rows)


def export_response(
    *, headers: list[str], rows: Iterable[Iterable], filename: str, export_format: str
) -> HttpResponse:
    # Spreadsheets keep formula-like text inert; JSON keeps values as they are, in JSON's types.
    cell = (lambda value: _inert(_plain(value))) if export_format in {"csv", "xlsx"} else _json
    cells = [[cell(value) for value in row] for row in rows]
    dataset = tablib.Dataset(*cells, headers=headers)
    response = HttpResponse(
        dataset.export(export_format), content_type=EXPORT_FORMATS[export_format]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{export_format}"'
    return response


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_TYPES = (str, int, float, Decimal, datetime.date, type(None))
JSON_TYPES = (str, int, float, bool, type(None))


def _plain(value):
    """A value every format can write: an object or a lazy translation becomes its text."""
    return value if isinstance(value, PLAIN_TYPES) else str(value)


def _json(value):
    """In JSON's own types: exact decimals as numbers, dates in ISO 8601, the rest as text."""
    if isinstance(value, JSON_TYPES):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _inert(value):
    """Text a spreadsheet would run as a formula (a name typed as "=HYPERLINK(…)") is kept as
    text, with the apostrophe spreadsheets read as "this is text"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def requested_export(request: HttpRequest) -> str | None:
    value = request.GET.get("export")
    return value if value in EXPORT_FORMATS else None
