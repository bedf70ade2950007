"""What a reader of the API may see: the public, or the public and one programme's data not
yet public (a token's programme). Every selector of the API takes one."""

from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class Scope:
    programme_id: int | None = None  # None: the public

    @property
    def key(self) -> str:
        """Part of the ETag: two readers who see different data never share one."""
        return f"programme:{self.programme_id}" if self.programme_id else "public"

    def or_own(self, public: Q, programme_field: str = "programme_id") -> Q:
        """`public`, widened to every row of the token's programme."""
        if self.programme_id is None:
            return public
        return public | Q(**{programme_field: self.programme_id})


PUBLIC = Scope()
