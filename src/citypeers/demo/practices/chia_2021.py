"""The practices behind the ten online peer-learning visits of Cultural Heritage in Action 2021.

One TOML file per practice in ``chia_2021/``, written from the published facts only (no invented
figures, names, quotes or links), each figure with its year where known, and with at least two
sources in ``links``, among them the visit's analytical document where it is public. What is
assumed says so to readers: Kortrijk's visit days (``programme_2021.DATES_ASSUMED``). The numbers
in the file names keep the order of the visits. Theme names in the files are those of
``themes.THEMES``.
"""

import tomllib
from pathlib import Path

FOLDER = Path(__file__).with_name("chia_2021")


def _practice(path: Path) -> dict:
    with path.open("rb") as file:
        practice = tomllib.load(file)
    # TOML has no null, so a practice whose start is unknown leaves started_on out of its file.
    # Put it back as None in its usual place, so that all ten have the same keys in one order.
    keys = list(practice)
    if "started_on" not in practice:
        keys.insert(keys.index("links"), "started_on")
    practice["links"] = practice["links"].strip()  # one address a line, as the form saves them
    return {key: practice.get(key) for key in keys}


CHIA_2021_PRACTICES = [_practice(path) for path in sorted(FOLDER.glob("*.toml"))]
