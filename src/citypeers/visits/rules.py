import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_any_coordinator
from citypeers.visits.permissions import is_visit_team

# Which programme a new visit may go to is checked in the form: those the person coordinates.
rules.add_perm("visits.create_visit", is_any_coordinator | is_staff)
rules.add_perm("visits.run_visit", is_visit_team | is_staff)
