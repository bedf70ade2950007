import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_programme_coordinator
from citypeers.visits.permissions import is_visit_team

# A programme's survey templates: its coordinators (and staff) customise and edit them.
rules.add_perm("feedback.manage_templates", is_programme_coordinator | is_staff)
# A visit's surveys (when they go out, their anonymity until sent, the response rates and the
# results): the visit's team, coordinators included, and staff.
rules.add_perm("feedback.run_surveys", is_visit_team | is_staff)
# A programme's results across its visits: its coordinators and staff.
rules.add_perm("feedback.view_programme_results", is_programme_coordinator | is_staff)
