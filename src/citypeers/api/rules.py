import rules

from citypeers.api.permissions import can_manage_tokens

# A programme's API tokens read its data not yet public: its coordinators (and staff) make them.
rules.add_perm("api.manage_tokens", can_manage_tokens)
