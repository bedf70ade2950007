"""Maltese (Django has none): 8 ta' Frar 2027, 8 Fra 2027, It-Tnejn, 8 ta' Frar 2027, 14:30;
CLDR's "d 'ta'' MMMM y", with "ta" escaped (Django reads "t" and "a" as format characters)."""

DATE_FORMAT = r"j \t\a' F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = r"j \t\a' F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = r"j \t\a' F"
WEEKDAY_DATE_FORMAT = r"l, j \t\a' F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D, j M Y"
FIRST_DAY_OF_WEEK = 0  # Il-Ħadd, as calendars in Malta (CLDR)
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
