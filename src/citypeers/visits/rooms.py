"""Online rooms: the link a person follows to a session's room, or to their breakout group's.

Plain code on plain dataclasses (no model, no request): a programme's provider configuration
(`UrlTemplateRooms` or `BigBlueButtonRooms`, later stored per programme and adapted to these
classes by a service) and a `Room` (the visit, the session and, for a breakout group, the
group: ids and titles) go in; `room_links(provider=, room=, person=)` gives `RoomLinks` back.

- A URL template (a Jitsi Meet server, or any service that opens a room from its address):
  `{room}` becomes `room_name(room)`, a readable prefix from the titles and a digest that is an
  HMAC of the ids under `settings.SECRET_KEY`. Nobody can guess another visit's room from their
  own, and the same room always gets the same name. The digest depends on the ids only; the
  prefix follows the titles, so a renamed session gets a new address: links are computed when
  shown, never stored. Such servers cannot tell moderators apart from a link, so everyone gets
  the same one.
- BigBlueButton through its API: a signed `create` URL (for the server to call before sending
  anyone in; the call is idempotent, never shown to a person) and a signed `join` URL per person,
  `role=MODERATOR` or `role=VIEWER` (BigBlueButton 2.4 and later; the passwords are deprecated).
  The meeting ID is an HMAC of the ids alone, so renaming a session keeps its meeting.

A bad configuration raises `core.errors.VisitError` with a translatable message and the name of
the dataclass field it is about (`error.field`), as every service does, so a form shows it at
that field with `core.http.add_error_to_form` (a model's `clean()` can wrap it in a
`ValidationError({error.field: error.message})`). Not a bare `ValueError`: its text would be
neither translated nor tied to a field. Not Django's `ValidationError`: that would tie this
module to forms, and the house's path from a refusal to a field is `CitypeersError.field`.
"""

import dataclasses
import hashlib
import hmac
import html
import re
import unicodedata
from base64 import b32encode
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from citypeers.core.errors import VisitError

PLACEHOLDER = "{room}"
# The hash functions BigBlueButton accepts for the checksum (`supportedChecksumAlgorithms` in
# bbb-web.properties, SHA-1 by default; the others since BigBlueButton 2.5).
CHECKSUM_ALGORITHMS = ("sha1", "sha256", "sha384", "sha512")
# BigBlueButton's limits (API reference, "Updated in 2.4"): a meeting's name is 2 to 64
# characters long; its ID at most 256, ASCII letters, digits, dashes and underscores only.
BBB_NAME_MAX = 64
DIGEST_BYTES = 10  # 80 bits, 16 base32 characters: not found by trying
PREFIX_PART_MAX = 24
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_BRACES = re.compile(r"\{[^{}]*\}|[{}]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_MARK = "roomnamegoeshere"  # stands for {room} while the address is parsed


@dataclasses.dataclass(frozen=True)
class Room:
    """One room: a session's, or one breakout group's within it."""

    visit_id: int
    visit_title: str
    session_id: int
    session_title: str
    group_id: int | None = None
    group_title: str = ""


@dataclasses.dataclass(frozen=True)
class Person:
    """Who follows the link: the name shown to the others, and whether they moderate."""

    name: str
    moderator: bool = False
    user_id: int | None = None  # given to BigBlueButton, which reports it back per attendee


@dataclasses.dataclass(frozen=True)
class RoomLinks:
    """What a person is given for a room.

    `join_url` is theirs to follow. `create_url` (BigBlueButton only) is for the server to call
    before handing out `join_url`; it is never shown. `name` is the room's name, or the meeting's
    ID on BigBlueButton."""

    join_url: str
    name: str
    moderator: bool
    create_url: str | None = None


@dataclasses.dataclass(frozen=True)
class UrlTemplateRooms:
    """Rooms opened from an address, such as "https://meet.example.org/{room}"."""

    url_template: str

    def validate(self) -> None:
        """Refuses an address that is not https, or without exactly one {room} and no other
        placeholder, naming what is wrong."""
        template = self.url_template.strip()
        field = "url_template"
        if not template:
            raise VisitError(_("Give the address of the meeting server."), field=field)
        if _CONTROL.search(template) or " " in template:
            raise VisitError(_("An address cannot contain spaces or line breaks."), field=field)
        count = template.count(PLACEHOLDER)
        if count == 0:
            raise VisitError(
                _("Put {room} in the address, where the room's name goes."), field=field
            )
        if count > 1:
            raise VisitError(_("Put {room} only once in the address."), field=field)
        others = _BRACES.findall(template.replace(PLACEHOLDER, ""))
        if others:
            raise VisitError(
                _("Only {room} can be filled in; remove %(others)s.")
                % {"others": ", ".join(dict.fromkeys(others))},
                field=field,
            )
        parts = urlsplit(template.replace(PLACEHOLDER, _MARK))
        if parts.scheme.lower() != "https" or not parts.hostname:
            raise VisitError(
                _("The address must start with https:// and a server's name."), field=field
            )
        if _MARK in parts.netloc:
            raise VisitError(_("Put {room} after the server's name, not in it."), field=field)

    def links(self, *, room: Room, person: Person) -> RoomLinks:
        name = room_name(room)
        url = self.url_template.strip().replace(PLACEHOLDER, name)
        return RoomLinks(join_url=url, name=name, moderator=person.moderator)


@dataclasses.dataclass(frozen=True)
class BigBlueButtonRooms:
    """Rooms on a BigBlueButton server, through its API and shared secret (`bbb-conf --secret`
    prints both). `api_url` is the API's address ("https://bbb.example.org/bigbluebutton/api");
    the address `bbb-conf` prints, ending in "/bigbluebutton/", is taken too. `welcome` is
    shown in the room's chat; empty, each room greets with its own name."""

    api_url: str
    secret: str
    checksum_algorithm: str = "sha1"
    welcome: str = ""

    def validate(self) -> None:
        """Refuses an API address that is not https, an empty secret or an unknown hash."""
        parts = urlsplit(self.api_url.strip())
        if parts.scheme.lower() != "https" or not parts.hostname:
            raise VisitError(
                _("The address must start with https:// and a server's name."), field="api_url"
            )
        if parts.query or parts.fragment:
            raise VisitError(
                _("Give the API's address without anything after a ? or a #."), field="api_url"
            )
        secret = self.secret.strip()
        if not secret or _CONTROL.search(secret) or " " in secret:
            raise VisitError(
                _("Give the server's shared secret, as `bbb-conf --secret` prints it."),
                field="secret",
            )
        if self.checksum_algorithm not in CHECKSUM_ALGORITHMS:
            raise VisitError(
                _("Choose one of %(algorithms)s.") % {"algorithms": ", ".join(CHECKSUM_ALGORITHMS)},
                field="checksum_algorithm",
            )

    @property
    def endpoint(self) -> str:
        """The API's address ending in "/api/", to which the call's name is added."""
        url = self.api_url.strip().rstrip("/")
        return f"{url}/" if url.endswith("/api") else f"{url}/api/"

    def signed_url(self, call: str, params: dict[str, str]) -> str:
        """The address of an API call with its checksum, as the API reference specifies."""
        query = urlencode(params)
        checksum = bbb_checksum(
            call=call, query=query, secret=self.secret.strip(), algorithm=self.checksum_algorithm
        )
        return f"{self.endpoint}{call}?{query}&checksum={checksum}"

    def links(self, *, room: Room, person: Person) -> RoomLinks:
        meeting_id = bbb_meeting_id(room)
        title = meeting_title(room)
        create = {
            "name": title,
            "meetingID": meeting_id,
            "welcome": _welcome_html(self.welcome or _("Welcome to %(room)s.") % {"room": title}),
        }
        join = {
            "fullName": _one_line(person.name),
            "meetingID": meeting_id,
            "role": "MODERATOR" if person.moderator else "VIEWER",
        }
        if person.user_id is not None:
            join["userID"] = str(person.user_id)
        return RoomLinks(
            join_url=self.signed_url("join", join),
            name=meeting_id,
            moderator=person.moderator,
            create_url=self.signed_url("create", create),
        )


Provider = UrlTemplateRooms | BigBlueButtonRooms


def room_links(*, provider: Provider, room: Room, person: Person) -> RoomLinks:
    """The links a person is given for a room; the provider is validated first."""
    provider.validate()
    return provider.links(room=room, person=person)


def bbb_checksum(*, call: str, query: str, secret: str, algorithm: str = "sha1") -> str:
    """BigBlueButton's checksum: the hash of the call's name, the query string as sent (without
    the checksum) and the shared secret, in hexadecimal."""
    if algorithm not in CHECKSUM_ALGORITHMS:
        raise ValueError(f"BigBlueButton takes no {algorithm!r} checksum")
    return hashlib.new(algorithm, f"{call}{query}{secret}".encode()).hexdigest()


def room_name(room: Room) -> str:
    """The room's name for a URL template: lowercase letters, digits and dashes; the titles'
    words, then 16 characters that only someone knowing the secret key can compute."""
    titles = (room.visit_title, room.session_title, room.group_title)
    prefix = [part for part in (_slug(title) for title in titles) if part]
    return "-".join([*prefix, _digest(room)])


def bbb_meeting_id(room: Room) -> str:
    """The room's BigBlueButton meeting ID: from the ids alone, so renaming keeps the meeting."""
    return f"citypeers-{_digest(room)}"


def meeting_title(room: Room) -> str:
    """The meeting's name people see: "visit · session · group", cut to BigBlueButton's 64
    characters, with an ellipsis where it was cut."""
    title = " · ".join(
        _one_line(part)
        for part in (room.visit_title, room.session_title, room.group_title)
        if part.strip()
    )
    if len(title) > BBB_NAME_MAX:
        title = title[: BBB_NAME_MAX - 1].rstrip() + "…"
    return title if len(title) >= 2 else bbb_meeting_id(room)


def _digest(room: Room) -> str:
    # The purpose in the message keeps these digests apart from any other HMAC of the same key.
    group = "" if room.group_id is None else room.group_id  # group 0 is a group, not the session
    ids = f"citypeers.visits.rooms:{room.visit_id}:{room.session_id}:{group}"
    mac = hmac.new(settings.SECRET_KEY.encode(), ids.encode(), hashlib.sha256).digest()
    return b32encode(mac[:DIGEST_BYTES]).decode().lower()


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:PREFIX_PART_MAX].rstrip("-")


def _one_line(text: str) -> str:
    """Text on one line: BigBlueButton refuses control characters (0x00 to 0x1F)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _welcome_html(text: str) -> str:
    """The welcome message, which BigBlueButton reads as HTML and in which it replaces
    %%CONFNAME%% and its kin: our text is escaped, its per cent signs too, its lines kept."""
    lines = (html.escape(line).replace("%", "&#37;") for line in text.splitlines())
    return "<br>".join(" ".join(_CONTROL.sub(" ", line).split()) for line in lines)
