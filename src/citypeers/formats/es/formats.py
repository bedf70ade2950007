"""Spanish (Spain): lunes, 8 de febrero de 2027; lun., 8 feb. 2027 (abbreviations with a full
stop, months in lower case; short dates name the month: 8 feb. 2027; the other formats are
Django's)."""

WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"
SHORT_WEEKDAY_DATE_FORMAT = r"D., j b. Y"

# Short dates name the month, as on the English and French pages: "22/03/2021" reads as
# 22 March in Spain but as a riddle to half the network.
SHORT_DATE_FORMAT = r"j b. Y"
SHORT_DATETIME_FORMAT = r"j b. Y, H:i"
