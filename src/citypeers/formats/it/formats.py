"""Italian: Lunedì 8 Febbraio 2027, Lun 8 feb 2027 (Django's Italian names of weekdays and
months are capitalised; "b" gives the abbreviated month in lower case, as Italian writes it;
the other formats are Django's)."""

WEEKDAY_DATE_FORMAT = "l j F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j b Y"

# Short dates name the month, as on the English and French pages: "22/03/2021" is ambiguous
# to readers from other countries.
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
