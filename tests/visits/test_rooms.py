"""Online rooms: addresses people can follow and nobody can guess, and BigBlueButton calls signed
as its API reference specifies (no server runs here, so the checksums are what is tested)."""

import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from citypeers.core.errors import VisitError
from citypeers.visits.rooms import (
    BigBlueButtonRooms,
    Person,
    Room,
    UrlTemplateRooms,
    bbb_checksum,
    room_links,
    room_name,
)

JITSI = UrlTemplateRooms(url_template="https://meet.example.org/{room}")
BBB = BigBlueButtonRooms(
    api_url="https://bbb.example.org/bigbluebutton/api", secret="s3cr3t-shared-with-bbb"
)
SESSION = Room(
    visit_id=7, visit_title="Lisbon: heritage walks", session_id=41, session_title="Welcome"
)
GROUP = Room(
    visit_id=7,
    visit_title="Lisbon: heritage walks",
    session_id=42,
    session_title="Peer review",
    group_id=3,
    group_title="Group 3",
)
ANA = Person(name="Ana", user_id=12)
HOST = Person(name="Rita", moderator=True)


def refusal(provider) -> VisitError:
    with pytest.raises(VisitError) as caught:
        provider.validate()
    return caught.value


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def signed_correctly(provider: BigBlueButtonRooms, url: str) -> bool:
    """What a BigBlueButton server checks: the checksum of the query string as received."""
    parts = urlsplit(url)
    call = parts.path.rsplit("/", 1)[1]
    unsigned, checksum = parts.query.rsplit("&checksum=", 1)
    expected = hashlib.new(
        provider.checksum_algorithm, f"{call}{unsigned}{provider.secret}".encode()
    ).hexdigest()
    return checksum == expected


# Template validation


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("", "Give the address of the meeting server."),
        ("https://meet.example.org/", "Put {room} in the address, where the room's name goes."),
        ("https://meet.example.org/{room}/{room}", "Put {room} only once in the address."),
        (
            "https://meet.example.org/{room}?lang={lang}",
            "Only {room} can be filled in; remove {lang}.",
        ),
        ("https://meet.example.org/{room}{0}{}", "Only {room} can be filled in; remove {0}, {}."),
        ("https://meet.example.org/{Room}{room}", "Only {room} can be filled in; remove {Room}."),
        (
            "http://meet.example.org/{room}",
            "The address must start with https:// and a server's name.",
        ),
        ("meet.example.org/{room}", "The address must start with https:// and a server's name."),
        ("https:///{room}", "The address must start with https:// and a server's name."),
        ("https://{room}.example.org/", "Put {room} after the server's name, not in it."),
        (
            "https://meet.example.org/a room/{room}",
            "An address cannot contain spaces or line breaks.",
        ),
    ],
)
def test_a_bad_url_template_is_refused_at_its_field_saying_what_to_change(template, message):
    error = refusal(UrlTemplateRooms(url_template=template))

    assert error.message == message
    assert error.field == "url_template"


@pytest.mark.parametrize(
    "template",
    [
        "https://meet.example.org/{room}",
        "https://meet.example.org/citypeers/{room}#config.startWithAudioMuted=true",
        "https://video.example.org/join?room={room}",
        "HTTPS://meet.example.org:8443/{room}",
    ],
)
def test_a_good_url_template_is_accepted_and_used(template):
    UrlTemplateRooms(url_template=template).validate()

    url = room_links(
        provider=UrlTemplateRooms(url_template=template), room=SESSION, person=ANA
    ).join_url

    assert url == template.replace("{room}", room_name(SESSION))


def test_the_refusal_is_translated():
    with translation.override("fr"):
        error = refusal(UrlTemplateRooms(url_template="http://meet.example.org/{room}"))

    assert (
        error.message
        == "L\u2019adresse doit commencer par https:// suivi du nom d\u2019un serveur."
    )


# Room names


def test_a_room_keeps_its_name(settings):
    settings.SECRET_KEY = "one secret key for this instance"
    first = room_name(SESSION)

    assert room_name(Room(**vars(SESSION))) == first
    assert room_links(provider=JITSI, room=SESSION, person=ANA).join_url == (
        f"https://meet.example.org/{first}"
    )


def test_a_room_name_is_readable_and_safe_in_an_address():
    name = room_name(
        Room(visit_id=1, visit_title="Šibenik & Co.", session_id=2, session_title="Café «débat»")
    )

    assert name.startswith("sibenik-co-cafe-debat-")
    assert len(name.rsplit("-", 1)[1]) == 16
    assert all(char.isascii() and (char.isalnum() or char == "-") for char in name)
    assert name == name.lower()


def test_long_titles_give_a_name_of_bounded_length():
    name = room_name(Room(visit_id=1, visit_title="A" * 300, session_id=2, session_title="B" * 300))

    assert len(name) <= 24 + 1 + 24 + 1 + 16


def test_every_session_and_group_has_its_own_room():
    rooms = [
        SESSION,
        Room(
            visit_id=7, visit_title="Lisbon: heritage walks", session_id=43, session_title="Welcome"
        ),
        Room(
            visit_id=8, visit_title="Lisbon: heritage walks", session_id=41, session_title="Welcome"
        ),
        GROUP,
        Room(**{**vars(GROUP), "group_id": 4}),
        Room(**{**vars(GROUP), "group_id": None, "group_title": ""}),
        Room(**{**vars(GROUP), "group_id": 0}),  # groups count from 0: not the session's room
    ]

    assert len({room_name(room) for room in rooms}) == len(rooms)
    assert len({room_name(room).rsplit("-", 1)[1] for room in rooms}) == len(rooms)


def test_a_room_name_cannot_be_guessed_from_the_ids_or_from_ones_own(settings):
    # Same titles, same ids: only the secret key sets the digest, so knowing one's own room and
    # the next visit's id tells nothing about the next visit's room.
    settings.SECRET_KEY = "the key of one instance"
    here = room_name(SESSION)
    settings.SECRET_KEY = "the key of another instance"
    elsewhere = room_name(SESSION)

    assert here != elsewhere
    assert here.rsplit("-", 1)[0] == elsewhere.rsplit("-", 1)[0]


def test_everyone_gets_the_same_link_from_a_url_template():
    attendee = room_links(provider=JITSI, room=GROUP, person=ANA)
    moderator = room_links(provider=JITSI, room=GROUP, person=HOST)

    assert attendee.join_url == moderator.join_url
    assert (attendee.moderator, moderator.moderator) == (False, True)
    assert attendee.create_url is None


# BigBlueButton


def test_checksum_matches_the_api_references_worked_example():
    # docs.bigbluebutton.org/development/api, "API Security Model" > "Usage" (in the
    # bigbluebutton/bigbluebutton repository: docs/docs/development/api.md): the query string
    # "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444" of the call
    # "create" with the shared secret "639259d4-9dd8-4b25-bf01-95f9567eaf4b" has the SHA-1
    # checksum "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17".
    checksum = bbb_checksum(
        call="create",
        query="name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444",
        secret="639259d4-9dd8-4b25-bf01-95f9567eaf4b",
    )

    assert checksum == "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"


def test_a_signed_call_reproduces_the_worked_example_from_its_parameters():
    provider = BigBlueButtonRooms(
        api_url="https://bbb.example.org/bigbluebutton/api",
        secret="639259d4-9dd8-4b25-bf01-95f9567eaf4b",
    )
    params = {
        "name": "Test Meeting",
        "meetingID": "abc123",
        "attendeePW": "111222",
        "moderatorPW": "333444",
    }

    assert provider.signed_url("create", params) == (
        "https://bbb.example.org/bigbluebutton/api/create?name=Test+Meeting&meetingID=abc123"
        "&attendeePW=111222&moderatorPW=333444&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"
    )


@pytest.mark.parametrize("algorithm", ["sha256", "sha384", "sha512"])
def test_a_server_configured_for_another_hash_gets_that_hash(algorithm):
    # No worked example in the reference for these: the expected value is the documented
    # formula (hash of call name + query string + shared secret) computed here with hashlib.
    provider = BigBlueButtonRooms(
        api_url=BBB.api_url, secret=BBB.secret, checksum_algorithm=algorithm
    )
    links = room_links(provider=provider, room=SESSION, person=ANA)
    checksum = query(links.join_url)["checksum"]

    assert len(checksum) == hashlib.new(algorithm).digest_size * 2
    assert signed_correctly(provider, links.join_url)
    assert signed_correctly(provider, links.create_url)


def test_create_and_join_are_signed_with_the_shared_secret():
    links = room_links(provider=BBB, room=GROUP, person=ANA)
    forged = BigBlueButtonRooms(api_url=BBB.api_url, secret="someone else's guess")

    assert links.create_url.startswith("https://bbb.example.org/bigbluebutton/api/create?")
    assert links.join_url.startswith("https://bbb.example.org/bigbluebutton/api/join?")
    assert signed_correctly(BBB, links.create_url)
    assert signed_correctly(BBB, links.join_url)
    assert not signed_correctly(forged, links.join_url)
    assert len(query(links.join_url)["checksum"]) == 40  # SHA-1 unless configured otherwise


def test_moderators_and_attendees_join_with_their_role():
    attendee = room_links(provider=BBB, room=GROUP, person=ANA)
    moderator = room_links(provider=BBB, room=GROUP, person=HOST)

    assert query(attendee.join_url)["role"] == "VIEWER"
    assert query(moderator.join_url)["role"] == "MODERATOR"
    assert "password" not in query(attendee.join_url)  # deprecated since BigBlueButton 2.4
    assert query(attendee.join_url)["meetingID"] == query(moderator.join_url)["meetingID"]
    assert attendee.create_url == moderator.create_url
    assert query(attendee.join_url)["userID"] == "12"
    assert "userID" not in query(moderator.join_url)


def test_a_meeting_keeps_its_id_when_the_session_is_renamed():
    renamed = Room(**{**vars(GROUP), "session_title": "Peer review, second round"})
    before = query(room_links(provider=BBB, room=GROUP, person=ANA).create_url)
    after = query(room_links(provider=BBB, room=renamed, person=ANA).create_url)

    assert after["meetingID"] == before["meetingID"]
    assert after["name"] != before["name"]
    assert (
        before["meetingID"]
        != query(room_links(provider=BBB, room=SESSION, person=ANA).create_url)["meetingID"]
    )


def test_meeting_id_uses_only_the_characters_the_api_allows():
    meeting_id = room_links(provider=BBB, room=GROUP, person=ANA).name

    assert 2 <= len(meeting_id) <= 256
    assert all(char.isascii() and (char.isalnum() or char in "-_") for char in meeting_id)


def test_names_with_spaces_accents_and_ampersands_arrive_intact():
    room = Room(
        visit_id=1, visit_title="Šibenik & Kortrijk", session_id=2, session_title="Café débat"
    )
    person = Person(name="José & Zoë O'Brien")
    links = room_links(provider=BBB, room=room, person=person)
    join = urlsplit(links.join_url).query
    create = urlsplit(links.create_url).query

    assert "fullName=Jos%C3%A9+%26+Zo%C3%AB+O%27Brien&" in join
    assert "name=%C5%A0ibenik+%26+Kortrijk+%C2%B7+Caf%C3%A9+d%C3%A9bat&" in create
    assert query(links.join_url)["fullName"] == "José & Zoë O'Brien"
    assert query(links.create_url)["name"] == "Šibenik & Kortrijk · Café débat"
    assert signed_correctly(BBB, links.join_url)
    assert signed_correctly(BBB, links.create_url)


def test_a_name_cannot_smuggle_in_parameters_or_line_breaks():
    person = Person(name="Eve&role=MODERATOR\r\nX")
    params = query(room_links(provider=BBB, room=SESSION, person=person).join_url)

    assert params["role"] == "VIEWER"
    assert params["fullName"] == "Eve&role=MODERATOR X"


def test_a_long_meeting_name_is_cut_to_the_apis_64_characters():
    room = Room(
        visit_id=1, visit_title="A long visit title " * 5, session_id=2, session_title="Welcome"
    )
    name = query(room_links(provider=BBB, room=room, person=ANA).create_url)["name"]

    assert len(name) == 64
    assert name.endswith("…")


def test_the_welcome_text_shows_as_written():
    # BigBlueButton reads the welcome message as HTML and replaces %%CONFNAME%% in it.
    provider = BigBlueButtonRooms(
        api_url=BBB.api_url,
        secret=BBB.secret,
        welcome="Mics off <please> & 100%%CONFNAME%%\nThanks",
    )
    welcome = query(room_links(provider=provider, room=SESSION, person=ANA).create_url)["welcome"]

    assert welcome == "Mics off &lt;please&gt; &amp; 100&#37;&#37;CONFNAME&#37;&#37;<br>Thanks"


def test_without_a_welcome_text_the_room_greets_with_its_name():
    with translation.override("fr"):
        welcome = query(room_links(provider=BBB, room=SESSION, person=ANA).create_url)["welcome"]

    assert welcome == "Bienvenue dans Lisbon: heritage walks · Welcome."


@pytest.mark.parametrize(
    "api_url",
    [
        "https://bbb.example.org/bigbluebutton/api",
        "https://bbb.example.org/bigbluebutton/api/",
        "https://bbb.example.org/bigbluebutton/",  # as `bbb-conf --secret` prints it
    ],
)
def test_the_api_address_is_taken_with_or_without_its_api_part(api_url):
    provider = BigBlueButtonRooms(api_url=api_url, secret=BBB.secret)

    url = room_links(provider=provider, room=SESSION, person=ANA).join_url

    assert url.startswith("https://bbb.example.org/bigbluebutton/api/join?")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"api_url": "http://bbb.example.org/bigbluebutton/api"},
            "api_url",
            "The address must start with https:// and a server's name.",
        ),
        (
            {"api_url": "https://bbb.example.org/bigbluebutton/api?x=1"},
            "api_url",
            "Give the API's address without anything after a ? or a #.",
        ),
        (
            {"secret": "  "},
            "secret",
            "Give the server's shared secret, as `bbb-conf --secret` prints it.",
        ),
        (
            {"checksum_algorithm": "md5"},
            "checksum_algorithm",
            "Choose one of sha1, sha256, sha384, sha512.",
        ),
    ],
)
def test_a_bad_bigbluebutton_configuration_is_refused_at_its_field(changes, field, message):
    error = refusal(BigBlueButtonRooms(**{**vars(BBB), **changes}))

    assert (error.field, error.message) == (field, message)


def test_no_link_is_made_from_a_bad_configuration():
    with pytest.raises(VisitError):
        room_links(
            provider=UrlTemplateRooms(url_template="http://meet.example.org/{room}"),
            room=SESSION,
            person=ANA,
        )
