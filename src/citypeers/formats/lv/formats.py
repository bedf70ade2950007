"""Latvian: pirmdiena, 2027. gada 8. februāris; pr, 2027. g. 8. feb. (the year first and the
month in the nominative, as Django's DATE_FORMAT has it; "N" gives the abbreviated months)."""

WEEKDAY_DATE_FORMAT = r"l, Y. \g\a\d\a j. F"
SHORT_WEEKDAY_DATE_FORMAT = r"D, Y. \g. j. N"
