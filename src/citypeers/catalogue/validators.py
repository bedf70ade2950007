from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 5 * 1024 * 1024


def validate_image_size(image) -> None:
    if image.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s MB; the most is 5 MB."),
            params={"size": round(image.size / 1024 / 1024, 1)},
            code="image_too_large",
        )
