"""Portuguese (Portugal): Segunda-feira, 8 de Fevereiro de 2027; Seg, 8 fev 2027 (Django's
names come capitalised; "b" gives the abbreviated month in lower case; the other formats are
Django's)."""

WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"
SHORT_WEEKDAY_DATE_FORMAT = "D, j b Y"

# Short dates name the month, as on the English and French pages: "22/03/2021" is ambiguous
# to readers from other countries.
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
