"""Spanish (Spain): lunes, 8 de febrero de 2027; lun., 8 feb. 2027 (abbreviations with a full
stop, months in lower case; the other formats are Django's)."""

WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"
SHORT_WEEKDAY_DATE_FORMAT = r"D., j b. Y"
