"""Irish: 8 Feabhra 2027, 8 Feabh 2027, 14:30; weekdays in full also in the short form
("Dé Luain 8 Feabh 2027"), since Django's one-letter Irish weekdays ("D") are ambiguous."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
WEEKDAY_DATE_FORMAT = "l j F Y"
SHORT_WEEKDAY_DATE_FORMAT = "l j M Y"
FIRST_DAY_OF_WEEK = 1  # Dé Luain
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
