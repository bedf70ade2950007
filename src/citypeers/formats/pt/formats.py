"""Portuguese (Portugal): Segunda-feira, 8 de Fevereiro de 2027; Seg, 8 fev 2027 (Django's
names come capitalised; "b" gives the abbreviated month in lower case; the other formats are
Django's)."""

WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"
SHORT_WEEKDAY_DATE_FORMAT = "D, j b Y"
