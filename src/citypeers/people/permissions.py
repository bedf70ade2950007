import rules

from citypeers.people.selectors import may_decide


@rules.predicate
def decides_affiliation(user, affiliation) -> bool:
    """A member of the organisation asked (or, where it has none, a coordinator of one of its
    programmes, or staff); never the person who asked."""
    return affiliation is not None and may_decide(user=user, affiliation=affiliation)


@rules.predicate
def asked_affiliation(user, affiliation) -> bool:
    return affiliation is not None and user.is_authenticated and affiliation.user_id == user.pk
