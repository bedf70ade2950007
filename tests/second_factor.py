"""Helpers for tests that sign in with a second factor: codes computed as an app would."""

import time

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.urls import reverse

from tests.factories import PASSWORD

# A fixed secret (base32, 20 bytes) for people given an authenticator app by a test.
TEST_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The 6-digit code an authenticator app shows for `secret` now (RFC 6238, 30 s steps)."""
    return format_hotp_value(hotp_value(secret, int((at or time.time()) // 30)))


def fresh_totp_code(secret: str) -> str:
    """The code now, never in its window's last 5 s: a browser may take that long between
    reading it and sending it, and a code from a past window is refused."""
    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left + 0.1)
    return totp_code(secret)


def give_authenticator_app(user, secret: str = TEST_SECRET) -> list[str]:
    """Sets up an authenticator app and recovery codes for `user`; returns the codes."""
    TOTP.activate(user, secret)
    return RecoveryCodes.activate(user).get_unused_codes()


def reauthenticated(client, person) -> None:
    """Signs `person` in and gives the password again, as pages changing second factors ask."""
    client.force_login(person)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
