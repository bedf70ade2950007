"""What the API shows on other apps' pages."""

from django.urls import reverse
from django.utils.translation import gettext as _


def programme_api_tools(programme, user) -> list[tuple[str, str]]:
    """On a programme's page, for its coordinators: its API tokens."""
    if not user.has_perm("api.manage_tokens", programme):
        return []
    return [(_("API tokens"), reverse("api_tokens:list", args=[programme.slug]))]
