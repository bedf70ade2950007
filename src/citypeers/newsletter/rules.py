"""Who may do what with a programme's newsletter."""

import rules

from citypeers.core.permissions import is_staff
from citypeers.programmes.permissions import is_programme_coordinator

# A programme's newsletter (its subscribers' counts and addresses, composing, previewing and
# sending its issues, the sent log): its coordinators and staff. Nobody mails another
# programme's subscribers.
rules.add_perm("newsletter.manage", is_programme_coordinator | is_staff)
