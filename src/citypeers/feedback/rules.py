"""Who may do what in the feedback app."""

import rules

from citypeers.core.permissions import is_staff
from citypeers.visits.permissions import has_started, is_visit_team

# Lessons per format: the visit's team and the programme's coordinators write them from the
# visit's first day (also after it: that is when they know); staff may help.
rules.add_perm("feedback.record_lessons", (is_visit_team | is_staff) & has_started)
# The visit's methodology test report: its team and coordinators (and staff), at any time.
rules.add_perm("feedback.view_methodology_test", is_visit_team | is_staff)
