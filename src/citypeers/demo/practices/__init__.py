"""Demo data for the practice library: ten real practices and a generator of made-up ones.

Standard library only, so it can be read, tested and re-used without Django.

- ``CHIA_2021_PRACTICES`` (``chia_2021``): the practices behind the ten online peer-learning
  visits of Cultural Heritage in Action in 2021, one TOML file each.
- ``generated_practices()`` (``generated``): a deterministic set of clearly made-up practices.
- ``themes``: the themes and practice types that both use.
"""

from citypeers.demo.practices.chia_2021 import CHIA_2021_PRACTICES
from citypeers.demo.practices.generated import (
    DEMO_SENTENCE,
    SIZE_HINTS,
    SIZE_WEIGHTS,
    generated_practices,
)
from citypeers.demo.practices.themes import (
    DIFFICULT_PAST,
    GOVERNANCE,
    INCLUSION,
    PARTICIPATION,
    PRACTICE_TYPES,
    QUALITY,
    RE_USE,
    REGENERATION,
    STRATEGIES,
    THEMES,
)

__all__ = [
    "CHIA_2021_PRACTICES",
    "DEMO_SENTENCE",
    "DIFFICULT_PAST",
    "GOVERNANCE",
    "INCLUSION",
    "PARTICIPATION",
    "PRACTICE_TYPES",
    "QUALITY",
    "REGENERATION",
    "RE_USE",
    "SIZE_HINTS",
    "SIZE_WEIGHTS",
    "STRATEGIES",
    "THEMES",
    "generated_practices",
]
