"""Italian: Lunedì 8 Febbraio 2027, Lun 8 feb 2027 (Django's Italian names of weekdays and
months are capitalised; "b" gives the abbreviated month in lower case, as Italian writes it;
the other formats are Django's)."""

WEEKDAY_DATE_FORMAT = "l j F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D j b Y"
