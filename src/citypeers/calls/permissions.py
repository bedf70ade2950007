import rules

from citypeers.calls.models import Call
from citypeers.programmes.permissions import is_programme_coordinator


@rules.predicate
def coordinates_the_calls_programme(user, call: Call) -> bool:
    return call is not None and is_programme_coordinator(user, call.programme)
