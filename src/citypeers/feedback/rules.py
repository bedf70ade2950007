import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_programme_coordinator

# A programme's survey templates: its coordinators (and staff) customise and edit them.
rules.add_perm("feedback.manage_templates", is_programme_coordinator | is_staff)
