from django.conf import settings
from django.db.models import Q, QuerySet

from citypeers.places.models import Place, SizeClass


def population_range(size: str) -> tuple[int | None, int | None]:
    """The [lower, upper) population bounds of a size class, from the one setting."""
    bounds = list(settings.PLACE_SIZE_THRESHOLDS.values())
    names = [*settings.PLACE_SIZE_THRESHOLDS.keys(), SizeClass.METROPOLIS.value]
    index = names.index(size)
    lower = bounds[index - 1] if index > 0 else None
    upper = bounds[index] if index < len(bounds) else None
    return lower, upper


def places_filter(
    *, q: str = "", country: str = "", size: str = "", kind: str = ""
) -> QuerySet[Place]:
    places = Place.objects.all()
    if q:
        places = places.filter(Q(name__icontains=q) | Q(name__iexact=q))
    if country:
        places = places.filter(country=country)
    if kind:
        places = places.filter(kind=kind)
    if size:
        lower, upper = population_range(size)
        if lower is not None:
            places = places.filter(population__gte=lower)
        if upper is not None:
            places = places.filter(population__lt=upper)
    return places.order_by("-population", "name")
