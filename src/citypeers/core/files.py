"""Files people upload: the private storage, random stored names, types checked against the
content, and an upload handler that refuses a too-large request before storing any of it.

Uploaded files are never served from MEDIA_ROOT: they live in the storage named "private" in
`settings.STORAGES` (a folder under the data directory by default, any Django storage such as
S3 later) and reach people only through views that check who asks. They are stored under a
random name; the name the person gave is kept in the database for display and download.
"""

import re
import unicodedata
import uuid
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty

# What people may upload, by extension, with the MIME type served. Never SVG or HTML (they
# carry script), whatever a call's own list says. jpg and jpeg are one type.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain",
}
_HEAD_BYTES = 8192  # what `filetype` reads; enough for every signature above
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class _PrivateStorage(LazyObject):
    """`storages["private"]`, looked up when first used (and again after the setting changes)."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


def private_storage() -> Storage:
    """The storage of files only their views serve; a callable, so migrations name it."""
    return _private


@receiver(setting_changed)
def _storages_changed(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        _private._wrapped = empty


@deconstructible
class RandomName:
    """`upload_to` for private files: `<folder>/<year>/<random hex><.extension>`; the
    extension (checked against the content before) lets a storage serve the right type."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()
        suffix = suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.folder == self.folder


def delete_after_commit(file) -> None:
    """Deletes a FieldFile's stored file, through its storage, once the current transaction
    commits (at once outside one); a rolled-back transaction keeps it."""
    if file and file.name:
        storage, name = file.storage, file.name
        transaction.on_commit(lambda: storage.delete(name))


def display_name(name: str, *, max_length: int = 200) -> str:
    """A file name as people gave it, safe to show and to put in a header: no path, no
    control characters, at most `max_length` characters with the extension kept."""
    name = unicodedata.normalize("NFC", PurePath(name.replace("\\", "/")).name)
    name = _CONTROL.sub("", name).replace("\n", "").replace("\r", "").strip() or "file"
    if len(name) > max_length:
        suffix = PurePath(name).suffix[:16]
        name = name[: max_length - len(suffix)] + suffix
    return name


def allowed_extensions(listed: str) -> list[str]:
    """The extensions a call's comma-separated list allows, within ALLOWED_TYPES; all of them
    when the list names none of those."""
    wanted = {part.strip().lower().lstrip(".") for part in listed.split(",") if part.strip()}
    if wanted & {"jpg", "jpeg"}:
        wanted |= {"jpg", "jpeg"}
    return sorted(wanted & ALLOWED_TYPES.keys()) or sorted(ALLOWED_TYPES)


def _head(upload) -> bytes:
    upload.seek(0)
    head = upload.read(_HEAD_BYTES)
    upload.seek(0)
    return head


def _is_plain_text(head: bytes) -> bool:
    """UTF-8 text without control characters, and not markup a browser would run."""
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The first 8 KB may end inside a character: only that end may fail.
        if error.start < len(head) - 3:
            return False
        text = head[: error.start].decode("utf-8-sig")
    return not _CONTROL.search(text) and not text.lstrip().startswith("<")


def content_type_of(upload, extensions: list[str]) -> str | None:
    """The MIME type of `upload` if its name's extension is one of `extensions` and its
    content is of that type; else None. The content decides, not the name a person gave."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in extensions or extension not in ALLOWED_TYPES:
        return None
    head = _head(upload)
    kind = filetype.guess(head)
    expected = ALLOWED_TYPES[extension]
    if expected == "text/plain":
        return expected if kind is None and _is_plain_text(head) else None
    return expected if kind is not None and kind.mime == expected else None


class TooLargeUpload(UploadedFile):
    """What a form receives in place of a file the upload handler refused for its size:
    nothing of it is stored; the form says so at the field."""

    too_large = True

    def __init__(self, *, name: str, content_type: str, size: int):
        super().__init__(file=None, name=name, content_type=content_type, size=size)

    def open(self, mode=None):
        raise ValueError("A refused upload has no content.")

    def close(self):
        pass


def upload_limit() -> int:
    """The most, in bytes, the files of one request may weigh together."""
    return settings.UPLOAD_MAX_SIZE


class SizeLimitUploadHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: past UPLOAD_MAX_SIZE, a file is neither kept in memory
    nor written to disk, and the form gets a `TooLargeUpload` to refuse at its field.

    A request whose declared length already exceeds the limit (with room for the text
    fields) has its files refused before a byte of them is stored; otherwise bytes are counted
    as they come. The rest of the request is still read, so the other answers reach the form.
    """

    received, declared_too_large = 0, False  # bytes of this request's earlier files

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0
        text_room = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        self.declared_too_large = content_length > upload_limit() + text_room

    def new_file(self, field_name, file_name, content_type, content_length, *args, **kwargs):
        super().new_file(field_name, file_name, content_type, content_length, *args, **kwargs)
        self.size, self.refused = 0, self.declared_too_large
        if content_length and self.received + content_length > upload_limit():
            self.refused = True  # the part declares its own length: too much already
        if self.refused:
            raise StopFutureHandlers  # the handlers that store files never start this one

    def receive_data_chunk(self, raw_data: bytes, start: int):
        self.size += len(raw_data)
        if not self.refused and self.received + self.size > upload_limit():
            self.refused = True
            self._discard_stored()
        return None if self.refused else raw_data

    def file_complete(self, file_size: int):
        self.received += self.size
        if not self.refused:
            return None  # the next handler stores it
        return TooLargeUpload(name=self.file_name, content_type=self.content_type, size=self.size)

    def _discard_stored(self) -> None:
        """Closes (and so deletes) what the later handlers stored of this file so far."""
        for handler in getattr(self.request, "upload_handlers", []):
            if handler is not self and getattr(handler, "file", None) is not None:
                handler.file.close()
