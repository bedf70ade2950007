"""The methodology's permission: who may change formats and templates."""

import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_any_coordinator

# The methodology is shared by every programme: any coordinator may improve it.
rules.add_perm("methodology.change_methodology", is_any_coordinator | is_staff)
