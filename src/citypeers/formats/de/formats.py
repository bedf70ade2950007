"""German: Montag, 8. Februar 2027; Mo., 8. Feb. 2027 (weekday abbreviations with a full stop,
as Duden writes them; "N" gives the abbreviated months with their full stop, "Feb.", "März")."""

WEEKDAY_DATE_FORMAT = r"l, j. F Y"
SHORT_WEEKDAY_DATE_FORMAT = r"D., j. N Y"
