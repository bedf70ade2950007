"""Finnish: maanantai 8. helmikuuta 2027, ma 8.2.2027 (the long form takes the month in the
partitive, Django's "E", as Django's own Finnish DATE_FORMAT does)."""

WEEKDAY_DATE_FORMAT = "l j. E Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j.n.Y"
