import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_any_coordinator, is_programme_coordinator

rules.add_perm("programmes.manage_members", is_programme_coordinator | is_staff)
# Where the programme's online sessions meet (a server's address, BigBlueButton's secret).
rules.add_perm("programmes.change_rooms", is_programme_coordinator | is_staff)
# Coordinators add the places the reference data lacks (regions, rural areas, small towns);
# registered here because the predicate is about programme roles, which `places` cannot see.
rules.add_perm("places.add_place", is_any_coordinator | is_staff)
# Themes are shared by every programme; any coordinator may add or reword them.
rules.add_perm("programmes.manage_themes", is_any_coordinator | is_staff)
# The licence of the programme's open data (`library.opendata`).
rules.add_perm("programmes.change_data_licence", is_programme_coordinator | is_staff)
# The programme's audit trail: who did what, when; and its download.
rules.add_perm("programmes.view_audit", is_programme_coordinator | is_staff)
