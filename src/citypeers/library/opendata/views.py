"""The open data's pages and files: downloads (`/data/…`, no language, CORS open, 304 on
conditional GET), the DCAT-AP catalogue, the landing page that documents them, and a
programme's licence page for its coordinators."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from citypeers.core.changes import COLLECTIONS as CHANGE_COLLECTIONS
from citypeers.core.changes import version
from citypeers.core.http import permission_required
from citypeers.library.opendata.dcat import catalogue_text, catalogue_version, landing_url
from citypeers.library.opendata.enums import COLLECTIONS, LICENCES
from citypeers.library.opendata.exports import csv_chunks, json_chunks
from citypeers.library.opendata.forms import DataLicenceForm
from citypeers.library.opendata.selectors import Dataset, dataset_for, datasets
from citypeers.library.opendata.services import programme_data_licence_set
from citypeers.programmes.models import DataLicence, Programme

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CATALOGUE_TYPES = {
    "ttl": ("turtle", "text/turtle; charset=utf-8"),
    "jsonld": ("json-ld", "application/ld+json"),
}


def _open(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


def _in_default_language(chunks):
    """The chunks made in English whatever the asker's language: a download has no language
    in its address, so one file (and its ETag) serves everyone."""
    chunks = iter(chunks)
    while True:
        with translation.override(settings.LANGUAGE_CODE):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


def _etag(request, collection: str, fmt: str, programme: str | None = None) -> str:
    return f"{version(collection).tag}-{fmt}"


def _modified(request, collection: str, fmt: str, programme: str | None = None):
    return version(collection).modified


@require_safe
@condition(etag_func=_etag, last_modified_func=_modified)
def download(
    request: HttpRequest, collection: str, fmt: str, programme: str | None = None
) -> HttpResponse:
    """A dataset as CSV (streamed) or JSON (built in chunks), with its licence named."""
    dataset = dataset_for(collection=collection, programme_slug=programme)
    if dataset is None or fmt not in CONTENT_TYPES:
        raise Http404(_("There is no such dataset."))
    chunks = (
        csv_chunks(dataset) if fmt == "csv" else json_chunks(dataset, landing_url=landing_url())
    )
    response = StreamingHttpResponse(_in_default_language(chunks), content_type=CONTENT_TYPES[fmt])
    name = dataset.identifier.replace("programmes/", "").replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{settings.SITE_NAME}-{name}.{fmt}"'
    response["Link"] = f'<{LICENCES[dataset.licence].deed}>; rel="license"'
    return _open(response)


@require_safe
@condition(
    etag_func=lambda request, fmt: f"{catalogue_version().tag}-{fmt}",
    last_modified_func=lambda request, fmt: catalogue_version().modified,
)
def catalogue(request: HttpRequest, fmt: str) -> HttpResponse:
    """The DCAT-AP 3.0 catalogue as Turtle or JSON-LD."""
    serialisation, content_type = CATALOGUE_TYPES[fmt]
    return _open(HttpResponse(catalogue_text(serialisation), content_type=content_type))


def index(request: HttpRequest) -> HttpResponse:
    """Every dataset, what it holds, its licence, its downloads and when it last changed."""
    marks = {name: version(name).modified for name in CHANGE_COLLECTIONS}
    found = datasets()
    rows = [_row(dataset, marks) for dataset in found]
    context = {
        "site_wide": [row for row in rows if row["dataset"].programme is None],
        "per_programme": [row for row in rows if row["dataset"].programme is not None],
        "collections": list(COLLECTIONS.values()),
    }
    return render(request, "library/data/index.html", context)


def _row(dataset: Dataset, marks) -> dict:
    return {
        "dataset": dataset,
        "anchor": dataset.identifier.replace("/", "-"),
        "licence": LICENCES[dataset.licence],
        "licence_name": DataLicence(dataset.licence).label,
        "csv": f"/data/{dataset.identifier}.csv",
        "json": f"/data/{dataset.identifier}.json",
        "modified": marks[dataset.collection.name],
    }


def _programme(*, slug: str, **_kwargs) -> Programme:
    return get_object_or_404(Programme, slug=slug)


@permission_required("programmes.change_data_licence", _programme)
def programme_licence(request: HttpRequest, slug: str, obj: Programme) -> HttpResponse:
    """The programme's coordinators choose the licence of its open data."""
    form = DataLicenceForm(request.POST or None, initial={"licence": obj.data_licence})
    if request.method == "POST" and form.is_valid():
        programme_data_licence_set(
            programme=obj, licence=form.cleaned_data["licence"], by=request.user
        )
        messages.success(request, _("The open data licence is saved."))
        return redirect("programmes:open_data", slug=obj.slug)
    context = {"programme": obj, "form": form, "licence": LICENCES[obj.data_licence]}
    return render(request, "library/data/programme_licence.html", context)
