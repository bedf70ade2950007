import rules

from citypeers.core.permissions import is_staff

rules.add_perm("core.read_outbox", is_staff)
