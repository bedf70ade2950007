from citypeers.core.audit import log_action
from citypeers.people.models import User


def user_update_profile(*, user: User, by: User, data: dict) -> User:
    """Save the profile fields a person may change about themselves."""
    changed = {field: str(value) for field, value in data.items() if getattr(user, field) != value}
    for field, value in data.items():
        setattr(user, field, value)
    user.save(update_fields=list(data))
    if changed:
        log_action(user, "profile.updated", by=by, changes=changed)
    return user
