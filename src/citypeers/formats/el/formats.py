"""Greek: Δευτέρα, 8 Φεβρουαρίου 2027, 8 Φεβ. 2027, 14:30; the month in the genitive after a day
("E": Φεβρουαρίου), in the nominative alone ("F Y": Φεβρουάριος 2027), and a 24-hour clock
(Django's Greek uses d/m/Y and a 12-hour "P")."""

DATE_FORMAT = "j E Y"
SHORT_DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j E Y, H:i"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
WEEKDAY_DATE_FORMAT = "l, j E Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j N Y"
FIRST_DAY_OF_WEEK = 1  # Δευτέρα
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
