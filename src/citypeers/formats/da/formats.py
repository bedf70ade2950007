"""Danish: mandag den 8. februar 2027, man. 8. feb. 2027; weekdays and months in lower case ("N"
gives the abbreviated months with their full stop, as Danish writes them: "feb.", "marts")."""

WEEKDAY_DATE_FORMAT = r"l \d\e\n j. F Y"
SHORT_WEEKDAY_DATE_FORMAT = r"D. j. N Y"
