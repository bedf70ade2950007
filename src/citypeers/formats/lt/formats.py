"""Lithuanian: pirmadienis, 2027 m. vasario 8 d.; pr, 2027 m. vas. 8 d. (the genitive month name,
"E", as Django's DATE_FORMAT has it; "N" gives the abbreviated months with their full stop)."""

WEEKDAY_DATE_FORMAT = r"l, Y \m. E j \d."
SHORT_WEEKDAY_DATE_FORMAT = r"D, Y \m. N j \d."
