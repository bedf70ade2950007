"""The demo programme's API token, so its coordinators' tokens page shows one in use. Its
secret is not kept anywhere: to try the API with a token, make a new one on that page."""

from citypeers.api.services import api_token_create


def api_tokens_load(*, programme, coordinator) -> None:
    if not programme.api_tokens.exists():
        api_token_create(programme=programme, name="Programme dashboard", by=coordinator)
