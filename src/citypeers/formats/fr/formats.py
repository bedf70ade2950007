"""French: 8 février 2027, 8 févr. 2027, 14:30; abbreviated months in lower case with a full
stop ("N", Django's "M" capitalises them: "Déc")."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
WEEKDAY_DATE_FORMAT = "l j F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j N Y"
FIRST_DAY_OF_WEEK = 1  # lundi
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"  # espace fine insécable
NUMBER_GROUPING = 3
