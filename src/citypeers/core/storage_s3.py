"""Public media in an S3-compatible bucket (MEDIA_STORAGE=s3; settings via `config.py`).

Kept apart from `core.files` so boto3 is imported only where a bucket is configured.
"""

from urllib.parse import urljoin

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PublicS3Storage(S3Storage):
    """Files written to the bucket's `media/`, linked at `base_url` (MEDIA_URL: the bucket's
    own address or a CDN in front of it), unsigned: the same address for every visitor and
    every app server, as long as the image exists."""

    def get_default_settings(self) -> dict:
        return {**super().get_default_settings(), "base_url": None}

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        if not self.base_url:
            return super().url(name, parameters, expire, http_method)
        name = clean_name(name)
        self._normalize_name(name)  # refuses a name that would leave `media/`
        return urljoin(self.base_url, filepath_to_uri(name).lstrip("/"))
