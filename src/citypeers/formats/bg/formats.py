"""Bulgarian: понеделник, 8 Февруари 2027 г., 8 фев 2027 г., 14:30; the year followed by "г."
as Bulgarian writes it; abbreviated months in lower case ("b"). Django's Bulgarian month names
are capitalised ("Февруари"); there is no genitive form to use ("E" is the same word)."""

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
