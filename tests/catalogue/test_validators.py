import pytest
from django.core.exceptions import ValidationError

from citypeers.catalogue.validators import MAX_IMAGE_BYTES, validate_image_size


class _Upload:
    def __init__(self, size):
        self.size = size


def test_an_image_of_five_megabytes_is_accepted():
    validate_image_size(_Upload(MAX_IMAGE_BYTES))


def test_a_larger_image_is_refused_with_its_size_in_megabytes():
    with pytest.raises(ValidationError) as refusal:
        validate_image_size(_Upload(MAX_IMAGE_BYTES + 1))
    assert refusal.value.messages == ["The image is 5.0 MB; the most is 5 MB."]
    assert refusal.value.code == "image_too_large"
    with pytest.raises(ValidationError) as refusal:
        validate_image_size(_Upload(12 * 1024 * 1024))
    assert refusal.value.messages == ["The image is 12.0 MB; the most is 5 MB."]
