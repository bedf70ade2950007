"""Croatian: ponedjeljak, 8. veljače 2027.; pon, 8. velj. 2027. (the genitive month name, "E",
as Django's DATE_FORMAT has it; "b" gives the abbreviated months with their full stop)."""

WEEKDAY_DATE_FORMAT = r"l, j. E Y."
SHORT_WEEKDAY_DATE_FORMAT = r"D, j. b Y."
