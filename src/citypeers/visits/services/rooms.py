"""A programme's online rooms: saving its provider (checked by the rooms core, the secret kept
when not retyped) and opening a BigBlueButton meeting before someone joins it."""

import re
import urllib.error
import urllib.request

from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.programmes.models import Programme, RoomProvider
from citypeers.visits.rooms import BigBlueButtonRooms, RoomLinks, UrlTemplateRooms

BBB_TIMEOUT_SECONDS = 5  # a person waits on the join page for this at most
BBB_ANSWER_MAX_BYTES = 64 * 1024
_RETURNCODE = re.compile(rb"<returncode>\s*([A-Z]+)\s*</returncode>")
_MESSAGE_KEY = re.compile(rb"<messageKey>\s*([A-Za-z]+)\s*</messageKey>")


def programme_rooms_save(
    *,
    programme: Programme,
    provider: str,
    url_template: str = "",
    api_url: str = "",
    secret: str = "",
    checksum_algorithm: str = "sha1",
    by,
) -> Programme:
    """Store where the programme's online sessions meet. The chosen provider's settings are
    checked by the rooms core (an error names its field); an empty `secret` keeps the stored
    one, so a form never needs to show it back."""
    secret = secret.strip() or programme.bbb_secret
    if provider == RoomProvider.URL_TEMPLATE:
        UrlTemplateRooms(url_template=url_template).validate()
    elif provider == RoomProvider.BIGBLUEBUTTON:
        BigBlueButtonRooms(
            api_url=api_url, secret=secret, checksum_algorithm=checksum_algorithm
        ).validate()
    new = {
        "room_provider": provider,
        "room_url_template": url_template.strip(),
        "bbb_api_url": api_url.strip(),
        "bbb_secret": secret,
        "bbb_checksum_algorithm": checksum_algorithm,
    }
    changes = {field: value for field, value in new.items() if getattr(programme, field) != value}
    if changes:
        for field, value in changes.items():
            setattr(programme, field, value)
        programme.save(update_fields=list(changes))
        log_action(programme, "programme.rooms_changed", by=by, changes=changes)
    return programme


def bbb_meeting_open(*, links: RoomLinks, timeout: float = BBB_TIMEOUT_SECONDS) -> None:
    """Call BigBlueButton's `create` for the room (idempotent: a meeting already running is
    left as it is), so the join link works; a server that does not answer, or refuses, gives a
    `VisitError` a person can read."""
    unreachable = VisitError(
        _(
            "The meeting server did not answer. Try again in a minute; if it still fails, tell "
            "the visit's team."
        )
    )
    # The address is https: the rooms core refused any other when the settings were saved.
    request = urllib.request.Request(links.create_url, headers={"Accept": "application/xml"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            body = answer.read(BBB_ANSWER_MAX_BYTES)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError):
        raise unreachable from None
    code = _RETURNCODE.search(body)
    if code is None:
        raise unreachable
    if code.group(1) != b"SUCCESS":
        key = _MESSAGE_KEY.search(body)
        raise VisitError(
            _("The meeting server refused to open the room (%(reason)s): tell the visit's team.")
            % {"reason": key.group(1).decode() if key else code.group(1).decode()}
        )
