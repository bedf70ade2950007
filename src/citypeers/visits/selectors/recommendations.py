"""A visit's recommendations for the host, oldest first, with their authors."""

from django.db.models import QuerySet

from citypeers.programmes.models import Visit
from citypeers.visits.models import Recommendation


def recommendations_of(visit: Visit) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(visit=visit).select_related("author")
