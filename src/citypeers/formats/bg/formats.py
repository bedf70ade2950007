"""Bulgarian: понеделник, 8 февруари 2027 г., 8 фев 2027 г., 14:30; the year followed by "г."
as Bulgarian writes it; abbreviated months in lower case ("b"). Django's Bulgarian month and
weekday names are capitalised: locale_vendor/bg writes them in lower case."""

DATE_FORMAT = "j F Y г."
SHORT_DATE_FORMAT = "j b Y г."
DATETIME_FORMAT = "j F Y г., H:i"
SHORT_DATETIME_FORMAT = "j b Y г., H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j F"
WEEKDAY_DATE_FORMAT = "l, j F Y г."
SHORT_WEEKDAY_DATE_FORMAT = "D, j b Y г."
FIRST_DAY_OF_WEEK = 1  # понеделник
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # интервал, който не се разделя
NUMBER_GROUPING = 3
