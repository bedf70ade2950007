"""Predicates every app composes; each app's `rules.py` names its permissions from them.

All permissions live in the one `rules` registry, so a view asks
`user.has_perm("programmes.manage_members", programme)` and never checks roles itself.
"""

import rules

is_authenticated = rules.is_authenticated
is_staff = rules.is_staff
