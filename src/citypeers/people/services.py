from citypeers.core.audit import log_action
from citypeers.people.models import Organisation, User


def user_update_profile(*, user: User, by: User, data: dict) -> User:
    """Save the profile fields a person may change about themselves."""
    changed = {field: str(value) for field, value in data.items() if getattr(user, field) != value}
    for field, value in data.items():
        setattr(user, field, value)
    user.save(update_fields=list(data))
    if changed:
        log_action(user, "profile.updated", by=by, changes=changed)
    return user


def organisations_named(names: list[str], *, places=(), by: User) -> list[Organisation]:
    """The organisations with these names, in order, adding those not known yet.

    Among namesakes, one in `places` wins; a new organisation is placed in the first of them
    and typed "other" until a coordinator knows better.
    """
    places = list(places)
    found = []
    for name in names:
        namesakes = list(Organisation.objects.filter(name__iexact=name).select_related("place"))
        in_places = [organisation for organisation in namesakes if organisation.place in places]
        if in_places or namesakes:
            found.append((in_places or namesakes)[0])
            continue
        organisation = Organisation.objects.create(
            name=name, type=Organisation.Type.OTHER, place=places[0] if places else None
        )
        log_action(organisation, "organisation.created", by=by, changes={"name": name})
        found.append(organisation)
    return found
