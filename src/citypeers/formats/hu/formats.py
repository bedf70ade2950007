"""Hungarian: 2027. február 8., hétfő; 2027. febr. 8., hét (year first, as Hungarian writes
dates; the weekday after the date, Django's own abbreviations)."""

WEEKDAY_DATE_FORMAT = "Y. F j., l"
SHORT_WEEKDAY_DATE_FORMAT = "Y. N j., D"
