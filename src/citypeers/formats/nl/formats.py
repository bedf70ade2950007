"""Dutch: maandag 8 februari 2027, ma 8 feb 2027; weekdays and months in lower case ("b" gives
the abbreviated month in lower case, as Dutch writes it: "mrt", "mei")."""

WEEKDAY_DATE_FORMAT = "l j F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j b Y"
