"""Who may do what in the feedback app."""

import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_programme_coordinator
from citypeers.visits.permissions import (
    coordinates_visits_programme,
    has_started,
    is_visit_expert,
    is_visit_host,
    is_visit_participant,
    is_visit_team,
)

# A programme's survey templates: its coordinators (and staff) customise and edit them.
rules.add_perm("feedback.manage_templates", is_programme_coordinator | is_staff)
# A visit's surveys (when they go out, their anonymity until sent, the response rates and the
# results): the visit's team, coordinators included, and staff.
rules.add_perm("feedback.run_surveys", is_visit_team | is_staff)
# A programme's results across its visits: its coordinators and staff.
rules.add_perm("feedback.view_programme_results", is_programme_coordinator | is_staff)

# Transfer action plans. A plan is its participant's: they write it (the page says when it
# opens), the programme's coordinators and staff read every plan of the visit, the host and
# the expert only the submitted plans shared with them; whoever reads another's plan comments.


@rules.predicate
def is_plan_author(user, plan) -> bool:
    return plan is not None and plan.person_id == user.pk


@rules.predicate
def coordinates_plans_visit(user, plan) -> bool:
    return plan is not None and coordinates_visits_programme(user, plan.visit)


@rules.predicate
def is_shared_with_me(user, plan) -> bool:
    """A submitted plan its participant shared with the host (or the expert) who asks."""
    if plan is None or not plan.is_submitted:
        return False
    return (plan.shared_with_host and is_visit_host(user, plan.visit)) or (
        plan.shared_with_expert and is_visit_expert(user, plan.visit)
    )


rules.add_perm("feedback.write_plan", is_visit_participant)
rules.add_perm(
    "feedback.view_plans",
    coordinates_visits_programme | is_staff | is_visit_host | is_visit_expert,
)
rules.add_perm(
    "feedback.view_plan", is_plan_author | coordinates_plans_visit | is_staff | is_shared_with_me
)
rules.add_perm(
    "feedback.comment_plan",
    (coordinates_plans_visit | is_staff | is_shared_with_me) & ~is_plan_author,
)

# Lessons per format: the visit's team and the programme's coordinators write them from the
# visit's first day (also after it: that is when they know); staff may help.
rules.add_perm("feedback.record_lessons", (is_visit_team | is_staff) & has_started)
# The visit's methodology test report: its team and coordinators (and staff), at any time.
rules.add_perm("feedback.view_methodology_test", is_visit_team | is_staff)
