import rules

from citypeers.core.permissions import is_staff
from citypeers.reports.permissions import (
    has_a_report,
    is_report_published,
    is_report_writer,
    may_comment_report,
)
from citypeers.visits.permissions import coordinates_visits_programme, is_visit_team

# All on the visit the report is about. The writers (rapporteurs, coordinators) start it and
# change it; the visit's team reads it before it is published; everyone reads it once it is.
rules.add_perm("reports.write_report", is_report_writer | is_staff)
rules.add_perm("reports.edit_report", has_a_report & (is_report_writer | is_staff))
rules.add_perm("reports.view_report_draft", is_visit_team | is_staff)
rules.add_perm("reports.view_report", is_report_published | is_visit_team | is_staff)
rules.add_perm("reports.comment_report", has_a_report & (may_comment_report | is_staff))
rules.add_perm("reports.publish_report", has_a_report & (coordinates_visits_programme | is_staff))
