"""Ukrainian: Понеділок, 8 лютого 2027 р., 8 лют 2027 р., 14:30; the month in the genitive after a
day ("E": лютого), abbreviated months in lower case ("b"), the year followed by "р." as Ukrainian
writes it."""

DATE_FORMAT = "j E Y р."
SHORT_DATE_FORMAT = "j b Y р."
DATETIME_FORMAT = "j E Y р., H:i"
SHORT_DATETIME_FORMAT = "j b Y р., H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y р."
MONTH_DAY_FORMAT = "j E"
WEEKDAY_DATE_FORMAT = "l, j E Y р."
SHORT_WEEKDAY_DATE_FORMAT = "D, j b Y р."
FIRST_DAY_OF_WEEK = 1  # понеділок
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # нерозривний пробіл
NUMBER_GROUPING = 3
