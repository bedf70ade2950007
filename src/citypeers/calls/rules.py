import rules

from citypeers.calls.permissions import (
    assignment_in_review_phase,
    coordinates_the_applications_call,
    coordinates_the_calls_programme,
    coordinates_the_files_call,
    holds_the_assignment,
    reviews_in_the_call,
    reviews_the_application,
    reviews_the_files_application,
    sent_the_file,
)
from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_any_coordinator

# Which programme a new call may belong to is checked in the form: those the person coordinates.
rules.add_perm("calls.add_call", is_any_coordinator | is_staff)
rules.add_perm("calls.manage_call", coordinates_the_calls_programme | is_staff)
rules.add_perm(
    "calls.review_call", coordinates_the_calls_programme | reviews_in_the_call | is_staff
)
# Reading one's assignment (read-only outside the review's phase); scoring it, only in it.
rules.add_perm("calls.view_assignment", holds_the_assignment)
rules.add_perm("calls.score_application", holds_the_assignment & assignment_in_review_phase)
# An attached file: its applicant, the reviewers assigned its application, the coordinators.
rules.add_perm(
    "calls.view_application_file",
    sent_the_file | reviews_the_files_application | coordinates_the_files_call | is_staff,
)
# An application's page: the coordinators, the reviewers assigned it while still reviewers.
rules.add_perm(
    "calls.view_application",
    coordinates_the_applications_call | reviews_the_application | is_staff,
)
