"""Who manages a programme's API tokens: its coordinators (the predicate is the programmes')."""

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_programme_coordinator

can_manage_tokens = is_programme_coordinator | is_staff
