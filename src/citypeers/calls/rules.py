import rules

from citypeers.calls.permissions import coordinates_the_calls_programme
from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_any_coordinator

# Which programme a new call may belong to is checked in the form: those the person coordinates.
rules.add_perm("calls.add_call", is_any_coordinator | is_staff)
rules.add_perm("calls.manage_call", coordinates_the_calls_programme | is_staff)
