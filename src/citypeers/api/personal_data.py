"""What the API keeps about a person: the programme tokens they made (only a hash of each
secret). Registered by `ApiConfig.ready()` into `people.personal_data`."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.api.models import ApiToken
from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import (
    PersonalData,
    deleted,
    personal_data_register,
    pruned,
    records,
)


def _tokens(user: User) -> list[dict]:
    tokens = ApiToken.objects.filter(created_by=user).select_related("programme")
    fields = [
        "programme",
        "name",
        "shown",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    ]
    return records(tokens, fields)


def _tokens_erase(user: User) -> list:
    return deleted(ApiToken.objects.filter(created_by=user))


def _tokens_prune(now: datetime.datetime) -> int:
    before = TOKENS.cutoff(now)
    return pruned(ApiToken.objects.filter(Q(revoked_at__lt=before) | Q(expires_at__lt=before)))


TOKENS = PersonalData(
    key="api.tokens",
    name=_("API tokens you made"),
    what=_(
        "Each token's name, programme, its first characters, when it was made, last used, "
        "expires or was revoked; the secret only as a one-way hash."
    ),
    purpose=_("Letting a programme's own tools read its data, and tracing who gave access."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("The programme's coordinators and staff."),
    export=_tokens,
    erase=_tokens_erase,
    retention_setting="API_TOKEN_RETENTION_DAYS",
    retention_from=_("the token was revoked or expired"),
    prune=_tokens_prune,
)


def register() -> None:
    personal_data_register(TOKENS)
