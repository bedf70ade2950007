"""What a date written the American way looks like, for tests that scan pages and mails."""

import re

US_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"  # Jan. 1
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b"  # 03/22/2021 (or 22/03/2021: either way, ambiguous)
    r"|\b\d{1,2}:\d{2} ?[ap]\.?m\.?"  # 1:15 a.m.
)
# French months are written in lower case: "6 déc. 2026", never "6 Déc 2026".
CAPITALISED_FRENCH_MONTH = re.compile(
    r"\b\d{1,2} (?:Janv?|Févr?|Mars|Avr|Mai|Juin|Juil|Août|Sept?|Oct|Nov|Déc)\b"
)


def us_dates(text: str) -> list[str]:
    """Every date or time in `text` written in a style Europe does not read."""
    return [m.group(0) for m in US_DATE.finditer(text)] + [
        m.group(0) for m in CAPITALISED_FRENCH_MONTH.finditer(text)
    ]
