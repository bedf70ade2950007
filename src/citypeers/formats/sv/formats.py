"""Swedish: måndag 8 februari 2027, mån 8 feb 2027; weekdays and months in lower case ("b" gives
the abbreviated month in lower case; Django's "M" capitalises it: "Feb")."""

WEEKDAY_DATE_FORMAT = "l j F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j b Y"
