"""Uploaded files on S3-compatible storage, tried against an S3 stand-in (moto), and on one
folder shared by several app servers: uploads behave the same whichever server answers.

The S3 stand-in is moto's `mock_aws`: no network, no real service. It answers at STAND_IN
as a MinIO, Ceph or Scaleway endpoint would (S3_ENDPOINT_URL), so the settings are built by
`config.Config.file_storages` from the same variables production sets.
"""

import io
import json

import boto3
import pytest
import requests
from django.core.files.storage import StorageHandler
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws
from PIL import Image

from citypeers.calls.models import ApplicationFile, Question
from citypeers.calls.services.applications import application_save
from citypeers.catalogue.models import Practice
from citypeers.config import Config
from citypeers.people.services import person_erase
from tests.factories import CallFactory, PlaceFactory, UserFactory, practice_form_data
from tests.samples import PDF

STAND_IN = "https://s3.stand-in.example"  # the S3 stand-in's endpoint: moto answers it
BUCKET = "citypeers-stand-in"
REGION = "fr-par"
CDN = "https://media.citypeers.example/"
# The bucket policy README gives: anyone may read media/, nothing else.
MEDIA_READ_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/media/*",
        }
    ],
}


def stand_in_environment(monkeypatch, **more) -> None:
    """The variables a deployment on an S3-compatible service sets (keys made up)."""
    environment = {
        "MEDIA_STORAGE": "s3",
        "PRIVATE_FILES_STORAGE": "s3",
        "S3_BUCKET_NAME": BUCKET,
        "S3_ENDPOINT_URL": STAND_IN,
        "S3_REGION_NAME": REGION,
        "S3_ACCESS_KEY_ID": "stand-in-key",
        "S3_SECRET_ACCESS_KEY": "stand-in-secret",
        "MOTO_S3_CUSTOM_ENDPOINTS": STAND_IN,  # tells the stand-in to answer there
        **more,
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)


class StandInBucket:
    def __init__(self):
        self.client = boto3.client(
            "s3",
            endpoint_url=STAND_IN,
            region_name=REGION,
            aws_access_key_id="stand-in-key",
            aws_secret_access_key="stand-in-secret",
        )
        self.client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        self.client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(MEDIA_READ_POLICY))

    def keys(self) -> list[str]:
        return [
            item["Key"] for item in self.client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
        ]

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=BUCKET, Key=key)["Body"].read()

    def public_grants(self, key: str) -> list[dict]:
        grants = self.client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        return [grant for grant in grants if grant["Grantee"].get("URI", "").endswith("AllUsers")]


def use_stand_in(settings, tmp_path) -> StandInBucket:
    """Inside `mock_aws`: both storages in the stand-in's bucket, as the environment says."""
    files = Config().file_storages(data_dir=tmp_path, memory_size=1024)
    bucket = StandInBucket()
    settings.STORAGES = {**settings.STORAGES, "default": files.default, "private": files.private}
    settings.MEDIA_URL = files.media_url
    return bucket


@pytest.fixture
def s3_stand_in(settings, monkeypatch, tmp_path):
    """Public media and private files in one bucket of the S3 stand-in, media behind a CDN."""
    stand_in_environment(monkeypatch, MEDIA_URL=CDN)
    with mock_aws():
        yield use_stand_in(settings, tmp_path)


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def tampere(db):
    return PlaceFactory(name="Tampere", country="FI", population=250_000)


def practice_with_image(client, programme, image: bytes) -> Practice:
    """A practice made through the page people use, with an image named mill.png."""
    client.force_login(UserFactory())
    data = practice_form_data(programme) | {
        "image_alt_en": "The old mill at dusk",
        "image": SimpleUploadedFile("mill.png", image, content_type="image/png"),
    }
    response = client.post(reverse("catalogue:create"), data)
    assert response.status_code == 302, response.context["form"].errors
    return Practice.objects.latest("pk")


def attach(applicant, *, question=None) -> ApplicationFile:
    """`applicant`'s application, sent through the service with a CV attached."""
    question = question or Question.objects.create(call=CallFactory(), kind="file", label="Your CV")
    application = application_save(
        call=question.call,
        applicant=applicant,
        fields={"role": "Officer"},
        preferences=[],
        answers={},
        files={question: SimpleUploadedFile("Anna Virtanen CV.pdf", PDF)},
        consent=True,
        submit=True,
        notify=False,
    )
    return application.files.get()


def download(client, attached: ApplicationFile):
    application = attached.application
    address = reverse("calls:file", args=[application.call.slug, application.pk, attached.pk])
    return client.get(address)


@pytest.mark.django_db
def test_s3_stand_in_a_practice_image_lands_in_the_media_folder_and_is_linked_at_the_cdn(
    client, programme, tampere, s3_stand_in
):
    practice = practice_with_image(client, programme, png())
    assert s3_stand_in.keys() == [f"media/{practice.image.name}"]
    assert s3_stand_in.read(f"media/{practice.image.name}") == png()
    page = client.get(practice.get_absolute_url()).text
    assert f'src="{CDN}{practice.image.name}"' in page  # unsigned: the same for everyone


@pytest.mark.django_db
def test_s3_stand_in_a_second_image_of_the_same_name_does_not_replace_the_first(
    client, programme, tampere, s3_stand_in
):
    first = practice_with_image(client, programme, png())
    second = practice_with_image(client, programme, png() + b"second")
    assert first.image.name != second.image.name
    assert s3_stand_in.read(f"media/{first.image.name}") == png()
    assert s3_stand_in.read(f"media/{second.image.name}") == png() + b"second"


@pytest.mark.django_db
def test_s3_stand_in_without_a_cdn_anyone_fetches_the_image_but_not_an_attachment(
    client, programme, tampere, settings, monkeypatch, tmp_path
):
    stand_in_environment(monkeypatch)
    with mock_aws():
        use_stand_in(settings, tmp_path)
        practice = practice_with_image(client, programme, png())
        address = practice.image.url
        assert address == f"{STAND_IN}/{BUCKET}/media/{practice.image.name}"
        assert requests.get(address, timeout=5).content == png()
        attached = attach(UserFactory())
        guessed = f"{STAND_IN}/{BUCKET}/private/{attached.file.name}"
        assert requests.get(guessed, timeout=5).status_code == 403


@pytest.mark.django_db
def test_s3_stand_in_the_applicant_downloads_their_attachment_and_a_stranger_cannot(
    client, s3_stand_in
):
    applicant = UserFactory()
    attached = attach(applicant)
    key = f"private/{attached.file.name}"
    assert s3_stand_in.keys() == [key]
    assert s3_stand_in.public_grants(key) == []
    client.force_login(applicant)
    response = download(client, attached)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="Anna Virtanen CV.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    client.force_login(UserFactory())
    assert download(client, attached).status_code == 403


@pytest.mark.django_db
def test_s3_stand_in_an_attachment_gone_from_the_bucket_is_not_found(client, s3_stand_in):
    applicant = UserFactory()
    attached = attach(applicant)
    s3_stand_in.client.delete_object(Bucket=BUCKET, Key=f"private/{attached.file.name}")
    client.force_login(applicant)
    assert download(client, attached).status_code == 404


@pytest.mark.django_db
def test_s3_stand_in_erasing_a_person_deletes_their_attachment_from_the_bucket(
    s3_stand_in, django_capture_on_commit_callbacks
):
    anna, ben = UserFactory(), UserFactory()
    annas = attach(anna)
    bens = attach(ben, question=annas.question)
    with django_capture_on_commit_callbacks(execute=True):
        person_erase(user=anna, by=anna)
    assert s3_stand_in.keys() == [f"private/{bens.file.name}"]


def test_s3_private_files_are_private_signed_briefly_and_apart_from_the_media(
    monkeypatch, tmp_path
):
    stand_in_environment(monkeypatch, MEDIA_URL=CDN)
    files = Config().file_storages(data_dir=tmp_path, memory_size=1024)
    media, private = files.default["OPTIONS"], files.private["OPTIONS"]
    assert (media["location"], private["location"]) == ("media", "private")
    assert media["bucket_name"] == private["bucket_name"] == BUCKET
    assert private["default_acl"] == "private" and media["default_acl"] is None
    assert private["querystring_auth"] and private["querystring_expire"] <= 60
    assert not media["querystring_auth"]
    assert files.media_origin == "https://media.citypeers.example"  # the CSP lets it in
    monkeypatch.setenv("S3_PRIVATE_BUCKET_NAME", "citypeers-private")
    files = Config().file_storages(data_dir=tmp_path, memory_size=1024)
    assert files.private["OPTIONS"]["bucket_name"] == "citypeers-private"


def test_the_former_private_files_storage_class_still_means_a_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("PRIVATE_FILES_STORAGE", "django.core.files.storage.FileSystemStorage")
    monkeypatch.setenv("PRIVATE_FILES_DIR", str(tmp_path / "shared" / "private"))
    files = Config().file_storages(data_dir=tmp_path, memory_size=1024)
    assert files.private["OPTIONS"]["location"] == tmp_path / "shared" / "private"
    assert files.private["OPTIONS"]["file_permissions_mode"] == 0o600
    assert files.media_url == "/media/" and files.media_origin is None


def test_a_shared_folder_serves_from_one_app_server_what_another_stored(monkeypatch, tmp_path):
    """Two app servers: each builds its own storages from the same settings, over one
    folder they both mount."""
    monkeypatch.setenv("MEDIA_STORAGE", "filesystem")
    monkeypatch.setenv("PRIVATE_FILES_STORAGE", "filesystem")
    monkeypatch.setenv("PRIVATE_FILES_DIR", str(tmp_path / "shared" / "private"))
    files = Config().file_storages(data_dir=tmp_path / "this-server", memory_size=1024)
    first = StorageHandler({"private": files.private})["private"]
    second = StorageHandler({"private": files.private})["private"]
    assert first is not second
    name = first.save("applications/2026/cv.pdf", io.BytesIO(PDF))
    assert second.exists(name)
    with second.open(name, "rb") as stored:
        assert stored.read() == PDF
    assert second.listdir("applications/2026") == ([], ["cv.pdf"])
    again = second.save("applications/2026/cv.pdf", io.BytesIO(b"other"))
    assert again != name  # the second server does not overwrite the first's file
    second.delete(name)
    assert not first.exists(name)
