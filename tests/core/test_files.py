"""File checks: types read from the content against an allow-list, names made safe, random
stored names, and the private storage outside MEDIA_ROOT."""

import pytest

from citypeers.core.files import (
    RandomName,
    allowed_extensions,
    content_type_of,
    display_name,
    private_storage,
)
from tests.samples import (
    HTML,
    LINUX_EXECUTABLE,
    PDF,
    PNG,
    SVG_WITH_SCRIPT,
    TEXT,
    WINDOWS_EXECUTABLE,
    office,
    opendocument_text,
    upload,
)

EVERY_TYPE = allowed_extensions("")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", PDF, "application/pdf"),
        ("photo.PNG", PNG, "image/png"),
        (
            "letter.docx",
            office("word"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "budget.xlsx",
            office("xl"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "slides.pptx",
            office("ppt"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("letter.odt", opendocument_text(), "application/vnd.oasis.opendocument.text"),
        ("notes.txt", TEXT, "text/plain"),
    ],
)
def test_files_of_each_accepted_type_are_recognised_by_their_content(name, content, expected):
    assert content_type_of(upload(name, content), EVERY_TYPE) == expected


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.pdf", WINDOWS_EXECUTABLE),
        ("cv.pdf", LINUX_EXECUTABLE),
        ("cv.docx", PDF),  # a real file, but not of the type its name says
        ("photo.png", SVG_WITH_SCRIPT),
        ("notes.txt", SVG_WITH_SCRIPT),
        ("notes.txt", HTML),
        ("notes.txt", WINDOWS_EXECUTABLE),
        ("drawing.svg", SVG_WITH_SCRIPT),
        ("page.html", HTML),
        ("cv", PDF),  # no extension: nothing to check the content against
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(name, content):
    assert content_type_of(upload(name, content), EVERY_TYPE) is None


def test_svg_and_html_are_never_accepted_even_when_a_call_lists_them():
    assert allowed_extensions("svg, html, pdf") == ["pdf"]
    assert "svg" not in allowed_extensions("svg") and "html" not in allowed_extensions("html")
    extensions = allowed_extensions("svg, pdf")
    assert content_type_of(upload("drawing.svg", SVG_WITH_SCRIPT), extensions) is None


def test_a_calls_list_of_types_is_read_whatever_its_case_dots_and_spaces():
    assert allowed_extensions(" .PDF,docx ,, ") == ["docx", "pdf"]
    assert allowed_extensions("jpg") == ["jpeg", "jpg"]  # one type, two spellings
    assert content_type_of(upload("cv.pdf", PDF), ["docx"]) is None


def test_text_cut_inside_a_character_at_8_kb_is_still_text():
    text = ("é" * 5000).encode()  # 10,000 bytes: the first 8,192 end inside a character
    assert content_type_of(upload("notes.txt", text), ["txt"]) == "text/plain"


def test_the_check_leaves_the_file_readable_from_its_start():
    file = upload("cv.pdf", PDF)
    content_type_of(file, ["pdf"])
    assert file.read() == PDF


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("cv.pdf", "cv.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\anna\\cv.pdf", "cv.pdf"),
        ("cv\r\nX-Injected: yes.pdf", "cvX-Injected: yes.pdf"),
        ("   ", "file"),
        ("Lebenslauf Müller.pdf", "Lebenslauf Müller.pdf"),
    ],
)
def test_the_name_a_person_gave_is_kept_without_paths_or_control_characters(given, shown):
    assert display_name(given) == shown


def test_a_long_name_is_cut_but_keeps_its_extension():
    name = display_name("a" * 300 + ".pdf", max_length=200)
    assert len(name) == 200 and name.endswith(".pdf")


def test_stored_names_are_random_and_keep_only_a_plain_extension():
    name = RandomName("applications")
    first, second = name(None, "My CV.PDF"), name(None, "My CV.PDF")
    assert first != second
    assert first.startswith("applications/") and first.endswith(".pdf")
    assert "CV" not in first
    # An extension that is not plain is dropped (the random hex itself may end in "f").
    assert "." not in name(None, "cv.p<d>f").rsplit("/", 1)[1]


def test_the_private_storage_is_in_the_data_directory_outside_media_root(settings):
    location = private_storage().location
    assert location.startswith(str(settings.DATA_DIR))
    assert not location.startswith(str(settings.MEDIA_ROOT))
