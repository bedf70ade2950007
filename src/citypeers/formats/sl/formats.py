"""Slovenian: ponedeljek, 8. februar 2027; pon., 8. 2. 2027 (the month in words as Django's
DATE_FORMAT has it, "F"; the short form in numbers with spaces, as Slovenian writes it, since the
abbreviated month names would give "maj.")."""

WEEKDAY_DATE_FORMAT = r"l, j. F Y"
SHORT_WEEKDAY_DATE_FORMAT = r"D., j. n. Y"
