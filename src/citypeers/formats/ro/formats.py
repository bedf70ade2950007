"""Romanian: Luni, 8 Februarie 2027; Lun, 8 feb 2027 (Django's Romanian names come
capitalised; "b" gives the abbreviated month in lower case; the other formats are Django's)."""

WEEKDAY_DATE_FORMAT = "l, j F Y"
SHORT_WEEKDAY_DATE_FORMAT = "D, j b Y"
