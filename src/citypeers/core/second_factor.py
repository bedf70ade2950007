"""Who must sign in with a second factor: staff, and anyone an app above says so of.

core knows no roles; an app that gives people power over others' data (programmes: a
coordinator) registers a predicate here from its `ready()`.
"""

from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from citypeers.core.registry import Sources

second_factor_required_for: Sources[Callable[[object], bool]] = Sources()


def must_use_second_factor(user) -> bool:
    """Whether this signed-in person may use the platform only with a second factor."""
    if not settings.MFA_REQUIRED_FOR_STAFF or not user.is_authenticated:
        return False
    return user.is_staff or any(predicate(user) for predicate in second_factor_required_for)


def lacks_required_second_factor(user) -> bool:
    """A person who must have a second factor and has none yet."""
    return must_use_second_factor(user) and not is_mfa_enabled(user)
