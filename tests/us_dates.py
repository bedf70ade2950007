"""What a date written the American way looks like, for tests that scan pages and mails."""

import re

US_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"  # Jan. 1
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b"  # 03/22/2021 (or 22/03/2021: either way, ambiguous)
    r"|\b\d{1,2}:\d{2} ?[ap]\.?m\.?"  # 1:15 a.m.
)
# French months are written in lower case: "6 déc. 2026", never "6 Déc 2026" (Django's "M")
# nor "6 Décembre 2026". Only on French pages: "6 Jan 2027" is how English writes it.
CAPITALISED_FRENCH_MONTH = re.compile(
    r"\b\d{1,2} (?:Jan|Fév|Mar|Avr|Mai|Ju[inl]|Aoû|Sep|Oct|Nov|Déc)"
)


def us_dates(text: str, *, language: str) -> list[str]:
    """Every date or time in `text`, written in `language`, in a style Europe does not read."""
    found = [m.group(0) for m in US_DATE.finditer(text)]
    if language == "fr":
        found += [m.group(0) for m in CAPITALISED_FRENCH_MONTH.finditer(text)]
    return found
