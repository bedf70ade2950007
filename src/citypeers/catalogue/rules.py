import rules

from citypeers.catalogue.permissions import (
    is_editable_stage,
    is_practice_coordinator,
    is_published,
    is_submitter,
)
from citypeers.core.permissions import is_authenticated, is_staff

rules.add_perm("catalogue.add_practice", is_authenticated)
rules.add_perm(
    "catalogue.view_practice", is_published | is_submitter | is_practice_coordinator | is_staff
)
rules.add_perm("catalogue.change_practice", (is_submitter & is_editable_stage) | is_staff)
rules.add_perm("catalogue.review_practice", is_practice_coordinator | is_staff)
