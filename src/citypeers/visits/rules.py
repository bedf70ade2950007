import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_any_coordinator
from citypeers.visits.permissions import (
    coordinates_visits_programme,
    has_a_plan,
    has_started,
    is_finished_visit,
    is_given_a_place,
    is_in_finished_visit,
    is_past_answering,
    is_visit_host,
    is_visit_participant,
    is_visit_person,
    is_visit_team,
    may_act_on_task,
)

# Which programme a new visit may go to is checked in the form: those the person coordinates.
rules.add_perm("visits.create_visit", is_any_coordinator | is_staff)
rules.add_perm("visits.run_visit", is_visit_team | is_staff)
# A finished visit's workspace is its record: read-only for everyone, staff included.
rules.add_perm("visits.change_task", (may_act_on_task | is_staff) & ~is_in_finished_visit)
rules.add_perm("visits.publish_agenda", (is_visit_team | is_staff) & ~is_finished_visit)
rules.add_perm("visits.edit_agenda", (is_visit_team | is_staff) & ~is_finished_visit)
# Breakout groups: seen by whoever runs the visit, made and changed until it is over.
rules.add_perm("visits.edit_groups", (is_visit_team | is_staff) & ~is_finished_visit)
# Whom an interpreter interprets for (the groups keep them together): set by the team.
rules.add_perm("visits.set_interpreting", (is_visit_team | is_staff) & ~is_finished_visit)
# A visit made without a plan gets one once, while it is not over.
rules.add_perm(
    "visits.plan_visit",
    (is_staff | coordinates_visits_programme) & ~has_a_plan & ~is_finished_visit,
)
# The roster: the team (and staff) see everyone with contacts and needs; participants see
# the participants who consented, and nothing of the others.
rules.add_perm("visits.view_roster", is_visit_team | is_staff | is_visit_participant)
# The pre-visit questionnaire: for the people of the visit (staff have none to give), read-only
# once the visit has started.
rules.add_perm("visits.answer_questionnaire", is_visit_team | is_given_a_place)
rules.add_perm("visits.change_questionnaire", (is_visit_team | is_given_a_place) & ~has_started)
# Online rooms: the visit's people only; staff not on the visit get no link.
rules.add_perm("visits.join_room", is_visit_person)
# Attendance: the visit's people check themselves in through the session's link (its time
# window is the service's); the team reads the sheet, and marks it until the visit is over.
rules.add_perm("visits.check_in", is_visit_team | is_visit_participant)
rules.add_perm("visits.mark_attendance", (is_visit_team | is_staff) & ~is_finished_visit)
# The participant pack: the visit's people and staff.
rules.add_perm("visits.view_pack", is_visit_person | is_staff)
# Recommendations for the host: everyone on the visit reads them; the team adds them until the
# visit is over; the host answers each until a year after its end (the twelve-month check).
rules.add_perm("visits.view_recommendations", is_visit_person | is_staff)
rules.add_perm("visits.add_recommendation", (is_visit_team | is_staff) & ~is_finished_visit)
rules.add_perm("visits.answer_recommendation", is_visit_host & ~is_past_answering)
