from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from citypeers.core.errors import PlaceError
from citypeers.core.http import (
    add_error_to_form,
    export_response,
    paginate,
    permission_required,
    query_without_page,
    requested_export,
)
from citypeers.places import services
from citypeers.places.forms import PlaceFilterForm, PlaceForm
from citypeers.places.models import Place
from citypeers.places.selectors import places_filter


def place_list(request: HttpRequest) -> HttpResponse:
    filters = PlaceFilterForm(request.GET)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    places = places_filter(**{k: v for k, v in criteria.items() if v})
    if export_format := requested_export(request):
        return export_response(
            headers=[
                _("Name"),
                _("Country"),
                _("Kind"),
                _("Population"),
                _("Size"),
                _("Latitude"),
                _("Longitude"),
            ],
            rows=(
                (
                    p.name,
                    p.country.code,
                    p.get_kind_display(),
                    p.population,
                    p.size_class.label if p.size_class else "",
                    p.latitude,
                    p.longitude,
                )
                for p in places
            ),
            filename="places",
            export_format=export_format,
        )
    context = {
        "filters": filters,
        "page": paginate(request, places, per_page=50),
        "query": query_without_page(request),
        "can_add": request.user.has_perm("places.add_place"),
    }
    return render(request, "places/list.html", context)


def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(Place, pk=pk)
    return render(request, "places/detail.html", {"place": place})


@permission_required("places.add_place")
def place_create(request: HttpRequest) -> HttpResponse:
    form = PlaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            place = services.place_create(by=request.user, **form.cleaned_data)
        except PlaceError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("%(place)s added.") % {"place": place})
            return redirect("places:detail", pk=place.pk)
    return render(request, "places/form.html", {"form": form})
